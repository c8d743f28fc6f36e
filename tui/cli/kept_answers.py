"""`status` and `today` said again from what they last printed, while nothing they were worked out from changed.

Both read every record and build the whole dashboard: on a search of five years that is most of a second, for
an answer that stays the same until the records change or the clock moves past something the day holds. So
each answer is kept in the user's cache folder (never beside the database: a synced folder must not carry one
machine's cache to another), with what it was worked out from: the question (command and options, `--db` aside), the
database file's and its journal's identities (inode, size, time: any change replaces or grows one of them),
TZ, whether standard output is a terminal, this nextyes's version, and the span of time it holds for: from the
instant it was worked out until the logical day ends or today's actions next change by the clock alone (an
interview's hour, `Dashboard.changes_at`). While all of that holds the same command prints it again without
loading a record; otherwise it is worked out as usual, and kept when it was said whole, with nothing on
standard error, from a file nothing changed meanwhile. A conflict copy beside the database is merged by the
whole command first, so then nothing kept is said.

It is a cache: removing it changes no answer (tests/cli/test_kept_answers.py holds the two ways equal).
"""

from __future__ import annotations

import io
import os
import sys
from collections.abc import Callable, Sequence
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from tui import __version__
from tui.cli.summary import JOURNAL_SUFFIX, identity, keep_json, quick_options, read_json
from tui.locations import cache_file

if TYPE_CHECKING:
    from tui.clock import Clock

KEPT_VERSION = 1
COMMANDS = frozenset({"status", "today"})

_holds_until: list[datetime] = []  # what the command being run said about how long its answer holds


def applies(arguments: Sequence[str]) -> bool:
    """Whether `arguments` ask `status` or `today` with only options the kept answers know; anything else (a
    mistake, help) is the whole command's."""
    return _asked(arguments) is not None


def said_again(arguments: Sequence[str], clock: Clock | None) -> int | None:
    """The kept answer to `arguments`, printed, and its exit status; None when none is kept that still holds."""
    kept = _read(arguments)
    if kept is None:
        return None
    now = _now(clock)
    made, until = kept["made"], kept["until"]
    if not isinstance(made, float) or not isinstance(until, float) or not made <= now.timestamp() < until:
        return None
    text = kept["text"]
    if not isinstance(text, str):
        return None
    sys.stdout.write(text)
    return 0


def worked_out(arguments: Sequence[str], clock: Clock | None, run: Callable[[], int]) -> int:
    """Run the whole command, and keep what it said when it may be said again (see the module's note)."""
    source = _source(arguments)
    made = _now(clock).timestamp()
    _holds_until.clear()
    out, err = _Copying(sys.stdout), _Copying(sys.stderr)
    sys.stdout, sys.stderr = out, err
    try:
        status = run()
    finally:
        sys.stdout, sys.stderr = out.stream, err.stream
    whole = status == 0 and out.whole and not err.copied.getvalue() and len(_holds_until) == 1
    if whole and source is not None and _source(arguments) == source:
        _keep(arguments, {"source": source, "made": made, "until": _holds_until[0].timestamp(), "text": out.text})
    return status


def holds_until(moment: datetime) -> None:
    """Said by `status` and `today` as they work the day out: their answer holds until `moment`."""
    _holds_until.append(moment)


class _Copying:
    """A text stream that writes to `stream` and keeps a copy of everything written whole."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self.copied = io.StringIO()
        self.whole = True  # every write reached the stream (a reader gone, `| head`, makes it partial)

    @property
    def text(self) -> str:
        return self.copied.getvalue()

    def write(self, text: str) -> int:
        try:
            written = self.stream.write(text)
        except BaseException:
            self.whole = False
            raise
        self.copied.write(text)
        return written

    def flush(self) -> None:
        try:
            self.stream.flush()
        except BaseException:
            self.whole = False
            raise

    def __getattr__(self, name: str) -> object:
        return getattr(self.stream, name)  # isatty, fileno, encoding…: the real stream's own


def _now(clock: Clock | None) -> datetime:
    from datetime import UTC

    return clock() if clock is not None else datetime.now(UTC)


# Each command whose answer is kept, with its options that take a value and its flags.
QUESTIONS = {"status": (("--db", "--as-of"), ("--json",)), "today": (("--db", "--as-of"), ())}


def _asked(arguments: Sequence[str]) -> tuple[str | None, list[str]] | None:
    """`--db` as given, and the question asked without it (command and options in one order); None for anything
    but `status` or `today` with their own options."""
    for command, (valued, flags) in QUESTIONS.items():
        options = quick_options(arguments, command, valued, flags)
        if options is not None:
            db = options.pop("--db", None)
            return db, [command, *sorted(f"{name}={value}" for name, value in options.items() if name != command)]
    return None


def _database(arguments: Sequence[str]) -> tuple[Path, list[str]] | None:
    """The database the question names (`--db`, NEXTYES_DB, the data folder) and the question itself."""
    asked = _asked(arguments)
    if asked is None:
        return None
    from tui.locations import db_path

    return db_path(asked[0]), asked[1]


def _source(arguments: Sequence[str]) -> list[object] | None:
    """What an answer to `arguments` is worked out from (see the module's note); None when there is no database
    yet, or a sync tool's conflict copy waits beside it."""
    named = _database(arguments)
    if named is None:
        return None
    path, rest = named
    real = os.path.realpath(path)
    file = identity(real)
    if file is None or _conflict_copies_beside(Path(real)):
        return None
    terminal = sys.stdout.isatty() if hasattr(sys.stdout, "isatty") else False
    return [
        KEPT_VERSION,
        __version__,
        real,
        rest,
        file,
        identity(real + JOURNAL_SUFFIX),
        os.environ.get("TZ", ""),
        terminal,
    ]


def _conflict_copies_beside(real: Path) -> bool:
    from tui.store.conflict_names import find_conflict_copies

    return bool(find_conflict_copies(real))


def _file(arguments: Sequence[str]) -> Path | None:
    named = _database(arguments)
    if named is None:
        return None
    path, rest = named
    return cache_file("answers", "\0".join([os.path.realpath(path), *rest]))


def _read(arguments: Sequence[str]) -> dict[str, object] | None:
    """The answer kept for `arguments` when it was worked out from what is there now; None otherwise."""
    file = _file(arguments)
    kept = read_json(file) if file is not None else None
    if kept is None or kept.get("source") is None or kept.get("source") != _source(arguments):
        return None
    numbers = (kept.get("made"), kept.get("until"))
    return kept if all(isinstance(n, float) for n in numbers) else None


def _keep(arguments: Sequence[str], kept: dict[str, object]) -> None:
    """Write the answer atomically; a cache folder that cannot be written only costs the next answer its time."""
    file = _file(arguments)
    if file is not None:
        keep_json(file, kept)
