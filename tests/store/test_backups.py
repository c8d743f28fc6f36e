"""Rolling backups: 7 days and 4 weeks kept beside the database, listed and put back from the shell."""

from __future__ import annotations

import json
import os
from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.support.clock import FakeClock
from tests.support.store_records import application, save
from tui.store import CorruptDatabase, Store
from tui.store.backups import (
    DAILY_BACKUPS_KEPT,
    WEEKLY_BACKUPS_KEPT,
    BackupKind,
    all_backups,
    backup_folder,
    list_backups,
)


def backup_days(store: Store) -> list[date]:
    return [date.fromisoformat(path.stem.removeprefix("nextyes-")) for path in list_backups(store.path)]


def companies(path: Path, clock: FakeClock) -> list[str]:
    return [a.company for a in Store(path, clock).load().applications]


def write_on_each_day(store: Store, clock: FakeClock, gaps: list[int]) -> list[date]:
    """One write on the first day, then one after each gap; returns the days whose write kept a backup."""
    save(store, application(clock, f"{clock().date()}"))
    backed_up = []
    for gap in gaps:
        clock.advance(days=gap)
        save(store, application(clock, f"{clock().date()}"))
        backed_up.append(clock().date())
    return backed_up


# --- What pruning keeps -------------------------------------------------------------------------------


def test_daily_use_keeps_the_last_seven_days_and_one_backup_a_week_for_four_weeks_before(
    store: Store, clock: FakeClock
) -> None:
    clock.advance(days=-60)
    last = date(2026, 3, 15)  # a Sunday: the last 7 backups are Monday to Sunday of its week
    write_on_each_day(store, clock, [1] * 60)
    assert clock().date() == last

    days = backup_days(store)

    this_week = [last - timedelta(days=n) for n in range(7)]
    sundays_before = [last - timedelta(weeks=n) for n in range(1, 5)]
    assert days == this_week + sundays_before
    assert len(days) == DAILY_BACKUPS_KEPT + WEEKLY_BACKUPS_KEPT
    kinds = {backup.day: backup.kind for backup in all_backups(store.path)}
    assert {kinds[day] for day in this_week} == {BackupKind.DAILY}
    assert {kinds[day] for day in sundays_before} == {BackupKind.WEEKLY}


def test_each_backup_is_the_database_as_it_stood_before_that_days_first_write(store: Store, clock: FakeClock) -> None:
    clock.advance(days=-30)
    write_on_each_day(store, clock, [1] * 30)

    for path in list_backups(store.path):
        day = date.fromisoformat(path.stem.removeprefix("nextyes-"))
        written = companies(path, clock)
        assert max(date.fromisoformat(company) for company in written) == day - timedelta(days=1)


@settings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(gaps=st.lists(st.integers(min_value=1, max_value=12), min_size=1, max_size=45))
def test_whatever_days_you_write_on_the_newest_seven_and_four_older_weeks_are_kept(
    tmp_path_factory: pytest.TempPathFactory, gaps: list[int]
) -> None:
    clock = FakeClock()
    store = Store(tmp_path_factory.mktemp("db") / "nextyes.json", clock)
    written = write_on_each_day(store, clock, gaps)

    kept = backup_days(store)

    newest = sorted(written, reverse=True)
    assert kept[:DAILY_BACKUPS_KEPT] == newest[:DAILY_BACKUPS_KEPT]
    older_kept = kept[DAILY_BACKUPS_KEPT:]
    older_written = newest[DAILY_BACKUPS_KEPT:]
    weeks_written = list(dict.fromkeys(day.isocalendar()[:2] for day in older_written))
    # One backup for each of the newest 4 weeks before the last 7 days: the latest day written in that week.
    assert [day.isocalendar()[:2] for day in older_kept] == weeks_written[:WEEKLY_BACKUPS_KEPT]
    for day in older_kept:
        assert day == max(d for d in older_written if d.isocalendar()[:2] == day.isocalendar()[:2])


def test_copies_made_before_an_upgrade_or_a_restore_are_never_pruned(store: Store, clock: FakeClock) -> None:
    folder = backup_folder(store.path)
    folder.mkdir(parents=True)
    before_upgrade = folder / "nextyes.schema-3.json"
    before_restore = folder / "nextyes.before-restore-2026-01-02-101500.json"
    for kept in (before_upgrade, before_restore):
        kept.write_text("{}")
    clock.advance(days=-40)

    write_on_each_day(store, clock, [1] * 40)

    assert before_upgrade.exists() and before_restore.exists()
    labels = {backup.path.name: backup.label for backup in all_backups(store.path)}
    assert labels[before_upgrade.name] == "before upgrade from schema 3"
    assert labels[before_restore.name] == "before restore at 10:15:00"


def test_files_of_other_programs_in_the_backups_folder_are_left_alone(store: Store, clock: FakeClock) -> None:
    folder = backup_folder(store.path)
    folder.mkdir(parents=True)
    strangers = [folder / name for name in ("notes.txt", "nextyes-2026-13-45.json", "other-2026-01-01.json")]
    for stranger in strangers:
        stranger.write_text("mine")

    write_on_each_day(store, clock, [1] * 12)

    assert all(stranger.read_text() == "mine" for stranger in strangers)
    assert not {s.name for s in strangers} & {b.path.name for b in all_backups(store.path)}


# --- Restoring ----------------------------------------------------------------------------------------


@pytest.fixture
def history(store: Store, clock: FakeClock) -> list[bytes]:
    """Three days of writes: Monday's file, Tuesday's, and Wednesday's (the current one)."""
    files = []
    for day in ("Monday", "Tuesday", "Wednesday"):
        save(store, application(clock, day))
        files.append(store.path.read_bytes())
        clock.advance(days=1)
    return files


def test_a_restore_puts_the_backup_back_and_keeps_the_current_file_first(
    store: Store, clock: FakeClock, history: list[bytes]
) -> None:
    yesterday = list_backups(store.path)[0]

    kept = store.restore(yesterday)

    assert store.path.read_bytes() == yesterday.read_bytes() == history[1]
    assert kept is not None and kept.read_bytes() == history[2]
    assert companies(store.path, clock) == ["Monday", "Tuesday"]
    store.restore(kept)  # and the restore can be undone
    assert store.path.read_bytes() == history[2]


def test_a_restore_over_a_file_that_no_longer_opens_keeps_its_bytes_exactly(
    store: Store, clock: FakeClock, history: list[bytes]
) -> None:
    damaged = history[2][: len(history[2]) // 2] + b"\x00" * 100
    store.path.write_bytes(damaged)
    with pytest.raises(CorruptDatabase):
        store.load()

    kept = store.restore(list_backups(store.path)[0])

    assert kept is not None and kept.read_bytes() == damaged
    assert companies(store.path, clock) == ["Monday", "Tuesday"]


def test_a_backup_that_does_not_open_is_not_restored_and_nothing_changes(
    store: Store, clock: FakeClock, history: list[bytes]
) -> None:
    broken = list_backups(store.path)[0]
    broken.write_bytes(b'{"_meta": ')
    before = sorted(p.name for p in backup_folder(store.path).iterdir())

    with pytest.raises(Exception) as refused:
        store.restore(broken)

    assert str(broken) in str(refused.value) and "cannot be restored" in str(refused.value)
    assert store.path.read_bytes() == history[2]
    assert sorted(p.name for p in backup_folder(store.path).iterdir()) == before


# --- The shell ----------------------------------------------------------------------------------------


def test_backup_list_numbers_every_backup_newest_first_with_what_it_holds(run, history: list[bytes]) -> None:
    status, out, err = run("backup", "list")

    assert status == 0, err
    lines = out.splitlines()
    # First the file as it was before the last write (replaced at 14:30), then the daily backups.
    assert lines[1].startswith("1. Tue 17 Mar 2026  previous at 14:30:00") and "2 applications" in lines[1]
    assert lines[2].startswith("2. Tue 17 Mar 2026  daily") and "2 applications" in lines[2]
    assert lines[3].startswith("3. Mon 16 Mar 2026  daily") and "1 application," in lines[3]
    assert "nextyes backup restore N" in lines[-1]


def test_backup_restore_without_a_choice_puts_back_the_newest(run, store: Store, clock, history) -> None:
    status, out, err = run("backup", "restore")

    assert status == 0, err
    assert store.path.read_bytes() == history[1]
    assert "Restored" in out and "Tue 17 Mar 2026" in out and "2 applications" in out
    assert "nextyes.before-restore-2026-03-18-143000.json" in out


@pytest.mark.parametrize("which", ["3", "2026-03-16", "monday", "nextyes-2026-03-16.json"])
def test_backup_restore_takes_a_number_a_day_or_a_file_name(run, store: Store, history, which: str) -> None:
    status, _, err = run("backup", "restore", which)

    assert status == 0, err
    assert store.path.read_bytes() == history[0]


@pytest.mark.parametrize("which", ["0", "7", "2026-03-01", "someday", "2300-01-01"])
def test_backup_restore_of_a_backup_that_is_not_there_is_one_line_and_exit_2(
    run, store: Store, history, which: str
) -> None:
    status, out, err = run("backup", "restore", which)

    assert status == 2 and out == ""
    assert err.startswith("nextyes: ") and err.count("\n") == 1
    assert "nextyes backup list" in err
    assert store.path.read_bytes() == history[2]


def test_a_corrupt_database_names_its_newest_backup_and_the_restore_command(run, store: Store, history) -> None:
    store.path.write_bytes(b"")

    status, _, err = run("status")

    assert status == 3
    assert str(list_backups(store.path)[0]) in err and "nextyes backup restore" in err
    assert run("backup", "restore")[0] == 0
    assert run("status")[0] == 0


def test_backup_restore_with_no_backups_names_the_file_and_exits_3(run, db_path: Path) -> None:
    said = f"No backups of {db_path} yet: the first is kept when you next change it.\n"
    assert run("backup", "list") == (0, said, "")

    status, _, err = run("backup", "restore")

    assert status == 3 and str(db_path) in err and "no backups yet" in err


def test_a_restored_backup_of_an_older_schema_opens_and_upgrades_at_the_next_write(
    run, store: Store, db_path: Path, history
) -> None:
    old = Path(__file__).with_name("fixtures") / "schema-1.json"
    folder = backup_folder(db_path)
    (folder / "nextyes-2026-03-10.json").write_bytes(old.read_bytes())

    assert run("backup", "restore", "2026-03-10")[0] == 0
    assert db_path.read_bytes() == old.read_bytes()
    assert run("log", "learn", "sql")[0] == 0

    assert json.loads(db_path.read_bytes())["_meta"]["1"]["schema_version"] > 1
    assert (folder / "nextyes.schema-1.json").read_bytes() == old.read_bytes()


@pytest.mark.skipif(os.name != "posix", reason="file modes")
def test_a_read_only_database_is_not_restored_over(run, store: Store, history) -> None:
    os.chmod(store.path, 0o444)
    try:
        status, _, err = run("backup", "restore")
    finally:
        os.chmod(store.path, 0o644)

    assert status == 3 and "read-only" in err and str(store.path) in err
    assert store.path.read_bytes() == history[2]


def test_a_backups_folder_that_cannot_be_listed_still_lets_a_corrupt_file_be_named(
    store: Store, history: list[bytes], monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = backup_folder(store.path)
    real_iterdir = Path.iterdir

    def unlistable(path: Path):
        if path == folder:
            raise PermissionError(13, "Permission denied", str(path))
        return real_iterdir(path)

    monkeypatch.setattr(Path, "iterdir", unlistable)
    store.path.write_bytes(b"{")

    with pytest.raises(CorruptDatabase) as refused:
        store.load()

    assert str(store.path) in str(refused.value)
