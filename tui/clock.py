"""The real clock and the machine's time zone: read here, and passed everywhere else as `now`.

Which zone is used: the settings' time zone; when it is blank, the machine's (TZ, then /etc/localtime, then
UTC). A setting or a TZ that names no time zone is not used, and never silently: `choose_zone` says, in
a note, which zone is used instead. The shell prints the note once per command, the app shows it once.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

Clock = Callable[[], datetime]

ZONEINFO_FOLDER = "zoneinfo/"


@dataclass(frozen=True)
class ZoneChoice:
    """The zone to use, and a line for each name given that names no zone (what it said, what is used)."""

    zone: ZoneInfo
    notes: tuple[str, ...] = ()


def _named_by_tz(tz: str) -> str:
    """The zone name in a TZ value: 'Europe/Paris', ':Europe/Paris', or a path into a zoneinfo folder."""
    name = tz.lstrip(":")
    if name.startswith("/") and ZONEINFO_FOLDER in name:
        return name.split(ZONEINFO_FOLDER, 1)[1]
    return name


def _named_by_localtime() -> str:
    """The zone /etc/localtime links to, or '' when it is not a link into a zoneinfo folder."""
    localtime = Path("/etc/localtime")
    if localtime.is_symlink():
        target = str(localtime.resolve())
        if ZONEINFO_FOLDER in target:
            name = target.split(ZONEINFO_FOLDER, 1)[1]
            return name if is_zone(name) else ""
    return ""


def system_zone() -> ZoneChoice:
    """The machine's time zone: TZ, then /etc/localtime, else UTC; a note when TZ names no zone."""
    tz = os.environ.get("TZ", "")
    if (name := _named_by_tz(tz)) and is_zone(name):
        return ZoneChoice(ZoneInfo(name))
    fallback = _named_by_localtime()
    zone = ZoneInfo(fallback or "UTC")
    if not tz.strip(":"):
        return ZoneChoice(zone)
    used = f"{fallback} (from /etc/localtime)" if fallback else "UTC"
    return ZoneChoice(zone, (f"TZ names no time zone ({tz!r}); using {used}",))


def system_zone_name() -> str:
    """The IANA name of the machine's time zone (TZ, then /etc/localtime), or UTC when unknown."""
    return system_zone().zone.key


def choose_zone(setting: str) -> ZoneChoice:
    """The zone the settings' `timezone` means: itself when it names one, else the machine's.

    A setting that names no zone (brought in by an import or an edited file: the settings command
    refuses one) gives a note saying which zone is used instead.
    """
    if setting and is_zone(setting):
        return ZoneChoice(ZoneInfo(setting))
    system = system_zone()
    if not setting:
        return system
    note = (
        f"the time zone setting names no time zone ({setting!r}); using {system.zone.key}, the system's "
        "(nextyes settings --timezone NAME sets one)"
    )
    return ZoneChoice(system.zone, (note, *system.notes))


def is_zone(name: str) -> bool:
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, OSError):  # OSError: a name like "America" is a folder
        return False
    return True


def zone_named(name: str) -> ZoneInfo:
    """The zone `name` names, else the machine's (see `choose_zone` for the note saying so)."""
    return choose_zone(name).zone


def system_clock(zone: ZoneInfo) -> Clock:
    """A clock reading the real time in `zone`."""
    return lambda: datetime.now(zone)
