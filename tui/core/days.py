"""Logical days: which calendar day an instant counts for, and reading the dates people type."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from dateutil.relativedelta import relativedelta

EARLIEST_DAY = date(2000, 1, 1)
LATEST_DAY = date(2099, 12, 31)

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")

ACCEPTED_DATES = (
    "a date like 2026-03-14, 'today', 'yesterday', 'N days ago', 'N weeks ago', 'last week', a weekday "
    "name such as 'friday' (the last one), 'last friday', 'tomorrow', 'in N days', 'in N weeks' or 'next friday'"
)


ACCEPTED_SNOOZE = (
    "a length of time like '3 days', '2 weeks' or 'in 1 month', 'tomorrow', a weekday name such as "
    "'friday' (the next one), 'next monday' or a later date like 2026-04-01"
)


class DateParseError(ValueError):
    """A date a person typed that we cannot read; the message says what is accepted."""


def logical_day(instant: datetime, zone: ZoneInfo, rollover_hour: int) -> date:
    """The day an instant counts for: its local wall-clock date, after subtracting the rollover hour.

    Working on the wall clock (not on UTC offsets) keeps daylight-saving jumps out of it: 03:30 just
    after clocks spring forward and both 01:30s of the repeated autumn hour all land on the night before.
    """
    if instant.tzinfo is None:
        raise ValueError("logical_day needs an aware datetime")
    wall = instant.astimezone(zone).replace(tzinfo=None)
    return (wall - timedelta(hours=rollover_hour)).date()


def parse_day(text: str, today: date) -> date:
    """Read a day as a person would type it, relative to `today`.

    Weekday names mean the most recent such day, today included; 'last friday' the one before today;
    'next friday' the first one after today. 'N weeks ago' and 'last week' are seven days a week back,
    so a week asked for by either falls on the same weekday as today. Days outside the years
    2000–2099 are refused: they are typing mistakes, not job-search history.
    """
    cleaned = " ".join(text.strip().lower().split())
    day = _read_day(cleaned, today)
    if day is None:
        raise DateParseError(f"cannot read the date {text!r}; use {ACCEPTED_DATES}")
    if not EARLIEST_DAY <= day <= LATEST_DAY:
        raise DateParseError(f"the date {text!r} is out of range; use a day between {EARLIEST_DAY} and {LATEST_DAY}")
    return day


_DAYS_AGO = re.compile(r"^(\d{1,5}) days? ago$")
_IN_DAYS = re.compile(r"^in (\d{1,5}) days?$")
_WEEKS_AGO = re.compile(r"^(\d{1,4}|a) weeks? ago$")
_IN_WEEKS = re.compile(r"^in (\d{1,4}|a) weeks?$")


def _weeks(count: str) -> timedelta:
    return timedelta(weeks=1 if count == "a" else int(count))


def _read_day(cleaned: str, today: date) -> date | None:
    if cleaned == "today":
        return today
    if cleaned == "yesterday":
        return today - timedelta(days=1)
    if cleaned == "tomorrow":
        return today + timedelta(days=1)
    if match := _DAYS_AGO.match(cleaned):
        return today - timedelta(days=int(match.group(1)))
    if match := _IN_DAYS.match(cleaned):
        return today + timedelta(days=int(match.group(1)))
    if match := _WEEKS_AGO.match(cleaned):
        return today - _weeks(match.group(1))
    if match := _IN_WEEKS.match(cleaned):
        return today + _weeks(match.group(1))
    if cleaned == "last week":
        return today - timedelta(weeks=1)
    if cleaned.startswith("last ") and (name := cleaned.removeprefix("last ")) in WEEKDAYS:
        return today - timedelta(days=(today.weekday() - WEEKDAYS.index(name) - 1) % 7 + 1)
    if cleaned in WEEKDAYS:
        back = (today.weekday() - WEEKDAYS.index(cleaned)) % 7
        return today - timedelta(days=back)
    if cleaned.startswith("next ") and (name := cleaned.removeprefix("next ")) in WEEKDAYS:
        return _next_weekday(name, today)
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", cleaned):
        try:
            return date.fromisoformat(cleaned)
        except ValueError:
            return None
    return None


def _next_weekday(name: str, today: date) -> date:
    """The first day named `name` after today: one to seven days ahead."""
    ahead = (WEEKDAYS.index(name) - today.weekday() - 1) % 7 + 1
    return today + timedelta(days=ahead)


_SNOOZE_LENGTH = re.compile(r"^(?:in )?(\d{1,4}) (day|week|month)s?$")


def parse_until(text: str, today: date) -> date:
    """The day a snoozed action comes back, as a person would type it: always a day after `today`.

    Lengths of time ('3 days', 'in 2 weeks', '1 month') count from today, a month landing on the
    same date of the month (or its last day). A bare weekday name means the next one, since a snooze
    looks ahead; otherwise anything `parse_day` reads is accepted if it lies in the future.
    """
    cleaned = " ".join(text.strip().lower().split())
    if match := _SNOOZE_LENGTH.match(cleaned):
        count, unit = int(match.group(1)), match.group(2)
        length = {"day": relativedelta(days=count), "week": relativedelta(weeks=count)}.get(unit)
        day: date | None = today + (length or relativedelta(months=count))
    elif cleaned in WEEKDAYS:
        day = _next_weekday(cleaned, today)
    else:
        day = _read_day(cleaned, today)
    if day is None:
        raise DateParseError(f"cannot read {text!r} as a day to snooze until; use {ACCEPTED_SNOOZE}")
    if day <= today:
        raise DateParseError(f"{text!r} is not after today; use {ACCEPTED_SNOOZE}")
    if day > LATEST_DAY:
        raise DateParseError(f"{text!r} is out of range; snooze until a day up to {LATEST_DAY}")
    return day


# --- days shown to a person ----------------------------------------------------------------------------

DAY_NAMES = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
MONTH_NAMES = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")

# How far from today a day may lie and still be shown without its year: half a year either way, less a day.
NEAR_DAYS = 182


def year_goes_without_saying(day: date, today: date) -> bool:
    """True when `day` can be shown without its year: it is in today's calendar year and at most 182 days
    (about six months) before or after today.

    Both halves matter. In today's year alone, "10 Jan" seen in December would read as the coming one;
    near today alone, "29 Dec" seen on 2 January would read as this year's. Together, a day shown
    without a year is always this year's and the nearest day of that date, so the words and today
    always say which day it is.
    """
    return day.year == today.year and abs((day - today).days) <= NEAR_DAYS


def describe_day(day: date, today: date | None = None, *, weekday: bool = True) -> str:
    """A day as a person reads it: 'Mon 09 Mar', or 'Mon 10 Jan 2028' when the year is needed.

    The year is left out only when `year_goes_without_saying(day, today)`; with no `today` it is always
    shown (text that outlasts the day: a record listed, a reminder kept, a backup). `weekday=False`
    leaves out the day's name: '09 Mar', '09 Mar 2027'. The names are English whatever the locale.
    """
    shown = f"{day.day:02d} {MONTH_NAMES[day.month - 1]}"
    if weekday:
        shown = f"{DAY_NAMES[day.weekday()]} {shown}"
    if today is None or not year_goes_without_saying(day, today):
        shown += f" {day.year}"
    return shown
