"""Loads the extraction word lists (``extract/data/*.json``) once, folded for matching."""
from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable, Sequence
from functools import cache
from itertools import compress, count
from operator import attrgetter, not_
from pathlib import Path
from typing import Any

from rasd.text.normalize import fold_term
from rasd.text.tokens import Token


def load(name: str) -> dict[str, Any]:
    """The JSON catalog ``extract/data/NAME.json``."""
    return json.loads((Path(__file__).parent / "data" / f"{name}.json").read_text(encoding="utf-8"))


def words(items: list[str]) -> frozenset[str]:
    """Folded single words (for multi-word entries, their last word: "حصيلة القتلى" -> "القتلي")."""
    return frozenset(fold_term(w).split()[-1] for w in items)


class Phrases:
    """Folded phrases indexed by their first word, so matching costs one lookup per token.

    The first word may carry proclitics ("وبحسب" matches "بحسب"); the longest phrase wins.
    """

    def __init__(self, items: Iterable[str]):
        self._by_head: dict[str, list[tuple[str, ...]]] = defaultdict(list)
        for phrase in {tuple(fold_term(w).split()) for w in items}:
            self._by_head[phrase[0]].append(phrase)
        for found in self._by_head.values():
            found.sort(key=lambda phrase: (-len(phrase), phrase))   # longest first; ties in a fixed order
        self._heads = frozenset(self._by_head)

    @property
    def heads(self) -> frozenset[str]:
        return self._heads

    def at(self, tokens: Sequence[Token], i: int) -> tuple[str, ...] | None:
        """The longest phrase that starts at ``tokens[i]``, or None."""
        forms = tokens[i].forms
        if self._heads.isdisjoint(forms):       # most tokens start no phrase: one set test in C
            return None
        best: tuple[str, ...] | None = None
        for form in forms:
            if form not in self._by_head:
                continue
            for phrase in self._by_head[form]:
                if (best is None or len(phrase) > len(best)) and i + len(phrase) <= len(tokens) \
                        and all(tokens[i + k].text == w for k, w in enumerate(phrase[1:], 1)):
                    best = phrase
                    break
        return best


_forms_of = attrgetter("forms")


def positions(heads: frozenset[str], tokens: Sequence[Token]) -> list[int]:
    """Indexes of the tokens with a reading in ``heads``: the only places where a phrase of
    these heads (``Phrases.at``) may start. Found in C, no Python step per token."""
    return list(compress(count(), map(not_, map(heads.isdisjoint, map(_forms_of, tokens)))))


@cache
def claims() -> dict[str, Any]:
    return load("claims")


@cache
def attribution() -> dict[str, Any]:
    return load("attribution")


@cache
def speech_verbs() -> frozenset[str]:
    """The one-word attribution verbs (قال، أفاد، ...), folded: the claim reader's clause
    edges and the source reader's verbs are the same list."""
    return words([v for v in attribution()["verbs"] if " " not in v])
