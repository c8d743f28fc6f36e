"""The weekly review: how one week of the search went, and what the following week holds."""

from __future__ import annotations

import uuid
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from tui.core.actions import todays_actions
from tui.core.days import logical_day
from tui.core.insights import Breakdown, clearly_different, resume_breakdowns
from tui.core.interviews import INTERVIEW_KIND_WORDS, join_names, local_start
from tui.core.models import (
    Activity,
    ActivityKind,
    Application,
    Interview,
    Reflection,
    Stage,
    StageChange,
    Win,
)
from tui.core.rewards import WeeklyProgress, week_start, weekly_progress
from tui.core.search import JobSearch
from tui.core.streaks import DayState, StreakHistory, planned_rest_days, track


@dataclass(frozen=True)
class Move:
    """One stage move of an application within the week."""

    application: Application
    change: StageChange


@dataclass(frozen=True)
class Upcoming:
    """Something the following week holds, on its day."""

    day: date
    title: str
    why: str


@dataclass(frozen=True)
class WeeklyReview:
    """One ISO week of the search, as a review shows it."""

    start: date  # the Monday
    end: date  # the Sunday
    today: date
    days: tuple[tuple[date, DayState], ...]  # Monday on; days after today, or before the first activity, absent
    activities: dict[ActivityKind, int]  # counts that week, in ActivityKind order, kinds with none left out
    points: float
    goals: WeeklyProgress
    # What happened runs to `last_day`; interviews, booked ahead, to the Sunday.
    sent: tuple[Application, ...]  # applied that week, in the order sent
    moves: tuple[Move, ...]  # dated stage moves that week, but the applied move of an application sent that week
    rejections: tuple[Application, ...]  # moved to rejected that week
    interviews: tuple[Interview, ...]  # taking place that week, earliest first
    wins: tuple[Win, ...]
    learned: tuple[str, ...]  # goals added, goals closed, feedback after the week's no's, learning logged
    reflections: tuple[Reflection, ...]
    streak: int  # at the end of the week, or of today while the week is under way
    next_week: tuple[Upcoming, ...]
    applications: dict[uuid.UUID, Application] = field(default_factory=dict)
    """The applications the week's interviews belong to, by id, so each can be named."""
    resumes: tuple[Breakdown, Breakdown] | None = None
    """The résumé versions getting replies most and least often, as of the week's last day, when the gap is
    clear (`tui.core.insights.clearly_different`)."""

    @property
    def last_day(self) -> date:
        """The day the review runs to: the Sunday, or today while the week is under way."""
        return min(self.end, self.today)

    @property
    def under_way(self) -> bool:
        return self.today < self.end

    def application_for(self, interview: Interview) -> Application | None:
        return self.applications.get(interview.application_id)


def weekly_review(search: JobSearch, week_of: date, today: date, zone: str = "UTC") -> WeeklyReview:
    """The review of the ISO week holding `week_of`, as the records stand on `today`.

    While the week is under way it runs to today: what happened is counted up to today, and only
    interviews, being booked ahead, are listed for the rest of the week too.

    `zone` is the time zone today is lived in: it places the days learning goals were added on,
    and tells the streak engine about days skipped crossing the date line. A week after today's
    cannot be reviewed yet: ValueError says so.
    """
    start = week_start(week_of)
    if start > week_start(today):
        raise ValueError(
            f"the week of {start.day} {start:%b %Y} has not started yet; "
            "review this week or an earlier one (--week takes any day of the week)"
        )
    end = start + timedelta(days=6)
    last = min(end, today)
    history = track(search, today, zone)
    activities = [a for a in search.activities if start <= a.logical_day <= last]
    sent = _sent(search, start, last)
    moves = _moves(search, start, last, {application.id for application in sent})
    rejections = _rejections(moves)
    interviews = tuple(
        sorted((i for i in search.interviews if start <= i.day <= end and not i.cancelled), key=lambda i: i.at)
    )
    return WeeklyReview(
        start=start,
        end=end,
        today=today,
        days=_days(history, start, last),
        activities=_counts(activities),
        points=sum(search.settings.points_for(activity.kind) for activity in activities),
        goals=weekly_progress(search, last),  # counts from the Monday up to the day it is given
        sent=sent,
        moves=moves,
        rejections=rejections,
        interviews=interviews,
        wins=tuple(sorted((w for w in search.wins if start <= w.day <= last), key=lambda w: (w.day, w.created_at))),
        learned=_learned(search, start, last, rejections, activities, zone),
        reflections=tuple(sorted((r for r in search.reflections if start <= r.day <= last), key=lambda r: r.day)),
        streak=_streak_on(history, last),
        next_week=coming_up(search, last, end + timedelta(days=1)),
        applications=_applications_of(search, interviews),
        resumes=clearly_different(resume_breakdowns(search, last)),
    )


def describe_interview(interview: Interview, application: Application | None) -> Upcoming:
    """An interview as one line: what and where as the title; its local start, who and which round as why."""
    kind = INTERVIEW_KIND_WORDS[interview.kind]
    where = f" with {application.company} ({application.role})" if application is not None else ""
    with_whom = f" with {join_names(interview.people)}" if interview.people else ""
    which_round = f", round {interview.round}" if interview.round > 1 else ""
    return Upcoming(
        day=interview.day,
        title=f"{kind[0].upper()}{kind[1:]}{where}",
        why=f"at {local_start(interview):%H:%M}{with_whom}{which_round}",
    )


def coming_up(search: JobSearch, last: date, monday: date) -> tuple[Upcoming, ...]:
    """What the week from `monday` holds, seen from the end of `last` (the review's last day).

    Today's actions are asked for each day from the day after `last` through the Sunday, as the
    records stood at the end of `last`; an action is listed once, on the first day it shows, and only
    when that day falls in the week. An action already showing on `last` is not listed: it is due
    now, not coming up (so open learning goals stay out, and a snoozed one is listed on the day it
    comes back). The daily target and the reflection, which belong to every day, are left out.
    Interviews that week (with their local time, unless their application had already ended by
    `last`) and the planned rest days within the week's allowance are added. Earliest day first;
    within a day, a rest day, then interviews, then actions in the order Today's actions gives them.
    """
    sunday = monday + timedelta(days=6)
    known = search.as_of(last)
    settings = search.settings
    seen = {action.key for action in todays_actions(known, settings, last)}
    upcoming: list[tuple[date, int, Upcoming]] = []
    for day in _each_day(last + timedelta(days=1), sunday):
        for action in todays_actions(known, settings, day):
            if not action.can_snooze or action.key in seen:  # the target and the reflection: every day's
                continue
            seen.add(action.key)
            if day >= monday:
                upcoming.append((day, 2, Upcoming(day, action.title, action.why)))
    for interview in sorted(search.interviews, key=lambda i: i.at):
        application = search.application(interview.application_id)
        ended = application is None or _ended_by(application, last)
        if monday <= interview.day <= sunday and not interview.cancelled and not ended:
            upcoming.append((interview.day, 1, describe_interview(interview, application)))
    for day in planned_rest_days(search):
        if monday <= day <= sunday:
            upcoming.append((day, 0, _rest_day(search, day)))
    upcoming.sort(key=lambda entry: (entry[0], entry[1]))  # stable: actions keep their order within a day
    return tuple(entry for _, _, entry in upcoming)


def _sent(search: JobSearch, start: date, end: date) -> tuple[Application, ...]:
    sent = [a for a in search.applications if a.applied_on is not None and start <= a.applied_on <= end]
    return tuple(sorted(sent, key=lambda a: (a.applied_on, a.created_at, a.company.casefold())))


def _moves(search: JobSearch, start: date, end: date, sent: set[uuid.UUID]) -> tuple[Move, ...]:
    """Dated moves within the week; sending an application is already told by `sent`, so its move is not."""
    moves = [
        Move(application, change)
        for application in search.applications
        for change in application.stage_history
        if start <= change.day <= end
        and not change.undated  # its day is the application's, not the move's
        and not (change.stage is Stage.APPLIED and application.id in sent)
    ]
    return tuple(sorted(moves, key=lambda move: (move.change.day, move.change.at)))


def _rejections(moves: tuple[Move, ...]) -> tuple[Application, ...]:
    said_no = {move.application.id: move.application for move in moves if move.change.stage is Stage.REJECTED}
    return tuple(said_no.values())


def _days(history: StreakHistory, start: date, last: date) -> tuple[tuple[date, DayState], ...]:
    return tuple((day, tracked.state) for day in _each_day(start, last) if (tracked := history.on(day)) is not None)


def _counts(activities: list[Activity]) -> dict[ActivityKind, int]:
    counted = Counter(activity.kind for activity in activities)
    return {kind: counted[kind] for kind in ActivityKind if counted[kind]}


def _streak_on(history: StreakHistory, day: date) -> int:
    tracked = history.on(day)
    return tracked.streak if tracked is not None else 0


def _learned(
    search: JobSearch,
    start: date,
    end: date,
    rejections: tuple[Application, ...],
    activities: list[Activity],
    zone: str,
) -> tuple[str, ...]:
    """Learning goals added, then those closed, then feedback after the week's no's, then learning logged.

    A goal has no day of its own: the logical day it was created on, in `zone`, places it.
    """
    here = _zone(zone)
    rollover = search.settings.rollover_hour
    goals = sorted(search.learning_goals, key=lambda goal: goal.created_at)
    added = [
        f"{goal.text} — {goal.source}" if goal.source else goal.text
        for goal in goals
        if start <= logical_day(goal.created_at, here, rollover) <= end
    ]
    closed = [f"closed: {goal.text}" for goal in goals if goal.closed_on is not None and start <= goal.closed_on <= end]
    feedback = [
        f"what {application.company} said: “{' '.join(application.feedback.split())}”"
        for application in rejections
        if application.feedback.strip()
    ]
    return (*added, *closed, *feedback, *_learning_notes(activities))


def _learning_notes(activities: list[Activity]) -> list[str]:
    """The notes of the week's learning, in the order logged; the same note logged again is told once, counted."""
    logged = sorted((a for a in activities if a.kind is ActivityKind.LEARN and a.note.strip()), key=lambda a: a.at)
    times = Counter(" ".join(activity.note.split()) for activity in logged)
    return [note if count == 1 else f"{note} ({count} times)" for note, count in times.items()]


def _ended_by(application: Application, day: date) -> bool:
    """The application had ended (a no, withdrawn, accepted, ghosted) by the end of `day`."""
    if application.stage.is_pending:
        return False
    history = application.stage_history
    return not history or history[-1].day <= day


def _rest_day(search: JobSearch, day: date) -> Upcoming:
    rest = search.rest_day_on(day)
    note = rest.note if rest is not None and rest.note else "planned"
    return Upcoming(day, "Rest day", f"{note}; your streak waits for you")


def _applications_of(search: JobSearch, interviews: tuple[Interview, ...]) -> dict[uuid.UUID, Application]:
    return {
        application.id: application
        for interview in interviews
        if (application := search.application(interview.application_id)) is not None
    }


def _zone(name: str) -> ZoneInfo:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, OSError):  # OSError: a zone name that is a folder
        return ZoneInfo("UTC")


def _each_day(first: date, last: date) -> list[date]:
    return [first + timedelta(days=offset) for offset in range((last - first).days + 1)]
