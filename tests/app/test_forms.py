"""The forms as a person meets them: whole at 80×24 and reachable at 60×20, the day a move happened,
the day an application counts for, a kind chosen rather than assumed, letters that choose in a closed list,
every application offered, a support box that reads ticked or not, keys in the palette, and a calendar
that names the month it is in."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from textual.containers import Vertical
from textual.widget import Widget
from textual.widgets import DataTable, Input, Select, Static

from tests.support.clock import ZONE, FakeClock
from tests.support.pilot import (
    SIZE,
    down_to,
    field_error,
    heatmap_rows,
    make_app,
    press_settled,
    screen_text,
    stored,
    toasts,
    type_text,
)
from tui.app import NextYesApp
from tui.app.commands import COMMANDS, SCREEN_COMMANDS
from tui.app.pilot import settle
from tui.app.screens.add_application import AddApplicationScreen
from tui.app.screens.contact_form import ContactFormScreen
from tui.app.screens.contacts import ContactsScreen
from tui.app.screens.dashboard import DashboardScreen
from tui.app.screens.form import LABELS, Fields, FormScreen
from tui.app.screens.log_activity import LogActivityScreen
from tui.app.screens.move_stage import MoveStageScreen
from tui.app.screens.progress import ProgressScreen
from tui.app.widgets.heatmap import WIDTH, Heatmap, first_monday, month_labels
from tui.app.widgets.tick import Tick
from tui.core.days import MONTH_NAMES
from tui.core.models import ActivityKind, ApplicationKind, Stage, Tier
from tui.recording import Recorder
from tui.store import Store

SUNDAY = date(2026, 3, 15)  # the FakeClock's day
SATURDAY = SUNDAY - timedelta(days=1)
NARROW = (60, 20)


def seed_a_search(recorder: Recorder) -> None:
    """A pending application with a long name, a closed one, a contact and a learning goal."""
    recorder.add_application(
        "Umbrella Corporation International", "Senior Staff Data Platform Engineer", on=SUNDAY - timedelta(days=8)
    )
    hooli = recorder.add_application("Hooli", "Site Reliability Engineer", on=SUNDAY - timedelta(days=12))
    recorder.move_stage(hooli.id, Stage.REJECTED, on=SUNDAY - timedelta(days=2))
    recorder.add_contact("Marcus Oyelaran-Whitfield", company="Globex Corporation", tier=Tier.A, support=True)
    recorder.add_learning_goals(["system design: rate limiters"], source="added by hand")


# Every form whole at 80×24, and every field and the help line within reach at 60×20 --------------------


@dataclass(frozen=True)
class Opening:
    """The keys that open a form from the dashboard, and whether its title names a record (and may be cut)."""

    name: str
    keys: tuple[str, ...]
    names_a_record: bool = False


OPENINGS = (
    Opening("add an application", ("a",)),
    Opening("log an activity", ("l",)),
    Opening("add a win", ("w",)),
    Opening("add a learning goal", ("g",)),
    Opening("plan a rest day", ("R",)),
    Opening("move a stage", ("s",), names_a_record=True),
    Opening("schedule an interview", ("v", "a"), names_a_record=True),
    Opening("snooze an action", ("z",), names_a_record=True),
    Opening("add a contact", ("c", "a")),
    Opening("edit a contact", ("c", "e")),
    Opening("log networking", ("c", "n"), names_a_record=True),
)


def inside(outer: Widget, inner: Widget) -> bool:
    """Whether `inner` is drawn whole within what `outer` shows of its content."""
    region = inner.region
    return bool(region.height) and outer.content_region.contains_region(region)


def drawn(app: NextYesApp, widget: Widget) -> str:
    """What `widget` shows on the screen, line by line."""
    region = widget.region
    lines = screen_text(app).splitlines()[region.y : region.bottom]
    return "\n".join(line[region.x : region.right].rstrip() for line in lines)


async def what_does_not_read_whole(app: NextYesApp, pilot, opening: Opening, wide: bool) -> list[str]:
    """What of the open form a person could not read or reach: the title, each field by tab, the help line."""
    form_screen = app.screen
    assert isinstance(form_screen, FormScreen), opening.name
    form = form_screen.query_one(".form", Vertical)
    problems = []
    title = drawn(app, form_screen.query_one(".form-title", Static))
    may_be_cut = opening.names_a_record or not wide  # a company's name, or a narrow terminal: an ellipsis ends it
    if title != form_screen.title_text and not (may_be_cut and title.endswith("…")):
        problems.append(f"title cut: {title}")
    problems += labels_off_their_fields(app)
    fields = [field for field in form_screen.query(".field") if not field.disabled]
    for _ in fields:
        focused = form_screen.focused
        if focused is None or not inside(form, focused):
            problems.append(f"{focused} out of sight")
        await pilot.press("tab")
    hint = form_screen.query_one(".form-hint", Static)
    form.scroll_end(animate=False)
    await pilot.pause()
    if not inside(form, hint):
        problems.append("the help line is out of reach")
    return problems


def labels_off_their_fields(app: NextYesApp) -> list[str]:
    """The labels not drawn at the left of the form on the line of their field, of the fields in sight."""
    lines = screen_text(app).splitlines()
    form = app.screen.query_one(".form", Vertical)
    wrong = []
    for fields in app.screen.query(Fields):
        for field in fields.children:
            label = LABELS.get(field)
            if label is None or not inside(form, field):
                continue
            shown = lines[field.region.y][fields.region.x : field.region.x].strip()
            if shown != label:
                wrong.append(f"{label!r} shown as {shown!r}")
    return wrong


async def test_labels_follow_their_fields_as_lines_beneath_them_come_and_go(db_path: Path, clock: FakeClock) -> None:
    """One error shown and another hidden at once leave the form as tall as it was, and still move fields."""
    app = make_app(db_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await press_settled(pilot, "a")
        form = app.screen

        async def save(company: str, role: str) -> None:
            form.query_one("#company", Input).value = company
            form.query_one("#role", Input).value = role
            await press_settled(pilot, "enter")

        await save("", "")  # both needed: a line beneath each
        await save("Acme", "")  # the company's line hidden
        height = form.query_one(Fields).size.height
        await save("", "Engineer")  # the company's line shown again, the role's hidden: the role one line lower
        assert field_error(app, "company") and not field_error(app, "role")
        assert form.query_one(Fields).size.height == height
        assert labels_off_their_fields(app) == []


@pytest.mark.parametrize("size", [SIZE, NARROW], ids=["80x24", "60x20"])
async def test_every_form_reads_whole_and_every_field_is_within_reach(
    db_path: Path, clock: FakeClock, recorder: Recorder, size: tuple[int, int]
) -> None:
    """At 80×24 nothing is cut; at 60×20 a long title ends in an ellipsis and the form scrolls to its end."""
    seed_a_search(recorder)
    app = make_app(db_path, clock)
    problems: dict[str, list[str]] = {}
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        for opening in OPENINGS:
            for key in opening.keys:
                await pilot.press(key)
                await settle(pilot)
            found = await what_does_not_read_whole(app, pilot, opening, wide=size == SIZE)
            if found:
                problems[opening.name] = found
            while not isinstance(app.screen, DashboardScreen):
                await pilot.press("escape")
                await settle(pilot)
    assert problems == {}


async def test_the_learning_goal_title_reads_whole_and_says_how_the_goal_leaves(
    db_path: Path, clock: FakeClock
) -> None:
    app = make_app(db_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("g")
        await settle(pilot)
        assert drawn(app, app.screen.query_one(".form-title")) == "Add a learning goal"
        assert "It stays in Today's actions until you dismiss it there with x." in screen_text(app)


async def test_the_contacts_table_fits_a_narrow_terminal_and_names_the_support_glyph(
    db_path: Path, clock: FakeClock, recorder: Recorder
) -> None:
    seed_a_search(recorder)
    app = make_app(db_path, clock)
    async with app.run_test(size=NARROW) as pilot:
        await settle(pilot)
        await pilot.press("c")
        await settle(pilot)
        assert isinstance(app.screen, ContactsScreen)
        table = app.screen.query_one(DataTable)
        assert table.virtual_size.width <= table.scrollable_content_region.width  # nothing to scroll sideways to
        shown = screen_text(app)
        assert "Contacts (1) · ♥ support" in shown
        row = shown.splitlines()[2]
        assert "Marcus" in row and "…" in row and row.rstrip(" │").endswith("♥")  # the name clipped, the glyph kept


# The stage form takes the day it happened ------------------------------------------------------------


async def test_a_move_keeps_the_day_typed_and_counts_for_it(
    db_path: Path, clock: FakeClock, recorder: Recorder
) -> None:
    """A recruiter's call on Friday, recorded on Sunday: the move, its activity and the toast say Friday."""
    hooli = recorder.add_application("Hooli", "SRE", on=SUNDAY - timedelta(days=10))
    app = make_app(db_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("s", *down_to(Stage.APPLIED, Stage.SCREENING), "tab")
        assert app.screen.focused is app.screen.query_one("#day", Input)
        await type_text(pilot, "friday")
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, DashboardScreen)
        assert "Saved: Hooli — SRE is now screening since Fri 13 Mar" in toasts(app)
    search = stored(db_path, clock)
    (application,) = search.applications
    assert (application.stage, application.stage_history[-1].day) == (Stage.SCREENING, date(2026, 3, 13))
    assert [a.logical_day for a in search.activities_for(application) if a.note.endswith("screening")] == [
        date(2026, 3, 13)
    ]
    assert hooli.id == application.id


async def test_the_day_of_a_move_cannot_be_ahead_or_before_the_last_move(
    db_path: Path, clock: FakeClock, recorder: Recorder
) -> None:
    recorder.add_application("Hooli", "SRE", on=SUNDAY - timedelta(days=3))
    app = make_app(db_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("s", *down_to(Stage.APPLIED, Stage.GHOSTED), "tab")
        await type_text(pilot, "tomorrow")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, MoveStageScreen)
        assert field_error(app, "day") == "⚠ that is in the future; a move counts once it has happened"
        app.screen.query_one("#day", Input).value = "5 days ago"
        await pilot.press("enter")
        await pilot.pause()
        assert field_error(app, "day") == "⚠ it moved to applied on Thu 12 Mar; this move comes after that"
        assert app.screen.focused is app.screen.query_one("#day", Input)
        app.screen.query_one("#day", Input).value = "yesterday"
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, DashboardScreen)
    (application,) = stored(db_path, clock).applications
    assert (application.stage, application.stage_history[-1].day) == (Stage.GHOSTED, SATURDAY)


# The add form says which day a sent application counts for ---------------------------------------------


async def test_sent_counts_for_the_applied_day_as_it_is_typed(db_path: Path, clock: FakeClock) -> None:
    app = make_app(db_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("a")
        await settle(pilot)
        assert isinstance(app.screen, AddApplicationScreen)
        assert "sent: it counts today" in screen_text(app)
        app.screen.query_one("#applied-on", Input).value = "5 days ago"
        await pilot.pause()
        shown = screen_text(app)
        assert "sent: it counts for Tue 10 Mar" in shown and "counts today" not in shown
        sent = app.screen.query_one("#saved", Select)
        sent.value = True  # saved for later: the choice stays as the day changes
        app.screen.query_one("#applied-on", Input).value = "yesterday"
        await pilot.pause()
        assert sent.value is True
        sent.value = False
        await pilot.pause()
        assert "sent: it counts for Sat 14 Mar" in screen_text(app)
        app.screen.query_one("#applied-on", Input).value = "someday"
        await pilot.pause()
        assert "sent: it counts for the day it was sent" in screen_text(app)


# The log form asks for a kind rather than assuming one ---------------------------------------------------


async def test_the_log_form_starts_with_no_kind_and_asks_for_one(db_path: Path, clock: FakeClock) -> None:
    app = make_app(db_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("l")
        await settle(pilot)
        assert "Kind         needed: type a letter or press space" in screen_text(app)
        await pilot.press("tab")
        await type_text(pilot, "read a chapter on indexes")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, LogActivityScreen)
        assert field_error(app, "kind").startswith("⚠ choose what you did: type its first letter")
        assert app.screen.focused is app.screen.query_one("#kind", Select)
        await pilot.press("l")  # learn
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, DashboardScreen)
        assert "Saved: logged learn" in toasts(app)
    (activity,) = stored(db_path, clock).activities
    assert (activity.kind, activity.note) == (ActivityKind.LEARN, "read a chapter on indexes")


# A letter typed on a closed list chooses -----------------------------------------------------------------


async def test_a_letter_on_a_closed_list_chooses_the_first_option_starting_with_it(
    db_path: Path, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = make_app(db_path, clock)
    bells: list[bool] = []
    monkeypatch.setattr(app, "bell", lambda: bells.append(True))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("a")
        await settle(pilot)
        kind = app.screen.query_one("#kind", Select)
        kind.focus()
        await pilot.pause()
        await pilot.press("c")
        assert (kind.value, kind.expanded) == (ApplicationKind.CONTRACT, False)
        await pilot.press("f")
        assert kind.value is ApplicationKind.FULL_TIME
        await pilot.press("F")  # again, in either case: the next one starting with it
        assert kind.value is ApplicationKind.FREELANCE
        await pilot.press("f")  # and round to the first
        assert kind.value is ApplicationKind.FULL_TIME
        await pilot.press("z")  # none starts with z: nothing changes, and the bell says so
        assert kind.value is ApplicationKind.FULL_TIME and bells == [True]
        assert "full-time" in screen_text(app)
        assert isinstance(app.screen, AddApplicationScreen)  # a letter never reached the dashboard's keys


# The win and log forms offer every application, the latest touched first ---------------------------------


async def test_the_win_and_log_forms_offer_every_application_latest_touched_first(
    db_path: Path, clock: FakeClock, recorder: Recorder
) -> None:
    recorder.add_application("Acme", "Analyst", on=SUNDAY - timedelta(days=10))
    globex = recorder.add_application("Globex", "SRE", on=SUNDAY - timedelta(days=12))
    recorder.move_stage(globex.id, Stage.REJECTED, on=SATURDAY)
    recorder.add_application("Initech", "Engineer", on=SUNDAY - timedelta(days=5))
    offered = ["Globex — SRE (rejected)", "Initech — Engineer (applied)", "Acme — Analyst (applied)"]
    app = make_app(db_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        for key in ("w", "l"):
            await pilot.press(key)
            await settle(pilot)
            picker = app.screen.query_one("#application", Select)
            assert [str(prompt) for prompt, value in picker._options if value != Select.NULL] == offered, key
            await pilot.press("escape")
            await settle(pilot)
        await pilot.press("l", "p", "tab")  # prep
        await type_text(pilot, "notes for the debrief call")
        await pilot.press("tab", "g")  # Globex, closed
        await pilot.press("enter")
        await settle(pilot)
        assert "Saved: logged prep for Globex" in toasts(app)
    (activity,) = [a for a in stored(db_path, clock).activities if a.kind is ActivityKind.PREP]
    assert activity.application_id == globex.id


# The support box reads ticked or not without colour -------------------------------------------------------


async def test_the_support_box_reads_ticked_or_not(db_path: Path, clock: FakeClock) -> None:
    app = make_app(db_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("c")
        await settle(pilot)
        await pilot.press("a")
        await settle(pilot)
        assert isinstance(app.screen, ContactFormScreen)

        def support_line() -> str:
            return next(line for line in screen_text(app).splitlines() if "someone to call on a rough day" in line)

        assert isinstance(app.screen.query_one("#support"), Tick)
        assert "▐ ▌ ♥ someone to call" in support_line()
        app.screen.query_one("#support", Tick).focus()
        await pilot.press("space")
        assert "▐✓▌ ♥ someone to call" in support_line()


# The palette shows each command's key ------------------------------------------------------------------


async def test_the_palette_shows_the_key_of_each_command(db_path: Path, clock: FakeClock) -> None:
    app = make_app(db_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        helps = {command.title: command.help for command in app.get_system_commands(app.dashboard)}
        for command in COMMANDS:
            assert helps[command.title].startswith(f"key {command.key_display} · "), command.title
        await pilot.press("ctrl+p")
        await type_text(pilot, "Add an application")
        for _ in range(50):  # the palette searches in a task of its own
            if "key a · " in screen_text(app):
                break
            await pilot.pause(0.1)
        assert "key a · One you sent; it counts for its day" in screen_text(app)
        await pilot.press("escape")
        await settle(pilot)
        await pilot.press("c")
        await settle(pilot)
        helps = {command.title: command.help for command in app.get_system_commands(app.screen)}
        contacts = [command for command in SCREEN_COMMANDS if command.scope is ContactsScreen.SCOPE]
        assert helps["Log networking with the highlighted contact"].startswith("key n/enter · ")
        assert all(helps[command.title].startswith(f"key {command.key_display} · ") for command in contacts)


# The calendar names the month it is in -----------------------------------------------------------------


@pytest.mark.parametrize("today", [date(2026, 12, 1), date(2026, 12, 3), date(2027, 1, 2), date(2026, 6, 7)])
async def test_the_calendar_names_this_month_in_its_first_days(db_path: Path, today: date) -> None:
    """In the first days of December the week holding the 1st is the last column: 'Dec' still shows."""
    clock = FakeClock(datetime.combine(today, datetime.min.time(), ZONE) + timedelta(hours=14))
    Recorder(Store(db_path, clock), clock).log(ActivityKind.APPLY, "sent one")
    month = MONTH_NAMES[today.month - 1]
    app = make_app(db_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert heatmap_rows(app)[0].rstrip().endswith(month)
        await pilot.press("p")
        await settle(pilot)
        assert isinstance(app.screen, ProgressScreen)
        assert heatmap_rows(app, app.screen.query_one(Heatmap))[0].rstrip().endswith(month)


@given(st.dates(min_value=date(2001, 1, 1), max_value=date(2098, 12, 31)))
def test_the_month_row_always_names_this_month_and_no_names_touch(today: date) -> None:
    row = month_labels(first_monday(today), today)
    names = row.split()
    assert len(row) <= WIDTH
    assert names[-1] == MONTH_NAMES[today.month - 1]
    assert all(name in MONTH_NAMES for name in names)
    assert len(names) == len(set(names))  # 26 weeks: no month named twice


async def test_a_form_open_as_the_terminal_is_resized_is_laid_out_again_at_the_new_size(
    db_path: Path, clock: FakeClock
) -> None:
    """A dialog skips the layout Textual asks again at the size it already has, never one at a new size."""
    app = make_app(db_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await press_settled(pilot, "a")
        form = app.screen.query_one(".form", Vertical)
        assert form.region.width == 76
        await pilot.resize_terminal(*NARROW)
        await settle(pilot)
        assert form.region.right <= NARROW[0] and labels_off_their_fields(app) == []
        await pilot.resize_terminal(*SIZE)
        await settle(pilot)
        assert form.region.width == 76 and labels_off_their_fields(app) == []
