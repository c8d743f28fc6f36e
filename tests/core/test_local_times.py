"""Wall-clock times in a zone: a time the clocks skip is refused naming the gap, a repeated one is the first."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.support.insight_records import STAMP
from tui.core.local_times import (
    NoSuchTime,
    exists,
    gap_around,
    interview_time_problem,
    local_instant,
    time_that_does_not_exist,
    written_time_problem,
)
from tui.core.models import Interview, Win

NEW_YORK = ZoneInfo("America/New_York")

# Zones whose clocks jump: by an hour either way of the year, by half an hour, at midnight, skipping a day.
ZONES_WITH_JUMPS = [
    "America/New_York",
    "America/Sao_Paulo",
    "America/Havana",
    "America/Santiago",
    "Europe/London",
    "Europe/Berlin",
    "Europe/Chisinau",
    "Asia/Tehran",
    "Australia/Sydney",
    "Australia/Lord_Howe",
    "Pacific/Auckland",
    "Pacific/Apia",
    "Africa/Casablanca",
]


# --- the rule, by example -----------------------------------------------------------------------------


def test_a_time_the_clocks_skip_is_refused_naming_the_gap() -> None:
    with pytest.raises(NoSuchTime) as refused:
        local_instant(date(2026, 3, 8), time(2, 30), NEW_YORK)
    assert str(refused.value) == (
        "02:30 does not exist on 2026-03-08 in America/New_York: the clocks go from 02:00 to 03:00; "
        "use a time before 02:00 or from 03:00"
    )


def test_the_edges_of_the_gap() -> None:
    assert local_instant(date(2026, 3, 8), time(1, 59), NEW_YORK).utcoffset() == timedelta(hours=-5)
    with pytest.raises(NoSuchTime):
        local_instant(date(2026, 3, 8), time(2, 0), NEW_YORK)
    assert local_instant(date(2026, 3, 8), time(3, 0), NEW_YORK).utcoffset() == timedelta(hours=-4)


def test_a_time_the_clocks_repeat_is_the_first_of_the_two() -> None:
    first = local_instant(date(2026, 11, 1), time(1, 30), NEW_YORK)
    assert first.astimezone(UTC) == datetime(2026, 11, 1, 5, 30, tzinfo=UTC)  # 01:30 EDT, before the clocks go back
    assert first.utcoffset() == timedelta(hours=-4)


def test_a_half_hour_gap_and_a_gap_at_midnight() -> None:
    with pytest.raises(NoSuchTime, match=r"the clocks go from 02:00 to 02:30; use a time before 02:00 or from 02:30$"):
        local_instant(date(2025, 10, 5), time(2, 15), ZoneInfo("Australia/Lord_Howe"))
    with pytest.raises(NoSuchTime, match=r"the clocks go from 00:00 to 01:00; use a time from 01:00$"):
        local_instant(date(2018, 11, 4), time(0, 30), ZoneInfo("America/Sao_Paulo"))


def test_a_day_the_clocks_skip_whole_is_refused_whole() -> None:
    # Samoa crossed the date line at the end of 2011: 30 December never happened there.
    with pytest.raises(NoSuchTime) as refused:
        local_instant(date(2011, 12, 30), time(12, 0), ZoneInfo("Pacific/Apia"))
    assert str(refused.value) == (
        "12:00 does not exist on 2011-12-30 in Pacific/Apia: the clocks go from 00:00 to 2011-12-31 00:00; "
        "use another day"
    )


def test_an_ordinary_time_is_taken_as_it_is() -> None:
    assert local_instant(date(2026, 3, 17), time(14, 30), NEW_YORK) == datetime(2026, 3, 17, 14, 30, tzinfo=NEW_YORK)
    assert local_instant(date(2026, 3, 8), time(2, 30), ZoneInfo("UTC")).hour == 2


# --- any zone, any time --------------------------------------------------------------------------------


def _happens(wall: datetime, zone: ZoneInfo) -> bool:
    """Whether some instant shows `wall` on the zone's clock, found without the fold rules: every offset
    the zone has within a day and a half of it, tried in turn."""
    near = (wall - timedelta(hours=36) + timedelta(minutes=30 * step) for step in range(145))
    offsets = {moment.replace(tzinfo=UTC).astimezone(zone).utcoffset() for moment in near}
    return any(
        (wall - offset).replace(tzinfo=UTC).astimezone(zone).replace(tzinfo=None) == wall
        for offset in offsets
        if offset is not None
    )


@given(
    st.sampled_from(ZONES_WITH_JUMPS),
    st.dates(date(2000, 1, 1), date(2037, 12, 31)),
    st.integers(0, 23),
    st.sampled_from([0, 1, 15, 29, 30, 31, 45, 59]),
)
def test_an_accepted_time_comes_back_the_same_and_a_refused_one_never_happens(
    zone_name: str, day: date, hour: int, minute: int
) -> None:
    zone = ZoneInfo(zone_name)
    wall = datetime.combine(day, time(hour, minute))
    try:
        at = local_instant(day, time(hour, minute), zone)
    except NoSuchTime as refused:
        assert not _happens(wall, zone)
        gap = gap_around(wall, zone)
        assert gap is not None and gap.starts <= wall < gap.ends
        assert exists(gap.starts - timedelta(minutes=1), zone) and exists(gap.ends, zone)
        assert str(refused).startswith(f"{wall:%H:%M} does not exist on {day.isoformat()} in {zone_name}: ")
        return
    assert _happens(wall, zone)
    assert at.astimezone(UTC).astimezone(zone).replace(tzinfo=None) == wall
    # The first of two, when the clocks repeat it: an hour (or so) earlier shows another time.
    assert at.fold == 0


@given(st.sampled_from(ZONES_WITH_JUMPS), st.datetimes(datetime(2000, 1, 1), datetime(2037, 12, 31)))
def test_gap_around_says_exactly_which_times_do_not_happen(zone_name: str, wall: datetime) -> None:
    zone = ZoneInfo(zone_name)
    wall = wall.replace(second=0, microsecond=0)
    assert (gap_around(wall, zone) is None) == _happens(wall, zone)


def _jumps_forward(zone: ZoneInfo, year: int) -> list[datetime]:
    """The instants (naive UTC, to the minute) the zone's clocks jumped forward in `year`, found by scanning."""

    def offset(moment: datetime) -> timedelta | None:
        return moment.replace(tzinfo=UTC).astimezone(zone).utcoffset()

    jumps = []
    day = datetime(year, 1, 1)
    while day.year == year:
        following = day + timedelta(days=1)
        before, after = offset(day), offset(following)
        if before is not None and after is not None and after > before:
            minute = next(
                day + timedelta(minutes=m) for m in range(1441) if offset(day + timedelta(minutes=m)) != before
            )
            jumps.append(minute)
        day = following
    return jumps


@given(st.sampled_from(ZONES_WITH_JUMPS), st.integers(2000, 2037), st.integers(-90, 150))
def test_around_each_jump_forward_only_the_skipped_times_are_refused(zone_name: str, year: int, minutes: int) -> None:
    zone = ZoneInfo(zone_name)
    for jump in _jumps_forward(zone, year):
        before = (jump - timedelta(minutes=1)).replace(tzinfo=UTC).astimezone(zone).utcoffset()
        assert before is not None
        wall = jump + before + timedelta(minutes=minutes)  # from 90 minutes before the gap to past its end
        try:
            at = local_instant(wall.date(), wall.time(), zone)
        except NoSuchTime:
            assert not _happens(wall, zone)
            continue
        assert _happens(wall, zone)
        assert at.astimezone(UTC).astimezone(zone).replace(tzinfo=None) == wall


# --- times written in a file ---------------------------------------------------------------------------


def test_a_written_time_in_a_gap_is_a_problem_only_on_the_zones_own_offsets() -> None:
    gap_time = "02:30 does not exist on 2026-03-08 in America/New_York"
    skipped = datetime.fromisoformat("2026-03-08T02:30:00-05:00")
    assert (written_time_problem(skipped, NEW_YORK) or "").startswith(gap_time)
    assert (written_time_problem(datetime.fromisoformat("2026-03-08T02:30:00-04:00"), NEW_YORK) or "").startswith(
        gap_time
    )
    # The same instant written on the zone's clock, and a time written in UTC, are fine.
    assert written_time_problem(datetime.fromisoformat("2026-03-08T03:30:00-04:00"), NEW_YORK) is None
    assert written_time_problem(datetime.fromisoformat("2026-03-08T02:30:00+00:00"), NEW_YORK) is None


def _interview(at: str, timezone: str) -> Interview:
    return Interview.model_validate(
        {
            "application_id": "00000000-0000-4000-8000-000000000001",
            "at": at,
            "timezone": timezone,
            "day": at[:10],
            "created_at": STAMP,
            "updated_at": STAMP,
        }
    )


def test_an_interview_brought_in_at_a_skipped_time_is_named() -> None:
    skipped = _interview("2026-03-08T02:30:00-05:00", "America/New_York")
    assert (interview_time_problem(skipped) or "").startswith("02:30 does not exist on 2026-03-08")
    assert time_that_does_not_exist(skipped) == interview_time_problem(skipped)
    assert interview_time_problem(_interview("2026-03-08T03:30:00-04:00", "America/New_York")) is None
    # A zone we do not know: its instant is taken as written.
    assert interview_time_problem(_interview("2026-03-08T02:30:00-05:00", "Mars/Olympus")) is None
    win = Win(text="Shipped it", day=date(2026, 3, 8), created_at=STAMP, updated_at=STAMP)
    assert time_that_does_not_exist(win) is None
