"""The schema version this nextyes writes, and the chain of pure steps that brings an older file up to it.

Each step is a dict -> dict function that never changes its input: the copy kept before an upgrade, and a
caller's own read, must stay as they were. Every past schema has a fixture in tests/store/fixtures/ that
must still open.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

SCHEMA_VERSION = 6
META_TABLE = "_meta"
HISTORY_TABLE = "_history"  # the recent changes, for undo and redo: not records, never part of a search
# The tables of records, named without their models (tables.py pairs each with its model): what the history
# and the journal check a change's table against without loading the models.
RECORD_TABLES = frozenset(
    {
        "applications",
        "activities",
        "reflections",
        "settings",
        "rest_days",
        "interviews",
        "contacts",
        "learning_goals",
        "wins",
        "action_marks",
    }
)

Raw = dict[str, Any]


def _add_rest_days(raw: Raw) -> Raw:
    """Schema 2 adds planned rest days; settings gained fields that all have defaults."""
    return {**raw, "rest_days": raw.get("rest_days", {})}


def _add_pipeline_tables(raw: Raw) -> Raw:
    """Schema 3 adds interviews, contacts, learning goals, wins and marks on today's actions.

    Applications, activities, stage moves and settings gained fields that all have defaults.
    """
    added = ("interviews", "contacts", "learning_goals", "wins", "action_marks")
    return {**raw, **{name: raw.get(name, {}) for name in added}}


def _add_import_fields(raw: Raw) -> Raw:
    """Schema 4 marks stage moves imported without a day, and caps reconnects a day; both have defaults.

    Nothing on disk changes shape, but an older nextyes would refuse the new fields, so the version moves on.
    """
    return dict(raw)


def _add_tombstones_and_history(raw: Raw) -> Raw:
    """Schema 5 keeps deleted records as tombstones (`deleted_at`), marks interviews cancelled, and keeps the
    recent changes that `undo` can take back, in a table of its own; the record fields have defaults."""
    return {**raw, HISTORY_TABLE: raw.get(HISTORY_TABLE, {})}


def _add_resume_ad_and_offers(raw: Raw) -> Raw:
    """Schema 6 keeps with each application the résumé version sent, the job ad, the salary advertised and
    asked, and its offers; every new field has a default, so no document changes shape.

    An older nextyes would refuse the new fields, so the version moves on.
    """
    return dict(raw)


# MIGRATIONS[n] turns a schema-n file into a schema-(n+1) file.
MIGRATIONS: dict[int, Callable[[Raw], Raw]] = {
    1: _add_rest_days,
    2: _add_pipeline_tables,
    3: _add_import_fields,
    4: _add_tombstones_and_history,
    5: _add_resume_ad_and_offers,
}


def schema_version(raw: Raw) -> int | None:
    """The version a parsed file says it was written as, or None when it says nothing usable."""
    first = next(iter(raw[META_TABLE].values()), None)
    version = first.get("schema_version") if isinstance(first, dict) else None
    if isinstance(version, int) and not isinstance(version, bool) and version >= 1:
        return version
    return None


def upgrade(raw: Raw, version: int) -> Raw:
    """`raw`, written as schema `version`, run through every step up to this nextyes's schema.

    Looks `SCHEMA_VERSION` up when called, so a test can pretend this nextyes knows one schema more.
    """
    while version < SCHEMA_VERSION:
        raw = MIGRATIONS[version](raw)
        version += 1
        raw[META_TABLE] = {"1": {"schema_version": version}}
    return raw


def migrate(raw: Raw) -> Raw:
    """A parsed database file at this nextyes's schema (unchanged when it is already there)."""
    return upgrade(raw, schema_version(raw) or SCHEMA_VERSION)
