"""The app when storage fails: a full disk, a read-only file or folder, a file made unreadable while open.

Every form that takes typing fails to save once, says why naming the file, and comes back exactly as typed;
once the cause is put right, one more try saves it once and the screen shows it. Nothing is dropped.
"""

from __future__ import annotations

import errno
import os
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Checkbox, Input, OptionList, Select, Static, TextArea

from tests.support.clock import FakeClock
from tests.support.pilot import (
    SIZE,
    YESTERDAY_3PM,
    calendar_cell,
    down_to,
    flow,
    header,
    highlight,
    make_app,
    pending_cell,
    pending_companies,
    raised,
    screen_text,
    table_rows,
    titles,
    toasts,
)
from tui.app import NextYesApp
from tui.app.pilot import settle
from tui.app.screens.add_application import AddApplicationScreen
from tui.app.screens.contact_form import ContactFormScreen, NetworkingScreen
from tui.app.screens.contacts import ContactsScreen
from tui.app.screens.dashboard import DashboardScreen
from tui.app.screens.debrief import DebriefScreen
from tui.app.screens.interview_form import ScheduleInterviewScreen
from tui.app.screens.interviews import InterviewsScreen
from tui.app.screens.learning_goal import LearningGoalScreen
from tui.app.screens.log_activity import LogActivityScreen
from tui.app.screens.move_stage import MoveStageScreen
from tui.app.screens.progress import ProgressScreen
from tui.app.screens.rest_day import RestDayScreen
from tui.app.screens.snooze import SnoozeScreen
from tui.app.screens.win import WinScreen
from tui.app.widgets.reflection import ReflectionPanel
from tui.core.actions import ActionKind
from tui.core.models import ActivityKind, ApplicationKind, InterviewKind, RejectionReason, Stage, Tier
from tui.core.search import JobSearch
from tui.recording import Recorder
from tui.store import Store
from tui.store import files as store_files
from tui.store.backups import backup_folder

POLL = 0.1  # how often the app looks at the file here: a file made unreadable, or put back, shows quickly
RECOVERY_POLL = 0.25  # a quick poll, so the test that waits for the recovery is quick
SUNDAY = date(2026, 3, 15)  # the FakeClock's day
SATURDAY = SUNDAY - timedelta(days=1)
AS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0


# Reading the app ---------------------------------------------------------------------------------


def error_toasts(app: NextYesApp) -> list[str]:
    return [toast.message for toast in raised(app) if toast.severity == "error"]


def saved_toasts(app: NextYesApp) -> list[str]:
    return [message for message in toasts(app) if message.startswith("Saved: ")]


def form_problem(app: NextYesApp) -> str:
    return str(app.screen.query_one("#form-problem", Static).render())


def dashboard_problem(app: NextYesApp) -> str:
    """The dashboard's line about the database, or '' while it is hidden."""
    problem = app.dashboard.query_one("#problem", Static)
    return str(problem.render()) if problem.display else ""


def field_value(field: Widget) -> object:
    """What a field holds as a person sees it: text typed, the choice picked, the box ticked."""
    if isinstance(field, Input | Select | Checkbox):
        return field.value
    if isinstance(field, TextArea):
        return field.text
    if isinstance(field, OptionList):
        return field.highlighted
    raise TypeError(f"not a form field: {field!r}")


def form_values(screen: Screen[object]) -> dict[str, object]:
    """Every field of a form, by id: each beside a label (`FormScreen.field_row`) or in a box of its own."""
    fields = screen.query(".field")
    return {str(field.id): field_value(field) for field in fields}


def fill(screen: Screen[object], typed: dict[str, object]) -> None:
    """Put `typed` into the form's fields, as typing, picking and ticking (or a paste) would."""
    for field_id, value in typed.items():
        field = screen.query_one(f"#{field_id}")
        if isinstance(field, TextArea):
            field.text = str(value)
        elif isinstance(field, OptionList):
            field.highlighted = int(value)
        else:
            field.value = value


def file_bytes(path: Path) -> bytes | None:
    return path.read_bytes() if path.exists() else None


def temp_files(db_path: Path) -> list[Path]:
    """Temp files a failed write left behind, beside the database or among its backups (written first)."""
    return [*db_path.parent.glob(".*.tmp"), *backup_folder(db_path).glob(".*.tmp")]


def stored(db_path: Path, clock: FakeClock) -> JobSearch:
    return Store(db_path, clock).load()


def company_of(search: JobSearch, application_id: object) -> str:
    application = next((a for a in search.applications if a.id == application_id), None)
    return application.company if application is not None else ""


def application_named(search: JobSearch, company: str) -> object:
    return next(a.id for a in search.applications if a.company == company)


async def wait_until(pilot: Pilot[None], condition: Callable[[], object], timeout: float = 20.0) -> None:
    """Let the app run until `condition()` holds; fails after `timeout` seconds, far more than a busy machine needs."""
    started = time.monotonic()
    while not condition():
        assert time.monotonic() - started < timeout, "the app did not get there in time"
        await pilot.pause(0.02)
    await settle(pilot)


# The failures, made real where they can be, and put right again ----------------------------------


class Fault:
    """One way storage fails while the app is open, and how the person puts it right."""

    said = ""  # how the error describes it, after the file's name

    def __init__(self, app: NextYesApp, monkeypatch: pytest.MonkeyPatch) -> None:
        self.app = app
        self.db_path = app.db_path
        self.monkeypatch = monkeypatch

    async def begin(self, pilot: Pilot[None]) -> None:
        raise NotImplementedError

    async def end(self, pilot: Pilot[None]) -> None:
        raise NotImplementedError


class DiskFull(Fault):
    """No space left: the new file's bytes cannot reach the disk (ENOSPC at its fsync)."""

    said = "cannot be saved: the disk is full; nothing was changed"

    async def begin(self, pilot: Pilot[None]) -> None:
        self.real_fsync = store_files.os.fsync

        def no_space(descriptor: int) -> None:
            raise OSError(errno.ENOSPC, "No space left on device")

        self.monkeypatch.setattr(store_files.os, "fsync", no_space)

    async def end(self, pilot: Pilot[None]) -> None:
        self.monkeypatch.setattr(store_files.os, "fsync", self.real_fsync)


class ReadOnlyFile(Fault):
    """The person made the database file read-only (no owner write bit)."""

    said = "cannot be saved: the file is read-only; nothing was changed"

    async def begin(self, pilot: Pilot[None]) -> None:
        assert self.db_path.exists(), "a read-only file needs a file: seed the database first"
        self.db_path.chmod(0o444)

    async def end(self, pilot: Pilot[None]) -> None:
        self.db_path.chmod(0o644)


class ReadOnlyFolder(Fault):
    """The folder holding the database is read-only: no new file can be made in it. Root writes there anyway."""

    said = "cannot be saved: the file or its folder is read-only; nothing was changed"

    async def begin(self, pilot: Pilot[None]) -> None:
        self.db_path.parent.chmod(0o555)

    async def end(self, pilot: Pilot[None]) -> None:
        self.db_path.parent.chmod(0o755)


class Unreadable(Fault):
    """Another program replaced the file with something that is not a database; later the good file comes back."""

    def replacement(self, good: bytes) -> bytes:
        raise NotImplementedError

    async def begin(self, pilot: Pilot[None]) -> None:
        self.good = self.db_path.read_bytes()
        self.db_path.write_bytes(self.replacement(self.good))
        await wait_until(pilot, lambda: self.app.problem)
        shown = dashboard_problem(self.app)
        assert str(self.db_path) in shown and self.said in shown

    async def end(self, pilot: Pilot[None]) -> None:
        self.db_path.write_bytes(self.good)
        await wait_until(pilot, lambda: not self.app.problem)
        assert dashboard_problem(self.app) == ""


class GarbageWritten(Unreadable):
    said = "is not valid JSON"

    def replacement(self, good: bytes) -> bytes:
        return b"\x00\x00PK\x03\x04 not a database at all"


class FileEmptied(Unreadable):
    """Truncated to nothing, as by a program that opened it for writing and died."""

    said = "is empty"

    def replacement(self, good: bytes) -> bytes:
        return b""


FOLDER_NEEDS_A_USER = pytest.mark.skipif(AS_ROOT, reason="root can write into a read-only folder")


@pytest.fixture(autouse=True)
def writable_again(tmp_path: Path, db_path: Path) -> object:
    """Whatever a test left read-only is made writable again, so the temporary folder can be cleaned up."""
    yield
    tmp_path.chmod(0o755)
    if db_path.exists():
        db_path.chmod(0o644)


# The forms -----------------------------------------------------------------------------------------


async def nothing_to_do(pilot: Pilot[None]) -> None:
    return None


@dataclass(frozen=True)
class FormCase:
    """One form that takes typing: how to reach it, what to type in every field, and where the result shows."""

    form: type[Screen[object]]
    keys: tuple[str, ...]  # from the dashboard to the form
    typed: Callable[[JobSearch], dict[str, object]]  # every field, by id; ids of records named in the search
    kept: Callable[[JobSearch], list[object]]  # what the form adds to the file, readably
    expected: list[object]  # `kept` once it is saved: one record, not two
    shows: Callable[[Pilot[None]], Awaitable[None]]  # asserts the screen returned to shows the saved record
    seed: Callable[[Recorder], object] = lambda recorder: recorder.add_application(
        "Initech", "Analyst", on=SUNDAY - timedelta(days=5)
    )
    returns_to: type[Screen[object]] = DashboardScreen
    submit: str = "enter"
    before: Callable[[Pilot[None]], Awaitable[None]] = nothing_to_do  # on the dashboard, before the keys


async def globex_is_in_todays_actions(pilot: Pilot[None]) -> None:
    assert any("Globex" in title for title in titles(pilot.app))


ADD_APPLICATION = FormCase(
    form=AddApplicationScreen,
    keys=("a",),
    typed=lambda search: {
        "company": "Globex",
        "role": "Site Reliability Engineer",
        "kind": ApplicationKind.CONTRACT,
        "source": "referral",
        "url": "https://globex.example/jobs/42",
        "applied-on": "2 days ago",
        "note": "via Dana",
        "resume": "sre-v3",
        "salary": "€90–100k",
        "saved": True,
    },
    kept=lambda search: [
        (
            a.company,
            a.role,
            a.kind,
            a.source,
            a.url,
            a.stage,
            a.notes,
            a.stage_history[0].day,
            a.resume,
            a.salary_advertised,
        )
        for a in search.applications
        if a.company == "Globex"
    ],
    expected=[
        (
            "Globex",
            "Site Reliability Engineer",
            ApplicationKind.CONTRACT,
            "referral",
            "https://globex.example/jobs/42",
            Stage.SAVED,
            "via Dana",
            SUNDAY - timedelta(days=2),
            "sre-v3",
            "€90–100k",
        )
    ],
    shows=globex_is_in_todays_actions,
)


async def saturday_is_done_on_the_calendar(pilot: Pilot[None]) -> None:
    assert calendar_cell(pilot.app, SATURDAY, SUNDAY) == "█"


LOG_ACTIVITY = FormCase(
    form=LogActivityScreen,
    keys=("l",),
    typed=lambda search: {
        "kind": ActivityKind.FOLLOW_UP,
        "note": "asked about the timeline",
        "application": application_named(search, "Initech"),
        "day": "yesterday",
    },
    kept=lambda search: [
        (a.kind, a.note, a.logical_day, company_of(search, a.application_id))
        for a in search.activities
        if a.kind is ActivityKind.FOLLOW_UP
    ],
    expected=[(ActivityKind.FOLLOW_UP, "asked about the timeline", SATURDAY, "Initech")],
    shows=saturday_is_done_on_the_calendar,
)


async def hooli_is_interviewing(pilot: Pilot[None]) -> None:
    assert pending_cell(pilot.app, 0, "Stage") == "interviewing"


MOVE_STAGE = FormCase(
    form=MoveStageScreen,
    keys=("s",),
    seed=lambda recorder: recorder.add_application("Hooli", "SRE", on=SUNDAY - timedelta(days=10)),
    typed=lambda search: {
        "stage": list(Stage).index(Stage.INTERVIEWING),
        "round": "2",
        "final": True,
        "note": "panel with the platform team",
        "day": "yesterday",
    },
    kept=lambda search: [
        (change.stage, change.round, change.final, change.note, change.day)
        for application in search.applications
        for change in application.stage_history
        if change.stage is Stage.INTERVIEWING
    ],
    expected=[(Stage.INTERVIEWING, 2, True, "panel with the platform team", SATURDAY)],
    shows=hooli_is_interviewing,
)


async def the_win_is_in_progress(pilot: Pilot[None]) -> None:
    await pilot.press("p")
    await settle(pilot)
    assert isinstance(pilot.app.screen, ProgressScreen)
    await pilot.press("end")
    assert "Sat 14 Mar 2026  Shipped the billing migration" in screen_text(pilot.app)


ADD_WIN = FormCase(
    form=WinScreen,
    keys=("w",),
    typed=lambda search: {
        "text": "Shipped the billing migration with no downtime",
        "day": "yesterday",
        "application": application_named(search, "Initech"),
    },
    kept=lambda search: [(w.text, w.day, company_of(search, w.application_id)) for w in search.wins],
    expected=[("Shipped the billing migration with no downtime", SATURDAY, "Initech")],
    shows=the_win_is_in_progress,
)


async def today_is_a_rest_day(pilot: Pilot[None]) -> None:
    assert "z Today: rest day" in header(pilot.app)


PLAN_REST = FormCase(
    form=RestDayScreen,
    keys=("R",),
    typed=lambda search: {"day": "2026-03-15", "note": "family visit"},
    kept=lambda search: [(rest.day, rest.note) for rest in search.rest_days],
    expected=[(SUNDAY, "family visit")],
    shows=today_is_a_rest_day,
)

UMBRELLA_FOLLOW_UP = "Follow up with Umbrella (Data Engineer)"


async def highlight_the_follow_up(pilot: Pilot[None]) -> None:
    assert highlight(pilot.app, ActionKind.FOLLOW_UP).title == UMBRELLA_FOLLOW_UP


async def the_follow_up_is_out_of_sight(pilot: Pilot[None]) -> None:
    assert UMBRELLA_FOLLOW_UP not in titles(pilot.app)


SNOOZE = FormCase(
    form=SnoozeScreen,
    keys=("z",),
    seed=lambda recorder: recorder.add_application("Umbrella", "Data Engineer", on=SUNDAY - timedelta(days=8)),
    before=highlight_the_follow_up,
    typed=lambda search: {"until": "next monday"},
    kept=lambda search: [(mark.mark.value, mark.until) for mark in search.action_marks],
    expected=[("snoozed", date(2026, 3, 16))],
    shows=the_follow_up_is_out_of_sight,
)


async def the_goal_is_in_todays_actions(pilot: Pilot[None]) -> None:
    assert "Work on: system design" in titles(pilot.app)


LEARNING_GOAL = FormCase(
    form=LearningGoalScreen,
    keys=("g",),
    typed=lambda search: {"skill": "system design", "application": application_named(search, "Initech")},
    kept=lambda search: [
        (goal.text, company_of(search, goal.application_id), goal.source) for goal in search.learning_goals
    ],
    expected=[("system design", "Initech", "added by hand")],
    shows=the_goal_is_in_todays_actions,
)


async def dana_is_listed_as_support(pilot: Pilot[None]) -> None:
    (row,) = table_rows(pilot.app, "contacts")
    assert (row[0], row[1], row[2], row[-1]) == ("Dana Reyes", "Initech", "A", "♥")


ADD_CONTACT = FormCase(
    form=ContactFormScreen,
    keys=("c", "a"),
    returns_to=ContactsScreen,
    typed=lambda search: {
        "name": "Dana Reyes",
        "company": "Initech",
        "tier": Tier.A,
        "how-we-know": "the recruiter",
        "support": True,
        "notes": "prefers email",
    },
    kept=lambda search: [(c.name, c.company, c.tier, c.how_we_know, c.support, c.notes) for c in search.contacts],
    expected=[("Dana Reyes", "Initech", Tier.A, "the recruiter", True, "prefers email")],
    shows=dana_is_listed_as_support,
)


async def dana_was_in_touch_yesterday(pilot: Pilot[None]) -> None:
    (row,) = table_rows(pilot.app, "contacts")
    assert (row[0], row[3]) == ("Dana Reyes", "1 day ago")


LOG_NETWORKING = FormCase(
    form=NetworkingScreen,
    keys=("c", "n"),
    returns_to=ContactsScreen,
    seed=lambda recorder: recorder.add_contact("Dana Reyes", tier=Tier.A, last_contact=SUNDAY - timedelta(days=40)),
    typed=lambda search: {"note": "coffee, asked about their team", "day": "yesterday"},
    kept=lambda search: [
        (a.kind, a.note, a.logical_day, next(c.name for c in search.contacts if c.id == a.contact_id))
        for a in search.activities
        if a.contact_id is not None
    ],
    expected=[(ActivityKind.NETWORK, "coffee, asked about their team", SATURDAY, "Dana Reyes")],
    shows=dana_was_in_touch_yesterday,
)


async def the_interview_is_listed(pilot: Pilot[None]) -> None:
    assert table_rows(pilot.app, "interviews") == [
        ["Tue 17 Mar 14:30", "2", "technical", "Priya Shah, Sam Lee", "–", "○ ahead"]
    ]


SCHEDULE_INTERVIEW = FormCase(
    form=ScheduleInterviewScreen,
    keys=("v", "a"),
    returns_to=InterviewsScreen,
    seed=lambda recorder: recorder.add_application("Hooli", "SRE", on=SUNDAY - timedelta(days=3)),
    typed=lambda search: {
        "day": "next tuesday",
        "time": "14:30",
        "round": "2",
        "kind": InterviewKind.TECHNICAL,
        "people": "Priya Shah, Sam Lee",
        "notes": "bring the laptop",
    },
    kept=lambda search: [(i.day, f"{i.at:%H:%M}", i.round, i.kind, i.people, i.notes) for i in search.interviews],
    expected=[(date(2026, 3, 17), "14:30", 2, InterviewKind.TECHNICAL, ["Priya Shah", "Sam Lee"], "bring the laptop")],
    shows=the_interview_is_listed,
)


def hooli_interviewed_yesterday(recorder: Recorder) -> object:
    hooli = recorder.add_application("Hooli", "SRE", on=SUNDAY - timedelta(days=5))
    return recorder.schedule_interview(hooli.id, YESTERDAY_3PM, kind=InterviewKind.TECHNICAL, people=["Priya"])


async def the_interview_is_debriefed(pilot: Pilot[None]) -> None:
    assert table_rows(pilot.app, "interviews")[0][-2:] == ["4/5", "✓ done"]


DEBRIEF = FormCase(
    form=DebriefScreen,
    keys=("v", "enter"),
    returns_to=InterviewsScreen,
    submit="ctrl+s",
    seed=hooli_interviewed_yesterday,
    typed=lambda search: {
        "people": "Priya, Sam Lee",
        "rating": 4,
        "questions": "Tell me about yourself | 4 | ran long\nDesign a rate limiter | 2",
        "went-well": "the SQL part",
        "change": "ask about the team earlier",
    },
    kept=lambda search: [
        (i.people, i.rating, [(q.text, q.rating) for q in i.questions], i.went_well, i.change)
        for i in search.interviews
        if i.debriefed
    ],
    expected=[
        (
            ["Priya", "Sam Lee"],
            4,
            [("Tell me about yourself", 4), ("Design a rate limiter", 2)],
            "the SQL part",
            "ask about the team earlier",
        )
    ],
    shows=the_interview_is_debriefed,
)


def form_fault(case: FormCase, fault: type[Fault], *marks: pytest.MarkDecorator) -> object:
    return pytest.param(case, fault, id=f"{case.form.__name__}-{fault.__name__}", marks=marks)


# Every form once; the add form under every failure.
FORMS_UNDER_FAULTS = [
    form_fault(ADD_APPLICATION, DiskFull),
    form_fault(ADD_APPLICATION, ReadOnlyFile),
    form_fault(ADD_APPLICATION, ReadOnlyFolder, FOLDER_NEEDS_A_USER),
    form_fault(ADD_APPLICATION, GarbageWritten),
    form_fault(LOG_ACTIVITY, ReadOnlyFile),
    form_fault(MOVE_STAGE, DiskFull),
    form_fault(ADD_WIN, FileEmptied),
    form_fault(PLAN_REST, ReadOnlyFile),
    form_fault(SNOOZE, DiskFull),
    form_fault(LEARNING_GOAL, GarbageWritten),
    form_fault(ADD_CONTACT, ReadOnlyFile),
    form_fault(LOG_NETWORKING, DiskFull),
    form_fault(SCHEDULE_INTERVIEW, GarbageWritten),
    form_fault(DEBRIEF, ReadOnlyFile),
]


async def open_form(pilot: Pilot[None], case: FormCase) -> None:
    await case.before(pilot)
    for key in case.keys:
        await pilot.press(key)
        await settle(pilot)
    assert isinstance(pilot.app.screen, case.form)


@pytest.mark.parametrize(("case", "fault_type"), FORMS_UNDER_FAULTS)
async def test_a_form_that_cannot_be_saved_comes_back_as_typed_and_saves_once_when_put_right(
    db_path: Path,
    clock: FakeClock,
    recorder: Recorder,
    monkeypatch: pytest.MonkeyPatch,
    case: FormCase,
    fault_type: type[Fault],
) -> None:
    case.seed(recorder)
    app = make_app(db_path, clock, poll_interval=POLL)
    fault = fault_type(app, monkeypatch)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        pending_before = pending_companies(app)
        await open_form(pilot, case)
        assert app.snapshot is not None
        typed = case.typed(app.snapshot.search)
        untouched = form_values(app.screen)
        assert set(typed) == set(untouched), "type in every field of the form"
        assert all(typed[name] != untouched[name] for name in typed), "type something new in every field"
        fill(app.screen, typed)
        await pilot.pause()

        await fault.begin(pilot)
        on_disk = file_bytes(db_path)
        await pilot.press(case.submit)
        await settle(pilot)
        assert any(str(db_path) in toast and fault.said in toast for toast in error_toasts(app)), error_toasts(app)
        assert isinstance(app.screen, case.form)
        assert fault.said in form_problem(app)
        assert form_values(app.screen) == typed
        assert app.is_running and pending_companies(app) == pending_before  # the dashboard beneath carries on
        assert file_bytes(db_path) == on_disk and temp_files(db_path) == []
        assert saved_toasts(app) == []

        await fault.end(pilot)
        await pilot.press(case.submit)
        await settle(pilot)
        assert isinstance(app.screen, case.returns_to)
        assert len(saved_toasts(app)) == 1
        await case.shows(pilot)
    assert case.kept(stored(db_path, clock)) == case.expected


# The reflection: the text stays in the editor, marked not saved, and ctrl+s tries again ----------------

REFLECTION = "The Hooli panel went better than I feared."


@pytest.mark.parametrize(
    "fault_type",
    [
        DiskFull,
        ReadOnlyFile,
        pytest.param(ReadOnlyFolder, marks=FOLDER_NEEDS_A_USER),
        FileEmptied,
    ],
)
async def test_a_reflection_that_cannot_be_saved_stays_in_the_editor_and_saves_once_when_put_right(
    db_path: Path, clock: FakeClock, recorder: Recorder, monkeypatch: pytest.MonkeyPatch, fault_type: type[Fault]
) -> None:
    recorder.add_application("Initech", "Analyst", on=SUNDAY - timedelta(days=5))
    app = make_app(db_path, clock, poll_interval=POLL)
    fault = fault_type(app, monkeypatch)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("r")
        panel = app.dashboard.query_one(ReflectionPanel)
        panel.editor.insert(REFLECTION)  # as typed, or pasted
        status = panel.query_one("#reflection-status", Static)

        await fault.begin(pilot)
        on_disk = file_bytes(db_path)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert any(str(db_path) in toast and fault.said in toast for toast in error_toasts(app)), error_toasts(app)
        assert panel.text == REFLECTION
        assert "not saved yet" in str(status.render())
        assert file_bytes(db_path) == on_disk and temp_files(db_path) == []

        await fault.end(pilot)
        assert panel.text == REFLECTION  # a reload does not replace unsaved typing
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert str(status.render()) == "✓ saved"
        assert saved_toasts(app) == ["Saved: your reflection for Sun 15 Mar"]
    assert [(r.day, r.text) for r in stored(db_path, clock).reflections] == [(SUNDAY, REFLECTION)]


# A file made unreadable while the app is open --------------------------------------------------------

# Every key that would change the job search, each of which must refuse while the file cannot be read.
CHANGING_KEYS = ("a", "l", "s", "w", "R", "g", "c", "v", "z", "x")


async def test_a_file_made_unreadable_while_open_stops_every_change_and_the_good_file_is_picked_up_again(
    db_path: Path, clock: FakeClock, recorder: Recorder
) -> None:
    recorder.add_application("Umbrella", "Data Engineer", on=SUNDAY - timedelta(days=8))
    good = db_path.read_bytes()
    app = make_app(db_path, clock, poll_interval=RECOVERY_POLL)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        header_before = header(app)
        db_path.write_bytes(good[: len(good) // 2])  # cut short, as by a copy that did not finish
        await wait_until(pilot, lambda: app.problem)
        assert dashboard_problem(app).startswith(f"⚠ {db_path}: is not valid JSON")
        assert any(toast.startswith(f"{db_path}: is not valid JSON") for toast in error_toasts(app))
        assert pending_companies(app) == ["Umbrella"] and header(app) == header_before  # the last good read stays

        highlight(app, ActionKind.FOLLOW_UP)
        for key in CHANGING_KEYS:
            await pilot.press(key)
            assert isinstance(app.screen, DashboardScreen), key
        await pilot.press("r")
        app.dashboard.reflection.editor.insert("typed while it was unreadable")
        await pilot.press("ctrl+s")
        await settle(pilot)
        refusals = [toast for toast in toasts(app) if toast.startswith("Nothing can be saved until the database")]
        assert len(refusals) == len(CHANGING_KEYS) + 1
        assert all(str(db_path) in refusal for refusal in refusals)
        assert db_path.read_bytes() == good[: len(good) // 2]

        db_path.write_bytes(good)
        await wait_until(pilot, lambda: not app.problem)  # a later poll notices the good file
        assert dashboard_problem(app) == ""
        await pilot.press("ctrl+s")  # the reflection typed meanwhile, still in the editor
        await settle(pilot)
        assert saved_toasts(app) == ["Saved: your reflection for Sun 15 Mar"]
    assert [r.text for r in stored(db_path, clock).reflections] == ["typed while it was unreadable"]


# The steps after a no: each fails once, each a different way, and comes back as typed -----------------


@dataclass(frozen=True)
class FlowStep:
    """One step of the flow after a no: what to type on it, how saving it fails, and what it says once saved."""

    typed: dict[str, object]
    fault: type[Fault]
    saved: str
    submit: str = "enter"


@pytest.mark.slow  # about 10 s: the flow is the heaviest screen, and two of its failures wait for the poll
async def test_every_step_after_a_no_that_cannot_be_saved_comes_back_as_typed_and_saves_once(
    db_path: Path, clock: FakeClock, recorder: Recorder, monkeypatch: pytest.MonkeyPatch
) -> None:
    hooli = recorder.add_application("Hooli", "Platform Engineer", on=SUNDAY - timedelta(days=10))
    dana = recorder.add_contact("Dana Reyes", company="Hooli", tier=Tier.A, how_we_know="the recruiter")
    steps = [
        FlowStep(
            {"reason": list(RejectionReason).index(RejectionReason.SKILLS)}, DiskFull, "the no from Hooli: skills"
        ),
        FlowStep({"answer": "wanted more Kubernetes"}, ReadOnlyFile, "what Hooli said"),
        FlowStep(
            {"skills": "Kubernetes operators\nGo concurrency"},
            GarbageWritten,
            "2 skills to work on, in Today's actions",
            submit="ctrl+s",
        ),
        FlowStep(
            {"contact": dana.id, "remind": "60 days", "reapply": False},
            FileEmptied,
            "the bridge to Hooli: Dana Reyes, a reminder on Thu 14 May 2026",
        ),
    ]
    app = make_app(db_path, clock, poll_interval=POLL)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("s", *down_to(Stage.APPLIED, Stage.REJECTED), "enter")
        await settle(pilot)
        for number, step in enumerate(steps, 1):
            fill(flow(app), step.typed)
            await pilot.pause()
            typed = form_values(flow(app))
            fault = step.fault(app, monkeypatch)
            await fault.begin(pilot)
            await pilot.press(step.submit)
            await settle(pilot)
            assert f"Step {number} of 5" in screen_text(app), step.fault.__name__
            assert fault.said in form_problem(app)
            assert form_values(flow(app)) == typed
            assert f"Saved: {step.saved}" not in toasts(app)
            await fault.end(pilot)
            await pilot.press(step.submit)
            await settle(pilot)
            assert f"Step {number + 1} of 5" in screen_text(app)
            assert toasts(app).count(f"Saved: {step.saved}") == 1
        await pilot.press("enter")
        await settle(pilot)
        assert "Every step done. Well handled: the next yes is closer." in toasts(app)
    search = stored(db_path, clock)
    (application,) = search.applications
    assert (application.rejection_reason, application.feedback, application.reapply_after) == (
        RejectionReason.SKILLS,
        "wanted more Kubernetes",
        None,
    )
    assert sorted(goal.text for goal in search.learning_goals) == ["Go concurrency", "Kubernetes operators"]
    kept = next(contact for contact in search.contacts if contact.id == dana.id)
    assert kept.reconnect_on == SUNDAY + timedelta(days=60) and hooli.id in kept.application_ids
    assert len(search.contacts) == 1
