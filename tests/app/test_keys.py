"""Keys as a person types them at 80×24: tab never lands in the reflection, and keys typed at once after a
key that opens a form (a paste, a fast typist, a busy machine) all belong to that form, in order."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from textual import events
from textual.widgets import Input

from tests.support.clock import FakeClock
from tests.support.pilot import SIZE, field_error, make_app, press_at_once, stored, toasts, type_text
from tui.app.pilot import settle
from tui.app.screens.add_application import AddApplicationScreen
from tui.app.screens.dashboard import DashboardScreen
from tui.app.screens.log_activity import LogActivityScreen
from tui.app.screens.move_stage import MoveStageScreen
from tui.app.widgets.actions import ActionsList
from tui.app.widgets.pending import PendingTable
from tui.app.widgets.reflection import ReflectionText
from tui.recording import Recorder

# Tab and the reflection -----------------------------------------------------------------------------


async def test_tab_and_shift_tab_go_between_the_panels_and_never_into_the_reflection(
    db_path: Path, clock: FakeClock, recorder: Recorder
) -> None:
    recorder.add_application("Acme", "Engineer", on=clock().date() - timedelta(days=3))
    app = make_app(db_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        forward = [type(app.screen.focused)]
        for _ in range(3):
            await pilot.press("tab")
            forward.append(type(app.screen.focused))
        backward = []
        for _ in range(3):
            await pilot.press("shift+tab")
            backward.append(type(app.screen.focused))
        assert forward == [ActionsList, PendingTable, ActionsList, PendingTable]
        assert backward == [ActionsList, PendingTable, ActionsList]


async def test_s_after_tab_moves_a_stage_and_is_not_typed_into_the_reflection(
    db_path: Path, clock: FakeClock, recorder: Recorder
) -> None:
    recorder.add_application("Acme", "Engineer", on=clock().date() - timedelta(days=3))
    app = make_app(db_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("tab", "s")
        assert isinstance(app.screen, MoveStageScreen)
        await pilot.press("escape", "shift+tab", "shift+tab", "space")
        await settle(pilot)
        assert app.dashboard.reflection.text == ""


async def test_the_reflection_is_reached_by_r_and_tab_leaves_it(db_path: Path, clock: FakeClock) -> None:
    app = make_app(db_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("r")
        assert isinstance(app.screen.focused, ReflectionText)
        await type_text(pilot, "Good call")
        await pilot.press("tab")
        assert not isinstance(app.screen.focused, ReflectionText)
        await pilot.press("tab", "tab", "tab")
        assert not isinstance(app.screen.focused, ReflectionText)
        assert app.dashboard.reflection.text == "Good call"


# Keys typed at once after a key that opens a form -------------------------------------------------------


async def test_a_burst_typed_right_after_a_fills_the_form_and_saves_it(db_path: Path, clock: FakeClock) -> None:
    app = make_app(db_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await press_at_once(pilot, "a", *"Acme", "tab", *"Backend", "space", *"Engineer", "enter")
        await settle(pilot)
        assert isinstance(app.screen, DashboardScreen)
        assert "Saved: applied to Acme — Backend Engineer" in toasts(app)
    assert [(a.company, a.role) for a in stored(db_path, clock).applications] == [("Acme", "Backend Engineer")]


async def test_enter_right_after_the_role_reads_the_role_as_typed(db_path: Path, clock: FakeClock) -> None:
    app = make_app(db_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("a")
        await settle(pilot)
        await press_at_once(pilot, *"Globex", "tab", *"SRE", "enter")
        await settle(pilot)
        assert "Saved: applied to Globex — SRE" in toasts(app), field_error(app, "role")
    assert [(a.company, a.role) for a in stored(db_path, clock).applications] == [("Globex", "SRE")]


async def test_keys_posted_in_one_go_after_a_reach_the_company_field(db_path: Path, clock: FakeClock) -> None:
    """Straight into the app's queue, as a terminal's paste arrives: `a`, then the name, then a paste."""
    app = make_app(db_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        for key in (events.Key("a", "a"), events.Key("I", "I"), events.Paste("nitech Labs")):
            app.post_message(key)
        await settle(pilot)
        assert isinstance(app.screen, AddApplicationScreen)
        assert app.screen.query_one("#company", Input).value == "Initech Labs"
        assert app.screen.query_one("#role", Input).value == ""


async def test_keys_after_enter_on_a_pending_row_go_to_the_form_it_opens_then_on(
    db_path: Path, clock: FakeClock, recorder: Recorder
) -> None:
    """Enter on a row opens the stage form by a message, a step later than a key binding: escape still
    reaches that form and closes it, and `l` after it opens the log form on the dashboard."""
    recorder.add_application("Acme", "Engineer", on=clock().date() - timedelta(days=3))
    app = make_app(db_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await press_at_once(pilot, "tab", "enter", "escape", "l")
        await settle(pilot)
        assert isinstance(app.screen, LogActivityScreen)
        assert [type(screen) for screen in app.screen_stack] == [DashboardScreen, LogActivityScreen]


async def test_a_burst_into_the_reflection_after_r_is_typed_there_whole(db_path: Path, clock: FakeClock) -> None:
    app = make_app(db_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await press_at_once(pilot, "r", *"Sent", "space", *"three", "escape", "l")
        await settle(pilot)
        assert app.dashboard.reflection.text == "Sent three"
        assert isinstance(app.screen, LogActivityScreen)


async def test_ctrl_q_with_typing_in_a_form_says_so_and_quits_at_the_second_press(
    db_path: Path, clock: FakeClock
) -> None:
    app = make_app(db_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("a")
        await settle(pilot)
        await type_text(pilot, "Acme")
        await pilot.press("ctrl+q")
        await settle(pilot)
        assert app.is_running
        assert isinstance(app.screen, AddApplicationScreen)
        assert any("Press ctrl+q again to quit anyway" in toast for toast in toasts(app))
        await pilot.press("ctrl+q")
        await settle(pilot)
        assert not app.is_running
