"""Pictures of the forms at 80×24 (and the stage form at 60×20): each whole, each saying what it needs.

A search of its own, recorded here rather than the shipped demo, so these change only when the forms do.
Update them after a deliberate change with `pytest tests/app/test_snapshots_forms.py --snapshot-update`,
then look at the SVGs before committing.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from textual.pilot import Pilot

from tests.support.clock import ZONE, FakeClock
from tests.support.pilot import SIZE, down_to, press_settled, screen_text
from tui.app import NextYesApp
from tui.app.pilot import settle
from tui.core.models import ActivityKind, Stage, Tier
from tui.recording import Recorder
from tui.store import Store

NO_POLL = 3600.0
SUNDAY = date(2026, 3, 15)  # the FakeClock's day


@pytest.fixture
def search(db_path: Path, clock: FakeClock) -> NextYesApp:
    """Two applications waiting, one closed with a no, a contact and a few done days."""
    recorder = Recorder(Store(db_path, clock), clock)
    recorder.add_application("Umbrella", "Data Engineer", on=SUNDAY - timedelta(days=8))
    recorder.add_application("Initech", "Backend Engineer", on=SUNDAY - timedelta(days=3))
    globex = recorder.add_application("Globex", "Site Reliability Engineer", on=SUNDAY - timedelta(days=20))
    recorder.move_stage(globex.id, Stage.REJECTED, on=SUNDAY - timedelta(days=1))
    recorder.add_contact("Dana Reyes", company="Initech", tier=Tier.A)
    return NextYesApp(db_path=db_path, now=clock, poll_interval=NO_POLL)


def keys(*pressed: str):
    """A `run_before` that settles, then presses each of `pressed` once the app has settled from the one before.

    Pressed at once, on a busy machine a key could be handled before the form was laid out after the one
    before it: the stage form at 60×20 was scrolled to its note two lines further, from a field moved since.
    """

    async def run_before(pilot: Pilot[None]) -> None:
        await settle(pilot)
        await press_settled(pilot, *pressed)

    return run_before


def test_log_form_asks_for_the_kind(snap_compare, search: NextYesApp) -> None:
    """Nothing chosen to begin with; saved unchosen, the kind says what it needs beside it."""
    run_before = keys("l", "tab", *"read a chapter on indexes", "enter")
    assert snap_compare(search, terminal_size=SIZE, run_before=run_before)


def test_add_form_sent_days_ago(snap_compare, search: NextYesApp) -> None:
    """Applied five days ago: sent counts for that day, named."""
    run_before = keys("a", *"Hooli", "tab", *"Platform Engineer", "tab", "tab", "tab", "tab", *"5 days ago")
    assert snap_compare(search, terminal_size=SIZE, run_before=run_before)


def test_stage_form_with_the_day_it_came(snap_compare, search: NextYesApp) -> None:
    """A no that came by email yesterday: the day beside the stage, what follows a rejection below."""
    run_before = keys("s", *down_to(Stage.APPLIED, Stage.REJECTED), "tab", *"yesterday")
    assert snap_compare(search, terminal_size=SIZE, run_before=run_before)


def test_stage_form_on_a_narrow_terminal(snap_compare, search: NextYesApp) -> None:
    """At 60×20 each stage keeps to its line, ending in an ellipsis; the form scrolls to its note field."""
    run_before = keys("s", *down_to(Stage.APPLIED, Stage.INTERVIEWING), "tab", "tab", "tab", "tab")
    assert snap_compare(search, terminal_size=(60, 20), run_before=run_before)


def test_learning_goal_form(snap_compare, search: NextYesApp) -> None:
    """A short title, whole; how a goal leaves Today's actions said beneath the fields."""
    run_before = keys("g", *"system design")
    assert snap_compare(search, terminal_size=SIZE, run_before=run_before)


def test_contact_form_with_support_ticked(snap_compare, search: NextYesApp) -> None:
    """The support box ticked with a ✓, the tier chosen by its letter."""

    async def run_before(pilot: Pilot[None]) -> None:
        await settle(pilot)
        await pilot.press("c")
        await settle(pilot)
        await pilot.press("a", *"Sam Lee", "tab", *"Hooli", "tab", "c", "tab", "tab", "space")
        await settle(pilot)

    assert snap_compare(search, terminal_size=SIZE, run_before=run_before)


def test_win_form_offers_closed_applications(snap_compare, search: NextYesApp) -> None:
    """Every application in the list, the latest touched first, the closed one with its stage."""
    run_before = keys("w", *"debriefed well after a no", "tab", "tab", "space")
    assert snap_compare(search, terminal_size=SIZE, run_before=run_before)


def test_palette_with_the_keys(snap_compare, search: NextYesApp) -> None:
    """Each command with the key that does the same beneath its name."""

    async def run_before(pilot: Pilot[None]) -> None:
        await settle(pilot)
        await pilot.press("ctrl+p", *"add")
        for _ in range(50):  # the palette searches in a task of its own: until its hits are shown
            if "Add a learning goal" in screen_text(pilot.app):
                break
            await pilot.pause(0.1)
        await settle(pilot)

    assert snap_compare(search, terminal_size=SIZE, run_before=run_before)


def test_calendar_in_the_first_days_of_december(snap_compare, db_path: Path) -> None:
    """Thursday 3 December: the week holding the 1st is the last column, and 'Dec' stands over it."""
    clock = FakeClock(datetime(2026, 12, 3, 14, 30, tzinfo=ZONE))
    recorder = Recorder(Store(db_path, clock), clock)
    for back in (1, 2, 3, 5, 8, 9, 30, 31, 60):
        recorder.log(ActivityKind.APPLY, "sent one", on=date(2026, 12, 3) - timedelta(days=back))
    app = NextYesApp(db_path=db_path, now=clock, poll_interval=NO_POLL)
    assert snap_compare(app, terminal_size=SIZE, run_before=keys("p"))
