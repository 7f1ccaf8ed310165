"""Page structure: is a captured page an article, a list of headlines, or empty?

A saved page whose body is a news ticker, a "most read" box or a category page has no
article: its lines are unrelated headlines, and figures read from them ("مقتل 5 ..." in one
item) would join incidents they have nothing to do with. Such a page is told from its shape
alone, never from its words' topics, with the thresholds of ``data/pages.json``:

* each line is *prose* (running text: long, ending a sentence, linking clauses with words
  such as "الذي", "أن", "حيث" that titles leave out, or broken off mid-phrase after "على",
  "من" or a comma as a wrapped paragraph is), a *headline* (a few words, no final
  stop but a question or exclamation mark, or the ellipsis of a cut teaser), a *menu*
  item (one to three words) or other;
* a page with several headline lines and little of its text in prose (a small share, and
  less than a short news item's worth) is a ``link_list``
  (fewer headlines suffice when different dates stand by the items, as on category pages);
* a page with no line of headline length at all, and no figure, is ``empty`` (a short
  bulletin line such as "الشهداء: 3" is a statement, not a menu);
* anything else is an ``article``.

A list page keeps its text (spans index into it) but gives no claims: the pipeline reads
its places, actors, date and event type from its first line only. That line is the page's
own title when the capture kept one (a report whose body was lost under a related list),
so it stays weak evidence for grouping -- a place, a day -- and never a figure. A ticker's
first item is read the same way; unless it names a form of violence its event type is
null and it forms no incident.

An article can end with a related-links list that no "اقرأ أيضاً" line announces: a run of
headline lines after the last prose is cut (``trailing_list``) before anything is read, as
``boilerplate`` cuts marked blocks. Lines linking clauses stop the cut, and so does a line
that announces a list ("وتوزعت الغارات على النحو التالي:"): the article's own short lines
are kept rather than risked. A run of headlines standing before the article's own title,
apart from it (``leading_list``: a "latest news" box above the story), goes the same way.
"""
from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Literal

from rasd.model import PageKind
from rasd.text.normalize import fold_text

_WORD = re.compile(r"[^\W_]+")
_COUNT = re.compile(r"(?<![\d/:.\-])\d+(?![\d/:.\-])")   # a figure, not part of a date or time
_CLOSERS = "\"'”’»)]"
_TEASER_ENDS = ("..", "…")


@dataclass(frozen=True)
class _Settings:
    headline_words: tuple[int, int]
    prose_min_words: int
    long_line_words: int
    min_headlines: int
    min_dated_headlines: int
    max_prose_share: float
    max_prose_words: int
    trailing_min_headlines: int
    trailing_max_marker_share: float
    leading_min_headlines: int
    menu_max_words: int
    sentence_ends: tuple[str, ...]
    prose_markers: re.Pattern[str]
    prose_min_markers: int
    continuation_ends: frozenset[str]
    date_stamps: re.Pattern[str]


@lru_cache(maxsize=1)
def _settings() -> _Settings:
    raw = json.loads((Path(__file__).parent / "data" / "pages.json").read_text(encoding="utf-8"))
    markers = "|".join(sorted((re.escape(fold_text(m)) for m in raw["prose_markers"]), key=len, reverse=True))
    return _Settings(
        headline_words=tuple(raw["headline_words"]), prose_min_words=raw["prose_min_words"],
        long_line_words=raw["long_line_words"], min_headlines=raw["min_headlines"],
        min_dated_headlines=raw["min_dated_headlines"], max_prose_share=raw["max_prose_share"],
        max_prose_words=raw["max_prose_words"],
        trailing_min_headlines=raw["trailing_min_headlines"],
        trailing_max_marker_share=raw["trailing_max_marker_share"], menu_max_words=raw["menu_max_words"],
        leading_min_headlines=raw["leading_min_headlines"],
        sentence_ends=tuple(raw["sentence_ends"]),
        prose_markers=re.compile(rf"(?<!\w)(?:{markers})(?!\w)"), prose_min_markers=raw["prose_min_markers"],
        continuation_ends=frozenset(map(fold_text, raw["continuation_ends"])),
        date_stamps=re.compile("|".join(f"(?:{p})" for p in raw["date_stamps"]), re.IGNORECASE),
    )


@dataclass(frozen=True)
class LineShape:
    """What a line looks like: its length, its ending, and whether it links clauses."""
    words: int
    ends_sentence: bool
    teaser: bool            # cut off with an ellipsis, as list teasers are
    question: bool          # ends with "؟" or "!", as many titles do
    prose_markers: int
    continues: bool         # ends mid-phrase ("... على", "...،"): a wrapped paragraph's line
    date_stamp: str | None  # the date or time written on the line, folded

    @property
    def kind(self) -> Literal["prose", "headline", "menu", "other"]:
        s = _settings()
        low, high = s.headline_words
        if not self.teaser and (self.words >= s.long_line_words or self.continues or (
                self.words >= s.prose_min_words
                and (self.ends_sentence or self.prose_markers >= s.prose_min_markers))):
            return "prose"
        if self.words <= s.menu_max_words:
            return "menu"
        if low <= self.words <= high and (not self.ends_sentence or self.question):
            return "headline"
        return "other"


@lru_cache(maxsize=8192)
def line_shape(line: str) -> LineShape:
    """The features of one line. A long line is only measured: it is prose unless cut off
    as a teaser, and the dates a list stands by its items are on short lines."""
    s = _settings()
    line = line.strip()
    tokens = len(line.split())
    if tokens >= s.long_line_words:
        end = line.rstrip(_CLOSERS + " ")
        return LineShape(words=tokens, ends_sentence=end.endswith(s.sentence_ends),
                         teaser=end.endswith(_TEASER_ENDS), question=False, prose_markers=0,
                         continues=False, date_stamp=None)
    folded = fold_text(line)
    end = folded.rstrip(_CLOSERS + " ")
    stamp = s.date_stamps.search(folded)
    return LineShape(
        words=len(_WORD.findall(folded)),
        ends_sentence=end.endswith(s.sentence_ends) and not end.endswith(_TEASER_ENDS),
        teaser=end.endswith(_TEASER_ENDS),
        question=end.endswith(("?", "؟", "!")),
        prose_markers=len(s.prose_markers.findall(folded)),
        continues=end.endswith(("،", ",")) or end.rsplit(" ", 1)[-1] in s.continuation_ends,
        date_stamp=stamp.group(0) if stamp else None,
    )


@dataclass(frozen=True)
class PageShape:
    """The structure features of a page, and the kind they make it."""
    lines: int
    headlines: int
    prose_words: int
    words: int
    dates: int              # distinct date stamps on the page
    kind: PageKind

    @property
    def prose_share(self) -> float:
        return self.prose_words / self.words if self.words else 0.0


def page_shape(text: str) -> PageShape:
    """Classify a cleaned page (see the module docstring)."""
    s = _settings()
    shapes = [line_shape(line) for line in text.split("\n") if line.strip()]
    kinds = [shape.kind for shape in shapes]
    headlines = kinds.count("headline")
    prose_words = sum(shape.words for shape, kind in zip(shapes, kinds, strict=True) if kind == "prose")
    words = sum(shape.words for shape in shapes)
    dates = len({shape.date_stamp for shape in shapes if shape.date_stamp})
    needed = s.min_dated_headlines if dates >= 2 else s.min_headlines
    kind: PageKind = "article"
    if all(shape.words < s.headline_words[0] for shape in shapes) and not _COUNT.search(text):
        kind = "empty"
    elif (headlines >= needed and prose_words <= s.max_prose_share * words
          and prose_words < s.max_prose_words and not _in_points([line for line in text.split("\n") if line.strip()])):
        kind = "link_list"
    return PageShape(len(shapes), headlines, prose_words, words, dates, kind)


def trailing_list(lines: list[str]) -> list[int]:
    """Indexes of a run of headline lines (with the menu items among them) ending an article
    after its prose; empty when there is none."""
    s = _settings()
    run: list[int] = []
    headlines = marked = 0
    for i in range(len(lines) - 1, 0, -1):      # the first line is the title: never a trailer
        if not lines[i].strip():
            run.append(i)
            continue
        shape = line_shape(lines[i])
        kind = shape.kind
        if kind not in ("headline", "menu"):
            break
        run.append(i)
        if kind == "headline":
            headlines += 1
            marked += shape.prose_markers > 0
    else:
        return []                               # nothing but headlines: a list page, not a trailer
    if headlines < s.trailing_min_headlines or marked > s.trailing_max_marker_share * headlines:
        return []
    if lines[i].rstrip().rstrip(_CLOSERS).endswith((":", "：")):
        return []                               # "... على النحو التالي:": the article's own list
    if not any(line.strip() and line_shape(line).kind == "prose" for line in lines[:min(run)]):
        return []
    if _own_points([lines[k] for k in sorted(run) if lines[k].strip()], lines[:min(run)]):
        return []                               # "▪️ حصيلة أولية: 9 شهداء": the post's own points
    return sorted(run)


def _in_points(lines: list[str]) -> bool:
    """A post told in points under its title ("🔴 #الأتارب | مجزرة" then "✅ 8 شهداء ..."):
    most lines after the first open with one mark, another than the title's. A ticker of
    other news marks its title line too, or marks fewer than half of its lines."""
    mark = _mark_of_most(lines[1:])
    return bool(mark) and mark != _list_mark(lines[0])


def _own_points(run: list[str], body: list[str]) -> bool:
    """Most lines of the run open with the mark of a list the body has begun ("▪️ الطيران
    الحربي الروسي يستهدف السوق" above "▪️ حصيلة أولية: 9 شهداء"): the post's own points, not
    other articles' headlines (a tweet's "— name (@handle)" signature above them is no list)."""
    mark = _mark_of_most(run)
    return bool(mark) and any(_list_mark(line) == mark for line in body)


def _mark_of_most(lines: list[str]) -> str:
    """The list mark more than half of ``lines`` open with, or ""."""
    if not lines:
        return ""
    mark, n = Counter(_list_mark(line) for line in lines).most_common(1)[0]
    return mark if 2 * n > len(lines) else ""


_LIST_MARK = re.compile(r"[^\w\s#@]+(?=\s)")


def _list_mark(line: str) -> str:
    """The mark a line opens with, as the items of a list do ("▪️", "•", "-"), or ""."""
    found = _LIST_MARK.match(line.strip())
    return found.group(0) if found else ""


def leading_list(lines: list[str]) -> list[int]:
    """Indexes of a run of headlines before an article's own title (and of the lines that part
    it from the title, a section name): at least
    ``leading_min_headlines`` of them in a row (blank lines between), apart from the title
    group by a line of another kind (a section name), with a headline after them and before
    the first prose. A run with no headline after it may hold the title: it is kept."""
    s = _settings()
    kinds: list[str] = []               # up to the first prose: nothing after it counts
    for line in lines:
        kind = line_shape(line).kind if line.strip() else "blank"
        if kind == "prose":
            break
        kinds.append(kind)
    else:
        return []
    first_prose = len(kinds)
    runs: list[list[int]] = [[]]
    for i in range(first_prose):
        if kinds[i] == "headline":
            runs[-1].append(i)
        elif kinds[i] != "blank" and runs[-1]:
            runs.append([])
    heads = [run for run in runs if run]
    n = next((n for n, run in enumerate(heads[:-1]) if len(run) >= s.leading_min_headlines), None)
    if n is None:
        return []
    run = heads[n]
    marked = sum(line_shape(lines[i]).prose_markers > 0 for i in run)
    if marked > s.trailing_max_marker_share * len(run):
        return []
    return list(range(run[0], heads[n + 1][0]))     # with the section name after it
