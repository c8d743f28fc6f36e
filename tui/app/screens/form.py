"""What every nextyes form shares: labelled fields, errors beside them, enter saves, escape cancels."""

from __future__ import annotations

import uuid
from datetime import date
from typing import Generic, TypeVar
from weakref import WeakKeyDictionary

from annotated_types import MaxLen
from pydantic import BaseModel
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.geometry import Size
from textual.layout import DockArrangeResult
from textual.widget import Widget
from textual.widgets import Input, Select, Static

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


LABELS: WeakKeyDictionary[Widget, str] = WeakKeyDictionary()  # each labelled field's label (`field_row`)


class Fields(Vertical):
    """A form's fields, one under another, each one labelled by `FormScreen.field_row` shown with its label to
    its left, drawn by this one widget: its own lines, beneath its fields, on the line where each one is.

    A label and a row to hold it beside its field were two widgets of every three in a form, and Textual's
    cost of a widget is most of what opening a form costs: editing an application took 155 ms, 90 without.
    A labelled field keeps the room for its label with its left margin (screens.tcss).
    """

    COMPONENT_CLASSES = {"fields--label"}

    def __init__(self, *children: Widget, id: str | None = None, classes: str = "") -> None:
        super().__init__(*children, id=id, classes=f"fields {classes}".strip())
        self.label_rows: tuple[tuple[int, str], ...] = ()  # (line, label) of each labelled field shown

    def arrange(self, size: Size, optimal: bool = False) -> DockArrangeResult:
        """Where the fields go, as Vertical puts them; when a labelled one moved (a line shown or hidden above
        it), the labels are drawn again where the fields now are."""
        arrangement = super().arrange(size, optimal)
        rows = tuple(
            (placement.region.y, LABELS[placement.widget])
            for placement in arrangement.placements
            if placement.widget in LABELS
        )
        if rows != self.label_rows:
            self.label_rows = rows
            self.refresh()
        return arrangement

    def render(self) -> Content:
        lines = [Content("")] * self.size.height
        style = self.get_visual_style("fields--label")
        for line, label in self.label_rows:
            if line < len(lines):
                lines[line] = Content.styled(label, style)
        return Content("\n").join(lines)


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
            with Fields():
                yield from self.fields()
            yield Static(self.hint_text, classes="form-hint")

    def on_mount(self) -> None:
        self.query_one("#form-problem").display = bool(self.problem)
        unlabelled = [field for field in self.query(".labelled") if not isinstance(field.parent, Fields)]
        assert not unlabelled, f"labelled fields outside a Fields, whose labels nothing draws: {unlabelled}"

    def fields(self) -> ComposeResult:
        raise NotImplementedError

    def read(self) -> ResultType | None:
        raise NotImplementedError

    @staticmethod
    def field_row(label: str, field: Widget) -> Widget:
        """`field`, shown with `label` to its left (by the `Fields` it is in).

        What is wrong with the field is said in a line beneath it, added when there is something to say
        (`explain`): a hidden line in a box of its own under every field was a fifth of opening a form.
        """
        field.add_class("field")
        if isinstance(field, Select):
            # Textual lays a choice's list out from where its margin begins: it keeps one box of its own,
            # which holds the room for the label, so the list opens under the choice.
            field = Vertical(field, classes="choice-box")
        field.add_class("labelled")
        LABELS[field] = label
        return field

    def explain(self, field_id: str, problem: str) -> None:
        error = self.error_line(field_id)
        error.update(f"⚠ {problem}")
        error.add_class("-shown")

    def error_line(self, field_id: str) -> Static:
        """The line beneath `field_id` that says what is wrong with it: added beneath the field the first time,
        or the one its box was made with (a field not labelled beside it)."""
        kept = self.query(f"#{field_id}-error")
        if kept:
            return kept.only_one(Static)
        field = self.query_one(f"#{field_id}")
        labelled = field if field in LABELS else field.parent  # a choice is in a box of its own
        assert isinstance(labelled, Widget) and labelled in LABELS, f"{field_id} is not a form's labelled field"
        error = Static("", id=f"{field_id}-error", classes="field-error beneath", markup=False)
        assert isinstance(labelled.parent, Widget)
        labelled.parent.mount(error, after=labelled)
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
