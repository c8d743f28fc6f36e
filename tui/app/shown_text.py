"""The app's half of `tui.terminal`'s rule: control characters in any text it shows appear as symbols.

Textual and Rich already drop five control characters (bell, backspace, vertical tab, form feed,
carriage return) from text they render; every other one (ESC above all) reaches the terminal raw: it
recolours or clears the screen, and, counted as no width, shifts the rest of its row. Both libraries
clean text through one translation table each, applied before widths are measured, so filling those
tables with the control pictures shows every control character as a one-cell symbol in every widget
at once (tables, labels, inputs, toasts, the editor), with the layout measured on what is shown.
The stored text is untouched: a form still saves exactly what was typed.
"""

from __future__ import annotations

from typing import cast

import rich.control
import textual.content

from tui.terminal import MULTI_LINE


def show_control_characters() -> None:
    """Make every later-rendered text show its control characters as symbols (newline and tab excepted)."""
    # The libraries' own tables (pinned versions; tests/test_text_intact.py fails if they move).
    for table in (rich.control._CONTROL_STRIP_TRANSLATE, textual.content._CONTROL_STRIP_TRANSLATE):
        # Typed as strip tables (every value None), but str.translate takes a replacement just as well.
        cast(dict[int, str], table).update(MULTI_LINE)
