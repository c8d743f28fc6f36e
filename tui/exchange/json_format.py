"""The JSON export: every record, in a shape `nextyes import` will read back."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from tui.core.search import JobSearch
from tui.store import SCHEMA_VERSION

EXPORT_FORMAT = "nextyes-export"


def export_document(search: JobSearch, exported_at: datetime) -> dict[str, Any]:
    return {
        "format": EXPORT_FORMAT,
        "schema_version": SCHEMA_VERSION,
        "exported_at": exported_at.isoformat(),
        "settings": search.settings.model_dump(mode="json"),
        "applications": [a.model_dump(mode="json") for a in search.applications],
        "activities": [a.model_dump(mode="json") for a in search.activities],
        "reflections": [r.model_dump(mode="json") for r in search.reflections],
        "rest_days": [r.model_dump(mode="json") for r in search.rest_days],
    }


def export_json(search: JobSearch, exported_at: datetime) -> str:
    return json.dumps(export_document(search, exported_at), ensure_ascii=False, indent=2) + "\n"
