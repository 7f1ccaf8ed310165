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
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from itertools import accumulate
from pathlib import Path
from typing import Any, Literal

from rasd.model import ActorMention, ActorRole, Certainty, SourceKind
from rasd.text.normalize import Folded, fold, fold_char, fold_term

_TOKEN = re.compile(r"[^\W_]+")     # words; "_" joins the words of a hashtag ("#قصف_روسي")
_TOKEN_SPLIT = re.compile(rf"({_TOKEN.pattern})")
_LINE_BREAK = re.compile(r"[\n\r\u2028\u2029]")
_ARTICLE = "ال"
CueKind = Literal["perpetrator", "target", "neutral", "speech", "boundary", "suspicion",
                  "transparent", "claim", "denial", "negated", "speaker"]
_Cue = tuple[CueKind | None, int, bool]          # (kind, distance in words, hedge seen)
# The words after a term's first word, largest number first, each with (proclitic length, actor).
_Following = list[tuple[int, dict[tuple[str, ...], tuple[int, "Actor"]]]]
# Kinds of actor that can carry out an attack; the others (monitors, media, hospitals, civil
# defence) can only be hit or mentioned.
COMBATANT_KINDS = frozenset({"state", "coalition", "armed_group", "militia"})
# main_perpetrators: a suspected attribution counts half a stated one; see its docstring.
SUSPECTED_WEIGHT = 0.5
CO_PERPETRATOR_SHARE = 0.5
JOINT_GAP = 20
JOINT_MIN = 2
# source_kind: the kind a phrase's head noun gives, from the cue lists of actor_cues.json
_HEAD_KINDS: tuple[tuple[str, SourceKind], ...] = (
    ("crowd_heads", "anonymous"), ("official_heads", "official"), ("outlet_heads", "outlet"),
    ("agency_heads", "agency"))


@dataclass(frozen=True)
class Actor:
    """A catalog entry: canonical English name and kind (state, armed_group, monitor, ...)."""
    name: str
    kind: str


def _read(name: str) -> Any:
    """A JSON file of this package's data folder."""
    return json.loads((Path(__file__).parent / "data" / name).read_text(encoding="utf-8"))


class _Lexicon:
    """Catalog and cue words, folded and expanded into every surface form once."""

    def __init__(self, catalog: dict[str, Any], cues: dict[str, Any]) -> None:
        self.cues = cues
        self.conj: tuple[str, ...] = tuple(cues["proclitics"]["conjunctions"])
        self.prep: tuple[str, ...] = tuple(cues["proclitics"]["prepositions"])
        self.suffixes: tuple[str, ...] = tuple(fold_term(s) for s in cues["suffixes"])
        self.stop_re = re.compile("[" + re.escape(fold_term(cues["sentence_stops"])) + "]")
        self.windows: dict[str, int] = cues["windows"]
        self.spelling = {fold_term(k): [fold_term(v) for v in vs]
                         for k, vs in cues["spelling_variants"].items()}
        self.actors: dict[str, Actor] = {}
        terms: list[tuple[tuple[str, ...], Actor]] = []
        for entry in catalog["actors"]:
            actor = Actor(entry["name"], entry["kind"])
            self.actors[actor.name] = actor
            terms += [(words, actor) for words in map(tuple, map(_TOKEN.findall, self._terms(entry))) if words]
        self.following = _FirstWords(terms, self.conj, self.prep)
        self.before = self._phrases(cues["before"])
        self.personnel = frozenset(map(fold_term, cues["personnel"]["words"]))
        self.agents = frozenset(tuple(fold_term(p).split()) for p in cues["personnel"]["agents"])
        origin = cues["origin"]
        self.origin_places = frozenset(tuple(fold_term(p).split()) for p in origin["places"])
        self.origin_heads, self.origin_from, self.quantifiers = (
            frozenset(map(fold_term, origin[k])) for k in ("heads", "from", "quantifiers"))
        self.after = self._phrases(cues["after"])
        self.acknowledging = frozenset(map(fold_term, cues["acknowledging_nouns"]["words"]))
        self.asides = frozenset(tuple(fold_term(p).split()) for p in cues["acknowledging_nouns"]["asides"])
        self.aside_sizes = sorted({len(a) for a in self.asides}, reverse=True)
        self.anaphors = frozenset(map(fold_term, cues["anaphors"]["words"]))
        self.identity = frozenset(map(fold_term, cues["identity"]["words"]))
        self.own = frozenset(map(fold_term, cues["own_weapon"]["words"]))
        self.titles = frozenset(map(fold_term, cues["denier_titles"]))
        self.continuing = frozenset(map(fold_term, cues["continuing_verbs"]))
        self.own_forces = frozenset(map(fold_term, cues["own_weapon"]["forces"]))
        self.belonging = frozenset(map(fold_term, cues["identity"]["belonging"]))
        self.attackers = frozenset(map(fold_term, cues["identity"]["attackers"]))
        self.accusers = frozenset(map(fold_term, cues["accusers"]["words"]))
        self.denials = frozenset(map(fold_term, cues["after"]["denial"]))
        self.territory = frozenset(map(fold_term, cues["territory"]))
        self.territory_guards = frozenset(map(fold_term, cues["territory_guards"]))
        self.negations = frozenset(map(fold_term, cues["negations"]))
        self.verb_negations = frozenset(map(fold_term, cues["verb_negations"]))
        self.claim_verbs = frozenset(fold_term(w) for w in cues["after"]["claim"] if " " not in w)
        # phrase sizes to try at a word: by last word reading leftwards, by first word rightwards
        self.before_sizes = self._sizes(self.before, -1)
        self.after_sizes = self._sizes(self.after, 0)
        self.source_words = {k: frozenset(map(fold_term, v))
                             for k, v in cues["source"].items() if isinstance(v, list)}
        words = list(dict.fromkeys([w for p in (*self.before, *self.after) for w in p]
                                   + [*self.origin_heads, *self.origin_from, *self.quantifiers, *self.acknowledging,
                                      *self.accusers, *self.territory, *self.territory_guards]
                                   + list(self.personnel) + [w for p in self.agents for w in p]
                                   + [w for ws in self.source_words.values() for w in ws]))
        self.bare = self._bare_index(words, nominal=True)
        # Verbs after a mention are read without prepositions or article: "بقصف" is a noun.
        self.verbal = self._bare_index(words, nominal=False)

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

    def _phrases(self, groups: dict[str, list[str]]) -> dict[tuple[str, ...], CueKind]:
        """Cue phrases (tuples of bare folded words) -> kind, plus suspicion and transparent."""
        out: dict[tuple[str, ...], CueKind] = {}
        for kind in ("suspicion", "transparent"):
            for p in self.cues[kind]:
                out.setdefault(tuple(fold_term(p).split()), kind)  # type: ignore[arg-type]
        for kind, words in groups.items():
            for p in words:
                out.setdefault(tuple(fold_term(p).split()), kind)  # type: ignore[arg-type]
        return out

    @staticmethod
    def _sizes(phrases: dict[tuple[str, ...], CueKind], edge: int) -> dict[str, tuple[int, ...]]:
        sizes: dict[str, set[int]] = defaultdict(set)
        for p in phrases:
            sizes[p[edge]].add(len(p))
        return {w: tuple(sorted(ns, reverse=True)) for w, ns in sizes.items()}

    def _bare_index(self, words: list[str], nominal: bool) -> _BareForms:
        """Surface form -> bare cue word: proclitics, pronoun and accusative endings, and for
        ``nominal`` forms the article and prepositions too."""
        bases: dict[str, str] = {}
        for w in words:
            stems = {w}
            if nominal and not w.startswith(_ARTICLE):
                stems.add(_ARTICLE + w)
            if w.endswith("ه"):              # ة before a pronoun is written ت
                stems |= {w[:-1] + "ت" + s for s in self.suffixes if s != "ا"}
            else:
                stems |= {w + s for s in self.suffixes}
            for stem in stems:
                bases.setdefault(stem, w)    # an earlier word wins a stem two words share
        return _BareForms(words, bases, self.conj, self.prep if nominal else ())


def _peeled(surface: str, conj: tuple[str, ...], prep: tuple[str, ...]) -> Iterator[tuple[str, int]]:
    """Each way to read ``surface`` as a conjunction (``conj`` holds ""), then a preposition or
    none, before a stem: (stem, length of the proclitics in the surface). ل before the article
    is written لل; that ل stays in the surface (the article's alef is gone)."""
    for c in conj:
        if not surface.startswith(c):
            continue
        rest = surface[len(c):]
        yield rest, len(c)
        for p in prep:
            if rest.startswith(p):
                stem = rest[len(p):]
                if not (p == "ل" and stem.startswith(_ARTICLE)):
                    yield stem, len(c) + len(p)
                if p == "ل" and stem.startswith("ل"):
                    yield _ARTICLE + stem[1:], len(c)


class _FirstWords:
    """Surface form of a catalog term's first word -> [(n, {the n words after it: (proclitic
    length, actor)})], largest n first, so that the first hit is the longest match. Found by
    peeling proclitics off the surface and looking the stem up among the first words (a Latin
    word takes none), memoized; where two terms read the same, the shorter proclitic wins, then
    the earlier term. Indexing every proclitic form of every term up front (6,000 of them) was
    two thirds of building the actor lexicon."""

    def __init__(self, terms: list[tuple[tuple[str, ...], Actor]], conj: tuple[str, ...],
                 prep: tuple[str, ...]) -> None:
        self._terms = terms                     # (words, actor) in catalog order
        self._heads: dict[str, list[int]] = {}
        for i, (words, _) in enumerate(terms):
            self._heads.setdefault(words[0], []).append(i)
        self._conj, self._prep = ("", *conj), prep
        self._memo: dict[str, _Following] = {}

    def get(self, surface: str, default: _Following | tuple[()] = ()) -> _Following | tuple[()]:
        found = self._memo.get(surface)
        if found is None:
            found = self._memo[surface] = self._find(surface)
        return found or default

    def _find(self, surface: str) -> _Following:
        hits = sorted((i, clitic) for stem, clitic in _peeled(surface, self._conj, self._prep)
                      if stem == surface or not stem.isascii() for i in self._heads.get(stem, ()))
        by_size: dict[int, dict[tuple[str, ...], tuple[int, Actor]]] = {}
        for i, clitic in hits:
            words, actor = self._terms[i]
            following = by_size.setdefault(len(words) - 1, {})
            known = following.get(words[1:])
            if known is None or clitic < known[0]:
                following[words[1:]] = (clitic, actor)
        return sorted(by_size.items(), reverse=True)


class _BareForms:
    """Surface form -> bare cue word, found by peeling a conjunction, then a preposition
    (ل + ال written لل), off the surface and looking the stem up; memoized. The words
    themselves win, then the earliest word with one of the stems. Expanding every surface
    form up front (60,000 of them) was a tenth of a one-article run."""

    def __init__(self, words: list[str], bases: dict[str, str],
                 conj: tuple[str, ...], prep: tuple[str, ...]) -> None:
        self._rank = {w: i for i, w in enumerate(words)}
        self._bases, self._conj, self._prep = bases, ("", *conj), prep
        self._memo: dict[str, str | None] = {}

    def get(self, surface: str, default: str | None = None) -> str | None:
        found = self._memo.get(surface, _UNSEEN)
        if found is _UNSEEN:
            found = self._memo[surface] = self._find(surface)
        return default if found is None else found

    def _find(self, surface: str) -> str | None:
        if surface in self._rank:
            return surface
        words = [self._bases[stem] for stem, _ in _peeled(surface, self._conj, self._prep) if stem in self._bases]
        return min(words, key=self._rank.__getitem__) if words else None


_UNSEEN = object()


@cache
def _lexicon() -> _Lexicon:
    return _Lexicon(_read("actors.json"), _read("actor_cues.json"))


def catalog() -> dict[str, Actor]:
    """The actor catalog by canonical name."""
    return dict(_lexicon().actors)


class _Scan:
    """Word tokens of one folded text, with what a role decision reads around a mention."""

    def __init__(self, lex: _Lexicon, folded: Folded) -> None:
        self.lex, self.folded = lex, folded
        # One split (gap, word, gap, ...) and C-level maps: no Python step per word.
        parts = _TOKEN_SPLIT.split(folded.text)
        bounds = list(accumulate(map(len, parts)))          # bounds[k]: where parts[k] ends
        self.starts = bounds[0:-1:2]                        # a word starts where its gap ends
        self.ends = bounds[1::2]
        self.words = words = list(map(str.lower, parts[1::2]))
        self.bare = list(map(lex.bare.get, words, words))
        self.verbal = list(map(lex.verbal.get, words, words))
        self.in_mention = [False] * len(self.words)
        self.actor_at: dict[int, str] = {}       # word -> the actor the mention there names
        # stop_after[j]: a sentence or line ends between words j and j+1; the last word ends
        # the text. Line breaks are looked up in the original: folding turns them into spaces.
        self.stop_after = [False] * len(self.words)
        if self.words:
            self.stop_after[-1] = True
            stops = [m.start() for m in lex.stop_re.finditer(folded.text, self.starts[0])]
            stops += [bisect_left(folded.index, m.start())
                      for m in _LINE_BREAK.finditer(folded.original, folded.index[self.starts[0]])]
            for pos in stops:                # the last word starting before the stop
                self.stop_after[bisect_left(self.starts, pos) - 1] = True

    def joins(self, j: int) -> bool:
        """Words j and j+1 may belong to one catalog term (only spaces, quotes, hyphens between)."""
        gap = self.folded.text[self.ends[j]:self.starts[j + 1]]
        return len(gap) <= 3 and all(c in " \"'-./“”«»_" for c in gap)

    def stop_between(self, j: int) -> bool:
        """A sentence or line ends between words j and j+1 (the text's edges count as stops)."""
        return j < 0 or self.stop_after[j]

    def match(self) -> list[tuple[int, int, int, Actor]]:
        """Catalog terms, leftmost-longest: (first word, end word, proclitic length, actor)."""
        found: list[tuple[int, int, int, Actor]] = []
        words, n, i = self.words, len(self.words), 0
        following = self.lex.following
        while i < n:
            for size, terms in following.get(words[i], ()):
                k = i + 1 + size
                hit = terms.get(tuple(words[i + 1:k])) if k <= n else None
                if hit and all(self.joins(j) for j in range(i, k - 1)) and not (k - i == 1 and self.of_territory(i)):
                    self.in_mention[i:k] = [True] * (k - i)
                    self.actor_at.update(dict.fromkeys(range(i, k), hit[1].name))
                    found.append((i, k, *hit))
                    i = k
                    break
            else:
                i += 1
        return found

    def of_territory(self, j: int) -> bool:
        """Word j, a country or its adjective, qualifies a noun of land, money or institutions
        right before it ("الأراضي التركية", "المشافي التركية"): a place or a thing, not a party;
        unless guards hold that land ("حرس الحدود التركي")."""
        return (j > 0 and self.bare[j - 1] in self.lex.territory and self.joins(j - 1)
                and not (j > 1 and self.bare[j - 2] in self.lex.territory_guards))

    def cue_at(self, j: int, forward: bool) -> tuple[CueKind, int] | None:
        """The longest cue phrase ending (backward) or starting (forward) at word j, and its size."""
        lex = self.lex
        phrases, forms, sizes = ((lex.after, self.verbal, lex.after_sizes) if forward
                                 else (lex.before, self.bare, lex.before_sizes))
        for size in sizes.get(forms[j], ()):
            lo, hi = (j, j + size) if forward else (j - size + 1, j + 1)
            if lo >= 0 and hi <= len(self.words) and (kind := phrases.get(tuple(forms[lo:hi]))):
                return kind, size
        return None

    def nearest(self, start: int, forward: bool) -> _Cue:
        """Nearest deciding cue from word ``start`` outwards, within the window and sentence.

        Other mentions, numbers, transparent and hedge words are skipped without counting.
        """
        window = self.lex.windows["after" if forward else "before"]
        step = 1 if forward else -1
        j, dist, suspect = start, 0, False
        while 0 <= j < len(self.words) and dist < window:
            if self.stop_between(j - 1 if forward else j):
                break
            if self.in_mention[j] or self.words[j].isdigit():
                j += step
                continue
            hit = self.cue_at(j, forward)
            if hit is None:
                dist += 1
                j += step
                continue
            kind, size = hit
            if not forward and kind in ("target", "neutral") and self.agent_behind(j, size):
                kind = "perpetrator"
            if kind == "speech":          # the speaker, or the edge of reported speech
                return ("speaker" if dist == 0 else None), dist, suspect
            if kind == "boundary":        # "إن"/"أن": a new clause starts here
                return None, dist, suspect
            if kind == "suspicion":
                suspect = True
            elif kind != "transparent":
                if forward and kind == "perpetrator" and self.negated_verb(j):
                    kind = "negated"      # "الطائرات الروسية لم تنفذ أي مهام": a denial
                return kind, dist, suspect
            j += step * size
        return None, dist, suspect

    def agent_behind(self, j: int, size: int) -> bool:
        """The cue phrase ending at word j is read as the attacker's after all: people with an
        agent word before them ("برصاص عناصر"), or a place fire came from ("من مواقع")."""
        start = j - size + 1
        phrase = tuple(self.bare[start:j + 1])
        if phrase[-1] in self.lex.personnel:
            return start > 0 and self.joins(start - 1) and any(
                start >= len(agent) and tuple(self.bare[start - len(agent):start]) == agent
                for agent in self.lex.agents)
        return phrase in self.lex.origin_places and self.fired_from(start)

    def fired_from(self, place: int) -> bool:
        """A place word at ``place`` names where fire came from: "قصف ... من مواقع", "مصدره
        المناطق التي تسيطر عليها" (read leftwards, stopping at a quantifier or sentence start)."""
        lex = self.lex
        j, seen, after_from = place - 1, 0, False
        while j >= 0 and seen < lex.cues["origin"]["lookback"] and not self.stop_between(j):
            if self.in_mention[j]:
                j -= 1
                continue
            word = self.bare[j]
            if word in lex.quantifiers:
                return False
            if word in lex.origin_heads or (after_from and lex.before.get((word,)) == "perpetrator"):
                return True
            after_from = after_from or word in lex.origin_from
            seen += lex.before.get((word,)) != "transparent"
            j -= 1
        return False

    def hit_right_before(self, first: int) -> bool:
        """The word just before the mention (no punctuation between) is an attack or target word."""
        return first > 0 and self.joins(first - 1) and \
            self.lex.before.get((self.bare[first - 1],)) in ("perpetrator", "target")

    def hedged_after(self, end: int) -> bool:
        """A hedge right after the mention: "غارات إسرائيلية على الأرجح"."""
        limit = min(end + self.lex.windows["suspicion_after"], len(self.words))
        return any((hit := self.cue_at(j, True)) is not None and hit[0] == "suspicion"
                   for j in range(end, limit))

    def hedged_before(self, first: int) -> bool:
        """A hedge opening the clause a few words before the mention, past the weapon word that
        decided its role: "يُعتقد أن طائرات روسية نفذتها", "يرجح أن مسيرة تركية"."""
        j = first - 1
        while j >= 0 and first - j <= self.lex.windows["suspicion_before"] and not self.stop_between(j):
            if (hit := self.cue_at(j, False)) is not None and hit[0] == "suspicion":
                return True
            j -= 1
        return False

    def hedged_identity(self, first: int) -> bool:
        """A hedge, then only words of identity, one of them of belonging ("من", "خلايا"), right
        before the mention: "يُعتقد أنهم من خلايا تنظيم الدولة", "يرجح أنهم عناصر من قسد": who
        the attackers were, suspected (not "يعتقد أن داعش يسيطر على المنطقة")."""
        hedge = self.cue_over(first, "suspicion", self.lex.identity, self.lex.windows["suspicion_before"])
        return hedge is not None and any(self.has(j, self.lex.belonging) for j in range(hedge + 1, first)) \
            and self.attackers_before(hedge)

    def cue_over(self, first: int, kind: str, allowed: frozenset[str], reach: int) -> int | None:
        """The word of a cue of ``kind`` within ``reach`` words before word ``first``, with only
        ``allowed`` words between (a title, the words of an identity); None if there is none."""
        j = first - 1
        while j >= 0 and first - j <= reach and not self.stop_between(j):
            if (hit := self.cue_at(j, False)) is not None and hit[0] == kind:
                return j
            if not self.has(j, allowed):
                return None
            j -= 1
        return None

    def has(self, j: int, words: frozenset[str]) -> bool:
        """Word j, as written or bare, is one of ``words``."""
        return self.words[j] in words or self.bare[j] in words

    def attackers_before(self, j: int) -> bool:
        """The attackers or the attack are named earlier in the sentence ("برصاص مسلحين"،
        "المهاجمين"، "القصف"): a hedge after them says who they were, not who the victims were."""
        while j > 0 and not self.stop_between(j - 1):
            j -= 1
            word = self.words[j]
            forms = {word, word[1:]} if word[:1] in "وفبل" else {word}
            if any(f in self.lex.attackers or f.startswith("ال") and f[2:] in self.lex.attackers for f in forms):
                return True
        return False

    def spoken_by(self, first: int, reach: int = 3) -> bool:
        """A speech verb opens the clause a few words before the mention, over the words of
        its title ("أعلنت وزارة الدفاع التركية"), with no attack or target word between."""
        return self._opens_clause(first, reach, "speech", ("perpetrator", "target"))

    def denied_by_speaker(self, first: int, reach: int = 4) -> bool:
        """A denial verb opens the speaker's clause a few words before the mention."""
        return self._opens_clause(first, reach, "denial")

    def denied_over_title(self, first: int) -> bool:
        """A denial verb, then only the words of the denier's title ("نفت وزارة الدفاع الروسية",
        "نفت الوزارة الروسية"): the mention is the denier (not "نفت الفصائل اتهامات قوات النظام")."""
        return self.cue_over(first, "denial", self.lex.titles, 4) is not None

    def _opens_clause(self, first: int, reach: int, kind: str, blockers: tuple[str, ...] = ()) -> bool:
        """A cue of ``kind`` within ``reach`` words before word ``first``, in its sentence and
        before any cue of ``blockers``."""
        j = first - 1
        while j >= 0 and first - j <= reach and not self.stop_between(j):
            hit = self.cue_at(j, False)
            if hit is not None and hit[0] == kind:
                return True
            if hit is not None and hit[0] in blockers:
                return False
            j -= 1
        return False

    def acknowledges(self, end: int, speaker: str | None = None) -> bool:
        """The speaker's clause says it struck: "أعلنت X أنها نفذت", "قال X إنه استهدف"
        (a complementizer, then an attack verb within two words), or "أعلنت X تنفيذ ضربة" (the
        noun of carrying out an attack right after the speaker, or after "في بيان"); not "قال X
        إنه لم يقصف", which says it did not."""
        end += self.aside_at(end)
        if end < len(self.words) and not self.stop_between(end - 1) and self.bare[end] in self.lex.acknowledging:
            return not any(self.in_mention[end + 1:end + 3])    # "قالت قسد قصف تركي": another's attack
        j, limit = end, min(end + 4, len(self.words))
        while j < limit and not self.stop_between(j - 1):
            hit = self.cue_at(j, True)
            if hit is not None and hit[0] in ("boundary", "transparent"):
                k = j + hit[1]
                own = False
                for m in range(k, min(k + 6, len(self.words))):
                    if self.stop_between(m - 1):
                        return False
                    if self.in_mention[m]:
                        if speaker is None or self.actor_at.get(m) != speaker:
                            return False  # another actor is the subject: "قالت قسد إن تركيا قصفت"
                        own = True        # its own forces named again: "أن الطيران الروسي نفذ"
                        continue
                    if (verb := self.cue_at(m, True)) is not None and verb[0] == "perpetrator":
                        if self.negated_verb(m):
                            return False  # "قال الجيش التركي إنه لم يقصف": no acknowledgement
                        if self.words[m].endswith(("ها", "ه", "هم")) and self.words[m] != self.bare[m] \
                                and any(self.in_mention[m + 1:m + 3]):
                            return False  # "قالت قسد إن القذائف أطلقتها قوات النظام": another's
                        if own:           # "أن الطيران الروسي نفذ", not "أن واشنطن تواصل معالجة ..."
                            return not self.has(m, self.lex.continuing)
                        return m < k + 2 or self.own_weapon(k, m - 1)
                return False
            j += 1
        return False

    def own_weapon(self, k: int, m: int) -> bool:
        """Words k..m after the speaker's "أن" name its own weapon: "أن طائرة مسيّرة تابعة له
        استهدفت" (weapon and transparent words, "له"/"لها" among them)."""
        words = range(k, m + 1)
        return all(self.lex.before.get((self.bare[w],)) in ("perpetrator", "transparent")
                   or self.bare[w] in self.lex.personnel or self.bare[w] in self.lex.own_forces
                   or (self.words[w],) in self.lex.before and self.lex.before[(self.words[w],)] == "transparent"
                   for w in words) and any(self.words[w] in self.lex.own or self._possessed(w) for w in words)

    def _possessed(self, w: int) -> bool:
        """Word w is a weapon, force or fighters word with its owner's pronoun ("طائراته",
        "وحداتها", "مقاتليها")."""
        word, bare = self.words[w], self.bare[w]
        return word != bare and word.endswith(("ه", "ها", "هم")) and (
            self.lex.before.get((bare,)) == "perpetrator" or bare in self.lex.personnel or bare in self.lex.own_forces)

    def aside_at(self, j: int) -> int:
        """Words of an aside ("في بيان لها") starting at word j, in its sentence; 0 if none."""
        for size in self.lex.aside_sizes:
            if tuple(self.words[j:j + size]) in self.lex.asides \
                    and not any(self.stop_between(k) for k in range(j - 1, j + size - 1)):
                return size
        return 0

    def accuses(self, first: int, end: int) -> bool:
        """The mention is the subject of an accusation verb right before it, and the accused
        is named next: "اتهمت قسد تركيا بقصف القرية" (قسد accuses; "قوات" may come between)."""
        if first == 0 or not self.joins(first - 1) or self.bare[first - 1] not in self.lex.accusers:
            return False
        j = end
        while j < min(end + 2, len(self.words)) and not self.in_mention[j] and not self.stop_between(j - 1):
            j += 1
        return j < len(self.words) and self.in_mention[j] and not self.stop_between(j - 1)

    def negated_verb(self, j: int) -> bool:
        """Word j, an attack verb, follows a negation ("لم تنفذ", "لن يستهدف"); not claiming an
        attack ("لم يتبنَّ أي طرف") is no denial of it."""
        return j > 0 and not self.stop_between(j - 1) and self.words[j - 1] in self.lex.verb_negations \
            and self.words[j] not in self.lex.claim_verbs

    def negated(self, first: int) -> bool:
        """The mention follows a negation, or a negation and a weapon word ("وليست روسية",
        "ليست طائرات إسرائيلية"): not the attacker."""
        if first > 0 and self.words[first - 1] in self.lex.negations:
            return True
        return first > 1 and self.words[first - 2] in self.lex.negations \
            and self.lex.before.get((self.bare[first - 1],)) == "perpetrator"

    def role(self, first: int, end: int, actor: Actor) -> tuple[ActorRole, Certainty]:
        """Role of the mention spanning words [first, end): the nearer of the cues on each side.

        A combatant that claims the attack (a claim cue, or speaking of its own strike) is a
        perpetrator with certainty ``claimed``; one next to a denial, ``denied``."""
        if actor.kind not in COMBATANT_KINDS:        # "قصف مشفى": a hospital is only ever hit
            return ("target" if self.hit_right_before(first) else "other"), "stated"
        if self.accuses(first, end) or self.negated(first):
            return "other", "stated"
        fwd = self.nearest(end, forward=True)
        if self.lex.before.get((self.bare[first],)) == "perpetrator":
            cue: _Cue = ("perpetrator", 0, False)    # the term opens with a weapon: "طيران التحالف"
        else:
            back = self.nearest(first - 1, forward=False) if first else (None, 0, False)
            if (back[0] == "speaker" or fwd[0] == "speaker" or self.spoken_by(first)
                    or self.denied_by_speaker(first)) \
                    and self.acknowledges(end + (1 if fwd[0] == "speaker" else 0), actor.name):
                return "perpetrator", "denied" if self.denied_by_speaker(first) else "claimed"
            cue = back if _beats(back, fwd) else fwd
        if cue[0] == "perpetrator" and fwd[0] == "negated" and fwd[1] <= 1:
            cue = fwd         # its weapon, then a negated attack verb: "الطائرات الروسية لم تنفذ"
        kind, dist, suspect = cue
        if kind in ("neutral", None, "target") and self.denied_over_title(first):
            return "perpetrator", "denied"            # "نفت وزارة الدفاع الروسية ذلك": over its title
                                                      # ("نفى المركز الإعلامي لقوات سوريا الديمقراطية")
        if kind == "claim":
            # "ونفى المتحدث باسم قسد مسؤوليتها": responsibility, but denied
            return "perpetrator", "denied" if self.denied_by_speaker(first) else "claimed"
        if kind in ("denial", "negated"):
            # The denier is next to its verb ("نفت روسيا", "قسد تنفي"); an actor further on is
            # what the denied reports spoke of ("نفت تقارير في وسائل الإعلام التركية").
            return ("perpetrator", "denied") if dist <= DENIAL_REACH else ("other", "stated")
        if kind != "perpetrator":
            if self.hedged_identity(first):
                return "perpetrator", "suspected"     # "مسلحين، يُعتقد أنهم من خلايا داعش"
            return ("target" if kind == "target" else "other"), "stated"
        hedged = suspect or self.hedged_after(end) or self.hedged_before(first)
        return "perpetrator", "suspected" if hedged else "stated"


DENIAL_REACH = 2   # words (other than actor mentions and transparent words) between a denier and its verb


def _beats(a: _Cue, b: _Cue) -> bool:
    """Cue ``a`` decides over ``b``: it exists and is nearer, or as near and not weaker (neutral)."""
    if a[0] is None or b[0] is None:
        return a[0] is not None
    if a[1] != b[1]:
        return a[1] < b[1]
    weak = ("neutral", "speaker")
    return a[0] not in weak or b[0] in weak


def find_actors(text: str, folded: Folded | None = None) -> tuple[ActorMention, ...]:
    """Every catalogued actor named in ``text``, with its role and certainty, in text order.

    A mention's span leaves out a leading و/ف and a one-letter preposition (ب/ك/ل), except
    the ل of لل, which stands in for the article's alef; it keeps the last letter's vowel marks.
    """
    folded = folded if folded is not None else fold(text)
    scan = _Scan(_lexicon(), folded)
    mentions = []
    for first, end, clitic, actor in scan.match():
        start, stop = folded.span(scan.starts[first] + clitic, scan.ends[end - 1])
        while stop < len(text) and not fold_char(text[stop]):
            stop += 1
        span = (start, stop)
        role, certainty = scan.role(first, end, actor)
        mentions.append(ActorMention(text=text[span[0]:span[1]], span=span, actor=actor.name,
                                     role=role, certainty=certainty))
    return tuple(sorted(mentions + _denials_of_the_latter(scan, text, mentions), key=lambda m: m.span))


def _denials_of_the_latter(scan: _Scan, text: str, mentions: list[ActorMention]) -> list[ActorMention]:
    """"اتهمت الفصائل قسد بالقصف، ونفت الأخيرة أي علاقة لها به", "لكن الأخيرة تنفي": "the
    latter" next to a denial verb is the actor named last before it, denying."""
    found = []
    words, denials = scan.words, scan.lex.denials
    for j, word in enumerate(words):
        if word not in scan.lex.anaphors or not any(
                0 <= k < len(words) and words[k].lstrip("وف") in denials for k in (j - 1, j + 1)):
            continue
        start, stop = scan.folded.span(scan.starts[j], scan.ends[j])
        before = [m for m in mentions if m.span[1] <= start]
        if before:
            found.append(ActorMention(text=text[start:stop], span=(start, stop), actor=before[-1].actor,
                                      role="perpetrator", certainty="denied"))
    return found


def combine_certainty(certainties: Iterable[Certainty]) -> Certainty:
    """One certainty for an actor named several times: its own acknowledgement (``claimed``)
    first, then its own denial (``denied``: alleged, and it denies), then ``stated``, and
    ``suspected`` only when every mention hedges."""
    seen = set(certainties)
    return next((c for c in _CERTAINTY_ORDER if c in seen), "stated")


_CERTAINTY_ORDER: tuple[Certainty, ...] = ("claimed", "denied", "stated", "suspected")
_VOTE = {"claimed": 1.0, "stated": 1.0, "suspected": SUSPECTED_WEIGHT, "denied": 0.0}


def main_perpetrators(mentions: Iterable[ActorMention],
                      share: float = CO_PERPETRATOR_SHARE) -> list[tuple[str, Certainty]]:
    """The attackers a set of mentions (one article, or an incident's articles one after
    another in text order) points to, strongest first.

    Each perpetrator-role mention of a combatant actor votes 1 (stated or claimed) or
    ``SUSPECTED_WEIGHT`` (suspected); a denial votes nothing. Kept: the actors with at least
    ``share`` of the leader's votes (0 keeps every actor blamed anywhere), and the actors the reports name jointly
    with a kept one at least ``JOINT_MIN`` times (perpetrator mentions at most ``JOINT_GAP``
    characters apart: "قوات النظام وروسيا", "قسد بمساندة طيران التحالف"), since joint attacks
    are reported that way; an actor that denies the attack is kept last, whatever its votes.
    Each actor's certainty is ``combine_certainty`` of its mentions.
    """
    actors = _lexicon().actors
    perps = [m for m in mentions if m.role == "perpetrator" and m.actor in actors
             and actors[m.actor].kind in COMBATANT_KINDS]
    if not perps:
        return []
    votes: dict[str, float] = defaultdict(float)
    certainties: dict[str, list[Certainty]] = defaultdict(list)
    for m in perps:
        votes[m.actor] += _VOTE[m.certainty]
        certainties[m.actor].append(m.certainty)
    joint: dict[tuple[str, str], int] = defaultdict(int)
    for a, b in zip(perps, perps[1:]):
        if a.actor != b.actor and 0 <= b.span[0] - a.span[1] <= JOINT_GAP:
            joint[a.actor, b.actor] += 1
            joint[b.actor, a.actor] += 1
    top = max(votes.values())
    kept = {a for a in votes if votes[a] > 0 and votes[a] >= share * top}
    kept |= {b for (a, b), n in joint.items() if a in kept and n >= JOINT_MIN}
    kept |= {a for a, cs in certainties.items() if "denied" in cs}
    first_seen = list(dict.fromkeys(m.actor for m in perps))
    return [(a, combine_certainty(certainties[a]))
            for a in sorted(kept, key=lambda a: (-votes[a], first_seen.index(a)))]


def source_kind(source_text: str) -> SourceKind:
    """Classify an attribution phrase (the subject of قال/أفاد/بحسب ...) into a contract kind.

    Order matters: medical words win (``مصدر طبي``), then an unnamed ``مصدر/مصادر``, then a
    catalogued organisation (``مراسل سانا`` is state media), then the head noun's cue list;
    a short phrase of unknown words is taken for a person's name (``عمر الأحمد``).
    """
    lex = _lexicon()
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
    for key, kind in _HEAD_KINDS:
        if has(key, head):
            return kind
    if has("other_heads", head):      # "بيان صادر عن وزارة الدفاع": whoever issued it
        for k in range(1, len(words)):
            issuer = source_kind(" ".join(words[k:]))
            if issuer not in ("person", "other"):
                return issuer
        return "other"
    if has("person_titles", head) and len(words) > 1:
        return "person"
    cue_word = any(has(key, bare) for key in lex.source_words)
    if len(words) <= lex.cues["source"]["person_max_words"] and not cue_word \
            and all(w.isalpha() for w in words):
        return "person"
    return "other"
