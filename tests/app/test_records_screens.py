"""Your records (e): every other kind of record listed, corrected and deleted from the keyboard.

The activity log, every interview, contacts, wins, learning goals, reflections and rest days, each by its keys:
arrows move, e edits, d deletes after asking once, escape closes; each change goes through the app's save path.
"""

from __future__ import annotations

import errno
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from textual.widgets import DataTable, Input, Static, TextArea

from tests.support.clock import ZONE, FakeClock
from tests.support.pilot import (
    SIZE,
    field_error,
    make_app,
    screen_text,
    shown_actions,
    stored,
    table_rows,
    toasts,
    type_text,
)
from tests.support.record_lists import FRIDAY, SUNDAY, Fortnight, record_a_fortnight
from tui.app import NextYesApp
from tui.app.commands import SCREEN_COMMANDS, Scope
from tui.app.pilot import settle
from tui.app.screens.activity_log import ActivityLogScreen
from tui.app.screens.confirm import ConfirmScreen
from tui.app.screens.contacts import ContactsScreen
from tui.app.screens.corrections import (
    ActivityEditScreen,
    GoalEditScreen,
    InterviewEditScreen,
    ReflectionFormScreen,
    RestNoteScreen,
    WinEditScreen,
)
from tui.app.screens.dashboard import DashboardScreen
from tui.app.screens.goals_list import GoalsScreen
from tui.app.screens.help import HelpScreen
from tui.app.screens.interviews import AllInterviewsScreen, InterviewsScreen
from tui.app.screens.records_menu import RecordsMenuScreen
from tui.app.screens.reflections_list import ReflectionReadingScreen, ReflectionsScreen
from tui.app.screens.rest_days_list import RestDaysScreen
from tui.app.screens.wins_list import WinsScreen
from tui.app.widgets.pending import PendingTable
from tui.core.actions import ActionKind
from tui.core.models import ActivityKind
from tui.recording import Recorder
from tui.store import files as store_files

LISTS = [
    ("l", ActivityLogScreen),
    ("v", AllInterviewsScreen),
    ("c", ContactsScreen),
    ("w", WinsScreen),
    ("g", GoalsScreen),
    ("r", ReflectionsScreen),
    ("R", RestDaysScreen),
]


@pytest.fixture
def fortnight(recorder: Recorder) -> Fortnight:
    return record_a_fortnight(recorder)


async def open_list(pilot, letter: str) -> None:
    await settle(pilot)
    await pilot.press("e", letter)
    await settle(pilot)


def no_space(*args: object) -> None:
    raise OSError(errno.ENOSPC, "No space left on device")


def cursor_row(app: NextYesApp, table_id: str) -> int:
    return app.screen.query_one(f"#{table_id}", DataTable).cursor_row


def question(app: NextYesApp) -> str:
    assert isinstance(app.screen, ConfirmScreen)
    return str(app.screen.query_one("#confirm-question", Static).render())


# Your records: the chooser ---------------------------------------------------------------------------


@pytest.mark.parametrize(("letter", "screen"), LISTS)
async def test_e_then_a_letter_opens_each_list_and_escape_goes_back_to_the_dashboard(
    db_path: Path, clock: FakeClock, fortnight: Fortnight, letter: str, screen: type
) -> None:
    app = make_app(db_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("e")
        await settle(pilot)
        assert isinstance(app.screen, RecordsMenuScreen)
        await pilot.press(letter)
        await settle(pilot)
        assert isinstance(app.screen, screen)
        assert app.screen.query_one(DataTable).row_count > 0
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, DashboardScreen)


async def test_the_chooser_says_how_much_each_list_holds_and_arrows_and_enter_open_one(
    db_path: Path, clock: FakeClock, fortnight: Fortnight
) -> None:
    app = make_app(db_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("e")
        await settle(pilot)
        shown = screen_text(app)
        for line in (
            "Activity log  9 activities",
            "Every interview  3 interviews, 1 cancelled",
            "Contacts  1 contact",
            "Wins  3 wins",
            "Learning goals  1 open, 1 closed",
            "Reflections  1 reflection",
            "Rest days  2 rest days",
        ):
            assert line in shown, line
        await pilot.press("down", "enter")  # the second list: the activity log
        await settle(pilot)
        assert isinstance(app.screen, ActivityLogScreen)


async def test_escape_e_or_q_closes_the_chooser_with_nothing_opened(db_path: Path, clock: FakeClock) -> None:
    app = make_app(db_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        for key in ("escape", "e", "q"):
            await pilot.press("e")
            await settle(pilot)
            assert isinstance(app.screen, RecordsMenuScreen)
            await pilot.press(key)
            await settle(pilot)
            assert isinstance(app.screen, DashboardScreen), key


# The activity log ------------------------------------------------------------------------------------


async def test_the_activity_log_lists_each_day_once_newest_first_with_points_and_whom_it_was_for(
    db_path: Path, clock: FakeClock, fortnight: Fortnight
) -> None:
    app = make_app(db_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        await open_list(pilot, "l")
        rows = table_rows(app, "activity-log")
        assert rows[:6] == [
            ["Sun 15 Mar", "interview", "1", "Hooli: interviewing, round 2", "Hooli"],
            ["", "interview", "1", "Acme: interviewing, round 1", "Acme"],
            ["Sat 14 Mar", "network", "1", "coffee with Dana, asked abo…", "Dana Reyes"],
            ["", "follow-up", "1", "emailed the recruiter", "Hooli"],
            ["", "reflect", "0.5", "wrote the day's reflection", ""],
            ["Fri 13 Mar", "learn", "0.5", "SQL window functions, chapt…", ""],
        ]
        assert [row[0] for row in rows[6:]] == ["Tue 10 Mar", "Sat 07 Mar", "Tue 03 Mar"]
        assert "Activity log (9 activities on 6 days)" in screen_text(app)


async def test_e_corrects_an_activity_kind_note_and_day_and_the_log_and_streak_follow(
    db_path: Path, clock: FakeClock, fortnight: Fortnight
) -> None:
    app = make_app(db_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        await open_list(pilot, "l")
        await pilot.press("down", "down", "e")  # the networking on Saturday
        await settle(pilot)
        assert isinstance(app.screen, ActivityEditScreen)
        assert app.screen.query_one("#note", Input).value == "coffee with Dana, asked about her team"
        assert app.screen.query_one("#day", Input).value == "yesterday"
        await pilot.press("p")  # the kind, chosen by its first letter: prep
        await pilot.press("tab", "ctrl+u")
        await type_text(pilot, "practised the system design question")
        await pilot.press("tab", "tab", "ctrl+u")
        await type_text(pilot, "friday")
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ActivityLogScreen)
        assert "Saved: the activity as corrected: prep on Fri 13 Mar" in toasts(app)
        rows = table_rows(app, "activity-log")
        friday = next(index for index, row in enumerate(rows) if row[0] == "Fri 13 Mar")
        assert sorted(row[1:] for row in rows[friday : friday + 2]) == [
            ["learn", "0.5", "SQL window functions, chapt…", ""],
            ["prep", "0.5", "practised the system design…", "Dana Reyes"],
        ]
        assert "network" not in {row[1] for row in rows}
        assert rows[cursor_row(app, "activity-log")][1] == "prep"  # the cursor follows it to Friday
    (moved,) = [a for a in stored(db_path, clock).activities if a.kind is ActivityKind.PREP]
    assert (moved.logical_day, moved.note, moved.contact_id) == (
        FRIDAY,
        "practised the system design question",
        fortnight.dana.id,
    )


async def test_enter_opens_the_same_correction_and_escape_saves_nothing(
    db_path: Path, clock: FakeClock, fortnight: Fortnight
) -> None:
    before = db_path.read_bytes()
    app = make_app(db_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        await open_list(pilot, "l")
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ActivityEditScreen)
        await pilot.press("tab", "end")
        await type_text(pilot, " and more")
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, ActivityLogScreen)
    assert db_path.read_bytes() == before


async def test_a_day_in_the_future_is_refused_beside_the_field_and_kept_as_typed(
    db_path: Path, clock: FakeClock, fortnight: Fortnight
) -> None:
    app = make_app(db_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        await open_list(pilot, "l")
        await pilot.press("e", "tab", "tab", "tab", "ctrl+u")
        await type_text(pilot, "tomorrow")
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ActivityEditScreen)
        assert "in the future" in field_error(app, "day")
        assert app.screen.query_one("#day", Input).value == "tomorrow"


async def test_d_asks_once_naming_the_activity_n_keeps_it_and_y_deletes_it(
    db_path: Path, clock: FakeClock, fortnight: Fortnight
) -> None:
    app = make_app(db_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        await open_list(pilot, "l")
        await pilot.press("down", "down", "down", "d")  # the follow-up on Saturday
        await settle(pilot)
        assert question(app) == (
            "Delete the activity follow-up on Sat 14 Mar: emailed the recruiter? Its points leave that day."
        )
        await pilot.press("n")
        await settle(pilot)
        assert len(table_rows(app, "activity-log")) == 9
        await pilot.press("d")
        await settle(pilot)
        await pilot.press("y")
        await settle(pilot)
        assert isinstance(app.screen, ActivityLogScreen)
        assert "Saved: deleted follow-up on Sat 14 Mar: emailed the recruiter" in toasts(app)
        rows = table_rows(app, "activity-log")
        assert len(rows) == 8
        assert "emailed the recruiter" not in {row[3] for row in rows}
        assert rows[cursor_row(app, "activity-log")][3] == "wrote the day's reflection"  # the one after it
    assert "emailed the recruiter" not in {a.note for a in stored(db_path, clock).activities}


async def test_u_after_a_delete_brings_the_activity_back_into_the_list(
    db_path: Path, clock: FakeClock, fortnight: Fortnight
) -> None:
    app = make_app(db_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        await open_list(pilot, "l")
        await pilot.press("down", "down", "down", "d", "y")
        await settle(pilot)
        assert len(table_rows(app, "activity-log")) == 8
        await pilot.press("u")
        await settle(pilot)
        assert isinstance(app.screen, ActivityLogScreen)
        assert "emailed the recruiter" in {row[3] for row in table_rows(app, "activity-log")}
    assert "emailed the recruiter" in {a.note for a in stored(db_path, clock).activities}


async def test_l_in_the_log_logs_another_and_the_log_shows_it(db_path: Path, clock: FakeClock) -> None:
    app = make_app(db_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        await open_list(pilot, "l")
        assert "Nothing logged yet. Press l to log something" in screen_text(app)
        await pilot.press("e")
        await settle(pilot)
        assert "Nothing to edit here yet. Press l to log something first." in toasts(app)
        await pilot.press("l")
        await settle(pilot)
        await pilot.press("n", "tab")
        await type_text(pilot, "called Dana")
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ActivityLogScreen)
        assert table_rows(app, "activity-log") == [["Sun 15 Mar", "network", "1", "called Dana", ""]]


async def test_the_log_shows_ninety_days_at_a_time_and_brackets_step_through_them(
    db_path: Path, clock: FakeClock, recorder: Recorder
) -> None:
    for days_ago in (0, 89, 90, 200):
        recorder.log(ActivityKind.LEARN, f"reading, {days_ago} days ago", on=SUNDAY - timedelta(days=days_ago))
    app = make_app(db_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        await open_list(pilot, "l")
        assert [row[3] for row in table_rows(app, "activity-log")] == ["reading, 0 days ago", "reading, 89 days ago"]
        assert "Activity log (4 activities on 4 days) · 16 Dec 2025 – 15 Mar" in screen_text(app)
        await pilot.press("]")
        assert "These are the latest days logged; [ shows older ones." in toasts(app)
        await pilot.press("[")
        await settle(pilot)
        assert table_rows(app, "activity-log") == [["Mon 15 Dec 2025", "learn", "0.5", "reading, 90 days ago", ""]]
        await pilot.press("[")
        await settle(pilot)
        assert [row[3] for row in table_rows(app, "activity-log")] == ["reading, 200 days ago"]
        await pilot.press("[")
        assert "These are the first days you logged; ] goes back towards the latest." in toasts(app)
        await pilot.press("]", "]")
        await settle(pilot)
        assert len(table_rows(app, "activity-log")) == 2


async def test_brackets_and_slashes_in_a_note_show_as_typed(
    db_path: Path, clock: FakeClock, recorder: Recorder
) -> None:
    recorder.log(ActivityKind.PREP, "[/b] fixed the [bold] tag in my CV")
    app = make_app(db_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        await open_list(pilot, "l")
        assert table_rows(app, "activity-log")[0][3] == "[/b] fixed the [bold] tag in m…"


# Every interview -------------------------------------------------------------------------------------


async def test_every_interview_lists_all_applications_latest_first_the_cancelled_one_marked(
    db_path: Path, clock: FakeClock, fortnight: Fortnight
) -> None:
    app = make_app(db_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        await open_list(pilot, "v")
        assert table_rows(app, "interviews") == [
            ["Wed 18 Mar 09:00", "Acme", "1", "phone", "Ana Ruiz", "✗ cancelled"],
            ["Tue 17 Mar 14:30", "Hooli", "2", "technical", "Priya Shah,…", "○ ahead"],
            ["Tue 10 Mar 10:00", "Hooli", "1", "phone", "Sam Lee", "○ to do"],
        ]
        assert "Every interview (3, 1 cancelled)" in screen_text(app)
        await pilot.press("enter")  # a cancelled one is not debriefed
        await settle(pilot)
        assert isinstance(app.screen, AllInterviewsScreen)
        assert "That interview was cancelled: c puts it back on, then enter debriefs it." in toasts(app)


async def test_c_puts_a_cancelled_interview_back_and_c_again_cancels_it(
    db_path: Path, clock: FakeClock, fortnight: Fortnight
) -> None:
    app = make_app(db_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        await open_list(pilot, "v")
        await pilot.press("c")
        await settle(pilot)
        assert "Saved: the phone interview with Acme on Wed 18 Mar is back on" in toasts(app)
        assert table_rows(app, "interviews")[0][-1] == "○ ahead"
        assert next(i for i in stored(db_path, clock).interviews if i.id == fortnight.called_off.id).cancelled is False
        await pilot.press("down", "c")
        await settle(pilot)
        assert "Saved: cancelled the technical interview with Hooli on Tue 17 Mar; c puts it back" in toasts(app)
        assert table_rows(app, "interviews")[1][-1] == "✗ cancelled"
    assert next(i for i in stored(db_path, clock).interviews if i.id == fortnight.technical.id).cancelled is True


async def test_e_corrects_an_interview_time_round_and_people_on_its_own_clock(
    db_path: Path, clock: FakeClock, fortnight: Fortnight
) -> None:
    app = make_app(db_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        pending = app.dashboard.query_one(PendingTable)
        pending.move_cursor(row=[row.application_id for row in pending.rows_shown].index(fortnight.hooli.id))
        await pilot.press("v")
        await settle(pilot)
        assert isinstance(app.screen, InterviewsScreen)
        await pilot.press("down", "e")  # the technical one, on Tuesday
        await settle(pilot)
        assert isinstance(app.screen, InterviewEditScreen)
        form = app.screen
        assert [form.query_one(f"#{field}", Input).value for field in ("day", "time", "round", "people")] == [
            "2026-03-17",
            "14:30",
            "2",
            "Priya Shah, Lee Park",
        ]
        await pilot.press("ctrl+u")
        await type_text(pilot, "2026-03-18")
        await pilot.press("tab", "ctrl+u")
        await type_text(pilot, "16:00")
        await pilot.press("tab", "ctrl+u")
        await type_text(pilot, "3")
        await pilot.press("tab", "tab", "end")
        await type_text(pilot, ", Ana Ruiz")
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, InterviewsScreen)
        assert "Saved: the technical interview with Hooli as corrected: Wed 18 Mar at 16:00" in toasts(app)
        assert table_rows(app, "interviews")[1][:3] == ["Wed 18 Mar 16:00", "3", "technical"]
    technical = next(i for i in stored(db_path, clock).interviews if i.id == fortnight.technical.id)
    assert (technical.at, technical.day, technical.round, technical.people) == (
        datetime(2026, 3, 18, 16, 0, tzinfo=ZONE),
        date(2026, 3, 18),
        3,
        ["Priya Shah", "Lee Park", "Ana Ruiz"],
    )


async def test_d_deletes_an_interview_after_naming_it(db_path: Path, clock: FakeClock, fortnight: Fortnight) -> None:
    app = make_app(db_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        await open_list(pilot, "v")
        await pilot.press("d")
        await settle(pilot)
        assert question(app) == "Delete Acme's phone interview, round 1, Wed 18 Mar?"
        await pilot.press("y")
        await settle(pilot)
        assert [row[1] for row in table_rows(app, "interviews")] == ["Hooli", "Hooli"]
    assert fortnight.called_off.id not in {i.id for i in stored(db_path, clock).interviews}


# Contacts ------------------------------------------------------------------------------------------


async def test_d_in_contacts_deletes_the_contact_and_keeps_the_networking_logged(
    db_path: Path, clock: FakeClock, fortnight: Fortnight
) -> None:
    app = make_app(db_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        await open_list(pilot, "c")
        await pilot.press("d")
        await settle(pilot)
        assert question(app) == "Delete Dana Reyes (Initech)?"
        await pilot.press("y")
        await settle(pilot)
        assert isinstance(app.screen, ContactsScreen)
        assert "No contacts yet" in screen_text(app)
    search = stored(db_path, clock)
    assert search.contacts == ()
    assert "coffee with Dana, asked about her team" in {a.note for a in search.activities}


# Wins ----------------------------------------------------------------------------------------------


async def test_wins_e_corrects_the_words_and_day_and_d_deletes(
    db_path: Path, clock: FakeClock, fortnight: Fortnight
) -> None:
    app = make_app(db_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        await open_list(pilot, "w")
        assert [row[:2] for row in table_rows(app, "wins")][:2] == [
            ["Sun 15 Mar", "Landed an interview at Acme (Data Engineer)"],
            ["Fri 13 Mar", "cut the build time from 20 to 6 minutes"],
        ]
        await pilot.press("down", "e")
        await settle(pilot)
        assert isinstance(app.screen, WinEditScreen)
        assert app.screen.query_one("#day", Input).value == "2026-03-13"
        await pilot.press("end", *["backspace"] * len("6 minutes"))
        await type_text(pilot, "4 minutes")
        await pilot.press("tab", "ctrl+u")
        await type_text(pilot, "yesterday")
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, WinsScreen)
        assert table_rows(app, "wins")[1][:2] == ["Sat 14 Mar", "cut the build time from 20 to 4 minutes"]
        await pilot.press("d")
        await settle(pilot)
        assert question(app) == "Delete the win 'cut the build time from 20 to 4 minutes'?"
        await pilot.press("y")
        await settle(pilot)
        assert len(table_rows(app, "wins")) == 2
    assert fortnight.win.id not in {w.id for w in stored(db_path, clock).wins}


async def test_a_correction_that_cannot_be_saved_reopens_as_typed_and_a_delete_says_so(
    db_path: Path, clock: FakeClock, fortnight: Fortnight, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = make_app(db_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        await open_list(pilot, "w")
        # The disk fills up once the list is open: whether the change is one line in the journal or the whole
        # file, it cannot be made to last.
        monkeypatch.setattr(store_files.os, "fsync", no_space)
        await pilot.press("down", "e", "end")
        await type_text(pilot, ", twice")
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, WinEditScreen)  # open again, as typed, with why above it
        assert app.screen.query_one("#text", Input).value == "cut the build time from 20 to 6 minutes, twice"
        assert "the disk is full; nothing was changed" in str(app.screen.query_one("#form-problem", Static).render())
        await pilot.press("escape", "d", "y")
        await settle(pilot)
        assert isinstance(app.screen, WinsScreen)
        assert len(table_rows(app, "wins")) == 3
        assert any("the disk is full" in toast for toast in toasts(app))
    assert {win.text for win in stored(db_path, clock).wins} >= {"cut the build time from 20 to 6 minutes"}


# Learning goals --------------------------------------------------------------------------------------


async def test_goals_open_first_then_closed_and_x_closes_and_reopens(
    db_path: Path, clock: FakeClock, fortnight: Fortnight
) -> None:
    app = make_app(db_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        await open_list(pilot, "g")
        assert table_rows(app, "goals") == [
            ["system design: rate limiters", "Hooli", "15 Mar", "○ open"],
            ["Kubernetes networking", "Hooli", "15 Mar", "✓ closed 13 Mar"],
        ]
        await pilot.press("x")
        await settle(pilot)
        assert "Learning goals (0 open, 2 closed)" in screen_text(app)
        assert not any(action.kind is ActionKind.LEARN for action in shown_actions(app))
        await pilot.press("down", "x")  # Kubernetes, closed on Friday: reopened
        await settle(pilot)
        assert "Saved: reopened the learning goal 'Kubernetes networking'; it is back in Today's actions" in toasts(app)
        assert any(action.title.startswith("Work on: Kubernetes networking") for action in shown_actions(app))
    goals = {goal.text: goal.closed_on for goal in stored(db_path, clock).learning_goals}
    assert goals == {"system design: rate limiters": SUNDAY, "Kubernetes networking": None}


async def test_a_goal_dismissed_in_todays_actions_comes_back_there_when_reopened(
    db_path: Path, clock: FakeClock, recorder: Recorder
) -> None:
    recorder.add_learning_goals(["system design"], source="added by hand")
    app = make_app(db_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        actions = [action.kind for action in shown_actions(app)]
        app.dashboard.actions.highlighted = actions.index(ActionKind.LEARN)
        await pilot.press("x")  # dismissed: the goal is closed
        await settle(pilot)
        assert not any(action.kind is ActionKind.LEARN for action in shown_actions(app))
        await open_list(pilot, "g")
        await pilot.press("x")
        await settle(pilot)
        assert [action.title for action in shown_actions(app) if action.kind is ActionKind.LEARN] == [
            "Work on: system design"
        ]


async def test_e_corrects_a_goal_and_d_deletes_it(db_path: Path, clock: FakeClock, fortnight: Fortnight) -> None:
    app = make_app(db_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        await open_list(pilot, "g")
        await pilot.press("e")
        await settle(pilot)
        assert isinstance(app.screen, GoalEditScreen)
        await pilot.press("end")
        await type_text(pilot, " and queues")
        await pilot.press("enter")
        await settle(pilot)
        assert table_rows(app, "goals")[0][0] == "system design: rate limiters an…"  # clipped to fit 80
        await pilot.press("d")
        await settle(pilot)
        assert question(app) == "Delete the learning goal 'system design: rate limiters and queues'?"
        await pilot.press("y")
        await settle(pilot)
        assert [row[0] for row in table_rows(app, "goals")] == ["Kubernetes networking"]


# Reflections -----------------------------------------------------------------------------------------


async def test_enter_reads_a_reflection_whole_and_e_there_corrects_it(
    db_path: Path, clock: FakeClock, fortnight: Fortnight
) -> None:
    app = make_app(db_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        await open_list(pilot, "r")
        assert table_rows(app, "reflections")[0][0] == "Sat 14 Mar"
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ReflectionReadingScreen)
        shown = screen_text(app)
        assert "What gave you energy today?" in shown
        assert "Follow up with Hooli on Monday." in shown
        await pilot.press("e")
        await settle(pilot)
        assert isinstance(app.screen, ReflectionFormScreen)
        body = app.screen.query_one("#reflection-body", TextArea)
        assert body.cursor_location == body.document.end  # to go on where it ended
        await pilot.press("enter")  # a new line, not a save
        await type_text(pilot, "And ask Dana for the intro.")
        assert isinstance(app.screen, ReflectionFormScreen)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, ReflectionsScreen)
    (reflection,) = stored(db_path, clock).reflections
    assert reflection.text.endswith("on Monday.\nAnd ask Dana for the intro.")


async def test_an_emptied_reflection_is_refused_and_d_deletes_it_instead(
    db_path: Path, clock: FakeClock, fortnight: Fortnight
) -> None:
    app = make_app(db_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        await open_list(pilot, "r")
        await pilot.press("e")
        await settle(pilot)
        app.screen.query_one("#reflection-body", TextArea).load_text("  ")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert "d in the list deletes it" in field_error(app, "reflection-body")
        await pilot.press("escape", "d")
        await settle(pilot)
        assert question(app) == "Delete the reflection of Sat 14 Mar and the points for writing it?"
        await pilot.press("y")
        await settle(pilot)
        assert "No reflections yet" in screen_text(app)
    assert stored(db_path, clock).reflections == ()


# Rest days -------------------------------------------------------------------------------------------


async def test_rest_days_planned_and_taken_e_changes_the_note_d_cancels(
    db_path: Path, clock: FakeClock, fortnight: Fortnight
) -> None:
    app = make_app(db_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        await open_list(pilot, "R")
        assert table_rows(app, "rest-days") == [
            ["Sat 21 Mar", "planned, in 6 days", "family visit"],
            ["Mon 09 Mar", "taken, 6 days ago", "a long weekend away"],
        ]
        await pilot.press("e")
        await settle(pilot)
        assert isinstance(app.screen, RestNoteScreen)
        await pilot.press("ctrl+u")
        await type_text(pilot, "Grandma's birthday")
        await pilot.press("enter")
        await settle(pilot)
        assert table_rows(app, "rest-days")[0][2] == "Grandma's birthday"
        await pilot.press("d")
        await settle(pilot)
        assert question(app) == "Delete the rest day on Sat 21 Mar?"
        await pilot.press("y")
        await settle(pilot)
        assert "Rest days (0 planned, 1 taken)" in screen_text(app)
    assert [rest.day for rest in stored(db_path, clock).rest_days] == [fortnight.rest_taken.day]


# Keys and where they go ------------------------------------------------------------------------------


async def test_letters_typed_into_a_form_over_a_list_stay_in_the_field(
    db_path: Path, clock: FakeClock, fortnight: Fortnight
) -> None:
    app = make_app(db_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        await open_list(pilot, "w")
        await pilot.press("down", "e", "end")
        await type_text(pilot, " (xdec ed)")
        await settle(pilot)
        assert isinstance(app.screen, WinEditScreen)  # no d asked, no x, no second form
        assert app.screen.query_one("#text", Input).value == "cut the build time from 20 to 6 minutes (xdec ed)"


async def test_keys_typed_in_one_burst_after_e_reach_the_list_they_open(
    db_path: Path, clock: FakeClock, fortnight: Fortnight
) -> None:
    app = make_app(db_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await type_text(pilot, "ewd")  # Your records, Wins, delete the first
        await settle(pilot)
        assert question(app) == "Delete the win 'Landed an interview at Acme (Data Engin…'?"
        assert isinstance(app.screen_stack[-2], WinsScreen)


async def test_help_lists_the_records_keys_and_the_palette_offers_each_list(db_path: Path, clock: FakeClock) -> None:
    app = make_app(db_path, clock)
    async with app.run_test(size=(80, 300)) as pilot:  # tall enough to show the whole list at once
        await settle(pilot)
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        shown = screen_text(app)
        assert "Your records: see, correct, delete" in shown
        for scope in (Scope.RECORDS, Scope.ACTIVITY_LOG, Scope.WINS, Scope.GOALS, Scope.REFLECTIONS, Scope.REST_DAYS):
            assert scope.value in shown, scope
        for command in SCREEN_COMMANDS:
            assert command.title in shown, command.title
        await pilot.press("escape", "e")
        await settle(pilot)
        offered = {command.title for command in app.get_system_commands(app.screen)}
        assert {"Activity log", "Every interview", "Wins", "Learning goals", "Reflections", "Rest days"} <= offered
        await pilot.press("ctrl+p")
        await type_text(pilot, "Rest days")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, RestDaysScreen)


async def test_end_and_home_go_to_the_last_and_the_first_record(
    db_path: Path, clock: FakeClock, fortnight: Fortnight
) -> None:
    app = make_app(db_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        await open_list(pilot, "l")
        table = app.screen.query_one("#activity-log", DataTable)
        await pilot.press("end")
        await settle(pilot)
        assert cursor_row(app, "activity-log") == table.row_count - 1
        await pilot.press("home")
        await settle(pilot)
        assert cursor_row(app, "activity-log") == 0
