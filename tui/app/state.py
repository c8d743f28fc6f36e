"""The job search as the app holds it: the search as last read (`Snapshot`) and one change to record (`Change`)."""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from tui.store.paths import database_file, journal_file

if TYPE_CHECKING:  # the records and the rules load after the first frame (tui/app/kept_view.py)
    from tui.core.day_view import Dashboard
    from tui.core.search import JobSearch
    from tui.recording import Recorder

# (mtime_ns, size) of the file, then of its journal (None while there is none); None while there is no file
FileSignature = tuple[tuple[int, int], tuple[int, int] | None] | None


def file_signature(path: Path) -> FileSignature:
    """What changes whenever the database file is replaced or a shell change is added to its journal; None
    when there is no file to read."""
    real = database_file(path)
    file = _size_and_time(real)
    return None if file is None else (file, _size_and_time(journal_file(real)))


def _size_and_time(path: Path) -> tuple[int, int] | None:
    try:
        status = os.stat(path)
    except OSError:
        return None
    return status.st_mtime_ns, status.st_size


@dataclass(frozen=True)
class Snapshot:
    """The job search as read at one moment, and the dashboard built from it."""

    search: JobSearch
    dashboard: Dashboard
    signature: FileSignature

    @property
    def today(self) -> date:
        return self.dashboard.today


@dataclass(frozen=True)
class Change:
    """One thing to record: how to record it, what to say when it is saved, and how to try again."""

    feedback: str  # completes "Saved: …"
    record: Callable[[Recorder], object]
    retry: Callable[[str], None] | None = None  # reopens the form as typed, given why it failed
    then: Callable[[Snapshot], None] | None = None  # what comes next once saved, given the search as it now is
