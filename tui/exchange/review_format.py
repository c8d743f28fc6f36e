"""The weekly review in words: as plain terminal text and as Markdown, with the same content."""

from __future__ import annotations

import re
import textwrap
import uuid
from dataclasses import dataclass
from datetime import date

from tui.core.interviews import join_names
from tui.core.models import Application, RejectionReason, Stage, StageChange
from tui.core.review import Move, WeeklyReview, describe_interview
from tui.core.streaks import DayState, points_word
from tui.core.words import count
from tui.exchange.markdown import plain

WIDTH = 80
WEEKDAY_NAMES = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")

# How a move reads after the application's name: "Orbit (Platform Engineer): a screening call".
MOVE_WORDS = {
    Stage.SAVED: "saved for later",
    Stage.APPLIED: "back to applied",
    Stage.SCREENING: "a screening call",
    Stage.INTERVIEWING: "interviewing",
    Stage.OFFER: "an offer",
    Stage.ACCEPTED: "accepted",
    Stage.REJECTED: "a no",
    Stage.GHOSTED: "marked ghosted",
    Stage.WITHDRAWN: "withdrawn",
}


@dataclass(frozen=True)
class _Entry:
    """One item of a section: a day (or nothing), what happened, and an optional second part."""

    when: str
    text: str
    detail: str = ""
    quoted: bool = False  # the detail is the person's own writing: kept in its lines, quoted in Markdown


@dataclass(frozen=True)
class _Section:
    heading: str
    lines: tuple[str, ...]  # sentences before the entries
    entries: tuple[_Entry, ...]
    empty: str  # said when there are neither lines nor entries


def review_text(review: WeeklyReview, width: int = WIDTH) -> str:
    """The review as plain text for a terminal: short headings, lines of at most `width` columns."""
    out = [_title(review), _span(review), "", *_wrap(_summary(review), width)]
    out += ["", "Days", *_days_text(review, width)]
    for section in _sections(review):
        out += ["", section.heading, *_section_text(section, width)]
    return "\n".join(out) + "\n"


def review_markdown(review: WeeklyReview) -> str:
    """The review as Markdown: a title, the same sections as `review_text` under `##` headings, lists."""
    out = [f"# {_title(review)}", "", f"*{_span(review)}*", "", plain(_summary(review)), ""]
    out += ["## Days", "", *_days_markdown(review), ""]
    for section in _sections(review):
        out += [f"## {section.heading}", "", *_section_markdown(section), ""]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(out)).rstrip("\n") + "\n"


# --- what is said ------------------------------------------------------------------------------


def _title(review: WeeklyReview) -> str:
    return f"Week of {_day_month(review.start)} {review.start:%Y}"


def _span(review: WeeklyReview) -> str:
    span = f"Mon {_day_month(review.start)} – Sun {_day_month(review.end)} {review.end:%Y}"
    if review.under_way:
        return f"{span} · so far, up to {_weekday(review.today)} {_day_month(review.today)}"
    return span


def _summary(review: WeeklyReview) -> str:
    sentences = [_headline(review)]
    if review.goals.met:
        sentences.append("The weekly goal is met.")
    if review.rejections:
        sentences.append(_after_the_no(review))
    if review.resumes is not None:
        sentences.append(_resumes(review))
    return " ".join(sentences)


def _resumes(review: WeeklyReview) -> str:
    """Two résumé versions whose reply rates differ clearly, so far: which one to send next is worth a thought."""
    assert review.resumes is not None
    better, worse = review.resumes
    return (
        f"Your résumé “{better.label}” gets replies clearly more often than “{worse.label}”: "
        f"replies to {better.response} sent against {worse.response}, so far."
    )


def _headline(review: WeeklyReview) -> str:
    logged = sum(review.activities.values())
    held = [interview for interview in review.interviews if interview.day <= review.today]
    if not (logged or review.sent or review.moves or held):
        if review.under_way:
            return "A quiet start to the week: nothing logged yet, and there is still time."
        rested = sum(1 for _, state in review.days if state is DayState.REST)
        rest = f", with {count(rested, 'planned rest day', 'planned rest days')}" if rested else ""
        return f"A quiet week{rest}. That happens in a long search; the next week is a fresh page."
    parts = []
    if review.sent:
        parts.append(count(len(review.sent), "application sent", "applications sent"))
    if held:
        parts.append(count(len(held), "interview", "interviews"))
    if review.wins:
        parts.append(count(len(review.wins), "win", "wins"))
    lead = "So far this week" if review.under_way else "This week"
    activities = count(logged, "activity logged", "activities logged")
    if parts and logged:
        return f"{lead}: {join_names(parts)}, with {activities} in all."
    if parts:
        return f"{lead}: {join_names(parts)}."
    if logged:
        return f"{lead}: {activities}."
    moved = count(len({move.application.id for move in review.moves}), "application", "applications")
    return f"{lead}: nothing logged, and news on {moved}."


def _after_the_no(review: WeeklyReview) -> str:
    """A rejection week in words: who said no, and the recovery days that kept the streak safe."""
    companies = [application.company for application in review.rejections]
    said_no = f"A no from {companies[0]}"
    if len(companies) > 1:
        said_no = f"{len(companies)} no's, from {join_names(companies)}"
    recovery = [_weekday(day) for day, state in review.days if state is DayState.RECOVERY]
    if not recovery:
        return f"{said_no}. It stings, and it is one step closer to the next yes."
    days = "The recovery day" if len(recovery) == 1 else "The recovery days"
    after = "it" if len(companies) == 1 else "them"
    return f"{said_no}. {days} after {after} ({', '.join(recovery)}) kept your streak safe while you took it in."


def _days_summary(review: WeeklyReview) -> list[str]:
    if not review.days:
        return ["These days came before the first thing you logged, so they are not tracked."]
    present = {state for _, state in review.days}
    legend = " · ".join(f"{state.glyph} {state.value}" for state in DayState if state in present)
    done = sum(1 for _, state in review.days if state is DayState.DONE)
    so_far = " so far" if review.under_way else ""
    counted = (review.last_day - review.start).days + 1
    if review.streak:
        when = "so far" if review.under_way else "at the end of the week"
        streak = f"streak {when}: {count(review.streak, 'day', 'days')}"
    else:
        streak = "no streak running: one done day starts a fresh one"
    return [legend, f"{done} of {counted} days done{so_far} · {streak}"]


def _sections(review: WeeklyReview) -> list[_Section]:
    return [
        _activity(review),
        _goals(review),
        _Section("Sent", (), tuple(_sent_entry(a) for a in review.sent), "No applications went out this week."),
        _Section(
            "Replies and moves",
            (),
            tuple(_move_entry(move) for move in review.moves if move.change.stage is not Stage.REJECTED),
            "No replies or other moves this week.",
        ),
        _Section("Rejections", (), _rejection_entries(review), "No rejections this week."),
        _Section("Interviews", (), _interview_entries(review), "No interviews this week."),
        _Section(
            "Wins",
            (),
            tuple(_Entry(_when(win.day), win.text) for win in review.wins),
            "No wins noted this week; a small one counts too.",
        ),
        _Section(
            "What you learned",
            (),
            tuple(_Entry("", learned) for learned in review.learned),
            "Nothing noted as learned this week.",
        ),
        _Section(
            "Reflections",
            (),
            tuple(_Entry(_when(r.day), r.prompt, r.text, quoted=True) for r in review.reflections),
            "No reflections written this week.",
        ),
        _Section(
            "Next week",
            (),
            tuple(_Entry(_when(upcoming.day), upcoming.title, upcoming.why) for upcoming in review.next_week),
            "Nothing scheduled yet: a blank page to fill.",
        ),
    ]


def _activity(review: WeeklyReview) -> _Section:
    if not review.activities:
        nothing = "Nothing logged yet this week." if review.under_way else "Nothing logged this week."
        return _Section("Activity", (), (), nothing)
    total = count(sum(review.activities.values()), "activity", "activities")
    kinds = " · ".join(f"{kind.value} {number}" for kind, number in review.activities.items())
    return _Section("Activity", (f"{total}, {points_word(review.points)}", kinds), (), "")


def _goals(review: WeeklyReview) -> _Section:
    entries = tuple(
        _Entry("", f"{goal.label}: {goal.done} of {goal.goal}{' — met' if goal.met else ''}")
        for goal in review.goals.goals
        if goal.goal
    )
    return _Section("Weekly goal", (), entries, "No weekly goal set.")


def _sent_entry(application: Application) -> _Entry:
    via = f" (via {application.source})" if application.source else ""
    assert application.applied_on is not None  # only applications sent are listed as sent
    return _Entry(_when(application.applied_on), f"{application.company} — {application.role}{via}")


def _move_entry(move: Move) -> _Entry:
    application = move.application
    return _Entry(_when(move.change.day), f"{application.company} ({application.role}): {_move_words(move.change)}")


def _move_words(change: StageChange) -> str:
    words = MOVE_WORDS[change.stage]
    if change.stage is Stage.INTERVIEWING and change.round is not None:
        words += f", round {change.round}"
    if change.final:
        words += ", the final round"
    return words


def _rejection_entries(review: WeeklyReview) -> tuple[_Entry, ...]:
    said_no: dict[uuid.UUID, date] = {}
    for move in review.moves:
        if move.change.stage is Stage.REJECTED:
            said_no.setdefault(move.application.id, move.change.day)
    return tuple(
        _Entry(_when(said_no[a.id]), f"{a.company} ({a.role})", _rejection_detail(a)) for a in review.rejections
    )


def _rejection_detail(application: Application) -> str:
    parts = []
    if application.rejection_reason not in (None, RejectionReason.UNKNOWN):
        parts.append(f"reason: {application.rejection_reason}")
    parts.append("their feedback is under What you learned" if application.feedback.strip() else "no feedback yet")
    return "; ".join(parts)


def _interview_entries(review: WeeklyReview) -> tuple[_Entry, ...]:
    entries = []
    for interview in review.interviews:
        described = describe_interview(interview, review.application_for(interview))
        detail = described.why
        if interview.day > review.today:
            detail += "; coming up"
        if interview.rating is not None:
            detail += f"; you rated it {interview.rating} of 5"
        entries.append(_Entry(_when(interview.day), described.title, detail))
    return tuple(entries)


# --- plain text --------------------------------------------------------------------------------


def _days_text(review: WeeklyReview, width: int) -> list[str]:
    states = dict(review.days)
    glyphs = [states[day].glyph if day in states else " " for day in _week(review)]
    return [
        "  " + "".join(f"{name:<5}" for name in WEEKDAY_NAMES).rstrip(),
        "   " + "".join(f"{glyph:<5}" for glyph in glyphs).rstrip(),
        *(line for summary in _days_summary(review) for line in _wrap(summary, width)),
    ]


def _section_text(section: _Section, width: int) -> list[str]:
    if not section.lines and not section.entries:
        return _wrap(section.empty, width)
    out = [line for sentence in section.lines for line in _wrap(sentence, width)]
    column = max((len(entry.when) for entry in section.entries), default=0)
    previous = None
    for entry in section.entries:
        when = "" if entry.when == previous else entry.when  # a day is named once, on its first entry
        previous = entry.when
        lead = f"  {when:<{column}}  " if column else "  - "
        out += textwrap.wrap(entry.text, width, initial_indent=lead, subsequent_indent=" " * len(lead)) or [lead]
        under = " " * (len(lead) + 2)  # a little further in, so a second part never reads as the next entry
        for paragraph in entry.detail.strip().splitlines() if entry.quoted else [entry.detail]:
            out += _wrap(paragraph, width, under) if paragraph.strip() else ([""] if entry.quoted else [])
    return out


def _wrap(text: str, width: int, indent: str = "  ") -> list[str]:
    return textwrap.wrap(" ".join(text.split()), width, initial_indent=indent, subsequent_indent=indent)


# --- Markdown ----------------------------------------------------------------------------------


def _days_markdown(review: WeeklyReview) -> list[str]:
    states = dict(review.days)
    glyphs = [states[day].glyph if day in states else " " for day in _week(review)]
    return [
        "| " + " | ".join(WEEKDAY_NAMES) + " |",
        "|" + ":---:|" * len(WEEKDAY_NAMES),
        "| " + " | ".join(glyphs) + " |",
        "",
        *(plain(summary) + "  " for summary in _days_summary(review)),
    ]


def _section_markdown(section: _Section) -> list[str]:
    if not section.lines and not section.entries:
        return [plain(section.empty)]
    out = [f"{plain(line)}  " for line in section.lines]
    for entry in section.entries:
        lead = f"- **{plain(entry.when)}** · " if entry.when else "- "
        if entry.quoted:
            out += [f"{lead}{plain(entry.text)}", "", *_quote(entry.detail), ""]
        else:
            detail = f" — {plain(entry.detail)}" if entry.detail.strip() else ""
            out.append(f"{lead}{plain(entry.text)}{detail}")
    return out


def _quote(text: str) -> list[str]:
    """The person's own words as a block quote inside a list item, their line breaks kept."""
    return [f"  > {plain(line)}" if line.strip() else "  >" for line in text.strip().splitlines()]


# --- small words -------------------------------------------------------------------------------


def _day_month(day: date) -> str:
    return f"{day.day} {day:%b}"


def _weekday(day: date) -> str:
    return WEEKDAY_NAMES[day.weekday()]


def _when(day: date) -> str:
    return f"{_weekday(day)} {day.day}"


def _week(review: WeeklyReview) -> list[date]:
    return [date.fromordinal(review.start.toordinal() + offset) for offset in range(7)]
