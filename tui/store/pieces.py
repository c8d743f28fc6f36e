"""Where a compact database file's tables, and runs of their records, begin and end, found without parsing it.

pydantic validates JSON bytes by parsing them whole into a tree first, about 3.5 times their size: 47 MB held
for the moment of a read at five years. Validated a piece at a time, the tree is never larger than a piece.

The pieces are found by their edges (`},"12":{` between two records, `},"wins":{` between two tables), which
the compact JSON nextyes writes (orjson's) has, and which cannot occur inside a string, where every `"` is
escaped. The same edges can occur deeper inside a record; a piece cut there is not a whole JSON object, so its
validation fails and the reader goes back to validating the file whole. What makes the read sound is not how
the edges were found but what is checked: each piece validates as a JSON object on its own, and everything
between the pieces is the exact glue of one JSON object of tables; together they are the file's one object.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

PIECE_BYTES = 1 << 18  # a piece's tree is about 1 MB; its records are cut at the first edge after this many bytes

_FIRST_TABLE = re.compile(rb'\{"([a-z_]+)":\{')
_NEXT_TABLE = re.compile(rb'\},"([a-z_]+)":\{')
_NEXT_RECORD = re.compile(rb'\},"[0-9]+":\{')


@dataclass(frozen=True)
class Table:
    """One table of the file: its name, its records' members in runs, each `payload[start:end]`: the text of
    `"1":{…},"2":{…}`, which a JSON object's braces make whole (an empty table has none), and where its closing
    brace is."""

    name: str
    runs: tuple[tuple[int, int], ...]
    end: int


def tables(payload: bytes, names: frozenset[str]) -> list[Table] | None:
    """The tables of `payload` in file order, each its records cut into runs of about PIECE_BYTES; None when the
    bytes are not a compact object of tables named in `names`, each at most once (the whole-file read judges
    those)."""
    first = _FIRST_TABLE.match(payload)
    if first is None or not payload.endswith(b"}}"):
        return None
    starts = [(first.group(1), first.end())]  # (name, where its members begin)
    ends: list[int] = []  # where each table's members end: its closing brace
    for edge in _NEXT_TABLE.finditer(payload, first.end()):
        if edge.group(1).decode() in names:
            ends.append(edge.start())
            starts.append((edge.group(1), edge.end()))
    ends.append(len(payload) - 2)
    found = [name.decode() for name, _ in starts]
    if len(set(found)) != len(found) or not set(found) <= names:
        return None
    return [
        Table(name, _runs(payload, begin, end), end) for name, (_, begin), end in zip(found, starts, ends, strict=True)
    ]


def _runs(payload: bytes, begin: int, end: int) -> tuple[tuple[int, int], ...]:
    """`payload[begin:end]`, a table's members, cut at a record's edge after every PIECE_BYTES or so."""
    if begin == end:
        return ()
    runs: list[tuple[int, int]] = []
    while True:
        edge = _NEXT_RECORD.search(payload, min(begin + PIECE_BYTES, end), end)
        if edge is None:
            runs.append((begin, end))
            return tuple(runs)
        runs.append((begin, edge.start() + 1))  # the record's closing brace is its last byte
        begin = edge.start() + 2  # after the comma between the two
