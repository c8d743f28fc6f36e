"""Import, export and the weekly review from the shell, as a person types them.

What they read, what lands in the database, and for every mistake one line, exit status 2 and not a
byte written. The clock is fixed on Sunday 15 March 2026, 14:30 UTC.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from icalendar import Calendar

from tests.support.clock import FakeClock
from tests.support.shell import add, refused
from tests.support.store_records import stored_bytes
from tui.cli import main
from tui.core.models import Stage
from tui.store import Store

LINKEDIN_APPLICATIONS = (
    "Application Date,Contact Email,Contact Phone Number,Company Name,Job Title,Job Url,Resume Name,"
    "Question And Answers\n"
    "3/2/26, 9:14 AM,,,Northwind Traders,Senior Data Engineer,https://www.linkedin.com/jobs/view/1,"
    'resume-data.pdf,"Years of Python? : 8 | Sponsorship needed? : No"\n'
    '3/4/26, 4:40 PM,,,"Contoso, Ltd.",Analytics Engineer,https://www.linkedin.com/jobs/view/2,,\n'
    "13/45/26, 1:00 PM,,,Broken Row Inc,Data Engineer,,,\n"
    "3/9/26, 11:05 AM,,,Fabrikam,Data Platform Engineer,https://www.linkedin.com/jobs/view/3,,\n"
)


@pytest.fixture
def run_on(clock: FakeClock, capsys: pytest.CaptureFixture[str]):
    """Like `run`, on another database file: `run_on(path, *arguments)`."""

    def invoke(path: Path, *arguments: str) -> tuple[int, str, str]:
        status = main([*arguments, "--db", str(path)], now=clock)
        captured = capsys.readouterr()
        return status, captured.out, captured.err

    return invoke


def write(tmp_path: Path, name: str, text: str, encoding: str = "utf-8") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding=encoding, newline="")
    return path


def companies(store: Store) -> list[str]:
    return sorted(application.company for application in store.load().applications)


# --- import -------------------------------------------------------------------------------------------------


def test_a_linkedin_export_imports_once_and_names_the_bad_row(run, tmp_path: Path, store: Store) -> None:
    linkedin = write(tmp_path, "Job Applications.csv", LINKEDIN_APPLICATIONS)

    status, out, err = run("import", str(linkedin))

    assert status == 0, err
    assert companies(store) == ["Contoso, Ltd.", "Fabrikam", "Northwind Traders"]
    assert "3 applications" in out
    assert "line 4" in out and "skipped" in out
    northwind = next(a for a in store.load().applications if a.company == "Northwind Traders")
    assert (northwind.stage, northwind.source, str(northwind.applied_on)) == (Stage.APPLIED, "LinkedIn", "2026-03-02")
    before = stored_bytes(store.path)

    status, out, err = run("import", str(linkedin))

    assert status == 0, err
    assert stored_bytes(store.path) == before
    assert "3 already here" in out


def test_the_imported_days_count_as_days_you_applied(run, tmp_path: Path) -> None:
    run("import", str(write(tmp_path, "Job Applications.csv", LINKEDIN_APPLICATIONS)))
    status, out, _ = run("status", "--json")
    assert status == 0
    # Monday 9 March is in this week: one of the week's five applications.
    assert json.loads(out)["weekly"]["applications"]["done"] == 1


def test_a_dry_run_says_what_would_come_in_and_writes_nothing(run, tmp_path: Path, db_path: Path) -> None:
    linkedin = write(tmp_path, "Job Applications.csv", LINKEDIN_APPLICATIONS)

    status, out, err = run("import", "--dry-run", str(linkedin))

    assert status == 0, err
    assert "would" in out.lower() and "3 applications" in out
    assert not db_path.exists()


def test_a_file_that_cannot_be_imported_is_refused_in_one_line(run, tmp_path: Path, db_path: Path) -> None:
    add(run, "Quill Labs")
    unknown = write(tmp_path, "bank.csv", "Date,Amount,Payee\n2026-03-01,12.50,Coffee\n")
    assert "bank.csv" in refused(run, db_path, "import", str(unknown))
    assert "missing.csv" in refused(run, db_path, "import", str(tmp_path / "missing.csv"))


def test_a_large_import_shows_its_progress(run, tmp_path: Path, store: Store) -> None:
    rows = "".join(f"Company {n},Engineer,2026-02-{1 + n % 28:02d},applied\n" for n in range(1500))
    big = write(tmp_path, "applications.csv", "Company,Role,Date Applied,Status\n" + rows)

    status, out, err = run("import", str(big))

    assert status == 0, err
    assert len(store.load().applications) == 1500
    assert "Read 1,500 of 1,500 rows" in err
    assert "1500 applications" in out.replace(",", "")


def test_a_saved_job_imported_is_offered_to_send_today(run, tmp_path: Path) -> None:
    wishlist = write(tmp_path, "tracker.csv", "Employer,Job Title,Status\nHarbor & Pine,Platform Engineer,wishlist\n")
    status, _, err = run("import", str(wishlist))
    assert status == 0, err
    assert any("Send your application to Harbor & Pine" in line for line in run("today")[1].splitlines())


# --- export -------------------------------------------------------------------------------------------------


def test_csv_export_imports_back_into_an_empty_database(run, run_on, tmp_path: Path) -> None:
    add(run, "Quill Labs", "Data Engineer", "--source", "referral, from Dana", "--note", 'said "maybe"\nlater')
    add(run, "Acme", "Analyst")
    run("stage", "acme", "screening")
    out_file = tmp_path / "applications.csv"

    status, out, err = run("export", "--format", "csv", "--out", str(out_file))

    assert status == 0, err
    assert f"to {out_file}" in out
    rows = list(csv.DictReader(io.StringIO(out_file.read_text(encoding="utf-8"))))
    assert sorted(row["company"] for row in rows) == ["Acme", "Quill Labs"]
    empty = tmp_path / "other.json"
    status, out, err = run_on(empty, "import", str(out_file))
    assert status == 0, err
    assert "2 applications" in out
    again = Store(empty, FakeClock()).load()
    fields = {(a.company, a.role, a.stage, a.applied_on, a.source, a.notes) for a in again.applications}
    original = Store(tmp_path / "nextyes.json", FakeClock()).load()
    assert fields == {(a.company, a.role, a.stage, a.applied_on, a.source, a.notes) for a in original.applications}


def test_each_csv_table_exports_and_table_goes_only_with_csv(run, db_path: Path) -> None:
    add(run)
    run("log", "network", "coffee with Dana")
    for table, column in [("activities", "kind"), ("contacts", "name"), ("interviews", "round")]:
        status, out, err = run("export", "--format", "csv", "--table", table)
        assert status == 0, err
        assert column in out.splitlines()[0].split(",")
    assert "--table" in refused(run, db_path, "export", "--format", "json", "--table", "contacts")
    assert "'wins'" in refused(run, db_path, "export", "--format", "csv", "--table", "wins")


def test_json_export_then_import_into_an_empty_database_gives_the_same_records(run, run_on, tmp_path: Path) -> None:
    add(run, "Quill Labs")
    run("stage", "quill", "interviewing", "--round", "2")
    run("contact", "add", "Dana Reyes", "--company", "Quill Labs", "--tier", "A")
    run("win", "Shipped the billing migration, 40% faster")
    first = tmp_path / "first.json"
    run("export", "--out", str(first))
    copy = tmp_path / "copy.json"

    status, _, err = run_on(copy, "import", str(first))
    assert status == 0, err
    second = tmp_path / "second.json"
    assert run_on(copy, "export", "--out", str(second))[0] == 0

    def records(path: Path) -> dict:
        document = json.loads(path.read_text(encoding="utf-8"))
        document.pop("exported_at")
        return document

    assert records(second) == records(first)


def test_the_calendar_export_holds_the_interview_and_the_follow_up(run) -> None:
    add(run, "Quill Labs")
    run("interview", "quill", "--on", "2026-03-18", "--at", "10:30", "--kind", "technical")
    add(run, "Acme", "Analyst")

    status, out, err = run("export", "--format", "ics")

    assert status == 0, err
    assert out.startswith("BEGIN:VCALENDAR\r\n")
    events = list(Calendar.from_ical(out).walk("VEVENT"))
    summaries = [str(event["SUMMARY"]) for event in events]
    assert any(summary.startswith("Interview: Quill Labs") for summary in summaries)
    assert any(summary.startswith("Follow up: Acme") for summary in summaries)
    assert all("UID" in event and "DTSTAMP" in event for event in events)


def test_the_markdown_report_and_the_weekly_review_as_markdown(run) -> None:
    add(run, "Quill Labs")
    status, report, err = run("export", "--format", "md")
    assert status == 0, err
    assert report.startswith("# ") and "Quill Labs" in report and "|" in report
    status, review, err = run("export", "--format", "md", "--week", "2026-03-10")
    assert status == 0, err
    assert review.startswith("# ") and "9 Mar" in review


# --- review ---------------------------------------------------------------------------------------------------


def test_review_shows_this_week_and_a_week_gone_by(run) -> None:
    add(run, "Quill Labs", "Data Engineer", "--on", "2026-03-03")
    add(run, "Acme", "Analyst", "--on", "2026-03-12")

    status, this_week, err = run("review")
    assert status == 0, err
    assert "Acme" in this_week and "Quill Labs" not in this_week

    status, last_week, err = run("review", "--week", "2026-03-04")
    assert status == 0, err
    assert "Quill Labs" in last_week and "Acme" not in last_week

    status, markdown, err = run("review", "--format", "md")
    assert status == 0, err
    assert markdown.startswith("# ")


def test_review_of_a_week_still_to_come_or_an_unreadable_day_is_refused(run, db_path: Path) -> None:
    add(run)
    refused(run, db_path, "review", "--week", "2026-04-01")
    refused(run, db_path, "review", "--week", "someday")
    refused(run, db_path, "review", "--format", "pdf")
