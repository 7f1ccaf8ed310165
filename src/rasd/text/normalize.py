"""Arabic normalization for matching that keeps offsets into the original text.

Matching runs on a folded copy of the text (no diacritics or tatweel, one alef, ي for ى,
ه for ة, Persian and Kurdish letters as their Arabic readings, ASCII digits, one space for any
whitespace run); every folded character remembers
the original index it came from, so a match found in the folded copy maps back to a
``Span`` of the original.

Two foldings look at their neighbours: a space between two tatweels is dropped ("مقـ ـتـ ـل"
is one stretched word, مقتل), and a no-break or thin space between digit groups of three
becomes "," ("73 003" typeset with U+00A0/U+202F/U+2009). A plain space between digits stays a
space: "قتل 3 200 ..." may be two numbers, so it is not read as 3200.
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
    # Persian and Kurdish letters as Arabic readers take them ("گري سبي" is كري سبي,
    # "کوباني" كوباني, "ڤيان" فيان)
    "ک": "ك", "گ": "ك", "ی": "ي", "ێ": "ي", "ڤ": "ف", "چ": "ج", "پ": "ب", "ژ": "ز",
    "ە": "ه", "ۆ": "و", "ڕ": "ر", "ڵ": "ل",
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


_DROP_MARK = "\x00"
_SPACES = "".join(chr(c) for c in range(0x3001) if chr(c).isspace())
# One translate() does every one-to-one folding; dropped characters become a mark removed next.
_TABLE = str.maketrans({**{ch: _DROP_MARK for ch in _DROPPED}, **{ch: " " for ch in _SPACES},
                        **{ch: f for ch, f in _FOLD.items() if f}})
_EXTRA_SPACES = re.compile(r"(?<= ) +")
_DROP_MARKS = re.compile(f"{_DROP_MARK}+")
_TATWEEL = araby.TATWEEL
_TATWEEL_GAP = re.compile(rf"(?<={_TATWEEL})\s+(?={_TATWEEL})")
_GROUP_SPACES = "\u00a0\u202f\u2009"
_DIGIT = "0-9\u0660-\u0669\u06f0-\u06f9"
_GROUP_SPACE = re.compile(rf"(?<=[{_DIGIT}])[{_GROUP_SPACES}](?=[{_DIGIT}]{{3}}(?![{_DIGIT}]))")
_ANY_GROUP_SPACE = re.compile(f"[{_GROUP_SPACES}]")


def _in_context(original: str) -> str:
    """``original`` with the neighbour-dependent foldings applied, same length: a space run
    between tatweels becomes drop marks, a group space between digits becomes ","."""
    if _TATWEEL in original:
        original = _TATWEEL_GAP.sub(lambda m: _DROP_MARK * len(m.group()), original)
    if _ANY_GROUP_SPACE.search(original):              # one C scan, not a generator per space
        original = _GROUP_SPACE.sub(",", original)
    return original


def fold(original: str) -> Folded:
    """Fold ``original`` for matching, collapsing whitespace runs to one space.

    Same result as folding character by character with ``fold_char`` (after the two
    neighbour-dependent foldings of the module docstring), done with
    ``str.translate`` and a regex so that it costs C time, not a Python step per character.
    """
    text = _in_context(original).translate(_TABLE)
    index: list[int] = []
    last = 0
    for m in _DROP_MARKS.finditer(text):   # a few runs per text: the kept stretches between them
        index.extend(range(last, m.start()))
        last = m.end()
    index.extend(range(last, len(text)))
    if len(index) < len(text):
        text = text.replace(_DROP_MARK, "")
    if "  " in text:
        kept: list[int] = []
        last = 0
        for m in _EXTRA_SPACES.finditer(text):
            kept.extend(index[last:m.start()])
            last = m.end()
        kept.extend(index[last:])
        index = kept
        text = _EXTRA_SPACES.sub("", text)
    return Folded(original, text, tuple(index))


def fold_text(original: str) -> str:
    """``fold(original).text`` without the offsets, for matching where no span is needed."""
    return _EXTRA_SPACES.sub("", _in_context(original).translate(_TABLE).replace(_DROP_MARK, ""))


@lru_cache(maxsize=65536)
def fold_term(term: str) -> str:
    """Fold a catalog term the same way as text, trimmed (for building patterns)."""
    return fold(term).text.strip()
