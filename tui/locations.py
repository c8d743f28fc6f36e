"""Where nextyes keeps its files: the database, and the content shipped in `data/`."""

from __future__ import annotations

import os
from pathlib import Path

DB_ENV = "NEXTYES_DB"
DB_FILENAME = "nextyes.json"


def default_db_path() -> Path:
    """The database used when neither `--db` nor NEXTYES_DB says otherwise."""
    from platformdirs import user_data_path

    return user_data_path("nextyes", appauthor=False) / DB_FILENAME


def db_path(explicit: str | None) -> Path:
    """`--db` first, then NEXTYES_DB, then the user's data directory."""
    chosen = explicit or os.environ.get(DB_ENV)
    return Path(chosen).expanduser() if chosen else default_db_path()


def data_dir() -> Path:
    """Shipped content: inside the package once installed, beside it in a source checkout."""
    packaged = Path(__file__).parent / "data"
    if packaged.is_dir():
        return packaged
    return Path(__file__).parent.parent / "data"


def cache_folder() -> Path:
    """nextyes's cache folder. On Linux the XDG rule, as platformdirs gives it, without importing platformdirs
    (8 of the prompt's 46 ms); elsewhere platformdirs itself."""
    import sys

    if sys.platform.startswith("linux"):
        given = os.environ.get("XDG_CACHE_HOME", "").strip()
        base = Path(given) if given and os.path.isabs(given) else Path.home() / ".cache"
        return base / "nextyes"
    from platformdirs import user_cache_path

    return user_cache_path("nextyes", appauthor=False)


def cache_file(folder: str, key: str) -> Path:
    """The file in the cache folder's `folder` kept for `key` (a database's real path, with the question asked
    of it for an answer): named after a digest of the key, so any path makes one plain file name."""
    import hashlib

    return cache_folder() / folder / f"{hashlib.sha256(os.fsencode(key)).hexdigest()[:24]}.json"


def keep_cache_file(file: Path, payload: bytes) -> None:
    """Write `payload` to the cache file `file` atomically, or not at all when the folder cannot be written."""
    try:
        file.parent.mkdir(parents=True, exist_ok=True)
        temporary = file.with_name(f".{file.name}.{os.getpid()}.tmp")
        temporary.write_bytes(payload)
        os.replace(temporary, file)
    except OSError:
        pass
