"""How long the app's event loop is busy with each key, and with a save, driven by `run_test` at 80×24.

    python benchmarks/_keystrokes.py --db PATH --now ISO-DATETIME --saves N    (prints the figures as JSON)

benchmarks/performance.py runs this in a process of its own, so the garbage collector walks the app's
objects only, not the benchmark's.

A key is handled on the event loop: every step the loop runs (a message handled, a frame rendered,
a timer) is timed here by wrapping `asyncio.Handle._run`, so a press costs the sum of the steps run
from sending it until the app is idle again, and the longest of those steps is how long any key
arriving meanwhile would have waited. The headless driver renders each frame but writes it nowhere.
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import json
import statistics
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, replace
from datetime import datetime
from pathlib import Path

SIZE = (80, 24)
NO_POLL = 3600.0  # as the tests do: no file poll between keys
MOVES = ("down", "down", "up", "tab", "down", "up", "shift+tab")  # moving in Today's actions and Pending
# Every screen the app has that a key opens, each reached by its keys from the dashboard (the last key opens
# it) and closed with escape: the forms, the lists, their pages, help. Keys an older version did not have
# open nothing there, and are reported so.
# fmt: off
SCREENS = (
    ("a",), ("l",), ("s",), ("w",), ("R",), ("g",), ("z",), ("d",), ("p",), ("i",), ("W",), ("b",),
    ("question_mark",), ("c",), ("c", "a"), ("v",), ("A",), ("A", "enter"), ("A", "e"),
    ("e",), ("e", "l"), ("e", "v"), ("e", "c"), ("e", "w"), ("e", "g"), ("e", "r"), ("e", "r", "enter"), ("e", "R"),
)
# fmt: on
UNBOUND = "f12"  # a key nothing answers: what a press costs the loop before the app does anything with it
HOME = "DashboardScreen"


@dataclass(frozen=True)
class Press:
    key: str
    round: int  # 1: the first time (a screen's module is imported then), 2: once more
    screen: str  # the screen showing after the press
    opened: str  # the keys that led to the screen this press opened ("e l"), or "" when it opened none
    busy_ms: float  # the event loop's time spent from the press until idle
    longest_ms: float  # its longest single step meanwhile
    collecting_ms: float  # garbage collection meanwhile, in any thread
    cpu_ms: float  # the event loop thread's processor time meanwhile: what other programs running cannot inflate


@dataclass(frozen=True)
class Save:
    wall_ms: float  # from asking the app to save until its worker is done (recorded and read back)
    busy_ms: float  # the event loop's time meanwhile and until the new data is shown
    longest_ms: float
    collecting_ms: float


@dataclass(frozen=True)
class AppRun:
    presses: list[Press]
    unbound: list[Press]
    saves: list[Save]
    collections: list[tuple[int, float]]  # each garbage collection meanwhile: its generation, its ms

    @classmethod
    def from_json(cls, text: str) -> AppRun:
        figures = json.loads(text)
        return cls(
            [Press(**press) for press in figures["presses"]],
            [Press(**press) for press in figures["unbound"]],
            [Save(**save) for save in figures["saves"]],
            [(generation, ms) for generation, ms in figures["collections"]],
        )

    @property
    def median_press_ms(self) -> float:
        return statistics.median(press.busy_ms for press in self.presses)

    @property
    def worst_press(self) -> Press:
        return max(self.presses, key=lambda press: press.busy_ms)

    @property
    def openings(self) -> list[Press]:
        return [press for press in self.presses if press.opened]

    def opened_nothing(self) -> list[str]:
        """The keys of SCREENS that opened no screen here."""
        opened = {press.opened for press in self.openings}
        return [" ".join(keys) for keys in SCREENS if " ".join(keys) not in opened]

    def slowest_opening(self) -> Press | None:
        return max(self.openings, key=lambda press: press.busy_ms, default=None)

    @classmethod
    def median_of(cls, runs: list[AppRun]) -> AppRun:
        """One tour of several: each press's figures the median of that press's in every tour (the tours press the
        same keys in the same order), so a moment when the machine was busy elsewhere decides no row; saves and
        collections as the tours had them, one after another."""
        if len({tuple((press.key, press.opened) for press in run.presses) for run in runs}) != 1:
            raise ValueError("the tours pressed different keys, or opened different screens")

        def median(presses: tuple[Press, ...]) -> Press:
            figures = {
                name: statistics.median(getattr(press, name) for press in presses)
                for name in ("busy_ms", "longest_ms", "collecting_ms", "cpu_ms")
            }
            return replace(presses[0], **figures)

        return cls(
            [median(presses) for presses in zip(*(run.presses for run in runs), strict=True)],
            [median(presses) for presses in zip(*(run.unbound for run in runs), strict=True)],
            [save for run in runs for save in run.saves],
            [collection for run in runs for collection in run.collections],
        )


class LoopSteps:
    """Every step the event loop runs while recording, by duration, in order; and every garbage collection.

    A collection of the oldest generation walks every object alive, years of records included, and
    stops whichever step it falls in.
    """

    def __init__(self) -> None:
        self.durations: list[float] = []
        self.collections: list[tuple[int, float]] = []

    @contextmanager
    def recording(self) -> Iterator[None]:
        handle = asyncio.events.Handle
        original = handle._run
        durations = self.durations
        started = 0.0

        def collecting(phase: str, info: dict[str, int]) -> None:
            nonlocal started
            if phase == "start":
                started = time.perf_counter()
            else:
                self.collections.append((info["generation"], (time.perf_counter() - started) * 1000))

        def timed_run(step: asyncio.Handle) -> None:
            began = time.perf_counter()
            try:
                original(step)
            finally:
                durations.append(time.perf_counter() - began)

        handle._run = timed_run
        gc.callbacks.append(collecting)
        try:
            yield
        finally:
            handle._run = original
            gc.callbacks.remove(collecting)

    def mark(self) -> tuple[int, int]:
        return len(self.durations), len(self.collections)

    def since(self, mark: tuple[int, int]) -> tuple[float, float, float]:
        """The loop's busy time, its longest step, and the time spent collecting since `mark`, in ms."""
        taken = self.durations[mark[0] :]
        collecting = sum(ms for _, ms in self.collections[mark[1] :])
        return sum(taken) * 1000, max(taken, default=0.0) * 1000, collecting


def drive_app(db_path: Path, now: Callable[[], datetime], saves: int) -> AppRun:
    return asyncio.run(_drive(db_path, now, saves))


async def _drive(db_path: Path, now: Callable[[], datetime], saves: int) -> AppRun:
    from tui.app import NextYesApp
    from tui.app.pilot import settle
    from tui.app.state import Change
    from tui.core.models import ActivityKind

    app = NextYesApp(db_path=db_path, now=now, poll_interval=NO_POLL)
    steps = LoopSteps()
    presses: list[Press] = []
    unbound: list[Press] = []
    saved: list[Save] = []
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        if app.snapshot is None:
            raise RuntimeError(f"the app did not open the search: {app.problem or 'no data'}")
        with steps.recording():

            async def press(key: str, round: int, leads_to: str = "") -> Press:
                mark, cpu, stack = steps.mark(), time.thread_time(), list(app.screen_stack)
                await pilot.press(key)
                await pilot.pause()
                cpu_ms = (time.thread_time() - cpu) * 1000
                opened = leads_to if app.screen not in stack else ""  # a new screen, not one closed back to
                return Press(key, round, type(app.screen).__name__, opened, *steps.since(mark), cpu_ms)

            async def visit(keys: tuple[str, ...], round: int) -> list[Press]:
                """Open a screen by its keys, then escape back to the dashboard."""
                pressed = [await press(key, round, " ".join(keys[: at + 1])) for at, key in enumerate(keys)]
                for _ in range(len(keys) + 2):
                    if type(app.screen).__name__ == HOME:
                        break
                    pressed.append(await press("escape", round))
                if type(app.screen).__name__ != HOME:
                    raise RuntimeError(f"escape did not lead back from {type(app.screen).__name__} ({' '.join(keys)})")
                return pressed

            unbound += [await press(UNBOUND, 1) for _ in range(5)]
            for round in (1, 2):
                presses += [await press(key, round) for key in MOVES]
                for keys in SCREENS:
                    presses += await visit(keys, round)
            for _ in range(saves):
                mark = steps.mark()
                began = time.perf_counter()
                worker = app.save(
                    Change(feedback="bench", record=lambda recorder: recorder.log(ActivityKind.NETWORK, "bench"))
                )
                await worker.wait()
                wall = (time.perf_counter() - began) * 1000
                await settle(pilot)  # the saved search is shown on the event loop
                saved.append(Save(wall, *steps.since(mark)))
    return AppRun(presses, unbound, saved, steps.collections)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, required=True)
    parser.add_argument("--now", type=datetime.fromisoformat, required=True, help="the app's clock, with its zone")
    parser.add_argument("--saves", type=int, default=5)
    options = parser.parse_args()
    moment: datetime = options.now
    print(json.dumps(asdict(drive_app(options.db, lambda: moment, options.saves))))


if __name__ == "__main__":
    main()
