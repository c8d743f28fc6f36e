"""The header line: streak, momentum and today's progress, in words as well as numbers."""

from __future__ import annotations

from textual.widgets import Static

from tui.core.dashboard import Dashboard


def describe_streak(current: int, longest: int) -> str:
    if current == 0:
        streak = "Streak: a fresh start"
    else:
        streak = f"Streak {current} {'day' if current == 1 else 'days'}"
    return f"{streak} · best {longest}" if longest else streak


def describe_progress(done_today: int, daily_target: int) -> str:
    glyph = "✓" if done_today >= daily_target else "○"
    return f"{glyph} Today {done_today} of {daily_target}"


class MomentumLine(Static):
    """One line at the top of the dashboard saying how the search is going."""

    def show(self, dashboard: Dashboard) -> None:
        streak = dashboard.streak
        parts = (
            "[b]nextyes[/b]",
            describe_streak(streak.current, streak.longest),
            f"Momentum {round(streak.momentum * 100)}%",
            describe_progress(dashboard.done_today, dashboard.daily_target),
        )
        self.update("  │  ".join(parts))
