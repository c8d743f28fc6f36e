"""Your records (e): the chooser, and the lists it opens to see, correct and delete any kind of record."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING, Any, TypeVar

from tui.app.actions.base import DashboardCommands
from tui.app.state import Snapshot

if TYPE_CHECKING:
    from tui.app.screens.records import RecordsScreen

ListType = TypeVar("ListType", bound="RecordsScreen[Any]")


class RecordsCommands(DashboardCommands):
    """e opens Your records; its letters open the activity log, every interview, wins, goals, reflections, rest days.

    Each list is opened from the search as last read; the app refills it from every read after a change.
    """

    def action_show_records(self) -> None:
        if (snapshot := self.opened_snapshot()) is None:
            return
        from tui.app.screens.records_menu import RecordsMenuScreen

        menu = self.kept("records-menu", RecordsMenuScreen, lambda: RecordsMenuScreen(snapshot))
        menu.show_afresh(snapshot)
        self.push_screen(menu, self.open_records_list)

    def open_records_list(self, action: str | None) -> None:
        """The list chosen in Your records, opened as soon as the chooser has gone.

        Called at once rather than queued: a key typed right after the letter belongs to the list, not to
        the dashboard the list would otherwise open over a moment later.
        """
        if action is not None:
            opening: Callable[[], None] = getattr(self, f"action_{action}")
            opening()

    def show_list(self, name: str, kind: type[ListType], build: Callable[[Snapshot], ListType]) -> None:
        """Open the list `kind`, kept from the last time it was opened (see `Host.kept`), as if afresh."""
        if (snapshot := self.opened_snapshot()) is not None:
            shown = self.kept(name, kind, partial(build, snapshot))
            shown.show_afresh(snapshot)
            self.push_screen(shown)

    def action_show_activity_log(self) -> None:
        from tui.app.screens.activity_log import ActivityLogScreen

        self.show_list("activity-log", ActivityLogScreen, ActivityLogScreen)

    def action_show_all_interviews(self) -> None:
        from tui.app.screens.interviews import AllInterviewsScreen

        self.show_list("all-interviews", AllInterviewsScreen, AllInterviewsScreen)

    def action_show_wins(self) -> None:
        from tui.app.screens.wins_list import WinsScreen

        self.show_list("wins", WinsScreen, WinsScreen)

    def action_show_goals(self) -> None:
        from tui.app.screens.goals_list import GoalsScreen

        self.show_list("goals", GoalsScreen, GoalsScreen)

    def action_show_reflections(self) -> None:
        from tui.app.screens.reflections_list import ReflectionsScreen

        self.show_list("reflections", ReflectionsScreen, ReflectionsScreen)

    def action_show_rest_days(self) -> None:
        from tui.app.screens.rest_days_list import RestDaysScreen

        self.show_list("rest-days", RestDaysScreen, RestDaysScreen)
