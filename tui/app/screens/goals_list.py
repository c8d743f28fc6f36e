"""Learning goals: the open ones in the order Today's actions takes them, then those closed; edit, close, delete."""

from __future__ import annotations

from datetime import date
from functools import partial

from rich.text import Text
from textual import on
from textual.binding import Binding
from textual.widgets import DataTable

from tui.app.commands import Scope, bindings
from tui.app.screens.corrections import GoalEditScreen, linked
from tui.app.screens.learning_goal import GoalDraft
from tui.app.screens.records import Cell, RecordsScreen
from tui.app.state import Change, Snapshot
from tui.app.widgets.choice import recently_touched_first
from tui.core.days import describe_day
from tui.core.models import Application, LearningGoal
from tui.core.search import JobSearch

OPEN = "○ open"


def describe_state(goal: LearningGoal, today: date) -> Cell:
    if goal.closed_on is None:
        return OPEN
    return Text(f"✓ closed {describe_day(goal.closed_on, today, weekday=False)}", style="dim")


def describe_origin(goal: LearningGoal, search: JobSearch) -> str:
    """Where a goal came from: the application that showed the gap, else the source it was given."""
    application = search.application(goal.application_id)
    if application is not None:
        return application.company
    return "" if goal.source == "added by hand" else goal.source


class GoalsScreen(RecordsScreen[LearningGoal]):
    """Open goals oldest first (the first is the one Today's actions shows), then closed ones, latest closed first."""

    BINDINGS = [Binding("escape,q", "close", "Back", show=True), *bindings(Scope.GOALS)]
    SCOPE = Scope.GOALS  # the palette offers this scope's commands while it is open
    AUTO_FOCUS = "#goals"
    COLUMNS = ("Goal", "From", "Added", "State")
    FLEXIBLE = {"Goal": 0.7, "From": 0.3}
    keys_text = "e edit · x close/reopen · d delete · g add one · u undo · escape back"
    empty_text = "No learning goals yet. Press g to add a skill to work on."
    nothing_text = "Press g to add a learning goal first."

    def __init__(self, snapshot: Snapshot) -> None:
        super().__init__(snapshot, "goals")

    def heading(self, shown: int) -> str:
        still_open = sum(goal.closed_on is None for goal in self.records)
        return f"Learning goals ({still_open} open, {shown - still_open} closed)"

    def listed(self, snapshot: Snapshot) -> list[LearningGoal]:
        goals = snapshot.search.learning_goals
        still_open = sorted((g for g in goals if g.closed_on is None), key=lambda g: g.created_at)
        closed = sorted(
            (g for g in goals if g.closed_on is not None), key=lambda g: (g.closed_on, g.updated_at), reverse=True
        )
        return [*still_open, *closed]

    def cells(self, record: LearningGoal, above: LearningGoal | None, snapshot: Snapshot) -> dict[str, Cell]:
        today = snapshot.today
        return {
            "Goal": " ".join(record.text.split()),
            "From": describe_origin(record, snapshot.search),
            "Added": describe_day(record.created_at.date(), today, weekday=False),
            "State": describe_state(record, today),
        }

    # Keys ----------------------------------------------------------------------------------------

    @on(DataTable.RowSelected, "#goals")
    def row_chosen(self) -> None:
        self.action_edit_record()

    def edit_record(self, record: LearningGoal) -> None:
        def goal_form(draft: GoalDraft | None, problem: str) -> GoalEditScreen:
            return GoalEditScreen(record, recently_touched_first(self.snapshot.search), draft, problem)

        offered = recently_touched_first(self.snapshot.search)
        self.nextyes.edit(goal_form, partial(corrected, record, offered))

    def action_toggle_goal(self) -> None:
        goal = self.chosen("close or reopen")
        if goal is None:
            return
        if goal.closed_on is None:
            today = self.snapshot.today
            change = Change(
                feedback=f"closed the learning goal '{goal.text}'; x here reopens it",
                record=lambda recorder: recorder.edit(LearningGoal, goal.id, closed_on=today),
            )
        else:
            change = Change(
                feedback=f"reopened the learning goal '{goal.text}'; it is back in Today's actions",
                record=lambda recorder: recorder.edit(LearningGoal, goal.id, closed_on=None),
            )
        self.nextyes.save(change)


def corrected(goal: LearningGoal, offered: list[Application], draft: GoalDraft) -> Change:
    application_id = linked(goal.application_id, draft.application_id, offered)
    return Change(
        feedback=f"the learning goal as corrected: {draft.text}",
        record=lambda recorder: recorder.edit(LearningGoal, goal.id, text=draft.text, application_id=application_id),
    )
