"""Rest days: those planned and those taken, the latest first; change a note, or cancel one."""

from __future__ import annotations

from datetime import date
from functools import partial

from rich.text import Text
from textual import on
from textual.binding import Binding
from textual.widgets import DataTable

from tui.app.commands import Scope, bindings
from tui.app.screens.corrections import RestNoteDraft, RestNoteScreen
from tui.app.screens.records import Cell, RecordsScreen
from tui.app.state import Change, Snapshot
from tui.core.days import describe_day
from tui.core.models import RestDay
from tui.core.pipeline import describe_ago, describe_due


def describe_when(day: date, today: date) -> Cell:
    """'planned, in 6 days', 'planned, today', or 'taken, 3 days ago' (dim: it is behind you)."""
    if day >= today:
        return f"planned, {describe_due(day, today)}"
    return Text(f"taken, {describe_ago(day, today)}", style="dim")


class RestDaysScreen(RecordsScreen[RestDay]):
    """Every rest day, the latest first; escape or q closes it."""

    BINDINGS = [Binding("escape,q", "close", "Back", show=True), *bindings(Scope.REST_DAYS)]
    SCOPE = Scope.REST_DAYS  # the palette offers this scope's commands while it is open
    AUTO_FOCUS = "#rest-days"
    COLUMNS = ("Day", "When", "Note")
    FLEXIBLE = {"Note": 1.0}
    keys_text = "e edit note · d cancel · R plan one · u undo · escape back"
    empty_text = "No rest days yet. Press R to plan one: a day off that keeps your streak."
    nothing_text = "Press R to plan a rest day first."

    def __init__(self, snapshot: Snapshot) -> None:
        super().__init__(snapshot, "rest-days")

    def heading(self, shown: int) -> str:
        ahead = sum(rest.day >= self.snapshot.today for rest in self.records)
        return f"Rest days ({ahead} planned, {shown - ahead} taken)"

    def listed(self, snapshot: Snapshot) -> list[RestDay]:
        return sorted(snapshot.search.rest_days, key=lambda rest: rest.day, reverse=True)

    def cells(self, record: RestDay, above: RestDay | None, snapshot: Snapshot) -> dict[str, Cell]:
        today = snapshot.today
        return {
            "Day": describe_day(record.day, today),
            "When": describe_when(record.day, today),
            "Note": " ".join(record.note.split()),
        }

    # Keys ----------------------------------------------------------------------------------------

    @on(DataTable.RowSelected, "#rest-days")
    def row_chosen(self) -> None:
        self.action_edit_record()

    def edit_record(self, record: RestDay) -> None:
        def note_form(draft: RestNoteDraft | None, problem: str) -> RestNoteScreen:
            return RestNoteScreen(record, self.snapshot.today, draft, problem)

        day = describe_day(record.day, self.snapshot.today)
        self.nextyes.edit(note_form, partial(noted, record, day))


def noted(rest: RestDay, day: str, draft: RestNoteDraft) -> Change:
    return Change(
        feedback=f"the note of the rest day on {day}",
        record=lambda recorder: recorder.edit(RestDay, rest.id, note=draft.note),
    )
