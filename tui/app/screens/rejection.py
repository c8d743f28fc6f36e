"""After a no: five short steps, each skippable with one key, each handed to the app to save as you leave it.

1 how far it got, why the no came, and the interviews still booked, to cancel; 2 the feedback request,
to copy, and their answer; 3 skills to work on; 4 keeping a contact (one you know there, or someone who
interviewed you) and a note to reapply; 5 recovery: the protected days, your wins and the people to call.
Only interviews held count as reached and as people met: one still ahead when the no came was not.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from enum import IntEnum
from typing import ClassVar

from dateutil.relativedelta import relativedelta
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import ContentSwitcher, Input, OptionList, Select, Static, TextArea
from textual.widgets.option_list import Option

from tui.app.screens.form import Fields, FormScreen, max_length, too_long
from tui.app.widgets.footer import KeysFooter
from tui.app.widgets.tick import Tick
from tui.app.widgets.wins import describe_wins
from tui.content import draft_templates
from tui.core.days import DateParseError, describe_day, parse_until
from tui.core.drafts import DraftKind, write_draft
from tui.core.interviews import INTERVIEW_KIND_WORDS, describe_interviews, describe_reach, interviews_ahead, is_held
from tui.core.models import Application, Contact, Interview, LearningGoal, RejectionReason
from tui.core.search import JobSearch
from tui.core.streaks import recovery_ends
from tui.recording import Recorder

WINS_SHOWN = 5  # a handful: enough to remember, few enough to read at 80×24
SOURCE_LIMIT = 200  # `LearningGoal.source` is a name-length text


class Step(IntEnum):
    REACH = 1
    FEEDBACK = 2
    SKILLS = 3
    BRIDGE = 4
    RECOVERY = 5

    @property
    def title(self) -> str:
        return STEP_TITLES[self]


STEP_TITLES = {
    Step.REACH: "How far you got",
    Step.FEEDBACK: "Ask for feedback",
    Step.SKILLS: "Skills to work on",
    Step.BRIDGE: "Keep the bridge",
    Step.RECOVERY: "Recovery",
}

REASON_MEANING = {
    RejectionReason.SKILLS: "a skill they wanted that you are still building",
    RejectionReason.INTERVIEW: "how the interviews went",
    RejectionReason.FIT: "the team, the level or the role did not fit",
    RejectionReason.NO_ANSWER: "they gave no reason",
    RejectionReason.UNKNOWN: "not sure yet",
}

# What each step asks of the keys, said on the step itself (the footer shows the rest).
STEP_HINTS = {
    Step.REACH: "↑↓ choose · enter saves and goes on · ctrl+n skips · escape closes",
    Step.FEEDBACK: "ctrl+o copies the draft · enter saves and goes on · ctrl+b back",
    Step.SKILLS: "enter starts a new line · ctrl+s saves and goes on · ctrl+b back",
    Step.BRIDGE: "enter saves and goes on · space opens the list or ticks · ctrl+b back",
    Step.RECOVERY: "enter closes · ctrl+b goes back · be kind to yourself today",
}
BOOKED_HINT = "↑↓ choose · tab, space keeps it booked · enter goes on · ctrl+n skips"


@dataclass(frozen=True)
class CancelStep:
    """The interviews still booked when the no came, to call off, for `Recorder.cancel_interviews_ahead`."""

    step: ClassVar[Step] = Step.REACH
    application: Application
    booked: str  # 'the on-site interview on Fri 20 Mar', as the step said it

    @property
    def feedback(self) -> str:
        return f"cancelled {self.booked}"

    def record(self, recorder: Recorder) -> object:
        return recorder.cancel_interviews_ahead(self.application.id)


@dataclass(frozen=True)
class ReasonStep:
    """Why the no came, as far as anyone knows, for `Recorder.record_rejection`."""

    step: ClassVar[Step] = Step.REACH
    application: Application
    reason: RejectionReason

    @property
    def feedback(self) -> str:
        return f"the no from {self.application.company}: {self.reason.value}"

    def record(self, recorder: Recorder) -> object:
        return recorder.record_rejection(self.application.id, self.reason)


@dataclass(frozen=True)
class FeedbackStep:
    """What they answered when asked for feedback, for `Recorder.record_feedback`."""

    step: ClassVar[Step] = Step.FEEDBACK
    application: Application
    answer: str

    @property
    def feedback(self) -> str:
        return f"what {self.application.company} said"

    def record(self, recorder: Recorder) -> object:
        return recorder.record_feedback(self.application.id, self.answer)


@dataclass(frozen=True)
class SkillsStep:
    """Skills to work on, one learning goal each, for `Recorder.add_learning_goals`."""

    step: ClassVar[Step] = Step.SKILLS
    application: Application
    skills: tuple[str, ...]
    typed: str  # as typed, so a retry shows it as it was

    @property
    def feedback(self) -> str:
        count = len(self.skills)
        return f"{count} {'skill' if count == 1 else 'skills'} to work on, in Today's actions"

    def record(self, recorder: Recorder) -> object:
        source = f"after the no from {self.application.company}"[:SOURCE_LIMIT]
        return recorder.add_learning_goals(list(self.skills), application_id=self.application.id, source=source)


@dataclass(frozen=True)
class BridgeStep:
    """A contact kept at the company with a reminder, and a day to reapply from, for `Recorder.keep_bridge`."""

    step: ClassVar[Step] = Step.BRIDGE
    application: Application
    contact_id: uuid.UUID | None
    contact_name: str  # a new contact, when none was chosen
    remind_on: date | None
    remind_text: str  # as typed, so a retry shows it as it was
    reapply_after: date | None
    named: str = ""  # the contact chosen or typed, for the toast

    @property
    def feedback(self) -> str:
        kept = []
        if self.named:
            reminder = f", a reminder on {describe_day(self.remind_on)}" if self.remind_on is not None else ""
            kept.append(f"{self.named}{reminder}")
        if self.reapply_after is not None:
            kept.append(f"reapply from {describe_day(self.reapply_after, weekday=False)}")
        return f"the bridge to {self.application.company}: {'; '.join(kept)}"

    def record(self, recorder: Recorder) -> object:
        return recorder.keep_bridge(
            self.application.id,
            contact_id=self.contact_id,
            contact_name=self.contact_name,
            reconnect_on=self.remind_on if self.named else None,
            reapply_after=self.reapply_after,
        )


RejectionStep = CancelStep | ReasonStep | FeedbackStep | SkillsStep | BridgeStep


def describe_recovery(rejected_on: date, today: date, days: int) -> str:
    """'Your streak is protected today and the next 2 days (until Tue 17 Mar).'"""
    if days == 0:
        return "Recovery days are turned off, so the streak counts as usual; a rest day (R) is there if you need one."
    until = recovery_ends(rejected_on, days)
    if until < today:
        return f"The recovery days after this no ended on {describe_day(until, today)}."
    left = (until - today).days
    if left == 0:
        return "Your streak is protected today, the last recovery day. Rest if you need to."
    next_days = "the next day" if left == 1 else f"the next {left} days"
    return f"Your streak is protected today and {next_days} (until {describe_day(until, today)}). Rest if you need to."


def describe_support(contacts: tuple[Contact, ...]) -> str:
    support = [contact for contact in contacts if contact.support]
    if not support:
        return "No support contacts yet: a friend or mentor to call on a day like this is worth adding."
    named = [f"{c.name} ({c.how_we_know})" if c.how_we_know else c.name for c in support]
    return "Someone to call: " + " · ".join(named)


def interviewers(search: JobSearch, application: Application, now: datetime) -> dict[str, Interview]:
    """The people met in the application's interviews held by `now`, each with the latest interview they were
    in; those already contacts at the company are left out (they are offered as contacts)."""
    known = {contact.name.strip().casefold() for contact in search.contacts_for(application)}
    met: dict[str, Interview] = {}
    for interview in search.interviews_for(application):
        if is_held(interview, now):
            for person in interview.people:
                if person.strip() and person.strip().casefold() not in known:
                    met[person.strip()] = interview
    return met


class RejectionFlowScreen(FormScreen[None]):
    """The five steps, one at a time, over the dashboard. Nothing typed is lost: each step's fields stay
    in place until the flow closes, and a step whose save failed is shown again as typed.
    """

    # Each shows in the footer only where it does something (see `check_action`).
    BINDINGS = [
        Binding("enter", "submit", "Next", priority=True, key_display="enter"),
        Binding("enter", "finish", "Done", priority=True, key_display="enter"),
        Binding("ctrl+s", "save_step", "Next", priority=True, key_display="ctrl+s"),
        Binding("ctrl+n", "skip", "Skip", priority=True, key_display="ctrl+n"),
        Binding("ctrl+b", "back", "Back", priority=True, key_display="ctrl+b"),
        Binding("ctrl+o", "copy_draft", "Copy draft", priority=True, key_display="ctrl+o"),
        Binding("escape", "cancel", "Close", key_display="escape"),
    ]
    hint_text = ""

    def __init__(
        self,
        application: Application,
        search: JobSearch,
        today: date,
        save_step: Callable[[RejectionFlowScreen, RejectionStep], None],
        typed: RejectionStep | None = None,
        problem: str = "",
    ) -> None:
        super().__init__(problem)
        self.application = application
        self.search = search
        self.today = today
        self.save_step = save_step
        self.typed = typed  # a step whose save failed after the flow closed: shown again as typed
        self.step = typed.step if typed is not None else Step.REACH
        self.furthest = self.step  # where enter goes on to from a step that failed and is shown again
        self.outcomes: dict[Step, str] = {}  # "saved" or "skipped", for the summary when it closes
        self.saved: dict[Step, RejectionStep] = {}  # each step as last saved: back and on again saves it once
        self.closing_warned = False  # escape was pressed once with something left undone on the step
        self.title_text = f"After the no from {application.company} — {application.role}"
        # Held or still ahead as of the moment the no was recorded: the flow opens right after it.
        rejected = application.moved_to(application.stage)
        self.judged_at = rejected.at if rejected is not None else application.updated_at
        self.ahead = interviews_ahead(search, application, self.judged_at)
        self.booked = describe_interviews(self.ahead, today) if self.ahead else ""
        self.cancel_saved = False  # the interviews ahead were called off in this flow
        self.interviewers = interviewers(search, application, self.judged_at)
        self.draft_text = write_draft(
            draft_templates()[DraftKind.FEEDBACK], DraftKind.FEEDBACK, search, application, today, now=self.judged_at
        ).text
        self.reapply_after = today + relativedelta(months=search.settings.reapply_months)

    # Composing --------------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield from super().compose()
        yield KeysFooter()

    def fields(self) -> ComposeResult:
        yield Static("", id="step-indicator", classes="step-indicator", markup=False)
        with ContentSwitcher(initial=self.step_id(self.step), id="steps"):
            with Fields(id=self.step_id(Step.REACH), classes="step"):
                yield from self.reach_step()
            with Fields(id=self.step_id(Step.FEEDBACK), classes="step"):
                yield from self.feedback_step()
            with Fields(id=self.step_id(Step.SKILLS), classes="step"):
                yield from self.skills_step()
            with Fields(id=self.step_id(Step.BRIDGE), classes="step"):
                yield from self.bridge_step()
            with Fields(id=self.step_id(Step.RECOVERY), classes="step"):
                yield from self.recovery_step()

    @staticmethod
    def step_id(step: Step) -> str:
        return f"step-{step.value}"

    def typed_for(self, step: Step) -> RejectionStep | None:
        return self.typed if self.typed is not None and self.typed.step is step else None

    def reach_step(self) -> ComposeResult:
        reach = describe_reach(self.search, self.application, self.judged_at)
        yield Static(
            f"{reach}. A no this time, and it still counts: every one brings the next yes closer.",
            classes="step-text",
            markup=False,
        )
        yield Static("Why did it end, as far as you know?", classes="step-text", markup=False)
        reasons = OptionList(
            *(
                Option(Text.assemble((f"{reason.value:<10}", "bold"), (REASON_MEANING[reason], "dim")), id=reason.value)
                for reason in RejectionReason
            ),
            id="reason",
        )
        typed = self.typed_for(Step.REACH)
        chosen = typed.reason if isinstance(typed, ReasonStep) else self.application.rejection_reason
        # Nothing is chosen until a reason is: an unchanged list saves no reason, never a guess.
        reasons.highlighted = list(RejectionReason).index(chosen) if chosen is not None else None
        yield self.field_row("Reason", reasons)
        if self.ahead:
            yield self.field_row("Still booked", Tick(f"cancel {self.booked}", True, id="cancel-ahead", compact=True))

    def feedback_step(self) -> ComposeResult:
        yield Static(
            "Many never answer; some do, and one honest line can help. nextyes never sends anything: "
            "ctrl+o copies the draft for you to paste into your email.",
            classes="step-text",
            markup=False,
        )
        yield TextArea(self.draft_text, id="draft", soft_wrap=True, show_line_numbers=False)
        typed = self.typed_for(Step.FEEDBACK)
        answer = typed.answer if isinstance(typed, FeedbackStep) else self.application.feedback
        yield self.field_row(
            "Their answer",
            Input(answer, id="answer", placeholder="when they reply: what they said", compact=True),
        )

    def skills_step(self) -> ComposeResult:
        yield Static(
            "What would make you stronger next time? One skill per line: each becomes a learning goal "
            "in Today's actions.",
            classes="step-text",
            markup=False,
        )
        yield Static("", id="skills-feedback", classes="step-said", markup=False)
        typed = self.typed_for(Step.SKILLS)
        skills = TextArea(
            typed.typed if isinstance(typed, SkillsStep) else "",
            id="skills",
            soft_wrap=True,
            show_line_numbers=False,
            placeholder="e.g. SQL window functions\nsystem design interviews",
        )
        yield self.field_row("Skills", skills)

    def bridge_step(self) -> ComposeResult:
        company = self.application.company
        yield Static(
            f"You may want to work with {company} later: keep someone there, and a note to reapply.",
            classes="step-text",
            markup=False,
        )
        typed = self.typed_for(Step.BRIDGE)
        bridge = typed if isinstance(typed, BridgeStep) else None
        contacts = self.search.contacts_for(self.application)
        chosen = bridge.contact_id if bridge is not None else None
        # People who interviewed you are offered beside the contacts you have there; one chosen is added.
        options: list[tuple[str, uuid.UUID | str]] = [
            (f"{c.name} — {c.company}" if c.company else c.name, c.id) for c in contacts
        ]
        options += [
            (f"{person} — met at the {INTERVIEW_KIND_WORDS[interview.kind]}", person)
            for person, interview in self.interviewers.items()
        ]
        yield self.field_row(
            "Contact",
            Select(
                options,
                value=chosen if chosen in {c.id for c in contacts} else Select.NULL,
                prompt="nobody there yet" if not options else "choose one, or type a new name below",
                id="contact",
                compact=True,
                disabled=not options,
            ),
        )
        yield self.field_row(
            "New contact",
            Input(
                bridge.contact_name if bridge is not None else "",
                id="contact-name",
                placeholder="e.g. the recruiter or the hiring manager",
                compact=True,
            ),
        )
        remind = bridge.remind_text if bridge is not None else f"{self.search.settings.bridge_days} days"
        yield self.field_row(
            "Remind me in",
            Input(remind, id="remind", placeholder="90 days, 3 months, 2026-09-01", compact=True),
        )
        yield Static("", id="bridge-note", classes="step-note", markup=False)
        reapply = bridge.reapply_after is not None if bridge is not None else True
        yield self.field_row(
            "Reapply",
            Tick(f"reapply later: from {describe_day(self.reapply_after)}", reapply, id="reapply", compact=True),
        )

    def recovery_step(self) -> ComposeResult:
        rejected = self.application.moved_to(self.application.stage)
        rejected_on = rejected.day if rejected is not None else self.today
        yield Static(
            describe_recovery(rejected_on, self.today, self.search.settings.recovery_days),
            classes="step-text",
            markup=False,
        )
        yield Static(f"Your wins ({len(self.search.wins)})", classes="step-heading")
        yield Static(describe_wins(self.search.wins_newest_first, WINS_SHOWN), id="recovery-wins")
        yield Static(describe_support(self.search.contacts), classes="step-support", markup=False)

    def on_mount(self) -> None:
        super().on_mount()
        self.show_step(self.step, self.problem)
        self.describe_bridge()

    # Moving between steps ---------------------------------------------------------------------

    def show_step(self, step: Step, problem: str = "") -> None:
        self.step = step
        self.furthest = max(self.furthest, step)
        self.closing_warned = False
        self.query_one("#steps", ContentSwitcher).current = self.step_id(step)
        self.query_one("#step-indicator", Static).update(f"Step {step.value} of {len(Step)} · {step.title}")
        booked = step is Step.REACH and self.ahead and not self.cancel_saved
        self.query_one(".form-hint", Static).update(BOOKED_HINT if booked else STEP_HINTS[step])
        self.show_problem(problem)
        if step is Step.SKILLS:
            answer = self.query_one("#answer", Input).value.strip() or self.application.feedback
            said = self.query_one("#skills-feedback", Static)
            said.update(f"They said: {answer}" if answer else "")
            said.display = bool(answer)
        focus = {
            Step.REACH: "#reason",
            Step.FEEDBACK: "#answer",
            Step.SKILLS: "#skills",
            Step.BRIDGE: "#contact" if not self.query_one("#contact", Select).disabled else "#contact-name",
        }
        if step in focus:
            self.query_one(focus[step]).focus()
        else:
            self.set_focus(None)
        self.refresh_bindings()

    def show_problem(self, problem: str) -> None:
        shown = self.query_one("#form-problem", Static)
        shown.update(problem)
        shown.display = bool(problem)

    def back_to(self, typed: RejectionStep, problem: str) -> None:
        """A step's save failed: show it again, as typed, with why."""
        if isinstance(typed, CancelStep):
            self.show_cancelled(False)
        else:
            self.outcomes.pop(typed.step, None)
            self.saved.pop(typed.step, None)
        self.show_step(typed.step, problem)

    def go_on(self) -> None:
        following = Step(min(max(self.step + 1, self.furthest), Step.RECOVERY))
        self.show_step(following)

    def action_back(self) -> None:
        """Back one step, as it was left: what was saved there stays saved, and saving again updates it."""
        self.furthest = Step(self.step - 1)  # from there, enter goes on one step at a time again
        self.show_step(self.furthest)

    def show_cancelled(self, cancelled: bool) -> None:
        """The interviews ahead are called off (or their cancelling failed): the tick says so."""
        self.cancel_saved = cancelled
        for tick in self.query("#cancel-ahead").results(Tick):
            tick.label = f"cancelled: {self.booked}" if cancelled else f"cancel {self.booked}"
            tick.disabled = cancelled

    def on_descendant_focus(self) -> None:
        self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        in_text_area = isinstance(self.focused, TextArea)
        if action == "submit":
            # Inside a text box enter starts a new line; ctrl+s goes on from there.
            return super().check_action(action, parameters) and not in_text_area and self.step is not Step.RECOVERY
        if action == "save_step":
            return in_text_area
        if action == "finish":
            return self.step is Step.RECOVERY
        if action == "skip":
            return self.step is not Step.RECOVERY
        if action == "back":
            return self.step is not Step.REACH and not any(select.expanded for select in self.query(Select))
        if action == "copy_draft":
            return self.step is Step.FEEDBACK
        return True

    def action_submit(self) -> None:
        """Save the step (when there is something to save) and go on."""
        for error in self.query(".field-error"):
            error.remove_class("-shown")
        self.show_problem("")
        step = self.step
        typed = self.read_step()
        if typed is None and self.query(".field-error.-shown"):
            first_wrong = next(iter(self.query(".field-error.-shown")))
            if first_wrong.id is not None:
                self.query_one(f"#{first_wrong.id.removesuffix('-error')}").focus()
            return
        self.cancel_if_ticked()
        if typed is not None and typed == self.saved.get(step):
            pass  # back on a step already saved, unchanged: nothing to save again
        elif typed is not None:
            self.outcomes[step] = "saved"
            self.saved[step] = typed
            self.save_step(self, typed)
        else:
            self.outcomes.setdefault(step, "skipped")
        self.go_on()

    def action_save_step(self) -> None:
        self.action_submit()

    def action_skip(self) -> None:
        """Skip the step; interviews still booked are cancelled all the same unless unticked: yes is the default."""
        self.cancel_if_ticked()
        self.outcomes.setdefault(self.step, "skipped")
        self.go_on()

    def cancel_if_ticked(self) -> None:
        """Leaving the first step: call off the interviews still booked when the tick says so (it does at first)."""
        if self.cancel_pending():
            self.show_cancelled(True)
            self.save_step(self, CancelStep(self.application, self.booked))

    def action_finish(self) -> None:
        self.close()

    def action_cancel(self) -> None:
        """Escape closes; typing not yet saved on this step is only left behind on a second escape."""
        if not self.closing_warned and (problem := self.closing_problem()):
            self.closing_warned = True
            self.show_problem(problem)
            return
        self.close()

    def closing_problem(self) -> str:
        """What closing now would leave undone on this step, said once before escape closes; or ''."""
        if self.cancel_pending():
            it, is_ = ("it", "is") if len(self.ahead) == 1 else ("them", "are")
            booked = f"{self.booked[0].upper()}{self.booked[1:]}"
            return f"{booked} {is_} still booked: enter cancels {it} and goes on; escape again closes and keeps {it}."
        if unsaved := self.unsaved_typing():
            return f"{unsaved} is not saved: enter saves it and goes on; escape again closes without it."
        return ""

    def cancel_pending(self) -> bool:
        """On the first step, the interviews still booked are ticked to be cancelled, and are not yet."""
        if self.step is not Step.REACH or not self.ahead or self.cancel_saved:
            return False
        return self.query_one("#cancel-ahead", Tick).value

    def action_copy_draft(self) -> None:
        self.app.copy_to_clipboard(self.query_one("#draft", TextArea).text)
        self.app.notify("Copied: paste it into your email")

    def close(self) -> None:
        self.app.notify(self.summary(), title="After the no")
        self.dismiss(None)

    def summary(self) -> str:
        """What was kept, and which steps were left for another day."""
        skipped = [step for step in Step if step is not Step.RECOVERY and self.outcomes.get(step) != "saved"]
        if not skipped:
            return "Every step done. Well handled: the next yes is closer."
        words = ", ".join(f"{step.value} ({step.title.lower()})" for step in skipped)
        saved = "What you saved stays saved; " if any(o == "saved" for o in self.outcomes.values()) else ""
        return f"{saved}skipped: {words}."

    def unsaved_typing(self) -> str:
        """Which typing on the current step would be left behind by closing now, or ''."""
        if self.step is Step.FEEDBACK and self.query_one("#answer", Input).value.strip() != self.application.feedback:
            return "Their answer"
        if self.step is Step.SKILLS and self.query_one("#skills", TextArea).text.strip():
            return "What you typed"
        if self.step is Step.BRIDGE and self.query_one("#contact-name", Input).value.strip():
            return "The new contact"
        return ""

    # Reading each step -------------------------------------------------------------------------

    def read_step(self) -> RejectionStep | None:
        """The current step as typed, ready to save; None when there is nothing to save or it is wrong."""
        readers = {
            Step.REACH: self.read_reason,
            Step.FEEDBACK: self.read_feedback,
            Step.SKILLS: self.read_skills,
            Step.BRIDGE: self.read_bridge,
        }
        reader = readers.get(self.step)
        return reader() if reader is not None else None

    def read_reason(self) -> ReasonStep | None:
        """The reason chosen; None, and no reason kept, when none is."""
        option = self.query_one("#reason", OptionList).highlighted_option
        if option is None or option.id is None:
            return None
        return ReasonStep(self.application, RejectionReason(option.id))

    def read_feedback(self) -> FeedbackStep | None:
        answer = self.read_text("answer", max_length(Application, "feedback"))
        if not answer or answer == self.application.feedback:
            return None  # no answer yet, or the one kept already
        return FeedbackStep(self.application, answer)

    def read_skills(self) -> SkillsStep | None:
        typed = self.query_one("#skills", TextArea).text
        skills = tuple(line.strip() for line in typed.splitlines() if line.strip())
        limit = max_length(LearningGoal, "text")
        for number, skill in enumerate(skills, 1):
            if problem := too_long(skill, limit):
                self.explain("skills", f"skill {number}: {problem}")
                return None
        return SkillsStep(self.application, skills, typed) if skills else None

    def read_bridge(self) -> BridgeStep | None:
        chosen = self.query_one("#contact", Select).value
        contact = next((c for c in self.search.contacts if c.id == chosen), None)
        interviewer = chosen if isinstance(chosen, str) and chosen in self.interviewers else ""
        name = self.read_text("contact-name", max_length(Contact, "name"))
        if name is None:
            return None
        if (contact is not None or interviewer) and name:
            picked = contact.name if contact is not None else interviewer
            self.explain("contact-name", f"{picked} is chosen above: clear this, or the choice")
            return None
        name = name or interviewer[: max_length(Contact, "name")]
        remind_text = self.query_one("#remind", Input).value.strip()
        remind_on = None
        if contact is not None or name:
            try:
                remind_on = parse_until(remind_text, self.today)
            except DateParseError as error:
                self.explain("remind", str(error).replace("snooze until", "be reminded on"))
                return None
        reapply_after = self.reapply_after if self.query_one("#reapply", Tick).value else None
        if contact is None and not name and reapply_after is None:
            return None  # nothing to keep
        return BridgeStep(
            application=self.application,
            contact_id=contact.id if contact is not None else None,
            contact_name=name,
            remind_on=remind_on,
            remind_text=remind_text,
            reapply_after=reapply_after,
            named=contact.name if contact is not None else name,
        )

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id == "remind":
            self.describe_bridge()

    def describe_bridge(self) -> None:
        """Say, as it is typed, the day the reminder would come."""
        note = self.query_one("#bridge-note", Static)
        try:
            day = parse_until(self.query_one("#remind", Input).value, self.today)
        except DateParseError:
            note.update("When? 90 days, 3 months, next monday or a date such as 2026-09-01.")
            return
        note.update(f"A reminder on {describe_day(day)}, in Today's actions.")
