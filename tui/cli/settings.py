"""`settings`: show your settings, or change them. Its options are made from the `Settings` model's fields.

Each field is an option named after it (`rollover_hour`, `--rollover-hour`), helped by the field's description
with its limits and default after it; the model, not the parser, judges what is typed.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from enum import StrEnum
from typing import Annotated, Any, get_args, get_origin

from annotated_types import Ge, Le, MultipleOf
from pydantic.fields import FieldInfo

from tui.cli.common import BadInput, Commands
from tui.clock import is_zone
from tui.core.models import Record, Settings
from tui.core.streaks import format_points, points_word
from tui.core.words import count
from tui.recording import Recorder

# The settings that give each kind or tier its own number are typed KEY=VALUE, once per key. The model cannot
# say what a key is called, nor what to say when a value is not a number.
KEYED = {
    "points": ("kind", "the worth must be a number such as 1 or 0.5"),
    "reconnect_days": ("tier", "the days must be a whole number such as 30"),
}
SETTINGS = {name: field for name, field in Settings.model_fields.items() if name not in Record.model_fields}


def register(commands: Commands) -> None:
    """Add `settings`, with one option for each setting."""
    parser = commands.add("settings", _settings, help="show or change your settings")
    for name, field in SETTINGS.items():
        flag = _flag(name)
        if name in KEYED:
            keys, _ = _keys_and_values(field)
            noun, _ = KEYED[name]
            key, value = next(iter(field.get_default(call_default_factory=True).items()))
            parser.add_argument(
                flag,
                action="append",
                metavar=f"{noun.upper()}=N",
                default=[],
                help=f"{field.description}, e.g. {key}={value:g} ({noun}s: {', '.join(keys)})",
            )
        elif field.annotation is str:
            parser.add_argument(flag, metavar="TEXT", help=field.description)
        else:
            number = int if field.annotation is int else float
            parser.add_argument(flag, type=number, metavar="N", help=f"{field.description} ({_limits(field)})")


def _flag(name: str) -> str:
    return f"--{name.replace('_', '-')}"


def _limits(field: FieldInfo) -> str:
    """'0-12; default 4', or '0.5-20 in steps of 0.5; default 1'."""
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
    changes = {
        name: getattr(options, name) for name in SETTINGS if name not in KEYED and getattr(options, name) is not None
    }
    if changes.get("timezone") and not is_zone(changes["timezone"]):
        raise BadInput(f"unknown time zone {changes['timezone']!r}; use an IANA name such as Europe/Berlin")
    current = recorder.store.load().settings
    for name, (noun, refusal) in KEYED.items():
        if getattr(options, name):
            keys, read = _keys_and_values(SETTINGS[name])
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
