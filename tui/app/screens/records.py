"""A screen over the dashboard listing records in a table, refilled from every snapshot the app reads.

Every list deletes the same way (`d`: asked once, then saved through the app, so undo can take it back) and
edits through `edit_record`, which each list fills in with its own form.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import date, timedelta
from typing import ClassVar, Generic, TypeVar, cast

from rich.cells import cell_len
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widgets import DataTable, Static
from textual.widgets.data_table import Column, RowKey

from tui.app.host import Host
from tui.app.screens.modal import Modal
from tui.app.state import Snapshot
from tui.app.widgets.pending import clip
from tui.core.models import Record

RecordType = TypeVar("RecordType", bound=Record)
Cell = str | Text
MIN_WIDTH = 8
# The most rows a list fills: a DataTable of 4,000 applications took 2 s to measure on the event loop. The list's
# order (and, for applications, its filter) brings the rest into the first ones.
MOST_ROWS = 400


class RecordTable(DataTable[Cell]):
    """A list of records, one a row: home and end go to the first and the last, as in any list."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("home", "scroll_top", "First", show=False),
        Binding("end", "scroll_bottom", "Last", show=False),
    ]

    def __init__(self, *, id: str) -> None:
        self.columns_in_order: list[Column] | None = None  # while rows are added: see `columns_kept`
        super().__init__(id=id, cursor_type="row", zebra_stripes=True)

    @property
    def ordered_columns(self) -> list[Column]:
        return self.columns_in_order if self.columns_in_order is not None else super().ordered_columns

    @contextmanager
    def columns_kept(self) -> Iterator[None]:
        """Rows added meanwhile find the columns in the order they had as it began. Textual works the order out
        afresh twice for every row added: a quarter of filling a list of 400 rows. No column is added or
        taken away meanwhile."""
        self.columns_in_order = super().ordered_columns
        try:
            yield
        finally:
            self.columns_in_order = None

    def on_unmount(self) -> None:
        """The rows go with the list. A closed screen waits for the collector (its parts hold one another),
        and until then each of its full passes walked hundreds of rows of cells, a screen's worth a list."""
        self.clear(columns=True)

    def _update_dimensions(self, new_rows: Iterable[RowKey]) -> None:
        """Textual measures every cell of the rows added, for columns that size themselves to their cells.
        Every column here is given its width and every row is one line, so there is nothing to learn from
        them: that measuring was most of the time a list took to open. The table's size is still worked out."""
        sized = all(not column.auto_width for column in self.columns.values())
        super()._update_dimensions(() if sized else new_rows)
        # The new size asks for a layout from within the table's idle handler, which Textual runs after the
        # table has looked for layouts to ask for: filled once the screen was laid out, the table would keep
        # the height it had while empty until something else happened. Asked for again, from a message.
        self.call_later(self.refresh, layout=True)


class RecordsScreen(Modal[None], Generic[RecordType]):
    """The table, its title and keys on the border, and a line saying what to do while it is empty.

    Subclasses say which records to list in `listed()` and what each row shows in `cells()`, asked only of
    the rows shown; the columns named in `FLEXIBLE` share what the others leave, by weight, so a row fits
    the table without scrolling sideways.
    """

    COLUMNS: ClassVar[tuple[str, ...]] = ()
    FLEXIBLE: ClassVar[dict[str, float]] = {}  # column: its share of the width left over
    # Columns left out when the sheet is narrower than NARROW_BELOW, so the rest still read whole.
    NARROW_DROPS: ClassVar[tuple[str, ...]] = ()
    NARROW_BELOW: ClassVar[int] = 76  # the sheet's width inside its border at 80 columns
    keys_text = ""  # the border's list of keys
    empty_text = ""  # what to do while there is nothing to list
    nothing_text = ""  # what to do first, said when a key needs a highlighted record and there is none

    def __init__(self, snapshot: Snapshot, name: str) -> None:
        super().__init__()
        self.snapshot = snapshot
        self.table_id = name
        self.records: list[RecordType] = []
        self.filled_width = -1  # the sheet's width when the table was last filled

    def compose(self) -> ComposeResult:
        with Vertical(classes="sheet", id=f"{self.table_id}-sheet") as body:
            body.border_subtitle = self.keys_text
            yield RecordTable(id=self.table_id)
            yield Static("", id=f"{self.table_id}-empty", classes="sheet-empty", markup=False)

    def on_resize(self) -> None:
        """Filled once laid out, and again whenever the width changes, for the columns share the width.
        (Filled on mount as well, while the sheet had no width yet, a list was filled twice on opening.)"""
        if self._sheet_width() != self.filled_width:
            self.show_snapshot(self.snapshot)

    def show_afresh(self, snapshot: Snapshot) -> None:
        """As if opened for the first time (the app keeps the lists opened most): as `snapshot` has it, from
        the first row."""
        if not self.is_mounted:
            return  # not shown yet: it fills itself as it is
        if self.start_afresh() or snapshot is not self.snapshot:
            self.show_snapshot(snapshot)
        self.table.move_cursor(row=0, column=0, animate=False)

    def start_afresh(self) -> bool:
        """Put back what a list lets the person change (its filter, its order) as it is on opening; True when
        that changes what it lists."""
        return False

    def listed(self, snapshot: Snapshot) -> Sequence[RecordType]:
        """The records to list, in order."""
        raise NotImplementedError

    def cells(self, record: RecordType, above: RecordType | None, snapshot: Snapshot) -> dict[str, Cell]:
        """What `record`'s row shows, by column; `above` is the record listed before it, if any."""
        raise NotImplementedError

    def heading(self, count: int) -> str:
        raise NotImplementedError

    def show_snapshot(self, snapshot: Snapshot) -> None:
        """Fill the table (again, after a save), keeping the cursor on the same record."""
        self.snapshot = snapshot
        selected = self.highlighted
        row_before = self.table.cursor_row
        listed = self.listed(snapshot)
        first = listed[:MOST_ROWS]  # only these are described: years of records are thousands of rows
        rows = [
            (record, self.cells(record, first[at - 1] if at else None, snapshot)) for at, record in enumerate(first)
        ]
        self.records = [record for record, _ in rows]
        table = self.table
        heading = self.heading(len(listed))
        if len(listed) > len(rows):  # years of records: the table stays quick to fill, the order says which
            heading += f" · the first {len(rows):,} shown"
        self.query_one(f"#{self.table_id}-sheet").border_title = Text(heading)
        empty = self.query_one(f"#{self.table_id}-empty", Static)
        empty.update(self.empty_text)
        empty.display = not rows
        table.display = bool(rows)
        table.clear(columns=True)
        self.filled_width = self._sheet_width()
        columns = self.columns
        fixed = self._fixed_widths([cells for _, cells in rows], columns)
        flexible = self._flexible_widths(fixed, table.cell_padding, columns)
        # Every width given: a table refilled while a form covers it does not measure its cells again.
        for column in columns:
            table.add_column(column, key=column, width=fixed.get(column) or flexible[column])
        with table.columns_kept():
            for record, cells in rows:
                drawn = [
                    _clipped(cells[column], flexible[column]) if column in flexible else _as_text(cells[column])
                    for column in columns
                ]
                table.add_row(*drawn, key=record.id.hex)
        ids = [record.id for record in self.records]
        if selected is not None and selected.id in ids:
            table.move_cursor(row=ids.index(selected.id), animate=False)
        elif selected is not None and ids:  # it was deleted: the one after it takes its place
            table.move_cursor(row=min(row_before, len(ids) - 1), animate=False)

    @property
    def columns(self) -> tuple[str, ...]:
        """The columns shown at the sheet's width: narrower than NARROW_BELOW, those in NARROW_DROPS go."""
        if self._sheet_width() >= self.NARROW_BELOW:
            return self.COLUMNS
        return tuple(column for column in self.COLUMNS if column not in self.NARROW_DROPS)

    def _sheet_width(self) -> int:
        # The sheet's width, not the table's: the table has none while it is hidden.
        return self.query_one(f"#{self.table_id}-sheet").content_size.width

    def _fixed_widths(self, rows: list[dict[str, Cell]], columns: tuple[str, ...]) -> dict[str, int]:
        """Each column not in FLEXIBLE, as wide as its widest cell or its name."""
        return {
            column: max([cell_len(column), *(_width(cells[column]) for cells in rows)])
            for column in columns
            if column not in self.FLEXIBLE
        }

    def _flexible_widths(self, fixed: dict[str, int], cell_padding: int, columns: tuple[str, ...]) -> dict[str, int]:
        shares = {column: share for column, share in self.FLEXIBLE.items() if column in columns}
        padding = 2 * cell_padding * len(columns) + 1  # and the scrollbar
        room = max(self._sheet_width() - sum(fixed.values()) - padding, MIN_WIDTH * len(shares))
        return {column: max(int(room * share), MIN_WIDTH) for column, share in shares.items()}

    @property
    def table(self) -> RecordTable:
        return self.query_one(f"#{self.table_id}", RecordTable)

    @property
    def highlighted(self) -> RecordType | None:
        row = self.table.cursor_row
        return self.records[row] if self.records and 0 <= row < len(self.records) else None

    @property
    def nextyes(self) -> Host:
        return cast(Host, self.app)

    def action_close(self) -> None:
        self.dismiss(None)

    # Correcting and deleting the highlighted record ------------------------------------------------

    def chosen(self, verb: str) -> RecordType | None:
        """The highlighted record, to `verb`; None, after saying why, when there is none or nothing can be saved."""
        record = self.highlighted
        if record is None:
            self.notify(f"Nothing to {verb} here yet. {self.nothing_text}".strip(), severity="warning")
            return None
        if self.nextyes.writable_snapshot() is None:
            return None
        return record

    def action_edit_record(self) -> None:
        if (record := self.chosen("edit")) is not None:
            self.edit_record(record)

    def edit_record(self, record: RecordType) -> None:
        """Open the form that corrects `record`; each list has its own."""
        raise NotImplementedError

    def action_delete_record(self) -> None:
        if (record := self.chosen("delete")) is not None:
            self.confirm_delete(record)

    def confirm_delete(self, record: Record) -> None:
        from tui.app.screens.confirm import ask_to_delete

        ask_to_delete(self.nextyes, self.snapshot, record)


def typed_day(day: date, today: date) -> str:
    """A day as a form shows it for correcting: 'today', 'yesterday', 'tomorrow', or a date the day field reads back."""
    if day == today:
        return "today"
    if day == today - timedelta(days=1):
        return "yesterday"
    if day == today + timedelta(days=1):
        return "tomorrow"
    return day.isoformat()


def _as_text(cell: Cell) -> Text:
    """A cell as the table draws it. Words a person typed are shown as typed: a table reads a plain string
    as markup, so '[b]' in a note would turn bold and '[/b]' would stop the app."""
    return cell if isinstance(cell, Text) else Text(cell, end="")


def _clipped(cell: Cell, width: int) -> Text:
    """`cell` cut to `width` with an ellipsis, keeping its style."""
    if isinstance(cell, Text):
        if cell.cell_len <= width:
            return cell
        shown = cell.copy()
        shown.truncate(width, overflow="ellipsis")
        return shown
    return _as_text(clip(cell, width))


def _width(cell: Cell) -> int:
    """Columns a cell takes on screen (wide characters count twice)."""
    return cell.cell_len if isinstance(cell, Text) else cell_len(cell)
