"""Kinds of casualty statements met in reporting rasd had not seen, each pinned with sentences
written here (several forms per rule: word order, gender, number, spelling)."""
from __future__ import annotations

import pytest

import rasd


def read(body: str):
    doc = rasd.extract("تطورات ميدانية\n" + body, published="2023-05-02", outlet="Test Outlet")
    return doc.claims


def figures(body: str) -> list[tuple[str, int | None, int | None]]:
    return [(c.kind, c.min, c.max) for c in read(body)]


def with_groups(body: str) -> list[tuple[str, int | None, str]]:
    return [(c.kind, c.min, c.group_kind) for c in read(body)]


# -- victims named one by one -----------------------------------------------------------------

@pytest.mark.parametrize("sentence, expected", [
    ("استشهاد الطفل أحمد الخالد (١٢ عاماً) والشاب محمد العلي بقصف على البلدة.", [("killed", 2, "civilians")]),
    ("أصيبت الممرضة ريم الحسن والمسعفة هدى العمر بقصف على المشفى.", [("injured", 2, "civilians")]),
    ("مقتل المعلمة سعاد الحسين، 40 عاماً، وطفليها بغارة روسية.", [("killed", 3, "civilians")]),
    ("استشهاد امرأة البالغة من العمر 40 عاماً وابنها في القصف.", [("killed", 2, "civilians")]),
    ("قتل الصحفية لينا الأحمد والمصور خالد العمر والسائق سامر الحسن بغارة.", [("killed", 3, "civilians")]),
])
def test_victims_named_one_by_one_are_counted(sentence, expected):
    assert with_groups(sentence) == expected


@pytest.mark.parametrize("sentence, expected", [
    ("الطفل أحمد الخالد (12 عاماً) استشهد بقصف مدفعي.", [("killed", 1, "civilians")]),
    ("الشاب محمد العلي، 25 عاماً، والطفلة سارة قتلا بقصف مدفعي.", [("killed", 2, "civilians")]),
    ("وقالت مصادر إن المسعفة هدى العمر أصيبت بشظايا القذيفة.", [("injured", 1, "civilians")]),
])
def test_a_name_and_age_between_the_noun_and_its_verb(sentence, expected):
    assert with_groups(sentence) == expected


@pytest.mark.parametrize("sentence, expected", [
    ("قتلت الغارة الطفلة سارة الأحمد وشقيقها.", [("killed", 2, "civilians")]),
    ("قتلت الغارة الإسرائيلية رجلاً وطفلاً في البلدة.", [("killed", 2, "civilians")]),
    ("أصابت شظايا القذيفة طفلين في الحي.", [("injured", 2, "civilians")]),
    ("قتل جنود الاحتلال طفلاً في الحي.", [("killed", 1, "civilians")]),
])
def test_victims_as_the_object_of_an_active_verb(sentence, expected):
    assert with_groups(sentence) == expected


@pytest.mark.parametrize("sentence", [
    "أصابت الغارة منزل المواطن أحمد العلي.",
    "أصابت قذيفة سيارة أحد المدنيين في البلدة.",
    "أصابت الصواريخ مقر الفصيل وخيمة الرجل.",
])
def test_a_possessed_thing_is_what_the_strike_hit_not_a_victim(sentence):
    assert figures(sentence) == []


@pytest.mark.parametrize("sentence", [
    "أصابت القذيفة أحد المنازل في الحي الشرقي.",
    "وأصاب صاروخ إحدى السيارات المدنية على الطريق.",
    "خرج المطار عن الخدمة بعد غارات أصابت أحد مدارجه.",
    "أصاب القصف أحد المباني السكنية في المدينة.",
])
def test_one_of_some_things_hit_is_no_victim(sentence):
    """"أحد المنازل": one of some things, where "أحد المدنيين" is one person."""
    assert figures(sentence) == []


@pytest.mark.parametrize("sentence, expected", [
    ("أصيب أحد المدنيين بجروح في القصف.", [("injured", 1, "civilians")]),
    ("قتلت الغارة أحد عناصر الدفاع المدني.", [("killed", 1, "civilians")]),
])
def test_one_of_some_people_is_still_a_victim(sentence, expected):
    assert with_groups(sentence) == expected


@pytest.mark.parametrize("sentence", [
    "الجندي أحمد قتل طفلاً في الحي.",
    "العنصر في الفصيل قتل طفلاً في الحي.",
    "قتل جنود الاحتلال طفلاً في الحي.",
])
def test_the_killer_before_the_verb_is_not_counted(sentence):
    assert with_groups(sentence) == [("killed", 1, "civilians")]


@pytest.mark.parametrize("sentence, expected", [
    ("استهدفت مسيرة إسرائيلية شخصاً، مما تسبب بمقتله على الفور.", [("killed", 1, 1)]),
    ("سقطت قذيفة قرب امرأة وطفلها ما أدى إلى مقتلهما.", [("killed", 2, 2)]),
    ("استهدف قناص الشابة أثناء عودتها ما أدى لإصابتها بجروح.", [("injured", 1, 1)]),
    ("وأعلنت المصادر عن وفاته لاحقاً في المشفى.", [("killed", 1, 1)]),
])
def test_a_pronoun_victim(sentence, expected):
    assert figures(sentence) == expected


@pytest.mark.parametrize("sentence, expected", [
    ("غارة جوية على منزل في البلدة ما أدى لمقتله مع زوجته وأطفاله الستة.", [("killed", 8, 8)]),
    ("استهدفت المسيرة سيارته ما أدى لمقتله مع ابنه على الفور.", [("killed", 2, 2)]),
    ("سقطت القذيفة على منزلها ما تسبب بإصابتها مع طفليها بجروح.", [("injured", 3, 3)]),
])
def test_a_pronoun_victim_with_his_or_her_kin(sentence, expected):
    """"ما أدى لمقتله مع زوجته وأطفاله الستة": the one the pronoun points at and the kin with him."""
    assert figures(sentence) == expected


@pytest.mark.parametrize("sentence, expected", [
    ("استشهد الشاب أحمد متأثراً بإصابته.", [("killed", 1, 1)]),
    ("استهدفت المسيرة سيارة ما أدى لإصابتها بأضرار كبيرة.", []),
    ("قتل شاب بعد إصابته برصاص قناص.", [("killed", 1, 1)]),
    ("قتل 3 مدنيين في الغارة ما أدى لمقتلهم.", [("killed", 3, 3)]),
])
def test_a_pronoun_pointing_at_victims_already_counted_is_no_new_figure(sentence, expected):
    assert figures(sentence) == expected


@pytest.mark.parametrize("sentence", [
    "كما استشهد مواطنين وهما رجل وطفله.",
    "وأصيب شابين هما أحمد ومحمد العلي.",
    "وقتل مدنيين اثنين كلاهما من أبناء القرية.",
])
def test_an_in_noun_named_by_huma_is_two(sentence):
    assert [f[1] for f in figures(sentence)] == [2]


def test_a_killing_in_raha_dahiyataha():
    for sentence in ("ارتكبت الطائرات مجزرة راح ضحيتها 5 مدنيين.", "انفجار راح ضحيته ثلاثة أطفال.",
                     "هجوم راح ضحيته طفل وامرأة."):
        assert [f[0] for f in figures(sentence)] == ["killed"], sentence


# -- what the figure counts -------------------------------------------------------------------

@pytest.mark.parametrize("sentence, expected", [
    ("قُتل مدني وأربعة من جنود النظام بقصف على درعا.", [("killed", 1, "civilians"), ("killed", 4, "fighters")]),
    ("قتلت امرأة وثلاثة من عناصر الفصائل في الهجوم.", [("killed", 1, "civilians"), ("killed", 3, "fighters")]),
    ("أصيب طفل واثنان من مقاتلي قسد بالقصف.", [("injured", 1, "civilians"), ("injured", 2, "fighters")]),
])
def test_a_civilian_and_fighters_are_two_claims(sentence, expected):
    assert with_groups(sentence) == expected


def test_others_after_mixed_victims_are_of_unknown_kind():
    found = with_groups("قُتل مدني وأربعة من جنود النظام السوري وأُصيب تسعة أشخاص آخرون في قصف.")
    assert found[-1] == ("injured", 9, "unknown")


# -- no reports is not a denial ---------------------------------------------------------------

@pytest.mark.parametrize("sentence", [
    "سقطت قذائف على البلدة دون أنباء عن وقوع إصابات.",
    "ولم ترد معلومات عن إصابات في صفوف المدنيين.",
    "واستهدف القصف أطراف القرية، دون ورود أنباء عن خسائر بشرية.",
    "ولا توجد معلومات عن وقوع إصابات حتى اللحظة.",
    "قصفت المدفعية البلدة دون معرفة حجم الخسائر البشرية.",
])
def test_no_reports_of_casualties_is_no_claim(sentence):
    assert figures(sentence) == []


@pytest.mark.parametrize("sentence", [
    "وسقط الصاروخ في أرض زراعية دون وقوع إصابات.",
    "ولم يسفر القصف عن خسائر بشرية.",
    "نافياً وقوع أي خسائر بشرية في صفوف قواته.",
])
def test_a_stated_absence_of_casualties_is_still_a_denial(sentence):
    assert ("killed", 0, 0) in figures(sentence)


# -- cumulative tolls -------------------------------------------------------------------------

def cumulative(body: str) -> list[tuple[str, int | None, bool]]:
    return [(c.kind, c.min, c.cumulative) for c in read(body)]


@pytest.mark.parametrize("sentence, expected", [
    ("وثق المرصد منذ بداية العام مقتل 150 مدنياً.", [("killed", 150, True)]),
    ("وبذلك يرتفع إلى 45 عدد القتلى منذ مطلع الشهر الجاري.", [("killed", 45, True)]),
    ("ليرتفع إلى 194 تعداد الشهداء المدنيين منذ مطلع العام.", [("killed", 194, True)]),
    ("وثقت الشبكة السورية مقتل 120 مدنياً خلال شهر آب الماضي بينهم 30 طفلاً.",
     [("killed", 120, True), ("killed", 30, True)]),
    ("وبلغت حصيلة الضحايا منذ 2011 أكثر من 300 قتيل.", [("killed", 301, True)]),
    ("إجمالي عدد الشهداء: 992", [("killed", 992, True)]),
    ("وأحصت الحصيلة الإجمالية 75 جريحاً في المحافظة.", [("injured", 75, True)]),
    # a weekly or monthly report's count, told with a demonstrative
    ("وثّقت الشبكة خلال هذا الأسبوع مقتل 17 مدنياً على الأقل في الضربات الجوية.", [("killed", 17, True)]),
    ("قُتلت 9 نساء خلال هذا الشهر في قصف على ريف المحافظة.", [("killed", 9, True)]),
    ("وأصيب خلال هذه الأسابيع أكثر من أربعين مدنياً بالقصف.", [("injured", 41, True)]),
])
def test_tolls_over_a_period_are_cumulative(sentence, expected):
    assert cumulative(sentence) == expected


@pytest.mark.parametrize("sentence, expected", [
    ("قتلت غارات النظام 63 طفلاً خلال 5 أشهر في إدلب.", [("killed", 63, True)]),
    ("وثقت الشبكة مقتل 120 مدنياً على مدى ثلاثة أعوام.", [("killed", 120, True)]),
    ("أصيب 40 شخصاً خلال شهرين في المنطقة.", [("injured", 40, True)]),
    ("طوال عامين قتل 500 شخص في المخيم.", [("killed", 500, True)]),
    # an event that long ago
    ("ولا تزال قضية مقتل سبعين مدنياً بغارة أمريكية قبل عامين قيد التحقيق.", [("killed", 70, True)]),
    ("وقتل 12 مدنياً في قصف مماثل على البلدة قبل ثلاث سنوات.", [("killed", 12, True)]),
    # days and hours stay the incident's: a night's wave, last night's strike
    ("قتل 3 مدنيين خلال الساعات الماضية بقصف على البلدة.", [("killed", 3, False)]),
    ("قتلت امرأتان قبل يومين في قصف على سرمين.", [("killed", 2, False)]),
    ("عاد النازحون إلى القرية قبل أشهر، وقتل 3 منهم اليوم بقصف مدفعي.", [("killed", 3, False)]),
])
def test_tolls_over_months_or_years_and_events_that_long_ago_are_cumulative(sentence, expected):
    assert cumulative(sentence) == expected


@pytest.mark.parametrize("sentence, expected", [
    ("وبذلك يرتفع إلى 19 عدد القتلى بالضربات على المحافظة منذ صباح الخميس.", [("killed", 19, True)]),
    ("وقُتل منذ مساء يوم الأربعاء 15 مدنياً في الغارات على مناطق الريف الشرقي.", [("killed", 15, True)]),
    ("أصيبت منذ السبت 30 امرأة وطفلاً بالقصف المتواصل على البلدات.", [("injured", 30, True)]),
    # since this morning is one day's toll, and a weekday without منذ dates the strike
    ("ارتفع عدد القتلى منذ صباح اليوم إلى 12 مدنياً جراء القصف على أريحا.", [("killed", 12, False)]),
    ("قتل 5 مدنيين بغارة على أريحا صباح الخميس.", [("killed", 5, False)]),
])
def test_a_running_total_since_a_named_day_is_cumulative(sentence, expected):
    """A wave of strikes over several days is counted "منذ صباح الخميس": not one strike's toll."""
    assert cumulative(sentence) == expected


# -- killed and injured counted together ------------------------------------------------------

@pytest.mark.parametrize("sentence, combined", [
    ("قتل وأصيب نحو 80 شخصاً جراء استهداف القوات الحكومية بلدة كفرجالس.", [True]),
    ("وقال المصدر إن نحو 20 مدنياً استشهدوا وأصيبوا جراء القصف على المدينة.", [True]),
    ("مقتل وإصابة 10 عناصر من قوات النظام بقصف على محور كبانة.", [True]),
    ("سقوط 15 قتيلاً وجريحاً في انفجار سيارة مفخخة وسط المدينة.", [True]),
    ("وبلغ عدد القتلى والجرحى 25 شخصاً حتى المساء.", [True]),
    # separate figures for each kind stay what they are; a noun that is its own count is one killed
    ("ما أدى لسقوط شهيدة وجرحى في صفوف المدنيين في البلدة.", [False]),
    ("قتل طفل وجرحى آخرون بقصف على الحي.", [False]),
    ("قتل 3 مدنيين وأصيب 5 آخرون في قصف على بلدة سرمين.", [False, False]),
    ("أسفر القصف عن مقتل طفلين وإصابة 4 نساء في البلدة.", [False, False]),
])
def test_killed_and_injured_counted_together_are_marked_combined(sentence, combined):
    assert [c.combined for c in read(sentence)] == combined


@pytest.mark.parametrize("sentence, expected", [
    ("قتل 3 مدنيين اليوم، ليرتفع عدد القتلى منذ مطلع الشهر إلى 45.",
     [("killed", 3, False), ("killed", 45, True)]),
    ("منذ بداية العام، قتل 150 مدنياً، وقتل في القصف الأخير 3 آخرون.",
     [("killed", 150, True), ("killed", 3, False)]),
    ("وأصيب 4 أشخاص في القصف، فيما بلغت الحصيلة الإجمالية 992 قتيلاً.",
     [("injured", 4, False), ("killed", 992, True)]),
    ("واستشهد طفلان بعد أن تجاوز عدد القتلى منذ بدء التصعيد 60 شخصاً.",
     [("killed", 2, False), ("killed", 61, True)]),
])
def test_the_days_new_figures_beside_a_cumulative_toll_stay_new(sentence, expected):
    assert cumulative(sentence) == expected


# -- labels, bare numbers and bracketed breakdowns --------------------------------------------

@pytest.mark.parametrize("line, expected", [
    ("إجمالي عدد الشهداء: 992", [("killed", 992, 992)]),
    ("عدد الإصابات 14", [("injured", 14, 14)]),
    ("الشهداء: 3", [("killed", 3, 3)]),
    ("عدد الشهداء 3 وعدد الجرحى 12", [("killed", 3, 3), ("injured", 12, 12)]),
    ("الغارات: 7", [("strikes", 7, 7)]),
])
def test_label_then_number(line, expected):
    assert figures(line) == expected


@pytest.mark.parametrize("sentence, expected", [
    ("ارتفع عدد القتلى إلى 7.", [("killed", 7, 7)]),
    ("وارتفعت حصيلة الجرحى جراء القصف على المدينة إلى 12 بينهم طفلان.", [("injured", 12, 12), ("injured", 2, 2)]),
    ("قُتل 3 وأصيب 5 بقصف على البلدة.", [("killed", 3, 3), ("injured", 5, 5)]),
    ("استشهد 6 بينهم طفلان وامرأة.", [("killed", 6, 6), ("killed", 2, 2), ("killed", 1, 1)]),
])
def test_a_number_with_no_noun_after_a_claim_word(sentence, expected):
    assert figures(sentence) == expected


@pytest.mark.parametrize("sentence", [
    "قتل شاب في الحي رقم 3 بالمدينة.",
    "استهدف القصف الطابق 4 من المبنى.",
    "قتل 3 جنود أتراك و3 آخرون من الفصائل.",
])
def test_a_number_before_a_noun_or_after_no_claim_word_is_no_bare_count(sentence):
    found = figures(sentence)
    assert ("killed", 3, 3) not in found or "جنود" in sentence
    assert all(f[1] not in (4,) for f in found)


@pytest.mark.parametrize("sentence, expected", [
    ("مقتل 5 (3 أطفال وامرأتان) بغارة روسية.",
     [("killed", 5, False), ("killed", 3, True), ("killed", 2, True)]),
    ("إصابة 7 مدنيين (4 أطفال و3 نساء) بالقصف.",
     [("injured", 7, False), ("injured", 4, True), ("injured", 3, True)]),
    ("استشهاد 4 أشخاص (طفل وامرأتان ورجل) في الغارة.",
     [("killed", 4, False), ("killed", 1, True), ("killed", 2, True), ("killed", 1, True)]),
])
def test_a_breakdown_in_brackets(sentence, expected):
    assert [(c.kind, c.min, c.breakdown) for c in read(sentence)] == expected


@pytest.mark.parametrize("sentence, expected", [
    ("بلغ عدد الجثامين ٧٣ جثماناً منهم ٤٥ يحملون الجنسية السورية و٢٣ يحملون الجنسية اللبنانية.",
     [("killed", 73, False), ("killed", 45, True), ("killed", 23, True)]),
    ("قتل 10 أشخاص بينهم 3 في حالة حرجة قبل وفاتهم.", [("killed", 10, False), ("killed", 3, True)]),
    ("أصيب 12 شخصاً، منهم 4 إصاباتهم خطيرة وثلاثة حالتهم مستقرة.",
     [("injured", 12, False), ("injured", 4, True), ("injured", 3, True)]),
])
def test_a_breakdown_by_bare_numbers(sentence, expected):
    assert [(c.kind, c.min, c.breakdown) for c in read(sentence)] == expected


@pytest.mark.parametrize("sentence, expected", [
    ("تسليم جثث 45 سوريا لذويهم.", [("killed", 45, "unknown")]),
    ("مقتل 3 أتراك بهجوم على قاعدة عسكرية.", [("killed", 3, "unknown")]),
    ("قتل 3 جنود أتراك بقصف على القاعدة.", [("killed", 3, "fighters")]),
    ("استشهد طفل سوري في القصف على المخيم.", [("killed", 1, "civilians")]),
])
def test_nationalities_are_victims_of_unknown_kind(sentence, expected):
    assert with_groups(sentence) == expected


@pytest.mark.parametrize("sentence", [
    "أعلن الفصيل استهداف موقع للجيش بصاروخ موجه وإصابته إصابة مباشرة.",
    "واستهدفت المسيرة الآلية ودمرتها وإصابتها بشكل مباشر.",
    "أظهرت دراسة أن خطر الإصابة بأمراض الكلى يزيد بمقدار الخمس.",
])
def test_a_target_hit_or_a_disease_is_no_casualty(sentence):
    assert figures(sentence) == []


@pytest.mark.parametrize("sentence, count", [
    ("أصيبت امرأة وطفلاها بانفجار لغم أرضي.", 3),
    ("مقتل رجل وزوجته وطفليهما بغارة.", 4),
    ("استشهاد سيدة وابنتها وشقيقيها بالقصف.", 4),
])
def test_relatives_with_a_possessive_pronoun_are_counted(sentence, count):
    assert [f[1] for f in figures(sentence)] == [count]


@pytest.mark.parametrize("sentence, expected", [
    ("أعلن الجيش الأردني مقتل 27 مهرباً خلال محاولتهم التسلل.", [("killed", 27, 27)]),
    ("مقتل 5 رعاة أغنام بانفجار لغم.", [("killed", 5, 5)]),
    ("استشهاد 3 متطوعين في الهلال الأحمر بقصف على المستودع.", [("killed", 3, 3)]),
])
def test_after_a_killing_word_any_noun_names_the_dead(sentence, expected):
    assert figures(sentence) == expected


@pytest.mark.parametrize("sentence", ["إصابة 3 منازل بأضرار.", "أصيبت 4 سيارات بالشظايا.", "وإصابة 5 أهداف بدقة."])
def test_a_hit_word_before_things_is_no_casualty(sentence):
    assert figures(sentence) == []


@pytest.mark.parametrize("sentence, expected", [
    ("وذكرت وزارة الدفاع التركية أنها حيّدت 12 إرهابياً في شمال سوريا.", [("killed", 12, "fighters")]),
    ("وأعلنت الوزارة تحييد 5 عناصر من الوحدات الكردية.", [("killed", 5, "fighters")]),
    ("حيدت القوات التركية 3 مسلحين.", [("killed", 3, "fighters")]),
])
def test_neutralised_is_killed(sentence, expected):
    assert with_groups(sentence) == expected


@pytest.mark.parametrize("sentence, expected", [
    ("قُتل رجل وزوجته وأصيب أطفالهما الثلاثة بقصف مدفعي.", [("killed", 2, "civilians"), ("injured", 3, "civilians")]),
    ("استشهد أطفاله الأربعة في الغارة.", [("killed", 4, "civilians")]),
    ("أصيب المدنيون الخمسة بجروح متفاوتة.", [("injured", 5, "civilians")]),
])
def test_a_plural_with_a_definite_number_word(sentence, expected):
    assert with_groups(sentence) == expected


@pytest.mark.parametrize("sentence", ["وسقوط 6 قذائف على البلدة.", "سقوط أكثر من 30 صاروخ على المخيم.",
                                      "وسقوط 4 قذائف هاون قرب المدرسة."])
def test_a_falling_word_before_shells_is_no_killing(sentence):
    assert [f for f in figures(sentence) if f[0] == "killed"] == []


@pytest.mark.parametrize("sentence, expected", [
    ("مقتل شاب في العشرينات من عمره بغارة إسرائيلية.", [("killed", 1, "civilians")]),
    ("استشهاد رجل في الخمسينات من العمر بقصف مدفعي.", [("killed", 1, "civilians")]),
    ("إصابة فتاة في العقد الثاني من عمرها برصاص قناص.", [("injured", 1, "civilians")]),
])
def test_an_age_in_words_is_no_count(sentence, expected):
    assert with_groups(sentence) == expected


@pytest.mark.parametrize("sentence, expected", [
    ("وأصيب 9 آخرين بينهم قيادي (أفغاني الجنسية) في الهجوم.", [("injured", 9, False), ("injured", 1, True)]),
    ("كل يوم يقتل أطفال سوريا أمام العالم الصامت.", []),
    ("قتل شاب (سوري الجنسية) برصاص حرس الحدود.", [("killed", 1, False)]),
])
def test_a_description_in_brackets_or_a_country_is_no_person(sentence, expected):
    assert [(c.kind, c.min, c.breakdown) for c in read(sentence)] == expected


@pytest.mark.parametrize("sentence", [
    "وتشير التقييمات إلى أنه لم يقتل أو يجرح أي مدني خلال العملية.",
    "ولم يصب أي من العاملين في المشفى.",
    "التقرير اليومي لحصيلة الضحايا المدنيين في سوريا 15-2-2022",
])
def test_a_negated_verb_or_a_date_is_no_casualty(sentence):
    assert figures(sentence) == []


@pytest.mark.parametrize("sentence, expected", [
    ("الحرس الثوري الإيراني يعلن قتل إسرائيل اثنين من ضباطه.", [("killed", 2, 2)]),
    ("الجيش التركي يعلن مقتل 3 من جنوده.", [("killed", 3, 3)]),
    ("وزير الدفاع الروسي يؤكد مقتل جندي في سوريا.", [("killed", 1, 1)]),
])
def test_the_speaker_of_a_headline_is_no_victim(sentence, expected):
    assert figures(sentence) == expected


# -- dual nouns: the noun is the count --------------------------------------------------------

@pytest.mark.parametrize("sentence, expected", [
    ("قتل صحفيان بقصف مسيرة على سيارتهما قرب البلدة.", [("killed", 2, "civilians")]),
    ("أصيبت طبيبتان بجروح في قصف على المشفى في المدينة.", [("injured", 2, "civilians")]),
    ("وثق الدفاع المدني مقتل ناشطتين إعلاميتين بغارة على الحي.", [("killed", 2, "civilians")]),
    ("قتل راعيان بانفجار لغم في بادية حمص الشرقية.", [("killed", 2, "civilians")]),
    ("قتل مقاتلان من قسد بقصف تركي على ريف الحسكة.", [("killed", 2, "fighters")]),
    ("قتل مسلحان في اشتباك مع دورية قرب البلدة.", [("killed", 2, "fighters")]),
    ("قتل عسكريان وأصيب ثالث بانفجار لغم قرب البلدة.", [("killed", 2, "fighters"), ("injured", 1, "fighters")]),
])
def test_a_dual_noun_counts_two_in_both_genders_and_cases(sentence, expected):
    assert with_groups(sentence) == expected


@pytest.mark.parametrize("sentence, expected", [
    ("أصيب ثلاثة من عناصر الدفاع المدني بجروح في قصف على البلدة.", [("injured", 3, "civilians")]),
    ("قتل عنصران من الدفاع المدني بغارة مزدوجة على البلدة.", [("killed", 2, "civilians")]),
    ("أصيب 4 متطوعين في الهلال الأحمر بجروح في القصف على المدينة.", [("injured", 4, "civilians")]),
    # an armed body whose name also holds "الدفاع" stays armed
    ("قتل 3 عناصر من قوات الدفاع الوطني بهجوم في البادية.", [("killed", 3, "fighters")]),
])
def test_members_of_rescue_and_relief_bodies_are_civilians(sentence, expected):
    assert with_groups(sentence) == expected


@pytest.mark.parametrize("sentence", [
    "ويأخذ التحالف جميع التقارير عن وقوع إصابات مدنية على محمل الجد.",
    "لا معلومات مؤكدة عن وفيات مدنية حتى الآن.",
    "تحدثت مصادر عن إصابات مدنية متفاوتة في الحي.",
])
def test_a_feminine_adjective_after_a_plural_casualty_noun_is_not_one_person(sentence):
    assert with_groups(sentence) == []


@pytest.mark.parametrize("sentence, expected", [
    ("قتل أحد وجهاء البلدة برصاص دورية مسلحة فجر اليوم.", [("killed", 1, "civilians")]),
    ("لقي مختار القرية حتفه بانفجار عبوة ناسفة قرب منزله.", [("killed", 1, "civilians")]),
    ("قتل ثلاثة من وجهاء العشيرة في هجوم على مضافتهم.", [("killed", 3, "civilians")]),
    ("أصيب إمام المسجد وخطيبه بجروح في القصف على البلدة.", [("injured", 2, "civilians")]),   # two persons
    ("قتل مختاران في قصف على البلدتين.", [("killed", 2, "civilians")]),
])
def test_notables_and_clerics_are_civilians(sentence, expected):
    assert with_groups(sentence) == expected


@pytest.mark.parametrize("sentence, expected", [
    ("أسفر القصف عن مقتل أربعة عسكريين ومدني وإصابة سبعة آخرين في محيط المدينة.",
     [("killed", 4, "fighters"), ("killed", 1, "civilians"), ("injured", 7, "unknown")]),
    ("قتل 7 مدنيين وعنصران من الجيش السوري في القصف على البلدة.",
     [("killed", 7, "civilians"), ("killed", 2, "fighters")]),
    ("أصيب 3 عناصر من قوات النظام وطفلة في القصف على البلدة.",
     [("injured", 3, "fighters"), ("injured", 1, "civilians")]),
    ("مقتل 4 أطفال من عائلة واحدة بقصف قوات النظام على البلدة.", [("killed", 4, "civilians")]),
])
def test_victims_of_the_other_side_joined_by_wa_are_their_own_figure(sentence, expected):
    assert with_groups(sentence) == expected


@pytest.mark.parametrize("sentence, expected", [
    ("قتل 4 أطفال وامرأة في القصف على البلدة الليلة الماضية.", [("killed", 5, "civilians")]),
    ("أصيب أربعة أطفال وامرأتان بغارات جوية على أطراف المخيم.", [("injured", 6, "civilians")]),
    ("وقالت المصادر إن 3 أطفال وامرأة جرحوا في استهداف المخيم.", [("injured", 4, "civilians")]),
    ("قُتل رجلان وثلاث نساء في قصف مدفعي على القرية.", [("killed", 5, "civilians")]),
    ("أسفرت الغارة عن استشهاد ثلاثة أطفال و٤ سيدات وإصابة آخرين.", [("killed", 7, "civilians")]),
    ("أصيب 4 أطفال وامرأة ورجل بجروح متعددة جراء القصف.", [("injured", 6, "civilians")]),
    # a singular noun after a count of eleven or more is counted with the noun before
    ("قتل 15 رجلاً وامرأة في القصف على القرية.", [("killed", 15, "civilians")]),
    # a breakdown joined by و stays parts of its toll
    ("قتل خمسة مدنيين بينهم ثلاثة أطفال وامرأة بالقصف.",
     [("killed", 5, "civilians"), ("killed", 3, "civilians"), ("killed", 1, "civilians")]),
])
def test_victims_of_the_same_side_joined_by_wa_add_up(sentence, expected):
    """A count of victims and more victims of the same side after و are one toll, as a chain of
    victim nouns is ("استشهد طفلان وامرأة" = 3)."""
    assert with_groups(sentence) == expected


# -- victims after victims: "others" take their kind, a new noun does not ----------------------

@pytest.mark.parametrize("sentence, expected", [
    ("قتل 3 مدنيين وأصيب 5 آخرون في قصف على البلدة.", [("killed", 3, "civilians"), ("injured", 5, "civilians")]),
    ("استشهدت امرأتان مدنيتان وجرح ثلاثة آخرين بالقصف.", [("killed", 2, "civilians"), ("injured", 3, "civilians")]),
    ("قُتل عنصران من الفصائل وأصيب آخر بجروح خطيرة.", [("killed", 2, "fighters"), ("injured", 1, "fighters")]),
])
def test_others_take_the_kind_of_the_victims_before(sentence, expected):
    assert with_groups(sentence) == expected


@pytest.mark.parametrize("sentence, expected", [
    ("أدى القصف إلى مقتل مدني، وسقوط 8 جرحى آخرين، كما أدى القصف إلى مقتل عنصر من قوات النظام.",
     [("killed", 1, "civilians"), ("injured", 8, "civilians"), ("killed", 1, "fighters")]),
    ("قتل طفلان وسقط ثلاثة جرحى آخرون، فيما قتل عنصر من الفصائل في قصف منفصل.",
     [("killed", 2, "civilians"), ("injured", 3, "civilians"), ("killed", 1, "fighters")]),
    ("قُتل جنديان و4 جرحى آخرين من الجيش، وأُصيبت امرأة في القرية المجاورة.",
     [("killed", 2, "fighters"), ("injured", 4, "fighters"), ("injured", 1, "civilians")]),
])
def test_others_after_a_casualty_noun_take_the_kind_of_the_victims_before(sentence, expected):
    """"8 جرحى آخرين": the others are of the victims before them, whatever the sentence says after."""
    assert with_groups(sentence) == expected


@pytest.mark.parametrize("sentence, expected", [
    ("أصيب ثلاثة مدنيين بجروح، وقُتل شخص لم تُعرف هويته بغارة مسيّرة.", [("injured", 3, "civilians"), ("killed", 1, "unknown")]),
    ("جُرح مدنيان اثنان وقتل شخصان كانا في السيارة المستهدفة.", [("injured", 2, "civilians"), ("killed", 2, "unknown")]),
    ("أصيبت طفلة مدنية وقتل شخص يستقل دراجة نارية بالضربة.", [("injured", 1, "civilians"), ("killed", 1, "unknown")]),
])
def test_a_person_after_civilian_victims_is_not_said_to_be_one(sentence, expected):
    assert with_groups(sentence) == expected


@pytest.mark.parametrize("sentence, expected", [
    ("مقتل امرأة وإصابة طفلين في قصف للنظام على إدلب", [("killed", 1, "civilians"), ("injured", 2, "civilians")]),
    ("أصيب مدني في هجوم لتنظيم داعش على قرية في البادية.", [("injured", 1, "civilians")]),
    ("قُتلت ثلاث نساء في غارة للطيران الروسي على أطراف البلدة.", [("killed", 3, "civilians")]),
    ("جُرح طفلان في قصف لقوات النظام على بلدة كنصفرة.", [("injured", 2, "civilians")]),
    ("قتل عنصران في قوات النظام بهجوم على حاجز.", [("killed", 2, "fighters")]),
    ('قُتل شابان في "قسد" بكمين قرب البلدة.', [("killed", 2, "fighters")]),
    ("أصيب عنصران في قوى الأمن الداخلي بانفجار عبوة.", [("injured", 2, "fighters")]),
])
def test_the_attack_after_fi_is_not_the_victims_ranks(sentence, expected):
    """"في قصف للنظام" names the attack the victims fell in; "في قوات النظام" their ranks."""
    assert with_groups(sentence) == expected


@pytest.mark.parametrize("sentence, expected", [
    ("أدى القصف إلى مقتل سائقها على الفور، وهو قيادي في تنظيم حراس الدين.", [("killed", 1, "fighters")]),
    ("قُتل شخص وهو عنصر في قوات النظام بانفجار لغم.", [("killed", 1, "fighters")]),
    ("قتل رجلان، وهما مقاتلان في فصيل محلي، بضربة مسيرة.", [("killed", 2, "fighters")]),
    ("قُتلت امرأة، وهي عنصر في قوى الأمن الداخلي، بقصف تركي.", [("killed", 1, "fighters")]),
])
def test_victims_described_as_fighters_after_a_pronoun_are_fighters(sentence, expected):
    assert with_groups(sentence) == expected


@pytest.mark.parametrize("sentence", [
    "قُتل شاب، وهو عنصر سابق في فصائل المعارضة، بانفجار عبوة.",
    "قتل رجل، وهو مقاتل سابقاً في الجيش الحر، برصاص مجهولين.",
    "قتل ثلاثة مدنيين، وهم من عائلة واحدة، بقصف مدفعي.",
])
def test_former_fighters_and_other_descriptions_do_not_make_fighters(sentence):
    assert all(kind != "fighters" for _, _, kind in with_groups(sentence))


@pytest.mark.parametrize("sentence, kind", [
    ("قتل 5 أشخاص بينهم عنصران من حزب الله بغارة على القصير.", "unknown"),
    ("سقط 7 قتلى بينهم ثلاثة جنود بقصف على الطريق.", "unknown"),
    ("مقتل ستة أشخاص من بينهم قياديان في الميليشيا بالضربة.", "unknown"),
    ("قتل 5 أشخاص بينهم 3 أطفال بقصف على الحي.", "civilians"),
])
def test_fighters_among_the_dead_do_not_make_them_all_fighters(sentence, kind):
    assert with_groups(sentence)[0][2] == kind


@pytest.mark.parametrize("sentence", [
    "قُتل مدنيان اثنان بقصف على القرية.",
    "المدنيان القتيلان من سكان البناء، وقتل 2 في الغارة.",
    "استشهدت سيدتان مدنيتان، وقتل 2 بالقصف على البلدة.",
])
def test_dual_civilians_are_civilians(sentence):
    assert all(kind == "civilians" for k, _, kind in with_groups(sentence) if k == "killed")


@pytest.mark.parametrize("sentence, expected", [
    ('قتيلان من "حراس الدين" بضربة أمريكية قرب سلقين.', [("killed", 2, "fighters")]),
    ("مقتل اثنين من «هيئة تحرير الشام» وطفل بقصف روسي على الأتارب.", [("killed", 2, "fighters"), ("killed", 1, "civilians")]),
    ("أصيب ثلاثة من حزب الله بغارة إسرائيلية على القصير.", [("injured", 3, "fighters")]),
    ("قُتلت اثنتان من الأسايش وأصيب مدني بهجوم على حاجز.", [("killed", 2, "fighters"), ("injured", 1, "civilians")]),
])
def test_victims_counted_as_members_of_an_armed_group_are_fighters(sentence, expected):
    assert with_groups(sentence) == expected


@pytest.mark.parametrize("sentence", [
    "قُتلت امرأتان من الأهالي بقصف لقسد على القرية.",
    "قتل ثلاثة مدنيين من أبناء البلدة بغارة روسية.",
    "أصيب طفلان من عائلة واحدة بقذيفة للنظام.",
])
def test_victims_from_a_family_or_town_are_not_fighters(sentence):
    assert all(kind != "fighters" for _, _, kind in with_groups(sentence))


@pytest.mark.parametrize("sentence, expected", [
    ("قتل ثلاثة أشخاص من قبل تنظيم داعش في البادية.", [("killed", 3, "unknown")]),
    ("قُتل شابان على يد عناصر من قوات النظام في درعا.", [("killed", 2, "civilians")]),
    ("قتلت امرأة على أيدي مسلحين من قسد في ريف دير الزور.", [("killed", 1, "civilians")]),
])
def test_the_killers_named_after_the_victims_do_not_make_them_fighters(sentence, expected):
    assert with_groups(sentence) == expected


@pytest.mark.parametrize("sentence, expected", [
    ("وأصابت شظايا الصاروخ شاباً كان يمر بدراجته النارية، ما أدى لوفاته على الفور.", [("killed", 1, "civilians")]),
    ("أصيب طفل بجروح خطيرة بقصف مدفعي على البلدة ما أدى إلى وفاته بعد ساعات.", [("killed", 1, "civilians")]),
    ("أصيبت امرأتان بقذيفة سقطت على منزلهما، ما تسبب بمقتلهما.", [("killed", 2, "civilians")]),
])
def test_the_wounded_who_died_of_it_are_killed(sentence, expected):
    assert with_groups(sentence) == expected


def test_a_pronoun_of_another_number_leaves_the_wounded_wounded():
    assert with_groups("أصيب ثلاثة مدنيين بقصف على البلدة، ما أدى لوفاته.") == [("injured", 3, "civilians")]


@pytest.mark.parametrize("sentence, expected", [
    ("استهدفت مسيرة سيارة على الطريق ما أدى لمقتل راكبها على الفور.", [("killed", 1, "unknown")]),
    ("قُتل راكب دراجة نارية بغارة لطائرة مسيرة قرب البلدة.", [("killed", 1, "unknown")]),
    ("أصيب ثلاثة من ركاب الحافلة بقصف على الطريق الدولي.", [("injured", 3, "unknown")]),
])
def test_riders_and_passengers_are_victims_of_unknown_kind(sentence, expected):
    assert with_groups(sentence) == expected


@pytest.mark.parametrize("sentence, expected", [
    ("#عاجل #مقتل_3_مدنيين بقصف على البلدة", [("killed", 3, "civilians")]),
    ("#استشهاد_طفل وإصابة والدته بقصف مدفعي", [("killed", 1, "civilians"), ("injured", 1, "civilians")]),
    ("#إصابة_ثلاثة_أطفال بقصف على القرية", [("injured", 3, "civilians")]),
])
def test_figures_in_hashtags_are_read(sentence, expected):
    assert with_groups(sentence) == expected


@pytest.mark.parametrize("sentence, expected", [
    ("قُتل شخصان في غارة على بلدة السيدة زينب جنوبي دمشق.", [("killed", 2, "unknown")]),
    ("ثلاثة قتلى بانفجار سيارة مفخخة في منطقة السيدة زينب بريف دمشق.", [("killed", 3, "unknown")]),
    ("أصيب خمسة أشخاص بضربة صاروخية على مزرعة قرب السيده زينب.", [("injured", 5, "unknown")]),
    # a woman among the victims still says who they were
    ("قتل 3 أشخاص بينهم سيدة في قصف على بلدة سرمين.", [("killed", 3, "civilians"), ("killed", 1, "civilians")]),
])
def test_the_words_of_a_place_name_do_not_say_who_the_victims_were(sentence, expected):
    """"السيدة" in "السيدة زينب" is the town's name, not a woman among the victims."""
    assert with_groups(sentence) == expected


@pytest.mark.parametrize("sentence, expected", [
    ("قتل 3 أشخاص برصاص مسلحين مجهولين في درعا.", [("killed", 3, "unknown")]),
    ("قتل شخصان على يد مسلحين في ريف درعا.", [("killed", 2, "unknown")]),
    ("أصيب أربعة أشخاص بهجوم شنه مسلحون على سيارة في بادية حمص.", [("injured", 4, "unknown")]),
    ("قُتل 11 شخصاً جراء هجوم نفذه مسلحون على جامعي الكمأة.", [("killed", 11, "unknown")]),
    # fighters named as the victims stay fighters
    ("قتل 5 مسلحين في اشتباكات مع قوات الأمن.", [("killed", 5, "fighters")]),
])
def test_the_attackers_named_after_the_victims_do_not_make_them_fighters(sentence, expected):
    """"برصاص مسلحين", "هجوم نفذه مسلحون": the gunmen attacked; the toll names no victims."""
    assert with_groups(sentence) == expected


@pytest.mark.parametrize("sentence", [
    "وأشار المصدر إلى أن خسائر العدوان اقتصرت على الماديات.",
    "وقال إن الأضرار تقتصر على الماديات في المنازل المستهدفة.",
    "الخسائر اقتصر على أضرار مادية في الممتلكات بحسب الدفاع المدني.",
])
def test_losses_named_before_only_material_deny_casualties(sentence):
    """"خسائر العدوان اقتصرت على الماديات": the losses named before the verb, as in
    "اقتصرت الخسائر على الماديات"."""
    assert [(c.kind, c.min, c.max, c.denial) for c in read(sentence)] == [("killed", 0, 0, True)]


@pytest.mark.parametrize("sentence, expected", [
    ("وقال سكان إن رجلاً وابنه قُتلا يوم السبت في غارة على أطراف البلدة.", [("killed", 2, "civilians")]),
    ("أفاد ناشطون بأن شاباً ووالده أصيبا بجروح في القصف.", [("injured", 2, "civilians")]),
    ("وقالت مصادر محلية إن لاجئاً عراقياً قتل بانفجار عبوة ناسفة.", [("killed", 1, "civilians")]),
    # alef forms of short words are other words
    ("أما شمالاً فقد استهدف القصف مواقع عسكرية.", []),
    ("تعرضوا إما للاعتقال وإما للتهجير.", []),
])
def test_a_singular_victim_in_the_accusative_after_inna_is_read(sentence, expected):
    """"إن رجلاً وابنه قُتلا": the accusative after إنّ/أنّ opens the victims as the nominative does."""
    assert with_groups(sentence) == expected


@pytest.mark.parametrize("sentence", [
    "قتلت ضربة إسرائيلية مساء الاثنين 21 من تشرين الأول امرأة وابنتها.",
    "وأصيب في 12 من أيلول مدنيان بقصف على البلدة.",
    "أعلن الدفاع المدني أن الغارة قتلت في 15 من كانون الثاني رجلين.",
])
def test_a_day_of_the_month_before_min_and_a_month_is_no_count(sentence):
    """"21 من تشرين الأول" is a date, not 21 of some group ("قتل 7 من عناصر النظام" is)."""
    assert all(c.min not in (21, 12, 15) for c in read(sentence)), [(c.kind, c.min) for c in read(sentence)]


@pytest.mark.parametrize("sentence", [
    "قتل القصف الأحد 15 من كانون الثاني رجلاً وزوجته.",
    "قتلت الغارة الأحد الماضي مدنيين في البلدة.",
    "أصاب القصف الأحد طفلين بجروح.",
])
def test_sunday_after_the_verb_is_no_victim(sentence):
    """"الأحد" with the article is Sunday, not "one" ("قتل أحد المدنيين" is one)."""
    assert not any((c.group or "").startswith("الأحد") for c in read(sentence)), \
        [(c.kind, c.min, c.group) for c in read(sentence)]


@pytest.mark.parametrize("sentence, expected", [
    ("قتلت الغارة الاثنين مدنيين في البلدة.", []),
    ("أسفرت الغارة الاثنين عن مقتل 3 مدنيين.", [("killed", 3, "civilians")]),
    ("شنت الطائرة الحربية الإثنين غارة على البلدة.", []),
    # the dual counted by "الاثنين" after it stays two
    ("قتل الطفلين الاثنين في القصف على البلدة.", [("killed", 2, "civilians")]),
])
def test_monday_after_a_singular_noun_is_no_count(sentence, expected):
    """"الغارة الاثنين" is the raid on Monday, not two raids."""
    assert with_groups(sentence) == expected
