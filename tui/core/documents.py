"""A new activity as the database file stores it, made without the record models: the shell's quick `log`.

`Activity(...)` as pydantic writes it to JSON is the document a read validates; the quick `log` writes that same
document without loading pydantic and the models (130 ms of a 200 ms command). The journal line it goes in is
validated by the `Activity` model on every read, like every other record, and tests/core/test_documents.py
holds the two writers to the same bytes for any kind, note, moment and zone. `fits` says which activities this
writer takes; anything else is recorded the usual way.
"""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime, timedelta
from typing import Any

from tui.core.kinds import ActivityKind

NOTE_LIMIT = 2000  # models.Note
ZONE_LIMIT = 64  # Activity.timezone


def logged_summary(kind: ActivityKind, note: str) -> str:
    """What logging an activity did, in words, as the history tells it: 'logged learn: SQL window functions'."""
    words = " ".join(note.split())[:60]
    return f"logged {kind.value}" + (f": {words}" if words else "")


def fits(note: str, stamp: datetime, zone: str) -> bool:
    """Whether `activity_document` writes exactly what the model would: a note and zone within their limits, and
    a moment whose offset is whole minutes (pydantic writes an offset to the minute)."""
    offset = stamp.utcoffset()
    return (
        len(note.strip()) <= NOTE_LIMIT
        and 0 < len(zone) <= ZONE_LIMIT
        and offset is not None
        and offset % timedelta(minutes=1) == timedelta(0)
    )


def activity_document(kind: ActivityKind, note: str, stamp: datetime, zone: str, day: date) -> dict[str, Any]:
    """The document of an activity of `kind` logged at `stamp` (aware) in `zone` for `day`, with `note`, as the
    file stores it: a new id, made and changed at `stamp`, its moment in UTC. Check `fits` first."""
    made = moment_text(stamp)
    return {
        "id": str(uuid.uuid4()),
        "created_at": made,
        "updated_at": made,
        "deleted_at": None,
        "kind": kind.value,
        "at": moment_text(stamp.astimezone(UTC)),
        "timezone": zone,
        "logical_day": day.isoformat(),
        "note": note.strip(),
        "application_id": None,
        "contact_id": None,
    }


def moment_text(moment: datetime) -> str:
    """An aware moment as pydantic writes it: ISO 8601, microseconds only when there are any, 'Z' for UTC."""
    offset = moment.utcoffset()
    if offset is None:
        raise ValueError("a moment without its offset")
    text = moment.replace(tzinfo=None).isoformat()
    if not offset:
        return f"{text}Z"
    sign = "-" if offset < timedelta(0) else "+"
    minutes = abs(offset) // timedelta(minutes=1)
    return f"{text}{sign}{minutes // 60:02d}:{minutes % 60:02d}"
