"""What needs attention now, one nudge each: the streak late in the day, an interview close, a note due.

`nextyes remind` says these where the person already looks (a terminal, a desktop notification). Each
nudge has a key naming what it is about and the day (kind, record, day), so it is said once a day at
most, and it is gone once acted on: the day's target met, the note sent, the interview called off.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from tui.core.day_view import Action, ActionKind, Dashboard
from tui.core.interviews import INTERVIEW_KIND_WORDS, join_names, local_start
from tui.core.pipeline import describe_due
from tui.core.search import JobSearch
from tui.core.streaks import DayState, format_points, points_word

# The streak is at risk in the last hours of the logical day, today's target not yet met.
STREAK_AT_RISK_HOURS = 4

STREAK = "streak"
INTERVIEW = "interview"

# Today's actions that are nudged: timely notes, an offer's answer, and any action flagged `urgent` (a deadline).
NUDGED_ACTION_KINDS = frozenset({ActionKind.THANK_YOU, ActionKind.FEEDBACK, ActionKind.OFFER})

# The heading of a desktop notification, by kind of nudge.
HEADINGS = {
    STREAK: "Your streak",
    INTERVIEW: "Interview coming up",
    ActionKind.THANK_YOU.value: "A thank-you note",
    ActionKind.FEEDBACK.value: "Ask for feedback",
    ActionKind.OFFER.value: "An offer to answer",
}
DEADLINE_HEADING = "A deadline today"


@dataclass(frozen=True)
class Nudge:
    """One thing to say now: its key (said once), its kind, the line itself, and from when it holds."""

    key: str
    kind: str  # "streak", "interview", or the kind of today's action it comes from ("thank-you", …)
    text: str
    application_id: str | None = None  # the application it is about, as hex
    starts: datetime | None = None  # not said before this instant (the streak's last hours); None: at once

    @property
    def heading(self) -> str:
        return HEADINGS.get(self.kind, DEADLINE_HEADING)


def nudges(search: JobSearch, dashboard: Dashboard, now: datetime, day_ends: datetime) -> list[Nudge]:
    """Everything to nudge about on `dashboard.today`, as of `now`, the logical day ending at `day_ends`.

    The streak's nudge starts `STREAK_AT_RISK_HOURS` before the day ends; the others hold at once.
    """
    found = [*_streak(dashboard, day_ends), *_interviews(search, dashboard, now)]
    found += [_from_action(action, dashboard) for action in dashboard.actions_due if _is_nudged(action)]
    return found


def _streak(dashboard: Dashboard, day_ends: datetime) -> list[Nudge]:
    """The running streak, while today's target is not met and the day is not a rest or recovery day."""
    history = dashboard.history
    if history.current == 0 or history.today_state is not DayState.PENDING:
        return []
    so_far = f"{format_points(history.points_today)} of {points_word(history.target)} so far"
    cover = "; otherwise a freeze keeps it" if history.freezes_held else ""
    text = (
        f"Your {history.current}-day streak needs one more thing today, "
        f"before the day ends at {day_ends:%H:%M} ({so_far}{cover})"
    )
    starts = day_ends - timedelta(hours=STREAK_AT_RISK_HOURS)
    return [Nudge(f"{STREAK}:{dashboard.today.isoformat()}", STREAK, text, starts=starts)]


def _interviews(search: JobSearch, dashboard: Dashboard, now: datetime) -> list[Nudge]:
    """Interviews still ahead today or tomorrow, of applications still in play, earliest first."""
    today = dashboard.today
    found = []
    for interview in sorted(search.interviews, key=lambda interview: interview.at):
        if interview.cancelled or interview.at <= now or not today <= interview.day <= today + timedelta(days=1):
            continue
        application = search.application(interview.application_id)
        if application is None or not application.stage.is_pending:
            continue
        what = INTERVIEW_KIND_WORDS[interview.kind]
        with_whom = f", with {join_names(interview.people)}" if interview.people else ""
        text = (
            f"{what[0].upper()}{what[1:]} with {application.company} ({application.role}) "
            f"{describe_due(interview.day, today)} at {local_start(interview):%H:%M}{with_whom}"
        )
        key = f"{INTERVIEW}:{interview.id.hex}:{today.isoformat()}"
        found.append(Nudge(key, INTERVIEW, text, application.id.hex))
    return found


def _is_nudged(action: Action) -> bool:
    return action.kind in NUDGED_ACTION_KINDS or action.urgent


def _from_action(action: Action, dashboard: Dashboard) -> Nudge:
    """The action's title; a deadline's with why it is due (the offer, and when they want an answer)."""
    application = action.application_id.hex if action.application_id is not None else None
    text = f"{action.title}: {action.why}" if action.kind is ActionKind.OFFER or action.urgent else action.title
    return Nudge(f"{action.key}:{dashboard.today.isoformat()}", action.kind.value, text, application)
