"""The store keeps what it is given, refuses files it does not understand, and keeps daily backups."""

from __future__ import annotations

import gc
import json
import tempfile
import threading
import uuid
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from tests.support.clock import FakeClock
from tests.support.store_records import activity, application, fingerprint, on_disk, save, valid_database
from tui.core.models import Activity, ActivityKind, Application, Reflection, Settings, Stage
from tui.recording import Recorder
from tui.store import SCHEMA_VERSION, CorruptDatabase, NewerDatabase, Store, StoreError, database, reading
from tui.store.backups import backup_folder, list_backups
from tui.store.files import atomic_write, remove_debris, temp_name_pattern


def temp_files(folder: Path) -> list[Path]:
    return [p for p in folder.rglob("*") if p.name.endswith(".tmp")]


# --- Round trip -------------------------------------------------------------------------------------


def test_records_added_in_a_transaction_load_back_equal(store: Store, clock: FakeClock) -> None:
    job = application(clock)
    call = activity(clock, "coffee with a recruiter")
    reflection = Reflection(
        day=clock().date(),
        prompt="What went well?",
        text="Sent two applications",
        created_at=clock(),
        updated_at=clock(),
    )
    preferences = Settings(daily_target=3, rollover_hour=2, created_at=clock(), updated_at=clock())
    with store.transaction() as tx:
        tx.add(job)
        tx.add(call)
        tx.add(reflection)
        tx.save_settings(preferences)

    loaded = Store(store.path, clock).load()

    assert loaded.applications == (job,)
    assert loaded.activities == (call,)
    assert loaded.reflections == (reflection,)
    assert loaded.settings == preferences


def test_dates_are_iso_strings_on_disk_and_the_file_carries_its_schema_version(store: Store, clock: FakeClock) -> None:
    job = application(clock)
    save(store, job)

    raw = on_disk(store.path)
    (stored,) = raw["applications"].values()
    assert stored["applied_on"] == "2026-03-15"
    assert stored["next_step_on"] == "2026-03-22"
    assert isinstance(stored["created_at"], str)
    assert datetime.fromisoformat(stored["created_at"]) == job.created_at == clock()
    assert stored["id"] == str(job.id)
    assert [doc["schema_version"] for doc in raw["_meta"].values()] == [SCHEMA_VERSION]


def test_a_transaction_that_changes_nothing_does_not_rewrite_the_file(store: Store, clock: FakeClock) -> None:
    job = application(clock)
    save(store, job)
    before = fingerprint(store.path)
    clock.advance(days=1)  # a new day: a write now would also leave a backup behind

    with store.transaction() as tx:
        assert tx.get(Application, job.id) == job
        assert tx.search.applications == (job,)

    assert fingerprint(store.path) == before
    assert list_backups(store.path) == []


def test_replacing_a_record_with_an_identical_copy_does_not_rewrite_the_file(store: Store, clock: FakeClock) -> None:
    job = application(clock)
    save(store, job)
    before = fingerprint(store.path)

    with store.transaction() as tx:
        tx.replace(job)

    assert fingerprint(store.path) == before


def test_a_missing_file_loads_as_an_empty_search_and_is_not_created_by_reading(
    tmp_path: Path, clock: FakeClock
) -> None:
    path = tmp_path / "not" / "yet" / "nextyes.json"
    store = Store(path, clock)

    search = store.load()
    with store.transaction():
        pass

    assert (search.applications, search.activities, search.reflections) == ((), (), ())
    assert search.settings.daily_target == Settings(created_at=clock(), updated_at=clock()).daily_target
    assert not path.exists()


def test_the_first_write_creates_the_file_and_its_folders(tmp_path: Path, clock: FakeClock) -> None:
    path = tmp_path / "not" / "yet" / "nextyes.json"
    store = Store(path, clock)
    job = application(clock)

    save(store, job)

    assert Store(path, clock).load().applications == (job,)


def test_replace_keeps_the_new_version_only(store: Store, clock: FakeClock) -> None:
    job = application(clock)
    save(store, job)
    clock.advance(hours=3)
    moved = job.touched(clock(), stage=Stage.SCREENING)

    with store.transaction() as tx:
        tx.replace(moved)

    (loaded,) = store.load().applications
    assert loaded.stage is Stage.SCREENING
    assert loaded.updated_at == clock()
    assert loaded.created_at == job.created_at


def test_a_failing_transaction_body_saves_none_of_its_changes(store: Store, clock: FakeClock) -> None:
    kept = application(clock, "Kept")
    save(store, kept)
    before = fingerprint(store.path)

    with pytest.raises(RuntimeError), store.transaction() as tx:
        tx.add(application(clock, "Dropped"))
        tx.replace(kept.touched(clock(), stage=Stage.OFFER))
        raise RuntimeError("the caller changed its mind")

    assert fingerprint(store.path) == before
    assert store.load().applications == (kept,)


def test_adding_the_same_record_twice_or_replacing_an_unknown_one_is_refused(store: Store, clock: FakeClock) -> None:
    job = application(clock)
    save(store, job)
    before = fingerprint(store.path)

    with pytest.raises(ValueError, match="already exists"), store.transaction() as tx:
        tx.add(job)
    with pytest.raises(KeyError), store.transaction() as tx:
        tx.replace(application(clock, "Never added"))

    assert fingerprint(store.path) == before


def test_many_records_added_at_once_land_in_one_write_and_show_in_the_transaction(
    store: Store, clock: FakeClock
) -> None:
    jobs = [application(clock, f"Company {n}") for n in range(50)]
    notes = [activity(clock, f"note {n}") for n in range(20)]
    with store.transaction() as tx:
        tx.add_all([*jobs, *notes])
        assert len(tx.search.applications) == 50 and len(tx.search.activities) == 20
    search = store.load()
    assert {a.company for a in search.applications} == {f"Company {n}" for n in range(50)}
    assert [a.note for a in sorted(search.activities, key=lambda a: int(a.note.split()[1]))] == [
        f"note {n}" for n in range(20)
    ]


def test_adding_many_refuses_a_known_id_or_the_same_id_twice_and_writes_nothing(store: Store, clock: FakeClock) -> None:
    job = application(clock)
    save(store, job)
    before = fingerprint(store.path)
    with pytest.raises(ValueError, match="already exists"), store.transaction() as tx:
        tx.add_all([application(clock, "New"), job])
    twin = application(clock, "Twin")
    with pytest.raises(ValueError, match="already exists"), store.transaction() as tx:
        tx.add_all([twin, twin])
    assert fingerprint(store.path) == before


def test_a_record_that_does_not_validate_is_never_written(store: Store, clock: FakeClock) -> None:
    save(store, application(clock))
    before = fingerprint(store.path)
    blank = Application.model_construct(
        id=uuid.uuid4(), company="", role="Engineer", created_at=clock(), updated_at=clock()
    )

    with pytest.raises(ValidationError), store.transaction() as tx:
        tx.add(blank)

    assert fingerprint(store.path) == before
    assert len(store.load().applications) == 1


# --- Files that are not ours are refused, untouched ---------------------------------------------------


def _with_change(change: Callable[[dict], object]) -> Callable[[FakeClock], bytes]:
    def build(clock: FakeClock) -> bytes:
        raw = json.loads(valid_database(clock))
        change(raw)
        return json.dumps(raw).encode()

    return build


def _first_application(raw: dict) -> dict:
    return next(iter(raw["applications"].values()))


META = {"_meta": {"1": {"schema_version": SCHEMA_VERSION}}}

CORRUPT: dict[str, Callable[[FakeClock], bytes]] = {
    "empty": lambda clock: b"",
    "whitespace only": lambda clock: b" \n\t\r\n",
    "an opening brace": lambda clock: b"{",
    "truncated": lambda clock: valid_database(clock)[: len(valid_database(clock)) // 2],
    "missing its last byte": lambda clock: valid_database(clock)[:-1],
    "NUL bytes": lambda clock: b"\x00" * 64,
    "NUL bytes after a crash": lambda clock: valid_database(clock)[:40] + b"\x00" * 4096,
    "invalid UTF-8": lambda clock: b'{"_meta": {"1": {"schema_version": 1}}, "x": "\xff\xfe"}',
    "a JSON list": lambda clock: b"[]",
    "a JSON string": lambda clock: b'"nextyes"',
    "nested too deeply": lambda clock: b"[" * 100_000,
    "another program's TinyDB": lambda clock: b'{"_default": {"1": {"name": "x"}}}',
    "no schema version": lambda clock: b'{"_meta": {}, "applications": {}}',
    "a schema version that is not a number": lambda clock: b'{"_meta": {"1": {"schema_version": "1"}}}',
    "a schema version that is a boolean": lambda clock: b'{"_meta": {"1": {"schema_version": true}}}',
    "a meta document that is not an object": lambda clock: b'{"_meta": {"1": 1}}',
    "a table that is a list": lambda clock: json.dumps({**META, "applications": []}).encode(),
    "a document that is not an object": lambda clock: json.dumps({**META, "activities": {"1": "x"}}).encode(),
    "an unknown table": lambda clock: json.dumps({**META, "stray_table": {}}).encode(),
    "a document key that is not a number": _with_change(
        lambda raw: raw.update(applications={"first": _first_application(raw)})
    ),
    "an application without a company": _with_change(lambda raw: _first_application(raw).update(company="")),
    "a field this version does not know": _with_change(lambda raw: _first_application(raw).update(salary=1)),
    "a timestamp without its offset": _with_change(
        lambda raw: _first_application(raw).update(created_at="2026-03-15T14:30:00")
    ),
    "invalid settings": _with_change(
        lambda raw: raw.update(settings={"1": {"daily_target": 0, "created_at": "x", "updated_at": "x"}})
    ),
}


@pytest.fixture(params=list(CORRUPT), ids=list(CORRUPT))
def corrupt_file(request: pytest.FixtureRequest, db_path: Path, clock: FakeClock) -> bytes:
    payload = CORRUPT[request.param](clock)
    db_path.write_bytes(payload)
    return payload


def test_a_corrupt_file_is_refused_by_load_naming_the_file(store: Store, corrupt_file: bytes) -> None:
    before = fingerprint(store.path)

    with pytest.raises(CorruptDatabase) as refused:
        store.load()

    assert str(store.path) in str(refused.value)
    assert "no backup" in str(refused.value)
    assert fingerprint(store.path) == before


def test_a_corrupt_file_is_refused_by_a_transaction_and_never_written(
    store: Store, clock: FakeClock, corrupt_file: bytes, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = fingerprint(store.path)
    writes: list[Path] = []
    monkeypatch.setattr(database, "atomic_write", lambda path, payload: writes.append(path))
    clock.advance(days=1)

    with pytest.raises(CorruptDatabase) as refused, store.transaction() as tx:
        tx.add(application(clock))

    assert str(store.path) in str(refused.value)
    assert writes == []
    assert fingerprint(store.path) == before
    assert list_backups(store.path) == []
    assert temp_files(store.path.parent) == []


def test_the_refusal_names_the_newest_backup(store: Store, clock: FakeClock) -> None:
    for day in range(3):
        save(store, application(clock, f"Day {day}"))
        clock.advance(days=1)
    newest = list_backups(store.path)[0]
    store.path.write_bytes(b"{")

    with pytest.raises(CorruptDatabase) as refused:
        store.load()

    assert [b.name for b in list_backups(store.path)] == ["nextyes-2026-03-17.json", "nextyes-2026-03-16.json"]
    assert str(newest) in str(refused.value)


def test_a_database_from_a_newer_nextyes_is_refused_and_left_unchanged(store: Store, clock: FakeClock) -> None:
    newer = json.loads(valid_database(clock))
    newer["_meta"] = {"1": {"schema_version": SCHEMA_VERSION + 1}}
    newer["stray_table"] = {"1": {"name": "a table this version has never heard of"}}
    store.path.write_text(json.dumps(newer), encoding="utf-8")
    before = fingerprint(store.path)

    with pytest.raises(NewerDatabase) as on_load:
        store.load()
    with pytest.raises(NewerDatabase) as on_write, store.transaction() as tx:
        tx.add(application(clock))

    for refused in (on_load.value, on_write.value):
        assert str(store.path) in str(refused)
        assert "newer" in str(refused)
    assert fingerprint(store.path) == before


def test_a_folder_where_the_file_should_be_is_an_error_naming_it(store: Store) -> None:
    store.path.mkdir()

    with pytest.raises(StoreError) as refused:
        store.load()

    assert str(store.path) in str(refused.value)


# --- Daily backups ------------------------------------------------------------------------------------


def test_the_first_write_of_a_day_keeps_the_previous_file_as_that_days_backup(store: Store, clock: FakeClock) -> None:
    save(store, application(clock, "Monday"))
    monday = store.path.read_bytes()
    clock.advance(days=1)

    save(store, application(clock, "Tuesday morning"))
    save(store, application(clock, "Tuesday evening"))

    (backup,) = list_backups(store.path)
    assert backup.parent == backup_folder(store.path)
    assert backup.name == f"nextyes-{clock().date().isoformat()}.json"
    assert backup.read_bytes() == monday
    assert [a.company for a in Store(backup, clock).load().applications] == ["Monday"]


# --- The store behaves like a simple model ------------------------------------------------------------

COMPANY = st.text(min_size=1, max_size=40).filter(lambda name: name.strip() != "")
OPERATION = st.one_of(
    st.tuples(st.just("add"), COMPANY),
    st.tuples(st.just("replace"), st.integers(min_value=0, max_value=50), COMPANY),
    st.tuples(st.just("log"), st.sampled_from(ActivityKind)),
)
TRANSACTION = st.tuples(st.lists(OPERATION, max_size=5), st.booleans())


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(transactions=st.lists(TRANSACTION, max_size=8))
def test_any_sequence_of_transactions_loads_back_as_the_model_says(
    transactions: list[tuple[list[tuple], bool]], clock: FakeClock
) -> None:
    """The model: a dict by id; a transaction applies all its changes, or none when it raises."""
    clock = type(clock)(clock())  # each example starts from the same instant
    with tempfile.TemporaryDirectory() as folder:
        store = Store(Path(folder) / "nextyes.json", clock)
        model: dict[uuid.UUID, Application | Activity] = {}
        for operations, aborted in transactions:
            clock.advance(hours=7)
            staged = dict(model)
            try:
                with store.transaction() as tx:
                    for operation in operations:
                        change = _change(operation, staged, clock)
                        if change is None:
                            continue
                        method, record = change
                        getattr(tx, method)(record)
                        staged[record.id] = record
                    if aborted:
                        raise _Aborted
            except _Aborted:
                continue
            model = staged

        search = Store(store.path, clock).load()
        stored = {record.id: record for record in (*search.applications, *search.activities)}
        assert stored == model
        assert len(search.applications) + len(search.activities) == len(model)
        assert temp_files(Path(folder)) == []


class _Aborted(Exception):
    pass


def _change(
    operation: tuple, staged: dict[uuid.UUID, Application | Activity], clock: FakeClock
) -> tuple[str, Application | Activity] | None:
    match operation:
        case ("add", company):
            return "add", application(clock, company)
        case ("log", kind):
            return "add", activity(clock, kind=kind)
        case ("replace", index, company):
            applications = [r for r in staged.values() if isinstance(r, Application)]
            if not applications:
                return None
            return "replace", applications[index % len(applications)].touched(clock(), company=company)
    raise AssertionError(operation)


def test_a_store_that_read_the_file_before_sees_every_change_made_since(store: Store, clock: FakeClock) -> None:
    save(store, application(clock, "Acme"))
    assert [a.company for a in store.load().applications] == ["Acme"]
    save(Store(store.path, clock), application(clock, "Globex"))  # another process, in effect
    assert sorted(a.company for a in store.load().applications) == ["Acme", "Globex"]
    raw = on_disk(store.path)
    next(iter(raw["applications"].values()))["company"] = ""  # made invalid behind its back
    store.path.write_text(json.dumps(raw), encoding="utf-8")
    with pytest.raises(CorruptDatabase):
        store.load()


def test_settings_saved_tells_a_file_with_its_own_settings_from_one_using_the_defaults(
    store: Store, clock: FakeClock
) -> None:
    assert not store.settings_saved()  # no file yet
    save(store, application(clock))
    assert not store.settings_saved()
    with store.transaction() as tx:
        tx.save_settings(tx.settings.touched(clock(), daily_target=2))
    assert store.settings_saved()


# --- The cycle collector, paused while a file is read ---------------------------------------------


def test_a_read_leaves_the_cycle_collector_as_it_found_it_even_when_the_file_is_refused(
    recorder: Recorder, store: Store, db_path: Path
) -> None:
    recorder.add_application("Acme", "Engineer")
    assert gc.isenabled()
    store.check()
    assert gc.isenabled()
    db_path.write_bytes(b"{not json")
    with pytest.raises(CorruptDatabase):
        store.check()
    assert gc.isenabled()
    gc.disable()
    try:
        store.path.unlink()
        recorder.add_application("Globex", "Engineer")
        Store(db_path, store.now).check()
        assert not gc.isenabled(), "a read must not switch on a collector the program had switched off"
    finally:
        gc.enable()


def test_reads_in_several_threads_at_once_leave_the_collector_running(recorder: Recorder, db_path: Path) -> None:
    for number in range(30):
        recorder.add_application(f"Company {number}", "Engineer")
    with ThreadPoolExecutor(max_workers=4) as pool:
        searches = list(pool.map(lambda _: Store(db_path, recorder.now).check(), range(40)))
    assert all(len(search.applications) == 30 for search in searches)
    assert gc.isenabled()


# --- What a transaction hands on is what a read of the file gives --------------------------------


def test_after_each_change_the_store_gives_what_a_fresh_read_of_the_file_gives(
    recorder: Recorder, store: Store, clock: FakeClock
) -> None:
    """The store keeps a transaction's records as the file's validated read, so they must match it exactly,
    order included: a changed record stays in its place, as it does in the file."""
    recorder.update_settings(daily_target=2)  # saved, so a read does not make up default settings of its own
    first = recorder.add_application("Acme", "Engineer")
    recorder.add_application("Globex", "Analyst")
    changes: list[Callable[[], object]] = [
        lambda: recorder.move_stage(first.id, Stage.SCREENING),
        lambda: recorder.log(ActivityKind.LEARN, "read a chapter"),
        lambda: recorder.write_reflection(clock().date(), "a prompt", "first words"),
        lambda: recorder.write_reflection(clock().date(), "a prompt", "second words"),
        lambda: recorder.plan_rest(clock().date() + timedelta(days=2), "a walk"),
        lambda: recorder.cancel_rest(clock().date() + timedelta(days=2)),
        lambda: recorder.update_settings(daily_target=1),
    ]
    for change in changes:
        change()
        kept = store.load()
        fresh = Store(store.path, clock).check()
        assert kept == fresh
    assert [a.company for a in store.load().applications] == ["Acme", "Globex"]
    assert store.load().applications[0].stage is Stage.SCREENING


def test_a_shell_command_parses_the_file_once_to_read_and_write_it(
    recorder: Recorder, db_path: Path, run: Callable[..., tuple[int, str, str]], monkeypatch: pytest.MonkeyPatch
) -> None:
    recorder.add_application("Acme", "Engineer")
    parses: list[int] = []
    real_parse = reading.parse
    monkeypatch.setattr(reading, "parse", lambda path, payload: parses.append(1) or real_parse(path, payload))

    status, out, _ = run("log", "learn", "read a chapter")

    assert status == 0 and "Logged learn" in out
    assert len(parses) == 1


def test_a_read_from_another_thread_waits_for_a_transaction_and_validates_nothing_again(
    store: Store, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The app saves in one worker thread and polls the file in another. A poll that reads the new file
    after its rename, but before the store remembered it as validated, once validated it all again."""
    save(store, application(clock, "Acme"))
    store.load()
    validations = store.validations
    written, go_on = threading.Event(), threading.Event()
    real_write = database.atomic_write

    def write_then_wait(path: Path, payload: bytes) -> None:
        real_write(path, payload)
        if path == store.path:
            written.set()
            go_on.wait(timeout=30)

    monkeypatch.setattr(database, "atomic_write", write_then_wait)
    saving = threading.Thread(target=save, args=(store, application(clock, "Globex")))
    saving.start()
    assert written.wait(timeout=30)
    companies: list[str] = []
    reading_thread = threading.Thread(target=lambda: companies.extend(a.company for a in store.load().applications))
    reading_thread.start()
    reading_thread.join(timeout=0.2)
    assert reading_thread.is_alive(), "the read waits while the transaction is still going on"
    go_on.set()
    saving.join(timeout=30)
    reading_thread.join(timeout=30)

    assert sorted(companies) == ["Acme", "Globex"]
    assert store.validations == validations, "the transaction's records became the read: nothing validated again"


@pytest.mark.parametrize("name", ["*", "[ab].json", "what?.json"])
def test_a_file_named_with_glob_characters_is_written_and_only_its_own_debris_is_swept(
    tmp_path: Path, name: str
) -> None:
    """`nextyes export --out '*'` once failed: the temp file's name was cut at the first '*'."""
    target = tmp_path / name
    atomic_write(target, b"payload")
    assert target.read_bytes() == b"payload"
    assert [path.name for path in tmp_path.iterdir()] == [name]

    own, other = tmp_path / f".{name}.x1.tmp", tmp_path / ".other.json.x2.tmp"
    for debris in (own, other):
        debris.write_bytes(b"")
    remove_debris(tmp_path, temp_name_pattern(name))
    assert not own.exists() and other.exists()
