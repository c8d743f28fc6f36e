"""Safety nets before adding an application: the same job tracked already, or a company that recently said no."""

from __future__ import annotations

import functools
import re
from collections.abc import Collection
from dataclasses import dataclass
from datetime import date
from difflib import SequenceMatcher, get_close_matches

from dateutil.relativedelta import relativedelta

from tui.core.models import Application, RejectionReason, Stage
from tui.core.search import JobSearch

SIMILAR_COMPANY = 0.85  # "Quill Labs" and "Quil Labs" are one company; "Stripe" and "Strava" are not
SIMILAR_ROLE = 0.75  # "Data Engineer" and "Senior Data Engineer" are close; "Backend" and "Frontend" are not

# Words that name a company's legal form, not the company: "Acme" and "Acme Corp." are one employer.
# fmt: off
COMPANY_SUFFIXES = frozenset(
    {"inc", "incorporated", "ltd", "limited", "llc", "llp", "gmbh", "co", "corp", "corporation",
     "company", "plc", "ag", "sa", "sas", "bv", "nv", "oy", "ab", "pty", "srl"}
)
# fmt: on
# Shorthand in job titles, spelled out so "Sr. Data Engineer" reads as "senior data engineer".
ROLE_ABBREVIATIONS = {"sr": "senior", "snr": "senior", "jr": "junior", "mgr": "manager"}
# Words that say a role's level: "Staff Data Engineer" and "Senior Data Engineer" are two jobs, however alike
# the rest of the title. A title without one may be either, so only two different levels tell roles apart.
# fmt: off
SENIORITY_WORDS = frozenset(
    {"intern", "trainee", "apprentice", "graduate", "entry", "junior", "associate", "mid", "intermediate",
     "senior", "staff", "principal", "distinguished", "lead", "head", "chief", "ii", "iii", "iv"}
)
# fmt: on


@dataclass(frozen=True)
class Ending:
    """How an earlier application to a company ended: said no, or never replied."""

    application: Application
    stage: Stage  # rejected or ghosted
    day: date
    reason: RejectionReason | None
    reapply_after: date | None


def normalise(text: str) -> str:
    """Casefolded words with punctuation dropped: how two wordings of one name or question compare."""
    without_apostrophes = re.sub(r"['’]", "", text.casefold())
    return " ".join(re.sub(r"[^\w\s]|_", " ", without_apostrophes).split())


@functools.lru_cache(maxsize=8192)
def company_name(company: str) -> str:
    """A company's name for matching: normalised, its legal form ('Inc.', 'GmbH', 'Co') left off."""
    words = normalise(company).split()
    while len(words) > 1 and words[-1] in COMPANY_SUFFIXES:
        words.pop()
    return " ".join(words)


def same_company(first: str, second: str) -> bool:
    """Two ways of writing one company's name: 'Quill Labs, Inc.' and 'quill labs'."""
    return _at_least_as_similar(company_name(first), company_name(second), SIMILAR_COMPANY)


def one_of_these_companies(company: str, names: Collection[str]) -> bool:
    """Whether `company` is one of `names` (names as `company_name` gives them), written either way.

    One comparison set up for `company`, then each name tried against it with difflib's cheap bounds first:
    the reapply actions ask this of thousands of names at 5 years.
    """
    wanted = company_name(company)
    return wanted in names or bool(get_close_matches(wanted, names, n=1, cutoff=SIMILAR_COMPANY))


def similar_applications(search: JobSearch, company: str, role: str) -> list[Application]:
    """Applications that look like this one already: the newest first.

    A near-identical company and a similar role ("Quill Labs Inc." / "Sr. Data Engineer" against
    "Quill Labs" / "Senior Data Engineer"), or the very same company with one role inside the other
    ("Engineer" against "Staff Engineer"). Two different levels are two jobs: "Staff Data Engineer" is not
    "Senior Data Engineer".
    """
    wanted_company, wanted_role = company_name(company), _role_name(role)
    found = []
    for application in search.applications:
        other_company, other_role = company_name(application.company), _role_name(application.role)
        if _similarity(wanted_company, other_company) < SIMILAR_COMPANY:
            continue
        if not _same_level(wanted_role, other_role):
            continue
        similar_role = _similarity(wanted_role, other_role) >= SIMILAR_ROLE
        if similar_role or (wanted_company == other_company and _contains(wanted_role, other_role)):
            found.append(application)
    return sorted(found, key=lambda a: a.created_at, reverse=True)


def recent_endings(search: JobSearch, company: str, today: date, months: int) -> list[Ending]:
    """Applications to this company that ended with a no or in silence within `months` months: newest first.

    The day an application ended is its latest move to rejected or ghosted; one imported already
    ended, with no recorded move, counts from when it was last changed.
    """
    since = today - relativedelta(months=months)
    endings = []
    for application in search.applications:
        if application.stage not in (Stage.REJECTED, Stage.GHOSTED):
            continue
        if not same_company(company, application.company):
            continue
        move = application.moved_to(application.stage)
        day = move.day if move is not None else application.updated_at.date()
        if since <= day <= today:
            endings.append(
                Ending(application, application.stage, day, application.rejection_reason, application.reapply_after)
            )
    return sorted(endings, key=lambda ending: ending.day, reverse=True)


def describe_similar(application: Application) -> str:
    """'Already tracked: Quill Labs — Data Engineer (ab12cd34), applied 3 Mar 2026, now interviewing'."""
    applied = f", applied {_day(application.applied_on)}" if application.applied_on else ""
    return (
        f"Already tracked: {application.company} — {application.role} ({application.short_id})"
        f"{applied}, now {application.stage.value}"
    )


def describe_ending(ending: Ending, today: date) -> str:
    """How it ended, in a line.

    'Quill Labs (Data Engineer) said no on 3 Mar 2026 (reason: skills) — you planned to reapply from 1 Jun 2026'.
    """
    application = ending.application
    who = f"{application.company} ({application.role})"
    if ending.stage is Stage.GHOSTED:
        line = f"{who} never replied: marked ghosted on {_day(ending.day)}"
    else:
        line = f"{who} said no on {_day(ending.day)}"
    if ending.reason is not None and ending.reason is not RejectionReason.UNKNOWN:
        line += f" (reason: {ending.reason.value})"
    if ending.reapply_after is not None:
        line += f" — you planned to reapply from {_day(ending.reapply_after)}"
        if ending.reapply_after <= today:
            line += ", and that day has come"
    return line


def _role_name(role: str) -> str:
    """A job title for matching: normalised, its shorthand spelled out."""
    return " ".join(ROLE_ABBREVIATIONS.get(word, word) for word in normalise(role).split())


def _same_level(first: str, second: str) -> bool:
    """Both roles name the same level, or one of them names none."""
    first_level = SENIORITY_WORDS.intersection(first.split())
    second_level = SENIORITY_WORDS.intersection(second.split())
    return not first_level or not second_level or first_level == second_level


def _similarity(first: str, second: str) -> float:
    return SequenceMatcher(None, first, second).ratio()


def _at_least_as_similar(first: str, second: str, least: float) -> bool:
    """`_similarity(first, second) >= least`, without the full comparison when a bound already says no."""
    if first == second:
        return True
    total = len(first) + len(second)
    if total == 0 or 2 * min(len(first), len(second)) / total < least:
        return False
    matcher = SequenceMatcher(None, first, second)
    return matcher.quick_ratio() >= least and matcher.ratio() >= least


def _contains(first: str, second: str) -> bool:
    """One role's words appear, in order and whole, inside the other's."""
    return f" {first} " in f" {second} " or f" {second} " in f" {first} "


def _day(day: date) -> str:
    return f"{day.day} {day:%b %Y}"
