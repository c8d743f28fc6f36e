"""The brief of a search: what `nextyes log` needs to log without reading the database, and what the app's first
frame needs to show the streak before it has read a record.

It holds the settings the streak is judged by and the records' tally (tui/core/tally.py), tied to the database
file's and its journal's identities, in the user's cache folder (never beside the database: a synced folder must
not carry one machine's cache to another). `nextyes log` keeps it after each change (tui/cli/quick_log.py) and
the app after each read. It is a cache: removing it changes no answer.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tui import __version__
from tui.core.kinds import ACTIVITY_KINDS, ActivityKind
from tui.locations import cache_file, keep_cache_file

if TYPE_CHECKING:
    from tui.core.search import JobSearch
    from tui.core.tally import Tally
    from tui.store.files import Source

BRIEF_VERSION = 1


@dataclass(frozen=True)
class KeptSettings:
    """The settings a `log` needs, as the brief keeps them: the streak's (`Scoring`) and the day's."""

    daily_target: float
    points: Mapping[ActivityKind, float]
    rest_days_per_week: int
    recovery_days: int
    weekly_applications: int
    weekly_networking: int
    weekly_learning: int
    rollover_hour: int
    timezone: str

    def document(self) -> dict[str, Any]:
        return {**self.__dict__, "points": {kind.value: worth for kind, worth in self.points.items()}}

    @classmethod
    def of(cls, settings: Any) -> KeptSettings:
        """From the `Settings` record."""
        return cls(**{name: getattr(settings, name) for name in cls.__dataclass_fields__})

    @classmethod
    def from_document(cls, document: object) -> KeptSettings | None:
        """The settings `document` holds; None when it is not one (a cache is checked, never trusted)."""
        if not isinstance(document, dict) or set(document) != set(cls.__dataclass_fields__):
            return None
        points = document["points"]
        numbers = [document["daily_target"], *(points.values() if isinstance(points, dict) else [None])]
        whole = [
            document[name] for name in cls.__dataclass_fields__ if name not in ("daily_target", "points", "timezone")
        ]
        if not all(isinstance(n, int | float) and not isinstance(n, bool) for n in numbers):
            return None
        if not all(isinstance(n, int) and not isinstance(n, bool) for n in whole):
            return None
        if not isinstance(document["timezone"], str) or set(points) != ACTIVITY_KINDS or document["daily_target"] <= 0:
            return None
        return cls(**{**document, "points": {ActivityKind(kind): float(worth) for kind, worth in points.items()}})


@dataclass(frozen=True)
class Earned:
    """The rewards earned as of one logical day in one zone, by key: what a new activity's are told apart from."""

    today: date
    zone: str
    keys: frozenset[str]


@dataclass(frozen=True)
class Brief:
    """What a `log` knows of the database without reading it, and the identities it holds for."""

    source: Source
    settings: KeptSettings
    tally: Tally
    earned: Earned | None = None


def kept(path: Path, search: JobSearch, source: Source, today: date, zone: str) -> None:
    """Keep the brief of `search`, read from the database at `path` as it was at `source`, with the rewards it
    has earned as of `today` lived in `zone` (remembered with the search: the change judged them already)."""
    from tui.core.rewards import rewards_on
    from tui.core.tally import tally_of

    earned = Earned(today, zone, frozenset(reward.key for reward in rewards_on(search, today, zone)))
    keep_brief(path, Brief(source, KeptSettings.of(search.settings), tally_of(search), earned))


# The brief on disk ---------------------------------------------------------------------------------


def brief_file(path: Path) -> Path:
    """The brief of the database at `path`, in the user's cache folder, named after the file it describes."""
    return cache_file("briefs", os.path.realpath(path))


def read_brief(path: Path) -> Brief | None:
    """The brief kept of the database at `path` while it still holds (the same file and journal, made by this
    version of nextyes); None otherwise."""
    import orjson

    from tui.core.tally import Tally
    from tui.store.files import source_of

    try:
        document = orjson.loads(brief_file(path).read_bytes())
    except (OSError, orjson.JSONDecodeError):
        return None
    if not isinstance(document, dict) or document.get("version") != [BRIEF_VERSION, __version__]:
        return None
    source = source_of(path)
    if document.get("source") != _source_document(path, source):
        return None
    settings = KeptSettings.from_document(document.get("settings"))
    tally = Tally.from_document(document.get("tally"))
    if settings is None or tally is None:
        return None
    return Brief(source, settings, tally, _earned(document.get("earned")))


def keep_brief(path: Path, brief: Brief) -> None:
    """Write the brief atomically; a cache folder that cannot be written only costs the next `log` its time."""
    import orjson

    document = {
        "version": [BRIEF_VERSION, __version__],
        "source": _source_document(path, brief.source),
        "settings": brief.settings.document(),
        "tally": brief.tally.document(),
        "earned": None
        if brief.earned is None
        else [brief.earned.today.isoformat(), brief.earned.zone, sorted(brief.earned.keys)],
    }
    keep_cache_file(brief_file(path), orjson.dumps(document))  # orjson: a brief of five years is 360 KB


def _source_document(path: Path, source: Source) -> list[object]:
    """What a brief holds for, as JSON keeps it: the database's real path, its file's and journal's identities."""
    return [os.path.realpath(path), *(list(part) if part else None for part in source)]


def _earned(document: object) -> Earned | None:
    """The rewards a brief remembers; None when it remembers none, or not in a shape it would keep."""
    if not isinstance(document, list) or len(document) != 3:
        return None
    day, zone, keys = document
    if not isinstance(day, str) or not isinstance(zone, str) or not isinstance(keys, list):
        return None
    try:
        return Earned(date.fromisoformat(day), zone, frozenset(keys)) if all(isinstance(k, str) for k in keys) else None
    except ValueError:
        return None
