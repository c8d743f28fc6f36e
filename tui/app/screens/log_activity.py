"""The log form: what you did for your search, on which day, and for which application if any.

The kind starts unchosen: a form saved unchanged must not file the note under whatever came first.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date

from textual.app import ComposeResult
from textual.widgets import Input, Select

from tui.app.screens.form import FormScreen, application_picker, chosen_application, max_length
from tui.app.widgets.choice import LetterSelect
from tui.core.models import Activity, ActivityKind, Application

WHAT_COUNTS = {
    ActivityKind.APPLY: "applied somewhere",
    ActivityKind.FOLLOW_UP: "followed up",
    ActivityKind.NETWORK: "reached out to someone",
    ActivityKind.INTERVIEW: "had an interview",
    ActivityKind.LEARN: "learned something",
    ActivityKind.PREP: "prepared",
    ActivityKind.REFLECT: "reflected",
    ActivityKind.OTHER: "did something else",
}

KIND_NEEDED = "needed: type a letter or press space"


@dataclass(frozen=True)
class ActivityDraft:
    """An activity as typed in the form, ready for `Recorder.log`."""

    kind: ActivityKind
    note: str
    application_id: uuid.UUID | None
    on: date
    on_text: str


class LogActivityScreen(FormScreen[ActivityDraft]):
    """Kind first (chosen by its first letter), then a note; the application and the day are optional.

    The applications are offered as given: all of them, closed ones too, the latest touched first.
    """

    title_text = "Log an activity"
    AUTO_FOCUS = "#kind"

    def __init__(
        self,
        today: date,
        applications: list[Application],
        draft: ActivityDraft | None = None,
        problem: str = "",
    ) -> None:
        super().__init__(problem)
        self.today = today
        self.applications = applications
        self.draft = draft

    def fields(self) -> ComposeResult:
        draft = self.draft
        yield self.field_row(
            "Kind",
            LetterSelect(
                [(f"{kind.value} — {WHAT_COUNTS[kind]}", kind) for kind in ActivityKind],
                value=draft.kind if draft else Select.NULL,
                prompt=KIND_NEEDED,
                id="kind",
                compact=True,
            ),
        )
        yield self.field_row(
            "Note",
            Input(draft.note if draft else "", id="note", placeholder="e.g. coffee with Dana", compact=True),
        )
        application_id = draft.application_id if draft else None
        yield self.field_row(
            "Application",
            application_picker(self.applications, application_id, with_stage=True),
        )
        yield self.field_row(
            "Day",
            Input(draft.on_text if draft else "today", id="day", placeholder="today", compact=True),
        )

    def read(self) -> ActivityDraft | None:
        chosen = self.query_one("#kind", Select).value
        kind = chosen if isinstance(chosen, ActivityKind) else None
        if kind is None:
            self.explain("kind", "choose what you did: type its first letter, or space for the list")
        note = self.read_text("note", max_length(Activity, "note"))
        day = self.read_day("day", self.today, future_refused="that is in the future; log what you have done")
        if kind is None or note is None or day is None:
            return None
        day_text = self.query_one("#day", Input).value.strip()
        application = chosen_application(self.query_one("#application", Select))
        return ActivityDraft(
            kind=kind,
            note=note,
            application_id=application,
            on=day,
            on_text=day_text,
        )
