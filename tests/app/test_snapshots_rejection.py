"""Pictures of the stage picker's round and of the steps after a no, at 80×24.

Update them after a deliberate change with `pytest tests/test_snapshots_rejection.py --snapshot-update`,
then look at the SVGs before committing.
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets._toast import ToastRack

from tests.support.clock import ZONE, FakeClock
from tests.support.pilot import SIZE
from tui.app import NextYesApp
from tui.app.pilot import settle
from tui.core.models import InterviewKind, Stage, Tier
from tui.recording import Recorder

NO_POLL = 3600.0
STAGES = list(Stage)


def interviewing_at_hooli(recorder: Recorder) -> None:
    """Two rounds of interviews at Hooli, a recruiter there, a mentor to call and a win written down."""
    hooli = recorder.add_application("Hooli", "Platform Engineer", on=date(2026, 3, 2))
    recorder.schedule_interview(
        hooli.id, datetime(2026, 3, 9, 10, tzinfo=ZONE), kind=InterviewKind.PHONE, people=["Dana Reyes"]
    )
    recorder.schedule_interview(
        hooli.id, datetime(2026, 3, 12, 14, tzinfo=ZONE), kind=InterviewKind.ON_SITE, people=["Sam Lee"]
    )
    recorder.add_contact("Dana Reyes", company="Hooli", tier=Tier.A, how_we_know="the recruiter")
    recorder.add_contact("Priya Nair", how_we_know="former manager", support=True)
    recorder.add_win("Cut the deploy time from 20 to 6 minutes", on=date(2026, 3, 10))


@pytest.fixture
def hooli_app(db_path: Path, clock: FakeClock, recorder: Recorder) -> NextYesApp:
    interviewing_at_hooli(recorder)
    return NextYesApp(db_path=db_path, now=clock, poll_interval=NO_POLL)


@pytest.fixture
def booked_app(db_path: Path, clock: FakeClock, recorder: Recorder) -> NextYesApp:
    """As `hooli_app`, with a panel interview (round 3, with Priya Menon) booked for Friday 20 March."""
    interviewing_at_hooli(recorder)
    (hooli,) = recorder.store.load().applications
    friday = datetime(2026, 3, 20, 10, tzinfo=ZONE)
    recorder.schedule_interview(hooli.id, friday, kind=InterviewKind.PANEL, people=["Priya Menon"])
    return NextYesApp(db_path=db_path, now=clock, poll_interval=NO_POLL)


async def quietly(pilot: Pilot[None]) -> None:
    """Settled, with the toasts gone: they would cover the form in the picture.

    `clear_notifications` empties only the current screen's toasts; a toast raised while the dashboard
    was current stays drawn on it, behind the flow's backdrop, or not, as the race fell.
    """
    await settle(pilot)
    pilot.app.clear_notifications()
    for screen in pilot.app.screen_stack:
        for rack in screen.query(ToastRack):
            await rack.remove_children()
    await pilot.pause()


async def reject_hooli(pilot: Pilot[None]) -> None:
    """From the dashboard: s, down from interviewing to rejected, enter; the flow opens once it is saved."""
    await settle(pilot)
    await pilot.press("s")
    await pilot.press(*["down"] * (STAGES.index(Stage.REJECTED) - STAGES.index(Stage.INTERVIEWING)), "enter")
    await quietly(pilot)


def test_stage_picker_with_the_round(snap_compare, hooli_app: NextYesApp) -> None:
    """Interviewing again: the next round (3) is offered, the final round can be ticked."""

    async def run_before(pilot: Pilot[None]) -> None:
        await settle(pilot)
        await pilot.press("s")
        await quietly(pilot)

    assert snap_compare(hooli_app, terminal_size=SIZE, run_before=run_before)


def test_rejection_step_1_reach_and_reason(snap_compare, hooli_app: NextYesApp) -> None:
    """How far it got, said warmly; the reasons to pick from; the step and the skip key shown."""
    assert snap_compare(hooli_app, terminal_size=SIZE, run_before=reject_hooli)


def test_rejection_step_2_feedback_draft(snap_compare, hooli_app: NextYesApp) -> None:
    """The feedback request in full, to the people met; a field for their answer; the copy key."""

    async def run_before(pilot: Pilot[None]) -> None:
        await reject_hooli(pilot)
        await pilot.press("enter")
        await quietly(pilot)

    assert snap_compare(hooli_app, terminal_size=SIZE, run_before=run_before)


def test_rejection_step_5_recovery(snap_compare, hooli_app: NextYesApp) -> None:
    """The protected days, the wins newest first, and someone to call."""

    async def run_before(pilot: Pilot[None]) -> None:
        await reject_hooli(pilot)
        await pilot.press("ctrl+n", "ctrl+n", "ctrl+n", "ctrl+n")
        await quietly(pilot)

    assert snap_compare(hooli_app, terminal_size=SIZE, run_before=run_before)


def test_rejection_step_1_with_an_interview_still_booked(snap_compare, booked_app: NextYesApp) -> None:
    """Round 2 reached, not the round 3 booked for Friday; nothing chosen as the reason; the panel interview
    ticked to be cancelled, and the key that keeps it."""
    assert snap_compare(booked_app, terminal_size=SIZE, run_before=reject_hooli)


def test_rejection_step_4_bridge_offers_the_people_met(snap_compare, booked_app: NextYesApp) -> None:
    """The contact list open: Dana, a contact there, and Sam, who interviewed you; not Priya, never met."""

    async def run_before(pilot: Pilot[None]) -> None:
        await reject_hooli(pilot)
        await pilot.press("ctrl+n", "ctrl+n", "ctrl+n", "space")
        await quietly(pilot)

    assert snap_compare(booked_app, terminal_size=SIZE, run_before=run_before)
