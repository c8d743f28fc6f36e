"""Text people typed, written so Markdown shows it as typed: shared by the report and the weekly review."""

from __future__ import annotations

import re

_MARKUP = re.compile(r"([\\`*_\[\]<>|~#])")
_LIST_MARKER = re.compile(r"^([+\-]|\d{1,9}(?=[.)]))")  # what would start a list at the head of a line


def plain(text: str) -> str:
    """One line, its markup characters escaped, and a leading '-', '+' or '1.' kept from starting a list.

    Safe in a table cell and in a list item: line breaks become spaces, so a note typed over several
    lines never ends a row early, and a `|` in a company's name never adds a column.
    """
    escaped = _MARKUP.sub(r"\\\1", " ".join(text.split()))
    marker = _LIST_MARKER.match(escaped)
    if marker is None:
        return escaped
    if marker.group(1) in "+-":
        return "\\" + escaped
    return f"{marker.group(1)}\\{escaped[marker.end() :]}"
