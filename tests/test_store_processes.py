"""Several nextyes processes (the open app and shell commands) share one database without losing a record."""

from __future__ import annotations

import signal
import subprocess
import sys
import threading
import time
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from tui.core.models import Application
from tui.store import DatabaseBusy, Store

WRITER = Path(__file__).with_name("store_writer.py")
RECORDS_EACH = 30


def start(db_path: Path, writer: str, how: str, count: int = RECORDS_EACH) -> subprocess.Popen[str]:
    process = subprocess.Popen(
        [sys.executable, str(WRITER), str(db_path), writer, str(count), how],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert process.stdout is not None
    first_line = process.stdout.readline().strip()
    assert first_line in {"ready", "locked"}, f"{writer} did not start: {first_line!r}"
    return process


def go(*processes: subprocess.Popen[str]) -> None:
    for process in processes:
        assert process.stdin is not None
        process.stdin.write("go\n")
        process.stdin.flush()


def finish(*processes: subprocess.Popen[str]) -> None:
    for process in processes:
        assert process.wait(timeout=60) == 0


def company_names(store: Store) -> Counter[str]:
    return Counter(application.company for application in store.load().applications)


def add_application(store: Store, company: str, clock: Any) -> None:
    with store.transaction() as tx:
        tx.add(Application(company=company, role="Engineer", created_at=clock(), updated_at=clock()))


def test_a_lock_held_by_another_process_makes_a_write_wait_then_say_busy(
    db_path: Path, clock: Any
) -> None:
    add_application(Store(db_path, clock), "Acme", clock)
    before = db_path.read_bytes()
    holder = start(db_path, "-", "hold")
    try:
        impatient = Store(db_path, clock, lock_timeout=0.3)
        started = time.monotonic()
        with pytest.raises(DatabaseBusy) as refused:
            add_application(impatient, "Globex", clock)
        waited = time.monotonic() - started
    finally:
        go(holder)
        finish(holder)

    assert 0.3 <= waited < 5
    assert "the database is busy" in str(refused.value)
    assert str(db_path) in str(refused.value)
    assert db_path.read_bytes() == before
    add_application(impatient, "Globex", clock)
    assert company_names(impatient) == {"Acme": 1, "Globex": 1}


def test_a_process_killed_while_holding_the_lock_does_not_lock_anyone_out(db_path: Path, clock: Any) -> None:
    holder = start(db_path, "-", "hold")
    holder.send_signal(signal.SIGKILL)
    holder.wait(timeout=10)

    add_application(Store(db_path, clock, lock_timeout=2), "Acme", clock)

    assert company_names(Store(db_path, clock)) == {"Acme": 1}


def assert_all_written(store: Store, writers: list[str], count: int = RECORDS_EACH) -> None:
    expected = Counter(f"{writer}-{number}" for writer in writers for number in range(count))
    search = store.load()
    written = Counter(a.company for a in search.applications) + Counter(a.note for a in search.activities)
    assert written == expected
    ids = [record.id for record in (*search.applications, *search.activities)]
    assert len(set(ids)) == len(ids)
    assert [p for p in store.path.parent.iterdir() if p.name.endswith(".tmp")] == []


def test_processes_writing_at_once_end_with_exactly_every_record(db_path: Path, clock: Any) -> None:
    ways = {"shell-a": "store", "shell-b": "store", "app": "recorder", "shell-c": "recorder"}
    processes = [start(db_path, writer, how) for writer, how in ways.items()]

    go(*processes)
    finish(*processes)

    assert_all_written(Store(db_path, clock), list(ways))


def test_a_long_lived_store_writing_alongside_other_processes_loses_nothing(db_path: Path, clock: Any) -> None:
    """The open app keeps one Store for hours; each of its writes must see what the shell wrote meanwhile."""
    app_store = Store(db_path, clock)
    processes = [start(db_path, writer, "store") for writer in ("shell-a", "shell-b", "shell-c")]

    go(*processes)
    add_application(app_store, "app-0", clock)
    deadline = time.monotonic() + 30
    while len(app_store.load().applications) < 2 and time.monotonic() < deadline:
        time.sleep(0.005)  # so that the shell has written since the app's first write
    for number in range(1, RECORDS_EACH):
        add_application(app_store, f"app-{number}", clock)
    finish(*processes)

    assert_all_written(app_store, ["shell-a", "shell-b", "shell-c", "app"])


def test_threads_of_one_process_writing_at_once_end_with_exactly_every_record(db_path: Path, clock: Any) -> None:
    """The app writes from worker threads; each transaction takes its own lock on the file."""
    store = Store(db_path, clock)
    writers = [f"worker-{n}" for n in range(4)]
    errors: list[BaseException] = []

    def write(writer: str) -> None:
        try:
            for number in range(RECORDS_EACH):
                add_application(store, f"{writer}-{number}", clock)
        except BaseException as error:  # noqa: BLE001 - reported by the assertion below
            errors.append(error)

    threads = [threading.Thread(target=write, args=(writer,)) for writer in writers]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    assert errors == []
    assert_all_written(store, writers)
