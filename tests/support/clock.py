"""The clock tests move by hand, and the fixed moment every test starts from."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

ZONE = ZoneInfo("UTC")
# A Sunday afternoon, far from any real "today": tests never depend on the date they run.
FIXED_NOW = datetime(2026, 3, 15, 14, 30, tzinfo=ZONE)


class FakeClock:
    """A clock tests move by hand."""

    def __init__(self, start: datetime = FIXED_NOW) -> None:
        self.current = start

    def __call__(self) -> datetime:
        return self.current

    def advance(self, **delta: float) -> None:
        self.current += timedelta(**delta)
