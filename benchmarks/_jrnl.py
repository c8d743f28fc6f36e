"""jrnl, the peer nextyes is measured against: a plain-text journal of the same work, and its commands.

jrnl is installed by `make bench` in a venv of its own (.venv-jrnl/, version pinned in the Makefile), never
among nextyes's dependencies. Its journal holds one entry per activity and per reflection of a nextyes
database, at their moments and with their words: the work a person would have typed into jrnl instead.
Each journal has its own configuration file beside it (plain text, no encryption), given with
`--config-file`, and jrnl runs with HOME and the XDG folders pointed there too: the user's own jrnl
configuration and data are never read or touched.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

VENV = Path(__file__).resolve().parent.parent / ".venv-jrnl"
TIME_FORMAT = "%Y-%m-%d %H:%M"
CONFIG = """\
colors: {{body: none, date: none, tags: none, title: none}}
default_hour: 9
default_minute: 0
editor: ''
encrypt: false
highlight: false
indent_character: '|'
journals:
  default:
    journal: {journal}
linewrap: 79
tagsymbols: '#@'
template: false
timeformat: '{time_format}'
version: '{version}'
"""


class Jrnl:
    """The jrnl program of .venv-jrnl/, and where its journals and configurations live."""

    def __init__(self, venv: Path = VENV) -> None:
        self.program = venv / "bin" / "jrnl"

    def missing(self) -> str | None:
        """Why jrnl cannot be measured here, or None when it can."""
        if not self.program.exists():
            return f"jrnl is not installed: {self.program.parent.parent.name}/ is missing (make bench makes it)"
        return None

    def version(self) -> str:
        """The installed version, as its configuration file names it ("4.6"), so jrnl never rewrites it."""
        said = subprocess.run([str(self.program), "--version"], capture_output=True, text=True, check=True).stdout
        return said.split()[1].removeprefix("v")

    def prepare(self, folder: Path, database: Path) -> int:
        """Write in `folder` a journal of the work in the nextyes `database`; returns its entries."""
        folder.mkdir(parents=True, exist_ok=True)
        entries = sorted(entries_of(json.loads(database.read_text(encoding="utf-8"))))
        lines = [f"[{at.strftime(TIME_FORMAT)}] {text}\n\n" for at, text in entries]
        (folder / "journal.txt").write_text("".join(lines), encoding="utf-8")
        return len(entries)

    def copy(self, prepared: Path, folder: Path, version: str) -> Path:
        """A fresh copy of a prepared journal in `folder`, with its configuration; returns the configuration."""
        folder.mkdir(parents=True)
        shutil.copyfile(prepared / "journal.txt", folder / "journal.txt")
        return self.configure(folder, version)

    def configure(self, folder: Path, version: str) -> Path:
        config = folder / "jrnl.yaml"
        journal = folder / "journal.txt"
        config.write_text(CONFIG.format(journal=journal, time_format=TIME_FORMAT, version=version), encoding="utf-8")
        return config

    def command(self, config: Path, *arguments: str) -> list[str]:
        return [str(self.program), "--config-file", str(config), *arguments]

    @staticmethod
    def environment(env: dict[str, str], folder: Path) -> dict[str, str]:
        """`env` with jrnl's home, configuration and data folders in `folder`, away from the user's."""
        return {**env, "HOME": str(folder), "XDG_CONFIG_HOME": str(folder), "XDG_DATA_HOME": str(folder)}


def entries_of(database: dict[str, dict[str, dict[str, object]]]) -> Iterator[tuple[datetime, str]]:
    """(moment, words) for each activity and reflection of a nextyes database file, as its JSON holds them."""
    applications = database.get("applications", {}).values()
    companies = {str(a["id"]): f"{a['company']} ({a['role']})" for a in applications}
    for activity in database.get("activities", {}).values():
        if activity.get("deleted_at"):
            continue
        words = [str(activity["kind"]), companies.get(str(activity.get("application_id")), ""), str(activity["note"])]
        yield moment(activity["at"]), ": ".join(word for word in words if word)
    for reflection in database.get("reflections", {}).values():
        if reflection.get("deleted_at"):
            continue
        yield moment(reflection["created_at"]), f"{reflection['prompt']} {reflection['text']}"


def moment(stamp: object) -> datetime:
    return datetime.fromisoformat(str(stamp).replace("Z", "+00:00"))
