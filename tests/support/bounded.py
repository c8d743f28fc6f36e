"""Running, in a test, what a bug would make hang or fill memory: so a regression fails instead of stalling the suite.

`deadline` bounds code run in the test's own process (an open or a read of a FIFO blocks in the kernel; the
alarm interrupts it); `bounded_shell` runs `nextyes` in a child process bounded in time and address space.
"""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

ADDRESS_SPACE = 3 << 30  # a child reading /dev/zero fails within this rather than take the machine


@contextlib.contextmanager
def deadline(seconds: int) -> Iterator[None]:
    """Raise TimeoutError in the test, rather than wait forever, when what runs inside blocks."""

    def expired(*_: object) -> None:
        raise TimeoutError(f"still blocked after {seconds} s")

    previous = signal.signal(signal.SIGALRM, expired)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def bounded_shell(
    *arguments: str, cwd: Path, seconds: float, environment: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """`nextyes ARGS` in a child process with no input, at most `seconds` long and `ADDRESS_SPACE` large.

    A run still going at the bound fails the test, naming the command.
    """

    def bounded_memory() -> None:
        import resource

        resource.setrlimit(resource.RLIMIT_AS, (ADDRESS_SPACE, ADDRESS_SPACE))

    try:
        return subprocess.run(
            [sys.executable, "-m", "tui", *arguments],
            capture_output=True,
            text=True,
            env={**os.environ, "TZ": "UTC", **(environment or {})},
            cwd=cwd,
            timeout=seconds,
            preexec_fn=bounded_memory if os.name == "posix" else None,
            stdin=subprocess.DEVNULL,
        )
    except subprocess.TimeoutExpired:
        pytest.fail(f"`nextyes {' '.join(arguments)}` still ran after {seconds} s")
