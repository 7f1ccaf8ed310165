"""Clean scraped article text: normalise it and drop site furniture.

Scraped news text carries navigation, share buttons, "related articles" lists, comment
forms, cookie and newsletter notices. Their figures ("70 عملية اغتيال" in a related
headline) must never become claims, and the article body must never be cut. The rules
are general, driven by ``data/boilerplate.json``:

* a *tail marker* ("مقالات ذات صلة", "Read Next", ...) alone on a line heads a block of
  furniture. In the last part of the article (less prose after it than before it) it cuts
  everything after it. Elsewhere it goes with the link lines that follow it, up to the
  next paragraph of prose, so an inline "اقرأ أيضاً" box never takes body text with it;
* *drop lines* (share buttons, cookie and newsletter notices, copyright) go anywhere;
* a leading run of menu items (short lines before the headline) goes;
* a run of headlines ending the article with no marker before it goes, and so does one
  standing above the article's own title (``pages.trailing_list``, ``pages.leading_list``).

"Prose" is a line of several words that ends like a sentence; link lists are short lines
that do not. Apart from removing lines, the text is only normalised (line endings,
invisible characters, blank-line runs): spans index into the cleaned text, so nothing
else may change.
"""
from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from rasd.ingest.pages import leading_list, trailing_list
from rasd.text.normalize import fold, fold_text

# Zero-width and bidirectional-control characters, BOMs, soft hyphens: invisible in the
# page, but they split words and numbers for matching.
_INVISIBLE = re.compile("[\u00ad\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]")
_LINE_BREAKS = re.compile(r"\r\n|[\r\v\f\x1c-\x1e\x85\u2028\u2029]")
_EDGE_SYMBOLS = re.compile(r"^[\W_]+|[\W_]+$")
_COUNT = re.compile(r"\s*\(\d+\)$")           # "التعليقات (0)"
_WORD = re.compile(r"[^\W_]+")
_DIGIT = re.compile(r"\d")

PROSE_MIN_WORDS = 12
LONG_LINE_WORDS = 16        # ~97% of the lines that end-of-text markers cut on dev data are shorter
_CLOSERS = "\"'”’»)]"
_SENTENCE_ENDS = (".", "!", ":", "۔")
MENU_MAX_WORDS = 2          # section names; a headline has more words
MENU_MIN_LINES = 2


@dataclass(frozen=True)
class Cleaned:
    """Cleaned text and what was removed from it, as (rule, text) pairs, for inspection."""
    text: str
    removed: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class _Rules:
    tail_markers: frozenset[str]
    line_starts: re.Pattern[str]       # the drop-line rules anchored at the line's start, tried there only
    anywhere: re.Pattern[str]          # the others

    def drops(self, key: str) -> bool:
        """Whether a drop-line rule matches the line: an anchored rule is tried at the start
        alone, not at every character as one alternation of all rules would be."""
        return self.line_starts.match(key) is not None or self.anywhere.search(key) is not None


def line_key(line: str) -> str:
    """A line as rules compare it: folded, lower case, without edge symbols or a count."""
    key = _COUNT.sub("", fold_text(line).strip().lower())
    return _EDGE_SYMBOLS.sub("", key)


@lru_cache(maxsize=1)
def _rules() -> _Rules:
    raw = json.loads((Path(__file__).parent / "data" / "boilerplate.json").read_text(encoding="utf-8"))
    markers = frozenset(line_key(m) for m in raw["tail_markers"])
    folded = [fold(p).text.strip().lower() for p in raw["drop_lines"]]
    anchored = [p for p in folded if _anchored(p)]

    def either(patterns: list[str]) -> re.Pattern[str]:
        return re.compile("|".join(f"(?:{p})" for p in patterns) or "(?!)")
    return _Rules(markers, either(anchored), either([p for p in folded if p not in anchored]))


def _anchored(pattern: str) -> bool:
    """The pattern starts with "^" and has no "|" outside its groups and classes: it can only
    match at the start of the string."""
    if not pattern.startswith("^"):
        return False
    depth, k, in_class = 0, 1, False
    while k < len(pattern):
        ch = pattern[k]
        if ch == "\\":
            k += 2
            continue
        if in_class:
            in_class = ch != "]"
        elif ch == "[":
            in_class = True
            if pattern[k + 1:k + 2] == "^":
                k += 1
            if pattern[k + 1:k + 2] == "]":     # "[]...]" and "[^]...]": the first "]" is a member
                k += 1
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == "|" and depth == 0:
            return False
        k += 1
    return True


def normalise(raw: str) -> str:
    """Unify line breaks, drop invisible characters and trailing spaces, collapse blank runs."""
    text = _INVISIBLE.sub("", _LINE_BREAKS.sub("\n", raw))
    lines = [line.rstrip() for line in text.split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def clean_text(raw: str) -> Cleaned:
    """Normalise ``raw`` and remove site furniture (see the module docstring)."""
    return clean_normalised(normalise(raw))


def clean_normalised(text: str) -> Cleaned:
    """``clean_text`` of a text that ``normalise`` gave (a reader that checked it already)."""
    rules = _rules()
    lines = text.split("\n")
    keys = [line_key(line) for line in lines]
    kept = [True] * len(lines)
    removed: list[tuple[str, str]] = []

    def drop(rule: str, indexes: list[int]) -> None:
        indexes = [i for i in indexes if kept[i] and lines[i]]
        for i in indexes:
            kept[i] = False
        if indexes:
            removed.append((rule, "\n".join(lines[i] for i in indexes)))

    for i, key in enumerate(keys):
        if not key or rules.drops(key):                 # no key: separators such as "–", "***"
            drop("line", [i])
    drop("menu", _leading_menu(lines, kept))
    _drop_marker_blocks(lines, keys, kept, rules.tail_markers, drop)
    for rule, find in (("trailing_list", trailing_list), ("leading_list", leading_list)):
        remaining = [i for i, keep in enumerate(kept) if keep]
        drop(rule, [remaining[j] for j in find([lines[i] for i in remaining])])
    text = "\n".join(line for line, keep in zip(lines, kept, strict=True) if keep)
    return Cleaned(normalise(text), tuple(removed))


def _is_prose(line: str) -> bool:
    """A paragraph of the article rather than a link: several words ending a sentence.

    Headlines and link texts end without a full stop (or are cut off with "…").
    """
    end = line.rstrip().rstrip(_CLOSERS)
    return (len(_WORD.findall(line)) >= PROSE_MIN_WORDS and end.endswith(_SENTENCE_ENDS)
            and not end.endswith(".."))


def _leading_menu(lines: list[str], kept: list[bool]) -> list[int]:
    """Indexes of the menu items before the headline (two or more short bare lines)."""
    run: list[int] = []
    for i, line in enumerate(lines):
        if not kept[i] or not line:
            continue
        words = _WORD.findall(line)
        if len(words) > MENU_MAX_WORDS or _DIGIT.search(line) or line.endswith("."):
            break
        run.append(i)
    return run if len(run) >= MENU_MIN_LINES else []


def _drop_marker_blocks(lines: list[str], keys: list[str], kept: list[bool],
                        markers: frozenset[str], drop: Callable[[str, list[int]], None]) -> None:
    """Drop each tail marker's block: to the end in the last part, else up to the next paragraph.

    "Last part" weighs prose, not characters: a related-articles list can be longer than a
    short report. A block that is not at the end stops at any long line, even one without
    a full stop, so that text the prose test misses is kept rather than cut.
    """
    if not any(kept[i] for i, key in enumerate(keys) if key in markers):
        return                           # most articles: no marker, no prose to weigh
    weight = [len(line) if kept[i] and _is_prose(line) else 0 for i, line in enumerate(lines)]
    total = sum(weight)
    before = 0
    i = 0
    while i < len(lines):
        if kept[i] and keys[i] in markers:
            if before and total - before < before:
                drop("tail", list(range(i, len(lines))))
                return
            end = next((j for j in range(i + 1, len(lines))
                        if weight[j] or len(_WORD.findall(lines[j])) >= LONG_LINE_WORDS), len(lines))
            drop("block", list(range(i, end)))
            i = end
            continue
        before += weight[i]
        i += 1
