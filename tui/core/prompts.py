"""Choosing the day's reflection prompt: fitted to what just happened, the same all day, fresh for a fortnight."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from datetime import date, timedelta

from tui.core.day_view import Prompt as Prompt
from tui.core.day_view import PromptContext as PromptContext
from tui.core.models import Stage
from tui.core.rewards import MILESTONES
from tui.core.search import JobSearch
from tui.core.streaks import DayState, StreakHistory

NO_REPEAT_DAYS = 14


def prompt_context(search: JobSearch, today: date, history: StreakHistory) -> PromptContext:
    """Which kind of prompt fits today, the most pressing first.

    A no received today comes before everything; then an interview today or yesterday; then a streak
    milestone reached today; then the Sunday look back over the week; then a quiet yesterday (nothing
    logged, and not a planned rest) after earlier activity; otherwise an ordinary day.
    """
    yesterday = today - timedelta(days=1)
    if any(
        change.stage is Stage.REJECTED and change.day == today
        for application in search.applications
        for change in application.stage_history
    ):
        return PromptContext.REJECTION
    if any(interview.day in (today, yesterday) and not interview.cancelled for interview in search.interviews):
        return PromptContext.INTERVIEW
    tracked = history.on(today)
    if tracked is not None and tracked.state is DayState.DONE and tracked.streak in MILESTONES:
        return PromptContext.MILESTONE
    if today.weekday() == 6:
        return PromptContext.WEEKLY
    if _quiet(search, yesterday, history):
        return PromptContext.QUIET
    return PromptContext.DAILY


def _quiet(search: JobSearch, yesterday: date, history: StreakHistory) -> bool:
    if yesterday in search.activities_by_day:
        return False
    tracked = history.on(yesterday)
    if tracked is not None and tracked.state is DayState.REST:
        return False  # a planned day off is not a lull to nudge about
    return any(day < yesterday for day in search.activities_by_day)


def choose_prompt(prompts: Iterable[Prompt], day: date, context: str = PromptContext.DAILY) -> Prompt:
    """The prompt for `day` from those tagged `context`.

    The pool is put in a fixed, shuffled-looking order (by a hash of each text) and walked one step
    a day, so a pool of N prompts repeats only every N days: never within 14 while N >= 14.
    """
    pool = _ordered(p for p in prompts if p.context == context)
    if not pool:
        raise ValueError(f"no reflection prompts for {context!r}")
    return pool[day.toordinal() % len(pool)]


def _ordered(prompts: Iterable[Prompt]) -> Sequence[Prompt]:
    return sorted(prompts, key=lambda p: hashlib.sha256(p.text.encode()).hexdigest())
