"""A screen over the dashboard listing records in a table, refilled from every snapshot the app reads."""

from __future__ import annotations

from typing import ClassVar, Generic, TypeVar, cast

from rich.cells import cell_len
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import DataTable, Static

from tui.app.host import Host
from tui.app.state import Snapshot
from tui.app.widgets.pending import clip
from tui.core.models import Record

RecordType = TypeVar("RecordType", bound=Record)
Cell = str | Text
MIN_WIDTH = 8


class RecordsScreen(ModalScreen[None], Generic[RecordType]):
    """The table, its title and keys on the border, and a line saying what to do while it is empty.

    Subclasses say which records to list and how in `rows()`; the columns named in `FLEXIBLE`
    share what the others leave, by weight, so a row fits the table without scrolling sideways.
    """

    COLUMNS: ClassVar[tuple[str, ...]] = ()
    FLEXIBLE: ClassVar[dict[str, float]] = {}  # column: its share of the width left over
    keys_text = ""  # the border's list of keys
    empty_text = ""  # what to do while there is nothing to list

    def __init__(self, snapshot: Snapshot, name: str) -> None:
        super().__init__()
        self.snapshot = snapshot
        self.table_id = name
        self.records: list[RecordType] = []

    def compose(self) -> ComposeResult:
        with Vertical(classes="sheet", id=f"{self.table_id}-sheet") as body:
            body.border_subtitle = self.keys_text
            yield DataTable(id=self.table_id, cursor_type="row", zebra_stripes=True)
            yield Static("", id=f"{self.table_id}-empty", classes="sheet-empty", markup=False)

    def on_mount(self) -> None:
        self.show_snapshot(self.snapshot)

    def on_resize(self) -> None:
        self.show_snapshot(self.snapshot)

    def rows(self, snapshot: Snapshot) -> list[tuple[RecordType, dict[str, Cell]]]:
        """The records to list, in order, each with its cells by column."""
        raise NotImplementedError

    def heading(self, count: int) -> str:
        raise NotImplementedError

    def show_snapshot(self, snapshot: Snapshot) -> None:
        """Fill the table (again, after a save), keeping the cursor on the same record."""
        self.snapshot = snapshot
        selected = self.highlighted
        rows = self.rows(snapshot)
        self.records = [record for record, _ in rows]
        table = self.table
        self.query_one(f"#{self.table_id}-sheet").border_title = self.heading(len(rows))
        empty = self.query_one(f"#{self.table_id}-empty", Static)
        empty.update(self.empty_text)
        empty.display = not rows
        table.display = bool(rows)
        table.clear(columns=True)
        fixed = self._fixed_widths([cells for _, cells in rows])
        flexible = self._flexible_widths(fixed, table.cell_padding)
        # Every width given: a table refilled while a form covers it does not measure its cells again.
        for column in self.COLUMNS:
            table.add_column(column, key=column, width=fixed.get(column) or flexible[column])
        for record, cells in rows:
            shown = [
                clip(str(cells[column]), flexible[column]) if column in flexible else cells[column]
                for column in self.COLUMNS
            ]
            table.add_row(*shown, key=record.id.hex)
        ids = [record.id for record in self.records]
        if selected is not None and selected.id in ids:
            table.move_cursor(row=ids.index(selected.id), animate=False)

    def _fixed_widths(self, rows: list[dict[str, Cell]]) -> dict[str, int]:
        """Each column not in FLEXIBLE, as wide as its widest cell or its name."""
        return {
            column: max([cell_len(column), *(_width(cells[column]) for cells in rows)])
            for column in self.COLUMNS
            if column not in self.FLEXIBLE
        }

    def _flexible_widths(self, fixed: dict[str, int], cell_padding: int) -> dict[str, int]:
        # The sheet's width, not the table's: the table has none while it is hidden.
        width = self.query_one(f"#{self.table_id}-sheet").content_size.width
        padding = 2 * cell_padding * len(self.COLUMNS) + 1  # and the scrollbar
        room = max(width - sum(fixed.values()) - padding, MIN_WIDTH * len(self.FLEXIBLE))
        return {column: max(int(room * share), MIN_WIDTH) for column, share in self.FLEXIBLE.items()}

    @property
    def table(self) -> DataTable[Cell]:
        return self.query_one(f"#{self.table_id}", DataTable)

    @property
    def highlighted(self) -> RecordType | None:
        row = self.table.cursor_row
        return self.records[row] if self.records and 0 <= row < len(self.records) else None

    @property
    def nextyes(self) -> Host:
        return cast(Host, self.app)

    def action_close(self) -> None:
        self.dismiss(None)


def _width(cell: Cell) -> int:
    """Columns a cell takes on screen (wide characters count twice)."""
    return cell.cell_len if isinstance(cell, Text) else cell_len(cell)
