"""Today's actions: one row per thing to do, with its kind in a word, open or done, and why it is due."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.content import Content
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from tui.app.commands import Scope, bindings
from tui.app.widgets.long_text import Cell, Columns
from tui.core.day_view import Action, ActionKind

if TYPE_CHECKING:
    from tui.core.search import JobSearch

OPEN_GLYPH = "○"
DONE_GLYPH = "✓"
URGENT_GLYPH = "!"  # open, and due today: an offer's answer deadline on its day

# Each kind's word, shown before the reason, so the kind reads without colour.
KIND_WORDS = {
    ActionKind.OFFER: "offer",
    ActionKind.FEEDBACK: "feedback",
    ActionKind.THANK_YOU: "thank-you",
    ActionKind.PREP: "prep",
    ActionKind.SEND: "send",
    ActionKind.FOLLOW_UP: "follow-up",
    ActionKind.GHOSTED: "ghosted?",
    ActionKind.REAPPLY: "reapply",
    ActionKind.RECONNECT: "reconnect",
    ActionKind.LEARN: "learn",
    ActionKind.DAILY_TARGET: "target",
    ActionKind.REFLECTION: "reflect",
}
DRAFT_MARK = "d: draft"  # a draft note is ready for it
GLYPH_WIDTH = 1  # the glyph's column; its text wraps beside it


def action_prompt(action: Action) -> Columns:
    """The glyph in its own column, so a title that wraps stays clear of it."""
    title = Content.styled(action.title, "dim" if action.done else "bold")
    parts: list[Content | str | tuple[str, str]] = [title, "\n", (KIND_WORDS[action.kind], "dim bold")]
    if action.draft is not None and not action.done:
        parts.append((f" · {DRAFT_MARK}", "dim bold"))
    parts.append((f" · {action.why}", "dim italic"))
    glyph = DONE_GLYPH if action.done else URGENT_GLYPH if action.urgent else OPEN_GLYPH
    return Columns(Cell(Content.styled(glyph, "bold"), GLYPH_WIDTH), Cell(Content.assemble(*parts)))


def describe_done(action: Action, search: JobSearch) -> str:
    """What marking `action` done records, in the words of the toast that follows "Saved: "."""
    application = search.application(action.application_id)
    contact = search.contact(action.contact_id)
    named = f"{application.company} — {application.role}" if application is not None else ""
    if action.kind is ActionKind.OFFER and application is not None:
        return f"answered the offer from {named}; s moves it to accepted or withdrawn"
    if action.kind is ActionKind.FOLLOW_UP and application is not None:
        return f"followed up with {named}"
    if action.kind is ActionKind.FEEDBACK and application is not None:
        return f"asked {named} for feedback; when they answer, it is worth noting what they said"
    if action.kind is ActionKind.THANK_YOU and application is not None:
        return f"thank-you note to {application.company} logged as a follow-up"
    if action.kind is ActionKind.PREP and application is not None:
        return f"prepared for {named}"
    if action.kind is ActionKind.SEND and application is not None:
        return f"sent to {named}: it is applied now, and its follow-ups count from today"
    if action.kind is ActionKind.GHOSTED and application is not None:
        return f"marked {application.company} ghosted — reopen it with s if they write back"
    if action.kind is ActionKind.REAPPLY and application is not None:
        return f"looked at what {application.company} has open; if a role fits, a adds it"
    if action.kind is ActionKind.RECONNECT and contact is not None:
        return f"back in touch with {contact.name}; their reconnect clock starts again"
    if action.kind is ActionKind.LEARN:
        return f"{action.goal}, logged as learning; x closes the goal for good"
    return action.title


def describe_already_done(action: Action) -> str:
    """Why pressing done again on a ticked action records nothing more."""
    if action.kind is ActionKind.LEARN:
        return f"Already worked on today: {action.goal}. It comes back tomorrow; x closes it."
    return f"Already done today: {action.title}. It leaves the list tomorrow."


def describe_dismissed(action: Action) -> str:
    """What dismissing `action` does, after "Saved: "."""
    if action.kind is ActionKind.LEARN:
        return f"learning goal closed: {action.goal}"
    return f"dismissed '{action.title}'; it will not come back"


class ActionsList(OptionList):
    """The actions, most pressing first; space or enter marks the highlighted one done."""

    BINDINGS = bindings(Scope.ACTIONS)

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.actions: dict[str, Action] = {}

    def show(self, actions: list[Action]) -> None:
        """Replace the rows, keeping the highlight on the same action when it is still there."""
        previous = self.highlighted_action
        self.actions = {action.key: action for action in actions}
        self.set_options(Option(action_prompt(action), id=action.key) for action in actions)
        keys = list(self.actions)
        if previous is not None and previous.key in self.actions:
            self.highlighted = keys.index(previous.key)
        elif keys:
            first_open = next((i for i, a in enumerate(actions) if not a.done), 0)
            self.highlighted = first_open

    @property
    def highlighted_action(self) -> Action | None:
        option = self.highlighted_option
        return self.actions.get(option.id) if option is not None and option.id else None
