"""A row of Today's actions (`GlyphBeside`): its glyph in a column of its own, its text wrapped beside it, and
the height the list lays it out at always the height it is drawn at."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from rich.cells import cell_len
from textual.content import Content
from textual.style import Style
from textual.visual import RenderOptions

from tui.app.widgets.actions import GLYPH_ROOM, GlyphBeside, wrapped_height

# Words as titles and reasons have them, with the long ones (a URL, a company's name run together) and wide ones.
WORDS = st.text(alphabet=st.sampled_from("abcdefghij-./·é漢"), min_size=1, max_size=30)
LINES = st.lists(WORDS, min_size=1, max_size=14).map(" ".join)
# The list's own rule (app.tcss: a word wider than the row is cut), and Textual's default (it folds).
OVERFLOWS = st.sampled_from(["ellipsis", "fold"])


def drawn(row: GlyphBeside, width: int, rules: dict[str, object]) -> list[str]:
    options = RenderOptions(lambda style: style if isinstance(style, Style) else Style(), rules)  # type: ignore[arg-type]
    return [strip.text for strip in row.render_strips(width, None, Style(), options)]


@settings(max_examples=300, deadline=None)
@given(title=LINES, why=LINES, width=st.integers(min_value=8, max_value=90), overflow=OVERFLOWS)
def test_a_row_is_laid_out_as_tall_as_it_is_drawn(title: str, why: str, width: int, overflow: str) -> None:
    rules: dict[str, object] = {"text_overflow": overflow}
    text = Content.assemble(Content.styled(title, "bold"), "\n", (why, "dim italic"))
    row = GlyphBeside(Content("○"), text)
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
