"""The benchmarks: a search of N days, and `performance.py --quick` printing every target with a verdict.

Speed itself is never asserted here (see conftest.py): only that the table has every row and judges it.
"""

from __future__ import annotations

import re
import subprocess
import sys
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import pytest

from tui.store import Store

HERE = Path(__file__).parent.parent
BENCHMARKS = HERE / "benchmarks"
END = date(2026, 3, 15)

# Each judged row of the quick table: how it starts. The 5-year targets are judged on 3 months there.
JUDGED_ROWS = (
    "nextyes log apply x ÷ jrnl writing an entry, 3 months",
    "  the same, against the 3 months target",
    "nextyes status ÷ jrnl -n 3, 3 months",
    "nextyes today ÷ jrnl -n 3, 3 months",
    "nextyes --version ÷ python -c pass",
    "nextyes prompt ÷ python -c pass, 3 months",
    "app first frame with data",  # at no days and at 3 months
    "app whole dashboard filled ÷ minimal app, 3 months",
    "app peak memory, 3 months",
    "opening the slowest screen",
    "median key on the event loop, 3 months",
    "a write as the open app makes it",
)
FIGURE = r"\d[\d.]* ?(x|ms|MB)"
VERDICT = re.compile(rf"  [≤<] {FIGURE}( \(aim {FIGURE}\))?  +(met|missed by {FIGURE}|failed: .+|skipped: .+)$")


def test_days_make_a_search_of_that_many_days_ending_on_the_day(tmp_path: Path) -> None:
    path = tmp_path / "quarter.json"
    made = subprocess.run(
        [sys.executable, str(BENCHMARKS / "make_dataset.py"), "--days", "90", "--out", str(path), "--end", str(END)],
        capture_output=True,
        text=True,
        cwd=HERE,
    )
    assert made.returncode == 0, made.stderr
    search = Store(path, lambda: END).check()
    days = {activity.logical_day for activity in search.activities}
    assert min(days) == END - timedelta(days=89)
    assert max(days) == END
    assert 150 <= len(search.applications) <= 300  # about three months of the year's 800


@pytest.mark.slow
def test_the_quick_run_prints_every_target_with_its_figure_and_verdict() -> None:
    run = subprocess.run(
        [sys.executable, str(BENCHMARKS / "performance.py"), "--quick", "--runs", "1"],
        capture_output=True,
        text=True,
        cwd=HERE,
        timeout=900,
    )
    assert run.returncode == 0, run.stderr[-2000:]
    lines = run.stdout.splitlines()
    assert any(line.startswith("measure") and line.rstrip().endswith("verdict") for line in lines)
    for start in JUDGED_ROWS:
        rows = [line for line in lines if line.startswith(start)]
        assert rows, f"no row for {start!r} in:\n{run.stdout}"
        for row in rows:
            assert VERDICT.search(row), f"no target and verdict in {row!r}"
    assert len([line for line in lines if line.startswith("app first frame with data")]) == 2
    if not (HERE / ".venv-jrnl" / "bin" / "jrnl").exists():
        assert "skipped: jrnl is not installed" in run.stdout


def test_a_press_counts_with_its_median_over_the_tours() -> None:
    """A moment when the machine was busy elsewhere, in one tour of three, decides no row."""
    sys.path.insert(0, str(BENCHMARKS))
    try:
        from _keystrokes import AppRun, Press
    finally:
        sys.path.remove(str(BENCHMARKS))

    def tour(opening_ms: float, moving_ms: float) -> AppRun:
        presses = [
            Press("down", 1, "DashboardScreen", "", moving_ms, moving_ms, 0.0, moving_ms),
            Press("p", 1, "ProgressScreen", "p", opening_ms, opening_ms / 2, 1.0, opening_ms),
        ]
        return AppRun(presses, [], [], [(2, 70.0)])

    tours = [tour(80.0, 10.0), tour(157.0, 11.0), tour(84.0, 30.0)]  # a spike in the second, another in the third
    run = AppRun.median_of(tours)
    assert [press.busy_ms for press in run.presses] == [11.0, 84.0]
    assert run.slowest_opening() == Press("p", 1, "ProgressScreen", "p", 84.0, 42.0, 1.0, 84.0)
    assert run.collections == [(2, 70.0)] * 3  # every tour's, not a median
    other = AppRun([*tours[0].presses[:1], replace(tours[0].presses[1], opened="")], [], [], [])
    with pytest.raises(ValueError, match="different"):
        AppRun.median_of([tours[0], other])
