"""Streaks and momentum, computed from the activity log every time and never stored as a counter."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

# Loop Habit Tracker's multiplier for a daily habit: a 13-day half-life.
MOMENTUM_MULTIPLIER = 0.5 ** (1 / 13)


@dataclass(frozen=True)
class StreakSummary:
    """What the header and `nextyes status` report about showing up."""

    today: date
    current: int
    longest: int
    momentum: float
    done_today: bool


def summarize(active_days: Iterable[date], today: date) -> StreakSummary:
    """Streaks and momentum as of `today`, from the logical days that had any activity.

    Today never breaks a streak: until something is logged, the current streak runs to yesterday
    and momentum counts through yesterday.
    """
    days = {day for day in active_days if day <= today}
    done_today = today in days
    end = today if done_today else today - timedelta(days=1)
    current = 0
    while end - timedelta(days=current) in days:
        current += 1
    return StreakSummary(
        today=today,
        current=current,
        longest=_longest_run(days),
        momentum=momentum(days, end),
        done_today=done_today,
    )


def momentum(active_days: set[date], through: date) -> float:
    """Habit strength (0..1) from the first active day through `through`, each day worth 0 or 1."""
    if not active_days:
        return 0.0
    score = 0.0
    day = min(active_days)
    while day <= through:
        value = 1.0 if day in active_days else 0.0
        score = score * MOMENTUM_MULTIPLIER + value * (1 - MOMENTUM_MULTIPLIER)
        day += timedelta(days=1)
    return score


def _longest_run(days: set[date]) -> int:
    longest = 0
    for day in days:
        if day - timedelta(days=1) in days:
            continue
        length = 1
        while day + timedelta(days=length) in days:
            length += 1
        longest = max(longest, length)
    return longest
