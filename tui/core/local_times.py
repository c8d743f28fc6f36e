"""Wall-clock times in a time zone: the ones the clocks skip are refused, the ones they repeat are the first.

When the clocks go forward (02:00 becomes 03:00 in New York on the second Sunday of March) the times in
between never happen: an interview "at 02:30" that night names no moment, and guessing one shows it at one
time and exports it at another. Such a time is refused, with a line that names the gap.

When the clocks go back (02:00 becomes 01:00 on the first Sunday of November) the hour in between happens
twice: "01:30" is read as the first of the two, before the clocks go back (`fold=0`, Python's own default).

Pure: the zone is given, nothing here reads the clock.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from tui.core.models import Interview


class NoSuchTime(ValueError):
    """A wall-clock time the clocks skip in the zone; the message names the gap and what to use instead."""


@dataclass(frozen=True)
class Gap:
    """The wall-clock times the clocks skip: from `starts` (the last time before the jump, never reached)
    to `ends` (the first time after it); both naive, on the zone's wall clock."""

    starts: datetime
    ends: datetime


def _wall(instant: datetime, zone: ZoneInfo) -> datetime:
    """The wall time of `instant` in `zone`, by way of UTC (`astimezone` to an instant's own zone changes nothing)."""
    return instant.astimezone(UTC).astimezone(zone).replace(tzinfo=None)


def exists(wall: datetime, zone: ZoneInfo) -> bool:
    """True when the naive wall-clock time `wall` happens in `zone` (once, or twice when the clocks go back)."""
    return _wall(wall.replace(tzinfo=zone, fold=0), zone) == wall.replace(fold=0, tzinfo=None)


def gap_around(wall: datetime, zone: ZoneInfo) -> Gap | None:
    """The gap the naive wall-clock time `wall` falls in, or None when that time exists in `zone`."""
    wall = wall.replace(tzinfo=None, fold=0)
    if exists(wall, zone):
        return None
    before = wall.replace(tzinfo=zone, fold=0).utcoffset()
    after = wall.replace(tzinfo=zone, fold=1).utcoffset()
    assert before is not None and after is not None  # a ZoneInfo always has an offset
    # The jump's instant lies between the two readings of `wall`: the first second on the new offset.
    whole = wall.replace(microsecond=0)  # the clocks jump on a whole second
    earliest, latest = whole - after, whole - before  # naive UTC; the zone is on `before` at the first
    while latest - earliest > timedelta(seconds=1):
        middle = earliest + (latest - earliest) // 2
        if middle.replace(tzinfo=UTC).astimezone(zone).utcoffset() == before:
            earliest = middle
        else:
            latest = middle
    return Gap(latest + before, latest + after)


def _clock(moment: datetime, day: date) -> str:
    """'02:00', or with its date when it is not on `day` (a whole day skipped, as Samoa did in 2011)."""
    return f"{moment:%H:%M}" if moment.date() == day else f"{moment:%Y-%m-%d %H:%M}"


def describe_gap(wall: datetime, zone: ZoneInfo, gap: Gap) -> str:
    """'02:30 does not exist on 2026-03-08 in America/New_York: the clocks go from 02:00 to 03:00; …'."""
    day = wall.date()
    starts, ends = _clock(gap.starts, day), _clock(gap.ends, day)
    instead = [
        *([f"before {starts}"] if gap.starts.date() == day and gap.starts.time() != time(0) else []),
        *([f"from {ends}"] if gap.ends.date() == day else []),
    ]
    use = f"use a time {' or '.join(instead)}" if instead else "use another day"
    return (
        f"{wall:%H:%M} does not exist on {day.isoformat()} in {zone.key}: the clocks go from {starts} to {ends}; {use}"
    )


def local_instant(day: date, at: time, zone: ZoneInfo) -> datetime:
    """The moment the wall clock of `zone` shows `at` on `day`, aware in `zone`.

    A time the clocks skip raises NoSuchTime, naming the gap. A time the clocks repeat is the first of
    the two (`fold=0`): 01:30 on the night the clocks go back is the 01:30 before they do.
    """
    wall = datetime.combine(day, at.replace(tzinfo=None, fold=0))
    gap = gap_around(wall, zone)
    if gap is not None:
        raise NoSuchTime(describe_gap(wall, zone, gap))
    return wall.replace(tzinfo=zone)


def written_time_problem(at: datetime, zone: ZoneInfo) -> str | None:
    """What is wrong with an instant written as a wall time and an offset (as in '2026-03-08T02:30:00-05:00')
    that is said to be in `zone`: the problem when the wall time written is one the clocks of `zone` skip
    and the offset is one `zone` has on either side of that gap, else None.

    An offset the zone never has there means the writer used another clock (UTC, say); its wall time is
    then not a local one, and not judged.
    """
    offset = at.utcoffset()
    if offset is None:
        return None
    wall = at.replace(tzinfo=None, fold=0)
    gap = gap_around(wall, zone)
    if gap is None:
        return None
    sides = {wall.replace(tzinfo=zone, fold=fold).utcoffset() for fold in (0, 1)}
    return describe_gap(wall, zone, gap) if offset in sides else None


def interview_time_problem(interview: Interview) -> str | None:
    """An interview whose start, as written, is a time its own zone skips (see `written_time_problem`);
    None when it is fine, or when its zone is not one we know (then its instant is taken as written)."""
    try:
        zone = ZoneInfo(interview.timezone)
    except (ZoneInfoNotFoundError, ValueError, OSError):  # OSError: a zone name that is a folder
        return None
    return written_time_problem(interview.at, zone)


def time_that_does_not_exist(record: object) -> str | None:
    """For a record brought in from a file: the problem when it is an interview whose start, as written,
    is a time its zone skips (`interview_time_problem`); None for any other record."""
    return interview_time_problem(record) if isinstance(record, Interview) else None
