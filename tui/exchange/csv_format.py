"""The CSV export: one table of the search (applications by default) as a spreadsheet-ready file.

A cell a spreadsheet would run as a formula is neutralised, as OWASP's advice on CSV injection says:
a cell whose text begins with "=", "+", "-", "@", a tab or a carriage return gets a single quote
before it, which spreadsheets read as "this is text". Every table, every column: a company, a note,
the company repeated in the activities. No column holds a number that could be negative (ratings,
rounds and dates never start with "-"), so no number is changed.

The rule, exact both ways (`neutralised` writes it, `as_written` reads it back, and `nextyes import`
reads every CSV through `as_written`):

- writing: a cell that begins with any number of single quotes (none included) followed by one of
  those six characters gets one more single quote at the front. Any other cell is written as it is.
- reading: a cell that begins with one or more single quotes followed by one of those six characters
  loses its first single quote. Any other cell is read as it is.

So "=SUM(A1)" is written "'=SUM(A1)", a role of just "-" is written "'-", and "'=SUM(A1)" (a quote
typed by the user) is written "''=SUM(A1)": each reads back to exactly what was recorded, and no written
cell begins with a formula character. A quote followed by anything else ("'90s") is the same both ways.
A spreadsheet shows the added quote, or hides it as its mark for text; `nextyes import` takes it off.
"""

from __future__ import annotations

import csv
import io
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime
from enum import Enum

from tui.core.interviews import format_questions
from tui.core.models import Application, Contact
from tui.core.search import JobSearch

CSV_TABLES = ("applications", "activities", "contacts", "interviews")

# The first characters that make a spreadsheet read a cell as a formula (OWASP: CSV injection).
FORMULA_STARTS = frozenset("=+-@\t\r")

# Tags and the people met share one cell; the generic import splits applications' tags on ";".
LIST_SEPARATOR = "; "

Cell = str | int | date | datetime | uuid.UUID | Enum | None
Row = dict[str, Cell]


@dataclass(frozen=True)
class CsvTable:
    header: tuple[str, ...]
    rows: Callable[[JobSearch], Iterable[Row]]


def export_csv(search: JobSearch, table: str = "applications") -> str:
    """One table as CSV text: a header row, then a row a record, with RFC 4180 quoting and CRLF line ends.

    Raises ValueError for a table not in CSV_TABLES.
    """
    if table not in _TABLES:
        raise ValueError(f"there is no {table!r} table to export; choose one of {', '.join(CSV_TABLES)}")
    chosen = _TABLES[table]
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer)
    writer.writerow(chosen.header)
    for row in chosen.rows(search):
        writer.writerow(_cell(row[column]) for column in chosen.header)
    return buffer.getvalue()


def neutralised(text: str) -> str:
    """`text` as a cell no spreadsheet runs as a formula: a quote before a formula start (see the module's rule)."""
    return "'" + text if text.lstrip("'")[:1] in FORMULA_STARTS else text


def as_written(cell: str) -> str:
    """A cell's text as it was before `neutralised`: the one quote it added taken off again."""
    return cell[1:] if cell[:1] == "'" and cell.lstrip("'")[:1] in FORMULA_STARTS else cell


def _cell(value: Cell) -> str:
    """A value as it reads in a cell: ISO dates, enum values, blank for None; neutralised like every cell."""
    if value is None:
        return ""
    if isinstance(value, Enum):
        return neutralised(str(value.value))
    if isinstance(value, date | datetime):
        return neutralised(value.isoformat())
    return neutralised(str(value))


def _application_rows(search: JobSearch) -> Iterable[Row]:
    # Saved jobs not sent yet have no applied_on: they come after the sent ones.
    ordered = sorted(
        search.applications,
        key=lambda a: (a.applied_on is None, a.applied_on or date.min, a.company.casefold(), a.created_at, a.id),
    )
    for application in ordered:
        yield {
            "id": application.id,
            "company": application.company,
            "role": application.role,
            "kind": application.kind,
            "stage": application.stage,
            "applied_on": application.applied_on,
            "stage_on": _stage_on(application),
            "source": application.source,
            "url": application.url,
            "location": application.location,
            "next_step": application.next_step,
            "next_step_on": application.next_step_on,
            "rejection_reason": application.rejection_reason,
            "reapply_after": application.reapply_after,
            "tags": LIST_SEPARATOR.join(application.tags),
            "notes": application.notes,
        }


def _stage_on(application: Application) -> date | None:
    """The day the application reached its stage; blank for a move imported without a day of its own.

    An undated move's `day` is only the application's day, so writing it would turn a guess into a
    fact when the file is imported again.
    """
    change = application.moved_to(application.stage)
    return change.day if change is not None and not change.undated else None


def _activity_rows(search: JobSearch) -> Iterable[Row]:
    contacts = _contacts_by_id(search)
    for activity in sorted(search.activities, key=lambda a: (a.at, a.id)):
        application = search.application(activity.application_id)
        contact = contacts.get(activity.contact_id) if activity.contact_id else None
        yield {
            "id": activity.id,
            "day": activity.logical_day,
            "at": activity.at,
            "timezone": activity.timezone,
            "kind": activity.kind,
            "note": activity.note,
            "application_id": activity.application_id,
            "company": application.company if application else None,
            "contact_id": activity.contact_id,
            "contact": contact.name if contact else None,
        }


def _contacts_by_id(search: JobSearch) -> dict[uuid.UUID, Contact]:
    # JobSearch.contact scans the list; an export resolves a contact for every activity.
    return {contact.id: contact for contact in search.contacts}


def _contact_rows(search: JobSearch) -> Iterable[Row]:
    for contact in sorted(search.contacts, key=lambda c: (c.name.casefold(), c.created_at, c.id)):
        yield {
            "id": contact.id,
            "name": contact.name,
            "company": contact.company,
            "tier": contact.tier,
            "how_we_know": contact.how_we_know,
            # Networking logged with them counts, as it does for the reconnect reminder.
            "last_contact": search.last_contacted(contact),
            "reconnect_on": contact.reconnect_on,
            "support": "yes" if contact.support else "no",
            "notes": contact.notes,
        }


def _interview_rows(search: JobSearch) -> Iterable[Row]:
    for interview in sorted(search.interviews, key=lambda i: (i.at, i.id)):
        application = search.application(interview.application_id)
        yield {
            "id": interview.id,
            "day": interview.day,
            "at": interview.at,
            "timezone": interview.timezone,
            "company": application.company if application else None,
            "role": application.role if application else None,
            "round": interview.round,
            "kind": interview.kind,
            "people": LIST_SEPARATOR.join(interview.people),
            "rating": interview.rating,
            "went_well": interview.went_well,
            "change": interview.change,
            "questions": format_questions(interview.questions),
            "notes": interview.notes,
        }


# fmt: off
_TABLES: dict[str, CsvTable] = {
    "applications": CsvTable(
        (
            "id", "company", "role", "kind", "stage", "applied_on", "stage_on", "source", "url", "location",
            "next_step", "next_step_on", "rejection_reason", "reapply_after", "tags", "notes",
        ),
        _application_rows,
    ),
    "activities": CsvTable(
        ("id", "day", "at", "timezone", "kind", "note", "application_id", "company", "contact_id", "contact"),
        _activity_rows,
    ),
    "contacts": CsvTable(
        ("id", "name", "company", "tier", "how_we_know", "last_contact", "reconnect_on", "support", "notes"),
        _contact_rows,
    ),
    "interviews": CsvTable(
        (
            "id", "day", "at", "timezone", "company", "role", "round", "kind", "people", "rating",
            "went_well", "change", "questions", "notes",
        ),
        _interview_rows,
    ),
}
# fmt: on


def csv_header(table: str) -> tuple[str, ...]:
    """The header row `export_csv` writes for `table`: how `nextyes import` knows a CSV nextyes wrote."""
    return _TABLES[table].header
