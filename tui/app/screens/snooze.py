"""The snooze form: until which day one of today's actions stays out of sight."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from textual.app import ComposeResult
from textual.widgets import Input, Static

from tui.app.screens.form import FormScreen
from tui.core.day_view import Action
from tui.core.days import ACCEPTED_SNOOZE, DateParseError, describe_day, parse_until

DEFAULT_SNOOZE = "3 days"


@dataclass(frozen=True)
class SnoozeDraft:
    """A snooze as typed, ready for `Recorder.snooze`."""

    until: date
    until_text: str  # as typed, so a retry shows it as it was


class SnoozeScreen(FormScreen[SnoozeDraft]):
    """One field, read as it is typed; the line below says the day it comes back."""

    hint_text = "enter snoozes · escape cancels"
    AUTO_FOCUS = "#until"

    def __init__(self, action: Action, today: date, draft: SnoozeDraft | None = None, problem: str = "") -> None:
        super().__init__(problem)
        self.action = action
        self.today = today
        self.draft = draft
        self.title_text = f"Snooze: {action.title}"

    def fields(self) -> ComposeResult:
        typed = self.draft.until_text if self.draft else DEFAULT_SNOOZE
        placeholder = "3 days, 2 weeks, next monday, 2026-04-01"
        yield self.field_row("Until", Input(typed, id="until", placeholder=placeholder, compact=True))
        yield Static("", id="snooze-status", classes="form-note", markup=False)

    def on_mount(self) -> None:
        super().on_mount()
        self.describe_until()

    def on_input_changed(self) -> None:
        self.describe_until()

    def describe_until(self) -> None:
        status = self.query_one("#snooze-status", Static)
        try:
            until = parse_until(self.query_one("#until", Input).value, self.today)
        except DateParseError:
            status.update(f"Until when? {ACCEPTED_SNOOZE}.")
            return
        status.update(f"Back on {describe_day(until, self.today)}, if it is still to do by then.")

    def read(self) -> SnoozeDraft | None:
        typed = self.query_one("#until", Input).value.strip()
        try:
            until = parse_until(typed, self.today)
        except DateParseError as error:
            self.explain("until", str(error))
            return None
        return SnoozeDraft(until=until, until_text=typed)
