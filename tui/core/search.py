"""`JobSearch`: every record of one person's search, read at one moment, with the look-ups rules need."""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass, fields
from datetime import date
from functools import cached_property
from typing import TypeVar

from tui.core.models import (
    ActionMark,
    Activity,
    ActivityKind,
    Application,
    Contact,
    Interview,
    LearningGoal,
    Record,
    Reflection,
    RestDay,
    Settings,
    Stage,
    Win,
)
from tui.core.remembering import remembers as remembers


@dataclass(frozen=True)
class JobSearch:
    """An immutable view of the database. Rules take one of these and return new facts."""

    settings: Settings
    applications: tuple[Application, ...] = ()
    activities: tuple[Activity, ...] = ()
    reflections: tuple[Reflection, ...] = ()
    rest_days: tuple[RestDay, ...] = ()
    interviews: tuple[Interview, ...] = ()
    contacts: tuple[Contact, ...] = ()
    learning_goals: tuple[LearningGoal, ...] = ()
    wins: tuple[Win, ...] = ()
    action_marks: tuple[ActionMark, ...] = ()

    @property
    def size(self) -> int:
        """How many records the search holds, settings aside."""
        return sum(len(getattr(self, field.name)) for field in fields(self) if field.name != "settings")

    @cached_property
    def remembered(self) -> dict[Hashable, object]:
        """Results of pure rules over this search, kept with it (see `remembers`): it never changes."""
        return {}

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
            applications=tuple(a for a in self.applications if a.applied_on is None or a.applied_on <= day),
            activities=tuple(a for a in self.activities if a.logical_day <= day),
            reflections=tuple(r for r in self.reflections if r.day <= day),
            rest_days=tuple(r for r in self.rest_days if r.day <= day),
            interviews=self.interviews,  # scheduled ahead: an interview booked for later is known today
            contacts=self.contacts,
            learning_goals=self.learning_goals,
            wins=tuple(w for w in self.wins if w.day <= day),
            action_marks=tuple(m for m in self.action_marks if m.day <= day),
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
        return _named(self.applications, reference, lambda application: application.company)

    def application(self, application_id: uuid.UUID | None) -> Application | None:
        return self.applications_by_id.get(application_id) if application_id is not None else None

    @cached_property
    def applications_by_id(self) -> dict[uuid.UUID, Application]:
        return {application.id: application for application in self.applications}

    def contact(self, contact_id: uuid.UUID | None) -> Contact | None:
        return self.contacts_by_id.get(contact_id) if contact_id else None

    @cached_property
    def contacts_by_id(self) -> dict[uuid.UUID, Contact]:
        """Each contact by its id; of two with one id (never written so), the first, as a scan finds it."""
        found: dict[uuid.UUID, Contact] = {}
        for contact in self.contacts:
            found.setdefault(contact.id, contact)
        return found

    @cached_property
    def applications_by_stage(self) -> dict[Stage, tuple[Application, ...]]:
        """The applications standing at each stage, in the order the search holds them: the rules that
        look at one stage (follow-ups, ghosted, saved to send) skip the years of ended ones."""
        grouped: dict[Stage, list[Application]] = defaultdict(list)
        for application in self.applications:
            grouped[application.stage].append(application)
        return {stage: tuple(applications) for stage, applications in grouped.items()}

    def last_activity_day(self, application_id: uuid.UUID) -> date | None:
        """The latest logical day of the activities linked to the application, worked out once for each."""
        found = self._last_activity_days
        if application_id not in found:
            linked = self.activities_by_application.get(application_id, ())
            found[application_id] = max((activity.logical_day for activity in linked), default=None)
        return found[application_id]

    @cached_property
    def _last_activity_days(self) -> dict[uuid.UUID, date | None]:
        return {}

    def follow_up_days(self, application_id: uuid.UUID) -> tuple[date, ...]:
        """The logical days of the follow-ups sent on the application, earliest first, worked out once for each."""
        found = self._follow_up_days
        if application_id not in found:
            linked = self.activities_by_application.get(application_id, ())
            found[application_id] = tuple(sorted(a.logical_day for a in linked if a.kind is ActivityKind.FOLLOW_UP))
        return found[application_id]

    @cached_property
    def _follow_up_days(self) -> dict[uuid.UUID, tuple[date, ...]]:
        return {}

    @cached_property
    def interviews_by_start(self) -> tuple[Interview, ...]:
        """Every interview, the earliest first (ties as the search holds them)."""
        return tuple(sorted(self.interviews, key=lambda interview: interview.at))

    def interviews_for(self, application: Application) -> list[Interview]:
        """The application's interviews, earliest first."""
        return sorted((i for i in self.interviews if i.application_id == application.id), key=lambda i: i.at)

    def contacts_for(self, application: Application) -> list[Contact]:
        """Contacts linked to the application, or working at its company."""
        company = application.company.strip().lower()
        return [
            c
            for c in self.contacts
            if application.id in c.application_ids or (company and c.company.strip().lower() == company)
        ]

    def last_contacted(self, contact: Contact) -> date | None:
        """The latest day I was in touch: as recorded on the contact, or a networking activity with them."""
        latest = self.last_activity_day_by_contact.get(contact.id)
        if contact.last_contact is not None and (latest is None or contact.last_contact > latest):
            return contact.last_contact
        return latest

    @cached_property
    def last_activity_day_by_contact(self) -> dict[uuid.UUID, date]:
        """The latest logical day of the activities with each contact, by the contact's id."""
        return {
            contact_id: max(activity.logical_day for activity in linked)
            for contact_id, linked in self.activities_by_contact.items()
        }

    @cached_property
    def activities_by_contact(self) -> dict[uuid.UUID, list[Activity]]:
        grouped: dict[uuid.UUID, list[Activity]] = defaultdict(list)
        for activity in self.activities:
            if activity.contact_id is not None:
                grouped[activity.contact_id].append(activity)
        return dict(grouped)

    @cached_property
    def marks_by_key(self) -> dict[str, list[ActionMark]]:
        """Every mark made on an action, by the action's key, oldest first."""
        grouped: dict[str, list[ActionMark]] = defaultdict(list)
        for mark in sorted(self.action_marks, key=lambda m: (m.day, m.created_at)):
            grouped[mark.key].append(mark)
        return dict(grouped)

    @cached_property
    def wins_newest_first(self) -> tuple[Win, ...]:
        return tuple(sorted(self.wins, key=lambda win: (win.day, win.created_at), reverse=True))

    def find_contact(self, reference: str) -> list[Contact]:
        """Contacts a short id (or its prefix) or part of a name names."""
        return _named(self.contacts, reference, lambda contact: contact.name)


Named = TypeVar("Named", bound=Record)
T = TypeVar("T")


def _named(records: Iterable[Named], reference: str, name: Callable[[Named], str]) -> list[Named]:
    """The records whose id starts with `reference`, or else those whose name contains it (any case)."""
    wanted = reference.strip().lower()
    if not wanted:
        return []
    by_id = [record for record in records if record.id.hex.startswith(wanted)]
    return by_id or [record for record in records if wanted in name(record).lower()]
