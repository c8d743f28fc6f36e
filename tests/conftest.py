"""Fixtures every test shares: a fixed clock and a database in a temporary folder."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from hypothesis import settings

from tui.cli import main
from tui.recording import Recorder
from tui.store import Store

# Speed is measured by benchmarks/, not by tests: a noisy or cold machine must not fail a property
# because one example took longer than hypothesis's default 200 ms deadline.
settings.register_profile("nextyes", deadline=None, print_blob=True)
settings.load_profile("nextyes")

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


@pytest.fixture(autouse=True)
def _isolated_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("TZ", "UTC")
    monkeypatch.delenv("NEXTYES_DB", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "nextyes.json"


@pytest.fixture
def store(db_path: Path, clock: FakeClock) -> Store:
    return Store(db_path, clock)


@pytest.fixture
def recorder(store: Store, clock: FakeClock) -> Recorder:
    return Recorder(store, clock)


@pytest.fixture
def run(db_path: Path, clock: FakeClock, capsys: pytest.CaptureFixture[str]):
    """Run `nextyes ARGS --db <tmp>` in-process at the fixed clock; returns (status, stdout, stderr)."""

    def invoke(*arguments: str) -> tuple[int, str, str]:
        status = main([*arguments, "--db", str(db_path)], now=clock)
        captured = capsys.readouterr()
        return status, captured.out, captured.err

    return invoke
