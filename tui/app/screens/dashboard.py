"""The dashboard: the header line, Today's actions, the Reflection, Pending applications and the calendar;
and the question asked before leaving it with a reflection not saved.
"""

from __future__ import annotations

from enum import StrEnum
from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Static

from tui.app.screens.modal import KeepsItsLayout, Modal
from tui.app.widgets.actions import ActionsList
from tui.app.widgets.footer import KeysFooter
from tui.app.widgets.heatmap import Heatmap, legend
from tui.app.widgets.momentum import MomentumLine
from tui.core.day_view import Dashboard

if TYPE_CHECKING:  # built after the first frame (`complete_panels`)
    from textual.widgets import DataTable

    from tui.app.widgets.pending import PendingTable
    from tui.app.widgets.reflection import ReflectionPanel
from tui.core.days import describe_day
from tui.core.streaks import DayState, StreakHistory

NARROW = 70  # columns: below this the calendar beside Pending leaves the next step no room


class DashboardScreen(KeepsItsLayout, Screen[None]):
    """Draws what the app hands it; it never reads or writes the database itself."""

    AUTO_FOCUS = "#actions"

    class Ready(Message):
        """The panels exist: the app may read the database and fill them."""

    def __init__(self, kept: Dashboard | None = None, streak: StreakHistory | None = None) -> None:
        super().__init__()
        self.kept = kept  # the dashboard the app last worked out, while it still holds (tui/app/kept_view.py)
        self.streak = streak  # with none kept, the streak as the search's brief has it: the header, at once
        # Every panel's insides are mounted. With a kept dashboard, Pending's table and the reflection's text
        # area (the slowest widgets to build) wait for the first frame (`complete_panels`); without one, the
        # first frame has nothing to show early, and the search is read at once.
        self.complete = kept is None

    def on_mount(self) -> None:
        """The first frame: the header and Today's actions from the kept dashboard, or, with none, the read."""
        if self.kept is not None:
            self.show_today(self.kept)
            return
        if self.streak is not None:
            self.query_one(MomentumLine).show(self.streak)
        self.post_message(self.Ready())

    async def complete_panels(self) -> None:
        """Once the first frame is on the terminal (the app calls this): the panels' insides go in, the kept
        dashboard fills them, and the search may then be read, in a thread that would have held all this back."""
        if self.complete:
            return
        reflection, pending = self.query_one("#reflection-panel"), self.query_one("#pending-panel")
        if not (reflection.is_attached and pending.is_attached):
            return  # quit before its first frame was followed by anything
        with self.app.batch_update():  # one frame for all of it, not one as each part goes in
            await reflection.mount(self.reflection_inside())
            await pending.mount_all(self.pending_inside())
            self.complete = True
            kept, self.kept = self.kept, None
            if kept is not None:
                self.show_rest(kept)  # the header and Today's actions are in the first frame already
        self.post_message(self.Ready())

    @staticmethod
    def reflection_inside() -> Widget:
        from tui.app.widgets.reflection import ReflectionPanel

        return ReflectionPanel(id="reflection")

    @staticmethod
    def pending_inside() -> list[Widget]:
        from tui.app.widgets.pending import PendingTable

        return [PendingTable(id="pending"), Static("", id="pending-empty")]

    @property
    def focus_chain(self) -> list[Widget]:
        """Tab and shift+tab go between Today's actions and Pending applications, never into the reflection.

        The reflection takes letters as text: landing there by tab, the next `s` or space would be typed
        instead of doing what it does everywhere else. It is reached by choice: r, its action, or a click;
        once there, tab goes on from it as from any panel.
        """
        from tui.app.widgets.reflection import ReflectionText

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
                if self.complete:
                    yield self.reflection_inside()
        with Horizontal(id="bottom"):
            with Vertical(id="pending-panel", classes="panel") as pending:
                pending.border_title = "Pending applications"
                if self.complete:
                    yield from self.pending_inside()
            with Vertical(id="heatmap-panel", classes="panel") as calendar:
                # The legend rides on the border, so the calendar keeps its room at 80×24.
                calendar.border_title = legend((DayState.DONE, DayState.REST, DayState.RECOVERY), " ")
                calendar.border_subtitle = legend((DayState.FROZEN, DayState.MISSED, DayState.PENDING), " ")
                yield Heatmap(id="heatmap")
        yield KeysFooter()

    def show_today(self, dashboard: Dashboard) -> None:
        """The header and Today's actions: what the first frame needs."""
        self.query_one("#problem").display = False
        self.query_one(MomentumLine).show(dashboard.history)
        # As tall as its rows (a header and two borders more), within the CSS bounds: a number set here,
        # not the table's own auto height, which is known only once it has measured its rows.
        self.query_one("#bottom").styles.height = len(dashboard.pending) + 3
        self.query_one("#actions-panel").border_subtitle = describe_day(dashboard.today, dashboard.today)
        self.query_one(ActionsList).show(dashboard.actions)

    def show(self, dashboard: Dashboard) -> None:
        """The whole dashboard, as the app hands it after each read."""
        self.show_today(dashboard)
        self.show_rest(dashboard)

    def show_rest(self, dashboard: Dashboard) -> None:
        """All but the header and Today's actions: the calendar, Pending and the reflection."""
        self.query_one(Heatmap).show(dashboard.history)
        self.pending.show(dashboard.pending, dashboard.today)
        self.describe_highlighted()
        count = len(dashboard.pending)
        self.query_one("#pending-panel").border_title = f"Pending applications ({count})"
        empty = self.query_one("#pending-empty", Static)
        empty.update("" if count else "Nothing waiting on a reply yet. Press a to add an application.")
        empty.display = count == 0
        self.pending.display = count > 0
        self.reflection.show(dashboard)

    def on_data_table_row_highlighted(self, highlighted: DataTable.RowHighlighted) -> None:
        if highlighted.data_table.id == "pending":
            self.describe_highlighted()

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
            self.pending.display = False
            empty = self.query_one("#pending-empty", Static)
            empty.update("Nothing to show until the database can be read.")
            empty.display = True

    @property
    def actions(self) -> ActionsList:
        return self.query_one(ActionsList)

    @property
    def pending(self) -> PendingTable:
        from tui.app.widgets.pending import PendingTable

        return self.query_one("#pending", PendingTable)

    @property
    def reflection(self) -> ReflectionPanel:
        from tui.app.widgets.reflection import ReflectionPanel

        return self.query_one("#reflection", ReflectionPanel)


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
