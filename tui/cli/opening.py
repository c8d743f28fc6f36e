"""Opening the app: from the command line, or at once for a bare `nextyes` (see `tui.cli.main`)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Sequence
    from pathlib import Path

    from tui.clock import Clock


def only_the_app(arguments: Sequence[str]) -> bool:
    """`nextyes` alone, or with `--db PATH`: the app and nothing else, opened without building the command line
    (every command's options), which a first frame would wait for. Anything else is the command line's to read."""
    if not arguments:
        return True
    if len(arguments) != 2 or arguments[0] != "--db" or arguments[1].startswith("-"):
        return False
    try:
        arguments[1].encode("utf-8")  # a name the terminal could not decode is the command line's to refuse
    except UnicodeEncodeError:
        return False
    return True


def open_app(path: Path, *, demo: bool, now: Clock | None) -> int:
    from tui.app import NextYesApp

    if not demo:
        NextYesApp(db_path=path, now=now).run()
        return 0
    import shutil

    from tui.demo import demo_clock, demo_database_copy

    copy = demo_database_copy()
    try:
        NextYesApp(db_path=copy, now=now or demo_clock()).run()
    finally:
        shutil.rmtree(copy.parent, ignore_errors=True)
    return 0
