"""Showing typed text on a terminal: control characters appear as symbols, so nothing typed can drive it.

The rule, for the shell and the app alike: text is stored exactly as typed; shown on a terminal, each
C0 or C1 control character and DEL appears as a visible symbol (U+2400 control pictures; C1 has none of
its own, so U+FFFD). An escape sequence in a company name is then read as text, and cannot move the
cursor, clear the screen, recolour it or retitle the window. Newline and tab stay themselves where the
output runs over several lines. Everything else (emoji, right-to-left text, combining marks) is untouched.
No Textual here: the shell uses this module.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TextIO

DEL = 0x7F
C1 = range(0x80, 0xA0)
LINE_BREAKS = ("\n", "\t")  # kept where the output is multi-line: they lay text out, they do not drive the terminal


def _picture(codepoint: int) -> str:
    """The visible stand-in for one control character."""
    if codepoint < 0x20:
        return chr(0x2400 + codepoint)  # ␀ … ␟
    if codepoint == DEL:
        return "\u2421"  # ␡
    return "\ufffd"  # C1 (CSI, OSC… as single characters) has no control pictures of its own


# Text.translate tables: the one-line table shows newline and tab too; the multi-line one keeps them.
ONE_LINE: dict[int, str] = {codepoint: _picture(codepoint) for codepoint in (*range(0x20), DEL, *C1)}
MULTI_LINE: dict[int, str] = {code: picture for code, picture in ONE_LINE.items() if chr(code) not in LINE_BREAKS}


def visible(text: str, *, multi_line: bool = False) -> str:
    """`text` with its control characters shown as symbols; newline and tab kept when `multi_line`."""
    return text.translate(MULTI_LINE if multi_line else ONE_LINE)


class VisibleWriter:
    """A text stream that passes everything written to `stream`, control characters shown as symbols."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream

    def write(self, text: str) -> int:
        self.stream.write(visible(text, multi_line=True))
        return len(text)

    def __getattr__(self, name: str) -> object:
        # flush, fileno, isatty, encoding…: the real stream's own.
        return getattr(self.stream, name)


@contextmanager
def controls_shown_on_stdout() -> Iterator[None]:
    """While inside, whatever is printed to standard output shows its control characters as symbols."""
    real = sys.stdout
    sys.stdout = VisibleWriter(real)
    try:
        yield
    finally:
        sys.stdout = real
