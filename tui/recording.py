"""Recording what a person does: each change is one locked store transaction, shared by shell and app."""

from __future__ import annotations

import uuid
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
    Settings,
    Stage,
    StageChange,
)
from tui.core.search import JobSearch
from tui.store import Store, Transaction

STAGE_ACTIVITY = {
    Stage.APPLIED: ActivityKind.APPLY,
    Stage.SCREENING: ActivityKind.INTERVIEW,
    Stage.INTERVIEWING: ActivityKind.INTERVIEW,
}


@dataclass(frozen=True)
class Recorder:
    """A store and a clock: everything needed to record a change at the right instant and day."""

    store: Store
    now: Clock

    def zone(self, settings: Settings) -> ZoneInfo:
        return zone_named(settings.timezone)

    def today(self, search: JobSearch) -> date:
        settings = search.settings
        return logical_day(self.now(), self.zone(settings), settings.rollover_hour)

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
        with self.store.transaction() as tx:
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
        with self.store.transaction() as tx:
            if application_id is not None and tx.get(Application, application_id) is None:
                raise KeyError(f"no application with id {application_id}")
            return self._add_activity(tx, self.now(), kind, note, on, application_id)

    def write_reflection(self, day: date, prompt: str, text: str) -> Reflection:
        """Save the day's reflection (one per day: writing again replaces the text)."""
        with self.store.transaction() as tx:
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
        with self.store.transaction() as tx:
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

    def update_settings(self, **changes: object) -> Settings:
        """Change settings; a new time zone or rollover hour moves no stored day."""
        with self.store.transaction() as tx:
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
