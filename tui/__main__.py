"""`python -m tui` runs the `nextyes` command."""

from tui.cli import entry

entry()
