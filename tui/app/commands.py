"""Every command the dashboard offers, declared once; key bindings, help and the palette read it."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from textual.binding import Binding, BindingType


class Scope(StrEnum):
    """Where a command's key works."""

    ANYWHERE = "Anywhere on the dashboard"
    ACTIONS = "In Today's actions"
    REFLECTION = "In the Reflection"
    # Screens over the dashboard: their keys run the screen's own actions (see SCREEN_COMMANDS).
    CONTACTS = "In Contacts (c)"
    INTERVIEWS = "In Interviews (v)"
    DRAFT = "In a draft (d)"
    REVIEW = "In the weekly review (W)"

    @property
    def on_dashboard(self) -> bool:
        return self in (Scope.ANYWHERE, Scope.ACTIONS, Scope.REFLECTION)


@dataclass(frozen=True)
class Command:
    """One thing a person can do: the key for it, what it is called, and the app action it runs."""

    action: str  # the app's `action_<name>`, or for a screen's scope the screen's
    key: str  # Textual key names, comma-separated
    key_display: str  # how help and the footer show the key
    label: str  # the footer's short word
    title: str  # the palette's and help screen's name for it
    description: str
    scope: Scope = Scope.ANYWHERE
    in_footer: bool = True
    priority: bool = False  # before the focused widget's own use of the key (a TextArea's bindings)


# fmt: off
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
        "Logs what it stands for at once; the daily target opens the log form",
        scope=Scope.ACTIONS,
    ),
    Command(
        "snooze_action", "z", "z", "Snooze", "Snooze the highlighted action",
        "Hide it until a day you choose: 3 days, next monday…",
        scope=Scope.ACTIONS, in_footer=False,
    ),
    Command(
        "dismiss_action", "x", "x", "Dismiss", "Dismiss the highlighted action",
        "Hide it for good; a learning goal is closed",
        scope=Scope.ACTIONS, in_footer=False,
    ),
    Command(
        "draft_action", "d", "d", "Draft", "Draft the message for the highlighted action",
        "A follow-up, thank-you or feedback request to copy and send yourself",
        scope=Scope.ACTIONS, in_footer=False,
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
        "add_win", "w", "w", "Win", "Add a win",
        "Something you did well, ideally with a number: the list to reread on a rough day",
        in_footer=False,  # the footer keeps to 80 columns; help and the palette list it
    ),
    Command(
        "plan_rest", "R", "R", "Rest", "Plan a rest day",
        "A day off that keeps your streak; on a planned one, cancels it",
    ),
    Command(
        "show_progress", "p", "p", "Progress", "Progress & rewards",
        "Streak, freezes, the weekly goal, the calendar and rewards earned",
    ),
    Command(
        "show_insights", "i", "i", "Insights", "Insights",
        "The funnel, replies, where applications end, what kinds of roles say no, activity a week",
        in_footer=False,
    ),
    Command(
        "show_review", "W", "W", "Review", "Weekly review",
        "How the week went and what next week holds; [ and ] step through the weeks",
        in_footer=False,
    ),
    Command(
        "show_contacts", "c", "c", "Contacts", "Contacts",
        "Your network, by who is due a reconnect; add, edit, log networking",
        in_footer=False,
    ),
    Command(
        "show_interviews", "v", "v", "Interviews", "Interviews for the highlighted application",
        "Schedule one, or debrief one: what was asked and how it went",
        in_footer=False,
    ),
    Command(
        "show_question_bank", "b", "b", "Questions", "Question bank",
        "The questions asked most across interviews, and the ones you rated lowest",
        in_footer=False,
    ),
    Command(
        "add_learning_goal", "g", "g", "Goal", "Add a learning goal",
        "A skill to work on; it stays in Today's actions until you dismiss it",
        in_footer=False,
    ),
    Command("show_help", "question_mark", "?", "Help", "Show the keys", "This list of every key"),
    Command("quit", "q", "q", "Quit", "Quit nextyes", "Everything is already saved"),
)
# fmt: on

# Keys that work inside one screen over the dashboard: that screen binds them to its own actions and
# offers them in the palette while it is open.
# fmt: off
SCREEN_COMMANDS: tuple[Command, ...] = (
    Command(
        "add_contact", "a", "a", "Add", "Add a contact",
        "Name, company, tier (A every 30 days, B 90, C 180) and whether they are support",
        scope=Scope.CONTACTS,
    ),
    Command(
        "edit_contact", "e", "e", "Edit", "Edit the highlighted contact",
        "The same form, filled in",
        scope=Scope.CONTACTS,
    ),
    Command(
        "log_networking", "n", "n/enter", "Log", "Log networking with the highlighted contact",
        "It counts for the day and resets their reconnect clock",
        scope=Scope.CONTACTS,
    ),
    Command(
        "schedule_interview", "a", "a", "Schedule", "Schedule an interview",
        "Day, time, round, kind and who you will meet",
        scope=Scope.INTERVIEWS,
    ),
    Command(
        "debrief_interview", "enter", "enter", "Debrief", "Debrief the highlighted interview",
        "Who you met, a rating, the questions asked, what went well, what you would change",
        scope=Scope.INTERVIEWS,
    ),
    Command(
        "previous_week", "left_square_bracket", "[", "Earlier", "The week before",
        "Review the week before the one shown",
        scope=Scope.REVIEW,
    ),
    Command(
        "next_week", "right_square_bracket", "]", "Later", "The week after",
        "Review the week after the one shown, up to this week",
        scope=Scope.REVIEW,
    ),
    Command(
        "copy_draft", "ctrl+o", "ctrl+o", "Copy", "Copy the draft",
        "To the clipboard, as edited; nextyes never sends it",
        scope=Scope.DRAFT, priority=True,
    ),
)
# fmt: on

# Keys Textual itself provides: listed in help so that it names every key.
NAVIGATION: tuple[tuple[str, str], ...] = (
    ("tab/shift+tab", "Next or previous panel, or field in a form"),
    ("↑/↓", "Move within a list or table"),
    ("ctrl+p", "The command palette: every command by name"),
    ("enter", "In a form: save it, from any field"),
    ("ctrl+s", "In a form with a box of several lines: save it from there"),
    ("escape", "Close a form, a screen such as Progress or Contacts, or this help; nothing is saved"),
)


def bindings(scope: Scope) -> list[BindingType]:
    """Key bindings for the commands that work in `scope`.

    On the dashboard each runs the app's action wherever it is bound; in a screen, the screen's own.
    """
    namespace = "app." if scope.on_dashboard else ""
    return [
        Binding(
            command.key,
            f"{namespace}{command.action}",
            command.label,
            show=command.in_footer,
            key_display=command.key_display,
            priority=command.priority,
            tooltip=command.description,
        )
        for command in (*COMMANDS, *SCREEN_COMMANDS)
        if command.scope is scope
    ]
