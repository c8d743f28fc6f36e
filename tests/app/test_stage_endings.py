"""An application that ends another way than a no (withdrawn, ghosted, accepted elsewhere) with an interview
still booked: the app asks once whether to call it off. The clock starts on Sunday 15 March 2026, 14:30 UTC."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from tests.support.clock import FakeClock
from tests.support.pilot import make_app, toasts
from tui.app.pilot import settle
from tui.app.screens.confirm import ConfirmScreen
from tui.app.screens.move_stage import MoveStageScreen
from tui.core.models import InterviewKind, Stage
from tui.recording import Recorder
from tui.store import Store

SIZE = (80, 24)
FRIDAY = datetime(2026, 3, 20, 10, 0, tzinfo=ZoneInfo("UTC"))
TO_WITHDRAWN = ["down"] * 5  # interviewing → offer, accepted, rejected, ghosted, withdrawn


def booked(recorder: Recorder, clock: FakeClock) -> None:
    hooli = recorder.add_application("Hooli", "Platform Engineer", on=clock().date() - timedelta(days=10))
    recorder.schedule_interview(hooli.id, FRIDAY, kind=InterviewKind.ON_SITE, people=["Sam Lee"])


async def test_withdrawing_with_an_interview_booked_asks_once_and_y_cancels_it(
    db_path: Path, clock: FakeClock, recorder: Recorder
) -> None:
    booked(recorder, clock)
    app = make_app(db_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("s")
        assert isinstance(app.screen, MoveStageScreen)
        await pilot.press(*TO_WITHDRAWN, "enter")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmScreen)
        assert "Hooli is now withdrawn, and the on-site interview on Fri 20 Mar is still booked" in app.screen.question
        await pilot.press("y")
        await settle(pilot)
        assert "Saved: Cancelled the on-site interview on Fri 20 Mar" in toasts(app)
    search = Store(db_path, clock).load()
    assert search.applications[0].stage is Stage.WITHDRAWN
    assert [interview.cancelled for interview in search.interviews] == [True]


async def test_n_keeps_the_interview_booked(db_path: Path, clock: FakeClock, recorder: Recorder) -> None:
    booked(recorder, clock)
    app = make_app(db_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("s", *TO_WITHDRAWN, "enter")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")
        await settle(pilot)
        assert not isinstance(app.screen, ConfirmScreen)
    search = Store(db_path, clock).load()
    assert search.applications[0].stage is Stage.WITHDRAWN
    assert [interview.cancelled for interview in search.interviews] == [False]


async def test_a_move_that_keeps_it_going_asks_nothing(db_path: Path, clock: FakeClock, recorder: Recorder) -> None:
    booked(recorder, clock)
    app = make_app(db_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("s", "down", "enter")  # interviewing → offer
        await settle(pilot)
        assert not isinstance(app.screen, ConfirmScreen)
    assert Store(db_path, clock).load().applications[0].stage is Stage.OFFER
