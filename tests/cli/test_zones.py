"""Time zones in the shell: a zone that does not exist is said once, a time the clocks skip is refused,
and a day far from today names its year."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from tests.support.clock import FakeClock
from tests.support.shell import add, refused
from tui import clock as machine_clock
from tui.cli import main
from tui.recording import Recorder
from tui.store import Store

GAP = (
    "nextyes: 02:30 does not exist on 2026-03-08 in America/New_York: the clocks go from 02:00 to 03:00; "
    "use a time before 02:00 or from 03:00\n"
)


@pytest.fixture
def no_localtime(monkeypatch: pytest.MonkeyPatch) -> None:
    """A machine whose /etc/localtime names no zone: the last resort is UTC, whatever the machine running the test."""
    monkeypatch.setattr(machine_clock, "_named_by_localtime", lambda: "")


def in_new_york(run) -> None:
    add(run, "Acme", "Engineer")
    status, _, err = run("settings", "--timezone", "America/New_York")
    assert status == 0, err


# --- a zone that does not exist ------------------------------------------------------------------------


def test_a_tz_naming_no_zone_is_said_once_with_the_zone_used(
    run, monkeypatch: pytest.MonkeyPatch, no_localtime: None
) -> None:
    monkeypatch.setenv("TZ", "Mars/Olympus")
    add(run, "Acme", "Engineer")
    for command in (("log", "apply", "sent the form"), ("today",), ("status",)):
        status, out, err = run(*command)
        assert status == 0, err
        assert err == "nextyes: TZ names no time zone ('Mars/Olympus'); using UTC\n", command
        assert "Mars" not in out


def test_a_tz_naming_no_zone_says_which_zone_etc_localtime_gave(run, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TZ", ":Nowhere/Special")
    monkeypatch.setattr(machine_clock, "_named_by_localtime", lambda: "Europe/Paris")
    status, _, err = run("log", "learn")
    assert status == 0
    assert err == "nextyes: TZ names no time zone (':Nowhere/Special'); using Europe/Paris (from /etc/localtime)\n"


@pytest.mark.parametrize("tz", ["Europe/Paris", ":Europe/Paris", ":/usr/share/zoneinfo/Europe/Paris", "", ":"])
def test_a_tz_that_names_a_zone_or_nothing_is_used_without_a_word(
    run, monkeypatch: pytest.MonkeyPatch, no_localtime: None, tz: str
) -> None:
    monkeypatch.setenv("TZ", tz)
    status, out, err = run("settings")
    assert (status, err) == (0, "")
    assert out.splitlines()[-1] == f"time zone:          {'Europe/Paris' if 'Paris' in tz else 'UTC'} (the system's)"


def test_a_tz_naming_no_zone_is_not_mentioned_when_the_settings_name_one(run, monkeypatch: pytest.MonkeyPatch) -> None:
    in_new_york(run)
    monkeypatch.setenv("TZ", "Mars/Olympus")
    status, _, err = run("today")
    assert (status, err) == (0, "")


def test_a_setting_naming_no_zone_is_said_once_with_the_zone_used(
    run, recorder: Recorder, monkeypatch: pytest.MonkeyPatch
) -> None:
    recorder.update_settings(timezone="Mars/Olympus")  # as an import or an edited file may leave it
    monkeypatch.setenv("TZ", "Asia/Tokyo")
    status, out, err = run("log", "apply")
    assert status == 0
    assert err == (
        "nextyes: the time zone setting names no time zone ('Mars/Olympus'); using Asia/Tokyo, the system's "
        "(nextyes settings --timezone NAME sets one)\n"
    )
    status, out, err = run("settings")
    assert err.count("\n") == 1 and "'Mars/Olympus'" in err
    assert out.splitlines()[-1] == (
        "time zone:          Asia/Tokyo (the system's: the setting 'Mars/Olympus' names no time zone)"
    )


def test_the_settings_command_refuses_a_zone_that_does_not_exist(run, db_path: Path) -> None:
    add(run, "Acme", "Engineer")
    for name in ("Mars/Olympus", "America", "../etc/passwd"):
        err = refused(run, db_path, "settings", "--timezone", name)
        assert err == f"nextyes: unknown time zone {name!r}; use an IANA name such as Europe/Berlin\n"


# --- a time the clocks skip, or repeat -----------------------------------------------------------------


def test_an_interview_at_a_time_the_clocks_skip_is_refused_naming_the_gap(run, db_path: Path) -> None:
    in_new_york(run)
    assert refused(run, db_path, "interview", "acme", "--on", "2026-03-08", "--at", "02:30") == GAP


def test_an_interview_at_a_time_the_clocks_repeat_is_the_first_of_the_two(run, db_path: Path, clock: FakeClock) -> None:
    in_new_york(run)
    status, out, err = run("interview", "acme", "--on", "2026-11-01", "--at", "01:30")
    assert status == 0, err
    assert "Sun 01 Nov 2026 01:30" in out  # more than half a year ahead: its year named
    (interview,) = Store(db_path, clock).load().interviews
    assert interview.at == datetime(2026, 11, 1, 5, 30, tzinfo=UTC)  # 01:30 EDT: the clocks go back at 02:00 EDT


def test_an_imported_interview_at_a_skipped_time_is_skipped_naming_it(
    run, db_path: Path, tmp_path: Path, clock: FakeClock, capsys: pytest.CaptureFixture[str]
) -> None:
    in_new_york(run)
    assert run("interview", "acme", "--on", "2026-03-09", "--at", "10:00")[0] == 0
    assert run("interview", "acme", "--on", "2026-03-10", "--at", "10:00")[0] == 0
    status, exported, _ = run("export", "--format", "json")
    assert status == 0
    document = json.loads(exported)
    first = document["interviews"][0]
    first.update(at="2026-03-08T02:30:00-05:00", day="2026-03-08")  # as 0.5.0 stored a time typed in the gap
    file = tmp_path / "export.json"
    file.write_text(json.dumps(document))
    elsewhere = tmp_path / "elsewhere.json"
    status = main(["import", str(file), "--db", str(elsewhere)], now=clock)
    out = capsys.readouterr().out
    assert status == 0, out
    assert (
        "interviews #1: 02:30 does not exist on 2026-03-08 in America/New_York: the clocks go from 02:00 to 03:00; "
        "use a time before 02:00 or from 03:00 — skipped"
    ) in out
    (kept,) = Store(elsewhere, clock).load().interviews
    assert kept.day.isoformat() == "2026-03-10"


# --- a day far from today ------------------------------------------------------------------------------


def test_a_day_far_from_today_names_its_year_in_the_shell(run) -> None:
    add(run, "Acme", "Engineer")
    status, out, _ = run("interview", "acme", "--on", "2028-01-10", "--at", "10:00")
    assert status == 0
    assert out.startswith("Interview recorded: Acme, round 1 (other), Mon 10 Jan 2028 10:00.")
    status, out, _ = run("win", "--on", "2025-09-01", "Shipped the reporting tool")
    assert status == 0
    assert out == "★ Added to your wins (Mon 01 Sep 2025): Shipped the reporting tool\n"
    status, out, _ = run("win", "Cut the build to 4 minutes")
    assert out == "★ Added to your wins (Sun 15 Mar): Cut the build to 4 minutes\n"
