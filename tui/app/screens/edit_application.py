"""The edit form for an application: every field it was added with, and the ones added since, filled in (the
job ad, being long, has a screen of its own: `a` on the application's page).

It returns only what was changed; the app saves it with `Recorder.edit` (a corrected applied day moves the
apply activity with it).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Input, TextArea

from tui.app.screens.form import FormScreen, max_length, too_long
from tui.app.screens.records import typed_day
from tui.app.state import Change
from tui.app.widgets.choice import LetterSelect
from tui.core.days import DateParseError, parse_day
from tui.core.models import Application, ApplicationKind, Stage

# The text fields: the form's id for each, and the record's name for it.
TEXT_FIELDS = {
    "company": "company",
    "role": "role",
    "source": "source",
    "url": "url",
    "location": "location",
    "next-step": "next_step",
    "resume": "resume",
    "resume-path": "resume_path",
    "salary": "salary_advertised",
    "asked": "salary_asked",
}
# The day fields, typed as a person types a day; blank means none.
DAY_FIELDS = {
    "applied-on": "applied_on",
    "next-step-on": "next_step_on",
    "reapply-after": "reapply_after",
}
# What each field is called in the line that confirms the change.
FIELD_WORDS = {
    "company": "company",
    "role": "role",
    "kind": "kind",
    "source": "source",
    "url": "URL",
    "location": "location",
    "applied_on": "applied day",
    "next_step": "next step",
    "next_step_on": "next step's day",
    "reapply_after": "reapply date",
    "resume": "résumé version",
    "resume_path": "résumé's file",
    "salary_advertised": "advertised salary",
    "salary_asked": "salary asked",
    "notes": "notes",
}
DAY_PLACEHOLDER = "2026-03-14, yesterday, next friday"


@dataclass(frozen=True)
class ApplicationEdit:
    """What was changed in the form, by the record's field names, and the form as typed for a retry."""

    changes: dict[str, object]
    typed: dict[str, str] = field(default_factory=dict)  # form id: text, every field

    @property
    def changed_words(self) -> str:
        return ", ".join(FIELD_WORDS[name] for name in self.changes)


def edited(application: Application, draft: ApplicationEdit) -> Change:
    """The correction to save; `u` takes it back."""
    return Change(
        feedback=f"corrected {application.company}: {draft.changed_words}",
        record=lambda recorder: recorder.edit(Application, application.id, **draft.changes),
    )


class EditApplicationScreen(FormScreen[ApplicationEdit]):
    """Every field filled in as it is; enter saves what was changed (ctrl+s from the notes)."""

    BINDINGS = [Binding("ctrl+s", "save", "Save", show=False)]
    hint_text = "enter saves (ctrl+s in the notes) · tab next field · escape cancels"
    AUTO_FOCUS = "#company"

    def __init__(
        self, application: Application, today: date, draft: ApplicationEdit | None = None, problem: str = ""
    ) -> None:
        super().__init__(problem)
        self.application = application
        self.today = today
        self.draft = draft
        self.title_text = f"Edit {application.company} — {application.role}"

    def as_stored(self) -> dict[str, str]:
        """Each field's text as the application holds it."""
        application = self.application
        shown = {form_id: str(getattr(application, name)) for form_id, name in TEXT_FIELDS.items()}
        days = {form_id: getattr(application, name) for form_id, name in DAY_FIELDS.items()}
        shown |= {form_id: typed_day(day, self.today) if day is not None else "" for form_id, day in days.items()}
        return shown | {"kind": application.kind.value, "notes": application.notes}

    def fields(self) -> ComposeResult:
        typed = self.draft.typed if self.draft else self.as_stored()

        def text(form_id: str, placeholder: str = "") -> Input:
            return Input(typed[form_id], id=form_id, placeholder=placeholder, compact=True)

        yield self.field_row("Company", text("company"))
        yield self.field_row("Role", text("role"))
        yield self.field_row(
            "Kind",
            LetterSelect(
                [(kind.value, kind) for kind in ApplicationKind],
                value=ApplicationKind(typed["kind"]),
                allow_blank=False,
                id="kind",
                compact=True,
            ),
        )
        yield self.field_row("Source", text("source", "e.g. job board, referral"))
        yield self.field_row("URL", text("url"))
        yield self.field_row("Location", text("location", "e.g. Berlin, remote"))
        sent = "blank: not sent yet" if self.application.stage is Stage.SAVED else DAY_PLACEHOLDER
        yield self.field_row("Applied on", text("applied-on", sent))
        yield self.field_row("Résumé", text("resume", "the version sent, e.g. data-v2"))
        yield self.field_row("Résumé file", text("resume-path", "where it is, e.g. ~/cv/data-v2.pdf"))
        yield self.field_row("Salary", text("salary", "as advertised, e.g. €60–70k"))
        yield self.field_row("You asked", text("asked", "what you asked for"))
        yield self.field_row("Next step", text("next-step", "e.g. call Dana"))
        yield self.field_row("Next step on", text("next-step-on", DAY_PLACEHOLDER))
        yield self.field_row("Reapply from", text("reapply-after", "a day to try this company again"))
        notes = TextArea(typed["notes"], id="notes", soft_wrap=True, show_line_numbers=False, placeholder="optional")
        yield self.field_row("Notes", notes)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "submit" and isinstance(self.focused, TextArea):
            return False  # enter in the notes starts a new line; ctrl+s saves from there
        return super().check_action(action, parameters)

    def action_save(self) -> None:
        self.action_submit()

    def typed(self) -> dict[str, str]:
        typed = {form_id: self.query_one(f"#{form_id}", Input).value for form_id in (*TEXT_FIELDS, *DAY_FIELDS)}
        kind = self.query_one("#kind", LetterSelect).value
        typed["kind"] = kind.value if isinstance(kind, ApplicationKind) else self.application.kind.value
        return typed | {"notes": self.query_one("#notes", TextArea).text}

    def read(self) -> ApplicationEdit | None:
        typed = self.typed()
        problems: dict[str, str] = {}
        values: dict[str, object] = {}
        for form_id, name in TEXT_FIELDS.items():
            text = typed[form_id].strip()
            if problem := too_long(text, max_length(Application, name)):
                problems[form_id] = problem
            values[name] = text
        for form_id in ("company", "role"):
            if not values[form_id]:
                problems[form_id] = f"the {form_id} is needed"
        notes = typed["notes"].strip()
        if problem := too_long(notes, max_length(Application, "notes")):
            problems["notes"] = problem
        values["notes"] = notes
        values["kind"] = ApplicationKind(typed["kind"])
        for form_id, name in DAY_FIELDS.items():
            text = typed[form_id].strip()
            try:
                values[name] = parse_day(text, self.today) if text else None
            except DateParseError as error:
                problems[form_id] = str(error)
        applied_on = values.get("applied_on")
        if isinstance(applied_on, date) and applied_on > self.today:
            problems["applied-on"] = "that is in the future; an application counts once it is sent"
        elif "applied-on" not in problems and applied_on is None and self.application.stage is not Stage.SAVED:
            problems["applied-on"] = f"it is {self.application.stage.value}, so it was sent: the day it went is needed"
        for form_id, problem in problems.items():
            self.explain(form_id, problem)
        if problems:
            return None
        changes = {name: values[name] for name in FIELD_WORDS if self.differs(name, values[name])}
        if not changes:
            self.app.notify("Nothing changed, so nothing was saved.")
            self.dismiss(None)
            return None
        return ApplicationEdit(changes=changes, typed=typed)

    def differs(self, name: str, value: object) -> bool:
        stored = getattr(self.application, name)
        if isinstance(stored, str) and isinstance(value, str):
            return stored.strip() != value  # a stray space kept from an import is no change
        return bool(stored != value)
