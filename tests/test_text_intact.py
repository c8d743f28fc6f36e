"""Awkward text (escape sequences, control characters, emoji, right-to-left text, combining marks, very
long text) is stored exactly as typed, and shown without ever driving the terminal or breaking the layout.

The rule (tui/terminal.py): shown on a terminal, a control character appears as a visible symbol, so
nothing typed can move the cursor, clear or recolour the screen. Text for a person is shown that way wherever
it goes; documents (an export, a draft) and JSON stay exact in a file or a pipe, and on a terminal show their
controls as symbols too (JSON as \\u escapes: the same JSON). In 0.5.0 documents were printed raw even to a
terminal (issue 15); tests/cli/test_terminal_output.py covers every document command, on a real terminal too.
In the app, at 80×24, long text is cut with an ellipsis and a one-line row stays one line.
"""

from __future__ import annotations

import contextlib
import io
import json
import re
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from rich.cells import cell_len

from tests.support.clock import FIXED_NOW, FakeClock
from tests.support.pilot import SIZE, make_app, screen_text
from tui.app.pilot import settle
from tui.app.screens.move_stage import MoveStageScreen
from tui.app.screens.progress import ProgressScreen
from tui.cli import main
from tui.core.models import ActivityKind, InterviewKind, Question, Stage, Tier
from tui.exchange.importing import import_file, read_file
from tui.recording import Recorder
from tui.store import Store
from tui.terminal import visible

TODAY = FIXED_NOW.date()
CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")  # what must never reach a terminal raw (\t, \n may)

ODD = {
    "escape": "Ac\x1b[31mme\x1b[2J",
    "title": "Osc\x1b]0;pwned\x07 Ltd",
    "c1": "Csi\x9b31m Co",
    "backspace": "Bell\x07\x08\x08Co",
    "return": "Ret\rurn Inc",
    "rtl": "שלום \u202eevil مرحبا",
    "emoji": "👩\u200d💻 team 🎉",
    "combining": "Cafe\u0301 z̷̢͎a̵l̶g̸o̷",
}


def odd_search(recorder: Recorder) -> None:
    """One of everything, each holding awkward text: an application per odd name, a contact, a win, a goal."""
    for number, (kind, text) in enumerate(ODD.items()):
        application = recorder.add_application(
            text, f"{kind} role", on=TODAY - timedelta(days=number + 8), source=text, note=text
        )
        recorder.log(ActivityKind.NETWORK, text, on=TODAY, application_id=application.id)
    recorder.add_contact(ODD["escape"], company=ODD["rtl"], tier=Tier.A, how_we_know=ODD["combining"])
    recorder.add_win(ODD["title"], on=TODAY)
    recorder.add_learning_goals([ODD["c1"]], source="added by hand")


# --- the store: exactly as typed -------------------------------------------------------------------------

stored_text = st.text(st.characters(blacklist_categories=["Cs"]), min_size=1, max_size=60).map(str.strip).filter(bool)


@settings(max_examples=15)
@given(
    company=stored_text,
    role=stored_text,
    note=stored_text,
    name=stored_text,
    win=stored_text,
    reflection=st.text(st.characters(blacklist_categories=["Cs"]), min_size=1, max_size=300),
)
@example(  # every field at its longest
    company="C" * 199 + "́",
    role=ODD["rtl"].ljust(200, "R"),
    note=ODD["escape"].ljust(2000, "n"),
    name=ODD["emoji"].ljust(200, "N"),
    win="w" * 2000,
    reflection=f"{ODD['return']}\n" * 1666,  # 19,992 characters
)
def test_any_text_is_stored_and_read_back_exactly(
    tmp_path_factory: pytest.TempPathFactory, company: str, role: str, note: str, name: str, win: str, reflection: str
) -> None:
    path = tmp_path_factory.mktemp("store") / "nextyes.json"
    recorder = Recorder(Store(path, FakeClock()), FakeClock())
    application = recorder.add_application(company, role, source=company, url=note, note=note, on=TODAY)
    recorder.log(ActivityKind.LEARN, note, on=TODAY)
    recorder.move_stage(application.id, Stage.INTERVIEWING, note=note, on=TODAY, round=1)
    interview = recorder.schedule_interview(
        application.id, FIXED_NOW, kind=InterviewKind.OTHER, people=[name], notes=note
    )
    recorder.debrief_interview(
        interview.id, questions=[Question(text=role, rating=3, answer=note)], rating=None, went_well=note, change=note
    )
    recorder.add_contact(name, company=company, how_we_know=note, notes=note)
    recorder.add_win(win, on=TODAY)
    recorder.add_learning_goals([role])
    recorder.write_reflection(TODAY, "a prompt", reflection)
    recorder.plan_rest(TODAY + timedelta(days=1), note)
    recorder.record_feedback(application.id, note)

    search = Store(path, FakeClock()).load()
    [stored] = search.applications
    assert (stored.company, stored.role, stored.source, stored.url, stored.notes, stored.feedback) == (
        company,
        role,
        company,
        note,
        note,
        note,
    )
    assert stored.stage_history[-1].note == note
    assert note in {activity.note for activity in search.activities}
    [held] = search.interviews
    assert (held.people, held.notes, held.went_well, held.change) == ([name], note, note, note)
    assert [(q.text, q.answer) for q in held.questions] == [(role, note)]
    assert [(c.name, c.company, c.how_we_know, c.notes) for c in search.contacts] == [(name, company, note, note)]
    assert [w.text for w in search.wins if not w.key] == [win]
    assert [goal.text for goal in search.learning_goals] == [role]
    assert [r.text for r in search.reflections] == [reflection]
    assert [r.note for r in search.rest_days] == [note]


def test_an_export_imported_elsewhere_keeps_every_odd_text_and_tag(
    db_path: Path, recorder: Recorder, tmp_path: Path
) -> None:
    odd_search(recorder)
    with recorder.store.transaction() as tx:  # tags come from imported spreadsheets: set one by hand here
        first = tx.search.applications[0]
        tx.replace(first.touched(FIXED_NOW, tags=[ODD["emoji"], ODD["escape"]]))
    exported = tmp_path / "export.json"
    assert main(["--db", str(db_path), "export", "--out", str(exported)], now=FakeClock()) == 0

    elsewhere = Store(tmp_path / "elsewhere.json", FakeClock())
    parsed = read_file(exported, now=FIXED_NOW, zone=FIXED_NOW.tzinfo, rollover_hour=4)
    import_file(elsewhere, parsed)
    here, there = recorder.store.load(), elsewhere.load()
    assert sorted((a.company, a.source, a.notes, tuple(a.tags)) for a in there.applications) == sorted(
        (a.company, a.source, a.notes, tuple(a.tags)) for a in here.applications
    )
    assert sorted(a.note for a in there.activities) == sorted(a.note for a in here.activities)
    assert [(c.name, c.company) for c in there.contacts] == [(ODD["escape"], ODD["rtl"])]


# --- the shell: shown safely, documents exact ------------------------------------------------------------


@pytest.fixture
def shell(db_path: Path, recorder: Recorder) -> Callable[..., str]:
    """Runs one command on a database of odd text; returns what it printed, having checked it succeeded."""
    odd_search(recorder)

    def run(*arguments: str) -> str:
        out, err = io.StringIO(), io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            status = main(["--db", str(db_path), *arguments], now=FakeClock())
        assert (status, err.getvalue()) == (0, "")
        return out.getvalue()

    return run


@pytest.mark.parametrize(
    "arguments", [("status",), ("today",), ("wins",), ("contact", "list"), ("review",)], ids=" ".join
)
def test_what_the_shell_prints_for_a_person_shows_control_characters_as_symbols(
    shell, arguments: tuple[str, ...]
) -> None:
    out = shell(*arguments)
    assert not CONTROLS.search(out), out


def test_each_record_keeps_its_one_line_in_the_shell(shell) -> None:
    assert len(shell("contact", "list").splitlines()) == 1
    [win] = shell("wins").splitlines()
    assert visible(ODD["title"]) in win
    added = shell("add", ODD["return"] + " two", "Engineer")
    assert added.count("\n") == 1 and visible(ODD["return"]) in added  # a carriage return cannot overwrite the line
    status = shell("status")
    for kind in ("escape", "c1", "backspace"):
        assert visible(ODD[kind]) in status  # pending applications' follow-ups are due: listed by name
    assert "␛[31m" in status  # the picture of ESC, then the rest as plain text


def test_documents_and_json_keep_the_text_exact_in_a_pipe(shell, db_path: Path) -> None:
    """Standard output here is not a terminal: a script or a file gets the exact text."""
    document = json.loads(shell("status", "--json"))
    assert ODD["escape"] in {application["company"] for application in document["applications"]}
    assert ODD["escape"] in shell("export", "--format", "csv")
    assert ODD["c1"] in shell("export", "--format", "md")
    short_id = Store(db_path, FakeClock()).load().applications[0].short_id
    assert ODD["escape"] in shell("draft", short_id, "follow-up")


def test_documents_and_json_on_a_terminal_show_control_characters_as_symbols(shell, db_path: Path) -> None:
    """Until issue 15 a document was exact everywhere, so an export printed to a terminal could drive it."""

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    def on_terminal(*arguments: str) -> str:
        out = Terminal()
        with contextlib.redirect_stdout(out):
            assert main(["--db", str(db_path), *arguments], now=FakeClock()) == 0
        return out.getvalue()

    short_id = Store(db_path, FakeClock()).load().applications[0].short_id
    for arguments in (("export", "--format", "csv"), ("export", "--format", "md"), ("draft", short_id, "follow-up")):
        out = on_terminal(*arguments)
        assert not CONTROLS.search(out.replace("\r\n", "\n")), arguments
    csv_shown = on_terminal("export", "--format", "csv")
    for kind in ("escape", "c1", "backspace", "return"):
        assert visible(ODD[kind]) in csv_shown, kind
    document = on_terminal("status", "--json")
    assert not CONTROLS.search(document)
    assert ODD["c1"] in {application["company"] for application in json.loads(document)["applications"]}


def test_an_error_quoting_odd_text_is_one_line_without_control_characters(shell, db_path: Path) -> None:
    err = io.StringIO()
    with contextlib.redirect_stderr(err):
        status = main(["--db", str(db_path), "add", ODD["escape"], "escape role"], now=FakeClock())
    assert status == 2  # the same job is tracked already
    assert err.getvalue().count("\n") == 1 and not CONTROLS.search(err.getvalue().rstrip("\n"))
    assert visible(ODD["escape"]) in err.getvalue()


# --- the app at 80×24 ------------------------------------------------------------------------------------


def assert_drawn_safely(text: str) -> None:
    """No control character on screen, and every line exactly the screen's width."""
    assert not CONTROLS.search(text.replace("\n", "")), text
    assert {cell_len(line) for line in text.splitlines()} == {SIZE[0]}, text


async def test_the_dashboard_shows_odd_names_as_typed_with_control_pictures(
    db_path: Path, clock: FakeClock, recorder: Recorder
) -> None:
    odd_search(recorder)
    app = make_app(db_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        shown = screen_text(app)
        assert_drawn_safely(shown)
        for kind in ("escape", "backspace", "return", "rtl"):
            assert visible(ODD[kind])[:9] in shown, kind  # the pending table, cut to its column
        await pilot.press("p")
        await settle(pilot)
        assert isinstance(app.screen, ProgressScreen)
        assert_drawn_safely(screen_text(app))
        assert visible(ODD["title"]) in screen_text(app)
        await pilot.press("escape", "c")
        await settle(pilot)
        contacts = screen_text(app)
        assert_drawn_safely(contacts)
        assert visible(ODD["escape"]) in contacts


async def test_very_long_names_and_notes_keep_every_row_and_form_on_one_line(
    db_path: Path, clock: FakeClock, recorder: Recorder
) -> None:
    company, role, note = "Q" * 200, "R" * 200, "long note " * 200
    application = recorder.add_application(company, role, on=TODAY - timedelta(days=8), note=note[:2000])
    recorder.log(ActivityKind.NETWORK, note[:2000], on=TODAY, application_id=application.id)
    recorder.add_contact("N" * 200, company="K" * 200, how_we_know=note[:2000], notes=note[:2000])
    recorder.add_win(note[:2000], on=TODAY)
    app = make_app(db_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        shown = screen_text(app)
        assert_drawn_safely(shown)
        long_lines = [line for line in shown.splitlines() if "QQQ" in line]
        assert all("…" in line for line in long_lines)  # cut, never wrapped over more lines
        assert len([line for line in long_lines if "applied" in line]) == 1  # its pending row
        await pilot.press("s")
        assert isinstance(app.screen, MoveStageScreen)
        form = screen_text(app)
        assert_drawn_safely(form)
        [title] = [line for line in form.splitlines() if "Move QQQ" in line]
        assert "…" in title
        assert "Note" in form and "enter moves" in form  # the whole form still fits the screen
        await pilot.press("escape", "c")
        await settle(pilot)
        assert_drawn_safely(screen_text(app))
        assert len([line for line in screen_text(app).splitlines() if "NNN" in line]) == 1
