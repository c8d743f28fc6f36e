"""Safety nets before adding an application: the same job already tracked, a company that recently said no."""

from __future__ import annotations

from datetime import date, datetime, time
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tui.core.models import Application, RejectionReason, Settings, Stage, StageChange
from tui.core.safety import (
    Ending,
    company_name,
    describe_ending,
    describe_similar,
    normalise,
    recent_endings,
    similar_applications,
)
from tui.core.search import JobSearch

UTC = ZoneInfo("UTC")
STAMP = datetime(2026, 1, 1, 9, 0, tzinfo=UTC)
TODAY = date(2026, 3, 15)


def application(
    company: str, role: str = "Data Engineer", ended: tuple[Stage, date] | None = None, **fields: object
) -> Application:
    applied = date(2026, 3, 3)
    history = [StageChange(stage=Stage.APPLIED, at=datetime.combine(applied, time(12), UTC), day=applied)]
    if ended is not None:
        stage, day = ended
        history.append(StageChange(stage=stage, at=datetime.combine(day, time(12), UTC), day=day))
    values: dict[str, object] = {
        "company": company,
        "role": role,
        "applied_on": applied,
        "stage": history[-1].stage,
        "stage_history": history,
        "created_at": STAMP,
        "updated_at": STAMP,
    }
    return Application.model_validate({**values, **fields})


def search_of(*applications: Application) -> JobSearch:
    return JobSearch(settings=Settings(created_at=STAMP, updated_at=STAMP), applications=applications)


# --- the same job, tracked already ------------------------------------------------------------


@pytest.mark.parametrize(
    ("company", "role"),
    [
        ("Quill Labs", "Data Engineer"),
        ("quill labs inc.", "Data Engineer"),
        ("Quill Labs, Inc", "data engineer"),
        ("Quil Labs", "Data Engineer"),  # a typo
        ("Quill Labs", "Sr. Data Engineer"),
        ("Quill Labs GmbH", "Senior Data Engineer"),
        ("Quill Labs", "Data Engineer II"),
        ("Quill Labs", "Engineer"),  # the same company, and one role inside the other
    ],
)
def test_the_same_job_written_differently_is_found(company: str, role: str) -> None:
    tracked = application("Quill Labs", "Data Engineer")
    assert similar_applications(search_of(tracked), company, role) == [tracked]


@pytest.mark.parametrize(
    ("company", "role"),
    [
        ("Quill Labs", "Data Analyst"),
        ("Quill Labs", "Product Manager"),
        ("Quill Ventures", "Data Engineer"),
        ("Orbit", "Data Engineer"),
    ],
)
def test_a_different_job_or_company_is_not_flagged(company: str, role: str) -> None:
    assert similar_applications(search_of(application("Quill Labs", "Data Engineer")), company, role) == []


@pytest.mark.parametrize(
    ("tracked_role", "role"),
    [
        ("Senior Data Engineer", "Staff Data Engineer"),
        ("Sr. Data Engineer", "Lead Data Engineer"),
        ("Junior Data Engineer", "Senior Data Engineer"),
        ("Data Engineer Intern", "Data Engineer II"),
        ("Lead Data Engineer", "Head of Data Engineering"),
        ("Data Engineer II", "Data Engineer III"),
        ("Staff Engineer", "Senior Staff Engineer"),
    ],
)
def test_a_different_level_is_a_different_job(tracked_role: str, role: str) -> None:
    """Seniority is part of the role: "Staff" is not "Senior", however alike the rest of the title."""
    tracked = application("Quill Labs", tracked_role)
    assert similar_applications(search_of(tracked), "Quill Labs", role) == []


@pytest.mark.parametrize(
    ("tracked_role", "role"),
    [
        ("Senior Data Engineer", "Sr Data Engineer"),
        ("Staff Data Engineer", "staff data engineer"),
        ("Data Engineer", "Senior Data Engineer"),  # one title says no level: it may be the same posting
    ],
)
def test_the_same_level_written_differently_is_still_the_same_job(tracked_role: str, role: str) -> None:
    tracked = application("Quill Labs", tracked_role)
    assert similar_applications(search_of(tracked), "Quill Labs", role) == [tracked]


def test_a_company_and_its_legal_form_are_one_company() -> None:
    tracked = application("Acme", "Backend Engineer")
    assert similar_applications(search_of(tracked), "Acme Corp", "Backend Engineer") == [tracked]


def test_similar_names_of_different_companies_are_told_apart() -> None:
    tracked = application("Stripe", "Backend Engineer")
    assert similar_applications(search_of(tracked), "Strava", "Backend Engineer") == []


def test_frontend_and_backend_roles_are_different_jobs() -> None:
    tracked = application("Acme", "Backend Engineer")
    assert similar_applications(search_of(tracked), "Acme", "Frontend Engineer") == []


def test_a_role_inside_another_at_a_merely_similar_company_is_not_enough() -> None:
    tracked = application("Quill Labs", "Engineer")
    assert similar_applications(search_of(tracked), "Quil Labs", "Staff Platform Engineer") == []


def test_the_newest_similar_application_comes_first() -> None:
    older = application("Quill Labs", created_at=STAMP, updated_at=STAMP)
    newer = application(
        "Quill Labs Inc", created_at=datetime(2026, 2, 1, tzinfo=UTC), updated_at=datetime(2026, 2, 1, tzinfo=UTC)
    )
    assert similar_applications(search_of(older, newer), "Quill Labs", "Data Engineer") == [newer, older]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Tell me about yourself.", "tell me about yourself"),
        ("  What's   YOUR  name?!", "whats your name"),
        ("quill-labs", "quill labs"),
    ],
)
def test_normalise_drops_case_punctuation_and_extra_spaces(text: str, expected: str) -> None:
    assert normalise(text) == expected


@pytest.mark.parametrize(
    ("name", "expected"),
    [("Acme Corp.", "acme"), ("Quill Labs Co. Ltd", "quill labs"), ("Co", "co"), ("Company", "company")],
)
def test_a_company_name_loses_its_legal_form_but_never_all_of_itself(name: str, expected: str) -> None:
    assert company_name(name) == expected


@given(
    company=st.text(min_size=1, max_size=30).filter(str.strip),
    role=st.text(min_size=1, max_size=30).filter(str.strip),
)
def test_an_application_is_always_similar_to_itself(company: str, role: str) -> None:
    tracked = application(company, role)
    assert similar_applications(search_of(tracked), company, role) == [tracked]


def test_describe_similar_names_the_job_its_id_and_where_it_stands() -> None:
    tracked = application("Quill Labs", stage=Stage.INTERVIEWING)
    assert describe_similar(tracked) == (
        f"Already tracked: Quill Labs — Data Engineer ({tracked.short_id}), applied 3 Mar 2026, now interviewing"
    )
    saved = application("Quill Labs", applied_on=None, stage=Stage.SAVED)
    assert describe_similar(saved) == f"Already tracked: Quill Labs — Data Engineer ({saved.short_id}), now saved"


# --- a company that recently said no or went silent -------------------------------------------


def test_a_recent_no_from_the_same_company_is_shown_with_its_reason_and_reapply_day() -> None:
    no = application(
        "Quill Labs Inc.",
        ended=(Stage.REJECTED, date(2026, 3, 3)),
        rejection_reason=RejectionReason.SKILLS,
        reapply_after=date(2026, 6, 1),
    )
    [ending] = recent_endings(search_of(no), "Quill Labs", TODAY, 6)
    assert ending == Ending(no, Stage.REJECTED, date(2026, 3, 3), RejectionReason.SKILLS, date(2026, 6, 1))
    assert describe_ending(ending, TODAY) == (
        "Quill Labs Inc. (Data Engineer) said no on 3 Mar 2026 (reason: skills)"
        " — you planned to reapply from 1 Jun 2026"
    )


def test_a_reapply_day_that_has_come_is_said_so() -> None:
    no = application("Quill Labs", ended=(Stage.REJECTED, date(2025, 11, 3)), reapply_after=date(2026, 3, 1))
    [ending] = recent_endings(search_of(no), "Quill Labs", TODAY, 6)
    assert describe_ending(ending, TODAY).endswith("you planned to reapply from 1 Mar 2026, and that day has come")


def test_a_ghosted_application_is_an_ending_too() -> None:
    silent = application("Quill Labs", ended=(Stage.GHOSTED, date(2026, 2, 20)))
    [ending] = recent_endings(search_of(silent), "Quill Labs", TODAY, 6)
    assert ending.stage is Stage.GHOSTED
    assert describe_ending(ending, TODAY) == "Quill Labs (Data Engineer) never replied: marked ghosted on 20 Feb 2026"


def test_an_unknown_reason_is_not_spelled_out() -> None:
    no = application("Quill Labs", ended=(Stage.REJECTED, date(2026, 3, 3)), rejection_reason=RejectionReason.UNKNOWN)
    [ending] = recent_endings(search_of(no), "Quill Labs", TODAY, 6)
    assert "reason" not in describe_ending(ending, TODAY)


@pytest.mark.parametrize(
    ("ended_on", "months", "found"),
    [
        (date(2025, 9, 15), 6, True),  # exactly six months back
        (date(2025, 9, 14), 6, False),
        (date(2025, 12, 1), 3, False),
        (date(2026, 1, 1), 3, True),
    ],
)
def test_only_endings_within_the_months_asked_for_count(ended_on: date, months: int, found: bool) -> None:
    no = application("Quill Labs", ended=(Stage.REJECTED, ended_on))
    assert bool(recent_endings(search_of(no), "Quill Labs", TODAY, months)) is found


def test_an_application_still_open_or_at_another_company_is_no_ending() -> None:
    open_one = application("Quill Labs", stage=Stage.INTERVIEWING)
    elsewhere = application("Orbit", ended=(Stage.REJECTED, date(2026, 3, 3)))
    reopened = application("Quill Labs", ended=(Stage.REJECTED, date(2026, 3, 3)), stage=Stage.INTERVIEWING)
    assert recent_endings(search_of(open_one, elsewhere, reopened), "Quill Labs", TODAY, 6) == []


def test_endings_come_newest_first() -> None:
    first = application("Quill Labs", ended=(Stage.REJECTED, date(2025, 12, 1)))
    second = application("Quill Labs", "Analytics Engineer", ended=(Stage.GHOSTED, date(2026, 2, 1)))
    endings = recent_endings(search_of(first, second), "Quill Labs", TODAY, 6)
    assert [e.application for e in endings] == [second, first]


def test_an_ending_imported_without_its_move_counts_from_its_last_change() -> None:
    changed = datetime(2026, 2, 10, 9, tzinfo=UTC)
    imported = application("Quill Labs", stage=Stage.REJECTED, stage_history=[], updated_at=changed)
    [ending] = recent_endings(search_of(imported), "Quill Labs", TODAY, 6)
    assert ending.day == date(2026, 2, 10)
