"""What the day looks like: the figures and lists the dashboard and `nextyes status` / `today` show."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from tui.core.actions import Action, open_actions, todays_actions
from tui.core.pipeline import PendingRow, pending_rows
from tui.core.prompts import Prompt, choose_prompt
from tui.core.search import JobSearch
from tui.core.streaks import StreakSummary, summarize


@dataclass(frozen=True)
class Dashboard:
    today: date
    streak: StreakSummary
    done_today: int
    daily_target: int
    actions: list[Action]
    pending: list[PendingRow]
    prompt: Prompt
    reflection_text: str

    @property
    def actions_due(self) -> list[Action]:
        return open_actions(self.actions)


def build_dashboard(search: JobSearch, today: date, prompts: Sequence[Prompt]) -> Dashboard:
    settings = search.settings
    reflection = search.reflection_on(today)
    return Dashboard(
        today=today,
        streak=summarize(search.activities_by_day, today),
        done_today=len(search.activities_by_day.get(today, [])),
        daily_target=settings.daily_target,
        actions=todays_actions(search, settings, today),
        pending=pending_rows(search, settings, today),
        prompt=Prompt("daily", reflection.prompt) if reflection else choose_prompt(prompts, today),
        reflection_text=reflection.text if reflection else "",
    )
