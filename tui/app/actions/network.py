"""The people and the practice around the applications: contacts, interviews and their questions, goals, wins."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from tui.app.actions.base import DashboardCommands
from tui.app.state import Change, Snapshot
from tui.core.days import describe_day

if TYPE_CHECKING:
    from tui.app.screens.learning_goal import GoalDraft
    from tui.app.screens.win import WinDraft


def won(snapshot: Snapshot, draft: WinDraft) -> Change:
    on = "" if draft.day == snapshot.today else f" on {describe_day(draft.day, snapshot.today)}"
    return Change(
        feedback=f"a win{on}: {draft.text}",
        record=lambda recorder: recorder.add_win(draft.text, on=draft.day, application_id=draft.application_id),
    )


def goal_set(draft: GoalDraft) -> Change:
    return Change(
        feedback=f"learning goal '{draft.text}'; it stays in Today's actions until you dismiss it with x",
        record=lambda recorder: recorder.add_learning_goals(
            [draft.text], application_id=draft.application_id, source="added by hand"
        ),
    )


class NetworkCommands(DashboardCommands):
    """c contacts, v interviews, b the question bank, g a learning goal, w a win."""

    def action_show_contacts(self) -> None:
        if (snapshot := self.writable_snapshot()) is not None:
            from tui.app.screens.contacts import ContactsScreen

            contacts = self.kept("contacts", ContactsScreen, lambda: ContactsScreen(snapshot))
            contacts.show_afresh(snapshot)
            self.push_screen(contacts)

    def action_show_interviews(self) -> None:
        application_id = self.dashboard.pending.selected_application_id
        if application_id is None:
            self.notify("No pending application to show interviews for yet. Press a to add one.", severity="warning")
            return
        if (snapshot := self.writable_snapshot()) is None:
            return
        application = snapshot.search.application(application_id)
        if application is None:
            self.notify("That application is no longer in your search.", severity="warning")
            return
        from tui.app.screens.interviews import InterviewsScreen

        self.push_screen(InterviewsScreen(snapshot, application))

    def action_show_question_bank(self) -> None:
        if (snapshot := self.opened_snapshot()) is None:
            return
        from tui.app.screens.question_bank import QuestionBankScreen

        bank = self.kept("question-bank", QuestionBankScreen, lambda: QuestionBankScreen(snapshot))
        bank.show_afresh(snapshot)
        self.push_screen(bank)

    def action_add_learning_goal(self) -> None:
        if (snapshot := self.writable_snapshot()) is None:
            return
        from tui.app.screens.learning_goal import LearningGoalScreen

        newest_first = sorted(snapshot.search.applications, key=lambda a: a.created_at, reverse=True)
        self.edit(partial(LearningGoalScreen, newest_first), goal_set)

    def action_add_win(self) -> None:
        if (snapshot := self.writable_snapshot()) is None:
            return
        from tui.app.screens.win import WinScreen
        from tui.app.widgets.choice import recently_touched_first

        offered = recently_touched_first(snapshot.search)
        self.edit(partial(WinScreen, snapshot.today, offered), partial(won, snapshot))
