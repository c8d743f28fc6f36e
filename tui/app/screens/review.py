"""The weekly review over the dashboard: how a week went and what the next holds, a week at a time."""

from __future__ import annotations

from datetime import date, timedelta

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Static

from tui.app.commands import Scope, bindings
from tui.app.screens.modal import Modal
from tui.app.state import Snapshot
from tui.app.widgets.long_text import LongText
from tui.core.days import describe_day
from tui.core.remembering import known, remembers
from tui.core.review import WeeklyReview, weekly_review
from tui.core.rewards import week_start
from tui.core.search import JobSearch
from tui.exchange.review_format import review_text
from tui.store.collector import collector_paused

REVIEW_WIDTH = 80  # the sheet's width (`.help` in screens.tcss), border and padding included


@remembers
def review_of(search: JobSearch, week_of: date, today: date, zone: str) -> WeeklyReview:
    """`weekly_review`, kept with the search: at five years it takes half a second, so a week seen once (the
    review opened again, or stepped back to) shows at once until the search is read again."""
    return weekly_review(search, week_of, today, zone)


class ReviewScreen(Modal[None]):
    """This week's review first; [ and ] step back and forth, never past this week."""

    BINDINGS = [Binding("escape,W,q", "close", "Close", show=True), *bindings(Scope.REVIEW)]
    SCOPE = Scope.REVIEW  # the palette offers this scope's commands while it is open
    AUTO_FOCUS = "#review"

    def __init__(self, snapshot: Snapshot, zone: str) -> None:
        super().__init__()
        self.snapshot = snapshot
        self.zone = zone
        self.week_of = week_start(snapshot.today)
        self.written_for = 0  # the width the review shown was wrapped to; 0 before the first

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="help", id="review") as body:
            body.border_title = "Weekly review"
            body.border_subtitle = "[ earlier · ] later · escape closes"
            # A week of five years' search runs long: measured once, and drawn only where in view.
            yield LongText("Adding up the week…", id="review-text")

    @property
    def room(self) -> int:
        """The width the text is wrapped to: the room inside the border, so a long line never wraps twice."""
        return max(min(self.app.size.width, REVIEW_WIDTH) - 4, 40)

    def show_snapshot(self, snapshot: Snapshot) -> None:
        """Show the week chosen, as the search now stands: at once when it was worked out before."""
        self.snapshot = snapshot
        self.written_for = width = self.room
        review = known(snapshot.search, review_of, self.week_of, snapshot.today, self.zone)
        if review is not None:
            self.show(review, review_text(review, width=width))
        else:
            # Once this frame is drawn: the thread writing it holds the interpreter lock, and begun at once it
            # would slow the drawing of the screen it is for, most of all the first time.
            self.call_after_refresh(self.write_review, snapshot, self.week_of, width)

    def show_afresh(self, snapshot: Snapshot, zone: str) -> None:
        """As if opened for the first time (the app keeps this screen): this week, from the top."""
        if not self.is_mounted:
            return  # not shown yet: it fills itself as it is
        this_week = week_start(snapshot.today)
        if snapshot is not self.snapshot or zone != self.zone or this_week != self.week_of:
            self.zone, self.week_of = zone, this_week
            self.show_snapshot(snapshot)
        self.query_one("#review", VerticalScroll).scroll_home(animate=False)

    @work(thread=True, exclusive=True, group="review", description="the weekly review")
    def write_review(self, snapshot: Snapshot, week_of: date, width: int) -> None:
        """Next week's list asks today's actions of each day ahead, which takes a while on a long search."""
        with collector_paused:  # many records looked at, none of them cycles: no collector's pass meanwhile
            review = review_of(snapshot.search, week_of, snapshot.today, self.zone)
        self.app.call_from_thread(self.show, review, review_text(review, width=width))

    def show(self, review: WeeklyReview, text: str) -> None:
        if not self.is_attached or review.start != self.week_of:
            return  # closed meanwhile, or written for a week since stepped away from
        self.query_one("#review-text", Static).update(text)
        self.query_one("#review", VerticalScroll).border_title = f"Weekly review · week of {describe_day(review.start)}"

    def on_resize(self) -> None:
        if self.room != self.written_for:  # the first time, and then only when it wraps otherwise
            self.show_snapshot(self.snapshot)

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
