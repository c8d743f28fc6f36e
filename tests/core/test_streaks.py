"""The streak engine (issue "Streak engine and rewards"): each day's state, streaks, freezes, momentum.

Day patterns are written one character per day, so a history reads at a glance:

    D  an apply activity (1 point: the day is DONE)
    h  a learn activity (half a point: not enough on its own)
    R  a planned rest day
    .  nothing recorded

and `states(history)` reads back one letter per tracked day:

    D done · R rest · V recovery · F frozen · M missed · P pending
"""

from __future__ import annotations

import dataclasses
from datetime import date, datetime, time, timedelta
from itertools import pairwise
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.support.day_records import (
    SETTINGS,
    STAMP,
    START,
    UTC,
    Record,
    activity,
    day_after,
    logged,
    plan,
    rejected,
    rest,
    search_of,
    with_settings,
)
from tui.core.models import ActivityKind, Settings, Stage
from tui.core.rewards import earned_rewards
from tui.core.search import JobSearch
from tui.core.streaks import (
    FREEZE_EVERY,
    MAX_FREEZES,
    MOMENTUM_MULTIPLIER,
    DayState,
    StreakHistory,
    describe_today,
    planned_rest_days,
    rest_days_left,
    track,
)

NEW_YORK = ZoneInfo("America/New_York")

TODAY = date(2026, 3, 15)  # a Sunday, far from any real today

CODES = {
    DayState.DONE: "D",
    DayState.REST: "R",
    DayState.RECOVERY: "V",
    DayState.FROZEN: "F",
    DayState.MISSED: "M",
    DayState.PENDING: "P",
}


# --- builders ---------------------------------------------------------------------------------


def last_day(pattern: str, start: date = START) -> date:
    return day_after(start, len(pattern) - 1)


def track_pattern(
    pattern: str, *extra: Record, start: date = START, today: date | None = None, settings: Settings = SETTINGS
) -> StreakHistory:
    """The history of a pattern, judged on its last day unless `today` says otherwise."""
    return track(search_of(*plan(pattern, start), *extra, settings=settings), today or last_day(pattern, start))


def states(history: StreakHistory) -> str:
    return "".join(CODES[tracked.state] for tracked in history.days)


def streaks(history: StreakHistory) -> list[int]:
    return [tracked.streak for tracked in history.days]


def freezes(history: StreakHistory) -> list[int]:
    return [tracked.freezes for tracked in history.days]


def loop_score(values: list[float]) -> float:
    """Loop Habit Tracker's score after these daily values, from nothing."""
    score = 0.0
    for value in values:
        score = score * MOMENTUM_MULTIPLIER + value * (1 - MOMENTUM_MULTIPLIER)
    return score


# --- no history -------------------------------------------------------------------------------


def test_nothing_recorded_is_one_pending_today_and_no_streak() -> None:
    history = track(search_of(), TODAY)
    assert [(d.day, d.state) for d in history.days] == [(TODAY, DayState.PENDING)]
    assert (history.current, history.longest, history.momentum, history.freezes_held) == (0, 0, 0.0, 0)
    assert not history.is_fresh_start


def test_activities_after_today_are_ignored() -> None:
    history = track(search_of(activity(day_after(TODAY)), activity(day_after(TODAY, 3))), TODAY)
    assert states(history) == "P"
    assert history.current == 0


def test_the_history_starts_on_the_first_activity_day_and_ends_today() -> None:
    history = track_pattern("..D..D", today=day_after(START, 7))
    assert history.days[0].day == day_after(START, 2)
    assert history.days[-1].day == day_after(START, 7)
    assert history.today_entry.day == history.today == day_after(START, 7)


# --- DONE and points --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kind", "points"),
    [
        ("apply", 1.0),
        ("follow-up", 1.0),
        ("interview", 1.0),
        ("network", 1.0),
        ("learn", 0.5),
        ("prep", 0.5),
        ("reflect", 0.5),
        ("other", 0.5),
    ],
)
def test_default_points_per_kind(kind: str, points: float) -> None:
    history = track(search_of(activity(TODAY, kind)), TODAY)
    assert history.points_today == points
    assert history.today_state is (DayState.DONE if points >= 1 else DayState.PENDING)


def test_a_day_reaching_the_target_is_done_and_starts_a_streak() -> None:
    history = track_pattern("D")
    assert states(history) == "D"
    assert history.done_today
    assert (history.current, history.longest) == (1, 1)


@pytest.mark.parametrize(
    ("kinds", "words"),
    [
        ((), "0 of 1 point so far"),
        (("learn",), "0.5 of 1 point so far"),
        (("apply",), "done, 1 of 1 point"),
        (("apply",) * 8 + ("learn",), "done: 8.5 points today (target 1)"),
    ],
)
def test_today_in_words_puts_the_points_first_once_past_the_target(kinds: tuple[str, ...], words: str) -> None:
    """Past the target, '8.5 of 1 point' reads as if 8.5 were short of 1: say what was earned, then the target."""
    history = track(search_of(*(activity(TODAY, kind) for kind in kinds)), TODAY)
    assert describe_today(history) == words


def test_two_half_point_activities_on_one_day_add_up_to_done() -> None:
    day = START
    history = track(search_of(activity(day, "learn"), activity(day, "prep")), day)
    assert history.today_entry.points == 1.0
    assert history.today_state is DayState.DONE


def test_a_half_point_day_before_today_is_missed_but_keeps_its_points() -> None:
    history = track_pattern("hD")
    assert states(history) == "MD"
    assert history.days[0].points == 0.5
    assert history.current == 1


def test_several_activities_on_one_day_add_up_each_record_once() -> None:
    day = START
    history = track(search_of(activity(day, "apply"), activity(day, "network"), activity(day, "learn")), day)
    assert history.points_today == 2.5
    assert track(search_of(activity(day, "apply"), activity(day, "apply")), day).points_today == 2.0


def test_a_stage_change_alone_earns_no_points() -> None:
    """Only activities earn points; an application's history is not counted a second time."""
    history = track(search_of(rejected("Acme", TODAY), activity(TODAY - timedelta(days=9))), TODAY)
    assert history.points_today == 0.0


def test_a_higher_daily_target_needs_more_points() -> None:
    settings = with_settings(daily_target=2.0)
    one = track(search_of(activity(TODAY), settings=settings), TODAY)
    two = track(search_of(activity(TODAY), activity(TODAY, "learn"), activity(TODAY, "prep"), settings=settings), TODAY)
    assert one.today_state is DayState.PENDING
    assert two.today_state is DayState.DONE
    assert two.points_today == 2.0
    assert two.target == 2.0


def test_custom_points_from_settings_are_used() -> None:
    settings = with_settings(points={ActivityKind.LEARN: 1.0, ActivityKind.APPLY: 0.5})
    assert track(search_of(activity(TODAY, "learn"), settings=settings), TODAY).done_today
    assert not track(search_of(activity(TODAY, "apply"), settings=settings), TODAY).done_today


# --- MISSED and PENDING -----------------------------------------------------------------------


def test_a_day_with_nothing_before_today_is_missed_and_breaks_the_streak() -> None:
    history = track_pattern("DD.D")
    assert states(history) == "DDMD"
    assert streaks(history) == [1, 2, 0, 1]
    assert (history.current, history.longest) == (1, 2)


def test_today_with_nothing_yet_is_pending_not_missed() -> None:
    history = track_pattern("DD", today=day_after(START, 2))
    assert states(history) == "DDP"
    assert history.today_entry.points == 0.0


def test_today_with_half_a_point_is_still_pending() -> None:
    history = track_pattern("DDh")
    assert states(history) == "DDP"
    assert history.points_today == 0.5


def test_while_today_is_pending_the_current_streak_runs_from_yesterday() -> None:
    history = track_pattern("DDD", today=day_after(START, 3))
    assert history.today_state is DayState.PENDING
    assert history.current == 3
    assert history.today_entry.streak == 3


def test_once_today_is_done_it_counts_in_the_current_streak() -> None:
    assert track_pattern("DDDD").current == 4


def test_a_missed_yesterday_leaves_no_current_streak_but_the_longest_is_kept() -> None:
    history = track_pattern("DDD.", today=day_after(START, 4))
    assert states(history) == "DDDMP"
    assert (history.current, history.longest) == (0, 3)
    assert history.is_fresh_start


def test_the_longest_streak_is_remembered_across_a_long_gap() -> None:
    early = plan("D" * 10, start=date(2025, 3, 1))
    history = track(search_of(*early, *plan("DD", start=day_after(TODAY, -1))), TODAY)
    assert (history.current, history.longest) == (2, 10)


# --- REST -------------------------------------------------------------------------------------


def test_a_planned_rest_day_bridges_the_streak_without_adding_to_it() -> None:
    history = track_pattern("DDRD")
    assert states(history) == "DDRD"
    assert streaks(history) == [1, 2, 2, 3]
    assert history.current == 3


def test_a_rest_day_says_it_was_planned_and_carries_its_note() -> None:
    search = search_of(activity(START), rest(day_after(START), note="dentist"), activity(day_after(START, 2)))
    history = track(search, day_after(START, 2))
    assert history.days[1].state is DayState.REST
    assert history.days[1].why == "planned rest: dentist"
    assert track_pattern("DRD").days[1].why == "planned rest"


def test_a_rest_day_does_not_start_a_streak() -> None:
    history = track(search_of(activity(START, "learn"), rest(day_after(START))), day_after(START, 2))
    assert states(history) == "MRP"
    assert streaks(history) == [0, 0, 0]


def test_a_rest_day_after_a_break_does_not_revive_the_old_streak() -> None:
    history = track_pattern("DD.RD")
    assert states(history) == "DDMRD"
    assert streaks(history) == [1, 2, 0, 0, 1]


def test_a_third_rest_day_in_a_week_is_ignored_by_the_engine() -> None:
    # Monday to Thursday: rest on Tuesday, Wednesday and Thursday; only two are allowed.
    history = track_pattern("DRRRD")
    assert states(history) == "DRRMD"
    assert history.current == 1
    assert list(planned_rest_days(search_of(*plan("DRRRD")))) == [day_after(START, 1), day_after(START, 2)]


def test_the_earliest_rest_days_win_whatever_order_they_were_planned_in() -> None:
    tue, wed, thu = (day_after(START, n) for n in (1, 2, 3))
    # Thursday planned first, Tuesday last: still Tuesday and Wednesday are the ones honoured.
    planned = [
        rest(thu, created=STAMP),
        rest(wed, created=STAMP + timedelta(hours=1)),
        rest(tue, created=STAMP + timedelta(hours=2)),
    ]
    search = search_of(activity(START), *planned, activity(day_after(START, 4)))
    assert sorted(planned_rest_days(search)) == [tue, wed]
    assert states(track(search, day_after(START, 4))) == "DRRMD"


def test_the_rest_allowance_is_per_iso_week() -> None:
    # Two rest days at the end of one week (Sat, Sun) and two at the start of the next (Mon, Tue).
    history = track_pattern("DDDDDRRRRD")
    assert states(history) == "DDDDDRRRRD"
    assert history.current == 6


def test_rest_days_left_counts_down_within_the_week() -> None:
    monday = START
    assert rest_days_left(search_of(), monday) == 2
    one = search_of(rest(day_after(monday, 2)))
    assert rest_days_left(one, monday) == 1
    assert rest_days_left(one, day_after(monday, 6)) == 1  # the Sunday of the same week
    assert rest_days_left(one, day_after(monday, 7)) == 2  # the next Monday: a new week
    three = search_of(*(rest(day_after(monday, n)) for n in (1, 3, 5)))
    assert rest_days_left(three, monday) == 0


def test_no_rest_days_allowed_means_planned_ones_are_missed() -> None:
    history = track_pattern("DRD", settings=with_settings(rest_days_per_week=0))
    assert states(history) == "DMD"
    assert rest_days_left(search_of(*plan("DRD"), settings=with_settings(rest_days_per_week=0)), START) == 0


def test_a_rest_day_on_today_is_rest_not_pending() -> None:
    history = track_pattern("DDR")
    assert history.today_state is DayState.REST
    assert history.current == 2


# --- RECOVERY ---------------------------------------------------------------------------------


def test_a_rejection_gives_its_day_and_the_next_two_as_recovery() -> None:
    no = day_after(START, 1)
    history = track(search_of(*plan("D....D"), rejected("Acme", no)), day_after(START, 5))
    assert states(history) == "DVVVMD"
    assert history.days[1].why == "recovering from the no from Acme"
    assert streaks(history) == [1, 1, 1, 1, 0, 1]


def test_recovery_bridges_a_streak_when_the_window_covers_the_gap() -> None:
    history = track(search_of(*plan("DD...D"), rejected("Acme", day_after(START, 2))), day_after(START, 5))
    assert states(history) == "DDVVVD"
    assert history.current == 3


def test_recovery_does_not_start_a_streak() -> None:
    history = track(search_of(activity(START, "learn"), rejected("Acme", day_after(START, 1))), day_after(START, 2))
    assert states(history) == "MVV"
    assert history.current == 0


def test_a_done_day_in_the_recovery_window_stays_done() -> None:
    history = track(search_of(*plan("DDD"), rejected("Acme", START)), day_after(START, 2))
    assert states(history) == "DDD"
    assert history.current == 3


def test_the_recovery_length_comes_from_settings() -> None:
    search = search_of(*plan("D...D"), rejected("Acme", day_after(START, 1)), settings=with_settings(recovery_days=0))
    assert states(track(search, day_after(START, 4))) == "DVMMD"


def test_recovery_is_not_taken_from_the_rest_budget() -> None:
    # Rejected on Monday; two rest days later the same week are still honoured.
    search = search_of(*plan("D...RRD", start=START), rejected("Acme", day_after(START, 1)))
    assert rest_days_left(search, START) == 0
    assert states(track(search, day_after(START, 6))) == "DVVVRRD"


def test_a_rejection_recorded_today_makes_today_recovery_not_pending() -> None:
    history = track(search_of(*plan("DD"), rejected("Acme", day_after(START, 2))), day_after(START, 2))
    assert history.today_state is DayState.RECOVERY
    assert history.current == 2


# --- FROZEN -----------------------------------------------------------------------------------


def test_seven_done_days_earn_one_freeze() -> None:
    history = track_pattern("D" * 7)
    assert freezes(history) == [0, 0, 0, 0, 0, 0, 1]
    assert history.freezes_held == 1
    assert FREEZE_EVERY == 7


def test_freezes_are_held_at_most_two() -> None:
    history = track_pattern("D" * 30)
    assert history.days[13].freezes == 2  # the 14th day
    assert history.freezes_held == MAX_FREEZES == 2
    assert max(freezes(history)) == 2


def test_a_freeze_is_spent_on_a_day_that_would_break_the_streak() -> None:
    history = track_pattern("DDDDDDD.D")
    assert states(history) == "DDDDDDDFD"
    frozen = history.days[7]
    assert (frozen.streak, frozen.freezes, frozen.points) == (7, 0, 0.0)
    assert frozen.why == "a freeze kept the streak alive"
    assert history.current == 8


def test_six_done_days_hold_no_freeze_so_a_gap_is_missed() -> None:
    assert states(track_pattern("DDDDDD.D")) == "DDDDDDMD"


def test_two_freezes_cover_two_days_and_the_third_is_missed() -> None:
    history = track_pattern("D" * 14 + "...D")
    assert states(history)[14:] == "FFMD"
    assert freezes(history)[13:17] == [2, 1, 0, 0]
    assert (history.current, history.longest) == (1, 14)


def test_progress_toward_a_third_freeze_is_kept_while_two_are_held() -> None:
    # 21 DONE days: two held and the third complete, granted the moment one is spent.
    history = track_pattern("D" * 21 + ".D")
    assert history.days[20].freezes == 2
    assert history.days[21].state is DayState.FROZEN
    assert history.days[21].freezes == 2
    # So 21 DONE days bridge three empty days in a row before a fourth is missed.
    assert states(track_pattern("D" * 21 + "....D"))[21:] == "FFFMD"


def test_partial_progress_while_holding_two_is_kept_after_spending_one() -> None:
    # 20 DONE days: two held plus six of the next seven. Spend one, then one more DONE day makes two again.
    history = track_pattern("D" * 20 + ".D")
    assert freezes(history)[19:] == [2, 1, 2]


def test_progress_past_the_cap_is_not_banked_forever() -> None:
    # 40 DONE days earn no more than 28 would: two held and one waiting, three days bridged in all.
    assert states(track_pattern("D" * 40 + "....D"))[40:] == "FFFMD"


def test_rest_and_recovery_days_do_not_count_toward_a_freeze() -> None:
    history = track_pattern("DDDRDDD")
    assert history.freezes_held == 0
    assert track_pattern("DDDRDDDD").freezes_held == 1


def test_a_missed_day_starts_freeze_progress_over() -> None:
    history = track_pattern("DDDDD.DDDDDD")  # 5, a break, then 6: eleven DONE days, no freeze
    assert "F" not in states(history)
    assert history.freezes_held == 0
    assert track_pattern("DDDDD.DDDDDDD").freezes_held == 1


def test_progress_restarts_after_a_freeze_is_spent() -> None:
    history = track_pattern("D" * 7 + "." + "D" * 7)
    assert freezes(history)[6:] == [1, 0, 0, 0, 0, 0, 0, 0, 1]


def test_today_is_never_frozen_while_it_can_still_be_done() -> None:
    history = track_pattern("D" * 7, today=day_after(START, 7))
    assert history.today_state is DayState.PENDING
    assert history.freezes_held == 1


# --- precedence: DONE > REST > RECOVERY > date line > PENDING > FROZEN > MISSED ----------------


def test_done_beats_a_planned_rest_day() -> None:
    day = day_after(START, 1)
    history = track(search_of(*plan("DDD"), rest(day)), day_after(START, 2))
    assert states(history) == "DDD"
    assert history.current == 3


def test_rest_beats_recovery() -> None:
    day = day_after(START, 1)
    history = track(search_of(*plan("D.D"), rest(day), rejected("Acme", day)), day_after(START, 2))
    assert history.days[1].state is DayState.REST
    assert history.days[1].why == "planned rest"


def test_recovery_beats_a_date_line_day() -> None:
    history = track(
        search_of(
            logged(datetime(2025, 1, 1, 22, 0, tzinfo=ZoneInfo("America/Los_Angeles"))),
            logged(datetime(2025, 1, 3, 9, 0, tzinfo=ZoneInfo("Asia/Tokyo"))),
            rejected("Acme", date(2025, 1, 2)),
        ),
        date(2025, 1, 3),
        "Asia/Tokyo",
    )
    assert states(history) == "DVD"


def test_a_date_line_day_beats_spending_a_freeze() -> None:
    la, tokyo = ZoneInfo("America/Los_Angeles"), ZoneInfo("Asia/Tokyo")
    week = [logged(datetime(2024, 12, 26, 12, 0, tzinfo=la) + timedelta(days=n)) for n in range(7)]  # to Jan 1
    history = track(search_of(*week, logged(datetime(2025, 1, 3, 9, 0, tzinfo=tokyo))), date(2025, 1, 3))
    assert states(history) == "DDDDDDDRD"
    assert history.freezes_held == 1
    assert history.current == 8


@pytest.mark.parametrize(("mark", "state"), [("R", DayState.REST), ("V", DayState.RECOVERY)])
def test_rest_and_recovery_beat_pending_today(mark: str, state: DayState) -> None:
    extra: list[Record] = [rest(TODAY)] if mark == "R" else [rejected("Acme", TODAY)]
    history = track(search_of(activity(TODAY - timedelta(days=1)), *extra), TODAY)
    assert history.today_state is state


def test_pending_beats_frozen_today() -> None:
    history = track_pattern("D" * 14, today=day_after(START, 14))
    assert history.today_state is DayState.PENDING
    assert history.today_entry.freezes == 2


def test_frozen_beats_missed() -> None:
    assert track_pattern("D" * 7 + ".D").days[7].state is DayState.FROZEN


def test_a_rest_day_is_spent_before_a_freeze() -> None:
    history = track_pattern("D" * 7 + "R.D")
    assert states(history) == "DDDDDDDRFD"


# --- momentum (Loop Habit Tracker) ------------------------------------------------------------

# Loop's own test figures (ScoreListTest.test_getAll) for 20 consecutive check-ins, from the first
# day to the last. Loop's figures are truncated, so compare within 1e-6.
# fmt: off
LOOP_TWENTY_DAYS = [
    0.051922, 0.101149, 0.147820, 0.192067, 0.234017, 0.273788, 0.311495, 0.347244, 0.381137,
    0.413270, 0.443734, 0.472617, 0.500000, 0.525961, 0.550574, 0.573910, 0.596033, 0.617008,
    0.636894, 0.655747,
]
# fmt: on


def test_the_multiplier_is_a_thirteen_day_half_life() -> None:
    assert pytest.approx(0.5) == MOMENTUM_MULTIPLIER**13


def test_twenty_full_days_from_nothing_give_loops_figure() -> None:
    assert track_pattern("D" * 20).momentum == pytest.approx(0.655747, abs=1e-6)


def test_momentum_on_each_of_twenty_days_matches_loop_habit_tracker() -> None:
    search = search_of(*plan("D" * 20))
    scores = [track(search, day_after(START, n)).momentum for n in range(20)]
    assert scores == pytest.approx(LOOP_TWENTY_DAYS, abs=1e-6)


def test_a_perfect_thirty_day_month_is_about_eighty_percent() -> None:
    assert track_pattern("D" * 30).momentum == pytest.approx(0.80, abs=0.005)


def test_momentum_starts_from_nothing_on_the_first_activity_day() -> None:
    history = track_pattern("D")
    assert history.momentum == pytest.approx(1 - MOMENTUM_MULTIPLIER)


def test_a_pending_today_leaves_momentum_through_yesterday() -> None:
    pending = track_pattern("D" * 20, today=day_after(START, 20))
    half_done = track_pattern("D" * 20 + "h")
    assert pending.today_state is half_done.today_state is DayState.PENDING
    assert pending.momentum == pytest.approx(0.655747, abs=1e-6)
    assert half_done.momentum == pending.momentum


def test_once_today_is_done_momentum_includes_it() -> None:
    assert track_pattern("D" * 21).momentum == pytest.approx(loop_score([1.0] * 21))
    assert track_pattern("D" * 21).momentum > track_pattern("D" * 20, today=day_after(START, 20)).momentum


def test_a_partial_day_counts_its_share_of_the_target() -> None:
    history = track_pattern("hD")  # Monday half a point (missed), Tuesday done
    assert history.momentum == pytest.approx(loop_score([0.5, 1.0]))


def test_more_than_the_target_counts_as_one_full_day() -> None:
    search = search_of(activity(START), activity(START, "network"), activity(START, "interview"))
    assert track(search, START).momentum == pytest.approx(loop_score([1.0]))


def test_rest_days_leave_momentum_unchanged() -> None:
    assert track_pattern("DDRD").momentum == pytest.approx(loop_score([1.0] * 3))


def test_frozen_days_leave_momentum_unchanged() -> None:
    history = track_pattern("D" * 7 + ".D")
    assert history.days[7].state is DayState.FROZEN
    assert history.momentum == pytest.approx(loop_score([1.0] * 8))


def test_recovery_days_leave_momentum_unchanged() -> None:
    history = track(search_of(*plan("D...D"), rejected("Acme", day_after(START, 1))), day_after(START, 4))
    assert states(history) == "DVVVD"
    assert history.momentum == pytest.approx(loop_score([1.0, 1.0]))


def test_a_missed_day_lowers_momentum_but_by_less_than_six_points() -> None:
    # Thirty DONE days bank three freezes: the fourth empty day is the first one missed.
    before = track_pattern("D" * 30 + "...", today=day_after(START, 33))  # today pending
    after = track_pattern("D" * 30 + "...", today=day_after(START, 34))  # day 34 missed
    assert states(after)[30:] == "FFFMP"
    assert 0 < before.momentum - after.momentum < 0.06


def test_a_fresh_start_after_a_break_keeps_the_longest_streak_and_the_momentum() -> None:
    # Ten DONE days hold one freeze: the first empty day is frozen, the second breaks the streak.
    history = track_pattern("D" * 10 + "..", today=day_after(START, 12))
    assert states(history)[10:] == "FMP"
    assert history.is_fresh_start
    assert (history.current, history.longest) == (0, 10)
    assert history.momentum == pytest.approx(loop_score([1.0] * 10 + [0.0]))
    assert history.momentum > 0.9 * track_pattern("D" * 10).momentum
    restarted = track_pattern("D" * 10 + "..D")
    assert (restarted.current, restarted.longest) == (1, 10)
    assert not restarted.is_fresh_start
    assert restarted.momentum > history.momentum


# --- time: the stored logical day -------------------------------------------------------------


def test_just_after_spring_forward_counts_for_the_night_before() -> None:
    evening = logged(datetime(2024, 3, 9, 20, 0, tzinfo=NEW_YORK))
    after_jump = logged(datetime(2024, 3, 10, 3, 30, tzinfo=NEW_YORK))  # 03:30 EDT, an hour after 02:00 EST
    assert after_jump.logical_day == date(2024, 3, 9)
    history = track(search_of(evening, after_jump), date(2024, 3, 10))
    assert states(history) == "DP"
    assert history.days[0].points == 2.0


@pytest.mark.parametrize("fold", [0, 1])
def test_both_repeated_autumn_half_past_ones_count_for_the_night_before(fold: int) -> None:
    late = logged(datetime(2024, 11, 3, 1, 30, fold=fold, tzinfo=NEW_YORK))
    assert late.logical_day == date(2024, 11, 2)
    history = track(search_of(late), date(2024, 11, 3))
    assert [(d.day, d.state) for d in history.days] == [
        (date(2024, 11, 2), DayState.DONE),
        (date(2024, 11, 3), DayState.PENDING),
    ]


def test_both_repeated_autumn_hours_land_on_one_day() -> None:
    first = logged(datetime(2024, 11, 3, 1, 30, tzinfo=NEW_YORK))
    second = logged(datetime(2024, 11, 3, 1, 30, fold=1, tzinfo=NEW_YORK))
    history = track(search_of(first, second), date(2024, 11, 3))
    assert history.days[0].points == 2.0


def test_the_rollover_hour_splits_the_small_hours() -> None:
    before = logged(datetime(2026, 3, 10, 3, 59, tzinfo=NEW_YORK))
    on_the_hour = logged(datetime(2026, 3, 10, 4, 0, tzinfo=NEW_YORK))
    assert (before.logical_day, on_the_hour.logical_day) == (date(2026, 3, 9), date(2026, 3, 10))
    history = track(search_of(before, on_the_hour), date(2026, 3, 10))
    assert states(history) == "DD"
    assert history.current == 2


def test_changing_the_time_zone_setting_later_moves_no_stored_day() -> None:
    # 23:30 in New York is already the next day in Tokyo: recomputing would move these days.
    nights = [logged(datetime(2026, 3, 2 + n, 23, 30, tzinfo=NEW_YORK)) for n in range(3)]

    def judged_with(**changes: object) -> StreakHistory:
        return track(search_of(*nights, settings=with_settings(**changes)), date(2026, 3, 4))

    new_york = judged_with(timezone="America/New_York")
    tokyo = judged_with(timezone="Asia/Tokyo")
    midnight = judged_with(timezone="Asia/Tokyo", rollover_hour=0)
    assert new_york == tokyo == midnight
    assert [d.day for d in new_york.days] == [date(2026, 3, 2), date(2026, 3, 3), date(2026, 3, 4)]
    assert states(new_york) == "DDD"


def test_the_stored_day_is_used_even_when_it_disagrees_with_the_timestamp() -> None:
    # Logged at 01:00 UTC on the 5th but fixed on the 3rd (e.g. backfilled): the day stored wins.
    backfilled = activity(date(2026, 3, 3), at=datetime(2026, 3, 5, 1, 0, tzinfo=UTC))
    history = track(search_of(backfilled), date(2026, 3, 5))
    assert states(history) == "DMP"


# --- the date line ----------------------------------------------------------------------------

LOS_ANGELES = ZoneInfo("America/Los_Angeles")
TOKYO = ZoneInfo("Asia/Tokyo")


def test_flying_west_over_the_date_line_skips_a_day_without_a_miss() -> None:
    evening_in_la = logged(datetime(2025, 1, 1, 22, 0, tzinfo=LOS_ANGELES))
    morning_in_tokyo = logged(datetime(2025, 1, 3, 9, 0, tzinfo=TOKYO))
    assert (evening_in_la.logical_day, morning_in_tokyo.logical_day) == (date(2025, 1, 1), date(2025, 1, 3))
    history = track(search_of(evening_in_la, morning_in_tokyo), date(2025, 1, 3), "Asia/Tokyo")
    assert states(history) == "DRD"
    skipped = history.days[1]
    assert skipped.day == date(2025, 1, 2)
    assert "date line" in skipped.why
    assert skipped.streak == 1
    assert history.current == 2


def test_a_date_line_day_uses_none_of_the_rest_allowance() -> None:
    search = search_of(
        logged(datetime(2025, 1, 1, 22, 0, tzinfo=LOS_ANGELES)), logged(datetime(2025, 1, 3, 9, 0, tzinfo=TOKYO))
    )
    assert rest_days_left(search, date(2025, 1, 2)) == 2


def test_a_gap_in_one_zone_is_still_a_miss() -> None:
    search = search_of(
        logged(datetime(2025, 1, 1, 22, 0, tzinfo=LOS_ANGELES)), logged(datetime(2025, 1, 3, 9, 0, tzinfo=LOS_ANGELES))
    )
    history = track(search, date(2025, 1, 3), "America/Los_Angeles")
    assert states(history) == "DMD"
    assert history.current == 1


def test_flying_east_skips_nothing() -> None:
    # Tokyo evening to Los Angeles: the same calendar day lived twice, one DONE day with both activities.
    evening_in_tokyo = logged(datetime(2025, 1, 3, 20, 0, tzinfo=TOKYO))
    afternoon_in_la = logged(datetime(2025, 1, 3, 14, 0, tzinfo=LOS_ANGELES))
    history = track(search_of(evening_in_tokyo, afternoon_in_la), date(2025, 1, 3), "America/Los_Angeles")
    assert states(history) == "D"
    assert history.points_today == 2.0


def test_flying_east_after_a_day_off_still_counts_the_miss() -> None:
    search = search_of(
        logged(datetime(2025, 1, 1, 22, 0, tzinfo=TOKYO)), logged(datetime(2025, 1, 3, 9, 0, tzinfo=LOS_ANGELES))
    )
    assert states(track(search, date(2025, 1, 3), "America/Los_Angeles")) == "DMD"


def test_a_date_line_day_before_a_pending_today_is_not_missed() -> None:
    search = search_of(logged(datetime(2025, 1, 1, 22, 0, tzinfo=LOS_ANGELES)))
    history = track(search, date(2025, 1, 3), "Asia/Tokyo")
    assert states(history) == "DRP"
    assert "date line" in history.days[1].why
    assert history.current == 1


def test_without_the_flight_the_same_trailing_gap_is_a_miss() -> None:
    search = search_of(logged(datetime(2025, 1, 1, 22, 0, tzinfo=LOS_ANGELES)))
    history = track(search, date(2025, 1, 3), "America/Los_Angeles")
    assert states(history) == "DMP"
    assert history.current == 0


def test_only_the_days_the_flight_skipped_are_excused() -> None:
    # A day missed in Los Angeles, then the flight: one of the two empty days is still a miss.
    search = search_of(
        logged(datetime(2025, 1, 1, 22, 0, tzinfo=LOS_ANGELES)), logged(datetime(2025, 1, 4, 9, 0, tzinfo=TOKYO))
    )
    history = track(search, date(2025, 1, 4), "Asia/Tokyo")
    assert states(history) in ("DRMD", "DMRD")
    assert history.current == 1


# --- backfilling ------------------------------------------------------------------------------


def test_backfilling_a_missed_day_recomputes_the_streak() -> None:
    before = track_pattern("DD.DD")
    after = track(search_of(*plan("DD.DD"), activity(day_after(START, 2))), day_after(START, 4))
    assert (before.current, before.longest) == (2, 2)
    assert states(after) == "DDDDD"
    assert (after.current, after.longest) == (5, 5)
    assert after.momentum > before.momentum


def test_backfilling_before_the_first_activity_moves_the_start() -> None:
    before = track_pattern("DD")
    earlier = activity(START - timedelta(days=1))
    after = track(search_of(*plan("DD"), earlier), day_after(START, 1))
    assert after.days[0].day == START - timedelta(days=1)
    assert after.current == 3
    assert before.current == 2


def test_backfilling_earns_a_freeze_that_saves_a_later_day() -> None:
    pattern = "DDDDDD..D"  # six days, two gaps: no freeze, the streak breaks
    before = track_pattern(pattern)
    after = track(search_of(*plan(pattern), activity(START - timedelta(days=1))), last_day(pattern))
    assert states(before) == "DDDDDDMMD"
    assert states(after) == "DDDDDDDFMD"


# --- the same answer whatever the order, and never a crash on an odd zone ---------------------


def test_the_history_does_not_depend_on_the_order_of_applications() -> None:
    acme, beta = rejected("Acme", day_after(START, 1)), rejected("Beta", day_after(START, 2))
    records = plan("D")
    one = track(search_of(*records, acme, beta), day_after(START, 4))
    other = track(search_of(*records, beta, acme), day_after(START, 4))
    assert one == other


def test_an_activity_in_an_unreadable_zone_never_crashes_tracking() -> None:
    odd = activity(day_after(START, 2)).model_copy(update={"timezone": "America"})
    history = track(search_of(activity(START), odd), day_after(START, 2))
    assert states(history) == "DMD"


def test_changing_the_rollover_hour_never_changes_a_date_line_judgement() -> None:
    la, kabul = ZoneInfo("America/Los_Angeles"), ZoneInfo("Asia/Kabul")
    search = search_of(
        activity(date(2024, 3, 9), zone=la.key, at=datetime(2024, 3, 9, 12, 0, tzinfo=la)),
        activity(date(2024, 3, 11), zone=kabul.key, at=datetime(2024, 3, 11, 12, 0, tzinfo=kabul)),
    )
    four = track(search, date(2024, 3, 11), kabul.key)
    midnight = dataclasses.replace(search, settings=with_settings(rollover_hour=0))
    assert track(midnight, date(2024, 3, 11), kabul.key) == four


def test_an_unknown_zone_name_is_tolerated() -> None:
    odd = activity(day_after(START, 2)).model_copy(update={"timezone": "Mars/Olympus_Mons"})
    history = track(search_of(activity(START), odd), day_after(START, 2))
    assert states(history) == "DMD"


# --- properties -------------------------------------------------------------------------------

PROPERTY = settings(max_examples=200, deadline=None)

SPAN = 42  # days in which generated records fall
FIRST = date(2026, 1, 5)  # a Monday
KINDS = list(ActivityKind)
ZONES = ["UTC", "America/Los_Angeles", "America/New_York", "Asia/Tokyo", "Pacific/Auckland"]


@st.composite
def searches(draw: st.DrawFn, zones: list[str] | None = None) -> JobSearch:
    """Runs of daily activities (long enough to earn freezes), rest days and rejections near FIRST.

    With one zone (the default), every activity is logged in UTC: the date-line rule stays out of it.
    """
    zones = zones or ["UTC"]
    runs = draw(
        st.lists(
            st.tuples(
                st.integers(0, SPAN - 1),  # first day
                st.integers(1, 16),  # days in a row
                st.sampled_from(KINDS),
                st.sampled_from(zones),
                st.integers(4, 23),  # local hour
            ),
            max_size=6,
        )
    )
    activities = []
    for start, length, kind, zone, hour in runs:
        for offset in range(start, min(start + length, SPAN)):
            day = day_after(FIRST, offset)
            at = datetime.combine(day, time(hour), ZoneInfo(zone))
            activities.append(activity(day, kind.value, zone=zone, at=at, number=len(activities) + 1))
    rest_offsets = draw(st.sets(st.integers(0, SPAN - 1), max_size=10))
    rest_days = tuple(rest(day_after(FIRST, offset)) for offset in sorted(rest_offsets))
    rejection_offsets = draw(st.lists(st.integers(0, SPAN - 1), max_size=3))
    applications = tuple(rejected(f"Company {n}", day_after(FIRST, o)) for n, o in enumerate(rejection_offsets))
    settings_ = draw(
        st.sampled_from(
            [SETTINGS, with_settings(recovery_days=0, rest_days_per_week=1), with_settings(daily_target=1.5)]
        )
    )
    return JobSearch(settings=settings_, applications=applications, activities=tuple(activities), rest_days=rest_days)


todays = st.integers(0, SPAN + 7).map(lambda offset: day_after(FIRST, offset))


def check_structure(history: StreakHistory) -> None:
    """The invariants every history keeps (see the properties below)."""
    days = history.days
    assert days[-1].day == history.today
    for earlier, later in pairwise(days):
        assert later.day == earlier.day + timedelta(days=1)
    assert history.today_state not in (DayState.MISSED, DayState.FROZEN)
    assert all(tracked.state is not DayState.PENDING for tracked in days[:-1])

    previous_streak, previous_freezes = 0, 0
    for tracked in days:
        if tracked.state is DayState.DONE:
            assert tracked.streak == previous_streak + 1
        elif tracked.state is DayState.MISSED:
            assert tracked.streak == 0
        else:  # REST, RECOVERY, FROZEN and a pending today bridge: they neither start nor end a streak
            assert tracked.streak == previous_streak
        if tracked.streak > 0 and previous_streak == 0:
            assert tracked.state is DayState.DONE  # a streak's first day is DONE
        if tracked.state is DayState.FROZEN:
            assert previous_freezes >= 1 and previous_streak > 0
        assert 0 <= tracked.freezes <= MAX_FREEZES
        previous_streak, previous_freezes = tracked.streak, tracked.freezes

    # A streak's last counted day is DONE: each run of positive streaks ends at its last DONE day's count.
    run_done = 0
    for tracked in days:
        run_done = run_done + 1 if tracked.state is DayState.DONE else 0 if tracked.streak == 0 else run_done
        assert tracked.streak == run_done

    assert history.current == days[-1].streak
    assert history.longest == max(tracked.streak for tracked in days)
    assert history.longest >= history.current
    assert history.freezes_held == days[-1].freezes
    assert 0.0 <= history.momentum <= 1.0


@PROPERTY
@given(search=searches(ZONES), today=todays, zone_now=st.sampled_from(ZONES))
def test_every_history_keeps_its_invariants(search: JobSearch, today: date, zone_now: str) -> None:
    history = track(search, today, zone_now)
    check_structure(history)
    if search.activities and min(a.logical_day for a in search.activities) <= today:
        assert history.days[0].day == min(a.logical_day for a in search.activities)


@PROPERTY
@given(search=searches(), today=todays)
def test_each_state_has_its_reason(search: JobSearch, today: date) -> None:
    history = track(search, today)
    planned = planned_rest_days(search)
    rejections = {
        change.day
        for application in search.applications
        for change in application.stage_history
        if change.stage is Stage.REJECTED
    }
    window = search.settings.recovery_days
    for tracked in history.days:
        assert (tracked.state is DayState.DONE) == (tracked.points >= search.settings.daily_target)
        if tracked.state is DayState.REST:
            assert tracked.day in planned  # one zone: never the date line
        if tracked.state is DayState.RECOVERY:
            assert any(0 <= (tracked.day - day).days <= window for day in rejections)


@PROPERTY
@given(search=searches(ZONES), today=todays, zone_now=st.sampled_from(ZONES), data=st.data())
def test_the_order_of_activities_and_rest_days_does_not_matter(
    search: JobSearch, today: date, zone_now: str, data: st.DataObject
) -> None:
    shuffled = dataclasses.replace(
        search,
        activities=tuple(data.draw(st.permutations(search.activities), label="activities")),
        rest_days=tuple(data.draw(st.permutations(search.rest_days), label="rest days")),
    )
    original = track(search, today, zone_now)
    assert track(shuffled, today, zone_now) == original
    assert earned_rewards(shuffled, track(shuffled, today, zone_now)) == earned_rewards(search, original)


@PROPERTY
@given(search=searches(ZONES), today=todays, zone_now=st.sampled_from(ZONES), data=st.data())
def test_deleting_an_activity_equals_never_logging_it(
    search: JobSearch, today: date, zone_now: str, data: st.DataObject
) -> None:
    if not search.activities:
        return
    gone = data.draw(st.integers(0, len(search.activities) - 1), label="deleted")
    kept = search.activities[:gone] + search.activities[gone + 1 :]
    search.activities_by_day  # noqa: B018 - fill the cache a stale copy could leak
    deleted = dataclasses.replace(search, activities=kept)
    never_logged = JobSearch(search.settings, search.applications, kept, search.reflections, search.rest_days)
    assert track(deleted, today, zone_now) == track(never_logged, today, zone_now)
    assert earned_rewards(deleted, track(deleted, today, zone_now)) == earned_rewards(
        never_logged, track(never_logged, today, zone_now)
    )


@PROPERTY
@given(search=searches(), today=todays, data=st.data())
def test_adding_a_done_day_never_lowers_the_current_streak(search: JobSearch, today: date, data: st.DataObject) -> None:
    offset = data.draw(st.integers(-3, (today - FIRST).days), label="day offset")
    day = day_after(FIRST, offset)
    worth = [activity(day, "apply", number=1000), activity(day, "network", number=1001)]  # 2 points >= any target
    more = dataclasses.replace(search, activities=(*search.activities, *worth))
    before, after = track(search, today), track(more, today)
    assert after.on(day) is not None and after.on(day).state is DayState.DONE
    assert after.current >= before.current
    assert after.longest >= before.longest


@PROPERTY
@given(search=searches(), today=todays)
def test_momentum_moves_only_on_done_and_missed_days_and_stays_within_0_and_1(search: JobSearch, today: date) -> None:
    history = track(search, today)
    assert 0.0 <= history.momentum <= 1.0
    counted = [
        min(1.0, tracked.points / history.target)
        for tracked in history.days
        if tracked.state in (DayState.DONE, DayState.MISSED)
    ]
    assert history.momentum == pytest.approx(loop_score(counted), abs=1e-12)


@PROPERTY
@given(
    search=searches(ZONES),
    today=todays,
    zone_now=st.sampled_from(ZONES),
    hours=st.integers(0, 12),
    zone=st.sampled_from(ZONES),
)
def test_the_time_zone_and_rollover_settings_move_no_stored_day(
    search: JobSearch, today: date, zone_now: str, hours: int, zone: str
) -> None:
    moved = dataclasses.replace(
        search, settings=search.settings.model_copy(update={"timezone": zone, "rollover_hour": hours})
    )
    assert track(moved, today, zone_now) == track(search, today, zone_now)


@PROPERTY
@given(search=searches(), today=todays)
def test_in_one_zone_no_day_is_put_down_to_the_date_line(search: JobSearch, today: date) -> None:
    history = track(search, today, "UTC")
    assert not any("date line" in tracked.why for tracked in history.days)


def test_rest_days_ahead_are_carried_for_the_calendar_within_their_weeks_allowance() -> None:
    today = date(2026, 3, 11)  # a Wednesday
    ahead = [rest(date(2026, 3, 12)), rest(date(2026, 3, 13)), rest(date(2026, 3, 14)), rest(date(2026, 3, 16))]
    history = track(search_of(activity(today), rest(date(2026, 3, 9)), *ahead), today)
    # Monday the 9th used one of the week's two: of Thu, Fri and Sat only Thu fits; the 16th is a new week.
    assert history.rest_ahead == {date(2026, 3, 12), date(2026, 3, 16)}
