"""Rolling backups kept in a folder beside the database.

The first write of each day first copies the file as it was into `<db>.backups/<stem>-<day>.json`.
Pruning keeps the 7 newest of those days and, before them, the newest copy of each of 4 weeks, so
a mistake noticed a month late can still be undone. Two kinds of copy are never pruned: the file as
it was before an upgrade to a newer schema, and the file as it was before a restore.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from enum import Enum
from pathlib import Path

from tui.store.files import atomic_write

DAILY_BACKUPS_KEPT = 7
WEEKLY_BACKUPS_KEPT = 4

# What follows the database's stem in each backup's name.
DAILY_NAME = re.compile(r"-(\d{4}-\d{2}-\d{2})\.json")
RESTORE_NAME = re.compile(r"\.before-restore-(\d{4}-\d{2}-\d{2})-(\d\d)(\d\d)(\d\d)(?:-\d+)?\.json")
UPGRADE_NAME = re.compile(r"\.schema-(\d+)\.json")


class BackupKind(Enum):
    DAILY = "daily"
    WEEKLY = "weekly"  # a daily backup older than the newest 7, kept as its week's copy
    BEFORE_RESTORE = "before restore"
    BEFORE_UPGRADE = "before upgrade"


@dataclass(frozen=True)
class Backup:
    path: Path
    kind: BackupKind
    day: date
    detail: str = ""  # the time of a restore, or the schema version of a pre-upgrade copy

    @property
    def label(self) -> str:
        """How the backup is described to a person: 'daily', 'before restore at 14:03'…"""
        return f"{self.kind.value} {self.detail}" if self.detail else self.kind.value


def backup_folder(db_path: Path) -> Path:
    return db_path.parent / f"{db_path.name}.backups"


def list_backups(db_path: Path) -> list[Path]:
    """The daily and weekly backups of this database, newest first."""
    return [backup.path for backup in _dated(db_path)]


def all_backups(db_path: Path) -> list[Backup]:
    """Every copy of this database in its backups folder, newest first; of one day, the latest made first."""
    try:
        names = list(backup_folder(db_path).iterdir())
    except OSError:  # no folder yet, or one that cannot be listed: a message must still be given, not a crash
        return []
    found = [backup for path in names if (backup := _read_name(db_path, path)) is not None]
    rolling = _kept_days([b.day for b in found if b.kind is BackupKind.DAILY])
    found = [
        Backup(b.path, BackupKind.WEEKLY, b.day) if b.kind is BackupKind.DAILY and rolling.get(b.day) else b
        for b in found
    ]
    return sorted(found, key=_newest_first, reverse=True)


def newest_backup(db_path: Path) -> Path | None:
    """The newest daily or weekly backup: what a restore without a choice puts back."""
    backups = list_backups(db_path)
    return backups[0] if backups else None


def keep_daily_backup(db_path: Path, previous: bytes, today: date) -> None:
    """Save the file as it was before today's first write, then prune to 7 days and 4 weeks."""
    folder = backup_folder(db_path)
    target = folder / f"{db_path.stem}-{today.isoformat()}.json"
    if target.exists():
        return
    folder.mkdir(exist_ok=True)
    atomic_write(target, previous)
    kept = _kept_days([backup.day for backup in _dated(db_path)])
    for backup in _dated(db_path):
        if backup.day not in kept:
            backup.path.unlink(missing_ok=True)


def keep_pre_migration_copy(db_path: Path, previous: bytes, schema_version: int) -> Path:
    """Keep the file as it was before its first write in a newer schema. Never pruned nor overwritten."""
    folder = backup_folder(db_path)
    target = folder / f"{db_path.stem}.schema-{schema_version}.json"
    if not target.exists():
        folder.mkdir(exist_ok=True)
        atomic_write(target, previous)
    return target


def keep_before_restore(db_path: Path, current: bytes, now: datetime) -> Path:
    """Keep the file as it was before a restore, so the restore itself can be undone. Never pruned."""
    folder = backup_folder(db_path)
    folder.mkdir(exist_ok=True)
    stamp = f"{now:%Y-%m-%d-%H%M%S}"
    target = folder / f"{db_path.stem}.before-restore-{stamp}.json"
    number = 1
    while target.exists():  # two restores within a second
        number += 1
        target = folder / f"{db_path.stem}.before-restore-{stamp}-{number}.json"
    atomic_write(target, current)
    return target


def _kept_days(days: list[date]) -> dict[date, bool]:
    """The backup days pruning keeps, each mapped to whether it is kept as its week's copy.

    The 7 newest days are kept as they are. Of the older ones, the newest day of each of the 4 newest
    weeks is kept for that week.
    """
    newest_first = sorted(set(days), reverse=True)
    kept = dict.fromkeys(newest_first[:DAILY_BACKUPS_KEPT], False)
    weeks: set[tuple[int, int]] = set()
    for day in newest_first[DAILY_BACKUPS_KEPT:]:
        week = day.isocalendar()[:2]
        if week not in weeks and len(weeks) < WEEKLY_BACKUPS_KEPT:
            weeks.add(week)
            kept[day] = True
    return kept


def _dated(db_path: Path) -> list[Backup]:
    return [b for b in all_backups(db_path) if b.kind in (BackupKind.DAILY, BackupKind.WEEKLY)]


def _read_name(db_path: Path, path: Path) -> Backup | None:
    """The backup a file in the backups folder is, told by its name; None for anything else there."""
    if not path.name.startswith(db_path.stem):
        return None
    rest = path.name.removeprefix(db_path.stem)
    if match := DAILY_NAME.fullmatch(rest):
        return _dated_backup(path, BackupKind.DAILY, match.group(1))
    if match := RESTORE_NAME.fullmatch(rest):
        hour, minute, second = match.group(2, 3, 4)
        return _dated_backup(path, BackupKind.BEFORE_RESTORE, match.group(1), f"at {hour}:{minute}:{second}")
    if match := UPGRADE_NAME.fullmatch(rest):
        try:
            made = datetime.fromtimestamp(path.stat().st_mtime).date()
        except OSError:
            return None
        return Backup(path, BackupKind.BEFORE_UPGRADE, made, f"from schema {match.group(1)}")
    return None


def _dated_backup(path: Path, kind: BackupKind, day: str, detail: str = "") -> Backup | None:
    try:
        return Backup(path, kind, date.fromisoformat(day), detail)
    except ValueError:  # a name shaped like a date that is not one: not ours
        return None


def _newest_first(backup: Backup) -> tuple[date, float]:
    """Newest day first; copies of one day in the order they were made, latest first."""
    try:
        made = backup.path.stat().st_mtime
    except OSError:
        made = 0.0
    return backup.day, made
