"""Sentence splitting for Arabic news text.

A sentence ends at a line break, or at . ! ? ؟ … followed by a space, except inside a
quotation (“…”, «…», "…") that has not closed yet on the same line, after a one-letter
abbreviation ("د." "م.") and inside numbers ("23.30").
"""
from __future__ import annotations

import re

from rasd.model import Span

_END = frozenset(".!?؟…")
_OPEN_CLOSE = {"“": "”", "«": "»", "„": "”"}
_STRAIGHT = '"'
_ABBREVIATION = re.compile(r"(?:^|\s)[\u0621-\u064a]\.$")


_EVENTS = re.compile("[\n.!?؟…“”«»„\"]")


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
    if start < end:
        spans.append((start, end))
