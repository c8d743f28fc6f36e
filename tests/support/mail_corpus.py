"""The emails of tests/core/mail_corpus and the job search they are about, for the tests and the benchmark.

The search holds eleven applications, two of them at Quill Labs, with the people met in interviews and a few
contacts. Every email was written for the tests; `expected.json` says what each one is (its kind, its
application as "Company / Role" or null, and for an invitation its start), and a `miss` for one the rules are
known to misread, with why: it counts against the accuracy, it is not hidden. The last twelve were written after
the rules were done and were not tuned for (`written_after_the_rules`): their share says how the rules fare on
mail they have not seen.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from tests.support.clock import FIXED_NOW
from tui.core.models import Application, Contact, Interview, InterviewKind, Settings, Stage, StageChange
from tui.core.search import JobSearch

CORPUS = Path(__file__).resolve().parent.parent / "core" / "mail_corpus"
ZONE = ZoneInfo("UTC")
NOW = FIXED_NOW  # Sunday 15 March 2026, 14:30 UTC: "the day it was pasted" for an email with no Date line


@dataclass(frozen=True)
class Expected:
    """What one email of the corpus is."""

    name: str
    text: str
    kind: str
    application: str | None  # "Company / Role"
    at: datetime | None  # an invitation's start, when it names one
    people: tuple[str, ...] | None  # for some invitations: the people it names
    miss: dict[str, str]  # what the rules are known to misread ("kind", "application", "at"), and why
    written_after_the_rules: bool  # held out: written once the rules were done, and not tuned for


def corpus() -> list[Expected]:
    """Every email of the corpus with what it is, in file order."""
    expected = json.loads((CORPUS / "expected.json").read_text(encoding="utf-8"))
    emails = sorted(CORPUS.glob("*.txt"))
    assert {path.stem for path in emails} == set(expected), "every email has its line in expected.json"
    corpus = []
    for path in emails:
        said = expected[path.stem]
        corpus.append(
            Expected(
                name=path.stem,
                text=path.read_text(encoding="utf-8"),
                kind=said["kind"],
                application=said["application"],
                at=datetime.fromisoformat(said["at"]) if said.get("at") else None,
                people=tuple(said["people"]) if "people" in said else None,
                miss=said.get("miss", {}),
                written_after_the_rules=said.get("written_after_the_rules", False),
            )
        )
    return corpus


def named(application: Application | None) -> str | None:
    """An application as expected.json names it: 'Quill Labs / Data Engineer'."""
    return None if application is None else f"{application.company} / {application.role}"


def _at(day: date, hour: int = 10) -> datetime:
    return datetime(day.year, day.month, day.day, hour, tzinfo=ZONE)


def _application(company: str, role: str, applied: date, *moves: tuple[Stage, date, int | None]) -> Application:
    history = [StageChange(stage=Stage.APPLIED, at=_at(applied), day=applied)]
    history += [StageChange(stage=stage, at=_at(day), day=day, round=round) for stage, day, round in moves]
    return Application(
        company=company,
        role=role,
        applied_on=applied,
        stage=history[-1].stage,
        stage_history=history,
        created_at=_at(applied),
        updated_at=_at(history[-1].day),
    )


def _interview(application: Application, day: date, people: list[str], kind: InterviewKind) -> Interview:
    return Interview(
        application_id=application.id,
        at=_at(day, 14),
        timezone="UTC",
        day=day,
        kind=kind,
        people=people,
        created_at=_at(day, 9),
        updated_at=_at(day, 9),
    )


def _contact(name: str, company: str, met: date, *applications: Application) -> Contact:
    return Contact(
        name=name,
        company=company,
        application_ids=[application.id for application in applications],
        created_at=_at(met),
        updated_at=_at(met),
    )


def mail_search() -> JobSearch:
    """The search the corpus is about: its applications, people met and contacts, as of NOW."""
    march = date(2026, 3, 1)
    quill_data = _application(
        "Quill Labs", "Data Engineer", date(2026, 2, 20), (Stage.INTERVIEWING, date(2026, 3, 4), 1)
    )
    quill_analytics = _application("Quill Labs", "Analytics Engineer", date(2026, 3, 2))
    northwind = _application("Northwind Traders", "Backend Developer", date(2026, 2, 25))
    brightwave = _application(
        "Brightwave", "Product Designer", date(2026, 3, 2), (Stage.SCREENING, date(2026, 3, 9), None)
    )
    helio = _application(
        "Helio Systems", "Site Reliability Engineer", date(2026, 2, 10), (Stage.INTERVIEWING, date(2026, 2, 24), 1)
    )
    ferrovia = _application("Ferrovia Logistics", "Operations Analyst", date(2026, 3, 3))
    mossgrove = _application(
        "Mossgrove Bank", "Senior Software Engineer", date(2026, 2, 2), (Stage.REJECTED, date(2026, 2, 27), None)
    )
    tidal = _application("Tidal Health", "Machine Learning Engineer", date(2026, 3, 6))
    oakline = _application("Oakline Studio", "Frontend Developer", date(2026, 2, 28))
    kestrel = _application("Kestrel Analytics", "Data Scientist", date(2026, 3, 9))
    lumen = _application("Lumen & Co", "Technical Writer", date(2026, 3, 10))
    applications = (
        quill_data, quill_analytics, northwind, brightwave, helio, ferrovia, mossgrove, tidal, oakline, kestrel, lumen,
    )  # fmt: skip
    interviews = (
        _interview(quill_data, date(2026, 3, 5), ["Dana Ruiz"], InterviewKind.PHONE),
        _interview(helio, date(2026, 2, 26), ["Priya Natarajan", "Tom Becker"], InterviewKind.TECHNICAL),
        _interview(mossgrove, date(2026, 2, 18), ["Graham Oduya"], InterviewKind.PHONE),
    )
    contacts = (
        _contact("Marta Kowalski", "Northwind Traders", march),
        _contact("Jonas Weber", "Tidal Health", march, tidal),
        _contact("Aisha Bello", "", march, brightwave),
    )
    settings = Settings(timezone="UTC", created_at=_at(date(2026, 1, 1)), updated_at=_at(date(2026, 1, 1)))
    return JobSearch(settings=settings, applications=applications, interviews=interviews, contacts=contacts)
