"""One application followed from saved to an offer with the keyboard alone, opening the app once a day.

Each day Today's actions says what to do next, and doing it (space) moves the application on.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from tests.support.clock import FakeClock
from tests.support.pilot import SIZE, make_app, toasts, type_text
from tui.app import NextYesApp
from tui.app.pilot import settle
from tui.app.screens.interviews import InterviewsScreen
from tui.app.widgets.actions import ActionsList
from tui.core.actions import Action, ActionKind
from tui.core.models import Stage
from tui.store import Store


def open_kinds(app: NextYesApp) -> list[ActionKind]:
    return [action.kind for action in app.dashboard.actions.actions.values() if not action.done]


def highlight(app: NextYesApp, kind: ActionKind) -> Action:
    actions = app.dashboard.query_one(ActionsList)
    shown = list(actions.actions.values())
    index = next(i for i, action in enumerate(shown) if action.kind is kind)
    actions.highlighted = index
    actions.focus()
    return shown[index]


async def test_saved_to_offer_with_todays_actions_saying_what_to_do_at_each_step(
    db_path: Path, clock: FakeClock
) -> None:
    def open_app() -> NextYesApp:
        return make_app(db_path, clock)

    # Sunday: a job saved for later.
    app = open_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("a")
        await type_text(pilot, "Quill Labs")
        await pilot.press("tab")
        await type_text(pilot, "Data Engineer")
        # kind, source, url, applied on, note, résumé, salary, sent?
        await pilot.press("tab", "tab", "tab", "tab", "tab", "tab", "tab", "tab")
        await pilot.press("space", "down", "enter")  # saved for later
        await pilot.press("enter")
        await settle(pilot)
        assert "Saved: saved Quill Labs — Data Engineer for later" in " ".join(toasts(app))
        send = highlight(app, ActionKind.SEND)
        assert send.title == "Send your application to Quill Labs (Data Engineer)"
        await pilot.press("space")  # sent it
        await settle(pilot)
        assert ActionKind.SEND not in open_kinds(app)
    [quill] = Store(db_path, clock).load().applications
    assert (quill.stage, quill.applied_on) == (Stage.APPLIED, date(2026, 3, 15))

    # A week of silence: a follow-up is due, with a draft for it.
    clock.advance(days=7)
    app = open_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        follow_up = highlight(app, ActionKind.FOLLOW_UP)
        assert follow_up.why == "applied 7 days ago, no reply yet"
        await pilot.press("space")
        await settle(pilot)
        assert ActionKind.FOLLOW_UP not in open_kinds(app)

        # They wrote back: an interview is booked for Tuesday through the interviews screen.
        await pilot.press("v")
        assert isinstance(app.screen, InterviewsScreen)
        await pilot.press("a")
        await type_text(pilot, "next tuesday")
        await pilot.press("tab")
        await type_text(pilot, "10:00")
        await pilot.press("tab", "tab", "tab")  # round (the next), kind, people
        await type_text(pilot, "Dana Ruiz")
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("escape")
        await settle(pilot)

    # Monday: prepare for tomorrow's interview.
    clock.advance(days=1)
    app = open_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        prep = highlight(app, ActionKind.PREP)
        assert prep.why == "tomorrow at 10:00 with Dana Ruiz"
        await pilot.press("space")
        await settle(pilot)

    # Tuesday evening, after it: the thank-you note, then the offer with s.
    clock.advance(days=1, hours=6)
    app = open_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        thanks = highlight(app, ActionKind.THANK_YOU)
        assert thanks.title == "Send a thank-you note to Dana Ruiz at Quill Labs"
        await pilot.press("space")
        await settle(pilot)
        app.dashboard.pending.focus()
        await pilot.press("s")
        await pilot.press("down")  # from interviewing, where the picker starts, to offer
        await pilot.press("enter")
        await settle(pilot)
        assert "Quill Labs — Data Engineer is now offer" in " ".join(toasts(app))

    search = Store(db_path, clock).load()
    [quill] = search.applications
    assert quill.stage is Stage.OFFER
    assert [change.stage for change in quill.stage_history] == [
        Stage.SAVED,
        Stage.APPLIED,
        Stage.INTERVIEWING,
        Stage.OFFER,
    ]
    kinds = sorted(a.kind.value for a in search.activities)
    assert kinds == sorted(["apply", "follow-up", "interview", "prep", "follow-up", "other"])
    assert "Got an offer from Quill Labs (Data Engineer)" in [win.text for win in search.wins]
    assert all(a.application_id == quill.id for a in search.activities)
    assert [(i.day, i.round, i.people) for i in search.interviews] == [(date(2026, 3, 24), 1, ["Dana Ruiz"])]
