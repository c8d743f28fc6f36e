"""The shell path and the domain never load Textual: `nextyes log` stays as quick as typing the sentence.

Only a fresh interpreter can prove it (this test process has long since imported everything), so each
check runs Python in a subprocess and looks at `sys.modules`, as harlequin's import-hygiene test does.
"""

from __future__ import annotations

import os
import pkgutil
import subprocess
import sys
from pathlib import Path

import pytest

import tui.core
import tui.exchange
import tui.store

FORBIDDEN = ("textual", "rich")

HEADLESS_MODULES = [
    "tui",
    "tui.core",
    *(f"tui.core.{m.name}" for m in pkgutil.iter_modules(tui.core.__path__)),
    "tui.store",
    *(f"tui.store.{m.name}" for m in pkgutil.iter_modules(tui.store.__path__)),
    "tui.exchange",
    *(f"tui.exchange.{m.name}" for m in pkgutil.iter_modules(tui.exchange.__path__)),
    "tui.clock",
    "tui.locations",
    "tui.content",
    "tui.recording",
    "tui.cli",
]


def run_python(code: str, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "TZ": "UTC",
        "XDG_DATA_HOME": str(tmp_path / "xdg-data"),
        "NEXTYES_DB": str(tmp_path / "from-env.json"),
    }
    return subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
        timeout=60,
    )


def loaded_forbidden(proc: subprocess.CompletedProcess[str]) -> list[str]:
    assert proc.returncode == 0, proc.stderr
    [report] = [line for line in proc.stdout.splitlines() if line.startswith("loaded:")]
    return [name for name in report.removeprefix("loaded:").split(",") if name]


REPORT_FORBIDDEN = (
    f"import sys\nprint('loaded:' + ','.join(m for m in sys.modules if m.split('.')[0] in {FORBIDDEN!r}))\n"
)


def test_every_core_module_is_checked() -> None:
    # A module added to tui/core is picked up without editing this list.
    assert {"tui.core.models", "tui.core.days", "tui.core.streaks", "tui.core.actions"} <= set(HEADLESS_MODULES)


@pytest.mark.parametrize("module", HEADLESS_MODULES)
def test_importing_a_headless_module_loads_no_textual(module: str, tmp_path: Path) -> None:
    proc = run_python(f"import {module}\n{REPORT_FORBIDDEN}", tmp_path)
    leaked = loaded_forbidden(proc)
    assert not leaked, f"import {module} loaded {leaked}"


@pytest.mark.parametrize(
    "argv",
    [
        pytest.param(["status", "--db", "{db}"], id="status"),
        pytest.param(["status", "--json", "--db", "{db}"], id="status-json"),
        pytest.param(["today", "--db", "{db}"], id="today"),
        pytest.param(["log", "network", "coffee with Dana", "--db", "{db}"], id="log"),
    ],
)
def test_shell_commands_run_without_loading_textual(argv: list[str], tmp_path: Path) -> None:
    db = tmp_path / "nextyes.json"
    args = [arg.format(db=db) for arg in argv]
    run_the_command = f"""
import tui.cli
try:
    status = tui.cli.main({args!r})
except SystemExit as exit:
    status = exit.code
print('exit status', status)
"""
    proc = run_python(run_the_command + REPORT_FORBIDDEN, tmp_path)
    assert "exit status 0" in proc.stdout, proc.stdout + proc.stderr
    leaked = loaded_forbidden(proc)
    assert not leaked, f"nextyes {' '.join(argv)} loaded {leaked}"
