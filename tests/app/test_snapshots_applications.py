"""Pictures at 80×24 of All applications: the list, the list filtered, one application's page, the edit form
and the question asked before a delete.

A search of its own, recorded here rather than the shipped demo, so these change only when the screens do.
Update them after a deliberate change with
`pytest tests/app/test_snapshots_applications.py --snapshot-update`, then look at the SVGs before committing.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from textual.pilot import Pilot

from tests.support.clock import ZONE, FakeClock
from tests.support.pilot import SIZE, type_text
from tui.app import NextYesApp
from tui.app.pilot import settle
from tui.app.screens.applications import ApplicationsScreen
from tui.core.models import Application, InterviewKind, RejectionReason, Stage
from tui.recording import Recorder
from tui.store import Store

NO_POLL = 3600.0
SUNDAY = date(2026, 3, 15)  # the FakeClock's day


def days_ago(days: int) -> date:
    return SUNDAY - timedelta(days=days)


@pytest.fixture
def applications(db_path: Path, clock: FakeClock) -> NextYesApp:
    """Eight applications: pending, saved, and every way one ends; a long company and role among them."""
    recorder = Recorder(Store(db_path, clock), clock)
    acme = recorder.add_application("Acme", "Data Engineer", source="referral", on=days_ago(20), note="via Dana")
    recorder.move_stage(acme.id, Stage.SCREENING, on=days_ago(15), note="recruiter call with Dana")
    held = recorder.schedule_interview(
        acme.id, datetime(2026, 3, 6, 10, 0, tzinfo=ZONE), kind=InterviewKind.TECHNICAL, people=["Sam Lee"]
    )
    recorder.debrief_interview(held.id, questions=[], rating=3, went_well="SQL", change="think aloud sooner")
    booked = recorder.schedule_interview(
        acme.id, datetime(2026, 3, 20, 9, 0, tzinfo=ZONE), round=2, kind=InterviewKind.ON_SITE, people=["Priya"]
    )
    recorder.cancel_interview(booked.id)
    recorder.move_stage(acme.id, Stage.REJECTED, reason=RejectionReason.SKILLS, note="email from Dana")
    recorder.record_feedback(acme.id, "They wanted more streaming experience: Kafka, Flink.")
    recorder.edit(Application, acme.id, reapply_after=date(2026, 9, 1), location="Berlin")
    hooli = recorder.add_application("Hooli", "Site Reliability Engineer", on=days_ago(40), source="job board")
    recorder.move_stage(hooli.id, Stage.GHOSTED, on=days_ago(5))
    wayne = recorder.add_application("Wayne Enterprises", "ML Engineer", on=days_ago(30))
    recorder.move_stage(wayne.id, Stage.WITHDRAWN, on=days_ago(12), note="relocation needed")
    stark = recorder.add_application("Stark Industries", "Staff Data Engineer", on=days_ago(25))
    recorder.move_stage(stark.id, Stage.OFFER, on=days_ago(4))
    recorder.move_stage(stark.id, Stage.ACCEPTED, on=days_ago(2))
    recorder.add_application("Initech", "Backend Engineer", on=days_ago(1), source="LinkedIn")
    recorder.add_application("Globex", "Analytics Engineer", saved=True)
    umbrella = recorder.add_application(
        "Umbrella Corporation International", "Senior Platform Engineer, Data Infrastructure", on=days_ago(8)
    )
    recorder.move_stage(umbrella.id, Stage.SCREENING, on=days_ago(1))
    recorder.add_application("Soylent", "Data Analyst", on=days_ago(60))
    return NextYesApp(db_path=db_path, now=clock, poll_interval=NO_POLL)


async def open_list(pilot: Pilot[None]) -> None:
    await settle(pilot)
    await pilot.press("A")
    await settle(pilot)


async def open_acme(pilot: Pilot[None]) -> None:
    await open_list(pilot)
    screen = pilot.app.screen
    assert isinstance(screen, ApplicationsScreen)
    companies = [application.company for application in screen.records]
    screen.table.move_cursor(row=companies.index("Acme"))
    await pilot.press("enter")
    await settle(pilot)


def test_every_application(snap_compare, applications: NextYesApp) -> None:
    """Closed and saved ones beside the pending, most recently touched first; long names clipped to fit."""
    assert snap_compare(applications, terminal_size=SIZE, run_before=open_list)


def test_applications_filtered(snap_compare, applications: NextYesApp) -> None:
    """Closed ones only, narrowed by the text typed; the heading counts what is shown of all."""

    async def run_before(pilot: Pilot[None]) -> None:
        await open_list(pilot)
        await pilot.press("f", "f", "slash")
        await type_text(pilot, "engineer")
        await pilot.press("escape")
        await settle(pilot)

    assert snap_compare(applications, terminal_size=SIZE, run_before=run_before)


def test_an_application_page(snap_compare, applications: NextYesApp) -> None:
    """Every field first, then the stage moves with their days and notes; the rest below, scrolled to."""
    assert snap_compare(applications, terminal_size=SIZE, run_before=open_acme)


def test_an_application_page_scrolled_down(snap_compare, applications: NextYesApp) -> None:
    """The interviews (the cancelled one marked) and what was logged for it."""

    async def run_before(pilot: Pilot[None]) -> None:
        await open_acme(pilot)
        await pilot.press("end")
        await settle(pilot)

    assert snap_compare(applications, terminal_size=SIZE, run_before=run_before)


def test_the_edit_form(snap_compare, applications: NextYesApp) -> None:
    """Every field filled in as it is, at 80×24."""

    async def run_before(pilot: Pilot[None]) -> None:
        await open_acme(pilot)
        await pilot.press("e")
        await settle(pilot)

    assert snap_compare(applications, terminal_size=SIZE, run_before=run_before)


def test_the_question_before_a_delete(snap_compare, applications: NextYesApp) -> None:
    """Everything that goes named, read whole; the keys beneath."""

    async def run_before(pilot: Pilot[None]) -> None:
        await open_acme(pilot)
        await pilot.press("d")
        await settle(pilot)

    assert snap_compare(applications, terminal_size=SIZE, run_before=run_before)
