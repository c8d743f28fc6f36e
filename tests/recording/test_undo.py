"""Undo, redo, edits and deletes: what a person sees after any sequence of changes, taken back and made again."""

from __future__ import annotations

import json
import uuid
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from tests.support.clock import FakeClock
from tui.core.models import (
    Activity,
    ActivityKind,
    Application,
    Contact,
    Interview,
    LearningGoal,
    Record,
    Reflection,
    Stage,
)
from tui.core.search import JobSearch
from tui.core.streaks import track
from tui.exchange.json_format import export_json
from tui.recording import Recorder
from tui.store import Store, UndoRefused, history

TABLES = ("applications", "activities", "reflections", "rest_days", "interviews", "contacts", "learning_goals", "wins")


def seen(search: JobSearch) -> dict[str, Any]:
    """What a person can see of the records: every field but `updated_at` (an undo stamps it afresh, so a merge
    knows the undo is the newer change); the settings' values but not their id (unsaved settings get a new one)."""
    visible: dict[str, Any] = {
        name: {record.id: record.model_dump(exclude={"updated_at"}) for record in getattr(search, name)}
        for name in TABLES
    }
    visible["settings"] = search.settings.model_dump(exclude={"id", "created_at", "updated_at"})
    return visible


def on_disk(path: Path) -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return loaded


# --- A change, taken back, and made again ----------------------------------------------------------------


def test_undo_takes_back_the_latest_change_and_says_what_it_was(recorder: Recorder, store: Store) -> None:
    acme = recorder.add_application("Acme", "Data Engineer", on=date(2026, 3, 10))
    before = seen(store.load())
    recorder.edit(Application, acme.id, company="Acme Corp", notes="met Dana at the meetup")

    assert recorder.undo() == "corrected the company and notes of Acme (Data Engineer)"
    assert seen(store.load()) == before
    assert recorder.redo() == "corrected the company and notes of Acme (Data Engineer)"
    assert store.load().applications[0].company == "Acme Corp"


def test_undoing_an_addition_leaves_a_tombstone_that_no_read_shows(recorder: Recorder, store: Store) -> None:
    acme = recorder.add_application("Acme", "Data Engineer")
    assert recorder.undo() == "added Acme (Data Engineer)"

    search = store.load()
    assert search.applications == () and search.activities == ()
    [kept] = on_disk(store.path)["applications"].values()
    assert kept["id"] == str(acme.id) and kept["deleted_at"] is not None  # a merge cannot bring it back


def test_an_undo_stamps_the_records_it_restores_as_changed_now(
    recorder: Recorder, store: Store, clock: FakeClock
) -> None:
    acme = recorder.add_application("Acme", "Data Engineer")
    recorder.edit(Application, acme.id, role="Staff Data Engineer")
    clock.advance(hours=2)
    recorder.undo()
    [restored] = store.load().applications
    assert restored.role == "Data Engineer"
    assert restored.updated_at == clock()


def test_several_undos_go_several_steps_back_and_a_new_change_ends_redo(recorder: Recorder, store: Store) -> None:
    recorder.add_application("Acme", "Data Engineer")
    recorder.log(ActivityKind.NETWORK, "coffee with Dana")
    recorder.log(ActivityKind.LEARN, "window functions")
    assert recorder.undo() == "logged learn: window functions"
    assert recorder.undo() == "logged network: coffee with Dana"
    assert [a.kind for a in store.load().activities] == [ActivityKind.APPLY]

    recorder.log(ActivityKind.PREP, "mock interview")
    with pytest.raises(UndoRefused, match="there is nothing to redo"):
        recorder.redo()
    assert [entry.summary for entry in recorder.history()][:2] == [
        "logged prep: mock interview",
        "added Acme (Data Engineer)",
    ]


def test_there_is_nothing_to_undo_in_a_new_database_and_nothing_is_written(recorder: Recorder, store: Store) -> None:
    with pytest.raises(UndoRefused, match="there is nothing to undo"):
        recorder.undo()
    with pytest.raises(UndoRefused, match="there is nothing to redo"):
        recorder.redo()
    assert not store.path.exists()


def test_an_undo_from_another_process_takes_back_the_shells_change(db_path: Path, clock: FakeClock) -> None:
    shell = Recorder(Store(db_path, clock), clock)
    app = Recorder(Store(db_path, clock), clock, source="app")
    app.add_application("Acme", "Data Engineer")
    shell.log(ActivityKind.NETWORK, "coffee with Dana")

    assert app.undo() == "logged network: coffee with Dana"
    [newest, older] = shell.history()
    assert (newest.summary, newest.source, newest.undone) == ("logged network: coffee with Dana", "shell", True)
    assert (older.summary, older.source, older.undone) == ("added Acme (Data Engineer)", "app", False)


def test_an_undo_refuses_when_a_record_was_changed_behind_the_history(recorder: Recorder, store: Store) -> None:
    recorder.add_application("Acme", "Data Engineer")
    raw = on_disk(store.path)
    raw["applications"]["1"]["notes"] = "typed into the file by hand"
    store.path.write_text(json.dumps(raw), encoding="utf-8")
    written = store.path.read_bytes()

    with pytest.raises(UndoRefused, match="changed since by something the history does not know"):
        recorder.undo()
    assert store.path.read_bytes() == written


def test_a_large_import_is_kept_in_words_and_points_to_the_backup(recorder: Recorder, store: Store, clock) -> None:
    recorder.add_application("Acme", "Data Engineer")
    many = [
        Contact(name=f"Person {n}", created_at=clock(), updated_at=clock()) for n in range(history.MOST_CHANGES + 1)
    ]
    with store.transaction() as tx:
        tx.add_all(many)
    newest = recorder.history()[0]
    assert (newest.records, newest.undoable) == (history.MOST_CHANGES + 1, False)
    with pytest.raises(UndoRefused, match="too many to undo one by one; 'nextyes backup restore'"):
        recorder.undo()


def test_the_history_keeps_the_latest_entries_only(recorder: Recorder, store: Store, monkeypatch) -> None:
    monkeypatch.setattr(history, "MOST_ENTRIES", 3)
    for n in range(5):
        recorder.log(ActivityKind.LEARN, f"lesson {n}")
    assert [entry.summary for entry in recorder.history()] == [f"logged learn: lesson {n}" for n in (4, 3, 2)]


def test_a_damaged_history_is_started_afresh_and_the_records_stay(recorder: Recorder, store: Store) -> None:
    recorder.add_application("Acme", "Data Engineer")
    raw = on_disk(store.path)
    raw["_history"] = {"1": {"done": "not a list"}}
    store.path.write_text(json.dumps(raw), encoding="utf-8")

    assert recorder.history() == []
    with pytest.raises(UndoRefused, match="nothing to undo"):
        recorder.undo()
    recorder.log(ActivityKind.LEARN, "sql")
    assert [entry.summary for entry in recorder.history()] == ["logged learn: sql"]
    assert len(store.load().applications) == 1


# --- Deletes ---------------------------------------------------------------------------------------------


def test_deleting_an_application_takes_its_interviews_and_leaves_its_work_in_the_streak(
    recorder: Recorder, store: Store, clock: FakeClock
) -> None:
    acme = recorder.add_application("Acme", "Data Engineer", on=date(2026, 3, 14))
    recorder.schedule_interview(acme.id, clock() + timedelta(days=3))
    gone = recorder.delete(Application, acme.id)

    assert {type(record) for record in gone} == {Application, Interview}
    search = store.load()
    assert search.applications == () and search.interviews == ()
    assert [(a.kind, a.logical_day) for a in search.activities] == [  # the days' work was done
        (ActivityKind.APPLY, date(2026, 3, 14)),
        (ActivityKind.INTERVIEW, date(2026, 3, 15)),
    ]
    assert recorder.history()[0].summary == "deleted Acme (Data Engineer)"


def test_a_deleted_activity_leaves_its_days_points(recorder: Recorder, store: Store) -> None:
    activity = recorder.log(ActivityKind.APPLY, "sent to Acme")
    today = date(2026, 3, 15)
    assert track(store.load(), today, "UTC").points_today == 1
    recorder.delete(Activity, activity.id)
    assert track(store.load(), today, "UTC").points_today == 0
    recorder.undo()
    assert track(store.load(), today, "UTC").points_today == 1


def test_a_deleted_record_is_in_no_export_and_cannot_be_edited(recorder: Recorder, store: Store, clock) -> None:
    goal = recorder.add_learning_goals(["SQL window functions"])[0]
    recorder.delete(LearningGoal, goal.id)
    assert "SQL window functions" not in export_json(store.load(), clock())
    with pytest.raises(KeyError):
        recorder.edit(LearningGoal, goal.id, text="again")


def test_editing_the_applied_day_moves_the_apply_activity(recorder: Recorder, store: Store) -> None:
    acme = recorder.add_application("Acme", "Data Engineer", on=date(2026, 3, 15))
    recorder.edit(Application, acme.id, applied_on=date(2026, 3, 10))
    [apply] = store.load().activities
    assert apply.logical_day == date(2026, 3, 10)


def test_an_edit_that_changes_nothing_is_not_kept_in_the_history(recorder: Recorder) -> None:
    acme = recorder.add_application("Acme", "Data Engineer")
    recorder.edit(Application, acme.id, company="Acme")
    assert [entry.summary for entry in recorder.history()] == ["added Acme (Data Engineer)"]


# --- Properties: any sequence of changes ------------------------------------------------------------------

STEPS = st.lists(
    st.one_of(
        st.tuples(st.just("add"), st.sampled_from(["Acme", "Quill", "Northwind"])),
        st.tuples(st.just("log"), st.sampled_from(list(ActivityKind))),
        st.tuples(st.just("move"), st.sampled_from([Stage.SCREENING, Stage.REJECTED, Stage.GHOSTED, Stage.OFFER])),
        st.tuples(st.just("edit"), st.text(alphabet="abcxyz ", min_size=1, max_size=8)),
        st.tuples(st.just("delete"), st.sampled_from(["applications", "activities", "contacts", "learning_goals"])),
        st.tuples(st.just("contact"), st.sampled_from(["Dana", "Sam"])),
        st.tuples(st.just("goals"), st.integers(min_value=1, max_value=3)),
        st.tuples(st.just("reflect"), st.text(alphabet="abc ", min_size=1, max_size=8)),
        st.tuples(st.just("rest"), st.integers(min_value=1, max_value=6)),
        st.tuples(st.just("settings"), st.sampled_from([1.0, 1.5, 2.0])),
        st.tuples(st.just("undo"), st.none()),
        st.tuples(st.just("redo"), st.none()),
    ),
    max_size=12,
)

PICK = {"applications": Application, "activities": Activity, "contacts": Contact, "learning_goals": LearningGoal}


def apply(recorder: Recorder, store: Store, clock: FakeClock, step: tuple[str, Any]) -> bool:
    """Make one change; False when it was refused (nothing to move, to undo…), which changes nothing."""
    clock.advance(minutes=7)
    what, value = step
    search = store.load()
    try:
        if what == "add":
            recorder.add_application(value, "Engineer")
        elif what == "log":
            recorder.log(value, "did it")
        elif what == "move" and search.applications:
            recorder.move_stage(search.applications[-1].id, value)
        elif what == "edit" and search.applications:
            recorder.edit(Application, search.applications[0].id, notes=value)
        elif what == "delete" and (records := getattr(search, value)):
            recorder.delete(PICK[value], records[-1].id)
        elif what == "contact":
            recorder.add_contact(value)
        elif what == "goals":
            recorder.add_learning_goals([f"skill {n}" for n in range(value)])
        elif what == "reflect":
            recorder.write_reflection(date(2026, 3, 15), "How did today go?", value)
        elif what == "rest":
            recorder.plan_rest(date(2026, 3, 15) + timedelta(days=value))
        elif what == "settings":
            recorder.update_settings(daily_target=value)
        elif what == "undo":
            recorder.undo()
        elif what == "redo":
            recorder.redo()
        else:
            return False
    except (UndoRefused, ValueError):
        return False
    return True


SLOW = hypothesis_settings(max_examples=40, suppress_health_check=[HealthCheck.function_scoped_fixture])


@SLOW
@given(steps=STEPS)
def test_undoing_every_change_goes_back_through_each_state_and_redo_comes_forward(
    tmp_path: Path, steps: list[tuple[str, Any]]
) -> None:
    clock = FakeClock()
    store = Store(tmp_path / f"{uuid.uuid4().hex}.json", clock)
    recorder = Recorder(store, clock)
    states = [seen(store.load())]
    for step in steps:
        if step[0] in ("undo", "redo"):
            continue  # this property walks the history itself
        kept = len(recorder.history())
        if apply(recorder, store, clock, step) and len(recorder.history()) > kept:  # an edit may change nothing
            states.append(seen(store.load()))

    for state in reversed(states[:-1]):
        clock.advance(minutes=1)
        recorder.undo()
        assert seen(store.load()) == state
    with pytest.raises(UndoRefused):
        recorder.undo()
    for state in states[1:]:
        clock.advance(minutes=1)
        recorder.redo()
        assert seen(store.load()) == state


@SLOW
@given(steps=STEPS, table=st.sampled_from(sorted(PICK)))
def test_delete_then_undo_is_as_if_never_deleted_after_any_changes(
    tmp_path: Path, steps: list[tuple[str, Any]], table: str
) -> None:
    clock = FakeClock()
    store = Store(tmp_path / f"{uuid.uuid4().hex}.json", clock)
    recorder = Recorder(store, clock)
    for step in steps:
        apply(recorder, store, clock, step)
    records: tuple[Record, ...] = getattr(store.load(), table)
    if not records:
        return
    before = seen(store.load())
    gone = recorder.delete(PICK[table], records[0].id)
    after = store.load()
    for record in gone:  # tombstones never show
        assert all(kept.id != record.id for name in TABLES for kept in getattr(after, name))
        exported = json.loads(export_json(after, clock()))
        assert all(kept["id"] != str(record.id) for name in TABLES for kept in exported[name])
    recorder.undo()
    assert seen(store.load()) == before


@SLOW
@given(steps=STEPS)
def test_no_read_ever_shows_a_tombstone(tmp_path: Path, steps: list[tuple[str, Any]]) -> None:
    clock = FakeClock()
    store = Store(tmp_path / f"{uuid.uuid4().hex}.json", clock)
    recorder = Recorder(store, clock)
    for step in steps:
        apply(recorder, store, clock, step)
    fresh = Store(store.path, clock).load()
    assert all(record.deleted_at is None for name in TABLES for record in getattr(fresh, name))
    assert seen(fresh) == seen(store.load())  # the store's view after its writes is what a fresh read gives


def test_deleting_a_reflection_takes_the_points_for_writing_it(recorder: Recorder, store: Store) -> None:
    recorder.write_reflection(date(2026, 3, 15), "How did today go?", "steady")
    assert track(store.load(), date(2026, 3, 15), "UTC").points_today == 0.5
    [reflection] = store.load().reflections
    recorder.delete(Reflection, reflection.id)
    search = store.load()
    assert search.reflections == () and search.activities == ()
    assert track(search, date(2026, 3, 15), "UTC").points_today == 0
