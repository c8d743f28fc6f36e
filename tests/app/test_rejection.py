"""Interview rounds, the steps after a no, wins and the add form's safety net, driven by their keys at 80×24."""

from __future__ import annotations

import errno
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Input, OptionList, Select, Static, TextArea

from tests.support.clock import ZONE, FakeClock
from tests.support.pilot import (
    SIZE,
    down_to,
    field_error,
    flow,
    make_app,
    pending_companies,
    screen_text,
    toasts,
    type_text,
)
from tui.app import NextYesApp
from tui.app.pilot import settle
from tui.app.screens.add_application import AddApplicationScreen
from tui.app.screens.dashboard import DashboardScreen
from tui.app.screens.move_stage import MoveStageScreen
from tui.app.screens.progress import ProgressScreen
from tui.app.screens.rejection import RejectionFlowScreen, SkillsStep
from tui.app.screens.win import WinScreen
from tui.app.widgets.actions import ActionsList
from tui.app.widgets.reflection import ReflectionPanel
from tui.app.widgets.tick import Tick
from tui.core.models import Interview, InterviewKind, RejectionReason, Stage, Tier
from tui.recording import Recorder
from tui.store import Store
from tui.store import files as store_files

SUNDAY = date(2026, 3, 15)  # the FakeClock's day


def action_titles(app: NextYesApp) -> list[str]:
    return [action.title for action in app.dashboard.query_one(ActionsList).actions.values()]


def step_text(app: NextYesApp) -> str:
    """The words of the step on show, unwrapped."""
    screen = flow(app)
    step = screen.query_one(f"#{screen.step_id(screen.step)}")
    return " ".join(str(text.render()) for text in step.query(Static) if text.display)


def fill_the_disk(monkeypatch: pytest.MonkeyPatch) -> None:
    """From now on every write of the database fails as on a full disk, as it is made to last (a line of the
    journal or the whole file alike)."""

    def no_space(*args: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(store_files.os, "fsync", no_space)


async def reject(pilot: Pilot[None], current: Stage) -> None:
    """s on the highlighted pending application, down to rejected, enter: the flow opens once saved."""
    await pilot.press("s", *down_to(current, Stage.REJECTED), "enter")
    await settle(pilot)


@pytest.fixture
def hooli(recorder: Recorder) -> Recorder:
    """Applied to Hooli ten days ago; the recruiter there is a contact; a mentor to call; one win."""
    recorder.add_application("Hooli", "Platform Engineer", on=SUNDAY - timedelta(days=10))
    recorder.add_contact("Dana Reyes", company="Hooli", tier=Tier.A, how_we_know="the recruiter")
    recorder.add_contact("Priya Nair", how_we_know="former manager", support=True)
    recorder.add_win("Cut the deploy time from 20 to 6 minutes", on=SUNDAY - timedelta(days=5))
    return recorder


async def test_one_application_from_applied_to_a_no_through_every_step(
    db_path: Path, clock: FakeClock, hooli: Recorder, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = make_app(db_path, clock)
    copied: list[str] = []
    monkeypatch.setattr(app, "copy_to_clipboard", copied.append)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        # applied → interviewing, straight to round 2
        await pilot.press("s", *down_to(Stage.APPLIED, Stage.INTERVIEWING))
        picker = app.screen
        assert isinstance(picker, MoveStageScreen)
        round_field = picker.query_one("#round", Input)
        assert round_field.value == "1" and not round_field.disabled
        await pilot.press("tab", "tab")  # past the day, to the round
        assert picker.focused is round_field
        round_field.value = ""
        await type_text(pilot, "2")
        await pilot.press("enter")
        await settle(pilot)
        assert "Saved: Hooli — Platform Engineer is now interviewing, round 2" in toasts(app)

        # interviewing → rejected: the picker offers round 3 next, greyed out until interviewing is chosen
        await pilot.press("s")
        assert app.screen.query_one("#round", Input).value == "3"
        await pilot.press(*down_to(Stage.INTERVIEWING, Stage.REJECTED))
        assert app.screen.query_one("#round", Input).disabled
        assert "five short steps" in screen_text(app)
        await pilot.press("enter")
        await settle(pilot)

        # 1: how far it got, and why
        shown = screen_text(app)
        assert "Step 1 of 5 · How far you got" in shown
        assert "You reached interview round 2" in shown
        assert "ctrl+n" in shown and "Skip" in shown  # on the step and in the footer
        assert flow(app).query_one("#reason", OptionList).highlighted is None  # nothing chosen until one is
        await pilot.press("down")  # to the first: skills
        await pilot.press("enter")
        await settle(pilot)
        assert "Saved: the no from Hooli: skills" in toasts(app)

        # 2: the feedback request, copied with one key, and their answer
        assert "Step 2 of 5 · Ask for feedback" in screen_text(app)
        assert "nextyes never sends anything" in step_text(app)
        draft = flow(app).query_one("#draft", TextArea).text
        assert draft.startswith("Subject: ") and "Platform Engineer" in draft and "Hooli" in draft
        assert "Hi Dana," in draft
        await pilot.press("ctrl+o")
        assert copied == [draft]
        assert "Copied: paste it into your email" in toasts(app)
        assert flow(app).focused is flow(app).query_one("#answer", Input)
        await type_text(pilot, "Strong on systems; wanted more Kubernetes")
        await pilot.press("enter")
        await settle(pilot)
        assert "Saved: what Hooli said" in toasts(app)

        # 3: skills, one per line; enter starts a new line, ctrl+s goes on
        shown = screen_text(app)
        assert "Step 3 of 5 · Skills to work on" in shown
        assert "They said: Strong on systems; wanted more Kubernetes" in shown
        await type_text(pilot, "Kubernetes operators")
        await pilot.press("enter")
        await type_text(pilot, "Go concurrency")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert "Saved: 2 skills to work on, in Today's actions" in toasts(app)

        # 4: keep Dana, the recruiter there, with a reminder; reapply later is ticked already
        shown = screen_text(app)
        assert "Step 4 of 5 · Keep the bridge" in shown
        assert flow(app).query_one("#remind", Input).value == "90 days"
        assert "A reminder on Sat 13 Jun 2026" in shown
        assert "reapply later: from Tue 15 Sep 2026" in shown
        await pilot.press("space", "down", "enter")  # open the contacts, choose Dana
        assert flow(app).query_one("#contact", Select).value is not Select.NULL
        await pilot.press("enter")
        await settle(pilot)
        assert (
            "Saved: the bridge to Hooli: Dana Reyes, a reminder on Sat 13 Jun 2026; reapply from 15 Sep 2026"
            in toasts(app)
        )

        # 5: recovery, the wins and someone to call
        shown = screen_text(app)
        assert "Step 5 of 5 · Recovery" in shown
        assert "Your streak is protected today and the next 2 days (until Tue 17 Mar)" in shown
        assert "Your wins (2)" in shown
        wins = [line for line in shown.splitlines() if "✓ " in line]
        assert "Sun 15 Mar" in wins[0] and "Reached round 2 of interviews at Hooli" in wins[0]
        assert "Tue 10 Mar" in wins[1] and "Cut the deploy time from 20 to 6 minutes" in wins[1]
        assert "Someone to call: Priya Nair (former manager)" in shown
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, DashboardScreen)
        assert "Every step done. Well handled: the next yes is closer." in toasts(app)
        titles = action_titles(app)
        assert "Work on: Kubernetes operators" in titles  # one line for both goals: the other comes after it
        assert any("after it: Go concurrency" in a.why for a in app.dashboard.query_one(ActionsList).actions.values())

    search = Store(db_path, clock).load()
    (application,) = search.applications
    assert application.stage is Stage.REJECTED
    assert application.interview_round == 2
    assert application.rejection_reason is RejectionReason.SKILLS
    assert application.feedback == "Strong on systems; wanted more Kubernetes"
    assert application.reapply_after == date(2026, 9, 15)
    assert sorted((goal.text, goal.source, goal.application_id) for goal in search.learning_goals) == [
        ("Go concurrency", "after the no from Hooli", application.id),
        ("Kubernetes operators", "after the no from Hooli", application.id),
    ]
    dana = next(contact for contact in search.contacts if contact.name == "Dana Reyes")
    assert dana.reconnect_on == SUNDAY + timedelta(days=90)
    assert application.id in dana.application_ids
    assert len(search.contacts) == 2  # Dana kept, not added again


async def test_every_step_skipped_with_one_key_stores_only_the_move(
    db_path: Path, clock: FakeClock, hooli: Recorder
) -> None:
    before = Store(db_path, clock).load()
    app = make_app(db_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await reject(pilot, Stage.APPLIED)
        for step in range(1, 5):
            assert f"Step {step} of 5" in screen_text(app)
            await pilot.press("ctrl+n")
            await settle(pilot)
        assert "Step 5 of 5 · Recovery" in screen_text(app)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, DashboardScreen)
        assert (
            "skipped: 1 (how far you got), 2 (ask for feedback), 3 (skills to work on), 4 (keep the bridge)."
            in toasts(app)
        )
        assert not [toast for toast in toasts(app) if toast.startswith("Saved: the")]
    after = Store(db_path, clock).load()
    (application,) = after.applications
    assert application.stage is Stage.REJECTED
    assert (application.rejection_reason, application.feedback, application.reapply_after) == (None, "", None)
    assert after.learning_goals == () and after.contacts == before.contacts and after.wins == before.wins


async def test_escape_mid_flow_keeps_what_was_saved_and_asks_before_dropping_typing(
    db_path: Path, clock: FakeClock, hooli: Recorder
) -> None:
    app = make_app(db_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await reject(pilot, Stage.APPLIED)
        await pilot.press("down", "down", "enter")  # reason: interview
        await settle(pilot)
        await type_text(pilot, "they liked the take-home")
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, RejectionFlowScreen)  # not closed: the answer would be lost
        problem = str(app.screen.query_one("#form-problem", Static).render())
        assert "Their answer is not saved: enter saves it and goes on; escape again closes without it." in problem
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, DashboardScreen)
        assert (
            "What you saved stays saved; skipped: 2 (ask for feedback), 3 (skills to work on), 4 (keep the bridge)."
            in toasts(app)
        )
    (application,) = Store(db_path, clock).load().applications
    assert (application.rejection_reason, application.feedback) == (RejectionReason.INTERVIEW, "")


async def test_escape_on_a_step_with_nothing_typed_closes_at_once(
    db_path: Path, clock: FakeClock, hooli: Recorder
) -> None:
    app = make_app(db_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await reject(pilot, Stage.APPLIED)
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, DashboardScreen)
        assert any(toast.startswith("skipped: 1 (how far you got)") for toast in toasts(app))


async def test_a_failed_step_comes_back_as_typed_and_saves_on_the_next_try(
    db_path: Path, clock: FakeClock, hooli: Recorder, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = make_app(db_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await reject(pilot, Stage.APPLIED)
        await pilot.press("ctrl+n", "ctrl+n")
        real_fsync = store_files.os.fsync
        fill_the_disk(monkeypatch)
        await type_text(pilot, "SQL window functions")
        await pilot.press("ctrl+s")
        await settle(pilot)
        shown = screen_text(app)
        assert "Step 3 of 5 · Skills to work on" in shown
        assert "the disk is full" in str(flow(app).query_one("#form-problem", Static).render())
        assert flow(app).query_one("#skills", TextArea).text == "SQL window functions"
        monkeypatch.setattr(store_files.os, "fsync", real_fsync)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert "Step 4 of 5 · Keep the bridge" in screen_text(app)
    (goal,) = Store(db_path, clock).load().learning_goals
    assert goal.text == "SQL window functions"


async def test_a_step_that_fails_after_the_flow_closed_reopens_it_as_typed(
    db_path: Path, clock: FakeClock, hooli: Recorder, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = make_app(db_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await reject(pilot, Stage.APPLIED)
        closed = flow(app)
        await pilot.press("escape")
        await settle(pilot)
        assert app.snapshot is not None
        (application,) = app.snapshot.search.applications
        fill_the_disk(monkeypatch)
        typed = SkillsStep(application, ("SQL window functions",), "SQL window functions")
        app.save_rejection_step(app.snapshot, application.id, closed, typed)
        await settle(pilot)
        reopened = flow(app)
        assert reopened is not closed
        assert "Step 3 of 5 · Skills to work on" in screen_text(app)
        assert reopened.query_one("#skills", TextArea).text == "SQL window functions"
        assert "the disk is full" in str(reopened.query_one("#form-problem", Static).render())


async def test_the_round_is_explained_beside_the_field_and_ghosted_says_it_reopens(
    db_path: Path, clock: FakeClock, recorder: Recorder
) -> None:
    hooli = recorder.add_application("Hooli", "SRE", on=SUNDAY - timedelta(days=10))
    recorder.move_stage(hooli.id, Stage.INTERVIEWING, round=2, on=SUNDAY - timedelta(days=3))
    app = make_app(db_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("s")
        assert "Now at round 2: moving again records the next round." in screen_text(app)
        round_field = app.screen.query_one("#round", Input)
        round_field.value = "2"
        await pilot.press("enter")
        await pilot.pause()
        assert "it is at round 2 now: type 3 for the next, or tick the final round" in field_error(app, "round")
        assert app.screen.focused is round_field
        round_field.value = "two"
        await pilot.press("enter")
        await pilot.pause()
        assert "the round is a number from 1 to 20, such as 3" in field_error(app, "round")
        await pilot.press("shift+tab", "shift+tab", *down_to(Stage.INTERVIEWING, Stage.GHOSTED))  # back to the stage
        assert "Reopenable: if a late reply comes, move it back" in screen_text(app)
        await pilot.press(*down_to(Stage.GHOSTED, Stage.INTERVIEWING))
        round_field.value = "3"
        await pilot.press("tab", "tab", "tab", "space")  # past the day and the round to the final round, ticked
        await pilot.press("enter")
        await settle(pilot)
        assert "Saved: Hooli — SRE is now interviewing, round 3, the final round" in toasts(app)
    (application,) = Store(db_path, clock).load().applications
    assert (application.interview_round, application.reached_final) == (3, True)


async def test_w_adds_a_win_refusing_an_empty_one_and_a_future_day(db_path: Path, clock: FakeClock) -> None:
    app = make_app(db_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("w")
        assert isinstance(app.screen, WinScreen)
        await pilot.press("enter")
        await pilot.pause()
        assert "write what you did" in field_error(app, "text")
        await type_text(pilot, "Mentored two juniors through their first release")
        await pilot.press("tab")
        day = app.screen.query_one("#day", Input)
        day.value = ""
        await type_text(pilot, "tomorrow")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, WinScreen)
        assert "that is in the future; a win counts once it has happened" in field_error(app, "day")
        assert field_error(app, "text") == ""
        day.value = ""
        await type_text(pilot, "yesterday")
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, DashboardScreen)
        assert "Saved: a win on Sat 14 Mar: Mentored two juniors through their first release" in toasts(app)
        await pilot.press("p")
        await settle(pilot)
        assert isinstance(app.screen, ProgressScreen)
        await pilot.press("end")
        shown = screen_text(app)
        assert "Wins (1)" in shown
        assert "Sat 14 Mar 2026  Mentored two juniors through their first release" in shown
    (win,) = Store(db_path, clock).load().wins
    assert (win.text, win.day, win.application_id) == (
        "Mentored two juniors through their first release",
        SUNDAY - timedelta(days=1),
        None,
    )


async def test_the_same_job_again_needs_a_second_enter(db_path: Path, clock: FakeClock, recorder: Recorder) -> None:
    recorder.add_application("Hooli", "Platform Engineer", on=SUNDAY - timedelta(days=4))
    app = make_app(db_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("a")
        await type_text(pilot, "Hooli Inc.")
        await pilot.press("tab")
        await type_text(pilot, "Platform Engineer")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, AddApplicationScreen)
        warning = field_error(app, "company")
        assert "Already tracked: Hooli — Platform Engineer" in warning
        assert "Press enter again to add it anyway." in warning
        assert len(Store(db_path, clock).load().applications) == 1
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, DashboardScreen)
        assert "Saved: applied to Hooli Inc. — Platform Engineer" in toasts(app)
    assert len(Store(db_path, clock).load().applications) == 2


async def test_a_recent_no_from_the_company_is_a_notice_not_a_refusal(
    db_path: Path, clock: FakeClock, recorder: Recorder
) -> None:
    globex = recorder.add_application("Globex", "SRE", on=SUNDAY - timedelta(days=40))
    recorder.move_stage(globex.id, Stage.REJECTED, on=SUNDAY - timedelta(days=20))
    app = make_app(db_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("a")
        await type_text(pilot, "Globex")
        await pilot.pause()
        assert "ℹ Globex (SRE) said no on 23 Feb 2026" in screen_text(app)
        await pilot.press("tab")
        await type_text(pilot, "Data Analyst")
        await pilot.press("enter")
        await settle(pilot)
        assert pending_companies(app) == ["Globex"]
    assert len(Store(db_path, clock).load().applications) == 2


async def test_the_reflection_says_when_its_prompt_follows_a_rejection(
    db_path: Path, clock: FakeClock, recorder: Recorder
) -> None:
    hooli = recorder.add_application("Hooli", "SRE", on=SUNDAY - timedelta(days=10))
    recorder.move_stage(hooli.id, Stage.REJECTED)
    app = make_app(db_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        prompt = str(app.dashboard.query_one(ReflectionPanel).query_one("#reflection-prompt", Static).render())
        assert prompt.startswith("After a rejection: ")


# --- a no with an interview still booked; going back a step; the people met kept as contacts -------------------

FRIDAY = date(2026, 3, 20)


@pytest.fixture
def booked(hooli: Recorder) -> Recorder:
    """At Hooli: a phone interview with Dana and a technical one with Sam, both held; an on-site with Priya
    Menon booked for Friday."""
    (application,) = hooli.store.load().applications

    def at(day: date, hour: int) -> datetime:
        return datetime(day.year, day.month, day.day, hour, tzinfo=ZONE)

    hooli.schedule_interview(application.id, at(date(2026, 3, 9), 10), kind=InterviewKind.PHONE, people=["Dana Reyes"])
    hooli.schedule_interview(
        application.id, at(date(2026, 3, 12), 14), kind=InterviewKind.TECHNICAL, people=["Sam Lee"]
    )
    hooli.schedule_interview(application.id, at(FRIDAY, 10), kind=InterviewKind.ON_SITE, people=["Priya Menon"])
    return hooli


def onsite(db_path: Path, clock: FakeClock) -> Interview:
    return next(i for i in Store(db_path, clock).load().interviews if i.kind is InterviewKind.ON_SITE)


async def test_a_no_with_an_interview_ahead_cancels_it_and_counts_only_what_was_held(
    db_path: Path, clock: FakeClock, booked: Recorder
) -> None:
    app = make_app(db_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await reject(pilot, Stage.INTERVIEWING)
        shown = screen_text(app)
        assert "You reached the technical interview, round 2" in step_text(app)
        assert "on-site" not in step_text(app).split(". A no")[0]
        assert "Still booked" in shown and "cancel the on-site interview on Fri 20 Mar" in shown
        assert "tab, space keeps it booked" in shown
        await pilot.press("enter")  # no reason chosen; the cancelling is the default
        await settle(pilot)
        assert "Saved: cancelled the on-site interview on Fri 20 Mar" in toasts(app)
        assert not [toast for toast in toasts(app) if toast.startswith("Saved: the no from")]
        draft = flow(app).query_one("#draft", TextArea).text
        assert "Hi Dana and Sam," in draft and "Priya" not in draft
        await pilot.press("ctrl+n", "ctrl+n", "ctrl+n")
        await settle(pilot)
        shown = screen_text(app)
        assert "Reached round 2 of interviews at Hooli" in shown
        assert "round 3" not in shown
    assert onsite(db_path, clock).cancelled
    (application,) = Store(db_path, clock).load().applications
    assert application.rejection_reason is None
    assert not [w for w in Store(db_path, clock).load().wins if "round 3" in w.text]


async def test_skipping_the_first_step_still_cancels_the_interview_ahead(
    db_path: Path, clock: FakeClock, booked: Recorder
) -> None:
    app = make_app(db_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await reject(pilot, Stage.INTERVIEWING)
        await pilot.press("ctrl+n")  # the reason skipped; the cancelling, ticked, is the default
        await settle(pilot)
        assert "Saved: cancelled the on-site interview on Fri 20 Mar" in toasts(app)
        await pilot.press("ctrl+b")  # back: it says so, and cannot be cancelled twice
        assert "cancelled: the on-site interview on Fri 20 Mar" in screen_text(app)
        assert flow(app).query_one("#cancel-ahead", Tick).disabled
    assert onsite(db_path, clock).cancelled


async def test_unticked_the_interview_ahead_stays_booked(db_path: Path, clock: FakeClock, booked: Recorder) -> None:
    app = make_app(db_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await reject(pilot, Stage.INTERVIEWING)
        await pilot.press("tab", "space", "enter")
        await settle(pilot)
        assert "Step 2 of 5" in screen_text(app)
        assert not [toast for toast in toasts(app) if "cancelled" in toast]
    assert not onsite(db_path, clock).cancelled


async def test_escape_with_an_interview_still_booked_asks_once_then_keeps_it(
    db_path: Path, clock: FakeClock, booked: Recorder
) -> None:
    app = make_app(db_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await reject(pilot, Stage.INTERVIEWING)
        await pilot.press("escape")
        await pilot.pause()
        problem = str(flow(app).query_one("#form-problem", Static).render())
        assert problem == (
            "The on-site interview on Fri 20 Mar is still booked: enter cancels it and goes on; "
            "escape again closes and keeps it."
        )
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, DashboardScreen)
    assert not onsite(db_path, clock).cancelled


async def test_an_unchanged_reason_list_keeps_no_reason(db_path: Path, clock: FakeClock, hooli: Recorder) -> None:
    app = make_app(db_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await reject(pilot, Stage.APPLIED)
        assert flow(app).query_one("#reason", OptionList).highlighted is None
        await pilot.press("enter")
        await settle(pilot)
        assert "Step 2 of 5 · Ask for feedback" in screen_text(app)
        assert not [toast for toast in toasts(app) if toast.startswith("Saved: the no from")]
    (application,) = Store(db_path, clock).load().applications
    assert application.stage is Stage.REJECTED and application.rejection_reason is None


async def test_ctrl_b_goes_back_a_step_as_it_was_left(db_path: Path, clock: FakeClock, hooli: Recorder) -> None:
    app = make_app(db_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await reject(pilot, Stage.APPLIED)
        assert "ctrl+b" not in screen_text(app)  # nowhere to go back to from the first step
        await pilot.press("down", "enter")  # skills
        await settle(pilot)
        await type_text(pilot, "wanted more Kubernetes")
        await pilot.press("ctrl+n")  # skipped, typing kept
        shown = screen_text(app)
        assert "Step 3 of 5 · Skills to work on" in shown
        assert "ctrl+b Back" in " ".join(shown.splitlines()[-1].split())  # in the footer
        await pilot.press("ctrl+b")
        assert "Step 2 of 5 · Ask for feedback" in screen_text(app)
        assert flow(app).query_one("#answer", Input).value == "wanted more Kubernetes"
        await pilot.press("ctrl+b")
        assert "Step 1 of 5 · How far you got" in screen_text(app)
        assert flow(app).query_one("#reason", OptionList).highlighted == 0  # skills, as chosen
        await pilot.press("enter")  # on, one step: the same reason is not saved twice
        await settle(pilot)
        assert "Step 2 of 5 · Ask for feedback" in screen_text(app)
        assert toasts(app).count("Saved: the no from Hooli: skills") == 1
        await pilot.press("enter")
        await settle(pilot)
        assert "Saved: what Hooli said" in toasts(app)
        assert "Step 3 of 5" in screen_text(app)
        await pilot.press("escape")  # still closes
        await settle(pilot)
        assert isinstance(app.screen, DashboardScreen)
    (application,) = Store(db_path, clock).load().applications
    assert (application.rejection_reason, application.feedback) == (RejectionReason.SKILLS, "wanted more Kubernetes")


async def test_the_people_who_interviewed_you_are_offered_to_keep_as_contacts(
    db_path: Path, clock: FakeClock, booked: Recorder
) -> None:
    app = make_app(db_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await reject(pilot, Stage.INTERVIEWING)
        await pilot.press("ctrl+n", "ctrl+n", "ctrl+n")
        await settle(pilot)
        assert "Step 4 of 5 · Keep the bridge" in screen_text(app)
        contact = flow(app).query_one("#contact", Select)
        offered = [str(label) for label, _ in contact._options]
        assert "Sam Lee — met at the technical interview" in offered
        assert "Dana Reyes — Hooli" in offered  # a contact there already, offered once
        assert not [label for label in offered if "Priya" in label]  # booked ahead: never met
        await pilot.press("space", *["down"] * offered.index("Sam Lee — met at the technical interview"), "enter")
        assert contact.value == "Sam Lee"
        await pilot.press("enter")
        await settle(pilot)
        assert "Saved: the bridge to Hooli: Sam Lee, a reminder on Sat 13 Jun 2026; reapply from 15 Sep 2026" in (
            toasts(app)
        )
    sam = next(c for c in Store(db_path, clock).load().contacts if c.name == "Sam Lee")
    assert (sam.company, sam.reconnect_on) == ("Hooli", SUNDAY + timedelta(days=90))
