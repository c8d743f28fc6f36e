"""Insights: the funnel, replies and how long they take, where applications end, breakdowns, and weeks of activity."""

from __future__ import annotations

from datetime import date, timedelta
from itertools import pairwise

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.support.insight_records import (
    SETTINGS,
    STAMP,
    TODAY,
    activity,
    application,
    d,
    interview,
    realistic_search,
    search_of,
)
from tui.core.insights import (
    SMALL,
    Breakdown,
    EndRow,
    Insights,
    Share,
    WeekActivity,
    build_insights,
    role_keywords,
)
from tui.core.models import (
    ActivityKind,
    ApplicationKind,
    Record,
    Settings,
    Stage,
)
from tui.core.rewards import week_start
from tui.core.search import JobSearch


@pytest.fixture
def insights() -> Insights:
    return build_insights(realistic_search(), TODAY, weeks=4)


# Share: small numbers said plainly


@pytest.mark.parametrize(
    ("share", "said"),
    [
        (Share(0, 0), "none yet"),
        (Share(3, 4), "3 of 4"),
        (Share(0, 5), "0 of 5"),
        (Share(SMALL - 1, SMALL - 1), "19 of 19"),
        (Share(10, SMALL), "50% (10 of 20)"),
        (Share(21, 50), "42% (21 of 50)"),
        (Share(50, 50), "100% (50 of 50)"),
        (Share(1, 300), "<1% (1 of 300)"),
        (Share(299, 300), ">99% (299 of 300)"),
    ],
)
def test_a_share_is_a_percentage_only_from_twenty_up(share: Share, said: str) -> None:
    assert str(share) == said


def test_a_share_of_nothing_has_no_rate() -> None:
    assert Share(0, 0).rate is None
    assert Share(21, 50).rate == pytest.approx(0.42)


# The realistic search, field by field


def test_sent_saved_and_pending_are_counted_apart(insights: Insights) -> None:
    assert insights.today == TODAY
    assert insights.applied == 7
    assert insights.saved == 1
    assert insights.pending == 2  # Bluebird's offer and Atlas, still waiting


def test_the_funnel_narrows_from_applied_to_accepted(insights: Insights) -> None:
    rows = [(s.label, s.count, str(s.of_applied), str(s.of_previous)) for s in insights.funnel]
    assert rows == [
        ("Applied", 7, "7 of 7", "7 of 7"),
        ("Any reply", 5, "5 of 7", "5 of 7"),
        ("Interview", 3, "3 of 7", "3 of 5"),
        ("Offer", 2, "2 of 7", "2 of 3"),
        ("Accepted", 1, "1 of 7", "1 of 2"),
    ]
    assert insights.response == Share(5, 7)


def test_the_median_reply_skips_undated_moves(insights: Insights) -> None:
    # Quill 4 days, Northwind 10, Bluebird 7, Evergreen 2; Cobalt's screen was imported without a day.
    assert insights.median_days_to_reply == 5.5
    assert insights.replies_timed == 4


def test_endings_are_grouped_by_how_far_each_got(insights: Insights) -> None:
    assert insights.endings == (
        EndRow(Stage.APPLIED, rejected=1, ghosted=1, withdrawn=0),
        EndRow(Stage.SCREENING, rejected=0, ghosted=0, withdrawn=1),
        EndRow(Stage.INTERVIEWING, rejected=1, ghosted=0, withdrawn=0),
    )
    assert insights.rejections == 2


def test_interviews_held_count_and_not_the_one_booked_for_next_week(insights: Insights) -> None:
    assert insights.interviews == 3
    assert insights.interviews_per_10 == pytest.approx(30 / 7)


def test_sources_group_whatever_the_case_and_show_the_usual_spelling(insights: Insights) -> None:
    assert insights.by_source == (
        Breakdown("LinkedIn", applied=3, replies=2, interviews=1, offers=0, rejections=2, ghosted=0),
        Breakdown("Referral", applied=2, replies=2, interviews=2, offers=2, rejections=0, ghosted=0),
        Breakdown("Company site", applied=1, replies=1, interviews=0, offers=0, rejections=0, ghosted=0),
        Breakdown("no source", applied=1, replies=0, interviews=0, offers=0, rejections=0, ghosted=1),
    )
    linkedin = insights.by_source[0]
    assert (str(linkedin.response), str(linkedin.interview_rate), str(linkedin.rejection_rate)) == (
        "2 of 3",
        "1 of 3",
        "2 of 3",
    )


def test_kinds_of_work_are_broken_down(insights: Insights) -> None:
    kinds = [(row.label, row.applied, row.offers) for row in insights.by_kind]
    assert kinds == [("full-time", 6, 1), ("contract", 1, 1)]


def test_role_keywords_shared_by_two_show_which_roles_say_no(insights: Insights) -> None:
    assert insights.by_keyword == (
        Breakdown("engineer", applied=6, replies=5, interviews=3, offers=2, rejections=2, ghosted=0),
        Breakdown("backend", applied=3, replies=3, interviews=1, offers=0, rejections=2, ghosted=0),
        Breakdown("senior", applied=2, replies=2, interviews=1, offers=0, rejections=2, ghosted=0),
    )


def test_weeks_include_the_quiet_ones_and_end_this_week(insights: Insights) -> None:
    assert insights.weekly == (
        WeekActivity(d(2, 16), count=2, points=1.5),
        WeekActivity(d(2, 23), count=0, points=0.0),
        WeekActivity(d(3, 2), count=0, points=0.0),
        WeekActivity(d(3, 9), count=2, points=2.0),
    )


def test_twenty_six_weeks_by_default() -> None:
    weekly = build_insights(realistic_search(), TODAY).weekly
    assert len(weekly) == 26
    assert weekly[-1].start == d(3, 9)
    assert weekly[0].start == d(3, 9) - timedelta(weeks=25)
    assert sum(week.count for week in weekly) == 5


def test_points_follow_the_settings() -> None:
    settings = Settings(created_at=STAMP, updated_at=STAMP, points={ActivityKind.LEARN: 2.0})
    logged = [activity(ActivityKind.LEARN, d(3, 10)), activity(ActivityKind.APPLY, d(3, 11))]
    search = search_of(*logged, settings=settings)
    assert build_insights(search, TODAY, weeks=1).weekly == (WeekActivity(d(3, 9), count=2, points=3.0),)


def test_this_week_counts_up_to_today_only() -> None:
    tomorrow = activity(ActivityKind.APPLY, d(3, 12))
    search = search_of(activity(ActivityKind.APPLY, d(3, 10)), tomorrow)
    assert build_insights(search, d(3, 11), weeks=1).weekly == (WeekActivity(d(3, 9), count=1, points=1.0),)


# Edges


def test_an_empty_search_says_none_yet() -> None:
    insights = build_insights(search_of(), TODAY, weeks=2)
    counts = (insights.applied, insights.saved, insights.pending, insights.rejections, insights.interviews)
    assert counts == (0, 0, 0, 0, 0)
    assert [str(step.of_applied) for step in insights.funnel] == ["none yet"] * 5
    assert str(insights.response) == "none yet"
    assert insights.median_days_to_reply is None and insights.replies_timed == 0
    assert insights.interviews_per_10 is None
    assert insights.endings == insights.by_source == insights.by_kind == insights.by_keyword == ()
    assert insights.weekly == (WeekActivity(d(3, 2), 0, 0.0), WeekActivity(d(3, 9), 0, 0.0))


def test_saved_applications_count_nowhere_else() -> None:
    saved = application("Delta Freight", "Senior Backend Engineer", d(3, 1), stage=Stage.SAVED)
    other = application("Atlas", "Senior Backend Engineer", d(3, 2))
    insights = build_insights(search_of(saved, other, interview(saved, d(3, 5))), TODAY)
    assert (insights.applied, insights.saved, insights.pending, insights.interviews) == (1, 1, 1, 0)
    assert [step.count for step in insights.funnel] == [1, 0, 0, 0, 0]
    assert insights.by_keyword == ()  # the saved one does not make "senior" shared
    assert [row.applied for row in insights.by_source] == [1]


def test_an_application_dated_after_today_is_not_sent_yet() -> None:
    later = application("Atlas", "Engineer", d(3, 20))
    undated = application("Cobalt", "Engineer", None, stage=Stage.APPLIED)
    insights = build_insights(search_of(later, undated), TODAY)
    assert insights.applied == 1
    assert insights.median_days_to_reply is None


def test_an_interview_counts_as_a_reply_even_without_a_move() -> None:
    app = application("Quill Labs", "Data Engineer", d(3, 1))
    insights = build_insights(search_of(app, interview(app, d(3, 9))), TODAY)
    assert [step.count for step in insights.funnel] == [1, 1, 1, 0, 0]
    assert insights.median_days_to_reply is None  # no move says when they replied


def test_an_interview_called_off_is_neither_a_reply_nor_held() -> None:
    app = application("Quill Labs", "Data Engineer", d(3, 1))
    called_off = interview(app, d(3, 9)).model_copy(update={"cancelled": True})
    insights = build_insights(search_of(app, called_off), TODAY)
    assert [step.count for step in insights.funnel] == [1, 0, 0, 0, 0]
    assert insights.interviews == 0


def test_ghosted_or_withdrawn_without_a_reply_is_no_reply() -> None:
    ghosted = application("Harbor", "Engineer", d(1, 5), [(Stage.GHOSTED, d(2, 10))])
    withdrawn = application("Cobalt", "Engineer", d(1, 6), [(Stage.WITHDRAWN, d(1, 9))])
    insights = build_insights(search_of(ghosted, withdrawn), TODAY)
    assert insights.response == Share(0, 2)
    assert insights.endings == (EndRow(Stage.APPLIED, rejected=0, ghosted=1, withdrawn=1),)


def test_a_rejection_is_a_reply_and_times_like_one() -> None:
    app = application("Northwind", "Engineer", d(3, 1), [(Stage.REJECTED, d(3, 4))])
    insights = build_insights(search_of(app), TODAY)
    assert insights.response == Share(1, 1)
    assert insights.median_days_to_reply == 3.0


def test_the_first_reply_times_it_not_the_last() -> None:
    app = application("Quill", "Engineer", d(3, 1), [(Stage.SCREENING, d(3, 3)), (Stage.INTERVIEWING, d(3, 12))])
    assert build_insights(search_of(app), TODAY).median_days_to_reply == 2.0


def test_an_ending_imported_without_history_reached_applied() -> None:
    imported = application("Northwind", "Engineer", None, stage=Stage.REJECTED)
    insights = build_insights(search_of(imported), TODAY)
    assert insights.endings == (EndRow(Stage.APPLIED, rejected=1, ghosted=0, withdrawn=0),)
    assert insights.response == Share(1, 1)


def test_a_reopened_application_ends_after_the_furthest_stage_before_its_last_end() -> None:
    # Marked ghosted, then they called back for a screen, then a no.
    app = application(
        "Harbor",
        "Engineer",
        d(1, 5),
        [(Stage.GHOSTED, d(2, 10)), (Stage.SCREENING, d(2, 20)), (Stage.REJECTED, d(3, 1))],
    )
    endings = build_insights(search_of(app), TODAY).endings
    assert endings == (EndRow(Stage.SCREENING, rejected=1, ghosted=0, withdrawn=0),)


def test_withdrawing_after_accepting_ended_after_an_offer() -> None:
    app = application(
        "Evergreen",
        "Engineer",
        d(1, 5),
        [(Stage.OFFER, d(2, 1)), (Stage.ACCEPTED, d(2, 3)), (Stage.WITHDRAWN, d(2, 9))],
    )
    insights = build_insights(search_of(app), TODAY)
    assert insights.endings == (EndRow(Stage.OFFER, rejected=0, ghosted=0, withdrawn=1),)
    assert [step.count for step in insights.funnel] == [1, 1, 1, 1, 0]


def test_keywords_stop_at_twelve_most_shared_first() -> None:
    apps = [application(f"Company {n}", f"Engineer {' '.join(f'w{k}' for k in range(n))}", d(3, 1)) for n in range(16)]
    rows = build_insights(search_of(*apps), TODAY).by_keyword
    assert len(rows) == 12
    assert rows[0] == Breakdown("engineer", applied=16, replies=0, interviews=0, offers=0, rejections=0, ghosted=0)
    assert [row.applied for row in rows] == sorted((row.applied for row in rows), reverse=True)
    assert rows[1].label == "w0" and rows[1].applied == 15


def test_ties_are_broken_by_label() -> None:
    sources = ("Wellfound", "Indeed", "indeed", "Wellfound")
    apps = [application(f"Company {n}", "Engineer", d(3, 1), source=source) for n, source in enumerate(sources)]
    assert [row.label for row in build_insights(search_of(*apps), TODAY).by_source] == ["Indeed", "Wellfound"]


# Role keywords


def test_sr_and_senior_share_their_keywords() -> None:
    assert (
        role_keywords("Sr. Backend Engineer")
        == role_keywords("Senior Backend Engineer")
        == {"senior", "backend", "engineer"}
    )


@pytest.mark.parametrize(
    ("role", "words"),
    [
        ("Jr. Front-End / UI Developer", {"junior", "front", "end", "ui", "developer"}),
        ("Head of Data & AI", {"head", "data", "ai"}),
        ("ML Engineer, Search and Ranking", {"ml", "engineer", "search", "ranking"}),
        ("Sr Engineer - Platform (C)", {"senior", "engineer", "platform"}),
        ("The Engineer for Payments in a Team", {"engineer", "payments", "team"}),
    ],
)
def test_role_keywords_drop_punctuation_stop_words_and_single_letters(role: str, words: set[str]) -> None:
    assert role_keywords(role) == words


# Properties

ROUTES = [
    [],
    [Stage.REJECTED],
    [Stage.GHOSTED],
    [Stage.WITHDRAWN],
    [Stage.SCREENING],
    [Stage.SCREENING, Stage.REJECTED],
    [Stage.SCREENING, Stage.INTERVIEWING],
    [Stage.SCREENING, Stage.INTERVIEWING, Stage.REJECTED],
    [Stage.INTERVIEWING, Stage.OFFER],
    [Stage.INTERVIEWING, Stage.OFFER, Stage.ACCEPTED],
    [Stage.OFFER, Stage.WITHDRAWN],
    [Stage.GHOSTED, Stage.SCREENING, Stage.REJECTED],
]


@st.composite
def searches(draw: st.DrawFn) -> tuple[JobSearch, date, int]:
    """A search with applications along any route, some interviews, and activity spread over a year."""
    today = TODAY + timedelta(days=draw(st.integers(0, 6)))
    records: list[Record] = []
    for number in range(draw(st.integers(0, 8))):
        saved = draw(st.booleans()) and draw(st.booleans())
        applied_on = draw(st.one_of(st.none(), st.integers(-120, 5).map(lambda n: today + timedelta(days=n))))
        route = draw(st.sampled_from(ROUTES))
        days = sorted(draw(st.lists(st.integers(0, 40), min_size=len(route), max_size=len(route))))
        base = applied_on or today - timedelta(days=60)
        moves = [(stage, base + timedelta(days=gap)) for stage, gap in zip(route, days, strict=True)]
        undated = tuple(stage for stage in route if draw(st.booleans()) and draw(st.booleans()))
        app = application(
            f"Company {number}",
            draw(st.sampled_from(["Backend Engineer", "Sr. Data Engineer", "Designer"])),
            applied_on,
            moves,
            source=draw(st.sampled_from(["LinkedIn", "linkedin", "", "Referral"])),
            kind=draw(st.sampled_from(ApplicationKind)),
            undated=undated,
            stage=Stage.SAVED if saved else None,
        )
        records.append(app)
        for _ in range(draw(st.integers(0, 2))):
            records.append(interview(app, today + timedelta(days=draw(st.integers(-60, 10)))))
    for _ in range(draw(st.integers(0, 30))):
        day = today + timedelta(days=draw(st.integers(-400, 3)))
        records.append(activity(draw(st.sampled_from(ActivityKind)), day))
    return search_of(*records), today, draw(st.integers(1, 30))


def all_shares(insights: Insights) -> list[Share]:
    shares = [insights.response]
    shares += [share for step in insights.funnel for share in (step.of_applied, step.of_previous)]
    rows = [*insights.by_source, *insights.by_kind, *insights.by_keyword]
    return shares + [share for row in rows for share in (row.response, row.interview_rate, row.rejection_rate)]


@given(searched=searches())
def test_the_funnel_never_widens(searched: tuple[JobSearch, date, int]) -> None:
    search, today, weeks = searched
    counts = [step.count for step in build_insights(search, today, weeks).funnel]
    assert counts == sorted(counts, reverse=True)


@given(searched=searches())
def test_no_share_is_more_than_its_whole(searched: tuple[JobSearch, date, int]) -> None:
    search, today, weeks = searched
    for share in all_shares(build_insights(search, today, weeks)):
        assert 0 <= share.part <= share.whole


@given(searched=searches())
def test_every_ended_application_is_in_one_ending_row(searched: tuple[JobSearch, date, int]) -> None:
    search, today, weeks = searched
    insights = build_insights(search, today, weeks)
    sent = [a for a in search.applications if a.applied_on is None or a.applied_on <= today]
    ended = [a for a in sent if a.stage in (Stage.REJECTED, Stage.GHOSTED, Stage.WITHDRAWN)]
    assert sum(row.rejected + row.ghosted + row.withdrawn for row in insights.endings) == len(ended)
    assert all(row.rejected + row.ghosted + row.withdrawn for row in insights.endings)
    assert sum(row.rejected for row in insights.endings) == insights.rejections


@given(searched=searches())
def test_sources_and_kinds_each_add_up_to_the_applications_sent(searched: tuple[JobSearch, date, int]) -> None:
    search, today, weeks = searched
    insights = build_insights(search, today, weeks)
    assert sum(row.applied for row in insights.by_source) == insights.applied
    assert sum(row.applied for row in insights.by_kind) == insights.applied


@given(searched=searches())
def test_the_weeks_hold_every_activity_in_their_window(searched: tuple[JobSearch, date, int]) -> None:
    search, today, weeks = searched
    weekly = build_insights(search, today, weeks).weekly
    assert len(weekly) == weeks
    assert weekly[-1].start == week_start(today)
    assert all(later.start - earlier.start == timedelta(weeks=1) for earlier, later in pairwise(weekly))
    in_window = [a for a in search.activities if weekly[0].start <= a.logical_day <= today]
    assert sum(week.count for week in weekly) == len(in_window)
    assert sum(week.points for week in weekly) == pytest.approx(sum(SETTINGS.points_for(a.kind) for a in in_window))
