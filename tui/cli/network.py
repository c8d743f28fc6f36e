"""The people and the proof: `contact add`, `contact list`, `win`, `wins`, `goal` and `questions`."""

from __future__ import annotations

import argparse
from datetime import timedelta
from typing import TYPE_CHECKING

from tui.cli.common import APPLICATION_IDS, BadInput, Commands, Parser, completes, day, find_application
from tui.core.kinds import Stage, Tier

if TYPE_CHECKING:
    from tui.core.models import Application, Contact
    from tui.core.search import JobSearch
    from tui.recording import Recorder

TIERS = [tier.value for tier in Tier]


def register(commands: Commands) -> None:
    """Add this group's commands; the arguments and the handler of each are below."""
    commands.group("contact", help="the people in your network", register=_register_contact)
    commands.add(
        "win",
        _win,
        help="remember something you did well, ideally with a number",
        trailing_words="text",
        arguments=_win_arguments,
    )
    commands.add("wins", _wins, help="your wins, newest first")
    commands.add("goal", _goal, help="add a skill to work on", trailing_words="text", arguments=_goal_arguments)
    commands.add("questions", _questions, help="interview questions: most asked, lowest rated")


def _register_contact(contact: Commands) -> None:
    contact.add("add", _contact_add, help="add someone to your network", arguments=_contact_add_arguments)
    contact.add("list", _contact_list, help="everyone, with when to reconnect")


def _contact_add_arguments(add: Parser) -> None:
    add.add_argument("name", metavar="NAME", nargs="+", help="their name")
    add.add_argument("--company", default="", help="where they work (default the --app's company)")
    add.add_argument(
        "--tier",
        type=str.upper,
        choices=TIERS,
        default="B",
        metavar="TIER",
        help="how close: A reconnect most often, then B, then C (default B)",
    )
    add.add_argument("--how", default="", metavar="TEXT", help="how you know them")
    add.add_argument("--support", action="store_true", help="a friend or mentor to call on a rough day")
    add.add_argument("--note", default="", help="anything worth remembering")
    met_through = add.add_argument(
        "--app",
        metavar="APP",
        help="met through this application; after a no, keeps the bridge with a reconnect reminder",
    )
    completes(met_through, APPLICATION_IDS)


def _contact_add(recorder: Recorder, options: argparse.Namespace) -> int:
    search = recorder.store.load()
    application = find_application(search, options.app) if options.app else None
    contact = recorder.add_contact(
        " ".join(options.name),
        company=options.company or (application.company if application else ""),
        tier=Tier(options.tier),
        how_we_know=options.how or (f"met through the {application.role} application" if application else ""),
        support=options.support,
        notes=options.note,
    )
    at = f" ({contact.company})" if contact.company else ""
    print(f"Added {contact.short_id}: {contact.name}{at}, tier {contact.tier.value}{' ♥' if contact.support else ''}")
    if application is not None:
        _keep_bridge(recorder, search, application, contact)
    return 0


def _keep_bridge(recorder: Recorder, search: JobSearch, application: Application, contact: Contact) -> None:
    """Link the contact to the application; after a no or a silence, also set when to reconnect and reapply."""
    from dateutil.relativedelta import relativedelta

    from tui.core.days import describe_day

    settings = search.settings
    today = recorder.today(search)
    ended = application.stage in (Stage.REJECTED, Stage.GHOSTED, Stage.WITHDRAWN)
    reconnect_on = today + timedelta(days=settings.bridge_days) if ended else None
    reapply_after = None
    if application.stage in (Stage.REJECTED, Stage.GHOSTED) and settings.reapply_months:
        reapply_after = today + relativedelta(months=settings.reapply_months)
    recorder.keep_bridge(application.id, contact_id=contact.id, reconnect_on=reconnect_on, reapply_after=reapply_after)
    if reconnect_on is None:
        print(f"Linked to {application.company} — {application.role}.")
        return
    print(f"Bridge kept: reconnect with {contact.name} by {describe_day(reconnect_on)}.")
    if reapply_after is not None:
        print(f"{application.company} is marked 'reapply later', from {describe_day(reapply_after)}.")


def _contact_list(recorder: Recorder, options: argparse.Namespace) -> int:
    from tui.core.actions import reconnect_due
    from tui.core.days import describe_day

    del options
    search = recorder.store.load()
    today = recorder.today(search)
    if not search.contacts:
        print("No contacts yet: add one with 'nextyes contact add NAME --company C --tier A'.")
        return 0
    for contact in sorted(search.contacts, key=lambda c: c.name.casefold()):
        last = search.last_contacted(contact)
        due = reconnect_due(search, contact, search.settings)
        parts = [
            f"{contact.short_id}  {contact.name}",
            contact.company or "no company",
            f"tier {contact.tier.value}",
            f"last in touch {describe_day(last)}" if last else "not in touch yet",
            f"reconnect {'due since' if due <= today else 'by'} {describe_day(due)}",
        ]
        print(" · ".join(parts) + (" ♥" if contact.support else ""))
    return 0


def _win_arguments(win: Parser) -> None:
    win.add_argument("text", metavar="TEXT", nargs="+", help="what you did")
    win.add_argument("--on", metavar="DATE", help="the day (default today)")
    completes(win.add_argument("--app", metavar="APP", help="the application it came from"), APPLICATION_IDS)


def _win(recorder: Recorder, options: argparse.Namespace) -> int:
    from tui.core.days import describe_day

    search = recorder.store.load()
    today = recorder.today(search)
    won_on = day(options.on, today, past_only=True)
    application = find_application(search, options.app) if options.app else None
    win = recorder.add_win(" ".join(options.text), on=won_on, application_id=application.id if application else None)
    print(f"★ Added to your wins ({describe_day(win.day, today)}): {win.text}")
    return 0


def _wins(recorder: Recorder, options: argparse.Namespace) -> int:
    from tui.core.days import describe_day

    del options
    search = recorder.store.load()
    if not search.wins:
        print("No wins yet: add one with 'nextyes win \"Cut report time from 2 hours to 10 minutes\"'.")
        return 0
    for win in search.wins_newest_first:
        application = search.application(win.application_id)
        about = f" ({application.company})" if application and application.company not in win.text else ""
        print(f"{describe_day(win.day)}  {win.text}{about}")
    return 0


def _goal_arguments(goal: Parser) -> None:
    goal.add_argument("text", metavar="TEXT", nargs="+", help="the skill, in a few words")
    completes(goal.add_argument("--app", metavar="APP", help="the application that showed the gap"), APPLICATION_IDS)


def _goal(recorder: Recorder, options: argparse.Namespace) -> int:
    search = recorder.store.load()
    application = find_application(search, options.app) if options.app else None
    text = " ".join(options.text)
    if not text.strip():
        raise BadInput("the goal is blank; say the skill in a few words, such as 'SQL window functions'")
    [goal] = recorder.add_learning_goals(
        [text],
        application_id=application.id if application else None,
        source=f"from the application to {application.company}" if application else "",
    )
    print(f"Learning goal added: {goal.text}. It shows in 'nextyes today' until you dismiss it.")
    return 0


def _questions(recorder: Recorder, options: argparse.Namespace) -> int:
    from tui.core.interviews import question_bank

    del options
    bank = question_bank(recorder.store.load())
    if not bank.frequent:
        print("No interview questions recorded yet: debrief an interview in the app (run 'nextyes') to start the bank.")
        return 0
    lines = ["Most asked:"]
    lines += [f"  {entry.asked}×  {entry.text}  ({', '.join(entry.companies)})" for entry in bank.frequent[:10]]
    lines.append("Lowest rated:")
    if bank.weakest:
        lines += [
            f"  {entry.average_rating:.1f}/5  {entry.text}  ({', '.join(entry.companies)})"
            for entry in bank.weakest[:10]
        ]
    else:
        lines.append("  none rated yet: rate your answers 1-5 when you debrief an interview")
    print("\n".join(lines))
    return 0
