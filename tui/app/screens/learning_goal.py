"""The learning-goal form: a skill to work on, and the application that showed the gap, if any."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from textual.app import ComposeResult
from textual.widgets import Input, Select, Static

from tui.app.screens.form import FormScreen, application_picker, chosen_application, max_length
from tui.core.models import Application, LearningGoal


@dataclass(frozen=True)
class GoalDraft:
    """A learning goal as typed, ready for `Recorder.add_learning_goals`."""

    text: str
    application_id: uuid.UUID | None


class LearningGoalScreen(FormScreen[GoalDraft]):
    """The skill first; the application is optional."""

    # Short, so it reads whole on a narrow terminal; what the goal does is said under the fields.
    title_text = "Add a learning goal"
    AUTO_FOCUS = "#skill"

    def __init__(self, applications: list[Application], draft: GoalDraft | None = None, problem: str = "") -> None:
        super().__init__(problem)
        self.applications = applications
        self.draft = draft

    def fields(self) -> ComposeResult:
        draft = self.draft
        yield self.field_row(
            "Skill",
            Input(draft.text if draft else "", id="skill", placeholder="e.g. system design", compact=True),
        )
        application_id = draft.application_id if draft else None
        yield self.field_row(
            "Application",
            application_picker(self.applications, application_id, with_stage=True),
        )
        yield Static(
            "It stays in Today's actions until you dismiss it there with x.", classes="form-note", markup=False
        )

    def read(self) -> GoalDraft | None:
        text = self.read_text("skill", max_length(LearningGoal, "text"))
        if text is None:
            return None
        if not text:
            self.explain("skill", "the skill is needed, e.g. 'system design' or 'SQL window functions'")
            return None
        application = chosen_application(self.query_one("#application", Select))
        return GoalDraft(text=text, application_id=application)
