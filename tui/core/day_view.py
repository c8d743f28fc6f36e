"""The day as the dashboard shows it: its actions, its pending applications, its prompt, as plain values.

Nothing here loads the models: the app draws the dashboard it kept from its last read (tui/app/kept_view.py)
before it has read a record, and `status` and `today` print from the same values. The rules that work them
out are elsewhere: tui/core/actions.py, prompts.py and dashboard.py, which re-export these names.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum

from tui.core.kinds import ActivityKind, DraftKind, Stage
from tui.core.rewards import Reward, WeeklyProgress
from tui.core.streaks import StreakHistory


class ActionKind(StrEnum):
    OFFER = "offer"
    FEEDBACK = "feedback"
    THANK_YOU = "thank-you"
    PREP = "prep"
    SEND = "send"
    FOLLOW_UP = "follow-up"
    GHOSTED = "ghosted"
    REAPPLY = "reapply"
    RECONNECT = "reconnect"
    LEARN = "learn"
    DAILY_TARGET = "daily-target"
    REFLECTION = "reflection"


@dataclass(frozen=True)
class Action:
    """One thing to do today: what, for which application or person, and why now."""

    key: str  # names the action across days, so a mark made on it (done, snoozed, dismissed) sticks
    kind: ActionKind
    title: str
    why: str
    done: bool = False
    application_id: uuid.UUID | None = None
    contact_id: uuid.UUID | None = None
    interview_id: uuid.UUID | None = None
    goal_id: uuid.UUID | None = None
    goal: str = ""  # the learning goal's own words, for a learning action: dismissing it closes this one
    logs: ActivityKind | None = None  # the activity that marking it done records
    draft: DraftKind | None = None  # a draft note is offered for it
    urgent: bool = False  # due today: an offer's answer deadline on its day

    @property
    def can_snooze(self) -> bool:
        """The daily target and the reflection are today's by nature: there is no later to put them off to."""
        return self.kind not in (ActionKind.DAILY_TARGET, ActionKind.REFLECTION)


@dataclass(frozen=True)
class NextStep:
    """What comes next on a pending application, in a few words, and the day it is due (None: nothing dated)."""

    words: str
    due: date | None


@dataclass(frozen=True)
class PendingRow:
    """One line of the Pending applications table: the application as the table names it, and where it stands."""

    application_id: uuid.UUID
    short_id: str
    company: str
    role: str
    stage: Stage
    days_since_touch: int
    next_step: str
    next_due: date | None


class PromptContext(StrEnum):
    """The kind of day a prompt is written for, as `data/prompts.toml` tags it."""

    DAILY = "daily"
    REJECTION = "rejection"
    INTERVIEW = "interview"
    QUIET = "quiet"
    MILESTONE = "milestone"
    WEEKLY = "weekly"


@dataclass(frozen=True)
class Prompt:
    context: str
    text: str


@dataclass(frozen=True)
class Dashboard:
    today: date
    history: StreakHistory
    weekly: WeeklyProgress
    rest_days_left: int
    rewards: list[Reward]
    activities_today: int
    actions: list[Action]
    pending: list[PendingRow]
    prompt: Prompt
    prompt_context: str  # the kind of day the prompt was chosen for: daily, rejection, interview…
    reflection_text: str
    changes_at: datetime | None = None  # the next instant the actions change by the clock alone: rebuild then

    @property
    def actions_due(self) -> list[Action]:
        return open_actions(self.actions)


def open_actions(actions: list[Action]) -> list[Action]:
    return [action for action in actions if not action.done]
