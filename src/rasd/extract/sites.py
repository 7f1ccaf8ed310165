"""Sites an attack hit, each with the strikes the text gives it.

Reports name the targets of a wave of strikes and often count the strikes per target
("استهدفت الغارات مستودعات عياش بـ 6 غارات جوية، ومقراً للميليشيات قرب المطار بغارتين").
A site is a phrase headed by a site noun (``data/sites.json``: مستودع, مقر, مطار, مخيم ...)
that is
- the object of an attack verb ("قصفت الطائرات موقعاً عسكرياً"),
- reached through على after an attack word ("شن الطيران 4 غارات على مخيم للنازحين"), or
- joined by و to a site before it ("..., ومقراً للميليشيات").
Its strike count is the strikes claim the claims stage read in the site's clause (from where
the words leading to the site begin up to where the next site's lead-in begins), the nearest
one within a few words. Numbers are never re-read here, so a count means the same as the
strikes figure it came from. Word lists are in ``data/sites.json``.
"""
from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from rasd.extract import lexicon
from rasd.model import Claim, SiteMention, Span
from rasd.text.dates import time_words
from rasd.text.normalize import Folded, fold_char, fold_term
from rasd.text.tokens import Token, Tokens, tokenize

_CONJUNCTIONS = ("و", "ف")
_QUOTES = ('"', "'")                   # every quotation mark folds to one of these
_FULL_STOPS = (".", "!", "?", ";")     # inside a sentence the splitter kept whole ("المدينة.وقال")


@dataclass(frozen=True)
class _Words:
    """``data/sites.json`` folded, with the words that end a site phrase gathered in one set."""
    heads: frozenset[str]               # folded site nouns in every derived form
    not_site_after: dict[str, frozenset[str]]
    direct: frozenset[str]
    on_words: frozenset[str]
    on: frozenset[str]
    stops: frozenset[str]
    object_reach: int
    lead_reach: int
    count_reach: int
    max_words: int
    trigger: re.Pattern[str]            # any attack verb or على: sentences without one have no site


def _derived(noun: str) -> set[str]:
    """A folded site noun with its accusative ("موقعا") and dual ("موقعين", "مدرستين") forms."""
    forms = {noun}
    if noun.endswith("ه"):
        stem = noun[:-1] + "ت"
    elif noun.endswith("ي"):
        stem = noun                                  # "مبنى" -> "مبنيين"
        forms.add(noun[:-1] + "يين")
    else:
        stem = noun
        if not noun.endswith(("ا", "ء", "ات")):
            forms.add(noun + "ا")
    if not noun.endswith("ي"):
        forms.update({stem + "ين", stem + "ان"})
    return forms


@cache
def _words() -> _Words:
    data = lexicon.load("sites")
    claims = lexicon.claims()
    casualty = {fold_term(w) for table in (claims["triggers"], claims["verbs_after"])
                for ws in table.values() for w in ws if " " not in w}
    heads = {f for forms in data["site_nouns"].values() for w in forms for f in _derived(fold_term(w))}
    direct = frozenset(map(fold_term, data["direct_verbs"]))
    on = frozenset(map(fold_term, data["on"]))
    alternatives = "|".join(sorted(map(re.escape, direct | on), key=lambda w: (-len(w), w)))
    return _Words(
        heads=frozenset(heads),
        not_site_after={fold_term(h): frozenset(map(fold_term, after))
                        for h, after in data["not_site_after"].items()},
        direct=direct,
        on_words=frozenset(map(fold_term, data["on_words"])),
        on=on,
        stops=frozenset(map(fold_term, data["phrase_stops"])) | time_words() | casualty,
        object_reach=data["object_reach"], lead_reach=data["lead_reach"], count_reach=data["count_reach"],
        max_words=data["max_words"],
        trigger=re.compile(rf"(?<!\w)[وف]?(?:{alternatives})(?!\w)"),
    )


def _bare(text: str) -> str:
    """The word without a leading conjunction (و/ف): "ومقرا" -> "مقرا"."""
    return text[1:] if len(text) > 2 and text[0] in _CONJUNCTIONS else text


def _noun(text: str) -> str:
    """The word without its article: "المطار" -> "مطار"."""
    return text[2:] if text.startswith("ال") and len(text) > 3 else text


def _is_punct(tok: Token) -> bool:
    return not tok.text[0].isalnum()


@dataclass(frozen=True)
class _Site:
    start: int                         # token range of the phrase within the sentence
    end: int
    lead: int                          # first token of the words leading to it (its clause)
    clitic: int                        # letters of the first token before the phrase (و/ف)


class _SentenceReader:
    """The sites of one sentence, as token ranges."""

    def __init__(self, tokens: list[Token], in_claim: list[bool], strikes_at: list[bool]):
        self.tokens = tokens
        self.in_claim = in_claim          # token lies inside any claim's words
        self.strikes_at = strikes_at      # token lies inside a strikes claim
        self.w = _words()

    def head_at(self, i: int, coordinated: bool = False) -> int | None:
        """Letters to skip when ``tokens[i]`` is a site head (a leading و/ف), else None."""
        if i >= len(self.tokens) or self.in_claim[i]:
            return None
        text = self.tokens[i].text
        bare = _bare(text)
        if coordinated and bare == text:
            return None
        if _noun(bare) not in self.w.heads:
            return None
        nxt = self.tokens[i + 1].text if i + 1 < len(self.tokens) else ""
        if nxt in self.w.not_site_after.get(_noun(bare), frozenset()):
            return None                   # "مركز مدينة أريحا": a town's centre
        return len(text) - len(bare)

    def phrase_end(self, i: int) -> int:
        """End of the site phrase whose head is ``tokens[i]``: its noun, adjective and name
        words; a quoted name is taken whole ("مواقع لميليشيا “فاطميون”") or not at all."""
        end = j = i + 1
        words = 0
        quote: int | None = None          # where an open quotation began
        while j < len(self.tokens) and words < self.w.max_words:
            tok = self.tokens[j]
            text = tok.text
            if text in _QUOTES:
                quote = j if quote is None else None
                j += 1
                if quote is None:
                    end = j
                continue
            if _is_punct(tok) or tok.is_number or self.in_claim[j] or (quote is None and (
                    text in self.w.stops or text in _CONJUNCTIONS or _bare(text) != text or text[0] == "ب"
                    or any(f in self.w.direct or f in self.w.on_words for f in tok.forms))):
                break                     # "قرب", "في", "بـ 6 غارات", "ومقراً", "بريف", "فجر", "لقصف"
            j += 1
            if quote is None:             # a quoted name counts as one word
                words += 1
                end = j
        return end

    def read(self) -> list[_Site]:
        """The sentence's sites left to right, each with the clause that leads to it."""
        sites: list[_Site] = []
        i = 0
        n = len(self.tokens)
        while i < n:
            tok = self.tokens[i]
            start: int | None = None
            lead = i
            if sites and self.head_at(i, coordinated=True) is not None and self._joined(sites[-1].end, i):
                start = i                                   # "..., ومقراً للميليشيات"
                lead = i
            elif not self.in_claim[i] and _bare(tok.text) in self.w.direct:
                start = self._object(i + 1)                 # "استهدفت الغارات مستودعات ..."
                lead = self._lead(i, sites)
            elif tok.text in self.w.on and self._attack_before(i, sites):
                start = i + 1 if self.head_at(i + 1) is not None else None
                lead = self._lead(i, sites)
            if start is None:
                i += 1
                continue
            end = self.phrase_end(start)
            sites.append(_Site(start, end, lead, self.head_at(start) or 0))
            i = end
        return sites

    def _object(self, j: int) -> int | None:
        """The site head a verb's object starts with, past its subject ("الطائرات الحربية")."""
        for k in range(j, min(len(self.tokens), j + self.w.object_reach)):
            text = self.tokens[k].text
            if _is_punct(self.tokens[k]) or text in self.w.stops or (text[0] == "ب" and not self.in_claim[k]):
                return None               # a head past "في", "قرب", "بمحيط" is where, not what
            if self.head_at(k) is not None and _bare(self.tokens[k].text) == self.tokens[k].text:
                return k
        return None

    def _attack_before(self, i: int, sites: list[_Site]) -> bool:
        """An attack word in the clause before this على ("4 غارات على", "قصف مدفعي على")."""
        floor = max(sites[-1].end if sites else 0, i - self.w.lead_reach)
        for k in range(i - 1, floor - 1, -1):
            tok = self.tokens[k]
            if _is_punct(tok):
                return False
            if self.strikes_at[k] or any(f in self.w.on_words or f in self.w.direct for f in tok.forms):
                return True
        return False

    def _lead(self, trigger: int, sites: list[_Site]) -> int:
        """First token of the clause leading to a site: back from its trigger to a punctuation
        mark, the previous site, or past one strikes count ("ثم شنت 3 غارات على")."""
        floor = sites[-1].end if sites else 0
        k = trigger
        counted = False
        while k > floor:
            if _is_punct(self.tokens[k - 1]):
                break
            if self.strikes_at[k - 1]:
                if counted and not self.strikes_at[k]:
                    break                 # a second count belongs to what came before
                counted = True
            k -= 1
        return k

    def _joined(self, end: int, i: int) -> bool:
        """A coordinated site belongs to the list before it: nothing but a count, a place
        phrase or a comma lies between (no new verb, no new clause with its own subject)."""
        for k in range(end, i):
            tok = self.tokens[k]
            if tok.text in _FULL_STOPS or tok.text == ":":
                return False
            bare = _bare(tok.text)
            if not self.strikes_at[k] and (bare in self.w.direct or bare in self.w.on_words):
                return False              # "، وقصفت ...": a new clause ("بغارة" is the last site's)
        return True


def _counts(sites: list[_Site], claims: Sequence[tuple[int, int, int]], stops: Sequence[int],
            reach: int) -> list[int | None]:
    """Each site's strikes: the claim of its clause nearest to it, within ``reach`` words and
    no full stop (``stops``, token indices) away (claims as token ranges with their count).
    A count that leads into a list of sites joined by و counts them together, so it is given
    to none of them."""
    out: list[int | None] = []
    for n, s in enumerate(sites):
        stop = sites[n + 1].lead if n + 1 < len(sites) else None
        grouped_after = n + 1 < len(sites) and sites[n + 1].lead == sites[n + 1].start
        grouped_before = n > 0 and s.lead == s.start
        best: tuple[int, int] | None = None
        for c_start, c_end, value in claims:
            if c_start >= s.end and (stop is None or c_start < stop):
                lo, hi = s.end, c_start
            elif s.lead <= c_start and c_end <= s.start and not grouped_after and not grouped_before:
                lo, hi = c_end, s.start
            else:
                continue
            if hi - lo > reach or any(lo <= k < hi for k in stops):
                continue
            if best is None or hi - lo < best[0]:
                best = (hi - lo, value)
        out.append(best[1] if best else None)
    return out


def _covered(points: list[int], spans: Sequence[Span]) -> list[bool]:
    """For each of the (ascending) ``points``, whether some span holds it: the spans merged
    once and each point looked up, so a long sentence with many claims stays linear."""
    merged: list[list[int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        elif start < end:
            merged.append([start, end])
    heads = [start for start, _ in merged]
    out = []
    for p in points:
        k = bisect.bisect_right(heads, p) - 1
        out.append(k >= 0 and p < merged[k][1])
    return out


def find_sites(text: str, folded: Folded, sentences: Sequence[Span],
               claims: Sequence[Claim], tokens: Tokens | None = None) -> tuple[SiteMention, ...]:
    """The sites of a document, each with the strikes count stated with it; ``tokens`` are
    the document's (``Tokens(folded.text)``) when the caller has them already."""
    index = folded.index
    triggers = [m.start() for m in _words().trigger.finditer(folded.text)]
    if not triggers:
        return ()                         # most texts and sentences attack nothing
    found: list[SiteMention] = []
    by_start = sorted(range(len(claims)), key=lambda n: claims[n].span[0])
    claim_starts = [claims[n].span[0] for n in by_start]
    for sent_start, sent_end in sentences:
        lo, hi = bisect.bisect_left(index, sent_start), bisect.bisect_left(index, sent_end)
        k = bisect.bisect_left(triggers, lo)
        if k == len(triggers) or triggers[k] >= hi:
            continue
        sent = tokens.in_span(lo, hi) if tokens is not None else tokenize(folded.text, lo, hi)
        if not sent:
            continue
        here = [claims[n] for n in sorted(by_start[bisect.bisect_left(claim_starts, sent_start):
                                                    bisect.bisect_left(claim_starts, sent_end)])]
        starts = [index[tok.start] for tok in sent]
        in_claim = _covered(starts, [c.span for c in here])
        strikes = [c for c in here if c.kind == "strikes" and not c.denial and c.min]
        strikes_at = _covered(starts, [c.span for c in strikes])
        sites = _SentenceReader(sent, in_claim, strikes_at).read()
        if not sites:
            continue
        ranges = []
        for c in strikes:
            first, end = bisect.bisect_left(starts, c.span[0]), bisect.bisect_left(starts, c.span[1])
            if first < end:             # the tokens that start inside the claim
                ranges.append((first, end, c.min))
        stops = [k for k, tok in enumerate(sent) if tok.text in _FULL_STOPS]
        for site, count in zip(sites, _counts(sites, ranges, stops, _words().count_reach)):
            start, end = folded.span(sent[site.start].start + site.clitic, sent[site.end - 1].end)
            while end < len(text) and not fold_char(text[end]):
                end += 1                  # the last word's case ending ("عسكرياً")
            found.append(SiteMention(text[start:end], (start, end), count))
    return tuple(found)
