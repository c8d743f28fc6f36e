"""Another nextyes process, for the store's concurrency tests.

store_writer.py DB WRITER COUNT add|log   print "ready", wait for a line on stdin, then run
                                          `nextyes add WRITER-n Engineer --anyway` or `nextyes log network WRITER-n`
                                          COUNT times, each through the shell's own entry point
store_writer.py DB - - hold               take the database's lock, print "locked", hold it
                                          until a line arrives on stdin
"""

from __future__ import annotations

import contextlib
import os
import sys
from datetime import UTC, datetime
from pathlib import Path

from filelock import FileLock

from tui.cli import main as nextyes
from tui.store import Store


def shell_command(command: str, db: str, name: str) -> list[str]:
    """The arguments a person types to record `name`: an application, or a networking note."""
    # --anyway: fifty companies named alike would each ask "already tracked?", as they should
    words = [name, "Engineer", "--anyway"] if command == "add" else ["network", name]
    return [command, *words, "--db", db]


def write(db: str, writer: str, count: int, command: str) -> int:
    """Run the shell `count` times, as `count` separate commands would; the first failure's status, else 0."""
    with open(os.devnull, "w") as quiet, contextlib.redirect_stdout(quiet):
        for number in range(count):
            status = nextyes(shell_command(command, db, f"{writer}-{number}"))
            if status != 0:
                return status
    return 0


def hold_the_lock(db: str) -> None:
    store = Store(Path(db), lambda: datetime.now(UTC))
    with FileLock(store.lock_path):
        print("locked", flush=True)
        sys.stdin.readline()


def run(db: str, writer: str, count: str, command: str) -> int:
    if command == "hold":
        hold_the_lock(db)
        return 0
    print("ready", flush=True)
    sys.stdin.readline()
    return write(db, writer, int(count), command)


if __name__ == "__main__":
    sys.exit(run(*sys.argv[1:]))
