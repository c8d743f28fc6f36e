"""Backups kept in a folder beside the database file (the link's target, when the database path is a link).

At every write the file as it was is kept as `<db>.backups/<stem>.previous.json`, one file replaced at each
write: a second name (a hard link) for the old file, made without copying a byte (a copy where the file
system has no hard links). Whatever was acknowledged before the last write survives the file being damaged
later, not only what the day's first write saw.

The first write of each day also copies the file as it was into `<db>.backups/<stem>-<day>.json`.
Pruning keeps the 7 newest of those days and, before them, the newest copy of each of 4 weeks, so
a mistake noticed a month late can still be undone. Two kinds of copy are never pruned: the file as
it was before an upgrade to a newer schema, and the file as it was before a restore.

Every copy takes the database file's mode, owner and group (where the process may give them).

The functions that write take `db_file`, the database file with links already followed
(`paths.database_file`), as the store works it out once per transaction; those that list take the path as
given and follow its links themselves.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
from dataclasses import dataclass
from datetime import date, datetime
from enum import Enum
from pathlib import Path

from tui.store.errors import in_the_way
from tui.store.files import atomic_write, discard, give_like, stage, stage_link, temp_name_pattern
from tui.store.paths import BACKUPS_SUFFIX, beside, database_file
from tui.store.paths import backup_folder as backup_folder  # where the backups are: here for every caller

DAILY_BACKUPS_KEPT = 7
WEEKLY_BACKUPS_KEPT = 4

# What follows the database's stem in each backup's name.
DAILY_NAME = re.compile(r"-(\d{4}-\d{2}-\d{2})\.json")
RESTORE_NAME = re.compile(r"\.before-restore-(\d{4}-\d{2}-\d{2})-(\d\d)(\d\d)(\d\d)(?:-\d+)?\.json")
UPGRADE_NAME = re.compile(r"\.schema-(\d+)\.json")
PREVIOUS_SUFFIX = ".previous.json"


class BackupKind(Enum):
    PREVIOUS = "previous"  # the file as it was before its last write
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


def list_backups(db_path: Path) -> list[Path]:
    """The daily and weekly backups of this database, newest first."""
    return [backup.path for backup in _dated(db_path)]


def all_backups(db_path: Path) -> list[Backup]:
    """Every copy of this database in its backups folder, newest first: the previous version, then by day and,
    of one day, the latest made first."""
    real = database_file(db_path)
    try:
        names = list(beside(real, BACKUPS_SUFFIX).iterdir())
    except OSError:  # no folder yet, or one that cannot be listed: a message must still be given, not a crash
        return []
    found = [backup for path in names if (backup := _read_name(real.stem, path)) is not None]
    rolling = _kept_days([b.day for b in found if b.kind is BackupKind.DAILY])
    found = [
        Backup(b.path, BackupKind.WEEKLY, b.day) if b.kind is BackupKind.DAILY and rolling.get(b.day) else b
        for b in found
    ]
    return sorted(found, key=_newest_first, reverse=True)


def newest_backup(db_path: Path) -> Path | None:
    """The newest daily or weekly backup."""
    backups = list_backups(db_path)
    return backups[0] if backups else None


def previous_version(db_path: Path) -> Path:
    """Where the file as it was before its last write is kept (whether it is there yet or not)."""
    return _previous_of(database_file(db_path))


def _previous_of(db_file: Path) -> Path:
    return beside(db_file, BACKUPS_SUFFIX) / f"{db_file.stem}{PREVIOUS_SUFFIX}"


def newest_copy(db_path: Path) -> Path | None:
    """What a restore without a choice puts back, and what a refusal names first: the previous version when
    there is one, else the newest daily or weekly backup."""
    previous = previous_version(db_path)
    return previous if previous.is_file() else newest_backup(db_path)


def ensure_backup_folder(db_file: Path) -> Path:
    """The backups folder, made if missing (with the database file's owner and group).

    WriteFailed naming the path when something else is there: "cannot be saved (File exists)" would name the
    database, not what is in the way.
    """
    folder = beside(db_file, BACKUPS_SUFFIX)
    if folder.is_dir():
        return folder
    try:
        folder.mkdir()
    except FileExistsError:
        if not folder.is_dir():  # made meanwhile by another writer: fine
            raise in_the_way(folder, f"the backups folder of {db_file.name}") from None
    else:
        give_like(folder, db_file)
    return folder


def stage_previous(db_file: Path, current: bytes) -> Path:
    """Ready the file as it is now (`current`, its bytes) to become the previous version; `commit_previous`
    puts it in place once the new file stands, `discard` drops it when the write fails.

    A hard link when the file system allows (no copy: the old file simply keeps a second name), else a copy.
    """
    target = _previous_of(db_file)
    if os.path.lexists(target) and not target.is_file():
        raise in_the_way(target, f"the previous version of {db_file.name}")
    linked = stage_link(db_file, target)
    return linked if linked is not None else stage(target, current, like=db_file)


def commit_previous(db_file: Path, staged: Path, now: datetime) -> None:
    """Put the staged previous version in place, dated `now`: the time of the write that replaced it.

    Best effort: it runs after the new file's rename, when the change already stands.
    """
    target = _previous_of(db_file)
    try:
        os.replace(staged, target)
    except OSError:  # the new file stands: the write must not be reported as failed
        discard(staged)
        return
    stamp = int(now.timestamp() * 1e9)
    with contextlib.suppress(OSError):  # only the date a list shows
        os.utime(target, ns=(stamp, stamp))


def settle_previous(db_file: Path) -> None:
    """Finish what a writer killed after its rename left: a staged previous version that is not the file as
    it is now becomes the previous version; one that is (killed before the rename) is dropped.

    Call only while holding the database's lock, before the temp files are swept.
    """
    target = _previous_of(db_file)
    try:
        staged = sorted(target.parent.glob(temp_name_pattern(target.name)), key=lambda path: path.stat().st_ctime_ns)
    except OSError:
        return
    for candidate in staged:
        with contextlib.suppress(OSError):
            if db_file.exists() and os.path.samefile(candidate, db_file):
                candidate.unlink()
            else:
                os.replace(candidate, target)


def daily_backup(db_file: Path, today: date) -> Path:
    """Where the file as it was before `today`'s first write is kept."""
    return beside(db_file, BACKUPS_SUFFIX) / f"{db_file.stem}-{today.isoformat()}.json"


def keep_daily_backup(db_file: Path, previous: bytes, today: date) -> None:
    """Save the file as it was before today's first write, then prune to 7 days and 4 weeks."""
    target = daily_backup(db_file, today)
    if target.exists():
        return
    ensure_backup_folder(db_file)
    atomic_write(target, previous, like=db_file)
    kept = _kept_days([backup.day for backup in _dated(db_file)])
    for backup in _dated(db_file):
        if backup.day not in kept:
            backup.path.unlink(missing_ok=True)


def keep_pre_migration_copy(db_file: Path, previous: bytes, schema_version: int) -> Path:
    """Keep the file as it was before its first write in a newer schema. Never pruned nor overwritten."""
    target = beside(db_file, BACKUPS_SUFFIX) / f"{db_file.stem}.schema-{schema_version}.json"
    if not target.exists():
        ensure_backup_folder(db_file)
        atomic_write(target, previous, like=db_file)
    return target


def keep_before_restore(db_file: Path, current: bytes, now: datetime) -> Path:
    """Keep the file as it was before a restore, so the restore itself can be undone. Never pruned."""
    folder = ensure_backup_folder(db_file)
    stamp = f"{now:%Y-%m-%d-%H%M%S}"
    target = folder / f"{db_file.stem}.before-restore-{stamp}.json"
    number = 1
    while target.exists():  # two restores within a second
        number += 1
        target = folder / f"{db_file.stem}.before-restore-{stamp}-{number}.json"
    atomic_write(target, current, like=db_file)
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


def _read_name(stem: str, path: Path) -> Backup | None:
    """The backup a file in the backups folder is, told by its name (the database file's `stem`, then what
    kind of copy); None for anything else there."""
    if not path.name.startswith(stem):
        return None
    rest = path.name.removeprefix(stem)
    if rest == PREVIOUS_SUFFIX:
        try:
            replaced = datetime.fromtimestamp(path.stat().st_mtime)
        except OSError:
            return None
        return Backup(path, BackupKind.PREVIOUS, replaced.date(), f"at {replaced:%H:%M:%S}")
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


def _newest_first(backup: Backup) -> tuple[bool, date, float]:
    """The previous version first (the file as it was before its last change: newer than any daily copy);
    then newest day first, copies of one day in the order they were made, latest first."""
    try:
        made = backup.path.stat().st_mtime
    except OSError:
        made = 0.0
    return backup.kind is BackupKind.PREVIOUS, backup.day, made


def keep_not_merged(db_file: Path, payload: bytes, now: datetime, source: str) -> Path:
    """Keep the versions of another copy's records that a merge did not keep (`payload`, a database file of just
    those), named after the copy they came from (`source`, a file name). Never pruned."""
    folder = ensure_backup_folder(db_file)
    stem = f"{db_file.stem}.not-merged-{now:%Y-%m-%d-%H%M%S}-from-{Path(source).stem}"
    target = _free_name(folder, stem, ".json")
    atomic_write(target, payload, like=db_file)
    return target


def keep_conflict_copy(db_file: Path, copy: Path) -> Path:
    """Move a sync tool's conflict copy, once merged, into the backups folder under its own name. Never pruned."""
    folder = ensure_backup_folder(db_file)
    target = _free_name(folder, copy.stem, copy.suffix)
    shutil.move(copy, target)  # a rename: the copy is beside the database, on the same file system
    return target


def _free_name(folder: Path, stem: str, suffix: str) -> Path:
    """`folder/stem+suffix`, or with `-2`, `-3`… before the suffix when that name is taken."""
    target = folder / f"{stem}{suffix}"
    number = 1
    while os.path.lexists(target):
        number += 1
        target = folder / f"{stem}-{number}{suffix}"
    return target
