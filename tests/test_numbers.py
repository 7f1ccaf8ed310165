"""Reading counts as Arabic reports write them: generated phrases in words and digits, and examples.

The word generator follows the grammar of العدد والمعدود: 3..10 take the opposite gender of the
counted noun, 1, 2 and the tens agree with it, the sound plural tens and the duals change with case,
two hundred has a construct form before ألف or a noun, and thousands take the plural after 3..10
and the singular after 11 and up. Reports also write hundreds split or joined and مئة or مائة.
"""
from __future__ import annotations

import rasd
import pytest
from hypothesis import given, strategies as st
from pyarabic.number import number2text

from rasd.text.normalize import fold
from rasd.text.numbers import is_measure, qualify, read_count
from rasd.text.tokens import tokenize

INDIC = "٠١٢٣٤٥٦٧٨٩"
PERSIAN = "۰۱۲۳۴۵۶۷۸۹"

# -- a generator of Arabic number phrases ---------------------------------------------------

# (form before a masculine noun, form before a feminine noun): 3..10 carry ة before a masculine noun.
UNITS = {3: ("ثلاثة", "ثلاث"), 4: ("أربعة", "أربع"), 5: ("خمسة", "خمس"), 6: ("ستة", "ست"),
         7: ("سبعة", "سبع"), 8: ("ثمانية", "ثماني"), 9: ("تسعة", "تسع"), 10: ("عشرة", "عشر")}
TENS = {20: "عشر", 30: "ثلاث", 40: "أربع", 50: "خمس", 60: "ست", 70: "سبع", 80: "ثمان", 90: "تسع"}
HUNDRED_STEMS = {3: ["ثلاث"], 4: ["أربع"], 5: ["خمس"], 6: ["ست"], 7: ["سبع"], 8: ["ثمان", "ثماني"], 9: ["تسع"]}


@st.composite
def _and(draw):
    """و joined to the next word (as written) or apart from it (as some reports and pyarabic write)."""
    return draw(st.sampled_from(["و", "و", "و "]))


@st.composite
def below_hundred(draw, n, feminine, accusative):
    """1..99 in words, agreeing with the counted noun's gender and the phrase's case."""
    if n == 1:
        return "واحدة" if feminine else "واحد"
    if n == 2:
        return ("اثنتين" if accusative else "اثنتان") if feminine else ("اثنين" if accusative else "اثنان")
    if n <= 10:
        return UNITS[n][feminine]
    if n == 11:
        return "إحدى عشرة" if feminine else "أحد عشر"
    if n == 12:
        two = ("اثنتي" if accusative else "اثنتا") if feminine else ("اثني" if accusative else "اثنا")
        return two + (" عشرة" if feminine else " عشر")
    if n < 20:
        return UNITS[n - 10][feminine] + (" عشرة" if feminine else " عشر")
    tens = TENS[n - n % 10] + ("ين" if accusative else "ون")
    unit = n % 10
    if unit == 0:
        return tens
    if unit == 1:
        first = "إحدى" if feminine else "واحد"
    elif unit == 2:
        first = draw(below_hundred(2, feminine, accusative))
    else:
        first = UNITS[unit][feminine]
    return first + " " + draw(_and()) + tens


@st.composite
def below_thousand(draw, n, feminine, accusative, construct):
    """1..999; ``construct`` when a noun or ألف follows directly (مئتا ألف, مئتي شخص)."""
    hundreds, rest = divmod(n, 100)
    if hundreds == 0:
        return draw(below_hundred(rest, feminine, accusative))
    hundred = draw(st.sampled_from(["مئة", "مائة", "مئه"]))
    if hundreds == 1:
        head = hundred
    elif hundreds == 2:
        stem = draw(st.sampled_from(["مئت", "مائت"]))
        ending = ("ي" if accusative else "ا") if construct and rest == 0 else ("ين" if accusative else "ان")
        head = stem + ending
    else:
        stem = draw(st.sampled_from(HUNDRED_STEMS[hundreds]))
        head = stem + draw(st.sampled_from(["", " "])) + hundred    # ثلاثمئة / ثلاث مئة
    if rest == 0:
        return head
    return head + " " + draw(_and()) + draw(below_hundred(rest, feminine, accusative))


@st.composite
def in_words(draw, n):
    """1..999,999 in words: thousands first, then what is left joined by و."""
    feminine, accusative = draw(st.booleans()), draw(st.booleans())
    thousands, rest = divmod(n, 1000)
    parts = []
    if thousands == 1:
        parts.append(draw(st.sampled_from(["ألف", "ألفاً"])))
    elif thousands == 2:
        parts.append(draw(st.sampled_from(["ألفان", "ألفين", "ألفي"])))
    elif thousands:
        # ألف is masculine: its number takes the masculine-noun form (ثلاثة آلاف, أحد عشر ألفاً)
        group = draw(below_thousand(thousands, feminine=False, accusative=accusative, construct=True))
        plural = 3 <= thousands % 100 <= 10
        parts.append(group + " " + ("آلاف" if plural else draw(st.sampled_from(["ألف", "ألفاً"]))))
    if rest:
        words = draw(below_thousand(rest, feminine, accusative, construct=True))
        parts.append(draw(_and()) + words if parts else words)
    return " ".join(parts)


def _stretch(word: str, where: int, split: bool) -> str:
    """Tatweel inside a word: "ثلاثـة", or split apart: "ثلا ـثة" written "ثلاـ ـثة"."""
    if len(word) < 3 or not 0 < where < len(word) - 1:
        return word
    return word[:where] + ("ـ ـ" if split else "ـــ") + word[where:]


@st.composite
def stretched(draw, phrase):
    """The phrase with tatweel stretching or splitting some of its words, as headlines do."""
    words = phrase.split(" ")
    out = []
    for word in words:
        if draw(st.integers(0, 3)) == 0 and len(word) > 3 and word[1] not in "اأإآدذرزو":
            out.append(_stretch(word, 2, draw(st.booleans())))
        else:
            out.append(word)
    return " ".join(out)


@st.composite
def in_digits(draw, n):
    """n in digits of any of the three systems (mixed too), with an optional thousands separator."""
    systems = draw(st.lists(st.sampled_from(["0123456789", INDIC, PERSIAN]), min_size=1, max_size=3))
    digits = "".join(draw(st.sampled_from(systems))[int(d)] for d in str(n))
    if n < 1000 or draw(st.booleans()):
        return digits
    separator = draw(st.sampled_from([",", "٬", "،", ".", "\u00a0", "\u202f"]))
    groups = []
    while digits:
        digits, group = digits[:-3], digits[-3:]
        groups.insert(0, group)
    return separator.join(groups)


def _read(phrase: str):
    tokens = tokenize(fold(phrase).text)
    return tokens, read_count(tokens, 0)


NOUNS = st.sampled_from(["شخص", "قتيلاً", "مدنيين", "غارة", "جريحاً", "إصابة", ""])


# -- generated phrases -------------------------------------------------------------------------

@given(st.integers(1, 999_999).flatmap(lambda n: st.tuples(st.just(n), in_words(n))), NOUNS)
def test_number_words_read_back(case, noun):
    n, phrase = case
    tokens, count = _read(f"{phrase} {noun}".strip())
    assert count is not None, phrase
    assert (count.min, count.max) == (n, n), phrase
    assert count.end == len(tokens) - (1 if noun else 0), phrase     # the noun is not part of the number


@given(st.integers(1, 999_999).flatmap(lambda n: st.tuples(st.just(n), in_words(n).flatmap(stretched))))
def test_stretched_number_words_read_back_with_their_span(case):
    n, phrase = case
    text = f"قتل {phrase} شخص"
    folded = fold(text)
    tokens = tokenize(folded.text)
    count = read_count(tokens, 1)
    assert count is not None and count.min == n, phrase
    a, b = folded.span(tokens[count.start].start, tokens[count.end - 1].end)
    assert phrase.startswith(text[a:b]) and fold(phrase[b - a:]).text == ""   # all but a final tanween


@given(st.integers(1, 999_999).flatmap(lambda n: st.tuples(st.just(n), in_digits(n))), NOUNS)
def test_digits_read_back_in_three_systems_with_separators(case, noun):
    n, phrase = case
    tokens, count = _read(f"{phrase} {noun}".strip())
    assert count is not None and (count.min, count.max) == (n, n), phrase
    assert count.end == 1


@given(st.integers(2, 999), st.sampled_from(["ألف", "ألفاً", "آلاف"]))
def test_digits_times_a_thousand(group, word):
    if word == "آلاف" and not 3 <= group % 100 <= 10:
        word = "ألف"
    tokens, count = _read(f"{group} {word} نازح")
    assert (count.min, count.end) == (group * 1000, 2)


@given(st.integers(2, 999), st.integers(1, 999), st.sampled_from(["و{}", "و {}"]), st.booleans())
def test_digits_times_a_thousand_and_a_rest(group, rest, joiner, words):
    """"6 آلاف و370", "12 ألفاً و 450", "3 آلاف وخمسمئة": the part after the scale word is added."""
    word = "آلاف" if 3 <= group % 100 <= 10 else "ألف"
    rest_text = "و" + number2text(rest) if words else joiner.format(rest)   # a word takes و joined
    tokens, count = _read(f"{group} {word} {rest_text} شخص")
    assert count is not None and count.min == group * 1000 + rest, (group, rest_text)
    assert count.end == len(tokens) - 1                    # the noun is not part of the number


@pytest.mark.parametrize("phrase, n", [
    ("قتل 3 آلاف مدني و20 عسكرياً", 3000),      # a second figure, not the thousands' rest
    ("نزوح 5 آلاف و300 عائلة", 5300),
    ("أصيب ٤ آلاف و٢٥ شخصاً", 4025),
])
def test_the_rest_after_thousands_in_sentences(phrase, n):
    tokens = tokenize(fold(phrase).text)
    assert read_count(tokens, 1).min == n


@given(st.integers(1, 999_999))
def test_pyarabic_renderings_read_back(n):
    """pyarabic writes numbers its own way ("ثلاث آلاف", "إثنا عشر ألف", "مئة و خمس")."""
    tokens, count = _read(number2text(n))
    assert count is not None and (count.min, count.end) == (n, len(tokens))


@given(st.integers(1, 99_999), st.sampled_from([
    ("ما لا يقل عن {}", lambda n: (n, None)), ("أكثر من {}", lambda n: (n + 1, None)),
    ("نحو {}", lambda n: (n, n)), ("{} على الأقل", lambda n: (n, None)),
]))
def test_qualifiers_apply_to_number_words(n, case):
    template, expected = case
    phrase = template.format(number2text(n))
    tokens = tokenize(fold(phrase + " قتيلا").text)
    start = 0 if template.startswith("{}") else len(tokenize(fold(template.split("{}")[0]).text))
    bounds = qualify(tokens, read_count(tokens, start))
    assert (bounds.min, bounds.max) == expected(n)


# -- examples by form ----------------------------------------------------------------------------

def _value(phrase: str):
    _, count = _read(phrase)
    assert count is not None, phrase
    return count.min if count.exact else (count.min, count.max)


@pytest.mark.parametrize("phrase, value", [
    # thousands and their agreement
    ("12 ألف نازح", 12000), ("12 ألفاً من المدنيين", 12000), ("١٢ ألفا", 12000),
    ("اثني عشر ألفاً", 12000), ("اثنا عشر ألف شخص", 12000), ("أحد عشر ألفاً", 11000),
    ("3 آلاف", 3000), ("ثلاثة آلاف", 3000), ("عشرة آلاف", 10000), ("ثلاث آلاف", 3000),
    ("ألفين", 2000), ("ألفان", 2000), ("ألفي شخص", 2000), ("ألف", 1000), ("ألفاً", 1000),
    ("مئة ألف", 100_000), ("مئتا ألف", 200_000), ("مائتي ألف", 200_000), ("ثلاثمئة ألف", 300_000),
    ("مئة وثلاثة آلاف", 103_000), ("خمسة وعشرون ألفاً", 25_000),
    ("ألف ومئتان", 1200), ("ألفين وخمسمائة", 2500), ("ثلاثة آلاف وخمسة", 3005),
    ("مليون", 1_000_000), ("مليون ومئتا ألف", 1_200_000), ("نصف مليون", 500_000), ("1.5 مليون", 1_500_000),
    # two hundred in its construct forms, hundreds spelled three ways and split
    ("مئتي شخص", 200), ("مائتا جريح", 200), ("مئتين", 200), ("مائتان", 200),
    ("مئة قتيل", 100), ("مائة", 100), ("مئه", 100),
    ("ثلاثمئة وخمسة", 305), ("ثلاث مئة", 300), ("ثماني مائة وثمانية", 808), ("ثمانمئة", 800),
    ("تسعمائة وتسعة وتسعون", 999), ("مئة و عشرون", 120),
    # gender and case
    ("واحد وعشرين", 21), ("إحدى وعشرون", 21), ("اثنتين وثلاثين", 32), ("اثنان وأربعون", 42),
    ("إحدى عشرة", 11), ("اثنتا عشرة", 12), ("اثنتي عشرة", 12), ("ثلاث عشرة", 13), ("تسعة عشر", 19),
    ("ثماني عشرة", 18), ("بثلاثة", 3), ("وخمس", 5), ("ثمانية", 8),
])
def test_number_words(phrase, value):
    assert _value(phrase) == value


@pytest.mark.parametrize("phrase, bounds", [
    ("عشرات القتلى", (20, 99)), ("العشرات", (20, 99)), ("بالعشرات", (20, 99)),
    ("مئات الجرحى", (200, 999)), ("المئات", (200, 999)), ("ومئات", (200, 999)),
    ("آلاف المدنيين", (2000, 9999)), ("الآلاف", (2000, 9999)), ("لآلاف", (2000, 9999)),
    ("عشرات الآلاف", (20_000, 99_999)), ("مئات الآلاف من النازحين", (200_000, 999_999)),
    ("بضعة قتلى", (3, 9)), ("بضع غارات", (3, 9)), ("ببضعة", (3, 9)), ("بضعة آلاف", (3000, 9999)),
])
def test_vague_quantities(phrase, bounds):
    assert _value(phrase) == bounds


@pytest.mark.parametrize("phrase", ["عدة غارات", "بعدة قذائف", "عدة مدنيين"])
def test_several_is_no_figure(phrase):
    assert _read(phrase)[1] is None


@pytest.mark.parametrize("phrase, value", [
    ("73,003", 73003), ("73٬003", 73003), ("4،053", 4053), ("٤٬٠٥٣", 4053), ("1.200", 1200),
    ("1.200.000", 1_200_000), ("١٬٢٠٠", 1200), ("۱۲۳", 123), ("1٢۳", 123), ("۷۳,۰۰۳", 73003),
    ("73\u00a0003", 73003), ("1\u202f200", 1200),
])
def test_digit_forms(phrase, value):
    assert _value(phrase) == value


@pytest.mark.parametrize("phrase", ["1.5", "٢٫٥", "23.30", "3,4", "12,34", "1.2345", "12.30 ظهراً"])
def test_decimals_times_and_lists_are_not_counts(phrase):
    assert _read(phrase)[1] is None


def test_a_plain_space_between_digits_is_two_numbers():
    tokens, count = _read("3 200")
    assert (count.min, count.end) == (3, 1)


@pytest.mark.parametrize("phrase, value, words", [
    ("14 إصابة", 14, 1), ("11 شهيداً", 11, 1), ("مئة قتيل", 100, 1), ("ثلاث عشرة غارة", 13, 2),
    ("خمسة وعشرين مدنياً", 25, 2), ("مئتي شخص", 200, 1), ("١١ جريحاً", 11, 1),
])
def test_the_count_stops_before_its_noun(phrase, value, words):
    tokens, count = _read(phrase)
    assert (count.min, count.end) == (value, words)


@pytest.mark.parametrize("phrase, bounds", [
    ("بين 10 و15 ألفاً من النازحين", (10_000, 15_000)), ("من 3 إلى 5 آلاف", (3000, 5000)),
    ("بين عشرة وخمسة عشر ألفاً", (10_000, 15_000)), ("بين ٢ و٣ آلاف", (2000, 3000)),
    ("بين خمسة وعشرة", (5, 10)), ("ما بين مئة ومئتي شخص", (100, 200)), ("بين ثلاث وخمس غارات", (3, 5)),
    ("بين 500 و2 ألف", (500, 2000)), ("بين ألف وألفين", (1000, 2000)),
])
def test_ranges_of_number_words_and_scales(phrase, bounds):
    tokens = tokenize(fold(phrase).text)
    start = next(i for i in range(len(tokens)) if read_count(tokens, i) is not None)
    b = qualify(tokens, read_count(tokens, start))
    assert (b.min, b.max, b.start) == (*bounds, 0)


def test_five_and_ten_is_not_fifteen():
    """"بين خمسة وعشرة": units join only tens; a range's second number is its own."""
    assert _value("خمسة وعشرة") == 5


def test_a_number_word_after_a_hundred_must_be_joined():
    assert _value("مئة واحد") == 100


# -- through claim extraction ---------------------------------------------------------------------

@pytest.mark.parametrize("sentence, figure", [
    ("قتل واحد وعشرون شخصاً في القصف على المدينة.", ("killed", 21, 21)),
    ("أصيب واحد وثلاثون مدنياً بجروح متفاوتة.", ("injured", 31, 31)),
    ("أسفرت الغارات عن مقتل واحد وأربعين عنصراً من الفصائل.", ("killed", 41, 41)),
    ("قتل اثنا عشر ألفاً من المدنيين خلال العام.", ("killed", 12000, 12000)),
    ("أصيب ثلاثة آلاف شخص بجروح منذ بدء الهجوم.", ("injured", 3000, 3000)),
    ("سقط 12 ألف قتيل في المعارك.", ("killed", 12000, 12000)),
    ("قتل ٧٣٬٠٠٣ أشخاص منذ بداية الحرب.", ("killed", 73003, 73003)),
    ("قتل مئتي شخص في القصف.", ("killed", 200, 200)),
    ("أسفر القصف عن مقـ ـتـ ـل ثلاثـة مدنيين.", ("killed", 3, 3)),
    ("قتل بضعة عناصر من قوات النظام.", ("killed", 3, 9)),
    ("قتل ۱۴ مدنياً في غارة جوية.", ("killed", 14, 14)),
])
def test_claims_read_these_numbers(extract, sentence, figure):
    assert extract(sentence).figures() == [figure]


@pytest.mark.parametrize("phrase", [
    "أصيب 20 في المئة من السكان", "قتل عشرون في المائة من المقاتلين", "تضرر ٣٠ في المئة من المنازل",
])
def test_percentages_are_not_counts(phrase):
    tokens = tokenize(fold(phrase).text)
    counts = [c for i in range(len(tokens)) if (c := read_count(tokens, i)) is not None]
    assert counts and all(is_measure(tokens, c) for c in counts)


@pytest.mark.parametrize("phrase, value", [
    ("قتل ألفين شخص", 2000), ("أصيب 2,000 شخص", 2000), ("قتل ألفي مدني", 2000),
])
def test_two_thousand_in_words_or_groups_is_no_year(phrase, value):
    tokens = tokenize(fold(phrase).text)
    count = read_count(tokens, 1)
    assert count.min == value and not is_measure(tokens, count)


@pytest.mark.parametrize("phrase", ["قتل في 2019 خمسة", "منذ 2011", "بلغ في 2021"])
def test_a_bare_four_digit_year_is_a_measure(phrase):
    tokens = tokenize(fold(phrase).text)
    count = next(c for i in range(len(tokens)) if tokens[i].is_number and (c := read_count(tokens, i)))
    assert is_measure(tokens, count)


@pytest.mark.parametrize("sentence, expected", [
    ("ارتفعت حصيلة ضحايا الغارات على السوق مساء أمس الأحد إلى ستة قتلى مدنيين.", [("killed", 6)]),
    ("ووصل عدد القتلى يوم الأحد إلى 7.", [("killed", 7)]),
    ("وبلغ عدد القتلى حتى الأحد الماضي ثلاثة مدنيين.", [("killed", 3)]),
    ("وقتل أحد عشر مدنياً في القصف.", [("killed", 11)]),
])
def test_sunday_with_the_article_is_no_count(sentence, expected):
    doc = rasd.extract("عنوان الخبر اليوم\n" + sentence, published="2024-05-13", outlet="B")
    assert [(c.kind, c.min) for c in doc.claims] == expected
