"""The day itself: the reflection panel's keys, and planning (or cancelling) a rest day."""

from __future__ import annotations

from datetime import date
from functools import partial
from typing import TYPE_CHECKING

from tui.app.actions.base import DashboardCommands
from tui.app.state import Change
from tui.core.days import describe_day

if TYPE_CHECKING:
    from tui.app.screens.rest_day import RestDraft


def rested(today: date, draft: RestDraft) -> Change:
    day, note = draft.day, draft.note
    if draft.cancel:
        return Change(
            feedback=f"{describe_day(day, today)} is an ordinary day again",
            record=lambda recorder: recorder.cancel_rest(day),
        )
    return Change(
        feedback=f"rest day on {describe_day(day, today)}; your streak waits for you",
        record=lambda recorder: recorder.plan_rest(day, note),
    )


class ReflectionCommands(DashboardCommands):
    """r writes today's reflection, ctrl+s keeps it, escape leaves it; R plans a rest day."""

    def action_focus_reflection(self) -> None:
        self.dashboard.reflection.editor.focus()

    def action_leave_reflection(self) -> None:
        self.dashboard.actions.focus()

    def action_save_reflection(self) -> None:
        reflection = self.dashboard.reflection
        text = reflection.text
        if not text.strip():
            self.notify("Write a line or two first; an empty reflection is not saved.", severity="warning")
            return
        if not reflection.has_unsaved_text:
            self.notify("Today's reflection is already saved.")
            return
        if (snapshot := self.writable_snapshot()) is None:
            return
        day, prompt = snapshot.today, snapshot.dashboard.prompt.text
        # A failed save needs no retry: the text stays in the editor, marked "not saved yet".
        self.save(
            Change(
                feedback=f"your reflection for {describe_day(day, day)}",
                record=lambda recorder: recorder.write_reflection(day, prompt, text),
            )
        )

    def action_plan_rest(self) -> None:
        if (snapshot := self.writable_snapshot()) is None:
            return
        from tui.app.screens.rest_day import RestDayScreen

        def rest_form(draft: RestDraft | None, problem: str) -> RestDayScreen:
            # Opened again after a failed save, it shows the rest days as they are by then.
            latest = self.snapshot or snapshot
            return RestDayScreen(latest.search, snapshot.today, draft, problem)

        self.edit(rest_form, partial(rested, snapshot.today))
