"""Showing typed text on a terminal: control characters appear as symbols, so nothing typed can drive it.

The rule, for the shell and the app alike: text is stored exactly as typed; shown on a terminal, each
C0 or C1 control character and DEL appears as a visible symbol (U+2400 control pictures; C1 has none of
its own, so U+FFFD). An escape sequence in a company name is then read as text, and cannot move the
cursor, clear the screen, recolour it or retitle the window. Newline and tab stay themselves where the
output runs over several lines. Everything else (emoji, right-to-left text, combining marks) is untouched.

What the shell prints is one of three kinds (`Output`), and `shown_on_stdout` applies the rule to each:
text for a person is shown safely wherever it goes; a document (an export, a draft) and JSON reach a file
or a pipe byte for byte, and are made safe only when standard output is a terminal.
No Textual here: the shell uses this module.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager, suppress
from enum import Enum
from typing import TextIO

DEL = 0x7F
C1 = range(0x80, 0xA0)
LINE_BREAKS = ("\n", "\t")  # kept where the output is multi-line: they lay text out, they do not drive the terminal
CRLF = "\r\n"  # the line end of CSV and iCalendar: a return followed at once by a newline overwrites nothing


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
# JSON on a terminal: every control but newline and tab as a \u escape. json.dumps escapes C0 itself, but
# writes DEL and C1 raw; escaped, they are still the same JSON (they can only occur inside strings).
JSON_ESCAPES: dict[int, str] = {code: f"\\u{code:04x}" for code in MULTI_LINE}


def visible(text: str, *, multi_line: bool = False) -> str:
    """`text` with its control characters shown as symbols; newline and tab kept when `multi_line`."""
    return text.translate(MULTI_LINE if multi_line else ONE_LINE)


def visible_lines(text: str) -> str:
    """Text for a person as shown anywhere: `visible(multi_line=True)`."""
    return visible(text, multi_line=True)


def visible_document(text: str) -> str:
    """A document as shown on a terminal: `visible(multi_line=True)`, a CRLF line end (CSV, iCalendar) kept.

    A lone carriage return (one typed in a note) is shown as ␍: it would send the cursor back over the line.
    """
    return CRLF.join(visible(part, multi_line=True) for part in text.split(CRLF))


def json_for_terminal(text: str) -> str:
    """JSON text as shown on a terminal: still JSON that reads back to the same values, with no raw control."""
    return text.translate(JSON_ESCAPES)


class Output(Enum):
    """What a command prints on standard output, which decides how it is shown (see `shown_on_stdout`)."""

    TEXT = "text"  # for a person to read: control characters shown as symbols, wherever it goes
    DOCUMENT = "document"  # an export, a draft, a script: exact to a file or a pipe; on a terminal, shown safely
    JSON = "json"  # exact to a file or a pipe; on a terminal, every control character escaped as \u00XX


def is_terminal(stream: object) -> bool:
    """True when `stream` is a terminal; a stream that cannot say (closed, or not a file) is not one."""
    try:
        return bool(stream.isatty())  # type: ignore[attr-defined]
    except (AttributeError, ValueError, OSError):
        return False


class VisibleWriter:
    """A text stream that passes everything written to `stream` through `show`: control characters as symbols.

    A carriage return that ends one write is held until the next, so a CRLF line end split over two
    writes (`print("…\r")`) is still seen whole; `flush` (and leaving
    `shown_on_stdout`) writes it out.
    """

    def __init__(self, stream: TextIO, show: Callable[[str], str] = visible_lines) -> None:
        self.stream = stream
        self.show = show
        self.held = ""

    def write(self, text: str) -> int:
        whole = self.held + text
        self.held = "\r" if whole.endswith("\r") else ""
        self.stream.write(self.show(whole.removesuffix(self.held)))
        return len(text)

    def flush(self) -> None:
        self.release()
        self.stream.flush()

    def release(self) -> None:
        """Write out a carriage return held back from the last write."""
        if self.held:
            self.stream.write(self.show(self.held))
            self.held = ""

    def __getattr__(self, name: str) -> object:
        # fileno, isatty, encoding…: the real stream's own.
        return getattr(self.stream, name)


@contextmanager
def shown_on_stdout(output: Output) -> Iterator[None]:
    """While inside, standard output is shown as `output` asks: the one place the rule is applied.

    Whether it is a terminal is asked once, on entry: a document or JSON is passed through untouched
    to a file or a pipe, and made safe for a terminal; text for a person is made safe either way.
    """
    real = sys.stdout
    if output is Output.TEXT:
        show: Callable[[str], str] | None = visible_lines
    elif not is_terminal(real):
        show = None
    else:
        show = json_for_terminal if output is Output.JSON else visible_document
    if show is None:
        yield
        return
    writer = VisibleWriter(real, show)
    sys.stdout = writer
    try:
        yield
    finally:
        sys.stdout = real
        with suppress(OSError, ValueError):  # a reader gone (a closed pipe) has nothing left to be shown
            writer.release()


def controls_shown_on_stdout() -> AbstractContextManager[None]:
    """While inside, whatever is printed to standard output shows its control characters as symbols."""
    return shown_on_stdout(Output.TEXT)
