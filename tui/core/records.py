"""Every kind of record a person can see, correct and delete, named the way the shell and the app name them.

`KINDS` maps the words typed (`nextyes list contacts`, `nextyes edit goal 3fa2`) to the models; `label` says
which record is meant in one line; `find` turns a short id or a unique part of a name into the one record it
names; `deletion` says what a delete takes with it, so the question asked before it names everything that goes.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from tui.core.days import describe_day
from tui.core.models import (
    ActionMark,
    Activity,
    ActivityKind,
    Application,
    Contact,
    Interview,
    LearningGoal,
    Record,
    Reflection,
    RestDay,
    Settings,
    Win,
)
from tui.core.search import JobSearch
from tui.core.words import count

REFLECTION_WRITTEN = "wrote the day's reflection"  # the note of the activity writing a reflection logs


@dataclass(frozen=True)
class Kind:
    """One kind of record as people name it: 'application' / 'applications', and where the search keeps it."""

    noun: str
    plural: str
    model: type[Record]
    table: str  # the JobSearch field (and the database table) that holds them


KINDS: tuple[Kind, ...] = (
    Kind("application", "applications", Application, "applications"),
    Kind("activity", "activities", Activity, "activities"),
    Kind("contact", "contacts", Contact, "contacts"),
    Kind("interview", "interviews", Interview, "interviews"),
    Kind("win", "wins", Win, "wins"),
    Kind("goal", "goals", LearningGoal, "learning_goals"),
    Kind("reflection", "reflections", Reflection, "reflections"),
    Kind("rest-day", "rest-days", RestDay, "rest_days"),
)
KIND_OF_MODEL: dict[type[Record], Kind] = {kind.model: kind for kind in KINDS}
KIND_NAMES: tuple[str, ...] = tuple(name for kind in KINDS for name in (kind.noun, kind.plural))


class NotFound(LookupError):
    """No record, or more than one, matches what was typed; the message says which and what is accepted."""


def kind_named(name: str) -> Kind:
    """The kind `name` stands for, singular or plural ('goal', 'rest-days'); NotFound listing the kinds."""
    wanted = name.strip().lower().replace("_", "-").replace(" ", "-")
    for kind in KINDS:
        if wanted in (kind.noun, kind.plural) or (
            kind.noun == "goal" and wanted in ("learning-goal", "learning-goals")
        ):
            return kind
    raise NotFound(f"there is no kind of record called {name!r}; use one of: {', '.join(k.plural for k in KINDS)}")


def records_of(search: JobSearch, kind: Kind) -> tuple[Record, ...]:
    records: tuple[Record, ...] = getattr(search, kind.table)
    return records


def label(record: Record, search: JobSearch, today: date | None = None) -> str:
    """The record in a few words: what a list row, a confirmation or an undo message calls it."""
    match record:
        case Application():
            return f"{record.company} ({record.role})"
        case Activity():
            what = f"{record.kind.value} on {describe_day(record.logical_day, today)}"
            return f"{what}: {_clip(record.note)}" if record.note else what
        case Contact():
            return f"{record.name} ({record.company})" if record.company else record.name
        case Interview():
            application = search.application(record.application_id)
            at = application.company if application is not None else "an application since deleted"
            return f"{at}'s {record.kind.value} interview, round {record.round}, {describe_day(record.day, today)}"
        case Win():
            return f"the win '{_clip(record.text)}'"
        case LearningGoal():
            return f"the learning goal '{_clip(record.text)}'"
        case Reflection():
            return f"the reflection of {describe_day(record.day, today)}"
        case RestDay():
            return f"the rest day on {describe_day(record.day, today)}"
        case ActionMark():
            return f"the mark '{record.mark.value}' on one of today's actions"
        case Settings():
            return "the settings"
    kind = KIND_OF_MODEL.get(type(record))
    return f"{kind.noun if kind else 'record'} {record.short_id}"


def summary(verb: str, records: list[Record], search: JobSearch) -> str:
    """A change in a few words, from the records it touched, the first being the one it was about:
    'added Acme (Data Engineer)', 'deleted 3 learning goals'."""
    first = records[0]
    if len(records) > 1 and all(type(record) is type(first) for record in records):
        kind = KIND_OF_MODEL.get(type(first))
        if kind is not None:
            return f"{verb} {count(len(records), kind.noun.replace('-', ' ').replace('goal', 'learning goal'))}"
    return f"{verb} {label(first, search)}"


def find(search: JobSearch, kind: Kind, reference: str) -> Record:
    """The one record of `kind` that `reference` names: a short id (or its start), or a unique part of its name."""
    text = reference.strip().lower()
    if not text:
        raise NotFound(f"no {kind.noun} given; use a short id from 'nextyes list {kind.plural}'")
    records = records_of(search, kind)
    by_id = [record for record in records if record.id.hex.startswith(text.replace("-", ""))]
    matches = by_id or [record for record in records if text in _name(record, search).lower()]
    if not matches:
        raise NotFound(
            f"no {kind.noun} matches {reference!r}; use a short id from 'nextyes list {kind.plural}'"
            + (" or part of its name" if kind.model in _NAMED else "")
        )
    if len(matches) > 1:
        shown = ", ".join(f"{record.short_id} {label(record, search)}" for record in matches[:4])
        more = f" and {len(matches) - 4} more" if len(matches) > 4 else ""
        raise NotFound(f"{reference!r} matches {count(len(matches), kind.noun)} ({shown}{more}); use its short id")
    return matches[0]


@dataclass(frozen=True)
class Deletion:
    """What deleting a record takes with it, and the question that names all of it."""

    records: tuple[Record, ...]  # the record first, then what goes with it
    question: str


def deletion(record: Record, search: JobSearch, today: date | None = None) -> Deletion:
    """Deleting an application takes its interviews with it (they mean nothing alone); the days' work it was
    logged with stays, as the work was done. Everything else goes alone."""
    what = label(record, search, today)
    if isinstance(record, Application):
        interviews = tuple(search.interviews_for(record))
        logged = len(search.activities_for(record))
        question = f"Delete {what}"
        if interviews:
            question += f" and its {count(len(interviews), 'interview')}"
        question += "?"
        if logged:
            stay = "stays" if logged == 1 else "stay"
            question += f" The {count(logged, 'activity')} logged for it {stay} in your log and streak."
        return Deletion((record, *interviews), question)
    if isinstance(record, Activity):
        return Deletion((record,), f"Delete the activity {what}? Its points leave that day.")
    if isinstance(record, Reflection):  # writing it was logged as the day's reflect activity: that goes too
        written = tuple(
            activity
            for activity in search.activities_by_day.get(record.day, [])
            if activity.kind is ActivityKind.REFLECT and activity.note == REFLECTION_WRITTEN
        )
        worth = " and the points for writing it" if written else ""
        return Deletion((record, *written), f"Delete {what}{worth}?")
    return Deletion((record,), f"Delete {what}?")


_NAMED: dict[type[Record], Callable[[Record], str]] = {
    Application: lambda r: f"{r.company} {r.role}" if isinstance(r, Application) else "",
    Contact: lambda r: f"{r.name} {r.company}" if isinstance(r, Contact) else "",
    Win: lambda r: r.text if isinstance(r, Win) else "",
    LearningGoal: lambda r: r.text if isinstance(r, LearningGoal) else "",
    Activity: lambda r: r.note if isinstance(r, Activity) else "",
}


def _name(record: Record, search: JobSearch) -> str:
    named = _NAMED.get(type(record))
    if named is not None:
        return named(record)
    if isinstance(record, Interview):
        application = search.application(record.application_id)
        return application.company if application is not None else ""
    return ""


def _clip(text: str, most: int = 40) -> str:
    line = " ".join(text.split())
    return line if len(line) <= most else line[: most - 1].rstrip() + "…"
