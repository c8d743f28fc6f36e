"""Counting records in plain English, as the shell's `check` and `import` say them."""

from __future__ import annotations

import pytest

from tui.core.words import count, record_noun
from tui.store.database import TABLES


@pytest.mark.parametrize(
    ("number", "noun", "said"),
    [
        (1, "activity", "1 activity"),
        (2, "activity", "2 activities"),
        (0, "rest day", "0 rest days"),
        (3, "day", "3 days"),
        (1200, "application", "1,200 applications"),
        (2, "action mark", "2 action marks"),
        (3, "application sent", "3 applications sent"),  # with its plural given
    ],
)
def test_count_says_the_number_and_the_noun_in_plain_english(number: int, noun: str, said: str) -> None:
    plural = "applications sent" if noun == "application sent" else None
    assert count(number, noun, plural) == said


def test_every_table_name_reads_as_one_record_and_back() -> None:
    for table in TABLES:
        noun = record_noun(table)
        assert count(2, noun).removeprefix("2 ") == table.replace("_", " ")
