"""The only code that opens the database file: atomic writes, a lock across processes, refusal of bad files.

The names below are loaded when first asked for (`from tui.store import Store` loads the store and the record
models), so a module of the package that needs neither, such as the journal the shell's quick `log` appends to
(`quick.py`), is imported without them.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tui.store.database import Store, count_records
    from tui.store.errors import CorruptDatabase, DatabaseBusy, NewerDatabase, StoreError, WriteFailed
    from tui.store.history import Entry as HistoryEntry
    from tui.store.history import UndoRefused
    from tui.store.migrations import SCHEMA_VERSION
    from tui.store.paths import is_owned_by_store, owned_paths
    from tui.store.transaction import Transaction

# Each name, the module it comes from, and its name there.
_FROM = {
    "SCHEMA_VERSION": ("migrations", "SCHEMA_VERSION"),
    "CorruptDatabase": ("errors", "CorruptDatabase"),
    "DatabaseBusy": ("errors", "DatabaseBusy"),
    "HistoryEntry": ("history", "Entry"),
    "NewerDatabase": ("errors", "NewerDatabase"),
    "Store": ("database", "Store"),
    "StoreError": ("errors", "StoreError"),
    "Transaction": ("transaction", "Transaction"),
    "UndoRefused": ("history", "UndoRefused"),
    "WriteFailed": ("errors", "WriteFailed"),
    "count_records": ("database", "count_records"),
    "is_owned_by_store": ("paths", "is_owned_by_store"),
    "owned_paths": ("paths", "owned_paths"),
}

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


def __getattr__(name: str) -> object:
    if name not in _FROM:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    module, attribute = _FROM[name]
    value = getattr(importlib.import_module(f"{__name__}.{module}"), attribute)
    globals()[name] = value
    return value
