"""Helpers shared by the extraction tests (test_claims.py, test_sources.py).

Every case text is read as an article whose first line is a neutral headline without
numbers, as a real report would have, so the case sentences are body sentences.
``Extraction`` wraps the resulting Document with look-ups that fail with the full list of
claims read, so a failing case shows what the extractor saw instead.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable

import pytest

from rasd import extract as extract_article
from rasd.model import Claim

OUTLET = "Test Outlet"
PUBLISHED = "2021-03-10"
HEADLINE = "تطورات ميدانية في ريف المحافظة"

Figure = tuple  # (kind, min, max[, breakdown])


def describe(claim: Claim) -> str:
    flags = [name for name in ("approximate", "denial", "breakdown") if getattr(claim, name)]
    return (f"{claim.kind} {claim.min}..{claim.max}"
            f"{' [' + ','.join(flags) + ']' if flags else ''}"
            f" q={claim.qualifier!r} stage={claim.toll_stage}"
            f" group={claim.group!r}/{claim.group_kind}"
            f" source={claim.source.text!r}/{claim.source.kind}")


def ordered(figures: Iterable[Figure]) -> list[Figure]:
    """Figures as a sorted list (None-safe), so two multisets compare with a readable diff."""
    return sorted(figures, key=repr)


class Extraction:
    """The Document read from ``HEADLINE + "\\n" + body``, with failing look-ups."""

    outlet = OUTLET

    def __init__(self, body: str) -> None:
        self.body = body
        self.doc = extract_article(f"{HEADLINE}\n{body}", published=PUBLISHED, outlet=OUTLET)
        self.claims = self.doc.claims

    def __str__(self) -> str:
        listing = "\n  ".join(describe(c) for c in self.claims) or "(no claims)"
        return f"{self.body}\n  {listing}"

    def find(self, kind: str, minimum: int | None) -> Claim:
        """The first claim of ``kind`` whose min is ``minimum``; fails with the claim list."""
        for claim in self.claims:
            if claim.kind == kind and claim.min == minimum:
                return claim
        pytest.fail(f"no {kind} claim with min={minimum} in:\n{self}", pytrace=False)

    def figures(self, with_breakdown: bool = False) -> list[Figure]:
        """All (kind, min, max) — plus the breakdown flag if asked — sorted."""
        return ordered((c.kind, c.min, c.max, c.breakdown) if with_breakdown else (c.kind, c.min, c.max)
                       for c in self.claims)

    def numbers(self) -> set[int]:
        """Every bound any claim states."""
        return {n for c in self.claims for n in (c.min, c.max) if n is not None}


@pytest.fixture
def extract() -> Callable[[str], Extraction]:
    return Extraction
