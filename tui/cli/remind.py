"""`nextyes remind`: what needs attention now, one line each, and as desktop notifications with `--notify`.

Made to be run often by cron or a systemd timer (nothing of nextyes runs in the background): it reads the
day's summary as the prompt does (tui/cli/summary.py), and says each nudge once. The nudges already said
are kept by key (kind, record, day) in the user's cache folder beside the summary; a nudge acted on is gone
from the summary itself (the target met, the note sent), so it is never said again either.
"""

from __future__ import annotations

import json
import sys
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING

from tui.cli.summary import KeptNudge, current_summary, keep_json, quick_options, read_json, summary_file

if TYPE_CHECKING:
    import argparse
    from collections.abc import Sequence
    from pathlib import Path

    from tui.cli.common import Commands, Parser
    from tui.clock import Clock

NOTIFIER = "notify-send"
NO_NOTIFIER = f"{NOTIFIER} is not installed here, so the reminders were only printed"
NOTIFY_SECONDS = 10  # a notification daemon that does not answer must not hold up cron
# A key names its day, so one said a while ago never comes up again: it is forgotten after this long.
KEPT_FOR = timedelta(days=14)
STREAK_HOURS = 4  # tui/core/nudges.py's STREAK_AT_RISK_HOURS, said in the help without loading the core


def register(commands: Commands) -> None:
    commands.add_standalone(
        "remind",
        _remind,
        "what needs attention now, each said once: for cron or a systemd timer",
        arguments=_remind_arguments,
    )


def quick(arguments: Sequence[str], clock: Clock | None) -> int | None:
    """`nextyes remind [--db PATH] [--notify] [--json]` answered before the command line is even built;
    None for anything else (help, a mistake), which the whole command line answers."""
    options = quick_options(arguments, "remind", valued=("--db",), flags=("--notify", "--json"))
    if options is None:
        return None
    return remind(options.get("--db"), clock, notify="--notify" in options, as_json="--json" in options)


def _remind_arguments(parser: Parser) -> None:
    parser.description = (
        f"Say what needs attention now, one line each: your streak when less than {STREAK_HOURS} hours of the "
        "day are left and today is not done yet, an interview today or tomorrow, a thank-you note or a "
        "feedback request due, an offer whose answer is due soon. Each is said once a day; nothing is printed "
        "when there is nothing to say."
    )
    parser.add_argument("--notify", action="store_true", help="also show each as a desktop notification (notify-send)")
    parser.add_argument("--json", action="store_true", help="print a JSON list of {kind, key, text, application}")


def _remind(options: argparse.Namespace) -> int:
    return remind(getattr(options, "db", None), options.clock, notify=options.notify, as_json=options.json)


def remind(db: str | None, clock: Clock | None, *, notify: bool, as_json: bool) -> int:
    """Say the nudges due now and not said before, then keep them as said."""
    from tui.locations import db_path
    from tui.terminal import Output, shown_on_stdout, visible

    path = db_path(db)
    now = clock() if clock is not None else datetime.now(UTC)
    summary = current_summary(path, now, clock)
    due = [nudge for nudge in summary["nudges"] if _holds(nudge, now)] if summary is not None else []
    said_file = said_nudges_file(path)
    said = _said(said_file, now)
    fresh = [nudge for nudge in due if nudge["key"] not in said]
    if not fresh and not as_json:
        return 0
    with shown_on_stdout(Output.JSON if as_json else Output.TEXT):
        if as_json:
            print(json.dumps([_as_json(nudge) for nudge in fresh], ensure_ascii=False))
        else:
            for nudge in fresh:
                print(visible(nudge["text"]))
        sys.stdout.flush()
    if notify and fresh:
        _notify(fresh)
    if fresh:
        keep_json(said_file, {**said, **{nudge["key"]: now.timestamp() for nudge in fresh}})
    return 0


def said_nudges_file(path: Path) -> Path:
    """The nudges already said for the database at `path`, beside its summary in the user's cache folder."""
    summary = summary_file(path)
    return summary.with_name(f"{summary.stem}.said.json")


def _holds(nudge: KeptNudge, now: datetime) -> bool:
    starts = nudge["starts"]
    return starts is None or starts <= now.timestamp()


def _said(file: Path, now: datetime) -> dict[str, float]:
    """The keys said, with when; those older than `KEPT_FOR` are let go."""
    kept = read_json(file) or {}
    since = (now - KEPT_FOR).timestamp()
    return {key: when for key, when in kept.items() if isinstance(when, float) and when >= since}


def _as_json(nudge: KeptNudge) -> dict[str, object]:
    return {"kind": nudge["kind"], "key": nudge["key"], "text": nudge["text"], "application": nudge["application"]}


def _notify(nudges: list[KeptNudge]) -> None:
    """Each nudge as a desktop notification; where that cannot be done, one line on standard error says why."""
    import shutil
    import subprocess

    from tui.terminal import visible

    notifier = shutil.which(NOTIFIER)
    if notifier is None:
        _say(NO_NOTIFIER)
        return
    for nudge in nudges:
        # The body may carry markup for the notification daemon: a company called "A&B <Labs>" is shown as typed.
        body = visible(nudge["text"]).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        try:
            subprocess.run(
                [notifier, "--app-name=nextyes", visible(nudge["heading"]), body],
                stdin=subprocess.DEVNULL,
                capture_output=True,
                timeout=NOTIFY_SECONDS,
                check=True,
            )
        except subprocess.TimeoutExpired:
            _say(f"{NOTIFIER} did not answer within {NOTIFY_SECONDS} seconds; the reminders were printed")
            return
        except subprocess.CalledProcessError as failed:
            said = failed.stderr.decode(errors="replace").strip().splitlines()
            why = f": {said[-1]}" if said else ""
            _say(f"{NOTIFIER} could not show a notification (exit {failed.returncode}{why}); they were printed")
            return
        except OSError as error:
            _say(f"{NOTIFIER} could not be run ({error.strerror or error}); the reminders were printed")
            return


def _say(problem: str) -> None:
    from tui.terminal import visible

    print(f"nextyes: {visible(problem)}", file=sys.stderr)
