"""The weekly review: what a week held, what the next one holds, and how both read as text and Markdown."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from tests.support.clock import FakeClock
from tui.core.actions import todays_actions
from tui.core.models import (
    Activity,
    ActivityKind,
    Application,
    Interview,
    InterviewKind,
    LearningGoal,
    Reflection,
    RejectionReason,
    Settings,
    Stage,
    StageChange,
    Tier,
    Win,
)
from tui.core.review import Upcoming, WeeklyReview, weekly_review
from tui.core.search import JobSearch
from tui.core.streaks import DayState
from tui.exchange.review_format import review_markdown, review_text
from tui.recording import Recorder
from tui.store import Store

UTC = ZoneInfo("UTC")
MONDAY = date(2026, 3, 2)
SUNDAY = date(2026, 3, 8)
NEXT_MONDAY = date(2026, 3, 9)


def on(clock: FakeClock, day: date, hour: int = 10) -> date:
    """Move the clock to `hour` o'clock on `day`, and give the day back."""
    clock.current = datetime.combine(day, time(hour), UTC)
    return day


@dataclass(frozen=True)
class Week:
    """The week of 2 March 2026, recorded as a person would have recorded it, day by day."""

    search: JobSearch
    quill: Application
    orbit: Application
    northwind: Application
    lumen: Application
    cedar: Application


def record_the_week(recorder: Recorder, store: Store, clock: FakeClock) -> Week:
    on(clock, date(2026, 2, 16))
    quill = recorder.add_application("Quill Labs", "Data Engineer", source="LinkedIn")
    recorder.add_learning_goals(["System design basics"], source="added by hand")
    on(clock, date(2026, 2, 20))
    orbit = recorder.add_application("Orbit", "Platform Engineer")
    recorder.add_contact("Sam Lee", company="Brightpath", tier=Tier.B, last_contact=date(2025, 12, 12))

    on(clock, MONDAY, 9)
    northwind = recorder.add_application("Northwind", "Backend Engineer", source="referral")
    clock.advance(minutes=20)
    lumen = recorder.add_application("Lumen", "Data Analyst")
    dana = recorder.add_contact("Dana Reyes", company="Orbit", tier=Tier.A)
    recorder.log(ActivityKind.NETWORK, "coffee with Dana Reyes", contact_id=dana.id)

    on(clock, date(2026, 3, 3))
    recorder.move_stage(orbit.id, Stage.SCREENING)
    recorder.log(ActivityKind.LEARN, "SQL window functions: chapter 3 of the course")

    on(clock, date(2026, 3, 4), 9)
    recorder.schedule_interview(
        orbit.id, datetime(2026, 3, 4, 15, 0, tzinfo=UTC), kind=InterviewKind.PHONE, people=["Dana Reyes"]
    )
    cedar = recorder.add_application("Cedar", "Frontend Engineer")

    on(clock, date(2026, 3, 5), 17)
    recorder.move_stage(quill.id, Stage.REJECTED, reason=RejectionReason.SKILLS)
    recorder.record_feedback(quill.id, "More depth in SQL window functions\nwould have helped.")
    recorder.add_learning_goals(
        ["SQL window functions"], application_id=quill.id, source="after the no from Quill Labs"
    )
    recorder.write_reflection(
        date(2026, 3, 5),
        "What would you do differently?",
        "Spend more time on SQL before the next data role.\n\nAnd rest on Sunday.",
    )
    recorder.plan_rest(SUNDAY, "family lunch")

    on(clock, date(2026, 3, 6), 11)
    [system_design] = [
        a
        for a in todays_actions(store.load(), store.load().settings, date(2026, 3, 6))
        if a.title == "Work on: System design basics"
    ]
    recorder.dismiss(system_design)  # done with it: closing a goal is learning too

    on(clock, date(2026, 3, 7), 12)
    recorder.log(ActivityKind.LEARN, "Practised SQL problems on LeetCode")
    recorder.log(ActivityKind.LEARN, "Practised SQL problems on LeetCode")
    clock.advance(minutes=30)
    recorder.add_win("Finished the SQL course's first module: 12 exercises, all passing")
    recorder.schedule_interview(
        northwind.id, datetime(2026, 3, 10, 14, 0, tzinfo=UTC), kind=InterviewKind.TECHNICAL, people=["Priya Shah"]
    )
    [sql] = [
        a
        for a in todays_actions(store.load(), store.load().settings, date(2026, 3, 7))
        if a.title == "Work on: SQL window functions"
    ]
    recorder.snooze(sql, date(2026, 3, 12))
    recorder.plan_rest(date(2026, 3, 14), "hiking")

    search = store.load()
    by_id = search.applications_by_id
    return Week(search, *(by_id[a.id] for a in (quill, orbit, northwind, lumen, cedar)))


@pytest.fixture
def week(recorder: Recorder, store: Store, clock: FakeClock) -> Week:
    return record_the_week(recorder, store, clock)


@pytest.fixture
def review(week: Week) -> WeeklyReview:
    return weekly_review(week.search, date(2026, 3, 4), SUNDAY)


# --- the week's figures ------------------------------------------------------------------------


def test_the_review_covers_monday_to_sunday_of_the_week_asked_for(review: WeeklyReview) -> None:
    assert (review.start, review.end, review.today) == (MONDAY, SUNDAY, SUNDAY)


def test_each_day_of_the_week_has_its_state_and_the_streak_lasts_through_recovery_and_rest(
    review: WeeklyReview,
) -> None:
    assert [state for _, state in review.days] == [
        DayState.DONE,
        DayState.DONE,
        DayState.DONE,
        DayState.DONE,  # Mon to Thu: something every day
        DayState.RECOVERY,  # the day after the no: nothing logged, and the streak is safe
        DayState.DONE,  # back at it on Saturday
        DayState.REST,  # the planned Sunday off
    ]
    assert [day for day, _ in review.days] == [MONDAY + timedelta(days=n) for n in range(7)]
    assert review.streak == 5


def test_activities_are_counted_by_kind_and_kinds_with_none_are_left_out(review: WeeklyReview) -> None:
    assert review.activities == {
        ActivityKind.APPLY: 3,
        ActivityKind.INTERVIEW: 3,  # the screening move, the interview move and the phone interview held
        ActivityKind.NETWORK: 1,
        ActivityKind.LEARN: 3,
        ActivityKind.REFLECT: 1,
        ActivityKind.OTHER: 1,  # the no, recorded
    }
    assert list(review.activities) == [kind for kind in ActivityKind if kind in review.activities]
    assert review.points == 3 + 3 + 1 + 1.5 + 0.5 + 0.5


def test_the_weekly_goal_is_counted_over_the_whole_week(review: WeeklyReview) -> None:
    assert review.goals.week_of == MONDAY
    assert {goal.name: (goal.done, goal.goal) for goal in review.goals.goals} == {
        "applications": (3, 5),
        "networking": (1, 2),
        "learning": (3, 1),
    }


def test_applications_sent_that_week_are_listed_and_their_applied_move_is_not_a_move(
    week: Week, review: WeeklyReview
) -> None:
    assert [a.company for a in review.sent] == ["Northwind", "Lumen", "Cedar"]
    assert [(m.application.company, m.change.stage, m.change.day) for m in review.moves] == [
        ("Orbit", Stage.SCREENING, date(2026, 3, 3)),
        ("Orbit", Stage.INTERVIEWING, date(2026, 3, 4)),
        ("Quill Labs", Stage.REJECTED, date(2026, 3, 5)),
        ("Northwind", Stage.INTERVIEWING, date(2026, 3, 7)),
    ]
    assert review.rejections == (week.quill,)


def test_interviews_wins_and_reflections_of_the_week(week: Week, review: WeeklyReview) -> None:
    [interview] = review.interviews
    assert (interview.application_id, interview.day) == (week.orbit.id, date(2026, 3, 4))
    assert [win.text for win in review.wins] == [
        "Landed an interview at Orbit (Platform Engineer)",
        "Finished the SQL course's first module: 12 exercises, all passing",
        "Landed an interview at Northwind (Backend Engineer)",  # booked later that Saturday
    ]
    [reflection] = review.reflections
    assert reflection.prompt == "What would you do differently?"


def test_what_was_learned_gathers_goals_feedback_and_learning_logged(review: WeeklyReview) -> None:
    assert review.learned == (
        "SQL window functions — after the no from Quill Labs",
        "closed: System design basics",
        "what Quill Labs said: “More depth in SQL window functions would have helped.”",
        "SQL window functions: chapter 3 of the course",
        "Practised SQL problems on LeetCode (2 times)",
    )


# --- next week ---------------------------------------------------------------------------------


def test_next_week_lists_each_thing_once_on_the_day_it_comes(review: WeeklyReview) -> None:
    assert [(u.day, u.title) for u in review.next_week] == [
        (NEXT_MONDAY, "Prepare for the technical interview with Northwind (Backend Engineer)"),
        (NEXT_MONDAY, "Follow up with Lumen (Data Analyst)"),
        (date(2026, 3, 10), "Technical interview with Northwind (Backend Engineer)"),
        (date(2026, 3, 10), "Send a thank-you note to Priya Shah at Northwind"),
        (date(2026, 3, 11), "Follow up with Cedar (Frontend Engineer)"),
        (date(2026, 3, 12), "Reconnect with Sam Lee (Brightpath)"),
        (date(2026, 3, 12), "Work on: SQL window functions"),
        (date(2026, 3, 14), "Rest day"),
    ]


def test_a_follow_up_coming_due_on_wednesday_shows_on_wednesday_only(review: WeeklyReview) -> None:
    cedar = [u for u in review.next_week if "Cedar" in u.title]
    assert cedar == [
        Upcoming(date(2026, 3, 11), "Follow up with Cedar (Frontend Engineer)", "applied 7 days ago, no reply yet")
    ]


def test_an_interview_next_week_shows_with_its_local_time(review: WeeklyReview) -> None:
    [interview] = [u for u in review.next_week if u.title.startswith("Technical interview")]
    assert interview == Upcoming(
        date(2026, 3, 10), "Technical interview with Northwind (Backend Engineer)", "at 14:00 with Priya Shah"
    )


def test_an_interview_shows_at_the_time_on_its_own_clock(week: Week) -> None:
    [booked] = [i for i in week.search.interviews if i.application_id == week.northwind.id]
    in_berlin = booked.model_copy(update={"timezone": "Europe/Berlin"})
    search = replace(week.search, interviews=(in_berlin,))
    [interview] = [u for u in weekly_review(search, MONDAY, SUNDAY).next_week if u.title.startswith("Technical")]
    assert interview.why == "at 15:00 with Priya Shah"  # 14:00 UTC is 15:00 in Berlin in March


def test_an_interview_called_off_is_neither_coming_up_nor_in_the_weeks_interviews(week: Week) -> None:
    called_off = tuple(i.model_copy(update={"cancelled": True}) for i in week.search.interviews)
    search = replace(week.search, interviews=called_off)
    assert not any(
        u.title.endswith(")") and "interview" in u.title for u in weekly_review(search, MONDAY, SUNDAY).next_week
    )
    assert weekly_review(search, MONDAY, date(2026, 3, 3)).interviews == ()


def test_a_snoozed_action_is_listed_on_the_day_it_comes_back(review: WeeklyReview) -> None:
    assert [u.day for u in review.next_week if u.title == "Work on: SQL window functions"] == [date(2026, 3, 12)]


def test_what_is_already_due_is_not_coming_up(week: Week, review: WeeklyReview) -> None:
    # Orbit was sent on 20 Feb: its follow-up fell due long before, and a reply came anyway.
    titles = [u.title for u in review.next_week]
    assert not any("Orbit" in title for title in titles)
    assert not any(title.startswith(("Do one thing", "Write today's")) for title in titles)
    overdue = sent_on("Vela", date(2026, 2, 20))
    search = replace(week.search, applications=(*week.search.applications, overdue))
    assert not any("Vela" in u.title for u in weekly_review(search, MONDAY, SUNDAY).next_week)


def test_for_the_week_under_way_next_week_starts_after_the_rest_of_this_one(week: Week) -> None:
    review = weekly_review(week.search, MONDAY, date(2026, 3, 4))  # Wednesday
    assert review.under_way
    assert all(NEXT_MONDAY <= u.day <= NEXT_MONDAY + timedelta(days=6) for u in review.next_week)
    assert [day for day, _ in review.days] == [MONDAY, date(2026, 3, 3), date(2026, 3, 4)]


def test_an_interview_later_in_the_week_under_way_is_coming_up(week: Week) -> None:
    review = weekly_review(week.search, MONDAY, date(2026, 3, 3))  # Tuesday: the phone interview is tomorrow
    assert [i.day for i in review.interviews] == [date(2026, 3, 4)]
    lines = review_text(review).splitlines()
    at = lines.index("Interviews")
    assert lines[at + 1 : at + 3] == [
        "  Wed 4  Phone interview with Orbit (Platform Engineer)",
        "           at 15:00 with Dana Reyes; coming up",
    ]
    assert "So far this week: 2 applications sent, with 5 activities logged in all." in " ".join(
        review_text(review).split()
    )


# --- a past week, a later week ------------------------------------------------------------------


def test_a_past_week_gives_that_weeks_figures_not_todays(week: Week) -> None:
    later = weekly_review(week.search, date(2026, 2, 18), date(2026, 3, 8))

    assert (later.start, later.end) == (date(2026, 2, 16), date(2026, 2, 22))
    assert [a.company for a in later.sent] == ["Quill Labs", "Orbit"]
    assert later.activities == {ActivityKind.APPLY: 2}
    assert {goal.name: goal.done for goal in later.goals.goals} == {"applications": 2, "networking": 0, "learning": 0}
    assert later.streak == 0  # the 20th came after a missed day; this week's run of four is not that week's
    assert [state for _, state in later.days] == [
        DayState.DONE,
        *[DayState.MISSED] * 3,
        DayState.DONE,
        DayState.MISSED,
        DayState.MISSED,
    ]
    assert later.learned == ("System design basics — added by hand",)
    assert (later.rejections, later.interviews, later.wins, later.reflections) == ((), (), (), ())


def test_a_week_reviewed_again_later_reads_the_same(week: Week) -> None:
    at_the_time = weekly_review(week.search, MONDAY, SUNDAY)
    a_week_on = weekly_review(week.search, MONDAY, SUNDAY + timedelta(days=7))
    assert review_text(a_week_on) == review_text(at_the_time)
    assert a_week_on.streak == at_the_time.streak == 5


@pytest.mark.parametrize("today", [date(2026, 3, 4), SUNDAY])
def test_a_week_after_todays_cannot_be_reviewed(week: Week, today: date) -> None:
    with pytest.raises(ValueError, match="has not started yet; review this week or an earlier one"):
        weekly_review(week.search, NEXT_MONDAY, today)
    assert weekly_review(week.search, SUNDAY, today).start == MONDAY


# --- as text and Markdown ------------------------------------------------------------------------


def test_the_text_names_the_week_and_sums_it_up_warmly(review: WeeklyReview) -> None:
    text = review_text(review)
    assert text.startswith("Week of 2 Mar 2026\nMon 2 Mar – Sun 8 Mar 2026\n\n")
    summary = " ".join(text.split("\n\n")[1].split())
    assert summary == (
        "This week: 3 applications sent, 1 interview and 3 wins, with 12 activities logged in all. "
        "A no from Quill Labs. The recovery day after it (Fri) kept your streak safe while you took it in."
    )


def test_the_text_shows_the_days_as_glyphs_with_a_legend_and_the_streak(review: WeeklyReview) -> None:
    lines = review_text(review).splitlines()
    at = lines.index("Days")
    assert lines[at + 1] == "  Mon  Tue  Wed  Thu  Fri  Sat  Sun"
    assert lines[at + 2] == "   █    █    █    █    +    █    z"
    assert lines[at + 3] == "  █ done · z rest · + recovery"
    assert lines[at + 4] == "  5 of 7 days done · streak at the end of the week: 5 days"


def test_the_text_has_every_section_of_the_week(review: WeeklyReview) -> None:
    text = review_text(review)
    for line in (
        "  12 activities, 9.5 points",
        "  apply 3 · network 1 · interview 3 · learn 3 · reflect 1 · other 1",
        "  - Applications: 3 of 5",
        "  - Learning: 3 of 1 — met",
        "  Mon 2  Northwind — Backend Engineer (via referral)",
        "         Lumen — Data Analyst",
        "  Wed 4  Cedar — Frontend Engineer",
        "  Tue 3  Orbit (Platform Engineer): a screening call",
        "  Wed 4  Orbit (Platform Engineer): interviewing, round 1",
        "  Thu 5  Quill Labs (Data Engineer)",
        "           reason: skills; their feedback is under What you learned",
        "  Wed 4  Phone interview with Orbit (Platform Engineer)",
        "           at 15:00 with Dana Reyes",
        "  Sat 7  Finished the SQL course's first module: 12 exercises, all passing",
        "  - closed: System design basics",
        "  - Practised SQL problems on LeetCode (2 times)",
        "  Thu 5  What would you do differently?",
        "           Spend more time on SQL before the next data role.",
        "           And rest on Sunday.",
        "  Tue 10  Technical interview with Northwind (Backend Engineer)",
        "            at 14:00 with Priya Shah",
        "          Send a thank-you note to Priya Shah at Northwind",
        "  Sat 14  Rest day",
        "            hiking; your streak waits for you",
    ):
        assert line in text.splitlines(), line
    headings = [
        "Days",
        "Activity",
        "Weekly goal",
        "Sent",
        "Replies and moves",
        "Rejections",
        "Interviews",
        "Wins",
        "What you learned",
        "Reflections",
        "Next week",
    ]
    assert [line for line in text.splitlines() if line in headings] == headings


def test_the_text_fits_eighty_columns(review: WeeklyReview) -> None:
    assert max(len(line) for line in review_text(review).splitlines()) <= 80


def test_a_long_line_wraps_under_its_own_column(week: Week) -> None:
    long_win = Win(
        day=date(2026, 3, 6),
        text="Rebuilt the reporting pipeline so a nightly job that took four hours "
        "now runs in twenty minutes, and wrote it up",
        created_at=datetime(2026, 3, 6, tzinfo=UTC),
        updated_at=datetime(2026, 3, 6, tzinfo=UTC),
    )
    search = replace(week.search, wins=(long_win,))
    lines = review_text(weekly_review(search, MONDAY, SUNDAY)).splitlines()
    at = lines.index("Wins")
    assert lines[at + 1].startswith("  Fri 6  Rebuilt the reporting pipeline")
    assert lines[at + 2].startswith("         ") and lines[at + 2].strip()
    assert all(len(line) <= 80 for line in lines)


def test_the_markdown_has_the_same_content(review: WeeklyReview) -> None:
    markdown = review_markdown(review)
    assert markdown.startswith("# Week of 2 Mar 2026\n\n*Mon 2 Mar – Sun 8 Mar 2026*\n")
    for line in (
        "## Days",
        "| Mon | Tue | Wed | Thu | Fri | Sat | Sun |",
        "| █ | █ | █ | █ | + | █ | z |",
        "12 activities, 9.5 points  ",
        "- Networking: 1 of 2",
        "- **Mon 2** · Northwind — Backend Engineer (via referral)",
        "- **Tue 3** · Orbit (Platform Engineer): a screening call",
        "- **Thu 5** · Quill Labs (Data Engineer) — reason: skills; their feedback is under What you learned",
        "- **Wed 4** · Phone interview with Orbit (Platform Engineer) — at 15:00 with Dana Reyes",
        "- **Sat 7** · Finished the SQL course's first module: 12 exercises, all passing",
        "- what Quill Labs said: “More depth in SQL window functions would have helped.”",
        "- **Thu 5** · What would you do differently?",
        "  > Spend more time on SQL before the next data role.",
        "  > And rest on Sunday.",
        "- **Wed 11** · Follow up with Cedar (Frontend Engineer) — applied 7 days ago, no reply yet",
        "- **Thu 12** · Work on: SQL window functions — after the no from Quill Labs",
    ):
        assert line in markdown.splitlines(), line
    headings = [line[3:] for line in markdown.splitlines() if line.startswith("## ")]
    assert headings == [line for line in review_text(review).splitlines() if line in headings]
    assert len(headings) == 11
    assert "A no from Quill Labs. The recovery day after it (Fri) kept your streak safe" in markdown


def test_the_markdown_renders_as_a_title_sections_a_table_lists_and_a_quote(review: WeeklyReview) -> None:
    tokens = MarkdownIt("commonmark").enable("table").parse(review_markdown(review))
    headings = [(t.tag, tokens[i + 1].content) for i, t in enumerate(tokens) if t.type == "heading_open"]
    assert headings[0] == ("h1", "Week of 2 Mar 2026")
    assert [tag for tag, _ in headings[1:]] == ["h2"] * 11
    assert [t.type for t in tokens].count("table_open") == 1
    assert [t.type for t in tokens].count("blockquote_open") == 1
    assert [t.type for t in tokens].count("bullet_list_open") == 9  # every section but Days and Activity


def test_a_legend_that_starts_with_a_glyph_like_a_list_marker_stays_a_line(week: Week) -> None:
    only_recovery = replace(week.search, activities=(), applications=(week.quill,))
    markdown = review_markdown(weekly_review(only_recovery, date(2026, 3, 5), date(2026, 3, 6)))
    assert "\\+ recovery  " in markdown.splitlines()
    html = MarkdownIt("commonmark").enable("table").render(markdown)
    assert "<li>recovery" not in html and "+ recovery" in html


def test_markdown_escapes_what_people_typed(week: Week) -> None:
    sneaky = week.lumen.model_copy(update={"company": "*Star* [Corp]", "role": "C# <Dev>"})
    applications = tuple(sneaky if a.id == sneaky.id else a for a in week.search.applications)
    markdown = review_markdown(weekly_review(replace(week.search, applications=applications), MONDAY, SUNDAY))
    assert r"- **Mon 2** · \*Star\* \[Corp\] — C\# \<Dev\>" in markdown.splitlines()


# --- weeks built by hand ------------------------------------------------------------------------

STAMP = datetime(2026, 1, 1, 9, tzinfo=UTC)
SETTINGS = Settings(created_at=STAMP, updated_at=STAMP)


def noon(day: date) -> datetime:
    return datetime.combine(day, time(12), UTC)


def sent_on(company: str, day: date, *moves: StageChange) -> Application:
    """An application sent on `day`, then moved as `moves` say."""
    history = [StageChange(stage=Stage.APPLIED, at=noon(day), day=day), *moves]
    return Application(
        company=company,
        role="Analyst",
        applied_on=day,
        stage=history[-1].stage,
        stage_history=history,
        created_at=noon(day),
        updated_at=noon(day),
    )


def activity(day: date, kind: ActivityKind = ActivityKind.APPLY) -> Activity:
    return Activity(
        kind=kind, at=noon(day), timezone="UTC", logical_day=day, created_at=noon(day), updated_at=noon(day)
    )


def said_no(day: date) -> StageChange:
    return StageChange(stage=Stage.REJECTED, at=noon(day), day=day)


def test_two_nos_in_a_week_name_both_and_the_recovery_days_after_them() -> None:
    quill = sent_on("Quill Labs", date(2026, 2, 10), said_no(date(2026, 3, 4)))
    orbit = sent_on("Orbit", date(2026, 2, 12), said_no(date(2026, 3, 5)))
    busy = (activity(MONDAY), activity(date(2026, 3, 3)))
    review = weekly_review(
        JobSearch(settings=SETTINGS, applications=(quill, orbit), activities=busy), MONDAY, NEXT_MONDAY
    )

    assert review.rejections == (quill, orbit)
    assert [state for _, state in review.days] == [DayState.DONE] * 2 + [DayState.RECOVERY] * 4 + [DayState.MISSED]
    summary = " ".join(review_text(review).split("\n\n")[1].split())
    assert summary == (
        "This week: 2 activities logged. 2 no's, from Quill Labs and Orbit. "
        "The recovery days after them (Wed, Thu, Fri, Sat) kept your streak safe while you took it in."
    )


def test_moves_imported_without_a_day_of_their_own_are_left_out() -> None:
    undated = StageChange(stage=Stage.REJECTED, at=noon(MONDAY), day=MONDAY, undated=True)
    imported = sent_on("Lumen", MONDAY, undated)
    dated = sent_on("Cedar", date(2026, 2, 1), StageChange(stage=Stage.SCREENING, at=noon(MONDAY), day=MONDAY))
    review = weekly_review(JobSearch(settings=SETTINGS, applications=(imported, dated)), MONDAY, SUNDAY)

    assert [a.company for a in review.sent] == ["Lumen"]
    assert [(m.application.company, m.change.stage) for m in review.moves] == [("Cedar", Stage.SCREENING)]
    assert review.rejections == ()
    assert "  This week: 1 application sent." in review_text(review).splitlines()


def test_news_with_nothing_logged_is_still_told() -> None:
    cedar = sent_on("Cedar", date(2026, 2, 1), StageChange(stage=Stage.SCREENING, at=noon(MONDAY), day=MONDAY))
    review = weekly_review(JobSearch(settings=SETTINGS, applications=(cedar,)), MONDAY, SUNDAY)
    assert "  This week: nothing logged, and news on 1 application." in review_text(review).splitlines()


# --- a week with nothing -------------------------------------------------------------------------


def test_a_week_with_nothing_is_said_kindly_in_every_section() -> None:
    review = weekly_review(JobSearch(settings=SETTINGS), MONDAY, date(2026, 3, 20))
    assert (review.days, review.activities, review.points, review.sent, review.moves, review.learned) == (
        (),
        {},
        0,
        (),
        (),
        (),
    )
    assert review.streak == 0 and review.next_week == ()
    text = review_text(review)
    for line in (
        "  A quiet week. That happens in a long search; the next week is a fresh page.",
        "  These days came before the first thing you logged, so they are not tracked.",
        "  Nothing logged this week.",
        "  No applications went out this week.",
        "  No replies or other moves this week.",
        "  No rejections this week.",
        "  No interviews this week.",
        "  No wins noted this week; a small one counts too.",
        "  Nothing noted as learned this week.",
        "  No reflections written this week.",
        "  Nothing scheduled yet: a blank page to fill.",
    ):
        assert line in text.splitlines(), line
    markdown = review_markdown(review)
    assert "No rejections this week." in markdown.splitlines()
    assert "| Mon | Tue | Wed | Thu | Fri | Sat | Sun |" in markdown


def test_a_quiet_week_between_busy_ones_is_missed_days_and_a_fresh_start(week: Week) -> None:
    review = weekly_review(week.search, date(2026, 2, 23), SUNDAY)
    assert [state for _, state in review.days] == [DayState.MISSED] * 7
    text = review_text(review)
    assert "  A quiet week. That happens in a long search; the next week is a fresh page." in text.splitlines()
    assert "  0 of 7 days done · no streak running: one done day starts a fresh one" in text.splitlines()


def test_a_quiet_start_to_the_week_under_way() -> None:
    review = weekly_review(JobSearch(settings=SETTINGS), MONDAY, date(2026, 3, 3))
    assert [(day, state) for day, state in review.days] == [(date(2026, 3, 3), DayState.PENDING)]
    text = review_text(review)
    assert "Mon 2 Mar – Sun 8 Mar 2026 · so far, up to Tue 3 Mar" in text
    assert "  A quiet start to the week: nothing logged yet, and there is still time." in text.splitlines()
    assert "  Nothing logged yet this week." in text.splitlines()


# --- properties ----------------------------------------------------------------------------------

TODAY = date(2026, 3, 15)


@st.composite
def searches(draw: st.DrawFn) -> JobSearch:
    """Applications moved on various days, with interviews, activities, wins, reflections and goals around them."""

    def a_day() -> date:
        return TODAY - timedelta(days=draw(st.integers(0, 120)))

    applications, interviews = [], []
    for number in range(draw(st.integers(0, 5))):
        applied = a_day()
        history = [StageChange(stage=Stage.APPLIED, at=noon(applied), day=applied)]
        for stage in draw(st.lists(st.sampled_from([Stage.SCREENING, Stage.INTERVIEWING, Stage.REJECTED]), max_size=3)):
            moved = applied + timedelta(days=draw(st.integers(0, 30)))
            history.append(StageChange(stage=stage, at=noon(moved), day=moved, undated=draw(st.booleans())))
        application = Application(
            company=f"Company {number}",
            role="Engineer",
            applied_on=applied,
            stage=history[-1].stage,
            stage_history=history,
            feedback=draw(st.sampled_from(["", "More SQL"])),
            created_at=noon(applied),
            updated_at=noon(applied),
        )
        applications.append(application)
        for _ in range(draw(st.integers(0, 2))):
            day = applied + timedelta(days=draw(st.integers(0, 40)))
            interviews.append(
                Interview(
                    application_id=application.id,
                    at=noon(day),
                    timezone="UTC",
                    day=day,
                    created_at=STAMP,
                    updated_at=STAMP,
                )
            )
    activities = [
        Activity(
            kind=draw(st.sampled_from(ActivityKind)),
            at=noon(day),
            timezone="UTC",
            logical_day=day,
            note="a note",
            created_at=noon(day),
            updated_at=noon(day),
        )
        for day in (a_day() for _ in range(draw(st.integers(0, 12))))
    ]
    wins = [
        Win(day=day, text="A win", created_at=noon(day), updated_at=noon(day))
        for day in (a_day() for _ in range(draw(st.integers(0, 3))))
    ]
    reflections = [
        Reflection(day=day, prompt="How did it go?", text="Fine.", created_at=noon(day), updated_at=noon(day))
        for day in {a_day() for _ in range(draw(st.integers(0, 3)))}
    ]
    goals = [
        LearningGoal(
            text="Kubernetes",
            created_at=noon(a_day()),
            updated_at=STAMP,
            closed_on=draw(st.one_of(st.none(), st.just(a_day()))),
        )
        for _ in range(draw(st.integers(0, 2)))
    ]
    return JobSearch(
        settings=SETTINGS,
        applications=tuple(applications),
        activities=tuple(activities),
        interviews=tuple(interviews),
        wins=tuple(wins),
        reflections=tuple(reflections),
        learning_goals=tuple(goals),
    )


@given(search=searches(), back=st.integers(0, 140), earlier=st.integers(0, 6))
def test_every_record_a_review_lists_lies_inside_its_week(search: JobSearch, back: int, earlier: int) -> None:
    today = TODAY - timedelta(days=earlier)  # any day of the week up to TODAY, a Sunday
    review = weekly_review(search, TODAY - timedelta(days=back), today)

    def inside(day: date) -> bool:
        return review.start <= day <= review.end

    assert review.start.weekday() == 0
    assert review.end == review.start + timedelta(days=6)
    assert all(inside(day) and day <= today for day, _ in review.days)
    assert all(a.applied_on is not None and inside(a.applied_on) and a.applied_on <= today for a in review.sent)
    assert all(inside(m.change.day) and m.change.day <= today and not m.change.undated for m in review.moves)
    assert all(
        any(inside(c.day) and c.stage is Stage.REJECTED and not c.undated for c in a.stage_history)
        for a in review.rejections
    )
    assert all(inside(i.day) for i in review.interviews)
    assert all(inside(w.day) for w in review.wins)
    assert all(inside(r.day) for r in review.reflections)
    assert all(review.end < u.day <= review.end + timedelta(days=7) for u in review.next_week)
    assert sum(review.activities.values()) == sum(
        1 for a in search.activities if inside(a.logical_day) and a.logical_day <= today
    )
    assert max(len(line) for line in review_text(review).splitlines()) <= 80


@given(search=searches(), ahead=st.integers(1, 400))
def test_no_week_after_todays_can_be_reviewed(search: JobSearch, ahead: int) -> None:
    week_of = TODAY + timedelta(days=ahead)  # TODAY is a Sunday: every later day is in a later week
    with pytest.raises(ValueError):
        weekly_review(search, week_of, TODAY)
