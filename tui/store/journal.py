"""The journal: changes made from the shell, appended beside the database file instead of rewriting all of it.

A database of five years is 13 MB; rewriting it (and keeping the day's backup) for one logged activity cost
more than the rest of the command. A shell change is instead appended to `<name>.journal` as one line, written
and fsynced under the database's lock before the command says it was saved. The next full transaction (the
app's, an undo, an import, a restore, or a shell change once the journal has grown past `MOST_LINES` or
`MOST_BYTES`) folds the journal into the file: it puts each line's documents in, keeps each line's history
entry, replaces the file atomically, and only then empties the journal.

Each line is `<crc32 as 8 hex digits> <JSON>\\n`; its JSON holds an id, the documents it changed (the whole
document after the change, matched by id: a line applied twice gives the same file) and its history entry.
The file remembers the id of the last line folded into it (`_meta`), so a fold killed between the replace and
the emptying is not counted twice: lines up to that id are already in the file.

A last line that is cut short or does not match its checksum was never acknowledged (the writer died or the
disk filled mid-write): it is ignored, and cut off by the next append. A damaged line before the last is
refused, naming the journal, like a damaged database file: nothing is guessed.
"""

from __future__ import annotations

import contextlib
import os
import stat
import uuid
import zlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import orjson

from tui.store import history
from tui.store.errors import CorruptDatabase
from tui.store.migrations import META_TABLE
from tui.store.paths import database_file
from tui.store.paths import journal_file as journal_file

MOST_LINES = 1000  # a shell change folds the journal once it holds this many lines…
MOST_BYTES = 4 << 20  # …or this many bytes (a logged activity's line is about 1.5 KB)
FOLDED = "folded_through"  # the `_meta` key naming the last line folded into the file

Document = dict[str, Any]


@dataclass(frozen=True)
class Change:
    """One record as a line leaves it: its table, its id, and its whole document after the change."""

    table: str
    id: str
    document: Document


@dataclass(frozen=True)
class Line:
    """One acknowledged change: the records it wrote, and its history entry (None when none was kept)."""

    id: str
    changes: tuple[Change, ...]
    entry: Document | None


@dataclass(frozen=True)
class Journal:
    """The journal as read: its sound lines in order, how many bytes they take, and its bytes as read."""

    lines: tuple[Line, ...]
    sound_bytes: int  # the length of the lines that count; anything after them is a torn tail
    payload: bytes

    @property
    def torn(self) -> bool:
        return self.sound_bytes < len(self.payload)


EMPTY = Journal((), 0, b"")


def new_line(changes: Iterable[Change], entry: Document | None) -> Line:
    return Line(uuid.uuid4().hex, tuple(changes), entry)


def encode(line: Line) -> bytes:
    body = orjson.dumps(
        {
            "id": line.id,
            "changes": [[change.table, change.id, change.document] for change in line.changes],
            "entry": line.entry,
        }
    )
    return b"%08x %s\n" % (zlib.crc32(body), body)


def read(db_file: Path) -> Journal:
    """The journal beside `db_file` (empty when there is none); CorruptDatabase naming it for a damaged line."""
    path = journal_file(db_file)
    try:
        payload = path.read_bytes()
    except FileNotFoundError:
        return EMPTY
    except OSError as error:
        raise CorruptDatabase(path, f"cannot be read ({error.strerror or error})", _ADVICE) from None
    return parse(path, payload)


def parse(path: Path, payload: bytes) -> Journal:
    lines: list[Line] = []
    start = 0
    while start < len(payload):
        end = payload.find(b"\n", start)
        line = _decode(payload[start:end]) if end >= 0 else None
        if line is None:
            if end < 0 or end == len(payload) - 1:  # the last line: never acknowledged
                break
            raise CorruptDatabase(path, f"has a damaged line (line {len(lines) + 1}) before its last one", _ADVICE)
        lines.append(line)
        start = end + 1
    return Journal(tuple(lines), start, payload)


def append(db_file: Path, journal: Journal, line: Line) -> Journal:
    """Add `line` after the sound lines of `journal` (cutting off a torn tail) and fsync it; the journal now.

    Called under the database's lock. On any failure the journal is put back to its sound length, so a line
    that was not acknowledged never counts; the OSError is raised for the store to name.
    """
    path = journal_file(db_file)
    encoded = encode(line)
    handle = os.open(path, os.O_WRONLY | os.O_CREAT | getattr(os, "O_CLOEXEC", 0), 0o600)
    try:
        if journal.sound_bytes == 0:
            _like(handle, db_file)
        try:
            if journal.torn or os.fstat(handle).st_size != journal.sound_bytes:
                os.ftruncate(handle, journal.sound_bytes)
            os.lseek(handle, journal.sound_bytes, os.SEEK_SET)
            _write_all(handle, encoded)
            os.fsync(handle)
        except OSError:
            _cut_back(handle, journal.sound_bytes)
            raise
    finally:
        os.close(handle)
    if journal.sound_bytes == 0:
        _sync_folder(path.parent)  # a new journal's name must survive a crash too
    sound = journal.payload[: journal.sound_bytes] + encoded
    return Journal((*journal.lines, line), len(sound), sound)


def empty_out(db_file: Path) -> None:
    """Remove the journal: called only once the file it was folded into stands."""
    with contextlib.suppress(FileNotFoundError):
        journal_file(db_file).unlink()


def pending(raw: dict[str, Any], journal: Journal) -> Sequence[Line]:
    """The lines not yet in the file `raw`: those after the last one it says was folded into it (all of them
    when it names none of these lines: the journal was emptied since)."""
    folded = _meta(raw).get(FOLDED)
    for index, line in enumerate(journal.lines):
        if line.id == folded:
            return journal.lines[index + 1 :]
    return journal.lines


def fold(raw: dict[str, Any], lines: Sequence[Line]) -> None:
    """Put `lines` into the parsed file `raw`, in order: each document in place of the one with its id (or
    added), each history entry on the history; and note the last line as folded."""
    if not lines:
        return
    places = _Places(raw)
    for line in lines:
        for change in line.changes:
            places.put(change)
        if line.entry is not None:
            history.remember(raw, line.entry)
    _meta(raw)[FOLDED] = lines[-1].id


class _Places:
    """Where each record's document is in the parsed file, by table and id, worked out once a table is touched."""

    def __init__(self, raw: dict[str, Any]) -> None:
        self.raw = raw
        self.numbers: dict[str, dict[str, str]] = {}
        self.next_number: dict[str, int] = {}

    def put(self, change: Change) -> None:
        """`change`'s document in place of the document with its id, or as a new document at the end."""
        table = self.raw.setdefault(change.table, {})
        if change.table == "settings":  # one document, whatever its id
            table.clear()
            table["1"] = change.document
            return
        if change.table not in self.numbers:
            self.numbers[change.table] = {str(document.get("id")): key for key, document in table.items()}
            self.next_number[change.table] = max((int(key) for key in table), default=0) + 1
        known = self.numbers[change.table]
        number = known.get(change.id)
        if number is None:
            number = known[change.id] = str(self.next_number[change.table])
            self.next_number[change.table] += 1
        table[number] = change.document


def damaged(db_path: Path, problem: str) -> CorruptDatabase:
    """The refusal of a journal that does not read, naming it (beside the file `db_path` leads to)."""
    return CorruptDatabase(journal_file(database_file(db_path)), problem, _ADVICE)


def too_long(journal: Journal) -> bool:
    return len(journal.lines) >= MOST_LINES or journal.sound_bytes >= MOST_BYTES


_ADVICE = (
    "nothing was changed; moving the journal away opens the database as it was at its last fold, "
    "without the changes the journal holds"
)


def _decode(text: bytes) -> Line | None:
    """A line's bytes (without the newline) as a Line, or None when they are damaged."""
    if len(text) < 10 or text[8:9] != b" ":
        return None
    body = text[9:]
    try:
        if int(text[:8], 16) != zlib.crc32(body):
            return None
        data = orjson.loads(body)
        changes = tuple(Change(str(table), str(ident), dict(document)) for table, ident, document in data["changes"])
        entry = data["entry"]
        return Line(str(data["id"]), changes, entry if isinstance(entry, dict) else None)
    except (ValueError, TypeError, KeyError):
        return None


def _meta(raw: dict[str, Any]) -> dict[str, Any]:
    table = raw.setdefault(META_TABLE, {})
    first = table.setdefault("1", {})
    return first if isinstance(first, dict) else {}


def _like(handle: int, db_file: Path) -> None:
    """Give the journal the database file's mode, owner and group, where permitted: root's `sudo nextyes log`
    must not leave a journal the owner cannot add to."""
    try:
        wanted = os.stat(db_file)
        os.fchmod(handle, stat.S_IMODE(wanted.st_mode) & 0o666)
        if os.name == "posix" and (wanted.st_uid, wanted.st_gid) != (os.getuid(), os.getgid()):
            with contextlib.suppress(PermissionError):
                os.fchown(handle, wanted.st_uid, wanted.st_gid)
    except OSError:
        pass  # the journal stays private to whoever wrote it: safe, if less convenient


def _write_all(handle: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        written = os.write(handle, view)
        view = view[written:]


def _cut_back(handle: int, length: int) -> None:
    with contextlib.suppress(OSError):  # what was written past `length` is a torn tail: ignored when read
        os.ftruncate(handle, length)


def _sync_folder(folder: Path) -> None:
    try:
        handle = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(handle)
    except OSError:
        pass
    finally:
        os.close(handle)
