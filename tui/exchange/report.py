"""The full Markdown report: the search's figures and patterns, then every application, interview, win and goal."""

from __future__ import annotations

import math
from collections.abc import Sequence
from datetime import date, datetime

from tui.core.insights import Breakdown, Insights, WeekActivity
from tui.core.models import Application, Interview, LearningGoal, Stage
from tui.core.search import JobSearch
from tui.core.streaks import format_points
from tui.core.words import count
from tui.exchange.markdown import plain

NONE = "—"  # an empty cell, so no column reads as missing

# The furthest an application got before it ended, as the ending table's first column says it.
ENDED_AFTER = {
    Stage.APPLIED: "Applying",
    Stage.SCREENING: "A screening call",
    Stage.INTERVIEWING: "Interviews",
    Stage.OFFER: "An offer",
}

SPARK = "▁▂▃▄▅▆▇█"


def literal(text: str) -> str:
    """Text as Markdown shows it (see `markdown.plain`), and a dash for an empty cell."""
    return plain(text) or NONE


def report_markdown(search: JobSearch, insights: Insights, now: datetime, today: date) -> str:
    """The whole search as one Markdown document, figures taken from `insights` (built for `today`)."""
    sections = [
        _title(now, today, insights),
        _headline(insights),
        _funnel(insights),
        _endings(insights),
        _breakdown("By source", "Source", insights.by_source, "No applications sent yet."),
        _breakdown("By kind of work", "Kind", insights.by_kind, "No applications sent yet."),
        _breakdown("By words in the role", "Word", insights.by_keyword, "No word is shared by two roles yet."),
        _weeks(insights),
        _applications(search),
        _interviews(search, today),
        _wins(search),
        _learning_goals(search),
    ]
    return "\n\n".join("\n".join(section) for section in sections) + "\n"


def _title(now: datetime, today: date, insights: Insights) -> list[str]:
    lines = [f"# Job search report, {_long_day(today)}", "", f"*Written {_long_day(now.date())} at {now:%H:%M %Z}.*"]
    if not insights.applied and not insights.saved:
        lines += ["", "No applications yet. Everything below fills in as you apply."]
    return lines


def _headline(insights: Insights) -> list[str]:
    if insights.median_days_to_reply is None:
        median = "not timed yet"
    else:
        median = f"{insights.median_days_to_reply:g} ({count(insights.replies_timed, 'reply', 'replies')} timed)"
    if insights.interviews_per_10 is None:
        per_10 = "none yet"
    else:
        per_10 = f"{insights.interviews_per_10:.1f} ({count(insights.interviews, 'interview', 'interviews')} held)"
    saved = f", {insights.saved} saved to send" if insights.saved else ""
    figures = [
        ("Applied", f"{insights.applied} sent{saved}" if insights.applied else f"none sent yet{saved}"),
        ("Waiting on a reply", str(insights.pending)),
        ("No's so far", str(insights.rejections or "none yet")),
        ("Response", str(insights.response)),
        ("Median days to a first reply", median),
        ("Interviews per 10 applications", per_10),
    ]
    return ["## At a glance", "", *(f"- **{label}:** {value}" for label, value in figures)]


def _funnel(insights: Insights) -> list[str]:
    if not insights.applied:
        return ["## Funnel", "", "No applications sent yet: the funnel fills in as you apply."]
    rows = [
        [step.label, str(step.count), *([NONE, NONE] if index == 0 else [str(step.of_applied), str(step.of_previous)])]
        for index, step in enumerate(insights.funnel)
    ]
    return ["## Funnel", "", *_table(["Step", "Applications", "Of applied", "Of the step before"], rows, "lrll")]


def _endings(insights: Insights) -> list[str]:
    heading = ["## Where applications end", ""]
    if not insights.endings:
        return [*heading, "None has ended yet."]
    rows = [
        [ENDED_AFTER[row.reached], str(row.rejected), str(row.ghosted), str(row.withdrawn)] for row in insights.endings
    ]
    return [*heading, *_table(["Ended after", "Rejected", "Ghosted", "Withdrawn"], rows, "lrrr")]


def _breakdown(heading: str, column: str, rows: Sequence[Breakdown], empty: str) -> list[str]:
    if not rows:
        return [f"## {heading}", "", empty]
    cells = [
        [literal(row.label), str(row.applied), str(row.response), str(row.interview_rate), str(row.rejection_rate)]
        for row in rows
    ]
    return [f"## {heading}", "", *_table([column, "Applied", "Replies", "Interviews", "Rejections"], cells, "lrlll")]


def _weeks(insights: Insights) -> list[str]:
    weekly = insights.weekly
    heading = [f"## Activity, the last {count(len(weekly), 'week', 'weeks')}", ""]
    logged = sum(week.count for week in weekly)
    if not logged:
        return [*heading, f"Nothing logged in the last {count(len(weekly), 'week', 'weeks')}."]
    active = sum(1 for week in weekly if week.count)
    summary = f"{count(logged, 'activity', 'activities')} over {active} of {len(weekly)} weeks: `{_sparkline(weekly)}`"
    rows = [[week.start.isoformat(), str(week.count), format_points(week.points)] for week in weekly]
    return [*heading, summary, "", *_table(["Week of", "Activities", "Points"], rows, "lrr")]


def _sparkline(weekly: Sequence[WeekActivity]) -> str:
    """A bar a week, oldest first, scaled to the busiest; a dot for a week with nothing logged."""
    busiest = max(week.count for week in weekly)
    return "".join(SPARK[math.ceil(week.count * len(SPARK) / busiest) - 1] if week.count else "·" for week in weekly)


def _applications(search: JobSearch) -> list[str]:
    heading = ["## Applications", ""]
    if not search.applications:
        return [*heading, "No applications yet."]
    newest_first = sorted(search.applications, key=lambda a: (a.applied_on or date.min, a.created_at), reverse=True)
    rows = [_application_row(application) for application in newest_first]
    header = ["Company", "Role", "Kind", "Source", "Applied", "Stage", "Last move"]
    return [*heading, *_table(header, rows, "lllllll")]


def _application_row(application: Application) -> list[str]:
    last = application.stage_history[-1] if application.stage_history else None
    moved = NONE if last is None else "no date" if last.undated else last.day.isoformat()
    return [
        literal(application.company),
        literal(application.role),
        application.kind.value,
        literal(application.source),
        application.applied_on.isoformat() if application.applied_on else NONE,
        application.stage.value,
        moved,
    ]


def _interviews(search: JobSearch, today: date) -> list[str]:
    heading = ["## Interviews", ""]
    if not search.interviews:
        return [*heading, "No interviews yet."]
    rows = [_interview_row(search, interview, today) for interview in sorted(search.interviews, key=lambda i: i.at)]
    return [*heading, *_table(["Day", "Company", "Round", "Kind", "Rating"], rows, "llrll")]


def _interview_row(search: JobSearch, interview: Interview, today: date) -> list[str]:
    application = search.application(interview.application_id)
    day = interview.day.isoformat() + (" (coming up)" if interview.day > today else "")
    return [
        day,
        literal(application.company) if application is not None else NONE,
        str(interview.round),
        interview.kind.value,
        f"{interview.rating} of 5" if interview.rating is not None else NONE,
    ]


def _wins(search: JobSearch) -> list[str]:
    heading = ["## Wins", ""]
    if not search.wins:
        return [*heading, "No wins written down yet; a small one counts too."]
    return [*heading, *(f"- **{win.day.isoformat()}** · {literal(win.text)}" for win in search.wins_newest_first)]


def _learning_goals(search: JobSearch) -> list[str]:
    heading = ["## Learning goals", ""]
    open_goals = sorted((g for g in search.learning_goals if g.closed_on is None), key=lambda g: g.created_at)
    if not open_goals:
        return [*heading, "No open learning goals."]
    return [*heading, *(_goal_line(goal) for goal in open_goals)]


def _goal_line(goal: LearningGoal) -> str:
    source = f" ({literal(goal.source)})" if goal.source.strip() else ""
    return f"- {literal(goal.text)}{source}"


def _table(header: list[str], rows: list[list[str]], align: str) -> list[str]:
    """A Markdown table; `align` has one letter a column: l(eft) or r(ight). Cells come escaped already."""
    rule = ["---:" if side == "r" else "---" for side in align]
    return [_row(header), _row(rule), *(_row(row) for row in rows)]


def _row(cells: list[str]) -> str:
    return "| " + " | ".join(cells) + " |"


def _long_day(day: date) -> str:
    return f"{day.day} {day:%b %Y}"
