"""The dashboard: the header line, Today's actions, the Reflection, Pending applications and the calendar."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Footer, Static

from tui.app.widgets.actions import ActionsList
from tui.app.widgets.heatmap import Heatmap, legend
from tui.app.widgets.momentum import MomentumLine
from tui.app.widgets.pending import PendingTable
from tui.app.widgets.reflection import ReflectionPanel
from tui.core.dashboard import Dashboard
from tui.core.days import describe_day
from tui.core.streaks import DayState


class DashboardScreen(Screen[None]):
    """Draws what the app hands it; it never reads or writes the database itself."""

    AUTO_FOCUS = "#actions"

    class Ready(Message):
        """The panels exist: the app may read the database and fill them."""

    def on_mount(self) -> None:
        self.post_message(self.Ready())

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
        # Compact and without the palette hint (ctrl+p is in help), so every key fits in 80 columns.
        yield Footer(compact=True, show_command_palette=False)

    def show(self, dashboard: Dashboard) -> None:
        self.query_one("#problem").display = False
        self.query_one(MomentumLine).show(dashboard)
        self.query_one(Heatmap).show(dashboard.history)
        self.query_one("#actions-panel").border_subtitle = describe_day(dashboard.today, dashboard.today)
        self.query_one(ActionsList).show(dashboard.actions)
        self.query_one(PendingTable).show(dashboard.pending, dashboard.today)
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
