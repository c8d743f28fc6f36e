"""Interviews: the questions typed after one, the bank they add up to, and how far an application got."""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import ValidationError

from tui.core.models import Application, Interview, InterviewKind, Question, Stage
from tui.core.safety import normalise
from tui.core.search import JobSearch

ACCEPTED_QUESTIONS = (
    "write one question a line as 'question | rating | note', where the rating (1-5) and the note "
    "are optional: 'question', 'question | 4', 'question | a note' or 'question | 4 | a note'"
)

# How each kind of interview is named in a sentence: "the technical interview", "a thank-you for the phone call".
INTERVIEW_KIND_WORDS = {
    InterviewKind.PHONE: "phone interview",
    InterviewKind.TECHNICAL: "technical interview",
    InterviewKind.ON_SITE: "on-site interview",
    InterviewKind.PANEL: "panel interview",
    InterviewKind.OTHER: "interview",
}


def join_names(people: list[str]) -> str:
    """One or more people, in a sentence: 'Dana', 'Dana and Sam', 'Dana, Sam and Lee'."""
    return people[0] if len(people) == 1 else f"{', '.join(people[:-1])} and {people[-1]}"


class QuestionParseError(ValueError):
    """A line of questions we cannot read; the message names the line and what is accepted."""


@dataclass(frozen=True)
class BankEntry:
    """One question across every interview it came up in, however it was worded."""

    text: str  # the most recent wording
    asked: int
    average_rating: float | None  # of the times it was rated
    last_asked: date
    companies: tuple[str, ...]  # in the order they first asked it


@dataclass(frozen=True)
class QuestionBank:
    frequent: list[BankEntry]  # most asked first, then the most recent
    weakest: list[BankEntry]  # lowest average self-rating first; unrated questions left out


def parse_questions(text: str) -> list[Question]:
    """Questions typed one a line, as `question | rating | note`.

    With three parts the middle is the rating, 1 to 5, or left empty; the note is everything after
    the second bar, so it may hold bars of its own. With two parts a whole number is the rating and
    anything else is the note. Blank lines are skipped. A question itself cannot hold a bar.
    Raises QuestionParseError naming the first line that does not read.
    """
    questions = []
    for number, line in enumerate(text.splitlines(), start=1):
        if line.strip():
            questions.append(_read_question(line, number))
    return questions


def format_questions(questions: list[Question]) -> str:
    """Questions one a line, as `parse_questions` reads them back.

    A note always goes third ('question | | note' when unrated), so a note that looks like a number
    is never read as a rating. Line breaks in a note become spaces, and a bar in a question becomes a
    slash: each question has to fit on its own line.
    """
    lines = []
    for question in questions:
        line = " ".join(question.text.replace("|", "/").split())
        rating = "" if question.rating is None else f" {question.rating}"
        note = " ".join(question.answer.split())
        if note:
            line += f" |{rating} | {note}"
        elif rating:
            line += f" |{rating}"
        lines.append(line)
    return "\n".join(lines)


def _read_question(line: str, number: int) -> Question:
    question, _, rest = line.partition("|")
    question = question.strip()
    if not question:
        raise QuestionParseError(f"line {number}: the question is missing; {ACCEPTED_QUESTIONS}")
    middle, second_bar, after = rest.partition("|")
    middle = middle.strip()
    if second_bar:
        rating, note = _read_rating(middle, number) if middle else None, after.strip()
    elif re.fullmatch(r"\d+", middle):
        rating, note = _read_rating(middle, number), ""
    else:
        rating, note = None, middle
    try:
        return Question(text=question, rating=rating, answer=note)
    except ValidationError as error:
        field = "question" if error.errors()[0]["loc"][0] == "text" else "note"
        raise QuestionParseError(f"line {number}: the {field} is too long; {ACCEPTED_QUESTIONS}") from None


def _read_rating(text: str, number: int) -> int:
    if re.fullmatch(r"[1-5]", text):  # not int() of any digits: it refuses more than 4,300 of them
        return int(text)
    raise QuestionParseError(f"line {number}: the rating {text!r} is not 1 to 5; {ACCEPTED_QUESTIONS}")


def question_bank(search: JobSearch) -> QuestionBank:
    """Every question asked across interviews, grouped by wording ('Tell me about yourself.' once)."""
    asked: dict[str, list[tuple[Interview, Question]]] = defaultdict(list)
    for interview in sorted(search.interviews, key=lambda i: i.at):
        for question in interview.questions:
            asked[normalise(question.text) or question.text].append((interview, question))
    entries = [_bank_entry(search, times) for times in asked.values()]
    frequent = sorted(entries, key=lambda e: (-e.asked, -e.last_asked.toordinal(), e.text.casefold()))
    rated = [entry for entry in frequent if entry.average_rating is not None]
    weakest = sorted(rated, key=lambda e: (e.average_rating, -e.last_asked.toordinal(), e.text.casefold()))
    return QuestionBank(frequent=frequent, weakest=weakest)


def _bank_entry(search: JobSearch, times: list[tuple[Interview, Question]]) -> BankEntry:
    """One question's entry, from `times`: each time it was asked, earliest first."""
    ratings = [question.rating for _, question in times if question.rating is not None]
    companies: list[str] = []
    for interview, _ in times:
        application = search.application(interview.application_id)
        if application is not None and application.company not in companies:
            companies.append(application.company)
    latest_interview, latest_question = times[-1]
    return BankEntry(
        text=latest_question.text,
        asked=len(times),
        average_rating=sum(ratings) / len(ratings) if ratings else None,
        last_asked=latest_interview.day,
        companies=tuple(companies),
    )


# How far each stage is along the way to an offer, for finding the furthest an application got.
_PROGRESS = {Stage.APPLIED: 1, Stage.SCREENING: 2, Stage.INTERVIEWING: 3, Stage.OFFER: 4}


def describe_reach(search: JobSearch, application: Application) -> str:
    """How far an application got, said plainly for the moment a no comes in.

    The furthest stage it was ever at, the round it reached (from the stages or the interviews
    logged) and the kind of its latest interview: 'You reached the on-site interview, round 3'.
    """
    interviews = search.interviews_for(application)
    stages = [change.stage for change in application.stage_history] + [application.stage]
    furthest = max(_PROGRESS.get(stage, 0) for stage in stages)
    if furthest >= _PROGRESS[Stage.OFFER]:
        return "You got all the way to an offer — they wanted you, and someone will again"
    if furthest < _PROGRESS[Stage.INTERVIEWING] and not interviews:
        if furthest == _PROGRESS[Stage.SCREENING]:
            return "You reached a first screening call — your application stood out from the pile"
        return "You got as far as sending it — a no at the first step is the most common kind"
    kind = interviews[-1].kind if interviews else InterviewKind.OTHER
    named = INTERVIEW_KIND_WORDS[kind] if kind is not InterviewKind.OTHER else ""
    round_reached = max([application.interview_round or 1, *(i.round for i in interviews)])
    if application.reached_final:
        where = f"the final round, the {named}" if named else "the final round"
        return f"You reached {where} — as close as it gets without a yes"
    if round_reached > 1:
        where = f"the {named}, round {round_reached}" if named else f"interview round {round_reached}"
        return f"You reached {where} — each round means they saw something in you"
    where = f"the {named}" if named else "an interview"
    return f"You reached {where} — your application stood out from the pile"


def local_start(interview: Interview) -> datetime:
    """When the interview starts on its own clock; as stored when its zone name is not one we know."""
    try:
        return interview.at.astimezone(ZoneInfo(interview.timezone))
    except (ZoneInfoNotFoundError, ValueError, OSError):  # OSError: a zone name that is a folder
        return interview.at
