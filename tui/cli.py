"""The `nextyes` command: quick logging from the shell, and the door to the app.

Everything here runs without importing Textual; only opening the app loads it.
"""

from __future__ import annotations

import argparse
import dataclasses
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
from tui.core.rewards import Reward, next_milestone
from tui.core.search import JobSearch
from tui.core.streaks import (
    DayState,
    StreakHistory,
    describe_today,
    format_points,
    points_word,
    rest_days_left,
    track,
)
from tui.locations import db_path
from tui.recording import Recorder, RestRefused
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

    rest = commands.add_parser("rest", parents=[common], help="plan a rest day: it keeps your streak alive")
    rest.add_argument("--on", metavar="DATE", help="the day to rest (default today; 'tomorrow', 'next friday'…)")
    rest.add_argument("--note", default="", help="why, if you like")
    rest.add_argument("--cancel", action="store_true", help="make a planned rest day an ordinary day again")

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
    recorder = Recorder(store, store.now, celebrate=_announce)
    handler = {
        "add": _add,
        "log": _log,
        "rest": _rest,
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
    # The search read before the write, plus this activity: no second read of the whole file.
    after = dataclasses.replace(search, activities=(*search.activities, activity))
    history = track(after, today, recorder.zone(search.settings).key)
    about = f" for {application.company}" if application else ""
    print(f"Logged {activity.kind.value}{about} on {activity.logical_day}. {_streak_sentence(history)}")
    return 0


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
    dashboard = _dashboard(recorder, options.as_of)
    if options.json:
        print(json.dumps(_status_document(dashboard), ensure_ascii=False, indent=2))
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
            (search.rest_days, "rest day"),
        ]
    )
    print(f"{path}: sound — {counts}")
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
    "timezone",
)


def _settings(recorder: Recorder, options: argparse.Namespace) -> int:
    changes = {name: getattr(options, name) for name in SETTING_OPTIONS if getattr(options, name) is not None}
    if changes.get("timezone") and not is_zone(changes["timezone"]):
        raise BadInput(f"unknown time zone {changes['timezone']!r}; use an IANA name such as Europe/Berlin")
    current = recorder.store.load().settings
    if options.points:
        changes["points"] = {**current.points, **_points(options.points)}
    settings = recorder.update_settings(**changes) if changes else current
    zone = settings.timezone or f"{zone_named('').key} (the system's)"
    worth = ", ".join(f"{kind.value} {format_points(value)}" for kind, value in settings.points.items())
    print(
        f"daily target:       {points_word(settings.daily_target)}\n"
        f"points:             {worth}\n"
        f"rollover hour:      {settings.rollover_hour:02d}:00\n"
        f"rest days per week: {settings.rest_days_per_week}\n"
        f"recovery days:      {settings.recovery_days}\n"
        f"weekly goal:        {settings.weekly_applications} applications, "
        f"{settings.weekly_networking} networking, {settings.weekly_learning} learning\n"
        f"follow-up days:     {settings.follow_up_days}\n"
        f"time zone:          {zone}"
    )
    return 0


def _points(assignments: list[str]) -> dict[ActivityKind, float]:
    """`learn=1 prep=0.5` to a mapping, or one line saying which part cannot be read."""
    points = {}
    for assignment in assignments:
        kind, _, value = assignment.partition("=")
        if kind.strip() not in ACTIVITY_KINDS:
            raise BadInput(f"--points {assignment!r}: the kind must be one of {', '.join(ACTIVITY_KINDS)}")
        try:
            points[ActivityKind(kind.strip())] = float(value)
        except ValueError:
            raise BadInput(f"--points {assignment!r}: the worth must be a number such as 1 or 0.5") from None
    return points


def _dashboard(recorder: Recorder, as_of: str | None) -> Dashboard:
    from tui.content import reflection_prompts

    search = recorder.store.load()
    today = recorder.today(search)
    day = _day(as_of, today, past_only=False) if as_of else today
    return build_dashboard(search.as_of(day), day, reflection_prompts(), recorder.zone(search.settings).key)


def _status_document(dashboard: Dashboard) -> dict[str, object]:
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


def _days(count: int) -> str:
    return _count(count, "day")


def _count(count: int, noun: str) -> str:
    if count == 1:
        return f"1 {noun}"
    plural = noun[:-1] + "ies" if noun.endswith("ty") else noun + "s"
    return f"{count} {plural}"
