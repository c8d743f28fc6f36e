"""`nextyes export --out PATH` writes a file of the person's own, and nothing else (issue 15, item 4).

Refused with one line and exit 2, nothing written: the database and whatever nextyes keeps for it (its lock,
its backups folder and everything in it, a write's temp files), however the path names it (a symlink, `..`,
a symlinked folder, another hard link); and anything the new file would replace that is not a regular file
(a symlink, a folder, a named pipe, a device). A regular file of one's own is replaced whole, keeping its mode.
"""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

import tui
from tests.support.clock import FIXED_NOW, FakeClock
from tests.support.shell import add, refused
from tui.cli import main


@pytest.fixture
def database(run, db_path: Path, clock: FakeClock) -> Path:
    """A database written on two days: its lock and a backups folder holding a copy are there too."""
    add(run)
    clock.advance(days=1)
    add(run, "Northwind", "Analyst")
    assert (db_path.parent / "nextyes.json.backups").is_dir()
    return db_path


def untouched(folder: Path) -> dict[str, bytes | str]:
    """Every entry under `folder`: a file's bytes, or what a link points to, or 'folder' / 'fifo'."""
    found: dict[str, bytes | str] = {}
    for path in sorted(folder.rglob("*")):
        mode = path.lstat().st_mode
        if stat.S_ISLNK(mode):
            found[str(path)] = f"link to {os.readlink(path)}"
        elif stat.S_ISREG(mode):
            found[str(path)] = path.read_bytes()
        else:
            found[str(path)] = "folder" if stat.S_ISDIR(mode) else "other"
    return found


def refused_export(run, db_path: Path, out: Path | str, *more: str) -> str:
    """`export --out OUT` refused: one line, exit 2, not a byte written anywhere in the test's folder."""
    before = untouched(db_path.parent)
    err = refused(run, db_path, "export", *more, "--out", str(out))
    assert untouched(db_path.parent) == before
    return err


# --- the database and what nextyes keeps for it --------------------------------------------------------


def test_the_database_itself_is_refused_and_stays_a_database(run, database: Path) -> None:
    err = refused_export(run, database, database, "--format", "csv")
    assert "nextyes keeps it for the database" in err
    status, out, _ = run("status")
    assert status == 0 and "Pending applications: 2" in out  # every later command still works


@pytest.mark.parametrize(
    "name",
    [
        "nextyes.json.lock",
        "nextyes.json.backups",
        "nextyes.json.backups/a-new-name.csv",
        ".nextyes.json.a1b2c3.tmp",
        "sub/../nextyes.json",
    ],
)
def test_each_path_nextyes_keeps_is_refused(run, database: Path, name: str) -> None:
    (database.parent / "sub").mkdir()
    assert "nextyes keeps it" in refused_export(run, database, database.parent / name)


def test_a_backup_in_the_backups_folder_is_refused(run, database: Path) -> None:
    [*backups] = (database.parent / "nextyes.json.backups").iterdir()
    assert backups
    for backup in backups:
        assert "nextyes keeps it" in refused_export(run, database, backup, "--format", "ics")


def test_the_database_under_another_name_is_refused(run, database: Path, tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "link.csv").symlink_to(database)
    (elsewhere / "folder-link").symlink_to(database.parent, target_is_directory=True)
    os.link(database, elsewhere / "hard-link.csv")
    for other_name in (
        elsewhere / "link.csv",
        elsewhere / "folder-link" / "nextyes.json",
        elsewhere / "folder-link" / "nextyes.json.lock",
        elsewhere / "hard-link.csv",
        Path(os.path.relpath(database)),  # relative to where the test runs
    ):
        assert "nextyes keeps it" in refused_export(run, database, other_name), other_name


def test_through_a_database_that_is_a_symlink_its_target_is_refused(
    tmp_path: Path, database: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    link = tmp_path / "synced-link.json"
    link.symlink_to(database)
    before = untouched(tmp_path)
    status = main(["--db", str(link), "export", "--out", str(database)], now=FakeClock(FIXED_NOW))
    assert status == 2
    assert "nextyes keeps it" in capsys.readouterr().err
    assert untouched(tmp_path) == before


# --- what is in the way is not a regular file ----------------------------------------------------------


def test_a_symlink_is_not_replaced_by_a_plain_file(run, database: Path, tmp_path: Path) -> None:
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "real.csv").write_text("my own\n")
    (mine / "link.csv").symlink_to(mine / "real.csv")
    (mine / "dangling.csv").symlink_to(mine / "not-there.csv")
    for link in (mine / "link.csv", mine / "dangling.csv"):
        err = refused_export(run, database, link, "--format", "csv")
        assert "is a symbolic link" in err and "new file" in err
    assert (mine / "real.csv").read_text() == "my own\n"


def test_a_folder_is_refused_with_what_to_give_instead(run, database: Path, tmp_path: Path) -> None:
    folder = tmp_path / "exports"
    folder.mkdir()
    err = refused_export(run, database, folder)
    assert "is a folder" in err and "give a file name inside it" in err


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_a_named_pipe_is_refused_at_once_and_left_a_pipe(database: Path, tmp_path: Path) -> None:
    """Run in another process with a time limit: writing to a pipe nobody reads would wait for ever."""
    fifo = tmp_path / "pipe.csv"
    os.mkfifo(fifo)
    code = "import sys; from tui.cli import main; sys.exit(main(sys.argv[1:]))"
    done = subprocess.run(
        [sys.executable, "-c", code, "--db", str(database), "export", "--out", str(fifo)],
        capture_output=True,
        text=True,
        timeout=60,
        env={
            **os.environ,
            "TZ": "UTC",
            "XDG_DATA_HOME": str(tmp_path / "xdg-data"),
            "PYTHONPATH": str(Path(tui.__file__).parent.parent),  # the code under test
        },
    )
    assert done.returncode == 2, done
    assert done.stdout == "" and done.stderr.count("\n") == 1
    assert "named pipe (FIFO)" in done.stderr and "leave out --out" in done.stderr
    assert stat.S_ISFIFO(fifo.lstat().st_mode)


def test_a_device_is_refused(run, database: Path, tmp_path: Path) -> None:
    """A device made in tmp_path (a null device), never /dev/null itself: run as root against code that
    replaced whatever --out named, this test replaced the system's /dev/null with a plain file."""
    device = tmp_path / "null-device"
    try:
        os.mknod(device, stat.S_IFCHR | 0o666, os.makedev(1, 3))
    except (AttributeError, PermissionError, OSError):
        pytest.skip("cannot make a device node here (needs root, or CAP_MKNOD)")
    err = refused_export(run, database, device)
    assert "a device, not a regular file" in err and "leave out --out" in err
    assert device.is_char_device()


# --- a file of one's own -------------------------------------------------------------------------------


def test_a_regular_file_of_ones_own_is_replaced_whole_keeping_its_mode(run, database: Path, tmp_path: Path) -> None:
    mine = tmp_path / "mine.csv"
    mine.write_text("an older export\n")
    mine.chmod(0o640)
    old_inode = mine.stat().st_ino
    before = database.read_bytes()
    status, out, err = run("export", "--format", "csv", "--out", str(mine))
    assert (status, err) == (0, "")
    assert f"to {mine}" in out
    assert mine.read_text(encoding="utf-8").startswith("id,company,")
    assert stat.S_IMODE(mine.stat().st_mode) == 0o640
    assert mine.stat().st_ino != old_inode  # a new file renamed over the old: never half written
    assert database.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")) == []


def test_a_new_file_beside_the_database_is_written(run, database: Path) -> None:
    beside = database.parent / "nextyes-export.json"
    status, _, err = run("export", "--out", str(beside))
    assert (status, err) == (0, "")
    assert beside.read_text(encoding="utf-8").startswith("{")
