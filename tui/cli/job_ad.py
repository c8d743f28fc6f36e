"""The job ad's text for `add --ad` and `edit application --ad`: read whole from a file, or from standard input
for '-', so it is kept after the posting is gone."""

from __future__ import annotations

import sys
from pathlib import Path

from tui.cli.common import BadInput
from tui.terminal import is_terminal

LONGEST_AD = 60_000  # characters: the application keeps at most this much of an ad
NO_AD = ("none",)  # typed instead of a file to forget the ad kept


def read_ad(source: str) -> str:
    """The ad's text from the file `source` names, or from standard input when it is '-'; 'none' for no ad."""
    if source.strip().lower() in NO_AD:
        return ""
    if source == "-":
        if is_terminal(sys.stdin):
            print("Paste the job ad, then press ctrl+d on a line of its own:", file=sys.stderr)
        try:
            text = sys.stdin.read(LONGEST_AD + 1)
        except (OSError, UnicodeDecodeError, ValueError):
            raise BadInput("cannot read the ad from standard input; give its file instead") from None
        return _checked(text, "standard input")
    from tui.exchange import bounded

    path = Path(source).expanduser()
    limit = LONGEST_AD * 4  # UTF-8 takes at most 4 bytes a character
    try:
        with bounded.opened(path, limit) as opened:
            payload = opened.payload()
    except bounded.NotReadable as problem:
        raise BadInput(
            f"{path}: {problem}; give a text file holding the ad, or - to read it from standard input"
        ) from None
    except bounded.TooManyBytes:
        raise BadInput(f"{path}: more than {limit:,} bytes, far longer than a job ad") from None
    try:
        text = payload.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise BadInput(f"{path}: not UTF-8 text; save the ad as plain text and try again") from None
    return _checked(text, str(path))


def _checked(text: str, where: str) -> str:
    """The ad with its line endings made plain and the blank lines around it gone; BadInput when too long."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").strip()
    if len(text) > LONGEST_AD:
        raise BadInput(f"{where} holds more than {LONGEST_AD:,} characters, longer than nextyes keeps of an ad")
    return text
