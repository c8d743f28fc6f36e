"""Driving and reading the app in pilot tests: the app at a fixed clock, what the screen shows, keys."""

from __future__ import annotations

import weakref
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from textual import events
from textual.keys import _character_to_key, key_to_character
from textual.notifications import SeverityLevel
from textual.pilot import Pilot
from textual.widgets import DataTable, Static

from tests.support.clock import ZONE, FakeClock
from tui.app import NextYesApp
from tui.app.pilot import keys_handled, settle
from tui.app.screens.rejection import RejectionFlowScreen
from tui.app.widgets.actions import ActionsList
from tui.app.widgets.heatmap import LABEL_WIDTH, WEEKS, Heatmap
from tui.app.widgets.pending import PendingTable
from tui.core.actions import Action, ActionKind
from tui.core.models import Stage
from tui.store import Store

SIZE = (80, 24)


NO_POLL = 3600.0


@dataclass(frozen=True)
class Toast:
    message: str
    title: str
    severity: str


def make_app(db_path: Path, clock: FakeClock, poll_interval: float = NO_POLL) -> NextYesApp:
    """The app at `clock`, keeping every toast it raises (see `raised`)."""
    app = NextYesApp(db_path=db_path, now=clock, poll_interval=poll_interval)
    kept: list[Toast] = []
    show = app.notify

    def notify(message: str, *, title: str = "", severity: SeverityLevel = "information", **options: Any) -> None:
        kept.append(Toast(message, title, severity))
        show(message, title=title, severity=severity, **options)

    app.notify = notify
    _RAISED[app] = kept
    return app


_RAISED: weakref.WeakKeyDictionary[NextYesApp, list[Toast]] = weakref.WeakKeyDictionary()


def raised(app: NextYesApp) -> list[Toast]:
    """Every toast the app raised, in order, gone or not: a toast times out by the wall clock (8 to 10
    seconds), which a test on a loaded machine can outlast between the key and the assertion."""
    return _RAISED[app]


async def press_settled(pilot: Pilot[None], *keys: str) -> None:
    """Press each of `keys`, the app settled after each (`settle`: its keys handled, its workers done, its
    screen drawn), as a person waits for what a key opens before pressing the next."""
    for key in keys:
        await pilot.press(key)
        await settle(pilot)


async def type_text(pilot: Pilot[None], text: str) -> None:
    """Type `text` as a fast typist does: every key reaches the app before it has handled the first.

    `Pilot.press` waits for the app to go idle after each key (two 20 ms sleeps at least, a key): a
    sentence took longer than the rest of most tests. A burst is the harder case for the app (no key may
    be dropped or land in another field), and each key still goes through the driver as a real one does.
    """
    await _send_at_once(pilot, [events.Key(_key_name(character), character) for character in text])


async def press_at_once(pilot: Pilot[None], *keys: str) -> None:
    """Press `keys` (Textual's names: `a`, `enter`, `tab`, `full_stop`…) in one burst, through the driver,
    without waiting between them: a paste, a fast typist or a busy machine, where a key that opens a form
    is followed by keys meant for it before the form has been built."""
    await _send_at_once(pilot, [events.Key(name, key_to_character(name)) for name in keys])


async def _send_at_once(pilot: Pilot[None], keys: list[events.Key]) -> None:
    driver = pilot.app._driver
    assert driver is not None
    for key in keys:
        key.set_sender(pilot.app)
        driver.send_message(key)
    await keys_handled(pilot)


def _key_name(character: str) -> str:
    """Textual's name for the key that types `character` (`space`, `full_stop`…, or the letter itself)."""
    return character if character.isalnum() else _character_to_key(character)


def toasts(app: NextYesApp) -> list[str]:
    """The messages of every toast raised so far (see `raised`)."""
    return [toast.message for toast in raised(app)]


def pending_cell(app: NextYesApp, row: int, column: str) -> str:
    table = app.dashboard.query_one(PendingTable)
    return str(table.get_row_at(row)[table.get_column_index(column)]).strip()


def pending_companies(app: NextYesApp) -> list[str]:
    table = app.dashboard.query_one(PendingTable)
    return [pending_cell(app, index, "Company") for index in range(table.row_count)]


def header(app: NextYesApp) -> str:
    return str(app.dashboard.query_one("#momentum", Static).render())


def screen_text(app: NextYesApp) -> str:
    """Everything the current screen shows, as plain text."""
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())


def field_error(app: NextYesApp, field_id: str) -> str:
    found = app.screen.query(f"#{field_id}-error")  # added beneath the field once something is wrong with it
    if not found:
        return ""
    error = found.only_one(Static)
    return str(error.render()) if error.display and error.has_class("-shown") else ""


def heatmap_rows(app: NextYesApp, heatmap: Heatmap | None = None) -> list[str]:
    """The calendar as it is drawn on the screen: the month labels, then Monday to Sunday."""
    heatmap = heatmap or app.dashboard.query_one(Heatmap)
    region = heatmap.content_region
    lines = screen_text(app).splitlines()
    return [lines[y][region.x : region.right] for y in range(region.y, region.bottom)]


def calendar_cell(app: NextYesApp, day: date, today: date) -> str:
    """The character drawn for `day` on the dashboard's calendar, whose last column is today's week."""
    first_monday = today - timedelta(days=today.weekday() + 7 * (WEEKS - 1))
    return heatmap_rows(app)[1 + day.weekday()][LABEL_WIDTH + (day - first_monday).days // 7]


YESTERDAY_3PM = datetime(2026, 3, 14, 15, 0, tzinfo=ZONE)


def shown_actions(app: NextYesApp) -> list[Action]:
    return list(app.dashboard.query_one(ActionsList).actions.values())


def titles(app: NextYesApp) -> list[str]:
    return [action.title for action in shown_actions(app)]


def highlight(app: NextYesApp, kind: ActionKind) -> Action:
    """Put the highlight on the first action of `kind`, as ↑/↓ would."""
    actions = app.dashboard.query_one(ActionsList)
    index = next(i for i, action in enumerate(shown_actions(app)) if action.kind is kind)
    actions.highlighted = index
    return shown_actions(app)[index]


def table_rows(app: NextYesApp, table_id: str) -> list[list[str]]:
    table = app.screen.query_one(f"#{table_id}", DataTable)
    return [[str(cell).strip() for cell in table.get_row_at(row)] for row in range(table.row_count)]


def stored(db_path: Path, clock: FakeClock):
    return Store(db_path, clock).load()


STAGES = list(Stage)


def down_to(current: Stage, wanted: Stage) -> list[str]:
    """The keys that move the picker's highlight from `current` to `wanted`."""
    steps = STAGES.index(wanted) - STAGES.index(current)
    return ["down"] * steps if steps >= 0 else ["up"] * -steps


def flow(app: NextYesApp) -> RejectionFlowScreen:
    assert isinstance(app.screen, RejectionFlowScreen)
    return app.screen
