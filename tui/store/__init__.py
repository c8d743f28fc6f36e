"""The only code that opens the database file: atomic writes, a lock across processes, refusal of bad files."""

from tui.store.database import Store, count_records
from tui.store.errors import (
    CorruptDatabase,
    DatabaseBusy,
    NewerDatabase,
    StoreError,
    WriteFailed,
)
from tui.store.history import Entry as HistoryEntry
from tui.store.history import UndoRefused
from tui.store.migrations import SCHEMA_VERSION
from tui.store.paths import is_owned_by_store, owned_paths
from tui.store.transaction import Transaction

__all__ = [
    "SCHEMA_VERSION",
    "CorruptDatabase",
    "DatabaseBusy",
    "HistoryEntry",
    "NewerDatabase",
    "Store",
    "StoreError",
    "Transaction",
    "UndoRefused",
    "WriteFailed",
    "count_records",
    "is_owned_by_store",
    "owned_paths",
]
