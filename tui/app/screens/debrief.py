"""The debrief form: who you met, how it went, and the questions asked, one a line, for the bank."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Input, Select, Static, TextArea

from tui.app.screens.form import FormScreen, max_length, too_long
from tui.app.screens.interview_form import split_people
from tui.core.days import describe_day
from tui.core.interviews import INTERVIEW_KIND_WORDS, QuestionParseError, format_questions, parse_questions
from tui.core.models import Application, Contact, Interview, Question

RATINGS = {1: "rough", 2: "shaky", 3: "fine", 4: "good", 5: "great"}


@dataclass(frozen=True)
class DebriefDraft:
    """A debrief as typed, ready for `Recorder.debrief_interview`; the `*_text` fields are as typed."""

    people: list[str]
    people_text: str
    rating: int | None
    questions: list[Question]
    questions_text: str
    went_well: str
    change: str


class DebriefScreen(FormScreen[DebriefDraft]):
    """Filled in from the interview; enter saves from a line field, ctrl+s from the questions too."""

    BINDINGS = [Binding("ctrl+s", "save", "Save", show=False)]
    hint_text = "enter saves (ctrl+s in the questions) · tab next field · escape cancels"
    AUTO_FOCUS = "#questions"

    def __init__(
        self,
        interview: Interview,
        application: Application,
        today: date,
        draft: DebriefDraft | None = None,
        problem: str = "",
    ) -> None:
        super().__init__(problem)
        self.interview = interview
        self.draft = draft
        self.title_text = (
            f"Debrief: {application.company}, {INTERVIEW_KIND_WORDS[interview.kind]}, round {interview.round}, "
            f"{describe_day(interview.day, today)}"
        )

    def fields(self) -> ComposeResult:
        draft, interview = self.draft, self.interview
        people = draft.people_text if draft else ", ".join(interview.people)
        yield self.field_row("People", Input(people, id="people", placeholder="e.g. Dana Reyes, Sam Lee", compact=True))
        rating = draft.rating if draft else interview.rating
        yield self.field_row(
            "How it went",
            Select(
                [(f"{number} — {word}", number) for number, word in RATINGS.items()],
                value=rating if rating is not None else Select.NULL,
                prompt="not rated",
                id="rating",
                compact=True,
            ),
        )
        questions = draft.questions_text if draft else format_questions(interview.questions)
        yield self.field_row(
            "Questions",
            TextArea(
                questions,
                id="questions",
                soft_wrap=True,
                show_line_numbers=False,
                placeholder="Tell me about yourself | 4 | ran long; keep it to two minutes",
            ),
        )
        yield Static("one a line: question | rating 1-5 | a note on your answer", classes="field-note beneath")
        yield self.field_row(
            "Went well",
            Input(
                draft.went_well if draft else interview.went_well, id="went-well", placeholder="optional", compact=True
            ),
        )
        yield self.field_row(
            "I'd change",
            Input(draft.change if draft else interview.change, id="change", placeholder="optional", compact=True),
        )

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "submit" and isinstance(self.focused, TextArea):
            return False  # enter in the questions starts a new line; ctrl+s saves from there
        return super().check_action(action, parameters)

    def action_save(self) -> None:
        self.action_submit()

    def read(self) -> DebriefDraft | None:
        typed = {field: self.query_one(f"#{field}", Input).value.strip() for field in ("people", "went-well", "change")}
        questions_text = self.query_one("#questions", TextArea).text
        problems: dict[str, str] = {}
        questions: list[Question] = []
        try:
            questions = parse_questions(questions_text)
        except QuestionParseError as error:
            problems["questions"] = str(error)
        people = split_people(typed["people"])
        if any(too_long(name, max_length(Contact, "name")) for name in people):
            problems["people"] = "a name is too long; separate people with commas"
        for field, name in (("went-well", "went_well"), ("change", "change")):
            if problem := too_long(typed[field], max_length(Interview, name)):
                problems[field] = problem
        for field, problem in problems.items():
            self.explain(field, problem)
        if problems:
            return None
        rating = self.query_one("#rating", Select).value
        return DebriefDraft(
            people=people,
            people_text=typed["people"],
            rating=rating if isinstance(rating, int) else None,
            questions=questions,
            questions_text=questions_text,
            went_well=typed["went-well"],
            change=typed["change"],
        )
