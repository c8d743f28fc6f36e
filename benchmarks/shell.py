"""How long `nextyes log` takes from the shell, beside `python -c pass` and a bare import of the deps.

    .venv/bin/python benchmarks/shell.py [--runs N] [--records N]

Prints one table of median wall times. The database is seeded with N activities
first, through the project's own store.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

from tui.core.days import logical_day
from tui.core.models import Activity, ActivityKind
from tui.store import Store


def seed(path: Path, records: int) -> None:
    start = datetime(2024, 1, 1, 12, tzinfo=timezone.utc)
    kinds = list(ActivityKind)
    with Store(path, lambda: start).transaction() as tx:
        for number in range(records):
            at = start + timedelta(hours=7 * number)
            tx.add(
                Activity(
                    kind=kinds[number % len(kinds)], at=at, timezone="UTC",
                    logical_day=logical_day(at, ZoneInfo("UTC"), 4), note=f"entry {number}",
                    created_at=at, updated_at=at,
                )
            )


def measure(command: list[str], runs: int) -> float:
    """Median wall time in milliseconds over `runs` runs (after one warm-up run)."""
    times = []
    for attempt in range(runs + 1):
        began = time.perf_counter()
        result = subprocess.run(command, capture_output=True)
        if result.returncode != 0:
            raise SystemExit(f"{' '.join(command)} failed: {result.stderr.decode()}")
        if attempt:
            times.append(time.perf_counter() - began)
    return statistics.median(times) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--records", type=int, default=2000)
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "nextyes.json"
        seed(db, options.records)
        python = sys.executable
        rows = [
            ("python -c pass", [python, "-c", "pass"]),
            ("import the dependencies", [python, "-c", "import pydantic, tinydb, filelock, dateutil, platformdirs"]),
            (f"nextyes log ({options.records} activities)", [python, "-m", "tui", "log", "network", "bench", "--db", str(db)]),
            (f"nextyes status ({options.records} activities)", [python, "-m", "tui", "status", "--db", str(db)]),
        ]
        print(f"{'command':<40} {'median ms':>10}   ({options.runs} runs each)")
        for label, command in rows:
            print(f"{label:<40} {measure(command, options.runs):>10.0f}")


if __name__ == "__main__":
    main()
