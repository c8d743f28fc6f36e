"""A database file's bytes to validated records, or a refusal that names the file and the newest backup."""

from __future__ import annotations

import errno
import functools
import hashlib
import os
import stat
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, NotRequired, cast

import orjson
from pydantic import ConfigDict, TypeAdapter, ValidationError
from typing_extensions import TypedDict

from tui.core.models import Record, Settings
from tui.core.search import JobSearch
from tui.store import journal, migrations
from tui.store.backups import newest_backup, previous_version
from tui.store.collector import collector_paused
from tui.store.errors import CorruptDatabase, NewerDatabase, StoreError
from tui.store.journal import Journal, Line
from tui.store.migrations import HISTORY_TABLE, META_TABLE, schema_version
from tui.store.tables import TABLES

# The most a database file may hold. Five years of heavy use is 13 MB; a file 80 times that is not one.
MAX_DATABASE_BYTES = 1 << 30  # 1 GiB
READ_CHUNK = 1 << 24


def read_file(path: Path, limit: int = MAX_DATABASE_BYTES) -> bytes:
    """The bytes of the regular file at `path` (or a symlink to one); FileNotFoundError when it is missing,
    StoreError naming it for anything else.

    Only a regular file is read, and at most `limit` bytes: a FIFO, a device (/dev/zero), a socket or a folder
    is refused at once, never read (a FIFO is opened without waiting for a writer), and a file larger than
    the limit is refused rather than filling memory.
    """
    try:
        # Looked at before it is opened: opening some devices does something (a watchdog, a tape, a modem line).
        mode = os.stat(path).st_mode
        if not stat.S_ISREG(mode):
            raise _not_a_file(path, mode)
        # Then checked again on what was opened, which cannot change under us; O_NONBLOCK: a FIFO put there
        # meanwhile is opened without waiting for a writer, then refused.
        handle = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
    except FileNotFoundError:
        raise
    except IsADirectoryError:
        raise _not_a_file(path, stat.S_IFDIR) from None
    except OSError as error:
        if error.errno == errno.ENXIO:  # a socket, or a device with nothing behind it
            raise _not_a_file(path, 0) from None
        raise StoreError(path, f"cannot be read ({error.strerror or error})") from None
    try:
        status = os.fstat(handle)
        if not stat.S_ISREG(status.st_mode):
            raise _not_a_file(path, status.st_mode)
        if status.st_size > limit:
            raise _too_large(path, limit)
        payload = _read_at_most(handle, limit + 1, status.st_size)
    except OSError as error:
        raise StoreError(path, f"cannot be read ({error.strerror or error})") from None
    finally:
        os.close(handle)
    if len(payload) > limit:  # it grew while being read
        raise _too_large(path, limit)
    return payload


def _read_at_most(handle: int, most: int, expected: int) -> bytes:
    """Up to `most` bytes from `handle`, in one read when the file is the `expected` size it said it was."""
    chunks = []
    total = 0
    want = min(expected + 1, most)  # one byte more than the size: the end is seen without a second read
    while total < most:
        chunk = os.read(handle, max(1, min(want, most - total)))
        if not chunk:
            break
        chunks.append(chunk)
        total += len(chunk)
        want = READ_CHUNK
    return chunks[0] if len(chunks) == 1 else b"".join(chunks)


def _not_a_file(path: Path, mode: int) -> StoreError:
    kinds = {
        stat.S_IFDIR: "a folder",
        stat.S_IFIFO: "a FIFO (named pipe)",
        stat.S_IFCHR: "a device",
        stat.S_IFBLK: "a device",
        stat.S_IFSOCK: "a socket",
    }
    found = kinds.get(stat.S_IFMT(mode), "not a regular file")
    return StoreError(
        path,
        f"is {found}, not a database file",
        "nextyes reads and writes a regular file only (or a link to one); it was left untouched",
    )


def _too_large(path: Path, limit: int) -> StoreError:
    """Not restored over (that would read it first, to keep it): moved away by the person, then restored."""
    size = f"{limit >> 30} GiB" if limit % (1 << 30) == 0 else f"{limit:,} bytes"
    return StoreError(
        path,
        f"is larger than {size}, far beyond any nextyes database; it was not read",
        "move it away, then 'nextyes backup restore' puts the newest copy back",
    )


def fingerprint(payload: bytes) -> bytes:
    """SHA-256 of bytes: what the store remembers of the content it validated, rather than the bytes
    themselves (13 MB at 5 years, held as long as the app is open); 7 ms at that size."""
    return hashlib.sha256(payload).digest()


@collector_paused
def read_search(
    path: Path,
    payload: bytes,
    default_settings: Callable[[], Settings],
    lines: Journal = journal.EMPTY,
) -> JobSearch:
    """The validated records of a file's `payload` with its journal's `lines` put in, in one pause of the
    collector.

    A sound file of this schema is validated straight from its bytes (pydantic reads the JSON itself: twice as
    fast as parsing it to Python first, and no parsed copy is held). Anything else (an older schema, a damaged
    file) is parsed and judged step by step, for the precise refusal or the upgrade.
    """
    tables = _validated_tables(payload)
    if tables is None:
        raw = migrations.migrate(parse(path, payload))
        journal.fold(raw, journal.pending(raw, lines))
        return to_search(path, raw, default_settings, consume=True)
    meta, records = tables
    pending = journal.pending({META_TABLE: meta}, lines)
    if pending:
        records = _with_lines(path, records, pending)
    return _search(records, default_settings)


def _validated_tables(payload: bytes) -> tuple[dict[str, Any], dict[str, dict[str, Record]]] | None:
    """The `_meta` table and every table's records of a sound file of this schema, validated from its bytes;
    None for any other file, which the step-by-step read judges."""
    try:
        tables = _file_adapter().validate_json(payload)
    except ValidationError:
        return None
    meta = tables.pop(META_TABLE, None)
    tables.pop(HISTORY_TABLE, None)
    if not isinstance(meta, dict) or schema_version({META_TABLE: meta}) != migrations.SCHEMA_VERSION:
        return None
    # TinyDB numbers documents; a key that is not a number makes its next insert fail.
    if not all(key.isascii() and key.isdigit() for table in tables.values() for key in table):
        return None
    return meta, {name: tables.get(name, {}) for name in TABLES}


@functools.cache
def _file_adapter() -> TypeAdapter[dict[str, Any]]:
    """A validator of a whole file of this schema: every table's documents as their models; no other table.

    Made at its first use: it builds every model's validator, which a command that never reads does not need.
    """
    fields: dict[str, Any] = {name: NotRequired[dict[str, model]] for name, model in TABLES.items()}  # type: ignore[valid-type]
    fields[META_TABLE] = dict[str, Any]
    fields[HISTORY_TABLE] = NotRequired[dict[str, Any]]
    shape = TypedDict("DatabaseFile", fields)  # type: ignore[misc]
    shape.__pydantic_config__ = ConfigDict(extra="forbid")  # type: ignore[attr-defined]
    return TypeAdapter(shape)  # type: ignore[arg-type]  # a TypedDict made at run time


def _with_lines(
    path: Path, tables: dict[str, dict[str, Record]], lines: Sequence[Line]
) -> dict[str, dict[str, Record]]:
    """`tables` with each line's records put in, in order, validated by the same models as the file's.

    A record keeps its place when it was in the file, and comes after the file's records when it is new: the
    order a read of the file gives once the journal is folded in. Only the tables the lines touch are copied.
    """
    changed: dict[str, dict[object, Record]] = {}
    for line in lines:
        for change in line.changes:
            model = TABLES.get(change.table)
            if model is None:
                raise journal.damaged(path, f"has a change to an unknown table {change.table!r}")
            try:
                record = model.model_validate(change.document)
            except ValidationError as error:
                raise journal.damaged(path, f"has a record that does not validate ({_first(error)})") from None
            if change.table not in changed or change.table == "settings":
                kept = {} if change.table == "settings" else tables.get(change.table, {})
                changed[change.table] = {kept_record.id: kept_record for kept_record in kept.values()}
            changed[change.table][record.id] = record
    return {
        name: {str(number): record for number, record in enumerate(changed[name].values())}
        if name in changed
        else records
        for name, records in tables.items()
    }


def _search(tables: dict[str, dict[str, Record]], default_settings: Callable[[], Settings]) -> JobSearch:
    """A search of validated `tables`, tombstones left out (kept in the file for merges, never part of a search)."""
    loaded = {
        name: tuple(record for record in tables.get(name, {}).values() if record.deleted_at is None) for name in TABLES
    }
    settings = loaded.pop("settings")
    rest: dict[str, Any] = loaded  # each table's records are of the model TABLES gives it
    return JobSearch(settings=cast(Settings, settings[0]) if settings else default_settings(), **rest)


@collector_paused
def parse(path: Path, payload: bytes) -> dict[str, Any]:
    """Bytes to a database dict, or CorruptDatabase naming the file and the newest backup."""
    if not payload.strip():
        raise corrupt(path, "is empty")
    try:
        raw = orjson.loads(payload)  # it checks the UTF-8 too
    except orjson.JSONDecodeError as error:
        raise corrupt(path, _json_problem(payload, error)) from None
    if not isinstance(raw, dict) or not isinstance(raw.get(META_TABLE), dict):
        raise corrupt(path, "is not a nextyes database")
    version = schema_version(raw)
    if version is None:
        raise corrupt(path, "has no schema version")
    if version > migrations.SCHEMA_VERSION:
        raise NewerDatabase(
            path,
            f"was written by a newer nextyes (schema {version}; this one knows up to {migrations.SCHEMA_VERSION})",
            "upgrade nextyes to open it; the file was not changed",
        )
    for name, table in raw.items():
        if name not in (META_TABLE, HISTORY_TABLE) and name not in TABLES:
            raise corrupt(path, f"has an unknown table {name!r}")
        if not isinstance(table, dict) or not all(isinstance(doc, dict) for doc in table.values()):
            raise corrupt(path, f"has a malformed table {name!r}")
        # TinyDB numbers documents; a key that is not a number makes its next insert fail.
        if not all(key.isascii() and key.isdigit() for key in table):
            raise corrupt(path, f"has a malformed table {name!r} (a document key is not a number)")
    for name in TABLES:
        raw.setdefault(name, {})
    return raw


def to_search(
    path: Path, raw: dict[str, Any], default_settings: Callable[[], Settings], *, consume: bool = False
) -> JobSearch:
    """The validated records of `raw`; with `consume`, each table's documents are let go once validated,
    so a read never holds every parsed document and every record at once (30 MB less at 5 years)."""
    take = raw.pop if consume else raw.get
    try:
        tables = {
            name: {key: model.model_validate(doc) for key, doc in take(name, {}).items()}
            for name, model in TABLES.items()
        }
    except ValidationError as error:
        raise corrupt(path, f"has a record that does not validate ({_first(error)})") from None
    return _search(tables, default_settings)


def _first(error: ValidationError) -> str:
    """Where the first problem of `error` is, and what it is."""
    first = error.errors()[0]
    where = ".".join(str(part) for part in first["loc"])
    return f"{where}: {first['msg']}"


def corrupt(path: Path, problem: str) -> CorruptDatabase:
    """The refusal of a file that does not open: it says the file was left as it was, and how to restore.

    It names the file as it was before its last write first (it lost the least), then the newest daily backup.
    """
    previous, backup = previous_version(path), newest_backup(path)
    where = "there is no backup yet"
    if previous.is_file():
        where = f"the file as it was before its last change is {previous}; 'nextyes backup restore' puts it back"
        if backup is not None:
            where += f" (the newest daily backup is {backup})"
    elif backup is not None:
        where = f"the newest backup is {backup}; 'nextyes backup restore' puts it back"
    return CorruptDatabase(path, problem, f"it was left untouched; {where}")


def _json_problem(payload: bytes, error: orjson.JSONDecodeError) -> str:
    """What is wrong with a file orjson refused, in words: not UTF-8, too deep, or where the JSON breaks."""
    try:
        payload.decode("utf-8")  # only now: a 13 MB file decoded on every read would cost time and memory
    except UnicodeDecodeError:
        return "is not UTF-8 text"
    if "depth limit" in error.msg:
        return "is not valid JSON (nested too deeply)"
    return f"is not valid JSON (line {error.lineno}, column {error.colno})"
