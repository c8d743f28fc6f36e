"""Write the README's screenshots: `python screenshots/capture.py` (or `make screenshots`).

Each is taken at 80×24 on a temporary copy of the shipped demo database, at the demo's fixed
instant, so the pictures change only when the app or the demo data does.
"""

from __future__ import annotations

import asyncio
import shutil
import tempfile
from collections.abc import Awaitable, Callable
from datetime import timedelta
from decimal import Decimal
from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import TextArea

from tui.app import NextYesApp
from tui.app.pilot import settle
from tui.core.kinds import PayPeriod
from tui.core.models import Offer
from tui.demo import DEMO_FILE, DEMO_NOW
from tui.locations import data_dir
from tui.recording import Recorder
from tui.store import Store

HERE = Path(__file__).resolve().parent
SIZE = (80, 24)
NEVER = 3600.0  # no polling while a picture is taken


def fixed_clock():
    return lambda: DEMO_NOW


async def dashboard(pilot: Pilot[None]) -> None:
    await settle(pilot)


async def add_application(pilot: Pilot[None]) -> None:
    await settle(pilot)
    await pilot.press("a")
    await settle(pilot)
    await pilot.press(*"Acme Robotics", "tab", *"Backend Engineer", "tab", "tab", *"referral")
    await settle(pilot)


async def help_screen(pilot: Pilot[None]) -> None:
    await settle(pilot)
    await pilot.press("question_mark")
    await settle(pilot)


async def progress(pilot: Pilot[None]) -> None:
    await settle(pilot)
    await pilot.press("p")
    await settle(pilot)


async def insights(pilot: Pilot[None]) -> None:
    await settle(pilot)
    await pilot.press("i")
    await settle(pilot)


async def weekly_review(pilot: Pilot[None]) -> None:
    await settle(pilot)
    await pilot.press("W")
    await settle(pilot)
    await pilot.press("left_square_bracket")  # last week: a whole one, as the demo's Monday has just begun
    await settle(pilot)


async def rest_day(pilot: Pilot[None]) -> None:
    await settle(pilot)
    await pilot.press("R")
    await settle(pilot)
    await pilot.press(*["backspace"] * len("today"), *"next friday", "tab", *"family visit")
    await settle(pilot)


async def pending_row(pilot: Pilot[None], company: str) -> None:
    """Highlight the pending application at `company`, with the keys a person would use."""
    app = pilot.app
    assert isinstance(app, NextYesApp)
    app.dashboard.pending.focus()
    rows = [row.company for row in app.dashboard.pending.rows_shown]
    await pilot.press(*["down"] * rows.index(company))


async def rejection_flow(pilot: Pilot[None]) -> None:
    """Harbor & Pine says no: step 2 of the flow, the feedback request drafted from the record."""
    await settle(pilot)
    await pending_row(pilot, "Harbor & Pine")
    await pilot.press("s")
    await settle(pilot)
    await pilot.press(*["down"] * 5, "enter")  # applied → rejected
    await settle(pilot)
    await pilot.press("home", "enter")  # the reason: skills
    await settle(pilot)


async def contacts(pilot: Pilot[None]) -> None:
    await settle(pilot)
    await pilot.press("c")
    await settle(pilot)


async def interviews(pilot: Pilot[None]) -> None:
    await settle(pilot)
    await pending_row(pilot, "Northwind Analytics")
    await pilot.press("v")
    await settle(pilot)


async def question_bank(pilot: Pilot[None]) -> None:
    await settle(pilot)
    await pilot.press("b")
    await settle(pilot)


async def thank_you_draft(pilot: Pilot[None]) -> None:
    await settle(pilot)
    await pilot.press("d")  # on the first action: the thank-you note after yesterday's interview
    await settle(pilot)


async def all_applications(pilot: Pilot[None]) -> None:
    await settle(pilot)
    await pilot.press("A")
    await settle(pilot)


async def application_history(pilot: Pilot[None]) -> None:
    """One application's page: its fields, then every stage move, interview and activity, with their days."""
    await settle(pilot)
    await pilot.press("A")
    await settle(pilot)
    await pilot.press("slash", *"Northwind", "enter", "enter")
    await settle(pilot)


async def activity_log(pilot: Pilot[None]) -> None:
    await settle(pilot)
    await pilot.press("e")
    await settle(pilot)
    await pilot.press("l")
    await settle(pilot)


# An invitation as a recruiter might write it, for the picture of `P` (our own words).
INVITATION = """From: Maya Lindqvist <maya@tidewater-logistics.com>
Subject: Next step: technical interview

Hi,

Thanks for your time on the phone last week. We would like to invite you to a technical interview for
the Software Engineer II role with Jonas Berg and me on Thursday at 15:00, by video.

Could you confirm the time works for you?

Best,
Maya"""


async def paste_email(pilot: Pilot[None]) -> None:
    """P, an invitation pasted and read: what it says, which application, and the interview it proposes."""
    await settle(pilot)
    await pilot.press("P")
    await settle(pilot)
    pilot.app.screen.query_one("#email", TextArea).text = INVITATION
    await pilot.press("ctrl+s")
    await settle(pilot)


def two_offers(db_path: Path) -> None:
    """Two offers on the demo's copy, recorded as the shell does, for the picture of `O`."""
    recorder = Recorder(Store(db_path, fixed_clock()), fixed_clock())
    search = recorder.store.load()
    today = DEMO_NOW.date()
    offers = (
        ("Tidewater Logistics", Decimal("68000"), PayPeriod.YEAR, "10% target", 5),
        ("Brightpath Learning", Decimal("520"), PayPeriod.DAY, "", 9),
    )
    for company, amount, period, bonus, answer_in in offers:
        [application] = [a for a in search.applications if a.company == company]
        offer = Offer(
            amount=amount,
            currency="EUR",
            period=period,
            bonus=bonus,
            received_on=today,
            answer_by=today + timedelta(days=answer_in),
        )
        recorder.record_offer(application.id, offer)


async def offers(pilot: Pilot[None]) -> None:
    await settle(pilot)
    await pilot.press("O")
    await settle(pilot)


async def capture(
    source: Path | None,
    name: str,
    steps: Callable[[Pilot[None]], Awaitable[None]],
    prepare: Callable[[Path], None] | None = None,
) -> Path:
    """A picture of the app on a fresh copy of `source` (None: a first run), `prepare`d, after `steps`."""
    with tempfile.TemporaryDirectory() as scratch:
        db_path = Path(scratch) / "nextyes.json"
        if source is not None:
            shutil.copyfile(source, db_path)
        if prepare is not None:
            prepare(db_path)
        app = NextYesApp(db_path=db_path, now=fixed_clock(), poll_interval=NEVER)
        target = HERE / f"{name}.svg"
        async with app.run_test(size=SIZE) as pilot:
            await steps(pilot)
            app.save_screenshot(filename=target.name, path=str(HERE))
    return target


async def main() -> None:
    demo = data_dir() / DEMO_FILE
    for name, source, steps in (
        ("dashboard", demo, dashboard),
        ("add-application", demo, add_application),
        ("help", demo, help_screen),
        ("progress", demo, progress),
        ("insights", demo, insights),
        ("weekly-review", demo, weekly_review),
        ("rest-day", demo, rest_day),
        ("rejection-flow", demo, rejection_flow),
        ("contacts", demo, contacts),
        ("interviews", demo, interviews),
        ("question-bank", demo, question_bank),
        ("thank-you-draft", demo, thank_you_draft),
        ("all-applications", demo, all_applications),
        ("application-history", demo, application_history),
        ("activity-log", demo, activity_log),
        ("empty-dashboard", None, dashboard),
        ("paste-email", demo, paste_email),
    ):
        print(await capture(source, name, steps))
    print(await capture(demo, "offers", offers, prepare=two_offers))


if __name__ == "__main__":
    asyncio.run(main())
