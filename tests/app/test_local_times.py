"""The app's interview form refuses a time the clocks skip; a zone that does not exist is said in a toast."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from textual.widgets import Input, Static

from tests.support.clock import FakeClock
from tests.support.pilot import SIZE, field_error, make_app, stored, table_rows, toasts, type_text
from tui import clock as machine_clock
from tui.app import NextYesApp
from tui.app.pilot import settle
from tui.app.screens.interview_form import ScheduleInterviewScreen
from tui.app.screens.interviews import InterviewsScreen
from tui.recording import Recorder


def status(app: NextYesApp) -> str:
    """The line under the form saying when the interview is, as day and time are typed."""
    return str(app.screen.query_one("#schedule-status", Static).render())


GAP = (
    "02:30 does not exist on 2027-03-14 in America/New_York: the clocks go from 02:00 to 03:00; "
    "use a time before 02:00 or from 03:00"
)


async def test_the_interview_form_refuses_a_time_the_clocks_skip_and_keeps_the_typing(
    db_path: Path, clock: FakeClock, recorder: Recorder
) -> None:
    recorder.update_settings(timezone="America/New_York")
    recorder.add_application("Hooli", "SRE", on=clock().date() - timedelta(days=3))
    app = make_app(db_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("v")
        assert isinstance(app.screen, InterviewsScreen)
        await pilot.press("a")
        assert isinstance(app.screen, ScheduleInterviewScreen)
        await type_text(pilot, "2027-03-14")  # the night the clocks go forward, a year ahead
        await pilot.press("tab")
        await type_text(pilot, "02:30")
        await pilot.pause()
        assert status(app) == f"⚠ {GAP}"
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ScheduleInterviewScreen)
        assert field_error(app, "time") == f"⚠ {GAP}"
        assert field_error(app, "day") == ""
        assert app.screen.query_one("#day", Input).value == "2027-03-14"
        assert app.screen.query_one("#time", Input).value == "02:30"
        assert stored(db_path, clock).interviews == ()

        app.screen.query_one("#time", Input).value = "03:30"
        await pilot.pause()
        assert status(app) == "Sun 14 Mar 2027 at 03:30 (America/New_York), in 364 days"
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, InterviewsScreen)
        assert "Saved: phone interview with Hooli on Sun 14 Mar 2027 at 03:30" in toasts(app)
        assert table_rows(app, "interviews")[0][0] == "Sun 14 Mar 2027 03:30"
    (interview,) = stored(db_path, clock).interviews
    assert interview.at == datetime(2027, 3, 14, 7, 30, tzinfo=UTC)  # 03:30 EDT


async def test_a_tz_naming_no_zone_is_said_in_a_toast_once(
    db_path: Path, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TZ", "Mars/Olympus")
    monkeypatch.setattr(machine_clock, "_named_by_localtime", lambda: "")
    app = make_app(db_path, clock, poll_interval=0.05)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        clock.advance(days=1)  # a new day: read again, and the zone asked again
        await pilot.pause(0.3)
        await settle(pilot)
        said = [toast for toast in toasts(app) if "Mars/Olympus" in toast]
        assert said == ["TZ names no time zone ('Mars/Olympus'); using UTC."]
