"""What each kind of activity is worth toward the daily target, in words: what counts, and what would
complete today. Apart from `actions.py` so that the shell's quick `log` says it without loading the records'
rules."""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable

from tui.core.kinds import ActivityKind
from tui.core.streaks import format_points, points_word
from tui.core.tally import Scoring

# How each kind of activity reads in a sentence about the daily target; "anything else" goes last.
KIND_DOINGS = {
    ActivityKind.APPLY: "applying",
    ActivityKind.FOLLOW_UP: "following up",
    ActivityKind.INTERVIEW: "interviewing",
    ActivityKind.NETWORK: "networking",
    ActivityKind.LEARN: "learning",
    ActivityKind.PREP: "preparing",
    ActivityKind.REFLECT: "reflecting",
    ActivityKind.OTHER: "anything else",
}


def describe_points(settings: Scoring) -> str:
    """What counts toward the target, by worth, in plain words.

    'applying, following up, interviewing or networking counts 1 point; learning, preparing, reflecting or
    anything else 0.5'.
    """
    groups = _kinds_by_worth(settings)
    parts = []
    for index, (worth, kinds) in enumerate(groups):
        doings = _either(KIND_DOINGS[kind] for kind in kinds)
        parts.append(f"{doings} counts {points_word(worth)}" if index == 0 else f"{doings} {format_points(worth)}")
    return "; ".join(parts) if parts else "nothing counts toward it yet: give a kind some points in the settings"


def describe_what_completes(settings: Scoring, earned: float) -> str:
    """What would complete today's target, with `earned` points so far; '' once it is reached.

    'one more thing of any kind completes the day', or 'applying, following up, interviewing or networking
    completes the day, or learning, preparing, reflecting or anything else twice'.
    """
    left = settings.daily_target - earned
    if left <= 0:
        return ""
    needed: dict[int, list[ActivityKind]] = defaultdict(list)
    for worth, kinds in _kinds_by_worth(settings):
        needed[math.ceil(left / worth)].extend(kinds)
    if not needed:
        return "nothing you log counts toward it: give a kind some points in the settings"
    if list(needed) == [1]:
        return "one more thing of any kind completes the day"
    ways = [f"{_either(KIND_DOINGS[kind] for kind in kinds)}{_times(times)}" for times, kinds in sorted(needed.items())]
    return f"{ways[0]} completes the day" + "".join(f", or {way}" for way in ways[1:])


def _kinds_by_worth(settings: Scoring) -> list[tuple[float, list[ActivityKind]]]:
    """The kinds that count, grouped by what each is worth, the most first; kinds in the settings' order."""
    by_worth: dict[float, list[ActivityKind]] = {}
    for kind, worth in settings.points.items():
        if worth:
            by_worth.setdefault(worth, []).append(kind)
    for kinds in by_worth.values():
        kinds.sort(key=lambda kind: kind is ActivityKind.OTHER)  # "anything else" reads last
    return sorted(by_worth.items(), reverse=True)


def _either(words: Iterable[str]) -> str:
    """'a', 'a or b', 'a, b or c'."""
    listed = list(words)
    return listed[0] if len(listed) == 1 else f"{', '.join(listed[:-1])} or {listed[-1]}"


def _times(times: int) -> str:
    return {1: "", 2: " twice"}.get(times, f" {times} times")
