"""Seeing and correcting the records: A opens every application, u (or ctrl+z) undoes the last change, ctrl+y redoes.

Undo and redo work on the one history kept in the database file, so `u` takes back the latest change made
anywhere, here or in the shell. Each runs in a worker, as a save does, and the dashboard is read afresh after.
"""

from __future__ import annotations

import sys
import threading
from functools import partial
from typing import TYPE_CHECKING

from textual import work
from textual.message import Message

from tui.app.actions.base import DashboardCommands
from tui.app.actions.pipeline import PipelineCommands
from tui.store.errors import StoreError

if TYPE_CHECKING:
    from textual.widget import Widget

    from tui.app.screens.application_detail import StageMoveWanted

# What a refusal says, in the app's words: the keys that do something instead.
GENTLER = {
    "there is nothing to undo": "Nothing to undo: every change is as you made it.",
    "there is nothing to redo": "Nothing to redo: ctrl+y brings back a change after u takes it back.",
}


class TakenBack(Message):
    """An undo (or a redo) is saved: what it took back (or brought back), in words."""

    def __init__(self, said: str, redo: bool) -> None:
        super().__init__()
        self.said = said
        self.redo = redo


class NotTakenBack(Message):
    """An undo or redo did nothing: there was none to make (`refused`), or the file could not be written."""

    def __init__(self, problem: str, refused: bool) -> None:
        super().__init__()
        self.problem = problem
        self.refused = refused


def takes_text(widget: Widget | None) -> bool:
    """Whether `widget` is a text box. Asked for every key's footer, from the first frame on: a text area is looked
    for only once its module is loaded (the dashboard's is built after the first frame), so asking loads nothing."""
    from textual.widgets import Input

    text_area = sys.modules.get("textual.widgets._text_area")
    return isinstance(widget, Input) or (text_area is not None and isinstance(widget, text_area.TextArea))


class EditingCommands(DashboardCommands):
    """A every application; u and ctrl+z undo, ctrl+y redoes, on the dashboard and the applications' screens."""

    # One undo or redo at a time, its reading included: a quick second press must not show the first one's search.
    _taking_back = threading.Lock()

    if TYPE_CHECKING:

        def read_job_search(self) -> Message: ...

    def action_show_applications(self) -> None:
        if (snapshot := self.writable_snapshot()) is None:
            return
        from tui.app.screens.applications import ApplicationsScreen

        applications = self.kept("applications", ApplicationsScreen, lambda: ApplicationsScreen(snapshot))
        applications.show_afresh(snapshot)
        self.push_screen(applications)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # In a text box, ctrl+z belongs to the box (or to nothing): a change is never undone while typing.
        if action in ("undo", "redo") and takes_text(self.focused):
            return False
        return super().check_action(action, parameters)

    def action_undo(self) -> None:
        if self.writable_snapshot() is not None:
            self.take_back(redo=False)

    def action_redo(self) -> None:
        if self.writable_snapshot() is not None:
            self.take_back(redo=True)

    @work(thread=True, group="save", description="undo or redo")
    def take_back(self, redo: bool) -> None:
        from tui.store.history import UndoRefused

        with self._taking_back:
            try:
                said = self.recorder.redo() if redo else self.recorder.undo()
            except UndoRefused as error:
                self.post_message(NotTakenBack(str(error), refused=True))
                return
            except StoreError as error:
                self.post_message(NotTakenBack(str(error), refused=False))
                return
            self.post_message(self.read_job_search())
        self.post_message(TakenBack(said, redo))

    def on_taken_back(self, message: TakenBack) -> None:
        self.notify(f"{'Redid' if message.redo else 'Undid'}: {message.said}")

    def on_not_taken_back(self, message: NotTakenBack) -> None:
        if message.refused:
            gentle = GENTLER.get(message.problem) or f"{message.problem[:1].upper()}{message.problem[1:]}."
            self.notify(gentle, severity="warning")
            return
        self.notify(message.problem, title="Not undone", severity="error", timeout=10)

    def on_stage_move_wanted(self, message: StageMoveWanted) -> None:
        """`s` on an application in the list or on its page: the stage form, as on the dashboard."""
        if (snapshot := self.writable_snapshot()) is None:
            return
        application = snapshot.search.application(message.application_id)
        if application is None:
            self.notify("That application is no longer in your search.", severity="warning")
            return
        from tui.app.screens.move_stage import MoveStageScreen

        assert isinstance(self, PipelineCommands)  # NextYesApp is made of both
        self.edit(partial(MoveStageScreen, application, snapshot.today), partial(self.moved, application))
