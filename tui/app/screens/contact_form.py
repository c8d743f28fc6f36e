"""The contact forms: someone in your network, added or edited, and a networking note with one of them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from textual.app import ComposeResult
from textual.widgets import Checkbox, Input, Select

from tui.app.screens.form import FormScreen, max_length, too_long
from tui.app.widgets.choice import LetterSelect
from tui.app.widgets.tick import Tick
from tui.core.models import Activity, Contact, Settings, Tier

TEXT_LIMITS = {
    "name": max_length(Contact, "name"),
    "company": max_length(Contact, "company"),
    "how-we-know": max_length(Contact, "how_we_know"),
    "notes": max_length(Contact, "notes"),
}


@dataclass(frozen=True)
class ContactDraft:
    """A contact as typed, ready for `Recorder.add_contact` or `update_contact`."""

    name: str
    company: str
    tier: Tier
    how_we_know: str
    support: bool
    notes: str

    @property
    def fields(self) -> dict[str, object]:
        """The contact's fields as the record names them."""
        return {
            "name": self.name,
            "company": self.company,
            "tier": self.tier,
            "how_we_know": self.how_we_know,
            "support": self.support,
            "notes": self.notes,
        }


class ContactFormScreen(FormScreen[ContactDraft]):
    """Name first; the tier says how often to get back in touch."""

    AUTO_FOCUS = "#name"

    def __init__(
        self,
        settings: Settings,
        contact: Contact | None = None,
        draft: ContactDraft | None = None,
        problem: str = "",
    ) -> None:
        super().__init__(problem)
        self.settings = settings
        self.contact = contact  # the one being edited, or None for a new contact
        self.title_text = f"Edit {contact.name}" if contact is not None else "Add a contact"
        if draft is None and contact is not None:
            draft = ContactDraft(
                name=contact.name,
                company=contact.company,
                tier=contact.tier,
                how_we_know=contact.how_we_know,
                support=contact.support,
                notes=contact.notes,
            )
        self.draft = draft

    def fields(self) -> ComposeResult:
        draft = self.draft

        def text(field_id: str, typed: str, placeholder: str) -> Input:
            return Input(typed, id=field_id, placeholder=placeholder, compact=True)

        yield self.field_row("Name", text("name", draft.name if draft else "", "e.g. Dana Reyes"))
        yield self.field_row("Company", text("company", draft.company if draft else "", "e.g. Acme"))
        days = self.settings.reconnect_days
        yield self.field_row(
            "Tier",
            LetterSelect(
                [(f"{tier.value} — get back in touch every {days[tier]} days", tier) for tier in Tier],
                value=draft.tier if draft else Tier.B,
                allow_blank=False,
                id="tier",
                compact=True,
            ),
        )
        yield self.field_row(
            "How we know",
            text("how-we-know", draft.how_we_know if draft else "", "e.g. worked together at Initech"),
        )
        yield self.field_row(
            "Support",
            Tick(
                "♥ someone to call on a rough day",
                draft.support if draft else False,
                id="support",
                compact=True,
            ),
        )
        yield self.field_row("Notes", text("notes", draft.notes if draft else "", "optional"))

    def read(self) -> ContactDraft | None:
        typed = {field: self.query_one(f"#{field}", Input).value.strip() for field in TEXT_LIMITS}
        problems = {
            field: problem
            for field, limit in TEXT_LIMITS.items()
            if (problem := too_long(typed[field], limit)) is not None
        }
        if not typed["name"]:
            problems["name"] = "the name is needed"
        for field, problem in problems.items():
            self.explain(field, problem)
        if problems:
            return None
        return ContactDraft(
            name=typed["name"],
            company=typed["company"],
            tier=self.query_one("#tier", Select).value,  # type: ignore[arg-type]
            how_we_know=typed["how-we-know"],
            support=self.query_one("#support", Checkbox).value,
            notes=typed["notes"],
        )


@dataclass(frozen=True)
class NetworkingDraft:
    """Networking with one contact as typed, ready for `Recorder.log`."""

    note: str
    on: date
    on_text: str


class NetworkingScreen(FormScreen[NetworkingDraft]):
    """What you talked about and when: it counts for that day and resets their reconnect clock."""

    hint_text = "enter saves · tab next field · escape cancels"
    AUTO_FOCUS = "#note"

    def __init__(self, contact: Contact, today: date, draft: NetworkingDraft | None = None, problem: str = "") -> None:
        super().__init__(problem)
        self.contact = contact
        self.today = today
        self.draft = draft
        self.title_text = f"Log networking with {contact.name}"

    def fields(self) -> ComposeResult:
        draft = self.draft
        yield self.field_row(
            "Note",
            Input(
                draft.note if draft else "", id="note", placeholder="e.g. coffee, asked about their team", compact=True
            ),
        )
        yield self.field_row(
            "Day",
            Input(draft.on_text if draft else "today", id="day", placeholder="today, yesterday, friday", compact=True),
        )

    def read(self) -> NetworkingDraft | None:
        note = self.read_text("note", max_length(Activity, "note"))
        day = self.read_day("day", self.today, future_refused="that is in the future; log what you have done")
        if note is None or day is None:
            return None
        return NetworkingDraft(note=note, on=day, on_text=self.query_one("#day", Input).value.strip())
