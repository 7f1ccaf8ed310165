"""Sentence splitting for Arabic news text.

A sentence ends at a line break, or at . ! ? ؟ … followed by a space, except inside a
quotation (“…”, «…», "…") that has not closed yet on the same line, after a one-letter
abbreviation ("د." "م.") and inside numbers ("23.30").

A sentence longer than ``MAX_SENTENCE_CHARS`` (a scraped blob without full stops) is cut into
pieces of at most that length: after the last comma or semicolon of its second half, else
before the last word opening with و, else at the last space, else hard. Real sentences stay
far below the limit (the longest in the dev reports has about 2,200 characters); the limit
keeps every later stage, which reads sentence by sentence, linear in the article's length.
"""
from __future__ import annotations

import re

from rasd.model import Span

_END = frozenset(".!?؟…")
_OPEN_CLOSE = {"“": "”", "«": "»", "„": "”"}
_STRAIGHT = '"'
_ABBREVIATION = re.compile(r"(?:^|\s)[\u0621-\u064a]\.$")


_EVENTS = re.compile("[\n.!?؟…“”«»„\"]")
MAX_SENTENCE_CHARS = 2500
_CLAUSE_ENDS = re.compile(r"[،,؛;](?=\s)")
_AND_WORD = re.compile(r"\sو(?=\w)")


def split_sentences(text: str) -> list[Span]:
    """Spans of the non-blank sentences of ``text`` (offsets into ``text``, stripped)."""
    spans: list[Span] = []
    start = 0
    closers: list[str] = []
    for m in _EVENTS.finditer(text):            # only the characters that can open, close or end
        i, ch = m.start(), m.group()
        if ch == "\n":
            _add(text, start, i, spans)
            start, closers = i + 1, []
        elif ch in _OPEN_CLOSE:
            closers.append(_OPEN_CLOSE[ch])
        elif closers and ch == closers[-1]:
            closers.pop()
        elif ch == _STRAIGHT:
            if closers and closers[-1] == _STRAIGHT:
                closers.pop()
            else:
                closers.append(_STRAIGHT)
        elif ch in _END and not closers and _ends_sentence(text, i):
            _add(text, start, i + 1, spans)
            start = i + 1
    _add(text, start, len(text), spans)
    return spans


def _ends_sentence(text: str, i: int) -> bool:
    after = text[i + 1: i + 2]
    if after and not after.isspace():
        return False                      # "23.30", "..." mid-run, "؟!"
    return not _ABBREVIATION.search(text[max(0, i - 3): i + 1])


def _add(text: str, start: int, end: int, spans: list[Span]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    while end - start > MAX_SENTENCE_CHARS:
        cut = _cut(text, start)
        _add(text, start, cut, spans)
        start = cut
        while start < end and text[start].isspace():
            start += 1
    if start < end:
        spans.append((start, end))


def _cut(text: str, start: int) -> int:
    """Where to end a piece of an overlong sentence that begins at ``start`` (see the module
    docstring); looks only at the piece's second half, so the pieces stay long."""
    lo, hi = start + MAX_SENTENCE_CHARS // 2, start + MAX_SENTENCE_CHARS
    last = None
    for last in _CLAUSE_ENDS.finditer(text, lo, hi):
        pass
    if last is not None:
        return last.end()
    for last in _AND_WORD.finditer(text, lo, hi):
        pass
    if last is not None:
        return last.start() + 1
    space = max(text.rfind(" ", lo, hi), text.rfind("\t", lo, hi))
    return space + 1 if space > lo else hi
