"""`NextYesApp`: the dashboard, with every read and write of the database done in a thread worker.

Workers only read, record and post messages; the handlers here own the state and update the widgets.
"""

from __future__ import annotations

import gc
import os
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from textual import on, work
from textual.app import App, SystemCommand
from textual.message import Message
from textual.notifications import SeverityLevel
from textual.screen import Screen
from textual.widgets import DataTable, OptionList

from tui.app.commands import COMMANDS, SCREEN_COMMANDS, Scope, bindings
from tui.app.screens.dashboard import DashboardScreen
from tui.app.shown_text import show_control_characters
from tui.app.widgets.actions import describe_already_done, describe_dismissed, describe_done
from tui.clock import system_clock, zone_named
from tui.content import reflection_prompts
from tui.core.actions import Action, ActionKind
from tui.core.dashboard import Dashboard, build_dashboard
from tui.core.models import Application, Stage
from tui.core.rewards import Reward
from tui.core.search import JobSearch
from tui.recording import Recorder
from tui.store import Store, StoreError
from tui.store.collector import collector_paused

if TYPE_CHECKING:
    # The forms and help are imported when first opened: the first frame does not wait for them.
    from tui.app.screens.add_application import ApplicationDraft
    from tui.app.screens.learning_goal import GoalDraft
    from tui.app.screens.log_activity import ActivityDraft
    from tui.app.screens.move_stage import StageDraft
    from tui.app.screens.rejection import RejectionFlowScreen, RejectionStep
    from tui.app.screens.rest_day import RestDraft
    from tui.app.screens.snooze import SnoozeDraft
    from tui.app.screens.win import WinDraft

FileSignature = tuple[int, int] | None  # (mtime_ns, size), or None while there is no file


def file_signature(path: Path) -> FileSignature:
    """What changes whenever the database file is replaced; None when there is no file to read."""
    try:
        status = os.stat(path)
    except OSError:
        return None
    return status.st_mtime_ns, status.st_size


@dataclass(frozen=True)
class Snapshot:
    """The job search as read at one moment, and the dashboard built from it."""

    search: JobSearch
    dashboard: Dashboard
    signature: FileSignature

    @property
    def today(self) -> date:
        return self.dashboard.today


@dataclass(frozen=True)
class Change:
    """One thing to record: how to record it, what to say when it is saved, and how to try again."""

    feedback: str  # completes "Saved: …"
    record: Callable[[Recorder], object]
    retry: Callable[[str], None] | None = None  # reopens the form as typed, given why it failed
    then: Callable[[Snapshot], None] | None = None  # what comes next once saved, given the search as it now is


class JobSearchLoaded(Message):
    def __init__(self, snapshot: Snapshot, tidy: bool = False) -> None:
        super().__init__()
        self.snapshot = snapshot
        self.tidy = tidy  # a large search was read afresh: tidy up once it is on screen


# A search of this many records is worth `tidy_up` after it is read: below it, the collector's passes
# are short enough wherever they fall.
TIDY_AFTER_READING = 5_000


class JobSearchUnreadable(Message):
    def __init__(self, problem: str, signature: FileSignature) -> None:
        super().__init__()
        self.problem = problem
        self.signature = signature


class ChangeSaved(Message):
    def __init__(self, change: Change, snapshot: Snapshot | None = None) -> None:
        super().__init__()
        self.change = change
        self.snapshot = snapshot  # the search as read just after the change, unless it could not be


class ChangeFailed(Message):
    def __init__(self, change: Change, problem: str) -> None:
        super().__init__()
        self.change = change
        self.problem = problem


class RewardsEarned(Message):
    """A change made here has just earned these rewards; sent once, when they are first earned."""

    def __init__(self, rewards: list[Reward]) -> None:
        super().__init__()
        self.rewards = rewards


class NextYesApp(App[None]):
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
        self.db_path = Path(db_path)
        self.clock = now or system_clock(zone_named(""))
        self.poll_interval = poll_interval
        self.store = Store(self.db_path, self.clock)
        # Only changes made here are celebrated here; the shell announces its own.
        self.recorder = Recorder(self.store, self.clock, celebrate=self.celebrate)
        self.snapshot: Snapshot | None = None
        self.problem = ""  # why the database cannot be read right now, or ""
        self.seen: FileSignature = None
        self.first_read_done = False

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = False,
    ) -> None:
        """Toasts carry company names, notes and file paths: shown as typed, never read as markup."""
        super().notify(message, title=title, severity=severity, timeout=timeout, markup=markup)

    def get_default_screen(self) -> Screen[None]:
        return DashboardScreen()

    @property
    def dashboard(self) -> DashboardScreen:
        screen = self.screen_stack[0]
        assert isinstance(screen, DashboardScreen)
        return screen

    @on(DashboardScreen.Ready)
    def start_reading(self) -> None:
        """The first frame is drawn before any I/O; the database is read in a worker."""
        self.load_job_search()
        self.set_interval(self.poll_interval, self.poll_for_changes)

    # Reading -----------------------------------------------------------------------------------

    def read_job_search(self) -> Message:
        """Load afresh and build the dashboard. Runs in a worker thread."""
        signature = file_signature(self.db_path)  # before reading: a change after it is seen next poll
        validated = self.store.validations
        try:
            with collector_paused:  # the read and the dashboard make many objects and no cycles
                search = self.store.load()
                today = self.recorder.today(search)
                zone_now = self.recorder.zone(search.settings).key
                dashboard = build_dashboard(search, today, reflection_prompts(), zone_now)
        except StoreError as error:
            return JobSearchUnreadable(str(error), signature)
        tidy = self.store.validations != validated and search.size >= TIDY_AFTER_READING
        return JobSearchLoaded(Snapshot(search, dashboard, signature), tidy)

    @work(thread=True, exclusive=True, group="load")
    def load_job_search(self) -> None:
        self.post_message(self.read_job_search())

    def poll_for_changes(self) -> None:
        if self.first_read_done:
            self.check_for_changes(self.seen, self.snapshot)

    @work(thread=True, exclusive=True, group="poll")
    def check_for_changes(self, seen: FileSignature, snapshot: Snapshot | None) -> None:
        """Reload when another process changed the file, or when the logical day has rolled over."""
        changed = file_signature(self.db_path) != seen
        new_day = snapshot is not None and self.recorder.today(snapshot.search) != snapshot.today
        if changed or new_day:
            self.post_message(self.read_job_search())

    @on(JobSearchLoaded)
    def show_job_search(self, message: JobSearchLoaded) -> None:
        self.first_read_done = True
        self.snapshot = message.snapshot
        self.seen = message.snapshot.signature
        self.problem = ""
        self.dashboard.show(message.snapshot.dashboard)
        for screen in self.screen_stack:  # progress, contacts, interviews, the question bank
            if (show_snapshot := getattr(screen, "show_snapshot", None)) is not None:
                show_snapshot(message.snapshot)
        if message.tidy:
            self.call_after_refresh(self.tidy_up)

    def tidy_up(self) -> None:
        """One full collection now, then everything that survives it set aside for good (`gc.freeze`).

        At 5 years the records are some 150,000 objects that live until the next read; left to the
        collector, each of its full passes walked them all, 150 to 250 ms inside whichever key it fell
        in. Set aside, a pass walks only what is new. The records hold no cycles, so a later search
        that replaces them still frees them by reference counting.
        """
        gc.collect()
        gc.freeze()

    @on(JobSearchUnreadable)
    def show_unreadable(self, message: JobSearchUnreadable) -> None:
        self.first_read_done = True
        self.seen = message.signature
        if message.problem != self.problem:
            self.notify(message.problem, title="Cannot read the database", severity="error", timeout=10)
        self.problem = message.problem
        self.dashboard.show_problem(message.problem, opened=self.snapshot is not None)

    # Writing -----------------------------------------------------------------------------------

    @work(thread=True, group="save")
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
        self.post_message(ChangeSaved(change, loaded.snapshot if isinstance(loaded, JobSearchLoaded) else None))
        self.post_message(loaded)

    @on(ChangeSaved)
    def confirm_saved(self, message: ChangeSaved) -> None:
        self.notify(f"Saved: {message.change.feedback}")
        if message.change.then is not None and message.snapshot is not None:
            message.change.then(message.snapshot)

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

    def writable_snapshot(self) -> Snapshot | None:
        """The job search to change, or None (after saying why) while it cannot be written."""
        if self.problem:
            self.notify(
                f"Nothing can be saved until the database can be read: {self.problem}",
                severity="error",
                timeout=10,
            )
            return None
        return self.opened_snapshot()

    def opened_snapshot(self) -> Snapshot | None:
        """The job search as last read, or None (after saying so) while it is still being opened."""
        if self.snapshot is None:
            self.notify("Still opening your job search; try again in a moment.", severity="warning")
        return self.snapshot

    # Commands ----------------------------------------------------------------------------------

    def action_add_application(self) -> None:
        if (snapshot := self.writable_snapshot()) is not None:
            self.open_add_form(snapshot.search, snapshot.today)

    def open_add_form(
        self, search: JobSearch, today: date, draft: ApplicationDraft | None = None, problem: str = ""
    ) -> None:
        from tui.app.screens.add_application import AddApplicationScreen

        def typed(draft: ApplicationDraft | None) -> None:
            if draft is None:
                return
            self.save(
                Change(
                    feedback=(
                        f"saved {draft.headline} for later; Today's actions reminds you to send it"
                        if draft.saved
                        else f"applied to {draft.headline}"
                    ),
                    record=lambda recorder: recorder.add_application(
                        draft.company,
                        draft.role,
                        kind=draft.kind,
                        source=draft.source,
                        url=draft.url,
                        on=draft.applied_on,
                        note=draft.note,
                        saved=draft.saved,
                    ),
                    retry=partial(self.open_add_form, search, today, draft),
                )
            )

        self.push_screen(AddApplicationScreen(search, today, draft, problem), typed)

    def action_log_activity(self) -> None:
        if (snapshot := self.writable_snapshot()) is not None:
            self.open_log_form(snapshot)

    def open_log_form(
        self, snapshot: Snapshot, draft: ActivityDraft | None = None, problem: str = ""
    ) -> None:
        from tui.app.screens.log_activity import LogActivityScreen

        pending = [row.application for row in snapshot.dashboard.pending]
        names = {application.id: application.company for application in pending}

        def typed(draft: ActivityDraft | None) -> None:
            if draft is None:
                return
            feedback = f"logged {draft.kind.value}"
            if draft.application_id in names:
                feedback += f" for {names[draft.application_id]}"
            if draft.on != snapshot.today:
                feedback += f" on {draft.on:%a %d %b}"
            self.save(
                Change(
                    feedback=feedback,
                    record=lambda recorder: recorder.log(
                        draft.kind, draft.note, on=draft.on, application_id=draft.application_id
                    ),
                    retry=partial(self.open_log_form, snapshot, draft),
                )
            )

        self.push_screen(LogActivityScreen(snapshot.today, pending, draft, problem), typed)

    def action_complete_action(self) -> None:
        action = self.dashboard.actions.highlighted_action
        if action is None:
            self.notify("Nothing to mark done here yet.", severity="warning")
            return
        self.complete(action)

    @on(OptionList.OptionSelected, "#actions")
    def action_clicked(self, event: OptionList.OptionSelected) -> None:
        self.action_complete_action()

    def complete(self, action: Action) -> None:
        if action.kind is ActionKind.REFLECTION:
            self.action_focus_reflection()
            if action.done:
                self.notify("Today's reflection is saved; change it and press ctrl+s to keep the change.")
            return
        if (snapshot := self.writable_snapshot()) is None:
            return
        if action.kind is ActionKind.DAILY_TARGET:
            if action.done:
                self.notify("Today's target is reached; anything more is a bonus.")
            self.open_log_form(snapshot)
            return
        if action.done:  # ticked today already: a second press must not log it twice
            self.notify(describe_already_done(action))
            return
        feedback = describe_done(action, snapshot.search)
        self.save(Change(feedback=feedback, record=lambda recorder: recorder.complete(action)))

    def action_move_stage(self) -> None:
        application_id = self.dashboard.pending.selected_application_id
        if application_id is None:
            self.notify("No pending application to move yet. Press a to add one.", severity="warning")
            return
        if (snapshot := self.writable_snapshot()) is None:
            return
        application = next(a for a in snapshot.search.applications if a.id == application_id)
        self.open_stage_picker(application)

    @on(DataTable.RowSelected, "#pending")
    def pending_row_chosen(self) -> None:
        self.action_move_stage()

    def open_stage_picker(
        self, application: Application, draft: StageDraft | None = None, problem: str = ""
    ) -> None:
        from tui.app.screens.move_stage import MoveStageScreen

        def chosen(draft: StageDraft | None) -> None:
            if draft is None:
                return
            feedback = f"{application.company} — {application.role} is now {draft.stage.value}"
            if draft.round is not None:
                feedback += f", round {draft.round}" + (", the final round" if draft.final else "")
            if draft.stage is Stage.REJECTED:
                feedback += ". A no this time; it still counts, and the next yes is closer"
            self.save(
                Change(
                    feedback=feedback,
                    record=lambda recorder: recorder.move_stage(
                        application.id, draft.stage, note=draft.note, round=draft.round, final=draft.final
                    ),
                    retry=partial(self.open_stage_picker, application, draft),
                    then=(
                        (lambda snapshot: self.open_rejection_flow(snapshot, application.id))
                        if draft.stage is Stage.REJECTED
                        else None
                    ),
                )
            )

        self.push_screen(MoveStageScreen(application, draft, problem), chosen)

    def open_rejection_flow(
        self,
        snapshot: Snapshot,
        application_id: uuid.UUID,
        typed: RejectionStep | None = None,
        problem: str = "",
    ) -> None:
        """The five steps after a no; `typed`, a step whose save failed after the flow closed, reopens it."""
        from tui.app.screens.rejection import RejectionFlowScreen

        application = snapshot.search.application(application_id)
        if application is None:  # removed meanwhile, from another process
            return
        save_step = partial(self.save_rejection_step, snapshot, application_id)
        self.push_screen(
            RejectionFlowScreen(application, snapshot.search, snapshot.today, save_step, typed, problem)
        )

    def save_rejection_step(
        self, snapshot: Snapshot, application_id: uuid.UUID, flow: RejectionFlowScreen, step: RejectionStep
    ) -> None:
        def retry(problem: str) -> None:
            """Back to the step as typed: in the flow while it is open, or in the flow opened again."""
            if flow in self.screen_stack:
                flow.back_to(step, problem)
            else:
                self.open_rejection_flow(self.snapshot or snapshot, application_id, step, problem)

        self.save(Change(feedback=step.feedback, record=step.record, retry=retry))

    def action_focus_reflection(self) -> None:
        self.dashboard.reflection.editor.focus()

    def action_leave_reflection(self) -> None:
        self.dashboard.actions.focus()

    def action_save_reflection(self) -> None:
        reflection = self.dashboard.reflection
        text = reflection.text
        if not text.strip():
            self.notify("Write a line or two first; an empty reflection is not saved.", severity="warning")
            return
        if not reflection.has_unsaved_text:
            self.notify("Today's reflection is already saved.")
            return
        if (snapshot := self.writable_snapshot()) is None:
            return
        day, prompt = snapshot.today, snapshot.dashboard.prompt.text
        # A failed save needs no retry: the text stays in the editor, marked "not saved yet".
        self.save(
            Change(
                feedback=f"your reflection for {day:%a %d %b}",
                record=lambda recorder: recorder.write_reflection(day, prompt, text),
            )
        )

    def action_show_progress(self) -> None:
        if (snapshot := self.opened_snapshot()) is None:
            return
        from tui.app.screens.progress import ProgressScreen

        self.push_screen(ProgressScreen(snapshot.dashboard, snapshot.search.wins_newest_first))

    def action_show_insights(self) -> None:
        if (snapshot := self.opened_snapshot()) is None:
            return
        from tui.app.screens.insights import InsightsScreen

        self.push_screen(InsightsScreen(snapshot))

    def action_show_review(self) -> None:
        if (snapshot := self.opened_snapshot()) is None:
            return
        from tui.app.screens.review import ReviewScreen

        self.push_screen(ReviewScreen(snapshot, self.recorder.zone(snapshot.search.settings).key))

    def action_add_win(self) -> None:
        if (snapshot := self.writable_snapshot()) is not None:
            self.open_win_form(snapshot)

    def open_win_form(self, snapshot: Snapshot, draft: WinDraft | None = None, problem: str = "") -> None:
        from tui.app.screens.win import WinScreen

        def typed(draft: WinDraft | None) -> None:
            if draft is None:
                return
            on = "" if draft.day == snapshot.today else f" on {draft.day:%a %d %b}"
            self.save(
                Change(
                    feedback=f"a win{on}: {draft.text}",
                    record=lambda recorder: recorder.add_win(
                        draft.text, on=draft.day, application_id=draft.application_id
                    ),
                    retry=partial(self.open_win_form, snapshot, draft),
                )
            )

        pending = [row.application for row in snapshot.dashboard.pending]
        self.push_screen(WinScreen(snapshot.today, pending, draft, problem), typed)

    def action_plan_rest(self) -> None:
        if (snapshot := self.writable_snapshot()) is not None:
            self.open_rest_form(snapshot.search, snapshot.today)

    def open_rest_form(
        self, search: JobSearch, today: date, draft: RestDraft | None = None, problem: str = ""
    ) -> None:
        from tui.app.screens.rest_day import RestDayScreen

        def typed(draft: RestDraft | None) -> None:
            if draft is None:
                return
            day, note = draft.day, draft.note

            def reopen(problem: str) -> None:
                """Back to the form as typed, with the rest days as they are by now."""
                latest = self.snapshot.search if self.snapshot is not None else search
                self.open_rest_form(latest, today, draft, problem)

            if draft.cancel:
                self.save(
                    Change(
                        feedback=f"{day:%a %d %b} is an ordinary day again",
                        record=lambda recorder: recorder.cancel_rest(day),
                        retry=reopen,
                    )
                )
                return
            self.save(
                Change(
                    feedback=f"rest day on {day:%a %d %b}; your streak waits for you",
                    record=lambda recorder: recorder.plan_rest(day, note),
                    retry=reopen,
                )
            )

        self.push_screen(RestDayScreen(search, today, draft, problem), typed)

    # Today's actions beyond done; contacts, interviews and learning goals --------------------------

    def action_snooze_action(self) -> None:
        action = self.action_to_put_aside("snooze")
        if action is not None and (snapshot := self.writable_snapshot()) is not None:
            self.open_snooze_form(snapshot, action)

    def open_snooze_form(
        self, snapshot: Snapshot, action: Action, draft: SnoozeDraft | None = None, problem: str = ""
    ) -> None:
        from tui.app.screens.snooze import SnoozeScreen

        def typed(draft: SnoozeDraft | None) -> None:
            if draft is None:
                return
            self.save(
                Change(
                    feedback=f"snoozed until {draft.until:%a %d %b}: {action.title}",
                    record=lambda recorder: recorder.snooze(action, draft.until),
                    retry=partial(self.open_snooze_form, snapshot, action, draft),
                )
            )

        self.push_screen(SnoozeScreen(action, snapshot.today, draft, problem), typed)

    def action_dismiss_action(self) -> None:
        action = self.action_to_put_aside("dismiss")
        if action is not None and self.writable_snapshot() is not None:
            self.save(Change(feedback=describe_dismissed(action), record=lambda recorder: recorder.dismiss(action)))

    def action_to_put_aside(self, verb: str) -> Action | None:
        """The highlighted action, when it can be snoozed or dismissed; None, after saying why, when not."""
        action = self.dashboard.actions.highlighted_action
        if action is None:
            self.notify(f"Nothing to {verb} here yet.", severity="warning")
            return None
        if not action.can_snooze:
            self.notify(
                f"{action.title}: it belongs to today, so it cannot be put off. "
                "A rest day (R) keeps your streak on a day off.",
                severity="warning",
            )
            return None
        if action.done and action.kind is not ActionKind.LEARN:
            self.notify(describe_already_done(action))
            return None
        return action

    def action_draft_action(self) -> None:
        action = self.dashboard.actions.highlighted_action
        if action is None or action.draft is None:
            self.notify(
                "No draft for this one: d drafts follow-ups, thank-you notes and feedback requests (marked d: draft).",
                severity="warning",
            )
            return
        if (snapshot := self.opened_snapshot()) is None:
            return
        from tui.app.screens.draft import DraftScreen
        from tui.content import draft_templates
        from tui.core.drafts import write_draft

        search = snapshot.search
        application = search.application(action.application_id)
        if application is None:
            self.notify("Its application is no longer in your search.", severity="warning")
            return
        interview = next((i for i in search.interviews if i.id == action.interview_id), None)
        template = draft_templates()[action.draft]
        draft = write_draft(template, action.draft, search, application, snapshot.today, interview)
        self.push_screen(DraftScreen(draft, f"{application.company} — {application.role}"))

    def action_show_contacts(self) -> None:
        if (snapshot := self.writable_snapshot()) is not None:
            from tui.app.screens.contacts import ContactsScreen

            self.push_screen(ContactsScreen(snapshot))

    def action_show_interviews(self) -> None:
        application_id = self.dashboard.pending.selected_application_id
        if application_id is None:
            self.notify("No pending application to show interviews for yet. Press a to add one.", severity="warning")
            return
        if (snapshot := self.writable_snapshot()) is None:
            return
        application = snapshot.search.application(application_id)
        if application is None:
            self.notify("That application is no longer in your search.", severity="warning")
            return
        from tui.app.screens.interviews import InterviewsScreen

        self.push_screen(InterviewsScreen(snapshot, application))

    def action_show_question_bank(self) -> None:
        if (snapshot := self.opened_snapshot()) is None:
            return
        from tui.app.screens.question_bank import QuestionBankScreen

        self.push_screen(QuestionBankScreen(snapshot))

    def action_add_learning_goal(self) -> None:
        if (snapshot := self.writable_snapshot()) is not None:
            self.open_goal_form(snapshot)

    def open_goal_form(self, snapshot: Snapshot, draft: GoalDraft | None = None, problem: str = "") -> None:
        from tui.app.screens.learning_goal import LearningGoalScreen

        newest_first = sorted(snapshot.search.applications, key=lambda a: a.created_at, reverse=True)

        def typed(draft: GoalDraft | None) -> None:
            if draft is None:
                return
            self.save(
                Change(
                    feedback=f"learning goal '{draft.text}'; it stays in Today's actions until you dismiss it with x",
                    record=lambda recorder: recorder.add_learning_goals(
                        [draft.text], application_id=draft.application_id, source="added by hand"
                    ),
                    retry=partial(self.open_goal_form, snapshot, draft),
                )
            )

        self.push_screen(LearningGoalScreen(newest_first, draft, problem), typed)

    def action_show_help(self) -> None:
        from tui.app.screens.help import HelpScreen

        self.push_screen(HelpScreen())

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        if isinstance(screen, DashboardScreen):
            for command in COMMANDS:
                yield SystemCommand(
                    command.title, command.description, partial(self.run_action, command.action)
                )
        # A screen over the dashboard offers its own keys' commands while it is open.
        for command in SCREEN_COMMANDS:
            if command.scope is getattr(screen, "SCOPE", None):
                yield SystemCommand(
                    command.title, command.description, partial(screen.run_action, command.action)
                )
        ours = {command.title for command in COMMANDS} | {"Quit"}
        yield from (command for command in super().get_system_commands(screen) if command.title not in ours)
