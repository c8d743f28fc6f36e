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
