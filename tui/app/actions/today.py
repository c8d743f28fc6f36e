"""Today's actions: tick one done, log an activity, snooze or dismiss one, draft its message."""

from __future__ import annotations

from datetime import date
from functools import partial
from typing import TYPE_CHECKING

from textual import on
from textual.widgets import OptionList

from tui.app.actions.base import DashboardCommands
from tui.app.state import Change, Snapshot
from tui.app.widgets.actions import describe_already_done, describe_dismissed, describe_done
from tui.core.day_view import Action, ActionKind
from tui.core.days import describe_day

if TYPE_CHECKING:
    from tui.app.screens.log_activity import ActivityDraft
    from tui.app.screens.snooze import SnoozeDraft


def logged(snapshot: Snapshot, draft: ActivityDraft) -> Change:
    application = snapshot.search.application(draft.application_id)
    feedback = f"logged {draft.kind.value}"
    if application is not None:
        feedback += f" for {application.company}"
    if draft.on != snapshot.today:
        feedback += f" on {describe_day(draft.on, snapshot.today)}"
    return Change(
        feedback=feedback,
        record=lambda recorder: recorder.log(draft.kind, draft.note, on=draft.on, application_id=draft.application_id),
    )


def snoozed(action: Action, today: date, draft: SnoozeDraft) -> Change:
    return Change(
        feedback=f"snoozed until {describe_day(draft.until, today)}: {action.title}",
        record=lambda recorder: recorder.snooze(action, draft.until),
    )


class TodayCommands(DashboardCommands):
    """Keys on the highlighted action (space or enter, z, x, d), and l to log anything else that counts."""

    def action_log_activity(self) -> None:
        if (snapshot := self.writable_snapshot()) is not None:
            self.open_log_form(snapshot)

    def open_log_form(self, snapshot: Snapshot) -> None:
        from tui.app.screens.log_activity import LogActivityScreen
        from tui.app.widgets.choice import recently_touched_first

        offered = recently_touched_first(snapshot.search)
        self.edit(partial(LogActivityScreen, snapshot.today, offered), partial(logged, snapshot))

    def action_complete_action(self) -> None:
        action = self.dashboard.actions.highlighted_action
        if action is None:
            self.notify("Nothing to mark done here yet.", severity="warning")
            return
        self.complete(action)

    @on(OptionList.OptionSelected, "#actions")
    def action_clicked(self, event: OptionList.OptionSelected) -> None:
        self.action_complete_action()

    def complete(self, action: Action) -> None:
        if action.kind is ActionKind.REFLECTION:
            self.dashboard.reflection.editor.focus()
            if action.done:
                self.notify("Today's reflection is saved; change it and press ctrl+s to keep the change.")
            return
        if (snapshot := self.writable_snapshot()) is None:
            return
        if action.kind is ActionKind.DAILY_TARGET:
            if action.done:
                self.notify("Today's target is reached; anything more is a bonus.")
            self.open_log_form(snapshot)
            return
        if action.done:  # ticked today already: a second press must not log it twice
            self.notify(describe_already_done(action))
            return
        feedback = describe_done(action, snapshot.search)
        self.save(Change(feedback=feedback, record=lambda recorder: recorder.complete(action)))

    def action_snooze_action(self) -> None:
        action = self.action_to_put_aside("snooze")
        if action is None or (snapshot := self.writable_snapshot()) is None:
            return
        from tui.app.screens.snooze import SnoozeScreen

        self.edit(partial(SnoozeScreen, action, snapshot.today), partial(snoozed, action, snapshot.today))

    def action_dismiss_action(self) -> None:
        action = self.action_to_put_aside("dismiss")
        if action is not None and self.writable_snapshot() is not None:
            self.save(Change(feedback=describe_dismissed(action), record=lambda recorder: recorder.dismiss(action)))

    def action_to_put_aside(self, verb: str) -> Action | None:
        """The highlighted action, when it can be snoozed or dismissed; None, after saying why, when not."""
        action = self.dashboard.actions.highlighted_action
        if action is None:
            self.notify(f"Nothing to {verb} here yet.", severity="warning")
            return None
        if not action.can_snooze:
            self.notify(
                f"{action.title}: it belongs to today, so it cannot be put off. "
                "A rest day (R) keeps your streak on a day off.",
                severity="warning",
            )
            return None
        if action.done and action.kind is not ActionKind.LEARN:
            self.notify(describe_already_done(action))
            return None
        return action

    def action_draft_action(self) -> None:
        action = self.dashboard.actions.highlighted_action
        if action is None or action.draft is None:
            self.notify(
                "No draft for this one: d drafts follow-ups, thank-you notes and feedback requests (marked d: draft).",
                severity="warning",
            )
            return
        if (snapshot := self.opened_snapshot()) is None:
            return
        from tui.app.screens.draft import DraftScreen
        from tui.content import draft_templates
        from tui.core.drafts import write_draft

        search = snapshot.search
        application = search.application(action.application_id)
        if application is None:
            self.notify("Its application is no longer in your search.", severity="warning")
            return
        interview = next((i for i in search.interviews if i.id == action.interview_id), None)
        template = draft_templates()[action.draft]
        draft = write_draft(template, action.draft, search, application, snapshot.today, interview)
        self.push_screen(DraftScreen(draft, f"{application.company} — {application.role}"))
