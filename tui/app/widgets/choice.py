"""Choosing from a list in a form: `LetterSelect`, which a typed letter chooses from, and the applications to offer."""

from __future__ import annotations

import uuid
from collections.abc import Hashable, Iterable
from datetime import date
from typing import TypeVar, cast

from rich.console import RenderableType
from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.content import Content
from textual.css.styles import RulesMap
from textual.geometry import Size
from textual.widgets import Select

# No public names: the closed choice and the list that opens beneath it (see `LetterSelect.compose`).
from textual.widgets._select import SelectCurrent, SelectOverlay
from textual.widgets.select import NoSelection

from tui.app.widgets.long_text import Cell, Columns
from tui.core.models import Application
from tui.core.pipeline import last_touch
from tui.core.remembering import remembers
from tui.core.search import JobSearch

ChoiceType = TypeVar("ChoiceType", bound=Hashable)


def _shown_text(prompt: object) -> str:
    if isinstance(prompt, Text | Content):
        return prompt.plain
    return str(prompt)


def _chooses(character: str | None) -> bool:
    """Whether a key typed on the closed list is a choice: a letter, digit or sign, not space."""
    return character is not None and character.isprintable() and not character.isspace()


class ShownChoice(SelectCurrent):
    """The closed choice, drawn as Textual's is (its words, wrapped, the arrow beside their first line), by one
    widget: Textual's is four (a row, the words, an arrow down and one up), built a step at a time after the
    form's first frame, and were a fifth of opening a form."""

    COMPONENT_CLASSES = {"shown-choice--placeholder", "shown-choice--arrow"}

    def compose(self) -> ComposeResult:
        return iter(())

    def update(self, label: RenderableType | NoSelection) -> None:
        self.label = label
        self.has_value = not isinstance(label, NoSelection)
        self.refresh(layout=True)  # the words may take more lines, or fewer

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        # A row of widgets is as tall as they are; with none, as tall as its words (as a Static is).
        return self.render().get_height(cast(RulesMap, self.styles), width)

    def render(self) -> Columns:
        label = self.label
        if isinstance(label, NoSelection):
            words = Content.styled(self.placeholder, self.get_visual_style("shown-choice--placeholder"))
        else:
            words = label if isinstance(label, Content) else Content(_shown_text(label))
        expanded = isinstance(self.parent, Select) and self.parent.expanded
        arrow = Content.styled("▲" if expanded else "▼", self.get_visual_style("shown-choice--arrow"))
        return Columns(Cell(words), Cell(arrow, 1))


class LetterSelect(Select[ChoiceType]):
    """Textual's closed Select ignores letters; here a letter chooses the first option starting with it.

    The same letter again chooses the next option starting with it, round to the first. A letter no
    option starts with rings the bell and changes nothing. Space, enter and the arrows open the list as before.

    The list is built the first time it opens. Textual's Select builds it with the form, every option in it
    (four thousand applications at five years, for a form's "Application"), for a list most forms never open.
    """

    def compose(self) -> ComposeResult:
        yield ShownChoice(self.prompt)

    @property
    def options_list(self) -> SelectOverlay | None:
        """The list of options, once it has been built."""
        return next(iter(self.query_children(SelectOverlay)), None)

    def build_list(self) -> None:
        """The list of options, beneath the choice, as Select composes it: built and filled when first opened."""
        if self.options_list is None:
            options_list = SelectOverlay(type_to_search=self._type_to_search)
            options_list.compact = self.compact  # as Select binds it (the forms never change it)
            self.mount(options_list)
            super()._setup_options_renderables()

    def _setup_options_renderables(self) -> None:
        if self.options_list is not None:  # else the list takes the options as it is built
            super()._setup_options_renderables()

    def _watch_value(self, value: ChoiceType | NoSelection) -> None:
        if self.options_list is not None:
            super()._watch_value(value)
            return
        # As Select shows a value, but for the list's highlight: the list highlights the value as it opens.
        self._value = value
        current = next(iter(self.query_children(SelectCurrent)), None)
        if current is None:
            return
        prompts = [prompt for prompt, option in self._options if option == value and value != self.NULL]
        current.update(prompts[0] if prompts else self.NULL)
        self.post_message(self.Changed(self, value))

    def _watch_expanded(self, expanded: bool) -> None:
        if expanded:
            self.build_list()
        super()._watch_expanded(expanded)
        self.query_one(ShownChoice).refresh()  # its arrow: up while the list is open

    def _watch_prompt(self, prompt: str) -> None:
        if self.options_list is not None:
            super()._watch_prompt(prompt)
        elif self.is_mounted:
            self.query_one(SelectCurrent).placeholder = prompt
            if self.value == self.NULL:
                self.query_one(SelectCurrent).update(self.NULL)

    def action_show_overlay(self) -> None:
        self.build_list()
        super().action_show_overlay()

    def relabel(self, options: Iterable[tuple[str, ChoiceType]]) -> None:
        """New wording for the options, the same one still chosen and shown in its new words at once."""
        chosen = self.value
        self.set_options(options)  # which chooses the first option
        if self.value == chosen:
            # Textual redraws the choice only when the value changes: the same one in other words is
            # redrawn by hand.
            self._watch_value(chosen)
        else:
            self.value = chosen

    def check_consume_key(self, key: str, character: str | None = None) -> bool:
        # Letters typed here are choices: no binding elsewhere (a screen's or the app's) gets them.
        return _chooses(character) or super().check_consume_key(key, character)

    def on_key(self, event: events.Key) -> None:
        if self.expanded or event.character is None or not _chooses(event.character):
            return
        event.stop()
        event.prevent_default()
        letter = event.character.casefold()
        starting = [
            value
            for prompt, value in self._options
            if value != self.NULL and _shown_text(prompt).strip().casefold().startswith(letter)
        ]
        if not starting:
            self.app.bell()
            return
        after = starting.index(self.value) + 1 if self.value in starting else 0
        self.value = starting[after % len(starting)]


@remembers
def last_touches(search: JobSearch) -> dict[uuid.UUID, date | None]:
    """The day each application was last touched (`last_touch`), kept with the search: the forms that offer
    the applications and the list of them all (A) order by it, thousands of applications at five years."""
    return {application.id: last_touch(search, application) for application in search.applications}


@remembers
def recently_touched_first(search: JobSearch) -> list[Application]:
    """Every application, closed ones too, the one something happened to last first; kept with the search.

    What the forms that link a record to an application offer: a win or an activity can belong to one
    that has ended (a debrief after a no, a thank-you after an offer). Read it, never change it.
    """
    touched = last_touches(search)
    return sorted(
        search.applications,
        key=lambda application: (touched.get(application.id) or date.min, application.updated_at),
        reverse=True,
    )
