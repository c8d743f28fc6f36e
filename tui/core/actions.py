"""Today's actions and what is next on each pending application: one set of rules, derived from the
records, the settings and the moment; never stored, never empty."""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import replace
from datetime import date, datetime, timedelta

from tui.core.day_view import Action as Action
from tui.core.day_view import ActionKind as ActionKind
from tui.core.day_view import NextStep as NextStep
from tui.core.day_view import PendingRow as PendingRow
from tui.core.day_view import open_actions as open_actions
from tui.core.days import DAY_NAMES, describe_day
from tui.core.interviews import INTERVIEW_KIND_WORDS, join_names, local_start
from tui.core.kinds import DraftKind
from tui.core.models import ActionMark, ActivityKind, Application, Contact, Interview, Mark, Offer, Settings, Stage
from tui.core.offers import ANSWER_NOTICE_DAYS, describe_offer
from tui.core.pipeline import FollowUp, describe_ago, describe_due, last_touch, next_follow_up
from tui.core.remembering import known, remembers
from tui.core.safety import company_name, one_of_these_companies
from tui.core.search import JobSearch
from tui.core.streaks import day_points, format_points, points_word
from tui.core.tally import tally_of
from tui.core.words import count
from tui.core.worth import KIND_DOINGS as KIND_DOINGS
from tui.core.worth import describe_points as describe_points
from tui.core.worth import describe_what_completes as describe_what_completes

# Said after an interview's prep when the job ad is kept: reading it again is the best prep there is.
AD_KEPT = "; reread the ad kept on its page"

# What is next on a pending application when nothing is dated: said plainly, so no row reads blank.
WAITING_STEP = {
    Stage.APPLIED: "wait for a reply",
    Stage.SCREENING: "prepare for the next call",
    Stage.INTERVIEWING: "prepare for the next round",
    Stage.OFFER: "weigh the offer",
}


def todays_actions(search: JobSearch, settings: Settings, today: date, now: datetime | None = None) -> list[Action]:
    """What to do today, in the order it matters.

    An offer's answer deadline first (from `ANSWER_NOTICE_DAYS` days before it; urgent on its day), then feedback
    requests, thank-you notes and interview prep (they are only timely for a day or two), then saved jobs still
    to send (oldest first), follow-ups (most overdue first), applications gone silent, companies whose day to try
    again has come, contacts to reconnect with (the most overdue first, at most `reconnects_per_day` of them,
    those done today included) and the learning goals, as one line; the daily target and the reflection always
    close the list.
    Actions dismissed, snoozed to a later day, or done on an earlier day are left out; those done
    today stay in place, ticked.

    `now`, the present instant, when today is the day being lived: prep for an interview then ends at its
    hour, and the thank-you starts there. Without it (a day looked back on) the whole day counts for both.
    """
    suggested = [
        *_offer_answers(search, today),
        *_feedback_requests(search, settings, today),
        *_thank_yous(search, settings, today, now),
        *_preps(search, settings, today, now),
        *_saved_to_send(search, today),
        *_follow_ups(search, settings, today),
    ]
    actions = _shown(suggested, search, today)
    actions += _shown(_ghosted(search, settings, today), search, today)[: settings.ghosted_per_day]
    actions += _shown(_reapplies(search, today), search, today)
    actions += _first_shown(_reconnects(search, settings, today), search, today, settings.reconnects_per_day)
    actions += _shown(_learning(search), search, today)
    actions.append(_daily_target(search, settings, today))
    actions.append(_reflection(search, today))
    return actions


def next_action_change(search: JobSearch, now: datetime) -> datetime | None:
    """The next instant today's actions change by the clock alone: an interview starting (its prep ends,
    its thank-you begins). None when no interview is ahead."""
    ahead = [interview.at for interview in search.interviews if not interview.cancelled and interview.at > now]
    return min(ahead, default=None)


def _shown(actions: list[Action], search: JobSearch, today: date) -> list[Action]:
    return [shown for action in actions if (shown := _as_marked(action, search, today)) is not None]


def _first_shown(actions: Iterable[Action], search: JobSearch, today: date, most: int) -> list[Action]:
    """`_shown(actions)[:most]`, taking from `actions` only as many as it needs."""
    if most < 0:
        return _shown(list(actions), search, today)[:most]
    taken: list[Action] = []
    for action in actions:
        if len(taken) >= most:
            break
        shown = _as_marked(action, search, today)
        if shown is not None:
            taken.append(shown)
    return taken


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


def _offer_answers(search: JobSearch, today: date) -> list[Action]:
    """Offers still open whose answer deadline is at most `ANSWER_NOTICE_DAYS` away (or passed): the nearest first.

    It stays until the application moves on from the offer stage (accepted, or declined as withdrawn), or
    until it is done, snoozed or dismissed; a revised offer with a new deadline is a new action.
    """
    due = []
    for application in search.applications_by_stage.get(Stage.OFFER, ()):
        for offer in application.current_offers:
            action = _offer_answer(application, offer, today)
            if action is not None and offer.answer_by is not None:
                due.append((offer.answer_by, application.company.casefold(), action))
    due.sort(key=lambda entry: entry[:2])
    return [action for _, _, action in due]


def _offer_answer(application: Application, offer: Offer, today: date) -> Action | None:
    """The answer an offer asks for by its deadline, once the deadline is near; else None."""
    deadline = offer.answer_by
    if deadline is None or today < deadline - timedelta(days=ANSWER_NOTICE_DAYS):
        return None
    if deadline < today:
        when = f"the answer was due {describe_day(deadline, today, weekday=False)}: answer, or ask for more time"
    elif deadline == today:
        when = "they want an answer today"
    else:
        when = f"they want an answer {describe_due(deadline, today)}"
    return Action(
        key=_offer_key(offer, deadline),
        kind=ActionKind.OFFER,
        title=f"Answer the offer from {application.company} ({application.role})",
        why=f"{describe_offer(offer)}; {when}",
        application_id=application.id,
        logs=ActivityKind.OTHER,
        urgent=deadline <= today,
    )


def _offer_key(offer: Offer, deadline: date) -> str:
    return f"offer:{offer.id.hex}:{deadline.isoformat()}"


def _feedback_requests(search: JobSearch, settings: Settings, today: date) -> list[Action]:
    """Applications turned down in the last few days, while asking why is still timely."""
    actions = []
    for application, said_no in _turned_down(search):
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


@remembers
def _turned_down(search: JobSearch) -> list[tuple[Application, date]]:
    """Applications whose latest move is a no, with no feedback kept yet, each with the day of the no.

    Worked out once per search: the weekly review asks today's actions of eight days in a row."""
    found = []
    for application in search.applications:
        history = application.stage_history
        if application.feedback or not history or history[-1].stage is not Stage.REJECTED:
            continue
        found.append((application, history[-1].day))
    return found


def _thank_yous(search: JobSearch, settings: Settings, today: date, now: datetime | None) -> list[Action]:
    """Interviews held today or in the last few days: a thank-you note is still timely."""
    actions = []
    for interview, application in _interviews(search):
        action = _thank_you(interview, application, settings, today, now)
        if action is not None:
            actions.append(action)
    return actions


def _thank_you(
    interview: Interview, application: Application, settings: Settings, today: date, now: datetime | None
) -> Action | None:
    """The thank-you note for an interview, from its hour until `thank_you_days` after its day; else None."""
    if interview.cancelled or not interview.day <= today <= interview.day + timedelta(days=settings.thank_you_days):
        return None
    if now is not None and now < interview.at:
        return None
    met = f"{join_names(interview.people)} at {application.company}" if interview.people else application.company
    return Action(
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


def _preps(search: JobSearch, settings: Settings, today: date, now: datetime | None) -> list[Action]:
    """Interviews coming up within the prep window, until their hour; a debriefed one needs none."""
    actions = []
    for interview, application in _interviews(search):
        if interview.debriefed or not interview.day - timedelta(days=settings.prep_days) <= today <= interview.day:
            continue
        if now is not None and now >= interview.at:
            continue
        with_whom = f" with {join_names(interview.people)}" if interview.people else ""
        which_round = f", round {interview.round}" if interview.round > 1 else ""
        actions.append(
            Action(
                key=f"prep:{interview.id.hex}",
                kind=ActionKind.PREP,
                title=f"Prepare for the {INTERVIEW_KIND_WORDS[interview.kind]} with {application.company} "
                f"({application.role})",
                why=f"{describe_due(interview.day, today)} at {local_start(interview):%H:%M}{with_whom}{which_round}"
                + (AD_KEPT if application.ad else ""),
                application_id=application.id,
                interview_id=interview.id,
                logs=ActivityKind.PREP,
            )
        )
    return actions


def _saved_to_send(search: JobSearch, today: date) -> list[Action]:
    """Jobs saved for later and not sent yet, the longest-waiting first: sending one is the step that counts."""
    saved = []
    for application in search.applications_by_stage.get(Stage.SAVED, ()):
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
    for application in search.applications_by_stage.get(Stage.APPLIED, ()):  # only these are owed one
        owed = _follow_up(search, application, settings, today)
        if owed is not None and owed[0].due_on <= today:
            due.append(owed)
    due.sort(key=lambda pair: (pair[0].due_on, pair[1].title.lower()))
    return [action for _, action in due]


def _follow_up(
    search: JobSearch, application: Application, settings: Settings, today: date
) -> tuple[FollowUp, Action] | None:
    """The follow-up the application is owed, due or not yet; None when none is, or the silence has lasted
    so long that asking whether it is ghosted takes its place."""
    follow_up = next_follow_up(search, application, settings)
    if follow_up is None or gone_silent(search, application, settings, today):
        return None
    waited = (today - follow_up.anchor).days
    since = "applied" if follow_up.number == 1 else "last followed up"
    title = f"Follow up with {application.company} ({application.role})"
    if follow_up.number > 1:
        title = f"Follow up again with {application.company} ({application.role})"
    action = Action(
        key=_follow_up_key(application, follow_up.number),
        kind=ActionKind.FOLLOW_UP,
        title=title,
        why=f"{since} {waited} days ago, no reply yet",
        application_id=application.id,
        logs=ActivityKind.FOLLOW_UP,
        draft=DraftKind.FOLLOW_UP,
    )
    return follow_up, action


def _follow_up_key(application: Application, number: int) -> str:
    return f"follow-up:{application.id.hex}:{number}"


def _ghosted(search: JobSearch, settings: Settings, today: date) -> list[Action]:
    """Applications silent for so long that calling them ghosted frees the mind; a later reply reopens them.

    The most silent first, at most `ghosted_per_day` of them (those done today included).
    """
    silent_ones = []
    for application in search.applications_by_stage.get(Stage.APPLIED, ()):  # only these are asked about
        found = _ghosted_one(search, application, settings, today)
        if found is not None:
            silent, action = found
            silent_ones.append((-silent, application.company.casefold(), action))
    silent_ones.sort(key=lambda entry: entry[:2])
    return [action for _, _, action in silent_ones]


def _ghosted_one(
    search: JobSearch, application: Application, settings: Settings, today: date
) -> tuple[int, Action] | None:
    """The "mark it ghosted?" question for an unanswered application silent long enough, with the days of silence."""
    if application.stage is not Stage.APPLIED:  # first: most of a long search has ended
        return None
    touched = last_touch(search, application)
    if touched is None:
        return None
    silent = (today - touched).days
    if silent < settings.ghosted_after_days:
        return None
    action = Action(
        key=f"ghosted:{application.id.hex}",
        kind=ActionKind.GHOSTED,
        title=f"No reply from {application.company} ({application.role}) in {silent} days: mark it ghosted?",
        why=f"nothing heard since {describe_day(touched, today, weekday=False)}; "
        "ghosted clears it from your list, "
        "and it reopens if they write back",
        application_id=application.id,
    )
    return silent, action


def gone_silent(search: JobSearch, application: Application, settings: Settings, today: date) -> bool:
    """Silent long enough to be called ghosted: a follow-up would come too late, and is no longer offered."""
    touched = last_touch(search, application)
    return touched is not None and (today - touched).days >= settings.ghosted_after_days


def _reapplies(search: JobSearch, today: date) -> list[Action]:
    """Companies that said no, or never replied, whose day to try again has come: the earliest day first.

    It stays until done, snoozed or dismissed, and goes once another application to the company is tracked.
    """
    due = []
    for application in _ended_with_reapply_day(search):
        day = application.reapply_after
        if day is None or day > today or _tracked_again(search, application):
            continue
        since = "today" if day == today else describe_day(day, today, weekday=False)
        ended = "their no" if application.stage is Stage.REJECTED else "their silence"
        action = Action(
            key=f"reapply:{application.id.hex}:{day.isoformat()}",
            kind=ActionKind.REAPPLY,
            title=f"See what {application.company} has open now",
            why=f"you planned to try again from {since}, after {ended} on {application.role}",
            application_id=application.id,
            logs=ActivityKind.OTHER,
        )
        due.append((day, application.company.casefold(), action))
    due.sort(key=lambda entry: entry[:2])
    return [action for _, _, action in due]


@remembers
def _ended_with_reapply_day(search: JobSearch) -> list[Application]:
    """Applications that ended in a no or in silence with a day set to try the company again, in search order."""
    return [
        application
        for application in search.applications
        if application.reapply_after is not None and application.stage in (Stage.REJECTED, Stage.GHOSTED)
    ]


@remembers
def _newest_added(search: JobSearch) -> dict[str, datetime]:
    """Each company's name (as `company_name` gives it): when its newest application was added."""
    newest: dict[str, datetime] = {}
    for application in search.applications:
        name = company_name(application.company)
        if name not in newest or application.created_at > newest[name]:
            newest[name] = application.created_at
    return newest


@remembers
def _tracked_again_answers(search: JobSearch) -> dict[tuple[uuid.UUID, datetime, str], bool]:
    """`_tracked_again`'s answers for this search so far: the same on every day asked."""
    return {}


def _tracked_again(search: JobSearch, application: Application) -> bool:
    """Whether an application to the same company was added after this one (a fuzzy match of names, costly at
    thousands of companies: worked out once per search and application)."""
    answers = _tracked_again_answers(search)
    asked = (application.id, application.created_at, application.company)
    if asked not in answers:
        tracked_since = [name for name, added in _newest_added(search).items() if added > application.created_at]
        answers[asked] = one_of_these_companies(application.company, tracked_since)
    return answers[asked]


def reconnect_due(search: JobSearch, contact: Contact, settings: Settings) -> date:
    """The day to get back in touch: a reminder set after the last contact, else the tier's cadence.

    The cadence counts from the last contact, or from the day the contact was added if there was none.
    """
    last = search.last_contacted(contact)
    if contact.reconnect_on is not None and (last is None or contact.reconnect_on > last):
        return contact.reconnect_on
    start = last if last is not None else contact.created_at.date()
    return start + timedelta(days=settings.reconnect_days[contact.tier])


def _reconnects(search: JobSearch, settings: Settings, today: date) -> Iterable[Action]:
    """Contacts whose time to get back in touch has come, most overdue first.

    Each action is written as it is taken: a day shows a few of the hundreds a long search has due."""
    due = []
    for contact in search.contacts:
        due_on = reconnect_due(search, contact, settings)
        if due_on <= today:
            due.append((due_on, contact.name.casefold(), contact))
    due.sort(key=lambda entry: entry[:2])
    for due_on, _, contact in due:
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
        yield Action(
            key=f"reconnect:{contact.id.hex}:{due_on.isoformat()}",
            kind=ActionKind.RECONNECT,
            title=f"Reconnect with {contact.name}{at}",
            why=why,
            contact_id=contact.id,
            logs=ActivityKind.NETWORK,
        )


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
    """The open learning goals as one standing line that comes back every day until they are all closed.

    It names the oldest goal and lists the others after it: working on it logs learning, and dismissing
    it closes that goal, so the next takes its place the same day. Five goals are one line, not five.
    """
    goals = sorted((g for g in search.learning_goals if g.closed_on is None), key=lambda g: g.created_at)
    if not goals:
        return []
    first, others = goals[0], goals[1:]
    why = first.source or "a learning goal you set"
    if others:
        why += f"; {count(len(others), 'more goal')} after it: {', '.join(goal.text for goal in others)}"
    return [
        Action(
            key=f"learn:{first.id.hex}",
            kind=ActionKind.LEARN,
            title=f"Work on: {first.text}",
            why=why,
            application_id=first.application_id,
            goal_id=first.id,
            goal=first.text,
            logs=ActivityKind.LEARN,
        )
    ]


@remembers
def _interviews(search: JobSearch) -> list[tuple[Interview, Application]]:
    """Interviews still on, of applications still in play, earliest first, each with its application.

    Once an application has ended (a no, withdrawn, accepted) its interviews ask for nothing more:
    after a no, the feedback request takes the thank-you's place. A cancelled interview asks for nothing.
    """
    pairs = []
    for interview in search.interviews_by_start:
        if interview.cancelled:
            continue
        application = search.application(interview.application_id)
        if application is not None and application.stage.is_pending:
            pairs.append((interview, application))
    return pairs


# --- what is next on each pending application -------------------------------------------------


def pending_rows(search: JobSearch, settings: Settings, today: date, now: datetime | None = None) -> list[PendingRow]:
    """Applications waiting on someone, most urgent first: the earliest due step, then the stalest."""
    interviews: dict[uuid.UUID, list[Interview]] = defaultdict(list)
    for interview in sorted(search.interviews, key=lambda i: i.at):
        interviews[interview.application_id].append(interview)
    rows = []
    for application in search.applications:
        if not application.stage.is_pending:
            continue
        touched = last_touch(search, application)
        idle = (today - touched).days if touched else 0
        step = _next_step(search, application, settings, today, now, interviews[application.id])
        rows.append(
            PendingRow(
                application.id,
                application.short_id,
                application.company,
                application.role,
                application.stage,
                max(idle, 0),
                step.words,
                step.due,
            )
        )
    rows.sort(key=lambda r: (r.next_due or date.max, -r.days_since_touch, r.company.lower()))
    return rows


def next_step(
    search: JobSearch, application: Application, settings: Settings, today: date, now: datetime | None = None
) -> NextStep:
    """What is next on a pending application, by the rules today's actions follow.

    The earliest of: an offer's answer deadline, the follow-up owed (or the day a snoozed one comes back), whether
    to call it ghosted once follow-ups have lapsed, a thank-you note still timely, the next interview, the step set
    by hand.
    What was dismissed or done is not next; with nothing dated, what the stage waits for.
    """
    return _next_step(search, application, settings, today, now, search.interviews_for(application))


def _next_step(
    search: JobSearch,
    application: Application,
    settings: Settings,
    today: date,
    now: datetime | None,
    interviews: Iterable[Interview],
) -> NextStep:
    steps: list[NextStep | None] = []
    if application.stage is Stage.OFFER:
        for offer in application.current_offers:
            deadline = offer.answer_by
            if deadline is not None:
                step = NextStep(f"answer the offer {describe_due(deadline, today)}", deadline)
                steps.append(_as_marked_step(_offer_key(offer, deadline), search, today, step, "answer the offer"))
    owed = _follow_up(search, application, settings, today)
    if owed is not None:
        follow_up, action = owed
        label = "follow up" if follow_up.number == 1 else f"follow-up #{follow_up.number}"
        due = follow_up.due_on
        step = NextStep(f"{label} {describe_due(due, today)}", due)
        steps.append(_as_marked_step(action.key, search, today, step, label, snooze_sets_due=True))
    ghosted = _ghosted_one(search, application, settings, today)
    if ghosted is not None:
        silent, action = ghosted
        due = today - timedelta(days=silent - settings.ghosted_after_days)
        steps.append(
            _as_marked_step(action.key, search, today, NextStep(f"ghosted? {silent}d silent", due), "ghosted? ask")
        )
    held = [interview for interview in interviews if not interview.cancelled]
    for interview in held:
        thank_you = _thank_you(interview, application, settings, today, now)
        if thank_you is not None:
            steps.append(
                _as_marked_step(
                    thank_you.key, search, today, NextStep("send a thank-you", interview.day), "thank-you note"
                )
            )
    ahead = [i for i in held if (i.at > now if now is not None else i.day >= today)]
    if ahead:
        steps.append(NextStep(f"interview {_when(ahead[0], today)}", ahead[0].day))
    if application.next_step_on is not None:
        label = application.next_step or "next step"
        steps.append(NextStep(f"{label} {describe_due(application.next_step_on, today)}", application.next_step_on))
    found = [step for step in steps if step is not None]
    if found:
        return min(found, key=lambda step: step.due or date.max)  # the first listed wins a tie
    return NextStep(WAITING_STEP.get(application.stage, ""), None)


def _as_marked_step(
    key: str, search: JobSearch, today: date, step: NextStep, label: str, *, snooze_sets_due: bool = False
) -> NextStep | None:
    """`step` as the marks on its action (named by `key`) leave it: gone once dismissed or done, put off to the day a
    snooze ends.

    With `snooze_sets_due` (a follow-up) the day a snooze ended stays its due day, so it never reads as
    late from before it was put off.
    """
    mark = _latest_mark(search, key, today)
    if mark is None:
        return step
    if mark.mark is not Mark.SNOOZED:
        return None
    back_on = mark.until or mark.day + timedelta(days=1)
    if back_on > today or (snooze_sets_due and step.due is not None and back_on > step.due):
        return NextStep(f"{label} {describe_due(back_on, today)}", back_on)
    return step


def _when(interview: Interview, today: date) -> str:
    """'today 09:00', 'Tue 14:00', 'in 9 days': when an interview comes, on its own clock, short enough for
    the Pending table beside the calendar."""
    delta = (interview.day - today).days
    starts = local_start(interview)
    if delta == 0:
        return f"today {starts:%H:%M}"
    if delta < 7:
        return f"{DAY_NAMES[interview.day.weekday()]} {starts:%H:%M}"
    return describe_due(interview.day, today)


def _daily_target(search: JobSearch, settings: Settings, today: date) -> Action:
    earned = _points_on(search, today)
    target = settings.daily_target
    reached = earned >= target
    progress = f"{format_points(earned)} of {points_word(target)}"
    return Action(
        key=f"daily-target:{today.isoformat()}",
        kind=ActionKind.DAILY_TARGET,
        title=(
            f"Today's target reached: {points_word(earned)} (target {format_points(target)})"
            if reached
            else f"Do one thing for your search: {progress} today"
        ),
        why=describe_points(settings),
        done=reached,
    )


def _points_on(search: JobSearch, day: date) -> float:
    """`day_points(search, day)[day]`: the review asks it of eight days, and each day's whole table costs 15 ms at
    five years, so only that day's points are added up when the table was not worked out already."""
    table = known(search, day_points, day)
    if table is not None:
        return table.get(day, 0.0)
    tally = known(search, tally_of)
    if tally is not None:
        kinds = tally.kinds.get(day)
    else:  # counted as the tally counts them (`tally_of`): each kind in the order it was first logged that day
        counted: dict[ActivityKind, int] = {}
        for activity in search.activities_by_day.get(day, ()):
            counted[activity.kind] = counted.get(activity.kind, 0) + 1
        kinds = counted or None
    if kinds is None:
        return 0.0
    worth = search.settings.points
    return sum(number * worth[kind] for kind, number in kinds.items())


def _reflection(search: JobSearch, today: date) -> Action:
    written = search.reflection_on(today) is not None
    return Action(
        key=f"reflection:{today.isoformat()}",
        kind=ActionKind.REFLECTION,
        title="Today's reflection written" if written else "Write today's reflection",
        why="a few honest lines keep the search pointed the right way",
        done=written,
    )
