"""Several nextyes processes (the open app and shell commands) share one database without losing a record."""

from __future__ import annotations

import functools
import os
import signal
import subprocess
import sys
import threading
import time
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from tui import cli
from tui.core.models import ActivityKind, Application
from tui.core.search import JobSearch
from tui.recording import Recorder
from tui.store import DatabaseBusy, Store

WRITER = Path(__file__).with_name("store_writer.py")
SHELL_WRITERS = {"shell-a": "add", "shell-b": "log", "shell-c": "add", "shell-d": "log"}
RECORDS_EACH = 50
THREAD_RECORDS_EACH = 30


def start(db_path: Path, writer: str, command: str, count: int = RECORDS_EACH) -> subprocess.Popen[str]:
    process = subprocess.Popen(
        [sys.executable, str(WRITER), str(db_path), writer, str(count), command],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
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
        _, errors = process.communicate(timeout=120)
        assert process.returncode == 0, errors


def add_application(store: Store, company: str, clock: Any) -> None:
    with store.transaction() as tx:
        tx.add(Application(company=company, role="Engineer", created_at=clock(), updated_at=clock()))


def company_names(store: Store) -> Counter[str]:
    return Counter(application.company for application in store.load().applications)


def written_names(search: JobSearch) -> tuple[Counter[str], Counter[str]]:
    """The names writers gave: each application's company, and each networking note."""
    networking = Counter(a.note for a in search.activities if a.kind is ActivityKind.NETWORK)
    return Counter(a.company for a in search.applications), networking


def recorded_with(command: str, how: str, number: int) -> bool:
    """Whether a writer recording `how` ("add", "log", or "both" by turns) used `command` for its record `number`."""
    return how == command or (how == "both" and command == ("log" if number % 2 else "add"))


def expected_names(writers: dict[str, str], count: int) -> tuple[Counter[str], Counter[str]]:
    """What `written_names` must be when each writer recorded `count` names, each with `add` or `log`."""

    def of(command: str) -> Counter[str]:
        names = (f"{w}-{n}" for w, how in writers.items() for n in range(count) if recorded_with(command, how, n))
        return Counter(names)

    return of("add"), of("log")


def assert_exactly(store: Store, writers: dict[str, str], count: int) -> None:
    """Every record written once, ids unique, no temp file left."""
    search = store.check()
    assert written_names(search) == expected_names(writers, count)
    ids = [record.id for record in (*search.applications, *search.activities)]
    assert len(set(ids)) == len(ids)
    assert [p for p in store.path.parent.rglob("*") if p.name.endswith(".tmp")] == []


# --- The app and four shells writing at once -----------------------------------------------------------


def write_like_the_app(recorder: Recorder, number: int) -> None:
    """The app records applications and networking by turns, through one long-lived Recorder."""
    name = f"app-{number}"
    if recorded_with("log", "both", number):
        recorder.log(ActivityKind.NETWORK, name)
    else:
        recorder.add_application(name, "Engineer")


@pytest.mark.slow
@pytest.mark.serial  # five processes race for the lock: with the machine to itself the race is at its closest
def test_the_app_and_four_shells_writing_at_once_end_with_exactly_every_record(db_path: Path, clock: Any) -> None:
    """The open app keeps one Store for hours; each shell command is a new process with a fresh Store.

    Each of the app's writes must see what the shells wrote meanwhile, and no shell may overwrite another. All
    write as they do for real: a line in the journal once the day's backup is kept, the whole file (folding the
    journal in) for the day's first change.
    """
    app = Recorder(Store(db_path, clock, journal=True), clock)  # as tui/app/app.py makes its store
    shells = [start(db_path, writer, command) for writer, command in SHELL_WRITERS.items()]

    started = time.monotonic()
    go(*shells)
    write_like_the_app(app, 0)
    deadline = time.monotonic() + 60
    while len(app.store.load().applications) < 2 and time.monotonic() < deadline:
        time.sleep(0.005)  # so that a shell has written since the app's first write
    for number in range(1, RECORDS_EACH):
        write_like_the_app(app, number)
    finish(*shells)

    print(f"\nthe app and {len(SHELL_WRITERS)} shells, {RECORDS_EACH} records each, {time.monotonic() - started:.1f} s")
    assert_exactly(app.store, {**SHELL_WRITERS, "app": "both"}, RECORDS_EACH)


@pytest.mark.slow
@pytest.mark.serial  # four processes race for the lock
def test_undo_in_one_shell_while_three_write_takes_back_exactly_what_it_says(db_path: Path, clock: Any) -> None:
    """An undo is a locked change like any other: racing writers, it takes back whole changes, each named in
    what it printed, and nothing else; nothing is lost, duplicated or left half undone."""
    writers = {"shell-a": "add", "shell-b": "log", "shell-c": "add"}
    shells = [start(db_path, writer, command, 20) for writer, command in writers.items()]
    undoer = start(db_path, "undoer", "undo", 15)
    go(*shells, undoer)
    finish(*shells)
    said, errors = undoer.communicate(timeout=120)
    assert undoer.returncode == 0, errors

    undone = [line.removeprefix("Undid: ").removesuffix(".") for line in said.splitlines() if line.startswith("Undid")]
    assert undone, said  # the race let the undoer in at least once
    added, networked = expected_names(writers, 20)
    for summary in undone:
        if summary.startswith("added "):  # "added shell-a-3 (Engineer)": the application and its apply activity
            added -= Counter([summary.removeprefix("added ").removesuffix(" (Engineer)")])
        else:
            networked -= Counter([summary.removeprefix("logged network: ")])
    search = Store(db_path, clock).check()
    assert written_names(search) == (added, networked)
    assert sum(added.values()) + sum(networked.values()) == 60 - len(undone)
    assert len([a for a in search.activities if a.kind is ActivityKind.APPLY]) == sum(added.values())
    assert [p for p in db_path.parent.rglob("*") if p.name.endswith(".tmp")] == []


def test_threads_of_one_process_writing_at_once_end_with_exactly_every_record(db_path: Path, clock: Any) -> None:
    """The app writes from worker threads; each transaction takes its own lock on the file."""
    store = Store(db_path, clock)
    writers = {f"worker-{n}": "add" for n in range(4)}
    errors: list[BaseException] = []

    def write(writer: str) -> None:
        try:
            for number in range(THREAD_RECORDS_EACH):
                add_application(store, f"{writer}-{number}", clock)
        except BaseException as error:
            errors.append(error)

    threads = [threading.Thread(target=write, args=(writer,)) for writer in writers]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    assert errors == []
    assert_exactly(store, writers, THREAD_RECORDS_EACH)


# --- A lock held too long --------------------------------------------------------------------------------


@pytest.fixture
def lock_holder(db_path: Path, clock: Any):
    """Another process holding the database's lock, with one application saved before it took it."""
    add_application(Store(db_path, clock), "Acme", clock)
    holder = start(db_path, "-", "hold")
    yield holder
    release(holder)


def release(holder: subprocess.Popen[str]) -> None:
    """Let the lock holder go, unless the test did already."""
    if holder.poll() is None and holder.stdin is not None and not holder.stdin.closed:
        go(holder)
        finish(holder)


def assert_busy_in_one_line(db_path: Path, err: str) -> None:
    assert err.count("\n") == 1 and "Traceback" not in err
    assert "the database is busy" in err and str(db_path) in err


def test_a_lock_held_by_another_process_makes_a_write_wait_then_say_busy(
    db_path: Path, clock: Any, lock_holder: subprocess.Popen[str]
) -> None:
    before = db_path.read_bytes()
    impatient = Store(db_path, clock, lock_timeout=0.3)
    started = time.monotonic()
    with pytest.raises(DatabaseBusy) as refused:
        add_application(impatient, "Globex", clock)
    waited = time.monotonic() - started
    release(lock_holder)

    assert 0.3 <= waited < 30  # it waited for the lock, then gave up rather than waiting on and on
    assert_busy_in_one_line(db_path, f"{refused.value}\n")
    assert db_path.read_bytes() == before
    add_application(impatient, "Globex", clock)
    assert company_names(impatient) == {"Acme": 1, "Globex": 1}


def test_the_shell_says_busy_in_one_line_and_exits_3_when_the_lock_is_held_too_long(
    db_path: Path,
    clock: Any,
    lock_holder: subprocess.Popen[str],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """The shell waits `lock_timeout` (10 s by default; 0.3 s here) for the lock, then gives up."""
    before = db_path.read_bytes()
    monkeypatch.setattr("tui.store.Store", functools.partial(Store, lock_timeout=0.3))  # what the shell opens

    status = cli.main(["log", "learn", "read a chapter", "--db", str(db_path)], now=clock)

    assert status == 3
    assert_busy_in_one_line(db_path, capsys.readouterr().err)
    assert db_path.read_bytes() == before


@pytest.mark.slow
def test_a_real_shell_waits_its_default_ten_seconds_then_says_busy_with_exit_3(
    db_path: Path, lock_holder: subprocess.Popen[str]
) -> None:
    before = db_path.read_bytes()
    started = time.monotonic()
    result = subprocess.run(
        [sys.executable, "-m", "tui", "log", "learn", "read a chapter", "--db", str(db_path)],
        check=False,
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "TZ": "UTC"},
    )
    waited = time.monotonic() - started

    assert result.returncode == 3, result.stderr
    assert_busy_in_one_line(db_path, result.stderr)
    assert db_path.read_bytes() == before
    assert waited >= 10


def test_a_process_killed_while_holding_the_lock_does_not_lock_anyone_out(db_path: Path, clock: Any) -> None:
    holder = start(db_path, "-", "hold")
    holder.send_signal(signal.SIGKILL)
    holder.wait(timeout=10)

    add_application(Store(db_path, clock, lock_timeout=2), "Acme", clock)

    assert company_names(Store(db_path, clock)) == {"Acme": 1}
