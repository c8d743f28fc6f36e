"""Seeing, correcting and taking back what was recorded: `list`, `edit`, `delete`, `undo`, `redo` and `history`.

`list`, `edit` and `delete` take the kind of record first (`nextyes edit goal 3fa2 --close`), singular or plural,
and each kind has its own options. A record is named by its short id or a unique part of its name
(`tui.core.records.find`), a reflection or a rest day by its day too. Every change is one locked transaction
kept in the history inside the database file, so `undo` takes back the latest change made from anywhere.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from tui.cli.common import (
    ACTIVITY_KINDS,
    APPLICATION_IDS,
    BadInput,
    Commands,
    Parser,
    clock_time,
    completes,
    day,
    whole,
)
from tui.cli.network import TIERS
from tui.cli.records import APPLICATION_KINDS, INTERVIEW_KINDS, STAGES
from tui.core.days import DateParseError, describe_day, logical_day, parse_day
from tui.core.interviews import local_start
from tui.core.local_times import NoSuchTime, local_instant
from tui.core.models import (
    Activity,
    Application,
    Contact,
    Interview,
    LearningGoal,
    Record,
    Reflection,
    RestDay,
    Stage,
    Win,
)
from tui.core.records import KIND_OF_MODEL, KINDS, Kind, NotFound, deletion, find, kind_named, label, records_of
from tui.core.search import JobSearch
from tui.core.words import count
from tui.recording import MoveRefused, Recorder
from tui.store import UndoRefused
from tui.terminal import is_terminal

WIDTH = 80  # the columns a list fits in: the common terminal size
RECENT_DAYS = 30  # how far back the list of a kind that grows every day looks, unless --all
GAP = "  "
CLOSED_STAGES = frozenset({Stage.ACCEPTED, Stage.REJECTED, Stage.GHOSTED, Stage.WITHDRAWN})
STAGE_GROUPS = {"open": frozenset(Stage) - CLOSED_STAGES, "closed": CLOSED_STAGES}
NO_DAY = ("none", "-")  # typed for a day that may be left empty: no day
DAY_KINDS = (Reflection, RestDay)  # one record a day: the day names it too
FIELD_WORDS = {  # a corrected field as what is said names it
    "applied_on": "applied day",
    "next_step": "next step",
    "reapply_after": "reapply day",
    "how_we_know": "how you know them",
    "logical_day": "day",
    "at": "time",
    "closed_on": "open or closed",
}


def register(commands: Commands) -> None:
    """Add this group's commands, each registered beside its handler below."""
    _register_list(commands)
    _register_edit(commands)
    _register_delete(commands)
    commands.add("undo", _undo, help="take back the latest change, made here or in the app")
    commands.add("redo", _redo, help="make the change taken back last again")
    history = commands.add("history", _history, help="the recent changes, newest first: what undo takes back")
    history.add_argument("--limit", type=whole(1, 100), default=20, metavar="N", help="at most N changes (default 20)")


# Kinds and records, as typed -------------------------------------------------------------------------------------


class _ByAnyKindName(dict[str, Parser]):
    """The parsers of `list`, `edit` or `delete`, one a kind, found by any name of the kind: singular or plural,
    in any case ('goal', 'Goals', 'learning-goals'). Only the names they were added under are listed and completed."""

    def _key(self, name: object) -> object:
        if not isinstance(name, str) or dict.__contains__(self, name):
            return name
        try:
            kind = kind_named(name)
        except NotFound:
            return name
        return next((key for key in (kind.noun, kind.plural) if dict.__contains__(self, key)), name)

    def __contains__(self, name: object) -> bool:
        return dict.__contains__(self, self._key(name))

    def __getitem__(self, name: str) -> Parser:
        return dict.__getitem__(self, str(self._key(name)))


def _kind_group(commands: Commands, name: str, help: str) -> Commands:
    """`nextyes NAME KIND …`: one subcommand a kind, each found by any of the kind's names."""
    group = commands.group(name, help=help)
    parsers = _ByAnyKindName()
    group.subparsers._name_parser_map = parsers  # where argparse looks a subcommand up
    group.subparsers.choices = parsers  # what it checks a typed name against, and what completion offers
    return group


def _add_kind(
    group: Commands, name: str, kind: Kind, handler: Callable[[Recorder, argparse.Namespace], int], help: str
) -> Parser:
    parser = group.add(name, handler, help=help)
    parser.set_defaults(record_kind=kind.noun)
    return parser


REFERENCES = {
    "application": "part of the company name or role",
    "activity": "part of its note",
    "contact": "part of the name",
    "interview": "part of the company name",
    "win": "part of its text",
    "goal": "part of its text",
    "reflection": "its day",
    "rest-day": "its day",
}


def _reference_argument(parser: Parser, kind: Kind) -> None:
    reference = parser.add_argument(
        "reference", metavar="ID", help=f"a short id from 'nextyes list {kind.plural}', or {REFERENCES[kind.noun]}"
    )
    if kind.model is Application:
        completes(reference, APPLICATION_IDS)


def _find(search: JobSearch, kind: Kind, reference: str, today: date) -> Record:
    """The record `reference` names: a short id or a unique part of its name; a day's record by its day too."""
    try:
        return find(search, kind, reference)
    except NotFound as problem:
        if kind.model not in DAY_KINDS:
            raise BadInput(str(problem)) from None
        try:
            named: date | None = parse_day(reference, today)
        except DateParseError:
            named = None
        on_that_day = [record for record in records_of(search, kind) if getattr(record, "day", None) == named]
        if named is None or not on_that_day:
            raise BadInput(f"{problem}, or its day (2026-03-14, yesterday)") from None
        return on_that_day[0]


def _gone(record: Record, search: JobSearch, today: date) -> BadInput:
    """A record deleted by another window between reading it and changing it."""
    return BadInput(f"{label(record, search, today)} was deleted meanwhile (in the app or another shell)")


# list --------------------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Context:
    """What a list row is read against."""

    search: JobSearch
    today: date
    now: datetime  # in the settings' time zone
    zone: ZoneInfo


@dataclass(frozen=True)
class Column:
    title: str
    shrinks: bool = False  # gives up room when a row is too wide, its text clipped with …
    wraps: bool = False  # when it shrinks, its text goes on over the next lines instead of being clipped


@dataclass(frozen=True)
class Listing:
    """How `nextyes list` shows one kind: which records, in which order, in which columns."""

    help: str  # what the list holds by default
    all_help: str  # what --all adds
    columns: tuple[Column, ...]
    row: Callable[[Record, Context], tuple[str, ...]]
    order: Callable[[Record], Any]
    newest_first: bool
    window: str = ""  # the records shown unless --all, in words ('in the last 30 days'); '' for every one
    in_window: Callable[[Record, date], bool] = lambda record, today: True
    empty: str = ""  # said when there are none at all


def _register_list(commands: Commands) -> None:
    listing = _kind_group(commands, "list", help="see your records of one kind, closed and past ones too")
    for kind in KINDS:
        shown = LISTINGS[kind.noun]
        parser = _add_kind(listing, kind.plural, kind, _list, help=shown.help)
        parser.add_argument("--all", action="store_true", help=shown.all_help)
        parser.add_argument("--json", action="store_true", help="print them as a JSON array, every field of each")
        if kind.model is Application:
            parser.add_argument(
                "--stage",
                action="append",
                default=[],
                metavar="STAGE",
                help=f"only these stages, repeated or separated by commas: {', '.join(STAGES)}; or open, closed",
            )


def _list(recorder: Recorder, options: argparse.Namespace) -> int:
    kind = kind_named(options.record_kind)
    shown = LISTINGS[kind.noun]
    stages = _stages(getattr(options, "stage", []))
    search = recorder.store.load()
    zone = recorder.zone(search.settings)
    context = Context(search, recorder.today(search), recorder.now().astimezone(zone), zone)
    every = records_of(search, kind)
    chosen = sorted(
        (r for r in every if options.all or shown.in_window(r, context.today)),
        key=shown.order,
        reverse=shown.newest_first,
    )
    window = "" if options.all else shown.window
    if stages:
        chosen = [record for record in chosen if isinstance(record, Application) and record.stage in stages]
    if options.json:
        print(json.dumps([record.model_dump(mode="json") for record in chosen], ensure_ascii=False, indent=2))
        return 0
    noun = "learning goal" if kind.noun == "goal" else kind.noun.replace("-", " ")
    if not every:
        print(shown.empty)
        return 0
    if not chosen:
        if stages:
            print(f"None of the {count(len(every), 'application')} is at {_stage_names(stages)}.")
        else:
            print(f"No {count(0, noun).removeprefix('0 ')} {window}; --all shows every one.")
        return 0
    print("\n".join(table(shown.columns, [shown.row(record, context) for record in chosen])))
    if stages:
        print(f"{len(chosen)} of {count(len(every), noun)} at {_stage_names(stages)}.")
    elif kind.model is Application:
        closed = sum(1 for record in chosen if isinstance(record, Application) and record.stage in CLOSED_STAGES)
        print(f"{count(len(chosen), noun)}: {len(chosen) - closed} open, {closed} closed.")
    elif len(chosen) < len(every):
        print(f"{count(len(chosen), noun)} {window}, of {len(every)}: --all shows every one.")
    else:
        print(f"{count(len(chosen), noun)}.")
    print(f"Correct: 'nextyes edit {kind.noun} ID'. Delete: 'nextyes delete {kind.noun} ID'.")
    return 0


def _stages(typed: list[str]) -> frozenset[Stage]:
    """The stages `--stage` names, repeated or separated by commas; one line listing them all for one that is none."""
    chosen: set[Stage] = set()
    for word in (word.strip().lower() for text in typed for word in text.split(",")):
        if word in STAGE_GROUPS:
            chosen.update(STAGE_GROUPS[word])
        elif word in STAGES:
            chosen.add(Stage(word))
        elif word:
            raise BadInput(f"there is no stage {word!r}; use one of: {', '.join(STAGES)}; or open, closed")
    return frozenset(chosen)


def _stage_names(stages: frozenset[Stage]) -> str:
    """'rejected or ghosted', in the pipeline's order."""
    names = [stage.value for stage in Stage if stage in stages]
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} or {names[-1]}"


def table(columns: Sequence[Column], rows: Sequence[Sequence[str]], width: int = WIDTH) -> list[str]:
    """Rows under their column titles, fitting `width` columns: the widest shrinking column gives up room
    first, its text clipped with … (or, for a column that wraps, going on over the next lines)."""
    cells = [[" ".join(cell.split()) for cell in row] for row in rows]
    widths = [max([_width(column.title), *(_width(row[i]) for row in cells)]) for i, column in enumerate(columns)]
    over = sum(widths) + len(GAP) * (len(widths) - 1) - width
    while over > 0:
        shrinking = [i for i, column in enumerate(columns) if column.shrinks and widths[i] > max(len(column.title), 6)]
        if not shrinking:
            break
        widths[max(shrinking, key=lambda i: widths[i])] -= 1
        over -= 1
    lines = []
    for row in [[column.title for column in columns], *cells]:
        parts = [
            _wrapped(cell, widths[i]) if columns[i].wraps else [_fitted(cell, widths[i])] for i, cell in enumerate(row)
        ]
        for number in range(max(len(part) for part in parts)):
            shown = [part[number] if number < len(part) else " " * widths[i] for i, part in enumerate(parts)]
            lines.append(GAP.join(shown).rstrip())
    return lines


def _wrapped(text: str, width: int) -> list[str]:
    """`text` over as many lines of `width` columns as it takes, broken between words where it can."""
    lines: list[str] = []
    line = ""
    for word in text.split(" "):
        joined = f"{line} {word}" if line else word
        if _width(joined) <= width:
            line = joined
            continue
        if line:
            lines.append(line)
        while _width(word) > width:  # a word longer than the column: cut where the column ends
            cut = next(end for end in range(len(word), 0, -1) if _width(word[:end]) <= width)
            lines.append(word[:cut])
            word = word[cut:]
        line = word
    lines.append(line)
    return [_fitted(line, width) for line in lines]


def _fitted(text: str, width: int) -> str:
    """`text` in exactly `width` columns: clipped with … when longer, padded when shorter."""
    if _width(text) > width:
        kept, used = [], 0
        for character in text:
            used += _width(character)
            if used > width - 1:
                break
            kept.append(character)
        text = "".join(kept).rstrip() + "…"
    return text + " " * (width - _width(text))


def _width(text: str) -> int:
    """The columns `text` takes on a terminal: a wide character (CJK, most emoji) two, a combining mark none."""
    return sum(
        0 if unicodedata.combining(c) else 2 if unicodedata.east_asian_width(c) in ("W", "F") else 1 for c in text
    )


def _recent(day: date, today: date) -> bool:
    """Within the last RECENT_DAYS days, or ahead."""
    return day > today - timedelta(days=RECENT_DAYS)


def _application_row(record: Record, context: Context) -> tuple[str, ...]:
    assert isinstance(record, Application)
    applied = describe_day(record.applied_on, context.today) if record.applied_on else "not sent"
    return record.short_id, record.company, record.role, record.stage.value, applied


def _activity_row(record: Record, context: Context) -> tuple[str, ...]:
    assert isinstance(record, Activity)
    note = record.note
    application = context.search.application(record.application_id)
    contact = context.search.contact(record.contact_id)
    for name, word in ((application.company if application else "", "for"), (contact.name if contact else "", "with")):
        if name and name.casefold() not in note.casefold():
            note = f"{note} ({word} {name})" if note else f"{word} {name}"
    return record.short_id, describe_day(record.logical_day, context.today), record.kind.value, note


def _contact_row(record: Record, context: Context) -> tuple[str, ...]:
    assert isinstance(record, Contact)
    last = context.search.last_contacted(record)
    name = f"{record.name} ♥" if record.support else record.name
    in_touch = describe_day(last, context.today) if last else "not yet"
    return record.short_id, name, record.company, record.tier.value, in_touch


def _interview_row(record: Record, context: Context) -> tuple[str, ...]:
    assert isinstance(record, Interview)
    start = local_start(record)
    application = context.search.application(record.application_id)
    if record.cancelled:
        state = "cancelled"
    elif record.at > context.now:
        state = "ahead"
    else:
        state = "debriefed" if record.debriefed else "held"
    when = f"{describe_day(start.date(), context.today)} {start:%H:%M}"
    company = application.company if application else ""
    return record.short_id, when, company, str(record.round), record.kind.value, state


def _win_row(record: Record, context: Context) -> tuple[str, ...]:
    assert isinstance(record, Win)
    return record.short_id, describe_day(record.day, context.today), record.text


def _goal_row(record: Record, context: Context) -> tuple[str, ...]:
    assert isinstance(record, LearningGoal)
    added = logical_day(record.created_at, context.zone, context.search.settings.rollover_hour)
    state = f"closed {describe_day(record.closed_on, context.today)}" if record.closed_on else "open"
    return record.short_id, describe_day(added, context.today), record.text, state


def _reflection_row(record: Record, context: Context) -> tuple[str, ...]:
    assert isinstance(record, Reflection)
    return record.short_id, describe_day(record.day, context.today), record.text


def _rest_day_row(record: Record, context: Context) -> tuple[str, ...]:
    assert isinstance(record, RestDay)
    return record.short_id, describe_day(record.day, context.today), record.note


def _on_day(record: Record) -> date:
    """The day a record is of (an activity's logical day, a win's day…), for the lists that look back."""
    for name in ("logical_day", "day"):
        value = getattr(record, name, None)
        if isinstance(value, date):
            return value
    return record.created_at.date()


def _recently(record: Record, today: date) -> bool:
    return _recent(_on_day(record), today)


LAST_DAYS = f"in the last {RECENT_DAYS} days"
AHEAD_OR_LAST_DAYS = f"ahead or in the last {RECENT_DAYS} days"
LISTINGS: dict[str, Listing] = {
    "application": Listing(
        "every application, closed ones too (rejected, ghosted, withdrawn, accepted)",
        "changes nothing: every application is always listed (--stage filters them)",
        (Column("ID"), Column("COMPANY", True), Column("ROLE", True), Column("STAGE"), Column("APPLIED")),
        _application_row,
        lambda r: (r.applied_on or r.created_at.date(), r.created_at) if isinstance(r, Application) else (),
        newest_first=True,
        empty="No applications yet: add one with 'nextyes add COMPANY ROLE'.",
    ),
    "activity": Listing(
        f"what you logged in the last {RECENT_DAYS} days, newest first (--all: every day)",
        f"every activity, not only the last {RECENT_DAYS} days'",
        (Column("ID"), Column("DAY"), Column("KIND"), Column("NOTE", True)),
        _activity_row,
        lambda r: (r.logical_day, r.at) if isinstance(r, Activity) else (),
        newest_first=True,
        window=LAST_DAYS,
        in_window=_recently,
        empty="Nothing logged yet: 'nextyes log network coffee with Dana' is the quickest start.",
    ),
    "contact": Listing(
        "everyone in your network (♥: a friend or mentor to call on a rough day)",
        "changes nothing: every contact is always listed",
        (Column("ID"), Column("NAME", True), Column("COMPANY", True), Column("TIER"), Column("LAST IN TOUCH")),
        _contact_row,
        lambda r: r.name.casefold() if isinstance(r, Contact) else "",
        newest_first=False,
        empty="No contacts yet: add one with 'nextyes contact add NAME --company C'.",
    ),
    "interview": Listing(
        f"interviews ahead and of the last {RECENT_DAYS} days, cancelled ones too (--all: every one)",
        f"every interview, not only those ahead or of the last {RECENT_DAYS} days",
        (Column("ID"), Column("WHEN"), Column("COMPANY", True), Column("ROUND"), Column("KIND"), Column("STATUS")),
        _interview_row,
        lambda r: r.at if isinstance(r, Interview) else (),
        newest_first=False,
        window=AHEAD_OR_LAST_DAYS,
        in_window=_recently,
        empty="No interviews yet: record one with 'nextyes interview APP --on DATE'.",
    ),
    "win": Listing(
        "every win, newest first",
        "changes nothing: every win is always listed",
        (Column("ID"), Column("DAY"), Column("WIN", True)),
        _win_row,
        lambda r: (r.day, r.created_at) if isinstance(r, Win) else (),
        newest_first=True,
        empty="No wins yet: add one with 'nextyes win \"Cut report time from 2 hours to 10 minutes\"'.",
    ),
    "goal": Listing(
        "the learning goals still open (--all: the closed ones too)",
        "closed learning goals too",
        (Column("ID"), Column("ADDED"), Column("GOAL", True), Column("STATUS")),
        _goal_row,
        lambda r: r.created_at,
        newest_first=True,
        window="still open",
        in_window=lambda r, today: isinstance(r, LearningGoal) and r.closed_on is None,
        empty="No learning goals yet: add one with 'nextyes goal \"SQL window functions\"'.",
    ),
    "reflection": Listing(
        f"your reflections of the last {RECENT_DAYS} days, newest first (--all: every one)",
        f"every reflection, not only the last {RECENT_DAYS} days'",
        (Column("ID"), Column("DAY"), Column("REFLECTION", True)),
        _reflection_row,
        _on_day,
        newest_first=True,
        window=LAST_DAYS,
        in_window=_recently,
        empty="No reflections yet: the app asks one question a day (run 'nextyes').",
    ),
    "rest-day": Listing(
        f"rest days planned ahead or taken in the last {RECENT_DAYS} days (--all: every one)",
        f"every rest day, not only those ahead or of the last {RECENT_DAYS} days",
        (Column("ID"), Column("DAY"), Column("NOTE", True)),
        _rest_day_row,
        _on_day,
        newest_first=False,
        window=AHEAD_OR_LAST_DAYS,
        in_window=_recently,
        empty="No rest days yet: 'nextyes rest --on tomorrow' plans one.",
    ),
}


# edit --------------------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Correction:
    """One `nextyes edit`: the record named, as it was read, and what was typed."""

    recorder: Recorder
    search: JobSearch
    today: date
    record: Record
    options: argparse.Namespace

    def typed(self, *fields: str) -> dict[str, object]:
        """The fields given a value on the command line; text without the spaces around it."""
        changes: dict[str, object] = {}
        for field in fields:
            value = getattr(self.options, field)
            if value is not None:
                changes[field] = value.strip() if isinstance(value, str) else value
        return changes

    def day(self, field: str, *, past_only: bool) -> dict[str, object]:
        """`field` as a day typed ('yesterday', 2026-03-14), when it was given."""
        typed = getattr(self.options, field)
        return {} if typed is None else {field: day(typed, self.today, past_only=past_only)}

    def edit(self, **changes: object) -> Record:
        """The record corrected (unchanged when `changes` are empty or change nothing)."""
        if not changes:
            return self.record
        try:
            return self.recorder.edit(type(self.record), self.record.id, **changes)
        except KeyError:
            raise _gone(self.record, self.search, self.today) from None

    def corrected(self, edited: Record, changes: dict[str, object]) -> list[str]:
        """The fields `edited` holds differently, in words."""
        return [
            FIELD_WORDS.get(field, field.replace("_", " "))
            for field in changes
            if getattr(self.record, field) != getattr(edited, field)
        ]

    def said(self, edited: Record, changes: dict[str, object], *after: str) -> str:
        """'Corrected Acme (Data Engineer): company, notes.', with what else was done after a semicolon."""
        name = _name(edited, self.search, self.today)
        fields = self.corrected(edited, changes)
        if not fields and not after:
            return f"Nothing to correct: {name} already says that."
        if not fields:
            first, *rest = after
            return f"{first[0].upper()}{first[1:]}{''.join(f'; {part}' for part in rest)}."
        return f"Corrected {name}: {', '.join(fields)}{''.join(f'; {part}' for part in after)}."


def _name(record: Record, search: JobSearch, today: date) -> str:
    """A record as a correction names it: its label, an activity without the colon its label has."""
    if isinstance(record, Activity):
        note = " ".join(record.note.split())
        clipped = note if len(note) <= 40 else note[:39].rstrip() + "…"
        what = f"the {record.kind.value} activity of {describe_day(record.logical_day, today)}"
        return f"{what} ({clipped})" if clipped else what
    return label(record, search, today)


def _register_edit(commands: Commands) -> None:
    edit = _kind_group(commands, "edit", help="correct any field of a record, or move an application")
    for kind in KINDS:
        parser = _add_kind(edit, kind.noun, kind, _edit, help=EDITS[kind.noun][0])
        _reference_argument(parser, kind)
        before = len(parser._actions)
        EDITS[kind.noun][1](parser)
        added = parser._actions[before:]
        parser.set_defaults(
            corrections=tuple(action.dest for action in added), correction_options=_options_named(added)
        )


def _options_named(actions: list[argparse.Action]) -> str:
    """'--company, --role, --support/--no-support': each option once, by its first name (both for a yes/no one)."""
    names = []
    for action in actions:
        pair = isinstance(action, argparse.BooleanOptionalAction)
        names.append("/".join(action.option_strings[:2]) if pair else action.option_strings[0])
    return ", ".join(names)


def _edit(recorder: Recorder, options: argparse.Namespace) -> int:
    kind = kind_named(options.record_kind)
    if all(getattr(options, field) is None for field in options.corrections):
        article = "an" if kind.noun[0] in "aeiou" else "a"
        raise BadInput(
            f"say what to correct: {article} {kind.noun.replace('-', ' ')} takes {options.correction_options}"
        )
    search = recorder.store.load()
    today = recorder.today(search)
    record = _find(search, kind, options.reference, today)
    print(EDITS[kind.noun][2](Correction(recorder, search, today, record, options)))
    return 0


def _application_options(parser: Parser) -> None:
    parser.add_argument("--company", metavar="TEXT", help="the company's name")
    parser.add_argument("--role", metavar="TEXT", help="the role's title")
    parser.add_argument("--source", metavar="TEXT", help="where you found it (LinkedIn, referral…)")
    parser.add_argument("--url", metavar="URL", help="the posting's address")
    parser.add_argument(
        "--kind", choices=APPLICATION_KINDS, metavar="KIND", help=f"one of {', '.join(APPLICATION_KINDS)}"
    )
    parser.add_argument(
        "--applied", dest="applied_on", metavar="DATE", help="the day you sent it; its apply activity moves with it"
    )
    parser.add_argument("--notes", "--note", dest="notes", metavar="TEXT", help="replaces the notes")
    parser.add_argument("--location", metavar="TEXT", help="where the job is")
    parser.add_argument("--next-step", dest="next_step", metavar="TEXT", help="what you expect next, in a few words")
    parser.add_argument(
        "--reapply-after",
        dest="reapply_after",
        metavar="DATE",
        help="the day it is worth another try ('none' clears it)",
    )
    parser.add_argument(
        "--stage",
        choices=STAGES,
        metavar="STAGE",
        help="move it, kept in its history: reopen a ghosted or rejected one with applied, screening or "
        f"interviewing ({', '.join(STAGES)})",
    )
    parser.add_argument("--on", metavar="DATE", help="with --stage: the day it happened (default today)")


def _correct_application(correction: Correction) -> str:
    application = correction.record
    assert isinstance(application, Application)
    options = correction.options
    changes = correction.typed("company", "role", "source", "url", "kind", "notes", "location", "next_step")
    if options.applied_on is not None and application.applied_on is None:
        raise BadInput(
            f"{application.company} is saved, not sent, so it has no applied day yet; "
            f"'--stage applied --on DATE' sends it"
        )
    changes |= correction.day("applied_on", past_only=True)
    if options.reapply_after is not None:
        typed = options.reapply_after.strip().lower()
        changes["reapply_after"] = None if typed in NO_DAY else day(typed, correction.today, past_only=False)
    if options.on is not None and options.stage is None:
        raise BadInput("--on goes with --stage: the day the move happened")
    stage = Stage(options.stage) if options.stage is not None else None
    if stage is application.stage and stage is not Stage.INTERVIEWING:
        raise BadInput(f"{application.company} is already at {stage.value}; choose another stage")
    moved_on = day(options.on, correction.today, past_only=True)
    edited = correction.edit(**changes)
    if stage is None:
        return correction.said(edited, changes)
    try:
        moved = correction.recorder.move_stage(application.id, stage, on=moved_on)
    except MoveRefused as refused:
        raise BadInput(str(refused)) from None
    except KeyError:
        raise _gone(application, correction.search, correction.today) from None
    when = describe_day(moved_on, correction.today)
    name = _name(moved, correction.search, correction.today)
    reopened = application.stage in CLOSED_STAGES and stage not in CLOSED_STAGES
    if correction.corrected(edited, changes):
        move = f"reopened it: now {stage.value}, from {when}" if reopened else f"moved it to {stage.value} on {when}"
    else:
        move = (
            f"reopened {name}: now {stage.value}, from {when}"
            if reopened
            else f"moved {name} to {stage.value} on {when}"
        )
    return correction.said(edited, changes, move)


def _activity_options(parser: Parser) -> None:
    parser.add_argument("--kind", choices=ACTIVITY_KINDS, metavar="KIND", help=f"one of {', '.join(ACTIVITY_KINDS)}")
    parser.add_argument("--note", "--notes", dest="note", metavar="TEXT", help="what you did")
    parser.add_argument("--on", dest="logical_day", metavar="DATE", help="the day it counts for")


def _correct_activity(correction: Correction) -> str:
    changes = correction.typed("kind", "note") | correction.day("logical_day", past_only=True)
    return correction.said(correction.edit(**changes), changes)


def _contact_options(parser: Parser) -> None:
    parser.add_argument("--name", metavar="TEXT", help="their name")
    parser.add_argument("--company", metavar="TEXT", help="where they work")
    parser.add_argument("--tier", type=str.upper, choices=TIERS, metavar="TIER", help="A, B or C: how close")
    parser.add_argument("--how-we-know", "--how", dest="how_we_know", metavar="TEXT", help="how you know them")
    parser.add_argument("--notes", "--note", dest="notes", metavar="TEXT", help="replaces the notes")
    parser.add_argument(
        "--support",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="a friend or mentor to call on a rough day (--no-support: not)",
    )


def _correct_contact(correction: Correction) -> str:
    changes = correction.typed("name", "company", "tier", "how_we_know", "notes", "support")
    return correction.said(correction.edit(**changes), changes)


def _interview_options(parser: Parser) -> None:
    parser.add_argument(
        "--at",
        metavar="WHEN",
        help="its new start: '2026-03-20 14:00', 'friday 14:00', a day alone (same hour) or a time alone (same day)",
    )
    parser.add_argument("--on", metavar="DATE", help="its new day, keeping the hour")
    parser.add_argument("--time", type=clock_time, metavar="HH:MM", help="its new hour, keeping the day")
    parser.add_argument("--round", type=whole(1, 20), metavar="N", help="which round")
    parser.add_argument("--kind", choices=INTERVIEW_KINDS, metavar="KIND", help=f"one of {', '.join(INTERVIEW_KINDS)}")
    parser.add_argument("--people", "--with", dest="people", metavar="NAMES", help="who you meet: 'Dana Ruiz, Sam Lee'")
    parser.add_argument("--notes", "--note", dest="notes", metavar="TEXT", help="replaces the notes")
    parser.add_argument(
        "--cancel", dest="cancelled", action="store_const", const=True, help="it is called off: kept, nothing suggested"
    )
    parser.add_argument("--uncancel", dest="cancelled", action="store_const", const=False, help="it is on again")


def _correct_interview(correction: Correction) -> str:
    interview = correction.record
    assert isinstance(interview, Interview)
    options = correction.options
    changes = correction.typed("round", "kind", "notes")
    if options.people is not None:
        changes["people"] = [name.strip() for name in options.people.split(",") if name.strip()]
    start = _new_start(correction, interview)
    if start is not None:
        changes["at"] = start
    edited = correction.edit(**changes)
    cancelled = options.cancelled
    if cancelled is None or cancelled is interview.cancelled:
        after = [] if cancelled is None else [f"it is {'already cancelled' if cancelled else 'on already'}"]
        return correction.said(edited, changes, *after)
    try:
        changed = correction.recorder.cancel_interview(interview.id, cancelled=cancelled)
    except KeyError:
        raise _gone(interview, correction.search, correction.today) from None
    name = _name(changed, correction.search, correction.today)
    if correction.corrected(edited, changes):
        return correction.said(edited, changes, "cancelled it" if cancelled else "it is on again")
    if cancelled:
        return f"Cancelled {name}: it stays listed, and nothing more is suggested for it."
    return f"{name[0].upper()}{name[1:]} is on again."


def _new_start(correction: Correction, interview: Interview) -> datetime | None:
    """The start `--at`, `--on` and `--time` give, on the interview's own clock; None when none was given."""
    options = correction.options
    if options.at is None and options.on is None and options.time is None:
        return None
    day_text, at_time = _read_start(options.at) if options.at is not None else (None, None)
    if day_text is not None and options.on is not None:
        raise BadInput("give the day once: in --at or in --on")
    if at_time is not None and options.time is not None:
        raise BadInput("give the time once: in --at or in --time")
    start = local_start(interview)
    zone = start.tzinfo if isinstance(start.tzinfo, ZoneInfo) else correction.recorder.zone(correction.search.settings)
    typed_day = day_text or options.on
    held_on = day(typed_day, correction.today, past_only=False) if typed_day else start.date()
    clock = at_time or options.time or start.time().replace(tzinfo=None)
    try:
        return local_instant(held_on, clock, zone)
    except NoSuchTime as refused:
        raise BadInput(str(refused)) from None


def _read_start(text: str) -> tuple[str | None, time | None]:
    """'2026-03-20 14:00', '2026-03-20T14:00', 'friday 14:00', 'friday', '14:00': the day's words and the time."""
    match = re.fullmatch(r"\s*(.*?)[\sT]*(\d{1,2}:\d{2})\s*", text)
    if match is None:
        return (text.strip() or None), None
    try:
        at = clock_time(match.group(2))
    except argparse.ArgumentTypeError as problem:
        raise BadInput(str(problem)) from None
    return (match.group(1).strip() or None), at


def _win_options(parser: Parser) -> None:
    parser.add_argument("--text", metavar="TEXT", help="what you did")
    parser.add_argument("--on", dest="day", metavar="DATE", help="the day")


def _correct_win(correction: Correction) -> str:
    changes = correction.typed("text") | correction.day("day", past_only=True)
    return correction.said(correction.edit(**changes), changes)


def _goal_options(parser: Parser) -> None:
    parser.add_argument("--text", metavar="TEXT", help="the skill, in a few words")
    parser.add_argument(
        "--close", dest="closed", action="store_const", const=True, help="done with it: it leaves today's actions"
    )
    parser.add_argument("--reopen", dest="closed", action="store_const", const=False, help="back in today's actions")


def _correct_goal(correction: Correction) -> str:
    goal = correction.record
    assert isinstance(goal, LearningGoal)
    changes = correction.typed("text")
    closing = correction.options.closed
    if closing is not None and closing is not (goal.closed_on is not None):
        changes["closed_on"] = correction.today if closing else None
    edited = correction.edit(**changes)
    name = _name(edited, correction.search, correction.today)
    if "closed_on" not in changes:
        after = [] if closing is None else [f"it is {'closed' if closing else 'open'} already"]
        return correction.said(edited, changes, *after)
    text_changed = "text" in correction.corrected(edited, changes)
    if not text_changed:
        return f"Closed {name}: well done." if closing else f"Reopened {name}: it is back in today's actions."
    return f"Corrected {name}: text; {'closed it' if closing else 'reopened it'}."


def _reflection_options(parser: Parser) -> None:
    parser.add_argument("--text", metavar="TEXT", help="what you wrote, in full: it replaces the text")


def _correct_reflection(correction: Correction) -> str:
    changes = correction.typed("text")
    return correction.said(correction.edit(**changes), changes)


def _rest_day_options(parser: Parser) -> None:
    parser.add_argument("--note", "--notes", dest="note", metavar="TEXT", help="why, if you like")


def _correct_rest_day(correction: Correction) -> str:
    changes = correction.typed("note")
    return correction.said(correction.edit(**changes), changes)


EDITS: dict[str, tuple[str, Callable[[Parser], None], Callable[[Correction], str]]] = {
    "application": (
        "company, role, source, URL, kind, applied day, notes…; or move its stage, with a day",
        _application_options,
        _correct_application,
    ),
    "activity": ("its kind, note or day", _activity_options, _correct_activity),
    "contact": ("name, company, tier, how you know them, notes, support", _contact_options, _correct_contact),
    "interview": ("when, round, kind, people, notes; or cancel it", _interview_options, _correct_interview),
    "win": ("its text or day", _win_options, _correct_win),
    "goal": ("its text; or close or reopen it", _goal_options, _correct_goal),
    "reflection": ("its text", _reflection_options, _correct_reflection),
    "rest-day": ("its note", _rest_day_options, _correct_rest_day),
}


# delete ------------------------------------------------------------------------------------------------------------


DELETES = {
    "application": "an application, and its interviews with it",
    "activity": "something logged: its points leave that day",
    "contact": "someone in your network",
    "interview": "an interview (to call one off and keep it: 'nextyes edit interview ID --cancel')",
    "win": "a win",
    "goal": "a learning goal (to keep it as done: 'nextyes edit goal ID --close')",
    "reflection": "a day's reflection",
    "rest-day": "a rest day: the day is an ordinary one again",
}


def _register_delete(commands: Commands) -> None:
    delete = _kind_group(commands, "delete", help="delete a record: asks first, and 'nextyes undo' brings it back")
    for kind in KINDS:
        parser = _add_kind(delete, kind.noun, kind, _delete, help=DELETES[kind.noun])
        _reference_argument(parser, kind)
        parser.add_argument("--yes", action="store_true", help="delete without asking (for scripts)")


def _delete(recorder: Recorder, options: argparse.Namespace) -> int:
    kind = kind_named(options.record_kind)
    search = recorder.store.load()
    today = recorder.today(search)
    record = _find(search, kind, options.reference, today)
    name = label(record, search, today)
    if not options.yes:
        if not is_terminal(sys.stdin):
            raise BadInput(f"a delete asks first, and there is no terminal to ask on; add --yes to delete {name}")
        if not _confirmed(deletion(record, search, today).question):
            print("Kept: nothing was deleted.")
            return 0
    try:
        gone = recorder.delete(kind.model, record.id)
    except KeyError:
        raise _gone(record, search, today) from None
    along = gone[1:]
    with_it = ""
    if along:
        noun = KIND_OF_MODEL[type(along[0])].noun if all(type(r) is type(along[0]) for r in along) else "record"
        with_it = f" and its {count(len(along), noun)}"
    print(f"Deleted {name}{with_it} — 'nextyes undo' brings it back.")
    return 0


def _confirmed(question: str) -> bool:
    """Ask `question` on the terminal; only y (or yes) says go ahead."""
    print(f"{question} [y/N] ", end="", flush=True)
    answer = sys.stdin.readline()
    if not answer.endswith("\n"):
        print()  # ctrl+d: the next line starts on a line of its own
    return answer.strip().lower() in ("y", "yes")


# undo, redo and history ---------------------------------------------------------------------------------------------


def _undo(recorder: Recorder, options: argparse.Namespace) -> int:
    del options
    try:
        summary = recorder.undo()
    except UndoRefused as refused:
        raise BadInput(str(refused)) from None
    print(f"Undid: {summary.rstrip('.')}.")
    return 0


def _redo(recorder: Recorder, options: argparse.Namespace) -> int:
    del options
    try:
        summary = recorder.redo()
    except UndoRefused as refused:
        raise BadInput(str(refused)) from None
    print(f"Redid: {summary.rstrip('.')}.")
    return 0


def _history(recorder: Recorder, options: argparse.Namespace) -> int:
    entries = recorder.history()
    if not entries:
        print("No changes kept yet: each change from now on is listed here, and 'nextyes undo' takes back the latest.")
        return 0
    search = recorder.store.load()
    zone = recorder.zone(search.settings)
    today = recorder.now().astimezone(zone).date()  # the calendar's: a change at 01:30 was made today
    rows = []
    for entry in entries[: options.limit]:
        if entry.at.tzinfo is None:
            when = "unknown time"
        else:
            local = entry.at.astimezone(zone)
            shown_day = "today" if local.date() == today else describe_day(local.date(), today)
            when = f"{shown_day} {local:%H:%M}"
        what = entry.summary if entry.undoable else f"{entry.summary} (too large to undo: a backup can)"
        rows.append((when, entry.source or "—", f"undone: {what}" if entry.undone else what))
    print("\n".join(table((Column("WHEN"), Column("FROM"), Column("CHANGE", shrinks=True, wraps=True)), rows)))
    if len(entries) > len(rows):
        print(f"The newest {len(rows)} of {count(len(entries), 'change')} kept; --limit shows more.")
    print("'nextyes undo' takes back the newest change not undone.")
    if any(entry.undone for entry in entries):
        print("'nextyes redo' makes the last change undone again.")
    return 0
