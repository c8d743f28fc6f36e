"""Rewards (issue "Streak engine and rewards"): streak milestones, perfect weeks and the weekly goal.

Day patterns as in tests/support/day_records.py, one character per day: D an apply activity (1 point),
h a learn activity (half a point), R a planned rest day, . nothing.
"""

from __future__ import annotations

import dataclasses
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.support.day_records import activity, day_after, plan, rest, search_of, with_settings
from tui.core.models import Activity, ActivityKind, RestDay, Settings
from tui.core.rewards import (
    MILESTONES,
    Goal,
    Reward,
    WeeklyProgress,
    earned_rewards,
    newly_earned,
    next_milestone,
    week_start,
    weekly_progress,
)
from tui.core.search import JobSearch
from tui.core.streaks import DayState, track

UTC = ZoneInfo("UTC")
STAMP = datetime(2025, 1, 1, 9, 0, tzinfo=UTC)
SETTINGS = Settings(created_at=STAMP, updated_at=STAMP)

MONDAY = date(2026, 3, 2)  # ISO week 2026-W10: Monday 2 March to Sunday 8 March
SUNDAY = date(2026, 3, 8)


# --- builders ---------------------------------------------------------------------------------


def rewards_on(search: JobSearch, today: date) -> list[Reward]:
    return earned_rewards(search, track(search, today))


def rewards_of(
    pattern: str, *extra: Activity | RestDay, start: date = MONDAY, today: date | None = None
) -> list[Reward]:
    """The rewards of a pattern, judged on its last day unless `today` says otherwise."""
    return rewards_on(search_of(*plan(pattern, start), *extra), today or day_after(start, len(pattern) - 1))


def keys(rewards: list[Reward]) -> list[str]:
    return [reward.key for reward in rewards]


def earned(rewards: list[Reward], key: str) -> Reward:
    found = [reward for reward in rewards if reward.key == key]
    assert len(found) == 1, f"{key} earned {len(found)} times in {keys(rewards)}"
    return found[0]


def week_of(monday: date, **per_kind: list[int]) -> list[Activity]:
    """Activities of each kind on the given weekdays (0 is Monday), e.g. apply=[0, 0, 1]."""
    return [
        activity(day_after(monday, weekday), kind.replace("_", "-"))
        for kind, weekdays in per_kind.items()
        for weekday in weekdays
    ]


# --- streak milestones ------------------------------------------------------------------------


def test_the_milestones_are_the_issues_list() -> None:
    assert MILESTONES == (3, 7, 14, 30, 60, 100, 200, 365)


def test_nothing_recorded_earns_nothing() -> None:
    assert rewards_on(search_of(), MONDAY) == []


def test_a_three_day_streak_is_the_first_milestone() -> None:
    assert rewards_of("DD") == []
    rewards = rewards_of("DDD")
    assert rewards == [Reward("streak-3", "3-day streak", day_after(MONDAY, 2))]


def test_each_milestone_is_earned_on_the_day_the_streak_reaches_it() -> None:
    rewards = [r for r in rewards_of("D" * 30) if r.key.startswith("streak-")]
    assert [(r.key, r.earned_on) for r in rewards] == [
        ("streak-3", day_after(MONDAY, 2)),
        ("streak-7", day_after(MONDAY, 6)),
        ("streak-14", day_after(MONDAY, 13)),
        ("streak-30", day_after(MONDAY, 29)),
    ]
    assert [r.title for r in rewards] == ["3-day streak", "7-day streak", "14-day streak", "30-day streak"]


def test_the_long_milestones_up_to_a_year() -> None:
    start = date(2025, 1, 1)
    rewards = [r for r in rewards_of("D" * 365, start=start) if r.key.startswith("streak-")]
    assert [r.key for r in rewards] == [f"streak-{n}" for n in MILESTONES]
    assert earned(rewards, "streak-365").earned_on == date(2025, 12, 31)
    assert earned(rewards, "streak-100").earned_on == day_after(start, 99)


def test_days_that_bridge_a_streak_do_not_count_toward_a_milestone() -> None:
    # Rest on Tuesday: the third DONE day is Thursday, not Wednesday.
    rewards = rewards_of("DRDD")
    assert earned(rewards, "streak-3").earned_on == day_after(MONDAY, 3)
    assert rewards_of("DRD") == []


def test_a_milestone_reached_again_after_a_break_is_not_earned_twice() -> None:
    rewards = rewards_of("DDD..DDDD")
    assert keys(rewards).count("streak-3") == 1
    assert earned(rewards, "streak-3").earned_on == day_after(MONDAY, 2)


def test_a_milestone_needs_one_streak_not_a_total() -> None:
    assert not any(r.key.startswith("streak-") for r in rewards_of("DD.DD.DD"))


@pytest.mark.parametrize(
    ("longest", "expected"),
    [(0, 3), (2, 3), (3, 7), (6, 7), (7, 14), (29, 30), (99, 100), (200, 365), (364, 365), (365, None), (500, None)],
)
def test_next_milestone_is_the_first_one_beyond_the_longest_streak(longest: int, expected: int | None) -> None:
    assert next_milestone(longest) == expected


# --- perfect weeks ----------------------------------------------------------------------------


def test_a_week_of_seven_done_days_is_perfect_and_earned_on_the_sunday() -> None:
    rewards = rewards_of("DDDDDDD")
    perfect = earned(rewards, "perfect-week-2026-W10")
    assert perfect.earned_on == SUNDAY
    assert perfect.title == "Perfect week of 02 Mar"


def test_a_week_is_not_perfect_before_its_sunday_is_done() -> None:
    assert "perfect-week-2026-W10" not in keys(rewards_of("DDDDDD"))
    pending_sunday = rewards_of("DDDDDD", today=SUNDAY)
    assert "perfect-week-2026-W10" not in keys(pending_sunday)
    half_sunday = rewards_of("DDDDDDh")
    assert "perfect-week-2026-W10" not in keys(half_sunday)


@pytest.mark.parametrize(
    ("pattern", "why"),
    [
        ("DDDRDDD", "a rest day"),
        ("DDD.DDD", "a missed day"),
    ],
)
def test_a_rest_or_missed_day_spoils_a_perfect_week(pattern: str, why: str) -> None:
    assert "perfect-week-2026-W10" not in keys(rewards_of(pattern)), why


def test_a_frozen_day_spoils_a_perfect_week() -> None:
    # Seven DONE days the week before earn a freeze; it is spent on Wednesday of W10.
    search = search_of(*plan("D" * 7 + "DD.DDDD", start=MONDAY - timedelta(days=7)))
    history = track(search, SUNDAY)
    assert history.on(day_after(MONDAY, 2)).state is DayState.FROZEN
    rewards = earned_rewards(search, history)
    assert "perfect-week-2026-W09" in keys(rewards)
    assert "perfect-week-2026-W10" not in keys(rewards)


def test_a_week_the_history_starts_in_part_way_is_not_perfect() -> None:
    assert not any(r.key.startswith("perfect-week") for r in rewards_of("DDDDD", start=day_after(MONDAY, 2)))


def test_seven_done_days_across_two_weeks_are_not_a_perfect_week() -> None:
    assert not any(r.key.startswith("perfect-week") for r in rewards_of("D" * 7, start=day_after(MONDAY, 3)))


def test_each_perfect_week_is_earned_on_its_own() -> None:
    rewards = rewards_of("D" * 14)
    assert [r.key for r in rewards if r.key.startswith("perfect-week")] == [
        "perfect-week-2026-W10",
        "perfect-week-2026-W11",
    ]


def test_a_perfect_week_across_new_year_takes_the_iso_year() -> None:
    rewards = rewards_of("D" * 7, start=date(2024, 12, 30))
    assert earned(rewards, "perfect-week-2025-W01").earned_on == date(2025, 1, 5)
    assert earned(rewards, "perfect-week-2025-W01").title == "Perfect week of 30 Dec 2024"  # seen from 2025


def test_week_numbers_are_written_with_two_digits() -> None:
    rewards = rewards_of("D" * 7, start=date(2026, 1, 5))
    assert "perfect-week-2026-W02" in keys(rewards)


# --- the weekly goal: 5 applications, 2 networking, 1 learning --------------------------------


def test_the_weekly_goal_is_earned_on_the_day_its_last_part_is_reached() -> None:
    # Monday to Wednesday five applications, networking Thursday and Friday, learning on Saturday.
    records = week_of(MONDAY, apply=[0, 0, 1, 1, 2], network=[3, 4], learn=[5])
    rewards = rewards_on(search_of(*records), SUNDAY)
    goal = earned(rewards, "weekly-goal-2026-W10")
    assert goal.earned_on == day_after(MONDAY, 5)
    assert goal.title == "Weekly goal met, week of 02 Mar"


def test_the_weekly_goal_is_not_met_while_any_part_is_short() -> None:
    short_of_networking = week_of(MONDAY, apply=[0, 1, 2, 3, 4], network=[5], learn=[6])
    short_of_applications = week_of(MONDAY, apply=[0, 1, 2, 3], network=[4, 5], learn=[6])
    for records in (short_of_networking, short_of_applications):
        assert not any(r.key.startswith("weekly-goal") for r in rewards_on(search_of(*records), SUNDAY))


def test_the_weekly_goal_counts_only_its_own_iso_week() -> None:
    # Three applications late in W10 and two early in W11 do not make five in either week.
    records = [
        *week_of(MONDAY, apply=[4, 5, 6], network=[6, 6], learn=[6]),
        *week_of(day_after(MONDAY, 7), apply=[0, 1]),
    ]
    assert not any(r.key.startswith("weekly-goal") for r in rewards_on(search_of(*records), day_after(MONDAY, 8)))


def test_other_kinds_do_not_count_toward_the_weekly_goal() -> None:
    records = week_of(MONDAY, follow_up=[0, 1, 2, 3, 4], interview=[0, 1], prep=[2], network=[3, 4], learn=[5])
    assert not any(r.key.startswith("weekly-goal") for r in rewards_on(search_of(*records), SUNDAY))


def test_the_weekly_goal_follows_the_settings() -> None:
    settings = with_settings(weekly_applications=1, weekly_networking=0, weekly_learning=0)
    search = search_of(*week_of(MONDAY, apply=[3]), settings=settings)
    assert earned(rewards_on(search, SUNDAY), "weekly-goal-2026-W10").earned_on == day_after(MONDAY, 3)


def test_a_weekly_goal_of_nothing_is_never_met() -> None:
    settings = with_settings(weekly_applications=0, weekly_networking=0, weekly_learning=0)
    search = search_of(*week_of(MONDAY, apply=[0, 1]), settings=settings)
    assert not any(r.key.startswith("weekly-goal") for r in rewards_on(search, SUNDAY))
    assert not weekly_progress(search, SUNDAY).met


def test_the_weekly_goal_is_earned_once_however_far_it_is_passed() -> None:
    records = week_of(MONDAY, apply=[0] * 12, network=[0, 0, 1, 2, 3], learn=[0, 1, 2])
    rewards = rewards_on(search_of(*records), SUNDAY)
    assert keys(rewards).count("weekly-goal-2026-W10") == 1
    assert earned(rewards, "weekly-goal-2026-W10").earned_on == MONDAY


def test_a_weekly_goal_is_earned_each_week_it_is_met() -> None:
    records = [
        *week_of(MONDAY, apply=[0] * 5, network=[1, 1], learn=[2]),
        *week_of(day_after(MONDAY, 7), apply=[0] * 5, network=[1, 1], learn=[2]),
    ]
    rewards = rewards_on(search_of(*records), day_after(SUNDAY, 7))
    assert [r.key for r in rewards if r.key.startswith("weekly-goal")] == [
        "weekly-goal-2026-W10",
        "weekly-goal-2026-W11",
    ]


def test_activities_after_today_do_not_meet_this_weeks_goal() -> None:
    records = week_of(MONDAY, apply=[0] * 5, network=[1, 1], learn=[4])
    search = search_of(*records)
    assert "weekly-goal-2026-W10" not in keys(rewards_on(search, day_after(MONDAY, 3)))
    assert "weekly-goal-2026-W10" in keys(rewards_on(search, day_after(MONDAY, 4)))


def test_the_weekly_goal_needs_no_streak() -> None:
    # Learning is half a point: a day with only that is not DONE, yet still counts for the week.
    records = week_of(MONDAY, apply=[0, 0, 0, 0, 0], network=[0, 0], learn=[3])
    history = track(search_of(*records), day_after(MONDAY, 4))
    assert history.on(day_after(MONDAY, 3)).state is DayState.MISSED
    assert "weekly-goal-2026-W10" in keys(earned_rewards(search_of(*records), history))


# --- weekly progress --------------------------------------------------------------------------


def test_weekly_progress_names_each_part_of_the_goal() -> None:
    records = week_of(MONDAY, apply=[0, 1, 1], network=[2], learn=[2, 3])
    progress = weekly_progress(search_of(*records), day_after(MONDAY, 3))
    assert progress == WeeklyProgress(
        MONDAY,
        (
            Goal("applications", "Applications", ActivityKind.APPLY, 3, 5),
            Goal("networking", "Networking", ActivityKind.NETWORK, 1, 2),
            Goal("learning", "Learning", ActivityKind.LEARN, 2, 1),
        ),
    )
    assert [goal.met for goal in progress.goals] == [False, False, True]
    assert not progress.met


def test_weekly_progress_counts_up_to_and_including_the_day() -> None:
    records = week_of(MONDAY, apply=[0, 2, 4, 6])
    search = search_of(*records)
    assert [weekly_progress(search, day_after(MONDAY, n)).goals[0].done for n in range(7)] == [1, 1, 2, 2, 3, 3, 4]


def test_weekly_progress_starts_afresh_each_monday() -> None:
    search = search_of(*week_of(MONDAY, apply=[5, 6]), *week_of(day_after(MONDAY, 7), apply=[1]))
    assert weekly_progress(search, SUNDAY).week_of == MONDAY
    assert weekly_progress(search, SUNDAY).goals[0].done == 2
    next_monday = day_after(MONDAY, 7)
    assert weekly_progress(search, next_monday).week_of == next_monday
    assert weekly_progress(search, next_monday).goals[0].done == 0
    assert weekly_progress(search, day_after(next_monday, 1)).goals[0].done == 1


def test_weekly_progress_is_met_when_every_part_is() -> None:
    records = week_of(MONDAY, apply=[0] * 5, network=[1, 1], learn=[2])
    assert weekly_progress(search_of(*records), day_after(MONDAY, 2)).met
    assert not weekly_progress(search_of(*records), day_after(MONDAY, 1)).met


def test_weekly_progress_goals_follow_the_settings() -> None:
    settings = with_settings(weekly_applications=10, weekly_networking=3, weekly_learning=0)
    progress = weekly_progress(search_of(settings=settings), MONDAY)
    assert [(goal.goal, goal.met) for goal in progress.goals] == [(10, False), (3, False), (0, True)]


@pytest.mark.parametrize("offset", range(7))
def test_week_start_is_the_monday(offset: int) -> None:
    assert week_start(day_after(MONDAY, offset)) == MONDAY


# --- newly earned -----------------------------------------------------------------------------


def test_newly_earned_is_what_after_has_and_before_had_not() -> None:
    before = rewards_of("DD")
    after = rewards_of("DDD")
    assert newly_earned(before, after) == [Reward("streak-3", "3-day streak", day_after(MONDAY, 2))]
    assert newly_earned(after, after) == []


def test_a_reward_already_known_by_key_is_not_new_even_if_its_day_moved() -> None:
    # Backfilling Monday moves the day the 3-day streak was reached from Thursday to Wednesday.
    before = rewards_of(".DDD")
    after = rewards_of("DDDD")
    assert earned(before, "streak-3").earned_on != earned(after, "streak-3").earned_on
    assert "streak-3" not in keys(newly_earned(before, after))


def test_the_seventh_day_of_a_perfect_week_earns_two_rewards_at_once() -> None:
    before = rewards_of("DDDDDD", today=SUNDAY)
    after = rewards_of("DDDDDDD")
    assert keys(newly_earned(before, after)) == ["perfect-week-2026-W10", "streak-7"]


def test_rewards_come_oldest_first_then_by_key() -> None:
    rewards = rewards_of("D" * 7)
    assert [(r.earned_on, r.key) for r in rewards] == sorted((r.earned_on, r.key) for r in rewards)


# --- properties -------------------------------------------------------------------------------

PROPERTY = settings(max_examples=200, deadline=None)
FIRST = date(2026, 1, 5)  # a Monday
SPAN = 42


@st.composite
def searches(draw: st.DrawFn) -> JobSearch:
    runs = draw(
        st.lists(
            st.tuples(st.integers(0, SPAN - 1), st.integers(1, 16), st.sampled_from(list(ActivityKind))),
            max_size=8,
        )
    )
    activities = [
        activity(day_after(FIRST, offset), kind.value, number=number)
        for number, (offset, kind) in enumerate(
            (offset, kind) for start, length, kind in runs for offset in range(start, min(start + length, SPAN))
        )
    ]
    rest_days = tuple(rest(day_after(FIRST, o)) for o in sorted(draw(st.sets(st.integers(0, SPAN - 1), max_size=6))))
    return JobSearch(settings=SETTINGS, activities=tuple(activities), rest_days=rest_days)


todays = st.integers(0, SPAN + 7).map(lambda offset: day_after(FIRST, offset))


@PROPERTY
@given(search=searches(), today=todays)
def test_every_reward_is_earned_once_on_a_tracked_day(search: JobSearch, today: date) -> None:
    history = track(search, today)
    rewards = earned_rewards(search, history)
    assert len(set(keys(rewards))) == len(rewards)
    for reward in rewards:
        assert history.on(reward.earned_on) is not None
    assert rewards == sorted(rewards, key=lambda r: (r.earned_on, r.key))


@PROPERTY
@given(search=searches(), today=todays)
def test_milestones_match_the_streaks_in_the_history(search: JobSearch, today: date) -> None:
    history = track(search, today)
    milestones = {r.key: r.earned_on for r in earned_rewards(search, history) if r.key.startswith("streak-")}
    for days in MILESTONES:
        reached = [tracked.day for tracked in history.days if tracked.streak >= days]
        assert milestones.get(f"streak-{days}") == (reached[0] if reached else None)
    assert next_milestone(history.longest) == next((n for n in MILESTONES if n > history.longest), None)


@PROPERTY
@given(search=searches(), today=todays)
def test_perfect_weeks_are_exactly_the_all_done_iso_weeks(search: JobSearch, today: date) -> None:
    history = track(search, today)
    perfect = {r.earned_on for r in earned_rewards(search, history) if r.key.startswith("perfect-week")}
    expected = {
        tracked.day
        for tracked in history.days
        if tracked.day.weekday() == 6
        and all(
            (day := history.on(tracked.day - timedelta(days=back))) is not None and day.state is DayState.DONE
            for back in range(7)
        )
    }
    assert perfect == expected


@PROPERTY
@given(search=searches(), today=todays, data=st.data())
def test_rewards_do_not_depend_on_record_order(search: JobSearch, today: date, data: st.DataObject) -> None:
    shuffled = dataclasses.replace(
        search,
        activities=tuple(data.draw(st.permutations(search.activities))),
        rest_days=tuple(data.draw(st.permutations(search.rest_days))),
    )
    assert earned_rewards(shuffled, track(shuffled, today)) == earned_rewards(search, track(search, today))


@PROPERTY
@given(search=searches(), today=todays)
def test_a_weekly_goal_is_earned_exactly_when_weekly_progress_first_shows_it_met(
    search: JobSearch, today: date
) -> None:
    history = track(search, today)
    goals = {r.earned_on for r in earned_rewards(search, history) if r.key.startswith("weekly-goal")}
    expected = set()
    for tracked in history.days:
        progress = weekly_progress(search, tracked.day)
        yesterday_met = tracked.day != progress.week_of and weekly_progress(search, tracked.day - timedelta(days=1)).met
        if progress.met and not yesterday_met:
            expected.add(tracked.day)
    assert goals == expected
