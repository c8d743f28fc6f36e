"""Hand-made searches for the insight, report and review tests: records on given days."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, time
from zoneinfo import ZoneInfo

from tests.support.clock import FakeClock
from tui.core.models import (
    Activity,
    ActivityKind,
    Application,
    ApplicationKind,
    Contact,
    Interview,
    InterviewKind,
    LearningGoal,
    Record,
    RejectionReason,
    Settings,
    Stage,
    StageChange,
    Win,
)
from tui.core.search import JobSearch
from tui.recording import Recorder
from tui.store import Store


def a_month_of_searching(store: Store, clock: FakeClock) -> None:
    recorder = Recorder(store, clock)
    for company, role, day in [
        ("Quill Labs", "Senior Data Engineer", date(2026, 2, 16)),
        ("Acme", "Data Engineer", date(2026, 2, 18)),
        ("Globex", "Senior Backend Engineer", date(2026, 2, 25)),
        ("Initech", "Analytics Engineer", date(2026, 3, 3)),
        ("Umbrella", "Senior Data Engineer", date(2026, 3, 10)),
    ]:
        recorder.add_application(company, role, on=day, source="LinkedIn" if company != "Acme" else "referral")
    quill = next(a for a in store.load().applications if a.company == "Quill Labs")
    acme = next(a for a in store.load().applications if a.company == "Acme")
    recorder.move_stage(quill.id, Stage.SCREENING, on=date(2026, 2, 23))
    recorder.move_stage(quill.id, Stage.REJECTED, on=date(2026, 3, 2), reason=RejectionReason.SKILLS)
    recorder.move_stage(acme.id, Stage.INTERVIEWING, on=date(2026, 2, 27), round=1)
    recorder.log(ActivityKind.NETWORK, "coffee with Dana", on=date(2026, 3, 12))


UTC = ZoneInfo("UTC")


TODAY = date(2026, 3, 15)  # a Sunday


STAMP = datetime(2026, 1, 1, 9, 0, tzinfo=UTC)


SETTINGS = Settings(created_at=STAMP, updated_at=STAMP)


def noon(day: date) -> datetime:
    return datetime.combine(day, time(12), UTC)


def application(
    company: str,
    role: str,
    applied_on: date | None,
    moves: Sequence[tuple[Stage, date]] = (),
    source: str = "LinkedIn",
    kind: ApplicationKind = ApplicationKind.FULL_TIME,
    undated: tuple[Stage, ...] = (),
    stage: Stage | None = None,
) -> Application:
    """An application applied on `applied_on`, then moved through `moves`; its stage is the last move's.

    A move whose stage is in `undated` was imported without a day, so it carries the application's day.
    """
    history = [StageChange(stage=Stage.APPLIED, at=noon(applied_on), day=applied_on)] if applied_on else []
    for moved_to, day in moves:
        if moved_to in undated and applied_on is not None:
            history.append(StageChange(stage=moved_to, at=noon(applied_on), day=applied_on, undated=True))
        else:
            history.append(StageChange(stage=moved_to, at=noon(day), day=day))
    current = stage or (history[-1].stage if history else Stage.APPLIED)
    return Application(
        company=company,
        role=role,
        applied_on=applied_on,
        stage=current,
        stage_history=history,
        source=source,
        kind=kind,
        created_at=STAMP,
        updated_at=STAMP,
    )


def interview(
    app: Application,
    day: date,
    round: int = 1,
    rating: int | None = None,
    kind: InterviewKind = InterviewKind.TECHNICAL,
) -> Interview:
    return Interview(
        application_id=app.id,
        at=datetime.combine(day, time(15), UTC),
        timezone="UTC",
        day=day,
        round=round,
        kind=kind,
        rating=rating,
        created_at=STAMP,
        updated_at=STAMP,
    )


def activity(kind: ActivityKind, day: date, note: str = "") -> Activity:
    return Activity(
        kind=kind, at=noon(day), timezone="UTC", logical_day=day, note=note, created_at=noon(day), updated_at=noon(day)
    )


def search_of(*records: Record, settings: Settings = SETTINGS) -> JobSearch:
    return JobSearch(
        settings=settings,
        applications=tuple(r for r in records if isinstance(r, Application)),
        activities=tuple(r for r in records if isinstance(r, Activity)),
        interviews=tuple(r for r in records if isinstance(r, Interview)),
        contacts=tuple(r for r in records if isinstance(r, Contact)),
        learning_goals=tuple(r for r in records if isinstance(r, LearningGoal)),
        wins=tuple(r for r in records if isinstance(r, Win)),
    )


def d(month: int, day: int) -> date:
    return date(2026, month, day)


def realistic_records() -> list[Record]:
    """Two and a half months of a backend engineer's search: seven sent, one saved, a few interviews."""
    quill = application(
        "Quill Labs",
        "Senior Backend Engineer",
        d(2, 2),
        [(Stage.SCREENING, d(2, 6)), (Stage.INTERVIEWING, d(2, 12)), (Stage.REJECTED, d(2, 20))],
    )
    northwind = application(
        "Northwind", "Sr. Backend Engineer", d(2, 9), [(Stage.REJECTED, d(2, 19))], source="linkedin"
    )
    bluebird = application(
        "Bluebird Data",
        "Data Engineer",
        d(2, 16),
        [(Stage.SCREENING, d(2, 23)), (Stage.INTERVIEWING, d(3, 2)), (Stage.OFFER, d(3, 10))],
        source="Referral",
        kind=ApplicationKind.CONTRACT,
    )
    harbor = application("Harbor & Co", "Frontend Developer", d(1, 5), [(Stage.GHOSTED, d(2, 4))], source="")
    atlas = application("Atlas", "Staff Engineer", d(3, 9), source="LinkedIn ")
    cobalt = application(
        "Cobalt",
        "Backend Engineer",
        d(1, 12),
        [(Stage.SCREENING, d(1, 14)), (Stage.WITHDRAWN, d(1, 30))],
        source="Company site",
        undated=(Stage.SCREENING,),
    )
    evergreen = application(
        "Evergreen",
        "ML Engineer",
        d(1, 20),
        [
            (Stage.SCREENING, d(1, 22)),
            (Stage.INTERVIEWING, d(1, 28)),
            (Stage.OFFER, d(2, 10)),
            (Stage.ACCEPTED, d(2, 14)),
        ],
        source="Referral",
    )
    delta = application("Delta Freight", "Senior Backend Engineer", None, stage=Stage.SAVED)
    return [
        quill,
        northwind,
        bluebird,
        harbor,
        atlas,
        cobalt,
        evergreen,
        delta,
        interview(quill, d(2, 12), rating=3),
        interview(bluebird, d(3, 2), rating=4),
        interview(bluebird, d(3, 18), round=2, kind=InterviewKind.ON_SITE),  # booked, not yet held
        interview(evergreen, d(1, 28), rating=5, kind=InterviewKind.PANEL),
        activity(ActivityKind.APPLY, d(2, 10)),  # before the window of four weeks
        activity(ActivityKind.APPLY, d(2, 17)),
        activity(ActivityKind.LEARN, d(2, 18)),
        activity(ActivityKind.NETWORK, d(3, 10)),
        activity(ActivityKind.APPLY, d(3, 14)),
    ]


def realistic_search() -> JobSearch:
    return search_of(*realistic_records())
