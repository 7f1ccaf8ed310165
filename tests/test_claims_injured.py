"""Injured (and killed) figures in the forms a probe of written casualty passages found
misread; each rule is pinned with sentences written for these tests."""
from __future__ import annotations

import pytest

import rasd


def claims_of(body: str) -> tuple:
    return rasd.extract("تطورات ميدانية\n" + body, published="2024-05-03", outlet="Test Outlet").claims


def found(body: str) -> list[tuple]:
    return [(c.kind, c.min, c.max, c.combined, c.cumulative, c.denial) for c in claims_of(body)]


def plain(body: str) -> set[tuple]:
    """The kind and bounds of the figures that count for the event (no flags)."""
    return {(k, lo, hi) for k, lo, hi, combined, cumulative, denial in found(body)
            if not (combined or cumulative or denial)}


@pytest.mark.parametrize("body, killed, injured", [
    ("ارتقى ثلاثة شهداء وأصيب سبعة مواطنين بجروح مختلفة جراء غارة على البلدة.", 3, 7),
    ("سقط 3 قتلى وجرح 5 آخرون بقصف مدفعي على القرية.", 3, 5),
    ("ارتقى شهيدان وأصيب ستة مدنيين بقصف مسيّرة على المزرعة.", 2, 6),
    ("ارتقى ٤ شهداء وأصيب ١٢ آخرون في القصف.", 4, 12),
    ("أسفرت الغارة عن أربعة قتلى وجريحين.", 4, 2),          # a dual noun is its own count
    ("سقط 5 قتلى وجريحان في القصف.", 5, 2),
    # the killed counted before their verb, then an injury verb with its own count
    ("أربعة مدنيين قتلوا وأصيب 12 آخرون بغارة جوية على المنطقة الصناعية.", 4, 12),
    ("ثلاثة أطفال استشهدوا وجرح خمسة آخرون بقصف على بلدة سرمين.", 3, 5),
    ("شابان قتلا وأصيبت امرأة بجروح بقصف مدفعي على قرية كنصفرة.", 2, 1),
])
def test_a_killed_figure_then_an_injury_verb_with_its_own_count_are_two_figures(body, killed, injured):
    assert {("killed", killed, killed), ("injured", injured, injured)} <= plain(body), found(body)


@pytest.mark.parametrize("body", [
    "سقط 15 قتيلاً وجريحاً في القصف.",
    "قتل وأصيب نحو 80 شخصاً في الانفجار.",
    "أسفر القصف عن 20 مدنياً قتلوا وأصيبوا.",
    "وثق التقرير نحو 12 ألف قتيل وجريح مدني.",
])
def test_one_count_of_the_killed_and_injured_together_stays_combined(body):
    assert found(body) and all(combined for _, _, _, combined, _, _ in found(body)), found(body)


@pytest.mark.parametrize("body, killed, injured", [
    ("خلّف الاستهداف قتيلاً وجريحين.", 1, 2),
    ("سقط قتيل وجريحان في القصف على الحي.", 1, 2),
    ("خلفت الغارة شهيداً و5 جرحى.", 1, 5),
    ("وخلّف القصف قتيلةً وثلاثة مصابين.", 1, 3),
    ("خلف القصف قتيلين وجريحاً.", 2, 1),
    ("سقط قتيل وجريح في الانفجار.", 1, 1),
    # an adjective between the noun and و: whose casualty, or "one"
    ("أسفرت الغارة عن قتيل مدني وجريحين.", 1, 2),
    ("وسقط قتيلاً واحداً وجريحين في القصف.", 1, 2),
    ("خلّف القصف قتيلة مدنية وجريحاً.", 1, 1),
    ("سقط جريح مدني وقتيلان جراء الاستهداف.", 2, 1),
    # a dual and the other kind after a trigger: two figures, not one chain of persons
    ("وثق المرصد سقوط قتيلين وجريح واحد من المدنيين.", 2, 1),
    ("سقوط قتيلة وجريحين مدنيين بالقصف.", 1, 2),
    ("أسفر القصف عن شهيدين وجريح مدني.", 2, 1),
])
def test_a_singular_casualty_noun_joined_to_the_other_kind_is_one(body, killed, injured):
    assert {("killed", killed, killed), ("injured", injured, injured)} <= plain(body), found(body)


@pytest.mark.parametrize("body", [
    "سقط 7 مدنيين بين قتيل وجريح.",
    "سقط عدد من المدنيين بين قتيل وجريح جراء القصف.",
    "وقع عشرات الضحايا بين قتيل ومصاب في السوق.",
])
def test_between_killed_and_injured_is_no_singular_figure(body):
    assert not any(lo == 1 for _, lo, _ in plain(body)), found(body)


@pytest.mark.parametrize("body, kind, n", [
    ("سجل الدفاع المدني 8 حالات اختناق بين المدنيين.", "injured", 8),
    ("وثقت فرق الإسعاف 12 حالة إصابة بين المدنيين.", "injured", 12),
    ("وأسفر القصف عن 3 حالات وفاة.", "killed", 3),
])
def test_a_two_word_case_noun_is_the_counted_noun(body, kind, n):
    assert (kind, n, n) in plain(body), found(body)


@pytest.mark.parametrize("body", [
    "سجلت مديرية الصحة 12 حالة إصابة بالكوليرا في المخيم.",
    "أصيب 5 أشخاص بالحصبة في القرية.",
    "أصيبت طفلتان بالكوليرا في المخيم.",
    "سجلت 30 إصابات بفيروس كورونا.",
])
def test_cases_of_an_illness_are_no_casualties(body):
    assert found(body) == []


@pytest.mark.parametrize("body, n", [
    ("أصيب العشرات بحالات اختناق جراء حريق في مستودع.", 20),
    ("أصيب 4 بحالات اختناق بعد القصف.", 4),
    ("أصيب 3 بشظايا القذيفة.", 3),
])
def test_how_the_counted_were_hurt_follows_a_bare_count(body, n):
    assert any(k == "injured" and lo == n for k, lo, _ in plain(body)), found(body)


@pytest.mark.parametrize("body", [
    "ارتفع عدد جرحى القصف منذ تشرين الأول الماضي إلى أكثر من 900 شخص.",
    "قتل 30 شخصاً في المنطقة منذ 5 آذار.",
    "أصيب 120 مدنياً منذ كانون الثاني بالقصف على ريف إدلب.",
])
def test_a_toll_since_a_month_is_cumulative(body):
    assert found(body) and all(cumulative for _, _, _, _, cumulative, _ in found(body)), found(body)


@pytest.mark.parametrize("body", [
    "وقتلت روسيا أكثر من 6 آلاف مدني منذ تدخلها العسكري في سوريا.",
    "وارتفع عدد القتلى المدنيين منذ انهيار الهدنة إلى 200 مدني.",
    "وقتل 45 مدنياً منذ استئناف القصف على المنطقة.",
    "وقتل 30 شخصاً منذ توقيع اتفاق وقف إطلاق النار.",
])
def test_a_toll_since_an_event_is_cumulative(body):
    """"منذ تدخلها العسكري", "منذ انهيار الهدنة": a toll since an intervention, a truce's end or
    the fighting's resumption is a running total, not one incident's."""
    assert found(body) and all(cumulative for _, _, _, _, cumulative, _ in found(body)), found(body)


@pytest.mark.parametrize("body, kind, n", [
    ("وكان قد أصيب معه طفلان آخران.", "injured", 2),
    ("وأصيب معها ثلاثة مدنيين بجروح.", "injured", 3),
    ("قتل الرجل وقتلت معه طفلتان.", "killed", 2),
])
def test_with_him_between_the_verb_and_its_victims(body, kind, n):
    assert (kind, n, n) in plain(body), found(body)


@pytest.mark.parametrize("body", [
    "نجا مدنيون من هجوم بطائرة مسيرة إذ لم يصب أحد منهم بأذى.",
    "سقطت القذيفة قرب المدرسة ولم يُصب أحد بأذى.",
    "انفجرت العبوة ولم يتعرض أحد لأذى.",
])
def test_nobody_hurt_denies_killed_and_injured(body):
    denied = {k for k, lo, hi, _, _, denial in found(body) if denial and lo == hi == 0}
    assert denied == {"killed", "injured"}, found(body)


def test_losses_only_material_deny_the_killed_as_the_contract_reads_them():
    denied = {k for k, lo, hi, _, _, denial in found("واقتصرت الخسائر على الماديات.") if denial}
    assert denied == {"killed"}


@pytest.mark.parametrize("body, actor", [
    ("أحصت مؤسسة الدفاع المدني السوري مقتل 3 مدنيين في قصف على البلدة. وقالت المؤسسة إن طفلين أصيبا بجروح.",
     "Syrian Civil Defence (White Helmets)"),
    ("ذكرت الشبكة السورية لحقوق الإنسان أن 3 مدنيين قتلوا. وأضافت الشبكة أن خمسة مدنيين أصيبوا بجروح.",
     "Syrian Network for Human Rights"),
    ("قال المرصد السوري لحقوق الإنسان إن 4 مدنيين قتلوا. وأضاف المرصد أن 6 مدنيين أصيبوا.",
     "Syrian Observatory for Human Rights"),
])
def test_a_body_named_again_by_its_kind_is_the_same_source(body, actor):
    doc = rasd.extract("تطورات ميدانية\n" + body, published="2024-05-03", outlet="Test Outlet")
    assert len(doc.claims) == 2 and {c.source.actor for c in doc.claims} == {actor}, doc.claims


@pytest.mark.parametrize("body, part, total", [
    ("ارتفع عدد القتلى إلى 5 بعد وفاة اثنين من الجرحى.", 2, 5),
    ("توفي ثلاثة من الجرحى متأثرين بجراحهم، ليرتفع عدد القتلى إلى 9.", 3, 9),
    ("وفاة 4 من المصابين في المشفى، وبذلك تصل الحصيلة إلى 11 قتيلاً.", 4, 11),
])
def test_the_wounded_who_died_are_part_of_the_toll_not_the_toll(body, part, total):
    doc = rasd.extract("تطورات ميدانية\n" + body, published="2024-05-03", outlet="Test Outlet")
    got = {(c.min, c.breakdown) for c in doc.claims if c.kind == "killed"}
    assert (part, True) in got and (total, False) in got, got


# ---- tolls that rose (probe of civilian casualty coding, 7 December 2026) ----------------
@pytest.mark.parametrize("body, kind, count", [
    ("ارتفع عدد الشهداء في البلدة إلى خمسة مساء اليوم.", "killed", 5),
    ("وارتفعت حصيلة الجرحى جراء القصف إلى تسعة.", "injured", 9),
    ("ارتفع عدد الضحايا المدنيين في سرمين إلى 4.", "killed", 4),
    # the label far from its count: what the dead were killed by between
    ("ارتفع عدد شهداء الاعتداء بالقذائف الصاروخية على مدينة السقيلبية أمس إلى ثلاثة.", "killed", 3),
    ("ارتفع عدد الجرحى جراء استهداف المسيرة للقافلة المدنية قرب سد تشرين إلى 14.", "injured", 14),
])
def test_a_toll_that_rose_to_a_bare_count_after_its_label(body, kind, count):
    assert (kind, count, count) in plain(body), found(body)


@pytest.mark.parametrize("body, kind, count", [
    ("ارتفع إلى 3 عدد المدنيين الذين قتلوا بالقصف على بلدة سرمين.", "killed", 3),
    ("ارتفع إلى سبعة عدد الأشخاص الذين أصيبوا في الانفجار.", "injured", 7),
    ("يرتفع بذلك إلى 12 عدد المدنيين الذين قضوا في الغارات.", "killed", 12),
])
def test_a_count_before_the_persons_and_what_befell_them(body, kind, count):
    assert (kind, count, count) in plain(body), found(body)


@pytest.mark.parametrize("body, total", [
    ("ارتفع عدد الشهداء في البلدة إلى خمسة، بعد استشهاد أحد الجرحى.", 5),
    ("ارتفعت حصيلة ضحايا القصف إلى 4 قتلى بعد وفاة طفل متأثراً بإصابته.", 4),
    ("ارتفع إلى 3 عدد المدنيين الذين قتلوا بالقصف، إثر وفاة شاب متأثراً بجراحه.", 3),
])
def test_the_death_a_toll_rose_by_is_a_part_of_it(body, total):
    """The increment ("بعد وفاة طفل") is not a toll of its own beside the new total."""
    tolls = {(c.min, c.max) for c in claims_of(body) if c.kind == "killed" and not c.breakdown}
    assert tolls == {(total, total)}, claims_of(body)
