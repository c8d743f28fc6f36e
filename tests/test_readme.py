"""The README is tested: every command example in it runs here, exactly as written, one test per example.

What counts as an example:

- every command line of a fenced block in `sh`, `bash`, `shell`, `zsh`, `fish` or `console`, or without a
  language (a block that holds something else says so: ```text). A line ending in `\\` goes on with the next,
  `#` at the start of a word begins a comment, a leading `$ ` is dropped. In a `console` block only the lines
  starting with `$ ` are commands; the lines after one, up to the next, are its output.
- an inline `code` span (in a paragraph, a list item or a table; not in a heading) that starts with the word
  `nextyes`, `make` or `.venv/bin/…` and is not syntax: it holds no placeholder (a word in capitals such as
  FILE or DATE; quoted text and an assignment such as ARGS=--demo are not placeholders), no `[`, no `…`, and
  no `|` between two words (`bash|zsh|fish`: a choice; a pipe has spaces around it). Nor is `nextyes NAME`
  alone an example when the command NAME needs more words: that is prose naming a command (`nextyes win`,
  `nextyes log`); a name that is no longer a command is still an example, and fails. So the summaries
  `nextyes import FILE` and `nextyes status [--json]` are syntax, while `nextyes review`, `nextyes wins`
  and `make run ARGS=--demo` are examples.

What an example must do: exit with status 0, or with the status its comment states (`# exit 2`). Where the
README shows output (a `console` block), each line shown must appear in what the command printed (standard
output, then standard error), in the order shown; a line `…` stands for any lines, and a line ending in `…`
for any line that begins with what comes before it.

How each kind runs:

- `nextyes …` runs in-process (`tui.cli.main`), its words exactly as written (after the shell's quoting and
  `~`), at the fixed clock of tests/support/clock.py, with NEXTYES_DB naming the section's database, HOME
  a temporary folder and the working folder another. `--help` and argparse's other exits count by their
  status. One that opens the app (no command: `nextyes`, `nextyes --demo`) runs it headless at 80×24, checks
  the dashboard shows its three panels, and presses `q`.
- `nextyes … > FILE` (or `>>`) writes the output to FILE as the shell would: FILE is under the temporary
  HOME when written `~/…`, and any other absolute path is moved into the temporary folder. The folder must
  exist (as for the shell: the README's `mkdir -p` line comes first), and the file must not be left empty.
  `nextyes … | FILTER` pipes the in-process output into FILTER run by bash.
- `mkdir -p ~/…` makes the folder under the temporary HOME.
- `git …` runs the real git in the working folder, made a repository first (`git init`), with HOME the
  temporary one, so nothing reaches the person's own git configuration.
- `make TARGET [VAR=VALUE]` is never run (it would recurse or take minutes): `make -n` must accept it, so
  the target exists in the Makefile, and each VALUE must reach the commands it prints.
- `.venv/bin/python SCRIPT [OPTIONS]`, `.venv/bin/python -m pytest …` and `.venv/bin/pytest …` are not run
  either (benchmarks and slow tests): each file they name must exist, a script must compile, and each
  option must be one the script's or pytest's `--help` lists.
- Anything else fails, naming the example: teach this file how to run it rather than leave it untested.

The examples of one section (everything under one heading, whatever its level) share a database, a HOME and
a working folder, and run in order, as a person following the README would: each test first runs the
examples before its own in the section (make and .venv checks change nothing, so they are not run again).
A section whose examples take some history for granted gets it first from SETUPS (the Backups section
restores copies that only exist after changes on several days).
"""

from __future__ import annotations

import argparse
import functools
import os
import re
import shlex
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from typing import NoReturn

import pytest
from markdown_it import MarkdownIt

from tests.support.clock import FIXED_NOW, FakeClock
from tui.cli import main

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"

SHELL_LANGUAGES = {  # a fence's language, and the shell its lines are for
    "": "bash",
    "sh": "bash",
    "bash": "bash",
    "shell": "bash",
    "console": "bash",
    "zsh": "zsh",
    "fish": "fish",
}
EXIT_COMMENT = re.compile(r"\bexit(?:\s+(?:status|code))?\s+(\d+)\b", re.IGNORECASE)
PLACEHOLDER = re.compile(r"[A-Z][A-Z0-9_]*|--[a-z-]+=[A-Z][A-Z0-9_]*")
ANY_LINES = {"…", "..."}
REDIRECTIONS = {">", ">>"}
SHELL_SYNTAX = {"|", "||", "&&", ";", "&", "<", "(", ")", ">", ">>", "<<", ">&", "&>"}
SUBPROCESS_TIMEOUT = 300  # a hang guard, never a measure: a loaded machine only makes these slower
PANELS = ("Today's actions", "Pending applications", "Reflection")


@dataclass(frozen=True)
class Example:
    """One command of the README, where it is, and what the README says it does."""

    section: str
    line: int  # in README.md, counting from 1
    command: str  # as written, without its comment
    shell: str  # the shell its block is for: bash, zsh or fish
    exit_status: int = 0
    output: tuple[str, ...] = ()  # the lines shown after it, in a console block

    @property
    def changes_the_world(self) -> bool:
        """True for what must run again before a later example of its section (not the make or .venv checks)."""
        program = _words(self.command)[0]
        return not (program == "make" or (program.startswith(".venv/bin/") and not program.endswith("/nextyes")))


# Reading the README ------------------------------------------------------------------------------------------


def examples_in(markdown: str) -> list[Example]:
    """Every example of `markdown`, in order (see the module's docstring for the rule)."""
    found: list[Example] = []
    section = "(before the first heading)"
    tokens = MarkdownIt("commonmark").enable("table").parse(markdown)
    for index, token in enumerate(tokens):
        line = token.map[0] + 1 if token.map else 0
        if token.type == "heading_open":
            section = tokens[index + 1].content
        elif token.type == "fence":
            language = token.info.split()[0] if token.info.strip() else ""
            if language in SHELL_LANGUAGES:
                found.extend(_block_examples(token.content, section, line + 1, language))
        elif token.type == "inline" and tokens[index - 1].type != "heading_open":
            for child in token.children or []:
                command = " ".join(child.content.split())
                if child.type == "code_inline" and _is_inline_example(command):
                    found.append(Example(section, line, command, "bash"))
    return found


def _block_examples(content: str, section: str, first_line: int, language: str) -> Iterator[Example]:
    """The commands of one fenced block, with the exit status their comment states and the output shown."""
    console = language == "console"
    pending: tuple[int, str, str] | None = None  # line, command, comment
    output: list[str] = []
    lines = content.splitlines()
    number = 0
    while number < len(lines):
        text, start = lines[number], number
        if console and not text.startswith("$ "):
            if pending:
                output.append(text.rstrip())
            number += 1
            continue
        while text.endswith("\\") and number + 1 < len(lines):
            number += 1
            text = text[:-1].rstrip() + " " + lines[number].strip()
        number += 1
        command, comment = _split_comment(text.removeprefix("$ ").strip())
        if not command:
            continue
        if pending:
            yield _example(section, pending, language, output)
        pending, output = (first_line + start, command, comment), []
    if pending:
        yield _example(section, pending, language, output)


def _example(section: str, pending: tuple[int, str, str], language: str, output: list[str]) -> Example:
    line, command, comment = pending
    stated = EXIT_COMMENT.search(comment)
    while output and not output[-1]:
        output.pop()
    return Example(section, line, command, SHELL_LANGUAGES[language], int(stated[1]) if stated else 0, tuple(output))


def _split_comment(text: str) -> tuple[str, str]:
    """The command and its comment: `#` starts one at the start of a word outside quotes, as in the shell."""
    quote = ""
    for position, character in enumerate(text):
        if quote:
            quote = "" if character == quote else quote
        elif character in "'\"":
            quote = character
        elif character == "#" and (position == 0 or text[position - 1].isspace()):
            return text[:position].rstrip(), text[position + 1 :].strip()
    return text, ""


def _is_inline_example(command: str) -> bool:
    try:
        raw_words = shlex.split(command, posix=False)  # quotes kept: quoted capitals are text, not placeholders
    except ValueError:
        return False
    if not raw_words or not (raw_words[0] in ("nextyes", "make") or raw_words[0].startswith(".venv/bin/")):
        return False
    placeholder = any(PLACEHOLDER.fullmatch(word) for word in raw_words)
    syntax = placeholder or "[" in command or "…" in command or re.search(r"\S\|\S", command)
    return not syntax and not _names_a_command(raw_words)


def _names_a_command(words: list[str]) -> bool:
    """True for `nextyes NAME` where NAME is a command that needs more words: prose naming the command."""
    if len(words) != 2 or words[0] != "nextyes":
        return False
    command = _commands().get(words[1])
    return command is not None and any(action.required for action in command._actions)


@functools.cache
def _commands() -> dict[str, argparse.ArgumentParser]:
    """Each `nextyes` command's parser, by name."""
    from tui.cli import build_parser

    [commands] = [action for action in build_parser()._actions if isinstance(action, argparse._SubParsersAction)]
    return dict(commands.choices)


def _words(command: str) -> list[str]:
    """The words of `command` as the shell splits them, with its operators (`>`, `|`, `&&`…) as words."""
    lexer = shlex.shlex(command, posix=True, punctuation_chars=True)
    lexer.whitespace_split = True
    lexer.commenters = ""
    return list(lexer)


def _ids(examples: list[Example]) -> list[str]:
    """The command itself; the section too when the same command is an example in several."""
    commands = [example.command for example in examples]
    ids = [
        command if commands.count(command) == 1 else f"{command} ({example.section})"
        for command, example in zip(commands, examples, strict=True)
    ]
    return [
        name if ids.count(name) == 1 else f"{name} (line {example.line})"
        for name, example in zip(ids, examples, strict=True)
    ]


EXAMPLES = examples_in(README.read_text(encoding="utf-8"))


# Running an example -----------------------------------------------------------------------------------------


@dataclass
class Outcome:
    status: int
    out: str
    err: str


class Session:
    """One section's world: its database, a HOME and a working folder in tmp_path, and the fixed clock."""

    def __init__(self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
        self.tmp_path = tmp_path
        self.home = tmp_path / "home"
        self.work = tmp_path / "work"
        self.db = tmp_path / "nextyes.json"
        self.clock = FakeClock()
        self.monkeypatch = monkeypatch
        self.capsys = capsys
        self.screens: list[str] = []  # what the app showed, each time an example opened it
        for folder in (self.home, self.work):
            folder.mkdir()
        monkeypatch.setenv("NEXTYES_DB", str(self.db))
        monkeypatch.setenv("HOME", str(self.home))
        monkeypatch.chdir(self.work)

    def run(self, example: Example) -> Outcome:
        words = [self._expand(word) for word in _words(example.command)]
        program = words[0]
        if program == "make":
            return _check_make(words[1:])
        if program.startswith(".venv/bin/"):
            return self._venv_command(example, words)
        if program == "mkdir" and words[1:2] == ["-p"] and not SHELL_SYNTAX.intersection(words):
            for folder in words[2:]:
                self._inside_tmp(Path(folder)).mkdir(parents=True, exist_ok=True)
            return Outcome(0, "", "")
        if program == "nextyes":
            return self._nextyes_line(example, words[1:])
        if program == "git" and not SHELL_SYNTAX.intersection(words):
            return self._git(words)
        return _cannot_run(example)

    def _git(self, words: list[str]) -> Outcome:
        git = shutil.which("git")
        if git is None:
            pytest.skip("git is not installed")
        if not (self.work / ".git").exists():
            subprocess.run([git, "init", "-q"], cwd=self.work, check=True, capture_output=True, timeout=60)
        done = subprocess.run([git, *words[1:]], cwd=self.work, capture_output=True, text=True, timeout=60)
        return Outcome(done.returncode, done.stdout, done.stderr)

    def _nextyes_line(self, example: Example, words: list[str]) -> Outcome:
        syntax = [index for index, word in enumerate(words) if word in SHELL_SYNTAX]
        if not syntax:
            return self.nextyes(words)
        first = syntax[0]
        if words[first] in REDIRECTIONS and len(words) == first + 2:
            return self._redirected(words[:first], words[first], Path(words[first + 1]))
        if words[first] == "|" and example.shell == "bash":
            return self._piped(words[:first], example.command.split("|", 1)[1])
        return _cannot_run(example)

    def nextyes(self, arguments: list[str]) -> Outcome:
        """`nextyes ARGUMENTS` in-process, at the session's clock; the app, if it opens, headless."""
        self.capsys.readouterr()
        if not any(not word.startswith("-") for word in arguments):  # no command: it may open the app
            self._open_the_app_headless()
        try:
            status = main(arguments, now=self.clock)
        except SystemExit as stop:  # --help, --version, argparse's refusals
            status = stop.code if isinstance(stop.code, int) else (0 if stop.code is None else 2)
        captured = self.capsys.readouterr()
        return Outcome(status, captured.out, captured.err)

    def _redirected(self, arguments: list[str], how: str, target: Path) -> Outcome:
        outcome = self.nextyes(arguments)
        target = self._inside_tmp(target)
        if not target.parent.is_dir():
            return Outcome(1, "", f"bash: {target}: No such file or directory")
        with target.open("a" if how == ">>" else "w", encoding="utf-8") as file:
            file.write(outcome.out)
        assert outcome.status != 0 or target.stat().st_size > 0, f"the example left {target} empty"
        return Outcome(outcome.status, "", outcome.err)

    def _piped(self, arguments: list[str], rest: str) -> Outcome:
        outcome = self.nextyes(arguments)
        environment = {**os.environ, "HOME": str(self.home)}
        filtered = subprocess.run(
            ["bash", "-c", rest],
            input=outcome.out,
            capture_output=True,
            text=True,
            cwd=self.work,
            env=environment,
            timeout=SUBPROCESS_TIMEOUT,
            check=False,
        )
        return Outcome(filtered.returncode, filtered.stdout, outcome.err + filtered.stderr)

    def _venv_command(self, example: Example, words: list[str]) -> Outcome:
        program, arguments = Path(words[0]).name, words[1:]
        if program == "nextyes":
            return self._nextyes_line(example, arguments)
        if program in ("pytest", "py.test"):
            return _check_pytest(arguments)
        if program.startswith("python") and arguments[:2] == ["-m", "pytest"]:
            return _check_pytest(arguments[2:])
        if program.startswith("python") and arguments and arguments[0].endswith(".py"):
            return _check_script(arguments[0], arguments[1:])
        return _cannot_run(example)

    def _expand(self, word: str) -> str:
        """`~` as the shell expands it, to the session's HOME (never the real one)."""
        return str(self.home) + word[1:] if word == "~" or word.startswith("~/") else word

    def _inside_tmp(self, path: Path) -> Path:
        """`path` if it is in the session's folder; an absolute path elsewhere moved inside it."""
        path = path if path.is_absolute() else self.work / path
        return path if path.is_relative_to(self.tmp_path) else self.tmp_path / "root" / path.relative_to(path.anchor)

    def _open_the_app_headless(self) -> None:
        """Make the app, when `main` opens it, run headless at 80×24, note what it shows, and press q."""
        from textual.app import App
        from textual.pilot import Pilot

        from tui.app import NextYesApp

        screens = self.screens

        async def look_and_quit(pilot: Pilot[None]) -> None:
            for _ in range(3):
                await pilot.app.workers.wait_for_complete()
                await pilot.pause()
            strips = pilot.app.screen._compositor.render_strips()
            screens.append("\n".join(strip.text for strip in strips))
            await pilot.press("q")

        def headless(app: App[None], *args: object, **kwargs: object) -> None:
            App.run(app, headless=True, size=(80, 24), auto_pilot=look_and_quit)

        self.monkeypatch.setattr(NextYesApp, "run", headless)


def _cannot_run(example: Example) -> NoReturn:
    pytest.fail(
        f"README.md line {example.line}: tests/test_readme.py does not know how to run {example.command!r}; "
        "teach it (see its docstring) or write the example in a form it runs",
    )


def _check_make(arguments: list[str]) -> Outcome:
    """`make -n ARGUMENTS`: the target exists, and each VAR=VALUE's value reaches the commands printed."""
    if shutil.which("make") is None:
        pytest.skip("make is not installed, so the Makefile's targets cannot be checked")
    environment = {
        name: value for name, value in os.environ.items() if name not in ("MAKEFLAGS", "MFLAGS", "MAKELEVEL")
    }
    dry = subprocess.run(
        ["make", "-n", "-C", str(ROOT), *arguments],
        capture_output=True,
        text=True,
        env=environment,
        timeout=SUBPROCESS_TIMEOUT,
        check=False,
    )
    for assignment in (word for word in arguments if "=" in word):
        variable, value = assignment.split("=", 1)
        assert value in dry.stdout, f"make -n: {variable}={value} does not reach the commands:\n{dry.stdout}"
    return Outcome(dry.returncode, dry.stdout, dry.stderr)


def _check_pytest(arguments: list[str]) -> Outcome:
    """Every test file named exists, and every option is one `pytest --help` lists."""
    for word in arguments:
        if not word.startswith("-") and ("/" in word or ".py" in word):
            path = word.split("::", 1)[0]
            assert (ROOT / path).exists(), f"{path} does not exist"
    options = [word.split("=", 1)[0] for word in arguments if word.startswith("-")]
    _assert_listed(options, _pytest_help(), "pytest --help")
    return Outcome(0, "", "")


def _check_script(script: str, arguments: list[str]) -> Outcome:
    """The script exists and compiles; each option it is given is one its `--help` lists."""
    path = ROOT / script
    assert path.is_file(), f"{script} does not exist"
    compile(path.read_text(encoding="utf-8"), str(path), "exec")
    options = [word.split("=", 1)[0] for word in arguments if word.startswith("-")]
    if options:
        shown = subprocess.run(
            [sys.executable, str(path), "--help"],
            capture_output=True,
            text=True,
            cwd=ROOT,
            timeout=SUBPROCESS_TIMEOUT,
            check=False,
        )
        assert shown.returncode == 0, f"{script} --help failed:\n{shown.stderr}"
        _assert_listed(options, shown.stdout, f"{script} --help")
    return Outcome(0, "", "")


@functools.cache
def _pytest_help() -> str:
    shown = subprocess.run(
        [sys.executable, "-m", "pytest", "--help", "-p", "no:cacheprovider"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=SUBPROCESS_TIMEOUT,
        check=False,
    )
    assert shown.returncode == 0, f"pytest --help failed:\n{shown.stderr}"
    return shown.stdout


def _assert_listed(options: list[str], help_text: str, source: str) -> None:
    for option in options:
        assert re.search(rf"(?<![\w-]){re.escape(option)}(?![\w-])", help_text), f"{source} does not list {option}"


# What a section takes for granted ------------------------------------------------------------------------------


def _changes_on_five_earlier_days(session: Session) -> None:
    """Something logged on each of the five days before today: four daily backups to list and restore."""
    for days_ago in range(5, 0, -1):
        session.clock.current = FIXED_NOW - timedelta(days=days_ago)
        outcome = session.nextyes(["log", "learn", f"SQL window functions, part {6 - days_ago}"])
        assert outcome.status == 0, outcome.err
    session.clock.current = FIXED_NOW


SETUPS: dict[str, Callable[[Session], None]] = {
    "Backups": _changes_on_five_earlier_days,
}


# The tests ------------------------------------------------------------------------------------------------------


@pytest.fixture
def session(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> Session:
    return Session(tmp_path, monkeypatch, capsys)


@pytest.mark.parametrize("example", EXAMPLES, ids=_ids(EXAMPLES))
def test_example_runs_as_written(example: Example, session: Session) -> None:
    if "completion" in _words(example.command) and "completion" not in _commands():
        pytest.skip("`nextyes completion` does not exist yet")
    if setup := SETUPS.get(example.section):
        setup(session)
    for earlier in EXAMPLES[: EXAMPLES.index(example)]:
        if earlier.section == example.section and earlier.changes_the_world:
            before = session.run(earlier)
            assert before.status == earlier.exit_status, (
                f"an earlier example of the section failed first: {earlier.command!r} (line {earlier.line})\n"
                f"{before.out}{before.err}"
            )
    opened_before = len(session.screens)

    outcome = session.run(example)

    printed = outcome.out + outcome.err
    assert outcome.status == example.exit_status, (
        f"README.md line {example.line}: {example.command!r} exited {outcome.status}, "
        f"not {example.exit_status}:\n{printed}"
    )
    if example.output:
        _assert_shows(example.output, printed)
    if _opens_the_app(example):
        [screen] = session.screens[opened_before:]
        missing = [panel for panel in PANELS if panel not in screen]
        assert not missing, f"the app opened without {missing}:\n{screen}"


def _assert_shows(shown: tuple[str, ...], printed: str) -> None:
    """Each line shown appears in what was printed, in the order shown; a line `…` stands for any lines."""
    lines = [line.rstrip() for line in printed.splitlines()]
    position = 0
    for expected in (line for line in shown if line.strip() and line.strip() not in ANY_LINES):
        matches = [index for index in range(position, len(lines)) if _line_matches(expected, lines[index])]
        if not matches:
            pytest.fail(f"the README shows {expected!r}, which is not printed (or not in this order):\n{printed}")
        position = matches[0] + 1


def _line_matches(shown: str, printed: str) -> bool:
    """The same line; or, when the README cuts it short with a final `…`, one that begins the same."""
    for cut in ANY_LINES:
        if shown.endswith(cut):
            return printed.startswith(shown.removesuffix(cut).rstrip())
    return printed == shown


def _opens_the_app(example: Example) -> bool:
    """`nextyes` with options only (not --help or --version): the app, as the README says of it."""
    words = _words(example.command)
    options = words[1:]
    quits_early = {"-h", "--help", "--version"}.intersection(options)
    return words[0] == "nextyes" and all(word.startswith("-") for word in options) and not quits_early


def test_the_examples_are_found() -> None:
    """The reading of the README finds each kind of example, so the tests above cannot pass on nothing."""
    commands = {example.command for example in EXAMPLES}
    assert {"nextyes log network coffee with Dana", "nextyes", "make test", "nextyes backup list"} <= commands
    assert not any(example.command.startswith("nextyes import FILE") for example in EXAMPLES)  # syntax, not one


def test_each_setup_is_for_a_section_with_examples() -> None:
    sections = {example.section for example in EXAMPLES}
    assert set(SETUPS) <= sections, f"SETUPS names sections the README no longer has: {set(SETUPS) - sections}"


def test_the_rule_for_what_counts_as_an_example() -> None:
    markdown = "\n".join(
        [
            "# Start",
            "Run `nextyes today`, or `nextyes import FILE`, or `make run ARGS=--demo`; `NEXTYES_DB` is a name.",
            "`nextyes win` adds a win; `nextyes wins` lists them.",
            "",
            "| command | does |",
            "| --- | --- |",
            "| `nextyes check`, `nextyes completion bash\\|zsh` | a table cell: `nextyes export --format csv\\|json` |",
            "",
            "## Shown",
            "```console",
            "$ nextyes rest --on tomorrow",
            "Rest day planned",
            "$ nextyes rest --on 'next friday'  # refused: exit 2",
            "nextyes: at most 2",
            "```",
            "```toml",
            "daily_target = 1",
            "```",
            "```",
            "nextyes backup list   # every copy",
            "nextyes log learn \\",
            "    sql window functions",
            "```",
        ]
    )
    found = examples_in(markdown)
    assert [(example.section, example.command) for example in found] == [
        ("Start", "nextyes today"),
        ("Start", "make run ARGS=--demo"),
        ("Start", "nextyes wins"),
        ("Start", "nextyes check"),
        ("Shown", "nextyes rest --on tomorrow"),
        ("Shown", "nextyes rest --on 'next friday'"),
        ("Shown", "nextyes backup list"),
        ("Shown", "nextyes log learn sql window functions"),
    ]
    assert [example.exit_status for example in found[4:6]] == [0, 2]
    assert [example.output for example in found[4:6]] == [("Rest day planned",), ("nextyes: at most 2",)]


def test_shown_output_must_be_printed_in_the_order_shown() -> None:
    printed = "Backups of nextyes.json:\n1. Sat 14 Mar 2026  daily\n2. Fri 13 Mar 2026  daily\nPut one back\n"
    _assert_shows(("1. Sat 14 Mar 2026  daily", "…", "Put one back"), printed)
    _assert_shows(("Backups of …", "2. Fri 13 Mar 2026 …"), printed)
    with pytest.raises(pytest.fail.Exception):
        _assert_shows(("Backups of",), printed)
    with pytest.raises(pytest.fail.Exception):
        _assert_shows(("2. Fri 13 Mar 2026  daily", "1. Sat 14 Mar 2026  daily"), printed)
    with pytest.raises(pytest.fail.Exception):
        _assert_shows(("3. Thu 12 Mar 2026  daily",), printed)
