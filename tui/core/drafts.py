"""Drafts of the notes a search asks for: a follow-up, a thank-you, a request for feedback, filled in."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from string import Template

from tui.core.days import year_goes_without_saying
from tui.core.interviews import INTERVIEW_KIND_WORDS, is_held, join_names
from tui.core.kinds import DraftKind as DraftKind
from tui.core.models import Application, Interview
from tui.core.search import JobSearch

SUBJECT = "Subject:"
UNSIGNED = "[your name]"  # stands in until the settings have a name to sign with


@dataclass(frozen=True)
class Draft:
    kind: DraftKind
    subject: str
    body: str

    @property
    def text(self) -> str:
        """The whole note as it is copied into an email: the subject line, a blank line, the body."""
        return f"{SUBJECT} {self.subject}\n\n{self.body}"


def write_draft(
    template: str,
    kind: DraftKind,
    search: JobSearch,
    application: Application,
    today: date,
    interview: Interview | None = None,
    now: datetime | None = None,
) -> Draft:
    """A draft filled in from the application, its interviews and contacts, and the settings.

    `template` starts with a `Subject: …` line, then a blank line and the body, with `$company`,
    `$role`, `$greeting`, `$applied_on`, `$interview_day`, `$interview_kind`, `$round` and `$your_name`
    in it. Without an interview the latest one held is used; with none held, today stands in.
    Only interviews held count: one booked ahead or called off met nobody. `now` decides which were
    held; without it, those not called off on `today` or before.
    A placeholder we do not know is left as written, for the person to fill in.
    """
    first_line, _, body = template.partition("\n")
    if not first_line.startswith(SUBJECT):
        raise ValueError(f"a draft template starts with a '{SUBJECT} …' line, not {first_line!r}")
    held = _held(search, application, today, now)
    interview = interview or (held[-1] if held else None)
    values = {
        "company": application.company,
        "role": application.role,
        "greeting": _greeting(search, application, kind, interview, held),
        "applied_on": _day_month(application.applied_on or application.created_at.date(), today),
        "interview_day": _day_month(interview.day if interview else today, today),
        "interview_kind": INTERVIEW_KIND_WORDS[interview.kind] if interview else "interview",
        "round": str(interview.round) if interview else "1",
        "your_name": search.settings.your_name or UNSIGNED,
    }
    return Draft(
        kind=kind,
        subject=Template(first_line.removeprefix(SUBJECT).strip()).safe_substitute(values),
        body=Template(body.strip("\n")).safe_substitute(values) + "\n",
    )


def _held(search: JobSearch, application: Application, today: date, now: datetime | None) -> list[Interview]:
    """The application's interviews held, earliest first: by `now` when known, else on `today` or before."""
    interviews = search.interviews_for(application)
    if now is not None:
        return [interview for interview in interviews if is_held(interview, now)]
    return [interview for interview in interviews if not interview.cancelled and interview.day <= today]


def _greeting(
    search: JobSearch, application: Application, kind: DraftKind, interview: Interview | None, held: list[Interview]
) -> str:
    """'Hi Dana and Sam,': the people met, or the contacts at the company; 'Hello,' when there are none.

    A thank-you goes to the people of its interview; a feedback request to everyone met along the way,
    in the interviews `held`.
    """
    if kind is DraftKind.THANK_YOU and interview is not None:
        people = list(interview.people)
    elif kind is DraftKind.FEEDBACK:
        people = [person for i in held for person in i.people]
    else:
        people = []
    if not people:
        people = [contact.name for contact in search.contacts_for(application)]
    names = list(dict.fromkeys(_first_name(person) for person in people if person.strip()))
    if not names:
        return "Hello,"
    return f"Hi {join_names(names)},"


def _first_name(name: str) -> str:
    """'Dana' from 'Dana Reyes'; a name that starts with a title ('Dr. Okafor') is kept whole."""
    words = name.split()
    return name.strip() if words[0].endswith(".") else words[0]


def _day_month(day: date, today: date) -> str:
    """'14 March' in a letter; '14 March 2025' when the year does not go without saying (tui.core.days)."""
    year = "" if year_goes_without_saying(day, today) else f" {day.year}"
    return f"{day.day} {day:%B}{year}"
