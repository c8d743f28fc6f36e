"""Recording what a person does: each change is one locked store transaction, shared by shell and app."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime
from zoneinfo import ZoneInfo

from tui.clock import Clock, choose_zone
from tui.core.actions import Action, ActionKind
from tui.core.days import logical_day
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
    Question,
    Reflection,
    RejectionReason,
    RestDay,
    Settings,
    Stage,
    StageChange,
    Tier,
    Win,
)
from tui.core.rewards import Reward, earned_rewards, newly_earned, week_start
from tui.core.search import JobSearch
from tui.core.streaks import planned_rest_days, rest_days_left, track
from tui.store import Store, Transaction

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
        return earned_rewards(search, track(search, today, self.zone(search.settings).key))

    @contextmanager
    def _transaction(self) -> Iterator[Transaction]:
        """A store transaction that, once saved, tells `celebrate` and `note_wins` what the change has earned."""
        earned: list[Reward] = []
        added: list[Win] = []
        with self.store.transaction() as tx:
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
    ) -> Application:
        """A new application at stage applied, which also counts as an `apply` activity on its day.

        A job `saved` for later is not sent yet: it counts for nothing until it is.
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
            self._add_activity(tx, stamp, ActivityKind.REFLECT, "wrote the day's reflection", day, None)
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
    ) -> Application:
        """Move an application to `stage`, keep the move in its history, and count it as an activity.

        Interviewing carries a round: the next one when it is already interviewing, unless given.
        A move to rejected keeps its `reason` when one is known.
        Reaching an interview, a new round, the final round, an offer or a yes adds a win.
        """
        with self._transaction() as tx:
            application = self._application(tx, application_id)
            if reason is not None and stage is Stage.REJECTED:
                application = application.touched(self.now(), rejection_reason=reason)
            return self._move(tx, application, stage, note=note, on=on, round=round, final=final)

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
        for key, text in wins_for_move(moved, change):
            self._add_win_once(tx, stamp, key, text, day, moved.id)
        return moved

    def record_rejection(
        self, application_id: uuid.UUID, reason: RejectionReason | None, feedback: str | None = None
    ) -> Application:
        """Keep why a no came (if known) and, when it arrives, what they said."""
        with self._transaction() as tx:
            application = self._application(tx, application_id)
            changes: dict[str, object] = {"rejection_reason": reason}
            if feedback is not None:
                changes["feedback"] = feedback.strip()
            return tx.replace(application.touched(self.now(), **changes))

    def record_feedback(self, application_id: uuid.UUID, feedback: str) -> Application:
        """What the employer said when asked for feedback."""
        with self._transaction() as tx:
            application = self._application(tx, application_id)
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
        """Plan `day` as a rest day, within the week's allowance of rest days."""
        with self._transaction() as tx:
            search = tx.initial
            if search.rest_day_on(day) is not None:
                raise RestRefused(f"{day:%a %d %b %Y} is already a rest day")
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
            tx.remove(rest)
            return rest

    def update_settings(self, **changes: object) -> Settings:
        """Change settings; a new time zone or rollover hour moves no stored day."""
        with self._transaction() as tx:
            return tx.save_settings(tx.settings.touched(self.now(), **changes))

    def complete(self, action: Action, note: str = "") -> Activity | Application | None:
        """Mark one of today's actions done: log the activity it stands for, or make the move it suggests
        (a saved job sent is applied; a silent one is ghosted)."""
        moves = {ActionKind.GHOSTED: (Stage.GHOSTED, "no reply"), ActionKind.SEND: (Stage.APPLIED, "sent")}
        if action.kind in moves and action.application_id is not None:
            stage, reason = moves[action.kind]
            with self._transaction() as tx:
                application = self._application(tx, action.application_id)
                self._mark(tx, action.key, Mark.DONE)
                return self._move(tx, application, stage, note=note or reason)
        if action.logs is None:
            return None
        with self._transaction() as tx:
            self._mark(tx, action.key, Mark.DONE)
            return self._add_activity(
                tx, self.now(), action.logs, note or action.title, None, action.application_id, action.contact_id
            )

    def snooze(self, action: Action, until: date) -> ActionMark:
        """Hide an action until `until`, when it comes back if it is still due."""
        with self._transaction() as tx:
            return self._mark(tx, action.key, Mark.SNOOZED, until)

    def dismiss(self, action: Action) -> ActionMark:
        """Hide an action for good; dismissing a learning goal closes it."""
        with self._transaction() as tx:
            if action.goal_id is not None and (goal := tx.get(LearningGoal, action.goal_id)) is not None:
                stamp = self.now()
                tx.replace(goal.touched(stamp, closed_on=self._day_now(tx.settings, stamp)))
            return self._mark(tx, action.key, Mark.DISMISSED)

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
        if any(win.key == key for win in tx.search.wins):
            return
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


def wins_for_move(application: Application, change: StageChange) -> list[tuple[str, str]]:
    """The wins a move earns, each with a key so it is added once: (key, text)."""
    at = f"{application.company} ({application.role})"
    ident = application.id.hex
    if change.stage is Stage.INTERVIEWING:
        wins = []
        if change.round == 1:
            wins.append((f"interview:{ident}", f"Landed an interview at {at}"))
        elif change.round:
            wins.append((f"round-{change.round}:{ident}", f"Reached round {change.round} of interviews at {at}"))
        if change.final:
            wins.append((f"final:{ident}", f"Reached the final round at {at}"))
        return wins
    if change.stage is Stage.OFFER:
        return [(f"offer:{ident}", f"Got an offer from {at}")]
    if change.stage is Stage.ACCEPTED:
        return [(f"accepted:{ident}", f"Said yes to {at}")]
    return []
