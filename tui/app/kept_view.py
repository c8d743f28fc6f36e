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

import os
from datetime import datetime
from pathlib import Path
from typing import NamedTuple

import msgspec

from tui import __version__
from tui.core.day_view import Dashboard
from tui.core.streaks import StreakHistory
from tui.locations import cache_file, keep_cache_file
from tui.store.conflict_names import find_conflict_copies
from tui.store.files import Source, source_of
from tui.store.paths import database_file

VIEW_VERSION = 1


class KeptView(msgspec.Struct, frozen=True):
    """A dashboard and what it holds for: `source` (`view_source`) from `made` until `until` (POSIX times)."""

    source: str
    made: float
    until: float
    dashboard: Dashboard


class KeptStart(NamedTuple):
    """What the first frame may show before a record is read: the kept dashboard while it holds; else the streak
    from the search's brief (the header); else nothing."""

    dashboard: Dashboard | None
    streak: StreakHistory | None


def kept_for_start(path: Path, now: datetime) -> KeptStart:
    """What was kept of the database at `path` that holds at `now`. Nothing while a sync tool's conflict copy
    waits beside the file: the read merges it first, changing what the search is."""
    real = database_file(path)
    if find_conflict_copies(real):
        return KeptStart(None, None)
    identities = source_of(real)
    if identities[0] is None:
        return KeptStart(None, None)
    dashboard = _kept_dashboard(real, view_source(real, identities), now)
    return KeptStart(dashboard, None if dashboard is not None else _kept_streak(real, now))


def view_source(path: Path, identities: Source) -> str:
    """What a dashboard of the database at `path` is worked out from, in one string: the file's and journal's
    `identities` (`source_of`, taken before it is read), TZ and this version."""
    parts = [VIEW_VERSION, __version__, str(database_file(path)), *identities, os.environ.get("TZ", "")]
    return msgspec.json.encode(parts).decode()


def _kept_dashboard(real: Path, source: str, now: datetime) -> Dashboard | None:
    try:
        kept = msgspec.json.decode(_file(real).read_bytes(), type=KeptView)
    except (OSError, msgspec.DecodeError):  # none yet, unreadable, or not a view this version wrote
        return None
    holds = kept.source == source and kept.made <= now.timestamp() < kept.until
    return kept.dashboard if holds else None


def _kept_streak(real: Path, now: datetime) -> StreakHistory | None:
    """The streak as the search's brief has it (tui/store/brief.py: what `nextyes log` and the app's reads keep,
    tied to the file's and journal's identities), judged for the day being lived at `now`; None when no brief
    holds or the time zone needs a word said about it. A brief holds across days, so this is the header of a
    day's first start, before the read gives the rest."""
    from tui.clock import choose_zone
    from tui.core.days import logical_day
    from tui.core.streaks import judge
    from tui.store.brief import read_brief

    brief = read_brief(real)
    if brief is None:
        return None
    zone = choose_zone(brief.settings.timezone)
    if zone.notes:
        return None
    today = logical_day(now, zone.zone, brief.settings.rollover_hour)
    return judge(brief.tally, brief.settings, today, zone.zone.key)


def keep_dashboard(path: Path, source: str, dashboard: Dashboard, made: datetime, until: datetime) -> None:
    """Keep `dashboard`, worked out at `made` from `source`, until `until`: written atomically, or not at all
    when the files changed meanwhile or the cache folder cannot be written."""
    if view_source(path, source_of(path)) == source:
        kept = KeptView(source, made.timestamp(), until.timestamp(), dashboard)
        keep_cache_file(_file(path), msgspec.json.encode(kept))


def _file(path: Path) -> Path:
    return cache_file("views", str(database_file(path)))
