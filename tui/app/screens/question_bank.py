"""The question bank: what interviewers ask most across your interviews, and what you answered least well."""

from __future__ import annotations

from datetime import date

from rich.cells import cell_len
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content

from tui.app.screens.modal import Modal
from tui.app.state import Snapshot
from tui.app.widgets.long_text import Cell, Columns, LongText
from tui.core.days import describe_day
from tui.core.interviews import BankEntry, QuestionBank, question_bank
from tui.core.remembering import remembers
from tui.core.search import JobSearch

SHOWN = 10  # entries in each section; the rest are a scroll of little use
EMPTY = "None yet. Debrief an interview with v, then enter, to start the bank."


def describe_rating(entry: BankEntry) -> str:
    return "–" if entry.average_rating is None else f"{entry.average_rating:.1f}/5"


def asked_by(entry: BankEntry, today: date) -> str:
    """Who asked the question, and when it was last asked."""
    return f"{', '.join(entry.companies)} · last {describe_day(entry.last_asked, today, weekday=False)}"


def bank_section(heading: str, entries: list[BankEntry], empty: str, today: date) -> list[Content | Columns]:
    """A heading, then one row per question: times asked, your average rating, who asked it."""
    title = Content.styled(heading, "bold underline")
    if not entries:
        return [title, Content.styled(empty, "dim italic"), Content("")]
    shown = entries[:SHOWN]
    asked = [f"×{entry.asked}" for entry in shown]
    ratings = [describe_rating(entry) for entry in shown]
    asked_width = max(map(cell_len, ["Asked", *asked]))
    rating_width = max(map(cell_len, ["Avg rating", *ratings]))

    def row(question: Content, times: Content, rating: Content) -> Columns:
        return Columns(Cell(question), Cell(times, asked_width, "right"), Cell(rating, rating_width, "right"))

    header = row(Content.styled("Question", "dim"), Content.styled("Asked", "dim"), Content.styled("Avg rating", "dim"))
    rows = [
        row(
            Content.assemble((entry.text, "bold"), "\n", (asked_by(entry, today), "bold dim")),
            Content(times),
            Content(rating),
        )
        for entry, times, rating in zip(shown, asked, ratings, strict=True)
    ]
    return [title, header, *rows, Content("")]


def bank_guide(bank: QuestionBank, today: date) -> list[Content | Columns]:
    return [
        *bank_section("Asked most", bank.frequent, EMPTY, today),
        *bank_section(
            "Rated lowest: worth practising",
            bank.weakest,
            EMPTY if not bank.frequent else "None rated yet: add a rating (1-5) after a question, as 'question | 3'.",
            today,
        ),
    ]


@remembers
def bank_guide_of(search: JobSearch, today: date) -> list[Content | Columns]:
    """The bank as shown, kept with the search: opened again before the search is read again, it is not
    worked out again."""
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
        self.query_one("#question-bank-text", LongText).show_lines(guide)

    def show_afresh(self, snapshot: Snapshot) -> None:
        """As if opened for the first time (the app keeps this screen): from the top, as `snapshot` has it."""
        if not self.is_mounted:
            return  # not shown yet: it fills itself as it is
        if snapshot is not self.snapshot:
            self.show_snapshot(snapshot)
        self.query_one("#question-bank", VerticalScroll).scroll_home(animate=False)

    def action_close(self) -> None:
        self.dismiss(None)
