"""Opening a file to import: a regular file only, opened without waiting, never read past a limit.

`nextyes import /dev/zero` once read until memory ran out, and a FIFO with no writer kept it waiting
forever. So the path is looked at before it is opened (a device or a FIFO is never opened: opening
some devices does something by itself), opened with O_NONBLOCK (a FIFO put there in between cannot
make the open wait), looked at again through the open descriptor (what is read is what was checked),
and read through a window that stops one byte past the limit: a file that grows while it is read is
refused as soon as it passes the limit, and memory never holds more than the limit of it.

A symlink to a regular file is a regular file here: people keep files in synced folders through links.
"""

from __future__ import annotations

import io
import os
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from _typeshed import WriteableBuffer

# Flags not every system has are left out where it lacks them: nextyes runs on POSIX systems.
OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_CLOEXEC", 0)
CHUNK = 1 << 16  # bytes read at a time


class NotReadable(ValueError):
    """The path is not a regular file that can be read; the message says what it is, in a few words."""


class TooManyBytes(ValueError):
    """The file holds more than the limit. `size` is its size when known before reading, else None."""

    def __init__(self, limit: int, size: int | None) -> None:
        super().__init__(f"more than {limit:,} bytes")
        self.limit = limit
        self.size = size


def kind_of(mode: int) -> str | None:
    """What a file that is not a regular file is, as a person would say it; None for a regular file."""
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a FIFO (a named pipe)"
    if stat.S_ISCHR(mode):
        return "a character device"
    if stat.S_ISBLK(mode):
        return "a block device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "a special file"


class OpenFile:
    """A regular file, opened and checked; each reader made from it starts at its first byte."""

    def __init__(self, fd: int, size: int, limit: int | None) -> None:
        self.fd = fd
        self.size = size  # as it was when opened
        self.limit = limit

    def binary(self) -> io.BufferedReader:
        return io.BufferedReader(_Window(self.fd, self.limit), CHUNK)

    def text(self) -> io.TextIOWrapper:
        """The file as UTF-8 text, a leading byte order mark left out, line ends as they are (for `csv`).

        Reading raises UnicodeDecodeError where the bytes are not UTF-8, and TooManyBytes past the limit.
        """
        return io.TextIOWrapper(self.binary(), encoding="utf-8-sig", errors="strict", newline="")

    def payload(self) -> bytes:
        """Every byte of the file, or TooManyBytes."""
        return self.binary().read()


@contextmanager
def opened(path: Path, limit: int | None) -> Iterator[OpenFile]:
    """`path` opened for reading if it is a regular file (or a link to one) of at most `limit` bytes.

    Raises NotReadable for anything else (missing, a folder, a FIFO, a device, a socket, no permission),
    and TooManyBytes when the file is already larger than `limit`. Never blocks, whatever the path is.
    """
    _refuse_special(_status(path))
    try:
        fd = os.open(path, OPEN_FLAGS)
    except OSError as error:
        raise NotReadable(_problem(error)) from None
    try:
        status = _status(fd)
        _refuse_special(status)
        if limit is not None and status.st_size > limit:
            raise TooManyBytes(limit, status.st_size)
        yield OpenFile(fd, status.st_size, limit)
    finally:
        os.close(fd)


def _status(target: Path | int) -> os.stat_result:
    """The path's status (through a symlink to its target), or the open descriptor's."""
    try:
        return os.fstat(target) if isinstance(target, int) else os.stat(target)
    except OSError as error:
        raise NotReadable(_problem(error)) from None


def _refuse_special(status: os.stat_result) -> None:
    kind = kind_of(status.st_mode)
    if kind == "a folder":
        raise NotReadable("is a folder, not a file")
    if kind is not None:
        raise NotReadable(f"is {kind}, not a regular file")


def _problem(error: OSError) -> str:
    if isinstance(error, FileNotFoundError | NotADirectoryError):
        return "there is no such file"
    if isinstance(error, IsADirectoryError):
        return "is a folder, not a file"
    return f"cannot be read ({error.strerror or error})"


class _Window(io.RawIOBase):
    """The file's bytes from the start, read with pread (each reader keeps its own place in one descriptor).

    Never reads more than `limit` + 1 bytes: the byte past the limit raises TooManyBytes. Closing the
    window leaves the descriptor open: `opened` closes it.
    """

    def __init__(self, fd: int, limit: int | None) -> None:
        super().__init__()
        self._fd = fd
        self._limit = limit
        self._position = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: WriteableBuffer) -> int:
        view = memoryview(buffer).cast("B")
        wanted = len(view)
        if self._limit is not None:
            wanted = min(wanted, self._limit + 1 - self._position)
        data = os.pread(self._fd, wanted, self._position)
        got = len(data)
        view[:got] = data
        self._position += got
        if self._limit is not None and self._position > self._limit:
            raise TooManyBytes(self._limit, None)
        return got
