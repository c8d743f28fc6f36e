"""Drafts: the shipped templates fill in completely, and each names who it is for and why."""

from __future__ import annotations

import dataclasses
import re
from datetime import date, datetime, time
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tui.content import DRAFT_FILES, draft_templates
from tui.core.drafts import Draft, DraftKind, write_draft
from tui.core.models import Application, Contact, Interview, InterviewKind, Settings, Stage
from tui.core.search import JobSearch
from tui.locations import data_dir

UTC = ZoneInfo("UTC")
STAMP = datetime(2026, 1, 1, 9, 0, tzinfo=UTC)
TODAY = date(2026, 3, 15)


def quill_labs(**fields: object) -> Application:
    values: dict[str, object] = {
        "company": "Quill Labs",
        "role": "Data Engineer",
        "applied_on": date(2026, 3, 3),
        "stage": Stage.REJECTED,
        "created_at": STAMP,
        "updated_at": STAMP,
    }
    return Application.model_validate({**values, **fields})


def interview(application: Application, day: date, people: list[str], **fields: object) -> Interview:
    at = datetime.combine(day, time(14), UTC)
    return Interview.model_validate(
        {
            "application_id": application.id,
            "at": at,
            "timezone": "UTC",
            "day": day,
            "people": people,
            "created_at": STAMP,
            "updated_at": STAMP,
            **fields,
        }
    )


def search_of(
    *applications: Application,
    interviews: tuple[Interview, ...] = (),
    contacts: tuple[Contact, ...] = (),
    your_name: str = "Alex Morgan",
) -> JobSearch:
    settings = Settings(your_name=your_name, created_at=STAMP, updated_at=STAMP)
    return JobSearch(settings=settings, applications=applications, interviews=interviews, contacts=contacts)


def draft(kind: DraftKind, search: JobSearch, application: Application, interview: Interview | None = None) -> Draft:
    return write_draft(draft_templates()[kind], kind, search, application, TODAY, interview)


# --- the shipped templates --------------------------------------------------------------------


def test_there_is_a_template_file_for_every_kind_of_draft() -> None:
    assert set(DRAFT_FILES) == set(DraftKind)
    for name in DRAFT_FILES.values():
        assert (data_dir() / "drafts" / name).is_file()


@pytest.mark.parametrize("kind", list(DraftKind))
def test_every_template_has_a_subject_line_then_a_blank_line(kind: DraftKind) -> None:
    lines = draft_templates()[kind].splitlines()
    assert lines[0].startswith("Subject: ")
    assert lines[1] == ""
    assert lines[2].strip()


@pytest.mark.parametrize("kind", list(DraftKind))
@pytest.mark.parametrize("with_interview", [True, False])
def test_every_template_fills_with_nothing_left_over(kind: DraftKind, with_interview: bool) -> None:
    quill = quill_labs()
    talks = (interview(quill, date(2026, 3, 10), ["Dana"]),) if with_interview else ()
    written = draft(kind, search_of(quill, interviews=talks), quill)
    assert "$" not in written.text
    assert "Quill Labs" in written.text
    assert "Data Engineer" in written.text
    assert written.text.rstrip().endswith("Alex Morgan")
    assert written.kind is kind


def test_the_draft_text_is_the_subject_a_blank_line_and_the_body() -> None:
    quill = quill_labs()
    written = draft(DraftKind.FOLLOW_UP, search_of(quill), quill)
    assert written.text == f"Subject: {written.subject}\n\n{written.body}"
    assert not written.subject.startswith("Subject")


# --- what each draft says ---------------------------------------------------------------------


def test_the_feedback_request_names_the_company_the_role_and_the_people_met() -> None:
    quill = quill_labs()
    talks = (
        interview(quill, date(2026, 3, 5), ["Dana Reyes"]),
        interview(quill, date(2026, 3, 10), ["Sam Ortiz", "Dana Reyes"], round=2),
    )
    written = draft(DraftKind.FEEDBACK, search_of(quill, interviews=talks), quill)
    assert written.body.startswith("Hi Dana and Sam,")
    assert "Quill Labs" in written.body
    assert "Data Engineer" in written.subject + written.body


def test_the_feedback_request_greets_only_the_people_of_interviews_held() -> None:
    quill = quill_labs()
    held = interview(quill, date(2026, 3, 5), ["Dana Reyes"])
    called_off = interview(quill, date(2026, 3, 12), ["Sam Ortiz"], round=2, cancelled=True)
    ahead = interview(quill, date(2026, 3, 20), ["Priya Nair"], round=3, kind=InterviewKind.ON_SITE)
    written = draft(DraftKind.FEEDBACK, search_of(quill, interviews=(held, called_off, ahead)), quill)
    assert written.body.startswith("Hi Dana,")
    # Judged by the moment given: the 20 March interview, at 14:00, was not held at 13:00 that day.
    before = datetime(2026, 3, 20, 13, 0, tzinfo=UTC)
    kind = DraftKind.FEEDBACK
    search = search_of(quill, interviews=(held, ahead))
    assert write_draft(draft_templates()[kind], kind, search, quill, date(2026, 3, 20), now=before).body.startswith(
        "Hi Dana,"
    )


def test_the_thank_you_never_thanks_for_an_interview_not_held() -> None:
    quill = quill_labs(stage=Stage.INTERVIEWING)
    held = interview(quill, date(2026, 3, 5), ["Dana"], kind=InterviewKind.PHONE)
    ahead = interview(quill, date(2026, 3, 20), ["Priya"], round=2, kind=InterviewKind.ON_SITE)
    written = draft(DraftKind.THANK_YOU, search_of(quill, interviews=(held, ahead)), quill)
    assert written.body.startswith("Hi Dana,")
    assert "5 March" in written.body and "phone interview" in written.body


def test_the_follow_up_says_when_you_applied() -> None:
    quill = quill_labs(stage=Stage.APPLIED)
    written = draft(DraftKind.FOLLOW_UP, search_of(quill), quill)
    assert "3 March" in written.body
    assert written.body.startswith("Hello,")


def test_the_follow_up_greets_the_contacts_at_the_company() -> None:
    quill = quill_labs(stage=Stage.APPLIED)
    priya = Contact(name="Priya Natarajan", company="Quill Labs", created_at=STAMP, updated_at=STAMP)
    elsewhere = Contact(name="Jo Park", company="Orbit", created_at=STAMP, updated_at=STAMP)
    written = draft(DraftKind.FOLLOW_UP, search_of(quill, contacts=(priya, elsewhere)), quill)
    assert written.body.startswith("Hi Priya,")


def test_the_thank_you_uses_the_latest_interview_when_none_is_given() -> None:
    quill = quill_labs(stage=Stage.INTERVIEWING)
    first = interview(quill, date(2026, 3, 5), ["Dana"])
    latest = interview(quill, date(2026, 3, 12), ["Sam", "Lee", "Dr. Okafor"], kind=InterviewKind.PANEL, round=3)
    written = draft(DraftKind.THANK_YOU, search_of(quill, interviews=(latest, first)), quill)
    assert written.body.startswith("Hi Sam, Lee and Dr. Okafor,")
    assert "12 March" in written.text
    assert "panel interview" in written.body
    assert "round 3" in written.body


def test_the_thank_you_for_a_given_interview_thanks_its_people() -> None:
    quill = quill_labs(stage=Stage.INTERVIEWING)
    first = interview(quill, date(2026, 3, 5), ["Dana"], kind=InterviewKind.PHONE)
    latest = interview(quill, date(2026, 3, 12), ["Sam"])
    written = draft(DraftKind.THANK_YOU, search_of(quill, interviews=(first, latest)), quill, first)
    assert written.body.startswith("Hi Dana,")
    assert "5 March" in written.body
    assert "phone interview" in written.body


def test_an_unsigned_draft_leaves_a_place_for_your_name() -> None:
    quill = quill_labs()
    written = draft(DraftKind.FEEDBACK, search_of(quill, your_name=""), quill)
    assert written.body.rstrip().endswith("[your name]")


def test_a_placeholder_we_do_not_know_is_left_for_the_person_to_fill() -> None:
    quill = quill_labs()
    written = write_draft(
        "Subject: Hi $company\n\nSee $portfolio_link\n", DraftKind.FOLLOW_UP, search_of(quill), quill, TODAY
    )
    assert written.subject == "Hi Quill Labs"
    assert written.body == "See $portfolio_link\n"


def test_a_template_without_a_subject_line_is_refused() -> None:
    quill = quill_labs()
    with pytest.raises(ValueError, match="Subject:"):
        write_draft("Hello $company\n", DraftKind.FOLLOW_UP, search_of(quill), quill, TODAY)


names = st.from_regex(r"\A[A-Z][a-z]{1,8}( [A-Z][a-z]{1,8})?\Z")


@given(
    company=st.text(min_size=1, max_size=40).filter(str.strip),
    role=st.text(min_size=1, max_size=40).filter(str.strip),
    people=st.lists(names, max_size=4),
    kind=st.sampled_from(DraftKind),
)
def test_any_application_fills_every_template(company: str, role: str, people: list[str], kind: DraftKind) -> None:
    quill = quill_labs(company=company, role=role)
    talks = (interview(quill, date(2026, 3, 10), people),)
    written = draft(kind, search_of(quill, interviews=talks), quill)
    template_fields = set(re.findall(r"\$(\w+)", draft_templates()[kind]))
    assert template_fields  # the templates do fill something in
    leftover = written.text.replace(company, "").replace(role, "")
    assert "$" not in leftover
    assert re.match(r"(Hi [^\n]+|Hello),\n", written.body)


def test_each_draft_kind_is_distinct() -> None:
    quill = quill_labs()
    search = dataclasses.replace(search_of(quill), interviews=(interview(quill, date(2026, 3, 10), ["Dana"]),))
    subjects = {draft(kind, search, quill).subject for kind in DraftKind}
    assert len(subjects) == len(DraftKind)
