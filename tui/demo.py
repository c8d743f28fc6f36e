"""The demo: a realistic twelve-week search at a fixed date, opened on a throwaway copy.

`python -m tui.demo data/demo.json` rebuilds the shipped file.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
import time
from datetime import date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from tui.clock import Clock
from tui.core.models import ActivityKind, ApplicationKind, Stage
from tui.locations import data_dir
from tui.recording import Recorder
from tui.store import Store

DEMO_ZONE = ZoneInfo("UTC")
DEMO_NOW = datetime(2026, 3, 16, 9, 15, tzinfo=DEMO_ZONE)  # a Monday morning
DEMO_FILE = "demo.json"


def demo_clock(start: datetime = DEMO_NOW) -> Clock:
    """The demo's clock: starts at DEMO_NOW and runs at the real pace."""
    began = time.monotonic()
    return lambda: start + timedelta(seconds=time.monotonic() - began)


def demo_database_copy() -> Path:
    """A fresh temporary copy of the shipped demo database, so the demo never changes it."""
    folder = Path(tempfile.mkdtemp(prefix="nextyes-demo-"))
    target = folder / "nextyes.json"
    shutil.copyfile(data_dir() / DEMO_FILE, target)
    return target


class _StepClock:
    def __init__(self) -> None:
        self.current = DEMO_NOW

    def __call__(self) -> datetime:
        return self.current

    def at(self, day: date, hour: int = 10) -> None:
        self.current = datetime(day.year, day.month, day.day, hour, tzinfo=DEMO_ZONE)


APPLICATIONS = [
    # company, role, kind, source, days before DEMO_NOW, stage moves (days after applying, stage)
    ("Northwind Analytics", "Data Engineer", ApplicationKind.FULL_TIME, "LinkedIn", 20,
     [(6, Stage.SCREENING), (11, Stage.INTERVIEWING)]),
    ("Lumen Health", "Backend Engineer", ApplicationKind.FULL_TIME, "referral", 12, []),
    ("Harbor & Pine", "Platform Engineer", ApplicationKind.CONTRACT, "company site", 9, []),
    ("Quill Labs", "Python Developer", ApplicationKind.FULL_TIME, "job board", 18,
     [(8, Stage.SCREENING), (9, Stage.REJECTED)]),
    ("Tidewater Logistics", "Software Engineer II", ApplicationKind.FULL_TIME, "LinkedIn", 4, []),
    ("Brightpath Learning", "API Developer", ApplicationKind.FREELANCE, "network", 2, []),
    ("Orbit Retail", "Site Reliability Engineer", ApplicationKind.FULL_TIME, "job board", 16,
     [(5, Stage.SCREENING)]),
]

OTHER_ACTIVITY = [
    # days before DEMO_NOW, kind, note
    (19, ActivityKind.NETWORK, "coffee with Priya from my old team"),
    (15, ActivityKind.LEARN, "finished the SQL window functions module"),
    (14, ActivityKind.PREP, "practised system design: rate limiter"),
    (10, ActivityKind.NETWORK, "asked Marco for an intro at Lumen"),
    (7, ActivityKind.LEARN, "Kubernetes basics, chapter 3"),
    (6, ActivityKind.PREP, "STAR stories for the Northwind panel"),
    (5, ActivityKind.FOLLOW_UP, "checked in with the Orbit recruiter"),
    (3, ActivityKind.NETWORK, "meetup: Python in production"),
    (1, ActivityKind.LEARN, "Terraform tutorial"),
]

# The nine weeks before the last three, Monday 22 December first, one letter a day:
# a applied, n networked, f followed up, l learned and prepared, r a planned rest day, . nothing.
EARLIER_WEEKS = (
    "an.a...",
    "..a.n..",
    "aanalr.",
    "anaaf..",
    "aanaafr",
    "naaaafa",
    "aanfaln",
    "a..n...",
    "aana.fa",
)
EARLIER_ACTIVITY = {
    "a": [(ActivityKind.APPLY, "applied through a job board")],
    "n": [(ActivityKind.NETWORK, "caught up with a former colleague")],
    "f": [(ActivityKind.FOLLOW_UP, "nudged a recruiter")],
    "l": [(ActivityKind.LEARN, "an hour of a course"), (ActivityKind.PREP, "practised interview answers")],
}
REST_DAYS = [(8, "a quiet Sunday with family")]  # days before DEMO_NOW, note

REFLECTIONS = [
    (9, "What did you learn about the market, a company or yourself today?",
     "Quill said no after the screen. I think I rushed the project walkthrough; next time lead with the result."),
    (6, "What are you waiting on right now, and is there anything you can do while you wait?",
     "Waiting on Northwind. Preparing stories instead of refreshing my inbox helped."),
    (1, "How are you looking after yourself this week, beyond the search?",
     "Two runs and a long call with my sister. The week felt lighter."),
]


def build_demo(target: Path) -> None:
    """Write the demo database to `target` through the project's own store."""
    with tempfile.TemporaryDirectory() as scratch:
        path = Path(scratch) / "nextyes.json"
        _record_demo(path)
        shutil.copyfile(path, target)


def _record_demo(path: Path) -> None:
    clock = _StepClock()
    recorder = Recorder(Store(path, clock), clock)
    today = DEMO_NOW.date()
    for company, role, kind, source, ago, moves in APPLICATIONS:
        applied = today - timedelta(days=ago)
        clock.at(applied)
        application = recorder.add_application(company, role, kind=kind, source=source, on=applied)
        for after, stage in moves:
            clock.at(applied + timedelta(days=after), hour=15)
            recorder.move_stage(application.id, stage, note=f"moved to {stage.value}")
    first = today - timedelta(days=21 + 7 * len(EARLIER_WEEKS))
    for offset, letter in enumerate("".join(EARLIER_WEEKS)):
        day = first + timedelta(days=offset)
        clock.at(day, hour=17)
        if letter == "r":
            recorder.plan_rest(day)
        for kind, note in EARLIER_ACTIVITY.get(letter, []):
            recorder.log(kind, note)
    for ago, kind, note in OTHER_ACTIVITY:
        clock.at(today - timedelta(days=ago), hour=18)
        recorder.log(kind, note)
    for ago, note in REST_DAYS:
        clock.at(today - timedelta(days=ago + 1), hour=20)  # planned the evening before
        recorder.plan_rest(today - timedelta(days=ago), note)
    for ago, prompt, text in REFLECTIONS:
        clock.at(today - timedelta(days=ago), hour=21)
        recorder.write_reflection(today - timedelta(days=ago), prompt, text)
    with recorder.store.transaction() as tx:
        clock.at(first)
        tx.save_settings(tx.settings.touched(clock(), timezone="UTC"))


if __name__ == "__main__":
    build_demo(Path(sys.argv[1]) if len(sys.argv) > 1 else data_dir() / DEMO_FILE)
