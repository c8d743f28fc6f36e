"""The win form: something you did well, the day it happened, and the application it belongs to if any."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date

from textual.app import ComposeResult
from textual.widgets import Input, Select

from tui.app.screens.form import FormScreen, application_picker, chosen_application, max_length
from tui.core.models import Application, Win


@dataclass(frozen=True)
class WinDraft:
    """A win as typed, ready for `Recorder.add_win`."""

    text: str
    day: date
    day_text: str  # as typed, so a retry shows it as it was
    application_id: uuid.UUID | None


class WinScreen(FormScreen[WinDraft]):
    """What you did first; the day is today unless typed otherwise; the application is optional.

    The applications are offered as given: all of them, closed ones too, the latest touched first.
    """

    title_text = "Add a win: something you did well, ideally with a number in it"
    hint_text = "enter saves · tab next field · space opens a list · escape cancels"
    AUTO_FOCUS = "#text"

    def __init__(
        self,
        today: date,
        applications: list[Application],
        draft: WinDraft | None = None,
        problem: str = "",
    ) -> None:
        super().__init__(problem)
        self.today = today
        self.applications = applications
        self.draft = draft

    def fields(self) -> ComposeResult:
        draft = self.draft
        yield self.field_row(
            "Win",
            Input(
                draft.text if draft else "",
                id="text",
                placeholder="e.g. cut build time from 20 to 6 minutes",
                compact=True,
            ),
        )
        yield self.field_row(
            "Day",
            Input(
                draft.day_text if draft else "today", id="day", placeholder="today, friday, 2026-03-14", compact=True
            ),
        )
        application_id = draft.application_id if draft else None
        yield self.field_row(
            "Application",
            application_picker(self.applications, application_id, with_stage=True),
        )

    def read(self) -> WinDraft | None:
        text = self.read_text("text", max_length(Win, "text"))
        if text == "":
            self.explain("text", "write what you did; a number makes it easy to believe on a rough day")
        day = self.read_day(
            "day", self.today, future_refused="that is in the future; a win counts once it has happened"
        )
        if not text or day is None:
            return None
        application = chosen_application(self.query_one("#application", Select))
        return WinDraft(
            text=text,
            day=day,
            day_text=self.query_one("#day", Input).value.strip(),
            application_id=application,
        )
