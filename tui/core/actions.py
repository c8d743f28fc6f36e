"""Today's actions, derived from the records, the settings and the day: never stored, never empty."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, replace
from datetime import date, timedelta
from enum import StrEnum

from tui.core.days import describe_day
from tui.core.drafts import DraftKind
from tui.core.interviews import INTERVIEW_KIND_WORDS, join_names, local_start
from tui.core.models import ActionMark, ActivityKind, Application, Contact, Interview, Mark, Settings, Stage
from tui.core.pipeline import describe_ago, describe_due, last_touch, next_follow_up
from tui.core.search import JobSearch
from tui.core.streaks import day_points, format_points, points_word


class ActionKind(StrEnum):
    FEEDBACK = "feedback"
    THANK_YOU = "thank-you"
    PREP = "prep"
    SEND = "send"
    FOLLOW_UP = "follow-up"
    GHOSTED = "ghosted"
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
    logs: ActivityKind | None = None  # the activity that marking it done records
    draft: DraftKind | None = None  # a draft note is offered for it

    @property
    def can_snooze(self) -> bool:
        """The daily target and the reflection are today's by nature: there is no later to put them off to."""
        return self.kind not in (ActionKind.DAILY_TARGET, ActionKind.REFLECTION)


def todays_actions(search: JobSearch, settings: Settings, today: date) -> list[Action]:
    """What to do today, in the order it matters.

    Feedback requests, thank-you notes and interview prep first (they are only timely for a day or
    two), then saved jobs still to send (oldest first), follow-ups (most overdue first), applications
    gone silent, contacts to reconnect with (the most overdue first, at most `reconnects_per_day` of
    them, those done today included) and learning goals; the daily target and the reflection always close the list.
    Actions dismissed, snoozed to a later day, or done on an earlier day are left out; those done
    today stay in place, ticked.
    """
    suggested = [
        *_feedback_requests(search, settings, today),
        *_thank_yous(search, settings, today),
        *_preps(search, settings, today),
        *_saved_to_send(search, today),
        *_follow_ups(search, settings, today),
    ]
    actions = _shown(suggested, search, today)
    actions += _shown(_ghosted(search, settings, today), search, today)[: settings.ghosted_per_day]
    actions += _shown(_reconnects(search, settings, today), search, today)[: settings.reconnects_per_day]
    actions += _shown(_learning(search), search, today)
    actions.append(_daily_target(search, settings, today))
    actions.append(_reflection(search, today))
    return actions


def _shown(actions: list[Action], search: JobSearch, today: date) -> list[Action]:
    return [shown for action in actions if (shown := _as_marked(action, search, today)) is not None]


def open_actions(actions: list[Action]) -> list[Action]:
    return [action for action in actions if not action.done]


def _as_marked(action: Action, search: JobSearch, today: date) -> Action | None:
    """The action as its latest mark up to today leaves it, or None when the mark hides it today.

    A learning goal is a standing goal: a done mark ticks it for that day only.
    """
    mark = _latest_mark(search, action.key, today)
    if mark is None:
        return action
    if mark.mark is Mark.DISMISSED:
        return None
    if mark.mark is Mark.SNOOZED:
        back_on = mark.until or mark.day + timedelta(days=1)
        return action if back_on <= today else None
    if mark.day == today:
        return replace(action, done=True)
    return action if action.kind is ActionKind.LEARN else None


def _latest_mark(search: JobSearch, key: str, today: date) -> ActionMark | None:
    marks = search.marks_by_key.get(key, [])
    return next((mark for mark in reversed(marks) if mark.day <= today), None)


def _feedback_requests(search: JobSearch, settings: Settings, today: date) -> list[Action]:
    """Applications turned down in the last few days, while asking why is still timely."""
    actions = []
    for application in search.applications:
        history = application.stage_history
        if application.feedback or not history or history[-1].stage is not Stage.REJECTED:
            continue
        said_no = history[-1].day
        if not said_no <= today <= said_no + timedelta(days=settings.feedback_days):
            continue
        actions.append(
            Action(
                key=f"feedback:{application.id.hex}",
                kind=ActionKind.FEEDBACK,
                title=f"Ask {application.company} for feedback ({application.role})",
                why=f"they said no {describe_ago(said_no, today)}; "
                "a short, kind note now is the likeliest to get an answer",
                application_id=application.id,
                logs=ActivityKind.FOLLOW_UP,
                draft=DraftKind.FEEDBACK,
            )
        )
    return actions


def _thank_yous(search: JobSearch, settings: Settings, today: date) -> list[Action]:
    """Interviews held today or in the last few days: a thank-you note is still timely."""
    actions = []
    for interview, application in _interviews(search):
        if not interview.day <= today <= interview.day + timedelta(days=settings.thank_you_days):
            continue
        met = f"{join_names(interview.people)} at {application.company}" if interview.people else application.company
        actions.append(
            Action(
                key=f"thank-you:{interview.id.hex}",
                kind=ActionKind.THANK_YOU,
                title=f"Send a thank-you note to {met}",
                why=f"{INTERVIEW_KIND_WORDS[interview.kind]} for {application.role} "
                f"{describe_ago(interview.day, today)}; a note within a day keeps you in mind",
                application_id=application.id,
                interview_id=interview.id,
                logs=ActivityKind.FOLLOW_UP,
                draft=DraftKind.THANK_YOU,
            )
        )
    return actions


def _preps(search: JobSearch, settings: Settings, today: date) -> list[Action]:
    """Interviews coming up within the prep window, up to and including their day."""
    actions = []
    for interview, application in _interviews(search):
        if not interview.day - timedelta(days=settings.prep_days) <= today <= interview.day:
            continue
        starts = local_start(interview)
        with_whom = f" with {join_names(interview.people)}" if interview.people else ""
        which_round = f", round {interview.round}" if interview.round > 1 else ""
        actions.append(
            Action(
                key=f"prep:{interview.id.hex}",
                kind=ActionKind.PREP,
                title=f"Prepare for the {INTERVIEW_KIND_WORDS[interview.kind]} with {application.company} "
                f"({application.role})",
                why=f"{describe_due(interview.day, today)} at {starts:%H:%M}{with_whom}{which_round}",
                application_id=application.id,
                interview_id=interview.id,
                logs=ActivityKind.PREP,
            )
        )
    return actions


def _saved_to_send(search: JobSearch, today: date) -> list[Action]:
    """Jobs saved for later and not sent yet, the longest-waiting first: sending one is the step that counts."""
    saved = []
    for application in search.applications:
        if application.stage is not Stage.SAVED:
            continue
        change = application.moved_to(Stage.SAVED)
        if change is None:
            continue
        action = Action(
            key=f"send:{application.id.hex}",
            kind=ActionKind.SEND,
            title=f"Send your application to {application.company} ({application.role})",
            why=f"saved {describe_ago(change.day, today)}; done marks it applied, and follow-ups count from today",
            application_id=application.id,
        )
        saved.append((change.day, application.company.casefold(), action))
    saved.sort(key=lambda entry: entry[:2])
    return [action for _, _, action in saved]


def _follow_ups(search: JobSearch, settings: Settings, today: date) -> list[Action]:
    """Follow-ups due, most overdue first; after `ghosted_after_days` of silence they lapse, and "ghosted?" takes over.

    So a year of applications imported at once asks for a few decisions a day, not hundreds of late notes.
    """
    due = []
    for application in search.applications:
        follow_up = next_follow_up(search, application, settings)
        if follow_up is None or follow_up.due_on > today or gone_silent(search, application, settings, today):
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
                    key=_follow_up_key(application, follow_up.number),
                    kind=ActionKind.FOLLOW_UP,
                    title=title,
                    why=f"{since} {waited} days ago, no reply yet",
                    application_id=application.id,
                    logs=ActivityKind.FOLLOW_UP,
                    draft=DraftKind.FOLLOW_UP,
                ),
            )
        )
    due.sort(key=lambda pair: (pair[0], pair[1].title.lower()))
    return [action for _, action in due]


def _follow_up_key(application: Application, number: int) -> str:
    return f"follow-up:{application.id.hex}:{number}"


def _ghosted(search: JobSearch, settings: Settings, today: date) -> list[Action]:
    """Applications silent for so long that calling them ghosted frees the mind; a later reply reopens them.

    The most silent first, at most `ghosted_per_day` of them (those done today included).
    """
    silent_ones = []
    for application in search.applications:
        if application.stage is not Stage.APPLIED:  # first: most of a long search has ended
            continue
        touched = last_touch(search, application)
        if touched is None:
            continue
        silent = (today - touched).days
        if silent < settings.ghosted_after_days:
            continue
        silent_ones.append(
            (
                -silent,
                application.company.casefold(),
                Action(
                    key=f"ghosted:{application.id.hex}",
                    kind=ActionKind.GHOSTED,
                    title=f"No reply from {application.company} ({application.role}) in {silent} days: "
                    "mark it ghosted?",
                    why=f"nothing heard since {describe_day(touched, today, weekday=False)}; "
                    "ghosted clears it from your list, "
                    "and it reopens if they write back",
                    application_id=application.id,
                ),
            )
        )
    silent_ones.sort(key=lambda entry: entry[:2])
    return [action for _, _, action in silent_ones]


def gone_silent(search: JobSearch, application: Application, settings: Settings, today: date) -> bool:
    """Silent long enough to be called ghosted: a follow-up would come too late, and is no longer offered."""
    touched = last_touch(search, application)
    return touched is not None and (today - touched).days >= settings.ghosted_after_days


def reconnect_due(search: JobSearch, contact: Contact, settings: Settings) -> date:
    """The day to get back in touch: a reminder set after the last contact, else the tier's cadence.

    The cadence counts from the last contact, or from the day the contact was added if there was none.
    """
    last = search.last_contacted(contact)
    if contact.reconnect_on is not None and (last is None or contact.reconnect_on > last):
        return contact.reconnect_on
    start = last if last is not None else contact.created_at.date()
    return start + timedelta(days=settings.reconnect_days[contact.tier])


def _reconnects(search: JobSearch, settings: Settings, today: date) -> list[Action]:
    """Contacts whose time to get back in touch has come, most overdue first."""
    due = []
    for contact in search.contacts:
        due_on = reconnect_due(search, contact, settings)
        if due_on > today:
            continue
        last = search.last_contacted(contact)
        cadence = f"tier {contact.tier}: every {settings.reconnect_days[contact.tier]}"
        # The cadence wins only over a reminder on or before the last contact, so never lands on its day.
        if due_on == contact.reconnect_on:
            why = _reminder_why(search, contact, due_on, today)
        elif last is not None:
            why = f"last in touch {(today - last).days} days ago ({cadence})"
        else:
            why = f"added {(today - contact.created_at.date()).days} days ago, not in touch since ({cadence})"
        at = f" ({contact.company})" if contact.company else ""
        action = Action(
            key=f"reconnect:{contact.id.hex}:{due_on.isoformat()}",
            kind=ActionKind.RECONNECT,
            title=f"Reconnect with {contact.name}{at}",
            why=why,
            contact_id=contact.id,
            logs=ActivityKind.NETWORK,
        )
        due.append((due_on, contact.name.casefold(), action))
    due.sort(key=lambda entry: entry[:2])
    return [action for _, _, action in due]


def _reminder_why(search: JobSearch, contact: Contact, due_on: date, today: date) -> str:
    """Why a set reminder is due: the bridge kept after a no, when the contact is linked to one."""
    turned_down = [
        application
        for application_id in contact.application_ids
        if (application := search.application(application_id)) is not None and application.stage is Stage.REJECTED
    ]
    if turned_down:
        return f"the bridge you kept after the no from {turned_down[-1].company}"
    return f"a reminder you set for {describe_day(due_on, today, weekday=False)}"


def _learning(search: JobSearch) -> list[Action]:
    """Open learning goals, oldest first: standing goals that come back every day until closed."""
    goals = sorted((g for g in search.learning_goals if g.closed_on is None), key=lambda g: g.created_at)
    return [
        Action(
            key=f"learn:{goal.id.hex}",
            kind=ActionKind.LEARN,
            title=f"Work on: {goal.text}",
            why=goal.source or "a learning goal you set",
            application_id=goal.application_id,
            goal_id=goal.id,
            logs=ActivityKind.LEARN,
        )
        for goal in goals
    ]


def _interviews(search: JobSearch) -> list[tuple[Interview, Application]]:
    """Interviews of applications still in play, earliest first, each with its application.

    Once an application has ended (a no, withdrawn, accepted) its interviews ask for nothing more:
    after a no, the feedback request takes the thank-you's place.
    """
    pairs = []
    for interview in sorted(search.interviews, key=lambda i: i.at):
        application = search.application(interview.application_id)
        if application is not None and application.stage.is_pending:
            pairs.append((interview, application))
    return pairs


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


def _reflection(search: JobSearch, today: date) -> Action:
    written = search.reflection_on(today) is not None
    return Action(
        key=f"reflection:{today.isoformat()}",
        kind=ActionKind.REFLECTION,
        title="Today's reflection written" if written else "Write today's reflection",
        why="a few honest lines keep the search pointed the right way",
        done=written,
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
