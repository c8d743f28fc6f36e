"""What a document or JSON does on a terminal, and in a file or a pipe (issue 15, item 1).

The rule (DESIGN §6, tui/terminal.py): whatever nextyes prints to a terminal shows control characters as
symbols; a file (`--out`) or a pipe gets the exact bytes. A document (an export in any format, a draft, the
review in Markdown, a completion script) on a terminal is the same text with its controls shown as symbols
(a CRLF line end kept); JSON on a terminal is the same JSON with every control character escaped as
\\u00XX, so it reads back to the same values. Text for a person is shown safely wherever it goes.

In-process tests make standard output say it is a terminal; the end-to-end ones run the shell in a fresh
interpreter on a real pseudo-terminal and on a pipe, and look at the bytes that arrive.
"""

from __future__ import annotations

import io
import json
import os
import re
import select
import subprocess
import sys
import time
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import tui
from tests.support.clock import FIXED_NOW
from tui.core.models import ActivityKind, InterviewKind, Tier
from tui.recording import Recorder
from tui.terminal import Output, VisibleWriter, is_terminal, json_for_terminal, shown_on_stdout, visible_document

# A company that retitles the window, a note that clears the screen, sets the clipboard (OSC 52) and sends
# the cursor back over its line; DEL and a C1 CSI, which JSON does not escape.
COMPANY = "Evil\x1b]0;pwned\x07Co\x7f\x9b31m"
NOTE = "\x1b[2J\x1b]52;c;cHduZWQ=\x07 ret\rurn"
TITLE_SHOWN = "pwned␇"  # how the end of the window-title sequence reads once shown
# A control character that must never reach a terminal raw, once CRLF line ends are set aside.
RAW_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")

DOCUMENTS = [
    ("export", "--format", "csv"),
    ("export", "--format", "csv", "--table", "activities"),
    ("export", "--format", "csv", "--table", "contacts"),
    ("export", "--format", "csv", "--table", "interviews"),
    ("export", "--format", "md"),
    ("export", "--format", "md", "--week", "2026-03-15"),
    ("export", "--format", "ics"),
    ("review", "--format", "md"),
    ("draft", "evil", "follow-up"),
    ("draft", "evil", "thank-you"),
]
JSON_DOCUMENTS = [("export",), ("export", "--format", "json"), ("status", "--json")]
EXPORTS = [arguments for arguments in DOCUMENTS + JSON_DOCUMENTS if arguments[0] == "export"]


@pytest.fixture
def hostile(recorder: Recorder) -> None:
    """An application, its activities, a held interview and a contact, each naming the hostile company."""
    today = FIXED_NOW.date()
    application = recorder.add_application(COMPANY, "Engineer", on=today - timedelta(days=9), note=NOTE)
    recorder.log(ActivityKind.NETWORK, NOTE, on=today, application_id=application.id)
    recorder.schedule_interview(
        application.id, FIXED_NOW - timedelta(days=1), kind=InterviewKind.OTHER, people=[COMPANY], notes=NOTE
    )
    recorder.add_contact(COMPANY, company=COMPANY, tier=Tier.A, how_we_know=NOTE)
    recorder.update_settings(daily_target=1.0)  # saved: settings never saved get a new id at every read


@pytest.fixture
def on_terminal(run, monkeypatch: pytest.MonkeyPatch):
    """Like `run`, with standard output saying it is a terminal."""

    def invoke(*arguments: str) -> tuple[int, str, str]:
        monkeypatch.setattr(sys.stdout, "isatty", lambda: True)  # the capture pytest put in place
        return run(*arguments)

    return invoke


def raw_controls(text: str) -> list[str]:
    return RAW_CONTROL.findall(text.replace("\r\n", "\n"))


def strings(value: object) -> Iterator[str]:
    """Every string in a JSON value, however deep."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from strings(item)


# --- in-process: a terminal, a pipe --------------------------------------------------------------------


@pytest.mark.usefixtures("hostile")
@pytest.mark.parametrize("arguments", DOCUMENTS + JSON_DOCUMENTS, ids=" ".join)
def test_a_document_on_a_terminal_holds_no_raw_control_character(on_terminal, arguments: tuple[str, ...]) -> None:
    status, out, err = on_terminal(*arguments)
    assert (status, err) == (0, "")
    assert raw_controls(out) == [], out
    if arguments in JSON_DOCUMENTS:
        assert "\\u001b]0;pwned\\u0007Co\\u007f\\u009b31m" in out  # the same JSON, every control escaped
    else:
        assert TITLE_SHOWN in out  # the hostile text is there, as text


@pytest.mark.usefixtures("hostile")
@pytest.mark.parametrize("arguments", DOCUMENTS, ids=" ".join)
def test_a_document_on_a_terminal_is_the_piped_document_with_its_controls_shown(
    run, on_terminal, arguments: tuple[str, ...]
) -> None:
    status, piped, _ = run(*arguments)
    assert status == 0
    assert "pwned\x07" in piped  # to a pipe: the text as typed
    assert on_terminal(*arguments)[1] == visible_document(piped)


@pytest.mark.usefixtures("hostile")
@pytest.mark.parametrize("arguments", JSON_DOCUMENTS, ids=" ".join)
def test_json_on_a_terminal_reads_back_to_the_same_values_as_piped_json(
    run, on_terminal, arguments: tuple[str, ...]
) -> None:
    status, piped, _ = run(*arguments)
    assert status == 0
    assert "\x7f\x9b31m" in piped  # json.dumps leaves DEL and C1 raw: a pipe gets them as they are
    shown = on_terminal(*arguments)[1]
    assert shown == json_for_terminal(piped)
    assert json.loads(shown) == json.loads(piped)
    assert COMPANY in set(strings(json.loads(shown)))


@pytest.mark.usefixtures("hostile")
@pytest.mark.parametrize("arguments", EXPORTS, ids=" ".join)
def test_an_export_to_a_pipe_is_byte_for_byte_the_file_it_writes(
    run, tmp_path: Path, arguments: tuple[str, ...]
) -> None:
    out_file = tmp_path / "exported"
    status, piped, _ = run(*arguments)
    assert status == 0
    assert run(*arguments, "--out", str(out_file))[0] == 0
    assert piped.encode("utf-8") == out_file.read_bytes()


@pytest.mark.usefixtures("hostile")
def test_the_file_written_from_a_terminal_keeps_the_exact_text_and_the_message_is_shown_safely(
    on_terminal, tmp_path: Path
) -> None:
    out_file = tmp_path / "odd\x1b[2J.csv"
    status, out, _ = on_terminal("export", "--format", "csv", "--out", str(out_file))
    assert status == 0
    assert COMPANY.encode("utf-8") in out_file.read_bytes()
    assert raw_controls(out) == [] and "odd␛[2J.csv" in out


@pytest.mark.usefixtures("hostile")
@pytest.mark.parametrize("arguments", [("status",), ("today",), ("contact", "list"), ("review",)], ids=" ".join)
def test_text_for_a_person_is_shown_safely_on_a_terminal_and_in_a_pipe(
    run, on_terminal, arguments: tuple[str, ...]
) -> None:
    piped = run(*arguments)[1]
    assert raw_controls(piped) == []
    assert raw_controls(on_terminal(*arguments)[1]) == []


def test_a_completion_script_is_the_same_on_a_terminal_and_in_a_pipe(run, on_terminal) -> None:
    for shell in ("bash", "zsh", "fish"):
        assert on_terminal("completion", shell)[1] == run("completion", shell)[1]


# --- the rule itself -----------------------------------------------------------------------------------


def test_a_crlf_line_end_stays_and_a_lone_carriage_return_is_shown() -> None:
    assert visible_document("a,b\r\nc\rd\x1b[2J\r\n") == "a,b\r\nc␍d␛[2J\r\n"
    assert visible_document("tab\tand\nnewline") == "tab\tand\nnewline"


@given(st.text())
def test_any_text_as_json_on_a_terminal_holds_no_control_and_reads_back_exactly(text: str) -> None:
    document = json.dumps({"text": text, "list": [text]}, ensure_ascii=False, indent=2)
    shown = json_for_terminal(document)
    assert raw_controls(shown) == []
    assert json.loads(shown) == {"text": text, "list": [text]}


def test_only_a_terminal_is_made_safe_and_a_stream_that_cannot_say_is_not_a_terminal(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    closed = io.StringIO()
    closed.close()
    assert not is_terminal(closed) and not is_terminal(object()) and is_terminal(Terminal())
    for stream, output, expected in [
        (io.StringIO(), Output.DOCUMENT, "\x1b[2J\r\n"),
        (io.StringIO(), Output.JSON, '"\x7f"'),
        (io.StringIO(), Output.TEXT, "␛[2J␍\n"),
        (Terminal(), Output.DOCUMENT, "␛[2J\r\n"),  # the CRLF line end print() split over two writes
        (Terminal(), Output.JSON, '"\\u007f"'),
        (Terminal(), Output.TEXT, "␛[2J␍\n"),
    ]:
        monkeypatch.setattr(sys, "stdout", stream)
        with shown_on_stdout(output):
            print('"\x7f"' if output is Output.JSON else "\x1b[2J\r", end="" if output is Output.JSON else "\n")
            assert isinstance(sys.stdout, VisibleWriter) == (output is Output.TEXT or isinstance(stream, Terminal))
        assert sys.stdout is stream
        assert stream.getvalue() == expected, (stream, output)


# --- end to end: a real terminal, a real pipe ----------------------------------------------------------


def shell_environment(tmp_path: Path) -> dict[str, str]:
    environment = {
        **os.environ,
        "TZ": "UTC",
        "XDG_DATA_HOME": str(tmp_path / "xdg-data"),
        "PYTHONUTF8": "1",
        "PYTHONPATH": str(Path(tui.__file__).parent.parent),  # the code under test, wherever the shell runs
    }
    environment.pop("NEXTYES_DB", None)
    return environment


# `nextyes` in a fresh interpreter, at the tests' fixed moment: two runs print the same bytes.
SHELL = (
    "import sys; from datetime import datetime; from tui.cli import main; "
    "now = datetime.fromisoformat(sys.argv[1]); sys.exit(main(sys.argv[2:], now=lambda: now))"
)


def shell_command(*arguments: str) -> list[str]:
    return [sys.executable, "-c", SHELL, FIXED_NOW.isoformat(), *arguments]


def on_a_real_terminal(tmp_path: Path, *arguments: str) -> bytes:
    """Run `nextyes ARGUMENTS` with standard output and error on a pseudo-terminal; the bytes it received."""
    leader, follower = os.openpty()
    try:
        process = subprocess.Popen(
            shell_command(*arguments),
            stdin=subprocess.DEVNULL,
            stdout=follower,
            stderr=follower,
            env=shell_environment(tmp_path),
            cwd=tmp_path,
        )
    finally:
        os.close(follower)
    received: list[bytes] = []
    deadline = time.monotonic() + 60
    try:
        while True:
            ready, _, _ = select.select([leader], [], [], max(0.0, deadline - time.monotonic()))
            if not ready:
                raise AssertionError(f"nextyes {' '.join(arguments)} did not finish within 60 s")
            try:
                chunk = os.read(leader, 65536)
            except OSError:  # EIO: the command ended and the terminal closed
                break
            if not chunk:
                break
            received.append(chunk)
        assert process.wait(timeout=60) == 0, b"".join(received)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
        os.close(leader)
    return b"".join(received)


# What a terminal must not receive: C0 but the line ends (the terminal itself turns \n into \r\n), a carriage
# return that is not a line end, DEL, and C1 as UTF-8 (\xc2\x80 to \xc2\x9f).
RAW_ON_A_TERMINAL = re.compile(rb"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]|\r(?![\r\n])|\xc2[\x80-\x9f]")


@pytest.mark.skipif(not hasattr(os, "openpty"), reason="needs a pseudo-terminal")
@pytest.mark.usefixtures("hostile")
@pytest.mark.parametrize(
    "arguments",
    [
        ("export", "--format", "csv"),
        ("export", "--format", "ics"),
        ("draft", "evil", "follow-up"),
        ("export",),
        ("status", "--json"),
    ],
    ids=" ".join,
)
def test_no_raw_escape_reaches_a_real_terminal_and_a_pipe_gets_the_exact_bytes(
    tmp_path: Path, db_path: Path, arguments: tuple[str, ...]
) -> None:
    command = ["--db", str(db_path), *arguments]
    shown = on_a_real_terminal(tmp_path, *command)
    assert RAW_ON_A_TERMINAL.findall(shown) == [], shown
    assert b"\x1b" not in shown
    json_output = arguments in {("export",), ("status", "--json")}
    assert (b"\\u001b]0;pwned\\u0007" if json_output else TITLE_SHOWN.encode()) in shown

    piped = subprocess.run(
        shell_command(*command),
        capture_output=True,
        env=shell_environment(tmp_path),
        cwd=tmp_path,
        timeout=60,
        check=True,
    ).stdout
    assert (b"\x7f\xc2\x9b31m" if json_output else b"pwned\x07") in piped
    if arguments[0] == "export":
        out_file = tmp_path / "exported"
        subprocess.run(
            shell_command(*command, "--out", str(out_file)),
            capture_output=True,
            env=shell_environment(tmp_path),
            cwd=tmp_path,
            timeout=60,
            check=True,
        )
        assert piped == out_file.read_bytes()
