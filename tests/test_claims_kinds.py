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
