"""The résumé, the ad, the salaries and the offers from the shell: `add --resume --ad --salary`, `edit application`
with them, `offer` and `offers`.

Each command runs in-process at the fixed clock (Sunday 15 March 2026, 14:30 UTC) on a database in a temporary
folder; what it prints, its exit status and what lands on disk are checked.
"""

from __future__ import annotations

import io
import json
import sys
from decimal import Decimal
from pathlib import Path

import pytest

from tests.support.clock import FIXED_NOW
from tests.support.shell import add, refused
from tui.core.models import Stage
from tui.store import Store

TODAY = FIXED_NOW.date()
AD = "Senior Data Engineer at Acme\r\n\r\nWe pay €60–70k a year.\r\n"


class Pipe(io.StringIO):
    """Standard input from a pipe, as in `pbpaste | nextyes add … --ad -`."""

    def isatty(self) -> bool:
        return False


def ok(run, *arguments: str) -> str:
    status, out, err = run(*arguments)
    assert status == 0, (out, err)
    return out


def only_application(store: Store, company: str = "Acme"):
    return next(a for a in store.load().applications if a.company == company)


@pytest.fixture
def ad_file(tmp_path: Path) -> Path:
    path = tmp_path / "acme-ad.txt"
    path.write_bytes(AD.encode())
    return path


# --- add and edit -----------------------------------------------------------------------------------------------


def test_add_keeps_the_resume_version_the_ad_and_the_salaries(run, store: Store, ad_file: Path) -> None:
    out = ok(
        run,
        "add",
        "Acme",
        "Data Engineer",
        "--resume",
        "data-v2",
        "--resume-path",
        "~/cv/data-v2.pdf",
        "--ad",
        str(ad_file),
        "--salary",
        "€60–70k",
        "--asked",
        "72k",
    )
    assert "The ad is kept with it (52 characters), even once the posting is gone." in out
    acme = only_application(store)
    assert (acme.resume, acme.resume_path, acme.salary_advertised, acme.salary_asked) == (
        "data-v2",
        "~/cv/data-v2.pdf",
        "€60–70k",
        "72k",
    )
    assert acme.ad == "Senior Data Engineer at Acme\n\nWe pay €60–70k a year."  # line ends made plain


def test_add_reads_the_ad_from_standard_input(run, store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", Pipe("Pasted ad: Python, SQL, Airflow.\n"))
    ok(run, "add", "Acme", "Data Engineer", "--ad", "-")
    assert only_application(store).ad == "Pasted ad: Python, SQL, Airflow."


def test_an_ad_that_cannot_be_read_is_refused_and_nothing_is_added(run, db_path: Path, tmp_path: Path) -> None:
    err = refused(run, db_path, "add", "Acme", "Data Engineer", "--ad", str(tmp_path / "missing.txt"))
    assert "missing.txt" in err and "give a text file holding the ad" in err
    too_long = tmp_path / "long.txt"
    too_long.write_text("x" * 60_001, encoding="utf-8")
    err = refused(run, db_path, "add", "Acme", "Data Engineer", "--ad", str(too_long))
    assert "more than 60,000 characters" in err


def test_edit_application_replaces_the_ad_from_standard_input_and_corrects_the_rest(
    run, store: Store, ad_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    add(run, "Acme", "Data Engineer", "--ad", str(ad_file))
    monkeypatch.setattr(sys, "stdin", Pipe("The ad, as reposted.\n"))
    out = ok(run, "edit", "application", "acme", "--ad", "-", "--resume", "data-v3", "--salary", "€65–75k")
    assert out == "Corrected Acme (Data Engineer): résumé version, advertised salary, job ad.\n"
    acme = only_application(store)
    assert (acme.ad, acme.resume, acme.salary_advertised) == ("The ad, as reposted.", "data-v3", "€65–75k")
    ok(run, "edit", "application", "acme", "--ad", "none", "--asked", "70k")
    acme = only_application(store)
    assert (acme.ad, acme.salary_asked) == ("", "70k")


def test_edit_application_lists_the_new_fields_among_what_it_takes(run, db_path: Path) -> None:
    add(run, "Acme", "Data Engineer")
    err = refused(run, db_path, "edit", "application", "acme")
    assert "--resume, --resume-path, --ad, --salary, --asked" in err


# --- offer ------------------------------------------------------------------------------------------------------------


def test_an_offer_is_kept_and_moves_the_application_to_the_offer_stage(run, store: Store) -> None:
    add(run, "Acme", "Data Engineer")
    out = ok(
        run,
        "offer",
        "acme",
        "--amount",
        "62k",
        "--currency",
        "eur",
        "--bonus",
        "10% target",
        "--start",
        "2026-05-01",
        "--answer-by",
        "friday",
    )
    assert out.splitlines() == [
        "Offer kept: Acme — Data Engineer, 62,000 EUR a year; answer by Fri 20 Mar.",
        "Acme — Data Engineer is now offer. Well done: 'nextyes offers' sets it beside any others.",
        "★ A win for your list: Got an offer from Acme (Data Engineer)",
    ]
    acme = only_application(store)
    assert acme.stage is Stage.OFFER
    [made] = acme.offers
    assert (made.amount, made.currency, made.bonus, made.received_on) == (Decimal(62000), "EUR", "10% target", TODAY)
    assert str(made.start_on) == "2026-05-01"


def test_a_second_offer_revises_the_first_which_stays_in_the_history(run, store: Store) -> None:
    add(run, "Acme", "Data Engineer")
    ok(run, "offer", "acme", "--amount", "62000", "--currency", "EUR")
    out = ok(run, "offer", "acme", "--amount", "5500", "--per", "month", "--answer-by", "tuesday")
    assert out.splitlines() == [
        "Offer kept: Acme — Data Engineer, 5,500 EUR a month; answer by Tue 17 Mar.",
        "  It revises the offer of Sun 15 Mar (62,000 EUR a year).",
    ]
    first, revised = only_application(store).offers
    assert revised.replaces == first.id and revised.currency == "EUR"
    ok(run, "offer", "acme", "--amount", "60000", "--currency", "EUR", "--separate")
    assert len(only_application(store).current_offers) == 2


@pytest.mark.parametrize(
    ("arguments", "said"),
    [
        (("--amount", "62000"), "say which currency it is in: --currency EUR"),
        (("--amount", "lots", "--currency", "EUR"), "cannot read the amount 'lots'"),
        (("--amount", "62000", "--currency", "euro"), "'euro' is not a currency code"),
        (("--amount", "62000", "--currency", "EUR", "--received", "tomorrow"), "is in the future"),
    ],
)
def test_an_offer_that_cannot_be_read_is_refused(run, db_path: Path, arguments: tuple[str, ...], said: str) -> None:
    add(run, "Acme", "Data Engineer")
    assert said in refused(run, db_path, "offer", "acme", *arguments)


# --- offers ---------------------------------------------------------------------------------------------------


@pytest.fixture
def three_offers(run) -> None:
    for company in ("Acme", "Globex", "Hooli"):
        add(run, company, "Data Engineer")
    ok(run, "offer", "acme", "--amount", "62000", "--currency", "EUR", "--answer-by", "friday", "--equity", "0.1%")
    ok(run, "offer", "globex", "--amount", "5000", "--currency", "EUR", "--per", "month", "--answer-by", "tuesday")
    ok(run, "offer", "hooli", "--amount", "40", "--currency", "USD", "--per", "hour")


def test_offers_are_set_side_by_side_on_one_period_with_another_currency_left_as_it_is(run, three_offers: None) -> None:
    out = ok(run, "offers", "--per", "month")
    lines = out.splitlines()
    assert lines[0] == "Open offers, a month in EUR:"
    assert lines[2].split()[1:5] == ["Globex", "Data", "Engineer", "5,000"]  # the nearest deadline first
    assert "5,166.67 EUR" in lines[3] and "62,000 EUR a year" in lines[3]  # Acme, 62,000 / 12
    assert "Hooli" in lines[4] and "–" in lines[4] and "40 USD an hour" in lines[4]
    assert "Periods counted as 40 hours and 5 days a week, 52 weeks and 12 months a year." in out
    assert "Acme: equity 0.1%" in out
    assert "Not converted: offers in USD are shown as they are (no rate is fetched)" in " ".join(lines)
    assert all(len(line) <= 80 for line in lines)


def test_offers_in_another_currency_are_converted_at_the_rate_given(run, three_offers: None) -> None:
    out = ok(run, "offers", "--rate", "USD=0.9")
    hooli = next(line for line in out.splitlines() if "Hooli" in line)
    assert "74,880 EUR *" in hooli  # 40 × 2,080 hours × 0.9
    assert "* converted at 1 USD = 0.9 EUR" in out
    assert "Not converted" not in out


def test_offers_as_json_for_scripts(run, three_offers: None) -> None:
    documents = json.loads(ok(run, "offers", "--in", "usd", "--per", "year", "--json"))
    assert [d["company"] for d in documents] == ["Globex", "Acme", "Hooli"]
    hooli = documents[2]
    assert (hooli["amount"], hooli["currency"], hooli["per"], hooli["rate"]) == ("83200.00", "USD", "year", None)
    assert documents[0]["amount"] is None  # EUR, with no rate into USD
    assert documents[1]["equity"] == "0.1%" and documents[1]["answer_by"] == "2026-03-20"


def test_no_open_offers_says_how_to_keep_one(run) -> None:
    add(run, "Acme", "Data Engineer")
    assert ok(run, "offers").startswith("No open offers yet.")


def test_a_rate_for_the_currency_compared_in_is_refused(run, db_path: Path, three_offers: None) -> None:
    assert "names the currency compared in" in refused(run, db_path, "offers", "--in", "EUR", "--rate", "EUR=1")


def test_the_answer_deadline_is_in_todays_actions_and_marked_on_its_day(run, three_offers: None) -> None:
    ok(run, "offer", "hooli", "--amount", "42", "--per", "hour", "--answer-by", "today")
    today = ok(run, "today").splitlines()
    assert today[0] == "1. ! Answer the offer from Hooli (Data Engineer) — 42 USD an hour; they want an answer today"
    assert today[1].startswith("2. ○ Answer the offer from Globex (Data Engineer) — 5,000 EUR a month;")
