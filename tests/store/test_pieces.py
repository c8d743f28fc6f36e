"""A database file read a run of records at a time gives exactly what a whole read gives, whatever it holds.

The pieces are found by their edges, without parsing the file; what makes the read sound is that each piece
must validate on its own. These tests hold both: any JSON object of tables cut into runs either gives back
every table exactly or has a run that is not JSON, and a store's read, however the file is cut, equals the
step-by-step read. A file that changes between the cut and the second read of its runs is read again whole.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path
from typing import Any

import orjson
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.support.clock import FakeClock
from tests.support.store_records import activity, application, save
from tui.core.models import Activity, ActivityKind, Application, Record
from tui.core.search import JobSearch
from tui.store import Store, pieces, reading
from tui.store.migrations import META_TABLE
from tui.store.tables import TABLES

NAMES = frozenset({"_meta", "applications", "activities", "wins"})

# Text that looks like the edges the cut looks for: inside a string every quote is escaped, so none is one.
TRICKY = st.sampled_from(['},"12":{', '},"wins":{', '"', "\\", '\\"}', "}}", "{", "é", "\n"])
TEXT = st.lists(st.one_of(TRICKY, st.text(max_size=6)), max_size=4).map("".join)
JSON = st.recursive(
    st.none() | st.booleans() | st.integers(-(2**63), 2**63 - 1) | TEXT,
    lambda inner: (
        st.lists(inner, max_size=3)
        | st.dictionaries(st.sampled_from(["7", "12", "wins", "note", "x"]) | TEXT, inner, max_size=3)
    ),
    max_leaves=12,
)
TABLE = st.dictionaries(st.integers(1, 500).map(str), JSON, max_size=8)
FILE = st.dictionaries(st.sampled_from(sorted(NAMES)), TABLE, min_size=1)


@settings(max_examples=300)
@given(tables=FILE, piece_bytes=st.integers(1, 200))
def test_runs_that_each_parse_give_back_every_table_and_nothing_else(
    tables: dict[str, dict[str, Any]], piece_bytes: int
) -> None:
    """Nested objects with number keys or table names make edges inside a record; a run cut there is not JSON."""
    payload = orjson.dumps(tables)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(pieces, "PIECE_BYTES", piece_bytes)
        found = pieces.tables(payload, NAMES)
    if found is None:
        return  # an edge inside a record named a table twice: the whole read judges the file
    rebuilt: dict[str, dict[str, Any]] = {}
    for table in found:
        rebuilt[table.name] = {}
        for start, end in table.runs:
            try:
                rebuilt[table.name].update(orjson.loads(b"{" + payload[start:end] + b"}"))
            except orjson.JSONDecodeError:
                return  # the read goes back to the whole file: nothing is taken from a run that does not parse
    assert list(rebuilt.items()) == list(tables.items())


@pytest.mark.parametrize(
    "payload",
    [
        b'{"_meta":{}, "wins":{}}',  # not compact
        b'{"_meta":{},"wins":{}}\n',  # a newline after it
        b'{"_meta":{},"other":{},"wins":{}}',  # a table it does not know: an edge inside `_meta`, cut then refused
        b'{"_meta":{},"wins":{},"wins":{}}',  # a table twice
        b'{"_meta":{"1":{}}',  # cut short
        b"[]",
    ],
)
def test_anything_but_a_compact_object_of_known_tables_each_once_is_left_to_the_whole_read(payload: bytes) -> None:
    found = pieces.tables(payload, NAMES)
    assert found is None or any(
        not _parses(b"{" + payload[start:end] + b"}") for table in found for start, end in table.runs
    )


def _parses(text: bytes) -> bool:
    try:
        orjson.loads(text)
    except orjson.JSONDecodeError:
        return False
    return True


# The store's read -------------------------------------------------------------------------------------

NOTE = st.lists(st.one_of(TRICKY, st.text(max_size=8)), max_size=3).map("".join)


@settings(max_examples=40, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(notes=st.lists(NOTE, min_size=1, max_size=12), piece_bytes=st.integers(1, 2000))
def test_a_store_reading_runs_gives_what_the_step_by_step_read_gives(notes: list[str], piece_bytes: int) -> None:
    clock = FakeClock()
    with tempfile.TemporaryDirectory() as folder, pytest.MonkeyPatch.context() as patch:
        store = Store(Path(folder) / "nextyes.json", clock)
        for note in notes:
            clock.advance(minutes=7)
            save(store, application(clock, company=f"Acme {note}"[:200]), activity(clock, note=note))
        patch.setattr(pieces, "PIECE_BYTES", piece_bytes)
        payload = store.path.read_bytes()
        found = reading.cut(payload)
        assert found is not None and sum(len(table.runs) for table in found) >= 2
        fresh = Store(store.path, clock)
        expected = reading.to_search(store.path, reading.parse(store.path, payload), fresh.default_settings)
        assert records(fresh.load()) == records(expected)
        assert fresh.validations == 1


def records(search: JobSearch) -> dict[str, tuple[Record, ...]]:
    """Every table's records but the settings, which a file without any gets afresh (a new id) on each read."""
    return {name: getattr(search, name) for name in TABLES if name != "settings"}


@pytest.mark.parametrize("numbers", [("3", "1", "2"), ("1", "2", "2")])
def test_document_numbers_out_of_order_or_repeated_read_as_the_whole_file_does(
    store: Store, clock: FakeClock, numbers: tuple[str, ...]
) -> None:
    """TinyDB keeps the last document of a number written twice (a file edited by hand may hold one)."""
    save(store, application(clock, "First"), application(clock, "Second"), application(clock, "Third"))
    raw = orjson.loads(store.path.read_bytes())
    documents = list(raw["applications"].values())
    raw["applications"] = "TABLE"
    table = b",".join(
        orjson.dumps(number) + b":" + orjson.dumps(doc) for number, doc in zip(numbers, documents, strict=True)
    )
    payload = orjson.dumps(raw).replace(b'"TABLE"', b"{" + table + b"}")
    store.path.write_bytes(payload)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(pieces, "PIECE_BYTES", 1)
        assert reading.cut(payload) is not None
        loaded = Store(store.path, clock).load()
    expected = reading.to_search(store.path, reading.parse(store.path, payload), store.default_settings)
    assert [a.company for a in loaded.applications] == [a.company for a in expected.applications]
    assert records(loaded) == records(expected)


# A file that changes between the cut and the second read ------------------------------------------------


def _cut_then(change: Callable[[], None]) -> Callable[[bytes], list[pieces.Table] | None]:
    """`reading.cut`, then, the first time, `change()`: what another process does while the store holds only
    the places of the runs."""
    cut, changes = reading.cut, [change]

    def cut_and_change(payload: bytes) -> list[pieces.Table] | None:
        found = cut(payload)
        while changes:
            changes.pop()()
        return found

    return cut_and_change


def test_a_file_replaced_after_it_was_cut_is_read_again_whole(
    store: Store, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    save(store, application(clock, "Before"))
    other = Store(store.path, clock)
    monkeypatch.setattr(reading, "cut", _cut_then(lambda: save(other, application(clock, "Meanwhile"))))
    loaded = Store(store.path, clock).load()
    assert sorted(a.company for a in loaded.applications) == ["Before", "Meanwhile"]


def _edit_in_place(path: Path, old: bytes, new: bytes) -> Callable[[], None]:
    """A change to the file's bytes in place, of the same length, its modification time put back: the file's
    identity stays the same (as an editor that keeps the time, or a tool writing within the same tick)."""
    assert len(old) == len(new)

    def edit() -> None:
        status = path.stat()
        with path.open("r+b") as handle:
            text = handle.read()
            assert old in text
            handle.seek(0)
            handle.write(text.replace(old, new))
        os.utime(path, ns=(status.st_atime_ns, status.st_mtime_ns))

    return edit


def test_a_file_changed_in_place_with_its_size_and_time_kept_is_read_again_whole(
    store: Store, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    save(store, application(clock, "Acme"), activity(clock, note="first"))
    edit = _edit_in_place(store.path, b'"company":"Acme"', b'"company":"Acne"')
    monkeypatch.setattr(reading, "cut", _cut_then(edit))
    loaded = Store(store.path, clock).load()
    assert [a.company for a in loaded.applications] == ["Acne"]


def test_a_file_broken_in_place_between_its_runs_after_it_was_cut_is_refused_as_a_fresh_read_refuses_it(
    store: Store, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every run still validates; the bytes between two tables do not: the second read's digest proves it."""
    save(store, application(clock, "Acme"), activity(clock, note="first"))
    edit = _edit_in_place(store.path, b'},"activities":{', b'} "activities":{')
    monkeypatch.setattr(reading, "cut", _cut_then(edit))
    with pytest.raises(reading.CorruptDatabase, match="not valid JSON"):
        Store(store.path, clock).load()


def test_a_file_cut_short_after_it_was_cut_is_read_again_and_refused(
    store: Store, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    save(store, application(clock), activity(clock))

    def truncate() -> None:
        with store.path.open("r+b") as handle:
            handle.truncate(40)

    monkeypatch.setattr(reading, "cut", _cut_then(truncate))
    with pytest.raises(reading.CorruptDatabase, match="not valid JSON"):
        Store(store.path, clock).load()


# Equal values are one object ---------------------------------------------------------------------------


def test_a_read_makes_equal_days_ids_and_instants_one_object_and_writes_them_as_they_were(
    store: Store, clock: FakeClock
) -> None:
    pitch = application(clock, "Acme")
    logged = [
        activity(clock, kind=ActivityKind.APPLY).model_copy(update={"application_id": pitch.id}) for _ in range(3)
    ]
    elsewhere = clock().astimezone(__import__("zoneinfo").ZoneInfo("Europe/Paris"))
    shifted = activity(clock).model_copy(update={"at": elsewhere})  # the same instant, written in another zone
    later = activity(clock).model_copy(update={"updated_at": clock() + timedelta(hours=1)})
    save(store, pitch, *logged, shifted, later)
    written = orjson.loads(store.path.read_bytes())

    search = Store(store.path, clock).load()
    first, second, third, moved, edited = search.activities
    assert first.logical_day is second.logical_day is third.logical_day
    assert first.application_id is second.application_id is third.application_id
    assert first.at is first.created_at and first.updated_at is first.created_at
    assert moved.at == moved.created_at and moved.at is not moved.created_at, "another written form is kept"
    assert edited.updated_at is not edited.created_at
    as_written = list(written["activities"].values())
    assert [orjson.loads(record.model_dump_json()) for record in search.activities] == as_written
    assert isinstance(search.applications[0], Application) and isinstance(first, Activity)
    assert written[META_TABLE]
