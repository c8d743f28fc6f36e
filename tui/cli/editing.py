"""Seeing, correcting and taking back what was recorded: `list`, `edit`, `delete`, `undo`, `redo` and `history`.

`list`, `edit` and `delete` take the kind of record first (`nextyes edit goal 3fa2 --close`), singular or plural,
and each kind has its own options. A record is named by its short id or a unique part of its name
(`tui.core.records.find`), a reflection or a rest day by its day too. Every change is one locked transaction
kept in the history inside the database file, so `undo` takes back the latest change made from anywhere.

Here is what each command takes and says in its help; how a list is shown is in `tui.cli.listing`, how a
record is corrected or deleted in `tui.cli.corrections`, each imported when its command runs.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import TYPE_CHECKING

from tui.cli.common import (
    ACTIVITY_KINDS,
    APPLICATION_IDS,
    FILE,
    RECENT_DAYS,
    BadInput,
    Commands,
    Parser,
    clock_time,
    completes,
    whole,
)
from tui.cli.network import TIERS
from tui.cli.records import APPLICATION_KINDS, INTERVIEW_KINDS, STAGES
from tui.core.words import count

if TYPE_CHECKING:
    from tui.cli.common import Handler
    from tui.recording import Recorder

# Each kind of record as typed, singular and plural, in the order of `tui.core.records.KINDS` (a test holds them
# equal): spelt out here so that registering and helping these commands needs no models.
KIND_NAMES = {
    "application": "applications",
    "activity": "activities",
    "contact": "contacts",
    "interview": "interviews",
    "win": "wins",
    "goal": "goals",
    "reflection": "reflections",
    "rest-day": "rest-days",
}
_NAMES_OF_KIND = {name: (noun, plural) for noun, plural in KIND_NAMES.items() for name in (noun, plural)}


def register(commands: Commands) -> None:
    """Add this group's commands; the arguments and the handler of each are below."""
    _kind_group(commands, "list", "see your records of one kind, closed and past ones too", _register_list)
    _kind_group(commands, "edit", "correct any field of a record, or move an application", _register_edit)
    _kind_group(commands, "delete", "delete a record: asks first, and 'nextyes undo' brings it back", _register_delete)
    commands.add("undo", _undo, help="take back the latest change, made here or in the app")
    commands.add("redo", _redo, help="make the change taken back last again")
    commands.add(
        "history",
        _history,
        help="the recent changes, newest first: what undo takes back",
        arguments=_history_arguments,
    )


# Kinds and records, as typed -------------------------------------------------------------------------------------


class _ByAnyKindName(dict[str, Parser]):
    """The parsers of `list`, `edit` or `delete`, one a kind, found by any name of the kind: singular or plural,
    in any case ('goal', 'Goals', 'learning-goals'). Only the names they were added under are listed and completed."""

    def _key(self, name: object) -> object:
        if not isinstance(name, str) or dict.__contains__(self, name):
            return name
        names = _NAMES_OF_KIND.get(name)  # 'goal' where the parsers are named 'goals', or the other way round
        if names is None:  # another spelling ('Goals', 'learning-goals'): the records know them all
            from tui.core.records import NotFound, kind_named

            try:
                kind = kind_named(name)
            except NotFound:
                return name
            names = (kind.noun, kind.plural)
        return next((key for key in names if dict.__contains__(self, key)), name)

    def __contains__(self, name: object) -> bool:
        return dict.__contains__(self, self._key(name))

    def __getitem__(self, name: str) -> Parser:
        return dict.__getitem__(self, str(self._key(name)))


def _kind_group(commands: Commands, name: str, help: str, register: Callable[[Commands], None]) -> None:
    """`nextyes NAME KIND …`: one subcommand a kind, added by `register`, each found by any of the kind's names."""

    def by_any_kind_name(group: Commands) -> None:
        parsers = _ByAnyKindName()
        group.subparsers._name_parser_map = parsers  # where argparse looks a subcommand up
        group.subparsers.choices = parsers  # what it checks a typed name against, and what completion offers
        register(group)

    commands.group(name, help, by_any_kind_name)


def _add_kind(
    group: Commands, name: str, noun: str, handler: Handler, help: str, arguments: Callable[[Parser, str], None]
) -> None:
    """The subcommand of one kind (`list goals`, `edit goal`): its parser knows the kind, `arguments` add the rest."""

    def build(parser: Parser) -> None:
        parser.set_defaults(record_kind=noun)
        arguments(parser, noun)

    group.add(name, handler, help=help, arguments=build)


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


def _reference_argument(parser: Parser, noun: str) -> None:
    reference = parser.add_argument(
        "reference", metavar="ID", help=f"a short id from 'nextyes list {KIND_NAMES[noun]}', or {REFERENCES[noun]}"
    )
    if noun == "application":
        completes(reference, APPLICATION_IDS)


# list --------------------------------------------------------------------------------------------------------------


LIST_HELP = {  # noun: (what `list` shows by default, what --all adds)
    "application": (
        "every application, closed ones too (rejected, ghosted, withdrawn, accepted)",
        "changes nothing: every application is always listed (--stage filters them)",
    ),
    "activity": (
        f"what you logged in the last {RECENT_DAYS} days, newest first (--all: every day)",
        f"every activity, not only the last {RECENT_DAYS} days'",
    ),
    "contact": (
        "everyone in your network (♥: a friend or mentor to call on a rough day)",
        "changes nothing: every contact is always listed",
    ),
    "interview": (
        f"interviews ahead and of the last {RECENT_DAYS} days, cancelled ones too (--all: every one)",
        f"every interview, not only those ahead or of the last {RECENT_DAYS} days",
    ),
    "win": (
        "every win, newest first",
        "changes nothing: every win is always listed",
    ),
    "goal": (
        "the learning goals still open (--all: the closed ones too)",
        "closed learning goals too",
    ),
    "reflection": (
        f"your reflections of the last {RECENT_DAYS} days, newest first (--all: every one)",
        f"every reflection, not only the last {RECENT_DAYS} days'",
    ),
    "rest-day": (
        f"rest days planned ahead or taken in the last {RECENT_DAYS} days (--all: every one)",
        f"every rest day, not only those ahead or of the last {RECENT_DAYS} days",
    ),
}


def _register_list(listing: Commands) -> None:
    for noun, plural in KIND_NAMES.items():
        _add_kind(listing, plural, noun, _list, LIST_HELP[noun][0], _list_arguments)


def _list_arguments(parser: Parser, noun: str) -> None:
    parser.add_argument("--all", action="store_true", help=LIST_HELP[noun][1])
    parser.add_argument("--json", action="store_true", help="print them as a JSON array, every field of each")
    if noun == "application":
        parser.add_argument(
            "--stage",
            action="append",
            default=[],
            metavar="STAGE",
            help=f"only these stages, repeated or separated by commas: {', '.join(STAGES)}; or open, closed",
        )


def _list(recorder: Recorder, options: argparse.Namespace) -> int:
    from tui.cli.listing import list_records

    return list_records(recorder, options)


# edit --------------------------------------------------------------------------------------------------------------


def _register_edit(edit: Commands) -> None:
    for noun in KIND_NAMES:
        _add_kind(edit, noun, noun, _edit, EDITS[noun][0], _edit_arguments)


def _edit_arguments(parser: Parser, noun: str) -> None:
    _reference_argument(parser, noun)
    before = len(parser._actions)
    EDITS[noun][1](parser)
    added = parser._actions[before:]
    parser.set_defaults(corrections=tuple(action.dest for action in added), correction_options=_options_named(added))


def _options_named(actions: list[argparse.Action]) -> str:
    """'--company, --role, --support/--no-support': each option once, by its first name (both for a yes/no one)."""
    names = []
    for action in actions:
        pair = isinstance(action, argparse.BooleanOptionalAction)
        names.append("/".join(action.option_strings[:2]) if pair else action.option_strings[0])
    return ", ".join(names)


def _edit(recorder: Recorder, options: argparse.Namespace) -> int:
    from tui.cli.corrections import edit_record

    return edit_record(recorder, options)


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
    parser.add_argument("--resume", metavar="NAME", help="the résumé version you sent, in a short name")
    completes(
        parser.add_argument("--resume-path", dest="resume_path", metavar="FILE", help="where that résumé is"), FILE
    )
    completes(
        parser.add_argument(
            "--ad", metavar="FILE", help="the job ad's text, from a file or - for standard input ('none' forgets it)"
        ),
        FILE,
    )
    parser.add_argument("--salary", dest="salary_advertised", metavar="TEXT", help="the salary advertised, as written")
    parser.add_argument("--asked", dest="salary_asked", metavar="TEXT", help="the salary you asked for")


def _activity_options(parser: Parser) -> None:
    parser.add_argument("--kind", choices=ACTIVITY_KINDS, metavar="KIND", help=f"one of {', '.join(ACTIVITY_KINDS)}")
    parser.add_argument("--note", "--notes", dest="note", metavar="TEXT", help="what you did")
    parser.add_argument("--on", dest="logical_day", metavar="DATE", help="the day it counts for")


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


def _win_options(parser: Parser) -> None:
    parser.add_argument("--text", metavar="TEXT", help="what you did")
    parser.add_argument("--on", dest="day", metavar="DATE", help="the day")


def _goal_options(parser: Parser) -> None:
    parser.add_argument("--text", metavar="TEXT", help="the skill, in a few words")
    parser.add_argument(
        "--close", dest="closed", action="store_const", const=True, help="done with it: it leaves today's actions"
    )
    parser.add_argument("--reopen", dest="closed", action="store_const", const=False, help="back in today's actions")


def _reflection_options(parser: Parser) -> None:
    parser.add_argument("--text", metavar="TEXT", help="what you wrote, in full: it replaces the text")


def _rest_day_options(parser: Parser) -> None:
    parser.add_argument("--note", "--notes", dest="note", metavar="TEXT", help="why, if you like")


EDITS: dict[str, tuple[str, Callable[[Parser], None]]] = {  # noun: (what can be corrected, its options)
    "application": (
        "company, role, source, URL, kind, applied day, notes, résumé, ad, salary…; or move its stage, with a day",
        _application_options,
    ),
    "activity": ("its kind, note or day", _activity_options),
    "contact": ("name, company, tier, how you know them, notes, support", _contact_options),
    "interview": ("when, round, kind, people, notes; or cancel it", _interview_options),
    "win": ("its text or day", _win_options),
    "goal": ("its text; or close or reopen it", _goal_options),
    "reflection": ("its text", _reflection_options),
    "rest-day": ("its note", _rest_day_options),
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


def _register_delete(delete: Commands) -> None:
    for noun in KIND_NAMES:
        _add_kind(delete, noun, noun, _delete, DELETES[noun], _delete_arguments)


def _delete_arguments(parser: Parser, noun: str) -> None:
    _reference_argument(parser, noun)
    parser.add_argument("--yes", action="store_true", help="delete without asking (for scripts)")


def _delete(recorder: Recorder, options: argparse.Namespace) -> int:
    from tui.cli.corrections import delete_record

    return delete_record(recorder, options)


# undo, redo and history ---------------------------------------------------------------------------------------------


def _undo(recorder: Recorder, options: argparse.Namespace) -> int:
    from tui.store import UndoRefused

    del options
    try:
        summary = recorder.undo()
    except UndoRefused as refused:
        raise BadInput(str(refused)) from None
    print(f"Undid: {summary.rstrip('.')}.")
    return 0


def _redo(recorder: Recorder, options: argparse.Namespace) -> int:
    from tui.store import UndoRefused

    del options
    try:
        summary = recorder.redo()
    except UndoRefused as refused:
        raise BadInput(str(refused)) from None
    print(f"Redid: {summary.rstrip('.')}.")
    return 0


def _history_arguments(history: Parser) -> None:
    history.add_argument("--limit", type=whole(1, 100), default=20, metavar="N", help="at most N changes (default 20)")


def _history(recorder: Recorder, options: argparse.Namespace) -> int:
    from tui.cli.listing import Column, table
    from tui.core.days import describe_day

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
