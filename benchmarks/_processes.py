"""Timing a command in a fresh process: its wall time, the moments it reports on a pipe, its peak memory.

The commands are started by a small launcher process (`Launcher`, this file run as a script), never by
the benchmark itself: on Linux a child's ru_maxrss keeps the resident size it had before exec, that of
its parent, so a child of the benchmark, which holds years of records by then, would seem as large as it.
The launcher imports nothing but the standard library and stays small (about 12 MB, the floor of any
figure it reports).
"""

from __future__ import annotations

import fcntl
import json
import os
import pty
import select
import struct
import subprocess
import sys
import termios
import time
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path

TERMINAL_SIZE = (24, 80)  # rows, columns: the size the app is designed for


@dataclass(frozen=True)
class Finished:
    """One finished process: milliseconds from its spawn to its exit and to each line it said."""

    wall_ms: float
    peak_mb: float  # the largest resident set it reached (ru_maxrss)
    said: dict[str, float] = field(default_factory=dict)  # first word of each line -> ms since spawn
    details: dict[str, str] = field(default_factory=dict)  # first word -> the rest of its line


class ProcessFailed(RuntimeError):
    pass


def run_plain(command: Sequence[str], env: dict[str, str] | None = None) -> Finished:
    """Run `command` with no terminal, output discarded; raise with its error output if it fails."""
    began = time.perf_counter()
    process = subprocess.Popen(
        command, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env
    )
    assert process.stderr is not None
    errors = process.stderr.read()
    _, status, usage = os.wait4(process.pid, 0)
    ended = time.perf_counter()
    process.stderr.close()
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise ProcessFailed(f"exit {process.returncode}: {_last_line(errors)}")
    return Finished((ended - began) * 1000, usage.ru_maxrss / 1024)


def run_in_terminal(command: Sequence[str], env: dict[str, str] | None = None, timeout: float = 60.0) -> Finished:
    """Run `command` on a fresh 80×24 pseudo-terminal, with `--signal-fd N` added, and time its lines on N.

    The terminal's output is read and thrown away as it comes, as a terminal would draw it; the last of
    it is kept to explain a failure.
    """
    terminal, child_end = pty.openpty()
    rows, columns = TERMINAL_SIZE
    fcntl.ioctl(child_end, termios.TIOCSWINSZ, struct.pack("HHHH", rows, columns, 0, 0))
    heard, told = os.pipe()
    began = time.perf_counter()
    try:
        process = subprocess.Popen(
            [*command, "--signal-fd", str(told)],
            stdin=child_end,
            stdout=child_end,
            stderr=child_end,
            pass_fds=(told,),
            env=env,
            start_new_session=True,
        )
    finally:
        os.close(child_end)
        os.close(told)
    said: dict[str, float] = {}
    details: dict[str, str] = {}
    shown = bytearray()
    pending = b""
    open_fds = {terminal, heard}
    deadline = began + timeout
    try:
        while open_fds:
            left = deadline - time.perf_counter()
            if left <= 0:
                process.kill()
                process.wait()
                raise ProcessFailed(f"no exit within {timeout:.0f} s; it last showed: {_last_line(shown)}")
            ready, _, _ = select.select(list(open_fds), [], [], left)
            for fd in ready:
                try:
                    chunk = os.read(fd, 65536)
                except OSError:  # EIO: the terminal's other end is closed
                    chunk = b""
                if not chunk:
                    open_fds.discard(fd)
                elif fd == terminal:
                    shown = (shown + chunk)[-4000:]
                else:
                    at = (time.perf_counter() - began) * 1000
                    pending += chunk
                    *lines, pending = pending.split(b"\n")
                    for line in lines:
                        word, _, rest = line.decode().partition(" ")
                        said.setdefault(word, at)
                        details.setdefault(word, rest)
        _, status, usage = os.wait4(process.pid, 0)
        ended = time.perf_counter()
    finally:
        os.close(terminal)
        os.close(heard)
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise ProcessFailed(f"exit {process.returncode}: {_last_line(shown)}")
    return Finished((ended - began) * 1000, usage.ru_maxrss / 1024, said, details)


def installed_environment(bytecode: Path) -> dict[str, str]:
    """This environment, with compiled bytecode kept (in `bytecode`) as an installed program has it.

    Without it, PYTHONDONTWRITEBYTECODE (set on some machines) would make every start compile our
    own modules from source again. The folder holds every module's bytecode, so the run that warms
    the file cache also writes it, for both apps alike, and nothing is written beside the sources.
    """
    env = {name: value for name, value in os.environ.items() if name != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPYCACHEPREFIX"] = str(bytecode)
    return env


def terminal_environment(env: dict[str, str]) -> dict[str, str]:
    """`env` as a colour terminal would give it to a program it starts."""
    env = {name: value for name, value in env.items() if name not in ("COLUMNS", "LINES", "NO_COLOR")}
    env["TERM"] = "xterm-256color"
    env["COLORTERM"] = "truecolor"
    return env


def _last_line(output: bytes | bytearray) -> str:
    """The last readable line of what a process printed, with terminal escapes dropped."""
    text = bytes(output).decode(errors="replace")
    lines = [line.strip() for line in text.replace("\r", "\n").split("\n") if line.strip() and "\x1b" not in line]
    return lines[-1][:200] if lines else "(nothing readable)"


def script(name: str) -> Path:
    return Path(__file__).resolve().parent / name


class Launcher:
    """A small process that runs commands for us, one at a time, and sends back how each went."""

    def __init__(self) -> None:
        self.process = subprocess.Popen(
            [sys.executable, str(script("_processes.py"))], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
        )

    def run(self, command: Sequence[str], *, terminal: bool = False, env: dict[str, str] | None = None) -> Finished:
        """`run_in_terminal` or `run_plain`, in the launcher; its failure raised here."""
        assert self.process.stdin is not None and self.process.stdout is not None
        self.process.stdin.write(json.dumps({"command": list(command), "terminal": terminal, "env": env}) + "\n")
        self.process.stdin.flush()
        answer = json.loads(self.process.stdout.readline() or '{"failed": "the launcher is gone"}')
        if "failed" in answer:
            raise ProcessFailed(answer["failed"])
        return Finished(**answer)

    def close(self) -> None:
        assert self.process.stdin is not None
        self.process.stdin.close()
        self.process.wait()

    def __enter__(self) -> Launcher:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()


def serve() -> None:
    """The launcher: one request a line on standard input, one answer a line on standard output."""
    for line in sys.stdin:
        request = json.loads(line)
        run = run_in_terminal if request["terminal"] else run_plain
        try:
            answer = asdict(run(request["command"], request["env"]))
        except (ProcessFailed, OSError) as error:
            answer = {"failed": str(error)}
        print(json.dumps(answer), flush=True)


if __name__ == "__main__":
    serve()
