"""u and ctrl+z undo the last change, one more step each press; ctrl+y redoes; never while typing in a box."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from textual.widgets import Input

from tests.support.clock import FakeClock
from tests.support.pilot import (
    SIZE,
    make_app,
    pending_companies,
    raised,
    stored,
    table_rows,
    toasts,
    type_text,
)
from tui.app.pilot import settle
from tui.app.screens.application_detail import ApplicationDetailScreen
from tui.app.screens.applications import ApplicationsScreen
from tui.app.screens.dashboard import DashboardScreen
from tui.app.widgets.reflection import ReflectionText
from tui.core.models import Stage
from tui.recording import Recorder
from tui.store import Store

SUNDAY = date(2026, 3, 15)  # the FakeClock's day


async def test_u_undoes_the_last_change_and_says_what_it_undid(
    db_path: Path, clock: FakeClock, recorder: Recorder
) -> None:
    recorder.add_application("Acme", "Data Engineer", on=SUNDAY - timedelta(days=2))
    recorder.add_application("Hooli", "SRE", on=SUNDAY - timedelta(days=1))
    app = make_app(db_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert sorted(pending_companies(app)) == ["Acme", "Hooli"]
        await pilot.press("u")
        await settle(pilot)
        assert pending_companies(app) == ["Acme"]  # the dashboard is read afresh
        assert "Undid: added Hooli (SRE)" in toasts(app)
        assert [a.company for a in stored(db_path, clock).applications] == ["Acme"]


async def test_each_press_goes_one_more_step_back_and_ctrl_y_brings_them_back(
    db_path: Path, clock: FakeClock, recorder: Recorder
) -> None:
    acme = recorder.add_application("Acme", "Data Engineer", on=SUNDAY - timedelta(days=2))
    recorder.move_stage(acme.id, Stage.SCREENING)
    app = make_app(db_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("u")
        await settle(pilot)
        await pilot.press("ctrl+z")
        await settle(pilot)
        assert pending_companies(app) == []
        assert toasts(app)[-2:] == [
            "Undid: moved Acme (Data Engineer) to screening",
            "Undid: added Acme (Data Engineer)",
        ]
        await pilot.press("ctrl+y")
        await settle(pilot)
        assert pending_companies(app) == ["Acme"]
        assert toasts(app)[-1] == "Redid: added Acme (Data Engineer)"
        back = stored(db_path, clock).applications
        assert [(a.company, a.stage) for a in back] == [("Acme", Stage.APPLIED)]


async def test_nothing_to_undo_or_redo_is_a_gentle_warning(db_path: Path, clock: FakeClock) -> None:
    app = make_app(db_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("u")
        await settle(pilot)
        await pilot.press("ctrl+y")
        await settle(pilot)
        warnings = [(toast.message, toast.severity) for toast in raised(app)]
        assert warnings == [
            ("Nothing to undo: every change is as you made it.", "warning"),
            ("Nothing to redo: ctrl+y brings back a change after u takes it back.", "warning"),
        ]
        assert not db_path.exists()  # nothing was written


async def test_u_undoes_a_change_made_in_the_shell_and_the_app_names_itself_in_the_history(
    db_path: Path, clock: FakeClock, recorder: Recorder
) -> None:
    recorder.add_application("Acme", "Data Engineer", on=SUNDAY - timedelta(days=2))
    app = make_app(db_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("a")
        await settle(pilot)
        await type_text(pilot, "Hooli\tSRE")
        await pilot.press("enter")
        await settle(pilot)
        assert sorted(pending_companies(app)) == ["Acme", "Hooli"]
        history = Recorder(Store(db_path, clock), clock).history()
        assert [(entry.summary, entry.source) for entry in history[:2]] == [
            ("added Hooli (SRE)", "app"),
            ("added Acme (Data Engineer)", "shell"),
        ]
        await pilot.press("u", "u")
        await settle(pilot)
        assert pending_companies(app) == []
        assert toasts(app)[-2:] == ["Undid: added Hooli (SRE)", "Undid: added Acme (Data Engineer)"]


async def test_u_in_the_reflection_is_a_letter(db_path: Path, clock: FakeClock, recorder: Recorder) -> None:
    recorder.add_application("Acme", "Data Engineer", on=SUNDAY - timedelta(days=2))
    app = make_app(db_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("r")
        await type_text(pilot, "undo")
        await settle(pilot)
        assert app.dashboard.query_one(ReflectionText).text == "undo"
        await pilot.press("ctrl+z")  # the box's own undo of the typing, not the search's
        await settle(pilot)
        assert pending_companies(app) == ["Acme"]
        assert not any(t.startswith("Undid") for t in toasts(app))
        await pilot.press("escape", "u")  # out of the box, u undoes
        await settle(pilot)
        assert pending_companies(app) == []
        assert toasts(app)[-1] == "Undid: added Acme (Data Engineer)"


async def test_u_in_the_filter_box_is_a_letter_and_outside_it_undoes(
    db_path: Path, clock: FakeClock, recorder: Recorder
) -> None:
    acme = recorder.add_application("Acme", "Data Engineer", on=SUNDAY - timedelta(days=2))
    recorder.add_application("Umbrella", "Platform Engineer", on=SUNDAY - timedelta(days=3))
    recorder.move_stage(acme.id, Stage.GHOSTED)
    app = make_app(db_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("A")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, ApplicationsScreen)
        await pilot.press("slash")
        await type_text(pilot, "u")
        await pilot.press("ctrl+z", "ctrl+y")  # while typing, never the search's undo
        await settle(pilot)
        assert not any(t.startswith(("Undid", "Redid")) for t in toasts(app))
        assert screen.query_one("#applications-filter", Input).value == "u"
        assert [row[0] for row in table_rows(app, "applications")] == ["Umbrella"]
        await pilot.press("escape", "u")
        await settle(pilot)
        assert app.screen is screen
        assert toasts(app)[-1] == "Undid: moved Acme (Data Engineer) to ghosted"
        await pilot.press("backspace")  # the table has the focus: no letter is taken from the box
        assert screen.query_one("#applications-filter", Input).value == "u"
        acme_now = stored(db_path, clock).application(acme.id)
        assert acme_now is not None and acme_now.stage is Stage.APPLIED


async def test_a_delete_undone_from_the_list_comes_back_to_it(
    db_path: Path, clock: FakeClock, recorder: Recorder
) -> None:
    recorder.add_application("Acme", "Data Engineer", on=SUNDAY - timedelta(days=2))
    recorder.add_application("Hooli", "SRE", on=SUNDAY - timedelta(days=4))
    app = make_app(db_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("A")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, ApplicationsScreen)
        assert [row[0] for row in table_rows(app, "applications")] == ["Acme", "Hooli"]
        await pilot.press("d")
        await settle(pilot)
        await pilot.press("y")
        await settle(pilot)
        assert [row[0] for row in table_rows(app, "applications")] == ["Hooli"]
        await pilot.press("u")
        await settle(pilot)
        assert app.screen is screen
        assert [row[0] for row in table_rows(app, "applications")] == ["Acme", "Hooli"]
        assert toasts(app)[-1] == "Undid: deleted Acme (Data Engineer)"
        await pilot.press("ctrl+y")
        await settle(pilot)
        assert [row[0] for row in table_rows(app, "applications")] == ["Hooli"]
        assert toasts(app)[-1] == "Redid: deleted Acme (Data Engineer)"
        await pilot.press("escape")
        assert isinstance(app.screen, DashboardScreen)
        assert pending_companies(app) == ["Hooli"]


async def test_undo_on_an_application_page_shows_it_as_it_was(
    db_path: Path, clock: FakeClock, recorder: Recorder
) -> None:
    recorder.add_application("Acme", "Data Engineer", on=SUNDAY - timedelta(days=2))
    app = make_app(db_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("A", "enter")
        await settle(pilot)
        page = app.screen
        assert isinstance(page, ApplicationDetailScreen)
        await pilot.press("e")
        await settle(pilot)
        app.screen.query_one("#company", Input).value = "Acme Corp"
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen is page
        assert page.application.company == "Acme Corp"
        await pilot.press("u")
        await settle(pilot)
        assert page.application.company == "Acme"
        assert toasts(app)[-1].startswith("Undid: corrected") and "Acme" in toasts(app)[-1]
        # Undoing the addition itself: the page has nothing left to show, and goes back to the list.
        await pilot.press("u")
        await settle(pilot)
        assert isinstance(app.screen, ApplicationsScreen)
        assert table_rows(app, "applications") == []
