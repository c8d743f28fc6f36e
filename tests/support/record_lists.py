"""A fortnight of a search with one or more records of every kind, for the lists opened from Your records (e).

The FakeClock's day is Sunday 15 March 2026; every record is placed relative to it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from tests.support.clock import ZONE
from tui.core.models import (
    ActivityKind,
    Application,
    Contact,
    Interview,
    InterviewKind,
    LearningGoal,
    Reflection,
    RestDay,
    Tier,
    Win,
)
from tui.recording import Recorder

SUNDAY = date(2026, 3, 15)  # the FakeClock's day
SATURDAY = SUNDAY - timedelta(days=1)
FRIDAY = SUNDAY - timedelta(days=2)


@dataclass(frozen=True)
class Fortnight:
    """What `record_a_fortnight` recorded, to find again in a test."""

    hooli: Application
    acme: Application
    dana: Contact
    phone_screen: Interview  # Hooli, held on Tuesday
    technical: Interview  # Hooli, on Tuesday next
    called_off: Interview  # Acme, cancelled
    goal: LearningGoal  # open
    closed_goal: LearningGoal
    win: Win
    reflection: Reflection  # Saturday's
    rest_ahead: RestDay  # Saturday next
    rest_taken: RestDay  # Friday


def record_a_fortnight(recorder: Recorder) -> Fortnight:
    hooli = recorder.add_application("Hooli", "Site Reliability Engineer", on=SUNDAY - timedelta(days=12))
    acme = recorder.add_application("Acme", "Data Engineer", on=SUNDAY - timedelta(days=8))
    dana = recorder.add_contact("Dana Reyes", company="Initech", tier=Tier.A, support=True)
    recorder.log(ActivityKind.NETWORK, "coffee with Dana, asked about her team", on=SATURDAY, contact_id=dana.id)
    recorder.log(ActivityKind.FOLLOW_UP, "emailed the recruiter", on=SATURDAY, application_id=hooli.id)
    recorder.log(ActivityKind.LEARN, "SQL window functions, chapter 4", on=FRIDAY)
    phone_screen = recorder.schedule_interview(
        hooli.id, datetime(2026, 3, 10, 10, 0, tzinfo=ZONE), kind=InterviewKind.PHONE, people=["Sam Lee"]
    )
    technical = recorder.schedule_interview(
        hooli.id,
        datetime(2026, 3, 17, 14, 30, tzinfo=ZONE),
        kind=InterviewKind.TECHNICAL,
        people=["Priya Shah", "Lee Park"],
    )
    acme_phone = recorder.schedule_interview(
        acme.id, datetime(2026, 3, 18, 9, 0, tzinfo=ZONE), kind=InterviewKind.PHONE, people=["Ana Ruiz"]
    )
    called_off = recorder.cancel_interview(acme_phone.id)
    win = recorder.add_win("cut the build time from 20 to 6 minutes", on=FRIDAY)
    closed_goal, goal = recorder.add_learning_goals(
        ["Kubernetes networking", "system design: rate limiters"], application_id=hooli.id, source="added by hand"
    )
    closed_goal = recorder.edit(LearningGoal, closed_goal.id, closed_on=FRIDAY)
    reflection = recorder.write_reflection(
        SATURDAY,
        "What gave you energy today?",
        "Coffee with Dana. She thinks the team would suit me.\nFollow up with Hooli on Monday.",
    )
    rest_taken = recorder.plan_rest(FRIDAY - timedelta(days=4), "a long weekend away")
    rest_ahead = recorder.plan_rest(SUNDAY + timedelta(days=6), "family visit")
    return Fortnight(
        hooli=hooli,
        acme=acme,
        dana=dana,
        phone_screen=phone_screen,
        technical=technical,
        called_off=called_off,
        goal=goal,
        closed_goal=closed_goal,
        win=win,
        reflection=reflection,
        rest_ahead=rest_ahead,
        rest_taken=rest_taken,
    )
