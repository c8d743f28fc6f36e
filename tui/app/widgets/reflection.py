"""The Reflection panel: today's prompt, a place to answer it, and whether the answer is saved."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Static, TextArea

from tui.app.commands import Scope, bindings
from tui.core.day_view import Dashboard, PromptContext

# Why today's prompt is not the everyday kind, said before it.
CONTEXT_WORDS: dict[str, str] = {
    PromptContext.REJECTION: "After a rejection",
    PromptContext.INTERVIEW: "After an interview",
    PromptContext.WEEKLY: "Weekly review",
    PromptContext.QUIET: "A quiet day",
    PromptContext.MILESTONE: "A milestone",
}


def describe_prompt(dashboard: Dashboard) -> Content:
    """Today's prompt, led by the kind of day it was chosen for when that is not an ordinary one."""
    context = CONTEXT_WORDS.get(dashboard.prompt_context)
    if context is None:
        return Content(dashboard.prompt.text)
    return Content.assemble((f"{context}: ", "bold not italic"), dashboard.prompt.text)


class ReflectionText(TextArea):
    """The answer; ctrl+s saves it, escape goes back to the actions."""

    BINDINGS = bindings(Scope.REFLECTION)


class ReflectionPanel(Vertical):
    """Holds the prompt and the answer. Text the person typed is never replaced by a reload."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.saved_text = ""  # the text as stored: anything else in the editor is unsaved work

    def compose(self) -> ComposeResult:
        yield Static("", id="reflection-prompt", markup=False)
        yield ReflectionText(
            id="reflection-text",
            soft_wrap=True,
            show_line_numbers=False,
            placeholder="Write here; r gets you here from anywhere.",
        )
        yield Static("", id="reflection-status")

    @property
    def editor(self) -> ReflectionText:
        return self.query_one(ReflectionText)

    @property
    def text(self) -> str:
        return self.editor.text

    @property
    def has_unsaved_text(self) -> bool:
        return self.text != self.saved_text

    @property
    def has_unsaved_lines(self) -> bool:
        """Typed and not saved, with something in it: what quitting must not drop without asking.

        A saved reflection emptied in the editor is not among them: leaving it keeps the saved one.
        """
        return self.has_unsaved_text and bool(self.text.strip())

    def write(self) -> None:
        """Go to the answer to write, the cursor after what is there: adding a line is the usual wish."""
        self.editor.focus()
        self.editor.move_cursor(self.editor.document.end)

    def show(self, dashboard: Dashboard) -> None:
        self.query_one("#reflection-prompt", Static).update(describe_prompt(dashboard))
        stored = dashboard.reflection_text
        if self.text != stored and not self.has_unsaved_text:
            self.editor.load_text(stored)
            self.editor.move_cursor(self.editor.document.end)
        self.saved_text = stored
        self.refresh_status()

    def refresh_status(self) -> None:
        """One line, within the panel's 28 columns at 80×24. ctrl+s works in the answer only: from
        elsewhere, r goes there first."""
        writing = self.editor.has_focus
        if self.has_unsaved_text:
            status = "✎ not saved yet: ctrl+s" if writing else "✎ not saved yet: r, ctrl+s"
        elif self.saved_text:
            status = "✓ saved"
        else:
            status = "ctrl+s saves"
        self.query_one("#reflection-status", Static).update(status)

    def on_text_area_changed(self) -> None:
        self.refresh_status()

    def on_descendant_focus(self) -> None:
        self.refresh_status()

    def on_descendant_blur(self) -> None:
        self.refresh_status()
