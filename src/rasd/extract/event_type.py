"""What kind of event a report tells of: an ACLED (event_type, sub_event_type), or None.

Not every report with casualty figures is an attack: traffic accidents, earthquakes, crime,
fires, drownings, statements and monthly tolls carry figures too, and must form no strike
incident. The kind is read from the words of ``data/event_types.json`` where a report states
its event: the headline (first line) and the body's first sentence with a casualty figure,
or its first paragraph when it has none ("the main statement").

* A headline framed as a period's statistics ("خلال شهر آب", "منذ بداية العام") reports no
  single incident: None, unless a figure after it is put on one day ("أمس", "فجر اليوم").
  So does a statement headline ("تدين", "مباحثات") that names no attack and states no
  casualty figure of its own.
* Leftovers of war (a mine, an unexploded bomb "من مخلفات الحرب") in the main statement
  make an explosive's event, whatever aircraft the text names as their origin.
* A non-violent event word (حادث سير, زلزال, جريمة قتل, غرق ...) in the main statement
  makes None, unless a strong violent word stands there too; weak violent words ("برصاص",
  "انفجار") do not outweigh it ("انفجار أسطوانة غاز"). A fire, which attacks also cause,
  makes None only when no violent word at all stands there ("حريق إثر غارة" is a strike).
* Otherwise the first violent rule whose words occur in the main statement (then in the
  lead, the first paragraphs) gives the type; with none, ACLED's generic attack: a report of casualties
  whose form no word tells is still taken as one of violence. A headline read alone (a page
  with no article body) must name a form of violence to be typed at all.

Later figures are left out of the main statement: a round-up's other events ("وفي درعا
انفجر لغم ...") do not retype the first.
"""
from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from rasd.model import Claim
from rasd.text.normalize import fold_term, fold_text

EventType = tuple[str, str]
LEAD_PARAGRAPHS = 3
HEADLINE_MAX_WORDS = 25   # a first line longer than this is a paragraph, not a title
_WORD = re.compile(r"[^\W_]+")
MAIN_FIGURES = 1        # the body's first casualty sentence states the main event; later ones
                        # may be a round-up's other events


@dataclass(frozen=True)
class _Rule:
    kind: EventType
    words: re.Pattern[str]
    strong: re.Pattern[str] | None      # the rule's words that no non-violent word outweighs


@dataclass(frozen=True)
class _Catalog:
    violent: tuple[_Rule, ...]
    remnants: _Rule
    non_violent: re.Pattern[str]
    outcomes: re.Pattern[str]
    statistics: re.Pattern[str]
    statement: re.Pattern[str]
    single_day: re.Pattern[str]
    default: EventType


def _pattern(words: Sequence[str]) -> re.Pattern[str] | None:
    """Whole folded words, with optional proclitics (و/ف, ب/ل/ك, ال)."""
    if not words:
        return None
    alternatives = "|".join(sorted({re.escape(fold_term(w)) for w in words}, key=len, reverse=True))
    return re.compile(rf"(?<!\w)[وف]?[بلك]?(?:ال)?(?:{alternatives})(?!\w)")


def _rule(raw: dict) -> _Rule:
    weak = set(raw.get("weak", ()))
    words = _pattern(raw["words"])
    assert words is not None, raw
    return _Rule((raw["event_type"], raw["sub_event_type"]), words,
                 _pattern([w for w in raw["words"] if w not in weak]))


@cache
def _catalog() -> _Catalog:
    raw = json.loads((Path(__file__).parent / "data" / "event_types.json").read_text(encoding="utf-8"))

    def joined(groups: dict[str, list[str]]) -> re.Pattern[str]:
        pattern = _pattern([w for words in groups.values() for w in words])
        assert pattern is not None
        return pattern

    frames = raw["report_frames"]
    return _Catalog(
        violent=tuple(_rule(r) for r in raw["violent"]), remnants=_rule(raw["remnants"]),
        non_violent=joined(raw["non_violent"]), outcomes=joined(raw["outcomes"]),
        statistics=joined({"statistics": frames["statistics"]}),
        statement=joined({"statement": frames["statement"]}),
        single_day=joined({"single_day": raw["single_day"]}),
        default=(raw["default"]["event_type"], raw["default"]["sub_event_type"]),
    )


def default_event_type() -> EventType:
    """The type of a report of violence whose words name no form."""
    return _catalog().default


def event_type(text: str, claims: Sequence[Claim] = (), *, silent_is_violent: bool = True) -> EventType | None:
    """The ACLED type of the event ``text`` reports, None when it tells of no violence
    (see the module docstring). ``claims`` are the figures read from ``text``. With
    ``silent_is_violent`` off, a text that names no form of violence is None, not an attack
    (a headline read alone, with no figures to vouch for it)."""
    catalog = _catalog()
    head_end = _headline_end(text)
    headline = fold_text(text[:head_end])
    casualties = [c for c in claims if c.kind != "strikes" and not c.denial]
    if catalog.statistics.search(headline) and not _one_day_figure(text, casualties, head_end):
        return None
    if (catalog.statement.search(headline) and not _strong(headline)
            and not any(c.span[0] < head_end for c in casualties)):
        return None
    body_figures = sorted({c.sentence_span for c in casualties if c.span[0] >= head_end})
    figures = " \n ".join(fold_text(text[a:b]) for a, b in body_figures[:MAIN_FIGURES])
    main = f"{headline} \n {figures or fold_text(_first_paragraph(text, head_end))}"
    if catalog.remnants.words.search(main):
        return catalog.remnants.kind
    if not _strong(main) and catalog.non_violent.search(main):
        return None
    if catalog.outcomes.search(main) and not any(rule.words.search(main) for rule in catalog.violent):
        return None
    for zone in (main, fold_text(text[:_lead_end(text)])):
        for rule in catalog.violent:
            if rule.words.search(zone):
                return rule.kind
    return catalog.default if silent_is_violent else None


def _one_day_figure(text: str, casualties: Sequence[Claim], head_end: int) -> bool:
    """Whether a casualty figure after the headline is put on one day ("أمس", "فجر اليوم")
    and not on a period: a period's toll that also tells of one day's attack."""
    catalog = _catalog()
    for start, end in {c.sentence_span for c in casualties if c.span[0] >= head_end}:
        sentence = fold_text(text[start:end])
        if catalog.single_day.search(sentence) and not catalog.statistics.search(sentence):
            return True
    return False


def _strong(folded: str) -> bool:
    """Whether a violent word that no non-violent word outweighs stands in ``folded``."""
    return any(rule.strong is not None and rule.strong.search(folded) for rule in _catalog().violent)


def _headline_end(text: str) -> int:
    """End of the first non-blank line when it reads as a headline (not a paragraph whose
    title was lost); else where the text starts, leaving no headline."""
    start = len(text) - len(text.lstrip())
    end = text.find("\n", start)
    end = len(text) if end < 0 else end
    first = text[start:end].rstrip()
    return end if len(_WORD.findall(first)) <= HEADLINE_MAX_WORDS and not first.endswith(".") else start


def _first_paragraph(text: str, after: int) -> str:
    """The first non-blank line after offset ``after``: where a report without figures
    states its event."""
    return next((line for line in text[after:].split("\n") if line.strip()), "")


def _lead_end(text: str) -> int:
    """End offset of the title and first paragraphs: where a report names its main event."""
    pos = paragraphs = 0
    for line in text.splitlines(keepends=True):
        pos += len(line)
        if line.strip():
            paragraphs += 1
            if paragraphs > LEAD_PARAGRAPHS:
                break
    return pos
