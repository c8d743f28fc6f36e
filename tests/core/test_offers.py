"""Offers and résumé versions in the rules: salaries read from text, offers on one period and currency, the
answer deadline in Today's actions, insights by résumé version and advertised against offered, and the weekly
review's word on a version doing clearly better."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from pydantic import ValidationError

from tui.core.actions import ActionKind, next_step, todays_actions
from tui.core.insights import NO_RESUME, Breakdown, build_insights, clearly_different
from tui.core.models import (
    ActionMark,
    Application,
    Mark,
    Offer,
    PayPeriod,
    Settings,
    Stage,
    StageChange,
)
from tui.core.offers import (
    SalaryRange,
    advertised_against_offered,
    compare_offers,
    day_ahead,
    describe_offer,
    open_offers,
    per,
    read_amount,
    read_salary,
    usual_currency,
)
from tui.core.review import weekly_review
from tui.core.search import JobSearch
from tui.exchange.review_format import review_markdown, review_text

UTC = ZoneInfo("UTC")
TODAY = date(2026, 3, 15)
STAMP = datetime(2026, 1, 1, 9, 0, tzinfo=UTC)
SETTINGS = Settings(created_at=STAMP, updated_at=STAMP)


def noon(day: date) -> datetime:
    return datetime.combine(day, time(12), UTC)


def offer(amount: str = "62000", currency: str = "EUR", **fields: object) -> Offer:
    return Offer.model_validate(
        {"amount": Decimal(amount), "currency": currency, "received_on": date(2026, 3, 10), **fields}
    )


def application(
    company: str = "Acme",
    stage: Stage = Stage.APPLIED,
    applied_on: date = date(2026, 2, 1),
    moves: tuple[Stage, ...] = (),
    **fields: object,
) -> Application:
    history = [StageChange(stage=Stage.APPLIED, at=noon(applied_on), day=applied_on)]
    history += [StageChange(stage=moved, at=noon(applied_on), day=applied_on) for moved in moves]
    values: dict[str, object] = {
        "company": company,
        "role": "Data Engineer",
        "applied_on": applied_on,
        "stage": stage,
        "stage_history": history,
        "created_at": STAMP,
        "updated_at": STAMP,
    }
    return Application.model_validate(values | fields)


def with_offer(company: str = "Acme", *offers: Offer, **fields: object) -> Application:
    return application(company, Stage.OFFER, moves=(Stage.OFFER,), offers=list(offers or [offer()]), **fields)


def search_of(*applications: Application, marks: tuple[ActionMark, ...] = ()) -> JobSearch:
    return JobSearch(settings=SETTINGS, applications=applications, action_marks=marks)


# --- the records ----------------------------------------------------------------------------------------------


def test_an_offer_needs_a_three_letter_currency_and_an_amount_not_below_zero() -> None:
    with pytest.raises(ValidationError):
        offer(currency="euro")
    with pytest.raises(ValidationError):
        offer(amount="-1")
    assert offer(period="hour").period is PayPeriod.HOUR


def test_an_offer_can_only_revise_an_earlier_offer_of_its_application() -> None:
    first = offer()
    revised = offer("65000", replaces=first.id)
    assert with_offer("Acme", first, revised).current_offers == [revised]
    with pytest.raises(ValidationError, match="earlier offer"):
        with_offer("Acme", revised, first)


def test_an_application_keeps_an_ad_of_sixty_thousand_characters_and_no_more() -> None:
    assert len(application(ad="a" * 60_000).ad) == 60_000
    with pytest.raises(ValidationError):
        application(ad="a" * 60_001)


def test_an_older_application_reads_with_no_resume_no_ad_and_no_offers() -> None:
    older = application().model_dump(mode="json")
    for field in ("resume", "resume_path", "ad", "salary_advertised", "salary_asked", "offers"):
        del older[field]
    read = Application.model_validate(older)
    assert (read.resume, read.ad, read.salary_advertised, read.offers) == ("", "", "", [])


# --- salaries typed as text --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "read"),
    [
        ("€60–70k", SalaryRange(Decimal(60000), Decimal(70000), "EUR", None)),
        ("$120,000 - $140,000 a year", SalaryRange(Decimal(120000), Decimal(140000), "USD", PayPeriod.YEAR)),
        ("60.000 - 70.000 EUR p.a.", SalaryRange(Decimal(60000), Decimal(70000), "EUR", PayPeriod.YEAR)),
        ("45-55 EUR/hour", SalaryRange(Decimal(45), Decimal(55), "EUR", PayPeriod.HOUR)),
        ("£4,500 per month", SalaryRange(Decimal(4500), Decimal(4500), "GBP", PayPeriod.MONTH)),
        ("up to 80k", SalaryRange(Decimal(80000), Decimal(80000), None, None)),
    ],
)
def test_a_salary_typed_as_text_is_read_as_a_range(typed: str, read: SalaryRange) -> None:
    assert read_salary(typed) == read


@pytest.mark.parametrize("typed", ["", "competitive", "DOE"])
def test_a_salary_without_a_figure_reads_as_nothing(typed: str) -> None:
    assert read_salary(typed) is None


@pytest.mark.parametrize(("typed", "amount"), [("62000", "62000"), ("62k", "62000"), ("4.800,50", "4800.50")])
def test_an_amount_is_read_as_people_write_it(typed: str, amount: str) -> None:
    assert read_amount(typed) == Decimal(amount)


@pytest.mark.parametrize(
    ("typed", "said"),
    [("lots", "cannot read the amount"), ("2000000k", "more than 1,000,000,000"), ("45.5555", "two decimals")],
)
def test_an_amount_an_offer_cannot_hold_is_refused_saying_why(typed: str, said: str) -> None:
    with pytest.raises(ValueError, match=said):
        read_amount(typed)


@pytest.mark.parametrize(
    ("typed", "day"),
    [("friday", date(2026, 3, 20)), ("Sunday", date(2026, 3, 15)), ("yesterday", date(2026, 3, 14))],
)
def test_a_weekday_alone_names_the_next_one_for_an_offers_days(typed: str, day: date) -> None:
    assert day_ahead(typed, date(2026, 3, 15)) == day  # a Sunday


# --- offers side by side ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("period", "a_year"),
    [(PayPeriod.HOUR, 2080), (PayPeriod.DAY, 260), (PayPeriod.WEEK, 52), (PayPeriod.MONTH, 12), (PayPeriod.YEAR, 1)],
)
def test_periods_are_counted_over_40_hours_5_days_52_weeks_and_12_months(period: PayPeriod, a_year: int) -> None:
    assert per(Decimal(1), period, PayPeriod.YEAR) == a_year
    assert per(Decimal(a_year), PayPeriod.YEAR, period) == 1


def test_open_offers_are_those_standing_at_applications_still_at_the_offer_stage() -> None:
    first = offer("60000", answer_by=date(2026, 3, 20))
    revised = offer("64000", replaces=first.id, answer_by=date(2026, 3, 18))
    acme = with_offer("Acme", first, revised)
    globex = with_offer("Globex", offer("5000", period="month", answer_by=date(2026, 3, 17)))
    accepted = application("Initech", Stage.ACCEPTED, offers=[offer()])
    pairs = open_offers(search_of(acme, globex, accepted))
    assert [(a.company, o.amount) for a, o in pairs] == [("Globex", Decimal(5000)), ("Acme", Decimal(64000))]


def test_offers_are_compared_on_one_period_and_another_currency_only_at_a_rate_given() -> None:
    pairs = [
        (with_offer("Acme"), offer("62000")),
        (with_offer("Globex"), offer("5000", period="month")),
        (with_offer("Hooli"), offer("40", "USD", period="hour")),
    ]
    assert usual_currency(pairs) == "EUR"
    unrated = compare_offers(pairs, "EUR", PayPeriod.MONTH, {})
    assert [c.amount for c in unrated] == [Decimal(62000) / 12, Decimal(5000), None]
    assert unrated[2].as_offered == Decimal(40 * 2080) / 12  # shown in its own currency, a month
    rated = compare_offers(pairs, "EUR", PayPeriod.YEAR, {"USD": Decimal("0.9")})
    assert rated[2].amount == Decimal(40 * 2080) * Decimal("0.9")
    assert rated[2].rate == Decimal("0.9")


def test_an_offer_reads_with_its_currency_and_period() -> None:
    assert describe_offer(offer("62000")) == "62,000 EUR a year"
    assert describe_offer(offer("45.5", period="hour")) == "45.50 EUR an hour"


# --- the answer deadline in Today's actions ------------------------------------------------------------------------


def offer_actions(search: JobSearch, today: date) -> list:
    return [a for a in todays_actions(search, SETTINGS, today) if a.kind is ActionKind.OFFER]


def test_the_answer_deadline_comes_into_todays_actions_three_days_ahead_and_is_urgent_on_its_day() -> None:
    search = search_of(with_offer("Acme", offer(answer_by=date(2026, 3, 18))))
    assert offer_actions(search, date(2026, 3, 14)) == []
    [ahead] = offer_actions(search, date(2026, 3, 15))
    assert ahead.title == "Answer the offer from Acme (Data Engineer)"
    assert ahead.why == "62,000 EUR a year; they want an answer in 3 days"
    assert not ahead.urgent
    [due] = offer_actions(search, date(2026, 3, 18))
    assert due.urgent and due.why.endswith("they want an answer today")
    [late] = offer_actions(search, date(2026, 3, 19))
    assert "answer, or ask for more time" in late.why


def test_the_answer_deadline_comes_first_of_all_actions() -> None:
    search = search_of(with_offer("Acme", offer(answer_by=TODAY)), application("Globex", applied_on=date(2026, 3, 1)))
    actions = todays_actions(search, SETTINGS, TODAY)
    assert actions[0].kind is ActionKind.OFFER
    assert any(a.kind is ActionKind.FOLLOW_UP for a in actions)


def test_no_answer_is_asked_once_the_offer_is_accepted_or_has_no_deadline() -> None:
    accepted = application("Acme", Stage.ACCEPTED, offers=[offer(answer_by=TODAY)])
    undated = with_offer("Globex", offer())
    assert offer_actions(search_of(accepted, undated), TODAY) == []


def test_a_revised_offer_with_a_new_deadline_asks_again_and_the_old_one_goes() -> None:
    first = offer(answer_by=TODAY)
    revised = offer("66000", replaces=first.id, answer_by=TODAY + timedelta(days=2))
    [action] = offer_actions(search_of(with_offer("Acme", first, revised)), TODAY)
    assert action.why.startswith("66,000 EUR a year; they want an answer in 2 days")


def test_the_pending_next_step_is_the_answer_and_a_snooze_puts_it_off() -> None:
    made = offer(answer_by=date(2026, 3, 25))
    acme = with_offer("Acme", made)
    step = next_step(search_of(acme), acme, SETTINGS, TODAY)
    assert (step.words, step.due) == ("answer the offer in 10 days", date(2026, 3, 25))
    [action] = offer_actions(search_of(acme), date(2026, 3, 22))
    snoozed = ActionMark(
        key=action.key, mark=Mark.SNOOZED, day=TODAY, until=date(2026, 3, 24), created_at=STAMP, updated_at=STAMP
    )
    assert offer_actions(search_of(acme, marks=(snoozed,)), date(2026, 3, 23)) == []
    assert len(offer_actions(search_of(acme, marks=(snoozed,)), date(2026, 3, 24))) == 1


# --- insights -------------------------------------------------------------------------------------------------------


def sent_with(resume: str, replied: int, silent: int, company: str = "Co") -> list[Application]:
    replies = [
        application(f"{company} {resume} {n}", Stage.SCREENING, moves=(Stage.SCREENING,), resume=resume)
        for n in range(replied)
    ]
    return replies + [application(f"{company} {resume} quiet {n}", resume=resume) for n in range(silent)]


def test_insights_count_sent_replies_interviews_and_offers_by_resume_version() -> None:
    search = search_of(
        *sent_with("data-v2", 2, 1),
        application("Hooli", Stage.INTERVIEWING, moves=(Stage.INTERVIEWING,), resume="Data-V2"),
        with_offer("Initech", resume="data-v2"),
        *sent_with("generic", 0, 2),
        application("Nameless"),
    )
    rows = {row.label: row for row in build_insights(search, TODAY).by_resume}
    assert list(rows) == ["data-v2", "generic", NO_RESUME]  # most sent first; none named last
    v2 = rows["data-v2"]
    assert (v2.applied, v2.replies, v2.interviews, v2.offers) == (5, 4, 2, 1)
    assert str(v2.response) == "4 of 5"  # below twenty, said plainly
    assert (rows["generic"].applied, rows["generic"].replies) == (2, 0)


def test_insights_name_no_resume_version_until_one_is_named() -> None:
    assert build_insights(search_of(application("Acme")), TODAY).by_resume == ()


def row(label: str, applied: int, replies: int) -> Breakdown:
    return Breakdown(label, applied, replies, 0, 0, 0, 0)


@pytest.mark.parametrize(
    ("rows", "clear"),
    [
        ((row("a", 5, 4), row("b", 5, 2)), ("a", "b")),  # 80% against 40%: twice
        ((row("a", 10, 2), row("b", 5, 0)), ("a", "b")),  # some replies against none
        ((row("a", 10, 4), row("b", 10, 3)), None),  # close
        ((row("a", 5, 4), row("b", 4, 0)), None),  # b sent only 4 times
        ((row("a", 5, 1), row("b", 5, 0)), None),  # a single reply proves nothing
        ((row("a", 9, 4), row(NO_RESUME, 9, 0)), None),  # none named is not a version
    ],
)
def test_a_version_is_clearly_better_at_twice_the_reply_rate_with_five_sent_each(
    rows: tuple[Breakdown, ...], clear: tuple[str, str] | None
) -> None:
    found = clearly_different(rows)
    assert (None if found is None else (found[0].label, found[1].label)) == clear


def test_insights_hold_an_offer_against_the_salary_advertised() -> None:
    within = with_offer("Acme", offer("65000"), salary_advertised="€60–70k")
    below = with_offer("Globex", offer("4500", period="month"), salary_advertised="60-70k EUR a year")
    other_currency = with_offer("Hooli", offer("100000"), salary_advertised="$120k")
    checks = {c.application.company: c for c in advertised_against_offered([within, below, other_currency])}
    assert set(checks) == {"Acme", "Globex"}
    assert checks["Acme"].position == "within"
    assert checks["Acme"].assumed == ("no period in the ad: read as a year",)
    globex = checks["Globex"]
    assert (globex.low, globex.position) == (Decimal(5000), "below")  # 60k a year is 5,000 a month
    assert globex.gap == Decimal("0.1")
    assert {c.application.company for c in build_insights(search_of(within, below), TODAY).pay_checks} == {
        "Acme",
        "Globex",
    }


# --- the weekly review ------------------------------------------------------------------------------------------------


def test_the_weekly_review_says_which_resume_version_gets_replies_clearly_more_often() -> None:
    search = search_of(*sent_with("data-v2", 4, 1), *sent_with("generic", 1, 5))
    review = weekly_review(search, TODAY, TODAY)
    text = review_text(review)
    said = "Your résumé “data-v2” gets replies clearly more often than “generic”: replies to 4 of 5 sent against 1 of 6"
    assert said in " ".join(text.split())
    assert "clearly more often" in review_markdown(review)


def test_the_weekly_review_says_nothing_of_versions_doing_alike() -> None:
    search = search_of(*sent_with("data-v2", 3, 2), *sent_with("generic", 2, 3))
    assert "résumé" not in review_text(weekly_review(search, TODAY, TODAY))


def test_interview_prep_points_to_the_ad_when_one_is_kept() -> None:
    from tui.core.models import Interview

    def prep_why(kept: Application) -> str:
        booked = Interview(
            application_id=kept.id,
            at=datetime.combine(TODAY + timedelta(days=1), time(10), UTC),
            timezone="UTC",
            day=TODAY + timedelta(days=1),
            created_at=STAMP,
            updated_at=STAMP,
        )
        search = JobSearch(settings=SETTINGS, applications=(kept,), interviews=(booked,))
        [prep] = [a for a in todays_actions(search, SETTINGS, TODAY) if a.kind is ActionKind.PREP]
        return prep.why

    with_ad = application("Acme", Stage.INTERVIEWING, moves=(Stage.INTERVIEWING,), ad="We want SQL and Airflow.")
    assert prep_why(with_ad) == "tomorrow at 10:00; reread the ad kept on its page"
    assert prep_why(with_ad.touched(STAMP, ad="")) == "tomorrow at 10:00"
