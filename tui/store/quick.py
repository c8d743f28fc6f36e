"""A change appended to the journal without reading the database: the shell's quick `log`.

The caller knows what the file and its journal hold from a brief it kept of them, tied to both files'
identities (inode, size, time: an atomic replace or an append changes them). Under the lock, `append_known`
checks that the two are still as the brief knew them and that the change may go to the journal as
`Store.transaction(append=True)` would let it: the folder is not synced between machines, no sync tool left a
conflict copy to merge, the file has had today's backup and is not read-only, the journal is not due to be
folded. Then it appends the one line, fsynced, exactly as a transaction over the whole file would have, and
gives the identities after it. Otherwise it writes nothing and says so (None): the caller records the change
the usual way, reading the file.

It loads neither the record models nor pydantic: the documents it is given are what the models write.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any

from tui.store import journal
from tui.store.backups import daily_backup
from tui.store.conflict_names import find_conflict_copies
from tui.store.files import Source, read_only, source_of
from tui.store.locking import held, write_error
from tui.store.paths import database_file, synced_by


def append_known(
    db_path: Path,
    known: Source,
    today: date,
    changes: Sequence[tuple[str, str, dict[str, Any]]],
    entry: dict[str, Any],
    lock_timeout: float = 10.0,
) -> Source | None:
    """Append `changes` (table, id, whole document) and their history `entry` to the journal of the database at
    `db_path`, when the file and its journal are still `known` and the change may go there (`today`: the
    clock's date, whose backup must exist); the identities after it, or None, having written nothing.

    StoreError (DatabaseBusy, WriteFailed, CorruptDatabase) as a transaction would raise it.
    """
    real = database_file(db_path)
    if known[0] is None or synced_by(real) is not None or find_conflict_copies(real):
        return None
    if read_only(real) or not daily_backup(real, today).exists():
        return None
    with held(db_path, real, lock_timeout):
        if source_of(real) != known:
            return None
        lines = journal.read(real)
        if journal.too_long(lines):
            return None
        line = journal.new_line((journal.Change(*change) for change in changes), entry)
        try:
            journal.append(real, lines, line)
        except OSError as error:
            raise write_error(db_path, error) from None
        return source_of(real)
