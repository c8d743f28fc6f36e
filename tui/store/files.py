"""Durable file replacement: the new bytes appear whole or not at all."""

from __future__ import annotations

import contextlib
import glob
import os
import tempfile
from pathlib import Path


def atomic_write(path: Path, payload: bytes) -> None:
    """Replace `path` with `payload`: temp file in the same folder, fsync, rename, fsync the folder.

    On any error the temp file is removed and `path` keeps its previous bytes.
    """
    folder = path.parent
    handle, temp_name = tempfile.mkstemp(prefix=_temp_prefix(path.name), suffix=TEMP_SUFFIX, dir=folder)
    try:
        try:
            temp = os.fdopen(handle, "wb")
        except BaseException:
            os.close(handle)
            raise
        with temp:
            temp.write(payload)
            temp.flush()
            os.fsync(temp.fileno())
        with contextlib.suppress(FileNotFoundError):
            os.chmod(temp_name, path.stat().st_mode & 0o777)
        os.replace(temp_name, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temp_name)
        raise
    fsync_folder(folder)


TEMP_SUFFIX = ".tmp"


def _temp_prefix(name: str) -> str:
    return f".{name}."


def temp_name_pattern(name: str | None = None) -> str:
    """The glob matching the temp files `atomic_write` makes for a file called `name`, or for any file.

    The name is escaped: a file called `*` or `[a]` must not match, or be swept with, other files' temp files.
    """
    prefix = glob.escape(_temp_prefix(name)) if name is not None else _temp_prefix("*")
    return f"{prefix}*{TEMP_SUFFIX}"


def remove_debris(folder: Path, pattern: str) -> None:
    """Remove temp files a killed writer left behind. Call only while holding the database's lock.

    Every temp file is made and renamed under that lock, so one seen while holding it belongs to no live writer.
    """
    for debris in folder.glob(pattern):
        with contextlib.suppress(OSError):
            debris.unlink()


def fsync_folder(folder: Path) -> None:
    """Make a rename in `folder` durable, as far as the file system allows.

    Best effort: it runs after the rename, when the new file is already what every reader sees.
    Reporting a failure then would say "nothing was saved" about a change that was, and invite a
    retry that records it twice. Some file systems (and Windows) cannot fsync a folder at all.
    """
    try:
        handle = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        with contextlib.suppress(OSError):
            os.fsync(handle)
    finally:
        os.close(handle)
