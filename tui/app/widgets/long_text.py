"""`LongText`: a Static for text of many lines in a scrolled sheet, laid out once and drawn only where in view."""

from __future__ import annotations

import functools
import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal, cast

from rich._wrap import divide_line  # as Textual wraps text with it (`Content._wrap_and_format`)
from rich.cells import cell_len, get_character_cell_size
from rich.segment import Segment
from rich.style import Style as RichStyle
from textual.content import Content
from textual.css.styles import RulesMap
from textual.geometry import Size
from textual.selection import Selection
from textual.strip import Strip
from textual.style import Style
from textual.visual import RenderOptions, Visual, VisualType
from textual.widgets import Static


@dataclass(frozen=True)
class Cell:
    """A column's text in a row of `Columns`: in `width` cells, or, with no width, in the room the others leave."""

    text: Content
    width: int | None = None
    justify: Literal["left", "right"] = "left"


class Columns(Visual):
    """A row of cells side by side with a space between, as a Rich grid draws them, measured once for each width.

    A cell of a fixed width holds its text on the row's first line, cut with an ellipsis when longer; the one
    cell with no width wraps its text in the room left, and the row is as tall as that text. A Rich table of
    two hundred rows was drawn whole to show twenty of them; here only the rows in view are drawn.
    """

    def __init__(self, *cells: Cell) -> None:
        flexible = [cell for cell in cells if cell.width is None]
        if len(flexible) != 1:
            raise ValueError("a row of columns has one cell with no width, which takes the room left")
        self.cells = cells
        self.flexible = flexible[0]
        self.fixed = sum(cell.width or 0 for cell in cells) + len(cells) - 1  # the fixed cells and the spaces
        self.heights: dict[int, int] = {}

    @property
    def plain(self) -> str:
        """The cells' text on one line, a space between: what copying the row gives."""
        return " ".join(cell.text.plain for cell in self.cells)

    def room(self, width: int) -> int:
        return max(width - self.fixed, 1)

    def render_strips(self, width: int, height: int | None, style: Style, options: RenderOptions) -> list[Strip]:
        room = self.room(width)
        wrapped = self.flexible.text.render_strips(room, height, style, options) or [Strip([])]
        space = Strip.blank(1, style.rich_style)
        rows: list[list[Strip]] = [[] for _ in wrapped]
        for index, cell in enumerate(self.cells):
            if index:
                for row in rows:
                    row.append(space)
            if cell is self.flexible:
                last = index == len(self.cells) - 1  # the row ends with it: no spaces after its text
                for row, line in zip(rows, wrapped, strict=True):
                    row.append(line if last else line.extend_cell_length(room, style.rich_style))
                continue
            cell_width = cell.width or 0
            text = cell.text
            shown = (
                text.right(cell_width, ellipsis=True)
                if cell.justify == "right"
                else text.truncate(cell_width, ellipsis=True, pad=True)
            )
            drawn = shown.render_strips(cell_width, 1, style, options) or [Strip([])]
            rows[0].append(drawn[0].extend_cell_length(cell_width, style.rich_style))
            for row in rows[1:]:
                row.append(Strip.blank(cell_width, style.rich_style))
        return [Strip.join(row) for row in rows]

    def get_optimal_width(self, rules: RulesMap, container_width: int) -> int:
        return self.fixed + self.flexible.text.get_optimal_width(rules, self.room(container_width))

    def get_height(self, rules: RulesMap, width: int) -> int:
        if width not in self.heights:
            self.heights[width] = wrapped_height(self.flexible.text, rules, self.room(width))
        return self.heights[width]


def labelled(
    rows: Sequence[tuple[str, str | Content]], label_width: int, label_style: str = "$foreground-muted"
) -> list[Content | Columns]:
    """A line for each row: its label (muted, unless told) in `label_width` cells, the space after it included,
    and its value wrapped beside it. Progress's and insights' figures, help's keys."""
    return [
        Columns(
            Cell(Content.styled(label, label_style), label_width - 1),
            Cell(Content(value) if isinstance(value, str) else value),
        )
        for label, value in rows
    ]


def wrapped_height(text: Content, rules: RulesMap, width: int) -> int:
    """`text.get_height(rules, width)`, a line at a time: a line that fits is one row, and only a line that does
    not is wrapped, where Textual wraps it (`Content._wrap_and_format`)."""
    plain = text.plain
    if rules.get("line_pad", 0) or rules.get("text_wrap", "wrap") == "nowrap" or "\t" in plain:
        return text.get_height(rules, width)
    fold = rules.get("text_overflow", "fold") == "fold"
    return sum(wrapped_rows(line, width, fold=fold) for line in plain.split("\n"))


class LongText(Static):
    """Shows what a Static shows, as a Static shows it, however long.

    A Static works its whole text out to learn its height, again to draw it, and again whenever it is drawn
    afresh. Progress at five years lists some nine hundred rewards and wins, and help two hundred lines of
    keys: opening either took a quarter of a second. Here the text is measured once for a width, and only
    the lines in view are drawn. Text (`Content`) is measured a line at a time, and only the lines that do
    not fit the width are wrapped; anything else (a Rich table) is drawn once for the width and kept.
    """

    def __init__(
        self,
        content: VisualType = "",
        *,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(content, id=id, classes=classes, markup=False)
        self.lines_given: Sequence[Content | Columns] | None = None  # the text's lines, when given as lines
        self.joined: Content | None = None
        # The row each paragraph begins on and the rows in all, by width: Textual lays a scrolled text out at two
        # widths, with room for the scrollbar and without, and a width seen before is not measured again.
        self.measured: dict[int, tuple[list[int], int]] = {}
        self.forget_lines()

    def forget_lines(self) -> None:
        self.measured_width = -1  # the width the lines below were measured for; -1: not measured
        self.paragraphs: Sequence[Content | Columns] = []  # the text's lines, each wrapped to one row or more
        self.first_rows: list[int] = []  # the row each paragraph begins on
        self.rows = 0
        self.drawn: dict[int, list[Strip]] = {}  # each paragraph's rows, once drawn
        self.drawn_selected: tuple[Selection, list[Strip]] | None = None

    def on_unmount(self) -> None:
        self.forget_lines()  # drawn lines go with it, not with the closed screen awaiting the collector
        self.measured.clear()

    def update(self, content: VisualType = "", *, layout: bool = True) -> None:
        self.lines_given = self.joined = None
        self.forget_lines()
        self.measured.clear()
        super().update(content, layout=layout)

    def show_lines(self, lines: Sequence[Content | Columns]) -> None:
        """Show `lines`, one under another: as `update` with them joined, without joining them (nor
        splitting them again to measure them), which at a thousand lines was most of the work. A line may be
        a row of columns, drawn as a Rich grid would draw it."""
        self.lines_given, self.joined = lines, None
        self.forget_lines()
        self.measured.clear()
        self.refresh(layout=True)

    def render(self) -> Visual:
        """The whole text, as a Static has it (which selecting with the mouse reads)."""
        if self.lines_given is None:
            return self.visual
        if self.joined is None:
            self.joined = Content("\n").join(
                line if isinstance(line, Content) else Content(line.plain) for line in self.lines_given
            )
        return self.joined

    @property
    def draws_selection(self) -> bool:
        """Whether text selected with the mouse is drawn: in text, not in a Rich renderable or rows of columns."""
        if self.lines_given is not None:
            return all(isinstance(line, Content) for line in self.lines_given)
        return isinstance(self.visual, Content)

    def notify_style_update(self) -> None:
        self.forget_lines()  # drawn in another style now: a theme chosen, a class added
        self.measured.clear()  # which may wrap it otherwise
        super().notify_style_update()

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        if not width:
            return 0
        self.measure(width)
        return self.rows

    def measure(self, width: int) -> None:
        if width == self.measured_width:
            return
        self.forget_lines()
        self.measured_width = width
        visual = self.visual
        if self.lines_given is not None:
            self.paragraphs = self.lines_given
        elif isinstance(visual, Content):
            self.paragraphs = visual.split(allow_blank=True)
        else:  # drawn whole, once: a Rich renderable cannot be drawn in parts
            self.paragraphs = [Content()]
            self.drawn[0] = Visual.to_strips(self, visual, width, None, self.visual_style)
        if width in self.measured and not self.drawn:
            first_rows, self.rows = self.measured[width]
            self.first_rows = list(first_rows)
            return
        styles = self.styles
        room = width - 2 * styles.line_pad
        wraps = styles.text_wrap != "nowrap"
        fold = styles.text_overflow == "fold"
        rows = 0
        for index, paragraph in enumerate(self.paragraphs):
            self.first_rows.append(rows)
            if index in self.drawn:
                rows += len(self.drawn[index])
            elif isinstance(paragraph, Columns) or "\t" in paragraph.plain or not wraps:
                rows += paragraph.get_height(cast(RulesMap, styles), width)  # as `Widget.get_content_height` does
            else:
                rows += wrapped_rows(paragraph.plain, room, fold=fold)
        self.rows = rows
        if not self.drawn:  # text, measured a line at a time (a Rich renderable is drawn whole for each width)
            self.measured[width] = (list(self.first_rows), rows)

    def render_line(self, y: int) -> Strip:
        width = self.size.width
        self.measure(width)
        blank = Strip.blank(width, self.visual_style.rich_style)
        if self.text_selection is not None and self.draws_selection:
            lines = self.selected_lines(self.text_selection, width)
            return lines[y] if y < len(lines) else blank
        index = bisect_right(self.first_rows, y) - 1
        if not 0 <= index < len(self.paragraphs):
            return blank
        rows = self.drawn.get(index)
        if rows is None:
            rows = self.drawn[index] = self.draw_paragraph(index, width)
        row = y - self.first_rows[index]
        return rows[row] if row < len(rows) else blank

    def draw_paragraph(self, index: int, width: int) -> list[Strip]:
        """One line of the text, drawn as the Static draws it among the others: the place each character
        has in the text (which selecting with the mouse reads) counts its line from the top of the text."""
        strips = Visual.to_strips(self, self.paragraphs[index], width, None, self.visual_style)
        if index == 0:
            return strips
        return [Strip([_placed(segment, index) for segment in strip], strip.cell_length) for strip in strips]

    def selected_lines(self, selection: Selection, width: int) -> list[Strip]:
        """While text is selected, every line is drawn with the selection shown, as it changes."""
        if self.drawn_selected is None or self.drawn_selected[0] != selection:
            self.drawn_selected = (selection, Visual.to_strips(self, self.render(), width, None, self.visual_style))
        return self.drawn_selected[1]


def wrapped_rows(line: str, room: int, *, fold: bool) -> int:
    """The rows a line of plain text takes in `room` cells, broken where Textual wraps it
    (`Content._wrap_and_format`); a line that fits is one row, with no wrapping worked out."""
    narrow = narrow_characters().issuperset(line)
    if (len(line) if narrow or line.isascii() else cell_len(line)) <= room:
        return 1
    if narrow and room > 0:
        return narrow_rows(line, room, fold=fold)
    return len(divide_line(line, room, fold=fold)) + 1


def narrow_rows(line: str, room: int, *, fold: bool) -> int:
    """`len(divide_line(line, room, fold=fold)) + 1` for a line of one-cell characters only, worked out as
    `divide_line` works it, with each word's length for its width. Measuring Progress's five hundred wins
    with `divide_line` took 8 ms a width, and Textual measures them at two."""
    rows, offset = 1, 0
    for word in WORD.finditer(line):
        start, text = word.start(), word.group()
        length = len(text.rstrip())
        if room - offset >= length:  # it fits on this row
            offset += len(text)
        elif length > room:  # it fits on no row
            if fold:  # cut into rows of `room`, each but the first beginning a row (the first, too, past the start)
                pieces = -(-len(text) // room)
                rows += pieces if start else pieces - 1
                offset = len(text) - (pieces - 1) * room
            else:
                rows += 1 if start else 0
                offset = len(text)
        else:  # it fits on the next row (this one has words on it: it would fit an empty one)
            rows += 1
            offset = len(text)
    return rows


WORD = re.compile(r"\s*\S+\s*")  # a word and the spaces around it, as `divide_line` reads them (rich._wrap.re_word)


# Letters, punctuation, arrows, box drawing and the glyphs nextyes draws (★ ✓ ○ ● ·): one cell each.
NARROW_RANGES = (
    (0x20, 0x7E),
    (0xA0, 0x2FF),
    (0x370, 0x482),
    (0x2010, 0x2027),
    (0x2030, 0x205E),
    (0x2190, 0x21FF),
    (0x2500, 0x25FF),
    (0x2605, 0x2605),
    (0x2713, 0x2713),
)


@functools.cache
def narrow_characters() -> frozenset[str]:
    """The characters of `NARROW_RANGES` that Rich (and so Textual) draws in one cell: a line of only these is as
    wide as it is long. Measuring each character of each line of Progress's thousand rewards and wins (they begin
    with ★ or ✓) was a sixth of opening it the first time at 5 years."""
    return frozenset(
        character
        for low, high in NARROW_RANGES
        for character in map(chr, range(low, high + 1))
        if get_character_cell_size(character) == 1
    )


def _placed(segment: Segment, line: int) -> Segment:
    text, style, control = segment
    offset = style.meta.get("offset") if style is not None else None
    if style is None or offset is None:
        return segment
    x, y = offset
    return Segment(text, style + RichStyle.from_meta({"offset": (x, y + line)}), control)
