"""The offer form (o on an application's page): an offer kept without the shell, a revision or one kept beside it,
what it cannot read explained beside the field, and escape keeping nothing."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from textual.widgets import Input

from tests.support.clock import FakeClock
from tests.support.pilot import SIZE, field_error, make_app, screen_text, stored, toasts, type_text
from tui.app.pilot import settle
from tui.app.screens.application_detail import ApplicationDetailScreen
from tui.app.screens.applications import ApplicationsScreen
from tui.app.screens.offer_form import OfferFormScreen
from tui.core.kinds import PayPeriod
from tui.core.models import Application, Offer, Stage
from tui.recording import Recorder

SUNDAY = date(2026, 3, 15)  # the FakeClock's day
NEXT_FRIDAY = date(2026, 3, 20)


@pytest.fixture
def search(recorder: Recorder) -> dict[str, Application]:
    """Initech waiting for an answer, with no offer anywhere yet; Acme at the offer stage with one in euros."""
    initech = recorder.add_application("Initech", "Backend Engineer", on=SUNDAY - timedelta(days=12))
    acme = recorder.add_application("Acme", "Data Engineer", on=SUNDAY - timedelta(days=20))
    acme, _ = recorder.record_offer(
        acme.id, Offer(amount=Decimal(62000), currency="EUR", received_on=SUNDAY - timedelta(days=3))
    )
    return {"Initech": initech, "Acme": acme}


async def open_offer_form(pilot, company: str) -> OfferFormScreen:
    """All applications, the company's page, then o."""
    await settle(pilot)
    await pilot.press("A")
    await settle(pilot)
    listing = pilot.app.screen
    assert isinstance(listing, ApplicationsScreen)
    listing.table.move_cursor(row=[a.company for a in listing.records].index(company))
    await pilot.press("enter")
    await settle(pilot)
    assert isinstance(pilot.app.screen, ApplicationDetailScreen)
    await pilot.press("o")
    await settle(pilot)
    form = pilot.app.screen
    assert isinstance(form, OfferFormScreen)
    return form


async def type_into(pilot, form: OfferFormScreen, field_id: str, text: str) -> None:
    form.query_one(f"#{field_id}", Input).focus()
    await settle(pilot)
    await type_text(pilot, text)


async def test_o_on_a_page_keeps_an_offer_and_moves_it_to_the_offer_stage(
    db_path: Path, clock: FakeClock, search: dict[str, Application]
) -> None:
    app = make_app(db_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        form = await open_offer_form(pilot, "Initech")
        assert form.query_one("#currency", Input).value == "EUR"  # as most open offers are
        assert not form.query("#separate")  # nothing to keep it beside
        await type_text(pilot, "62k")  # the amount has the focus
        await type_into(pilot, form, "answer-by", "friday")
        await type_into(pilot, form, "bonus", "10% target")
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ApplicationDetailScreen)
        assert any(
            t.startswith("Saved: an offer from Initech, 62,000 EUR a year, answer by Fri 20 Mar") for t in toasts(app)
        )
        assert "62,000 EUR a year · bonus 10% target · answer by Fri 20 Mar" in screen_text(app)
    initech = stored(db_path, clock).application(search["Initech"].id)
    assert initech is not None and initech.stage is Stage.OFFER
    [offer] = initech.offers
    assert (offer.amount, offer.currency, offer.period) == (Decimal(62000), "EUR", PayPeriod.YEAR)
    assert (offer.answer_by, offer.received_on, offer.bonus, offer.replaces) == (
        NEXT_FRIDAY,
        SUNDAY,
        "10% target",
        None,
    )


async def test_with_no_open_offer_the_currency_is_asked_for(
    db_path: Path, clock: FakeClock, recorder: Recorder
) -> None:
    hooli = recorder.add_application("Hooli", "Data Engineer", on=SUNDAY - timedelta(days=5))
    app = make_app(db_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        form = await open_offer_form(pilot, "Hooli")
        await type_text(pilot, "5,200")
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen is form
        assert "the currency is needed" in field_error(app, "currency")
        await type_into(pilot, form, "currency", "usd")
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ApplicationDetailScreen)
    kept = stored(db_path, clock).application(hooli.id)
    assert kept is not None and [(o.amount, o.currency) for o in kept.offers] == [(Decimal(5200), "USD")]


async def test_a_second_offer_revises_the_last_unless_kept_beside_it(
    db_path: Path, clock: FakeClock, search: dict[str, Application]
) -> None:
    app = make_app(db_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        form = await open_offer_form(pilot, "Acme")
        assert form.query_one("#currency", Input).value == "EUR"  # the one it revises
        assert "It revises the offer of Thu 12 Mar: 62,000 EUR a year." in screen_text(app)
        await type_text(pilot, "66k")
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ApplicationDetailScreen)
        assert "(revised since)" in screen_text(app)
        await pilot.press("o")
        await settle(pilot)
        form = app.screen
        assert isinstance(form, OfferFormScreen)
        await type_text(pilot, "5.5k")
        form.query_one("#separate").focus()
        await settle(pilot)
        await pilot.press("space")
        await settle(pilot)
        assert "It stands beside the offer of Sun 15 Mar: 66,000 EUR a year." in screen_text(app)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ApplicationDetailScreen)
    first, revised, beside = stored(db_path, clock).application(search["Acme"].id).offers  # type: ignore[union-attr]
    assert (revised.amount, revised.replaces) == (Decimal(66000), first.id)
    assert (beside.amount, beside.replaces) == (Decimal(5500), None)


async def test_an_amount_it_cannot_read_is_explained_beside_it_and_the_form_kept(
    db_path: Path, clock: FakeClock, search: dict[str, Application]
) -> None:
    app = make_app(db_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        form = await open_offer_form(pilot, "Initech")
        await type_text(pilot, "lots")
        await type_into(pilot, form, "note", "call Dana first")
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen is form
        assert "cannot read the amount 'lots'; write a number such as 62000 or 62k" in field_error(app, "amount")
        assert app.focused is form.query_one("#amount")
        assert form.query_one("#amount", Input).value == "lots"
        assert form.query_one("#note", Input).value == "call Dana first"
        assert "cannot read the amount" in screen_text(app)  # on the screen at 80×24, not below it
    assert stored(db_path, clock).application(search["Initech"].id).offers == []  # type: ignore[union-attr]


async def test_a_failed_save_brings_the_form_back_as_typed(
    db_path: Path, clock: FakeClock, search: dict[str, Application], disk_full: None
) -> None:
    app = make_app(db_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        form = await open_offer_form(pilot, "Acme")
        await type_text(pilot, "45")
        form.query_one("#per").focus()
        await settle(pilot)
        await pilot.press("h")  # the period: an hour
        form.query_one("#separate").focus()
        await settle(pilot)
        await pilot.press("space")
        await pilot.press("enter")
        await settle(pilot)
        again = app.screen
        assert isinstance(again, OfferFormScreen) and again is not form
        assert again.query_one("#amount", Input).value == "45"
        assert again.query_one("#per").value is PayPeriod.HOUR  # type: ignore[attr-defined]
        assert again.query_one("#separate").value is True  # type: ignore[attr-defined]
        assert "It stands beside" in screen_text(app)


async def test_escape_keeps_nothing(db_path: Path, clock: FakeClock, search: dict[str, Application]) -> None:
    app = make_app(db_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        await open_offer_form(pilot, "Initech")
        await type_text(pilot, "62k")
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, ApplicationDetailScreen)
    initech = stored(db_path, clock).application(search["Initech"].id)
    assert initech is not None and initech.offers == [] and initech.stage is Stage.APPLIED
