"""Wins: everything you did well, newest first; correct or delete any of them."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from functools import partial

from textual import on
from textual.binding import Binding
from textual.widgets import DataTable

from tui.app.commands import Scope, bindings
from tui.app.screens.corrections import WinEditScreen, linked
from tui.app.screens.records import Cell, RecordsScreen
from tui.app.screens.win import WinDraft
from tui.app.state import Change, Snapshot
from tui.app.widgets.choice import recently_touched_first
from tui.core.days import describe_day
from tui.core.models import Application, Win


class WinsScreen(RecordsScreen[Win]):
    """Every win, newest first, with the application it came from; escape or q closes it."""

    BINDINGS = [Binding("escape,q", "close", "Back", show=True), *bindings(Scope.WINS)]
    SCOPE = Scope.WINS  # the palette offers this scope's commands while it is open
    AUTO_FOCUS = "#wins"
    COLUMNS = ("Day", "Win", "For")
    FLEXIBLE = {"Win": 0.75, "For": 0.25}
    keys_text = "e edit · d delete · w add one · u undo · escape back"
    empty_text = "No wins yet. Press w to add something you did well, ideally with a number in it."
    nothing_text = "Press w to add a win first."

    def __init__(self, snapshot: Snapshot) -> None:
        super().__init__(snapshot, "wins")

    def heading(self, shown: int) -> str:
        return f"Wins ({shown})"

    def listed(self, snapshot: Snapshot) -> Sequence[Win]:
        return snapshot.search.wins_newest_first

    def cells(self, record: Win, above: Win | None, snapshot: Snapshot) -> dict[str, Cell]:
        application = snapshot.search.application(record.application_id)
        return {
            "Day": describe_day(record.day, snapshot.today),
            "Win": " ".join(record.text.split()),
            "For": application.company if application is not None else "",
        }

    # Keys ----------------------------------------------------------------------------------------

    @on(DataTable.RowSelected, "#wins")
    def row_chosen(self) -> None:
        self.action_edit_record()

    def edit_record(self, record: Win) -> None:
        def win_form(draft: WinDraft | None, problem: str) -> WinEditScreen:
            offered = recently_touched_first(self.snapshot.search)
            return WinEditScreen(record, self.snapshot.today, offered, draft, problem)

        offered = recently_touched_first(self.snapshot.search)
        self.nextyes.edit(win_form, partial(corrected, record, offered, self.snapshot.today))


def corrected(win: Win, offered: list[Application], today: date, draft: WinDraft) -> Change:
    application_id = linked(win.application_id, draft.application_id, offered)
    return Change(
        feedback=f"the win as corrected ({describe_day(draft.day, today)}): {draft.text}",
        record=lambda recorder: recorder.edit(
            Win, win.id, text=draft.text, day=draft.day, application_id=application_id
        ),
    )
