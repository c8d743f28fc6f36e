"""A row of columns (`Columns`), as Today's actions, help and the question bank draw them: a fixed column's text
on the first line, the other's wrapped beside it, and the height a row is laid out at always the height drawn."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from rich.cells import cell_len, set_cell_size
from textual.content import Content
from textual.style import Style
from textual.visual import RenderOptions

from tui.app.widgets.long_text import Cell, Columns, wrapped_height

GLYPH_ROOM = 2  # an action's glyph and the space after it

# Words as titles and reasons have them, with the long ones (a URL, a company's name run together) and wide ones.
WORDS = st.text(alphabet=st.sampled_from("abcdefghij-./·é漢★✓—"), min_size=1, max_size=30)
LINES = st.lists(WORDS, min_size=1, max_size=14).map(" ".join)
# The list's own rule (app.tcss: a word wider than the row is cut), and Textual's default (it folds).
OVERFLOWS = st.sampled_from(["ellipsis", "fold"])


def drawn(row: Columns, width: int, rules: dict[str, object]) -> list[str]:
    options = RenderOptions(lambda style: style if isinstance(style, Style) else Style(), rules)  # type: ignore[arg-type]
    return [strip.text for strip in row.render_strips(width, None, Style(), options)]


@settings(max_examples=300, deadline=None)
@given(title=LINES, why=LINES, width=st.integers(min_value=8, max_value=90), overflow=OVERFLOWS)
def test_a_row_is_laid_out_as_tall_as_it_is_drawn(title: str, why: str, width: int, overflow: str) -> None:
    rules: dict[str, object] = {"text_overflow": overflow}
    text = Content.assemble(Content.styled(title, "bold"), "\n", (why, "dim italic"))
    row = Columns(Cell(Content("○"), 1), Cell(text))
    lines = drawn(row, width, rules)
    assert row.get_height(rules, width) == len(lines)  # type: ignore[arg-type]
    assert wrapped_height(text, rules, width - GLYPH_ROOM) == text.get_height(rules, width - GLYPH_ROOM)  # type: ignore[arg-type]
    assert lines[0].startswith("○ ")
    assert all(line.startswith("  ") for line in lines[1:])  # wrapped clear of the glyph
    assert all(cell_len(line) <= width for line in lines)
    shown = "".join("".join(line[GLYPH_ROOM:].split()) for line in lines)
    if overflow == "fold":
        assert shown == "".join((title + why).split())  # every word, in order, a long one folded
    else:  # every word that fits the row shows whole; a longer one is cut, one row to it
        rows = [line[GLYPH_ROOM:] for line in lines]
        for word in (title + " " + why).split():
            fits = cell_len(word) <= width - GLYPH_ROOM
            assert any(word in row.split() for row in rows) if fits else any("…" in row for row in rows)


@settings(max_examples=200, deadline=None)
@given(
    key=WORDS,
    text=LINES,
    counts=st.lists(st.integers(min_value=0, max_value=10**6), min_size=1, max_size=2),
    width=st.integers(min_value=40, max_value=90),  # room for the fixed columns (14, 8, 8) and the text
)
def test_fixed_columns_keep_their_width_beside_the_wrapped_one(
    key: str, text: str, counts: list[int], width: int
) -> None:
    """A key column of 14 (help), then the text, then numbers to the right (the question bank): every line is as
    wide as the row, the numbers end at their column's right edge, and a key longer than its column ends in …"""
    numbers = [Cell(Content(f"×{count}"), 8, "right") for count in counts]
    row = Columns(Cell(Content(key), 14), Cell(Content(text)), *numbers)
    rules: dict[str, object] = {"text_overflow": "fold"}
    lines = drawn(row, width, rules)
    assert row.get_height(rules, width) == len(lines)  # type: ignore[arg-type]
    assert all(cell_len(line) == width for line in lines)
    first = lines[0]
    if cell_len(key) <= 14:
        assert first.startswith(key)
    else:
        assert not first.startswith(key)
        assert set_cell_size(first, 14).endswith("…")  # cut to its column, the rest of the row in place
    assert first.rstrip().endswith(f"×{counts[-1]}")
    assert all(not line[-9:].strip() for line in lines[1:])  # the numbers are on the first line only
