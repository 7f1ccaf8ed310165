"""Loads the extraction word lists (``extract/data/*.json``) once, folded for matching."""
from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any

from rasd.text.normalize import fold_term


def load(name: str) -> dict[str, Any]:
    """The JSON catalog ``extract/data/NAME.json``."""
    return json.loads(resources.files("rasd.extract").joinpath(f"data/{name}.json").read_text("utf-8"))


def words(items: list[str]) -> frozenset[str]:
    """Folded single words (for multi-word entries, their last word: "حصيلة القتلى" -> "القتلي")."""
    return frozenset(fold_term(w).split()[-1] for w in items)


def phrases(items: list[str]) -> tuple[tuple[str, ...], ...]:
    """Folded phrases as word tuples, longest first so the longest match wins."""
    return tuple(sorted({tuple(fold_term(w).split()) for w in items}, key=len, reverse=True))


@cache
def claims() -> dict[str, Any]:
    return load("claims")


@cache
def attribution() -> dict[str, Any]:
    return load("attribution")
