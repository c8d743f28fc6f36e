"""Offers: `offer` keeps one (or a revised one) with its application, `offers` sets the open ones side by side on
one period and in one currency."""

from __future__ import annotations

import argparse
import json
import textwrap
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING

from tui.cli.common import APPLICATION_IDS, BadInput, Commands, Parser, completes, day, find_application
from tui.core.kinds import PayPeriod

if TYPE_CHECKING:
    from tui.core.models import Offer
    from tui.core.offers import ComparedOffer
    from tui.recording import Recorder

PERIODS = [period.value for period in PayPeriod]


def register(commands: Commands) -> None:
    """Add this group's commands; the arguments and the handler of each are below."""
    commands.add(
        "offer", _offer, help="keep an offer (or a revised one) with its application", arguments=_offer_arguments
    )
    commands.add(
        "offers", _offers, help="the open offers side by side, on one period and currency", arguments=_offers_arguments
    )


def _amount(text: str) -> Decimal:
    from tui.core.offers import read_amount

    try:
        return read_amount(text)
    except ValueError as problem:
        raise argparse.ArgumentTypeError(str(problem)) from None


def _currency(text: str) -> str:
    from tui.core.offers import read_currency

    try:
        return read_currency(text)
    except ValueError as problem:
        raise argparse.ArgumentTypeError(str(problem)) from None


def _rate(text: str) -> tuple[str, Decimal]:
    from tui.core.offers import read_rate

    try:
        return read_rate(text)
    except ValueError as problem:
        raise argparse.ArgumentTypeError(str(problem)) from None


def _offer_arguments(offer: Parser) -> None:
    completes(offer.add_argument("app", metavar="APP", help="short id or part of the company name"), APPLICATION_IDS)
    offer.add_argument(
        "--amount", type=_amount, required=True, metavar="N", help="the pay for one period, the figure compared: 62000"
    )
    offer.add_argument(
        "--currency", type=_currency, metavar="CODE", help="EUR, USD, GBP… (default: the offer it revises)"
    )
    offer.add_argument(
        "--per", choices=PERIODS, metavar="PERIOD", help=f"what it is paid per: {', '.join(PERIODS)} (default year)"
    )
    offer.add_argument("--base", default="", metavar="TEXT", help="the base pay, as the offer words it")
    offer.add_argument("--bonus", default="", metavar="TEXT", help="the bonus: '10%% target'")
    offer.add_argument("--equity", default="", metavar="TEXT", help="the equity: '0.1%% over 4 years'")
    offer.add_argument("--start", metavar="DATE", help="the start date offered")
    offer.add_argument("--answer-by", dest="answer_by", metavar="DATE", help="the day they want an answer by")
    offer.add_argument("--received", metavar="DATE", help="the day it came (default today)")
    offer.add_argument("--note", default="", help="anything worth remembering")
    offer.add_argument(
        "--separate",
        action="store_true",
        help="another offer from the same application, kept beside the one it has (by default a new offer "
        "revises the latest one, which stays in its history)",
    )


def _offer(recorder: Recorder, options: argparse.Namespace) -> int:
    from tui.core.days import describe_day
    from tui.core.models import Offer, Stage
    from tui.core.offers import describe_offer

    search = recorder.store.load()
    application = find_application(search, options.app)
    today = recorder.today(search)
    current = application.current_offers
    revised = current[-1] if current and not options.separate else None
    currency = options.currency or (revised.currency if revised is not None else None)
    if currency is None:
        raise BadInput("say which currency it is in: --currency EUR (or USD, GBP…)")
    period = PayPeriod(options.per) if options.per else revised.period if revised is not None else PayPeriod.YEAR
    offer = Offer(
        amount=options.amount,
        currency=currency,
        period=period,
        base=options.base.strip(),
        bonus=options.bonus.strip(),
        equity=options.equity.strip(),
        start_on=_ahead(options.start, today),
        answer_by=_ahead(options.answer_by, today),
        received_on=day(options.received, today, past_only=True),
        notes=options.note.strip(),
        replaces=revised.id if revised is not None else None,
    )
    kept, _ = recorder.record_offer(application.id, offer)
    name = f"{kept.company} — {kept.role}"
    deadline = f"; answer by {describe_day(offer.answer_by, today)}" if offer.answer_by else ""
    print(f"Offer kept: {name}, {describe_offer(offer)}{deadline}.")
    if revised is not None:
        print(f"  It revises the offer of {describe_day(revised.received_on, today)} ({describe_offer(revised)}).")
    if application.stage is not kept.stage:
        print(f"{name} is now {Stage.OFFER.value}. Well done: 'nextyes offers' sets it beside any others.")
    return 0


def _ahead(typed: str | None, today: date) -> date | None:
    """A day still to come, as typed: a weekday alone ('friday') names the next one, not the last."""
    from tui.core.days import DateParseError
    from tui.core.offers import day_ahead

    if typed is None:
        return None
    try:
        return day_ahead(typed, today)
    except DateParseError as problem:
        raise BadInput(str(problem)) from None


def _offers_arguments(offers: Parser) -> None:
    offers.add_argument(
        "--in",
        dest="currency",
        type=_currency,
        metavar="CODE",
        help="the currency to compare in (default: most offers')",
    )
    offers.add_argument(
        "--per", choices=PERIODS, default="year", metavar="PERIOD", help=f"one of {', '.join(PERIODS)} (default year)"
    )
    offers.add_argument(
        "--rate",
        type=_rate,
        action="append",
        default=[],
        metavar="CODE=N",
        help="what one unit of another currency is worth in the one compared in: USD=0.92 (repeat for each); "
        "nextyes fetches no rates, and an offer without one is shown as it is",
    )
    offers.add_argument("--json", action="store_true", help="print them as a JSON array")


def _offers(recorder: Recorder, options: argparse.Namespace) -> int:
    from tui.core.offers import NORMALISING, a_period, compare_offers, open_offers, usual_currency

    search = recorder.store.load()
    today = recorder.today(search)
    pairs = open_offers(search)
    period = PayPeriod(options.per)
    rates = dict(options.rate)
    currency = options.currency or usual_currency(pairs, rates) or "EUR"
    if currency in rates:
        raise BadInput(f"--rate {currency}=… names the currency compared in; give rates for the others")
    compared = compare_offers(pairs, currency, period, rates)
    if options.json:
        print(json.dumps([_document(each, currency, period) for each in compared], ensure_ascii=False, indent=2))
        return 0
    if not compared:
        print("No open offers yet. When one comes: nextyes offer APP --amount 62000 --currency EUR --answer-by DATE")
        return 0
    print(f"Open offers, {a_period(period)} in {currency}:")
    print("\n".join(_table(compared, currency, period, today)))
    if any(each.offer.period is not period for each in compared):
        print(f"Periods counted as {NORMALISING}.")
    for each in compared:
        parts = _parts(each.offer, today)
        if parts:
            print(f"  {each.application.company}: {parts}")
    unconverted = sorted({each.offer.currency for each in compared if each.amount is None})
    for code in unconverted:
        said = (
            f"Not converted: offers in {code} are shown as they are (no rate is fetched); --rate {code}=N, "
            f"what one {code} is worth in {currency}, sets them beside the others."
        )
        print("\n".join(textwrap.wrap(said, 80, subsequent_indent="  ")))
    return 0


def _table(compared: list[ComparedOffer], currency: str, period: PayPeriod, today: date) -> list[str]:
    from tui.cli.listing import Column, table
    from tui.core.days import describe_day
    from tui.core.offers import describe_offer, format_amount

    columns = (
        Column("ID"),
        Column("COMPANY", shrinks=True),
        Column("ROLE", shrinks=True),
        Column(f"A {period.value.upper()}"),
        Column("AS OFFERED", shrinks=True),
        Column("ANSWER BY"),
    )
    rows = []
    for each in compared:
        amount = format_amount(each.amount, currency) if each.amount is not None else "–"
        if each.rate is not None:
            amount += " *"
        answer = describe_day(each.offer.answer_by, today) if each.offer.answer_by else "–"
        rows.append(
            (
                each.application.short_id,
                each.application.company,
                each.application.role,
                amount,
                describe_offer(each.offer),
                answer,
            )
        )
    lines = table(columns, rows)
    rated = sorted({(each.offer.currency, each.rate) for each in compared if each.rate is not None})
    if rated:
        lines.append("* converted at " + ", ".join(f"1 {code} = {rate} {currency}" for code, rate in rated))
    return lines


def _parts(offer: Offer, today: date) -> str:
    from tui.core.days import describe_day

    parts = [
        f"{name} {value}"
        for name, value in (("base", offer.base), ("bonus", offer.bonus), ("equity", offer.equity))
        if value
    ]
    if offer.start_on is not None:
        parts.append(f"starts {describe_day(offer.start_on, today)}")
    if offer.notes:
        parts.append(offer.notes)
    return " · ".join(parts)


def _document(each: ComparedOffer, currency: str, period: PayPeriod) -> dict[str, object]:
    from tui.core.offers import rounded

    offer = each.offer
    return {
        "id": str(offer.id),
        "application": each.application.short_id,
        "company": each.application.company,
        "role": each.application.role,
        "per": period.value,
        "currency": currency,
        "amount": str(rounded(each.amount)) if each.amount is not None else None,
        "rate": str(each.rate) if each.rate is not None else None,
        "offered": {"amount": str(offer.amount), "currency": offer.currency, "per": offer.period.value},
        "base": offer.base,
        "bonus": offer.bonus,
        "equity": offer.equity,
        "start": offer.start_on.isoformat() if offer.start_on else None,
        "answer_by": offer.answer_by.isoformat() if offer.answer_by else None,
        "received": offer.received_on.isoformat(),
        "revises": str(offer.replaces) if offer.replaces else None,
        "notes": offer.notes,
    }
