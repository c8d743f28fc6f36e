"""Rows of a CSV of applications into records, with what every imported CSV row shares: dates, ids, apply activities.

A row reader takes a row's values by column name and a `RowContext`, and returns the record with the
records that come with it, or raises `RowProblem` (one line) for a row to skip. LinkedIn's files build
on the same pieces (`tui.exchange.linkedin`); `tui.exchange.importing` tells the files apart.
"""

from __future__ import annotations

import re
import uuid
import warnings
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time
from functools import cached_property
from zoneinfo import ZoneInfo

from dateutil import parser as dateparser

from tui.core.days import logical_day
from tui.core.models import (
    Activity,
    ActivityKind,
    Application,
    ApplicationKind,
    Record,
    RejectionReason,
    Stage,
    StageChange,
)

ACCEPTED_DATES = "accepted: 2024-03-05, 5 Mar 2024, Mar 5 2024 or 3/5/24, month first"
EARLIEST_YEAR, LATEST_YEAR = 1990, 2100
# Ids of imported records are uuid5 names in this namespace, so the same row always gets the same id.
IMPORT_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_DNS, "import.nextyes")
UTC = ZoneInfo("UTC")
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")

ReadRow = tuple[Record, tuple[Record, ...]]  # a record, and those added only with it
RowReader = Callable[[dict[str, str], "RowContext"], ReadRow]


class RowProblem(ValueError):
    """What is wrong with one row, in one line; the row is skipped and the rest read on."""


@dataclass(frozen=True)
class Moment:
    at: datetime  # aware, in the import's zone
    day: date  # the logical day it counts for


class _YearsAround(dateparser.parserinfo):
    """Two-digit years ('7/6/23') read within 50 years of the import's year, not of the machine's clock."""

    def __init__(self, year: int) -> None:
        super().__init__()
        self._year = year
        self._century = year // 100 * 100


# A date is parsed against two defaults: a part that comes out differently was missing from the text.
_FIRST_DEFAULT, _SECOND_DEFAULT = datetime(2001, 1, 1), datetime(2002, 2, 2)


@dataclass(frozen=True)
class RowContext:
    """What every row of one file is read against: the moment of the import, its zone and rollover hour."""

    now: datetime
    zone: ZoneInfo
    rollover_hour: int

    @cached_property
    def today(self) -> date:
        return logical_day(self.now, self.zone, self.rollover_hour)

    def record_id(self, *identity: object) -> uuid.UUID:
        """The same id for the same row, however often the file is read."""
        return uuid.uuid5(IMPORT_NAMESPACE, "|".join(str(part) for part in identity))

    def moment(self, text: str, what: str) -> Moment:
        """When something happened: a time of day is read in the import's zone; a bare date counts as its noon.

        Noon keeps a bare date on its own logical day whatever the rollover hour (at most 12). A day
        more than one day after today is refused: history cannot be in the future.
        """
        parsed, has_time = self._parse(text, what)
        if parsed.tzinfo is not None:
            at = parsed.astimezone(self.zone)
        elif has_time:
            at = parsed.replace(tzinfo=self.zone)
        else:
            at = datetime.combine(parsed.date(), time(12), tzinfo=self.zone)
        day = logical_day(at, self.zone, self.rollover_hour)
        if (day - self.today).days > 1:
            raise RowProblem(f"the {what} {quote(text)} is in the future")
        return Moment(at, day)

    def calendar_day(self, text: str, what: str) -> date | None:
        """A day ahead or behind as written (a next step, a reapply date), or None when blank."""
        return self._parse(text, what)[0].date() if text else None

    @cached_property
    def _years(self) -> _YearsAround:
        return _YearsAround(self.now.year)

    def _parse(self, text: str, what: str) -> tuple[datetime, bool]:
        """The date and time a person wrote, and whether a time of day was in it."""
        exact = _exact(text)
        if exact is not None and EARLIEST_YEAR <= exact[0].year <= LATEST_YEAR:
            return exact
        info = self._years
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore", dateparser.UnknownTimezoneWarning)
                first = dateparser.parse(text, parserinfo=info, default=_FIRST_DEFAULT)
                second = dateparser.parse(text, parserinfo=info, default=_SECOND_DEFAULT)
        except (ValueError, OverflowError):
            raise RowProblem(f"the {what} {quote(text)} is not a date ({ACCEPTED_DATES})") from None
        if first.date() != second.date():
            raise RowProblem(f"the {what} {quote(text)} is missing its day, month or year ({ACCEPTED_DATES})")
        if not EARLIEST_YEAR <= first.year <= LATEST_YEAR:
            raise RowProblem(f"the {what} {quote(text)} is out of range (a year from {EARLIEST_YEAR} to {LATEST_YEAR})")
        has_time = first.tzinfo is not None or re.search(r"\d:\d", text) is not None
        return first, has_time


# The shapes LinkedIn and nextyes itself write, read exactly first: dateutil reads anything, but is
# many times slower and runs twice a date (to catch a missing part), and a big export has one every row.
EXACT_FORMATS = (("%m/%d/%y, %I:%M %p", True), ("%Y-%m-%d", False), ("%d %b %Y", False))


# The two commonest of those, read without strptime (which looks up the locale at every call): a
# 50,000-row import reads 50,000 dates. Anything they do not match goes on to EXACT_FORMATS.
_ISO_DAY = re.compile(r"(\d{4})-(\d{2})-(\d{2})", re.ASCII)
_LINKEDIN_MOMENT = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{2}), (\d{1,2}):(\d{2}) (AM|PM)", re.ASCII)


def _quick(text: str) -> tuple[datetime, bool] | None:
    """`text` read as `EXACT_FORMATS` would read it, for its two commonest shapes; None for any other."""
    try:
        if iso := _ISO_DAY.fullmatch(text):
            return datetime(int(iso[1]), int(iso[2]), int(iso[3])), False
        if (linkedin := _LINKEDIN_MOMENT.fullmatch(text)) and 1 <= int(linkedin[4]) <= 12:
            month, day, short_year, hour, minute = (int(part) for part in linkedin.groups()[:5])
            year = short_year + (1900 if short_year >= 69 else 2000)  # strptime's %y
            hour = hour % 12 + (12 if linkedin[6] == "PM" else 0)
            return datetime(year, month, day, hour, minute), True
    except ValueError:  # a day or a minute out of range: strptime refuses it too
        return None
    return None


def _exact(text: str) -> tuple[datetime, bool] | None:
    text = text.strip()
    if (quick := _quick(text)) is not None:
        return quick
    for shape, has_time in EXACT_FORMATS:
        try:
            return datetime.strptime(text, shape), has_time
        except ValueError:
            continue
    return None


def apply_activity(application: Application, applied: Moment, context: RowContext) -> Activity:
    """The `apply` activity a hand-added application records, on the day it was sent."""
    return Activity(
        id=context.record_id("apply", application.id),
        kind=ActivityKind.APPLY,
        at=applied.at.astimezone(UTC),
        timezone=context.zone.key,
        logical_day=applied.day,
        note=f"applied to {application.company} (imported)",
        application_id=application.id,
        created_at=context.now,
        updated_at=context.now,
    )


def required(values: dict[str, str], column: str, said: str) -> str:
    value = values.get(column, "")
    if not value:
        raise RowProblem(f"no {said}")
    return value


def normalised(text: str) -> str:
    """A name as compared across files and hand-typed records: casefolded, spaces collapsed."""
    return " ".join(text.casefold().split())


def quote(text: str, limit: int = 40) -> str:
    """A value shown in a one-line message: on one line, and cut short when long."""
    flat = " ".join(text.split())
    return f"'{flat[: limit - 1]}…'" if len(flat) > limit else f"'{flat}'"


def say_day(day: date) -> str:
    """'5 Mar 2024', in English whatever the machine's locale."""
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


# --- a CSV of applications ------------------------------------------------------------------------------

# Column names as people write them; the first alias a header has wins. Compared casefolded, without
# spaces or underscores. `nextyes export --format csv` writes the first alias of each.
COLUMNS: dict[str, tuple[str, ...]] = {
    "id": ("Id",),
    "company": ("Company", "Employer", "Organization", "Organisation", "Company Name"),
    "role": ("Role", "Title", "Job Title", "Position"),
    "applied_on": ("Date Applied", "Applied", "Applied On", "Application Date", "Date"),
    "stage": ("Status", "Stage"),
    "stage_on": ("Status Date", "Stage On", "Updated", "Last Updated", "Date Updated", "Response Date"),
    "source": ("Source", "Found Via", "Channel"),
    "url": ("URL", "Link", "Job Url", "Posting"),
    "kind": ("Kind", "Type", "Job Type", "Employment Type"),
    "location": ("Location", "City"),
    "notes": ("Notes", "Note", "Comments"),
    "next_step": ("Next Step",),
    "next_step_on": ("Next Step On", "Next Step Date"),
    "rejection_reason": ("Rejection Reason",),
    "reapply_after": ("Reapply After",),
    "tags": ("Tags", "Labels"),
}
REQUIRED_COLUMNS = ("company", "role")

STAGE_WORDS: dict[Stage, tuple[str, ...]] = {
    Stage.APPLIED: ("applied", "sent", "submitted"),
    Stage.SAVED: ("saved", "wishlist", "wish list", "bookmarked", "to apply"),
    Stage.SCREENING: ("screening", "phone screen", "recruiter call", "screen"),
    Stage.INTERVIEWING: ("interview", "interviewing", "onsite", "on site"),
    Stage.OFFER: ("offer", "offered"),
    Stage.ACCEPTED: ("accepted", "hired"),
    Stage.REJECTED: ("rejected", "declined", "rejection", "turned down", "no"),
    Stage.GHOSTED: ("ghosted", "no response", "no answer", "silent"),
    Stage.WITHDRAWN: ("withdrawn", "withdrew"),
}
KIND_WORDS: dict[ApplicationKind, tuple[str, ...]] = {
    ApplicationKind.FULL_TIME: ("full time", "fulltime", "permanent"),
    ApplicationKind.CONTRACT: ("contract", "contractor"),
    ApplicationKind.FREELANCE: ("freelance", "freelancer"),
}


def _word(text: str) -> str:
    """A status or kind as compared: 'On-site', 'on_site' and ' ON SITE ' are one word."""
    return " ".join(re.sub(r"[-_]", " ", text.casefold()).split())


STAGE_OF = {word: stage for stage, words in STAGE_WORDS.items() for word in words}
KIND_OF = {word: kind for kind, words in KIND_WORDS.items() for word in words}
REASON_OF = {_word(reason.value): reason for reason in RejectionReason}
ACCEPTED_STAGES = ", ".join(stage.value for stage in STAGE_WORDS) + ", and words like sent, interview, hired or no"


def read_application_row(values: dict[str, str], context: RowContext) -> ReadRow:
    """One application: where it stands, the day it was sent, and the move to its stage when past applied.

    A row with a valid nextyes id (a CSV nextyes exported) keeps it; other rows get an id from their
    company, role and day. A rejection reason nextyes has no word for is kept in the notes.
    """
    company, role = required(values, "company", "company"), required(values, "role", "role")
    stage = _stage(values.get("stage", ""))
    applied = saved = None
    if stage is Stage.SAVED:
        # Saved on the day the file gives, else today: today's actions offer to send it from then.
        given = values.get("applied_on")
        saved = context.moment(given, "saved date") if given else Moment(context.now, context.today)
    else:
        if not values.get("applied_on"):
            raise RowProblem("no application date (an application that was sent needs the day it went)")
        applied = context.moment(values["applied_on"], "application date")
    moved = None
    if applied is not None and stage is not Stage.APPLIED and values.get("stage_on"):
        moved = context.moment(values["stage_on"], "status date")
    reason_text = values.get("rejection_reason", "")
    reason = REASON_OF.get(_word(reason_text))
    notes = [values.get("notes", ""), f"Rejection reason: {reason_text}" if reason_text and reason is None else ""]
    applied_on = applied.day if applied else None
    saved_on = saved.day if saved and values.get("applied_on") else ""  # never the import day: ids must not move
    application = Application(
        id=_uuid(values.get("id", ""))
        or context.record_id("application", normalised(company), normalised(role), applied_on or saved_on),
        company=company,
        role=role,
        kind=_kind(values.get("kind", "")),
        source=values.get("source", ""),
        url=values.get("url", ""),
        location=values.get("location", ""),
        applied_on=applied_on,
        stage=stage,
        stage_history=[StageChange(stage=Stage.SAVED, at=saved.at, day=saved.day)]
        if saved
        else _history(stage, applied, moved),
        next_step=values.get("next_step", ""),
        next_step_on=context.calendar_day(values.get("next_step_on", ""), "next step date"),
        notes="\n".join(part for part in notes if part),
        tags=_tags(values.get("tags", "")),
        rejection_reason=reason,
        reapply_after=context.calendar_day(values.get("reapply_after", ""), "reapply date"),
        created_at=context.now,
        updated_at=context.now,
    )
    if applied is None:
        return application, ()
    return application, (apply_activity(application, applied, context),)


def _stage(text: str) -> Stage:
    if not text:
        return Stage.APPLIED
    stage = STAGE_OF.get(_word(text))
    if stage is None:
        raise RowProblem(f"the status {quote(text)} is not one nextyes knows (accepted: {ACCEPTED_STAGES})")
    return stage


def _kind(text: str) -> ApplicationKind:
    """Full-time unless said otherwise; a kind nextyes has no word for (part-time, internship) is 'other'."""
    return KIND_OF.get(_word(text), ApplicationKind.OTHER) if text else ApplicationKind.FULL_TIME


def _history(stage: Stage, applied: Moment | None, moved: Moment | None) -> list[StageChange]:
    """Applied on its day, then the move to where it stands: on its own day, or on the day applied, undated.

    `applied` is None only for a saved job, whose history is its move to saved.
    """
    if applied is None:
        return []
    history = [StageChange(stage=Stage.APPLIED, at=applied.at, day=applied.day)]
    if stage is Stage.APPLIED:
        return history
    round = 1 if stage is Stage.INTERVIEWING else None
    if moved is not None:
        history.append(StageChange(stage=stage, at=moved.at, day=moved.day, round=round))
    else:
        history.append(StageChange(stage=stage, at=applied.at, day=applied.day, round=round, undated=True))
    return history


def _tags(text: str) -> list[str]:
    """Tags split on semicolons, as nextyes exports them, or on commas when a cell has no semicolon."""
    separator = ";" if ";" in text else ","
    return [tag.strip() for tag in text.split(separator) if tag.strip()]


def _uuid(text: str) -> uuid.UUID | None:
    try:
        return uuid.UUID(text) if text else None
    except ValueError:
        return None
