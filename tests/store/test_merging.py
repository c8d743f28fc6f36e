"""Merging two copies of one database: the rule on hand-written cases, and its algebra on random diverged copies."""

from __future__ import annotations

import json
import shutil
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from tests.support.clock import FIXED_NOW, FakeClock
from tui.core.actions import todays_actions
from tui.core.insights import build_insights
from tui.core.models import ActivityKind, Application, Settings, Stage
from tui.core.search import JobSearch
from tui.core.streaks import track
from tui.recording import MoveRefused, Recorder, RestRefused
from tui.store import CorruptDatabase, NewerDatabase, Store, StoreError, UndoRefused, migrations, reading
from tui.store.merging import COMBINED_FIELDS, Outcome, by_id, merge, merge_file, read_other_copy

FIXTURES = Path(__file__).parent / "fixtures"
SUNDAY = FIXED_NOW.date()


def raw_of(path: Path) -> dict[str, Any]:
    return migrations.migrate(reading.parse(path, path.read_bytes()))


def search_of(raw: dict[str, Any]) -> JobSearch:
    return reading.to_search(Path("merged.json"), raw, lambda: Settings(created_at=FIXED_NOW, updated_at=FIXED_NOW))


def copy_of(source: Path, folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / "nextyes.json"
    shutil.copyfile(source, target)
    return target


@pytest.fixture
def base(tmp_path: Path) -> tuple[Path, Application, Application]:
    """A fortnight-old search on one machine, before it is copied to a second: two applications, some days logged."""
    clock = FakeClock(FIXED_NOW - timedelta(days=3))
    recorder = Recorder(Store(tmp_path / "base" / "nextyes.json", clock), clock)
    hooli = recorder.add_application("Hooli", "Site Reliability Engineer", on=SUNDAY - timedelta(days=12))
    acme = recorder.add_application("Acme", "Data Engineer", on=SUNDAY - timedelta(days=8))
    recorder.log(ActivityKind.NETWORK, "coffee with Dana", on=SUNDAY - timedelta(days=4))
    return recorder.store.path, hooli, acme


def machine(base_file: Path, folder: Path, start: datetime) -> Recorder:
    """A second machine's copy of `base_file`, with a clock of its own starting at `start`."""
    clock = FakeClock(start)
    return Recorder(Store(copy_of(base_file, folder), clock), clock)


# --- The rule, case by case -----------------------------------------------------------------------------------


def test_records_new_on_either_side_all_come_in_and_are_counted(base, tmp_path: Path) -> None:
    base_file, _, _ = base
    laptop = machine(base_file, tmp_path / "laptop", FIXED_NOW)
    desktop = machine(base_file, tmp_path / "desktop", FIXED_NOW + timedelta(minutes=5))
    laptop.log(ActivityKind.LEARN, "SQL window functions")
    desktop.add_application("Initech", "Platform Engineer")
    desktop.add_contact("Sam Lee", company="Initech")

    report = merge_file(laptop.store, desktop.store.path)

    search = laptop.store.load()
    assert {a.company for a in search.applications} == {"Hooli", "Acme", "Initech"}
    assert [c.name for c in search.contacts] == ["Sam Lee"]
    assert {a.note for a in search.activities} >= {"SQL window functions", "coffee with Dana"}
    assert report.added() == {"applications": 1, "activities": 1, "contacts": 1}
    assert report.lines()[:2] == ["Merged 3 changes from nextyes.json.", "New: 1 application, 1 activity, 1 contact."]


def test_the_later_edit_of_a_record_wins_and_the_other_version_is_kept_in_the_backups(base, tmp_path: Path) -> None:
    base_file, hooli, _ = base
    laptop = machine(base_file, tmp_path / "laptop", FIXED_NOW)
    desktop = machine(base_file, tmp_path / "desktop", FIXED_NOW + timedelta(minutes=5))
    laptop.edit(Application, hooli.id, notes="asked Dana about the team")
    desktop.edit(Application, hooli.id, notes="recruiter called back")  # later
    laptop_before = tmp_path / "laptop-before.json"
    shutil.copyfile(laptop.store.path, laptop_before)

    report = merge_file(laptop.store, desktop.store.path)

    assert laptop.store.load().application(hooli.id).notes == "recruiter called back"
    assert [(c.label, c.outcome) for c in report.records] == [("Hooli (Site Reliability Engineer)", Outcome.TAKEN)]
    # this copy's version was replaced: it is in the file as it was before the merge
    previous = json.loads((laptop.store.file.parent / "nextyes.json.backups" / "nextyes.previous.json").read_text())
    assert "asked Dana about the team" in json.dumps(previous)

    back = merge_file(desktop.store, laptop_before)  # the other way: the desktop's own later edit stays
    assert back.changes == 0
    assert [c.outcome for c in back.records] == [Outcome.KEPT]
    assert back.not_kept is not None and "asked Dana about the team" in back.not_kept.read_text()
    assert back.not_kept.parent.name == "nextyes.json.backups"


def test_stage_moves_made_on_both_machines_are_all_kept_and_the_stage_follows_the_latest(base, tmp_path) -> None:
    base_file, hooli, _ = base
    laptop = machine(base_file, tmp_path / "laptop", FIXED_NOW)
    desktop = machine(base_file, tmp_path / "desktop", FIXED_NOW + timedelta(minutes=5))
    laptop.move_stage(hooli.id, Stage.SCREENING)
    desktop.edit(Application, hooli.id, notes="prepare the system design round")  # later, but knows no move

    report = merge_file(desktop.store, laptop.store.path)

    merged = desktop.store.load().application(hooli.id)
    assert [move.stage for move in merged.stage_history] == [Stage.APPLIED, Stage.SCREENING]
    assert merged.stage is Stage.SCREENING
    assert merged.notes == "prepare the system design round"
    assert [c.outcome for c in report.records if c.table == "applications"] == [Outcome.COMBINED]


def test_a_delete_newer_than_the_other_copys_edit_wins(base, tmp_path: Path) -> None:
    base_file, _, acme = base
    laptop = machine(base_file, tmp_path / "laptop", FIXED_NOW)
    desktop = machine(base_file, tmp_path / "desktop", FIXED_NOW + timedelta(minutes=5))
    laptop.edit(Application, acme.id, notes="sent the portfolio")
    desktop.delete(Application, acme.id)  # later
    laptop_before = tmp_path / "laptop-before.json"
    shutil.copyfile(laptop.store.path, laptop_before)

    report = merge_file(laptop.store, desktop.store.path)

    assert laptop.store.load().application(acme.id) is None
    assert [c.label for c in report.of(Outcome.DELETED)] == ["Acme (Data Engineer)"]
    again = merge_file(desktop.store, laptop_before)
    assert [c.outcome for c in again.records] == [Outcome.STAYED_DELETED]
    assert desktop.store.load().application(acme.id) is None
    assert again.not_kept is not None and "sent the portfolio" in again.not_kept.read_text()


def test_an_edit_made_after_the_other_copys_delete_stands_and_is_reported(base, tmp_path: Path) -> None:
    base_file, _, acme = base
    laptop = machine(base_file, tmp_path / "laptop", FIXED_NOW)
    desktop = machine(base_file, tmp_path / "desktop", FIXED_NOW + timedelta(minutes=5))
    laptop.delete(Application, acme.id)
    desktop.edit(Application, acme.id, notes="they wrote back!")  # later
    other_way = merge(raw_of(desktop.store.path), raw_of(laptop.store.path))

    report = merge_file(laptop.store, desktop.store.path)

    assert laptop.store.load().application(acme.id).notes == "they wrote back!"
    assert [c.label for c in report.of(Outcome.BACK)] == ["Acme (Data Engineer)"]
    assert any("the change stands, it is back" in line for line in report.lines())
    assert [c.outcome for c in other_way.report.records if c.table == "applications"] == [Outcome.CHANGED_AFTER_DELETE]


def test_two_reflections_for_one_day_are_both_kept_and_reported(base, tmp_path: Path) -> None:
    base_file, _, _ = base
    laptop = machine(base_file, tmp_path / "laptop", FIXED_NOW)
    desktop = machine(base_file, tmp_path / "desktop", FIXED_NOW + timedelta(minutes=5))
    laptop.write_reflection(SUNDAY, "What gave you energy?", "The coffee with Dana.")
    desktop.write_reflection(SUNDAY, "What gave you energy?", "Finishing the take-home.")

    report = merge_file(laptop.store, desktop.store.path)

    texts = sorted(r.text for r in laptop.store.load().reflections)
    assert texts == ["Finishing the take-home.", "The coffee with Dana."]
    assert report.same_day_reflections == ("Sun 15 Mar 2026",)
    assert "Two reflections for Sun 15 Mar 2026, one from each copy" in "\n".join(report.lines())


def test_the_later_settings_win_whatever_their_id(tmp_path: Path) -> None:
    laptop_clock, desktop_clock = FakeClock(FIXED_NOW), FakeClock(FIXED_NOW + timedelta(hours=1))
    laptop = Recorder(Store(tmp_path / "laptop" / "nextyes.json", laptop_clock), laptop_clock)
    desktop = Recorder(Store(tmp_path / "desktop" / "nextyes.json", desktop_clock), desktop_clock)
    laptop.update_settings(daily_target=2.0)
    desktop.update_settings(daily_target=3.0, your_name="Dana")

    report = merge_file(laptop.store, desktop.store.path)

    assert (laptop.store.load().settings.daily_target, laptop.store.load().settings.your_name) == (3.0, "Dana")
    assert report.settings == "the other copy's, changed later"
    assert len(raw_of(laptop.store.path)["settings"]) == 1


def test_a_dry_run_says_what_would_come_in_and_writes_nothing(base, tmp_path: Path) -> None:
    base_file, _, _ = base
    laptop = machine(base_file, tmp_path / "laptop", FIXED_NOW)
    desktop = machine(base_file, tmp_path / "desktop", FIXED_NOW)
    desktop.log(ActivityKind.APPLY, "sent three applications")
    before = laptop.store.path.read_bytes()

    report = merge_file(laptop.store, desktop.store.path, dry_run=True)

    assert report.lines(dry_run=True)[0] == "Would merge 1 change from nextyes.json."
    assert laptop.store.path.read_bytes() == before
    assert not (laptop.store.file.parent / "nextyes.json.backups").exists()


def test_a_merge_is_one_change_that_undo_takes_back(base, tmp_path: Path) -> None:
    base_file, hooli, _ = base
    laptop = machine(base_file, tmp_path / "laptop", FIXED_NOW)
    desktop = machine(base_file, tmp_path / "desktop", FIXED_NOW + timedelta(minutes=1))
    desktop.move_stage(hooli.id, Stage.INTERVIEWING)
    desktop.add_contact("Sam Lee")
    before = laptop.store.load()

    merge_file(laptop.store, desktop.store.path)
    assert laptop.store.history()[0].summary == "merged 4 changes from nextyes.json"
    assert laptop.undo() == "merged 4 changes from nextyes.json"

    after = laptop.store.load()
    assert after.application(hooli.id).stage is Stage.APPLIED
    assert after.contacts == () and len(after.activities) == len(before.activities)


def test_an_older_schema_is_upgraded_before_the_merge(tmp_path: Path, store: Store, recorder: Recorder) -> None:
    recorder.log(ActivityKind.LEARN, "Kubernetes networking")
    old = tmp_path / "old.json"
    shutil.copyfile(FIXTURES / "schema-1.json", old)
    old_search = reading.read_search(old, old.read_bytes(), store.default_settings)

    report = merge_file(store, old)

    assert report.changes >= len(old_search.applications)
    assert {a.id for a in old_search.applications} <= {a.id for a in store.load().applications}
    assert old.read_bytes() == (FIXTURES / "schema-1.json").read_bytes()  # the other copy is only read


@pytest.mark.parametrize(
    ("content", "refusal", "problem"),
    [
        (b'{"_meta": {"1": {"schema_version": 99}}}', NewerDatabase, "was written by a newer nextyes"),
        (b'{"_meta": {"1": {"schema_version": 5}}, "applications": {"1": {"id": 3', CorruptDatabase, "not valid JSON"),
        (b"", CorruptDatabase, "is empty"),
        (
            b'{"_meta": {"1": {"schema_version": 5}}, "applications": {"1": {"company": ""}}}',
            CorruptDatabase,
            "validate",
        ),
    ],
)
def test_a_copy_that_cannot_be_merged_is_refused_naming_it_and_nothing_changes(
    tmp_path: Path, store: Store, recorder: Recorder, content: bytes, refusal: type[StoreError], problem: str
) -> None:
    recorder.log(ActivityKind.LEARN, "Kubernetes networking")
    before = store.path.read_bytes()
    other = tmp_path / "other.json"
    other.write_bytes(content)

    with pytest.raises(refusal) as refused:
        merge_file(store, other)

    assert refused.value.path == other
    assert str(refused.value).startswith(f"{other}: cannot be merged: it ")
    assert problem in str(refused.value)
    assert store.path.read_bytes() == before
    assert other.read_bytes() == content


# --- The algebra, on random diverged copies ----------------------------------------------------------------------

STAGES = [Stage.SCREENING, Stage.INTERVIEWING, Stage.OFFER, Stage.REJECTED, Stage.GHOSTED]
KINDS = [ActivityKind.APPLY, ActivityKind.NETWORK, ActivityKind.LEARN, ActivityKind.FOLLOW_UP]
ADDITIVE = ("log", "add", "contact")

change = st.one_of(
    st.tuples(st.just("log"), st.sampled_from(KINDS), st.integers(0, 6)),
    st.tuples(st.just("add"), st.sampled_from(["Initech", "Globex", "Umbrella"]), st.integers(0, 6)),
    st.tuples(st.just("contact"), st.sampled_from(["Sam Lee", "Priya Shah"]), st.integers(0, 0)),
    st.tuples(st.just("move"), st.sampled_from(STAGES), st.integers(0, 1)),
    st.tuples(st.just("notes"), st.sampled_from(["called back", "sent portfolio"]), st.integers(0, 1)),
    st.tuples(st.just("delete"), st.just(""), st.integers(0, 1)),
    st.tuples(st.just("reflect"), st.sampled_from(["calm", "tired but glad"]), st.integers(0, 2)),
    st.tuples(st.just("target"), st.sampled_from([1.0, 2.0, 2.5]), st.integers(0, 0)),
    st.tuples(st.just("undo"), st.just(""), st.integers(0, 0)),
)
changes = st.lists(change, min_size=1, max_size=4)


@dataclass
class Copies:
    """A base database and copies of it changed on different machines; each copy as parsed from its file."""

    base: Path
    files: list[Path]
    older: list[Path]  # each copy as it was after its first change: an older backup of it

    def raw(self, index: int) -> dict[str, Any]:
        return raw_of(self.files[index])


def apply_change(recorder: Recorder, step: tuple[str, Any, int], applications: list[Application]) -> None:
    what, value, number = step
    day = SUNDAY - timedelta(days=number)
    try:
        match what:
            case "log":
                recorder.log(value, f"{value.value} {number}", on=day)
            case "add":
                recorder.add_application(value, "Engineer", on=day)
            case "contact":
                recorder.add_contact(value)
            case "move":
                recorder.move_stage(applications[number].id, value)
            case "notes":
                recorder.edit(Application, applications[number].id, notes=value)
            case "delete":
                recorder.delete(Application, applications[number].id)
            case "reflect":
                recorder.write_reflection(day, "How did today go?", value)
            case "target":
                recorder.update_settings(daily_target=value)
            case "undo":
                recorder.undo()
    except (KeyError, MoveRefused, RestRefused, UndoRefused):
        pass  # a change the copy's own state refuses (a deleted application, nothing to undo): none made
    recorder.now.advance(minutes=7)  # type: ignore[attr-defined]


def diverge(folder: Path, plans: list[list[tuple[str, Any, int]]]) -> Copies:
    clock = FakeClock(FIXED_NOW - timedelta(days=2))
    base = Recorder(Store(folder / "base" / "nextyes.json", clock), clock)
    applications = [
        base.add_application("Hooli", "Site Reliability Engineer", on=SUNDAY - timedelta(days=12)),
        base.add_application("Acme", "Data Engineer", on=SUNDAY - timedelta(days=8)),
    ]
    base.log(ActivityKind.NETWORK, "coffee with Dana", on=SUNDAY - timedelta(days=4))
    files, older = [], []
    for index, plan in enumerate(plans):
        # each machine's clock a few seconds apart, so two machines' changes interleave
        recorder = machine(base.store.path, folder / f"machine-{index}", FIXED_NOW + timedelta(seconds=3 * index))
        for number, step in enumerate(plan):
            apply_change(recorder, step, applications)
            if number == 0:
                older.append(folder / f"older-{index}.json")
                shutil.copyfile(recorder.store.path, older[-1])
        files.append(recorder.store.path)
    return Copies(base.store.path, files, older)


PROPERTIES = hypothesis_settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow]
)


@PROPERTIES
@given(plans=st.lists(changes, min_size=2, max_size=2))
def test_merge_is_commutative_and_idempotent_and_loses_nothing(tmp_path_factory, plans) -> None:
    copies = diverge(tmp_path_factory.mktemp("pair"), plans)
    first, second = copies.raw(0), copies.raw(1)

    one_way, other_way = merge(first, second), merge(second, first)
    assert by_id(one_way.raw) == by_id(other_way.raw)  # A into B equals B into A, record for record
    search_of(one_way.raw)  # every record still validates

    assert merge(one_way.raw, second).put == {}  # merging again changes nothing
    assert merge(one_way.raw, first).put == {}
    assert merge(one_way.raw, one_way.raw).put == {}
    assert merge(first, first).put == {}
    # a copy merged with an older backup of itself loses nothing newer: each record keeps its version, an
    # application every stage move it had (a move undone since can come back from the older copy, as the README
    # says: the copies carry no mark of a move taken back)
    with_backup = by_id(merge(first, raw_of(copies.older[0])).raw)
    for table, documents in by_id(first).items():
        for identity, document in documents.items():
            kept = with_backup[table][identity]
            combined = COMBINED_FIELDS.get(table, frozenset())
            assert {k: v for k, v in kept.items() if k not in combined} == {
                k: v for k, v in document.items() if k not in combined
            }
            if table == "applications":
                assert all(move in kept["stage_history"] for move in document["stage_history"])
    # every record either copy holds is in the result, in a version no older than that copy's
    for table, documents in by_id(one_way.raw).items():
        for source in (first, second):
            for identity, document in by_id(source)[table].items():
                assert datetime.fromisoformat(documents[identity]["updated_at"]) >= datetime.fromisoformat(
                    document["updated_at"]
                )


@PROPERTIES
@given(plans=st.lists(changes, min_size=3, max_size=3))
def test_merge_is_associative(tmp_path_factory, plans) -> None:
    copies = diverge(tmp_path_factory.mktemp("triple"), plans)
    a, b, c = copies.raw(0), copies.raw(1), copies.raw(2)

    left = merge(merge(a, b).raw, c).raw
    right = merge(a, merge(b, c).raw).raw
    assert by_id(left) == by_id(right)
    assert by_id(merge(merge(a, c).raw, b).raw) == by_id(left)


additive_change = st.one_of(
    st.tuples(st.just("log"), st.sampled_from(KINDS), st.integers(0, 6)),
    st.tuples(st.just("add"), st.sampled_from(["Initech", "Globex", "Umbrella"]), st.integers(0, 6)),
    st.tuples(st.just("contact"), st.sampled_from(["Sam Lee", "Priya Shah"]), st.integers(0, 0)),
)


def seen_by_a_person(search: JobSearch) -> tuple[object, ...]:
    """The streak, today's actions and the insights: what a person sees, ids aside."""
    history = track(search, SUNDAY)
    days = tuple((day.day, day.state, day.points) for day in history.days)
    actions = sorted(action.title for action in todays_actions(search, search.settings, SUNDAY))
    insights = build_insights(search, SUNDAY)
    return days, history.current, history.longest, round(history.momentum, 9), actions, repr(insights.funnel)


@PROPERTIES
@given(plans=st.lists(st.lists(additive_change, min_size=1, max_size=4), min_size=2, max_size=2))
def test_streak_actions_and_insights_of_a_merge_equal_those_of_every_change_made_on_one_copy(
    tmp_path_factory, plans
) -> None:
    folder = tmp_path_factory.mktemp("union")
    copies = diverge(folder, plans)
    merged = search_of(merge(copies.raw(0), copies.raw(1)).raw)

    # the same changes, all made one after the other on a single copy of the base
    union = machine(copies.base, folder / "union", FIXED_NOW)
    hooli_acme = sorted(
        Store(copies.base, union.now).load().applications, key=lambda application: application.company != "Hooli"
    )
    for plan in plans:
        for step in plan:
            apply_change(union, step, hooli_acme)

    assert seen_by_a_person(merged) == seen_by_a_person(union.store.load())


def test_the_merged_file_through_the_store_equals_the_pure_merge(base, tmp_path: Path) -> None:
    base_file, hooli, acme = base
    laptop = machine(base_file, tmp_path / "laptop", FIXED_NOW)
    desktop = machine(base_file, tmp_path / "desktop", FIXED_NOW + timedelta(minutes=5))
    laptop.move_stage(hooli.id, Stage.SCREENING)
    laptop.delete(Application, acme.id)
    desktop.move_stage(hooli.id, Stage.INTERVIEWING)
    desktop.write_reflection(SUNDAY, "How did today go?", "good")
    expected = merge(raw_of(laptop.store.path), raw_of(desktop.store.path)).raw

    merge_file(laptop.store, desktop.store.path)

    written = raw_of(laptop.store.path)
    assert by_id(written) == by_id(expected)
    # the store's own view of its write is a fresh read's (the unsaved default settings aside)
    assert replace(laptop.store.load(), settings=None) == replace(search_of(written), settings=None)


def test_read_other_copy_never_changes_the_file(tmp_path: Path, store: Store) -> None:
    old = tmp_path / "old.json"
    shutil.copyfile(FIXTURES / "schema-3.json", old)
    raw = read_other_copy(old, store.default_settings)
    assert migrations.schema_version(raw) == migrations.SCHEMA_VERSION
    assert old.read_bytes() == (FIXTURES / "schema-3.json").read_bytes()
