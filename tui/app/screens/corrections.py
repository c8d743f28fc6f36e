"""The forms that correct a record: the forms that add one, filled in from it, and two of their own.

Like every form they only read what was typed and return it; the list that opened them saves it.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date
from zoneinfo import ZoneInfo

from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Input, Static, TextArea

from tui.app.screens.form import FormScreen, max_length, too_long
from tui.app.screens.interview_form import ScheduleDraft, ScheduleInterviewScreen
from tui.app.screens.learning_goal import GoalDraft, LearningGoalScreen
from tui.app.screens.log_activity import ActivityDraft, LogActivityScreen
from tui.app.screens.records import typed_day
from tui.app.screens.win import WinDraft, WinScreen
from tui.core.days import describe_day
from tui.core.interviews import local_start
from tui.core.models import Activity, Application, Interview, LearningGoal, Reflection, RestDay, Win


def linked(original: uuid.UUID | None, picked: uuid.UUID | None, offered: list[Application]) -> uuid.UUID | None:
    """The application a corrected record belongs to: the one picked, or, when none is, the one it had if the
    form could not offer it (an application since deleted), so saving an untouched form changes nothing."""
    if picked is None and original is not None and original not in {application.id for application in offered}:
        return original
    return picked


class ActivityEditScreen(LogActivityScreen):
    """The log form, filled in from an activity: its kind, note, application and day."""

    def __init__(
        self,
        activity: Activity,
        today: date,
        applications: list[Application],
        draft: ActivityDraft | None = None,
        problem: str = "",
    ) -> None:
        draft = draft or ActivityDraft(
            kind=activity.kind,
            note=activity.note,
            application_id=activity.application_id,
            on=activity.logical_day,
            on_text=typed_day(activity.logical_day, today),
        )
        super().__init__(today, applications, draft, problem)
        self.title_text = f"Correct an activity: {activity.kind.value} on {describe_day(activity.logical_day, today)}"


class WinEditScreen(WinScreen):
    """The win form, filled in from a win."""

    def __init__(
        self,
        win: Win,
        today: date,
        applications: list[Application],
        draft: WinDraft | None = None,
        problem: str = "",
    ) -> None:
        draft = draft or WinDraft(
            text=win.text, day=win.day, day_text=typed_day(win.day, today), application_id=win.application_id
        )
        super().__init__(today, applications, draft, problem)
        self.title_text = f"Correct a win from {describe_day(win.day, today)}"


class GoalEditScreen(LearningGoalScreen):
    """The learning-goal form, filled in from a goal."""

    def __init__(
        self,
        goal: LearningGoal,
        applications: list[Application],
        draft: GoalDraft | None = None,
        problem: str = "",
    ) -> None:
        draft = draft or GoalDraft(text=goal.text, application_id=goal.application_id)
        super().__init__(applications, draft, problem)
        self.title_text = "Correct a learning goal"

    def fields(self) -> ComposeResult:
        # The adding form's note says how a new goal leaves Today's actions; this one may be closed already.
        yield from (field for field in super().fields() if not field.has_class("form-note"))
        yield Static("x in the list closes it or opens it again.", classes="form-note", markup=False)


class InterviewEditScreen(ScheduleInterviewScreen):
    """The schedule form, filled in from an interview, its time on the interview's own clock.

    A round left blank keeps the one it has.
    """

    def __init__(
        self,
        interview: Interview,
        application: Application,
        today: date,
        zone: ZoneInfo,
        draft: ScheduleDraft | None = None,
        problem: str = "",
    ) -> None:
        starts = local_start(interview)
        draft = draft or ScheduleDraft(
            at=starts,
            day_text=typed_day(starts.date(), today),
            time_text=f"{starts:%H:%M}",
            round=interview.round,
            round_text=str(interview.round),
            kind=interview.kind,
            people=list(interview.people),
            people_text=", ".join(interview.people),
            notes=interview.notes,
        )
        super().__init__(application, today, zone, draft, problem)
        self.title_text = f"Correct the interview: {application.company} — {application.role}"


@dataclass(frozen=True)
class RestNoteDraft:
    """A rest day's note as typed."""

    note: str


class RestNoteScreen(FormScreen[RestNoteDraft]):
    """A rest day's note; its day stays (d in the list cancels it, R plans another)."""

    hint_text = "enter saves · escape cancels"
    AUTO_FOCUS = "#note"

    def __init__(self, rest: RestDay, today: date, draft: RestNoteDraft | None = None, problem: str = "") -> None:
        super().__init__(problem)
        self.draft = draft or RestNoteDraft(note=rest.note)
        self.title_text = f"The rest day on {describe_day(rest.day, today)}: its note"

    def fields(self) -> ComposeResult:
        yield self.field_row("Note", Input(self.draft.note, id="note", placeholder="e.g. family visit", compact=True))

    def read(self) -> RestNoteDraft | None:
        note = self.read_text("note", max_length(RestDay, "note"))
        return None if note is None else RestNoteDraft(note=note)


@dataclass(frozen=True)
class ReflectionDraft:
    """A reflection's text as typed."""

    text: str


class ReflectionFormScreen(FormScreen[ReflectionDraft]):
    """A reflection's words, to change; the prompt it answered is shown above them. ctrl+s saves."""

    BINDINGS = [Binding("ctrl+s", "save", "Save", show=False)]
    hint_text = "ctrl+s saves · enter starts a new line · escape cancels"
    AUTO_FOCUS = "#reflection-body"

    def __init__(
        self, reflection: Reflection, today: date, draft: ReflectionDraft | None = None, problem: str = ""
    ) -> None:
        super().__init__(problem)
        self.reflection = reflection
        self.draft = draft or ReflectionDraft(text=reflection.text)
        self.title_text = f"Your reflection of {describe_day(reflection.day, today)}"

    def fields(self) -> ComposeResult:
        yield Static(self.reflection.prompt, classes="form-note reflection-prompt", markup=False)
        yield self.field_row(
            "Reflection",
            TextArea(self.draft.text, id="reflection-body", soft_wrap=True, show_line_numbers=False),
        )

    def on_mount(self) -> None:
        super().on_mount()
        body = self.query_one("#reflection-body", TextArea)
        body.move_cursor(body.document.end)  # to go on writing where it ended

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "submit" and isinstance(self.focused, TextArea):
            return False  # enter in the text starts a new line; ctrl+s saves from there
        return super().check_action(action, parameters)

    def action_save(self) -> None:
        self.action_submit()

    def read(self) -> ReflectionDraft | None:
        text = self.query_one("#reflection-body", TextArea).text
        if not text.strip():
            self.explain("reflection-body", "write a line or two; to remove it, d in the list deletes it")
            return None
        if problem := too_long(text, max_length(Reflection, "text")):
            self.explain("reflection-body", problem)
            return None
        return ReflectionDraft(text=text)
