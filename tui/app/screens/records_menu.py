"""Your records: one letter opens the list of each kind of record, to see, correct and delete what is in it."""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from tui.app.commands import SCREEN_COMMANDS, Command, Scope, bindings
from tui.app.screens.modal import Modal
from tui.app.state import Snapshot
from tui.core.search import JobSearch
from tui.core.words import count


@dataclass(frozen=True)
class Shelf:
    """One list the chooser opens: its command, and how many records it holds, in words."""

    command: Command
    holds: str


def describe_holdings(action: str, search: JobSearch) -> str:
    """How much a list holds: '12 activities', '2 open, 1 closed'."""
    match action:
        case "show_applications":
            return count(len(search.applications), "application")
        case "show_activity_log":
            return count(len(search.activities), "activity")
        case "show_all_interviews":
            cancelled = sum(interview.cancelled for interview in search.interviews)
            return count(len(search.interviews), "interview") + (f", {cancelled} cancelled" if cancelled else "")
        case "show_contacts":
            return count(len(search.contacts), "contact")
        case "show_wins":
            return count(len(search.wins), "win")
        case "show_goals":
            closed = sum(goal.closed_on is not None for goal in search.learning_goals)
            return f"{len(search.learning_goals) - closed} open, {closed} closed"
        case "show_reflections":
            return count(len(search.reflections), "reflection")
        case "show_rest_days":
            return count(len(search.rest_days), "rest day")
    return ""


class RecordsMenuScreen(Modal[str | None]):
    """The lists, one a line with its letter; a letter or enter opens one, returning its app action's name.

    The app opens the list chosen in place of this screen, so escape in a list goes straight back to the
    dashboard; e again comes back here.
    """

    BINDINGS = [Binding("escape,e,q", "close", "Back", show=True), *bindings(Scope.RECORDS)]
    SCOPE = Scope.RECORDS  # the palette offers the lists by name while it is open
    AUTO_FOCUS = "#records-menu-list"

    def __init__(self, snapshot: Snapshot) -> None:
        super().__init__()
        self.snapshot = snapshot

    @property
    def shelves(self) -> list[Shelf]:
        search = self.snapshot.search
        return [
            Shelf(command, describe_holdings(command.action, search))
            for command in SCREEN_COMMANDS
            if command.scope is Scope.RECORDS
        ]

    def compose(self) -> ComposeResult:
        with Vertical(classes="menu", id="records-menu") as body:
            body.border_title = "Your records"
            body.border_subtitle = "a letter or enter opens · escape back"
            yield OptionList(id="records-menu-list")

    def on_mount(self) -> None:
        self.show_snapshot(self.snapshot)

    def show_afresh(self, snapshot: Snapshot) -> None:
        """As if opened for the first time (the app keeps this screen): the lists as `snapshot` holds them,
        the first one highlighted."""
        if not self.is_mounted:
            return  # not shown yet: it fills itself as it is
        if snapshot is not self.snapshot:
            self.show_snapshot(snapshot)
        self.query_one(OptionList).highlighted = 0

    def show_snapshot(self, snapshot: Snapshot) -> None:
        self.snapshot = snapshot
        menu = self.query_one(OptionList)
        highlighted = menu.highlighted
        menu.clear_options()
        menu.add_options(
            Option(
                Text.assemble(
                    (f" {shelf.command.key_display} ", "bold reverse"),
                    f"  {shelf.command.title}",
                    (f"  {shelf.holds}", "dim"),
                ),
                id=shelf.command.action,
            )
            for shelf in self.shelves
        )
        menu.highlighted = highlighted if highlighted is not None else 0

    @on(OptionList.OptionSelected, "#records-menu-list")
    def open_chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def action_close(self) -> None:
        self.dismiss(None)

    # One action per letter (see SCREEN_COMMANDS): each hands the app the list to open.

    def action_show_applications(self) -> None:
        self.dismiss("show_applications")

    def action_show_activity_log(self) -> None:
        self.dismiss("show_activity_log")

    def action_show_all_interviews(self) -> None:
        self.dismiss("show_all_interviews")

    def action_show_contacts(self) -> None:
        self.dismiss("show_contacts")

    def action_show_wins(self) -> None:
        self.dismiss("show_wins")

    def action_show_goals(self) -> None:
        self.dismiss("show_goals")

    def action_show_reflections(self) -> None:
        self.dismiss("show_reflections")

    def action_show_rest_days(self) -> None:
        self.dismiss("show_rest_days")
