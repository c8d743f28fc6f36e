"""Merging another copy of the database into this one: matched by id, the later change kept, nothing lost unsaid.

The rule, record by record (`merge` is pure; `merge_file` runs it in one store transaction):

- A record only one copy holds is kept, tombstones too (so a record deleted on one machine never comes back).
- A record both hold in different versions keeps the later one by `updated_at`; at the same instant a delete
  wins over an edit, then the version whose JSON (keys sorted) sorts last, so every machine picks the same one.
- A delete is a version like any other: a tombstone newer than the other copy's edit wins (the record stays
  deleted); an edit made after the other copy's delete wins too (the record is back, as an undo brings it back),
  and both are reported.
- An application is merged finer: its stage moves are the union of both versions' moves (equal moves once,
  ordered by when they were recorded, then by day), its stage follows the latest move when the other version
  brought moves in, and every other field comes from the later version.
- Settings: the later version wins, whatever its id. The change history (`_history`) is this copy's.
- Reflections are one a day: when each copy wrote its own reflection for one day, both are kept and reported.

So the merge is commutative, associative and idempotent, record for record (document numbers aside): the later
version of each record is a maximum under one total order, and a union of moves is a union.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Any

import orjson

from tui.core.models import Application, Interview, Settings
from tui.core.records import label
from tui.core.search import JobSearch
from tui.core.words import count, record_noun
from tui.store import journal, migrations, reading
from tui.store.backups import keep_not_merged
from tui.store.errors import StoreError
from tui.store.migrations import HISTORY_TABLE, META_TABLE
from tui.store.paths import database_file
from tui.store.tables import TABLES

if TYPE_CHECKING:
    from tui.store.database import Store

Document = dict[str, Any]
Raw = dict[str, Any]

SETTINGS = "settings"
# Fields merged from both versions rather than taken from the later one; left out when versions are compared.
COMBINED_FIELDS: dict[str, frozenset[str]] = {"applications": frozenset({"stage_history", "stage"})}
MOST_NAMED = 5  # records a report names in one line; more are counted


class Outcome(Enum):
    """What the merge did with one record both copies hold in different versions, or the other copy alone holds."""

    ADDED = "new"  # only the other copy had it
    TAKEN = "newer there"  # the other copy's later version replaced this one's
    KEPT = "newer here"  # this copy's later version stays; the other's is kept in the backups folder
    COMBINED = "moves from both"  # an application's stage moves from both versions put together
    DELETED = "deleted there"  # the other copy's newer tombstone applied
    STAYED_DELETED = "deleted here"  # this copy's tombstone is newer than the other copy's edit
    BACK = "changed there after a delete here"  # the edit stands: the record is back
    CHANGED_AFTER_DELETE = "changed here after a delete there"  # this copy's edit stands


@dataclass(frozen=True)
class Change:
    """One record the merge reports: its table, id, a few words naming it, and what happened."""

    table: str
    id: str
    label: str
    outcome: Outcome


@dataclass(frozen=True)
class MergeReport:
    """What a merge brought in and decided. `changes`: documents of this copy that the merge replaced or added."""

    source: str  # the other copy, as a person knows it ("nextyes.sync-conflict-….json")
    changes: int
    records: tuple[Change, ...] = ()
    tombstones_in: int = 0  # records the other copy deleted that this copy never had: kept deleted
    same_day_reflections: tuple[str, ...] = ()  # days with a reflection from each copy, both kept
    settings: str = ""  # which settings were kept, when the copies differ
    not_kept: Path | None = None  # where the other copy's versions not kept were saved
    not_kept_documents: int = 0

    def of(self, outcome: Outcome) -> list[Change]:
        return [change for change in self.records if change.outcome is outcome]

    def added(self) -> dict[str, int]:
        """How many new records came in, by table."""
        counted: dict[str, int] = defaultdict(int)
        for change in self.of(Outcome.ADDED):
            counted[change.table] += 1
        return dict(counted)

    def lines(self, *, dry_run: bool = False) -> list[str]:
        """What came in, in words, one line a kind of outcome."""
        if self.changes:
            verb = "Would merge" if dry_run else "Merged"
            lines = [f"{verb} {count(self.changes, 'change')} from {self.source}."]
        else:
            lines = [f"Nothing to take from {self.source}: this copy holds all of it, or newer versions."]
        added = self.added()
        if added:
            listed = ", ".join(count(number, record_noun(table)) for table, number in added.items())
            lines.append(f"New: {listed}.")
        for outcome, said in (
            (Outcome.TAKEN, "Newer in the other copy, taken"),
            (Outcome.COMBINED, "Stage moves from both copies kept"),
            (Outcome.KEPT, "Newer here, kept (the other copy's version is in the backups folder)"),
            (Outcome.DELETED, "Deleted in the other copy, deleted here too"),
            (Outcome.STAYED_DELETED, "Deleted here after the other copy changed it: stays deleted"),
            (Outcome.BACK, "Deleted here, then changed in the other copy: the change stands, it is back"),
            (Outcome.CHANGED_AFTER_DELETE, "Deleted in the other copy, then changed here: the change stands"),
        ):
            if named := self.of(outcome):
                lines.append(f"{said}: {_named(named)}.")
        if self.tombstones_in:
            lines.append(f"Deleted there before it ever reached here: {count(self.tombstones_in, 'record')}.")
        for day in self.same_day_reflections:
            lines.append(f"Two reflections for {day}, one from each copy: both kept ('nextyes list reflections').")
        if self.settings:
            lines.append(f"Settings: {self.settings}.")
        if self.not_kept is not None:
            lines.append(f"The other copy's versions not kept are in {self.not_kept}.")
        if dry_run:
            lines.append("Nothing was changed (--dry-run).")
        return lines

    def as_json(self) -> dict[str, Any]:
        return {
            "source": self.source,
            "changes": self.changes,
            "added": self.added(),
            "records": [
                {"table": c.table, "id": c.id, "label": c.label, "outcome": c.outcome.name.lower()}
                for c in self.records
            ],
            "tombstones_in": self.tombstones_in,
            "same_day_reflections": list(self.same_day_reflections),
            "settings": self.settings,
            "not_kept": str(self.not_kept) if self.not_kept is not None else None,
        }


@dataclass(frozen=True)
class Merged:
    """The result of `merge`: the merged database dict, the documents of `ours` it replaces or adds, the other
    copy's versions it did not keep, and the report."""

    raw: Raw
    report: MergeReport
    put: dict[str, list[Document]] = field(default_factory=dict)  # table -> documents to write into ours
    not_kept: dict[str, list[Document]] = field(default_factory=dict)  # table -> the other copy's versions lost


def merge(ours: Raw, theirs: Raw, source: str = "the other copy") -> Merged:
    """Merge two parsed, migrated database dicts (see the module's docstring for the rule). Pure: neither changes.

    The result keeps `ours`'s document numbers, `_meta` and `_history`; records only `theirs` holds follow, in
    its order.
    """
    merged: Raw = {META_TABLE: ours.get(META_TABLE, {}), HISTORY_TABLE: ours.get(HISTORY_TABLE, {})}
    put: dict[str, list[Document]] = {}
    not_kept: dict[str, list[Document]] = {}
    findings: list[tuple[str, Document, Outcome]] = []
    tombstones_in = 0
    for name in TABLES:
        if name == SETTINGS:
            continue
        mine, other = ours.get(name, {}), theirs.get(name, {})
        other_by_id = {document["id"]: document for document in other.values()}
        table: dict[str, Document] = {}
        seen: set[str] = set()
        for number, document in mine.items():
            identity = document["id"]
            seen.add(identity)
            theirs_version = other_by_id.get(identity)
            result = document if theirs_version is None else merge_versions(name, document, theirs_version)
            table[number] = result
            if theirs_version is None or theirs_version == document:
                continue
            if result != document:
                put.setdefault(name, []).append(result)
            if result != theirs_version:
                not_kept.setdefault(name, []).append(theirs_version)
            findings.append((name, result, _outcome(document, theirs_version, result)))
        next_number = max((int(number) for number in mine), default=0) + 1
        for document in other.values():
            if document["id"] in seen:
                continue
            seen.add(document["id"])
            table[str(next_number)] = document
            next_number += 1
            put.setdefault(name, []).append(document)
            if document.get("deleted_at") is None:
                findings.append((name, document, Outcome.ADDED))
            else:
                tombstones_in += 1
        merged[name] = table
    settings, settings_said = _merge_settings(ours.get(SETTINGS, {}), theirs.get(SETTINGS, {}))
    merged[SETTINGS] = settings
    mine_settings = next(iter(ours.get(SETTINGS, {}).values()), None)
    theirs_settings = next(iter(theirs.get(SETTINGS, {}).values()), None)
    kept_settings = next(iter(settings.values()), None)
    if kept_settings is not None and kept_settings != mine_settings:
        put[SETTINGS] = [kept_settings]
    if theirs_settings is not None and kept_settings != theirs_settings:
        not_kept[SETTINGS] = [theirs_settings]
    changes = sum(len(documents) for documents in put.values())
    report = MergeReport(
        source=source,
        changes=changes,
        records=tuple(_described(findings, merged)),
        tombstones_in=tombstones_in,
        same_day_reflections=_same_day_reflections(merged, ours),
        settings=settings_said,
    )
    return Merged(raw=merged, report=report, put=put, not_kept=not_kept)


def merge_versions(table: str, ours: Document, theirs: Document) -> Document:
    """The merged version of one record both copies hold: the later one, an application's moves from both."""
    if ours == theirs:
        return ours
    later, earlier = (ours, theirs) if rank(table, ours) >= rank(table, theirs) else (theirs, ours)
    if table == "applications":
        return _with_moves_of_both(later, earlier)
    return later


def rank(table: str, document: Document) -> tuple[datetime, bool, bytes, bytes]:
    """The order versions of one record are compared in: when it was changed, a delete over an edit at the same
    instant, then the version's JSON with keys sorted (without the fields merged from both, then whole), so
    every machine picks the same version whatever order the copies come in."""
    combined = COMBINED_FIELDS.get(table, frozenset())
    compared = {key: value for key, value in document.items() if key not in combined}
    return (
        _instant(document["updated_at"]),
        document.get("deleted_at") is not None,
        _canonical(compared),
        _canonical(document),
    )


def _with_moves_of_both(later: Document, earlier: Document) -> Document:
    """`later`, its stage history the union of both versions' moves; its stage the latest move's when `earlier`
    brought moves `later` did not have."""
    own = later.get("stage_history") or []
    known = {_canonical(move) for move in own}
    brought = [move for move in earlier.get("stage_history") or [] if _canonical(move) not in known]
    if not brought:
        return later
    unique = {_canonical(move): move for move in (*own, *brought)}
    moves = sorted(unique.values(), key=lambda move: (_instant(move["at"]), move["day"], _canonical(move)))
    return {**later, "stage_history": moves, "stage": moves[-1]["stage"]}


def _merge_settings(ours: dict[str, Document], theirs: dict[str, Document]) -> tuple[dict[str, Document], str]:
    """One settings document, the later of the two copies' (ids aside); and which was kept, in words."""
    mine = next(iter(ours.values()), None)
    other = next(iter(theirs.values()), None)
    if other is None or mine == other:
        return dict(ours), ""
    if mine is None:
        return {"1": other}, "the other copy's (this one had none saved)"
    if rank(SETTINGS, mine) >= rank(SETTINGS, other):
        return dict(ours), "this copy's, changed later"
    return {next(iter(ours)): other}, "the other copy's, changed later"


def _outcome(ours: Document, theirs: Document, result: Document) -> Outcome:
    mine_deleted = ours.get("deleted_at") is not None
    theirs_deleted = theirs.get("deleted_at") is not None
    result_deleted = result.get("deleted_at") is not None
    if result_deleted and not mine_deleted:
        return Outcome.DELETED
    if result_deleted and not theirs_deleted:
        return Outcome.STAYED_DELETED
    if not result_deleted and mine_deleted:
        return Outcome.BACK
    if not result_deleted and theirs_deleted:
        return Outcome.CHANGED_AFTER_DELETE
    if result == ours:
        return Outcome.KEPT
    if result == theirs:
        return Outcome.TAKEN
    return Outcome.COMBINED


def _described(findings: list[tuple[str, Document, Outcome]], merged: Raw) -> Iterable[Change]:
    """Each finding named the way lists name records ('Hooli (Site Reliability Engineer)')."""
    for name, document, outcome in findings:
        yield Change(name, document["id"], _label(name, document, merged), outcome)


def _label(name: str, document: Document, merged: Raw) -> str:
    model = TABLES[name]
    record = model.model_validate({**document, "deleted_at": None})
    if not isinstance(record, Interview):
        return label(record, _NO_SEARCH)
    wanted = str(record.application_id)
    found = next((doc for doc in merged.get("applications", {}).values() if doc["id"] == wanted), None)
    applications = (Application.model_validate({**found, "deleted_at": None}),) if found is not None else ()
    return label(record, JobSearch(settings=_NO_SEARCH.settings, applications=applications))


def _same_day_reflections(merged: Raw, ours: Raw) -> tuple[str, ...]:
    """The days the merged copy holds two reflections or more, one of them new here: both are kept."""
    mine = {document["id"] for document in ours.get("reflections", {}).values()}
    by_day: dict[str, list[str]] = defaultdict(list)
    for document in merged.get("reflections", {}).values():
        if document.get("deleted_at") is None:
            by_day[document["day"]].append(document["id"])
    days = [day for day, ids in by_day.items() if len(ids) > 1 and any(i not in mine for i in ids)]
    return tuple(f"{datetime.fromisoformat(day):%a %d %b %Y}" for day in sorted(days))


def _named(changes: list[Change]) -> str:
    shown = ", ".join(change.label for change in changes[:MOST_NAMED])
    more = len(changes) - MOST_NAMED
    return f"{shown} and {more} more" if more > 0 else shown


def _instant(stamp: str) -> datetime:
    return datetime.fromisoformat(stamp)


def _canonical(value: Any) -> bytes:
    return orjson.dumps(value, option=orjson.OPT_SORT_KEYS)


_EPOCH = datetime.fromisoformat("2000-01-01T00:00:00+00:00")
_NO_SEARCH = JobSearch(settings=Settings(created_at=_EPOCH, updated_at=_EPOCH))  # labels need none but interviews'


# --- merging a file into the store -------------------------------------------------------------------------------


def read_other_copy(path: Path, default_settings: Callable[[], Settings]) -> Raw:
    """The other copy at `path`, parsed, migrated to this schema and validated; StoreError naming it otherwise.

    Never changes the file. A copy written by a newer nextyes is refused: merging it would drop what it knows.
    """
    try:
        raw = migrations.migrate(reading.parse(path, reading.read_file(path)))
        # A copy that is another nextyes database in use may have a journal beside it: its latest changes.
        journal.fold(raw, journal.pending(raw, journal.read(database_file(path))))
        reading.to_search(path, raw, default_settings)
    except FileNotFoundError:
        raise StoreError(path, "cannot be merged: there is no such file", "nothing was changed") from None
    except StoreError as error:
        raise type(error)(path, f"cannot be merged: it {error.problem}", "nothing was changed") from None
    return raw


def merge_file(
    store: Store, other: Path, *, dry_run: bool = False, source: str | None = None, made_from: str = "shell"
) -> MergeReport:
    """Merge the database copy at `other` into `store` in one locked transaction; what came in.

    The store keeps its daily backup before it writes; the other copy's versions the merge did not keep are
    saved in the backups folder first. A dry run reads both and writes nothing. The merge is one entry in the
    history (`made_from` says where it was made from, as the history tells it): `nextyes undo` takes it back.
    """
    theirs = read_other_copy(other, store.default_settings)
    try:
        return _merged_in(store, other, theirs, dry_run=dry_run, source=source, made_from=made_from)
    except _DryRun as dry:
        return dry.report


class _DryRun(Exception):
    """Raised out of a dry run's transaction, so the store writes nothing (not even its journal folded in)."""

    def __init__(self, report: MergeReport) -> None:
        super().__init__(report.source)
        self.report = report


def _merged_in(
    store: Store, other: Path, theirs: Raw, *, dry_run: bool, source: str | None, made_from: str
) -> MergeReport:
    with store.transaction() as tx:
        merged = merge(tx.raw, theirs, source or other.name)
        report = merged.report
        if dry_run:
            raise _DryRun(report)
        lost = sum(len(documents) for documents in merged.not_kept.values())
        if not (merged.put or lost):
            return report
        kept_at: Path | None = None
        if lost:  # before this copy changes: whatever happens next, nothing of the other copy is lost
            kept_at = keep_not_merged(store.file, _database_of(merged.not_kept), store.now(), other.name)
        for name, documents in merged.put.items():
            tx.put_documents(name, documents)
        tx.summary = f"merged {count(report.changes, 'change')} from {report.source}"
        tx.source = made_from
    return MergeReport(
        source=report.source,
        changes=report.changes,
        records=report.records,
        tombstones_in=report.tombstones_in,
        same_day_reflections=report.same_day_reflections,
        settings=report.settings,
        not_kept=kept_at,
        not_kept_documents=lost,
    )


def _database_of(documents: dict[str, list[Document]]) -> bytes:
    """A database file holding just `documents`, so `nextyes check --db` and a text editor both read it."""
    from tui.store.tables import empty

    raw = empty()
    for name, listed in documents.items():
        raw[name] = {str(number): document for number, document in enumerate(listed, start=1)}
    return orjson.dumps(raw)


def same_records(first: Raw, second: Raw) -> bool:
    """Whether two database dicts hold the same records, document numbers and history aside."""
    return by_id(first) == by_id(second)


def by_id(raw: Raw) -> dict[str, dict[str, Document]]:
    """Each table's documents by id (settings by table alone: there is one), for comparing copies."""
    result: dict[str, dict[str, Document]] = {}
    for name in TABLES:
        documents = raw.get(name, {}).values()
        result[name] = {SETTINGS if name == SETTINGS else str(uuid.UUID(d["id"])): d for d in documents}
    return result
