"""P, paste an email: what it reads as and why, corrected before saving, and the change made only on enter, through
the paths the app already takes (a no opens the steps after it, an invitation is booked as the interview form
books one). Driven by keys and a paste at 80×24; the clock is fixed on Sunday 15 March 2026, 14:30 UTC.

Update the pictures after a deliberate change with
`pytest tests/app/test_paste_email.py -k picture --snapshot-update`, then look at the SVGs.
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest
from textual import events
from textual.pilot import Pilot
from textual.widgets import Select
from textual.widgets._toast import ToastRack

from tests.support.clock import ZONE, FakeClock
from tests.support.pilot import SIZE, field_error, flow, make_app, screen_text, stored, toasts
from tui.app import NextYesApp
from tui.app.pilot import keys_handled, settle
from tui.app.screens.dashboard import DashboardScreen
from tui.app.screens.paste_email import PasteEmailScreen
from tui.core.models import Application, InterviewKind, Stage
from tui.recording import Recorder
from tui.store import StoreError

CORPUS = Path(__file__).resolve().parent.parent / "core" / "mail_corpus"
NO_POLL = 3600.0


def email(name: str) -> str:
    """One email of the corpus (tests/core/mail_corpus), as a person would paste it."""
    return (CORPUS / f"{name}.txt").read_text(encoding="utf-8")


@pytest.fixture
def searching(recorder: Recorder) -> Recorder:
    """Two applications at Quill Labs (a first call held for the Data Engineer one, with Dana Ruiz), Kestrel."""
    data = recorder.add_application("Quill Labs", "Data Engineer", on=date(2026, 2, 20))
    recorder.schedule_interview(
        data.id, datetime(2026, 3, 5, 14, tzinfo=ZONE), kind=InterviewKind.PHONE, people=["Dana Ruiz"]
    )
    recorder.add_application("Quill Labs", "Analytics Engineer", on=date(2026, 3, 2))
    recorder.add_application("Kestrel Analytics", "Data Scientist", on=date(2026, 3, 9))
    return recorder


def application(db_path: Path, clock: FakeClock, company: str, role: str) -> Application:
    [found] = [a for a in stored(db_path, clock).applications if (a.company, a.role) == (company, role)]
    return found


async def paste(pilot: Pilot[None], text: str) -> None:
    """The text pasted into the terminal (a bracketed paste), as a person's ctrl+shift+v sends it."""
    driver = pilot.app._driver
    assert driver is not None
    pasted = events.Paste(text)
    pasted.set_sender(pilot.app)
    driver.send_message(pasted)
    await keys_handled(pilot)


async def read_pasted(pilot: Pilot[None], text: str) -> None:
    """P, the email pasted, ctrl+s: what it says is shown, nothing saved yet."""
    await settle(pilot)
    await pilot.press("P")
    await paste(pilot, text)
    await pilot.press("ctrl+s")
    await settle(pilot)


def shown(app: NextYesApp) -> str:
    """The words in the open form's box, unwrapped: a sentence broken over two lines of it reads as one."""
    box = app.screen.query_one(".form").content_region
    lines = screen_text(app).splitlines()[box.y : box.bottom]
    return " ".join(" ".join(line[box.x : box.right] for line in lines).split())


# A no --------------------------------------------------------------------------------------------------------------


async def test_a_pasted_no_moves_the_application_to_rejected_and_the_steps_after_it_follow(
    db_path: Path, clock: FakeClock, searching: Recorder
) -> None:
    data = application(db_path, clock, "Quill Labs", "Data Engineer")
    searching.schedule_interview(data.id, datetime(2026, 3, 20, 10, tzinfo=ZONE), kind=InterviewKind.ON_SITE)
    app = make_app(db_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        await read_pasted(pilot, email("09-rejection-after-call-quill-data"))
        assert isinstance(app.screen, PasteEmailScreen)
        said = shown(app)
        assert "It says rejection — a no" in said
        assert "because of “not to progress your application”, “I'm afraid” (a no)" in said
        assert "About Quill Labs — Data Engineer (interviewing)" in said
        assert "“Dana Ruiz” (someone you know there)" in said
        assert "Proposed: move Quill Labs (Data Engineer) to rejected" in said
        assert application(db_path, clock, "Quill Labs", "Data Engineer").stage is Stage.INTERVIEWING

        await pilot.press("enter")
        await settle(pilot)
        rejected = application(db_path, clock, "Quill Labs", "Data Engineer")
        assert rejected.stage is Stage.REJECTED
        assert rejected.stage_history[-1].note == "from the email “Data Engineer - next steps”"
        assert application(db_path, clock, "Quill Labs", "Analytics Engineer").stage is Stage.APPLIED
        assert any("Quill Labs — Data Engineer is now rejected" in toast for toast in toasts(app))
        # The steps after a no, as `s` opens them, asking first about the on-site still booked for Friday.
        assert flow(app).application.id == data.id
        assert "Still booked" in shown(app) and "cancel the on-site interview on Fri 20 Mar" in shown(app)


# An invitation ---------------------------------------------------------------------------------------------------


async def test_a_pasted_invitation_books_the_interview_at_the_time_it_names(
    db_path: Path, clock: FakeClock, searching: Recorder
) -> None:
    app = make_app(db_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        await read_pasted(pilot, email("14-invite-second-round-quill-data"))
        said = shown(app)
        assert "It says invitation — to an interview" in said
        assert "“Tuesday, 17 March at 14:00 CET” (interview's day and time)" in said
        assert "Day 2026-03-17 Time 13:00 People Sofia Lind, Marcus Hale" in said
        assert (
            "Proposed: book a technical interview for Quill Labs (Data Engineer), Tue 17 Mar 13:00 "
            "with Sofia Lind and Marcus Hale." in said
        )
        assert len(stored(db_path, clock).interviews) == 1  # the first call only, until enter

        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, DashboardScreen)
        booked = [i for i in stored(db_path, clock).interviews if i.day == date(2026, 3, 17)]
        assert len(booked) == 1
        assert booked[0].at == datetime(2026, 3, 17, 13, 0, tzinfo=ZONE)  # 14:00 CET on a UTC clock
        assert booked[0].kind is InterviewKind.TECHNICAL
        assert booked[0].people == ["Sofia Lind", "Marcus Hale"]
        assert booked[0].round == 2
        assert booked[0].notes == "from the email “Data Engineer - second round”"
        assert booked[0].application_id == application(db_path, clock, "Quill Labs", "Data Engineer").id
        assert any("technical interview with Quill Labs on Tue 17 Mar at 13:00" in t for t in toasts(app))


async def test_an_invitation_time_corrected_is_the_one_booked(
    db_path: Path, clock: FakeClock, searching: Recorder
) -> None:
    app = make_app(db_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        await read_pasted(pilot, email("14-invite-second-round-quill-data"))
        app.screen.query_one("#time").focus()
        await pilot.press("ctrl+u", "1", "5", ":", "3", "0")  # they moved it by email, later the same day
        await settle(pilot)
        assert "Tue 17 Mar 15:30 with Sofia Lind and Marcus Hale" in shown(app)
        await pilot.press("enter")
        await settle(pilot)
        booked = [i for i in stored(db_path, clock).interviews if i.day == date(2026, 3, 17)]
        assert [interview.at for interview in booked] == [datetime(2026, 3, 17, 15, 30, tzinfo=ZONE)]


async def test_a_request_becomes_the_next_step_and_an_offer_moves_the_stage(
    db_path: Path, clock: FakeClock, searching: Recorder
) -> None:
    app = make_app(db_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        await read_pasted(pilot, email("27-request-references-quill-data"))
        assert "Proposed: set the next step of Quill Labs (Data Engineer): Send your references, Fri 13 Mar." in (
            shown(app)
        )
        await pilot.press("enter")
        await settle(pilot)
        asked = application(db_path, clock, "Quill Labs", "Data Engineer")
        assert (asked.next_step, asked.next_step_on) == ("Send your references", date(2026, 3, 13))

        await read_pasted(pilot, email("36-offer-casual-quill-data"))
        assert "It says offer — they offer you the job" in shown(app)
        await pilot.press("enter")
        await settle(pilot)
        assert application(db_path, clock, "Quill Labs", "Data Engineer").stage is Stage.OFFER
        assert isinstance(app.screen, DashboardScreen)  # an offer keeps it open: no question follows


# Corrections -----------------------------------------------------------------------------------------------------


async def test_a_misread_kind_is_corrected_before_saving(db_path: Path, clock: FakeClock, searching: Recorder) -> None:
    app = make_app(db_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        # A no in words the rules do not know ("decided to close your application"): read as nothing to act on.
        await read_pasted(pilot, email("52-rejection-feedback-kestrel"))
        assert "It says unknown — nothing to act on" in shown(app)
        assert "Nothing to change — nothing in it reads as a no" in shown(app)
        assert app.screen.focused is app.screen.query_one("#kind")
        await pilot.press("r")  # the kind's first letter: rejection
        await settle(pilot)
        assert "It says rejection — a no" in shown(app)
        assert "Proposed: move Kestrel Analytics (Data Scientist) to rejected" in shown(app)
        assert application(db_path, clock, "Kestrel Analytics", "Data Scientist").stage is Stage.APPLIED

        await pilot.press("enter")
        await settle(pilot)
        assert application(db_path, clock, "Kestrel Analytics", "Data Scientist").stage is Stage.REJECTED
        assert flow(app).application.company == "Kestrel Analytics"


async def test_the_application_is_chosen_when_the_email_does_not_say_which(
    db_path: Path, clock: FakeClock, searching: Recorder
) -> None:
    app = make_app(db_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        await read_pasted(pilot, email("13-rejection-quill-role-not-said"))
        assert "About none" in shown(app)
        assert "it names Quill Labs, where you applied as Data Engineer and Analytics Engineer: choose which" in (
            shown(app)
        )
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, PasteEmailScreen)  # refused, and said why beside the field
        assert "which application is it about?" in field_error(app, "application")
        assert app.screen.focused is app.screen.query_one("#application")

        await choose(pilot, application(db_path, clock, "Quill Labs", "Analytics Engineer"))
        assert "Proposed: move Quill Labs (Analytics Engineer) to rejected" in shown(app)
        await pilot.press("enter")
        await settle(pilot)
        assert application(db_path, clock, "Quill Labs", "Analytics Engineer").stage is Stage.REJECTED
        assert application(db_path, clock, "Quill Labs", "Data Engineer").stage is Stage.INTERVIEWING


async def choose(pilot: Pilot[None], wanted: Application) -> None:
    """On the application list, a first letter picks the first one starting with it; again, the next one."""
    chooser = pilot.app.screen.query_one("#application", Select)
    for _ in range(len(pilot.app.screen.offered)):
        if chooser.value == wanted.id:
            break
        await pilot.press(wanted.company[0].lower())
    await settle(pilot)
    assert chooser.value == wanted.id


async def test_a_change_that_cannot_be_saved_opens_the_reading_again_as_corrected(
    db_path: Path, clock: FakeClock, searching: Recorder, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = make_app(db_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        pasted = email("13-rejection-quill-role-not-said")
        await read_pasted(pilot, pasted)
        analytics = application(db_path, clock, "Quill Labs", "Analytics Engineer")
        app.screen.query_one("#application").focus()
        await choose(pilot, analytics)

        def disk_full(*args: object, **changes: object) -> None:
            raise StoreError(db_path, "cannot be saved: the disk is full; nothing was changed")

        monkeypatch.setattr(Recorder, "move_stage", disk_full)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, PasteEmailScreen)  # again, as it was: the email, the choice, and why
        assert "the disk is full" in shown(app)
        assert app.screen.query_one("#application", Select).value == analytics.id
        assert app.screen.query_one("#email").text == pasted
        assert "Proposed: move Quill Labs (Analytics Engineer) to rejected" in shown(app)
    assert application(db_path, clock, "Quill Labs", "Analytics Engineer").stage is Stage.APPLIED


async def test_an_automatic_reply_saves_nothing_and_says_so(
    db_path: Path, clock: FakeClock, searching: Recorder
) -> None:
    before = db_path.read_bytes()
    app = make_app(db_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        received = email("43-received-ats-quill-analytics")
        await read_pasted(pilot, received)
        assert "It says received — an automatic “we got it”" in shown(app)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, DashboardScreen)
        assert toasts(app)[-1].startswith("Nothing to save: an automatic reply changes nothing")
    assert db_path.read_bytes() == before


# Leaving ---------------------------------------------------------------------------------------------------------


async def test_escape_saves_nothing_and_asks_once_before_leaving_a_pasted_email(
    db_path: Path, clock: FakeClock, searching: Recorder
) -> None:
    before = db_path.read_bytes()
    app = make_app(db_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("P")
        await paste(pilot, email("01-rejection-formal-quill-analytics"))
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, PasteEmailScreen)  # the email is still there, and the way on is said
        assert "The email is not read yet: ctrl+s reads it; escape again closes and leaves it." in shown(app)
        await pilot.press("ctrl+s")
        await settle(pilot)
        await pilot.press("escape")
        await settle(pilot)
        assert "Nothing is changed yet: enter makes the change; escape again closes without it." in shown(app)
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, DashboardScreen)
        await pilot.press("P", "escape")  # nothing pasted: escape closes at once
        await settle(pilot)
        assert isinstance(app.screen, DashboardScreen)
    assert db_path.read_bytes() == before
    assert application(db_path, clock, "Quill Labs", "Analytics Engineer").stage is Stage.APPLIED


async def test_ctrl_b_goes_back_to_the_email_as_pasted(db_path: Path, clock: FakeClock, searching: Recorder) -> None:
    app = make_app(db_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        rejection = email("01-rejection-formal-quill-analytics")
        await read_pasted(pilot, rejection)
        await pilot.press("ctrl+b")
        await settle(pilot)
        assert "Paste a recruiter's email" in shown(app)
        assert app.screen.query_one("#email").text == rejection
        assert app.screen.focused is app.screen.query_one("#email")


async def test_p_is_listed_with_the_keys(db_path: Path, clock: FakeClock) -> None:
    app = make_app(db_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        titles = {command.title: command.help for command in app.get_system_commands(app.dashboard)}
        assert titles["Paste an email"].startswith("key P · ")


# Pictures at 80×24 -----------------------------------------------------------------------------------------------


def picture_of_a_reading(name: str, db_path: Path, clock: FakeClock):
    async def run_before(pilot: Pilot[None]) -> None:
        await read_pasted(pilot, email(name))
        pilot.app.clear_notifications()
        for screen in pilot.app.screen_stack:
            for rack in screen.query(ToastRack):
                await rack.remove_children()
        await settle(pilot)

    return NextYesApp(db_path=db_path, now=clock, poll_interval=NO_POLL), run_before


def test_picture_of_a_no_read(snap_compare, db_path: Path, clock: FakeClock, searching: Recorder) -> None:
    """The no, the phrases that said so, the application and why, the move and the steps that follow."""
    app, run_before = picture_of_a_reading("01-rejection-formal-quill-analytics", db_path, clock)
    assert snap_compare(app, terminal_size=SIZE, run_before=run_before)


def test_picture_of_an_invitation_read(snap_compare, db_path: Path, clock: FakeClock, searching: Recorder) -> None:
    """The invitation, its day and time turned to your clock, the people named, the interview to book."""
    app, run_before = picture_of_a_reading("14-invite-second-round-quill-data", db_path, clock)
    assert snap_compare(app, terminal_size=SIZE, run_before=run_before)
