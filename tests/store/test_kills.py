"""kill -9 of a nextyes process at any moment of a write never costs the file nor a record it said was saved.

Each round forks a writer that records one thing after another exactly as the shell does (a fresh Store, the
Recorder), and reports each record's name on a pipe only once its transaction has returned. It runs twice: as
the app writes (the whole file each time) and as the shell does (a line in the journal, the whole file at the
day's first change, which folds the journal in). After a seeded
random delay the writer is killed with SIGKILL: before the lock, while reading, while its temp file is half
written, between the rename and its report… Its clock moves a day every few records, so daily backups are
kept and pruned while the kills land too.

    .venv/bin/python -m pytest tests/test_store_kills.py -s    prints the figures quoted in the README
"""

from __future__ import annotations

import itertools
import os
import random
import signal
import time
import traceback
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import NoReturn

import pytest

from tests.support.clock import FIXED_NOW, FakeClock
from tui.cli.quick_log import quick
from tui.cli.records import logged
from tui.core.models import ActivityKind
from tui.core.search import JobSearch
from tui.recording import Recorder
from tui.store import Store
from tui.store.backups import backup_folder
from tui.store.database import count_records
from tui.store.journal import read as read_journal

KILLS = 200
RECORDS_A_DAY = 3  # the writer's clock moves a day every few records, so backups are kept and pruned
LONGEST_LIFE = 0.08  # seconds: a writer is killed at a random moment within this long after it starts…
SLOWEST_LIFE = 2.0  # …a window that widens, up to this, while writes are slow (a loaded machine)
SEED = 20260315
FAILED = "!"  # a line the writer sends instead of a name when a write raised: the test reports it
WHOLE, JOURNAL, QUICK = "whole", "journal", "quick"  # how the writer saves: see `write_until_killed`
QUICKLY = " (quick)"  # after a reported name: the quick `log` saved it

pytestmark = [
    pytest.mark.slow,
    pytest.mark.serial,  # kills a writer at random moments: it needs a core of its own to mean anything
    pytest.mark.skipif(not hasattr(os, "fork"), reason="forking a writer to kill needs os.fork"),
]


class WriterClock:
    """The writer's clock: one day later every RECORDS_A_DAY records of the whole search."""

    def __init__(self, records_before: int) -> None:
        self.records = records_before

    def __call__(self) -> datetime:
        return FIXED_NOW + timedelta(days=self.records // RECORDS_A_DAY)

    def count_one(self) -> None:
        self.records += 1


def record_name(round_number: int, number: int) -> str:
    return f"round-{round_number}-{number}"


def write_until_killed(db_path: Path, round_number: int, records_before: int, report: int, mode: str) -> NoReturn:
    """The forked writer: record after record as `nextyes add` and `nextyes log` do, each reported once saved.
    In the QUICK mode four records in five are logs, each first offered to the shell's quick `log`
    (tui/cli/quick_log.py), which appends it without reading the file while its brief holds, as the `nextyes`
    program does.

    It never returns into the test process it was forked from: whatever happens, it ends with os._exit.
    """
    try:
        os.dup2(os.open(os.devnull, os.O_WRONLY), 1)  # what the quick `log` prints
        clock = WriterClock(records_before)
        recorder = Recorder(Store(db_path, clock, journal=mode != WHOLE), clock)
        for number in itertools.count():
            name = record_name(round_number, number)
            answered = None
            if mode == QUICK and number % 5:  # logs in a row, as a day's are: each one after the first is quick
                answered = quick(["log", "network", name, "--db", str(db_path)], clock)
                if answered is None:  # as `nextyes log` then does: the whole command, which keeps the brief
                    search = recorder.store.load()
                    logged(recorder, search, recorder.today(search), recorder.log(ActivityKind.NETWORK, name))
            elif number % 2:
                recorder.log(ActivityKind.NETWORK, name)
            else:
                recorder.add_application(name, "Engineer")
            os.write(report, f"{name}{QUICKLY if answered is not None else ''}\n".encode())
            clock.count_one()
    except BaseException:
        os.write(report, f"{FAILED}{traceback.format_exc()!r}\n".encode())
    finally:
        os._exit(1)


def kill_a_writer(
    db_path: Path, round_number: int, records_before: int, life: float, mode: str, quick_logs: list[str]
) -> list[str]:
    """Fork a writer, SIGKILL it after `life` seconds, and return the names it reported as saved (those the quick
    `log` saved are added to `quick_logs` too)."""
    reading, writing = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(reading)
        write_until_killed(db_path, round_number, records_before, writing, mode)
    os.close(writing)
    time.sleep(life)
    os.kill(pid, signal.SIGKILL)
    _, status = os.waitpid(pid, 0)
    with os.fdopen(reading, "rb") as pipe:
        reported = pipe.read().decode().splitlines()
    quick_logs.extend(line for line in reported if line.endswith(QUICKLY))
    reported = [line.removesuffix(QUICKLY) for line in reported]
    failures = [line for line in reported if line.startswith(FAILED)]
    assert failures == [], f"round {round_number}: the writer failed before its kill: {failures[0]}"
    assert os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL, f"round {round_number}: {status}"
    return reported


def temp_files(db_path: Path) -> set[Path]:
    """Every temp file beside the database or in its backups folder."""
    folders = (db_path.parent, backup_folder(db_path))
    return {path for folder in folders if folder.is_dir() for path in folder.glob(".*.tmp")}


def names_in(search: JobSearch) -> list[str]:
    """The names the writers gave their records: each application's company and each network note."""
    networking = [a.note for a in search.activities if a.kind is ActivityKind.NETWORK]
    return [a.company for a in search.applications] + networking


@dataclass
class Survey:
    """What the kills did, checked after every one of them."""

    db_path: Path
    acknowledged: list[str] = field(default_factory=list)
    kills_that_left_a_temp_file: int = 0
    backups_seen: set[Path] = field(default_factory=set)
    backups_checked: dict[Path, tuple[int, int, int]] = field(default_factory=dict)
    temp_files_seen: set[Path] = field(default_factory=set)
    journal_lines_seen: int = 0  # the most lines the journal held after a kill
    quick_logs: list[str] = field(default_factory=list)  # records the quick `log` saved, from its brief
    torn_journal_tails: int = 0  # kills that left a line half-written at the journal's end

    def after_a_kill(self, reported: list[str]) -> list[str]:
        """Check the file opens with every acknowledged record and every backup parses; returns the names."""
        self.acknowledged += reported
        lines = read_journal(self.db_path)
        self.journal_lines_seen = max(self.journal_lines_seen, len(lines.lines))
        self.torn_journal_tails += lines.torn
        left = temp_files(self.db_path) - self.temp_files_seen
        self.kills_that_left_a_temp_file += bool(left)
        self.temp_files_seen |= left
        names = names_in(Store(self.db_path, FakeClock()).check())
        missing = set(self.acknowledged) - set(names)
        assert not missing, f"after {len(self.acknowledged)} acknowledged records, lost: {sorted(missing)}"
        self.check_backups()
        return names

    def check_backups(self) -> None:
        """Each backup opens: a file changed since the last look (by inode, size or time) is parsed again."""
        folder = backup_folder(self.db_path)
        for backup in sorted(folder.glob("[!.]*")) if folder.is_dir() else []:
            info = backup.stat()
            stamp = (info.st_ino, info.st_size, info.st_mtime_ns)
            if self.backups_checked.get(backup) != stamp:
                count_records(backup)  # raises CorruptDatabase when it does not parse
                self.backups_checked[backup] = stamp
            self.backups_seen.add(backup)


def unreported_per_round(final: list[str], acknowledged: list[str]) -> set[int]:
    """How many saved records each round did not report: only the one in hand at the kill may be among them."""

    def per_round(names: list[str]) -> Counter[str]:
        return Counter(name.rsplit("-", 1)[0] for name in names if name.startswith("round-"))

    return set((per_round(final) - per_round(acknowledged)).values()) | {0}


@dataclass
class KillWindow:
    """When to kill the next writer: a random moment within a window that follows the machine's pace.

    On a loaded machine a write takes longer than the quiet machine's 80 ms window, and a writer killed
    before its first write proves nothing. So the window widens by a quarter after a writer that saved
    nothing and narrows after one that saved three or more, keeping the kills among the writes.
    """

    rng: random.Random
    longest: float = LONGEST_LIFE

    def next_life(self) -> float:
        return self.rng.uniform(0, self.longest)

    def saw(self, reported: int) -> None:
        if reported == 0:
            self.longest = min(self.longest * 1.25, SLOWEST_LIFE)
        elif reported >= 3:
            self.longest = max(self.longest / 1.25, LONGEST_LIFE)


@pytest.mark.parametrize(
    "mode",
    [WHOLE, JOURNAL, QUICK],
    ids=["whole-file writes", "journal appends and folds", "the shell's quick log from its brief"],
)
def test_a_writer_killed_at_any_moment_leaves_a_file_that_opens_with_every_acknowledged_record(
    db_path: Path, mode: str
) -> None:
    journal = mode != WHOLE
    started = time.monotonic()
    survey = Survey(db_path)
    names: list[str] = []
    window = KillWindow(random.Random(SEED))
    for round_number in range(KILLS):
        reported = kill_a_writer(db_path, round_number, len(names), window.next_life(), mode, survey.quick_logs)
        window.saw(len(reported))
        names = survey.after_a_kill(reported)

    clock = WriterClock(len(names))
    Recorder(Store(db_path, clock, journal=journal), clock).log(ActivityKind.NETWORK, "after the kills")
    final = names_in(Store(db_path, clock).check())
    runtime = time.monotonic() - started

    print(
        f"\n{KILLS} kills, {len(survey.acknowledged)} acknowledged records all kept, {len(final)} records in the file "
        f"({len(final) - len(survey.acknowledged) - 1} saved but killed before reporting), "
        f"{survey.kills_that_left_a_temp_file} kills caught a write mid-way, "
        f"{len(survey.backups_seen)} backups kept over the run, {runtime:.1f} s; the journal held up to "
        f"{survey.journal_lines_seen} lines, {survey.torn_journal_tails} kills left a torn last line, "
        f"{len(survey.quick_logs)} records were logged the quick way"
    )
    assert set(survey.acknowledged) | {"after the kills"} <= set(final)
    assert len(final) == len(set(final)), "a record was written twice"
    assert unreported_per_round(final, survey.acknowledged) <= {0, 1}, "more than the write in hand went unreported"
    assert temp_files(db_path) == set(), "the write after the kills sweeps what killed writers left"
    assert len(survey.acknowledged) >= KILLS // 2, "too few writes happened for the kills to prove anything"
    assert survey.kills_that_left_a_temp_file > 0, "no kill landed in the middle of a write"
    assert survey.backups_seen - set(backup_folder(db_path).iterdir()), "no backup was pruned during the kills"
    if journal:
        assert survey.journal_lines_seen > 0, "no change went to the journal: the kills proved nothing of it"
    if mode == QUICK:
        assert len(survey.quick_logs) > 0, "no log went the quick way: the kills proved nothing of it"
