"""When an application ends with interviews still booked: they are called off when asked, and only
interviews held count as rounds reached and as wins. The clock starts on Sunday 15 March 2026, 14:30 UTC.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from tests.support.clock import FakeClock
from tui.core.models import Application, Interview, InterviewKind, Stage, Win
from tui.recording import Recorder
from tui.store import Store

UTC = ZoneInfo("UTC")
SUNDAY = date(2026, 3, 15)
FRIDAY = datetime(2026, 3, 20, 10, 0, tzinfo=UTC)  # the on-site, booked ahead


def wins(store: Store) -> list[tuple[date, str]]:
    return sorted((win.day, win.text) for win in store.load().wins)


def interviews(store: Store) -> dict[InterviewKind, Interview]:
    return {interview.kind: interview for interview in store.load().interviews}


@pytest.fixture
def hooli(recorder: Recorder) -> Application:
    """A phone interview held on Monday with Dana; a round-2 on-site booked for Friday with Sam and Priya."""
    application = recorder.add_application("Hooli", "Platform Engineer", on=SUNDAY - timedelta(days=14))
    monday = datetime(2026, 3, 9, 10, 0, tzinfo=UTC)
    recorder.schedule_interview(application.id, monday, kind=InterviewKind.PHONE, people=["Dana Reyes"])
    recorder.schedule_interview(application.id, FRIDAY, kind=InterviewKind.ON_SITE, people=["Sam Lee", "Priya Nair"])
    return application


def test_a_round_booked_ahead_is_no_win_yet(store: Store, hooli: Application) -> None:
    [moved] = store.load().applications
    assert moved.interview_round == 2  # booked: it is interviewing, at round 2
    assert wins(store) == [(date(2026, 3, 9), "Landed an interview at Hooli (Platform Engineer)")]


def test_a_no_with_cancel_calls_off_the_interview_ahead_in_the_same_change(
    recorder: Recorder, store: Store, clock: FakeClock, hooli: Application
) -> None:
    before = interviews(store)
    recorder.move_stage(hooli.id, Stage.REJECTED, cancel_interviews=True)
    after = interviews(store)
    assert after[InterviewKind.ON_SITE].cancelled
    assert after[InterviewKind.ON_SITE].updated_at == clock()
    assert after[InterviewKind.PHONE] == before[InterviewKind.PHONE]  # held: untouched
    assert store.load().applications[0].stage is Stage.REJECTED
    assert wins(store) == [(date(2026, 3, 9), "Landed an interview at Hooli (Platform Engineer)")]
    recorder.undo()  # one change: the move and the cancelling go back together
    assert not interviews(store)[InterviewKind.ON_SITE].cancelled
    assert store.load().applications[0].stage is Stage.INTERVIEWING


def test_a_no_without_cancel_keeps_the_interview_booked(recorder: Recorder, store: Store, hooli: Application) -> None:
    recorder.move_stage(hooli.id, Stage.REJECTED)
    assert not interviews(store)[InterviewKind.ON_SITE].cancelled


def test_a_move_that_does_not_end_the_application_cancels_nothing(
    recorder: Recorder, store: Store, hooli: Application
) -> None:
    recorder.move_stage(hooli.id, Stage.OFFER, cancel_interviews=True)
    assert not interviews(store)[InterviewKind.ON_SITE].cancelled


@pytest.mark.parametrize("stage", [Stage.WITHDRAWN, Stage.GHOSTED, Stage.ACCEPTED])
def test_every_ending_can_call_off_the_interviews_ahead(
    recorder: Recorder, store: Store, hooli: Application, stage: Stage
) -> None:
    recorder.move_stage(hooli.id, stage, cancel_interviews=True)
    assert interviews(store)[InterviewKind.ON_SITE].cancelled


def test_cancelling_after_the_move_calls_off_only_those_still_ahead(
    recorder: Recorder, store: Store, hooli: Application
) -> None:
    recorder.move_stage(hooli.id, Stage.REJECTED)
    later = recorder.schedule_interview(hooli.id, FRIDAY + timedelta(days=4), kind=InterviewKind.PANEL, round=3)
    cancelled = recorder.cancel_interviews_ahead(hooli.id)
    assert {interview.id for interview in cancelled} == {interviews(store)[InterviewKind.ON_SITE].id, later.id}
    assert not interviews(store)[InterviewKind.PHONE].cancelled
    assert recorder.cancel_interviews_ahead(hooli.id) == []  # nothing left ahead


def test_a_round_held_is_won_at_the_next_change_on_the_day_it_was_held(
    recorder: Recorder, store: Store, clock: FakeClock, hooli: Application
) -> None:
    clock.advance(days=7)  # Sunday after the on-site: it was held
    recorder.move_stage(hooli.id, Stage.REJECTED, cancel_interviews=True)
    assert not interviews(store)[InterviewKind.ON_SITE].cancelled  # held, so not ahead: nothing to cancel
    assert wins(store) == [
        (date(2026, 3, 9), "Landed an interview at Hooli (Platform Engineer)"),
        (date(2026, 3, 20), "Reached round 2 of interviews at Hooli (Platform Engineer)"),
    ]


def test_a_final_round_marked_ahead_is_won_only_once_held(
    recorder: Recorder, store: Store, clock: FakeClock, hooli: Application
) -> None:
    recorder.move_stage(hooli.id, Stage.INTERVIEWING, round=2, final=True)
    assert not [text for _, text in wins(store) if "final" in text or "round 2" in text]
    clock.advance(days=6)
    recorder.move_stage(hooli.id, Stage.OFFER)
    assert (date(2026, 3, 20), "Reached the final round at Hooli (Platform Engineer)") in wins(store)
    assert (date(2026, 3, 21), "Got an offer from Hooli (Platform Engineer)") in wins(store)


def test_a_win_added_for_a_round_booked_ahead_goes_when_it_is_called_off(
    recorder: Recorder, store: Store, clock: FakeClock, hooli: Application
) -> None:
    """Before this was fixed, booking a round added its win at once: cancelling the round takes it back."""
    with store.transaction() as tx:
        stamp = clock()
        key = f"round-2:{hooli.id.hex}"
        text = "Reached round 2 of interviews at Hooli (Platform Engineer)"
        tx.add(Win(day=SUNDAY, text=text, application_id=hooli.id, key=key, created_at=stamp, updated_at=stamp))
    recorder.move_stage(hooli.id, Stage.REJECTED, cancel_interviews=True)
    assert wins(store) == [(date(2026, 3, 9), "Landed an interview at Hooli (Platform Engineer)")]


def test_a_round_moved_to_by_hand_with_no_interview_recorded_is_won_at_once(recorder: Recorder, store: Store) -> None:
    application = recorder.add_application("Quill Labs", "Data Engineer", on=date(2026, 3, 1))
    recorder.move_stage(application.id, Stage.INTERVIEWING, round=2)
    assert wins(store) == [(SUNDAY, "Reached round 2 of interviews at Quill Labs (Data Engineer)")]


def test_a_round_held_is_won_as_soon_as_it_is_debriefed(
    recorder: Recorder, store: Store, clock: FakeClock, hooli: Application
) -> None:
    clock.advance(days=6)  # Saturday: Friday's on-site was held
    on_site = interviews(store)[InterviewKind.ON_SITE]
    recorder.debrief_interview(on_site.id, questions=[], rating=4, went_well="the system design", change="")
    assert (date(2026, 3, 20), "Reached round 2 of interviews at Hooli (Platform Engineer)") in wins(store)


def test_an_automatic_win_the_person_deleted_is_not_added_again(
    recorder: Recorder, store: Store, clock: FakeClock, hooli: Application
) -> None:
    clock.advance(days=6)
    on_site = interviews(store)[InterviewKind.ON_SITE]
    recorder.debrief_interview(on_site.id, questions=[], rating=4, went_well="", change="")
    [round_two] = [win for win in store.load().wins if win.text.startswith("Reached round 2")]
    recorder.delete(Win, round_two.id)
    recorder.move_stage(hooli.id, Stage.OFFER)
    assert not any(win.text.startswith("Reached round 2") for win in store.load().wins)
