"""Recording changes: what each one does to the records beyond the plain write."""

from __future__ import annotations

import errno
import uuid
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from tui.core.actions import Action, ActionKind, todays_actions
from tui.core.models import ActivityKind, InterviewKind, Mark, Question, RejectionReason, Stage, Tier
from tui.recording import MoveRefused, Recorder, RestRefused
from tui.store import Store, StoreError, files

UTC = ZoneInfo("UTC")


def test_a_job_saved_then_sent_owes_follow_ups_from_the_day_it_was_sent(recorder: Recorder, store: Store) -> None:
    application = recorder.add_application("Acme", "Engineer", on=date(2026, 3, 1))
    recorder.move_stage(application.id, Stage.SAVED, on=date(2026, 3, 1))
    recorder.move_stage(application.id, Stage.APPLIED, on=date(2026, 3, 10))
    search = store.load()
    assert search.applications[0].applied_on == date(2026, 3, 10)

    def follow_ups(day: date) -> list[str]:
        actions = todays_actions(search, search.settings, day)
        return [action.why for action in actions if action.kind is ActionKind.FOLLOW_UP]

    assert follow_ups(date(2026, 3, 16)) == []
    assert follow_ups(date(2026, 3, 17)) == ["applied 7 days ago, no reply yet"]


def test_a_move_is_kept_in_the_history_and_counts_as_activity(recorder: Recorder, store: Store) -> None:
    application = recorder.add_application("Acme", "Engineer", on=date(2026, 3, 1))
    recorder.move_stage(application.id, Stage.INTERVIEWING, note="round 1", on=date(2026, 3, 9))
    search = store.load()
    [moved] = search.applications
    assert [(c.stage, c.day, c.note) for c in moved.stage_history] == [
        (Stage.APPLIED, date(2026, 3, 1), ""),
        (Stage.INTERVIEWING, date(2026, 3, 9), "round 1"),
    ]
    assert moved.applied_on == date(2026, 3, 1)
    assert {(a.kind.value, a.logical_day) for a in search.activities} == {
        ("apply", date(2026, 3, 1)),
        ("interview", date(2026, 3, 9)),
    }


# --- Rewards are announced once, after the change that earned them is saved -----------------------


def test_celebrate_hears_each_reward_once_after_the_change_that_earned_it(store: Store, clock) -> None:
    heard: list[list[str]] = []
    recorder = Recorder(store, clock, celebrate=lambda rewards: heard.append([r.key for r in rewards]))
    recorder.log(ActivityKind.APPLY, on=date(2026, 3, 13))
    recorder.log(ActivityKind.APPLY, on=date(2026, 3, 14))
    assert heard == []
    recorder.log(ActivityKind.NETWORK)  # the third DONE day in a row
    assert heard == [["streak-3"]]
    recorder.log(ActivityKind.LEARN)
    recorder.write_reflection(date(2026, 3, 15), "prompt", "text")
    assert heard == [["streak-3"]]


def test_a_change_that_fails_announces_nothing(store: Store, clock, monkeypatch: pytest.MonkeyPatch) -> None:
    heard: list[object] = []
    recorder = Recorder(store, clock, celebrate=heard.append)
    recorder.log(ActivityKind.APPLY, on=date(2026, 3, 13))
    recorder.log(ActivityKind.APPLY, on=date(2026, 3, 14))

    def full_disk(*_: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(files.os, "replace", full_disk)
    with pytest.raises(StoreError, match="disk is full"):
        recorder.log(ActivityKind.NETWORK)
    assert heard == []


def test_a_rest_day_beyond_the_weeks_allowance_is_refused_and_not_written(recorder: Recorder, store: Store) -> None:
    recorder.plan_rest(date(2026, 3, 9))
    recorder.plan_rest(date(2026, 3, 11), "dentist")
    with pytest.raises(RestRefused, match=r"already has 2 rest days \(Mon 09, Wed 11\)"):
        recorder.plan_rest(date(2026, 3, 15))
    recorder.plan_rest(date(2026, 3, 16))  # the next ISO week has its own allowance
    assert sorted(r.day.isoformat() for r in store.load().rest_days) == ["2026-03-09", "2026-03-11", "2026-03-16"]


def test_rest_days_can_be_turned_off(recorder: Recorder) -> None:
    recorder.update_settings(rest_days_per_week=0)
    with pytest.raises(RestRefused, match="rest days are turned off"):
        recorder.plan_rest(date(2026, 3, 15))


# --- Stages, rounds and the wins they earn ---------------------------------------------------------


def test_interview_rounds_count_up_and_each_milestone_adds_one_win(recorder: Recorder, store: Store) -> None:
    application = recorder.add_application("Quill Labs", "Data Engineer", on=date(2026, 3, 1))
    recorder.move_stage(application.id, Stage.INTERVIEWING, on=date(2026, 3, 5))
    recorder.move_stage(application.id, Stage.INTERVIEWING, on=date(2026, 3, 9))
    recorder.move_stage(application.id, Stage.INTERVIEWING, on=date(2026, 3, 12), final=True)
    recorder.move_stage(application.id, Stage.OFFER, on=date(2026, 3, 14))
    search = store.load()
    [moved] = search.applications
    assert [c.round for c in moved.stage_history] == [None, 1, 2, 3, None]
    assert moved.interview_round == 3 and moved.reached_final
    assert sorted((w.day, w.text) for w in search.wins) == [
        (date(2026, 3, 5), "Landed an interview at Quill Labs (Data Engineer)"),
        (date(2026, 3, 9), "Reached round 2 of interviews at Quill Labs (Data Engineer)"),
        (date(2026, 3, 12), "Reached round 3 of interviews at Quill Labs (Data Engineer)"),
        (date(2026, 3, 12), "Reached the final round at Quill Labs (Data Engineer)"),
        (date(2026, 3, 14), "Got an offer from Quill Labs (Data Engineer)"),
    ]


def test_a_ghosted_application_reopens_when_a_late_reply_comes(recorder: Recorder, store: Store) -> None:
    application = recorder.add_application("Acme", "Engineer", on=date(2026, 1, 5))
    recorder.move_stage(application.id, Stage.GHOSTED, on=date(2026, 2, 10))
    recorder.move_stage(application.id, Stage.SCREENING, on=date(2026, 3, 14), note="they wrote back")
    [reopened] = store.load().applications
    assert reopened.stage is Stage.SCREENING
    assert [c.stage for c in reopened.stage_history] == [Stage.APPLIED, Stage.GHOSTED, Stage.SCREENING]


def test_moving_to_the_stage_it_is_already_at_is_refused_and_nothing_is_written(
    recorder: Recorder, store: Store
) -> None:
    application = recorder.add_application("Acme", "Engineer", on=date(2026, 3, 1))
    before = store.path.read_bytes()
    with pytest.raises(MoveRefused, match="already at applied"):
        recorder.move_stage(application.id, Stage.APPLIED)
    assert store.path.read_bytes() == before


# --- Interviews ------------------------------------------------------------------------------------


def test_scheduling_an_interview_moves_the_application_on_and_counts_only_once_held(
    recorder: Recorder, store: Store, clock
) -> None:
    application = recorder.add_application("Quill Labs", "Data Engineer", on=date(2026, 3, 1))
    later = datetime(2026, 3, 18, 14, 0, tzinfo=UTC)
    interview = recorder.schedule_interview(
        application.id, later, kind=InterviewKind.TECHNICAL, people=["Dana Ruiz", " "]
    )
    search = store.load()
    assert interview.round == 1 and interview.day == date(2026, 3, 18) and interview.people == ["Dana Ruiz"]
    assert search.applications[0].stage is Stage.INTERVIEWING
    # The move to interviewing counts today, as every move does; the interview itself is not held yet.
    assert sorted((a.kind.value, a.logical_day) for a in search.activities) == [
        ("apply", date(2026, 3, 1)),
        ("interview", date(2026, 3, 15)),
    ]

    clock.advance(days=3)  # the 18th, after the interview
    recorder.debrief_interview(
        interview.id,
        questions=[Question(text="Tell me about yourself", rating=3)],
        rating=4,
        went_well="the SQL part",
        change="slower intro",
    )
    recorder.debrief_interview(interview.id, questions=[], rating=4, went_well="", change="")
    held = [a for a in store.load().activities if a.kind is ActivityKind.INTERVIEW]
    assert sorted(a.logical_day for a in held) == [date(2026, 3, 15), date(2026, 3, 18)]  # the 18th once


def test_a_second_interview_is_the_next_round(recorder: Recorder, store: Store) -> None:
    application = recorder.add_application("Quill Labs", "Data Engineer", on=date(2026, 3, 1))
    recorder.schedule_interview(application.id, datetime(2026, 3, 5, 10, tzinfo=UTC))
    second = recorder.schedule_interview(application.id, datetime(2026, 3, 12, 10, tzinfo=UTC))
    assert second.round == 2
    assert store.load().applications[0].interview_round == 2


# --- Network, the bridge after a no, learning goals -----------------------------------------------


def test_keeping_the_bridge_adds_a_contact_with_a_reminder_and_marks_reapply_later(
    recorder: Recorder, store: Store
) -> None:
    application = recorder.add_application("Quill Labs", "Data Engineer", on=date(2026, 2, 1))
    recorder.move_stage(application.id, Stage.REJECTED)
    recorder.record_rejection(application.id, RejectionReason.SKILLS)
    recorder.keep_bridge(
        application.id, contact_name="Dana Ruiz", reconnect_on=date(2026, 6, 13), reapply_after=date(2026, 9, 15)
    )
    search = store.load()
    [kept] = search.contacts
    assert (kept.name, kept.company, kept.reconnect_on) == ("Dana Ruiz", "Quill Labs", date(2026, 6, 13))
    assert kept.application_ids == [application.id]
    assert search.applications[0].reapply_after == date(2026, 9, 15)
    assert search.applications[0].rejection_reason is RejectionReason.SKILLS


def test_networking_with_a_contact_is_linked_to_them_and_an_unknown_contact_is_refused(
    recorder: Recorder, store: Store
) -> None:
    contact = recorder.add_contact("Sam Lee", company="Acme", tier=Tier.A)
    recorder.log(ActivityKind.NETWORK, "coffee", contact_id=contact.id, on=date(2026, 3, 14))
    search = store.load()
    assert search.last_contacted(search.contacts[0]) == date(2026, 3, 14)
    with pytest.raises(KeyError):
        recorder.log(ActivityKind.NETWORK, "call", contact_id=uuid.uuid4())


def test_blank_learning_goals_are_skipped_and_dismissing_one_closes_it(recorder: Recorder, store: Store) -> None:
    goals = recorder.add_learning_goals(["SQL window functions", "  ", "system design"], source="feedback from Quill")
    assert [g.text for g in goals] == ["SQL window functions", "system design"]
    action = Action(
        key=f"learn:{goals[0].id.hex}",
        kind=ActionKind.LEARN,
        title="Work on: SQL window functions",
        why="",
        goal_id=goals[0].id,
        logs=ActivityKind.LEARN,
    )
    recorder.dismiss(action)
    search = store.load()
    closed = {g.text: g.closed_on for g in search.learning_goals}
    assert closed == {"SQL window functions": date(2026, 3, 15), "system design": None}
    assert [(m.key, m.mark) for m in search.action_marks] == [(action.key, Mark.DISMISSED)]


# --- Marking today's actions -----------------------------------------------------------------------


def test_done_on_a_ghosted_suggestion_moves_the_application_and_marks_the_action(
    recorder: Recorder, store: Store
) -> None:
    application = recorder.add_application("Acme", "Engineer", on=date(2026, 1, 5))
    action = Action(
        key=f"ghosted:{application.id.hex}",
        kind=ActionKind.GHOSTED,
        title="Mark Acme ghosted?",
        why="",
        application_id=application.id,
    )
    recorder.complete(action)
    search = store.load()
    assert search.applications[0].stage is Stage.GHOSTED
    assert [(m.key, m.mark, m.day) for m in search.action_marks] == [(action.key, Mark.DONE, date(2026, 3, 15))]


def test_done_logs_the_activity_for_the_action_and_snooze_keeps_the_day_it_returns(
    recorder: Recorder, store: Store
) -> None:
    contact = recorder.add_contact("Sam Lee")
    action = Action(
        key=f"reconnect:{contact.id.hex}:2026-03-15",
        kind=ActionKind.RECONNECT,
        title="Reconnect with Sam Lee",
        why="",
        contact_id=contact.id,
        logs=ActivityKind.NETWORK,
    )
    recorder.complete(action)
    recorder.snooze(action, date(2026, 3, 18))
    search = store.load()
    [activity] = search.activities
    assert (activity.kind, activity.contact_id, activity.note) == (ActivityKind.NETWORK, contact.id, action.title)
    assert [(m.mark, m.until) for m in search.action_marks] == [(Mark.DONE, None), (Mark.SNOOZED, date(2026, 3, 18))]


def test_a_move_to_rejected_keeps_its_reason_in_the_same_write(recorder: Recorder, store: Store) -> None:
    application = recorder.add_application("Acme", "Engineer", on=date(2026, 3, 1))
    recorder.move_stage(application.id, Stage.REJECTED, reason=RejectionReason.FIT)
    [rejected] = store.load().applications
    assert (rejected.stage, rejected.rejection_reason) == (Stage.REJECTED, RejectionReason.FIT)
    assert rejected.moved_to(Stage.REJECTED) is not None


def test_a_saved_job_counts_for_nothing_until_sending_it_is_marked_done(recorder: Recorder, store: Store) -> None:
    saved = recorder.add_application("Acme", "Engineer", on=date(2026, 3, 10), saved=True)
    search = store.load()
    assert (saved.stage, saved.applied_on, search.activities) == (Stage.SAVED, None, ())
    [send] = [a for a in todays_actions(search, search.settings, date(2026, 3, 15)) if a.kind is ActionKind.SEND]
    assert send.why.startswith("saved 5 days ago")
    recorder.complete(send)
    search = store.load()
    [sent] = search.applications
    assert (sent.stage, sent.applied_on) == (Stage.APPLIED, date(2026, 3, 15))
    assert [(a.kind, a.logical_day) for a in search.activities] == [(ActivityKind.APPLY, date(2026, 3, 15))]
    assert not [a for a in todays_actions(search, search.settings, date(2026, 3, 15)) if a.kind is ActionKind.SEND]


def test_note_wins_hears_the_wins_a_change_adds_by_itself_once_after_it_is_saved(store: Store, clock) -> None:
    heard: list[list[str]] = []
    recorder = Recorder(store, clock, note_wins=lambda wins: heard.append([w.text for w in wins]))
    application = recorder.add_application("Quill Labs", "Data Engineer", on=date(2026, 3, 1))
    recorder.add_win("Shipped the data catalogue: 40 teams use it")  # by hand: the person knows already
    assert heard == []
    recorder.move_stage(application.id, Stage.INTERVIEWING, final=True)
    assert heard == [
        ["Landed an interview at Quill Labs (Data Engineer)", "Reached the final round at Quill Labs (Data Engineer)"]
    ]
    recorder.log(ActivityKind.PREP)
    assert len(heard) == 1
