"""The `nextyes` command: quick logging from the shell, and the door to the app.

The commands live in one module per group (records, today, network, editing, exchange, database, settings,
completion), each registering its commands beside their handlers; `command_line` puts them together. This
module answers `--version` before importing any of them. Registering costs little: the models, the store
and pydantic are loaded by the handlers, so `--help` and `completion` never load them. Nothing in the
package imports Textual; only opening the app loads it.
"""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING, NoReturn

from tui import __version__

if TYPE_CHECKING:
    import argparse
    from collections.abc import Sequence

    from tui.clock import Clock

__all__ = ["build_parser", "entry", "main"]


def main(argv: Sequence[str] | None = None, now: Clock | None = None) -> int:
    """Run the command in `argv` and return its exit status. `now` replaces the real clock (tests)."""
    arguments = list(sys.argv[1:] if argv is None else argv)
    if arguments == ["--version"]:  # before argparse and the commands are even loaded
        print(f"nextyes {__version__}")
        return 0
    from tui.cli.opening import only_the_app

    if only_the_app(arguments):
        from tui.cli.opening import open_app
        from tui.locations import db_path

        return open_app(db_path(arguments[1] if arguments else None), demo=False, now=now)
    if "log" in arguments:  # logged from the shell every day: answered from the brief when it holds
        from tui.cli.quick_log import quick

        logged = quick(arguments, now)
        if logged is not None:
            return logged
    if "prompt" in arguments or "remind" in arguments:  # run at every Enter, or every few minutes by cron
        answered = _answered_quickly(arguments, now)
        if answered is not None:
            return answered
    from tui.cli import kept_answers
    from tui.cli.command_line import run

    if kept_answers.applies(arguments):  # status and today: said again while nothing they read has changed
        said = kept_answers.said_again(arguments, now)
        return said if said is not None else kept_answers.worked_out(arguments, now, lambda: run(arguments, now))
    return run(arguments, now)


def _answered_quickly(arguments: list[str], now: Clock | None) -> int | None:
    """`prompt` and `remind` answered from the day's summary before the command line is built (it loads every
    command's module); None for anything else (help, a mistake), and for a database that cannot be read:
    the whole command line then reads it again and says what is wrong with the exit status it calls for."""
    from tui.cli import prompt, remind

    try:
        answered = prompt.quick(arguments, now)
        return answered if answered is not None else remind.quick(arguments, now)
    except Exception as problem:
        from tui.cli.common import from_the_store

        if not from_the_store(problem):
            raise
        return None


def entry() -> NoReturn:
    """The `nextyes` program: run the command, then leave at once.

    A command that read five years of records holds some 150,000 objects; freeing them one by one as the
    interpreter shuts down took 5% of `nextyes log`. Nothing is left to finish by then (every write is done
    and its lock released), so only the output is flushed before the process ends.
    """
    status = main()
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except OSError:  # a closed pipe: the reader has gone, as `run` allows
        pass
    os._exit(status)


def build_parser() -> argparse.ArgumentParser:
    """The parser of every `nextyes` command."""
    from tui.cli.command_line import build_parser as build

    return build()
