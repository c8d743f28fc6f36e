"""`nextyes import`: LinkedIn's files, a CSV of applications and a nextyes export become records, once."""

from __future__ import annotations

import csv
import dataclasses
import io
import json
import re
import shutil
import tempfile
import uuid
from collections.abc import Callable
from datetime import date, datetime, timedelta
from pathlib import Path
from unittest.mock import patch
from zoneinfo import ZoneInfo

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from tests.support.clock import FIXED_NOW, FakeClock
from tui.core.actions import ActionKind, todays_actions
from tui.core.models import (
    Activity,
    ActivityKind,
    Application,
    ApplicationKind,
    RejectionReason,
    Settings,
    Stage,
    Tier,
)
from tui.core.pipeline import next_follow_up
from tui.core.search import JobSearch
from tui.exchange import csv_applications
from tui.exchange.csv_format import export_csv
from tui.exchange.importing import (
    BadRow,
    ImportSource,
    ParsedFile,
    UnreadableFile,
    import_file,
    plan_import,
    read_file,
)
from tui.exchange.json_format import export_document, export_json
from tui.recording import Recorder
from tui.store import SCHEMA_VERSION, Store

FIXTURES = Path(__file__).parent / "fixtures"
DATABASE_FIXTURES = Path(__file__).parent.parent / "store" / "fixtures"
UTC = ZoneInfo("UTC")
NEW_YORK = ZoneInfo("America/New_York")
TODAY = date(2026, 3, 15)  # FIXED_NOW's logical day


def read(path: Path, zone: ZoneInfo = UTC, progress: Callable[[int, int], None] | None = None) -> ParsedFile:
    return read_file(path, now=FIXED_NOW, zone=zone, rollover_hour=4, progress=progress)


def written(tmp_path: Path, text: str, name: str = "applications.csv") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8", newline="")
    return path


def applications_of(parsed: ParsedFile) -> dict[str, Application]:
    return {item.record.company: item.record for item in parsed.items if isinstance(item.record, Application)}


def fingerprint(path: Path) -> bytes | None:
    return path.read_bytes() if path.exists() else None


# --- LinkedIn's Job Applications.csv ----------------------------------------------------------------------


def test_linkedin_job_applications_become_applications_sent_through_linkedin() -> None:
    parsed = read(FIXTURES / "Job Applications.csv", zone=NEW_YORK)

    assert parsed.source is ImportSource.LINKEDIN_APPLICATIONS
    assert (parsed.rows, parsed.bad_rows) == (3, ())
    applications = applications_of(parsed)
    assert list(applications) == ["Northwind Analytics", "Quill Labs, Inc.", "Ferncrest Health"]
    northwind = applications["Northwind Analytics"]
    assert (northwind.role, northwind.stage, northwind.source) == ("Data Engineer", Stage.APPLIED, "LinkedIn")
    assert northwind.url == "https://www.linkedin.com/jobs/view/4012345678/"
    assert northwind.applied_on == date(2026, 3, 2)
    [applied] = northwind.stage_history
    assert (applied.stage, applied.day) == (Stage.APPLIED, date(2026, 3, 2))
    assert applied.at == datetime(2026, 3, 2, 9, 15, tzinfo=NEW_YORK)  # the time LinkedIn shows, read locally
    assert northwind.created_at == northwind.updated_at == FIXED_NOW


def test_quoting_commas_and_a_multi_line_answer_survive_into_the_notes() -> None:
    quill = applications_of(read(FIXTURES / "Job Applications.csv"))["Quill Labs, Inc."]

    assert quill.role == 'Senior Engineer, "Platform"'
    assert quill.notes == (
        "Resume: Dana_Smith_Platform.pdf\n"
        "Contact: recruiting@quill-labs.example, +1 (555) 010-2030\n"
        "Questions and answers:\n"
        "How many years of work experience do you have with Python?: 6\n"
        "Are you comfortable working in a hybrid setting?: Yes\n"
        "Desired salary (USD): 150,000"
    )


def test_questions_linkedin_lists_on_one_line_go_into_the_notes_one_a_line() -> None:
    ferncrest = applications_of(read(FIXTURES / "Job Applications.csv"))["Ferncrest Health"]
    assert ferncrest.notes.splitlines()[-3:] == [
        "Questions and answers:",
        "What is your total experience with SQL?:4",
        "Are you willing to relocate to Boston?:No",
    ]


def test_an_application_date_left_unquoted_by_hand_is_joined_back_together(tmp_path: Path) -> None:
    header = (
        "Application Date,Contact Email,Contact Phone Number,Company Name,Job Title,Job Url,Resume Name,"
        "Question And Answers\n"
    )
    path = written(tmp_path, header + '3/4/26, 4:40 PM,,,"Contoso, Ltd.",Analytics Engineer,,,\n', "Job.csv")
    contoso = applications_of(read(path))["Contoso, Ltd."]
    assert (contoso.role, contoso.stage_history[0].at) == (
        "Analytics Engineer",
        datetime(2026, 3, 4, 16, 40, tzinfo=UTC),
    )


def test_an_application_sent_at_1_30_at_night_counts_for_the_day_before_like_one_logged_by_hand() -> None:
    quill = applications_of(read(FIXTURES / "Job Applications.csv"))["Quill Labs, Inc."]
    assert quill.stage_history[0].at == datetime(2026, 2, 27, 1, 30, tzinfo=UTC)
    assert quill.applied_on == quill.stage_history[0].day == date(2026, 2, 26)


def test_each_imported_application_brings_its_apply_activity_which_counts_for_its_day() -> None:
    parsed = read(FIXTURES / "Job Applications.csv", zone=NEW_YORK)
    for item in parsed.items:
        [activity] = item.companions
        assert isinstance(activity, Activity)
        application = item.record
        assert isinstance(application, Application)
        assert activity.kind is ActivityKind.APPLY
        assert activity.application_id == application.id
        assert activity.logical_day == application.applied_on
        assert activity.at == application.stage_history[0].at
        assert activity.timezone == "America/New_York"
        assert activity.note == f"applied to {application.company} (imported)"


def test_an_imported_application_owes_follow_ups_like_one_added_by_hand(store: Store) -> None:
    import_file(store, read(FIXTURES / "Job Applications.csv"))
    search = store.load()
    northwind = next(a for a in search.applications if a.company == "Northwind Analytics")
    follow_up = next_follow_up(search, northwind, search.settings)
    assert follow_up is not None and follow_up.due_on == date(2026, 3, 9)


# --- LinkedIn's Connections.csv ---------------------------------------------------------------------------


def test_linkedin_connections_skip_the_notes_before_the_header_and_become_tier_c_contacts() -> None:
    parsed = read(FIXTURES / "Connections.csv")

    assert parsed.source is ImportSource.LINKEDIN_CONNECTIONS
    assert parsed.rows == 4
    contacts = {item.record.name: item.record for item in parsed.items}
    assert list(contacts) == ["Priya Raman", "Tomás Ó Briain", "Mei Chen"]
    priya = contacts["Priya Raman"]
    assert (priya.company, priya.tier, priya.last_contact) == ("Northwind Analytics", Tier.C, None)
    assert priya.how_we_know == "LinkedIn connection since 5 Mar 2024"
    assert priya.notes == "Position: Engineering Manager\nLinkedIn: https://www.linkedin.com/in/priya-raman-4b2a1"
    tomas = contacts["Tomás Ó Briain"]
    assert tomas.company == "Quill Labs, Inc."
    assert "Position: Staff Engineer, Data Platform" in tomas.notes
    assert "Email: tomas@example.ie" in tomas.notes


def test_a_connection_linkedin_hides_the_name_of_is_reported_on_its_line() -> None:
    # Lines 1-3 are LinkedIn's notes and a blank line, the header is line 4.
    [hidden] = read(FIXTURES / "Connections.csv").bad_rows
    assert hidden.line == 7
    assert hidden.problem.startswith("no name")


def test_a_big_connections_import_brings_reconnects_after_180_days_and_at_most_three_a_day(
    tmp_path: Path, store: Store
) -> None:
    rows = "".join(f"Person,Number {n},,,Acme,Engineer,0{n % 9 + 1} Jan 2026\n" for n in range(40))
    path = written(tmp_path, "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n" + rows)
    plan = import_file(store, read(path))
    search = store.load()
    assert len(search.contacts) == 40
    assert "reconnect suggestions for them start in 180 days, at most 3 a day" in " ".join(plan.summary(dry_run=False))

    def reconnects(day: date) -> int:
        actions = todays_actions(search, search.settings, day)
        return sum(action.kind is ActionKind.RECONNECT for action in actions)

    assert reconnects(TODAY + timedelta(days=179)) == 0
    assert reconnects(TODAY + timedelta(days=180)) == 3


# --- A CSV of applications as people keep one -----------------------------------------------------------


def test_a_csv_with_other_column_names_a_bom_and_odd_dates_imports_every_good_row() -> None:
    parsed = read(FIXTURES / "applications.csv")

    assert parsed.source is ImportSource.CSV_APPLICATIONS
    assert parsed.rows == 8  # the blank line is not a row
    applications = applications_of(parsed)
    assert list(applications) == [
        "Northwind Analytics",
        "Quill Labs",
        "Brightline Logistics",
        "Harbor & Pine",
        "Lumen Works",
        "Ochre Studio",
    ]
    assert {name: a.applied_on for name, a in applications.items()} == {
        "Northwind Analytics": date(2026, 2, 24),
        "Quill Labs": date(2026, 2, 3),  # "Feb 3, 2026"
        "Brightline Logistics": date(2026, 1, 5),  # "5 Jan 2026"
        "Harbor & Pine": None,  # saved, not sent
        "Lumen Works": date(2026, 1, 20),  # "1/20/2026 10:45"
        "Ochre Studio": date(2026, 3, 10),
    }
    northwind = applications["Northwind Analytics"]
    assert (northwind.source, northwind.location, northwind.notes) == ("Referral", "Berlin", "Referred by Priya")
    assert northwind.url == "https://northwind.example/jobs/42"
    assert {name: a.kind for name, a in applications.items() if a.kind is not ApplicationKind.FULL_TIME} == {
        "Quill Labs": ApplicationKind.CONTRACT,
        "Lumen Works": ApplicationKind.FREELANCE,
        "Ochre Studio": ApplicationKind.OTHER,  # part-time
    }
    assert applications["Quill Labs"].notes == (
        "Asked about Go, then Kubernetes.\nThey want someone with more Kubernetes.\nWill reapply in the autumn."
    )


def test_status_words_map_to_stages_with_the_move_on_its_own_day_or_marked_undated() -> None:
    applications = applications_of(read(FIXTURES / "applications.csv"))

    def moves(company: str) -> list[tuple[Stage, date, bool]]:
        return [(c.stage, c.day, c.undated) for c in applications[company].stage_history]

    assert applications["Northwind Analytics"].stage is Stage.INTERVIEWING
    assert moves("Northwind Analytics") == [
        (Stage.APPLIED, date(2026, 2, 24), False),
        (Stage.INTERVIEWING, date(2026, 3, 2), False),  # "Response Date" 3/2/26
    ]
    assert applications["Northwind Analytics"].interview_round == 1
    assert moves("Quill Labs") == [(Stage.APPLIED, date(2026, 2, 3), False), (Stage.REJECTED, date(2026, 2, 3), True)]
    assert applications["Brightline Logistics"].stage is Stage.GHOSTED
    assert applications["Lumen Works"].stage is Stage.SCREENING  # "phone screen"
    assert applications["Lumen Works"].stage_history[0].at == datetime(2026, 1, 20, 10, 45, tzinfo=UTC)
    assert applications["Harbor & Pine"].stage is Stage.SAVED  # "wishlist"
    assert moves("Harbor & Pine") == [(Stage.SAVED, date(2026, 3, 15), False)]  # saved on the day imported


def test_a_saved_job_comes_without_an_apply_activity_and_sent_ones_with_one() -> None:
    parsed = read(FIXTURES / "applications.csv")
    companions = {item.record.company: len(item.companions) for item in parsed.items}
    assert companions.pop("Harbor & Pine") == 0
    assert set(companions.values()) == {1}


def test_bad_rows_are_skipped_and_reported_on_the_line_they_start_after_a_multi_line_field() -> None:
    # Line 1 is the header; Quill Labs' comments run over lines 3-5; line 8 is blank.
    parsed = read(FIXTURES / "applications.csv")

    assert [bad.line for bad in parsed.bad_rows] == [6, 11]
    date_problem, status_problem = (bad.problem for bad in parsed.bad_rows)
    assert date_problem.startswith("the application date '31/31/23' is not a date (accepted: 2024-03-05")
    assert status_problem.startswith("the status 'pending review' is not one nextyes knows (accepted: applied, saved")
    lines = plan_import(parsed, empty_search(), settings_saved=False).summary(dry_run=False)
    assert f"line 6: {date_problem} — skipped" in lines


@pytest.mark.parametrize(
    ("row", "problem"),
    [
        pytest.param("Acme,Engineer,,Applied", "no application date", id="sent without a day"),
        pytest.param(",Engineer,2026-03-01,Applied", "no company", id="no company"),
        pytest.param("Acme,,2026-03-01,Applied", "no role", id="no role"),
        pytest.param(
            "Acme,Engineer,March 2026,Applied",
            "the application date 'March 2026' is missing its day",
            id="no day of the month",
        ),
        pytest.param(
            "Acme,Engineer,1/5/1987,Applied", "the application date '1/5/1987' is out of range", id="before 1990"
        ),
        pytest.param(
            "Acme,Engineer,2026-03-17,Applied",
            "the application date '2026-03-17' is in the future",
            id="two days ahead",
        ),
        pytest.param(
            "Acme,Engineer,2026-03-01,Interview,2026-04-30",
            "the status date '2026-04-30' is in the future",
            id="a move ahead",
        ),
    ],
)
def test_a_row_nextyes_cannot_use_says_why(tmp_path: Path, row: str, problem: str) -> None:
    parsed = read(written(tmp_path, f"Company,Role,Date Applied,Status,Status Date\n{row}\n"))
    assert parsed.items == ()
    [bad] = parsed.bad_rows
    assert bad.line == 2
    assert bad.problem.startswith(problem)


def test_tomorrow_is_not_the_future_yet(tmp_path: Path) -> None:
    # Time zones differ: a day ahead is allowed, so an application logged late elsewhere is not refused.
    parsed = read(written(tmp_path, "Company,Role,Date Applied\nAcme,Engineer,2026-03-16\n"))
    assert applications_of(parsed)["Acme"].applied_on == date(2026, 3, 16)


def test_two_digit_years_are_read_around_the_import_date_not_the_machine_clock(tmp_path: Path) -> None:
    parsed = read(written(tmp_path, "Company,Role,Date Applied\nAcme,Engineer,12/30/99\nGlobex,Analyst,1/2/26\n"))
    assert {name: a.applied_on for name, a in applications_of(parsed).items()} == {
        "Acme": date(1999, 12, 30),
        "Globex": date(2026, 1, 2),
    }


def test_headers_match_whatever_their_case_spacing_or_underscores_and_unknown_columns_are_ignored(
    tmp_path: Path,
) -> None:
    text = "ORGANISATION ; position ;date_applied;STAGE;Salary\nAcme;Staff Engineer;2026-03-01;Offer;120k\n"
    parsed = read(written(tmp_path, text))
    acme = applications_of(parsed)["Acme"]
    assert (acme.role, acme.stage, acme.applied_on) == ("Staff Engineer", Stage.OFFER, date(2026, 3, 1))


def test_the_csv_nextyes_exports_imports_back_as_the_same_applications(tmp_path: Path, clock: FakeClock) -> None:
    source = Store(tmp_path / "source.json", clock)
    recorder = Recorder(source, clock)
    northwind = recorder.add_application(
        "Northwind Analytics",
        "Data Engineer",
        source="Referral",
        on=date(2026, 2, 24),
        note="Referred by Priya,\nwho knows the team",
    )
    recorder.move_stage(northwind.id, Stage.INTERVIEWING, on=date(2026, 3, 2))
    quill = recorder.add_application(
        "Quill Labs", "Backend Engineer", kind=ApplicationKind.CONTRACT, on=date(2026, 2, 3)
    )
    recorder.move_stage(quill.id, Stage.REJECTED, on=date(2026, 2, 20), reason=RejectionReason.SKILLS)
    recorder.keep_bridge(quill.id, reapply_after=date(2026, 9, 1))
    recorder.add_application("Harbor & Pine", "Platform Engineer", saved=True)
    with source.transaction() as tx:
        tx.replace(
            tx.search.application(northwind.id).touched(
                clock(), tags=["referral", "data, platform"], next_step="Onsite", next_step_on=date(2026, 3, 20)
            )
        )
    exported = written(tmp_path, export_csv(source.load()), "applications-export.csv")

    parsed = read(exported)

    assert parsed.bad_rows == ()
    before = {a.id: a for a in source.load().applications}
    after = {item.record.id: item.record for item in parsed.items}
    assert after.keys() == before.keys()  # the id column is kept
    fields = (
        "company",
        "role",
        "kind",
        "stage",
        "applied_on",
        "source",
        "url",
        "location",
        "next_step",
        "next_step_on",
        "rejection_reason",
        "reapply_after",
        "tags",
        "notes",
    )
    for record_id, application in before.items():
        assert {f: getattr(after[record_id], f) for f in fields} == {f: getattr(application, f) for f in fields}

    def reached(application: Application) -> date | None:
        moved = application.moved_to(application.stage)
        return moved.day if moved is not None else None

    assert reached(after[northwind.id]) == date(2026, 3, 2)
    assert reached(after[quill.id]) == date(2026, 2, 20)


def test_a_nextyes_id_in_the_csv_is_the_records_id_and_anything_else_there_is_ignored(tmp_path: Path) -> None:
    kept = uuid.UUID("0b5cbf4e-3a37-4f61-9d3c-0c7c2f4f2b11")
    text = (
        "id,company,role,kind,stage,applied_on,stage_on,source,url,location,next_step,next_step_on,"
        "rejection_reason,reapply_after,tags,notes\n"
        f"{kept},Acme,Engineer,full-time,rejected,2026-03-01,2026-03-09,,,,,,no answer,2026-09-01,remote; go,\n"
        "0b5cbf4e,Globex,Analyst,contract,applied,2026-03-02,,,,,,,,,,\n"
    )
    applications = applications_of(read(written(tmp_path, text)))
    acme = applications["Acme"]
    assert acme.id == kept
    assert (acme.rejection_reason, acme.reapply_after, acme.tags) == (
        RejectionReason.NO_ANSWER,
        date(2026, 9, 1),
        ["remote", "go"],
    )
    assert applications["Globex"].id != kept


# --- Importing: once, in one transaction ----------------------------------------------------------------


def empty_search() -> JobSearch:
    return JobSearch(settings=Settings(created_at=FIXED_NOW, updated_at=FIXED_NOW))


@pytest.mark.parametrize("name", ["Job Applications.csv", "Connections.csv", "applications.csv"])
def test_importing_the_same_file_again_adds_nothing_and_leaves_the_database_file_alone(
    store: Store, clock: FakeClock, name: str
) -> None:
    first = import_file(store, read(FIXTURES / name))
    assert first.new
    before = store.path.read_bytes()
    clock.advance(days=3)

    again = import_file(store, read(FIXTURES / name))

    assert again.new == ()
    assert again.already_here == len(first.parsed.items)
    assert store.path.read_bytes() == before
    assert again.summary(dry_run=False)[1] == "Nothing new to add."


def test_the_first_import_says_what_was_added_and_what_was_skipped(store: Store) -> None:
    plan = import_file(store, read(FIXTURES / "applications.csv"))
    assert plan.counts() == {"applications": 6, "activities": 5}
    assert plan.summary(dry_run=False)[:2] == [
        "Read 8 rows from applications.csv (applications CSV).",
        "Added 6 applications and 5 activities.",
    ]
    search = store.load()
    assert (len(search.applications), len(search.activities)) == (6, 5)


def test_an_application_added_by_hand_is_not_imported_a_second_time(recorder: Recorder, store: Store) -> None:
    recorder.add_application("northwind  analytics", "DATA ENGINEER", on=date(2026, 2, 24))

    plan = import_file(store, read(FIXTURES / "applications.csv"))

    assert plan.already_here == 1
    assert "1 already here, so left alone." in plan.summary(dry_run=False)
    assert [a.company for a in store.load().applications if "northwind" in a.company.casefold()] == [
        "northwind  analytics"
    ]


def test_the_same_job_applied_to_again_on_another_day_is_imported(recorder: Recorder, store: Store) -> None:
    recorder.add_application("Northwind Analytics", "Data Engineer", on=date(2025, 6, 2))
    plan = import_file(store, read(FIXTURES / "applications.csv"))
    assert plan.already_here == 0


def test_a_contact_added_by_hand_is_not_imported_a_second_time(recorder: Recorder, store: Store) -> None:
    recorder.add_contact("priya raman", company="Northwind  Analytics", tier=Tier.A)
    plan = import_file(store, read(FIXTURES / "Connections.csv"))
    assert plan.already_here == 1
    assert [c.tier for c in store.load().contacts if c.name.casefold() == "priya raman"] == [Tier.A]


def test_a_row_repeated_in_one_file_is_imported_once(tmp_path: Path, store: Store) -> None:
    text = "Company,Role,Date Applied\nAcme,Engineer,2026-03-01\nACME , engineer,3/1/26\nAcme,Engineer,2026-03-02\n"
    plan = import_file(store, read(written(tmp_path, text)))
    assert plan.counts() == {"applications": 2, "activities": 2}
    assert plan.repeated == 1
    assert "1 row repeated an earlier one, and was counted once." in plan.summary(dry_run=False)


def test_a_dry_run_plans_the_same_import_and_writes_nothing(recorder: Recorder, store: Store) -> None:
    recorder.add_application("Acme", "Engineer", on=date(2026, 3, 1))
    before = fingerprint(store.path)
    parsed = read(FIXTURES / "applications.csv")

    planned = plan_import(parsed, store.load(), settings_saved=True)

    assert fingerprint(store.path) == before
    lines = planned.summary(dry_run=True)
    assert lines[1] == "Would add 6 applications and 5 activities."
    assert lines[-1] == "Dry run: nothing was changed."
    assert import_file(store, parsed).counts() == planned.counts()


def test_an_import_that_fails_halfway_writes_nothing(recorder: Recorder, store: Store, clock: FakeClock) -> None:
    recorder.add_application("Acme", "Engineer", on=date(2026, 3, 1))
    before = store.path.read_bytes()
    parsed = read(FIXTURES / "applications.csv")
    # An activity that slipped past validation: add_all refuses it after the applications went in.
    broken = Activity.model_construct(
        id=uuid.uuid4(),
        kind=ActivityKind.APPLY,
        at=clock(),
        timezone="",
        logical_day=TODAY,
        note="",
        application_id=None,
        contact_id=None,
        created_at=clock(),
        updated_at=clock(),
    )
    items = (*parsed.items[:3], dataclasses.replace(parsed.items[0], record=broken, companions=()), *parsed.items[3:])

    with pytest.raises(ValidationError):
        import_file(store, dataclasses.replace(parsed, items=items))

    assert store.path.read_bytes() == before
    assert [a.company for a in store.load().applications] == ["Acme"]


def test_a_large_file_reports_progress_every_500_rows_and_at_the_end(tmp_path: Path, store: Store) -> None:
    rows = "".join(f"Company {n},Engineer,2026-02-{n % 28 + 1:02d}\n" for n in range(1200))
    heard: list[tuple[int, int]] = []

    parsed = read(written(tmp_path, "Company,Role,Date Applied\n" + rows), progress=lambda *p: heard.append(p))

    assert heard == [(500, 1200), (1000, 1200), (1200, 1200)]
    assert import_file(store, parsed).counts() == {"applications": 1200, "activities": 1200}


# --- Files nextyes cannot read --------------------------------------------------------------------------

ACCEPTED = "nextyes imports LinkedIn's Job Applications.csv or Connections.csv"


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        pytest.param(b"", "is empty", id="empty"),
        pytest.param(b"\xef\xbb\xbf\r\n  \n", "is empty", id="only a BOM and blank lines"),
        pytest.param("Company,Role\nCafé Müller,Koch\n".encode("latin-1"), "is not UTF-8 text", id="latin-1"),
        pytest.param(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "is not UTF-8 text", id="a picture"),
        pytest.param(
            b"name,age\nDana,34\n",
            "has no header row nextyes knows (its first row reads 'name, age')",
            id="unknown header",
        ),
        pytest.param(
            b'Company,Role\n"Acme,Engineer\nGlobex,Analyst\n',
            "is not a CSV file nextyes can read (line 2:",
            id="a quote never closed",
        ),
        pytest.param(
            b'Company,Role\n"Acme"x,Engineer\n',
            "is not a CSV file nextyes can read (line 2:",
            id="text after a closing quote",
        ),
        pytest.param(b'{"applications": []}', "is JSON, but not a nextyes export", id="other JSON"),
        pytest.param(
            b'{"format": "nextyes-export", "schema_version": 4,',
            "looks like JSON but does not parse (line 1",
            id="cut-off JSON",
        ),
        pytest.param(
            b'{"format": "nextyes-export"}', "is a nextyes export without a schema version", id="no schema version"
        ),
        pytest.param(
            b'{"format": "nextyes-export", "schema_version": 4, "applications": {}}',
            "is a nextyes export with a malformed table 'applications' (not a list)",
            id="a table that is not a list",
        ),
        pytest.param(
            b'{"format": "nextyes-export", "schema_version": 4, "todos": []}',
            "is a nextyes export with a table nextyes does not know ('todos')",
            id="an unknown table",
        ),
    ],
)
def test_a_file_nextyes_cannot_read_is_refused_in_one_line_naming_it_and_what_is_accepted(
    tmp_path: Path, content: bytes, problem: str
) -> None:
    path = tmp_path / "export.csv"
    path.write_bytes(content)
    with pytest.raises(UnreadableFile) as refused:
        read(path)
    message = str(refused.value)
    assert "\n" not in message
    assert message.startswith(f"{path}: {problem}")
    assert ACCEPTED in message


def test_a_missing_file_or_a_folder_is_refused_naming_it(tmp_path: Path) -> None:
    with pytest.raises(UnreadableFile, match="there is no such file"):
        read(tmp_path / "Connections.csv")
    with pytest.raises(UnreadableFile, match="is a folder, not a file"):
        read(tmp_path)


def test_a_csv_of_applications_without_a_role_column_says_which_names_would_do(tmp_path: Path) -> None:
    path = written(tmp_path, "Company,Date Applied,Status\nAcme,2026-03-01,Applied\n")
    with pytest.raises(UnreadableFile) as refused:
        read(path)
    assert str(refused.value) == (
        f"{path}: its header (line 1) has no role column; name it Role, Title, Job Title or Position; "
        "a CSV of applications needs a company and a role"
    )


def test_an_export_from_a_newer_nextyes_is_refused(tmp_path: Path) -> None:
    path = written(tmp_path, json.dumps({"format": "nextyes-export", "schema_version": 99}), "nextyes.json")
    refusal = rf"was written by a newer nextyes .schema 99; this one reads up to {SCHEMA_VERSION}."
    with pytest.raises(UnreadableFile, match=refusal):
        read(path)


def test_the_format_comes_from_the_content_not_the_name(tmp_path: Path) -> None:
    renamed = tmp_path / "my-network.txt"
    shutil.copyfile(FIXTURES / "Connections.csv", renamed)
    assert read(renamed).source is ImportSource.LINKEDIN_CONNECTIONS
    export = written(tmp_path, export_json(empty_search(), FIXED_NOW), "backup.csv")
    assert read(export).source is ImportSource.NEXTYES_JSON


# --- A nextyes export -----------------------------------------------------------------------------------


def demo_store(tmp_path: Path, clock: FakeClock) -> Store:
    """The shipped demo search, with a dismissed and a snoozed action so every table has records."""
    path = tmp_path / "demo.json"
    shutil.copyfile(Path(__file__).parents[2] / "data" / "demo.json", path)
    store = Store(path, clock)
    recorder = Recorder(store, clock)
    search = store.load()
    first, second, *_ = [a for a in todays_actions(search, search.settings, TODAY) if a.can_snooze]
    recorder.dismiss(first)
    recorder.snooze(second, TODAY + timedelta(days=3))
    return store


def without_stamp(document: dict) -> dict:
    return {name: value for name, value in document.items() if name != "exported_at"}


def test_export_import_into_an_empty_database_and_export_again_gives_the_same_records(
    tmp_path: Path, clock: FakeClock
) -> None:
    source = demo_store(tmp_path, clock)
    exported = export_document(source.load(), clock())
    assert all(exported[name] for name in ("applications", "interviews", "contacts", "wins", "action_marks"))
    path = written(tmp_path, json.dumps(exported), "nextyes-export.json")
    clock.advance(days=2)
    target = Store(tmp_path / "new" / "nextyes.json", clock)

    plan = import_file(target, read(path))

    assert plan.parsed.bad_rows == ()
    assert plan.settings is not None
    assert without_stamp(export_document(target.load(), clock())) == without_stamp(exported)


def test_importing_an_export_into_the_database_it_came_from_adds_nothing(tmp_path: Path, clock: FakeClock) -> None:
    store = demo_store(tmp_path, clock)
    path = written(tmp_path, export_json(store.load(), clock()), "nextyes-export.json")
    before = store.path.read_bytes()

    plan = import_file(store, read(path))

    assert plan.new == ()
    assert plan.settings is None
    assert store.path.read_bytes() == before
    assert "Kept this database's own settings; the export's were left out." in plan.summary(dry_run=False)


def test_a_record_deleted_here_stays_deleted_when_an_older_export_comes_in(tmp_path: Path, clock: FakeClock) -> None:
    store = Store(tmp_path / "nextyes.json", clock)
    recorder = Recorder(store, clock)
    acme = recorder.add_application("Acme", "Data Engineer")
    path = written(tmp_path, export_json(store.load(), clock()), "before-the-delete.json")
    recorder.delete(Application, acme.id)

    for dry_run in (True, False):
        plan = import_file(store, read(path), dry_run=dry_run)
        assert [type(record) for record in plan.new] == []
        assert plan.already_here == 2  # the application and its apply activity
    assert store.load().applications == ()


def test_an_older_export_is_upgraded_as_an_older_database_is(tmp_path: Path, clock: FakeClock) -> None:
    database = tmp_path / "schema-3.json"
    shutil.copyfile(DATABASE_FIXTURES / "schema-3.json", database)
    target = Store(tmp_path / "nextyes.json", clock)

    plan = import_file(target, read(FIXTURES / "nextyes-export-schema-3.json"))

    assert plan.counts()["activities"] == 78
    upgraded = Store(database, clock).load()
    assert without_stamp(export_document(target.load(), clock())) == without_stamp(export_document(upgraded, clock()))


def test_a_record_that_does_not_validate_is_named_by_table_and_position_and_the_rest_import(
    tmp_path: Path, clock: FakeClock
) -> None:
    document = json.loads((FIXTURES / "nextyes-export-schema-3.json").read_text(encoding="utf-8"))
    document["activities"][1]["kind"] = "juggling"
    path = written(tmp_path, json.dumps(document), "nextyes-export.json")

    parsed = read(path)

    [bad] = parsed.bad_rows
    assert bad.line == 0
    assert bad.problem.startswith("activities #2: kind: input should be ")
    plan = import_file(Store(tmp_path / "nextyes.json", clock), parsed)
    assert plan.counts()["activities"] == 77
    assert f"{bad.problem} — skipped" in plan.summary(dry_run=False)


def test_an_exports_settings_are_kept_only_by_a_database_that_never_saved_its_own(
    tmp_path: Path, recorder: Recorder, store: Store, clock: FakeClock
) -> None:
    parsed = read(FIXTURES / "nextyes-export-schema-3.json")
    assert parsed.settings is not None and parsed.settings.reconnects_per_day == 3  # a schema-4 default

    fresh = Store(tmp_path / "fresh.json", clock)
    import_file(fresh, parsed)
    assert fresh.load().settings == parsed.settings

    recorder.update_settings(daily_target=2.0)
    plan = import_file(store, parsed)
    assert plan.settings is None
    assert store.load().settings.daily_target == 2.0


# --- Any text at all: a file is read, or refused as unreadable -----------------------------------------

FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def read_text(text: str) -> ParsedFile | None:
    with tempfile.TemporaryDirectory() as folder:
        path = written(Path(folder), text, "import.csv")
        try:
            parsed = read(path)
        except UnreadableFile as refused:
            assert "\n" not in str(refused)
            return None
    plan_import(parsed, empty_search(), settings_saved=False).summary(dry_run=True)
    assert parsed.rows == len(parsed.items) + len(parsed.bad_rows)
    return parsed


@FUZZ
@given(st.text())
def test_any_text_is_read_or_refused_as_unreadable(text: str) -> None:
    read_text(text)


@FUZZ
@given(st.text())
def test_any_text_under_a_known_header_is_read_row_by_row(body: str) -> None:
    parsed = read_text("Company,Role,Date Applied,Status,Status Date,Kind,Tags\n" + body)
    if parsed is not None:
        assert all(bad.line >= 2 for bad in parsed.bad_rows)


CELL = st.one_of(
    st.text(max_size=30),
    st.sampled_from(["2026-03-01", "3/5/24", "5 Mar 2024", "31/31/23", "Interview", "no", "contract", "", " "]),
)


@FUZZ
@given(
    rows=st.lists(st.lists(CELL, min_size=0, max_size=8), max_size=12),
    bad_at=st.integers(min_value=0, max_value=12),
)
def test_a_bad_row_is_reported_on_the_physical_line_where_it_starts(rows: list[list[str]], bad_at: int) -> None:
    """Whatever quoted line breaks come before it, a bad row's line is where it starts in the file."""
    bad_at = min(bad_at, len(rows))
    rows = [*rows[:bad_at], ["", "Engineer", "2026-03-01"], *rows[bad_at:]]  # no company: always bad
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer)
    writer.writerow(["Company", "Role", "Date Applied", "Status", "Status Date", "Kind", "Location", "Notes"])
    for row in rows[:bad_at]:
        writer.writerow(row)
    expected_line = len(re.findall(r"\r\n|\r|\n", buffer.getvalue())) + 1
    for row in rows[bad_at:]:
        writer.writerow(row)

    parsed = read_text(buffer.getvalue())

    assert parsed is not None
    assert BadRow(expected_line, "no company") in parsed.bad_rows


@given(st.datetimes(min_value=datetime(1990, 1, 1), max_value=datetime(2026, 3, 14)))
def test_the_quick_reading_of_common_date_shapes_agrees_with_the_general_one(moment: datetime) -> None:
    context = csv_applications.RowContext(now=FIXED_NOW, zone=ZoneInfo("UTC"), rollover_hour=4)
    moment = moment.replace(second=0, microsecond=0)
    for text in [
        f"{moment.month}/{moment.day}/{moment:%y}, {moment:%I:%M %p}",
        moment.date().isoformat(),
        f"{moment:%d %b %Y}",
    ]:
        quick = context._parse(text, "date")
        with patch.object(csv_applications, "_exact", lambda _: None):
            general = context._parse(text, "date")
        assert quick == general, text


@given(
    st.tuples(st.integers(0, 99), st.integers(0, 99), st.integers(0, 99), st.integers(0, 19), st.integers(0, 99)).map(
        lambda p: f"{p[0]}/{p[1]}/{p[2]:02d}, {p[3]}:{p[4]:02d} {'AM' if p[4] % 2 else 'PM'}"
    )
    | st.tuples(st.integers(0, 9999), st.integers(0, 99), st.integers(0, 99)).map(
        lambda p: f"{p[0]:04d}-{p[1]:02d}-{p[2]:02d}"
    )
)
def test_the_fastest_reading_of_linkedin_and_iso_dates_is_strptimes_or_leaves_it_to_strptime(text: str) -> None:
    """`_quick` spares a 50,000-row import 100,000 strptime calls; whatever it reads, strptime reads the same."""
    quick = csv_applications._quick(text)
    if quick is not None:
        shape = csv_applications.EXACT_FORMATS[0 if "/" in text else 1][0]
        assert quick == (datetime.strptime(text, shape), "/" in text)
