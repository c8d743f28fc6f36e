"""The line of keys at the foot of a screen: Textual's compact footer, built again only when its keys change."""

from __future__ import annotations

from typing import NamedTuple

from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Footer
from textual.widgets._footer import FooterKey  # no public name; the footer's own key widget, drawn as Textual draws it


class ShownKey(NamedTuple):
    """One key as the footer shows it."""

    key: str
    display: str
    description: str
    action: str
    enabled: bool
    tooltip: str


def keys_to_show(screen: Screen[object]) -> tuple[ShownKey, ...]:
    """The keys `screen` shows in its footer, one per action, in the order its bindings come."""
    shown: dict[str, ShownKey] = {}
    for _node, binding, enabled, tooltip in screen.active_bindings.values():
        if binding.show and binding.action not in shown:
            display = screen.app.get_key_display(binding)
            shown[binding.action] = ShownKey(
                binding.key, display, binding.description, binding.action, enabled, tooltip
            )
    return tuple(shown.values())


class KeysFooter(Footer):
    """Compact, without the palette's key (help has it), so every key fits in 80 columns.

    Textual's footer builds its keys afresh, some thirty widgets mounted and styled, whenever the screen's
    keys may have changed: a move between panels, and twice for every screen opened over it and closed,
    though its keys were the same. Each time it also left the keys it replaced alive, tied to the footer
    for good, so the collector's passes grew the longer the app ran. This one builds them only when the
    keys it would show differ from those it shows, and only while its screen is the one open.
    """

    def __init__(self) -> None:
        super().__init__(compact=True, show_command_palette=False)
        self.keys_shown: tuple[ShownKey, ...] | None = None  # None until the screen's keys are known

    def compose(self) -> ComposeResult:
        for key in self.keys_shown or ():
            yield FooterKey(
                key.key,
                key.display,
                key.description,
                key.action,
                disabled=not key.enabled,
                tooltip=key.tooltip,
                classes="-compact",  # as the compact footer's link would set it, without the link
            )

    def bindings_changed(self, screen: Screen[object]) -> None:
        if not (screen.app.app_focus and self.is_attached and screen is self.screen and screen.app.screen is screen):
            return  # a screen beneath another shows its keys again when it is back on top
        keys = keys_to_show(screen)
        if keys != self.keys_shown:
            self.keys_shown = keys
            self.call_after_refresh(self.recompose)
