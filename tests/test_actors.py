"""Actor mentions, their roles, the main perpetrators of a report, and source kinds.

Every sentence here was written for these tests (none comes from the dev data).
"""
from __future__ import annotations

import pytest

from rasd.extract.actors import catalog, find_actors, main_perpetrators, source_kind
from rasd.model import ActorMention

RUSSIA, TURKEY, ISRAEL, US = "Russia", "Turkey", "Israel", "United States"
COALITION, REGIME, SDF = "US-led coalition", "Syrian government forces", "SDF/YPG"
IRAN_MILITIAS, ISIS, HTS = "Iran-backed militias", "ISIS (Islamic State)", "HTS (Hayat Tahrir al-Sham)"


def roles(text: str) -> list[tuple[str, str]]:
    """(actor, role) of every mention, in text order."""
    return [(m.actor, m.role) for m in find_actors(text)]


def mention(text: str, actor: str) -> ActorMention:
    """The first mention of ``actor``; fails with everything found."""
    found = find_actors(text)
    for m in found:
        if m.actor == actor:
            return m
    pytest.fail(f"{actor} not found in {text!r}: {found}", pytrace=False)


# -- perpetrator --------------------------------------------------------------------------

@pytest.mark.parametrize("text, actor", [
    ("قتل مدنيان جراء غارات روسية على أطراف بلدة في ريف إدلب الجنوبي", RUSSIA),
    ("أصيب طفل بقصف تركي طال قرية في ريف تل تمر", TURKEY),
    ("استهدفت مسيرة تركية سيارة على طريق القامشلي", TURKEY),
    ("حلقت طائرة حربية روسية فوق جبل الزاوية قبل أن تلقي حمولتها", RUSSIA),
    ("شن الطيران الروسي ثلاث غارات على محيط المخيم", RUSSIA),
    ("أقلعت طائرتان حربيتان روسيتان من القاعدة وقصفتا الأطراف", RUSSIA),
    ("سقط جرحى في قصف مدفعي لقوات النظام على أطراف المدينة", REGIME),
    ("أدان البيان العدوان الإسرائيلي على ريف حمص", ISRAEL),
    ("قصفت قوات الأسد بلدة في الريف الغربي فجر اليوم", REGIME),
    ("استهدفت قوات النظام صباح اليوم بالمدفعية الثقيلة منازل المدنيين", REGIME),
    ("ارتكبت قوات الأسد مجزرة جديدة في ريف إدلب الجنوبي", REGIME),
    ("قتل رجل بقصف من قبل قسد على أطراف مدينة الباب", SDF),
    ("قتل شاب برصاص قوات سوريا الديمقراطية عند حاجز في الريف الشرقي", SDF),
    ("وقالت مصادر محلية إن قوات الحكومة المتمركزة في معسكر قريب قصفت البلدة", REGIME),
    ("الطائرات الحربية الروسية تشن غارات على ريف اللاذقية", RUSSIA),
    ("أصيب عامل بقذيفة مصدرها مواقع قوات النظام في المنطقة", REGIME),
    ("قتلت امرأة بقصف صاروخي مصدره المناطق التي تسيطر عليها قسد", SDF),
    ("قتل عنصران من الجيش الوطني على يد عناصر قسد في ريف منبج", SDF),
    ("أعلن التنظيم أن خلايا داعش نفذت هجوما على حاجز عسكري", ISIS),
    ("نفذت قوات التحالف الدولي عملية إنزال جوي في ريف دير الزور", COALITION),
    ("تقدمت قوات النظام بدعم جوي روسي نحو القرية", RUSSIA),
    ("قصف النظام التركي قرى في ريف تل تمر", TURKEY),
])
def test_perpetrator(text, actor):
    assert mention(text, actor).role == "perpetrator"


@pytest.mark.parametrize("text, actor", [
    ("قتل رجل جراء إلقاء طائرات الأسد المروحية براميل متفجرة على الحي الجنوبي", REGIME),
    ("أصيب طفلان بقصف طيران الأسد على أطراف البلدة", REGIME),
    ("ألقت مروحيات الأسد برميلين متفجرين على البلدة صباح اليوم", REGIME),
    ("خلايا داعش تغتال عضواً في المجلس المدني أمام منزله", ISIS),
    ("ويغتال مسلحو داعش الوجهاء في ريف دير الزور واحداً تلو الآخر", ISIS),
    ("أطلقت دورية إسرائيلية النار على راعي أغنام قرب البلدة", ISRAEL),
    ("وأطلق جنود الاحتلال الإسرائيلي النار على شاب عند أطراف القرية", ISRAEL),
    ("فتحت دورية تركية النار على مزارعين قرب الحدود", TURKEY),
])
def test_perpetrator_named_as_assads_aircraft_or_firing_or_assassinating(text, actor):
    """"طائرات الأسد", a present-tense "تغتال", and a patrol or soldiers right after "أطلقت"
    or "فتحت" (before "النار": they fired) are the attackers."""
    assert mention(text, actor).role == "perpetrator"


@pytest.mark.parametrize("text, accuser, accused", [
    ("اتهمت قسد تركيا بقصف قرية الدردارة بالمدفعية.", SDF, TURKEY),
    ("واتهمت فصائل الجيش الوطني قسد بإطلاق القذائف على المدينة.", "Syrian National Army (Turkish-backed)", SDF),
    ("وتتهم روسيا فصائل المعارضة بقصف مواقع قواتها في ريف اللاذقية.", RUSSIA, "Syrian opposition factions"),
    ("واتهم الجيش الوطني قوات قسد بقصف الأحياء السكنية.", "Syrian National Army (Turkish-backed)", SDF),
])
def test_an_accusing_belligerent_is_not_the_perpetrator(text, accuser, accused):
    assert mention(text, accused).role == "perpetrator" and mention(text, accuser).role != "perpetrator"


def test_a_belligerent_accused_by_others_stays_the_perpetrator():
    assert mention("واتهمت مصادر محلية قسد بقصف المدينة.", SDF).role == "perpetrator"


@pytest.mark.parametrize("text, accuser, accused", [
    ("وحمّلت قسد المسؤولية لقوات النظام المنتشرة جنوبي المدينة.", SDF, REGIME),
    ("وحمّل المرصد السوري المسؤولية للقوات التركية عن القصف.", "Syrian Observatory for Human Rights", TURKEY),
    ("وحمّلت الإدارة الذاتية مسؤولية القصف لفصائل الجيش الوطني.", "Autonomous Administration (Kurdish-led)",
     "Syrian National Army (Turkish-backed)"),
])
def test_the_party_held_responsible_is_the_perpetrator_not_its_accuser(text, accuser, accused):
    assert mention(text, accused).role == "perpetrator" and mention(text, accuser).role != "perpetrator"


@pytest.mark.parametrize("text, actor", [
    ("وبينما اتهمت فصائل الجيش الوطني قوات سوريا الديمقراطية بالقصف، نفت الأخيرة في بيان أي علاقة لها به.", SDF),
    ("واتهم ناشطون القوات الروسية بتنفيذ الغارة، فيما نفى الأخير ذلك.", RUSSIA),
    ("وحمّل الأهالي قوات النظام مسؤولية القصف، لكن الأخيرة تنفي استهداف المدنيين.", REGIME),
])
def test_the_latter_denying_is_the_actor_named_last(text, actor):
    denied = [m for m in find_actors(text) if m.certainty == "denied"]
    assert [m.actor for m in denied] == [actor] and denied[0].text in ("الأخيرة", "الأخير")


def test_the_latter_without_a_denial_is_no_mention():
    assert [m.text for m in find_actors("وقصفت قوات النظام بلدة البارة، وتعرضت الأخيرة لدمار واسع.")] == ["قوات النظام"]


@pytest.mark.parametrize("text", [
    "وقال المرصد إن صاروخاً من الدفاعات الجوية السورية سقط على المنزل.",
    "سقط صاروخ دفاع جوي سوري على منزل في بلدة الغزلانية.",
    "وأكد الأهالي أن المنزل أصيب بصاروخ من الدفاع الجوي السوري وليس بصاروخ إسرائيلي.",
])
def test_the_syrian_air_defence_is_the_syrian_government(text):
    assert mention(text, REGIME).role == "perpetrator"


@pytest.mark.parametrize("text", [
    "وأدانت الحكومة السورية المؤقتة القصف على سوق مدينة الباب.",
    "وقالت الحكومة المؤقتة في بيان إن القصف استهدف المدنيين في إعزاز.",
    "وطالبت وزارة الدفاع في الحكومة السورية المؤقتة بمحاسبة المسؤولين عن القصف.",
])
def test_the_oppositions_interim_government_is_not_the_syrian_government(text):
    assert [m.actor for m in find_actors(text)] == ["Syrian Interim Government (opposition, Turkish-backed)"]


@pytest.mark.parametrize("text, actor", [
    ("#القنيطرة #الجولان #توغل_إسرائيلي", ISRAEL),
    ("#عاجل #قصف_روسي على أطراف البارة", RUSSIA),
    ("#قوات_النظام تقصف بلدة كنصفرة بالمدفعية", REGIME),
])
def test_actors_in_hashtags_are_read(text, actor):
    assert mention(text, actor).role == "perpetrator"


def test_coordinated_attackers_share_the_role():
    text = "قتل مدنيان بقصف قوات النظام وروسيا على قرية في جبل الزاوية"
    assert roles(text) == [(REGIME, "perpetrator"), (RUSSIA, "perpetrator")]


def test_ally_named_after_a_connector_shares_the_role():
    text = "تصاعدت هجمات النظام وحليفه الروسي على الشمال السوري"
    assert roles(text) == [(REGIME, "perpetrator"), (RUSSIA, "perpetrator")]


# -- the forces of 2024-2025 --------------------------------------------------------------

@pytest.mark.parametrize("text, actor", [
    ("قتل خمسة مدنيين برصاص عناصر الأمن العام في ريف حمص الغربي", REGIME),
    ("داهمت دوريات الأمن العام قرى في ريف اللاذقية وقتلت ثلاثة شبان", REGIME),
    ("قصفت قوات وزارة الدفاع السورية مواقع لمسلحين في ريف السويداء", REGIME),
    ("شنت إدارة العمليات العسكرية هجوماً على مواقع قوات النظام في ريف حلب", "Syrian opposition factions"),
    ("استهدفت فصائل ردع العدوان بالمدفعية مواقع في ريف حماة الشمالي", "Syrian opposition factions"),
])
def test_the_forces_named_since_late_2024_are_catalogued(text, actor):
    assert mention(text, actor).role == "perpetrator"


def test_lebanons_general_security_is_not_the_syrian_state():
    assert [a for a, _ in roles("قالت المديرية العامة للأمن العام اللبناني إن دورية أوقفت مطلوبين")] \
        == ["Lebanese General Security"]


@pytest.mark.parametrize("text, actor", [
    ("قتل 5 جنود في كمين نصبه عناصر تنظيم الدولة الإسلامية في البادية", ISIS),
    ("أصيب مدنيان في هجوم نفذه عناصر من قسد على نقطة قرب منبج", SDF),
    ("قتل عنصران بهجوم شنه مسلحو هيئة تحرير الشام على محور كبانة", HTS),
])
def test_an_attack_set_by_members_of_a_group_is_the_groups(text, actor):
    """"نصبه / نفذه / شنه" before the members: they did it, not suffered it."""
    assert mention(text, actor).role == "perpetrator"


@pytest.mark.parametrize("text, actor", [
    ("قالت الوزارة إن خلية تابعة لتنظيم داعش فجّرت عبوة ناسفة بسيارة في الميادين", ISIS),
    ("فجرت قوات النظام منازل المدنيين في البلدة بعد اقتحامها", REGIME),
    ("وأكدت مصادر أن عناصر من قسد فجروا جسراً على الطريق", SDF),
])
def test_detonating_is_an_attack(text, actor):
    assert mention(text, actor).role == "perpetrator"


@pytest.mark.parametrize("text, actor", [
    ("استهدف الجيش التركي، مساء اليوم، محطة المياه في قرية علوك", TURKEY),
    ("واستهدف حزب الله اللبناني بصاروخ موجه آلية في الجليل", "Hezbollah"),
    ("وأغار الجيش الإسرائيلي ليلاً على مواقع في ريف درعا", ISRAEL),
    ("أغار التحالف الدولي على منزل في قرية الشحيل", COALITION),
    ("اغتال تنظيم داعش مختار القرية أمام منزله في ريف دير الزور", ISIS),
])
def test_the_attacker_after_a_masculine_attack_verb_is_the_perpetrator(text, actor):
    """"استهدف / أغار / اغتال X": the subject follows its verb, as after their feminine and
    plural forms."""
    assert mention(text, actor).role == "perpetrator"


def test_an_actor_after_the_passive_of_the_verb_with_its_target_word_is_the_target():
    """"استُهدف رتل للجيش التركي": the target word between the verb and the actor decides."""
    assert mention("استُهدف رتل للجيش التركي بعبوة ناسفة قرب الباب", TURKEY).role == "target"


@pytest.mark.parametrize("text, actor", [
    ("استهدف الطيران المعادي مواقع في ريف دمشق الغربي", ISRAEL),
    ("شن الطيران الحربي المعادي غارات على محيط القصير", ISRAEL),
    ("هاجمت العصابات الإرهابية نقطة عسكرية في ريف حماة", "Armed groups (unnamed, 'terrorists' in state media)"),
    # the Israeli army's own Arabic name, in its statements relayed in Arabic
    ("أغارت طائرات حربية لجيش الدفاع على مواقع عسكرية في ريف دمشق", ISRAEL),
    ("جيش الدفاع يهاجم بنى تحتية عسكرية في جنوب سوريا", ISRAEL),
    ("واستهدفت دبابات جيش الدفاع أطراف بلدة في ريف القنيطرة", ISRAEL),
])
def test_a_sides_own_names_of_the_attacker_are_catalogued(text, actor):
    assert mention(text, actor).role == "perpetrator"


# -- suspected ----------------------------------------------------------------------------

@pytest.mark.parametrize("text, actor", [
    ("تعرضت مواقع في البادية لقصف من طيران مجهول يرجح أنه تابع للتحالف الدولي", COALITION),
    ("استهدفت طائرات يرجح أنها إسرائيلية مستودعات قرب المطار", ISRAEL),
    ("دوت انفجارات بعد غارات إسرائيلية على الأرجح في محيط البوكمال", ISRAEL),
    ("قصفت طائرات مجهولة يعتقد أنها تابعة للتحالف شاحنات على الحدود", COALITION),
])
def test_suspected_perpetrator(text, actor):
    m = mention(text, actor)
    assert (m.role, m.certainty) == ("perpetrator", "suspected")


@pytest.mark.parametrize("text, actor", [
    ("قتل شخصان بغارة يُعتقد أن طائرات روسية نفذتها على ريف إدلب", RUSSIA),
    ("يرجح أن مسيرة تركية استهدفت السيارة قرب القامشلي", TURKEY),
    ("ويعتقد أن الطائرات الإسرائيلية قصفت المستودع ليلاً", ISRAEL),
])
def test_a_hedge_opening_the_clause_before_the_weapon_word_is_suspected(text, actor):
    m = mention(text, actor)
    assert (m.role, m.certainty) == ("perpetrator", "suspected")


@pytest.mark.parametrize("text, actor", [
    ("قتل مدنيان بغارة جوية على البارة يُعتقد أنها من طائرة حربية روسية", RUSSIA),
    ("استهدفت طائرة يرجح أنها من سلاح الجو الإسرائيلي شاحنة قرب البوكمال", ISRAEL),
    ("أصيب راعٍ بقذيفة يعتقد أنها من مدفعية الجيش التركي قرب عين عيسى", TURKEY),
])
def test_a_hedge_five_words_before_the_actor_is_suspected(text, actor):
    m = mention(text, actor)
    assert (m.role, m.certainty) == ("perpetrator", "suspected")


@pytest.mark.parametrize("text, actor", [
    ("عثر أهالٍ على جثث رعاة قتلوا برصاص مسلحين في البادية، يُعتقد أنهم من خلايا تنظيم الدولة", ISIS),
    ("وقالت المصادر إن المهاجمين يُرجّح أنهم من خلايا تنظيم داعش، وإنهم فروا نحو البادية", ISIS),
    ("قتل شاب برصاص مجهولين يرجح أنهم عناصر من قسد قرب الطبقة", SDF),
    ("وقالت مصادر إن القصف يُرجّح أنه صادر عن مواقع القوات الحكومية المتمركزة قرب البلدة", REGIME),
])
def test_a_hedge_on_who_the_attackers_were_makes_a_suspected_perpetrator(text, actor):
    m = mention(text, actor)
    assert (m.role, m.certainty) == ("perpetrator", "suspected")


@pytest.mark.parametrize("text, actor", [
    ("يعتقد أن تنظيم داعش يسيطر على المنطقة الصحراوية", ISIS),                 # no belonging word
    ("قتل شخصان يعتقد أنهما من عناصر داعش بغارة للتحالف شرقي دير الزور", ISIS),  # the victims' identity
    ("يرجح أن قسد تسيطر على القرية منذ أشهر", SDF),
])
def test_a_hedge_on_something_else_makes_no_perpetrator(text, actor):
    assert mention(text, actor).role != "perpetrator"


@pytest.mark.parametrize("text, actor", [
    ("قصفت مسيرة قرية الدردارة. ونفت وزارة الدفاع التركية تنفيذ أي قصف على المنطقة", TURKEY),
    ("قصفت طائرات حربية بلدة كفرنبل. ونفت وزارة الدفاع الروسية في بيان تنفيذ أي طلعات جوية", RUSSIA),
    ("استهدفت مسيرة سيارة قرب منبج. ونفت قسد في بيان لها تنفيذ أي هجوم", SDF),
    ("ونفى مركز المصالحة الروسي في بيان له شن أي غارة على إدلب", RUSSIA),
])
def test_denying_having_carried_out_the_attack_is_a_denial(text, actor):
    m = mention(text, actor)
    assert (m.role, m.certainty) == ("perpetrator", "denied")


@pytest.mark.parametrize("text, actor", [
    ("قصف الجيش الوطني السوري المدعوم من تركيا قرية الدندنية", TURKEY),
    ("قصفت فصائل الجيش الوطني المدعوم تركياً بلدة عين عيسى", TURKEY),
    ("استهدف الحرس الثوري والفصائل الموالي لإيران مواقع في البوكمال", "Iran"),
])
def test_a_backed_group_does_not_name_its_backer(text, actor):
    assert actor not in [m.actor for m in find_actors(text)]


@pytest.mark.parametrize("text", [
    "قصفت طائرات روسية بلدة البارة ويرجح ارتفاع عدد القتلى",
    "يرجح ارتفاع عدد القتلى بعد قصف طائرات روسية على البلدة",
])
def test_a_hedge_about_the_toll_leaves_the_attacker_stated(text):
    assert mention(text, RUSSIA).certainty == "stated"


def test_plain_statement_is_stated():
    assert mention("شنت مقاتلات روسية غارات على ريف إدلب", RUSSIA).certainty == "stated"


# -- target -------------------------------------------------------------------------------

@pytest.mark.parametrize("text, actor", [
    ("استهدفت الضربات مواقع الميليشيات الإيرانية في ريف البوكمال", IRAN_MILITIAS),
    ("دمرت الغارات مقار لميليشيا فاطميون قرب الميادين", "Fatemiyoun (Iran-backed)"),
    ("تواصل القصف على مواقع قسد في ريف عين عيسى", SDF),
    ("أسفر الهجوم عن مقتل عناصر من قوات النظام قرب تدمر", REGIME),
    ("سقط قتلى في صفوف هيئة تحرير الشام خلال الاشتباكات", HTS),
    ("تعرضت قوات النظام لهجوم مباغت في البادية", REGIME),
    ("استهدفت المسيرة عددا من مواقع قوات النظام في المنطقة", REGIME),
    ("شنت طائرات التحالف غارات ضد داعش في البادية", ISIS),
    ("قصفت الطائرات المسيرة مستودعات المليشيات الإيرانية", IRAN_MILITIAS),
])
def test_target(text, actor):
    assert mention(text, actor).role == "target"


@pytest.mark.parametrize("text, actor", [
    ("تم أمس تحييد 14 إرهابياً من تنظيم داعش في غارات جوية استهدفت مواقع للتنظيم في قباسين.", ISIS),
    ("أعلنت وزارة الدفاع التركية تحييد 9 من قسد شمالي الرقة.", SDF),
    ("أعلن الجيش تحييد ثلاثة من داعش قرب الباب.", ISIS),
    ("قتل 20 إرهابياً من تنظيم داعش بغارات روسية على البادية.", ISIS),
])
def test_the_neutralised_are_the_target(text, actor):
    """"تحييد" (neutralising) and the counted "إرهابياً" name the side that was hit."""
    assert mention(text, actor).role == "target"


def test_the_terrorists_who_attacked_are_still_the_attacker():
    assert mention("استشهد مدنيان جراء اعتداء إرهابيي داعش على المواطنين في البلدة.", ISIS).role == "perpetrator"


def test_attacker_and_target_in_one_sentence():
    text = "استهدفت طائرات مسيرة تركية مواقع لقسد في ريف الحسكة"
    assert roles(text) == [(TURKEY, "perpetrator"), (SDF, "target")]


def test_hospital_hit_is_a_target_never_a_perpetrator():
    assert mention("خرج المستشفى عن الخدمة بعد قصف مشفى المدينة الوطني", "Hospital").role != "perpetrator"
    assert mention("طال القصف مستشفى في المدينة", "Hospital").role == "target"


# -- other: named, not attacking ----------------------------------------------------------

@pytest.mark.parametrize("text, actor", [
    ("تخضع المنطقة لاتفاق وقف إطلاق النار الموقع بين روسيا وتركيا", RUSSIA),
    ("تخضع المنطقة لاتفاق وقف إطلاق النار الموقع بين روسيا وتركيا", TURKEY),
    ("وأكدت روسيا في بيان لوزارة خارجيتها التزامها بالحل السياسي", RUSSIA),
    ("التقى الرئيس الروسي نظيره التركي في العاصمة", RUSSIA),
    ("يقع المخيم في مناطق سيطرة هيئة تحرير الشام شمال إدلب", HTS),
    ("نزحت عائلات كثيرة من مناطق سيطرة قوات النظام خلال العام الماضي", REGIME),
    ("وقال قائد ميداني في الجيش الوطني إن تركيا حليف ثابت للفصائل", TURKEY),
])
def test_mentioned_but_not_attacking(text, actor):
    assert mention(text, actor).role == "other"


def test_background_actor_is_not_the_perpetrator():
    text = ("قتل ثلاثة مدنيين بقصف مدفعي لقوات النظام على بلدة في ريف إدلب. "
            "وتعد روسيا الداعم الأبرز للحكومة السورية منذ عام 2015.")
    assert roles(text) == [(REGIME, "perpetrator"), (RUSSIA, "other"), (REGIME, "other")]


def test_speaker_of_a_report_is_not_its_subject():
    text = "وقال المرصد السوري لحقوق الإنسان إن قوات النظام قصفت البلدة"
    assert roles(text) == [("Syrian Observatory for Human Rights", "other"), (REGIME, "perpetrator")]


@pytest.mark.parametrize("text", [
    "تجدد القصف المدفعي على المنطقة. تركيا تدعو إلى التهدئة في الشمال",
    "تجدد القصف المدفعي على المنطقة\nتركيا تدعو إلى التهدئة في الشمال",
])
def test_sentence_or_line_end_stops_a_cue(text):
    assert mention(text, TURKEY).role == "other"


def test_blank_lines_do_not_split_a_phrase():
    assert mention("عاجل\n\n\nغارات روسية على إدلب", RUSSIA).role == "perpetrator"


# -- matching -----------------------------------------------------------------------------

def test_longest_match_wins():
    text = "أعلن التحالف الدولي بقيادة الولايات المتحدة مقتل قيادي في داعش"
    assert [m.text for m in find_actors(text)] == ["التحالف الدولي بقيادة الولايات المتحدة", "داعش"]


@pytest.mark.parametrize("text, actor", [
    ("تبنت كتائب حزب الله العراقي الهجوم", "Kataib Hezbollah (Iran-backed)"),
    ("قتل قيادي في حزب الله اللبناني", "Hezbollah"),
    ("اشتبك الجيش الوطني السوري مع مجموعة مسلحة", "Syrian National Army (Turkish-backed)"),
    ("وصلت فرق الدفاع المدني إلى المكان", "Syrian Civil Defence (White Helmets)"),
    ("نشرت سانا صورا للدمار", "SANA (Syrian Arab News Agency)"),
    ("أعلنت قوات SDF بدء عملية أمنية", SDF),
])
def test_catalog_forms(text, actor):
    assert [m.actor for m in find_actors(text)] == [actor]


def test_proclitics_are_left_out_of_the_span():
    text = "قتل طفل بقصف لقوات النظام وبالطيران الروسي"
    found = find_actors(text)
    assert [m.text for m in found] == ["قوات النظام", "الروسي"]
    assert all(text[m.span[0]:m.span[1]] == m.text for m in found)


def test_ل_before_the_article_stays_in_the_span():
    found = find_actors("قصفت طائرة تابعة للتحالف الدولي قرية")
    assert [(m.text, m.actor) for m in found] == [("للتحالف الدولي", COALITION)]


def test_whole_words_only():
    assert find_actors("قصف على جبل التركمان وقرى المتحالفين في المملكة البروسية القديمة") == ()


def test_diacritics_and_alef_forms_fold():
    assert [m.actor for m in find_actors("قَصْفٌ إسْرائيليٌّ على اسرائيلية")] == [ISRAEL, ISRAEL]


def test_spans_index_the_original_text():
    text = "وقال ناشطون:  استهدفت  الطائراتُ الروسيةُ   بلدة في سهل الغاب"
    m = mention(text, RUSSIA)
    assert text[m.span[0]:m.span[1]] == m.text == "الروسيةُ"


def test_catalog_names_carry_their_family():
    names = catalog()
    assert {"Russia", "Turkey", "Israel", "US-led coalition", "SDF/YPG", "ISIS (Islamic State)",
            "Syrian government forces", "Iran-backed militias", "Hezbollah"} <= set(names)
    assert names["Syrian Civil Defence (White Helmets)"].kind == "civil_defence"


# -- main_perpetrators --------------------------------------------------------------------

def _m(actor: str, start: int, role: str = "perpetrator", certainty: str = "stated") -> ActorMention:
    return ActorMention(text=actor, span=(start, start + 5), actor=actor, role=role,
                        certainty=certainty)  # type: ignore[arg-type]


def test_main_perpetrator_is_the_most_named_attacker():
    text = ("قتل ثلاثة مدنيين بغارات روسية على ريف إدلب. وأضافت المصادر أن الطيران الروسي "
            "شن غارات أخرى، قبل أن تعود المقاتلات الروسية مساء. وتزامن ذلك مع قصف تركي على "
            "مواقع قسد.")
    assert main_perpetrators(find_actors(text)) == [(RUSSIA, "stated")]


def test_stated_outweighs_suspected():
    mentions = [_m(ISRAEL, 0, certainty="suspected"), _m(ISRAEL, 100, certainty="suspected"),
                _m(US, 200), _m(US, 300), _m(US, 400)]
    assert main_perpetrators(mentions) == [(US, "stated")]


def test_only_suspected_stays_suspected():
    assert main_perpetrators([_m(COALITION, 0, certainty="suspected")]) == [(COALITION, "suspected")]


def test_jointly_named_attacker_is_kept():
    mentions = [_m(REGIME, 0), _m(RUSSIA, 7), _m(REGIME, 100), _m(REGIME, 200), _m(REGIME, 300),
                _m(RUSSIA, 307), _m(REGIME, 400), _m(REGIME, 500)]
    assert main_perpetrators(mentions) == [(REGIME, "stated"), (RUSSIA, "stated")]


def test_minor_attacker_named_apart_is_dropped():
    mentions = [_m(REGIME, 0), _m(REGIME, 100), _m(REGIME, 200), _m(TURKEY, 900)]
    assert main_perpetrators(mentions) == [(REGIME, "stated")]


def test_targets_and_sources_do_not_vote():
    mentions = [_m(SDF, 0, role="target"), _m(SDF, 50, role="target"),
                _m("Syrian Observatory for Human Rights", 100), _m(TURKEY, 200)]
    assert main_perpetrators(mentions) == [(TURKEY, "stated")]
    assert main_perpetrators([]) == []


# -- source_kind --------------------------------------------------------------------------

@pytest.mark.parametrize("phrase, kind", [
    ("المرصد السوري لحقوق الإنسان", "monitor"),
    ("الشبكة السورية لحقوق الإنسان", "monitor"),
    ("فريق منسقو استجابة سوريا", "monitor"),
    ("الوكالة العربية السورية للأنباء", "state_media"),
    ("التلفزيون السوري", "state_media"),
    ("أسوشييتد برس", "agency"),
    ("وكالة فرانس برس", "agency"),
    ("الأناضول", "agency"),
    ("عنب بلدي", "outlet"),
    ("مراسل تلفزيون سوريا", "outlet"),
    ("مراسلنا في إدلب", "outlet"),
    ("مصدر مطلع", "anonymous"),
    ("مصادر ميدانية", "anonymous"),
    ("مصادر محلية لعنب بلدي", "anonymous"),
    ("ناشطون", "anonymous"),
    ("مصدر طبي", "medical"),
    ("مديرية الصحة في إدلب", "medical"),
    ("مستشفى الرازي", "medical"),
    ("طبيب في المشفى الميداني", "medical"),
    ("الدفاع المدني السوري", "medical"),
    ("وزارة الدفاع الروسية", "official"),
    ("قائد عسكري في الفصائل", "official"),
    ("محافظ دير الزور", "official"),
    ("الناطق باسم قسد", "official"),
    ("مسؤول في الإدارة الذاتية", "official"),
    ("عمر الأحمد", "person"),
    ("الأحمد", "person"),
    ("الخضر", "person"),
    ("الناشط الإعلامي أحمد العلي", "person"),
    ("التقرير", "other"),
    ("بيان صادر عن وزارة الدفاع", "official"),
    ("بيان لمديرية الصحة", "medical"),
    ("نشطاء المرصد السوري", "monitor"),
    ("مراسل سانا", "state_media"),
    ("", "other"),
])
def test_source_kind(phrase, kind):
    assert source_kind(phrase) == kind


@pytest.mark.parametrize("text, actor", [
    ("ونفى المتحدث باسم قوات سوريا الديمقراطية مسؤوليتها عن القصف.", "SDF/YPG"),
    ("نفت وزارة الدفاع التركية مسؤوليتها عن استهداف المخيم.", "Turkey"),
    ("ونفت قيادة التحالف الدولي مسؤوليتها عن الضربة.", "US-led coalition"),
])
def test_denying_responsibility_is_a_denial_not_a_claim(text, actor):
    m = mention(text, actor)
    assert (m.role, m.certainty) == ("perpetrator", "denied")


@pytest.mark.parametrize("text, actor", [
    ("لكنها نفت تقارير في وسائل الإعلام التركية عن نقل الصواريخ.", "Turkey"),
    ("ونفى البيان ما نشرته بعض المواقع المقربة من روسيا عن الغارة.", "Russia"),
    ("نفت الوزارة صحة ما تداولته صفحات موالية لقسد حول القصف.", "SDF/YPG"),
])
def test_an_actor_far_after_a_denial_is_what_the_denied_reports_spoke_of(text, actor):
    assert mention(text, actor).certainty != "denied"


@pytest.mark.parametrize("text, attacker, hit", [
    ("استهدفت غارات إسرائيلية محيط وزارة الدفاع السورية في دمشق.", "Israel", "Syrian government forces"),
    ("قصفت قوات النظام محيط نقطة المراقبة التركية في البارة.", "Syrian government forces", "Turkey"),
    ("سقطت قذائف أطلقتها قسد على محيط مواقع للجيش الوطني في مارع.", "SDF/YPG", "Syrian National Army (Turkish-backed)"),
])
def test_the_surroundings_of_an_actor_are_hit_not_hitting(text, attacker, hit):
    assert mention(text, attacker).role == "perpetrator"
    assert mention(text, hit).role == "target"


@pytest.mark.parametrize("text, not_attacker, attacker", [
    ("قتل مدنيان بغارة نفذتها طائرة حربية تابعة للنظام وليست روسية على بلدة البارة.",
     "Russia", "Syrian government forces"),
    ("قصفت طائرات غير تركية قرية في ريف الحسكة، بحسب قوات سوريا الديمقراطية.", "Turkey", None),
    ("وأكدت المصادر أن الطائرات ليست طائرات إسرائيلية بل أمريكية.", "Israel", "United States"),
])
def test_a_combatant_said_not_to_be_the_attacker_is_not_alleged(text, not_attacker, attacker):
    found = {(m.actor, m.role) for m in find_actors(text)}
    assert (not_attacker, "perpetrator") not in found
    assert attacker is None or (attacker, "perpetrator") in found


@pytest.mark.parametrize("text, denier", [
    ("نفى المركز الإعلامي لقوات سوريا الديمقراطية أي علاقة لقواته بالقصف على مدينة مارع.", SDF),
    ("نفت القيادة العامة لقوات سوريا الديمقراطية مسؤوليتها عن القصف.", SDF),
    ("نفى المكتب الإعلامي لهيئة تحرير الشام أي علاقة لها بالهجوم.", HTS),
])
def test_a_denier_named_after_its_office_with_li_is_the_denier(text, denier):
    """"المركز الإعلامي لقوات ...": the ل of the office's name does not make the force a target."""
    m = mention(text, denier)
    assert (m.role, m.certainty) == ("perpetrator", "denied")


@pytest.mark.parametrize("sentence, actor", [
    ("قالت وزارة الدفاع الروسية إن الطائرات الروسية لم تنفذ أي مهام قتالية في منطقة سرمدا.", "Russia"),
    ("وأكد مصدر عسكري أن القوات التركية لم تنفذ أي عملية في تلك المنطقة.", "Turkey"),
    ("طائرات التحالف لم تشن أي غارة على القرية خلال الأسبوع.", "US-led coalition"),
    ("وشدد البيان على أن المقاتلات الإسرائيلية لن تستهدف المدنيين.", "Israel"),
])
def test_a_combatants_weapon_or_forces_before_a_negated_attack_verb_deny_it(sentence, actor):
    assert (actor, "denied") in {(m.actor, m.certainty) for m in find_actors(sentence)}


@pytest.mark.parametrize("sentence, actor", [
    ("قال الجيش التركي إنه لم يقصف أي منطقة سكنية في ريف الحسكة.", "Turkey"),
    ("أعلنت وزارة الدفاع الروسية أنها لم تستهدف أي منشأة مدنية في إدلب.", "Russia"),
    ("وقالت قوات سوريا الديمقراطية إن قواتها لم تطلق أي قذيفة على المدينة.", "SDF/YPG"),
])
def test_a_speaker_saying_it_did_not_strike_acknowledges_nothing(sentence, actor):
    assert (actor, "claimed") not in {(m.actor, m.certainty) for m in find_actors(sentence)}


@pytest.mark.parametrize("sentence", [
    "قصفت قوات النظام البلدة، فيما لم تتبن أي جهة أخرى الهجوم.",
    "وأشار المرصد إلى أن القصف مصدره مناطق سيطرة قسد، فيما لم يتبنَّ أي طرف العملية.",
    "استهدفت طائرات روسية المنطقة ولم يتبن أحد الهجوم الثاني.",
])
def test_nobody_claiming_an_attack_is_no_denial_by_the_attacker(sentence):
    assert "denied" not in {m.certainty for m in find_actors(sentence)}


@pytest.mark.parametrize("text", [
    "قتل مدنيان برصاص عناصر من الأمن العام في حي بحمص.",
    "داهمت قوة من الأمن العام منزلاً في ريف اللاذقية واعتقلت شابين.",
    "وقال مصدر في الأمن العام إن الاشتباك وقع عند حاجز المدينة.",
])
def test_bare_general_security_is_syrias(text):
    """Since December 2024 "الأمن العام" is the Syrian state's force; Lebanon's is named with
    its country."""
    assert mention(text, REGIME)


@pytest.mark.parametrize("text", [
    "أعلن الأمن العام اللبناني توقيف سوريين على الحدود.",
    "وقالت المديرية العامة للأمن العام اللبناني إنها رحّلت عشرات السوريين.",
])
def test_lebanons_general_security_named_with_its_country_is_not_syrias(text):
    assert [m.actor for m in find_actors(text)] == ["Lebanese General Security"], find_actors(text)


@pytest.mark.parametrize("text", [
    "قتل ثلاثة عناصر من الأمن العام بهجوم شنته فلول النظام البائد على حاجز في ريف اللاذقية.",
    "هاجمت مجموعات من فلول الأسد نقاطاً للجيش في جبلة.",
    "وقتل مدني برصاص فلول النظام البائد في قرية بريف طرطوس.",
])
def test_the_fallen_regimes_loyalists_are_not_the_state(text):
    """"فلول النظام البائد" fight the state since December 2024: their own actor, the attacker."""
    assert mention(text, "Assad loyalist insurgents (2025-)").role == "perpetrator"
    assert all(m.role != "perpetrator" for m in find_actors(text) if m.actor == REGIME)


@pytest.mark.parametrize("text, actor", [
    ("نفى المجلس العسكري ذلك، متهماً قوات النظام المنتشرة على خطوط التماس.", REGIME),
    ("وردّ المتحدث باسم الفصيل على الاتهامات متهماً قسد بقصف السوق.", SDF),
    ("أصدر قائد الفصيل بياناً متهماً فيه الطيران الروسي بارتكاب المجزرة.", RUSSIA),
])
def test_the_party_accused_with_a_participle_is_the_perpetrator(text, actor):
    """"متهماً X" (accusing X) names X as the attacker, as "اتهمت X" does."""
    assert mention(text, actor).role == "perpetrator"


@pytest.mark.parametrize("text, actor", [
    ("ونرجّح أن القذائف صدرت عن مواقع قوات حكومة دمشق في محيط تل رفعت.", REGIME),
    ("وقال شهود إن القصف صدر عن مواقع قسد قرب مارع.", SDF),
    ("أكد الأهالي أن القذيفة تصدر عادة عن مواقع قوات النظام شرقي البلدة.", REGIME),
])
def test_the_positions_fire_came_from_are_the_attackers(text, actor):
    """"صدرت عن مواقع X" is where the fire came from, as "انطلقت من مواقع X" is: X attacked."""
    assert mention(text, actor).role == "perpetrator"


@pytest.mark.parametrize("text, country", [
    ("وتم نقل الجرحى إلى الأراضي التركية عبر معبر باب الهوى لتلقي العلاج.", "Turkey"),
    ("وأُسعف المصابون إلى المشافي التركية بعد أن قصفت قوات النظام البلدة.", "Turkey"),
    ("وتُباع ربطة الخبز بخمس ليرات تركية في أسواق المنطقة منذ بداية العام.", "Turkey"),
    ("وحلّقت الطائرات في الأجواء الإسرائيلية قبل أن تعود أدراجها.", "Israel"),
    ("وفرّ عدد من العائلات نحو داخل الأراضي الأردنية هرباً من الاشتباكات.", "Jordan"),
])
def test_a_country_qualifying_its_land_or_institutions_is_no_party(text, country):
    """"الأراضي التركية", "المشافي التركية", "ليرات تركية": a place or a thing, not the forces."""
    assert country not in {m.actor for m in find_actors(text)}


@pytest.mark.parametrize("text, country", [
    ("قصفت القوات التركية قرية الدابس بقذائف المدفعية.", "Turkey"),
    ("وأطلق حرس الحدود التركي النار على مزارعين قرب الجدار.", "Turkey"),
    ("استهدفت طائرة مسيّرة تركية سيارة على طريق القامشلي.", "Turkey"),
])
def test_a_countrys_forces_and_weapons_are_still_its_party(text, country):
    assert country in {m.actor for m in find_actors(text) if m.role == "perpetrator"}


@pytest.mark.parametrize("text, role", [
    ("أصيب شاب برصاص حرس الحدود التركي قرب قرية خربة الجوز غرب إدلب.", "perpetrator"),
    ("قتل لاجئ برصاص الجندرما أثناء محاولته عبور الحدود قرب دركوش.", "perpetrator"),
    ("فتحت قوات حرس الحدود التركية النار على مجموعة من المزارعين قرب الجدار.", "perpetrator"),
    ("مقتل عنصرين من حرس الحدود التركي بهجوم لقسد على مخفر حدودي.", "target"),
])
def test_the_turkish_border_guard_is_turkey(text, role):
    """"حرس الحدود التركي", "الجندرما": Turkey's gendarmerie on the border, not the border."""
    assert [(m.actor, m.role) for m in find_actors(text) if m.actor == "Turkey"] == [("Turkey", role)]


@pytest.mark.parametrize("text, actor", [
    ("عاجل | قوة إسرائيلية مؤلفة من 6 آليات تتوغل في بلدة الرفيد وتطلق النار، ما أدى لإصابة راعٍ.", "Israel"),
    ("قوات الاحتلال الإسرائيلي تقتحم قرية الحميدية وتعتقل شابين بعد إطلاق النار على منزلهم.", "Israel"),
    ("داهمت دورية لقسد منزلاً في بلدة الشحيل وقتلت شاباً أثناء المداهمة.", "SDF/YPG"),
    ("عناصر من الجيش التركي اقتحموا قرية حدودية وأصابوا مزارعاً.", "Turkey"),
])
def test_the_force_that_raids_or_pushes_in_is_the_perpetrator(text, actor):
    """"تتوغل", "تقتحم", "داهمت": the force raiding a village is the one that fired there."""
    assert (actor, "perpetrator") in {(m.actor, m.role) for m in find_actors(text)}


@pytest.mark.parametrize("text", [
    "٤ شهداء بينهم طفلان جراء براميل الحقد الأسدي التي ألقتها المروحيات على البلدة.",
    "ارتفع عدد الشهداء جراء استهداف الطيران المروحي للبلدة بالبراميل المتفجرة إلى خمسة.",
    "ألقت مروحيات برميلاً متفجراً على أطراف القرية، وقبلها براميل متفجرة على البلدة المجاورة.",
    "قتل ثلاثة مدنيين بقصف مدفعي للقوات الأسدية على البلدة.",
])
def test_barrel_bombs_and_the_assad_adjective_name_the_syrian_government(text):
    """Barrel bombs from helicopters were dropped by the Syrian government's air force alone;
    "الحقد الأسدي", "القوات الأسدية" name it as opposition media do."""
    assert "Syrian government forces" in {m.actor for m in find_actors(text) if m.role == "perpetrator"}


@pytest.mark.parametrize("text, actor", [
    ("وقالت الوكالة إن عدواناً إسرائيلياً أصاب مدنيين اثنين بجروح في المدينة.", "Israel"),
    ("شنت الطائرات قصفاً أمريكياً على مقر للميليشيات قرب المدينة.", "United States"),
    ("نفذت مسيّرة هجوماً تركياً على سيارة مدنية قرب القامشلي.", "Turkey"),
])
def test_an_accusative_nisba_names_its_party(text, actor):
    """"عدواناً إسرائيلياً", "قصفاً أمريكياً": the adjective with the accusative alef."""
    assert actor in {m.actor for m in find_actors(text) if m.role == "perpetrator"}
