"""Database problems, each naming the file, so a person knows which file and what to do."""

from __future__ import annotations

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
