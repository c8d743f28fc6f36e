"""One write as the open app makes it, timed in this fresh process: prints its milliseconds.

    python benchmarks/_app_write.py --db PATH --now ISO-DATETIME

The app's store has read the file and its dashboard has judged the streak of that read before a person
saves anything; then the app's worker records the change (off the event loop) through a `Recorder` that
says the change came from the app and works out the rewards it earned. Only that last call is timed.

benchmarks/performance.py runs this with each checkout's own Python, on a fresh copy each time; a checkout
whose `Recorder` has no `source` (before the history of changes) records as its app did then.
"""

from __future__ import annotations

import argparse
import dataclasses
import inspect
import time
from datetime import datetime
from pathlib import Path

from tui.core.models import ActivityKind
from tui.recording import Recorder
from tui.store import Store


def write_as_the_app(db: Path, moment: datetime) -> float:
    def clock() -> datetime:
        return moment

    # As the app makes its store (tui/app/app.py): since the journal, a change is one line appended to it.
    journal = {"journal": True} if "journal" in inspect.signature(Store).parameters else {}
    store = Store(db, clock, **journal)
    as_the_app = {"source": "app"} if "source" in {f.name for f in dataclasses.fields(Recorder)} else {}
    recorder = Recorder(store, clock, celebrate=lambda rewards: None, **as_the_app)
    recorder.rewards(store.load())
    began = time.perf_counter()
    recorder.log(ActivityKind.NETWORK, "bench")
    return (time.perf_counter() - began) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, required=True)
    parser.add_argument("--now", type=datetime.fromisoformat, required=True, help="the app's clock, with its zone")
    options = parser.parse_args()
    print(f"{write_as_the_app(options.db, options.now):.3f}")


if __name__ == "__main__":
    main()
