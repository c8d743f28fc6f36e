"""The header line: streak, freezes, momentum and today's state, in words and glyphs as well as colour."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static

from tui.app.widgets.heatmap import glyph
from tui.core.streaks import DayState, StreakHistory, format_points

BRAND = Content.styled("nextyes", "bold")


def describe_streak(history: StreakHistory, *, short: bool = False) -> str:
    """'Streak 7 days · best 8'; after a break, a fresh start with the longest streak kept in view."""
    if history.current == 0:
        streak = "Fresh start" if short else "A fresh start"
    elif short:
        streak = f"Streak {history.current}d"
    else:
        streak = f"Streak {history.current} {'day' if history.current == 1 else 'days'}"
    return f"{streak} · best {history.longest}" if history.longest else streak


def describe_freezes(held: int, *, short: bool = False) -> str:
    return f"Frz {held}" if short else f"Freezes {held}"


def describe_momentum(momentum: float, *, short: bool = False) -> str:
    return f"{'Mom.' if short else 'Momentum'} {round(momentum * 100)}%"


def describe_today(history: StreakHistory, *, short: bool = False) -> Content:
    """Today's state with its glyph: '○ Today 0.5 of 1', 'z Today: rest day'; past the target, what was
    earned comes first: '█ Today done: 8.5 (target 1)'."""
    state = history.today_state
    earned, target = format_points(history.points_today), format_points(history.target)
    progress = f"{earned} of {target}"
    if short:
        progress = progress.replace(" of ", "/")
    done = f"Today done, {progress}"
    if history.points_today > history.target:
        done = f"Today done: {earned} (target {target})"
    words = {
        DayState.DONE: f"{progress} ✓" if short else done,
        DayState.PENDING: progress if short else f"Today {progress}",
        DayState.REST: "rest day" if short else "Today: rest day",
        DayState.RECOVERY: "recovery day" if short else "Today: recovery day",
    }
    return Content.assemble(glyph(state), " ", words.get(state, f"Today: {state.value}"))


def header_variants(history: StreakHistory) -> list[Content]:
    """The header, from the roomiest wording to the tightest; the line shows the first that fits."""
    wordings = (  # (with the name, separator, short figures, short today)
        (True, "  │  ", False, False),
        (True, " │ ", False, False),
        (False, " │ ", False, False),
        (False, " │ ", True, False),
        (False, " │ ", True, True),
    )
    variants = []
    for brand, separator, short, short_today in wordings:
        parts: list[Content | str] = [
            describe_streak(history, short=short),
            describe_freezes(history.freezes_held, short=short),
            describe_momentum(history.momentum, short=short),
            describe_today(history, short=short_today),
        ]
        variants.append(Content(separator).join([BRAND, *parts] if brand else parts))
    return variants


class MomentumLine(Static):
    """One line at the top of the dashboard saying how the search is going, fitted to the width."""

    def __init__(self, content: str, *, id: str | None = None) -> None:
        super().__init__(content, id=id)
        self.variants: list[Content] = []

    def show(self, history: StreakHistory) -> None:
        self.variants = header_variants(history)
        self.fit()

    def on_resize(self) -> None:
        self.fit()

    def fit(self) -> None:
        if not self.variants:
            return
        width = self.content_region.width
        self.update(next((line for line in self.variants if line.cell_length <= width), self.variants[-1]))
