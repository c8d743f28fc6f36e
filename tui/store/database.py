"""`Store`: reads the database into a `JobSearch`, and changes it in locked, atomic transactions.

TinyDB's own JSONStorage rewrites the file in place and caches ids per instance, so every
transaction here reads the file afresh under the lock into an in-memory TinyDB (see `transaction.py`),
and writes the result back once, atomically, only if it changed.

A shell change on a day the file was already backed up is appended to the journal beside the file instead
(see `journal.py`): every read is of the file and its journal, and the next whole write folds the journal in.
"""

from __future__ import annotations

import os
import shutil
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import Any

import orjson

from tui.core.models import Settings
from tui.core.search import JobSearch
from tui.store import history, journal, migrations, reading
from tui.store.backups import (
    commit_previous,
    daily_backup,
    ensure_backup_folder,
    keep_before_restore,
    keep_daily_backup,
    keep_pre_migration_copy,
    stage_previous,
)
from tui.store.collector import collector_paused
from tui.store.errors import StoreError, WriteFailed, in_the_way
from tui.store.files import Identity, Source, atomic_write, discard, read_only, source_of
from tui.store.files import identity as _identity
from tui.store.journal import Journal
from tui.store.locking import held, write_error
from tui.store.paths import (
    JOURNAL_SUFFIX,
    beside,
    database_file,
    lock_file,
    synced_by,
)
from tui.store.tables import TABLES, empty
from tui.store.transaction import Transaction, sparse


class Store:
    """One database file. Cheap to create; holds no file handle between calls.

    The path may be a symlink (a file kept in a synced folder): it is read and written through, the link's
    target is what is replaced, and the lock and the backups live beside that target, so a writer using the
    link and one using the real path share one lock. A link whose target is missing is a database not made
    yet, created at the target on the first write, when the target's folder exists; when that folder does
    not exist either (a drive not mounted, a synced folder not there yet) the store refuses to read or
    write, naming the link and where it leads, rather than show an empty database or make a new one elsewhere.
    Only a regular file is read, and at most 1 GiB of it (see `reading.read_file`).

    It remembers the fingerprint of the last content it validated (the file and its journal), so the same
    content read again (the shell's read before its transaction, the app's reload after a poll or after its own
    change) is not validated record by record a second time.

    One Store may be used from several threads (the app saves in one worker and polls in another): a read
    waits for a transaction of the same Store to finish, so it never sees the new file before the store has
    remembered it as validated, and never validates the same content twice.
    """

    def __init__(
        self, path: Path, now: Callable[[], datetime], lock_timeout: float = 10.0, *, journal: bool = False
    ) -> None:
        """`journal`: a `transaction(append=True)` appends its change to the journal when it can (the shell's
        way: one line rather than the whole file). The app writes the whole file, folding the journal in.
        """
        self.path = Path(path)
        self.now = now
        self.lock_timeout = lock_timeout
        self.journal = journal
        self._synced: tuple[Path, bool] | None = None  # (database file, whether a sync tool copies its folder)
        self.validations = 0  # how many times a read validated every record, rather than reusing the last
        self._validated: tuple[bytes, JobSearch] | None = None  # (fingerprint of the file and journal, records)
        self._digest: tuple[Identity, bytes] | None = None  # the last file's identity and SHA-256
        self._in_use = threading.RLock()  # a transaction of this Store, against a read of it from another thread

    @property
    def lock_path(self) -> Path:
        """The lock file, beside the database file (the link's target, when the path is a link)."""
        return lock_file(self.path)

    @property
    def file(self) -> Path:
        """The file read and replaced: the path with every link followed. Asked afresh: a link may change."""
        return database_file(self.path)

    def load(self) -> JobSearch:
        """Every record as it is now. No lock: an atomic replace never shows a half-written file.

        A compact file whose content was not validated yet is let go once cut into runs of records, and each run
        is read from the file again as it is validated (`reading.read_cut`): its bytes are not held beside the
        records (13 MB at five years, the most the app holds at any moment).
        """
        with self._in_use:
            state = self._read_state()
            if state is None:
                return reading.to_search(self.path, empty(), self.default_settings)
            payload, lines, identity = state
            del state
            fingerprint = self._fingerprint(payload, lines, identity)
            if self._validated is not None and self._validated[0] == fingerprint:
                return self._validated[1]
            found = reading.cut(payload)
            if found is not None and identity is not None and self._digest is not None:
                del payload
                search = reading.read_cut(self.file, self._digest, found, self.default_settings, lines)
                if search is not None:
                    self.validations += 1
                    self._validated = (fingerprint, search)
                    return search
                state = self._read_state()  # it changed since, or was not cut where records end: read it whole
                if state is None:
                    return reading.to_search(self.path, empty(), self.default_settings)
                payload, lines, identity = state
            return self._search_of(payload, lines, identity)

    def load_known(self) -> tuple[JobSearch, Source] | None:
        """Every record as it is now, and the identities of the file and its journal they were read from (what a
        brief of them is tied to, see `quick.py`); None when they changed while being read."""
        source = source_of(self.path)
        search = self.load()
        return (search, source) if source_of(self.path) == source else None

    def check(self) -> JobSearch:
        """Read and validate every record afresh, the journal's too; raises StoreError when anything is wrong."""
        state = self._read_state()
        if state is None:
            return reading.to_search(self.path, empty(), self.default_settings)
        payload, lines, _ = state
        return reading.read_search(self.path, payload, self.default_settings, lines)

    def settings_saved(self) -> bool:
        """Whether the file holds settings of its own, rather than the defaults a read fills in."""
        state = self._read_state()
        return state is not None and bool(self._whole(*state[:2]).get("settings"))

    def contents(self) -> dict[str, Any]:
        """Every table of the file as the next whole write would hold it (the journal folded in, tombstones and
        history included), without validating a record; empty tables when there is no file yet."""
        state = self._read_state()
        return empty() if state is None else self._whole(*state[:2])

    def default_settings(self) -> Settings:
        stamp = self.now()
        return Settings(created_at=stamp, updated_at=stamp)

    @contextmanager
    def transaction(self, *, append: bool = False) -> Iterator[Transaction]:
        """Lock, read afresh, let the caller change records, then save once if anything changed.

        With `append`, on a store made with `journal`, the change is appended to the journal when the file
        has had its backup today and the journal is not long yet; otherwise, and always without `append`, the
        whole file is written, with the journal folded in. The collector is paused throughout: parsing the
        file again makes as many objects as a read.
        """
        with self._in_use, self._locked() as real, collector_paused:
            identity = _identity(real)
            previous = self._read_bytes()
            lines = journal.read(real) if previous is not None else journal.EMPTY
            appending = (
                append
                and self._journal_here(real)
                and previous is not None
                and not journal.too_long(lines)
                and daily_backup(real, self.now().date()).exists()
            )
            if appending and previous is not None:
                with self._appended(real, previous, lines, identity) as transaction:
                    yield transaction
            else:
                with self._rewritten(real, previous, lines, identity) as transaction:
                    yield transaction

    def _journal_here(self, real: Path) -> bool:
        """Whether changes may go to the journal: asked for, and not in a folder synced between machines (the
        other machine must see each change in the file itself)."""
        if not self.journal:
            return False
        if self._synced is None or self._synced[0] != real:
            self._synced = (real, synced_by(real) is not None)
        return not self._synced[1]

    @contextmanager
    def _appended(
        self, real: Path, previous: bytes, lines: Journal, identity: Identity | None
    ) -> Iterator[Transaction]:
        """A transaction over the records as read, whose change is appended to the journal as one line."""
        if read_only(real):  # the person protected the file: its journal is not a way round that
            raise WriteFailed(self.path, "cannot be saved: the file is read-only", "nothing was changed")
        initial = self._search_of(previous, lines, identity)
        whole: list[dict[str, Any]] = []  # parsed only if the transaction asks for it

        def parsed() -> dict[str, Any]:
            if not whole:
                whole.append(self._whole(previous, lines))
            return whole[0]

        transaction = Transaction(sparse(), initial, self.now, parsed)
        try:
            yield transaction
            changes = transaction.changes() if transaction.changed else []
            if changes:
                line = journal.new_line(
                    (journal.Change(table, identity, document) for table, identity, document in changes),
                    transaction.history_entry(),
                )
                try:
                    grown = journal.append(real, lines, line)
                except OSError as error:
                    raise write_error(self.path, error) from None
                self._validated = (self._fingerprint(previous, grown, identity), transaction.search)
        finally:
            transaction.close()

    @contextmanager
    def _rewritten(
        self, real: Path, previous: bytes | None, lines: Journal, identity: Identity | None
    ) -> Iterator[Transaction]:
        """A transaction over the whole parsed file, the journal folded in, written back whole."""
        raw = reading.parse(self.path, previous) if previous is not None else empty()
        written_as = migrations.schema_version(raw) or migrations.SCHEMA_VERSION
        raw = migrations.migrate(raw)
        folding = journal.pending(raw, lines)
        journal.fold(raw, folding)
        # Refuse a file with a bad record before any change: writing would carry the bad record on.
        if previous is not None:
            initial = self._search_of(previous, lines, identity, raw)
        else:
            initial = reading.to_search(self.path, raw, self.default_settings)
        transaction = Transaction(raw, initial, self.now)
        del raw
        try:
            yield transaction
            if transaction.changed:
                transaction.remember()
            if transaction.changed or folding:
                written = self._write(real, transaction.raw, previous, written_as)
                if written is not None:
                    # What a read of the new file would give: the app's read after its own change is free.
                    fingerprint = self._fingerprint(written, journal.EMPTY, _identity(real))
                    self._validated = (fingerprint, transaction.search)
            if lines.payload:
                journal.empty_out(real)  # only now: the file it was folded into stands
        finally:
            transaction.close()  # every parsed document freed while the collector is still paused

    def undo(self) -> str:
        """Take back the latest change made from anywhere (the app, the shell); what it was, in words.

        UndoRefused when there is nothing to undo or it cannot be taken back; nothing is written then.
        """
        with self.transaction() as tx:
            summary = tx.undo()
            tx.rebuild(reading.to_search(self.path, tx.raw, self.default_settings))
            return summary

    def redo(self) -> str:
        """Make the change taken back last again; what it was, in words. UndoRefused when there is none."""
        with self.transaction() as tx:
            summary = tx.redo()
            tx.rebuild(reading.to_search(self.path, tx.raw, self.default_settings))
            return summary

    def history(self) -> list[history.Entry]:
        """The kept changes, newest first (those taken back first: redo brings them back)."""
        state = self._read_state()
        if state is None:
            return []
        return history.entries(self._whole(*state[:2]))

    def restore(self, backup: Path) -> Path | None:
        """Put a backup's records back as the database; returns where the file as it was is kept.

        The backup must be a sound nextyes database (an older schema is upgraded at the next write).
        The current file is copied first even when it no longer opens: restoring must never lose anything.
        """
        try:
            payload = reading.read_file(backup)
            reading.read_search(backup, payload, self.default_settings)
        except FileNotFoundError:
            raise StoreError(backup, "cannot be restored: there is no such file") from None
        except StoreError as error:
            advice = "choose another backup from 'nextyes backup list'"
            raise StoreError(backup, f"cannot be restored: it {error.problem}", advice) from None
        with self._locked() as real:
            current = self._read_bytes()
            lines = journal.read(real) if current is not None else journal.EMPTY
            unfolded = False  # a journal that cannot be folded into a file that no longer opens is kept beside it
            if current is not None and lines.lines:
                try:
                    current = orjson.dumps(self._whole(current, lines))  # the file as it is, journal and all, is kept
                except StoreError:
                    unfolded = True
            if unfolded:
                # The journal's changes came after the damaged file's last write, so after any backup: they are
                # put onto the backup, and the file loses only what that last write added.
                restored = migrations.migrate(reading.parse(backup, payload))
                journal.fold(restored, journal.pending(restored, lines))
                payload = orjson.dumps(restored)
            if current == payload:
                journal.empty_out(real)
                return None
            if current is not None and read_only(real):
                raise WriteFailed(self.path, "cannot be restored over: the file is read-only", "nothing was changed")
            try:
                kept = keep_before_restore(real, current, self.now()) if current is not None else None
                if unfolded and kept is not None:
                    shutil.copyfile(journal.journal_file(real), beside(kept, JOURNAL_SUFFIX))
                atomic_write(real, payload)
            except OSError as error:
                raise write_error(self.path, error) from None
            journal.empty_out(real)
        return kept

    @contextmanager
    def _locked(self) -> Iterator[Path]:
        """Hold the lock file beside the database, or say the database is busy after `lock_timeout`.

        Gives the database file (links followed), worked out once for the whole transaction.
        """
        real = self.file
        self._ensure_folder(real)
        with held(self.path, real, self.lock_timeout):
            yield real

    def _ensure_folder(self, real: Path) -> None:
        """Make the folder the database file `real` goes in, unless a link leads to one that is missing."""
        folder = real.parent
        if folder.is_dir():
            return
        self._refuse_a_link_to_nowhere()
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except (FileExistsError, NotADirectoryError) as error:
            blocker = next((p for p in (folder, *folder.parents) if os.path.lexists(p) and not p.is_dir()), None)
            if blocker is not None:
                raise in_the_way(blocker, f"a folder on the way to {real.name}") from None
            raise write_error(self.path, error) from None
        except OSError as error:
            raise write_error(self.path, error) from None

    def _refuse_a_link_to_nowhere(self) -> None:
        """StoreError when the path, or a folder on it, is a link to something missing, and the database file's
        folder does not exist: nothing can be read there, and nothing should be made at the link's place."""
        if self.file.parent.is_dir():
            return
        given = Path(os.path.abspath(self.path))
        for place in (given, *given.parents):
            if place.is_symlink() and not place.exists():
                leads_to = f"is a link to {self.file}"
                if place != given:
                    leads_to = f"is in {place}, a link to {self.file.parent}"
                raise StoreError(
                    self.path,
                    f"{leads_to}, and that folder does not exist (a drive not mounted, a synced folder not there yet?)",
                    "mount or sync it, or change the link; nothing was read or written",
                )

    def _read_bytes(self) -> bytes | None:
        try:
            return reading.read_file(self.path)
        except FileNotFoundError:
            self._refuse_a_link_to_nowhere()
            return None

    def _read_state(self) -> tuple[bytes, Journal, Identity | None] | None:
        """The file's bytes, its journal and its identity as they belong together; None when there is no file yet.

        A fold replaces the file, then empties the journal: a file read before a fold with the journal read
        after it would miss what was folded. So the file is looked at before and after, and read again when
        it changed in between.
        """
        state = None
        for _ in range(10):  # a file replaced ten times over during the reads: the last pair read
            before = _identity(self.file)
            payload = self._read_bytes()
            if payload is None:
                return None
            state = (payload, journal.read(self.file), before)
            if _identity(self.file) == before:
                break
        return state

    def _fingerprint(self, payload: bytes, lines: Journal, identity: Identity | None) -> bytes:
        """What the store remembers of content it validated: the file's SHA-256 and the journal's sound lines.

        The file's digest is taken once per file as written: the same inode, size and time is the same file
        (nextyes, and the sync tools, replace a file rather than change it in place; an editor that changes it
        in place changes its time). At 5 years that is 8 ms saved on each read after the first.
        """
        known = self._digest
        if identity is not None and known is not None and known[0] == identity:
            file_digest = known[1]
        else:
            file_digest = reading.fingerprint(payload)
            if identity is not None:
                self._digest = (identity, file_digest)
        return file_digest + reading.fingerprint(lines.payload[: lines.sound_bytes])

    def _whole(self, payload: bytes, lines: Journal) -> dict[str, Any]:
        """The file parsed, upgraded and with its journal folded in: what the next whole write would hold."""
        raw = migrations.migrate(reading.parse(self.path, payload))
        journal.fold(raw, journal.pending(raw, lines))
        return raw

    def _search_of(
        self, payload: bytes, lines: Journal, identity: Identity | None, raw: dict[str, Any] | None = None
    ) -> JobSearch:
        """The validated records of `payload` with its journal `lines` (parsed and folded as `raw` when the
        caller has it already); `identity`, the file's as it was read."""
        fingerprint = self._fingerprint(payload, lines, identity)
        validated = self._validated
        if validated is not None and validated[0] == fingerprint:
            return validated[1]
        if raw is not None:
            search = reading.to_search(self.path, raw, self.default_settings)
        else:
            search = reading.read_search(self.path, payload, self.default_settings, lines)
            self.validations += 1
        self._validated = (fingerprint, search)
        return search

    def _write(self, real: Path, raw: dict[str, Any], previous: bytes | None, written_as: int) -> bytes | None:
        """Write `raw` atomically to `real`, keeping the day's backup first and, once the new file stands, the
        file as it was as the previous version; the bytes written, or None when unchanged."""
        try:
            payload = orjson.dumps(raw)  # compact UTF-8, the bytes json.dumps(ensure_ascii=False) gave, 9x faster
        except (TypeError, ValueError) as error:
            raise WriteFailed(
                self.path, f"cannot be saved: a record cannot be written as JSON ({error})", "nothing was changed"
            ) from None
        if payload == previous:
            return None
        if previous is not None and read_only(real):
            raise WriteFailed(self.path, "cannot be saved: the file is read-only", "nothing was changed")
        staged: Path | None = None  # the file as it is, kept as the previous version once the new one stands
        try:
            if previous is not None:
                ensure_backup_folder(real)
                if written_as < migrations.SCHEMA_VERSION:
                    keep_pre_migration_copy(real, previous, written_as)
                keep_daily_backup(real, previous, self.now().date())
                staged = stage_previous(real, previous)
            atomic_write(real, payload)
        except BaseException as error:
            discard(staged)
            if isinstance(error, OSError):
                raise write_error(self.path, error) from None
            raise
        if staged is not None:
            commit_previous(real, staged, self.now())
        return payload


def count_records(path: Path) -> dict[str, int]:
    """How many records each table of a database file holds (tombstones left out), read without validating each.

    Quick enough to describe every backup in a list; CorruptDatabase or NewerDatabase when it would not open.
    """
    raw = reading.parse(path, reading.read_file(path))
    return {
        name: sum(1 for document in raw[name].values() if document.get("deleted_at") is None)
        for name in TABLES
        if name != "settings"
    }
