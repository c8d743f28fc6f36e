"""The day's summary, kept in the user's cache folder: what `nextyes prompt` and `nextyes remind` answer from.

A prompt runs at every Enter and a reminder every few minutes from cron, so what they say is worked out once
and kept as a small summary (never beside the database: a synced folder must not carry one machine's cache
to another). The summary names what it was computed from, the database file and its journal as they were
(inode, size, time), the time zone the day was judged in, and the instant it stops being true (the end of
the logical day, or the next interview's hour, when today's actions change by the clock alone). While all
of that holds a command reads only the summary: no pydantic, no models, no store. Otherwise it reads the
records as every command does and keeps a new summary. It is a cache: removing it changes no answer.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import TYPE_CHECKING, TypedDict, TypeGuard

from tui.locations import cache_file, keep_cache_file
from tui.locations import cache_folder as cache_folder

if TYPE_CHECKING:
    from collections.abc import Collection, Sequence
    from datetime import datetime

    from tui.clock import Clock

# Beside the database file `<name>`: its journal. The store names it so too (tui/store/paths.py); reading that
# module here would load the store, which these commands exist to avoid (a test keeps the two the same).
JOURNAL_SUFFIX = ".journal"
SUMMARY_VERSION = 2


class KeptNudge(TypedDict):
    """A nudge as the summary keeps it (tui/core/nudges.py): enough to say it without the records."""

    key: str
    kind: str
    text: str
    heading: str
    application: str | None
    starts: float | None  # a POSIX timestamp: not said before it


class Summary(TypedDict):
    fields: dict[str, object]  # the prompt's figures (tui/cli/prompt.py)
    nudges: list[KeptNudge]  # everything `remind` may say today, said or not yet


def current_summary(path: Path, now: datetime, clock: Clock | None) -> Summary | None:
    """The summary of the database at `path` as of `now`: the kept one while it holds, otherwise worked out
    from the records (and kept for next time). None when there is no database yet."""
    source = _source(path)
    if source is None:
        return None
    cache = summary_file(path)
    kept = read_json(cache)
    if kept is not None and kept.get("version") == SUMMARY_VERSION and kept.get("source") == source:
        until = kept.get("until")
        summary = kept.get("summary")
        if isinstance(until, float) and now.timestamp() < until and _is_summary(summary):
            return summary
    summary, until = _computed(path, now, clock)
    keep_json(cache, {"version": SUMMARY_VERSION, "source": source, "until": until, "summary": summary})
    return summary


def quick_options(
    arguments: Sequence[str], command: str, valued: Collection[str], flags: Collection[str] = ()
) -> dict[str, str] | None:
    """`arguments` read as `command` with options `valued` (`--db PATH`, `--db=PATH`) and `flags`, each once at
    most, before the whole command line is built; None for anything else (help, a mistake, another command),
    which the whole command line answers. A flag given maps to ''."""
    options: dict[str, str] = {}
    rest = list(arguments)
    while rest:
        word = rest.pop(0)
        name, equals, value = word.partition("=")
        if name in options or not (word == command or name in valued or (word in flags)):
            return None
        if word == command or word in flags:
            options[word] = ""
            continue
        if not equals:
            if not rest:
                return None
            value = rest.pop(0)
        if not value:
            return None
        options[name] = value
    return options if command in options else None


def summary_file(path: Path) -> Path:
    """The summary of the database at `path`, in the user's cache folder, named after the file it describes."""
    return cache_file("summaries", os.path.realpath(path))


def read_json(file: Path) -> dict[str, object] | None:
    """The JSON object kept in `file`; None when it is missing, unreadable or not an object."""
    try:
        kept = json.loads(file.read_bytes())
    except (OSError, ValueError):
        return None
    return kept if isinstance(kept, dict) else None


def keep_json(file: Path, kept: object) -> None:
    """Write `kept` as JSON atomically; a cache folder that cannot be written only costs the next run some time."""
    keep_cache_file(file, json.dumps(kept).encode("utf-8"))


def _source(path: Path) -> list[object] | None:
    """What the summary must have been computed from: the file's and the journal's identity, and TZ."""
    real = os.path.realpath(path)
    file = identity(real)
    if file is None:
        return None
    return [SUMMARY_VERSION, real, file, identity(real + JOURNAL_SUFFIX), os.environ.get("TZ", "")]


def identity(path: str) -> list[int] | None:
    """A file's inode, size and time, as JSON keeps them; None when there is no such file."""
    try:
        status = os.stat(path)
    except OSError:
        return None
    return [status.st_ino, status.st_size, status.st_mtime_ns]


def _is_summary(summary: object) -> TypeGuard[Summary]:
    """A kept summary of the right shape: a cache file edited or cut short is worked out again, never trusted."""
    if not isinstance(summary, dict) or not isinstance(summary.get("fields"), dict):
        return False
    nudges = summary.get("nudges")
    return isinstance(nudges, list) and all(_is_nudge(nudge) for nudge in nudges)


def _is_nudge(nudge: object) -> bool:
    if not isinstance(nudge, dict) or set(nudge) != set(KeptNudge.__annotations__):
        return False
    words = all(isinstance(nudge[name], str) for name in ("key", "kind", "text", "heading"))
    application, starts = nudge["application"], nudge["starts"]
    return words and isinstance(application, str | None) and (starts is None or isinstance(starts, float))


def _computed(path: Path, now: datetime, clock: Clock | None) -> tuple[Summary, float]:
    """The summary from the records, as `nextyes status` works the day out, and the instant it stops holding."""
    from datetime import time, timedelta

    from tui.clock import system_clock, zone_named
    from tui.content import reflection_prompts
    from tui.core.dashboard import build_dashboard
    from tui.core.local_times import local_instant
    from tui.core.nudges import nudges
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
    kept_nudges: list[KeptNudge] = [
        {
            "key": nudge.key,
            "kind": nudge.kind,
            "text": nudge.text,
            "heading": nudge.heading,
            "application": nudge.application_id,
            "starts": nudge.starts.timestamp() if nudge.starts is not None else None,
        }
        for nudge in nudges(search, dashboard, now, day_ends)
    ]
    ends = [day_ends, *([dashboard.changes_at] if dashboard.changes_at is not None else [])]
    return {"fields": fields, "nudges": kept_nudges}, min(moment.timestamp() for moment in ends)
