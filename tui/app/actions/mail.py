"""P on the dashboard: the paste-an-email form, and the change its reading calls for, made the way the app makes
it by hand: a no or an offer as the stage move `s` makes (a no goes on to the steps after it), an invitation as
the interview form books one, a request as the application's next step."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from zoneinfo import ZoneInfo

from tui.app.host import Host
from tui.app.screens.form import max_length
from tui.app.screens.interview_form import ScheduleDraft
from tui.app.screens.interviews import scheduled
from tui.app.screens.move_stage import StageDraft
from tui.app.screens.paste_email import EmailDraft, PasteEmailScreen
from tui.app.state import Change, Snapshot
from tui.core.days import describe_day
from tui.core.mail import MoveStage, ScheduleInterview, SetNextStep
from tui.core.models import Application, Interview, StageChange

Moved = Callable[[Application, StageDraft], Change]  # `PipelineCommands.moved`: a stage move and what follows it


def email_form(
    host: Host, snapshot: Snapshot, zone: ZoneInfo, draft: EmailDraft | None, problem: str
) -> PasteEmailScreen:
    """The form; opened again after a failed save, it reads the email against the search as it is by then."""
    latest = host.snapshot or snapshot
    return PasteEmailScreen(latest.search, latest.today, host.recorder.now(), zone, draft, problem)


def email_change(moved: Moved, today: date, zone: ZoneInfo, draft: EmailDraft) -> Change:
    """The change the email calls for, as confirmed: made as the stage move, the interview form or an edit makes it."""
    understanding = draft.understanding
    application, proposal = understanding.application, understanding.proposed
    assert application is not None  # the form asks which application before it returns a change
    subject = understanding.subject
    note = f"from the email “{subject}”" if subject else "from an email"
    if isinstance(proposal, MoveStage):
        return moved(application, StageDraft(stage=proposal.stage, note=note[: max_length(StageChange, "note")]))
    if isinstance(proposal, ScheduleInterview):
        booking = ScheduleDraft(
            at=proposal.at.astimezone(zone),
            day_text=draft.day_text,
            time_text=draft.time_text,
            round=None,
            round_text="",
            kind=proposal.kind,
            people=list(proposal.people),
            people_text=draft.people_text,
            notes=note[: max_length(Interview, "notes")],
        )
        return scheduled(application, today, booking)
    assert isinstance(proposal, SetNextStep)  # the form closes on no change, saving nothing
    step, on = proposal.text[: max_length(Application, "next_step")], proposal.on
    return Change(
        feedback=f"next step for {application.company} — {application.role}: {step}, {describe_day(on, today)}",
        record=lambda recorder: recorder.edit(Application, application.id, next_step=step, next_step_on=on),
    )
