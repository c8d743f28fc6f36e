"""LinkedIn's data export: rows of Job Applications.csv into applications, rows of Connections.csv into contacts."""

from __future__ import annotations

import re

from tui.core.models import Application, Contact, Stage, StageChange, Tier
from tui.exchange.csv_applications import (
    ReadRow,
    RowContext,
    RowProblem,
    apply_activity,
    normalised,
    required,
    say_day,
)

# Our name for each column -> LinkedIn's. A header holding all of these is Job Applications.csv (or one
# of the Job Applications_1.csv… parts a large export is split into).
APPLICATION_COLUMNS = {
    "applied": "Application Date",
    "email": "Contact Email",
    "phone": "Contact Phone Number",
    "company": "Company Name",
    "role": "Job Title",
    "url": "Job Url",
    "resume": "Resume Name",
    "questions": "Question And Answers",
}
CONNECTION_COLUMNS = {
    "first_name": "First Name",
    "last_name": "Last Name",
    "url": "URL",
    "email": "Email Address",
    "company": "Company",
    "position": "Position",
    "connected_on": "Connected On",
}
CONNECTION_NAME_COLUMNS = ("First Name", "Last Name")  # enough to know Connections.csv

_TIME_OF_DAY = re.compile(r"\s*\d{1,2}:\d{2}\s*([AaPp][Mm])?\s*")


def mend_application_cells(cells: list[str], columns: dict[str, int], width: int) -> list[str]:
    """A row whose application date was left unquoted, split in two at its comma, with the date joined back.

    LinkedIn quotes "7/6/23, 2:20 PM"; a file typed or edited by hand may not, and every later column
    would then be read one to the right.
    """
    at = columns.get("applied")
    if at is None or len(cells) != width + 1 or not _TIME_OF_DAY.fullmatch(cells[at + 1]):
        return cells
    return [*cells[:at], f"{cells[at]},{cells[at + 1]}", *cells[at + 2 :]]


def read_application_row(values: dict[str, str], context: RowContext) -> ReadRow:
    """An application sent through LinkedIn: stage applied on its date ('7/6/23, 2:20 PM', month first).

    The resume sent, the recruiter's contact details and the screening questions go into its notes.
    """
    company, role = required(values, "company", "company name"), required(values, "role", "job title")
    applied = context.moment(required(values, "applied", "application date"), "application date")
    contact = ", ".join(part for part in (values.get("email", ""), values.get("phone", "")) if part)
    notes = [
        f"Resume: {values['resume']}" if values.get("resume") else "",
        f"Contact: {contact}" if contact else "",
        f"Questions and answers:\n{_one_a_line(values['questions'])}" if values.get("questions") else "",
    ]
    application = Application(
        id=context.record_id("linkedin-application", normalised(company), normalised(role), applied.day),
        company=company,
        role=role,
        source="LinkedIn",
        url=values.get("url", ""),
        applied_on=applied.day,
        stage=Stage.APPLIED,
        stage_history=[StageChange(stage=Stage.APPLIED, at=applied.at, day=applied.day)],
        notes="\n".join(part for part in notes if part),
        created_at=context.now,
        updated_at=context.now,
    )
    return application, (apply_activity(application, applied, context),)


def _one_a_line(questions: str) -> str:
    """LinkedIn lists the questions and answers on one line, each after a ' | ': one a line reads better."""
    return "\n".join(part.strip() for part in questions.split(" | ") if part.strip())


def read_connection_row(values: dict[str, str], context: RowContext) -> ReadRow:
    """A connection as a tier C contact, not in touch since.

    Tier C and no last contact mean each one's first reconnect suggestion comes the tier's cadence
    (180 days by default) after the import, and `Settings.reconnects_per_day` caps how many are
    suggested a day: a thousand connections imported at once never flood a day's list.
    """
    name = " ".join(part for part in (values["first_name"], values["last_name"]) if part)
    if not name:
        raise RowProblem("no name (LinkedIn leaves out the names of some connections)")
    company = values.get("company", "")
    connected_on = values.get("connected_on", "")
    since = context.moment(connected_on, "connection date").day if connected_on else None
    notes = [
        f"Position: {values['position']}" if values.get("position") else "",
        f"LinkedIn: {values['url']}" if values.get("url") else "",
        f"Email: {values['email']}" if values.get("email") else "",
    ]
    contact = Contact(
        id=context.record_id("linkedin-connection", normalised(name), normalised(company)),
        name=name,
        company=company,
        tier=Tier.C,
        how_we_know=f"LinkedIn connection since {say_day(since)}" if since else "LinkedIn connection",
        notes="\n".join(part for part in notes if part),
        created_at=context.now,
        updated_at=context.now,
    )
    return contact, ()
