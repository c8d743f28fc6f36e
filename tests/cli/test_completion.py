"""`nextyes completion bash|zsh|fish`: a script each shell accepts, completing commands, choices and short ids."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tui.cli import build_parser
from tui.core.models import Stage

SHELLS = ["bash", "zsh", "fish"]
SYNTAX_CHECK = {"bash": ["bash", "-n"], "zsh": ["zsh", "-n"], "fish": ["fish", "--no-execute"]}


@pytest.mark.parametrize("shell", SHELLS)
def test_each_shell_gets_a_script_naming_the_commands_and_their_choices(run, shell: str) -> None:
    status, out, err = run("completion", shell)
    assert (status, err) == (0, "")
    for command in ("add", "log", "stage", "contact", "backup", "settings", "completion"):
        assert command in out
    for choice in [stage.value for stage in Stage] + ["follow-up", "full-time", "thank-you", "ics"]:
        assert choice in out, choice
    assert "--daily-target" in out and "--reconnect-days" in out
    assert "list-ids" in out  # application ids are asked of nextyes itself


@pytest.mark.parametrize("shell", SHELLS)
def test_each_script_is_valid_for_its_shell(run, shell: str, tmp_path: Path) -> None:
    checker = SYNTAX_CHECK[shell]
    if shutil.which(checker[0]) is None:
        pytest.skip(f"{shell} is not installed")
    _, out, _ = run("completion", shell)
    script = tmp_path / f"nextyes.{shell}"
    script.write_text(out)
    checked = subprocess.run([*checker, str(script)], capture_output=True, text=True, timeout=60)
    assert checked.returncode == 0, checked.stderr


def test_an_unknown_shell_is_one_line_and_exit_2(run) -> None:
    status, out, err = run("completion", "powershell")
    assert (status, out) == (2, "")
    assert err.startswith("nextyes: ") and err.count("\n") == 1
    assert "bash" in err and "zsh" in err and "fish" in err


def test_list_ids_prints_each_application_short_id(run) -> None:
    assert run("list-ids")[1] == ""
    _, added, _ = run("add", "Acme", "Engineer")
    short_id = added.split()[1].rstrip(":")
    assert run("list-ids") == (0, f"{short_id}\n", "")


def test_list_ids_is_not_listed_in_help() -> None:
    assert "list-ids" not in build_parser().format_help()


def test_only_the_completion_command_loads_shtab(tmp_path: Path) -> None:
    """shtab is imported when a script is asked for, never by the commands typed every day."""
    code = f"""
import sys
import tui.cli
assert tui.cli.main(["log", "learn", "sql", "--db", {str(tmp_path / "nextyes.json")!r}]) == 0
print("shtab loaded:", "shtab" in sys.modules)
"""
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=tmp_path, timeout=60)
    assert "shtab loaded: False" in done.stdout, done.stdout + done.stderr


def bash_completes(script: Path, db: Path, *words: str) -> list[str]:
    """What Tab offers in bash after `words` (the last one being typed), with `nextyes` run as this Python."""
    session = f"""
nextyes() {{ "{sys.executable}" -m tui "$@"; }}
source "{script}"
COMP_WORDS=({" ".join(f"'{word}'" for word in words)})
COMP_CWORD=$(( ${{#COMP_WORDS[@]}} - 1 ))
_shtab_nextyes
printf '%s\\n' "${{COMPREPLY[@]}}"
"""
    env = {**os.environ, "NEXTYES_DB": str(db)}
    done = subprocess.run(["bash", "-c", session], capture_output=True, text=True, env=env, timeout=60)
    assert done.returncode == 0, done.stderr
    return done.stdout.split()


def test_bash_tab_offers_stages_tiers_and_the_applications_short_ids(run, db_path: Path, tmp_path: Path) -> None:
    _, added, _ = run("add", "Acme", "Engineer")
    short_id = added.split()[1].rstrip(":")
    script = tmp_path / "nextyes.bash"
    script.write_text(run("completion", "bash")[1])

    assert bash_completes(script, db_path, "nextyes", "st") == ["stage", "status"]
    assert bash_completes(script, db_path, "nextyes", "stage", "") == [short_id]
    assert bash_completes(script, db_path, "nextyes", "stage", short_id, "") == [stage.value for stage in Stage]
    assert bash_completes(script, db_path, "nextyes", "contact", "add", "Dana", "--tier", "") == ["A", "B", "C"]
