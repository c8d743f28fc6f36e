"""The offer form (o on an application's page): an offer as `nextyes offer` keeps it, typed in the app.

By default a new offer revises the application's latest one, which stays in its history; "keep beside it" keeps
another offer from the same application next to it instead (the shell's --separate). Saving moves the
application to the offer stage when it is not there already, with the win that comes with it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from textual.app import ComposeResult
from textual.widgets import Checkbox, Input, Select, Static

from tui.app.screens.form import FormScreen, max_length, too_long
from tui.app.state import Change
from tui.app.widgets.choice import LetterSelect
from tui.app.widgets.tick import Tick
from tui.core.days import DateParseError, describe_day
from tui.core.models import Application, Offer, PayPeriod, Stage
from tui.core.offers import day_ahead, describe_offer, open_offers, read_amount, read_currency, usual_currency
from tui.core.search import JobSearch

# The fields typed as text: the form's id for each.
TEXT_FIELDS = ("amount", "currency", "base", "bonus", "equity", "start", "answer-by", "note")
# The parts kept as the offer words them: the form's id and the offer's field.
PARTS = {"base": "base", "bonus": "bonus", "equity": "equity", "note": "notes"}
DAY_PLACEHOLDER = "friday (the next one), 2026-04-01"


@dataclass(frozen=True)
class OfferDraft:
    """An offer as typed, ready for `Recorder.record_offer`, and the form as typed for a retry."""

    offer: Offer
    typed: dict[str, str] = field(default_factory=dict)  # form id: text, every field ("per", "separate" too)


def offer_kept(application: Application, today: date, draft: OfferDraft) -> Change:
    """The offer to keep; the stage moves with it as in the shell, and `u` takes both back."""
    offer = draft.offer
    said = f"an offer from {application.company}, {describe_offer(offer)}"
    if offer.answer_by is not None:
        said += f", answer by {describe_day(offer.answer_by, today)}"
    if offer.replaces is not None:
        said += " (it revises the last one)"
    if application.stage not in (Stage.OFFER, Stage.ACCEPTED):
        said += f"; well done: {application.company} is at the offer stage now"
    return Change(feedback=said, record=lambda recorder: recorder.record_offer(application.id, offer))


def usual_offer_currency(application: Application, search: JobSearch) -> str:
    """The currency a new offer is most likely in: its latest offer's, else most open offers', else none."""
    current = application.current_offers
    if current:
        return current[-1].currency
    return usual_currency(open_offers(search)) or ""


class OfferFormScreen(FormScreen[OfferDraft]):
    """Amount first; currency and period filled in from the last offer; enter keeps it."""

    AUTO_FOCUS = "#amount"

    def __init__(
        self,
        application: Application,
        today: date,
        currency: str,
        draft: OfferDraft | None = None,
        problem: str = "",
    ) -> None:
        super().__init__(problem)
        self.application = application
        self.today = today
        self.currency = currency  # filled in until something else is typed
        self.draft = draft
        current = application.current_offers
        self.latest = current[-1] if current else None  # what a new offer revises unless kept beside it
        self.title_text = f"Record an offer: {application.company} — {application.role}"

    def fields(self) -> ComposeResult:
        typed = self.draft.typed if self.draft else {}
        latest = self.latest

        def text(form_id: str, placeholder: str, shown: str = "") -> Input:
            return Input(typed.get(form_id, shown), id=form_id, placeholder=placeholder, compact=True)

        yield self.field_row("Amount", text("amount", "the pay for one period: 62000, 62,000 or 62k"))
        yield self.field_row("Currency", text("currency", "three letters: EUR, USD, GBP…", self.currency))
        period = PayPeriod(typed["per"]) if "per" in typed else latest.period if latest else PayPeriod.YEAR
        yield self.field_row(
            "Per",
            LetterSelect(
                [(each.value, each) for each in PayPeriod], value=period, allow_blank=False, id="per", compact=True
            ),
        )
        yield self.field_row("Base", text("base", "optional: the base pay, as the offer words it"))
        yield self.field_row("Bonus", text("bonus", "optional: e.g. 10% target"))
        yield self.field_row("Equity", text("equity", "optional: e.g. 0.1% over 4 years"))
        yield self.field_row("Start", text("start", DAY_PLACEHOLDER))
        yield self.field_row("Answer by", text("answer-by", DAY_PLACEHOLDER))
        yield self.field_row("Note", text("note", "optional: anything worth remembering"))
        if latest is not None:
            beside = Tick("keep beside it, not a revision", typed.get("separate") == "yes", id="separate", compact=True)
            yield self.field_row("Last offer", beside)
        yield Static("", id="offer-status", classes="form-note", markup=False)

    def on_mount(self) -> None:
        super().on_mount()
        self.describe_revision()

    def on_checkbox_changed(self, event: Checkbox.Changed) -> None:
        self.describe_revision()

    def separate(self) -> bool:
        return self.latest is not None and self.query_one("#separate", Checkbox).value

    def describe_revision(self) -> None:
        """Say what saving does: which offer it revises or stands beside, and the stage it moves to."""
        said = []
        if self.latest is not None:
            how = "stands beside" if self.separate() else "revises"
            received = describe_day(self.latest.received_on, self.today)
            said.append(f"It {how} the offer of {received}: {describe_offer(self.latest)}.")
        if self.application.stage not in (Stage.OFFER, Stage.ACCEPTED):
            said.append(f"Saving moves {self.application.company} to the offer stage.")
        status = self.query_one("#offer-status", Static)
        status.update(" ".join(said))
        status.display = bool(said)

    def typed(self) -> dict[str, str]:
        typed = {form_id: self.query_one(f"#{form_id}", Input).value for form_id in TEXT_FIELDS}
        period = self.query_one("#per", Select).value
        typed["per"] = period.value if isinstance(period, PayPeriod) else PayPeriod.YEAR.value
        typed["separate"] = "yes" if self.separate() else ""
        return typed

    def read(self) -> OfferDraft | None:
        typed = self.typed()
        problems: dict[str, str] = {}
        amount = None
        if not typed["amount"].strip():
            problems["amount"] = "the amount is needed: the pay for one period, such as 62000 or 62k"
        else:
            try:
                amount = read_amount(typed["amount"])
            except ValueError as error:
                problems["amount"] = str(error)
        currency = None
        if not typed["currency"].strip():
            problems["currency"] = "the currency is needed: three letters such as EUR, USD or GBP"
        else:
            try:
                currency = read_currency(typed["currency"])
            except ValueError as error:
                problems["currency"] = str(error)
        days: dict[str, date | None] = {}
        for form_id in ("start", "answer-by"):
            text = typed[form_id].strip()
            try:
                days[form_id] = day_ahead(text, self.today) if text else None
            except DateParseError as error:
                problems[form_id] = str(error)
        parts = {name: typed[form_id].strip() for form_id, name in PARTS.items()}
        for form_id, name in PARTS.items():
            if problem := too_long(parts[name], max_length(Offer, name)):
                problems[form_id] = problem
        for form_id, problem in problems.items():
            self.explain(form_id, problem)
        if problems or amount is None or currency is None:
            return None
        revised = self.latest if not self.separate() else None
        offer = Offer(
            amount=amount,
            currency=currency,
            period=PayPeriod(typed["per"]),
            start_on=days["start"],
            answer_by=days["answer-by"],
            received_on=self.today,
            replaces=revised.id if revised is not None else None,
            base=parts["base"],
            bonus=parts["bonus"],
            equity=parts["equity"],
            notes=parts["notes"],
        )
        return OfferDraft(offer=offer, typed=typed)
