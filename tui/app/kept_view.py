"""The dashboard as the app last worked it out, kept so that the next start draws it before reading a record.

Reading five years of records and working the day out takes most of a second, and the imports it needs (the
models, pydantic, the store) a quarter more; the dashboard they give stays the same until the records change or
the clock passes something the day holds. So each read's dashboard is kept in the user's cache folder (never
beside the database: a synced folder must not carry one machine's cache to another) with what it was worked out
from: the database file's and its journal's identities (inode, size, time: any change replaces or grows one of
them), TZ, this nextyes's version, and the span it holds for: from the instant it was worked out until the
logical day ends or today's actions next change by the clock alone (`tui.core.dashboard.holds_until`).

While all of that holds, the app draws it in its first frame, with nothing loaded but Textual and the plain
values of `tui.core.day_view`, and reads the records in a worker as always; the panels then show what the read
gives. A view that does not hold (or a cache file that does not decode into one) is not drawn: the dashboard
opens empty and fills once the read is done, as without it. It is a cache: removing it changes no answer.
"""

from __future__ import annotations

import hashlib
import os
from datetime import datetime
from pathlib import Path

import msgspec

from tui import __version__
from tui.core.day_view import Dashboard
from tui.core.streaks import StreakHistory
from tui.locations import cache_folder, keep_cache_file
from tui.store.conflict_names import find_conflict_copies
from tui.store.files import identity
from tui.store.paths import database_file, journal_file

VIEW_VERSION = 1


class KeptView(msgspec.Struct, frozen=True):
    """A dashboard and what it holds for: `source` (see `view_source`) from `made` until `until` (POSIX times)."""

    source: str
    made: float
    until: float
    dashboard: Dashboard


def view_source(path: Path) -> str | None:
    """What a dashboard of the database at `path` is worked out from, in one string; None when there is no file
    to read, or a sync tool's conflict copy waits beside it (the read merges it first, changing the file)."""
    real = database_file(path)
    file = identity(real)
    if file is None or find_conflict_copies(real):
        return None
    parts = [VIEW_VERSION, __version__, str(real), file, identity(journal_file(real)), os.environ.get("TZ", "")]
    return msgspec.json.encode(parts).decode()


def kept_dashboard(path: Path, now: datetime) -> Dashboard | None:
    """The dashboard kept for the database at `path`, when it was worked out from what is there now and still
    holds at `now`; None otherwise."""
    source = view_source(path)
    if source is None:
        return None
    try:
        kept = msgspec.json.decode(_file(path).read_bytes(), type=KeptView)
    except (OSError, msgspec.DecodeError):  # none yet, unreadable, or not a view this version wrote
        return None
    holds = kept.source == source and kept.made <= now.timestamp() < kept.until
    return kept.dashboard if holds else None


def kept_streak(path: Path, now: datetime) -> StreakHistory | None:
    """The streak as the brief of the database at `path` has it (tui/store/brief.py: what `nextyes log` and the
    app's reads keep, tied to the file's and journal's identities), judged for the day being lived at `now`;
    None when no brief holds, a conflict copy waits, or the time zone needs a word said about it. A brief
    holds across days, so this is the header of a day's first start, before the read gives the rest."""
    from tui.clock import choose_zone
    from tui.core.days import logical_day
    from tui.core.streaks import judge
    from tui.store.brief import read_brief

    brief = read_brief(path)
    if brief is None or find_conflict_copies(database_file(path)):
        return None
    zone = choose_zone(brief.settings.timezone)
    if zone.notes:
        return None
    today = logical_day(now, zone.zone, brief.settings.rollover_hour)
    return judge(brief.tally, brief.settings, today, zone.zone.key)


def keep_dashboard(path: Path, source: str, dashboard: Dashboard, made: datetime, until: datetime) -> None:
    """Keep `dashboard`, worked out at `made` from `source`, until `until`: written atomically, or not at all
    when the files changed meanwhile or the cache folder cannot be written."""
    if view_source(path) == source:
        kept = KeptView(source, made.timestamp(), until.timestamp(), dashboard)
        keep_cache_file(_file(path), msgspec.json.encode(kept))


def _file(path: Path) -> Path:
    real = os.fsencode(database_file(path))
    return cache_folder() / "views" / f"{hashlib.sha256(real).hexdigest()[:24]}.json"
