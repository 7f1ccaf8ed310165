"""Whose side the victims are on (civilians, fighters): rules from a probe of 200 written
passages, each pinned with sentences written for these tests."""
from __future__ import annotations

import pytest

import rasd
from rasd.incidents import build_incidents


def claims_of(body: str) -> tuple:
    return rasd.extract("تطورات ميدانية\n" + body, published="2024-05-03", outlet="Test Outlet").claims


def sides(body: str) -> list[tuple]:
    return sorted((c.kind, c.min, c.group_kind) for c in claims_of(body))


@pytest.mark.parametrize("body, expected", [
    ("قتل طفل وعنصر من الفصائل بقصف مدفعي على البلدة.", [("killed", 1, "civilians"), ("killed", 1, "fighters")]),
    ("قُتل مدنيان ومقاتل من البيشمركة بقصف تركي.", [("killed", 1, "fighters"), ("killed", 2, "civilians")]),
    ("قتلت امرأة وجندي من قوات النظام بانفجار لغم.", [("killed", 1, "civilians"), ("killed", 1, "fighters")]),
    ("قتل عنصران ومدني بهجوم على الحاجز.", [("killed", 1, "civilians"), ("killed", 2, "fighters")]),
])
def test_persons_of_two_sides_joined_by_wa_are_two_figures(body, expected):
    assert sides(body) == expected


@pytest.mark.parametrize("body, n", [
    ("بمقتل طفلة ورجل بقصف على القرية.", 2),
    ("قتل رجل وزوجته وطفلاهما بغارة على منزلهم.", 4),
])
def test_persons_of_one_side_joined_by_wa_stay_one_figure(body, n):
    assert sides(body) == [("killed", n, "civilians")]


@pytest.mark.parametrize("body, expected", [
    ("أسفر القصف عن إصابة ثلاث نسوة بجروح.", ("injured", 3, "civilians")),
    ("قتلت النسوة الأربع داخل منزلهن.", ("killed", 4, "civilians")),
    ("استشهدت خمس نسوة بغارة على السوق.", ("killed", 5, "civilians")),
])
def test_nisswa_the_other_plural_of_woman_names_civilian_victims(body, expected):
    assert sides(body) == [expected]


@pytest.mark.parametrize("body", [
    "قتل نجل قيادي في هيئة تحرير الشام بقصف على المدينة.",
    "قتلت زوجة قيادي في حزب الله بغارة على البلدة.",
    "قتل والد عنصر في قسد برصاص مجهولين.",
])
def test_a_fighters_kin_is_a_civilian(body):
    assert sides(body) == [("killed", 1, "civilians")]


@pytest.mark.parametrize("body", [
    "قتل عنصر سابق في جيش الإسلام أمام منزله.",
    "قتل مقاتل سابق في الفصائل برصاص مجهولين في درعا.",
    "قُتل قيادي سابق في الجيش الحر بإطلاق نار في بلدته.",
])
def test_a_former_fighter_is_a_civilian(body):
    assert [k for _, _, k in sides(body)] == ["civilians"], sides(body)


@pytest.mark.parametrize("body", [
    "أصيب عنصر في الدفاع المدني السوري بقصف على البلدة.",
    "قتل عنصر في الهلال الأحمر أثناء عمله.",
    "أصيب عنصران ضمن فرق الإسعاف بشظايا القذيفة.",
])
def test_a_rescuer_called_an_element_is_a_civilian(body):
    assert [k for _, _, k in sides(body)] == ["civilians"], sides(body)


@pytest.mark.parametrize("body, kind, n", [
    ("اصيب صاحب المنزل بجروح متوسطه جراء سقوط مسيرة.", "injured", 1),      # colloquial spelling
    ("أصيبت صاحبة المنزل بجروح خطيرة جراء القصف.", "injured", 1),
    ("قُتل تاجران بقصف مدفعي على السوق.", "killed", 2),                    # a derived dual
    ("مقتل ثلاثة فلاحين بقصف مدفعي على أراضيهم.", "killed", 3),
    ("استشهد مهندس يعمل في محطة المياه بغارة جوية.", "killed", 1),
    ("أصيبت ربة منزل بجروح خطيرة بقصف على البلدة.", "injured", 1),
])
def test_a_victim_named_by_trade_or_as_an_owner_is_a_civilian(body, kind, n):
    assert sides(body) == [(kind, n, "civilians")]


@pytest.mark.parametrize("body", ["قتل عنصر من قسد بهجوم.", "قتل قيادي في الهيئة بغارة."])
def test_a_fighter_stays_a_fighter(body):
    assert sides(body) == [("killed", 1, "fighters")]


@pytest.mark.parametrize("body, kind, n", [
    ("أصيب ثمانية أشخاص، بينهم عناصر من فصيل السلطان مراد، بانفجار عبوة في ريف عفرين.", "injured", 8),
    ("قتل ستة أشخاص بينهم مقاتلون من قسد بقصف على القرية.", "killed", 6),
    ("قتل خمسة أشخاص، منهم عناصر في الفصائل، بغارة على البلدة.", "killed", 5),
])
def test_fighters_among_the_victims_do_not_make_them_all_fighters(body, kind, n):
    assert (kind, n, "unknown") in sides(body), sides(body)


@pytest.mark.parametrize("body, kind, count, side", [
    ("أصيب ستة جرحى مدنيين جراء القصف، إلى جانب عدد من العسكريين.", "injured", 6, "civilians"),
    ("سقط أربعة قتلى مدنيين وسبعة جرحى عسكريين بالقصف على المطار.", "injured", 7, "fighters"),
    ("أسفر القصف عن قتيلين مدنيين وثلاثة جرحى من قوات النظام.", "killed", 2, "civilians"),
])
def test_the_noun_right_after_a_casualty_noun_says_whose_casualties(body, kind, count, side):
    """"ستة جرحى مدنيين": the sentence's other side ("العسكريين") does not blur it."""
    assert (kind, count, side) in sides(body), sides(body)


@pytest.mark.parametrize("body, side", [
    ("وقال الجيش في بيانه إنه لم تقع إصابات في صفوف القوات.", "fighters"),
    ("واستهدفت الغارة موقعاً عسكرياً دون وقوع إصابات في صفوف قوات النظام.", "fighters"),
    ("وسقطت القذائف في أراض زراعية، ولم تقع إصابات في صفوف المدنيين.", "civilians"),
])
def test_a_denial_among_a_force_or_the_civilians_says_whose(body, side):
    """"لم تقع إصابات في صفوف القوات" denies the army's own losses, not the civilians'."""
    denials = [c for c in claims_of(body) if c.denial]
    assert denials and all(c.group_kind == side for c in denials), denials


def test_a_denial_of_the_forces_losses_does_not_deny_civilian_deaths():
    docs = [rasd.extract("غارة على قرية كويا\nقتل مدنيان بغارة إسرائيلية على قرية كويا في ريف درعا الغربي اليوم.",
                         published="2024-05-03", outlet="Outlet A", doc_id="a"),
            rasd.extract("بيان الجيش\nأغارت طائرات سلاح الجو على مخربين في قرية كويا في ريف درعا الغربي اليوم، "
                         "ولم تقع إصابات في صفوف القوات.", published="2024-05-03", outlet="Outlet B", doc_id="b")]
    incident, = build_incidents(docs)
    assert incident.civilians_killed.low == 2


@pytest.mark.parametrize("body, kind, n, side", [
    ("ارتفع إلى 23 عدد قتلى الميليشيات الموالية لإيران جراء الضربات.", "killed", 23, "fighters"),
    ("ارتفع عدد قتلى الفصائل إلى 9 بعد وفاة أحد المصابين.", "killed", 9, "fighters"),
    ("وارتفعت حصيلة جرحى المدنيين في القصف إلى 14.", "injured", 14, "civilians"),
    ("يرتفع إلى 6 عدد قتلى عناصر قوات النظام.", "killed", 6, "fighters"),
])
def test_the_word_after_a_tolls_label_says_whose_casualties_it_counts(body, kind, n, side):
    """"عدد قتلى الميليشيات": the toll that rose is the militia's, not victims of no side (a
    militia's 23 dead had been counted among an incident's civilians)."""
    assert (kind, n, side) in [(c.kind, c.min, c.group_kind) for c in claims_of(body)]


def test_an_attacking_faction_does_not_make_its_victims_fighters():
    assert [(c.kind, c.group_kind) for c in claims_of("قصفت الفصائل القرية ما أدى إلى مقتل 3 أشخاص.")] \
        == [("killed", "unknown")]


@pytest.mark.parametrize("body", [
    "وقال المرصد إنه لم يرصد سقوط ضحايا مدنيين جراء القصف على البلدة.",
    "ولم نوثق أي خسائر بشرية بين المدنيين حتى ساعة إعداد التقرير.",
    "ولم يوثق الناشطون وقوع إصابات في صفوف المدنيين في القرية.",
])
def test_a_monitor_recording_no_civilian_casualties_denies_them(body):
    """"لم يرصد/لم نوثق": a monitor's own finding that the civilians were spared."""
    denials = [c for c in claims_of(body) if c.denial]
    assert denials and all(c.group_kind == "civilians" for c in denials), claims_of(body)


@pytest.mark.parametrize("body", [
    "قتل ثلاثة عناصر من الحرس الثوري بغارة قرب السيدة زينب، ولم يسقط ضحايا من المدنيين.",
    "ولم تُسجّل خسائر بين المدنيين في هذا الاستهداف.",
    "وأكد المصدر أنه لم تقع خسائر في صفوف المدنيين جراء القصف.",
    "ولم يسقط ضحايا مدنيون في الغارة على المستودع.",
])
def test_no_civilian_victims_or_losses_denies_their_casualties(body):
    """"لم يسقط ضحايا من المدنيين", "لم تسجل خسائر بين المدنيين": victims or losses among the
    civilians denied (bare "خسائر" may be material: only with the civilians after it)."""
    denials = [c for c in claims_of(body) if c.denial]
    assert denials and all(c.group_kind == "civilians" and c.kind == "killed" for c in denials), claims_of(body)


@pytest.mark.parametrize("body", [
    "قتل خمسة أشخاص بقصف مدفعي على أطراف القرية، فيما لم يرصد المرصد سقوط ضحايا مدنيين.",
    "لقي ثلاثة أشخاص حتفهم بغارة على الموقع، ولم نوثق أي إصابات بين المدنيين.",
    "قضى أربعة بانفجار عبوة ناسفة بسيارة، ولم تقع إصابات في صفوف المدنيين.",
])
def test_the_side_a_denial_spares_is_not_the_side_of_the_dead(body):
    """"قتل 5 ... فيما لم يرصد سقوط ضحايا مدنيين": the five are not civilians, whoever they are."""
    killed = [c for c in claims_of(body) if c.kind == "killed" and not c.denial]
    assert killed and all(c.group_kind == "unknown" for c in killed), killed


def test_the_parts_after_a_forces_part_are_fighters_too():
    """"هم عنصران من قوات النظام و9 من المقاتلين غير السوريين": both parts are fighters."""
    parts = [(c.min, c.group_kind) for c in claims_of("قتل 11 شخصاً، هم عنصران من قوات النظام و9 من المقاتلين غير السوريين.")
             if c.breakdown]
    assert parts == [(2, "fighters"), (9, "fighters")]


@pytest.mark.parametrize("body, kind, part, side", [
    ("استشهد ثلاثة مواطنين، بينهم عضوان في قوى الأمن الداخلي، إثر استهداف طائرة مسيرة سيارة.", "killed", 2, "fighters"),
    ("قتل أربعة مدنيين بينهم عضو في الشرطة المحلية وطفلان بقصف على البلدة.", "killed", 1, "fighters"),
    ("أصيب ستة مدنيين، بينهم عضو في الأمن العام، بانفجار عبوة ناسفة.", "injured", 1, "fighters"),
    ("قتل خمسة أشخاص بينهم عضوان في المجلس المحلي بقصف مدفعي.", "killed", 2, "unknown"),   # no force
])
def test_a_member_of_a_force_among_the_victims_is_a_fighter(body, kind, part, side):
    """"بينهم عضوان في قوى الأمن الداخلي": the part's force, named after it, says its side."""
    parts = [c.group_kind for c in claims_of(body) if c.breakdown and c.kind == kind and c.min == part]
    assert parts == [side], claims_of(body)


@pytest.mark.parametrize("body, kind, count, side", [
    ("الأشخاص الثلاثة الذين قضوا جراء غارات لطائرات النظام يوم أمس على أطراف البلدة هم عناصر في هيئة تحرير الشام.",
     "killed", 3, "fighters"),
    ("القتلى الخمسة الذين سقطوا في القصف هم من عناصر الفرقة الرابعة.", "killed", 5, "fighters"),
    ("الشبان الأربعة الذين قتلوا بالغارة هم من المدنيين.", "killed", 4, "civilians"),
    ("وأكدت المصادر أن الجرحى الستة نقلوا إلى مشفى المدينة.", "injured", 6, "unknown"),
])
def test_a_definite_count_after_its_noun_and_who_they_were(body, kind, count, side):
    """"الأشخاص الثلاثة الذين قضوا ... هم عناصر في ...": the three who died, and who they were."""
    found = [(c.kind, c.min, c.group_kind) for c in claims_of(body) if not c.denial]
    assert found == [(kind, count, side)], claims_of(body)


@pytest.mark.parametrize("body", [
    "المرصد: 29 شخصاً على الأقل بينهم 11 طفلاً ونساء من عوائل عناصر التنظيم قضوا جراء ضربات جوية.",
    "قتل خمسة أشخاص من عائلات مقاتلي الفصائل بقصف على المخيم.",
    "أصيب ستة من ذوي عناصر الفرقة الرابعة بقصف على حيهم.",
])
def test_fighters_kin_are_civilians(body):
    """"من عوائل عناصر التنظيم": the fighters' families, not fighters."""
    found = [c for c in claims_of(body) if not c.denial]
    assert found and all(c.group_kind == "civilians" for c in found), found


@pytest.mark.parametrize("body, kind, count", [
    ("ما أدى إلى استشهاد رفيقنا في قوى الأمن الداخلي ريزان محمد.", "killed", 1),
    ("استشهد ثلاثة من رفاقنا في الهجوم على الحاجز.", "killed", 3),
    ("أصيب رفيقانا بجروح طفيفة.", "injured", 2),
])
def test_a_forces_own_comrades_are_fighters(body, kind, count):
    """"رفيقنا", "رفاقنا": a force's statement on its own members (our comrade, our comrades)."""
    assert [(c.kind, c.min, c.group_kind) for c in claims_of(body)] == [(kind, count, "fighters")]
