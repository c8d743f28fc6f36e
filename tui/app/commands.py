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
    # Your records (e) and the lists it opens: see, correct and delete anything recorded.
    RECORDS = "In Your records (e)"
    ACTIVITY_LOG = "In the activity log (e, l)"
    WINS = "In Wins (e, w)"
    GOALS = "In Learning goals (e, g)"
    REFLECTIONS = "In Reflections (e, r)"
    REST_DAYS = "In Rest days (e, R)"
    APPLICATIONS = "In All applications (A)"
    APPLICATION = "On an application's page (enter in All applications)"

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

    @property
    def palette_help(self) -> str:
        """The command palette's line under the title: the key that does the same, then what it does."""
        return f"key {self.key_display} · {self.description}"


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
        "paste_email", "P", "P", "Paste", "Paste an email",
        "A recruiter's email read for what it says; you correct it and confirm the change",
        in_footer=False,
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
        "The funnel, replies, where applications end, what kinds of roles say no, which résumé gets answers, "
        "offers against the ad, activity a week",
        in_footer=False,
    ),
    Command(
        "show_offers", "O", "O", "Offers", "Offers side by side",
        "Every open offer on one period and currency, the nearest answer deadline first",
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
    Command(
        "show_applications", "A", "A", "All", "All applications",
        "Closed ones too: find, filter, sort; open one for its history; edit, move or delete it",
        in_footer=False,
    ),
    Command(
        "undo", "u,ctrl+z", "u/ctrl+z", "Undo", "Undo the last change",
        "Made here or in the shell; each press goes one more step back",
        in_footer=False,
    ),
    Command(
        "redo", "ctrl+y", "ctrl+y", "Redo", "Redo what was undone",
        "Makes the change undone last again",
        in_footer=False,
    ),
    Command(
        "show_records", "e", "e", "Records", "Your records: see, correct, delete",
        "The activity log, interviews, contacts, wins, learning goals, reflections and rest days",
        in_footer=False,
    ),
    Command("show_help", "question_mark", "?", "Help", "Show the keys", "This list of every key"),
    Command(
        "quit", "q", "q", "Quit", "Quit nextyes",
        "Everything is saved as you go; a reflection not saved yet is asked about first",
    ),
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
    Command(
        "delete_record", "d", "d", "Delete", "Delete the highlighted contact",
        "Asked once first; their networking stays in your log",
        scope=Scope.CONTACTS,
    ),
    Command(
        "edit_record", "e", "e", "Edit", "Edit the highlighted interview",
        "Its day, time, round, kind, people and notes",
        scope=Scope.INTERVIEWS,
    ),
    Command(
        "cancel_interview", "c", "c", "Cancel", "Cancel the highlighted interview, or put it back",
        "A cancelled one stays listed, marked ✗, and asks for nothing more",
        scope=Scope.INTERVIEWS,
    ),
    Command(
        "delete_record", "d", "d", "Delete", "Delete the highlighted interview",
        "Asked once first; for one that never happened or was logged twice",
        scope=Scope.INTERVIEWS,
    ),
    # Your records (e): a letter opens each list, the same letter that adds one on the dashboard.
    Command(
        "show_applications", "a", "a", "Applications", "All applications",
        "Every one, closed ones too, with its history",
        scope=Scope.RECORDS,
    ),
    Command(
        "show_activity_log", "l", "l", "Log", "Activity log",
        "Everything you logged, newest day first, with its points",
        scope=Scope.RECORDS,
    ),
    Command(
        "show_all_interviews", "v", "v", "Interviews", "Every interview",
        "All applications' interviews, latest first, cancelled ones marked",
        scope=Scope.RECORDS,
    ),
    Command(
        "show_contacts", "c", "c", "Contacts", "Contacts",
        "Your network, by who is due a reconnect",
        scope=Scope.RECORDS,
    ),
    Command(
        "show_wins", "w", "w", "Wins", "Wins",
        "Your wins, newest first",
        scope=Scope.RECORDS,
    ),
    Command(
        "show_goals", "g", "g", "Goals", "Learning goals",
        "Open ones first, then those closed",
        scope=Scope.RECORDS,
    ),
    Command(
        "show_reflections", "r", "r", "Reflections", "Reflections",
        "What you wrote each day, newest first",
        scope=Scope.RECORDS,
    ),
    Command(
        "show_rest_days", "R", "R", "Rest days", "Rest days",
        "Planned and taken, the latest first",
        scope=Scope.RECORDS,
    ),
    Command(
        "edit_record", "e", "e/enter", "Edit", "Correct the highlighted activity",
        "Its kind, note, application or day",
        scope=Scope.ACTIVITY_LOG,
    ),
    Command(
        "delete_record", "d", "d", "Delete", "Delete the highlighted activity",
        "Asked once first; its points leave that day",
        scope=Scope.ACTIVITY_LOG,
    ),
    Command(
        "older_days", "left_square_bracket", "[", "Older", "Older days in the log",
        "The log shows 90 days at a time, the latest first",
        scope=Scope.ACTIVITY_LOG,
    ),
    Command(
        "newer_days", "right_square_bracket", "]", "Newer", "Newer days in the log",
        "Back towards the latest days",
        scope=Scope.ACTIVITY_LOG,
    ),
    Command(
        "edit_record", "e", "e/enter", "Edit", "Correct the highlighted win",
        "Its words, day or application",
        scope=Scope.WINS,
    ),
    Command(
        "delete_record", "d", "d", "Delete", "Delete the highlighted win",
        "Asked once first",
        scope=Scope.WINS,
    ),
    Command(
        "edit_record", "e", "e/enter", "Edit", "Correct the highlighted learning goal",
        "Its words or application",
        scope=Scope.GOALS,
    ),
    Command(
        "toggle_goal", "x", "x", "Close", "Close the highlighted goal, or reopen it",
        "A closed goal leaves Today's actions; reopened, it comes back",
        scope=Scope.GOALS,
    ),
    Command(
        "delete_record", "d", "d", "Delete", "Delete the highlighted learning goal",
        "Asked once first",
        scope=Scope.GOALS,
    ),
    Command(
        "read_reflection", "enter", "enter", "Read", "Read the highlighted reflection",
        "The prompt and all you wrote",
        scope=Scope.REFLECTIONS,
    ),
    Command(
        "edit_record", "e", "e", "Edit", "Correct the highlighted reflection",
        "The same words, to change as you like",
        scope=Scope.REFLECTIONS,
    ),
    Command(
        "delete_record", "d", "d", "Delete", "Delete the highlighted reflection",
        "Asked once first",
        scope=Scope.REFLECTIONS,
    ),
    Command(
        "edit_record", "e", "e/enter", "Edit", "Change the highlighted rest day's note",
        "Why you took it, if you like",
        scope=Scope.REST_DAYS,
    ),
    Command(
        "delete_record", "d", "d", "Cancel", "Cancel the highlighted rest day",
        "Asked once first; the day becomes an ordinary one",
        scope=Scope.REST_DAYS,
    ),
    # A list's own kind of record is added from it with the dashboard's key, and shows in it once saved.
    Command(
        "app.log_activity", "l", "l", "Log", "Log an activity",
        "It joins the log once saved",
        scope=Scope.ACTIVITY_LOG,
    ),
    Command(
        "app.add_win", "w", "w", "Win", "Add a win",
        "It joins the list once saved",
        scope=Scope.WINS,
    ),
    Command(
        "app.add_learning_goal", "g", "g", "Goal", "Add a learning goal",
        "It joins the list, and Today's actions, once saved",
        scope=Scope.GOALS,
    ),
    Command(
        "app.plan_rest", "R", "R", "Rest", "Plan a rest day",
        "It joins the list once saved",
        scope=Scope.REST_DAYS,
    ),
    # Undo and redo work in every list too: a delete there is one u away from coming back.
    *(
        Command(
            f"app.{command.action}", command.key, command.key_display, command.label, command.title,
            command.description, scope=scope, in_footer=False,
        )
        for scope in (
            Scope.CONTACTS, Scope.INTERVIEWS, Scope.ACTIVITY_LOG, Scope.WINS, Scope.GOALS, Scope.REFLECTIONS,
            Scope.REST_DAYS,
        )
        for command in COMMANDS
        if command.action in ("undo", "redo")
    ),
    Command(
        "open_application", "enter", "enter", "Open", "Open the highlighted application",
        "Every field and its history: stage moves, interviews, what was logged for it",
        scope=Scope.APPLICATIONS,
    ),
    Command(
        "find", "slash", "/", "Find", "Find applications by text",
        "Type part of a company, role, source, note or job ad; escape or enter goes back to the list",
        scope=Scope.APPLICATIONS,
    ),
    Command(
        "next_stages", "f", "f", "Stages", "Show other stages",
        "Steps through all, pending, closed, then each stage",
        scope=Scope.APPLICATIONS,
    ),
    Command(
        "next_order", "o", "o", "Order", "Sort another way",
        "Steps through last touched, applied day, company and stage",
        scope=Scope.APPLICATIONS,
    ),
    Command(
        "show_ad", "a", "a", "The ad", "The job ad",
        "Read it whole, paste it or correct it: it stays after the posting is gone",
        scope=Scope.APPLICATION,
    ),
    Command(
        "record_offer", "o", "o", "Offer", "Record an offer",
        "Amount, currency, period, its parts and the day to answer by; a new one revises the last",
        scope=Scope.APPLICATION,
    ),
    *(
        Command(
            action, key, key, label, title, description,
            scope=scope,
        )
        for scope in (Scope.APPLICATIONS, Scope.APPLICATION)
        for action, key, label, title, description in (
            ("edit_application", "e", "Edit", "Edit the application",
             "Company, role, kind, source, URL, location, applied day, résumé, salary, next step, reapply date, notes"),
            ("move_application", "s", "Stage", "Move the application's stage",
             "On the day it happened; a ghosted or rejected one reopens"),
            ("delete_application", "d", "Delete", "Delete the application",
             "Asks once, naming what goes with it; u brings it back"),
        )
    ),
    *(
        Command(
            f"app.{command.action}", command.key, command.key_display, command.label, command.title,
            command.description, scope=scope, in_footer=False,
        )
        for scope in (Scope.APPLICATIONS, Scope.APPLICATION)
        for command in COMMANDS
        if command.action in ("undo", "redo")
    ),
)
# fmt: on

# Keys Textual itself provides: listed in help so that it names every key.
NAVIGATION: tuple[tuple[str, str], ...] = (
    ("tab/shift+tab", "Between Today's actions and Pending (r goes to the reflection), or a form's fields"),
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
