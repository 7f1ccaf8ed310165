"""Normalization offsets, sentence splitting and number reading."""
from __future__ import annotations

import bisect

import pytest
from hypothesis import given, strategies as st

from rasd.text.normalize import fold, fold_char, fold_text
from rasd.text.numbers import is_measure, qualify, read_count
from rasd.text.sentences import split_sentences
from rasd.text.tokens import Tokens, proclitic_forms, tokenize

ARABIC = st.text(alphabet=st.sampled_from(list("ابتثجحخدذرزسشصضطظعغفقكلمنهويءأإآةىؤئًٌٍَُِّْـ٠١٢٣٤٥٦٧٨٩ \n.،“”\"")),
                 max_size=200)
# Few letters, many tatweels, spaces and digits of the three systems: the neighbour-dependent foldings.
CONTEXTUAL = st.text(alphabet=st.sampled_from(list("بتلـ \n\u00a0\u202f\u2009،٬.019٠٣٩۰۴۹")), max_size=60)
TEXTS = st.one_of(ARABIC, CONTEXTUAL)
INDIC = "٠١٢٣٤٥٦٧٨٩"
PERSIAN = "۰۱۲۳۴۵۶۷۸۹"
DIGITS = frozenset("0123456789" + INDIC + PERSIAN)
GROUP_SPACES = "\u00a0\u202f\u2009"


def _between_tatweels(text, i):
    """The space at ``i`` sits in a space run with a tatweel on both sides."""
    left, right = i, i
    while left >= 0 and text[left].isspace():
        left -= 1
    while right < len(text) and text[right].isspace():
        right += 1
    return left >= 0 and right < len(text) and text[left] == text[right] == "ـ"


def _group_space(text, i):
    """A no-break or thin space between a digit and exactly three digits."""
    after = text[i + 1: i + 5]
    return (text[i] in GROUP_SPACES and i > 0 and text[i - 1] in DIGITS and len(after) >= 3
            and all(c in DIGITS for c in after[:3]) and (len(after) == 3 or after[3] not in DIGITS))


def _fold_by_hand(text):
    """Character-by-character folding with the two neighbour rules, as the reference."""
    chars, index = [], []
    for i, ch in enumerate(text):
        if ch.isspace() and _between_tatweels(text, i):
            continue
        f = "," if _group_space(text, i) else fold_char(ch)
        if f and not (f == " " and chars and chars[-1] == " "):
            chars.append(f)
            index.append(i)
    return "".join(chars), index


# -- normalization -----------------------------------------------------------------------

@given(TEXTS)
def test_fold_index_points_at_the_source_character(text):
    folded = fold(text)
    assert len(folded.index) == len(folded.text)
    assert list(folded.index) == sorted(set(folded.index))       # strictly increasing
    for ch, i in zip(folded.text, folded.index):
        assert ch == fold(text[i]).text or (ch == " " and text[i].isspace()) \
            or (ch == "," and text[i] in GROUP_SPACES)


@given(TEXTS)
def test_fold_text_is_the_folded_text_without_offsets(text):
    assert fold_text(text) == fold(text).text


@given(TEXTS)
def test_fold_equals_folding_character_by_character(text):
    assert (fold(text).text, list(fold(text).index)) == _fold_by_hand(text)


@given(TEXTS, st.data())
def test_fold_span_covers_the_original_slice(text, data):
    folded = fold(text)
    if not folded.text:
        return
    start = data.draw(st.integers(0, len(folded.text) - 1))
    end = data.draw(st.integers(start + 1, len(folded.text)))
    a, b = folded.span(start, end)
    # A slice cut inside a digit group loses the neighbours that made its no-break spaces ","
    assert _spaced(fold(text[a:b])).strip() == _spaced(folded)[start:end].strip()


def _spaced(folded):
    """Folded text with the "," made of no-break spaces back to spaces."""
    return "".join(" " if folded.original[i] in GROUP_SPACES else ch for ch, i in zip(folded.text, folded.index))


@pytest.mark.parametrize("raw, folded", [
    ("قُتِلَ", "قتل"),
    ("أحمد وإبراهيم وآمنة", "احمد وابراهيم وامنه"),
    ("مستشفى", "مستشفي"),
    ("١٣ قتيلاً", "13 قتيلا"),
    ("دير    الزور", "دير الزور"),
    ("الـ55 كم", "ال55 كم"),
    ("مقـتـل", "مقتل"),
    ("مقـ ـتـ ـل مدنيين", "مقتل مدنيين"),
    ("ثلاثـــة أطفال", "ثلاثه اطفال"),
    ("إصـ ـابة", "اصابه"),
    ("الـ 20", "ال 20"),
    ("۱۴ قتيلاً", "14 قتيلا"),
    ("1٢۳", "123"),
    ("٧٣٬٠٠٣", "73,003"),
    ("4،053", "4,053"),
    ("73\u00a0003", "73,003"),
    ("1\u202f200\u202f000", "1,200,000"),
    ("3 200", "3 200"),
    ("12\u00a01234", "12 1234"),
    ("گري سبي", "كري سبي"),            # Kurdish and Persian letters as Arabic readers take them
    ("کوباني و دێرک", "كوباني و ديرك"),
    ("ڤيان من زۆراڤە", "فيان من زورافه"),
])
def test_fold_examples(raw, folded):
    assert fold(raw).text == folded


def test_fold_span_of_a_stretched_word_covers_its_pieces():
    text = "أسفر عن مقـ ـتـ ـل ثلاثـة"
    folded = fold(text)
    i = folded.text.index("مقتل ثلاثه")
    a, b = folded.span(i, i + len("مقتل ثلاثه"))
    assert text[a:b] == "مقـ ـتـ ـل ثلاثـة"


def test_fold_span_maps_a_match_back_to_the_original():
    text = "قصفٌ على ديرِ الزّور أمس"
    folded = fold(text)
    i = folded.text.index("دير الزور")
    a, b = folded.span(i, i + len("دير الزور"))
    assert text[a:b] == "ديرِ الزّور"


# -- sentences ------------------------------------------------------------------------------

def _sentences(text):
    return [text[a:b] for a, b in split_sentences(text)]


def test_sentences_split_on_lines_and_full_stops():
    text = "عنوان الخبر\nقتل مدني. وأصيب آخر! هل انتهى؟ نعم"
    assert _sentences(text) == ["عنوان الخبر", "قتل مدني.", "وأصيب آخر!", "هل انتهى؟", "نعم"]


def test_sentences_keep_quotations_whole():
    text = "وقال المصدر: “سقطت قذيفة. ثم أخرى.” وانتهى الأمر."
    assert _sentences(text) == ["وقال المصدر: “سقطت قذيفة. ثم أخرى.” وانتهى الأمر."]


def test_sentences_ignore_decimal_points_and_abbreviations():
    text = "بدأ القصف الساعة 23.30 ليلاً وقال د. أحمد إن الوضع صعب. ثم هدأ."
    assert _sentences(text) == ["بدأ القصف الساعة 23.30 ليلاً وقال د. أحمد إن الوضع صعب.", "ثم هدأ."]


def test_unclosed_quote_stops_at_the_line_end():
    text = "قال “ما حدث. كان\nسطر جديد. وآخر."
    assert _sentences(text) == ["قال “ما حدث. كان", "سطر جديد.", "وآخر."]


@given(ARABIC)
def test_sentences_are_ordered_disjoint_and_trimmed(text):
    spans = split_sentences(text)
    for (a, b), (c, _) in zip(spans, spans[1:]):
        assert b <= c
    for a, b in spans:
        assert a < b and not text[a].isspace() and not text[b - 1].isspace()


# -- tokens -----------------------------------------------------------------------------------

@pytest.mark.parametrize("word, form", [
    ("وبالبوكمال", "البوكمال"), ("وبالبوكمال", "بوكمال"), ("لأكثر", "لأكثر"), ("للمدنيين", "المدنيين"),
    ("بأربع", "أربع"), ("فقتل", "قتل"), ("كالعادة", "العادة"),
])
def test_proclitic_forms(word, form):
    assert fold(form).text in proclitic_forms(fold(word).text)


def test_short_words_keep_their_letters():
    assert proclitic_forms("بل") == ("بل",)



# -- the document's shared tokens --------------------------------------------------------------

@pytest.mark.parametrize("text, words", [
    ("وقتل 3 مدنيين في البوكمال.", [("وقتل", ("وقتل", "قتل")), ("3", ("3",)), ("مدنيين", ("مدنيين",)),
                                    ("في", ("في",)), ("البوكمال", ("البوكمال", "بوكمال")), (".", (".",))]),
    ("أصيبت امرأتان بجروح، وفق المرصد", [("اصيبت", ("اصيبت",)), ("امراتان", ("امراتان",)),
                                        ("بجروح", ("بجروح", "جروح")), (",", (",",)),
                                        ("وفق", ("وفق", "فق")), ("المرصد", ("المرصد", "مرصد"))]),
    ("للمدنيين ١٢,٥٠٠ غارة", [("للمدنيين", ("للمدنيين", "المدنيين", "لمدنيين", "مدنيين")),
                             ("12,500", ("12,500",)), ("غاره", ("غاره",))]),
])
def test_tokens_keep_text_offsets_and_forms(text, words):
    folded = fold(text).text
    tokens = Tokens(folded).tokens
    assert [(t.text, t.forms) for t in tokens] == words
    assert all(folded[t.start:t.end] == t.text for t in tokens)
    assert [t.is_number for t in tokens] == [t.text[0].isdigit() for t in tokens]


@pytest.mark.parametrize("text", [
    "قتل خمسة مدنيين. وأصيب 12 آخرون في قصف على إدلب",
    "الغارة استهدفت سوقاً شعبياً؛ قتل فيها 3,5 ... ثم 7 أطفال",
    "قالت مصادر محلية: \"قتلت امرأتان\" وأصيب رجل",
])
def test_a_sentence_of_the_shared_tokens_is_the_sentence_tokenized(text):
    folded = fold(text)
    doc = Tokens(folded.text)
    for start, end in split_sentences(text):
        lo, hi = bisect.bisect_left(folded.index, start), bisect.bisect_left(folded.index, end)
        assert doc.in_span(lo, hi) == tokenize(folded.text, lo, hi)


@given(TEXTS, st.data())
def test_tokens_of_a_span_cover_its_non_space_characters_at_their_offsets(text, data):
    folded = fold(text).text
    ends = st.integers(0, len(folded))
    lo, hi = sorted((data.draw(ends), data.draw(ends)))
    tokens = tokenize(folded, lo, hi)
    assert all(folded[t.start:t.end] == t.text and t.text and not any(c.isspace() for c in t.text)
               for t in tokens)
    edges = [lo, *(x for t in tokens for x in (t.start, t.end)), hi]
    gaps = [folded[a:b] for a, b in zip(edges[::2], edges[1::2], strict=True)]
    assert all(a <= b for a, b in zip(edges, edges[1:]))
    assert all(not gap.replace("_", " ").strip() for gap in gaps)   # only whitespace or a hashtag's "_" between tokens


@pytest.mark.parametrize("text, pieces", [
    ("قتل 1.5 و12,500 شخص", ["قتل", "1.5", "و", "12,500", "شخص"]),
    ("ABC123 x_y", ["ABC", "123", "x", "y"]),           # "_" joins a hashtag's words: a space
    ("  غارة،قتلى:3  ", ["غاره", ",", "قتلي", ":", "3"]),
])
def test_tokens_split_words_numbers_and_marks(text, pieces):
    assert [t.text for t in tokenize(fold(text).text)] == pieces


@given(TEXTS, st.data())
def test_any_span_of_the_shared_tokens_is_that_span_tokenized(text, data):
    folded = fold(text).text
    ends = st.integers(0, len(folded))
    lo, hi = sorted((data.draw(ends), data.draw(ends)))
    assert Tokens(folded).in_span(lo, hi) == tokenize(folded, lo, hi)


# -- numbers ----------------------------------------------------------------------------------

def _first_count(text):
    tokens = tokenize(fold(text).text)
    for i in range(len(tokens)):
        count = read_count(tokens, i)
        if count is not None:
            return tokens, count
    return tokens, None


def _bounds(text):
    tokens, count = _first_count(text)
    assert count is not None, text
    b = qualify(tokens, count)
    return b.min, b.max


@pytest.mark.parametrize("text, value", [
    ("13", 13), ("١٣", 13), ("واحد", 1), ("إحدى", 1), ("اثنين", 2), ("ثلاث", 3), ("ثلاثة", 3),
    ("أربع", 4), ("بأربعة", 4), ("وخمس", 5), ("ستة", 6), ("سبع", 7), ("ثماني", 8), ("تسعة", 9),
    ("عشرة", 10), ("أحد عشر", 11), ("اثنا عشر", 12), ("ثلاثة عشر", 13), ("تسع عشرة", 19),
    ("عشرين", 20), ("خمسة وعشرين", 25), ("ثلاثون", 30), ("تسعين", 90), ("مئة", 100), ("مائة", 100),
    ("مئتين", 200), ("ثلاثمائة", 300), ("مئة وعشرون", 120), ("ألف", 1000), ("ثلاثة آلاف", 3000),
    ("1,200", 1200), ("٧٣", 73),
])
def test_read_count_values(text, value):
    _, count = _first_count(text)
    assert count is not None and (count.min, count.max) == (value, value)


@pytest.mark.parametrize("text, bounds", [
    ("ما لا يقل عن 40 قتيلاً", (40, None)),
    ("17 قتيلاً على الأقل", (17, None)),
    ("أكثر من 30 غارة", (31, None)),
    ("لأكثر من 18 جريحاً", (19, None)),
    ("يتجاوز 30", (31, None)),
    ("أقل من 10", (0, 9)),
    ("نحو 20", (20, 20)),
    ("قرابة الـ 20", (20, 20)),
    ("حوالي ٢٠", (20, 20)),
    ("بين 10 و15 قتيلاً", (10, 15)),
    ("من 10 إلى 15", (10, 15)),
    ("عشرات القتلى", (20, 99)),
    ("مئات الجرحى", (200, 999)),
])
def test_qualifiers(text, bounds):
    assert _bounds(text) == bounds


def test_approximate_is_marked():
    tokens, count = _first_count("قرابة 20 قتيلاً")
    b = qualify(tokens, count)
    assert b.approximate and b.qualifier == "قرابة"


@pytest.mark.parametrize("text", [
    "الفرقة 17", "اللواء 137", "منطقة الـ55 كم", "خلال 24 ساعة", "على بعد 10 كم", "طفل يبلغ 12 عاماً",
    "في عام 2019", "الساعة 5",
])
def test_measures_are_not_counts(text):
    tokens, count = _first_count(text)
    assert count is not None and is_measure(tokens, count)


@pytest.mark.parametrize("text", ["23.30", "2.5"])
def test_times_and_decimals_are_not_read(text):
    assert _first_count(text)[1] is None


@given(st.integers(min_value=0, max_value=10**6))
def test_any_integer_reads_back_in_both_digit_sets(n):
    for text in (str(n), str(n).translate(str.maketrans("0123456789", INDIC))):
        _, count = _first_count(text)
        assert (count.min, count.max) == (n, n)


@given(st.integers(min_value=1, max_value=10**5), st.sampled_from([
    ("ما لا يقل عن {}", lambda n: (n, None)), ("أكثر من {}", lambda n: (n + 1, None)),
    ("أقل من {}", lambda n: (0, n - 1)), ("نحو {}", lambda n: (n, n)), ("{} على الأقل", lambda n: (n, None)),
]))
def test_qualified_bounds_for_any_number(n, case):
    template, expected = case
    assert _bounds(template.format(n) + " قتيلا") == expected(n)


UNITS = {3: "ثلاثة", 4: "أربعة", 5: "خمسة", 6: "ستة", 7: "سبعة", 8: "ثمانية", 9: "تسعة"}
TENS = {20: "عشرين", 30: "ثلاثين", 40: "أربعين", 50: "خمسين", 60: "ستين", 70: "سبعين", 80: "ثمانين", 90: "تسعين"}


@given(st.sampled_from(sorted(UNITS)), st.sampled_from(sorted(TENS)))
def test_compound_number_words(unit, tens):
    _, count = _first_count(f"{UNITS[unit]} و{TENS[tens]} شخصاً")
    assert count.min == unit + tens
