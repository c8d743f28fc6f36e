"""Recording what a person does: each change is one locked store transaction, shared by shell and app."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import TypeVar
from zoneinfo import ZoneInfo

from tui.clock import Clock, choose_zone
from tui.core.day_view import Action, ActionKind
from tui.core.days import logical_day
from tui.core.documents import logged_summary
from tui.core.interviews import called_off, is_held, local_start, rounds_reached
from tui.core.models import (
    ActionMark,
    Activity,
    ActivityKind,
    Application,
    ApplicationKind,
    Contact,
    Interview,
    InterviewKind,
    LearningGoal,
    Mark,
    Offer,
    Question,
    Record,
    Reflection,
    RejectionReason,
    RestDay,
    Settings,
    Stage,
    StageChange,
    Tier,
    Win,
)
from tui.core.records import KIND_OF_MODEL, REFLECTION_WRITTEN, deletion, label
from tui.core.rewards import Reward, newly_earned, rewards_on, week_start
from tui.core.search import JobSearch
from tui.core.streaks import planned_rest_days, recovery_days, rest_days_left
from tui.core.words import count
from tui.store import HistoryEntry, Store, Transaction

R = TypeVar("R", bound=Record)

STAGE_ACTIVITY = {
    Stage.APPLIED: ActivityKind.APPLY,
    Stage.SCREENING: ActivityKind.INTERVIEW,
    Stage.INTERVIEWING: ActivityKind.INTERVIEW,
}


# Stages from which recording an interview moves an application on to interviewing.
BEFORE_INTERVIEWS = frozenset({Stage.SAVED, Stage.APPLIED, Stage.SCREENING, Stage.GHOSTED})


class RestRefused(ValueError):
    """A rest day that cannot be planned; the message says why and what would work."""


class MoveRefused(ValueError):
    """A stage move that makes no sense (already there); the message says what would."""


@dataclass(frozen=True)
class Recorder:
    """A store and a clock: everything needed to record a change at the right instant and day.

    `celebrate`, when given, hears of every reward a change has just earned, after it is saved;
    `note_wins` of every win a change has added by itself (an interview reached, an offer…);
    `note_zone`, once for each, of a time zone setting or TZ that names no zone, and of the zone used instead.
    """

    store: Store
    now: Clock
    celebrate: Callable[[list[Reward]], None] | None = None
    note_wins: Callable[[list[Win]], None] | None = None
    note_zone: Callable[[str], None] | None = None
    source: str = "shell"  # where changes are made from, as the history tells it: "shell" or "app"
    _zone_notes_said: set[str] = field(default_factory=set, init=False, repr=False, compare=False)

    def zone(self, settings: Settings) -> ZoneInfo:
        """The settings' time zone, or the machine's when it is blank or names no zone (said to `note_zone`)."""
        chosen = choose_zone(settings.timezone)
        for note in chosen.notes:
            if self.note_zone is not None and note not in self._zone_notes_said:
                self._zone_notes_said.add(note)
                self.note_zone(note)
        return chosen.zone

    def today(self, search: JobSearch) -> date:
        settings = search.settings
        return logical_day(self.now(), self.zone(settings), settings.rollover_hour)

    def rewards(self, search: JobSearch) -> list[Reward]:
        """Every reward earned as of today."""
        today = self.today(search)
        return list(rewards_on(search, today, self.zone(search.settings).key))

    @contextmanager
    def _transaction(self) -> Iterator[Transaction]:
        """A store transaction that, once saved, tells `celebrate` and `note_wins` what the change has earned."""
        earned: list[Reward] = []
        added: list[Win] = []
        with self.store.transaction(append=True) as tx:
            tx.source = self.source
            yield tx
            if self.celebrate is not None and tx.changed:
                earned = newly_earned(self.rewards(tx.initial), self.rewards(tx.search))
            known = {win.id for win in tx.initial.wins}
            added = [win for win in tx.search.wins if win.key and win.id not in known]
        if earned and self.celebrate is not None:
            self.celebrate(earned)
        if added and self.note_wins is not None:
            self.note_wins(added)

    def add_application(
        self,
        company: str,
        role: str,
        *,
        kind: ApplicationKind = ApplicationKind.FULL_TIME,
        source: str = "",
        url: str = "",
        on: date | None = None,
        note: str = "",
        saved: bool = False,
        resume: str = "",
        resume_path: str = "",
        ad: str = "",
        salary_advertised: str = "",
        salary_asked: str = "",
    ) -> Application:
        """A new application at stage applied, which also counts as an `apply` activity on its day.

        A job `saved` for later is not sent yet: it counts for nothing until it is. `resume` names the résumé
        version sent, `ad` keeps the job ad's text, the salaries are kept as typed.
        """
        with self._transaction() as tx:
            stamp = self.now()
            day = on or self._day_now(tx.settings, stamp)
            stage = Stage.SAVED if saved else Stage.APPLIED
            application = Application(
                company=company.strip(),
                role=role.strip(),
                kind=kind,
                source=source.strip(),
                url=url.strip(),
                applied_on=None if saved else day,
                stage=stage,
                stage_history=[StageChange(stage=stage, at=stamp, day=day)],
                notes=note.strip(),
                resume=resume.strip(),
                resume_path=resume_path.strip(),
                ad=ad.strip(),
                salary_advertised=salary_advertised.strip(),
                salary_asked=salary_asked.strip(),
                created_at=stamp,
                updated_at=stamp,
            )
            tx.add(application)
            if not saved:
                self._add_activity(tx, stamp, ActivityKind.APPLY, note or "", day, application.id)
            return application

    def log(
        self,
        kind: ActivityKind,
        note: str = "",
        *,
        on: date | None = None,
        application_id: uuid.UUID | None = None,
        contact_id: uuid.UUID | None = None,
    ) -> Activity:
        """Log something done; networking with a contact also resets their reconnect clock."""
        with self._transaction() as tx:
            if application_id is not None and tx.get(Application, application_id) is None:
                raise KeyError(f"no application with id {application_id}")
            if contact_id is not None and tx.get(Contact, contact_id) is None:
                raise KeyError(f"no contact with id {contact_id}")
            tx.summary = logged_summary(kind, note)
            return self._add_activity(tx, self.now(), kind, note, on, application_id, contact_id)

    def write_reflection(self, day: date, prompt: str, text: str) -> Reflection:
        """Save the day's reflection (one per day: writing again replaces the text)."""
        with self._transaction() as tx:
            stamp = self.now()
            existing = tx.search.reflection_on(day)
            if existing is not None:
                return tx.replace(existing.touched(stamp, text=text))
            reflection = Reflection(day=day, prompt=prompt, text=text, created_at=stamp, updated_at=stamp)
            tx.add(reflection)
            self._add_activity(tx, stamp, ActivityKind.REFLECT, REFLECTION_WRITTEN, day, None)
            return reflection

    def move_stage(
        self,
        application_id: uuid.UUID,
        stage: Stage,
        *,
        note: str = "",
        on: date | None = None,
        round: int | None = None,
        final: bool = False,
        reason: RejectionReason | None = None,
        cancel_interviews: bool = False,
    ) -> Application:
        """Move an application to `stage`, keep the move in its history, and count it as an activity.

        Interviewing carries a round: the next one when it is already interviewing, unless given.
        A move to rejected keeps its `reason` when one is known.
        Landing an interview, a round reached, the final round, an offer or a yes adds a win (see `wins_for_move`).
        With `cancel_interviews`, a move that ends the application (to a stage not pending) calls off its
        interviews still ahead, in the same change (see `cancel_interviews_ahead`).
        """
        with self._transaction() as tx:
            application = self._application(tx, application_id)
            tx.summary = f"moved {application.company} ({application.role}) to {stage.value}"
            if reason is not None and stage is Stage.REJECTED:
                application = application.touched(self.now(), rejection_reason=reason)
            moved = self._move(tx, application, stage, note=note, on=on, round=round, final=final)
            if cancel_interviews and not stage.is_pending:
                self._call_off_ahead(tx, moved)
            return moved

    def _move(
        self,
        tx: Transaction,
        application: Application,
        stage: Stage,
        *,
        note: str = "",
        on: date | None = None,
        round: int | None = None,
        final: bool = False,
    ) -> Application:
        if stage is application.stage and stage is not Stage.INTERVIEWING:
            raise MoveRefused(f"{application.company} is already at {stage.value}; choose another stage")
        stamp = self.now()
        day = on or self._day_now(tx.settings, stamp)
        if stage is Stage.INTERVIEWING and round is None:
            reached = application.interview_round
            round = (reached or 0) + 1 if application.stage is Stage.INTERVIEWING else reached or 1
        if stage is not Stage.INTERVIEWING:
            round, final = None, False
        change = StageChange(stage=stage, at=stamp, day=day, note=note.strip(), round=round, final=final)
        changes: dict[str, object] = {"stage": stage, "stage_history": [*application.stage_history, change]}
        if stage is Stage.APPLIED and application.stage is Stage.SAVED:
            changes["applied_on"] = day  # a saved job is sent now: follow-ups count from here
        moved = application.touched(stamp, **changes)
        tx.replace(moved)
        kind = STAGE_ACTIVITY.get(stage, ActivityKind.OTHER)
        what = f"{stage.value}, round {round}" if round else stage.value
        self._add_activity(tx, stamp, kind, f"{application.company}: {what}", day, application.id)
        for key, text, won_on in wins_for_move(moved, change, tx.search.interviews_for(moved), stamp):
            self._add_win_once(tx, stamp, key, text, won_on, moved.id)
        return moved

    def record_offer(self, application_id: uuid.UUID, offer: Offer) -> tuple[Application, Offer]:
        """Keep an offer with its application (`offer.replaces` names the one it revises), and move the
        application to the offer stage when it is not there or past it already (accepted)."""
        with self._transaction() as tx:
            application = self._application(tx, application_id)
            if offer.replaces is not None and offer.replaces not in {each.id for each in application.offers}:
                raise KeyError(f"no offer with id {offer.replaces} at {application.company}")
            revised = "a revised offer" if offer.replaces is not None else "an offer"
            tx.summary = f"kept {revised} from {application.company} ({application.role})"
            kept = application.touched(self.now(), offers=[*application.offers, offer])
            tx.replace(kept)
            if application.stage not in (Stage.OFFER, Stage.ACCEPTED):
                kept = self._move(tx, kept, Stage.OFFER, on=offer.received_on)
            return kept, offer

    def cancel_interviews_ahead(self, application_id: uuid.UUID) -> list[Interview]:
        """Call off the application's interviews still ahead (later than now, not cancelled): it has ended.

        Each stays in the interview log, marked cancelled; no action, calendar event or win comes of it.
        """
        with self._transaction() as tx:
            application = self._application(tx, application_id)
            cancelled = self._call_off_ahead(tx, application)
            tx.summary = f"cancelled {count(len(cancelled), 'interview')} at {application.company} ({application.role})"
            return cancelled

    def _call_off_ahead(self, tx: Transaction, application: Application) -> list[Interview]:
        """Mark the interviews still ahead cancelled; an automatic win for a round now never reached goes."""
        stamp = self.now()
        cancelled = [tx.replace(interview) for interview in called_off(tx.search.interviews_for(application), stamp)]
        rounds = rounds_reached(application, tx.search.interviews_for(application), stamp)
        unreached = win_keys_unreached(application, {interview.round for interview in cancelled}, rounds)
        for win in tx.search.wins:
            if win.key in unreached:
                tx.delete(win)
        return cancelled

    def record_rejection(
        self, application_id: uuid.UUID, reason: RejectionReason | None, feedback: str | None = None
    ) -> Application:
        """Keep why a no came (if known) and, when it arrives, what they said."""
        with self._transaction() as tx:
            application = self._application(tx, application_id)
            why = reason.value if reason is not None else "not known"
            tx.summary = f"kept why {application.company} ({application.role}) said no: {why}"
            changes: dict[str, object] = {"rejection_reason": reason}
            if feedback is not None:
                changes["feedback"] = feedback.strip()
            return tx.replace(application.touched(self.now(), **changes))

    def record_feedback(self, application_id: uuid.UUID, feedback: str) -> Application:
        """What the employer said when asked for feedback."""
        with self._transaction() as tx:
            application = self._application(tx, application_id)
            tx.summary = f"kept the feedback from {application.company} ({application.role})"
            return tx.replace(application.touched(self.now(), feedback=feedback.strip()))

    def keep_bridge(
        self,
        application_id: uuid.UUID,
        *,
        contact_id: uuid.UUID | None = None,
        contact_name: str = "",
        reconnect_on: date | None = None,
        reapply_after: date | None = None,
    ) -> tuple[Contact | None, Application]:
        """After a no: keep a contact there with a reconnect reminder, and mark the company 'reapply later'."""
        with self._transaction() as tx:
            application = self._application(tx, application_id)
            tx.summary = f"kept the bridge at {application.company}"
            stamp = self.now()
            contact = tx.get(Contact, contact_id) if contact_id is not None else None
            if contact_id is not None and contact is None:
                raise KeyError(f"no contact with id {contact_id}")
            if contact is not None:
                links = contact.application_ids
                if application.id not in links:
                    links = [*links, application.id]
                contact = contact.touched(stamp, reconnect_on=reconnect_on, application_ids=links)
                tx.replace(contact)
            elif contact_name.strip():
                contact = Contact(
                    name=contact_name.strip(),
                    company=application.company,
                    how_we_know=f"met through the {application.role} application",
                    application_ids=[application.id],
                    reconnect_on=reconnect_on,
                    created_at=stamp,
                    updated_at=stamp,
                )
                tx.add(contact)
            if reapply_after is not None:
                application = application.touched(stamp, reapply_after=reapply_after)
                tx.replace(application)
            return contact, application

    def schedule_interview(
        self,
        application_id: uuid.UUID,
        at: datetime,
        *,
        round: int | None = None,
        kind: InterviewKind = InterviewKind.OTHER,
        people: list[str] | None = None,
        notes: str = "",
    ) -> Interview:
        """Record an interview; an application not yet interviewing moves there, at that round.

        One already held (today or earlier) counts as an interview activity on its day.
        """
        with self._transaction() as tx:
            application = self._application(tx, application_id)
            zone = self.zone(tx.settings)
            stamp = self.now()
            day = at.astimezone(zone).date()
            if round is None:
                held = [i.round for i in tx.search.interviews_for(application) if i.at < at]
                round = max([*held, (application.interview_round or 1) - 1]) + 1
            interview = Interview(
                application_id=application.id,
                at=at,
                timezone=zone.key,
                day=day,
                round=round,
                kind=kind,
                people=[name.strip() for name in people or [] if name.strip()],
                notes=notes.strip(),
                created_at=stamp,
                updated_at=stamp,
            )
            tx.add(interview)
            new_round = application.stage is Stage.INTERVIEWING and round > (application.interview_round or 0)
            if application.stage in BEFORE_INTERVIEWS or new_round:
                invited = min(day, self._day_now(tx.settings, stamp))
                self._move(tx, application, Stage.INTERVIEWING, on=invited, round=round)
            if day <= self._day_now(tx.settings, stamp):
                self._count_interview(tx, stamp, interview, application)
            return interview

    def debrief_interview(
        self,
        interview_id: uuid.UUID,
        *,
        questions: list[Question],
        rating: int | None,
        went_well: str,
        change: str,
        people: list[str] | None = None,
        notes: str | None = None,
    ) -> Interview:
        """Keep what was asked and how it went; a held interview not yet counted counts on its day."""
        with self._transaction() as tx:
            interview = tx.get(Interview, interview_id)
            if interview is None:
                raise KeyError(f"no interview with id {interview_id}")
            stamp = self.now()
            changes: dict[str, object] = {
                "questions": questions,
                "rating": rating,
                "went_well": went_well.strip(),
                "change": change.strip(),
            }
            if people is not None:
                changes["people"] = [name.strip() for name in people if name.strip()]
            if notes is not None:
                changes["notes"] = notes.strip()
            debriefed = interview.touched(stamp, **changes)
            tx.replace(debriefed)
            application = tx.get(Application, interview.application_id)
            if application is not None and interview.day <= self._day_now(tx.settings, stamp):
                self._count_interview(tx, stamp, debriefed, application)
            if application is not None and application.stage_history:
                # A round held and now debriefed is won now, not at the next stage move.
                held = tx.search.interviews_for(application)
                for key, text, won_on in wins_for_move(application, application.stage_history[-1], held, stamp):
                    self._add_win_once(tx, stamp, key, text, won_on, application.id)
            return debriefed

    def add_contact(
        self,
        name: str,
        *,
        company: str = "",
        tier: Tier = Tier.B,
        how_we_know: str = "",
        support: bool = False,
        notes: str = "",
        last_contact: date | None = None,
    ) -> Contact:
        with self._transaction() as tx:
            stamp = self.now()
            contact = Contact(
                name=name.strip(),
                company=company.strip(),
                tier=tier,
                how_we_know=how_we_know.strip(),
                support=support,
                notes=notes.strip(),
                last_contact=last_contact,
                created_at=stamp,
                updated_at=stamp,
            )
            tx.add(contact)
            return contact

    def update_contact(self, contact_id: uuid.UUID, **changes: object) -> Contact:
        with self._transaction() as tx:
            contact = tx.get(Contact, contact_id)
            if contact is None:
                raise KeyError(f"no contact with id {contact_id}")
            return tx.replace(contact.touched(self.now(), **changes))

    def add_learning_goals(
        self, texts: list[str], *, application_id: uuid.UUID | None = None, source: str = ""
    ) -> list[LearningGoal]:
        """Skills to work on; each shows up in Today's actions until it is dismissed."""
        with self._transaction() as tx:
            stamp = self.now()
            goals = [
                LearningGoal(
                    text=text.strip(),
                    application_id=application_id,
                    source=source.strip(),
                    created_at=stamp,
                    updated_at=stamp,
                )
                for text in texts
                if text.strip()
            ]
            for goal in goals:
                tx.add(goal)
            return goals

    def add_win(self, text: str, *, on: date | None = None, application_id: uuid.UUID | None = None) -> Win:
        with self._transaction() as tx:
            stamp = self.now()
            day = on or self._day_now(tx.settings, stamp)
            win = Win(day=day, text=text.strip(), application_id=application_id, created_at=stamp, updated_at=stamp)
            tx.add(win)
            return win

    def plan_rest(self, day: date, note: str = "") -> RestDay:
        """Plan `day` as a rest day, within the week's allowance; a day already protected after a no needs none."""
        with self._transaction() as tx:
            search = tx.initial
            if search.rest_day_on(day) is not None:
                raise RestRefused(f"{day:%a %d %b %Y} is already a rest day")
            recovering = recovery_days(search, search.settings.recovery_days).get(day)
            if recovering is not None:
                raise RestRefused(
                    f"{day:%a %d %b %Y} is already protected ({recovering}): your streak is safe that day "
                    "without a rest day, so none is used"
                )
            if rest_days_left(search, day) == 0:
                raise RestRefused(_no_rest_left(search, day))
            stamp = self.now()
            rest = RestDay(day=day, note=note.strip(), created_at=stamp, updated_at=stamp)
            tx.add(rest)
            return rest

    def cancel_rest(self, day: date) -> RestDay:
        """Make a planned rest day an ordinary day again."""
        with self._transaction() as tx:
            rest = tx.initial.rest_day_on(day)
            if rest is None:
                raise RestRefused(f"{day:%a %d %b %Y} is not a rest day, so there is nothing to cancel")
            tx.delete(rest)
            return rest

    def update_settings(self, **changes: object) -> Settings:
        """Change settings; a new time zone or rollover hour moves no stored day."""
        with self._transaction() as tx:
            tx.summary = f"changed the settings ({field_words(list(changes)).removeprefix('the ')})"
            return tx.save_settings(tx.settings.touched(self.now(), **changes))

    def complete(self, action: Action, note: str = "") -> Activity | Application | None:
        """Mark one of today's actions done: log the activity it stands for, or make the move it suggests
        (a saved job sent is applied; a silent one is ghosted)."""
        moves = {ActionKind.GHOSTED: (Stage.GHOSTED, "no reply"), ActionKind.SEND: (Stage.APPLIED, "sent")}
        if action.kind in moves and action.application_id is not None:
            stage, reason = moves[action.kind]
            with self._transaction() as tx:
                application = self._application(tx, action.application_id)
                tx.summary = f"marked done: {action.title}"
                self._mark(tx, action.key, Mark.DONE)
                return self._move(tx, application, stage, note=note or reason)
        if action.logs is None:
            return None
        with self._transaction() as tx:
            tx.summary = f"marked done: {action.title}"
            self._mark(tx, action.key, Mark.DONE)
            return self._add_activity(
                tx, self.now(), action.logs, note or action.title, None, action.application_id, action.contact_id
            )

    def snooze(self, action: Action, until: date) -> ActionMark:
        """Hide an action until `until`, when it comes back if it is still due."""
        with self._transaction() as tx:
            tx.summary = f"snoozed until {until:%a %d %b}: {action.title}"
            return self._mark(tx, action.key, Mark.SNOOZED, until)

    def dismiss(self, action: Action) -> ActionMark:
        """Hide an action for good; dismissing a learning goal closes it."""
        with self._transaction() as tx:
            tx.summary = f"dismissed: {action.title}"
            if action.goal_id is not None and (goal := tx.get(LearningGoal, action.goal_id)) is not None:
                stamp = self.now()
                tx.replace(goal.touched(stamp, closed_on=self._day_now(tx.settings, stamp)))
            return self._mark(tx, action.key, Mark.DISMISSED)

    # --- Seeing, correcting, deleting and undoing any record ------------------------------------------------

    def edit(self, model: type[R], record_id: uuid.UUID, **changes: object) -> R:
        """Correct fields of a record; `updated_at` moves on. ValidationError when a value is refused.

        An application's applied day moves the apply activity it was added with; an interview's time moves
        its day (in the interview's own time zone).
        """
        with self._transaction() as tx:
            record = self._existing(tx, model, record_id)
            stamp = self.now()
            if isinstance(record, Interview) and "at" in changes:
                at = changes["at"]
                if isinstance(at, datetime):
                    changes["day"] = local_start(record.model_copy(update={"at": at})).date()  # any zone name
            # not `touched`: its first parameter is called `at`, which an interview's start is called too
            edited = model.model_validate({**record.model_dump(), **changes, "updated_at": stamp})
            if edited.model_dump(exclude={"updated_at"}) == record.model_dump(exclude={"updated_at"}):
                return record
            tx.replace(edited)
            if isinstance(record, Application) and isinstance(edited, Application):
                self._move_apply_activity(tx, stamp, record, edited)
            if isinstance(record, LearningGoal) and isinstance(edited, LearningGoal):
                self._undismiss_reopened_goal(tx, record, edited)
            corrected = [name for name in changes if getattr(record, name) != getattr(edited, name)]
            tx.summary = f"corrected {field_words(corrected)} of {label(record, tx.search)}"
            return edited

    def delete(self, model: type[R], record_id: uuid.UUID) -> list[Record]:
        """Delete a record (and what goes with it: see `deletion`), kept as tombstones; what was deleted."""
        with self._transaction() as tx:
            record = self._existing(tx, model, record_id)
            today = self._day_now(tx.settings, self.now())
            gone = deletion(record, tx.search, today).records
            tx.summary = f"deleted {label(record, tx.search, today)}"
            for each in gone:
                tx.delete(each)
            return list(gone)

    def cancel_interview(self, interview_id: uuid.UUID, *, cancelled: bool = True) -> Interview:
        """Call an interview off (or back on): it stays in the log, and no action is suggested for it."""
        with self._transaction() as tx:
            interview = self._existing(tx, Interview, interview_id)
            changed = tx.replace(interview.touched(self.now(), cancelled=cancelled))
            verb = "cancelled" if cancelled else "put back"
            tx.summary = f"{verb} {label(changed, tx.search)}"
            return changed

    def undo(self) -> str:
        """Take back the latest change, made here or anywhere else (the app, another shell); what it was.

        UndoRefused when there is nothing to take back or it cannot be.
        """
        return self.store.undo()

    def redo(self) -> str:
        """Make the change taken back last again; what it was. UndoRefused when there is none."""
        return self.store.redo()

    def history(self) -> list[HistoryEntry]:
        """The recent changes, newest first, those taken back (which redo brings back) at the top."""
        return self.store.history()

    def _existing(self, tx: Transaction, model: type[R], record_id: uuid.UUID) -> R:
        record = tx.get(model, record_id)
        if record is None:
            raise KeyError(f"no {KIND_OF_MODEL[model].noun} with id {record_id}")
        return record

    def _move_apply_activity(self, tx: Transaction, stamp: datetime, before: Application, after: Application) -> None:
        """The apply activity an application was added with follows a corrected applied day."""
        if before.applied_on is None or after.applied_on is None or before.applied_on == after.applied_on:
            return
        for activity in tx.search.activities_for(after, ActivityKind.APPLY):
            if activity.logical_day == before.applied_on:
                tx.replace(activity.touched(stamp, logical_day=after.applied_on))
                return

    def _undismiss_reopened_goal(self, tx: Transaction, before: LearningGoal, after: LearningGoal) -> None:
        """A goal closed by dismissing it in Today's actions comes back there when reopened: the dismissal goes."""
        if before.closed_on is None or after.closed_on is not None:
            return
        for mark in tx.search.marks_by_key.get(f"learn:{after.id.hex}", []):
            if mark.mark is Mark.DISMISSED:
                tx.delete(mark)

    def _mark(self, tx: Transaction, key: str, mark: Mark, until: date | None = None) -> ActionMark:
        stamp = self.now()
        record = ActionMark(
            key=key, mark=mark, day=self._day_now(tx.settings, stamp), until=until, created_at=stamp, updated_at=stamp
        )
        tx.add(record)
        return record

    def _application(self, tx: Transaction, application_id: uuid.UUID) -> Application:
        application = tx.get(Application, application_id)
        if application is None:
            raise KeyError(f"no application with id {application_id}")
        return application

    def _count_interview(
        self, tx: Transaction, stamp: datetime, interview: Interview, application: Application
    ) -> None:
        """An interview held counts once, on its day, as an interview activity for its application."""
        counted = any(
            a.kind is ActivityKind.INTERVIEW and a.logical_day == interview.day
            for a in tx.search.activities_for(application)
        )
        if not counted:
            what = f"{application.company}: {interview.kind.value} interview, round {interview.round}"
            self._add_activity(tx, stamp, ActivityKind.INTERVIEW, what, interview.day, application.id)

    def _add_win_once(
        self, tx: Transaction, stamp: datetime, key: str, text: str, day: date, application_id: uuid.UUID
    ) -> None:
        if any(win.key == key for win in (*tx.search.wins, *tx.deleted(Win))):
            return  # added once: a win the person deleted stays deleted
        tx.add(Win(day=day, text=text, application_id=application_id, key=key, created_at=stamp, updated_at=stamp))

    def _day_now(self, settings: Settings, stamp: datetime) -> date:
        return logical_day(stamp, self.zone(settings), settings.rollover_hour)

    def _add_activity(
        self,
        tx: Transaction,
        stamp: datetime,
        kind: ActivityKind,
        note: str,
        on: date | None,
        application_id: uuid.UUID | None,
        contact_id: uuid.UUID | None = None,
    ) -> Activity:
        settings = tx.settings
        zone = self.zone(settings)
        activity = Activity(
            kind=kind,
            at=stamp.astimezone(ZoneInfo("UTC")),
            timezone=zone.key,
            logical_day=on or logical_day(stamp, zone, settings.rollover_hour),
            note=note.strip(),
            application_id=application_id,
            contact_id=contact_id,
            created_at=stamp,
            updated_at=stamp,
        )
        tx.add(activity)
        return activity


FIELD_WORDS = {
    "applied_on": "applied day",
    "logical_day": "day",
    "next_step_on": "next step's day",
    "reapply_after": "reapply date",
    "how_we_know": "how you know them",
    "closed_on": "closing",
    "at": "time",
    "url": "URL",
    "resume": "résumé version",
    "resume_path": "résumé's file",
    "ad": "job ad",
    "salary_advertised": "advertised salary",
    "salary_asked": "salary asked",
}


def field_words(names: list[str]) -> str:
    """'the company and notes', 'the applied day': the fields an edit corrected, in words."""
    words = [FIELD_WORDS.get(name, name.replace("_", " ")) for name in names if name != "day" or "at" not in names]
    if not words:
        return "nothing"
    listed = ", ".join(words[:-1]) + f" and {words[-1]}" if len(words) > 1 else words[0]
    return f"the {listed}"


def _no_rest_left(search: JobSearch, day: date) -> str:
    allowance = search.settings.rest_days_per_week
    change = "change the allowance with 'nextyes settings --rest-days-per-week N'"
    if allowance == 0:
        return f"rest days are turned off; {change}"
    monday = week_start(day)
    planned = sorted(d for d in planned_rest_days(search) if week_start(d) == monday)
    listed = ", ".join(f"{d:%a %d}" for d in planned)
    days = "day" if allowance == 1 else "days"
    return f"the week of Mon {monday:%d %b} already has {allowance} rest {days} ({listed}), the most allowed; {change}"


def wins_for_move(
    application: Application, change: StageChange, interviews: list[Interview], now: datetime
) -> list[tuple[str, str, date]]:
    """The wins a move earns, each with a key so it is added once and the day it was won: (key, text, day).

    Landing an interview is a win as soon as it is booked. A later round, and the final one, is won once
    reached (`rounds_reached`): on the word of this move when no interview of it is recorded, else once one
    is held. A round booked ahead waits: it is won at a later change, on the day it was held, or never if
    it is called off. `application` is as moved, `interviews` are its own.
    """
    ident = application.id.hex
    at = f"{application.company} ({application.role})"
    wins = []
    if change.stage is Stage.INTERVIEWING and change.round == 1:
        wins.append((f"interview:{ident}", f"Landed an interview at {at}", change.day))
    reached = rounds_reached(application, interviews, now)
    won_on: dict[int, date] = {}  # each round won now, and its day: held, or moved to on this move's word
    for interview in sorted(interviews, key=lambda i: i.at):
        if is_held(interview, now):
            won_on.setdefault(interview.round, interview.day)
    if change.stage is Stage.INTERVIEWING and change.round in reached:
        won_on.setdefault(change.round, change.day)
    for round in sorted(won_on):
        if round > 1:
            wins.append((_round_key(application, round), f"Reached round {round} of interviews at {at}", won_on[round]))
    finals = [c.round for c in application.stage_history if c.final and c.round in won_on]
    if finals:
        wins.append((_final_key(application), f"Reached the final round at {at}", won_on[finals[-1]]))
    if change.stage is Stage.OFFER:
        wins.append((f"offer:{ident}", f"Got an offer from {at}", change.day))
    if change.stage is Stage.ACCEPTED:
        wins.append((f"accepted:{ident}", f"Said yes to {at}", change.day))
    return wins


def win_keys_unreached(application: Application, rounds_called_off: set[int], rounds: set[int]) -> set[str]:
    """The keys of the automatic wins for rounds called off and no longer reached (`rounds`), the final among them."""
    gone = rounds_called_off - rounds
    keys = {_round_key(application, round) for round in gone if round > 1}
    if any(change.final and change.round in gone for change in application.stage_history):
        keys.add(_final_key(application))
    return keys


def _round_key(application: Application, round: int) -> str:
    return f"round-{round}:{application.id.hex}"


def _final_key(application: Application) -> str:
    return f"final:{application.id.hex}"
