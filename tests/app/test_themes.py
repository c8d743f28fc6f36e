"""The look: a theme chosen in the command palette is kept for the next start; NO_COLOR makes it monochrome."""

from __future__ import annotations

import re
from datetime import timedelta
from pathlib import Path

import pytest
from rich.terminal_theme import SVG_EXPORT_THEME
from textual.color import Color

from tests.support.clock import FakeClock
from tests.support.pilot import SIZE, make_app, screen_text, type_text
from tui.app import NextYesApp
from tui.app.pilot import settle
from tui.app.preferences import preferences_file
from tui.recording import Recorder


async def choose_theme(app: NextYesApp, name: str) -> None:
    """ctrl+p, the "Theme" command, then the theme by name: as a person picks one."""
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p")
        await type_text(pilot, "theme")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        await type_text(pilot, name)
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert app.theme == name


def background(app: NextYesApp) -> Color:
    return app.screen.styles.background


async def test_the_theme_chosen_in_the_palette_is_the_one_the_app_starts_with(db_path: Path, clock: FakeClock) -> None:
    first = make_app(db_path, clock)
    default = first.theme
    await choose_theme(first, "nord")

    again = make_app(db_path, clock)
    async with again.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert again.theme == "nord" != default
        assert background(again) == Color.parse(again.available_themes["nord"].background or "")


async def test_a_remembered_theme_textual_no_longer_has_leaves_the_default(db_path: Path, clock: FakeClock) -> None:
    preferences_file().parent.mkdir(parents=True)
    preferences_file().write_text('{"theme": "gone-since", "other": 1}', encoding="utf-8")
    app = make_app(db_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert app.theme == NextYesApp(db_path, clock).theme == "textual-dark"


# What a screenshot draws text with no colour of its own in: the terminal's colours, not the app's.
TERMINAL_COLOURS = {SVG_EXPORT_THEME.foreground_color.hex, SVG_EXPORT_THEME.background_color.hex}


def colours_drawn(app: NextYesApp) -> set[str]:
    """Every colour the app draws the screen with, as a screenshot shows it: text and background (not the
    window's buttons the screenshot draws around it, nor the terminal's own colours)."""
    picture = re.sub(r"<circle[^>]*>", "", app.export_screenshot())
    return set(re.findall(r"fill[=:]\s*\"?(#[0-9a-fA-F]{6})", picture)) - TERMINAL_COLOURS


def is_grey(colour: str) -> bool:
    red, green, blue = (int(colour[index : index + 2], 16) for index in (1, 3, 5))
    return red == green == blue


@pytest.mark.parametrize("no_color", [False, True])
async def test_no_color_draws_the_screen_in_greys_only(
    db_path: Path, clock: FakeClock, recorder: Recorder, monkeypatch: pytest.MonkeyPatch, no_color: bool
) -> None:
    for days_ago in range(1, 5):  # done days in the calendar, an application in the table
        recorder.add_application(f"Acme {days_ago}", "Engineer", on=clock().date() - timedelta(days=days_ago))
    if no_color:
        monkeypatch.setenv("NO_COLOR", "1")
    app = make_app(db_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        colours = colours_drawn(app)
        assert len(colours) > 3 and "Acme 1" in screen_text(app)
        coloured = sorted(colour for colour in colours if not is_grey(colour))
        assert (coloured == []) is no_color, coloured
