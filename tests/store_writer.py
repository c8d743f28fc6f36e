"""Another nextyes process, for the store's concurrency tests.

    store_writer.py DB WRITER COUNT store|recorder   print "ready", wait for a line on stdin, then write
    store_writer.py DB - - hold                      take the database's lock, print "locked", hold it
                                                     until a line arrives on stdin
"""

from __future__ import annotations

import sys
from datetime import UTC, datetime
from pathlib import Path

from filelock import FileLock

from tui.core.models import ActivityKind, Application
from tui.recording import Recorder
from tui.store import Store


def now() -> datetime:
    return datetime.now(UTC)


def write(store: Store, writer: str, count: int, how: str) -> None:
    recorder = Recorder(store, now)
    for number in range(count):
        name = f"{writer}-{number}"
        if how == "recorder":
            recorder.log(ActivityKind.NETWORK, name)
        else:
            with store.transaction() as tx:
                tx.add(Application(company=name, role="Engineer", created_at=now(), updated_at=now()))


def main(db: str, writer: str, count: str, how: str) -> None:
    store = Store(Path(db), now, lock_timeout=30)
    if how == "hold":
        with FileLock(store.lock_path):
            print("locked", flush=True)
            sys.stdin.readline()
        return
    print("ready", flush=True)
    sys.stdin.readline()
    write(store, writer, int(count), how)


if __name__ == "__main__":
    main(*sys.argv[1:])
