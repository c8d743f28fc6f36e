"""A disk that fills while `nextyes` writes: the old file survives and one line says the disk is full.

A real full disk is simulated with RLIMIT_FSIZE in the child process running the shell: no file it writes may
grow past the limit, so writing the new database gets EFBIG part-way, as a full disk gives ENOSPC. (ENOSPC
injected at each step of the write is in test_store_faults.py.)
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.support.clock import FakeClock
from tests.support.store_records import stored_bytes
from tui.core.models import ActivityKind
from tui.recording import Recorder
from tui.store import Store

resource = pytest.importorskip("resource", reason="RLIMIT_FSIZE needs the resource module (Unix)")


def files_may_grow_to(limit: int) -> Callable[[], None]:
    """Run in the child before the shell starts: cap the size of any file it writes.

    Without SIGXFSZ ignored the kernel would kill the process at the limit; ignored, the write fails with EFBIG.
    """

    def limit_file_size() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        _, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, hard))

    return limit_file_size


def nextyes(db_path: Path, *arguments: str, limit: int) -> subprocess.CompletedProcess[str]:
    """`python -m tui ARGS --db DB`, as a person runs it, on a disk with room for files of `limit` bytes."""
    return subprocess.run(
        [sys.executable, "-m", "tui", *arguments, "--db", str(db_path)],
        check=False,
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "TZ": "UTC"},
        preexec_fn=files_may_grow_to(limit),
    )


@pytest.fixture
def saved(db_path: Path, clock: FakeClock) -> bytes:
    recorder = Recorder(Store(db_path, clock), clock)
    recorder.add_application("Acme", "Engineer")
    recorder.log(ActivityKind.NETWORK, "met a recruiter")
    return stored_bytes(db_path)


@pytest.mark.parametrize("command", [("log", "learn", "read a chapter"), ("add", "Globex", "Engineer")])
def test_a_disk_that_fills_during_the_write_leaves_the_old_bytes_and_says_so_in_one_line(
    db_path: Path, saved: bytes, command: tuple[str, ...]
) -> None:
    """The limit leaves room for the file as it is (and so for its backup), not for one more record."""
    result = nextyes(db_path, *command, limit=len(saved) + 16)

    assert result.returncode == 3, result.stderr
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
    assert str(db_path) in result.stderr and "the disk is full" in result.stderr
    assert stored_bytes(db_path) == saved
    assert [p.name for p in db_path.parent.rglob("*.tmp")] == []
    assert Store(db_path, FakeClock()).check().applications[0].company == "Acme"


def test_with_room_again_the_same_command_is_saved(db_path: Path, saved: bytes) -> None:
    """The check that the limit above is what refused the write, not something else about the child."""
    result = nextyes(db_path, "log", "learn", "read a chapter", limit=len(saved) * 4)

    assert result.returncode == 0, result.stderr
    notes = [a.note for a in Store(db_path, FakeClock()).check().activities]
    assert notes == ["", "met a recruiter", "read a chapter"]
