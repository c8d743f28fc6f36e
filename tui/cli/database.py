"""The database file itself: `check` verifies it, `backup list` and `backup restore [WHICH]` care for its copies."""

from __future__ import annotations

import argparse
import os
import re
from datetime import date
from typing import TYPE_CHECKING

from tui.cli.common import BadInput, Commands, Parser
from tui.core.words import count, record_noun

if TYPE_CHECKING:
    from pathlib import Path

    from tui.recording import Recorder
    from tui.store.backups import Backup

SHOWN_TABLES = ("applications", "activities", "reflections", "contacts")  # enough to recognise a backup by


def register(commands: Commands) -> None:
    """Add this group's commands; the arguments and the handler of each are below."""
    commands.add("check", _check, help="verify the database file")
    commands.group("backup", help="the copies kept beside your database", register=_register_backup)


def _register_backup(backup: Commands) -> None:
    backup.add("list", _list, help="every backup, newest first, with what it holds")
    backup.add(
        "restore",
        _restore,
        help="put a backup back as your database; the file as it is now is kept first",
        arguments=_restore_arguments,
    )


def _check(recorder: Recorder, options: argparse.Namespace) -> int:
    del options
    store = recorder.store
    path = store.path
    if not os.path.lexists(path) or (path.is_symlink() and not path.exists()):
        store.check()  # refuses a link into a folder that is not there
        where = f" (it leads to {store.file})" if path.is_symlink() else ""
        print(f"{path}: no database yet{where}; it is created the first time you add or log something")
        return 0
    from pathlib import Path

    from tui.exchange.json_format import records_by_table
    from tui.store.backups import BackupKind, all_backups

    search = store.check()
    counts = ", ".join(count(len(records), record_noun(table)) for table, records in records_by_table(search).items())
    print(f"{path}: sound — {counts}")
    if store.file != Path(os.path.abspath(path)):
        print(f"The path leads through a link to {store.file}: that file is read and written, its backups beside it.")
    backups = all_backups(path)
    if not backups:
        print("Backups: none yet; the first is kept when you next change it")
        return 0
    newest = backups[0]
    if newest.kind is BackupKind.PREVIOUS:
        said = f"the newest is the file as it was before its last change ({newest.day:%a %d %b %Y} {newest.detail})"
    else:
        said = f"the newest of {newest.day:%a %d %b %Y}"
    print(f"Backups: {count(len(backups), 'copy', 'copies')}; {said} ('nextyes backup list' shows them)")
    return 0


def _list(recorder: Recorder, options: argparse.Namespace) -> int:
    from tui.store.backups import BackupKind, all_backups, backup_folder

    del options
    path = recorder.store.path
    backups = all_backups(path)
    if not backups:
        print(f"No backups of {path} yet: the first is kept when you next change it.")
        return 0
    print(f"Backups of {path}, newest first, in {backup_folder(path)}:")
    number_width = len(str(len(backups)))
    label_width = max(len(backup.label) for backup in backups)
    for number, backup in enumerate(backups, start=1):
        label = f"{backup.label:<{label_width}}"
        print(f"{number:>{number_width}}. {backup.day:%a %d %b %Y}  {label}  {_holds(backup.path)}")
    if backups[0].kind is BackupKind.PREVIOUS:
        print("'previous' is the file as it was before its last change, kept at every change.")
    print("Put one back with 'nextyes backup restore N'; the file as it is now is kept first.")
    return 0


def _restore_arguments(restore: Parser) -> None:
    restore.add_argument(
        "which",
        metavar="WHICH",
        nargs="?",
        help="a number from 'backup list', 'previous', a day (2026-03-14, yesterday) or a backup's file name "
        "(default: the newest, the file as it was before its last change)",
    )


def _restore(recorder: Recorder, options: argparse.Namespace) -> int:
    store = recorder.store
    # The database may not open (the reason to restore), so days are read on the clock's own calendar.
    backup = _choose(store.path, options.which, recorder.now().date())
    existed = store.path.exists()
    kept = store.restore(backup.path)
    when = f"{backup.day:%a %d %b %Y} ({backup.label})"
    if existed and kept is None:
        print(f"{store.path} already holds exactly the backup of {when}; nothing changed.")
        return 0
    print(f"Restored {store.path} from the backup of {when}: {_holds(store.path)}.")
    if kept is not None:
        print(f"The file as it was is kept as {kept.name}: 'nextyes backup list' shows it, to undo this.")
    return 0


def _choose(db_path: Path, which: str | None, today: date) -> Backup:
    """The backup named by WHICH: a number from `backup list`, a day, or a file name; else the newest."""
    from tui.core.days import DateParseError, parse_day
    from tui.store import StoreError
    from tui.store.backups import BackupKind, all_backups, newest_copy

    backups = all_backups(db_path)
    if not backups:
        raise StoreError(db_path, "has no backups yet", "the first is kept when you next change it")
    if which is None:  # the previous version, else the newest daily or weekly backup, else the newest of any kind
        newest = newest_copy(db_path)
        return next((b for b in backups if b.path == newest), backups[0])
    cleaned = which.strip()
    if cleaned.lower() == BackupKind.PREVIOUS.value:
        previous = [b for b in backups if b.kind is BackupKind.PREVIOUS]
        if previous:
            return previous[0]
        raise BadInput(f"there is no previous version yet; {_accepted(backups)}")
    if re.fullmatch(r"\d{1,4}", cleaned):
        if 1 <= int(cleaned) <= len(backups):
            return backups[int(cleaned) - 1]
        raise BadInput(f"there is no backup {cleaned}; {_accepted(backups)}")
    by_name = [b for b in backups if cleaned in (b.path.name, str(b.path))]
    if by_name:
        return by_name[0]
    try:
        day = parse_day(cleaned, today)
    except DateParseError:
        raise BadInput(f"cannot tell which backup {which!r} means; {_accepted(backups)}") from None
    of_day = [b for b in backups if b.day == day]
    if not of_day:
        raise BadInput(f"there is no backup of {day:%a %d %b %Y}; {_accepted(backups)}")
    return of_day[0]


def _accepted(backups: list[Backup]) -> str:
    return (
        f"use a number from 1 to {len(backups)} as 'nextyes backup list' shows them, "
        "'previous', a day such as 2026-03-14 or 'yesterday', or a backup's file name"
    )


def _holds(path: Path) -> str:
    """What a database file holds, in a few words, or why it would not open."""
    from tui.store import StoreError, count_records

    try:
        counts = count_records(path)
    except StoreError as problem:
        return f"does not open: {problem.problem}"
    except FileNotFoundError:
        return "missing"
    return ", ".join(count(counts[table], record_noun(table)) for table in SHOWN_TABLES)
