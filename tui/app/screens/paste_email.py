"""Paste an email (P): a recruiter's email read for what it says and which application it is about, corrected
where the reading is wrong, and handed back as the change to make once the person confirms.

Two steps in one box, so each reads whole at 80×24: first the email pasted into a text box (ctrl+s reads it),
then what nextyes understood and the phrases it relied on, with the kind, the application and, for an
invitation, the day, time and people to correct before enter confirms. The reading is `tui.core.mail`;
like every form, this one saves nothing itself (actions/mail.py makes the change).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, replace
from datetime import date, datetime
from enum import Enum
from zoneinfo import ZoneInfo

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Input, Select, Static, TextArea

from tui.app.screens.form import (
    Fields,
    FormScreen,
    application_picker,
    chosen_application,
    max_length,
    too_long,
)
from tui.app.screens.interview_form import TimeParseError, parse_time, split_people
from tui.app.widgets.choice import LetterSelect, recently_touched_first
from tui.core.days import DateParseError, describe_day, parse_day
from tui.core.local_times import NoSuchTime, local_instant
from tui.core.mail import (
    APPLICATION_MEANING,
    LONGEST_EMAIL,
    EmailKind,
    NoChange,
    Reason,
    Understanding,
    corrected,
    describe_proposal,
    propose,
    read_email,
)
from tui.core.models import Contact
from tui.core.search import JobSearch

# Each kind as the list offers it: a first letter that picks it, then what it means.
KIND_CHOICES = {
    EmailKind.REJECTION: "rejection — a no",
    EmailKind.INVITATION: "invitation — to an interview",
    EmailKind.REQUEST: "request — they ask for something",
    EmailKind.OFFER: "offer — they offer you the job",
    EmailKind.RECEIVED: "received — an automatic “we got it”",
    EmailKind.UNKNOWN: "unknown — nothing to act on",
}

PASTE_NOTE = (
    "Paste a recruiter's email, headers too if you have them. nextyes reads it here and sends nothing; "
    "nothing changes until you confirm."
)
PASTE_HINT = "ctrl+s reads it · enter starts a new line · escape closes"
READ_HINT = "enter makes the change · ctrl+b back to the email · escape closes"
NOTHING_HINT = "enter closes · ctrl+b back to the email · escape closes"


class Step(Enum):
    PASTE = "paste"
    READ = "read"


@dataclass(frozen=True)
class EmailDraft:
    """An email as pasted and read, with the person's corrections; `understanding.proposed` is the change to make.

    The `*_text` fields and the choices are kept as typed, so a save that fails opens the form again as it was.
    """

    text: str
    kind: EmailKind
    application_id: uuid.UUID | None
    day_text: str
    time_text: str
    people_text: str
    understanding: Understanding


class PasteEmailScreen(FormScreen[EmailDraft]):
    """The email pasted, then read: ctrl+s reads it, enter makes the change, ctrl+b goes back to the text."""

    BINDINGS = [
        Binding("ctrl+s", "save", "Read", show=False),
        Binding("ctrl+b", "back", "Back to the email", show=False, priority=True),
    ]
    CSS_PATH = "paste_email.tcss"
    AUTO_FOCUS = "#email"
    title_text = "Paste an email"
    hint_text = PASTE_HINT

    def __init__(
        self,
        search: JobSearch,
        today: date,
        now: datetime,
        zone: ZoneInfo,
        draft: EmailDraft | None = None,
        problem: str = "",
    ) -> None:
        super().__init__(problem)
        self.search = search
        self.today = today
        self.now = now
        self.zone = zone
        self.draft = draft
        self.offered = recently_touched_first(search)
        self.step = Step.PASTE
        self.reading: Understanding | None = None  # what the email was read as, before any correction
        self.closing_warned = False  # escape was pressed once with the email not acted on

    # Composing --------------------------------------------------------------------------------

    def fields(self) -> ComposeResult:
        with Vertical(id="paste-step"):
            yield Static(PASTE_NOTE, id="paste-note", markup=False)
            yield Vertical(
                TextArea(
                    self.draft.text if self.draft else "",
                    id="email",
                    classes="field",
                    soft_wrap=True,
                    show_line_numbers=False,
                    placeholder="From: …\nSubject: …\n\nthe email itself…",
                ),
                Static("", id="email-error", classes="field-error", markup=False),
                classes="field-box",
            )
        with Fields(id="read-step"):
            yield Static("", id="read-what", markup=False)
            yield self.field_row(
                "It says",
                LetterSelect(
                    [(words, kind) for kind, words in KIND_CHOICES.items()],
                    value=EmailKind.UNKNOWN,
                    allow_blank=False,
                    id="kind",
                    compact=True,
                ),
            )
            yield Static("", id="kind-why", classes="why", markup=False)
            yield self.field_row("About", application_picker(self.offered, None, with_stage=True))
            yield Static("", id="application-why", classes="why", markup=False)
            with Fields(id="invitation"):
                yield self.field_row("Day", Input(id="day", placeholder="2026-03-20, next friday", compact=True))
                yield self.field_row(
                    "Time", Input(id="time", placeholder=f"14:30 ({self.zone.key}); blank: none set", compact=True)
                )
                yield self.field_row("People", Input(id="people", placeholder="e.g. Dana Reyes, Sam Lee", compact=True))
            yield Static("", id="proposed", markup=False)

    def on_mount(self) -> None:
        super().on_mount()
        if self.draft is not None:  # opened again after a failed save: the reading as it was corrected
            self.show_reading(self.draft.text, self.draft)
        else:
            self.show_step(Step.PASTE)

    # The two steps ----------------------------------------------------------------------------

    def show_step(self, step: Step) -> None:
        self.step = step
        self.closing_warned = False
        self.query_one("#paste-step").display = step is Step.PASTE
        self.query_one("#read-step").display = step is Step.READ
        self.title_text = "Paste an email" if step is Step.PASTE else "Paste an email: what it says"
        self.query_one(".form-title", Static).update(self.title_text)
        self.query_one("#email" if step is Step.PASTE else "#kind").focus()
        self.describe_change()
        self.refresh_bindings()

    def show_problem(self, problem: str) -> None:
        shown = self.query_one("#form-problem", Static)
        shown.update(problem)
        shown.display = bool(problem)

    @property
    def email_text(self) -> str:
        return self.query_one("#email", TextArea).text

    def read_pasted(self) -> None:
        """ctrl+s on the email: read it, and show what it says."""
        for error in self.query(".field-error"):
            error.remove_class("-shown")
        text = self.email_text
        if not text.strip():
            self.explain("email", "paste the email first: there is nothing to read yet")
            return
        if len(text) > LONGEST_EMAIL:
            self.explain("email", f"more than {LONGEST_EMAIL:,} characters: that is not one email; paste just the one")
            return
        self.show_problem("")
        self.show_reading(text)

    def show_reading(self, text: str, draft: EmailDraft | None = None) -> None:
        """What `text` was read as, and why; the choices set as read, or as corrected in `draft`."""
        reading = read_email(text, self.search, self.now, self.zone)
        self.reading = reading
        details = reading.details
        self.query_one("#read-what", Static).update(describe_email(reading, self.today))
        self.query_one("#kind-why", Static).update(kind_reasons(reading))
        self.query_one("#application-why", Static).update(application_reasons(reading))
        kind = draft.kind if draft is not None else reading.kind
        application_id = draft.application_id if draft is not None else None
        if draft is None and reading.application is not None:
            application_id = reading.application.id
        self.query_one("#kind", Select).value = kind
        application = self.query_one("#application", Select)
        offered = {each.id for each in self.offered}
        application.value = application_id if application_id in offered else Select.NULL
        read_at = details.at.astimezone(self.zone) if details.at is not None else None
        day = read_at.date() if read_at is not None else details.day
        typed = {
            "day": draft.day_text if draft else (day.isoformat() if day is not None else ""),
            "time": draft.time_text if draft else (f"{read_at:%H:%M}" if read_at is not None else ""),
            "people": draft.people_text if draft else ", ".join(details.people),
        }
        for field, value in typed.items():
            self.query_one(f"#{field}", Input).value = value
        self.show_step(Step.READ)

    def action_back(self) -> None:
        self.show_problem("")
        self.show_step(Step.PASTE)

    # Corrections ------------------------------------------------------------------------------

    def on_select_changed(self, event: Select.Changed) -> None:
        if event.select.id in ("kind", "application"):
            self.describe_change()

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id in ("day", "time", "people"):
            self.describe_change()

    def chosen_kind(self) -> EmailKind:
        value = self.query_one("#kind", Select).value
        return value if isinstance(value, EmailKind) else EmailKind.UNKNOWN

    def understood(self) -> tuple[Understanding | None, dict[str, str]]:
        """The reading as corrected in the fields, its change proposed afresh; and what is wrong in them."""
        if self.reading is None:
            return None, {}
        search, now = self.search, self.now
        application = search.application(chosen_application(self.query_one("#application", Select)))
        fixed = corrected(self.reading, search, now, kind=self.chosen_kind(), application=application)
        if application is None:
            fixed = replace(fixed, application=None)  # "none" chosen: it is said, not guessed
        problems: dict[str, str] = {}
        if fixed.kind is EmailKind.INVITATION:
            fixed, problems = self.with_when_and_who(fixed)
        return replace(fixed, proposed=propose(fixed, search, now)), problems

    def with_when_and_who(self, understanding: Understanding) -> tuple[Understanding, dict[str, str]]:
        """An invitation with the day, time and people as typed: a time books it; with none, a reply is the step."""
        typed = {field: self.query_one(f"#{field}", Input).value.strip() for field in ("day", "time", "people")}
        problems: dict[str, str] = {}
        people = split_people(typed["people"])
        if any(too_long(name, max_length(Contact, "name")) for name in people):
            problems["people"] = "a name is too long; separate people with commas"
        details = replace(understanding.details, people=tuple(people), at=None, slots=0)
        day = None
        if typed["day"]:
            try:
                day = parse_day(typed["day"], self.today)
                details = replace(details, day=day)
            except DateParseError as error:
                problems["day"] = str(error)
        if typed["time"]:
            try:
                starts = parse_time(typed["time"])
                if day is not None:
                    details = replace(details, at=local_instant(day, starts, self.zone), day=None, slots=1)
                elif "day" not in problems:
                    problems["day"] = "which day? a date such as 2026-03-20, or next friday"
            except (TimeParseError, NoSuchTime) as error:
                problems["time"] = str(error)
        return replace(understanding, details=details), problems

    def describe_change(self) -> None:
        """The change proposed, in a sentence, as the fields now stand; the invitation's fields only for one."""
        understanding, _ = self.understood()
        if understanding is None:
            return
        self.query_one("#invitation").display = understanding.kind is EmailKind.INVITATION
        proposed = self.query_one("#proposed", Static)
        hint = self.query_one(".form-hint", Static)
        if self.step is Step.PASTE:
            hint.update(PASTE_HINT)
            return
        if isinstance(understanding.proposed, NoChange):
            proposed.update(f"Nothing to change — {understanding.proposed.why}.")
            hint.update(NOTHING_HINT)
            return
        said = describe_proposal(understanding.proposed, understanding.application, self.today, self.zone)
        which = " (say which application above)" if understanding.application is None else ""
        proposed.update(f"Proposed: {said}{which}.")
        hint.update(READ_HINT)

    # Keys -------------------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "submit" and isinstance(self.focused, TextArea):
            return False  # enter in the email starts a new line; ctrl+s reads it from there
        if action == "back":
            return self.step is Step.READ
        return super().check_action(action, parameters)

    def action_save(self) -> None:
        self.action_submit()

    def action_submit(self) -> None:
        if self.step is Step.PASTE:
            self.read_pasted()
            return
        understanding, problems = self.understood()
        if understanding is not None and not problems and isinstance(understanding.proposed, NoChange):
            self.notify(f"Nothing to save: {understanding.proposed.why}.")
            self.dismiss(None)
            return
        super().action_submit()

    def read(self) -> EmailDraft | None:
        understanding, problems = self.understood()
        if understanding is None:
            return None
        if understanding.application is None:
            problems["application"] = "which application is it about? choose it here (a letter jumps to it)"
        for field, problem in problems.items():
            self.explain(field, problem)
        if problems:
            return None
        return EmailDraft(
            text=self.email_text,
            kind=self.chosen_kind(),
            application_id=understanding.application.id if understanding.application is not None else None,
            day_text=self.query_one("#day", Input).value.strip(),
            time_text=self.query_one("#time", Input).value.strip(),
            people_text=self.query_one("#people", Input).value.strip(),
            understanding=understanding,
        )

    def action_cancel(self) -> None:
        """Escape closes, saving nothing; with an email pasted and not acted on, only at the second press."""
        if not self.closing_warned and (warning := self.closing_warning()):
            self.closing_warned = True
            self.show_problem(warning)
            return
        self.dismiss(None)

    def closing_warning(self) -> str:
        """What closing now leaves behind, said once before escape closes; or ''."""
        if not self.email_text.strip():
            return ""
        if self.step is Step.PASTE:
            return "The email is not read yet: ctrl+s reads it; escape again closes and leaves it."
        understanding, _ = self.understood()
        if understanding is None or isinstance(understanding.proposed, NoChange):
            return ""
        return "Nothing is changed yet: enter makes the change; escape again closes without it."


# What it was read as, in words ------------------------------------------------------------------------------------


def describe_email(understanding: Understanding, today: date) -> str:
    """'“Data Engineer - second round” from Dana Ruiz, Thu 12 Mar': the email the reading below is of."""
    subject = f"“{understanding.subject}”" if understanding.subject else "The email"
    sender = understanding.sender
    if "<" in sender and sender.split("<", 1)[0].strip():
        sender = sender.split("<", 1)[0].strip().strip('"')  # the name, when there is one: the address is long
    sender = f" from {sender}" if sender else ""
    sent = f", {describe_day(understanding.sent_at.date(), today)}" if understanding.sent_at is not None else ""
    return f"{subject}{sender}{sent}"


def because(reasons: tuple[Reason, ...]) -> str:
    """'because of “regret to inform”, “not be moving forward” (a no); “14 March at 10:00” (the day and time)'."""
    said: dict[str, list[str]] = {}
    for reason in reasons:
        means = reason.means.removeprefix(APPLICATION_MEANING).removeprefix("the ")  # "(company's name)": short
        said.setdefault(means, []).append(f"“{reason.phrase}”")
    return "because of " + "; ".join(f"{', '.join(phrases)} ({means})" for means, phrases in said.items())


def kind_reasons(understanding: Understanding) -> str:
    if not understanding.kind_reasons:
        return "nothing in it reads as a no, an invitation, a request or an offer"
    return because(understanding.kind_reasons)


def application_reasons(understanding: Understanding) -> str:
    if understanding.application is not None:
        return because(understanding.application_reasons)
    if understanding.candidates:
        roles = [candidate.role for candidate in understanding.candidates[:4]]
        listed = roles[0] if len(roles) == 1 else f"{', '.join(roles[:-1])} and {roles[-1]}"
        return f"it names {understanding.candidates[0].company}, where you applied as {listed}: choose which"
    return "none of your applications is named in it: choose one if it is about one"
