"""The recent changes, kept inside the database file so `undo` and `redo` work the same from the app and the shell.

Each change made through a transaction is one entry: what it was in words, when, from where, and for every
record it touched the document before and after. Entries live in the file's `_history` table as two stacks:

- `done`: changes in the order they were made; the file holds each change's `after`. Undo takes the last one.
- `undone`: changes taken back, the last one taken back at the end; the file holds each one's `before`, and
  redo puts its `after` back. A new change empties it, as in every editor.

An undo or a redo is itself one locked transaction. It writes fresh `updated_at` stamps (a merge must see the
undo as the newer change) and never removes a record from the file: undoing an addition leaves a tombstone,
so a copy of the file made before the undo cannot bring the record back through a merge.

Only the most recent entries are kept (`MOST_ENTRIES`), and a change of more than `MOST_CHANGES` records (a
large import) is kept as words only: it cannot be undone step by step; the backup taken before it can.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from tui.store.migrations import HISTORY_TABLE, RECORD_TABLES

MOST_ENTRIES = 100  # entries kept on each stack
MOST_CHANGES = 500  # records one entry may hold and still be undone step by step
MOST_KEPT_CHANGES = 2000  # records all the kept entries may hold between them (a few hundred KB)

Document = dict[str, Any]


class UndoRefused(ValueError):
    """There is nothing to undo or redo, or the change cannot be taken back; the message says why."""


@dataclass(frozen=True)
class Entry:
    """One change as the history tells it."""

    summary: str
    at: datetime
    source: str
    records: int  # how many records it touched
    undoable: bool
    undone: bool  # taken back: on the redo stack


@dataclass(frozen=True)
class Touched:
    """One record an entry touched: its table, its id, and its document before and after the change."""

    table: str
    id: str
    before: Document | None  # None: the change added it
    after: Document


def entry_document(summary: str, at: datetime, source: str, touched: list[Touched]) -> Document:
    """A new entry for the `done` stack; over `MOST_CHANGES` records it keeps words only."""
    undoable = len(touched) <= MOST_CHANGES
    return {
        "summary": summary or _counted(len(touched)),
        "at": at.isoformat(),
        "source": source,
        "records": len(touched),
        "undoable": undoable,
        "changes": [_change_document(t) for t in touched] if undoable else [],
    }


def remember(raw: dict[str, Any], entry: Document) -> None:
    """Put a new change on top of `done`, empty `undone`, and let the oldest entries go."""
    state = _state(raw)
    state["done"].append(entry)
    state["undone"] = []
    _trim(state["done"])


def entries(raw: dict[str, Any]) -> list[Entry]:
    """Every kept entry, newest first: what redo would bring back first, then what undo would take back first."""
    state = _state(raw, create=False)
    undone = [_entry(doc, undone=True) for doc in state["undone"]]
    done = [_entry(doc, undone=False) for doc in reversed(state["done"])]
    return [*undone, *done]


def next_undo(raw: dict[str, Any]) -> Document:
    """The entry an undo would take back, or UndoRefused saying why there is none."""
    done = _state(raw, create=False)["done"]
    if not done:
        raise UndoRefused("there is nothing to undo")
    entry: Document = done[-1]
    if not entry.get("undoable", False):
        raise UndoRefused(
            f"the last change ({entry.get('summary', 'a change')}) touched {entry.get('records', 'too many')} "
            "records, too many to undo one by one; 'nextyes backup restore' brings back the file as it was before it"
        )
    return entry


def next_redo(raw: dict[str, Any]) -> Document:
    """The entry a redo would bring back, or UndoRefused saying why there is none."""
    undone = _state(raw, create=False)["undone"]
    if not undone:
        raise UndoRefused("there is nothing to redo")
    entry: Document = undone[-1]
    return entry


def changes(entry: Document) -> Iterator[Touched]:
    for change in entry["changes"]:
        yield Touched(change["table"], change["id"], change["before"], change["after"])


def finish_undo(raw: dict[str, Any], written: list[Touched]) -> None:
    """Move the top of `done` to `undone`, its records now holding what the undo `written`."""
    state = _state(raw)
    entry = state["done"].pop()
    state["undone"].append({**entry, "changes": [_change_document(t) for t in written]})
    _trim(state["undone"])


def finish_redo(raw: dict[str, Any], written: list[Touched]) -> None:
    """Move the top of `undone` back to `done`, its records now holding what the redo `written`."""
    state = _state(raw)
    entry = state["undone"].pop()
    state["done"].append({**entry, "changes": [_change_document(t) for t in written]})


def restamped(document: Document, at: datetime) -> Document:
    """`document` as written again at `at`: a merge must see an undo or redo as the latest change."""
    return {**document, "updated_at": at.isoformat()}


def same(current: Document | None, expected: Document) -> bool:
    """Whether the file still holds `expected`, but for the stamp an undo or a redo gives what it writes."""
    return current is not None and {**current, "updated_at": None} == {**expected, "updated_at": None}


def tombstone(document: Document, at: datetime) -> Document:
    return {**document, "updated_at": at.isoformat(), "deleted_at": at.isoformat()}


def _state(raw: dict[str, Any], *, create: bool = True) -> dict[str, list[Document]]:
    """The two stacks, made when missing (or shown empty, without `create`); anything malformed is started afresh:
    the history is a convenience, and a record's safety never depends on it."""
    table = raw.get(HISTORY_TABLE)
    if not isinstance(table, dict):
        table = {}
        if create:
            raw[HISTORY_TABLE] = table
    state = table.get("1")
    if not isinstance(state, dict) or not _well_formed(state):
        state = {"done": [], "undone": []}
        if create:
            table.clear()
            table["1"] = state
    return state


def _well_formed(state: dict[str, Any]) -> bool:
    return all(
        isinstance(state.get(name), list)
        and all(isinstance(entry, dict) and _entry_well_formed(entry) for entry in state[name])
        for name in ("done", "undone")
    )


def _entry_well_formed(entry: dict[str, Any]) -> bool:
    changes = entry.get("changes")
    return (
        isinstance(entry.get("summary"), str)
        and isinstance(entry.get("at"), str)
        and isinstance(changes, list)
        and all(
            isinstance(c, dict)
            and c.get("table") in RECORD_TABLES
            and isinstance(c.get("id"), str)
            and isinstance(c.get("after"), dict)
            and (c.get("before") is None or isinstance(c.get("before"), dict))
            for c in changes
        )
    )


def _trim(stack: list[Document]) -> None:
    while len(stack) > MOST_ENTRIES or (len(stack) > 1 and _kept_changes(stack) > MOST_KEPT_CHANGES):
        del stack[0]


def _kept_changes(stack: list[Document]) -> int:
    return sum(len(entry["changes"]) for entry in stack)


def _entry(doc: Document, *, undone: bool) -> Entry:
    try:
        at = datetime.fromisoformat(doc["at"])
    except ValueError:
        at = datetime.min
    return Entry(
        summary=doc["summary"],
        at=at,
        source=str(doc.get("source", "")),
        records=int(doc.get("records", len(doc["changes"]))),
        undoable=bool(doc.get("undoable", True)),
        undone=undone,
    )


def _change_document(touched: Touched) -> Document:
    return {"table": touched.table, "id": touched.id, "before": touched.before, "after": touched.after}


def _counted(records: int) -> str:
    return f"changed {records} record" + ("" if records == 1 else "s")
