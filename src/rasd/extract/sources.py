"""Attribution: who says what in a sentence.

Finds attribution phrases in a sentence's tokens: a verb and its subject ("قال X",
"أكدت مصادر ميدانية"), a preposition ("بحسب X", "وفقاً لما أفاد به X"), a quote within a
quote ("نقلت الوكالة عن مصدر عسكري قوله" -> the innermost speaker), a fronted subject
("وكان X قد ذكر"), and subjectless continuations ("وأضاف أن", "موضحاً أن") that keep
the current speaker. ``Speakers`` then answers, for a figure at a token position, which
speaker it belongs to, carrying the speaker across sentences of continuing speech.
``catalog_source`` names the catalogued organisation behind a speaker phrase or an outlet
("مصادر المرصد السوري", "SOHR" -> one source), from ``data/sources.json``.
"""
from __future__ import annotations

from bisect import bisect_left
from collections import defaultdict
from dataclasses import dataclass, replace
from functools import cache, lru_cache
from operator import attrgetter
from typing import Literal

from rasd.extract import lexicon
from rasd.extract.actors import source_kind
from rasd.model import SourceKind
from rasd.text.normalize import fold_term
from rasd.text.tokens import Token, tokenize

_forms_of = attrgetter("forms")
_text_of = attrgetter("text")

AttributionKind = Literal["verb", "preposition", "continuation", "outlet_voice"]


@dataclass(frozen=True, slots=True)
class Attribution:
    """An attribution phrase at token ``at``; ``subject`` is a token range, None = keeps speaker."""
    kind: AttributionKind
    at: int
    subject: tuple[int, int] | None = None


@dataclass(frozen=True)
class _Words:
    verbs: frozenset[str]
    continuation: frozenset[str]
    quote_verbs: frozenset[str]
    prepositions: lexicon.Phrases
    stops: frozenset[str]
    outlet_preps: frozenset[str]
    outlet_nouns: frozenset[str]
    outlet_voice: lexicon.Phrases
    claim_triggers: frozenset[str]
    clause_openers: frozenset[str]
    attached_preps: frozenset[str]
    affiliated: frozenset[str]
    relayer_staff: frozenset[str]
    ambiguous: frozenset[str]
    complementizers: frozenset[str]
    statement_words: lexicon.Phrases
    issuer_words: frozenset[str]
    max_words: int
    headline_max_words: int
    cues: frozenset[str] = frozenset()                 # any word that can start an attribution
    step_cues: frozenset[str] = frozenset()            # a word the attribution scan may stop at


@cache
def _words() -> _Words:
    w = _read_words()
    cues = w.verbs | w.continuation | w.prepositions.heads | w.outlet_voice.heads | w.attached_preps
    return replace(w, cues=cues, step_cues=w.prepositions.heads | w.attached_preps | w.verbs | w.continuation)


def _read_words() -> _Words:
    a, c = lexicon.attribution(), lexicon.claims()
    triggers = [w for ws in c["triggers"].values() for w in ws]
    return _Words(
        verbs=lexicon.speech_verbs(),
        continuation=lexicon.words(a["continuation_verbs"]),
        quote_verbs=lexicon.words(a["quote_verbs"]),
        prepositions=lexicon.Phrases(a["prepositions"]),
        stops=lexicon.words(a["subject_stops"]),
        outlet_preps=lexicon.words(a["outlet_prepositions"]),
        outlet_nouns=lexicon.words(a["outlet_nouns"]),
        outlet_voice=lexicon.Phrases(a["outlet_voice"]),
        claim_triggers=lexicon.words(triggers),
        attached_preps=lexicon.words(a["attached_prepositions"]),
        affiliated=lexicon.words(a["affiliated_speakers"]),
        relayer_staff=lexicon.words(a["relayer_staff"]),
        clause_openers=frozenset(w for o in a["clause_openers"] for w in lexicon.fold_term(o).split()),
        ambiguous=lexicon.words(a["ambiguous_verbs"]),
        complementizers=frozenset(lexicon.fold_term(w) for w in a["complementizers"]),
        statement_words=lexicon.Phrases(a["statement_words"]),
        issuer_words=lexicon.words(a["issuer_words"]),
        max_words=a["subject_max_words"],
        headline_max_words=a["headline_speaker_max_words"],
    )


def is_relayer_staff(words: str) -> bool:
    """The words after "عن" are a relayer's own people ("مراسليها", "مصادره"): its report."""
    first = fold_term(words).split()[:1]
    return bool(first) and first[0] in _words().relayer_staff


def _has(token: Token, table: frozenset[str]) -> bool:
    return not table.isdisjoint(token.forms)


def _subject(tokens: list[Token], j: int) -> tuple[int, int] | None:
    """The noun phrase starting at ``tokens[j]``: up to a stop word, punctuation or a number.

    A run of words that never reaches such a boundary is not a speaker ("تابع الطيران
    تمشيط البادية ..." is a verb with its object, not a quote), so it gives None.
    """
    w = _words()
    quoted = False
    while j < len(tokens) and tokens[j].text == '"':
        j, quoted = j + 1, True                        # ووفقاً لـ"الدفاع المدني": a quoted speaker
    if quoted:                                         # وقال "محامي عام طرطوس" لذات الصحيفة: the quote closes it
        close = next((k for k in range(j + 1, min(len(tokens), j + w.max_words + 1)) if tokens[k].text == '"'), None)
        after = tokens[close + 1] if close is not None and close + 1 < len(tokens) else None
        if after is not None and all(t.text[0].isalpha() for t in tokens[j:close]) \
                and (after.text in w.complementizers or after.text in (",", "،") or after.text.startswith("ل")):
            return j, close                            # a speaker is followed by أن, a comma or لـ<outlet>
        if close is not None and (after is None or after.text in (".", ":", "!", "؟")):
            return None                                # وأضاف "نحن نعمل بشكل متواصل". : a quotation
    end = j
    words = [k for k in range(j, min(len(tokens), j + 2 * w.max_words)) if tokens[k].text != '"'][:w.max_words]
    named = catalog_match([tokens[k] for k in words])
    named_end = None
    if named is not None and (named[0] == 0 or named[0] == 1 and _has(tokens[words[0]], w.outlet_nouns)):
        # a catalogued name is whole, quotes inside it too, and after its kind: شبكة "السويداء 24"
        end = words[named[1] - 1] + 1                  # وزارة الدفاع في "الحكومة المؤقتة"
        opened = sum(t.text == '"' for t in tokens[j:end]) % 2
        end += opened and end < len(tokens) and tokens[end].text == '"'   # its closing quote
        named_end = end
    while end < len(tokens):
        tok = tokens[end]
        if tok.text == '"' and j < end != named_end and end + 1 < len(tokens) and tokens[end + 1].text[0].isalpha():
            end += 1                                   # a quoted name: مراسل "بلدي نيوز"
            continue
        if tok.text == "(" and end > j and _has(tokens[end - 1], w.outlet_nouns) \
                and (close := _bracketed_name(tokens, end + 1)) is not None:
            end = close + 1                            # a name in brackets after its kind: موقع (جرابلس الآن)
            continue
        if tok.text == "في" and end == j + 1 and tokens[j].text in w.affiliated:
            end += 1                                   # "مصدر في قيادة الشرطة": who, not where
            continue
        if (not tok.text[0].isalpha() or tok.text in w.stops or _has(tok, w.claim_triggers)
                or tok.text in w.outlet_preps or (end > j and _has(tok, w.verbs) and not _after_li(tok, w.verbs))):
            break
        if end - j == w.max_words:                     # the name then its verb's object ("تشكيل لجنة ...")
            return None if named_end is None else (j, named_end)
        end += 1
        if tok.text in ("صادر", "صادره") and end < len(tokens) and tokens[end].text == "عن":
            end += 1                                   # "بيان صادر عن قيادة الجيش"
    return (j, end) if end > j else None


def _after_li(token: Token, verbs: frozenset[str]) -> bool:
    """"لرصد", "لتوثيق": a verbal noun after ل inside a name ("المنصة السورية لرصد الانتهاكات"),
    read as a verb only once its ل is peeled; not a verb that begins with ل ("لقي")."""
    return token.text.startswith("ل") and token.text not in verbs


def _bracketed_name(tokens: list[Token], start: int) -> int | None:
    """The closing bracket of a name of words only opened just before ``start``, if near."""
    for k in range(start, min(len(tokens), start + _words().max_words + 1)):
        if tokens[k].text == ")":
            return k if k > start else None
        if not tokens[k].text[0].isalpha():
            return None
    return None


def find_attributions(tokens: list[Token]) -> list[Attribution]:
    """Attribution phrases of one sentence, in text order."""
    w = _words()
    if all(map(w.cues.isdisjoint, map(_forms_of, tokens))) and ":" not in map(_text_of, tokens):
        return []
    found: list[Attribution] = []
    if w.outlet_voice.at(tokens, 0):
        fronted = _fronted_subject(tokens)
        found.append(fronted or Attribution("outlet_voice", 0))
    i = 0
    if (headline := _headline_speaker(tokens)) is not None:
        found.append(headline)
        i = headline.at + 1
    # The scan does something only at a token with a preposition, attached preposition, speech
    # or continuation verb among its readings: it jumps from one such token to the next.
    stops = lexicon.positions(w.step_cues, tokens)
    h = 0
    while (h := bisect_left(stops, i, h)) < len(stops):
        i = stops[h]
        tok = tokens[i]
        prep = w.prepositions.at(tokens, i)
        if prep is None and not w.attached_preps.isdisjoint(tok.forms) and i + 1 < len(tokens) \
                and tokens[i + 1].text.startswith("ل") and len(tokens[i + 1].text) > 2:
            subject = _subject(tokens, i + 1)            # "وفقاً لمسؤول في ..." : لـ written on the noun
            if subject:
                found.append(Attribution("preposition", i, subject))
                i = subject[1]
                continue
        if prep is not None:
            j = i + len(prep)
            subject = _subject(tokens, j + (j < len(tokens) and tokens[j].text in ("به", "بها", "ما")))
            if subject:
                found.append(Attribution("preposition", i, subject))
                i = subject[1]
                continue
        elif (_has(tok, w.verbs) or _has(tok, w.continuation)) and _opens_clause(tokens, i):
            found.append(_after_verb(tokens, i))
        i += 1
    if (credit := _credit_line(tokens)) is not None:
        found.append(credit)
    return [a for a in found if a.kind != "verb" or a.subject]


def _headline_speaker(tokens: list[Token]) -> Attribution | None:
    """"الدفاع المدني: مقتل 3 مدنيين": a catalogued, unnamed or medical source before a colon
    that opens the sentence. A place or a label ("إدلب:"، "عاجل:") is no speaker."""
    w = _words()
    k = next((k for k, t in enumerate(tokens[:w.headline_max_words + 1]) if t.text == ":"), None)
    if not k or not all(t.text[0].isalpha() for t in tokens[:k]) or _has(tokens[0], w.verbs) \
            or _has(tokens[0], w.continuation):
        return None
    if catalog_match(tokens[:k]) is None \
            and source_kind(" ".join(t.text for t in tokens[:k])) not in ("anonymous", "medical"):
        return None
    return Attribution("verb", k, (0, k))


def _credit_line(tokens: list[Token]) -> Attribution | None:
    """A headline's closing credit "... (المرصد)": a catalogued source named in brackets."""
    end = len(tokens)
    while end and tokens[end - 1].text in (".", ":"):
        end -= 1
    if end < 3 or tokens[end - 1].text != ")":
        return None
    start = max((k for k in range(end - 1) if tokens[k].text == "("), default=None)
    if start is None or end - 1 - start > _words().max_words or start + 1 == end - 1:
        return None
    phrase = " ".join(t.text for t in tokens[start + 1:end - 1])
    if source_kind(phrase) in ("person", "other", "outlet"):
        return None
    return Attribution("preposition", end - 1, (start + 1, end - 1))


def _opens_clause(tokens: list[Token], i: int) -> bool:
    """A speech verb starts its clause ("وقال", "، أفاد", "كما أعلنت"); after a noun or a
    preposition the same letters are a verbal noun ("بسبب رصد المنطقة"), not an attribution."""
    if i == 0 or tokens[i].text[0] in "وف" and tokens[i].text not in _words().verbs:
        return True
    prev = tokens[i - 1]
    return not prev.text[0].isalnum() or prev.text in _words().clause_openers


def _after_verb(tokens: list[Token], i: int) -> Attribution:
    w = _words()
    j = i + 1
    if j < len(tokens) and tokens[j].text in ("به", "بها"):
        j += 1
    if _has(tokens[i], w.quote_verbs):                 # "نقلت الوكالة عن مصدر عسكري قوله"
        for k in range(j, min(j + w.max_words + 1, len(tokens))):
            if tokens[k].text == "عن":
                inner = _subject(tokens, k + 1)
                if inner and tokens[inner[0]].text in w.relayer_staff:
                    return Attribution("verb", i, (j, inner[1]))   # "نقلت شبكة X عن مراسليها": X's own report
                if inner and catalog_match(tokens[j:k]) \
                        and source_kind(" ".join(t.text for t in tokens[inner[0]:inner[1]])) == "anonymous":
                    return Attribution("verb", i, (j, inner[1]))   # a catalogued relayer of an unnamed source
                if inner:
                    return Attribution("verb", i, inner)
                break
    # continuation-only verbs ("تابع", "مضيفاً") never name a new speaker: "تابع الطيران
    # تمشيط البادية" continues an action, not a quote
    subject = _subject(tokens, j) if _has(tokens[i], w.verbs) else None
    if _has(tokens[i], w.ambiguous):                   # "وبيّن المرصد أن" but "بين قتيل وجريح"
        follows = tokens[subject[1] if subject else j] if (subject[1] if subject else j) < len(tokens) else None
        if follows is None or follows.text not in w.complementizers:
            return Attribution("verb", i)
    if subject is None:
        kind: AttributionKind = "continuation" if _has(tokens[i], w.continuation) else "verb"
        return Attribution(kind, i)
    return Attribution("verb", i, subject)


def _fronted_subject(tokens: list[Token]) -> Attribution | None:
    """"وكان الأحمد قد ذكر ...", "وكان المرصد السوري أشار ...": the subject between كان and
    (قد +) an attribution verb."""
    w = _words()
    for k in range(2, min(len(tokens) - 1, w.max_words + 2)):
        if not tokens[k - 1].text[0].isalpha():
            return None
        if tokens[k].text == "قد" and _has(tokens[k + 1], w.verbs):
            return Attribution("verb", k + 1, (1, k))
        if _has(tokens[k], w.verbs) and not _has(tokens[k], w.ambiguous):   # "وكان المرصد أشار"
            return Attribution("verb", k, (1, k))
    return None


@dataclass
class Speakers:
    """Tracks the current speaker through a document, sentence by sentence."""
    current: tuple[int, int] | None = None     # speaker the last sentence ended with (None: the outlet)
    named: tuple[int, int] | None = None       # the last speaker named anywhere before

    def for_sentence(self, tokens: list[Token], attributions: list[Attribution],
                     continues: bool) -> "SentenceSpeakers":
        """Speakers of one sentence; ``continues``: the sentence carries on earlier speech."""
        inherited = self.current if continues else None
        resolved: list[tuple[int, tuple[int, int] | None, AttributionKind]] = []
        speaker = self.current
        for a in attributions:
            if a.subject is not None:
                first, last = tokens[a.subject[0]], tokens[a.subject[1] - 1]
                speaker = self.named = (first.start, last.end)
                resolved.append((a.at, speaker, a.kind))
            elif a.kind == "continuation":              # "وأضاف" after the outlet's own lines
                speaker = speaker or self.named
                resolved.append((a.at, speaker, a.kind))
            else:
                speaker = None
                resolved.append((a.at, None, a.kind))
        if resolved:
            self.current = resolved[-1][1]
        elif not continues:
            self.current = None
        return SentenceSpeakers(resolved, inherited)


@dataclass(frozen=True)
class SentenceSpeakers:
    resolved: list[tuple[int, tuple[int, int] | None, AttributionKind]]
    inherited: tuple[int, int] | None

    def at(self, position: int) -> tuple[int, int] | None:
        """Folded span of the speaker of a figure at token ``position`` (None = the outlet)."""
        before = [r for r in self.resolved if r[0] < position]
        if before:
            return before[-1][1]
        after = [r for r in self.resolved if r[0] > position and r[2] == "preposition"]
        if after:
            return after[0][1]
        if self.resolved and self.resolved[0][2] == "outlet_voice":
            return None
        return self.inherited


@dataclass(frozen=True, slots=True)
class CatalogSource:
    """A catalogued source: its canonical English name and its contract kind."""
    name: str
    kind: SourceKind


@dataclass(frozen=True)
class _Catalog:
    forms: dict[tuple[str, ...], CatalogSource]   # folded Arabic or lower-cased Latin words
    lengths: dict[str, tuple[int, ...]]           # first word -> the forms' lengths, longest first


def _form_words(text: str) -> tuple[str, ...]:
    return tuple(t.text.lower() for t in tokenize(fold_term(text)))


@cache
def _catalog() -> _Catalog:
    forms: dict[tuple[str, ...], CatalogSource] = {}
    for entry in lexicon.load("sources")["sources"]:
        source = CatalogSource(entry["name"], entry["kind"])
        for form in entry["ar"] + entry["en"]:
            forms.setdefault(_form_words(form), source)
    lengths: dict[str, set[int]] = defaultdict(set)
    for key in forms:
        lengths[key[0]].add(len(key))
    return _Catalog(forms, {head: tuple(sorted(ns, reverse=True)) for head, ns in lengths.items()})


def catalog_match(tokens: list[Token]) -> tuple[int, int, CatalogSource] | None:
    """The longest catalogued form among ``tokens`` (whole words; the first word may carry
    proclitics: "ووفقاً لمصادر المرصد" -> SOHR) as (start, end, source); the first if tied.

    Only the lengths of the forms that start with one of a token's readings are tried (most
    tokens start none), longest first, each reading in its order."""
    catalog = _catalog()
    words: list[str] | None = None
    best: tuple[int, int, CatalogSource] | None = None
    for i, token in enumerate(tokens):
        heads = [form.lower() for form in token.forms]
        lengths = {n for head in heads for n in catalog.lengths.get(head, ())}
        for n in sorted(lengths, reverse=True):
            if n > len(tokens) - i:
                continue
            if best is not None and n <= best[1] - best[0]:
                break
            if words is None:
                words = [t.text.lower() for t in tokens]
            rest = tuple(words[i + 1:i + n])
            found = next((catalog.forms[key] for head in heads
                          if (key := (head,) + rest) in catalog.forms), None)
            if found is not None:
                best = (i, i + n, found)
                break
    return best


_STATEMENT_ISSUERS = ("official", "medical", "monitor")
_LETTERHEAD_LINES = 2
_ISSUER_REACH = 4     # tokens from a statement word to its issuer ("بيان صادر عن وزارة ...")


def letterhead(sentences: list[list[Token]]) -> tuple[Token, Token, CatalogSource] | None:
    """The issuer of a statement or bulletin: a catalogued official, medical or monitor source
    named in a first line that opens with a statement word ("بيان صادر عن وزارة الدفاع
    الروسية", "نشرة مديرية صحة إدلب"), or a first or last line that is no more than the name of
    an office ("المكتب الإعلامي - الدفاع المدني السوري": a letterhead or a signature; a bare
    tag "التحالف الدولي" or a post's credit "(@handle)" is neither). Returns the first and last
    token of the name as written."""
    w = _words()
    first, last = sentences[:_LETTERHEAD_LINES], sentences[-_LETTERHEAD_LINES:]
    for position, lines in (("first", first), ("last", last)):
        for tokens in lines:
            found = catalog_match(tokens)
            if found is None or found[2].kind not in _STATEMENT_ISSUERS:
                continue
            words = [t for t in tokens if t.text[0].isalpha()]
            others = len(words) - (found[1] - found[0])
            # "بيان صادر عن وزارة الدفاع", "حصيلة المرصد": the issuer follows the statement word;
            # one named further on is what the bulletin is about ("حصيلة الأحد: 5 قتلى بقصف قسد").
            opens = position == "first" and w.statement_words.at(tokens, 0) is not None \
                and found[0] <= _ISSUER_REACH
            office = any(_has(t, w.issuer_words) for t in words) and not any(t.text == "@" for t in tokens)
            if others <= 2 and office or opens and len(words) <= w.max_words * 2:
                return tokens[found[0]], tokens[found[1] - 1], found[2]
    return None


@lru_cache(maxsize=8192)
def catalog_source(text: str | None) -> CatalogSource | None:
    """The catalogued source named in ``text`` (a speaker phrase or an outlet's name), or None."""
    if not text:
        return None
    found = catalog_match([t for t in tokenize(fold_term(text)) if t.text != '"'])   # وزارة الدفاع في "الحكومة المؤقتة"
    return found[2] if found else None
