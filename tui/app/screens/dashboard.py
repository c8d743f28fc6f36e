"""The dashboard: the header line, Today's actions, the Reflection, Pending applications and the calendar;
and the question asked before leaving it with a reflection not saved.
"""

from __future__ import annotations

from enum import StrEnum

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import DataTable, Static

from tui.app.screens.modal import Modal
from tui.app.widgets.actions import ActionsList
from tui.app.widgets.footer import KeysFooter
from tui.app.widgets.heatmap import Heatmap, legend
from tui.app.widgets.momentum import MomentumLine
from tui.app.widgets.pending import PendingTable
from tui.app.widgets.reflection import ReflectionPanel, ReflectionText
from tui.core.dashboard import Dashboard
from tui.core.days import describe_day
from tui.core.streaks import DayState

NARROW = 70  # columns: below this the calendar beside Pending leaves the next step no room


class DashboardScreen(Screen[None]):
    """Draws what the app hands it; it never reads or writes the database itself."""

    AUTO_FOCUS = "#actions"

    class Ready(Message):
        """The panels exist: the app may read the database and fill them."""

    def on_mount(self) -> None:
        self.post_message(self.Ready())

    @property
    def focus_chain(self) -> list[Widget]:
        """Tab and shift+tab go between Today's actions and Pending applications, never into the reflection.

        The reflection takes letters as text: landing there by tab, the next `s` or space would be typed
        instead of doing what it does everywhere else. It is reached by choice: r, its action, or a click;
        once there, tab goes on from it as from any panel.
        """
        return [widget for widget in super().focus_chain if not isinstance(widget, ReflectionText) or widget.has_focus]

    def on_resize(self) -> None:
        """Narrower than NARROW the calendar steps aside (p shows it), so Pending reads whole across the width."""
        self.set_class(self.size.width < NARROW, "-narrow")

    def compose(self) -> ComposeResult:
        yield MomentumLine("[b]nextyes[/b]  │  Opening your job search…", id="momentum")
        yield Static("", id="problem", markup=False)
        with Horizontal(id="top"):
            with Vertical(id="actions-panel", classes="panel") as actions:
                actions.border_title = "Today's actions"
                yield ActionsList(id="actions")
            with Vertical(id="reflection-panel", classes="panel") as reflection:
                reflection.border_title = "Reflection"
                yield ReflectionPanel(id="reflection")
        with Horizontal(id="bottom"):
            with Vertical(id="pending-panel", classes="panel") as pending:
                pending.border_title = "Pending applications"
                yield PendingTable(id="pending")
                yield Static("", id="pending-empty")
            with Vertical(id="heatmap-panel", classes="panel") as calendar:
                # The legend rides on the border, so the calendar keeps its room at 80×24.
                calendar.border_title = legend((DayState.DONE, DayState.REST, DayState.RECOVERY), " ")
                calendar.border_subtitle = legend((DayState.FROZEN, DayState.MISSED, DayState.PENDING), " ")
                yield Heatmap(id="heatmap")
        yield KeysFooter()

    def show(self, dashboard: Dashboard) -> None:
        self.query_one("#problem").display = False
        self.query_one(MomentumLine).show(dashboard)
        self.query_one(Heatmap).show(dashboard.history)
        self.query_one("#actions-panel").border_subtitle = describe_day(dashboard.today, dashboard.today)
        self.query_one(ActionsList).show(dashboard.actions)
        self.query_one(PendingTable).show(dashboard.pending, dashboard.today)
        self.describe_highlighted()
        count = len(dashboard.pending)
        self.query_one("#pending-panel").border_title = f"Pending applications ({count})"
        empty = self.query_one("#pending-empty", Static)
        empty.update("" if count else "Nothing waiting on a reply yet. Press a to add an application.")
        empty.display = count == 0
        self.query_one(PendingTable).display = count > 0
        # As tall as its rows (a header and two borders more), within the CSS bounds: a number set here,
        # not the table's own auto height, which is known only once it has measured its rows.
        self.query_one("#bottom").styles.height = count + 3
        self.query_one(ReflectionPanel).show(dashboard)

    @on(DataTable.RowHighlighted, "#pending")
    def describe_highlighted(self) -> None:
        """Narrow, the table leaves out the role and when it was last touched: the border says them for the
        highlighted application, so nothing of it is out of reach at 80 columns."""
        self.query_one("#pending-panel").border_subtitle = Text(self.pending.highlighted_details())

    def show_problem(self, message: str, *, opened: bool) -> None:
        """A database problem, in one line that names the file; the panels keep what they showed."""
        problem = self.query_one("#problem", Static)
        problem.update(f"⚠ {message}")
        problem.display = True
        if not opened:
            self.query_one(MomentumLine).update(
                "[b]nextyes[/b]  │  Your job search could not be opened; the file was not changed"
            )
            self.query_one(PendingTable).display = False
            empty = self.query_one("#pending-empty", Static)
            empty.update("Nothing to show until the database can be read.")
            empty.display = True

    @property
    def actions(self) -> ActionsList:
        return self.query_one(ActionsList)

    @property
    def pending(self) -> PendingTable:
        return self.query_one(PendingTable)

    @property
    def reflection(self) -> ReflectionPanel:
        return self.query_one(ReflectionPanel)


class Leaving(StrEnum):
    """What becomes of a reflection typed and not saved when nextyes is quit."""

    SAVE = "save"
    DISCARD = "discard"


# As much of the typed reflection as the question quotes, so the person sees what is at stake.
EXCERPT_LENGTH = 150


def excerpt(text: str) -> str:
    words = " ".join(text.split())
    return f"“{words}”" if len(words) <= EXCERPT_LENGTH else f"“{words[: EXCERPT_LENGTH - 1].rstrip()}…”"


class UnsavedReflectionScreen(Modal[Leaving | None]):
    """Asked on quitting while the reflection holds lines not saved: save them and quit, quit without
    them, or go back to them (escape, None). Quitting never drops typed text without this question."""

    BINDINGS = [
        Binding("s,enter", "leave('save')", "Save and quit", show=False),
        Binding("d", "leave('discard')", "Quit without it", show=False),
        Binding("escape", "back", "Back to it", show=False),
    ]

    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = text

    def compose(self) -> ComposeResult:
        with Vertical(id="leaving"):
            yield Static("Today's reflection is not saved yet", id="leaving-title")
            yield Static("You wrote this and have not saved it:")
            yield Static(excerpt(self.text), id="leaving-excerpt", markup=False)
            yield Static(
                "s or enter saves it and quits · d quits without it · escape goes back to it", id="leaving-hint"
            )

    def action_leave(self, choice: str) -> None:
        self.dismiss(Leaving(choice))

    def action_back(self) -> None:
        self.dismiss(None)
