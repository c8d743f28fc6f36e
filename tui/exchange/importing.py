"""`nextyes import`: read a file from elsewhere into records, plan what is new, and add it in one transaction.

Four kinds of file are read, told apart by their content and never by their name: LinkedIn's
`Job Applications.csv` and `Connections.csv`, a CSV of applications with headers as people write them,
and a nextyes JSON export. Every row or record becomes an `Incoming` record or a `BadRow`; a file that
cannot be read at all raises `UnreadableFile`. Rows from CSV files get ids derived from what they say,
so reading the same file twice yields the same records, and `plan_import` leaves out what is already here.

Only a regular file (or a symlink to one) is read, without ever waiting on it (`tui.exchange.bounded`),
and one import reads at most `Limits`: 50,000 rows of a CSV, 100,000 records of a nextyes export, 64 MB.
A file over a limit raises `TooLarge` before a single record is made, unless the caller passes
`NO_LIMITS`. A CSV is read as a stream, twice: once to count its rows (and find any damage) with
nothing kept, then row by row into records; so memory holds the records, never the whole text.

Every cell of a CSV is read through `csv_format.as_written`, which takes off the quote the CSV export
puts before a cell a spreadsheet would run as a formula; the rule is exact both ways (see
`tui.exchange.csv_format`), and other CSV files follow the same convention when they guard their cells.
A CSV nextyes exported (its header is the export's, cell for cell) is read exactly, without trimming
spaces, so its text comes back as it was recorded.
"""

from __future__ import annotations

import codecs
import csv
import dataclasses
import re
import uuid
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from pathlib import Path
from typing import Any, TypeVar
from zoneinfo import ZoneInfo

import orjson
from pydantic import ValidationError

from tui.core.local_times import time_that_does_not_exist
from tui.core.models import Application, Contact, Record, Reflection, RestDay, Settings, Tier, Win
from tui.core.search import JobSearch
from tui.core.words import count, record_noun
from tui.exchange import bounded, csv_applications, linkedin
from tui.exchange.csv_applications import (
    EARLIEST_YEAR,
    LATEST_YEAR,
    RowContext,
    RowProblem,
    RowReader,
    normalised,
    quote,
)
from tui.exchange.csv_format import as_written, csv_header
from tui.exchange.json_format import EXPORT_FORMAT, records_by_table
from tui.store import SCHEMA_VERSION, Store
from tui.store.migrations import HISTORY_TABLE, META_TABLE, upgrade
from tui.store.tables import TABLE_OF, TABLES

ACCEPTED_FILES = (
    "nextyes imports LinkedIn's Job Applications.csv or Connections.csv, a UTF-8 CSV of applications "
    "with Company and Role columns, or a file from 'nextyes export --format json'"
)
PROGRESS_EVERY = 500  # rows
PREAMBLE_ROWS = 10  # LinkedIn's Connections.csv puts three lines of notes before its header
DELIMITERS = (",", ";", "\t")  # spreadsheets in many locales save CSV with semicolons
NOT_UTF8 = "is not UTF-8 text (a spreadsheet can save it as 'CSV UTF-8')"

# How much one import reads: several times the largest real file, so no real file comes near.
# LinkedIn lets a member have at most 30,000 connections, and ten years of applying every working day
# is about 8,000 applications; `benchmarks/make_dataset.py --years 10` (heavy use every day for ten
# years) is 73,087 records, a 35 MB export. Past these, an import takes minutes, gigabytes, and leaves
# a database every later command is slow to read.
MAX_ROWS = 50_000  # data rows of a CSV
MAX_RECORDS = 100_000  # records of a nextyes export
MAX_BYTES = 64_000_000  # bytes of either

T = TypeVar("T")


class ImportSource(StrEnum):
    LINKEDIN_APPLICATIONS = "LinkedIn job applications"
    LINKEDIN_CONNECTIONS = "LinkedIn connections"
    CSV_APPLICATIONS = "applications CSV"
    NEXTYES_JSON = "nextyes export"


class UnreadableFile(ValueError):
    """The whole file is refused. The message is one line: the file, what was wrong, what is accepted."""


class TooLarge(UnreadableFile):
    """The file is over one of the `Limits`: it would be read with `NO_LIMITS`. The message says which limit."""


@dataclass(frozen=True)
class Limits:
    """The most one import reads; None is no limit."""

    rows: int | None = MAX_ROWS
    records: int | None = MAX_RECORDS
    bytes: int | None = MAX_BYTES


NO_LIMITS = Limits(rows=None, records=None, bytes=None)


@dataclass(frozen=True)
class BadRow:
    """A row that was skipped, and why.

    `line` is the physical line of the file where the row starts (1-based; the header and LinkedIn's
    notes are lines too, and a quoted field with line breaks spans several). Records of a nextyes export
    have no useful line: they have `line` 0, and `problem` names the table and position ("activities #12: …").
    """

    line: int
    problem: str


@dataclass(frozen=True)
class Incoming:
    """A record read from the file, with the records that come with it (an application's `apply` activity)."""

    record: Record
    companions: tuple[Record, ...] = ()


@dataclass(frozen=True)
class ParsedFile:
    path: Path
    source: ImportSource
    items: tuple[Incoming, ...]
    bad_rows: tuple[BadRow, ...]
    rows: int  # data rows (or export records) read, good and bad
    settings: Settings | None = None  # from a nextyes export only


@dataclass(frozen=True)
class ImportPlan:
    """What an import adds, what it leaves alone, and the lines that say so."""

    parsed: ParsedFile
    new: tuple[Record, ...]  # records to add, companions included
    already_here: int  # incoming rows skipped because the database has them already
    settings: Settings | None  # settings to save: an export's, into a database that never saved its own
    repeated: int = 0  # incoming rows that repeat an earlier row of the same file
    advice: tuple[str, ...] = ()  # what the import means for the days ahead

    def counts(self) -> dict[str, int]:
        """How many new records per table, named as the database names them, in the database's order."""
        tally = Counter(TABLE_OF[type(record)] for record in self.new)
        return {name: tally[name] for name in TABLES if tally[name]}

    def summary(self, *, dry_run: bool) -> list[str]:
        parsed = self.parsed
        unit = "record" if parsed.source is ImportSource.NEXTYES_JSON else "row"
        lines = [f"Read {count(parsed.rows, unit)} from {parsed.path.name} ({parsed.source})."]
        counts = self.counts()
        if counts:
            lines.append(f"{'Would add' if dry_run else 'Added'} {_listed(counts)}.")
        else:
            lines.append("Nothing new to add.")
        if self.already_here:
            lines.append(f"{self.already_here:,} already here, so left alone.")
        if self.repeated:
            repeat = "an earlier one, and was" if self.repeated == 1 else "earlier ones, and were"
            lines.append(f"{count(self.repeated, unit)} repeated {repeat} counted once.")
        lines.extend(self._settings_line(dry_run))
        lines.extend(self.advice)
        lines.extend(f"{_where(bad)}{bad.problem} — skipped" for bad in parsed.bad_rows)
        if dry_run:
            lines.append("Dry run: nothing was changed.")
        return lines

    def _settings_line(self, dry_run: bool) -> list[str]:
        if self.settings is not None:
            if dry_run:
                return ["Would save the export's settings, since this database has none of its own."]
            return ["Saved the export's settings, since this database had none of its own."]
        if self.parsed.settings is not None:
            kept = "Would keep" if dry_run else "Kept"
            return [f"{kept} this database's own settings; the export's were left out."]
        return []


# --- reading a file ---------------------------------------------------------------------------------


def read_file(
    path: Path,
    *,
    now: datetime,
    zone: ZoneInfo,
    rollover_hour: int,
    progress: Callable[[int, int], None] | None = None,
    limits: Limits = Limits(),
) -> ParsedFile:
    """Read `path` into incoming records, whatever its name: the format is told from its content.

    Imported records are created at `now`; their days are logical days in `zone` with `rollover_hour`.
    `progress(done, total)` hears every 500 rows and once at the end. Raises UnreadableFile for a file
    that cannot be read, and TooLarge for one over `limits`; never blocks, whatever `path` is.
    """
    if now.tzinfo is None or now.utcoffset() is None:
        raise ValueError("read_file needs an aware `now`")
    context = RowContext(now, zone, rollover_hour)
    try:
        with bounded.opened(path, limits.bytes) as file:
            first = _first_character(file)
            if not first:
                raise _refused(path, "is empty")
            if first in ("{", "["):
                return _read_export(path, file.payload(), progress, limits)
            header = _locate_header(path, file)
            total = _count_rows(path, file, header, limits)
            return _read_rows(path, file, header, total, context, progress, limits)
    except bounded.NotReadable as problem:
        raise _refused(path, str(problem)) from None
    except bounded.TooManyBytes as error:
        raise _too_many_bytes(path, error) from None
    except UnicodeDecodeError:  # only the file's text is decoded here
        raise _refused(path, NOT_UTF8) from None


def _refused(path: Path, problem: str, accepted: str = ACCEPTED_FILES) -> UnreadableFile:
    return UnreadableFile(f"{path}: {problem}; {accepted}")


def _too_many_bytes(path: Path, error: bounded.TooManyBytes) -> TooLarge:
    size = f"is {_megabytes(error.size)}," if error.size is not None else "holds"
    return TooLarge(
        f"{path}: {size} more than the {_megabytes(error.limit)} one import reads "
        "(ten years of heavy use export as 35 MB)"
    )


def _megabytes(size: int) -> str:
    return f"{size / 1_000_000:,.1f} MB".replace(".0 MB", " MB")


def _first_character(file: bounded.OpenFile) -> str:
    """The first character of the file that is not white space (a byte order mark left out); "" if none."""
    stream = file.text()
    while chunk := stream.read(bounded.CHUNK):
        if stripped := chunk.lstrip():
            return stripped[0]
    return ""


# --- CSV files: rows with their physical lines, and the header that says which file it is --------------


@dataclass(frozen=True)
class _CsvRow:
    line: int  # the physical line where the row starts
    cells: list[str]

    @property
    def is_blank(self) -> bool:
        return not any(cell.strip() for cell in self.cells)


class _BrokenCsv(Exception):
    def __init__(self, line: int, error: csv.Error) -> None:
        super().__init__(f"line {line}: {error}")


def _csv_rows(file: bounded.OpenFile, delimiter: str) -> Iterator[_CsvRow]:
    """The file's rows from its start, read as they come."""
    # Strict: a quote left open would otherwise swallow the rest of the file into one field.
    reader = csv.reader(file.text(), delimiter=delimiter, strict=True)
    while True:
        start = reader.line_num + 1  # lines read so far: a quoted field's line breaks included
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            raise _BrokenCsv(start, error) from None
        yield _CsvRow(start, cells)


def _column_key(name: str) -> str:
    """How a header cell is compared: 'Date Applied', 'date_applied' and 'DATEAPPLIED' are one column."""
    return re.sub(r"[\s_]+", "", name.casefold())


@dataclass(frozen=True)
class _CsvFormat:
    """A kind of CSV file: which columns tell it apart, its columns by our names, and how a row is read."""

    source: ImportSource
    telling: tuple[str, ...]  # a header holding all of these is this kind of file
    columns: Mapping[str, tuple[str, ...]]  # our name -> the names it goes by, the first present wins
    read_row: RowReader
    mend: Callable[[list[str], dict[str, int], int], list[str]] | None = None  # a row's known damage repaired


CSV_FORMATS = (
    _CsvFormat(
        ImportSource.LINKEDIN_APPLICATIONS,
        tuple(linkedin.APPLICATION_COLUMNS.values()),
        {name: (column,) for name, column in linkedin.APPLICATION_COLUMNS.items()},
        linkedin.read_application_row,
        linkedin.mend_application_cells,
    ),
    _CsvFormat(
        ImportSource.LINKEDIN_CONNECTIONS,
        linkedin.CONNECTION_NAME_COLUMNS,
        {name: (column,) for name, column in linkedin.CONNECTION_COLUMNS.items()},
        linkedin.read_connection_row,
    ),
)
LISTED = _CsvFormat(ImportSource.CSV_APPLICATIONS, (), csv_applications.COLUMNS, csv_applications.read_application_row)
LISTED_KEYS = frozenset(_column_key(alias) for aliases in LISTED.columns.values() for alias in aliases)


NEXTYES_HEADER = csv_header("applications")  # a CSV `nextyes export --format csv` wrote


@dataclass(frozen=True)
class _Header:
    line: int
    format: _CsvFormat
    columns: dict[str, int]  # our name for a column -> its position in a row
    width: int  # how many cells the header has
    delimiter: str = ","
    exact: bool = False  # nextyes's own CSV: cells are read as they are, spaces and all

    def values(self, cells: list[str]) -> dict[str, str]:
        """The row's value for every column this file has; a short row's missing cells are blank.

        A value is the cell as written before the CSV export neutralised it, trimmed unless `exact`.
        """
        if self.format.mend is not None:
            cells = self.format.mend(cells, self.columns, self.width)
        if self.exact:
            return {name: as_written(cells[at]) if at < len(cells) else "" for name, at in self.columns.items()}
        return {name: as_written(cells[at]).strip() if at < len(cells) else "" for name, at in self.columns.items()}


def _locate_header(path: Path, file: bounded.OpenFile) -> _Header:
    """The header row. It is among the first few rows: notes may come before it."""
    broken: _BrokenCsv | None = None
    first_row: _CsvRow | None = None
    for delimiter in DELIMITERS:
        rows = _csv_rows(file, delimiter)
        try:
            for _, row in zip(range(PREAMBLE_ROWS), rows, strict=False):
                if first_row is None and not row.is_blank:
                    first_row = row
                header = _header_of(path, row)
                if header is not None:
                    return dataclasses.replace(header, delimiter=delimiter)
        except _BrokenCsv as error:
            broken = broken or error
    if broken is not None:
        raise _refused(path, f"is not a CSV file nextyes can read ({broken})")
    shown = quote(", ".join(cell.strip() for cell in first_row.cells)) if first_row else "nothing"
    raise _refused(path, f"has no header row nextyes knows (its first row reads {shown})")


def _header_of(path: Path, row: _CsvRow) -> _Header | None:
    keys = [_column_key(cell) for cell in row.cells]
    for known in CSV_FORMATS:
        if all(_column_key(name) in keys for name in known.telling):
            return _Header(row.line, known, _columns(keys, known.columns), len(keys))
    if not LISTED_KEYS.intersection(keys):
        return None
    columns = _columns(keys, LISTED.columns)
    for name in csv_applications.REQUIRED_COLUMNS:
        if name not in columns:
            raise _refused(
                path,
                f"its header (line {row.line}) has no {name} column",
                f"name it {_either(LISTED.columns[name])}; a CSV of applications needs a company and a role",
            )
    return _Header(row.line, LISTED, columns, len(keys), exact=tuple(row.cells) == NEXTYES_HEADER)


def _columns(keys: list[str], aliases: Mapping[str, tuple[str, ...]]) -> dict[str, int]:
    found = {}
    for name, names in aliases.items():
        at = next((keys.index(key) for alias in names if (key := _column_key(alias)) in keys), None)
        if at is not None:
            found[name] = at
    return found


def _data_rows(path: Path, file: bounded.OpenFile, header: _Header, limit: int | None) -> Iterator[_CsvRow]:
    """The rows after the header, blank ones left out; TooLarge past `limit` of them."""
    read = 0
    for row in _csv_rows(file, header.delimiter):
        if row.line <= header.line or row.is_blank:
            continue
        read += 1
        if limit is not None and read > limit:
            raise TooLarge(
                f"{path}: has more than {limit:,} rows, the most one import reads "
                "(LinkedIn's Connections.csv has at most 30,000)"
            )
        yield row


def _count_rows(path: Path, file: bounded.OpenFile, header: _Header, limits: Limits) -> int:
    """How many rows the file has: a first pass that keeps nothing, so a file over the limit or broken
    anywhere is refused before a single record is made."""
    try:
        return sum(1 for _ in _data_rows(path, file, header, limits.rows))
    except _BrokenCsv as error:
        raise _refused(path, f"is not a CSV file nextyes can read ({error})") from None


def _read_rows(
    path: Path,
    file: bounded.OpenFile,
    header: _Header,
    total: int,
    context: RowContext,
    progress: Callable[[int, int], None] | None,
    limits: Limits,
) -> ParsedFile:
    items: list[Incoming] = []
    bad: list[BadRow] = []
    read = 0
    try:
        for row in _with_progress(_data_rows(path, file, header, limits.rows), total, progress):
            read += 1
            try:
                record, companions = header.format.read_row(header.values(row.cells), context)
                items.append(Incoming(record, companions))
            except RowProblem as problem:
                bad.append(BadRow(row.line, str(problem)))
            except ValidationError as error:
                bad.append(BadRow(row.line, _validation_problem(error)))
    except _BrokenCsv as error:  # only when the file changed since it was counted
        raise _refused(path, f"is not a CSV file nextyes can read ({error})") from None
    return ParsedFile(path, header.format.source, tuple(items), tuple(bad), read)


def _with_progress(rows: Iterable[T], total: int, progress: Callable[[int, int], None] | None) -> Iterator[T]:
    """`rows` one by one, telling `progress` how far along every 500 rows and at the end."""
    done = 0
    for done, row in enumerate(rows, 1):
        yield row
        if progress is not None and done % PROGRESS_EVERY == 0:
            progress(done, total)
    if progress is not None and (not done or done % PROGRESS_EVERY):
        progress(done, total)


# --- a nextyes export --------------------------------------------------------------------------------------


ENVELOPE = ("format", "schema_version", "exported_at", "settings")


def _read_export(path: Path, payload: bytes, progress: Callable[[int, int], None] | None, limits: Limits) -> ParsedFile:
    """Every record of a nextyes export, validated by its model; an older export is upgraded first."""
    document = _export_document(path, payload)
    records = sum(len(table) for name, table in document.items() if name not in ENVELOPE)
    if limits.records is not None and records > limits.records:
        raise TooLarge(
            f"{path}: holds {records:,} records, more than the {limits.records:,} one import reads "
            "(ten years of heavy use make about 73,000)"
        )
    tables = _upgraded(path, document)
    settings_documents = tables.pop("settings", {})
    listed = [(name, position, record) for name in TABLES for position, record in tables.get(name, {}).items()]
    items: list[Incoming] = []
    bad: list[BadRow] = []
    for name, position, record in _with_progress(listed, len(listed), progress):
        try:
            validated = TABLES[name].model_validate(record)
        except ValidationError as error:
            bad.append(BadRow(0, f"{name} #{position}: {_validation_problem(error)}"))
            continue
        if problem := _day_out_of_range(validated):
            bad.append(BadRow(0, f"{name} #{position}: {problem}"))
            continue
        if problem := time_that_does_not_exist(validated):  # an interview at a time its zone skips
            bad.append(BadRow(0, f"{name} #{position}: {problem}"))
            continue
        items.append(Incoming(validated))
    settings = None
    if settings_documents:
        try:
            settings = Settings.model_validate(next(iter(settings_documents.values())))
        except ValidationError as error:
            bad.append(BadRow(0, f"settings: {_validation_problem(error)}"))
    return ParsedFile(path, ImportSource.NEXTYES_JSON, tuple(items), tuple(bad), len(listed), settings)


def _day_out_of_range(record: Record) -> str | None:
    """What is wrong with the first date of `record` outside the years a CSV import reads, or None.

    A day in year 1 or 9999 is an edited or broken file, not job-search history (and a streak counted
    from year 1 takes minutes). The same years as a CSV's, so whatever a CSV brought in exports and imports again.
    """
    for where, value in _dates(record.model_dump(), ()):
        if not EARLIEST_YEAR <= value.year <= LATEST_YEAR:
            field = " ".join(str(part) for part in where).replace("_", " ")
            return f"{field} {value.isoformat()[:10]} is out of range (a year from {EARLIEST_YEAR} to {LATEST_YEAR})"
    return None


def _dates(value: object, where: tuple[object, ...]) -> Iterator[tuple[tuple[object, ...], date]]:
    """Every date and datetime inside a dumped record, with the keys and positions that lead to it."""
    if isinstance(value, date):
        yield where, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _dates(item, (*where, key))
    elif isinstance(value, list):
        for position, item in enumerate(value):
            yield from _dates(item, (*where, position))


def _export_document(path: Path, payload: bytes) -> dict[str, Any]:
    """The export's document, parsed by orjson: it refuses what `json` lets through to fail later (an
    integer of thousands of digits, NaN, a lone surrogate), and nesting past 1,024 levels, all as one error."""
    start = len(codecs.BOM_UTF8) if payload.startswith(codecs.BOM_UTF8) else 0
    try:
        document = orjson.loads(memoryview(payload)[start:])
    except orjson.JSONDecodeError as error:
        raise _refused(path, _json_problem(error)) from None
    if not isinstance(document, dict) or document.get("format") != EXPORT_FORMAT:
        raise _refused(path, "is JSON, but not a nextyes export")
    version = document.get("schema_version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise _refused(path, "is a nextyes export without a schema version")
    if version > SCHEMA_VERSION:
        raise _refused(
            path,
            f"was written by a newer nextyes (schema {version}; this one reads up to {SCHEMA_VERSION})",
            "upgrade nextyes to import it",
        )
    for name, records in document.items():
        if name not in ENVELOPE and not isinstance(records, list):
            raise _refused(path, f"is a nextyes export with a malformed table {quote(name)} (not a list)")
    return document


def _json_problem(error: orjson.JSONDecodeError) -> str:
    """What is wrong with a file that looked like JSON, in words."""
    said = error.msg.casefold()
    if "utf-8" in said:
        return NOT_UTF8
    if "depth" in said or "recursion" in said:
        return "looks like JSON but is nested too deeply"
    if "infinity" in said:  # orjson's word for a number past a double's range, thousands of digits long
        said = "a number too large"
    return f"looks like JSON but does not parse (line {error.lineno}, column {error.colno}: {said})"


def _upgraded(path: Path, document: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """The export's tables in the database's own shape (`{"1": record, …}`), upgraded to this schema.

    An older export goes through the very steps that upgrade an older database file.
    """
    version: int = document["schema_version"]
    settings = document.get("settings")
    raw: dict[str, Any] = {
        META_TABLE: {"1": {"schema_version": version}},
        "settings": {"1": settings} if settings is not None else {},
        **{
            name: {str(position): record for position, record in enumerate(records, 1)}
            for name, records in document.items()
            if name not in ENVELOPE
        },
    }
    try:
        raw = upgrade(raw, version)
    except (KeyError, TypeError, ValueError, AttributeError):
        raise _refused(path, f"is a nextyes export from schema {version} that could not be upgraded") from None
    raw.pop(META_TABLE, None)
    raw.pop(HISTORY_TABLE, None)  # an upgrade adds the file's history table; an export carries none
    unknown = sorted(name for name in raw if name not in TABLES)
    if unknown:
        raise _refused(path, f"is a nextyes export with a table nextyes does not know ({quote(unknown[0])})")
    return raw


# --- planning and importing ------------------------------------------------------------------------------


def plan_import(
    parsed: ParsedFile,
    search: JobSearch,
    *,
    settings_saved: bool,
    deleted: frozenset[tuple[str, uuid.UUID]] = frozenset(),
) -> ImportPlan:
    """What importing `parsed` into `search` adds: pure, so a dry run is the same plan, unsaved.

    An incoming record is left alone when the database has its id already (the file was imported
    before), or a look-alike: an application to the same company and role sent the same day, a contact
    of the same name at the same company (both compared casefolded, spaces collapsed), a reflection or
    a rest day on a day that has one. A nextyes export is matched by id alone for applications and
    contacts: its records refer to each other by id, and skipping one for a look-alike would leave its
    activities and interviews pointing at nothing. A row repeating an earlier one of the file counts once.
    A record deleted here (`deleted`: its table and id) stays deleted: importing an older export brings it
    not back, as a merge would not.
    """
    by_content = parsed.source is not ImportSource.NEXTYES_JSON
    here = [record for records in records_by_table(search).values() for record in records]
    known_ids = {_identity(record) for record in here} | deleted
    known_keys = {key for record in here if (key := _look_alike(record, by_content=True)) is not None}
    new: list[Record] = []
    seen_ids: set[tuple[str, uuid.UUID]] = set()
    seen_keys: set[tuple[object, ...]] = set()
    already_here = repeated = 0
    for item in parsed.items:
        identity, key = _identity(item.record), _look_alike(item.record, by_content=by_content)
        if identity in known_ids or (key is not None and key in known_keys):
            already_here += 1
            continue
        if identity in seen_ids or (key is not None and key in seen_keys):
            repeated += 1
            continue
        if key is not None:
            seen_keys.add(key)
        for record in (item.record, *item.companions):
            if (identity := _identity(record)) not in known_ids and identity not in seen_ids:
                seen_ids.add(identity)
                new.append(record)
    return ImportPlan(
        parsed=parsed,
        new=tuple(new),
        already_here=already_here,
        settings=parsed.settings if not settings_saved else None,
        repeated=repeated,
        advice=_advice(parsed.source, new, search.settings),
    )


def import_file(store: Store, parsed: ParsedFile, *, dry_run: bool = False) -> ImportPlan:
    """Add what is new in one store transaction, planned against the database as read under its lock.

    Nothing is written when nothing is new, or on a `dry_run` (the plan only); any failure leaves the
    database as it was.
    """
    with store.transaction() as tx:
        plan = plan_import(parsed, tx.search, settings_saved=bool(tx.raw.get("settings")), deleted=deleted_ids(tx.raw))
        if dry_run:
            return plan
        tx.summary = f"imported {_listed(plan.counts())} from {parsed.path.name}" if plan.new else ""
        if plan.new:
            tx.add_all(plan.new)
        if plan.settings is not None:
            tx.save_settings(plan.settings)
    return plan


def deleted_ids(raw: dict[str, Any]) -> frozenset[tuple[str, uuid.UUID]]:
    """The table and id of every tombstone in a parsed database file."""
    return frozenset(
        (name, uuid.UUID(document["id"]))
        for name in TABLES
        for document in raw.get(name, {}).values()
        if isinstance(document, dict) and document.get("deleted_at") is not None and "id" in document
    )


def _identity(record: Record) -> tuple[str, uuid.UUID]:
    return TABLE_OF[type(record)], record.id


def _look_alike(record: Record, *, by_content: bool) -> tuple[object, ...] | None:
    """What makes two records one in a person's eyes, whatever their ids; None when only the id does."""
    if isinstance(record, Reflection):
        return ("reflection", record.day)  # one a day
    if isinstance(record, RestDay):
        return ("rest day", record.day)  # one a day
    if isinstance(record, Win) and record.key:
        return ("win", record.key)  # each added once
    if not by_content:
        return None
    if isinstance(record, Application):
        return ("application", normalised(record.company), normalised(record.role), record.applied_on)
    if isinstance(record, Contact):
        return ("contact", normalised(record.name), normalised(record.company))
    return None


def _advice(source: ImportSource, new: list[Record], settings: Settings) -> tuple[str, ...]:
    """What new LinkedIn connections mean for the days ahead: not a flood of reconnect suggestions."""
    if source is not ImportSource.LINKEDIN_CONNECTIONS or not any(isinstance(record, Contact) for record in new):
        return ()
    days, per_day = settings.reconnect_days[Tier.C], settings.reconnects_per_day
    return (f"New contacts are tier C: reconnect suggestions for them start in {days} days, at most {per_day} a day.",)


# --- words ---------------------------------------------------------------------------------------------


def _either(names: tuple[str, ...]) -> str:
    return ", ".join(names[:-1]) + f" or {names[-1]}" if len(names) > 1 else names[0]


def _listed(counts: dict[str, int]) -> str:
    """'12 applications and 12 activities', from table names."""
    parts = [count(number, record_noun(name)) for name, number in counts.items()]
    return ", ".join(parts[:-1]) + f" and {parts[-1]}" if len(parts) > 1 else parts[0]


def _where(bad: BadRow) -> str:
    return f"line {bad.line}: " if bad.line else ""


def _validation_problem(error: ValidationError) -> str:
    first = error.errors()[0]
    where = " ".join(str(part) for part in first["loc"]).replace("_", " ")
    message = " ".join(first["msg"].split())
    return f"{where}: {message[:1].lower()}{message[1:]}" if where else message
