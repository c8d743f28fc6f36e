"""The stage picker: where an application stands now, with an optional note on the move."""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual.app import ComposeResult
from textual.widgets import Input, OptionList
from textual.widgets.option_list import Option

from tui.app.screens.form import FormScreen, max_length, too_long
from tui.core.models import Application, Stage, StageChange

STAGE_MEANING = {
    Stage.SAVED: "not sent yet",
    Stage.APPLIED: "sent, waiting for a reply",
    Stage.SCREENING: "a first call or a recruiter screen",
    Stage.INTERVIEWING: "in interviews",
    Stage.OFFER: "an offer on the table",
    Stage.ACCEPTED: "you said yes",
    Stage.REJECTED: "a no, this time",
    Stage.GHOSTED: "no reply after a long wait",
    Stage.WITHDRAWN: "you stepped back",
}


@dataclass(frozen=True)
class StageDraft:
    """A stage move as chosen in the picker, ready for `Recorder.move_stage`."""

    stage: Stage
    note: str


class MoveStageScreen(FormScreen[StageDraft]):
    """Every stage in pipeline order, the current one marked; ↑/↓ to choose, enter to move."""

    AUTO_FOCUS = "#stage"

    def __init__(self, application: Application, draft: StageDraft | None = None, problem: str = "") -> None:
        super().__init__(problem)
        self.application = application
        self.draft = draft
        self.title_text = f"Move {application.company} — {application.role}"

    def fields(self) -> ComposeResult:
        current = self.application.stage
        options = []
        for stage in Stage:
            marker = "● " if stage is current else "  "
            prompt = Text.assemble(marker, (f"{stage.value:<13}", "bold"), (STAGE_MEANING[stage], "dim"))
            if stage is current:
                prompt.append(" (now)", "italic")
            options.append(Option(prompt, id=stage.value))
        stages = OptionList(*options, id="stage")
        chosen = self.draft.stage if self.draft else current
        stages.highlighted = list(Stage).index(chosen)
        yield self.field_row("Stage", stages)
        yield self.field_row(
            "Note",
            Input(self.draft.note if self.draft else "", id="note", placeholder="optional", compact=True),
        )

    def read(self) -> StageDraft | None:
        option = self.query_one("#stage", OptionList).highlighted_option
        note = self.query_one("#note", Input).value.strip()
        if problem := too_long(note, max_length(StageChange, "note")):
            self.explain("note", problem)
            return None
        if option is None or option.id is None:
            self.explain("stage", "choose a stage with ↑ and ↓")
            return None
        stage = Stage(option.id)
        if stage is self.application.stage:
            self.explain("stage", f"it is already at {stage.value}; choose another stage")
            return None
        return StageDraft(stage=stage, note=note)

    def on_option_list_option_selected(self) -> None:
        self.action_submit()
