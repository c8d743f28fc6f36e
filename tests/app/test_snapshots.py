"""Pictures of the dashboard at 80×24, compared with the accepted ones in tests/__snapshots__/.

Update them after a deliberate change with `pytest tests/test_snapshots.py --snapshot-update`,
then look at the report or the SVGs before committing.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from textual.pilot import Pilot

from tests.support.clock import FakeClock
from tests.support.pilot import SIZE
from tui.app import NextYesApp
from tui.app.pilot import settle
from tui.demo import DEMO_FILE, DEMO_NOW
from tui.locations import data_dir

NO_POLL = 3600.0


@pytest.fixture
def search_in_motion(db_path: Path) -> NextYesApp:
    """The shipped demo: three weeks of a search in motion, seen at its fixed Monday morning."""
    shutil.copyfile(data_dir() / DEMO_FILE, db_path)
    return NextYesApp(db_path=db_path, now=FakeClock(DEMO_NOW), poll_interval=NO_POLL)


def test_dashboard(snap_compare, search_in_motion: NextYesApp) -> None:
    """Streak and momentum in the header; a due follow-up first; pending sorted by urgency."""
    assert snap_compare(search_in_motion, terminal_size=SIZE, run_before=settle)


def test_first_run_dashboard(snap_compare, db_path: Path, clock: FakeClock) -> None:
    """No data yet: a fresh start, the daily target and the reflection, an empty pending panel."""
    app = NextYesApp(db_path=db_path, now=clock, poll_interval=NO_POLL)
    assert snap_compare(app, terminal_size=SIZE, run_before=settle)


def test_add_form_with_a_validation_error(snap_compare, search_in_motion: NextYesApp) -> None:
    """The role left blank and an unreadable date: both explained beside their fields."""

    async def run_before(pilot: Pilot[None]) -> None:
        await settle(pilot)
        await pilot.press("a")
        await pilot.press(*"Acme Robotics", "tab", "tab", "tab", "tab", "tab")
        await pilot.press(*["backspace"] * len("today"), *"last blursday")
        await pilot.press("enter")
        await settle(pilot)

    assert snap_compare(search_in_motion, terminal_size=SIZE, run_before=run_before)


def test_help_screen(snap_compare, search_in_motion: NextYesApp) -> None:
    """Every key, grouped by where it works."""

    async def run_before(pilot: Pilot[None]) -> None:
        await settle(pilot)
        await pilot.press("question_mark")
        await settle(pilot)

    assert snap_compare(search_in_motion, terminal_size=SIZE, run_before=run_before)


def test_progress_screen(snap_compare, search_in_motion: NextYesApp) -> None:
    """Streak, freezes, the weekly goal, the calendar with its legend, and the rewards newest first."""

    async def run_before(pilot: Pilot[None]) -> None:
        await settle(pilot)
        await pilot.press("p")
        await settle(pilot)

    assert snap_compare(search_in_motion, terminal_size=SIZE, run_before=run_before)


def test_rest_day_form(snap_compare, search_in_motion: NextYesApp) -> None:
    """A day typed in words, read back with the rest days left in its week."""

    async def run_before(pilot: Pilot[None]) -> None:
        await settle(pilot)
        await pilot.press("R")
        await pilot.press(*["backspace"] * len("today"), *"next friday", "tab", *"family visit")
        await settle(pilot)

    assert snap_compare(search_in_motion, terminal_size=SIZE, run_before=run_before)


def test_quit_question_with_a_reflection_not_saved(snap_compare, search_in_motion: NextYesApp) -> None:
    """q with lines typed in the reflection and not saved: what was typed, and the three ways on."""

    async def run_before(pilot: Pilot[None]) -> None:
        await settle(pilot)
        await pilot.press("r", *"Two replies this week", "full_stop", "escape", "q")
        await settle(pilot)

    assert snap_compare(search_in_motion, terminal_size=SIZE, run_before=run_before)


def test_toasts_beside_a_form(snap_compare, search_in_motion: NextYesApp) -> None:
    """Toasts raised while a form is open: a line each, in the rows below it, the newest last."""

    async def run_before(pilot: Pilot[None]) -> None:
        await settle(pilot)
        await pilot.press("l")
        await settle(pilot)
        pilot.app.notify("Saved: followed up with Initech — Data Analyst", timeout=60)
        pilot.app.notify("★ 3-day streak!", title="Reward earned", timeout=60)
        await settle(pilot)

    assert snap_compare(search_in_motion, terminal_size=SIZE, run_before=run_before)
