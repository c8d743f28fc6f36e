"""Reflections: what you wrote each day, newest first; read one whole, correct it, or delete it."""

from __future__ import annotations

from functools import partial
from typing import Literal

from rich.console import Group
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import DataTable, Static

from tui.app.commands import Scope, bindings
from tui.app.screens.corrections import ReflectionDraft, ReflectionFormScreen
from tui.app.screens.modal import Modal
from tui.app.screens.records import Cell, RecordsScreen
from tui.app.state import Change, Snapshot
from tui.core.days import describe_day
from tui.core.models import Reflection

# What the reading screen hands back: the key pressed there, for the list to act on.
ReadingChoice = Literal["edit", "delete"] | None


class ReflectionsScreen(RecordsScreen[Reflection]):
    """Every reflection, newest first, its first words beside the prompt it answered; escape or q closes it."""

    BINDINGS = [Binding("escape,q", "close", "Back", show=True), *bindings(Scope.REFLECTIONS)]
    SCOPE = Scope.REFLECTIONS  # the palette offers this scope's commands while it is open
    AUTO_FOCUS = "#reflections"
    COLUMNS = ("Day", "Prompt", "Reflection")
    FLEXIBLE = {"Prompt": 0.35, "Reflection": 0.65}
    keys_text = "enter read · e edit · d delete · u undo · escape back"
    empty_text = "No reflections yet. Today's prompt waits in the Reflection panel: r takes you there."
    nothing_text = "Today's prompt waits in the Reflection panel: r takes you there."

    def __init__(self, snapshot: Snapshot) -> None:
        super().__init__(snapshot, "reflections")

    def heading(self, shown: int) -> str:
        return f"Reflections ({shown})"

    def listed(self, snapshot: Snapshot) -> list[Reflection]:
        return sorted(snapshot.search.reflections, key=lambda r: r.day, reverse=True)

    def cells(self, record: Reflection, above: Reflection | None, snapshot: Snapshot) -> dict[str, Cell]:
        return {
            "Day": describe_day(record.day, snapshot.today),
            "Prompt": Text(" ".join(record.prompt.split()), style="italic"),
            "Reflection": " ".join(record.text.split()),
        }

    # Keys ----------------------------------------------------------------------------------------

    @on(DataTable.RowSelected, "#reflections")
    def action_read_reflection(self) -> None:
        reflection = self.highlighted
        if reflection is None:
            self.notify(f"Nothing to read here yet. {self.nothing_text}", severity="warning")
            return
        self.app.push_screen(
            ReflectionReadingScreen(reflection, self.snapshot), partial(self.after_reading, reflection)
        )

    def after_reading(self, reflection: Reflection, choice: ReadingChoice) -> None:
        """e or d pressed while reading acts on the reflection read."""
        if choice is None or self.nextyes.writable_snapshot() is None:
            return
        # As it is now: it may have changed while it was read (from the shell, or undone).
        reflection = next((r for r in self.snapshot.search.reflections if r.id == reflection.id), reflection)
        if choice == "edit":
            self.edit_record(reflection)
        else:
            self.confirm_delete(reflection)

    def edit_record(self, record: Reflection) -> None:
        def reflection_form(draft: ReflectionDraft | None, problem: str) -> ReflectionFormScreen:
            return ReflectionFormScreen(record, self.snapshot.today, draft, problem)

        day = describe_day(record.day, self.snapshot.today)
        self.nextyes.edit(reflection_form, partial(corrected, record, day))


def corrected(reflection: Reflection, day: str, draft: ReflectionDraft) -> Change:
    return Change(
        feedback=f"your reflection of {day}, as changed",
        record=lambda recorder: recorder.edit(Reflection, reflection.id, text=draft.text),
    )


def reading(reflection: Reflection) -> Group:
    return Group(Text(reflection.prompt, style="italic dim"), Text(""), Text(reflection.text))


class ReflectionReadingScreen(Modal[ReadingChoice]):
    """One reflection whole: the prompt, then every line written; e edits it, d deletes it, escape goes back."""

    BINDINGS = [
        Binding("escape,q", "close", "Back", show=True),
        Binding("e", "choose('edit')", "Edit", show=True),
        Binding("d", "choose('delete')", "Delete", show=True),
    ]
    AUTO_FOCUS = "#reflection-reading"

    def __init__(self, reflection: Reflection, snapshot: Snapshot) -> None:
        super().__init__()
        self.reflection = reflection
        self.snapshot = snapshot

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="help", id="reflection-reading") as body:
            body.border_title = f"Reflection of {describe_day(self.reflection.day, self.snapshot.today)}"
            body.border_subtitle = "e edit · d delete · ↑↓ scroll · escape back"
            yield Static(reading(self.reflection), id="reflection-reading-text")

    def show_snapshot(self, snapshot: Snapshot) -> None:
        """Deleted or changed meanwhile (from the shell, or undone): show it as it now is, or go back."""
        self.snapshot = snapshot
        now = next((r for r in snapshot.search.reflections if r.id == self.reflection.id), None)
        if now is None:
            self.dismiss(None)
            return
        if now != self.reflection:
            self.reflection = now
            self.query_one("#reflection-reading-text", Static).update(reading(now))

    def action_choose(self, choice: Literal["edit", "delete"]) -> None:
        self.dismiss(choice)

    def action_close(self) -> None:
        self.dismiss(None)
