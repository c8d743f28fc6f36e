"""The schedule form: when an interview is, which round, what kind, and whom you will meet."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time
from zoneinfo import ZoneInfo

from textual.app import ComposeResult
from textual.widgets import Input, Select, Static

from tui.app.screens.form import FormScreen, max_length, too_long, whole_number
from tui.app.widgets.choice import LetterSelect
from tui.core.days import DateParseError, describe_day, parse_day
from tui.core.interviews import INTERVIEW_KIND_WORDS
from tui.core.local_times import NoSuchTime, local_instant
from tui.core.models import Application, Contact, Interview, InterviewKind
from tui.core.pipeline import describe_ago, describe_due

ACCEPTED_TIMES = "use HH:MM on a 24-hour clock, such as 14:30 or 9:00 (2:30pm works too)"
_TIME = re.compile(r"^(\d{1,2})(?:[:.h](\d{2}))?\s*(am|pm)?$")
MAX_ROUND = 20


class TimeParseError(ValueError):
    """A time of day we cannot read; the message says what is accepted."""


def parse_time(text: str) -> time:
    """'14:30', '9:00', '9.30', '2pm' or '2:30 pm' as a time of day."""
    cleaned = text.strip().lower()
    match = _TIME.match(cleaned)
    if match is None:
        raise TimeParseError(f"cannot read the time {text.strip()!r}; {ACCEPTED_TIMES}")
    hour, minute, half = int(match.group(1)), int(match.group(2) or 0), match.group(3)
    if half is not None:
        if not 1 <= hour <= 12:
            raise TimeParseError(f"{text.strip()!r} is not a time: with am or pm the hour is 1 to 12")
        hour = hour % 12 + (12 if half == "pm" else 0)
    elif match.group(2) is None:
        raise TimeParseError(f"cannot read the time {text.strip()!r}; {ACCEPTED_TIMES}")
    if hour > 23 or minute > 59:
        raise TimeParseError(f"{text.strip()!r} is not a time of day; {ACCEPTED_TIMES}")
    return time(hour, minute)


def split_people(text: str) -> list[str]:
    return [name.strip() for name in text.split(",") if name.strip()]


@dataclass(frozen=True)
class ScheduleDraft:
    """An interview as typed, ready for `Recorder.schedule_interview`; the `*_text` fields are as typed."""

    at: datetime  # aware, in the settings' time zone
    day_text: str
    time_text: str
    round: int | None  # None: the next one
    round_text: str
    kind: InterviewKind
    people: list[str]
    people_text: str
    notes: str


class ScheduleInterviewScreen(FormScreen[ScheduleDraft]):
    """Day and time first; a round left blank is the next one."""

    AUTO_FOCUS = "#day"

    def __init__(
        self,
        application: Application,
        today: date,
        zone: ZoneInfo,
        draft: ScheduleDraft | None = None,
        problem: str = "",
    ) -> None:
        super().__init__(problem)
        self.application = application
        self.today = today
        self.zone = zone
        self.draft = draft
        self.title_text = f"Schedule an interview: {application.company} — {application.role}"

    def fields(self) -> ComposeResult:
        draft = self.draft

        def text(field_id: str, typed: str, placeholder: str) -> Input:
            return Input(typed, id=field_id, placeholder=placeholder, compact=True)

        yield self.field_row("Day", text("day", draft.day_text if draft else "", "tomorrow, next friday, 2026-03-20"))
        yield self.field_row("Time", text("time", draft.time_text if draft else "", f"14:30 ({self.zone.key})"))
        yield self.field_row("Round", text("round", draft.round_text if draft else "", "blank: the next one"))
        yield self.field_row(
            "Kind",
            LetterSelect(
                [(f"{kind.value} — {INTERVIEW_KIND_WORDS[kind]}", kind) for kind in InterviewKind],
                value=draft.kind if draft else InterviewKind.PHONE,
                allow_blank=False,
                id="kind",
                compact=True,
            ),
        )
        yield self.field_row("People", text("people", draft.people_text if draft else "", "e.g. Dana Reyes, Sam Lee"))
        yield self.field_row(
            "Notes", text("notes", draft.notes if draft else "", "optional: link, address, what to bring")
        )
        yield Static("", id="schedule-status", classes="form-note", markup=False)

    def on_mount(self) -> None:
        super().on_mount()
        self.describe_when()

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id in ("day", "time"):
            self.describe_when()

    def describe_when(self) -> None:
        """Say, as day and time are typed, when that is: a day that has passed logs one already held."""
        status = self.query_one("#schedule-status", Static)
        try:
            day = parse_day(self.query_one("#day", Input).value.strip(), self.today)
        except DateParseError:
            status.update("Which day? tomorrow, next friday, or a date such as 2026-03-20.")
            return
        try:
            starts = parse_time(self.query_one("#time", Input).value)
            local_instant(day, starts, self.zone)
            at = f" at {starts:%H:%M}"
        except TimeParseError:
            at = ""
        except NoSuchTime as gap:
            status.update(f"⚠ {gap}")
            return
        shown = describe_day(day, self.today)
        when = f"{shown}{at} ({self.zone.key}), {describe_due(day, self.today)}"
        if day < self.today:
            when = f"{shown}{at} ({self.zone.key}), {describe_ago(day, self.today)}: one already held"
        status.update(when)

    def read(self) -> ScheduleDraft | None:
        typed = {
            field: self.query_one(f"#{field}", Input).value.strip()
            for field in ("day", "time", "round", "people", "notes")
        }
        problems: dict[str, str] = {}
        day = when = None
        if not typed["day"]:
            problems["day"] = "which day? tomorrow, next friday, or a date such as 2026-03-20"
        else:
            try:
                day = parse_day(typed["day"], self.today)
            except DateParseError as error:
                problems["day"] = str(error)
        if not typed["time"]:
            problems["time"] = f"the time is needed; {ACCEPTED_TIMES}"
        else:
            try:
                when = parse_time(typed["time"])
            except TimeParseError as error:
                problems["time"] = str(error)
        round_number = None
        if typed["round"]:
            round_number = whole_number(typed["round"], 1, MAX_ROUND)
            if round_number is None:
                problems["round"] = f"a round is a number from 1 to {MAX_ROUND}, or blank for the next one"
        people = split_people(typed["people"])
        if any(too_long(name, max_length(Contact, "name")) for name in people):
            problems["people"] = "a name is too long; separate people with commas"
        if problem := too_long(typed["notes"], max_length(Interview, "notes")):
            problems["notes"] = problem
        at = None
        if day is not None and when is not None:
            try:  # a time the clocks skip that night is refused; one they repeat is the first of the two
                at = local_instant(day, when, self.zone)
            except NoSuchTime as gap:
                problems["time"] = str(gap)
        for field, problem in problems.items():
            self.explain(field, problem)
        if problems or at is None:
            return None
        return ScheduleDraft(
            at=at,
            day_text=typed["day"],
            time_text=typed["time"],
            round=round_number,
            round_text=typed["round"],
            kind=self.query_one("#kind", Select).value,  # type: ignore[arg-type]
            people=people,
            people_text=typed["people"],
            notes=typed["notes"],
        )
