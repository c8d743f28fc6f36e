"""What keeps keys quick on years of records: work done once, not again on every screen opened or closed.

Each test counts what a key sets off (a rebuild, a computation, a drawing) rather than timing it, so it holds on a
busy machine; tests/app/test_snapshots*.py check that the screens still look exactly as they did.
"""

from __future__ import annotations

import gc
import importlib
import threading
from datetime import timedelta
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from rich._wrap import divide_line
from textual._compositor import Compositor
from textual.app import App, ComposeResult
from textual.content import Content
from textual.geometry import Offset, Size
from textual.selection import Selection
from textual.widget import Widget
from textual.widgets import DataTable, Static
from textual.widgets._footer import FooterKey

from tests.support.clock import FakeClock
from tests.support.insight_records import a_month_of_searching
from tests.support.pilot import SIZE, make_app, press_settled, screen_text, table_rows
from tests.support.record_lists import SUNDAY
from tui.app.pilot import settle
from tui.app.screens import insights, records, review
from tui.app.screens.dashboard import DashboardScreen
from tui.app.screens.records_menu import RecordsMenuScreen
from tui.app.screens.wins_list import WinsScreen
from tui.app.widgets.footer import KeysFooter
from tui.app.widgets.long_text import LongText, narrow_characters, wrapped_rows
from tui.recording import Recorder
from tui.store import Store


def footer_keys(screen: DashboardScreen) -> list[FooterKey]:
    return list(screen.query_one(KeysFooter).query(FooterKey))


def footer_text(app) -> str:
    return screen_text(app).splitlines()[-1]


async def test_closing_a_screen_leaves_the_dashboard_keys_as_they_were_drawn(db_path: Path, clock: FakeClock) -> None:
    app = make_app(db_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        keys = footer_keys(app.dashboard)
        for opens in ("question_mark", "e", "a"):
            await pilot.press(opens)
            await settle(pilot)
            await pilot.press("escape")
            await settle(pilot)
            assert isinstance(app.screen, DashboardScreen)
            assert footer_keys(app.dashboard) == keys, opens  # the same keys, not built again
        assert "Done" in footer_text(app) and "Add" in footer_text(app)


async def test_the_footer_follows_the_panel_and_lets_go_of_the_keys_it_replaced(
    db_path: Path, clock: FakeClock, recorder: Recorder
) -> None:
    recorder.add_application("Acme", "Analyst", on=SUNDAY - timedelta(days=3))
    app = make_app(db_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert "Done" in footer_text(app)  # Today's actions: space or enter marks one done
        await pilot.press("tab")
        await settle(pilot)
        assert "Done" not in footer_text(app)  # Pending applications
        for _ in range(5):
            await pilot.press("shift+tab", "tab")
        await pilot.press("shift+tab")
        await settle(pilot)
        assert "Done" in footer_text(app)
        gc.collect()
        alive = [key for key in gc.get_objects() if isinstance(key, FooterKey)]
        assert len(alive) == len(footer_keys(app.dashboard))  # none of those it replaced is kept


def calls_of(monkeypatch: pytest.MonkeyPatch, module: object, name: str) -> list[tuple[object, ...]]:
    """Every call made from now on to `module.name` (each still made), by its arguments, in order."""
    calls: list[tuple[object, ...]] = []
    original = getattr(module, name)
    monkeypatch.setattr(module, name, lambda *args: calls.append(args) or original(*args))
    return calls


async def test_the_weekly_review_opened_again_shows_at_once_and_is_worked_out_once(
    db_path: Path, store: Store, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    a_month_of_searching(store, clock)
    worked_out = calls_of(monkeypatch, review, "weekly_review")
    app = make_app(db_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("W")
        await settle(pilot)
        text = str(app.screen.query_one("#review-text", Static).render())
        assert "Umbrella" in text
        await pilot.press("escape", "W")  # no waiting for any worker: it is shown as the screen opens
        assert str(app.screen.query_one("#review-text", Static).render()) == text
        await settle(pilot)
        assert len(worked_out) == 1  # once, though opened twice and laid out at its width


async def test_insights_opened_again_show_at_once(
    db_path: Path, store: Store, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    a_month_of_searching(store, clock)
    added_up = calls_of(monkeypatch, insights, "build_insights")
    app = make_app(db_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("i")
        await settle(pilot)
        await pilot.press("escape", "i")
        assert "Applied      5 sent" in screen_text(app)
        assert len(added_up) == 1


async def test_a_list_is_filled_once_as_it_opens_and_describes_only_the_rows_it_shows(
    db_path: Path, clock: FakeClock, recorder: Recorder, monkeypatch: pytest.MonkeyPatch
) -> None:
    for number in range(8):
        recorder.add_win(f"win number {number}", on=SUNDAY - timedelta(days=number))
    monkeypatch.setattr(records, "MOST_ROWS", 5)
    filled, described = [], []
    fill, describe = WinsScreen.show_snapshot, WinsScreen.cells
    monkeypatch.setattr(WinsScreen, "show_snapshot", lambda self, snapshot: filled.append(1) or fill(self, snapshot))
    monkeypatch.setattr(WinsScreen, "cells", lambda self, *args: described.append(1) or describe(self, *args))
    app = make_app(db_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("e", "w")
        await settle(pilot)
        assert isinstance(app.screen, WinsScreen)
        assert [row[1] for row in table_rows(app, "wins")] == [f"win number {n}" for n in range(5)]
        assert "Wins (8) · the first 5 shown" in screen_text(app)
        assert len(filled) == 1  # not once more when it was laid out
        assert len(described) == 5


async def test_the_dashboard_beneath_a_dialog_shows_a_change_made_while_it_is_open(
    db_path: Path, store: Store, clock: FakeClock
) -> None:
    app = make_app(db_path, clock, poll_interval=0.05)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("e")
        await settle(pilot)
        assert isinstance(app.screen, RecordsMenuScreen)
        Recorder(store, clock).add_application("Zebracorp", "Analyst")
        for _ in range(40):
            await pilot.pause(0.05)
            if "1 application" in screen_text(app):
                break
        await settle(pilot)
        beneath = [strip.text for strip in app.dashboard._compositor.render_strips()]
        drawn = screen_text(app).splitlines()
        menu = app.screen.query_one("#records-menu").region
        outside = [(y, x) for y in range(SIZE[1]) for x in range(SIZE[0]) if not menu.contains(x, y)]
        assert "Pending applications (1)" in "\n".join(beneath)
        assert all(drawn[y][x] == beneath[y][x] for y, x in outside)  # the dashboard as it now is, dimmed


def layouts(monkeypatch: pytest.MonkeyPatch) -> list[tuple[Widget, Size]]:
    """Every screen laid out from now on (`Compositor.reflow`), with the size it was laid out at."""
    laid_out: list[tuple[Widget, Size]] = []
    reflow = Compositor.reflow

    def recorded(compositor: Compositor, parent: Widget, size: Size) -> object:
        laid_out.append((parent, size))
        return reflow(compositor, parent, size)

    monkeypatch.setattr(Compositor, "reflow", recorded)
    return laid_out


async def test_a_dialog_opening_leaves_the_dashboard_laid_out_and_a_resize_lays_it_out_again(
    db_path: Path, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Textual lays every screen beneath out again as a dialog is first given its size, at the size they have."""
    app = make_app(db_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        dashboard = app.dashboard
        laid_out = layouts(monkeypatch)
        for key in ("a", "p"):
            await press_settled(pilot, "escape")
            laid_out.clear()
            await press_settled(pilot, key)
            assert app.screen is not dashboard and [size for screen, size in laid_out if screen is dashboard] == []
        await pilot.resize_terminal(60, 20)
        await settle(pilot)
        assert {size for screen, size in laid_out if screen is dashboard} == {Size(60, 20)}  # at the new size
        await press_settled(pilot, "escape")
        assert app.screen is dashboard and dashboard.query_one("#actions").region.right <= 60


async def test_the_lists_modules_are_loaded_after_a_read_off_the_event_loop(
    db_path: Path, store: Store, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every list a key opens from the dashboard or Your records: its module loaded in the thread that prepares
    the screens, not on the event loop as the list first opens (20 to 30 ms each)."""
    from tui.app import app as app_module

    a_month_of_searching(store, clock)
    loaded: dict[str, bool] = {}

    def recorded(name: str) -> object:
        loaded[name] = threading.current_thread() is threading.main_thread()
        return importlib.import_module(name)

    monkeypatch.setattr(app_module, "import_module", recorded)
    app = make_app(db_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert set(loaded) == set(app_module.LISTS_MODULES) and not any(loaded.values())
        opened: set[str] = set()
        for keys in ("c", "e", "e l", "e v", "e w", "e g", "e r", "e R"):
            await press_settled(pilot, *keys.split())
            opened.add(type(app.screen).__module__)
            while app.screen is not app.dashboard:
                await press_settled(pilot, "escape")
        assert opened == set(app_module.LISTS_MODULES)


async def test_a_list_finds_its_columns_once_while_it_fills_and_as_they_are_after(
    db_path: Path, store: Store, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Textual looked the columns' order up twice for every row added; a list looks it up once a fill."""
    a_month_of_searching(store, clock)
    adding: list[bool] = []
    looked_up: list[int] = []
    ordered_columns, add_row = DataTable.ordered_columns, DataTable.add_row

    def counted(table: DataTable[object]) -> object:
        if adding and isinstance(table, records.RecordTable):
            looked_up.append(1)
        return ordered_columns.fget(table)  # type: ignore[attr-defined]

    def adding_row(table: DataTable[object], *cells: object, **options: object) -> object:
        adding.append(True)
        try:
            return add_row(table, *cells, **options)  # type: ignore[arg-type]
        finally:
            adding.pop()

    monkeypatch.setattr(DataTable, "ordered_columns", property(counted))
    monkeypatch.setattr(DataTable, "add_row", adding_row)
    app = make_app(db_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await press_settled(pilot, "e", "l")
        table = app.screen.query_one(records.RecordTable)
        assert table.row_count and looked_up == []  # the order found once, before the rows
        table.add_column("Later", key="later")
        assert [column.key.value for column in table.ordered_columns][-1] == "later"


async def test_your_records_and_help_opened_again_are_kept_and_shown_as_if_opened_afresh(
    db_path: Path, store: Store, clock: FakeClock
) -> None:
    app = make_app(db_path, clock, poll_interval=0.05)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("e")
        await settle(pilot)
        menu = app.screen
        assert "Wins  0 wins" in screen_text(app)
        await pilot.press("down", "down", "escape")
        Recorder(store, clock).add_win("shipped the pipeline")  # from the shell, while it is closed
        for _ in range(40):
            await pilot.pause(0.05)
            if app.snapshot is not None and app.snapshot.search.wins:
                break
        await pilot.press("e")
        await settle(pilot)
        assert app.screen is menu  # kept: not built again
        assert "Wins  1 win" in screen_text(app)
        await pilot.press("enter")  # the first list again, not the one highlighted when it was closed
        await settle(pilot)
        assert "All applications" in screen_text(app)
        await pilot.press("escape", "question_mark")
        await settle(pilot)
        keys = app.screen
        first_line = "Anywhere on the dashboard"
        assert first_line in screen_text(app)
        await pilot.press("pagedown", "pagedown")
        await settle(pilot)
        assert first_line not in screen_text(app)
        await pilot.press("escape", "question_mark")
        await settle(pilot)
        assert app.screen is keys
        assert first_line in screen_text(app)  # from the top, as when first opened


async def test_progress_and_the_review_opened_again_show_the_search_as_it_now_is(
    db_path: Path, store: Store, clock: FakeClock
) -> None:
    a_month_of_searching(store, clock)
    app = make_app(db_path, clock, poll_interval=0.05)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("p")
        await settle(pilot)
        progress = app.screen
        assert "a win written from the shell" not in screen_text(app)
        await pilot.press("escape")
        Recorder(store, clock).add_win("a win written from the shell")
        for _ in range(40):
            await pilot.pause(0.05)
            if app.snapshot is not None and app.snapshot.search.wins:
                break
        await pilot.press("p")
        await settle(pilot)
        assert app.screen is progress  # kept: not built again
        await pilot.press("end")
        await settle(pilot)
        assert "a win written from the shell" in screen_text(app)
        await pilot.press("escape", "W")
        await settle(pilot)
        assert "Mon 09 Mar 2026" in screen_text(app)
        await pilot.press("[", "[")
        await settle(pilot)
        assert "Mon 23 Feb 2026" in screen_text(app)
        await pilot.press("escape", "W")
        await settle(pilot)
        assert "Mon 09 Mar 2026" in screen_text(app)  # this week again, as when first opened


async def test_all_applications_opened_again_lists_everything_from_the_top_as_when_first_opened(
    db_path: Path, clock: FakeClock, recorder: Recorder
) -> None:
    for company in ("Acme", "Globex", "Initech", "Hooli"):
        recorder.add_application(company, "Data Engineer", on=SUNDAY - timedelta(days=3))
    app = make_app(db_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("A")
        await settle(pilot)
        applications = app.screen
        everything = screen_text(app)
        assert "All applications (4)" in everything
        await pilot.press("slash", "a", "c", "m", "e", "enter", "f", "o")  # found, narrowed, reordered
        await settle(pilot)
        assert "All applications (4)" not in screen_text(app)
        await pilot.press("escape", "A")
        await settle(pilot)
        assert app.screen is applications  # kept: not built again
        assert screen_text(app) == everything  # every stage, every application, the usual order, the first row
        assert applications.table.has_focus


LINES = [
    Content("short"),
    Content.assemble(("a line long enough to wrap ", "bold"), "at forty columns, twice over, " * 3),
    Content(""),
    Content("tab\tseparated"),
    Content("wide ★ 漢字 characters " * 4),
    *(Content(f"line {n}") for n in range(40)),
]


class Both(App[None]):
    CSS = "Static { width: 40; }"

    def __init__(self, widget: Static) -> None:
        super().__init__()
        self.widget = widget

    def compose(self) -> ComposeResult:
        yield self.widget


async def drawn(widget: Static) -> list[str]:
    app = Both(widget)
    async with app.run_test(size=(40, 120)) as pilot:
        await pilot.pause()
        return [strip.text for strip in app.screen._compositor.render_strips()]


async def test_long_text_draws_what_a_static_draws() -> None:
    text = Content("\n").join(LINES)
    as_static = await drawn(Static(text))
    assert await drawn(LongText(text)) == as_static
    given_as_lines = LongText()
    given_as_lines.show_lines(LINES)
    assert await drawn(given_as_lines) == as_static


async def test_long_text_places_each_character_where_selecting_with_the_mouse_reads_it() -> None:
    widget = LongText(Content("\n").join(LINES))
    app = Both(widget)
    async with app.run_test(size=(40, 120)) as pilot:
        await pilot.pause()
        last = widget.size.height - 1
        style = next(iter(widget.render_line(last))).style
        assert style is not None
        assert style.meta["offset"] == (0, len(LINES) - 1)  # the last line of the text, not its first
        x, y = style.meta["offset"]
        assert widget.get_selection(Selection(Offset(x, y), Offset(x + 7, y))) == ("line 39", "\n")


async def test_the_collectors_full_pass_waits_for_a_second_without_keys(
    db_path: Path, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A full pass walks everything the app keeps (70 ms after ten screens): never inside a run of keys."""
    from tui.app import app as app_module

    now = [1000.0]
    passes: list[int] = []
    monkeypatch.setattr(app_module, "monotonic", lambda: now[0])
    app = make_app(db_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        monkeypatch.setattr(app_module.gc, "get_count", lambda: (0, 0, 1))  # something aged into the oldest
        monkeypatch.setattr(app_module.gc, "collect", lambda generation=2: passes.append(generation) or 0)
        app.last_typed = now[0] - app_module.IDLE_BEFORE_COLLECTING / 2  # a key half a second ago
        await pilot.pause(app_module.IDLE_BEFORE_COLLECTING)  # the check runs twice meanwhile
        assert passes == []
        now[0] += app_module.IDLE_BEFORE_COLLECTING  # and no key since
        for _ in range(50):  # a loaded machine may run the check late
            if passes:
                break
            await pilot.pause(0.1)
        assert passes == [2]


async def test_the_first_form_opened_parses_no_css(
    db_path: Path, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Textual parses a widget's CSS as the first one is shown: the forms' widgets' is parsed once the search is."""
    from textual.css.stylesheet import Stylesheet

    app = make_app(db_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        parsed: list[int] = []
        parse = Stylesheet.parse
        monkeypatch.setattr(Stylesheet, "parse", lambda sheet: parsed.append(1) or parse(sheet))
        await press_settled(pilot, "a", "escape", "s", "escape", "l")
        assert type(app.screen).__name__ == "LogActivityScreen"
        assert parsed == []


async def test_progress_shows_lines_of_rewards_and_wins_made_before_it_opens(
    db_path: Path, store: Store, clock: FakeClock
) -> None:
    """Made once the search is read, off the event loop: not as Progress opens (900 lines at five years)."""
    from tui.app.screens import progress

    a_month_of_searching(store, clock)
    app = make_app(db_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert app.snapshot is not None
        source, made = progress._KEPT_LINES[progress.reward_lines]
        assert source is app.snapshot.dashboard.rewards
        await press_settled(pilot, "p")
        shown = app.screen.query_one("#progress-rewards", LongText)
        assert shown.lines_given is made and made  # the very lines made before, not made again


@pytest.mark.parametrize("wins", [3, 30])
async def test_progress_has_its_scrollbar_from_the_start_when_it_surely_scrolls(
    db_path: Path, store: Store, clock: FakeClock, monkeypatch: pytest.MonkeyPatch, wins: int
) -> None:
    """Thirty wins cannot fit 24 rows: the bar is there as Progress is first laid out, not added after (which
    laid all of it out again). Three may fit: no empty track beside them."""
    recorder = Recorder(store, clock)
    for number in range(wins):
        recorder.add_win(f"Win number {number}")
    app = make_app(db_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        laid_out = layouts(monkeypatch)
        await press_settled(pilot, "p")
        body = app.screen.query_one("#progress")
        assert body.max_scroll_y > 0 if wins == 30 else body.max_scroll_y == 0
        assert body.show_vertical_scrollbar == (wins == 30)
        if wins == 30:
            progress_laid_out = [screen for screen, _ in laid_out if screen is app.screen]
            assert body.vertical_scrollbar.region.height and len(progress_laid_out) <= 2


async def test_long_text_measures_each_width_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """Textual lays a text that scrolls out at two widths in turn (with room for the scrollbar and without)."""
    from tui.app.widgets import long_text

    measured: list[int] = []
    wrapped_rows = long_text.wrapped_rows

    def counted(line: str, room: int, *, fold: bool) -> int:
        measured.append(room)
        return wrapped_rows(line, room, fold=fold)

    monkeypatch.setattr(long_text, "wrapped_rows", counted)
    room = Size(40, 120)
    widget = LongText()
    widget.show_lines(LINES)
    heights = [widget.get_content_height(room, room, width) for width in (40, 30)]
    made = len(measured)
    assert made and heights[0] < heights[1]  # narrower: more rows
    assert [widget.get_content_height(room, room, width) for width in (40, 30)] == heights
    assert len(measured) == made  # both widths measured before: nothing measured again
    widget.show_lines(LINES[:1])
    assert widget.get_content_height(room, room, 40) == 1  # other lines: measured afresh
    assert len(measured) == made + 1


# Lines of words of one-cell characters (a win's: "✓ Fri 04 Dec 2026  Gave a talk"), some longer than a row, among
# runs of spaces; and now and then a word of wider characters, which Rich measures instead.
NARROW_WORDS = st.text(alphabet=st.sampled_from("ab✓★·é—→"), min_size=1, max_size=30)
WIDE_WORDS = st.text(alphabet=st.sampled_from("a漢字🙂"), min_size=1, max_size=6)
SPACES = st.sampled_from(["", " ", "  ", "   "])


@example(line="abcdefghij", room=4, fold=True)  # a word longer than a row, at the start
@example(line="  abcdefghij ab", room=4, fold=True)
@example(line="ab abcdefghij", room=4, fold=False)
@example(line="abcdefghij ab", room=4, fold=False)
@example(line="ab   cd", room=5, fold=True)  # the spaces after a word count on its row
@settings(max_examples=500)
@given(
    line=st.builds(
        lambda leading, words: leading + "".join(word + spaces for word, spaces in words),
        SPACES,
        st.lists(st.tuples(st.one_of(NARROW_WORDS, NARROW_WORDS, NARROW_WORDS, WIDE_WORDS), SPACES)),
    ),
    room=st.integers(min_value=1, max_value=24),
    fold=st.booleans(),
)
def test_a_line_takes_the_rows_textual_wraps_it_into(line: str, room: int, fold: bool) -> None:
    """Counted a word at a time for a line of one-cell characters, as Rich breaks it (`divide_line`) for any."""
    assert wrapped_rows(line, room, fold=fold) == len(divide_line(line, room, fold=fold)) + 1


def test_the_characters_counted_one_cell_wide_include_those_nextyes_draws() -> None:
    assert set("✓★·—→é") <= narrow_characters()
    assert not set("漢🙂\t") & narrow_characters()
