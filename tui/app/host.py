"""The app as its screens and commands see it: the job search as last read, and the ways to ask for a change;
and how it treats what the person types and the toasts it raises, whatever screen is open.

`NextYesApp` (app.py) reads and saves; it imports the screens, so the screens and the dashboard's commands
(actions/) type the app as this `Host` instead, and nothing imports app.py but the package's entry point.
Nothing here imports a screen: the screens import this.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable
from dataclasses import replace
from functools import partial
from time import monotonic
from typing import TYPE_CHECKING, Any, TypeVar
from weakref import WeakKeyDictionary, WeakSet

from rich.cells import cell_len
from textual import events
from textual.app import App
from textual.dom import DOMNode
from textual.geometry import Region
from textual.message import Message
from textual.message_pump import MessagePump
from textual.screen import ModalScreen, Screen
from textual.timer import Timer
from textual.widget import Widget
from textual.widgets import Footer
from textual.widgets._toast import ToastRack  # no public name; its placement is what is changed here
from textual.worker import Worker

from tui.app.state import Change, Snapshot

if TYPE_CHECKING:
    from tui.recording import Recorder

DraftType = TypeVar("DraftType")
KeptType = TypeVar("KeptType", bound=Screen[Any])

# A form to open, given the draft to show as typed (None for an empty form) and why its last save failed ("").
OpenForm = Callable[[DraftType | None, str], ModalScreen[DraftType | None]]

Typed = events.Key | events.Paste


class KeyHandled(Message):
    """Sent after a key to the widget that received it; bubbling up the same way, it reaches the app
    only after the key has. `on_screen` is the screen that was open when it was sent."""

    def __init__(self, receiver: MessagePump, screen: Screen[object], rounds: int) -> None:
        super().__init__()
        self.receiver = receiver
        self.on_screen = screen
        self.rounds = rounds  # the times it goes round before the key counts as handled


class KeysInOrder(App[None]):
    """Keys are handled one at a time, in the order typed, each on the screen the keys before it left open.

    Textual puts a key in the focused widget's queue and moves on to the next key at once. So a burst
    typed after `a` (a paste, a fast typist, a busy machine) went to the dashboard while the form was
    still being built and was lost; and enter, a priority binding run as soon as it arrives, read a
    field that had not yet taken the letters typed before it. Here the next key waits until the one
    before it has been handled, what that set off has been handled too (a row chosen posts a message,
    which opens a form), and any screen it opened is built and has focused its first field.
    """

    # Twice round: once for the key, once for what handling it posted on its way (a row chosen, a field
    # changed, a focus asked for), which may open a form or change what the next key does.
    ROUNDS = 2
    # After this long a key is delivered even if the one before it never reported back: a widget that
    # was removed meanwhile drops what was sent to it, and nothing typed may wait forever.
    PATIENCE = 2.0

    def __init__(self) -> None:
        super().__init__()
        self.typed_ahead: deque[Typed] = deque()
        self.awaited: KeyHandled | None = None
        self.awaited_since = 0.0
        self.patience: Timer | None = None
        self.last_typed = 0.0  # when the last key or paste came (`monotonic`)

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, Typed) and not event.is_forwarded and self.screen_stack:
            self.last_typed = monotonic()
            self.typed_ahead.append(event)
            await self.deliver_typed_ahead()
            return
        await super().on_event(event)

    @property
    def taking_keys(self) -> bool:
        """Whether keys typed are handed on now; `NextYesApp` keeps them while its dashboard is being built."""
        return True

    async def deliver_typed_ahead(self) -> None:
        while self.typed_ahead and self.awaited is None and self.taking_keys:
            event = self.typed_ahead.popleft()
            screen = self.screen
            receiver: MessagePump = self.focused or screen
            await super().on_event(event)  # Textual's own delivery: priority bindings, then the focused widget
            if not event.is_forwarded:  # a priority binding took it (tab, enter in a form, ctrl+q)
                receiver = self.focused or self.screen
            self.follow(receiver, screen, self.ROUNDS)

    def on_ready(self) -> None:
        self.screen_change_signal.subscribe(self, self.check_receiver)

    def check_receiver(self, _screen: Screen[object]) -> None:
        """A screen closed: what was sent to its widgets is dropped, so the next key need not wait for it."""
        if self.awaited is not None and not self.still_open(self.awaited.receiver):
            self.post_message(self.awaited)

    def follow(self, receiver: MessagePump, screen: Screen[object], rounds: int) -> None:
        """Send a `KeyHandled` after what `receiver` has been sent; the next key waits for it."""
        marker = KeyHandled(receiver, screen, rounds)
        self.awaited = marker
        self.awaited_since = monotonic()
        if not receiver.post_message(marker):  # closing: there is nothing to wait for
            self.post_message(marker)
        if self.patience is None:
            self.patience = self.set_interval(0.25, self.check_patience)
        self.patience.resume()

    def check_patience(self) -> None:
        marker = self.awaited
        if marker is None:
            if self.patience is not None:
                self.patience.pause()
            return
        if not self.still_open(marker.receiver) or monotonic() - self.awaited_since > self.PATIENCE:
            self.post_message(marker)  # as if it had come back

    def still_open(self, receiver: MessagePump) -> bool:
        """Whether `receiver` is still on a screen of the stack, so what is sent to it will be handled."""
        if isinstance(receiver, Screen):
            return receiver in self.screen_stack
        if isinstance(receiver, Widget):
            return receiver.is_attached and receiver.screen in self.screen_stack
        return True

    async def on_key_handled(self, marker: KeyHandled) -> None:
        if marker is not self.awaited:
            return  # given up on already
        if self.screen is not marker.on_screen:
            # The key opened or closed a screen: the next key waits until this one is built and focused.
            self.follow(self.focused or self.screen, self.screen, 1)
        elif marker.rounds > 1 and self.still_open(marker.receiver):
            self.follow(marker.receiver, marker.on_screen, marker.rounds - 1)
        else:
            self.awaited = None
            await self.deliver_typed_ahead()


def toast_rack(screen: Screen[object]) -> ToastRack | None:
    """Where `screen` draws toasts; None when toasts are turned off (as in pilot tests, unless asked for)."""
    for child in screen.children:
        if isinstance(child, ToastRack):
            return child
    return None


# Where a dialog's toasts go: the rack's class, its top and left margins, its width (0: the screen's) and height.
Placement = tuple[str, int, int, int, int]
PLACEMENTS = ("-below-dialog", "-above-dialog", "-on-dialog-border")


def toast_placement(screen: ModalScreen[object]) -> Placement | None:
    """Where toasts cover nothing of the dialog `screen` draws: the rows it leaves free below or above it,
    or, when it leaves none, its top border right of its title. None until it has been laid out."""
    # Its box, and its footer if it has one (the rejection flow's keys); not the toasts or the tooltip.
    parts = [child for child in screen.children if child.display and not child.has_class("-textual-system")]
    # A list opened from a field (a Select's) is drawn over the screen, past the edge of the box.
    lists = [
        widget
        for widget in screen.query("*")
        if widget.styles.overlay == "screen" and widget.display and not widget.has_class("-textual-system")
    ]
    regions = [part.region for part in (*parts, *lists) if part.region]
    drawn = Region.from_union(regions) if regions else Region()
    if not drawn or not parts:
        return None
    above, below = drawn.y, screen.size.height - drawn.bottom
    if below and below >= above:
        return PLACEMENTS[0], 0, 0, 0, below
    if above:
        return PLACEMENTS[1], 0, 0, 0, above
    box = next((part for part in parts if not isinstance(part, Footer)), parts[0])
    title = cell_len(str(box.border_title or ""))
    left = box.region.x + 2 + (title + 3 if title else 0)
    return PLACEMENTS[2], box.region.y, left, max(box.region.right - 2 - left, 0), 1


class ToastsClearOfDialogs(App[None]):
    """Toasts are drawn where they cover no open dialog, and only on the screen that is open.

    On the dashboard they stand at the bottom right, above the footer, as Textual draws them. Over a
    dialog they move, one line each, into the rows it leaves free below or above it; a screen that leaves
    no row free (Contacts, help) has them on its top border, right of its title: never on a field or the
    help line. A toast raised just before a screen opened is taken off the screen beneath, where it stayed
    drawn behind the new screen's backdrop, and shown on the open one.
    """

    def __init__(self) -> None:
        super().__init__()
        self.toasts_placed: WeakKeyDictionary[ToastRack, Placement] = WeakKeyDictionary()
        self.toasts_watched: WeakSet[Screen[object]] = WeakSet()  # screens whose layout moves their toasts

    def on_ready(self) -> None:
        self.screen_change_signal.subscribe(self, self.toasts_follow)

    def toasts_follow(self, screen: Screen[object]) -> None:
        for beneath in self.screen_stack[:-1]:
            if (rack := toast_rack(beneath)) is not None:
                rack.display = False  # until it is the open screen again, when Textual shows its rack afresh
        if isinstance(screen, ModalScreen) and screen not in self.toasts_watched:
            # A form grows with an error beside a field; the rejection flow changes with each step.
            self.toasts_watched.add(screen)
            screen.screen_layout_refresh_signal.subscribe(self, self.place_toasts)
        self.place_toasts(screen)

    def place_toasts(self, screen: Screen[object]) -> None:
        if screen is not self.screen or not isinstance(screen, ModalScreen):
            return
        rack = toast_rack(screen)
        placement = toast_placement(screen)
        if rack is None or placement is None:
            return
        if placement != self.toasts_placed.get(rack):
            self.toasts_placed[rack] = placement
            name, top, left, width, height = placement
            for each in PLACEMENTS:
                rack.set_class(each == name, each)
            rack.styles.margin = (top, 0, 0, left)
            rack.styles.max_height = height
            if width:
                rack.styles.width = width
            else:
                rack.styles.clear_rule("width")
        # More toasts than rows: the newest are the ones shown (the rack holds them oldest first, a line each).
        holders = list(rack.children)
        for index, holder in enumerate(holders):
            shown = index >= len(holders) - placement[-1]
            if holder.display != shown:
                holder.display = shown


class StyledOnceMounted(App[None]):
    """A widget is styled once, as it is mounted, not also while it is being built.

    Textual styles a widget afresh whenever a class of it changes, built or not: a compact field, a value given,
    each styled its part of the stylesheet before it was even mounted, where it is styled again anyway
    (`App._register`). A form's fields are built with such classes, a millisecond each.
    """

    def update_styles(self, node: DOMNode, animate: bool = True) -> None:
        if isinstance(node, Widget) and not node.is_attached:
            return  # not mounted yet: styled as it is
        super().update_styles(node, animate=animate)


class Host(KeysInOrder, ToastsClearOfDialogs, StyledOnceMounted):
    """The search as last read, the recorder, and `edit` / `save`; `NextYesApp` does the reading and saving."""

    snapshot: Snapshot | None  # the job search as last read; None until the first read succeeds
    problem: str  # why the database cannot be read right now, or ""

    @property
    def recorder(self) -> Recorder:
        """Records changes; `NextYesApp` makes it when it first reads the search."""
        raise NotImplementedError

    def save(self, change: Change) -> Worker[None]:
        """Record `change` in a worker; `NextYesApp` does it."""
        raise NotImplementedError

    def edit(
        self,
        form: OpenForm[DraftType],
        to_change: Callable[[DraftType], Change],
        draft: DraftType | None = None,
        problem: str = "",
    ) -> None:
        """Open `form` and save the draft it returns as `to_change(draft)`; escape saves nothing.

        Should the save fail, the same form opens again with the draft as typed and the problem beside
        it, as often as it takes; `form` is called afresh each time, so it may read the search as it is by then.
        """

        def typed(draft: DraftType | None) -> None:
            if draft is not None:
                self.save(replace(to_change(draft), retry=partial(self.edit, form, to_change, draft)))

        self.push_screen(form(draft, problem), typed)

    def writable_snapshot(self) -> Snapshot | None:
        """The job search to change, or None (after saying why) while it cannot be written."""
        if self.problem:
            self.notify(
                f"Nothing can be saved until the database can be read: {self.problem}",
                severity="error",
                timeout=10,
            )
            return None
        return self.opened_snapshot()

    def kept(self, name: str, kind: type[KeptType], build: Callable[[], KeptType]) -> KeptType:
        """The screen kept under `name`: built the first time it is asked for, then kept (installed), so that
        opening it again shows it as built, and closing it takes nothing down: for the screens opened most
        (Your records, help), whose parts took longer to build and take down than to draw."""
        if self.is_screen_installed(name):
            screen = self.get_screen(name)
            assert isinstance(screen, kind)
            return screen
        screen = build()
        self.install_screen(screen, name)
        return screen

    def opened_snapshot(self) -> Snapshot | None:
        """The job search as last read, or None (after saying so) while it is still being opened."""
        if self.snapshot is None:
            self.notify("Still opening your job search; try again in a moment.", severity="warning")
        return self.snapshot
