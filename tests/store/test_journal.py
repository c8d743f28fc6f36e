"""The journal: a shell change is one line beside the file, every read sees it, and a whole write folds it in.

Each promise of journal.py is driven here through the shell (`run`, a store made with `journal=True`) or the
store, with the failure injected where it matters: a torn last line, a damaged line before it, a full disk
during an append, a fold killed between its replace and the emptying of the journal.
"""

from __future__ import annotations

import contextlib
import errno
import json
import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.support.clock import FakeClock
from tests.support.store_records import stored_bytes
from tui.cli import main
from tui.core.models import ActivityKind, Application
from tui.recording import Recorder
from tui.store import Store, StoreError, journal
from tui.store.backups import backup_folder
from tui.store.journal import journal_file


def journal_of(db_path: Path) -> Path:
    return journal_file(db_path.resolve())


def lines_in(db_path: Path) -> int:
    return len(journal.read(db_path.resolve()).lines)


def companies(db_path: Path, clock: FakeClock) -> list[str]:
    return [a.company for a in Store(db_path, clock).check().applications]


@pytest.fixture
def backed_up(run, db_path: Path) -> Path:
    """A database whose file has had today's backup: the shell's next change goes to the journal."""
    assert run("add", "Acme", "Engineer")[0] == 0  # makes the file
    assert run("add", "Globex", "Engineer")[0] == 0  # the day's first change of a file: backed up, whole write
    assert not journal_of(db_path).exists()
    return db_path


def test_a_shell_change_is_one_line_in_the_journal_and_the_file_is_not_rewritten(
    run, backed_up: Path, clock: FakeClock
) -> None:
    before = backed_up.read_bytes()

    status, out, _ = run("log", "network", "coffee with Dana")

    assert status == 0 and out.startswith("Logged network")
    assert backed_up.read_bytes() == before
    assert lines_in(backed_up) == 1
    search = Store(backed_up, clock).load()
    assert [a.note for a in search.activities if a.kind is ActivityKind.NETWORK] == ["coffee with Dana"]
    assert "networking 1 of 2" in run("status")[1]  # every command reads the file and its journal


def test_a_whole_write_folds_the_journal_in_and_removes_it(run, backed_up: Path, clock: FakeClock) -> None:
    run("add", "Initech", "Analyst")
    run("log", "learn", "a chapter of SQL")
    assert lines_in(backed_up) == 2

    Recorder(Store(backed_up, clock), clock, source="app").log(ActivityKind.APPLY, "as the app saves")

    assert not journal_of(backed_up).exists()
    on_disk = json.loads(backed_up.read_bytes())
    assert {doc["company"] for doc in on_disk["applications"].values()} == {"Acme", "Globex", "Initech"}
    notes = {doc["note"] for doc in on_disk["activities"].values()}
    assert {"a chapter of SQL", "as the app saves"} <= notes


def test_undo_from_the_shell_takes_back_a_change_still_in_the_journal(run, backed_up: Path, clock: FakeClock) -> None:
    run("add", "Initech", "Analyst")
    assert lines_in(backed_up) == 1

    status, out, _ = run("undo")

    assert status == 0 and "Initech" in out
    assert companies(backed_up, clock) == ["Acme", "Globex"]
    assert not journal_of(backed_up).exists()  # the undo is a whole write: the journal was folded first
    assert run("redo")[0] == 0
    assert companies(backed_up, clock) == ["Acme", "Globex", "Initech"]


def test_history_lists_changes_still_in_the_journal(run, backed_up: Path) -> None:
    run("log", "network", "met Sam")

    out = run("history")[1]

    assert out.index("network") < out.index("Globex")  # newest first, the journal's line at the top


def test_a_torn_last_line_was_never_acknowledged_and_the_next_append_cuts_it_off(
    run, backed_up: Path, clock: FakeClock
) -> None:
    run("add", "Initech", "Analyst")
    path = journal_of(backed_up)
    sound = path.read_bytes()
    torn = journal.encode(journal.new_line([journal.Change("applications", "x", {"company": "Half"})], None))
    path.write_bytes(sound + torn[: len(torn) // 2])  # a writer killed mid-line

    assert companies(backed_up, clock) == ["Acme", "Globex", "Initech"]
    assert run("add", "Umbrella", "Engineer")[0] == 0

    assert companies(backed_up, clock) == ["Acme", "Globex", "Initech", "Umbrella"]
    assert not journal.read(backed_up.resolve()).torn
    assert path.read_bytes().startswith(sound)


def test_a_damaged_line_before_the_last_is_refused_naming_the_journal_and_nothing_is_touched(
    run, backed_up: Path
) -> None:
    run("add", "Initech", "Analyst")
    run("add", "Umbrella", "Engineer")
    path = journal_of(backed_up)
    damaged = bytearray(path.read_bytes())
    damaged[20] ^= 0x01  # one bit flipped in the first line: its checksum no longer matches
    path.write_bytes(bytes(damaged))
    before = stored_bytes(backed_up)

    status, _, err = run("add", "Hooli", "Engineer")

    assert status == 3
    assert str(path) in err and "damaged line (line 1)" in err and err.count("\n") == 1
    assert stored_bytes(backed_up) == before
    assert run("status")[0] == 3


def test_a_full_disk_during_an_append_keeps_everything_acknowledged_and_says_so(
    run, backed_up: Path, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    run("add", "Initech", "Analyst")
    before = stored_bytes(backed_up)
    real_write = os.write

    def half_then_full(handle: int, data: bytes | memoryview) -> int:
        if len(data) > 100:
            real_write(handle, bytes(data[: len(data) // 2]))
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        return real_write(handle, data)

    monkeypatch.setattr(journal.os, "write", half_then_full)
    status, _, err = run("add", "Umbrella", "Engineer")
    monkeypatch.undo()

    assert status == 3 and "the disk is full" in err and err.count("\n") == 1
    assert stored_bytes(backed_up) == before  # the half line was cut back off
    assert companies(backed_up, clock) == ["Acme", "Globex", "Initech"]
    assert run("add", "Umbrella", "Engineer")[0] == 0
    assert companies(backed_up, clock) == ["Acme", "Globex", "Initech", "Umbrella"]


def test_a_full_disk_during_a_fold_keeps_the_journal_and_the_file(
    run, backed_up: Path, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    run("add", "Initech", "Analyst")
    before = stored_bytes(backed_up)

    def full(*args: object, **kwargs: object) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr("tui.store.database.atomic_write", full)
    with pytest.raises(StoreError, match="disk is full"):
        Recorder(Store(backed_up, clock), clock, source="app").log(ActivityKind.APPLY, "folding")
    monkeypatch.undo()

    assert stored_bytes(backed_up) == before
    assert companies(backed_up, clock) == ["Acme", "Globex", "Initech"]


def test_a_fold_cut_short_before_the_journal_was_emptied_counts_nothing_twice(
    run, backed_up: Path, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    run("add", "Initech", "Analyst")
    run("log", "network", "met Sam")
    monkeypatch.setattr(journal, "empty_out", lambda db_file: None)  # killed right after the file's replace
    Recorder(Store(backed_up, clock), clock, source="app").log(ActivityKind.APPLY, "the fold")
    monkeypatch.undo()
    assert lines_in(backed_up) == 2  # the journal is still there, its lines already in the file

    run("add", "Umbrella", "Engineer")
    Recorder(Store(backed_up, clock), clock, source="app").log(ActivityKind.APPLY, "the next fold")

    search = Store(backed_up, clock).check()
    assert [a.company for a in search.applications] == ["Acme", "Globex", "Initech", "Umbrella"]
    assert [a.note for a in search.activities].count("met Sam") == 1
    summaries = [entry.summary for entry in Store(backed_up, clock).history()]
    assert len(summaries) == len(set(summaries)), summaries


def test_the_journal_is_folded_once_it_is_long(run, backed_up: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(journal, "MOST_LINES", 3)
    for note in ("one", "two", "three"):
        run("log", "learn", note)
    assert lines_in(backed_up) == 3

    run("log", "learn", "four")

    assert not journal_of(backed_up).exists()
    notes = {doc["note"] for doc in json.loads(backed_up.read_bytes())["activities"].values()}
    assert {"one", "two", "three", "four"} <= notes


def test_the_first_change_of_a_day_writes_the_whole_file_and_keeps_that_days_backup(
    run, backed_up: Path, clock: FakeClock
) -> None:
    run("log", "learn", "today")
    assert lines_in(backed_up) == 1
    clock.advance(days=1)

    run("log", "learn", "tomorrow")

    assert not journal_of(backed_up).exists()
    [kept] = [p for p in backup_folder(backed_up).iterdir() if clock().date().isoformat() in p.name]
    notes = {doc["note"] for doc in json.loads(kept.read_bytes())["activities"].values()}
    assert "today" not in notes  # the backup is the file as it was; the line folded in after it was kept…
    assert "today" in {a.note for a in Store(backed_up, clock).check().activities}  # …and is in the file


@pytest.mark.parametrize("marker", [".stfolder", ".dropbox", ".git", ".sync_5a1b.db"])
def test_in_a_synced_folder_every_change_writes_the_file(tmp_path: Path, clock: FakeClock, marker: str) -> None:
    synced = tmp_path / "Sync"
    (synced / "jobs").mkdir(parents=True)
    (synced / marker).mkdir()
    db_path = synced / "jobs" / "nextyes.json"
    for company in ("Acme", "Globex", "Initech"):
        assert main(["add", company, "Engineer", "--db", str(db_path)], now=clock) == 0

    assert not journal_of(db_path).exists()
    companies_on_disk = {doc["company"] for doc in json.loads(db_path.read_bytes())["applications"].values()}
    assert companies_on_disk == {"Acme", "Globex", "Initech"}


def test_a_restore_keeps_the_file_as_it_was_with_its_journal(run, backed_up: Path, clock: FakeClock) -> None:
    run("add", "Initech", "Analyst")

    assert run("backup", "restore")[0] == 0

    assert not journal_of(backed_up).exists()
    kept = max(backup_folder(backed_up).glob("*restore*"), key=lambda p: p.stat().st_mtime_ns)
    assert {doc["company"] for doc in json.loads(kept.read_bytes())["applications"].values()} >= {"Initech"}


def test_a_read_only_file_refuses_an_append_too(run, backed_up: Path) -> None:
    backed_up.chmod(0o444)
    try:
        status, _, err = run("log", "learn", "anything")
    finally:
        backed_up.chmod(0o644)
    assert status == 3 and "read-only" in err
    assert not journal_of(backed_up).exists()


CHANGES = st.lists(st.sampled_from(["add", "log", "edit", "delete", "undo", "app"]), min_size=1, max_size=12)


@settings(max_examples=25, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(changes=CHANGES)
def test_file_and_journal_read_as_the_same_records_as_the_file_they_fold_into(
    tmp_path_factory: pytest.TempPathFactory, changes: list[str]
) -> None:
    clock = FakeClock()
    db_path = tmp_path_factory.mktemp("journal") / "nextyes.json"
    shell = Recorder(Store(db_path, clock, journal=True), clock)
    app = Recorder(Store(db_path, clock), clock, source="app")
    shell.add_application("Acme", "Engineer")
    shell.add_application("Globex", "Engineer")
    for number, change in enumerate(changes):
        clock.advance(minutes=7)
        search = Store(db_path, clock).load()
        if change == "add":
            shell.add_application(f"Company {number}", "Engineer")
        elif change == "log":
            shell.log(ActivityKind.LEARN, f"note {number}")
        elif change == "edit" and search.applications:
            shell.edit(Application, search.applications[-1].id, role=f"Role {number}")
        elif change == "delete" and search.applications:
            shell.delete(Application, search.applications[0].id)
        elif change == "undo" and Store(db_path, clock).history():
            with contextlib.suppress(ValueError):  # a change the history keeps as words only
                shell.undo()
        elif change == "app":
            app.log(ActivityKind.APPLY, f"app {number}")

    with_journal = Store(db_path, clock).check()
    Recorder(Store(db_path, clock), clock, source="app").log(ActivityKind.NETWORK, "fold")
    folded = Store(db_path, clock).check()
    assert not journal_of(db_path).exists()
    assert folded.applications == with_journal.applications
    assert folded.activities[:-1] == with_journal.activities
