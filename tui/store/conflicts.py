"""The conflict copies sync tools leave beside the database file, found by name and merged into it.

When two machines change the synced file before hearing from each other, the sync tool keeps one version
under the file's name and the other under a name of its own, which nextyes would otherwise never read:

- Syncthing: `nextyes.sync-conflict-20260315-143000-ABCDEF7.json` (the short id of the device that made the
  change; older versions leave it out)
- Dropbox: `nextyes (DESKTOP's conflicted copy 2026-03-15).json`, with ` (1)`, ` (2)`… after the date or after
  the parenthesis when there are several that day
- Nextcloud and ownCloud: `nextyes (conflicted copy 2026-03-15 143000).json`, with the account's name before the
  date in newer clients (`(conflicted copy dana 2026-03-15 143000)`), and `nextyes_conflict-20260315-143000.json`
  from older ones

`absorb_conflict_copies` merges each into the database and moves it into the backups folder.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from tui.core.words import count
from tui.store.backups import keep_conflict_copy
from tui.store.conflict_names import ConflictCopy as ConflictCopy
from tui.store.conflict_names import conflict_copy as conflict_copy
from tui.store.conflict_names import find_conflict_copies as find_conflict_copies
from tui.store.errors import StoreError

if TYPE_CHECKING:
    from tui.store.database import Store


def absorb_conflict_copies(store: Store, *, made_from: str = "shell") -> list[str]:
    """Merge every conflict copy beside the database into it, one transaction each, and move each one merged
    into the backups folder; one line for each copy, to be said once.

    A copy that cannot be read (damaged, cut short, from a newer nextyes) is left where it is and named.
    The store's own problems (busy, read-only, damaged) are raised as from any change.
    """
    from tui.store.merging import merge_file

    lines = []
    real = store.file
    for copy in find_conflict_copies(real):
        try:
            report = merge_file(store, copy.path, source=copy.described, made_from=made_from)
        except StoreError as error:
            if error.path != copy.path:
                raise
            lines.append(
                f"Found {copy.described}, {copy.path.name}, but it cannot be merged: it {_problem(error)}; "
                "it was left where it is"
            )
            continue
        try:
            kept = keep_conflict_copy(real, copy.path)
        except FileNotFoundError:  # another nextyes merged and moved it meanwhile
            continue
        except OSError as error:
            lines.append(
                f"Merged {count(report.changes, 'change')} from {copy.described}, but could not move it into the "
                f"backups folder ({error.strerror or error}); it stays where it is (merging it again changes nothing)"
            )
            continue
        if report.changes:
            lines.append(f"Merged {count(report.changes, 'change')} from {copy.described}; it is kept as {kept}.")
        else:
            described = copy.described
            lines.append(f"{described[:1].upper()}{described[1:]} held nothing new; it is kept as {kept}.")
    return lines


def _problem(error: StoreError) -> str:
    return error.problem.removeprefix("cannot be merged: it ")
