"""Files that are not what they seem: a database that is a symlink, a FIFO, a device, a folder, a huge file; a
file or folder in the way of the lock or the backups; another user's database written by root; and a file
found corrupt in the evening, which must not cost the day (issue 15, items 3, 5, 8, 9 and 10).

A test whose bug would hang (a FIFO read with no writer) or fill memory (/dev/zero) runs the shell in a child
process with a time bound and an address-space limit, so a regression fails instead of stalling the suite.
"""

from __future__ import annotations

import contextlib
import errno
import io
import json
import os
import shutil
import signal
import stat
import subprocess
import tempfile
import traceback
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest
from filelock import FileLock

from tests.support.bounded import bounded_shell, deadline
from tests.support.clock import FakeClock
from tests.support.store_records import application, save
from tui.core.models import ActivityKind
from tui.recording import Recorder
from tui.store import DatabaseBusy, Store, StoreError, WriteFailed, files, reading
from tui.store.backups import BackupKind, all_backups, backup_folder, list_backups, previous_version
from tui.store.reading import MAX_DATABASE_BYTES

POSIX = os.name == "posix"
AS_ROOT = POSIX and os.geteuid() == 0
NOBODY = 65534  # an ordinary user and group, as on most Linux systems
SHELL_SECONDS = 60  # far beyond the second a refused command takes on a busy machine; a hang fails at this bound


def companies(path: Path, clock: FakeClock) -> list[str]:
    return [a.company for a in Store(path, clock).load().applications]


def shell(*arguments: str, db: Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    """`NEXTYES_DB=db nextyes ARGS` in a child process, bounded in time and memory."""
    return bounded_shell(*arguments, cwd=cwd, seconds=SHELL_SECONDS, environment={"NEXTYES_DB": str(db)})


def assert_refused_in_one_line(result: subprocess.CompletedProcess[str], *named: str) -> None:
    assert result.returncode == 3, (result.stdout, result.stderr)
    assert result.stderr.startswith("nextyes: ") and result.stderr.count("\n") == 1, result.stderr
    assert "Traceback" not in result.stderr and "Error" not in result.stderr
    for text in named:
        assert text in result.stderr


# --- Item 3: a database that is a symlink ----------------------------------------------------------------


@pytest.fixture
def linked(tmp_path: Path, clock: FakeClock) -> tuple[Path, Path]:
    """A database kept in a "synced" folder, and the link to it where nextyes looks: (link, target)."""
    synced = tmp_path / "Sync"
    synced.mkdir()
    target = synced / "jobs.json"
    save(Store(target, clock), application(clock, "Before the link"))
    link = tmp_path / "data" / "nextyes.json"
    link.parent.mkdir()
    link.symlink_to(target)
    return link, target


def test_a_write_through_a_symlink_replaces_the_target_and_leaves_the_link(
    linked: tuple[Path, Path], clock: FakeClock
) -> None:
    link, target = linked

    save(Store(link, clock), application(clock, "Through the link"))

    assert link.is_symlink() and link.resolve() == target
    assert companies(target, clock) == ["Before the link", "Through the link"]
    assert sorted(p.name for p in link.parent.iterdir()) == ["nextyes.json"]  # no lock, no backups beside the link


def test_a_writer_using_the_link_and_one_using_the_real_path_take_the_same_lock(
    linked: tuple[Path, Path], clock: FakeClock
) -> None:
    link, target = linked
    assert Store(link, clock).lock_path == Store(target, clock).lock_path == target.with_name("jobs.json.lock")

    with FileLock(Store(target, clock).lock_path), pytest.raises(DatabaseBusy):
        save(Store(link, clock, lock_timeout=0.2), application(clock, "While the real path is locked"))

    assert companies(target, clock) == ["Before the link"]


def test_backups_are_kept_beside_the_target(linked: tuple[Path, Path], clock: FakeClock) -> None:
    link, target = linked
    clock.advance(days=1)

    save(Store(link, clock), application(clock, "Tomorrow"))

    folder = target.with_name("jobs.json.backups")
    assert backup_folder(link) == folder
    assert [path.name for path in list_backups(link)] == ["jobs-2026-03-16.json"]
    assert companies(folder / "jobs-2026-03-16.json", clock) == ["Before the link"]
    assert not link.with_name("nextyes.json.backups").exists()


def test_the_shell_through_a_symlink_writes_the_target(linked: tuple[Path, Path], tmp_path: Path) -> None:
    link, target = linked

    result = shell("log", "network", "coffee with Dana", db=link, cwd=tmp_path)

    assert result.returncode == 0, result.stderr
    assert link.is_symlink()
    assert [a["note"] for a in json.loads(target.read_bytes())["activities"].values()] == ["coffee with Dana"]


def test_a_link_to_a_file_not_made_yet_in_a_folder_that_exists_creates_the_file(
    tmp_path: Path, clock: FakeClock
) -> None:
    target = tmp_path / "Sync" / "jobs.json"
    target.parent.mkdir()
    link = tmp_path / "nextyes.json"
    link.symlink_to(target)
    assert Store(link, clock).load().applications == ()

    save(Store(link, clock), application(clock, "First"))

    assert link.is_symlink() and companies(target, clock) == ["First"]


@pytest.mark.parametrize("command", [("status",), ("log", "learn", "sql"), ("check",)])
def test_a_link_into_a_folder_that_does_not_exist_is_refused_naming_both(
    tmp_path: Path, command: tuple[str, ...]
) -> None:
    """A drive not mounted, a synced folder not there yet: neither an empty database nor a new file elsewhere."""
    target = tmp_path / "unmounted" / "jobs.json"
    link = tmp_path / "nextyes.json"
    link.symlink_to(target)

    result = shell(*command, db=link, cwd=tmp_path)

    assert_refused_in_one_line(result, str(link), str(target), "does not exist")
    assert link.is_symlink() and not target.parent.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["nextyes.json"]


# --- Item 5: a database path that is not a regular file ----------------------------------------------------


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs")
@pytest.mark.parametrize("command", [("status",), ("log", "learn", "sql"), ("check",), ("backup", "restore")])
def test_a_fifo_as_the_database_is_refused_at_once(tmp_path: Path, clock: FakeClock, command: tuple[str, ...]) -> None:
    fifo = tmp_path / "nextyes.json"
    os.mkfifo(fifo)
    sound = tmp_path / "elsewhere.json"
    save(Store(sound, clock), application(clock, "Acme"))
    backup_folder(fifo).mkdir()
    shutil.copy(sound, backup_folder(fifo) / "nextyes-2026-03-14.json")  # a restore gets as far as the file

    result = shell(*command, db=fifo, cwd=tmp_path)

    assert_refused_in_one_line(result, str(fifo), "FIFO", "not a database file")
    assert stat.S_ISFIFO(fifo.lstat().st_mode)


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero here")
@pytest.mark.parametrize("command", [("status",), ("log", "learn", "sql")])
def test_dev_zero_as_the_database_is_refused_without_reading_it(tmp_path: Path, command: tuple[str, ...]) -> None:
    result = shell(*command, db=Path("/dev/zero"), cwd=tmp_path)

    assert_refused_in_one_line(result, "/dev/zero", "a device", "not a database file")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs")
def test_a_symlink_to_a_fifo_is_refused_and_left_a_link(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    link = tmp_path / "nextyes.json"
    link.symlink_to(fifo)

    result = shell("log", "learn", "sql", db=link, cwd=tmp_path)

    assert_refused_in_one_line(result, str(link), "FIFO")
    assert link.is_symlink() and stat.S_ISFIFO(fifo.lstat().st_mode)


def test_a_folder_as_the_database_is_refused_for_reads_and_writes(tmp_path: Path, clock: FakeClock) -> None:
    folder = tmp_path / "nextyes.json"
    folder.mkdir()
    store = Store(folder, clock)

    for attempt in (store.load, store.check, lambda: save(store, application(clock))):
        with pytest.raises(StoreError, match="is a folder, not a database file"):
            attempt()
    assert list(folder.iterdir()) == []


def test_a_file_larger_than_the_limit_is_refused_without_being_read(tmp_path: Path) -> None:
    """Sparse: 1 GiB and one byte on paper, nothing on the disk. The refusal comes from its size alone."""
    huge = tmp_path / "nextyes.json"
    with huge.open("wb") as file:
        file.truncate(MAX_DATABASE_BYTES + 1)

    result = shell("status", db=huge, cwd=tmp_path)

    assert_refused_in_one_line(result, str(huge), "larger than 1 GiB", "move it away")
    assert huge.stat().st_size == MAX_DATABASE_BYTES + 1


def test_every_read_is_bounded_even_when_the_size_said_less(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A file that grows while it is read (or whose size the file system reports as 0) stops at the limit."""
    growing = tmp_path / "nextyes.json"
    growing.write_bytes(b"x" * 5000)
    real_fstat = os.fstat

    def says_empty(handle: int) -> os.stat_result:
        status = real_fstat(handle)
        return os.stat_result((status.st_mode, *status[1:6], 0, *status[7:]))

    monkeypatch.setattr(reading.os, "fstat", says_empty)

    with pytest.raises(StoreError, match="is larger than 4,096 bytes"):
        reading.read_file(growing, limit=4096)
    assert reading.read_file(growing, limit=5000) == b"x" * 5000


@pytest.mark.skipif(not hasattr(os, "mkfifo") or not hasattr(signal, "alarm"), reason="FIFOs and alarms")
def test_a_fifo_among_the_backups_is_listed_as_not_opening_rather_than_read(run, store: Store, clock) -> None:
    """`backup list` reads every copy to say what it holds: a FIFO there must not hang it."""
    save(store, application(clock, "Acme"))
    folder = backup_folder(store.path)
    folder.mkdir()
    os.mkfifo(folder / "nextyes-2026-03-14.json")

    with deadline(SHELL_SECONDS):
        status, out, err = run("backup", "list")

    assert status == 0, err
    assert "does not open: is a FIFO" in out


# --- Item 8: root writing another person's database ---------------------------------------------------------


def test_backups_take_the_database_files_mode(store: Store, clock: FakeClock) -> None:
    save(store, application(clock, "Monday"))
    os.chmod(store.path, 0o640)
    clock.advance(days=1)

    save(store, application(clock, "Tuesday"))
    save(store, application(clock, "Tuesday again"))

    assert stat.S_IMODE(store.path.stat().st_mode) == 0o640
    kept = [backup.path for backup in all_backups(store.path)]
    assert len(kept) == 2  # the day's backup and the previous version
    assert {stat.S_IMODE(path.stat().st_mode) for path in kept} == {0o640}


def write_as(user: int, db: Path, clock: FakeClock, note: str) -> str:
    """Log an activity as `user` in a forked child; '' when it was saved, else what went wrong."""
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: become `user`, write, report, leave without pytest's clean-up
        try:
            os.close(read)
            os.setgid(user)
            os.setuid(user)
            with contextlib.redirect_stderr(io.StringIO()):
                Recorder(Store(db, clock, journal=True), clock).log(ActivityKind.LEARN, note)  # as the shell
            os.write(write, b"")
        except BaseException:
            os.write(write, traceback.format_exc().encode())
        finally:
            os._exit(0)
    os.close(write)
    with os.fdopen(read) as pipe:
        said = pipe.read()
    os.waitpid(pid, 0)
    return said


@pytest.fixture
def nobodys_folder() -> Iterator[Path]:
    """A folder of `nobody`'s outside pytest's (which only root may enter)."""
    outer = Path(tempfile.mkdtemp(prefix="nextyes-owner-"))
    folder = outer / "data"
    folder.mkdir()
    for path in (outer, folder):
        os.chown(path, NOBODY, NOBODY)
    outer.chmod(0o755)
    try:
        yield folder
    finally:
        shutil.rmtree(outer)


@pytest.mark.skipif(not AS_ROOT, reason="changing a file's owner needs the suite to run as root")
def test_root_writing_another_users_database_keeps_it_and_its_copies_theirs(
    nobodys_folder: Path, clock: FakeClock
) -> None:
    db = nobodys_folder / "nextyes.json"
    save(Store(db, clock), application(clock, "Theirs"))
    for path in (db, db.with_name("nextyes.json.lock")):
        os.chown(path, NOBODY, NOBODY)
    os.chmod(db, 0o640)
    clock.advance(days=1)

    save(Store(db, clock), application(clock, "Written by root"))  # `sudo nextyes add …`
    save(Store(db, clock), application(clock, "Again by root"))
    Recorder(Store(db, clock, journal=True), clock).log(ActivityKind.NETWORK, "by root, in the journal")

    journal = db.with_name("nextyes.json.journal")
    made_by_root = [db, backup_folder(db), previous_version(db), *list_backups(db), Store(db, clock).lock_path, journal]
    for path in made_by_root:
        info = path.stat()
        assert (info.st_uid, info.st_gid) == (NOBODY, NOBODY), path
    for path in (db, previous_version(db), *list_backups(db), journal):
        assert stat.S_IMODE(path.stat().st_mode) == 0o640, path
    assert write_as(NOBODY, db, clock, "the owner still writes") == ""
    notes = [a.note for a in Store(db, clock).load().activities]
    assert notes == ["by root, in the journal", "the owner still writes"]


@pytest.mark.skipif(not AS_ROOT, reason="changing a file's owner needs the suite to run as root")
def test_a_new_lock_and_backups_folder_made_by_root_are_given_to_the_databases_owner(
    nobodys_folder: Path, clock: FakeClock
) -> None:
    db = nobodys_folder / "nextyes.json"
    save(Store(db, clock), application(clock, "Theirs"))
    os.chown(db, NOBODY, NOBODY)
    Store(db, clock).lock_path.unlink()  # as if nobody had only ever read it

    save(Store(db, clock), application(clock, "Written by root"))

    for path in (Store(db, clock).lock_path, backup_folder(db)):
        assert (path.stat().st_uid, path.stat().st_gid) == (NOBODY, NOBODY), path
    assert write_as(NOBODY, db, clock, "the owner still writes") == ""


# --- Item 9: something in the way of the lock or the backups --------------------------------------------------


def test_a_file_where_the_backups_folder_goes_is_named_with_what_to_do(run, store: Store, clock, db_path) -> None:
    save(store, application(clock, "Acme"))
    in_the_way = backup_folder(db_path)
    in_the_way.write_text("mine")
    before = db_path.read_bytes()
    clock.advance(days=1)

    status, _, err = run("log", "learn", "sql")

    assert status == 3
    assert err.startswith(f"nextyes: {in_the_way}: is a file, where nextyes keeps the backups folder of nextyes.json")
    assert "move it away" in err and err.count("\n") == 1
    assert db_path.read_bytes() == before and in_the_way.read_text() == "mine"


def test_a_folder_where_the_lock_file_goes_is_named_with_what_to_do(run, store: Store, clock, db_path) -> None:
    save(store, application(clock, "Acme"))
    in_the_way = store.lock_path
    in_the_way.unlink()
    in_the_way.mkdir()
    before = db_path.read_bytes()

    status, _, err = run("log", "learn", "sql")

    assert status == 3
    assert err.startswith(f"nextyes: {in_the_way}: is a folder, where nextyes keeps the lock file of nextyes.json")
    assert "move it away" in err and err.count("\n") == 1
    assert db_path.read_bytes() == before and in_the_way.is_dir()


def test_a_folder_where_the_previous_version_goes_is_named(store: Store, clock: FakeClock) -> None:
    save(store, application(clock, "Acme"))
    save(store, application(clock, "Globex"))  # the backups folder now exists
    previous = previous_version(store.path)
    previous.unlink()
    previous.mkdir()

    with pytest.raises(WriteFailed) as refused:
        save(store, application(clock, "Initech"))

    assert str(refused.value).startswith(f"{previous}: is a folder, where nextyes keeps the previous version")
    assert companies(store.path, clock) == ["Acme", "Globex"]


def test_a_file_where_the_databases_folder_goes_is_named(tmp_path: Path, clock: FakeClock) -> None:
    in_the_way = tmp_path / "data"
    in_the_way.write_text("mine")
    store = Store(in_the_way / "nextyes" / "nextyes.json", clock)

    with pytest.raises(WriteFailed) as refused:
        save(store, application(clock, "Acme"))

    assert str(refused.value).startswith(f"{in_the_way}: is a file, where nextyes keeps a folder on the way to")
    assert in_the_way.read_text() == "mine"


def test_once_the_way_is_clear_the_write_goes_through(store: Store, clock: FakeClock) -> None:
    save(store, application(clock, "Acme"))
    in_the_way = backup_folder(store.path)
    in_the_way.write_text("mine")
    with pytest.raises(WriteFailed):
        save(store, application(clock, "Blocked"))

    in_the_way.rename(in_the_way.with_name("moved away"))
    save(store, application(clock, "Globex"))

    assert companies(store.path, clock) == ["Acme", "Globex"]


# --- Item 10: a corrupt file must not lose the day ------------------------------------------------------------


def test_every_write_keeps_the_file_as_it_was_under_a_second_name_without_copying(
    store: Store, clock: FakeClock
) -> None:
    save(store, application(clock, "Morning"))
    before = store.path.read_bytes()
    inode = store.path.stat().st_ino

    save(store, application(clock, "Noon"))

    previous = previous_version(store.path)
    assert previous.read_bytes() == before
    assert previous.stat().st_ino == inode  # the old file itself, not a copy of it
    save(store, application(clock, "Evening"))
    assert companies(previous, clock) == ["Morning", "Noon"]
    assert len([p for p in backup_folder(store.path).iterdir() if "previous" in p.name]) == 1


def test_where_hard_links_are_not_allowed_the_previous_version_is_a_copy(
    store: Store, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    save(store, application(clock, "Morning"))
    before = store.path.read_bytes()

    def no_links(*args: object) -> None:
        raise OSError(errno.EPERM, os.strerror(errno.EPERM))

    monkeypatch.setattr(files.os, "link", no_links)
    save(store, application(clock, "Noon"))

    assert previous_version(store.path).read_bytes() == before
    assert [p for p in backup_folder(store.path).iterdir() if p.name.startswith(".")] == []


def test_a_file_found_corrupt_in_the_evening_loses_only_what_its_last_whole_write_added(
    run, store: Store, clock: FakeClock, db_path: Path
) -> None:
    clock.advance(days=-1)
    assert run("add", "Yesterday Inc", "Engineer")[0] == 0
    clock.advance(days=1, hours=-6)  # this morning: the day's first write keeps yesterday's file as the daily backup
    for company in ("Morning Ltd", "Noon GmbH", "Afternoon SA", "Evening BV"):
        assert run("add", company, "Engineer")[0] == 0
        clock.advance(hours=2)
    db_path.write_bytes(db_path.read_bytes()[:100])  # damaged by something else

    status, _, err = run("status")

    assert status == 3 and str(previous_version(db_path)) in err
    assert err.index(str(previous_version(db_path))) < err.index(str(list_backups(db_path)[0]))
    assert run("backup", "restore")[0] == 0
    # The morning's add wrote the whole file (the day's first change); the later ones went to the journal, which
    # the damage did not touch: they are put onto the file as it was before the morning's write.
    assert companies(db_path, clock) == ["Yesterday Inc", "Noon GmbH", "Afternoon SA", "Evening BV"]


def test_check_and_backup_list_show_the_previous_version_first(run, store: Store, clock: FakeClock) -> None:
    save(store, application(clock, "Acme"))
    clock.advance(hours=1)
    save(store, application(clock, "Globex"))

    replaced = datetime.fromtimestamp(clock().timestamp())  # shown in the machine's zone, as file times are

    status, out, err = run("check")
    assert status == 0, err
    said = f"the newest is the file as it was before its last change ({replaced:%a %d %b %Y} at {replaced:%H:%M:%S})"
    assert said in out

    status, out, err = run("backup", "list")
    assert status == 0, err
    assert out.splitlines()[1].startswith(f"1. {replaced:%a %d %b %Y}  previous at {replaced:%H:%M:%S}  1 application,")
    assert [backup.kind for backup in all_backups(store.path)] == [BackupKind.PREVIOUS, BackupKind.DAILY]


def test_check_of_a_corrupt_file_points_to_the_previous_version(run, store: Store, clock: FakeClock) -> None:
    save(store, application(clock, "Acme"))
    save(store, application(clock, "Globex"))
    store.path.write_bytes(b"{")

    status, out, err = run("check")

    assert status == 3 and out == ""
    assert f"the file as it was before its last change is {previous_version(store.path)}" in err
    assert "'nextyes backup restore' puts it back" in err


def test_backup_restore_previous_by_name(run, store: Store, clock: FakeClock) -> None:
    save(store, application(clock, "Acme"))
    save(store, application(clock, "Globex"))

    status, _, err = run("backup", "restore", "previous")

    assert status == 0, err
    assert companies(store.path, clock) == ["Acme"]


def test_a_previous_version_staged_by_a_writer_killed_after_its_rename_is_put_in_place(
    store: Store, clock: FakeClock
) -> None:
    """Killed between the new file's rename and the previous version's: the next writer finishes the job."""
    save(store, application(clock, "One"))
    save(store, application(clock, "Two"))
    staged = files.stage_link(store.path, previous_version(store.path))  # the killed writer's second name for…
    assert staged is not None
    files.atomic_write(store.path, store.path.read_bytes().replace(b"Two", b"Three"))  # …the file it replaced

    with store.transaction():  # the next writer, which has nothing to change
        pass

    assert companies(previous_version(store.path), clock) == ["One", "Two"]
    assert [p for p in backup_folder(store.path).iterdir() if p.name.startswith(".")] == []


def test_a_previous_version_staged_by_a_writer_killed_before_its_rename_is_dropped(
    store: Store, clock: FakeClock
) -> None:
    save(store, application(clock, "One"))
    save(store, application(clock, "Two"))
    files.stage_link(store.path, previous_version(store.path))  # killed before the new file's rename

    with store.transaction():
        pass

    assert companies(previous_version(store.path), clock) == ["One"]
    assert [p for p in backup_folder(store.path).iterdir() if p.name.startswith(".")] == []
