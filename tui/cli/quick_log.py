"""`nextyes log KIND [NOTE…] [--on DAY]`, answered without reading the database when a brief of it is kept.

Logging is what a person does from the shell every day, and on a search of five years reading and validating
every record took most of the command. So each `log` keeps a brief of the search in the user's cache folder
(never beside the database: a synced folder must not carry one machine's cache to another): the settings the
streak is judged by and the records' tally (tui/core/tally.py), tied to the database file's and its journal's
identities. The next `log` with the brief still true appends its activity to the journal without reading the
file (tui/store/quick.py), judges the streak and the rewards from the tally with the activity added, says
what the full command says, and keeps the brief of the new state. It loads no pydantic, no record models, no
argparse command table.

Anything else is the full command's: no brief or one that no longer holds (another program wrote), `--app` or
`--contact` (they look records up), a note or a moment the quick writer does not take (tui/core/documents.py),
a time zone that needs a word said about it, a folder synced between machines, a file due for its day's backup
or its journal due to be folded, a conflict copy to merge, or a typing mistake (the full command explains it).
The brief is a cache: removing it changes no answer, and tests/cli/test_quick_log.py holds both paths to the same
output and the same file.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, date
from typing import TYPE_CHECKING

from tui.core.kinds import ACTIVITY_KINDS, ActivityKind
from tui.core.streaks import DayState, StreakHistory, format_points, points_word
from tui.core.words import count

if TYPE_CHECKING:
    from tui.clock import Clock
    from tui.core.rewards import Reward
    from tui.core.tally import Scoring, Tally
    from tui.store.brief import Brief


def quick(arguments: Sequence[str], clock: Clock | None) -> int | None:
    """`nextyes log KIND [NOTE…] [--on DAY] [--db PATH]` from the brief; None for anything the full command
    answers (see the module's note), having written nothing."""
    wanted = _options(arguments)
    if wanted is None:
        return None
    kind, note, on, db = wanted
    from tui.locations import db_path

    path = db_path(db)
    from tui.store.brief import Brief, Earned, keep_brief, read_brief

    brief = read_brief(path)
    if brief is None:
        return None
    from tui.clock import choose_zone, system_clock, zone_named
    from tui.core.days import logical_day

    now = clock or system_clock(zone_named(""))
    stamp = now()
    settings = brief.settings
    zone = choose_zone(settings.timezone)
    if zone.notes:  # the full command says which zone it used instead
        return None
    today = logical_day(stamp, zone.zone, settings.rollover_hour)
    day = _day(on, today)
    from tui.core.documents import activity_document, fits, logged_summary

    if day is None or not fits(note, stamp, zone.zone.key):
        return None
    document = activity_document(kind, note, stamp, zone.zone.key, day)
    # Judged before the write: nothing after it may fail but the printing.
    tally = brief.tally.with_activity(kind, stamp.astimezone(UTC), zone.zone.key, day)
    history, everything, earned = _judged(brief, tally, today, zone.zone.key)
    from tui.store.history import Touched, entry_document
    from tui.store.quick import append_known

    change = ("activities", document["id"], document)
    entry = entry_document(logged_summary(kind, note), now(), "shell", [Touched(*change[:2], None, document)])
    try:
        source = append_known(path, brief.source, stamp.date(), [change], entry)
    except Exception as problem:
        return _store_problem(problem)
    if source is None:
        return None
    keep_brief(path, Brief(source, settings, tally, Earned(today, zone.zone.key, everything)))
    from tui.terminal import Output, shown_on_stdout

    with shown_on_stdout(Output.TEXT):  # as the whole command: the rewards as the change is saved, then the log
        announce(earned, stamp.date())
        print(logged_line(kind, day, history, settings))
    return 0


def _judged(brief: Brief, tally: Tally, today: date, zone: str) -> tuple[StreakHistory, frozenset[str], list[Reward]]:
    """The streak with the new activity counted, every reward it makes earned (by key), and those it has just
    earned: the ones the brief's tally had not earned as of today (remembered in the brief, or judged again)."""
    from tui.core.rewards import earned, rewards_judged
    from tui.core.streaks import judge

    history = judge(tally, brief.settings, today, zone)
    known = brief.earned
    if known is None or (known.today, known.zone) != (today, zone):
        from tui.store.brief import Earned

        known = Earned(today, zone, frozenset(r.key for r in rewards_judged(brief.tally, brief.settings, today, zone)))
    rewards = earned(tally, brief.settings, history)
    fresh = [reward for reward in rewards if reward.key not in known.keys]
    return history, frozenset(reward.key for reward in rewards), fresh


def logged_line(kind: ActivityKind, day: date, history: StreakHistory, settings: Scoring, about: str = "") -> str:
    """'Logged network with Dana on 2026-03-15. Today is done: 1 point (target 1). Streak: 3 days.'"""
    return f"Logged {kind.value}{about} on {day}. {today_sentence(history, settings)}"


def today_sentence(history: StreakHistory, settings: Scoring) -> str:
    """How today stands after logging: what it has, what would complete it, and the streak.

    'Today is done: 1.5 points (target 1). Streak: 3 days.' or '0.5 of 1 point today: one more thing of
    any kind completes the day.'
    """
    from tui.core.worth import describe_what_completes

    streak = f" Streak: {count(history.current, 'day')}." if history.current else ""
    earned, target = history.points_today, history.target
    if history.done_today:
        return f"Today is done: {points_word(earned)} (target {format_points(target)}).{streak}"
    progress = f"{format_points(earned)} of {points_word(target)} today"
    if history.today_state in (DayState.REST, DayState.RECOVERY):
        kind = "rest" if history.today_state is DayState.REST else "recovery"
        return f"{progress}; it is a {kind} day, so your streak is safe either way.{streak}"
    return f"{progress}: {describe_what_completes(settings, earned)}.{streak}"


def announce(rewards: Sequence[Reward], today: date) -> None:
    """Each reward a change has just earned, on its own line."""
    from tui.core.days import describe_day

    for reward in rewards:
        print(f"★ {reward.title}! (earned {describe_day(reward.earned_on, today)})")


# The command line, read without argparse -------------------------------------------------------------


def _options(arguments: Sequence[str]) -> tuple[ActivityKind, str, str | None, str | None] | None:
    """KIND, the note, --on and --db of `log KIND [NOTE…] [--on DAY] [--db PATH]`; None for anything else."""
    words: list[str] = []
    valued: dict[str, str] = {}
    rest = list(arguments)
    while rest:
        word = rest.pop(0)
        name, equals, value = word.partition("=")
        if name in ("--on", "--db") and name not in valued:
            if not equals:
                if not rest:
                    return None
                value = rest.pop(0)
            if not value or value.startswith("-"):
                return None
            valued[name] = value
        elif word.startswith("-"):
            return None
        else:
            words.append(word)
    if len(words) < 2 or words[0] != "log" or words[1] not in ACTIVITY_KINDS:
        return None
    try:
        for argument in arguments:
            argument.encode("utf-8")
    except UnicodeEncodeError:  # the full command says what is wrong
        return None
    return ActivityKind(words[1]), " ".join(words[2:]), valued.get("--on"), valued.get("--db")


def _day(on: str | None, today: date) -> date | None:
    """The day `--on` names, as the full command reads it; None when it is not one it would take."""
    if on is None:
        return today
    from tui.core.days import DateParseError, parse_day

    try:
        named = parse_day(on, today)
    except DateParseError:
        return None
    return named if named <= today else None


def _store_problem(problem: Exception) -> int:
    """A database that cannot be written (busy, full, damaged): one line naming it, exit 3, as the full command."""
    from tui.cli.common import EXIT_DATABASE, complain, from_the_store

    if not from_the_store(problem):
        raise problem
    complain(problem)
    return EXIT_DATABASE
