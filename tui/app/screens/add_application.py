"""The add-application form: what was sent, to whom, when. It returns a draft; the app saves it.

Before it does, it looks for the same job tracked already (a second enter adds it anyway), and says
how an earlier application to the company ended, if it ended lately.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from textual.app import ComposeResult
from textual.widgets import Input, Select, Static

from tui.app.screens.form import FormScreen, max_length, too_long
from tui.app.widgets.choice import LetterSelect
from tui.core.days import DateParseError, describe_day, parse_day
from tui.core.models import Activity, Application, ApplicationKind
from tui.core.safety import describe_ending, describe_similar, recent_endings, similar_applications
from tui.core.search import JobSearch

# The longest text each field takes, read from the records it ends up in. The note also becomes
# the note of the day's `apply` activity, so the activity's shorter limit applies.
TEXT_LIMITS = {
    "company": max_length(Application, "company"),
    "role": max_length(Application, "role"),
    "source": max_length(Application, "source"),
    "url": max_length(Application, "url"),
    "note": max_length(Activity, "note"),
    "resume": max_length(Application, "resume"),
    "salary": max_length(Application, "salary_advertised"),
}


def sent_choices(applied_on_text: str, today: date) -> list[tuple[str, bool]]:
    """Sent or saved for later; sent says the day it counts for, the applied day as typed."""
    try:
        applied_on = parse_day(applied_on_text.strip() or "today", today)
    except DateParseError:
        applied_on = None
    if applied_on == today:
        counts = "today"
    elif applied_on is not None and applied_on < today:
        counts = f"for {describe_day(applied_on, today)}"
    else:  # a day that cannot be read, or one still to come: said beside the applied day on enter
        counts = "for the day it was sent"
    return [(f"sent: it counts {counts}", False), ("saved for later: not sent yet", True)]


@dataclass(frozen=True)
class ApplicationDraft:
    """An application as typed in the form, checked and ready for `Recorder.add_application`."""

    company: str
    role: str
    kind: ApplicationKind
    source: str
    url: str
    applied_on: date
    applied_on_text: str  # as typed, so a retry shows it as it was
    note: str
    saved: bool = False  # saved for later, not sent yet
    resume: str = ""  # the résumé version sent
    salary: str = ""  # the salary advertised, as written

    @property
    def headline(self) -> str:
        return f"{self.company} — {self.role}"


class AddApplicationScreen(FormScreen[ApplicationDraft]):
    """Company first; enter saves from any field; what was typed stays when something is wrong."""

    title_text = "Add an application"
    AUTO_FOCUS = "#company"

    def __init__(
        self, search: JobSearch, today: date, draft: ApplicationDraft | None = None, problem: str = ""
    ) -> None:
        super().__init__(problem)
        self.search = search
        self.today = today
        self.draft = draft
        # The company and role a warning about the same job was shown for: enter again adds it anyway.
        # A retry was past that warning already.
        self.warned_for = self.similar_key(draft.company, draft.role) if draft else None

    @staticmethod
    def similar_key(company: str, role: str) -> tuple[str, str]:
        return company.strip().casefold(), role.strip().casefold()

    def fields(self) -> ComposeResult:
        draft = self.draft

        def text(field_id: str, typed: str, placeholder: str = "") -> Input:
            return Input(typed, id=field_id, placeholder=placeholder, compact=True)

        yield self.field_row("Company", text("company", draft.company if draft else "", "e.g. Acme"))
        yield Static("", id="company-history", classes="field-notice", markup=False)
        yield self.field_row("Role", text("role", draft.role if draft else "", "e.g. Backend Engineer"))
        kinds = LetterSelect(
            [(kind.value, kind) for kind in ApplicationKind],
            value=draft.kind if draft else ApplicationKind.FULL_TIME,
            allow_blank=False,
            id="kind",
            compact=True,
        )
        yield self.field_row("Kind", kinds)
        yield self.field_row("Source", text("source", draft.source if draft else "", "e.g. job board, referral"))
        yield self.field_row("URL", text("url", draft.url if draft else ""))
        applied_on_text = draft.applied_on_text if draft else "today"
        yield self.field_row("Applied on", text("applied-on", applied_on_text, "today, 3 days ago, friday, 2026-03-14"))
        yield self.field_row("Note", text("note", draft.note if draft else "", "e.g. via Dana"))
        yield self.field_row("Résumé", text("resume", draft.resume if draft else "", "the version sent, e.g. data-v2"))
        yield self.field_row("Salary", text("salary", draft.salary if draft else "", "as advertised, e.g. €60–70k"))
        # Last, so the usual case (sent today) is a company, a role and enter.
        sent = LetterSelect(
            sent_choices(applied_on_text, self.today),
            value=draft.saved if draft else False,
            allow_blank=False,
            id="saved",
            compact=True,
        )
        yield self.field_row("Sent?", sent)

    def read(self) -> ApplicationDraft | None:
        typed = {field: self.query_one(f"#{field}", Input).value.strip() for field in TEXT_LIMITS}
        typed["applied-on"] = self.query_one("#applied-on", Input).value.strip()
        problems = {
            field: problem
            for field, limit in TEXT_LIMITS.items()
            if (problem := too_long(typed[field], limit)) is not None
        }
        for field in ("company", "role"):
            if not typed[field]:
                problems[field] = f"the {field} is needed"
        applied_on = None
        try:
            applied_on = parse_day(typed["applied-on"] or "today", self.today)
        except DateParseError as error:
            problems["applied-on"] = str(error)
        if applied_on is not None and applied_on > self.today:
            problems["applied-on"] = "that is in the future; an application counts once it is sent"
        for field, problem in problems.items():
            self.explain(field, problem)
        if problems or applied_on is None:
            return None
        if not self.confirmed_new(typed["company"], typed["role"]):
            return None
        return ApplicationDraft(
            company=typed["company"],
            role=typed["role"],
            kind=self.query_one("#kind", Select).value,  # type: ignore[arg-type]
            source=typed["source"],
            url=typed["url"],
            applied_on=applied_on,
            applied_on_text=typed["applied-on"],
            note=typed["note"],
            saved=bool(self.query_one("#saved", Select).value),
            resume=typed["resume"],
            salary=typed["salary"],
        )

    def confirmed_new(self, company: str, role: str) -> bool:
        """False, with the job already tracked shown beside the company, the first time enter is pressed."""
        similar = similar_applications(self.search, company, role)
        key = self.similar_key(company, role)
        if not similar or self.warned_for == key:
            return True
        self.warned_for = key
        more = f" (and {len(similar) - 1} more like it)" if len(similar) > 1 else ""
        self.explain("company", f"{describe_similar(similar[0])}{more}. Press enter again to add it anyway.")
        return False

    def on_mount(self) -> None:
        super().on_mount()
        self.describe_company()

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id == "company":
            self.describe_company()
        elif event.input.id == "applied-on":
            self.describe_sent(event.value)

    def describe_sent(self, applied_on_text: str) -> None:
        """'sent: it counts for Tue 10 Mar' follows the applied day as it is typed; the choice stays."""
        self.query_one("#saved", LetterSelect).relabel(sent_choices(applied_on_text, self.today))

    def describe_company(self) -> None:
        """How earlier applications to this company ended lately, as the name is typed: a notice, not a refusal."""
        company = self.query_one("#company", Input).value.strip()
        months = self.search.settings.reapply_months
        endings = recent_endings(self.search, company, self.today, months) if company and months else []
        notice = self.query_one("#company-history", Static)
        notice.update("\n".join(f"ℹ {describe_ending(ending, self.today)}" for ending in endings[:2]))
        notice.display = bool(endings)
