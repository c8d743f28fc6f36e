"""Records for hand-written streak and reward tests: activities, rest days and rejections on given days.

Day patterns are written one character per day, so a history reads at a glance:
    D  an apply activity (1 point: the day is DONE)
    h  a learn activity (half a point: not enough on its own)
    R  a planned rest day
    .  nothing recorded
"""

from __future__ import annotations

import uuid
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from tui.core.days import logical_day
from tui.core.models import Activity, ActivityKind, Application, RestDay, Settings, Stage, StageChange
from tui.core.search import JobSearch

UTC = ZoneInfo("UTC")
STAMP = datetime(2025, 1, 1, 9, 0, tzinfo=UTC)
SETTINGS = Settings(created_at=STAMP, updated_at=STAMP)
START = date(2026, 3, 2)  # a Monday: patterns start here unless told otherwise

Record = Activity | Application | RestDay


def activity(
    day: date, kind: str = "apply", zone: str = "UTC", at: datetime | None = None, number: int | None = None
) -> Activity:
    """An activity fixed on `day`, logged at noon local time unless `at` says when."""
    at = at or datetime.combine(day, time(12), ZoneInfo(zone))
    return Activity(
        id=uuid.UUID(int=number) if number is not None else uuid.uuid4(),
        kind=ActivityKind(kind),
        at=at,
        timezone=zone,
        logical_day=day,
        created_at=at,
        updated_at=at,
    )


def logged(at: datetime, kind: str = "apply", rollover_hour: int = 4) -> Activity:
    """An activity logged at the aware local time `at`, its day fixed as the app fixes it."""
    zone = at.tzinfo
    assert isinstance(zone, ZoneInfo)
    return activity(logical_day(at, zone, rollover_hour), kind, zone=zone.key, at=at)


def rejected(company: str, day: date) -> Application:
    """An application turned down on `day` (applied a week before)."""
    applied = day - timedelta(days=7)
    history = [
        StageChange(stage=Stage.APPLIED, at=datetime.combine(applied, time(12), UTC), day=applied),
        StageChange(stage=Stage.REJECTED, at=datetime.combine(day, time(12), UTC), day=day),
    ]
    return Application(
        company=company,
        role="Engineer",
        applied_on=applied,
        stage=Stage.REJECTED,
        stage_history=history,
        created_at=STAMP,
        updated_at=STAMP,
    )


def rest(day: date, note: str = "", created: datetime | None = None) -> RestDay:
    created = created or datetime.combine(day, time(8), UTC)
    return RestDay(day=day, note=note, created_at=created, updated_at=created)


def search_of(*records: Record, settings: Settings = SETTINGS) -> JobSearch:
    return JobSearch(
        settings=settings,
        applications=tuple(r for r in records if isinstance(r, Application)),
        activities=tuple(r for r in records if isinstance(r, Activity)),
        rest_days=tuple(r for r in records if isinstance(r, RestDay)),
    )


def day_after(day: date, n: int = 1) -> date:
    return day + timedelta(days=n)


def plan(pattern: str, start: date = START) -> list[Record]:
    """Records for a day pattern (see the module docstring), one character per day from `start`."""
    records: list[Record] = []
    for offset, mark in enumerate(pattern):
        day = day_after(start, offset)
        if mark == "D":
            records.append(activity(day, "apply"))
        elif mark == "h":
            records.append(activity(day, "learn"))
        elif mark == "R":
            records.append(rest(day))
        else:
            assert mark == ".", f"unknown mark {mark!r}"
    return records


def with_settings(**changes: object) -> Settings:
    return Settings(created_at=STAMP, updated_at=STAMP, **changes)
