"""The command line as a whole: one parser made from every command group, and the run of the chosen command.

A group registers its own commands and their handlers (`register(commands)`); this module opens the store,
runs the handler and turns what went wrong into an exit status and one line on standard error. The store,
the models and pydantic are imported only once a command that uses them has been parsed: `--help` and
`completion` never load them.
"""

from __future__ import annotations

import argparse
import os
import sys
from contextlib import nullcontext
from typing import TYPE_CHECKING

from tui import __version__
from tui.cli import (
    completion,
    database,
    editing,
    exchange,
    network,
    offers,
    paste,
    prompt,
    records,
    remind,
    settings,
    syncing,
    today,
)
from tui.cli.common import (
    EXIT_BAD_INPUT,
    EXIT_DATABASE,
    FILE,
    BadInput,
    Commands,
    Parser,
    complain,
    completes,
    describe_validation,
    from_the_store,
)
from tui.terminal import Output, shown_on_stdout, visible

if TYPE_CHECKING:
    from tui.clock import Clock

# In the order `--help` lists them.
GROUPS = (
    records,
    offers,
    today,
    prompt,
    remind,
    network,
    editing,
    paste,
    exchange,
    syncing,
    database,
    settings,
    completion,
)


def build_parser() -> Parser:
    """The `nextyes` parser: the options every command takes, then each group's commands."""
    shared = Parser(add_help=False)
    database_file = shared.add_argument(
        "--db",
        metavar="PATH",
        default=argparse.SUPPRESS,
        help="database file (default: NEXTYES_DB, else your data folder)",
    )
    completes(database_file, FILE)
    parser = Parser(
        prog="nextyes",
        description="Keep your job search moving: every 'no' gets you closer to the next 'yes'.",
        parents=[shared],
    )
    parser.add_argument("--version", action="version", version=f"nextyes {__version__}")
    parser.add_argument("--demo", action="store_true", help="open the app on a copy of the demo data")
    commands = Commands(parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=Parser), shared)
    for group in GROUPS:
        group.register(commands)
    return parser


def run(arguments: list[str], now: Clock | None) -> int:
    """Run the command in `arguments` and return its exit status. `now` replaces the real clock (tests)."""
    try:
        options = _parse(arguments)
        _refuse_undecodable(arguments)
        output = _output(options)
        with nullcontext() if output is None else shown_on_stdout(output):
            return _run(options, now)
    except BadInput as problem:
        complain(problem)
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # `nextyes today | head -3`: the reader has seen enough
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except Exception as problem:
        if not from_the_store(problem):
            raise
        complain(problem)
        return EXIT_DATABASE


def _parse(arguments: list[str]) -> argparse.Namespace:
    """Parse, letting free words sit before or after the options (`log learn --on friday sql`)."""
    parser = build_parser()
    options, extra = parser.parse_known_args(arguments)
    words = getattr(options, "trailing_words", None)  # the command's own say (see `Commands.add`)
    if extra and words and not any(word.startswith("-") for word in extra):
        setattr(options, words, [*getattr(options, words), *extra])
    elif extra:
        parser.error(f"unrecognized arguments: {' '.join(extra)}")
    return options


def _refuse_undecodable(arguments: list[str]) -> None:
    for argument in arguments:
        try:
            argument.encode("utf-8")
        except UnicodeEncodeError:
            raise BadInput("an argument is not valid UTF-8 text; check your terminal's encoding") from None


def _output(options: argparse.Namespace) -> Output | None:
    """What the command prints, which decides how it is shown (`tui.terminal.shown_on_stdout`); None for the app.

    A document (an export, a draft to send, a completion script, the review in Markdown) and JSON reach a
    file or a pipe byte for byte, and a terminal with no raw control character; everything else is printed
    for a person to read, with control characters shown as symbols wherever it goes.
    """
    if options.command is None:
        return None  # the app draws its own screen, every text through the same rule
    output_format = getattr(options, "format", None)
    document = getattr(options, "prints_document", False)
    if getattr(options, "json", False) or (document and output_format == "json"):
        return Output.JSON
    if document or output_format == "md":
        return Output.DOCUMENT
    return Output.TEXT


def _run(options: argparse.Namespace, now: Clock | None) -> int:
    from tui.locations import db_path

    path = db_path(getattr(options, "db", None))
    if options.command is None:
        from tui.cli.opening import open_app

        return open_app(path, demo=options.demo, now=now)
    if not options.needs_database:
        options.clock = now  # a command that reads the database its own way (`prompt`) keeps the test's clock
        done: int = options.handler(options)
        return done
    from pydantic import ValidationError

    from tui.cli.quick_log import announce
    from tui.clock import system_clock, zone_named
    from tui.core.models import Win
    from tui.recording import Recorder
    from tui.store import Store

    store = Store(path, now or system_clock(zone_named("")), journal=True)  # a change is one line in the journal
    wins: list[Win] = []  # added by the command's change itself; said after what the command says
    recorder = Recorder(
        store,
        store.now,
        celebrate=lambda rewards: announce(rewards, store.now().date()),
        note_wins=wins.extend,
        note_zone=_note_zone,
    )
    from tui.store.collector import collector_paused
    from tui.store.conflicts import absorb_conflict_copies

    for merged in absorb_conflict_copies(store):  # a sync tool's conflict copies, merged before anything else
        print(f"nextyes: {visible(merged)}", file=sys.stderr)
    try:
        # A command lives for a moment and its records hold no cycles: the collector's passes over five years
        # of them (8% of `nextyes log`) would free nothing that reference counting does not.
        with collector_paused:
            status: int = options.handler(recorder, options)
    except ValidationError as error:
        raise BadInput(describe_validation(error)) from None
    for win in wins:
        print(f"★ A win for your list: {win.text}")
    return status


def _note_zone(note: str) -> None:
    """A time zone setting or TZ that names no zone: which is used instead, once a command, on standard error."""
    print(f"nextyes: {visible(note)}", file=sys.stderr)
