"""Insights: the funnel, how replies come and applications end, which kinds of roles say no, which résumé version
gets answers, offers against the salary advertised, and activity by week."""

from __future__ import annotations

import functools
import statistics
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from tui.core.models import REPLIED_STAGES, Application, Stage
from tui.core.offers import PayCheck, advertised_against_offered
from tui.core.rewards import week_start
from tui.core.safety import ROLE_ABBREVIATIONS, normalise
from tui.core.search import JobSearch

SMALL = 20  # below this many, a share is said as "3 of 4", never as a percentage
KEYWORDS_SHOWN = 12
NO_SOURCE = "no source"
NO_RESUME = "none named"
# Two résumé versions differ clearly when one's reply rate is at least CLEAR_FACTOR times the other's, each
# was sent at least CLEAR_MINIMUM times, and the better one has had at least 2 replies.
CLEAR_MINIMUM = 5
CLEAR_FACTOR = 2

# The stages on the way to an offer, nearest first: how far an application got before it ended.
REACH = (Stage.APPLIED, Stage.SCREENING, Stage.INTERVIEWING, Stage.OFFER)
ENDED_STAGES = (Stage.REJECTED, Stage.GHOSTED, Stage.WITHDRAWN)
# An offer counts as having interviewed, so the funnel never widens when one came without a logged round.
INTERVIEW_STAGES = frozenset({Stage.INTERVIEWING, Stage.OFFER, Stage.ACCEPTED})
OFFER_STAGES = frozenset({Stage.OFFER, Stage.ACCEPTED})

# Words that say nothing about a role: "Head of Data" is about "head" and "data".
STOP_WORDS = frozenset({"of", "and", "the", "a", "an", "for", "in", "at", "to", "with", "on", "or"})


@dataclass(frozen=True)
class Share:
    """`part` of `whole`, said plainly: a percentage only once there are enough to mean one."""

    part: int
    whole: int

    @property
    def rate(self) -> float | None:
        return self.part / self.whole if self.whole else None

    def __str__(self) -> str:
        if not self.whole:
            return "none yet"
        if self.whole < SMALL:
            return f"{self.part} of {self.whole}"
        return f"{percent(self.part / self.whole)} ({self.part} of {self.whole})"


def percent(rate: float) -> str:
    """'42%'; never '0%' for one of many, nor '100%' for all but one."""
    if 0 < rate < 0.005:
        return "<1%"
    if 0.995 <= rate < 1:
        return ">99%"
    return f"{rate:.0%}"


@dataclass(frozen=True)
class FunnelStep:
    label: str  # "Applied", "Any reply", "Interview", "Offer", "Accepted"
    count: int
    of_applied: Share
    of_previous: Share  # of the step before (Applied: of itself)


@dataclass(frozen=True)
class Breakdown:
    """How the applications under one label fared: a source, a kind of work, or a word in the role."""

    label: str
    applied: int
    replies: int
    interviews: int
    offers: int
    rejections: int
    ghosted: int

    @property
    def response(self) -> Share:
        return Share(self.replies, self.applied)

    @property
    def interview_rate(self) -> Share:
        return Share(self.interviews, self.applied)

    @property
    def rejection_rate(self) -> Share:
        return Share(self.rejections, self.applied)


@dataclass(frozen=True)
class EndRow:
    """Applications that ended after getting as far as `reached`, by how they ended."""

    reached: Stage  # applied, screening, interviewing or offer
    rejected: int
    ghosted: int
    withdrawn: int

    @property
    def total(self) -> int:
        return self.rejected + self.ghosted + self.withdrawn


@dataclass(frozen=True)
class WeekActivity:
    start: date  # the Monday
    count: int  # activities logged that week (by logical_day), up to today
    points: float  # their points per settings.points_for(kind)


@dataclass(frozen=True)
class Insights:
    today: date
    applied: int  # applications sent: every stage but saved, applied_on <= today (or None)
    saved: int
    pending: int
    funnel: tuple[FunnelStep, ...]
    response: Share  # replies of applied
    median_days_to_reply: float | None  # applied_on -> first move to a replied stage
    replies_timed: int  # how many replies that median is over
    endings: tuple[EndRow, ...]  # only rows with a non-zero count, in stage order
    rejections: int  # "no's so far"
    interviews: int  # Interview records held on or before today, for applications sent
    interviews_per_10: float | None  # interviews per 10 applications sent; None when none sent
    by_source: tuple[Breakdown, ...]  # most applications first, ties by label
    by_kind: tuple[Breakdown, ...]
    by_keyword: tuple[Breakdown, ...]  # role keywords shared by at least 2 applications, most first, at most 12
    by_resume: tuple[Breakdown, ...]  # each résumé version named, most sent first, then those with none named
    pay_checks: tuple[PayCheck, ...]  # offers held against the salary advertised, where both are known
    weekly: tuple[WeekActivity, ...]  # `weeks` weeks ending with today's week, oldest first, zeros included


@dataclass(frozen=True)
class _Reach:
    """How far one sent application got, each step implying the ones before it."""

    application: Application
    replied: bool
    interviewed: bool
    offered: bool
    accepted: bool


def build_insights(search: JobSearch, today: date, weeks: int = 26) -> Insights:
    """The search seen whole on `today`.

    Sent: every application but saved ones, applied on or before today (or on no recorded day).
    Saved applications count nowhere but `saved`.

    Each funnel step counts the sent applications that reached it or any step after it, so the funnel
    never widens:
    - Any reply: the current stage or any move in the history is in REPLIED_STAGES (a rejection is a
      reply; ghosted and withdrawn without a reply are not), or an interview was booked.
    - Interview: reached interviewing (in the history or now), or has an Interview record, or got an offer.
    - Offer: reached offer or accepted.  Accepted: the current stage is accepted.

    The median days to a reply runs from applied_on to the first move to a replied stage; applications
    without applied_on, and replies whose move was imported undated (or is dated before applying), are
    left out. Endings group rejected, ghosted and withdrawn applications by the furthest stage reached
    before the end, read from the history without the ending move; with no history before the end, an
    application reached applied.

    No's so far: sent applications that stand rejected. Interviews: Interview records of sent
    applications held on or before today (one booked for later is not counted yet).
    """
    sent = [a for a in search.applications if _sent(a, today)]
    with_interviews = {interview.application_id for interview in search.interviews if not interview.cancelled}
    reaches = [_reach(application, application.id in with_interviews) for application in sent]
    funnel = _funnel(reaches)
    reply_days = [days for application in sent if (days := _days_to_reply(application)) is not None]
    held = _interviews_held(search, sent, today)
    return Insights(
        today=today,
        applied=len(sent),
        saved=sum(1 for a in search.applications if a.stage is Stage.SAVED),
        pending=sum(1 for a in sent if a.stage.is_pending),
        funnel=funnel,
        response=funnel[1].of_applied,
        median_days_to_reply=float(statistics.median(reply_days)) if reply_days else None,
        replies_timed=len(reply_days),
        endings=_endings(sent),
        rejections=sum(1 for a in sent if a.stage is Stage.REJECTED),
        interviews=held,
        interviews_per_10=held * 10 / len(sent) if sent else None,
        by_source=_breakdowns(reaches, _source_labels(sent)),
        by_kind=_breakdowns(reaches, lambda application: [application.kind.value]),
        by_keyword=_keyword_breakdowns(reaches),
        by_resume=_resume_breakdowns(reaches),
        pay_checks=tuple(advertised_against_offered(sent)),
        weekly=_weekly(search, today, weeks),
    )


def resume_breakdowns(search: JobSearch, today: date) -> tuple[Breakdown, ...]:
    """How the applications sent up to `today` fared by the résumé version sent (see `build_insights`)."""
    sent = [a for a in search.applications if _sent(a, today)]
    with_interviews = {interview.application_id for interview in search.interviews if not interview.cancelled}
    return _resume_breakdowns([_reach(application, application.id in with_interviews) for application in sent])


def clearly_different(rows: Iterable[Breakdown]) -> tuple[Breakdown, Breakdown] | None:
    """The résumé versions getting replies most and least often, when the gap between them is clear; else None.

    Clear: each was sent at least `CLEAR_MINIMUM` times, the better has at least 2 replies, and its reply
    rate is at least `CLEAR_FACTOR` times the other's (any rate at all against none).
    """
    named = [row for row in rows if row.label != NO_RESUME and row.applied >= CLEAR_MINIMUM]
    if len(named) < 2:
        return None
    best = max(named, key=lambda row: (row.replies / row.applied, row.applied))
    worst = min(named, key=lambda row: (row.replies / row.applied, -row.applied))
    if best is worst or best.replies < 2:
        return None
    if best.replies * worst.applied < CLEAR_FACTOR * worst.replies * best.applied:
        return None
    return best, worst


@functools.lru_cache(maxsize=8192)  # a long search sends to the same few titles again and again
def role_keywords(role: str) -> frozenset[str]:
    """The words of a job title that say what the role is: 'Sr. Backend Engineer (ML)' -> senior, backend, engineer, ml.

    Lowercase; shorthand spelled out ('Sr.' -> 'senior', 'Jr.' -> 'junior'); punctuation, stop words
    ('of', 'and', 'the', 'for', 'in'…) and single letters dropped. Two-letter words like 'ML' and 'AI' stay.
    """
    words = (ROLE_ABBREVIATIONS.get(word, word) for word in normalise(role).split())
    return frozenset(word for word in words if len(word) > 1 and word not in STOP_WORDS)


def _sent(application: Application, today: date) -> bool:
    if application.stage is Stage.SAVED:
        return False
    return application.applied_on is None or application.applied_on <= today


def _reach(application: Application, has_interview: bool) -> _Reach:
    stages = {change.stage for change in application.stage_history} | {application.stage}
    accepted = application.stage is Stage.ACCEPTED
    offered = bool(stages & OFFER_STAGES)
    interviewed = has_interview or bool(stages & INTERVIEW_STAGES)
    replied = interviewed or bool(stages & REPLIED_STAGES)
    return _Reach(application, replied, interviewed, offered, accepted)


def _funnel(reaches: list[_Reach]) -> tuple[FunnelStep, ...]:
    counts = [
        ("Applied", len(reaches)),
        ("Any reply", sum(r.replied for r in reaches)),
        ("Interview", sum(r.interviewed for r in reaches)),
        ("Offer", sum(r.offered for r in reaches)),
        ("Accepted", sum(r.accepted for r in reaches)),
    ]
    applied = len(reaches)
    steps = []
    previous = applied
    for label, count in counts:
        steps.append(FunnelStep(label, count, Share(count, applied), Share(count, previous)))
        previous = count
    return tuple(steps)


def _days_to_reply(application: Application) -> int | None:
    """Days from applying to the first reply, when both days are known."""
    if application.applied_on is None:
        return None
    first = next((c for c in application.stage_history if c.stage in REPLIED_STAGES), None)
    if first is None or first.undated:
        return None
    days = (first.day - application.applied_on).days
    return days if days >= 0 else None


def _interviews_held(search: JobSearch, sent: list[Application], today: date) -> int:
    sent_ids = {application.id for application in sent}
    return sum(1 for i in search.interviews if i.application_id in sent_ids and i.day <= today and not i.cancelled)


def _endings(sent: list[Application]) -> tuple[EndRow, ...]:
    ended: Counter[tuple[Stage, Stage]] = Counter(
        (_reached_before_end(application), application.stage)
        for application in sent
        if application.stage in ENDED_STAGES
    )
    rows = (
        EndRow(reached, ended[reached, Stage.REJECTED], ended[reached, Stage.GHOSTED], ended[reached, Stage.WITHDRAWN])
        for reached in REACH
    )
    return tuple(row for row in rows if row.total)


def _reached_before_end(application: Application) -> Stage:
    """The furthest of applied, screening, interviewing and offer reached before the latest ending move."""
    history = application.stage_history
    ending = [index for index, change in enumerate(history) if change.stage is application.stage]
    before = history[: ending[-1]] if ending else history
    # An offer accepted and then withdrawn from got as far as an offer.
    steps = {Stage.OFFER if change.stage is Stage.ACCEPTED else change.stage for change in before}
    return max((stage for stage in REACH if stage in steps), key=REACH.index, default=Stage.APPLIED)


def _source_labels(sent: list[Application]) -> Callable[[Application], list[str]]:
    """Sources grouped whatever their case, each shown as it is most often written."""
    spellings: dict[str, Counter[str]] = defaultdict(Counter)
    for application in sent:
        spellings[_source_key(application.source)][application.source.strip()] += 1
    shown = {
        key: min(counter, key=lambda spelling: (-counter[spelling], spelling)) if key else NO_SOURCE
        for key, counter in spellings.items()
    }
    return lambda application: [shown[_source_key(application.source)]]


def _source_key(source: str) -> str:
    return " ".join(source.casefold().split())


def _breakdowns(reaches: Iterable[_Reach], labels: Callable[[Application], Iterable[str]]) -> tuple[Breakdown, ...]:
    grouped = _grouped(reaches, labels)
    rows = [_breakdown(label, members) for label, members in grouped.items()]
    return tuple(sorted(rows, key=lambda row: (-row.applied, row.label.casefold(), row.label)))


def _grouped(reaches: Iterable[_Reach], labels: Callable[[Application], Iterable[str]]) -> dict[str, list[_Reach]]:
    grouped: dict[str, list[_Reach]] = defaultdict(list)
    for reach in reaches:
        for label in labels(reach.application):
            grouped[label].append(reach)
    return grouped


def _breakdown(label: str, members: list[_Reach]) -> Breakdown:
    replies = interviews = offers = rejections = ghosted = 0
    for reach in members:  # one pass: a word shared by thousands of roles has thousands of members
        replies += reach.replied
        interviews += reach.interviewed
        offers += reach.offered
        stage = reach.application.stage
        rejections += stage is Stage.REJECTED
        ghosted += stage is Stage.GHOSTED
    return Breakdown(
        label=label,
        applied=len(members),
        replies=replies,
        interviews=interviews,
        offers=offers,
        rejections=rejections,
        ghosted=ghosted,
    )


def _resume_breakdowns(reaches: list[_Reach]) -> tuple[Breakdown, ...]:
    """By résumé version, grouped whatever the case; none at all when no application names one."""
    if not any(reach.application.resume.strip() for reach in reaches):
        return ()
    spellings: dict[str, Counter[str]] = defaultdict(Counter)
    for reach in reaches:
        spellings[_source_key(reach.application.resume)][reach.application.resume.strip()] += 1
    shown = {
        key: min(counter, key=lambda spelling: (-counter[spelling], spelling)) if key else NO_RESUME
        for key, counter in spellings.items()
    }
    rows = _breakdowns(reaches, lambda application: [shown[_source_key(application.resume)]])
    return tuple(sorted(rows, key=lambda row: row.label == NO_RESUME))  # stable: most sent first otherwise


def _keyword_breakdowns(reaches: list[_Reach]) -> tuple[Breakdown, ...]:
    """The words shared by at least two roles, the most used first: only those shown are added up."""
    grouped = _grouped(reaches, lambda application: role_keywords(application.role))
    shared = sorted(
        (label for label, members in grouped.items() if len(members) >= 2),
        key=lambda label: (-len(grouped[label]), label.casefold(), label),
    )
    return tuple(_breakdown(label, grouped[label]) for label in shared[:KEYWORDS_SHOWN])


def _weekly(search: JobSearch, today: date, weeks: int) -> tuple[WeekActivity, ...]:
    """Each of the last `weeks` weeks, counted up to today: a quiet week shows as a zero, not a gap."""
    settings = search.settings
    first = week_start(today) - timedelta(weeks=max(weeks, 0) - 1)
    rows = []
    for number in range(max(weeks, 0)):
        monday = first + timedelta(weeks=number)
        days = (monday + timedelta(days=offset) for offset in range(7))
        logged = [a for day in days if day <= today for a in search.activities_by_day.get(day, ())]
        rows.append(WeekActivity(monday, len(logged), sum(settings.points_for(a.kind) for a in logged)))
    return tuple(rows)
