"""Fixtures every test shares: a fixed clock and a database in a temporary folder."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import settings

from tests.support.clock import FakeClock
from tui.cli import main
from tui.recording import Recorder
from tui.store import Store

# Speed is measured by benchmarks/, not by tests: a noisy or cold machine must not fail a property
# because one example took longer than hypothesis's default 200 ms deadline.
settings.register_profile("nextyes", deadline=None, print_blob=True)
settings.load_profile("nextyes")


@pytest.fixture(autouse=True)
def _isolated_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("TZ", "UTC")
    monkeypatch.delenv("NEXTYES_DB", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg-cache"))  # the prompt's summaries
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg-config"))  # the machine's name


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


def pytest_xdist_auto_num_workers(config: pytest.Config) -> int:
    """Two workers a core for `-n auto`: a pilot test spends about half its time waiting for Textual to go
    idle (`Pilot.pause` sleeps until the process stops using the processor), and another worker's test
    runs meanwhile. Measured on 2 cores: the app's tests took 123 s with 2 workers, 76 s with 4, 71 s with 6."""
    return 2 * (os.cpu_count() or 1)
