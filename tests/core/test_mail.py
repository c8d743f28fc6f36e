"""Reading a recruiter's email: the corpus of tests/core/mail_corpus read email by email, and the rules' promises.

Each email of the corpus must be read as the kind expected.json gives, about the application it names, and an
invitation at its day and time. An email the rules are known to misread is an expected failure that must keep
failing (strict), with the reason beside it in expected.json: it is counted in the accuracy, not hidden.
"""

from __future__ import annotations

import dataclasses
import subprocess
import sys
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.support.mail_corpus import NOW, ZONE, Expected, corpus, mail_search, named
from tui.core.kinds import InterviewKind, Stage
from tui.core.mail import (
    EmailKind,
    MoveStage,
    NoChange,
    ScheduleInterview,
    SetNextStep,
    clean_text,
    corrected,
    parse_email,
    read_email,
)
from tui.core.models import Interview
from tui.core.search import JobSearch

CORPUS = corpus()
SEARCH = mail_search()


def _cases(part: str) -> list[object]:
    return [
        pytest.param(email, id=email.name, marks=pytest.mark.xfail(strict=True, reason=email.miss[part]))
        if part in email.miss
        else pytest.param(email, id=email.name)
        for email in CORPUS
    ]


def application(company: str, role: str) -> object:
    [found] = [a for a in SEARCH.applications if (a.company, a.role) == (company, role)]
    return found


# --- the corpus ------------------------------------------------------------------------------------------------


def test_the_corpus_is_big_and_varied_enough() -> None:
    kinds = {email.kind for email in CORPUS}
    assert len(CORPUS) >= 45
    assert kinds == {kind.value for kind in EmailKind}
    assert sum(email.written_after_the_rules for email in CORPUS) >= 10
    quill = {email.application for email in CORPUS if email.application and email.application.startswith("Quill")}
    assert len(quill) == 2  # two applications at one company, told apart


@pytest.mark.parametrize("email", _cases("kind"))
def test_each_email_is_read_as_its_kind(email: Expected) -> None:
    assert read_email(email.text, SEARCH, NOW, ZONE).kind.value == email.kind


@pytest.mark.parametrize("email", _cases("application"))
def test_each_email_is_about_its_application(email: Expected) -> None:
    assert named(read_email(email.text, SEARCH, NOW, ZONE).application) == email.application


@pytest.mark.parametrize("email", [case for case in _cases("at") if case.values[0].kind == "invitation"])  # type: ignore[attr-defined]
def test_each_invitation_is_read_at_its_day_and_time(email: Expected) -> None:
    understood = read_email(email.text, SEARCH, NOW, ZONE)
    assert understood.details.at == email.at
    if email.at is not None and understood.kind is EmailKind.INVITATION:
        assert understood.proposed == ScheduleInterview(
            email.at, understood.details.interview_kind, understood.details.people
        )


@pytest.mark.parametrize("email", [email for email in CORPUS if email.people is not None], ids=lambda e: e.name)
def test_the_people_an_invitation_names_are_kept(email: Expected) -> None:
    assert read_email(email.text, SEARCH, NOW, ZONE).details.people == email.people


def test_every_reading_says_why() -> None:
    for email in CORPUS:
        understood = read_email(email.text, SEARCH, NOW, ZONE)
        if understood.kind is not EmailKind.UNKNOWN:
            assert understood.kind_reasons, email.name
            written = " ".join(clean_text(email.text).split()).casefold()
            assert all(reason.phrase.casefold() in written for reason in understood.kind_reasons), email.name
        if understood.application is not None:
            assert understood.application_reasons, email.name


# --- taking an email apart -------------------------------------------------------------------------------------


def test_html_leftovers_are_read_as_text() -> None:
    assert clean_text("<p>Hi&nbsp;Sam,</p><p>we won&#39;t <b>go</b> on</p>") == "\nHi Sam,\n\nwe won't go on\n"
    assert clean_text("Dana Ruiz <dana@quill-labs.com>") == "Dana Ruiz <dana@quill-labs.com>"


def test_a_forwarded_email_is_read_from_its_original_headers() -> None:
    email = parse_email(CORPUS_TEXT["05-rejection-forwarded-tidal"])
    assert email.address == "jonas.weber@tidalhealth.com"
    assert email.subject == "Machine Learning Engineer at Tidal Health"
    assert email.date_line == "Thu, Mar 12, 2026 at 6:20 PM"
    assert "ugh" not in email.body and email.body.startswith("Hello Sam,")


def test_quoted_replies_are_left_out_and_the_reply_kept() -> None:
    email = parse_email(CORPUS_TEXT["24-invite-reply-quoted-quill-data"])
    assert "Monday 23 March" not in email.body  # what I wrote, quoted below their answer
    reply_chain = parse_email(CORPUS_TEXT["12-rejection-reply-chain-northwind"])
    assert "Friday at 11:00" not in reply_chain.body and "Go experience" in reply_chain.body


def test_an_email_quoted_whole_is_still_read() -> None:
    email = parse_email(CORPUS_TEXT["53-rejection-wrapped-lines-tidal"])
    assert email.address == "talent@tidalhealth.com"
    assert email.body.startswith("Dear Sam")


# --- days and times -----------------------------------------------------------------------------------------------

INVITE = "We would like to invite you to an interview on Wednesday at 10:30.\n\nBest, Quill Labs"


def test_a_weekday_counts_from_the_email_date_or_else_from_now() -> None:
    dated = f"Date: Mon, 9 Mar 2026 08:00:00 +0000\nSubject: Interview\n\n{INVITE}"
    assert read_email(dated, SEARCH, NOW, ZONE).details.at == datetime(2026, 3, 11, 10, 30, tzinfo=ZONE)
    assert read_email(INVITE, SEARCH, NOW, ZONE).details.at == datetime(2026, 3, 18, 10, 30, tzinfo=ZONE)


def test_the_weekday_it_was_sent_on_means_the_next_one() -> None:
    sent_wednesday = f"Date: Wed, 11 Mar 2026 08:00:00 +0000\n\n{INVITE}"
    assert read_email(sent_wednesday, SEARCH, NOW, ZONE).details.at == datetime(2026, 3, 18, 10, 30, tzinfo=ZONE)


def test_a_time_zone_named_in_the_email_is_turned_into_yours() -> None:
    text = "We would like to invite you to an interview on 17 March at 14:00 CET. Quill Labs"
    berlin = ZoneInfo("Europe/Berlin")
    assert read_email(text, SEARCH, NOW, ZONE).details.at == datetime(2026, 3, 17, 13, 0, tzinfo=ZONE)
    assert read_email(text, SEARCH, NOW, berlin).details.at == datetime(2026, 3, 17, 14, 0, tzinfo=berlin)
    plain = text.replace(" CET", "")
    assert read_email(plain, SEARCH, NOW, berlin).details.at == datetime(2026, 3, 17, 14, 0, tzinfo=berlin)


def test_a_date_without_a_year_that_has_passed_is_next_years() -> None:
    text = "Date: Mon, 28 Dec 2026 09:00:00 +0000\n\nCould we schedule your interview on 5 January at 9:00? Quill Labs"
    assert read_email(text, SEARCH, NOW, ZONE).details.at == datetime(2027, 1, 5, 9, 0, tzinfo=ZONE)


def test_a_reply_by_day_is_not_the_interview_day() -> None:
    text = "We would like to invite you to an interview. Please reply by Friday with your availability. Quill Labs"
    understood = read_email(text, SEARCH, NOW, ZONE)
    assert understood.kind is EmailKind.INVITATION
    assert (understood.details.at, understood.details.day) == (None, None)


# --- what is proposed ---------------------------------------------------------------------------------------------


def _read(name: str, search: JobSearch = SEARCH) -> object:
    return read_email(CORPUS_TEXT[name], search, NOW, ZONE)


def test_a_no_proposes_the_move_to_rejected_and_the_comeback() -> None:
    assert _read("02-rejection-casual-northwind").proposed == MoveStage(Stage.REJECTED, comeback=True)


def test_a_no_for_an_application_already_rejected_changes_nothing() -> None:
    proposed = _read("11-rejection-again-mossgrove").proposed
    assert proposed == NoChange("Mossgrove Bank is already at rejected")


def test_an_offer_proposes_the_move_to_offer() -> None:
    assert _read("35-offer-formal-helio").proposed == MoveStage(Stage.OFFER)


def test_an_invitation_with_a_time_proposes_the_interview_with_its_kind_and_people() -> None:
    proposed = _read("17-invite-forwarded-onsite-helio").proposed
    assert proposed == ScheduleInterview(
        datetime(2026, 3, 20, 10, 0, tzinfo=ZONE), InterviewKind.ON_SITE, ("Tom Becker", "Ana Sousa")
    )


def test_an_interview_already_booked_is_not_booked_twice() -> None:
    understood = _read("21-invite-iso-date-quill-analytics")
    assert isinstance(understood.proposed, ScheduleInterview)
    assert understood.application is not None
    held = Interview(
        application_id=understood.application.id,
        at=understood.proposed.at,
        timezone="UTC",
        day=understood.proposed.at.date(),
        created_at=NOW,
        updated_at=NOW,
    )
    search = dataclasses.replace(SEARCH, interviews=(*SEARCH.interviews, held))
    assert _read("21-invite-iso-date-quill-analytics", search).proposed == NoChange(
        "that interview is already in your records"
    )


def test_an_invitation_without_a_time_asks_you_to_reply_with_times() -> None:
    assert _read("16-invite-no-time-northwind").proposed == SetNextStep(
        "Reply with times for the interview", NOW.date()
    )


def test_a_request_becomes_the_next_step_due_when_they_said() -> None:
    assert _read("27-request-references-quill-data").proposed == SetNextStep(
        "Send your references", date(2026, 3, 13)
    )  # "by Friday", sent on Tuesday 10 March
    assert _read("31-request-take-home-kestrel").proposed == SetNextStep(
        "Do the assignment they sent", date(2026, 3, 16)
    )  # "within 5 days" of Wednesday 11 March


def test_an_automatic_reply_and_a_newsletter_change_nothing() -> None:
    assert isinstance(_read("40-received-workday-tidal").proposed, NoChange)
    newsletter = _read("45-newsletter-job-alert")
    assert isinstance(newsletter.proposed, NoChange)
    assert newsletter.application is None  # it names Quill Labs and a data engineer role, but it is an alert


def test_two_applications_at_one_company_and_no_role_said_are_both_offered() -> None:
    understood = _read("13-rejection-quill-role-not-said")
    assert understood.application is None
    assert {a.role for a in understood.candidates} == {"Data Engineer", "Analytics Engineer"}


def test_of_two_at_one_company_the_one_still_open_is_chosen() -> None:
    closed = tuple(
        a.model_copy(update={"stage": Stage.REJECTED}) if a.role == "Analytics Engineer" else a
        for a in SEARCH.applications
    )
    understood = _read("13-rejection-quill-role-not-said", dataclasses.replace(SEARCH, applications=closed))
    assert named(understood.application) == "Quill Labs / Data Engineer"
    assert any("still open" in reason.means for reason in understood.application_reasons)


def test_a_wrong_guess_is_corrected() -> None:
    understood = _read("41-received-short-kestrel")
    other = application("Quill Labs", "Analytics Engineer")
    fixed = corrected(understood, SEARCH, NOW, kind=EmailKind.REJECTION, application=other)  # type: ignore[arg-type]
    assert fixed.kind is EmailKind.REJECTION and fixed.application is other
    assert fixed.proposed == MoveStage(Stage.REJECTED, comeback=True)
    assert [reason.means for reason in fixed.reasons] == ["as you said", "which application: as you said"]
    later = datetime(2026, 3, 20, 9, 0, tzinfo=ZONE)
    booked = corrected(fixed, SEARCH, NOW, kind=EmailKind.INVITATION, at=later)
    assert isinstance(booked.proposed, ScheduleInterview) and booked.proposed.at == later


# --- properties ---------------------------------------------------------------------------------------------------

CORPUS_TEXT = {email.name: email.text for email in CORPUS}
READ_RIGHT = [email for email in CORPUS if not email.miss]
# Words with no signal of any kind, no company of the search and no day or time.
NEUTRAL = [
    "the",
    "garden",
    "blue",
    "river",
    "lunch",
    "table",
    "a",
    "quiet",
    "morning",
    "walk",
    "book",
    "and",
    "weather",
    "green",
    "tea",
    "bicycle",
    "window",
    "cat",
    "photos",
    "holiday",
    "rain",
    "of",
    "we",
    "you",
]


@settings(max_examples=300)
@given(st.text(max_size=3000))
def test_any_text_is_read_without_raising(text: str) -> None:
    understood = read_email(text, SEARCH, NOW, ZONE)
    assert understood.kind in EmailKind


@settings(max_examples=100)
@given(st.lists(st.sampled_from(NEUTRAL), max_size=200).map(" ".join))
def test_text_with_no_signal_is_unknown_and_changes_nothing(text: str) -> None:
    understood = read_email(text, SEARCH, NOW, ZONE)
    assert (understood.kind, understood.application) == (EmailKind.UNKNOWN, None)
    assert isinstance(understood.proposed, NoChange)


@settings(max_examples=60)
@given(st.sampled_from(READ_RIGHT), st.sampled_from(["fyi", "", "see below — what do you think?"]))
def test_forwarding_an_email_changes_nothing_of_its_reading(email: Expected, note: str) -> None:
    forwarded = (
        f"From: Sam Carter <sam@example.com>\nSubject: Fwd: something\n\n{note}\n\n"
        f"---------- Forwarded message ---------\n{email.text}"
    )
    original = read_email(email.text, SEARCH, NOW, ZONE)
    again = read_email(forwarded, SEARCH, NOW, ZONE)
    assert (again.kind, again.application, again.details.at) == (
        original.kind,
        original.application,
        original.details.at,
    )


@settings(max_examples=60)
@given(st.sampled_from(READ_RIGHT))
def test_an_email_copied_out_of_html_reads_the_same(email: Expected) -> None:
    head, _, body = email.text.partition("\n\n")
    if not head.lower().startswith(("from:", "subject:", "date:")):
        head, body = "", email.text
    as_html = "<div>" + body.replace("\n", "<br>").replace("&", "&amp;").replace(". ", ".&nbsp;") + "</div>"
    understood = read_email(f"{head}\n\n{as_html}" if head else as_html, SEARCH, NOW, ZONE)
    assert (understood.kind.value, named(understood.application)) == (email.kind, email.application)


def test_the_reading_loads_no_pydantic() -> None:
    loaded = subprocess.run(
        [sys.executable, "-c", "import sys, tui.core.mail; print('pydantic' in sys.modules)"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert loaded.stdout.strip() == "False"
