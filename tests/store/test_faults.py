"""A write that fails part-way leaves the database exactly as it was, with no debris, and says why.

The write path (tui/store/files.py `atomic_write`, run for the day's backup and then for the database):
serialize, make a temp file, open it, write, flush, fsync, copy the old file's mode, rename over the
database, fsync the folder. A failure at any step before the rename must leave the old bytes; the folder
fsync comes after the rename, when the change already stands, so a failure there is not reported.
"""

from __future__ import annotations

import contextlib
import errno
import io
import json
import os
import shutil
import stat
import tempfile
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any, Self

import pytest

from tests.support.clock import FakeClock
from tui.cli import main
from tui.core.models import ActivityKind
from tui.recording import Recorder
from tui.store import Store, StoreError, WriteFailed, database, files
from tui.store.backups import backup_folder, list_backups

AS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0
STEPS = ("mkstemp", "open", "write", "flush", "fsync", "chmod", "replace")
EIO = OSError(errno.EIO, os.strerror(errno.EIO))


def temp_files(folder: Path) -> list[Path]:
    return [p for p in folder.rglob("*") if p.name.startswith(".") and p.name.endswith(".tmp")]


def open_descriptors() -> int:
    return len(os.listdir("/proc/self/fd")) if Path("/proc/self/fd").is_dir() else 0


def folder_listing(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in folder.iterdir()} if folder.is_dir() else {}


@pytest.fixture
def saved(recorder: Recorder, store: Store) -> bytes:
    """A database with two writes today, so today's backup exists and a new write goes straight to the file."""
    recorder.add_application("Acme", "Engineer")
    recorder.log(ActivityKind.NETWORK, "met a recruiter")
    assert len(list_backups(store.path)) == 1
    return store.path.read_bytes()


def failing(error: BaseException, real: Callable[..., Any] | None = None, when: Callable[..., bool] = lambda *a: True):
    """A stand-in for an os function that raises `error` when `when(*args)` holds, and else calls `real`."""

    def stand_in(*args: Any, **kwargs: Any) -> Any:
        if when(*args):
            raise error
        assert real is not None
        return real(*args, **kwargs)

    return stand_in


def is_regular_file(fd: int) -> bool:
    return stat.S_ISREG(os.fstat(fd).st_mode)


class FailingFile:
    """The temp file, whose `write` or `flush` fails; a failing write first fills half the payload, as a full disk."""

    def __init__(self, file: Any, step: str, error: BaseException) -> None:
        self.file = file
        self.step = step
        self.error = error

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.file.close()

    def write(self, payload: bytes) -> int:
        if self.step == "write":
            self.file.write(payload[: len(payload) // 2])
            self.file.flush()
            raise self.error
        return self.file.write(payload)

    def flush(self) -> None:
        if self.step == "flush":
            raise self.error
        self.file.flush()

    def fileno(self) -> int:
        return self.file.fileno()


def fault_at(step: str, error: BaseException) -> tuple[object, str, Callable[..., Any]]:
    """Where to patch, and with what, so that `step` of the write path raises `error`."""
    if step == "serialize":
        return database.orjson, "dumps", failing(error)
    if step == "mkstemp":
        return files.tempfile, "mkstemp", failing(error)
    if step in ("write", "flush"):
        real_fdopen = os.fdopen
        return files.os, "fdopen", lambda *args, **kwargs: FailingFile(real_fdopen(*args, **kwargs), step, error)
    if step == "open":
        return files.os, "fdopen", failing(error)
    if step == "fsync":  # the new file's fsync, not the folder's
        return files.os, "fsync", failing(error, os.fsync, when=is_regular_file)
    return files.os, step, failing(error)


def assert_nothing_changed(store: Store, previous: bytes, refused: pytest.ExceptionInfo[StoreError]) -> None:
    assert isinstance(refused.value, WriteFailed)
    assert str(store.path) in str(refused.value)
    assert "nothing was changed" in str(refused.value)
    assert store.path.read_bytes() == previous
    assert temp_files(store.path.parent) == []
    assert [a.note for a in store.load().activities] == ["", "met a recruiter"]


# --- A failure at each step of the write -----------------------------------------------------------------

UNENCODABLE = TypeError("Object of type set is not JSON serializable")
# The day's first write keeps a backup first: every step of that backup's own write is a step too, except
# copying the mode, which only a file that exists already has.
WRITES = [("database", step) for step in ("serialize", *STEPS)] + [
    ("backup", step) for step in STEPS if step != "chmod"
]


@pytest.mark.parametrize(("written", "step"), WRITES, ids=[f"{w}-{s}" for w, s in WRITES])
def test_a_failure_at_any_step_of_the_write_leaves_the_old_bytes_no_temp_file_and_names_the_file(
    recorder: Recorder,
    store: Store,
    saved: bytes,
    clock: FakeClock,
    monkeypatch: pytest.MonkeyPatch,
    written: str,
    step: str,
) -> None:
    if written == "backup":
        clock.advance(days=1)  # the next write starts by keeping a backup of the file as it is
    backups_before = folder_listing(backup_folder(store.path))
    descriptors_before = open_descriptors()
    error = UNENCODABLE if step == "serialize" else EIO
    monkeypatch.setattr(*fault_at(step, error))

    with pytest.raises(WriteFailed) as refused:
        recorder.log(ActivityKind.LEARN, "lost")

    monkeypatch.undo()
    assert_nothing_changed(store, saved, refused)
    assert folder_listing(backup_folder(store.path)) == backups_before
    assert open_descriptors() == descriptors_before
    assert ("cannot be written as JSON" if step == "serialize" else "Input/output error") in str(refused.value)


@pytest.mark.parametrize("step", ["serialize", *STEPS])
def test_an_interrupt_at_any_step_of_the_write_leaves_the_old_bytes_and_no_temp_file(
    recorder: Recorder, store: Store, saved: bytes, monkeypatch: pytest.MonkeyPatch, step: str
) -> None:
    """Ctrl-C reaches the shell as KeyboardInterrupt wherever it is; the temp file must still go."""
    monkeypatch.setattr(*fault_at(step, KeyboardInterrupt()))

    with pytest.raises(KeyboardInterrupt):
        recorder.log(ActivityKind.LEARN, "lost")

    monkeypatch.undo()
    assert store.path.read_bytes() == saved
    assert temp_files(store.path.parent) == []


@pytest.mark.parametrize(
    ("step", "code", "said"),
    [
        ("write", errno.ENOSPC, "the disk is full"),
        ("fsync", errno.ENOSPC, "the disk is full"),
        ("flush", errno.EDQUOT, "the disk is full"),
        ("write", errno.EFBIG, "the disk is full"),
        ("mkstemp", errno.EROFS, "read-only"),
        ("replace", errno.EACCES, "read-only"),
        ("mkstemp", errno.EPERM, "read-only"),
        ("replace", errno.EIO, "Input/output error"),
    ],
)
def test_the_refusal_says_why_the_write_failed(
    recorder: Recorder, store: Store, saved: bytes, monkeypatch: pytest.MonkeyPatch, step: str, code: int, said: str
) -> None:
    monkeypatch.setattr(*fault_at(step, OSError(code, os.strerror(code))))

    with pytest.raises(WriteFailed) as refused:
        recorder.log(ActivityKind.LEARN, "lost")

    assert_nothing_changed(store, saved, refused)
    assert said in str(refused.value)


# --- The folder fsync: after the rename the change stands ---------------------------------------------


@pytest.mark.parametrize("failure", ["the folder cannot be opened", "the folder cannot be fsynced"])
def test_a_folder_fsync_that_fails_after_the_rename_still_reports_the_save(
    recorder: Recorder, store: Store, saved: bytes, monkeypatch: pytest.MonkeyPatch, failure: str
) -> None:
    """After the rename the change is what every reader sees; calling it lost would invite a duplicate."""
    einval = OSError(errno.EINVAL, os.strerror(errno.EINVAL))
    folder = str(store.path.parent)
    if failure == "the folder cannot be opened":
        monkeypatch.setattr(files.os, "open", failing(einval, os.open, when=lambda path, *a: str(path) == folder))
    else:
        monkeypatch.setattr(files.os, "fsync", failing(einval, os.fsync, when=lambda fd: not is_regular_file(fd)))
    descriptors_before = open_descriptors()

    recorder.log(ActivityKind.LEARN, "kept")

    monkeypatch.undo()
    assert [a.note for a in store.load().activities] == ["", "met a recruiter", "kept"]
    assert temp_files(store.path.parent) == []
    assert open_descriptors() == descriptors_before


def test_the_new_file_is_fsynced_before_the_rename_and_the_folder_after_it(
    recorder: Recorder, store: Store, saved: bytes, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The order that makes the change durable: the bytes reach the disk before the name points at them."""
    steps: list[str] = []
    real_fsync, real_replace = os.fsync, os.replace

    def fsync(fd: int) -> None:
        steps.append("fsync file" if is_regular_file(fd) else "fsync folder")
        real_fsync(fd)

    def replace(source: Any, target: Any) -> None:
        if Path(target) == store.path:  # not the previous version's rename into the backups folder, after it
            steps.append("rename")
        real_replace(source, target)

    monkeypatch.setattr(files.os, "fsync", fsync)
    monkeypatch.setattr(files.os, "replace", replace)

    recorder.log(ActivityKind.LEARN, "kept")

    assert steps == ["fsync file", "rename", "fsync folder"]


def test_the_written_file_is_the_whole_payload_and_parses(recorder: Recorder, store: Store, saved: bytes) -> None:
    recorder.log(ActivityKind.LEARN, "kept")

    raw = json.loads(store.path.read_bytes())
    assert len(raw["activities"]) == 3
    assert temp_files(store.path.parent) == []


# --- A read-only file, folder or file system ------------------------------------------------------------

EROFS = OSError(errno.EROFS, os.strerror(errno.EROFS))


def shell(db_path: Path, clock: FakeClock, capsys: pytest.CaptureFixture[str], *arguments: str) -> tuple[int, str]:
    """Run `nextyes ARGS --db DB` in-process at the test's clock; returns (status, stderr)."""
    status = main([*arguments, "--db", str(db_path)], now=clock)
    return status, capsys.readouterr().err


def assert_one_line_naming(db_path: Path, err: str, said: str) -> None:
    assert err.count("\n") == 1 and "Traceback" not in err
    assert str(db_path) in err and said in err


@pytest.fixture
def read_only_file(store: Store, saved: bytes) -> Any:
    """The person made the database file read-only (no owner write bit); made writable again afterwards."""
    mode = store.path.stat().st_mode
    os.chmod(store.path, 0o444)
    yield store.path
    os.chmod(store.path, mode)


def test_a_read_only_file_is_refused_naming_it_and_keeps_its_bytes_and_backups(
    recorder: Recorder, store: Store, saved: bytes, clock: FakeClock, read_only_file: Path
) -> None:
    """Root could rename over it, and so could anyone owning the folder: the mode bit is what the person set."""
    clock.advance(days=1)  # a day's first write: not even the backup is written
    backups_before = folder_listing(backup_folder(store.path))

    with pytest.raises(WriteFailed) as refused:
        recorder.log(ActivityKind.LEARN, "lost")

    assert_nothing_changed(store, saved, refused)
    assert "the file is read-only" in str(refused.value)
    assert folder_listing(backup_folder(store.path)) == backups_before
    assert stat.S_IMODE(store.path.stat().st_mode) == 0o444


@pytest.mark.parametrize("command", [("log", "learn", "lost"), ("add", "Globex", "Engineer")])
def test_the_shell_refuses_a_read_only_file_in_one_line_with_exit_3(
    store: Store,
    saved: bytes,
    clock: FakeClock,
    read_only_file: Path,
    capsys: pytest.CaptureFixture[str],
    command: tuple[str, ...],
) -> None:
    status, err = shell(store.path, clock, capsys, *command)

    assert status == 3
    assert_one_line_naming(store.path, err, "read-only")
    assert store.path.read_bytes() == saved


def test_a_lock_file_that_cannot_be_created_says_read_only_not_busy(
    recorder: Recorder, store: Store, saved: bytes, monkeypatch: pytest.MonkeyPatch
) -> None:
    store.lock_path.unlink()
    real_open = os.open
    lock_name = str(store.lock_path)
    monkeypatch.setattr(os, "open", failing(EROFS, real_open, when=lambda path, *a: str(path) == lock_name))

    with pytest.raises(WriteFailed) as refused:
        recorder.log(ActivityKind.LEARN, "lost")

    monkeypatch.undo()
    assert_nothing_changed(store, saved, refused)
    assert "read-only" in str(refused.value)


@pytest.fixture
def read_only_folder(store: Store, saved: bytes) -> Any:
    """The folder holding the database is read-only: no lock, temp or backup file can be made in it."""
    folder_mode = store.path.parent.stat().st_mode
    store.lock_path.unlink()
    os.chmod(store.path.parent, 0o555)
    yield store.path.parent
    os.chmod(store.path.parent, folder_mode)


@pytest.mark.skipif(os.name != "posix" or AS_ROOT, reason="root ignores folder permissions")
def test_a_read_only_folder_still_reads_and_refuses_writes_naming_the_file(
    recorder: Recorder, store: Store, saved: bytes, read_only_folder: Path
) -> None:
    with pytest.raises(WriteFailed) as refused:
        recorder.log(ActivityKind.LEARN, "lost")

    assert_nothing_changed(store, saved, refused)
    assert "read-only" in str(refused.value)


@pytest.mark.skipif(os.name != "posix" or AS_ROOT, reason="root ignores folder permissions")
def test_the_shell_refuses_a_read_only_folder_in_one_line_with_exit_3(
    store: Store, saved: bytes, clock: FakeClock, read_only_folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status, err = shell(store.path, clock, capsys, "log", "learn", "lost")

    assert status == 3
    assert_one_line_naming(store.path, err, "read-only")
    assert store.path.read_bytes() == saved


NOBODY = 65534  # an ordinary user, whom folder permissions bind


def shell_as(user: int, db_path: Path, clock: FakeClock, *command: str) -> tuple[int, str]:
    """`nextyes COMMAND --db db_path` run by `user` in a forked child: its exit status and its standard error.

    Forked, not started afresh, because the interpreter may live where only root can read (as under
    /root); so the parent must already have imported what the command needs.
    """
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: become `user`, run the command, report, and leave without pytest's clean-up
        try:
            os.close(read)
            os.setgid(user)
            os.setuid(user)
            err = io.StringIO()
            with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
                status = main([*command, "--db", str(db_path)], now=clock)
            os.write(write, json.dumps([status, err.getvalue()]).encode())
        except BaseException:
            os.write(write, json.dumps([-1, traceback.format_exc()]).encode())
        finally:
            os._exit(0)
    os.close(write)
    with os.fdopen(read) as pipe:
        status, err = json.loads(pipe.read())
    os.waitpid(pid, 0)
    return status, err


@pytest.mark.skipif(os.name != "posix" or not AS_ROOT, reason="running the shell as another user needs root")
def test_the_shell_run_by_an_ordinary_user_in_a_read_only_folder_says_so_with_exit_3(
    store: Store, saved: bytes, clock: FakeClock, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """The same promise as above, kept where the suite runs as root (as on CI): the shell runs as `nobody`."""
    warm_up = tmp_path / "warm-up" / "nextyes.json"  # imports everything the command needs, as root
    warm_up.parent.mkdir()
    warm_up.write_bytes(saved)
    assert shell(warm_up, clock, capsys, "log", "learn", "warm up")[0] == 0
    outer = Path(tempfile.mkdtemp(prefix="nextyes-read-only-"))  # outside pytest's folder, which only root may enter
    folder = outer / "data"
    try:
        folder.mkdir()
        db = folder / "nextyes.json"
        db.write_bytes(saved)
        for path in (outer, folder, db):
            os.chown(path, NOBODY, NOBODY)
        outer.chmod(0o755)
        folder.chmod(0o555)

        status, err = shell_as(NOBODY, db, clock, "log", "learn", "lost")

        assert status == 3, err
        assert_one_line_naming(db, err, "read-only")
        assert db.read_bytes() == saved
        assert sorted(p.name for p in folder.iterdir()) == ["nextyes.json"]
    finally:
        folder.chmod(0o755)
        shutil.rmtree(outer)
