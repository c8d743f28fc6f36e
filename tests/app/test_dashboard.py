"""The dashboard driven by its keys, at 80×24, on a database in a temporary folder and a fixed clock."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from pathlib import Path
from types import SimpleNamespace

import pytest
from textual.geometry import Region
from textual.pilot import Pilot
from textual.screen import Screen
from textual.widgets import Input, Static
from textual.widgets._toast import Toast

from tests.support.clock import ZONE, FakeClock
from tests.support.pilot import (
    SIZE,
    calendar_cell,
    field_error,
    header,
    heatmap_rows,
    make_app,
    pending_cell,
    pending_companies,
    raised,
    screen_text,
    toasts,
    type_text,
)
from tui.app import NextYesApp
from tui.app.commands import COMMANDS, NAVIGATION
from tui.app.pilot import settle
from tui.app.screens.add_application import AddApplicationScreen
from tui.app.screens.dashboard import DashboardScreen, UnsavedReflectionScreen
from tui.app.screens.help import HelpScreen
from tui.app.screens.log_activity import LogActivityScreen
from tui.app.screens.move_stage import MoveStageScreen
from tui.app.screens.progress import ProgressScreen
from tui.app.screens.rest_day import RestDayScreen
from tui.app.widgets.actions import ActionsList
from tui.app.widgets.heatmap import LABEL_WIDTH, WEEKS, Heatmap
from tui.app.widgets.pending import PendingTable
from tui.app.widgets.reflection import ReflectionPanel, ReflectionText
from tui.core.models import ActivityKind, Stage
from tui.recording import Recorder
from tui.store import Store


async def test_first_run_shows_an_empty_dashboard_and_a_fresh_start(db_path: Path, clock: FakeClock) -> None:
    app = make_app(db_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert "A fresh start" in header(app)
        assert "○ Today 0 of 1" in header(app)
        actions = app.dashboard.query_one(ActionsList)
        assert [action.title for action in actions.actions.values()] == [
            "Do one thing for your search: 0 of 1 point today",
            "Write today's reflection",
        ]
        assert "Nothing waiting on a reply yet" in screen_text(app)
    assert not db_path.exists()  # opening the app writes nothing


async def test_add_application_with_tab_and_enter_shows_it_and_saves_it(db_path: Path, clock: FakeClock) -> None:
    app = make_app(db_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("a")
        assert isinstance(app.screen, AddApplicationScreen)
        assert app.screen.focused is app.screen.query_one("#company", Input)
        await type_text(pilot, "Acme")
        await pilot.press("tab")
        await type_text(pilot, "Backend Engineer")
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, DashboardScreen)
        assert pending_companies(app) == ["Acme"]
        assert "Saved: applied to Acme — Backend Engineer" in toasts(app)
        assert "█ Today done, 1 of 1" in header(app)
    stored = Store(db_path, clock).load()
    assert [(a.company, a.role, a.applied_on) for a in stored.applications] == [
        ("Acme", "Backend Engineer", clock().date())
    ]


async def test_enter_saves_from_the_last_field_with_a_typed_date(db_path: Path, clock: FakeClock) -> None:
    app = make_app(db_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("a")
        await type_text(pilot, "Globex")
        await pilot.press("tab")
        await type_text(pilot, "SRE")
        await pilot.press("tab", "tab", "tab", "tab")  # kind, source, url, applied on
        applied_on = app.screen.query_one("#applied-on", Input)
        assert app.screen.focused is applied_on
        applied_on.value = ""
        await type_text(pilot, "3 days ago")
        await pilot.press("tab")
        await type_text(pilot, "via Dana")
        await pilot.press("enter")
        await settle(pilot)
    (application,) = Store(db_path, clock).load().applications
    assert application.applied_on == clock().date() - timedelta(days=3)
    assert application.notes == "via Dana"


async def test_invalid_input_is_explained_beside_the_field_and_kept(db_path: Path, clock: FakeClock) -> None:
    app = make_app(db_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("a")
        await type_text(pilot, "Acme")
        await pilot.press("tab", "tab", "tab", "tab", "tab")  # role, kind, source, url, applied on
        app.screen.query_one("#applied-on", Input).value = ""
        await type_text(pilot, "someday")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, AddApplicationScreen)
        assert "the role is needed" in field_error(app, "role")
        assert "cannot read the date 'someday'" in field_error(app, "applied-on")
        assert field_error(app, "company") == ""
        assert app.screen.focused is app.screen.query_one("#role", Input)  # the first one to fix
        assert app.screen.query_one("#company", Input).value == "Acme"
        assert app.screen.query_one("#applied-on", Input).value == "someday"
    assert not db_path.exists()


async def test_too_long_text_is_refused_with_the_limit(db_path: Path, clock: FakeClock) -> None:
    app = make_app(db_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("a")
        app.screen.query_one("#company", Input).value = "A" * 201
        await pilot.press("tab")
        await type_text(pilot, "Engineer")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, AddApplicationScreen)
        assert "at most 200" in field_error(app, "company")
    assert not db_path.exists()


async def test_escape_cancels_the_form_and_writes_nothing(db_path: Path, clock: FakeClock) -> None:
    app = make_app(db_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("a")
        await type_text(pilot, "Acme")
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, DashboardScreen)
        assert pending_companies(app) == []
    assert not db_path.exists()


async def test_l_logs_an_activity(db_path: Path, clock: FakeClock) -> None:
    app = make_app(db_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("l", "n")  # n: network, chosen by its first letter
        assert isinstance(app.screen, LogActivityScreen)
        await pilot.press("tab")
        await type_text(pilot, "coffee with Dana")
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, DashboardScreen)
        assert "Saved: logged network" in toasts(app)
        assert "█ Today done, 1 of 1" in header(app)
    (activity,) = Store(db_path, clock).load().activities
    assert (activity.kind, activity.note, activity.logical_day) == (
        ActivityKind.NETWORK,
        "coffee with Dana",
        clock().date(),
    )


async def test_log_form_links_a_pending_application(db_path: Path, clock: FakeClock, recorder: Recorder) -> None:
    application = recorder.add_application("Initech", "Analyst", on=clock().date() - timedelta(days=2))
    app = make_app(db_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("l", "n")  # n: network, chosen by its first letter
        await pilot.press("tab", "tab")  # note, application
        await pilot.press("space")  # open the application list
        await pilot.press("down", "enter")  # choose Initech
        await pilot.press("enter")  # save
        await settle(pilot)
        assert "Saved: logged network for Initech" in toasts(app)
    logged = [a for a in Store(db_path, clock).load().activities if a.kind is ActivityKind.NETWORK]
    assert [a.application_id for a in logged] == [application.id]


async def test_space_on_a_due_follow_up_logs_it_and_the_action_goes(
    db_path: Path, clock: FakeClock, recorder: Recorder
) -> None:
    application = recorder.add_application("Umbrella", "Data Engineer", on=clock().date() - timedelta(days=8))
    app = make_app(db_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        actions = app.dashboard.query_one(ActionsList)
        assert actions.highlighted_action is not None
        assert actions.highlighted_action.title == "Follow up with Umbrella (Data Engineer)"
        await pilot.press("space")
        await settle(pilot)
        assert "Saved: followed up with Umbrella — Data Engineer" in toasts(app)
        assert all("Umbrella" not in action.title for action in actions.actions.values())
    follow_ups = [a for a in Store(db_path, clock).load().activities if a.kind is ActivityKind.FOLLOW_UP]
    assert [a.application_id for a in follow_ups] == [application.id]


async def test_enter_on_the_daily_target_opens_the_log_form(db_path: Path, clock: FakeClock) -> None:
    app = make_app(db_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        assert isinstance(app.screen, LogActivityScreen)
        await pilot.press("escape")
        assert isinstance(app.screen, DashboardScreen)
    assert not db_path.exists()


async def test_the_reflection_action_goes_to_the_reflection(db_path: Path, clock: FakeClock) -> None:
    app = make_app(db_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("down", "space")
        assert isinstance(app.screen.focused, ReflectionText)


async def test_s_moves_the_selected_application_to_another_stage(
    db_path: Path, clock: FakeClock, recorder: Recorder
) -> None:
    recorder.add_application("Hooli", "Platform Engineer", on=clock().date() - timedelta(days=3))
    app = make_app(db_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("s")
        assert isinstance(app.screen, MoveStageScreen)
        await pilot.press("down")  # from applied to screening
        await pilot.press("tab", "tab")  # past the day (today) to the note
        await type_text(pilot, "recruiter call Tuesday")
        await pilot.press("enter")
        await settle(pilot)
        assert "Saved: Hooli — Platform Engineer is now screening" in toasts(app)
        assert pending_cell(app, 0, "Stage") == "screening"
    (application,) = Store(db_path, clock).load().applications
    assert application.stage is Stage.SCREENING
    assert application.stage_history[-1].note == "recruiter call Tuesday"


async def test_a_rejection_leaves_the_pending_table_with_a_kind_word(
    db_path: Path, clock: FakeClock, recorder: Recorder
) -> None:
    recorder.add_application("Hooli", "Platform Engineer", on=clock().date() - timedelta(days=3))
    app = make_app(db_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("s")
        await pilot.press(*["down"] * 5, "enter")  # applied → rejected
        await settle(pilot)
        assert pending_companies(app) == []
        assert any("the next yes is closer" in toast for toast in toasts(app))


async def test_s_with_nothing_pending_says_so(db_path: Path, clock: FakeClock) -> None:
    app = make_app(db_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("s")
        assert isinstance(app.screen, DashboardScreen)
        assert "No pending application to move yet. Press a to add one." in toasts(app)


async def test_reflection_is_saved_with_ctrl_s_and_shown_as_saved(db_path: Path, clock: FakeClock) -> None:
    app = make_app(db_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("r")
        assert isinstance(app.screen.focused, ReflectionText)
        await type_text(pilot, "Felt good about the Acme call.")
        await pilot.press("ctrl+s")
        await settle(pilot)
        panel = app.dashboard.query_one(ReflectionPanel)
        assert str(panel.query_one("#reflection-status", Static).render()) == "✓ saved"
        assert panel.text == "Felt good about the Acme call."
        titles = [action.title for action in app.dashboard.query_one(ActionsList).actions.values()]
        assert "Today's reflection written" in titles
    (reflection,) = Store(db_path, clock).load().reflections
    assert reflection.text == "Felt good about the Acme call."
    assert reflection.day == clock().date()


async def test_help_lists_every_key_and_escape_closes_it(db_path: Path, clock: FakeClock) -> None:
    app = make_app(db_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        shown = screen_text(app)
        for _ in range(20):  # page through the rest of it, below the fold at 80×24, to its end
            await pilot.press("pagedown")
            page = screen_text(app)
            if page in shown:
                break
            shown += page
        for command in COMMANDS:
            assert command.key_display in shown
            assert command.title in shown
        for keys, _ in NAVIGATION:
            assert keys in shown
        legend = {"█": "done", "z": "rest", "+": "recovery", "*": "frozen", "·": "missed", "○": "today"}
        for glyph, meaning in legend.items():
            assert re.search(rf"│\s+{re.escape(glyph)}\s+{meaning}", shown), glyph
        await pilot.press("escape")
        assert isinstance(app.screen, DashboardScreen)


async def test_the_palette_offers_every_command(db_path: Path, clock: FakeClock) -> None:
    app = make_app(db_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        titles = [command.title for command in app.get_system_commands(app.dashboard)]
        assert all(command.title in titles for command in COMMANDS)
        await pilot.press("ctrl+p")
        await type_text(pilot, "Add an application")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, AddApplicationScreen)


async def test_tab_moves_between_the_panels(db_path: Path, clock: FakeClock, recorder: Recorder) -> None:
    recorder.add_application("Acme", "Engineer")
    app = make_app(db_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        visited = [type(app.screen.focused).__name__]
        for _ in range(3):
            await pilot.press("tab")
            visited.append(type(app.screen.focused).__name__)
        # The reflection takes letters as text: it is reached by r, never by tab (tests/app/test_keys.py).
        assert visited == ["ActionsList", "PendingTable", "ActionsList", "PendingTable"]


async def test_q_quits(db_path: Path, clock: FakeClock) -> None:
    app = make_app(db_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("q")
        await pilot.pause()
        assert app.return_code == 0


# Quitting never drops a reflection typed and not saved ----------------------------------------------

SAVED_REFLECTION = "Felt good about the Acme call."
ADDED = " Next: write to Globex."


async def add_to_the_reflection_and_leave_it(pilot: Pilot[None]) -> None:
    await pilot.press("r")
    await type_text(pilot, ADDED)
    await pilot.press("escape")


async def test_r_puts_the_cursor_after_the_saved_reflection(
    db_path: Path, clock: FakeClock, recorder: Recorder
) -> None:
    recorder.write_reflection(clock().date(), "What went well?", SAVED_REFLECTION)
    app = make_app(db_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("r")
        await type_text(pilot, ADDED)
        assert app.dashboard.reflection.text == SAVED_REFLECTION + ADDED


async def test_q_with_the_reflection_not_saved_asks_and_escape_goes_back_to_writing(
    db_path: Path, clock: FakeClock, recorder: Recorder
) -> None:
    recorder.write_reflection(clock().date(), "What went well?", SAVED_REFLECTION)
    app = make_app(db_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await add_to_the_reflection_and_leave_it(pilot)
        assert "not saved yet" in str(app.dashboard.reflection.query_one("#reflection-status", Static).render())
        await pilot.press("q")
        await settle(pilot)
        assert isinstance(app.screen, UnsavedReflectionScreen)
        assert app.return_code is None
        assert "Today's reflection is not saved yet" in screen_text(app)
        assert "Next: write to Globex." in screen_text(app)
        await pilot.press("escape")
        assert isinstance(app.screen.focused, ReflectionText)
        await type_text(pilot, " Soon.")
        assert app.dashboard.reflection.text == SAVED_REFLECTION + ADDED + " Soon."
    (reflection,) = Store(db_path, clock).load().reflections
    assert reflection.text == SAVED_REFLECTION


async def test_q_then_s_saves_the_reflection_and_quits(db_path: Path, clock: FakeClock, recorder: Recorder) -> None:
    recorder.write_reflection(clock().date(), "What went well?", SAVED_REFLECTION)
    app = make_app(db_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await add_to_the_reflection_and_leave_it(pilot)
        await pilot.press("q", "s")
        await settle(pilot)
        assert app.return_code == 0
    (reflection,) = Store(db_path, clock).load().reflections
    assert reflection.text == SAVED_REFLECTION + ADDED


async def test_q_then_d_quits_and_keeps_the_reflection_as_saved(
    db_path: Path, clock: FakeClock, recorder: Recorder
) -> None:
    recorder.write_reflection(clock().date(), "What went well?", SAVED_REFLECTION)
    app = make_app(db_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await add_to_the_reflection_and_leave_it(pilot)
        await pilot.press("q")
        assert isinstance(app.screen, UnsavedReflectionScreen) and app.return_code is None
        await pilot.press("d")
        await settle(pilot)
        assert app.return_code == 0
    (reflection,) = Store(db_path, clock).load().reflections
    assert reflection.text == SAVED_REFLECTION


async def test_a_reflection_that_cannot_be_saved_on_quitting_keeps_nextyes_open(
    db_path: Path, clock: FakeClock, disk_full: None
) -> None:
    app = make_app(db_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await add_to_the_reflection_and_leave_it(pilot)
        await pilot.press("q", "enter")
        await settle(pilot)
        assert app.return_code is None
        assert isinstance(app.screen, DashboardScreen)
        assert app.dashboard.reflection.text == ADDED
        assert any("the disk is full" in toast for toast in toasts(app))


# Toasts never cover an open dialog --------------------------------------------------------------------


def drawn_toasts(screen: Screen[object]) -> dict[str, Region]:
    """Each toast `screen` draws, by its text, with the part of the terminal it covers."""
    return {
        str(widget.render()): region.intersection(clip)
        for widget, (region, clip) in screen._compositor.visible_widgets.items()
        if isinstance(widget, Toast) and region.intersection(clip)
    }


def raise_three_toasts(app: NextYesApp) -> None:
    app.notify("Saved: applied to Acme — Backend Engineer")
    app.notify("★ 3-day streak!", title="Reward earned", timeout=30)
    app.notify("Saved: logged network for Initech", timeout=30)


@pytest.mark.parametrize("key", ["a", "l", "w", "R", "g"])
async def test_toasts_over_an_open_form_cover_none_of_it(db_path: Path, clock: FakeClock, key: str) -> None:
    app = make_app(db_path, clock)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(pilot)
        await pilot.press(key)
        await settle(pilot)
        if key == "a":
            await pilot.press("enter")  # the company and role needed: the form grows by two lines
        raise_three_toasts(app)
        await settle(pilot)
        dialog = app.screen.query_one(".form").region
        shown = drawn_toasts(app.screen)
        assert "Saved: logged network for Initech" in shown  # the newest, at least, in view
        assert all(not region.overlaps(dialog) for region in shown.values()), (dialog, shown)
        for text in shown:
            assert text in screen_text(app)


async def test_a_toast_raised_just_before_a_form_opens_moves_to_it(db_path: Path, clock: FakeClock) -> None:
    app = make_app(db_path, clock)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(pilot)
        app.notify("Saved: applied to Acme — Backend Engineer", timeout=30)
        await pilot.press("a")
        await settle(pilot)
        assert drawn_toasts(app.dashboard) == {}  # not left drawn beneath the form's backdrop
        (region,) = drawn_toasts(app.screen).values()
        assert not region.overlaps(app.screen.query_one(".form").region)
        await pilot.press("escape")
        await settle(pilot)
        assert list(drawn_toasts(app.dashboard)) == ["Saved: applied to Acme — Backend Engineer"]


async def test_toasts_over_a_full_screen_sit_on_its_top_border_clear_of_its_keys(
    db_path: Path, clock: FakeClock
) -> None:
    app = make_app(db_path, clock)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(pilot)
        await pilot.press("c")
        await settle(pilot)
        raise_three_toasts(app)
        await settle(pilot)
        sheet = app.screen.query_one(".sheet").region
        shown = drawn_toasts(app.screen)
        assert list(shown) == ["Saved: logged network for Initech"]
        (region,) = shown.values()
        assert region.y == sheet.y and region.height == 1  # the border row: no row of the list, not the keys
        assert region.x > len("╭─ Contacts (0) ─") and region.right < sheet.right
        assert "a add · e edit" in screen_text(app).splitlines()[sheet.bottom - 1]


async def test_a_change_from_the_shell_appears_after_a_poll(
    db_path: Path, clock: FakeClock, recorder: Recorder
) -> None:
    recorder.add_application("Acme", "Engineer")
    app = make_app(db_path, clock, poll_interval=0.1)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert pending_companies(app) == ["Acme"]
        shell = Recorder(Store(db_path, clock), clock)
        shell.add_application("Globex", "SRE")
        await pilot.pause(0.5)
        await settle(pilot)
        assert sorted(pending_companies(app)) == ["Acme", "Globex"]


async def test_the_day_rolls_over_while_the_app_is_open(db_path: Path, clock: FakeClock) -> None:
    app = make_app(db_path, clock, poll_interval=0.1)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        panel = app.dashboard.query_one("#actions-panel")
        assert panel.border_subtitle == "Sun 15 Mar"
        clock.advance(days=1)
        await pilot.pause(0.5)
        await settle(pilot)
        assert panel.border_subtitle == "Mon 16 Mar"


async def test_a_failed_save_shows_the_error_and_keeps_what_was_typed(
    db_path: Path, clock: FakeClock, disk_full: None
) -> None:
    app = make_app(db_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("a")
        await type_text(pilot, "Acme")
        await pilot.press("tab")
        await type_text(pilot, "Backend Engineer")
        await pilot.press("enter")
        await settle(pilot)
        message = f"{db_path}: cannot be saved: the disk is full; nothing was changed"
        assert message in toasts(app)
        assert isinstance(app.screen, AddApplicationScreen)
        assert app.screen.query_one("#company", Input).value == "Acme"
        assert app.screen.query_one("#role", Input).value == "Backend Engineer"
        assert "the disk is full" in str(app.screen.query_one("#form-problem", Static).render())
    assert not db_path.exists()
    assert list(db_path.parent.glob(".nextyes.json.*.tmp")) == []


async def test_a_failed_reflection_save_keeps_the_text(db_path: Path, clock: FakeClock, disk_full: None) -> None:
    app = make_app(db_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("r")
        await type_text(pilot, "Worth keeping")
        await pilot.press("ctrl+s")
        await settle(pilot)
        panel = app.dashboard.query_one(ReflectionPanel)
        assert panel.text == "Worth keeping"
        assert "not saved yet" in str(panel.query_one("#reflection-status", Static).render())
        assert any("the disk is full" in toast for toast in toasts(app))


async def test_an_unreadable_database_is_reported_and_left_alone(db_path: Path, clock: FakeClock) -> None:
    db_path.write_bytes(b'{"_meta": {')
    app = make_app(db_path, clock, poll_interval=0.1)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        problem = app.dashboard.query_one("#problem", Static)
        assert problem.display
        assert str(db_path) in str(problem.render())
        assert "is not valid JSON" in str(problem.render())
        await pilot.press("a")
        assert isinstance(app.screen, DashboardScreen)
        assert any(toast.startswith("Nothing can be saved") for toast in toasts(app))
        await pilot.pause(0.3)
    assert db_path.read_bytes() == b'{"_meta": {'


async def test_a_repaired_database_is_picked_up_by_the_poll(
    db_path: Path, clock: FakeClock, recorder: Recorder, tmp_path: Path
) -> None:
    recorder.add_application("Acme", "Engineer")
    good = db_path.read_bytes()
    db_path.write_bytes(b"")
    app = make_app(db_path, clock, poll_interval=0.1)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert app.dashboard.query_one("#problem", Static).display
        db_path.write_bytes(good)
        await pilot.pause(0.5)
        await settle(pilot)
        assert not app.dashboard.query_one("#problem", Static).display
        assert pending_companies(app) == ["Acme"]


async def test_escape_closes_every_modal(db_path: Path, clock: FakeClock, recorder: Recorder) -> None:
    recorder.add_application("Acme", "Engineer")
    app = make_app(db_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        for key in ("a", "l", "s", "R", "p", "question_mark"):
            await pilot.press(key)
            assert not isinstance(app.screen, DashboardScreen), key
            await pilot.press("escape")
            assert isinstance(app.screen, DashboardScreen), key
    assert len(Store(db_path, clock).load().activities) == 1


async def test_names_that_look_like_markup_are_shown_as_typed(
    db_path: Path, clock: FakeClock, recorder: Recorder
) -> None:
    recorder.add_application("[bold]Initech[/]", "R&D [/] lead", on=clock().date() - timedelta(days=8))
    app = make_app(db_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert pending_companies(app) == ["[bold]Initech[/]"]
        await pilot.press("space")  # the due follow-up on it
        await settle(pilot)
        assert "Saved: followed up with [bold]Initech[/] — R&D [/] lead" in toasts(app)
        # A toast renders its text as markup only when asked to; ours never are.
        assert [str(Toast(n).render()) for n in app._notifications if "Initech" in n.message] == [
            "Saved: followed up with [bold]Initech[/] — R&D [/] lead"
        ]
        await pilot.press("s")
        await settle(pilot)
        assert "[bold]Initech[/]" in screen_text(app)


# The streak engine on screen ---------------------------------------------------------------------

SUNDAY = date(2026, 3, 15)  # the FakeClock's day


def reward_toasts(app: NextYesApp) -> list[str]:
    return [toast.message for toast in raised(app) if toast.title == "Reward earned"]


def log_done_days(recorder: Recorder, *days: date) -> None:
    for day in days:
        recorder.log(ActivityKind.NETWORK, "coffee chat", on=day)


@pytest.mark.parametrize(
    ("record", "expected"),
    [
        (lambda recorder: None, "○ Today 0 of 1"),
        (lambda recorder: recorder.log(ActivityKind.LEARN, "SQL course"), "○ Today 0.5 of 1"),
        (lambda recorder: recorder.log(ActivityKind.NETWORK, "coffee"), "█ Today done, 1 of 1"),
        (lambda recorder: recorder.plan_rest(SUNDAY, "family visit"), "z Today: rest day"),
        (
            lambda recorder: recorder.move_stage(
                recorder.add_application("Hooli", "SRE", on=SUNDAY - timedelta(days=3)).id, Stage.REJECTED
            ),
            "+ Today: recovery day",
        ),
    ],
    ids=["pending", "half-way", "done", "rest", "recovery"],
)
async def test_the_header_shows_todays_state_with_its_glyph(
    db_path: Path, clock: FakeClock, recorder: Recorder, record, expected: str
) -> None:
    record(recorder)
    app = make_app(db_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert expected in header(app)
        assert len(header(app)) <= SIZE[0] - 2  # the whole line, inside its padding


async def test_the_header_shows_the_streak_and_the_freezes_it_earned(
    db_path: Path, clock: FakeClock, recorder: Recorder
) -> None:
    log_done_days(recorder, *(SUNDAY - timedelta(days=back) for back in range(7, 0, -1)))
    app = make_app(db_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert "Streak 7 days · best 7" in header(app)
        assert "Freezes 1" in header(app)


async def test_a_broken_streak_is_greeted_as_a_fresh_start_keeping_the_best_and_momentum(
    db_path: Path, clock: FakeClock, recorder: Recorder
) -> None:
    log_done_days(recorder, *(SUNDAY - timedelta(days=back) for back in (6, 5, 4)))
    app = make_app(db_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        shown = header(app)
        assert "A fresh start · best 3" in shown
        assert "Freezes 0" in shown
        assert "Momentum 0%" not in shown and "Momentum " in shown


async def test_the_calendar_draws_each_day_in_its_cell(db_path: Path) -> None:
    wednesday = FakeClock(datetime(2026, 3, 11, 14, 30, tzinfo=ZONE))
    recorder = Recorder(Store(db_path, wednesday), wednesday)
    feb_23 = date(2026, 2, 23)
    log_done_days(recorder, *(feb_23 + timedelta(days=offset) for offset in range(7)))  # Mon to Sun
    # Mon 2 Mar missed: the freeze earned by seven done days covers it.
    log_done_days(recorder, date(2026, 3, 3))
    recorder.plan_rest(date(2026, 3, 4), "dentist")
    hooli = recorder.add_application("Hooli", "SRE", on=feb_23)
    recorder.move_stage(hooli.id, Stage.REJECTED, on=date(2026, 3, 5))  # recovery Thu to Sat
    # Sun 8 missed; Mon 9 only half a point; Tue 10 done; today still to do; Fri 13 planned off.
    recorder.log(ActivityKind.LEARN, "half a point", on=date(2026, 3, 9))
    log_done_days(recorder, date(2026, 3, 10))
    recorder.plan_rest(date(2026, 3, 13), "long weekend")

    app = make_app(db_path, wednesday)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        today = date(2026, 3, 11)
        expected = {
            date(2026, 2, 16): " ",  # before the first activity
            feb_23: "█",
            date(2026, 3, 1): "█",
            date(2026, 3, 2): "*",
            date(2026, 3, 3): "█",
            date(2026, 3, 4): "z",
            date(2026, 3, 5): "+",
            date(2026, 3, 7): "+",
            date(2026, 3, 8): "·",
            date(2026, 3, 9): "·",
            date(2026, 3, 10): "█",
            today: "○",
            date(2026, 3, 12): " ",  # the future
            date(2026, 3, 13): "z",  # a rest day still to come
        }
        assert {day: calendar_cell(app, day, today) for day in expected} == expected
        rows = heatmap_rows(app)
        assert [row[:2] for row in rows[1:]] == ["Mo", "Tu", "We", "Th", "Fr", "Sa", "Su"]
        assert "Feb" in rows[0] and "Mar" in rows[0]
        shown = screen_text(app)
        assert "█ done z rest + recovery" in shown and "* frozen · missed ○ today" in shown  # the border
        panel = app.dashboard.query_one("#heatmap-panel")
        assert panel.region.right <= SIZE[0] and panel.region.bottom <= SIZE[1] - 1  # above the footer


async def test_every_panel_is_on_screen_at_80_by_24(db_path: Path, clock: FakeClock, recorder: Recorder) -> None:
    for number in range(8):
        recorder.add_application(f"Company {number}", "Engineer", on=SUNDAY - timedelta(days=number))
    app = make_app(db_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = app.dashboard.region
        for panel in ("#actions-panel", "#reflection-panel", "#pending-panel", "#heatmap-panel"):
            region = app.dashboard.query_one(panel).region
            assert region.height >= 10 and screen.contains_region(region), panel
        assert "follow up in 7 days" in screen_text(app)  # the next step reads whole beside the calendar


async def test_p_shows_progress_rewards_and_the_weekly_goal(
    db_path: Path, clock: FakeClock, recorder: Recorder
) -> None:
    for company, back in (("Acme", 3), ("Globex", 2), ("Initech", 1)):
        recorder.add_application(company, "Engineer", on=SUNDAY - timedelta(days=back))
    app = make_app(db_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("p")
        await settle(pilot)
        assert isinstance(app.screen, ProgressScreen)
        shown = screen_text(app)
        assert "3 days · longest 3 days" in shown
        assert "Applications 3/5 ▰▰▰▱▱" in shown
        assert "Networking   0/2 ▱▱" in shown
        assert "★ 3-day streak  Sat 14 Mar 2026" in shown
        assert "7-day streak: 4 done days to go" in shown
        assert "2 left this week" in shown
        recorder.add_application("Hooli", "Engineer")  # from the shell, while Progress is open
        app.load_job_search()
        await settle(pilot)
        assert "Applications 4/5 ▰▰▰▰▱" in screen_text(app)
        assert "█ done  z rest  + recovery" in shown  # the legend beside the calendar
        calendar = heatmap_rows(app, app.screen.query_one(Heatmap))
        assert calendar[6][LABEL_WIDTH + WEEKS - 1] == "█"  # Sat 14 Mar, in this week's column
        await pilot.press("escape")
        assert isinstance(app.screen, DashboardScreen)


async def test_progress_for_a_new_search_reads_as_a_beginning(db_path: Path, clock: FakeClock) -> None:
    app = make_app(db_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("p")
        await settle(pilot)
        shown = screen_text(app)
        assert "not started yet: one thing done" in shown
        assert "3-day streak: 3 done days to go" in shown
        assert "None yet. The first comes with a 3-day streak" in shown
        await pilot.press("p")
        assert isinstance(app.screen, DashboardScreen)
    assert not db_path.exists()


async def test_R_plans_a_rest_day_and_the_header_shows_it(db_path: Path, clock: FakeClock) -> None:
    app = make_app(db_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("R")
        assert isinstance(app.screen, RestDayScreen)
        assert app.screen.query_one("#day", Input).value == "today"
        assert "2 of 2 rest days left this week" in screen_text(app)
        await pilot.press("tab")
        await type_text(pilot, "family visit")
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, DashboardScreen)
        assert "Saved: rest day on Sun 15 Mar; your streak waits for you" in toasts(app)
        assert "z Today: rest day" in header(app)
        assert calendar_cell(app, SUNDAY, SUNDAY) == "z"
    (rest,) = Store(db_path, clock).load().rest_days
    assert (rest.day, rest.note) == (SUNDAY, "family visit")


async def test_a_third_rest_day_in_a_week_is_refused_and_the_typing_kept(
    db_path: Path, clock: FakeClock, recorder: Recorder
) -> None:
    recorder.plan_rest(SUNDAY - timedelta(days=2))
    recorder.plan_rest(SUNDAY - timedelta(days=1))
    app = make_app(db_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("R")
        assert "No rest days left this week" in screen_text(app)
        await pilot.press("tab")
        await type_text(pilot, "lazy sunday")
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, RestDayScreen)
        problem = str(app.screen.query_one("#form-problem", Static).render())
        assert "already has 2 rest days (Fri 13, Sat 14), the most allowed" in problem
        assert any("already has 2 rest days" in toast for toast in toasts(app))
        assert app.screen.query_one("#note", Input).value == "lazy sunday"
        assert app.screen.query_one("#day", Input).value == "today"
    assert len(Store(db_path, clock).load().rest_days) == 2


async def test_R_on_a_rest_day_cancels_it(db_path: Path, clock: FakeClock, recorder: Recorder) -> None:
    recorder.plan_rest(SUNDAY, "planned last week")
    app = make_app(db_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert "z Today: rest day" in header(app)
        await pilot.press("R")
        assert "Sun 15 Mar is already a rest day: enter cancels it" in screen_text(app)
        await pilot.press("enter")
        await settle(pilot)
        assert "Saved: Sun 15 Mar is an ordinary day again" in toasts(app)
        assert "○ Today 0 of 1" in header(app)
    assert Store(db_path, clock).load().rest_days == ()


async def test_the_rest_form_reads_days_as_typed_and_explains_the_unreadable(db_path: Path, clock: FakeClock) -> None:
    app = make_app(db_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("R")
        day = app.screen.query_one("#day", Input)
        day.value = ""
        await type_text(pilot, "someday")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, RestDayScreen)
        assert "cannot read the date 'someday'" in field_error(app, "day")
        assert day.value == "someday"
        day.value = ""
        await type_text(pilot, "next friday")
        await pilot.pause()
        assert "z Fri 20 Mar · 2 of 2 rest days left in the week of Mon 16 Mar" in screen_text(app)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, DashboardScreen)
    (rest,) = Store(db_path, clock).load().rest_days
    assert rest.day == date(2026, 3, 20)


async def test_a_milestone_is_toasted_once_when_earned_in_the_app(
    db_path: Path, clock: FakeClock, recorder: Recorder
) -> None:
    log_done_days(recorder, SUNDAY - timedelta(days=2), SUNDAY - timedelta(days=1))
    app = make_app(db_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert reward_toasts(app) == []
        await pilot.press("l", "n", "tab")
        await type_text(pilot, "third day in a row")
        await pilot.press("enter")
        await settle(pilot)
        assert reward_toasts(app) == ["★ 3-day streak!"]
        assert "Streak 3 days · best 3" in header(app)
        await pilot.press("l", "n", "tab")
        await type_text(pilot, "one more")
        await pilot.press("enter")
        await settle(pilot)
        assert "Saved: logged network" in toasts(app)
        assert reward_toasts(app) == ["★ 3-day streak!"]


async def test_rewards_earned_from_the_shell_are_not_toasted_in_the_app(
    db_path: Path, clock: FakeClock, recorder: Recorder
) -> None:
    log_done_days(recorder, SUNDAY - timedelta(days=2), SUNDAY - timedelta(days=1))
    app = make_app(db_path, clock, poll_interval=0.1)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        log_done_days(Recorder(Store(db_path, clock), clock), SUNDAY)
        await pilot.pause(0.5)
        await settle(pilot)
        assert "Streak 3 days" in header(app)
        assert reward_toasts(app) == []


async def test_the_new_day_begins_at_four_in_the_morning_while_open(
    db_path: Path, clock: FakeClock, recorder: Recorder
) -> None:
    log_done_days(recorder, SUNDAY)
    app = make_app(db_path, clock, poll_interval=0.1)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert "█ Today done, 1 of 1" in header(app)
        clock.current = datetime(2026, 3, 16, 3, 59, tzinfo=ZONE)  # still Sunday's logical day
        await pilot.pause(0.3)
        await settle(pilot)
        assert "█ Today done, 1 of 1" in header(app)
        clock.current = datetime(2026, 3, 16, 4, 0, tzinfo=ZONE)
        await pilot.pause(0.3)
        await settle(pilot)
        assert "○ Today 0 of 1" in header(app)
        assert "Streak 1 day · best 1" in header(app)
        monday = date(2026, 3, 16)
        assert calendar_cell(app, monday, monday) == "○"  # a new week's column
        assert calendar_cell(app, SUNDAY, monday) == "█"


async def test_pending_shows_every_column_when_there_is_room(
    db_path: Path, clock: FakeClock, recorder: Recorder
) -> None:
    recorder.add_application("Acme", "Backend Engineer", on=SUNDAY - timedelta(days=2))
    app = make_app(db_path, clock)
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        table = app.dashboard.query_one(PendingTable)
        assert [str(column.label).strip() for column in table.columns.values()] == [
            "Company",
            "Role",
            "Stage",
            "Touched",
            "Next step",
        ]
        assert pending_cell(app, 0, "Role") == "Backend Engineer"
        assert pending_cell(app, 0, "Touched") == "2d ago"


async def test_a_large_search_read_afresh_is_tidied_up_once_and_a_save_reads_nothing_again(
    db_path: Path, clock: FakeClock, recorder: Recorder, monkeypatch: pytest.MonkeyPatch
) -> None:
    """After a large read the app runs one full collection itself, once the data is on screen, and sets the
    survivors aside, rather than let the collector walk them in the middle of a key; after its own save
    it re-reads nothing."""
    import tui.app.app as app_module

    recorder.add_application("Acme", "Engineer")
    monkeypatch.setattr(app_module, "TIDY_AFTER_READING", 1)  # "large": any search here
    collections: list[str] = []
    fake_gc = SimpleNamespace(
        collect=lambda: collections.append("collect"),
        freeze=lambda: collections.append("freeze"),
        get_count=lambda: (0, 0, 0),  # nothing for a full pass when idle (`collect_when_idle`) to do
    )
    monkeypatch.setattr(app_module, "gc", fake_gc)  # the test process's own objects are left alone
    app = make_app(db_path, clock, poll_interval=0.1)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert collections == ["collect", "freeze"] and app.store.validations == 1

        await pilot.press("l", "n", "tab")
        await type_text(pilot, "read a chapter")
        await pilot.press("enter")
        await settle(pilot)
        assert "read a chapter" in [a.note for a in Store(db_path, clock).load().activities]
        assert app.store.validations == 1, "the app's own save became its read: nothing validated again"
        assert len(collections) == 2

        Recorder(Store(db_path, clock), clock).add_application("Globex", "SRE")  # the shell, meanwhile
        await pilot.pause(0.5)
        await settle(pilot)
        assert sorted(pending_companies(app)) == ["Acme", "Globex"]
        assert app.store.validations == 2 and len(collections) == 4


async def test_the_rest_form_says_a_day_after_a_no_is_already_protected(
    db_path: Path, clock: FakeClock, recorder: Recorder
) -> None:
    hooli = recorder.add_application("Hooli", "Platform Engineer", on=SUNDAY - timedelta(days=9))
    recorder.move_stage(hooli.id, Stage.REJECTED)  # today: protected today and the 2 days after
    app = make_app(db_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("R")
        await settle(pilot)
        day = app.screen.query_one("#day", Input)
        day.value = ""
        await type_text(pilot, "tomorrow")
        await pilot.pause()
        assert "Mon 16 Mar is already protected (recovering from the no from Hooli)" in screen_text(app)
        day.value = ""
        await type_text(pilot, "next friday")
        await pilot.pause()
        assert "z Fri 20 Mar · 2 of 2 rest days left" in screen_text(app)


async def test_at_60_columns_the_calendar_steps_aside_and_pending_reads_whole(
    db_path: Path, clock: FakeClock, recorder: Recorder
) -> None:
    recorder.add_application("Hooli", "Platform Engineer", on=SUNDAY - timedelta(days=3))
    app = make_app(db_path, clock)
    async with app.run_test(size=(60, 20)) as pilot:
        await settle(pilot)
        assert not app.screen.query_one("#heatmap-panel").display
        assert pending_cell(app, 0, "Next step") == "follow up in 4 days"
        await pilot.resize_terminal(80, 24)
        await settle(pilot)
        assert app.screen.query_one("#heatmap-panel").display
