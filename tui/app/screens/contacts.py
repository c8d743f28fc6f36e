"""Contacts: your network, whoever is due a reconnect first; add, edit, and log networking with them."""

from __future__ import annotations

from datetime import date
from functools import partial

from rich.text import Text
from textual import on
from textual.binding import Binding
from textual.widgets import DataTable

from tui.app.commands import Scope, bindings
from tui.app.screens.contact_form import ContactDraft, ContactFormScreen, NetworkingDraft, NetworkingScreen
from tui.app.screens.records import Cell, RecordsScreen
from tui.app.state import Change, Snapshot
from tui.app.widgets.pending import describe_touch
from tui.core.actions import reconnect_due
from tui.core.days import describe_day
from tui.core.models import ActivityKind, Contact
from tui.core.pipeline import describe_due

# Support is a glyph in a column of its own, named once in the heading: a word there would not leave
# the names room on a narrow terminal.
SUPPORT = "♥"


class ContactsScreen(RecordsScreen[Contact]):
    """Every contact, most overdue reconnect first; escape, c or q closes it.

    The forms it opens return drafts; the app saves them and hands back the new snapshot.
    """

    BINDINGS = [Binding("escape,c,q", "close", "Back", show=True), *bindings(Scope.CONTACTS)]
    SCOPE = Scope.CONTACTS  # the palette offers this scope's commands while it is open
    AUTO_FOCUS = "#contacts"
    COLUMNS = ("Name", "Company", "Tier", "In touch", "Reconnect", SUPPORT)
    FLEXIBLE = {"Name": 0.55, "Company": 0.45}
    keys_text = "a add · e edit · n log networking · d delete · u undo · escape back"
    empty_text = "No contacts yet. Press a to add someone you know: a former colleague, a friend in the field."

    def __init__(self, snapshot: Snapshot) -> None:
        super().__init__(snapshot, "contacts")

    def heading(self, count: int) -> str:
        return f"Contacts ({count}) · {SUPPORT} support" if count else "Contacts (0)"

    def listed(self, snapshot: Snapshot) -> list[Contact]:
        search = snapshot.search
        due = {contact.id: reconnect_due(search, contact, search.settings) for contact in search.contacts}
        return sorted(search.contacts, key=lambda c: (due[c.id], c.name.casefold()))

    def cells(self, record: Contact, above: Contact | None, snapshot: Snapshot) -> dict[str, Cell]:
        search, today = snapshot.search, snapshot.today
        last = search.last_contacted(record)
        due = reconnect_due(search, record, search.settings)
        reconnect = describe_due(due, today)
        return {
            "Name": record.name,
            "Company": record.company,
            "Tier": record.tier.value,
            "In touch": describe_touch((today - last).days) if last is not None else "never",
            "Reconnect": Text(reconnect, style="bold") if due <= today else reconnect,
            SUPPORT: SUPPORT if record.support else "",
        }

    # Keys ----------------------------------------------------------------------------------------

    def action_add_contact(self) -> None:
        self.open_contact_form(None)

    def action_edit_contact(self) -> None:
        contact = self.highlighted
        if contact is None:
            self.notify("No contact to edit yet. Press a to add one.", severity="warning")
            return
        self.open_contact_form(contact)

    @on(DataTable.RowSelected, "#contacts")
    def action_log_networking(self) -> None:
        contact = self.highlighted
        if contact is None:
            self.notify("No contact to log networking with yet. Press a to add one.", severity="warning")
            return
        self.open_networking_form(contact)

    # Forms ---------------------------------------------------------------------------------------

    def open_contact_form(self, contact: Contact | None) -> None:
        def contact_form(draft: ContactDraft | None, problem: str) -> ContactFormScreen:
            return ContactFormScreen(self.snapshot.search.settings, contact, draft, problem)

        self.nextyes.edit(contact_form, partial(contact_saved, contact))

    def open_networking_form(self, contact: Contact) -> None:
        # Both read the search as it is when called: a failed save may reopen the form after a reload.
        def networking_form(draft: NetworkingDraft | None, problem: str) -> NetworkingScreen:
            return NetworkingScreen(contact, self.snapshot.today, draft, problem)

        def logged(draft: NetworkingDraft) -> Change:
            return networked(contact, self.snapshot.today, draft)

        self.nextyes.edit(networking_form, logged)


def contact_saved(contact: Contact | None, draft: ContactDraft) -> Change:
    """A new contact, or `contact`'s details as edited."""
    if contact is None:
        return Change(
            feedback=f"added {draft.name} to your contacts (tier {draft.tier.value})",
            record=lambda recorder: recorder.add_contact(
                draft.name,
                company=draft.company,
                tier=draft.tier,
                how_we_know=draft.how_we_know,
                support=draft.support,
                notes=draft.notes,
            ),
        )
    return Change(
        feedback=f"{draft.name}'s details",
        record=lambda recorder: recorder.update_contact(contact.id, **draft.fields),
    )


def networked(contact: Contact, today: date, draft: NetworkingDraft) -> Change:
    when = "" if draft.on == today else f" on {describe_day(draft.on, today)}"
    return Change(
        feedback=f"networking with {contact.name}{when}; their reconnect clock starts again",
        record=lambda recorder: recorder.log(
            ActivityKind.NETWORK,
            draft.note or f"in touch with {contact.name}",
            on=draft.on,
            contact_id=contact.id,
        ),
    )
