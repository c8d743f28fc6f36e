"""Recording what happened: `add`, `log`, `rest`, `stage`, `interview` and `feedback`."""

from __future__ import annotations

import argparse
import sys
from datetime import date, datetime, time
from typing import TYPE_CHECKING

from tui.cli.common import (
    ACTIVITY_KINDS,
    APPLICATION_IDS,
    FILE,
    BadInput,
    Commands,
    Parser,
    clock_time,
    completes,
    day,
    find_application,
    find_contact,
    whole,
)
from tui.core.kinds import ActivityKind, ApplicationKind, InterviewKind, RejectionReason, Stage
from tui.core.words import count
from tui.terminal import is_terminal

if TYPE_CHECKING:
    from tui.core.models import Activity, Application
    from tui.core.search import JobSearch
    from tui.recording import Recorder

APPLICATION_KINDS = [kind.value for kind in ApplicationKind]
STAGES = [stage.value for stage in Stage]
INTERVIEW_KINDS = [kind.value for kind in InterviewKind]
REJECTION_REASONS = [reason.value for reason in RejectionReason]


def register(commands: Commands) -> None:
    """Add this group's commands; the arguments and the handler of each are below."""
    commands.add("add", _add, help="record an application you sent", arguments=_add_arguments)
    commands.add("log", _log, help="log something you did today", trailing_words="note", arguments=_log_arguments)
    commands.add("rest", _rest, help="plan a rest day: it keeps your streak alive", arguments=_rest_arguments)
    commands.add("stage", _stage, help="move an application to another stage", arguments=_stage_arguments)
    commands.add("interview", _interview, help="record an interview, held or coming up", arguments=_interview_arguments)
    commands.add(
        "feedback",
        _feedback,
        help="record what an employer said when asked why",
        trailing_words="text",
        arguments=_feedback_arguments,
    )


def _add_arguments(add: Parser) -> None:
    add.add_argument("company", metavar="COMPANY")
    add.add_argument("role", metavar="ROLE")
    add.add_argument("--source", default="", help="where you found it (LinkedIn, referral…)")
    add.add_argument("--url", default="", help="the posting's address")
    add.add_argument(
        "--kind",
        choices=APPLICATION_KINDS,
        default="full-time",
        metavar="KIND",
        help=f"one of {', '.join(APPLICATION_KINDS)} (default full-time)",
    )
    add.add_argument("--on", metavar="DATE", help="the day you applied (default today)")
    add.add_argument("--note", default="", help="anything worth remembering")
    add.add_argument("--anyway", action="store_true", help="add it even if it looks like one you already track")
    add.add_argument(
        "--saved",
        action="store_true",
        help="a job saved for later, not sent yet: today's actions remind you to send it",
    )
    add.add_argument("--resume", default="", metavar="NAME", help="the résumé version you sent, in a short name")
    completes(
        add.add_argument("--resume-path", default="", metavar="FILE", help="where that résumé is, kept as typed"),
        FILE,
    )
    completes(
        add.add_argument("--ad", metavar="FILE", help="the job ad's text, from a file or - for standard input: kept"),
        FILE,
    )
    add.add_argument("--salary", default="", metavar="TEXT", help="the salary advertised, as written: '€60–70k'")
    add.add_argument("--asked", default="", metavar="TEXT", help="the salary you asked for, as you put it")


def _add(recorder: Recorder, options: argparse.Namespace) -> int:
    from tui.core.safety import describe_ending, describe_similar, recent_endings, similar_applications

    search = recorder.store.load()
    today = recorder.today(search)
    applied = day(options.on, today, past_only=True)
    similar = similar_applications(search, options.company, options.role)
    if similar and not options.anyway:
        raise BadInput(f"{describe_similar(similar[0])} — add it anyway with --anyway")
    ad = ""
    if options.ad is not None:
        from tui.cli.pasted import read_ad

        ad = read_ad(options.ad)
    application = recorder.add_application(
        options.company,
        options.role,
        kind=ApplicationKind(options.kind),
        source=options.source,
        url=options.url,
        on=applied,
        note=options.note,
        saved=options.saved,
        resume=options.resume,
        resume_path=options.resume_path,
        ad=ad,
        salary_advertised=options.salary,
        salary_asked=options.asked,
    )
    when = f"saved {applied}: send it when you are ready" if options.saved else f"applied {application.applied_on}"
    print(f"Added {application.short_id}: {application.company} — {application.role} ({when})")
    if application.ad:
        print(f"  The ad is kept with it ({len(application.ad):,} characters), even once the posting is gone.")
    for ending in recent_endings(search, application.company, today, search.settings.reapply_months):
        print(f"  Before: {describe_ending(ending, today)}.")
    return 0


def _log_arguments(log: Parser) -> None:
    log.add_argument("kind", metavar="KIND", choices=ACTIVITY_KINDS, help=f"one of {', '.join(ACTIVITY_KINDS)}")
    log.add_argument("note", metavar="NOTE", nargs="*", help="what you did, in a few words")
    log.add_argument("--on", metavar="DATE", help="the day it counts for (default today)")
    completes(
        log.add_argument("--app", metavar="ID", help="the application it was for: short id or company name"),
        APPLICATION_IDS,
    )
    log.add_argument("--contact", metavar="NAME", help="who it was with: short id or part of a contact's name")


def _log(recorder: Recorder, options: argparse.Namespace) -> int:
    search = recorder.store.load()
    today = recorder.today(search)
    logged_on = day(options.on, today, past_only=True)
    application = find_application(search, options.app) if options.app else None
    contact = find_contact(search, options.contact) if options.contact else None
    activity = recorder.log(
        ActivityKind(options.kind),
        " ".join(options.note),
        on=logged_on,
        application_id=application.id if application else None,
        contact_id=contact.id if contact else None,
    )
    print(logged(recorder, search, today, activity))
    return 0


def logged(recorder: Recorder, search: JobSearch, today: date, activity: Activity) -> str:
    """'Logged network with Dana on 2026-03-15. Streak: 3 days.' Keeps the brief the next `log` is answered from
    (tui/cli/quick_log.py)."""
    from tui.cli.quick_log import logged_line
    from tui.core.streaks import track
    from tui.store.brief import kept

    # The store kept the transaction's records as its read of the file it wrote: nothing is validated
    # again, and the streak the rewards judged on them is remembered with them.
    known = recorder.store.load_known()
    after = known[0] if known is not None else recorder.store.load()
    zone = recorder.zone(after.settings).key
    if known is not None:
        kept(recorder.store.path, *known, recorder.today(after), zone)
    history = track(after, today, zone)
    application = search.application(activity.application_id)
    contact = search.contact(activity.contact_id)
    about = f" for {application.company}" if application else ""
    about += f" with {contact.name}" if contact else ""
    return logged_line(activity.kind, activity.logical_day, history, after.settings, about)


def _rest_arguments(rest: Parser) -> None:
    rest.add_argument("--on", metavar="DATE", help="the day to rest (default today; 'tomorrow', 'next friday'…)")
    rest.add_argument("--note", default="", help="why, if you like")
    rest.add_argument("--cancel", action="store_true", help="make a planned rest day an ordinary day again")


def _rest(recorder: Recorder, options: argparse.Namespace) -> int:
    import dataclasses

    from tui.core.days import describe_day
    from tui.core.streaks import rest_days_left
    from tui.recording import RestRefused

    search = recorder.store.load()
    resting = day(options.on, recorder.today(search), past_only=False)
    try:
        if options.cancel:
            recorder.cancel_rest(resting)
            print(f"{describe_day(resting)} is an ordinary day again.")
            return 0
        rest = recorder.plan_rest(resting, options.note)
    except RestRefused as refused:
        raise BadInput(str(refused)) from None
    after = dataclasses.replace(search, rest_days=(*search.rest_days, rest))
    print(
        f"Rest day planned for {describe_day(resting)}: your streak waits for you. "
        f"Rest days left that week: {rest_days_left(after, resting)}."
    )
    return 0


def _stage_arguments(stage: Parser) -> None:
    completes(stage.add_argument("app", metavar="APP", help="short id or part of the company name"), APPLICATION_IDS)
    stage.add_argument("stage", metavar="STAGE", choices=STAGES, help=f"one of {', '.join(STAGES)}")
    stage.add_argument("--on", metavar="DATE", help="the day it happened (default today)")
    stage.add_argument("--note", default="", help="anything worth remembering about the move")
    stage.add_argument(
        "--round", type=whole(1, 20), metavar="N", help="interviewing only: the round reached (default the next one)"
    )
    stage.add_argument("--final", action="store_true", help="interviewing only: this is the final round")
    stage.add_argument(
        "--reason",
        choices=REJECTION_REASONS,
        metavar="R",
        help=f"rejected only: why, as far as you know ({', '.join(REJECTION_REASONS)})",
    )
    ahead = stage.add_mutually_exclusive_group()
    ahead.add_argument(
        "--cancel-interviews",
        dest="cancel_interviews",
        action="store_const",
        const=True,
        help="a stage that ends it (rejected, ghosted, withdrawn, accepted): cancel its interviews still ahead "
        "(asked on a terminal; the default otherwise)",
    )
    ahead.add_argument(
        "--keep-interviews",
        dest="cancel_interviews",
        action="store_const",
        const=False,
        help="a stage that ends it: keep its interviews still ahead",
    )


def _stage(recorder: Recorder, options: argparse.Namespace) -> int:
    from tui.core.interviews import describe_interviews, interviews_ahead
    from tui.recording import MoveRefused

    stage = Stage(options.stage)
    if (options.round is not None or options.final) and stage is not Stage.INTERVIEWING:
        raise BadInput(f"--round and --final go with interviewing only, not {stage.value}")
    if options.reason is not None and stage is not Stage.REJECTED:
        raise BadInput(f"--reason goes with rejected only, not {stage.value}")
    if options.cancel_interviews is not None and stage.is_pending:
        flag = "--cancel-interviews" if options.cancel_interviews else "--keep-interviews"
        raise BadInput(f"{flag} goes with a stage that ends the application (rejected, ghosted…), not {stage.value}")
    search = recorder.store.load()
    application = find_application(search, options.app)
    today = recorder.today(search)
    moved_on = day(options.on, today, past_only=True)
    ahead = interviews_ahead(search, application, recorder.now()) if not stage.is_pending else []
    booked = describe_interviews(ahead, today) if ahead else ""
    it, is_ = ("it", "is") if len(ahead) == 1 else ("them", "are")
    cancel = options.cancel_interviews
    if ahead and cancel is None:
        asking = is_terminal(sys.stdin) and is_terminal(sys.stdout)
        question = f"{booked[0].upper()}{booked[1:]} {is_} still ahead. Cancel {it}?"
        cancel = _ask_to_cancel(question, it) if asking else True
    try:
        moved = recorder.move_stage(
            application.id,
            stage,
            note=options.note,
            on=moved_on,
            round=options.round,
            final=options.final,
            reason=RejectionReason(options.reason) if options.reason is not None else None,
            cancel_interviews=bool(cancel),
        )
    except MoveRefused as refused:
        raise BadInput(str(refused)) from None
    name = f"{moved.company} — {moved.role}"
    if application.stage is Stage.GHOSTED and (stage.is_pending or stage is Stage.SAVED):
        print(f"{name} is reopened: now {stage.value}.")
    elif stage is Stage.INTERVIEWING:
        final = ", the final round" if moved.stage_history[-1].final else ""
        print(f"{name} is now interviewing (round {moved.interview_round}{final}).")
    else:
        print(f"{name} is now {stage.value}.")
    if ahead and cancel:
        print(f"Cancelled {booked}: kept in the interview log, left out of today's actions and the calendar.")
    elif ahead:
        print(f"Kept {booked}: still booked.")
    if stage is Stage.REJECTED:
        print(_comeback(search, moved, moved_on, today, recorder.now()))
    return 0


def _ask_to_cancel(question: str, it: str) -> bool:
    """Ask on the terminal whether to cancel the interviews still ahead (`it`): yes unless the answer is no."""
    while True:
        print(f"{question} [Y/n] ", end="", flush=True)
        answer = sys.stdin.readline()
        if not answer:  # the input ended (ctrl+d): the default
            print()
            return True
        word = answer.strip().lower()
        if word in ("", "y", "yes"):
            return True
        if word in ("n", "no"):
            return False
        print(f"Answer y to cancel {it} or n to keep {it}.")


def _comeback(search: JobSearch, application: Application, said_no: date, today: date, now: datetime) -> str:
    """After a no: what was reached, how long the streak is protected, and the next steps as commands."""
    from tui.core.days import describe_day
    from tui.core.interviews import describe_reach
    from tui.core.streaks import recovery_ends

    ident = application.short_id
    recovery = search.settings.recovery_days
    if recovery:
        protected = (
            f"Your streak is protected for {count(recovery, 'recovery day')}, "
            f"through {describe_day(recovery_ends(said_no, recovery), today)}: take the time you need."
        )
    else:
        protected = "Recovery days are off ('nextyes settings --recovery-days N' turns them on)."
    return "\n".join(
        [
            f"That's a hard one, and it's fine to feel it. {describe_reach(search, application, now)}.",
            protected,
            "When you're ready:",
            f"  nextyes draft {ident} feedback              ask what would have made the difference",
            f'  nextyes goal "a skill to work on" --app {ident}   turn a gap into a learning goal',
            f'  nextyes contact add "NAME" --app {ident}     keep the bridge: you may apply there again',
        ]
    )


def _interview_arguments(interview: Parser) -> None:
    completes(
        interview.add_argument("app", metavar="APP", help="short id or part of the company name"), APPLICATION_IDS
    )
    interview.add_argument("--on", metavar="DATE", required=True, help="its day: past or future ('next tuesday')")
    interview.add_argument(
        "--at",
        metavar="HH:MM",
        type=clock_time,
        default=time(9, 0),
        help="its start, on your settings' clock (default 09:00)",
    )
    interview.add_argument("--round", type=whole(1, 20), metavar="N", help="which round (default the next one)")
    interview.add_argument(
        "--kind",
        choices=INTERVIEW_KINDS,
        default="other",
        metavar="K",
        help=f"one of {', '.join(INTERVIEW_KINDS)} (default other)",
    )
    interview.add_argument(
        "--with",
        dest="people",
        default="",
        metavar="NAMES",
        help="who you meet, separated by commas: 'Dana Ruiz, Sam Lee'",
    )
    interview.add_argument("--note", default="", help="anything worth remembering")


def _interview(recorder: Recorder, options: argparse.Namespace) -> int:
    from tui.core.days import describe_day
    from tui.core.interviews import join_names
    from tui.core.local_times import NoSuchTime, local_instant

    search = recorder.store.load()
    application = find_application(search, options.app)
    today = recorder.today(search)
    held_on = day(options.on, today, past_only=False)
    sent = application.applied_on or (application.stage_history[0].day if application.stage_history else None)
    named_weekday = (options.on or "").strip().lower() == f"{held_on:%A}".lower()
    if named_weekday and sent is not None and held_on < sent:
        # 'wednesday' names the latest one, which may be before the application was even sent: a booking
        # ahead was meant. A date or 'yesterday' before it is taken as said (an application tracked late).
        weekday = f"{held_on:%A}".lower()
        raise BadInput(
            f"{options.on!r} is {describe_day(held_on, today)}, before {application.company} was sent "
            f"({describe_day(sent, today)}); for one ahead say 'next {weekday}' or give its date"
        )
    try:  # a time the clocks skip that night is refused; one they repeat is the first of the two
        at = local_instant(held_on, options.at, recorder.zone(search.settings))
    except NoSuchTime as refused:
        raise BadInput(str(refused)) from None
    interview = recorder.schedule_interview(
        application.id,
        at,
        round=options.round,
        kind=InterviewKind(options.kind),
        people=options.people.split(","),
        notes=options.note,
    )
    people = f" with {join_names(interview.people)}" if interview.people else ""
    print(
        f"Interview recorded: {application.company}, round {interview.round} ({interview.kind.value}), "
        f"{describe_day(held_on, today)} {at:%H:%M}{people}."
    )
    return 0


def _feedback_arguments(feedback: Parser) -> None:
    completes(feedback.add_argument("app", metavar="APP", help="short id or part of the company name"), APPLICATION_IDS)
    feedback.add_argument("text", metavar="TEXT", nargs="+", help="what they said")


def _feedback(recorder: Recorder, options: argparse.Namespace) -> int:
    search = recorder.store.load()
    application = find_application(search, options.app)
    text = " ".join(options.text)
    if not text.strip():
        raise BadInput("the feedback is blank; write what they said")
    recorder.record_feedback(application.id, text)
    print(
        f"Feedback from {application.company} recorded. A gap worth closing? "
        f'nextyes goal "…" --app {application.short_id}'
    )
    return 0
