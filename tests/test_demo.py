"""The shipped demo: a realistic search at a fixed date, opened on a copy so it never changes."""

from __future__ import annotations

import shutil
from pathlib import Path

from tui.content import reflection_prompts
from tui.core.dashboard import build_dashboard
from tui.core.streaks import DayState
from tui.demo import DEMO_FILE, DEMO_NOW, build_demo, demo_clock, demo_database_copy
from tui.locations import data_dir
from tui.store import Store


def test_the_demo_opens_on_a_fresh_copy_at_its_fixed_date() -> None:
    copy = demo_database_copy()
    assert copy != data_dir() / DEMO_FILE
    assert copy.read_bytes() == (data_dir() / DEMO_FILE).read_bytes()
    clock = demo_clock()
    assert DEMO_NOW <= clock() < DEMO_NOW.replace(minute=DEMO_NOW.minute + 1)
    shutil.rmtree(copy.parent)


def test_the_demo_shows_a_search_in_motion() -> None:
    search = Store(data_dir() / DEMO_FILE, lambda: DEMO_NOW).load()
    dashboard = build_dashboard(search, DEMO_NOW.date(), reflection_prompts())
    history = dashboard.history
    assert history.current >= 5 and history.longest > history.current
    assert 0.3 < history.momentum < 0.9
    # Every state a day can be shows in the demo's calendar, so the screenshots show every glyph.
    assert {tracked.state for tracked in history.days} == set(DayState)
    assert any(reward.key.startswith("perfect-week") for reward in dashboard.rewards)
    assert len(dashboard.pending) >= 5
    assert any(action.kind.value == "follow-up" for action in dashboard.actions_due)
    assert {a.stage.value for a in search.applications} >= {"applied", "screening", "interviewing", "rejected"}


def test_the_demo_shows_every_kind_of_action_the_pipeline_derives() -> None:
    """The screenshots and a first look should show what nextyes suggests at each step."""
    search = Store(data_dir() / DEMO_FILE, lambda: DEMO_NOW).load()
    dashboard = build_dashboard(search, DEMO_NOW.date(), reflection_prompts())
    kinds = {action.kind.value for action in dashboard.actions_due}
    assert kinds >= {"thank-you", "prep", "follow-up", "ghosted", "reconnect", "learn"}
    [quill] = [a for a in search.applications if a.company == "Quill Labs"]
    assert quill.rejection_reason is not None and quill.feedback and quill.reapply_after
    assert any(quill.id in contact.application_ids for contact in search.contacts)
    assert any(contact.support for contact in search.contacts)
    assert sum(interview.debriefed for interview in search.interviews) >= 2
    assert len(search.wins) >= 3


def test_rebuilding_the_demo_gives_the_same_search(tmp_path: Path) -> None:
    rebuilt = tmp_path / "demo.json"
    build_demo(rebuilt)
    fresh = Store(rebuilt, lambda: DEMO_NOW).load()
    shipped = Store(data_dir() / DEMO_FILE, lambda: DEMO_NOW).load()

    def content(search):  # everything but the random ids
        return (
            sorted((a.company, a.role, a.stage, a.applied_on) for a in search.applications),
            sorted((a.kind, a.logical_day, a.note) for a in search.activities),
            sorted((r.day, r.text) for r in search.reflections),
            sorted((r.day, r.note) for r in search.rest_days),
            sorted((c.name, c.tier, c.last_contact, c.reconnect_on) for c in search.contacts),
            sorted((i.day, i.round, i.kind, tuple(i.people), len(i.questions)) for i in search.interviews),
            sorted((w.day, w.text) for w in search.wins),
            sorted((g.text, g.source) for g in search.learning_goals),
        )

    assert content(fresh) == content(shipped)
    assert list(tmp_path.iterdir()) == [rebuilt]  # no lock or backups left beside it
