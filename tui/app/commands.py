"""Every command the dashboard offers, declared once; key bindings, help and the palette read it."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from textual.binding import Binding


class Scope(StrEnum):
    """Where a command's key works."""

    ANYWHERE = "Anywhere on the dashboard"
    ACTIONS = "In Today's actions"
    REFLECTION = "In the Reflection"


@dataclass(frozen=True)
class Command:
    """One thing a person can do: the key for it, what it is called, and the app action it runs."""

    action: str  # the app's `action_<name>`
    key: str  # Textual key names, comma-separated
    key_display: str  # how help and the footer show the key
    label: str  # the footer's short word
    title: str  # the palette's and help screen's name for it
    description: str
    scope: Scope = Scope.ANYWHERE
    in_footer: bool = True


COMMANDS: tuple[Command, ...] = (
    Command(
        "add_application", "a", "a", "Add", "Add an application",
        "One you sent; it counts for its day",
    ),
    Command(
        "log_activity", "l", "l", "Log", "Log an activity",
        "Networked, followed up, learned… it all counts",
    ),
    Command(
        "complete_action", "space,enter", "space/enter", "Done", "Mark the highlighted action done",
        "A follow-up is logged at once",
        scope=Scope.ACTIONS,
    ),
    Command(
        "move_stage", "s", "s", "Stage", "Change an application's stage",
        "The highlighted pending one (enter there too)",
    ),
    Command(
        "focus_reflection", "r", "r", "Reflect", "Go to the reflection",
        "A few lines in answer to today's prompt",
    ),
    Command(
        "save_reflection", "ctrl+s", "ctrl+s", "Save", "Save the reflection",
        "Keep what you wrote for today",
        scope=Scope.REFLECTION,
    ),
    Command(
        "leave_reflection", "escape", "escape", "Back", "Leave the reflection",
        "Back to the actions and the letter keys",
        scope=Scope.REFLECTION,
    ),
    Command(
        "plan_rest", "R", "R", "Rest", "Plan a rest day",
        "A day off that keeps your streak; on a planned one, cancels it",
    ),
    Command(
        "show_progress", "p", "p", "Progress", "Progress & rewards",
        "Streak, freezes, the weekly goal, the calendar and rewards earned",
    ),
    Command("show_help", "question_mark", "?", "Help", "Show the keys", "This list of every key"),
    Command("quit", "q", "q", "Quit", "Quit nextyes", "Everything is already saved"),
)

# Keys Textual itself provides: listed in help so that it names every key.
NAVIGATION: tuple[tuple[str, str], ...] = (
    ("tab/shift+tab", "Next or previous panel, or field in a form"),
    ("↑/↓", "Move within a list or table"),
    ("ctrl+p", "The command palette: every command by name"),
    ("enter", "In a form: save it, from any field"),
    ("escape", "Close a form, Progress or this help; nothing is saved"),
)


def bindings(scope: Scope) -> list[Binding]:
    """Key bindings for the commands that work in `scope`; each runs the app's action wherever it is bound."""
    return [
        Binding(
            command.key,
            f"app.{command.action}",
            command.label,
            show=command.in_footer,
            key_display=command.key_display,
            tooltip=command.description,
        )
        for command in COMMANDS
        if command.scope is scope
    ]
