"""Today's actions: one row per thing to do, with a glyph for open or done and the reason it is due."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from tui.app.commands import Scope, bindings
from tui.core.actions import Action

OPEN_GLYPH = "○"
DONE_GLYPH = "✓"


def action_prompt(action: Action) -> Table:
    """The glyph in its own column, so a title that wraps stays clear of it."""
    row = Table.grid(padding=(0, 1))
    row.add_column(width=1, no_wrap=True)
    row.add_column(ratio=1)
    title = Text(action.title, style="dim" if action.done else "bold")
    title.append(f"\n{action.why}", style="dim italic")
    row.add_row(Text(DONE_GLYPH if action.done else OPEN_GLYPH, style="bold"), title)
    return row


class ActionsList(OptionList):
    """The actions, most pressing first; space or enter marks the highlighted one done."""

    BINDINGS = bindings(Scope.ACTIONS)

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.actions: dict[str, Action] = {}

    def show(self, actions: list[Action]) -> None:
        """Replace the rows, keeping the highlight on the same action when it is still there."""
        previous = self.highlighted_action
        self.actions = {action.key: action for action in actions}
        self.set_options(Option(action_prompt(action), id=action.key) for action in actions)
        keys = list(self.actions)
        if previous is not None and previous.key in self.actions:
            self.highlighted = keys.index(previous.key)
        elif keys:
            first_open = next((i for i, a in enumerate(actions) if not a.done), 0)
            self.highlighted = first_open

    @property
    def highlighted_action(self) -> Action | None:
        option = self.highlighted_option
        return self.actions.get(option.id) if option is not None and option.id else None
