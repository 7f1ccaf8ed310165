"""Counts in Arabic text: digits, number words, vague quantities, and their qualifiers.

``read_count(tokens, i)`` reads the number starting at token ``i`` ("13", "١٣" after folding,
"73,003", "ثلاثة عشر", "خمسة وعشرين", "مئتين", "اثني عشر ألفاً", "عشرات"); ``qualify(tokens,
count)`` applies the words around it ("ما لا يقل عن", "أكثر من", "نحو", "بين ... و ...", "على
الأقل") to get inclusive min/max bounds as the contract's table says. The words are data
(``data/numbers.json``).

Decisions where Arabic leaves a count open:
- vague plurals read as two to nine of their unit, as the contract's عشرات 20..99: مئات
  200..999, آلاف 2000..9999, and times a scale after them: عشرات الآلاف 20000..99999;
- بضع/بضعة is 3..9 (its dictionary sense); عدة ("several") states no figure and is not read;
- a dot between digits is a thousands separator only before groups of exactly three ("1.200",
  not "1.5" or "23.30"), and a decimal point before a scale word ("1.5 مليون");
- a plain space between digits separates two numbers (see ``rasd.text.normalize``).
pyarabic's ``text2number`` was compared and not used: it adds word values without a grammar,
so split hundreds ("ثلاث مئة" = 103), construct duals ("مئتا ألف" = 1000), "آلاف" alone (1000)
and digits go wrong, and it gives no token span; the tests read its ``number2text`` back.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache, cached_property
from pathlib import Path
from typing import TypeVar

from rasd.text.normalize import fold_term
from rasd.text.tokens import Token

N = TypeVar("N", int, float)


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
class _Scale:
    """ألف or مليون with its agreement forms: "12 ألفاً", "ألفين", "ثلاثة آلاف"."""
    value: int
    singular: frozenset[str]
    dual: frozenset[str]
    plural: frozenset[str]


@dataclass(frozen=True)
class _Lexicon:
    units: dict[str, int]
    teen_suffix: frozenset[str]
    tens: dict[str, int]
    hundreds: dict[str, int]
    hundred_word: frozenset[str]
    scales: tuple[_Scale, ...]
    vague: dict[str, tuple[int, int]]
    fractions: dict[str, float]
    before: tuple[tuple[tuple[str, ...], str, str], ...]   # (folded words, bound, as written)
    after: tuple[tuple[tuple[str, ...], str, str], ...]
    range_joiners: frozenset[str]
    unopened_range_joiners: frozenset[str]
    range_openers: tuple[tuple[str, ...], ...]
    not_before: frozenset[str]
    today: frozenset[str]            # "اليوم": a count may follow it unless a preposition precedes it
    day_prepositions: frozenset[str]
    not_after: frozenset[str]
    percent: tuple[tuple[str, ...], ...]
    phrases_after: tuple[tuple[str, ...], ...]     # an age ("في الخمسين من عمره"), a day ("في العشرين من الشهر")

    @cached_property
    def more_than_verbs(self) -> frozenset[str]:
        """One-word "more than" qualifiers ("تجاوز", "يفوق"), which may stand far from the number."""
        return frozenset(words[0] for words, bound, _ in self.before if bound == "more_than" and len(words) == 1)

    @cached_property
    def count_words(self) -> frozenset[str]:
        """Every word a count in words may start with (a fraction, a vague quantity, a unit, a
        ten, a hundred or a scale word): a token with none of them among its readings starts none."""
        return frozenset().union(self.fractions, self.vague, self.units, self.tens, self.hundreds, self.thousands)

    @cached_property
    def thousands(self) -> dict[str, int]:
        """Scale words that are a number on their own: "ألف" 1000, "ألفين" 2000, "مليون"."""
        return {**{w: s.value for s in self.scales for w in s.singular},
                **{w: 2 * s.value for s in self.scales for w in s.dual}}


def _valued(table: dict[str, list[str]]) -> dict[str, int]:
    return {fold_term(word): int(value) for value, words in table.items() for word in words}


def _phrases(rows: list[dict]) -> tuple[tuple[tuple[str, ...], str, str], ...]:
    phrases = {(tuple(fold_term(r["words"]).split()), r["bound"], r["words"]) for r in rows}
    return tuple(sorted(phrases, key=lambda p: (-len(p[0]), p)))   # longest first; ties in a fixed order


@cache
def lexicon() -> _Lexicon:
    data = json.loads((Path(__file__).parent / "data" / "numbers.json").read_text(encoding="utf-8"))
    folded = lambda words: frozenset(fold_term(w) for w in words)  # noqa: E731
    return _Lexicon(
        units=_valued(data["units"]),
        teen_suffix=folded(data["teen_suffix"]),
        tens=_valued(data["tens"]),
        hundreds=_valued(data["hundreds"]),
        hundred_word=folded(data["hundred_word"]),
        scales=tuple(_Scale(row["value"], folded(row["singular"]), folded(row["dual"]), folded(row["plural"]))
                     for row in sorted(data["scales"], key=lambda row: -row["value"])),
        vague={fold_term(w): (row["min"], row["max"]) for row in data["vague"] for w in row["words"]},
        fractions={fold_term(w): float(part) for part, words in data["fractions"].items() for w in words},
        before=_phrases(data["qualifiers_before"]),
        after=_phrases(data["qualifiers_after"]),
        range_joiners=folded(data["range_joiners"]),
        unopened_range_joiners=folded(data["unopened_range_joiners"]),
        range_openers=tuple(sorted((tuple(fold_term(o).split()) for o in data["range_openers"]), key=len,
                                   reverse=True)),             # "ما بين" before "بين"
        not_before=folded(data["not_counts_before"]),
        today=folded(data["today_before_counts"]["words"]),
        day_prepositions=folded(data["today_before_counts"]["day_prepositions"]),
        not_after=folded(data["not_counts_after"]),
        percent=tuple(tuple(fold_term(p).split()) for p in data["percent_phrases"]),
        phrases_after=tuple(tuple(fold_term(p).split()) for p in data["not_counts_phrases_after"]),
    )


def _lookup(token: Token, table: dict[str, N]) -> N | None:
    for form in token.forms:
        if form in table:
            return table[form]
    return None


def _is(token: Token | None, words: frozenset[str]) -> bool:
    return token is not None and not words.isdisjoint(token.forms)


def read_count(tokens: list[Token], i: int) -> Count | None:
    """The number that starts at ``tokens[i]``, or None.

    Digits ("13", "١٣", "۱۳", "73,003", "4،053", "1.200") and number words in any gender and
    case ("ثلاثة عشر", "إحدى وعشرين", "ثلاثمئة وخمسة", "مئتي", "اثني عشر ألفاً", "ثلاثة آلاف",
    "ألفين ومئتان"), each optionally followed by a scale word ("12 ألف", "3 آلاف"); vague
    quantities ("عشرات", "مئات", "العشرات", "بضعة", "آلاف", "عشرات الآلاف").
    """
    tok = tokens[i]
    if not tok.is_number and lexicon().count_words.isdisjoint(tok.forms):
        return None                                      # most words: no table below knows them
    if tok.is_number:
        if (part := _decimal(tok.text)) is not None:     # "1.5 مليون": a decimal point before a scale
            scale = _singular_scale(tokens, i + 1)
            return None if scale is None else Count(round(part * scale), round(part * scale), i, i + 2)
        count = _digits(tok.text, i)
        if count is None:
            return None
        scaled = _scaled(tokens, count.end, count.min)   # "12 ألفاً", "3 آلاف"
        if scaled is None:
            return count
        value, after, scale = scaled
        if (rest := _after_scale(tokens, after, scale)) is not None:
            value, after = value + rest[0], rest[1]       # "6 آلاف و370", "3 آلاف وخمسمئة"
        return Count(value, value, i, after)
    if (part := _lookup(tok, lexicon().fractions)) is not None:
        scale = _singular_scale(tokens, i + 1)           # "نصف مليون"
        return None if scale is None else Count(round(part * scale), round(part * scale), i, i + 2)
    if (vague := _vague(tok)) is not None:
        low, high = vague
        scale = _plural_scale(tokens, i + 1)
        if scale is not None and high < scale:      # "عشرات الآلاف": 20,000..99,999
            return Count(low * scale, (high + 1) * scale - 1, i, i + 2)
        return Count(low, high, i, i + 1)
    number = _number(tokens, i, joined=False, below=None)
    if number is None or (number[0] == 1 and number[1] == i + 1 and _definite(tok)):
        return None
    return Count(number[0], number[0], i, number[1])


def _definite(tok: Token) -> bool:
    """The word carries the article: "الأحد", "الواحد" alone are Sunday and "the one", no
    count ("أحد عشر", "الأحد عشر" go on to eleven)."""
    return tok.text.lstrip("وفبلك").startswith("ال")


# -- number words ------------------------------------------------------------------------
# A number is read as groups below a thousand, each times its scale word, joined by و from
# the largest to the smallest: "مئة وعشرون ألفاً وثلاثمئة وخمسة" = (100 + 20) x 1000 + 300 + 5.

def _word(tokens: list[Token], k: int, joined: bool) -> tuple[tuple[str, ...], int] | None:
    """The readings of the word at ``k`` and the index after it. A first word may carry any
    proclitic ("بثلاثة", "والعشرات"); a later part must be joined by و ("وعشرين", "و عشرين")."""
    if k >= len(tokens):
        return None
    tok = tokens[k]
    if not joined:
        return tok.forms, k + 1
    if tok.text == "و":
        return ((tokens[k + 1].text,), k + 2) if k + 1 < len(tokens) else None
    if tok.text.startswith("و") and len(tok.text) > 2:
        return (tok.text[1:],), k + 1
    return None


def _first(forms: tuple[str, ...], table: dict[str, int]) -> int | None:
    for form in forms:
        if form in table:
            return table[form]
    return None


def _below_hundred(tokens: list[Token], k: int, joined: bool) -> tuple[int, int] | None:
    """1..99: "خمسة", "خمس عشرة", "خمسة وعشرين", "عشرين"."""
    lex = lexicon()
    if (word := _word(tokens, k, joined)) is None:
        return None
    forms, after = word
    if joined and tokens[k].text != "و" and tokens[k].text in lex.units and not (
            after < len(tokens) and tokens[after].text in lex.teen_suffix):
        return None                                    # "واحد" is one, but "وأحد عشر" folds the same
    if (unit := _first(forms, lex.units)) is not None:
        if unit < 10 and after < len(tokens) and tokens[after].text in lex.teen_suffix:
            return unit + 10, after + 1                # "اثنا عشر", "ثلاث عشرة"
        if unit < 10 and (more := _word(tokens, after, joined=True)) is not None \
                and (tens := _first(more[0], lex.tens)) is not None:
            return unit + tens, more[1]                # "خمسة وعشرين"
        return unit, after
    if (tens := _first(forms, lex.tens)) is not None:
        return tens, after
    return None


def _below_thousand(tokens: list[Token], k: int, joined: bool) -> tuple[int, int] | None:
    """1..999: "مئة", "مئتي", "ثلاثمئة وخمسة", "ثلاث مئة وعشرون", "سبعة وسبعون"."""
    lex = lexicon()
    if (word := _word(tokens, k, joined)) is None:
        return None
    forms, after = word
    hundreds = _first(forms, lex.hundreds)
    if hundreds is None and (unit := _first(forms, lex.units)) is not None and 1 <= unit <= 9 \
            and after < len(tokens) and tokens[after].text in lex.hundred_word:
        hundreds, after = unit * 100, after + 1        # "ثلاث مئة", "ثماني مائة"
    if hundreds is None:
        return _below_hundred(tokens, k, joined)
    rest = _below_hundred(tokens, after, joined=True)
    return (hundreds + rest[0], rest[1]) if rest is not None else (hundreds, after)


def _plural_scale(tokens: list[Token], k: int) -> int | None:
    """The value of a plural scale word at ``k`` ("آلاف", "الآلاف", "ملايين")."""
    if k >= len(tokens):
        return None
    return next((s.value for s in lexicon().scales if _is(tokens[k], s.plural)), None)


def _singular_scale(tokens: list[Token], k: int) -> int | None:
    """The value of a singular scale word at ``k`` ("ألف", "مليون")."""
    if k >= len(tokens):
        return None
    return next((s.value for s in lexicon().scales if tokens[k].text in s.singular), None)


def _scaled(tokens: list[Token], k: int, group: int) -> tuple[int, int, int] | None:
    """``group`` times the scale word at ``k`` (value, index after, scale), with its agreement:
    3..10 take the plural ("ثلاثة آلاف", "مئة وثلاثة آلاف"), 11 and up the singular ("اثني
    عشر ألفاً", "مئة ألف"); the singular after 2..10 is read too, as reports write it ("3 ألف")."""
    if k >= len(tokens) or not 1 <= group < 1000:
        return None
    tok = tokens[k]
    for scale in lexicon().scales:
        if tok.text in scale.plural and 3 <= group % 100 <= 10 or tok.text in scale.singular and group >= 2:
            return group * scale.value, k + 1, scale.value
    return None


def _number(tokens: list[Token], k: int, joined: bool, below: int | None) -> tuple[int, int] | None:
    """A whole number from ``k``, smaller than ``below`` when it continues a larger part."""
    lex = lexicon()
    head = _below_thousand(tokens, k, joined)
    scale = 1
    if head is not None:
        value, after = head
        if (scaled := _scaled(tokens, after, value)) is not None:
            value, after, scale = scaled
    else:
        if (word := _word(tokens, k, joined)) is None or (value := _first(word[0], lex.thousands)) is None:
            return None                                # "ألف", "ألفين", "مليون" alone
        if not joined and k > 0 and (tokens[k - 1].is_number or _lookup(tokens[k - 1], lex.fractions)):
            return None                                # "1.5 مليون", "نصف مليون": read from the start
        after = word[1]
        scale = next(s.value for s in lex.scales if s.value <= value)
    if below is not None and value >= below:
        return None
    if scale > 1 and (rest := _number(tokens, after, joined=True, below=scale)) is not None:
        value, after = value + rest[0], rest[1]        # "ألف ومئتان", "ثلاثة آلاف وخمسة"
    return value, after


def _after_scale(tokens: list[Token], k: int, scale: int) -> tuple[int, int] | None:
    """The smaller part joined by "و" after a scale word that follows digits: digits ("و370",
    "و 20") or words ("وخمسمئة"); (value, index after) or None."""
    if k + 1 < len(tokens) and tokens[k].text == "و" and tokens[k + 1].is_number:
        rest = _digits(tokens[k + 1].text, k + 1)
        return (rest.min, k + 2) if rest is not None and rest.min < scale else None
    return _number(tokens, k, joined=True, below=scale)


def _vague(tok: Token) -> tuple[int, int] | None:
    for form in tok.forms:
        if form in lexicon().vague:
            return lexicon().vague[form]
    return None


_MAX_COUNT_DIGITS = 12   # longer is no count; past 4,300 digits Python refuses to read it at all


def _decimal(text: str) -> float | None:
    """"1.5", "2.25": one point and one or two decimals (three would be a thousands group)."""
    head, point, tail = text.partition(".")
    if not point or not head.isdigit() or not tail.isdigit() or len(tail) > 2:
        return None
    return float(text)


def _digits(text: str, i: int) -> Count | None:
    """Digits with optional thousands groups: "73,003" (also written ٬ or ، and folded to ","),
    "1.200" (a dot before groups of exactly three, as in European style); "1.5", "23.30"
    (decimals and times) and "3,4" (a list) are not counts."""
    if ":" in text:
        return None
    for separator in ",.":
        if separator in text:
            head, *groups = text.split(separator)
            if len(head) > 3 or any(len(g) != 3 or not g.isdigit() for g in groups):
                return None
            text = head + "".join(groups)
    if len(text) > _MAX_COUNT_DIGITS:
        return None                                    # a phone number, an id, a scraped digit run
    value = int(text)
    return Count(value, value, i, i + 1)


def _today_adverb(tokens: list[Token], k: int) -> bool:
    """"اليوم" at ``k`` as the adverb today ("قتل اليوم 3 مدنيين"), not the day of a count
    ("في اليوم 12 من الحملة")."""
    lex = lexicon()
    return tokens[k].text in lex.today and (k == 0 or tokens[k - 1].text not in lex.day_prepositions)


def is_measure(tokens: list[Token], count: Count) -> bool:
    """True when the number names a unit, time, distance or year rather than a count."""
    lex = lexicon()
    before = tokens[count.start - 1] if count.start > 0 else None
    after = tokens[count.end] if count.end < len(tokens) else None
    if before is not None and before.text in lex.not_before and not _today_adverb(tokens, count.start - 1):
        return True
    if _is(after, lex.not_after) and not after.text.startswith("ال"):
        return True                                    # "3 أيام"; not "مدنيين اثنين اليوم" (today)
    for words in lex.percent:                          # "20 في المئة", and not "في المئة" itself
        if _phrase_at(tokens, count.end, words) or _phrase_at(tokens, count.start - 1, words):
            return True
    if any(_phrase_at(tokens, count.end, words) for words in lex.phrases_after):
        return True                                    # "في الخمسين من عمره", "في العشرين من الشهر"
    year = count.end == count.start + 1 and tokens[count.start].text.isdigit()   # "في 2019", not "ألفين"
    return year and 1900 <= count.min <= 2100 and before is not None and not before.is_number


def _phrase_at(tokens: list[Token], i: int, words: tuple[str, ...]) -> bool:
    """The tokens from ``i`` on are ``words``, as written."""
    return tuple(t.text for t in tokens[i: i + len(words)]) == words


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
            if _phrase_at(tokens, after, words):
                return _bounded(count, bound, written, start, after + len(words))
        after += 1
    return Bounds(count.min, count.max, start, end)


def at_least_after(tokens: list[Token], end: int) -> int | None:
    """The token after "على الأقل" written right after ``end`` ("مقتل شخصين على الأقل"), if it is."""
    for words, bound, _ in lexicon().after:
        if bound == "at_least" and _phrase_at(tokens, end, words):
            return end + len(words)
    return None


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
    """"بين 10 و15", "من 10 إلى 15", "10-15", "بين خمسة وعشرة", "خمسة أو ستة": the first number of a range.
    A scale word after the second number scales the first too: "بين 10 و15 ألفاً" is 10000..15000."""
    lex = lexicon()
    j = count.end
    if j >= len(tokens) or not count.exact:
        return None
    if tokens[j].text in lex.range_joiners and j + 1 < len(tokens):
        second = read_count(tokens, j + 1)
        second = None if second is None or not second.exact else (second.min, second.end)
    elif tokens[j].text.startswith("و"):
        second = _number(tokens, j, joined=True, below=None)      # "بين خمسة وعشرة"
    else:
        return None
    if second is None:
        return None
    high, end = second
    low = count.min
    scale = next((s.value for s in lex.scales if _is(tokens[end - 1], s.singular | s.plural)), None)
    if scale is not None and low < scale and low * scale < high:
        low *= scale
    if high <= low:
        return None
    opener = next((o for o in lex.range_openers if _match_before(tokens, count.start, o)), None)
    if opener is None and tokens[j].text not in lex.unopened_range_joiners:
        return None
    start = count.start - (len(opener) if opener else 0)
    return Bounds(low, high, start, end, " ".join(opener) if opener else None)
