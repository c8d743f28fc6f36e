"""Records in and out of files: `export`, `import` and `review`.

Each format's module is imported inside the handler that writes or reads it, so that registering these
commands costs the other commands nothing.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from typing import TYPE_CHECKING

from tui.cli.common import FILE, BadInput, Commands, Parser, completes, day
from tui.terminal import visible

if TYPE_CHECKING:
    from pathlib import Path

    from tui.core.review import WeeklyReview
    from tui.recording import Recorder

EXPORT_FORMATS = ("json", "csv", "md", "ics")
CSV_TABLES = ("applications", "activities", "contacts", "interviews")
REVIEW_FORMATS = ("text", "md")
PROGRESS_FROM = 1000  # rows: smaller files read too fast for progress to mean anything


def register(commands: Commands) -> None:
    """Add this group's commands; the arguments and the handler of each are below."""
    commands.add(
        "export", _export, help="write your records to a file", prints_document=True, arguments=_export_arguments
    )
    commands.add(
        "import",
        _import,
        help="bring in applications or contacts: LinkedIn exports, a CSV of applications, a nextyes JSON export",
        arguments=_import_arguments,
    )
    commands.add(
        "review", _review, help="the weekly review: how the week went, what's next", arguments=_review_arguments
    )


def _import_arguments(import_: Parser) -> None:
    file = import_.add_argument("file", metavar="FILE", help="the file to read; its format is told from its content")
    completes(file, FILE)
    import_.add_argument("--dry-run", action="store_true", help="say what would be imported, and change nothing")
    import_.add_argument(
        "--allow-large",
        action="store_true",
        help="read a file past the limits of one import (50,000 rows of a CSV, 100,000 records of an export, 64 MB)",
    )


def _import(recorder: Recorder, options: argparse.Namespace) -> int:
    from pathlib import Path

    from tui.exchange.importing import NO_LIMITS, Limits, TooLarge, UnreadableFile, import_file, read_file

    store = recorder.store
    settings = store.load().settings
    path = Path(options.file).expanduser()
    try:
        parsed = read_file(
            path,
            now=recorder.now(),
            zone=recorder.zone(settings),
            rollover_hour=settings.rollover_hour,
            progress=_show_progress,
            limits=NO_LIMITS if options.allow_large else Limits(),
        )
    except TooLarge as problem:
        raise BadInput(f"{problem}; add --allow-large to import it anyway") from None
    except UnreadableFile as problem:
        raise BadInput(str(problem)) from None
    if not options.dry_run and len(parsed.items) >= PROGRESS_FROM:
        records = sum(1 + len(item.companions) for item in parsed.items)
        print(f"Saving {records:,} records in one go…", file=sys.stderr)
    plan = import_file(store, parsed, dry_run=options.dry_run)
    print("\n".join(plan.summary(dry_run=options.dry_run)))
    return 0


def _show_progress(done: int, total: int) -> None:
    if total < PROGRESS_FROM:
        return
    ending = "\n" if done >= total or not sys.stderr.isatty() else ""
    print(f"\rRead {done:,} of {total:,} rows", end=ending, file=sys.stderr, flush=True)


def _export_arguments(export: Parser) -> None:
    export.add_argument(
        "--format",
        choices=EXPORT_FORMATS,
        default="json",
        metavar="FORMAT",
        help="json (every record; the default), csv (one table), md (a full report, or the "
        "weekly review with --week) or ics (interviews, follow-ups and reminders)",
    )
    completes(export.add_argument("--out", metavar="PATH", help="file to write (default: standard output)"), FILE)
    export.add_argument(
        "--table",
        choices=CSV_TABLES,
        metavar="TABLE",
        help="with csv: applications (default), activities, contacts or interviews",
    )
    export.add_argument("--week", metavar="DATE", help="with md: the weekly review of the week holding this day")


def _export(recorder: Recorder, options: argparse.Namespace) -> int:
    target = None if options.out is None else _export_target(options.out, recorder.store.path)  # before any work
    search = recorder.store.load()
    today = recorder.today(search)
    if options.table is not None and options.format != "csv":
        raise BadInput(f"--table goes with --format csv, not {options.format}")
    if options.week is not None and options.format != "md":
        raise BadInput(f"--week goes with --format md (the weekly review), not {options.format}")
    if options.format == "json":
        from tui.exchange.json_format import export_json

        text = export_json(search, recorder.now())
        what = "every record"
    elif options.format == "csv":
        from tui.exchange.csv_format import export_csv

        table = options.table or "applications"
        text = export_csv(search, table)
        what = f"the {table.replace('_', ' ')}"
    elif options.format == "ics":
        from tui.exchange.ics_format import export_ics

        text = export_ics(search, search.settings, today, recorder.now())
        what = "interviews, follow-ups and reminders"
    elif options.week is not None:
        text = _review_markdown(recorder, options.week)
        what = "the weekly review"
    else:
        from tui.core.insights import build_insights
        from tui.exchange.report import report_markdown

        text = report_markdown(search, build_insights(search, today), recorder.now(), today)
        what = "a full report"
    return _write(text, target, what)


def _review_arguments(review: Parser) -> None:
    review.add_argument("--week", metavar="DATE", help="any day of the week to review (default: this week)")
    review.add_argument(
        "--format", choices=REVIEW_FORMATS, default="text", metavar="FORMAT", help="text (default) or md (Markdown)"
    )


def _review(recorder: Recorder, options: argparse.Namespace) -> int:
    if options.format == "md":
        sys.stdout.write(_review_markdown(recorder, options.week))
        return 0
    from tui.exchange.review_format import review_text

    sys.stdout.write(_ensure_newline(review_text(_weekly_review(recorder, options.week))))
    return 0


def _review_markdown(recorder: Recorder, week: str | None) -> str:
    from tui.exchange.review_format import review_markdown

    return _ensure_newline(review_markdown(_weekly_review(recorder, week)))


def _weekly_review(recorder: Recorder, week: str | None) -> WeeklyReview:
    from tui.core.review import weekly_review

    search = recorder.store.load()
    today = recorder.today(search)
    week_of: date = day(week, today, past_only=False)
    try:
        return weekly_review(search, week_of, today, recorder.zone(search.settings).key)
    except ValueError as problem:
        raise BadInput(str(problem)) from None


def _export_target(out: str, db: Path) -> Path:
    """The file `--out` names, once it is known that writing it harms nothing: BadInput saying what is in the way.

    Refused: the database and whatever nextyes keeps for it (its lock, its backups folder and everything in
    it, a write's temp files), however it is named (through a symlink, `..`, another hard link); and anything
    that is not a regular file, which the new file would replace: a symlink, a folder, a named pipe, a device.
    A regular file of the person's own is replaced whole (an atomic rename), keeping its mode.
    """
    import os
    import stat
    from pathlib import Path

    from tui.store import is_owned_by_store

    target = Path(out).expanduser()
    accepted = "give the name of a new file, or of a regular file to replace"
    if is_owned_by_store(db, target):
        raise BadInput(
            f"will not export to {target}: nextyes keeps it for the database {db} (the file itself, its lock "
            f"or its backups); {accepted}"
        )
    try:
        mode = os.lstat(target).st_mode
    except FileNotFoundError:
        return target  # a new file
    except OSError as error:
        raise BadInput(f"cannot write {target}: {error.strerror or error}") from None
    if stat.S_ISREG(mode):
        return target
    if stat.S_ISDIR(mode):
        raise BadInput(f"will not export to {target}: it is a folder; give a file name inside it, or another path")
    if stat.S_ISLNK(mode):
        try:
            pointing = f" (to {os.readlink(target)})"
        except OSError:  # gone meanwhile
            pointing = ""
        found = f"a symbolic link{pointing}, which would be replaced by a plain file"
    elif stat.S_ISFIFO(mode):
        found = "a named pipe (FIFO), not a regular file"
    elif stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        found = "a device, not a regular file"
    else:
        found = "not a regular file"
    raise BadInput(
        f"will not export to {target}: it is {found}; {accepted}, or leave out --out to print to standard output"
    )


def _write(text: str, target: Path | None, what: str) -> int:
    if target is None:
        sys.stdout.write(_ensure_newline(text))
        return 0
    from tui.store.files import atomic_write

    try:
        atomic_write(target, text.encode("utf-8"))
    except OSError as error:
        raise BadInput(f"cannot write {target}: {error.strerror or error}") from None
    print(f"Exported {what} to {visible(str(target))}")  # a message for a person, even when output is a document
    return 0


def _ensure_newline(text: str) -> str:
    return text if text.endswith("\n") else text + "\n"
