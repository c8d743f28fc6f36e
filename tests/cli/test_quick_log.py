"""`nextyes log` answered from its brief: the same answer and the same file as the whole command, sooner.

A `log` keeps a brief of the search in the user's cache folder (the settings and the records' tally, tied to
the database file's and journal's identities); the next `log` while it holds appends its activity to the journal
without reading the file (tui/cli/quick_log.py). These tests hold it to the whole command: what it prints, what
the file holds, what undo takes back, and each case the brief must leave to the whole command.
"""

from __future__ import annotations

import contextlib
import errno
import io
import re
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.support.clock import FakeClock
from tests.support.shell import loaded_by
from tui.cli import main
from tui.store import Store, journal
from tui.store import brief as briefs
from tui.store.backups import backup_folder


@pytest.fixture
def a_day_begun(run) -> None:
    """The day's first change made (so the file has today's backup) and a brief kept."""
    assert run("add", "Acme", "Engineer", "--on", "2 days ago")[0] == 0
    assert run("log", "network", "coffee with Dana")[0] == 0


def files(db_path: Path) -> tuple[bytes, bytes]:
    """The database file's bytes and its journal's (none yet: b"")."""
    kept = journal.journal_file(db_path)
    return db_path.read_bytes(), kept.read_bytes() if kept.exists() else b""


def activities(db_path: Path, clock: FakeClock) -> list[tuple[str, str, str]]:
    return [(a.kind.value, a.note, str(a.logical_day)) for a in Store(db_path, clock).check().activities]


def test_a_second_log_is_answered_from_the_brief_as_the_whole_command_answers(
    run, a_day_begun: None, whole_command_runs: list[list[str]], db_path: Path, clock: FakeClock
) -> None:
    status, out, err = run("log", "learn", "SQL window functions")

    assert (status, err) == (0, "")
    assert out == "Logged learn on 2026-03-15. Today is done: 1.5 points (target 1). Streak: 1 day.\n"
    assert whole_command_runs == []
    assert activities(db_path, clock)[-1] == ("learn", "SQL window functions", "2026-03-15")
    assert journal.read(db_path).lines, "the activity went to the journal, the file was not rewritten"
    assert run("history")[1].splitlines()[1].endswith("shell  logged learn: SQL window functions")


def test_a_quick_log_is_taken_back_by_undo(run, a_day_begun: None, db_path: Path, clock: FakeClock) -> None:
    run("log", "learn", "a chapter")

    assert run("undo")[0] == 0

    assert [kind for kind, _, _ in activities(db_path, clock)] == ["apply", "network"]


def test_a_log_the_day_before_is_counted_for_it(run, a_day_begun: None, whole_command_runs: list[list[str]]) -> None:
    status, out, _ = run("log", "apply", "--on", "yesterday", "Globex")

    assert status == 0 and whole_command_runs == []
    assert out.splitlines() == [
        "★ 3-day streak! (earned Sun 15 Mar)",
        "Logged apply on 2026-03-14. Today is done: 1 point (target 1). Streak: 3 days.",
    ]


def test_the_rewards_a_quick_log_earns_are_announced(
    run, clock: FakeClock, whole_command_runs: list[list[str]]
) -> None:
    run("log", "apply", "--on", "2 days ago")  # the first change: the whole command, which keeps the brief
    run("log", "apply", "--on", "yesterday")  # the day's backup kept: this one and the next are quick
    assert run("log", "learn")[1].startswith("Logged learn on 2026-03-15. 0.5 of 1 point today")

    status, out, _ = run("log", "learn")

    assert status == 0 and len(whole_command_runs) == 2
    assert out.splitlines() == [
        "★ 3-day streak! (earned Sun 15 Mar)",
        "Logged learn on 2026-03-15. Today is done: 1 point (target 1). Streak: 3 days.",
    ]


def test_a_warm_log_loads_no_pydantic_no_models_no_argparse_table(run, a_day_begun: None, db_path: Path) -> None:
    heavy = ("pydantic", "tui.core.models", "tui.cli.command_line", "tui.recording")

    assert loaded_by(["log", "learn", "--db", str(db_path)], heavy, "2026-03-15T15:00:00+00:00") == (0, [])
    assert activities(db_path, FakeClock())[-1][:1] == ("learn",)


# What the brief leaves to the whole command -----------------------------------------------------------------


def test_a_change_made_since_by_another_command_is_seen(
    run, a_day_begun: None, whole_command_runs: list[list[str]]
) -> None:
    run("rest", "--on", "tomorrow")
    whole_command_runs.clear()

    status, _, _ = run("log", "learn")

    assert status == 0 and len(whole_command_runs) == 1, "the brief no longer held: the whole command answered"
    assert run("log", "learn")[0] == 0 and len(whole_command_runs) == 1, "and kept a new one"


def test_a_log_for_an_application_looks_it_up(run, a_day_begun: None, whole_command_runs: list[list[str]]) -> None:
    status, out, _ = run("log", "follow-up", "--app", "Acme")

    assert status == 0 and len(whole_command_runs) == 1
    assert out.startswith("Logged follow-up for Acme on 2026-03-15.")


def test_the_days_first_change_is_the_whole_command_and_keeps_the_backup(
    run, a_day_begun: None, clock: FakeClock, db_path: Path, whole_command_runs: list[list[str]]
) -> None:
    clock.advance(days=1)

    assert run("log", "learn")[0] == 0

    assert len(whole_command_runs) == 1
    assert (backup_folder(db_path) / "nextyes-2026-03-16.json").exists()


def test_in_a_synced_folder_every_log_is_written_into_the_file(
    run, db_path: Path, whole_command_runs: list[list[str]]
) -> None:
    (db_path.parent / ".stfolder").mkdir()
    run("log", "learn")
    run("log", "learn")

    assert len(whole_command_runs) == 2
    assert not journal.journal_file(db_path).exists()


@pytest.mark.parametrize(
    "spoil",
    [lambda text: text[: len(text) // 2], lambda text: text.replace(b'"daily_target":1.0', b'"daily_target":"x"')],
    ids=["cut short", "a setting of the wrong kind"],
)
def test_a_spoiled_brief_is_worked_out_again(
    run, a_day_begun: None, db_path: Path, whole_command_runs: list[list[str]], spoil: Any
) -> None:
    brief = briefs.brief_file(db_path)
    brief.write_bytes(spoil(brief.read_bytes()))

    status, out, _ = run("log", "learn")

    assert status == 0 and len(whole_command_runs) == 1
    assert "Today is done: 1.5 points" in out
    assert briefs.read_brief(db_path) is not None


@pytest.mark.parametrize(
    ("arguments", "said"),
    [
        (["log", "learn", "--on", "tomorrow"], "'tomorrow' is in the future"),
        (["log", "learn", "x" * 2001], "note"),
        (["log", "dance"], "invalid choice"),
    ],
    ids=["a day ahead", "a note too long", "a kind there is not"],
)
def test_a_mistake_is_explained_by_the_whole_command(
    run, a_day_begun: None, whole_command_runs: list[list[str]], arguments: list[str], said: str, db_path: Path
) -> None:
    before = files(db_path)

    status, out, err = run(*arguments)

    assert status == 2 and out == "" and said in err and err.count("\n") == 1
    assert len(whole_command_runs) == 1
    assert files(db_path) == before


def test_a_full_disk_during_a_quick_log_changes_nothing_and_names_the_file(
    run, a_day_begun: None, db_path: Path, monkeypatch: pytest.MonkeyPatch, whole_command_runs: list[list[str]]
) -> None:
    before = files(db_path)
    brief = briefs.brief_file(db_path).read_bytes()

    def full(*arguments: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(journal, "append", full)
    status, out, err = run("log", "learn")

    assert (status, out) == (3, "") and whole_command_runs == []
    assert err == f"nextyes: {db_path}: cannot be saved: the disk is full; nothing was changed\n"
    assert files(db_path) == before
    assert briefs.brief_file(db_path).read_bytes() == brief


# The same answers with and without the brief ------------------------------------------------------------------

STEPS = st.lists(
    st.one_of(
        st.tuples(
            st.just("log"),
            st.sampled_from(["apply", "network", "learn", "other"]),
            st.sampled_from(["", "a", " two  words "]),
        ),
        st.tuples(
            st.just("log --on"), st.sampled_from(["apply", "learn"]), st.sampled_from(["yesterday", "3 days ago"])
        ),
        st.tuples(st.just("hours"), st.integers(min_value=1, max_value=30), st.just("")),
        st.tuples(st.just("rest"), st.just("tomorrow"), st.just("")),
        st.tuples(st.just("no"), st.just(""), st.just("")),
        st.tuples(st.just("undo"), st.just(""), st.just("")),
    ),
    min_size=1,
    max_size=14,
)
SHORT_ID = re.compile(r"\b[0-9a-f]{8}\b")


@settings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(steps=STEPS)
def test_with_or_without_the_brief_every_answer_and_every_record_is_the_same(
    tmp_path_factory: pytest.TempPathFactory, steps: list[tuple[str, object, str]]
) -> None:
    clock = FakeClock()
    kept, worked_out = (str(tmp_path_factory.mktemp("brief") / "nextyes.json") for _ in range(2))

    def nextyes(db: str, *arguments: str) -> tuple[int, str, str]:
        if db == worked_out:
            briefs.brief_file(Path(db)).unlink(missing_ok=True)
        out, err = io.StringIO(), io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            status = main([*arguments, "--db", db], now=clock)
        return status, SHORT_ID.sub("ID", out.getvalue()), err.getvalue()

    for db in (kept, worked_out):
        nextyes(db, "add", "Acme", "Engineer", "--on", "yesterday")
    for step, value, note in steps:
        if step == "hours":
            clock.advance(hours=int(str(value)))
            continue
        arguments = {
            "log": ["log", str(value), note],
            "log --on": ["log", str(value), "--on", note],
            "rest": ["rest", "--on", str(value)],
            "no": ["stage", "Acme", "rejected"],
            "undo": ["undo"],
        }[step]
        assert nextyes(kept, *arguments) == nextyes(worked_out, *arguments), arguments

    def records(db: str) -> list[dict[str, Any]]:
        tables = Store(Path(db), clock).contents()
        return [
            {key: value for key, value in document.items() if key not in ("id", "application_id")}
            for name in ("activities", "rest_days")
            for document in tables[name].values()
        ]

    assert records(kept) == records(worked_out)
    assert [entry.summary for entry in Store(Path(kept), clock).history()] == [
        entry.summary for entry in Store(Path(worked_out), clock).history()
    ]
