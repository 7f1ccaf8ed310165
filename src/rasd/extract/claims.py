"""Rule-based claim extraction: killed / injured / strikes figures with their sources.

A figure is found where a count meets a claim word:
- count + kind noun: "40 قتيلاً", "بأربع غارات جوية", "عشرات القتلى", "قتيلين";
- claim trigger + count + victims: "مقتل 4 أطفال", "إصابة خمسة آخرين", "أصيب أكثر من 11";
- count + victims + verb: "5 مدنيين قتلوا";
- trigger + singular or dual victims: "مقتل عسكري", "مقتل طفلة ورجل" (= 2), "قتل شخصان";
- breakdowns: "بينهم 3 أطفال", "والقتلى هم 9 من قوات النظام";
- denials: "نافياً وقوع أي خسائر بشرية" -> killed 0..0.
Numbers that are not counts (units, times, distances, years) are skipped by
``rasd.text.numbers.is_measure``. Every claim gets the speaker the sentence attributes it
to (``rasd.extract.sources``), or the outlet.
"""
from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from functools import cache
from operator import attrgetter
from typing import TypeVar

from rasd.extract import lexicon
from rasd.extract.actors import source_kind
from rasd.extract.sources import SentenceSpeakers, Speakers, catalog_source, find_attributions, is_relayer_staff, letterhead
from rasd.model import Claim, ClaimKind, GroupKind, Source, Span, TollStage
from rasd.text.dates import month_words, time_words, weekday_words
from rasd.text.normalize import Folded, fold_term
from rasd.text.numbers import Bounds, Count, at_least_after, is_measure, qualify, read_count
from rasd.text.numbers import lexicon as lexicon_numbers
from rasd.text.tokens import Token, tokenize

T = TypeVar("T")
_start_of = attrgetter("start")
COMBINED_REACH = 3   # tokens between a figure and the "killed and injured" words that make it a combined count


@dataclass(frozen=True)
class _Vocabulary:
    kind_plural: dict[str, ClaimKind]
    kind_dual: dict[str, ClaimKind]
    kind_singular: dict[str, ClaimKind]
    kind_phrases: dict[str, ClaimKind]                  # two-word nouns: "حالات اختناق", "حالة وفاة"
    needs_air: frozenset[str]
    needs_casualty_noun: frozenset[str]
    words_before_victims: dict[str, frozenset[str]]
    times_before_victims: frozenset[str]
    air_words: frozenset[str]
    triggers: dict[str, ClaimKind]
    verbs_after: dict[str, ClaimKind]
    victims_of: frozenset[str]             # "ضحايا" before an attack's noun: its dead
    kin_of: frozenset[str]                 # "عوائل" before fighters: their kin are the victims
    attack_nouns: frozenset[str]
    victims: dict[str, tuple[GroupKind, int | None]]   # form -> (group kind, 1/2/None=plural)
    victims_like_before: frozenset[str]                 # "آخرون": the kind of the victims before
    described_after: frozenset[str]                     # "وهو" opening a description of the victims
    former: frozenset[str]                              # "سابق": a fighter no more
    armed_groups: lexicon.Phrases                       # "حراس الدين": "قتيلان من حراس الدين" are fighters
    group_words: dict[str, GroupKind]
    civilian_bodies: lexicon.Phrases
    sentence_words: dict[str, GroupKind]   # group words that tell who a whole sentence is about
    group_stops: frozenset[str]
    rank_openers: frozenset[str]                        # "قوى": "في قوى الأمن" names a force
    agent_phrases: lexicon.Phrases                      # "من قبل", "على يد": the killer named after the victims
    attacker_openers: frozenset[str]                    # "نفذه", "برصاص": the attackers named after them
    breakdown: frozenset[str]
    initial: lexicon.Phrases
    updated: lexicon.Phrases
    denials: lexicon.Phrases
    cause_before_victims: lexicon.Phrases     # "وقتل في الغارة طفلان": the attack before the victims
    denial_kinds: dict[tuple[str, ...], tuple[ClaimKind, ...]]
    denial_cues: lexicon.Phrases
    denial_reach: int
    denial_phrases: lexicon.Phrases
    denial_phrase_kinds: dict[tuple[str, ...], tuple[ClaimKind, ...]]
    illnesses: frozenset[str]
    active_verbs: dict[str, ClaimKind]
    active_reach: int
    object_stops: frozenset[str]
    pronoun_triggers: dict[str, tuple[ClaimKind, int]]   # "مقتله" -> (killed, 1), "اصابتهما" -> 2
    pronoun_blockers_before: frozenset[str]
    pronoun_blockers_after: frozenset[str]
    pronoun_openers: frozenset[str]
    killing_words: frozenset[str]
    negations: frozenset[str]
    speech_verbs: frozenset[str]
    name_stops: frozenset[str]
    age_units: frozenset[str]
    age_openers: frozenset[str]
    dual_pronouns: frozenset[str]
    no_report: frozenset[str]
    cumulative: lexicon.Phrases
    period_openers: frozenset[str]
    periods: frozenset[str]
    clause_breaks: frozenset[str]
    count_followers: frozenset[str]
    split_triggers: dict[str, tuple[ClaimKind, frozenset[str], bool]]   # "فارق" -> (killed, {"الحياة"}, after?)
    split_heads: frozenset[str]
    status_after_victims: dict[str, ClaimKind]          # "لإصابات" -> injured
    case_nouns_after_eleven: dict[str, ClaimKind]       # "16 وفاة", "47 إصابة"
    hypothetical: lexicon.Phrases                       # "قد يسفر", "لو"
    rise_verbs: frozenset[str]                          # "ترتفع" (a toll that rose)
    cues: frozenset[str]                                # any word that can start or make a figure
    denial_heads: frozenset[str] = frozenset()          # the first words of the denial phrases and cues
    stage_heads: frozenset[str] = frozenset()           # the first words of the toll-stage phrases


@cache
def _vocabulary() -> _Vocabulary:
    v = _read_vocabulary()
    numbers = lexicon_numbers()
    cues = (set(v.kind_plural) | set(v.kind_dual) | set(v.kind_singular) | set(v.triggers) | set(v.victims)
            | v.breakdown | v.denial_cues.heads | v.denial_phrases.heads | set(numbers.units) | set(numbers.tens)
            | set(numbers.hundreds) | set(numbers.thousands) | set(numbers.vague) | set(v.pronoun_triggers)
            | set(v.split_triggers)
            | _accusatives(v.victims))
    return replace(v, cues=frozenset(cues), denial_heads=v.denial_cues.heads | v.denial_phrases.heads,
                   stage_heads=v.updated.heads | v.initial.heads)


def _accusatives(victims: Mapping[str, tuple[GroupKind, int | None]]) -> set[str]:
    """The accusative of each singular victim noun ("رجلاً", "شاباً" after إنّ), folded: nouns of
    three letters or more with no alef or pronoun at their end; not "أحداً" (anyone), "آخر", or
    two-letter kin words, whose alef forms are other words ("أما", "إما")."""
    return {noun + "ا" for noun, (_, number) in victims.items()
            if number == 1 and len(noun) >= 3 and not noun.endswith(("ا", "هم")) and noun not in ("احد", "اخر")}


_COMMAS = frozenset(("،", ","))
_COUNT_LABELS = ("عدد", "تعداد", "حصيله")    # folded: the word before a count's label ("عدد الشهداء")
BREAKDOWN_REACH = 10     # words a breakdown may take between a count and its label
_ONE = frozenset(map(fold_term, ("واحد", "واحدة", "واحدا")))   # "قتيلاً واحداً": one
_ONE_OF = frozenset(("احد", "احدي"))                              # "أحد"/"إحدى", folded: one of


def _duals(singular: str) -> tuple[str, str]:
    """The two dual forms of a singular noun: "صياد" -> "صيادان", "صيادين"; "ممرضة" ->
    "ممرضتان", "ممرضتين"."""
    stem = singular[:-1] + "ت" if singular.endswith("ة") else singular
    return stem + "ان", stem + "ين"


def _read_vocabulary() -> _Vocabulary:
    c = lexicon.claims()

    def by_kind(number: str) -> dict[str, ClaimKind]:
        return {fold_term(w): kind for kind, forms in c["kind_nouns"].items() for w in forms[number]
                if " " not in w}

    victims: dict[str, tuple[GroupKind, int | None]] = {}
    for group_kind, forms in c["victim_nouns"].items():
        for number, count in (("plural", None), ("dual", 2), ("singular", 1)):
            for w in forms[number]:
                if " " not in w:
                    victims.setdefault(fold_term(w), (group_kind, count))
    underived = set(c["dual_not_derived"])
    for group_kind, forms in c["victim_nouns"].items():
        for w in forms["singular"]:
            if w not in underived and " " not in w:
                for dual in _duals(w):
                    victims.setdefault(fold_term(dual), (group_kind, 2))
    return _Vocabulary(
        kind_plural=by_kind("plural"), kind_dual=by_kind("dual"), kind_singular=by_kind("singular"),
        kind_phrases={fold_term(w): kind for kind, forms in c["kind_nouns"].items()
                      for number in ("plural", "singular") for w in forms[number] if w.count(" ") == 1},
        needs_air=lexicon.words(c["strike_nouns_needing_air"]),
        needs_casualty_noun=lexicon.words(c["triggers_needing_casualty_noun"]),
        words_before_victims={kind: lexicon.words(ws) for kind, ws in c["words_before_victims"].items()},
        times_before_victims=lexicon.words(c["times_before_victims"]),
        status_after_victims={w: kind for kind, ws in c["status_after_victims"].items() for w in lexicon.words(ws)},
        case_nouns_after_eleven={fold_term(w): kind for kind, ws in c["case_nouns_after_eleven"].items() for w in ws},
        hypothetical=lexicon.Phrases(c["hypothetical"]),
        rise_verbs=lexicon.words(c["rise_verbs"]),
        split_heads=frozenset(fold_term(verb) for rows in c["split_triggers"].values() for row in rows
                              for verb in row["verbs"]),
        split_triggers={fold_term(verb): (kind, lexicon.words(row["objects"]), row.get("victims_after_object", False))
                        for kind, rows in c["split_triggers"].items() for row in rows for verb in row["verbs"]},
        air_words=lexicon.words(c["air_words"]),
        triggers={w: kind for kind, ws in c["triggers"].items() for w in lexicon.words(ws)},
        verbs_after={w: kind for kind, ws in c["verbs_after"].items() for w in lexicon.words(ws)},
        victims_of=lexicon.words(c["victims_of"]["words"]),
        kin_of=lexicon.words(c["kin_of"]),
        attack_nouns=lexicon.words(c["victims_of"]["attacks"]),
        victims=victims,
        victims_like_before=lexicon.words(c["victims_like_before"]),
        described_after=lexicon.words(c["described_after"]["openers"]),
        former=lexicon.words(c["described_after"]["former"]),
        armed_groups=lexicon.Phrases(name for a in lexicon.load("actors")["actors"]
                                     if a["kind"] in ARMED_KINDS for name in a["ar"]),
        civilian_bodies=lexicon.Phrases(c["civilian_bodies"]),
        group_words={fold_term(w): "fighters" if kind == "forces" else kind
                     for kind, ws in c["group_words"].items() for w in ws},
        sentence_words={fold_term(w): kind for kind, ws in c["group_words"].items() if kind != "forces" for w in ws},
        group_stops=lexicon.words(c["group_stops"]),
        rank_openers=lexicon.words(c["rank_openers"]),
        agent_phrases=lexicon.Phrases(c["agent_phrases"]),
        attacker_openers=lexicon.words(c["attacker_openers"]),
        breakdown=lexicon.words(c["breakdown_cues"]),
        initial=lexicon.Phrases(c["toll_stage"]["initial"]),
        updated=lexicon.Phrases(c["toll_stage"]["updated"]),
        denials=lexicon.Phrases(w for row in c["denials"] for w in row["words"]),
        cause_before_victims=lexicon.Phrases(c["cause_before_victims"]),
        denial_kinds={tuple(fold_term(w).split()): tuple(row["kinds"]) for row in c["denials"] for w in row["words"]},
        denial_cues=lexicon.Phrases(c["denial_cues"]),
        denial_reach=c["denial_reach"],
        denial_phrases=lexicon.Phrases(w for row in c["denial_phrases"] for w in row["words"]),
        denial_phrase_kinds={tuple(fold_term(w).split()): tuple(row["kinds"])
                             for row in c["denial_phrases"] for w in row["words"]},
        active_verbs={w: kind for kind, ws in c["active_verbs"].items() for w in lexicon.words(ws)},
        active_reach=c["active_subject_reach"],
        object_stops=lexicon.words(c["object_stops"]),
        pronoun_triggers=_pronoun_forms(c["pronoun_triggers"]),
        pronoun_blockers_before=lexicon.words(c["pronoun_blockers_before"]),
        pronoun_blockers_after=lexicon.words(c["pronoun_blockers_after"]),
        pronoun_openers=lexicon.words(c["pronoun_openers"]),
        killing_words=lexicon.words(c["killing_words"]),
        negations=lexicon.words(c["negations"]),
        speech_verbs=lexicon.speech_verbs(),
        name_stops=lexicon.words(c["name_stops"] + c["group_stops"]),
        age_units=lexicon.words(c["age_units"]),
        age_openers=lexicon.words(c["age_openers"]),
        dual_pronouns=lexicon.words(c["dual_pronouns"]),
        no_report=lexicon.words(c["no_report_words"]),
        illnesses=lexicon.words(c["illnesses"]),
        cumulative=lexicon.Phrases(c["cumulative_cues"]),
        period_openers=lexicon.words(c["cumulative_period_openers"]),
        periods=lexicon.words(c["cumulative_periods"]),
        clause_breaks=lexicon.words(c["clause_breaks"]),
        count_followers=lexicon.words(c["count_followers"]),
        cues=frozenset(),
    )


_PRONOUNS = {"ه": 1, "ها": 1, "هما": 2}


def _pronoun_forms(by_kind: dict[str, list[str]]) -> dict[str, tuple[ClaimKind, int]]:
    """"مقتل" -> "مقتله", "مقتلها", "مقتلهما"; "إصابة" -> "اصابته" (ة written ت before a suffix)."""
    forms: dict[str, tuple[ClaimKind, int]] = {}
    for kind, words in by_kind.items():
        for word in words:
            stem = fold_term(word)
            stem = stem[:-1] + "ت" if stem.endswith("ه") else stem
            for suffix, number in _PRONOUNS.items():
                forms[stem + suffix] = (kind, number)
    return forms


@dataclass(frozen=True)
class _Figure:
    """A claim before its source is known: token ranges are sentence-local."""
    kind: ClaimKind
    bounds: Bounds
    end: int                             # last token of the figure (exclusive)
    group: tuple[int, int] | None
    group_kind: GroupKind
    breakdown: bool = False
    denial: bool = False
    cumulative: bool = False
    combined: bool = False


RISE_REACH = 16      # words from a rise's label to its "إلى" ("ارتفع عدد الشهداء جراء استهداف ... إلى خمسة")
_AFTER = frozenset({"بعد", "وبعد", "اثر", "واثر"})   # folded: a death told as what a toll rose by


def _lookup(token: Token | None, table: Mapping[str, T] | frozenset[str]) -> T | bool | None:
    """What ``table`` holds for any form of ``token`` (True for a set member), else None."""
    if token is None:
        return None
    for form in token.forms:
        if form in table:
            return True if isinstance(table, frozenset) else table[form]
    return None


def _without_suffix(form: str) -> str:
    """Strip a possessive suffix: "طفلها" -> "طفل", "والدته" -> "والده" (ة), "طفليها" -> "طفلين",
    "طفلاها" -> "طفلان"."""
    for suffix in ("هما", "هم", "ها", "ه"):
        if form.endswith(suffix) and len(form) - len(suffix) >= 2:     # "أمهما" -> "أم"
            stem = form[: -len(suffix)]
            if stem.endswith("ت"):
                return stem[:-1] + "ه"
            if stem.endswith(("ي", "ا")):                 # "طفليها", "طفلاها": a dual before a pronoun
                return stem + "ن"
            return stem
    return form


ARMED_KINDS = frozenset({"armed_group", "militia"})    # actor kinds whose members are fighters
_QUOTES = frozenset('"“”«»\'')


def _is_punct(token: Token) -> bool:
    return not token.text[0].isalnum()


def _named_weekday(token: Token) -> bool:
    """A weekday with the article ("الأحد", "والاثنين"): a day, not the number it is spelt like."""
    word = token.text.removeprefix("و")
    return word.startswith("ال") and word in weekday_words()


_RELATIVES = frozenset(("الذين", "اللذين", "اللذان", "اللواتي", "اللاتي", "اللتين", "اللتان"))
_RELATIVES_ONE = _RELATIVES | {"الذي", "التي"}
BREAKDOWN_ASIDE_WORDS = 14  # a breakdown between a toll and its verb ("بينهم 11 طفلاً ونساء من ... قضوا")
VICTIM_ADJECTIVES = 4       # words between a singular victim and its verb ("سورياً غير متورط قد")
ATTACKER_WORDS = 4          # "برصاص مسلحين مجهولين": the words naming the attackers after an opener
PART_COMPLEMENT_WORDS = 5   # "من قوات النظام السوري": the words of a part's "من X" before the next part


class ClaimReader:
    """Reads the figures of one sentence (a small class so a model-based reader can sit beside it)."""

    def __init__(self, tokens: list[Token], names: frozenset[int] = frozenset()):
        self.tokens = tokens
        self.names = names            # tokens inside place names ("السيدة زينب"): no word of the victims
        self.v = _vocabulary()
        self.figures: list[_Figure] = []
        self.split = self._split_triggers()

    def _with_previous(self, figure: _Figure) -> bool:
        """"قُتل قيادي مع اثنين من مرافقيه" = 3: a figure joined by "مع" right after a figure of
        the same kind and side adds to it (the previous figure is widened in place); so does one
        joined by و with civilians after civilians ("أصيب 3 أطفال وامرأة" = 4, "قتل ثلاثة أطفال
        وأربع نساء" = 7), as a chain of victim nouns adds up ("استشهد طفلان وامرأة" = 3)."""
        start = figure.bounds.start
        prev = self.figures[-1] if self.figures else None
        if prev is None or start == 0 or prev.kind != figure.kind or prev.kind == "strikes" or prev.denial \
                or figure.breakdown or prev.bounds.min is None or figure.bounds.min is None:
            return False
        with_ = self.tokens[start - 1].text == "مع" and prev.end in (start - 1, start) \
            and figure.group_kind in (prev.group_kind, "unknown")
        and_ = prev.end == start and not prev.breakdown and prev.group_kind == figure.group_kind == "civilians" \
            and (self.tokens[start].text.startswith("و") or self.tokens[start - 1].text == "و")
        if not (with_ or and_):
            return False
        high = prev.bounds.max + figure.bounds.max \
            if prev.bounds.max is not None and figure.bounds.max is not None else None
        bounds = replace(prev.bounds, min=prev.bounds.min + figure.bounds.min, max=high, end=figure.bounds.end)
        group = (prev.group[0], figure.group[1]) if and_ and prev.group and figure.group else prev.group
        self.figures[-1] = replace(prev, bounds=bounds, end=figure.end, group=group)
        return True

    def _hypothetical(self, start: int) -> bool:
        """A figure of what might happen, not of what did ("قد يسفر عن مقتل الآلاف", "لو سقط
        الصاروخ على المدرسة لقتل العشرات"): a hypothetical word earlier in its clause."""
        for k in range(start - 1, max(-1, start - 9), -1):
            tok = self.tokens[k]
            if _is_punct(tok):
                return False
            if self.v.hypothetical.at(self.tokens, k) is not None:
                return True
        return False

    def _split_triggers(self) -> dict[int, ClaimKind]:
        """Positions of death verbs whose object follows their victims ("فارق رجل الحياة",
        "فقد أربعة أشخاص حياتهم"), or of the object their victims follow ("حصد القصف أرواح
        طفلين"), with their kind: claim words there."""
        found: dict[int, ClaimKind] = {}
        heads = self.v.split_heads
        for i, tok in enumerate(self.tokens):
            if heads.isdisjoint(tok.forms):            # nearly every token: one set test in C
                continue
            hit = next(self.v.split_triggers[f] for f in tok.forms if f in self.v.split_triggers)
            for k in range(i + 1, min(i + 7, len(self.tokens))):
                if _is_punct(self.tokens[k]):
                    break
                if _lookup(self.tokens[k], hit[1]):
                    found[k if hit[2] else i] = hit[0]    # "حصد القصف أرواح اثني عشر": the object
                    break
        return found

    def _trigger_kind(self, k: int) -> ClaimKind | None:
        """The claim kind of the word at ``k`` as a trigger ("مقتل", "أصيب", "فارق ... الحياة")."""
        return _lookup(self.tokens[k], self.v.triggers) or self.split.get(k)

    def tok(self, i: int) -> Token | None:
        return self.tokens[i] if 0 <= i < len(self.tokens) else None

    def read(self) -> list[_Figure]:
        # A figure starts at a number or a claim word; most tokens (and sentences) hold neither.
        starts = [t.is_number or not self.v.cues.isdisjoint(t.forms) or i in self.split
                  for i, t in enumerate(self.tokens)]
        if not any(starts):
            return []
        i = 0
        while i < len(self.tokens):
            if not starts[i]:
                i += 1
                continue
            figure = self._at_count(i) or self._at_trigger(i) or self._joined_persons(i)
            if figure is not None:
                if not self._with_previous(figure) and not self._hypothetical(figure.bounds.start) \
                        and not self._illness(figure):
                    self.figures.append(figure)
                i = max(figure.end, i + 1)
            else:
                i += 1
        self._denials()
        self._mark_cumulative()
        self._mark_combined()
        self._mark_increments()
        return self.figures

    # -- count-led figures -------------------------------------------------------------
    def _at_count(self, i: int) -> _Figure | None:
        count = read_count(self.tokens, i)
        if count is None or is_measure(self.tokens, count) or self.tokens[i].text in ("واحد", "واحده") and count.end == i + 1:
            return None                                 # "عائلة واحدة": "one" follows its noun
        if self._monday(i):
            return None                                 # "قتلت الغارة الاثنين مدنيين": on Monday
        if (definite := self._definite_count(i, count)) is not None:
            return definite
        if count.end == i + 1 and not _ONE_OF.isdisjoint(self.tokens[i].forms) \
                and (self._trigger_before(i, immediate=True) is None
                     or i > 1 and self.tokens[i - 2].text in self.v.negations):
            return None                                 # "أحد سكان الحي": "one of", not a count ("أحد عشر" is);
                                                        # "لم يقتل أحد": nobody
        noun = i - 3 if i > 2 and self.tokens[i - 2].text == "غير" else i - 1   # "مدنيين غير متورطين اثنين"
        if count.exact and count.min == 2 and noun >= 0 and not self.tokens[i].is_number \
                and _lookup(self.tokens[noun], self.v.victims) \
                and not (self.figures and self.figures[-1].end >= i):   # "شخصين اثنين" is counted once
            # "مقتل مدنيين اثنين بغارات": a number word after its noun, before any strike word
            kind = self._trigger_before(noun) or self._verb_after(self._past_apposition(count.end)) \
                or self._joined_kind(noun)
            past = at_least_after(self.tokens, count.end)
            bounds = Bounds(2, 2, noun, count.end) if past is None else Bounds(2, None, noun, past, "على الأقل")
            return self._figure(kind, bounds, bounds.end, (noun, noun + 1)) if kind else None
        bounds = qualify(self.tokens, count)
        bounds = self._reach_qualifier(bounds, count)
        j = count.end
        if bounds.end > j and bounds.min != bounds.max and bounds.max is not None:
            j = bounds.end                              # "بين 10 و15 قتيلاً", "بين ثمانية وعشرة أشخاص":
                                                        # the noun follows the range
        if self.tok(j) is not None and self.tokens[j].text == "من" and self._month_at(j + 1):
            return None                                 # "مساء الاثنين 21 من تشرين الأول": a date
        if self.tok(j) is not None and self.tokens[j].text in ("منهم", "منهن"):
            kind = self._previous_kind()                # "قتل 8 أشخاص، 5 منهم من عائلة واحدة"
            if kind is not None:
                return self._figure(kind, bounds, j + 1, self._group(j + 1, after_kind_noun=True), True)
        of_kind = False
        if self.tok(j) is not None and self.tokens[j].text == "من":
            if self._kind_noun(j + 1) is not None:
                j += 1                                  # "العشرات من الجرحى"
                of_kind = True
            else:
                return self._of_group(bounds, j)        # "قتل 7 من عناصر الحشد", "9 من قوات النظام"
        kind_noun = self._kind_noun(j)
        if kind_noun is None and count.exact and count.min >= 11 \
                and (case := _lookup(self.tok(j), self.v.case_nouns_after_eleven)) is not None:
            kind_noun = case, 1                         # "16 وفاة", "47 إصابة": cases counted
        if kind_noun is not None and not of_kind and not count.exact and self.tokens[i].text.startswith("ال") \
                and not self.tokens[j].text.startswith("ال"):
            return None                                 # "شيع الآلاف جثامين الشهداء": the mourners
        if kind_noun is not None:
            kind, width = kind_noun
            died_of_wounds = of_kind and kind == "injured" and self._trigger_before(bounds.start) == "killed"
            if died_of_wounds:
                kind = "killed"                         # "توفي 3 من الجرحى": the wounded who died, a
            group = self._group(j + width, after_kind_noun=True)   # part of the toll, not the toll
            return self._figure(kind, bounds, group[1] if group else j + width, group,
                                breakdown=died_of_wounds or self._is_breakdown(bounds.start))
        victim = _lookup(self.tok(j), self.v.victims)
        if victim is None and self._names_the_dead(bounds.start, j):
            return self._figure("killed", bounds, j + 1, (j, j + 1))   # "أعلن الجيش مقتل 27 مهرباً"
        if victim is None and (kind := self._bare_breakdown_kind(bounds.start)) is not None:
            return self._figure(kind, bounds, bounds.end, None, breakdown=True)
        if victim is None:
            kind = self._bare_count_kind(bounds)
            return self._figure(kind, bounds, bounds.end, self._label_owner(bounds)) if kind is not None else None
        group = self._group(j, after_kind_noun=False)
        end = group[1] if group else j + 1
        breakdown = self._is_breakdown(bounds.start) or self._continues_breakdown(bounds.start) \
            or self._opens_parts(bounds.start)
        if bounds.start > 0 and self.tokens[bounds.start - 1].text in ("الي", "ال") and not breakdown:
            kind = self._trigger_before(bounds.start, reach=20)   # "ارتفاع حصيلة القتلى ... إلى 21"
            if kind is not None:
                return self._figure(kind, bounds, end, group)
        status = self._status_after(end)
        kind = (self._previous_kind() if breakdown else None) or self._trigger_before(bounds.start) \
            or (status[0] if status else None) or self._verb_after(end) or self._joined_kind(bounds.start)
        if kind is None:
            return None
        return self._figure(kind, bounds, status[1] if status else end, group, breakdown=breakdown)

    def _status_after(self, end: int) -> tuple[ClaimKind, int] | None:
        """A word of the victims' state right after them ("سقط ثلاثة مدنيين شهداء", "قضى طفلان
        شهيدين", "تعرض ستة أشخاص لإصابات"): their kind, and the token after it (it is no
        figure of its own)."""
        tok = self.tok(end)
        if tok is None:
            return None
        kind = _lookup(tok, self.v.status_after_victims) or \
            (_lookup(tok, self.v.kind_plural) or _lookup(tok, self.v.kind_dual) if not tok.text.startswith("و") else None)
        return (kind, end + 1) if kind in ("killed", "injured") else None

    def _reach_qualifier(self, bounds: Bounds, count: Count) -> Bounds:
        """"تجاوز عدد الغارات ... 15 غارة": a more-than verb earlier in the clause."""
        if bounds.qualifier is not None or not count.exact:
            return bounds
        for k in range(count.start - 1, max(-1, count.start - 13), -1):
            tok = self.tokens[k]
            if _is_punct(tok):
                break
            if not lexicon_numbers().more_than_verbs.isdisjoint(tok.forms):
                return Bounds(count.min + 1, None, bounds.start, bounds.end, tok.text)
        return bounds

    def _kind_noun(self, j: int) -> tuple[ClaimKind, int] | None:
        tok = self.tok(j)
        if (case := self._case_noun(j)) is not None:
            return case, 2                              # "8 حالات اختناق", "3 حالات وفاة"
        kind = _lookup(tok, self.v.kind_plural) or _lookup(tok, self.v.kind_dual) \
            or _lookup(tok, self.v.kind_singular)         # "ثلاثمئة جريح": hundreds take the singular
        if kind is None or tok.text[0] == "و" and tok.text[1:] in tok.forms and not self._kind_word(tok):
            return None                                 # "اثنين وإصابة": a new clause, not a noun
                                                        # ("3 وفيات": a noun with its own و)
        if any(f in self.v.needs_air for f in tok.forms):
            if not any(_lookup(t, self.v.air_words) for t in self.tokens):
                return None                            # "ضربات" of artillery are not strikes
        nxt = self.tok(j + 1)
        width = 2 if nxt is not None and _lookup(nxt, self.v.air_words) else 1
        return kind, width

    def _kind_word(self, tok: Token) -> bool:
        """The token as written, not a form peeled of a clitic, is a kind noun."""
        return any(tok.text in table for table in (self.v.kind_plural, self.v.kind_dual, self.v.kind_singular))

    def _case_noun(self, j: int) -> ClaimKind | None:
        """A two-word casualty noun ("حالات اختناق", "حالة وفاة", "حالات إصابة"): its kind; its
        first word as written ("بحالات اختناق" says how the counted were hurt)."""
        tok, nxt = self.tok(j), self.tok(j + 1)
        if tok is None or nxt is None:
            return None
        return next((kind for b in nxt.forms if (kind := self.v.kind_phrases.get(f"{tok.text} {b}"))), None)

    def _trigger_before(self, start: int, immediate: bool = False, reach: int = 6) -> ClaimKind | None:
        floor = self.figures[-1].end if self.figures else 0
        reach = 1 if immediate else reach
        for k in range(start - 1, max(floor, start - reach) - 1, -1):
            tok = self.tokens[k]
            if _is_punct(tok) and tok.text not in ('"', "'") and not (reach > 6 and tok.text == ","):
                return None                             # a long toll sentence may hold commas
            kind = self._trigger_kind(k)
            if kind is not None:
                return kind
        return None

    def _past_apposition(self, j: int) -> int:
        """Past the persons named between commas after a count ("مدنيين اثنين، امرأة وقاصر،
        قتلا"): where the verb may follow; ``j`` when there are none."""
        if (tok := self.tok(j)) is None or tok.text not in _COMMAS:
            return j
        n, end = self._person_chain(j + 1)
        return end + 1 if n and (close := self.tok(end)) is not None and close.text in _COMMAS else j

    def _verb_after(self, end: int) -> ClaimKind | None:
        """"5 مدنيين قتلوا", "سبعة مدنيين بينهم أربعة أطفال من عائلة واحدة قتلوا", and the
        breakdown set off by commas: "5 مدنيين، بينهم امرأة، أصيبوا", after "على الأقل" too ("29
        شخصاً على الأقل بينهم 11 طفلاً ونساء من عوائل عناصر التنظيم قضوا")."""
        end = at_least_after(self.tokens, end) or end
        window = self.tokens[end: end + BREAKDOWN_ASIDE_WORDS]
        lead = 1 if window and window[0].text in _COMMAS else 0
        aside = any(_lookup(t, self.v.breakdown) for t in window[lead:lead + 2])
        if not aside:
            window = window[:4]                         # the verb follows its subject closely
        for tok in window:
            if _is_punct(tok):
                if aside and tok.text in _COMMAS:
                    continue
                return None
            kind = _lookup(tok, self.v.verbs_after)
            if kind is not None:                        # "وأصيب" opens the next clause, not this one's verb
                return None if tok.text.startswith("و") and tok.text[1:] in tok.forms else kind
        return None

    def _is_breakdown(self, start: int) -> bool:
        return any(_lookup(t, self.v.breakdown) for t in self.tokens[max(0, start - 2): start])

    def _continues_breakdown(self, start: int) -> bool:
        """"بينهم 6 أطفال و4 نساء": a count joined by و to a breakdown is one too, also after the
        part's own "من X" ("هم عنصران من قوات النظام و9 من المقاتلين الأجانب")."""
        prev = self.figures[-1] if self.figures else None
        if not (prev and prev.breakdown and start > 0 and self.tokens[start - 1].text == "و"):
            return False
        between = self.tokens[prev.end:start - 1]
        return len(between) <= PART_COMPLEMENT_WORDS \
            and not any(_is_punct(t) or _lookup(t, self.v.triggers) for t in between)

    def _opens_parts(self, start: int) -> bool:
        """"مقتل 5 (3 أطفال وامرأتان)", "23 شخصاً: 14 مدنياً و9 من عناصر الأمن": a count opening
        a bracket, or after a colon, right after a figure is its part."""
        prev = self.figures[-1] if self.figures else None
        return bool(prev and not prev.denial and not prev.breakdown and prev.kind != "strikes"
                    and (prev.bounds.min or 0) > 1 and start > 0
                    and self.tokens[start - 1].text in ("(", ":") and prev.end == start - 1)   # not "قيادي (أفغاني الجنسية)"

    def _names_the_dead(self, start: int, j: int) -> bool:
        """"مقتل 27 مهرباً": after a killing word right before it, a count's noun is who died,
        whatever the noun ("سقوط 6 قذائف" and "إصابة 3 منازل" take things: not killing words)."""
        trigger, noun = self.tok(start - 1), self.tok(j)
        return bool(trigger is not None and noun is not None and _lookup(trigger, self.v.killing_words)
                    and read_count(self.tokens, j) is None and noun.text[0].isalpha() and not noun.text.startswith("و")
                    and noun.text not in self.v.name_stops and not _lookup(noun, self.v.count_followers)
                    and not _lookup(noun, self.v.breakdown) and not _lookup(noun, self.v.triggers))

    def _bare_breakdown_kind(self, start: int) -> ClaimKind | None:
        """"٧٣ جثماناً منهم ٤٥ يحملون الجنسية السورية و٢٣ ...": a number right after a breakdown
        cue, or joined by و to such a part in the same clause, is a part of the figure before."""
        prev = self.figures[-1] if self.figures else None
        if prev is None or prev.denial or prev.kind == "strikes" or start == 0:
            return None
        if _lookup(self.tokens[start - 1], self.v.breakdown) and prev.end >= start - 2:
            return prev.kind
        joined = self.tokens[start - 1].text == "و" or self.tokens[start].text.startswith("و")
        if prev.breakdown and joined \
                and not any(_is_punct(t) or _lookup(t, self.v.triggers) for t in self.tokens[prev.end:start]):
            return prev.kind
        return None

    def _bare_count_kind(self, bounds: Bounds) -> ClaimKind | None:
        """A number with no noun after a claim word or a label: "قُتل 3 وأصيب 5 بقصف", "ارتفع عدد
        القتلى إلى 7", "الشهداء: 3", "عدد الإصابات 14". Nothing may follow that could be the
        counted noun: only punctuation, a follower word or a و-joined claim word."""
        nxt = self.tok(bounds.end)
        if nxt is not None and nxt.text in ("-", "/", ".") and (after := self.tok(bounds.end + 1)) is not None \
                and after.is_number:
            return None                                 # "15-2-2022": a date
        at = self._count_label_after(bounds.end)
        if at is not None and (label := self.tok(at)) is not None \
                and (kind := self._label_kind(label) or self._counted_who(at)) is not None:
            return kind                                 # "يرتفع إلى 45 تعداد الشهداء", "إلى 3 عدد المدنيين الذين قتلوا"
        if nxt is not None and not _is_punct(nxt) and not _lookup(nxt, self.v.count_followers) \
                and not (nxt.text.startswith("و") and (_lookup(nxt, self.v.triggers) or self._label_kind(nxt)
                                                        or "عدد" in nxt.forms)):
            return None
        k = bounds.start - 1
        while k >= 0 and self.tokens[k].text in (":", "-"):
            k -= 1                                      # "إجمالي عدد الشهداء: 992"
        if k < 0 or (self.figures and self.figures[-1].end > k) or self.tokens[k].is_number:
            return None                                 # "15-2-2022": part of a date
        label = self.tokens[k]
        if label.text in ("الي", "ال"):                  # "ارتفع عدد القتلى في القصف إلى 7"
            kind = self._trigger_before(k + 1, reach=20)
            before = self.tok(k - 1)                    # "ترتفع إلى", or "ارتفع العدد إلى"
            rose = before is not None and (_lookup(before, self.v.rise_verbs) is not None or (
                before.text in ("العدد", "الحصيله") and k > 1 and _lookup(self.tokens[k - 2], self.v.rise_verbs) is not None))
            if kind is None and rose and self.figures and self.figures[-1].kind != "strikes":
                return self.figures[-1].kind            # "بمقتل أربعة، قبل أن ترتفع إلى سبعة"
            return kind or self._risen_label(k)         # "ارتفع عدد الشهداء في البلدة إلى خمسة"
        kind = _lookup(label, self.v.triggers) or self._label_kind(label)
        if kind is not None:
            return kind
        for back in range(k - 1, max(-1, k - 6), -1):   # "وبلغ عدد القتلى منذ 2011 أكثر من 300 ألف"
            tok = self.tokens[back]
            if _is_punct(tok) or self.figures and self.figures[-1].end > back:
                return None
            counted = back > 0 and self.tokens[back - 1].forms[-1] in ("عدد", "حصيله", "تعداد", "اجمالي")
            if (kind := self._label_kind(tok)) is not None and counted:
                return kind
        return None

    def _count_label_after(self, end: int) -> int | None:
        """Where the label of a count stated before it begins ("إلى 45 تعداد الشهداء"), also past
        the breakdown a monitor puts first ("ارتفع إلى 15 بينهم 8 أطفال عدد الذين استشهدوا", or
        between commas: "ارتفع إلى 9، بينهم 3 أطفال، عدد"): the word after "عدد"/"تعداد"/"حصيلة",
        with no other punctuation between."""
        nxt = self.tok(end)
        if nxt is None:
            return None
        if nxt.text in _COUNT_LABELS:
            return end + 1
        aside = nxt.text in _COMMAS                     # "ارتفع إلى 9، بينهم 3 أطفال، عدد المدنيين"
        if aside:
            end += 1
            if (nxt := self.tok(end)) is None:
                return None
        if not _lookup(nxt, self.v.breakdown):
            return None
        for k in range(end + 1, min(len(self.tokens), end + BREAKDOWN_REACH)):
            if _is_punct(self.tokens[k]) and not (aside and self.tokens[k].text in _COMMAS):
                return None
            if self.tokens[k].text in _COUNT_LABELS:
                return k + 1
        return None

    def _risen_label(self, to: int) -> ClaimKind | None:
        """The casualty label of a toll that rose, counted after "إلى" ("ارتفع عدد الشهداء في
        البلدة إلى خمسة"): a rise verb, "عدد"/"حصيلة" and the label, no punctuation between."""
        for back in range(to - 1, max(1, to - RISE_REACH), -1):
            tok = self.tokens[back]
            if _is_punct(tok):
                return None
            if self.tokens[back - 1].forms[-1] in ("عدد", "حصيله", "تعداد") \
                    and _lookup(self.tokens[back - 2], self.v.rise_verbs) is not None \
                    and (kind := self._label_kind(tok)) is not None:
                return kind
        return None

    def _label_owner(self, bounds: Bounds) -> tuple[int, int] | None:
        """The word after a toll's label that says whose dead or wounded it counts ("عدد قتلى
        الميليشيات", "حصيلة جرحى المدنيين"), within the label's clause after or before the number."""
        after = range(bounds.end, min(bounds.end + 3, len(self.tokens)))
        before = range(bounds.start - 1, max(-1, bounds.start - RISE_REACH), -1)
        for ks in (after, before):
            for k in ks:
                if _is_punct(self.tokens[k]) or self.figures and self.figures[-1].end > k:
                    break
                if self._label_kind(self.tokens[k]) is not None and k > 0 \
                        and self.tokens[k - 1].forms[-1] in ("عدد", "حصيله", "تعداد") \
                        and k + 1 < len(self.tokens) and self._group_kind((k + 1, k + 2)) != "unknown":
                    return (k + 1, k + 2)
        return None

    def _counted_who(self, j: int) -> ClaimKind | None:
        """The kind of the verb a few words on that says what befell the persons counted ("عدد
        المدنيين الذين قتلوا")."""
        for k in range(j, min(j + 4, len(self.tokens))):
            if _is_punct(self.tokens[k]):
                return None
            if (kind := _lookup(self.tokens[k], self.v.verbs_after)) is not None:
                return kind
        return None

    def _label_kind(self, tok: Token) -> ClaimKind | None:
        """A plural casualty or strike noun used as a label ("الشهداء", "الإصابات", "الغارات"), or a
        definite claim noun ("القتلى", "والجرحى")."""
        return _lookup(tok, self.v.kind_plural) or (_lookup(tok, self.v.triggers) if "ال" in tok.text[:3] else None)

    def _mark_cumulative(self) -> None:
        """Figures over a period ("منذ بداية العام", "خلال الشهر الماضي", "الحصيلة الإجمالية")
        are cumulative; the cue marks only the figures of its own clause."""
        if not self.figures:
            return
        cues = [i for i in range(len(self.tokens))
                if self.v.cumulative.at(self.tokens, i) or self._since(i) or self._over_period(i)]
        if cues:
            self.figures = [replace(f, cumulative=True) if not f.denial
                            and any(self._same_clause(c, f.bounds.start) for c in cues) else f
                            for f in self.figures]

    def _mark_combined(self) -> None:
        """"قتل وأصيب نحو 80 شخصاً", "20 مدنياً استشهدوا وأصيبوا", "15 قتيلاً وجريحاً": a
        count of the killed and the injured together, next to a killed word joined by و to an
        injured word (or the reverse). It bounds each kind and is reconciled as neither."""
        if all(f.kind == "strikes" for f in self.figures):
            return
        pairs = [k for k in range(len(self.tokens) - 1) if self._casualty_pair(k) and not self._seam(k)]
        if pairs:
            self.figures = [replace(f, combined=True) if f.kind != "strikes"
                            and any(self._joins(f, k) for k in pairs) else f for f in self.figures]

    def _mark_increments(self) -> None:
        """"ارتفع عدد الضحايا إلى خمسة، بعد استشهاد أحد الجرحى": a death told after "بعد"/"إثر"
        beside a larger figure of its kind is the increment the toll rose by, a part of it."""
        for n, f in enumerate(self.figures):
            if f.breakdown or f.denial or f.kind == "strikes":
                continue
            lead = [t.text for t in self.tokens[max(0, f.bounds.start - 3):f.bounds.start]]
            if any(w in _AFTER for w in lead) and any(
                    g is not f and g.kind == f.kind and not g.breakdown and (g.bounds.min or 0) > (f.bounds.min or 0)
                    for g in self.figures):
                self.figures[n] = replace(f, breakdown=True)

    def _illness(self, f: _Figure) -> bool:
        """Cases of an illness, not wounds: "12 حالة إصابة بالكوليرا", "أصيب 5 أشخاص بالحصبة"."""
        return f.kind == "injured" and any(
            t.text.lstrip("و").startswith("ب") and _lookup(t, self.v.illnesses)
            for t in self.tokens[f.bounds.start:f.end + 2])

    def _seam(self, pair: int) -> bool:
        """The pair of casualty words ends one counted figure and opens another with its own
        count: "ارتقى ثلاثة شهداء وأصيب سبعة", "سقط 3 قتلى وجرح 5 آخرون", "شهيدان وأصيب ستة",
        "أربعة قتلى وجريحين", "أربعة مدنيين قتلوا وأصيب 12 آخرون" are two figures."""
        ended = [f for f in self.figures if f.bounds.start <= pair <= f.end and f.kind != "strikes"]
        return any(pair < f.bounds.start <= pair + 2 + COMBINED_REACH and f.kind not in ("strikes", e.kind)
                   for f in self.figures for e in ended)

    def _joins(self, f: _Figure, pair: int) -> bool:
        """The pair of casualty words at ``pair`` counts ``f``: just before its count ("قتل وأصيب
        نحو 80"), just after it ("20 مدنياً قتلوا وأصيبوا"), or as its noun after a written number
        ("15 قتيلاً وجريحاً"); a noun that is its own count ("شهيدة وجرحى") is one killed."""
        if pair + 2 <= f.bounds.start:
            return f.bounds.start - (pair + 2) <= COMBINED_REACH
        if pair >= f.end:
            return pair - f.end <= COMBINED_REACH
        return any(read_count(self.tokens, k) is not None for k in range(f.bounds.start, pair))

    def _casualty_pair(self, k: int) -> bool:
        first, second = self.tokens[k], self.tokens[k + 1]
        return second.text.startswith("و") and {self._casualty_kind(first), self._casualty_kind(second)} \
            == {"killed", "injured"}

    def _casualty_kind(self, tok: Token) -> ClaimKind | None:
        """The casualty kind a verb or noun names ("قتل", "وأصيبوا", "قتيل", "وجرحى", "وجريحاً")."""
        return _lookup(tok, self.v.triggers) or _lookup(tok, self.v.kind_plural) \
            or _lookup(tok, self.v.kind_singular) or _lookup(tok, self.v.kind_dual) \
            or (self._accusative_singular(tok) if tok is not None else None)

    def _over_period(self, i: int) -> bool:
        """"خلال 5 أشهر", "على مدى ثلاثة أعوام", "خلال شهرين": over weeks, months or years;
        "قبل عامين", "قبل 3 سنوات": an event that long ago."""
        if self.tokens[i].forms[-1] not in self.v.period_openers:
            return False
        count = read_count(self.tokens, i + 1) if i + 1 < len(self.tokens) else None
        unit = self.tok(count.end if count is not None else i + 1)
        return unit is not None and _lookup(unit, self.v.periods) is not None

    def _since(self, i: int) -> bool:
        """"منذ" before a month, a named day or a year: a running total since then."""
        return "منذ" in self.tokens[i].forms and (self._since_month(i) or self._since_weekday(i)
                                                  or self._since_year(i))

    def _since_month(self, i: int) -> bool:
        """"منذ تشرين الأول الماضي", "منذ 5 آذار": since a month or a date in it."""
        return self._month_at(i + 1 + (self.tok(i + 1) is not None and self.tokens[i + 1].is_number))

    def _monday(self, i: int) -> bool:
        """"الاثنين" with the article is Monday unless it counts a dual or plural noun right
        before it ("الطفلين الاثنين", "الغارتين الاثنتين"), or stands alone ("قتل الاثنان")."""
        if not _named_weekday(self.tokens[i]):
            return False
        before = self.tok(i - 1)
        return before is None or not before.text.endswith(("ين", "ان", "تين"))

    def _month_at(self, k: int) -> bool:
        """A month's name at ``k``, or after "شهر" there ("تشرين الأول", "شهر أيلول")."""
        if (word := self.tok(k)) is not None and word.text == "شهر":
            k += 1
        return (month := self.tok(k)) is not None and not month_words().isdisjoint(month.forms)

    def _since_weekday(self, i: int) -> bool:
        """"منذ صباح الخميس", "منذ مساء يوم الأربعاء", "منذ الأحد": a running total since a
        named day, over the days of a wave of strikes ("منذ صباح اليوم", one day's, is not)."""
        for k in range(i + 1, i + 4):
            if (tok := self.tok(k)) is None:
                return False
            if not weekday_words().isdisjoint(tok.forms):
                return True
            if time_words().isdisjoint(tok.forms):
                return False
        return False

    def _since_year(self, i: int) -> bool:
        """"منذ 2011", "منذ عام 2014": since a year."""
        k = i + 1 + (self.tok(i + 1) is not None and self.tokens[i + 1].text in ("عام", "العام"))
        year = self.tok(k)
        return year is not None and year.is_number and year.text.isdigit() and 1900 <= int(year.text) <= 2100

    def _same_clause(self, cue: int, figure: int) -> bool:
        """No clause break between a cue and a figure: a break word, ";", a comma before و, and
        for a cue after its figure any comma."""
        for k in range(min(cue, figure) + 1, max(cue, figure)):
            tok = self.tokens[k]
            comma = tok.text in (",", "،")
            if tok.text in (";", "؛") or tok.text in self.v.clause_breaks or comma and cue > figure \
                    or comma and (after := self.tok(k + 1)) is not None and after.text.startswith("و"):
                return False
        return True

    def _joined_kind(self, start: int) -> ClaimKind | None:
        """"أصيب ثلاثة عناصر بالإضافة لمدنيين اثنين": joined to the figure just before, same kind."""
        prev = self.figures[-1] if self.figures else None
        if prev is None or prev.denial or start - prev.end > 2:
            return None
        between = self.tokens[prev.end:start]
        joined = not between or all(t.text in ("و", "بالاضافه", "اضافه", "الي", "جانب") for t in between)
        return prev.kind if joined else None

    def _previous_kind(self) -> ClaimKind | None:
        kinds = [f.kind for f in self.figures if f.kind != "strikes" and not f.denial]
        return kinds[-1] if kinds else None

    def _of_group(self, bounds: Bounds, j: int) -> _Figure | None:
        """"N من X": a part of X ("والقتلى هم 9 من قوات النظام") or N of X after a claim word."""
        group = self._group(j + 1, after_kind_noun=False)
        end = group[1] if group else j + 1
        before = self.tokens[max(0, bounds.start - 3): bounds.start]
        breakdown = any(_lookup(t, self.v.breakdown) for t in before) or self._continues_breakdown(bounds.start) \
            or self._opens_parts(bounds.start)
        kind = next((k for t in reversed(before) if (k := _lookup(t, self.v.triggers))), None) \
            if breakdown else None
        kind = kind or (self._previous_kind() if breakdown else None) or self._trigger_before(bounds.start) \
            or self._verb_after(end) or self._joined_kind(bounds.start)   # "قتل مدني وأربعة من جنود النظام"
        if kind is None:
            return None
        return self._figure(kind, bounds, end, group, breakdown=breakdown)

    # -- trigger-led figures ("مقتل عسكري", "مقتل طفلة ورجل") --------------------------
    def _at_trigger(self, i: int) -> _Figure | None:
        tok = self.tokens[i]
        if (pronoun := self._pronoun_victim(i)) is not None:
            return pronoun
        kind = self._trigger_kind(i)
        if kind is None:
            breakdown = _lookup(tok, self.v.breakdown) and self._previous_kind()
            if breakdown:                              # "بينهم طفلين", "هم رجلان وطفلان وامرأتان"
                return self._breakdown_chain(i + 1, breakdown)
            if self._opens_parts(i) and self._person_number(tok.forms):
                return self._breakdown_chain(i, self.figures[-1].kind)   # "مقتل 4 (طفل وامرأتان ورجل)"
            prev = self.figures[-1] if self.figures else None
            if prev and prev.breakdown and prev.end == i and tok.text.startswith("و") \
                    and read_count(self.tokens, i) is None and self._person_number(tok.forms[1:]):
                return self._breakdown_chain(i, prev.kind, joined=True)   # "بينهم 3 أطفال وسيدة"
            return self._singular_with_verb(i)
        if i > 0 and self.tokens[i - 1].text in self.v.negations:
            return None                                 # "لم يقتل أو يجرح أي مدني"
        first = j = i + 1
        between = self.v.words_before_victims.get(kind, frozenset())
        while (skip := self.tok(j)) is not None and (skip.text in ('"', "'", "الي") or (
                j - i <= 2 and _lookup(skip, between)) or (j - i <= 3 and _lookup(skip, self.v.times_before_victims))):
            first = j = j + 1                           # a quote mark, "ارتفعت حصيلة القتلى إلى عنصرين",
                                                        # "أصيب بجروح طفلان", "توفي متأثراً بجراحه طفل",
                                                        # "استشهدت اليوم طفلتان"
        if j < len(self.tokens) and (cause := self.v.cause_before_victims.at(self.tokens, j)) is not None:
            first = j = j + len(cause)                  # "وقتل في الغارة طفلان"
        if j < len(self.tokens) and (count := read_count(self.tokens, j)) is not None and (count.end > j + 1 or self.tokens[j].is_number):
            return None                                 # "قتل أحد عشر": the count path reads it
        if (joined := self._joined_after_some(kind, j)) is not None:
            return joined                               # "استشهد عدد من العسكريين ومدني"
        own = _lookup(self.tok(j), self.v.kind_dual) or _lookup(self.tok(j), self.v.kind_singular)
        needs_noun = _lookup(tok, self.v.needs_casualty_noun) is not None
        if own is None and needs_noun:
            return None                                 # "سقوط نجل الأمير عن الجواد": a fall
        if not (kind == "killed" and own == "injured" and not needs_noun):
            kind = own or kind                          # "سقوط جريحين" is injured, whatever سقوط says;
                                                        # "توفي جريحان": the wounded who died
        if self._one_of_things(j):
            return None                                 # "أصابت القذيفة أحد المنازل": a house hit
        n, end = self._person_chain(j)
        if n == 0 and _lookup(tok, self.v.active_verbs) and (k := self._past_subject(j)) is not None:
            first = k                                   # "قتلت الغارة الطفلة سارة وشقيقها"
            n, end = self._person_chain(k)
        if n == 0 and (counted := self._counted_after(j)) is not None:
            n, end = counted, j + 2                     # "وأصيب أطفالهما الثلاثة"
        if n == 0 and self._named_as_two(j):
            n, end = 2, j + 1                           # "استشهد مواطنين وهما رجل وطفله"
        if n == 0 or (n == 1 and _lookup(tok, self.v.kind_plural) and i not in self.split):
            return None                                 # "إصابات مدنية": an adjective of the plural, not one person
                                                        # ("جثة شاب" after "عثر على" is one)
        if (status := self._status_after(end)) is not None and status[0] == kind:
            end = status[1]                             # "قضى طفلان شهيدين": one figure
        bounds = Bounds(n, n, first, end)
        if (past := at_least_after(self.tokens, end)) is not None:
            bounds = Bounds(n, None, first, past, "على الأقل")    # "مقتل شخصين على الأقل"
        group = self._group(first, after_kind_noun=False)
        return self._figure(kind, bounds, max(end, group[1] if group else end), group)

    def _joined_persons(self, i: int) -> _Figure | None:
        """"قتل 7 مدنيين وعنصران من الجيش", "أصيب 3 عناصر ومدني": singular or dual victim nouns
        of the other side (civilians after fighters, or the reverse) joined by و right after a
        figure are one more figure of its kind. Victims of the same side ("4 أطفال وامرأة") add
        to the figure before (``_with_previous``)."""
        prev = self.figures[-1] if self.figures else None
        if prev is None or prev.end != i or prev.denial or prev.kind == "strikes" or prev.breakdown \
                or prev.group_kind == "unknown" or not self.tokens[i].text.startswith("و") \
                or self.tokens[i].text in ("واحد", "واحده") \
                or any(_lookup(t, self.v.described_after) for t in self.tokens[prev.bounds.start:i + 1]):
            return None                                 # "مواطنين وهما رجل وطفله": who they were, no more victims
        n, end = self._person_chain(i, joined=True)
        if n == 0:
            return None
        figure = self._figure(prev.kind, Bounds(n, n, i, end), end, self._group(i, after_kind_noun=False) or (i, end))
        if figure.group_kind == prev.group_kind and n == 1 and (prev.bounds.min or 0) >= 11:
            return None                                 # "إحدى عشرة امرأة وطفلة": one counted pair of nouns
        return figure if figure.group_kind != "unknown" else None

    def _joined_after_some(self, kind: ClaimKind, j: int) -> _Figure | None:
        """"استشهد عدد من العسكريين ومدني", "أصيب عدد من الجنود ومدنيان": an uncounted group
        ("عدد من" and its noun), then persons of the other side joined by و: those are counted."""
        some, of = self.tok(j), self.tok(j + 1)
        if some is None or of is None or some.text != "عدد" or of.text != "من" or self.tok(j + 2) is None:
            return None
        uncounted = self._group_kind((j + 2, j + 3))
        for k in range(j + 3, min(j + 6, len(self.tokens))):
            tok = self.tokens[k]
            if _is_punct(tok):
                return None
            if tok.text.startswith("و") and self._person_number(tok.forms[1:]):
                n, end = self._person_chain(k, joined=True)
                figure = self._figure(kind, Bounds(n, n, k, end), end, self._group(k, after_kind_noun=False) or (k, end))
                return figure if n and figure.group_kind not in ("unknown", uncounted) else None
        return None

    def _person_chain(self, j: int, joined: bool = False) -> tuple[int, int]:
        """Persons named one by one from ``tokens[j]``, joined by و (or by مع before the first
        person's own kin: "امرأة مع أطفالها الثلاثة" = 4), each noun maybe followed by a
        name, a description and an age ("الطفل أحمد الخالد (12 عاماً) والشاب محمد العلي" = 2).
        Returns the count and the token after the chain."""
        n, side, first_kind = 0, None, None
        while (tok := self.tok(j)) is not None:
            conjoined = n > 0 or joined
            if conjoined and self._one_after_noun(j):
                j += 1                                  # "مدني واحد وطفلان": the "one" of the noun before
                continue
            forms = tok.forms
            if conjoined:
                if tok.text == "مع" and self._kin_after(j + 1):
                    j += 1                              # "قتلت امرأة مع أطفالها الثلاثة": with her own
                    forms = self.tokens[j].forms
                elif tok.text.startswith("و"):
                    forms = tok.forms[1:]
                else:
                    break
            if _named_weekday(self.tokens[j]):
                break                                   # "قتل القصف الأحد ...": Sunday, not "one"
            number = self._person_number(forms)
            casualty = self._casualty_kind(self.tokens[j])
            if n == 0:
                first_kind = casualty
            elif casualty is not None and first_kind is not None and casualty != first_kind:
                break                                   # "قتيلين وجريح واحد": two dead, one wounded
            if not number and conjoined and (counted := self._counted_after(j)) is not None:
                n, j = n + counted, j + 2               # "رجل وزوجته وأطفالهما الأربعة" = 6
                continue
            if not number:
                break
            kind = self._person_side(forms)
            if side is not None and {side, kind} == {"civilians", "fighters"}:
                break                                   # "قتل طفل وعنصر من الفصائل": two sides, two figures
            side = side or (kind if kind != "unknown" else None)
            n, j = n + number, self._past_name(j + 1)
        return n, j

    def _person_side(self, forms: tuple[str, ...]) -> GroupKind:
        """The side a victim noun names ("طفل", "عنصراً", "زوجته"), "unknown" if none."""
        entry = self._victim_entry(forms)
        return entry[0] if entry else "unknown"

    def _victim_entry(self, forms: tuple[str, ...]) -> tuple[GroupKind, int | None] | None:
        """What the victim nouns hold for a word ("طفل"), its accusative ("عنصراً") or the word
        with its possessive suffix off ("زوجته")."""
        return next((self.v.victims[f] for f in forms if f in self.v.victims), None) \
            or next((self.v.victims[f[:-1]] for f in forms if f.endswith("ا") and f[:-1] in self.v.victims), None) \
            or self._suffixed_victim(forms)

    def _kin_after(self, j: int) -> bool:
        """A victim noun with a possessive suffix at ``j`` ("زوجته", "أطفالها", "طفليه"): the
        victim's own kin, which "مع" adds to the victims ("مع عناصر" does not)."""
        tok = self.tok(j)
        return tok is not None and self._suffixed_victim(tok.forms) is not None

    def _suffixed_victim(self, forms: tuple[str, ...]) -> tuple[GroupKind, int | None] | None:
        """What the victim nouns hold for a form with its possessive suffix off ("أطفالهما" ->
        "أطفال", "والدته" -> "والدة")."""
        return next((self.v.victims[b] for f in forms if (b := _without_suffix(f)) != f
                     and b in self.v.victims), None)

    def _one_after_noun(self, j: int) -> bool:
        """"طفل واحد", "مدنياً واحداً" (one child, one civilian) and "طفل وأحد عناصر الدفاع" (a child and one of the rescuers)
        fold alike: "one" unless people follow it."""
        if self.tokens[j].text not in ("واحد", "واحده", "واحدا"):
            return False
        after = self.tok(j + 1)
        if after is None or after.text.startswith("و"):
            return True
        forms = after.forms + tuple(map(_without_suffix, after.forms))
        return not any(f in self.v.victims or f in self.v.kind_plural for f in forms)

    def _past_name(self, j: int) -> int:
        """The token after a victim's name, description and age ("أحمد الخالد"، "(12 عاماً)"،
        "، 30 عاماً،"، "البالغ من العمر 30 عاماً"); ``j`` when none follows."""
        words = 0
        while (tok := self.tok(j)) is not None:
            if tok.text == "(":
                close = next((k for k in range(j + 1, min(j + 8, len(self.tokens))) if self.tokens[k].text == ")"), None)
                if close is None:
                    break
                j = close + 1
                continue
            if tok.text in (",", "،") and (age := self._age_end(j + 1)) is not None:
                j = age + (1 if (after := self.tok(age)) is not None and after.text in (",", "،") else 0)
                continue
            if _lookup(tok, self.v.age_openers):
                age = next((self._age_end(k) for k in range(j + 1, min(j + 5, len(self.tokens)))
                            if self.tokens[k].is_number), None)
                if age is None:
                    break
                j = age
                continue
            if words == 4 or not tok.text[0].isalpha() or tok.text.startswith("و") or self._ends_name(j):
                break
            words, j = words + 1, j + 1
        return j

    def _age_end(self, k: int) -> int | None:
        """The token after an age ("12 عاماً") starting at ``tokens[k]``, else None."""
        count = read_count(self.tokens, k)
        if count is None or not _lookup(self.tok(count.end), self.v.age_units):
            return None
        return count.end + 1

    def _ends_name(self, j: int) -> bool:
        """A word no name or description holds: a function word, a claim word, a count, a plural."""
        tok = self.tokens[j]
        victim = _lookup(tok, self.v.victims)
        return bool(tok.text in self.v.name_stops or _lookup(tok, self.v.triggers) or _lookup(tok, self.v.speech_verbs)
                    or victim and victim[1] is None or read_count(self.tokens, j) is not None
                    or _lookup(tok, self.v.verbs_after) or _lookup(tok, self.v.breakdown)
                    or _lookup(tok, self.v.kind_plural) or _lookup(tok, self.v.kind_singular)
                    or _lookup(tok, self.v.kind_dual))

    def _past_subject(self, j: int) -> int | None:
        """Where the victims of an active claim verb start, past its subject ("قتلت الغارة
        الإسرائيلية الطفلة"); None when a possessed thing ("منزل المواطن") or a stop comes first."""
        for k in range(j, min(j + self.v.active_reach + 1, len(self.tokens))):
            tok = self.tokens[k]
            if k > j and self._person_number(tok.forms):
                return None if self._one_of_things(k) else k
            if (victim := _lookup(tok, self.v.victims)) and victim[1] is None and victim[0] != "fighters":
                return None                             # "يقتل أطفال سوريا": plural victims, no count
                                                        # (but "قتل جنود الاحتلال طفلاً": the killers)
            if not tok.text[0].isalpha() or tok.text.startswith("و") or _lookup(tok, self.v.object_stops) \
                    or tok.text in self.v.name_stops or _lookup(tok, self.v.triggers) \
                    or read_count(self.tokens, k) is not None:
                return None
        return None

    def _one_of_things(self, j: int) -> bool:
        """"أحد المنازل", "إحدى السيارات", "أحد مدارجه": one of some things, no person."""
        one, thing = self.tok(j), self.tok(j + 1)
        return one is not None and thing is not None and not _ONE_OF.isdisjoint(one.forms) \
            and any(f in self.v.object_stops or _without_suffix(f) in self.v.object_stops for f in thing.forms)

    def _counted_after(self, j: int) -> int | None:
        """A plural victim noun followed by a definite number word: "أطفالهما الثلاثة" = 3."""
        tok, nxt = self.tok(j), self.tok(j + 1)
        if tok is None or nxt is None or not nxt.text.startswith("ال"):
            return None
        victim = _lookup(tok, self.v.victims) or self._suffixed_victim(tok.forms)
        numbers = lexicon_numbers()
        value = numbers.units.get(nxt.text[2:]) or numbers.tens.get(nxt.text[2:])
        return value if victim and victim[1] is None and isinstance(value, int) and value > 1 else None

    def _named_as_two(self, j: int) -> bool:
        """An -ين victim noun (dual or plural) that "هما" names: two persons."""
        tok = self.tok(j)
        victim = _lookup(tok, self.v.victims)
        if not victim or victim[1] is not None or not any(f.endswith("ين") for f in tok.forms):
            return False
        for k in range(j + 1, min(j + 8, len(self.tokens))):
            if _is_punct(self.tokens[k]):
                return False
            if _lookup(self.tokens[k], self.v.dual_pronouns):
                return True
        return False

    def _pronoun_victim(self, i: int) -> _Figure | None:
        """"ما تسبب بمقتله" (1), "أدى لإصابتهما" (2): a claim noun whose victim is a pronoun,
        unless the sentence already counted the victims it points at; with his or her own kin
        after "مع" ("لمقتله مع زوجته وأطفاله الستة": 8)."""
        found = _lookup(self.tokens[i], self.v.pronoun_triggers)
        if found is None or not self._pronoun_is_victim(i):
            return None
        kind, number = found
        if any(f.kind != "strikes" for f in self.figures):
            self._died_of_wounds(kind, number)
            return None
        end = i + 1
        if (nxt := self.tok(end)) is not None and nxt.text == "مع" and self._kin_after(end + 1):
            kin, after = self._person_chain(end, joined=True)   # "لمقتله مع زوجته وأطفاله الستة" = 8
            number, end = number + kin, after if kin else end
        return self._figure(kind, Bounds(number, number, i, end), end, None)

    def _pronoun_is_victim(self, i: int) -> bool:
        """The claim noun at ``i`` is glued to a preposition or follows an opener ("أدى
        لمقتله", "ما تسبب بمقتله"), with no blocker around it."""
        tok, prev, nxt = self.tokens[i], self.tok(i - 1), self.tok(i + 1)
        glued = tok.text.lstrip("وف")[:1] in ("ل", "ب")
        if not glued and not _lookup(prev, self.v.pronoun_openers):
            return False                                # "استهداف الموقع وإصابته إصابة مباشرة": a target
        return not (_lookup(prev, self.v.pronoun_blockers_before) or _lookup(nxt, self.v.pronoun_blockers_after)
                    or nxt is not None and (nxt.is_number or self._person_number(nxt.forms)))

    def _died_of_wounds(self, kind: ClaimKind, number: int) -> None:
        """"أصيب شاب بشظايا، ما أدى لوفاته": the victims just counted as hit died of it; the
        sentence's last figure, injured and of the pronoun's number, is a death."""
        last = self.figures[-1]
        if kind == "killed" and last.kind == "injured" and not last.denial and not last.breakdown \
                and last.bounds.min == last.bounds.max == number:
            self.figures[-1] = replace(last, kind="killed")

    def _breakdown_chain(self, j: int, kind: ClaimKind, joined: bool = False) -> _Figure | None:
        """Each singular or dual after a breakdown cue is its own part ("ثلاثة أطفال وسيدة")."""
        parts: list[_Figure] = []
        while (tok := self.tok(j)) is not None:
            if (parts or joined) and not tok.text.startswith("و"):
                break
            if parts and read_count(self.tokens, j) is not None:
                break
            number = self._person_number(tok.forms[1:] if parts or joined else tok.forms)
            if not number:
                break
            group = (j, self._force_end(j + 1) or j + 1)   # "عضوان في قوى الأمن الداخلي": their force
            parts.append(self._figure(kind, Bounds(number, number, j, j + 1), group[1], group, breakdown=True))
            j = self._past_name(group[1])
        if not parts:
            return None
        self.figures.extend(parts[:-1])
        return parts[-1]

    def _singular_with_verb(self, i: int) -> _Figure | None:
        """"إن مدنياً استشهد", "إن شخصاً على الأقل قتل", "لشاب قتل بقصف", "خلف القصف قتيلين", a
        title opening "شهيد ...",
        "الطفل أحمد الخالد (12 عاماً) والشاب محمد العلي استشهدا"."""
        tok = self.tokens[i]
        if i > 0 and self.tokens[i - 1].is_number:
            return None
        dual = _lookup(tok, self.v.kind_dual)
        if dual is not None and not (dual == "strikes" and any(f in self.v.needs_air for f in tok.forms)):
            return self._figure(dual, Bounds(2, 2, i, i + 1), i + 1, None)
        if (single := _lookup(tok, self.v.kind_singular)) is not None:
            n, last = self._with_kin(i)                 # "شهيدة وطفلها وثلاثة جرحى": 2 dead
            if i == 0 or self._paired(i, single) or last > i and self._paired(last, single):
                return self._figure(single, Bounds(n, n, i, last + 1), last + 1, None)
        if (single := self._accusative_singular(tok)) is not None and self._paired(i, single):
            return self._figure(single, Bounds(1, 1, i, i + 1), i + 1, None)
        victim = _lookup(tok, self.v.victims)
        accusative = any(f.endswith("ا") and self.v.victims.get(f[:-1], (None, None))[1] == 1 for f in tok.forms)
        if victim is None and accusative and self._person_number(tok.forms) == 1:
            victim = self._victim_entry(tok.forms)      # "إن رجلاً وابنه قُتلا": the accusative after إنّ
        if not victim or not (victim[1] or accusative):
            return None                                 # a casualty adjective ("طفلة مصابة قتل") is no subject
        if victim[0] == "unknown" and not accusative:   # "الحرس الإيراني يعلن قتل": no name after a nationality
            n, end = (victim[1], i + 1) if victim[1] else (0, i)
        else:
            n, end = self._person_chain(i)
        if n == 0:
            return None
        past = at_least_after(self.tokens, end)         # "إن شخصاً على الأقل قتل"
        verb_at = self._to_verb(end if past is None else past)
        verb = self.tok(verb_at)
        kind = _lookup(verb, self.v.verbs_after) if verb is not None and not verb.text.startswith("و") else None
        if kind is None and verb is not None and self._victims_of_attack(verb_at):
            return self._figure("killed", Bounds(n, n, i, end), verb_at + 1, (i, i + 1))
        after = self.tok(verb_at + 1)
        if kind is None or after is not None and (after.is_number or self._person_number(after.forms)):
            return None                                 # "الجندي قتل طفلاً": the noun is the killer
        bounds = Bounds(n, n, i, end) if past is None else Bounds(n, None, i, past, "على الأقل")
        return self._figure(kind, bounds, verb_at + 1, (i, i + 1))

    def _definite_count(self, i: int, count: Count) -> _Figure | None:
        """"الأشخاص الثلاثة الذين قضوا ..." (the three who died), "القتلى الخمسة": a definite
        count after its definite victim or casualty noun, its verb in a relative clause or the
        noun itself the casualty; "... هم عناصر في هيئة تحرير الشام" later in the sentence
        says who they were."""
        noun, word = self.tok(i - 1), self.tokens[i]
        if noun is None or not noun.text.startswith("ال") or not word.text.startswith("ال") or word.is_number \
                or any(f.bounds.start <= i - 1 < f.end for f in self.figures):
            return None
        kind = _lookup(noun, self.v.kind_plural)
        end = count.end
        if kind is None:
            if not _lookup(noun, self.v.victims):
                return None
            rel, verb = self.tok(end), self.tok(end + 1)
            if rel is None or rel.text not in _RELATIVES or verb is None:
                return None
            kind, end = _lookup(verb, self.v.verbs_after), end + 2
            if kind is None:
                return None
        return self._figure(kind, Bounds(count.min, count.max, i - 1, count.end), end, self._identity_after(end) or (i - 1, i))

    def _identity_after(self, j: int) -> tuple[int, int] | None:
        """"... هم عناصر في ...", "وهم من المدنيين": who the victims counted before were, said
        later in their sentence."""
        for k in range(j, len(self.tokens) - 1):
            if self.tokens[k].text in ("هم", "وهم"):
                at = k + 2 if self.tokens[k + 1].text == "من" else k + 1
                named = self.tok(at)
                return (at, at + 1) if named is not None and _lookup(named, self.v.group_words) else None
        return None

    def _victims_of_attack(self, j: int) -> bool:
        """"ضحايا غارة", "ضحية قصف": the persons before were killed by the attack named after."""
        nxt = self.tok(j + 1)
        return self.tokens[j].text in self.v.victims_of and nxt is not None \
            and not self.v.attack_nouns.isdisjoint(nxt.forms)

    def _to_verb(self, j: int) -> int:
        """Past a singular victim's adjectives to its verb: "مدنياً سورياً أصيب", "رجلاً مسناً قد
        قتل", "مواطناً سورياً غير متورط قد أصيب" (up to ``VICTIM_ADJECTIVES`` words)."""
        for _ in range(VICTIM_ADJECTIVES):
            tok, nxt = self.tok(j), self.tok(j + 1)
            if tok is None or _lookup(tok, self.v.verbs_after):
                break
            if tok.text == "قد" or tok.text in _RELATIVES_ONE:
                j += 1                                  # "الطفل أحمد الخالد الذي استشهد"
            elif tok.text in _COMMAS and nxt is not None and nxt.text in _RELATIVES_ONE:
                j += 2                                  # "الشاب أنس الديري، الذي ارتقى"
            elif tok.text == "غير" and nxt is not None and nxt.text[0].isalpha():
                j += 2                                  # "غير متورط", "غير مسلح"
            elif tok.text[0].isalpha() and not tok.text.startswith("و") and tok.text.endswith(("ا", "ي", "يه")) \
                    and read_count(self.tokens, j) is None and not _lookup(tok, self.v.triggers):
                j += 1                                  # an accusative or nisba adjective
            else:
                break
        return j

    def _with_kin(self, i: int) -> tuple[int, int]:
        """A singular casualty noun and the persons joined to it by و ("شهيدة وطفلها", "شهيد
        وزوجته وابنه"): how many, and the index of the last; a casualty noun or a count ends it."""
        n, last = 1, i
        while (nxt := self.tok(last + 1)) is not None and nxt.text.startswith("و") and len(nxt.text) > 1 \
                and self._casualty_kind(nxt) is None and read_count(self.tokens, last + 1) is None \
                and (k := self._person_number(nxt.forms[1:])):
            n, last = n + k, last + 1
        return n, last

    def _accusative_singular(self, tok: Token) -> ClaimKind | None:
        """The kind of a singular casualty noun in the accusative ("قتيلاً", "وجريحاً")."""
        return next((self.v.kind_singular[f[:-1]] for f in tok.forms
                     if f.endswith("ا") and f[:-1] in self.v.kind_singular), None)

    def _paired(self, i: int, kind: ClaimKind) -> bool:
        """A singular casualty noun joined by و to a casualty word of the other kind is one
        casualty: "خلّف القصف قتيلاً وجريحين", "سقط قتيل و3 جرحى", "قتيلين وجريحاً" (not the
        "وجريحاً" of "15 قتيلاً وجريحاً" or "12 ألف قتيل وجريح", counts of both, nor "بين قتيل
        وجريح")."""
        nxt, prev = self.tok(i + 1), self.tok(i - 1)
        if prev is not None and prev.text == "بين":
            return False                                # "7 مدنيين بين قتيل وجريح": killed or injured
        last = i + 1 if nxt is not None and self._noun_modifier(nxt) else i   # "قتيل مدني وجريحان"
        if (opening := self.tok(last + 1)) is not None and opening.text == "(":   # "شهيد واحد (سائق تكسي) و5 إصابات"
            last = next((k for k in range(last + 2, min(last + 9, len(self.tokens))) if self.tokens[k].text == ")"), last)
        nxt = self.tok(last + 1)
        if nxt is not None and nxt.text.startswith("و"):
            first = last + 2 if nxt.text == "و" else last + 1     # "و5 جرحى" is two tokens
            count = read_count(self.tokens, first) if first < len(self.tokens) else None
            noun = self.tok(count.end) if count is not None else nxt
            if self._casualty_kind(noun) not in (None, kind, "strikes"):
                return True
        before = i - 2 if i > 1 and prev is not None and self._noun_modifier(prev) else i - 1   # "قتيلة مدنية وجريحاً"
        return self.tokens[i].text.startswith("و") and before >= 0 \
            and self._casualty_kind(self.tokens[before]) not in (None, kind, "strikes") \
            and not (before > 0 and self.tokens[before - 1].text == "بين") \
            and not any(f.bounds.start < before < f.end for f in self.figures)   # "12 ألف قتيل وجريح"

    def _noun_modifier(self, tok: Token) -> bool:
        """An adjective a singular casualty noun takes before "و": "واحد", or the side the
        casualty is of ("مدني", "عسكرية")."""
        return tok.text in _ONE or not tok.text.startswith("و") and self._casualty_kind(tok) is None \
            and self._person_number(tok.forms) == 1

    def _person_number(self, forms: tuple[str, ...]) -> int | None:
        """1 or 2 for a singular or dual victim or casualty noun ("عسكري", "طفلين", "قتيل"),
        also with a possessive suffix ("طفلها", "والدته", "طفليها")."""
        for form in forms + tuple(_without_suffix(f) for f in forms):
            if form in self.v.victims and self.v.victims[form][1]:
                return self.v.victims[form][1]
            if form.endswith("ا") and self.v.victims.get(form[:-1], (None, None))[1] == 1 \
                    and (self.v.victims[form[:-1]][0] != "unknown" or not form.endswith("يا")):
                return 1                                # "قتلت الغارة رجلاً وطفلاً", "شخصاً" (not
                                                        # "سوريا", the country: a nisba of no side)
            if form in self.v.kind_singular:
                return 1
            if form in self.v.kind_dual:
                return 2
        return None

    # -- denials -------------------------------------------------------------------------
    def _denials(self) -> None:
        seen: set[ClaimKind] = set()
        for i in lexicon.positions(self.v.denial_heads, self.tokens):   # a phrase or cue starts nowhere else
            said = self.v.denial_phrases.at(self.tokens, i)
            group = self._phrase_group(i, i + len(said)) if said is not None else None
            for kind in self.v.denial_phrase_kinds[said] if said is not None else ():
                if kind not in seen:            # "اقتصرت الأضرار على الماديات", "لم يصب أحد بأذى"
                    seen.add(kind)
                    self.figures.append(_Figure(kind, Bounds(0, 0, i, i + len(said)), i + len(said),
                                                group, self._group_kind(group), denial=True))
            cue = self.v.denial_cues.at(self.tokens, i)
            if cue is None:
                continue
            # From the cue's second word: "دون وقوع" is a cue and "وقوع جرحى" a denied phrase.
            for k in range(i + 1, min(len(self.tokens), i + len(cue) + self.v.denial_reach)):
                phrase = self.v.denials.at(self.tokens, k)
                if phrase is None:
                    continue
                if any(_lookup(t, self.v.no_report) for t in self.tokens[i:k]):
                    break                               # "دون أنباء عن وقوع إصابات": nothing known yet
                kinds = self.v.denial_kinds[phrase]
                end = k + len(phrase)
                group = self._phrase_group(k, end)      # "خسائر بين المدنيين", "ضحايا من المدنيين"
                for kind in kinds:
                    if kind not in seen:
                        seen.add(kind)
                        self.figures.append(_Figure(kind, Bounds(0, 0, i, end), end, group,
                                                    self._group_kind(group), denial=True))
                break

    def _phrase_group(self, start: int, end: int) -> tuple[int, int] | None:
        """Whose casualties a whole denying phrase speaks of: its own victim word ("لم يصب أي
        مدني"), else the words right after it ("لم يصب أحد من المدنيين", "بين المدنيين")."""
        own = next((k for k in range(start, end) if _lookup(self.tokens[k], self.v.group_words)), None)
        if own is not None:
            return own, own + 1
        after = self.tok(end)
        if after is not None and after.text == "من" and (named := self.tok(end + 1)) is not None \
                and _lookup(named, self.v.group_words):
            return end + 1, end + 2
        return self._denied_group(end)

    def _denied_group(self, end: int) -> tuple[int, int] | None:
        """Whose casualties a denial speaks of, right after its phrase: "في صفوف القوات" (none
        among the forces; the civilians are not spoken of), "بين المدنيين", or the victim word
        itself ("ضحايا مدنيين")."""
        ranks = self._in_ranks(end)
        if ranks is not None:
            return (ranks, ranks + 1) if ranks < len(self.tokens) else None
        at = end + 1 if (tok := self.tok(end)) is not None and tok.text == "بين" else end
        named = self.tok(at)
        return (at, at + 1) if named is not None and _lookup(named, self.v.group_words) else None

    # -- groups ----------------------------------------------------------------------------
    def _group(self, j: int, after_kind_noun: bool) -> tuple[int, int] | None:
        """Victims as written: a victim noun and its "من ..." complement, up to 6 words."""
        start = j
        if after_kind_noun:
            ranks = self._in_ranks(j)
            if ranks is None and (self.tok(j) is None or self.tokens[j].text != "من"):
                entry = self._victim_entry(self.tokens[j].forms) if self.tok(j) is not None else None
                # "ستة جرحى مدنيين", "قتيلان عسكريان": the noun after says whose casualties;
                # "8 جرحى آخرين": of the kind of the victims before
                return (j, j + 1) if entry is not None and (
                    entry[0] != "unknown" or _lookup(self.tokens[j], self.v.victims_like_before)) else None
            start = ranks if ranks is not None else j + 1   # "15 قتيلاً في صفوف قوات النظام"
        while start < len(self.tokens) and self.tokens[start].text in _QUOTES:
            start += 1                                  # 'قتيلان من "حراس الدين"', '6 من "قسد"'
        end = start
        while end < len(self.tokens) and end - start < 6:
            tok = self.tokens[end]
            if end > start and tok.text in _QUOTES:
                end += 1                                # 'قتيلان من "حراس الدين"': a name in quotes
                continue
            if end > start and (ranks := self._in_ranks(end)) is not None:
                end = ranks                             # "عضوان في قوى الأمن الداخلي": their force
                continue
            if _is_punct(tok) or (end > start and (
                    _lookup(tok, self.v.triggers) or end in self.split or _lookup(tok, self.v.verbs_after)
                    or tok.text in self.v.group_stops or tok.is_number
                    or self.v.agent_phrases.at(self.tokens, end) is not None
                    or _lookup(tok, self.v.breakdown) or self._kind_noun(end) is not None
                    or read_count(self.tokens, end) is not None
                    or tok.text.startswith("و") and (self._person_number(tok.forms[1:]) or tok.text[1:] in _COUNT_LABELS)
                    or self._other_victims(start, tok))):
                break
            end += 1
        return (start, end) if end > start else None

    def _force_end(self, j: int) -> int | None:
        """After a victim, "في" + an armed force ("في قوى الأمن", "في الشرطة المحلية") at ``j``:
        the token after the force's first word, else None."""
        ranks = self._in_ranks(j)
        if ranks is None or ranks >= len(self.tokens):
            return None
        return ranks + (2 if self.tokens[ranks].text in self.v.rank_openers else 1)

    def _in_ranks(self, j: int) -> int | None:
        """"في صفوف X" or "في" + an armed force ("في قوات النظام", "في الأمن العام") at ``j``:
        the victims' force, whose name follows; the index of that name, else None."""
        tok = self.tok(j)
        if tok is None or tok.text != "في" or (after := self.tok(j + 1)) is None:
            return None
        if after.text == "صفوف":
            return j + 2 if self.tok(j + 2) is not None else None
        # The force's name right after "في", a quote or "قوى" ('في "قسد"', "في قوى الأمن");
        # "في قصف للنظام" is the attack the victims fell in, not their ranks.
        k = j + 2 if after.text in _QUOTES or after.text in self.v.rank_openers else j + 1
        t = self.tok(k)
        force = t is not None and (_lookup(t, self.v.group_words) == "fighters" or self.v.armed_groups.at(self.tokens, k))
        return j + 1 if force else None

    def _other_victims(self, start: int, tok: Token) -> bool:
        """"مدنية وعسكريين اثنين": victims of another kind joined by و start another group."""
        if not tok.text.startswith("و"):
            return False
        joined = next((self.v.victims[f[1:]] for f in tok.forms if f.startswith("و") and f[1:] in self.v.victims), None)
        head = _lookup(self.tokens[start], self.v.victims)
        return joined is not None and head is not None and "unknown" not in (joined[0], head[0]) \
            and joined[0] != head[0]

    def _suffixed_group_word(self, token: Token) -> GroupKind | None:
        """A group word with a possessive suffix: "أفراد عائلتها", "أطفالهم"."""
        return next((self.v.group_words[b] for f in token.forms if (b := _without_suffix(f)) != f
                     and b in self.v.group_words), None)

    def _group_kind(self, group: tuple[int, int] | None) -> GroupKind:
        if group is None:
            return "unknown"
        head = self._victim_entry(self.tokens[group[0]].forms)
        body_end = group[1] + 2 if self.tok(group[1]) is not None and self.tokens[group[1]].text in ("في", "ضمن") \
            else group[1]
        if any(self.v.civilian_bodies.at(self.tokens, k) for k in range(group[0], min(body_end, len(self.tokens)))):
            return "civilians"                          # "عناصر الدفاع المدني", "عنصر في الدفاع المدني": rescuers
        seen = {k for t in self.tokens[group[0]: group[1]]
                if (k := _lookup(t, self.v.group_words) or self._suffixed_group_word(t))}
        if head and head[0] == "civilians" and (nxt := self.tok(group[0] + 1)) is not None and group[0] + 1 < group[1] \
                and (_lookup(nxt, self.v.group_words) == "fighters" or self._person_side(nxt.forms) == "fighters"):
            return "civilians"                          # "نجل قيادي في الهيئة", "زوجة عنصر": a fighter's kin
        if "fighters" in seen and any(_lookup(t, self.v.former) for t in self.tokens[group[0]: group[1]]):
            return "civilians"                          # "عنصر سابق في جيش الإسلام": a fighter no more
        if "fighters" in seen and self._fighters_kin(group):
            return "civilians"                          # "طفلاً ونساء من عوائل عناصر التنظيم"
        if "fighters" in seen or any(self.v.armed_groups.at(self.tokens, k) for k in range(group[0], group[1])):
            return "fighters"
        if head and head[0] != "unknown":
            return head[0]
        if "civilians" in seen:
            return "civilians"
        if head and head[0] == "unknown" and self.figures \
                and any(_lookup(t, self.v.victims_like_before) for t in self.tokens[group[0]: group[1]]):
            # "آخرون": like the victims before, if one kind; "شخص" after civilians is not said to be one
            kinds = {f.group_kind for f in self.figures if f.kind != "strikes" and not f.denial}
            return kinds.pop() if len(kinds) == 1 else "unknown"
        return "unknown"

    def _fighters_kin(self, group: tuple[int, int]) -> bool:
        """A kin word comes before the group's first fighters word ("من عوائل عناصر التنظيم")."""
        for t in self.tokens[group[0]: group[1]]:
            if _lookup(t, self.v.group_words) == "fighters":
                return False
            if not self.v.kin_of.isdisjoint(t.forms):
                return True
        return False

    def _figure(self, kind: ClaimKind, bounds: Bounds, end: int, group: tuple[int, int] | None,
                breakdown: bool = False) -> _Figure:
        group_kind: GroupKind = "unknown" if kind == "strikes" else self._group_kind(group)
        if group_kind != "fighters" and kind != "strikes" and self._described_as_fighters(end):
            group_kind = "fighters"
        elif group_kind == "unknown" and kind != "strikes" and self._of_an_armed_group(end):
            group_kind = "fighters"
        return _Figure(kind, bounds, end, None if kind == "strikes" else group, group_kind, breakdown)

    def _described_as_fighters(self, end: int) -> bool:
        """"ومقتل سائقها على الفور، وهو قيادي في التنظيم": a description opened by a pronoun
        within a few words of the figure, whose first words name fighters (not former ones)."""
        for i in range(end, min(end + 5, len(self.tokens))):
            if _lookup(self.tokens[i], self.v.described_after):
                words = self.tokens[i + 1: i + 4]
                return any(_lookup(t, self.v.group_words) == "fighters" for t in words[:2]) \
                    and not any(_lookup(t, self.v.former) for t in words)
        return False

    def _of_an_armed_group(self, end: int) -> bool:
        """"قتيلان من "حراس الدين"", "ثلاثة من الحشد الشعبي": victims counted as members of an
        armed group or militia of the actor catalog (``data/actors.json``)."""
        if end >= len(self.tokens) or "من" not in self.tokens[end].forms:
            return False
        i = end + 1
        while i < len(self.tokens) and _is_punct(self.tokens[i]):
            i += 1
        return i < len(self.tokens) and self.v.armed_groups.at(self.tokens, i) is not None

    def sentence_group_kind(self) -> GroupKind:
        """Who the sentence is about when a figure names no victims."""
        # "5 قتلى بينهم عنصران": fighters among the victims do not make them all fighters
        # (children among them do say who they are).
        aside = self._breakdown_asides()
        # "قتل 5 ... فيما لم يرصد سقوط ضحايا مدنيين": the side a denial spares is not the victims'
        denied = {k for f in self.figures if f.denial
                  for k in range(f.bounds.start, max(f.end, f.group[1] if f.group else 0))}
        attackers = self._attackers()
        seen = {k for i, t in enumerate(self.tokens)
                if (k := _lookup(t, self.v.sentence_words)) and not (i in aside and k == "fighters") and i not in denied
                and i not in self.names and i not in attackers}
        if len(seen) == 1:
            return seen.pop()
        return "unknown"

    def _attackers(self) -> set[int]:
        """The words naming who attacked: up to four after an attacker opener ("هجوم نفذه
        مسلحون", "برصاص مسلحين مجهولين") or an agent phrase ("على يد مسلحين"), before any
        punctuation."""
        out: set[int] = set()
        for i, tok in enumerate(self.tokens):
            start = i + 1 if _lookup(tok, self.v.attacker_openers) else \
                i + len(phrase) if (phrase := self.v.agent_phrases.at(self.tokens, i)) is not None else None
            if start is None:
                continue
            for k in range(start, min(start + ATTACKER_WORDS, len(self.tokens))):
                if _is_punct(self.tokens[k]):
                    break
                out.add(k)
        return out

    def _breakdown_asides(self) -> set[int]:
        """Tokens from a breakdown word ("بينهم", "منهم") to the end of its phrase (punctuation, or
        a word that goes on with the event: "في", "جراء"), and the groups of breakdown figures:
        "بينهم عنصر من قسد"، "بينهم عناصر من فصيل الحمزات"."""
        out = {k for f in self.figures if f.breakdown and f.group for k in range(*f.group)}
        for i, tok in enumerate(self.tokens):
            if _lookup(tok, self.v.breakdown):
                k = i
                while k < len(self.tokens) and not _is_punct(self.tokens[k]) \
                        and not (k > i and _lookup(self.tokens[k], self.v.count_followers)):
                    out.add(k)
                    k += 1
        return out

    def toll_stage(self) -> TollStage | None:
        for i in lexicon.positions(self.v.stage_heads, self.tokens):    # a phrase starts nowhere else
            if self.v.updated.at(self.tokens, i):
                return "updated"
            if self.v.initial.at(self.tokens, i):
                return "initial"
        return None


def find_claims(folded: Folded, sentences: list[Span], outlet: str | None,
                title_span: Span | None = None, tokens: list[Token] | None = None,
                names: Iterable[Span] = ()) -> tuple[Claim, ...]:
    """Claims of a document, sentence by sentence, each with its source; ``tokens`` are
    ``tokenize(folded.text)`` when the caller has them already; ``names``: the spans of the
    place names found in the text, whose words say nothing of who the victims were."""
    text = folded.original
    if tokens is None:
        tokens = tokenize(folded.text)
    speakers = Speakers()
    lines: list[tuple[Span, list[Token]]] = []
    in_names: list[frozenset[int]] = []   # per sentence, its tokens inside a place name
    # Each token's original start (non-decreasing): a sentence's tokens found by bisection.
    starts = list(map(folded.index.__getitem__, map(_start_of, tokens)))
    inside = set(_inside(starts, sorted(names)))
    t = 0
    for sent_start, sent_end in sentences:
        t = bisect_left(starts, sent_start, t)
        u = bisect_left(starts, sent_end, t)
        if u > t:
            lines.append(((sent_start, sent_end), tokens[t:u]))
            in_names.append(frozenset(k - t for k in range(t, u) if k in inside) if inside else frozenset())
        t = u
    default_source = _outlet_source(outlet)
    if (issuer := letterhead([line for _, line in lines])) is not None:
        span = folded.span(issuer[0].start, issuer[1].end)   # a statement speaks for its issuer
        default_source = Source(text[span[0]:span[1]], issuer[2].kind, span, issuer[2].name)
    claims: list[Claim] = []
    named: list[Source] = []          # speakers the catalog knows, in order: "المؤسسة" refers back
    # Figures first (a sentence's figures do not depend on its speakers): speakers are
    # followed only as far as the last sentence with a figure, nothing after it is asked.
    readers = [ClaimReader(sent_tokens, place_words) for (_, sent_tokens), place_words in zip(lines, in_names)]
    found = [reader.read() for reader in readers]
    last = max((k for k, figures in enumerate(found) if figures), default=-1)
    for ((sent_start, sent_end), sent_tokens), reader, figures in zip(lines[:last + 1], readers, found):
        is_title = title_span is not None and sent_start == title_span[0]
        continues = not is_title and _continues_speech(sent_tokens)
        said = speakers.for_sentence(sent_tokens, find_attributions(sent_tokens), continues)
        if not figures:
            named += _catalogued_speakers(said, folded, default_source)
            continue
        stage = reader.toll_stage()
        fallback_kind = reader.sentence_group_kind()
        # "قُتل شخص وأصيب 3 مدنيين": victims named as a person beside others named as
        # civilians are not said to be civilians.
        contrasted = any(f.group is not None and f.group_kind == "civilians" and f.kind == "injured" for f in figures)
        for fig in figures:
            speaker = said.at(fig.bounds.start)
            source = default_source
            if speaker is not None:
                source = _named_before(_speaker_at(speaker, folded, default_source), named)
                if source.actor is not None:
                    named.append(source)
            first, last = sent_tokens[fig.bounds.start], sent_tokens[max(fig.end, fig.bounds.end) - 1]
            group_text = None
            if fig.group is not None:
                g0, g1 = sent_tokens[fig.group[0]], sent_tokens[fig.group[1] - 1]
                gspan = folded.span(g0.start, g1.end)
                group_text = text[gspan[0]:gspan[1]]
            group_kind = fig.group_kind
            if group_kind == "unknown" and fig.kind != "strikes" and not fig.denial \
                    and not (contrasted and fig.kind == "killed" and fig.group is not None):
                group_kind = fallback_kind
            qualifier_text = fig.bounds.qualifier
            claims.append(Claim(
                kind=fig.kind, min=fig.bounds.min, max=fig.bounds.max,
                span=folded.span(first.start, last.end), sentence_span=(sent_start, sent_end),
                source=source, group=group_text, group_kind=group_kind,
                qualifier=qualifier_text, approximate=fig.bounds.approximate,
                denial=fig.denial, breakdown=fig.breakdown, toll_stage=stage, cumulative=fig.cumulative,
                combined=fig.combined,
            ))
    return tuple(claims)


@cache
def _general_casualty_words() -> frozenset[str]:
    return lexicon.words(lexicon.claims()["general_casualty_words"])


def denies_casualties(denial_text: str) -> bool:
    """A denial's words deny casualties in general ("خسائر بشرية", "ضحايا"), not deaths alone."""
    return not _general_casualty_words().isdisjoint(fold_term(denial_text).split())


def _inside(starts: list[int], spans: list[Span]) -> list[int]:
    """The positions of the tokens (``starts``: their original starts, non-decreasing) that lie
    inside one of ``spans``."""
    return [k for a, b in spans for k in range(bisect_left(starts, a), bisect_left(starts, b))]


def _outlet_source(outlet: str | None) -> Source:
    known = catalog_source(outlet)
    return Source(outlet or "outlet", "outlet", actor=known.name if known else None)


def _speaker_source(phrase: str, span: Span, voice: Source) -> Source:
    """A named speaker; a catalogued organisation in it ("مصادر المرصد السوري", "مراسل سانا")
    is its actor. The phrase's own kind stands ("مصادر المرصد" stays anonymous) unless it
    says no more than a name. The outlet's own staff ("مراسلنا") are the outlet's voice.
    A catalogued relayer's unnamed source ("وكالة سانا عن مصدر عسكري", one phrase from the
    attribution) is that source, with the relayer as its actor: the relayer's report. Another
    relayer's own people ("شبكة X عن مراسليها") are that relayer's report, never the voice of
    the outlet relaying it."""
    relayer, sep, inner = phrase.partition(" عن ")
    if sep and (known := catalog_source(relayer)) is not None:
        offset = len(relayer) + len(sep)
        return Source(inner, "anonymous", (span[0] + offset, span[1]), known.name)
    if sep and is_relayer_staff(inner):   # a body with its own correspondents or sources reports
        kind = source_kind(relayer)
        return Source(phrase, "outlet" if kind in ("person", "other") else kind, span)
    kind = source_kind(phrase)
    known = catalog_source(phrase)
    if known is None:
        return Source(phrase, kind, span, voice.actor if kind == "outlet" and voice.kind == "outlet" else None)
    return Source(phrase, known.kind if kind in ("person", "other") else kind, span, known.name)


def _catalogued_speakers(said: SentenceSpeakers, folded: Folded, voice: Source) -> list[Source]:
    """The catalogued speakers of a sentence without figures: "وأوضح المصدر" in a later one
    refers back to them ("نقلت سانا عن مصدر عسكري قوله إن ..." then the toll)."""
    sources = (_speaker_at(speaker, folded, voice) for _, speaker, _ in said.resolved if speaker is not None)
    return [source for source in sources if source.actor is not None]


def _speaker_at(speaker: tuple[int, int], folded: Folded, voice: Source) -> Source:
    """The source a speaker's folded span names, read from the original text."""
    span = folded.span(*speaker)
    return _speaker_source(folded.original[span[0]:span[1]], span, voice)


def _named_before(source: Source, named: list[Source]) -> Source:
    """A speaker named by its kind of body alone ("وقالت المؤسسة", "وأضافت الشبكة") is the body
    of that kind named last before ("مؤسسة الدفاع المدني السوري"): one source, not two."""
    words = fold_term(source.text).split()
    if source.actor is not None or len(words) != 1 or not words[0].startswith("ال"):
        return source
    head = words[0][2:]
    for earlier in reversed(named):
        if fold_term(earlier.text).split()[0] in (head, words[0]):
            return replace(source, actor=earlier.actor, kind=earlier.kind)
    return source


def _continues_speech(tokens: list[Token]) -> bool:
    """A sentence opening with "كما" or inside an open quotation carries the last speaker on."""
    head = tokens[0].text
    return head in ("كما", "وكما") or head == '"'
