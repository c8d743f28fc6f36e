"""Where things stand and what to do today: `status`, `today`, `done`, `snooze`, `dismiss` and `draft`."""

from __future__ import annotations

import argparse
from datetime import date
from typing import TYPE_CHECKING

from tui.cli.common import (
    ACTIVITY_KINDS,
    APPLICATION_IDS,
    BadInput,
    Commands,
    Parser,
    completes,
    day,
    find_application,
)
from tui.cli.records import logged
from tui.core.kinds import Stage
from tui.core.words import count

if TYPE_CHECKING:
    from zoneinfo import ZoneInfo

    from tui.core.day_view import Action, Dashboard
    from tui.core.search import JobSearch
    from tui.core.streaks import StreakHistory
    from tui.recording import Recorder

# `tui.core.drafts.DraftKind`, in its order, spelt out so that `draft --help` needs no models (a test holds them equal).
DRAFT_KINDS = ("follow-up", "thank-you", "feedback")


def register(commands: Commands) -> None:
    """Add this group's commands; the arguments and the handler of each are below."""
    commands.add("status", _status, help="streak, momentum and what's waiting", arguments=_status_arguments)
    commands.add("today", _today, help="today's actions, one a line", arguments=_today_arguments)
    commands.add("done", _done, help="mark one of today's actions done", arguments=_done_arguments)
    commands.add(
        "snooze",
        _snooze,
        help="put one of today's actions off until later",
        trailing_words="when",
        arguments=_snooze_arguments,
    )
    commands.add("dismiss", _dismiss, help="drop one of today's actions for good", arguments=_dismiss_arguments)
    commands.add(
        "draft", _draft, help="print a filled-in note to send", prints_document=True, arguments=_draft_arguments
    )


def _status_arguments(status: Parser) -> None:
    status.add_argument("--json", action="store_true", help="print JSON instead of text")
    status.add_argument("--as-of", metavar="DATE", help="report as of an earlier day")


def _status(recorder: Recorder, options: argparse.Namespace) -> int:
    from tui.core.streaks import DayState, describe_today

    search, dashboard = _dashboard(recorder, options.as_of)
    if options.json:
        import json

        print(json.dumps(_status_document(search, dashboard), ensure_ascii=False, indent=2))
        return 0
    history = dashboard.history
    streak = f"{count(history.current, 'day')} (longest {count(history.longest, 'day')})"
    if history.is_fresh_start:
        streak = f"a fresh start (longest {count(history.longest, 'day')}, and the momentum is kept)"
    weekly = ", ".join(f"{goal.label.lower()} {goal.done} of {goal.goal}" for goal in dashboard.weekly.goals)
    legend = "  ".join(f"{state.glyph} {state.value}" for state in DayState)
    lines = [
        f"As of {dashboard.today:%A %d %B %Y}",
        f"Streak:   {streak}",
        f"Momentum: {history.momentum:.0%}",
        f"Today:    {history.today_state.glyph} {describe_today(history)}",
        f"Freezes:  {history.freezes_held} held · rest days left this week: {dashboard.rest_days_left}",
        f"This week: {weekly}{' — goal met' if dashboard.weekly.met else ''}",
        f"Last 4 weeks: {calendar_strip(history, 28)}  ({legend})",
        f"Pending applications: {len(dashboard.pending)}",
        f"Actions due: {len(dashboard.actions_due)}",
    ]
    lines += [f"  {'!' if action.urgent else '○'} {action.title} — {action.why}" for action in dashboard.actions_due]
    print("\n".join(lines))
    return 0


def calendar_strip(history: StreakHistory, days: int) -> str:
    """The last `days` days as glyphs, oldest first; a blank for days before the first activity."""
    first = history.today.toordinal() - days + 1
    cells = []
    for ordinal in range(first, history.today.toordinal() + 1):
        tracked = history.on(date.fromordinal(ordinal))
        cells.append(tracked.state.glyph if tracked else " ")
    return "".join(cells)


def _status_document(search: JobSearch, dashboard: Dashboard) -> dict[str, object]:
    """`status --json`: the same figures for a script, with the pending applications and the actions due."""
    from tui.core.rewards import next_milestone

    history = dashboard.history
    milestones = [reward for reward in dashboard.rewards if reward.key.startswith("streak-")]
    return {
        "as_of": dashboard.today.isoformat(),
        "current_streak": history.current,
        "longest_streak": history.longest,
        "momentum": round(history.momentum, 6),
        "day_state": history.today_state.value,
        "points_today": history.points_today,
        "done_today": dashboard.activities_today,
        "daily_target": history.target,
        "freezes_held": history.freezes_held,
        "rest_days_left_this_week": dashboard.rest_days_left,
        "weekly": {
            "week_of": dashboard.weekly.week_of.isoformat(),
            "met": dashboard.weekly.met,
            **{goal.name: {"done": goal.done, "goal": goal.goal} for goal in dashboard.weekly.goals},
        },
        "milestones": [
            {"days": int(reward.key.removeprefix("streak-")), "earned_on": reward.earned_on.isoformat()}
            for reward in milestones
        ],
        "next_milestone": next_milestone(history.longest),
        "rewards": [
            {"key": reward.key, "title": reward.title, "earned_on": reward.earned_on.isoformat()}
            for reward in dashboard.rewards
        ],
        "wins": len(search.wins),
        "pending_applications": len(dashboard.pending),
        "actions_due": len(dashboard.actions_due),
        "applications": [
            {
                "id": row.short_id,
                "company": row.company,
                "role": row.role,
                "stage": row.stage.value,
                "days_since_touch": row.days_since_touch,
                "next_step": row.next_step,
            }
            for row in dashboard.pending
        ],
        "actions": [
            {"title": action.title, "why": action.why, "kind": action.kind.value} for action in dashboard.actions_due
        ],
    }


def _today_arguments(today: Parser) -> None:
    today.add_argument("--as-of", metavar="DATE", help="the actions of an earlier day")


def _today(recorder: Recorder, options: argparse.Namespace) -> int:
    _, dashboard = _dashboard(recorder, options.as_of)
    for number, action in enumerate(dashboard.actions, start=1):
        glyph = "✓" if action.done else "!" if action.urgent else "○"
        print(f"{number}. {glyph} {action.title} — {action.why}")
    return 0


def _dashboard(recorder: Recorder, as_of: str | None) -> tuple[JobSearch, Dashboard]:
    """The search as it stood on the day (today unless `as_of`), and that day's dashboard."""
    from tui.content import reflection_prompts
    from tui.core.dashboard import build_dashboard

    search = recorder.store.load()
    now = recorder.now()
    today = recorder.today(search)
    shown = day(as_of, today, past_only=False) if as_of else today
    then = search.as_of(shown)
    # Only the day being lived has a present instant: an interview's hour then ends its prep.
    lived = now if shown == today else None
    zone = recorder.zone(search.settings)
    dashboard = build_dashboard(then, shown, reflection_prompts(), zone.key, lived)
    _say_how_long_it_holds(today, search.settings.rollover_hour, zone, dashboard)
    return then, dashboard


def _say_how_long_it_holds(today: date, rollover_hour: int, zone: ZoneInfo, dashboard: Dashboard) -> None:
    """Tell the kept answers (tui/cli/kept_answers.py) until when this answer holds (`holds_until`); an answer
    whose day's end the clocks skip is not kept."""
    from tui.cli.kept_answers import holds_until as answer_holds_until
    from tui.core.dashboard import holds_until

    until = holds_until(today, dashboard, rollover_hour, zone)
    if until is not None:
        answer_holds_until(until)


def _done_arguments(done: Parser) -> None:
    done.add_argument("number", metavar="N", type=int, help="its number in 'nextyes today'")
    done.add_argument("--note", default="", help="what you did, if you like")


def _done(recorder: Recorder, options: argparse.Namespace) -> int:
    from tui.core.actions import ActionKind
    from tui.core.models import Activity, Application

    search, action = _todays_action(recorder, options.number)
    if action.kind is ActionKind.DAILY_TARGET:
        raise BadInput(
            "the daily target is met by doing things: "
            f"log one with 'nextyes log KIND NOTE' ({', '.join(ACTIVITY_KINDS)})"
        )
    if action.kind is ActionKind.REFLECTION:
        raise BadInput("the reflection is written in the app: run 'nextyes' on its own to open it")
    result = recorder.complete(action, options.note)
    if isinstance(result, Application) and result.stage is Stage.APPLIED:
        print(f"Sent: {result.company} — {result.role} is applied now; follow-ups count from today.")
    elif isinstance(result, Application):
        print(
            f"Marked ghosted: {result.company} — {result.role}. If they write back, reopen it with "
            f"'nextyes stage {result.short_id} applied'."
        )
    elif isinstance(result, Activity):
        print(f"Done: {action.title}. {logged(recorder, search, recorder.today(search), result)}")
    return 0


def _todays_action(recorder: Recorder, number: int, putting_off: str = "") -> tuple[JobSearch, Action]:
    """The open action numbered `number` in 'nextyes today', with the search it was derived from.

    `putting_off` ('snoozed', 'dismissed') refuses the daily target and the reflection: they are today's.
    """
    search, dashboard = _dashboard(recorder, None)
    actions = dashboard.actions
    if not 1 <= number <= len(actions):
        raise BadInput(
            f"there is no action {number} today: there are {count(len(actions), 'action')}, "
            f"numbered 1 to {len(actions)} in 'nextyes today'"
        )
    action = actions[number - 1]
    if action.done:
        raise BadInput(f"'{action.title}' is already done today")
    if putting_off and not action.can_snooze:
        raise BadInput(f"'{action.title}' belongs to today and cannot be {putting_off}; choose another number")
    return search, action


def _snooze_arguments(snooze: Parser) -> None:
    snooze.add_argument("number", metavar="N", type=int, help="its number in 'nextyes today'")
    snooze.add_argument("when", metavar="WHEN", nargs="+", help="until when: '3 days', 'next monday', 2026-04-01")


def _snooze(recorder: Recorder, options: argparse.Namespace) -> int:
    from tui.core.days import DateParseError, describe_day, parse_until

    search, action = _todays_action(recorder, options.number, putting_off="snoozed")
    today = recorder.today(search)
    try:
        until = parse_until(" ".join(options.when), today)
    except DateParseError as problem:
        raise BadInput(str(problem)) from None
    recorder.snooze(action, until)
    print(f"Snoozed until {describe_day(until, today)}: {action.title}")
    return 0


def _dismiss_arguments(dismiss: Parser) -> None:
    dismiss.add_argument("number", metavar="N", type=int, help="its number in 'nextyes today'")


def _dismiss(recorder: Recorder, options: argparse.Namespace) -> int:
    from tui.core.actions import ActionKind

    _, action = _todays_action(recorder, options.number, putting_off="dismissed")
    recorder.dismiss(action)
    if action.kind is ActionKind.LEARN:
        print(f"Closed the learning goal: {action.goal}")
    else:
        print(f"Dismissed: {action.title}")
    return 0


def _draft_arguments(draft: Parser) -> None:
    completes(draft.add_argument("app", metavar="APP", help="short id or part of the company name"), APPLICATION_IDS)
    draft.add_argument("kind", metavar="KIND", choices=DRAFT_KINDS, help=f"one of {', '.join(DRAFT_KINDS)}")


def _draft(recorder: Recorder, options: argparse.Namespace) -> int:
    from tui.content import draft_templates
    from tui.core.days import describe_day
    from tui.core.drafts import DraftKind, write_draft

    search = recorder.store.load()
    today = recorder.today(search)
    application = find_application(search, options.app)
    kind = DraftKind(options.kind)
    interview = None
    if kind is DraftKind.THANK_YOU:
        interviews = search.interviews_for(application)
        held = [i for i in interviews if i.day <= today]
        if not interviews:
            raise BadInput(
                f"no interview with {application.company} is recorded, so there is nothing to thank them for yet; "
                f"record one with 'nextyes interview {application.short_id} --on DATE'"
            )
        if not held:
            raise BadInput(
                f"the interview with {application.company} is on {describe_day(interviews[0].day, today)}; "
                "a thank-you note comes after it"
            )
        interview = held[-1]
    draft = write_draft(draft_templates()[kind], kind, search, application, today, interview)
    print(draft.text, end="")
    return 0
