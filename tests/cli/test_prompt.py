"""`nextyes prompt`: the line a shell prompt shows, from a summary that is only ever a cache."""

from __future__ import annotations

import contextlib
import io
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.support.clock import FakeClock
from tests.support.shell import loaded_by
from tui.cli import main, prompt, summary
from tui.store.paths import JOURNAL_SUFFIX


@pytest.fixture
def searching(run) -> None:
    assert run("add", "Acme", "Engineer", "--on", "3 days ago")[0] == 0
    assert run("log", "network", "coffee with Dana")[0] == 0


def line(run, *arguments: str) -> str:
    status, out, err = run("prompt", *arguments)
    assert status == 0, err
    return out.rstrip("\n")


def test_the_line_says_the_streak_today_and_the_actions_due_as_status_does(run, searching: None) -> None:
    status = run("status")[1]

    shown = line(run)

    assert shown.startswith("streak 1 · today done · ")
    due = int(shown.rsplit("· ", 1)[1].split()[0])
    assert f"Actions due: {due}" in status


def test_format_picks_the_fields(run, searching: None) -> None:
    assert line(run, "--format", "{streak}d {points}/{target} {today}") == "1d 1/1 done"


def test_a_second_prompt_reads_only_the_summary(run, searching: None, monkeypatch: pytest.MonkeyPatch) -> None:
    first = line(run)

    def no_reading(*args: object) -> None:
        raise AssertionError("the records were read again")

    monkeypatch.setattr(summary, "_computed", no_reading)
    assert line(run) == first


def test_a_change_from_the_shell_is_seen_at_once(run, clock: FakeClock, db_path: Path) -> None:
    run("add", "Acme", "Engineer", "--on", "yesterday")
    run("add", "Globex", "Engineer", "--on", "yesterday")
    assert line(run, "--format", "{today}") == "0/1"

    run("log", "learn", "a chapter")  # goes to the journal: the file itself is not rewritten
    assert db_path.with_name(db_path.name + JOURNAL_SUFFIX).exists()
    assert line(run, "--format", "{today}") == "0.5/1"
    run("log", "network", "met Sam")
    assert line(run, "--format", "{today}") == "done"


def test_the_next_day_is_judged_afresh(run, searching: None, clock: FakeClock) -> None:
    assert line(run, "--format", "{today} {streak}") == "done 1"
    clock.advance(days=1)
    assert line(run, "--format", "{today} {streak}") == "0/1 1"


def test_without_a_database_the_line_is_empty(run, db_path: Path) -> None:
    assert line(run) == ""
    assert not db_path.exists()


@pytest.mark.parametrize("template", ["{nope}", "{streak", "{0}"])
def test_a_bad_format_says_what_is_accepted(run, searching: None, template: str) -> None:
    status, out, err = run("prompt", "--format", template)
    assert status == 2 and out == "" and err.count("\n") == 1
    assert "--format" in err


def test_the_journal_is_named_as_the_store_names_it() -> None:
    assert prompt.JOURNAL_SUFFIX == JOURNAL_SUFFIX


def test_a_warm_prompt_loads_no_pydantic_nor_the_store(run, searching: None, db_path: Path, tmp_path: Path) -> None:
    line(run)  # keeps the summary
    heavy = ("pydantic", "tui.store", "tui.core.models")
    # The summary was made at the test's clock; this process runs at the real one: its own first answer reads the
    # records. The second is the warm one.
    loaded_by(["prompt", "--db", str(db_path)], heavy)
    assert loaded_by(["prompt", "--db", str(db_path)], heavy) == (0, [])


ACTIONS = st.lists(
    st.one_of(
        st.tuples(st.just("log"), st.sampled_from(["apply", "network", "learn"])),
        st.tuples(st.just("add"), st.sampled_from(["Acme", "Globex", "Initech"])),
        st.tuples(st.just("hours"), st.integers(min_value=1, max_value=30)),
        st.tuples(st.just("rest"), st.just("")),
        st.tuples(st.just("undo"), st.just("")),
    ),
    min_size=1,
    max_size=10,
)


@settings(max_examples=30, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(actions=ACTIONS)
def test_with_or_without_the_summary_every_answer_is_the_same(
    tmp_path_factory: pytest.TempPathFactory, actions: list[tuple[str, object]]
) -> None:
    clock = FakeClock()
    db = str(tmp_path_factory.mktemp("prompt") / "nextyes.json")
    every_field = "{streak} {longest} {today} {due} {freezes}"

    def ask() -> str:
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            assert main(["prompt", "--db", db, "--format", every_field], now=clock) == 0
        return out.getvalue()

    for action, value in actions:
        with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
            if action == "log":
                main(["log", str(value), "x", "--db", db], now=clock)
            elif action == "add":
                main(["add", str(value), "Engineer", "--db", db], now=clock)
            elif action == "hours":
                clock.advance(hours=int(value))
            elif action == "rest":
                main(["rest", "--on", "tomorrow", "--db", db], now=clock)
            else:
                main(["undo", "--db", db], now=clock)
        kept = ask()
        prompt.summary_file(Path(db)).unlink(missing_ok=True)
        assert ask() == kept


def test_the_cache_folder_is_where_platformdirs_puts_it(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from platformdirs import user_cache_path

    from tui.cli.summary import cache_folder

    for value in (str(tmp_path / "cache"), "", "relative/path"):
        monkeypatch.setenv("XDG_CACHE_HOME", value)
        assert cache_folder() == user_cache_path("nextyes", appauthor=False)
