"""A draft note, filled in and editable, to copy into an email: nextyes never sends anything itself."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Static, TextArea

from tui.app.commands import Scope, bindings
from tui.app.screens.modal import Modal
from tui.core.drafts import UNSIGNED, Draft, DraftKind

DRAFT_NAMES = {
    DraftKind.FOLLOW_UP: "Follow-up",
    DraftKind.THANK_YOU: "Thank-you note",
    DraftKind.FEEDBACK: "Feedback request",
}


class DraftScreen(Modal[None]):
    """The draft in an editor; ctrl+o copies it as edited, escape closes it."""

    BINDINGS = [Binding("escape", "close", "Close", show=True), *bindings(Scope.DRAFT)]
    SCOPE = Scope.DRAFT  # the palette offers this scope's commands while it is open
    AUTO_FOCUS = "#draft-text"

    def __init__(self, draft: Draft, about: str) -> None:
        super().__init__()
        self.draft = draft
        self.about = about  # "Acme — Backend Engineer"

    def compose(self) -> ComposeResult:
        with Vertical(classes="sheet", id="draft-sheet") as body:
            body.border_title = Text(f"{DRAFT_NAMES[self.draft.kind]} draft: {self.about}")
            body.border_subtitle = "ctrl+o copies · escape closes"
            yield Static(self.note(), classes="sheet-note", markup=False)
            yield TextArea(self.draft.text, id="draft-text", soft_wrap=True, show_line_numbers=False)

    def note(self) -> str:
        note = (
            "nextyes never sends it: edit it here, copy it with ctrl+o (as in the flow after a no), "
            "and send it yourself."
        )
        if UNSIGNED in self.draft.body:
            note += f" To sign it, replace {UNSIGNED} (nextyes settings --your-name does it for good)."
        return note

    @property
    def text(self) -> str:
        return self.query_one("#draft-text", TextArea).text

    def action_copy_draft(self) -> None:
        self.app.copy_to_clipboard(self.text)
        self.notify("Copied: paste it into your email, read it once more, and send it.")

    def action_close(self) -> None:
        self.dismiss(None)
