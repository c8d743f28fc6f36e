"""How fast nextyes is against the programs it promises to keep up with, in one table with a verdict a row.

    .venv/bin/python benchmarks/performance.py [--runs N] [--quick] [--against PATH]

Builds searches of no days, 3 months, 1 year and 5 years (benchmarks/make_dataset.py, ending today so the
app's today has data) and, for each, a jrnl journal of the same work (benchmarks/_jrnl.py: one entry per
activity and per reflection). Then every figure is measured in this one run, each command in a fresh
process, the commands of a row taking turns (A B A B …) after one warm-up run each, and each figure the
median of --runs runs:

- `nextyes log apply x` against jrnl writing an entry, each on its own file run after run, as a day's logs
  after the first are made (nextyes's brief holds: see tui/cli/quick_log.py); and `log` worked out afresh, on
  a fresh copy of its file each run (the copy made before the clock starts), where no brief holds;
- `nextyes status` and `nextyes today` against `jrnl -n 3`, asked again with nothing changed (the kept answer:
  tui/cli/kept_answers.py); and `status` worked out afresh, as after a change;
- `nextyes --version` and `nextyes prompt` against `python -c pass`;
- the app's first frame with data and its whole dashboard filled, on an 80×24 pseudo-terminal, against a
  minimal Textual app (benchmarks/first_frame.py), and the app's peak memory;
- each key and the opening of every screen, on the app's event loop (benchmarks/_keystrokes.py): three tours
  of the same keys (fewer with fewer --runs), the checkouts taking turns, each press the median of its tours;
- a write as the open app makes it (benchmarks/_app_write.py), on a fresh copy each run.

Each search is prepared as a person's file is after a day's use: one change already made today, so the
day's backup and whatever else nextyes keeps beside the file exist, and a read has run.

--against PATH runs the nextyes rows with another checkout's nextyes too (PATH/.venv/bin/nextyes, on
searches made by that checkout, so in its schema), in turn with this one's, and prints its figures in a
"before" column. --quick builds no days and 3 months only (the 5-year rows are judged on 3 months and say
so) with 3 runs: a smoke run. A measure that fails shows its error in its rows; the others still run.
Without jrnl (.venv-jrnl/, made by `make bench`) its rows say so. Progress goes to standard error, the
table to standard output.
"""

from __future__ import annotations

import argparse
import contextlib
import dataclasses
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import traceback
from collections.abc import Callable, Iterable, Sequence
from datetime import date, datetime
from pathlib import Path

from _jrnl import Jrnl
from _keystrokes import MOVES, AppRun, Press
from _processes import Finished, Launcher, ProcessFailed, installed_environment, script, terminal_environment

HERE = Path(__file__).resolve().parent.parent


@dataclasses.dataclass(frozen=True)
class Target:
    """A limit a figure must stay within, and the figure aimed for below it."""

    limit: float
    unit: str  # "ms", "x" or "MB"
    strictly: bool = False  # "under" rather than "at most"
    aim: float | None = None

    def describe(self) -> str:
        aim = f" (aim {show(self.aim, self.unit)})" if self.aim is not None else ""
        return f"{'<' if self.strictly else '≤'} {show(self.limit, self.unit)}{aim}"

    def judge(self, value: float) -> str:
        met = value < self.limit if self.strictly else value <= self.limit
        return "met" if met else f"missed by {show(value - self.limit, self.unit)}"


AS_FAST_AS_JRNL = Target(1.0, "x")
TWICE_AS_FAST_AS_JRNL = Target(0.5, "x")
QUICK_COMMAND = Target(4.0, "x")
FIRST_FRAME = Target(1.5, "x", aim=1.3)
WHOLE_DASHBOARD = Target(2.0, "x")
OPENING_A_SCREEN = Target(100, "ms")
TOURS = 3  # key tours per checkout: each press is the median of its figures in these
MEDIAN_KEY = Target(33, "ms", aim=16)
APP_MEMORY = Target(100, "MB", strictly=True)
APP_WRITE = Target(50, "ms")


@dataclasses.dataclass(frozen=True)
class Row:
    measure: str
    figure: str = ""
    target: str = ""
    verdict: str = ""
    before: str = ""  # the same figure for the --against checkout
    section: bool = False  # a title over the rows after it


def show(value: float, unit: str) -> str:
    if unit == "x":
        return f"{value:.2f}x"
    if unit == "MB":
        return f"{value:.0f} MB"
    return f"{value:.2f} ms" if value < 1 else f"{value:.1f} ms" if value < 10 else f"{value:.0f} ms"


def progress(message: str) -> None:
    print(f"… {message}", file=sys.stderr, flush=True)


def one_line(error: BaseException | str) -> str:
    text = error if isinstance(error, str) else f"{type(error).__name__}: {error}"
    return " ".join(text.split())[:160]


# The searches and the checkouts --------------------------------------------------------------------


@dataclasses.dataclass(frozen=True)
class Size:
    """How much work a search holds: a number of years, or of days."""

    name: str
    years: int = 0
    days: int | None = None

    def span(self) -> list[str]:
        """make_dataset.py's arguments for it."""
        return ["--years", str(self.years)] if self.days is None else ["--days", str(self.days)]

    @property
    def slug(self) -> str:
        return self.name.replace(" ", "-")


EMPTY = Size("no days", days=0)
QUARTER = Size("3 months", days=90)
YEAR = Size("1 year", years=1)
FIVE_YEARS = Size("5 years", years=5)
SIZES = (EMPTY, QUARTER, YEAR, FIVE_YEARS)
QUICK_SIZES = (EMPTY, QUARTER)

# make_dataset.py of a checkout that has no --days: its own years, cut to the days wanted.
OLD_DATASET_DAYS = """
import sys
from datetime import date, timedelta
from pathlib import Path
sys.path.insert(0, sys.argv[1])
import make_dataset
days, out, end = int(sys.argv[2]), Path(sys.argv[3]), date.fromisoformat(sys.argv[4])
make_dataset.first_day = lambda years, end: end - timedelta(days=days - 1) if days else end
make_dataset.write_dataset(out, 1 if days else 0, end)
"""


@dataclasses.dataclass(frozen=True)
class Checkout:
    """A nextyes to measure: this tree's, or another checkout's (--against) with a venv of its own."""

    name: str
    root: Path
    bin: Path  # the venv's bin folder: its python and its nextyes

    @property
    def python(self) -> str:
        return str(self.bin / "python")

    @property
    def nextyes(self) -> str:
        return str(self.bin / "nextyes")

    def make_dataset(self, size: Size, out: Path, end: date) -> None:
        """A search of `size` ending on `end`, written by this checkout's own code (so in its schema)."""
        maker = self.root / "benchmarks" / "make_dataset.py"
        if size.days is not None and "--days" not in _output([self.python, str(maker), "--help"]):
            command = [self.python, "-c", OLD_DATASET_DAYS, str(maker.parent), str(size.days), str(out), str(end)]
        else:
            command = [self.python, str(maker), *size.span(), "--out", str(out), "--end", str(end)]
        _output(command, cwd=self.root)  # `python -c` imports from the working folder first


def _output(command: Sequence[str], cwd: Path = HERE) -> str:
    finished = subprocess.run(command, capture_output=True, text=True, cwd=cwd)
    if finished.returncode != 0:
        raise ProcessFailed(f"{Path(command[1]).name} failed: {_last(finished.stderr)}")
    return finished.stdout


def _last(text: str) -> str:
    lines = [line for line in text.strip().splitlines() if line.strip()]
    return lines[-1] if lines else "no output"


@dataclasses.dataclass(frozen=True)
class Search:
    """One checkout's search of one size, as a person's folder holds it after a day's use."""

    size: Size
    folder: Path  # nextyes.json and whatever nextyes keeps beside it

    @property
    def database(self) -> Path:
        return self.folder / "nextyes.json"

    def describe(self) -> str:
        records = sum(1 for _ in _records(self.database))
        return f"{self.size.name}: {records:,} records, {self.database.stat().st_size / 1e6:.1f} MB"


def _records(database: Path) -> Iterable[object]:
    tables = json.loads(database.read_text(encoding="utf-8"))
    for name, table in tables.items():
        if not name.startswith("_") and name != "settings":
            yield from table.values()


class Copies:
    """Fresh copies of a prepared folder, each in its own folder under `root`, removed once used."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.made = 0

    def of(self, folder: Path) -> Path:
        self.made += 1
        copy = self.root / f"copy-{self.made}"
        shutil.copytree(folder, copy, symlinks=True)
        return copy

    @staticmethod
    def remove(copy: Path) -> None:
        shutil.rmtree(copy, ignore_errors=True)


# Commands in turn ----------------------------------------------------------------------------------


@dataclasses.dataclass
class Series:
    """The runs of one command, or why it could not run."""

    runs: list[Finished] = dataclasses.field(default_factory=list)
    failed: str = ""

    def median(self, read: Callable[[Finished], float] = lambda run: run.wall_ms) -> float:
        if self.failed:
            raise ProcessFailed(self.failed)
        return statistics.median(read(run) for run in self.runs)


def in_turn(commands: dict[str, Callable[[], Finished]], runs: int) -> dict[str, Series]:
    """Each command once, uncounted (it warms the file cache and writes its bytecode), then `runs` rounds in
    turn. A command that fails is not run again; the others go on."""
    series = {name: Series() for name in commands}
    for round in range(runs + 1):
        for name, command in commands.items():
            if series[name].failed:
                continue
            try:
                finished = command()
            except (ProcessFailed, OSError) as error:
                series[name].failed = one_line(str(error))
                continue
            if round:
                series[name].runs.append(finished)
    return series


@dataclasses.dataclass(frozen=True)
class Bench:
    """What every measure needs: the launcher, the environment, the searches, the runs."""

    launcher: Launcher
    env: dict[str, str]
    runs: int
    checkouts: list[Checkout]  # this tree's first, then --against's
    searches: dict[str, dict[Size, Search]]  # by checkout name
    journals: dict[Size, Path]  # prepared jrnl journals, made from this tree's searches
    jrnl: Jrnl
    jrnl_version: str
    copies: Copies
    big: Size  # the size the 5-year targets are judged on (3 months with --quick)

    @property
    def now(self) -> Checkout:
        return self.checkouts[0]

    @property
    def before(self) -> Checkout | None:
        return self.checkouts[1] if len(self.checkouts) > 1 else None

    def nextyes(self, checkout: Checkout, size: Size, *arguments: str, fresh: bool = False) -> Finished:
        """`nextyes ARGUMENTS` of `checkout` on its search of `size` (with `fresh`: on a fresh copy)."""
        folder = self.searches[checkout.name][size].folder
        copy = self.copies.of(folder) if fresh else folder
        try:
            env = {**self.env, "NEXTYES_DB": str(copy / "nextyes.json")}
            return self.launcher.run([checkout.nextyes, *arguments], env=env)
        finally:
            if fresh:
                self.copies.remove(copy)

    def jrnl_run(self, size: Size, *arguments: str, fresh: bool = False) -> Finished:
        prepared = self.journals[size]
        folder = self.copies.of(prepared) if fresh else prepared
        try:
            config = self.jrnl.configure(folder, self.jrnl_version)
            return self.launcher.run(self.jrnl.command(config, *arguments), env=self.jrnl.environment(self.env, folder))
        finally:
            if fresh:
                self.copies.remove(folder)

    def python_pass(self) -> Finished:
        return self.launcher.run([sys.executable, "-c", "pass"], env=self.env)

    def each_nextyes(self, run: Callable[[Checkout], Finished]) -> dict[str, Callable[[], Finished]]:
        """One command per checkout, named by the checkout."""
        return {checkout.name: lambda checkout=checkout: run(checkout) for checkout in self.checkouts}

    def at(self, wanted: Iterable[Size]) -> list[Size]:
        """The sizes of `wanted` that were built, and the size the 5-year targets are judged on."""
        return [size for size in self.searches[self.now.name] if size in wanted or size == self.big]

    def judged_at(self, size: Size) -> str:
        return size.name if size == FIVE_YEARS or self.big == FIVE_YEARS else f"{size.name} (--quick)"


# Rows ----------------------------------------------------------------------------------------------


def _wall(run: Finished) -> float:
    return run.wall_ms


def ratio_row(
    measure: str, ours: dict[str, Series], floor: Series, target: Target, read: Callable[[Finished], float] = _wall
) -> Row:
    """A row for `ours` (by checkout) ÷ `floor`, each read by `read`: this tree's ratio judged, the other
    checkout's beside it."""
    return target_row(measure, [_ratio(one, floor, read) for one in ours.values()], target)


def _ratio(ours: Series, floor: Series, read: Callable[[Finished], float]) -> float | str:
    try:
        return ours.median(read) / floor.median(read)
    except ProcessFailed as error:
        return f"failed: {one_line(str(error))}"


def _cell(figure: float | str | None, unit: str) -> str:
    """A figure, or the start of the error that took its place (the verdict column has room for more)."""
    if figure is None:
        return ""
    return figure.removeprefix("failed: ")[:60] if isinstance(figure, str) else show(figure, unit)


def figure_row(
    measure: str, series: dict[str, Series] | Series, read: Callable[[Finished], float] = _wall, unit: str = "ms"
) -> Row:
    """A row of plain figures (a median per checkout), no target."""
    figures = _medians(series if isinstance(series, dict) else {"": series}, read)
    cells = [_cell(figure, unit) for figure in figures]
    return Row(measure, cells[0], before=cells[1] if len(cells) > 1 else "")


def target_row(measure: str, figures: Sequence[float | str], target: Target) -> Row:
    """A judged row from figures already worked out (this tree's first), an error in place of a figure."""
    now, before = figures[0], figures[1] if len(figures) > 1 else None
    if isinstance(now, str):
        return Row(measure, "failed", target.describe(), now[:100], _cell(before, target.unit))
    return Row(measure, show(now, target.unit), target.describe(), target.judge(now), _cell(before, target.unit))


def skipped(measure: str, target: Target, reason: str) -> Row:
    return Row(measure, "", target.describe(), f"skipped: {reason}")


# From the shell ------------------------------------------------------------------------------------


def shell_writes(bench: Bench) -> list[Row]:
    """`nextyes log` as a day's logs after the first are made: on the same file, whose brief holds (the first
    run, uncounted, keeps it), and jrnl on the same journal; then, for the record, `log` worked out afresh: on a
    fresh copy each run, where no brief holds (the first log after another program changed the file)."""
    rows: list[Row] = []
    missing = bench.jrnl.missing()
    for size in bench.at((QUARTER, YEAR, FIVE_YEARS)):
        label = f"nextyes log apply x ÷ jrnl writing an entry, {bench.judged_at(size)}"
        progress(f"nextyes log against jrnl, {size.name}")
        commands = bench.each_nextyes(lambda checkout: bench.nextyes(checkout, size, "log", "apply", "x"))
        for checkout in bench.checkouts:
            commands[f"afresh {checkout.name}"] = lambda checkout=checkout: bench.nextyes(
                checkout, size, "log", "apply", "x", fresh=True
            )
        if not missing:
            commands["jrnl"] = lambda: bench.jrnl_run(size, "apply", "x")
        series = in_turn(commands, bench.runs)
        ours = {checkout.name: series[checkout.name] for checkout in bench.checkouts}
        afresh = {checkout.name: series[f"afresh {checkout.name}"] for checkout in bench.checkouts}
        judged = [(label, AS_FAST_AS_JRNL)]
        if size == bench.big:
            judged.append((f"  the same, against the {size.name} target", TWICE_AS_FAST_AS_JRNL))
        for measure, target in judged:
            if missing:
                rows.append(skipped(measure, target, missing))
            else:
                rows.append(ratio_row(measure, ours, series["jrnl"], target))
        rows.append(figure_row("  nextyes log apply x (the same file: its brief holds)", ours))
        rows.append(figure_row("  nextyes log apply x worked out afresh (a fresh copy each run: no brief)", afresh))
        if not missing:
            rows.append(figure_row(f"  jrnl writing an entry ({_entries(bench, size)} entries)", series["jrnl"]))
        if size == bench.big:
            rows.append(figure_row("  peak memory, nextyes log", ours, lambda run: run.peak_mb, "MB"))
    return rows


def shell_reads(bench: Bench) -> list[Row]:
    """`status` and `today` asked again as a person does, the file unchanged since (the first run, uncounted,
    keeps the answer), against `jrnl -n 3`; then, for the record, `status` worked out afresh, as after any
    change: on a fresh copy each run, which no kept answer is about."""
    rows: list[Row] = []
    missing = bench.jrnl.missing()
    for size in bench.at((YEAR, FIVE_YEARS)):
        progress(f"nextyes status and today against jrnl -n 3, {size.name}")
        commands = {
            f"{command} {checkout.name}": lambda checkout=checkout, command=command: bench.nextyes(
                checkout, size, command
            )
            for command in ("status", "today")
            for checkout in bench.checkouts
        }
        for checkout in bench.checkouts:
            commands[f"afresh {checkout.name}"] = lambda checkout=checkout: bench.nextyes(
                checkout, size, "status", fresh=True
            )
        if not missing:
            commands["jrnl"] = lambda: bench.jrnl_run(size, "-n", "3")
        series = in_turn(commands, bench.runs)
        for command in ("status", "today"):
            ours = {checkout.name: series[f"{command} {checkout.name}"] for checkout in bench.checkouts}
            label = f"nextyes {command} ÷ jrnl -n 3, {bench.judged_at(size)}"
            if missing:
                rows.append(skipped(label, AS_FAST_AS_JRNL, missing))
            else:
                rows.append(ratio_row(label, ours, series["jrnl"], AS_FAST_AS_JRNL))
            rows.append(figure_row(f"  nextyes {command} (asked again, nothing changed since)", ours))
        afresh = {checkout.name: series[f"afresh {checkout.name}"] for checkout in bench.checkouts}
        rows.append(figure_row("  nextyes status worked out afresh (a fresh copy each run: as after a change)", afresh))
        if not missing:
            rows.append(figure_row("  jrnl -n 3", series["jrnl"]))
    return rows


def quick_commands(bench: Bench) -> list[Row]:
    progress("nextyes --version and nextyes prompt against python -c pass")
    size = bench.big
    commands = {"pass": bench.python_pass}
    for command in ("--version", "prompt"):
        for checkout in bench.checkouts:
            commands[f"{command} {checkout.name}"] = lambda checkout=checkout, command=command: bench.nextyes(
                checkout, size, command
            )
    series = in_turn(commands, bench.runs)
    rows = []
    for command, where in (("--version", ""), ("prompt", f", {bench.judged_at(size)}")):
        ours = {checkout.name: series[f"{command} {checkout.name}"] for checkout in bench.checkouts}
        rows.append(ratio_row(f"nextyes {command} ÷ python -c pass{where}", ours, series["pass"], QUICK_COMMAND))
        rows.append(figure_row(f"  nextyes {command}", ours))
    rows.append(figure_row("  python -c pass", series["pass"]))
    return rows


def _entries(bench: Bench, size: Size) -> str:
    text = (bench.journals[size] / "journal.txt").read_text(encoding="utf-8")
    return f"{text.count(chr(10) + chr(10)):,}"


# The app -------------------------------------------------------------------------------------------


def app_start(bench: Bench) -> list[Row]:
    """The app opened again on a file nothing changed since its last read (which kept the dashboard it showed:
    tui/app/kept_view.py), as a person opens it during a day, against a minimal Textual app; then, for the
    record, the app opened afresh, on a fresh copy each run, as after a change from the shell or a sync. Each
    run ends once the app has read the whole search, so its peak memory counts the read."""
    rows: list[Row] = []
    command, env = [script("first_frame.py")], terminal_environment(bench.env)

    def open_app(checkout: Checkout, folder: Path) -> Finished:
        arguments = [checkout.python, str(*command), "nextyes", "--db", str(folder / "nextyes.json")]
        return bench.launcher.run(arguments, terminal=True, env=env)

    def afresh(checkout: Checkout, size: Size) -> Finished:
        copy = bench.copies.of(bench.searches[checkout.name][size].folder)  # the app may fold what it reads
        try:
            return open_app(checkout, copy)
        finally:
            bench.copies.remove(copy)

    def minimal_app() -> Finished:
        return bench.launcher.run([bench.now.python, str(*command), "minimal"], terminal=True, env=env)

    for size in bench.at((EMPTY, YEAR, FIVE_YEARS)):
        progress(f"the app's first frame against a minimal Textual app, {size.name}")
        again = {
            checkout.name: bench.copies.of(bench.searches[checkout.name][size].folder) for checkout in bench.checkouts
        }
        for checkout in bench.checkouts:  # the first read folds the journal a shell left; the next keeps its view
            for _ in range(2):
                with contextlib.suppress(ProcessFailed):  # the measured runs will say what fails
                    open_app(checkout, again[checkout.name])
        commands = {
            checkout.name: lambda checkout=checkout: open_app(checkout, again[checkout.name])
            for checkout in bench.checkouts
        }
        for checkout in bench.checkouts:
            commands[f"afresh {checkout.name}"] = lambda checkout=checkout: afresh(checkout, size)
        commands["minimal"] = minimal_app
        try:
            series = in_turn(commands, bench.runs)
        finally:
            for folder in again.values():
                bench.copies.remove(folder)
        ours = {checkout.name: series[checkout.name] for checkout in bench.checkouts}
        fresh = {checkout.name: series[f"afresh {checkout.name}"] for checkout in bench.checkouts}
        minimal = series["minimal"]
        stages = "one stage: the whole dashboard" if _one_stage(ours[bench.now.name]) else "header and Today's actions"
        label = f"app first frame with data ({stages}) ÷ minimal app, {bench.judged_at(size)}"
        rows.append(ratio_row(label, ours, minimal, FIRST_FRAME, _data))
        rows.append(figure_row("  nextyes app opened again, first frame with data", ours, _data))
        rows.append(figure_row("  nextyes app opened afresh (a fresh copy each run: as after a change)", fresh, _data))
        if size == bench.big:
            label = f"app whole dashboard filled ÷ minimal app, {bench.judged_at(size)}"
            rows.append(ratio_row(label, ours, minimal, WHOLE_DASHBOARD, _filled))
            rows.append(
                figure_row(
                    f"  nextyes app opened again, dashboard filled ({_shown(ours[bench.now.name])})", ours, _filled
                )
            )
            rows.append(figure_row("  nextyes app opened afresh, dashboard filled", fresh, _filled))
        rows.append(figure_row("  minimal Textual app (Header, Static, Footer), first frame", minimal, _data))
        if size == bench.big:
            rows.append(target_row(f"app peak memory, {bench.judged_at(size)}", _medians(ours, _peak), APP_MEMORY))
            rows.append(figure_row("  nextyes app opened afresh, peak memory", fresh, _peak, "MB"))
            rows.append(figure_row("  minimal Textual app, peak memory", minimal, _peak, "MB"))
    return rows


def _data(run: Finished) -> float:
    if "data" not in run.said:
        raise ProcessFailed(f"no frame with data: {run.details.get('problem', 'no signal')}")
    return run.said["data"]


def _filled(run: Finished) -> float:
    if "filled" not in run.said:
        raise ProcessFailed(f"the dashboard was never filled: {run.details.get('problem', 'no signal')}")
    return run.said["filled"]


def _peak(run: Finished) -> float:
    return run.peak_mb


def _one_stage(series: Series) -> bool:
    """The frame with data was the filled dashboard in every run (or no run told)."""
    return all(run.said.get("data") == run.said.get("filled") for run in series.runs)


def _shown(series: Series) -> str:
    details = series.runs[-1].details if series.runs else {}
    return " ".join(filter(None, (details.get("read", ""), details.get("filled", ""))))


def _medians(series: dict[str, Series], read: Callable[[Finished], float]) -> list[float | str]:
    figures: list[float | str] = []
    for one in series.values():
        try:
            figures.append(one.median(read))
        except ProcessFailed as error:
            figures.append(f"failed: {one_line(str(error))}")
    return figures


def keys(bench: Bench) -> list[Row]:
    """Every key of the tour in each checkout's app, one process each, taking turns; a first run of each
    on an empty search writes the bytecode of the screens the keys open. Each checkout tours TOURS times (fewer
    with fewer --runs), and each press counts with the median of its figures in those tours."""
    size = bench.big
    tours = max(1, min(bench.runs, TOURS))
    for checkout in bench.checkouts:
        progress(f"keys in the app ({checkout.name}): a first run to write the bytecode")
        with contextlib.suppress(ProcessFailed):  # the measured run will say what fails
            _drive(bench, checkout, EMPTY)
    toured: dict[str, list[AppRun] | str] = {checkout.name: [] for checkout in bench.checkouts}
    for tour in range(tours):
        for checkout in bench.checkouts:
            done = toured[checkout.name]
            if isinstance(done, str):
                continue
            progress(f"keys in the app ({checkout.name}), {size.name}, tour {tour + 1} of {tours}")
            try:
                done.append(_drive(bench, checkout, size))
            except (ProcessFailed, RuntimeError) as error:
                toured[checkout.name] = f"failed: {one_line(error)}"
    runs: list[AppRun | str] = []
    for done in toured.values():
        try:
            runs.append(done if isinstance(done, str) else AppRun.median_of(done))
        except ValueError as error:
            runs.append(f"failed: {error}")
    now = runs[0]
    where = bench.judged_at(size)
    medians = [run if isinstance(run, str) else run.median_press_ms for run in runs]
    openings = [run if isinstance(run, str) else _slowest_opening(run) for run in runs]
    label = "opening the slowest screen"
    if isinstance(now, AppRun) and (slowest := now.slowest_opening()) is not None:
        label += f": {slowest.screen} ({_keys(slowest)}, {'first time' if slowest.round == 1 else 'again'})"
    rows = [
        target_row(f"{label}, {where}", openings, OPENING_A_SCREEN),
        target_row(f"median key on the event loop, {where}", medians, MEDIAN_KEY),
    ]
    if isinstance(now, AppRun):
        opened = {press.opened for press in now.openings}
        rows.append(
            Row(
                f"  {len(now.presses)} presses: moving, opening and closing each of {len(opened)} screens; "
                f"each press the median of {tours} tours"
            )
        )
        for kind, chosen in (
            ("moving in the lists", lambda press: press.key in MOVES),
            ("opening a screen", lambda press: bool(press.opened)),
            ("closing a screen (escape)", lambda press: press.key == "escape"),
        ):
            cells = [run if isinstance(run, str) else _median_press(run, chosen) for run in runs]
            rows.append(Row(f"  median key {kind}", cells[0], before=cells[1] if len(cells) > 1 else ""))
        rows += _listed("  the slowest openings:", [f"{_keys(p)} {p.busy_ms:.0f}" for p in _slowest(now.openings)])
        rows += _listed("  keys that opened no screen here:", now.opened_nothing() or ["none"])
        worst = now.worst_press
        rows.append(Row(f"  the slowest key of all: {_keys(worst)} to {worst.screen}", show(worst.busy_ms, "ms")))
    return rows


def _drive(bench: Bench, checkout: Checkout, size: Size) -> AppRun:
    """The app of `checkout` driven by `run_test` in a process of its own, on a fresh copy of its search."""
    search = bench.searches[checkout.name][size]
    copy = bench.copies.of(search.folder)
    try:
        command = [checkout.python, str(script("_keystrokes.py")), "--db", str(copy / "nextyes.json")]
        command += ["--now", _noon_today().isoformat(), "--saves", "0"]
        finished = subprocess.run(command, capture_output=True, text=True, timeout=900, env=bench.env)
    finally:
        bench.copies.remove(copy)
    if finished.returncode != 0:
        raise ProcessFailed(_last(finished.stderr))
    return AppRun.from_json(finished.stdout)


def _median_press(run: AppRun, chosen: Callable[[Press], bool]) -> str:
    presses = [press.busy_ms for press in run.presses if chosen(press)]
    return show(statistics.median(presses), "ms") if presses else "none"


def _slowest_opening(run: AppRun) -> float | str:
    slowest = run.slowest_opening()
    return slowest.busy_ms if slowest is not None else "no key opened a screen"


def _slowest(presses: list[Press], count: int = 6) -> list[Press]:
    return sorted(presses, key=lambda press: press.busy_ms, reverse=True)[:count]


def _keys(press: Press) -> str:
    return (press.opened or press.key).replace("question_mark", "?") + ("" if press.round == 1 else "²")


def _listed(title: str, items: list[str], width: int = 70) -> list[Row]:
    """A list too long for the figure column, in the measure column over as many rows as it needs."""
    lines, line = [], title
    for item in items:
        if len(line) + len(item) > width:
            lines.append(line)
            line = "   "
        line += f" {item},"
    lines.append(line)
    return [Row(line.rstrip(",")) for line in lines]


def app_write(bench: Bench) -> list[Row]:
    size = bench.big
    progress(f"a write as the open app makes it, {size.name}")

    def write(checkout: Checkout) -> float:
        copy = bench.copies.of(bench.searches[checkout.name][size].folder)
        try:
            command = [checkout.python, str(script("_app_write.py")), "--db", str(copy / "nextyes.json")]
            return float(_output([*command, "--now", _noon_today().isoformat()]))
        finally:
            bench.copies.remove(copy)

    times: dict[str, list[float]] = {checkout.name: [] for checkout in bench.checkouts}
    failed: dict[str, str] = {}
    for round in range(bench.runs + 1):  # the first round warms up
        for checkout in bench.checkouts:
            if checkout.name in failed:
                continue
            try:
                ms = write(checkout)
            except ProcessFailed as error:
                failed[checkout.name] = f"failed: {one_line(str(error))}"
                continue
            if round:
                times[checkout.name].append(ms)
    figures = [failed.get(name) or statistics.median(ms) for name, ms in times.items()]
    label = f"a write as the open app makes it (Recorder.log, off its event loop), {bench.judged_at(size)}"
    return [target_row(label, figures, APP_WRITE)]


def _noon_today() -> datetime:
    """The app's clock: noon today, in this machine's zone, on the last day of every search."""
    return datetime.combine(date.today(), datetime.min.time().replace(hour=12)).astimezone()


# Preparing -----------------------------------------------------------------------------------------


def prepare(
    launcher: Launcher, env: dict[str, str], checkouts: list[Checkout], sizes: Sequence[Size], root: Path
) -> dict[str, dict[Size, Search]]:
    """Each checkout's search of each size, as a folder looks after a day's use: a change made today by
    that checkout's nextyes (so the day's backup exists), then a read."""
    searches: dict[str, dict[Size, Search]] = {}
    end = date.today()
    for checkout in checkouts:
        searches[checkout.name] = {}
        for size in sizes:
            progress(f"building the {size.name} search ({checkout.name})")
            search = Search(size, root / checkout.name / size.slug)
            search.folder.mkdir(parents=True)
            checkout.make_dataset(size, search.database, end)
            used = {**env, "NEXTYES_DB": str(search.database)}
            for command in (["log", "other", "made the benchmark's search"], ["status"]):
                try:
                    launcher.run([checkout.nextyes, *command], env=used)
                except ProcessFailed as error:  # the rows that use it will fail and say why
                    progress(f"nextyes {command[0]} ({checkout.name}, {size.name}) failed: {one_line(str(error))}")
            searches[checkout.name][size] = search
    return searches


def prepare_journals(jrnl: Jrnl, searches: dict[Size, Search], root: Path) -> dict[Size, Path]:
    journals = {}
    for size, search in searches.items():
        journals[size] = root / "jrnl" / size.slug
        jrnl.prepare(journals[size], search.database)
    return journals


# The table -----------------------------------------------------------------------------------------


def guarded(title: str, measure: Callable[[], list[Row]]) -> list[Row]:
    """The measure's rows under its title; when it fails as a whole, its error in their place."""
    try:
        rows = measure()
    except Exception as error:  # one failing measure must not cost the others
        traceback.print_exc(file=sys.stderr)
        rows = [Row("this measure", "failed", verdict=one_line(error))]
    return [Row(title, section=True), *rows]


def print_table(rows: list[Row], before: str | None) -> None:
    heading = Row("measure", "now", "target", "verdict", before or "")
    every = [heading, *(row for row in rows if not row.section)]
    widths = [max(len(getattr(row, column)) for row in every) for column in ("measure", "figure", "target", "before")]

    def line(row: Row) -> str:
        measure, figure, target, earlier = widths
        cells = [f"{row.measure:<{measure}}"]
        if before is not None:
            cells.append(f"{row.before:>{earlier}}")
        cells += [f"{row.figure:>{figure}}", f"{row.target:<{target}}", row.verdict]
        return "  ".join(cells).rstrip()

    print(line(heading))
    for row in rows:
        print(f"\n== {row.measure}" if row.section else line(row))


def machine() -> str:
    from importlib.metadata import version

    load = ", ".join(f"{value:.1f}" for value in os.getloadavg())
    return (
        f"machine: {os.cpu_count()} cores, {platform.machine()}, {platform.system()} {platform.release()}; "
        f"Python {platform.python_version()}, Textual {version('textual')}; load average {load}"
    )


def describe_checkout(checkout: Checkout) -> str:
    said = subprocess.run([checkout.nextyes, "--version"], capture_output=True, text=True).stdout.strip()
    head = subprocess.run(["git", "-C", str(checkout.root), "log", "-1", "--format=%h"], capture_output=True, text=True)
    return f"{checkout.name}: {said or 'nextyes'} at {head.stdout.strip() or '?'} ({checkout.root})"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, help="runs per figure, after one warm-up (default 7; 3 with --quick)")
    parser.add_argument("--quick", action="store_true", help="no days and 3 months only, 3 runs: a smoke run")
    parser.add_argument("--against", type=Path, metavar="PATH", help="another checkout, with its .venv, to compare")
    options = parser.parse_args()
    runs = options.runs or (3 if options.quick else 7)
    sizes = QUICK_SIZES if options.quick else SIZES
    checkouts = [Checkout("now", HERE, Path(sys.executable).parent)]
    if options.against is not None:
        against = options.against.resolve()
        if not (against / ".venv" / "bin" / "nextyes").exists():
            parser.error(f"{against}/.venv/bin/nextyes is missing: make a venv there and install that checkout")
        checkouts.append(Checkout("before", against, against / ".venv" / "bin"))
    began = time.perf_counter()
    print(machine())
    for checkout in checkouts:
        print(describe_checkout(checkout))
    jrnl = Jrnl()
    with Launcher() as launcher, tempfile.TemporaryDirectory(prefix="nextyes-bench-") as folder:
        root = Path(folder)
        env = installed_environment(root / "bytecode")
        env["XDG_CACHE_HOME"] = str(root / "cache")  # the briefs and kept answers, away from the user's own
        searches = prepare(launcher, env, checkouts, sizes, root)
        journals = {} if jrnl.missing() else prepare_journals(jrnl, searches["now"], root)
        bench = Bench(
            launcher,
            env,
            runs,
            checkouts,
            searches,
            journals,
            jrnl,
            "" if jrnl.missing() else jrnl.version(),
            Copies(root / "copies"),
            FIVE_YEARS if FIVE_YEARS in sizes else sizes[-1],
        )
        print("searches (ending today): " + "; ".join(search.describe() for search in searches["now"].values()))
        print(f"jrnl {bench.jrnl_version}" if bench.jrnl_version else f"jrnl: {jrnl.missing()}")
        print(f"each figure the median of {runs} runs after a warm-up, the commands of a row taking turns")
        rows = [
            *guarded("From the shell: writing", lambda: shell_writes(bench)),
            *guarded("From the shell: reading", lambda: shell_reads(bench)),
            *guarded("From the shell: the quickest commands", lambda: quick_commands(bench)),
            *guarded("The app: cold start on an 80×24 terminal, fresh processes", lambda: app_start(bench)),
            *guarded("The app: keys on its event loop (run_test at 80×24, a process each)", lambda: keys(bench)),
            *guarded("The app: writing", lambda: app_write(bench)),
        ]
    print()
    print_table(rows, "before" if len(checkouts) > 1 else None)
    print(f"\ntook {time.perf_counter() - began:.0f} s")


if __name__ == "__main__":
    main()
