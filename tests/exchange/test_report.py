"""The full Markdown report: it carries the insights' figures, every record, and tables no text can break."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from tests.support.insight_records import (
    STAMP,
    TODAY,
    activity,
    application,
    d,
    interview,
    realistic_records,
    realistic_search,
    search_of,
)
from tui.core.insights import build_insights
from tui.core.models import ActivityKind, LearningGoal, Stage, Win
from tui.core.search import JobSearch
from tui.exchange.report import literal, report_markdown

NOW = datetime(2026, 3, 15, 14, 30, tzinfo=ZoneInfo("Europe/Berlin"))


def report_of(search: JobSearch, today: date = TODAY, now: datetime = NOW) -> str:
    return report_markdown(search, build_insights(search, today), now, today)


def split_row(line: str) -> list[str]:
    """A table row's cells as a GFM reader splits them: a backslash escapes the character after it."""
    cells, current, index = [], "", 0
    while index < len(line):
        if line[index] == "\\":
            current += line[index : index + 2]
            index += 2
        elif line[index] == "|":
            cells.append(current)
            current, index = "", index + 1
        else:
            current += line[index]
            index += 1
    cells.append(current)
    assert cells[0].strip() == "" and cells[-1].strip() == "", f"a row must start and end with a pipe: {line!r}"
    return [cell.strip() for cell in cells[1:-1]]


def tables(report: str) -> list[list[list[str]]]:
    """Every table in the report, as rows of cells (the delimiter row left out)."""
    found: list[list[list[str]]] = []
    previous_was_row = False
    for line in report.splitlines():
        is_row = line.startswith("|")
        if is_row and not previous_was_row:
            found.append([])
        if is_row:
            found[-1].append(split_row(line))
        previous_was_row = is_row
    for table in found:
        assert all(set(cell) <= set("-:") for cell in table[1]), "the second row must be the delimiter row"
        del table[1]
    return found


def win(text: str, day: date) -> Win:
    return Win(day=day, text=text, created_at=STAMP, updated_at=STAMP)


def goal(text: str, source: str = "", closed_on: date | None = None) -> LearningGoal:
    return LearningGoal(text=text, source=source, closed_on=closed_on, created_at=STAMP, updated_at=STAMP)


def full_search() -> JobSearch:
    return search_of(
        *realistic_records(),
        win("Cut the nightly report from 2 hours to 10 minutes", d(1, 10)),
        win("Passed the Evergreen panel: 4 interviewers, all yes", d(2, 14)),
        goal("Kafka consumer groups", source="feedback from Quill Labs"),
        goal("System design: rate limiting"),
        goal("SQL window functions", closed_on=d(3, 1)),
    )


def test_the_report_carries_the_figures_insights_computed() -> None:
    search = full_search()
    insights = build_insights(search, TODAY)
    report = report_markdown(search, insights, NOW, TODAY)
    assert report.startswith("# Job search report, 15 Mar 2026\n")
    assert "- **Applied:** 7 sent, 1 saved to send" in report
    assert "- **Waiting on a reply:** 2" in report
    assert "- **No's so far:** 2" in report
    assert f"- **Response:** {insights.response}" in report
    assert "- **Median days to a first reply:** 5.5 (4 replies timed)" in report
    assert "- **Interviews per 10 applications:** 4.3 (3 interviews held)" in report
    for step in insights.funnel[1:]:
        assert f"| {step.label} | {step.count} | {step.of_applied} | {step.of_previous} |" in report
    for row in (*insights.by_source, *insights.by_kind, *insights.by_keyword):
        cells = f"| {row.applied} | {row.response} | {row.interview_rate} | {row.rejection_rate} |"
        assert f"| {row.label}{' ' if row.label else ''}{cells}" in report
    assert "| Interviews | 1 | 0 | 0 |" in report  # Quill Labs said no after interviews
    assert "| Applying | 1 | 1 | 0 |" in report
    assert "| 2026-02-16 | 2 | 1.5 |" in report


def test_every_application_interview_win_and_open_goal_is_listed() -> None:
    report = report_of(full_search())
    assert "| Bluebird Data | Data Engineer | contract | Referral | 2026-02-16 | offer | 2026-03-10 |" in report
    assert "| Harbor & Co | Frontend Developer | full-time | — | 2026-01-05 | ghosted | 2026-02-04 |" in report
    assert "| Delta Freight | Senior Backend Engineer | full-time | LinkedIn | — | saved | — |" in report
    assert "| 2026-01-28 | Evergreen | 1 | panel | 5 of 5 |" in report
    assert "| 2026-03-18 (coming up) | Bluebird Data | 2 | on-site | — |" in report
    newest, oldest = report.index("Passed the Evergreen panel"), report.index("Cut the nightly report")
    assert newest < oldest
    assert "- Kafka consumer groups (feedback from Quill Labs)" in report
    assert "- System design: rate limiting" in report
    assert "SQL window functions" not in report  # closed on 1 March


def test_applications_are_listed_newest_first_with_saved_ones_last() -> None:
    rows = tables(report_of(full_search()))
    applications = next(table for table in rows if table[0][0] == "Company")
    companies = [row[0] for row in applications[1:]]
    assert companies == [
        "Atlas",
        "Bluebird Data",
        "Northwind",
        "Quill Labs",
        "Evergreen",
        "Cobalt",
        "Harbor & Co",
        "Delta Freight",
    ]


def test_a_move_imported_without_a_day_shows_no_date() -> None:
    imported = application(
        "Cobalt", "Backend Engineer", d(1, 12), [(Stage.REJECTED, d(2, 1))], undated=(Stage.REJECTED,)
    )
    row = "| Cobalt | Backend Engineer | full-time | LinkedIn | 2026-01-12 | rejected | no date |"
    assert row in report_of(search_of(imported))


def test_pipes_newlines_and_markup_in_what_was_typed_never_break_a_table() -> None:
    awkward = application(
        "Pipe | Works\nGmbH", "Data | ML\nEngineer", d(3, 2), [(Stage.REJECTED, d(3, 9))], source="Referral | Dana"
    )
    backslash = application("Back\\slash Labs\\", "Engineer_*2*", d(3, 3))
    search = search_of(
        *realistic_records(),
        awkward,
        backslash,
        interview(awkward, d(3, 6), rating=2),
        win("Shipped | measured\n40% faster", d(3, 12)),
        goal("Learn | practise\n`pandas`"),
    )
    report = report_of(search)
    found = tables(report)
    assert len(found) == 8  # funnel, endings, three breakdowns, weeks, applications, interviews
    for table in found:
        assert all(len(row) == len(table[0]) for row in table), table
    applications = next(table for table in found if table[0][0] == "Company")
    assert ["Pipe \\| Works GmbH", "Data \\| ML Engineer", "full-time", "Referral \\| Dana"] in (
        row[:4] for row in applications
    )
    assert any(row[0] == "Back\\\\slash Labs\\\\" and row[1] == "Engineer\\_\\*2\\*" for row in applications)
    assert "| Referral \\| Dana | 1 | 1 of 1 | 1 of 1 | 1 of 1 |" in report  # interviewed, then a no
    assert "- **2026-03-12** · Shipped \\| measured 40% faster" in report
    assert "- Learn \\| practise \\`pandas\\`" in report
    assert not any(line.startswith(("GmbH", "Engineer", "40% faster")) for line in report.splitlines())


@pytest.mark.parametrize(
    ("typed", "shown"),
    [
        ("Quill Labs", "Quill Labs"),
        ("A | B", "A \\| B"),
        ("two\nlines\r\n  here", "two lines here"),
        ("ends in \\", "ends in \\\\"),
        ("<b>#1</b> [link](x)", "\\<b\\>\\#1\\</b\\> \\[link\\](x)"),
        ("   ", "—"),
    ],
)
def test_literal_text_is_one_escaped_line(typed: str, shown: str) -> None:
    assert literal(typed) == shown


def test_an_empty_search_reads_sensibly_without_empty_tables() -> None:
    report = report_of(search_of())
    assert tables(report) == []
    assert "No applications yet. Everything below fills in as you apply." in report
    assert "No applications sent yet: the funnel fills in as you apply." in report
    assert "None has ended yet." in report
    assert "Nothing logged in the last 26 weeks." in report
    assert "No interviews yet." in report
    assert "No wins written down yet; a small one counts too." in report
    assert "No open learning goals." in report
    assert "- **Response:** none yet" in report
    lines = report.splitlines()
    for number, line in enumerate(lines):
        if line.startswith("## "):
            assert lines[number + 1] == "" and lines[number + 2].strip(), f"{line} has nothing under it"


def test_only_saved_applications_still_lists_them() -> None:
    saved = application("Delta Freight", "Senior Backend Engineer", None, stage=Stage.SAVED)
    report = report_of(search_of(saved))
    assert "- **Applied:** none sent yet, 1 saved to send" in report
    assert "No applications yet. Everything" not in report
    assert "| Delta Freight | Senior Backend Engineer | full-time | LinkedIn | — | saved | — |" in report
    assert len(tables(report)) == 1


def test_many_applications_are_said_as_percentages() -> None:
    apps = [
        application(f"Company {n}", "Engineer", d(2, 1), [(Stage.REJECTED, d(2, 10))] if n < 21 else [])
        for n in range(50)
    ]
    report = report_of(search_of(*apps))
    assert "- **Response:** 42% (21 of 50)" in report
    assert "| engineer | 50 | 42% (21 of 50) | 0% (0 of 50) | 42% (21 of 50) |" in report


def test_the_weeks_show_as_a_line_and_a_table_of_twenty_six() -> None:
    search = search_of(
        activity(ActivityKind.APPLY, d(3, 10)),
        activity(ActivityKind.NETWORK, d(3, 11)),
        activity(ActivityKind.LEARN, d(2, 24)),
    )
    report = report_of(search)
    assert "3 activities over 2 of 26 weeks: `" + "·" * 23 + "▄·█`" in report
    weeks = next(table for table in tables(report) if table[0][0] == "Week of")
    assert len(weeks) == 1 + 26
    assert weeks[-1] == ["2026-03-09", "2", "2"]


def test_the_title_names_the_logical_day_not_the_clock_date() -> None:
    # 01:30 on Monday still counts for Sunday.
    late = datetime(2026, 3, 16, 1, 30, tzinfo=ZoneInfo("UTC"))
    report = report_of(realistic_search(), today=TODAY, now=late)
    assert report.startswith("# Job search report, 15 Mar 2026\n\n*Written 16 Mar 2026 at 01:30 UTC.*")
