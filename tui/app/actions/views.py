"""Screens to read rather than fill in: progress, insights, offers, the weekly review, and help."""

from __future__ import annotations

from tui.app.actions.base import DashboardCommands


class ViewCommands(DashboardCommands):
    """p progress, i insights, O offers, W the weekly review, ? every key."""

    def action_show_progress(self) -> None:
        if (snapshot := self.opened_snapshot()) is None:
            return
        from tui.app.screens.progress import ProgressScreen

        self.push_screen(ProgressScreen(snapshot.dashboard, snapshot.search.wins_newest_first))

    def action_show_insights(self) -> None:
        if (snapshot := self.opened_snapshot()) is None:
            return
        from tui.app.screens.insights import InsightsScreen

        self.push_screen(InsightsScreen(snapshot))

    def action_show_offers(self) -> None:
        if (snapshot := self.opened_snapshot()) is None:
            return
        from tui.app.screens.offers import OffersScreen

        self.push_screen(OffersScreen(snapshot))

    def action_show_review(self) -> None:
        if (snapshot := self.opened_snapshot()) is None:
            return
        from tui.app.screens.review import ReviewScreen

        self.push_screen(ReviewScreen(snapshot, self.recorder.zone(snapshot.search.settings).key))

    def action_show_help(self) -> None:
        from tui.app.screens.help import HelpScreen

        self.push_screen(HelpScreen())
