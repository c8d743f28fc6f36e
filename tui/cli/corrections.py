"""How `nextyes edit` corrects a record of each kind (or moves an application), and how `delete` deletes one after
asking. Imported when one of those commands runs (`tui.cli.editing` registers them, with their options).
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time
from zoneinfo import ZoneInfo

from tui.cli.common import BadInput, clock_time, day
from tui.cli.listing import CLOSED_STAGES
from tui.core.days import DateParseError, describe_day, parse_day
from tui.core.interviews import local_start
from tui.core.local_times import NoSuchTime, local_instant
from tui.core.models import (
    Activity,
    Application,
    Interview,
    LearningGoal,
    Record,
    Reflection,
    RestDay,
    Stage,
)
from tui.core.records import KIND_OF_MODEL, Kind, NotFound, deletion, find, kind_named, label, records_of
from tui.core.search import JobSearch
from tui.core.words import count
from tui.recording import MoveRefused, Recorder
from tui.terminal import is_terminal

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
    "resume": "résumé version",
    "resume_path": "résumé's file",
    "ad": "job ad",
    "salary_advertised": "advertised salary",
    "salary_asked": "salary asked",
}


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


def edit_record(recorder: Recorder, options: argparse.Namespace) -> int:
    """`nextyes edit KIND ID --FIELD VALUE…`."""
    kind = kind_named(options.record_kind)
    if all(getattr(options, field) is None for field in options.corrections):
        article = "an" if kind.noun[0] in "aeiou" else "a"
        raise BadInput(
            f"say what to correct: {article} {kind.noun.replace('-', ' ')} takes {options.correction_options}"
        )
    search = recorder.store.load()
    today = recorder.today(search)
    record = _find(search, kind, options.reference, today)
    print(CORRECTIONS[kind.noun](Correction(recorder, search, today, record, options)))
    return 0


def _correct_application(correction: Correction) -> str:
    application = correction.record
    assert isinstance(application, Application)
    options = correction.options
    changes = correction.typed(
        "company",
        "role",
        "source",
        "url",
        "kind",
        "notes",
        "location",
        "next_step",
        "resume",
        "resume_path",
        "salary_advertised",
        "salary_asked",
    )
    if options.ad is not None:
        from tui.cli.pasted import read_ad

        changes["ad"] = read_ad(options.ad)
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


def _correct_activity(correction: Correction) -> str:
    changes = correction.typed("kind", "note") | correction.day("logical_day", past_only=True)
    return correction.said(correction.edit(**changes), changes)


def _correct_contact(correction: Correction) -> str:
    changes = correction.typed("name", "company", "tier", "how_we_know", "notes", "support")
    return correction.said(correction.edit(**changes), changes)


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


def _correct_win(correction: Correction) -> str:
    changes = correction.typed("text") | correction.day("day", past_only=True)
    return correction.said(correction.edit(**changes), changes)


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


def _correct_reflection(correction: Correction) -> str:
    changes = correction.typed("text")
    return correction.said(correction.edit(**changes), changes)


def _correct_rest_day(correction: Correction) -> str:
    changes = correction.typed("note")
    return correction.said(correction.edit(**changes), changes)


CORRECTIONS: dict[str, Callable[[Correction], str]] = {
    "application": _correct_application,
    "activity": _correct_activity,
    "contact": _correct_contact,
    "interview": _correct_interview,
    "win": _correct_win,
    "goal": _correct_goal,
    "reflection": _correct_reflection,
    "rest-day": _correct_rest_day,
}


# delete ------------------------------------------------------------------------------------------------------------


def delete_record(recorder: Recorder, options: argparse.Namespace) -> int:
    """`nextyes delete KIND ID`."""
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
