"""Interviews: typing the questions asked, the question bank across interviews, and how far an application got."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, time
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tui.core.interviews import (
    BankEntry,
    QuestionParseError,
    called_off,
    describe_interviews,
    describe_reach,
    format_questions,
    interviews_ahead,
    is_held,
    parse_questions,
    question_bank,
    rounds_reached,
)
from tui.core.models import Application, Interview, InterviewKind, Question, Settings, Stage, StageChange
from tui.core.search import JobSearch

UTC = ZoneInfo("UTC")
STAMP = datetime(2026, 1, 1, 9, 0, tzinfo=UTC)
SETTINGS = Settings(created_at=STAMP, updated_at=STAMP)


def noon(day: date) -> datetime:
    return datetime.combine(day, time(12), UTC)


def application(
    company: str = "Quill Labs", moves: tuple[tuple[Stage, date], ...] = (), **fields: object
) -> Application:
    """An application sent on 1 March, then moved as `moves` say (or given its whole `stage_history`)."""
    applied = date(2026, 3, 1)
    history = [StageChange(stage=Stage.APPLIED, at=noon(applied), day=applied)]
    history += [StageChange(stage=stage, at=noon(day), day=day) for stage, day in moves]
    values: dict[str, object] = {
        "company": company,
        "role": "Data Engineer",
        "applied_on": applied,
        "stage": history[-1].stage,
        "stage_history": history,
        "created_at": STAMP,
        "updated_at": STAMP,
    }
    return Application.model_validate({**values, **fields})


def interview(app: Application, day: date, questions: Sequence[Question] = (), **fields: object) -> Interview:
    return Interview.model_validate(
        {
            "application_id": app.id,
            "at": noon(day),
            "timezone": "UTC",
            "day": day,
            "questions": list(questions),
            "created_at": STAMP,
            "updated_at": STAMP,
            **fields,
        }
    )


def asked(text: str, rating: int | None = None) -> Question:
    return Question(text=text, rating=rating)


def search_of(applications: list[Application], interviews: Sequence[Interview] = ()) -> JobSearch:
    return JobSearch(settings=SETTINGS, applications=tuple(applications), interviews=tuple(interviews))


# --- typing the questions ---------------------------------------------------------------------


def test_questions_are_read_one_a_line_with_an_optional_rating_and_note() -> None:
    text = """
    Tell me about yourself
    Design a rate limiter | 2
    Why this company? | I talked about their open-source work
    Explain window functions | 4 | used the running-total example

    What is your notice period? | | one month
    """
    assert parse_questions(text) == [
        Question(text="Tell me about yourself"),
        Question(text="Design a rate limiter", rating=2),
        Question(text="Why this company?", answer="I talked about their open-source work"),
        Question(text="Explain window functions", rating=4, answer="used the running-total example"),
        Question(text="What is your notice period?", answer="one month"),
    ]


def test_a_note_after_the_rating_may_hold_bars_of_its_own() -> None:
    [question] = parse_questions("Pipes? | 3 | I said a | b is a union")
    assert question.answer == "I said a | b is a union"


def test_no_text_means_no_questions() -> None:
    assert parse_questions("") == []
    assert parse_questions("\n   \n") == []


@pytest.mark.parametrize(
    ("text", "line", "problem"),
    [
        ("Tell me about yourself | 7", 1, "rating '7'"),
        ("First\nSecond | 0 | note", 2, "rating '0'"),
        ("First\n\nThird | six | note", 3, "rating 'six'"),
        ("| 4 | a note with no question", 1, "question is missing"),
        ("ok\n" + "x" * 501, 2, "question is too long"),
        ("ok | 3 | " + "x" * 2001, 1, "note is too long"),
    ],
)
def test_an_unreadable_line_is_named_with_what_is_accepted(text: str, line: int, problem: str) -> None:
    with pytest.raises(QuestionParseError) as refused:
        parse_questions(text)
    message = str(refused.value)
    assert message.startswith(f"line {line}: ")
    assert problem in message
    assert "question | rating | note" in message
    assert "\n" not in message


def test_a_refusal_is_a_value_error() -> None:
    assert issubclass(QuestionParseError, ValueError)


def test_questions_are_written_back_one_a_line() -> None:
    questions = [
        Question(text="Tell me about yourself"),
        Question(text="Design a rate limiter", rating=2),
        Question(text="Notice period?", answer="4"),  # a note that looks like a rating stays a note
        Question(text="Window functions", rating=5, answer="running total\nand a rank"),
    ]
    text = format_questions(questions)
    assert text == (
        "Tell me about yourself\nDesign a rate limiter | 2\nNotice period? | | 4\n"
        "Window functions | 5 | running total and a rank"
    )


single_line = st.text(st.characters(blacklist_categories=("Cc", "Cs", "Zl", "Zp")), min_size=1, max_size=60)
questions = st.builds(
    Question,
    text=single_line.map(lambda t: " ".join(t.replace("|", "/").split())).filter(bool),
    rating=st.one_of(st.none(), st.integers(1, 5)),
    answer=st.one_of(st.just(""), single_line.map(lambda t: " ".join(t.split()))),
)


@given(st.lists(questions, max_size=8))
def test_written_questions_read_back_the_same(written: list[Question]) -> None:
    assert parse_questions(format_questions(written)) == written


# --- the question bank ------------------------------------------------------------------------


def test_the_bank_puts_the_most_asked_questions_first_and_groups_wordings() -> None:
    quill, orbit = application("Quill Labs"), application("Orbit")
    search = search_of(
        [quill, orbit],
        [
            interview(quill, date(2026, 3, 5), [asked("Tell me about yourself.", 3), asked("Why data?")]),
            interview(orbit, date(2026, 3, 9), [asked("tell me about  yourself", 5), asked("Design a queue", 2)]),
            interview(quill, date(2026, 3, 12), [asked("Tell me about yourself!"), asked("Why Quill?", 4)]),
        ],
    )
    bank = question_bank(search)
    top = bank.frequent[0]
    assert top == BankEntry(
        text="Tell me about yourself!",  # the most recent wording
        asked=3,
        average_rating=4.0,
        last_asked=date(2026, 3, 12),
        companies=("Quill Labs", "Orbit"),
    )
    # asked once each: the most recent first
    assert [e.text for e in bank.frequent[1:]] == ["Why Quill?", "Design a queue", "Why data?"]


def test_the_weakest_questions_are_the_lowest_rated_and_only_rated_ones() -> None:
    quill = application()
    search = search_of(
        [quill],
        [
            interview(quill, date(2026, 3, 5), [asked("Design a queue", 1), asked("Why data?"), asked("SQL joins", 4)]),
            interview(quill, date(2026, 3, 9), [asked("Design a queue", 3)]),
            interview(quill, date(2026, 3, 12), [asked("Estimate a market", 2)]),
        ],
    )
    weakest = question_bank(search).weakest
    assert [(e.text, e.average_rating) for e in weakest] == [
        ("Estimate a market", 2.0),  # tied with the queue: the more recently asked first
        ("Design a queue", 2.0),
        ("SQL joins", 4.0),
    ]


def test_an_empty_search_has_an_empty_bank() -> None:
    bank = question_bank(search_of([]))
    assert bank.frequent == [] and bank.weakest == []


# --- how far it got ---------------------------------------------------------------------------

NO = date(2026, 3, 20)
AFTER_THE_NO = noon(NO)  # the moment the no was recorded


def test_a_no_at_the_first_step() -> None:
    quill = application(moves=((Stage.REJECTED, NO),))
    assert describe_reach(search_of([quill]), quill, AFTER_THE_NO) == (
        "You got as far as sending it — a no at the first step is the most common kind"
    )


def test_a_no_after_a_screening_call() -> None:
    quill = application(moves=((Stage.SCREENING, date(2026, 3, 5)), (Stage.REJECTED, NO)))
    assert describe_reach(search_of([quill]), quill, AFTER_THE_NO).startswith("You reached a first screening call")


def test_a_no_after_later_rounds_names_the_interview_and_the_round() -> None:
    rounds = [
        StageChange(stage=Stage.APPLIED, at=noon(date(2026, 3, 1)), day=date(2026, 3, 1)),
        StageChange(stage=Stage.INTERVIEWING, at=noon(date(2026, 3, 8)), day=date(2026, 3, 8), round=1),
        StageChange(stage=Stage.INTERVIEWING, at=noon(date(2026, 3, 15)), day=date(2026, 3, 15), round=3),
        StageChange(stage=Stage.REJECTED, at=noon(NO), day=NO),
    ]
    quill = application(stage_history=rounds, stage=Stage.REJECTED)
    onsite = interview(quill, date(2026, 3, 16), kind=InterviewKind.ON_SITE, round=3)
    search = search_of([quill], [interview(quill, date(2026, 3, 9), kind=InterviewKind.PHONE), onsite])
    assert describe_reach(search, quill, AFTER_THE_NO).startswith("You reached the on-site interview, round 3")


def test_a_no_after_the_final_round_says_so() -> None:
    history = [
        StageChange(stage=Stage.APPLIED, at=noon(date(2026, 3, 1)), day=date(2026, 3, 1)),
        StageChange(stage=Stage.INTERVIEWING, at=noon(date(2026, 3, 8)), day=date(2026, 3, 8), round=2, final=True),
        StageChange(stage=Stage.REJECTED, at=noon(NO), day=NO),
    ]
    quill = application(stage_history=history, stage=Stage.REJECTED)
    search = search_of([quill], [interview(quill, date(2026, 3, 9), kind=InterviewKind.PANEL, round=2)])
    assert describe_reach(search, quill, AFTER_THE_NO).startswith("You reached the final round, the panel interview")


def test_a_logged_interview_counts_even_without_the_stage_move() -> None:
    quill = application(moves=((Stage.REJECTED, NO),))
    search = search_of([quill], [interview(quill, date(2026, 3, 9), kind=InterviewKind.TECHNICAL)])
    assert describe_reach(search, quill, AFTER_THE_NO).startswith("You reached the technical interview")


def test_an_interview_of_no_particular_kind_reads_plainly() -> None:
    quill = application(moves=((Stage.INTERVIEWING, date(2026, 3, 8)), (Stage.REJECTED, NO)))
    assert describe_reach(search_of([quill]), quill, AFTER_THE_NO).startswith("You reached an interview")
    second = interview(quill, date(2026, 3, 9), round=2)
    assert describe_reach(search_of([quill], [second]), quill, AFTER_THE_NO).startswith("You reached interview round 2")


def test_a_stage_without_its_move_recorded_still_counts() -> None:
    imported = application(stage_history=[], stage=Stage.SCREENING)
    assert describe_reach(search_of([imported]), imported, AFTER_THE_NO).startswith(
        "You reached a first screening call"
    )


def test_a_no_after_an_offer() -> None:
    quill = application(
        moves=((Stage.INTERVIEWING, date(2026, 3, 8)), (Stage.OFFER, date(2026, 3, 15)), (Stage.REJECTED, NO))
    )
    assert describe_reach(search_of([quill]), quill, AFTER_THE_NO).startswith("You got all the way to an offer")


# --- only interviews held count -----------------------------------------------------------------

FRIDAY_AFTER = date(2026, 3, 27)  # a week after the no


def booked_ahead() -> tuple[Application, Interview, Interview]:
    """A phone interview held on 9 March; a round-2 on-site booked for the Friday after the no came."""
    history = [
        StageChange(stage=Stage.APPLIED, at=noon(date(2026, 3, 1)), day=date(2026, 3, 1)),
        StageChange(stage=Stage.INTERVIEWING, at=noon(date(2026, 3, 5)), day=date(2026, 3, 5), round=1),
        StageChange(stage=Stage.INTERVIEWING, at=noon(date(2026, 3, 12)), day=date(2026, 3, 12), round=2),
        StageChange(stage=Stage.REJECTED, at=noon(NO), day=NO),
    ]
    quill = application(stage_history=history, stage=Stage.REJECTED)
    phone = interview(quill, date(2026, 3, 9), kind=InterviewKind.PHONE, people=["Dana Reyes"])
    onsite = interview(quill, FRIDAY_AFTER, kind=InterviewKind.ON_SITE, round=2, people=["Sam Lee", "Priya Nair"])
    return quill, phone, onsite


def test_an_interview_still_ahead_when_the_no_came_was_not_reached() -> None:
    quill, phone, onsite = booked_ahead()
    search = search_of([quill], [phone, onsite])
    assert describe_reach(search, quill, AFTER_THE_NO) == (
        "You reached the phone interview — your application stood out from the pile"
    )
    assert rounds_reached(quill, [phone, onsite], AFTER_THE_NO) == {1}


def test_a_cancelled_interview_was_not_reached_even_once_its_day_has_passed() -> None:
    quill, phone, onsite = booked_ahead()
    cancelled = onsite.model_copy(update={"cancelled": True})
    later = noon(FRIDAY_AFTER) + (noon(FRIDAY_AFTER) - noon(NO))
    assert describe_reach(search_of([quill], [phone, cancelled]), quill, later).startswith("You reached the phone")
    # Not cancelled, its day come: held, and round 2 is reached.
    assert describe_reach(search_of([quill], [phone, onsite]), quill, later).startswith(
        "You reached the on-site interview, round 2"
    )


def test_a_final_round_booked_ahead_is_not_reached_until_held() -> None:
    quill, phone, onsite = booked_ahead()
    history = [change.model_copy(update={"final": change.round == 2}) for change in quill.stage_history]
    final = quill.model_copy(update={"stage_history": history})
    assert "final" not in describe_reach(search_of([final], [phone, onsite]), final, AFTER_THE_NO)


def test_invited_to_an_interview_that_never_took_place() -> None:
    history = [
        StageChange(stage=Stage.APPLIED, at=noon(date(2026, 3, 1)), day=date(2026, 3, 1)),
        StageChange(stage=Stage.INTERVIEWING, at=noon(date(2026, 3, 12)), day=date(2026, 3, 12), round=1),
        StageChange(stage=Stage.REJECTED, at=noon(NO), day=NO),
    ]
    quill = application(stage_history=history, stage=Stage.REJECTED)
    ahead = interview(quill, FRIDAY_AFTER, kind=InterviewKind.TECHNICAL)
    assert describe_reach(search_of([quill], [ahead]), quill, AFTER_THE_NO) == (
        "You were invited to an interview — your application stood out from the pile"
    )


def test_a_round_moved_to_with_no_interview_recorded_counts_on_the_moves_word() -> None:
    history = [
        StageChange(stage=Stage.APPLIED, at=noon(date(2026, 3, 1)), day=date(2026, 3, 1)),
        StageChange(stage=Stage.INTERVIEWING, at=noon(date(2026, 3, 12)), day=date(2026, 3, 12), round=2),
    ]
    quill = application(stage_history=history, stage=Stage.INTERVIEWING)
    assert rounds_reached(quill, [], AFTER_THE_NO) == {2}


def test_held_ahead_and_called_off() -> None:
    quill, phone, onsite = booked_ahead()
    cancelled = onsite.model_copy(update={"cancelled": True})
    assert is_held(phone, AFTER_THE_NO) and not is_held(onsite, AFTER_THE_NO)
    assert not is_held(cancelled, noon(FRIDAY_AFTER))
    assert interviews_ahead(search_of([quill], [phone, onsite, cancelled]), quill, AFTER_THE_NO) == [onsite]
    [off] = called_off([phone, onsite, cancelled], AFTER_THE_NO)
    assert (off.id, off.cancelled, off.updated_at) == (onsite.id, True, AFTER_THE_NO)


def test_interviews_ahead_in_a_sentence() -> None:
    _, phone, onsite = booked_ahead()
    today = NO
    assert describe_interviews([onsite], today) == "the on-site interview on Fri 27 Mar"
    assert describe_interviews([onsite, phone], today) == (
        "the on-site interview on Fri 27 Mar and the phone interview on Mon 09 Mar"
    )
    assert describe_interviews([phone, phone, onsite], today) == "3 interviews (Mon 09 Mar, Mon 09 Mar and Fri 27 Mar)"
