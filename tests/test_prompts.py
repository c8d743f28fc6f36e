"""Today's reflection prompt: the same all day, fresh for a fortnight, from the prompts shipped in data/."""

from __future__ import annotations

import tomllib
from collections import Counter
from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tui.content import reflection_prompts
from tui.core.prompts import NO_REPEAT_DAYS, Prompt, choose_prompt
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
    assert set(contexts) == CONTEXTS
    assert contexts["daily"] >= NO_REPEAT_DAYS


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
