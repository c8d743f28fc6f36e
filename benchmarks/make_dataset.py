"""A deterministic, realistic database of years of heavy use, written through nextyes's own store.

    .venv/bin/python benchmarks/make_dataset.py (--years N | --days N) --out PATH [--end DAY] [--seed S] [--force]

Each year holds about 800 applications with their stage histories, 4,000 activities, 360 reflections,
160 contacts and 120 interviews, plus rest days, wins, learning goals and marks on today's actions.
The data covers the N years (or N days) ending on --end (default today); its last weeks leave applications waiting
and interviews ahead, and a streak alive, so the app's "today" has something to show. Every timestamp
is made up from the synthetic days, never read from the wall clock: the same arguments give the same bytes.

Other scripts call `write_dataset` (`from make_dataset import write_dataset`, with benchmarks/ on sys.path).
"""

from __future__ import annotations

import argparse
import random
import sys
import time
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from dateutil.relativedelta import relativedelta

from tui.core.days import logical_day
from tui.core.models import (
    DEFAULT_RECONNECT_DAYS,
    ActionMark,
    Activity,
    ActivityKind,
    Application,
    ApplicationKind,
    Contact,
    Interview,
    InterviewKind,
    LearningGoal,
    Mark,
    Question,
    Record,
    Reflection,
    RejectionReason,
    RestDay,
    Settings,
    Stage,
    StageChange,
    Tier,
    Win,
)
from tui.recording import STAGE_ACTIVITY, wins_for_move
from tui.store import Store
from tui.store.database import TABLES, count_records

ZONE = ZoneInfo("UTC")
ROLLOVER_HOUR = 4
DEFAULT_SEED = 20260315
DAY = timedelta(days=1)

# The vocabularies the data is drawn from. Weighted ones are (value, weight) pairs.
# fmt: off
COMPANY_NAMES = (
    "Amberline", "Birchway", "Cobalt Ridge", "Driftwood", "Emberfield", "Fernhill", "Glasswing", "Harborlight",
    "Ironbark", "Juniper", "Kestrel", "Larkspur", "Mossgate", "Nettlebrook", "Oakhollow", "Pinecrest",
    "Quarrystone", "Redfern", "Saltmarsh", "Thistle", "Umberton", "Valewood", "Willowmere", "Yarrow",
    "Zephyr Point", "Alderbank", "Brackenford", "Copperleaf", "Dunmore", "Eastwick",
)
# fmt: on
# fmt: off
COMPANY_TRADES = (
    "Analytics", "Health", "Logistics", "Labs", "Robotics", "Insurance", "Media", "Energy", "Software",
    "Bank", "Learning", "Retail", "Games", "Travel",
)
# fmt: on
# fmt: off
ROLES = (
    "Backend Engineer", "Data Engineer", "Platform Engineer", "Python Developer", "Site Reliability Engineer",
    "Analytics Engineer", "Machine Learning Engineer", "Full-Stack Developer", "Software Engineer",
    "DevOps Engineer", "Data Analyst", "API Developer", "Infrastructure Engineer", "QA Automation Engineer",
    "Developer Advocate", "Solutions Engineer",
)
# fmt: on
SENIORITY = (("", 50), ("Senior ", 35), ("Staff ", 8), ("Lead ", 7))
# fmt: off
SOURCES = (
    ("LinkedIn", 30), ("job board", 22), ("company site", 18), ("recruiter", 10), ("referral", 9),
    ("former colleague", 4), ("newsletter", 4), ("meetup", 3),
)
# fmt: on
KINDS = (
    (ApplicationKind.FULL_TIME, 80),
    (ApplicationKind.CONTRACT, 13),
    (ApplicationKind.FREELANCE, 5),
    (ApplicationKind.OTHER, 2),
)
# fmt: off
LOCATIONS = (
    "Remote", "Remote (EU)", "Berlin", "Lisbon", "Amsterdam (hybrid)", "London", "Dublin", "Toronto", "Austin",
    "Madrid", "",
)
# fmt: on
TAGS = ("python", "remote", "data", "startup", "fintech", "climate", "health", "dream job", "long shot", "contract")
APPLICATION_NOTES = (
    "Tailored the resume to their stack.",
    "Salary range listed; fits.",
    "Small team, sounds like real ownership.",
    "Cover letter mentions the migration project.",
    "Found through their engineering blog.",
)
# fmt: off
FIRST_NAMES = (
    "Ada", "Bruno", "Chiara", "Dev", "Elif", "Farid", "Greta", "Hugo", "Ines", "Jonas", "Keiko", "Luca", "Maya",
    "Nikhil", "Olga", "Pablo", "Quinn", "Rosa", "Sami", "Tomas", "Uma", "Viktor", "Wen", "Ximena", "Yusuf",
    "Zara", "Anouk", "Bilal", "Carmen", "Dario",
)
# fmt: on
# fmt: off
LAST_NAMES = (
    "Abbott", "Brandt", "Castillo", "Duarte", "Eriksen", "Fontaine", "Gallo", "Haddad", "Ibsen", "Jansen",
    "Kowalski", "Lindqvist", "Moreau", "Nakamura", "Okafor", "Petrov", "Quispe", "Rinaldi", "Sato", "Tanaka",
    "Urbano", "Varga", "Weber", "Xu", "Yilmaz", "Zielinski", "Almeida", "Bakker", "Costa", "Dubois",
)
# fmt: on
TIERS = ((Tier.A, 15), (Tier.B, 45), (Tier.C, 40))
KEEP_IN_TOUCH = {Tier.A: 0.75, Tier.B: 0.55, Tier.C: 0.4}  # the chance each reconnect is followed by another
# fmt: off
HOW_WE_KNOW = (
    "former colleague", "met at a meetup", "bootcamp classmate", "a recruiter I trust", "friend of a friend",
    "my old team lead", "met after a conference talk", "from the online community", "studied together",
    "worked on an open-source project together",
)
# fmt: on
# fmt: off
PROMPTS = (
    "What went well today, however small?", "What did today's no teach you?",
    "Which part of the interview would you answer differently?", "What are you proudest of this week?",
    "Which roles felt like a fit, and why?", "What is one thing to try tomorrow?",
    "Who could you ask for help this week?", "What drained your energy today, and what gave it back?",
    "Which skill came up more than once lately?", "What do you value most in your next job?",
)
# fmt: on
# fmt: off
REFLECTION_LINES = (
    "Sent the applications I planned, and one I almost skipped.", "The recruiter call went better than I feared.",
    "Rejections sting less when I look at the whole week.", "I keep underselling the migration project.",
    "Short on energy today, but I did the one thing.", "Data roles keep answering; platform roles stay silent.",
    "Asking for feedback felt awkward, and it was worth it.", "Tomorrow: one referral request before anything else.",
    "A walk at lunch helped more than another job board.", "I want a team that writes things down.",
    "My system design answers need a clearer structure.", "Good conversation with an old colleague.",
    "Three follow-ups sent; one reply already.", "I noticed I apply faster when the role is a real fit.",
    "Practised the intro out loud until it felt natural.", "It was a quiet day and that is fine.",
)
# fmt: on
# fmt: off
QUESTIONS = (
    "Tell me about yourself.", "Walk me through a system you designed end to end.",
    "How would you design a rate limiter?", "Describe a conflict with a teammate and how it ended.",
    "What happens when you type a URL into a browser?", "How do you decide what to test?",
    "Tell me about a project that failed.", "How would you model a booking system?",
    "Why do you want to work here?", "How do you handle an incident at 3 a.m.?",
    "Explain an index to someone new to databases.", "What is the hardest bug you have fixed?",
    "How do you review a pull request?", "Where do you see yourself in three years?",
    "Design a URL shortener.", "How would you speed up a slow SQL query?",
    "Tell me about a time you changed your mind.", "How do you mentor someone junior?",
    "What are your salary expectations?", "How would you migrate a monolith to services?",
    "Write a function that merges overlapping intervals.", "How do you keep a data pipeline idempotent?",
    "What does a good on-call rotation look like?", "Tell me about a decision you made with little data.",
)
# fmt: on
# fmt: off
ANSWER_NOTES = (
    "used the migration story; ran long", "STAR format, clear result", "blanked on the numbers at first",
    "drew the diagram early, which helped", "honest about what I did not know", "good, but no metrics",
    "rambled; practise the short version", "they nodded a lot", "solid, finished with time to spare", "",
)
# fmt: on
# fmt: off
WENT_WELL = (
    "Clear structure on the design question", "Good rapport with the hiring manager", "Asked sharp questions",
    "Stayed calm when stuck", "Had numbers ready for every story", "Finished the exercise with tests",
)
# fmt: on
DO_DIFFERENTLY = (
    "Start with the requirements before the boxes",
    "Shorter answers, then offer detail",
    "Prepare a question about their roadmap",
    "Rest more the night before",
    "Say the trade-offs out loud",
    "Bring the salary number ready",
)
INTERVIEW_NOTES = ("Video call; camera on.", "Bring the portfolio link.", "Two people, one silent.", "")
REJECTION_NOTES = ("form email", "", "", "position filled internally", "after the recruiter call", "by phone")
EARLY_REASONS = ((None, 10), (RejectionReason.UNKNOWN, 50), (RejectionReason.SKILLS, 20), (RejectionReason.FIT, 20))
LATE_REASONS = (
    (RejectionReason.INTERVIEW, 35),
    (RejectionReason.FIT, 25),
    (RejectionReason.SKILLS, 25),
    (RejectionReason.UNKNOWN, 15),
)
FEEDBACK = (
    "Strong fundamentals; another candidate had more Kubernetes experience.",
    "The design round lacked depth on failure cases.",
    "They wanted someone who had led a team before.",
    "Good culture fit, but the take-home missed the edge cases.",
    "Answers were long; hard to follow the thread.",
    "They went with an internal candidate; would like to stay in touch.",
)
# fmt: off
SKILLS = (
    "System design: caching and queues", "SQL window functions", "Telling the migration story in two minutes",
    "Kubernetes basics", "Testing async code", "The salary conversation", "Failure modes in distributed systems",
    "Leading a project review", "Data modelling for analytics", "Terraform modules",
)
# fmt: on
# fmt: off
NETWORK_NOTES = (
    "went to the Python meetup", "coffee chat with a former colleague", "joined a community call",
    "commented on a friend's launch post", "asked for an intro in the alumni group", "helped someone in a forum",
)
# fmt: on
CONTACT_NOTES = ("coffee with {first}", "call with {first}", "sent {first} an article", "lunch with {first}")
# fmt: off
LEARN_NOTES = (
    "a chapter of a system design book", "SQL practice: window functions", "course module on containers",
    "read about event sourcing", "built a small CLI to learn a library", "watched a conference talk on queues",
)
# fmt: on
PREP_NOTES = (
    "practised the two-minute intro",
    "mock interview with a friend",
    "reviewed my STAR stories",
    "researched companies on the shortlist",
    "timed myself on a coding exercise",
)
# fmt: off
OTHER_NOTES = (
    "updated my resume", "tidied the portfolio", "rewrote the LinkedIn headline", "sorted the job alerts",
    "cleaned up the spreadsheet of leads", "updated the cover letter template",
)
# fmt: on
WINS = (
    "Shipped a side project now used by {n} people",
    "Cut the test suite from {m} to {k} minutes",
    "Wrote a blog post read {n} times",
    "Mentored {k} people at the meetup",
    "Solved {m} SQL exercises this week",
    "Gave a lightning talk to {n} people",
)
REST_NOTES = ("family day", "a walk in the hills", "", "birthday", "resting after a busy week", "")


@dataclass
class Calendar:
    """Which days of the covered span are worked, rested or simply missed."""

    first: date
    end: date
    rest: set[date]
    gaps: set[date]
    next_active: dict[date, date] = field(default_factory=dict)

    def __post_init__(self) -> None:
        following: date | None = None
        for day in reversed(self.days()):
            if self.is_active(day):
                following = day
            if following is not None:
                self.next_active[day] = following

    def days(self) -> list[date]:
        return [self.first + DAY * offset for offset in range((self.end - self.first).days + 1)]

    def is_active(self, day: date) -> bool:
        return day not in self.rest and day not in self.gaps

    def recorded_on(self, day: date) -> date | None:
        """The day something happening on `day` gets recorded: the next worked day, or None after --end."""
        return self.next_active.get(max(day, self.first))


def plan_calendar(rng: random.Random, first: date, end: date) -> Calendar:
    """Mostly worked days; a rest day now and then (never two in a week), a missed day, and about
    a holiday a year. The last weeks miss nothing, so the streak is alive at --end, which is worked."""
    unbroken_from = end - DAY * (rng.randint(45, 150) - 1)
    rest: set[date] = set()
    gaps: set[date] = set()
    rested_weeks: set[tuple[int, int]] = set()
    day = first
    while day < end:
        week = day.isocalendar()[:2]
        if day in gaps:
            pass
        elif day < unbroken_from and rng.random() < 0.0025:
            gaps.update(day + DAY * offset for offset in range(rng.randint(4, 8)))
        elif day < unbroken_from and rng.random() < 0.015:
            gaps.add(day)
        elif week not in rested_weeks and rng.random() < (0.2 if day.weekday() >= 5 else 0.02):
            rest.add(day)
            rested_weeks.add(week)
        day += DAY
    gaps = {d for d in gaps if d < unbroken_from}
    return Calendar(first, end, rest, gaps)


@dataclass
class Draft:
    """An application while its story is told: the record is made once the story ends."""

    id: uuid.UUID
    company: str
    role: str
    applied_on: date
    history: list[StageChange]
    updated_at: datetime
    fields: dict[str, object] = field(default_factory=dict)

    @property
    def stage(self) -> Stage:
        return self.history[-1].stage

    @property
    def named(self) -> str:
        return f"{self.company} ({self.role})"


class DatasetWriter:
    """Tells the story of a long, busy search day by day and collects the records it leaves."""

    def __init__(self, rng: random.Random, calendar: Calendar, now: datetime) -> None:
        self.rng = rng
        self.calendar = calendar
        self.end = calendar.end
        self.now = now
        self.records: list[Record] = []
        self.contacts: list[Contact] = []
        self.companies = [f"{name} {trade}" for name in COMPANY_NAMES for trade in COMPANY_TRADES]

    # Small pieces every story uses.

    def new_id(self) -> uuid.UUID:
        return uuid.UUID(int=self.rng.getrandbits(128), version=4)

    def pick(self, weighted: Sequence[tuple[object, int]]) -> object:
        values, weights = zip(*weighted, strict=True)
        return self.rng.choices(values, weights)[0]

    def stamp(self, day: date, after: datetime | None = None, earliest: int = 8, latest: int = 22) -> datetime:
        """A moment on `day` after `after`; on the last day only in the morning, before the fake clock's now."""
        if day == self.end:
            earliest, latest = 5, 8
        at = datetime(day.year, day.month, day.day, earliest, tzinfo=UTC)
        at += timedelta(seconds=self.rng.randrange((latest - earliest) * 3600))
        if after is not None and at <= after:
            at = after + timedelta(seconds=self.rng.randint(60, 1800))
        return min(at, self.now)

    def add(self, record: Record) -> None:
        self.records.append(record)

    def activity(
        self,
        kind: ActivityKind,
        at: datetime,
        note: str,
        application_id: uuid.UUID | None = None,
        contact_id: uuid.UUID | None = None,
        day: date | None = None,
    ) -> None:
        self.add(
            Activity(
                id=self.new_id(),
                kind=kind,
                at=at,
                timezone=ZONE.key,
                logical_day=day or day_of(at),
                note=note,
                application_id=application_id,
                contact_id=contact_id,
                created_at=at,
                updated_at=at,
            )
        )

    def mark(self, key: str, mark: Mark, at: datetime, until: date | None = None) -> None:
        self.add(
            ActionMark(id=self.new_id(), key=key, mark=mark, day=day_of(at), until=until, created_at=at, updated_at=at)
        )

    def win(self, day: date, text: str, at: datetime, application_id: uuid.UUID | None = None, key: str = "") -> None:
        self.add(
            Win(
                id=self.new_id(),
                day=day,
                text=text,
                application_id=application_id,
                key=key,
                created_at=at,
                updated_at=at,
            )
        )

    # The days.

    def write_days(self) -> None:
        for day in self.calendar.days():
            if day in self.calendar.rest:
                self.rest_day(day)
            elif self.calendar.is_active(day):
                self.worked_day(day)

    def rest_day(self, day: date) -> None:
        """A planned day off, planned the evening before; a few get a reflection all the same."""
        planned = self.stamp(day - DAY, earliest=19, latest=23)
        self.add(
            RestDay(id=self.new_id(), day=day, note=self.rng.choice(REST_NOTES), created_at=planned, updated_at=planned)
        )
        if self.rng.random() < 0.9:
            self.reflection(day)

    def worked_day(self, day: date) -> None:
        rng = self.rng
        last_day = day == self.end
        for _ in range(rng.choices((0, 1, 2, 3, 4, 5), (6, 20, 28, 22, 14, 10))[0] if not last_day else 2):
            self.send_application(day)
        if (self.end - day).days < 14 and rng.random() < 0.2:
            self.save_for_later(day)
        if rng.random() < 0.42:
            self.new_contact(day)
        if rng.random() < 0.4:
            self.general_networking(day)
        for chance, kind, notes in (
            (0.45, ActivityKind.LEARN, LEARN_NOTES),
            (0.25, ActivityKind.PREP, PREP_NOTES),
            (0.3, ActivityKind.OTHER, OTHER_NOTES),
        ):
            if rng.random() < chance:
                self.activity(kind, self.stamp(day), rng.choice(notes))
        if rng.random() < 0.07:
            self.manual_win(day)
        if rng.random() < 0.03:
            self.learning_goal(day, rng.choice(SKILLS), "")
        if not last_day and rng.random() < 0.995:
            self.reflection(day)

    def reflection(self, day: date) -> None:
        at = self.stamp(day, earliest=19, latest=23)
        lines = self.rng.sample(REFLECTION_LINES, self.rng.randint(1, 3))
        self.add(
            Reflection(
                id=self.new_id(),
                day=day,
                prompt=self.rng.choice(PROMPTS),
                text=" ".join(lines),
                created_at=at,
                updated_at=at,
            )
        )
        self.activity(ActivityKind.REFLECT, at, "wrote the day's reflection", day=day)

    def manual_win(self, day: date) -> None:
        numbers = {"n": self.rng.randint(40, 900), "m": self.rng.randint(12, 40), "k": self.rng.randint(2, 9)}
        self.win(day, self.rng.choice(WINS).format(**numbers), self.stamp(day))

    def general_networking(self, day: date) -> None:
        at = self.stamp(day)
        if self.contacts and self.rng.random() < 0.5:
            contact = self.rng.choice(self.contacts)
            note = self.rng.choice(CONTACT_NOTES).format(first=contact.name.split()[0])
            self.activity(ActivityKind.NETWORK, at, note, contact_id=contact.id)
        else:
            self.activity(ActivityKind.NETWORK, at, self.rng.choice(NETWORK_NOTES))

    # Contacts and learning goals.

    def new_contact(
        self,
        day: date,
        *,
        company: str | None = None,
        how_we_know: str | None = None,
        reconnect_on: date | None = None,
        application_id: uuid.UUID | None = None,
    ) -> None:
        """Someone met on `day`; they stay in touch for a while, at about their tier's pace."""
        rng = self.rng
        tier: Tier = self.pick(TIERS)
        at = self.stamp(day)
        contact = Contact(
            id=self.new_id(),
            name=f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}",
            company=company if company is not None else (rng.choice(self.companies) if rng.random() < 0.7 else ""),
            how_we_know=how_we_know if how_we_know is not None else rng.choice(HOW_WE_KNOW),
            tier=tier,
            support=tier is Tier.A and rng.random() < 0.3,
            reconnect_on=reconnect_on,
            application_ids=[application_id] if application_id else [],
            created_at=at,
            updated_at=at,
        )
        self.add(contact)
        self.contacts.append(contact)
        if reconnect_on is None:
            self.activity(ActivityKind.NETWORK, at, f"met {contact.name}", contact_id=contact.id)
        self.keep_in_touch(contact, day)

    def keep_in_touch(self, contact: Contact, met: date) -> None:
        cadence = DEFAULT_RECONNECT_DAYS[contact.tier]
        last, due = met, contact.reconnect_on
        while due is not None or self.rng.random() < KEEP_IN_TOUCH[contact.tier]:
            due = due or last + DAY * cadence
            done = self.calendar.recorded_on(due + DAY * self.rng.randint(-3, 14))
            if done is None:
                return
            at = self.stamp(done)
            at_company = f" ({contact.company})" if contact.company else ""
            if done >= due and self.rng.random() < 0.6:
                self.mark(f"reconnect:{contact.id.hex}:{due.isoformat()}", Mark.DONE, at)
                note = f"Reconnect with {contact.name}{at_company}"
            else:
                note = self.rng.choice(CONTACT_NOTES).format(first=contact.name.split()[0])
            self.activity(ActivityKind.NETWORK, at, note, contact_id=contact.id)
            last, due = done, None

    def learning_goal(
        self, day: date, text: str, source: str, application_id: uuid.UUID | None = None, after: datetime | None = None
    ) -> None:
        """A skill worked on a few times in the weeks after, then closed (dismissed from today's actions)."""
        rng = self.rng
        at = self.stamp(day, after=after)
        goal_id = self.new_id()
        key = f"learn:{goal_id.hex}"
        closed_on = self.calendar.recorded_on(day + DAY * rng.randint(14, 90))
        sessions = {self.calendar.recorded_on(day + DAY * rng.randint(1, 60)) for _ in range(rng.randint(1, 5))}
        for session in sorted(d for d in sessions if d is not None):
            if closed_on is not None and session >= closed_on:
                break
            when = self.stamp(session)
            if rng.random() < 0.6:
                self.mark(key, Mark.DONE, when)
                self.activity(ActivityKind.LEARN, when, f"Work on: {text}", application_id=application_id)
            else:
                self.activity(ActivityKind.LEARN, when, rng.choice(LEARN_NOTES))
        updated_at = at
        if closed_on is not None:
            updated_at = self.stamp(closed_on, after=at)
            self.mark(key, Mark.DISMISSED, updated_at)
        self.add(
            LearningGoal(
                id=goal_id,
                text=text,
                application_id=application_id,
                source=source,
                closed_on=closed_on,
                created_at=at,
                updated_at=updated_at,
            )
        )

    # Applications, from sending to the end of their story.

    def save_for_later(self, day: date) -> None:
        at = self.stamp(day)
        self.add(
            Application(
                id=self.new_id(),
                company=self.rng.choice(self.companies),
                role=self.role(),
                stage=Stage.SAVED,
                stage_history=[StageChange(stage=Stage.SAVED, at=at, day=day_of(at))],
                created_at=at,
                updated_at=at,
            )
        )

    def role(self) -> str:
        return f"{self.pick(SENIORITY)}{self.rng.choice(ROLES)}"

    def send_application(self, day: date) -> None:
        rng = self.rng
        at = self.stamp(day)
        company = rng.choice(self.companies)
        draft = Draft(
            id=self.new_id(),
            company=company,
            role=self.role(),
            applied_on=day_of(at),
            history=[StageChange(stage=Stage.APPLIED, at=at, day=day_of(at))],
            updated_at=at,
        )
        source: str = self.pick(SOURCES)
        draft.fields = {
            "kind": self.pick(KINDS),
            "source": source,
            "url": f"https://jobs.example.com/{slug(company)}/{rng.randint(1000, 99999)}" if rng.random() < 0.6 else "",
            "location": rng.choice(LOCATIONS),
            "tags": rng.sample(TAGS, rng.choice((0, 0, 1, 1, 2))),
            "notes": rng.choice(APPLICATION_NOTES) if rng.random() < 0.25 else "",
        }
        self.activity(ActivityKind.APPLY, at, "", application_id=draft.id)
        if source == "referral" and self.contacts:
            contact = rng.choice(self.contacts[-60:])
            self.activity(
                ActivityKind.NETWORK,
                self.stamp(day, after=at),
                f"asked {contact.name} for a referral",
                application_id=draft.id,
                contact_id=contact.id,
            )
        self.tell(draft)
        self.add(self.finish(draft))

    def tell(self, draft: Draft) -> None:
        """Most end in silence or a no; about one in six gets a recruiter call, and some of those reach interviews."""
        roll = self.rng.random()
        applied = draft.applied_on
        if roll < 0.02:
            quit_on = applied + DAY * self.rng.randint(4, 20)
            last = self.follow_ups(draft, quit_on)
            if (day := self.calendar.recorded_on(max(quit_on, last))) is not None:
                self.move(draft, Stage.WITHDRAWN, day, "no longer a fit")
        elif roll < 0.47:
            last = self.follow_ups(draft, date.max)
            self.ghost(draft, last + DAY * self.rng.randint(30, 50))
        elif roll < 0.82:
            answer = applied + DAY * round(self.rng.triangular(2, 40, 9))
            self.follow_ups(draft, answer)
            if (day := self.calendar.recorded_on(answer)) is not None:
                self.reject(draft, day, EARLY_REASONS)
        else:
            answer = applied + DAY * self.rng.randint(3, 14)
            self.follow_ups(draft, answer)
            if (day := self.calendar.recorded_on(answer)) is None:
                return
            self.move(draft, Stage.SCREENING, day, self.rng.choice(("recruiter call booked", "")))
            if self.rng.random() < 0.55:
                if (no := self.calendar.recorded_on(day + DAY * self.rng.randint(2, 10))) is not None:
                    self.reject(draft, no, EARLY_REASONS)
            else:
                self.interviews(draft, day + DAY * self.rng.randint(1, 7))

    def follow_ups(self, draft: Draft, answered: date) -> date:
        """Up to two follow-ups a week apart while nothing is heard; returns the last day anything happened."""
        last = draft.applied_on
        for number, chance in ((1, 0.7), (2, 0.5)):
            due = last + DAY * 7
            day = self.calendar.recorded_on(due + DAY * self.rng.randint(0, 4))
            if day is None or day >= answered:
                break
            at = self.stamp(day)
            key = f"follow-up:{draft.id.hex}:{number}"
            if self.rng.random() > chance:
                if self.rng.random() < 0.6:  # let it go from today's actions rather than leave it waiting
                    self.mark(key, Mark.DISMISSED, at)
                break
            if self.rng.random() < 0.1 and day > due:
                self.mark(key, Mark.SNOOZED, self.stamp(due), until=day)
            if self.rng.random() < 0.6:
                self.mark(key, Mark.DONE, at)
                again = "again " if number > 1 else ""
                self.activity(ActivityKind.FOLLOW_UP, at, f"Follow up {again}with {draft.named}", draft.id)
            else:
                self.activity(ActivityKind.FOLLOW_UP, at, "followed up by email", draft.id)
            last = day
        return last

    def ghost(self, draft: Draft, noticed: date) -> None:
        day = self.calendar.recorded_on(noticed)
        if day is None:
            return
        if self.rng.random() < 0.75:  # from today's "ghosted?" action
            at = self.stamp(day, after=draft.updated_at)
            self.mark(f"ghosted:{draft.id.hex}", Mark.DONE, at)
            self.move(draft, Stage.GHOSTED, day, "no reply", at=at)
        else:
            self.move(draft, Stage.GHOSTED, day)

    def reject(self, draft: Draft, day: date, reasons: Sequence[tuple[object, int]]) -> None:
        """A no; then perhaps a feedback request, an answer with a skill to learn, and a bridge kept."""
        rng = self.rng
        draft.fields["rejection_reason"] = self.pick(reasons)
        said_no = self.move(draft, Stage.REJECTED, day, rng.choice(REJECTION_NOTES))
        asked = self.calendar.recorded_on(day + DAY * rng.randint(0, 2))
        if rng.random() < 0.3 and asked is not None and asked <= day + DAY * 2:
            at = self.stamp(asked, after=said_no)
            self.mark(f"feedback:{draft.id.hex}", Mark.DONE, at)
            self.activity(ActivityKind.FOLLOW_UP, at, f"Ask {draft.company} for feedback ({draft.role})", draft.id)
            if rng.random() < 0.35 and (heard := self.calendar.recorded_on(asked + DAY * rng.randint(3, 14))):
                draft.updated_at = self.stamp(heard, after=at)
                draft.fields["feedback"] = rng.choice(FEEDBACK)
                if rng.random() < 0.5:
                    self.learning_goal(
                        heard, rng.choice(SKILLS), f"feedback from {draft.company}", draft.id, after=draft.updated_at
                    )
        if rng.random() < 0.05:
            self.keep_bridge(draft, day)

    def keep_bridge(self, draft: Draft, said_no: date) -> None:
        day = self.calendar.recorded_on(said_no + DAY)
        if day is None:
            return
        self.new_contact(
            day,
            company=draft.company,
            how_we_know=f"met through the {draft.role} application",
            reconnect_on=said_no + DAY * 90,
            application_id=draft.id,
        )
        draft.fields["reapply_after"] = said_no + relativedelta(months=6)
        draft.updated_at = self.stamp(day, after=draft.updated_at)

    def interviews(self, draft: Draft, invited: date) -> None:
        """One to four rounds; an interview not yet held ends the story with the application interviewing."""
        rng = self.rng
        rounds = rng.choices((1, 2, 3, 4), (50, 30, 15, 5))[0]
        offer = rounds >= 2 and rng.random() < 0.22
        final_round = rounds if rounds >= 2 and (offer or rng.random() < 0.4) else None
        for number in range(1, rounds + 1):
            day = self.calendar.recorded_on(invited)
            if day is None:
                return
            at = self.stamp(day, after=draft.updated_at)
            held = weekday_on_or_after(day + DAY * rng.randint(2, 9))
            if held < self.end:
                held = self.calendar.recorded_on(held) or held
            interview = self.interview(draft, number, held, at)
            self.move(draft, Stage.INTERVIEWING, day, round=number, final=number == final_round, at=at)
            if held >= self.end:
                self.add(interview)
                return
            self.hold(draft, interview, day)
            invited = held + DAY * rng.randint(2, 12)
        day = self.calendar.recorded_on(invited)
        if day is None:
            return
        if not offer:
            self.reject(draft, day, LATE_REASONS)
            return
        self.move(draft, Stage.OFFER, day)
        decided = self.calendar.recorded_on(day + DAY * rng.randint(3, 10))
        if decided is None:
            return
        if rng.random() < 0.2:
            self.move(draft, Stage.ACCEPTED, decided, "a contract to bridge the gap")
        else:
            self.move(draft, Stage.WITHDRAWN, decided, "declined the offer")

    def interview(self, draft: Draft, number: int, day: date, scheduled: datetime) -> Interview:
        rng = self.rng
        kinds = (
            (InterviewKind.PHONE, InterviewKind.TECHNICAL)
            if number == 1
            else (InterviewKind.TECHNICAL, InterviewKind.ON_SITE, InterviewKind.PANEL, InterviewKind.OTHER)
        )
        people = [f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}" for _ in range(rng.randint(0, 3))]
        return Interview(
            id=self.new_id(),
            application_id=draft.id,
            at=datetime(day.year, day.month, day.day, rng.randint(10, 17), rng.choice((0, 30)), tzinfo=UTC),
            timezone=ZONE.key,
            day=day,
            round=number,
            kind=rng.choice(kinds),
            people=people,
            notes=rng.choice(INTERVIEW_NOTES),
            created_at=scheduled,
            updated_at=scheduled,
        )

    def hold(self, draft: Draft, interview: Interview, invited: date) -> None:
        """An interview held: prepared for, counted on its day, debriefed, and thanked for."""
        rng = self.rng
        day = interview.day
        what = f"{draft.company}: {interview.kind.value} interview, round {interview.round}"
        if rng.random() < 0.6:
            prep_day = max(invited, self.calendar.recorded_on(day - DAY) or day)
            at = self.stamp(prep_day, latest=9) if prep_day == day else self.stamp(prep_day)
            self.mark(f"prep:{interview.id.hex}", Mark.DONE, at)
            self.activity(ActivityKind.PREP, at, f"Prepare for the interview with {draft.named}", draft.id)
        over = interview.at + timedelta(hours=1)
        self.activity(ActivityKind.INTERVIEW, over, what, draft.id)
        debriefed = over + timedelta(minutes=rng.randint(20, 300))
        if rng.random() < 0.85:
            asked = rng.sample(QUESTIONS, rng.randint(2, 5))
            interview = interview.model_copy(
                update={
                    "questions": [
                        Question(text=q, answer=rng.choice(ANSWER_NOTES), rating=rng.randint(1, 5)) for q in asked
                    ],
                    "rating": rng.randint(1, 5),
                    "went_well": rng.choice(WENT_WELL),
                    "change": rng.choice(DO_DIFFERENTLY),
                    "updated_at": debriefed,
                }
            )
        self.add(interview)
        if rng.random() < 0.7:
            at = debriefed + timedelta(minutes=rng.randint(5, 90))
            self.mark(f"thank-you:{interview.id.hex}", Mark.DONE, at)
            with_whom = f"{interview.people[0]} at {draft.company}" if interview.people else draft.company
            self.activity(ActivityKind.FOLLOW_UP, at, f"Send a thank-you note to {with_whom}", draft.id)

    def move(
        self,
        draft: Draft,
        stage: Stage,
        day: date,
        note: str = "",
        *,
        round: int | None = None,
        final: bool = False,
        at: datetime | None = None,
    ) -> datetime:
        """A stage move as the recorder makes it: kept in the history, counted as an activity, wins added."""
        at = at or self.stamp(day, after=draft.updated_at)
        change = StageChange(stage=stage, at=at, day=day_of(at), note=note, round=round, final=final)
        draft.history.append(change)
        draft.updated_at = max(draft.updated_at, at)
        what = f"{stage.value}, round {round}" if round else stage.value
        self.activity(STAGE_ACTIVITY.get(stage, ActivityKind.OTHER), at, f"{draft.company}: {what}", draft.id)
        named = Application.model_construct(id=draft.id, company=draft.company, role=draft.role)
        for key, text, day in wins_for_move(named, change, [], at):  # every round here is reached as moved
            self.win(day, text, at, draft.id, key)
        return at

    def finish(self, draft: Draft) -> Application:
        return Application(
            id=draft.id,
            company=draft.company,
            role=draft.role,
            applied_on=draft.applied_on,
            stage=draft.stage,
            stage_history=draft.history,
            created_at=draft.history[0].at,
            updated_at=draft.updated_at,
            **draft.fields,
        )


def day_of(at: datetime) -> date:
    return logical_day(at, ZONE, ROLLOVER_HOUR)


def slug(name: str) -> str:
    return "-".join(name.lower().split())


def weekday_on_or_after(day: date) -> date:
    """Interviews fall on weekdays."""
    while day.weekday() >= 5:
        day += DAY
    return day


def first_day(years: int, end: date, days: int | None = None) -> date:
    """The first day of the `years` years, or of the `days` days, ending on `end` (`end` itself for none)."""
    if days is not None:
        return end - DAY * (days - 1) if days else end
    return end - relativedelta(years=years) + DAY if years else end


def write_dataset(
    path: Path, years: int, end: date, seed: int = DEFAULT_SEED, *, days: int | None = None
) -> dict[str, int]:
    """Write `years` years of heavy use (or `days` days, when given) ending on `end` to a new database at
    `path`; returns records per table.

    Refuses a file that already holds something (FileExistsError); an empty one is replaced.
    """
    path = Path(path)
    if path.exists():
        if path.stat().st_size:
            raise FileExistsError(f"{path} already exists; choose a new path")
        path.unlink()
    rng = random.Random(seed)
    begins = first_day(years, end, days)
    now = datetime(end.year, end.month, end.day, 9, 30, tzinfo=UTC)  # the fake clock: mid-morning of the last day
    opened = datetime(begins.year, begins.month, begins.day, 5, tzinfo=UTC)
    writer = DatasetWriter(rng, plan_calendar(rng, begins, end), now)
    if (days if days is not None else years) > 0:
        writer.write_days()
    with Store(path, lambda: now).transaction() as tx:
        tx.save_settings(Settings(id=writer.new_id(), timezone=ZONE.key, created_at=opened, updated_at=opened))
        tx.add_all(in_recorded_order(writer.records))
    return count_records(path)


def in_recorded_order(records: list[Record]) -> list[Record]:
    """Table by table, each in the order the records were made, as a person's file would hold them."""
    order = {model: index for index, model in enumerate(TABLES.values())}
    return sorted(records, key=lambda r: (order[type(r)], r.created_at, r.id.int))


def describe(counts: dict[str, int], size: int, seconds: float) -> str:
    tables = ", ".join(f"{count} {table.replace('_', ' ')}" for table, count in counts.items())
    written = f"{size / 1_000_000:.1f} MB" if size >= 100_000 else f"{size:,} bytes"
    return f"{tables}; {written} in {seconds:.1f} s"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    span = parser.add_mutually_exclusive_group(required=True)
    span.add_argument("--years", type=int, help="years of heavy use, 0 or more")
    span.add_argument("--days", type=int, help="days of heavy use, 0 or more (90: about three months)")
    parser.add_argument("--out", type=Path, required=True, help="the database file to write")
    parser.add_argument("--end", type=date.fromisoformat, default=None, help="the last day, YYYY-MM-DD (today)")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--force", action="store_true", help="replace a file already at --out")
    options = parser.parse_args(argv)
    if (options.years or 0) < 0 or (options.days or 0) < 0:
        parser.error("--years and --days must be 0 or more")
    out: Path = options.out
    if out.is_dir():
        print(f"{out} is a folder; name the database file to write", file=sys.stderr)
        return 2
    if out.exists() and out.stat().st_size and not options.force:
        print(f"{out} already exists; pass --force to replace it", file=sys.stderr)
        return 2
    out.unlink(missing_ok=True)
    began = time.perf_counter()
    counts = write_dataset(out, options.years or 0, options.end or date.today(), options.seed, days=options.days)
    print(describe(counts, out.stat().st_size, time.perf_counter() - began))
    return 0


if __name__ == "__main__":
    sys.exit(main())
