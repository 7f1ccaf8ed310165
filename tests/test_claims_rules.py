"""Rules added after reading real reports, pinned with sentences written for these tests."""
from __future__ import annotations

import pytest

import rasd


def doc_of(body: str):
    return rasd.extract("تطورات ميدانية\n" + body, published="2023-05-02", outlet="Test Outlet")


def claims(body: str):
    return [(c.kind, c.min, c.max, c.source.text) for c in doc_of(body).claims]


def test_one_as_an_adjective_is_no_count():
    assert claims("قتل أربعة مدنيين من عائلة واحدة بقصف على البلدة.") == [("killed", 4, 4, "Test Outlet")]


def test_a_verbal_noun_is_no_attribution():
    found = claims("وبسبب رصد المنطقة بطائرات الاستطلاع أصيب رجل بجروح.")
    assert found == [("injured", 1, 1, "Test Outlet")]


def test_connective_phrase_before_a_speech_verb():
    found = claims("من ناحية أخرى أفاد المرصد بمقتل شخص بقصف على بلدة تقاد.")
    assert found == [("killed", 1, 1, "المرصد")]


def test_quoted_speaker_after_wifqan():
    found = claims('ووفقاً لـ"الدفاع المدني السوري"، فإن "خمسة مدنيين بينهم طفلان قتلوا".')
    assert ("killed", 5, 5, "الدفاع المدني السوري") in found
    assert ("killed", 2, 2, "الدفاع المدني السوري") in found


def test_accusative_singular_subject_with_its_verb():
    assert claims("وقال مراسلنا إن مدنياً استشهد أثناء عمله في أرضه.") == [("killed", 1, 1, "مراسلنا")]


def test_a_dual_with_its_number_word_is_counted_once():
    assert claims("أدى القصف لإصابة شخصين اثنين.") == [("injured", 2, 2, "Test Outlet")]


def test_a_casualty_adjective_is_not_a_subject():
    assert claims("أسعفت الفرق طفلة مصابة قتل جميع أفراد عائلتها.") == []


def test_updated_toll_across_commas():
    found = claims("أفاد المرصد بارتفاع حصيلة القتلى جراء الغارات على مدينة أريحا، فجر الثلاثاء، إلى تسعة مدنيين.")
    assert found == [("killed", 9, 9, "المرصد")]


def test_one_of_the_residents_is_no_count():
    assert claims("وقال أحد سكان الحي إن الانفجارات هزت المكان وإن الأطفال أصيبوا بحالة من الذعر.") == []


def test_a_number_word_after_its_noun_is_not_a_strike_count():
    assert claims("مقتل مدنيين اثنين بغارات جوية روسية على سراقب.") == [("killed", 2, 2, "Test Outlet")]


def test_a_toll_rising_to_a_dual():
    found = claims("وبحسب المرصد السوري لحقوق الإنسان، ارتفعت حصيلة القتلى إلى عنصرين من هيئة تحرير الشام.")
    assert found == [("killed", 2, 2, "المرصد السوري لحقوق الإنسان")]


def test_a_headline_credit_in_brackets_is_the_source():
    doc = rasd.extract("مقتل ستة مدنيين في قصف على ريف إدلب (المرصد)\nقتل ستة مدنيين بقصف صاروخي.",
                       published="2022-02-12", outlet="Test Outlet")
    assert [(c.min, c.source.text) for c in doc.claims] == [(6, "المرصد"), (6, "Test Outlet")]


def test_a_bracketed_word_that_names_no_source_is_no_credit():
    doc = rasd.extract("مقتل ستة مدنيين في قصف على ريف إدلب (فيديو)", published="2022-02-12", outlet="Test Outlet")
    assert [c.source.text for c in doc.claims] == ["Test Outlet"]


@pytest.mark.parametrize("body, kind, n", [
    ("وتشير التقييمات الأولية إلى إصابة مدني واحد في الضربة.", "injured", 1),
    ("قُتل طفل واحد بقصف مدفعي على البلدة اليوم.", "killed", 1),
    ("أسفرت الغارة عن مقتل امرأة واحدة في القرية.", "killed", 1),
    ("أصيب مدني واحد وطفلان بجروح متفاوتة.", "injured", 3),
])
def test_one_after_its_noun_is_that_one_person(body, kind, n):
    assert [(k, lo) for k, lo, _, _ in claims(body)] == [(kind, n)]


@pytest.mark.parametrize("body, n", [
    ("قُتل طفل وأحد عناصر الدفاع المدني بقصف على البلدة.", 2),
    ("استشهد شاب وأحد أقاربه بغارة على المنزل.", 2),
    ("قتل مدني وأحد المسعفين بضربة ثانية على المكان.", 2),
])
def test_and_one_of_them_adds_a_person(body, n):
    assert [(k, lo) for k, lo, _, _ in claims(body)] == [("killed", n)]


def kinds(body: str):
    doc = rasd.extract("تطورات ميدانية\n" + body, published="2023-05-02", outlet="Test Outlet")
    return [(c.kind, c.min, c.group_kind) for c in doc.claims]


@pytest.mark.parametrize("body, expected", [
    ("أصيب خمسة أفراد من عائلة واحدة بقصف مسيرة على منزلهم.", ("injured", 5, "civilians")),
    ("وأصيب اثنان من أفراد عائلتها بجروح متوسطة.", ("injured", 2, "civilians")),
    ("قُتل ثلاثة من أفراد أسرته بالغارة.", ("killed", 3, "civilians")),
    ("قتل ثلاثة أفراد من قوات الأمن بهجوم على حاجز.", ("killed", 3, "fighters")),
    ("قُتل أربعة من أفراد الشرطة بانفجار عبوة.", ("killed", 4, "fighters")),
])
def test_members_are_who_they_are_members_of(body, expected):
    assert kinds(body) == [expected]


@pytest.mark.parametrize("body, n", [
    ("قُتل رجل ونجله بغارة على منزلهما.", 2),
    ("أسفرت الغارة عن مقتل مواطن متهم بالتهريب ونجله.", 2),
    ("قُتل رجل ونجلاه بقصف مدفعي على القرية.", 3),
])
def test_a_son_named_formally_is_one_more_person(body, n):
    assert [(k, lo) for k, lo, _ in kinds(body)] == [("killed", n)]


@pytest.mark.parametrize("body", [
    "وأضاف أن القتلى هم رجل في الخمسين من عمره ونجله البالغ 12 عاماً.",
    "والضحايا هم امرأة في الأربعين من عمرها وطفلاها.",
    "وبين القتلى مسن في السبعين من العمر وحفيده.",
])
def test_an_age_in_tens_is_no_count(body):
    assert not any(lo >= 40 for _, lo, _ in kinds(body))


@pytest.mark.parametrize("body, expected", [
    ("لحظة سقوط نجل الأمير من ظهر الجواد خلال السباق.", []),
    ("سقوط طفل في بئر مهجورة بالقرية.", []),
    ("أدى القصف إلى سقوط قتيلين من المدنيين.", [("killed", 2)]),
    ("سقوط شهيد بقصف مدفعي على البلدة.", [("killed", 1)]),
])
def test_a_fall_is_no_death_unless_a_casualty_noun_follows(body, expected):
    assert [(k, lo) for k, lo, _ in kinds(body)] == expected


@pytest.mark.parametrize("body, first", [
    ("أدى العدوان إلى استشهاد مدنية وعسكريين اثنين.", ("killed", 1, "civilians")),
    ("قتل مدني وعناصر من قوات النظام بالقصف على الحاجز.", ("killed", 1, "civilians")),
    ("أصيب جندي ومدنيون بجروح جراء القصف.", ("injured", 1, "fighters")),
])
def test_victims_of_another_kind_joined_by_and_are_another_group(body, first):
    assert kinds(body)[0] == first


@pytest.mark.parametrize("body", [
    "وكان جنود قد قتلوا في العشرين من الشهر الماضي في قصف مماثل.",
    "قتل مدنيان في الثلاثين من شهر أيار بقصف على البلدة.",
    "وأصيب مدني في العشرين من شهر كانون الثاني بشظايا قذيفة.",
])
def test_a_day_of_the_month_in_words_is_no_count(body):
    assert not any(lo >= 3 for _, lo, _ in kinds(body))


@pytest.mark.parametrize("body, expected", [
    ('قُتل 13 عنصراً من الفصائل و6 من "قسد" في المعارك.', [("killed", 13, "fighters"), ("killed", 6, "fighters")]),
    ("قُتل 4 من «قسد» بهجوم على حاجز.", [("killed", 4, "fighters")]),
    ("وقتل 19 قتيلاً من الطرفين في معارك سد تشرين.", [("killed", 19, "fighters")]),
])
def test_an_armed_group_in_quotes_or_both_sides_are_fighters(body, expected):
    assert kinds(body) == expected


@pytest.mark.parametrize("body, expected", [
    ("وقال قريب لأحد الضحايا إن المزارعين كانا يعملان في الحقل.", []),
    ("وبحسب شقيق لأحد القتلى فإن القصف بدأ فجراً.", []),
    ("أدى القصف لمقتل أحد المدنيين في البلدة.", [("killed", 1, "civilians")]),
])
def test_to_one_of_the_victims_is_no_count(body, expected):
    assert kinds(body) == expected


@pytest.mark.parametrize("body, expected", [
    ("أصيب بجروح طفلان وامرأة بقصف على الحي.", [("injured", 3, "civilians")]),
    ("وأصيب بجراح متفاوتة مدنيان كانا في المكان.", [("injured", 2, "civilians")]),
    ("جُرح بشظايا القذيفة رجل مسن أمام منزله.", [("injured", 1, "civilians")]),
])
def test_wounds_between_the_verb_and_its_victims(body, expected):
    assert kinds(body) == expected


@pytest.mark.parametrize("body, expected", [
    ("توفي متأثراً بجراحه طفل أصيب أمس بقصف على البلدة.", ("killed", 1, 1)),
    ("وتوفيت متأثرة بجراحها امرأة أصيبت بالقصف.", ("killed", 1, 1)),
    ("وأسفرت الضربة عن مقتل شخصين على الأقل.", ("killed", 2, None)),
    ("مقتل مدنيين اثنين على الأقل وإصابة آخرين.", ("killed", 2, None)),
    ("قُتل طفل على الأقل بالقصف.", ("killed", 1, None)),
])
def test_the_wounds_one_died_of_and_at_least_after_named_victims(body, expected):
    doc = rasd.extract("تطورات ميدانية\n" + body, published="2023-05-02", outlet="Test Outlet")
    assert (doc.claims[0].kind, doc.claims[0].min, doc.claims[0].max) == expected


@pytest.mark.parametrize("text, kind", [
    ("قتل صيادان بقصف على ضفة النهر اليوم.", "killed"),                 # nominative dual of a singular
    ("إصابة راعيين اثنين بقذائف مدفعية قرب البلدة.", "injured"),         # oblique dual, "اثنين" after it
    ("أصيبت مسعفتان بشظايا أثناء إسعاف الجرحى.", "injured"),             # feminine dual (ة -> تان)
    ("مقتل طالبين بقصف استهدف محيط المدرسة.", "killed"),                # oblique dual after the trigger
])
def test_the_dual_of_any_singular_victim_noun_counts_two(text, kind):
    found = [(c.kind, c.min, c.max, c.group_kind) for c in doc_of(text).claims]
    assert (kind, 2, 2, "civilians") in found, found


@pytest.mark.parametrize("body, kind, total", [
    ("وأفاد الدفاع المدني أن 5 مدنيين، بينهم امرأة، أصيبوا بقصف على القرية.", "injured", 5),
    ("قال مصدر طبي إن أربعة أشخاص، بينهم طفلان، قتلوا في الغارة.", "killed", 4),
    ("وذكر المرصد أن ثلاث نساء، من بينهن طفلة، أُصبن بشظايا القذائف.", "injured", 3),
    ("سبعة مدنيين، منهم ثلاثة أطفال، لقوا حتفهم بالقصف المدفعي.", "killed", 7),
])
def test_a_breakdown_set_off_by_commas_leaves_the_count_its_verb(body, kind, total):
    found = claims(body)
    assert any(k == kind and lo == hi == total for k, lo, hi, _ in found), found


def totals(body: str):
    doc = rasd.extract("تطورات ميدانية\n" + body, published="2023-05-02", outlet="Test Outlet")
    return [(c.kind, c.min, c.breakdown) for c in doc.claims]


@pytest.mark.parametrize("body, expected", [
    ("ارتفعت حصيلة القصف على المخيم إلى 16 وفاة و47 إصابة.", [("killed", 16, False), ("injured", 47, False)]),
    ("وسجلت مديرية الصحة 23 وفاة بين المدنيين.", [("killed", 23, False)]),
    ("استقبلت المشافي أكثر من 30 إصابة جراء الغارات.", [("injured", 31, False)]),
    ("وبلغ عدد الضحايا 3 وفيات و5 إصابات.", [("killed", 3, False), ("injured", 5, False)]),
])
def test_cases_counted_by_the_verbal_noun_after_eleven_and_wafayat(body, expected):
    """"16 وفاة", "47 إصابة": the singular a count from eleven takes; "3 وفيات" is no و + "فيات"."""
    assert totals(body) == expected


def test_a_death_noun_before_its_victim_is_still_a_trigger():
    assert totals("أعلنت مديرية الصحة وفاة طفل متأثراً بجراحه.") == [("killed", 1, False)]


@pytest.mark.parametrize("body, expected", [
    ("ارتفع إلى 15 بينهم 8 أطفال عدد الذين استشهدوا جراء سقوط الصاروخ على المخيم.",
     [("killed", 15, False), ("killed", 8, True)]),
    ("وبذلك يرتفع إلى 21 بينهم 5 أطفال و3 مواطنات تعداد الشهداء المدنيين الذين قضوا بالغارات.",
     [("killed", 21, False), ("killed", 5, True), ("killed", 3, True)]),
    ("ارتفع إلى 9 بينهم طفلان عدد القتلى في البلدة.", [("killed", 9, False), ("killed", 2, True)]),
])
def test_a_count_stated_before_its_breakdown_and_label(body, expected):
    """A monitor's "ارتفع إلى N بينهم ... عدد الشهداء": N is the toll, the breakdown its parts."""
    assert totals(body) == expected


@pytest.mark.parametrize("body", [
    "أصيب مواطن بجروح جراء عدوان استهدف جسراً عند مدخل المدينة مساء اليوم، ولم تُسجَّل وفيات.",
    "أصيب ثلاثة أطفال بقصف مدفعي على منزل في القرية، دون وقوع وفيات.",
    "أصيبت امرأتان بشظايا القذائف، ولم تسجل أي حالة وفاة بين الأهالي.",
])
def test_no_deaths_recorded_is_a_toll_of_no_dead(body):
    """"ولم تُسجَّل وفيات", "دون وقوع وفيات", "لم تسجل أي حالة وفاة": the dead are none,
    beside the wounded the report counts."""
    found = {(k, lo, hi) for k, lo, hi, _ in claims(body)}
    assert ("killed", 0, 0) in found and any(k == "injured" and lo for k, lo, _ in found)


@pytest.mark.parametrize("body, kind, n", [
    ("استشهد عدد من العسكريين ومدني جراء غارة بطائرة مسيرة على رتل قرب القرية.", "killed", 1),
    ("قتل عدد من العناصر وطفل بقصف مدفعي على أطراف البلدة.", "killed", 1),
    ("أصيب عدد من الجنود ومدنيان بانفجار عبوة ناسفة على الطريق.", "injured", 2),
])
def test_persons_joined_after_an_uncounted_group_are_counted(body, kind, n):
    """"عدد من العسكريين ومدني": the soldiers are not counted, the civilian after them is."""
    assert (kind, n, "civilians") in kinds(body)


def test_persons_of_the_same_side_after_an_uncounted_group_give_no_count():
    assert kinds("قتل عدد من المدنيين وطفل في القصف على البلدة.") == []


@pytest.mark.parametrize("body, kind, n, group", [
    ("استشهد مدني وعدد من العسكريين جراء الغارة على الرتل.", "killed", 1, "civilians"),
    ("قتل طفل وعدد من عناصر الفصائل بقصف على أطراف القرية.", "killed", 1, "civilians"),
    ("أصيب مدنيان وعدد من الجنود بانفجار عبوة على الطريق.", "injured", 2, "civilians"),
    ("قتل عنصر وعدد من المدنيين بالقصف على البلدة.", "killed", 1, "fighters"),
])
def test_persons_counted_before_an_uncounted_group_keep_their_side(body, kind, n, group):
    """"مدني وعدد من العسكريين": the civilian is counted as a civilian; the soldiers after him
    are another, uncounted group."""
    assert (kind, n, group) in kinds(body)
