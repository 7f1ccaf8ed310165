"""Event type from the words of a report: ACLED types for attacks, None for reports of no
violence. Every report below is written for these tests."""
from __future__ import annotations

import pytest

import rasd
from rasd.extract.event_type import default_event_type, event_type
from rasd.incidents import build_incidents
from rasd.model import GENERIC_ATTACK

AIR = ("Explosions/Remote violence", "Air/drone strike")
SHELLING = ("Explosions/Remote violence", "Shelling/artillery/missile attack")
EXPLOSIVE = ("Explosions/Remote violence", "Remote explosive/landmine/IED")
CLASH = ("Battles", "Armed clash")
ATTACK = ("Violence against civilians", "Attack")


def typed(text: str) -> tuple[str, str] | None:
    return rasd.extract(text, published="2022-03-05").event_type


@pytest.mark.parametrize("text, kind", [
    # air / drone strikes
    ("مقتل ثلاثة مدنيين بغارة روسية على أريحا\nقتل ثلاثة مدنيين اليوم بغارة جوية استهدفت سوق المدينة.", AIR),
    ("طائرة مسيّرة تستهدف دراجة نارية قرب الباب\nأصيب شابان بجروح إثر استهداف طائرة مسيرة لدراجتهما.", AIR),
    ("قتيلتان في قصف جوي على مخيم للنازحين\nقضت امرأتان وجرح أربعة أطفال حين قصفت الطائرات الحربية المخيم فجراً.", AIR),
    # shelling / artillery / missiles
    ("قصف مدفعي على كنصفرة\nقتل رجل وأصيبت زوجته بقذائف مدفعية أطلقتها قوات النظام على البلدة.", SHELLING),
    ("صواريخ تسقط على أعزاز\nلقي خمسة مدنيين حتفهم بقصف صاروخي استهدف السوق الشعبي ظهر اليوم.", SHELLING),
    ("إصابة طفل بقذيفة هاون في درعا البلد\nأصيب طفل بجروح خطيرة جراء سقوط قذيفة هاون على حي سكني.", SHELLING),
    # remote explosives, mines, war remnants
    ("انفجار عبوة ناسفة في عفرين\nقتل شخصان بانفجار عبوة ناسفة زرعت في سيارة وسط المدينة.", EXPLOSIVE),
    ("مقتل راعٍ بلغم أرضي في البادية\nقتل راعي أغنام إثر انفجار لغم أرضي به شرقي حماة.", EXPLOSIVE),
    ("وفاة طفلين بانفجار قنبلة عنقودية\nتوفي طفلان بانفجار قنبلة عنقودية من مخلفات القصف الجوي الروسي أثناء لعبهما.", EXPLOSIVE),
    ("جسم غريب يقتل طفلة في ريف إدلب\nقتلت طفلة وجرح شقيقها بانفجار جسم غريب من مخلفات الحرب ألقته الطائرات سابقاً.", EXPLOSIVE),
    # armed clashes
    ("اشتباكات عنيفة في ريف حلب\nقتل أربعة مقاتلين في اشتباكات بين فصيلين مسلحين قرب مدينة الباب.", CLASH),
    ("معارك على محور كبانة\nقتل سبعة عناصر من قوات النظام في معارك مع الفصائل على المحور.", CLASH),
    ("مواجهات في دير الزور\nسقط ثلاثة قتلى في مواجهات بين مسلحين من العشائر وعناصر قسد.", CLASH),
    # attacks on people
    ("مقتل شاب برصاص مجهولين في درعا\nقتل شاب برصاص مسلحين مجهولين أمام منزله في بلدة طفس.", ATTACK),
    ("اغتيال قيادي سابق في ريف درعا الغربي\nاغتال مجهولون قيادياً سابقاً في المعارضة بإطلاق النار عليه.", ATTACK),
    ("قناص يصيب امرأة في حي الشيخ مقصود\nأصيبت امرأة برصاص قناص أثناء عبورها الشارع الرئيسي.", ATTACK),
])
def test_attacks_are_typed_by_their_words(text: str, kind: tuple[str, str]) -> None:
    assert typed(text) == kind


@pytest.mark.parametrize("text", [
    # traffic accidents
    "وفاة ثلاثة أشخاص بحادث سير على طريق حلب\nتوفي ثلاثة أشخاص وأصيب اثنان بحادث سير مروع على الطريق الدولي.",
    "انقلاب سيارة يودي بحياة عائلة في ريف حماة\nلقي أربعة أفراد من عائلة واحدة حتفهم إثر انقلاب سيارتهم.",
    "إصابة ستة أشخاص في حادث مروري بحمص\nأصيب ستة أشخاص بجروح في حادث مروري بعد اصطدام سيارتين.",
    # earthquakes
    "هزة أرضية تضرب ريف اللاذقية\nأصيب خمسة أشخاص بجروح طفيفة جراء هزة أرضية شعر بها السكان.",
    "ارتفاع حصيلة ضحايا الزلزال في جنديرس\nارتفعت حصيلة ضحايا الزلزال إلى 300 قتيل في البلدة.",
    "زلزال جديد يثير الذعر في حلب\nتوفيت امرأة بسكتة قلبية وأصيب عشرة بالهلع إثر زلزال بقوة خمس درجات.",
    # crime
    "جريمة قتل مروعة في ريف دمشق\nعثر الأهالي على جثة رجل قتل طعناً في جريمة قتل داخل منزله.",
    "مقتل شخصين في مشاجرة عائلية بالرقة\nقتل شخصان وأصيب ثالث برصاص خلال مشاجرة بين عائلتين.",
    "عملية سطو مسلح على محل صرافة\nأصيب صاحب المحل بجروح خلال عملية سطو نفذها ملثمون.",
    # fires
    "وفاة طفلين في حريق منزل بحلب\nتوفي طفلان اختناقاً في حريق اندلع في منزلهما بسبب مدفأة.",
    "حريق في مخيم للنازحين يلتهم عشرات الخيم\nأصيبت ثلاث نساء بحروق في حريق شب في المخيم.",
    "حرائق الغابات تمتد إلى قرى الساحل\nأصيب عشرة أشخاص بحالات إغماء جراء الحرائق في ريف اللاذقية.",
    # drownings
    "غرق طفل في نهر العاصي\nتوفي طفل غرقاً أثناء السباحة في نهر العاصي قرب دركوش.",
    "انتشال جثتي شابين من بحيرة ميدانكي\nانتشلت الفرق جثتي شابين توفيا غرقا في البحيرة.",
    "مصرع ثمانية مهاجرين في غرق قارب قبالة طرطوس\nلقي ثمانية مهاجرين حتفهم إثر غرق قاربهم.",
    # gas cylinders and other accidents (an explosion that is no attack)
    "انفجار أسطوانة غاز في مطعم بإدلب\nأصيب أربعة عمال بانفجار اسطوانة غاز داخل المطعم.",
    "وفاة عامل بصعق كهربائي في الرقة\nتوفي عامل إثر تعرضه لصعق كهربائي أثناء إصلاح الشبكة.",
    "انهيار مبنى سكني في حلب القديمة\nقتل ثلاثة أشخاص جراء انهيار مبنى قديم في حي باب النيرب.",
    # weather
    "السيول تجرف خيام النازحين في ريف إدلب\nتوفي طفل وأصيبت امرأتان جراء سيول جرفت عشرات الخيام.",
    "عاصفة ثلجية تضرب مخيمات عرسال\nتوفيت طفلة من البرد خلال العاصفة التي ضربت المخيمات ليلاً.",
    "وفاة راعيين بصاعقة في البادية\nتوفي راعيان إثر إصابتهما بصاعقة رعدية أثناء رعي الأغنام.",
])
def test_events_that_are_no_attack_have_no_type(text: str) -> None:
    assert typed(text) is None


@pytest.mark.parametrize("text", [
    # monthly and yearly tolls
    "الشبكة السورية: مقتل 95 مدنياً خلال شهر آب\nوثقت الشبكة مقتل 95 مدنياً بينهم 20 طفلاً خلال الشهر الماضي.",
    "حصيلة شهرية: 40 قتيلاً بغارات روسية في إدلب\nقتل 40 مدنياً بغارات روسية في محافظة إدلب خلال الشهر.",
    "الدفاع المدني: 120 هجوماً منذ بداية العام\nاستجابت الفرق لـ 120 هجوماً أدت إلى مقتل 60 مدنياً منذ بداية العام الجاري.",
    # statements and talks
    "الخارجية الفرنسية تدين التصعيد في شمال سوريا\nأدانت فرنسا التصعيد الأخير وطالبت بحماية المدنيين.",
    "مباحثات روسية تركية حول الوضع في إدلب\nبحث وزيرا الخارجية الروسي والتركي الأوضاع في إدلب هاتفياً.",
    "الأمم المتحدة تطالب بوقف إطلاق النار\nطالب المبعوث الأممي جميع الأطراف بوقف إطلاق النار فوراً.",
])
def test_statistics_and_statements_have_no_type(text: str) -> None:
    assert typed(text) is None


@pytest.mark.parametrize("text, kind", [
    # a statement that names the attack, or states its own toll, reports it
    ("اليونيسف تدين غارة روسية قتلت أطفالاً في إدلب\nقتل أربعة أطفال بغارة استهدفت مدرستهم صباح اليوم.", AIR),
    ("تركيا تدين مقتل 5 مدنيين في أعزاز\nقتل خمسة مدنيين بقصف صاروخي على المدينة أمس.", SHELLING),
    # a period's toll that also tells of one day's attack
    ("الدفاع المدني: 35 قتيلاً منذ بداية العام\nوقتل طفلان صباح أمس بقصف مدفعي على قرية كفر تعال.", SHELLING),
    # a fire the attack caused
    ("حريق في سوق معرة مصرين إثر غارة جوية\nقتل ثلاثة مدنيين واندلع حريق في السوق بعد غارة للطيران الروسي.", AIR),
    ("حرائق بعد قصف صاروخي على مستودعات\nأصيب عاملان وشبت حرائق كبيرة إثر قصف صاروخي على المستودعات.", SHELLING),
    # a crime word beside a strong violent word
    ("جريمة جديدة: غارة تقتل عائلة في جبل الزاوية\nقتل خمسة أفراد من عائلة واحدة بغارة روسية فجر اليوم.", AIR),
])
def test_violence_outweighs_what_surrounds_it(text: str, kind: tuple[str, str]) -> None:
    assert typed(text) == kind


@pytest.mark.parametrize("text, kind", [
    ("حصاد اليوم الميداني في الشمال السوري\nقتل مدنيان بقصف مدفعي على بلدة كنصفرة صباح اليوم.\n"
     "وفي ريف درعا قتل طفل بانفجار لغم من مخلفات الحرب.", SHELLING),
    ("قتلى وجرحى في إدلب وحلب\nقتلت امرأة بغارة روسية على أطراف بلدة بداما فجر اليوم.\n"
     "كما توفي شاب غرقاً في نهر الفرات قرب مدينة جرابلس.", AIR),
    ("تصعيد في ريف حلب الشمالي\nأصيب ثلاثة مدنيين برصاص قناص في مدينة مارع ظهر اليوم.\n"
     "وفي سياق آخر أصيب خمسة أشخاص بحادث سير على طريق أعزاز.", ATTACK),
])
def test_a_round_up_later_events_do_not_retype_the_first(text: str, kind: tuple[str, str]) -> None:
    assert typed(text) == kind


@pytest.mark.parametrize("text", [
    "مقتل ثلاثة مدنيين في ريف درعا\nقتل ثلاثة مدنيين اليوم في بلدة اليادودة.",
    "وفاة شابين في ظروف غامضة\nعثر على جثتي شابين قرب الطريق العام.",
    "سقوط ضحايا في مدينة الباب\nأفاد ناشطون بسقوط قتيلين وعدد من الجرحى.",
])
def test_casualties_of_no_named_form_are_an_attack(text: str) -> None:
    assert typed(text) == ATTACK


def test_a_first_line_that_is_a_paragraph_is_no_headline() -> None:
    text = ("وحمل المتظاهرون لافتات تندد بسياسة الفصيل على المستوى العسكري والاقتصادي وبالفلتان "
            "الأمني الحاصل في المدينة منذ أشهر طويلة دون أي حل من السلطات المحلية أو من الجهات المعنية.\n"
            "وتزامنت المظاهرة مع غارات روسية قتلت مدنياً في ريف إدلب الجنوبي صباح اليوم.")
    assert typed(text) == AIR


def test_a_headline_alone_needs_a_violent_word_when_asked() -> None:
    assert event_type("ارتفاع أسعار الخبز في دمشق", silent_is_violent=False) is None
    assert event_type("ارتفاع أسعار الخبز في دمشق") == ATTACK
    assert event_type("غارة على بنش", silent_is_violent=False) == AIR


def test_the_generic_attack_of_the_model_is_the_catalog_default() -> None:
    assert default_event_type() == GENERIC_ATTACK


def test_a_report_of_no_violence_forms_no_incident() -> None:
    drowned = rasd.extract("غرق طفل في نهر العاصي\nتوفي طفل غرقاً أثناء السباحة في نهر العاصي قرب دركوش اليوم.",
                           published="2022-03-05", doc_id="d")
    strike = rasd.extract("قصف مدفعي على دركوش\nقتل طفل اليوم بقصف مدفعي على بلدة دركوش.",
                          published="2022-03-05", doc_id="s")
    incidents = build_incidents([drowned, strike])
    assert [i.doc_ids for i in incidents] == [("s",)]
    assert incidents[0].sub_event_type == SHELLING[1]
