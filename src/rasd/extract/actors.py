"""Actor mentions: who is named in a report, and whether the text makes them attacker or target.

Actors come from a catalog (``data/actors.json``); the words that decide a mention's role come
from ``data/actor_cues.json``. Matching runs once over the word tokens of the folded text: every
surface form of a catalog term's first word (with its proclitics) is a dictionary key, so a
token costs one lookup whatever the catalog size. A mention's role is read from the nearest cue
word on either side in the same sentence (``غارات روسية`` → perpetrator, ``مواقع قسد`` →
target, ``اتفاق بين روسيا وتركيا`` → other).
"""
from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any, Literal

from rasd.model import ActorMention, ActorRole, Certainty, SourceKind
from rasd.text.normalize import Folded, fold, fold_term

_TOKEN = re.compile(r"\w+")
_ARTICLE = "ال"
CueKind = Literal["perpetrator", "target", "neutral", "suspicion", "transparent"]
# Kinds of actor that can carry out an attack (the rest are sources: monitors, media, hospitals).
COMBATANT_KINDS = frozenset({"state", "coalition", "armed_group", "militia"})
# main_perpetrators: a suspected attribution counts half a stated one; an actor is kept when
# its weight is at least this share of the leading actor's (joint attacks: "قوات النظام وروسيا").
SUSPECTED_WEIGHT = 0.5
CO_PERPETRATOR_SHARE = 0.5


@dataclass(frozen=True)
class Actor:
    """A catalog entry: canonical English name and kind (state, armed_group, monitor, ...)."""
    name: str
    kind: str


@dataclass(frozen=True)
class _Term:
    """One catalog form: the folded words after the first, and the actor it names."""
    rest: tuple[str, ...]
    actor: Actor


def _read(name: str) -> Any:
    return json.loads(resources.files("rasd.extract").joinpath("data", name).read_text("utf-8"))


class _Lexicon:
    """Catalog and cue words, folded and expanded into every surface form once."""

    def __init__(self, catalog: dict[str, Any], cues: dict[str, Any]) -> None:
        self.cues = cues
        self.conj: tuple[str, ...] = tuple(cues["proclitics"]["conjunctions"])
        self.prep: tuple[str, ...] = tuple(cues["proclitics"]["prepositions"])
        self.suffixes: tuple[str, ...] = tuple(fold_term(s) for s in cues["suffixes"])
        self.stops = frozenset(cues["sentence_stops"])
        self.windows: dict[str, int] = cues["windows"]
        self.spelling = {fold_term(k): [fold_term(v) for v in vs]
                         for k, vs in cues["spelling_variants"].items()}
        self.actors: dict[str, Actor] = {}
        # surface form of a term's first word -> (proclitic length, term), longest term first
        self.first: dict[str, list[tuple[int, _Term]]] = defaultdict(list)
        for entry in catalog["actors"]:
            actor = Actor(entry["name"], entry["kind"])
            self.actors[actor.name] = actor
            for term in self._terms(entry):
                self._add_term(term, actor)
        for cands in self.first.values():
            cands.sort(key=lambda c: (-len(c[1].rest), c[0]))
        self.before = self._phrases(cues["before"])
        self.after = self._phrases(cues["after"])
        self.source_words = {k: frozenset(map(fold_term, v))
                             for k, v in cues["source"].items() if isinstance(v, list)}
        self.bare = self._bare_index(
            [w for p in (*self.before, *self.after) for w in p]
            + [w for ws in self.source_words.values() for w in ws])
        self.max_phrase = max(len(p) for p in (*self.before, *self.after))

    def _terms(self, entry: dict[str, Any]) -> set[str]:
        """All folded forms of an entry: as listed, nisba adjectives expanded, spellings varied."""
        forms = {fold_term(t) for t in entry.get("ar", [])}
        for stem in entry.get("nisba", []):
            for ending in self.cues["nisba_endings"]:
                word = fold_term(stem + ending)
                forms |= {word, _ARTICLE + word}
        forms |= {t.lower() for t in entry.get("en", [])}
        for term in list(forms):
            words = term.split()
            for i, w in enumerate(words):
                art = _ARTICLE if w.startswith(_ARTICLE) and w[2:] in self.spelling else ""
                for variant in self.spelling.get(w[len(art):], []):
                    forms.add(" ".join([*words[:i], art + variant, *words[i + 1:]]))
        return {f for f in forms if f}

    def _add_term(self, term: str, actor: Actor) -> None:
        words = tuple(_TOKEN.findall(term))
        if not words:
            return
        entry = _Term(words[1:], actor)
        latin = words[0].isascii()
        for surface, clitic in self._clitic_forms(words[0], with_clitics=not latin).items():
            self.first[surface].append((clitic, entry))

    def _clitic_forms(self, word: str, with_clitics: bool = True) -> dict[str, int]:
        """Surface forms of ``word`` with proclitics -> length of the proclitic part."""
        forms = {word: 0}
        if not with_clitics:
            return forms
        for conj in ("", *self.conj):
            for prep in ("", *self.prep):
                if word.startswith(_ARTICLE) and prep == "ل":   # ل + ال is written لل: kept
                    forms.setdefault(conj + "لل" + word[2:], len(conj))
                else:
                    forms.setdefault(conj + prep + word, len(conj) + len(prep))
        return forms

    def _phrases(self, groups: dict[str, list[str]]) -> dict[tuple[str, ...], CueKind]:
        """Cue phrases (tuples of bare folded words) -> kind, plus suspicion and transparent."""
        out: dict[tuple[str, ...], CueKind] = {}
        for kind in ("suspicion", "transparent"):
            for p in self.cues[kind]:
                out.setdefault(tuple(fold_term(p).split()), kind)  # type: ignore[arg-type]
        for kind, words in groups.items():
            for p in words:
                out.setdefault(tuple(fold_term(p).split()), kind)
        return out

    def _bare_index(self, words: Iterable[str]) -> dict[str, str]:
        """Surface form (proclitics, article, pronoun or accusative ending) -> bare cue word."""
        index: dict[str, str] = {}
        words = list(dict.fromkeys(words))
        for w in words:                      # the words themselves win over derived forms
            index[w] = w
        for w in words:
            bases = {w, _ARTICLE + w} if not w.startswith(_ARTICLE) else {w}
            if w.endswith("ه"):              # ة before a pronoun is written ت
                bases |= {w[:-1] + "ت" + s for s in self.suffixes if s != "ا"}
            else:
                bases |= {w + s for s in self.suffixes}
            for base in bases:
                for surface in self._clitic_forms(base):
                    index.setdefault(surface, w)
        return index


@cache
def _lexicon() -> _Lexicon:
    return _Lexicon(_read("actors.json"), _read("actor_cues.json"))


def catalog() -> dict[str, Actor]:
    """The actor catalog by canonical name."""
    return dict(_lexicon().actors)


class _Scan:
    """Tokens of one folded text and the state a role decision needs."""

    def __init__(self, lex: _Lexicon, folded: Folded) -> None:
        self.lex, self.folded = lex, folded
        matches = list(_TOKEN.finditer(folded.text))
        self.starts = [m.start() for m in matches]
        self.ends = [m.end() for m in matches]
        self.words = [m.group().lower() for m in matches]
        self.bare = [lex.bare.get(w, w) for w in self.words]
        self.owner = [-1] * len(self.words)

    def gap_ok(self, j: int) -> bool:
        """Words j and j+1 may belong to one catalog term (only spaces, quotes, hyphens between)."""
        gap = self.folded.text[self.ends[j]:self.starts[j + 1]]
        return len(gap) <= 3 and all(c in " \"'-./" for c in gap)

    def stop_between(self, j: int) -> bool:
        """A sentence ends between words j and j+1 (the text's edges count as stops)."""
        if j < 0 or j + 1 >= len(self.words):
            return True
        gap = self.folded.text[self.ends[j]:self.starts[j + 1]]
        return any(c in self.lex.stops for c in gap)

    def match(self) -> list[tuple[int, int, int, Actor]]:
        """Catalog terms in the text, leftmost-longest: (first word, end word, proclitic length, actor)."""
        found: list[tuple[int, int, int, Actor]] = []
        words, n, i = self.words, len(self.words), 0
        while i < n:
            for clitic, term in self.lex.first.get(words[i], ()):
                k = i + 1 + len(term.rest)
                if k <= n and all(words[i + 1 + m] == w and self.gap_ok(i + m)
                                  for m, w in enumerate(term.rest)):
                    for j in range(i, k):
                        self.owner[j] = len(found)
                    found.append((i, k, clitic, term.actor))
                    i = k
                    break
            else:
                i += 1
        return found

    def cue_at(self, j: int, phrases: dict[tuple[str, ...], CueKind], forward: bool
               ) -> tuple[CueKind, int] | None:
        """The longest cue phrase ending (backward) or starting (forward) at word j, and its length."""
        for size in range(self.lex.max_phrase, 0, -1):
            lo, hi = (j, j + size) if forward else (j - size + 1, j + 1)
            if lo < 0 or hi > len(self.words):
                continue
            kind = phrases.get(tuple(self.bare[lo:hi]))
            if kind:
                return kind, size
        return None

    def nearest(self, start: int, forward: bool) -> tuple[CueKind | None, int, bool]:
        """Nearest deciding cue from word ``start`` outwards: (kind, distance, suspicion seen).

        Other mentions, numbers, transparent and suspicion words are skipped without counting.
        """
        phrases = self.lex.after if forward else self.lex.before
        window = self.lex.windows["after" if forward else "before"]
        step = 1 if forward else -1
        j, dist, suspect = start, 0, False
        while 0 <= j < len(self.words) and dist < window:
            if self.stop_between(j - 1 if forward else j):
                break
            if self.owner[j] >= 0 or self.words[j].isdigit():
                j += step
                continue
            hit = self.cue_at(j, phrases, forward)
            if hit is None:
                dist += 1
                j += step
                continue
            kind, size = hit
            if kind == "suspicion":
                suspect = True
            elif kind != "transparent":
                return kind, dist, suspect
            j += step * size
        return None, dist, suspect

    def suspicion_after(self, end: int) -> bool:
        """A hedge right after the mention: "غارات إسرائيلية على الأرجح"."""
        limit = min(end + self.lex.windows["suspicion_after"], len(self.words))
        return any((hit := self.cue_at(j, self.lex.after, True)) is not None
                   and hit[0] == "suspicion" for j in range(end, limit))

    def role(self, first: int, end: int) -> tuple[ActorRole, Certainty]:
        """Role of the mention spanning words [first, end): the nearer of the cues on each side."""
        if any(self.lex.before.get((b,)) == "perpetrator" for b in self.bare[first:end]):
            return "perpetrator", "stated"     # the term names a weapon: "طيران التحالف"
        back = self.nearest(first - 1, forward=False) if first else (None, 0, False)
        fwd = self.nearest(end, forward=True)
        kind, _, suspect = back if _beats(back, fwd) else fwd
        if kind != "perpetrator":
            return ("target" if kind == "target" else "other"), "stated"
        suspect = suspect or self.suspicion_after(end)
        return "perpetrator", "suspected" if suspect else "stated"


def _beats(a: tuple[CueKind | None, int, bool], b: tuple[CueKind | None, int, bool]) -> bool:
    """Cue ``a`` decides over ``b``: it exists and is nearer, or as near and not weaker (neutral)."""
    if a[0] is None or b[0] is None:
        return a[0] is not None
    if a[1] != b[1]:
        return a[1] < b[1]
    return a[0] != "neutral" or b[0] == "neutral"


def find_actors(text: str, folded: Folded | None = None) -> tuple[ActorMention, ...]:
    """Every catalogued actor named in ``text``, with its role and certainty, in text order."""
    folded = folded if folded is not None else fold(text)
    scan = _Scan(_lexicon(), folded)
    mentions = []
    for first, end, clitic, actor in scan.match():
        span = folded.span(scan.starts[first] + clitic, scan.ends[end - 1])
        role, certainty = scan.role(first, end)
        mentions.append(ActorMention(text=text[span[0]:span[1]], span=span, actor=actor.name,
                                     role=role, certainty=certainty))
    return tuple(mentions)


def main_perpetrators(mentions: Iterable[ActorMention]) -> list[tuple[str, Certainty]]:
    """The attackers a set of mentions (one article or a whole incident) points to, strongest first.

    Each perpetrator-role mention of a combatant actor votes 1 (stated) or ``SUSPECTED_WEIGHT``
    (suspected). The leading actor is kept, and with it every actor with at least
    ``CO_PERPETRATOR_SHARE`` of its votes, since reports often name joint attackers ("قوات
    النظام وروسيا"). An actor is ``stated`` if any mention states it.
    """
    actors = _lexicon().actors
    votes: dict[str, float] = defaultdict(float)
    stated: set[str] = set()
    for m in mentions:
        actor = actors.get(m.actor)
        if m.role != "perpetrator" or actor is None or actor.kind not in COMBATANT_KINDS:
            continue
        votes[m.actor] += 1.0 if m.certainty == "stated" else SUSPECTED_WEIGHT
        if m.certainty == "stated":
            stated.add(m.actor)
    if not votes:
        return []
    top = max(votes.values())
    ranked = sorted((a for a in votes if votes[a] >= CO_PERPETRATOR_SHARE * top),
                    key=lambda a: -votes[a])
    return [(a, "stated" if a in stated else "suspected") for a in ranked]


def source_kind(source_text: str) -> SourceKind:
    """Classify an attribution phrase (the subject of قال/أفاد/بحسب ...) into a contract kind.

    Order matters: medical words win (``مصدر طبي``), then an unnamed ``مصدر/مصادر``, then a
    catalogued organisation (``مراسل سانا`` is state media), then the head noun's cue list;
    a short phrase of unknown words is taken for a person's name (``عمر الأحمد``).
    """
    lex = _lexicon()
    cues = lex.cues["source"]
    words = [w.lower() for w in _TOKEN.findall(fold_term(source_text))]
    if not words:
        return "other"
    bare = [lex.bare.get(w, w) for w in words]

    def has(key: str, ws: Iterable[str]) -> bool:
        return any(w in lex.source_words[key] for w in ws)

    head = bare[:1]
    if has("medical", bare):
        return "medical"
    if has("anonymous_heads", head):
        return "anonymous"
    for mention in find_actors(source_text):
        kind = lex.cues["source_kind_of_actor_kind"].get(lex.actors[mention.actor].kind)
        if kind:
            return kind
    for key, kind in (("crowd_heads", "anonymous"), ("official_heads", "official"),
                      ("outlet_heads", "outlet"), ("agency_heads", "agency"),
                      ("other_heads", "other")):
        if has(key, head):
            return kind  # type: ignore[return-value]
    if has("person_titles", head) and len(words) > 1:
        return "person"
    known = any(lex.bare.get(w) for w in words)
    if len(words) <= cues["person_max_words"] and not known and all(w.isalpha() for w in words):
        return "person"
    return "other"
