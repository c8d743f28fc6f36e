"""The pipeline and the comeback from the shell: stages, interviews, contacts, wins, today's actions, drafts.

Each command as a person types it: what they read, what is stored, and for every mistake one line,
exit status 2 and not a byte written. The clock is fixed on Sunday 15 March 2026, 14:30 UTC.
"""

from __future__ import annotations

import json
import tempfile
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.support.clock import FakeClock
from tests.support.shell import add, refused, status_json
from tui.cli import main
from tui.core.models import (
    ActivityKind,
    Application,
    InterviewKind,
    Question,
    RejectionReason,
    Stage,
    Tier,
)
from tui.recording import Recorder
from tui.store import Store
from tui.store.database import TABLES


def application(store: Store, company: str = "Quill Labs") -> Application:
    [found] = [a for a in store.load().applications if a.company == company]
    return found


def today_lines(run) -> list[str]:
    status, out, err = run("today")
    assert status == 0, err
    return out.splitlines()


def number_of(run, title_start: str) -> str:
    """The number `nextyes today` shows for the action whose title starts with `title_start`."""
    for line in today_lines(run):
        number, _, rest = line.partition(". ")
        if rest[2:].startswith(title_start):
            return number
    raise AssertionError(f"no action starting {title_start!r} in {today_lines(run)}")


# --- stage ---------------------------------------------------------------------------------------------


def test_stage_moves_an_application_and_keeps_the_move(run, store: Store) -> None:
    add(run)
    status, out, _ = run("stage", "quill", "screening", "--on", "yesterday", "--note", "recruiter call")
    assert status == 0
    assert out == "Quill Labs — Data Engineer is now screening.\n"
    moved = application(store)
    assert moved.stage is Stage.SCREENING
    change = moved.stage_history[-1]
    assert (change.day, change.note) == (date(2026, 3, 14), "recruiter call")


def test_stage_interviewing_counts_rounds_and_announces_the_wins(run, store: Store) -> None:
    add(run)
    status, out, _ = run("stage", "quill", "interviewing")
    assert status == 0
    assert out.splitlines() == [
        "Quill Labs — Data Engineer is now interviewing (round 1).",
        "★ A win for your list: Landed an interview at Quill Labs (Data Engineer)",
    ]
    _, out, _ = run("stage", "quill", "interviewing", "--round", "3", "--final")
    assert out.splitlines() == [
        "Quill Labs — Data Engineer is now interviewing (round 3, the final round).",
        "★ A win for your list: Reached round 3 of interviews at Quill Labs (Data Engineer)",
        "★ A win for your list: Reached the final round at Quill Labs (Data Engineer)",
    ]
    search = store.load()
    assert application(store).interview_round == 3 and application(store).reached_final
    assert len(search.wins) == 3 and {w.application_id for w in search.wins} == {application(store).id}
    _, out, _ = run("stage", "quill", "screening")
    assert "★" not in out  # moving on without a new milestone earns nothing


def test_a_rejection_is_met_warmly_with_the_streak_protected_and_next_steps(
    run, store: Store, clock: FakeClock
) -> None:
    add(run)
    run("interview", "quill", "--on", "3 days ago", "--kind", "on-site")
    status, out, _ = run("stage", "quill", "rejected", "--reason", "skills")
    assert status == 0
    ident = application(store).short_id
    lines = out.splitlines()
    assert lines[0] == "Quill Labs — Data Engineer is now rejected."
    assert "You reached the on-site interview" in lines[1]
    assert lines[2].startswith("Your streak is protected for 2 recovery days, through Tue 17 Mar")
    assert f"nextyes draft {ident} feedback" in out
    assert f'nextyes goal "a skill to work on" --app {ident}' in out
    assert f'nextyes contact add "NAME" --app {ident}' in out
    rejected = application(store)
    assert rejected.stage is Stage.REJECTED and rejected.rejection_reason is RejectionReason.SKILLS
    clock.advance(days=2)  # Tuesday the 17th, nothing logged: still protected
    assert status_json(run)["day_state"] == "recovery"


def test_a_rejection_without_recovery_days_says_how_to_turn_them_on(run) -> None:
    add(run)
    run("settings", "--recovery-days", "0")
    _, out, _ = run("stage", "quill", "rejected", "--reason", "no answer")
    assert "Recovery days are off" in out and "--recovery-days N" in out


def test_a_ghosted_application_moved_back_is_reopened(run, store: Store) -> None:
    add(run)
    run("stage", "quill", "ghosted")
    status, out, _ = run("stage", "quill", "screening")
    assert status == 0 and out.startswith("Quill Labs — Data Engineer is reopened: now screening.")
    assert application(store).stage is Stage.SCREENING


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (("stage", "quill", "hired"), "invalid choice: 'hired' (choose from 'saved', 'applied', 'screening'"),
        (("stage", "quill", "applied"), "Quill Labs is already at applied; choose another stage"),
        (("stage", "quill", "screening", "--round", "2"), "--round and --final go with interviewing only"),
        (("stage", "quill", "offer", "--final"), "--round and --final go with interviewing only"),
        (("stage", "quill", "interviewing", "--reason", "fit"), "--reason goes with rejected only"),
        (("stage", "quill", "rejected", "--reason", "bad luck"), "invalid choice: 'bad luck'"),
        (("stage", "quill", "interviewing", "--round", "0"), "'0' is not a whole number from 1 to 20"),
        (("stage", "quill", "interviewing", "--round", "two"), "'two' is not a whole number from 1 to 20"),
        (("stage", "quill", "screening", "--on", "tomorrow"), "is in the future"),
        (("stage", "quill", "screening", "--on", "someday"), "cannot read the date 'someday'"),
        (("stage", "globex", "screening"), "no application matches 'globex'"),
        (("stage", "quill", "screening", "--note", "x" * 2001), "note"),
        (("stage", "quill"), "required: STAGE"),
        (("stage", "quill", "screening", "two\nlines"), "unrecognized arguments: two\\nlines"),
    ],
)
def test_stage_bad_input(run, db_path: Path, arguments, message) -> None:
    add(run)
    assert message in refused(run, db_path, *arguments)


def test_stage_names_an_ambiguous_application(run, db_path: Path) -> None:
    add(run)
    add(run, "Quill Labs", "Analytics Lead", "--anyway")
    err = refused(run, db_path, "stage", "quill", "screening")
    assert "matches more than one application" in err and "use its short id" in err


# --- interview -----------------------------------------------------------------------------------------


def test_interview_records_when_who_and_which_round(run, store: Store) -> None:
    add(run)
    status, out, _ = run(
        "interview",
        "quill",
        "--on",
        "next tuesday",
        "--at",
        "14:00",
        "--kind",
        "technical",
        "--with",
        "Dana Ruiz, Sam Lee",
        "--note",
        "bring the portfolio",
    )
    assert status == 0
    assert out.splitlines() == [
        "Interview recorded: Quill Labs, round 1 (technical), Tue 17 Mar 14:00 with Dana Ruiz and Sam Lee.",
        "★ A win for your list: Landed an interview at Quill Labs (Data Engineer)",
    ]
    search = store.load()
    [interview] = search.interviews
    assert interview.at == datetime(2026, 3, 17, 14, 0, tzinfo=UTC)
    assert (interview.kind, interview.round, interview.people) == (InterviewKind.TECHNICAL, 1, ["Dana Ruiz", "Sam Lee"])
    assert interview.notes == "bring the portfolio"
    assert application(store).stage is Stage.INTERVIEWING
    # Not held yet: the move to interviewing counts today, the interview itself not before its day.
    interview_days = [a.logical_day for a in search.activities if a.kind is ActivityKind.INTERVIEW]
    assert interview_days == [date(2026, 3, 15)]
    _, out, _ = run("interview", "quill", "--on", "2026-03-24", "--round", "2")
    assert out.splitlines()[0] == "Interview recorded: Quill Labs, round 2 (other), Tue 24 Mar 09:00."


def test_interview_time_is_on_the_settings_clock_and_a_past_one_counts(run, store: Store) -> None:
    add(run)
    run("settings", "--timezone", "Asia/Tokyo")  # 23:30 on the 15th in Tokyo: still the 15th
    status, out, _ = run("interview", "quill", "--on", "yesterday")
    assert status == 0 and "Sat 14 Mar 09:00" in out
    [interview] = store.load().interviews
    assert interview.timezone == "Asia/Tokyo"
    assert interview.at == datetime(2026, 3, 14, 0, 0, tzinfo=UTC)  # 09:00 in Tokyo
    held = [a for a in store.load().activities if a.kind is ActivityKind.INTERVIEW]
    assert [a.logical_day for a in held] == [date(2026, 3, 14)]


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (("interview", "quill"), "required: --on"),
        (("interview", "quill", "--on", "tomorrow", "--at", "25:00"), "cannot read the time '25:00'; use HH:MM"),
        (("interview", "quill", "--on", "tomorrow", "--at", "noon"), "cannot read the time 'noon'"),
        (("interview", "quill", "--on", "tomorrow", "--kind", "dinner"), "invalid choice: 'dinner'"),
        (("interview", "quill", "--on", "tomorrow", "--round", "21"), "not a whole number from 1 to 20"),
        (("interview", "quill", "--on", "the day after"), "cannot read the date 'the day after'"),
        (("interview", "quill", "--on", "2300-01-01"), "out of range"),
        (("interview", "globex", "--on", "tomorrow"), "no application matches 'globex'"),
        (("interview", "quill", "--on", "tomorrow", "--with", "x" * 201), "people"),
    ],
)
def test_interview_bad_input(run, db_path: Path, arguments, message) -> None:
    add(run)
    assert message in refused(run, db_path, *arguments)


# --- contacts ------------------------------------------------------------------------------------------


def test_contact_add_and_list(run, store: Store, clock: FakeClock) -> None:
    status, out, _ = run("contact", "list")
    assert status == 0 and out.startswith("No contacts yet")
    status, out, _ = run(
        "contact",
        "add",
        "Dana",
        "Ruiz",
        "--company",
        "Quill Labs",
        "--tier",
        "a",
        "--how",
        "ex-colleague",
        "--support",
        "--note",
        "loves climbing",
    )
    assert status == 0
    [dana] = store.load().contacts
    assert out == f"Added {dana.short_id}: Dana Ruiz (Quill Labs), tier A ♥\n"
    assert (dana.name, dana.company, dana.tier, dana.how_we_know, dana.support, dana.notes) == (
        "Dana Ruiz",
        "Quill Labs",
        Tier.A,
        "ex-colleague",
        True,
        "loves climbing",
    )
    run("contact", "add", "Sam Lee")
    _, out, _ = run("contact", "list")
    assert out.splitlines() == [
        f"{dana.short_id}  Dana Ruiz · Quill Labs · tier A · not in touch yet · reconnect by Tue 14 Apr 2026 ♥",
        f"{store.load().contacts[1].short_id}  Sam Lee · no company · tier B · not in touch yet · "
        "reconnect by Sat 13 Jun 2026",
    ]
    clock.advance(days=1)
    status, out, _ = run("log", "network", "coffee", "--contact", "dana")
    assert status == 0 and out.startswith("Logged network with Dana Ruiz on 2026-03-16.")
    assert store.load().activities[0].contact_id == dana.id
    _, out, _ = run("contact", "list")
    assert "last in touch Mon 16 Mar 2026 · reconnect by Wed 15 Apr 2026 ♥" in out.splitlines()[0]
    clock.advance(days=40)
    _, out, _ = run("contact", "list")
    assert "reconnect due since Wed 15 Apr 2026" in out.splitlines()[0]


def test_contact_added_through_a_rejected_application_keeps_the_bridge(run, store: Store) -> None:
    add(run)
    run("stage", "quill", "rejected")
    status, out, _ = run("contact", "add", "Mina Park", "--app", "quill")
    assert status == 0
    assert out.splitlines()[1:] == [
        "Bridge kept: reconnect with Mina Park by Sat 13 Jun 2026.",  # bridge_days 90
        "Quill Labs is marked 'reapply later', from Tue 15 Sep 2026.",  # reapply_months 6
    ]
    [mina] = store.load().contacts
    assert (mina.company, mina.reconnect_on) == ("Quill Labs", date(2026, 6, 13))
    assert mina.application_ids == [application(store).id]
    assert application(store).reapply_after == date(2026, 9, 15)


def test_contact_added_through_a_live_application_is_only_linked(run, store: Store) -> None:
    add(run)
    _, out, _ = run("contact", "add", "Mina Park", "--app", "quill", "--company", "Quill Group")
    assert out.splitlines()[1] == "Linked to Quill Labs — Data Engineer."
    [mina] = store.load().contacts
    assert (mina.company, mina.reconnect_on) == ("Quill Group", None)
    assert application(store).reapply_after is None


def test_contact_bad_input(run, db_path: Path) -> None:
    run("contact", "add", "Dana Ruiz")
    run("contact", "add", "Dana Lee")
    assert "invalid choice: 'D'" in refused(run, db_path, "contact", "add", "Sam", "--tier", "d")
    assert "name" in refused(run, db_path, "contact", "add", " ")
    assert "required: WHAT" in refused(run, db_path, "contact")
    assert "no application matches 'globex'" in refused(run, db_path, "contact", "add", "Sam", "--app", "globex")
    assert "no contact matches 'sam'" in refused(run, db_path, "log", "network", "--contact", "sam")
    err = refused(run, db_path, "log", "network", "--contact", "dana")
    assert "matches more than one contact" in err and "use its short id" in err


# --- wins ----------------------------------------------------------------------------------------------


def test_wins_are_added_and_listed_newest_first(run, store: Store) -> None:
    status, out, _ = run("wins")
    assert status == 0 and out.startswith("No wins yet")
    add(run)
    status, out, _ = run("win", "Cut", "report", "time", "--on", "2 days ago", "from 2 hours to 10 minutes")
    assert status == 0 and out == "★ Added to your wins (Fri 13 Mar): Cut report time from 2 hours to 10 minutes\n"
    run("win", "Presented the pipeline design", "--app", "quill")
    _, out, _ = run("wins")
    assert out.splitlines() == [
        "Sun 15 Mar 2026  Presented the pipeline design (Quill Labs)",
        "Fri 13 Mar 2026  Cut report time from 2 hours to 10 minutes",
    ]
    assert {w.application_id for w in store.load().wins} == {None, application(store).id}
    assert status_json(run)["wins"] == 2


def test_win_bad_input(run, db_path: Path) -> None:
    add(run)
    assert "is in the future" in refused(run, db_path, "win", "shipped", "--on", "tomorrow")
    assert "no application matches 'globex'" in refused(run, db_path, "win", "shipped", "--app", "globex")
    assert "text" in refused(run, db_path, "win", "x" * 2001)
    assert "required: TEXT" in refused(run, db_path, "win")


# --- today, done, snooze, dismiss -----------------------------------------------------------------------


def test_done_logs_what_the_action_stands_for_and_ticks_it(run, store: Store, clock: FakeClock) -> None:
    add(run, "Acme", "Engineer", "--on", "9 days ago")
    lines = today_lines(run)
    assert lines[0] == "1. ○ Follow up with Acme (Engineer) — applied 9 days ago, no reply yet"
    status, out, _ = run("done", "1", "--note", "emailed Priya")
    assert status == 0
    assert out.startswith("Done: Follow up with Acme (Engineer). Logged follow-up for Acme on 2026-03-15.")
    follow_up = [a for a in store.load().activities if a.kind is ActivityKind.FOLLOW_UP]
    assert [(a.note, a.application_id) for a in follow_up] == [("emailed Priya", application(store, "Acme").id)]
    # The first follow-up is sent: the second is not due for a week, and the day's target is met.
    assert today_lines(run)[0].startswith("1. ✓ Today's target reached")
    assert "already done" in refused(run, store.path, "done", "1")
    clock.advance(days=7)
    assert today_lines(run)[0].startswith("1. ○ Follow up again with Acme (Engineer) — last followed up 7 days ago")


def test_snooze_hides_an_action_until_the_day_it_comes_back(run, clock: FakeClock) -> None:
    add(run, "Acme", "Engineer", "--on", "9 days ago")
    status, out, _ = run("snooze", "1", "next", "monday")
    assert status == 0 and out == "Snoozed until Mon 16 Mar: Follow up with Acme (Engineer)\n"
    assert not any("Acme" in line for line in today_lines(run))
    clock.advance(days=1)
    assert today_lines(run)[0].startswith("1. ○ Follow up with Acme (Engineer)")
    status, out, _ = run("snooze", "1", "2 weeks")
    assert out == "Snoozed until Mon 30 Mar: Follow up with Acme (Engineer)\n"
    clock.advance(days=13)
    assert not any("Acme" in line for line in today_lines(run))
    clock.advance(days=1)
    assert any("Acme" in line for line in today_lines(run))


def test_dismiss_drops_an_action_for_good_and_closes_a_learning_goal(run, store: Store, clock: FakeClock) -> None:
    add(run, "Acme", "Engineer", "--on", "9 days ago")
    run("goal", "SQL", "window", "functions")
    status, out, _ = run("dismiss", "1")
    assert status == 0 and out == "Dismissed: Follow up with Acme (Engineer)\n"
    assert today_lines(run)[0].startswith("1. ○ Work on: SQL window functions")
    status, out, _ = run("dismiss", "1")
    assert status == 0 and out == "Closed the learning goal: SQL window functions\n"
    [goal] = store.load().learning_goals
    assert goal.closed_on == date(2026, 3, 15)
    clock.advance(days=3)
    assert today_lines(run)[0].startswith("1. ○ Do one thing for your search")  # neither came back


def test_today_follows_the_hour_of_an_interview(run, clock: FakeClock) -> None:
    """The clock reads 14:30: prep is for an interview still ahead, the thank-you for one already held."""
    add(run, "Quill Labs", "Data Engineer")
    add(run, "Orbit", "Platform Engineer")
    run("interview", "quill", "--on", "today", "--at", "16:00", "--kind", "technical")
    run("interview", "orbit", "--on", "today", "--at", "09:00", "--kind", "phone")
    lines = today_lines(run)
    assert any("○ Prepare for the technical interview with Quill Labs" in line for line in lines)
    assert not any("Prepare for the phone interview with Orbit" in line for line in lines)  # 09:00 has passed
    assert any("○ Send a thank-you note to Orbit" in line for line in lines)
    assert not any("thank-you note to Quill Labs" in line for line in lines)  # not before 16:00
    clock.advance(hours=2)
    lines = today_lines(run)
    assert not any("Prepare for the technical interview with Quill Labs" in line for line in lines)
    assert any("○ Send a thank-you note to Quill Labs" in line for line in lines)
    # A day looked back on has no present hour: the whole day counts.
    _, out, _ = run("today", "--as-of", "yesterday")
    assert "Quill Labs" not in out


def test_the_learning_goals_are_one_line_and_dismiss_closes_the_one_it_names(run, store: Store) -> None:
    for goal in ("SQL window functions", "Kubernetes basics", "Go concurrency"):
        run("goal", goal)
    lines = today_lines(run)
    assert lines[0] == (
        "1. ○ Work on: SQL window functions — a learning goal you set; "
        "2 more goals after it: Kubernetes basics, Go concurrency"
    )
    assert sum("Work on:" in line for line in lines) == 1
    status, out, _ = run("dismiss", "1")
    assert status == 0 and out == "Closed the learning goal: SQL window functions\n"
    assert [g.text for g in store.load().learning_goals if g.closed_on is not None] == ["SQL window functions"]
    assert today_lines(run)[0] == (
        "1. ○ Work on: Kubernetes basics — a learning goal you set; 1 more goal after it: Go concurrency"
    )


def test_done_on_a_suggested_ghosting_moves_the_application(run, store: Store) -> None:
    add(run, "Acme", "Engineer", "--on", "40 days ago")
    run("log", "follow-up", "--app", "acme", "--on", "33 days ago")
    run("log", "follow-up", "--app", "acme", "--on", "31 days ago")
    number = number_of(run, "No reply from Acme")
    status, out, _ = run("done", number)
    assert status == 0
    assert out.startswith("Marked ghosted: Acme — Engineer.") and "nextyes stage" in out
    assert application(store, "Acme").stage is Stage.GHOSTED


def test_a_saved_job_is_sent_with_done(run, store: Store) -> None:
    status, out, _ = run("add", "Acme", "Engineer", "--saved", "--on", "2 days ago")
    assert status == 0 and "(saved 2026-03-13: send it when you are ready)" in out
    assert store.load().activities == ()  # saving a posting is not applying
    number = number_of(run, "Send your application to Acme (Engineer)")
    status, out, _ = run("done", number)
    assert status == 0 and out.startswith("Sent: Acme — Engineer is applied now")
    assert application(store, "Acme").stage is Stage.APPLIED
    assert application(store, "Acme").applied_on == date(2026, 3, 15)


def test_today_actions_refuse_what_cannot_be_done(run, db_path: Path) -> None:
    add(run, "Acme", "Engineer", "--on", "9 days ago")  # 1 follow-up, 2 daily target, 3 reflection
    err = refused(run, db_path, "done", "4")
    assert "there is no action 4 today: there are 3 actions, numbered 1 to 3 in 'nextyes today'" in err
    assert "there is no action 0 today" in refused(run, db_path, "dismiss", "0")
    assert "invalid int value: 'one'" in refused(run, db_path, "done", "one")
    assert "nextyes log" in refused(run, db_path, "done", "2")
    assert "run 'nextyes'" in refused(run, db_path, "done", "3")
    assert "cannot be snoozed" in refused(run, db_path, "snooze", "2", "tomorrow")
    assert "cannot be dismissed" in refused(run, db_path, "dismiss", "3")
    assert "cannot read 'whenever' as a day to snooze until" in refused(run, db_path, "snooze", "1", "whenever")
    assert "'yesterday' is not after today" in refused(run, db_path, "snooze", "1", "yesterday")
    assert "required: WHEN" in refused(run, db_path, "snooze", "1")


# --- goals, feedback, drafts, questions ---------------------------------------------------------------------


def test_goal_and_feedback_are_recorded(run, store: Store) -> None:
    add(run)
    status, out, _ = run("goal", "Spark", "streaming", "--app", "quill")
    assert status == 0 and out.startswith("Learning goal added: Spark streaming.")
    [goal] = store.load().learning_goals
    assert (goal.text, goal.application_id) == ("Spark streaming", application(store).id)
    assert "Quill Labs" in goal.source
    assert any("○ Work on: Spark streaming" in line for line in today_lines(run))
    status, out, _ = run("feedback", "quill", "They", "wanted", "more", "streaming", "experience")
    assert status == 0 and out.startswith("Feedback from Quill Labs recorded.")
    assert application(store).feedback == "They wanted more streaming experience"


def test_goal_and_feedback_bad_input(run, db_path: Path) -> None:
    add(run)
    assert "the goal is blank" in refused(run, db_path, "goal", " ")
    assert "no application matches 'globex'" in refused(run, db_path, "goal", "SQL", "--app", "globex")
    assert "the feedback is blank" in refused(run, db_path, "feedback", "quill", " ")
    assert "no application matches 'globex'" in refused(run, db_path, "feedback", "globex", "nice")
    assert "text" in refused(run, db_path, "goal", "x" * 201)


def test_draft_prints_a_filled_in_note(run) -> None:
    add(run)
    run("settings", "--your-name", "Ana Silva")
    run("interview", "quill", "--on", "yesterday", "--with", "Dana Ruiz", "--kind", "technical")
    status, out, _ = run("draft", "quill", "thank-you")
    assert status == 0
    lines = out.splitlines()
    assert lines[0].startswith("Subject: ") and lines[1] == ""
    assert "Hi Dana," in out and "14 March" in out and "technical interview" in out and "Ana Silva" in out
    _, out, _ = run("draft", "quill", "feedback")
    assert "Data Engineer" in out and "Quill Labs" in out and "Hi Dana," in out
    _, out, _ = run("draft", "quill", "follow-up")
    assert out.startswith("Subject: ") and "Quill Labs" in out and "$" not in out


def test_draft_thank_you_needs_an_interview_held(run, db_path: Path) -> None:
    add(run)
    err = refused(run, db_path, "draft", "quill", "thank-you")
    assert "no interview with Quill Labs is recorded" in err and "nextyes interview" in err
    run("interview", "quill", "--on", "tomorrow")
    assert "is on Mon 16 Mar; a thank-you note comes after it" in refused(run, db_path, "draft", "quill", "thank-you")
    assert "invalid choice: 'apology'" in refused(run, db_path, "draft", "quill", "apology")
    assert "no application matches" in refused(run, db_path, "draft", "globex", "feedback")


def test_questions_show_the_most_asked_and_the_lowest_rated(run, store: Store, recorder: Recorder) -> None:
    status, out, _ = run("questions")
    assert status == 0 and out.startswith("No interview questions recorded yet")
    add(run)
    add(run, "Acme", "Engineer")
    run("interview", "quill", "--on", "3 days ago")
    run("interview", "acme", "--on", "2 days ago")
    first, second = sorted(store.load().interviews, key=lambda i: i.at)
    recorder.debrief_interview(
        first.id,
        questions=[Question(text="Tell me about yourself.", rating=4), Question(text="Design a rate limiter")],
        rating=3,
        went_well="",
        change="",
    )
    _, out, _ = run("questions")
    assert "none rated yet" not in out and "4.0/5  Tell me about yourself." in out
    recorder.debrief_interview(
        second.id,
        questions=[Question(text="tell me about yourself", rating=2), Question(text="Why Acme?", rating=5)],
        rating=3,
        went_well="",
        change="",
    )
    _, out, _ = run("questions")
    lines = out.splitlines()
    assert lines[0] == "Most asked:"
    assert lines[1] == "  2×  tell me about yourself  (Quill Labs, Acme)"
    rated = lines[lines.index("Lowest rated:") + 1 :]
    assert rated[0] == "  3.0/5  tell me about yourself  (Quill Labs, Acme)"
    assert rated[-1] == "  5.0/5  Why Acme?  (Acme)"


def test_questions_say_when_none_are_rated(run, store: Store, recorder: Recorder) -> None:
    add(run)
    run("interview", "quill", "--on", "yesterday")
    [interview] = store.load().interviews
    recorder.debrief_interview(interview.id, questions=[Question(text="Why us?")], rating=None, went_well="", change="")
    _, out, _ = run("questions")
    assert out.splitlines()[-2:] == [
        "Lowest rated:",
        "  none rated yet: rate your answers 1-5 when you debrief an interview",
    ]


# --- add: the safety nets -----------------------------------------------------------------------------------


def test_add_refuses_what_looks_like_one_already_tracked(run, store: Store) -> None:
    add(run)
    short_id = application(store).short_id
    err = refused(run, store.path, "add", "Quill Labs Inc.", "Sr. Data Engineer")
    assert f"Quill Labs — Data Engineer ({short_id})" in err and "add it anyway with --anyway" in err
    status, _, _ = run("add", "Quill Labs Inc.", "Sr. Data Engineer", "--anyway")
    assert status == 0 and len(store.load().applications) == 2


def test_add_recalls_how_a_recent_application_there_ended(run, store: Store) -> None:
    add(run, "Quill Labs", "Data Engineer", "--on", "20 days ago")
    run("stage", "quill", "rejected", "--reason", "skills", "--on", "10 days ago")
    run("contact", "add", "Mina Park", "--app", "quill")
    status, out, _ = run("add", "Quill Labs", "Analytics Lead")
    assert status == 0
    assert out.splitlines()[1] == (
        "  Before: Quill Labs (Data Engineer) said no on 5 Mar 2026 (reason: skills) — "
        "you planned to reapply from 15 Sep 2026."
    )
    assert len(store.load().applications) == 2
    run("settings", "--reapply-months", "0")
    _, out, _ = run("add", "Quill Labs", "Platform Lead", "--anyway")
    assert "Before:" not in out


# --- settings, export, check ---------------------------------------------------------------------------------


def test_settings_for_the_pipeline_are_shown_and_changed(run, store: Store) -> None:
    status, out, _ = run(
        "settings",
        "--thank-you-days",
        "2",
        "--prep-days",
        "3",
        "--feedback-days",
        "4",
        "--reconnect-days",
        "a=20",
        "--reconnect-days",
        "C=365",
        "--bridge-days",
        "60",
        "--reapply-months",
        "12",
        "--max-follow-ups",
        "3",
        "--ghosted-after-days",
        "45",
        "--your-name",
        "Ana Silva",
        "--reconnects-per-day",
        "5",
        "--ghosted-per-day",
        "4",
    )
    assert status == 0
    for line in [
        "max follow-ups:     3",
        "ghosted after:      45 days without a reply, at most 4 offered a day",
        "thank-you days:     2",
        "prep days:          3",
        "feedback days:      4",
        "reconnect every:    A 20 days, B 90 days, C 365 days, at most 5 a day",
        "bridge days:        60",
        "reapply months:     12",
        "your name:          Ana Silva",
    ]:
        assert line in out.splitlines()
    saved = store.load().settings
    assert (saved.thank_you_days, saved.prep_days, saved.feedback_days) == (2, 3, 4)
    assert saved.reconnect_days == {Tier.A: 20, Tier.B: 90, Tier.C: 365}
    assert (saved.bridge_days, saved.reapply_months, saved.max_follow_ups) == (60, 12, 3)
    assert (saved.ghosted_after_days, saved.your_name) == (45, "Ana Silva")
    _, out, _ = run("settings", "--your-name", "")
    assert "your name:          not set: drafts are signed [your name]" in out


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (("--reconnect-days", "D=30"), "--reconnect-days 'D=30': the tier must be one of A, B, C"),
        (("--reconnect-days", "A=soon"), "--reconnect-days 'A=soon': the days must be a whole number"),
        (("--reconnect-days", "A=0"), "reconnect_days.A"),
        (("--max-follow-ups", "9"), "max_follow_ups"),
        (("--ghosted-after-days", "3"), "ghosted_after_days"),
        (("--reapply-months", "-1"), "reapply_months"),
        (("--thank-you-days", "a"), "invalid int value: 'a'"),
        (("--your-name", "x" * 201), "your_name"),
    ],
)
def test_settings_bad_input(run, db_path: Path, arguments, message) -> None:
    run("settings")
    run("log", "apply")
    assert message in refused(run, db_path, "settings", *arguments)


def test_export_and_check_cover_every_table(run, tmp_path: Path) -> None:
    add(run)
    run("interview", "quill", "--on", "yesterday")  # an interview and a win
    run("contact", "add", "Dana Ruiz")
    run("goal", "SQL")
    run("rest", "--on", "tomorrow")
    run("done", "1")
    run("log", "reflect")
    out_file = tmp_path / "export.json"
    assert run("export", "--out", str(out_file))[0] == 0
    document = json.loads(out_file.read_text(encoding="utf-8"))
    tables = [name for name in TABLES if name != "settings"]
    assert set(tables) <= set(document)
    assert {name for name in tables if document[name]} == set(tables) - {"reflections"}
    _, out, _ = run("check")
    assert out.split("sound — ")[1].splitlines()[0] == (
        "1 application, 4 activities, 0 reflections, 1 rest day, 1 interview, 1 contact, "
        "1 learning goal, 1 win, 1 action mark"
    )


# --- the whole way: one application from saved to the comeback -------------------------------------------------


def test_one_application_from_saved_to_the_comeback(run, store: Store, clock: FakeClock) -> None:
    add(run, "Quill Labs", "Data Engineer", "--on", "12 days ago")
    run("stage", "quill", "saved", "--on", "12 days ago")
    status, _, _ = run("stage", "quill", "applied", "--on", "10 days ago")
    assert status == 0 and application(store).applied_on == date(2026, 3, 5)
    status, out, _ = run(
        "interview", "quill", "--on", "3 days ago", "--at", "11:00", "--kind", "technical", "--with", "Dana Ruiz"
    )
    assert status == 0 and "Landed an interview" in out
    status, out, _ = run("stage", "quill", "rejected", "--reason", "skills")
    assert status == 0 and "protected for 2 recovery days, through Tue 17 Mar" in out
    ident = application(store).short_id

    status, out, _ = run("draft", ident, "feedback")
    assert status == 0 and "Hi Dana," in out and "Data Engineer" in out
    status, _, _ = run("goal", "Streaming pipelines", "--app", ident)
    assert status == 0
    status, out, _ = run("contact", "add", "Dana Ruiz", "--app", ident, "--tier", "A")
    assert status == 0 and "Bridge kept" in out

    lines = today_lines(run)
    assert lines[0] == (
        "1. ○ Ask Quill Labs for feedback (Data Engineer) — they said no today; "
        "a short, kind note now is the likeliest to get an answer"
    )
    assert lines[1] == "2. ○ Work on: Streaming pipelines — from the application to Quill Labs"

    status, out, _ = run("done", "1", "--note", "sent the feedback request")
    assert status == 0 and out.startswith("Done: Ask Quill Labs for feedback")
    assert today_lines(run)[0].startswith("1. ✓ Ask Quill Labs for feedback")
    status, out, _ = run("snooze", "2", "tomorrow")
    assert out == "Snoozed until Mon 16 Mar: Work on: Streaming pipelines\n"
    assert not any("Streaming pipelines" in line for line in today_lines(run))

    clock.advance(days=1)
    lines = today_lines(run)
    assert not any("Ask Quill Labs" in line for line in lines)  # done yesterday: gone
    assert lines[0].startswith("1. ○ Work on: Streaming pipelines")  # the snooze is over
    status, out, _ = run("dismiss", "1")
    assert out == "Closed the learning goal: Streaming pipelines\n"
    assert not any("Streaming pipelines" in line for line in today_lines(run))

    status, out, _ = run("feedback", ident, "More Spark streaming, please")
    assert status == 0
    stored = application(store)
    assert (stored.stage, stored.rejection_reason, stored.feedback) == (
        Stage.REJECTED,
        RejectionReason.SKILLS,
        "More Spark streaming, please",
    )
    assert stored.reapply_after == date(2026, 9, 15)
    assert store.load().contacts[0].reconnect_on == date(2026, 6, 13)
    assert [w.text for w in store.load().wins] == ["Landed an interview at Quill Labs (Data Engineer)"]
    # Nothing logged today, the day after the no: a recovery day, and the streak holds.
    assert status_json(run)["day_state"] == "recovery"

    # The day to try again comes: an action like any other.
    clock.advance(days=183)  # Tuesday 15 September
    number = number_of(run, "See what Quill Labs has open now")
    assert f"{number}. ○ See what Quill Labs has open now — you planned to try again from today" in "\n".join(
        today_lines(run)
    )
    status, out, _ = run("done", number)
    assert status == 0 and out.startswith(
        "Done: See what Quill Labs has open now. Logged other for Quill Labs on 2026-09-15."
    )
    clock.advance(days=1)
    assert not any("See what Quill Labs" in line for line in today_lines(run))


# --- never a traceback ------------------------------------------------------------------------------------------

# fmt: off
WORDS = st.one_of(
    st.text(max_size=30),
    st.sampled_from(
        ["quill", "acme", "applied", "interviewing", "rejected", "ghosted", "3 days", "next monday", "tomorrow",
         "yesterday", "2026-04-01", "0", "1", "2", "-1", "99", "--round", "--final", "--reason", "skills",
         "no answer", "--on", "--note"]
    ),
)
# fmt: on


def assert_answered_plainly(capsys: pytest.CaptureFixture[str], setup: list[str], command: list[str]) -> None:
    """After `setup`, `command` exits 0, or 2 with one line on stderr; never a traceback."""
    with tempfile.TemporaryDirectory() as folder:
        db, clock = str(Path(folder) / "db.json"), FakeClock()
        assert main([*setup, "--db", db], now=clock) == 0
        capsys.readouterr()
        status = main([*command, "--db", db], now=clock)
    err = capsys.readouterr().err
    assert status in (0, 2), err
    assert "Traceback" not in err
    assert err.count("\n") == (1 if status == 2 else 0), err


@settings(max_examples=150, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(WORDS, min_size=0, max_size=6))
def test_stage_never_shows_a_traceback(capsys: pytest.CaptureFixture[str], arguments: list[str]) -> None:
    assert_answered_plainly(capsys, ["add", "Quill Labs", "Data Engineer"], ["stage", *arguments])


@settings(max_examples=150, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(WORDS, min_size=0, max_size=4))
def test_snooze_never_shows_a_traceback(capsys: pytest.CaptureFixture[str], arguments: list[str]) -> None:
    assert_answered_plainly(capsys, ["add", "Acme", "Engineer", "--on", "9 days ago"], ["snooze", *arguments])


# --- a no with an interview still ahead ---------------------------------------------------------------------------


class Terminal:
    """Standard input as a person at a terminal: the answers typed, one a line."""

    def __init__(self, *answers: str) -> None:
        self.answers = [f"{answer}\n" for answer in answers]

    def isatty(self) -> bool:
        return True

    def readline(self) -> str:
        return self.answers.pop(0) if self.answers else ""


def booked_ahead(run) -> None:
    """A phone interview held on Monday with Dana, an on-site booked for Friday with Sam and Priya."""
    add(run, "Quill Labs", "Data Engineer", "--on", "2 weeks ago")
    assert run("interview", "quill", "--on", "2026-03-09", "--kind", "phone", "--with", "Dana Reyes")[0] == 0
    status, _, err = run(
        "interview", "quill", "--on", "2026-03-20", "--kind", "on-site", "--with", "Sam Lee, Priya Nair"
    )
    assert status == 0, err


def test_a_no_from_a_script_cancels_the_interview_ahead_and_says_so(run, store: Store) -> None:
    booked_ahead(run)
    status, out, _ = run("stage", "quill", "rejected")
    assert status == 0
    lines = out.splitlines()
    assert lines[0] == "Quill Labs — Data Engineer is now rejected."
    assert lines[1] == (
        "Cancelled the on-site interview on Fri 20 Mar: kept in the interview log, "
        "left out of today's actions and the calendar."
    )
    assert "You reached the phone interview — your application stood out from the pile." in lines[2]
    assert "round 2" not in out
    onsite = next(i for i in store.load().interviews if i.kind is InterviewKind.ON_SITE)
    assert onsite.cancelled
    assert [w.text for w in store.load().wins] == ["Landed an interview at Quill Labs (Data Engineer)"]
    _, calendar, _ = run("export", "--format", "ics")
    assert "on-site" not in calendar and "round 2" not in calendar
    _, draft, _ = run("draft", "quill", "feedback")
    assert "Hi Dana," in draft and "Priya" not in draft


def test_keep_interviews_leaves_it_booked(run, store: Store) -> None:
    booked_ahead(run)
    status, out, _ = run("stage", "quill", "withdrawn", "--keep-interviews")
    assert status == 0
    assert out.splitlines()[1] == "Kept the on-site interview on Fri 20 Mar: still booked."
    assert not any(i.cancelled for i in store.load().interviews)


def test_on_a_terminal_the_no_asks_once_and_yes_is_the_default(
    run, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    booked_ahead(run)
    monkeypatch.setattr("sys.stdin", Terminal(""))
    monkeypatch.setattr("tui.cli.records.is_terminal", lambda stream: True)
    status, out, _ = run("stage", "quill", "rejected")
    assert status == 0
    assert out.startswith("The on-site interview on Fri 20 Mar is still ahead. Cancel it? [Y/n] ")
    assert "Cancelled the on-site interview on Fri 20 Mar" in out
    assert all(i.cancelled for i in store.load().interviews if i.kind is InterviewKind.ON_SITE)


def test_on_a_terminal_no_keeps_it_and_an_unclear_answer_is_asked_again(
    run, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    booked_ahead(run)
    monkeypatch.setattr("sys.stdin", Terminal("maybe", "n"))
    monkeypatch.setattr("tui.cli.records.is_terminal", lambda stream: True)
    status, out, _ = run("stage", "quill", "ghosted")
    assert status == 0
    assert out.count("Cancel it? [Y/n] ") == 2
    assert "Answer y to cancel it or n to keep it." in out
    assert "Kept the on-site interview on Fri 20 Mar: still booked." in out
    assert not any(i.cancelled for i in store.load().interviews)


def test_the_interview_flags_go_with_an_ending_only(run, db_path: Path) -> None:
    add(run)
    err = refused(run, db_path, "stage", "quill", "screening", "--cancel-interviews")
    assert "--cancel-interviews goes with a stage that ends the application" in err
    err = refused(run, db_path, "stage", "quill", "rejected", "--cancel-interviews", "--keep-interviews")
    assert "not allowed with argument" in err


def test_an_interview_on_a_weekday_before_the_application_was_sent_is_refused(run, db_path: Path) -> None:
    """Sunday 15 March: 'wednesday' is the 11th, before an application sent on Friday the 13th."""
    assert run("add", "Quill Labs", "Data Engineer", "--on", "friday")[0] == 0
    err = refused(run, db_path, "interview", "quill", "--on", "wednesday", "--kind", "phone")
    assert "'wednesday' is Wed 11 Mar, before Quill Labs was sent (Fri 13 Mar)" in err
    assert "for one ahead say 'next wednesday'" in err
    status, out, _ = run("interview", "quill", "--on", "next wednesday", "--kind", "phone")
    assert status == 0 and "Wed 18 Mar" in out
