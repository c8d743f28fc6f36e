"""Your records (e): the chooser, and the lists it opens to see, correct and delete any kind of record."""

from __future__ import annotations

from collections.abc import Callable

from tui.app.actions.base import DashboardCommands


class RecordsCommands(DashboardCommands):
    """e opens Your records; its letters open the activity log, every interview, wins, goals, reflections, rest days.

    Each list is opened from the search as last read; the app refills it from every read after a change.
    """

    def action_show_records(self) -> None:
        if (snapshot := self.opened_snapshot()) is None:
            return
        from tui.app.screens.records_menu import RecordsMenuScreen

        self.push_screen(RecordsMenuScreen(snapshot), self.open_records_list)

    def open_records_list(self, action: str | None) -> None:
        """The list chosen in Your records, opened as soon as the chooser has gone.

        Called at once rather than queued: a key typed right after the letter belongs to the list, not to
        the dashboard the list would otherwise open over a moment later.
        """
        if action is not None:
            opening: Callable[[], None] = getattr(self, f"action_{action}")
            opening()

    def action_show_activity_log(self) -> None:
        if (snapshot := self.opened_snapshot()) is not None:
            from tui.app.screens.activity_log import ActivityLogScreen

            self.push_screen(ActivityLogScreen(snapshot))

    def action_show_all_interviews(self) -> None:
        if (snapshot := self.opened_snapshot()) is not None:
            from tui.app.screens.interviews import AllInterviewsScreen

            self.push_screen(AllInterviewsScreen(snapshot))

    def action_show_wins(self) -> None:
        if (snapshot := self.opened_snapshot()) is not None:
            from tui.app.screens.wins_list import WinsScreen

            self.push_screen(WinsScreen(snapshot))

    def action_show_goals(self) -> None:
        if (snapshot := self.opened_snapshot()) is not None:
            from tui.app.screens.goals_list import GoalsScreen

            self.push_screen(GoalsScreen(snapshot))

    def action_show_reflections(self) -> None:
        if (snapshot := self.opened_snapshot()) is not None:
            from tui.app.screens.reflections_list import ReflectionsScreen

            self.push_screen(ReflectionsScreen(snapshot))

    def action_show_rest_days(self) -> None:
        if (snapshot := self.opened_snapshot()) is not None:
            from tui.app.screens.rest_days_list import RestDaysScreen

            self.push_screen(RestDaysScreen(snapshot))
