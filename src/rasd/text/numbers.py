"""Counts in Arabic text: digits, number words, vague quantities, and their qualifiers.

``read_count(tokens, i)`` reads the number starting at token ``i`` ("13", "١٣" after
folding, "ثلاثة عشر", "خمسة وعشرين", "مئتين", "عشرات"); ``qualify(tokens, i, j, count)``
applies the words around it ("ما لا يقل عن", "أكثر من", "نحو", "بين ... و ...", "على الأقل")
to get inclusive min/max bounds as the contract's table says. The words are data
(``data/numbers.json``).
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache, cached_property
from importlib import resources

from rasd.text.normalize import fold_term
from rasd.text.tokens import Token


@dataclass(frozen=True, slots=True)
class Count:
    """A number read from tokens ``[start, end)``: exact (min == max) or a vague range."""
    min: int
    max: int
    start: int
    end: int

    @property
    def exact(self) -> bool:
        return self.min == self.max


@dataclass(frozen=True, slots=True)
class Bounds:
    """Inclusive bounds after qualifiers; ``start``/``end`` widen to the qualifier tokens."""
    min: int | None
    max: int | None
    start: int
    end: int
    qualifier: str | None = None
    approximate: bool = False


@dataclass(frozen=True)
class _Lexicon:
    units: dict[str, int]
    teen_suffix: frozenset[str]
    tens: dict[str, int]
    hundreds: dict[str, int]
    hundred_word: frozenset[str]
    thousands: dict[str, int]
    thousand_plural: frozenset[str]
    vague: dict[str, tuple[int, int]]
    before: tuple[tuple[tuple[str, ...], str, str], ...]   # (folded words, bound, as written)
    after: tuple[tuple[tuple[str, ...], str, str], ...]
    range_joiners: frozenset[str]
    range_openers: tuple[tuple[str, ...], ...]
    not_before: frozenset[str]
    not_after: frozenset[str]

    @cached_property
    def more_than_verbs(self) -> frozenset[str]:
        """One-word "more than" qualifiers ("تجاوز", "يفوق"), which may stand far from the number."""
        return frozenset(words[0] for words, bound, _ in self.before if bound == "more_than" and len(words) == 1)


def _valued(table: dict[str, list[str]]) -> dict[str, int]:
    return {fold_term(word): int(value) for value, words in table.items() for word in words}


def _phrases(rows: list[dict]) -> tuple[tuple[tuple[str, ...], str, str], ...]:
    phrases = {(tuple(fold_term(r["words"]).split()), r["bound"], r["words"]) for r in rows}
    return tuple(sorted(phrases, key=lambda p: (-len(p[0]), p)))   # longest first; ties in a fixed order


@cache
def lexicon() -> _Lexicon:
    data = json.loads(resources.files("rasd.text").joinpath("data/numbers.json").read_text("utf-8"))
    folded = lambda words: frozenset(fold_term(w) for w in words)  # noqa: E731
    return _Lexicon(
        units=_valued(data["units"]),
        teen_suffix=folded(data["teen_suffix"]),
        tens=_valued(data["tens"]),
        hundreds=_valued(data["hundreds"]),
        hundred_word=folded(data["hundred_word"]),
        thousands=_valued(data["thousands"]),
        thousand_plural=folded(data["thousand_plural"]),
        vague={fold_term(w): (row["min"], row["max"]) for row in data["vague"] for w in row["words"]},
        before=_phrases(data["qualifiers_before"]),
        after=_phrases(data["qualifiers_after"]),
        range_joiners=folded(data["range_joiners"]),
        range_openers=tuple(tuple(fold_term(o).split()) for o in data["range_openers"]),
        not_before=folded(data["not_counts_before"]),
        not_after=folded(data["not_counts_after"]),
    )


def _lookup(token: Token, table: dict[str, int]) -> int | None:
    for form in token.forms:
        if form in table:
            return table[form]
    return None


def _is(token: Token | None, words: frozenset[str]) -> bool:
    return token is not None and any(form in words for form in token.forms)


def read_count(tokens: list[Token], i: int) -> Count | None:
    """The number that starts at ``tokens[i]``, or None."""
    lex = lexicon()
    tok = tokens[i]
    nxt = tokens[i + 1] if i + 1 < len(tokens) else None
    if tok.is_number:
        return _digits(tok.text, i)
    if (vague := _vague(tok)) is not None:
        return Count(vague[0], vague[1], i, i + 1)
    value = _lookup(tok, lex.units)
    end = i + 1
    if value is not None:
        if nxt is not None and nxt.text in lex.teen_suffix and value < 10:
            value, end = value + 10, i + 2
        elif nxt is not None and nxt.text in lex.hundred_word:
            value, end = value * 100, i + 2
        elif nxt is not None and nxt.text in lex.thousand_plural and value > 2:
            value, end = value * 1000, i + 2
    elif (value := _lookup(tok, lex.tens)) is None and (value := _lookup(tok, lex.hundreds)) is None:
        if (value := _lookup(tok, lex.thousands)) is None:
            return None
    # "خمسة وعشرين", "مئة وعشرون", "مئتين وخمسة" : a following و + smaller part adds up
    while end < len(tokens) and tokens[end].text.startswith("و") and len(tokens[end].text) > 2:
        part = tokens[end].text[1:]
        more = lex.tens.get(part) or lex.units.get(part) or lex.hundreds.get(part)
        if not more or more >= value and value >= 10:
            break
        value, end = value + more, end + 1
    return Count(value, value, i, end)


def _vague(tok: Token) -> tuple[int, int] | None:
    for form in tok.forms:
        if form in lexicon().vague:
            return lexicon().vague[form]
    return None


_MAX_COUNT_DIGITS = 12   # longer is no count; past 4,300 digits Python refuses to read it at all


def _digits(text: str, i: int) -> Count | None:
    if "." in text or ":" in text:
        return None                                    # "23.30", "2.5": times, decimals
    if "," in text:
        groups = text.split(",")
        if any(len(g) != 3 for g in groups[1:]):
            return None                                # "3,4": a list, not 34
        text = "".join(groups)
    if len(text) > _MAX_COUNT_DIGITS:
        return None                                    # a phone number, an id, a scraped digit run
    value = int(text)
    return Count(value, value, i, i + 1)


def is_measure(tokens: list[Token], count: Count) -> bool:
    """True when the number names a unit, time, distance or year rather than a count."""
    lex = lexicon()
    before = tokens[count.start - 1] if count.start > 0 else None
    after = tokens[count.end] if count.end < len(tokens) else None
    if before is not None and before.text in lex.not_before:
        return True
    if _is(after, lex.not_after):
        return True
    return count.exact and 1900 <= count.min <= 2100 and before is not None and not before.is_number


def _match_before(tokens: list[Token], end: int, words: tuple[str, ...]) -> bool:
    start = end - len(words)
    if start < 0:
        return False
    for k, word in enumerate(words):
        tok = tokens[start + k]
        if tok.text != word and not (k == 0 and word in tok.forms):
            return False
    return True


def qualify(tokens: list[Token], count: Count) -> Bounds:
    """Bounds of ``count`` with its qualifiers and ranges applied (contract's table)."""
    lex = lexicon()
    start, end = count.start, count.end
    if (ranged := _range(tokens, count)) is not None:
        return ranged
    while start > 0 and tokens[start - 1].text in ("ال", "ب"):
        start -= 1                                     # "قرابة الـ 20", "بـ 6"
    for words, bound, written in lex.before:
        if _match_before(tokens, start, words):
            return _bounded(count, bound, written, start - len(words), end)
    after = end
    while after < len(tokens) and after < end + 4:
        for words, bound, written in lex.after:
            if tuple(t.text for t in tokens[after: after + len(words)]) == words:
                return _bounded(count, bound, written, start, after + len(words))
        after += 1
    return Bounds(count.min, count.max, start, end)


def _bounded(count: Count, bound: str, written: str, start: int, end: int) -> Bounds:
    n = count.min
    if not count.exact:                                # "أكثر من عشرات": keep the vague range
        return Bounds(count.min, None if bound in ("at_least", "more_than") else count.max,
                      start, end, written)
    if bound == "at_least":
        return Bounds(n, None, start, end, written)
    if bound == "more_than":
        return Bounds(n + 1, None, start, end, written)
    if bound == "less_than":
        return Bounds(0, max(n - 1, 0), start, end, written)
    return Bounds(n, n, start, end, written, approximate=True)


def _range(tokens: list[Token], count: Count) -> Bounds | None:
    """"بين 10 و15", "من 10 إلى 15", "10-15": the first number of a range."""
    lex = lexicon()
    j = count.end
    if j + 1 >= len(tokens) or tokens[j].text not in lex.range_joiners:
        return None
    second = read_count(tokens, j + 1)
    if second is None or not count.exact or not second.exact or second.min <= count.min:
        return None
    opener = next((o for o in lex.range_openers if _match_before(tokens, count.start, o)), None)
    if opener is None and tokens[j].text not in ("-", "الي", "الى"):
        return None
    start = count.start - (len(opener) if opener else 0)
    return Bounds(count.min, second.min, start, second.end, " ".join(opener) if opener else None)
