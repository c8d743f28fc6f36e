"""The help screen: every key, from the command list that makes the bindings, and the calendar's glyphs."""

from __future__ import annotations

from rich.console import Group
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll

from tui.app.commands import COMMANDS, NAVIGATION, SCREEN_COMMANDS, Scope
from tui.app.screens.modal import Modal
from tui.app.widgets.heatmap import STATE_MEANINGS
from tui.app.widgets.long_text import LongText
from tui.core.streaks import DayState


def keys_section(heading: str, rows: list[tuple[str, Text | str]]) -> Group:
    table = Table.grid(padding=(0, 1))
    table.add_column(style="bold", no_wrap=True, width=14)
    table.add_column(ratio=1)
    for keys, meaning in rows:
        table.add_row(keys, meaning)
    return Group(Text(heading, style="bold underline"), table)


def keys_guide() -> Group:
    """Every key, grouped by where it works: the dashboard first, then the screens opened from it."""
    sections = []
    for scope in Scope:
        rows: list[tuple[str, Text | str]] = [
            (command.key_display, Text.assemble(command.title, ": ", (command.description, "dim")))
            for command in (*COMMANDS, *SCREEN_COMMANDS)
            if command.scope is scope
        ]
        if rows:
            sections.append(keys_section(scope.value, rows))
    sections.append(keys_section("Moving around", list(NAVIGATION)))
    sections.append(glyph_legend())
    return Group(*sections)


def glyph_legend() -> Group:
    """What each calendar glyph means; the header's glyph for today reads the same."""
    table = Table.grid(padding=(0, 1))
    table.add_column(style="bold", no_wrap=True, width=14)
    table.add_column(ratio=1)
    for state in DayState:
        table.add_row(f"  {state.glyph}", STATE_MEANINGS[state])
    table.add_row("", Text("blank: before your first activity, or still to come", style="dim"))
    return Group(Text("The calendar (p shows it all)", style="bold underline"), table)


KEYS_GUIDE = keys_guide()  # drawn once a width and theme (`LongText`): it never changes


class HelpScreen(Modal[None]):
    """A list of keys over the dashboard; escape, ? or q closes it."""

    BINDINGS = [
        Binding("escape,question_mark,q", "close", "Close", show=True),
    ]

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="help", id="help") as body:
            body.border_title = "Keys"
            body.border_subtitle = "↑↓ scroll · escape closes"
            yield LongText(KEYS_GUIDE, kept_for=KEYS_GUIDE, id="help-keys")

    def show_afresh(self) -> None:
        """From the top, as when first opened: the app keeps this screen."""
        if self.is_mounted:
            self.query_one("#help", VerticalScroll).scroll_home(animate=False)

    def action_close(self) -> None:
        self.dismiss(None)
