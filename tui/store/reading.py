"""A database file's bytes to validated records, or a refusal that names the file and the newest backup."""

from __future__ import annotations

import errno
import functools
import hashlib
import os
import stat
from collections.abc import Callable, Collection, Iterator, Sequence
from pathlib import Path
from typing import Any, NotRequired, cast

import orjson
from pydantic import ConfigDict, TypeAdapter, ValidationError
from typing_extensions import TypedDict

from tui.core.models import EqualValues, Record, Settings
from tui.core.search import JobSearch
from tui.store import journal, migrations, pieces
from tui.store.backups import newest_backup, previous_version
from tui.store.collector import collector_paused
from tui.store.errors import CorruptDatabase, NewerDatabase, StoreError
from tui.store.files import Identity, identity_of
from tui.store.journal import Journal, Line
from tui.store.migrations import HISTORY_TABLE, META_TABLE, schema_version
from tui.store.tables import TABLES

# The most a database file may hold. Five years of heavy use is 13 MB; a file 80 times that is not one.
MAX_DATABASE_BYTES = 1 << 30  # 1 GiB
READ_CHUNK = 1 << 24

Tables = dict[str, list[Record]]  # each table's records, in the file's order


def read_file(path: Path, limit: int = MAX_DATABASE_BYTES) -> bytes:
    """The bytes of the regular file at `path` (or a symlink to one); FileNotFoundError when it is missing,
    StoreError naming it for anything else.

    Only a regular file is read, and at most `limit` bytes: a FIFO, a device (/dev/zero), a socket or a folder
    is refused at once, never read (a FIFO is opened without waiting for a writer), and a file larger than
    the limit is refused rather than filling memory.
    """
    handle, status = _opened(path, limit)
    try:
        payload = _read_at_most(handle, limit + 1, status.st_size)
    except OSError as error:
        raise StoreError(path, f"cannot be read ({error.strerror or error})") from None
    finally:
        os.close(handle)
    if len(payload) > limit:  # it grew while being read
        raise _too_large(path, limit)
    return payload


def _opened(path: Path, limit: int) -> tuple[int, os.stat_result]:
    """A read-only handle on the regular file at `path` and its status, or the refusal `read_file` describes."""
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
    except BaseException as error:
        os.close(handle)
        if isinstance(error, OSError):
            raise StoreError(path, f"cannot be read ({error.strerror or error})") from None
        raise
    return handle, status


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
    fast as parsing it to Python first, and no parsed copy is held), a run of records at a time when the file
    is compact (see `pieces.py`). Anything else (an older schema, a damaged file) is parsed and judged step by
    step, for the precise refusal or the upgrade.
    """
    found = cut(payload)
    tables = None if found is None else _checked(_validated(found, _runs_in(payload, found)))
    if tables is None:
        tables = _checked(_validated_whole(payload))
    if tables is None:
        raw = migrations.migrate(parse(path, payload))
        journal.fold(raw, journal.pending(raw, lines))
        return to_search(path, raw, default_settings, consume=True)
    return _with_journal(path, tables, default_settings, lines)


def cut(payload: bytes) -> list[pieces.Table] | None:
    """The tables of a compact file of nextyes's tables and where their runs of records are; None for any
    other file."""
    found = pieces.tables(payload, frozenset(_table_adapters()))
    return found if found is not None and META_TABLE in {table.name for table in found} else None


@collector_paused
def read_cut(
    path: Path,
    read: tuple[Identity, bytes],
    found: list[pieces.Table],
    default_settings: Callable[[], Settings],
    lines: Journal = journal.EMPTY,
) -> JobSearch | None:
    """`read_search` of a compact file whose bytes were let go once `cut`: each run of records is read from the
    file again, so its 13 MB (at five years) are not held beside the records being made.

    `read` is the file as it was cut: its identity and SHA-256. None when the file is another one now, or
    other bytes, or a run does not validate (cut where no record ends): the caller reads the file whole. None
    too for a sound file of another schema, which only the whole read upgrades.
    """
    (known, digest), hashed = read, hashlib.sha256()
    try:
        handle, status = _opened(path, MAX_DATABASE_BYTES)
    except (FileNotFoundError, StoreError):
        return None
    try:
        if identity_of(status) != known:
            return None
        tables = _checked(_validated(found, _runs_from(handle, found, hashed.update)))
        hashed.update(_read_exactly(handle, found[-1].end, status.st_size))
    except OSError:
        return None
    finally:
        os.close(handle)
    if tables is None or hashed.digest() != digest:
        return None
    return _with_journal(path, tables, default_settings, lines)


def _runs_in(payload: bytes, found: list[pieces.Table]) -> Iterator[memoryview]:
    """Each run of records of `found`, in order, as a view of `payload`: nothing copied."""
    whole = memoryview(payload)
    for table in found:
        for start, end in table.runs:
            yield whole[start:end]


def _runs_from(handle: int, found: list[pieces.Table], seen: Callable[[bytes], object]) -> Iterator[memoryview]:
    """Each run of records of `found`, in order, read from the file `handle`; every byte read, up to the last
    table's end (the glue between runs too), is given to `seen`, which hashes it: so the bytes validated are
    proven to be the bytes that were cut."""
    at = 0
    for table in found:
        for start, end in table.runs:
            read = _read_exactly(handle, at, end)
            seen(read)
            yield memoryview(read)[start - at :]
            at = end
        seen(_read_exactly(handle, at, table.end))
        at = table.end


def _read_exactly(handle: int, start: int, end: int) -> bytes:
    """The file's bytes from `start` to `end`; OSError when it ends sooner (it was cut short meanwhile)."""
    parts, at = [], start
    while at < end:
        part = os.pread(handle, end - at, at)
        if not part:
            raise OSError(errno.EIO, "the file ended sooner than it did when it was cut")
        parts.append(part)
        at += len(part)
    return parts[0] if len(parts) == 1 else b"".join(parts)


def _validated(found: list[pieces.Table], runs: Iterator[memoryview]) -> tuple[dict[str, Any], Tables] | None:
    """The `_meta` table and every table's records of `found`, its runs (given in order by `runs`) validated one
    at a time, each a JSON object of its own; None when a run does not validate, or its document numbers do not
    rise (numbers repeated across runs would be one document in the file: the whole read keeps the last)."""
    adapters, equal = _table_adapters(), EqualValues()
    meta: dict[str, Any] = {}
    tables: Tables = {}
    try:
        for table in found:
            adapter = adapters[table.name]
            if table.name not in TABLES:  # `_meta`, or `_history`: any JSON, which a read leaves out
                for _ in table.runs:
                    documents = adapter.validate_json(b"".join((b"{", next(runs), b"}")))
                    if table.name == META_TABLE:
                        meta.update(documents)
                continue
            records, last = tables.setdefault(table.name, []), 0
            for _ in table.runs:
                documents = adapter.validate_json(b"".join((b"{", next(runs), b"}")))
                rising = _rising(documents, last)
                if rising is None:
                    return None
                last = rising
                records.extend(documents.values())  # the numbers are let go a run at a time
                equal.share(records, len(records) - len(documents))
    except ValidationError:
        return None
    return meta, tables


def _rising(documents: dict[str, Any], after: int) -> int | None:
    """The last of `documents`' keys when each is a TinyDB document number higher than the one before it, the
    first higher than `after`; None otherwise."""
    if not _numbered(documents):
        return None
    numbers = list(map(int, documents))
    if numbers and (numbers[0] <= after or numbers != sorted(set(numbers))):
        return None
    return numbers[-1] if numbers else after


def _validated_whole(payload: bytes) -> tuple[dict[str, Any], Tables] | None:
    """The `_meta` table and every table's records of a file not cut into runs, validated in one go; None when
    it does not validate."""
    try:
        tables = _file_adapter().validate_json(payload)
    except ValidationError:
        return None
    meta = tables.pop(META_TABLE, None)
    if not all(_numbered(tables.get(name, {})) for name in TABLES):
        return None
    return meta, _shared({name: list(tables.get(name, {}).values()) for name in TABLES})


def _numbered(keys: Collection[str]) -> bool:
    """Whether every one of `keys` is a TinyDB document number: a key that is not a number makes its next insert
    fail. All of them at once, joined: thirty thousand keys checked one by one took 5 ms."""
    digits = "".join(keys)
    return not keys or ("" not in keys and digits.isascii() and digits.isdigit())


def _shared(tables: Tables) -> Tables:
    """`tables`, with the equal values of their records made one object (`EqualValues`)."""
    equal = EqualValues()
    for records in tables.values():
        equal.share(records)
    return tables


def _checked(tables: tuple[dict[str, Any], Tables] | None) -> tuple[dict[str, Any], Tables] | None:
    """Validated `tables` when they are a sound file of this schema; None for any other, which the step-by-step
    read judges."""
    if tables is None:
        return None
    meta, records = tables
    if not isinstance(meta, dict) or schema_version({META_TABLE: meta}) != migrations.SCHEMA_VERSION:
        return None
    return meta, {name: records.get(name, []) for name in TABLES}


def _with_journal(
    path: Path,
    tables: tuple[dict[str, Any], Tables],
    default_settings: Callable[[], Settings],
    lines: Journal,
) -> JobSearch:
    """The search of a file's checked `tables` with its journal's `lines` put in."""
    meta, records = tables
    pending = journal.pending({META_TABLE: meta}, lines)
    if pending:
        records = _with_lines(path, records, pending)
    return _search(records, default_settings)


@functools.cache
def _table_adapters() -> dict[str, TypeAdapter[dict[str, Any]]]:
    """A validator of each table's documents as its model, by table name; the `_meta` and `_history` tables
    as any JSON (what the whole-file validator holds them to)."""
    adapters: dict[str, TypeAdapter[dict[str, Any]]] = {
        name: TypeAdapter(dict[str, model])  # type: ignore[valid-type]
        for name, model in TABLES.items()
    }
    adapters[META_TABLE] = adapters[HISTORY_TABLE] = TypeAdapter(dict[str, Any])
    return adapters


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


def _with_lines(path: Path, tables: Tables, lines: Sequence[Line]) -> Tables:
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
                kept = [] if change.table == "settings" else tables.get(change.table, [])
                changed[change.table] = {kept_record.id: kept_record for kept_record in kept}
            changed[change.table][record.id] = record
    return {name: list(changed[name].values()) if name in changed else records for name, records in tables.items()}


def _search(tables: Tables, default_settings: Callable[[], Settings]) -> JobSearch:
    """A search of validated `tables`, tombstones left out (kept in the file for merges, never part of a search)."""
    loaded = {name: tuple(record for record in tables.get(name, []) if record.deleted_at is None) for name in TABLES}
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
        if not _numbered(table):
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
            name: [model.model_validate(doc) for doc in take(name, {}).values()] for name, model in TABLES.items()
        }
    except ValidationError as error:
        raise corrupt(path, f"has a record that does not validate ({_first(error)})") from None
    return _search(_shared(tables), default_settings)


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
