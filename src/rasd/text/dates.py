"""Dates in Arabic conflict reports, resolved against the publication date.

News reports date an incident relative to publication ("فجر أمس الأربعاء", "ليل الثلاثاء –
الأربعاء", "الخميس الماضي") far more often than explicitly, and general date parsers
misread them (or read unit names such as "الفرقة 17" as a day). So this module matches a
small grammar over folded text: anchors (relative words, weekdays, explicit dates,
"منذ ثلاثة أيام") joined into expressions, with day parts and "يوم" taken in from the left.
All words come from ``data/dates.json``.
"""
from __future__ import annotations

import bisect
import datetime as dt
import json
import re
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path
from typing import Any, Iterable

from rasd.model import EventDate
from rasd.text.normalize import Folded, fold, fold_char, fold_term, fold_text

_DAY = dt.timedelta(days=1)
_FAR_DAYS = 10          # explicit dates older than this are background unless nothing else
_WEEKDAY_GRACE = 7      # days after publication a date that fits its named weekday may fall
_LEAD_SENTENCES = 3     # sentences past a lead sentence that still belong to the lead
_LEAD_WORDS = 5         # a lead sentence has at least this many words (menu items do not)
_STATEMENT_GAP = 5      # words between a statement word and the date it gives ("في بيان نشرته عبر معرفاتها، أمس")
_STATEMENT_REACH = 80   # characters before a date searched for that statement word


# --------------------------------------------------------------------------- lexicon

def _alt(terms: Iterable[str]) -> str:
    """Regex matching any of the folded ``terms``, built as a trie (fast on Python's engine,
    which tries alternatives one by one) that prefers the longest term ("اول امس" over "امس")."""
    trie: dict[str, dict] = {}
    for term in {fold_term(t) for t in terms}:
        node = trie
        for ch in term:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _trie_regex(trie)


def _trie_regex(node: dict[str, dict]) -> str:
    branches = [re.escape(ch) + _trie_regex(child) for ch, child in sorted(node.items()) if ch]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if "" in node:
        return f"(?:{body})?" if len(branches) > 1 or len(body) > 1 else f"{body}?"
    return body


def _lookup(table: dict[str, int]) -> dict[str, int]:
    return {fold_term(k): v for k, v in table.items()}


def _ordinals(data: dict) -> dict[str, int]:
    """Day ordinals 1..31 ("السابع", "الحادي عشر", "الرابع والعشرين") built from their parts."""
    units: dict[str, int] = data["ordinal_units"]
    tens: dict[str, int] = data["ordinal_tens"]
    out: dict[str, int] = {}
    for unit, u in units.items():
        out.setdefault(unit, u)
        for suffix in data["ordinal_teen_suffix"]:
            out[f"{unit} {suffix}"] = 10 + u
        for ten, t in tens.items():
            if t >= 20 and t + u <= 31:
                out[f"{unit} و{ten}"] = t + u
    for ten, t in tens.items():
        out[ten] = t
    return _lookup({k: v for k, v in out.items() if 1 <= v <= 31})


@dataclass(frozen=True)
class _Lexicon:
    """The date words of ``dates.json``, folded, and the patterns compiled from them."""
    months: dict[str, int]
    weekdays: dict[str, int]
    relative_days: dict[str, int]
    relative_nights: dict[str, int]
    relative_months: dict[str, int]
    relative_years: dict[str, int]
    ordinals: dict[str, int]
    ago_counts: dict[str, int]
    ago_units: dict[str, int]
    count_words: dict[str, int]
    past: frozenset[str]
    future: frozenset[str]
    anchor: re.Pattern[str]
    left: re.Pattern[str]
    marker: re.Pattern[str]
    day_of_month: re.Pattern[str]
    weekday_join: re.Pattern[str]
    joiner: re.Pattern[str]
    today_blocked: re.Pattern[str]
    relative_blocked: re.Pattern[str]
    incident: re.Pattern[str]
    update: re.Pattern[str]
    statement: re.Pattern[str]
    background_start: re.Pattern[str]
    background_phrase: re.Pattern[str]
    boilerplate: frozenset[str]
    period_bound: re.Pattern[str]
    episode_openers: frozenset[str]
    past_month: re.Pattern[str]


@cache
def _data() -> dict[str, Any]:
    return json.loads((Path(__file__).parent / "data" / "dates.json").read_text(encoding="utf-8"))


@cache
def _lexicon() -> _Lexicon:
    data = _data()
    months = {fold_term(t): int(m) for m, terms in data["months"].items() for t in terms}
    latin = {t.lower() for t in months if t.isascii()}
    months = {t.lower(): v for t, v in months.items()}
    weekdays = {fold_term(t): int(d) for d, terms in data["weekdays"].items() for t in terms}
    ordinals = _ordinals(data)
    month = f"(?:{_alt(set(months) - latin)}|(?i:{_alt(latin)}))"
    # "7 آب/ أغسطس", "يونيو/حزيران", "كانون الثاني (يناير)": the first name gives the month.
    months_re = rf"(?P<{{p}}mon>{month})(?!\w)(?:\s*[/(-]\s*(?P<{{p}}mon2>{month})(?!\w)(?:\s*\))?)?"
    year = (rf"(?:\s*,?\s*(?:من\s+)?(?:{_alt(data['year_words'])}\s+)?(?P<{{p}}year>(?:19|20)\d\d)(?!\d)"
            rf"|\s+(?:من\s+)?(?P<{{p}}yref>{_alt(data['relative_years'])})(?!\w))?")
    month_word = _alt(data["month_words"])
    named = (rf"(?<![\d.,:/])(?P<dday>\d{{1,2}})\s*(?:من\s+)?(?:{month_word}\s+)?"
             + months_re.format(p="d") + year.format(p="d"))
    ordinal = (rf"(?<!تشرين )(?<!كانون )(?P<ord>{_alt(ordinals)})\s+(?:من\s+)?(?:{month_word}\s+)?"
               rf"(?:{months_re.format(p='o')}|(?P<mref>{_alt(data['relative_months'])})(?!\w))"
               + year.format(p="o"))
    english = (rf"(?P<emon>{month})\.?\s+(?P<eday>\d{{1,2}})(?:st|nd|rd|th)?,?\s+"
               rf"(?P<eyear>(?:19|20)\d\d)(?!\d)")
    numeric = (r"(?<![\d/.-])(?:(?P<nd>\d{1,2})(?P<ns>[/.-])(?P<nm>\d{1,2})(?P=ns)(?P<ny>(?:19|20)\d\d)"
               r"|(?P<iy>(?:19|20)\d\d)(?P<is>[/.-])(?P<im>\d{1,2})(?P=is)(?P<id>\d{1,2}))"
               r"(?!\d)(?![/.-]\d)")
    ago = (rf"(?P<ago>{_alt(data['ago_words'])})\s+(?:(?P<agoc>{_alt(data['ago_counts'])})"
           rf"|(?P<agon>\d{{1,2}}|{_alt(data['count_words'])})\s+(?P<agou>{_alt(data['ago_units'])}))"
           rf"(?!\w)(?!\s+{_alt(data['ago_not_followed_by'])}(?!\w))")
    weekday = rf"(?P<wd>{_alt(weekdays)})(?!\w)(?!\s+{_alt(data['weekday_not_followed_by'])}(?!\w))"
    relative = (rf"(?P<night>{_alt(data['relative_nights'])})(?!\w)"
                rf"|(?P<rel>{_alt(data['relative_days'])})(?!\w)")
    anchor = re.compile(
        rf"(?<!\w)[وفب]?(?P<x>{relative}|{weekday}|{named}|{ordinal}|{english}|{numeric}|{ago})")
    left = re.compile(
        rf"(?<!\w)[وفب]?(?P<x>(?:{_alt(data['day_parts'])}\s+)?(?:{_alt(data['day_words'])}\s+)?)$")
    marker = re.compile(rf"\s+(?P<m>{_alt(data['past_markers'] + data['future_markers'])})(?!\w)")
    past_month = re.compile(rf"(?<!\w)(?:{month_word}\s+)?{month}\s+{_alt(data['past_markers'])}(?!\w)")
    joiner = re.compile(rf"\s*,?\s*\(?\s*(?:{_alt(data['date_connectors'])}\s+)?")
    return _Lexicon(
        months=months, weekdays=weekdays,
        relative_days=_lookup(data["relative_days"]),
        relative_nights=_lookup(data["relative_nights"]),
        relative_months=_lookup(data["relative_months"]),
        relative_years=_lookup(data["relative_years"]),
        ordinals=ordinals,
        ago_counts=_lookup(data["ago_counts"]), ago_units=_lookup(data["ago_units"]),
        count_words=_lookup(data["count_words"]),
        past=frozenset(map(fold_term, data["past_markers"])),
        future=frozenset(map(fold_term, data["future_markers"])),
        anchor=anchor, left=left, marker=marker, joiner=joiner, past_month=past_month,
        day_of_month=re.compile(r"\s*,?\s*(?P<dom>\d{1,2})(?=\s*(?:[,.;:)\"'-]|$))"),
        weekday_join=re.compile(rf"\s*(?:-|/|{_alt(data['range_joiners'])}(?=\s*ال))?\s*"),
        today_blocked=re.compile(rf"\s+{_alt(data['today_not_followed_by'])}(?!\w)"),
        relative_blocked=re.compile(rf"(?<!\w){_alt(data['relative_not_preceded_by'])}\s+$"),
        incident=re.compile(rf"(?<!\w)(?:[وفبل]|ال|وال|بال|لل)?{_alt(data['incident_words'])}"),
        update=re.compile(rf"(?<!\w)(?:[وفبل]|ال|وال|بال|لل)?{_alt(data['update_words'])}"),
        statement=re.compile(rf"(?<!\w)[وفبل]?{_alt(data['statement_words'])}(?!\w)(?P<gap>(?:[\s,،]+[^\s,،]+){{0,{_STATEMENT_GAP}}}?)[\s,،]*$"),
        background_start=re.compile(rf"[\W\d_]*{_alt(data['background_starts'])}(?!\w)"),
        background_phrase=re.compile(rf"(?<!\w)[وفب]?{_alt(data['background_phrases'])}(?!\w)"),
        boilerplate=frozenset(fold_term(t).lower() for t in data["boilerplate_lines"]),
        period_bound=re.compile(rf"(?<!\w)و?{_alt(data['period_bounds'])}\s+$"),
        episode_openers=frozenset(map(fold_term, data["episode_openers"])),
    )


# --------------------------------------------------------------------------- anchors

@dataclass(frozen=True)
class _Ymd:
    """An explicit date as written: the year may be unstated, and a combined form such as
    "22 كانون الثاني/ نوفمبر" may name two different months (the weekday, if any, decides)."""
    year: int | None
    months: tuple[int, ...]
    day: int


@dataclass(frozen=True)
class _Anchor:
    """One matched word group: what it says, before it is joined into an expression."""
    kind: str                      # "rel", "night", "wd", "date", "ago"
    start: int                     # folded offsets (clitic excluded)
    end: int
    value: int = 0                 # day offset, weekday, or days ago
    ymd: _Ymd | None = None


def _anchors(text: str, lex: _Lexicon, published: dt.date | None) -> list[_Anchor]:
    out: list[_Anchor] = []
    for m in lex.anchor.finditer(text):
        a = _anchor(m, lex, published)
        if a is not None:
            out.append(a)
    return out


def _anchor(m: re.Match[str], lex: _Lexicon, published: dt.date | None) -> _Anchor | None:
    start, end = m.span("x")
    g = m.groupdict()
    if g["rel"] or g["night"]:
        if lex.relative_blocked.search(m.string, max(0, start - 12), start):
            return None            # "ذلك اليوم", "نفس اليوم"
        if g["rel"]:
            if lex.today_blocked.match(m.string, end):
                return None        # "اليوم التالي", "اليوم العالمي"
            return _Anchor("rel", start, end, lex.relative_days[g["rel"]])
        return _Anchor("night", start, end, lex.relative_nights[g["night"]])
    if g["wd"]:
        return _Anchor("wd", start, end, lex.weekdays[g["wd"]])
    if g["ago"]:
        if g["agoc"]:
            days = lex.ago_counts[g["agoc"]]
        else:
            n = g["agon"]
            days = (int(n) if n.isdigit() else lex.count_words[n]) * lex.ago_units[g["agou"]]
        return _Anchor("ago", start, end, days)
    ymd = _explicit(g, lex, published)
    return _Anchor("date", start, end, ymd=ymd) if ymd is not None else None


def _explicit(g: dict[str, Any], lex: _Lexicon, published: dt.date | None) -> _Ymd | None:
    """The date an explicit-date match states; None when it cannot be a date."""
    full = _full_date(g, lex)
    if full is not None:
        year, month, day = full
        return _Ymd(year, (month,), day) if _valid(year, month, day) else None
    p = "d" if g["dday"] else "o"
    day = int(g["dday"]) if g["dday"] else lex.ordinals[g["ord"]]
    stated: int | None = None
    if g[f"{p}year"]:
        stated = int(g[f"{p}year"])
    elif g[f"{p}yref"]:
        if published is None:
            return None
        stated = published.year + lex.relative_years[g[f"{p}yref"]]
    if g[f"{p}mon"]:
        months = tuple(dict.fromkeys(lex.months[name.lower()]
                                     for name in (g[f"{p}mon"], g[f"{p}mon2"]) if name))
    else:                                  # "الرابع والعشرين من الشهر الماضي"
        if published is None:
            return None
        total = published.year * 12 + published.month - 1 + lex.relative_months[g["mref"]]
        stated, months = stated or total // 12, (total % 12 + 1,)
    return _Ymd(stated, months, day) if 1 <= day <= 31 else None


def _full_date(g: dict[str, Any], lex: _Lexicon) -> tuple[int, int, int] | None:
    """(year, month, day) of the numeric and English forms, which always state all three."""
    if g["nd"]:
        day, month = int(g["nd"]), int(g["nm"])
        if month > 12 >= day:              # "1/13/2021": month-first after all
            day, month = month, day
        return int(g["ny"]), month, day
    if g["iy"]:
        return int(g["iy"]), int(g["im"]), int(g["id"])
    if g["eday"]:
        return int(g["eyear"]), lex.months[g["emon"].lower()], int(g["eday"])
    return None


def _valid(year: int, month: int, day: int) -> bool:
    try:
        dt.date(year, month, day)
    except ValueError:
        return False
    return True


# --------------------------------------------------------------------------- expressions

@dataclass(frozen=True)
class _Expr:
    """A resolved date expression with what ``event_date`` needs to rank it."""
    date: EventDate
    start: int                     # folded offset
    kind: str                      # "relative", "ago", "explicit", "weekday"


def _expressions(folded: Folded, published: dt.date | None) -> list[_Expr]:
    """Anchors joined into expressions, widened left over day parts and "يوم" ("فجر يوم أمس")."""
    lex = _lexicon()
    text = folded.text
    anchors = _anchors(text, lex, published)
    out: list[_Expr] = []
    i = 0
    while i < len(anchors):
        expr, i = _join(anchors, i, text, lex, published)
        if expr is not None:
            start, end, kind, dates = expr
            m = lex.left.search(text, max(0, start - 60), start)
            if m is not None and m.group("x"):
                start = m.start("x")
            span = folded.span(start, end)
            while span[1] < len(folded.original) and not fold_char(folded.original[span[1]]):
                span = (span[0], span[1] + 1)      # keep trailing marks: "غداً", not "غدا"
            out.append(_Expr(EventDate(dates[0], dates[1], folded.original[span[0]:span[1]], span),
                             start, kind))
    return out


def _adjacent(text: str, end: int, nxt: _Anchor, pattern: re.Pattern[str]) -> bool:
    m = pattern.match(text, end)
    return m is not None and m.end() == nxt.start


def _join(anchors: list[_Anchor], i: int, text: str, lex: _Lexicon, published: dt.date | None
          ) -> tuple[tuple[int, int, str, tuple[dt.date, dt.date]] | None, int]:
    """Join anchors from ``i`` into one expression: relative? weekday(-weekday)? marker? date?

    Returns the expression (folded start, end, kind, (start date, end date)) or None when it
    cannot be resolved, and the index of the next unused anchor.
    """
    first = anchors[i]
    start, end = first.start, first.end
    rel = first if first.kind in ("rel", "night", "ago") else None
    j = i + 1 if rel else i
    weekday = weekday2 = None
    marker: str | None = None
    if rel is None or rel.kind == "rel":
        if j < len(anchors) and anchors[j].kind == "wd" and (
                j == i or _adjacent(text, end, anchors[j], lex.joiner)):
            weekday, end, j = anchors[j], anchors[j].end, j + 1
            if (j < len(anchors) and anchors[j].kind == "wd" and rel is None
                    and anchors[j].value == (weekday.value + 1) % 7
                    and _adjacent(text, end, anchors[j], lex.weekday_join)):
                weekday2, end, j = anchors[j], anchors[j].end, j + 1
            m = lex.marker.match(text, end)
            if m is not None:
                marker, end = m.group("m"), m.end()
    explicit: _Ymd | None = None
    if j < len(anchors) and anchors[j].kind == "date" and (
            j == i or _adjacent(text, end, anchors[j], lex.joiner)):
        explicit, end, j = anchors[j].ymd, anchors[j].end, j + 1
        m = lex.marker.match(text, end)
        if m is not None:                  # "في السابع من تموز الفائت": part of what is written
            end = m.end()
    dom = None
    if weekday is not None and explicit is None:
        m = lex.day_of_month.match(text, end)
        if m is not None:
            dom, dom_end = int(m.group("dom")), m.end("dom")
    dates: tuple[dt.date, dt.date] | None = None
    kind = "explicit"
    if explicit is not None:
        day = _resolve_ymd(explicit, weekday.value if weekday else None, published)
        dates = (day, day) if day else None
    elif published is None:
        dates = None
    elif weekday is not None and dom is not None and (day := _weekday_day(published, weekday.value, dom)):
        dates, end = (day, day), dom_end
    elif rel is not None:
        kind = "ago" if rel.kind == "ago" else "relative"
        dates = _resolve_relative(rel, weekday, published)
    elif weekday is not None:
        kind = "weekday"
        dates = _resolve_weekday(weekday.value, weekday2 is not None, marker, published)
    return ((start, end, kind, dates) if dates is not None else None), j


def _resolve_ymd(ymd: _Ymd, weekday: int | None, published: dt.date | None) -> dt.date | None:
    """The day an explicit date means. A named weekday picks the month and year it fits
    (nearest publication, up to a week after it: a date and weekday that agree outweigh a
    wrong publication stamp); otherwise an unstated year is the latest not after publication
    (one day's grace: feeds often stamp the next day)."""
    if ymd.year is not None:
        days = [dt.date(ymd.year, m, ymd.day) for m in ymd.months if _valid(ymd.year, m, ymd.day)]
        fitting = [d for d in days if d.weekday() == weekday]
        if fitting:
            return fitting[0]
        return days[0] if days else None
    if published is None:
        return None
    days = [dt.date(y, m, ymd.day) for y in (published.year + 1, published.year, published.year - 1)
            for m in ymd.months if _valid(y, m, ymd.day)]
    fitting = [d for d in days if d.weekday() == weekday
               and -366 <= (d - published).days <= _WEEKDAY_GRACE]
    if fitting:
        return min(fitting, key=lambda d: abs(d - published))
    return max((d for d in days if d <= published + _DAY), default=None)


def _resolve_relative(rel: _Anchor, weekday: _Anchor | None,
                      published: dt.date) -> tuple[dt.date, dt.date]:
    if rel.kind == "ago":
        d = published - rel.value * _DAY
        return d, d
    if rel.kind == "night":
        return published + rel.value * _DAY, published
    said = published + rel.value * _DAY
    if weekday is None or said.weekday() == weekday.value:
        return said, said
    # "أمس الأربعاء" when yesterday was not a Wednesday: both readings if they are neighbours
    # (a report written on one day and published the next), otherwise the weekday; but
    # "اليوم الخميس" in a report published on Saturday is today's news with a slipped weekday
    # (on the dev reports such weekdays never gave the coded day, the publication day did).
    before = said - ((said.weekday() - weekday.value) % 7) * _DAY
    after = before + 7 * _DAY
    named = after if after - said < said - before and after <= published + _DAY else before
    if abs((named - said).days) == 1:
        return min(named, said), max(named, said)
    if rel.value == 0:
        return said, said
    d = weekday_on_or_before(published, weekday.value)
    return d, d


def _resolve_weekday(weekday: int, night_pair: bool, marker: str | None,
                     published: dt.date) -> tuple[dt.date, dt.date]:
    lex = _lexicon()
    if marker in lex.future:
        d = published + ((weekday - published.weekday()) % 7 or 7) * _DAY
    else:
        d = weekday_on_or_before(published, weekday, past=marker in lex.past)
    return d, d + _DAY if night_pair else d


def weekday_on_or_before(published: dt.date, weekday: int, past: bool = False) -> dt.date:
    """The latest ``weekday`` on or before ``published``; strictly before when ``past`` ("الماضي")."""
    back = (published.weekday() - weekday) % 7
    return published - (back or (7 if past else 0)) * _DAY


def _weekday_day(published: dt.date, weekday: int, dom: int) -> dt.date | None:
    """"الجمعة 28": the latest day ``dom`` of a month, up to a day after ``published``, that is
    that weekday."""
    total = published.year * 12 + published.month - 1
    for back in range(-1, 13):
        y, m = divmod(total - back, 12)
        if _valid(y, m + 1, dom):
            d = dt.date(y, m + 1, dom)
            if d <= published + _DAY and d.weekday() == weekday:
                return d
    return None


# --------------------------------------------------------------------------- times of day

def _without_article(term: str) -> str:
    return term[2:] if term.startswith("ال") and len(term) > 4 else term


@dataclass(frozen=True)
class _DayParts:
    """The time-of-day words of ``dates.json``, folded and without their article."""
    part_of: dict[str, str]            # term -> "dawn", "morning", ...
    order: tuple[str, ...]
    pattern: re.Pattern[str]


@cache
def _day_parts() -> _DayParts:
    data = _data()
    part_of = {_without_article(fold_term(t)): part
               for part, terms in data["times_of_day"].items() for t in terms}
    return _DayParts(part_of, tuple(data["time_of_day_order"]),
                     re.compile(rf"(?<!\w)[وفب]?(?:ال)?(?P<t>{_alt(part_of)})(?!\w)"))


@lru_cache(maxsize=4096)
def time_of_day(text: str) -> str | None:
    """The part of the day ``text`` names ("فجر اليوم" -> "dawn", "مساء أمس" -> "evening"),
    the first one written; None when it names none. Reports of one incident that give
    different parts of the day disagree on when it happened. Cached: grouping asks it of
    each report's date text once per incident it compares the report with."""
    parts = _day_parts()
    m = parts.pattern.search(fold_text(text))
    return parts.part_of[m.group("t")] if m else None


@cache
def month_words() -> frozenset[str]:
    """The first word of every month name, folded ("تشرين", "كانون", "اب", "يونيو")."""
    return frozenset(t.split()[0] for t in _lexicon().months)


@cache
def weekday_words() -> frozenset[str]:
    """Every weekday name, folded, with and without its article ("الخميس", "خميس")."""
    names = {fold_term(t) for terms in _data()["weekdays"].values() for t in terms}
    return frozenset(names | {n[2:] for n in names if n.startswith("ال")})


def names_past_month(folded_text: str) -> bool:
    """The folded text names a past month with no day ("في شباط الماضي", "خلال شهر آب
    الفائت"): a sentence about it tells of earlier events ("في 28 أيلول الفائت" may date
    the report's own event)."""
    return any(not re.search(r"\d\s*$|من\s+$", folded_text[max(0, m.start() - 8):m.start()])
               for m in _lexicon().past_month.finditer(folded_text))   # not "28 أيلول الفائت": a day


def marks_past(folded_text: str) -> bool:
    """The folded date text says its day is a past one ("الأحد الماضي", "يوم الاثنين الفائت"):
    the writer counted back to it, it is no weekday misread as last week's."""
    return not _lexicon().past.isdisjoint(folded_text.split())


def times_of_day() -> tuple[str, ...]:
    """The parts of the day in the order of a day, dawn first."""
    return _day_parts().order


def adjacent_times(a: str, b: str) -> bool:
    """True for the same or neighbouring parts of the day (night neighbours dawn): reports
    that differ by one part ("فجر" and "صباح") describe the same hours in other words."""
    order = _day_parts().order
    gap = abs(order.index(a) - order.index(b))
    return gap <= 1 or gap == len(order) - 1


@cache
def time_words() -> frozenset[str]:
    """Folded words that open a date or time expression ("فجر", "اليوم", "الثلاثاء",
    "الشهر"): where a phrase about something else ends."""
    data = _data()
    parts = [fold_term(t) for t in [*data["day_parts"], *(t for ts in data["times_of_day"].values() for t in ts)]]
    words = {t.split()[0] for t in parts} | {"ال" + t for t in parts if " " not in t and not t.startswith("ال")}
    single = [t for t in [*data["relative_days"], *data["relative_nights"], *data["day_words"],
                          *(t for terms in data["weekdays"].values() for t in terms)] if " " not in t]
    periods = [fold_term(t).split()[0] for t in [*data["relative_months"], *data["relative_years"]]]
    return frozenset(words | set(map(fold_term, single)) | set(periods))


# --------------------------------------------------------------------------- public API

def find_dates(text: str, published: dt.date | None,
               folded: Folded | None = None) -> tuple[EventDate, ...]:
    """Every date expression in ``text`` resolved against ``published``, in text order.

    Expressions that need the publication date (relative words, weekdays, dates without a
    year) are left out when ``published`` is None.
    """
    folded = folded if folded is not None else fold(text)
    return tuple(e.date for e in _expressions(folded, published))


_ISO = re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})(?:$|[T\s])")


def parse_date_text(value: str) -> dt.date | None:
    """The calendar date of a feed's publication-date string, as written; None if unreadable.

    ISO strings keep the date as written (no time-zone shift): the outlet's local day is the
    one its "اليوم" and "أمس" refer to.
    """
    m = _ISO.match(value)
    if m is not None:
        y, mo, d = map(int, m.groups())
        return dt.date(y, mo, d) if _valid(y, mo, d) else None
    for e in _expressions(fold(value), None):
        if e.kind == "explicit":
            return e.date.start
    return None


def event_date(text: str, published: dt.date | None,
               folded: Folded | None = None) -> EventDate | None:
    """The date of the main incident ``text`` reports.

    The first date tied to an attack or casualty word, outside background sentences
    ("وكانت ...", "منذ بداية ..."), wins; a relative or explicit reference in the next few
    sentences beats a bare weekday (it carries more information). A date right after a toll
    update or a later death ("ارتفع، صباح الجمعة، عدد الضحايا", "فارق الحياة فجر اليوم")
    dates the update: the attack's own date in a "وكانت ... قد" recap then wins. A date a few
    words after a statement word ("في بيان، الأربعاء") dates the statement: any other date wins
    over it. Explicit dates more than ~10 days before publication are background unless
    nothing else is dated. With no day in the text: published-1 .. published (the text leaves the day open).
    ``folded`` (``fold(text)``) may be passed when the caller has it already.
    """
    folded = folded if folded is not None else fold(text)
    exprs = _expressions(folded, published)
    lex = _lexicon()
    text = folded.text
    bounds = _sentence_bounds(folded)
    cut = _boilerplate_start(text, bounds, lex)
    lead = _lead_sentence(text, bounds, cut, lex)
    tied: list[tuple[_Expr, int]] = []
    untied: list[_Expr] = []
    far: list[_Expr] = []
    updates: list[_Expr] = []
    recaps: list[_Expr] = []
    statements: list[_Expr] = []
    for e in exprs:
        if e.start >= cut:
            break
        s = bisect.bisect_right(bounds, e.start) - 1
        lo, hi = bounds[s], bounds[s + 1]
        is_tied = lex.incident.search(text, lo, hi) is not None
        if _background(text, lo, e, s > lead, lex):
            if is_tied and lex.background_start.match(text, lo, e.start) is not None:
                recaps.append(e)
            continue
        if _dates_update(text, lo, e, lex):
            updates.append(e)
            continue
        if _dates_statement(text, lo, e, lex):
            statements.append(e)
            continue
        if published is not None and (e.date.end < published - _FAR_DAYS * _DAY
                                      or e.date.start > published + _WEEKDAY_GRACE * _DAY):
            if is_tied and s - lead <= _LEAD_SENTENCES:
                far.append(e)
        elif published is not None and e.kind == "relative" and e.date.start > published:
            continue                       # "غداً": announcements, not incidents
        elif is_tied:
            tied.append((e, s))
        elif s - lead <= _LEAD_SENTENCES:
            untied.append(e)
    if tied:
        best, sentence = tied[0]
        if best.kind == "weekday":
            better = [e for e, s in tied if e.kind != "weekday" and s - sentence < _LEAD_SENTENCES]
            best = better[0] if better else best
        return best.date
    if updates and recaps:
        # A toll update ("ارتفع، صباح الجمعة، عدد الضحايا ... وكانت مسيّرة قد استهدفت عصر
        # أمس ..."): its recap of the attack dates the attack.
        return recaps[0].date
    if untied:
        return untied[0].date
    if statements:
        return statements[0].date
    if far:
        return far[0].date
    if published is None:
        return None
    return EventDate(published - _DAY, published, "", None)


_BREAK = re.compile(r"\n|[.!?؟…](?=\s)")


def _dates_update(text: str, sentence_start: int, e: _Expr, lex: _Lexicon) -> bool:
    """True when ``e`` comes after a toll update or a later death ("ارتفع، صباح الجمعة، عدد
    الضحايا", "فارق الحياة فجر اليوم"), nearer than any attack word: it dates the update, not
    the attack ("ارتفع عدد ضحايا القصف الذي استهدف البلدة صباح اليوم" dates the attack)."""
    ends = [m.end() for m in lex.update.finditer(text, sentence_start, e.start)]
    return bool(ends) and lex.incident.search(text, ends[-1], e.start) is None


def _dates_statement(text: str, sentence_start: int, e: _Expr, lex: _Lexicon) -> bool:
    """True when ``e`` comes a few words after a statement word with no attack word between
    ("قالت الوزارة في بيان، الأربعاء 13 آب، إن القذيفة"، "أعلنت في بيان اليوم أن"): it dates the
    statement, which often comes a day or more after the attack it tells of."""
    m = lex.statement.search(text, max(sentence_start, e.start - _STATEMENT_REACH), e.start)
    return m is not None and lex.incident.search(m.group("gap")) is None


def _sentence_bounds(folded: Folded) -> list[int]:
    """Folded offsets where sentences start (line breaks and end punctuation), plus the end."""
    index = folded.index
    bounds = [0]
    for m in _BREAK.finditer(folded.original):
        pos = bisect.bisect_right(index, m.start())
        if pos > bounds[-1]:
            bounds.append(pos)
    if bounds[-1] < len(folded.text):
        bounds.append(len(folded.text))
    return bounds


def _lead_sentence(text: str, bounds: list[int], cut: int, lex: _Lexicon) -> int:
    """Index of the first sentence that reports an incident (skipping menu items such as
    "شهداء الثورة"); 0 when none does."""
    for m in lex.incident.finditer(text, 0, cut):
        s = bisect.bisect_right(bounds, m.start()) - 1
        if text.count(" ", bounds[s], bounds[s + 1]) >= _LEAD_WORDS:
            return s
    return 0


def _boilerplate_start(text: str, bounds: list[int], lex: _Lexicon) -> int:
    """Where site furniture begins ("السابق", "مقالات ذات صلة"): related headlines carry dates
    of other incidents."""
    for lo, hi in zip(bounds, bounds[1:]):
        if hi - lo < 24 and text[lo:hi].strip(" :.").lower() in lex.boilerplate:
            return lo
    return len(text)


def _background(text: str, sentence_start: int, e: _Expr, after_lead: bool, lex: _Lexicon) -> bool:
    """True when ``e`` dates something other than the main incident: an earlier event
    ("وكانت ...", "منذ بداية ..."), the end of a period ("حتى يوم أمس"), or, after the lead, a
    new episode opened by a stated date ("وقبل يومين، قتلت", "وفي 18 نيسان", "ويوم الجمعة
    الماضي، أصيب")."""
    before = text[sentence_start:e.start]
    return (lex.background_start.match(before) is not None
            or lex.background_phrase.search(before) is not None
            or lex.period_bound.search(before) is not None
            or (after_lead and before.strip(" ,\"'-(") in lex.episode_openers
                and (e.kind in ("ago", "explicit") or e.kind == "weekday" and marks_past(fold_term(e.date.text)))))
