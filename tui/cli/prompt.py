"""`nextyes prompt`: one short line for a shell prompt or a tmux status line (streak, today, actions due).

A prompt runs at every Enter: the line comes from the day's summary kept in the user's cache folder
(tui/cli/summary.py), so while it holds the command loads no pydantic, no models and no store.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import TYPE_CHECKING

from tui.cli.summary import JOURNAL_SUFFIX, current_summary, quick_options, summary_file

if TYPE_CHECKING:
    import argparse
    from collections.abc import Sequence
    from pathlib import Path

    from tui.cli.common import Commands, Parser
    from tui.clock import Clock

__all__ = ["JOURNAL_SUFFIX", "quick", "register", "summary_fields", "summary_file"]

DEFAULT_FORMAT = "streak {streak} · today {today} · {due} due"
FIELDS = {
    "streak": "the current streak in days",
    "longest": "the longest streak in days",
    "points": "today's points so far",
    "target": "the daily target",
    "today": "'done', or the points of the target ('0.5/1'), or 'rest'/'recovery' on such a day",
    "due": "how many of today's actions are still open",
    "freezes": "freezes held",
}


def register(commands: Commands) -> None:
    commands.add_standalone(
        "prompt",
        _prompt,
        "one short line for a shell prompt or tmux: streak, today, actions due",
        arguments=_prompt_arguments,
    )


def quick(arguments: Sequence[str], clock: Clock | None) -> int | None:
    """`nextyes prompt [--db PATH] [--format TEXT]` answered before the command line is even built (it loads
    every command's module); None for anything else (help, a mistake), which the whole command line answers."""
    options = quick_options(arguments, "prompt", valued=("--db", "--format"))
    if options is None:
        return None
    line_format = options.get("--format", DEFAULT_FORMAT)
    if _format_problem(line_format) is not None:
        return None
    return _print_line(options.get("--db"), line_format, clock)


def _prompt_arguments(prompt: Parser) -> None:
    names = ", ".join(f"{{{name}}} {meaning}" for name, meaning in FIELDS.items())
    prompt.add_argument("--format", dest="line_format", metavar="TEXT", default=DEFAULT_FORMAT, help=names)


def _prompt(options: argparse.Namespace) -> int:
    from tui.cli.common import BadInput

    problem = _format_problem(options.line_format)
    if problem is not None:
        raise BadInput(problem)
    return _print_line(getattr(options, "db", None), options.line_format, options.clock)


def _print_line(db: str | None, line_format: str, clock: Clock | None) -> int:
    from tui.locations import db_path
    from tui.terminal import visible

    path = db_path(db)
    now = clock() if clock is not None else datetime.now(UTC)
    fields = summary_fields(path, now, clock)
    print(visible(line_format.format_map(fields)) if fields is not None else "")  # as the whole command line shows it
    return 0


def summary_fields(path: Path, now: datetime, clock: Clock | None) -> dict[str, object] | None:
    """The prompt's figures for the database at `path` as of `now`: from the kept summary while it holds,
    otherwise from the records (kept for next time). None when there is no database yet."""
    summary = current_summary(path, now, clock)
    return summary["fields"] if summary is not None else None


def _format_problem(line_format: str) -> str | None:
    """What is wrong with `line_format` and what is accepted, or None when it is a sound template."""
    import string

    try:
        names = [name for _, name, _, _ in string.Formatter().parse(line_format) if name is not None]
    except ValueError as error:
        return f"--format is not a valid template ({error}); write fields as {{streak}}"
    unknown = [name for name in names if name not in FIELDS]
    if unknown:
        accepted = ", ".join(f"{{{name}}}" for name in FIELDS)
        return f"--format names {{{unknown[0]}}}, which is not a field; accepted: {accepted}"
    return None
