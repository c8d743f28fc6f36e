"""Shipped content read from `data/`: reflection prompts, draft templates and the demo dataset."""

from __future__ import annotations

import tomllib
from functools import cache

from tui.core.drafts import DraftKind
from tui.core.prompts import Prompt
from tui.locations import data_dir

DRAFT_FILES = {
    DraftKind.FOLLOW_UP: "follow-up.txt",
    DraftKind.THANK_YOU: "thank-you.txt",
    DraftKind.FEEDBACK: "feedback-request.txt",
}


@cache
def reflection_prompts() -> tuple[Prompt, ...]:
    with (data_dir() / "prompts.toml").open("rb") as source:
        table = tomllib.load(source)
    return tuple(Prompt(context=p["context"], text=p["text"]) for p in table["prompt"])


@cache
def draft_templates() -> dict[DraftKind, str]:
    """Each kind of draft's template, from `data/drafts/`: a `Subject: …` line, a blank line, the body."""
    folder = data_dir() / "drafts"
    return {kind: (folder / name).read_text(encoding="utf-8") for kind, name in DRAFT_FILES.items()}
