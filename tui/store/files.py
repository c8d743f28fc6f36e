"""Durable file replacement: the new bytes appear whole or not at all, with the owner, group and mode kept."""

from __future__ import annotations

import contextlib
import errno
import glob
import os
import stat
import tempfile
from pathlib import Path

from tui.store.paths import TEMP_SUFFIX, database_file, journal_file, temp_prefix

# A hard link cannot be made here (a file system without them, another device, a limit on links): copy instead.
NO_LINK = frozenset({errno.EPERM, errno.EXDEV, errno.EMLINK, errno.ENOTSUP, errno.EOPNOTSUPP, errno.ENOSYS})


def atomic_write(path: Path, payload: bytes, *, like: Path | None = None) -> None:
    """Replace `path` with `payload`: temp file in the same folder, fsync, rename, fsync the folder.

    The new file takes the mode, owner and group of `like` (default: the file it replaces; see `stage`).
    On any error the temp file is removed and `path` keeps its previous bytes.
    """
    temp = stage(path, payload, like=like)
    try:
        os.replace(temp, path)
    except BaseException:
        discard(temp)
        raise
    fsync_folder(path.parent)


def stage(path: Path, payload: bytes, *, like: Path | None = None) -> Path:
    """A temp file beside `path` holding `payload`, fsynced, for a rename over `path` later; removed on error.

    It takes the mode, owner and group of `like` (default: `path`), where the process is allowed to give them:
    root writing another person's database (`sudo nextyes …`) leaves it theirs.
    """
    handle, temp_name = tempfile.mkstemp(prefix=temp_prefix(path.name), suffix=TEMP_SUFFIX, dir=path.parent)
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
        take_ownership_of(temp_name, like or path)
    except BaseException:
        discard(Path(temp_name))
        raise
    return Path(temp_name)


def discard(temp: Path | None) -> None:
    """Remove a temp file that will not be renamed into place, if it is still there."""
    if temp is not None:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temp)


def take_ownership_of(temp_name: str, model: Path) -> None:
    """Give the new file `temp_name` the mode, owner and group of `model`, when `model` exists.

    The owner is changed only where it differs and where the process may change it: as root, always; as
    anyone else, only to their own user and one of their groups (PermissionError otherwise, ignored: the new
    file is then the writer's, as any file they write).
    """
    try:
        wanted = os.stat(model)
    except (FileNotFoundError, NotADirectoryError):
        return
    os.chmod(temp_name, wanted.st_mode & 0o777)
    if os.name == "posix" and (wanted.st_uid, wanted.st_gid) != (os.geteuid(), os.getegid()):
        with contextlib.suppress(PermissionError):
            os.chown(temp_name, wanted.st_uid, wanted.st_gid)


def give_like(path: Path, model: Path) -> None:
    """Give the file or folder `path` the owner and group of `model`, where permitted (see `take_ownership_of`).

    For what nextyes makes beside a database (its lock, its backups folder) when root writes someone's database.
    """
    try:
        wanted, made = os.stat(model), os.stat(path)
    except OSError:
        return
    if os.name == "posix" and (made.st_uid, made.st_gid) != (wanted.st_uid, wanted.st_gid):
        with contextlib.suppress(PermissionError):
            os.chown(path, wanted.st_uid, wanted.st_gid)


def stage_link(source: Path, target: Path) -> Path | None:
    """A temp name beside `target` for the file `source` (a hard link: no byte copied), for a rename over
    `target` later; None when hard links cannot be made there, for the caller to copy instead."""
    temp = target.with_name(f"{temp_prefix(target.name)}{os.urandom(4).hex()}{TEMP_SUFFIX}")
    try:
        os.link(source, temp)
    except OSError as error:
        if error.errno in NO_LINK:
            return None
        raise
    return temp


def temp_name_pattern(name: str | None = None) -> str:
    """The glob matching the temp files `atomic_write` makes for a file called `name`, or for any file.

    The name is escaped: a file called `*` or `[a]` must not match, or be swept with, other files' temp files.
    """
    prefix = glob.escape(temp_prefix(name)) if name is not None else temp_prefix("*")
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


def read_only(path: Path) -> bool:
    """Whether the person made the file read-only. A rename would replace it anyway, so ask its mode bits."""
    try:
        return not path.stat().st_mode & stat.S_IWUSR
    except OSError:
        return False


Identity = tuple[int, int, int]  # a file's inode, size and modification time in nanoseconds


def identity(path: Path) -> Identity | None:
    """A file's inode, size and time: an atomic replace or an append changes it."""
    try:
        status = os.stat(path)
    except OSError:
        return None
    return identity_of(status)


def identity_of(status: os.stat_result) -> Identity:
    """The identity of the file `status` describes."""
    return status.st_ino, status.st_size, status.st_mtime_ns


Source = tuple[Identity | None, Identity | None]  # the database file's identity and its journal's


def source_of(db_path: Path) -> Source:
    """The identities of the database file at `db_path` (links followed) and of its journal, as they are now."""
    real = database_file(db_path)
    return identity(real), identity(journal_file(real))
