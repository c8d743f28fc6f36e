"""`pip install .` (not editable) gives a working `nextyes` from any folder, with data/ inside the wheel."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(out), str(ROOT)],
        check=True,
        capture_output=True,
        timeout=300,
    )
    [built] = out.glob("nextyes-*.whl")
    return built


def test_wheel_ships_the_content_and_the_command(wheel: Path) -> None:
    names = zipfile.ZipFile(wheel).namelist()
    assert "tui/data/prompts.toml" in names
    assert "tui/data/demo.json" in names
    assert "tui/app/app.tcss" in names
    entry_points = next(n for n in names if n.endswith("entry_points.txt"))
    assert "nextyes = tui.cli:entry" in zipfile.ZipFile(wheel).read(entry_points).decode()


def test_installed_wheel_runs_from_another_folder(wheel: Path, tmp_path: Path) -> None:
    target = tmp_path / "site"
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target", str(target), str(wheel)],
        check=True,
        capture_output=True,
        timeout=300,
    )
    elsewhere = tmp_path / "somewhere-else"
    elsewhere.mkdir()
    environment = {**os.environ, "PYTHONPATH": str(target), "NEXTYES_DB": str(tmp_path / "db.json"), "TZ": "UTC"}
    probe = "import tui.locations as l; print(l.data_dir())"
    located = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, env=environment, cwd=elsewhere
    )
    assert located.stdout.strip() == str(target / "tui" / "data")
    result = subprocess.run(
        [sys.executable, "-m", "tui", "today"],
        capture_output=True,
        text=True,
        env=environment,
        cwd=elsewhere,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert "Write today's reflection" in result.stdout
