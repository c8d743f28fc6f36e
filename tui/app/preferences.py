"""The app's own choices on this machine, kept outside the database: the theme picked in the command palette.

They live in `settings.json` in the user's config folder for nextyes (beside the machine's name), not in the
database: a database synced to another machine does not carry this screen's look with it. The file is read
when the app starts and written when a choice changes. A file missing, unreadable or naming a theme this
Textual does not have leaves Textual's default; a folder that cannot be written only means the choice is
not remembered.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

PREFERENCES_FILE = "settings.json"
THEME = "theme"


def preferences_file() -> Path:
    """Where the app's choices are kept: the user's config folder for nextyes."""
    from platformdirs import user_config_path

    return user_config_path("nextyes", appauthor=False) / PREFERENCES_FILE


def remembered_theme() -> str | None:
    """The theme last chosen on this machine, or None when none was."""
    theme = _read().get(THEME)
    return theme if isinstance(theme, str) else None


def remember_theme(name: str) -> None:
    """Keep `name` as the theme to start with next time, with the file's other choices as they were."""
    kept = _read()
    if kept.get(THEME) != name:
        _write({**kept, THEME: name})


def _read() -> dict[str, object]:
    try:
        kept = json.loads(preferences_file().read_bytes())
    except (OSError, ValueError):
        return {}
    return kept if isinstance(kept, dict) else {}


def _write(preferences: dict[str, object]) -> None:
    file = preferences_file()
    try:
        file.parent.mkdir(parents=True, exist_ok=True)
        temporary = file.with_name(f".{file.name}.{os.getpid()}.tmp")
        temporary.write_text(json.dumps(preferences, indent=2) + "\n", encoding="utf-8")
        os.replace(temporary, file)
    except OSError:
        pass
