"""Recording changes: what each one does to the records beyond the plain write."""

from __future__ import annotations

import errno
from datetime import date

import pytest

from tui.core.actions import ActionKind, todays_actions
from tui.core.models import ActivityKind, Stage
from tui.recording import Recorder, RestRefused
from tui.store import Store, StoreError, files


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
