"""The search's look-ups worked out once (by id, by stage, each application's latest activity and follow-ups)
answer as a scan of every record does, and the rules that use them answer the same on any day asked."""

from __future__ import annotations

import uuid
from dataclasses import replace
from datetime import date, datetime, time, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.support.day_records import SETTINGS, STAMP, UTC
from tui.core.actions import _points_on, todays_actions
from tui.core.insights import Breakdown, _breakdown, _breakdowns, _keyword_breakdowns, _reach, role_keywords
from tui.core.models import (
    ActionMark,
    Activity,
    ActivityKind,
    Application,
    Contact,
    Interview,
    Mark,
    Stage,
    StageChange,
    Tier,
)
from tui.core.pipeline import last_touch, next_follow_up
from tui.core.search import JobSearch
from tui.core.streaks import day_points
from tui.core.tally import tally_of

START = date(2026, 1, 5)
COMPANIES = ("Acme", "Acme Inc.", "Globex", "Initech", "Hooli")
ROLES = ("Engineer", "Senior Data Engineer", "Sr. Data Engineer", "Head of Data", "ML Engineer", "Data Analyst")


def noon(day: date) -> datetime:
    return datetime.combine(day, time(12), UTC)


@st.composite
def searches(draw: st.DrawFn) -> JobSearch:
    """A small search of a few weeks: applications at every stage, activities on them and with contacts,
    interviews, reminders, marks on the actions of the days."""
    day = st.integers(0, 60).map(lambda offset: START + timedelta(days=offset))
    applications = []
    for _ in range(draw(st.integers(0, 8))):
        applied = draw(st.none() | day)
        stage = draw(st.sampled_from(Stage))
        moves = [StageChange(stage=Stage.APPLIED, at=noon(applied), day=applied)] if applied else []
        moves += [
            StageChange(stage=moved, at=noon(on), day=on)
            for moved, on in draw(st.lists(st.tuples(st.sampled_from(Stage), day), max_size=3))
        ]
        added = noon(draw(day))
        applications.append(
            Application(
                company=draw(st.sampled_from(COMPANIES)),
                role=draw(st.sampled_from(ROLES)),
                applied_on=applied,
                stage=stage,
                stage_history=moves,
                reapply_after=draw(st.none() | day),
                feedback=draw(st.sampled_from(("", "too junior"))),
                created_at=added,
                updated_at=added,
            )
        )
    contacts = []
    for number in range(draw(st.integers(0, 5))):
        added = noon(draw(day))
        contacts.append(
            Contact(
                name=f"Person {number}",
                tier=draw(st.sampled_from(Tier)),
                last_contact=draw(st.none() | day),
                reconnect_on=draw(st.none() | day),
                application_ids=[a.id for a in applications[:1]],
                created_at=added,
                updated_at=added,
            )
        )
    if contacts and draw(st.booleans()):  # two records with one id, as no writer makes them: the first is found
        contacts.append(replace_id(contacts[-1], contacts[0].id))
    activities = []
    for _ in range(draw(st.integers(0, 25))):
        on = draw(day)
        linked = draw(st.none() | st.sampled_from(applications)) if applications else None
        met = draw(st.none() | st.sampled_from(contacts)) if contacts else None
        activities.append(
            Activity(
                kind=draw(st.sampled_from(ActivityKind)),
                at=noon(on),
                timezone="UTC",
                logical_day=on,
                application_id=linked.id if linked else None,
                contact_id=met.id if met else None,
                created_at=noon(on),
                updated_at=noon(on),
            )
        )
    interviews = [
        Interview(
            application_id=draw(st.sampled_from(applications)).id,
            at=datetime.combine(on, time(draw(st.integers(8, 17))), UTC),
            timezone="UTC",
            day=on,
            cancelled=draw(st.booleans()),
            created_at=STAMP,
            updated_at=STAMP,
        )
        for on in (draw(st.lists(day, max_size=4)) if applications else [])
    ]
    marks = [
        ActionMark(key=f"reconnect:{c.id.hex}:{on.isoformat()}", mark=draw(st.sampled_from(Mark)), day=on, **stamps(on))
        for c in contacts
        for on in draw(st.lists(day, max_size=1))
    ]
    return JobSearch(
        settings=SETTINGS.model_copy(update={"reconnects_per_day": draw(st.integers(0, 3))}),
        applications=tuple(applications),
        activities=tuple(activities),
        interviews=tuple(interviews),
        contacts=tuple(contacts),
        action_marks=tuple(marks),
    )


def stamps(day: date) -> dict[str, datetime]:
    return {"created_at": noon(day), "updated_at": noon(day)}


def replace_id(contact: Contact, contact_id: uuid.UUID) -> Contact:
    return contact.model_copy(update={"id": contact_id, "name": "Someone else"})


def fresh(search: JobSearch) -> JobSearch:
    """The same records in a search that has worked nothing out yet."""
    return replace(search)


@given(searches())
def test_a_contact_found_by_id_is_the_first_a_scan_finds(search: JobSearch) -> None:
    for contact in (*search.contacts, None):
        wanted = contact.id if contact else uuid.uuid4()
        assert search.contact(wanted) is next((c for c in search.contacts if c.id == wanted), None)
    assert search.contact(None) is None


@given(searches())
def test_the_last_day_in_touch_is_the_latest_of_the_contact_and_its_activities(search: JobSearch) -> None:
    for contact in search.contacts:
        days = [a.logical_day for a in search.activities if a.contact_id == contact.id]
        days += [contact.last_contact] if contact.last_contact else []
        assert search.last_contacted(contact) == max(days, default=None)


@given(searches())
def test_each_applications_latest_activity_and_follow_ups_are_those_a_scan_finds(search: JobSearch) -> None:
    for application in (*search.applications, None):
        wanted = application.id if application else uuid.uuid4()
        linked = [a for a in search.activities if a.application_id == wanted]
        assert search.last_activity_day(wanted) == max((a.logical_day for a in linked), default=None)
        follow_ups = sorted(a.logical_day for a in linked if a.kind is ActivityKind.FOLLOW_UP)
        assert search.follow_up_days(wanted) == tuple(follow_ups)


@given(searches())
def test_applications_by_stage_keep_the_searchs_order(search: JobSearch) -> None:
    for stage in Stage:
        expected = tuple(a for a in search.applications if a.stage is stage)
        assert search.applications_by_stage.get(stage, ()) == expected
    assert search.interviews_by_start == tuple(sorted(search.interviews, key=lambda i: i.at))


@given(searches())
def test_last_touch_and_the_next_follow_up_read_every_linked_activity(search: JobSearch) -> None:
    for application in search.applications:
        days = [change.day for change in application.stage_history]
        days += [a.logical_day for a in search.activities if a.application_id == application.id]
        days += [application.applied_on] if application.applied_on else []
        assert last_touch(search, application) == max(days, default=None)
        owed = next_follow_up(search, application, SETTINGS)
        if owed is not None:
            sent = [
                a.logical_day
                for a in search.activities
                if a.application_id == application.id and a.kind is ActivityKind.FOLLOW_UP
            ]
            assert owed.number == len(sent) + 1
            assert owed.anchor == max([application.applied_on or owed.anchor, *sent])


@settings(max_examples=60, deadline=None)
@given(searches())
def test_todays_actions_are_the_same_whichever_days_were_asked_before(search: JobSearch) -> None:
    """The weekly review asks eight days in a row of one search: what was worked out for one day never leaks into
    another's list."""
    days = [START + timedelta(days=offset) for offset in range(0, 70, 9)]
    asked_in_a_row = [todays_actions(search, search.settings, day) for day in days]
    assert asked_in_a_row == [todays_actions(fresh(search), search.settings, day) for day in days]
    assert asked_in_a_row == [todays_actions(fresh(search), search.settings, day) for day in reversed(days)][::-1]


@given(searches(), st.sampled_from(("nothing", "tally", "table")))
def test_the_points_of_a_day_are_those_of_the_days_table(search: JobSearch, worked_out: str) -> None:
    """The daily target's points, added up for its day alone, whatever was worked out for the search before."""
    for day in (START + timedelta(days=offset) for offset in range(0, 61, 3)):
        asked = fresh(search)
        if worked_out == "tally":
            tally_of(asked)
        elif worked_out == "table":
            day_points(asked, day)
        assert _points_on(asked, day) == day_points(fresh(search), day).get(day, 0.0)


@given(st.lists(st.tuples(st.sampled_from(ROLES), st.sampled_from(Stage)), max_size=30))
def test_the_words_in_the_role_are_every_shared_word_counted_in_full(sent: list[tuple[str, Stage]]) -> None:
    """Only the dozen words shown are added up now: they are the dozen that adding every word up would show."""
    reaches = [
        _reach(
            Application(company="Acme", role=role, stage=stage, applied_on=START, created_at=STAMP, updated_at=STAMP),
            has_interview=False,
        )
        for role, stage in sent
    ]
    every_word = _breakdowns(reaches, lambda application: sorted(role_keywords(application.role)))
    expected = tuple(row for row in every_word if row.applied >= 2)[:12]
    assert _keyword_breakdowns(reaches) == expected
    for row in expected:
        members = [r for r in reaches if row.label in role_keywords(r.application.role)]
        assert row == Breakdown(
            row.label,
            applied=len(members),
            replies=sum(r.replied for r in members),
            interviews=sum(r.interviewed for r in members),
            offers=sum(r.offered for r in members),
            rejections=sum(r.application.stage is Stage.REJECTED for r in members),
            ghosted=sum(r.application.stage is Stage.GHOSTED for r in members),
        )
        assert _breakdown(row.label, members) == row
