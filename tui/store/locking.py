"""The lock every writer holds across processes, and what a writer killed mid-write left to clear up."""

from __future__ import annotations

import errno
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from filelock import FileLock, Timeout

from tui.store.backups import settle_previous
from tui.store.errors import DatabaseBusy, WriteFailed, in_the_way
from tui.store.files import give_like, remove_debris, temp_name_pattern
from tui.store.paths import BACKUPS_SUFFIX, LOCK_SUFFIX, beside


@contextmanager
def held(db_path: Path, real: Path, timeout: float) -> Iterator[None]:
    """Hold the lock file beside the database file `real` (`db_path` as given, to name in a message), or say
    the database is busy after `timeout` seconds. Once held, a killed writer's temp files are cleared up."""
    lock_path = beside(real, LOCK_SUFFIX)
    try:
        lock = FileLock(lock_path, timeout=timeout)
        lock.acquire()
    except Timeout:
        raise DatabaseBusy(
            db_path, "the database is busy", "another nextyes is writing to it; try again in a moment"
        ) from None
    except OSError as error:
        if os.path.lexists(lock_path) and not lock_path.is_file():
            raise in_the_way(lock_path, f"the lock file of {real.name}") from None
        raise write_error(db_path, error) from None
    try:
        give_like(lock_path, real)  # root's lock must not shut the owner out of their own database
        _remove_debris(real)
        yield
    finally:
        lock.release()


def write_error(path: Path, error: OSError) -> WriteFailed:
    """What a failed write of the database at `path` tells the person: nothing was changed."""
    if error.errno in (errno.ENOSPC, errno.EDQUOT, errno.EFBIG):
        problem = "cannot be saved: the disk is full"
    elif error.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
        problem = "cannot be saved: the file or its folder is read-only"
    else:
        problem = f"cannot be saved ({error.strerror or error})"
    return WriteFailed(path, problem, "nothing was changed")


def _remove_debris(real: Path) -> None:
    """Temp files of a writer killed mid-write, beside the database file `real` and in its backups folder; a
    previous version it had staged is first put in place when its new file was written."""
    remove_debris(real.parent, temp_name_pattern(real.name))
    settle_previous(real)
    remove_debris(beside(real, BACKUPS_SUFFIX), temp_name_pattern())
