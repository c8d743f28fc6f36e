"""One application's interviews: schedule the next one, debrief one that has happened."""

from __future__ import annotations

from datetime import date
from functools import partial

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


def describe_start(interview: Interview, today: date) -> str:
    """'Tue 17 Mar 14:30' ('Mon 10 Jan 2028 14:30' when the year is needed), on the interview's own clock."""
    starts = local_start(interview)
    return f"{describe_day(starts.date(), today)} {starts:%H:%M}"


def describe_debrief(interview: Interview, today: date) -> str:
    if interview.debriefed:
        return "✓ done"
    return "○ ahead" if interview.day > today else "○ to do"


class InterviewsScreen(RecordsScreen[Interview]):
    """The application's interviews, earliest first; enter on one debriefs it; escape, v or q closes it."""

    BINDINGS = [Binding("escape,v,q", "close", "Back", show=True), *bindings(Scope.INTERVIEWS)]
    SCOPE = Scope.INTERVIEWS  # the palette offers this scope's commands while it is open
    AUTO_FOCUS = "#interviews"
    COLUMNS = ("When", "Round", "Kind", "People", "Rating", "Debrief")
    FLEXIBLE = {"People": 1.0}
    keys_text = "a schedule · enter debrief · escape back"
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

    def rows(self, snapshot: Snapshot) -> list[tuple[Interview, dict[str, Cell]]]:
        return [
            (
                interview,
                {
                    "When": describe_start(interview, snapshot.today),
                    "Round": str(interview.round),
                    "Kind": interview.kind.value,
                    "People": ", ".join(interview.people),
                    "Rating": f"{interview.rating}/5" if interview.rating is not None else "–",
                    "Debrief": describe_debrief(interview, snapshot.today),
                },
            )
            for interview in snapshot.search.interviews_for(self.application)
        ]

    # Keys ----------------------------------------------------------------------------------------

    def action_schedule_interview(self) -> None:
        self.open_schedule_form()

    @on(DataTable.RowSelected, "#interviews")
    def action_debrief_interview(self) -> None:
        interview = self.highlighted
        if interview is None:
            self.notify("No interview to debrief yet. Press a to schedule one.", severity="warning")
            return
        self.open_debrief_form(interview)

    # Forms ---------------------------------------------------------------------------------------

    def open_schedule_form(self) -> None:
        # The application and the zone as they are when it opens: a failed save may reopen it after a reload.
        def schedule_form(draft: ScheduleDraft | None, problem: str) -> ScheduleInterviewScreen:
            zone = self.nextyes.recorder.zone(self.snapshot.search.settings)
            return ScheduleInterviewScreen(self.application, self.snapshot.today, zone, draft, problem)

        self.nextyes.edit(schedule_form, partial(scheduled, self.application, self.snapshot.today))

    def open_debrief_form(self, interview: Interview) -> None:
        def debrief_form(draft: DebriefDraft | None, problem: str) -> DebriefScreen:
            return DebriefScreen(interview, self.application, self.snapshot.today, draft, problem)

        self.nextyes.edit(debrief_form, partial(debriefed, self.application, interview))


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
