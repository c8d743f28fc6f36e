"""The job ad kept with an application: read whole, pasted or corrected in a box of its own (`a` on the
application's page). It returns the text when it was changed; the app saves it with `Recorder.edit`."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Static, TextArea

from tui.app.screens.form import FormScreen, max_length, too_long
from tui.app.state import Change
from tui.core.models import Application


def ad_kept(application: Application, text: str) -> Change:
    """The ad to save; `u` takes it back."""
    feedback = f"the ad for {application.company} — {application.role}" if text else "the ad was cleared"
    return Change(
        feedback=feedback,
        record=lambda recorder: recorder.edit(Application, application.id, ad=text),
    )


class JobAdScreen(FormScreen[str]):
    """One box for the whole ad: enter starts a new line, ctrl+s saves, escape leaves it as it was."""

    BINDINGS = [Binding("ctrl+s", "save", "Save", show=True)]
    hint_text = "ctrl+s saves · pgup/pgdn read on · escape closes, nothing saved"
    AUTO_FOCUS = "#ad"

    def __init__(self, application: Application, draft: str | None = None, problem: str = "") -> None:
        super().__init__(problem)
        self.application = application
        self.draft = draft
        self.title_text = f"The ad: {application.company} — {application.role}"

    def fields(self) -> ComposeResult:
        text = self.draft if self.draft is not None else self.application.ad
        placeholder = "No ad kept yet. Paste it here (ctrl+shift+v in most terminals), then ctrl+s."
        area = TextArea(
            text, id="ad", classes="field", soft_wrap=True, show_line_numbers=False, placeholder=placeholder
        )
        yield Vertical(
            area, Static("", id="ad-error", classes="field-error", markup=False), classes="field-box", id="ad-box"
        )

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "submit":
            return False  # enter starts a new line; ctrl+s saves
        return super().check_action(action, parameters)

    def action_save(self) -> None:
        for error in self.query(".field-error"):
            error.remove_class("-shown")
        result = self.read()
        if result is not None:
            self.dismiss(result)

    def read(self) -> str | None:
        text = self.query_one("#ad", TextArea).text.strip()
        if problem := too_long(text, max_length(Application, "ad")):
            self.explain("ad", problem)
            return None
        if text == self.application.ad.strip():
            self.app.notify("Nothing changed, so nothing was saved.")
            self.dismiss(None)
            return None
        return text
