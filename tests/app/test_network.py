"""Today's actions beyond 'done', contacts, interviews, the question bank and learning goals, by their keys."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from textual.widgets import Checkbox, DataTable, Input, Static, TextArea

from tests.support.clock import FakeClock
from tests.support.pilot import (
    SIZE,
    YESTERDAY_3PM,
    field_error,
    highlight,
    make_app,
    screen_text,
    shown_actions,
    stored,
    table_rows,
    titles,
    toasts,
    type_text,
)
from tui.app.commands import SCREEN_COMMANDS, Scope
from tui.app.pilot import settle
from tui.app.screens.contact_form import ContactFormScreen, NetworkingScreen
from tui.app.screens.contacts import ContactsScreen
from tui.app.screens.dashboard import DashboardScreen
from tui.app.screens.debrief import DebriefScreen
from tui.app.screens.draft import DraftScreen
from tui.app.screens.help import HelpScreen
from tui.app.screens.interview_form import ScheduleInterviewScreen, parse_time
from tui.app.screens.interviews import InterviewsScreen
from tui.app.screens.learning_goal import LearningGoalScreen
from tui.app.screens.question_bank import QuestionBankScreen
from tui.app.screens.snooze import SnoozeScreen
from tui.app.widgets.pending import PendingTable
from tui.core.actions import ActionKind
from tui.core.models import ActivityKind, InterviewKind, Question, Stage, Tier
from tui.recording import Recorder

SUNDAY = date(2026, 3, 15)  # the FakeClock's day


# Today's actions: every kind named in a word, done, snoozed, dismissed, drafted ------------------


async def test_every_kind_of_action_shows_its_kind_in_a_word(
    db_path: Path, clock: FakeClock, recorder: Recorder
) -> None:
    umbrella = recorder.add_application("Umbrella", "Data Engineer", on=SUNDAY - timedelta(days=8))
    hooli = recorder.add_application("Hooli", "SRE", on=SUNDAY - timedelta(days=5))
    recorder.schedule_interview(hooli.id, YESTERDAY_3PM, people=["Priya Shah"])
    recorder.add_contact("Dana Reyes", tier=Tier.A, last_contact=SUNDAY - timedelta(days=40))
    recorder.add_learning_goals(["system design"], source="added by hand")
    app = make_app(db_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        kinds = [action.kind for action in shown_actions(app)]
        assert kinds == [
            ActionKind.THANK_YOU,
            ActionKind.FOLLOW_UP,
            ActionKind.RECONNECT,
            ActionKind.LEARN,
            ActionKind.DAILY_TARGET,
            ActionKind.REFLECTION,
        ]
        shown = screen_text(app)
        assert "thank-you · d: draft · " in shown
        assert "○ Send a thank-you note to Priya Shah" in shown  # open, in a glyph
        assert umbrella.company in shown


async def test_done_on_a_thank_you_logs_a_follow_up_and_ticks_it(
    db_path: Path, clock: FakeClock, recorder: Recorder
) -> None:
    hooli = recorder.add_application("Hooli", "SRE", on=SUNDAY - timedelta(days=5))
    recorder.schedule_interview(hooli.id, YESTERDAY_3PM, people=["Priya Shah"])
    app = make_app(db_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert highlight(app, ActionKind.THANK_YOU).done is False
        await pilot.press("space")
        await settle(pilot)
        assert "Saved: thank-you note to Hooli logged as a follow-up" in toasts(app)
        (thank_you,) = [a for a in shown_actions(app) if a.kind is ActionKind.THANK_YOU]
        assert thank_you.done
        assert "✓ Send a thank-you note to Priya Shah" in screen_text(app)  # ticked, in a glyph
        await pilot.press("space")  # again: nothing more is logged
        await settle(pilot)
        assert any(toast.startswith("Already done today: Send a thank-you note") for toast in toasts(app))
    follow_ups = [a for a in stored(db_path, clock).activities if a.kind is ActivityKind.FOLLOW_UP]
    assert [a.application_id for a in follow_ups] == [hooli.id]


async def test_done_on_a_reconnect_logs_networking_with_the_contact(
    db_path: Path, clock: FakeClock, recorder: Recorder
) -> None:
    dana = recorder.add_contact("Dana Reyes", company="Initech", tier=Tier.A, last_contact=SUNDAY - timedelta(days=40))
    app = make_app(db_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        highlight(app, ActionKind.RECONNECT)
        await pilot.press("enter")
        await settle(pilot)
        assert "Saved: back in touch with Dana Reyes; their reconnect clock starts again" in toasts(app)
        assert not any(action.kind is ActionKind.RECONNECT for action in shown_actions(app))
    (networking,) = stored(db_path, clock).activities
    assert (networking.kind, networking.contact_id, networking.logical_day) == (ActivityKind.NETWORK, dana.id, SUNDAY)


async def test_done_on_a_ghosted_suggestion_moves_the_stage(
    db_path: Path, clock: FakeClock, recorder: Recorder
) -> None:
    recorder.update_settings(max_follow_ups=0)
    acme = recorder.add_application("Acme", "Backend Engineer", on=SUNDAY - timedelta(days=40))
    app = make_app(db_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        highlight(app, ActionKind.GHOSTED)
        await pilot.press("space")
        await settle(pilot)
        assert "Saved: marked Acme ghosted — reopen it with s if they write back" in toasts(app)
        assert app.dashboard.query_one(PendingTable).rows_shown == []
    (application,) = stored(db_path, clock).applications
    assert application.id == acme.id and application.stage is Stage.GHOSTED


async def test_z_snoozes_an_action_until_the_day_typed(db_path: Path, clock: FakeClock, recorder: Recorder) -> None:
    recorder.add_application("Umbrella", "Data Engineer", on=SUNDAY - timedelta(days=8))
    app = make_app(db_path, clock, poll_interval=0.1)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        highlight(app, ActionKind.FOLLOW_UP)
        await pilot.press("z")
        assert isinstance(app.screen, SnoozeScreen)
        assert app.screen.query_one("#until", Input).value == "3 days"
        assert "Back on Wed 18 Mar, if it is still to do by then." in screen_text(app)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, DashboardScreen)
        assert "Saved: snoozed until Wed 18 Mar: Follow up with Umbrella (Data Engineer)" in toasts(app)
        assert "Follow up with Umbrella (Data Engineer)" not in titles(app)
        clock.advance(days=2)  # Tuesday: still snoozed
        await pilot.pause(0.3)
        await settle(pilot)
        assert app.snapshot is not None and app.snapshot.today == date(2026, 3, 17)
        assert "Follow up with Umbrella (Data Engineer)" not in titles(app)
        clock.advance(days=1)  # Wednesday: back, still due
        await pilot.pause(0.3)
        await settle(pilot)
        assert "Follow up with Umbrella (Data Engineer)" in titles(app)
    (mark,) = stored(db_path, clock).action_marks
    assert (mark.mark.value, mark.until) == ("snoozed", date(2026, 3, 18))


async def test_an_unreadable_snooze_is_explained_beside_the_field_and_kept(
    db_path: Path, clock: FakeClock, recorder: Recorder
) -> None:
    recorder.add_application("Umbrella", "Data Engineer", on=SUNDAY - timedelta(days=8))
    app = make_app(db_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        highlight(app, ActionKind.FOLLOW_UP)
        await pilot.press("z")
        await type_text(pilot, "whenever")  # replaces the selected default
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, SnoozeScreen)
        assert "cannot read 'whenever' as a day to snooze until" in field_error(app, "until")
        assert app.screen.query_one("#until", Input).value == "whenever"
        app.screen.query_one("#until", Input).value = "yesterday"
        await pilot.press("enter")
        await pilot.pause()
        assert "is not after today" in field_error(app, "until")
        await pilot.press("escape")
        assert isinstance(app.screen, DashboardScreen)
    assert stored(db_path, clock).action_marks == ()


async def test_the_daily_target_cannot_be_snoozed_or_dismissed_and_says_why(db_path: Path, clock: FakeClock) -> None:
    app = make_app(db_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        highlight(app, ActionKind.DAILY_TARGET)
        await pilot.press("z")
        assert isinstance(app.screen, DashboardScreen)
        await pilot.press("x")
        await settle(pilot)
        said = [toast for toast in toasts(app) if "it belongs to today, so it cannot be put off" in toast]
        assert len(said) == 2
        await pilot.press("d")
        assert any(toast.startswith("No draft for this one") for toast in toasts(app))
    assert not db_path.exists()


async def test_x_dismisses_an_action_for_good(db_path: Path, clock: FakeClock, recorder: Recorder) -> None:
    recorder.add_application("Umbrella", "Data Engineer", on=SUNDAY - timedelta(days=8))
    app = make_app(db_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        highlight(app, ActionKind.FOLLOW_UP)
        await pilot.press("x")
        await settle(pilot)
        assert "Saved: dismissed 'Follow up with Umbrella (Data Engineer)'; it will not come back" in toasts(app)
        assert [action.kind for action in shown_actions(app)] == [ActionKind.DAILY_TARGET, ActionKind.REFLECTION]
    (mark,) = stored(db_path, clock).action_marks
    assert mark.mark.value == "dismissed"


async def test_g_adds_a_learning_goal_and_x_closes_it(db_path: Path, clock: FakeClock, recorder: Recorder) -> None:
    hooli = recorder.add_application("Hooli", "SRE", on=SUNDAY - timedelta(days=3))
    app = make_app(db_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("g")
        assert isinstance(app.screen, LearningGoalScreen)
        await pilot.press("enter")
        await pilot.pause()
        assert "the skill is needed" in field_error(app, "skill")
        await type_text(pilot, "system design")
        await pilot.press("tab", "space", "down", "enter")  # choose Hooli
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, DashboardScreen)
        assert any(toast.startswith("Saved: learning goal 'system design'") for toast in toasts(app))
        goal = highlight(app, ActionKind.LEARN)
        assert goal.title == "Work on: system design"
        assert "learn · added by hand" in screen_text(app)
        await pilot.press("x")
        await settle(pilot)
        assert "Saved: learning goal closed: system design" in toasts(app)
        assert not any(action.kind is ActionKind.LEARN for action in shown_actions(app))
    (goal_record,) = stored(db_path, clock).learning_goals
    assert (goal_record.application_id, goal_record.source, goal_record.closed_on) == (
        hooli.id,
        "added by hand",
        SUNDAY,
    )


async def test_d_opens_the_draft_and_ctrl_o_copies_it_as_edited(
    db_path: Path, clock: FakeClock, recorder: Recorder, monkeypatch: pytest.MonkeyPatch
) -> None:
    recorder.add_application("Umbrella", "Data Engineer", on=SUNDAY - timedelta(days=8))
    before = db_path.read_bytes()
    app = make_app(db_path, clock)
    copied: list[str] = []
    monkeypatch.setattr(app, "copy_to_clipboard", copied.append)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        highlight(app, ActionKind.FOLLOW_UP)
        await pilot.press("d")
        await settle(pilot)
        assert isinstance(app.screen, DraftScreen)
        shown = screen_text(app)
        assert "Follow-up draft: Umbrella — Data Engineer" in shown
        assert "nextyes never sends it" in shown
        text = app.screen.query_one("#draft-text", TextArea).text
        assert text.startswith("Subject: ") and "Data Engineer" in text and "Umbrella" in text
        editor = app.screen.query_one("#draft-text", TextArea)
        editor.move_cursor(editor.document.end)
        await type_text(pilot, "PS")
        await pilot.press("ctrl+o")
        await pilot.pause()
        assert copied == [text + "PS"]
        assert any(toast.startswith("Copied") for toast in toasts(app))
        await pilot.press("escape")
        assert isinstance(app.screen, DashboardScreen)
    assert db_path.read_bytes() == before  # a draft writes nothing


# Contacts -------------------------------------------------------------------------------------------


async def test_c_lists_contacts_by_reconnect_due_with_support_as_a_glyph_named_in_the_heading(
    db_path: Path, clock: FakeClock, recorder: Recorder
) -> None:
    recorder.add_contact("Sam Lee", company="Globex", tier=Tier.C, last_contact=SUNDAY - timedelta(days=10))
    recorder.add_contact(
        "Dana Reyes", company="Initech", tier=Tier.A, support=True, last_contact=SUNDAY - timedelta(days=40)
    )
    app = make_app(db_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("c")
        await settle(pilot)
        assert isinstance(app.screen, ContactsScreen)
        assert table_rows(app, "contacts") == [
            ["Dana Reyes", "Initech", "A", "40d ago", "10 days late", "♥"],
            ["Sam Lee", "Globex", "C", "10d ago", "in 170 days", ""],
        ]
        assert "Contacts (2) · ♥ support" in screen_text(app)
        await pilot.press("escape")
        assert isinstance(app.screen, DashboardScreen)


async def test_contacts_a_adds_one_and_the_table_refreshes(db_path: Path, clock: FakeClock) -> None:
    app = make_app(db_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("c")
        await settle(pilot)
        assert "No contacts yet. Press a to add" in screen_text(app)
        await pilot.press("a")
        assert isinstance(app.screen, ContactFormScreen)
        await pilot.press("enter")
        await pilot.pause()
        assert "the name is needed" in field_error(app, "name")
        await type_text(pilot, "Dana Reyes")
        await pilot.press("tab")
        await type_text(pilot, "Initech")
        await pilot.press("tab", "space", "up", "enter")  # tier B → A
        await pilot.press("tab")
        await type_text(pilot, "worked together at Hooli")
        await pilot.press("tab", "space")  # support
        assert app.screen.query_one("#support", Checkbox).value is True
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ContactsScreen)
        assert "Saved: added Dana Reyes to your contacts (tier A)" in toasts(app)
        assert table_rows(app, "contacts") == [["Dana Reyes", "Initech", "A", "never", "in 30 days", "♥"]]
    (dana,) = stored(db_path, clock).contacts
    assert (dana.name, dana.company, dana.tier, dana.how_we_know, dana.support) == (
        "Dana Reyes",
        "Initech",
        Tier.A,
        "worked together at Hooli",
        True,
    )


async def test_contacts_e_edits_the_highlighted_contact(db_path: Path, clock: FakeClock, recorder: Recorder) -> None:
    recorder.add_contact("Dana Reyes", company="Initech", tier=Tier.A)
    sam = recorder.add_contact("Sam Lee", company="Globex", tier=Tier.B)
    app = make_app(db_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("c", "down", "e")
        assert isinstance(app.screen, ContactFormScreen)
        assert app.screen.query_one("#name", Input).value == "Sam Lee"
        assert app.screen.query_one("#company", Input).value == "Globex"
        app.screen.query_one("#company", Input).value = "Globex Labs"
        await pilot.press("enter")
        await settle(pilot)
        assert "Saved: Sam Lee's details" in toasts(app)
        assert table_rows(app, "contacts")[1][:2] == ["Sam Lee", "Globex Labs"]
        assert app.screen.query_one("#contacts", DataTable).cursor_row == 1  # still on Sam
    edited = next(c for c in stored(db_path, clock).contacts if c.id == sam.id)
    assert (edited.company, edited.tier) == ("Globex Labs", Tier.B)


async def test_contacts_n_and_enter_log_networking_with_the_contact(
    db_path: Path, clock: FakeClock, recorder: Recorder
) -> None:
    dana = recorder.add_contact("Dana Reyes", tier=Tier.A, last_contact=SUNDAY - timedelta(days=40))
    app = make_app(db_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("c", "enter")
        assert isinstance(app.screen, NetworkingScreen)
        assert "Log networking with Dana Reyes" in screen_text(app)
        await type_text(pilot, "coffee")
        await pilot.press("tab")
        app.screen.query_one("#day", Input).value = "tomorrow"
        await pilot.press("enter")
        await pilot.pause()
        assert "that is in the future" in field_error(app, "day")
        assert app.screen.query_one("#note", Input).value == "coffee"
        app.screen.query_one("#day", Input).value = "yesterday"
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ContactsScreen)
        assert "Saved: networking with Dana Reyes on Sat 14 Mar; their reconnect clock starts again" in toasts(app)
        assert table_rows(app, "contacts")[0][3:5] == ["1 day ago", "in 29 days"]
        await pilot.press("n")
        assert isinstance(app.screen, NetworkingScreen)
        await pilot.press("escape")
        assert isinstance(app.screen, ContactsScreen)
    (activity,) = stored(db_path, clock).activities
    assert (activity.kind, activity.note, activity.contact_id, activity.logical_day) == (
        ActivityKind.NETWORK,
        "coffee",
        dana.id,
        SUNDAY - timedelta(days=1),
    )


async def test_a_failed_contact_save_keeps_the_typing(db_path: Path, clock: FakeClock, disk_full: None) -> None:
    app = make_app(db_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("c", "a")
        await type_text(pilot, "Dana Reyes")
        await pilot.press("tab")
        await type_text(pilot, "Initech")
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ContactFormScreen)
        assert app.screen.query_one("#name", Input).value == "Dana Reyes"
        assert app.screen.query_one("#company", Input).value == "Initech"
        assert "the disk is full" in str(app.screen.query_one("#form-problem", Static).render())
        await pilot.press("escape")
        assert isinstance(app.screen, ContactsScreen)
    assert not db_path.exists()


# Interviews and the question bank ------------------------------------------------------------------


async def test_v_with_nothing_pending_says_so(db_path: Path, clock: FakeClock) -> None:
    app = make_app(db_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("v")
        assert isinstance(app.screen, DashboardScreen)
        assert any(toast.startswith("No pending application to show interviews for") for toast in toasts(app))


async def test_v_schedules_an_interview_at_the_time_typed_in_the_settings_zone(
    db_path: Path, clock: FakeClock, recorder: Recorder
) -> None:
    recorder.update_settings(timezone="Europe/Paris")
    hooli = recorder.add_application("Hooli", "SRE", on=SUNDAY - timedelta(days=3))
    app = make_app(db_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("v")
        assert isinstance(app.screen, InterviewsScreen)
        assert "No interviews logged yet. Press a to schedule one" in screen_text(app)
        await pilot.press("a")
        assert isinstance(app.screen, ScheduleInterviewScreen)
        await type_text(pilot, "next tuesday")
        await pilot.press("tab")
        await type_text(pilot, "25:00")
        await pilot.press("tab", "tab", "space", "down", "enter")  # round blank; kind phone → technical
        await pilot.press("tab")
        await type_text(pilot, "Priya Shah, Sam Lee")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ScheduleInterviewScreen)
        assert "'25:00' is not a time of day; use HH:MM" in field_error(app, "time")
        assert field_error(app, "day") == ""
        assert app.screen.focused is app.screen.query_one("#time", Input)
        assert app.screen.query_one("#people", Input).value == "Priya Shah, Sam Lee"
        app.screen.query_one("#time", Input).value = "14:30"
        await pilot.pause()
        assert "Tue 17 Mar at 14:30 (Europe/Paris), in 2 days" in screen_text(app)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, InterviewsScreen)
        assert "Saved: technical interview with Hooli on Tue 17 Mar at 14:30" in toasts(app)
        assert table_rows(app, "interviews") == [
            ["Tue 17 Mar 14:30", "1", "technical", "Priya Shah, Sam Lee", "–", "○ ahead"]
        ]
    search = stored(db_path, clock)
    (interview,) = search.interviews
    assert interview.at == datetime(2026, 3, 17, 14, 30, tzinfo=ZoneInfo("Europe/Paris"))
    assert interview.at.utcoffset() is not None
    assert (interview.timezone, interview.day, interview.kind) == (
        "Europe/Paris",
        date(2026, 3, 17),
        InterviewKind.TECHNICAL,
    )
    assert interview.people == ["Priya Shah", "Sam Lee"]
    assert search.application(hooli.id).stage is Stage.INTERVIEWING


@pytest.mark.parametrize(
    ("typed", "expected"),
    [("14:30", (14, 30)), ("9:05", (9, 5)), ("9.30", (9, 30)), ("2pm", (14, 0)), ("12:15 am", (0, 15))],
)
def test_interview_times_read_as_people_type_them(typed: str, expected: tuple[int, int]) -> None:
    at = parse_time(typed)
    assert (at.hour, at.minute) == expected


@pytest.mark.parametrize("typed", ["14", "24:00", "9:60", "13pm", "noon"])
def test_times_that_are_not_times_are_refused(typed: str) -> None:
    with pytest.raises(ValueError, match=r"HH:MM|am or pm"):
        parse_time(typed)


async def test_enter_debriefs_an_interview_and_explains_a_bad_question_line(
    db_path: Path, clock: FakeClock, recorder: Recorder
) -> None:
    hooli = recorder.add_application("Hooli", "SRE", on=SUNDAY - timedelta(days=5))
    interview = recorder.schedule_interview(hooli.id, YESTERDAY_3PM, kind=InterviewKind.TECHNICAL, people=["Priya"])
    app = make_app(db_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("v")
        await settle(pilot)
        assert table_rows(app, "interviews")[0][-1] == "○ to do"
        await pilot.press("enter")
        assert isinstance(app.screen, DebriefScreen)
        assert app.screen.focused is app.screen.query_one("#questions", TextArea)
        await type_text(pilot, "Tell me about yourself | 4 | ran long")
        await pilot.press("enter")  # a new line, not a save
        assert isinstance(app.screen, DebriefScreen)
        await type_text(pilot, "Design a rate limiter | 9")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, DebriefScreen)
        assert "line 2: the rating '9' is not 1 to 5" in field_error(app, "questions")
        questions = app.screen.query_one("#questions", TextArea)
        assert questions.text == "Tell me about yourself | 4 | ran long\nDesign a rate limiter | 9"
        questions.text = "Tell me about yourself | 4 | ran long\nDesign a rate limiter | 2"
        await pilot.press("shift+tab")  # how it went
        await pilot.press("space", "down", "down", "down", "enter")  # 3 — fine
        await pilot.press("tab", "tab")  # went well
        await type_text(pilot, "the SQL part")
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, InterviewsScreen)
        assert "Saved: debrief of the Hooli interview, 2 questions for the bank (b shows it)" in toasts(app)
        assert table_rows(app, "interviews")[0][-2:] == ["3/5", "✓ done"]
    (debriefed,) = stored(db_path, clock).interviews
    assert debriefed.id == interview.id
    assert debriefed.questions == [
        Question(text="Tell me about yourself", rating=4, answer="ran long"),
        Question(text="Design a rate limiter", rating=2),
    ]
    assert (debriefed.rating, debriefed.went_well, debriefed.people) == (3, "the SQL part", ["Priya"])


async def test_b_shows_the_question_bank_most_asked_and_lowest_rated(
    db_path: Path, clock: FakeClock, recorder: Recorder
) -> None:
    hooli = recorder.add_application("Hooli", "SRE", on=SUNDAY - timedelta(days=9))
    acme = recorder.add_application("Acme", "SRE", on=SUNDAY - timedelta(days=9))
    for application, rating in ((hooli, 4), (acme, 2)):
        interview = recorder.schedule_interview(application.id, YESTERDAY_3PM)
        recorder.debrief_interview(
            interview.id,
            questions=[Question(text="Tell me about yourself", rating=rating), Question(text="Why us?", rating=5)]
            if application is hooli
            else [Question(text="Tell me about yourself.", rating=rating)],
            rating=3,
            went_well="",
            change="",
        )
    app = make_app(db_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("b")
        await settle(pilot)
        assert isinstance(app.screen, QuestionBankScreen)
        shown = screen_text(app)
        asked_most, rated_lowest = shown.split("Rated lowest")
        assert asked_most.index("Tell me about yourself") < asked_most.index("Why us?")
        assert "×2" in asked_most and "3.0/5" in asked_most
        assert "Hooli, Acme · last 14 Mar" in asked_most
        assert rated_lowest.index("Tell me about yourself") < rated_lowest.index("Why us?")
        await pilot.press("escape")
        assert isinstance(app.screen, DashboardScreen)


async def test_an_empty_question_bank_says_how_to_start_it(db_path: Path, clock: FakeClock) -> None:
    app = make_app(db_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("b")
        await settle(pilot)
        assert "Debrief an interview with v, then enter, to start the bank" in screen_text(app)


# Every key is reachable, listed, and closes with escape ---------------------------------------------


async def test_escape_closes_every_new_screen_and_form(db_path: Path, clock: FakeClock, recorder: Recorder) -> None:
    recorder.add_application("Umbrella", "Data Engineer", on=SUNDAY - timedelta(days=8))
    hooli = recorder.add_application("Hooli", "SRE", on=SUNDAY - timedelta(days=8))
    recorder.schedule_interview(hooli.id, YESTERDAY_3PM)
    recorder.add_contact("Dana Reyes")
    app = make_app(db_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        pending = app.dashboard.query_one(PendingTable)
        pending.move_cursor(row=[row.application_id for row in pending.rows_shown].index(hooli.id))
        for keys in (("c",), ("c", "a"), ("c", "e"), ("c", "n"), ("v",), ("v", "a"), ("v", "enter"), ("b",), ("g",)):
            await pilot.press(*keys)
            await settle(pilot)
            for _ in keys:
                assert not isinstance(app.screen, DashboardScreen), keys
                await pilot.press("escape")
            assert isinstance(app.screen, DashboardScreen), keys
        highlight(app, ActionKind.FOLLOW_UP)
        for key in ("z", "d"):
            await pilot.press(key)
            assert not isinstance(app.screen, DashboardScreen), key
            await pilot.press("escape")
            assert isinstance(app.screen, DashboardScreen), key
    assert len(stored(db_path, clock).contacts) == 1


async def test_help_lists_the_keys_inside_the_new_screens(db_path: Path, clock: FakeClock) -> None:
    app = make_app(db_path, clock)
    async with app.run_test(size=(80, 200)) as pilot:  # tall enough to show the whole list at once
        await settle(pilot)
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        shown = screen_text(app)
        for scope in (Scope.CONTACTS, Scope.INTERVIEWS, Scope.DRAFT):
            assert scope.value in shown
        for command in SCREEN_COMMANDS:
            assert command.title in shown
        for title in ("Snooze the highlighted action", "Contacts", "Question bank", "Add a learning goal"):
            assert title in shown


async def test_the_palette_in_contacts_offers_its_commands(db_path: Path, clock: FakeClock) -> None:
    app = make_app(db_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("c")
        await settle(pilot)
        offered = [command.title for command in app.get_system_commands(app.screen)]
        assert {"Add a contact", "Edit the highlighted contact"} <= set(offered)
        await pilot.press("ctrl+p")
        await type_text(pilot, "Add a contact")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ContactFormScreen)
