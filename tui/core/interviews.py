"""Interviews: the questions typed after one, the bank they add up to, and how far an application got."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import ValidationError

from tui.core.days import describe_day
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


def is_held(interview: Interview, now: datetime) -> bool:
    """Held by `now`: its start has come and it was not called off.

    Only held interviews count as reached, as wins and as people met; one booked ahead may yet be called off.
    """
    return not interview.cancelled and interview.at <= now


def is_ahead(interview: Interview, now: datetime) -> bool:
    """Still to come at `now`, and not called off."""
    return not interview.cancelled and interview.at > now


def interviews_ahead(search: JobSearch, application: Application, now: datetime) -> list[Interview]:
    """The application's interviews still to come at `now`, earliest first."""
    return [interview for interview in search.interviews_for(application) if is_ahead(interview, now)]


def called_off(interviews: Iterable[Interview], now: datetime) -> list[Interview]:
    """Each of `interviews` still ahead at `now`, marked cancelled as of `now`: the application has ended."""
    return [interview.touched(now, cancelled=True) for interview in interviews if is_ahead(interview, now)]


def rounds_reached(application: Application, interviews: Iterable[Interview], now: datetime) -> set[int]:
    """The interview rounds an application really reached by `now`, from its `interviews` and its stage moves.

    A round with interviews recorded is reached once one of them is held: one booked ahead, or called off,
    is not. A round with no interview recorded is reached on the word of the stage move that names it.
    """
    recorded: set[int] = set()
    held: set[int] = set()
    for interview in interviews:
        recorded.add(interview.round)
        if is_held(interview, now):
            held.add(interview.round)
    moved = {change.round for change in application.stage_history if change.round is not None}
    return held | (moved - recorded)


def reached_final(application: Application, rounds: set[int]) -> bool:
    """The final round was reached: a move marked it, and its round is among `rounds` (see `rounds_reached`)."""
    return any(
        change.final and (change.round is None or change.round in rounds) for change in application.stage_history
    )


def describe_interviews(interviews: list[Interview], today: date) -> str:
    """Interviews in a sentence, each by its kind and day: 'the on-site interview on Fri 20 Mar',
    'the phone interview on Fri 20 Mar and the interview on Tue 24 Mar', '3 interviews (Fri 20 Mar, …)'."""
    if len(interviews) > 2:
        days = join_names([describe_day(interview.day, today) for interview in interviews])
        return f"{len(interviews)} interviews ({days})"
    return join_names([f"the {INTERVIEW_KIND_WORDS[i.kind]} on {describe_day(i.day, today)}" for i in interviews])


def describe_reach(search: JobSearch, application: Application, now: datetime) -> str:
    """How far an application got by `now`, said plainly for the moment a no comes in.

    The furthest stage it was ever at, the round it reached and the kind of its latest interview
    held: 'You reached the on-site interview, round 3'. An interview booked ahead, or called off, was
    not reached (see `rounds_reached`): being invited to one still is said.
    """
    interviews = search.interviews_for(application)
    held = [interview for interview in interviews if is_held(interview, now)]
    rounds = rounds_reached(application, interviews, now)
    counted = [
        change.stage
        for change in application.stage_history
        if change.stage is not Stage.INTERVIEWING or change.round is None or change.round in rounds
    ]
    furthest = max(_PROGRESS.get(stage, 0) for stage in [*counted, application.stage])
    if furthest >= _PROGRESS[Stage.OFFER]:
        return "You got all the way to an offer — they wanted you, and someone will again"
    if furthest < _PROGRESS[Stage.INTERVIEWING] and not held:
        invited = bool(interviews) or any(change.stage is Stage.INTERVIEWING for change in application.stage_history)
        if invited:
            return "You were invited to an interview — your application stood out from the pile"
        if furthest == _PROGRESS[Stage.SCREENING]:
            return "You reached a first screening call — your application stood out from the pile"
        return "You got as far as sending it — a no at the first step is the most common kind"
    kind = held[-1].kind if held else InterviewKind.OTHER
    named = INTERVIEW_KIND_WORDS[kind] if kind is not InterviewKind.OTHER else ""
    round_reached = max(rounds, default=1)
    if reached_final(application, rounds):
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
