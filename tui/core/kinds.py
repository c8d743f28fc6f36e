"""The fixed choices a record is made of (stages, kinds, reasons, tiers, marks), apart from the models.

Plain enums with nothing but the standard library behind them: the shell offers them as choices and its
`--help` names them without loading pydantic. `tui.core.models` re-exports every one.
"""

from __future__ import annotations

from enum import StrEnum


class Stage(StrEnum):
    """Where an application stands."""

    SAVED = "saved"
    APPLIED = "applied"
    SCREENING = "screening"
    INTERVIEWING = "interviewing"
    OFFER = "offer"
    ACCEPTED = "accepted"
    REJECTED = "rejected"
    GHOSTED = "ghosted"
    WITHDRAWN = "withdrawn"

    @property
    def is_pending(self) -> bool:
        """Waiting on someone: sent, and not yet ended one way or the other."""
        return self in PENDING_STAGES

    @property
    def has_reply(self) -> bool:
        """The employer has answered in some way."""
        return self in REPLIED_STAGES


PENDING_STAGES = frozenset({Stage.APPLIED, Stage.SCREENING, Stage.INTERVIEWING, Stage.OFFER})
REPLIED_STAGES = frozenset({Stage.SCREENING, Stage.INTERVIEWING, Stage.OFFER, Stage.ACCEPTED, Stage.REJECTED})


class ApplicationKind(StrEnum):
    FULL_TIME = "full-time"
    CONTRACT = "contract"
    FREELANCE = "freelance"
    OTHER = "other"


class InterviewKind(StrEnum):
    PHONE = "phone"
    TECHNICAL = "technical"
    ON_SITE = "on-site"
    PANEL = "panel"
    OTHER = "other"


class RejectionReason(StrEnum):
    """Why a no came, as far as anyone knows."""

    SKILLS = "skills"
    INTERVIEW = "interview"
    FIT = "fit"
    NO_ANSWER = "no answer"
    UNKNOWN = "unknown"


class Tier(StrEnum):
    """How close a contact is: A reconnects most often."""

    A = "A"
    B = "B"
    C = "C"


class Mark(StrEnum):
    """What a person did with one of today's actions."""

    DONE = "done"
    SNOOZED = "snoozed"
    DISMISSED = "dismissed"


class ActivityKind(StrEnum):
    """What a person did for their search on a given day."""

    APPLY = "apply"
    FOLLOW_UP = "follow-up"
    NETWORK = "network"
    INTERVIEW = "interview"
    LEARN = "learn"
    PREP = "prep"
    REFLECT = "reflect"
    OTHER = "other"


ACTIVITY_KINDS = frozenset(kind.value for kind in ActivityKind)  # their names, as typed and as JSON keeps them


class PayPeriod(StrEnum):
    """What a salary or an offer's amount is paid per."""

    YEAR = "year"
    MONTH = "month"
    WEEK = "week"
    DAY = "day"
    HOUR = "hour"


class DraftKind(StrEnum):
    """The notes nextyes drafts for a person to send."""

    FOLLOW_UP = "follow-up"
    THANK_YOU = "thank-you"
    FEEDBACK = "feedback"
