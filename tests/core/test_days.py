"""Which day an instant counts for, and reading the dates people type on the command line."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from tui.core.days import (
    ACCEPTED_SNOOZE,
    EARLIEST_DAY,
    LATEST_DAY,
    WEEKDAYS,
    DateParseError,
    logical_day,
    parse_day,
    parse_until,
)

UTC = ZoneInfo("UTC")
NEW_YORK = ZoneInfo("America/New_York")
LOS_ANGELES = ZoneInfo("America/Los_Angeles")
TOKYO = ZoneInfo("Asia/Tokyo")

# A Sunday, far from any real "today".
TODAY = date(2026, 3, 15)


# --- logical_day ------------------------------------------------------------------------------


def test_just_after_spring_forward_still_counts_for_the_night_before() -> None:
    # 07:30 UTC on 2024-03-10 is 03:30 EDT, an hour after the clocks jumped from 02:00 to 03:00.
    instant = datetime(2024, 3, 10, 7, 30, tzinfo=UTC)
    assert instant.astimezone(NEW_YORK).hour == 3
    assert logical_day(instant, NEW_YORK, 4) == date(2024, 3, 9)


def test_spring_forward_morning_turns_over_at_four_local() -> None:
    assert logical_day(datetime(2024, 3, 10, 7, 59, tzinfo=UTC), NEW_YORK, 4) == date(2024, 3, 9)
    assert logical_day(datetime(2024, 3, 10, 8, 0, tzinfo=UTC), NEW_YORK, 4) == date(2024, 3, 10)


@pytest.mark.parametrize(
    "instant",
    [
        datetime(2024, 11, 3, 5, 30, tzinfo=UTC),  # 01:30 EDT, the first time round
        datetime(2024, 11, 3, 6, 30, tzinfo=UTC),  # 01:30 EST, the repeated hour
        datetime(2024, 11, 3, 1, 30, tzinfo=NEW_YORK),  # fold=0 written as local time
        datetime(2024, 11, 3, 1, 30, fold=1, tzinfo=NEW_YORK),
    ],
)
def test_both_repeated_autumn_hours_count_for_the_night_before(instant: datetime) -> None:
    assert instant.astimezone(NEW_YORK).hour == 1
    assert logical_day(instant, NEW_YORK, 4) == date(2024, 11, 2)


def test_the_two_autumn_half_past_ones_are_an_hour_apart() -> None:
    first = datetime(2024, 11, 3, 1, 30, tzinfo=NEW_YORK)
    second = datetime(2024, 11, 3, 1, 30, fold=1, tzinfo=NEW_YORK)
    assert second.astimezone(UTC) - first.astimezone(UTC) == timedelta(hours=1)


@pytest.mark.parametrize(
    ("hour", "minute", "expected"),
    [
        (0, 0, date(2026, 3, 9)),
        (1, 30, date(2026, 3, 9)),
        (3, 59, date(2026, 3, 9)),
        (4, 0, date(2026, 3, 10)),
        (23, 59, date(2026, 3, 10)),
    ],
)
def test_rollover_hour_decides_which_day_the_small_hours_belong_to(hour: int, minute: int, expected: date) -> None:
    instant = datetime(2026, 3, 10, hour, minute, tzinfo=NEW_YORK)
    assert logical_day(instant, NEW_YORK, 4) == expected


def test_rollover_zero_is_the_plain_local_date() -> None:
    assert logical_day(datetime(2026, 3, 10, 0, 0, tzinfo=NEW_YORK), NEW_YORK, 0) == date(2026, 3, 10)
    assert logical_day(datetime(2026, 3, 10, 23, 59, tzinfo=NEW_YORK), NEW_YORK, 0) == date(2026, 3, 10)
    # 02:00 UTC is still the evening before in New York.
    assert logical_day(datetime(2026, 3, 11, 2, 0, tzinfo=UTC), NEW_YORK, 0) == date(2026, 3, 10)


def test_the_day_follows_the_zone_not_utc() -> None:
    instant = datetime(2025, 1, 2, 6, 0, tzinfo=UTC)
    assert logical_day(instant, LOS_ANGELES, 4) == date(2025, 1, 1)  # 22:00 on Jan 1
    assert logical_day(instant, TOKYO, 4) == date(2025, 1, 2)  # 15:00 on Jan 2


def test_flying_los_angeles_to_tokyo_each_activity_keeps_its_own_local_day() -> None:
    """Logged at 22:00 in Los Angeles, then at 09:00 in Tokyo after the flight: 18 hours apart.

    Each day is fixed in the zone it was recorded in, so the days are the local calendar days on
    either side of the date line: Jan 1 and Jan 3. Jan 2 is skipped by the traveller's calendar,
    and under the interim rule that leaves a one-day gap in the streak (see the report on issue 2).
    Recomputing both in one zone would not skip a day, which is exactly what the stored day avoids.
    """
    evening_in_la = datetime(2025, 1, 1, 22, 0, tzinfo=LOS_ANGELES)
    morning_in_tokyo = datetime(2025, 1, 3, 9, 0, tzinfo=TOKYO)
    assert morning_in_tokyo - evening_in_la == timedelta(hours=18)

    assert logical_day(evening_in_la, LOS_ANGELES, 4) == date(2025, 1, 1)
    assert logical_day(morning_in_tokyo, TOKYO, 4) == date(2025, 1, 3)

    # Had both been read in one zone there would be no gap: the difference is the date line.
    assert logical_day(morning_in_tokyo, LOS_ANGELES, 4) == date(2025, 1, 2)
    assert logical_day(evening_in_la, TOKYO, 4) == date(2025, 1, 2)


def test_flying_tokyo_to_los_angeles_repeats_a_day_instead_of_skipping_one() -> None:
    evening_in_tokyo = datetime(2025, 1, 3, 20, 0, tzinfo=TOKYO)
    afternoon_in_la = datetime(2025, 1, 3, 14, 0, tzinfo=LOS_ANGELES)
    assert afternoon_in_la > evening_in_tokyo
    assert logical_day(evening_in_tokyo, TOKYO, 4) == date(2025, 1, 3)
    assert logical_day(afternoon_in_la, LOS_ANGELES, 4) == date(2025, 1, 3)


def test_a_naive_datetime_is_refused() -> None:
    with pytest.raises(ValueError, match="aware"):
        logical_day(datetime(2026, 3, 15, 12, 0), NEW_YORK, 4)


ZONES = [
    "UTC",
    "America/New_York",
    "America/Los_Angeles",
    "America/Santiago",
    "Europe/London",
    "Asia/Tokyo",
    "Asia/Kolkata",
    "Australia/Lord_Howe",  # a half-hour daylight-saving shift
    "Pacific/Chatham",  # a +12:45 / +13:45 offset
]

instants = st.datetimes(min_value=datetime(2000, 1, 2), max_value=datetime(2099, 12, 30), timezones=st.just(UTC))


@given(instant=instants, zone_name=st.sampled_from(ZONES), rollover=st.integers(0, 12))
def test_logical_day_is_the_local_date_or_the_day_before(instant: datetime, zone_name: str, rollover: int) -> None:
    zone = ZoneInfo(zone_name)
    local = instant.astimezone(zone)
    day = logical_day(instant, zone, rollover)
    if local.hour >= rollover:
        assert day == local.date()
    else:
        assert day == local.date() - timedelta(days=1)


@given(instant=instants, zone_name=st.sampled_from(ZONES))
def test_without_a_rollover_the_logical_day_is_the_local_date(instant: datetime, zone_name: str) -> None:
    zone = ZoneInfo(zone_name)
    assert logical_day(instant, zone, 0) == instant.astimezone(zone).date()


# --- parse_day --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-03-14", date(2026, 3, 14)),
        ("2000-01-01", date(2000, 1, 1)),
        ("2099-12-31", date(2099, 12, 31)),
        ("2024-02-29", date(2024, 2, 29)),
        ("today", TODAY),
        ("yesterday", date(2026, 3, 14)),
        ("0 days ago", TODAY),
        ("1 day ago", date(2026, 3, 14)),
        ("1 days ago", date(2026, 3, 14)),
        ("3 days ago", date(2026, 3, 12)),
        ("365 days ago", date(2025, 3, 15)),
    ],
)
def test_readable_dates(text: str, expected: date) -> None:
    assert parse_day(text, TODAY) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("sunday", TODAY),  # today is a Sunday: the most recent Sunday is today
        ("saturday", date(2026, 3, 14)),
        ("friday", date(2026, 3, 13)),
        ("monday", date(2026, 3, 9)),
    ],
)
def test_weekday_names_mean_the_most_recent_such_day(text: str, expected: date) -> None:
    assert TODAY.weekday() == 6
    assert parse_day(text, TODAY) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Today", TODAY),
        ("  YESTERDAY  ", date(2026, 3, 14)),
        ("Friday", date(2026, 3, 13)),
        ("\tfRiDaY\n", date(2026, 3, 13)),
        ("3  Days   AGO", date(2026, 3, 12)),
        (" 1 day ago ", date(2026, 3, 14)),
        (" 2026-03-01 ", date(2026, 3, 1)),
    ],
)
def test_case_and_spacing_do_not_matter(text: str, expected: date) -> None:
    assert parse_day(text, TODAY) == expected


@pytest.mark.parametrize(
    "text",
    ["garbage", "", "   ", "fri", "-3 days ago", "3 moons ago", "2026-3-1", "2026-02-30", "2026-13-01", "14/03/2026"],
)
def test_unreadable_dates_are_refused_with_what_is_accepted(text: str) -> None:
    with pytest.raises(DateParseError) as refused:
        parse_day(text, TODAY)
    message = str(refused.value)
    for accepted in ("today", "yesterday", "days ago", "weekday"):
        assert accepted in message
    assert repr(text) in message


@pytest.mark.parametrize("text", ["1900-01-01", "2300-06-15", "1999-12-31", "2100-01-01"])
def test_dates_outside_the_years_2000_to_2099_are_refused(text: str) -> None:
    with pytest.raises(DateParseError) as refused:
        parse_day(text, TODAY)
    message = str(refused.value)
    assert "2000-01-01" in message
    assert "2099-12-31" in message


def test_a_relative_date_reaching_before_2000_is_refused() -> None:
    with pytest.raises(DateParseError):
        parse_day("30000 days ago", TODAY)
    with pytest.raises(DateParseError):
        parse_day("yesterday", EARLIEST_DAY)


def test_a_refusal_is_a_value_error_for_callers_that_catch_those() -> None:
    assert issubclass(DateParseError, ValueError)


days_in_range = st.dates(min_value=EARLIEST_DAY, max_value=LATEST_DAY)


@given(today=days_in_range, n=st.integers(0, 3000))
def test_n_days_ago_counts_back_n_days(today: date, n: int) -> None:
    expected = today - timedelta(days=n)
    assume(expected >= EARLIEST_DAY)
    assert parse_day(f"{n} days ago", today) == expected


@given(day=days_in_range, today=days_in_range)
def test_any_iso_date_in_range_reads_back_as_itself(day: date, today: date) -> None:
    assert parse_day(day.isoformat(), today) == day


@given(today=days_in_range, weekday=st.sampled_from(WEEKDAYS))
def test_a_weekday_is_within_the_last_week_and_falls_on_that_weekday(today: date, weekday: str) -> None:
    earliest_possible = today - timedelta(days=6)
    assume(earliest_possible >= EARLIEST_DAY)
    day = parse_day(weekday, today)
    assert earliest_possible <= day <= today
    assert day.weekday() == WEEKDAYS.index(weekday)


@given(text=st.text(), today=days_in_range)
def test_arbitrary_text_reads_as_a_day_in_range_or_is_refused_cleanly(text: str, today: date) -> None:
    try:
        day = parse_day(text, today)
    except DateParseError:
        return
    assert EARLIEST_DAY <= day <= LATEST_DAY


@given(
    text=st.from_regex(r"\A\s*(\d{1,6}\s+days?\s+ago|\d{4}-\d{2}-\d{2}|[A-Za-z]{3,10})\s*\Z"),
    today=days_in_range,
)
def test_text_shaped_like_a_date_reads_as_a_day_in_range_or_is_refused_cleanly(text: str, today: date) -> None:
    try:
        day = parse_day(text, today)
    except DateParseError:
        return
    assert EARLIEST_DAY <= day <= LATEST_DAY


# --- parse_day: days ahead ('tomorrow', 'in N days', 'next friday') ---------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("tomorrow", date(2026, 3, 16)),
        ("in 1 day", date(2026, 3, 16)),
        ("in 1 days", date(2026, 3, 16)),
        ("in 3 days", date(2026, 3, 18)),
        ("in 0 days", TODAY),
        ("in 30 days", date(2026, 4, 14)),
    ],
)
def test_days_ahead_are_readable(text: str, expected: date) -> None:
    assert parse_day(text, TODAY) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("next monday", date(2026, 3, 16)),
        ("next friday", date(2026, 3, 20)),
        ("next saturday", date(2026, 3, 21)),
        ("next sunday", date(2026, 3, 22)),  # today is a Sunday: 'next sunday' is a week ahead
    ],
)
def test_next_weekday_is_the_first_such_day_after_today(text: str, expected: date) -> None:
    assert TODAY.weekday() == 6
    assert parse_day(text, TODAY) == expected


def test_on_a_monday_next_monday_is_a_week_ahead() -> None:
    monday = date(2026, 3, 16)
    assert parse_day("next monday", monday) == date(2026, 3, 23)
    assert parse_day("next tuesday", monday) == date(2026, 3, 17)
    assert parse_day("monday", monday) == monday  # without 'next' it is today


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("TOMORROW", date(2026, 3, 16)),
        ("  In   3  Days ", date(2026, 3, 18)),
        ("Next   FRIDAY", date(2026, 3, 20)),
        ("\tnext friday\n", date(2026, 3, 20)),
    ],
)
def test_days_ahead_ignore_case_and_spacing(text: str, expected: date) -> None:
    assert parse_day(text, TODAY) == expected


@pytest.mark.parametrize(
    "text",
    ["next", "next fri", "next week", "in days", "in -3 days", "in 3 moons", "3 days from now", "next next friday"],
)
def test_unreadable_days_ahead_are_refused(text: str) -> None:
    with pytest.raises(DateParseError) as refused:
        parse_day(text, TODAY)
    message = str(refused.value)
    for accepted in ("tomorrow", "in N days", "next friday"):
        assert accepted in message


def test_days_ahead_past_2099_are_refused() -> None:
    with pytest.raises(DateParseError):
        parse_day("tomorrow", LATEST_DAY)
    with pytest.raises(DateParseError):
        parse_day("next monday", LATEST_DAY)
    with pytest.raises(DateParseError):
        parse_day("in 30000 days", TODAY)


@given(today=days_in_range, weekday=st.sampled_from(WEEKDAYS))
def test_next_weekday_is_one_to_seven_days_ahead_on_that_weekday(today: date, weekday: str) -> None:
    assume(today + timedelta(days=7) <= LATEST_DAY)
    day = parse_day(f"next {weekday}", today)
    assert 1 <= (day - today).days <= 7
    assert day.weekday() == WEEKDAYS.index(weekday)


@given(today=days_in_range, n=st.integers(0, 3000))
def test_in_n_days_counts_forward_n_days(today: date, n: int) -> None:
    expected = today + timedelta(days=n)
    assume(expected <= LATEST_DAY)
    assert parse_day(f"in {n} days", today) == expected


# --- parse_until: the day a snoozed action comes back ----------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1 day", date(2026, 3, 16)),
        ("3 days", date(2026, 3, 18)),
        ("in 3 days", date(2026, 3, 18)),
        ("2 weeks", date(2026, 3, 29)),
        ("in 2 weeks", date(2026, 3, 29)),
        ("1 week", date(2026, 3, 22)),
        ("1 month", date(2026, 4, 15)),
        ("In  2 Months", date(2026, 5, 15)),
        ("tomorrow", date(2026, 3, 16)),
        ("next monday", date(2026, 3, 16)),
        ("2026-04-01", date(2026, 4, 1)),
    ],
)
def test_snooze_lengths_and_future_days_are_readable(text: str, expected: date) -> None:
    assert parse_until(text, TODAY) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("friday", date(2026, 3, 20)),
        ("monday", date(2026, 3, 16)),
        ("sunday", date(2026, 3, 22)),  # today is a Sunday: snoozing to 'sunday' means next week's
    ],
)
def test_a_bare_weekday_means_the_next_one_when_snoozing(text: str, expected: date) -> None:
    assert TODAY.weekday() == 6
    assert parse_until(text, TODAY) == expected


def test_a_month_from_the_end_of_a_long_month_lands_on_the_last_day_of_the_next() -> None:
    assert parse_until("1 month", date(2026, 1, 31)) == date(2026, 2, 28)


@pytest.mark.parametrize(
    "text", ["today", "yesterday", "0 days", "in 0 days", "3 days ago", "2026-03-15", "2026-03-01"]
)
def test_a_snooze_that_does_not_reach_past_today_is_refused(text: str) -> None:
    with pytest.raises(DateParseError) as refused:
        parse_until(text, TODAY)
    message = str(refused.value)
    assert "not after today" in message
    assert ACCEPTED_SNOOZE in message


@pytest.mark.parametrize("text", ["soon", "", "3 years", "a week", "-2 days", "in days", "next week", "2 fortnights"])
def test_an_unreadable_snooze_names_what_is_accepted(text: str) -> None:
    with pytest.raises(DateParseError) as refused:
        parse_until(text, TODAY)
    message = str(refused.value)
    assert repr(text) in message
    for accepted in ("3 days", "2 weeks", "1 month", "tomorrow", "friday", "next monday"):
        assert accepted in message
    assert "\n" not in message


def test_a_snooze_past_2099_is_refused() -> None:
    with pytest.raises(DateParseError, match="2099-12-31"):
        parse_until("1 month", date(2099, 12, 15))
    with pytest.raises(DateParseError, match="2099-12-31"):
        parse_until("tomorrow", LATEST_DAY)


@given(
    today=st.dates(min_value=EARLIEST_DAY, max_value=date(2090, 12, 31)),
    count=st.integers(1, 99),
    unit=st.sampled_from(["day", "days", "week", "weeks", "month", "months"]),
    prefix=st.sampled_from(["", "in "]),
)
def test_any_accepted_snooze_length_gives_a_day_after_today(today: date, count: int, unit: str, prefix: str) -> None:
    day = parse_until(f"{prefix}{count} {unit}", today)
    assert today < day <= LATEST_DAY
    if unit.startswith("day"):
        assert (day - today).days == count
    if unit.startswith("week"):
        assert (day - today).days == 7 * count


@given(text=st.text(), today=days_in_range)
def test_any_text_snoozes_to_a_day_after_today_or_is_refused_cleanly(text: str, today: date) -> None:
    try:
        day = parse_until(text, today)
    except DateParseError:
        return
    assert today < day <= LATEST_DAY


@given(today=st.dates(min_value=EARLIEST_DAY, max_value=date(2099, 12, 1)), weekday=st.sampled_from(WEEKDAYS))
def test_a_weekday_snooze_is_one_to_seven_days_ahead(today: date, weekday: str) -> None:
    day = parse_until(weekday, today)
    assert 1 <= (day - today).days <= 7
    assert day.weekday() == WEEKDAYS.index(weekday)


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("2 weeks ago", date(2026, 3, 1)),
        ("1 week ago", date(2026, 3, 8)),
        ("a week ago", date(2026, 3, 8)),
        ("last week", date(2026, 3, 8)),
        ("in 2 weeks", date(2026, 3, 29)),
        ("last friday", date(2026, 3, 13)),
        ("last sunday", date(2026, 3, 8)),  # today is a Sunday: the one before it
        ("Last  Monday", date(2026, 3, 9)),
    ],
)
def test_weeks_and_last_weekday_read_as_a_person_means_them(typed: str, expected: date) -> None:
    """The README's own example ('--week "2 weeks ago"') was refused: weeks were not read at all."""
    assert parse_day(typed, date(2026, 3, 15)) == expected


@given(today=st.dates(date(2001, 1, 1), date(2098, 12, 31)), weeks=st.integers(0, 52))
def test_n_weeks_ago_is_seven_n_days_ago_and_in_n_weeks_undoes_it(today: date, weeks: int) -> None:
    back = parse_day(f"{weeks} weeks ago", today)
    assert back == parse_day(f"{7 * weeks} days ago", today)
    assert parse_day(f"in {weeks} weeks", back) == today


@given(today=st.dates(date(2001, 1, 1), date(2098, 12, 31)), name=st.sampled_from(WEEKDAYS))
def test_last_weekday_is_that_weekday_within_the_week_before_today(today: date, name: str) -> None:
    day = parse_day(f"last {name}", today)
    assert WEEKDAYS[day.weekday()] == name
    assert 1 <= (today - day).days <= 7
