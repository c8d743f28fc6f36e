"""Driving the app headlessly: waiting until it is still, for the tests and the screenshots.

Nothing in the app imports this; it lives in the package so the screenshot script and the tests
share one definition of "settled".
"""

from __future__ import annotations

import contextlib

from textual.pilot import Pilot
from textual.widgets import Input, TextArea
from textual.worker import WorkerCancelled


async def settle(pilot: Pilot[None]) -> None:
    """Let every key typed be handled, every worker finish and every message it posted be handled,
    then stop cursors blinking."""
    for _ in range(3):
        await keys_handled(pilot)
        await _wait_for_workers(pilot)
        await pilot.pause()
    # A field scrolled into view slides there: a picture taken mid-slide on a busy machine shows it half-way.
    await pilot.wait_for_scheduled_animations()
    # Every screen's: `App.query` looks only at the default screen, so a form's text area kept blinking
    # and a picture taken on a slow machine caught its cursor in either phase.
    for screen in pilot.app.screen_stack:
        for field in screen.query(Input):
            field.cursor_blink = False
        for text_area in screen.query(TextArea):
            text_area.cursor_blink = False
            # Its lines are cached with the blink's phase but not with the blink itself: a line drawn while
            # the cursor was blinked off would be drawn so again. A style update empties that cache.
            text_area.notify_style_update()
            text_area.refresh()
    await pilot.pause()


async def keys_handled(pilot: Pilot[None], patience: float = 5.0) -> None:
    """Wait until every key sent has been handled: the app hands keys typed at once to the screen one at a
    time, each once the one before it has been (tui/app/host.py), so a burst can outlast a pause."""
    waited = 0.0
    while (getattr(pilot.app, "typed_ahead", None) or getattr(pilot.app, "awaited", None)) and waited < patience:
        await pilot.pause(0.01)
        waited += 0.01
    await pilot.pause()


async def _wait_for_workers(pilot: Pilot[None]) -> None:
    """Wait for every worker running now; one cancelled meanwhile was replaced by a newer one, not failed.

    The file poll is an exclusive worker, so a poll that starts while we wait cancels the one we are
    waiting on; the newer poll is waited for on the next pass of `settle`.
    """
    for worker in list(pilot.app.workers):
        with contextlib.suppress(WorkerCancelled):
            await worker.wait()
