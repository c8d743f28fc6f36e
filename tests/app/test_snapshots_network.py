"""Pictures at 80×24 of Today's actions of every kind, contacts, interviews, a debrief, the bank and a draft.

A search of its own, recorded here rather than the shipped demo, so these change only when the screens do.
Update them after a deliberate change with `pytest tests/test_snapshots_network.py --snapshot-update`,
then look at the SVGs before committing.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from textual.pilot import Pilot

from tests.support.clock import ZONE, FakeClock
from tests.support.pilot import SIZE
from tui.app import NextYesApp
from tui.app.pilot import settle
from tui.app.widgets.pending import PendingTable
from tui.core.models import InterviewKind, Question, Tier
from tui.recording import Recorder
from tui.store import Store

NO_POLL = 3600.0
SUNDAY = date(2026, 3, 15)  # the FakeClock's day


@pytest.fixture
def network_search(db_path: Path, clock: FakeClock) -> NextYesApp:
    """An interview yesterday, a follow-up due, a contact overdue, a learning goal, a debriefed interview."""
    recorder = Recorder(Store(db_path, clock), clock)
    recorder.add_application("Umbrella", "Data Engineer", on=SUNDAY - timedelta(days=8))
    hooli = recorder.add_application("Hooli", "Site Reliability Engineer", on=SUNDAY - timedelta(days=12))
    first = recorder.schedule_interview(
        hooli.id, datetime(2026, 3, 6, 10, 0, tzinfo=ZONE), kind=InterviewKind.PHONE, people=["Sam Lee"]
    )
    recorder.debrief_interview(
        first.id,
        questions=[
            Question(text="Tell me about yourself", rating=4, answer="kept it to two minutes"),
            Question(text="Why do you want to leave your current job?", rating=2, answer="rambled"),
        ],
        rating=4,
        went_well="rapport with Sam",
        change="a crisper story for leaving",
    )
    second = recorder.schedule_interview(
        hooli.id, datetime(2026, 3, 14, 15, 0, tzinfo=ZONE), kind=InterviewKind.TECHNICAL, people=["Priya Shah"]
    )
    recorder.debrief_interview(
        second.id,
        questions=[
            Question(text="Tell me about yourself.", rating=3),
            Question(text="Design a rate limiter", rating=2, answer="forgot the burst case"),
        ],
        rating=3,
        went_well="SQL",
        change="think aloud sooner",
    )
    recorder.schedule_interview(
        hooli.id,
        datetime(2026, 3, 16, 11, 30, tzinfo=ZONE),
        kind=InterviewKind.ON_SITE,
        people=["Lee Park", "Ana Ruiz"],
    )
    recorder.add_contact(
        "Dana Reyes", company="Initech", tier=Tier.A, support=True, last_contact=SUNDAY - timedelta(days=40)
    )
    recorder.add_contact(
        "Marcus Oyelaran-Whitfield", company="Globex Corporation", last_contact=SUNDAY - timedelta(days=20)
    )
    recorder.add_contact("Sam Lee", company="Hooli", tier=Tier.C, last_contact=SUNDAY - timedelta(days=9))
    recorder.add_learning_goals(["system design: rate limiters"], source="added by hand")
    return NextYesApp(db_path=db_path, now=clock, poll_interval=NO_POLL)


async def open_hooli_interviews(pilot: Pilot[None]) -> None:
    await settle(pilot)
    pending = pilot.app.query_one(PendingTable)
    companies = [row.company for row in pending.rows_shown]
    pending.move_cursor(row=companies.index("Hooli"))
    await pilot.press("v")
    await settle(pilot)


def test_actions_of_every_kind(snap_compare, network_search: NextYesApp) -> None:
    """Each action names its kind in a word, with a draft offered where there is one."""
    assert snap_compare(network_search, terminal_size=SIZE, run_before=settle)


def test_actions_further_down(snap_compare, network_search: NextYesApp) -> None:
    """The rest of the list: a contact to reconnect with, a learning goal, the target and the reflection."""

    async def run_before(pilot: Pilot[None]) -> None:
        await settle(pilot)
        await pilot.press("end")
        await settle(pilot)

    assert snap_compare(network_search, terminal_size=SIZE, run_before=run_before)


def test_contacts_screen(snap_compare, network_search: NextYesApp) -> None:
    """Most overdue first; support as a glyph and a word; a long name clipped to fit."""

    async def run_before(pilot: Pilot[None]) -> None:
        await settle(pilot)
        await pilot.press("c")
        await settle(pilot)

    assert snap_compare(network_search, terminal_size=SIZE, run_before=run_before)


def test_interviews_screen(snap_compare, network_search: NextYesApp) -> None:
    """Two debriefed interviews and one ahead, each with its time on its own clock."""
    assert snap_compare(network_search, terminal_size=SIZE, run_before=open_hooli_interviews)


def test_debrief_form_with_a_bad_line(snap_compare, network_search: NextYesApp) -> None:
    """The questions as typed, the line that cannot be read named beside them."""

    async def run_before(pilot: Pilot[None]) -> None:
        await open_hooli_interviews(pilot)
        await pilot.press("down", "enter")
        await settle(pilot)
        await pilot.press("end", "enter", *"Walk me through an outage | 7", "ctrl+s")
        await settle(pilot)

    assert snap_compare(network_search, terminal_size=SIZE, run_before=run_before)


def test_question_bank(snap_compare, network_search: NextYesApp) -> None:
    """The same question worded twice counts once; the weakest answers come first below."""

    async def run_before(pilot: Pilot[None]) -> None:
        await settle(pilot)
        await pilot.press("b")
        await settle(pilot)

    assert snap_compare(network_search, terminal_size=SIZE, run_before=run_before)


def test_draft_screen(snap_compare, network_search: NextYesApp) -> None:
    """The thank-you note for yesterday's interview, filled in, ready to copy."""

    async def run_before(pilot: Pilot[None]) -> None:
        await settle(pilot)
        await pilot.press("d")
        await settle(pilot)

    assert snap_compare(network_search, terminal_size=SIZE, run_before=run_before)
