"""`python -m tui` runs the `nextyes` command."""

import sys

from tui.cli import main

sys.exit(main())
