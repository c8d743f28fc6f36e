"""The streak engine: every logical day's state, the streaks, freezes and momentum, from the records alone.

Nothing here is stored: the whole history is recomputed on each call, so a backfilled day, a deleted
activity or a changed setting is reflected everywhere at once, and no counter can drift. The engine reads
the records' tally (`tally.py`), never the records themselves, and loads no record model.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from enum import StrEnum
from itertools import pairwise
from types import MappingProxyType
from typing import TYPE_CHECKING, NamedTuple
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from tui.core.remembering import remembers
from tui.core.tally import Scoring, Tally, tally_of

if TYPE_CHECKING:
    from tui.core.search import JobSearch

# Loop Habit Tracker's multiplier for a daily habit: a 13-day half-life.
MOMENTUM_MULTIPLIER = 0.5 ** (1 / 13)

FREEZE_EVERY = 7  # DONE days of a streak that earn one freeze
MAX_FREEZES = 2  # freezes held at once; progress toward another waits until one is spent
_BANK_LIMIT = FREEZE_EVERY * (MAX_FREEZES + 1)


class DayState(StrEnum):
    """What a logical day was. Only DONE adds to a streak; REST, RECOVERY and FROZEN bridge a gap."""

    DONE = "done"
    REST = "rest"
    RECOVERY = "recovery"
    FROZEN = "frozen"
    MISSED = "missed"
    PENDING = "pending"

    @property
    def glyph(self) -> str:
        """A distinct character per state, so the calendar reads without colour."""
        return GLYPHS[self]

    @property
    def bridges(self) -> bool:
        return self in (DayState.REST, DayState.RECOVERY, DayState.FROZEN)


GLYPHS = {
    DayState.DONE: "█",
    DayState.REST: "z",
    DayState.RECOVERY: "+",
    DayState.FROZEN: "*",
    DayState.MISSED: "·",
    DayState.PENDING: "○",
}


class TrackedDay(NamedTuple):
    """One logical day, as the engine judged it. A named tuple: five years of them are made at every judging."""

    day: date
    state: DayState
    points: float
    streak: int  # the streak's length at the end of this day
    freezes: int  # freezes held at the end of this day
    why: str = ""  # what made a day REST, RECOVERY or FROZEN, in words


@dataclass(frozen=True)
class StreakHistory:
    """Every tracked day from the first activity through `today`, and the figures they add up to."""

    today: date
    target: float
    days: tuple[TrackedDay, ...]
    current: int
    longest: int
    momentum: float
    freezes_held: int
    rest_ahead: frozenset[date] = frozenset()  # planned rest days after today, within their week's allowance

    @property
    def today_entry(self) -> TrackedDay:
        return self.days[-1]

    @property
    def today_state(self) -> DayState:
        return self.today_entry.state

    @property
    def points_today(self) -> float:
        return self.today_entry.points

    @property
    def done_today(self) -> bool:
        return self.today_state is DayState.DONE

    @property
    def is_fresh_start(self) -> bool:
        """A streak ended and none is running: greet it as a new beginning, not a loss."""
        return self.current == 0 and self.longest > 0

    def on(self, day: date) -> TrackedDay | None:
        first = self.days[0].day
        index = (day - first).days
        return self.days[index] if 0 <= index < len(self.days) else None


@remembers
def track(search: JobSearch, today: date, zone_now: str = "UTC") -> StreakHistory:
    """Judge every day from the first activity through `today` (see `judge`), once per search."""
    return judge(tally_of(search), search.settings, today, zone_now)


def judge(tally: Tally, settings: Scoring, today: date, zone_now: str = "UTC") -> StreakHistory:
    """Judge every day from the first activity through `today`, from the records' tally.

    `zone_now` is the time zone today is being lived in; with the activities' own zones it tells a
    calendar day skipped by flying west across the date line from a day that was missed.
    """
    target = settings.daily_target
    points = _day_points(tally, settings, today)
    rest = _planned(tally, settings.rest_days_per_week)
    recovery = _recovery(tally, settings.recovery_days)
    skipped = _date_line(tally, today, zone_now)
    first = min(points, default=today)

    days: list[TrackedDay] = []
    run = longest = bank = 0
    score = 0.0
    for day in _each_day(first, today):
        earned = points.get(day, 0.0)
        why = ""
        if earned >= target:
            state = DayState.DONE
        elif day in rest:
            state, why = DayState.REST, rest[day]
        elif day in recovery:
            state, why = DayState.RECOVERY, _recovering(recovery[day])
        elif day in skipped:
            state, why = DayState.REST, "a calendar day skipped crossing the date line"
        elif day == today:
            state = DayState.PENDING
        elif bank >= FREEZE_EVERY:  # only a running streak has a freeze to spend
            state, why = DayState.FROZEN, "a freeze kept the streak alive"
            bank -= FREEZE_EVERY
        else:
            state = DayState.MISSED

        if state is DayState.DONE:
            run += 1
            bank = min(bank + 1, _BANK_LIMIT)
        elif state is DayState.MISSED:
            run = bank = 0  # a break: progress toward the next freeze starts over
        if state in (DayState.DONE, DayState.MISSED):
            score = score * MOMENTUM_MULTIPLIER + min(1.0, earned / target) * (1 - MOMENTUM_MULTIPLIER)
        longest = max(longest, run)
        days.append(TrackedDay(day, state, earned, run, _freezes(bank), why))

    return StreakHistory(
        today=today,
        target=target,
        days=tuple(days),
        current=run,
        longest=longest,
        momentum=score,
        freezes_held=_freezes(bank),
        rest_ahead=frozenset(day for day in rest if day > today),
    )


@remembers
def day_points(search: JobSearch, today: date) -> Mapping[date, float]:
    """Points earned on each logical day up to `today`: every record counts once. Read-only: it is shared."""
    return _day_points(tally_of(search), search.settings, today)


def _day_points(tally: Tally, settings: Scoring, today: date) -> Mapping[date, float]:
    worth = settings.points
    return MappingProxyType(
        {
            day: sum(number * worth[kind] for kind, number in kinds.items())
            for day, kinds in tally.kinds.items()
            if day <= today
        }
    )


def planned_rest_days(search: JobSearch) -> dict[date, str]:
    """Rest days within each ISO week's allowance (earliest first), with their notes."""
    return _planned(tally_of(search), search.settings.rest_days_per_week)


def _planned(tally: Tally, per_week_allowed: int) -> dict[date, str]:
    allowed: dict[date, str] = {}
    per_week: dict[tuple[int, int], int] = defaultdict(int)
    for day, _, note in sorted(tally.rests, key=lambda rest: (rest[0], rest[1])):
        week = _iso_week(day)
        if day in allowed or per_week[week] >= per_week_allowed:
            continue
        per_week[week] += 1
        allowed[day] = f"planned rest: {note}" if note else "planned rest"
    return allowed


def rest_days_left(search: JobSearch, day: date) -> int:
    """Rest days still allowed in the ISO week that holds `day`."""
    week = _iso_week(day)
    used = sum(1 for planned in planned_rest_days(search) if _iso_week(planned) == week)
    return max(0, search.settings.rest_days_per_week - used)


def recovery_days(search: JobSearch, length: int) -> dict[date, str]:
    """The day each rejection was recorded and the `length` days after it, naming the company."""
    return {day: _recovering(company) for day, company in _recovery(tally_of(search), length).items()}


def _recovery(tally: Tally, length: int) -> dict[date, str]:
    """Each recovery day and the company whose no it follows (where windows overlap, the latest no's)."""
    recovery: dict[date, str] = {}
    span = [timedelta(days=offset) for offset in range(length + 1)]
    for day, company in sorted(tally.rejections):
        for offset in span:
            recovery[day + offset] = company
    return recovery


def _recovering(company: str) -> str:
    return f"recovering from the no from {company}"


def recovery_ends(said_no: date, length: int) -> date:
    """The last recovery day after a no recorded on `said_no`: that day and `length` more."""
    return said_no + timedelta(days=length)


def date_line_days(search: JobSearch, today: date, zone_now: str) -> set[date]:
    """Calendar days nobody lived through: skipped by flying west over the date line (see `_date_line`)."""
    return _date_line(tally_of(search), today, zone_now)


def _date_line(tally: Tally, today: date, zone_now: str) -> set[date]:
    """Between two active days in different zones, the real time from noon of the day after the first
    to noon of the second says how many days were lived between them; any calendar days beyond that
    were skipped. Noon keeps daylight-saving changes and the rollover hour out of the reckoning.
    """
    if tally.zones <= {zone_now}:
        return set()  # one zone throughout: every calendar day was lived
    zones = {day: (first[1], last[1]) for day, (first, last) in tally.edges.items() if day <= today}
    anchors = sorted(zones)
    if anchors and anchors[-1] != today:
        zones[today] = (zone_now, zone_now)
        anchors.append(today)
    skipped: set[date] = set()
    for earlier, later in pairwise(anchors):
        gap = (later - earlier).days - 1
        left_in, arrived_in = zones[earlier][1], zones[later][0]
        if gap < 1 or left_in == arrived_in:
            continue
        try:
            after = _noon(earlier + timedelta(days=1), left_in)
            arrived = _noon(later, arrived_in)
        except (ZoneInfoNotFoundError, ValueError, OSError):  # OSError: a zone name that is a folder
            continue
        lived = min(gap, max(0, math.floor((arrived - after) / timedelta(days=1) + 0.5)))
        skipped.update(earlier + timedelta(days=1 + offset) for offset in range(gap - lived))
    return skipped


def _noon(day: date, zone: str) -> datetime:
    return datetime.combine(day, time(12), tzinfo=ZoneInfo(zone))


def describe_today(history: StreakHistory) -> str:
    """Today's state in words, for the shell and the progress screen: '0.5 of 1 point so far'.

    Past the target the points come first: 'done: 8.5 points today (target 1)', not '8.5 of 1 point'.
    """
    earned, target = history.points_today, history.target
    progress = f"{format_points(earned)} of {points_word(target)}"
    done = f"done, {progress}"
    if earned > target:
        done = f"done: {points_word(earned)} today (target {format_points(target)})"
    words = {
        DayState.DONE: done,
        DayState.PENDING: f"{progress} so far",
        DayState.REST: "a rest day: your streak waits for you",
        DayState.RECOVERY: "a recovery day after a no: your streak is safe",
    }
    return words.get(history.today_state, history.today_state.value)


def format_points(points: float) -> str:
    """1.0 as '1', 0.5 as '0.5': points are whole or half."""
    return f"{points:g}"


def points_word(points: float) -> str:
    return f"{format_points(points)} {'point' if points == 1 else 'points'}"


def _freezes(bank: int) -> int:
    return min(MAX_FREEZES, bank // FREEZE_EVERY)


def _iso_week(day: date) -> tuple[int, int]:
    year, week, _ = day.isocalendar()
    return year, week


def _each_day(first: date, last: date) -> Iterator[date]:
    day = first
    while day <= last:
        yield day
        day += timedelta(days=1)
