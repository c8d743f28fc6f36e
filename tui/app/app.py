"""`NextYesApp`: reads the job search and saves changes to it, every read and write in a thread worker.

Workers only read, record and post messages; the handlers here own the state and update the widgets.
The dashboard's commands come from the mixins in actions/, one per area of the search.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterable
from datetime import datetime
from functools import cached_property, partial
from gc import get_threshold, set_threshold
from importlib import import_module
from pathlib import Path
from time import monotonic
from types import SimpleNamespace
from typing import TYPE_CHECKING

from textual import on, work
from textual.app import SystemCommand
from textual.message import Message
from textual.notifications import SeverityLevel
from textual.screen import Screen

from tui.app.actions.editing import EditingCommands
from tui.app.actions.network import NetworkCommands
from tui.app.actions.pipeline import PipelineCommands
from tui.app.actions.records import RecordsCommands
from tui.app.actions.reflection import ReflectionCommands
from tui.app.actions.today import TodayCommands
from tui.app.actions.views import ViewCommands
from tui.app.commands import COMMANDS, SCREEN_COMMANDS, Scope, bindings
from tui.app.kept_view import KeptStart, keep_dashboard, kept_for_start, view_source
from tui.app.messages import ChangeFailed, ChangeSaved, JobSearchLoaded, JobSearchUnreadable, RewardsEarned
from tui.app.preferences import remember_theme, remembered_theme
from tui.app.screens.dashboard import DashboardScreen
from tui.app.shown_text import show_control_characters
from tui.app.state import Change, Snapshot
from tui.clock import system_clock, zone_named
from tui.store.conflict_names import find_conflict_copies
from tui.store.errors import StoreError
from tui.store.files import Source, source_of
from tui.store.paths import database_file

if TYPE_CHECKING:  # the records, the store and the rules load in the worker that first reads the search
    from tui.core.rewards import Reward
    from tui.recording import Recorder
    from tui.store import Store

# A search of this many records is worth `tidy_up` after it is read: below it, the collector's passes
# are short enough wherever they fall.
TIDY_AFTER_READING = 5_000
# Objects made (less those freed) between two of the collector's youngest passes; Python's 700 suits a program
# that makes few. A frame drawn makes thousands, nearly all freed at once by reference counting: at 700 the
# collector ran twenty times a key, and a full pass (a hundred times rarer) fell inside a key some twenty times
# on a tour of every screen, 50 ms each with the screens the app keeps. At 5,000: once, and a third of the time
# collecting in all. The older generations keep Python's proportions.
YOUNGEST_PASS_EVERY = 5_000
# A full pass of the collector walks every object the app keeps that `tidy_up` has not set aside: its screens,
# and the lines they drew (Textual keeps seven small caches on each). After ten screens that is 200,000
# objects and 70 ms, which fell inside whichever key came next. Left to Python it comes after every ten of the
# middle passes; here after a hundred, and once the app has had no key for a second (`collect_when_idle`),
# so a person typing or moving about never waits for one, and what closed screens left is still freed.
OLDEST_PASS_EVERY = 100
IDLE_BEFORE_COLLECTING = 1.0  # seconds without a key
# The lists' modules, loaded after each read in the thread that prepares the screens, not on the event loop as
# a list first opens: 20 to 30 ms each, with the forms a list opens to correct a record. They take memory the
# read let go of: the app's resident size after the read at five years grew by 1 MB with them (95 -> 96 MB).
LISTS_MODULES = tuple(
    f"tui.app.screens.{name}"
    for name in (
        "contacts",
        "records_menu",
        "activity_log",
        "interviews",
        "wins_list",
        "goals_list",
        "reflections_list",
        "rest_days_list",
    )
)
# The screens' CSS, read once the first read is done (`load_screens_css`); app.tcss styles the dashboard alone.
SCREENS_CSS = Path(__file__).with_name("screens.tcss")


class NextYesApp(
    PipelineCommands,
    TodayCommands,
    NetworkCommands,
    ReflectionCommands,
    ViewCommands,
    EditingCommands,
    RecordsCommands,
):
    """The nextyes dashboard for the database at `db_path`."""

    CSS_PATH = "app.tcss"
    TITLE = "nextyes"
    BINDINGS = bindings(Scope.ANYWHERE)

    def __init__(
        self,
        db_path: Path,
        now: Callable[[], datetime] | None = None,
        poll_interval: float = 1.0,
    ) -> None:
        super().__init__()
        show_control_characters()  # typed text cannot drive the terminal (tui/app/shown_text.py)
        theme = remembered_theme()  # the one last chosen in the palette, on this machine
        if theme in self.available_themes:
            self.theme = theme
        self.db_path = Path(db_path)
        self.clock = now or system_clock(zone_named(""))
        self.poll_interval = poll_interval
        # The dashboard this app last worked out, while it still holds: drawn in the first frame, before the
        # records, the models and the store are loaded (tui/app/kept_view.py); with none, the streak from the
        # search's brief (kept by `nextyes log` and by each read). Read here, before the event loop.
        self.kept_start = kept_for_start(self.db_path, self.clock())
        self.snapshot = None
        self.problem = ""
        self.seen: Source | None = None
        self.first_read_done = False
        self.first_frame_shown = False

    @cached_property
    def store(self) -> Store:
        """The database, loaded by the first read (a worker), not before the first frame."""
        from tui.store import Store

        return Store(self.db_path, self.clock, journal=True)  # a change is one line in the journal (see store)

    @cached_property
    def recorder(self) -> Recorder:
        from tui.recording import Recorder

        # Only changes made here are celebrated here; the shell announces its own.
        return Recorder(self.store, self.clock, celebrate=self.celebrate, note_zone=self.note_zone, source="app")

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = False,
    ) -> None:
        """Toasts carry company names, notes and file paths: shown as typed, never read as markup.

        The title leads the message on its line ("Not saved: …"): a toast beside a dialog has one row.
        """
        shown = f"{title}: {message}" if title else message
        super().notify(shown, severity=severity, timeout=timeout, markup=markup)

    def watch_theme(self, theme: str) -> None:
        """A theme chosen in the command palette is the one the app starts with next time."""
        remember_theme(theme)

    def note_zone(self, note: str) -> None:
        """A time zone setting or TZ that names no zone, and the zone used instead: said once, from any thread."""
        self.notify(f"{note[0].upper()}{note[1:]}.", title="Time zone", severity="warning", timeout=15)

    def get_default_screen(self) -> Screen[None]:
        dashboard, streak = self.kept_start
        self.kept_start = KeptStart(None, None)  # the screen holds them now, until the read replaces them
        return DashboardScreen(kept=dashboard, streak=streak)

    def post_display_hook(self) -> None:
        """Each frame written to the terminal: after the first, the rest of the dashboard (`complete_panels`)."""
        super().post_display_hook()
        if not self.first_frame_shown:
            self.first_frame_shown = True
            self.call_later(self.dashboard.complete_panels)

    @property
    def taking_keys(self) -> bool:
        """Keys typed before the search is first read (the dashboard may show what was kept from the last read)
        wait for it, and are then handed on in turn: `l` opens the form, rather than a "still opening" note."""
        return self.first_read_done

    @on(DashboardScreen.Ready)
    def start_reading(self) -> None:
        """The first frame is drawn before any I/O; the database is read in a worker."""
        _, middle, _ = get_threshold()
        set_threshold(YOUNGEST_PASS_EVERY, middle, OLDEST_PASS_EVERY)
        self.load_job_search()
        self.set_interval(self.poll_interval, self.poll_for_changes)
        self.set_interval(IDLE_BEFORE_COLLECTING / 2, self.collect_when_idle)

    def collect_when_idle(self) -> None:
        """A full pass of the collector, once no key has come for `IDLE_BEFORE_COLLECTING` and something has
        aged into its oldest generation since the last one (`OLDEST_PASS_EVERY`)."""
        if gc.get_count()[2] and monotonic() - self.last_typed >= IDLE_BEFORE_COLLECTING:
            gc.collect()

    # Reading -----------------------------------------------------------------------------------

    def read_job_search(self) -> Message:
        """Load afresh and build the dashboard, and keep it for the next start. Runs in a worker thread."""
        from tui.content import reflection_prompts
        from tui.core.dashboard import build_dashboard, holds_until
        from tui.store.brief import kept as keep_brief
        from tui.store.collector import collector_paused
        from tui.store.conflicts import absorb_conflict_copies

        try:
            merged = absorb_conflict_copies(self.store, made_from="app")  # a sync tool's conflict copies first
        except StoreError as error:
            return JobSearchUnreadable(str(error), source_of(self.db_path))
        identities = source_of(self.db_path)  # before reading: a change after it is seen next poll
        validated = self.store.validations
        try:
            with collector_paused:  # the read and the dashboard make many objects and no cycles
                search = self.store.load()
                today = self.recorder.today(search)
                zone = self.recorder.zone(search.settings)
                now = self.recorder.now()
                dashboard = build_dashboard(search, today, reflection_prompts(), zone.key, now)
        except StoreError as error:
            return JobSearchUnreadable(str(error), identities)
        until = holds_until(today, dashboard, search.settings.rollover_hour, zone)
        if until is not None and identities[0] is not None:
            keep_dashboard(self.db_path, view_source(self.db_path, identities), dashboard, now, until)
        keep_brief(self.db_path, search, identities, today, zone.key)  # the next start's header, any day
        tidy = self.store.validations != validated and search.size >= TIDY_AFTER_READING
        return JobSearchLoaded(Snapshot(search, dashboard, identities), tidy, merged)

    @work(thread=True, exclusive=True, group="load", description="reading the database")
    def load_job_search(self) -> None:
        self.post_message(self.read_job_search())

    def poll_for_changes(self) -> None:
        if self.first_read_done:
            self.check_for_changes(self.seen, self.snapshot)

    @work(thread=True, exclusive=True, group="poll", description="looking for changes")
    def check_for_changes(self, seen: Source | None, snapshot: Snapshot | None) -> None:
        """Reload when another process changed the file, or when the logical day has rolled over."""
        changed = source_of(self.db_path) != seen or bool(find_conflict_copies(database_file(self.db_path)))
        new_day = snapshot is not None and self.recorder.today(snapshot.search) != snapshot.today
        # An interview's hour changes today's actions (its prep ends, its thank-you begins) with nothing written.
        changes_at = snapshot.dashboard.changes_at if snapshot is not None else None
        hour_came = changes_at is not None and self.recorder.now() >= changes_at
        if changed or new_day or hour_came:
            self.post_message(self.read_job_search())

    @on(JobSearchLoaded)
    def show_job_search(self, message: JobSearchLoaded) -> None:
        self.take_keys()
        self.snapshot = message.snapshot
        self.seen = message.snapshot.signature
        self.problem = ""
        self.dashboard.show(message.snapshot.dashboard)
        for screen in self.screen_stack:  # progress, contacts, interviews, the question bank
            if (show_snapshot := getattr(screen, "show_snapshot", None)) is not None:
                show_snapshot(message.snapshot)
        if message.tidy:
            self.call_after_refresh(self.tidy_up)
        self.call_after_refresh(self.prepare_screens, message.snapshot)
        for merged in message.merged:
            self.notify(merged, title="Another machine's copy", timeout=12)

    def take_keys(self) -> None:
        """After the first read, good or not: the screens' CSS is read, and the keys typed while it went on are
        handed on, in turn."""
        if not self.first_read_done:
            self.first_read_done = True
            self.load_screens_css()
            self.call_later(self.deliver_typed_ahead)

    def load_screens_css(self) -> None:
        """screens.tcss, 650 lines the first frame need not wait for, and the CSS of the widgets the forms are
        made of, read and parsed now, as keys are first handed on: Textual reads a widget's CSS the first time
        one is shown and parses every source new since the last parse as a screen is styled, so the first
        form opened did both, 25 ms of its opening. No screen that screens.tcss styles is open yet: keys wait
        for the first read."""
        from textual.screen import ModalScreen
        from textual.widgets import Input, Select
        from textual.widgets._select import SelectCurrent
        from textual.widgets._toggle_button import ToggleButton

        if not self.stylesheet.has_source(str(SCREENS_CSS)):
            self.stylesheet.read(SCREENS_CSS)
        for widget_type in (ModalScreen, Input, Select, SelectCurrent, ToggleButton):
            # What Textual adds as one is first mounted (`Widget._post_register`), from its class alone.
            bases = SimpleNamespace(_node_bases=widget_type._css_bases(widget_type))
            for read_from, css, tie_breaker, scope in widget_type._get_default_css(bases):  # type: ignore[arg-type]
                self.stylesheet.add_source(
                    css, read_from=read_from, is_default_css=True, tie_breaker=tie_breaker, scope=scope
                )
        self.stylesheet.parse()

    def tidy_up(self) -> None:
        """One full collection now, then everything that survives it set aside for good (`gc.freeze`).

        At 5 years the records are some 150,000 objects that live until the next read; left to the
        collector, each of its full passes walked them all, 150 to 250 ms inside whichever key it fell
        in. Set aside, a pass walks only what is new. The records hold no cycles, so a later search
        that replaces them still frees them by reference counting.
        """
        gc.collect()
        gc.freeze()

    @work(thread=True, exclusive=True, group="prepare", description="working out what screens show")
    def prepare_screens(self, snapshot: Snapshot) -> None:
        """What the screens read from a search, worked out as soon as it is shown, off the event loop: insights
        (a tenth of a second at 5 years), the question bank, the orders the forms and the list of applications
        offer them in (as long, the first time a form offered them), and Progress's lines of rewards and wins.
        Opened first, a screen found them still to work out, drew itself empty, then again once they came; now it
        is drawn once, filled."""
        from tui.app.screens import progress
        from tui.app.screens.applications import in_order
        from tui.app.screens.insights import insights_of
        from tui.app.screens.question_bank import bank_guide_of
        from tui.app.widgets.choice import recently_touched_first
        from tui.store.collector import collector_paused

        with collector_paused:  # many records looked at, none of them cycles
            insights_of(snapshot.search, snapshot.today)
            bank_guide_of(snapshot.search, snapshot.today)
            recently_touched_first(snapshot.search)  # the order the forms offer the applications in
            in_order(snapshot.search, 0)  # and the list of them all (A)
            progress.prepare(snapshot)
        for module in LISTS_MODULES:
            import_module(module)

    @on(JobSearchUnreadable)
    def show_unreadable(self, message: JobSearchUnreadable) -> None:
        self.take_keys()
        self.seen = message.signature
        if message.problem != self.problem:
            self.notify(message.problem, title="Cannot read the database", severity="error", timeout=10)
        self.problem = message.problem
        self.dashboard.show_problem(message.problem, opened=self.snapshot is not None)

    # Writing -----------------------------------------------------------------------------------

    @work(thread=True, group="save", description="saving a change")
    def save(self, change: Change) -> None:
        """Record one change, then reload so every panel shows the file as it now is."""
        try:
            change.record(self.recorder)
        except StoreError as error:
            self.post_message(ChangeFailed(change, str(error)))
            return
        except KeyError as error:  # the application was removed meanwhile, from another process
            problem = str(error.args[0]) if error.args else "it no longer exists"
            self.post_message(ChangeFailed(change, problem))
            return
        except ValueError as error:  # a record that does not validate: say so in one line
            self.post_message(ChangeFailed(change, " ".join(str(error).split())))
            return
        loaded = self.read_job_search()
        # The panels first, then what follows the change (the steps after a no open over the dashboard,
        # which shows through their backdrop: it must already show the change, not the moment before it).
        self.post_message(loaded)
        self.post_message(ChangeSaved(change, loaded.snapshot if isinstance(loaded, JobSearchLoaded) else None))

    @on(ChangeSaved)
    def confirm_saved(self, message: ChangeSaved) -> None:
        self.notify(f"Saved: {message.change.feedback}")
        if message.change.then is not None and message.snapshot is not None:
            # After the dashboard has been drawn with the change: a screen pushed before would keep the
            # dashboard behind it as it was drawn last.
            self.call_after_refresh(message.change.then, message.snapshot)

    def celebrate(self, rewards: list[Reward]) -> None:
        """Called by the recorder from the save worker: hand the rewards to the event loop."""
        self.post_message(RewardsEarned(rewards))

    @on(RewardsEarned)
    def announce_rewards(self, message: RewardsEarned) -> None:
        for reward in message.rewards:
            self.notify(f"★ {reward.title}!", title="Reward earned", timeout=8)

    @on(ChangeFailed)
    def report_failure(self, message: ChangeFailed) -> None:
        self.notify(message.problem, title="Not saved", severity="error", timeout=10)
        if message.change.retry is not None:
            message.change.retry(message.problem)

    # The command palette -----------------------------------------------------------------------

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        if isinstance(screen, DashboardScreen):
            for command in COMMANDS:
                yield SystemCommand(command.title, command.palette_help, partial(self.run_action, command.action))
        # A screen over the dashboard offers its own keys' commands while it is open.
        for command in SCREEN_COMMANDS:
            if command.scope is getattr(screen, "SCOPE", None):
                yield SystemCommand(command.title, command.palette_help, partial(screen.run_action, command.action))
        ours = {command.title for command in COMMANDS} | {"Quit"}
        yield from (command for command in super().get_system_commands(screen) if command.title not in ours)
