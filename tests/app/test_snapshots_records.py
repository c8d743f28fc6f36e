"""Pictures at 80×24 of Your records (e), each list it opens, and the forms that correct a record.

A fortnight of a search recorded here (tests/support/record_lists.py), not the shipped demo, so these change
only when the screens do. Update them after a deliberate change with
`pytest tests/app/test_snapshots_records.py --snapshot-update`, then look at the SVGs before committing.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from pathlib import Path

import pytest
from textual.pilot import Pilot

from tests.support.clock import FakeClock
from tests.support.pilot import SIZE
from tests.support.record_lists import record_a_fortnight
from tui.app import NextYesApp
from tui.app.pilot import settle
from tui.recording import Recorder

NO_POLL = 3600.0


@pytest.fixture
def fortnight_app(db_path: Path, clock: FakeClock, recorder: Recorder) -> NextYesApp:
    record_a_fortnight(recorder)
    return NextYesApp(db_path=db_path, now=clock, poll_interval=NO_POLL)


def pressing(*keys: str) -> Callable[[Pilot[None]], Awaitable[None]]:
    """Settle, press `keys` one at a time letting each screen open, and settle again."""

    async def run_before(pilot: Pilot[None]) -> None:
        await settle(pilot)
        for key in keys:
            await pilot.press(key)
            await settle(pilot)

    return run_before


def test_your_records(snap_compare, fortnight_app: NextYesApp) -> None:
    """Each list with its letter and how much it holds, over the dashboard."""
    assert snap_compare(fortnight_app, terminal_size=SIZE, run_before=pressing("e"))


def test_activity_log(snap_compare, fortnight_app: NextYesApp) -> None:
    """Newest day first, each day named once above its entries, with points and whom each was for."""
    assert snap_compare(fortnight_app, terminal_size=SIZE, run_before=pressing("e", "l"))


def test_correcting_an_activity(snap_compare, fortnight_app: NextYesApp) -> None:
    """The log form, filled in from the networking on Saturday."""
    assert snap_compare(fortnight_app, terminal_size=SIZE, run_before=pressing("e", "l", "down", "down", "e"))


def test_deleting_an_activity_asks_once(snap_compare, fortnight_app: NextYesApp) -> None:
    """The question names the activity and says its points go."""
    assert snap_compare(fortnight_app, terminal_size=SIZE, run_before=pressing("e", "l", "down", "down", "d"))


def test_every_interview(snap_compare, fortnight_app: NextYesApp) -> None:
    """Both applications' interviews, the one ahead first; the cancelled one struck through and marked ✗."""
    assert snap_compare(fortnight_app, terminal_size=SIZE, run_before=pressing("e", "v"))


def test_correcting_an_interview(snap_compare, fortnight_app: NextYesApp) -> None:
    """The schedule form, filled in from the technical interview on Tuesday, on its own clock."""
    assert snap_compare(fortnight_app, terminal_size=SIZE, run_before=pressing("e", "v", "down", "e"))


def test_wins(snap_compare, fortnight_app: NextYesApp) -> None:
    assert snap_compare(fortnight_app, terminal_size=SIZE, run_before=pressing("e", "w"))


def test_learning_goals(snap_compare, fortnight_app: NextYesApp) -> None:
    """The open one first, then the one closed on Friday, dimmed."""
    assert snap_compare(fortnight_app, terminal_size=SIZE, run_before=pressing("e", "g"))


def test_reflections(snap_compare, fortnight_app: NextYesApp) -> None:
    assert snap_compare(fortnight_app, terminal_size=SIZE, run_before=pressing("e", "r"))


def test_a_reflection_read_whole(snap_compare, fortnight_app: NextYesApp) -> None:
    assert snap_compare(fortnight_app, terminal_size=SIZE, run_before=pressing("e", "r", "enter"))


def test_correcting_a_reflection(snap_compare, fortnight_app: NextYesApp) -> None:
    """The prompt above the words, the cursor where they end."""
    assert snap_compare(fortnight_app, terminal_size=SIZE, run_before=pressing("e", "r", "e"))


def test_rest_days(snap_compare, fortnight_app: NextYesApp) -> None:
    """The one planned ahead first, the one taken behind it dimmed."""
    assert snap_compare(fortnight_app, terminal_size=SIZE, run_before=pressing("e", "R"))
