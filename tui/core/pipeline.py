"""Applications in motion: when each was last touched, when a follow-up falls due, how a due day reads."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from tui.core.models import Application, Settings, Stage
from tui.core.search import JobSearch


@dataclass(frozen=True)
class FollowUp:
    """The next follow-up an unanswered application is owed."""

    due_on: date
    number: int  # 1 for the first follow-up, 2 for the second…
    anchor: date  # the day it counts from: applied, or the previous follow-up


def last_touch(search: JobSearch, application: Application) -> date | None:
    """The latest day anything happened on this application: applied, a stage move, a linked activity."""
    days = [change.day for change in application.stage_history]
    linked = search.last_activity_day(application.id)  # the latest of its activities, worked out once
    if linked is not None:
        days.append(linked)
    if application.applied_on is not None:
        days.append(application.applied_on)
    return max(days, default=None)


def next_follow_up(search: JobSearch, application: Application, settings: Settings) -> FollowUp | None:
    """When the next follow-up is due, or None when none is owed (a reply came, or enough were sent)."""
    applied_on = application.applied_on
    if application.stage is not Stage.APPLIED or applied_on is None:
        return None
    sent = search.follow_up_days(application.id)
    if len(sent) >= settings.max_follow_ups:
        return None
    anchor = max([applied_on, *sent])
    return FollowUp(due_on=anchor + timedelta(days=settings.follow_up_days), number=len(sent) + 1, anchor=anchor)


def describe_due(due: date, today: date) -> str:
    """'today', 'in 3 days', '2 days late': how a due date reads from today."""
    delta = (due - today).days
    if delta == 0:
        return "today"
    if delta == 1:
        return "tomorrow"
    if delta > 1:
        return f"in {delta} days"
    return "1 day late" if delta == -1 else f"{-delta} days late"


def describe_ago(day: date, today: date) -> str:
    """'today', 'yesterday', '3 days ago': how a past day reads from today."""
    delta = (today - day).days
    if delta == 0:
        return "today"
    if delta == 1:
        return "yesterday"
    return f"{delta} days ago"
