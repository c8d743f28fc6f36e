"""`Store`: reads the database into a `JobSearch`, and changes it in locked, atomic transactions.

TinyDB's own JSONStorage rewrites the file in place and caches ids per instance, so every
transaction here reads the file afresh under the lock into an in-memory TinyDB, and writes the
result back once, atomically, only if it changed.
"""

from __future__ import annotations

import dataclasses
import errno
import hashlib
import stat
import uuid
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import Any, TypeVar

import orjson
from filelock import FileLock, Timeout
from pydantic import ValidationError
from tinydb import TinyDB
from tinydb.storages import MemoryStorage

from tui.core.models import (
    ActionMark,
    Activity,
    Application,
    Contact,
    Interview,
    LearningGoal,
    Record,
    Reflection,
    RestDay,
    Settings,
    Win,
)
from tui.core.search import JobSearch
from tui.store.backups import (
    backup_folder,
    keep_before_restore,
    keep_daily_backup,
    keep_pre_migration_copy,
    newest_backup,
)
from tui.store.collector import collector_paused
from tui.store.errors import CorruptDatabase, DatabaseBusy, NewerDatabase, StoreError, WriteFailed
from tui.store.files import atomic_write, remove_debris, temp_name_pattern

SCHEMA_VERSION = 4
META_TABLE = "_meta"
TABLES: dict[str, type[Record]] = {
    "applications": Application,
    "activities": Activity,
    "reflections": Reflection,
    "settings": Settings,
    "rest_days": RestDay,
    "interviews": Interview,
    "contacts": Contact,
    "learning_goals": LearningGoal,
    "wins": Win,
    "action_marks": ActionMark,
}
TABLE_OF = {model: name for name, model in TABLES.items()}

# Pure dict -> dict steps: MIGRATIONS[n] turns a schema-n file into a schema-(n+1) file.
def _add_rest_days(raw: dict[str, Any]) -> dict[str, Any]:
    """Schema 2 adds planned rest days; settings gained fields that all have defaults."""
    return {**raw, "rest_days": raw.get("rest_days", {})}


def _add_pipeline_tables(raw: dict[str, Any]) -> dict[str, Any]:
    """Schema 3 adds interviews, contacts, learning goals, wins and marks on today's actions.

    Applications, activities, stage moves and settings gained fields that all have defaults.
    """
    added = ("interviews", "contacts", "learning_goals", "wins", "action_marks")
    return {**raw, **{name: raw.get(name, {}) for name in added}}


def _add_import_fields(raw: dict[str, Any]) -> dict[str, Any]:
    """Schema 4 marks stage moves imported without a day, and caps reconnects a day; both have defaults.

    Nothing on disk changes shape, but an older nextyes would refuse the new fields, so the version moves on.
    """
    return dict(raw)


MIGRATIONS: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {
    1: _add_rest_days,
    2: _add_pipeline_tables,
    3: _add_import_fields,
}

R = TypeVar("R", bound=Record)


class Store:
    """One database file. Cheap to create; holds no file handle between calls.

    It remembers the fingerprint of the last content it validated, so the same content read again (the
    shell's read before its transaction, the app's reload after a poll or after its own change) is not
    validated record by record a second time.
    """

    def __init__(
        self, path: Path, now: Callable[[], datetime], lock_timeout: float = 10.0, *, keep_parsed: bool = False
    ) -> None:
        """`keep_parsed`: a read keeps the file's parsed dict for the transaction that follows it, as a shell
        command reads and then writes at once. The app does not: it would hold a second copy of every record.
        """
        self.path = Path(path)
        self.now = now
        self.lock_timeout = lock_timeout
        self.keep_parsed = keep_parsed
        self.validations = 0  # how many times a read validated every record, rather than reusing the last
        self._validated: tuple[bytes, JobSearch] | None = None  # (fingerprint of the file, its records)
        self._parsed: tuple[bytes, dict[str, Any]] | None = None  # for the next transaction, taken once

    @property
    def lock_path(self) -> Path:
        return self.path.with_name(self.path.name + ".lock")

    def load(self) -> JobSearch:
        """Every record as it is now. No lock: an atomic replace never shows a half-written file."""
        payload = self._read_bytes()
        if payload is None:
            return _to_search(self.path, _empty(), self.default_settings)
        return self._search_of(payload)

    def check(self) -> JobSearch:
        """Read and validate every record afresh; raises StoreError when anything is wrong."""
        payload = self._read_bytes()
        if payload is None:
            return _to_search(self.path, _empty(), self.default_settings)
        return _read_search(self.path, payload, self.default_settings)

    def settings_saved(self) -> bool:
        """Whether the file holds settings of its own, rather than the defaults a read fills in."""
        payload = self._read_bytes()
        return payload is not None and bool(_parse(self.path, payload).get("settings"))

    def default_settings(self) -> Settings:
        stamp = self.now()
        return Settings(created_at=stamp, updated_at=stamp)

    @contextmanager
    def transaction(self) -> Iterator[Transaction]:
        """Lock, read afresh, let the caller change records, then write once if anything changed.

        The collector is paused throughout: parsing the file again makes as many objects as a read.
        """
        with self._locked(), collector_paused:
            previous = self._read_bytes()
            raw = self._take_parsed(previous) if previous is not None else _empty()
            written_as = _schema_version(raw) or SCHEMA_VERSION
            raw = _migrate(self.path, raw)
            # Refuse a file with a bad record before any change: writing would carry the bad record on.
            initial = self._search_of(previous, raw) if previous is not None else _to_search(
                self.path, raw, self.default_settings
            )
            transaction = Transaction(self, raw, initial)
            del raw
            try:
                yield transaction
                if transaction.changed and (written := self._write(transaction.raw, previous, written_as)):
                    # What a read of the new file would give: the app's read after its own change is free.
                    self._validated = (_fingerprint(written), transaction.search)
            finally:
                transaction.close()  # every parsed document freed while the collector is still paused

    def restore(self, backup: Path) -> Path | None:
        """Put a backup's records back as the database; returns where the file as it was is kept.

        The backup must be a sound nextyes database (an older schema is upgraded at the next write).
        The current file is copied first even when it no longer opens: restoring must never lose anything.
        """
        try:
            payload = _read_file(backup)
            _read_search(backup, payload, self.default_settings)
        except FileNotFoundError:
            raise StoreError(backup, "cannot be restored: there is no such file") from None
        except StoreError as error:
            advice = "choose another backup from 'nextyes backup list'"
            raise StoreError(backup, f"cannot be restored: it {error.problem}", advice) from None
        with self._locked():
            current = self._read_bytes()
            if current == payload:
                return None
            if current is not None and _read_only(self.path):
                raise WriteFailed(self.path, "cannot be restored over: the file is read-only", "nothing was changed")
            try:
                kept = keep_before_restore(self.path, current, self.now()) if current is not None else None
                atomic_write(self.path, payload)
            except OSError as error:
                raise _write_error(self.path, error) from None
        return kept

    @contextmanager
    def _locked(self) -> Iterator[None]:
        """Hold the lock file beside the database, or say the database is busy after `lock_timeout`."""
        self._ensure_folder()
        try:
            lock = FileLock(self.lock_path, timeout=self.lock_timeout)
            lock.acquire()
        except Timeout:
            raise DatabaseBusy(
                self.path, "the database is busy", "another nextyes is writing to it; try again in a moment"
            ) from None
        except OSError as error:
            raise _write_error(self.path, error) from None
        try:
            _remove_debris(self.path)
            yield
        finally:
            lock.release()

    def _ensure_folder(self) -> None:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise _write_error(self.path, error) from None

    def _read_bytes(self) -> bytes | None:
        try:
            return _read_file(self.path)
        except FileNotFoundError:
            return None

    def _search_of(self, payload: bytes, raw: dict[str, Any] | None = None) -> JobSearch:
        """The validated records of `payload` (parsed as `raw` when the caller has it already)."""
        fingerprint = _fingerprint(payload)
        validated = self._validated
        if validated is not None and validated[0] == fingerprint:
            return validated[1]
        if raw is not None:
            search = _to_search(self.path, raw, self.default_settings)
        else:
            keep = self._keep_parsed if self.keep_parsed else None
            search = _read_search(self.path, payload, self.default_settings, keep)
            self.validations += 1
        self._validated = (fingerprint, search)
        return search

    def _keep_parsed(self, payload: bytes, raw: dict[str, Any]) -> None:
        if _schema_version(raw) == SCHEMA_VERSION:  # an older file's transaction must see it unmigrated
            self._parsed = (payload, raw)

    def _take_parsed(self, payload: bytes) -> dict[str, Any]:
        """`payload` parsed: by the read just before (a shell command reads, then writes), or now.

        Taken once, because a transaction changes the dict it is given.
        """
        parsed, self._parsed = self._parsed, None
        if parsed is not None and parsed[0] == payload:
            return parsed[1]
        return _parse(self.path, payload)

    def _write(self, raw: dict[str, Any], previous: bytes | None, written_as: int) -> bytes | None:
        """Write `raw` atomically, keeping the day's backup first; the bytes written, or None when unchanged."""
        try:
            payload = orjson.dumps(raw)  # compact UTF-8, the bytes json.dumps(ensure_ascii=False) gave, 9x faster
        except (TypeError, ValueError) as error:
            raise WriteFailed(
                self.path, f"cannot be saved: a record cannot be written as JSON ({error})", "nothing was changed"
            ) from None
        if payload == previous:
            return None
        if previous is not None and _read_only(self.path):
            raise WriteFailed(self.path, "cannot be saved: the file is read-only", "nothing was changed")
        try:
            if previous is not None:
                if written_as < SCHEMA_VERSION:
                    keep_pre_migration_copy(self.path, previous, written_as)
                keep_daily_backup(self.path, previous, self.now().date())
            atomic_write(self.path, payload)
        except OSError as error:
            raise _write_error(self.path, error) from None
        return payload


class Transaction:
    """The records inside one locked read-modify-write. Every record is validated before it is kept."""

    def __init__(self, store: Store, raw: dict[str, Any], initial: JobSearch) -> None:
        self.store = store
        self.raw = raw
        self.initial = initial  # the records as read, before this transaction changed anything
        self._search = initial
        self.changed = False
        self._db = TinyDB(storage=MemoryStorage)
        self._db.storage.memory = raw  # type: ignore[attr-defined]

    @property
    def search(self) -> JobSearch:
        """The records as they stand inside this transaction, changes included."""
        return self._search

    @property
    def settings(self) -> Settings:
        return self._search.settings

    def add(self, record: Record) -> Record:
        name = TABLE_OF[type(record)]
        if self._document_number(name, record.id) is not None:
            raise ValueError(f"a record with id {record.id} already exists")
        self._db.table(name).insert(self._keep(record))
        return record

    def add_all(self, records: Sequence[Record]) -> None:
        """Add many new records at once (an import): one pass per table, not one search per record."""
        by_table: dict[str, list[Record]] = defaultdict(list)
        for record in records:
            if isinstance(record, Settings):
                raise TypeError("settings are saved with save_settings, not added")
            by_table[TABLE_OF[type(record)]].append(record)
        for name, batch in by_table.items():
            table = self._db.table(name)
            known = {row["id"] for row in table.all()}
            documents = [_dump(record) for record in batch]
            ids = [document["id"] for document in documents]
            clash = next((i for i in ids if i in known), None) or _first_repeat(ids)
            if clash is not None:
                raise ValueError(f"a record with id {clash} already exists")
            table.insert_multiple(documents)
            stored = tuple(type(record).model_validate(doc) for record, doc in zip(batch, documents, strict=True))
            self._search = dataclasses.replace(self._search, **{name: (*getattr(self._search, name), *stored)})
            self.changed = True

    def replace(self, record: Record) -> Record:
        """Store a new version of an existing record (same id)."""
        name = TABLE_OF[type(record)]
        number = self._document_number(name, record.id)
        if number is None:
            raise KeyError(f"no {name} record with id {record.id}")
        self._db.table(name).update(_dump(record), doc_ids=[number])
        self._keep(record)
        return record

    def remove(self, record: Record) -> None:
        name = TABLE_OF[type(record)]
        number = self._document_number(name, record.id)
        if number is None:
            raise KeyError(f"no {name} record with id {record.id}")
        self._db.table(name).remove(doc_ids=[number])
        self._keep(record, removed=True)

    def save_settings(self, settings: Settings) -> Settings:
        table = self._db.table("settings")
        table.truncate()
        table.insert(self._keep(settings))
        return settings

    def _keep(self, record: Record, *, removed: bool = False) -> dict[str, Any]:
        """Mark the transaction changed and carry the change into `search`, without re-reading every record."""
        self.changed = True
        document = _dump(record)
        stored = type(record).model_validate(document)  # exactly what a later read will give
        name = TABLE_OF[type(record)]
        if name == "settings":
            self._search = dataclasses.replace(self._search, settings=stored)
        else:
            records = _changed(getattr(self._search, name), stored, removed)
            self._search = dataclasses.replace(self._search, **{name: records})
        return document

    def close(self) -> None:
        """Let go of the file's documents; `search` and `initial` stay."""
        self.raw = {}
        self._db.storage.memory = None  # type: ignore[attr-defined]

    def get(self, model: type[R], record_id: uuid.UUID) -> R | None:
        name = TABLE_OF[model]
        number = self._document_number(name, record_id)
        return model.model_validate(self.raw[name][str(number)]) if number is not None else None

    def _document_number(self, table: str, record_id: uuid.UUID) -> int | None:
        """TinyDB's number for the document of `record_id`, found by a plain scan of the table's documents:
        a TinyDB query over 20,000 activities took 20 ms, this takes 2."""
        wanted = str(record_id)
        documents = self.raw.get(table, {})
        return next((int(number) for number, document in documents.items() if document.get("id") == wanted), None)


def count_records(path: Path) -> dict[str, int]:
    """How many records each table of a database file holds, read without validating each record.

    Quick enough to describe every backup in a list; CorruptDatabase or NewerDatabase when it would not open.
    """
    raw = _parse(path, _read_file(path))
    return {name: len(raw[name]) for name in TABLES if name != "settings"}


def _fingerprint(payload: bytes) -> bytes:
    """SHA-256 of a file's bytes: what the store remembers of the content it validated, rather than the
    bytes themselves (13 MB at 5 years, held as long as the app is open); 7 ms at that size."""
    return hashlib.sha256(payload).digest()


def _read_file(path: Path) -> bytes:
    """The file's bytes; FileNotFoundError when it is missing, StoreError naming it for anything else."""
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise
    except IsADirectoryError:
        raise CorruptDatabase(path, "is a folder, not a database file") from None
    except OSError as error:
        raise StoreError(path, f"cannot be read ({error.strerror or error})") from None


def _read_only(path: Path) -> bool:
    """Whether the person made the file read-only. A rename would replace it anyway, so ask its mode bits."""
    try:
        return not path.stat().st_mode & stat.S_IWUSR
    except OSError:
        return False


def _remove_debris(path: Path) -> None:
    """Temp files of a writer killed mid-write, beside the database and in its backups folder."""
    remove_debris(path.parent, temp_name_pattern(path.name))
    remove_debris(backup_folder(path), temp_name_pattern("*"))


def _changed(records: tuple[Record, ...], record: Record, removed: bool) -> tuple[Record, ...]:
    """`records` with `record` removed, put in the place of its older version, or added at the end:
    the order a read of the written file gives, as TinyDB keeps an updated document where it was."""
    place = next((index for index, kept in enumerate(records) if kept.id == record.id), None)
    if place is None:
        return records if removed else (*records, record)
    return (*records[:place], *(() if removed else (record,)), *records[place + 1 :])


def _first_repeat(values: Iterable[str]) -> str | None:
    seen: set[str] = set()
    for value in values:
        if value in seen:
            return value
        seen.add(value)
    return None


def _dump(record: Record) -> dict[str, Any]:
    # Round-trip through JSON mode so what is stored is exactly what a later read will validate.
    return type(record).model_validate(record.model_dump()).model_dump(mode="json")


def _empty() -> dict[str, Any]:
    return {META_TABLE: {"1": {"schema_version": SCHEMA_VERSION}}, **{name: {} for name in TABLES}}


@collector_paused
def _read_search(
    path: Path,
    payload: bytes,
    default_settings: Callable[[], Settings],
    keep_parsed: Callable[[bytes, dict[str, Any]], None] | None = None,
) -> JobSearch:
    """Parse and validate in one pause of the collector; the parsed dict is freed before it resumes,
    unless `keep_parsed` keeps it."""
    raw = _parse(path, payload)
    if keep_parsed is not None:
        keep_parsed(payload, raw)
    return _to_search(path, _migrate(path, raw), default_settings, consume=keep_parsed is None)


@collector_paused
def _parse(path: Path, payload: bytes) -> dict[str, Any]:
    """Bytes to a database dict, or CorruptDatabase naming the file and the newest backup."""
    if not payload.strip():
        raise _corrupt(path, "is empty")
    try:
        raw = orjson.loads(payload)  # it checks the UTF-8 too
    except orjson.JSONDecodeError as error:
        raise _corrupt(path, _json_problem(payload, error)) from None
    if not isinstance(raw, dict) or not isinstance(raw.get(META_TABLE), dict):
        raise _corrupt(path, "is not a nextyes database")
    version = _schema_version(raw)
    if version is None:
        raise _corrupt(path, "has no schema version")
    if version > SCHEMA_VERSION:
        raise NewerDatabase(
            path,
            f"was written by a newer nextyes (schema {version}; this one knows up to {SCHEMA_VERSION})",
            "upgrade nextyes to open it; the file was not changed",
        )
    for name, table in raw.items():
        if name != META_TABLE and name not in TABLES:
            raise _corrupt(path, f"has an unknown table {name!r}")
        if not isinstance(table, dict) or not all(isinstance(doc, dict) for doc in table.values()):
            raise _corrupt(path, f"has a malformed table {name!r}")
        # TinyDB numbers documents; a key that is not a number makes its next insert fail.
        if not all(key.isascii() and key.isdigit() for key in table):
            raise _corrupt(path, f"has a malformed table {name!r} (a document key is not a number)")
    for name in TABLES:
        raw.setdefault(name, {})
    return raw


def _json_problem(payload: bytes, error: orjson.JSONDecodeError) -> str:
    """What is wrong with a file orjson refused, in words: not UTF-8, too deep, or where the JSON breaks."""
    try:
        payload.decode("utf-8")  # only now: a 13 MB file decoded on every read would cost time and memory
    except UnicodeDecodeError:
        return "is not UTF-8 text"
    if "depth limit" in error.msg:
        return "is not valid JSON (nested too deeply)"
    return f"is not valid JSON (line {error.lineno}, column {error.colno})"


def _schema_version(raw: dict[str, Any]) -> int | None:
    first = next(iter(raw[META_TABLE].values()), None)
    version = first.get("schema_version") if isinstance(first, dict) else None
    is_number = isinstance(version, int) and not isinstance(version, bool)
    return version if is_number and version >= 1 else None


def _migrate(path: Path, raw: dict[str, Any]) -> dict[str, Any]:
    version = _schema_version(raw) or SCHEMA_VERSION
    while version < SCHEMA_VERSION:
        raw = MIGRATIONS[version](raw)
        version += 1
        raw[META_TABLE] = {"1": {"schema_version": version}}
    return raw


def _to_search(
    path: Path, raw: dict[str, Any], default_settings: Callable[[], Settings], *, consume: bool = False
) -> JobSearch:
    """The validated records of `raw`; with `consume`, each table's documents are let go once validated,
    so a read never holds every parsed document and every record at once (30 MB less at 5 years)."""
    take = raw.pop if consume else raw.get
    try:
        loaded = {
            name: tuple(model.model_validate(doc) for doc in take(name, {}).values()) for name, model in TABLES.items()
        }
    except ValidationError as error:
        first = error.errors()[0]
        where = ".".join(str(part) for part in first["loc"])
        raise _corrupt(path, f"has a record that does not validate ({where}: {first['msg']})") from None
    return JobSearch(
        settings=loaded["settings"][0] if loaded["settings"] else default_settings(),  # type: ignore[arg-type]
        applications=loaded["applications"],  # type: ignore[arg-type]
        activities=loaded["activities"],  # type: ignore[arg-type]
        reflections=loaded["reflections"],  # type: ignore[arg-type]
        rest_days=loaded["rest_days"],  # type: ignore[arg-type]
        interviews=loaded["interviews"],  # type: ignore[arg-type]
        contacts=loaded["contacts"],  # type: ignore[arg-type]
        learning_goals=loaded["learning_goals"],  # type: ignore[arg-type]
        wins=loaded["wins"],  # type: ignore[arg-type]
        action_marks=loaded["action_marks"],  # type: ignore[arg-type]
    )


def _corrupt(path: Path, problem: str) -> CorruptDatabase:
    backup = newest_backup(path)
    where = "there is no backup yet"
    if backup is not None:
        where = f"the newest backup is {backup}; 'nextyes backup restore' puts it back"
    return CorruptDatabase(path, problem, f"it was left untouched; {where}")


def _write_error(path: Path, error: OSError) -> WriteFailed:
    if error.errno in (errno.ENOSPC, errno.EDQUOT, errno.EFBIG):
        problem = "cannot be saved: the disk is full"
    elif error.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
        problem = "cannot be saved: the file or its folder is read-only"
    else:
        problem = f"cannot be saved ({error.strerror or error})"
    return WriteFailed(path, problem, "nothing was changed")
