"""Text a person points to or pastes: the email `nextyes paste` reads, the job ad `--ad` keeps. Read whole from
a file, or from standard input for '-', within a limit, so a wrong file is refused before it fills memory."""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

from tui.cli.common import BadInput
from tui.terminal import is_terminal


@dataclass(frozen=True)
class Pasted:
    """One kind of text: how to name it, how much of it there can be, and whether it must be clean UTF-8."""

    the: str  # "the email"
    one: str  # "an email"
    most_characters: int
    strict: bool  # refuse bytes that are not UTF-8 (an ad is kept as typed); else replace them (mail is messy)

    @property
    def most_bytes(self) -> int:
        return self.most_characters * 4  # UTF-8 takes at most 4 bytes a character


EMAIL = Pasted("the email", "one email", 1_000_000, strict=False)  # a thread with its quotes: a few dozen KB
AD = Pasted("the ad", "a job ad", 60_000, strict=True)  # the application keeps at most this much of an ad
NO_AD = ("none",)  # typed instead of a file to forget the ad kept


def read_ad(source: str) -> str:
    """The ad's text from the file `source` names, or from standard input when it is '-'; 'none' for no ad."""
    if source.strip().lower() in NO_AD:
        return ""
    return pasted_text(source, AD)


def pasted_text(source: str | None, kind: Pasted) -> str:
    """`kind`'s text from the file `source` names, or from standard input when it is '-' or None: its line
    endings made plain and the blank lines around it gone; BadInput saying what was wrong otherwise."""
    if source is None or source == "-":
        where = "standard input"
        if is_terminal(sys.stdin):
            print(f"Paste {kind.the}, then press ctrl+d on a line of its own:", file=sys.stderr)
        try:
            text = sys.stdin.read(kind.most_characters + 1)
        except (OSError, UnicodeDecodeError, ValueError):
            raise BadInput(f"cannot read {kind.the} from standard input; give its file instead") from None
    else:
        path = Path(source).expanduser()
        where = str(path)
        text = _file_text(path, kind)
    text = text.replace("\r\n", "\n").replace("\r", "\n").strip()
    if len(text) > kind.most_characters:
        raise BadInput(f"{where} holds more than {kind.most_characters:,} characters, longer than {kind.one}")
    return text


def _file_text(path: Path, kind: Pasted) -> str:
    from tui.exchange import bounded

    try:
        with bounded.opened(path, kind.most_bytes) as opened:
            payload = opened.payload()
    except bounded.NotReadable as problem:
        raise BadInput(
            f"{path}: {problem}; give a text file holding {kind.the}, or - to read it from standard input"
        ) from None
    except bounded.TooManyBytes:
        raise BadInput(f"{path}: more than {kind.most_bytes:,} bytes, far longer than {kind.one}") from None
    try:
        return payload.decode("utf-8-sig", errors="strict" if kind.strict else "replace")
    except UnicodeDecodeError:
        raise BadInput(f"{path}: not UTF-8 text; save {kind.the} as plain text and try again") from None
