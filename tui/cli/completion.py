"""Shell completion: `completion bash|zsh|fish` prints a script made from the parser by shtab.

The script completes commands, options and their choices, files where a file is asked for, and the
applications' short ids by calling back `nextyes list-ids`, a command `--help` does not list.
shtab is imported only here, when a script is asked for: the other commands never load it. Printing a script
opens no database, and loads neither pydantic nor the models: every parser is made from `tui.core.kinds` and
the settings' own table (`tui.cli.settings.OPTIONS`).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from typing import TYPE_CHECKING

from tui.cli.common import APPLICATION_IDS, FILE, Commands, Parser

if TYPE_CHECKING:
    from tui.recording import Recorder

SHELLS = ("bash", "zsh", "fish")


def register(commands: Commands) -> None:
    """Add `completion`, and the hidden `list-ids` its scripts call back."""
    commands.add_standalone(
        "completion",
        _completion,
        help="print a shell completion script",
        prints_document=True,
        arguments=_completion_arguments,
    )
    commands.add("list-ids", _list_ids, help=None)


def _completion_arguments(completion: Parser) -> None:
    completion.add_argument("shell", metavar="SHELL", choices=SHELLS, help=f"one of {', '.join(SHELLS)}")


def _completion(options: argparse.Namespace) -> int:
    import shtab

    from tui.cli import build_parser

    parser = build_parser()
    how = {FILE: shtab.FILE, APPLICATION_IDS: shtab.cmd(f"{parser.prog} list-ids 2>/dev/null")}
    for action in _every_action(parser):
        if hasattr(action, "completion"):
            action.complete = how[action.completion]  # type: ignore[attr-defined]  # what shtab reads
    sys.stdout.write(shtab.complete(parser, shell=options.shell).rstrip("\n") + "\n")
    return 0


def _every_action(parser: argparse.ArgumentParser) -> Iterator[argparse.Action]:
    """Every argument of `parser` and of its subcommands, however deep."""
    for action in parser._actions:
        yield action
        if isinstance(action, argparse._SubParsersAction):
            for subparser in action.choices.values():
                yield from _every_action(subparser)


def _list_ids(recorder: Recorder, options: argparse.Namespace) -> int:
    """The short id of every application, one a line: what the completion scripts offer for APP."""
    del options
    for application in recorder.store.load().applications:
        print(application.short_id)
    return 0
