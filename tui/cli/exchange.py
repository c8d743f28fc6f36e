"""Records in and out of files: `export`, `import` and `review`.

Each format's module is imported inside the handler that writes or reads it, so that registering these
commands costs the other commands nothing.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from tui.cli.common import FILE, BadInput, Commands, completes, day
from tui.recording import Recorder

if TYPE_CHECKING:
    from tui.core.review import WeeklyReview

EXPORT_FORMATS = ("json", "csv", "md", "ics")
CSV_TABLES = ("applications", "activities", "contacts", "interviews")
REVIEW_FORMATS = ("text", "md")
PROGRESS_FROM = 1000  # rows: smaller files read too fast for progress to mean anything


def register(commands: Commands) -> None:
    """Add this group's commands, each registered beside its handler below."""
    _register_export(commands)
    _register_import(commands)
    _register_review(commands)


def _register_import(commands: Commands) -> None:
    import_ = commands.add(
        "import",
        _import,
        help="bring in applications or contacts: LinkedIn exports, a CSV of applications, a nextyes JSON export",
    )
    file = import_.add_argument("file", metavar="FILE", help="the file to read; its format is told from its content")
    completes(file, FILE)
    import_.add_argument("--dry-run", action="store_true", help="say what would be imported, and change nothing")


def _import(recorder: Recorder, options: argparse.Namespace) -> int:
    from tui.exchange.importing import UnreadableFile, import_file, plan_import, read_file

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
        )
    except UnreadableFile as problem:
        raise BadInput(str(problem)) from None
    if options.dry_run:
        plan = plan_import(parsed, store.load(), settings_saved=store.settings_saved())
    else:
        if len(parsed.items) >= PROGRESS_FROM:
            print(f"Saving {len(parsed.items):,} records in one go…", file=sys.stderr)
        plan = import_file(store, parsed)
    print("\n".join(plan.summary(dry_run=options.dry_run)))
    return 0


def _show_progress(done: int, total: int) -> None:
    if total < PROGRESS_FROM:
        return
    ending = "\n" if done >= total or not sys.stderr.isatty() else ""
    print(f"\rRead {done:,} of {total:,} rows", end=ending, file=sys.stderr, flush=True)


def _register_export(commands: Commands) -> None:
    export = commands.add("export", _export, help="write your records to a file", prints_document=True)
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
    return _write(text, options.out, what)


def _register_review(commands: Commands) -> None:
    review = commands.add("review", _review, help="the weekly review: how the week went, what's next")
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


def _write(text: str, out: str | None, what: str) -> int:
    if out is None:
        sys.stdout.write(_ensure_newline(text))
        return 0
    from tui.store.files import atomic_write

    target = Path(out).expanduser()
    try:
        atomic_write(target, text.encode("utf-8"))
    except OSError as error:
        raise BadInput(f"cannot write {target}: {error.strerror or error}") from None
    print(f"Exported {what} to {target}")
    return 0


def _ensure_newline(text: str) -> str:
    return text if text.endswith("\n") else text + "\n"
