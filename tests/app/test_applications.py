"""All applications (A): every one listed, closed ones too; found, narrowed, sorted; opened, edited, moved, deleted."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from textual.widgets import DataTable, Input, TextArea

from tests.support.clock import ZONE, FakeClock
from tests.support.pilot import (
    SIZE,
    field_error,
    make_app,
    screen_text,
    stored,
    table_rows,
    toasts,
    type_text,
)
from tui.app import NextYesApp
from tui.app.commands import SCREEN_COMMANDS, Scope
from tui.app.pilot import settle
from tui.app.screens.application_detail import ApplicationDetailScreen
from tui.app.screens.applications import SORTS, STAGE_GROUPS, ApplicationsScreen, matches
from tui.app.screens.confirm import ConfirmScreen
from tui.app.screens.dashboard import DashboardScreen
from tui.app.screens.edit_application import EditApplicationScreen
from tui.app.screens.help import HelpScreen
from tui.app.screens.move_stage import MoveStageScreen
from tui.core.models import ActivityKind, Application, ApplicationKind, InterviewKind, RejectionReason, Stage
from tui.recording import Recorder

SUNDAY = date(2026, 3, 15)  # the FakeClock's day


def days_ago(days: int) -> date:
    return SUNDAY - timedelta(days=days)


@pytest.fixture
def search(recorder: Recorder) -> dict[str, Application]:
    """One application at each kind of end, one pending, one saved for later: seven in all."""
    acme = recorder.add_application("Acme", "Data Engineer", source="referral", on=days_ago(20), note="via Dana")
    recorder.move_stage(acme.id, Stage.SCREENING, on=days_ago(15), note="recruiter call")
    recorder.move_stage(acme.id, Stage.INTERVIEWING, on=days_ago(10))
    held = recorder.schedule_interview(
        acme.id, datetime(2026, 3, 6, 10, 0, tzinfo=ZONE), kind=InterviewKind.TECHNICAL, people=["Sam Lee"]
    )
    recorder.debrief_interview(held.id, questions=[], rating=3, went_well="SQL", change="")
    booked = recorder.schedule_interview(
        acme.id, datetime(2026, 3, 20, 9, 0, tzinfo=ZONE), round=2, kind=InterviewKind.ON_SITE, people=["Priya"]
    )
    recorder.cancel_interview(booked.id)
    recorder.move_stage(acme.id, Stage.REJECTED, reason=RejectionReason.SKILLS)
    recorder.record_feedback(acme.id, "They wanted more streaming experience.")
    recorder.edit(Application, acme.id, reapply_after=date(2026, 9, 1))
    hooli = recorder.add_application("Hooli", "Site Reliability Engineer", on=days_ago(40), source="job board")
    recorder.move_stage(hooli.id, Stage.GHOSTED, on=days_ago(5))
    wayne = recorder.add_application("Wayne", "ML Engineer", on=days_ago(30))
    recorder.move_stage(wayne.id, Stage.WITHDRAWN, on=days_ago(12))
    stark = recorder.add_application("Stark", "Staff Data Engineer", on=days_ago(25))
    recorder.move_stage(stark.id, Stage.OFFER, on=days_ago(4))
    recorder.move_stage(stark.id, Stage.ACCEPTED, on=days_ago(2))
    initech = recorder.add_application("Initech", "Backend Engineer", on=days_ago(1))
    globex = recorder.add_application("Globex", "Analytics Engineer", saved=True)
    umbrella = recorder.add_application("Umbrella", "Platform Engineer", on=days_ago(8), source="LinkedIn")
    named = (acme, hooli, wayne, stark, initech, globex, umbrella)
    return {application.company: application for application in named}


def listed(app: NextYesApp) -> list[str]:
    return [row[0] for row in table_rows(app, "applications")]


def shown_row(app: NextYesApp, company: str) -> list[str]:
    return next(row for row in table_rows(app, "applications") if row[0] == company)


async def open_list(pilot) -> ApplicationsScreen:  # type: ignore[no-untyped-def]
    await settle(pilot)
    await pilot.press("A")
    await settle(pilot)
    screen = pilot.app.screen
    assert isinstance(screen, ApplicationsScreen)
    return screen


async def highlight(pilot, company: str) -> None:  # type: ignore[no-untyped-def]
    screen = pilot.app.screen
    assert isinstance(screen, ApplicationsScreen)
    screen.table.move_cursor(row=listed(pilot.app).index(company))
    await pilot.pause()


# Seeing them all -------------------------------------------------------------------------------------


async def test_a_lists_every_application_closed_and_saved_ones_too(
    db_path: Path, clock: FakeClock, search: dict[str, Application]
) -> None:
    app = make_app(db_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        await open_list(pilot)
        assert sorted(listed(app)) == sorted(search)
        assert shown_row(app, "Acme")[2] == "rejected"
        assert shown_row(app, "Hooli")[2] == "ghosted"
        assert shown_row(app, "Globex")[2:4] == ["saved", "not sent"]
        assert "All applications (7)" in screen_text(app)
        # Most recently touched first, by default: today, then yesterday.
        assert listed(app)[:3] == ["Acme", "Globex", "Initech"]
        await pilot.press("escape")
        assert isinstance(app.screen, DashboardScreen)


async def test_f_steps_through_pending_closed_and_each_stage(
    db_path: Path, clock: FakeClock, search: dict[str, Application]
) -> None:
    app = make_app(db_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        await open_list(pilot)
        await pilot.press("f")
        assert sorted(listed(app)) == ["Initech", "Umbrella"]
        assert "stages: pending (f)" in screen_text(app)
        assert "All applications (2 of 7)" in screen_text(app)
        await pilot.press("f")
        assert sorted(listed(app)) == ["Acme", "Hooli", "Stark", "Wayne"]
        await pilot.press("f")  # then each stage, in pipeline order: saved first
        assert listed(app) == ["Globex"]
        for _ in range(len(Stage)):  # round every stage, back to all
            await pilot.press("f")
        assert len(listed(app)) == 7


async def test_a_stage_with_nothing_in_it_says_so_and_the_next_one_has_the_keys_again(
    db_path: Path, clock: FakeClock, search: dict[str, Application]
) -> None:
    app = make_app(db_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_list(pilot)
        await pilot.press("f", "f", "f", "f", "f")  # pending, closed, saved, applied, screening
        assert listed(app) == []
        assert "None in screening. f shows other stages" in screen_text(app)
        await pilot.press("f", "f", "f")  # interviewing, offer, accepted
        assert listed(app) == ["Stark"]
        assert screen.table.has_focus
        await pilot.press("e")
        await settle(pilot)
        assert isinstance(app.screen, EditApplicationScreen)
        assert app.screen.application.company == "Stark"


async def test_o_sorts_by_applied_day_company_and_stage(
    db_path: Path, clock: FakeClock, search: dict[str, Application]
) -> None:
    app = make_app(db_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        await open_list(pilot)
        await pilot.press("o")
        assert listed(app) == ["Initech", "Umbrella", "Acme", "Stark", "Wayne", "Hooli", "Globex"]
        assert "order: applied day (o)" in screen_text(app)
        await pilot.press("o")
        assert listed(app) == sorted(search)
        await pilot.press("o")
        assert listed(app) == ["Globex", "Initech", "Umbrella", "Stark", "Acme", "Hooli", "Wayne"]
        await pilot.press("o")
        assert "order: last touched (o)" in screen_text(app)


async def test_every_stage_order_and_words_typed_list_what_narrowing_then_sorting_gives(
    db_path: Path, clock: FakeClock, search: dict[str, Application]
) -> None:
    """The list sorts each search's applications once per order (`in_order`) and narrows that: the same rows
    in the same order as narrowing them first, then sorting, ties kept in the search's order."""
    app = make_app(db_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_list(pilot)
        assert app.snapshot is not None
        applications = app.snapshot.search.applications
        for group, (_, stages) in enumerate(STAGE_GROUPS):
            for sort, (_, key) in enumerate(SORTS):
                for typed in ("", "engineer", "data eng", "zzz"):
                    screen.group, screen.sort = group, sort
                    screen.query_one("#applications-filter", Input).value = typed
                    words = typed.split()
                    narrowed = [a for a in applications if a.stage in stages and matches(a, words)]
                    expected = sorted(narrowed, key=lambda application: key(application, app.snapshot.search))
                    assert screen.listed(app.snapshot) == expected, (group, sort, typed)


async def test_slash_finds_by_text_and_letters_typed_there_run_no_command(
    db_path: Path, clock: FakeClock, search: dict[str, Application]
) -> None:
    app = make_app(db_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_list(pilot)
        await pilot.press("slash")
        filter_box = screen.query_one("#applications-filter", Input)
        assert filter_box.has_focus
        # Every letter here is a key elsewhere: s moves, e edits, d deletes, u undoes, f and o, q and A close.
        await type_text(pilot, "data engineer")
        await settle(pilot)
        assert filter_box.value == "data engineer"
        assert sorted(listed(app)) == ["Acme", "Stark"]
        assert app.screen is screen
        assert len(stored(db_path, clock).applications) == 7
        await pilot.press("escape")  # leaves the box; what was typed still filters
        assert screen.table.has_focus
        assert sorted(listed(app)) == ["Acme", "Stark"]
        assert "All applications (2 of 7)" in screen_text(app)
        await pilot.press("slash")
        await type_text(pilot, " nothing like it")
        await settle(pilot)
        assert listed(app) == []
        assert "Nothing matching 'data engineer nothing like it' at any stage" in screen_text(app)
        await pilot.press("enter")  # leaves the box too
        assert not filter_box.has_focus
        await pilot.press("escape")
        assert isinstance(app.screen, DashboardScreen)


async def test_the_filter_reads_source_and_notes_too(
    db_path: Path, clock: FakeClock, search: dict[str, Application]
) -> None:
    app = make_app(db_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        await open_list(pilot)
        await pilot.press("slash")
        await type_text(pilot, "LINKEDIN")
        await settle(pilot)
        assert listed(app) == ["Umbrella"]
        await pilot.press(*["backspace"] * 8)
        await type_text(pilot, "dana")  # the note Acme was added with
        await settle(pilot)
        assert listed(app) == ["Acme"]


# One application's page ----------------------------------------------------------------------------------


async def test_enter_opens_its_page_with_every_field_and_its_history(
    db_path: Path, clock: FakeClock, search: dict[str, Application]
) -> None:
    app = make_app(db_path, clock)
    async with app.run_test(size=(80, 80)) as pilot:  # tall enough for the whole page at once
        await open_list(pilot)
        await highlight(pilot, "Acme")
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ApplicationDetailScreen)
        page = screen_text(app)
        for expected in (
            "Acme — Data Engineer",
            "rejected since Sun 15 Mar",
            "Applied      Mon 23 Feb",
            "Source       referral",
            "Why the no   skills",
            "They wanted more streaming experience.",
            "Reapply from Tue 01 Sep",
            "Stage moves (5)",
            "Sat 28 Feb screening — recruiter call",
            "Sun 15 Mar interviewing, round 2",
            "Sun 15 Mar rejected",
            "Interviews (2)",
            "Fri 06 Mar 10:00 technical interview, round 1, with Sam Lee · ✓ debriefed,",
            "rated 3/5",
            "Fri 20 Mar 09:00 on-site interview, round 2, with Priya · ✗ cancelled",
            "Logged for it",
            "apply · via Dana",
        ):
            assert expected in page, expected
        await pilot.press("escape")
        assert isinstance(app.screen, ApplicationsScreen)


async def test_the_page_scrolls_at_80_by_24(db_path: Path, clock: FakeClock, search: dict[str, Application]) -> None:
    app = make_app(db_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        await open_list(pilot)
        await highlight(pilot, "Acme")
        await pilot.press("enter")
        await settle(pilot)
        assert "Logged for it" not in screen_text(app)
        assert "e edit · a the ad · o offer · s stage · d delete · u undo" in screen_text(app)
        await pilot.press("end")
        await settle(pilot)
        assert "Logged for it" in screen_text(app)


# Correcting, moving, deleting --------------------------------------------------------------------------


async def test_e_corrects_every_field_and_the_list_shows_it(
    db_path: Path, clock: FakeClock, search: dict[str, Application]
) -> None:
    app = make_app(db_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_list(pilot)
        await highlight(pilot, "Umbrella")
        await pilot.press("e")
        await settle(pilot)
        form = app.screen
        assert isinstance(form, EditApplicationScreen)
        assert form.query_one("#company", Input).value == "Umbrella"
        assert form.query_one("#applied-on", Input).value == "2026-03-07"
        typed = {
            "company": "Umbrella Corp",
            "role": "Senior Platform Engineer",
            "source": "referral",
            "url": "https://umbrella.example/jobs/7",
            "location": "Berlin",
            "applied-on": "2026-03-05",
            "next-step": "call Dana",
            "next-step-on": "next friday",
            "reapply-after": "2026-10-01",
        }
        for field_id, text in typed.items():
            form.query_one(f"#{field_id}", Input).value = text
        form.query_one("#notes", TextArea).text = "Dana knows the hiring manager.\nAsk about the team."
        form.query_one("#company", Input).focus()
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen is screen
        umbrella = stored(db_path, clock).application(search["Umbrella"].id)
        assert umbrella is not None
        assert (umbrella.company, umbrella.role, umbrella.source, umbrella.location) == (
            "Umbrella Corp",
            "Senior Platform Engineer",
            "referral",
            "Berlin",
        )
        assert umbrella.url == "https://umbrella.example/jobs/7"
        assert umbrella.applied_on == date(2026, 3, 5)
        assert (umbrella.next_step, umbrella.next_step_on) == ("call Dana", date(2026, 3, 20))
        assert umbrella.reapply_after == date(2026, 10, 1)
        assert umbrella.notes == "Dana knows the hiring manager.\nAsk about the team."
        assert umbrella.kind is ApplicationKind.FULL_TIME
        # The apply activity moved with the applied day.
        applies = stored(db_path, clock).activities_for(umbrella, ActivityKind.APPLY)
        assert [activity.logical_day for activity in applies] == [date(2026, 3, 5)]
        assert "Umbrella Corp" in listed(app)
        assert any(t.startswith("Saved: corrected Umbrella: company, role, source, URL, location") for t in toasts(app))


async def test_the_edit_form_explains_what_it_cannot_save_and_keeps_the_typing(
    db_path: Path, clock: FakeClock, search: dict[str, Application]
) -> None:
    app = make_app(db_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        await open_list(pilot)
        await highlight(pilot, "Initech")
        await pilot.press("e")
        await settle(pilot)
        form = app.screen
        assert isinstance(form, EditApplicationScreen)
        form.query_one("#company", Input).value = ""
        form.query_one("#applied-on", Input).value = "in 3 days"
        form.query_one("#role", Input).value = "Staff Backend Engineer"
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen is form
        assert field_error(app, "company") == "⚠ the company is needed"
        assert "future" in field_error(app, "applied-on")
        assert form.query_one("#role", Input).value == "Staff Backend Engineer"
        initech = stored(db_path, clock).application(search["Initech"].id)
        assert initech is not None and initech.role == "Backend Engineer"


async def test_e_with_nothing_changed_saves_nothing(
    db_path: Path, clock: FakeClock, search: dict[str, Application]
) -> None:
    app = make_app(db_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_list(pilot)
        await pilot.press("e")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen is screen
        assert "Nothing changed, so nothing was saved." in toasts(app)
        assert not any(t.startswith("Saved") for t in toasts(app))


async def test_s_reopens_a_ghosted_application_on_the_day_the_reply_came(
    db_path: Path, clock: FakeClock, search: dict[str, Application]
) -> None:
    app = make_app(db_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_list(pilot)
        await highlight(pilot, "Hooli")
        await pilot.press("s")
        await settle(pilot)
        form = app.screen
        assert isinstance(form, MoveStageScreen)
        await pilot.press("up", "up", "up", "up", "up")  # ghosted → screening
        form.query_one("#day", Input).value = "yesterday"
        await pilot.press("tab")
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen is screen
        hooli = stored(db_path, clock).application(search["Hooli"].id)
        assert hooli is not None
        assert hooli.stage is Stage.SCREENING
        assert hooli.stage_history[-1].day == days_ago(1)
        assert shown_row(app, "Hooli")[2] == "screening"
        # Pending again: on the dashboard's table too.
        await pilot.press("escape")
        assert "Hooli" in screen_text(app)


async def test_d_asks_first_and_n_keeps_it(db_path: Path, clock: FakeClock, search: dict[str, Application]) -> None:
    app = make_app(db_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_list(pilot)
        await highlight(pilot, "Acme")
        await pilot.press("d")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmScreen)
        question = screen_text(app)
        assert "Delete Acme (Data Engineer) and its 2 interviews?" in question
        assert "y delete · n or escape keep" in question
        await pilot.press("n")
        await settle(pilot)
        assert app.screen is screen
        assert "Acme" in listed(app)
        assert len(stored(db_path, clock).applications) == 7


async def test_d_then_y_deletes_it_and_its_interviews(
    db_path: Path, clock: FakeClock, search: dict[str, Application]
) -> None:
    app = make_app(db_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_list(pilot)
        await highlight(pilot, "Acme")
        await pilot.press("d")
        await settle(pilot)
        await pilot.press("y")
        await settle(pilot)
        assert app.screen is screen
        assert "Acme" not in listed(app)
        after = stored(db_path, clock)
        assert search["Acme"].id not in {a.id for a in after.applications}
        assert not after.interviews
        assert "Saved: deleted Acme (Data Engineer)" in toasts(app)


async def test_the_page_edits_and_deletes_too_and_closes_once_it_is_gone(
    db_path: Path, clock: FakeClock, search: dict[str, Application]
) -> None:
    app = make_app(db_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_list(pilot)
        await highlight(pilot, "Wayne")
        await pilot.press("enter")
        await settle(pilot)
        page = app.screen
        assert isinstance(page, ApplicationDetailScreen)
        await pilot.press("e")
        await settle(pilot)
        form = app.screen
        assert isinstance(form, EditApplicationScreen)
        form.query_one("#location", Input).value = "Gotham"
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen is page
        assert "Location     Gotham" in screen_text(app)
        await pilot.press("d")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("enter")  # on the lit choice: delete
        await settle(pilot)
        assert app.screen is screen
        assert "Wayne" not in listed(app)


async def test_every_key_of_the_list_and_the_page_is_in_help_and_the_palette(
    db_path: Path, clock: FakeClock, search: dict[str, Application]
) -> None:
    app = make_app(db_path, clock)
    async with app.run_test(size=(80, 240)) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        shown = screen_text(app)
        for scope in (Scope.APPLICATIONS, Scope.APPLICATION):
            assert scope.value in shown
        assert "All applications" in shown and "Undo the last change" in shown
        await pilot.press("escape")
        screen = await open_list(pilot)
        offered = {command.title for command in app.get_system_commands(screen)}
        wanted = {command.title for command in SCREEN_COMMANDS if command.scope is Scope.APPLICATIONS}
        assert {"Find applications by text", "Delete the application", "Undo the last change"} <= wanted <= offered
        await pilot.press("enter")
        await settle(pilot)
        page_offered = {command.title for command in app.get_system_commands(app.screen)}
        assert {"Edit the application", "Move the application's stage", "Redo what was undone"} <= page_offered


async def test_the_palette_runs_a_command_of_the_list(
    db_path: Path, clock: FakeClock, search: dict[str, Application]
) -> None:
    app = make_app(db_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_list(pilot)
        await pilot.press("ctrl+p")
        await type_text(pilot, "Show other stages")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen is screen
        assert sorted(listed(app)) == ["Initech", "Umbrella"]


async def test_an_empty_search_says_how_to_begin(db_path: Path, clock: FakeClock) -> None:
    app = make_app(db_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_list(pilot)
        assert "No applications yet. Escape, then a adds the first one." in screen_text(app)
        await pilot.press("e")
        assert app.screen is screen
        assert "No application to edit here. Escape, then a adds one." in toasts(app)
        assert not screen.query_one(DataTable).display
