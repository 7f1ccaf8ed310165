"""The actor scan's words: a surface form is read back to its cue word (``_BareForms``) and to
the catalog terms it begins (``_FirstWords``) by peeling proclitics and endings on demand,
exactly as expanding every form would."""
from __future__ import annotations

from functools import cache

from hypothesis import given, settings, strategies as st

from rasd.extract.actors import _lexicon

LEX = _lexicon()


def expanded(words: list[str], nominal: bool) -> dict[str, str]:
    """Every surface form of every word, the earliest word winning (the reference)."""
    index = {w: w for w in words}
    for w in words:
        stems = {w}
        if nominal and not w.startswith("ال"):
            stems.add("ال" + w)
        stems |= ({w[:-1] + "ت" + s for s in LEX.suffixes if s != "ا"} if w.endswith("ه")
                  else {w + s for s in LEX.suffixes})
        for stem in stems:
            for conj in ("", *LEX.conj):
                for prep in ("", *LEX.prep) if nominal else ("",):
                    if prep == "ل" and stem.startswith("ال"):
                        index.setdefault(conj + "لل" + stem[2:], w)
                    else:
                        index.setdefault(conj + prep + stem, w)
    return index


def test_proclitics_article_and_endings_are_peeled() -> None:
    forms = LEX._bare_index(["قوات", "طيران", "مصدر", "مصدرا", "قصف"], nominal=True)
    assert forms.get("وبالقوات") == "قوات"
    assert forms.get("للقوات") == "قوات"           # ل + ال is written لل
    assert forms.get("فطيرانهم") == "طيران"
    assert forms.get("لالقوات") is None            # not how ل + ال is written
    assert forms.get("مصدرا") == "مصدرا"           # a word itself wins over a derived form
    assert forms.get("كمصدرها") == "مصدر"


def test_verbal_forms_keep_prepositions() -> None:
    forms = LEX._bare_index(["قصف", "استهدف"], nominal=False)
    assert forms.get("وقصف") == "قصف"
    assert forms.get("واستهدفها") == "استهدف"
    assert forms.get("بقصف", "بقصف") == "بقصف"     # a noun after ب, not the verb


letters = st.sampled_from("القوتبكفهمنارصد")
word = st.text(letters, min_size=1, max_size=6)


@settings(max_examples=60, deadline=None)
@given(st.lists(word, min_size=1, max_size=8, unique=True), st.booleans(),
       st.lists(st.text(letters, min_size=1, max_size=9), max_size=20))
def test_peeling_agrees_with_expanding_every_form(words: list[str], nominal: bool, others: list[str]) -> None:
    reference = expanded(words, nominal)
    forms = LEX._bare_index(words, nominal)
    for surface in [*reference, *others]:
        assert forms.get(surface) == reference.get(surface), surface


@cache
def expanded_following() -> dict[str, list]:
    """The catalog terms under every proclitic form of their first word, the shorter proclitic
    then the earlier term winning (the reference: how the index was built up front)."""
    first: dict[str, dict[int, dict[tuple[str, ...], tuple]]] = {}
    for words, actor in LEX.following._terms:
        forms = {words[0]: 0}
        if not words[0].isascii():
            for conj in ("", *LEX.conj):
                for prep in ("", *LEX.prep):
                    if words[0].startswith("ال") and prep == "ل":
                        forms.setdefault(conj + "لل" + words[0][2:], len(conj))
                    else:
                        forms.setdefault(conj + prep + words[0], len(conj) + len(prep))
        for surface, clitic in forms.items():
            known = first.setdefault(surface, {}).setdefault(len(words) - 1, {}).get(words[1:])
            if known is None or clitic < known[0]:
                first[surface][len(words) - 1][words[1:]] = (clitic, actor)
    return {w: sorted(by_size.items(), reverse=True) for w, by_size in first.items()}


def test_first_words_peeled_agree_with_every_form_of_the_catalog() -> None:
    reference = expanded_following()
    assert len(reference) > 5000
    heads = {words[0] for words, _ in LEX.following._terms}
    prefixed = {c + p + w for w in heads for c in ("", "و", "ف", "ل") for p in ("", "ب", "ل", "لل", "ال")}
    for surface in reference.keys() | prefixed:
        assert LEX.following.get(surface, ()) == reference.get(surface, ()), surface


@settings(max_examples=200, deadline=None)
@given(st.lists(st.text(st.sampled_from("والبلكفقسدرتينمهaqsd"), min_size=1, max_size=8), max_size=20))
def test_first_words_peeled_agree_on_any_surface(surfaces: list[str]) -> None:
    reference = expanded_following()
    for surface in surfaces:
        assert LEX.following.get(surface, ()) == reference.get(surface, ()), surface
