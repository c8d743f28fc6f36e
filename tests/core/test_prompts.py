"""Today's reflection prompt: fitted to the day, the same all day, fresh for a fortnight, from data/prompts.toml."""

from __future__ import annotations

import dataclasses
import tomllib
from collections import Counter
from datetime import date, datetime, time, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.support.day_records import STAMP, UTC, activity, day_after, plan, rejected, rest, search_of
from tui.content import reflection_prompts
from tui.core.dashboard import build_dashboard
from tui.core.models import Application, Interview, Reflection
from tui.core.prompts import NO_REPEAT_DAYS, Prompt, PromptContext, choose_prompt, prompt_context
from tui.core.search import JobSearch
from tui.core.streaks import track
from tui.locations import data_dir

CONTEXTS = {"daily", "rejection", "interview", "quiet", "milestone", "weekly"}
DAY = date(2026, 3, 15)


def test_the_same_day_always_gets_the_same_prompt() -> None:
    prompts = reflection_prompts()
    assert choose_prompt(prompts, DAY) == choose_prompt(prompts, DAY)
    assert choose_prompt(prompts, DAY) == choose_prompt(list(reversed(prompts)), DAY)


def test_the_prompt_changes_from_one_day_to_the_next() -> None:
    prompts = reflection_prompts()
    assert choose_prompt(prompts, DAY) != choose_prompt(prompts, DAY + timedelta(days=1))


def test_a_daily_prompt_is_not_repeated_within_fourteen_days_over_several_years() -> None:
    prompts = reflection_prompts()
    start, end = date(2024, 1, 1), date(2028, 12, 31)
    texts = [choose_prompt(prompts, start + timedelta(days=i)).text for i in range((end - start).days + 1)]
    for first in range(len(texts) - NO_REPEAT_DAYS + 1):
        window = texts[first : first + NO_REPEAT_DAYS]
        assert len(set(window)) == NO_REPEAT_DAYS, f"repeat in the fortnight from {start + timedelta(days=first)}"


def test_every_daily_prompt_gets_its_turn() -> None:
    prompts = reflection_prompts()
    daily = {p.text for p in prompts if p.context == "daily"}
    shown = {choose_prompt(prompts, DAY + timedelta(days=i)).text for i in range(len(daily))}
    assert shown == daily


@pytest.mark.parametrize("context", sorted(CONTEXTS))
def test_a_prompt_is_chosen_from_the_context_asked_for(context: str) -> None:
    prompt = choose_prompt(reflection_prompts(), DAY, context)
    assert prompt.context == context


def test_a_context_without_prompts_is_an_error() -> None:
    with pytest.raises(ValueError, match="celebration"):
        choose_prompt(reflection_prompts(), DAY, "celebration")


@given(
    texts=st.sets(st.text(min_size=1, max_size=40), min_size=NO_REPEAT_DAYS, max_size=40),
    start=st.dates(min_value=date(2000, 1, 1), max_value=date(2099, 1, 1)),
)
def test_any_pool_of_fourteen_or_more_never_repeats_within_fourteen_days(texts: set[str], start: date) -> None:
    pool = [Prompt("daily", text) for text in texts]
    window = [choose_prompt(pool, start + timedelta(days=i)).text for i in range(NO_REPEAT_DAYS)]
    assert len(set(window)) == NO_REPEAT_DAYS


@given(texts=st.sets(st.text(min_size=1, max_size=40), min_size=1, max_size=20), data=st.data())
def test_the_order_prompts_are_listed_in_does_not_change_the_choice(texts: set[str], data: st.DataObject) -> None:
    pool = [Prompt("daily", text) for text in sorted(texts)]
    shuffled = data.draw(st.permutations(pool))
    day = data.draw(st.dates(min_value=date(2000, 1, 1), max_value=date(2099, 12, 31)))
    assert choose_prompt(shuffled, day) == choose_prompt(pool, day)


# --- the shipped prompts ----------------------------------------------------------------------


def test_at_least_forty_prompts_are_shipped() -> None:
    assert len(reflection_prompts()) >= 40


def test_every_context_has_prompts_and_no_other_context_is_used() -> None:
    contexts = Counter(p.context for p in reflection_prompts())
    assert set(contexts) == CONTEXTS == set(PromptContext)
    assert contexts["daily"] >= NO_REPEAT_DAYS
    assert min(contexts.values()) >= 6, contexts


def test_no_prompt_is_shipped_twice() -> None:
    normalized = Counter(" ".join(p.text.casefold().split()) for p in reflection_prompts())
    assert [text for text, count in normalized.items() if count > 1] == []


def test_prompts_are_short_complete_sentences() -> None:
    for prompt in reflection_prompts():
        assert prompt.text == prompt.text.strip()
        assert 10 <= len(prompt.text) <= 200, prompt.text
        assert prompt.text[-1] in ".?!", prompt.text


def test_the_prompt_file_has_only_context_and_text() -> None:
    with (data_dir() / "prompts.toml").open("rb") as source:
        table = tomllib.load(source)
    assert set(table) == {"prompt"}
    for entry in table["prompt"]:
        assert set(entry) == {"context", "text"}, entry


# --- which kind of prompt fits the day --------------------------------------------------------

WEDNESDAY = date(2026, 3, 11)
SUNDAY = date(2026, 3, 15)


def interview_on(application: Application, day: date) -> Interview:
    at = datetime.combine(day, time(14), UTC)
    return Interview(application_id=application.id, at=at, timezone="UTC", day=day, created_at=STAMP, updated_at=STAMP)


def context_on(search: JobSearch, today: date) -> str:
    return prompt_context(search, today, track(search, today))


def with_interviews(search: JobSearch, *interviews: Interview) -> JobSearch:
    return dataclasses.replace(search, interviews=interviews)


def test_an_ordinary_day_gets_a_daily_prompt() -> None:
    assert context_on(search_of(activity(day_after(WEDNESDAY, -1))), WEDNESDAY) == "daily"
    assert context_on(search_of(), WEDNESDAY) == "daily"  # a first day is not a quiet one


def test_a_no_received_today_gets_a_rejection_prompt() -> None:
    assert context_on(search_of(rejected("Quill Labs", WEDNESDAY)), WEDNESDAY) == "rejection"
    assert context_on(search_of(rejected("Quill Labs", day_after(WEDNESDAY, -1))), WEDNESDAY) != "rejection"


@pytest.mark.parametrize(("offset", "expected"), [(0, "interview"), (-1, "interview"), (-2, "daily"), (1, "daily")])
def test_an_interview_today_or_yesterday_gets_an_interview_prompt(offset: int, expected: str) -> None:
    northwind = rejected("Northwind", day_after(WEDNESDAY, -30))
    search = with_interviews(
        search_of(northwind, activity(day_after(WEDNESDAY, -1))), interview_on(northwind, day_after(WEDNESDAY, offset))
    )
    assert context_on(search, WEDNESDAY) == expected


def test_an_interview_called_off_today_gets_no_interview_prompt() -> None:
    northwind = rejected("Northwind", day_after(WEDNESDAY, -30))
    called_off = interview_on(northwind, WEDNESDAY).model_copy(update={"cancelled": True})
    search = with_interviews(search_of(northwind, activity(day_after(WEDNESDAY, -1))), called_off)
    assert context_on(search, WEDNESDAY) == "daily"


@pytest.mark.parametrize(
    ("pattern", "expected"), [("DDDDDDD", "milestone"), ("DDDDDDDD", "daily"), ("DDD", "milestone")]
)
def test_reaching_a_streak_milestone_today_gets_a_milestone_prompt(pattern: str, expected: str) -> None:
    today = day_after(WEDNESDAY, -(len(pattern) - 1))
    start = today - timedelta(days=len(pattern) - 1)
    assert context_on(search_of(*plan(pattern, start)), today) == expected


def test_a_milestone_counts_only_once_today_is_done() -> None:
    records = plan("DDDDDD.", day_after(WEDNESDAY, -6))  # six days done, today not yet
    assert context_on(search_of(*records), WEDNESDAY) == "daily"


def test_sunday_gets_a_weekly_prompt() -> None:
    assert SUNDAY.weekday() == 6
    assert context_on(search_of(activity(day_after(SUNDAY, -1))), SUNDAY) == "weekly"


def test_a_quiet_yesterday_after_earlier_activity_gets_a_quiet_prompt() -> None:
    assert context_on(search_of(activity(day_after(WEDNESDAY, -3))), WEDNESDAY) == "quiet"


def test_a_planned_rest_yesterday_is_not_a_quiet_day() -> None:
    records = [activity(day_after(WEDNESDAY, -3)), rest(day_after(WEDNESDAY, -1))]
    assert context_on(search_of(*records), WEDNESDAY) == "daily"


def test_the_most_pressing_context_wins() -> None:
    """A no beats an interview, an interview a milestone, a milestone Sunday, Sunday a quiet yesterday."""
    quiet = [activity(day_after(SUNDAY, -3))]
    assert context_on(search_of(*quiet), SUNDAY) == "weekly"

    streak = plan("DDDDDDD", day_after(SUNDAY, -6))
    assert context_on(search_of(*streak), SUNDAY) == "milestone"

    orbit = rejected("Orbit", day_after(SUNDAY, -40))
    interviewed = with_interviews(search_of(*streak, orbit), interview_on(orbit, SUNDAY))
    assert context_on(interviewed, SUNDAY) == "interview"

    said_no = with_interviews(search_of(*streak, orbit, rejected("Quill Labs", SUNDAY)), interview_on(orbit, SUNDAY))
    assert context_on(said_no, SUNDAY) == "rejection"


def test_the_dashboard_shows_a_prompt_for_the_days_context() -> None:
    search = search_of(rejected("Quill Labs", WEDNESDAY))
    dashboard = build_dashboard(search, WEDNESDAY, reflection_prompts())
    assert dashboard.prompt_context == "rejection"
    assert dashboard.prompt == choose_prompt(reflection_prompts(), WEDNESDAY, "rejection")


def test_a_reflection_already_written_keeps_the_prompt_it_answered() -> None:
    written = Reflection(
        day=WEDNESDAY, prompt="What went well?", text="Two applications out.", created_at=STAMP, updated_at=STAMP
    )
    search = dataclasses.replace(search_of(rejected("Quill Labs", WEDNESDAY)), reflections=(written,))
    dashboard = build_dashboard(search, WEDNESDAY, reflection_prompts())
    assert dashboard.prompt.text == "What went well?"
    assert dashboard.reflection_text == "Two applications out."
