"""This machine's name, kept outside the database: it names the machine in reports, and is never synced."""

from __future__ import annotations

import os
import re
import secrets
import socket
from pathlib import Path

MACHINE_ENV = "NEXTYES_MACHINE"  # overrides the kept name (tests, or a person who wants another)
MACHINE_FILE = "machine"
MOST_LENGTH = 64


def machine_name() -> str:
    """NEXTYES_MACHINE when set; else the name kept in the user's config folder, made once from the host name
    and a short random part ("laptop-3f9a") so two machines called alike are still told apart.

    When the config folder cannot be written the name is still given, made afresh: reports need one.
    """
    given = _cleaned(os.environ.get(MACHINE_ENV, ""))
    if given:
        return given
    path = machine_file()
    try:
        kept = _cleaned(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError):
        kept = ""
    if kept:
        return kept
    made = f"{_cleaned(socket.gethostname()) or 'machine'}-{secrets.token_hex(2)}"
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(path, "x", encoding="utf-8") as file:  # made once: another process may have been first
            file.write(made + "\n")
    except FileExistsError:
        return _cleaned(path.read_text(encoding="utf-8")) or made
    except OSError:
        pass
    return made


def machine_file() -> Path:
    """Where this machine's name is kept: the user's config folder for nextyes, never beside the database."""
    from platformdirs import user_config_path

    return user_config_path("nextyes", appauthor=False) / MACHINE_FILE


def _cleaned(text: str) -> str:
    """One short line of letters, digits, dots, dashes and underscores: safe in a file name and a report."""
    return re.sub(r"[^A-Za-z0-9._-]+", "-", text.strip())[:MOST_LENGTH].strip("-.")
