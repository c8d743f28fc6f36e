"""What every command group shares: how a command is registered, and how typed words become records and days.

A mistake in what was typed is a `BadInput`: one line on standard error and exit 2, never a usage dump.

Registering a command costs next to nothing, so that `nextyes --help`, `nextyes COMMAND --help` and
`completion` load no pydantic, no models and no store: a command's parser is made the first time it is used
(`Parser`), its choices come from `tui.core.kinds`, and its handler imports what it works with.
"""

from __future__ import annotations

import argparse
import re
from collections.abc import Callable
from datetime import date, time
from typing import TYPE_CHECKING, Any, NoReturn, TypeVar

from tui.core.kinds import ActivityKind

if TYPE_CHECKING:
    from pydantic import ValidationError

    from tui.core.models import Application, Contact
    from tui.core.search import JobSearch
    from tui.recording import Recorder

    Handler = Callable[[Recorder, argparse.Namespace], int]  # a command that reads or changes the records
    Found = TypeVar("Found", Application, Contact)

StandaloneHandler = Callable[[argparse.Namespace], int]  # a command that needs no database (`completion`)
Arguments = Callable[["Parser"], None]  # adds a command's arguments to its parser

EXIT_BAD_INPUT = 2
EXIT_DATABASE = 3

ACTIVITY_KINDS = [kind.value for kind in ActivityKind]
RECENT_DAYS = 30  # how far back `list` looks for a kind that grows every day, unless --all (its help says so)

# What shell completion offers for an argument (see `completes`); `nextyes completion` says how each shell does it.
FILE = "file"
APPLICATION_IDS = "application ids"


class BadInput(Exception):
    """Something typed on the command line that we cannot use; the message says what is accepted."""


def from_the_store(problem: BaseException) -> bool:
    """A `StoreError`: the database file cannot be used. Only the store raises one, so when it was never loaded
    (a help, a usage mistake), `problem` is not one."""
    import sys

    store = sys.modules.get("tui.store")
    return store is not None and isinstance(problem, store.StoreError)


def complain(problem: BaseException) -> None:
    """One line on standard error, whatever the message quotes: line breaks escaped, controls shown."""
    import sys

    from tui.terminal import visible

    one_line = str(problem).replace("\r", "\\r").replace("\n", "\\n")
    print(f"nextyes: {visible(one_line)}", file=sys.stderr)


class Parser(argparse.ArgumentParser):
    """argparse, but a usage mistake is one line and exit 2, not a usage dump.

    Given `build`, the parser is made only when it is first used (parsed, helped, completed or looked into):
    then argparse makes it from `settings` and `build` adds its arguments. So the parsers of the commands not
    typed are never made: `nextyes log …` makes the parser of `nextyes` and the one of `log`.
    """

    def __init__(self, *, build: Arguments | None = None, **settings: Any) -> None:
        if build is None:
            super().__init__(**settings)
        else:
            self.__dict__["_unmade"] = (settings, build)

    if not TYPE_CHECKING:  # to mypy, a parser has argparse's attributes and no others

        def __getattr__(self, name: str) -> Any:
            """The first look at anything argparse keeps in a parser not made yet: make it, then answer."""
            unmade = self.__dict__.pop("_unmade", None)
            if unmade is None:
                raise AttributeError(f"{type(self).__name__!r} object has no attribute {name!r}")
            settings, build = unmade
            super().__init__(**settings)
            build(self)
            return getattr(self, name)

    def error(self, message: str) -> NoReturn:
        raise BadInput(f"{message} (see '{self.prog} --help')")


class Commands:
    """Where a command group adds its subcommands, each taking the options every command takes (`--db`).

    A subcommand's arguments are added by the function given as `arguments`, when its parser is first used.
    """

    def __init__(self, subparsers: argparse._SubParsersAction[Parser], shared: Parser) -> None:
        self.subparsers = subparsers
        self.shared = shared

    def add(
        self,
        name: str,
        handler: Handler,
        help: str | None,
        *,
        arguments: Arguments | None = None,
        trailing_words: str | None = None,
        prints_document: bool = False,
    ) -> None:
        """A subcommand that runs `handler` on the database. `help=None` hides it from `--help` and from completion.

        `trailing_words` names the argument of free words that may also follow the options
        (`log learn --on friday sql`); `prints_document` prints the output byte for byte (a document or a
        script), not shown for a person to read with control characters as symbols.
        """
        self._add(
            name,
            help,
            arguments,
            handler=handler,
            needs_database=True,
            trailing_words=trailing_words,
            prints_document=prints_document,
        )

    def add_standalone(
        self,
        name: str,
        handler: StandaloneHandler,
        help: str,
        *,
        arguments: Arguments | None = None,
        prints_document: bool = False,
    ) -> None:
        """A subcommand that runs `handler` without opening the database (`completion`)."""
        self._add(
            name,
            help,
            arguments,
            handler=handler,
            needs_database=False,
            trailing_words=None,
            prints_document=prints_document,
        )

    def group(self, name: str, help: str, register: Callable[[Commands], None]) -> None:
        """A subcommand that only names its own subcommands (`contact add`, `backup list`), added by `register`."""

        def build(parser: Parser) -> None:
            subparsers = parser.add_subparsers(
                dest=f"{name}_command", metavar="WHAT", required=True, parser_class=Parser
            )
            register(Commands(subparsers, self.shared))

        self.subparsers.add_parser(name, parents=[self.shared], help=help, build=build)

    def _add(self, name: str, help: str | None, arguments: Arguments | None, **defaults: Any) -> None:
        """The subcommand `name`, whose parser is made when first used: `defaults` set, then `arguments` added."""

        def build(parser: Parser) -> None:
            parser.set_defaults(**defaults)
            if arguments is not None:
                arguments(parser)

        if help is None:  # argparse lists a subcommand only when it is given a help
            self.subparsers.add_parser(name, parents=[self.shared], build=build)
        else:
            self.subparsers.add_parser(name, parents=[self.shared], help=help, build=build)


def completes(action: argparse.Action, what: str) -> None:
    """Let shell completion offer `what` (FILE, APPLICATION_IDS) for this argument."""
    action.completion = what  # type: ignore[attr-defined]


def day(text: str | None, today: date, *, past_only: bool) -> date:
    """The day `text` names ('yesterday', 'friday', 2026-03-14), today when nothing was typed."""
    from tui.core.days import DateParseError, parse_day

    if text is None:
        return today
    try:
        named = parse_day(text, today)
    except DateParseError as problem:
        raise BadInput(str(problem)) from None
    if past_only and named > today:
        raise BadInput(f"{text!r} is in the future ({named}); use today or an earlier day")
    return named


def find_application(search: JobSearch, reference: str) -> Application:
    return only_match(
        search.find_application(reference),
        reference,
        "application",
        "a short id from 'nextyes status' or part of a company name",
        lambda application: application.company,
    )


def find_contact(search: JobSearch, reference: str) -> Contact:
    return only_match(
        search.find_contact(reference),
        reference,
        "contact",
        "a short id from 'nextyes contact list' or part of a name",
        lambda contact: contact.name,
    )


def only_match(matches: list[Found], reference: str, noun: str, accepted: str, name: Callable[[Found], str]) -> Found:
    """The one record a reference names, or one line saying there is none, or more than one."""
    if not matches:
        raise BadInput(f"no {noun} matches {reference!r}; use {accepted}")
    if len(matches) > 1:
        names = ", ".join(f"{record.short_id} {name(record)}" for record in matches[:5])
        raise BadInput(f"{reference!r} matches more than one {noun} ({names}); use its short id")
    return matches[0]


def whole(low: int, high: int) -> Callable[[str], int]:
    """An argparse type: a whole number from `low` to `high`, or a message saying so."""

    def read(text: str) -> int:
        if not re.fullmatch(r"\s*\d{1,6}\s*", text) or not low <= int(text) <= high:
            raise argparse.ArgumentTypeError(f"{text!r} is not a whole number from {low} to {high}")
        return int(text)

    return read


def clock_time(text: str) -> time:
    """An argparse type: 'HH:MM' on a 24-hour clock."""
    match = re.fullmatch(r"\s*(\d{1,2}):(\d{2})\s*", text)
    if match is None or int(match.group(1)) > 23 or int(match.group(2)) > 59:
        raise argparse.ArgumentTypeError(f"cannot read the time {text!r}; use HH:MM on a 24-hour clock, such as 14:30")
    return time(int(match.group(1)), int(match.group(2)))


def describe_validation(error: ValidationError) -> str:
    """The first thing the model refused, in one line: 'rollover_hour: input should be less than or equal to 12'."""
    first = error.errors()[0]
    field = ".".join(str(part) for part in first["loc"]) or "input"
    return f"{field}: {first['msg'].lower()}"
