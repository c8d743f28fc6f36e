"""Streaks and momentum as the header and `nextyes status` show them (the interim rule of issue 2)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tui.core.streaks import MOMENTUM_MULTIPLIER, momentum, summarize

TODAY = date(2026, 3, 15)


def days_back(*offsets: int) -> list[date]:
    """Days counted back from TODAY: 0 is today, 1 is yesterday."""
    return [TODAY - timedelta(days=offset) for offset in offsets]


def run(first: date, length: int) -> set[date]:
    return {first + timedelta(days=i) for i in range(length)}


# --- streaks ----------------------------------------------------------------------------------


def test_no_activity_means_no_streak_and_no_momentum() -> None:
    summary = summarize([], TODAY)
    assert (summary.current, summary.longest, summary.momentum, summary.done_today) == (0, 0, 0.0, False)
    assert summary.today == TODAY


def test_activity_today_starts_a_streak_of_one() -> None:
    summary = summarize(days_back(0), TODAY)
    assert (summary.current, summary.longest, summary.done_today) == (1, 1, True)
    assert summary.momentum > 0


def test_yesterday_keeps_the_streak_while_today_is_still_pending() -> None:
    summary = summarize(days_back(1), TODAY)
    assert (summary.current, summary.longest, summary.done_today) == (1, 1, False)


def test_a_streak_ending_yesterday_counts_every_day_of_it() -> None:
    assert summarize(days_back(1, 2, 3, 4), TODAY).current == 4


def test_a_missed_yesterday_ends_the_streak() -> None:
    summary = summarize(days_back(2, 3, 4), TODAY)
    assert summary.current == 0
    assert summary.longest == 3


def test_a_gap_breaks_the_streak_and_the_run_after_it_counts_alone() -> None:
    summary = summarize(days_back(0, 1, 3, 4, 5), TODAY)
    assert summary.current == 2
    assert summary.longest == 3


def test_the_longest_streak_is_remembered_across_history() -> None:
    year_ago = run(TODAY - timedelta(days=365), 10)
    summary = summarize([*year_ago, *days_back(0, 1)], TODAY)
    assert summary.current == 2
    assert summary.longest == 10


def test_days_after_today_are_ignored() -> None:
    future = [TODAY + timedelta(days=1), TODAY + timedelta(days=2)]
    summary = summarize(future, TODAY)
    assert (summary.current, summary.longest, summary.momentum, summary.done_today) == (0, 0, 0.0, False)
    assert summarize([TODAY, *future], TODAY).current == 1
    assert summarize([TODAY, *future], TODAY).longest == 1


def test_several_activities_on_one_day_count_once() -> None:
    assert summarize([TODAY, TODAY, TODAY], TODAY) == summarize([TODAY], TODAY)


def test_a_dict_keyed_by_day_can_be_summarized_directly() -> None:
    by_day = {TODAY: ["apply"], TODAY - timedelta(days=1): ["network"]}
    assert summarize(by_day, TODAY).current == 2


# --- momentum: Loop Habit Tracker's habit strength ---------------------------------------------

# Loop's own test (ScoreListTest.test_getAll): 20 consecutive daily check-ins, the score on the
# last day first, back to the first day. The first check-in is the first step: 1 - m. Loop compares
# within 1e-6 (its figures are truncated, not rounded), and so do we.
LOOP_TWENTY_DAYS = [
    0.655747, 0.636894, 0.617008, 0.596033, 0.573910, 0.550574, 0.525961, 0.500000, 0.472617,
    0.443734, 0.413270, 0.381137, 0.347244, 0.311495, 0.273788, 0.234017, 0.192067, 0.147820,
    0.101149, 0.051922,
]


def test_the_multiplier_is_a_thirteen_day_half_life() -> None:
    assert MOMENTUM_MULTIPLIER**13 == pytest.approx(0.5)


def test_twenty_full_days_from_nothing_match_loop_habit_tracker() -> None:
    days = run(TODAY - timedelta(days=19), 20)
    assert summarize(days, TODAY).momentum == pytest.approx(0.655747, abs=1e-6)


def test_momentum_on_each_of_twenty_days_matches_loop_habit_tracker() -> None:
    first = TODAY - timedelta(days=19)
    days = run(first, 20)
    scores = [momentum(days, first + timedelta(days=i)) for i in range(20)]
    assert list(reversed(scores)) == pytest.approx(LOOP_TWENTY_DAYS, abs=1e-6)


def test_a_pending_today_does_not_lower_momentum() -> None:
    through_yesterday = summarize(run(TODAY - timedelta(days=20), 20), TODAY)
    assert not through_yesterday.done_today
    assert through_yesterday.momentum == pytest.approx(0.655747, abs=1e-6)


def test_a_perfect_month_is_about_eighty_percent() -> None:
    days = run(TODAY - timedelta(days=29), 30)
    assert summarize(days, TODAY).momentum == pytest.approx(0.80, abs=0.01)


def test_one_missed_day_after_a_long_run_costs_little() -> None:
    # 100 days in a row ending two days ago; yesterday missed; today not yet done.
    before = summarize(run(TODAY - timedelta(days=101), 100), TODAY - timedelta(days=1))
    after_miss = summarize(run(TODAY - timedelta(days=101), 100), TODAY)
    assert before.momentum > 0.99
    assert 0 < before.momentum - after_miss.momentum < 0.06
    assert after_miss.current == 0  # the streak is a fresh start; momentum carries on


def test_thirteen_missed_days_halve_momentum() -> None:
    days = run(TODAY - timedelta(days=44), 30)  # ends 15 days ago
    last_active = TODAY - timedelta(days=15)
    assert momentum(days, last_active + timedelta(days=13)) == pytest.approx(momentum(days, last_active) / 2)


def test_coming_back_after_a_miss_builds_momentum_again() -> None:
    days = run(TODAY - timedelta(days=40), 39) | {TODAY}  # yesterday missed
    without_today = summarize(days - {TODAY}, TODAY)
    with_today = summarize(days, TODAY)
    assert with_today.momentum > without_today.momentum
    assert with_today.current == 1


# --- properties -------------------------------------------------------------------------------

day_sets = st.sets(st.dates(min_value=TODAY - timedelta(days=90), max_value=TODAY + timedelta(days=5)))


@given(days=day_sets, data=st.data())
def test_results_do_not_depend_on_order_or_duplicates(days: set[date], data: st.DataObject) -> None:
    listed = sorted(days)
    shuffled = data.draw(st.permutations(listed + listed[: len(listed) // 2]))
    assert summarize(shuffled, TODAY) == summarize(listed, TODAY)


@given(days=day_sets)
def test_the_longest_streak_is_at_least_the_current_one(days: set[date]) -> None:
    summary = summarize(days, TODAY)
    assert summary.longest >= summary.current >= 0


@given(days=day_sets)
def test_doing_something_today_extends_the_streak_and_never_lowers_momentum(days: set[date]) -> None:
    pending = summarize(days - {TODAY}, TODAY)
    done = summarize(days | {TODAY}, TODAY)
    assert done.current == pending.current + 1
    assert done.done_today
    assert done.momentum >= pending.momentum


@given(days=day_sets)
def test_momentum_stays_between_zero_and_one(days: set[date]) -> None:
    assert 0.0 <= summarize(days, TODAY).momentum <= 1.0


@given(days=day_sets, data=st.data())
def test_removing_a_day_never_lengthens_the_longest_streak(days: set[date], data: st.DataObject) -> None:
    if not days:
        return
    removed = data.draw(st.sampled_from(sorted(days)))
    assert summarize(days - {removed}, TODAY).longest <= summarize(days, TODAY).longest


@given(days=day_sets, data=st.data())
def test_adding_a_past_day_never_lowers_momentum_or_streaks(days: set[date], data: st.DataObject) -> None:
    extra = data.draw(st.dates(min_value=TODAY - timedelta(days=90), max_value=TODAY))
    before, after = summarize(days, TODAY), summarize(days | {extra}, TODAY)
    assert after.current >= before.current
    assert after.longest >= before.longest
    assert after.momentum >= before.momentum - 1e-12


@settings(max_examples=50)
@given(length=st.integers(1, 400))
def test_an_unbroken_run_ending_today_is_both_current_and_longest(length: int) -> None:
    summary = summarize(run(TODAY - timedelta(days=length - 1), length), TODAY)
    assert summary.current == summary.longest == length
    assert summary.momentum == pytest.approx(1 - MOMENTUM_MULTIPLIER**length)
