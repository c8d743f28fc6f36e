"""Database problems, each naming the file, so a person knows which file and what to do."""

from __future__ import annotations

import stat
from pathlib import Path


class StoreError(Exception):
    """A problem with the database file. `str()` is one line that names the file."""

    def __init__(self, path: Path, problem: str, advice: str = "") -> None:
        self.path = path
        self.problem = problem
        self.advice = advice
        super().__init__(str(self))

    def __str__(self) -> str:
        line = f"{self.path}: {self.problem}"
        return f"{line}; {self.advice}" if self.advice else line


class CorruptDatabase(StoreError):
    """The file does not parse, or is not shaped like a nextyes database. Its bytes are left alone."""


class NewerDatabase(StoreError):
    """The file was written by a newer nextyes; writing it would drop what this version doesn't know."""


class DatabaseBusy(StoreError):
    """Another process held the lock for longer than we were willing to wait."""


class WriteFailed(StoreError):
    """The write did not happen (disk full, read-only…); the previous file is intact."""


def in_the_way(path: Path, what: str) -> WriteFailed:
    """The refusal when `path`, where nextyes keeps `what` ("the lock file of x.json"), is taken by something
    else: it names that path and what to do, not the database, which is fine."""
    try:
        mode = path.lstat().st_mode
    except OSError:
        mode = 0
    if stat.S_ISLNK(mode):
        found = "a link to nothing nextyes can use"
    elif stat.S_ISDIR(mode):
        found = "a folder"
    elif stat.S_ISREG(mode):
        found = "a file"
    else:
        found = "something else"
    return WriteFailed(path, f"is {found}, where nextyes keeps {what}", "move it away; nothing was changed")
