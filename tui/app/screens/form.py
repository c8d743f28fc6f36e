"""What every nextyes form shares: labelled fields, errors beside them, enter saves, escape cancels."""

from __future__ import annotations

import uuid
from datetime import date
from typing import Generic, TypeVar

from annotated_types import MaxLen
from pydantic import BaseModel
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widget import Widget
from textual.widgets import Input, Label, Select, Static

from tui.app.screens.modal import Modal
from tui.app.widgets.choice import LetterSelect
from tui.core.days import DateParseError, parse_day
from tui.core.models import Application

ResultType = TypeVar("ResultType")


def max_length(model: type[BaseModel], field: str) -> int:
    """The longest text the record accepts for `field`, read from the model so the two never disagree."""
    limits = [m.max_length for m in model.model_fields[field].metadata if isinstance(m, MaxLen)]
    return min(limits)


def application_picker(
    applications: list[Application], chosen: uuid.UUID | None, *, with_stage: bool = False
) -> Select[uuid.UUID]:
    """An optional choice of one application ("none" until one is picked), keeping `chosen` when it is listed."""
    return LetterSelect(
        [(f"{a.company} — {a.role}" + (f" ({a.stage.value})" if with_stage else ""), a.id) for a in applications],
        value=chosen if chosen in {a.id for a in applications} else Select.NULL,
        prompt="none",
        id="application",
        compact=True,
    )


def chosen_application(select: Select[uuid.UUID]) -> uuid.UUID | None:
    value = select.value
    return value if isinstance(value, uuid.UUID) else None


def whole_number(text: str, low: int, high: int) -> int | None:
    """A whole number from `low` to `high` as typed, in any script's digits; None for anything else.

    `str.isdigit` is not enough: it accepts '²', which `int` refuses, and `int` refuses more than 4,300 digits.
    """
    if not text.isdecimal() or len(text) > len(str(high)) + 3:
        return None
    number = int(text)
    return number if low <= number <= high else None


def too_long(text: str, limit: int) -> str | None:
    if len(text) <= limit:
        return None
    return f"too long: {len(text)} characters, at most {limit}"


class FormScreen(Modal[ResultType | None], Generic[ResultType]):
    """A modal form. It only reads and checks what was typed; it returns the result through `dismiss`.

    Subclasses yield their fields from `fields()` (each wrapped by `field_row`) and turn what was
    typed into a result in `read()`, calling `explain()` beside each field that is wrong.
    """

    BINDINGS = [
        Binding("escape", "cancel", "Cancel", show=True),
        # Priority, so enter saves from a Select too instead of opening its list.
        Binding("enter", "submit", "Save", show=True, priority=True),
        # Priority, so focus moves before the next typed key is delivered: fast typing lands in the
        # field after the tab, not the one before it.
        Binding("tab", "app.focus_next", "Next field", show=False, priority=True),
        Binding("shift+tab", "app.focus_previous", "Previous field", show=False, priority=True),
    ]

    title_text = ""
    hint_text = "enter saves · tab next field · space opens a list · escape cancels"

    def __init__(self, problem: str = "") -> None:
        super().__init__()
        self.problem = problem  # why an earlier try was not saved, shown above the fields

    def compose(self) -> ComposeResult:
        with Vertical(classes="form"):
            yield Static(self.title_text, classes="form-title", markup=False)
            yield Static(self.problem, classes="form-problem", id="form-problem", markup=False)
            yield from self.fields()
            yield Static(self.hint_text, classes="form-hint")

    def on_mount(self) -> None:
        self.query_one("#form-problem").display = bool(self.problem)

    def fields(self) -> ComposeResult:
        raise NotImplementedError

    def read(self) -> ResultType | None:
        raise NotImplementedError

    @staticmethod
    def field_row(label: str, field: Widget) -> Horizontal:
        """A label and the field beside it.

        What is wrong with the field is said in a line beneath it, added when there is something to say
        (`explain`): a hidden line in a box of its own under every field was a fifth of opening a form.
        """
        field.add_class("field")
        return Horizontal(Label(label, classes="field-label"), field, classes="field-row")

    def explain(self, field_id: str, problem: str) -> None:
        error = self.error_line(field_id)
        error.update(f"⚠ {problem}")
        error.add_class("-shown")

    def error_line(self, field_id: str) -> Static:
        """The line beneath `field_id` that says what is wrong with it: added beneath the field's row the first
        time, or the one its box was made with (a field not in a row)."""
        kept = self.query(f"#{field_id}-error")
        if kept:
            return kept.only_one(Static)
        row = self.query_one(f"#{field_id}").parent
        assert isinstance(row, Widget) and isinstance(row.parent, Widget), f"{field_id} is not in a form's row"
        error = Static("", id=f"{field_id}-error", classes="field-error beneath", markup=False)
        row.parent.mount(error, after=row)
        return error

    def read_text(self, field_id: str, limit: int) -> str | None:
        """The text typed in `field_id`, stripped; None, explained beside it, when it is too long."""
        text = self.query_one(f"#{field_id}", Input).value.strip()
        if problem := too_long(text, limit):
            self.explain(field_id, problem)
            return None
        return text

    def read_day(self, field_id: str, today: date, *, future_refused: str = "") -> date | None:
        """The day typed in `field_id` (blank is today); None, explained beside it, when it cannot be used.

        `future_refused`, when given, says why a day after `today` cannot be used.
        """
        try:
            day = parse_day(self.query_one(f"#{field_id}", Input).value.strip() or "today", today)
        except DateParseError as error:
            self.explain(field_id, str(error))
            return None
        if future_refused and day > today:
            self.explain(field_id, future_refused)
            return None
        return day

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # enter picks from the open list first
        return not (action == "submit" and any(select.expanded for select in self.query(Select)))

    def action_submit(self) -> None:
        for error in self.query(".field-error"):
            error.remove_class("-shown")
        result = self.read()
        if result is not None:
            self.dismiss(result)
            return
        first_wrong = next(iter(self.query(".field-error.-shown")), None)
        if first_wrong is not None and first_wrong.id is not None:
            self.query_one(f"#{first_wrong.id.removesuffix('-error')}").focus()

    def action_cancel(self) -> None:
        self.dismiss(None)
