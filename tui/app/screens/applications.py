"""Every application, closed ones too: found by typed text, narrowed to a stage, sorted; enter opens one.

`/` goes to the filter box (escape or enter leaves it), `f` steps through the stages shown (all, pending,
closed, then each stage), `o` through the orders. From a row, as from its page: `e` edits, `s` moves the
stage (reopening a ghosted or rejected one), `d` deletes after asking once.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import DataTable, Input, Static

from tui.app.commands import Scope, bindings
from tui.app.screens.application_detail import ApplicationDetailScreen, ApplicationKeys
from tui.app.screens.records import Cell, RecordsScreen, RecordTable
from tui.app.state import Snapshot
from tui.app.widgets.choice import last_touches
from tui.app.widgets.pending import describe_touch
from tui.core.days import describe_day
from tui.core.models import PENDING_STAGES, Application, Stage
from tui.core.remembering import remembers
from tui.core.search import JobSearch

CLOSED_STAGES = frozenset({Stage.ACCEPTED, Stage.REJECTED, Stage.GHOSTED, Stage.WITHDRAWN})

# The stages `f` steps through: everything, the two halves, then each stage in pipeline order.
STAGE_GROUPS: tuple[tuple[str, frozenset[Stage]], ...] = (
    ("all", frozenset(Stage)),
    ("pending", PENDING_STAGES),
    ("closed", CLOSED_STAGES),
    *((stage.value, frozenset({stage})) for stage in Stage),
)

SortKey = Callable[[Application, JobSearch], tuple[object, ...]]


def _touched(application: Application, search: JobSearch) -> tuple[object, ...]:
    touched = last_touches(search).get(application.id) or date.min
    return (-touched.toordinal(), application.company.casefold())


def _applied(application: Application, search: JobSearch) -> tuple[object, ...]:
    applied = application.applied_on
    return (applied is None, -(applied.toordinal() if applied else 0), application.company.casefold())


def _company(application: Application, search: JobSearch) -> tuple[object, ...]:
    return (application.company.casefold(), application.role.casefold())


def _stage(application: Application, search: JobSearch) -> tuple[object, ...]:
    return (list(Stage).index(application.stage), application.company.casefold())


# The orders `o` steps through, the most recently touched first by default.
SORTS: tuple[tuple[str, SortKey], ...] = (
    ("last touched", _touched),
    ("applied day", _applied),
    ("company", _company),
    ("stage", _stage),
)


@remembers
def in_order(search: JobSearch, sort: int) -> list[Application]:
    """Every application in the order `SORTS[sort]` gives, kept with the search; read it, never change it.

    Sorted once, then narrowed to a stage or to words typed as the list asks: the same rows in the same order
    as narrowed, then sorted (the sort is stable). Sorting 4,000 applications at five years was a tenth of
    opening the list; the default order is worked out in the thread after each read (`prepare_screens`).
    """
    _, key = SORTS[sort]
    return sorted(search.applications, key=lambda application: key(application, search))


def matches(application: Application, words: list[str]) -> bool:
    """Every word typed appears somewhere in the application's names, source, place, link, notes, résumé
    version, salary or job ad."""
    text = " ".join(
        (
            application.company,
            application.role,
            application.source,
            application.location,
            application.url,
            application.notes,
            application.stage.value,
            application.resume,
            application.salary_advertised,
            application.ad,
        )
    ).casefold()
    return all(word in text for word in words)


class ApplicationsScreen(ApplicationKeys, RecordsScreen[Application]):
    """The table of every application under a filter line; the keys line at the bottom says the rest."""

    BINDINGS = [
        Binding("escape", "back", "Back", show=True),
        Binding("A,q", "close", "Back", show=False),
        Binding("down", "leave_filter", show=False),
        *bindings(Scope.APPLICATIONS),
    ]
    SCOPE = Scope.APPLICATIONS  # the palette offers this scope's commands while it is open
    AUTO_FOCUS = "#applications"
    COLUMNS = ("Company", "Role", "Stage", "Applied", "Touched")
    FLEXIBLE = {"Company": 0.5, "Role": 0.5}
    keys_text = (
        "enter opens · / finds · f stages · o order · escape back\n"
        "e edits · s moves the stage · d deletes · u undoes · ctrl+y redoes"
    )

    def __init__(self, snapshot: Snapshot) -> None:
        self.group = 0  # index in STAGE_GROUPS
        self.sort = 0  # index in SORTS
        super().__init__(snapshot, "applications")

    def compose(self) -> ComposeResult:
        with Vertical(classes="sheet", id="applications-sheet"):
            with Horizontal(id="applications-filter-row"):
                yield Input(
                    id="applications-filter",
                    classes="filter",
                    placeholder="/ to find: company, role, notes…",
                    compact=True,
                    select_on_focus=False,  # / again adds to what was typed
                )
                yield Static("", id="applications-view", markup=False)
            yield RecordTable(id=self.table_id)
            yield Static("", id="applications-empty", classes="sheet-empty", markup=False)
            yield Static(self.keys_text, id="applications-keys", classes="sheet-keys", markup=False)

    def shown_application(self) -> Application | None:
        return self.highlighted

    @property
    def filter_words(self) -> list[str]:
        return self.query_one("#applications-filter", Input).value.casefold().split()

    def heading(self, count: int) -> str:
        total = len(self.snapshot.search.applications)
        return f"All applications ({count} of {total})" if count != total else f"All applications ({total})"

    def listed(self, snapshot: Snapshot) -> list[Application]:
        _, stages = STAGE_GROUPS[self.group]
        words = self.filter_words
        ordered = in_order(snapshot.search, self.sort)
        if self.group == 0 and not words:
            return list(ordered)
        return [a for a in ordered if a.stage in stages and (not words or matches(a, words))]

    def cells(self, record: Application, above: Application | None, snapshot: Snapshot) -> dict[str, Cell]:
        today = snapshot.today
        touched = last_touches(snapshot.search).get(record.id)
        applied = record.applied_on
        return {
            "Company": record.company,
            "Role": record.role,
            "Stage": record.stage.value,
            "Applied": describe_day(applied, today, weekday=False) if applied else "not sent",
            "Touched": describe_touch(max((today - touched).days, 0)) if touched else "–",
        }

    def show_snapshot(self, snapshot: Snapshot) -> None:
        group, _ = STAGE_GROUPS[self.group]
        sort, _ = SORTS[self.sort]
        self.query_one("#applications-view", Static).update(f"stages: {group} (f) · order: {sort} (o)")
        if not snapshot.search.applications:
            self.empty_text = "No applications yet. Escape, then a adds the first one."
        else:
            typed = " ".join(self.filter_words)
            what = f"nothing matching '{typed}'" if typed else "none"
            where = "at any stage" if self.group == 0 else f"in {group}"
            self.empty_text = f"{what.capitalize()} {where}. f shows other stages; / changes what you look for."
        super().show_snapshot(snapshot)
        if self.focused is None and self.table.display:  # it was hidden while nothing was listed
            self.table.focus()

    def start_afresh(self) -> bool:
        """Every stage, the most recently touched first, nothing typed to find."""
        typed = self.query_one("#applications-filter", Input)
        changed = bool(self.group or self.sort or typed.value)
        self.group = self.sort = 0
        with typed.prevent(Input.Changed):  # filled once, below, not again for the text taken away
            typed.value = ""
        self.focus_list()
        return changed

    def refill(self) -> None:
        self.show_snapshot(self.snapshot)

    # Keys ----------------------------------------------------------------------------------------

    def action_find(self) -> None:
        self.query_one("#applications-filter", Input).focus()

    def focus_list(self) -> None:
        """Out of the filter box, so letters are keys again; onto the table when it lists anything."""
        self.set_focus(self.table if self.table.display else None)

    def action_leave_filter(self) -> None:
        if isinstance(self.focused, Input):
            self.focus_list()

    def action_back(self) -> None:
        """Escape leaves the filter box first (what was typed still filters), then the screen."""
        if isinstance(self.focused, Input):
            self.focus_list()
            return
        self.dismiss(None)

    def action_next_stages(self) -> None:
        self.group = (self.group + 1) % len(STAGE_GROUPS)
        self.refill()

    def action_next_order(self) -> None:
        self.sort = (self.sort + 1) % len(SORTS)
        self.refill()

    @on(Input.Changed, "#applications-filter")
    def filter_typed(self) -> None:
        self.refill()

    @on(Input.Submitted, "#applications-filter")
    def filter_done(self) -> None:
        self.focus_list()

    @on(DataTable.RowSelected, "#applications")
    def action_open_application(self) -> None:
        application = self.application_to("open")
        if application is not None:
            self.app.push_screen(ApplicationDetailScreen(self.snapshot, application))
