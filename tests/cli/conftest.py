"""What the command-line tests share."""

from __future__ import annotations

from typing import Any

import pytest

from tui.cli import command_line


@pytest.fixture
def whole_command_runs(monkeypatch: pytest.MonkeyPatch) -> list[list[str]]:
    """The commands the whole command line ran: the others were answered before it was built (a quick `log`
    from its brief, an answer said again)."""
    ran: list[list[str]] = []
    whole = command_line.run

    def counted(arguments: list[str], now: Any) -> int:
        ran.append(arguments)
        return whole(arguments, now)

    monkeypatch.setattr(command_line, "run", counted)
    return ran
