"""The dashboard kept from the app's last read (tui/app/kept_view.py): drawn at once on the next start while it
holds, never when anything it was worked out from has changed, and never an answer of its own."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import threading
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from textual.message import Message

from tests.support.clock import FakeClock
from tests.support.pilot import SIZE, header, make_app, pending_companies, raised
from tui.app import NextYesApp
from tui.app.kept_view import kept_for_start
from tui.app.pilot import settle
from tui.app.screens.dashboard import DashboardScreen
from tui.app.screens.log_activity import LogActivityScreen
from tui.app.widgets.actions import ActionsList
from tui.core.day_view import Dashboard
from tui.core.models import ActivityKind
from tui.demo import DEMO_FILE, DEMO_NOW
from tui.locations import cache_folder, data_dir
from tui.recording import Recorder
from tui.store import Store

OPENING = "Opening your job search"


@pytest.fixture
def demo_copy(db_path: Path) -> Path:
    """Three weeks of a search in motion, as shipped."""
    shutil.copyfile(data_dir() / DEMO_FILE, db_path)
    return db_path


async def read_once(db_path: Path, clock: FakeClock) -> Dashboard:
    """Open the app, let it read the search (which keeps its dashboard), and return the dashboard it showed."""
    app = make_app(db_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert app.snapshot is not None
        return app.snapshot.dashboard


class HeldRead:
    """Holds the app's reads until `release`: what it shows meanwhile comes from nothing but what it kept."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.go_on = threading.Event()
        self.reads = 0
        read = NextYesApp.read_job_search

        def held(app: NextYesApp) -> Message:
            self.reads += 1
            self.go_on.wait(timeout=30)
            return read(app)

        monkeypatch.setattr(NextYesApp, "read_job_search", held)

    def release(self) -> None:
        self.go_on.set()


def shown_titles(app: NextYesApp) -> list[str]:
    return [action.title for action in app.dashboard.query_one(ActionsList).actions.values()]


async def test_the_next_start_draws_the_kept_dashboard_before_reading_a_record(
    demo_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    clock = FakeClock(DEMO_NOW)
    read = await read_once(demo_copy, clock)
    held = HeldRead(monkeypatch)
    app = make_app(demo_copy, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.pause()
        assert app.snapshot is None  # nothing read yet
        assert OPENING not in header(app)
        assert f"Streak {read.history.current} days" in header(app)
        assert shown_titles(app) == [action.title for action in read.actions]
        assert len(pending_companies(app)) == len(read.pending)
        assert app.dashboard.query_one("#pending-panel").border_title == f"Pending applications ({len(read.pending)})"
        held.release()
        await settle(pilot)
        assert app.snapshot is not None and app.snapshot.dashboard == read  # the read then shows the same
        assert shown_titles(app) == [action.title for action in read.actions]


async def test_a_key_typed_before_the_read_is_done_waits_for_it_and_then_acts(
    demo_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    clock = FakeClock(DEMO_NOW)
    await read_once(demo_copy, clock)
    held = HeldRead(monkeypatch)
    app = make_app(demo_copy, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("l")  # the kept dashboard is showing; nothing is read yet
        await pilot.pause()
        assert app.snapshot is None and isinstance(app.screen, DashboardScreen)
        held.release()
        await settle(pilot)
        assert isinstance(app.screen, LogActivityScreen)
        assert not any("Still opening" in toast.message for toast in raised(app))


async def test_a_kept_dashboard_is_the_read_one_value_for_value(demo_copy: Path) -> None:
    clock = FakeClock(DEMO_NOW)
    read = await read_once(demo_copy, clock)
    assert kept_for_start(demo_copy, clock()).dashboard == read


async def test_a_change_from_the_shell_means_the_next_start_reads_first(demo_copy: Path) -> None:
    clock = FakeClock(DEMO_NOW)
    await read_once(demo_copy, clock)
    store = Store(demo_copy, clock, journal=True)
    Recorder(store, clock).log(ActivityKind.APPLY, "from the shell")  # appended to the journal
    assert kept_for_start(demo_copy, clock()).dashboard is None
    app = make_app(demo_copy, clock)
    async with app.run_test(size=SIZE) as pilot:
        assert OPENING in header(app)  # the first frame: nothing kept holds
        await settle(pilot)
        assert app.snapshot is not None
        assert app.snapshot.dashboard.activities_today == 1


async def test_the_days_first_start_shows_the_streak_from_the_brief_before_the_read(
    demo_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A new day: the kept dashboard no longer holds, but the brief the last read kept (as `nextyes log` keeps
    it) does, and the streak it judges for the new day is the header the read then shows."""
    clock = FakeClock(DEMO_NOW)
    await read_once(demo_copy, clock)
    clock.advance(days=1)
    assert kept_for_start(demo_copy, clock()).dashboard is None
    held = HeldRead(monkeypatch)
    app = make_app(demo_copy, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.snapshot is None
        first = header(app)
        assert OPENING not in first and "Streak" in first
        assert shown_titles(app) == []  # today's actions wait for the read
        held.release()
        await settle(pilot)
        assert app.snapshot is not None
        assert header(app) == first
        assert shown_titles(app) == [action.title for action in app.snapshot.dashboard.actions]


async def test_a_kept_dashboard_holds_until_the_day_ends(demo_copy: Path) -> None:
    clock = FakeClock(DEMO_NOW)
    read = await read_once(demo_copy, clock)
    assert kept_for_start(demo_copy, clock() + timedelta(hours=1)).dashboard == read
    tomorrow = datetime.combine(read.today + timedelta(days=1), datetime.min.time(), clock().tzinfo)
    assert kept_for_start(demo_copy, tomorrow + timedelta(hours=5)).dashboard is None  # past the rollover hour
    assert kept_for_start(demo_copy, clock() - timedelta(minutes=1)).dashboard is None  # a clock set back
    if read.changes_at is not None:  # an interview's hour changes the actions with nothing written
        assert kept_for_start(demo_copy, read.changes_at).dashboard is None


async def test_another_time_zone_or_a_conflict_copy_means_reading_first(
    demo_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    clock = FakeClock(DEMO_NOW)
    await read_once(demo_copy, clock)
    worked_out_in = os.environ.get("TZ", "")
    monkeypatch.setenv("TZ", "Pacific/Auckland")
    assert kept_for_start(demo_copy, clock()).dashboard is None
    monkeypatch.setenv("TZ", worked_out_in)
    assert kept_for_start(demo_copy, clock()).dashboard is not None
    conflict = demo_copy.with_name("nextyes.sync-conflict-20260315-101010-ABCDEFG.json")
    shutil.copyfile(demo_copy, conflict)
    assert kept_for_start(demo_copy, clock()).dashboard is None


@pytest.mark.parametrize("damage", [b"", b"{not json", b'{"source": 1}', b"\x00" * 64])
async def test_a_damaged_kept_view_is_passed_over_and_replaced(demo_copy: Path, damage: bytes) -> None:
    clock = FakeClock(DEMO_NOW)
    read = await read_once(demo_copy, clock)
    [kept] = (cache_folder() / "views").iterdir()
    kept.write_bytes(damage)
    assert kept_for_start(demo_copy, clock()).dashboard is None
    app = make_app(demo_copy, clock)
    async with app.run_test(size=SIZE) as pilot:
        assert shown_titles(app) == []  # nothing of the damaged view is drawn
        await settle(pilot)
        assert app.snapshot is not None and app.snapshot.dashboard == read
    assert kept_for_start(demo_copy, clock()).dashboard == read  # kept afresh by that read


async def test_a_cache_folder_that_cannot_be_written_costs_only_the_kept_view(
    demo_copy: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the cache folder would be")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocked))
    clock = FakeClock(DEMO_NOW)
    read = await read_once(demo_copy, clock)
    assert read.actions
    assert kept_for_start(demo_copy, clock()).dashboard is None


def test_opening_the_app_loads_neither_pydantic_nor_the_store_before_its_first_frame(demo_copy: Path) -> None:
    """What the first frame waits for: Textual and the plain values of the day, not the records' machinery."""
    probe = (
        "import sys\n"
        "from pathlib import Path\n"
        "from tui.app import NextYesApp\n"
        f"app = NextYesApp(db_path=Path({str(demo_copy)!r}))\n"
        "screen = app.get_default_screen()\n"
        "heavy = ('pydantic', 'tinydb', 'tui.core.models', 'tui.store.database')\n"
        "print(sorted(m for m in sys.modules if m.startswith(heavy)))\n"
    )
    ran = subprocess.run([sys.executable, "-c", probe], check=True, capture_output=True, text=True, timeout=60)
    assert ran.stdout.strip() == "[]"


@pytest.mark.parametrize("arguments", [[], ["--db", "DB"]])
def test_a_bare_nextyes_opens_the_app_without_building_the_command_line(demo_copy: Path, arguments: list[str]) -> None:
    """`nextyes` and `nextyes --db PATH` open the app at once: the command line's table of every command's
    options is built only for a command."""
    given = [str(demo_copy) if argument == "DB" else argument for argument in arguments]
    probe = (
        "import sys\n"
        "from tui.app import app\n"
        "opened = []\n"
        "app.NextYesApp.run = lambda self: opened.append(self.db_path)\n"
        "from tui.cli import main\n"
        f"status = main({given!r})\n"
        "print(status, len(opened), 'tui.cli.command_line' in sys.modules)\n"
    )
    import os

    env = {**os.environ, "NEXTYES_DB": str(demo_copy)}
    ran = subprocess.run([sys.executable, "-c", probe], check=True, capture_output=True, text=True, timeout=60, env=env)
    assert ran.stdout.split() == ["0", "1", "False"]
