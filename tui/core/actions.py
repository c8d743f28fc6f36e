"""Today's actions, derived from the records, the settings and the day: never stored, never empty."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from tui.core.models import ActivityKind, Settings
from tui.core.pipeline import next_follow_up
from tui.core.search import JobSearch
from tui.core.streaks import day_points, format_points, points_word


class ActionKind(StrEnum):
    FOLLOW_UP = "follow-up"
    DAILY_TARGET = "daily-target"
    REFLECTION = "reflection"


@dataclass(frozen=True)
class Action:
    """One thing to do today: what, for which application, and why now."""

    key: str
    kind: ActionKind
    title: str
    why: str
    done: bool = False
    application_id: uuid.UUID | None = None
    logs: ActivityKind | None = None  # the activity that marking it done records


def todays_actions(search: JobSearch, settings: Settings, today: date) -> list[Action]:
    """Follow-ups that are due (most overdue first), then the daily target, then the reflection."""
    actions = _follow_ups(search, settings, today)
    actions.append(_daily_target(search, settings, today))
    written = search.reflection_on(today) is not None
    actions.append(
        Action(
            key=f"reflection:{today.isoformat()}",
            kind=ActionKind.REFLECTION,
            title="Today's reflection written" if written else "Write today's reflection",
            why="a few honest lines keep the search pointed the right way",
            done=written,
        )
    )
    return actions


def open_actions(actions: list[Action]) -> list[Action]:
    return [action for action in actions if not action.done]


def _follow_ups(search: JobSearch, settings: Settings, today: date) -> list[Action]:
    due = []
    for application in search.applications:
        follow_up = next_follow_up(search, application, settings)
        if follow_up is None or follow_up.due_on > today:
            continue
        waited = (today - follow_up.anchor).days
        since = "applied" if follow_up.number == 1 else "last followed up"
        title = f"Follow up with {application.company} ({application.role})"
        if follow_up.number > 1:
            title = f"Follow up again with {application.company} ({application.role})"
        due.append(
            (
                follow_up.due_on,
                Action(
                    key=f"follow-up:{application.id.hex}:{follow_up.number}",
                    kind=ActionKind.FOLLOW_UP,
                    title=title,
                    why=f"{since} {waited} days ago, no reply yet",
                    application_id=application.id,
                    logs=ActivityKind.FOLLOW_UP,
                ),
            )
        )
    due.sort(key=lambda pair: (pair[0], pair[1].title.lower()))
    return [action for _, action in due]


def _daily_target(search: JobSearch, settings: Settings, today: date) -> Action:
    earned = day_points(search, today).get(today, 0.0)
    target = settings.daily_target
    reached = earned >= target
    progress = f"{format_points(earned)} of {points_word(target)}"
    return Action(
        key=f"daily-target:{today.isoformat()}",
        kind=ActionKind.DAILY_TARGET,
        title=f"Today's target reached: {progress}" if reached else f"Do one thing for your search: {progress} today",
        why=describe_points(settings),
        done=reached,
    )


def describe_points(settings: Settings) -> str:
    """What counts toward the target, by worth: 'apply/follow-up/interview/network 1 · learn/prep… 0.5'."""
    by_worth: dict[float, list[str]] = {}
    for kind, worth in settings.points.items():
        if worth:
            by_worth.setdefault(worth, []).append(kind.value)
    return " · ".join(
        f"{'/'.join(kinds)} {format_points(worth)}" for worth, kinds in sorted(by_worth.items(), reverse=True)
    )
