"""Write the README's screenshots: `python screenshots/capture.py` (or `make screenshots`).

Each is taken at 80×24 on a temporary copy of the shipped demo database, at the demo's fixed
instant, so the pictures change only when the app or the demo data does.
"""

from __future__ import annotations

import asyncio
import shutil
import tempfile
from collections.abc import Awaitable, Callable
from pathlib import Path

from textual.pilot import Pilot

from tui.app import NextYesApp
from tui.app.pilot import settle
from tui.demo import DEMO_FILE, DEMO_NOW
from tui.locations import data_dir

HERE = Path(__file__).resolve().parent
SIZE = (80, 24)
NEVER = 3600.0  # no polling while a picture is taken


def fixed_clock():
    return lambda: DEMO_NOW


async def dashboard(pilot: Pilot[None]) -> None:
    await settle(pilot)


async def add_application(pilot: Pilot[None]) -> None:
    await settle(pilot)
    await pilot.press("a")
    await settle(pilot)
    await pilot.press(*"Acme Robotics", "tab", *"Backend Engineer", "tab", "tab", *"referral")
    await settle(pilot)


async def help_screen(pilot: Pilot[None]) -> None:
    await settle(pilot)
    await pilot.press("question_mark")
    await settle(pilot)


async def progress(pilot: Pilot[None]) -> None:
    await settle(pilot)
    await pilot.press("p")
    await settle(pilot)


async def rest_day(pilot: Pilot[None]) -> None:
    await settle(pilot)
    await pilot.press("R")
    await settle(pilot)
    await pilot.press(*["backspace"] * len("today"), *"next friday", "tab", *"family visit")
    await settle(pilot)


async def capture(db_path: Path, name: str, steps: Callable[[Pilot[None]], Awaitable[None]]) -> Path:
    app = NextYesApp(db_path=db_path, now=fixed_clock(), poll_interval=NEVER)
    target = HERE / f"{name}.svg"
    async with app.run_test(size=SIZE) as pilot:
        await steps(pilot)
        app.save_screenshot(filename=target.name, path=str(HERE))
    return target


async def main() -> None:
    with tempfile.TemporaryDirectory() as scratch:
        demo = Path(scratch) / "demo" / "nextyes.json"
        demo.parent.mkdir()
        shutil.copyfile(data_dir() / DEMO_FILE, demo)
        empty = Path(scratch) / "empty" / "nextyes.json"
        for name, path, steps in (
            ("dashboard", demo, dashboard),
            ("add-application", demo, add_application),
            ("help", demo, help_screen),
            ("progress", demo, progress),
            ("rest-day", demo, rest_day),
            ("empty-dashboard", empty, dashboard),
        ):
            print(await capture(path, name, steps))


if __name__ == "__main__":
    asyncio.run(main())
