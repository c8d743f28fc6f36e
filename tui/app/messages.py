"""The messages the app's workers post back to the event loop, where the app's handlers act on them."""

from __future__ import annotations

from collections.abc import Sequence

from textual.message import Message

from tui.app.state import Change, Snapshot
from tui.core.rewards import Reward
from tui.store.files import Source


class JobSearchLoaded(Message):
    """The job search was read and its dashboard built."""

    def __init__(self, snapshot: Snapshot, tidy: bool = False, merged: Sequence[str] = ()) -> None:
        super().__init__()
        self.snapshot = snapshot
        self.tidy = tidy  # a large search was read afresh: tidy up once it is on screen
        self.merged = merged  # a line for each sync conflict copy merged before the read, to be said once


class JobSearchUnreadable(Message):
    """The database could not be read; `signature` is the file as it was when that was found."""

    def __init__(self, problem: str, signature: Source) -> None:
        super().__init__()
        self.problem = problem
        self.signature = signature


class ChangeSaved(Message):
    def __init__(self, change: Change, snapshot: Snapshot | None = None) -> None:
        super().__init__()
        self.change = change
        self.snapshot = snapshot  # the search as read just after the change, unless it could not be


class ChangeFailed(Message):
    def __init__(self, change: Change, problem: str) -> None:
        super().__init__()
        self.change = change
        self.problem = problem


class RewardsEarned(Message):
    """A change made here has just earned these rewards; sent once, when they are first earned."""

    def __init__(self, rewards: list[Reward]) -> None:
        super().__init__()
        self.rewards = rewards
