"""The résumé, the ad, the salaries and the offers in the app: the add and edit forms, the application's page and
its ad (a), the offers side by side (O), the applications found by a word of their ad, and insights by version."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from textual.widgets import Input, TextArea

from tests.support.clock import FakeClock
from tests.support.pilot import SIZE, make_app, screen_text, stored, table_rows, toasts, type_text
from tui.app.pilot import settle
from tui.app.screens.add_application import AddApplicationScreen
from tui.app.screens.application_detail import ApplicationDetailScreen
from tui.app.screens.applications import ApplicationsScreen
from tui.app.screens.edit_application import EditApplicationScreen
from tui.app.screens.insights import InsightsScreen
from tui.app.screens.job_ad import JobAdScreen
from tui.app.screens.offers import OffersScreen
from tui.core.models import Application, Offer
from tui.recording import Recorder

SUNDAY = date(2026, 3, 15)  # the FakeClock's day
AD = "Senior Data Engineer\n\nYou will build pipelines with Airflow and dbt.\nWe pay €60–70k."


@pytest.fixture
def search(recorder: Recorder) -> dict[str, Application]:
    """Acme with its ad and a revised offer; Globex with an hourly offer in dollars due today; Initech waiting."""
    acme = recorder.add_application(
        "Acme",
        "Data Engineer",
        on=SUNDAY - timedelta(days=20),
        resume="data-v2",
        ad=AD,
        salary_advertised="€60–70k",
        salary_asked="72k",
    )
    first = Offer(amount=Decimal(62000), currency="EUR", received_on=SUNDAY - timedelta(days=3))
    recorder.record_offer(acme.id, first)
    revised = Offer(
        amount=Decimal(66000),
        currency="EUR",
        received_on=SUNDAY - timedelta(days=1),
        answer_by=SUNDAY + timedelta(days=4),
        replaces=first.id,
        bonus="10% target",
    )
    acme, _ = recorder.record_offer(acme.id, revised)
    globex = recorder.add_application("Globex", "Platform Engineer", on=SUNDAY - timedelta(days=10), resume="generic")
    globex, _ = recorder.record_offer(
        globex.id,
        Offer(amount=Decimal(45), currency="USD", period="hour", received_on=SUNDAY, answer_by=SUNDAY),
    )
    initech = recorder.add_application("Initech", "Backend Engineer", on=SUNDAY - timedelta(days=2))
    return {"Acme": acme, "Globex": globex, "Initech": initech}


async def open_page(pilot, company: str) -> ApplicationDetailScreen:
    await settle(pilot)
    await pilot.press("A")
    await settle(pilot)
    listing = pilot.app.screen
    assert isinstance(listing, ApplicationsScreen)
    listing.table.move_cursor(row=[a.company for a in listing.records].index(company))
    await pilot.press("enter")
    await settle(pilot)
    page = pilot.app.screen
    assert isinstance(page, ApplicationDetailScreen)
    return page


async def test_the_add_form_keeps_the_resume_version_and_the_salary(db_path: Path, clock: FakeClock) -> None:
    app = make_app(db_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("a")
        await settle(pilot)
        form = app.screen
        assert isinstance(form, AddApplicationScreen)
        form.query_one("#company", Input).value = "Hooli"
        form.query_one("#role", Input).value = "Data Engineer"
        form.query_one("#resume", Input).focus()
        await type_text(pilot, "data-v2")
        form.query_one("#salary", Input).value = "€60–70k"
        await pilot.press("enter")
        await settle(pilot)
        [hooli] = stored(db_path, clock).applications
        assert (hooli.resume, hooli.salary_advertised) == ("data-v2", "€60–70k")


async def test_the_edit_form_shows_and_corrects_the_resume_and_the_salaries(
    db_path: Path, clock: FakeClock, search: dict[str, Application]
) -> None:
    app = make_app(db_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        await open_page(pilot, "Acme")
        await pilot.press("e")
        await settle(pilot)
        form = app.screen
        assert isinstance(form, EditApplicationScreen)
        assert form.query_one("#resume", Input).value == "data-v2"
        assert form.query_one("#asked", Input).value == "72k"
        form.query_one("#resume", Input).value = "data-v3"
        form.query_one("#resume-path", Input).value = "~/cv/data-v3.pdf"
        form.query_one("#salary", Input).value = "€65–75k"
        await pilot.press("enter")
        await settle(pilot)
        acme = stored(db_path, clock).application(search["Acme"].id)
        assert acme is not None
        assert (acme.resume, acme.resume_path, acme.salary_advertised) == ("data-v3", "~/cv/data-v3.pdf", "€65–75k")
        assert "Saved: corrected Acme: résumé version, résumé's file, advertised salary" in toasts(app)
        assert "Résumé       data-v3 (~/cv/data-v3.pdf)" in screen_text(app)


async def test_the_page_shows_the_offers_with_their_history_and_the_ad_whole(
    db_path: Path, clock: FakeClock, search: dict[str, Application]
) -> None:
    app = make_app(db_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        await open_page(pilot, "Acme")
        shown = screen_text(app)
        assert "Salary       €60–70k advertised · 72k asked" in shown
        assert "Offers (2)" in shown
        assert "Thu 12 Mar 62,000 EUR a year (revised since)" in shown
        assert "Sat 14 Mar 66,000 EUR a year · bonus 10% target · answer by Thu 19 Mar" in shown
        await pilot.press("end")
        await settle(pilot)
        shown = screen_text(app)
        assert "The ad" in shown and "You will build pipelines with Airflow and dbt." in shown


async def test_a_on_the_page_opens_the_ad_and_ctrl_s_keeps_what_was_pasted(
    db_path: Path, clock: FakeClock, search: dict[str, Application]
) -> None:
    app = make_app(db_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        page = await open_page(pilot, "Initech")
        await pilot.press("end")
        await settle(pilot)
        assert "none kept yet: a pastes it" in screen_text(app)
        await pilot.press("a")
        await settle(pilot)
        form = app.screen
        assert isinstance(form, JobAdScreen)
        assert app.focused is form.query_one("#ad", TextArea)
        await type_text(pilot, "Backend role")
        await pilot.press("enter")  # a new line, not a save
        await type_text(pilot, "Go and Postgres")
        await settle(pilot)
        assert app.screen is form
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is page
        initech = stored(db_path, clock).application(search["Initech"].id)
        assert initech is not None and initech.ad == "Backend role\nGo and Postgres"
        await pilot.press("a")
        await settle(pilot)
        await type_text(pilot, "more")
        await pilot.press("escape")
        await settle(pilot)
        initech = stored(db_path, clock).application(search["Initech"].id)
        assert initech is not None and initech.ad == "Backend role\nGo and Postgres"  # escape saved nothing


async def test_the_applications_are_found_by_a_word_of_their_ad(
    db_path: Path, clock: FakeClock, search: dict[str, Application]
) -> None:
    app = make_app(db_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("A")
        await settle(pilot)
        await pilot.press("slash")
        await type_text(pilot, "airflow")
        await settle(pilot)
        assert [row[0] for row in table_rows(app, "applications")] == ["Acme"]


async def test_capital_o_sets_the_open_offers_side_by_side_on_the_period_and_currency_chosen(
    db_path: Path, clock: FakeClock, search: dict[str, Application]
) -> None:
    app = make_app(db_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("O")
        await settle(pilot)
        assert isinstance(app.screen, OffersScreen)
        rows = table_rows(app, "offers-table")
        assert [row[0] for row in rows] == ["Globex — Platform Engineer", "Acme — Data Engineer"]  # deadline first
        assert rows[0][1:] == ["93,600 USD", "45 USD an hour", "Sun 15 Mar"]  # 45 × 2,080 hours, in USD first
        assert rows[1][1] == "not converted"
        assert "Offers in EUR are shown as made: nextyes fetches no rates" in " ".join(screen_text(app).split())
        await pilot.press("c", "p")
        await settle(pilot)
        rows = table_rows(app, "offers-table")
        assert rows[1][1] == "5,500 EUR"  # 66,000 a year is 5,500 a month
        assert rows[0][1] == "not converted"
        assert "A month in EUR, the nearest deadline first:" in screen_text(app)
        await pilot.press("escape")
        await settle(pilot)
        assert not isinstance(app.screen, OffersScreen)


async def test_the_answer_due_today_is_marked_urgent_in_todays_actions(
    db_path: Path, clock: FakeClock, search: dict[str, Application]
) -> None:
    app = make_app(db_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert "│ ! Answer the offer from Globex (Platform" in screen_text(app)


async def test_insights_show_replies_by_resume_version_and_the_offer_against_the_ad(
    db_path: Path, clock: FakeClock, search: dict[str, Application]
) -> None:
    app = make_app(db_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("i")
        await settle(pilot)
        assert isinstance(app.screen, InsightsScreen)
        await pilot.press("end")
        await settle(pilot)
        shown = " ".join(" ".join(line.strip("│ ").split()) for line in screen_text(app).splitlines())
        assert "version sent replied interviewed offers data-v2 1 1 of 1 1 of 1 1 of 1" in shown
        assert "none named 1 0 of 1 0 of 1 0 of 1" in shown  # Initech: sent with no version named
        assert "Acme: 66,000 EUR a year, within the 60,000–70,000 EUR advertised" in shown
