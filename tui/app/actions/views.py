"""Screens to read rather than fill in: progress, insights, offers, the weekly review, and help."""

from __future__ import annotations

from tui.app.actions.base import DashboardCommands


class ViewCommands(DashboardCommands):
    """p progress, i insights, O offers, W the weekly review, ? every key."""

    def action_show_progress(self) -> None:
        if (snapshot := self.opened_snapshot()) is None:
            return
        from tui.app.screens.progress import ProgressScreen

        wins = snapshot.search.wins_newest_first
        progress = self.kept("progress", ProgressScreen, lambda: ProgressScreen(snapshot.dashboard, wins))
        progress.show_afresh(snapshot)
        self.push_screen(progress)

    def action_show_insights(self) -> None:
        if (snapshot := self.opened_snapshot()) is None:
            return
        from tui.app.screens.insights import InsightsScreen

        insights = self.kept("insights", InsightsScreen, lambda: InsightsScreen(snapshot))
        insights.show_afresh(snapshot)
        self.push_screen(insights)

    def action_show_offers(self) -> None:
        if (snapshot := self.opened_snapshot()) is None:
            return
        from tui.app.screens.offers import OffersScreen

        self.push_screen(OffersScreen(snapshot))

    def action_show_review(self) -> None:
        if (snapshot := self.opened_snapshot()) is None:
            return
        from tui.app.screens.review import ReviewScreen

        zone = self.recorder.zone(snapshot.search.settings).key
        review = self.kept("review", ReviewScreen, lambda: ReviewScreen(snapshot, zone))
        review.show_afresh(snapshot, zone)
        self.push_screen(review)

    def action_show_help(self) -> None:
        from tui.app.screens.help import HelpScreen

        keys = self.kept("help", HelpScreen, HelpScreen)
        keys.show_afresh()
        self.push_screen(keys)
