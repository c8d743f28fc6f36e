"""Two machines, one search: `merge` brings another copy of the database in, `merge-driver` does it for git."""

from __future__ import annotations

import argparse
import json
from contextlib import contextmanager
from typing import TYPE_CHECKING

from tui.cli.common import FILE, BadInput, Commands, Parser, completes

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

    from tui.recording import Recorder


def register(commands: Commands) -> None:
    """Add this group's commands; the arguments and the handler of each are below."""
    commands.add(
        "merge",
        _merge,
        help="merge another copy of your database (another machine's, a conflict copy, a backup) into this one",
        arguments=_merge_arguments,
    )
    commands.add(
        "merge-driver",
        _merge_driver,
        help="git's merge driver for a nextyes database: merge-driver %%O %%A %%B (see the README)",
        arguments=_merge_driver_arguments,
    )


def _merge_arguments(merge: Parser) -> None:
    other = merge.add_argument("other", metavar="OTHER", help="the other copy: a nextyes database file")
    completes(other, FILE)
    merge.add_argument("--dry-run", action="store_true", help="say what would come in, and change nothing")
    merge.add_argument("--json", action="store_true", help="print what came in as JSON")


def _merge(recorder: Recorder, options: argparse.Namespace) -> int:
    from tui.store.merging import merge_file

    store = recorder.store
    other = _existing_file(options.other)
    if _same_file(other, store.file):
        raise BadInput(f"{options.other} is this database itself; name another copy of it")
    with _the_other_copy(other):
        report = merge_file(store, other, dry_run=options.dry_run)
    if options.json:
        print(json.dumps({**report.as_json(), "dry_run": options.dry_run}, ensure_ascii=False, indent=2))
    else:
        print("\n".join(report.lines(dry_run=options.dry_run)))
    return 0


def _merge_driver_arguments(driver: Parser) -> None:
    driver.add_argument("ancestor", metavar="O", help="git's %%O: the common ancestor's version (not needed)")
    driver.add_argument("ours", metavar="A", help="git's %%A: our version; the merge is written here")
    driver.add_argument("theirs", metavar="B", help="git's %%B: their version")


def _merge_driver(recorder: Recorder, options: argparse.Namespace) -> int:
    """Merge B into A, written to A's path; git takes exit 0 as merged. A refusal leaves A as it was.

    The merge runs on a copy in a folder of its own, so the lock and backups a store keeps beside its file never
    land in the repository (git keeps every version anyway); A is replaced at once when it is done.
    """
    import shutil
    import tempfile
    from pathlib import Path

    from tui.store import Store
    from tui.store.files import atomic_write
    from tui.store.merging import merge_file, read_other_copy

    del options.ancestor  # not needed: every record carries when it was last changed
    ours = _existing_file(options.ours)
    theirs = _existing_file(options.theirs)
    store = Store(ours, recorder.now)
    read_other_copy(ours, store.default_settings)  # a refusal names A, not the copy below
    with tempfile.TemporaryDirectory(prefix="nextyes-merge-") as folder:
        work = Path(folder) / "nextyes.json"
        shutil.copyfile(ours, work)
        with _the_other_copy(theirs):
            report = merge_file(Store(work, recorder.now), theirs, source="the branch merged in")
        if report.changes:
            atomic_write(ours, work.read_bytes())
    print(report.lines()[0])
    return 0


def _existing_file(given: str) -> Path:
    import stat
    from pathlib import Path

    path = Path(given).expanduser()
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        raise BadInput(f"there is no file {given}; name a nextyes database file") from None
    except OSError as error:  # a name too long, a folder on the way that is a file, no permission…
        raise BadInput(f"{given} cannot be read ({error.strerror or error}); name a nextyes database file") from None
    if not stat.S_ISREG(mode):
        raise BadInput(f"{given} is not a file; name a nextyes database file")
    return path


@contextmanager
def _the_other_copy(other: Path) -> Iterator[None]:
    """A copy that cannot be merged (damaged, from a newer nextyes) is bad input, one line and exit 2: the
    database itself is fine. A problem of the database is still the store's (exit 3)."""
    from tui.store import StoreError

    try:
        yield
    except StoreError as error:
        if error.path != other:
            raise
        raise BadInput(str(error)) from None


def _same_file(first: Path, second: Path) -> bool:
    import os

    try:
        return os.path.samefile(first, second)
    except OSError:
        return False
