"""The conflict copies sync tools leave beside the database file, found by their names alone.

Apart from `conflicts.py`, which merges them (and so loads the store), so that the shell's quick `log` can see
there is none to merge first without loading it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path


@dataclass(frozen=True)
class ConflictCopy:
    """A file a sync tool made beside the database, holding another machine's version of it."""

    path: Path
    tool: str  # "Syncthing", "Dropbox", "Nextcloud"
    day: date | None  # when the tool made it, as its name says
    device: str = ""  # the machine (or account) that made the change, when the name carries it

    @property
    def described(self) -> str:
        """The copy as a person knows it: 'the copy made on DESKTOP (Dropbox)'."""
        if self.device:
            return f"the copy made on {self.device} ({self.tool})"
        when = f" of {self.day:%a %d %b %Y}" if self.day is not None else ""
        return f"the {self.tool} conflict copy{when}"


Reader = Callable[[re.Match[str]], tuple[date | None, str]]


def _patterns(stem: str, suffix: str) -> list[tuple[str, re.Pattern[str], Reader]]:
    """Each tool's conflict names for a database file called `stem` + `suffix`, and how to read day and device."""
    name, ending = re.escape(stem), re.escape(suffix)
    return [
        (
            "Syncthing",
            re.compile(rf"{name}\.sync-conflict-(?P<day>\d{{8}})-\d{{6}}(?:-(?P<device>[A-Z0-9]{{7}}))?{ending}"),
            lambda m: (_day(m["day"]), m["device"] or ""),
        ),
        (
            "Nextcloud",
            re.compile(
                rf"{name} \(conflicted copy (?:(?P<device>[^()]+?) )?"
                rf"(?P<day>\d{{4}}-\d{{2}}-\d{{2}}) \d{{6}}\){ending}",
                re.IGNORECASE,
            ),
            lambda m: (_day(m["day"]), m["device"] or ""),
        ),
        (
            "Dropbox",
            re.compile(
                rf"{name} \((?:(?P<device>[^()]+?)['’]s )?conflicted copy (?P<day>\d{{4}}-\d{{2}}-\d{{2}})"
                rf"(?: \(\d+\))?\)(?: \(\d+\))?{ending}",
                re.IGNORECASE,
            ),
            lambda m: (_day(m["day"]), m["device"] or ""),
        ),
        (
            "ownCloud",
            re.compile(rf"{name}_conflict-(?P<day>\d{{8}})-\d{{6}}{ending}"),
            lambda m: (_day(m["day"]), ""),
        ),
    ]


def conflict_copy(db_file: Path, candidate: Path) -> ConflictCopy | None:
    """What `candidate` is when its name is a sync tool's conflict copy of `db_file`; None otherwise."""
    for tool, pattern, read in _patterns(db_file.stem, db_file.suffix):
        if match := pattern.fullmatch(candidate.name):
            day, device = read(match)
            return ConflictCopy(candidate, tool, day, device.strip())
    return None


def find_conflict_copies(db_file: Path) -> list[ConflictCopy]:
    """The conflict copies beside the database file `db_file` (links followed), by name; none when its folder
    cannot be listed."""
    try:
        names = sorted(db_file.parent.iterdir())
    except OSError:
        return []
    return [found for path in names if (found := conflict_copy(db_file, path)) is not None]


def _day(text: str) -> date | None:
    digits = text.replace("-", "")
    try:
        return date(int(digits[:4]), int(digits[4:6]), int(digits[6:8]))
    except ValueError:
        return None
