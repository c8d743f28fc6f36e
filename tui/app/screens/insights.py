"""Insights: the funnel, how replies come and how applications end, what kinds of roles say no, which résumé
version gets answers, offers against the salary advertised, and the weeks' activity."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Sparkline, Static

from tui.app.screens.modal import Modal
from tui.app.state import Snapshot
from tui.app.widgets.heatmap import Heatmap, legend_lines
from tui.app.widgets.long_text import Columns, LongText, labelled
from tui.core.days import describe_day
from tui.core.insights import (
    Breakdown,
    EndRow,
    FunnelStep,
    Insights,
    Share,
    WeekActivity,
    build_insights,
    percent,
)
from tui.core.models import Stage
from tui.core.offers import PayCheck, describe_offer, format_amount
from tui.core.remembering import known, remembers
from tui.core.search import JobSearch
from tui.core.streaks import DayState
from tui.store.collector import collector_paused

BAR_CELLS = 10  # the funnel's longest bar: Applied
LEGEND_WIDTH = 12  # one state a line, beside the calendar
ENDED_AFTER = {
    Stage.APPLIED: "after applying",
    Stage.SCREENING: "after a screen",
    Stage.INTERVIEWING: "after interviews",
    Stage.OFFER: "after an offer",
}


def describe_applied(insights: Insights) -> str:
    waiting = f"{insights.pending} waiting on a reply" if insights.pending else "none waiting"
    saved = f", {insights.saved} saved to send" if insights.saved else ""
    return f"{insights.applied} sent · {waiting}{saved}"


def describe_replies(insights: Insights) -> str:
    if insights.median_days_to_reply is None:
        return f"{insights.response} replied · no reply timed yet"
    days = insights.median_days_to_reply
    count = f"{days:g} {'day' if days == 1 else 'days'}"
    return f"{insights.response} replied · the first reply comes after {count} (median of {insights.replies_timed})"


def describe_noes(insights: Insights) -> str:
    if not insights.rejections:
        return "none yet"
    return f"{insights.rejections}: each one is practice, and none of them is the last word"


def describe_interviews(insights: Insights) -> str:
    if insights.interviews_per_10 is None or not insights.interviews:
        return "none yet: replies come first, and interviews follow them"
    return f"{insights.interviews} held · {insights.interviews_per_10:.1f} per 10 applications sent"


def funnel_lines(steps: Sequence[FunnelStep]) -> Content:
    """One line a step: the count, a bar to scale, its share of applied and of the step before."""
    if not steps or steps[0].count == 0:
        return Content.styled("Nothing sent yet: the funnel fills in as you apply.", "$foreground-muted")
    applied = steps[0].count
    header = Content.styled(
        f"{'step':<11}{'count':>5}  {'':<{BAR_CELLS}}  {'of applied':<16}of the step before", "$foreground-muted"
    )
    lines = [header]
    for index, step in enumerate(steps):
        bar = "█" * round(step.count / applied * BAR_CELLS) if step.count else ""
        shares = "" if index == 0 else f"{step.of_applied!s:<16}{step.of_previous}"
        lines.append(
            Content.assemble(
                f"{step.label:<11}{step.count:>5}  ",
                (f"{bar:<{BAR_CELLS}}", "$text-success"),
                f"  {shares}",
            )
        )
    return Content("\n").join(lines)


def ending_lines(endings: Sequence[EndRow]) -> Content:
    if not endings:
        return Content.styled("None has ended yet.", "$foreground-muted")
    lines = []
    for row in endings:
        parts = [
            f"{count} {word}"
            for count, word in ((row.rejected, "rejected"), (row.ghosted, "ghosted"), (row.withdrawn, "withdrawn"))
            if count
        ]
        lines.append(Content.assemble((f"{ENDED_AFTER[row.reached]:<18}", "$foreground-muted"), " · ".join(parts)))
    return Content("\n").join(lines)


def label_width(*tables: Sequence[Breakdown]) -> int:
    """One width for every breakdown's labels, so their columns line up; long labels are cut at 20."""
    return min(max((len(row.label) for rows in tables for row in rows), default=0), 20)


def breakdown_lines(
    rows: Sequence[Breakdown],
    empty: str,
    width: int,
    heading: str,
    last: tuple[str, Callable[[Breakdown], object]] = ("said no", lambda row: row.rejection_rate),
) -> Content:
    """A small table: how many went out under each label (`heading` names them), and how they fared; `last`
    is the last column's heading and its figure for a row (how many said no, unless it says otherwise)."""
    if not rows:
        return Content.styled(empty, "$foreground-muted")
    last_heading, last_figure = last
    header = Content.styled(
        f"{heading:<{width}} {'sent':>4}  {'replied':<15} {'interviewed':<15} {last_heading}", "$foreground-muted"
    )
    lines = [header]
    for row in rows:
        label = row.label if len(row.label) <= width else row.label[: width - 1] + "…"
        lines.append(
            Content(
                f"{label:<{width}} {row.applied:>4}  {row.response!s:<15} {row.interview_rate!s:<15} {last_figure(row)}"
            )
        )
    return Content("\n").join(lines)


def resume_lines(rows: Sequence[Breakdown]) -> Content:
    """By résumé version: how many went out with each, and how many of those got a reply, an interview, an offer."""
    width = max(min(max((len(row.label) for row in rows), default=0), 20), len("version"))
    empty = "No résumé version named yet: name the one you send in the add or edit form, or with --resume."
    return breakdown_lines(rows, empty, width, "version", ("offers", lambda row: Share(row.offers, row.applied)))


def pay_lines(checks: Sequence[PayCheck]) -> Content:
    """Each offer against the salary its ad gave, on the offer's own period and currency."""
    if not checks:
        return Content.styled(
            "Nothing to compare yet: it needs an offer and the salary the ad gave, both kept with the application.",
            "$foreground-muted",
        )
    lines = []
    for check in checks:
        offer = check.offer
        advertised = f"{format_amount(check.low)}–{format_amount(check.high, offer.currency)}"
        if check.low == check.high:
            advertised = format_amount(check.low, offer.currency)
        where = check.position
        if where != "within":
            where = f"{percent(float(check.gap))} {where}"
        line = f"{check.application.company}: {describe_offer(offer)}, {where} the {advertised} advertised"
        if check.assumed:
            line += f" ({'; '.join(check.assumed)})"
        lines.append(Content(line))
    at_least = sum(1 for check in checks if check.position != "below")
    lines.append(Content.styled(f"Within the range or above it: {Share(at_least, len(checks))}", "$foreground-muted"))
    return Content("\n").join(lines)


def weekly_bars(weeks: Sequence[WeekActivity]) -> list[float]:
    """The sparkline's data: each week's count after a zero, read two at a time by `max`.

    Sparkline scales its bars from the smallest value to the largest; the zeros make every bar start
    from nothing, so a quiet week is drawn low rather than as the floor of a busy half-year.
    """
    return [value for week in weeks for value in (0.0, float(week.count))]


def scale_lines(weeks: Sequence[WeekActivity]) -> Content:
    """Beside the bars: what the tallest stands for, and where they start."""
    busiest = max((week.count for week in weeks), default=0)
    return Content.styled(f"◂ {busiest} a week\n\n◂ 0", "$foreground-muted")


def describe_weeks(weeks: Sequence[WeekActivity], today: date) -> str:
    if not weeks:
        return ""
    busiest = max(weeks, key=lambda week: week.count)
    active = sum(1 for week in weeks if week.count)
    if not busiest.count:
        return f"Nothing logged in the last {len(weeks)} weeks"
    return (
        f"Activity a week, last {len(weeks)}: {active} active, "
        f"the busiest {busiest.count} (week of {describe_day(busiest.start, today, weekday=False)})"
    )


def table_lines(insights: Insights) -> list[Content | Columns]:
    """Each table under its heading, a line between them: one text, not a heading and a text for each."""
    width = max(label_width(insights.by_source, insights.by_kind, insights.by_keyword), len("source"))
    nothing_sent = "No applications sent yet."
    no_words = "No word is shared by two roles yet; it fills in as you apply."
    tables = (
        ("Funnel", funnel_lines(insights.funnel)),
        ("Where applications end", ending_lines(insights.endings)),
        ("By source", breakdown_lines(insights.by_source, nothing_sent, width, "source")),
        ("By kind of work", breakdown_lines(insights.by_kind, nothing_sent, width, "kind")),
        ("By words in the role", breakdown_lines(insights.by_keyword, no_words, width, "word")),
        ("By résumé version", resume_lines(insights.by_resume)),
        ("Offers against the salary advertised", pay_lines(insights.pay_checks)),
    )
    lines: list[Content | Columns] = []
    for heading, table in tables:
        lines += [Content(""), Content.styled(heading, "bold"), *table.split("\n", allow_blank=True)]
    return lines


FIGURE_LABEL_WIDTH = 13  # a figure's label and the space after it


def figure_lines(insights: Insights | None) -> list[Content | Columns]:
    """The four figures at the top, each beside its label; "adding up…" until `insights` are worked out."""
    labels = ("Applied", "Replies", "No's so far", "Interviews")
    if insights is None:
        return labelled([(label, "adding up…") for label in labels], FIGURE_LABEL_WIDTH)
    values = (
        describe_applied(insights),
        describe_replies(insights),
        describe_noes(insights),
        describe_interviews(insights),
    )
    return labelled(list(zip(labels, values, strict=True)), FIGURE_LABEL_WIDTH)


@remembers
def insights_of(search: JobSearch, today: date) -> Insights:
    """`build_insights`, kept with the search: opened again before the search is read again, the figures
    show at once (at five years they take a tenth of a second to add up)."""
    return build_insights(search, today)


class InsightsScreen(Modal[None]):
    """The search seen whole, over the dashboard; escape, i or q closes it."""

    BINDINGS = [Binding("escape,i,q", "close", "Close", show=True)]
    AUTO_FOCUS = "#insights"

    def __init__(self, snapshot: Snapshot) -> None:
        super().__init__()
        self.snapshot = snapshot

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="help", id="insights") as body:
            body.border_title = "Insights"
            body.border_subtitle = "↑↓ scroll · escape closes"
            yield LongText(id="insights-figures")  # each figure beside its label
            with Vertical(id="insights-weeks"):
                yield Static("", id="insights-weeks-title", classes="progress-heading")
                with Horizontal(classes="insights-row"):
                    yield Sparkline([], id="insights-sparkline", summary_function=max)
                    yield Static("", id="insights-scale")
                with Horizontal(classes="insights-row"):
                    yield Heatmap(id="insights-heatmap")
                    yield Static(Content("\n").join(legend_lines(LEGEND_WIDTH, tuple(DayState))), id="insights-legend")
            yield LongText(id="insights-tables")  # years of applications: tables of many lines

    def on_mount(self) -> None:
        self.query_one("#insights-figures", LongText).show_lines(figure_lines(None))
        self.show_snapshot(self.snapshot)

    def show_snapshot(self, snapshot: Snapshot) -> None:
        """Work the figures out again (after the app has read the search again), off the event loop; shown at
        once when they were worked out for this search before."""
        self.snapshot = snapshot
        insights = known(snapshot.search, insights_of, snapshot.today)
        if insights is not None:
            self.show(snapshot, insights)
        else:
            # Once this frame is drawn: the thread adding up holds the interpreter lock, and begun at once it
            # would slow the drawing of the screen it is for, most of all the first time.
            self.call_after_refresh(self.work_out, snapshot)

    def show_afresh(self, snapshot: Snapshot) -> None:
        """As if opened for the first time (the app keeps this screen): from the top, as `snapshot` has it."""
        if not self.is_mounted:
            return  # not shown yet: it fills itself as it is
        if snapshot is not self.snapshot:
            self.show_snapshot(snapshot)
        self.query_one("#insights", VerticalScroll).scroll_home(animate=False)

    @work(thread=True, exclusive=True, group="insights", description="insights")
    def work_out(self, snapshot: Snapshot) -> None:
        """A year of applications takes a while to add up: a thread does it, and hands the result back."""
        with collector_paused:  # many records looked at, none of them cycles: no collector's pass meanwhile
            insights = insights_of(snapshot.search, snapshot.today)
        self.app.call_from_thread(self.show, snapshot, insights)

    def show(self, snapshot: Snapshot, insights: Insights) -> None:
        """Fill in every figure."""
        if not self.is_attached:
            return  # closed while the figures were being worked out

        def put(value_id: str, value: str | Content) -> None:
            self.query_one(f"#{value_id}", Static).update(Content(value) if isinstance(value, str) else value)

        self.query_one("#insights-figures", LongText).show_lines(figure_lines(insights))
        put("insights-weeks-title", describe_weeks(insights.weekly, insights.today))
        self.query_one(Sparkline).data = weekly_bars(insights.weekly)
        put("insights-scale", scale_lines(insights.weekly))
        self.query_one(Heatmap).show(snapshot.dashboard.history)
        self.query_one("#insights-tables", LongText).show_lines(table_lines(insights))

    def action_close(self) -> None:
        self.dismiss(None)
