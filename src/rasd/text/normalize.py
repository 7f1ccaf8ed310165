"""Arabic normalization for matching that keeps offsets into the original text.

Matching runs on a folded copy of the text (no diacritics or tatweel, one alef, ي for ى,
ه for ة, ASCII digits, one space for any whitespace run); every folded character remembers
the original index it came from, so a match found in the folded copy maps back to a
``Span`` of the original.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from pyarabic import araby

from rasd.model import Span

# Characters dropped when matching: harakat, Quranic marks, superscript alef, tatweel.
_DROPPED = frozenset(
    chr(c) for c in [*range(0x0610, 0x061B), *range(0x064B, 0x0660), 0x0670,
                     *range(0x06D6, 0x06EE), ord(araby.TATWEEL)]
)
# One-to-one foldings (each keeps its position).
_FOLD = {
    **{ch: "ا" for ch in "أإآٱ"},
    "ى": "ي",
    "ة": "ه",
    "ؤ": "و",
    "ئ": "ي",
    **{d: str(i) for i, d in enumerate("٠١٢٣٤٥٦٧٨٩")},
    **{d: str(i) for i, d in enumerate("۰۱۲۳۴۵۶۷۸۹")},
    "\u066b": ".",   # Arabic decimal separator
    "\u066c": ",",   # Arabic thousands separator
    "،": ",",
    "؛": ";",
    "؟": "?",
    "“": '"', "”": '"', "«": '"', "»": '"', "″": '"', "„": '"',
    "‘": "'", "’": "'",
    "–": "-", "—": "-", "ـ": "",
}


def fold_char(ch: str) -> str:
    """The folded form of one character ('' when it is dropped)."""
    if ch in _DROPPED:
        return ""
    if ch.isspace():
        return " "
    return _FOLD.get(ch, ch)


@dataclass(frozen=True)
class Folded:
    """A folded copy of ``original``; ``index[i]`` is the original offset of ``text[i]``."""
    original: str
    text: str
    index: tuple[int, ...]

    def span(self, start: int, end: int) -> Span:
        """Original span of the folded slice ``text[start:end]`` (end exclusive)."""
        if start >= end:
            pos = self.index[start] if start < len(self.index) else len(self.original)
            return (pos, pos)
        return (self.index[start], self.index[end - 1] + 1)


def fold(original: str) -> Folded:
    """Fold ``original`` for matching, collapsing whitespace runs to one space."""
    chars: list[str] = []
    index: list[int] = []
    for i, ch in enumerate(original):
        f = fold_char(ch)
        if not f or (f == " " and chars and chars[-1] == " "):
            continue
        chars.append(f)
        index.append(i)
    return Folded(original, "".join(chars), tuple(index))


@lru_cache(maxsize=65536)
def fold_term(term: str) -> str:
    """Fold a catalog term the same way as text, trimmed (for building patterns)."""
    return fold(term).text.strip()


_TASHKEEL_RE = re.compile("[" + "".join(sorted(_DROPPED)) + "]")


def strip_diacritics(text: str) -> str:
    """Remove harakat and tatweel only (for display keys, not matching)."""
    return _TASHKEEL_RE.sub("", text)
