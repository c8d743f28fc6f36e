"""What every area's commands start from: the app as `Host` describes it, and the dashboard they act on."""

from __future__ import annotations

from tui.app.host import Host
from tui.app.screens.dashboard import DashboardScreen


class DashboardCommands(Host):
    """The base of each mixin in actions/; `NextYesApp` is made of them all."""

    @property
    def dashboard(self) -> DashboardScreen:
        screen = self.screen_stack[0]
        assert isinstance(screen, DashboardScreen)
        return screen
