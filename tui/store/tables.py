"""The database file's tables, the record model each one holds, and a new file's contents."""

from __future__ import annotations

from typing import Any

from tui.core.models import (
    ActionMark,
    Activity,
    Application,
    Contact,
    Interview,
    LearningGoal,
    Record,
    Reflection,
    RestDay,
    Settings,
    Win,
)
from tui.store import migrations
from tui.store.migrations import HISTORY_TABLE, META_TABLE

TABLES: dict[str, type[Record]] = {
    "applications": Application,
    "activities": Activity,
    "reflections": Reflection,
    "settings": Settings,
    "rest_days": RestDay,
    "interviews": Interview,
    "contacts": Contact,
    "learning_goals": LearningGoal,
    "wins": Win,
    "action_marks": ActionMark,
}
TABLE_OF = {model: name for name, model in TABLES.items()}


def empty() -> dict[str, Any]:
    """What a database that does not exist yet reads as: every table, no records, this schema."""
    return {
        META_TABLE: {"1": {"schema_version": migrations.SCHEMA_VERSION}},
        **{name: {} for name in TABLES},
        HISTORY_TABLE: {},
    }
