"""How fast nextyes is on a realistic search, against the targets it promises, in one table.

    .venv/bin/python benchmarks/performance.py [--runs N] [--years 0,1,5,10] [--quick]

Builds a search of each size once (benchmarks/make_dataset.py, ending today so the app's today has data),
then measures side by side in this one run, each figure the median of --runs runs:

- cold start to the first frame with data: nextyes (`nextyes --db`) and a minimal Textual app (Header,
  Static, Footer), each in a fresh process on an 80×24 pseudo-terminal (benchmarks/first_frame.py),
  taken in turn; and the peak memory (ru_maxrss) of each, and of `nextyes log`. Each process keeps its
  compiled bytecode, as an installed program does, in a folder of the run (see _processes.py);
- `nextyes log` wall time on a fresh copy of the 5-year file, beside `python -c pass` and a process that
  only imports the dependencies;
- the event loop's time for each key of a typical sequence, in the app driven by `run_test` on the
  5-year search (benchmarks/_keystrokes.py), and for the app's save;
- one write transaction (`Recorder.log` on a fresh copy) at each size, the first of the day (it also
  writes the daily backup) and a later one;
- loading the search (read + validate), and computing streaks and momentum, rewards, today's actions,
  insights and the whole dashboard, at each size. Each computation runs on a fresh `JobSearch` (its
  cached look-ups empty), so a figure includes building the look-ups it needs; the load is not in it.

Targets are judged on the 5-year search. A measure that fails shows its error in its row; the others
still run. Progress goes to standard error, the table to standard output.
"""

from __future__ import annotations

import argparse
import dataclasses
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import traceback
from collections.abc import Callable, Iterable
from datetime import date, datetime
from datetime import time as clock_time
from pathlib import Path

from _keystrokes import KEYS, UNBOUND, AppRun, Press
from _processes import Finished, Launcher, installed_environment, script, terminal_environment
from make_dataset import write_dataset

from tui.clock import Clock, zone_named
from tui.content import reflection_prompts
from tui.core.actions import todays_actions
from tui.core.dashboard import build_dashboard
from tui.core.insights import build_insights
from tui.core.models import ActivityKind
from tui.core.rewards import earned_rewards, weekly_progress
from tui.core.search import JobSearch
from tui.core.streaks import track
from tui.recording import Recorder
from tui.store import Store

TARGET_YEARS = 5
DEPENDENCIES = "pydantic, tinydb, filelock, dateutil, platformdirs"


@dataclasses.dataclass(frozen=True)
class Target:
    """A limit a figure must stay within."""

    limit: float
    unit: str  # "ms", "x" or "MB"
    strictly: bool = False  # "under" rather than "at most"

    def describe(self) -> str:
        return f"{'<' if self.strictly else '≤'} {show(self.limit, self.unit)}"

    def judge(self, value: float) -> str:
        met = value < self.limit if self.strictly else value <= self.limit
        return "met" if met else f"missed by {show(value - self.limit, self.unit)}"


@dataclasses.dataclass(frozen=True)
class Row:
    measure: str
    figure: str = ""
    target: str = ""
    verdict: str = ""
    section: bool = False  # a title over the rows after it


KEY_TARGET = Target(16, "ms")
WRITE_TARGET = Target(100, "ms")
RULES_TARGET = Target(20, "ms")


def show(value: float, unit: str) -> str:
    if unit == "x":
        return f"{value:.2f}x"
    if unit == "MB":
        return f"{value:.0f} MB"
    return f"{value:.2f} ms" if value < 1 else f"{value:.1f} ms" if value < 10 else f"{value:.0f} ms"


def figure_row(measure: str, value: float, unit: str = "ms", target: Target | None = None) -> Row:
    if target is None:
        return Row(measure, show(value, unit))
    return Row(measure, show(value, unit), target.describe(), target.judge(value))


def median_ms(work: Callable[[], object], runs: int) -> float:
    return statistics.median(_timed(work) for _ in range(runs))


def _timed(work: Callable[[], object]) -> float:
    began = time.perf_counter()
    work()
    return (time.perf_counter() - began) * 1000


def progress(message: str) -> None:
    print(f"… {message}", file=sys.stderr, flush=True)


# The searches --------------------------------------------------------------------------------------


@dataclasses.dataclass(frozen=True)
class Dataset:
    years: int
    path: Path
    records: int
    end: date

    @property
    def clock(self) -> Clock:
        """Noon on the search's last day, in this machine's zone: the app's today has the newest data."""
        moment = datetime.combine(self.end, clock_time(12), tzinfo=zone_named(""))
        return lambda: moment

    def size(self) -> str:
        megabytes = self.path.stat().st_size / 1e6 if self.path.exists() else 0.0
        return f"{self.years} y: {self.records} records, {megabytes:.1f} MB"

    def copy_into(self, folder: Path) -> Path:
        """A copy in a folder of its own (no backups beside it yet); a missing file stays missing."""
        folder.mkdir(parents=True)
        copy = folder / self.path.name
        if self.path.exists():
            shutil.copyfile(self.path, copy)
        return copy


def build_datasets(folder: Path, sizes: Iterable[int], end: date) -> dict[int, Dataset]:
    datasets = {}
    for years in sorted(set(sizes)):
        progress(f"building the {years}-year search")
        path = folder / f"{years}y" / "nextyes.json"
        path.parent.mkdir()
        counts = write_dataset(path, years, end)
        datasets[years] = Dataset(years, path, sum(counts.values()), end)
    return datasets


class Copies:
    """Fresh copies of a dataset, each in its own folder under `root`."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.made = 0

    def of(self, dataset: Dataset) -> Path:
        self.made += 1
        return dataset.copy_into(self.root / f"copy-{self.made}")


# Fresh processes -----------------------------------------------------------------------------------


def in_turn(commands: dict[str, Callable[[], Finished]], runs: int) -> dict[str, list[Finished]]:
    """Run each command once to warm the file cache and write its bytecode, then `runs` rounds in turn."""
    for command in commands.values():
        command()
    results: dict[str, list[Finished]] = {name: [] for name in commands}
    for _ in range(runs):
        for name, command in commands.items():
            results[name].append(command())
    return results


def median_of(finished: list[Finished], read: Callable[[Finished], float]) -> float:
    return statistics.median(read(one) for one in finished)


def cold_start(launcher: Launcher, env: dict[str, str], dataset: Dataset, runs: int) -> list[Row]:
    progress(f"cold start, {runs} runs of each app in turn")
    command, env = [sys.executable, str(script("first_frame.py"))], terminal_environment(env)
    results = in_turn(
        {
            "nextyes": lambda: launcher.run([*command, "nextyes", "--db", str(dataset.path)], terminal=True, env=env),
            "minimal": lambda: launcher.run([*command, "minimal"], terminal=True, env=env),
        },
        runs,
    )
    for one in results["nextyes"]:
        if "data" not in one.said:
            raise RuntimeError(f"nextyes showed no data: {one.details.get('problem', 'no signal')}")
    ours = median_of(results["nextyes"], _data_frame)
    floor = median_of(results["minimal"], _data_frame)
    shown = results["nextyes"][-1].details["data"]
    return [
        figure_row(f"nextyes, first frame with data ({shown})", ours),
        figure_row("  of which the empty dashboard is drawn at", median_of(results["nextyes"], _empty_frame)),
        figure_row("minimal Textual app (Header, Static, Footer), first frame", floor),
        figure_row("nextyes / minimal app", ours / floor, "x", Target(1.3, "x")),
        figure_row(
            "peak memory, nextyes app to its first frame with data",
            median_of(results["nextyes"], _peak),
            "MB",
            Target(150, "MB", strictly=True),
        ),
        figure_row("peak memory, minimal Textual app", median_of(results["minimal"], _peak), "MB"),
    ]


def shell_log(launcher: Launcher, env: dict[str, str], dataset: Dataset, copies: Copies, runs: int) -> list[Row]:
    progress(f"nextyes log, {runs} runs of each command in turn")
    python = sys.executable

    def log() -> Finished:
        copy = copies.of(dataset)  # made before the clock starts
        return launcher.run([python, "-m", "tui", "log", "network", "bench", "--db", str(copy)], env=env)

    results = in_turn(
        {
            "pass": lambda: launcher.run([python, "-c", "pass"], env=env),
            "imports": lambda: launcher.run([python, "-c", f"import {DEPENDENCIES}"], env=env),
            "log": log,
        },
        runs,
    )
    return [
        figure_row("python -c pass", median_of(results["pass"], _wall)),
        figure_row(f"python -c 'import {DEPENDENCIES}'", median_of(results["imports"], _wall)),
        figure_row(
            "nextyes log network bench (fresh copy, so the daily backup too)",
            median_of(results["log"], _wall),
            target=Target(120, "ms", strictly=True),
        ),
        figure_row("peak memory, nextyes log", median_of(results["log"], _peak), "MB"),
    ]


def _empty_frame(finished: Finished) -> float:
    return finished.said["frame"]


def _data_frame(finished: Finished) -> float:
    return finished.said["data"]


def _wall(finished: Finished) -> float:
    return finished.wall_ms


def _peak(finished: Finished) -> float:
    return finished.peak_mb


# The app driven by its keys -----------------------------------------------------------------------


def drive(env: dict[str, str], dataset: Dataset, copies: Copies, saves: int) -> AppRun:
    """The app driven by `run_test` in a process of its own (benchmarks/_keystrokes.py)."""
    command = [sys.executable, str(script("_keystrokes.py")), "--db", str(copies.of(dataset))]
    command += ["--now", dataset.clock().isoformat(), "--saves", str(saves)]
    finished = subprocess.run(command, capture_output=True, text=True, timeout=600, env=env)
    if finished.returncode != 0:
        raise RuntimeError(finished.stderr.strip().splitlines()[-1] if finished.stderr.strip() else "no output")
    return AppRun.from_json(finished.stdout)


def keys_and_saves(env: dict[str, str], dataset: Dataset, empty: Dataset, copies: Copies, runs: int) -> list[Row]:
    """The keys on `dataset`, and again on the `empty` search: what is left there is not the data's doing.

    A first run, not counted, writes the bytecode of the screens the keys open (they are imported then).
    """
    progress("keys in the app: a first run to write the bytecode")
    drive(env, empty, copies, 0)
    progress(f"keys and saves in the app, {2 * len(KEYS)} presses and {runs} saves")
    run = drive(env, dataset, copies, runs)
    progress("the same keys on an empty search")
    on_empty = drive(env, empty, copies, 1)
    worst = run.worst_press
    worst_when = "first time" if worst.round == 1 else "again"
    longest_step = max(press.longest_ms for press in run.presses)
    oldest = [ms for generation, ms in run.collections if generation == 2]
    longest_collection = max((ms for _, ms in run.collections), default=0.0)
    saves = run.saves
    return [
        figure_row(
            f"key handled on the event loop, median of {len(run.presses)} presses",
            run.median_press_ms,
            target=KEY_TARGET,
        ),
        figure_row(
            f"key handled, the slowest: {worst.key} ({worst_when}, to {worst.screen})",
            worst.busy_ms,
            target=KEY_TARGET,
        ),
        figure_row("  its processor time on the event loop's thread", worst.cpu_ms),
        figure_row("  garbage collection meanwhile", worst.collecting_ms),
        *_listed("  keys over 16 ms (² the second time):", _slow_keys(run.presses)),
        figure_row(
            f"  a key nothing answers ({UNBOUND}): the measuring's own floor",
            _median(press.busy_ms for press in run.unbound),
        ),
        figure_row("  longest single event-loop step while keys are handled", longest_step),
        figure_row(
            f"  longest garbage collection, keys and saves ({len(oldest)} of the oldest generation)",
            longest_collection,
        ),
        figure_row("  garbage collection over all the presses", sum(press.collecting_ms for press in run.presses)),
        figure_row(
            "the same presses on an empty search (0 y), median",
            on_empty.median_press_ms,
        ),
        figure_row(f"  the slowest, {on_empty.worst_press.key}", on_empty.worst_press.busy_ms),
        figure_row(
            "app save in its worker: log, read back, rebuild the dashboard",
            _median(s.wall_ms for s in saves),
            target=WRITE_TARGET,
        ),
        figure_row("  event loop busy from that save until the new data is shown", _median(s.busy_ms for s in saves)),
        figure_row("  garbage collection during that save, in any thread", _median(s.collecting_ms for s in saves)),
        figure_row(
            "  longest single event-loop step meanwhile", _median(s.longest_ms for s in saves), target=KEY_TARGET
        ),
    ]


def _slow_keys(presses: Iterable[Press]) -> list[str]:
    slow = [press for press in presses if press.busy_ms > KEY_TARGET.limit]
    return [f"{p.key}{'' if p.round == 1 else '²'} {p.busy_ms:.0f}" for p in slow] or ["none"]


def _listed(title: str, items: list[str], width: int = 64) -> list[Row]:
    """A list too long for the figure column, in the measure column over as many rows as it needs."""
    lines, line = [], title
    for item in items:
        if len(line) + len(item) > width:
            lines.append(line)
            line = "   "
        line += f" {item},"
    lines.append(line)
    return [Row(line.rstrip(",")) for line in lines]


def _median(values: Iterable[float]) -> float:
    return statistics.median(values)


# Storage and rules, in this process ---------------------------------------------------------------


def writes(datasets: dict[int, Dataset], copies: Copies, runs: int) -> list[Row]:
    progress("write transactions")
    first = [Row("write transaction (Recorder.log), the first of the day: also the daily backup")]
    later = [Row("write transaction (Recorder.log), a later one the same day")]
    warm = [Row("write transaction in the open app: its store has read the file, the dashboard judged the streak")]
    for years, dataset in datasets.items():
        target = WRITE_TARGET if years == TARGET_YEARS else None
        firsts, laters, warms = [], [], []
        for _ in range(runs):
            copy = copies.of(dataset)
            firsts.append(_timed(lambda: _log_once(copy, dataset.clock)))
            laters.append(_timed(lambda: _log_once(copy, dataset.clock)))
            warms.append(_log_in_the_open_app(copy, dataset.clock))
        first.append(figure_row(f"  {years} y", statistics.median(firsts)))
        later.append(figure_row(f"  {years} y", statistics.median(laters)))
        warm.append(figure_row(f"  {years} y", statistics.median(warms), target=target))
    return first + later + warm


def _log_once(path: Path, clock: Clock) -> None:
    """What one `nextyes log` does to the file, in this process: a store and recorder of its own."""
    Recorder(Store(path, clock), clock).log(ActivityKind.NETWORK, "bench")


def _log_in_the_open_app(path: Path, clock: Clock) -> float:
    """One transaction as the open app makes it, in ms: its store has read the file and its dashboard has
    judged the streak of that read; the transaction also works out the rewards it earned, as the app's does."""
    store = Store(path, clock)
    recorder = Recorder(store, clock, celebrate=lambda rewards: None)
    recorder.rewards(store.load())
    return _timed(lambda: recorder.log(ActivityKind.NETWORK, "bench"))


def rules(datasets: dict[int, Dataset], runs: int) -> list[Row]:
    """Loading, and each rule the dashboard and insights need, at each size."""
    progress("loading and rules")
    prompts = reflection_prompts()
    groups: dict[str, list[Row]] = {}

    def add(label: str, years: int, value: float, target: Target | None = None) -> None:
        groups.setdefault(label, [Row(label)]).append(
            figure_row(f"  {years} y", value, target=target if years == TARGET_YEARS else None)
        )

    for years, dataset in datasets.items():
        load = median_ms(lambda: Store(dataset.path, dataset.clock).load(), runs)  # a new Store remembers nothing
        add("load: read and validate the file", years, load)
        search = Store(dataset.path, dataset.clock).load()
        recorder = Recorder(Store(dataset.path, dataset.clock), dataset.clock)
        today, zone = recorder.today(search), recorder.zone(search.settings).key
        history = track(search, today, zone)
        each = {
            "streaks and momentum (track)": lambda s: track(s, today, zone),
            "rewards (earned_rewards, weekly_progress)": lambda s: (
                earned_rewards(s, history),
                weekly_progress(s, today),
            ),
            "today's actions (todays_actions)": lambda s: todays_actions(s, s.settings, today),
            "insights (build_insights)": lambda s: build_insights(s, today),
            "streaks, momentum, actions and insights together": lambda s: (
                track(s, today, zone),
                todays_actions(s, s.settings, today),
                build_insights(s, today),
            ),
            "the whole dashboard (build_dashboard), as each reload builds it": lambda s: build_dashboard(
                s, today, prompts, zone
            ),
        }
        for label, work in each.items():
            target = RULES_TARGET if label.startswith("streaks, momentum, actions") else None
            add(label, years, _median_on_fresh(search, work, runs), target)
    return [row for rows in groups.values() for row in rows]


def _median_on_fresh(search: JobSearch, work: Callable[[JobSearch], object], runs: int) -> float:
    """Median time of `work` on a fresh copy of `search` each run: its cached look-ups start empty."""
    times = []
    for _ in range(runs):
        fresh = dataclasses.replace(search)
        times.append(_timed(lambda: work(fresh)))
    return statistics.median(times)


# The table -----------------------------------------------------------------------------------------


def guarded(title: str, measure: Callable[[], list[Row]]) -> list[Row]:
    """The measure's rows under its title; when it fails, its error in their place."""
    try:
        rows = measure()
    except Exception as error:  # one failing measure must not cost the others
        traceback.print_exc(file=sys.stderr)
        rows = [Row(f"  failed: {type(error).__name__}: {' '.join(str(error).split())}"[:150])]
    return [Row(title, section=True), *rows]


def print_table(rows: list[Row]) -> None:
    heading = Row("measure", "median", "target", "verdict")
    every = [heading, *rows]
    width = max(len(row.measure) for row in every)
    figure_width = max(len(row.figure) for row in every)
    target_width = max(len(row.target) for row in every)
    print(f"{heading.measure:<{width}}  {heading.figure:>{figure_width}}  {heading.target:<{target_width}}  verdict")
    for row in rows:
        if row.section:
            print(f"\n== {row.measure}")
            continue
        line = f"{row.measure:<{width}}  {row.figure:>{figure_width}}  {row.target:<{target_width}}  {row.verdict}"
        print(line.rstrip())


def machine() -> str:
    from importlib.metadata import version

    load = ", ".join(f"{value:.1f}" for value in os.getloadavg())
    return (
        f"machine: {os.cpu_count()} cores, {platform.machine()}, {platform.system()} {platform.release()}; "
        f"Python {platform.python_version()}, Textual {version('textual')}; load average {load}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, help="runs per figure (default 9; 3 with --quick)")
    parser.add_argument("--years", help="sizes of search to build, in years (default 0,1,5,10; 0,1,5 with --quick)")
    parser.add_argument("--quick", action="store_true", help="fewer runs and no 10-year search, for iterating")
    options = parser.parse_args()
    runs = options.runs or (3 if options.quick else 9)
    sizes = [int(years) for years in (options.years or ("0,1,5" if options.quick else "0,1,5,10")).split(",")]
    began = time.perf_counter()
    print(machine())
    with Launcher() as launcher, tempfile.TemporaryDirectory(prefix="nextyes-bench-") as folder:
        root = Path(folder)
        datasets = build_datasets(root, [*sizes, 0, TARGET_YEARS], date.today())
        target = datasets[TARGET_YEARS]
        copies = Copies(root / "copies")
        env = installed_environment(root / "bytecode")
        print(f"searches (ending {target.end}): " + "; ".join(d.size() for d in datasets.values()))
        print(f"each figure the median of {runs} runs; targets judged on the {TARGET_YEARS}-year search")
        measured = [d for years, d in datasets.items() if years in sizes]
        rows = [
            *guarded(
                f"Cold start to the first frame, fresh processes, 80×24 terminal ({TARGET_YEARS} y)",
                lambda: cold_start(launcher, env, target, runs),
            ),
            *guarded(f"From the shell ({TARGET_YEARS} y)", lambda: shell_log(launcher, env, target, copies, runs)),
            *guarded(
                f"Keys and saves in the app: run_test at 80×24, a process of its own ({TARGET_YEARS} y)",
                lambda: keys_and_saves(env, target, datasets[0], copies, runs),
            ),
            *guarded(
                "Writes, in this process, on a fresh copy", lambda: writes({d.years: d for d in measured}, copies, runs)
            ),
            *guarded(
                "Loading and rules, in this process (a fresh JobSearch each run)",
                lambda: rules({d.years: d for d in measured}, runs),
            ),
        ]
    print_table(rows)
    print(f"\ntook {time.perf_counter() - began:.0f} s")


if __name__ == "__main__":
    main()
