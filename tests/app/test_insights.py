"""Insights (i) and the weekly review (W), by their keys, at 80×24."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Sparkline, Static

from tests.support.clock import FakeClock
from tests.support.insight_records import a_month_of_searching
from tests.support.pilot import SIZE, make_app, screen_text, toasts
from tui.app.pilot import settle
from tui.app.screens.dashboard import DashboardScreen
from tui.app.screens.insights import InsightsScreen
from tui.app.screens.review import ReviewScreen
from tui.recording import Recorder
from tui.store import Store


def field(app, value_id: str) -> str:
    return str(app.screen.query_one(f"#{value_id}", Static).render())


def table(app, heading: str) -> str:
    """A table of insights, as shown under its heading, up to the line before the next."""
    shown = str(app.screen.query_one("#insights-tables", Static).render()).splitlines()
    assert heading in shown, f"no table {heading!r} in {shown!r}"
    lines = shown[shown.index(heading) + 1 :]
    return "\n".join(lines[: lines.index("")] if "" in lines else lines)


def figure(app, label: str) -> str:
    """A figure at the top of insights, as shown beside its label."""
    shown = str(app.screen.query_one("#insights-figures", Static).render())
    for line in shown.splitlines():
        if line.startswith(f"{label} "):
            return line.removeprefix(label).strip()
    raise AssertionError(f"no figure {label!r} in {shown!r}")


async def test_i_opens_insights_with_the_funnel_the_endings_and_the_breakdowns(
    db_path: Path, store: Store, clock: FakeClock
) -> None:
    a_month_of_searching(store, clock)
    app = make_app(db_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("i")
        await settle(pilot)
        assert isinstance(app.screen, InsightsScreen)
        assert figure(app, "Applied").startswith("5 sent")
        assert figure(app, "Replies").startswith("2 of 5 replied")  # small numbers said plainly
        assert figure(app, "No's so far").startswith("1")
        funnel = table(app, "Funnel")
        assert "Any reply" in funnel and "Interview" in funnel
        assert "after a screen" in table(app, "Where applications end")
        assert "LinkedIn" in table(app, "By source") and "referral" in table(app, "By source")
        assert "senior" in table(app, "By words in the role")
        weeks = app.screen.query_one(Sparkline).data
        assert weeks is not None and len(weeks) == 2 * 26 and weeks[-1] > 0
        await pilot.press("escape")
        assert isinstance(app.screen, DashboardScreen)


async def test_insights_of_an_empty_search_say_what_fills_them(db_path: Path, clock: FakeClock) -> None:
    app = make_app(db_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("i")
        await settle(pilot)
        assert "Nothing sent yet" in table(app, "Funnel")
        assert figure(app, "No's so far") == "none yet"
        await pilot.press("i")
        assert isinstance(app.screen, DashboardScreen)


async def test_open_insights_follow_a_change_made_from_the_shell(db_path: Path, store: Store, clock: FakeClock) -> None:
    app = make_app(db_path, clock, poll_interval=0.05)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("i")
        await settle(pilot)
        Recorder(store, clock).add_application("Acme", "Analyst")
        for _ in range(40):
            await pilot.pause(0.05)
            if figure(app, "Applied").startswith("1 sent"):
                break
        assert figure(app, "Applied").startswith("1 sent")


async def test_W_reviews_this_week_and_brackets_step_through_the_weeks(
    db_path: Path, store: Store, clock: FakeClock
) -> None:
    a_month_of_searching(store, clock)
    app = make_app(db_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("W")
        await settle(pilot)
        assert isinstance(app.screen, ReviewScreen)
        assert "Umbrella" in field(app, "review-text")
        assert "Mon 09 Mar 2026" in screen_text(app)
        await pilot.press("]")
        assert "no review of a later one" in toasts(app)[-1]
        await pilot.press("[", "[")
        await settle(pilot)
        text = field(app, "review-text")
        assert "Quill Labs" in text and "Umbrella" not in text
        assert "Mon 23 Feb 2026" in screen_text(app)
        await pilot.press("]")
        await settle(pilot)
        assert "Mon 02 Mar 2026" in screen_text(app)
        await pilot.press("escape")
        assert isinstance(app.screen, DashboardScreen)


async def test_stepping_quickly_lands_on_the_last_week_asked_for_and_closing_early_is_safe(
    db_path: Path, store: Store, clock: FakeClock
) -> None:
    a_month_of_searching(store, clock)
    app = make_app(db_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("W", "[", "[", "[")  # no waiting between: earlier reviews may still be on their way
        await settle(pilot)
        assert "Mon 16 Feb 2026" in screen_text(app)
        assert "Quill Labs" in field(app, "review-text")  # sent Mon 16 Feb
        await pilot.press("escape", "i", "escape", "W", "escape")
        await settle(pilot)
        assert isinstance(app.screen, DashboardScreen)
