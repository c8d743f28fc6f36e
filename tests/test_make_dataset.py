"""The benchmark dataset: a sound database, about a year's worth of each record, the same bytes every time."""

from __future__ import annotations

import importlib.util
import sys
from collections import Counter
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path
from types import ModuleType

import pytest

from tui.core.actions import pending_rows
from tui.core.streaks import track
from tui.store import Store

END = date(2026, 3, 15)
AT_END = datetime(2026, 3, 15, 9, 30, tzinfo=UTC)
SCRIPT = Path(__file__).parent.parent / "benchmarks" / "make_dataset.py"

# One year of heavy use, as the performance issue describes it, with room for the dice.
YEAR = {
    "applications": (700, 900),
    "activities": (3500, 4500),
    "reflections": (300, 370),
    "contacts": (130, 190),
    "interviews": (90, 150),
    "rest_days": (5, 40),
    "wins": (50, 400),
    "learning_goals": (5, 80),
    "action_marks": (300, 2000),
}


@pytest.fixture(scope="module")
def make_dataset() -> Iterator[ModuleType]:
    """The script, loaded from its file as benchmarks/performance.py loads it (benchmarks/ is not a package)."""
    spec = importlib.util.spec_from_file_location("make_dataset", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["make_dataset"] = module  # dataclasses look their module up while the class is made
    try:
        spec.loader.exec_module(module)
        yield module
    finally:
        del sys.modules["make_dataset"]


def test_a_year_opens_sound_with_a_year_of_records(make_dataset: ModuleType, tmp_path: Path) -> None:
    path = tmp_path / "year.json"
    counts = make_dataset.write_dataset(path, 1, END)
    search = Store(path, lambda: AT_END).check()
    assert counts == {name: len(getattr(search, name)) for name in YEAR}
    for name, (low, high) in YEAR.items():
        assert low <= counts[name] <= high, f"{name}: {counts[name]} not in {low}..{high}"
    assert search.settings.timezone == "UTC"
    assert min(a.logical_day for a in search.activities) >= date(2025, 3, 16)
    assert max(a.at for a in search.activities) <= AT_END
    waiting = Counter(row.stage.value for row in pending_rows(search, search.settings, END))
    assert 20 <= waiting["applied"] <= 150
    assert waiting["interviewing"] + waiting["screening"] >= 1
    assert track(search, END).current >= 30


def test_the_same_arguments_give_the_same_bytes(make_dataset: ModuleType, tmp_path: Path) -> None:
    first, second, other = tmp_path / "first.json", tmp_path / "second.json", tmp_path / "other.json"
    make_dataset.write_dataset(first, 1, END, seed=7)
    make_dataset.write_dataset(second, 1, END, seed=7)
    make_dataset.write_dataset(other, 1, END, seed=8)
    assert first.read_bytes() == second.read_bytes()
    assert first.read_bytes() != other.read_bytes()


def test_no_years_is_a_sound_database_holding_only_settings(make_dataset: ModuleType, tmp_path: Path) -> None:
    path = tmp_path / "empty.json"
    counts = make_dataset.write_dataset(path, 0, END)
    store = Store(path, lambda: AT_END)
    search = store.check()
    assert set(counts.values()) == {0}
    assert store.settings_saved()
    assert search.applications == () and search.activities == ()


def test_an_existing_database_is_refused_unless_forced(
    make_dataset: ModuleType, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "kept.json"
    path.write_text("{}", encoding="utf-8")
    with pytest.raises(FileExistsError):
        make_dataset.write_dataset(path, 0, END)
    assert make_dataset.main(["--years", "0", "--out", str(path), "--end", "2026-03-15"]) == 2
    assert capsys.readouterr().err.count("\n") == 1
    assert path.read_text(encoding="utf-8") == "{}"
    assert make_dataset.main(["--years", "0", "--out", str(path), "--end", "2026-03-15", "--force"]) == 0
    assert Store(path, lambda: AT_END).settings_saved()
