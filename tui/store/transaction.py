"""`Transaction`: the records inside one locked read-modify-write of the database file.

It changes the parsed file through an in-memory TinyDB and carries each change into a `JobSearch`, so the
caller sees its own changes and the store can keep that search as its read of the file it writes.
"""

from __future__ import annotations

import dataclasses
import uuid
from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import Any, TypeVar, cast

from tinydb import TinyDB
from tinydb.storages import MemoryStorage

from tui.core.models import Record, Settings
from tui.core.search import JobSearch
from tui.store.tables import TABLE_OF

R = TypeVar("R", bound=Record)


class Transaction:
    """The records inside one locked read-modify-write. Every record is validated before it is kept."""

    def __init__(self, raw: dict[str, Any], initial: JobSearch) -> None:
        self.raw = raw
        self.initial = initial  # the records as read, before this transaction changed anything
        self._search = initial
        self.changed = False
        self._db = TinyDB(storage=MemoryStorage)
        self._memory = cast(MemoryStorage, self._db.storage)
        self._memory.memory = raw

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
            documents = [dump(record) for record in batch]
            ids = [document["id"] for document in documents]
            clash = next((i for i in ids if i in known), None) or _first_repeat(ids)
            if clash is not None:
                raise ValueError(f"a record with id {clash} already exists")
            table.insert_multiple(documents)
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
        self._db.table(name).update(dump(record), doc_ids=[number])
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

    def get(self, model: type[R], record_id: uuid.UUID) -> R | None:
        name = TABLE_OF[model]
        number = self._document_number(name, record_id)
        return model.model_validate(self.raw[name][str(number)]) if number is not None else None

    def close(self) -> None:
        """Let go of the file's documents; `search` and `initial` stay."""
        self.raw = {}
        self._memory.memory = None

    def _keep(self, record: Record, *, removed: bool = False) -> dict[str, Any]:
        """Mark the transaction changed and carry the change into `search`, without re-reading every record."""
        self.changed = True
        document = dump(record)
        stored = type(record).model_validate(document)  # exactly what a later read will give
        name = TABLE_OF[type(record)]
        if isinstance(stored, Settings):
            self._search = dataclasses.replace(self._search, settings=stored)
        else:
            table: dict[str, Any] = {name: _changed(getattr(self._search, name), stored, removed)}
            self._search = dataclasses.replace(self._search, **table)
        return document

    def _document_number(self, table: str, record_id: uuid.UUID) -> int | None:
        """TinyDB's number for the document of `record_id`, found by a plain scan of the table's documents:
        a TinyDB query over 20,000 activities took 20 ms, this takes 2."""
        wanted = str(record_id)
        documents = self.raw.get(table, {})
        return next((int(number) for number, document in documents.items() if document.get("id") == wanted), None)


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
