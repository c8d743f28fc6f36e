"""`nextyes paste`: a recruiter's email read for what it says, and the change it calls for made once you confirm.

The email comes from a file or standard input, headers optional. What it was read as, and why (the phrases
relied on), is shown first; nothing changes until it is confirmed: asked on a terminal, `--yes` in a script.
A wrong guess is corrected with `--kind`, `--app`, `--on` and `--at`. The change itself is made the way the
commands that make it by hand do: a no as `nextyes stage APP rejected` (with the comeback after it), an
invitation as `nextyes interview`, an offer as `nextyes stage APP offer`, a request as the application's
next step. The reading is `tui.core.mail`, imported when the command runs.
"""

from __future__ import annotations

import argparse
import sys
import textwrap
from typing import TYPE_CHECKING

from tui.cli.common import APPLICATION_IDS, FILE, BadInput, Commands, Parser, clock_time, completes, day
from tui.cli.pasted import EMAIL, pasted_text
from tui.terminal import is_terminal

if TYPE_CHECKING:
    from datetime import date, datetime
    from zoneinfo import ZoneInfo

    from tui.core.mail import Proposal, Reason, Understanding
    from tui.core.search import JobSearch
    from tui.recording import Recorder

# What an email can be, as `tui.core.mail.EmailKind` has them (a test holds them equal): spelt out here so that
# `nextyes paste --help` loads nothing to list them.
EMAIL_KINDS = ("rejection", "invitation", "request", "offer", "received", "unknown")
WIDTH = 80


def register(commands: Commands) -> None:
    """Add this group's commands; the arguments and the handler of each are below."""
    commands.add(
        "paste",
        _paste,
        help="read a recruiter's email (a file, or pasted) and make the change it calls for, once you confirm",
        arguments=_paste_arguments,
    )


def _paste_arguments(paste: Parser) -> None:
    completes(
        paste.add_argument(
            "file", metavar="FILE", nargs="?", help="the email as a text file; '-' or nothing reads standard input"
        ),
        FILE,
    )
    paste.add_argument("--dry-run", action="store_true", help="say what it reads and would change, and change nothing")
    paste.add_argument(
        "--json",
        action="store_true",
        help="print what it reads as JSON (kind, application, proposed, reasons) and change nothing",
    )
    paste.add_argument("--yes", action="store_true", help="make the change without asking (for scripts)")
    paste.add_argument(
        "--kind",
        choices=EMAIL_KINDS,
        metavar="K",
        help=f"correct what the email says: one of {', '.join(EMAIL_KINDS)}",
    )
    completes(
        paste.add_argument(
            "--app", metavar="ID", help="correct which application it is about: short id or part of the company name"
        ),
        APPLICATION_IDS,
    )
    paste.add_argument("--on", metavar="DATE", help="an invitation: the interview's day, if read wrong or not named")
    paste.add_argument(
        "--at",
        metavar="HH:MM",
        type=clock_time,
        help="an invitation: the interview's start on your clock, if read wrong or not named",
    )


def _paste(recorder: Recorder, options: argparse.Namespace) -> int:
    from tui.core.mail import NoChange, read_email

    if options.json and options.yes:
        raise BadInput("--json only says what the email reads as; to make the change, use --yes without --json")
    text = pasted_text(options.file, EMAIL)
    if not text.strip():
        raise BadInput("the email is empty; give a file holding its text, or paste it into standard input")
    search = recorder.store.load()
    zone = recorder.zone(search.settings)
    now = recorder.now()
    today = recorder.today(search)
    understanding = _corrected(read_email(text, search, now, zone), options, search, recorder, today)
    changes = not isinstance(understanding.proposed, NoChange)
    only_looking = options.dry_run or options.json
    if changes and not only_looking:
        if understanding.application is None:
            raise BadInput(_which_one(understanding))
        if not options.yes and not is_terminal(sys.stdin):
            raise BadInput(
                "nothing changed: there is no terminal to ask on; "
                "add --yes to make the change, or --dry-run to only look"
            )
    if options.json:
        import json

        print(json.dumps(_document(understanding, today, zone), ensure_ascii=False, indent=2))
        return 0
    print(_described(understanding, today, zone))
    if not changes:
        return 0
    if only_looking:
        print(
            _wrapped(
                "Dry run: nothing changed. Make the change with --yes; correct a wrong guess with --kind K, "
                "--app ID, --on DATE or --at HH:MM."
            )
        )
        return 0
    if not options.yes:
        from tui.cli.corrections import _confirmed

        if not _confirmed("Make this change?"):
            print("Nothing changed.")
            return 0
    _make(recorder, understanding, today, zone)
    return 0


def _corrected(
    understanding: Understanding, options: argparse.Namespace, search: JobSearch, recorder: Recorder, today: date
) -> Understanding:
    """The reading with what the person said instead: --kind, --app, and an invitation's --on and --at."""
    from tui.cli.common import find_application
    from tui.core.mail import EmailKind, corrected

    kind = EmailKind(options.kind) if options.kind else None
    application = find_application(search, options.app) if options.app else None
    fixed = corrected(understanding, search, recorder.now(), kind=kind, application=application)
    if options.on is None and options.at is None:
        return fixed
    if fixed.kind is not EmailKind.INVITATION:
        raise BadInput(
            f"--on and --at go with an interview invitation, and this reads as {fixed.kind.value}; "
            "add --kind invitation if it is one"
        )
    return corrected(fixed, search, recorder.now(), at=_start(fixed, options, recorder, search, today))


def _start(
    understanding: Understanding, options: argparse.Namespace, recorder: Recorder, search: JobSearch, today: date
) -> datetime:
    """The interview's start from --on and --at, the rest from what the email named (a time alone is 09:00)."""
    from datetime import time

    from tui.core.local_times import NoSuchTime, local_instant

    zone = recorder.zone(search.settings)
    details = understanding.details
    read = details.at.astimezone(zone) if details.at is not None else None
    if options.on is not None:
        held_on = day(options.on, today, past_only=False)
    elif read is not None:
        held_on = read.date()
    elif details.day is not None:
        held_on = details.day
    else:
        raise BadInput("--at needs a day, and the email names none; add --on DATE ('next tuesday', 2026-03-17)")
    at = options.at or (read.time() if read is not None else time(9, 0))
    try:
        return local_instant(held_on, at, zone)
    except NoSuchTime as refused:
        raise BadInput(str(refused)) from None


def _which_one(understanding: Understanding) -> str:
    if understanding.candidates:
        named = ", ".join(f"{a.short_id} {a.company} ({a.role})" for a in understanding.candidates[:5])
        return f"nothing changed: it could be about {named}; say which with --app ID"
    return "nothing changed: no application of yours is named in it; say which with --app ID"


# What it reads as ------------------------------------------------------------------------------------------------


def _described(understanding: Understanding, today: date, zone: ZoneInfo) -> str:
    """What the email was read as, why, and the change proposed, at most 80 columns a line."""
    from tui.core.days import describe_day
    from tui.core.mail import KIND_WORDS, NoChange, describe_proposal

    lines = []
    sent = f", {describe_day(understanding.sent_at.date(), today)}" if understanding.sent_at else ""
    if understanding.subject or understanding.sender:
        subject = f"“{understanding.subject}”" if understanding.subject else "an email"
        sender = f" from {understanding.sender}" if understanding.sender else ""
        lines.append(_wrapped(f"Read: {subject}{sender}{sent}"))
    application = understanding.application
    if application is not None:
        lines.append(_wrapped(f"About: {application.company} — {application.role} ({application.short_id})"))
    elif understanding.candidates:
        named = ", ".join(f"{a.short_id} {a.role}" for a in understanding.candidates[:5])
        company = understanding.candidates[0].company
        lines.append(_wrapped(f"About: one of your applications at {company} ({named}); say which with --app ID"))
    else:
        lines.append(_wrapped("About: none of your applications is named in it; say which with --app ID"))
    lines += _because(understanding.application_reasons, prefix="which application: ")
    lines.append(_wrapped(f"It says: {KIND_WORDS[understanding.kind]}"))
    lines += _because(understanding.kind_reasons, prefix="")
    if isinstance(understanding.proposed, NoChange):
        lines.append(_wrapped(f"Nothing to change: {understanding.proposed.why}."))
    else:
        lines.append(_wrapped(f"Proposed: {describe_proposal(understanding.proposed, application, today, zone)}"))
    return "\n".join(lines)


def _because(reasons: tuple[Reason, ...], prefix: str) -> list[str]:
    """'  because of “regret to inform”, “not be moving forward” (a no); “Quill Labs” (the company's name)', wrapped."""
    said: dict[str, list[str]] = {}
    for reason in reasons:
        said.setdefault(reason.means.removeprefix(prefix), []).append(f"“{reason.phrase}”")
    if not said:
        return []
    return [
        _wrapped("because of " + "; ".join(f"{', '.join(phrases)} ({means})" for means, phrases in said.items()), "  ")
    ]


def _wrapped(text: str, indent: str = "") -> str:
    return textwrap.fill(
        text, width=WIDTH, initial_indent=indent, subsequent_indent=indent + "  ", break_long_words=True
    )


def _document(understanding: Understanding, today: date, zone: ZoneInfo) -> dict[str, object]:
    """What it reads as, for scripts: kind, application, proposed and reasons (and the applications it could be)."""
    from tui.core.mail import describe_proposal

    def application(found: object) -> dict[str, str] | None:
        from tui.core.models import Application

        if not isinstance(found, Application):
            return None
        return {"id": str(found.id), "short_id": found.short_id, "company": found.company, "role": found.role}

    return {
        "kind": understanding.kind.value,
        "application": application(understanding.application),
        "candidates": [application(candidate) for candidate in understanding.candidates],
        "proposed": {
            **_proposal_fields(understanding.proposed),
            "description": describe_proposal(understanding.proposed, understanding.application, today, zone),
        },
        "reasons": [{"phrase": reason.phrase, "means": reason.means} for reason in understanding.reasons],
    }


def _proposal_fields(proposal: Proposal) -> dict[str, object]:
    from tui.core.mail import MoveStage, ScheduleInterview, SetNextStep

    if isinstance(proposal, MoveStage):
        return {"change": "move-stage", "stage": proposal.stage.value, "comeback": proposal.comeback}
    if isinstance(proposal, ScheduleInterview):
        return {
            "change": "schedule-interview",
            "at": proposal.at.isoformat(),
            "interview_kind": proposal.kind.value,
            "people": list(proposal.people),
        }
    if isinstance(proposal, SetNextStep):
        return {"change": "next-step", "text": proposal.text, "on": proposal.on.isoformat()}
    return {"change": "none", "why": proposal.why}


# Making the change -----------------------------------------------------------------------------------------------


def _make(recorder: Recorder, understanding: Understanding, today: date, zone: ZoneInfo) -> None:
    """The change, made as the command that makes it by hand makes it (and says it)."""
    from tui.cli import records
    from tui.core.days import describe_day
    from tui.core.mail import MoveStage, ScheduleInterview, SetNextStep
    from tui.core.models import Application

    application, proposal = understanding.application, understanding.proposed
    assert application is not None
    note = f"from the email “{understanding.subject}”"[:200] if understanding.subject else "from an email"
    if isinstance(proposal, MoveStage):
        move = argparse.Namespace(
            app=application.id.hex,
            stage=proposal.stage.value,
            on=None,
            note=note,
            round=None,
            final=False,
            reason=None,
            cancel_interviews=None,
        )
        records._stage(recorder, move)
    elif isinstance(proposal, ScheduleInterview):
        local = proposal.at.astimezone(zone)
        booking = argparse.Namespace(
            app=application.id.hex,
            on=local.date().isoformat(),
            at=local.time().replace(second=0, microsecond=0),
            round=None,
            kind=proposal.kind.value,
            people=", ".join(proposal.people),
            note=note,
        )
        records._interview(recorder, booking)
    elif isinstance(proposal, SetNextStep):
        recorder.edit(Application, application.id, next_step=proposal.text[:200], next_step_on=proposal.on)
        print(
            _wrapped(
                f"Next step for {application.company} — {application.role}: {proposal.text}, "
                f"{describe_day(proposal.on, today)}."
            )
        )
