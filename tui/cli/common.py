"""What every command group shares: how a command is registered, and how typed words become records and days.

A mistake in what was typed is a `BadInput`: one line on standard error and exit 2, never a usage dump.
"""

from __future__ import annotations

import argparse
import re
from collections.abc import Callable
from datetime import date, time
from typing import NoReturn, TypeVar

from pydantic import ValidationError

from tui.core.days import DateParseError, parse_day
from tui.core.models import ActivityKind, Application, Contact
from tui.core.search import JobSearch
from tui.recording import Recorder

EXIT_BAD_INPUT = 2
EXIT_DATABASE = 3

ACTIVITY_KINDS = [kind.value for kind in ActivityKind]

# What shell completion offers for an argument (see `completes`); `nextyes completion` says how each shell does it.
FILE = "file"
APPLICATION_IDS = "application ids"

Handler = Callable[[Recorder, argparse.Namespace], int]
Found = TypeVar("Found", Application, Contact)


class BadInput(Exception):
    """Something typed on the command line that we cannot use; the message says what is accepted."""


class Parser(argparse.ArgumentParser):
    """argparse, but a usage mistake is one line and exit 2, not a usage dump."""

    def error(self, message: str) -> NoReturn:
        raise BadInput(f"{message} (see '{self.prog} --help')")


class Commands:
    """Where a command group adds its subcommands, each taking the options every command takes (`--db`)."""

    def __init__(self, subparsers: argparse._SubParsersAction[Parser], shared: Parser) -> None:
        self.subparsers = subparsers
        self.shared = shared

    def add(
        self,
        name: str,
        handler: Handler,
        help: str | None,
        *,
        trailing_words: str | None = None,
        prints_document: bool = False,
    ) -> Parser:
        """A subcommand that runs `handler`. `help=None` hides it from `--help` and from completion.

        `trailing_words` names the argument of free words that may also follow the options
        (`log learn --on friday sql`); `prints_document` prints the output byte for byte (a document or a
        script), not shown for a person to read with control characters as symbols.
        """
        if help is None:  # argparse lists a subcommand only when it is given a help
            parser = self.subparsers.add_parser(name, parents=[self.shared])
        else:
            parser = self.subparsers.add_parser(name, parents=[self.shared], help=help)
        parser.set_defaults(handler=handler, trailing_words=trailing_words, prints_document=prints_document)
        return parser

    def group(self, name: str, help: str) -> Commands:
        """A subcommand that only names its own subcommands (`contact add`, `backup list`)."""
        parser = self.subparsers.add_parser(name, parents=[self.shared], help=help)
        subparsers = parser.add_subparsers(dest=f"{name}_command", metavar="WHAT", required=True, parser_class=Parser)
        return Commands(subparsers, self.shared)


def completes(action: argparse.Action, what: str) -> None:
    """Let shell completion offer `what` (FILE, APPLICATION_IDS) for this argument."""
    action.completion = what  # type: ignore[attr-defined]


def day(text: str | None, today: date, *, past_only: bool) -> date:
    """The day `text` names ('yesterday', 'friday', 2026-03-14), today when nothing was typed."""
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
