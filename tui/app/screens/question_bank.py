"""The question bank: what interviewers ask most across your interviews, and what you answered least well."""

from __future__ import annotations

from datetime import date

from rich.console import Group
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll

from tui.app.screens.modal import Modal
from tui.app.state import Snapshot
from tui.app.widgets.long_text import LongText
from tui.core.days import describe_day
from tui.core.interviews import BankEntry, QuestionBank, question_bank
from tui.core.remembering import remembers
from tui.core.search import JobSearch

SHOWN = 10  # entries in each section; the rest are a scroll of little use
EMPTY = "None yet. Debrief an interview with v, then enter, to start the bank."


def describe_rating(entry: BankEntry) -> str:
    return "–" if entry.average_rating is None else f"{entry.average_rating:.1f}/5"


def bank_section(heading: str, entries: list[BankEntry], empty: str, today: date) -> Group:
    """A heading, then one row per question: times asked, your average rating, who asked it."""
    if not entries:
        return Group(Text(heading, style="bold underline"), Text(empty, style="dim italic"), Text(""))
    table = Table.grid(padding=(0, 1), expand=True)
    table.add_column(ratio=1)
    table.add_column(justify="right", no_wrap=True)
    table.add_column(justify="right", no_wrap=True)
    table.add_row(Text("Question", style="dim"), Text("Asked", style="dim"), Text("Avg rating", style="dim"))
    for entry in entries[:SHOWN]:
        question = Text(entry.text, style="bold")
        question.append(
            f"\n{', '.join(entry.companies)} · last {describe_day(entry.last_asked, today, weekday=False)}", style="dim"
        )
        table.add_row(question, f"×{entry.asked}", describe_rating(entry))
    return Group(Text(heading, style="bold underline"), table, Text(""))


def bank_guide(bank: QuestionBank, today: date) -> Group:
    return Group(
        bank_section("Asked most", bank.frequent, EMPTY, today),
        bank_section(
            "Rated lowest: worth practising",
            bank.weakest,
            EMPTY if not bank.frequent else "None rated yet: add a rating (1-5) after a question, as 'question | 3'.",
            today,
        ),
    )


@remembers
def bank_guide_of(search: JobSearch, today: date) -> Group:
    """The bank as shown, kept with the search: opened again before the search is read again, it is neither
    worked out nor drawn again."""
    return bank_guide(question_bank(search), today)


class QuestionBankScreen(Modal[None]):
    """Every question from the debriefs, over the dashboard; escape, b or q closes it."""

    BINDINGS = [Binding("escape,b,q", "close", "Close", show=True)]
    AUTO_FOCUS = "#question-bank"

    def __init__(self, snapshot: Snapshot) -> None:
        super().__init__()
        self.snapshot = snapshot

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="sheet", id="question-bank") as body:
            body.border_title = "Question bank"
            body.border_subtitle = "↑↓ scroll · escape closes"
            yield LongText("", id="question-bank-text")

    def on_mount(self) -> None:
        self.show_snapshot(self.snapshot)

    def show_snapshot(self, snapshot: Snapshot) -> None:
        self.snapshot = snapshot
        guide = bank_guide_of(snapshot.search, snapshot.today)
        self.query_one("#question-bank-text", LongText).update(guide, kept_for=guide)

    def show_afresh(self, snapshot: Snapshot) -> None:
        """As if opened for the first time (the app keeps this screen): from the top, as `snapshot` has it."""
        if not self.is_mounted:
            return  # not shown yet: it fills itself as it is
        if snapshot is not self.snapshot:
            self.show_snapshot(snapshot)
        self.query_one("#question-bank", VerticalScroll).scroll_home(animate=False)

    def action_close(self) -> None:
        self.dismiss(None)
