"""Reconciling the figures of one incident's claims into low / best / high.

The policy (docs/reconciliation.md says why):
1. One figure per source: a source is the attributed speaker (folded text), or the outlet
   for the outlet's own voice and for unnamed speakers it quotes ("مصادر طبية", "ناشطون":
   the outlet vouches for them, and one report is not two sources of its figures). Its
   figure comes from its latest report; within that report an updated toll ("ارتفاع حصيلة
   ... إلى") beats others, and otherwise the largest figure (per-site counts add up to the
   total it also states). A figure is the claim's lower bound ("أكثر من 30" -> 31, "عشرات"
   -> 20, unless a figure of another source falls within it). Breakdowns ("بينهم 3 أطفال")
   are parts, not totals; a count of killed and injured together ("قتل وأصيب 80") is a
   total of neither.
2. Denials count only for a source that gives no positive figure.
3. low = the smallest source figure (ACLED's most conservative credible figure), high = the
   largest, best = the median of the source figures (lower median), as UCDP GED's best
   sits between its low and high.
4. A figure no claim gives is null, never 0 (civilians: 0 when every casualty given is a
   fighter, ``incident_of``).
Contradictions: source figures that differ by more than ``TOLERANCE`` (relative) and
more than ``MIN_GAP``; a denial against reported deaths; different stated perpetrators.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable

from rasd.model import Contradiction, Figure, SourcedClaim
from rasd.text.normalize import fold_term

TOLERANCE = 0.25
MIN_GAP = 2


def source_key(s: SourcedClaim, outlet_of: Callable[[str], str | None]) -> str:
    """Who stands behind a claim: its speaker, or the outlet that published it (its own voice,
    or an unnamed speaker it quotes: a catalogued source is a speaker of its own)."""
    if s.claim.source.kind in ("outlet", "anonymous", "medical") and not s.claim.source.actor:
        return "outlet:" + (outlet_of(s.doc_id) or s.doc_id)
    return "source:" + (s.claim.source.actor or fold_term(s.claim.source.text))


def _value(s: SourcedClaim) -> int:
    return s.claim.min or 0


def per_source(claims: Iterable[SourcedClaim], outlet_of: Callable[[str], str | None],
               published_rank: Callable[[str], tuple]) -> dict[str, SourcedClaim]:
    """Each source's figure (rule 1 and 2 of the policy)."""
    by_source: dict[str, list[SourcedClaim]] = defaultdict(list)
    for s in claims:
        if not (s.claim.breakdown or s.claim.cumulative or s.claim.combined):
            by_source[source_key(s, outlet_of)].append(s)
    chosen: dict[str, SourcedClaim] = {}
    for key, items in by_source.items():
        positive = [s for s in items if not s.claim.denial] or items
        latest = max(published_rank(s.doc_id) for s in positive)
        latest_items = [s for s in positive if published_rank(s.doc_id) == latest]
        updated = [s for s in latest_items if s.claim.toll_stage == "updated"] or latest_items
        chosen[key] = max(updated, key=_value)
    return chosen


def _vague(s: SourcedClaim) -> bool:
    """A vague quantity ("عشرات" 20..99): a range no "بين X و Y" states."""
    return s.claim.max is not None and s.claim.max > (s.claim.min or 0) and s.claim.qualifier is None


def figure(chosen: dict[str, SourcedClaim]) -> Figure:
    """low / best / high over the sources' figures (rule 3). A vague quantity ("أصيب العشرات")
    yields to the figures of other sources that fall within it ("74 جريحاً"): it tells their
    order, not a count of its own."""
    precise = [_value(s) for s in chosen.values() if not _vague(s) and _value(s) > 0]
    chosen = {k: s for k, s in chosen.items()
              if not (_vague(s) and any(s.claim.min <= v <= s.claim.max for v in precise))}
    values = [_value(s) for s in chosen.values()]
    positive = [v for v in values if v > 0]
    if positive and len(positive) < len(values):
        values = positive                     # a denial beside reported deaths is a contradiction
    return spread(values, tuple(sorted(chosen.values(), key=_value)))


def spread(values: list[int], basis: tuple[SourcedClaim, ...] = ()) -> Figure:
    """low = the smallest, best = the lower median, high = the largest; null when no value."""
    if not values:
        return Figure(None, None, None)
    values = sorted(values)
    return Figure(values[0], values[(len(values) - 1) // 2], values[-1], basis)


def contradictions(kind: str, chosen: dict[str, SourcedClaim]) -> list[Contradiction]:
    """Figures that disagree beyond the tolerance, and denials against reported casualties."""
    found: list[Contradiction] = []
    items = sorted(chosen.values(), key=_value)
    denials = [s for s in items if s.claim.denial]
    positive = [s for s in items if not s.claim.denial and _value(s) > 0]
    if denials and positive:
        found.append(Contradiction(kind, tuple(denials + positive[-1:]),
                                   f"{_who(denials[0])} denies any {kind}; {_who(positive[-1])} "
                                   f"reports {_value(positive[-1])}"))
    if len(positive) >= 2:
        low, high = positive[0], positive[-1]
        gap = _value(high) - _value(low)
        if gap > MIN_GAP and gap > TOLERANCE * _value(low):
            found.append(Contradiction(kind, (low, high),
                                       f"{_who(low)} reports {_value(low)}, {_who(high)} reports "
                                       f"{_value(high)}{'+' if high.claim.max is None else ''}"))
    return found


def _who(s: SourcedClaim) -> str:
    return f"{s.claim.source.text} ({s.doc_id})"
