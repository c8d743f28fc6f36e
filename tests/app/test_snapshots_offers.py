"""Pictures at 80×24 of the offers side by side (O), an application's page with its offers and its ad, the
ad read whole in its own box (a on the page) and the offer form (o on the page).

Update them after a deliberate change with `pytest tests/app/test_snapshots_offers.py --snapshot-update`, then
look at the SVGs before committing.
"""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from textual.pilot import Pilot

from tests.support.clock import FakeClock
from tests.support.pilot import SIZE
from tui.app import NextYesApp
from tui.app.pilot import settle
from tui.app.screens.applications import ApplicationsScreen
from tui.core.models import Offer
from tui.recording import Recorder
from tui.store import Store

NO_POLL = 3600.0
SUNDAY = date(2026, 3, 15)  # the FakeClock's day
AD = """Senior Data Engineer — Acme, Berlin or remote

You will build and run the pipelines our analysts rely on: Airflow, dbt and Postgres today, streaming
with Kafka next year. You will pair with the analytics team and own the quality of what we load.

What we look for
- five years of building data pipelines in Python and SQL
- care for tests, reviews and the people who read your code
- some experience of Kafka or another streaming system is a plus

We pay €60–70k a year, with 30 days off and a learning budget of €1,500."""


@pytest.fixture
def offers(db_path: Path, clock: FakeClock) -> NextYesApp:
    """Three open offers: a revised one in euros a year, one a month, one in dollars an hour due today."""
    recorder = Recorder(Store(db_path, clock), clock)
    acme = recorder.add_application(
        "Acme", "Data Engineer", on=SUNDAY - timedelta(days=20), resume="data-v2", ad=AD, salary_advertised="€60–70k"
    )
    first = Offer(amount=Decimal(62000), currency="EUR", received_on=SUNDAY - timedelta(days=3))
    recorder.record_offer(acme.id, first)
    recorder.record_offer(
        acme.id,
        Offer(
            amount=Decimal(66000),
            currency="EUR",
            received_on=SUNDAY - timedelta(days=1),
            answer_by=SUNDAY + timedelta(days=4),
            replaces=first.id,
            bonus="10% target",
            start_on=date(2026, 5, 1),
        ),
    )
    initech = recorder.add_application("Initech", "Analytics Engineer", on=SUNDAY - timedelta(days=12))
    recorder.record_offer(
        initech.id,
        Offer(
            amount=Decimal(5200),
            currency="EUR",
            period="month",
            received_on=SUNDAY - timedelta(days=2),
            answer_by=SUNDAY + timedelta(days=2),
            equity="0.05% over 4 years",
        ),
    )
    globex = recorder.add_application("Globex", "Platform Engineer", on=SUNDAY - timedelta(days=10))
    recorder.record_offer(
        globex.id, Offer(amount=Decimal(45), currency="USD", period="hour", received_on=SUNDAY, answer_by=SUNDAY)
    )
    return NextYesApp(db_path=db_path, now=clock, poll_interval=NO_POLL)


def keys(*pressed: str):
    async def run_before(pilot: Pilot[None]) -> None:
        await settle(pilot)
        for key in pressed:
            await pilot.press(key)
            await settle(pilot)

    return run_before


async def open_acme(pilot: Pilot[None]) -> None:
    await settle(pilot)
    await pilot.press("A")
    await settle(pilot)
    listing = pilot.app.screen
    assert isinstance(listing, ApplicationsScreen)
    listing.table.move_cursor(row=[a.company for a in listing.records].index("Acme"))
    await pilot.press("enter")
    await settle(pilot)


def test_offers_side_by_side(snap_compare, offers: NextYesApp) -> None:
    """A year in euros, the nearest deadline first; the dollar offer shown as made, and why."""
    assert snap_compare(offers, terminal_size=SIZE, run_before=keys("O"))


def test_offers_a_month(snap_compare, offers: NextYesApp) -> None:
    """p: the same offers a month (the toast saying so cleared, so the picture does not hang on its timing)."""

    async def run_before(pilot: Pilot[None]) -> None:
        await keys("O", "p")(pilot)
        pilot.app.clear_notifications()
        await settle(pilot)

    assert snap_compare(offers, terminal_size=SIZE, run_before=run_before)


def test_an_application_page_with_its_offers(snap_compare, offers: NextYesApp) -> None:
    """The résumé and salary rows, and the offers: the first one marked revised."""

    async def run_before(pilot: Pilot[None]) -> None:
        await open_acme(pilot)
        await pilot.press("down", "down", "down", "down", "down", "down")
        await settle(pilot)

    assert snap_compare(offers, terminal_size=SIZE, run_before=run_before)


def test_the_ad_read_whole(snap_compare, offers: NextYesApp) -> None:
    """a on the page: the whole ad in its own box, to read, paste or correct."""

    async def run_before(pilot: Pilot[None]) -> None:
        await open_acme(pilot)
        await pilot.press("a")
        await settle(pilot)

    assert snap_compare(offers, terminal_size=SIZE, run_before=run_before)


def test_the_offer_form(snap_compare, offers: NextYesApp) -> None:
    """o on the page: the currency and period of the offer it revises filled in, the deadline typed as a weekday,
    and what saving does said under the fields."""

    async def run_before(pilot: Pilot[None]) -> None:
        await open_acme(pilot)
        await pilot.press("o")
        await settle(pilot)
        await pilot.press("6", "8", "k", "tab", "tab", "tab", "tab", "tab", "tab", "tab")
        await pilot.press("f", "r", "i", "d", "a", "y")
        await settle(pilot)

    assert snap_compare(offers, terminal_size=SIZE, run_before=run_before)
