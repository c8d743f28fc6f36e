"""A write that fails part-way leaves the database exactly as it was, with no debris, and says why."""

from __future__ import annotations

import errno
import json
import os
import stat
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tui.core.models import ActivityKind
from tui.recording import Recorder
from tui.store import Store, StoreError, WriteFailed
from tui.store import database, files
from tui.store.backups import list_backups


def temp_files(folder: Path) -> list[Path]:
    return [p for p in folder.rglob("*") if p.name.startswith(".") and p.name.endswith(".tmp")]


def open_descriptors() -> int:
    return len(os.listdir("/proc/self/fd"))


@pytest.fixture
def saved(recorder: Recorder, store: Store) -> bytes:
    """A database with two writes today, so today's backup exists and a new write goes straight to the file."""
    recorder.add_application("Acme", "Engineer")
    recorder.log(ActivityKind.NETWORK, "met a recruiter")
    assert len(list_backups(store.path)) == 1
    return store.path.read_bytes()


def failing(error: OSError, real: Callable[..., Any] | None = None, when: Callable[..., bool] = lambda *a: True):
    """A stand-in for an os function that raises `error` when `when(*args)` holds, and else calls `real`."""

    def stand_in(*args: Any, **kwargs: Any) -> Any:
        if when(*args):
            raise error
        assert real is not None
        return real(*args, **kwargs)

    return stand_in


def is_regular_file(fd: int) -> bool:
    return stat.S_ISREG(os.fstat(fd).st_mode)


def assert_nothing_changed(store: Store, previous: bytes, refused: pytest.ExceptionInfo[StoreError]) -> None:
    assert isinstance(refused.value, WriteFailed)
    assert str(store.path) in str(refused.value)
    assert "nothing was changed" in str(refused.value)
    assert store.path.read_bytes() == previous
    assert temp_files(store.path.parent) == []
    assert [a.note for a in store.load().activities] == ["", "met a recruiter"]


def fault_at(step: str, code: int) -> tuple[object, str, Callable[..., Any]]:
    """Where to patch so that `step` of the write path fails with `code`."""
    error = OSError(code, os.strerror(code))
    if step == "fsync":  # the new file's fsync, not the folder's
        return files.os, "fsync", failing(error, os.fsync, when=is_regular_file)
    if step == "mkstemp":
        return files.tempfile, "mkstemp", failing(error)
    return files.os, step, failing(error)


@pytest.mark.parametrize(
    ("step", "code", "said"),
    [
        ("fsync", errno.EIO, "Input/output error"),
        ("replace", errno.EIO, "Input/output error"),
        ("fsync", errno.ENOSPC, "the disk is full"),
        ("fsync", errno.EDQUOT, "the disk is full"),
        ("mkstemp", errno.EROFS, "read-only"),
        ("replace", errno.EACCES, "read-only"),
    ],
)
def test_a_failed_step_of_the_write_leaves_the_old_bytes_and_says_why(
    recorder: Recorder, store: Store, saved: bytes, monkeypatch: pytest.MonkeyPatch, step: str, code: int, said: str
) -> None:
    monkeypatch.setattr(*fault_at(step, code))

    with pytest.raises(WriteFailed) as refused:
        recorder.log(ActivityKind.LEARN, "lost")

    assert_nothing_changed(store, saved, refused)
    assert said in str(refused.value)
ENOSPC = OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))


def test_a_disk_that_fills_half_way_through_the_write_leaves_the_old_bytes_and_says_so(
    recorder: Recorder, store: Store, saved: bytes, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_fdopen = os.fdopen

    class HalfWritten:
        """A temp file on a disk with room for half the payload."""

        def __init__(self, *args: Any, **kwargs: Any) -> None:
            self.file = real_fdopen(*args, **kwargs)

        def __enter__(self) -> HalfWritten:
            return self

        def __exit__(self, *exc: object) -> None:
            self.file.close()

        def write(self, payload: bytes) -> int:
            self.file.write(payload[: len(payload) // 2])
            self.file.flush()
            raise ENOSPC

        def __getattr__(self, name: str) -> Any:
            return getattr(self.file, name)

    monkeypatch.setattr(files.os, "fdopen", HalfWritten)

    with pytest.raises(WriteFailed) as refused:
        recorder.log(ActivityKind.LEARN, "lost")

    assert_nothing_changed(store, saved, refused)
    assert "the disk is full" in str(refused.value)


@pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="counting open files needs /proc")
def test_a_temp_file_that_cannot_be_opened_for_writing_leaks_no_file_handle(
    recorder: Recorder, store: Store, saved: bytes, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(files.os, "fdopen", failing(ENOSPC))
    before = open_descriptors()

    for _ in range(5):
        with pytest.raises(WriteFailed) as refused:
            recorder.log(ActivityKind.LEARN, "lost")

    assert open_descriptors() == before
    assert_nothing_changed(store, saved, refused)


def test_a_failed_backup_stops_the_write_and_leaves_no_partial_backup(
    recorder: Recorder, store: Store, saved: bytes, clock: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    clock.advance(days=1)  # the next write starts by keeping a backup of today's file
    monkeypatch.setattr(files.os, "fsync", failing(ENOSPC, os.fsync, when=is_regular_file))

    with pytest.raises(WriteFailed) as refused:
        recorder.log(ActivityKind.LEARN, "lost")

    assert_nothing_changed(store, saved, refused)
    assert [b.name for b in list_backups(store.path)] == ["nextyes-2026-03-15.json"]


def test_a_record_that_cannot_be_encoded_leaves_the_old_bytes(
    recorder: Recorder, store: Store, saved: bytes, monkeypatch: pytest.MonkeyPatch
) -> None:
    def cannot_encode(*args: Any, **kwargs: Any) -> str:
        raise TypeError("Object of type set is not JSON serializable")

    monkeypatch.setattr(database.json, "dumps", cannot_encode)

    with pytest.raises(WriteFailed) as refused:
        recorder.log(ActivityKind.LEARN, "lost")

    monkeypatch.undo()
    assert_nothing_changed(store, saved, refused)


def test_a_folder_that_cannot_be_fsynced_after_the_rename_still_reports_the_save(
    recorder: Recorder, store: Store, saved: bytes, monkeypatch: pytest.MonkeyPatch
) -> None:
    """After the rename the change is what every reader sees; calling it lost would invite a duplicate."""
    einval = OSError(errno.EINVAL, os.strerror(errno.EINVAL))
    monkeypatch.setattr(files.os, "fsync", failing(einval, os.fsync, when=lambda fd: not is_regular_file(fd)))

    recorder.log(ActivityKind.LEARN, "kept")

    assert [a.note for a in store.load().activities] == ["", "met a recruiter", "kept"]
    assert temp_files(store.path.parent) == []


def test_an_interrupt_during_the_write_leaves_the_old_bytes_and_no_temp_file(
    recorder: Recorder, store: Store, saved: bytes, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(files.os, "replace", failing(KeyboardInterrupt()))  # type: ignore[arg-type]

    with pytest.raises(KeyboardInterrupt):
        recorder.log(ActivityKind.LEARN, "lost")

    assert store.path.read_bytes() == saved
    assert temp_files(store.path.parent) == []


# --- A read-only folder or file system ----------------------------------------------------------------

EROFS = OSError(errno.EROFS, os.strerror(errno.EROFS))


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


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root ignores folder permissions")
def test_a_read_only_folder_still_reads_and_refuses_writes_naming_the_file(
    recorder: Recorder, store: Store, saved: bytes
) -> None:
    folder_mode = store.path.parent.stat().st_mode
    store.lock_path.unlink()
    os.chmod(store.path.parent, 0o555)
    try:
        with pytest.raises(WriteFailed) as refused:
            recorder.log(ActivityKind.LEARN, "lost")
        assert_nothing_changed(store, saved, refused)
        assert "read-only" in str(refused.value)
    finally:
        os.chmod(store.path.parent, folder_mode)


def test_the_written_file_is_the_whole_payload_and_parses(recorder: Recorder, store: Store, saved: bytes) -> None:
    recorder.log(ActivityKind.LEARN, "kept")

    raw = json.loads(store.path.read_bytes())
    assert len(raw["activities"]) == 3
    assert temp_files(store.path.parent) == []
