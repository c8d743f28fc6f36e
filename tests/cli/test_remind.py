"""`nextyes remind`: what needs attention now, said once, from the summary the prompt keeps."""

from __future__ import annotations

import dataclasses
import json
import shutil
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

import pytest

from tests.support.clock import FakeClock
from tests.support.shell import loaded_by
from tui.cli import main, remind, summary
from tui.content import reflection_prompts
from tui.core.actions import Action, ActionKind
from tui.core.dashboard import build_dashboard
from tui.core.models import Offer
from tui.core.nudges import STREAK_AT_RISK_HOURS, nudges
from tui.recording import Recorder
from tui.store import Store

# The fixed clock is Sunday 15 March 2026, 14:30 UTC; the logical day ends at 04:00 on Monday.
LATE = {"hours": 10}  # 00:30 on Monday: three and a half hours of Sunday left


def said(run, *options: str) -> list[str]:
    status, out, err = run("remind", *options)
    assert status == 0, err
    return out.splitlines()


def forget_what_was_said(db_path: Path) -> None:
    """Remove the summaries and the nudges said: only the records can keep a nudge from being said again."""
    shutil.rmtree(summary.summary_file(db_path).parent)


@pytest.fixture
def streak(run) -> None:
    """A 3-day streak through yesterday, nothing yet today."""
    for day in ("3 days ago", "2 days ago", "yesterday"):
        assert run("log", "network", "coffee", "--on", day)[0] == 0


def test_nothing_to_say_prints_nothing(run, streak: None) -> None:
    assert run("remind") == (0, "", "")


def test_without_a_database_nothing_is_said_and_none_is_made(run, db_path: Path) -> None:
    assert run("remind") == (0, "", "")
    assert not db_path.exists()


def test_the_streak_is_nudged_in_the_last_hours_of_the_day(run, streak: None, clock: FakeClock) -> None:
    clock.advance(hours=9)  # 23:30: five hours left
    assert said(run) == []

    clock.advance(hours=1)

    assert said(run) == [
        "Your 3-day streak needs one more thing today, before the day ends at 04:00 (0 of 1 point so far)"
    ]


def test_a_day_done_or_resting_puts_the_streak_out_of_danger(run, streak: None, clock: FakeClock) -> None:
    run("rest")
    clock.advance(**LATE)
    assert said(run) == []


def test_a_nudge_is_said_once(run, streak: None, clock: FakeClock) -> None:
    clock.advance(**LATE)
    assert len(said(run)) == 1

    clock.advance(minutes=15)  # cron, a quarter of an hour later
    assert said(run) == []
    clock.advance(minutes=15)
    assert said(run) == []


def test_a_nudge_acted_on_is_not_said_even_when_what_was_said_is_forgotten(
    run, streak: None, clock: FakeClock, db_path: Path
) -> None:
    run("log", "learn", "a chapter")  # half the target
    clock.advance(**LATE)
    assert said(run) == [
        "Your 3-day streak needs one more thing today, before the day ends at 04:00 (0.5 of 1 point so far)"
    ]
    run("log", "learn", "another chapter")
    forget_what_was_said(db_path)

    assert said(run) == []


def test_an_interview_tomorrow_and_one_later_today(run) -> None:
    run("add", "Acme", "Engineer", "--on", "3 days ago")
    run("add", "Globex", "Analyst", "--on", "3 days ago")
    run("interview", "Acme", "--on", "tomorrow", "--at", "10:00", "--kind", "phone", "--with", "Dana Lee")
    run("interview", "Globex", "--on", "today", "--at", "16:00", "--kind", "technical")
    run("interview", "Globex", "--on", "in 3 days", "--at", "16:00")  # too far off to nudge about

    assert said(run) == [
        "Technical interview with Globex (Analyst) today at 16:00",
        "Phone interview with Acme (Engineer) tomorrow at 10:00, with Dana Lee",
    ]


def test_an_interview_is_said_again_on_its_day(run, clock: FakeClock) -> None:
    run("add", "Acme", "Engineer", "--on", "3 days ago")
    run("interview", "Acme", "--on", "tomorrow", "--at", "10:00")
    assert said(run) == ["Interview with Acme (Engineer) tomorrow at 10:00"]

    clock.advance(hours=18)  # 08:30 on its day

    assert said(run) == ["Interview with Acme (Engineer) today at 10:00"]
    clock.advance(hours=1)
    assert said(run) == []


def test_an_interview_called_off_is_not_nudged(run) -> None:
    run("add", "Acme", "Engineer", "--on", "3 days ago")
    run("interview", "Acme", "--on", "tomorrow", "--at", "10:00")
    assert run("edit", "interview", "acme", "--cancel")[0] == 0

    assert said(run) == []


def test_the_thank_you_is_due_from_the_interviews_hour(run, clock: FakeClock) -> None:
    run("add", "Acme", "Engineer", "--on", "3 days ago")
    run("interview", "Acme", "--on", "today", "--at", "15:00", "--with", "Dana Lee")
    assert said(run) == ["Interview with Acme (Engineer) today at 15:00, with Dana Lee"]

    clock.advance(hours=1)  # 15:30: the interview has begun; the summary ended at its hour

    assert said(run) == ["Send a thank-you note to Dana Lee at Acme"]


def test_a_feedback_request_is_due_after_a_no(run) -> None:
    run("add", "Acme", "Engineer", "--on", "3 days ago")
    run("stage", "acme", "rejected")

    assert said(run) == ["Ask Acme for feedback (Engineer)"]


def test_a_note_sent_is_not_nudged_again(run, db_path: Path) -> None:
    run("add", "Acme", "Engineer", "--on", "3 days ago")
    run("add", "Globex", "Analyst", "--on", "3 days ago")
    run("interview", "Acme", "--on", "today", "--at", "09:00")
    run("stage", "globex", "rejected")
    assert said(run) == ["Ask Globex for feedback (Analyst)", "Send a thank-you note to Acme"]
    (thank_you,) = [line for line in run("today")[1].splitlines() if "thank-you" in line]
    run("done", thank_you.split(".")[0])
    forget_what_was_said(db_path)

    assert said(run) == ["Ask Globex for feedback (Analyst)"]


def test_json_lists_each_nudge_with_its_key(run) -> None:
    run("add", "Acme", "Engineer", "--on", "3 days ago")
    run("stage", "acme", "rejected")

    (nudge,) = json.loads("\n".join(said(run, "--json")))

    assert nudge["kind"] == "feedback" and nudge["text"] == "Ask Acme for feedback (Engineer)"
    assert nudge["key"].startswith("feedback:") and nudge["key"].endswith(":2026-03-15")
    assert len(nudge["application"]) == 32
    assert said(run, "--json") == ["[]"]  # said once: a script gets an empty list, still JSON


def test_an_offer_is_nudged_with_the_day_they_want_an_answer(run, recorder: Recorder, clock: FakeClock) -> None:
    application = recorder.add_application("Acme", "Engineer", on=clock().date() - timedelta(days=10))
    offer = Offer(amount=Decimal(62000), currency="EUR", received_on=clock().date(), answer_by=date(2026, 3, 16))
    recorder.record_offer(application.id, offer)

    assert said(run) == ["Answer the offer from Acme (Engineer): 62,000 EUR a year; they want an answer tomorrow"]


def test_an_urgent_action_is_nudged_whatever_its_kind(store: Store, clock: FakeClock) -> None:
    search = store.load()
    now = clock()
    dashboard = build_dashboard(search, now.date(), reflection_prompts(), "UTC", now)
    deadline = Action(key="x", kind=ActionKind.FOLLOW_UP, title="Send the signed form", why="they want it today")
    plain = dataclasses.replace(deadline, key="plain", title="Follow up with Globex")
    dashboard = dataclasses.replace(dashboard, actions=[dataclasses.replace(deadline, urgent=True), plain])

    found = nudges(search, dashboard, now, now + timedelta(hours=12))

    assert [(nudge.text, nudge.heading) for nudge in found] == [
        ("Send the signed form: they want it today", "A deadline today")
    ]


def test_help_says_when_the_streak_is_at_risk(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["remind", "--help"])
    assert f"less than {STREAK_AT_RISK_HOURS} hours" in " ".join(capsys.readouterr().out.split())
    assert remind.STREAK_HOURS == STREAK_AT_RISK_HOURS


@pytest.fixture
def notifier(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A notify-send on PATH that writes down its arguments, one a line, and a blank line after each call."""
    folder = tmp_path / "bin"
    folder.mkdir()
    script = folder / "notify-send"
    calls = tmp_path / "notified.txt"
    script.write_text(f"#!/bin/sh\nprintf '%s\\n' \"$@\" >> '{calls}'\necho >> '{calls}'\n", encoding="utf-8")
    script.chmod(0o755)
    monkeypatch.setenv("PATH", str(folder))
    return calls


def test_notify_shows_each_nudge_on_the_desktop_and_still_prints(run, notifier: Path) -> None:
    run("add", "A&B <Labs>", "Engineer", "--on", "3 days ago")
    run("add", "Globex", "Analyst", "--on", "3 days ago")
    run("stage", "a&b", "rejected")
    run("interview", "Globex", "--on", "tomorrow", "--at", "10:00")

    status, out, err = run("remind", "--notify")

    assert status == 0 and err == ""
    assert out.splitlines() == [
        "Interview with Globex (Analyst) tomorrow at 10:00",
        "Ask A&B <Labs> for feedback (Engineer)",
    ]
    assert notifier.read_text(encoding="utf-8").split("\n\n")[:2] == [
        "--app-name=nextyes\nInterview coming up\nInterview with Globex (Analyst) tomorrow at 10:00",
        "--app-name=nextyes\nAsk for feedback\nAsk A&amp;B &lt;Labs&gt; for feedback (Engineer)",
    ]
    assert run("remind", "--notify") == (0, "", "")  # said once, on the desktop too
    assert notifier.read_text(encoding="utf-8").count("--app-name") == 2


def test_notify_without_notify_send_says_so_once_and_prints(
    run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    run("add", "Acme", "Engineer", "--on", "3 days ago")
    run("add", "Globex", "Analyst", "--on", "3 days ago")
    run("stage", "acme", "rejected")
    run("stage", "globex", "rejected")
    (tmp_path / "empty").mkdir()
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))

    status, out, err = run("remind", "--notify")

    assert status == 0 and len(out.splitlines()) == 2
    assert err == "nextyes: notify-send is not installed here, so the reminders were only printed\n"


def test_a_notify_send_that_fails_is_said_in_one_line(run, notifier: Path) -> None:
    notifier.parent.joinpath("bin", "notify-send").write_text("#!/bin/sh\necho 'no bus' >&2\nexit 1\n")
    run("add", "Acme", "Engineer", "--on", "3 days ago")
    run("stage", "acme", "rejected")

    status, out, err = run("remind", "--notify")

    assert status == 0 and out == "Ask Acme for feedback (Engineer)\n"
    assert err == "nextyes: notify-send could not show a notification (exit 1: no bus); they were printed\n"


def test_a_company_name_cannot_drive_the_terminal(run) -> None:
    run("add", "Acme\x1b[2J", "Engineer", "--on", "3 days ago")
    run("stage", "acme", "rejected")

    assert said(run) == ["Ask Acme␛[2J for feedback (Engineer)"]


def test_a_bad_option_is_one_line_and_status_2(run) -> None:
    status, out, err = run("remind", "--loud")
    assert status == 2 and out == "" and err.count("\n") == 1 and "--loud" in err


@pytest.mark.parametrize("command", ["remind", "prompt"])
def test_a_damaged_database_is_named_with_status_3(run, db_path: Path, command: str) -> None:
    db_path.write_text("{not json", encoding="utf-8")

    status, out, err = run(command)

    assert status == 3 and out == "" and err.count("\n") == 1 and str(db_path) in err


def test_a_second_remind_reads_only_the_summary(run, streak: None, monkeypatch: pytest.MonkeyPatch) -> None:
    run("add", "Acme", "Engineer", "--on", "3 days ago")
    run("stage", "acme", "rejected")
    assert run("prompt")[0] == 0  # keeps the summary remind reads

    def no_reading(*args: object) -> None:
        raise AssertionError("the records were read again")

    monkeypatch.setattr(summary, "_computed", no_reading)
    assert said(run) == ["Ask Acme for feedback (Engineer)"]


def test_a_warm_remind_loads_no_pydantic_nor_the_store(run, streak: None, db_path: Path) -> None:
    heavy = ("pydantic", "tui.store", "tui.core")
    # The first run, at the real clock, works the summary out from the records; the second is the warm one.
    loaded_by(["remind", "--db", str(db_path)], heavy)
    assert loaded_by(["remind", "--db", str(db_path)], heavy) == (0, [])
