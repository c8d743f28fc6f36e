"""Driving the app headlessly: waiting until it is still, for the tests and the screenshots.

Nothing in the app imports this; it lives in the package so the screenshot script and the tests
share one definition of "settled".
"""

from __future__ import annotations

from textual.pilot import Pilot
from textual.widgets import Input, TextArea


async def settle(pilot: Pilot[None]) -> None:
    """Let every worker finish and every message it posted be handled, then stop cursors blinking."""
    for _ in range(3):
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
    for widget in pilot.app.screen.query(Input):
        widget.cursor_blink = False
    for widget in pilot.app.query(TextArea):
        widget.cursor_blink = False
    await pilot.pause()
