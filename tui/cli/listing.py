"""How `nextyes list` shows the records of one kind, and `history` the recent changes: rows under their column
titles, fitting 80 columns. Imported when one of those commands runs (`tui.cli.editing` registers them).
"""

from __future__ import annotations

import argparse
import json
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from tui.cli.common import RECENT_DAYS, BadInput
from tui.cli.records import STAGES
from tui.core.days import describe_day, logical_day
from tui.core.interviews import local_start
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
from tui.core.records import kind_named, records_of
from tui.core.search import JobSearch
from tui.core.words import count
from tui.recording import Recorder

WIDTH = 80  # the columns a list fits in: the common terminal size
GAP = "  "
CLOSED_STAGES = frozenset({Stage.ACCEPTED, Stage.REJECTED, Stage.GHOSTED, Stage.WITHDRAWN})
STAGE_GROUPS = {"open": frozenset(Stage) - CLOSED_STAGES, "closed": CLOSED_STAGES}


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
    """How `nextyes list` shows one kind: which records, in which order, in which columns (its help is in
    `tui.cli.editing.LIST_HELP`)."""

    columns: tuple[Column, ...]
    row: Callable[[Record, Context], tuple[str, ...]]
    order: Callable[[Record], Any]
    newest_first: bool
    window: str = ""  # the records shown unless --all, in words ('in the last 30 days'); '' for every one
    in_window: Callable[[Record, date], bool] = lambda record, today: True
    empty: str = ""  # said when there are none at all


def list_records(recorder: Recorder, options: argparse.Namespace) -> int:
    """`nextyes list KIND`."""
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
        (Column("ID"), Column("COMPANY", True), Column("ROLE", True), Column("STAGE"), Column("APPLIED")),
        _application_row,
        lambda r: (r.applied_on or r.created_at.date(), r.created_at) if isinstance(r, Application) else (),
        newest_first=True,
        empty="No applications yet: add one with 'nextyes add COMPANY ROLE'.",
    ),
    "activity": Listing(
        (Column("ID"), Column("DAY"), Column("KIND"), Column("NOTE", True)),
        _activity_row,
        lambda r: (r.logical_day, r.at) if isinstance(r, Activity) else (),
        newest_first=True,
        window=LAST_DAYS,
        in_window=_recently,
        empty="Nothing logged yet: 'nextyes log network coffee with Dana' is the quickest start.",
    ),
    "contact": Listing(
        (Column("ID"), Column("NAME", True), Column("COMPANY", True), Column("TIER"), Column("LAST IN TOUCH")),
        _contact_row,
        lambda r: r.name.casefold() if isinstance(r, Contact) else "",
        newest_first=False,
        empty="No contacts yet: add one with 'nextyes contact add NAME --company C'.",
    ),
    "interview": Listing(
        (Column("ID"), Column("WHEN"), Column("COMPANY", True), Column("ROUND"), Column("KIND"), Column("STATUS")),
        _interview_row,
        lambda r: r.at if isinstance(r, Interview) else (),
        newest_first=False,
        window=AHEAD_OR_LAST_DAYS,
        in_window=_recently,
        empty="No interviews yet: record one with 'nextyes interview APP --on DATE'.",
    ),
    "win": Listing(
        (Column("ID"), Column("DAY"), Column("WIN", True)),
        _win_row,
        lambda r: (r.day, r.created_at) if isinstance(r, Win) else (),
        newest_first=True,
        empty="No wins yet: add one with 'nextyes win \"Cut report time from 2 hours to 10 minutes\"'.",
    ),
    "goal": Listing(
        (Column("ID"), Column("ADDED"), Column("GOAL", True), Column("STATUS")),
        _goal_row,
        lambda r: r.created_at,
        newest_first=True,
        window="still open",
        in_window=lambda r, today: isinstance(r, LearningGoal) and r.closed_on is None,
        empty="No learning goals yet: add one with 'nextyes goal \"SQL window functions\"'.",
    ),
    "reflection": Listing(
        (Column("ID"), Column("DAY"), Column("REFLECTION", True)),
        _reflection_row,
        _on_day,
        newest_first=True,
        window=LAST_DAYS,
        in_window=_recently,
        empty="No reflections yet: the app asks one question a day (run 'nextyes').",
    ),
    "rest-day": Listing(
        (Column("ID"), Column("DAY"), Column("NOTE", True)),
        _rest_day_row,
        _on_day,
        newest_first=False,
        window=AHEAD_OR_LAST_DAYS,
        in_window=_recently,
        empty="No rest days yet: 'nextyes rest --on tomorrow' plans one.",
    ),
}
