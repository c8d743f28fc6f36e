"""Recording what a person does: each change is one locked store transaction, shared by shell and app."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime
from zoneinfo import ZoneInfo

from tui.clock import Clock, zone_named
from tui.core.actions import Action
from tui.core.days import logical_day
from tui.core.models import (
    Activity,
    ActivityKind,
    Application,
    ApplicationKind,
    Reflection,
    RestDay,
    Settings,
    Stage,
    StageChange,
)
from tui.core.rewards import Reward, earned_rewards, newly_earned, week_start
from tui.core.search import JobSearch
from tui.core.streaks import planned_rest_days, rest_days_left, track
from tui.store import Store, Transaction

STAGE_ACTIVITY = {
    Stage.APPLIED: ActivityKind.APPLY,
    Stage.SCREENING: ActivityKind.INTERVIEW,
    Stage.INTERVIEWING: ActivityKind.INTERVIEW,
}


class RestRefused(ValueError):
    """A rest day that cannot be planned; the message says why and what would work."""


@dataclass(frozen=True)
class Recorder:
    """A store and a clock: everything needed to record a change at the right instant and day.

    `celebrate`, when given, hears of every reward a change has just earned, after it is saved.
    """

    store: Store
    now: Clock
    celebrate: Callable[[list[Reward]], None] | None = None

    def zone(self, settings: Settings) -> ZoneInfo:
        return zone_named(settings.timezone)

    def today(self, search: JobSearch) -> date:
        settings = search.settings
        return logical_day(self.now(), self.zone(settings), settings.rollover_hour)

    def rewards(self, search: JobSearch) -> list[Reward]:
        """Every reward earned as of today."""
        today = self.today(search)
        return earned_rewards(search, track(search, today, self.zone(search.settings).key))

    @contextmanager
    def _transaction(self) -> Iterator[Transaction]:
        """A store transaction that, once saved, tells `celebrate` what the change has earned."""
        earned: list[Reward] = []
        with self.store.transaction() as tx:
            yield tx
            if self.celebrate is not None and tx.changed:
                earned = newly_earned(self.rewards(tx.initial), self.rewards(tx.search))
        if earned and self.celebrate is not None:
            self.celebrate(earned)

    def add_application(
        self,
        company: str,
        role: str,
        *,
        kind: ApplicationKind = ApplicationKind.FULL_TIME,
        source: str = "",
        url: str = "",
        on: date | None = None,
        note: str = "",
    ) -> Application:
        """A new application at stage applied, which also counts as an `apply` activity on its day."""
        with self._transaction() as tx:
            stamp = self.now()
            day = on or self._day_now(tx.settings, stamp)
            application = Application(
                company=company.strip(),
                role=role.strip(),
                kind=kind,
                source=source.strip(),
                url=url.strip(),
                applied_on=day,
                stage=Stage.APPLIED,
                stage_history=[StageChange(stage=Stage.APPLIED, at=stamp, day=day)],
                notes=note.strip(),
                created_at=stamp,
                updated_at=stamp,
            )
            tx.add(application)
            self._add_activity(tx, stamp, ActivityKind.APPLY, note or "", day, application.id)
            return application

    def log(
        self,
        kind: ActivityKind,
        note: str = "",
        *,
        on: date | None = None,
        application_id: uuid.UUID | None = None,
    ) -> Activity:
        with self._transaction() as tx:
            if application_id is not None and tx.get(Application, application_id) is None:
                raise KeyError(f"no application with id {application_id}")
            return self._add_activity(tx, self.now(), kind, note, on, application_id)

    def write_reflection(self, day: date, prompt: str, text: str) -> Reflection:
        """Save the day's reflection (one per day: writing again replaces the text)."""
        with self._transaction() as tx:
            stamp = self.now()
            existing = tx.search.reflection_on(day)
            if existing is not None:
                return tx.replace(existing.touched(stamp, text=text))  # type: ignore[return-value]
            reflection = Reflection(day=day, prompt=prompt, text=text, created_at=stamp, updated_at=stamp)
            tx.add(reflection)
            self._add_activity(tx, stamp, ActivityKind.REFLECT, "wrote the day's reflection", day, None)
            return reflection

    def move_stage(
        self, application_id: uuid.UUID, stage: Stage, *, note: str = "", on: date | None = None
    ) -> Application:
        """Move an application to `stage`, keep the move in its history, and count it as an activity."""
        with self._transaction() as tx:
            application = tx.get(Application, application_id)
            if application is None:
                raise KeyError(f"no application with id {application_id}")
            stamp = self.now()
            day = on or self._day_now(tx.settings, stamp)
            history = [*application.stage_history, StageChange(stage=stage, at=stamp, day=day, note=note)]
            changes: dict[str, object] = {"stage": stage, "stage_history": history}
            if stage is Stage.APPLIED and application.stage is Stage.SAVED:
                changes["applied_on"] = day  # a saved job is sent now: follow-ups count from here
            moved = application.touched(stamp, **changes)
            tx.replace(moved)
            kind = STAGE_ACTIVITY.get(stage, ActivityKind.OTHER)
            self._add_activity(tx, stamp, kind, f"{application.company}: {stage.value}", day, application.id)
            return moved

    def plan_rest(self, day: date, note: str = "") -> RestDay:
        """Plan `day` as a rest day, within the week's allowance of rest days."""
        with self._transaction() as tx:
            search = tx.initial
            if search.rest_day_on(day) is not None:
                raise RestRefused(f"{day:%a %d %b %Y} is already a rest day")
            if rest_days_left(search, day) == 0:
                raise RestRefused(_no_rest_left(search, day))
            stamp = self.now()
            rest = RestDay(day=day, note=note.strip(), created_at=stamp, updated_at=stamp)
            tx.add(rest)
            return rest

    def cancel_rest(self, day: date) -> RestDay:
        """Make a planned rest day an ordinary day again."""
        with self._transaction() as tx:
            rest = tx.initial.rest_day_on(day)
            if rest is None:
                raise RestRefused(f"{day:%a %d %b %Y} is not a rest day, so there is nothing to cancel")
            tx.remove(rest)
            return rest

    def update_settings(self, **changes: object) -> Settings:
        """Change settings; a new time zone or rollover hour moves no stored day."""
        with self._transaction() as tx:
            return tx.save_settings(tx.settings.touched(self.now(), **changes))

    def complete(self, action: Action, note: str = "") -> Activity | None:
        """Mark a today's action done by logging the activity it stands for."""
        if action.logs is None:
            return None
        return self.log(action.logs, note or action.title, application_id=action.application_id)

    def _day_now(self, settings: Settings, stamp: datetime) -> date:
        return logical_day(stamp, self.zone(settings), settings.rollover_hour)

    def _add_activity(
        self,
        tx: Transaction,
        stamp: datetime,
        kind: ActivityKind,
        note: str,
        on: date | None,
        application_id: uuid.UUID | None,
    ) -> Activity:
        settings = tx.settings
        zone = self.zone(settings)
        activity = Activity(
            kind=kind,
            at=stamp.astimezone(ZoneInfo("UTC")),
            timezone=zone.key,
            logical_day=on or logical_day(stamp, zone, settings.rollover_hour),
            note=note.strip(),
            application_id=application_id,
            created_at=stamp,
            updated_at=stamp,
        )
        tx.add(activity)
        return activity


def _no_rest_left(search: JobSearch, day: date) -> str:
    allowance = search.settings.rest_days_per_week
    change = "change the allowance with 'nextyes settings --rest-days-per-week N'"
    if allowance == 0:
        return f"rest days are turned off; {change}"
    monday = week_start(day)
    planned = sorted(d for d in planned_rest_days(search) if week_start(d) == monday)
    listed = ", ".join(f"{d:%a %d}" for d in planned)
    days = "day" if allowance == 1 else "days"
    return (
        f"the week of Mon {monday:%d %b} already has {allowance} rest {days} ({listed}), "
        f"the most allowed; {change}"
    )
