"""The Pending applications table: who is waiting on whom, most urgent first."""

from __future__ import annotations

import uuid
from datetime import date

from rich.text import Text
from textual.widgets import DataTable

from tui.core.pipeline import PendingRow

COLUMNS = ("Company", "Role", "Stage", "Touched", "Next step")
NAMES_MIN = 24  # company and role together, before the next step may take more
MIN_WIDTH = 9


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
    """One row per application still waiting on someone; the cursor picks the one `s` moves."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, cursor_type="row", zebra_stripes=True)
        self.rows_shown: list[PendingRow] = []
        self.today: date | None = None

    def on_mount(self) -> None:
        for column in COLUMNS:
            self.add_column(column, key=column)

    def show(self, rows: list[PendingRow], today: date) -> None:
        """Replace the rows, keeping the cursor on the same application when it is still pending."""
        self._fill(rows, today)

    @property
    def selected_application_id(self) -> uuid.UUID | None:
        if not self.rows_shown or not 0 <= self.cursor_row < len(self.rows_shown):
            return None
        return self.rows_shown[self.cursor_row].application.id

    def on_resize(self) -> None:
        if self.today is not None:
            self._fill(self.rows_shown, self.today)

    def _fill(self, rows: list[PendingRow], today: date) -> None:
        selected = self.selected_application_id
        self.rows_shown, self.today = rows, today
        company_width, role_width, next_width = self._text_widths(rows)
        self.clear()
        for row in rows:
            application = row.application
            due = row.next_due is not None and row.next_due <= today
            self.add_row(
                Text(clip(application.company, company_width)),
                Text(clip(application.role, role_width)),
                Text(application.stage.value),
                Text(describe_touch(row.days_since_touch)),
                Text(clip(row.next_step, next_width, at_word=True), style="bold" if due else ""),
                key=application.id.hex,
            )
        ids = [row.application.id for row in rows]
        if selected in ids:
            self.move_cursor(row=ids.index(selected), animate=False)

    def _text_widths(self, rows: list[PendingRow]) -> tuple[int, int, int]:
        """Widths for company, role and next step, so a row fits the table without scrolling.

        Stage and days are short and shown whole; the next step gets what it needs while company
        and role keep at least NAMES_MIN between them; company and role share the rest.
        """
        stage = max([len("Stage"), *(len(r.application.stage.value) for r in rows)])
        touched = max([len("Touched"), *(len(describe_touch(r.days_since_touch)) for r in rows)])
        padding = 2 * self.cell_padding * len(COLUMNS)
        scrollbar = 2  # kept free, so that a scrollbar appearing never pushes the last column out
        available = self.scrollable_content_region.width - stage - touched - padding - scrollbar
        longest_next = max([len("Next step"), *(len(r.next_step) for r in rows)])
        next_step = min(longest_next, max(available - NAMES_MIN, MIN_WIDTH))
        room = max(available - next_step, 2 * MIN_WIDTH)
        return room // 2, room - room // 2, next_step
