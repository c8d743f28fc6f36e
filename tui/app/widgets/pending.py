"""The Pending applications table: who is waiting on whom, most urgent first."""

from __future__ import annotations

import uuid
from datetime import date

from rich.text import Text
from textual.widgets import DataTable

from tui.core.day_view import PendingRow

COLUMNS = ("Company", "Role", "Stage", "Touched", "Next step")
# Beside the calendar at 80 columns there is room for three: whose, where it stands, what is next.
COMPACT_COLUMNS = ("Company", "Stage", "Next step")
FULL_FROM = 76  # the table's width from which every column is shown: the next step still gets about 20
NAMES_MIN = 24  # company and role together, before the next step may take more
MIN_WIDTH = 9
COMPANY_MIN = 10  # in the compact table, before the next step may take more


def describe_touch(days: int) -> str:
    if days == 0:
        return "today"
    return "1 day ago" if days == 1 else f"{days}d ago"


def clip(text: str, width: int, *, at_word: bool = False) -> str:
    """`text` cut to `width` with an ellipsis; `at_word` cuts at a space in the second half if any."""
    if len(text) <= width:
        return text
    cut = text[: max(width - 1, 0)]
    if at_word and " " in cut[width // 2 :]:
        cut = cut[: cut.rindex(" ")]
    return cut.rstrip() + "…"


class PendingTable(DataTable[Text]):
    """One row per application still waiting on someone; the cursor picks the one `s` moves.

    Narrower than FULL_FROM it drops the role and the days since last touched, and puts a single space
    between columns instead of the usual padding, so that the next step still reads whole.
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, cursor_type="row", zebra_stripes=True)
        self.rows_shown: list[PendingRow] = []
        self.today: date | None = None
        self.filled_width = 0  # the width the rows were last fitted to
        self.columns_shown: tuple[str, ...] = ()

    def show(self, rows: list[PendingRow], today: date) -> None:
        """Replace the rows, keeping the cursor on the same application when it is still pending."""
        self._fill(rows, today)

    @property
    def selected_application_id(self) -> uuid.UUID | None:
        if not self.rows_shown or not 0 <= self.cursor_row < len(self.rows_shown):
            return None
        return self.rows_shown[self.cursor_row].application_id

    def on_resize(self) -> None:
        # Only a new width changes what fits. Refilling on a new height would loop: the table's height
        # is its rows', and clearing it for a refill lets the layout shrink it before the rows return.
        if self.today is not None and self.size.width != self.filled_width:
            self._fill(self.rows_shown, self.today)

    def highlighted_details(self) -> str:
        """What the compact table leaves out of the highlighted row: 'Backend Engineer · touched 12d ago'."""
        if not self.compact or not self.rows_shown or not 0 <= self.cursor_row < len(self.rows_shown):
            return ""
        row = self.rows_shown[self.cursor_row]
        touched = describe_touch(row.days_since_touch)
        words = f"touched {touched}" if touched != "today" else "touched today"
        return clip(f"{row.role} · {words}", max(self.size.width - 4, MIN_WIDTH))

    @property
    def compact(self) -> bool:
        return self.size.width < FULL_FROM

    def _set_columns(self) -> None:
        """Columns afresh on every fill: a column never shrinks by itself, and the width may have."""
        self.clear(columns=True)
        self.cell_padding = 0 if self.compact else 1
        self.columns_shown = COMPACT_COLUMNS if self.compact else COLUMNS
        for index, column in enumerate(self.columns_shown):
            self.add_column(self._spaced(column, index), key=column)

    def _spaced(self, text: str, index: int, style: str = "") -> Text:
        """In the compact table: a space before the first column and after every column but the last."""
        if not self.compact:
            return Text(text, style=style)
        before = " " if index == 0 else ""
        after = " " if index < len(self.columns_shown) - 1 else ""
        return Text.assemble(before, (text, style), after)

    def _fill(self, rows: list[PendingRow], today: date) -> None:
        selected = self.selected_application_id
        self.rows_shown, self.today = rows, today
        self.filled_width = self.size.width
        self._set_columns()
        company_width, role_width, next_width = self._text_widths(rows)
        for row in rows:
            due = row.next_due is not None and row.next_due <= today
            cells = {
                "Company": clip(row.company, company_width),
                "Role": clip(row.role, role_width),
                "Stage": row.stage.value,
                "Touched": describe_touch(row.days_since_touch),
                "Next step": clip(row.next_step, next_width, at_word=True),
            }
            self.add_row(
                *(
                    self._spaced(cells[column], index, "bold" if due and column == "Next step" else "")
                    for index, column in enumerate(self.columns_shown)
                ),
                key=row.application_id.hex,
            )
        ids = [row.application_id for row in rows]
        if selected in ids:
            self.move_cursor(row=ids.index(selected), animate=False)

    def _text_widths(self, rows: list[PendingRow]) -> tuple[int, int, int]:
        """Widths for company, role and next step, so a row fits the table without scrolling.

        Stage and days are short and shown whole; the next step gets what it needs while company
        and role keep at least NAMES_MIN between them (COMPANY_MIN in the compact table); company
        and role share the rest.
        """
        stage = max([len("Stage"), *(len(r.stage.value) for r in rows)])
        longest_next = max([len("Next step"), *(len(r.next_step) for r in rows)])
        scrollbar = self.styles.scrollbar_size_vertical  # kept free, so a scrollbar never pushes a column out
        if self.compact:
            available = self.size.width - stage - (len(COMPACT_COLUMNS) - 1) - 1 - scrollbar
            next_step = min(longest_next, max(available - COMPANY_MIN, MIN_WIDTH))
            return max(available - next_step, MIN_WIDTH), 0, next_step
        touched = max([len("Touched"), *(len(describe_touch(r.days_since_touch)) for r in rows)])
        padding = 2 * self.cell_padding * len(COLUMNS)
        available = self.size.width - stage - touched - padding - scrollbar
        next_step = min(longest_next, max(available - NAMES_MIN, MIN_WIDTH))
        room = max(available - next_step, 2 * MIN_WIDTH)
        return room // 2, room - room // 2, next_step
