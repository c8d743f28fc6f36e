"""The Textual dashboard. `NextYesApp` is imported on first use, so `import tui.app` stays cheap."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from tui.app.app import NextYesApp

__all__ = ["NextYesApp"]


def __getattr__(name: str) -> Any:
    if name == "NextYesApp":
        from tui.app.app import NextYesApp

        return NextYesApp
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
