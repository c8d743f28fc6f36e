"""The conflict copies sync tools leave beside the database file, found by name and merged into it.

When two machines change the synced file before hearing from each other, the sync tool keeps one version
under the file's name and the other under a name of its own, which nextyes would otherwise never read:

- Syncthing: `nextyes.sync-conflict-20260315-143000-ABCDEF7.json` (the short id of the device that made the
  change; older versions leave it out)
- Dropbox: `nextyes (DESKTOP's conflicted copy 2026-03-15).json`, with ` (1)`, ` (2)`… after the date or after
  the parenthesis when there are several that day
- Nextcloud and ownCloud: `nextyes (conflicted copy 2026-03-15 143000).json`, with the account's name before the
  date in newer clients (`(conflicted copy dana 2026-03-15 143000)`), and `nextyes_conflict-20260315-143000.json`
  from older ones

`absorb_conflict_copies` merges each into the database and moves it into the backups folder.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from tui.core.words import count
from tui.store.backups import keep_conflict_copy
from tui.store.errors import StoreError

if TYPE_CHECKING:
    from tui.store.database import Store


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


def absorb_conflict_copies(store: Store, *, made_from: str = "shell") -> list[str]:
    """Merge every conflict copy beside the database into it, one transaction each, and move each one merged
    into the backups folder; one line for each copy, to be said once.

    A copy that cannot be read (damaged, cut short, from a newer nextyes) is left where it is and named.
    The store's own problems (busy, read-only, damaged) are raised as from any change.
    """
    from tui.store.merging import merge_file

    lines = []
    real = store.file
    for copy in find_conflict_copies(real):
        try:
            report = merge_file(store, copy.path, source=copy.described, made_from=made_from)
        except StoreError as error:
            if error.path != copy.path:
                raise
            lines.append(
                f"Found {copy.described}, {copy.path.name}, but it cannot be merged: it {_problem(error)}; "
                "it was left where it is"
            )
            continue
        try:
            kept = keep_conflict_copy(real, copy.path)
        except FileNotFoundError:  # another nextyes merged and moved it meanwhile
            continue
        except OSError as error:
            lines.append(
                f"Merged {count(report.changes, 'change')} from {copy.described}, but could not move it into the "
                f"backups folder ({error.strerror or error}); it stays where it is (merging it again changes nothing)"
            )
            continue
        if report.changes:
            lines.append(f"Merged {count(report.changes, 'change')} from {copy.described}; it is kept as {kept}.")
        else:
            described = copy.described
            lines.append(f"{described[:1].upper()}{described[1:]} held nothing new; it is kept as {kept}.")
    return lines


def _problem(error: StoreError) -> str:
    return error.problem.removeprefix("cannot be merged: it ")


def _day(text: str) -> date | None:
    digits = text.replace("-", "")
    try:
        return date(int(digits[:4]), int(digits[4:6]), int(digits[6:8]))
    except ValueError:
        return None
