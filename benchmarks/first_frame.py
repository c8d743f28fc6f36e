"""Start one app in this fresh process, say on a pipe when its first frames are drawn, then quit.

    python benchmarks/first_frame.py nextyes --db PATH --signal-fd N
    python benchmarks/first_frame.py minimal --signal-fd N

benchmarks/performance.py starts this under a pseudo-terminal, so both apps start the way a person
starts them and draw to a real terminal; it times from the spawn to each line written on fd N:

    frame              the first frame is drawn (for nextyes: the dashboard, still empty)
    data <details>     the first frame with the data is drawn (for the minimal app: its first frame)
    problem <text>     nextyes could not read the database; nothing more will come

nextyes is opened through `tui.cli.main`, exactly as `nextyes --db PATH` opens it. The app has no
"data shown" event of its own, so this wraps `DashboardScreen.show` (called once the worker has read
the file) and waits for the refresh after it; nothing else about the app changes.
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path


def say(fd: int, line: str) -> None:
    os.write(fd, f"{line}\n".encode())


def open_nextyes(db: Path, fd: int) -> int:
    from tui.app.screens.dashboard import DashboardScreen
    from tui.cli import main

    mounted, shown, refused = DashboardScreen.on_mount, DashboardScreen.show, DashboardScreen.show_problem
    told: set[str] = set()

    def once(screen: DashboardScreen, what: str) -> bool:
        """True the first time `what` happens: later reloads are not first frames."""
        first = what not in told
        told.add(what)
        return first

    def after_mount(screen: DashboardScreen) -> None:
        mounted(screen)
        if once(screen, "frame"):
            screen.app.call_after_refresh(say, fd, "frame")

    def after_show(screen: DashboardScreen, dashboard: object) -> None:
        shown(screen, dashboard)
        if once(screen, "data"):
            screen.app.call_after_refresh(data_drawn, screen)

    def after_problem(screen: DashboardScreen, message: str, *, opened: bool) -> None:
        refused(screen, message, opened=opened)
        say(fd, f"problem {' '.join(message.split())}")
        screen.app.exit()

    def data_drawn(screen: DashboardScreen) -> None:
        snapshot = getattr(screen.app, "snapshot", None)
        activities = len(snapshot.search.activities) if snapshot is not None else 0
        say(fd, f"data activities={activities} pending={screen.pending.row_count}")
        screen.app.exit()

    DashboardScreen.on_mount = after_mount
    DashboardScreen.show = after_show
    DashboardScreen.show_problem = after_problem
    return main(["--db", str(db)])


def open_minimal(fd: int) -> int:
    """The floor: a Textual app with a header, one line of text and a footer, and nothing to read."""
    from textual.app import App, ComposeResult
    from textual.widgets import Footer, Header, Static

    class MinimalApp(App[None]):
        def compose(self) -> ComposeResult:
            yield Header()
            yield Static("Every no gets you closer to the next yes.")
            yield Footer()

        def on_mount(self) -> None:
            self.call_after_refresh(self.drawn)

        def drawn(self) -> None:
            say(fd, "frame")
            say(fd, "data")
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
