"""Rewards: streak milestones, perfect weeks and the weekly goal, all derived from the streak history."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING

from tui.core.days import describe_day
from tui.core.kinds import ActivityKind
from tui.core.remembering import remembers
from tui.core.streaks import DayState, StreakHistory, judge, track
from tui.core.tally import Scoring, Tally, tally_of

if TYPE_CHECKING:
    from tui.core.search import JobSearch

MILESTONES = (3, 7, 14, 30, 60, 100, 200, 365)


@dataclass(frozen=True)
class Reward:
    """Something earned, once, on a day. `key` names it so it is announced only when first earned."""

    key: str
    title: str
    earned_on: date


@dataclass(frozen=True)
class Goal:
    """One part of the weekly goal and how far this week has got."""

    name: str  # as `nextyes status --json` names it
    label: str
    kind: ActivityKind
    done: int
    goal: int

    @property
    def met(self) -> bool:
        return self.done >= self.goal


@dataclass(frozen=True)
class WeeklyProgress:
    week_of: date  # the Monday
    goals: tuple[Goal, ...]

    @property
    def met(self) -> bool:
        return any(goal.goal for goal in self.goals) and all(goal.met for goal in self.goals)


def week_start(day: date) -> date:
    return day - timedelta(days=day.weekday())


def weekly_progress(search: JobSearch, day: date) -> WeeklyProgress:
    """The weekly goal for the ISO week holding `day`, counted up to and including `day`."""
    monday = week_start(day)
    return WeeklyProgress(monday, _goals(search.settings, _count_kinds(tally_of(search), monday, day)))


def earned_rewards(search: JobSearch, history: StreakHistory) -> list[Reward]:
    """Every reward earned up to the history's today, oldest first."""
    return earned(tally_of(search), search.settings, history)


def earned(tally: Tally, settings: Scoring, history: StreakHistory) -> list[Reward]:
    """Every reward earned up to the history's today, oldest first, from the records' tally."""
    rewards = [*_milestones(history), *_perfect_weeks(history), *_weekly_goals(tally, settings, history)]
    return sorted(rewards, key=lambda reward: (reward.earned_on, reward.key))


def rewards_judged(tally: Tally, settings: Scoring, today: date, zone_now: str) -> tuple[Reward, ...]:
    """Every reward earned as of `today`, from the tally alone: what `rewards_on` gives for its search."""
    return tuple(earned(tally, settings, judge(tally, settings, today, zone_now)))


@remembers
def rewards_on(search: JobSearch, today: date, zone_now: str) -> tuple[Reward, ...]:
    """Every reward earned as of `today`, worked out once per search: the dashboard and the rewards a change
    has just earned ask for the same search's."""
    return tuple(earned_rewards(search, track(search, today, zone_now)))


def newly_earned(before: Iterable[Reward], after: Iterable[Reward]) -> list[Reward]:
    """Rewards in `after` that `before` did not have: what a change has just earned."""
    known = {reward.key for reward in before}
    return [reward for reward in after if reward.key not in known]


def next_milestone(longest: int) -> int | None:
    return next((days for days in MILESTONES if days > longest), None)


def _milestones(history: StreakHistory) -> list[Reward]:
    """Each milestone once: the first day any streak reached it."""
    rewards: list[Reward] = []
    waiting = list(MILESTONES)
    for tracked in history.days:
        while waiting and tracked.streak >= waiting[0]:
            days = waiting.pop(0)
            rewards.append(Reward(f"streak-{days}", f"{days}-day streak", tracked.day))
    return rewards


def _perfect_weeks(history: StreakHistory) -> list[Reward]:
    """ISO weeks whose seven days were all DONE: no rest, no recovery, no freeze."""
    rewards = []
    for tracked in history.days:
        if tracked.day.weekday() != 6:
            continue
        week = [history.on(tracked.day - timedelta(days=back)) for back in range(7)]
        if all(day is not None and day.state is DayState.DONE for day in week):
            year, number, _ = tracked.day.isocalendar()
            monday = week_start(tracked.day)
            rewards.append(
                Reward(
                    f"perfect-week-{year}-W{number:02d}",
                    f"Perfect week of {describe_day(monday, history.today, weekday=False)}",
                    tracked.day,
                )
            )
    return rewards


def _weekly_goals(tally: Tally, settings: Scoring, history: StreakHistory) -> list[Reward]:
    """Weeks whose goal was met, earned on the day its last part was reached."""
    if not history.days:
        return []
    wanted = _wanted(settings)
    if not any(wanted.values()):
        return []
    rewards = []
    monday = week_start(history.days[0].day)
    while monday <= history.today:
        counts = dict.fromkeys(wanted, 0)
        for day in (monday + timedelta(days=offset) for offset in range(7)):
            if day > history.today:
                break
            for kind, number in tally.kinds.get(day, {}).items():
                if kind in counts:
                    counts[kind] += number
            if all(counts[kind] >= goal for kind, goal in wanted.items()):
                year, number, _ = monday.isocalendar()
                title = f"Weekly goal met, week of {describe_day(monday, history.today, weekday=False)}"
                rewards.append(Reward(f"weekly-goal-{year}-W{number:02d}", title, day))
                break
        monday += timedelta(days=7)
    return rewards


def _wanted(settings: Scoring) -> dict[ActivityKind, int]:
    """The weekly goal as counts per activity kind."""
    return {
        ActivityKind.APPLY: settings.weekly_applications,
        ActivityKind.NETWORK: settings.weekly_networking,
        ActivityKind.LEARN: settings.weekly_learning,
    }


def _count_kinds(tally: Tally, first: date, last: date) -> dict[ActivityKind, int]:
    counts = dict.fromkeys(ActivityKind, 0)
    day = first
    while day <= last:
        for kind, number in tally.kinds.get(day, {}).items():
            counts[kind] += number
        day += timedelta(days=1)
    return counts


def _goals(settings: Scoring, counts: dict[ActivityKind, int]) -> tuple[Goal, ...]:
    return (
        Goal(
            "applications", "Applications", ActivityKind.APPLY, counts[ActivityKind.APPLY], settings.weekly_applications
        ),
        Goal(
            "networking", "Networking", ActivityKind.NETWORK, counts[ActivityKind.NETWORK], settings.weekly_networking
        ),
        Goal("learning", "Learning", ActivityKind.LEARN, counts[ActivityKind.LEARN], settings.weekly_learning),
    )
