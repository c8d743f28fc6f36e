"""The calendar heatmap: one glyph per logical day, Monday to Sunday down, a column per week."""

from __future__ import annotations

from collections.abc import Collection
from datetime import date, timedelta

from textual.content import Content
from textual.widgets import Static

from tui.core.days import MONTH_NAMES
from tui.core.streaks import DayState, StreakHistory

WEEKS = 26
WEEKDAYS = ("Mo", "Tu", "We", "Th", "Fr", "Sa", "Su")
LABEL_WIDTH = len(WEEKDAYS[0]) + 1  # the weekday label and a space before the first week
WIDTH = LABEL_WIDTH + WEEKS

# Theme variables, so the calendar follows the theme; the glyph alone already tells the states apart.
STATE_STYLES = {
    DayState.DONE: "$success",
    DayState.REST: "$text-secondary",
    DayState.RECOVERY: "$text-accent",
    DayState.FROZEN: "$text-primary",
    DayState.MISSED: "$foreground-muted",
    DayState.PENDING: "bold $text",
}
PLANNED_REST_STYLE = "dim $text-secondary"  # a rest day still to come

# What each glyph means: a word for the legend, and a line for the progress screen and help.
STATE_WORDS = {
    DayState.DONE: "done",
    DayState.REST: "rest",
    DayState.RECOVERY: "recovery",
    DayState.FROZEN: "frozen",
    DayState.MISSED: "missed",
    DayState.PENDING: "today",
}
STATE_MEANINGS = {
    DayState.DONE: "done: the day's target met",
    DayState.REST: "rest: a planned day off, the streak waits",
    DayState.RECOVERY: "recovery: the days after a no, the streak is safe",
    DayState.FROZEN: "frozen: a freeze kept the streak through a missed day",
    DayState.MISSED: "missed: the streak starts afresh, momentum is kept",
    DayState.PENDING: "today, still to do",
}


def glyph(state: DayState) -> Content:
    """A state's glyph in its colour."""
    return Content.styled(state.glyph, STATE_STYLES[state])


def legend_entry(state: DayState) -> Content:
    return Content.assemble(glyph(state), " ", STATE_WORDS[state])


def legend(states: Collection[DayState] = tuple(DayState), separator: str = "  ") -> Content:
    """Glyph and word for each of `states`, on one line."""
    return Content(separator).join(legend_entry(state) for state in states)


def legend_lines(width: int, states: Collection[DayState] = tuple(DayState)) -> list[Content]:
    """The legend, glyph and word for each state, wrapped into lines at most `width` wide."""
    lines: list[Content] = []
    line = Content("")
    for state in states:
        entry = legend_entry(state)
        if line.cell_length and line.cell_length + 2 + entry.cell_length > width:
            lines.append(line)
            line = Content("")
        line = Content.assemble(line, "  ", entry) if line.cell_length else entry
    lines.append(line)
    return lines


def first_monday(today: date, weeks: int = WEEKS) -> date:
    """The Monday of the first column: the current week is the last one."""
    return today - timedelta(days=today.weekday() + 7 * (weeks - 1))


def month_labels(start: date, today: date, weeks: int = WEEKS) -> str:
    """Month names above the weeks that hold a month's first day, a space at least between two names.

    This month is always named: in its first days the week holding the 1st is the last column, where the
    name does not fit, so it ends at the row's end instead. The names before it move a column left to
    make room, each at most one column from its week; one that would have to move further is left out.
    A month still to come (its first day later this week) is not named.
    """
    width = LABEL_WIDTH + weeks
    labels: list[tuple[int, date]] = []
    for column in range(weeks):
        monday = start + timedelta(weeks=column)
        week = [monday + timedelta(days=offset) for offset in range(7)]
        first = next((day for day in week if day.day == 1 and day <= today), None)
        if first is not None:
            labels.append((column, first))
    if not labels or labels[0][0] >= 4:  # room before the first change of month: name the month under way
        labels.insert(0, (0, start))
    row = [" "] * width
    ends_before = width  # where the name placed last, to the right, leaves a space before itself
    for column, day in reversed(labels):
        name = MONTH_NAMES[day.month - 1]
        week_at = LABEL_WIDTH + column
        at = min(week_at, ends_before - len(name))
        if ends_before < width and at < week_at - 1:
            continue
        row[at : at + len(name)] = name
        ends_before = at - 1
    return "".join(row).rstrip()


def day_cell(day: date, history: StreakHistory) -> Content:
    """The glyph for one day: blank before the first activity and in the future, but for planned rest."""
    if day > history.today:
        if day in history.rest_ahead:
            return Content.styled(DayState.REST.glyph, PLANNED_REST_STYLE)
        return Content(" ")
    tracked = history.on(day)
    return glyph(tracked.state) if tracked is not None else Content(" ")


def heatmap_lines(history: StreakHistory, weeks: int = WEEKS) -> list[Content]:
    """The month labels, then one line per weekday, Monday first; the last column is this week."""
    start = first_monday(history.today, weeks)
    lines = [Content.styled(month_labels(start, history.today, weeks), "$foreground-muted")]
    for weekday, label in enumerate(WEEKDAYS):
        cells = [day_cell(start + timedelta(weeks=column, days=weekday), history) for column in range(weeks)]
        lines.append(Content.assemble((label, "$foreground-muted"), " ", *cells))
    return lines


class Heatmap(Static):
    """The last 26 weeks of logical days, each day a glyph coloured by its state."""

    DEFAULT_CSS = f"""
    Heatmap {{
        width: auto;
        height: auto;
        min-width: {WIDTH};
        min-height: {len(WEEKDAYS) + 1};
    }}
    """

    def show(self, history: StreakHistory) -> None:
        self.update(Content("\n").join(heatmap_lines(history)))
