"""The real clock and the machine's time zone: read here, and passed everywhere else as `now`."""

from __future__ import annotations

import os
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

Clock = Callable[[], datetime]


def system_zone_name() -> str:
    """The IANA name of the machine's time zone (TZ, then /etc/localtime), or UTC when unknown."""
    candidates = [os.environ.get("TZ", "").lstrip(":")]
    localtime = Path("/etc/localtime")
    if localtime.is_symlink():
        target = str(localtime.resolve())
        if "zoneinfo/" in target:
            candidates.append(target.split("zoneinfo/", 1)[1])
    for name in candidates:
        if name and is_zone(name):
            return name
    return "UTC"


def is_zone(name: str) -> bool:
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, OSError):  # OSError: a name like "America" is a folder
        return False
    return True


def zone_named(name: str) -> ZoneInfo:
    return ZoneInfo(name) if name and is_zone(name) else ZoneInfo(system_zone_name())


def system_clock(zone: ZoneInfo) -> Clock:
    """A clock reading the real time in `zone`."""
    return lambda: datetime.now(zone)
