"""Pictures of the dashboard at 80×24, compared with the accepted ones in tests/__snapshots__/.

Update them after a deliberate change with `pytest tests/test_snapshots.py --snapshot-update`,
then look at the report or the SVGs before committing.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Input, TextArea

from tests.conftest import FakeClock
from tui.app import NextYesApp
from tui.core.models import ActivityKind, ApplicationKind, Stage
from tui.recording import Recorder
from tui.store import Store

SIZE = (80, 24)
NO_POLL = 3600.0


def at(clock: FakeClock, day: date, hour: int) -> None:
    clock.current = datetime(day.year, day.month, day.day, hour, tzinfo=clock.current.tzinfo)


def record_two_weeks(db_path: Path, clock: FakeClock) -> None:
    """A search in motion: five applications in different stages, steady activity, one follow-up due."""
    today = clock().date()
    now = clock.current
    recorder = Recorder(Store(db_path, clock), clock)
    applications = [
        # company, role, kind, days ago, later stage moves (days after applying, stage)
        ("Northwind Analytics", "Data Engineer", ApplicationKind.FULL_TIME, 13,
         [(4, Stage.SCREENING), (9, Stage.INTERVIEWING)]),
        ("Lumen Health", "Backend Engineer", ApplicationKind.FULL_TIME, 9, []),
        ("Quill Labs", "Python Developer", ApplicationKind.CONTRACT, 12, [(6, Stage.REJECTED)]),
        ("Tidewater", "Software Engineer", ApplicationKind.FULL_TIME, 3, []),
        ("Orbit Retail", "SRE", ApplicationKind.FREELANCE, 6, [(2, Stage.SCREENING)]),
    ]
    for company, role, kind, ago, moves in applications:
        applied = today - timedelta(days=ago)
        at(clock, applied, 10)
        application = recorder.add_application(company, role, kind=kind, source="job board", on=applied)
        for after, stage in moves:
            at(clock, applied + timedelta(days=after), 15)
            recorder.move_stage(application.id, stage)
    for ago, kind, note in [
        (11, ActivityKind.NETWORK, "coffee with Priya"),
        (8, ActivityKind.LEARN, "SQL window functions"),
        (7, ActivityKind.PREP, "STAR stories"),
        (5, ActivityKind.NETWORK, "meetup"),
        (2, ActivityKind.LEARN, "Terraform tutorial"),
        (1, ActivityKind.PREP, "system design practice"),
    ]:
        at(clock, today - timedelta(days=ago), 18)
        recorder.log(kind, note)
    at(clock, today - timedelta(days=1), 21)
    yesterday = today - timedelta(days=1)
    recorder.write_reflection(yesterday, "A daily prompt", "Preparing beat refreshing my inbox.")
    clock.current = now


async def settle(pilot: Pilot[None]) -> None:
    for _ in range(3):
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
    for widget in pilot.app.screen.query(Input):
        widget.cursor_blink = False
    for widget in pilot.app.query(TextArea):
        widget.cursor_blink = False
    await pilot.pause()


@pytest.fixture
def search_in_motion(db_path: Path, clock: FakeClock) -> NextYesApp:
    record_two_weeks(db_path, clock)
    return NextYesApp(db_path=db_path, now=clock, poll_interval=NO_POLL)


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
