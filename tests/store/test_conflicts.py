"""Conflict copies left by Syncthing, Dropbox and Nextcloud: found by name, merged, kept in the backups folder."""

from __future__ import annotations

import shutil
from datetime import date, timedelta
from pathlib import Path

import pytest

from tests.support.clock import FIXED_NOW, FakeClock
from tui.core.models import ActivityKind
from tui.recording import Recorder
from tui.store import Store
from tui.store.conflicts import absorb_conflict_copies, conflict_copy, find_conflict_copies
from tui.store.machine import MACHINE_ENV, machine_file, machine_name

DB = Path("/sync/nextyes.json")


@pytest.mark.parametrize(
    ("name", "tool", "day", "device"),
    [
        ("nextyes.sync-conflict-20260315-143000-ABCDEF7.json", "Syncthing", date(2026, 3, 15), "ABCDEF7"),
        ("nextyes.sync-conflict-20260315-143000.json", "Syncthing", date(2026, 3, 15), ""),
        ("nextyes (DESKTOP's conflicted copy 2026-03-15).json", "Dropbox", date(2026, 3, 15), "DESKTOP"),
        (
            "nextyes (Dana's MacBook Pro's conflicted copy 2026-03-15).json",
            "Dropbox",
            date(2026, 3, 15),
            "Dana's MacBook Pro",
        ),
        ("nextyes (DESKTOP's conflicted copy 2026-03-15 (1)).json", "Dropbox", date(2026, 3, 15), "DESKTOP"),
        ("nextyes (DESKTOP's conflicted copy 2026-03-15) (2).json", "Dropbox", date(2026, 3, 15), "DESKTOP"),
        ("nextyes (DESKTOP’s Conflicted Copy 2026-03-15).json", "Dropbox", date(2026, 3, 15), "DESKTOP"),
        ("nextyes (conflicted copy 2026-03-15 143000).json", "Nextcloud", date(2026, 3, 15), ""),
        ("nextyes (conflicted copy dana 2026-03-15 143000).json", "Nextcloud", date(2026, 3, 15), "dana"),
        ("nextyes_conflict-20260315-143000.json", "ownCloud", date(2026, 3, 15), ""),
    ],
)
def test_each_tools_conflict_names_are_recognised_with_the_device_they_name(name, tool, day, device) -> None:
    found = conflict_copy(DB, DB.parent / name)
    assert found is not None
    assert (found.tool, found.day, found.device) == (tool, day, device)


@pytest.mark.parametrize(
    "name",
    [
        "nextyes.json",
        "nextyes.json.lock",
        "nextyes-2026-03-15.json",  # a daily backup's name
        "other.sync-conflict-20260315-143000-ABCDEF7.json",  # another file's conflict copy
        "nextyes.sync-conflict-20260315-143000-ABCDEF7.json.tmp",
        "nextyes (copy).json",
        "nextyes.sync-conflict-2026-03-15.json",
    ],
)
def test_other_files_beside_the_database_are_not_conflict_copies(name: str) -> None:
    assert conflict_copy(DB, DB.parent / name) is None


def test_a_copy_names_the_device_it_came_from_when_it_can() -> None:
    dropbox = conflict_copy(DB, DB.parent / "nextyes (DESKTOP's conflicted copy 2026-03-15).json")
    nextcloud = conflict_copy(DB, DB.parent / "nextyes (conflicted copy 2026-03-15 143000).json")
    assert dropbox is not None and dropbox.described == "the copy made on DESKTOP (Dropbox)"
    assert nextcloud is not None and nextcloud.described == "the Nextcloud conflict copy of Sun 15 Mar 2026"


@pytest.fixture
def synced(tmp_path: Path) -> tuple[Recorder, Recorder]:
    """This machine's database in a synced folder, and another machine's copy of it, changed on each."""
    here_clock, there_clock = FakeClock(FIXED_NOW), FakeClock(FIXED_NOW + timedelta(minutes=3))
    here = Recorder(Store(tmp_path / "Sync" / "nextyes.json", here_clock), here_clock)
    here.add_application("Hooli", "Site Reliability Engineer")
    (tmp_path / "desktop").mkdir()
    shutil.copyfile(here.store.path, tmp_path / "desktop" / "nextyes.json")
    there = Recorder(Store(tmp_path / "desktop" / "nextyes.json", there_clock), there_clock)
    here.log(ActivityKind.LEARN, "SQL window functions")
    there.add_application("Acme", "Data Engineer")
    there.log(ActivityKind.NETWORK, "coffee with Dana")
    return here, there


def test_a_conflict_copy_is_merged_kept_in_the_backups_and_said_once(synced) -> None:
    here, there = synced
    folder = here.store.path.parent
    copy = folder / "nextyes (DESKTOP's conflicted copy 2026-03-15).json"
    shutil.copyfile(there.store.path, copy)

    lines = absorb_conflict_copies(here.store)

    assert len(lines) == 1
    assert lines[0].startswith("Merged 3 changes from the copy made on DESKTOP (Dropbox); it is kept as ")
    search = here.store.load()
    assert {a.company for a in search.applications} == {"Hooli", "Acme"}
    assert {a.note for a in search.activities} >= {"SQL window functions", "coffee with Dana"}
    assert not copy.exists()
    assert (folder / "nextyes.json.backups" / copy.name).read_bytes() == there.store.path.read_bytes()
    assert absorb_conflict_copies(here.store) == []  # said once: nothing is left to find


def test_every_copy_is_merged_and_one_holding_nothing_new_is_said_so(synced) -> None:
    here, there = synced
    folder = here.store.path.parent
    shutil.copyfile(there.store.path, folder / "nextyes.sync-conflict-20260315-143000-ABCDEF7.json")
    shutil.copyfile(here.store.path, folder / "nextyes_conflict-20260315-143500.json")

    lines = absorb_conflict_copies(here.store)

    assert lines[0].startswith("Merged 3 changes from the copy made on ABCDEF7 (Syncthing)")
    assert lines[1].startswith("The ownCloud conflict copy of Sun 15 Mar 2026 held nothing new; it is kept as ")
    assert find_conflict_copies(here.store.file) == []
    assert here.store.history()[0].summary == "merged 3 changes from the copy made on ABCDEF7 (Syncthing)"


@pytest.mark.parametrize("content", [b'{"_meta": {"1": {"schema_version": 5}}, "applic', b"", b"\x00\x01binary"])
def test_a_copy_that_cannot_be_read_is_left_where_it_is_and_named(synced, content: bytes) -> None:
    here, _ = synced
    before = here.store.path.read_bytes()
    copy = here.store.path.parent / "nextyes.sync-conflict-20260315-143000-ABCDEF7.json"
    copy.write_bytes(content)

    lines = absorb_conflict_copies(here.store)

    assert len(lines) == 1
    assert lines[0].startswith(f"Found the copy made on ABCDEF7 (Syncthing), {copy.name}, but it cannot be merged: it ")
    assert lines[0].endswith("it was left where it is")
    assert copy.read_bytes() == content
    assert here.store.path.read_bytes() == before


def test_no_copies_no_lines(synced) -> None:
    here, _ = synced
    assert absorb_conflict_copies(here.store) == []


def test_the_machine_name_is_made_once_and_kept_outside_the_database(monkeypatch, tmp_path: Path) -> None:
    monkeypatch.delenv(MACHINE_ENV, raising=False)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    first = machine_name()
    assert first == machine_name()  # kept: the same every time
    assert machine_file() == tmp_path / "config" / "nextyes" / "machine"
    assert machine_file().read_text().strip() == first
    assert len(first.rsplit("-", 1)[-1]) == 4  # a short random part after the host name
    monkeypatch.setenv(MACHINE_ENV, "laptop one")
    assert machine_name() == "laptop-one"
