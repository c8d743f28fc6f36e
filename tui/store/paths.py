"""Every path nextyes keeps for one database, worked out from the path a person gave (`--db`, NEXTYES_DB).

The database path may be a symlink (people keep the file in a synced folder and link to it): the file that
is read and replaced is the link's target, and its lock and backups live beside that target, so a writer
using the link and one using the real path take the same lock and share the same backups.

`is_owned_by_store` answers "would writing to this path damage the database or anything kept for it?",
for commands that write files a person names (`export --out`).
"""

from __future__ import annotations

import os
from pathlib import Path

LOCK_SUFFIX = ".lock"
BACKUPS_SUFFIX = ".backups"
JOURNAL_SUFFIX = ".journal"
# What nextyes keeps beside a database file, named after it: `<name><suffix>`. A new kind (a journal, a
# summary) is added here, so `is_owned_by_store` protects it from the first day.
SIBLING_SUFFIXES = (LOCK_SUFFIX, BACKUPS_SUFFIX, JOURNAL_SUFFIX)
TEMP_SUFFIX = ".tmp"


def database_file(db_path: Path) -> Path:
    """The file actually read and replaced: `db_path` with every symlink followed, as an absolute path.

    A dangling link gives the path it points to (see `Store` for what is done with it); a link loop gives a
    path that cannot be opened, refused when it is read.
    """
    return Path(os.path.realpath(db_path))


def lock_file(db_path: Path) -> Path:
    """The lock file, beside the database file (the link's target, when `db_path` is a link)."""
    return beside(database_file(db_path), LOCK_SUFFIX)


def backup_folder(db_path: Path) -> Path:
    """The backups folder, beside the database file (the link's target, when `db_path` is a link)."""
    return beside(database_file(db_path), BACKUPS_SUFFIX)


def beside(db_file: Path, suffix: str) -> Path:
    """What nextyes keeps beside the database file `db_file` (links already followed): `<name><suffix>`."""
    return db_file.with_name(db_file.name + suffix)


def journal_file(db_file: Path) -> Path:
    return beside(db_file, JOURNAL_SUFFIX)


def temp_prefix(name: str) -> str:
    """How the names of the temp files made while replacing a file called `name` begin."""
    return f".{name}."


def owned_paths(db_path: Path) -> tuple[Path, ...]:
    """The paths nextyes keeps for the database at `db_path`, absolute, whether they exist yet or not.

    The path as given (a link, when it is one), the database file it resolves to, and each file or folder kept
    beside that file (lock, backups folder), also beside the link as nextyes 0.5 kept them. Everything inside
    a backups folder and every temp file of a write is nextyes's too, but is a pattern, not a path:
    `is_owned_by_store` covers them.
    """
    given = Path(os.path.abspath(db_path))
    real = database_file(db_path)
    paths = [given, real]
    for base in dict.fromkeys((real, given)):
        paths.extend(beside(base, suffix) for suffix in SIBLING_SUFFIXES)
    return tuple(dict.fromkeys(paths))


def is_owned_by_store(db_path: Path, candidate: Path) -> bool:
    """Whether `candidate` is the database at `db_path` or a file nextyes keeps for it: writing there must be refused.

    True for the database (through any symlink, and any other hard link to the same file), its lock, its
    backups folder and anything inside it, and the temp files of a write in progress; each also as seen
    through a symlink or `..` in `candidate`. Missing paths are judged by name.
    """
    owned = owned_paths(db_path)
    databases = (Path(os.path.abspath(db_path)), database_file(db_path))
    folders = [beside(base, BACKUPS_SUFFIX) for base in databases]
    for place in {Path(os.path.abspath(candidate)), Path(os.path.realpath(candidate))}:
        if place in owned or any(place.is_relative_to(folder) for folder in folders):
            return True
        if any(_is_temp_file_of(base, place) for base in databases):
            return True
    return _same_file(databases[1], candidate)


def _is_temp_file_of(database: Path, place: Path) -> bool:
    name = place.name
    prefix = temp_prefix(database.name)
    return place.parent == database.parent and name.startswith(prefix) and name.endswith(TEMP_SUFFIX)


def _same_file(real: Path, candidate: Path) -> bool:
    """Whether `candidate` is the database file under another name (a hard link, a bind mount)."""
    try:
        return os.path.samefile(real, candidate)
    except (OSError, ValueError):
        return False


# What marks a folder that another tool copies between machines: the journal stays on the machine it was
# written on, so a database kept there has every change written into the file itself.
SYNC_MARKERS = (
    (".stfolder", "Syncthing"),
    (".dropbox", "Dropbox"),
    (".dropbox.cache", "Dropbox"),
    (".nextcloudsync.log", "Nextcloud"),
    (".owncloudsync.log", "ownCloud"),
    (".git", "git"),
)


def synced_by(db_file: Path) -> str | None:
    """The tool that copies the folder of `db_file` (links followed) between machines, if its marker is in that
    folder or one above it; None otherwise. Nextcloud's and ownCloud's clients also leave `.sync_*.db`."""
    for folder in db_file.parents:
        for marker, tool in SYNC_MARKERS:
            if os.path.lexists(folder / marker):
                return tool
        try:
            if any(folder.glob(".sync_*.db")):
                return "Nextcloud"
        except OSError:
            continue
    return None
