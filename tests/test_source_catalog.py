"""The source catalog: one source however it is named, carried to claims, JSON and reconciliation."""
from __future__ import annotations

import datetime as dt
import json

import pytest
from hypothesis import given, settings, strategies as st

import rasd
from rasd.export.jsonout import claim_json
from rasd.extract import lexicon, sources
from rasd.extract.sources import catalog_source
from rasd.incidents.reconcile import per_source
from rasd.model import Claim, Source, SourcedClaim
from rasd.text.normalize import fold_term
from rasd.text.tokens import tokenize

SOHR = "Syrian Observatory for Human Rights"


@pytest.mark.parametrize("phrase", [
    "المرصد السوري لحقوق الإنسان", "المرصد السوري", "مصادر المرصد", "للمرصد", "SOHR",
    "Syrian Observatory for Human Rights", "مدير المرصد رامي عبد الرحمن", "ووفقاً لمصادر المرصد السوري",
])
def test_every_name_of_the_observatory_is_one_source(phrase):
    assert catalog_source(phrase).name == SOHR


@pytest.mark.parametrize("phrase, name, kind", [
    ("الخوذ البيضاء", "Syrian Civil Defence (White Helmets)", "medical"),
    ("مدير الدفاع المدني السوري في إدلب", "Syrian Civil Defence (White Helmets)", "medical"),
    ("White Helmets", "Syrian Civil Defence (White Helmets)", "medical"),
    ("المتحدث باسم وزارة الدفاع الروسية", "Russian Ministry of Defence", "official"),
    ("مركز المصالحة الروسي في حميميم", "Russian Ministry of Defence", "official"),
    ("الدفاع التركية", "Turkish Ministry of National Defence", "official"),
    ("المركز الإعلامي لقوات سوريا الديمقراطية", "Syrian Democratic Forces (SDF)", "official"),
    ("مديرية صحة إدلب الحرة", "Idlib Health Directorate", "medical"),
    ("الهلال الأحمر الكردي", "Kurdish Red Crescent", "medical"),
    ("الهلال الأحمر", "Syrian Arab Red Crescent", "medical"),
    ("مراسل وكالة هاوار", "Hawar News Agency (ANHA)", "outlet"),
    ("ANHA", "Hawar News Agency (ANHA)", "outlet"),
    ("القيادة العامة للقوات المسلحة الأردنية", "Jordanian Armed Forces", "official"),
    ("CENTCOM", "US Central Command (CENTCOM)", "official"),
])
def test_catalogued_sources(phrase, name, kind):
    found = catalog_source(phrase)
    assert (found.name, found.kind) == (name, kind)


@pytest.mark.parametrize("phrase", ["مصدر طبي", "ناشطون محليون", "وزارة الدفاع", "أهالي البلدة", "التحالف"])
def test_unnamed_or_ambiguous_speakers_have_no_catalog_entry(phrase):
    assert catalog_source(phrase) is None


def test_the_catalog_records_its_provenance_and_valid_kinds():
    data = lexicon.load("sources")
    assert "_provenance" in data
    kinds = {"monitor", "official", "state_media", "agency", "outlet", "medical"}
    assert {e["kind"] for e in data["sources"]} <= kinds
    assert all(e["name"] and (e["ar"] or e["en"]) for e in data["sources"])


def test_a_claim_carries_the_actor_in_the_model_and_the_json():
    doc = rasd.extract("تطورات\nوقالت مصادر المرصد السوري إن 3 مدنيين قتلوا بالقصف.", published="2023-05-02",
                       outlet="Some Outlet")
    [c] = doc.claims
    assert c.source.actor == SOHR and c.source.kind == "anonymous"
    assert claim_json(c, doc.text)["source"]["actor"] == SOHR


def test_an_outlet_in_the_catalog_is_its_own_actor():
    doc = rasd.extract("تطورات\nقتل 3 مدنيين بقصف على البلدة.", published="2023-05-02", outlet="Enab Baladi")
    assert [c.source.actor for c in doc.claims] == ["Enab Baladi"]


def _claim(source: Source, lo: int, **flags) -> Claim:
    return Claim(kind="killed", min=lo, max=lo, span=(0, 1), sentence_span=(0, 1), source=source, **flags)


def _choose(*items: tuple[str, Claim]):
    published = {"d1": dt.date(2024, 3, 1), "d2": dt.date(2024, 3, 2)}
    return per_source([SourcedClaim(d, c, "") for d, c in items], lambda d: "Outlet " + d,
                      lambda d: (published[d], d))


def test_one_source_named_two_ways_gives_one_figure():
    chosen = _choose(("d1", _claim(Source("المرصد السوري لحقوق الإنسان", "monitor", actor=SOHR), 5)),
                     ("d2", _claim(Source("SOHR", "outlet", actor=SOHR), 7)))
    assert [s.claim.min for s in chosen.values()] == [7]


def test_cumulative_tolls_are_not_an_incidents_figure():
    chosen = _choose(("d1", _claim(Source("المرصد", "monitor", actor=SOHR), 3)),
                     ("d1", _claim(Source("المرصد", "monitor", actor=SOHR), 150, cumulative=True)))
    assert [s.claim.min for s in chosen.values()] == [3]


def test_a_count_of_killed_and_injured_together_is_neither_kinds_figure():
    chosen = _choose(("d1", _claim(Source("الدفاع المدني", "ngo"), 80, combined=True)),
                     ("d2", _claim(Source("المرصد", "monitor", actor=SOHR), 4)))
    assert [s.claim.min for s in chosen.values()] == [4]


def test_cumulative_is_in_the_json():
    doc = rasd.extract("تطورات\nقتل 3 مدنيين بقصف على البلدة.", published="2023-05-02", outlet="X")
    row = json.loads(json.dumps(claim_json(doc.claims[0], doc.text)))
    assert row["cumulative"] is False and row["combined"] is False


def test_the_outlets_own_correspondent_is_the_outlets_voice():
    doc = rasd.extract("تطورات\nقتل 3 مدنيين بقصف على البلدة.\nوأضاف مراسلنا أن طفلاً أصيب بجروح.",
                       published="2023-05-02", outlet="Baladi News")
    assert [(c.source.text, c.source.actor) for c in doc.claims] == [
        ("Baladi News", "Baladi News"), ("مراسلنا", "Baladi News")]


# -- the catalog matcher, indexed by first word, against a plain scan of every length --------

def _plain_scan(tokens):
    """The longest catalogued form (the first if tied), trying every start and every length."""
    forms = sources._catalog().forms
    words = [t.text.lower() for t in tokens]
    best = None
    for i, token in enumerate(tokens):
        for n in range(max(map(len, forms)), 0, -1):
            if i + n > len(tokens) or (best is not None and n <= best[1] - best[0]):
                continue
            rest = tuple(words[i + 1:i + n])
            found = next((forms[key] for form in token.forms if (key := (form.lower(),) + rest) in forms), None)
            if found is not None:
                best = (i, i + n, found)
                break
    return best


_CATALOG_FORMS = sorted({form for entry in lexicon.load("sources")["sources"] for form in entry["ar"]})
# Whole names, their first words, a name with a proclitic, words around them: the longer name must win.
_PIECES = st.one_of(
    st.sampled_from(_CATALOG_FORMS),
    st.sampled_from(_CATALOG_FORMS).map(lambda form: " ".join(form.split()[:-1]) or form),
    st.tuples(st.sampled_from(["و", "ل", "وب", "ول", "ف"]), st.sampled_from(_CATALOG_FORMS)).map("".join),
    st.sampled_from(["مصادر", "قال", "مدير", "في", "،", ":", "3", '"']))
_PHRASES = st.lists(_PIECES, max_size=8).map(" ".join)


@pytest.mark.parametrize("phrase, words", [
    ("قال مدير المرصد السوري لحقوق الإنسان إن", ("المرصد", "السوري", "لحقوق", "الانسان")),
    ("وبحسب الدفاع المدني السوري فإن", ("الدفاع", "المدني", "السوري")),
    ("نقلت وكالة سانا عن مصدر", ("وكاله", "سانا")),
])
def test_the_catalog_matcher_finds_the_longest_name(phrase, words):
    tokens = tokenize(fold_term(phrase))
    start, end, _ = sources.catalog_match(tokens)
    assert tuple(t.text for t in tokens[start:end]) == words
    assert sources.catalog_match(tokens) == _plain_scan(tokens)


@settings(max_examples=300)
@given(_PHRASES)
def test_the_catalog_matcher_finds_what_a_plain_scan_finds(phrase):
    tokens = tokenize(fold_term(phrase))
    assert sources.catalog_match(tokens) == _plain_scan(tokens)


@pytest.mark.parametrize("name", ["جيش الدفاع", "المتحدث باسم جيش الدفاع", "جيش الدفاع الإسرائيلي",
                                  "نشرة جيش الدفاع بالعربية"])
def test_the_israeli_armys_own_arabic_name_is_its_voice(name):
    """"جيش الدفاع" is how the Israeli army names itself in its Arabic statements."""
    assert catalog_source(name).name == "Israeli army spokesperson"
