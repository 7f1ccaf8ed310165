"""Word tokens over folded text, with Arabic proclitics peeled off for lookups."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

_TOKEN = re.compile(r"\d+(?:[.,:]\d+)*|[^\W\d_]+|\S")
_CONJUNCTIONS = ("و", "ف")
_PREPOSITIONS = ("ب", "ل", "ك")


@dataclass(frozen=True, slots=True)
class Token:
    """A token of folded text; ``start``/``end`` are folded offsets; ``forms`` its
    proclitic-free readings (computed once: every lookup goes through them)."""
    text: str
    start: int
    end: int
    forms: tuple[str, ...]
    is_number: bool


def tokenize(folded: str, start: int = 0, end: int | None = None) -> list[Token]:
    """Tokens of ``folded[start:end]`` with offsets into ``folded``."""
    forms = proclitic_forms
    return [Token(text, m.start(), m.end(), forms(text), text[0].isdigit())
            for m in _TOKEN.finditer(folded, start, len(folded) if end is None else end)
            for text in (m.group(),)]


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
