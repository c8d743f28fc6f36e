"""Files to import that are not what they seem, or far too big (issue 15, items 5, 6 and 7).

Only a regular file (or a symlink to one) is read, at once refused otherwise; no parser error escapes as a
traceback; and one import reads at most 50,000 rows of a CSV, 100,000 records of an export and 64 MB,
unless `--allow-large` says otherwise.

A test whose bug would hang (a FIFO with no writer) or fill memory (/dev/zero) runs the shell in a child
process bounded in time and address space, or reads under an alarm, so a regression fails instead of
stalling the suite.
"""

from __future__ import annotations

import codecs
import contextlib
import functools
import json
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.support.clock import FIXED_NOW, FakeClock
from tests.support.shell import add, refused
from tui.exchange import bounded, importing
from tui.exchange.importing import (
    MAX_BYTES,
    MAX_RECORDS,
    MAX_ROWS,
    NO_LIMITS,
    Limits,
    ParsedFile,
    TooLarge,
    UnreadableFile,
    plan_import,
    read_file,
)
from tui.store import Store

ROOT = Path(__file__).parents[2]
UTC_NAME = "UTC"
SHELL_SECONDS = 60  # far beyond the second a refused import takes on a busy machine; a hang fails at this bound
ALARM_SECONDS = 20
ADDRESS_SPACE = 2 << 30  # a child reading /dev/zero fails within this instead of taking the machine
HEADER = "Company,Role,Date Applied,Status\n"


def read(path: Path, limits: Limits | None = None) -> ParsedFile:
    with deadline():
        return read_file(path, now=FIXED_NOW, zone=ZoneInfo(UTC_NAME), rollover_hour=4, limits=limits or Limits())


@contextlib.contextmanager
def deadline(seconds: int = ALARM_SECONDS) -> Iterator[None]:
    """Fail, instead of waiting forever, when what runs inside blocks (an open or a read of a FIFO)."""

    def expired(signum: int, frame: Any) -> None:
        raise TimeoutError(f"still blocked after {seconds} s")

    previous = signal.signal(signal.SIGALRM, expired)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def shell(*arguments: str, db: Path, timeout: float = SHELL_SECONDS) -> subprocess.CompletedProcess[str]:
    """`nextyes ARGS --db DB` in a child process, bounded in time and memory: a hang or a flood fails the test."""

    def bounded_memory() -> None:
        import resource

        resource.setrlimit(resource.RLIMIT_AS, (ADDRESS_SPACE, ADDRESS_SPACE))

    try:
        return subprocess.run(
            [sys.executable, "-m", "tui", *arguments, "--db", str(db)],
            capture_output=True,
            text=True,
            timeout=timeout,
            cwd=ROOT,
            env={**os.environ, "TZ": UTC_NAME},
            stdin=subprocess.DEVNULL,
            preexec_fn=bounded_memory,
        )
    except subprocess.TimeoutExpired:
        pytest.fail(f"nextyes {' '.join(arguments)} was still running after {timeout} s")


def one_line_refusal(result: subprocess.CompletedProcess[str]) -> str:
    assert result.returncode == 2, (result.returncode, result.stderr[-2000:])
    assert result.stdout == ""
    assert result.stderr.startswith("nextyes: ") and result.stderr.count("\n") == 1, result.stderr[-2000:]
    return result.stderr


def rows_file(path: Path, rows: int, company: str = "Company") -> Path:
    """A CSV of applications with `rows` rows, written in one go."""
    with path.open("w", encoding="utf-8", newline="") as out:
        out.write(HEADER)
        out.writelines(f"{company} {n},Engineer,2026-02-{1 + n % 28:02d},applied\n" for n in range(rows))
    return path


def export_of(records: dict[str, list[Any]], **envelope: Any) -> str:
    return json.dumps({"format": "nextyes-export", "schema_version": 4, **envelope, **records})


# --- item 5: only a regular file, never waiting --------------------------------------------------------------


def test_a_fifo_with_no_writer_is_refused_at_once(tmp_path: Path) -> None:
    fifo = tmp_path / "Connections.csv"
    os.mkfifo(fifo)
    with pytest.raises(UnreadableFile, match=r"Connections.csv: is a FIFO \(a named pipe\), not a regular file; "):
        read(fifo)


def test_the_shell_refuses_a_fifo_in_one_line_without_waiting_for_a_writer(tmp_path: Path) -> None:
    fifo = tmp_path / "applications.csv"
    os.mkfifo(fifo)
    database = tmp_path / "nextyes.json"

    started = time.monotonic()
    err = one_line_refusal(shell("import", str(fifo), db=database))

    assert "is a FIFO (a named pipe), not a regular file" in err
    assert time.monotonic() - started < SHELL_SECONDS
    assert not database.exists()


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero here")
def test_dev_zero_is_refused_at_once_not_read_until_memory_runs_out(tmp_path: Path) -> None:
    err = one_line_refusal(shell("import", "/dev/zero", db=tmp_path / "nextyes.json"))
    assert err.startswith("nextyes: /dev/zero: is a character device, not a regular file; ")


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero here")
def test_allow_large_does_not_open_a_device_either(tmp_path: Path) -> None:
    err = one_line_refusal(shell("import", "/dev/zero", "--allow-large", db=tmp_path / "nextyes.json"))
    assert "is a character device, not a regular file" in err


@pytest.mark.skipif(not Path("/dev/null").exists(), reason="no /dev/null here")
def test_dev_null_is_a_device_not_an_empty_file() -> None:
    with pytest.raises(UnreadableFile, match=r"^/dev/null: is a character device, not a regular file; "):
        read(Path("/dev/null"))


def test_a_socket_is_refused(tmp_path: Path) -> None:
    folder = Path(tempfile.mkdtemp(dir="/tmp"))  # a socket's path must be short
    path = folder / "s.csv"
    listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        listener.bind(str(path))
        with pytest.raises(UnreadableFile, match="is a socket, not a regular file"):
            read(path)
    finally:
        listener.close()
        path.unlink(missing_ok=True)
        folder.rmdir()


def test_a_symlink_to_a_regular_file_is_read_and_one_to_a_fifo_or_nothing_is_refused(tmp_path: Path) -> None:
    real = rows_file(tmp_path / "real.csv", 3)
    (tmp_path / "link.csv").symlink_to(real)
    assert read(tmp_path / "link.csv").rows == 3

    os.mkfifo(tmp_path / "fifo")
    (tmp_path / "to-fifo.csv").symlink_to(tmp_path / "fifo")
    with pytest.raises(UnreadableFile, match="is a FIFO"):
        read(tmp_path / "to-fifo.csv")

    (tmp_path / "dangling.csv").symlink_to(tmp_path / "gone.csv")
    with pytest.raises(UnreadableFile, match="there is no such file"):
        read(tmp_path / "dangling.csv")


def test_a_folder_and_a_path_through_a_file_are_refused(tmp_path: Path) -> None:
    with pytest.raises(UnreadableFile, match="is a folder, not a file"):
        read(tmp_path)
    rows_file(tmp_path / "a.csv", 1)
    with pytest.raises(UnreadableFile, match="there is no such file"):
        read(tmp_path / "a.csv" / "b.csv")


def test_a_fifo_put_in_place_after_the_check_is_still_not_waited_on(tmp_path: Path, monkeypatch) -> None:
    """The path is checked, then opened without blocking and checked again through the open descriptor."""
    fifo = tmp_path / "swapped.csv"
    os.mkfifo(fifo)
    regular = os.stat(rows_file(tmp_path / "regular.csv", 1))
    real_status = bounded._status
    monkeypatch.setattr(bounded, "_status", lambda target: regular if target == fifo else real_status(target))

    with pytest.raises(UnreadableFile, match="is a FIFO"):
        read(fifo)


def test_a_file_that_grows_past_the_limit_while_read_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "growing.csv"
    path.write_bytes(b"x" * 100)
    with bounded.opened(path, 1_000) as file:
        with path.open("ab") as more:
            more.write(b"y" * 5_000)
        with pytest.raises(bounded.TooManyBytes):
            file.payload()


def test_a_window_never_reads_past_the_limit_and_one_byte(tmp_path: Path, monkeypatch) -> None:
    path = tmp_path / "big.csv"
    path.write_bytes(b"z" * 10_000)
    asked: list[int] = []
    real_pread = os.pread
    monkeypatch.setattr(bounded.os, "pread", lambda fd, n, at: (asked.append(at + n), real_pread(fd, n, at))[1])

    with bounded.opened(path, 20_000) as file:
        assert file.payload() == b"z" * 10_000
    assert max(asked) <= 20_001
    asked.clear()
    with bounded.opened(path, 20_000) as file:
        file.limit = 4_096  # as if the file had grown past it since it was opened
        with pytest.raises(bounded.TooManyBytes):
            file.payload()
    assert max(asked) == 4_097


# --- item 6: every parse error is one line and exit 2 ------------------------------------------------------


HUGE_INTEGER = "9" * 5_000  # past Python's 4,300-digit limit for int("…")


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        pytest.param(
            '{"format": "nextyes-export", "schema_version": 4, "interviews": [{"rating": ' + HUGE_INTEGER + "}]}",
            "a number too large",
            id="an integer of 5,000 digits in a record",
        ),
        pytest.param(
            '{"format": "nextyes-export", "schema_version": ' + HUGE_INTEGER + "}",
            "a number too large",
            id="an integer of 5,000 digits as the schema version",
        ),
        pytest.param("[" + "-" + HUGE_INTEGER + "]", "a number too large", id="a negative one in a bare list"),
        pytest.param("[" * 100_000 + "]" * 100_000, "nested too deeply", id="nested 100,000 deep"),
        pytest.param(
            '{"format": "nextyes-export", "schema_version": 4, "applications": [{"company": "\\ud800"}]}',
            "looks like JSON but does not parse",
            id="a lone surrogate",
        ),
        pytest.param(export_of({}, settings={"daily_target": float("nan")}), "does not parse", id="NaN"),
        pytest.param(b'{"format": "\xff"}', "is not UTF-8 text", id="JSON that is not UTF-8"),
        pytest.param(codecs.BOM_UTF16_LE + HEADER.encode("utf-16-le"), "is not UTF-8 text", id="UTF-16 CSV"),
        pytest.param(
            (HEADER + "Acme,Engineer,2026-03-01,applied\n" * 5_000 + "Caf\xe9,Koch,2026-03-01,applied\n").encode(
                "latin-1"
            ),
            "is not UTF-8 text",
            id="latin-1 after 5,000 good rows",
        ),
        pytest.param(
            HEADER + "Acme," + "x" * 200_000 + ",2026-03-01,applied\n",
            "is not a CSV file nextyes can read (line 2: field larger than field limit",
            id="a cell of 200,000 characters",
        ),
        pytest.param("\x00" * 1_000, "has no header row nextyes knows", id="NUL bytes"),
        pytest.param('Company,Role\n"Acme\x00,Engineer\n', "is not a CSV file nextyes can read", id="NUL, open quote"),
    ],
)
def test_a_file_no_parser_can_read_is_one_line_and_exit_2(
    run, tmp_path: Path, db_path: Path, content: str | bytes, problem: str
) -> None:
    add(run)
    path = tmp_path / "import.json"
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8", newline="")

    err = refused(run, db_path, "import", str(path))

    assert problem in err
    assert err.startswith(f"nextyes: {path}: ")


def test_nul_bytes_inside_cells_are_kept_as_text(tmp_path: Path) -> None:
    path = tmp_path / "nul.csv"
    path.write_text(HEADER + "Ac\x00me,Engineer,2026-03-01,applied\n", encoding="utf-8")
    [item] = read(path).items
    assert item.record.company == "Ac\x00me"


def test_an_export_with_a_byte_order_mark_is_read(tmp_path: Path) -> None:
    path = tmp_path / "export.json"
    path.write_bytes(codecs.BOM_UTF8 + export_of({"applications": []}).encode())
    assert read(path).rows == 0


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=12), children, max_size=4),
    max_leaves=20,
)
TABLE_NAMES = st.sampled_from(["applications", "activities", "contacts", "interviews", "wins", "settings", "other"])


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    document=st.dictionaries(TABLE_NAMES, JSON_VALUES, max_size=4),
    version=st.one_of(st.integers(min_value=-3, max_value=6), JSON_VALUES),
    huge=st.booleans(),
)
def test_any_json_document_is_read_or_refused_in_one_line(document: dict[str, Any], version: Any, huge: bool) -> None:
    text = json.dumps({"format": "nextyes-export", "schema_version": version, **document})
    if huge:
        text = text.replace("null", HUGE_INTEGER, 1)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "export.json"
        path.write_text(text, encoding="utf-8")
        try:
            parsed = read(path)
        except UnreadableFile as refusal:
            assert "\n" not in str(refusal)
            return
    from tui.core.models import Settings
    from tui.core.search import JobSearch

    empty = JobSearch(settings=Settings(created_at=FIXED_NOW, updated_at=FIXED_NOW))
    plan_import(parsed, empty, settings_saved=False).summary(dry_run=True)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=300))
def test_any_bytes_are_read_or_refused_in_one_line(payload: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "import.csv"
        path.write_bytes(payload)
        try:
            read(path)
        except UnreadableFile as refusal:
            assert "\n" not in str(refusal)


# --- item 7: a stated limit, and a flag past it ----------------------------------------------------------


def test_a_200000_row_csv_is_refused_before_a_record_is_made(tmp_path: Path, run, db_path: Path) -> None:
    big = rows_file(tmp_path / "applications.csv", 200_000)
    add(run)

    with pytest.raises(TooLarge) as refusal:
        read(big)
    err = refused(run, db_path, "import", str(big))

    assert str(refusal.value) == (
        f"{big}: has more than 50,000 rows, the most one import reads (LinkedIn's Connections.csv has at most 30,000)"
    )
    assert err == f"nextyes: {refusal.value}; add --allow-large to import it anyway\n"


def test_the_row_limit_counts_data_rows_and_allow_large_lifts_it(
    tmp_path: Path, run, db_path: Path, monkeypatch
) -> None:
    monkeypatch.setattr(importing, "Limits", functools.partial(Limits, rows=100))
    at_limit = rows_file(tmp_path / "hundred.csv", 100)
    over = rows_file(tmp_path / "hundred-and-one.csv", 101, company="Other")
    with over.open("a") as out:
        out.write("\n,,,\n\n")  # blank rows are not counted

    status, out, err = run("import", str(at_limit))
    assert status == 0, err
    assert "Added 100 applications" in out
    err = refused(run, db_path, "import", str(over))
    assert "has more than 100 rows" in err
    assert "add --allow-large to import it anyway" in err

    status, out, err = run("import", str(over), "--allow-large")
    assert status == 0, err
    assert len(Store(db_path, FakeClock()).load().applications) == 201


def test_an_export_over_the_record_limit_is_refused_before_validation(tmp_path: Path) -> None:
    path = tmp_path / "export.json"
    path.write_text(export_of({"applications": [{}] * 60_000, "activities": [{}] * 40_001}), encoding="utf-8")

    with pytest.raises(TooLarge, match=r"export.json: holds 100,001 records, more than the 100,000 one import reads"):
        read(path)


def test_the_record_limit_counts_every_table_and_no_limits_lifts_it(tmp_path: Path) -> None:
    path = tmp_path / "export.json"
    path.write_text(export_of({"applications": [{}] * 6, "wins": [{}] * 5}), encoding="utf-8")

    assert read(path, Limits(records=11)).rows == 11
    with pytest.raises(TooLarge, match="holds 11 records, more than the 10 one import reads"):
        read(path, Limits(records=10))
    assert len(read(path, NO_LIMITS).bad_rows) == 11  # read, and each record found wanting


def test_a_file_over_the_byte_limit_is_refused_without_reading_it(tmp_path: Path, run, db_path: Path) -> None:
    sparse = tmp_path / "huge.csv"
    with sparse.open("wb") as out:
        out.write(HEADER.encode())
        out.truncate(MAX_BYTES + 1_000_000)  # a hole: no disk is used

    started = time.monotonic()
    err = refused(run, db_path, "import", str(sparse))

    assert time.monotonic() - started < 10
    assert "huge.csv: is 65 MB, more than the 64 MB one import reads" in err
    assert "add --allow-large to import it anyway" in err


def test_the_limits_are_the_stated_ones_and_the_help_names_them_and_the_flag() -> None:
    assert (MAX_ROWS, MAX_RECORDS, MAX_BYTES) == (50_000, 100_000, 64_000_000)
    assert "50,000 rows" in _import_help() and "--allow-large" in _import_help()


def _import_help() -> str:
    result = subprocess.run(
        [sys.executable, "-m", "tui", "import", "--help"], capture_output=True, text=True, cwd=ROOT, timeout=60
    )
    return " ".join(result.stdout.split())


@pytest.mark.serial  # a 200,000-row import in a child process, then a signal in the middle of it: timing
def test_ctrl_c_during_a_large_import_stops_it_and_writes_nothing(tmp_path: Path) -> None:
    big = rows_file(tmp_path / "applications.csv", 200_000)
    database = tmp_path / "nextyes.json"
    # Ctrl-C as in a terminal: a suite started in the background (as CI may be) hands its children SIGINT
    # ignored, and Python then leaves it ignored, so the child turns it back into KeyboardInterrupt first.
    as_in_a_terminal = "import signal, sys; signal.signal(signal.SIGINT, signal.default_int_handler); " + (
        "from tui.cli import main; sys.exit(main(sys.argv[1:]))"
    )
    child = subprocess.Popen(
        [sys.executable, "-c", as_in_a_terminal, "import", str(big), "--allow-large", "--db", str(database)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        stdin=subprocess.DEVNULL,
        text=True,
        cwd=ROOT,
    )
    try:
        assert child.stderr is not None
        with deadline(SHELL_SECONDS):
            first = ""
            while not first.strip():  # each progress line starts with a carriage return
                first = child.stderr.readline()
        assert first.startswith("Read 500 of 200,000 rows"), first  # it is making records now
        child.send_signal(signal.SIGINT)
        status = child.wait(timeout=SHELL_SECONDS)
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
        for stream in (child.stdout, child.stderr):
            if stream is not None:
                stream.close()

    assert status == 130
    assert not database.exists()
