"""nextyes: every "no" gets you closer to the next "yes"."""

__version__ = "0.5.0"
