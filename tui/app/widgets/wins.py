"""The wins list, as Progress and the steps after a no show it: newest first, each with its day."""

from __future__ import annotations

from collections.abc import Sequence

from textual.content import Content

from tui.core.days import describe_day
from tui.core.models import Win

NONE_YET = (
    "None written down yet, and that is fine. Press w on the dashboard any day to add one: something you "
    "did well, ideally with a number in it. Interviews reached and offers are added for you."
)


def win_lines(newest_first: Sequence[Win]) -> list[Content]:
    """Every win, a line each (wrapped where it is long), newest first; or why there are none yet."""
    if not newest_first:
        return [Content.styled(NONE_YET, "$foreground-muted")]
    return [
        Content.assemble(("✓ ", "$text-success"), (f"{describe_day(win.day)}  ", "$foreground-muted"), win.text)
        for win in newest_first
    ]


def describe_wins(newest_first: Sequence[Win], shown: int | None = None) -> Content:
    """The first `shown` wins (all when None), then how many more there are and where to see them.

    Give them newest first (`JobSearch.wins_newest_first`).
    """
    if not newest_first:
        return Content.styled(NONE_YET, "$foreground-muted")
    listed = Content("\n").join(win_lines(newest_first[:shown]))
    if shown is not None and len(newest_first) > shown:
        more = Content.styled(f"\n  and {len(newest_first) - shown} more: p shows them all", "$foreground-muted")
        listed = Content.assemble(listed, more)
    return listed
