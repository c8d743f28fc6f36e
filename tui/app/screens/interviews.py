"""Interviews: one application's, or every one; schedule, debrief, correct, cancel or delete them."""

from __future__ import annotations

from datetime import date
from functools import partial
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from rich.text import Text
from textual import on
from textual.binding import Binding
from textual.widgets import DataTable

from tui.app.commands import Scope, bindings
from tui.app.screens.debrief import DebriefDraft, DebriefScreen
from tui.app.screens.interview_form import ScheduleDraft, ScheduleInterviewScreen
from tui.app.screens.records import Cell, RecordsScreen
from tui.app.state import Change, Snapshot
from tui.core.days import describe_day
from tui.core.interviews import INTERVIEW_KIND_WORDS, local_start
from tui.core.models import Application, Interview
from tui.core.words import count

CANCELLED = "✗ cancelled"


def describe_start(interview: Interview, today: date) -> str:
    """'Tue 17 Mar 14:30' ('Mon 10 Jan 2028 14:30' when the year is needed), on the interview's own clock."""
    starts = local_start(interview)
    return f"{describe_day(starts.date(), today)} {starts:%H:%M}"


def describe_debrief(interview: Interview, today: date) -> Cell:
    if interview.cancelled:
        return Text(CANCELLED, style="dim")
    if interview.debriefed:
        return "✓ done"
    return "○ ahead" if interview.day > today else "○ to do"


def describe_when(interview: Interview, today: date) -> Cell:
    """The start, dim and struck through when the interview was called off (its status says so in words)."""
    shown = describe_start(interview, today)
    return Text(shown, style="dim strike") if interview.cancelled else shown


class InterviewListScreen(RecordsScreen[Interview]):
    """What both interview lists share: their keys, and the forms those keys open.

    enter debriefs the highlighted interview, e corrects it, c cancels it or puts it back, d deletes it.
    """

    SCOPE = Scope.INTERVIEWS  # the palette offers this scope's commands while it is open
    AUTO_FOCUS = "#interviews"
    nothing_text = "Press a to schedule one."

    def application_of(self, interview: Interview) -> Application | None:
        return self.snapshot.search.application(interview.application_id)

    def application_to_schedule(self) -> Application | None:
        """The application `a` schedules another interview for."""
        raise NotImplementedError

    # Keys ----------------------------------------------------------------------------------------

    def action_schedule_interview(self) -> None:
        application = self.application_to_schedule()
        if application is None:
            self.notify(
                "No application to schedule for here: open one's interviews with v on the dashboard.",
                severity="warning",
            )
            return
        self.open_schedule_form(application)

    @on(DataTable.RowSelected, "#interviews")
    def action_debrief_interview(self) -> None:
        interview = self.highlighted
        if interview is None:
            self.notify("No interview to debrief yet. Press a to schedule one.", severity="warning")
            return
        if interview.cancelled:
            self.notify("That interview was cancelled: c puts it back on, then enter debriefs it.", severity="warning")
            return
        if (application := self.application_of(interview)) is not None:
            self.open_debrief_form(interview, application)

    def action_cancel_interview(self) -> None:
        interview = self.chosen("cancel")
        if interview is None:
            return
        application = self.application_of(interview)
        what = f"the {INTERVIEW_KIND_WORDS[interview.kind]} with {application.company if application else 'them'}"
        on_day = f"on {describe_day(interview.day, self.snapshot.today)}"
        cancel = not interview.cancelled
        feedback = f"cancelled {what} {on_day}; c puts it back" if cancel else f"{what} {on_day} is back on"
        self.nextyes.save(
            Change(
                feedback=feedback,
                record=lambda recorder: recorder.cancel_interview(interview.id, cancelled=cancel),
            )
        )

    def edit_record(self, record: Interview) -> None:
        application = self.application_of(record)
        if application is None:  # deleted meanwhile, from another process
            self.notify("Its application is no longer in your search.", severity="warning")
            return

        def interview_form(draft: ScheduleDraft | None, problem: str) -> ScheduleInterviewScreen:
            from tui.app.screens.corrections import InterviewEditScreen

            zone = self.interview_zone(record)
            return InterviewEditScreen(record, application, self.snapshot.today, zone, draft, problem)

        self.nextyes.edit(interview_form, partial(corrected, record, application, self.snapshot.today))

    def interview_zone(self, interview: Interview) -> ZoneInfo:
        """The interview's own clock, so its time reads as it was typed; the settings' when its zone is unknown."""
        try:
            return ZoneInfo(interview.timezone)
        except (ZoneInfoNotFoundError, ValueError, OSError):  # OSError: a zone name that is a folder
            return self.nextyes.recorder.zone(self.snapshot.search.settings)

    # Forms ---------------------------------------------------------------------------------------

    def open_schedule_form(self, application: Application) -> None:
        # The application and the zone as they are when it opens: a failed save may reopen it after a reload.
        def schedule_form(draft: ScheduleDraft | None, problem: str) -> ScheduleInterviewScreen:
            zone = self.nextyes.recorder.zone(self.snapshot.search.settings)
            latest = self.snapshot.search.application(application.id) or application
            return ScheduleInterviewScreen(latest, self.snapshot.today, zone, draft, problem)

        self.nextyes.edit(schedule_form, partial(scheduled, application, self.snapshot.today))

    def open_debrief_form(self, interview: Interview, application: Application) -> None:
        def debrief_form(draft: DebriefDraft | None, problem: str) -> DebriefScreen:
            return DebriefScreen(interview, application, self.snapshot.today, draft, problem)

        self.nextyes.edit(debrief_form, partial(debriefed, application, interview))


class InterviewsScreen(InterviewListScreen):
    """The application's interviews, earliest first; escape, v or q closes it."""

    BINDINGS = [Binding("escape,v,q", "close", "Back", show=True), *bindings(Scope.INTERVIEWS)]
    COLUMNS = ("When", "Round", "Kind", "People", "Rating", "Debrief")
    FLEXIBLE = {"People": 1.0}
    NARROW_DROPS = ("Round", "Rating")
    keys_text = "a schedule · enter debrief · e edit · c cancel · d delete · escape back"
    empty_text = "No interviews logged yet. Press a to schedule one; after it, enter here debriefs it."

    def __init__(self, snapshot: Snapshot, application: Application) -> None:
        self.application = application
        super().__init__(snapshot, "interviews")

    def heading(self, count: int) -> str:
        return f"Interviews: {self.application.company} — {self.application.role} ({count})"

    def show_snapshot(self, snapshot: Snapshot) -> None:
        # The application as it now is: scheduling an interview may have moved its stage and round.
        self.application = snapshot.search.application(self.application.id) or self.application
        super().show_snapshot(snapshot)

    def application_to_schedule(self) -> Application | None:
        return self.application

    def listed(self, snapshot: Snapshot) -> list[Interview]:
        return snapshot.search.interviews_for(self.application)

    def cells(self, record: Interview, above: Interview | None, snapshot: Snapshot) -> dict[str, Cell]:
        return {
            "When": describe_when(record, snapshot.today),
            "Round": str(record.round),
            "Kind": record.kind.value,
            "People": ", ".join(record.people),
            "Rating": f"{record.rating}/5" if record.rating is not None else "–",
            "Debrief": describe_debrief(record, snapshot.today),
        }


class AllInterviewsScreen(InterviewListScreen):
    """Every interview of every application, the latest first (those ahead at the top); escape or q closes it."""

    BINDINGS = [Binding("escape,q", "close", "Back", show=True), *bindings(Scope.INTERVIEWS)]
    COLUMNS = ("When", "Company", "Round", "Kind", "People", "Debrief")
    FLEXIBLE = {"Company": 0.45, "People": 0.55}
    NARROW_DROPS = ("Round", "Kind")
    keys_text = "enter debrief · e edit · c cancel · d delete · a schedule · escape back"
    empty_text = "No interviews yet. On the dashboard, v on a pending application schedules one."
    nothing_text = "On the dashboard, v on a pending application schedules one."

    def __init__(self, snapshot: Snapshot) -> None:
        super().__init__(snapshot, "interviews")

    def heading(self, shown: int) -> str:
        cancelled = sum(interview.cancelled for interview in self.records)
        return f"Every interview ({shown}" + (f", {cancelled} cancelled)" if cancelled else ")")

    def application_to_schedule(self) -> Application | None:
        """The highlighted interview's application: `a` schedules its next round."""
        interview = self.highlighted
        return self.application_of(interview) if interview is not None else None

    def listed(self, snapshot: Snapshot) -> list[Interview]:
        return sorted(snapshot.search.interviews, key=lambda i: i.at, reverse=True)

    def cells(self, record: Interview, above: Interview | None, snapshot: Snapshot) -> dict[str, Cell]:
        today = snapshot.today
        application = snapshot.search.application(record.application_id)
        return {
            "When": describe_when(record, today),
            "Company": application.company if application is not None else "",
            "Round": str(record.round),
            "Kind": record.kind.value,
            "People": ", ".join(record.people),
            "Debrief": describe_debrief(record, today),
        }


def scheduled(application: Application, today: date, draft: ScheduleDraft) -> Change:
    which = f"round {draft.round} " if draft.round is not None else ""
    return Change(
        feedback=f"{which}{INTERVIEW_KIND_WORDS[draft.kind]} with {application.company} "
        f"on {describe_day(draft.at.date(), today)} at {draft.at:%H:%M}",
        record=lambda recorder: recorder.schedule_interview(
            application.id,
            draft.at,
            round=draft.round,
            kind=draft.kind,
            people=draft.people,
            notes=draft.notes,
        ),
    )


def corrected(interview: Interview, application: Application, today: date, draft: ScheduleDraft) -> Change:
    """The interview as corrected; a round left blank keeps the one it had."""
    return Change(
        feedback=f"the {INTERVIEW_KIND_WORDS[draft.kind]} with {application.company} as corrected: "
        f"{describe_day(draft.at.date(), today)} at {draft.at:%H:%M}",
        record=lambda recorder: recorder.edit(
            Interview,
            interview.id,
            at=draft.at,
            round=draft.round if draft.round is not None else interview.round,
            kind=draft.kind,
            people=draft.people,
            notes=draft.notes,
        ),
    )


def debriefed(application: Application, interview: Interview, draft: DebriefDraft) -> Change:
    asked = count(len(draft.questions), "question") if draft.questions else "no questions"
    return Change(
        feedback=f"debrief of the {application.company} interview, {asked} for the bank (b shows it)",
        record=lambda recorder: recorder.debrief_interview(
            interview.id,
            questions=draft.questions,
            rating=draft.rating,
            went_well=draft.went_well,
            change=draft.change,
            people=draft.people,
        ),
    )
