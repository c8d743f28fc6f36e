"""`Transaction`: the records inside one locked read-modify-write of the database file.

It changes the parsed file through an in-memory TinyDB and carries each change into a `JobSearch`, so the
caller sees its own changes and the store can keep that search as its read of the file it writes.
"""

from __future__ import annotations

import dataclasses
import uuid
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from datetime import datetime
from typing import Any, TypeVar, cast

from tinydb import TinyDB
from tinydb.storages import MemoryStorage

from tui.core.models import Activity, Record, Settings
from tui.core.records import summary as records_summary
from tui.core.search import JobSearch
from tui.core.tally import carry_tally
from tui.store import history
from tui.store.history import Touched, UndoRefused
from tui.store.tables import TABLE_OF, TABLES

R = TypeVar("R", bound=Record)


class Transaction:
    """The records inside one locked read-modify-write. Every record is validated before it is kept.

    It remembers each record's document as it was before its first change, so that the store can keep the
    change in the history (see `history.py`) for undo: `summary` says what the change was, in words, and
    `source` where it was made ("app", "shell"…).
    """

    def __init__(
        self,
        raw: dict[str, Any],
        initial: JobSearch,
        now: Callable[[], datetime],
        whole: Callable[[], dict[str, Any]] | None = None,
    ) -> None:
        """`raw` is the parsed file, or, with `whole`, a sparse one (see `sparse`): it then holds only the records
        this transaction touches, taken from `initial` as they are first asked for, and `whole()` gives the whole
        parsed file for what only it knows (tombstones, the settings as saved)."""
        self.raw = raw
        self._whole = whole
        self.initial = initial  # the records as read, before this transaction changed anything
        self._search = initial
        self._now = now
        self.changed = False
        self.summary = ""
        self.source = ""
        self._db = TinyDB(storage=MemoryStorage)
        self._memory = cast(MemoryStorage, self._db.storage)
        self._memory.memory = raw
        # (table, id) -> (document number, document before the first change, None when added here)
        self._before: dict[tuple[str, str], tuple[int, dict[str, Any] | None]] = {}
        self._too_many = False  # more records changed than one history entry keeps
        self._keeps_history = True  # an undo or redo moves entries between the stacks itself

    @property
    def search(self) -> JobSearch:
        """The records as they stand inside this transaction, changes included."""
        return self._search

    @property
    def settings(self) -> Settings:
        return self._search.settings

    def add(self, record: R) -> R:
        name = TABLE_OF[type(record)]
        if self._document_number(name, record.id) is not None:
            raise ValueError(f"a record with id {record.id} already exists")
        number = self._db.table(name).insert(self._keep(record, new=True))
        self._note(name, str(record.id), number, None)
        return record

    def add_all(self, records: Sequence[Record]) -> None:
        """Add many new records at once (an import): one pass per table, not one search per record."""
        self._refuse_sparse("an import")
        by_table: dict[str, list[Record]] = defaultdict(list)
        for record in records:
            if isinstance(record, Settings):
                raise TypeError("settings are saved with save_settings, not added")
            by_table[TABLE_OF[type(record)]].append(record)
        for name, batch in by_table.items():
            table = self._db.table(name)
            known = {row["id"] for row in table.all()}
            documents = [dump(record) for record in batch]
            ids = [document["id"] for document in documents]
            clash = next((i for i in ids if i in known), None) or _first_repeat(ids)
            if clash is not None:
                raise ValueError(f"a record with id {clash} already exists")
            numbers = table.insert_multiple(documents)
            for number, identity in zip(numbers, ids, strict=True):
                self._note(name, identity, number, None)
            stored = tuple(type(record).model_validate(doc) for record, doc in zip(batch, documents, strict=True))
            grown: dict[str, Any] = {name: (*getattr(self._search, name), *stored)}
            self._search = dataclasses.replace(self._search, **grown)
            self.changed = True

    def replace(self, record: R) -> R:
        """Store a new version of an existing record (same id)."""
        name = TABLE_OF[type(record)]
        number = self._document_number(name, record.id)
        if number is None:
            raise KeyError(f"no {name} record with id {record.id}")
        self._note(name, str(record.id), number, self.raw[name][str(number)])
        self._db.table(name).update(dump(record), doc_ids=[number])
        self._keep(record)
        return record

    def delete(self, record: R) -> R:
        """Keep `record` as a tombstone: the file keeps its id and when it was deleted; no read shows it again."""
        stamp = self._now()
        return self.replace(record.touched(stamp, deleted_at=stamp))

    def save_settings(self, settings: Settings) -> Settings:
        sparse = self._whole is not None and not self.raw.get("settings")
        if sparse and (saved := next(iter(self._whole().get("settings", {}).values()), None)):  # type: ignore[misc]
            self._db.table("settings").insert(saved)  # the settings as saved, for the history's `before`
        table = self._db.table("settings")
        kept = next(iter(self.raw.get("settings", {}).values()), None)
        before = kept if kept is not None and kept.get("id") == str(settings.id) else None
        table.truncate()
        number = table.insert(self._keep(settings))
        self._note("settings", str(settings.id), number, before)
        return settings

    def get(self, model: type[R], record_id: uuid.UUID) -> R | None:
        """The record of `record_id` as it stands in this transaction; None when there is none or it was deleted."""
        name = TABLE_OF[model]
        number = self._document_number(name, record_id)
        if number is None:
            return None
        record = model.model_validate(self.raw[name][str(number)])
        return None if record.deleted else record

    def deleted(self, model: type[R]) -> list[R]:
        """The tombstones of `model`'s table: records deleted, which no read shows."""
        source = self._whole() if self._whole is not None else self.raw
        documents = source.get(TABLE_OF[model], {}).values()
        return [model.model_validate(doc) for doc in documents if doc.get("deleted_at") is not None]

    def undo(self) -> str:
        """Take back the latest change in the history; what it was, in words. UndoRefused when it cannot be."""
        self._refuse_sparse("an undo")
        entry = history.next_undo(self.raw)
        stamp = self._now()
        written = [
            Touched(
                change.table,
                change.id,
                self._put(
                    change.table,
                    change.after,
                    history.restamped(change.before, stamp)
                    if change.before is not None
                    else history.tombstone(change.after, stamp),
                    entry,
                ),
                change.after,
            )
            for change in history.changes(entry)
        ]
        history.finish_undo(self.raw, written)
        self._keeps_history = False
        return str(entry["summary"])

    def redo(self) -> str:
        """Make the change taken back last again; what it was, in words. UndoRefused when there is none."""
        self._refuse_sparse("a redo")
        entry = history.next_redo(self.raw)
        stamp = self._now()
        written = []
        for change in history.changes(entry):
            if change.before is None:  # an undone entry always says what the undo left
                raise UndoRefused(f"'{entry['summary']}' cannot be made again: its history is incomplete")
            put = self._put(change.table, change.before, history.restamped(change.after, stamp), entry)
            written.append(Touched(change.table, change.id, change.before, put))
        history.finish_redo(self.raw, written)
        self._keeps_history = False
        return str(entry["summary"])

    def rebuild(self, search: JobSearch) -> None:
        """After an undo or redo, the records as a fresh read of `raw` gives them (the caller validated it)."""
        self._search = search

    def remember(self) -> None:
        """Keep this transaction's change in the history, when it changed any record's document."""
        if (entry := self.history_entry()) is not None:
            history.remember(self.raw, entry)

    def changes(self) -> list[tuple[str, str, dict[str, Any]]]:
        """Every record this transaction changed: its table, its id and its document now."""
        return [
            (name, identity, after)
            for (name, identity), (number, before) in self._before.items()
            if (after := self.raw.get(name, {}).get(str(number))) is not None and after != before
        ]

    def history_entry(self) -> dict[str, Any] | None:
        """The history's entry for this transaction's change; None when it changed nothing the history keeps."""
        if not self._keeps_history:
            return None
        if self._too_many:
            touched = [Touched(name, "", None, {}) for name, _ in self._before]  # counted, not kept
        else:
            touched = [
                Touched(name, identity, before, after)
                for (name, identity), (number, before) in self._before.items()
                if (after := self.raw.get(name, {}).get(str(number))) is not None and after != before
            ]
        if not touched:
            return None
        summary = self.summary or self._summary(touched)
        return history.entry_document(summary, self._now(), self.source, touched)

    def _summary(self, touched: list[Touched]) -> str:
        """What a change did, in words, when its maker did not say: from the first record it touched."""
        if self._too_many:
            return f"added {len(touched):,} records"
        first = touched[0]
        if first.before is None:
            verb = "added"
        elif first.after.get("deleted_at") is not None and first.before.get("deleted_at") is None:
            verb = "deleted"
        else:
            verb = "changed"
        same = [t for t in touched if t.table == first.table and (t.before is None) == (first.before is None)]
        records = [TABLES[t.table].model_validate(t.after) for t in same]
        return records_summary(verb, records, self._search)

    def close(self) -> None:
        """Let go of the file's documents; `search` and `initial` stay."""
        self.raw = {}
        self._memory.memory = None

    def _keep(self, record: Record, *, new: bool = False) -> dict[str, Any]:
        """Mark the transaction changed and carry the change into `search`, without re-reading every record.

        A `new` record goes at the end of its table; the tally of the records, when the search before had it,
        is carried over with a new activity added rather than counted again (`tally.py`).
        """
        self.changed = True
        document = dump(record)
        stored = type(record).model_validate(document)  # exactly what a later read will give
        name = TABLE_OF[type(record)]
        before = self._search
        if isinstance(stored, Settings):
            self._search = dataclasses.replace(before, settings=stored)
        else:
            records = getattr(before, name)
            kept = (*records, stored) if new else _changed(records, stored, stored.deleted)
            table: dict[str, Any] = {name: kept}
            self._search = dataclasses.replace(before, **table)
            if new and isinstance(stored, Activity):
                carry_tally(before, self._search, stored)
        return document

    def _note(self, name: str, identity: str, number: int, before: dict[str, Any] | None) -> None:
        """Remember a record's document before its first change in this transaction."""
        if self._too_many or (name, identity) in self._before:
            return
        if len(self._before) >= history.MOST_CHANGES:
            self._too_many = True
        self._before[(name, identity)] = (number, dict(before) if before is not None else None)

    def _put(
        self, name: str, expected: dict[str, Any], document: dict[str, Any], entry: dict[str, Any]
    ) -> dict[str, Any]:
        """Write `document` in place of the record's current one, which must be `expected`: a record changed
        since in a way the history does not know is never overwritten. The document as stored."""
        identity = document.get("id")
        number = self._document_number(name, uuid.UUID(str(identity))) if identity else None
        current = self.raw.get(name, {}).get(str(number)) if number is not None else None
        if not history.same(current, expected):
            raise UndoRefused(
                f"'{entry['summary']}' cannot be taken back or made again: one of its records was changed "
                "since by something the history does not know (an import or an edit of the file); nothing was changed"
            )
        stored = dump(TABLES[name].model_validate(document))
        self.raw[name][str(number)] = stored
        self.changed = True
        return stored

    def _document_number(self, table: str, record_id: uuid.UUID) -> int | None:
        """TinyDB's number for the document of `record_id`, found by a plain scan of the table's documents:
        a TinyDB query over 20,000 activities took 20 ms, this takes 2."""
        wanted = str(record_id)
        documents = self.raw.get(table, {})
        number = next((int(number) for number, document in documents.items() if document.get("id") == wanted), None)
        if number is None and self._whole is not None:  # sparse: the record as read, put in the first time
            key = record_id.int  # ints compare in C; UUID.__eq__ is Python, 4x slower over five years of records
            record = next((kept for kept in self._records(table) if kept.id.int == key), None)
            if record is not None:
                number = self._db.table(table).insert(dump(record))
        return number

    def _refuse_sparse(self, what: str) -> None:
        if self._whole is not None:
            raise RuntimeError(f"{what} needs the whole file: open the transaction with append=False")

    def _records(self, table: str) -> tuple[Record, ...]:
        if table == "settings":
            return ()  # seeded from the file as saved (see save_settings)
        records: tuple[Record, ...] = getattr(self.initial, table)
        return records

    def put_documents(self, name: str, documents: Iterable[dict[str, Any]]) -> None:
        """Write records of table `name` as given (a merge's result, tombstones included): each replaces the
        document of its id, or is added. Each is validated first, and kept in the history like any change;
        one pass over the table however many there are."""
        self._refuse_sparse("a merge")
        stored = [TABLES[name].model_validate(document) for document in documents]
        if name == "settings":
            for settings in stored:
                self.save_settings(cast(Settings, settings))
            return
        table = self.raw.setdefault(name, {})
        numbers = {document.get("id"): number for number, document in table.items()}
        added: list[tuple[str, dict[str, Any]]] = []
        for record in stored:
            document, identity = dump(record), str(record.id)
            number = numbers.get(identity)
            if number is None:
                added.append((identity, document))
                continue
            self._note(name, identity, int(number), table[number])
            table[number] = document
        if added:  # in one insert: TinyDB rebuilds the table's dict at each
            inserted = self._db.table(name).insert_multiple(document for _, document in added)
            for (identity, _), number in zip(added, inserted, strict=True):
                self._note(name, identity, number, None)
        self.changed = self.changed or bool(stored)
        table = self.raw[name]
        # The table's records in the order a read of the written file gives them; those unchanged reused.
        kept: dict[uuid.UUID, Record] = {record.id: record for record in getattr(self._search, name)}
        kept.update((record.id, record) for record in stored)
        records = [kept.get(uuid.UUID(doc["id"])) or TABLES[name].model_validate(doc) for doc in table.values()]
        replaced: dict[str, Any] = {name: tuple(record for record in records if not record.deleted)}
        self._search = dataclasses.replace(self._search, **replaced)


def sparse() -> dict[str, Any]:
    """A parsed file with every table and no record: what a transaction over a journal starts from."""
    return {name: {} for name in TABLES}


def dump(record: Record) -> dict[str, Any]:
    """A record as the file stores it."""
    # Round-trip through JSON mode so what is stored is exactly what a later read will validate.
    return type(record).model_validate(record.model_dump()).model_dump(mode="json")


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
