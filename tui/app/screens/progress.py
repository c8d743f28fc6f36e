"""Progress & rewards: the streak and what keeps it, the weekly goal, the calendar, what was earned and the wins."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TypeVar

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Static

from tui.app.screens.modal import Modal
from tui.app.state import Snapshot
from tui.app.widgets.heatmap import WIDTH as CALENDAR_WIDTH
from tui.app.widgets.heatmap import Heatmap, glyph, legend_lines
from tui.app.widgets.long_text import LongText, labelled
from tui.app.widgets.wins import win_lines
from tui.core.day_view import Dashboard
from tui.core.days import describe_day
from tui.core.models import Win
from tui.core.rewards import MILESTONES, Goal, Reward, next_milestone
from tui.core.streaks import FREEZE_EVERY, MAX_FREEZES, StreakHistory
from tui.core.streaks import describe_today as today_in_words
from tui.core.words import count

SourceType = TypeVar("SourceType")

BAR_CELLS = 10  # the longest goal bar; bigger goals are drawn to scale
FIGURE_LABEL_WIDTH = 11  # a figure's label and the space after it


def describe_streak(history: StreakHistory) -> str:
    if history.current:
        return f"{_days(history.current)} · longest {_days(history.longest)}"
    if history.longest:
        return f"a fresh start · longest {_days(history.longest)}, and your momentum is kept"
    return "not started yet: one thing done today begins it"


def describe_today(history: StreakHistory) -> Content:
    return Content.assemble(glyph(history.today_state), " ", today_in_words(history))


def describe_freezes(held: int) -> str:
    return f"{held} of {MAX_FREEZES} held: each saves a missed day; one more per {FREEZE_EVERY} done days"


def goal_bar(goal: Goal) -> str:
    """'▰▰▰▱▱': one cell per part of the goal, drawn to scale past BAR_CELLS."""
    cells = min(goal.goal, BAR_CELLS)
    filled = round(min(goal.done, goal.goal) / goal.goal * cells)
    return "▰" * filled + "▱" * (cells - filled)


def describe_goal(goal: Goal) -> Content:
    if goal.goal == 0:
        return Content.assemble(f"{goal.label:<13}", ("no goal set", "$foreground-muted"))
    met = Content.styled(" ✓ met", "$text-success") if goal.met else Content("")
    bar = Content.styled(goal_bar(goal), "$text-success" if goal.met else "")
    return Content.assemble(f"{goal.label:<13}{goal.done}/{goal.goal} ", bar, met)


def describe_next_milestone(history: StreakHistory) -> str:
    days = next_milestone(history.longest)
    if days is None:
        return f"every milestone reached, up to {MILESTONES[-1]} days: the streak is its own reward now"
    to_go = days - history.current
    return f"{days}-day streak: {to_go} done {'day' if to_go == 1 else 'days'} to go"


def reward_lines(rewards: list[Reward]) -> list[Content]:
    """Newest first, a line each with the day it was earned."""
    if not rewards:
        none_yet = (
            f"None yet. The first comes with a {MILESTONES[0]}-day streak; "
            "a week of done days or the weekly goal met earns one too."
        )
        return [Content.styled(none_yet, "$foreground-muted")]
    newest_first = sorted(rewards, key=lambda reward: (reward.earned_on, reward.key), reverse=True)
    width = max(len(reward.title) for reward in rewards)
    return [
        Content.assemble(
            ("★ ", "$text-accent"),
            f"{reward.title:<{width}}",
            (f"  {describe_day(reward.earned_on)}", "$foreground-muted"),
        )
        for reward in newest_first
    ]


# The lines last made of each list of rewards or wins, by the list: made in `prepare` as a search is read (the
# rewards and wins of five years are 900 lines, 16 ms of opening Progress the first time), or as it opens.
_KEPT_LINES: dict[Callable[..., list[Content]], tuple[object, list[Content]]] = {}


def kept_lines(items: SourceType, make: Callable[[SourceType], list[Content]]) -> list[Content]:
    """`make(items)`, made again only for another list."""
    kept = _KEPT_LINES.get(make)
    if kept is None or kept[0] is not items:
        kept = _KEPT_LINES[make] = (items, make(items))
    return kept[1]


def prepare(snapshot: Snapshot) -> None:
    """The lines Progress shows of `snapshot`, made ahead of its opening (off the event loop)."""
    kept_lines(snapshot.dashboard.rewards, reward_lines)
    kept_lines(snapshot.search.wins_newest_first, win_lines)


def _days(number: int) -> str:
    return count(number, "day")


class ProgressScreen(Modal[None]):
    """Everything the streak engine knows, over the dashboard; escape, p or q closes it."""

    BINDINGS = [Binding("escape,p,q", "close", "Close", show=True)]
    AUTO_FOCUS = "#progress"

    def __init__(self, dashboard: Dashboard, wins: Sequence[Win] = ()) -> None:
        super().__init__()
        self.dashboard = dashboard
        self.wins = wins

    def surely_scrolls(self, rewards: list[Content], wins: list[Content]) -> bool:
        """More lines of rewards and wins than the terminal has rows: it scrolls, and its bar (class "-scrolls")
        is there from the start. A bar that appeared once it was laid out had all of it laid out and drawn
        again, a third of opening it at five years. With fewer, the bar comes only if they do not fit after all,
        and no empty track stands beside what fits."""
        return len(rewards) + len(wins) >= self.app.size.height

    def compose(self) -> ComposeResult:
        rewards, wins = kept_lines(self.dashboard.rewards, reward_lines), kept_lines(self.wins, win_lines)
        scrolls = " -scrolls" if self.surely_scrolls(rewards, wins) else ""
        with VerticalScroll(classes="help" + scrolls, id="progress") as body:
            body.border_title = "Progress & rewards"
            body.border_subtitle = "↑↓ scroll · escape closes"
            with Horizontal(id="progress-top"):
                with Vertical(id="progress-figures"):
                    yield LongText("", id="progress-numbers")  # each figure beside its label
                    yield Static("", id="progress-week-title", classes="progress-heading")
                    yield Static("", id="progress-goals")
                with Vertical(id="progress-calendar"):
                    yield Heatmap(id="progress-heatmap")
                    yield Static(Content("\n").join(legend_lines(CALENDAR_WIDTH)), id="progress-legend")
            yield Static("", id="progress-rewards-title", classes="progress-heading")
            yield LongText("", id="progress-rewards")
            yield Static("", id="progress-wins-title", classes="progress-heading")
            yield LongText("", id="progress-wins")

    def on_mount(self) -> None:
        self.show(self.dashboard, self.wins)

    def show_snapshot(self, snapshot: Snapshot) -> None:
        """Refresh after the app has read the job search again."""
        self.show(snapshot.dashboard, snapshot.search.wins_newest_first)

    def show_afresh(self, snapshot: Snapshot) -> None:
        """As if opened for the first time (the app keeps this screen): from the top, as `snapshot` has it."""
        if not self.is_mounted:
            return  # not shown yet: it fills itself as it is
        if snapshot.dashboard is not self.dashboard:
            self.show_snapshot(snapshot)
        self.query_one("#progress", VerticalScroll).scroll_home(animate=False)

    def show(self, dashboard: Dashboard, wins: Sequence[Win]) -> None:
        """Fill in (or refresh, after a reload) every figure from `dashboard`, and the wins."""
        self.dashboard = dashboard
        self.wins = wins
        history = dashboard.history

        def put(value_id: str, value: str | Content) -> None:
            self.query_one(f"#{value_id}", Static).update(Content(value) if isinstance(value, str) else value)

        figures: list[tuple[str, str | Content]] = [
            ("Streak", describe_streak(history)),
            ("Momentum", f"{history.momentum:.0%}"),
            ("Today", describe_today(history)),
            ("Freezes", describe_freezes(history.freezes_held)),
            ("Rest days", f"{dashboard.rest_days_left} left this week · R plans one"),
            ("Next", describe_next_milestone(history)),
        ]
        self.query_one("#progress-numbers", LongText).show_lines(labelled(figures, FIGURE_LABEL_WIDTH))
        self.query_one(Heatmap).show(history)
        weekly = dashboard.weekly
        met = " · goal met ✓" if weekly.met else ""
        put("progress-week-title", f"This week, from {describe_day(weekly.week_of, dashboard.today)}{met}")
        put("progress-goals", Content("\n").join(describe_goal(goal) for goal in weekly.goals))
        put("progress-rewards-title", f"Rewards earned ({len(dashboard.rewards)})")
        rewards = kept_lines(dashboard.rewards, reward_lines)
        self.query_one("#progress-rewards", LongText).show_lines(rewards)
        put("progress-wins-title", f"Wins ({len(wins)})")
        listed = kept_lines(wins, win_lines)
        self.query_one("#progress-wins", LongText).show_lines(listed)
        self.query_one("#progress", VerticalScroll).set_class(self.surely_scrolls(rewards, listed), "-scrolls")

    def action_close(self) -> None:
        self.dismiss(None)
