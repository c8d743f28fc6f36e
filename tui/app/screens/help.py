"""The help screen: every key, from the command list that makes the bindings, and the calendar's glyphs."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content

from tui.app.commands import COMMANDS, NAVIGATION, SCREEN_COMMANDS, Scope
from tui.app.screens.modal import Modal
from tui.app.widgets.heatmap import STATE_MEANINGS
from tui.app.widgets.long_text import Columns, LongText, labelled
from tui.core.streaks import DayState

KEY_WIDTH = 15  # the keys' column and the space after it; what each does is wrapped beside it


def keys_section(heading: str, rows: list[tuple[str, Content | str]]) -> list[Content | Columns]:
    """The heading, then a key and what it does on each line."""
    return [Content.styled(heading, "bold underline"), *labelled(rows, KEY_WIDTH, "bold")]


def keys_guide() -> list[Content | Columns]:
    """Every key, grouped by where it works: the dashboard first, then the screens opened from it."""
    lines: list[Content | Columns] = []
    for scope in Scope:
        rows: list[tuple[str, Content | str]] = [
            (command.key_display, Content.assemble(command.title, ": ", (command.description, "dim")))
            for command in (*COMMANDS, *SCREEN_COMMANDS)
            if command.scope is scope
        ]
        if rows:
            lines += keys_section(scope.value, rows)
    lines += keys_section("Moving around", list(NAVIGATION))
    lines += glyph_legend()
    return lines


def glyph_legend() -> list[Content | Columns]:
    """What each calendar glyph means; the header's glyph for today reads the same."""
    rows: list[tuple[str, Content | str]] = [(f"  {state.glyph}", STATE_MEANINGS[state]) for state in DayState]
    rows.append(("", Content.styled("blank: before your first activity, or still to come", "dim")))
    return keys_section("The calendar (p shows it all)", rows)


KEYS_GUIDE = keys_guide()  # each line measured once a width (`LongText`): it never changes


class HelpScreen(Modal[None]):
    """A list of keys over the dashboard; escape, ? or q closes it."""

    BINDINGS = [
        Binding("escape,question_mark,q", "close", "Close", show=True),
    ]

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="help", id="help") as body:
            body.border_title = "Keys"
            body.border_subtitle = "↑↓ scroll · escape closes"
            keys = LongText(id="help-keys")
            keys.show_lines(KEYS_GUIDE)
            yield keys

    def show_afresh(self) -> None:
        """From the top, as when first opened: the app keeps this screen."""
        if self.is_mounted:
            self.query_one("#help", VerticalScroll).scroll_home(animate=False)

    def action_close(self) -> None:
        self.dismiss(None)
