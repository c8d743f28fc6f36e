"""Counting things in plain English: '1 activity', '12 rest days', from a noun or a table's name."""

from __future__ import annotations


def count(number: int, noun: str, plural: str | None = None) -> str:
    """'1 activity', '1,200 activities', '2 rest days'; `plural` when it is not the noun's regular one."""
    if number == 1:
        return f"1 {noun}"
    if plural is None:
        consonant_y = noun.endswith("y") and noun[-2:-1] not in ("a", "e", "i", "o", "u")
        plural = noun[:-1] + "ies" if consonant_y else noun + "s"
    return f"{number:,} {plural}"


def record_noun(table: str) -> str:
    """One record of a table, as the database names it: 'rest_days' -> 'rest day', 'activities' -> 'activity'."""
    words = table.replace("_", " ")
    return words[:-3] + "y" if words.endswith("ies") else words.removesuffix("s")
