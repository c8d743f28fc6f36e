"""Daily rolling backups kept in a folder beside the database."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from tui.store.files import atomic_write

DAILY_BACKUPS_KEPT = 7


def backup_folder(db_path: Path) -> Path:
    return db_path.parent / f"{db_path.name}.backups"


def list_backups(db_path: Path) -> list[Path]:
    """Backups of this database, newest first."""
    folder = backup_folder(db_path)
    if not folder.is_dir():
        return []
    return sorted(folder.glob(f"{db_path.stem}-*.json"), reverse=True)


def newest_backup(db_path: Path) -> Path | None:
    backups = list_backups(db_path)
    return backups[0] if backups else None


def keep_daily_backup(db_path: Path, previous: bytes, today: date) -> None:
    """Save the file as it was before today's first write, and prune to the newest few days."""
    folder = backup_folder(db_path)
    target = folder / f"{db_path.stem}-{today.isoformat()}.json"
    if target.exists():
        return
    folder.mkdir(exist_ok=True)
    atomic_write(target, previous)
    for stale in list_backups(db_path)[DAILY_BACKUPS_KEPT:]:
        stale.unlink(missing_ok=True)


def keep_pre_migration_copy(db_path: Path, previous: bytes, schema_version: int) -> Path:
    """Keep the file as it was before its first write in a newer schema. Never pruned nor overwritten."""
    folder = backup_folder(db_path)
    target = folder / f"{db_path.stem}.schema-{schema_version}.json"
    if not target.exists():
        folder.mkdir(exist_ok=True)
        atomic_write(target, previous)
    return target
