"""The CSV export: one table of the search (applications by default) as a spreadsheet-ready file.

Cells hold the data exactly as recorded, even one that starts with "=", "+", "-" or "@". Prefixing
those with a quote (the usual guard against spreadsheet formula injection) would change the data:
the generic CSV import reads this file back and would keep the quote, and a role such as "-" or a
note such as "+2 years of Go" would no longer round-trip. The records are the user's own, so a
formula in one can only come from them; the JSON export is the exact copy, and this one stays exact too.
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


def _cell(value: Cell) -> str:
    """A value as it reads in a cell: ISO dates, enum values, blank for None."""
    if value is None:
        return ""
    if isinstance(value, Enum):
        return str(value.value)
    if isinstance(value, date | datetime):
        return value.isoformat()
    return str(value)


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
