"""`settings`: show your settings, or change them. Its options are the `Settings` model's fields.

Each field is an option named after it (`rollover_hour`, `--rollover-hour`), helped by the field's description
with its limits and default after it; the model, not the parser, judges what is typed. The options are read
from `OPTIONS`, a table of what the model says (`options_of_the_model`), so that `settings --help` and shell
completion need no pydantic; a test holds the two equal.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from enum import StrEnum
from typing import TYPE_CHECKING, Annotated, Any, get_args, get_origin

from tui.cli.common import BadInput, Commands, Parser
from tui.core.words import count

if TYPE_CHECKING:
    from pydantic.fields import FieldInfo

    from tui.recording import Recorder

# The settings that give each kind or tier its own number are typed KEY=VALUE, once per key. The model cannot
# say what a key is called, nor what to say when a value is not a number.
KEYED = {
    "points": ("kind", "the worth must be a number such as 1 or 0.5"),
    "reconnect_days": ("tier", "the days must be a whole number such as 30"),
}

# Each setting as an option, in the model's order: what it takes ("int", "float", "text", or the key of a KEYED
# one) and its help. This is what `options_of_the_model()` returns: when a field changes, paste that here.
OPTIONS: dict[str, tuple[str, str]] = {
    "daily_target": ("float", "points that make a day count (0.5-20 in steps of 0.5; default 1)"),
    "points": (
        "kind",
        "what an activity of each kind is worth, e.g. apply=1 (kinds: apply, follow-up, network, interview, "
        "learn, prep, reflect, other)",
    ),
    "rollover_hour": (
        "int",
        "the hour a new day starts; the night before it counts for the day before (0-12; default 4)",
    ),
    "rest_days_per_week": ("int", "planned rest days allowed a week, Monday to Sunday (0-7; default 2)"),
    "recovery_days": (
        "int",
        "days after a rejection that keep your streak alive without anything logged (0-7; default 2)",
    ),
    "weekly_applications": ("int", "weekly goal: applications (0-100; default 5)"),
    "weekly_networking": ("int", "weekly goal: networking (0-100; default 2)"),
    "weekly_learning": ("int", "weekly goal: learning (0-100; default 1)"),
    "follow_up_days": ("int", "days without a reply before a follow-up (1-90; default 7)"),
    "max_follow_ups": ("int", "follow-ups suggested per application (0-5; default 2)"),
    "ghosted_after_days": ("int", "silent days before suggesting an application is ghosted (7-365; default 30)"),
    "timezone": ("text", "IANA time zone such as Europe/Berlin ('' for the system's)"),
    "thank_you_days": ("int", "days after an interview that a thank-you note is still timely (0-7; default 1)"),
    "prep_days": ("int", "days before an interview to prepare for it (0-14; default 1)"),
    "feedback_days": ("int", "days after a rejection that asking for feedback is suggested (0-14; default 2)"),
    "reconnect_days": ("tier", "how often to reconnect with a contact, in days, e.g. A=30 (tiers: A, B, C)"),
    "bridge_days": ("int", "after a no: days until reconnecting with the contact kept there (1-730; default 90)"),
    "reapply_months": (
        "int",
        "adding a company that said no or went silent within this many months shows how it ended (0-36; default 6)",
    ),
    "your_name": ("text", "signs your drafts ('' to leave them unsigned)"),
    "reconnects_per_day": (
        "int",
        "at most this many contacts to reconnect with a day, most overdue first (1-50; default 3)",
    ),
    "ghosted_per_day": (
        "int",
        "at most this many silent applications offered as ghosted a day, most silent first (1-50; default 3)",
    ),
}


def register(commands: Commands) -> None:
    """Add `settings`, with one option for each setting."""
    commands.add("settings", _settings, help="show or change your settings", arguments=_settings_arguments)


def _settings_arguments(parser: Parser) -> None:
    for name, (takes, help) in OPTIONS.items():
        flag = _flag(name)
        if takes in ("int", "float"):
            parser.add_argument(flag, type=int if takes == "int" else float, metavar="N", help=help)
        elif takes == "text":
            parser.add_argument(flag, metavar="TEXT", help=help)
        else:
            parser.add_argument(flag, action="append", metavar=f"{takes.upper()}=N", default=[], help=help)


def options_of_the_model() -> dict[str, tuple[str, str]]:
    """`OPTIONS` as the `Settings` model says it: every field but the ones every record has, in its order."""
    options = {}
    for name, field in _settings_fields().items():
        if name in KEYED:
            keys, _ = _keys_and_values(field)
            noun, _ = KEYED[name]
            key, value = next(iter(field.get_default(call_default_factory=True).items()))
            options[name] = (noun, f"{field.description}, e.g. {key}={value:g} ({noun}s: {', '.join(keys)})")
        elif field.annotation is str:
            options[name] = ("text", field.description or "")
        else:
            number = "int" if field.annotation is int else "float"
            options[name] = (number, f"{field.description} ({_limits(field)})")
    return options


def _settings_fields() -> dict[str, FieldInfo]:
    from tui.core.models import Record, Settings

    return {name: field for name, field in Settings.model_fields.items() if name not in Record.model_fields}


def _flag(name: str) -> str:
    return f"--{name.replace('_', '-')}"


def _limits(field: FieldInfo) -> str:
    """'0-12; default 4', or '0.5-20 in steps of 0.5; default 1'."""
    from annotated_types import Ge, Le, MultipleOf

    constraints: dict[type, Any] = {type(constraint): constraint for constraint in field.metadata}
    low, high = constraints[Ge].ge, constraints[Le].le
    step = constraints.get(MultipleOf)
    steps = f" in steps of {step.multiple_of:g}" if step is not None else ""
    return f"{low:g}-{high:g}{steps}; default {field.default:g}"


def _keys_and_values(field: FieldInfo) -> tuple[type[StrEnum], Callable[[str], Any]]:
    """`dict[Tier, Annotated[int, ...]]` to `(Tier, int)`: the keys, and how to read a typed value."""
    keys, values = get_args(field.annotation)
    return keys, get_args(values)[0] if get_origin(values) is Annotated else values


def _settings(recorder: Recorder, options: argparse.Namespace) -> int:
    from tui.clock import is_zone
    from tui.core.streaks import format_points, points_word

    fields = _settings_fields()
    changes = {
        name: getattr(options, name) for name in fields if name not in KEYED and getattr(options, name) is not None
    }
    if changes.get("timezone") and not is_zone(changes["timezone"]):
        raise BadInput(f"unknown time zone {changes['timezone']!r}; use an IANA name such as Europe/Berlin")
    current = recorder.store.load().settings
    for name, (noun, refusal) in KEYED.items():
        if getattr(options, name):
            keys, read = _keys_and_values(fields[name])
            assigned = _assigned(_flag(name), getattr(options, name), keys, noun, read, refusal)
            changes[name] = {**getattr(current, name), **assigned}
    settings = recorder.update_settings(**changes) if changes else current
    used = recorder.zone(settings).key  # a setting or TZ naming no zone is said on standard error, once
    if not settings.timezone:
        zone = f"{used} (the system's)"
    elif is_zone(settings.timezone):
        zone = settings.timezone
    else:
        zone = f"{used} (the system's: the setting {settings.timezone!r} names no time zone)"
    worth = ", ".join(f"{kind.value} {format_points(value)}" for kind, value in settings.points.items())
    reconnect = ", ".join(f"{tier.value} {count(days, 'day')}" for tier, days in settings.reconnect_days.items())
    name = settings.your_name or "not set: drafts are signed [your name]"
    print(
        f"daily target:       {points_word(settings.daily_target)}\n"
        f"points:             {worth}\n"
        f"rollover hour:      {settings.rollover_hour:02d}:00\n"
        f"rest days per week: {settings.rest_days_per_week}\n"
        f"recovery days:      {settings.recovery_days}\n"
        f"weekly goal:        {settings.weekly_applications} applications, "
        f"{settings.weekly_networking} networking, {settings.weekly_learning} learning\n"
        f"follow-up days:     {settings.follow_up_days}\n"
        f"max follow-ups:     {settings.max_follow_ups}\n"
        f"ghosted after:      {count(settings.ghosted_after_days, 'day')} without a reply, "
        f"at most {settings.ghosted_per_day} offered a day\n"
        f"thank-you days:     {settings.thank_you_days}\n"
        f"prep days:          {settings.prep_days}\n"
        f"feedback days:      {settings.feedback_days}\n"
        f"reconnect every:    {reconnect}, at most {settings.reconnects_per_day} a day\n"
        f"bridge days:        {settings.bridge_days}\n"
        f"reapply months:     {settings.reapply_months}\n"
        f"your name:          {name}\n"
        f"time zone:          {zone}"
    )
    return 0


def _assigned(
    option: str, assignments: list[str], keys: type[StrEnum], noun: str, read: Callable[[str], Any], refusal: str
) -> dict[StrEnum, Any]:
    """`learn=1 prep=0.5` (or `A=30`) to a mapping, or one line saying which part cannot be read."""
    names = {key.value: key for key in keys}
    assigned = {}
    for assignment in assignments:
        name, _, value = assignment.partition("=")
        key = names.get(name.strip()) or names.get(name.strip().upper())
        if key is None:
            raise BadInput(f"{option} {assignment!r}: the {noun} must be one of {', '.join(names)}")
        try:
            assigned[key] = read(value)
        except ValueError:
            raise BadInput(f"{option} {assignment!r}: {refusal}") from None
    return assigned
