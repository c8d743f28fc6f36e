"""A yes-or-no question asked once before something goes (a delete): y confirms, n or escape keeps."""

from __future__ import annotations

from collections.abc import Callable

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Static

from tui.app.host import Host
from tui.app.screens.modal import Modal
from tui.app.state import Change, Snapshot
from tui.core.models import Record
from tui.core.records import deletion, label


class ConfirmScreen(Modal[bool]):
    """The question in full, and two buttons; dismisses with True only when the yes choice is taken.

    The yes button has the focus, so enter confirms as `y` does; tab moves to the other button.
    """

    BINDINGS = [
        Binding("y", "confirm", "Yes", show=False),
        Binding("n", "keep", "No", show=False),
        Binding("escape", "keep", "Keep", show=False),
        Binding("left", "app.focus_previous", "Other choice", show=False),
        Binding("right", "app.focus_next", "Other choice", show=False),
    ]
    AUTO_FOCUS = "#confirm-yes"

    def __init__(self, question: str, *, yes: str = "Delete", no: str = "Keep") -> None:
        super().__init__()
        self.question = question
        self.yes = yes
        self.no = no

    def compose(self) -> ComposeResult:
        with Vertical(classes="confirm", id="confirm"):
            yield Static(self.question, id="confirm-question", markup=False)
            with Horizontal(id="confirm-buttons"):
                yield Button(f"{self.yes} (y)", id="confirm-yes", variant="error", compact=True)
                yield Button(f"{self.no} (n)", id="confirm-no", compact=True)
            yield Static(self.hint, id="confirm-hint", markup=False)

    @property
    def hint(self) -> str:
        return f"y {self.yes.lower()} · n or escape {self.no.lower()} · tab switches, enter picks"

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(event.button.id == "confirm-yes")

    def action_confirm(self) -> None:
        self.dismiss(True)

    def action_keep(self) -> None:
        self.dismiss(False)


def ask_to_delete(host: Host, snapshot: Snapshot, record: Record, kept: Callable[[str], None] | None = None) -> None:
    """Ask once, naming everything that goes with `record`; on yes, delete it through the app's save path.

    `kept`, when given, hears the record's name on no.
    """
    search, today = snapshot.search, snapshot.today
    what = label(record, search, today)
    model, record_id = type(record), record.id

    def answered(yes: bool | None) -> None:
        if yes:
            host.save(Change(feedback=f"deleted {what}", record=lambda recorder: recorder.delete(model, record_id)))
        elif kept is not None:
            kept(what)

    host.push_screen(ConfirmScreen(deletion(record, search, today).question), answered)
