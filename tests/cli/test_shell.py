"""The `nextyes` shell commands, as a person types them: output, exit status, and what lands on disk."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from tests.support.clock import FakeClock
from tests.support.shell import status_json
from tests.support.store_records import stored_bytes
from tui.core.models import ActivityKind
from tui.recording import Recorder
from tui.store import Store


def test_add_prints_short_id_and_records_an_apply_activity(run, store: Store) -> None:
    status, out, err = run("add", "Acme", "Backend Engineer", "--source", "LinkedIn", "--kind", "contract")
    assert status == 0, err
    search = store.load()
    [application] = search.applications
    assert application.short_id in out
    assert (application.company, application.role, application.source) == ("Acme", "Backend Engineer", "LinkedIn")
    assert application.kind.value == "contract"
    assert application.stage.value == "applied"
    assert application.applied_on == date(2026, 3, 15)
    [activity] = search.activities
    assert activity.kind.value == "apply" and activity.application_id == application.id


def test_add_on_an_earlier_day_counts_for_that_day(run, store: Store) -> None:
    run("add", "Acme", "Engineer", "--on", "3 days ago")
    search = store.load()
    assert search.applications[0].applied_on == date(2026, 3, 12)
    assert search.activities[0].logical_day == date(2026, 3, 12)


def test_log_accepts_note_words_before_or_after_options(run, store: Store) -> None:
    assert run("log", "network", "coffee", "with", "Dana")[0] == 0
    assert run("log", "learn", "--on", "yesterday", "sql", "course")[0] == 0
    notes = {(a.kind.value, a.note, a.logical_day) for a in store.load().activities}
    assert notes == {
        ("network", "coffee with Dana", date(2026, 3, 15)),
        ("learn", "sql course", date(2026, 3, 14)),
    }


def test_log_links_an_application_by_company_name_or_short_id(run, store: Store) -> None:
    run("add", "Acme", "Engineer")
    short_id = store.load().applications[0].short_id
    assert run("log", "follow-up", "--app", "acm", "emailed")[0] == 0
    assert run("log", "interview", "--app", short_id)[0] == 0
    linked = [a for a in store.load().activities if a.kind.value in ("follow-up", "interview")]
    assert len(linked) == 2
    assert all(a.application_id == store.load().applications[0].id for a in linked)


def test_ambiguous_or_unknown_application_is_bad_input(run, store: Store) -> None:
    run("add", "Acme", "Engineer")
    run("add", "Acme Labs", "Analyst")
    before = stored_bytes(store.path)
    status, _, err = run("log", "follow-up", "--app", "acme")
    assert status == 2 and "more than one application" in err
    status, _, err = run("log", "follow-up", "--app", "globex")
    assert status == 2 and "no application matches 'globex'" in err
    assert stored_bytes(store.path) == before


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (("log", "dance"), "invalid choice: 'dance'"),
        (("log", "apply", "--on", "someday"), "cannot read the date 'someday'"),
        (("log", "apply", "--on", "1900-01-01"), "out of range"),
        (("log", "apply", "--on", "2300-01-01"), "out of range"),
        (("log", "apply", "--on", "2026-03-16"), "is in the future"),
        (("add", "Acme"), "required: ROLE"),
        (("add", " ", "Engineer"), "company"),
        (("add", "Acme", "Engineer", "--kind", "permanent"), "invalid choice: 'permanent'"),
        (("add", "Acme", "x" * 201), "role"),
        (("status", "--as-of", "the other day"), "cannot read the date"),
        (("frobnicate",), "invalid choice: 'frobnicate'"),
    ],
)
def test_bad_input_is_one_line_and_exit_2_with_nothing_written(run, db_path: Path, arguments, message) -> None:
    status, out, err = run(*arguments)
    assert status == 2
    assert message in err
    assert err.count("\n") == 1 and err.startswith("nextyes: ")
    assert "Traceback" not in err and out == ""
    assert not db_path.exists()


def test_database_problem_names_the_file_and_exits_3(run, db_path: Path) -> None:
    db_path.write_text("{", encoding="utf-8")
    for arguments in (("status",), ("log", "apply"), ("add", "Acme", "Engineer"), ("check",)):
        status, _, err = run(*arguments)
        assert status == 3
        assert str(db_path) in err and "not valid JSON" in err
        assert err.count("\n") == 1
    assert db_path.read_text(encoding="utf-8") == "{"


def test_status_json_reports_streak_momentum_and_what_is_waiting(run, clock: FakeClock) -> None:
    for days_ago in (2, 1, 0):
        run("log", "apply", "--on", f"{days_ago} days ago")
    run("add", "Acme", "Engineer", "--on", "8 days ago")
    report = status_json(run)
    assert report["as_of"] == "2026-03-15"
    assert report["current_streak"] == 3
    assert report["longest_streak"] == 3
    assert 0 < report["momentum"] < 1
    assert report["pending_applications"] == 1
    # The follow-up on Acme is due (8 days, no reply) and the reflection is unwritten.
    assert report["actions_due"] == 2
    assert {a["kind"] for a in report["actions"]} == {"follow-up", "reflection"}


def test_streak_holds_while_today_is_pending(run, clock: FakeClock) -> None:
    run("log", "apply", "--on", "yesterday")
    run("log", "apply", "--on", "2 days ago")
    report = status_json(run)
    assert report["current_streak"] == 2
    clock.advance(days=1)
    assert status_json(run)["current_streak"] == 0


def test_as_of_reports_an_earlier_day(run) -> None:
    run("log", "apply", "--on", "5 days ago")
    run("log", "apply", "--on", "4 days ago")
    status, out, _ = run("status", "--json", "--as-of", "2026-03-11")
    assert status == 0
    report = json.loads(out)
    assert report["as_of"] == "2026-03-11"
    assert report["current_streak"] == 2


def test_status_text_greets_a_zero_streak_as_a_fresh_start(run) -> None:
    status, out, _ = run("status")
    assert status == 0
    assert "Streak:   0 days" in out
    status, out, _ = run("log", "prep", "--on", "3 days ago")
    assert status == 0
    assert out.startswith("Logged prep on 2026-03-12. 0 of 1 point today: applying, following up, interviewing")


def test_log_says_how_much_of_today_is_done_and_what_completes_it(run) -> None:
    run("log", "apply", "--on", "3 days ago")  # a streak that has ended: today starts afresh
    status, out, _ = run("log", "learn", "sql", "course")
    assert status == 0
    assert out == ("Logged learn on 2026-03-15. 0.5 of 1 point today: one more thing of any kind completes the day.\n")
    assert "fresh start" not in out.lower()
    _, out, _ = run("log", "network", "coffee")
    assert out == "Logged network on 2026-03-15. Today is done: 1.5 points (target 1). Streak: 1 day.\n"


def test_status_says_the_points_first_once_past_the_target(run) -> None:
    for _ in range(8):
        run("log", "apply")
    run("log", "learn")
    status, out, _ = run("status")
    assert status == 0
    assert "Today:    █ done: 8.5 points today (target 1)" in out
    assert "8.5 of 1 point" not in out


def test_today_prints_one_numbered_action_a_line(run) -> None:
    run("add", "Acme", "Engineer", "--on", "7 days ago")
    status, out, _ = run("today")
    lines = out.splitlines()
    assert status == 0
    assert lines[0] == "1. ○ Follow up with Acme (Engineer) — applied 7 days ago, no reply yet"
    assert lines[1].startswith("2. ○ Do one thing for your search: 0 of 1 point today")
    assert lines[-1].startswith("3. ○ Write today's reflection")
    run("log", "prep")  # worth half a point: the target is not reached yet
    lines = run("today")[1].splitlines()
    assert lines[1].startswith("2. ○ Do one thing for your search: 0.5 of 1 point")
    run("log", "prep")
    lines = run("today")[1].splitlines()
    assert lines[1].startswith("2. ✓ Today's target reached: 1 point (target 1)")


def test_export_json_holds_every_record(run, tmp_path: Path) -> None:
    run("add", "Acme", "Engineer")
    run("log", "network", "lunch with Sam")
    run("rest", "--on", "tomorrow", "--note", "family day")
    out_file = tmp_path / "export.json"
    status, out, _ = run("export", "--format", "json", "--out", str(out_file))
    assert status == 0 and str(out_file) in out
    document = json.loads(out_file.read_text(encoding="utf-8"))
    assert [a["company"] for a in document["applications"]] == ["Acme"]
    assert sorted(a["kind"] for a in document["activities"]) == ["apply", "network"]
    assert [(r["day"], r["note"]) for r in document["rest_days"]] == [("2026-03-16", "family day")]
    assert document["settings"]["daily_target"] == 1
    status, out, _ = run("export")
    assert json.loads(out)["applications"][0]["company"] == "Acme"


def test_check_reports_a_sound_file_and_its_backups(run, clock: FakeClock) -> None:
    status, out, _ = run("check")
    assert status == 0 and "no database yet" in out
    run("log", "apply")
    status, out, _ = run("check")
    assert status == 0 and "sound — 0 applications, 1 activity, 0 reflections" in out
    assert "Backups: none yet" in out
    clock.advance(days=1)
    run("log", "learn")
    status, out, _ = run("check")
    assert "Backups: 2 copies; the newest is the file as it was before its last change (Mon 16 Mar 2026" in out


def test_text_is_stored_intact(run, store: Store) -> None:
    note = "Café ☕ مقابلة ñ 🎉 e\u0301"
    run("log", "network", note)
    assert store.load().activities[0].note == note


def _shell(*arguments: str, env_db: Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    environment = {**os.environ, "NEXTYES_DB": str(env_db), "TZ": "UTC"}
    return subprocess.run(
        [sys.executable, "-m", "tui", *arguments],
        capture_output=True,
        text=True,
        env=environment,
        cwd=cwd,
        timeout=60,
    )


def test_nextyes_db_environment_variable_and_python_dash_m(tmp_path: Path) -> None:
    db = tmp_path / "elsewhere" / "search.json"
    result = _shell("log", "apply", "--on", "2024-05-01", "sent one", env_db=db, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "Logged apply on 2024-05-01" in result.stdout
    assert json.loads(db.read_text(encoding="utf-8"))["activities"]


def test_no_traceback_when_the_database_is_a_folder(tmp_path: Path) -> None:
    db = tmp_path / "db.json"
    db.mkdir()
    result = _shell("status", env_db=db, cwd=tmp_path)
    assert result.returncode == 3
    assert "is a folder" in result.stderr and "Traceback" not in result.stderr


def test_a_reader_that_stops_early_gets_no_traceback(tmp_path: Path) -> None:
    """`nextyes status | head -1`: the pipe closes before everything is printed."""
    db = tmp_path / "db.json"
    skills = [f"skill number {number}: " + "practise it a little every day " * 4 for number in range(1000)]
    Recorder(Store(db, FakeClock()), FakeClock()).add_learning_goals(skills)  # far more than a pipe holds
    environment = {**os.environ, "NEXTYES_DB": str(db), "TZ": "UTC"}
    reader = subprocess.Popen(
        [sys.executable, "-m", "tui", "today"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=environment
    )
    assert reader.stdout is not None and reader.stderr is not None
    reader.stdout.readline()
    reader.stdout.close()  # as `head -1` does
    errors = reader.stderr.read().decode()
    assert reader.wait(timeout=60) == 0
    assert "Traceback" not in errors and "BrokenPipe" not in errors


def test_settings_show_and_change(run, store: Store) -> None:
    status, out, _ = run("settings")
    assert status == 0 and "daily target:       1 point" in out and "rollover hour:      04:00" in out
    status, out, _ = run("settings", "--daily-target", "2", "--follow-up-days", "10", "--timezone", "Asia/Tokyo")
    assert status == 0 and "daily target:       2 points" in out and "Asia/Tokyo" in out
    settings = store.load().settings
    assert (settings.daily_target, settings.follow_up_days, settings.timezone) == (2, 10, "Asia/Tokyo")
    status, _, err = run("settings", "--timezone", "Mars/Olympus")
    assert status == 2 and "unknown time zone 'Mars/Olympus'" in err
    status, _, err = run("settings", "--rollover-hour", "13")
    assert status == 2 and "rollover_hour" in err
    assert store.load().settings.rollover_hour == 4


def test_changing_time_zone_moves_no_stored_day(run, store: Store, clock: FakeClock) -> None:
    # 23:30 UTC on the 14th: still the 14th in UTC, already the 15th in Tokyo.
    clock.current = clock.current.replace(day=14, hour=23)
    run("log", "apply")
    run("settings", "--timezone", "Asia/Tokyo")
    run("log", "network")
    days = {a.kind.value: a.logical_day for a in store.load().activities}
    assert days == {"apply": date(2026, 3, 14), "network": date(2026, 3, 15)}
    assert {a.timezone for a in store.load().activities} == {"UTC", "Asia/Tokyo"}


# --- Rest days, the streak engine's figures, and rewards in the shell -------------------------------


def test_rest_plans_a_day_and_a_third_in_one_week_is_refused(run, store: Store) -> None:
    # FIXED_NOW is Sunday 15 March: its ISO week runs from Monday the 9th.
    status, out, _ = run("rest", "--on", "2026-03-10", "--note", "hike")
    assert status == 0 and "Tue 10 Mar 2026" in out and "Rest days left that week: 1" in out
    assert run("rest", "--on", "yesterday")[0] == 0
    status, out, err = run("rest")
    assert status == 2 and out == ""
    assert "already has 2 rest days (Tue 10, Sat 14)" in err and "--rest-days-per-week" in err
    assert sorted((r.day, r.note) for r in store.load().rest_days) == [
        (date(2026, 3, 10), "hike"),
        (date(2026, 3, 14), ""),
    ]


def test_a_rest_day_on_a_day_already_protected_after_a_no_is_refused(run, store: Store) -> None:
    run("add", "Acme", "Engineer", "--on", "9 days ago")
    run("stage", "acme", "rejected", "--on", "yesterday")  # recovery: yesterday, today and tomorrow
    for day in ("today", "tomorrow"):
        status, out, err = run("rest", "--on", day)
        assert status == 2 and out == ""
        assert "is already protected (recovering from the no from Acme)" in err
        assert "without a rest day" in err
    assert store.load().rest_days == ()
    status, out, _ = run("rest", "--on", "2026-03-17")  # the day after recovery ends
    assert status == 0 and "Rest days left that week: 1" in out


def test_rest_can_be_planned_ahead_and_cancelled(run, store: Store) -> None:
    status, out, _ = run("rest", "--on", "next friday")
    assert status == 0 and "Fri 20 Mar 2026" in out
    assert run("rest", "--on", "next friday")[0] == 2  # already a rest day
    status, out, _ = run("rest", "--on", "2026-03-20", "--cancel")
    assert status == 0 and "ordinary day again" in out
    assert store.load().rest_days == ()
    status, _, err = run("rest", "--on", "2026-03-20", "--cancel")
    assert status == 2 and "not a rest day" in err


def test_status_json_reports_the_days_state_freezes_rest_weekly_goal_and_milestones(run) -> None:
    for back in range(8, 0, -1):  # eight DONE days up to yesterday
        run("log", "apply", "--on", f"{back} days ago")
    run("log", "network", "--on", "yesterday")
    run("rest")
    document = status_json(run)
    assert document["day_state"] == "rest"
    assert document["current_streak"] == 8
    assert document["freezes_held"] == 1  # one per seven DONE days
    assert document["rest_days_left_this_week"] == 1
    assert document["weekly"]["applications"] == {"done": 6, "goal": 5}  # Mon 9 to Sat 14
    assert document["weekly"]["networking"] == {"done": 1, "goal": 2}
    assert document["weekly"]["met"] is False
    assert document["milestones"] == [
        {"days": 3, "earned_on": "2026-03-09"},
        {"days": 7, "earned_on": "2026-03-13"},
    ]
    assert document["next_milestone"] == 14


def test_status_text_greets_a_broken_streak_as_a_fresh_start(run) -> None:
    for back in (6, 5, 4):
        run("log", "apply", "--on", f"{back} days ago")
    status, out, _ = run("status")
    assert status == 0
    assert "a fresh start (longest 3 days" in out
    assert "Last 4 weeks:" in out and "███···○" in out  # three DONE, three missed, today pending


def test_log_announces_a_milestone_once_when_it_is_reached(run) -> None:
    run("log", "apply", "--on", "2 days ago")
    run("log", "apply", "--on", "yesterday")
    _, out, _ = run("log", "network")
    assert "★ 3-day streak!" in out and "Streak: 3 days." in out
    _, out, _ = run("log", "learn")
    assert "★" not in out


def test_settings_change_what_activities_are_worth(run, store: Store) -> None:
    status, out, _ = run("settings", "--points", "learn=1", "--points", "prep=0", "--rest-days-per-week", "1")
    assert status == 0 and "learn 1" in out and "prep 0" in out and "rest days per week: 1" in out
    settings = store.load().settings
    assert (settings.points_for(ActivityKind.LEARN), settings.points_for(ActivityKind.PREP)) == (1, 0)
    run("log", "learn")
    assert status_json(run)["day_state"] == "done"
    for bad, message in [
        ("learn", "--points 'learn': the worth must be a number"),
        ("dance=1", "the kind must be one of"),
        ("learn=0.3", "points.learn"),
        ("learn=nan", "points.learn"),
    ]:
        status, _, err = run("settings", "--points", bad)
        assert status == 2 and message in err, err
    assert store.load().settings.points_for(ActivityKind.LEARN) == 1


def test_backfilling_a_missed_day_mends_the_streak_everywhere(run) -> None:
    run("log", "apply", "--on", "2 days ago")
    run("log", "apply")
    assert status_json(run)["current_streak"] == 1  # yesterday was missed
    run("log", "network", "--on", "yesterday")
    document = status_json(run)
    assert (document["current_streak"], document["longest_streak"]) == (3, 3)


def test_flying_west_over_the_date_line_is_not_a_missed_day(run, clock: FakeClock) -> None:
    run("settings", "--timezone", "America/Los_Angeles")
    clock.current = datetime(2026, 1, 2, 6, 0, tzinfo=UTC)  # 1 January, 22:00 in Los Angeles
    run("log", "apply", "before the flight")
    clock.current = datetime(2026, 1, 3, 0, 0, tzinfo=UTC)  # 3 January, 09:00 in Tokyo
    run("settings", "--timezone", "Asia/Tokyo")
    assert status_json(run)["day_state"] == "pending"
    assert status_json(run)["current_streak"] == 1  # 2 January was never lived: no miss
    run("log", "network", "after landing")
    document = status_json(run)
    assert (document["as_of"], document["current_streak"]) == ("2026-01-03", 2)
