"""The day itself: the reflection panel's keys, quitting without losing it, and planning (or cancelling) a rest day."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from functools import partial
from time import monotonic
from typing import TYPE_CHECKING

from tui.app.actions.base import DashboardCommands
from tui.app.screens.dashboard import Leaving, UnsavedReflectionScreen
from tui.app.state import Change, Snapshot
from tui.core.days import describe_day

if TYPE_CHECKING:
    from tui.app.screens.rest_day import RestDraft

QUIT_AGAIN_WITHIN = 3.0  # seconds: a second ctrl+q this soon quits with a form's typing unsaved


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
    """r writes today's reflection, ctrl+s keeps it, escape leaves it (what was typed stays, and quitting
    asks about it); R plans a rest day."""

    def action_focus_reflection(self) -> None:
        self.dashboard.reflection.write()

    def action_leave_reflection(self) -> None:
        self.dashboard.actions.focus()

    def action_save_reflection(self) -> None:
        self.save_reflection()

    def save_reflection(self, then: Callable[[Snapshot], None] | None = None) -> None:
        """Save the reflection as typed; `then` follows once it is saved, and not if it could not be."""
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
                then=then,
            )
        )

    async def action_quit(self) -> None:
        """q (ctrl+q, the palette) quits at once, unless the reflection holds lines not saved: then it asks.

        With a form open that holds typing, ctrl+q first says so, and quits at a second press.
        """
        if self.typing_in_a_form() and monotonic() - self.quit_pressed_at > QUIT_AGAIN_WITHIN:
            self.quit_pressed_at = monotonic()
            self.notify(
                "What you typed in the open form is not saved yet: enter saves it. Press ctrl+q again to quit anyway.",
                severity="warning",
            )
            return
        reflection = self.dashboard.reflection
        if not reflection.has_unsaved_lines:
            self.exit()
        elif not isinstance(self.screen, UnsavedReflectionScreen):
            self.push_screen(UnsavedReflectionScreen(reflection.text), self.quit_answered)

    quit_pressed_at = -QUIT_AGAIN_WITHIN  # when ctrl+q was last pressed with a form open

    def typing_in_a_form(self) -> bool:
        """Whether a screen over the dashboard holds text typed into it (a form, the steps after a no)."""
        from textual.widgets import Input, TextArea

        return any(
            (isinstance(field, Input) and field.value.strip()) or (isinstance(field, TextArea) and field.text.strip())
            for screen in self.screen_stack
            if screen is not self.dashboard
            for field in screen.query("Input, TextArea")
            if not field.has_class("filter")  # words to find a record by, not a record being written
        )

    def quit_answered(self, choice: Leaving | None) -> None:
        if choice is Leaving.DISCARD:
            self.exit()
        elif choice is Leaving.SAVE:
            # Should the save fail, nextyes stays open with the text, and the toast says why.
            self.save_reflection(then=lambda _saved: self.exit())
        elif self.screen is self.dashboard:
            self.dashboard.reflection.write()

    def action_plan_rest(self) -> None:
        if (snapshot := self.writable_snapshot()) is None:
            return
        from tui.app.screens.rest_day import RestDayScreen

        def rest_form(draft: RestDraft | None, problem: str) -> RestDayScreen:
            # Opened again after a failed save, it shows the rest days as they are by then.
            latest = self.snapshot or snapshot
            return RestDayScreen(latest.search, snapshot.today, draft, problem)

        self.edit(rest_form, partial(rested, snapshot.today))
