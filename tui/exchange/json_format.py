"""The JSON export: every record, in a shape `nextyes import` will read back."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from tui.core.models import Record, Settings
from tui.core.search import JobSearch
from tui.store import SCHEMA_VERSION
from tui.store.tables import TABLES

EXPORT_FORMAT = "nextyes-export"


def records_by_table(search: JobSearch) -> dict[str, tuple[Record, ...]]:
    """Every table's records but the settings, named as the database names them.

    Derived from the store's tables, so a table added there is never left out of an export or a check.
    """
    return {name: getattr(search, name) for name, model in TABLES.items() if model is not Settings}


def export_document(search: JobSearch, exported_at: datetime) -> dict[str, Any]:
    return {
        "format": EXPORT_FORMAT,
        "schema_version": SCHEMA_VERSION,
        "exported_at": exported_at.isoformat(),
        "settings": search.settings.model_dump(mode="json"),
        **{
            name: [record.model_dump(mode="json") for record in records]
            for name, records in records_by_table(search).items()
        },
    }


def export_json(search: JobSearch, exported_at: datetime) -> str:
    return json.dumps(export_document(search, exported_at), ensure_ascii=False, indent=2) + "\n"
