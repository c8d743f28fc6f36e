"""The job search as the app holds it: the search as last read (`Snapshot`) and one change to record (`Change`)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from tui.store.files import Source

if TYPE_CHECKING:  # the records and the rules load after the first frame (tui/app/kept_view.py)
    from tui.core.day_view import Dashboard
    from tui.core.search import JobSearch
    from tui.recording import Recorder


@dataclass(frozen=True)
class Snapshot:
    """The job search as read at one moment, and the dashboard built from it."""

    search: JobSearch
    dashboard: Dashboard
    signature: Source  # the file's and journal's identities as they were just before the read (`source_of`)

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
