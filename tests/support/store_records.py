"""Records written straight through the store, for the store's and the backups' tests."""

from __future__ import annotations

import json
import tempfile
from datetime import timedelta
from pathlib import Path

from tests.support.clock import FakeClock
from tui.core.models import Activity, ActivityKind, Application, Reflection
from tui.store import Store
from tui.store.journal import journal_file
from tui.store.paths import database_file


def application(clock: FakeClock, company: str = "Acme", role: str = "Engineer") -> Application:
    return Application(
        company=company,
        role=role,
        applied_on=clock().date(),
        next_step_on=clock().date() + timedelta(days=7),
        created_at=clock(),
        updated_at=clock(),
    )


def save(store: Store, *records: Application | Activity | Reflection) -> None:
    with store.transaction() as tx:
        for record in records:
            tx.add(record)


def activity(clock: FakeClock, note: str = "", kind: ActivityKind = ActivityKind.NETWORK) -> Activity:
    return Activity(
        kind=kind,
        at=clock(),
        timezone="UTC",
        logical_day=clock().date(),
        note=note,
        created_at=clock(),
        updated_at=clock(),
    )


def stored_bytes(db_path: Path) -> bytes:
    """The database file's bytes, then its journal's: everything a change from the shell may alter."""
    journal = journal_file(database_file(db_path))
    return db_path.read_bytes() + b"\0journal\0" + (journal.read_bytes() if journal.exists() else b"")


def on_disk(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def fingerprint(path: Path) -> tuple[bytes, int, int]:
    """Bytes, inode and modification time: an atomic rewrite with equal bytes still changes the inode."""
    info = path.stat()
    return path.read_bytes(), info.st_ino, info.st_mtime_ns


def valid_database(clock: FakeClock) -> bytes:
    with tempfile.TemporaryDirectory() as folder:
        store = Store(Path(folder) / "nextyes.json", clock)
        save(store, application(clock, "Acme"), application(clock, "Globex"), activity(clock, "a long note " * 20))
        return store.path.read_bytes()
