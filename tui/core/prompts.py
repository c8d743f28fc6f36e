"""Choosing the day's reflection prompt: deterministic per day, no repeats within a fortnight."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

NO_REPEAT_DAYS = 14


@dataclass(frozen=True)
class Prompt:
    context: str
    text: str


def choose_prompt(prompts: Iterable[Prompt], day: date, context: str = "daily") -> Prompt:
    """The prompt for `day` from those tagged `context`.

    The pool is put in a fixed, shuffled-looking order (by a hash of each text) and walked one step
    a day, so a pool of N prompts repeats only every N days: never within 14 while N >= 14.
    """
    pool = _ordered(p for p in prompts if p.context == context)
    if not pool:
        raise ValueError(f"no reflection prompts for {context!r}")
    return pool[day.toordinal() % len(pool)]


def _ordered(prompts: Iterable[Prompt]) -> Sequence[Prompt]:
    return sorted(prompts, key=lambda p: hashlib.sha256(p.text.encode()).hexdigest())
