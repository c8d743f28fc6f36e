"""What the day looks like: the figures and lists the dashboard and `nextyes status` / `today` show."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from tui.core.actions import next_action_change, pending_rows, todays_actions
from tui.core.day_view import Dashboard as Dashboard
from tui.core.local_times import NoSuchTime, local_instant
from tui.core.prompts import Prompt, choose_prompt, prompt_context
from tui.core.rewards import rewards_on, weekly_progress
from tui.core.search import JobSearch
from tui.core.streaks import rest_days_left, track


def build_dashboard(
    search: JobSearch, today: date, prompts: Sequence[Prompt], zone_now: str = "UTC", now: datetime | None = None
) -> Dashboard:
    """Everything the dashboard shows on `today`; `zone_now` is the time zone it is being lived in.

    `now`, the present instant when `today` is the day being lived, times what an interview's hour changes:
    its prep ends and its thank-you begins. Without it the whole day counts for both (a day looked back on).
    """
    settings = search.settings
    reflection = search.reflection_on(today)
    history = track(search, today, zone_now)
    context = prompt_context(search, today, history)
    return Dashboard(
        today=today,
        history=history,
        weekly=weekly_progress(search, today),
        rest_days_left=rest_days_left(search, today),
        rewards=list(rewards_on(search, today, zone_now)),
        activities_today=len(search.activities_by_day.get(today, [])),
        actions=todays_actions(search, settings, today, now),
        pending=pending_rows(search, settings, today, now),
        # A reflection already written keeps the prompt it answered, whatever has happened since.
        prompt=Prompt(context, reflection.prompt) if reflection else choose_prompt(prompts, today, context),
        prompt_context=context,
        reflection_text=reflection.text if reflection else "",
        changes_at=next_action_change(search, now) if now is not None else None,
    )


def holds_until(today: date, dashboard: Dashboard, rollover_hour: int, zone: ZoneInfo) -> datetime | None:
    """Until when `dashboard`, worked out on the logical day `today`, stays true with nothing written: the day's
    end, or the next instant its actions change by the clock alone. None when the clocks skip the day's end."""
    try:
        ends = local_instant(today + timedelta(days=1), time(rollover_hour), zone)
    except NoSuchTime:
        return None
    return min(ends, dashboard.changes_at) if dashboard.changes_at is not None else ends
