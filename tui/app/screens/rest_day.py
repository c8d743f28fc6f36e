"""The rest-day form: a day off that keeps the streak, or, for a day already planned, cancelling it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from textual.app import ComposeResult
from textual.widgets import Input, Static

from tui.app.screens.form import FormScreen, max_length
from tui.core.days import DateParseError, describe_day, parse_day
from tui.core.models import RestDay
from tui.core.rewards import week_start
from tui.core.search import JobSearch
from tui.core.streaks import DayState, recovery_days, rest_days_left


@dataclass(frozen=True)
class RestDraft:
    """A rest day as typed: to plan with `Recorder.plan_rest`, or to cancel when `cancel` is set."""

    day: date
    day_text: str  # as typed, so a retry shows it as it was
    note: str
    cancel: bool


def describe_allowance(search: JobSearch, day: date, today: date) -> str:
    """What the week holding `day` still allows: '1 of 2 rest days left this week'."""
    allowance = search.settings.rest_days_per_week
    left = rest_days_left(search, day)
    monday = week_start(day)
    week = "this week" if monday == week_start(today) else f"in the week of {describe_day(monday, today)}"
    if allowance == 0:
        return "⚠ Rest days are turned off ('nextyes settings --rest-days-per-week N' turns them on)."
    if left == 0:
        return f"⚠ No rest days left {week}: all {allowance} are planned."
    return f"{left} of {allowance} rest {'day' if allowance == 1 else 'days'} left {week}."


class RestDayScreen(FormScreen[RestDraft]):
    """Day first (today unless typed otherwise), a note if you like; the line below says what enter does."""

    title_text = "Plan a rest day: it keeps your streak without adding to it"
    hint_text = "enter saves · tab next field · escape cancels"
    AUTO_FOCUS = "#day"

    def __init__(self, search: JobSearch, today: date, draft: RestDraft | None = None, problem: str = "") -> None:
        super().__init__(problem)
        self.search = search
        self.today = today
        self.draft = draft

    def fields(self) -> ComposeResult:
        draft = self.draft
        yield self.field_row(
            "Day",
            Input(
                draft.day_text if draft else "today",
                id="day",
                placeholder="today, tomorrow, next friday, 2026-03-20",
                compact=True,
            ),
        )
        yield self.field_row(
            "Note",
            Input(draft.note if draft else "", id="note", placeholder="e.g. family visit", compact=True),
        )
        yield Static("", id="rest-status", classes="form-note", markup=False)

    def on_mount(self) -> None:
        super().on_mount()
        self.describe_day()

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id == "day":
            self.describe_day()

    def describe_day(self) -> None:
        """Say, as the day is typed, whether it would plan a rest day or cancel one, and what is left."""
        typed = self.query_one("#day", Input).value.strip() or "today"
        status = self.query_one("#rest-status", Static)
        try:
            day = parse_day(typed, self.today)
        except DateParseError:
            status.update("Which day? today, tomorrow, next friday or a date such as 2026-03-20.")
            return
        rest = DayState.REST.glyph
        if self.search.rest_day_on(day) is not None:
            status.update(
                f"{rest} {describe_day(day, self.today)} is already a rest day: "
                "enter cancels it, making it an ordinary day."
            )
            return
        protected = recovery_days(self.search, self.search.settings.recovery_days).get(day)
        if protected is not None:
            status.update(
                f"{DayState.RECOVERY.glyph} {describe_day(day, self.today)} is already protected ({protected}): "
                "no rest day is needed, and none would be used."
            )
            return
        status.update(f"{rest} {describe_day(day, self.today)} · {describe_allowance(self.search, day, self.today)}")

    def read(self) -> RestDraft | None:
        note = self.read_text("note", max_length(RestDay, "note"))
        day = self.read_day("day", self.today)
        if note is None or day is None:
            return None
        day_text = self.query_one("#day", Input).value.strip()
        cancel = self.search.rest_day_on(day) is not None
        return RestDraft(day=day, day_text=day_text, note=note, cancel=cancel)
