"""The activity log: everything logged, a day at a time, newest first; correct or delete any entry.

Ninety days are shown at a time ([ and ] step through them): years of a search are thousands of entries, and a
table of them all took seconds to fill again after every change.
"""

from __future__ import annotations

import uuid
from datetime import date, timedelta
from functools import partial

from rich.text import Text
from textual import on
from textual.binding import Binding
from textual.widgets import DataTable

from tui.app.commands import Scope, bindings
from tui.app.screens.corrections import ActivityEditScreen, linked
from tui.app.screens.log_activity import ActivityDraft
from tui.app.screens.records import Cell, RecordsScreen
from tui.app.state import Change, Snapshot
from tui.app.widgets.choice import recently_touched_first
from tui.core.days import describe_day
from tui.core.models import Activity, Application, Contact
from tui.core.remembering import remembers
from tui.core.search import JobSearch
from tui.core.streaks import format_points
from tui.core.words import count

DAYS_SHOWN = 90  # days of the log shown at a time


@remembers
def contacts_by_id(search: JobSearch) -> dict[uuid.UUID, Contact]:
    """Each contact by its id, kept with the search: `JobSearch.contact` looks through them all, and a page of
    the log names a contact on hundreds of rows."""
    return {contact.id: contact for contact in search.contacts}


def describe_for(activity: Activity, search: JobSearch) -> str:
    """Whom or what an activity was for: 'Acme', 'Dana Reyes', 'Acme · Dana Reyes', or ''."""
    application = search.application(activity.application_id)
    contact = contacts_by_id(search).get(activity.contact_id) if activity.contact_id is not None else None
    names = [application.company if application else "", contact.name if contact else ""]
    return " · ".join(name for name in names if name)


class ActivityLogScreen(RecordsScreen[Activity]):
    """Every activity, newest day first, the day named once above its entries; escape or q closes it."""

    BINDINGS = [Binding("escape,q", "close", "Back", show=True), *bindings(Scope.ACTIVITY_LOG)]
    SCOPE = Scope.ACTIVITY_LOG  # the palette offers this scope's commands while it is open
    AUTO_FOCUS = "#activity-log"
    COLUMNS = ("Day", "Kind", "Points", "Note", "For")
    FLEXIBLE = {"Note": 0.7, "For": 0.3}
    keys_text = "e edit · d delete · l log · [ ] older/newer · u undo · escape back"
    empty_text = "Nothing logged yet. Press l to log something you did for your search: it all counts."
    nothing_text = "Press l to log something first."

    def __init__(self, snapshot: Snapshot) -> None:
        self.pages_back = 0  # 0: the latest DAYS_SHOWN days logged; 1: the ones before them…
        self.last_page = 0
        super().__init__(snapshot, "activity-log")

    def heading(self, shown: int) -> str:
        activities = self.snapshot.search.activities
        if not activities:
            return "Activity log"
        days = len(self.snapshot.search.activities_by_day)
        heading = f"Activity log ({count(len(activities), 'activity')} on {count(days, 'day')})"
        if self.last_page == 0:
            return heading
        first, last = self.window
        today = self.snapshot.today
        return f"{heading} · {describe_day(first, today, weekday=False)} – {describe_day(last, today, weekday=False)}"

    @property
    def window(self) -> tuple[date, date]:
        """The first and last day of the days shown: the latest logged, `pages_back` windows back."""
        latest = max(self.snapshot.search.activities_by_day)
        last = latest - timedelta(days=DAYS_SHOWN * self.pages_back)
        return last - timedelta(days=DAYS_SHOWN - 1), last

    def listed(self, snapshot: Snapshot) -> list[Activity]:
        by_day = snapshot.search.activities_by_day  # worked out with the dashboard: years are thousands of days
        if not by_day:
            return []
        self.last_page = (max(by_day) - min(by_day)).days // DAYS_SHOWN
        self.pages_back = min(self.pages_back, self.last_page)
        first, _ = self.window
        days = (first + timedelta(days=n) for n in range(DAYS_SHOWN))
        shown = [activity for day in days for activity in by_day.get(day, ())]
        return sorted(shown, key=lambda a: (a.logical_day, a.at), reverse=True)

    def cells(self, record: Activity, above: Activity | None, snapshot: Snapshot) -> dict[str, Cell]:
        search = snapshot.search
        first_of_day = above is None or above.logical_day != record.logical_day  # the day is named once
        return {
            "Day": Text(describe_day(record.logical_day, snapshot.today), style="bold") if first_of_day else "",
            "Kind": record.kind.value,
            "Points": format_points(search.settings.points_for(record.kind)),
            "Note": " ".join(record.note.split()),
            "For": describe_for(record, search),
        }

    def start_afresh(self) -> bool:
        """The latest days logged, as on opening."""
        changed = self.pages_back != 0
        self.pages_back = 0
        return changed

    # Keys ----------------------------------------------------------------------------------------

    def action_older_days(self) -> None:
        if self.pages_back >= self.last_page:
            self.notify("These are the first days you logged; ] goes back towards the latest.")
            return
        self.show_page(self.pages_back + 1)

    def action_newer_days(self) -> None:
        if self.pages_back == 0:
            self.notify("These are the latest days logged; [ shows older ones.")
            return
        self.show_page(self.pages_back - 1)

    def show_page(self, pages_back: int) -> None:
        self.pages_back = pages_back
        self.show_snapshot(self.snapshot)
        self.table.move_cursor(row=0, animate=False)

    @on(DataTable.RowSelected, "#activity-log")
    def row_chosen(self) -> None:
        self.action_edit_record()

    def edit_record(self, record: Activity) -> None:
        def activity_form(draft: ActivityDraft | None, problem: str) -> ActivityEditScreen:
            # The applications as they are when it opens: a failed save may reopen it after a reload.
            offered = recently_touched_first(self.snapshot.search)
            return ActivityEditScreen(record, self.snapshot.today, offered, draft, problem)

        offered = recently_touched_first(self.snapshot.search)
        self.nextyes.edit(activity_form, partial(corrected, record, offered, self.snapshot.today))


def corrected(activity: Activity, offered: list[Application], today: date, draft: ActivityDraft) -> Change:
    application_id = linked(activity.application_id, draft.application_id, offered)
    return Change(
        feedback=f"the activity as corrected: {draft.kind.value} on {describe_day(draft.on, today)}",
        record=lambda recorder: recorder.edit(
            Activity,
            activity.id,
            kind=draft.kind,
            note=draft.note,
            logical_day=draft.on,
            application_id=application_id,
        ),
    )
