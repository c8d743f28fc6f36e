"""Bad input, typed anywhere: never a traceback. The shell says what was wrong in one line with exit 2;
a form says it beside the field and keeps what was typed; an absurd date is refused everywhere.

The shell's commands are read from its own parser, so a command added later is covered here unchanged.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import re
import shutil
import tempfile
from collections.abc import AsyncIterator, Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, event, example, given, settings
from hypothesis import strategies as st
from textual.pilot import Pilot
from textual.widgets import Select, TextArea

from tests.support.clock import FIXED_NOW, FakeClock
from tests.support.pilot import SIZE, field_error, highlight, make_app, screen_text, stored
from tests.support.store_records import stored_bytes
from tui.app import NextYesApp
from tui.app.pilot import settle
from tui.app.screens.add_application import AddApplicationScreen
from tui.app.screens.contact_form import ContactFormScreen, NetworkingScreen
from tui.app.screens.debrief import DebriefScreen
from tui.app.screens.form import whole_number
from tui.app.screens.interview_form import ScheduleInterviewScreen, TimeParseError, parse_time
from tui.app.screens.learning_goal import LearningGoalScreen
from tui.app.screens.log_activity import LogActivityScreen
from tui.app.screens.move_stage import MoveStageScreen
from tui.app.screens.rejection import RejectionFlowScreen
from tui.app.screens.rest_day import RestDayScreen
from tui.app.screens.snooze import SnoozeScreen
from tui.app.screens.win import WinScreen
from tui.app.widgets.reflection import ReflectionText
from tui.cli import build_parser, main
from tui.cli.remind import NO_NOTIFIER
from tui.core.actions import ActionKind
from tui.core.days import EARLIEST_DAY, LATEST_DAY, DateParseError, parse_day, parse_until
from tui.core.interviews import QuestionParseError, parse_questions
from tui.core.models import ActivityKind, Stage, Tier
from tui.recording import Recorder
from tui.store import Store

TODAY = FIXED_NOW.date()

# --- the shell: every command, from the parser ---------------------------------------------------------


@dataclass(frozen=True)
class Command:
    """One runnable command: the words that name it (`contact add`) and the parser of its own arguments."""

    words: tuple[str, ...]
    parser: argparse.ArgumentParser

    @property
    def name(self) -> str:
        return " ".join(self.words)


def runnable_commands(parser: argparse.ArgumentParser, words: tuple[str, ...] = ()) -> list[Command]:
    """Every command of `parser`, down to the last level of subcommands (`backup restore`, not `backup`)."""
    groups = [action for action in parser._actions if isinstance(action, argparse._SubParsersAction)]
    if not groups:
        return [Command(words, parser)]
    return [
        command
        for name, subparser in groups[0].choices.items()
        for command in runnable_commands(subparser, (*words, name))
    ]


COMMANDS = runnable_commands(build_parser())

# Values people type by mistake, or on purpose to see what breaks. No '/', '~' or NUL: a generated path stays
# in the example's own folder (argv cannot hold NUL anyway).
# fmt: off
AWKWARD = [
    "", " ", "-", "--", "-x", "=", "'", '"', "%s", "{0}", "[bold]x[/]", "\\",
    "\x1b[31mred", "\x1b]0;title\x07", "\x1b[2J", "a\rb", "a\nb", "a\tb", "\x7f", "\x9b31m",
    "\u202eevil", "👩\u200d💻🎉", "e\u0301", "z̷̢͎a̵l̶g̸o̷", "שלום עולם", "مرحبا",
    "x" * 2001, "\udcff",  # a byte that was not UTF-8, as Python hands it over in argv
]
# fmt: on
# fmt: off
DATES = [
    "1900-01-01", "2300-06-15", "0001-01-01", "9999-12-31", "1999-12-31", "2100-01-01", "2026-02-30",
    "today", "yesterday", "tomorrow", "friday", "next friday", "3 days ago", "in 99999 days", "99999 days ago",
    "2 weeks", "in 9999 months", "2026-03-14",
]
# fmt: on
# fmt: off
NUMBERS = [
    "-1", "0", "1", "2", "3", "21", "0.5", "1e309", "nan", "inf", "²", "١٢", "9" * 30, "9" * 5000,
    "A=30", "a=0", "learn=nan", "learn=", "=1", "Z=1", "HH:MM", "25:00", "09:00",
]
# fmt: on
REFERENCES = ["Acme", "acm", "Globex", "Dana", "Nobody"]
free_text = st.text(alphabet=st.characters(blacklist_categories=["Cs"], blacklist_characters="/~\x00"), max_size=30)
word = st.one_of(st.sampled_from(AWKWARD + DATES + NUMBERS + REFERENCES), free_text)

# What a person would type, by the placeholder (metavar) the parser shows, so that examples also get past
# the parser and exercise the commands; anything else gets plain words.
# fmt: off
PLAUSIBLE = {
    "DATE": DATES, "WHEN": ["3 days", "next monday", "2026-04-01"], "N": ["1", "2", "3"], "H": ["4"], "D": ["7"],
    "APP": REFERENCES, "ID": REFERENCES, "NAME": ["Dana Reyes"], "NAMES": ["Dana Reyes, Sam Lee"],
    "HH:MM": ["14:30", "9:00"], "KIND=N": ["learn=1", "prep=0.5"], "TIER=N": ["A=30"],
    "FILE": ["applications.csv", "export.json"], "PATH": ["out.txt"], "WHICH": ["1", "yesterday", "today"],
}
# fmt: on
PLAIN = ["Acme", "coffee with Dana", "shipped the report"]
HOW_MANY = {0: (0, 0), None: (1, 1), "?": (0, 1), "*": (0, 3), "+": (1, 3)}  # values for each argparse nargs


def values_for(action: argparse.Action, *, tidy: bool) -> st.SearchStrategy[list[str]]:
    """What may follow an option, or stand for a positional: its choices or a likely value; unless `tidy`, anything."""
    likely = st.sampled_from(sorted(action.choices or PLAUSIBLE.get(str(action.metavar), PLAIN)))
    one = likely if tidy else st.one_of(likely, word)
    low, high = HOW_MANY.get(action.nargs, (action.nargs, action.nargs))
    return st.lists(one, min_size=low, max_size=high)


def own_arguments(command: Command) -> list[argparse.Action]:
    """The command's positionals and options, without --help and --db (each example has its own --db)."""
    return [
        action
        for action in command.parser._actions
        if not isinstance(action, argparse._HelpAction | argparse._VersionAction)
        and "--db" not in action.option_strings
    ]


@st.composite
def arguments_for(draw: st.DrawFn, command: Command) -> list[str]:
    """The command's words, then its positionals and some of its options in any order.

    Half the examples are tidy, as a person means to type them, so they get past the parser and run the
    command; the other half mix in awkward values and a stray word.
    """
    tidy = draw(st.booleans())
    groups: list[list[str]] = []
    for action in own_arguments(command):
        if action.option_strings and not draw(st.booleans()):
            continue  # options are optional: each one present half the time
        flag = [draw(st.sampled_from(action.option_strings))] if action.option_strings else []
        groups.append(flag + draw(values_for(action, tidy=tidy)))
    if not tidy:
        groups += [[stray] for stray in draw(st.lists(word, max_size=1))]
    return [*command.words, *(part for group in draw(st.permutations(groups)) for part in group)]


@pytest.fixture(scope="module")
def seeded_database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A database with something for every reference to find: applications, an interview held, a contact."""
    path = tmp_path_factory.mktemp("seed") / "nextyes.json"
    recorder = Recorder(Store(path, FakeClock()), FakeClock())
    recorder.add_application("Acme", "Backend Engineer", on=TODAY - timedelta(days=10))
    globex = recorder.add_application("Globex", "Data Analyst", on=TODAY - timedelta(days=20))
    recorder.schedule_interview(globex.id, FIXED_NOW - timedelta(days=1))
    recorder.add_contact("Dana Reyes", company="Acme", tier=Tier.A)
    recorder.add_win("Cut report time from 2 hours to 10 minutes", on=TODAY)
    assert main(["--db", str(path), "export", "--out", str(path.parent / "export.json")], now=FakeClock()) == 0
    (path.parent / "applications.csv").write_text("Company,Role,Date Applied\nInitech,Engineer,2026-03-01\n")
    return path


@dataclass(frozen=True)
class Run:
    status: int
    out: str
    err: str


@contextlib.contextmanager
def example_folder(seed: Path) -> Iterator[Path]:
    """A fresh folder holding a copy of the seeded database, made the working folder while inside."""
    with tempfile.TemporaryDirectory() as folder:
        shutil.copytree(seed.parent, folder, dirs_exist_ok=True)
        with contextlib.chdir(folder):
            yield Path(folder) / seed.name


def run(arguments: list[str], database: Path) -> Run:
    """`nextyes --db DATABASE ARGUMENTS` in-process at the fixed clock, with what it printed."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            status = main(["--db", str(database), *arguments], now=FakeClock())
        except SystemExit as leaving:  # argparse's own way out, for -h among the stray words
            status = leaving.code if isinstance(leaving.code, int) else 2
    return Run(status, out.getvalue(), err.getvalue())


def exact_output(arguments: list[str]) -> bool:
    """Output that is a document or JSON, printed byte for byte: the rule for showing text does not apply."""
    return arguments[0] in ("export", "draft") or "--json" in arguments or "md" in arguments


CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def test_every_command_is_found_in_the_parser() -> None:
    names = {command.name for command in COMMANDS}
    assert {"add", "log", "contact add", "contact list", "backup restore", "settings", "import"} <= names
    assert "contact" not in names  # a command with subcommands is run through them


@pytest.mark.parametrize("command", COMMANDS, ids=lambda command: command.name)
@settings(max_examples=25, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_any_arguments_get_a_result_or_one_line_and_exit_2(
    command: Command, data: st.DataObject, seeded_database: Path
) -> None:
    arguments = data.draw(arguments_for(command), label="arguments")
    with example_folder(seeded_database) as database:
        result = run(arguments, database)
    event(f"exit {result.status}")  # --hypothesis-show-statistics: how many examples got past the parser
    assert result.status in (0, 2, 3), result
    assert "Traceback" not in result.out + result.err
    if result.status == 0:
        assert result.err in ("", f"nextyes: {NO_NOTIFIER}\n")  # `remind --notify` where notify-send is not
    else:
        assert result.err.startswith("nextyes: ") and result.err.count("\n") == 1, result.err
        assert not CONTROLS.search(result.err), result.err
    if result.status == 3:  # only the database's own state: the message names the file
        assert database.name in result.err
    if not exact_output(arguments):
        assert not CONTROLS.search(result.out), result.out


# --- absurd dates: refused wherever a date is typed -------------------------------------------------------

ABSURD = ["1900-01-01", "2300-06-15", "0001-01-01", "9999-12-31"]

DATED = {  # a command that takes a day, with that day left as {day}
    "add": ["add", "Initech", "Engineer", "--on", "{day}"],
    "log": ["log", "learn", "sql", "--on", "{day}"],
    "stage": ["stage", "Acme", "screening", "--on", "{day}"],
    "interview": ["interview", "Acme", "--on", "{day}"],
    "win": ["win", "shipped it", "--on", "{day}"],
    "rest": ["rest", "--on", "{day}"],
    "status": ["status", "--as-of", "{day}"],
    "today": ["today", "--as-of", "{day}"],
    "review": ["review", "--week", "{day}"],
    "export": ["export", "--format", "md", "--week", "{day}"],
    "snooze": ["snooze", "1", "{day}"],
}


@pytest.mark.parametrize("day", ABSURD)
@pytest.mark.parametrize("template", DATED.values(), ids=DATED.keys())
def test_an_absurd_date_is_refused_by_every_command_that_takes_one(
    template: list[str], day: str, seeded_database: Path
) -> None:
    with example_folder(seeded_database) as database:
        before = stored_bytes(database)
        result = run([part.format(day=day) for part in template], database)
        assert stored_bytes(database) == before
    assert result.status == 2, result
    assert day in result.err
    assert "out of range" in result.err or "is not after today" in result.err  # a snooze looks ahead


@pytest.mark.parametrize("day", ABSURD)
def test_an_imported_export_skips_records_dated_in_an_absurd_year(day: str, seeded_database: Path) -> None:
    with example_folder(seeded_database) as database:
        export = json.loads(Path("export.json").read_text())
        export["applications"][0]["applied_on"] = day
        export["activities"][0]["at"] = f"{day}T10:00:00Z"
        Path("edited.json").write_text(json.dumps(export))
        result = run(["import", "edited.json"], database.with_name("fresh.json"))
        imported = Store(database.with_name("fresh.json"), FakeClock()).load()
    assert result.status == 0, result
    assert result.out.count(f"{day} is out of range") == 2
    assert len(imported.applications) == len(export["applications"]) - 1
    assert all(date(1990, 1, 1) <= activity.logical_day <= date(2100, 12, 31) for activity in imported.activities)


# --- the readers behind the forms -------------------------------------------------------------------------

day_like = st.one_of(
    st.builds("{:04d}-{:02d}-{:02d}".format, st.integers(0, 9999), st.integers(0, 13), st.integers(0, 32)),
    st.builds("{} days ago".format, st.integers(0, 99999)),
    st.builds("in {} {}".format, st.integers(0, 99999), st.sampled_from(["days", "weeks", "months"])),
    st.sampled_from(DATES + AWKWARD),
    st.text(),
)


@pytest.mark.parametrize(
    ("reader", "earliest"),
    [(parse_day, EARLIEST_DAY), (parse_until, TODAY + timedelta(days=1))],
    ids=["a day", "a day to snooze until"],
)
@given(text=day_like)
@example(text="2099-12-31")
def test_a_typed_day_is_in_range_or_refused_in_one_line(
    reader: Callable[[str, date], date], earliest: date, text: str
) -> None:
    try:
        day = reader(text, TODAY)
    except DateParseError as problem:
        assert "\n" not in str(problem)
        return
    assert earliest <= day <= LATEST_DAY


@given(text=st.one_of(st.text(max_size=12), st.sampled_from([*NUMBERS, "2pm", "14:30", "9.30", "13pm", "٢:٣٠"])))
def test_a_typed_time_is_a_time_or_refused(text: str) -> None:
    with contextlib.suppress(TimeParseError):
        parse_time(text)


@given(text=st.one_of(st.text(), st.sampled_from(NUMBERS + AWKWARD)))
@example(text="²")
@example(text="9" * 5000)
def test_a_typed_round_is_a_number_in_range_or_none(text: str) -> None:
    number = whole_number(text, 1, 20)
    assert number is None or (1 <= number <= 20 and int(text) == number)


@pytest.mark.parametrize("number", range(1, 21))
def test_every_round_in_range_is_read(number: int) -> None:
    assert whole_number(str(number), 1, 20) == number


question_lines = st.lists(
    st.builds(
        " | ".join,
        st.lists(st.one_of(st.text(max_size=20), st.sampled_from(NUMBERS + AWKWARD)), min_size=1, max_size=4),
    ),
    max_size=4,
).map("\n".join)


@given(text=st.one_of(question_lines, st.text()))
def test_typed_questions_read_or_name_the_line_that_does_not(text: str) -> None:
    try:
        questions = parse_questions(text)
    except QuestionParseError as problem:
        assert str(problem).startswith("line ")
        return
    assert all(question.text.strip() for question in questions)


def test_a_rating_of_thousands_of_digits_is_refused_in_words() -> None:
    with pytest.raises(QuestionParseError):
        parse_questions("Tell me about yourself | " + "9" * 5000)


# --- every field of every form, typed into the running app ----------------------------------------------

SUNDAY = TODAY
ODD = {  # typed text that is awkward for a terminal; each must be stored exactly as typed
    "escape": "Ac\x1b[31mme\x1b[0m",
    "rtl": "שלום \u202eevil مرحبا",
    "emoji": "👩\u200d💻 team 🎉",
    "combining": "Cafe\u0301 z̷̢͎a̵l̶g̸o̷",
    "controls": "bell\x07 back\x08 del\x7f",
}


def typed_in(app: NextYesApp, field_ids: Iterable[str]) -> dict[str, str]:
    """What each field holds now, as the person sees it in the form."""
    fields = {field_id: app.screen.query_one(f"#{field_id}") for field_id in field_ids}
    return {field_id: field.text if isinstance(field, TextArea) else field.value for field_id, field in fields.items()}


async def fill(pilot: Pilot[None], typed: dict[str, str]) -> None:
    """Put text in fields as a paste would (escape and backspace cannot be typed as keys)."""
    for field_id, text in typed.items():
        field = pilot.app.screen.query_one(f"#{field_id}")
        if isinstance(field, TextArea):
            field.text = text
        else:
            field.value = text
    await pilot.pause()


@contextlib.asynccontextmanager
async def opened(db_path: Path, clock: FakeClock, *keys: str) -> AsyncIterator[Pilot[None]]:
    """The app at 80×24 on the database, settled after each of `keys` (those that open the form under test)."""
    app = make_app(db_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        for key in keys:
            await pilot.press(key)
            await settle(pilot)
        yield pilot


async def refused_keeping_typing(
    pilot: Pilot[None], form: type, typed: dict[str, str], wrong: list[tuple[str, str, str]], key: str = "enter"
) -> None:
    """With each wrong value in turn (and the rest as `typed`), `key` leaves the form open, says why beside that
    field, and keeps every field as typed."""
    app = pilot.app
    for field_id, value, problem in wrong:
        attempt = {**typed, field_id: value}
        await fill(pilot, attempt)
        await pilot.press(key)
        await settle(pilot)
        assert isinstance(app.screen, form)
        assert problem in field_error(app, field_id)
        assert typed_in(app, attempt) == attempt


async def refused_then_saved(
    pilot: Pilot[None], form: type, typed: dict[str, str], wrong: list[tuple[str, str, str]], key: str = "enter"
) -> None:
    """Each wrong value refused as `refused_keeping_typing` says; then, with everything as `typed`, `key` saves."""
    await refused_keeping_typing(pilot, form, typed, wrong, key)
    await fill(pilot, typed)
    await pilot.press(key)
    await settle(pilot)
    assert not isinstance(pilot.app.screen, form), field_errors(pilot.app)


def field_errors(app: NextYesApp) -> list[str]:
    return [str(error.render()) for error in app.screen.query(".field-error.-shown")]


async def test_the_add_form_refuses_an_absurd_day_and_a_long_note_then_saves_odd_text_exactly(
    db_path: Path, clock: FakeClock
) -> None:
    typed = {
        "company": ODD["escape"],
        "role": ODD["rtl"],
        "source": ODD["emoji"],
        "url": "https://example.com/?q=\x1b",
        "applied-on": "2026-03-14",
        "note": ODD["combining"].ljust(2000, "n"),  # at the limit exactly
    }
    async with opened(db_path, clock, "a") as pilot:
        await refused_then_saved(
            pilot,
            AddApplicationScreen,
            typed,
            [("applied-on", "2300-06-15", "out of range"), ("note", "n" * 2001, "too long")],
        )
    [application] = stored(db_path, clock).applications
    assert (application.company, application.role, application.source, application.url, application.notes) == (
        typed["company"],
        typed["role"],
        typed["source"],
        typed["url"],
        typed["note"],
    )
    assert application.applied_on == date(2026, 3, 14)


async def test_the_log_form_refuses_year_one_then_saves_odd_text_exactly(db_path: Path, clock: FakeClock) -> None:
    typed = {"note": ODD["combining"], "day": "yesterday"}
    async with opened(db_path, clock, "l") as pilot:
        pilot.app.screen.query_one("#kind", Select).value = ActivityKind.LEARN  # the form asks for a kind
        await refused_then_saved(pilot, LogActivityScreen, typed, [("day", "0001-01-01", "out of range")])
    [activity] = stored(db_path, clock).activities
    assert (activity.kind, activity.note, activity.logical_day) == (
        ActivityKind.LEARN,
        typed["note"],
        TODAY - timedelta(days=1),
    )


async def test_the_win_form_refuses_year_9999_then_saves_odd_text_exactly(db_path: Path, clock: FakeClock) -> None:
    typed = {"text": ODD["emoji"] + " " + ODD["escape"], "day": "today"}
    async with opened(db_path, clock, "w") as pilot:
        await refused_then_saved(pilot, WinScreen, typed, [("day", "9999-12-31", "out of range")])
    assert [win.text for win in stored(db_path, clock).wins] == [typed["text"]]


async def test_the_goal_form_refuses_a_long_skill_then_saves_odd_text_exactly(db_path: Path, clock: FakeClock) -> None:
    typed = {"skill": ODD["rtl"]}
    async with opened(db_path, clock, "g") as pilot:
        await refused_then_saved(pilot, LearningGoalScreen, typed, [("skill", "s" * 201, "too long")])
    assert [goal.text for goal in stored(db_path, clock).learning_goals] == [typed["skill"]]


async def test_the_rest_form_refuses_1900_then_saves_odd_text_exactly(db_path: Path, clock: FakeClock) -> None:
    typed = {"day": "tomorrow", "note": ODD["controls"]}
    async with opened(db_path, clock, "R") as pilot:
        await refused_then_saved(pilot, RestDayScreen, typed, [("day", "1900-01-01", "out of range")])
    [rest] = stored(db_path, clock).rest_days
    assert (rest.day, rest.note) == (TODAY + timedelta(days=1), typed["note"])


async def test_the_snooze_form_refuses_2300_then_snoozes(db_path: Path, clock: FakeClock, recorder: Recorder) -> None:
    recorder.add_application("Acme", "Engineer", on=TODAY - timedelta(days=8))  # a follow-up is due
    async with opened(db_path, clock) as pilot:
        highlight(pilot.app, ActionKind.FOLLOW_UP)
        await pilot.press("z")
        await refused_then_saved(pilot, SnoozeScreen, {"until": "3 days"}, [("until", "2300-01-01", "out of range")])
    assert [mark.until for mark in stored(db_path, clock).action_marks] == [TODAY + timedelta(days=3)]


async def test_the_contact_form_refuses_a_long_name_then_saves_odd_text_exactly(
    db_path: Path, clock: FakeClock
) -> None:
    typed = {"name": ODD["escape"], "company": ODD["rtl"], "how-we-know": ODD["combining"], "notes": ODD["controls"]}
    async with opened(db_path, clock, "c", "a") as pilot:
        await refused_then_saved(pilot, ContactFormScreen, typed, [("name", "N" * 201, "too long")])
    [contact] = stored(db_path, clock).contacts
    assert (contact.name, contact.company, contact.how_we_know, contact.notes) == tuple(typed.values())


async def test_the_networking_form_refuses_2300_then_saves_odd_text_exactly(
    db_path: Path, clock: FakeClock, recorder: Recorder
) -> None:
    recorder.add_contact("Dana Reyes", tier=Tier.A)
    typed = {"note": ODD["emoji"], "day": "yesterday"}
    async with opened(db_path, clock, "c", "n") as pilot:
        await refused_then_saved(pilot, NetworkingScreen, typed, [("day", "2300-06-15", "out of range")])
    [activity] = stored(db_path, clock).activities
    assert (activity.note, activity.logical_day) == (typed["note"], TODAY - timedelta(days=1))


async def test_the_stage_form_refuses_a_superscript_round_then_saves_odd_text_exactly(
    db_path: Path, clock: FakeClock, recorder: Recorder
) -> None:
    acme = recorder.add_application("Acme", "Engineer", on=TODAY - timedelta(days=8))
    recorder.move_stage(acme.id, Stage.INTERVIEWING, on=TODAY - timedelta(days=2), round=1)
    typed = {"round": "2", "note": ODD["escape"]}
    async with opened(db_path, clock, "s") as pilot:
        await refused_then_saved(pilot, MoveStageScreen, typed, [("round", "²", "a number from 1 to 20")])
    move = stored(db_path, clock).applications[0].stage_history[-1]
    assert (move.stage, move.round, move.note) == (Stage.INTERVIEWING, 2, typed["note"])


async def test_the_schedule_form_refuses_an_absurd_day_and_round_then_saves_odd_text_exactly(
    db_path: Path, clock: FakeClock, recorder: Recorder
) -> None:
    recorder.add_application("Acme", "Engineer", on=TODAY - timedelta(days=8))
    typed = {
        "day": "tomorrow",
        "time": "14:30",
        "round": "1",
        "people": f"{ODD['escape']}, {ODD['rtl']}",
        "notes": ODD["combining"],
    }
    async with opened(db_path, clock, "v", "a") as pilot:
        await refused_then_saved(
            pilot,
            ScheduleInterviewScreen,
            typed,
            [
                ("day", "2300-06-15", "out of range"),
                ("round", "٢٠٠", "a number from 1 to 20"),
                ("time", "25:00", "not a time"),
            ],
        )
    [interview] = stored(db_path, clock).interviews
    assert (interview.people, interview.notes, interview.day) == (
        [ODD["escape"], ODD["rtl"]],
        typed["notes"],
        TODAY + timedelta(days=1),
    )


async def test_the_debrief_form_refuses_a_bad_rating_then_saves_odd_text_exactly(
    db_path: Path, clock: FakeClock, recorder: Recorder
) -> None:
    acme = recorder.add_application("Acme", "Engineer", on=TODAY - timedelta(days=8))
    recorder.schedule_interview(acme.id, FIXED_NOW - timedelta(days=1))
    typed = {
        "people": ODD["rtl"],
        "questions": f"Tell me about {ODD['escape']} | 4 | {ODD['emoji']}\n{ODD['combining']} | | {ODD['controls']}",
        "went-well": ODD["emoji"],
        "change": ODD["controls"],
    }
    async with opened(db_path, clock, "v", "enter") as pilot:
        refusals = [("questions", "Design a rate limiter | ² | ran long", "not 1 to 5")]
        await refused_then_saved(pilot, DebriefScreen, typed, refusals, key="ctrl+s")
    [interview] = stored(db_path, clock).interviews
    assert [(q.text, q.rating, q.answer) for q in interview.questions] == [
        (f"Tell me about {ODD['escape']}", 4, ODD["emoji"]),
        (ODD["combining"], None, ODD["controls"]),
    ]
    assert (interview.people, interview.went_well, interview.change) == ([ODD["rtl"]], ODD["emoji"], ODD["controls"])


@pytest.mark.slow  # five steps: about 5 s
async def test_the_rejection_flow_refuses_a_reminder_in_2300_then_saves_odd_text_exactly(
    db_path: Path, clock: FakeClock, recorder: Recorder
) -> None:
    recorder.add_application("Acme", "Engineer", on=TODAY - timedelta(days=8))
    async with opened(db_path, clock, "s", *["down"] * 5, "enter") as pilot:  # applied → rejected
        await pilot.press("enter")  # step 1: the reason highlighted
        await settle(pilot)
        await fill(pilot, {"answer": ODD["escape"]})
        await pilot.press("enter")  # step 2: what they said
        await settle(pilot)
        await fill(pilot, {"skills": f"{ODD['rtl']}\n{ODD['combining']}"})
        await pilot.press("ctrl+s")  # step 3: skills, one a line
        await settle(pilot)
        typed = {"contact-name": ODD["emoji"], "remind": "90 days"}
        await refused_keeping_typing(pilot, RejectionFlowScreen, typed, [("remind", "2300-01-01", "out of range")])
        await fill(pilot, typed)
        await pilot.press("enter")  # step 4: the bridge
        await settle(pilot)
        assert "Step 5 of 5" in screen_text(pilot.app)
    search = stored(db_path, clock)
    assert search.applications[0].feedback == ODD["escape"]
    assert sorted(goal.text for goal in search.learning_goals) == sorted([ODD["rtl"], ODD["combining"]])
    assert [(c.name, c.reconnect_on) for c in search.contacts] == [(ODD["emoji"], TODAY + timedelta(days=90))]


async def test_the_reflection_keeps_line_breaks_and_odd_text_exactly(db_path: Path, clock: FakeClock) -> None:
    text = f"{ODD['escape']}\n{ODD['rtl']}\n\n{ODD['combining']} {ODD['controls']}\t{ODD['emoji']}"
    async with opened(db_path, clock, "r") as pilot:
        pilot.app.dashboard.query_one(ReflectionText).text = text
        await pilot.press("ctrl+s")
        await settle(pilot)
    assert [reflection.text for reflection in stored(db_path, clock).reflections] == [text]
