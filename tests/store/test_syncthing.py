"""A real Syncthing: two instances on 127.0.0.1 share one folder, both machines change the database, and nextyes
merges the conflict copy Syncthing leaves with nothing lost. Skipped where the `syncthing` program is missing."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.support.clock import FakeClock
from tui.store import Store
from tui.store.conflicts import absorb_conflict_copies, find_conflict_copies

pytestmark = [
    pytest.mark.slow,
    pytest.mark.serial,
    pytest.mark.skipif(
        shutil.which("syncthing") is None,
        reason="the syncthing program is not installed (Debian: apt-get install -y syncthing)",
    ),
]

PATIENCE = 120.0  # seconds for Syncthing to sync or to make its conflict copy, on a loaded machine
# What each machine keeps for itself: its lock, journal and backups never travel (the README's .stignore lines).
STIGNORE = "nextyes.json.lock\nnextyes.json.journal\nnextyes.json.backups\n"


@dataclass
class Instance:
    name: str
    home: Path
    folder: Path
    port: int
    device: str = ""
    process: subprocess.Popen[bytes] | None = None

    @property
    def db(self) -> Path:
        return self.folder / "nextyes.json"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _config(me: Instance, other: Instance) -> str:
    def device(instance: Instance, address: str) -> str:
        return (
            f'<device id="{instance.device}" name="{instance.name}" compression="metadata" introducer="false">'
            f"<address>{address}</address><autoAcceptFolders>false</autoAcceptFolders></device>"
        )

    return f"""<configuration version="36">
    <folder id="nextyes" label="nextyes" path="{me.folder}" type="sendreceive" rescanIntervalS="1"
            fsWatcherEnabled="false" fsWatcherDelayS="1" ignorePerms="false" autoNormalize="true">
        <device id="{me.device}"></device>
        <device id="{other.device}"></device>
        <minDiskFree unit="%">0</minDiskFree>
        <maxConflicts>10</maxConflicts>
    </folder>
    {device(me, "dynamic")}
    {device(other, f"tcp://127.0.0.1:{other.port}")}
    <gui enabled="false" tls="false"><address>127.0.0.1:{_free_port()}</address></gui>
    <options>
        <listenAddress>tcp://127.0.0.1:{me.port}</listenAddress>
        <globalAnnounceEnabled>false</globalAnnounceEnabled>
        <localAnnounceEnabled>false</localAnnounceEnabled>
        <relaysEnabled>false</relaysEnabled>
        <natEnabled>false</natEnabled>
        <startBrowser>false</startBrowser>
        <urAccepted>-1</urAccepted>
        <crashReportingEnabled>false</crashReportingEnabled>
        <autoUpgradeIntervalH>0</autoUpgradeIntervalH>
        <minHomeDiskFree unit="%">0</minHomeDiskFree>
        <announceLANAddresses>false</announceLANAddresses>
    </options>
</configuration>
"""


def _environment(tmp_path: Path) -> dict[str, str]:
    return {
        **os.environ,
        "HOME": str(tmp_path / "home"),  # nothing of Syncthing's lands in the real home
        "STNODEFAULTFOLDER": "1",
        "STNOUPGRADE": "1",
        "NEXTYES_MACHINE": "test",
        "PYTHONPATH": str(Path(__file__).resolve().parents[2]),
    }


def _start(instance: Instance, env: dict[str, str]) -> None:
    log = open(instance.home / "syncthing.log", "ab")  # noqa: SIM115 - closed with the process
    instance.process = subprocess.Popen(
        ["syncthing", "serve", f"--home={instance.home}", "--no-browser", "--no-restart"],
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )


def _stop(instance: Instance) -> None:
    if instance.process is not None and instance.process.poll() is None:
        instance.process.terminate()
        try:
            instance.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            instance.process.kill()
            instance.process.wait(timeout=20)
    instance.process = None


def _wait(what: str, done, instances: list[Instance]) -> None:
    deadline = time.monotonic() + PATIENCE
    while time.monotonic() < deadline:
        if done():
            return
        time.sleep(0.5)
    logs = "\n".join((i.home / "syncthing.log").read_text(errors="replace")[-2000:] for i in instances)
    pytest.fail(f"Syncthing did not {what} within {PATIENCE:.0f} s; its logs end:\n{logs}")


def _nextyes(db: Path, env: dict[str, str], *arguments: str) -> None:
    command = [sys.executable, "-m", "tui", *arguments, "--db", str(db)]
    done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, (arguments, done.stdout, done.stderr)


def _fold(db: Path) -> None:
    """A whole write, the journal folded in: what Syncthing carries is the file itself."""
    with Store(db, FakeClock()).transaction():
        pass


@pytest.fixture
def pair(tmp_path: Path) -> Iterator[tuple[Instance, Instance, dict[str, str]]]:
    env = _environment(tmp_path)
    (tmp_path / "home").mkdir()
    laptop = Instance("laptop", tmp_path / "laptop-config", tmp_path / "laptop-Sync", _free_port())
    desktop = Instance("desktop", tmp_path / "desktop-config", tmp_path / "desktop-Sync", _free_port())
    for instance in (laptop, desktop):
        instance.folder.mkdir()
        (instance.folder / ".stfolder").mkdir()
        (instance.folder / ".stignore").write_text(STIGNORE)
        generated = subprocess.run(
            ["syncthing", "generate", f"--home={instance.home}", "--no-default-folder", "--skip-port-probing"],
            env=env,
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert generated.returncode == 0, generated.stderr
        shown = subprocess.run(
            ["syncthing", f"--home={instance.home}", "--device-id"], env=env, capture_output=True, text=True, timeout=60
        )
        instance.device = shown.stdout.strip()
        assert len(instance.device) == 63, shown
    (laptop.home / "config.xml").write_text(_config(laptop, desktop))
    (desktop.home / "config.xml").write_text(_config(desktop, laptop))
    try:
        yield laptop, desktop, env
    finally:
        _stop(laptop)
        _stop(desktop)


def test_changes_made_on_two_machines_at_once_come_together_through_syncthings_conflict_copy(pair) -> None:
    laptop, desktop, env = pair
    _nextyes(laptop.db, env, "add", "Hooli", "Site Reliability Engineer")
    _fold(laptop.db)

    # The database reaches the desktop, as on the day the second machine was set up.
    _start(laptop, env)
    _start(desktop, env)
    _wait(
        "copy the database to the second machine",
        lambda: desktop.db.exists() and desktop.db.read_bytes() == laptop.db.read_bytes(),
        [laptop, desktop],
    )
    time.sleep(3)  # both indexes exchanged: each knows the other holds this version
    _stop(laptop)
    _stop(desktop)

    # Both machines change it while they cannot see each other (a laptop on a train).
    _nextyes(laptop.db, env, "log", "learn", "SQL window functions")
    _nextyes(laptop.db, env, "add", "Initech", "Platform Engineer")
    _fold(laptop.db)
    _nextyes(desktop.db, env, "add", "Acme", "Data Engineer")
    _nextyes(desktop.db, env, "log", "network", "coffee with Dana")
    _fold(desktop.db)

    _start(laptop, env)
    _start(desktop, env)
    _wait(
        "make a conflict copy",
        lambda: (
            any(find_conflict_copies(i.db) for i in (laptop, desktop))
            and laptop.db.read_bytes() == desktop.db.read_bytes()
        ),
        [laptop, desktop],
    )
    _stop(laptop)
    _stop(desktop)

    where = laptop if find_conflict_copies(laptop.db) else desktop
    copies = find_conflict_copies(where.db)
    assert [c.tool for c in copies] == ["Syncthing"]
    assert len(copies[0].device) == 7  # the short id of the device that made the losing change

    lines = absorb_conflict_copies(Store(where.db, FakeClock()))

    assert len(lines) == 1 and lines[0].startswith("Merged ")
    search = Store(where.db, FakeClock()).load()
    assert {a.company for a in search.applications} == {"Hooli", "Initech", "Acme"}
    assert {a.note for a in search.activities} >= {"SQL window functions", "coffee with Dana"}
    assert find_conflict_copies(where.db) == []
    assert (where.folder / "nextyes.json.backups" / copies[0].path.name).is_file()
