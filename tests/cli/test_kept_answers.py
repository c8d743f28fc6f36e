"""`status` and `today` said again from what they last printed, only while everything they read still holds."""

from __future__ import annotations

import contextlib
import io
import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.support.clock import FakeClock
from tui.cli import main
from tui.locations import cache_folder


@pytest.fixture
def searching(run) -> None:
    assert run("add", "Acme", "Engineer", "--on", "9 days ago")[0] == 0
    assert run("log", "learn", "a chapter")[0] == 0


def test_status_asked_again_is_said_again_without_reading_the_records(
    run, searching: None, whole_command_runs: list[list[str]]
) -> None:
    first = run("status")

    again = run("status")

    assert again == first and first[0] == 0 and "Streak:" in first[1]
    assert len(whole_command_runs) == 1


def test_each_way_of_asking_keeps_its_own_answer(run, searching: None, whole_command_runs: list[list[str]]) -> None:
    asked = [("status",), ("status", "--json"), ("today",), ("today", "--as-of", "yesterday")]
    first = [run(*arguments) for arguments in asked]

    assert [run(*arguments) for arguments in asked] == first
    assert len(whole_command_runs) == len(asked)
    assert first[1][1].startswith("{") and first[2][1].startswith("1. ")


def test_a_change_is_seen_at_once(run, searching: None, whole_command_runs: list[list[str]]) -> None:
    assert "0.5 of 1 point so far" in run("status")[1]

    run("log", "network", "coffee with Dana")

    assert run("status")[1].splitlines()[3] == "Today:    █ done: 1.5 points today (target 1)"
    assert len(whole_command_runs) == 2


def test_the_next_day_is_worked_out_afresh(run, searching: None, clock: FakeClock) -> None:
    today = run("status")[1]
    clock.advance(days=1)

    tomorrow = run("status")[1]

    assert tomorrow != today and tomorrow.startswith("As of Monday 16 March 2026")


def test_an_interviews_hour_changes_the_answer(run, searching: None, clock: FakeClock) -> None:
    run("interview", "Acme", "--on", "today", "--at", "16:00")
    before = run("today")[1]
    assert "Prepare for" in before

    clock.advance(hours=2)  # 16:30: the interview has begun; preparing for it is no longer asked

    assert run("today")[1] != before


def test_a_clock_set_back_is_not_answered_from_a_later_answer(
    run, searching: None, clock: FakeClock, whole_command_runs: list[list[str]]
) -> None:
    run("status")
    clock.advance(hours=-1)

    run("status")

    assert len(whole_command_runs) == 2


def test_an_answer_with_a_word_on_standard_error_is_not_kept(
    run, searching: None, whole_command_runs: list[list[str]], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TZ", "Nowhere/Atlantis")
    first = run("status")
    assert "Nowhere/Atlantis" in first[2]

    assert run("status") == first
    assert len(whole_command_runs) == 2


def test_a_conflict_copy_waiting_beside_the_database_is_merged_first(
    run, searching: None, db_path: Path, whole_command_runs: list[list[str]]
) -> None:
    run("status")
    (db_path.parent / "nextyes.sync-conflict-20260315-120000-ABCDEF7.json").write_bytes(db_path.read_bytes())

    status, _, err = run("status")

    assert status == 0 and "held nothing new" in err
    assert len(whole_command_runs) == 2


class GoneReader(io.StringIO):
    """Standard output piped to a reader that has gone (`nextyes status | head -1`, once head has its line)."""

    def __init__(self) -> None:
        super().__init__()
        self.read_end, self.write_end = os.pipe()

    def write(self, text: str) -> int:
        raise BrokenPipeError(32, "Broken pipe")

    def fileno(self) -> int:
        return self.write_end  # where the command points standard output when its reader has gone


def test_an_answer_cut_short_by_its_reader_is_not_kept(
    searching: None, db_path: Path, clock: FakeClock, run, whole_command_runs: list[list[str]]
) -> None:
    gone = GoneReader()
    try:
        with contextlib.redirect_stdout(gone):
            assert main(["status", "--db", str(db_path)], now=clock) == 0
    finally:
        os.close(gone.read_end)
        os.close(gone.write_end)

    said = run("status")

    assert said[0] == 0 and "Streak:" in said[1]
    assert len(whole_command_runs) == 2, (
        "what the gone reader did not get was not kept: the answer was worked out again"
    )


STEPS = st.lists(
    st.one_of(
        st.tuples(st.just("log"), st.sampled_from(["apply", "network", "learn"])),
        st.tuples(st.just("hours"), st.integers(min_value=-3, max_value=30)),
        st.tuples(st.just("interview"), st.sampled_from(["15:00", "18:30", "09:00"])),
        st.tuples(st.just("rest"), st.just("tomorrow")),
        st.tuples(st.just("done"), st.just("1")),
        st.tuples(st.just("undo"), st.just("")),
    ),
    min_size=1,
    max_size=10,
)
QUESTIONS = (["status"], ["status", "--json"], ["today"], ["today", "--as-of", "yesterday"])


@settings(max_examples=30, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(steps=STEPS)
def test_with_or_without_the_kept_answers_every_answer_is_the_same(
    tmp_path_factory: pytest.TempPathFactory, steps: list[tuple[str, object]]
) -> None:
    clock = FakeClock()
    db = str(tmp_path_factory.mktemp("answers") / "nextyes.json")

    def nextyes(*arguments: str) -> tuple[int, str, str]:
        out, err = io.StringIO(), io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            status = main([*arguments, "--db", db], now=clock)
        return status, out.getvalue(), err.getvalue()

    nextyes("add", "Acme", "Engineer", "--on", "3 days ago")
    for step, value in steps:
        if step == "hours":
            clock.advance(hours=int(str(value)))
        else:
            nextyes(
                *{
                    "log": ["log", str(value)],
                    "interview": ["interview", "Acme", "--on", "today", "--at", str(value)],
                    "rest": ["rest", "--on", str(value)],
                    "done": ["done", str(value)],
                    "undo": ["undo"],
                }[step]
            )
        for question in QUESTIONS:
            said = nextyes(*question)
            for kept in (cache_folder() / "answers").glob("*.json"):
                kept.unlink()
            assert nextyes(*question) == said, question
            assert nextyes(*question) == said, question  # and once more, from what the second kept
