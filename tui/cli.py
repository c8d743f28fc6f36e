"""The `nextyes` command: quick logging from the shell, and the door to the app.

Everything here runs without importing Textual; only opening the app loads it.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import NoReturn

from pydantic import ValidationError

from tui import __version__
from tui.clock import Clock, is_zone, system_clock, zone_named
from tui.core.dashboard import Dashboard, build_dashboard
from tui.core.days import DateParseError, parse_day
from tui.core.models import ActivityKind, Application, ApplicationKind
from tui.core.search import JobSearch
from tui.core.streaks import summarize
from tui.locations import db_path
from tui.recording import Recorder
from tui.store import Store, StoreError

EXIT_BAD_INPUT = 2
EXIT_DATABASE = 3

ACTIVITY_KINDS = [kind.value for kind in ActivityKind]
APPLICATION_KINDS = [kind.value for kind in ApplicationKind]


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

    log = commands.add_parser("log", parents=[common], help="log something you did today")
    log.add_argument("kind", metavar="KIND", choices=ACTIVITY_KINDS,
                     help=f"one of {', '.join(ACTIVITY_KINDS)}")
    log.add_argument("note", metavar="NOTE", nargs="*", help="what you did, in a few words")
    log.add_argument("--on", metavar="DATE", help="the day it counts for (default today)")
    log.add_argument("--app", metavar="ID", help="the application it was for: short id or company name")

    status = commands.add_parser("status", parents=[common], help="streak, momentum and what's waiting")
    status.add_argument("--json", action="store_true", help="print JSON instead of text")
    status.add_argument("--as-of", metavar="DATE", help="report as of an earlier day")

    today = commands.add_parser("today", parents=[common], help="today's actions, one a line")
    today.add_argument("--as-of", metavar="DATE", help="the actions of an earlier day")

    export = commands.add_parser("export", parents=[common], help="write every record to a file")
    export.add_argument("--format", choices=["json"], default="json", help="json (default)")
    export.add_argument("--out", metavar="PATH", help="file to write (default: standard output)")

    commands.add_parser("check", parents=[common], help="verify the database file")

    settings = commands.add_parser("settings", parents=[common], help="show or change your settings")
    settings.add_argument("--daily-target", type=int, metavar="N", help="activities that make a day count (1-20)")
    settings.add_argument("--rollover-hour", type=int, metavar="H",
                          help="hour a new day starts, 0-12 (default 4: 01:30 counts for the day before)")
    settings.add_argument("--follow-up-days", type=int, metavar="D", help="days without a reply before a follow-up (1-90)")
    settings.add_argument("--timezone", metavar="ZONE", help="IANA time zone such as Europe/Berlin ('' for the system's)")
    return parser


def main(argv: Sequence[str] | None = None, now: Clock | None = None) -> int:
    """Run the command in `argv` and return its exit status. `now` replaces the real clock (tests)."""
    arguments = list(sys.argv[1:] if argv is None else argv)
    try:
        options = _parse(arguments)
        _refuse_undecodable(arguments)
        return _run(options, now)
    except BadInput as problem:
        print(f"nextyes: {problem}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except StoreError as problem:
        print(f"nextyes: {problem}", file=sys.stderr)
        return EXIT_DATABASE
    except KeyboardInterrupt:
        return 130


def _parse(arguments: list[str]) -> argparse.Namespace:
    """Parse, letting a log note's words sit before or after the options (`log learn --on friday sql`)."""
    parser = build_parser()
    options, extra = parser.parse_known_args(arguments)
    if extra and options.command == "log" and not any(word.startswith("-") for word in extra):
        options.note = [*options.note, *extra]
    elif extra:
        parser.error(f"unrecognized arguments: {' '.join(extra)}")
    return options


def _run(options: argparse.Namespace, now: Clock | None) -> int:
    path = db_path(getattr(options, "db", None))
    if options.command is None:
        return _open_app(path, demo=options.demo, now=now)
    store = Store(path, now or system_clock(zone_named("")))
    recorder = Recorder(store, store.now)
    handler = {
        "add": _add,
        "log": _log,
        "status": _status,
        "today": _today,
        "export": _export,
        "check": _check,
        "settings": _settings,
    }[options.command]
    try:
        return handler(recorder, options)
    except ValidationError as error:
        raise BadInput(_describe_validation(error)) from None


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
    search = recorder.store.load()
    day = _day(options.on, recorder.today(search), past_only=True)
    application = recorder.add_application(
        options.company,
        options.role,
        kind=ApplicationKind(options.kind),
        source=options.source,
        url=options.url,
        on=day,
        note=options.note,
    )
    print(
        f"Added {application.short_id}: {application.company} — {application.role} "
        f"(applied {application.applied_on})"
    )
    return 0


def _log(recorder: Recorder, options: argparse.Namespace) -> int:
    search = recorder.store.load()
    today = recorder.today(search)
    day = _day(options.on, today, past_only=True)
    application = _find_application(search, options.app) if options.app else None
    activity = recorder.log(
        ActivityKind(options.kind),
        " ".join(options.note),
        on=day,
        application_id=application.id if application else None,
    )
    # The search read before the write, plus this day: no second read of the whole file.
    streak = summarize({*search.activities_by_day, activity.logical_day}, today)
    about = f" for {application.company}" if application else ""
    print(f"Logged {activity.kind.value}{about} on {activity.logical_day}. {_streak_sentence(streak.current)}")
    return 0


def _status(recorder: Recorder, options: argparse.Namespace) -> int:
    dashboard = _dashboard(recorder, options.as_of)
    if options.json:
        print(json.dumps(_status_document(dashboard), ensure_ascii=False, indent=2))
        return 0
    streak = dashboard.streak
    lines = [
        f"As of {dashboard.today:%A %d %B %Y}",
        f"Streak:   {_days(streak.current)} (longest {_days(streak.longest)})",
        f"Momentum: {streak.momentum:.0%}",
        f"Today:    {dashboard.done_today} of {dashboard.daily_target} done",
        f"Pending applications: {len(dashboard.pending)}",
        f"Actions due: {len(dashboard.actions_due)}",
    ]
    lines += [f"  ○ {action.title} — {action.why}" for action in dashboard.actions_due]
    print("\n".join(lines))
    return 0


def _today(recorder: Recorder, options: argparse.Namespace) -> int:
    dashboard = _dashboard(recorder, options.as_of)
    for action in dashboard.actions:
        print(f"{'✓' if action.done else '○'} {action.title} — {action.why}")
    return 0


def _export(recorder: Recorder, options: argparse.Namespace) -> int:
    from tui.exchange.json_format import export_json

    text = export_json(recorder.store.load(), recorder.now())
    if options.out is None:
        sys.stdout.write(text)
        return 0
    from tui.store.files import atomic_write

    target = Path(options.out).expanduser()
    try:
        atomic_write(target, text.encode("utf-8"))
    except OSError as error:
        raise BadInput(f"cannot write {target}: {error.strerror or error}") from None
    print(f"Exported every record to {target}")
    return 0


def _check(recorder: Recorder, options: argparse.Namespace) -> int:
    del options
    path = recorder.store.path
    if not path.exists():
        print(f"{path}: no database yet; it is created the first time you add or log something")
        return 0
    search = recorder.store.check()
    counts = ", ".join(
        _count(len(records), noun)
        for records, noun in [
            (search.applications, "application"),
            (search.activities, "activity"),
            (search.reflections, "reflection"),
        ]
    )
    print(f"{path}: sound — {counts}")
    return 0


SETTING_OPTIONS = ("daily_target", "rollover_hour", "follow_up_days", "timezone")


def _settings(recorder: Recorder, options: argparse.Namespace) -> int:
    changes = {name: getattr(options, name) for name in SETTING_OPTIONS if getattr(options, name) is not None}
    if changes.get("timezone") and not is_zone(changes["timezone"]):
        raise BadInput(f"unknown time zone {changes['timezone']!r}; use an IANA name such as Europe/Berlin")
    settings = recorder.update_settings(**changes) if changes else recorder.store.load().settings
    zone = settings.timezone or f"{zone_named('').key} (the system's)"
    print(
        f"daily target:   {settings.daily_target}\n"
        f"rollover hour:  {settings.rollover_hour:02d}:00\n"
        f"follow-up days: {settings.follow_up_days}\n"
        f"time zone:      {zone}"
    )
    return 0


def _dashboard(recorder: Recorder, as_of: str | None) -> Dashboard:
    from tui.content import reflection_prompts

    search = recorder.store.load()
    today = recorder.today(search)
    day = _day(as_of, today, past_only=False) if as_of else today
    return build_dashboard(search.as_of(day), day, reflection_prompts())


def _status_document(dashboard: Dashboard) -> dict[str, object]:
    streak = dashboard.streak
    return {
        "as_of": dashboard.today.isoformat(),
        "current_streak": streak.current,
        "longest_streak": streak.longest,
        "momentum": round(streak.momentum, 6),
        "done_today": dashboard.done_today,
        "daily_target": dashboard.daily_target,
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
    matches = search.find_application(reference)
    if not matches:
        raise BadInput(f"no application matches {reference!r}; use a short id from 'nextyes status' or part of a company name")
    if len(matches) > 1:
        names = ", ".join(f"{a.short_id} {a.company}" for a in matches[:5])
        raise BadInput(f"{reference!r} matches more than one application ({names}); use its short id")
    return matches[0]


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


def _streak_sentence(current: int) -> str:
    return "A fresh start: log something today to begin a streak." if current == 0 else f"Streak: {_days(current)}."


def _days(count: int) -> str:
    return _count(count, "day")


def _count(count: int, noun: str) -> str:
    if count == 1:
        return f"1 {noun}"
    plural = noun[:-1] + "ies" if noun.endswith("ty") else noun + "s"
    return f"{count} {plural}"
