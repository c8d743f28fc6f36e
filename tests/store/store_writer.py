"""Another nextyes process, for the store's concurrency tests.

store_writer.py DB WRITER COUNT add|log   print "ready", wait for a line on stdin, then run
                                          `nextyes add WRITER-n Engineer --anyway` or `nextyes log network WRITER-n`
                                          COUNT times, each through the shell's own entry point
store_writer.py DB - - hold               take the database's lock, print "locked", hold it
                                          until a line arrives on stdin
store_writer.py DB WRITER COUNT undo      print "ready", wait for a line, then run `nextyes undo` COUNT times,
                                          printing what each one undid ("nothing to undo" is no failure)
"""

from __future__ import annotations

import contextlib
import io
import os
import sys
import time
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


def undo(db: str, count: int) -> int:
    """`nextyes undo` `count` times, as separate commands would; each one's line printed, for the test to read.

    It begins once a writer has written, so that however the processes are scheduled there is a change to undo.
    """
    waited = 0.0
    while not Path(db).exists() and waited < 60:
        time.sleep(0.01)
        waited += 0.01
    for _ in range(count):
        said = io.StringIO()
        with contextlib.redirect_stdout(said), contextlib.redirect_stderr(said):
            status = nextyes(["undo", "--db", db])
        if status not in (0, 2):  # 2: nothing to undo yet
            return status
        print(said.getvalue().strip(), flush=True)
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
    if command == "undo":
        return undo(db, int(count))
    return write(db, writer, int(count), command)


if __name__ == "__main__":
    sys.exit(run(*sys.argv[1:]))
