"""The actor scan's bare cue words: a surface form is read back to its cue word by peeling
proclitics and endings on demand (``_BareForms``), exactly as expanding every form would."""
from __future__ import annotations

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
