"""Start one app in this fresh process, say on a pipe when its frames show what a person waits for, then quit.

    python benchmarks/first_frame.py nextyes --db PATH --signal-fd N
    python benchmarks/first_frame.py minimal --signal-fd N

benchmarks/performance.py starts this under a pseudo-terminal, so both apps start the way a person
starts them and draw to a real terminal; it times from the spawn to each line written on fd N:

    frame              the first frame is drawn (for nextyes: the dashboard, maybe still empty)
    data               the first frame whose header shows the search (streak, momentum, today)
    filled <details>   the first frame with every panel filled: Pending's title counts its applications
    read <details>     the first frame after the whole search was read (a dashboard kept from the last
                       read is filled before it); the app then quits, so its peak memory counts the read
    problem <text>     nextyes could not read the database; nothing more will come

For the minimal app the four come with its first frame.

nextyes is opened through `tui.cli.main`, exactly as `nextyes --db PATH` opens it, and nothing of the app
is imported or changed before that: each frame is looked at after Textual has written it to the terminal
(`App.post_display_hook`), by the words it shows. An app that draws the header from a summary before it
reads the rest says `data` before `filled`; one that draws everything at once says both after one frame.
The same script times an older checkout of nextyes, run with that checkout's Python.
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path

from textual.app import App, ComposeResult
from textual.css.query import NoMatches
from textual.widgets import Footer, Header, Static

OPENING = "Opening your job search"  # the header's words before it has anything to show


def say(fd: int, line: str) -> None:
    os.write(fd, f"{line}\n".encode())


def shown_text(app: App[object], selector: str) -> str | None:
    """The words a widget of the current screen shows, or None when the screen has no such widget."""
    try:
        widget = app.screen.query_one(selector)
    except NoMatches:
        return None
    return str(widget.render())


class FrameWatcher:
    """Says each moment the first time a frame shows it, and ends the app once the dashboard is filled."""

    def __init__(self, fd: int) -> None:
        self.fd = fd
        self.told: set[str] = set()

    def tell(self, *lines: str) -> None:
        """Lines about one frame, in one write: the reader times them alike."""
        new = [line for line in lines if line.split(" ")[0] not in self.told]
        self.told.update(line.split(" ")[0] for line in new)
        if new:
            say(self.fd, "\n".join(new))

    def look(self, app: App[object]) -> None:
        problem = shown_text(app, "#problem")
        if problem and app.screen.query_one("#problem").display:
            self.tell("frame", f"problem {' '.join(problem.split())}")
            app.exit()
            return
        lines = ["frame"]
        header = shown_text(app, "#momentum")
        if header and OPENING not in header:
            lines.append("data")
        pending = app.screen.query("#pending-panel")
        if "data" in lines + list(self.told) and pending and "(" in str(pending.first().border_title or ""):
            lines.append(f"filled {pending.first().border_title}")
            snapshot = getattr(app, "snapshot", None)
            if snapshot is not None:
                lines.append(f"read activities={len(snapshot.search.activities)}")
                app.exit()
        self.tell(*lines)


def open_nextyes(db: Path, fd: int) -> int:
    watcher = FrameWatcher(fd)
    displayed = App.post_display_hook

    def after_each_frame(app: App[object]) -> None:
        displayed(app)
        if "read" not in watcher.told and "problem" not in watcher.told:
            watcher.look(app)

    App.post_display_hook = after_each_frame
    from tui.cli import main

    code = main(["--db", str(db)])
    if not watcher.told & {"read", "problem"}:
        print("nextyes ended before it had read the search", flush=True)
        return code or 3
    return code


def open_minimal(fd: int) -> int:
    """The floor: a Textual app with a header, one line of text and a footer, and nothing to read."""

    watcher = FrameWatcher(fd)

    class MinimalApp(App[None]):
        def compose(self) -> ComposeResult:
            yield Header()
            yield Static("Every no gets you closer to the next yes.")
            yield Footer()

        def post_display_hook(self) -> None:
            """Its first frame written to the terminal is all it will ever show."""
            if "filled" not in watcher.told:
                watcher.tell("frame", "data", "filled", "read")
                self.exit()

    MinimalApp().run()
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("app", choices=("nextyes", "minimal"))
    parser.add_argument("--db", type=Path)
    parser.add_argument("--signal-fd", type=int, required=True)
    options = parser.parse_args()
    if options.app == "minimal":
        return open_minimal(options.signal_fd)
    if options.db is None:
        parser.error("nextyes needs --db")
    return open_nextyes(options.db, options.signal_fd)


if __name__ == "__main__":
    raise SystemExit(main())
