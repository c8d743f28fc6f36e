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

from dateutil.relativedelta import relativedelta

from tui.clock import Clock
from tui.core.interviews import parse_questions
from tui.core.models import ActivityKind, Application, ApplicationKind, InterviewKind, RejectionReason, Stage, Tier
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


# fmt: off
APPLICATIONS = [
    # company, role, kind, source, days before DEMO_NOW, stage moves (days after applying, stage)
    ("Northwind Analytics", "Data Engineer", ApplicationKind.FULL_TIME, "LinkedIn", 20,
     [(6, Stage.SCREENING), (11, Stage.INTERVIEWING)]),
    ("Lumen Health", "Backend Engineer", ApplicationKind.FULL_TIME, "referral", 12, []),
    ("Harbor & Pine", "Platform Engineer", ApplicationKind.CONTRACT, "company site", 9, []),
    ("Quill Labs", "Python Developer", ApplicationKind.FULL_TIME, "job board", 18,
     [(8, Stage.SCREENING), (9, Stage.REJECTED)]),
    ("Tidewater Logistics", "Software Engineer II", ApplicationKind.FULL_TIME, "LinkedIn", 4,
     [(2, Stage.SCREENING)]),
    ("Brightpath Learning", "API Developer", ApplicationKind.FREELANCE, "network", 2, []),
    ("Orbit Retail", "Site Reliability Engineer", ApplicationKind.FULL_TIME, "job board", 16,
     [(5, Stage.SCREENING)]),
    ("Cedar Bank", "Data Analyst", ApplicationKind.FULL_TIME, "job board", 50, []),
]
# fmt: on

FOLLOW_UPS = [("Cedar Bank", 7), ("Cedar Bank", 14)]  # company, days after applying: no reply since

CONTACTS = [
    # name, company, tier, how we know each other, support, days before DEMO_NOW last in touch
    ("Priya Shah", "Northwind Analytics", Tier.A, "my old team lead", True, None),
    ("Marco Bianchi", "Lumen Health", Tier.B, "a former colleague", False, None),
    ("Ava Chen", "", Tier.A, "my mentor from the bootcamp", True, 40),
    ("Leo Novak", "", Tier.C, "met at PyCon", False, 200),
]
# Networking with a contact, in OTHER_ACTIVITY's place: days before DEMO_NOW, contact, note.
NETWORKING = [
    (19, "Priya Shah", "coffee with Priya from my old team"),
    (10, "Marco Bianchi", "asked Marco for an intro at Lumen"),
]

# fmt: off
INTERVIEWS = [
    # company, days from DEMO_NOW (negative: held), hour, kind, people, debrief (questions, rating, well, change)
    ("Northwind Analytics", -6, 11, InterviewKind.PANEL, ["Dana Ruiz", "Sam Okafor"], (
        "Tell me about yourself | 3 | too long; lead with the data platform work\n"
        "Design a pipeline for late-arriving events | 4 | watermarks went down well\n"
        "Tell me about a conflict on your team | 2 | no clear story ready",
        4, "the pipeline design question", "have a conflict story ready")),
    ("Orbit Retail", -1, 16, InterviewKind.PHONE, ["Jordan Blake"], (
        "Tell me about yourself. | 4 | shorter this time\n"
        "Why do you want to leave your current role? | 3 |\n"
        "How do you handle being on call? | 2 | rambled about alerts",
        3, "kept the intro short", "prepare on-call examples")),
    ("Northwind Analytics", 1, 14, InterviewKind.TECHNICAL, ["Dana Ruiz"], None),
]
# fmt: on

QUILL_FEEDBACK = "They went with someone with more production Kubernetes experience."
LEARNING_GOALS = [("Kubernetes: deploy a small service end to end", "feedback from Quill Labs")]
WINS = [
    (30, "Cut the nightly ETL run from 3 hours to 40 minutes at my last job: a story for every interview"),
    (15, "Finished the SQL window functions course: 12 of 12 modules"),
]

OTHER_ACTIVITY = [
    # days before DEMO_NOW, kind, note
    (15, ActivityKind.LEARN, "finished the SQL window functions module"),
    (14, ActivityKind.PREP, "practised system design: rate limiter"),
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
REST_DAYS = [(15, "a quiet Sunday with family")]  # days before DEMO_NOW, note (never a recovery day)

# fmt: off
REFLECTIONS = [
    (9, "What did you learn about the market, a company or yourself today?",
     "Quill said no after the screen. I think I rushed the project walkthrough; next time lead with the result."),
    (6, "What are you waiting on right now, and is there anything you can do while you wait?",
     "Waiting on Northwind. Preparing stories instead of refreshing my inbox helped."),
    (1, "How are you looking after yourself this week, beyond the search?",
     "Two runs and a long call with my sister. The week felt lighter."),
]
# fmt: on


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
    applications: dict[str, Application] = {}
    for company, role, application_kind, source, ago, moves in APPLICATIONS:
        applied = today - timedelta(days=ago)
        clock.at(applied)
        application = recorder.add_application(company, role, kind=application_kind, source=source, on=applied)
        applications[company] = application
        for after, stage in moves:
            clock.at(applied + timedelta(days=after), hour=15)
            recorder.move_stage(application.id, stage, note=f"moved to {stage.value}")
    for company, after in FOLLOW_UPS:
        application = applications[company]
        assert application.applied_on is not None
        clock.at(application.applied_on + timedelta(days=after), hour=12)
        recorder.log(ActivityKind.FOLLOW_UP, "asked where things stand", application_id=application.id)
    first = today - timedelta(days=21 + 7 * len(EARLIER_WEEKS))
    for offset, letter in enumerate("".join(EARLIER_WEEKS)):
        day = first + timedelta(days=offset)
        clock.at(day, hour=17)
        if letter == "r":
            recorder.plan_rest(day)
        for kind, note in EARLIER_ACTIVITY.get(letter, []):
            recorder.log(kind, note)
    _record_network(recorder, clock, today)
    _record_interviews(recorder, clock, today, applications)
    _record_the_quill_comeback(recorder, clock, today, applications["Quill Labs"])
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


def _record_network(recorder: Recorder, clock: _StepClock, today: date) -> None:
    clock.at(today - timedelta(days=60), hour=9)
    contacts = {}
    for name, company, tier, how, support, ago in CONTACTS:
        last = today - timedelta(days=ago) if ago is not None else None
        contacts[name] = recorder.add_contact(
            name, company=company, tier=tier, how_we_know=how, support=support, last_contact=last
        )
    for ago, name, note in NETWORKING:
        clock.at(today - timedelta(days=ago), hour=18)
        recorder.log(ActivityKind.NETWORK, note, contact_id=contacts[name].id)


def _record_interviews(
    recorder: Recorder, clock: _StepClock, today: date, applications: dict[str, Application]
) -> None:
    for company, offset, hour, kind, people, debrief in INTERVIEWS:
        day = today + timedelta(days=offset)
        clock.at(min(day - timedelta(days=3), today - timedelta(days=1)), hour=9)  # booked ahead
        at = datetime(day.year, day.month, day.day, hour, tzinfo=DEMO_ZONE)
        interview = recorder.schedule_interview(applications[company].id, at, kind=kind, people=people)
        if debrief is None:
            continue
        questions, rating, well, change = debrief
        clock.at(day, hour=hour + 2)
        recorder.debrief_interview(
            interview.id, questions=parse_questions(questions), rating=rating, went_well=well, change=change
        )


def _record_the_quill_comeback(recorder: Recorder, clock: _StepClock, today: date, quill: Application) -> None:
    """The rejection flow, as a person would have gone through it after the no from Quill Labs."""
    rejected = recorder.store.load().application(quill.id)
    assert rejected is not None
    change = rejected.moved_to(Stage.REJECTED)
    assert change is not None
    clock.at(change.day, hour=16)
    recorder.record_rejection(quill.id, RejectionReason.SKILLS)
    recorder.log(ActivityKind.FOLLOW_UP, "asked Quill Labs for feedback", application_id=quill.id)
    recorder.add_learning_goals(
        [text for text, _ in LEARNING_GOALS], application_id=quill.id, source=LEARNING_GOALS[0][1]
    )
    recorder.keep_bridge(
        quill.id,
        contact_name="Mina Park",
        reconnect_on=change.day + timedelta(days=90),
        reapply_after=change.day + relativedelta(months=6),
    )
    clock.at(change.day + timedelta(days=2), hour=11)
    recorder.record_feedback(quill.id, QUILL_FEEDBACK)
    for ago, text in WINS:
        clock.at(today - timedelta(days=ago), hour=20)
        recorder.add_win(text)


if __name__ == "__main__":
    build_demo(Path(sys.argv[1]) if len(sys.argv) > 1 else data_dir() / DEMO_FILE)
