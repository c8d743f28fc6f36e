"""Seeing, correcting, deleting and undoing from the shell: `list`, `edit`, `delete`, `undo`, `redo`, `history`.

Each command runs in-process at the fixed clock (Sunday 15 March 2026, 14:30 UTC) on a database in a
temporary folder, as a person types it; what it prints, its exit status and what lands on disk are checked.
"""

from __future__ import annotations

import io
import json
import sys
import unicodedata
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from tests.support.clock import FIXED_NOW, FakeClock
from tests.support.shell import add, refused
from tests.support.store_records import stored_bytes
from tui.core.models import ActivityKind, Application, InterviewKind, Stage, Tier
from tui.core.records import kind_named
from tui.recording import Recorder
from tui.store import Store

TODAY = FIXED_NOW.date()


class Terminal(io.StringIO):
    """Standard input from a terminal, holding what the person types."""

    def isatty(self) -> bool:
        return True


class Pipe(io.StringIO):
    """Standard input from a pipe or a file, as in a script."""

    def isatty(self) -> bool:
        return False


def columns(line: str) -> int:
    """How many terminal columns a printed line takes (a wide character two)."""
    return sum(2 if unicodedata.east_asian_width(c) in ("W", "F") else 1 for c in line)


def ok(run, *arguments: str) -> str:
    status, out, err = run(*arguments)
    assert status == 0, (out, err)
    return out


@pytest.fixture
def search_with_everything(recorder: Recorder) -> dict[str, str]:
    """One record of every kind, each named by a word only it has; returns the short id of each."""
    acme = recorder.add_application("Acme", "Data Engineer", on=TODAY - timedelta(days=3), source="LinkedIn")
    interview = recorder.schedule_interview(
        acme.id, FIXED_NOW + timedelta(days=2), kind=InterviewKind.TECHNICAL, people=["Dana Ruiz"]
    )
    activity = recorder.log(ActivityKind.NETWORK, "coffee with Dana", on=TODAY - timedelta(days=1))
    contact = recorder.add_contact("Dana Ruiz", company="Acme", tier=Tier.B)
    win = recorder.add_win("Cut deploy time from 20 to 6 minutes", on=TODAY - timedelta(days=2))
    [goal] = recorder.add_learning_goals(["SQL window functions"])
    reflection = recorder.write_reflection(TODAY - timedelta(days=1), "What went well?", "The coffee chat went well.")
    rest = recorder.plan_rest(TODAY + timedelta(days=1), "family day")
    return {
        "application": acme.short_id,
        "interview": interview.short_id,
        "activity": activity.short_id,
        "contact": contact.short_id,
        "win": win.short_id,
        "goal": goal.short_id,
        "reflection": reflection.short_id,
        "rest-day": rest.short_id,
    }


# list --------------------------------------------------------------------------------------------------------


def test_list_applications_shows_closed_ones_too(run, store: Store) -> None:
    add(run, "Acme", "Data Engineer", "--on", "20 days ago")
    add(run, "Globex", "Platform Engineer", "--on", "40 days ago")
    add(run, "Initech", "Analyst")
    assert run("stage", "acme", "rejected", "--on", "yesterday")[0] == 0
    assert run("stage", "globex", "ghosted")[0] == 0
    out = ok(run, "list", "applications")
    lines = out.splitlines()
    assert lines[0].split() == ["ID", "COMPANY", "ROLE", "STAGE", "APPLIED"]
    by_company = {a.company: a for a in store.load().applications}
    rows = {line.split()[1]: line for line in lines[1:4]}
    assert set(rows) == {"Acme", "Globex", "Initech"}
    for company, row in rows.items():
        assert row.startswith(by_company[company].short_id + "  ")
    assert "rejected" in rows["Acme"] and "ghosted" in rows["Globex"] and "applied" in rows["Initech"]
    assert [line.split()[1] for line in lines[1:4]] == ["Initech", "Acme", "Globex"]  # the newest first
    assert "3 applications: 1 open, 2 closed." in out


def test_list_fits_80_columns_clipping_long_text_with_an_ellipsis(run) -> None:
    add(run, "Acme Analytics International Holdings", "Senior Staff Data Platform Engineer, Streaming " * 2)
    add(run, "データ株式会社", "データエンジニア" * 6)
    out = ok(run, "list", "applications")
    rows = out.splitlines()
    assert all(columns(line) <= 80 for line in rows), out
    assert sum("…" in line for line in rows) >= 2
    assert "Acme Analytics" in out and "データ株式会社" in out


def test_list_takes_the_kind_singular_plural_or_in_capitals(run, search_with_everything) -> None:
    listed = ok(run, "list", "goals")
    assert ok(run, "list", "goal") == listed == ok(run, "list", "Learning-Goals")
    assert "SQL window functions" in listed


def test_list_every_kind_shows_its_record_by_short_id(run, search_with_everything) -> None:
    shown = {
        "applications": ("Acme", "Data Engineer", "interviewing"),
        "activities": ("network", "coffee with Dana"),
        "contacts": ("Dana Ruiz", "Acme"),
        "interviews": ("Tue 17 Mar 14:30", "Acme", "technical", "ahead"),
        "wins": ("Fri 13 Mar", "Cut deploy time from 20 to 6 minutes"),
        "goals": ("SQL window functions", "open"),
        "reflections": ("Sat 14 Mar", "The coffee chat went well."),
        "rest-days": ("Mon 16 Mar", "family day"),
    }
    for plural, words in shown.items():
        out = ok(run, "list", plural)
        [row] = [line for line in out.splitlines() if line.startswith(search_with_everything[kind_named(plural).noun])]
        assert all(word in row for word in words), (plural, row)
        assert all(columns(line) <= 80 for line in out.splitlines())


def test_list_of_applications_filters_by_stage_repeated_or_with_commas(run) -> None:
    for company in ("Acme", "Globex", "Initech", "Umbrella"):
        add(run, company, "Engineer", "--on", "3 days ago")
    run("stage", "acme", "rejected")
    run("stage", "globex", "ghosted")
    run("stage", "initech", "screening")
    out = ok(run, "list", "applications", "--stage", "rejected,ghosted")
    assert "Acme" in out and "Globex" in out and "Initech" not in out and "Umbrella" not in out
    assert "2 of 4 applications at rejected or ghosted." in out
    again = ok(run, "list", "applications", "--stage", "rejected", "--stage", "ghosted")
    assert again == out
    open_ones = ok(run, "list", "applications", "--stage", "open")
    assert "Initech" in open_ones and "Umbrella" in open_ones and "Acme" not in open_ones
    assert "None of the 4 applications is at offer." in ok(run, "list", "applications", "--stage", "offer")


def test_an_unknown_stage_is_refused_with_the_stages_accepted(run, db_path: Path) -> None:
    add(run)
    err = refused(run, db_path, "list", "applications", "--stage", "rejected,lost")
    assert "there is no stage 'lost'" in err and "saved, applied, screening" in err and "withdrawn" in err


def test_list_of_activities_looks_back_30_days_unless_all(run) -> None:
    run("log", "learn", "--on", "40 days ago", "old course")
    run("log", "network", "--on", "2 days ago", "coffee with Dana")
    recent = ok(run, "list", "activities")
    assert "coffee with Dana" in recent and "old course" not in recent
    assert "1 activity in the last 30 days, of 2: --all shows every one." in recent
    every = ok(run, "list", "activities", "--all")
    assert "coffee with Dana" in every and "old course" in every
    assert every.index("coffee with Dana") < every.index("old course")  # the newest first


def test_list_of_goals_shows_open_ones_unless_all(run) -> None:
    run("goal", "SQL window functions")
    run("goal", "system design")
    assert run("edit", "goal", "sql", "--close")[0] == 0
    open_ones = ok(run, "list", "goals")
    assert "system design" in open_ones and "SQL" not in open_ones
    every = ok(run, "list", "goals", "--all")
    assert "SQL window functions" in every and "closed Sun 15 Mar" in every


def test_list_of_interviews_shows_those_ahead_and_recent_unless_all(run, recorder: Recorder) -> None:
    acme = recorder.add_application("Acme", "Engineer", on=TODAY - timedelta(days=90))
    recorder.schedule_interview(acme.id, FIXED_NOW - timedelta(days=60), kind=InterviewKind.PHONE)
    recorder.schedule_interview(acme.id, FIXED_NOW - timedelta(days=3), kind=InterviewKind.TECHNICAL)
    recorder.schedule_interview(acme.id, FIXED_NOW + timedelta(days=4), kind=InterviewKind.ON_SITE)
    shown = ok(run, "list", "interviews")
    assert "technical" in shown and "on-site" in shown and "phone" not in shown
    assert shown.index("technical") < shown.index("on-site")  # in the order they happen
    assert "phone" in ok(run, "list", "interviews", "--all")


def test_an_empty_list_says_how_to_begin(run) -> None:
    assert ok(run, "list", "wins").startswith("No wins yet: add one with 'nextyes win")
    run("log", "learn", "--on", "40 days ago", "old course")
    assert "No activities in the last 30 days; --all shows every one." in ok(run, "list", "activities")


def test_list_json_is_every_field_as_exact_bytes(run, store: Store) -> None:
    note = "tab\there, DEL\x7f and a C1 \x9b character"
    add(run, "Acme", "Engineer", "--note", note)
    out = ok(run, "list", "applications", "--json")
    [document] = json.loads(out)
    [application] = store.load().applications
    assert document == application.model_dump(mode="json")
    assert "\x7f" in out and "\x9b" in out  # a pipe gets the bytes, not symbols standing for them
    assert json.loads(ok(run, "list", "activities", "--json"))[0]["note"] == note


def test_list_json_of_every_kind_reads_back(run, search_with_everything) -> None:
    for noun, short_id in search_with_everything.items():
        documents = json.loads(ok(run, "list", noun, "--json"))
        assert short_id in [d["id"].replace("-", "")[:8] for d in documents]
        assert all(d["deleted_at"] is None for d in documents)


def test_an_unknown_kind_is_one_line_naming_the_kinds(run, db_path: Path) -> None:
    for command in ("list", "edit", "delete"):
        err = refused(run, db_path, command, "jobs", "x")
        assert "invalid choice: 'jobs'" in err and "'goal" in err


# edit --------------------------------------------------------------------------------------------------------


def test_edit_corrects_an_application_and_says_what_changed(run, store: Store) -> None:
    add(run, "Acme", "Data Engineer")
    out = ok(run, "edit", "application", "acme", "--company", "Acme Corp", "--notes", "met Dana at a meetup")
    assert out == "Corrected Acme Corp (Data Engineer): company, notes.\n"
    [application] = store.load().applications
    assert (application.company, application.notes) == ("Acme Corp", "met Dana at a meetup")
    assert application.updated_at == FIXED_NOW


def test_edit_takes_every_field_of_an_application(run, store: Store) -> None:
    add(run, "Acme", "Engineer")
    ok(
        run,
        *("edit", "application", "acme", "--role", "Data Engineer", "--source", "referral"),
        *("--url", "https://acme.example/jobs/1", "--kind", "contract", "--location", "Berlin"),
        *("--next-step", "hear back", "--reapply-after", "2026-09-01"),
    )
    [application] = store.load().applications
    assert application.role == "Data Engineer" and application.source == "referral"
    assert application.url == "https://acme.example/jobs/1" and application.kind.value == "contract"
    assert application.location == "Berlin" and application.next_step == "hear back"
    assert application.reapply_after == date(2026, 9, 1)
    ok(run, "edit", "application", "acme", "--reapply-after", "none")
    assert store.load().applications[0].reapply_after is None


def test_edit_applied_day_moves_its_apply_activity(run, store: Store) -> None:
    add(run, "Acme", "Engineer")
    out = ok(run, "edit", "application", "acme", "--applied", "yesterday")
    assert "applied day" in out
    search = store.load()
    assert search.applications[0].applied_on == date(2026, 3, 14)
    assert [a.logical_day for a in search.activities if a.kind is ActivityKind.APPLY] == [date(2026, 3, 14)]


def test_edit_moves_the_stage_on_the_day_it_happened_and_keeps_the_history(run, store: Store) -> None:
    add(run, "Acme", "Engineer", "--on", "10 days ago")
    out = ok(run, "edit", "application", "acme", "--stage", "rejected", "--on", "yesterday")
    assert out == "Moved Acme (Engineer) to rejected on Sat 14 Mar.\n"
    [application] = store.load().applications
    assert application.stage is Stage.REJECTED
    assert [(c.stage, c.day) for c in application.stage_history] == [
        (Stage.APPLIED, date(2026, 3, 5)),
        (Stage.REJECTED, date(2026, 3, 14)),
    ]


def test_edit_reopens_a_ghosted_application_with_a_field_in_the_same_line(run, store: Store) -> None:
    add(run, "Acme", "Engineer", "--on", "40 days ago")
    run("stage", "acme", "ghosted")
    out = ok(run, "edit", "application", "acme", "--notes", "they wrote back", "--stage", "screening")
    assert out == "Corrected Acme (Engineer): notes; reopened it: now screening, from Sun 15 Mar.\n"
    assert store.load().applications[0].stage is Stage.SCREENING


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (("--company", ""), "company: string should have at least 1 character"),
        (("--role", "x" * 201), "role: string should have at most 200 characters"),
        (("--applied", "tomorrow"), "is in the future"),
        (("--applied", "someday"), "cannot read the date 'someday'"),
        (("--on", "yesterday"), "--on goes with --stage"),
        (("--stage", "applied"), "Acme is already at applied"),
        (("--stage", "lost"), "invalid choice: 'lost'"),
        (("--kind", "permanent"), "invalid choice: 'permanent'"),
    ],
)
def test_a_refused_value_is_one_line_exit_2_and_nothing_written(run, db_path: Path, arguments, message) -> None:
    add(run, "Acme", "Engineer")
    assert message in refused(run, db_path, "edit", "application", "acme", *arguments)


def test_edit_with_nothing_to_change_says_which_options_the_kind_takes(run, db_path: Path) -> None:
    add(run, "Acme", "Engineer")
    err = refused(run, db_path, "edit", "application", "acme")
    assert "say what to correct: an application takes --company, --role" in err and "--stage, --on" in err
    run("contact", "add", "Dana")
    assert "--support/--no-support" in refused(run, db_path, "edit", "contact", "dana")


def test_edit_to_the_same_value_changes_nothing(run, db_path: Path) -> None:
    add(run, "Acme", "Engineer")
    before = stored_bytes(db_path)
    out = ok(run, "edit", "application", "acme", "--role", "Engineer")
    assert out == "Nothing to correct: Acme (Engineer) already says that.\n"
    assert stored_bytes(db_path) == before


def test_edit_names_a_record_by_short_id_or_a_unique_part_of_its_name(run, db_path: Path, store: Store) -> None:
    add(run, "Acme", "Engineer")
    add(run, "Acme Labs", "Analyst")
    assert "matches 2 applications" in refused(run, db_path, "edit", "application", "acme", "--notes", "x")
    assert "no application matches 'globex'" in refused(run, db_path, "edit", "application", "globex", "--notes", "x")
    labs = next(a for a in store.load().applications if a.company == "Acme Labs")
    ok(run, "edit", "application", labs.short_id, "--notes", "by id")
    ok(run, "edit", "application", "analyst", "--role", "Data Analyst")  # a part of the role names it too
    assert {a.company: (a.role, a.notes) for a in store.load().applications}["Acme Labs"] == ("Data Analyst", "by id")


def test_edit_an_activity(run, store: Store) -> None:
    run("log", "network", "coffee with Dana")
    out = ok(run, "edit", "activity", "coffee", "--kind", "learn", "--note", "SQL course", "--on", "yesterday")
    assert out == "Corrected the learn activity of Sat 14 Mar (SQL course): kind, note, day.\n"
    [activity] = store.load().activities
    assert (activity.kind, activity.note, activity.logical_day) == (ActivityKind.LEARN, "SQL course", date(2026, 3, 14))


def test_edit_a_contact(run, store: Store) -> None:
    run("contact", "add", "Dana", "--company", "Acme")
    out = ok(
        run,
        *("edit", "contact", "dana", "--name", "Dana Ruiz", "--tier", "a", "--how-we-know", "old team"),
        *("--notes", "mentor", "--support"),
    )
    assert out == "Corrected Dana Ruiz (Acme): name, tier, how you know them, notes, support.\n"
    [contact] = store.load().contacts
    assert (contact.name, contact.tier, contact.how_we_know, contact.notes, contact.support) == (
        "Dana Ruiz",
        Tier.A,
        "old team",
        "mentor",
        True,
    )
    ok(run, "edit", "contact", "ruiz", "--no-support")
    assert store.load().contacts[0].support is False


def test_edit_an_interview_moves_its_start_and_day(run, store: Store, recorder: Recorder) -> None:
    acme = recorder.add_application("Acme", "Engineer")
    recorder.schedule_interview(acme.id, FIXED_NOW + timedelta(days=2))
    out = ok(
        run,
        *("edit", "interview", "acme", "--at", "2026-03-20 10:30", "--round", "2", "--kind", "on-site"),
        *("--people", "Dana Ruiz, Sam Lee", "--notes", "bring the portfolio"),
    )
    assert out.startswith("Corrected Acme's on-site interview, round 2, Fri 20 Mar: ")
    assert "time" in out and "people" in out
    [interview] = store.load().interviews
    assert interview.at == datetime(2026, 3, 20, 10, 30, tzinfo=UTC) and interview.day == date(2026, 3, 20)
    assert (interview.round, interview.kind) == (2, InterviewKind.ON_SITE)
    assert interview.people == ["Dana Ruiz", "Sam Lee"] and interview.notes == "bring the portfolio"
    ok(run, "edit", "interview", "acme", "--time", "09:00")  # keeps the day
    assert store.load().interviews[0].at == datetime(2026, 3, 20, 9, 0, tzinfo=UTC)
    ok(run, "edit", "interview", "acme", "--on", "monday")  # keeps the hour
    assert store.load().interviews[0].at == datetime(2026, 3, 9, 9, 0, tzinfo=UTC)
    ok(run, "edit", "interview", "acme", "--at", "friday 16:15")
    assert store.load().interviews[0].at == datetime(2026, 3, 13, 16, 15, tzinfo=UTC)


def test_an_interview_start_the_clocks_skip_is_refused(run, db_path: Path, recorder: Recorder) -> None:
    recorder.update_settings(timezone="Europe/Berlin")
    acme = recorder.add_application("Acme", "Engineer")
    recorder.schedule_interview(acme.id, FIXED_NOW + timedelta(days=2))
    err = refused(run, db_path, "edit", "interview", "acme", "--at", "2026-03-29 02:30")
    assert "02:30 does not exist on 2026-03-29 in Europe/Berlin" in err
    assert "cannot read the time" in refused(run, db_path, "edit", "interview", "acme", "--at", "friday 25:00")


def test_cancel_an_interview_and_put_it_back(run, store: Store, recorder: Recorder) -> None:
    acme = recorder.add_application("Acme", "Engineer")
    recorder.schedule_interview(acme.id, FIXED_NOW + timedelta(days=2), kind=InterviewKind.PHONE)
    out = ok(run, "edit", "interview", "acme", "--cancel")
    assert out.startswith("Cancelled Acme's phone interview, round 1, Tue 17 Mar: it stays listed")
    assert store.load().interviews[0].cancelled
    assert "cancelled" in ok(run, "list", "interviews")
    assert (
        ok(run, "edit", "interview", "acme", "--uncancel")
        == "Acme's phone interview, round 1, Tue 17 Mar is on again.\n"
    )
    assert not store.load().interviews[0].cancelled


def test_edit_a_win_a_goal_a_reflection_and_a_rest_day(run, store: Store, search_with_everything) -> None:
    assert ok(run, "edit", "win", "deploy", "--text", "Cut deploy time by 70%", "--on", "3 days ago") == (
        "Corrected the win 'Cut deploy time by 70%': text, day.\n"
    )
    assert ok(run, "edit", "goal", "sql", "--close") == "Closed the learning goal 'SQL window functions': well done.\n"
    assert ok(run, "edit", "goal", "sql", "--reopen", "--text", "SQL windows") == (
        "Corrected the learning goal 'SQL windows': text; reopened it.\n"
    )
    assert "text" in ok(run, "edit", "reflection", "yesterday", "--text", "The chat went well; follow up Monday.")
    assert "note" in ok(run, "edit", "rest-day", "tomorrow", "--note", "a long walk")
    search = store.load()
    [win] = [w for w in search.wins if w.text.startswith("Cut")]
    assert (win.text, win.day) == ("Cut deploy time by 70%", date(2026, 3, 12))
    [goal] = search.learning_goals
    assert (goal.text, goal.closed_on) == ("SQL windows", None)
    assert search.reflections[0].text == "The chat went well; follow up Monday."
    assert search.rest_days[0].note == "a long walk"


def test_a_reflection_is_named_by_its_short_id_or_its_day(run, db_path: Path, search_with_everything) -> None:
    short_id = search_with_everything["reflection"]
    assert "text" in ok(run, "edit", "reflection", short_id, "--text", "By id.")
    assert "text" in ok(run, "edit", "reflection", "2026-03-14", "--text", "By day.")
    err = refused(run, db_path, "edit", "reflection", "last monday", "--text", "x")
    assert "no reflection matches 'last monday'" in err and "or its day" in err
    assert "text: string should have at least 1 character" in refused(
        run, db_path, "edit", "reflection", "yesterday", "--text", ""
    )


# delete ------------------------------------------------------------------------------------------------------


def test_delete_with_yes_deletes_an_application_and_its_interviews(run, store: Store, db_path: Path) -> None:
    add(run, "Acme", "Engineer", "--on", "5 days ago")
    run("interview", "acme", "--on", "tomorrow")
    logged = len(store.load().activities)
    out = ok(run, "delete", "application", "acme", "--yes")
    assert out == "Deleted Acme (Engineer) and its 1 interview — 'nextyes undo' brings it back.\n"
    search = store.load()
    assert search.applications == () and search.interviews == ()
    assert len(search.activities) == logged  # the day's work stays in the log and the streak
    [tombstone] = store.contents()["applications"].values()  # the file with the shell's journal folded in
    assert tombstone["deleted_at"] is not None  # kept, so a merge with an older copy cannot bring it back
    assert "Acme" not in ok(run, "list", "applications")


def test_delete_without_a_terminal_needs_yes(run, db_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    add(run, "Acme", "Engineer")
    monkeypatch.setattr(sys, "stdin", Pipe("y\n"))
    err = refused(run, db_path, "delete", "application", "acme")
    assert "add --yes" in err


def test_delete_on_a_terminal_asks_once_naming_what_goes(
    run, store: Store, monkeypatch: pytest.MonkeyPatch, recorder: Recorder
) -> None:
    acme = recorder.add_application("Acme", "Engineer")
    recorder.schedule_interview(acme.id, FIXED_NOW + timedelta(days=2))
    for answer in ("n\n", "\n", "yes please\n", ""):
        monkeypatch.setattr(sys, "stdin", Terminal(answer))
        out = ok(run, "delete", "application", "acme")
        assert out.startswith(
            "Delete Acme (Engineer) and its 1 interview? The 2 activities logged for it stay in your log and streak. "
            "[y/N] "
        )
        assert out.endswith("Kept: nothing was deleted.\n")
        assert store.load().applications != ()
    monkeypatch.setattr(sys, "stdin", Terminal("y\n"))
    out = ok(run, "delete", "application", "acme")
    assert "Deleted Acme (Engineer) and its 1 interview" in out
    assert store.load().applications == ()


def test_the_question_reads_right_for_one_activity(run, monkeypatch: pytest.MonkeyPatch) -> None:
    add(run, "Acme", "Engineer")
    monkeypatch.setattr(sys, "stdin", Terminal("N\n"))
    assert ok(run, "delete", "application", "acme") == (
        "Delete Acme (Engineer)? The 1 activity logged for it stays in your log and streak. [y/N] "
        "Kept: nothing was deleted.\n"
    )


def test_delete_every_kind(run, store: Store, search_with_everything) -> None:
    for noun, short_id in search_with_everything.items():
        if noun == "application":
            continue
        out = ok(run, "delete", noun, short_id, "--yes")
        assert out.startswith("Deleted ") and out.endswith(" — 'nextyes undo' brings it back.\n")
    ok(run, "delete", "applications", "acme", "--yes")  # the plural names the kind too
    search = store.load()
    left = {
        record.short_id
        for table in (
            search.applications,
            search.activities,
            search.contacts,
            search.interviews,
            search.wins,
            search.learning_goals,
            search.reflections,
            search.rest_days,
        )
        for record in table
    }
    assert left.isdisjoint(search_with_everything.values())
    for noun in search_with_everything:
        assert search_with_everything[noun] not in ok(run, "list", noun, "--all")


# undo, redo, history -----------------------------------------------------------------------------------------


def test_undo_brings_back_a_shell_delete_with_its_interviews(run, store: Store) -> None:
    add(run, "Acme", "Engineer", "--on", "5 days ago")
    run("interview", "acme", "--on", "tomorrow")
    before = store.load()
    ok(run, "delete", "application", "acme", "--yes")
    assert ok(run, "undo") == "Undid: deleted Acme (Engineer).\n"
    after = store.load()
    assert [a.model_dump(exclude={"updated_at"}) for a in after.applications] == [
        a.model_dump(exclude={"updated_at"}) for a in before.applications
    ]
    assert [i.id for i in after.interviews] == [i.id for i in before.interviews]
    assert "Acme" in ok(run, "list", "applications")
    assert ok(run, "redo") == "Redid: deleted Acme (Engineer).\n"
    assert store.load().applications == ()


def test_undo_and_redo_walk_back_and_forth_through_changes(run, store: Store) -> None:
    add(run, "Acme", "Engineer")
    ok(run, "edit", "application", "acme", "--role", "Data Engineer")
    ok(run, "edit", "application", "acme", "--notes", "referred by Dana")
    ok(run, "undo")
    assert store.load().applications[0].notes == ""
    ok(run, "undo")
    assert store.load().applications[0].role == "Engineer"
    ok(run, "redo")
    assert store.load().applications[0].role == "Data Engineer"
    ok(run, "redo")
    assert store.load().applications[0].notes == "referred by Dana"
    assert "there is nothing to redo" in run("redo")[2]


def test_a_new_change_ends_what_redo_could_bring_back(run, db_path: Path) -> None:
    add(run, "Acme", "Engineer")
    ok(run, "edit", "application", "acme", "--notes", "one")
    ok(run, "undo")
    ok(run, "edit", "application", "acme", "--notes", "two")
    assert refused(run, db_path, "redo") == "nextyes: there is nothing to redo\n"


def test_undo_and_redo_with_nothing_to_take_back_are_one_line_exit_2(run, db_path: Path) -> None:
    assert refused(run, db_path, "undo") == "nextyes: there is nothing to undo\n"
    assert refused(run, db_path, "redo") == "nextyes: there is nothing to redo\n"
    add(run)
    ok(run, "undo")
    assert refused(run, db_path, "undo") == "nextyes: there is nothing to undo\n"


def test_undo_takes_back_a_change_made_in_the_app(run, store: Store, clock: FakeClock) -> None:
    add(run, "Acme", "Engineer")
    in_the_app = Recorder(store, clock, source="app")
    [application] = store.load().applications
    in_the_app.edit(Application, application.id, role="Data Engineer")
    assert ok(run, "undo") == "Undid: corrected the role of Acme (Engineer).\n"
    assert store.load().applications[0].role == "Engineer"


def test_history_lists_recent_changes_newest_first_with_time_source_and_undone(
    run, store: Store, clock: FakeClock
) -> None:
    add(run, "Acme", "Engineer")
    clock.advance(minutes=5)
    [application] = store.load().applications
    Recorder(store, clock, source="app").edit(Application, application.id, notes="from the app")
    clock.advance(minutes=5)
    ok(run, "delete", "application", "acme", "--yes")
    ok(run, "undo")
    out = ok(run, "history")
    lines = out.splitlines()
    assert lines[0].split() == ["WHEN", "FROM", "CHANGE"]
    assert lines[1].startswith("today 14:40  shell  undone: deleted Acme (Engineer)")
    assert lines[2].startswith("today 14:35  app    corrected the notes of Acme (Engineer)")
    assert lines[3].startswith("today 14:30  shell  added Acme (Engineer)")
    assert "'nextyes redo' makes the last change undone again." in out
    assert all(columns(line) <= 80 for line in lines)
    limited = ok(run, "history", "--limit", "1")
    assert "added Acme" not in limited and "The newest 1 of 3 changes kept" in limited


def test_history_of_a_new_database_says_what_it_will_hold(run, db_path: Path) -> None:
    assert ok(run, "history").startswith("No changes kept yet")
    assert not db_path.exists()


def test_history_shows_days_before_today_by_their_date(run, clock: FakeClock) -> None:
    add(run, "Acme", "Engineer")
    clock.advance(days=1)
    assert ok(run, "history").splitlines()[1].startswith("Sun 15 Mar 14:30  shell  added Acme")


@pytest.mark.parametrize(
    "arguments",
    [
        ("list", "applications"),
        ("edit", "application", "acme", "--notes", "x"),
        ("delete", "application", "acme", "--yes"),
        ("undo",),
        ("redo",),
        ("history",),
    ],
)
def test_a_database_problem_names_the_file_and_exits_3(run, db_path: Path, arguments) -> None:
    db_path.write_text("{", encoding="utf-8")
    status, _, err = run(*arguments)
    assert status == 3 and str(db_path) in err and err.count("\n") == 1
    assert db_path.read_text(encoding="utf-8") == "{"


def test_text_typed_never_drives_the_terminal(run) -> None:
    add(run, "Evil\x1b]0;pwned\x07Co", "Engineer")
    out = ok(run, "list", "applications")
    assert "\x1b" not in out and "␛]0;pwned␇Co" in out
    assert "\x1b" not in ok(run, "edit", "application", "evil", "--notes", "x")
    assert "\x1b" not in ok(run, "history")
