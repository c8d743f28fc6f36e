"""The stage picker: where an application stands now, since which day, which interview round, and an optional note."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from rich.text import Text
from textual.app import ComposeResult
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from tui.app.screens.form import FormScreen, max_length, too_long, whole_number
from tui.app.widgets.tick import Tick
from tui.core.days import describe_day
from tui.core.models import Application, Stage, StageChange

STAGE_MEANING = {
    Stage.SAVED: "not sent yet",
    Stage.APPLIED: "sent, waiting for a reply",
    Stage.SCREENING: "a first call or a recruiter screen",
    Stage.INTERVIEWING: "in interviews, round by round",
    Stage.OFFER: "an offer on the table",
    Stage.ACCEPTED: "you said yes",
    Stage.REJECTED: "a no, this time",
    Stage.GHOSTED: "silent for long; reopenable",
    Stage.WITHDRAWN: "you stepped back",
}

# What moving there means, said under the fields as the stage is highlighted.
STAGE_NOTE = {
    Stage.INTERVIEWING: "Each round you reach is kept, and adds a win.",
    Stage.REJECTED: "Once saved, five short steps help you take the no in stride; each one skippable.",
    Stage.GHOSTED: "Reopenable: if a late reply comes, move it back to where it stands.",
}

MAX_ROUND = 20  # as `StageChange.round` allows


@dataclass(frozen=True)
class StageDraft:
    """A stage move as chosen in the picker, ready for `Recorder.move_stage`."""

    stage: Stage
    note: str
    round: int | None = None  # for interviewing: the round reached
    round_text: str = ""  # as typed, so a retry shows it as it was
    final: bool = False  # for interviewing: it is the final round
    on: date | None = None  # the day it happened: a no that came by email yesterday; None is the day it is saved
    on_text: str = ""  # as typed
    on_said: str = ""  # the day in words when it is not today, for the line that confirms the move


def next_round(application: Application) -> int:
    """The round a move to interviewing reaches by default: the next one, or the first."""
    reached = application.interview_round
    if application.stage is Stage.INTERVIEWING:
        return min((reached or 0) + 1, MAX_ROUND)
    return reached or 1


class MoveStageScreen(FormScreen[StageDraft]):
    """Every stage in pipeline order, the current one marked; ↑/↓ to choose, enter to move.

    Interviewing takes a round, and may be chosen again while interviewing: the next round.
    """

    AUTO_FOCUS = "#stage"
    hint_text = "enter moves · ↑↓ choose · tab next field · space ticks · escape cancels"

    def __init__(
        self, application: Application, today: date, draft: StageDraft | None = None, problem: str = ""
    ) -> None:
        super().__init__(problem)
        self.application = application
        self.today = today
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
        draft = self.draft
        yield self.field_row(
            "Day",
            Input(
                draft.on_text if draft else "today",
                id="day",
                placeholder="today, yesterday, 3 days ago, friday",
                compact=True,
            ),
        )
        round_text = draft.round_text if draft else str(next_round(self.application))
        yield self.field_row("Round", Input(round_text, id="round", placeholder="1", compact=True))
        final = draft.final if draft else False
        yield self.field_row("Final round", Tick("the last round of interviews", final, id="final", compact=True))
        yield self.field_row(
            "Note", Input(draft.note if draft else "", id="note", placeholder="optional", compact=True)
        )
        yield Static("", id="stage-note", classes="form-note", markup=False)

    def on_mount(self) -> None:
        super().on_mount()
        self.describe_stage()

    @property
    def highlighted_stage(self) -> Stage | None:
        option = self.query_one("#stage", OptionList).highlighted_option
        return Stage(option.id) if option is not None and option.id is not None else None

    def on_option_list_option_highlighted(self) -> None:
        self.describe_stage()

    def describe_stage(self) -> None:
        """Round and final round only mean something for interviewing; they are greyed out otherwise."""
        stage = self.highlighted_stage
        interviewing = stage is Stage.INTERVIEWING
        self.query_one("#round", Input).disabled = not interviewing
        self.query_one("#final", Tick).disabled = not interviewing
        note = STAGE_NOTE.get(stage, "") if stage is not None else ""
        if interviewing and self.application.stage is Stage.INTERVIEWING:
            note = f"Now at round {self.application.interview_round or 1}: moving again records the next round."
        status = self.query_one("#stage-note", Static)
        status.update(note)
        status.display = bool(note)

    def read(self) -> StageDraft | None:
        note = self.query_one("#note", Input).value.strip()
        if problem := too_long(note, max_length(StageChange, "note")):
            self.explain("note", problem)
            return None
        stage = self.highlighted_stage
        if stage is None:
            self.explain("stage", "choose a stage with ↑ and ↓")
            return None
        if stage is self.application.stage and stage is not Stage.INTERVIEWING:
            self.explain("stage", f"it is already at {stage.value}; choose another stage")
            return None
        on = self.read_move_day()
        if on is None:
            return None
        round, round_text, final = None, "", False
        if stage is Stage.INTERVIEWING:
            round_text = self.query_one("#round", Input).value.strip()
            final = self.query_one("#final", Tick).value
            round = self.read_round(round_text, final)
            if round is None:
                return None
        return StageDraft(
            stage=stage,
            note=note,
            round=round,
            round_text=round_text,
            final=final,
            on=on,
            on_text=self.query_one("#day", Input).value.strip(),
            on_said="" if on == self.today else describe_day(on, self.today),
        )

    def read_move_day(self) -> date | None:
        """The day typed (blank is today), explained beside it when it is to come or before the last move."""
        day = self.read_day(
            "day", self.today, future_refused="that is in the future; a move counts once it has happened"
        )
        history = self.application.stage_history
        if day is not None and history and day < history[-1].day:
            last = history[-1]
            self.explain(
                "day",
                f"it moved to {last.stage.value} on {describe_day(last.day, self.today)}; this move comes after that",
            )
            return None
        return day

    def read_round(self, typed: str, final: bool) -> int | None:
        """The round typed, explained beside the field when it is not a round this move can reach."""
        round = whole_number(typed, 1, MAX_ROUND)
        if round is None:
            self.explain(
                "round", f"the round is a number from 1 to {MAX_ROUND}, such as {next_round(self.application)}"
            )
            return None
        if self.application.stage is not Stage.INTERVIEWING:
            return round
        reached = self.application.interview_round or 1
        if round < reached:
            self.explain("round", f"it reached round {reached} already; rounds only go forward")
            return None
        if round == reached and not (final and not self.application.reached_final):
            self.explain(
                "round", f"it is at round {reached} now: type {reached + 1} for the next, or tick the final round"
            )
            return None
        return round

    def on_option_list_option_selected(self) -> None:
        self.action_submit()
