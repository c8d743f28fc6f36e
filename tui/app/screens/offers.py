"""The open offers side by side (O on the dashboard): each on one period and in one currency, chosen with keys.

Periods are counted as `tui.core.offers.NORMALISING` says; no exchange rate is fetched, so an offer in another
currency is shown as it was made, and `nextyes offers --rate` converts it from the shell.
"""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import DataTable, Static
from textual.widgets.data_table import ColumnKey

from tui.app.screens.modal import Modal
from tui.app.state import Snapshot
from tui.core.days import describe_day
from tui.core.models import Application, Offer, PayPeriod
from tui.core.offers import (
    NORMALISING,
    a_period,
    compare_offers,
    describe_offer,
    format_amount,
    open_offers,
    usual_currency,
)

PERIODS = tuple(PayPeriod)
COLUMNS = (("Offer", 24), ("Amount", 14), ("As offered", 19), ("Answer by", 10))  # the width of each
EMPTY = (
    "No open offers yet. When one comes, o on its application's page (A, then enter) keeps it, as does "
    "'nextyes offer APP --amount 62000 --currency EUR' in the shell; here the offers stand side by side."
)


class OffersScreen(Modal[None]):
    """The offers still open, nearest deadline first; p steps the period, c the currency; escape closes."""

    BINDINGS = [
        Binding("escape,O,q", "close", "Close", show=True),
        Binding("p", "next_period", "Period", show=True),
        Binding("c", "next_currency", "Currency", show=True),
    ]
    AUTO_FOCUS = "#offers-table"

    def __init__(self, snapshot: Snapshot) -> None:
        super().__init__()
        self.snapshot = snapshot
        self.period = PayPeriod.YEAR
        self.currency: str | None = None  # the offers' usual one until c chooses another

    def compose(self) -> ComposeResult:
        with Vertical(classes="help", id="offers") as sheet:
            sheet.border_title = "Offers"
            sheet.border_subtitle = "p period · c currency · escape closes"
            yield Static("", id="offers-heading", markup=False)
            table: DataTable[str | Text] = DataTable(id="offers-table", cursor_type="row", show_cursor=True)
            for title, width in COLUMNS:
                table.add_column(title, width=width, key=title)
            yield table
            yield Static("", id="offers-notes", markup=False)

    def on_mount(self) -> None:
        self.show_snapshot(self.snapshot)

    @property
    def pairs(self) -> list[tuple[Application, Offer]]:
        return open_offers(self.snapshot.search)

    @property
    def currencies(self) -> list[str]:
        """Every currency the open offers are in, the usual one first."""
        pairs = self.pairs
        usual = usual_currency(pairs)
        return sorted({offer.currency for _, offer in pairs}, key=lambda code: (code != usual, code))

    def show_snapshot(self, snapshot: Snapshot) -> None:
        self.snapshot = snapshot
        pairs = self.pairs
        currencies = self.currencies
        if self.currency not in currencies:
            self.currency = currencies[0] if currencies else None
        table = self.query_one("#offers-table", DataTable)
        table.clear()
        heading = self.query_one("#offers-heading", Static)
        notes = self.query_one("#offers-notes", Static)
        table.display = bool(pairs)
        if not pairs or self.currency is None:
            heading.update(EMPTY)
            notes.update("")
            return
        currency, period, today = self.currency, self.period, snapshot.today
        heading.update(f"{a_period(period).capitalize()} in {currency}, the nearest deadline first:")
        table.columns[ColumnKey("Amount")].label = Text(a_period(period).capitalize())
        for compared in compare_offers(pairs, currency, period, {}):
            offer, application = compared.offer, compared.application
            amount = format_amount(compared.amount, currency) if compared.amount is not None else "not converted"
            deadline = offer.answer_by
            answer = describe_day(deadline, today) if deadline is not None else "–"
            table.add_row(
                Text(f"{application.company} — {application.role}", overflow="ellipsis", no_wrap=True),
                Text(amount, style="bold" if compared.amount is not None else "dim italic"),
                describe_offer(offer),
                Text(answer, style="bold" if deadline is not None and deadline <= today else ""),
                key=offer.id.hex,
            )
        notes.update("\n".join(self.notes(pairs)))

    def notes(self, pairs: list[tuple[Application, Offer]]) -> list[str]:
        """The parts of each offer beyond its amount, then how periods are counted and what was not converted."""
        lines = []
        for application, offer in pairs:
            parts = [f"{name} {value}" for name, value in (("base", offer.base), ("bonus", offer.bonus)) if value]
            if offer.equity:
                parts.append(f"equity {offer.equity}")
            if offer.start_on is not None:
                parts.append(f"starts {describe_day(offer.start_on, self.snapshot.today)}")
            if parts:
                lines.append(f"{application.company}: {' · '.join(parts)}")
        if any(offer.period is not self.period for _, offer in pairs):
            lines.append(f"Periods counted as {NORMALISING}.")
        others = sorted({offer.currency for _, offer in pairs} - {self.currency or ""})
        if others:
            lines.append(
                f"Offers in {', '.join(others)} are shown as made: nextyes fetches no rates "
                f"('nextyes offers --rate {others[0]}=N' converts them). c compares in another currency."
            )
        return lines

    def action_next_period(self) -> None:
        self.period = PERIODS[(PERIODS.index(self.period) + 1) % len(PERIODS)]
        self.show_snapshot(self.snapshot)
        self.notify(f"Offers {a_period(self.period)}.")

    def action_next_currency(self) -> None:
        currencies = self.currencies
        if len(currencies) < 2:
            self.notify("Every open offer is in one currency: there is no other to compare in.")
            return
        index = currencies.index(self.currency) if self.currency in currencies else -1
        self.currency = currencies[(index + 1) % len(currencies)]
        self.show_snapshot(self.snapshot)
        self.notify(f"Offers in {self.currency}.")

    def action_close(self) -> None:
        self.dismiss(None)
