"""The weekly review over the dashboard: how a week went and what the next holds, a week at a time."""

from __future__ import annotations

from datetime import date, timedelta

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from tui.app.commands import Scope, bindings
from tui.app.state import Snapshot
from tui.core.days import describe_day
from tui.core.review import WeeklyReview, weekly_review
from tui.core.rewards import week_start
from tui.exchange.review_format import review_text

REVIEW_WIDTH = 80  # the sheet's width (`.help` in app.tcss), border and padding included


class ReviewScreen(ModalScreen[None]):
    """This week's review first; [ and ] step back and forth, never past this week."""

    BINDINGS = [Binding("escape,W,q", "close", "Close", show=True), *bindings(Scope.REVIEW)]
    SCOPE = Scope.REVIEW  # the palette offers this scope's commands while it is open
    AUTO_FOCUS = "#review"

    def __init__(self, snapshot: Snapshot, zone: str) -> None:
        super().__init__()
        self.snapshot = snapshot
        self.zone = zone
        self.week_of = week_start(snapshot.today)

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="help", id="review") as body:
            body.border_title = "Weekly review"
            body.border_subtitle = "[ earlier · ] later · escape closes"
            yield Static("Adding up the week…", id="review-text", markup=False)

    def on_mount(self) -> None:
        self.show_snapshot(self.snapshot)

    def show_snapshot(self, snapshot: Snapshot) -> None:
        """Show the week chosen, as the search now stands."""
        self.snapshot = snapshot
        # The text is wrapped here, to the room inside the border, so a long line never wraps twice.
        room = min(self.app.size.width, REVIEW_WIDTH) - 4
        self.write_review(snapshot, self.week_of, max(room, 40))

    @work(thread=True, exclusive=True, group="review", description="the weekly review")
    def write_review(self, snapshot: Snapshot, week_of: date, width: int) -> None:
        """Next week's list asks today's actions of each day ahead, which takes a while on a long search."""
        review = weekly_review(snapshot.search, week_of, snapshot.today, self.zone)
        self.app.call_from_thread(self.show, review, review_text(review, width=width))

    def show(self, review: WeeklyReview, text: str) -> None:
        if not self.is_attached or review.start != self.week_of:
            return  # closed meanwhile, or written for a week since stepped away from
        self.query_one("#review-text", Static).update(text)
        self.query_one("#review", VerticalScroll).border_title = f"Weekly review · week of {describe_day(review.start)}"

    def on_resize(self) -> None:
        self.show_snapshot(self.snapshot)  # wrapped again to the new width

    def action_previous_week(self) -> None:
        self.step(-7)

    def action_next_week(self) -> None:
        if self.week_of >= week_start(self.snapshot.today):
            self.notify("This is the current week: there is no review of a later one yet.")
            return
        self.step(7)

    def step(self, days: int) -> None:
        self.week_of = self.week_of + timedelta(days=days)
        self.show_snapshot(self.snapshot)
        self.query_one("#review", VerticalScroll).scroll_home(animate=False)

    def action_close(self) -> None:
        self.dismiss(None)
