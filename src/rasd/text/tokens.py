"""Word tokens over folded text, with Arabic proclitics peeled off for lookups.

A document is tokenized once (the pipeline's ``tokens`` stage) and every stage reads that
one list; ``in_span`` gives a sentence's share of it. A token is a named tuple built in C
(``tuple.__new__``): a frozen dataclass cost a Python ``__init__`` and five ``setattr`` per
token, a tenth of the extraction's time.
"""
from __future__ import annotations

import bisect
import re
from functools import lru_cache
from itertools import accumulate, repeat
from operator import attrgetter, itemgetter
from typing import NamedTuple

# A token and the whitespace around it: ``split`` gives gap, token, gap, ... (every
# non-space character but "_" belongs to a token, so the gaps are whitespace, or the "_"
# that stands for a space in a hashtag: "#مقتل_3_مدنيين").
_TOKEN_SPLIT = re.compile(r"(\d+(?:[.,:]\d+)*|[^\W\d_]+|[^\s_])")
_CONJUNCTIONS = ("و", "ف")
_PREPOSITIONS = ("ب", "ل", "ك")


class Token(NamedTuple):
    """A token of folded text; ``start``/``end`` are folded offsets; ``forms`` its
    proclitic-free readings (computed once: every lookup goes through them)."""
    text: str
    start: int
    end: int
    forms: tuple[str, ...]
    is_number: bool


_new_token = tuple.__new__
_first_char = itemgetter(0)
_start_of = attrgetter("start")


def tokenize(folded: str, start: int = 0, end: int | None = None) -> list[Token]:
    """Tokens of ``folded[start:end]`` with offsets into ``folded``.

    One ``split`` and C-level ``map``s build the list: the offsets are the running sum of
    the parts' lengths, so no Python step runs per token (a match object per token and a
    list comprehension took a tenth of the pipeline's time).
    """
    parts = _TOKEN_SPLIT.split(folded[start:end])
    texts = parts[1::2]
    bounds = list(accumulate(map(len, parts), initial=start))   # bounds[k]: where parts[k] starts
    return list(map(_new_token, repeat(Token), zip(texts, bounds[1::2], bounds[2::2],
                                                   map(proclitic_forms, texts),
                                                   map(str.isdigit, map(_first_char, texts)))))


class Tokens:
    """A document's tokens (``tokenize`` of its whole folded text) and their start offsets,
    so that a stage takes a sentence's tokens by bisection instead of tokenizing again."""

    def __init__(self, folded: str):
        self.folded = folded
        self.tokens = tokenize(folded)
        self.starts = list(map(_start_of, self.tokens))

    def in_span(self, start: int, end: int) -> list[Token]:
        """``tokenize(folded, start, end)``: the tokens inside the folded span; a token cut
        by its edge (which sentence ends almost never make) is read again from the span."""
        tokens = self.tokens
        first = bisect.bisect_left(self.starts, start)
        last = bisect.bisect_left(self.starts, end)
        if (first > 0 and tokens[first - 1].end > start) or (last > first and tokens[last - 1].end > end):
            return tokenize(self.folded, start, end)
        return tokens[first:last]


@lru_cache(maxsize=131072)
def proclitic_forms(word: str) -> tuple[str, ...]:
    """``word`` and what is left after peeling و/ف, then ب/ل/ك, then the article ال.

    "وبالبوكمال" -> ("وبالبوكمال", "بالبوكمال", "البوكمال", "بوكمال"); "للمدنيين" also
    gives "المدنيين" (ل + ال written لل). Stems shorter than two letters are not offered.
    """
    forms = [word]
    rest = word
    if len(rest) > 2 and rest[0] in _CONJUNCTIONS:
        rest = rest[1:]
        forms.append(rest)
    if len(rest) > 2 and rest[0] in _PREPOSITIONS:
        if rest.startswith("لل") and len(rest) > 3:
            forms.append("ال" + rest[2:])
        rest = rest[1:]
        forms.append(rest)
    for form in list(forms):
        if form.startswith("ال") and len(form) > 3:
            forms.append(form[2:])
    return tuple(dict.fromkeys(forms))
