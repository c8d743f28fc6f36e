"""Rewards: streak milestones, perfect weeks and the weekly goal, all derived from the streak history."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from tui.core.days import describe_day
from tui.core.models import ActivityKind, Settings
from tui.core.search import JobSearch, remembers
from tui.core.streaks import DayState, StreakHistory, track

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
    return WeeklyProgress(monday, _goals(search.settings, _count_kinds(search, monday, day)))


def earned_rewards(search: JobSearch, history: StreakHistory) -> list[Reward]:
    """Every reward earned up to the history's today, oldest first."""
    rewards = [*_milestones(history), *_perfect_weeks(history), *_weekly_goals(search, history)]
    return sorted(rewards, key=lambda reward: (reward.earned_on, reward.key))


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


def _weekly_goals(search: JobSearch, history: StreakHistory) -> list[Reward]:
    """Weeks whose goal was met, earned on the day its last part was reached."""
    if not history.days:
        return []
    settings = search.settings
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
            for activity in search.activities_by_day.get(day, ()):
                if activity.kind in counts:
                    counts[activity.kind] += 1
            if all(counts[kind] >= goal for kind, goal in wanted.items()):
                year, number, _ = monday.isocalendar()
                title = f"Weekly goal met, week of {describe_day(monday, history.today, weekday=False)}"
                rewards.append(Reward(f"weekly-goal-{year}-W{number:02d}", title, day))
                break
        monday += timedelta(days=7)
    return rewards


def _wanted(settings: Settings) -> dict[ActivityKind, int]:
    """The weekly goal as counts per activity kind."""
    return {
        ActivityKind.APPLY: settings.weekly_applications,
        ActivityKind.NETWORK: settings.weekly_networking,
        ActivityKind.LEARN: settings.weekly_learning,
    }


def _count_kinds(search: JobSearch, first: date, last: date) -> dict[ActivityKind, int]:
    counts = dict.fromkeys(ActivityKind, 0)
    day = first
    while day <= last:
        for activity in search.activities_by_day.get(day, ()):
            counts[activity.kind] += 1
        day += timedelta(days=1)
    return counts


def _goals(settings: Settings, counts: dict[ActivityKind, int]) -> tuple[Goal, ...]:
    return (
        Goal(
            "applications", "Applications", ActivityKind.APPLY, counts[ActivityKind.APPLY], settings.weekly_applications
        ),
        Goal(
            "networking", "Networking", ActivityKind.NETWORK, counts[ActivityKind.NETWORK], settings.weekly_networking
        ),
        Goal("learning", "Learning", ActivityKind.LEARN, counts[ActivityKind.LEARN], settings.weekly_learning),
    )
