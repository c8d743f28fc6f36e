"""The tally the streak and the rewards are judged on: counted from the records, kept as JSON, grown by one.

The shell's quick `log` judges the streak from a tally kept in its brief, with its new activity added, instead
of reading every record: each step of that must give what counting the records again gives.
"""

from __future__ import annotations

import dataclasses
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import orjson
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.support.day_records import START, activity, rejected, rest, search_of, with_settings
from tui.core.models import ActivityKind
from tui.core.rewards import rewards_judged, rewards_on
from tui.core.streaks import judge, track
from tui.core.tally import Tally, tally_of

ZONES = ["UTC", "Europe/Berlin", "America/Los_Angeles", "Pacific/Auckland", "Pacific/Kiritimati"]
TODAY = START + timedelta(days=27)

days = st.integers(min_value=0, max_value=27).map(lambda offset: START + timedelta(days=offset))
activities = st.builds(
    lambda day, kind, zone, minute: activity(
        day, kind, zone, datetime.combine(day, time(4), ZoneInfo(zone)) + timedelta(minutes=minute)
    ),
    days,
    st.sampled_from([kind.value for kind in ActivityKind]),
    st.sampled_from(ZONES),
    st.integers(min_value=0, max_value=24 * 60 - 1),
)
searches = st.builds(
    lambda logged, rests, noes, target: search_of(
        *logged,
        *(rest(day, note) for day, note in rests),
        *(rejected(f"Company {index}", day) for index, day in enumerate(noes)),
        settings=with_settings(daily_target=target, weekly_applications=3, weekly_networking=1),
    ),
    st.lists(activities, max_size=40),
    st.lists(st.tuples(days, st.sampled_from(["", "a long walk"])), max_size=4),
    st.lists(days, max_size=3),
    st.sampled_from([0.5, 1.0, 2.0]),
)


@settings(max_examples=150, deadline=None)
@given(search=searches)
def test_a_tally_comes_back_whole_from_its_json(search) -> None:
    tally = tally_of(search)

    kept = Tally.from_document(orjson.loads(orjson.dumps(tally.document())))

    assert kept == tally


@settings(max_examples=150, deadline=None)
@given(search=searches, added=activities, zone_now=st.sampled_from(ZONES))
def test_a_tally_grown_by_one_activity_judges_as_the_records_with_it_do(search, added, zone_now: str) -> None:
    grown = tally_of(search).with_activity(added.kind, added.at, added.timezone, added.logical_day)
    with_it = dataclasses.replace(search, activities=(*search.activities, added))

    assert grown == tally_of(with_it)
    assert judge(grown, search.settings, TODAY, zone_now) == track(with_it, TODAY, zone_now)
    assert rewards_judged(grown, search.settings, TODAY, zone_now) == rewards_on(with_it, TODAY, zone_now)


def test_a_tally_counts_each_day_by_kind_and_keeps_its_first_and_last_zones() -> None:
    day = START
    early = activity(day, "apply", "Europe/Berlin", datetime.combine(day, time(8), ZoneInfo("Europe/Berlin")))
    late = activity(
        day, "learn", "America/Los_Angeles", datetime.combine(day, time(20), ZoneInfo("America/Los_Angeles"))
    )
    middle = activity(day, "apply", "UTC", datetime.combine(day, time(12), ZoneInfo("UTC")))

    tally = tally_of(search_of(early, late, middle))

    assert tally.kinds[day] == {ActivityKind.APPLY: 2, ActivityKind.LEARN: 1}
    assert [zone for _, zone in tally.edges[day]] == ["Europe/Berlin", "America/Los_Angeles"]
    assert tally.zones == {"Europe/Berlin", "America/Los_Angeles", "UTC"}


@pytest.mark.parametrize(
    "spoil",
    [
        lambda document: document.pop("rests"),
        lambda document: document["days"].update({"2026-03-02": [[1, 0], "2026-03-02T12:00:00Z", "UTC"]}),
        lambda document: document["days"].update({"2026-03-02": [[-1] * 8, "x", "UTC", "x", "UTC"]}),
        lambda document: document["days"].update({"not a day": [[1] + [0] * 7, "2026-03-02T12:00:00Z", "UTC"] * 1}),
        lambda document: document["days"].update(
            {"2026-03-02": [[1] + [0] * 7, "2026-03-02T12:00:00", "UTC", "2026-03-02T12:00:00", "UTC"]}
        ),
        lambda document: document["zones"].append(7),
        lambda document: document["rejections"].append(["2026-03-02"]),
    ],
    ids=[
        "a part missing",
        "a day cut short",
        "a count below nothing",
        "a day that is not one",
        "a moment without its offset",
        "a zone not named",
        "a rejection cut short",
    ],
)
def test_a_tally_spoiled_in_its_cache_is_not_trusted(spoil) -> None:
    document = tally_of(search_of(activity(START), rest(START + timedelta(days=1)), rejected("Acme", START))).document()

    spoil(document)

    assert Tally.from_document(document) is None
    assert Tally.from_document("not a tally") is None


def test_judged_from_the_tally_the_rewards_are_those_of_the_records() -> None:
    search = search_of(*(activity(START + timedelta(days=offset), "apply") for offset in range(8)))

    earned = rewards_judged(tally_of(search), search.settings, START + timedelta(days=7), "UTC")

    assert [reward.key for reward in earned] == [
        reward.key for reward in rewards_on(search, START + timedelta(days=7), "UTC")
    ]
    assert {"streak-3", "streak-7"} <= {reward.key for reward in earned}
    assert date(2026, 3, 8) in {reward.earned_on for reward in earned}  # the perfect week ends on its Sunday


def test_a_save_that_adds_an_activity_carries_the_tally_over_as_counting_again_would(tmp_path) -> None:
    from tests.support.clock import FakeClock
    from tui.core.remembering import known
    from tui.recording import Recorder
    from tui.store import Store

    clock = FakeClock()
    recorder = Recorder(Store(tmp_path / "nextyes.json", clock, journal=True), clock)
    recorder.add_application("Acme", "Engineer")
    recorder.log(ActivityKind.LEARN, "a chapter")  # the day's backup kept: the next change is appended
    tally_of(recorder.store.load())  # counted, as the app's dashboard counts it

    recorder.log(ActivityKind.NETWORK, "coffee with Dana")
    after = recorder.store.load()

    carried = known(after, tally_of)
    assert carried is not None, "the tally was carried over, not counted again"
    assert carried == tally_of(dataclasses.replace(after))  # a copy of the search counts afresh
    assert carried.kinds[after.activities[-1].logical_day][ActivityKind.NETWORK] == 1
