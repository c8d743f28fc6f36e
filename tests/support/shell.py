"""Running the shell in-process in tests: adding an application, reading status, a refused command."""

from __future__ import annotations

import json
from pathlib import Path


def status_json(run) -> dict:
    status, out, _ = run("status", "--json")
    assert status == 0
    return json.loads(out)


def add(run, company: str = "Quill Labs", role: str = "Data Engineer", *extra: str) -> None:
    status, _, err = run("add", company, role, *extra)
    assert status == 0, err


def refused(run, db_path: Path, *arguments: str) -> str:
    """Run a command that must be refused: exit 2, one line on stderr, nothing printed, nothing written."""
    before = db_path.read_bytes() if db_path.exists() else None
    status, out, err = run(*arguments)
    assert status == 2, (out, err)
    assert out == ""
    assert err.startswith("nextyes: ") and err.count("\n") == 1, err
    assert "Traceback" not in err
    assert (db_path.read_bytes() if db_path.exists() else None) == before
    return err


def loaded_by(command: list[str], heavy: tuple[str, ...], clock: str | None = None) -> tuple[int, list[str]]:
    """Run `nextyes COMMAND` in a fresh Python (at `clock`, an ISO moment, or the real clock) and return its exit
    status and the modules starting with one of `heavy` it loaded: what a shell start really pays for."""
    import ast
    import os
    import subprocess
    import sys

    now = f"lambda: __import__('datetime').datetime.fromisoformat({clock!r})" if clock else "None"
    probe = (
        "import sys, io, contextlib\n"
        "from tui.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        f"    status = main({command!r}, {now})\n"
        f"print(status, sorted(m for m in sys.modules if m.startswith({heavy!r})))\n"
    )
    ran = subprocess.run(
        [sys.executable, "-c", probe], env=dict(os.environ), check=True, capture_output=True, text=True, timeout=60
    )
    status, _, modules = ran.stdout.strip().partition(" ")
    return int(status), ast.literal_eval(modules)  # a list of names, as printed above
