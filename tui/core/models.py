"""The records a job search is made of, as pydantic models that validate before anything is written."""

from __future__ import annotations

import itertools
import uuid
from collections.abc import Sequence
from datetime import date, datetime
from decimal import Decimal
from typing import Annotated, Any, ClassVar, Self

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field, field_validator, model_validator

# The choices live apart (tui.core.kinds), so the shell's --help needs no pydantic; each is re-exported here.
from tui.core.kinds import PENDING_STAGES as PENDING_STAGES
from tui.core.kinds import REPLIED_STAGES as REPLIED_STAGES
from tui.core.kinds import ActivityKind as ActivityKind
from tui.core.kinds import ApplicationKind as ApplicationKind
from tui.core.kinds import InterviewKind as InterviewKind
from tui.core.kinds import Mark as Mark
from tui.core.kinds import PayPeriod as PayPeriod
from tui.core.kinds import RejectionReason as RejectionReason
from tui.core.kinds import Stage as Stage
from tui.core.kinds import Tier as Tier

# AwareDatetime: a timestamp must carry its UTC offset. pydantic checks it in its compiled core, several
# times faster over a year of records than a Python validator called for every timestamp.


Name = Annotated[str, Field(max_length=200)]
Note = Annotated[str, Field(max_length=2000)]
LongText = Annotated[str, Field(max_length=20000)]
AdText = Annotated[str, Field(max_length=60000)]  # a job ad, pasted whole: the longest postings run to 30,000


class Stored(BaseModel):
    """A frozen model whose instances, once validated with every field given, share one set of those fields.

    pydantic gives each instance its own set of the fields it was given (`model_fields_set`): 730 bytes, more
    than any record's values, and the same set for every record read from a file, which holds each field.
    Shared, five years of records take 30 MB less. Nothing changes it in place: the models are frozen, and
    `model_copy` copies it before it adds to it.
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    every_field: ClassVar[set[str]] = set()
    day_fields: ClassVar[tuple[str, ...]] = ()  # the fields holding a date (or None)
    instant_fields: ClassVar[tuple[str, ...]] = ()  # the other fields holding an instant, when there is a created_at
    reference_fields: ClassVar[tuple[str, ...]] = ()  # the fields holding another record's id (or None)

    @classmethod
    def __pydantic_init_subclass__(cls, **kwargs: Any) -> None:
        super().__pydantic_init_subclass__(**kwargs)
        fields = cls.model_fields
        cls.every_field = set(fields)
        cls.day_fields = tuple(name for name, field in fields.items() if field.annotation in (date, date | None))
        cls.reference_fields = tuple(
            name for name, field in fields.items() if field.annotation in (uuid.UUID, uuid.UUID | None) and name != "id"
        )
        if "created_at" in fields:
            cls.instant_fields = tuple(
                name for name, field in fields.items() if field.annotation is AwareDatetime and name != "created_at"
            )

    def model_post_init(self, context: Any, /) -> None:
        every_field = type(self).every_field
        if len(self.__pydantic_fields_set__) == len(every_field):
            object.__setattr__(self, "__pydantic_fields_set__", every_field)


class EqualValues:
    """The one object of each equal value that the records of one read hold, where most values are equal: a
    day (five years of records hold 45,000 days, 1,800 of them different), the id of a record another refers
    to (17,000 references to 5,000 records), and each record's instants that are its `created_at` (an
    activity's `at` and `updated_at`, most records' `updated_at`). At five years, about 5 MB less.

    A reader shares what it validated (`share`); a loop here is a fifth of the time the same work would take
    in each record's `model_post_init`. The values are immutable, so sharing them changes nothing but memory.
    """

    def __init__(self) -> None:
        self.days: dict[date, date] = {}
        self.ids: dict[int, uuid.UUID] = {}  # by the id's number: its hash is C's, a UUID's is Python's

    def share(self, records: Sequence[Stored], start: int = 0) -> None:
        """Make the equal values of `records[start:]`, all of one model, one object."""
        if len(records) <= start:
            return
        kind = type(records[start])
        days, references, instants = kind.day_fields, kind.reference_fields, kind.instant_fields
        one_day, one_id = self.days.setdefault, self.ids.setdefault
        for record in itertools.islice(records, start, None):
            values = record.__dict__
            for name in days:
                day = values[name]
                if day is not None:
                    values[name] = one_day(day, day)
            for name in references:
                reference = values[name]
                if reference is not None:
                    values[name] = one_id(reference.int, reference)
            if instants:
                created = values["created_at"]
                for name in instants:
                    instant = values[name]
                    # The same zone object as well as the same instant: the same written form.
                    if instant == created and instant.tzinfo is created.tzinfo:
                        values[name] = created


class Record(Stored):
    """Fields every stored record shares, so two copies of a database can later be merged."""

    id: uuid.UUID = Field(default_factory=uuid.uuid4)
    created_at: AwareDatetime
    updated_at: AwareDatetime
    # A deleted record stays in the file as a tombstone, so a merge with an older copy cannot bring it back.
    # Reads leave tombstones out: no rule, count, export or screen ever sees one.
    deleted_at: AwareDatetime | None = None

    @property
    def short_id(self) -> str:
        """The first eight hex digits: enough to name a record on the command line."""
        return self.id.hex[:8]

    @property
    def deleted(self) -> bool:
        return self.deleted_at is not None

    def touched(self, at: datetime, **changes: object) -> Self:
        """A validated copy with `changes` applied and `updated_at` set to `at`."""
        return type(self).model_validate({**self.model_dump(), **changes, "updated_at": at})


Round = Annotated[int, Field(ge=1, le=20)]
Rating = Annotated[int, Field(ge=1, le=5)]


class StageChange(Stored):
    """One move in an application's history."""

    stage: Stage
    at: AwareDatetime
    day: date
    note: Note = ""
    round: Round | None = None  # for interviewing: which round this move reached
    final: bool = False  # for interviewing: the final round
    undated: bool = False  # imported without a day for this move: `day` is the application's day, not the move's


Currency = Annotated[str, Field(pattern=r"^[A-Z]{3}$")]  # an ISO 4217 code: EUR, USD, GBP
Amount = Annotated[Decimal, Field(ge=0, le=1_000_000_000, decimal_places=2, allow_inf_nan=False)]


class Offer(Stored):
    """One offer an application brought, as it was made. An offer is never changed: a revised one (after a
    negotiation) is a new offer that `replaces` it, so every version stays in the application's history."""

    id: uuid.UUID = Field(default_factory=uuid.uuid4)
    amount: Amount  # the figure offers are compared by: the pay for one `period`
    currency: Currency
    period: PayPeriod = PayPeriod.YEAR
    base: Note = ""  # the parts as the offer words them: "€62k base", "10% target bonus", "0.1% over 4 years"
    bonus: Note = ""
    equity: Note = ""
    start_on: date | None = None
    answer_by: date | None = None  # the day they want an answer by
    received_on: date
    notes: Note = ""
    replaces: uuid.UUID | None = None  # the offer this one revises

    @property
    def short_id(self) -> str:
        return self.id.hex[:8]


class Application(Record):
    company: Annotated[str, Field(min_length=1, max_length=200)]
    role: Annotated[str, Field(min_length=1, max_length=200)]
    kind: ApplicationKind = ApplicationKind.FULL_TIME
    source: Name = ""
    url: Note = ""
    location: Name = ""
    applied_on: date | None = None
    stage: Stage = Stage.APPLIED
    stage_history: list[StageChange] = Field(default_factory=list)
    next_step: Name = ""
    next_step_on: date | None = None
    notes: LongText = ""
    tags: list[Annotated[str, Field(min_length=1, max_length=60)]] = Field(default_factory=list)
    rejection_reason: RejectionReason | None = None
    feedback: LongText = ""  # what they said when asked why
    reapply_after: date | None = None  # "reapply later": the company is worth another try from this day
    resume: Name = ""  # the short name of the résumé version sent ("data-v2")
    resume_path: Note = ""  # where that résumé is, as typed
    ad: AdText = ""  # the job ad's text, kept after the posting is gone
    salary_advertised: Name = ""  # as the ad or recruiter put it: "€60–70k"
    salary_asked: Name = ""  # what I asked for, as I put it
    offers: list[Offer] = Field(default_factory=list)  # every offer and revision, in the order received

    @model_validator(mode="after")
    def _names_are_not_blank(self) -> Self:
        if not self.company.strip():
            raise ValueError("company must not be blank")
        if not self.role.strip():
            raise ValueError("role must not be blank")
        return self

    @model_validator(mode="after")
    def _revisions_follow_their_offer(self) -> Self:
        seen: set[uuid.UUID] = set()
        for offer in self.offers:
            if offer.id in seen:
                raise ValueError("two offers share one id")
            if offer.replaces is not None and offer.replaces not in seen:
                raise ValueError("an offer can only replace an earlier offer of the same application")
            seen.add(offer.id)
        return self

    @property
    def interview_round(self) -> int | None:
        """The latest interview round reached, from the stage history."""
        rounds = [change.round for change in self.stage_history if change.round is not None]
        return rounds[-1] if rounds else None

    @property
    def reached_final(self) -> bool:
        return any(change.final for change in self.stage_history)

    def moved_to(self, stage: Stage) -> StageChange | None:
        """The latest move to `stage`, if it was ever there."""
        return next((c for c in reversed(self.stage_history) if c.stage is stage), None)

    @property
    def current_offers(self) -> list[Offer]:
        """The offers as they now stand: each one no later offer replaces, in the order received."""
        replaced = {offer.replaces for offer in self.offers}
        return [offer for offer in self.offers if offer.id not in replaced]


class Activity(Record):
    """Something done on a logical day. The day is fixed when recorded and never recomputed."""

    kind: ActivityKind
    at: AwareDatetime
    timezone: Annotated[str, Field(min_length=1, max_length=64)]
    logical_day: date
    note: Note = ""
    application_id: uuid.UUID | None = None
    contact_id: uuid.UUID | None = None


class Reflection(Record):
    """What a person wrote in answer to a day's prompt. One per logical day."""

    day: date
    prompt: Name
    text: Annotated[str, Field(min_length=1, max_length=20000)]


class RestDay(Record):
    """A day planned off: it keeps a streak alive without adding to it. One per logical day."""

    day: date
    note: Note = ""


class Question(Stored):
    """A question asked in an interview, with a note on how I answered and a 1-5 self-rating."""

    text: Annotated[str, Field(min_length=1, max_length=500)]
    answer: Note = ""
    rating: Rating | None = None


class Interview(Record):
    """One interview for an application: when, which round, who, what was asked and how it went."""

    application_id: uuid.UUID
    at: AwareDatetime
    timezone: Annotated[str, Field(min_length=1, max_length=64)]
    day: date  # the local day it takes place
    round: Round = 1
    kind: InterviewKind = InterviewKind.OTHER
    people: list[Name] = Field(default_factory=list)
    questions: list[Question] = Field(default_factory=list)
    rating: Rating | None = None
    went_well: Note = ""
    change: Note = ""  # what I would do differently
    notes: LongText = ""
    cancelled: bool = False  # called off (by either side, or because the application ended before it)

    @property
    def debriefed(self) -> bool:
        return bool(self.questions or self.rating or self.went_well or self.change)


class Contact(Record):
    """Someone in my network, and how often to stay in touch."""

    name: Annotated[str, Field(min_length=1, max_length=200)]
    company: Name = ""
    how_we_know: Note = ""
    tier: Tier = Tier.B
    last_contact: date | None = None
    notes: LongText = ""
    application_ids: list[uuid.UUID] = Field(default_factory=list)
    support: bool = False  # a friend or mentor to call on a rough day
    reconnect_on: date | None = None  # an explicit reminder, such as the bridge kept after a no

    @model_validator(mode="after")
    def _name_is_not_blank(self) -> Self:
        if not self.name.strip():
            raise ValueError("name must not be blank")
        return self


class LearningGoal(Record):
    """A skill to work on, from a rejection's feedback or added by hand."""

    text: Annotated[str, Field(min_length=1, max_length=200)]
    application_id: uuid.UUID | None = None
    source: Name = ""  # where it came from: "feedback from Quill Labs"
    closed_on: date | None = None


class Win(Record):
    """An accomplishment worth remembering on a rough day, ideally with a number in it."""

    day: date
    text: Annotated[str, Field(min_length=1, max_length=2000)]
    application_id: uuid.UUID | None = None
    key: Annotated[str, Field(max_length=120)] = ""  # set for wins added automatically, so each is added once


class ActionMark(Record):
    """What was done with one of today's actions: done, snoozed until a day, or dismissed."""

    key: Annotated[str, Field(min_length=1, max_length=200)]
    mark: Mark
    day: date  # the logical day it was marked
    until: date | None = None  # for snoozed: the day it comes back


# What each kind of activity is worth toward the daily target: doing counts fully, preparing half.
DEFAULT_POINTS: dict[ActivityKind, float] = {
    ActivityKind.APPLY: 1.0,
    ActivityKind.FOLLOW_UP: 1.0,
    ActivityKind.INTERVIEW: 1.0,
    ActivityKind.NETWORK: 1.0,
    ActivityKind.LEARN: 0.5,
    ActivityKind.PREP: 0.5,
    ActivityKind.REFLECT: 0.5,
    ActivityKind.OTHER: 0.5,
}

DEFAULT_RECONNECT_DAYS: dict[Tier, int] = {Tier.A: 30, Tier.B: 90, Tier.C: 180}

Points = Annotated[float, Field(ge=0, le=20, multiple_of=0.5, allow_inf_nan=False)]


class Settings(Record):
    """The user's preferences. There is one of these per database.

    Each field's description is the help people read for it (`nextyes settings --help` adds its limits and default).
    """

    daily_target: Annotated[
        float, Field(ge=0.5, le=20, multiple_of=0.5, allow_inf_nan=False, description="points that make a day count")
    ] = 1.0
    points: dict[ActivityKind, Points] = Field(  # kinds left out are worth their default
        default_factory=lambda: dict(DEFAULT_POINTS), description="what an activity of each kind is worth"
    )
    rollover_hour: Annotated[
        int, Field(ge=0, le=12, description="the hour a new day starts; the night before it counts for the day before")
    ] = 4
    rest_days_per_week: Annotated[
        int, Field(ge=0, le=7, description="planned rest days allowed a week, Monday to Sunday")
    ] = 2
    recovery_days: Annotated[
        int, Field(ge=0, le=7, description="days after a rejection that keep your streak alive without anything logged")
    ] = 2
    weekly_applications: Annotated[int, Field(ge=0, le=100, description="weekly goal: applications")] = 5
    weekly_networking: Annotated[int, Field(ge=0, le=100, description="weekly goal: networking")] = 2
    weekly_learning: Annotated[int, Field(ge=0, le=100, description="weekly goal: learning")] = 1
    follow_up_days: Annotated[int, Field(ge=1, le=90, description="days without a reply before a follow-up")] = 7
    max_follow_ups: Annotated[int, Field(ge=0, le=5, description="follow-ups suggested per application")] = 2
    ghosted_after_days: Annotated[
        int, Field(ge=7, le=365, description="silent days before suggesting an application is ghosted")
    ] = 30
    timezone: Annotated[
        str, Field(max_length=64, description="IANA time zone such as Europe/Berlin ('' for the system's)")
    ] = ""
    thank_you_days: Annotated[
        int, Field(ge=0, le=7, description="days after an interview that a thank-you note is still timely")
    ] = 1
    prep_days: Annotated[int, Field(ge=0, le=14, description="days before an interview to prepare for it")] = 1
    feedback_days: Annotated[
        int, Field(ge=0, le=14, description="days after a rejection that asking for feedback is suggested")
    ] = 2
    reconnect_days: dict[Tier, Annotated[int, Field(ge=1, le=730)]] = Field(
        default_factory=lambda: dict(DEFAULT_RECONNECT_DAYS),
        description="how often to reconnect with a contact, in days",
    )
    bridge_days: Annotated[
        int, Field(ge=1, le=730, description="after a no: days until reconnecting with the contact kept there")
    ] = 90
    reapply_months: Annotated[
        int,
        Field(
            ge=0,
            le=36,
            description="adding a company that said no or went silent within this many months shows how it ended",
        ),
    ] = 6
    your_name: Annotated[Name, Field(description="signs your drafts ('' to leave them unsigned)")] = ""
    reconnects_per_day: Annotated[
        int, Field(ge=1, le=50, description="at most this many contacts to reconnect with a day, most overdue first")
    ] = 3
    ghosted_per_day: Annotated[
        int,
        Field(
            ge=1, le=50, description="at most this many silent applications offered as ghosted a day, most silent first"
        ),
    ] = 3

    @field_validator("reconnect_days", mode="after")
    @classmethod
    def _every_tier_has_days(cls, days: dict[Tier, int]) -> dict[Tier, int]:
        return {**DEFAULT_RECONNECT_DAYS, **days}

    @field_validator("points", mode="after")
    @classmethod
    def _every_kind_has_points(cls, points: dict[ActivityKind, float]) -> dict[ActivityKind, float]:
        return {**DEFAULT_POINTS, **points}

    def points_for(self, kind: ActivityKind) -> float:
        return self.points[kind]
