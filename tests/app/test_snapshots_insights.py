"""Pictures at 80×24 of Insights and the weekly review, over a month of searching recorded here.

Update them after a deliberate change with `pytest tests/test_snapshots_insights.py --snapshot-update`,
then look at the SVGs before committing.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.support.clock import FakeClock
from tests.support.insight_records import a_month_of_searching
from tests.support.pilot import SIZE
from tui.app import NextYesApp
from tui.app.pilot import settle
from tui.store import Store

NO_POLL = 3600.0


@pytest.fixture
def searching(db_path: Path, store: Store, clock: FakeClock) -> NextYesApp:
    a_month_of_searching(store, clock)
    return NextYesApp(db_path=db_path, now=clock, poll_interval=NO_POLL)


def test_insights(snap_compare, searching: NextYesApp) -> None:
    async def open_insights(pilot) -> None:
        await settle(pilot)
        await pilot.press("i")
        await settle(pilot)

    assert snap_compare(searching, terminal_size=SIZE, run_before=open_insights)


def test_insights_scrolled_to_the_breakdowns(snap_compare, searching: NextYesApp) -> None:
    async def scroll_down(pilot) -> None:
        await settle(pilot)
        await pilot.press("i")
        await settle(pilot)
        await pilot.press("end")
        await settle(pilot)

    assert snap_compare(searching, terminal_size=SIZE, run_before=scroll_down)


def test_weekly_review(snap_compare, searching: NextYesApp) -> None:
    async def open_review(pilot) -> None:
        await settle(pilot)
        await pilot.press("W")
        await settle(pilot)

    assert snap_compare(searching, terminal_size=SIZE, run_before=open_review)
