"""`JobSearch`: every record of one person's search, read at one moment, with the look-ups rules need."""

from __future__ import annotations

import uuid
from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from functools import cached_property

from tui.core.models import Activity, ActivityKind, Application, Reflection, RestDay, Settings


@dataclass(frozen=True)
class JobSearch:
    """An immutable view of the database. Rules take one of these and return new facts."""

    settings: Settings
    applications: tuple[Application, ...] = ()
    activities: tuple[Activity, ...] = ()
    reflections: tuple[Reflection, ...] = ()
    rest_days: tuple[RestDay, ...] = ()

    @cached_property
    def activities_by_application(self) -> dict[uuid.UUID, list[Activity]]:
        grouped: dict[uuid.UUID, list[Activity]] = defaultdict(list)
        for activity in self.activities:
            if activity.application_id is not None:
                grouped[activity.application_id].append(activity)
        return dict(grouped)

    @cached_property
    def activities_by_day(self) -> dict[date, list[Activity]]:
        grouped: dict[date, list[Activity]] = defaultdict(list)
        for activity in self.activities:
            grouped[activity.logical_day].append(activity)
        return dict(grouped)

    def as_of(self, day: date) -> JobSearch:
        """The search as it stood at the end of `day`: later applications and activities left out."""
        return JobSearch(
            settings=self.settings,
            applications=tuple(
                a for a in self.applications if a.applied_on is None or a.applied_on <= day
            ),
            activities=tuple(a for a in self.activities if a.logical_day <= day),
            reflections=tuple(r for r in self.reflections if r.day <= day),
            rest_days=tuple(r for r in self.rest_days if r.day <= day),
        )

    def activities_for(self, application: Application, kind: ActivityKind | None = None) -> list[Activity]:
        linked = self.activities_by_application.get(application.id, [])
        return [a for a in linked if kind is None or a.kind is kind]

    def rest_day_on(self, day: date) -> RestDay | None:
        return next((r for r in self.rest_days if r.day == day), None)

    def reflection_on(self, day: date) -> Reflection | None:
        return next((r for r in self.reflections if r.day == day), None)

    def find_application(self, reference: str) -> list[Application]:
        """Applications a short id (or its prefix) or part of a company name names."""
        wanted = reference.strip().lower()
        if not wanted:
            return []
        by_id = [a for a in self.applications if a.id.hex.startswith(wanted)]
        if by_id:
            return by_id
        return [a for a in self.applications if wanted in a.company.lower()]
