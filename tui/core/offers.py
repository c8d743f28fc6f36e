"""Offers and salaries: the offers still open, compared on one period and currency, and salaries as typed read
into numbers where they can be ("€60–70k", "45 EUR/hour"), so an advertised range can be held against an offer.

Periods are turned into one another over a working year of 52 weeks of 5 days of 8 hours (40 hours a week,
260 days, 2,080 hours) and 12 months. No exchange rate is ever fetched: an amount in another currency is
converted only at a rate the person gives, and otherwise shown as it is.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from tui.core.days import WEEKDAYS, parse_day
from tui.core.models import Application, Offer, PayPeriod, Stage
from tui.core.search import JobSearch

HOURS_A_WEEK = 40
DAYS_A_WEEK = 5
WEEKS_A_YEAR = 52
MONTHS_A_YEAR = 12
# How many of each period make a year.
PER_YEAR: dict[PayPeriod, Decimal] = {
    PayPeriod.YEAR: Decimal(1),
    PayPeriod.MONTH: Decimal(MONTHS_A_YEAR),
    PayPeriod.WEEK: Decimal(WEEKS_A_YEAR),
    PayPeriod.DAY: Decimal(WEEKS_A_YEAR * DAYS_A_WEEK),
    PayPeriod.HOUR: Decimal(WEEKS_A_YEAR * HOURS_A_WEEK),
}
NORMALISING = (
    f"{HOURS_A_WEEK} hours and {DAYS_A_WEEK} days a week, {WEEKS_A_YEAR} weeks and {MONTHS_A_YEAR} months a year"
)
LARGEST_AMOUNT = Decimal(1_000_000_000)  # what an offer's amount may be at most (the model's bound)
ANSWER_NOTICE_DAYS = 3  # an offer's answer deadline comes into Today's actions this many days ahead

# What a currency sign stands for; codes are written out as they are.
CURRENCY_SIGNS = {"€": "EUR", "$": "USD", "£": "GBP", "¥": "JPY", "₹": "INR", "₩": "KRW", "₺": "TRY", "₽": "RUB"}
CURRENCY_CODES = frozenset(
    [
        "EUR",
        "USD",
        "GBP",
        "CHF",
        "CAD",
        "AUD",
        "NZD",
        "SEK",
        "NOK",
        "DKK",
        "PLN",
        "CZK",
        "HUF",
        "RON",
        "JPY",
        "CNY",
        "INR",
        "SGD",
        "HKD",
        "ZAR",
        "BRL",
        "MXN",
        "ILS",
        "TRY",
        "KRW",
    ]
)
PERIOD_WORDS: tuple[tuple[PayPeriod, str], ...] = (
    (PayPeriod.HOUR, r"hours?|hourly|hr|/\s*h"),
    (PayPeriod.DAY, r"days?|daily|/\s*d"),
    (PayPeriod.WEEK, r"weeks?|weekly|wk|/\s*w"),
    (PayPeriod.MONTH, r"months?|monthly|mo|pcm|/\s*m"),
    (PayPeriod.YEAR, r"years?|yearly|yr|annum|annual|annually|p\.?\s?a\.?|/\s*y"),
)
_NUMBER = r"\d+(?:[.,\u202f\u00a0 ]\d{3})*(?:[.,]\d+)?"
_AMOUNT = re.compile(rf"({_NUMBER})\s*([kKmM])?(?![\w])")


def per(amount: Decimal, period: PayPeriod, wanted: PayPeriod) -> Decimal:
    """`amount` paid per `period` as paid per `wanted`, over a working year (`NORMALISING`)."""
    return amount * PER_YEAR[period] / PER_YEAR[wanted]


def rounded(amount: Decimal) -> Decimal:
    """To the cent, halves up: what is shown and compared."""
    return amount.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def format_amount(amount: Decimal, currency: str = "") -> str:
    """'62,000 EUR', '45.50 EUR': cents only when there are some."""
    cents = rounded(amount)
    shown = f"{cents:,.0f}" if cents == cents.to_integral_value() else f"{cents:,.2f}"
    return f"{shown} {currency}".strip()


# --- the offers still open, side by side ------------------------------------------------------------------


def offer_history(application: Application, offer: Offer) -> list[Offer]:
    """`offer` and the offers it revised, the first made first."""
    by_id = {each.id: each for each in application.offers}
    chain = [offer]
    while chain[-1].replaces is not None and chain[-1].replaces in by_id:
        chain.append(by_id[chain[-1].replaces])
    return list(reversed(chain))


def open_offers(search: JobSearch) -> list[tuple[Application, Offer]]:
    """Each offer still to be answered: the offers as they now stand of applications at the offer stage,
    the earliest deadline first (those without one last), then by company."""
    pairs = [
        (application, offer)
        for application in search.applications
        if application.stage is Stage.OFFER
        for offer in application.current_offers
    ]
    return sorted(pairs, key=lambda pair: (pair[1].answer_by is None, pair[1].answer_by, pair[0].company.casefold()))


@dataclass(frozen=True)
class ComparedOffer:
    """One offer on the common period and currency; `amount` None when its currency has no rate given."""

    application: Application
    offer: Offer
    amount: Decimal | None  # in the chosen currency, per the chosen period
    as_offered: Decimal  # in the offer's own currency, per the chosen period
    rate: Decimal | None  # the rate it was converted at, when its currency is another


def usual_currency(pairs: list[tuple[Application, Offer]], rated: Iterable[str] = ()) -> str | None:
    """The currency most of the offers are in (the first offer's, on a tie), leaving out those `rated` (given a
    rate into another); None without offers."""
    left_out = set(rated)
    counted = Counter(offer.currency for _, offer in pairs if offer.currency not in left_out)
    return max(counted, key=lambda code: counted[code]) if counted else None


def compare_offers(
    pairs: list[tuple[Application, Offer]], currency: str, period: PayPeriod, rates: dict[str, Decimal]
) -> list[ComparedOffer]:
    """The offers on one `period` and in one `currency`, in the order given.

    `rates` give the worth of one unit of another currency in `currency` (USD=0.92 with EUR chosen); an offer in
    a currency with no rate keeps its own currency and has no `amount`.
    """
    compared = []
    for application, offer in pairs:
        own = per(offer.amount, offer.period, period)
        if offer.currency == currency:
            compared.append(ComparedOffer(application, offer, own, own, None))
        elif offer.currency in rates:
            rate = rates[offer.currency]
            compared.append(ComparedOffer(application, offer, own * rate, own, rate))
        else:
            compared.append(ComparedOffer(application, offer, None, own, None))
    return compared


def read_rate(text: str) -> tuple[str, Decimal]:
    """'USD=0.92' to ('USD', 0.92); ValueError saying what is accepted for anything else."""
    match = re.fullmatch(r"\s*([A-Za-z]{3})\s*=\s*(\d+(?:[.,]\d+)?)\s*", text)
    if match is None or Decimal(match.group(2).replace(",", ".")) == 0:
        raise ValueError(f"cannot read the rate {text!r}; write it as CODE=NUMBER, such as USD=0.92")
    return match.group(1).upper(), Decimal(match.group(2).replace(",", "."))


def read_currency(text: str) -> str:
    """A three-letter currency code in capitals ('eur' -> 'EUR', '€' -> 'EUR'); ValueError for anything else."""
    typed = text.strip()
    code = CURRENCY_SIGNS.get(typed, typed.upper())
    if not re.fullmatch(r"[A-Z]{3}", code):
        raise ValueError(f"{text!r} is not a currency code; use three letters such as EUR, USD or GBP")
    return code


def read_amount(text: str) -> Decimal:
    """'62000', '62,000', '62k', '62.5k', '4.800,50': a non-negative amount; ValueError for anything else."""
    match = _AMOUNT.fullmatch(text.strip())
    if match is None:
        raise ValueError(f"cannot read the amount {text!r}; write a number such as 62000 or 62k")
    amount = _scaled(_number(match.group(1)), match.group(2))
    if amount > LARGEST_AMOUNT:
        raise ValueError(f"{text.strip()!r} is more than {LARGEST_AMOUNT:,}; write the pay for one period, such as 62k")
    if amount != rounded(amount):
        raise ValueError(f"{text.strip()!r} has more than two decimals; write it to the cent, such as 45.50")
    return amount


def day_ahead(text: str, today: date) -> date:
    """A day as typed for an offer's start or answer deadline, which lie ahead: a weekday alone ('friday')
    names the next one, not the last as in `parse_day`. DateParseError for a day that cannot be read."""
    named = parse_day(text, today)
    if named < today and text.strip().lower() in WEEKDAYS:
        return named + timedelta(days=7)
    return named


# --- a salary as typed ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class SalaryRange:
    """What a salary typed as text says, as far as it can be read: a range (low equal to high for one figure)."""

    low: Decimal
    high: Decimal
    currency: str | None  # None: the text names none
    period: PayPeriod | None  # None: the text names none


def read_salary(text: str) -> SalaryRange | None:
    """'€60–70k', '$120,000 - $140,000 a year', '45-55 EUR/hour', 'up to 80k': the range it gives, or None when
    it names no amount. A 'k' on the last figure counts for the first too ('60–70k')."""
    if not text.strip():
        return None
    found = [(_number(number), suffix) for number, suffix in _AMOUNT.findall(text)]
    if not found:
        return None
    amounts = [_scaled(number, suffix) for number, suffix in found[:2]]
    if len(found) >= 2 and not found[0][1] and found[1][1] and amounts[0] < 1000 <= amounts[1]:
        amounts[0] = _scaled(found[0][0], found[1][1])
    low, high = min(amounts), max(amounts)
    return SalaryRange(low, high, _currency_in(text), _period_in(text))


def _number(text: str) -> Decimal:
    cleaned = re.sub(r"[\u202f\u00a0 ]", "", text)
    if re.fullmatch(r"\d{1,3}([.,])\d{3}(\1\d{3})*", cleaned):  # 60.000 or 120,000: thousands
        return Decimal(re.sub(r"[.,]", "", cleaned))
    if "," in cleaned and "." in cleaned:  # 1,234.56 or 1.234,56: the last one is the decimal point
        decimal_point = max(cleaned.rfind(","), cleaned.rfind("."))
        cleaned = re.sub(r"[.,]", "", cleaned[:decimal_point]) + "." + cleaned[decimal_point + 1 :]
    try:
        return Decimal(cleaned.replace(",", "."))
    except InvalidOperation:
        return Decimal(0)


def _scaled(number: Decimal, suffix: str | None) -> Decimal:
    return number * {"k": 1000, "m": 1_000_000}.get((suffix or "").lower(), 1)


def _currency_in(text: str) -> str | None:
    for sign, code in CURRENCY_SIGNS.items():
        if sign in text:
            return code
    words: list[str] = re.findall(r"(?<![A-Za-z])[A-Za-z]{3}(?![A-Za-z])", text)
    for word in words:
        if word.upper() in CURRENCY_CODES and (word.isupper() or word.lower() in ("eur", "usd", "gbp", "chf")):
            return word.upper()
    return None


def _period_in(text: str) -> PayPeriod | None:
    lowered = text.casefold()
    for period, words in PERIOD_WORDS:
        if re.search(rf"(?<![a-z])(?:{words})(?![a-z])", lowered):
            return period
    return None


# --- advertised against offered -----------------------------------------------------------------------------


@dataclass(frozen=True)
class PayCheck:
    """An offer held against the salary the ad gave, both on the offer's period and in its currency."""

    application: Application
    offer: Offer
    low: Decimal  # the advertised range, on the offer's period
    high: Decimal
    assumed: tuple[str, ...]  # what was read into the ad's words: 'no period: read as a year', …

    @property
    def position(self) -> str:
        """'below', 'within' or 'above' the advertised range."""
        amount = rounded(self.offer.amount)
        if amount < rounded(self.low):
            return "below"
        if amount > rounded(self.high):
            return "above"
        return "within"

    @property
    def gap(self) -> Decimal:
        """How far outside the range the offer is, as a share of the nearer end (0 within it)."""
        if self.position == "below" and self.low:
            return (self.low - self.offer.amount) / self.low
        if self.position == "above" and self.high:
            return (self.offer.amount - self.high) / self.high
        return Decimal(0)


def advertised_against_offered(applications: list[Application]) -> list[PayCheck]:
    """Each application whose advertised salary can be read and that has an offer: its latest offer held
    against that range. An ad in another currency than the offer is left out (no rate is assumed); an ad
    that names no currency is read in the offer's, and one that names no period as a year."""
    checks = []
    for application in applications:
        advertised = read_salary(application.salary_advertised)
        offers = application.current_offers
        if advertised is None or not offers:
            continue
        offer = offers[-1]
        assumed = []
        if advertised.currency is None:
            assumed.append(f"no currency in the ad: read as {offer.currency}")
        elif advertised.currency != offer.currency:
            continue
        period = advertised.period
        if period is None:
            period = PayPeriod.YEAR
            assumed.append("no period in the ad: read as a year")
        low = per(advertised.low, period, offer.period)
        high = per(advertised.high, period, offer.period)
        checks.append(PayCheck(application, offer, low, high, tuple(assumed)))
    return checks


def describe_salary(salary: SalaryRange, currency: str | None = None) -> str:
    """'60,000–70,000 EUR a year' (or per month, …): a range read from text, as it is compared."""
    code = salary.currency or currency or ""
    figures = format_amount(salary.low)
    if salary.high != salary.low:
        figures += f"–{format_amount(salary.high)}"
    period = f" {a_period(salary.period)}" if salary.period is not None else ""
    return f"{figures} {code}".strip() + period


def describe_offer(offer: Offer) -> str:
    """'62,000 EUR a year', '65 USD an hour'."""
    return f"{format_amount(offer.amount, offer.currency)} {a_period(offer.period)}"


def a_period(period: PayPeriod) -> str:
    """'a year', 'an hour'."""
    return f"{'an' if period is PayPeriod.HOUR else 'a'} {period.value}"
