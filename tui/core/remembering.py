"""`remembers`: a pure rule over a search worked out once per search and arguments.

Apart from `search.py` so that the streak and the rewards, which use it, load without the record models: the
shell's quick `log` judges the streak from the tally alone (see `tally.py`).
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Hashable
from typing import Protocol, TypeVar

T = TypeVar("T")


class Remembering(Protocol):
    """A search: it keeps the results of rules over it (`JobSearch.remembered`)."""

    @property
    def remembered(self) -> dict[Hashable, object]: ...


def remembers(rule: Callable[..., T]) -> Callable[..., T]:
    """`rule(search, *args)`, worked out once per search and arguments.

    The dashboard and the rewards after a change both judge the streak of the same search as of the
    same day; at five years of records that is 30 ms each time.
    """

    @functools.wraps(rule)
    def remembered(search: Remembering, *args: Hashable) -> T:
        key = (rule, *args)
        if key not in search.remembered:
            search.remembered[key] = rule(search, *args)
        return search.remembered[key]  # type: ignore[return-value]

    return remembered


def known(search: Remembering, rule: Callable[..., T], *args: Hashable) -> T | None:
    """What the remembered `rule` already worked out for `search` and `args`; None when it has not yet."""
    found = search.remembered.get((rule.__wrapped__, *args))  # type: ignore[attr-defined]
    return found  # type: ignore[return-value]


def remember(search: Remembering, rule: Callable[..., T], value: T, *args: Hashable) -> None:
    """Let the remembered `rule` answer `value` for `search` and `args`: worked out another way (carried over)."""
    search.remembered[(rule.__wrapped__, *args)] = value  # type: ignore[attr-defined]
