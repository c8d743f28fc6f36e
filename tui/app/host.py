"""The app as its screens and commands see it: the job search as last read, and the ways to ask for a change.

`NextYesApp` (app.py) reads and saves; it imports the screens, so the screens and the dashboard's commands
(actions/) type the app as this `Host` instead, and nothing imports app.py but the package's entry point.
Nothing here imports a screen: the screens import this.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from functools import partial
from typing import TypeVar

from textual.app import App
from textual.screen import ModalScreen
from textual.worker import Worker

from tui.app.state import Change, Snapshot
from tui.recording import Recorder

DraftType = TypeVar("DraftType")

# A form to open, given the draft to show as typed (None for an empty form) and why its last save failed ("").
OpenForm = Callable[[DraftType | None, str], ModalScreen[DraftType | None]]


class Host(App[None]):
    """The search as last read, the recorder, and `edit` / `save`; `NextYesApp` does the reading and saving."""

    snapshot: Snapshot | None  # the job search as last read; None until the first read succeeds
    problem: str  # why the database cannot be read right now, or ""
    recorder: Recorder

    def save(self, change: Change) -> Worker[None]:
        """Record `change` in a worker; `NextYesApp` does it."""
        raise NotImplementedError

    def edit(
        self,
        form: OpenForm[DraftType],
        to_change: Callable[[DraftType], Change],
        draft: DraftType | None = None,
        problem: str = "",
    ) -> None:
        """Open `form` and save the draft it returns as `to_change(draft)`; escape saves nothing.

        Should the save fail, the same form opens again with the draft as typed and the problem beside
        it, as often as it takes; `form` is called afresh each time, so it may read the search as it is by then.
        """

        def typed(draft: DraftType | None) -> None:
            if draft is not None:
                self.save(replace(to_change(draft), retry=partial(self.edit, form, to_change, draft)))

        self.push_screen(form(draft, problem), typed)

    def writable_snapshot(self) -> Snapshot | None:
        """The job search to change, or None (after saying why) while it cannot be written."""
        if self.problem:
            self.notify(
                f"Nothing can be saved until the database can be read: {self.problem}",
                severity="error",
                timeout=10,
            )
            return None
        return self.opened_snapshot()

    def opened_snapshot(self) -> Snapshot | None:
        """The job search as last read, or None (after saying so) while it is still being opened."""
        if self.snapshot is None:
            self.notify("Still opening your job search; try again in a moment.", severity="warning")
        return self.snapshot
