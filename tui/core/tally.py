"""The tally: what the streak and the rewards are judged on, in brief, and the settings they are judged by.

The streak engine (`streaks.py`) and the rewards (`rewards.py`) read no record: they read a `Tally`, which
holds, for each logical day, how many activities of each kind it had and the zones of its earliest and latest,
the planned rest days and the days rejections were recorded. `tally_of(search)` counts it from the records;
the shell's quick `log` keeps one in its brief and adds the activity it logs (`with_activity`), so it judges
the streak without reading five years of records. A tally is plain data that goes to JSON and back whole.

Nothing here loads the record models, so the quick `log` never pays for them.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime, timezone
from typing import TYPE_CHECKING, Any, Protocol

from tui.core.kinds import ActivityKind, Stage
from tui.core.remembering import known, remember, remembers

if TYPE_CHECKING:
    from tui.core.search import JobSearch

Stamp = tuple[datetime, str]  # an activity's moment and the zone it was logged in
KIND_ORDER = tuple(ActivityKind)  # the order a tally's document counts each day's kinds in


@dataclass(frozen=True)
class Tally:
    """Per logical day the activities' kinds and its first and last activity's zones; rest days; rejections."""

    kinds: Mapping[date, Mapping[ActivityKind, int]]
    edges: Mapping[date, tuple[Stamp, Stamp]]  # the day's earliest and latest activity, by moment then zone
    zones: frozenset[str]  # every zone an activity was logged in
    rests: tuple[tuple[date, datetime, str], ...] = ()  # planned rest days: the day, when planned, the note
    rejections: tuple[tuple[date, str], ...] = ()  # the day each no was recorded, and the company

    def with_activity(self, kind: ActivityKind, at: datetime, zone: str, day: date) -> Tally:
        """The tally with one more activity: what a read of the records with it added would count."""
        kinds = dict(self.kinds)
        kinds[day] = {**kinds.get(day, {}), kind: kinds.get(day, {}).get(kind, 0) + 1}
        edges = dict(self.edges)
        stamp = (at, zone)
        first, last = edges.get(day, (stamp, stamp))
        edges[day] = (min(first, stamp), max(last, stamp))
        return Tally(kinds, edges, self.zones | {zone}, self.rests, self.rejections)

    def document(self) -> dict[str, Any]:
        """The tally as JSON holds it: per day the counts in `KIND_ORDER` and its first and last moment and zone."""
        return {
            "days": {
                day.isoformat(): [
                    [kinds.get(kind, 0) for kind in KIND_ORDER],
                    *(part for moment, zone in self.edges[day] for part in (moment.isoformat(), zone)),
                ]
                for day, kinds in self.kinds.items()
            },
            "zones": sorted(self.zones),
            "rests": [[day.isoformat(), planned.isoformat(), note] for day, planned, note in self.rests],
            "rejections": [[day.isoformat(), company] for day, company in self.rejections],
        }

    @classmethod
    def from_document(cls, document: object) -> Tally | None:
        """The tally `document` holds; None when it is not one (a cache edited or cut short is never trusted)."""
        try:
            assert isinstance(document, dict)
            kinds: dict[date, dict[ActivityKind, int]] = {}
            edges: dict[date, tuple[Stamp, Stamp]] = {}
            moment = datetime.fromisoformat
            for text, (counts, first, first_zone, last, last_zone) in document["days"].items():
                day = date.fromisoformat(text)
                assert len(counts) == len(KIND_ORDER) and all(type(n) is int and n >= 0 for n in counts)
                kinds[day] = {kind: number for kind, number in zip(KIND_ORDER, counts, strict=True) if number}
                assert kinds[day] and type(first_zone) is str and type(last_zone) is str
                edges[day] = ((_aware(moment(first)), first_zone), (_aware(moment(last)), last_zone))
            zones = frozenset(_text(zone) for zone in document["zones"])
            rests = tuple(
                (date.fromisoformat(day), _aware(moment(planned)), _text(note))
                for day, planned, note in document["rests"]
            )
            rejections = tuple((date.fromisoformat(day), _text(company)) for day, company in document["rejections"])
        except (AssertionError, KeyError, TypeError, ValueError, AttributeError):
            return None
        return cls(kinds, edges, zones, rests, rejections)


@remembers
def tally_of(search: JobSearch) -> Tally:
    """The tally of a search's records, counted once per search (or carried over: `carry_tally`)."""
    kinds: dict[date, dict[ActivityKind, int]] = defaultdict(dict)
    edges: dict[date, tuple[Stamp, Stamp]] = {}
    for activity in search.activities:
        day, stamp = activity.logical_day, (_fixed(activity.at), activity.timezone)
        counted = kinds[day]
        counted[activity.kind] = counted.get(activity.kind, 0) + 1
        first, last = edges.get(day, (stamp, stamp))
        edges[day] = (min(first, stamp), max(last, stamp))
    return Tally(
        kinds=dict(kinds),
        edges=edges,
        zones=frozenset(activity.timezone for activity in search.activities),
        rests=tuple((rest.day, rest.created_at, rest.note) for rest in search.rest_days),
        rejections=tuple(
            (change.day, application.company)
            for application in search.applications
            for change in application.stage_history
            if change.stage is Stage.REJECTED
        ),
    )


class Logged(Protocol):
    """An activity, as a tally counts it."""

    @property
    def kind(self) -> ActivityKind: ...
    @property
    def at(self) -> datetime: ...
    @property
    def timezone(self) -> str: ...
    @property
    def logical_day(self) -> date: ...


def carry_tally(before: JobSearch, after: JobSearch, added: Logged) -> None:
    """`after` is `before` with the activity `added`: when `before`'s tally was counted, `after`'s is that one
    grown by the activity, not counted again (an app's save at five years: 70 ms)."""
    counted = known(before, tally_of)
    if counted is not None:
        remember(after, tally_of, counted.with_activity(added.kind, added.at, added.timezone, added.logical_day))


class Scoring(Protocol):
    """The settings the streak is judged by: the `Settings` record, or the brief the quick `log` keeps of it."""

    @property
    def daily_target(self) -> float: ...
    @property
    def points(self) -> Mapping[ActivityKind, float]: ...
    @property
    def rest_days_per_week(self) -> int: ...
    @property
    def recovery_days(self) -> int: ...
    @property
    def weekly_applications(self) -> int: ...
    @property
    def weekly_networking(self) -> int: ...
    @property
    def weekly_learning(self) -> int: ...


def _text(value: object) -> str:
    if not isinstance(value, str):
        raise TypeError("not text")
    return value


def _fixed(moment: datetime) -> datetime:
    """`moment` at a fixed offset, as a read of the file gives it (and as its JSON keeps it). A zone's wall time,
    as a record made in this process may hold, compares unequal to the same instant at a fixed offset when it
    falls in a daylight-saving gap or fold (PEP 495), so a tally kept and read back would not be the same."""
    return moment if isinstance(moment.tzinfo, timezone) else moment.astimezone(UTC)


def _aware(moment: datetime) -> datetime:
    if moment.tzinfo is None:
        raise ValueError("a moment without its offset")
    return moment
