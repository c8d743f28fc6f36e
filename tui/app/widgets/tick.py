"""`Tick`: a checkbox that reads the same without colour: ✓ when ticked, blank when not."""

from __future__ import annotations

from textual.widgets import Checkbox


class Tick(Checkbox):
    """Textual's checkbox shows an X either way and tells on from off by colour alone."""

    @property
    def BUTTON_INNER(self) -> str:  # type: ignore[override]  # read by ToggleButton when it draws the box
        return "✓" if self.value else " "
