"""The `nextyes` command: quick logging from the shell, and the door to the app.

Everything here runs without importing Textual; only opening the app loads it.
"""

from __future__ import annotations

import argparse
import dataclasses
import importlib
import json
import os
import re
import sys
from collections.abc import Callable, Sequence
from contextlib import nullcontext
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import NoReturn, TypeVar

from pydantic import ValidationError

from tui import __version__
from tui.clock import Clock, is_zone, system_clock, zone_named
from tui.core.actions import Action, ActionKind, reconnect_due
from tui.core.dashboard import Dashboard, build_dashboard
from tui.core.days import DateParseError, parse_day, parse_until
from tui.core.drafts import DraftKind
from tui.core.models import (
    Activity,
    ActivityKind,
    Application,
    ApplicationKind,
    Contact,
    InterviewKind,
    RejectionReason,
    Stage,
    Tier,
    Win,
)
from tui.core.rewards import Reward, next_milestone
from tui.core.search import JobSearch
from tui.core.streaks import (
    DayState,
    StreakHistory,
    describe_today,
    format_points,
    points_word,
    recovery_ends,
    rest_days_left,
    track,
)
from tui.core.words import count, record_noun
from tui.locations import db_path
from tui.recording import MoveRefused, Recorder, RestRefused
from tui.store import Store, StoreError
from tui.store.backups import all_backups
from tui.terminal import controls_shown_on_stdout, visible

EXIT_BAD_INPUT = 2
EXIT_DATABASE = 3

ACTIVITY_KINDS = [kind.value for kind in ActivityKind]
APPLICATION_KINDS = [kind.value for kind in ApplicationKind]
STAGES = [stage.value for stage in Stage]
INTERVIEW_KINDS = [kind.value for kind in InterviewKind]
REJECTION_REASONS = [reason.value for reason in RejectionReason]
TIERS = [tier.value for tier in Tier]
DRAFT_KINDS = [kind.value for kind in DraftKind]

# Commands whose last argument is free words: words typed after an option still belong to it.
TRAILING_WORDS = {"log": "note", "win": "text", "goal": "text", "feedback": "text", "snooze": "when"}

Found = TypeVar("Found", Application, Contact)


class BadInput(Exception):
    """Something typed on the command line that we cannot use; the message says what is accepted."""


class _Parser(argparse.ArgumentParser):
    """argparse, but a usage mistake is one line and exit 2, not a usage dump."""

    def error(self, message: str) -> NoReturn:
        raise BadInput(f"{message} (see '{self.prog} --help')")


def build_parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--db", metavar="PATH", default=argparse.SUPPRESS,
        help="database file (default: NEXTYES_DB, else your data folder)",
    )
    parser = _Parser(
        prog="nextyes",
        description="Keep your job search moving: every 'no' gets you closer to the next 'yes'.",
        parents=[common],
    )
    parser.add_argument("--version", action="version", version=f"nextyes {__version__}")
    parser.add_argument("--demo", action="store_true", help="open the app on a copy of the demo data")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    add = commands.add_parser("add", parents=[common], help="record an application you sent")
    add.add_argument("company", metavar="COMPANY")
    add.add_argument("role", metavar="ROLE")
    add.add_argument("--source", default="", help="where you found it (LinkedIn, referral…)")
    add.add_argument("--url", default="", help="the posting's address")
    add.add_argument("--kind", choices=APPLICATION_KINDS, default="full-time", metavar="KIND",
                     help=f"one of {', '.join(APPLICATION_KINDS)} (default full-time)")
    add.add_argument("--on", metavar="DATE", help="the day you applied (default today)")
    add.add_argument("--note", default="", help="anything worth remembering")
    add.add_argument("--anyway", action="store_true", help="add it even if it looks like one you already track")
    add.add_argument("--saved", action="store_true",
                     help="a job saved for later, not sent yet: today's actions remind you to send it")

    log = commands.add_parser("log", parents=[common], help="log something you did today")
    log.add_argument("kind", metavar="KIND", choices=ACTIVITY_KINDS,
                     help=f"one of {', '.join(ACTIVITY_KINDS)}")
    log.add_argument("note", metavar="NOTE", nargs="*", help="what you did, in a few words")
    log.add_argument("--on", metavar="DATE", help="the day it counts for (default today)")
    log.add_argument("--app", metavar="ID", help="the application it was for: short id or company name")
    log.add_argument("--contact", metavar="NAME", help="who it was with: short id or part of a contact's name")

    stage = commands.add_parser("stage", parents=[common], help="move an application to another stage")
    stage.add_argument("app", metavar="APP", help="short id or part of the company name")
    stage.add_argument("stage", metavar="STAGE", choices=STAGES, help=f"one of {', '.join(STAGES)}")
    stage.add_argument("--on", metavar="DATE", help="the day it happened (default today)")
    stage.add_argument("--note", default="", help="anything worth remembering about the move")
    stage.add_argument("--round", type=_whole(1, 20), metavar="N",
                       help="interviewing only: the round reached (default the next one)")
    stage.add_argument("--final", action="store_true", help="interviewing only: this is the final round")
    stage.add_argument("--reason", choices=REJECTION_REASONS, metavar="R",
                       help=f"rejected only: why, as far as you know ({', '.join(REJECTION_REASONS)})")

    interview = commands.add_parser("interview", parents=[common], help="record an interview, held or coming up")
    interview.add_argument("app", metavar="APP", help="short id or part of the company name")
    interview.add_argument("--on", metavar="DATE", required=True, help="its day: past or future ('next tuesday')")
    interview.add_argument("--at", metavar="HH:MM", type=_clock_time, default=time(9, 0),
                           help="its start, on your settings' clock (default 09:00)")
    interview.add_argument("--round", type=_whole(1, 20), metavar="N", help="which round (default the next one)")
    interview.add_argument("--kind", choices=INTERVIEW_KINDS, default="other", metavar="K",
                           help=f"one of {', '.join(INTERVIEW_KINDS)} (default other)")
    interview.add_argument("--with", dest="people", default="", metavar="NAMES",
                           help="who you meet, separated by commas: 'Dana Ruiz, Sam Lee'")
    interview.add_argument("--note", default="", help="anything worth remembering")

    contact = commands.add_parser("contact", parents=[common], help="the people in your network")
    contact_commands = contact.add_subparsers(dest="contact_command", metavar="WHAT", required=True,
                                              parser_class=_Parser)
    contact_add = contact_commands.add_parser("add", parents=[common], help="add someone to your network")
    contact_add.add_argument("name", metavar="NAME", nargs="+", help="their name")
    contact_add.add_argument("--company", default="", help="where they work (default the --app's company)")
    contact_add.add_argument("--tier", type=str.upper, choices=TIERS, default="B", metavar="TIER",
                             help="how close: A reconnect most often, then B, then C (default B)")
    contact_add.add_argument("--how", default="", metavar="TEXT", help="how you know them")
    contact_add.add_argument("--support", action="store_true", help="a friend or mentor to call on a rough day")
    contact_add.add_argument("--note", default="", help="anything worth remembering")
    contact_add.add_argument("--app", metavar="APP",
                             help="met through this application; after a no, keeps the bridge with a reconnect reminder")
    contact_commands.add_parser("list", parents=[common], help="everyone, with when to reconnect")

    win = commands.add_parser("win", parents=[common], help="remember something you did well, ideally with a number")
    win.add_argument("text", metavar="TEXT", nargs="+", help="what you did")
    win.add_argument("--on", metavar="DATE", help="the day (default today)")
    win.add_argument("--app", metavar="APP", help="the application it came from")
    commands.add_parser("wins", parents=[common], help="your wins, newest first")

    goal = commands.add_parser("goal", parents=[common], help="add a skill to work on")
    goal.add_argument("text", metavar="TEXT", nargs="+", help="the skill, in a few words")
    goal.add_argument("--app", metavar="APP", help="the application that showed the gap")

    feedback = commands.add_parser("feedback", parents=[common], help="record what an employer said when asked why")
    feedback.add_argument("app", metavar="APP", help="short id or part of the company name")
    feedback.add_argument("text", metavar="TEXT", nargs="+", help="what they said")

    draft = commands.add_parser("draft", parents=[common], help="print a filled-in note to send")
    draft.add_argument("app", metavar="APP", help="short id or part of the company name")
    draft.add_argument("kind", metavar="KIND", choices=DRAFT_KINDS, help=f"one of {', '.join(DRAFT_KINDS)}")

    commands.add_parser("questions", parents=[common], help="interview questions: most asked, lowest rated")

    rest = commands.add_parser("rest", parents=[common], help="plan a rest day: it keeps your streak alive")
    rest.add_argument("--on", metavar="DATE", help="the day to rest (default today; 'tomorrow', 'next friday'…)")
    rest.add_argument("--note", default="", help="why, if you like")
    rest.add_argument("--cancel", action="store_true", help="make a planned rest day an ordinary day again")

    status = commands.add_parser("status", parents=[common], help="streak, momentum and what's waiting")
    status.add_argument("--json", action="store_true", help="print JSON instead of text")
    status.add_argument("--as-of", metavar="DATE", help="report as of an earlier day")

    today = commands.add_parser("today", parents=[common], help="today's actions, one a line")
    today.add_argument("--as-of", metavar="DATE", help="the actions of an earlier day")

    done = commands.add_parser("done", parents=[common], help="mark one of today's actions done")
    done.add_argument("number", metavar="N", type=int, help="its number in 'nextyes today'")
    done.add_argument("--note", default="", help="what you did, if you like")
    snooze = commands.add_parser("snooze", parents=[common], help="put one of today's actions off until later")
    snooze.add_argument("number", metavar="N", type=int, help="its number in 'nextyes today'")
    snooze.add_argument("when", metavar="WHEN", nargs="+", help="until when: '3 days', 'next monday', 2026-04-01")
    dismiss = commands.add_parser("dismiss", parents=[common], help="drop one of today's actions for good")
    dismiss.add_argument("number", metavar="N", type=int, help="its number in 'nextyes today'")

    export = commands.add_parser("export", parents=[common], help="write your records to a file")
    export.add_argument("--format", choices=["json", "csv", "md", "ics"], default="json", metavar="FORMAT",
                        help="json (every record; the default), csv (one table), md (a full report, or the "
                             "weekly review with --week) or ics (interviews, follow-ups and reminders)")
    export.add_argument("--out", metavar="PATH", help="file to write (default: standard output)")
    export.add_argument("--table", choices=["applications", "activities", "contacts", "interviews"],
                        metavar="TABLE", help="with csv: applications (default), activities, contacts or interviews")
    export.add_argument("--week", metavar="DATE", help="with md: the weekly review of the week holding this day")

    import_ = commands.add_parser(
        "import", parents=[common],
        help="bring in applications or contacts: LinkedIn exports, a CSV of applications, a nextyes JSON export",
    )
    import_.add_argument("file", metavar="FILE", help="the file to read; its format is told from its content")
    import_.add_argument("--dry-run", action="store_true", help="say what would be imported, and change nothing")

    review = commands.add_parser("review", parents=[common], help="the weekly review: how the week went, what's next")
    review.add_argument("--week", metavar="DATE", help="any day of the week to review (default: this week)")
    review.add_argument("--format", choices=["text", "md"], default="text", metavar="FORMAT",
                        help="text (default) or md (Markdown)")

    commands.add_parser("check", parents=[common], help="verify the database file")

    backup = commands.add_parser("backup", parents=[common], help="the copies kept beside your database")
    backup_commands = backup.add_subparsers(dest="backup_command", metavar="WHAT", required=True,
                                            parser_class=_Parser)
    backup_commands.add_parser("list", parents=[common], help="every backup, newest first, with what it holds")
    restore = backup_commands.add_parser(
        "restore", parents=[common], help="put a backup back as your database; the file as it is now is kept first"
    )
    restore.add_argument("which", metavar="WHICH", nargs="?",
                         help="a number from 'backup list', a day (2026-03-14, yesterday) or a backup's file name "
                              "(default: the newest)")

    settings = commands.add_parser("settings", parents=[common], help="show or change your settings")
    settings.add_argument("--daily-target", type=float, metavar="N",
                          help="points that make a day count (0.5-20, in halves; default 1)")
    settings.add_argument("--points", action="append", metavar="KIND=N", default=[],
                          help=f"what an activity is worth, e.g. learn=1 (kinds: {', '.join(ACTIVITY_KINDS)})")
    settings.add_argument("--rest-days-per-week", type=int, metavar="N", help="planned rest days allowed a week (0-7)")
    settings.add_argument("--recovery-days", type=int, metavar="N",
                          help="days after a rejection that keep your streak alive (0-7)")
    settings.add_argument("--weekly-applications", type=int, metavar="N", help="weekly goal: applications (0-100)")
    settings.add_argument("--weekly-networking", type=int, metavar="N", help="weekly goal: networking (0-100)")
    settings.add_argument("--weekly-learning", type=int, metavar="N", help="weekly goal: learning (0-100)")
    settings.add_argument("--rollover-hour", type=int, metavar="H",
                          help="hour a new day starts, 0-12 (default 4: 01:30 counts for the day before)")
    settings.add_argument("--follow-up-days", type=int, metavar="D", help="days without a reply before a follow-up (1-90)")
    settings.add_argument("--timezone", metavar="ZONE", help="IANA time zone such as Europe/Berlin ('' for the system's)")
    settings.add_argument("--max-follow-ups", type=int, metavar="N", help="follow-ups suggested per application (0-5)")
    settings.add_argument("--ghosted-after-days", type=int, metavar="D",
                          help="silent days before suggesting an application is ghosted (7-365)")
    settings.add_argument("--thank-you-days", type=int, metavar="D",
                          help="days after an interview a thank-you note is suggested (0-7)")
    settings.add_argument("--prep-days", type=int, metavar="D", help="days before an interview to prepare (0-14)")
    settings.add_argument("--feedback-days", type=int, metavar="D",
                          help="days after a no that asking for feedback is suggested (0-14)")
    settings.add_argument("--reconnect-days", action="append", metavar="TIER=N", default=[],
                          help="how often to reconnect with a tier of contacts, e.g. A=30 (tiers: A, B, C)")
    settings.add_argument("--reconnects-per-day", type=int, metavar="N",
                          help="at most this many contacts to reconnect with a day (1-50)")
    settings.add_argument("--ghosted-per-day", type=int, metavar="N",
                          help="at most this many silent applications offered as ghosted a day (1-50)")
    settings.add_argument("--bridge-days", type=int, metavar="D",
                          help="after a no: days until reconnecting with the contact kept there (1-730)")
    settings.add_argument("--reapply-months", type=int, metavar="N",
                          help="adding a company that said no within this many months shows how it ended (0-36)")
    settings.add_argument("--your-name", metavar="NAME", help="signs your drafts ('' to leave them unsigned)")
    return parser


def main(argv: Sequence[str] | None = None, now: Clock | None = None) -> int:
    """Run the command in `argv` and return its exit status. `now` replaces the real clock (tests)."""
    arguments = list(sys.argv[1:] if argv is None else argv)
    try:
        options = _parse(arguments)
        _refuse_undecodable(arguments)
        with nullcontext() if _prints_exactly(options) else controls_shown_on_stdout():
            return _run(options, now)
    except BadInput as problem:
        _complain(problem)
        return EXIT_BAD_INPUT
    except StoreError as problem:
        _complain(problem)
        return EXIT_DATABASE
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # `nextyes today | head -3`: the reader has seen enough
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0


def _prints_exactly(options: argparse.Namespace) -> bool:
    """True for output that must reach standard output byte for byte: the app itself, a document (an export,
    a draft to send, the review in Markdown) and JSON (its own escapes cover newline, ESC and the other C0 controls).

    Everything else is printed for a person to read, with control characters shown as symbols.
    """
    document = options.command in ("export", "draft") or getattr(options, "format", None) == "md"
    return options.command is None or document or getattr(options, "json", False)


def _complain(problem: Exception) -> None:
    """One line on standard error, whatever the message quotes: line breaks escaped, controls shown."""
    one_line = str(problem).replace("\r", "\\r").replace("\n", "\\n")
    print(f"nextyes: {visible(one_line)}", file=sys.stderr)


def _parse(arguments: list[str]) -> argparse.Namespace:
    """Parse, letting free words sit before or after the options (`log learn --on friday sql`)."""
    parser = build_parser()
    options, extra = parser.parse_known_args(arguments)
    words = TRAILING_WORDS.get(options.command)
    if extra and words and not any(word.startswith("-") for word in extra):
        setattr(options, words, [*getattr(options, words), *extra])
    elif extra:
        parser.error(f"unrecognized arguments: {' '.join(extra)}")
    return options


def _run(options: argparse.Namespace, now: Clock | None) -> int:
    path = db_path(getattr(options, "db", None))
    if options.command is None:
        return _open_app(path, demo=options.demo, now=now)
    store = Store(path, now or system_clock(zone_named("")), keep_parsed=True)  # a command reads, then writes
    wins: list[Win] = []  # added by the command's change itself; said after what the command says
    recorder = Recorder(store, store.now, celebrate=_announce, note_wins=wins.extend)
    handler = {
        "add": _add,
        "log": _log,
        "rest": _rest,
        "status": _status,
        "today": _today,
        "done": _done,
        "snooze": _snooze,
        "dismiss": _dismiss,
        "stage": _stage,
        "interview": _interview,
        "contact": _contact,
        "win": _win,
        "wins": _wins,
        "goal": _goal,
        "feedback": _feedback,
        "draft": _draft,
        "questions": _questions,
        "export": _lazy("cli_exchange", "export_command"),
        "import": _lazy("cli_exchange", "import_command"),
        "review": _lazy("cli_exchange", "review_command"),
        "check": _check,
        "backup": _lazy("cli_backup", f"{getattr(options, 'backup_command', '')}_command"),
        "settings": _settings,
    }[options.command]
    try:
        status = handler(recorder, options)
    except ValidationError as error:
        raise BadInput(_describe_validation(error)) from None
    _announce_wins(wins)
    return status


def _open_app(path: Path, *, demo: bool, now: Clock | None) -> int:
    from tui.app import NextYesApp

    if not demo:
        NextYesApp(db_path=path, now=now).run()
        return 0
    import shutil

    from tui.demo import demo_clock, demo_database_copy

    copy = demo_database_copy()
    try:
        NextYesApp(db_path=copy, now=now or demo_clock()).run()
    finally:
        shutil.rmtree(copy.parent, ignore_errors=True)
    return 0


def _add(recorder: Recorder, options: argparse.Namespace) -> int:
    from tui.core.safety import describe_ending, describe_similar, recent_endings, similar_applications

    search = recorder.store.load()
    today = recorder.today(search)
    day = _day(options.on, today, past_only=True)
    similar = similar_applications(search, options.company, options.role)
    if similar and not options.anyway:
        raise BadInput(f"{describe_similar(similar[0])} — add it anyway with --anyway")
    application = recorder.add_application(
        options.company,
        options.role,
        kind=ApplicationKind(options.kind),
        source=options.source,
        url=options.url,
        on=day,
        note=options.note,
        saved=options.saved,
    )
    when = f"saved {day}: send it when you are ready" if options.saved else f"applied {application.applied_on}"
    print(f"Added {application.short_id}: {application.company} — {application.role} ({when})")
    for ending in recent_endings(search, application.company, today, search.settings.reapply_months):
        print(f"  Before: {describe_ending(ending, today)}.")
    return 0


def _log(recorder: Recorder, options: argparse.Namespace) -> int:
    search = recorder.store.load()
    today = recorder.today(search)
    day = _day(options.on, today, past_only=True)
    application = _find_application(search, options.app) if options.app else None
    contact = _find_contact(search, options.contact) if options.contact else None
    activity = recorder.log(
        ActivityKind(options.kind),
        " ".join(options.note),
        on=day,
        application_id=application.id if application else None,
        contact_id=contact.id if contact else None,
    )
    print(_logged(recorder, search, today, activity))
    return 0


def _logged(recorder: Recorder, search: JobSearch, today: date, activity: Activity) -> str:
    """'Logged network with Dana on 2026-03-15. Streak: 3 days.'"""
    # The store kept the transaction's records as its read of the file it wrote: nothing is validated
    # again, and the streak the rewards judged on them is remembered with them.
    after = recorder.store.load()
    history = track(after, today, recorder.zone(after.settings).key)
    application = search.application(activity.application_id)
    contact = search.contact(activity.contact_id)
    about = f" for {application.company}" if application else ""
    about += f" with {contact.name}" if contact else ""
    return f"Logged {activity.kind.value}{about} on {activity.logical_day}. {_streak_sentence(history)}"


def _rest(recorder: Recorder, options: argparse.Namespace) -> int:
    search = recorder.store.load()
    day = _day(options.on, recorder.today(search), past_only=False)
    try:
        if options.cancel:
            recorder.cancel_rest(day)
            print(f"{day:%a %d %b %Y} is an ordinary day again.")
            return 0
        rest = recorder.plan_rest(day, options.note)
    except RestRefused as refused:
        raise BadInput(str(refused)) from None
    after = dataclasses.replace(search, rest_days=(*search.rest_days, rest))
    print(
        f"Rest day planned for {day:%a %d %b %Y}: your streak waits for you. "
        f"Rest days left that week: {rest_days_left(after, day)}."
    )
    return 0


def _announce(rewards: list[Reward]) -> None:
    for reward in rewards:
        print(f"★ {reward.title}! (earned {reward.earned_on:%a %d %b})")


def _status(recorder: Recorder, options: argparse.Namespace) -> int:
    search, dashboard = _dashboard(recorder, options.as_of)
    if options.json:
        print(json.dumps(_status_document(search, dashboard), ensure_ascii=False, indent=2))
        return 0
    history = dashboard.history
    streak = f"{_days(history.current)} (longest {_days(history.longest)})"
    if history.is_fresh_start:
        streak = f"a fresh start (longest {_days(history.longest)}, and the momentum is kept)"
    weekly = ", ".join(f"{goal.label.lower()} {goal.done} of {goal.goal}" for goal in dashboard.weekly.goals)
    lines = [
        f"As of {dashboard.today:%A %d %B %Y}",
        f"Streak:   {streak}",
        f"Momentum: {history.momentum:.0%}",
        f"Today:    {history.today_state.glyph} {describe_today(history)}",
        f"Freezes:  {history.freezes_held} held · rest days left this week: {dashboard.rest_days_left}",
        f"This week: {weekly}{' — goal met' if dashboard.weekly.met else ''}",
        f"Last 4 weeks: {calendar_strip(history, 28)}  ({LEGEND})",
        f"Pending applications: {len(dashboard.pending)}",
        f"Actions due: {len(dashboard.actions_due)}",
    ]
    lines += [f"  ○ {action.title} — {action.why}" for action in dashboard.actions_due]
    print("\n".join(lines))
    return 0


def _today(recorder: Recorder, options: argparse.Namespace) -> int:
    _, dashboard = _dashboard(recorder, options.as_of)
    for number, action in enumerate(dashboard.actions, start=1):
        print(f"{number}. {'✓' if action.done else '○'} {action.title} — {action.why}")
    return 0


def _done(recorder: Recorder, options: argparse.Namespace) -> int:
    search, action = _todays_action(recorder, options.number)
    if action.kind is ActionKind.DAILY_TARGET:
        raise BadInput(
            f"the daily target is met by doing things: log one with 'nextyes log KIND NOTE' ({', '.join(ACTIVITY_KINDS)})"
        )
    if action.kind is ActionKind.REFLECTION:
        raise BadInput("the reflection is written in the app: run 'nextyes' on its own to open it")
    result = recorder.complete(action, options.note)
    if isinstance(result, Application) and result.stage is Stage.APPLIED:
        print(f"Sent: {result.company} — {result.role} is applied now; follow-ups count from today.")
    elif isinstance(result, Application):
        print(
            f"Marked ghosted: {result.company} — {result.role}. If they write back, reopen it with "
            f"'nextyes stage {result.short_id} applied'."
        )
    elif isinstance(result, Activity):
        print(f"Done: {action.title}. {_logged(recorder, search, recorder.today(search), result)}")
    return 0


def _snooze(recorder: Recorder, options: argparse.Namespace) -> int:
    search, action = _todays_action(recorder, options.number, putting_off="snoozed")
    try:
        until = parse_until(" ".join(options.when), recorder.today(search))
    except DateParseError as problem:
        raise BadInput(str(problem)) from None
    recorder.snooze(action, until)
    print(f"Snoozed until {until:%a %d %b}: {action.title}")
    return 0


def _dismiss(recorder: Recorder, options: argparse.Namespace) -> int:
    _, action = _todays_action(recorder, options.number, putting_off="dismissed")
    recorder.dismiss(action)
    if action.kind is ActionKind.LEARN:
        print(f"Closed the learning goal: {action.title.removeprefix('Work on: ')}")
    else:
        print(f"Dismissed: {action.title}")
    return 0


def _todays_action(recorder: Recorder, number: int, putting_off: str = "") -> tuple[JobSearch, Action]:
    """The open action numbered `number` in 'nextyes today', with the search it was derived from.

    `putting_off` ('snoozed', 'dismissed') refuses the daily target and the reflection: they are today's.
    """
    search, dashboard = _dashboard(recorder, None)
    actions = dashboard.actions
    if not 1 <= number <= len(actions):
        raise BadInput(
            f"there is no action {number} today: there are {count(len(actions), 'action')}, "
            f"numbered 1 to {len(actions)} in 'nextyes today'"
        )
    action = actions[number - 1]
    if action.done:
        raise BadInput(f"'{action.title}' is already done today")
    if putting_off and not action.can_snooze:
        raise BadInput(f"'{action.title}' belongs to today and cannot be {putting_off}; choose another number")
    return search, action


def _stage(recorder: Recorder, options: argparse.Namespace) -> int:
    stage = Stage(options.stage)
    if (options.round is not None or options.final) and stage is not Stage.INTERVIEWING:
        raise BadInput(f"--round and --final go with interviewing only, not {stage.value}")
    if options.reason is not None and stage is not Stage.REJECTED:
        raise BadInput(f"--reason goes with rejected only, not {stage.value}")
    search = recorder.store.load()
    application = _find_application(search, options.app)
    day = _day(options.on, recorder.today(search), past_only=True)
    try:
        moved = recorder.move_stage(
            application.id,
            stage,
            note=options.note,
            on=day,
            round=options.round,
            final=options.final,
            reason=RejectionReason(options.reason) if options.reason is not None else None,
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
    if stage is Stage.REJECTED:
        print(_comeback(search, moved, day))
    return 0


def _comeback(search: JobSearch, application: Application, said_no: date) -> str:
    """After a no: what was reached, how long the streak is protected, and the next steps as commands."""
    from tui.core.interviews import describe_reach

    ident = application.short_id
    recovery = search.settings.recovery_days
    if recovery:
        protected = (
            f"Your streak is protected for {count(recovery, 'recovery day')}, through {recovery_ends(said_no, recovery):%a %d %b}: "
            "take the time you need."
        )
    else:
        protected = "Recovery days are off ('nextyes settings --recovery-days N' turns them on)."
    return "\n".join(
        [
            f"That's a hard one, and it's fine to feel it. {describe_reach(search, application)}.",
            protected,
            "When you're ready:",
            f"  nextyes draft {ident} feedback              ask what would have made the difference",
            f'  nextyes goal "a skill to work on" --app {ident}   turn a gap into a learning goal',
            f'  nextyes contact add "NAME" --app {ident}     keep the bridge: you may apply there again',
        ]
    )


def _announce_wins(wins: list[Win]) -> None:
    for win in wins:
        print(f"★ A win for your list: {win.text}")


def _interview(recorder: Recorder, options: argparse.Namespace) -> int:
    search = recorder.store.load()
    application = _find_application(search, options.app)
    day = _day(options.on, recorder.today(search), past_only=False)
    at = datetime.combine(day, options.at, tzinfo=recorder.zone(search.settings))
    interview = recorder.schedule_interview(
        application.id,
        at,
        round=options.round,
        kind=InterviewKind(options.kind),
        people=options.people.split(","),
        notes=options.note,
    )
    from tui.core.interviews import join_names

    people = f" with {join_names(interview.people)}" if interview.people else ""
    print(
        f"Interview recorded: {application.company}, round {interview.round} ({interview.kind.value}), "
        f"{at:%a %d %b %H:%M}{people}."
    )
    return 0


def _contact(recorder: Recorder, options: argparse.Namespace) -> int:
    return _contact_add(recorder, options) if options.contact_command == "add" else _contact_list(recorder)


def _contact_add(recorder: Recorder, options: argparse.Namespace) -> int:
    search = recorder.store.load()
    application = _find_application(search, options.app) if options.app else None
    contact = recorder.add_contact(
        " ".join(options.name),
        company=options.company or (application.company if application else ""),
        tier=Tier(options.tier),
        how_we_know=options.how or (f"met through the {application.role} application" if application else ""),
        support=options.support,
        notes=options.note,
    )
    at = f" ({contact.company})" if contact.company else ""
    print(f"Added {contact.short_id}: {contact.name}{at}, tier {contact.tier.value}{' ♥' if contact.support else ''}")
    if application is not None:
        _keep_bridge(recorder, search, application, contact)
    return 0


def _keep_bridge(recorder: Recorder, search: JobSearch, application: Application, contact: Contact) -> None:
    """Link the contact to the application; after a no or a silence, also set when to reconnect and reapply."""
    from dateutil.relativedelta import relativedelta

    settings = search.settings
    today = recorder.today(search)
    ended = application.stage in (Stage.REJECTED, Stage.GHOSTED, Stage.WITHDRAWN)
    reconnect_on = today + timedelta(days=settings.bridge_days) if ended else None
    reapply_after = None
    if application.stage in (Stage.REJECTED, Stage.GHOSTED) and settings.reapply_months:
        reapply_after = today + relativedelta(months=settings.reapply_months)
    recorder.keep_bridge(
        application.id, contact_id=contact.id, reconnect_on=reconnect_on, reapply_after=reapply_after
    )
    if reconnect_on is None:
        print(f"Linked to {application.company} — {application.role}.")
        return
    print(f"Bridge kept: reconnect with {contact.name} by {reconnect_on:%a %d %b %Y}.")
    if reapply_after is not None:
        print(f"{application.company} is marked 'reapply later', from {reapply_after:%a %d %b %Y}.")


def _contact_list(recorder: Recorder) -> int:
    search = recorder.store.load()
    today = recorder.today(search)
    if not search.contacts:
        print("No contacts yet: add one with 'nextyes contact add NAME --company C --tier A'.")
        return 0
    for contact in sorted(search.contacts, key=lambda c: c.name.casefold()):
        last = search.last_contacted(contact)
        due = reconnect_due(search, contact, search.settings)
        parts = [
            f"{contact.short_id}  {contact.name}",
            contact.company or "no company",
            f"tier {contact.tier.value}",
            f"last in touch {last:%a %d %b %Y}" if last else "not in touch yet",
            f"reconnect {'due since' if due <= today else 'by'} {due:%a %d %b %Y}",
        ]
        print(" · ".join(parts) + (" ♥" if contact.support else ""))
    return 0


def _win(recorder: Recorder, options: argparse.Namespace) -> int:
    search = recorder.store.load()
    day = _day(options.on, recorder.today(search), past_only=True)
    application = _find_application(search, options.app) if options.app else None
    win = recorder.add_win(" ".join(options.text), on=day, application_id=application.id if application else None)
    print(f"★ Added to your wins ({win.day:%a %d %b}): {win.text}")
    return 0


def _wins(recorder: Recorder, options: argparse.Namespace) -> int:
    del options
    search = recorder.store.load()
    if not search.wins:
        print("No wins yet: add one with 'nextyes win \"Cut report time from 2 hours to 10 minutes\"'.")
        return 0
    for win in search.wins_newest_first:
        application = search.application(win.application_id)
        about = f" ({application.company})" if application and application.company not in win.text else ""
        print(f"{win.day:%a %d %b %Y}  {win.text}{about}")
    return 0


def _goal(recorder: Recorder, options: argparse.Namespace) -> int:
    search = recorder.store.load()
    application = _find_application(search, options.app) if options.app else None
    text = " ".join(options.text)
    if not text.strip():
        raise BadInput("the goal is blank; say the skill in a few words, such as 'SQL window functions'")
    [goal] = recorder.add_learning_goals(
        [text],
        application_id=application.id if application else None,
        source=f"from the application to {application.company}" if application else "",
    )
    print(f"Learning goal added: {goal.text}. It shows in 'nextyes today' until you dismiss it.")
    return 0


def _feedback(recorder: Recorder, options: argparse.Namespace) -> int:
    search = recorder.store.load()
    application = _find_application(search, options.app)
    text = " ".join(options.text)
    if not text.strip():
        raise BadInput("the feedback is blank; write what they said")
    recorder.record_feedback(application.id, text)
    print(
        f"Feedback from {application.company} recorded. A gap worth closing? "
        f'nextyes goal "…" --app {application.short_id}'
    )
    return 0


def _draft(recorder: Recorder, options: argparse.Namespace) -> int:
    from tui.content import draft_templates
    from tui.core.drafts import write_draft

    search = recorder.store.load()
    today = recorder.today(search)
    application = _find_application(search, options.app)
    kind = DraftKind(options.kind)
    interview = None
    if kind is DraftKind.THANK_YOU:
        interviews = search.interviews_for(application)
        held = [i for i in interviews if i.day <= today]
        if not interviews:
            raise BadInput(
                f"no interview with {application.company} is recorded, so there is nothing to thank them for yet; "
                f"record one with 'nextyes interview {application.short_id} --on DATE'"
            )
        if not held:
            raise BadInput(
                f"the interview with {application.company} is on {interviews[0].day:%a %d %b}; "
                "a thank-you note comes after it"
            )
        interview = held[-1]
    draft = write_draft(draft_templates()[kind], kind, search, application, today, interview)
    print(draft.text, end="")
    return 0


def _questions(recorder: Recorder, options: argparse.Namespace) -> int:
    from tui.core.interviews import question_bank

    del options
    bank = question_bank(recorder.store.load())
    if not bank.frequent:
        print("No interview questions recorded yet: debrief an interview in the app (run 'nextyes') to start the bank.")
        return 0
    lines = ["Most asked:"]
    lines += [f"  {entry.asked}×  {entry.text}  ({', '.join(entry.companies)})" for entry in bank.frequent[:10]]
    lines.append("Lowest rated:")
    if bank.weakest:
        lines += [
            f"  {entry.average_rating:.1f}/5  {entry.text}  ({', '.join(entry.companies)})"
            for entry in bank.weakest[:10]
        ]
    else:
        lines.append("  none rated yet: rate your answers 1-5 when you debrief an interview")
    print("\n".join(lines))
    return 0


def _lazy(module: str, name: str) -> Callable[[Recorder, argparse.Namespace], int]:
    """A handler from `tui.<module>`, imported only when its command runs."""

    def handler(recorder: Recorder, options: argparse.Namespace) -> int:
        command: Callable[[Recorder, argparse.Namespace], int] = getattr(
            importlib.import_module(f"tui.{module}"), name
        )
        return command(recorder, options)

    return handler


def _check(recorder: Recorder, options: argparse.Namespace) -> int:
    del options
    path = recorder.store.path
    if not path.exists():
        print(f"{path}: no database yet; it is created the first time you add or log something")
        return 0
    from tui.exchange.json_format import records_by_table

    search = recorder.store.check()
    counts = ", ".join(
        count(len(records), record_noun(table)) for table, records in records_by_table(search).items()
    )
    print(f"{path}: sound — {counts}")
    backups = all_backups(path)
    if backups:
        newest = f"the newest of {backups[0].day:%a %d %b %Y}"
        print(f"Backups: {count(len(backups), 'copy', 'copies')}, {newest} ('nextyes backup list' shows them)")
    else:
        print("Backups: none yet; the first is kept when you change it on a later day")
    return 0


SETTING_OPTIONS = (
    "daily_target",
    "rollover_hour",
    "rest_days_per_week",
    "recovery_days",
    "weekly_applications",
    "weekly_networking",
    "weekly_learning",
    "follow_up_days",
    "max_follow_ups",
    "ghosted_after_days",
    "thank_you_days",
    "prep_days",
    "feedback_days",
    "reconnects_per_day",
    "ghosted_per_day",
    "bridge_days",
    "reapply_months",
    "your_name",
    "timezone",
)


def _settings(recorder: Recorder, options: argparse.Namespace) -> int:
    changes = {name: getattr(options, name) for name in SETTING_OPTIONS if getattr(options, name) is not None}
    if changes.get("timezone") and not is_zone(changes["timezone"]):
        raise BadInput(f"unknown time zone {changes['timezone']!r}; use an IANA name such as Europe/Berlin")
    current = recorder.store.load().settings
    if options.points:
        points = _assigned("--points", options.points, ActivityKind, float, "the worth must be a number such as 1 or 0.5")
        changes["points"] = {**current.points, **points}
    if options.reconnect_days:
        days = _assigned("--reconnect-days", options.reconnect_days, Tier, int, "the days must be a whole number such as 30")
        changes["reconnect_days"] = {**current.reconnect_days, **days}
    settings = recorder.update_settings(**changes) if changes else current
    zone = settings.timezone or f"{zone_named('').key} (the system's)"
    worth = ", ".join(f"{kind.value} {format_points(value)}" for kind, value in settings.points.items())
    reconnect = ", ".join(f"{tier.value} {_days(days)}" for tier, days in settings.reconnect_days.items())
    name = settings.your_name or "not set: drafts are signed [your name]"
    print(
        f"daily target:       {points_word(settings.daily_target)}\n"
        f"points:             {worth}\n"
        f"rollover hour:      {settings.rollover_hour:02d}:00\n"
        f"rest days per week: {settings.rest_days_per_week}\n"
        f"recovery days:      {settings.recovery_days}\n"
        f"weekly goal:        {settings.weekly_applications} applications, "
        f"{settings.weekly_networking} networking, {settings.weekly_learning} learning\n"
        f"follow-up days:     {settings.follow_up_days}\n"
        f"max follow-ups:     {settings.max_follow_ups}\n"
        f"ghosted after:      {_days(settings.ghosted_after_days)} without a reply, "
        f"at most {settings.ghosted_per_day} offered a day\n"
        f"thank-you days:     {settings.thank_you_days}\n"
        f"prep days:          {settings.prep_days}\n"
        f"feedback days:      {settings.feedback_days}\n"
        f"reconnect every:    {reconnect}, at most {settings.reconnects_per_day} a day\n"
        f"bridge days:        {settings.bridge_days}\n"
        f"reapply months:     {settings.reapply_months}\n"
        f"your name:          {name}\n"
        f"time zone:          {zone}"
    )
    return 0


Key = TypeVar("Key", ActivityKind, Tier)
Value = TypeVar("Value", float, int)


def _assigned(
    option: str, assignments: list[str], keys: type[Key], read: Callable[[str], Value], worth: str
) -> dict[Key, Value]:
    """`learn=1 prep=0.5` (or `A=30`) to a mapping, or one line saying which part cannot be read."""
    names = {key.value: key for key in keys}
    noun = "tier" if keys is Tier else "kind"
    assigned = {}
    for assignment in assignments:
        name, _, value = assignment.partition("=")
        key = names.get(name.strip()) or names.get(name.strip().upper())
        if key is None:
            raise BadInput(f"{option} {assignment!r}: the {noun} must be one of {', '.join(names)}")
        try:
            assigned[key] = read(value)
        except ValueError:
            raise BadInput(f"{option} {assignment!r}: {worth}") from None
    return assigned


def _dashboard(recorder: Recorder, as_of: str | None) -> tuple[JobSearch, Dashboard]:
    """The search as it stood on the day (today unless `as_of`), and that day's dashboard."""
    from tui.content import reflection_prompts

    search = recorder.store.load()
    today = recorder.today(search)
    day = _day(as_of, today, past_only=False) if as_of else today
    then = search.as_of(day)
    return then, build_dashboard(then, day, reflection_prompts(), recorder.zone(search.settings).key)


def _status_document(search: JobSearch, dashboard: Dashboard) -> dict[str, object]:
    history = dashboard.history
    milestones = [reward for reward in dashboard.rewards if reward.key.startswith("streak-")]
    return {
        "as_of": dashboard.today.isoformat(),
        "current_streak": history.current,
        "longest_streak": history.longest,
        "momentum": round(history.momentum, 6),
        "day_state": history.today_state.value,
        "points_today": history.points_today,
        "done_today": dashboard.activities_today,
        "daily_target": history.target,
        "freezes_held": history.freezes_held,
        "rest_days_left_this_week": dashboard.rest_days_left,
        "weekly": {
            "week_of": dashboard.weekly.week_of.isoformat(),
            "met": dashboard.weekly.met,
            **{goal.name: {"done": goal.done, "goal": goal.goal} for goal in dashboard.weekly.goals},
        },
        "milestones": [
            {"days": int(reward.key.removeprefix("streak-")), "earned_on": reward.earned_on.isoformat()}
            for reward in milestones
        ],
        "next_milestone": next_milestone(history.longest),
        "rewards": [
            {"key": reward.key, "title": reward.title, "earned_on": reward.earned_on.isoformat()}
            for reward in dashboard.rewards
        ],
        "wins": len(search.wins),
        "pending_applications": len(dashboard.pending),
        "actions_due": len(dashboard.actions_due),
        "applications": [
            {
                "id": row.application.short_id,
                "company": row.application.company,
                "role": row.application.role,
                "stage": row.application.stage.value,
                "days_since_touch": row.days_since_touch,
                "next_step": row.next_step,
            }
            for row in dashboard.pending
        ],
        "actions": [
            {"title": action.title, "why": action.why, "kind": action.kind.value}
            for action in dashboard.actions_due
        ],
    }


def _day(text: str | None, today: date, *, past_only: bool) -> date:
    if text is None:
        return today
    try:
        day = parse_day(text, today)
    except DateParseError as problem:
        raise BadInput(str(problem)) from None
    if past_only and day > today:
        raise BadInput(f"{text!r} is in the future ({day}); use today or an earlier day")
    return day


def _find_application(search: JobSearch, reference: str) -> Application:
    return _only_match(
        search.find_application(reference),
        reference,
        "application",
        "a short id from 'nextyes status' or part of a company name",
        lambda application: application.company,
    )


def _find_contact(search: JobSearch, reference: str) -> Contact:
    return _only_match(
        search.find_contact(reference),
        reference,
        "contact",
        "a short id from 'nextyes contact list' or part of a name",
        lambda contact: contact.name,
    )


def _only_match(
    matches: list[Found], reference: str, noun: str, accepted: str, name: Callable[[Found], str]
) -> Found:
    """The one record a reference names, or one line saying there is none, or more than one."""
    if not matches:
        raise BadInput(f"no {noun} matches {reference!r}; use {accepted}")
    if len(matches) > 1:
        names = ", ".join(f"{record.short_id} {name(record)}" for record in matches[:5])
        raise BadInput(f"{reference!r} matches more than one {noun} ({names}); use its short id")
    return matches[0]


def _whole(low: int, high: int) -> Callable[[str], int]:
    """An argparse type: a whole number from `low` to `high`, or a message saying so."""

    def read(text: str) -> int:
        if not re.fullmatch(r"\s*\d{1,6}\s*", text) or not low <= int(text) <= high:
            raise argparse.ArgumentTypeError(f"{text!r} is not a whole number from {low} to {high}")
        return int(text)

    return read


def _clock_time(text: str) -> time:
    """An argparse type: 'HH:MM' on a 24-hour clock."""
    match = re.fullmatch(r"\s*(\d{1,2}):(\d{2})\s*", text)
    if match is None or int(match.group(1)) > 23 or int(match.group(2)) > 59:
        raise argparse.ArgumentTypeError(f"cannot read the time {text!r}; use HH:MM on a 24-hour clock, such as 14:30")
    return time(int(match.group(1)), int(match.group(2)))


def _describe_validation(error: ValidationError) -> str:
    first = error.errors()[0]
    field = ".".join(str(part) for part in first["loc"]) or "input"
    return f"{field}: {first['msg'].lower()}"


def _refuse_undecodable(arguments: list[str]) -> None:
    for argument in arguments:
        try:
            argument.encode("utf-8")
        except UnicodeEncodeError:
            raise BadInput("an argument is not valid UTF-8 text; check your terminal's encoding") from None


LEGEND = "  ".join(f"{state.glyph} {state.value}" for state in DayState)


def calendar_strip(history: StreakHistory, days: int) -> str:
    """The last `days` days as glyphs, oldest first; a blank for days before the first activity."""
    first = history.today.toordinal() - days + 1
    cells = []
    for ordinal in range(first, history.today.toordinal() + 1):
        tracked = history.on(date.fromordinal(ordinal))
        cells.append(tracked.state.glyph if tracked else " ")
    return "".join(cells)


def _streak_sentence(history: StreakHistory) -> str:
    if history.current == 0 and history.done_today is False:
        return "A fresh start: log something today to begin a streak."
    if history.current == 0:
        return "A fresh start: keep going to begin a streak."
    return f"Streak: {_days(history.current)}."


def _days(number: int) -> str:
    return count(number, "day")
