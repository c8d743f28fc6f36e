"""One application's page: every field and its whole history; and the keys it shares with the list of them all.

`e` edits any field, `a` opens the job ad kept with it, `o` records an offer, `s` moves the stage on a day of your
choosing (a ghosted or rejected one reopens), `d` deletes after asking once. The page follows every snapshot the app
reads, and closes itself when the application is gone (deleted here, from the shell, or its addition undone).
"""

from __future__ import annotations

import uuid
from datetime import date
from functools import partial
from typing import cast

from rich.console import Group, RenderableType
from rich.padding import Padding
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.message import Message
from textual.widgets import Static

from tui.app.commands import Scope, bindings
from tui.app.host import Host
from tui.app.screens.confirm import ask_to_delete
from tui.app.screens.edit_application import EditApplicationScreen, edited
from tui.app.screens.modal import Modal
from tui.app.state import Snapshot
from tui.core.days import describe_day
from tui.core.interviews import INTERVIEW_KIND_WORDS, local_start
from tui.core.models import Activity, Application, Interview, Stage, StageChange
from tui.core.offers import describe_offer
from tui.core.pipeline import describe_ago, last_touch
from tui.core.search import JobSearch
from tui.core.words import count

NONE = "–"


class StageMoveWanted(Message):
    """Move this application's stage: the app opens the stage form, as `s` on the dashboard does."""

    def __init__(self, application_id: uuid.UUID) -> None:
        super().__init__()
        self.application_id = application_id


class ApplicationKeys(Modal[None]):
    """e, s and d on the application a screen has chosen: the list's highlighted row, or the page's own."""

    snapshot: Snapshot

    def shown_application(self) -> Application | None:
        """The application the keys act on: the list's highlighted one, or the page's own while it exists."""
        raise NotImplementedError

    @property
    def nextyes(self) -> Host:
        return cast(Host, self.app)

    def application_to(self, verb: str) -> Application | None:
        application = self.shown_application()
        if application is None:
            self.notify(f"No application to {verb} here. {self.how_to_list_one()}", severity="warning")
        return application

    def how_to_list_one(self) -> str:
        if not self.snapshot.search.applications:
            return "Escape, then a adds one."
        return "f and / change which ones are listed."

    def action_edit_application(self) -> None:
        application = self.application_to("edit")
        if application is None or self.nextyes.writable_snapshot() is None:
            return
        today = self.snapshot.today
        self.nextyes.edit(partial(EditApplicationScreen, application, today), partial(edited, application))

    def action_move_application(self) -> None:
        application = self.application_to("move")
        if application is not None:
            self.app.post_message(StageMoveWanted(application.id))

    def action_record_offer(self) -> None:
        """The offer form: a new offer revises the last one unless it is kept beside it."""
        application = self.application_to("record an offer for")
        if application is None or self.nextyes.writable_snapshot() is None:
            return
        from tui.app.screens.offer_form import OfferFormScreen, offer_kept, usual_offer_currency

        today = self.snapshot.today
        currency = usual_offer_currency(application, self.snapshot.search)
        self.nextyes.edit(
            partial(OfferFormScreen, application, today, currency), partial(offer_kept, application, today)
        )

    def action_delete_application(self) -> None:
        application = self.application_to("delete")
        if application is None or self.nextyes.writable_snapshot() is None:
            return
        ask_to_delete(self.nextyes, self.snapshot, application, kept=lambda what: self.notify(f"Kept {what}."))


class ApplicationDetailScreen(ApplicationKeys):
    """Every field, then the stage moves, interviews, activities, wins and goals; ↑↓ scroll, escape goes back."""

    BINDINGS = [Binding("escape,q", "close", "Back", show=True), *bindings(Scope.APPLICATION)]
    SCOPE = Scope.APPLICATION  # the palette offers this scope's commands while it is open
    AUTO_FOCUS = "#application-page"
    keys_text = "e edit · a the ad · o offer · s stage · d delete · u undo · ↑↓ · escape back"

    def __init__(self, snapshot: Snapshot, application: Application) -> None:
        super().__init__()
        self.snapshot = snapshot
        self.application = application
        self.gone = False  # deleted meanwhile: the page closes as soon as it is on top

    def shown_application(self) -> Application | None:
        return None if self.gone else self.application

    def compose(self) -> ComposeResult:
        with Vertical(classes="sheet", id="application-sheet"):
            with VerticalScroll(id="application-page"):
                yield Static(id="application-text")
            yield Static(self.keys_text, classes="sheet-keys", markup=False)

    def on_mount(self) -> None:
        self.show_snapshot(self.snapshot)

    def show_snapshot(self, snapshot: Snapshot) -> None:
        self.snapshot = snapshot
        application = snapshot.search.application(self.application.id)
        if application is None:
            self.gone = True
            if self.is_current:
                self.dismiss(None)
            return
        self.application = application
        self.query_one("#application-sheet").border_title = Text(f"{application.company} — {application.role}")
        page = application_page(application, snapshot.search, snapshot.today)
        self.query_one("#application-text", Static).update(page)

    def on_screen_resume(self) -> None:
        if self.gone:
            self.dismiss(None)

    def action_close(self) -> None:
        self.dismiss(None)

    def action_show_ad(self) -> None:
        """The job ad, whole, in a box to read, paste or correct it."""
        application = self.application_to("open the ad of")
        if application is None or self.nextyes.writable_snapshot() is None:
            return
        from tui.app.screens.job_ad import JobAdScreen, ad_kept

        self.nextyes.edit(partial(JobAdScreen, application), partial(ad_kept, application))


# The page -----------------------------------------------------------------------------------------


def application_page(application: Application, search: JobSearch, today: date) -> Group:
    """The application's fields, then each part of its history under a heading; what is missing says so."""
    parts: list[RenderableType] = [_fields(application, search, today)]
    parts += _section("Stage moves", [_move(change, today) for change in application.stage_history])
    parts += _section("Offers", _offers(application, today), hide_empty=True)
    parts += _section("Interviews", [_interview(i, today) for i in search.interviews_for(application)])
    logged = sorted(search.activities_for(application), key=lambda a: (a.logical_day, a.at))
    parts += _section("Logged for it", [_logged(activity, today) for activity in logged])
    wins = [w for w in search.wins_newest_first if w.application_id == application.id]
    parts += _section("Wins", [(describe_day(w.day, today), Text(w.text)) for w in reversed(wins)], hide_empty=True)
    goals = [g for g in search.learning_goals if g.application_id == application.id]
    parts += _section(
        "Learning goals",
        [("closed" if g.closed_on else "open", Text(g.text + (f" ({g.source})" if g.source else ""))) for g in goals],
        hide_empty=True,
    )
    parts += _ad(application)
    return Group(*parts)


def _offers(application: Application, today: date) -> list[tuple[str, Text]]:
    """Every offer in the order received; one a later offer revised is marked so, and dimmed."""
    current = {offer.id for offer in application.current_offers}
    rows = []
    for offer in application.offers:
        standing = offer.id in current
        what = Text(describe_offer(offer), style="bold" if standing else "dim")
        parts = [f"{name} {value}" for name, value in (("base", offer.base), ("bonus", offer.bonus)) if value]
        if offer.equity:
            parts.append(f"equity {offer.equity}")
        if offer.start_on is not None:
            parts.append(f"starts {describe_day(offer.start_on, today)}")
        if offer.answer_by is not None:
            parts.append(f"answer by {describe_day(offer.answer_by, today)}")
        if offer.notes:
            parts.append(offer.notes)
        if parts:
            what.append(" · " + " · ".join(parts), style="" if standing else "dim")
        if not standing:
            what.append(" (revised since)", style="dim italic")
        rows.append((describe_day(offer.received_on, today), what))
    return rows


def _ad(application: Application) -> list[RenderableType]:
    """The job ad as it was kept, whole: the page scrolls; `a` opens it in a box of its own."""
    title = Text("\nThe ad", style="bold")
    if not application.ad:
        return [title, Text("none kept yet: a pastes it, and it stays after the posting is gone", style="dim italic")]
    return [title, Padding(Text(application.ad), (0, 0, 0, 1))]


def _grid(label_width: int) -> Table:
    table = Table.grid(padding=(0, 1))
    table.add_column(style="dim", no_wrap=True, width=label_width)
    table.add_column(ratio=1, overflow="fold")
    return table


def _fields(application: Application, search: JobSearch, today: date) -> Table:
    table = _grid(12)
    stage = Text(application.stage.value, style="bold")
    moved = application.stage_history[-1].day if application.stage_history else None
    if moved is not None:
        stage.append(f" since {describe_day(moved, today)}")
    if application.interview_round and application.stage is Stage.INTERVIEWING:
        stage.append(f", round {application.interview_round}" + (" (final)" if application.reached_final else ""))
    table.add_row("Stage", stage)
    applied = application.applied_on
    table.add_row("Applied", describe_day(applied, today) if applied is not None else "not sent yet")
    touched = last_touch(search, application)
    table.add_row("Last touched", describe_ago(touched, today) if touched is not None else NONE)
    table.add_row("Kind", application.kind.value)
    for name, value in (
        ("Source", application.source),
        ("Location", application.location),
        ("URL", application.url),
    ):
        table.add_row(name, Text(value or NONE))
    step = application.next_step
    if application.next_step_on is not None:
        step = f"{step or 'next step'}, {describe_day(application.next_step_on, today)}"
    table.add_row("Next step", Text(step or NONE))
    resume = application.resume + (f" ({application.resume_path})" if application.resume_path else "")
    table.add_row("Résumé", Text(resume or NONE))
    salaries = [
        f"{said} {how}"
        for said, how in ((application.salary_advertised, "advertised"), (application.salary_asked, "asked"))
        if said
    ]
    table.add_row("Salary", Text(" · ".join(salaries) or NONE))
    if application.rejection_reason is not None:
        table.add_row("Why the no", application.rejection_reason.value)
    if application.feedback:
        table.add_row("Feedback", Text(application.feedback))
    reapply = application.reapply_after
    table.add_row("Reapply from", describe_day(reapply, today) if reapply is not None else NONE)
    table.add_row("Notes", Text(application.notes or NONE))
    return table


def _section(heading: str, rows: list[tuple[str, Text]], *, hide_empty: bool = False) -> list[RenderableType]:
    if not rows and hide_empty:
        return []
    title = Text(f"\n{heading} ({len(rows)})" if rows else f"\n{heading}", style="bold")
    if not rows:
        return [title, Text("none yet", style="dim italic")]
    table = _grid(max(len(when) for when, _ in rows))
    for when, what in rows:
        table.add_row(when, what)
    return [title, Padding(table, (0, 0, 0, 1))]


def _move(change: StageChange, today: date) -> tuple[str, Text]:
    what = Text(change.stage.value, style="bold")
    if change.round is not None:
        what.append(f", round {change.round}" + (", the final round" if change.final else ""))
    if change.undated:
        what.append(" (day not known)", style="dim")
    if change.note:
        what.append(f" — {change.note}")
    return describe_day(change.day, today), what


def _logged(activity: Activity, today: date) -> tuple[str, Text]:
    what = Text(activity.kind.value, style="bold")
    if activity.note:
        what.append(f" · {activity.note}")
    return describe_day(activity.logical_day, today), what


def _interview(interview: Interview, today: date) -> tuple[str, Text]:
    starts = local_start(interview)
    what = Text(f"{INTERVIEW_KIND_WORDS[interview.kind]}, round {interview.round}")
    if interview.people:
        what.append(f", with {', '.join(interview.people)}")
    if interview.cancelled:
        what.append(" · ✗ cancelled", style="bold")
    elif interview.debriefed:
        rating = f", rated {interview.rating}/5" if interview.rating is not None else ""
        asked = f", {count(len(interview.questions), 'question')}" if interview.questions else ""
        what.append(f" · ✓ debriefed{rating}{asked}")
    elif interview.day > today:
        what.append(" · ahead")
    return f"{describe_day(starts.date(), today)} {starts:%H:%M}", what
