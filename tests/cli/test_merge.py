"""`nextyes merge` and `nextyes merge-driver`, in-process and, for git, as a real merge driver."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import pytest

from tests.support.clock import FIXED_NOW, FakeClock
from tests.support.shell import refused
from tests.support.store_records import stored_bytes
from tui.cli import main
from tui.store import Store


def shell(path: Path, clock: FakeClock, capsys: pytest.CaptureFixture[str]):
    """`nextyes ARGS --db PATH` in-process at `clock`; returns (status, stdout, stderr)."""

    def invoke(*arguments: str) -> tuple[int, str, str]:
        status = main([*arguments, "--db", str(path)], now=clock)
        captured = capsys.readouterr()
        return status, captured.out, captured.err

    return invoke


@pytest.fixture
def two_copies(tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    """A laptop's database and the desktop's copy of it, each changed since."""
    laptop_db, desktop_db = tmp_path / "laptop" / "nextyes.json", tmp_path / "desktop" / "nextyes.json"
    laptop_clock = FakeClock(FIXED_NOW)
    laptop = shell(laptop_db, laptop_clock, capsys)
    assert laptop("add", "Hooli", "Site Reliability Engineer")[0] == 0
    desktop_db.parent.mkdir()
    shutil.copyfile(laptop_db, desktop_db)
    desktop = shell(desktop_db, FakeClock(FIXED_NOW + timedelta(minutes=5)), capsys)
    laptop_clock.advance(minutes=1)
    assert laptop("log", "learn", "SQL window functions")[0] == 0
    assert desktop("add", "Acme", "Data Engineer")[0] == 0
    assert desktop("edit", "application", "Hooli", "--notes", "recruiter called back")[0] == 0
    return laptop, desktop, laptop_db, desktop_db


def test_merge_says_what_came_in_and_the_records_are_there(two_copies) -> None:
    laptop, _, _, desktop_db = two_copies

    status, out, err = laptop("merge", str(desktop_db))

    assert (status, err) == (0, "")
    assert out.splitlines() == [
        "Merged 3 changes from nextyes.json.",
        "New: 1 application, 1 activity.",
        "Newer in the other copy, taken: Hooli (Site Reliability Engineer).",
    ]
    status, out, _ = laptop("status", "--json")
    assert json.loads(out)["pending_applications"] == 2
    status, out, _ = laptop("list", "applications")
    assert "Acme" in out and "Hooli" in out
    assert laptop("merge", str(desktop_db))[1].startswith("Nothing to take from nextyes.json")


def test_a_dry_run_writes_nothing_and_json_says_the_same(two_copies) -> None:
    laptop, _, laptop_db, desktop_db = two_copies
    before = stored_bytes(laptop_db)

    status, out, _ = laptop("merge", str(desktop_db), "--dry-run", "--json")

    assert status == 0
    said = json.loads(out)
    assert (said["changes"], said["added"], said["dry_run"]) == (3, {"applications": 1, "activities": 1}, True)
    assert [(r["label"], r["outcome"]) for r in said["records"] if r["outcome"] != "added"] == [
        ("Hooli (Site Reliability Engineer)", "taken")
    ]
    assert stored_bytes(laptop_db) == before


def test_merging_nothing_or_itself_is_refused_in_one_line(two_copies, tmp_path: Path) -> None:
    laptop, _, laptop_db, _ = two_copies
    assert "there is no file" in refused(laptop, laptop_db, "merge", str(tmp_path / "missing.json"))
    assert "is this database itself" in refused(laptop, laptop_db, "merge", str(laptop_db))


def test_a_damaged_or_newer_copy_is_bad_input_naming_it(two_copies, tmp_path: Path) -> None:
    """The database itself is sound: the copy given is what cannot be used, as with an import (exit 2)."""
    laptop, _, laptop_db, _ = two_copies
    before = stored_bytes(laptop_db)
    for content, problem in (
        (b'{"_meta": {"1": {"schema_version": 5}}, "app', "is not valid JSON"),
        (b'{"_meta": {"1": {"schema_version": 42}}}', "was written by a newer nextyes"),
    ):
        other = tmp_path / "other.json"
        other.write_bytes(content)
        status, out, err = laptop("merge", str(other))
        assert (status, out) == (2, "")
        assert err.startswith(f"nextyes: {other}: cannot be merged: it ") and problem in err
        assert err.count("\n") == 1
        assert stored_bytes(laptop_db) == before


def test_the_merge_driver_writes_the_merge_to_a_and_leaves_nothing_beside_it(two_copies, tmp_path: Path) -> None:
    laptop, _, laptop_db, desktop_db = two_copies
    for path in (laptop_db, desktop_db):  # git holds files, journals folded in (see the git test below)
        with Store(path, FakeClock()).transaction():
            pass
    work = tmp_path / "repo"
    work.mkdir()
    ours, theirs, ancestor = work / ".merge_file_A", work / ".merge_file_B", work / ".merge_file_O"
    shutil.copyfile(laptop_db, ours)
    shutil.copyfile(desktop_db, theirs)
    ancestor.write_bytes(b"")

    status, out, err = laptop("merge-driver", str(ancestor), str(ours), str(theirs))

    assert (status, err) == (0, "")
    assert out == "Merged 3 changes from the branch merged in.\n"
    merged = json.loads(ours.read_text())
    assert {doc["company"] for doc in merged["applications"].values()} == {"Hooli", "Acme"}
    assert sorted(p.name for p in work.iterdir()) == [".merge_file_A", ".merge_file_B", ".merge_file_O"]


def test_the_merge_driver_refuses_and_leaves_a_untouched(two_copies, tmp_path: Path) -> None:
    laptop, _, laptop_db, _ = two_copies
    ours, theirs = tmp_path / "A.json", tmp_path / "B.json"
    shutil.copyfile(laptop_db, ours)
    theirs.write_bytes(b"<<<<<<< HEAD\n")
    before = stored_bytes(ours)

    status, _, err = laptop("merge-driver", str(tmp_path / "O.json"), str(ours), str(theirs))

    assert status == 2  # nonzero: git leaves the conflict for the person
    assert err.startswith(f"nextyes: {theirs}: cannot be merged")
    assert stored_bytes(ours) == before


def _git(repo: Path, *arguments: str, env: dict[str, str]) -> str:
    done = subprocess.run(["git", *arguments], cwd=repo, env=env, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, (arguments, done.stdout, done.stderr)
    return done.stdout


def _nextyes(repo: Path, *arguments: str, env: dict[str, str]) -> None:
    command = [sys.executable, "-m", "tui", *arguments, "--db", str(repo / "nextyes.json")]
    done = subprocess.run(command, cwd=repo, env=env, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, (arguments, done.stdout, done.stderr)


FOLD = (
    "import sys; from pathlib import Path\n"
    "from tui.clock import system_clock, zone_named; from tui.store import Store\n"
    "with Store(Path(sys.argv[1]), system_clock(zone_named(''))).transaction():\n    pass"
)


def _fold(repo: Path, env: dict[str, str]) -> None:
    """Fold the shell's journal into the file before a commit: git tracks the file, not the per-machine journal."""
    command = [sys.executable, "-c", FOLD, str(repo / "nextyes.json")]
    done = subprocess.run(command, cwd=repo, env=env, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_git_merges_two_branches_changed_through_the_cli_with_the_driver(tmp_path: Path) -> None:
    repo = tmp_path / "notes"
    repo.mkdir()
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "Dana",
        "GIT_AUTHOR_EMAIL": "dana@example.com",
        "GIT_COMMITTER_NAME": "Dana",
        "GIT_COMMITTER_EMAIL": "dana@example.com",
        "GIT_CONFIG_GLOBAL": os.devnull,
        "GIT_CONFIG_NOSYSTEM": "1",
        "PYTHONPATH": str(Path(__file__).resolve().parents[2]),
        "NEXTYES_MACHINE": "laptop",
    }
    _git(repo, "init", "-q", "-b", "main", env=env)
    (repo / ".gitattributes").write_text("*.json merge=nextyes\n")
    (repo / ".gitignore").write_text("*.lock\n*.backups/\n*.journal\n")
    _git(repo, "config", "merge.nextyes.driver", f"{sys.executable} -m tui merge-driver %O %A %B", env=env)
    _nextyes(repo, "add", "Hooli", "Site Reliability Engineer", env=env)
    _git(repo, "add", ".", env=env)
    _git(repo, "commit", "-q", "-m", "start", env=env)

    _git(repo, "checkout", "-q", "-b", "desktop", env=env)
    _nextyes(repo, "add", "Acme", "Data Engineer", env=env)
    _nextyes(repo, "log", "network", "coffee with Dana", env=env)
    _fold(repo, env)
    _git(repo, "commit", "-q", "-am", "on the desktop", env=env)

    _git(repo, "checkout", "-q", "main", env=env)
    _nextyes(repo, "log", "learn", "SQL window functions", env=env)
    _nextyes(repo, "edit", "application", "Hooli", "--notes", "recruiter called back", env=env)
    _fold(repo, env)
    _git(repo, "commit", "-q", "-am", "on the laptop", env=env)

    said = _git(repo, "merge", "--no-edit", "desktop", env=env)

    assert "Merged 3 changes from the branch merged in." in said
    merged = json.loads((repo / "nextyes.json").read_text())
    assert {doc["company"] for doc in merged["applications"].values()} == {"Hooli", "Acme"}
    hooli = next(doc for doc in merged["applications"].values() if doc["company"] == "Hooli")
    assert hooli["notes"] == "recruiter called back"
    notes = {doc["note"] for doc in merged["activities"].values()}
    assert {"coffee with Dana", "SQL window functions"} <= notes
    assert _git(repo, "status", "--porcelain", env=env) == ""  # merged and committed, nothing left about
