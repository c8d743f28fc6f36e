"""How long importing and exporting take: a LinkedIn Job Applications.csv of N rows, read and imported
into an empty database, then every export format of the result.

    .venv/bin/python benchmarks/exchange.py [--rows N] [--runs N]

Prints one table of median times, each measured in this process (no start-up) on a fresh copy.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from tui.core.insights import build_insights
from tui.core.review import weekly_review
from tui.exchange.csv_format import export_csv
from tui.exchange.ics_format import export_ics
from tui.exchange.importing import import_file, read_file
from tui.exchange.json_format import export_json
from tui.exchange.report import report_markdown
from tui.store import Store

NOW = datetime(2026, 3, 15, 14, 30, tzinfo=UTC)
HEADER = (
    "Application Date,Contact Email,Contact Phone Number,Company Name,Job Title,Job Url,Resume Name,"
    "Question And Answers\n"
)
ROLES = ("Data Engineer", "Senior Backend Engineer", "Analytics Engineer", "Platform Engineer", "ML Engineer")


def linkedin_file(folder: Path, rows: int) -> Path:
    """Rows spread over the years before NOW, a few a day, with LinkedIn's date format and quoting."""
    lines = [HEADER]
    for number in range(rows):
        day = date(2026, 3, 14) - timedelta(days=number // 3)
        lines.append(
            f'"{day.month}/{day.day}/{day:%y}, {1 + number % 12}:{number % 60:02d} {("AM", "PM")[number % 2]}",,,'
            f'"Company {number}, Inc.",{ROLES[number % len(ROLES)]},https://www.linkedin.com/jobs/view/{number},'
            f'resume-{number % 3}.pdf,"Years of Python? : {number % 12}"\n'
        )
    path = folder / "Job Applications.csv"
    path.write_text("".join(lines), encoding="utf-8")
    return path


def timed(work: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=4000, help="LinkedIn rows (default 4,000)")
    parser.add_argument("--runs", type=int, default=5, help="runs per figure (default 5)")
    options = parser.parse_args()
    zone = ZoneInfo("UTC")
    with tempfile.TemporaryDirectory() as folder:
        source = linkedin_file(Path(folder), options.rows)

        def read() -> object:
            return read_file(source, now=NOW, zone=zone, rollover_hour=4)

        counter = iter(range(10**6))

        def imported() -> object:
            store = Store(Path(folder) / f"import-{next(counter)}.json", lambda: NOW)
            return import_file(store, read())

        store = Store(Path(folder) / "nextyes.json", lambda: NOW)
        import_file(store, read())
        search = store.load()
        today = date(2026, 3, 15)
        figures = [
            (f"read {options.rows:,} LinkedIn rows", timed(read, options.runs)),
            (
                f"read and import them ({len(search.applications) + len(search.activities):,} records, one write)",
                timed(imported, options.runs),
            ),
            ("export json", timed(lambda: export_json(search, NOW), options.runs)),
            ("export csv (applications)", timed(lambda: export_csv(search), options.runs)),
            ("export ics", timed(lambda: export_ics(search, search.settings, today, NOW), options.runs)),
            (
                "export md (insights + report)",
                timed(lambda: report_markdown(search, build_insights(search, today), NOW, today), options.runs),
            ),
            ("insights", timed(lambda: build_insights(search, today), options.runs)),
            ("weekly review", timed(lambda: weekly_review(search, today, today), options.runs)),
        ]
    width = max(len(label) for label, _ in figures)
    print(f"{'what':<{width}}  median")
    for label, millis in figures:
        print(f"{label:<{width}}  {millis:7.0f} ms")


if __name__ == "__main__":
    main()
