"""`--help`, every `COMMAND --help` and `completion` answer at once: they load no pydantic, models, store or Textual.

Loading those takes most of a second on a slow machine, and none of it is needed to say what a command takes.
Only a fresh interpreter can show what a command loads (this test process has imported everything long ago),
so one Python runs every command in turn and, after each, names the first heavy module it finds loaded. The
tables the parsers are made from, spelt out so that they need no models, are checked against the models here.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

from tui.cli import build_parser
from tui.cli.editing import KIND_NAMES
from tui.cli.settings import OPTIONS, options_of_the_model
from tui.cli.today import DRAFT_KINDS
from tui.core.drafts import DraftKind
from tui.core.records import KINDS

HEAVY = ("pydantic", "pydantic_core", "tinydb", "textual", "rich", "tui.core.models", "tui.recording", "tui.store")

# Runs each command of argv[1] (a JSON list) in this one process; prints, as JSON, what each printed and the
# first heavy module loaded after it, if any.
RUN_EACH = f"""
import contextlib, io, json, sys
from tui.cli import main

HEAVY = {HEAVY!r}
report = []
for command in json.loads(sys.argv[1]):
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed), contextlib.redirect_stderr(io.StringIO()):
        try:
            status = main(command)
        except SystemExit as exit:
            status = exit.code
    loaded = sorted(m for m in sys.modules if any(m == h or m.startswith(h + ".") for h in HEAVY))
    report.append({{"command": command, "status": status, "printed": printed.getvalue(), "loaded": loaded}})
print(json.dumps(report))
"""


def run_each(commands: list[list[str]], tmp_path: Path) -> list[dict[str, object]]:
    done = subprocess.run(
        [sys.executable, "-c", RUN_EACH, json.dumps(commands)],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    report: list[dict[str, object]] = json.loads(done.stdout)
    return report


def every_command(parser: argparse.ArgumentParser, words: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    """The words of every command and group of commands (`log`, `contact`, `contact add`), as --help lists them."""
    found = []
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, subparser in action.choices.items():
                found.append((*words, name))
                found += every_command(subparser, (*words, name))
    return found


def test_help_of_nextyes_and_of_every_command_loads_nothing_heavy(tmp_path: Path) -> None:
    commands = [["--help"], *([*words, "--help"] for words in every_command(build_parser())), ["list", "goal", "-h"]]
    assert len(commands) > 50  # every command is asked, the hidden `list-ids` too

    for said in run_each(commands, tmp_path):
        assert said["status"] == 0, said
        assert str(said["printed"]).startswith("usage: nextyes"), said
        assert said["loaded"] == [], f"nextyes {' '.join(said['command'])} loaded {said['loaded']}"


def test_settings_help_names_every_setting_without_loading_the_model(tmp_path: Path) -> None:
    [said] = run_each([["settings", "--help"]], tmp_path)

    assert said["loaded"] == []
    for name in OPTIONS:
        assert f"--{name.replace('_', '-')}" in str(said["printed"])
    assert "0-12; default 4" in str(said["printed"])  # the rollover hour's limits and default, as the model has them


def test_each_completion_script_is_printed_without_loading_anything_heavy(tmp_path: Path) -> None:
    report = run_each([["completion", shell] for shell in ("bash", "zsh", "fish")], tmp_path)

    for said in report:
        assert said["status"] == 0, said
        assert "--rollover-hour" in str(said["printed"]) and "list-ids" in str(said["printed"])
        assert said["loaded"] == [], f"nextyes {' '.join(said['command'])} loaded {said['loaded']}"


def test_a_command_that_reads_the_records_loads_them_only_once_it_runs(tmp_path: Path) -> None:
    """The check above would pass if nothing were ever loaded: a real command does load the models."""
    [said] = run_each([["list", "goals", "--db", str(tmp_path / "nextyes.json")]], tmp_path)

    assert said["status"] == 0
    assert "tui.core.models" in said["loaded"] and "tui.store" in said["loaded"]


def test_the_settings_options_are_what_the_settings_model_says() -> None:
    """`OPTIONS` is the model's fields, in order, each with its help: paste `options_of_the_model()` when it fails."""
    assert list(OPTIONS.items()) == list(options_of_the_model().items())


def test_the_kinds_of_record_and_of_draft_are_the_models_own() -> None:
    assert list(KIND_NAMES.items()) == [(kind.noun, kind.plural) for kind in KINDS]
    assert list(DRAFT_KINDS) == [kind.value for kind in DraftKind]
