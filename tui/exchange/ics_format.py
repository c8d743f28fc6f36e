"""The iCalendar export: interviews, follow-ups and reminders as events a calendar app imports (RFC 5545)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from icalendar import Calendar, Event

from tui import __version__
from tui.core.actions import gone_silent, reconnect_due
from tui.core.interviews import INTERVIEW_KIND_WORDS, join_names, local_start
from tui.core.models import Application, Contact, Interview, InterviewKind, Settings, Stage
from tui.core.pipeline import FollowUp, next_follow_up
from tui.core.search import JobSearch

PRODID = f"-//nextyes//nextyes {__version__}//EN"
CALENDAR_NAME = "nextyes"
# How long an interview is shown as: we record when one starts, not when it ends.
INTERVIEW_LENGTH = timedelta(hours=1)
UID_DOMAIN = "nextyes"


@dataclass(frozen=True)
class CalendarEntry:
    """One event before it becomes a VEVENT: a timed interview, or an all-day reminder."""

    uid: str
    summary: str
    start: datetime | date
    description: str = ""

    @property
    def sort_key(self) -> tuple[date, str, str]:
        # All-day reminders first on their day, then timed events by the hour; the UID breaks ties.
        if isinstance(self.start, datetime):
            return self.start.date(), self.start.isoformat(), self.uid
        return self.start, "", self.uid


def export_ics(search: JobSearch, settings: Settings, today: date, now: datetime) -> str:
    """A calendar of every interview not cancelled, the follow-ups due, and the reminders set, as iCalendar text.

    Interviews are timed, in UTC, one hour long; the rest are all-day and free time. Each UID comes
    from a record's id and what the event is, so importing a newer export updates events instead of
    adding them twice. Past interviews stay in (a calendar is also a record); rest days start at `today`.
    `now` stamps every event (DTSTAMP).
    """
    calendar = Calendar()
    calendar.add("version", "2.0")
    calendar.add("prodid", PRODID)
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", CALENDAR_NAME)
    stamp = now.astimezone(UTC)
    for entry in sorted(_entries(search, settings, today), key=lambda e: e.sort_key):
        calendar.add_component(_event(entry, stamp))
    payload: bytes = calendar.to_ical()
    return payload.decode("utf-8")


def _entries(search: JobSearch, settings: Settings, today: date) -> list[CalendarEntry]:
    """Every event the calendar holds, unordered."""
    # A cancelled interview is left out: there is nothing to go to (the interview log still keeps it).
    entries = [_interview_entry(search, i) for i in search.interviews if not i.cancelled]
    for application in search.applications:
        entries += _application_entries(search, application, settings, today)
    entries += _reconnect_entries(search, settings, today)
    for rest_day in search.rest_days:
        if rest_day.day >= today:
            entries.append(CalendarEntry(_uid("rest-day", rest_day.id.hex), "Rest day", rest_day.day, rest_day.note))
    return entries


def _interview_entry(search: JobSearch, interview: Interview) -> CalendarEntry:
    application = search.application(interview.application_id)
    kind = "" if interview.kind is InterviewKind.OTHER else f", {interview.kind.value}"
    summary = f"Interview (round {interview.round}{kind})"
    if application is not None:
        summary = f"Interview: {_named(application)} (round {interview.round}{kind})"
    lines = []
    if interview.people:
        lines.append(f"Meeting {join_names(interview.people)}.")
    starts = f"{local_start(interview):%H:%M} ({interview.timezone})"
    lines.append(f"The {INTERVIEW_KIND_WORDS[interview.kind]} starts at {starts}.")
    if interview.notes:
        lines += ["", interview.notes]
    return CalendarEntry(_uid("interview", interview.id.hex), summary, interview.at.astimezone(UTC), "\n".join(lines))


def _reconnect_entries(search: JobSearch, settings: Settings, today: date) -> list[CalendarEntry]:
    """Each contact on the day the app would suggest reconnecting: from today on, most overdue first.

    At most `reconnects_per_day` a day, as on the dashboard, so three hundred imported connections
    fill the weeks ahead a few at a time instead of one day in the past.
    """
    due = sorted(
        ((reconnect_due(search, c, settings), c.name.casefold(), c.id.hex, c) for c in search.contacts),
        key=lambda entry: entry[:3],
    )
    entries = []
    day, booked = today, 0
    for due_on, _, _, contact in due:
        if due_on > day:
            day, booked = due_on, 0
        elif booked == settings.reconnects_per_day:
            day, booked = day + timedelta(days=1), 0
        booked += 1
        at = f" ({contact.company})" if contact.company else ""
        summary = f"Reconnect with {contact.name}{at}"
        why = _why_reconnect(search, contact, due_on, settings)
        entries.append(CalendarEntry(_uid("reconnect", contact.id.hex), summary, day, why))
    return entries


def _why_reconnect(search: JobSearch, contact: Contact, due_on: date, settings: Settings) -> str:
    if due_on == contact.reconnect_on:
        why = f"The reminder you set for {due_on.isoformat()}."
    else:
        why = f"Tier {contact.tier}: every {settings.reconnect_days[contact.tier]} days."
    last = search.last_contacted(contact)
    return f"Last in touch on {last.isoformat()}. {why}" if last else why


def _application_entries(
    search: JobSearch, application: Application, settings: Settings, today: date
) -> list[CalendarEntry]:
    """The next follow-up (as today's actions see it: none once the silence is long), next step, reapply date."""
    entries = []
    follow_up = next_follow_up(search, application, settings)
    if follow_up is not None and not gone_silent(search, application, settings, today):
        entries.append(_follow_up_entry(application, follow_up))
    if application.next_step_on is not None and _still_open(application):
        step = application.next_step or "Next step"
        uid = _uid("next-step", application.id.hex)
        entries.append(CalendarEntry(uid, f"{step}: {_named(application)}", application.next_step_on))
    if application.reapply_after is not None:
        why = f"You marked {application.company} worth another try after the {application.role} application."
        uid = _uid("reapply", application.id.hex)
        entries.append(CalendarEntry(uid, f"Reapply? {application.company}", application.reapply_after, why))
    return entries


def _follow_up_entry(application: Application, follow_up: FollowUp) -> CalendarEntry:
    waited = (follow_up.due_on - follow_up.anchor).days
    if follow_up.number == 1:
        summary = f"Follow up: {_named(application)}"
        why = f"{waited} days since you applied and no reply yet: a short, friendly note keeps you in mind."
    else:
        summary = f"Follow up again: {_named(application)}"
        why = f"{waited} days since follow-up #{follow_up.number - 1} and no reply yet."
    return CalendarEntry(_uid("follow-up", application.id.hex, str(follow_up.number)), summary, follow_up.due_on, why)


def _still_open(application: Application) -> bool:
    """Saved or waiting on someone: a next step on an application that has ended is no longer due."""
    return application.stage is Stage.SAVED or application.stage.is_pending


def _named(application: Application) -> str:
    return f"{application.company} — {application.role}"


def _uid(kind: str, *parts: str) -> str:
    return f"{'-'.join((kind, *parts))}@{UID_DOMAIN}"


def _event(entry: CalendarEntry, stamp: datetime) -> Event:
    event = Event()
    event.add("uid", entry.uid)
    event.add("dtstamp", stamp)
    event.add("summary", entry.summary)
    event.add("dtstart", entry.start)
    if isinstance(entry.start, datetime):
        event.add("dtend", entry.start + INTERVIEW_LENGTH)
    else:
        # RFC 5545 makes a date-only event one day long without DTEND, but some calendar apps want it said.
        event.add("dtend", entry.start + timedelta(days=1))
        event.add("transp", "TRANSPARENT")
    if entry.description:
        event.add("description", entry.description)
    return event
