"""Fixtures of the app's pilot tests."""

from __future__ import annotations

import errno

import pytest

from tui.store import files as store_files


@pytest.fixture
def disk_full(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every write of the database fails as on a full disk, as it is made to last (a line of the journal
    or the whole file alike)."""

    def no_space(*args: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(store_files.os, "fsync", no_space)
