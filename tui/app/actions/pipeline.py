"""The pipeline's commands: add an application, move one to another stage, and the steps after a no."""

from __future__ import annotations

import uuid
from functools import partial
from typing import TYPE_CHECKING

from tui.app.actions.base import DashboardCommands
from tui.app.state import Change, Snapshot
from tui.core.kinds import Stage

if TYPE_CHECKING:
    from textual.widgets import DataTable

    from tui.app.screens.add_application import ApplicationDraft
    from tui.app.screens.move_stage import StageDraft
    from tui.app.screens.rejection import RejectionFlowScreen, RejectionStep
    from tui.core.models import Application


def added(draft: ApplicationDraft) -> Change:
    feedback = (
        f"saved {draft.headline} for later; Today's actions reminds you to send it"
        if draft.saved
        else f"applied to {draft.headline}"
    )
    return Change(
        feedback=feedback,
        record=lambda recorder: recorder.add_application(
            draft.company,
            draft.role,
            kind=draft.kind,
            source=draft.source,
            url=draft.url,
            on=draft.applied_on,
            note=draft.note,
            saved=draft.saved,
            resume=draft.resume,
            salary_advertised=draft.salary,
        ),
    )


class PipelineCommands(DashboardCommands):
    """a adds an application; s (or enter on a pending one) moves it on, and a move to rejected opens the steps."""

    def action_add_application(self) -> None:
        if (snapshot := self.writable_snapshot()) is None:
            return
        from tui.app.screens.add_application import AddApplicationScreen

        self.edit(partial(AddApplicationScreen, snapshot.search, snapshot.today), added)

    def action_move_stage(self) -> None:
        application_id = self.dashboard.pending.selected_application_id
        if application_id is None:
            self.notify("No pending application to move yet. Press a to add one.", severity="warning")
            return
        if (snapshot := self.writable_snapshot()) is None:
            return
        from tui.app.screens.move_stage import MoveStageScreen

        application = next(a for a in snapshot.search.applications if a.id == application_id)
        self.edit(partial(MoveStageScreen, application, snapshot.today), partial(self.moved, application))

    def action_paste_email(self) -> None:
        """P: an email read and corrected; the change it calls for is made as s, or the interview form, makes it."""
        if (snapshot := self.writable_snapshot()) is None:
            return
        from tui.app.actions.mail import email_change, email_form

        zone = self.recorder.zone(snapshot.search.settings)
        self.edit(partial(email_form, self, snapshot, zone), partial(email_change, self.moved, snapshot.today, zone))

    def on_data_table_row_selected(self, chosen: DataTable.RowSelected) -> None:
        """Enter on a pending application moves its stage."""
        if chosen.data_table.id == "pending" and chosen.data_table.screen is self.dashboard:
            self.action_move_stage()

    def moved(self, application: Application, draft: StageDraft) -> Change:
        """The move as chosen; a move to rejected goes on to the steps after a no once it is saved."""
        feedback = f"{application.company} — {application.role} is now {draft.stage.value}"
        if draft.round is not None:
            feedback += f", round {draft.round}" + (", the final round" if draft.final else "")
        if draft.on_said:
            feedback += f" since {draft.on_said}"
        if draft.stage is Stage.REJECTED:
            feedback += ". A no this time; it still counts, and the next yes is closer"
        return Change(
            feedback=feedback,
            record=lambda recorder: recorder.move_stage(
                application.id, draft.stage, note=draft.note, on=draft.on, round=draft.round, final=draft.final
            ),
            then=(
                (lambda snapshot: self.open_rejection_flow(snapshot, application.id))
                if draft.stage is Stage.REJECTED
                else (lambda snapshot: self.ask_to_cancel_ahead(snapshot, application.id))
                if not draft.stage.is_pending
                else None
            ),
        )

    def ask_to_cancel_ahead(self, snapshot: Snapshot, application_id: uuid.UUID) -> None:
        """An application ended (withdrawn, ghosted, accepted…) with interviews still booked: ask once whether
        to call them off. A no asks the same inside the steps after a no."""
        from tui.app.screens.confirm import ConfirmScreen
        from tui.core.interviews import describe_interviews, interviews_ahead

        application = snapshot.search.application(application_id)
        if application is None:
            return
        ahead = interviews_ahead(snapshot.search, application, self.recorder.now())
        if not ahead:
            return
        booked = describe_interviews(ahead, snapshot.today)
        question = f"{application.company} is now {application.stage.value}, and {booked} is still booked. Cancel it?"
        if len(ahead) > 1:
            question = (
                f"{application.company} is now {application.stage.value}; {booked} are still booked. Cancel them?"
            )

        def answered(cancel: bool | None) -> None:
            if cancel:
                self.save(
                    Change(
                        feedback=f"Cancelled {booked}",
                        record=lambda recorder: recorder.cancel_interviews_ahead(application_id),
                    )
                )

        self.push_screen(
            ConfirmScreen(question, yes="Cancel it" if len(ahead) == 1 else "Cancel them", no="Keep"), answered
        )

    def open_rejection_flow(
        self,
        snapshot: Snapshot,
        application_id: uuid.UUID,
        typed: RejectionStep | None = None,
        problem: str = "",
    ) -> None:
        """The five steps after a no; `typed`, a step whose save failed after the flow closed, reopens it."""
        from tui.app.screens.rejection import RejectionFlowScreen

        application = snapshot.search.application(application_id)
        if application is None:  # removed meanwhile, from another process
            return
        save_step = partial(self.save_rejection_step, snapshot, application_id)
        self.push_screen(RejectionFlowScreen(application, snapshot.search, snapshot.today, save_step, typed, problem))

    def save_rejection_step(
        self, snapshot: Snapshot, application_id: uuid.UUID, flow: RejectionFlowScreen, step: RejectionStep
    ) -> None:
        # Not `edit`: the flow stays open across its steps and saves each one as it is left.
        def retry(problem: str) -> None:
            """Back to the step as typed: in the flow while it is open, or in the flow opened again."""
            if flow in self.screen_stack:
                flow.back_to(step, problem)
            else:
                self.open_rejection_flow(self.snapshot or snapshot, application_id, step, problem)

        self.save(Change(feedback=step.feedback, record=step.record, retry=retry))
