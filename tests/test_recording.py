"""Recording changes: what each one does to the records beyond the plain write."""

from __future__ import annotations

from datetime import date

from tui.core.actions import ActionKind, todays_actions
from tui.core.models import Stage
from tui.recording import Recorder
from tui.store import Store


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
