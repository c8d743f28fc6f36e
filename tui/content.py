"""Shipped content read from `data/`: reflection prompts and the demo dataset."""

from __future__ import annotations

import tomllib
from functools import cache

from tui.core.prompts import Prompt
from tui.locations import data_dir


@cache
def reflection_prompts() -> tuple[Prompt, ...]:
    with (data_dir() / "prompts.toml").open("rb") as source:
        table = tomllib.load(source)
    return tuple(Prompt(context=p["context"], text=p["text"]) for p in table["prompt"])
