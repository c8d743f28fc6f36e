"""`nextyes prompt`: one short line for a shell prompt or a tmux status line (streak, today, actions due).

A prompt runs at every Enter, so the line is worked out once and kept as a small summary in the user's cache
folder (never beside the database: a synced folder must not carry one machine's cache to another). The
summary names what it was computed from, the database file and its journal as they were (inode, size, time),
the time zone the day was judged in, and the instant it stops being true (the end of the logical day, or
the next interview's hour, when today's actions change by the clock alone). While all of that holds the
command reads only the summary: no pydantic, no models, no store. Otherwise it reads the records as every
command does and keeps a new summary. It is a cache: removing it changes no answer.
"""

from __future__ import annotations

import hashlib
import json
import os
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import argparse
    from collections.abc import Sequence

    from tui.cli.common import Commands, Parser
    from tui.clock import Clock

# Beside the database file `<name>`: its journal. The store names it so too (tui/store/paths.py); reading that
# module here would load the store, which this command exists to avoid (a test keeps the two the same).
JOURNAL_SUFFIX = ".journal"
SUMMARY_VERSION = 1
DEFAULT_FORMAT = "streak {streak} · today {today} · {due} due"
FIELDS = {
    "streak": "the current streak in days",
    "longest": "the longest streak in days",
    "points": "today's points so far",
    "target": "the daily target",
    "today": "'done', or the points of the target ('0.5/1'), or 'rest'/'recovery' on such a day",
    "due": "how many of today's actions are still open",
    "freezes": "freezes held",
}


def register(commands: Commands) -> None:
    commands.add_standalone(
        "prompt",
        _prompt,
        "one short line for a shell prompt or tmux: streak, today, actions due",
        arguments=_prompt_arguments,
    )


def quick(arguments: Sequence[str], clock: Clock | None) -> int | None:
    """`nextyes prompt [--db PATH] [--format TEXT]` answered before the command line is even built (it loads
    every command's module); None for anything else (help, a mistake), which the whole command line answers."""
    options: dict[str, str] = {}
    rest = list(arguments)
    while rest:
        word = rest.pop(0)
        if word == "prompt" and "prompt" not in options:
            options["prompt"] = word
            continue
        name, _, value = word.partition("=")
        if name not in ("--db", "--format") or name in options:
            return None
        if not value:
            if not rest:
                return None
            value = rest.pop(0)
        options[name] = value
    line_format = options.get("--format", DEFAULT_FORMAT)
    if "prompt" not in options or _format_problem(line_format) is not None:
        return None
    return _print_line(options.get("--db"), line_format, clock)


def _prompt_arguments(prompt: Parser) -> None:
    names = ", ".join(f"{{{name}}} {meaning}" for name, meaning in FIELDS.items())
    prompt.add_argument("--format", dest="line_format", metavar="TEXT", default=DEFAULT_FORMAT, help=names)


def _prompt(options: argparse.Namespace) -> int:
    from tui.cli.common import BadInput

    problem = _format_problem(options.line_format)
    if problem is not None:
        raise BadInput(problem)
    return _print_line(getattr(options, "db", None), options.line_format, options.clock)


def _print_line(db: str | None, line_format: str, clock: Clock | None) -> int:
    from tui.locations import db_path

    path = db_path(db)
    now = clock() if clock is not None else datetime.now(UTC)
    fields = summary_fields(path, now, clock)
    print(line_format.format_map(fields) if fields is not None else "")
    return 0


def summary_fields(path: Path, now: datetime, clock: Clock | None) -> dict[str, object] | None:
    """The prompt's figures for the database at `path` as of `now`: from the kept summary while it holds,
    otherwise from the records (kept for next time). None when there is no database yet."""
    source = _source(path)
    if source is None:
        return None
    cache = summary_file(path)
    kept = _read(cache)
    until = kept.get("until") if kept is not None else None
    if kept is not None and kept.get("source") == source and isinstance(until, float) and now.timestamp() < until:
        fields = kept.get("fields")
        if isinstance(fields, dict):
            return fields
    fields, until = _computed(path, now, clock)
    _keep(cache, {"version": SUMMARY_VERSION, "source": source, "until": until, "fields": fields})
    return fields


def summary_file(path: Path) -> Path:
    """The summary of the database at `path`, in the user's cache folder, named after the file it describes."""
    from platformdirs import user_cache_path

    real = os.path.realpath(path)
    name = hashlib.sha256(os.fsencode(real)).hexdigest()[:24]
    return user_cache_path("nextyes", appauthor=False) / "summaries" / f"{name}.json"


def _source(path: Path) -> list[object] | None:
    """What the summary must have been computed from: the file's and the journal's identity, and TZ."""
    real = os.path.realpath(path)
    file = _identity(real)
    if file is None:
        return None
    return [SUMMARY_VERSION, real, file, _identity(real + JOURNAL_SUFFIX), os.environ.get("TZ", "")]


def _identity(path: str) -> list[int] | None:
    try:
        status = os.stat(path)
    except OSError:
        return None
    return [status.st_ino, status.st_size, status.st_mtime_ns]


def _read(cache: Path) -> dict[str, object] | None:
    try:
        kept = json.loads(cache.read_bytes())
    except (OSError, ValueError):
        return None
    return kept if isinstance(kept, dict) and kept.get("version") == SUMMARY_VERSION else None


def _keep(cache: Path, summary: dict[str, object]) -> None:
    """Write the summary atomically; a cache folder that cannot be written only costs the next prompt time."""
    try:
        cache.parent.mkdir(parents=True, exist_ok=True)
        temporary = cache.with_name(f".{cache.name}.{os.getpid()}.tmp")
        temporary.write_text(json.dumps(summary), encoding="utf-8")
        os.replace(temporary, cache)
    except OSError:
        pass


def _computed(path: Path, now: datetime, clock: Clock | None) -> tuple[dict[str, object], float]:
    """The figures from the records, as `nextyes status` works them out, and the instant they stop holding."""
    from datetime import time, timedelta

    from tui.clock import system_clock, zone_named
    from tui.content import reflection_prompts
    from tui.core.dashboard import build_dashboard
    from tui.core.local_times import local_instant
    from tui.core.streaks import DayState, format_points
    from tui.recording import Recorder
    from tui.store import Store

    recorder = Recorder(Store(path, clock or system_clock(zone_named(""))), clock or system_clock(zone_named("")))
    search = recorder.store.load()
    zone = recorder.zone(search.settings)
    today = recorder.today(search)
    dashboard = build_dashboard(search, today, reflection_prompts(), zone.key, now)
    history = dashboard.history
    if history.done_today:
        state = "done"
    elif history.today_state in (DayState.REST, DayState.RECOVERY):
        state = history.today_state.value
    else:
        state = f"{format_points(history.points_today)}/{format_points(history.target)}"
    fields: dict[str, object] = {
        "streak": history.current,
        "longest": history.longest,
        "points": format_points(history.points_today),
        "target": format_points(history.target),
        "today": state,
        "due": len(dashboard.actions_due),
        "freezes": history.freezes_held,
    }
    day_ends = local_instant(today + timedelta(days=1), time(search.settings.rollover_hour), zone)
    ends = [day_ends, *([dashboard.changes_at] if dashboard.changes_at is not None else [])]
    return fields, min(moment.timestamp() for moment in ends)


def _format_problem(line_format: str) -> str | None:
    """What is wrong with `line_format` and what is accepted, or None when it is a sound template."""
    import string

    try:
        names = [name for _, name, _, _ in string.Formatter().parse(line_format) if name is not None]
    except ValueError as error:
        return f"--format is not a valid template ({error}); write fields as {{streak}}"
    unknown = [name for name in names if name not in FIELDS]
    if unknown:
        accepted = ", ".join(f"{{{name}}}" for name in FIELDS)
        return f"--format names {{{unknown[0]}}}, which is not a field; accepted: {accepted}"
    return None
