"""An incident's single location, its grade and the certainty of each alleged perpetrator
(articles and sentences written for these tests)."""
from __future__ import annotations

import pytest

import rasd
from rasd.extract.actors import combine_certainty, find_actors, main_perpetrators
from rasd.incidents import build_incidents
from rasd.incidents.events import Candidate, candidates, is_concurrent, is_origin, is_treatment, is_vantage
from rasd.incidents.grade import grade
from rasd.incidents.location import choose_location
from rasd.model import ActorAttribution, Claim, PlaceMention, Source, SourcedClaim


def doc(doc_id: str, text: str, outlet: str, published: str = "2024-05-14"):
    return rasd.extract(text, published=published, outlet=outlet, doc_id=doc_id)


def one_incident(*docs):
    incidents = build_incidents(list(docs))
    assert len(incidents) == 1, [i.doc_ids for i in incidents]
    return incidents[0]


# --- location ---------------------------------------------------------------------------

VILLAGE_A = """قصف على ريف إدلب الجنوبي
قتل مدنيان وأصيب ثلاثة آخرون بقصف مدفعي لقوات النظام استهدف بلدة البارة في جبل الزاوية بريف إدلب صباح اليوم."""
VILLAGE_B = """إدلب: ضحايا بقصف على البارة
أفاد الدفاع المدني بمقتل مدنيين اثنين جراء قصف قوات النظام على بلدة البارة جنوبي إدلب."""
AREA_ONLY = """قصف على ريف إدلب
قتل مدنيان بقصف مدفعي لقوات النظام على ريف إدلب الجنوبي اليوم."""


def test_location_is_the_village_the_figures_are_stated_at_not_the_province():
    inc = one_incident(doc("a", VILLAGE_A, "Outlet A"), doc("b", VILLAGE_B, "Outlet B"))
    assert inc.location is not None
    assert inc.location.name_ar == "البارة"
    assert inc.location.precision == 1
    assert inc.location.admin1 == "Idlib"


def test_location_of_a_report_naming_only_the_countryside_is_precision_two():
    inc = one_incident(doc("a", AREA_ONLY, "Outlet A"))
    assert inc.location is not None and inc.location.precision == 2
    assert inc.location.admin1 == "Idlib"


@pytest.mark.parametrize("text, name_ar, name_en", [
    ("قتل مدنيان بقصف مدفعي على ريف إدلب الجنوبي اليوم.", "ريف إدلب الجنوبي", "Southern Idlib countryside"),
    ("استهدفت غارات روسية مواقع في ريف حلب الشمالي الغربي، وأصيب ثلاثة أطفال.",
     "ريف حلب الشمالي الغربي", "North-western Aleppo countryside"),
    ("أصيبت امرأة بجروح إثر سقوط قذيفة وسط مزارع وريف منبج أمس.", "ريف منبج", "Manbij countryside"),
    ("مقتل راعٍ بانفجار لغم في ريف دير الزور الشرقي.", "ريف دير الزور الشرقي", "Eastern Deir ez-Zor countryside"),
])
def test_an_incident_in_a_countryside_is_named_as_the_countryside(text, name_ar, name_en):
    """"ريف X" located at X's point is named as the countryside, with the side the report
    gives, as ACLED names a part of a region (precision 2 or 3, never the town itself)."""
    inc = one_incident(doc("a", text, "Outlet A"))
    assert inc.location is not None and inc.location.precision > 1
    assert (inc.location.name_ar, inc.location.name_en) == (name_ar, name_en)


def test_a_dateline_abroad_does_not_locate_the_incident():
    text = """بيروت - قتل ثلاثة مدنيين بغارات روسية على بلدة البارة في ريف إدلب اليوم."""
    inc = one_incident(doc("a", "غارات على إدلب\n" + text, "Outlet A"))
    assert inc.location is not None and inc.location.country == "SY"


@pytest.mark.parametrize("text, struck, filed_at", [
    ("روداو – أربيل: أُصيب مقاتل بجروح اليوم جراء استهداف مسيّرة تركية سيارته داخل مدينة ديرك "
     "بأقصى شمال شرقي سوريا، ونُقل إلى مشفى المدينة.", "ديرك", "أربيل"),
    ("بيروت – قتل شخصان فجر اليوم بغارة إسرائيلية على سيارة قرب بلدة جديدة يابوس على الجانب "
     "السوري من الحدود.", "جديدة يابوس", "بيروت"),
    ("عمّان - قتل ثلاثة أشخاص بغارة جوية على منزل في بلدة عرمان بريف السويداء الجنوبي فجر اليوم.",
     "عرمان", "عمّان"),
])
def test_a_dateline_opening_the_body_abroad_neither_places_nor_splits_the_event(text, struck, filed_at):
    inc = one_incident(doc("a", text, "Outlet A"))
    assert inc.location is not None and inc.location.name_ar == struck and filed_at not in inc.location.name_ar


@pytest.mark.parametrize("sentence, struck", [
    ("قتل الشاب أحمد، وهو من أبناء بلدة سرمين، بقصف مدفعي على مدينة أريحا جنوبي إدلب.", "أريحا"),
    ("قتل طفل نازح من ريف حماة الشمالي بقصف لقوات النظام على بلدة البارة في جبل الزاوية.", "البارة"),
    ("قضت امرأة منحدرة من مدينة معرة النعمان جراء غارة روسية على قرية كنصفرة بريف إدلب.", "كنصفرة"),
    ("قتل مدني من أهالي قرية كفرنبل بقصف على مدينة أريحا.", "أريحا"),
    ("استشهد عنصران في الأسايش بقصف على قرية تل كوجر، وهما ينحدران من منطقة عفرين.", "تل كوجر"),
    ("قتلت شقيقتان بقصف على بلدة البارة، وتنحدران من مدينة كفرنبل.", "البارة"),
    ("قتل المزارعان المنحدران من بلدة سراقب بقصف على قرية آفس.", "آفس"),
])
def test_a_victims_home_town_is_not_where_the_attack_was(sentence, struck):
    inc = one_incident(doc("a", "ضحية جديدة للقصف\n" + sentence, "Outlet A"))
    assert inc.location is not None and inc.location.name_ar == struck


@pytest.mark.parametrize("text, home", [
    ("قتل ثلاثة مدنيين بقصف صاروخي على سوق مدينة اعزاز مساء اليوم.\nوأفاد مراسلنا بأن ثلاثة صواريخ سقطت على السوق، وبين القتلى طفل من مهجّري مدينة حمص.", "حمص"),
    ("استشهدت امرأة بغارة روسية على قرية كفرلوسين شمالي إدلب.\nوقال الدفاع المدني إن ثلاث غارات طالت القرية، والضحية من نازحي مدينة حماة.", "حماة"),
    ("أصيب شابان بقصف مدفعي على مدينة الباب صباح اليوم.\nوذكرت مصادر محلية أن خمس قذائف سقطت في الحي، والمصابان من مهجري مدينة دير الزور.", "دير الزور"),
])
def test_the_displaced_victims_home_town_starts_no_event_of_its_own(text, home):
    """"من مهجّري مدينة حمص", "من نازحي مدينة حماة": where the victims were displaced from, not a
    second event of the report."""
    events = candidates(doc("a", "قصف اليوم\n" + text, "Outlet A"))
    assert len(events) == 1 and all(home not in p.text for p in events[0].places), \
        [[p.text for p in e.places] for e in events]


@pytest.mark.parametrize("sentence, struck", [
    ("قتل خمسة مدنيين بقصف روسي على مدرسة تؤوي نازحين في قرية جوباس جنوب سراقب.", "جوباس"),
    ("قصفت الطائرات مخيمات النازحين في أطمة فقتلت طفلين.", "أطمة"),
    ("قُتلت نازحة في بلدة البارة بقصف مدفعي لقوات النظام.", "البارة"),
    ("أصيبت ثلاث نساء بغارة على خيام المهجرين في بلدة كفرلوسين شمالي إدلب.", "كفرلوسين"),
])
def test_where_the_displaced_shelter_is_where_the_attack_was(sentence, struck):
    """"نازح من ريف X" names a home; "نازحين في قرية X" where they live now, where it struck."""
    assert not marks(sentence, is_origin)[struck]
    inc = one_incident(doc("a", "قصف جديد\n" + sentence, "Outlet A"))
    assert inc.location is not None and inc.location.name_ar == struck


@pytest.mark.parametrize("text, struck", [
    ("غارات على السويداء\nاستيقظ أهالي بلدة عرمان فجر اليوم على أصوات انفجارات عنيفة. "
     "وقالت شبكة محلية إن الغارات أسفرت عن مقتل عشرة أشخاص. وتقع البلدة قرب مدينة صلخد.", "عرمان"),
    ("قصف على ريف إدلب\nشيّع أهالي قرية كنصفرة مساء اليوم ضحايا القصف. "
     "وكان ثلاثة مدنيين قد قتلوا بقصف مدفعي صباح اليوم، ونقل الجرحى إلى مشفى أريحا.", "كنصفرة"),
    ("انفجار في ريف درعا\nناشد اهالي مدينة طفس المنظمات بعد انفجار عبوة ناسفة أدى إلى مقتل طفلين "
     "اليوم، بحسب ناشطين من درعا.", "طفس"),
])
def test_the_residents_of_a_town_without_min_are_where_it_happened(text, struck):
    """"أهالي/أبناء بلدة X" names a home only after "من" ("من أهالي"); without it, X's residents."""
    inc = one_incident(doc("a", text, "Outlet A"))
    assert inc.location is not None and inc.location.name_ar == struck


@pytest.mark.parametrize("text, struck, earlier", [
    ("غارة على ريف دمشق\nاستهدفت صواريخ إسرائيلية فجر اليوم مستودعات في محيط مطار دمشق الدولي، "
     "ما أدى إلى إصابة عنصرين. وكانت إسرائيل قد استهدفت في وقت سابق من الشهر الجاري مطار حلب الدولي.",
     "مطار دمشق الدولي", "مطار حلب الدولي"),
    ("قصف على السويداء\nقتل خمسة أشخاص بغارة على منزل في بلدة عرمان فجر اليوم. "
     "وليست المرة الأولى، إذ قتل في أيار الماضي رجل بغارة على منزله في بلدة ملح.", "عرمان", "ملح"),
    ("مسيرة تركية\nأصيب ثلاثة مدنيين بقصف مسيرة على قرية تل كوجر اليوم. "
     "يذكر أن مسيرة تركية استهدفت الشهر الماضي سيارة في مدينة القحطانية.", "تل كوجر", "القحطانية"),
])
def test_a_lead_sentence_recalling_an_earlier_attack_does_not_place_the_event(text, struck, earlier):
    inc = one_incident(doc("a", text, "Outlet A"))
    assert inc.location is not None and inc.location.name_ar == struck
    assert earlier not in {p.text for p in inc.places}


@pytest.mark.parametrize("total", [
    "وقتل منذ بداية العام 40 مدنياً بقصف مماثل في محافظة دير الزور.",
    "وبذلك ترتفع حصيلة ضحايا القصف منذ مطلع الشهر الجاري في ريف حلب الشمالي إلى 17 قتيلاً.",
])
def test_a_running_total_elsewhere_is_not_another_event_of_the_report(total):
    text = "غارة على إدلب\nقتل ثلاثة مدنيين بغارة روسية على بلدة البارة في ريف إدلب اليوم. " + total
    events = candidates(doc("a", text, "Outlet A", published="2024-01-18"))
    assert len(events) == 1 and events[0].places[0].text == "البارة"


@pytest.mark.parametrize("sentence, home", [
    ("استشهد عنصران في الأسايش بقصف على قرية تل كوجر، وهما ينحدران من منطقة عفرين.", "عفرين"),
    ("قتلت شقيقتان بقصف على بلدة البارة، وتنحدران من مدينة كفرنبل.", "كفرنبل"),
    ("قتل المزارعان المنحدران من بلدة سراقب بقصف على قرية آفس.", "سراقب"),
])
def test_the_home_town_of_two_victims_is_an_origin(sentence, home):
    assert marks(sentence, is_origin)[home]


def marks(sentence: str, rule) -> dict[str, bool]:
    """Each place of a one-sentence report (after a headline) and whether ``rule`` sets it aside."""
    d = doc("a", "قصف جديد\n" + sentence, "Outlet A")
    return {p.text: rule(d.text, p) for p in d.places}


@pytest.mark.parametrize("sentence, base, struck", [
    ("قصفت القوات التركية المتمركزة في محيط مدينة مارع قرية أحرص بالمدفعية، ما أدى إلى إصابة طفلين.", "مارع", "أحرص"),
    ("أصيب ثلاثة مدنيين بقصف مدفعي لقوات النظام من مواقعها في مدينة سراقب على بلدة آفس.", "سراقب", "آفس"),
    ("قتلت امرأة بقذائف أطلقتها الفصائل انطلاقاً من بلدة الراعي على قرية تل جيجان.", "الراعي", "تل جيجان"),
    ("أصيب طفلان بقذائف انطلقت من مدينة مارع على قرية أحرص.", "مارع", "أحرص"),
    ("استهدفت مسيرة انطلقت من بلدة الراعي سيارة في قرية تل جيجان.", "الراعي", "تل جيجان"),
    ("قتل مدني بقصف صاروخي على بلدة آفس، وقالت مصادر إن الصواريخ انطلقت من سراقب.", "سراقب", "آفس"),
    ("قُتلت امرأة بقصف على ناحية تل رفعت انطلق من القواعد التركية ومن مواقع الفصائل في مدينة مارع.", "مارع", "تل رفعت"),
    ("أصيب طفل بقذائف أُطلقت من مواقع قوات النظام في بلدة سراقب على قرية آفس.", "سراقب", "آفس"),
    ("قتل مدنيان بصواريخ أطلقت من مناطق انتشار قسد في بلدة تل رفعت على مدينة اعزاز.", "تل رفعت", "اعزاز"),
])
def test_where_the_attackers_fired_from_is_not_where_the_attack_was(sentence, base, struck):
    marked = marks(sentence, is_origin)
    assert marked[base] and not marked[struck]


@pytest.mark.parametrize("sentence, struck", [
    ("استهدفت المسيرات التركية عدداً من مواقع قسد في قرية الدردارة.", "الدردارة"),
    ("قصفت الطائرات بعضاً من مواقع الفصائل في بلدة كنصفرة.", "كنصفرة"),
    ("استهدفت الغارات مواقع في قرية كنصفرة وقتل مدنيان.", "كنصفرة"),
])
def test_positions_that_were_struck_are_where_the_attack_was(sentence, struck):
    """"عدداً من مواقع X في قرية Y": what was struck, not where the fire came from."""
    assert not marks(sentence, is_origin)[struck]


@pytest.mark.parametrize("sentence, home, alias", [
    ("قتلت طفلة من عائلة مهجّرة من مدينة كري سبي (تل أبيض) بقصف على عين عيسى.", "كري سبي", "تل أبيض"),
    ("أصيب شاب من أبناء مدينة سري كانيه (رأس العين) بقصف على تل تمر.", "سري كانيه", "رأس العين"),
    ("قتل رجل نازح من مدينة قامشلو ( القامشلي ) بقصف على قرية مريمين.", "قامشلو", "القامشلي"),
])
def test_a_name_in_brackets_shares_the_origin_of_the_name_before_it(sentence, home, alias):
    marked = marks(sentence, is_origin)
    assert marked.get(home) is True and marked.get(alias) is True, marked


@pytest.mark.parametrize("sentence, taken_to, struck", [
    ("نُقل الجرحى إلى مشفى في مدينة الدانا إثر غارة جوية على بلدة سرمدا.", "الدانا", "سرمدا"),
    ("أُسعف المصابون إلى المستشفى الوطني في حماة بعد قصف صاروخي على بلدة كفرنبودة.", "حماة", "كفرنبودة"),
    ("حُوّلت الطفلة إلى مدينة عفرين بعد إصابتها بقصف مدفعي على قرية مريمين.", "عفرين", "مريمين"),
    ("وصلت جثث الضحايا إلى مشفى مدينة الباب بعد غارة استهدفت سوقاً في بلدة تادف.", "الباب", "تادف"),
])
def test_where_the_wounded_were_taken_is_not_where_the_attack_was(sentence, taken_to, struck):
    marked = marks(sentence, is_treatment)
    assert marked[taken_to] and not marked[struck]
    inc = one_incident(doc("a", "ضحايا جدد للقصف\n" + sentence, "Outlet A"))
    assert inc.location is not None and inc.location.name_ar == struck


@pytest.mark.parametrize("sentence, seat, struck", [
    ("أفاد مراسلنا في قامشلو أن مسيرة تركية استهدفت سيارة عند مدخل مدينة ديريك، ما أدى لمقتل ثلاثة مدنيين.",
     "قامشلو", "ديريك"),
    ("قتل شابان بقصف مدفعي على قرية تل جيجان، بحسب ما أفاد مراسل نورث برس في مدينة منبج.", "منبج", "تل جيجان"),
    ("وقالت مراسلتنا في الحسكة إن ثلاث نساء أصبن بقصف تركي على بلدة أبو راسين.", "الحسكة", "أبو راسين"),
    ("أصيب طفل بغارة روسية على بلدة البارة، وقال مندوبنا في إدلب إن الطائرات أقلعت من قاعدة حميميم.",
     "حميميم", "البارة"),
    ("شنت الطائرات التي أقلعت من مطار الشعيرات غارتين على قرية كنصفرة، وأصيب مدنيان.", "الشعيرات", "كنصفرة"),
])
def test_a_correspondents_seat_or_an_airfield_is_not_where_the_attack_was(sentence, seat, struck):
    marked = marks(sentence, is_vantage)
    seat_mark = next(v for k, v in marked.items() if seat in k)
    assert seat_mark and not marked[struck], marked
    inc = one_incident(doc("a", "ضحايا جدد للقصف\n" + sentence, "Outlet A"))
    assert inc.location is not None and inc.location.name_ar == struck


@pytest.mark.parametrize("sentence, other, struck", [
    ("سقطت قذائف مدفعية على أطراف قرية عابدين بالتزامن مع التصعيد الذي شهدته بلدة كويا، دون إصابات.",
     "كويا", "عابدين"),
    ("تزامناً مع غارات عنيفة على مدينة أريحا، قُتل مدنيان بقصف صاروخي استهدف بلدة سرمين.", "أريحا", "سرمين"),
    ("أصيبت امرأة بقصف مدفعي على قرية مريمين، وذلك بالتزامن مع قصف مماثل طال محيط مدينة تل رفعت.",
     "تل رفعت", "مريمين"),
    ("وتزامنا مع القصف المدفعي على بلدة الأتارب أصيب ثلاثة مدنيين بغارة روسية على قرية كفرنوران.",
     "الأتارب", "كفرنوران"),
])
def test_the_scene_of_an_event_told_as_happening_meanwhile_is_not_where_the_attack_was(sentence, other, struck):
    marked = marks(sentence, is_concurrent)
    assert marked[other] and not marked[struck], marked
    inc = one_incident(doc("a", "قصف جديد\n" + sentence, "Outlet A"))
    assert inc.location is not None and inc.location.name_ar == struck


@pytest.mark.parametrize("sentence", [
    "قتل مدنيان بغارتين لطائرات النظام على مدينة سرمين شرقي إدلب، بالتزامن مع غارات روسية على قرية جوباس القريبة.",
    "قصفت طائرات النظام الحربية مدينة سرمين اليوم، ما أدى لمقتل مدنيين. ويأتي ذلك بالتزامن مع الضربات الروسية "
    "على قرية جوباس.",
    "أصيبت امرأة بقصف مدفعي لقوات النظام على بلدة آفس تزامناً مع قصف روسي طال بلدة سراقب.",
])
def test_the_attacker_of_an_event_told_as_happening_meanwhile_is_not_this_events(sentence):
    """"بالتزامن مع غارات روسية على قرية جوباس": Russia struck the other village; this report
    blames the government for its own."""
    inc = one_incident(doc("a", "قصف جديد\n" + sentence, "Outlet A"))
    assert [a.actor for a in inc.perpetrator] == ["Syrian government forces"]


@pytest.mark.parametrize("text, struck, bounds", [
    ("إطلاق نار على الحدود\nأصيب راعٍ برصاص حرس الحدود التركي قرب قرية عين البيضا غرب مدينة جسر الشغور اليوم.\n"
     "وتتكرر حوادث إطلاق النار على المزارعين في القرى الحدودية الممتدة من دركوش شمالاً حتى خربة الجوز جنوباً.",
     "عين البيضا", {"دركوش", "خربة الجوز"}),
    ("قصف تركي\nقتل شاب بقصف تركي على بلدة صرين جنوبي عين العرب اليوم، فيما تشهد القرى الحدودية من تل أبيض "
     "شرقاً إلى جرابلس غرباً تصعيداً مستمراً.", "صرين", {"تل أبيض", "جرابلس"}),
    ("قناص في اليادودة\nقتل مدني برصاص قناص في بلدة اليادودة غربي درعا اليوم، في حين تنتشر الحواجز على الطريق "
     "الممتد من طفس غرباً وصولاً إلى درعا البلد شرقاً.", "اليادودة", {"طفس", "درعا البلد"}),
])
def test_the_bounds_of_a_stretch_of_land_described_do_not_locate_the_event(text, struck, bounds):
    """"القرى الحدودية الممتدة من ديريك شرقاً حتى الدرباسية غرباً" describes a border; the event
    was at the village stated with the figures."""
    lead = candidates(doc("a", text, "Outlet A"))[0]
    assert lead.places[0].text == struck and not bounds & {p.text for p in lead.places}, lead.places


def test_places_a_strike_reached_from_one_to_the_other_stay_its_places():
    """Without a compass adverb, "امتد القصف من X إلى Y" names two places struck."""
    text = "قصف مدفعي\nامتد القصف المدفعي من بلدة طفس إلى بلدة اليادودة غربي درعا اليوم، وأدى إلى مقتل مدنيين اثنين."
    assert {"طفس", "اليادودة"} <= {p.text for p in candidates(doc("a", text, "Outlet A"))[0].places}


@pytest.mark.parametrize("text, own, other", [
    ("قتيلان بقصف تركي على تل رفعت\nقتل مدنيان بقصف مدفعي نفذته القوات التركية على بلدة تل رفعت اليوم.\n"
     "وفي سياق متصل، سقطت قذائف صاروخية على مدينة مارع، مصدرها مناطق انتشار القوات الكردية، ما أسفر عن مقتل طفل.",
     "Turkey", "SDF/YPG"),
    ("غارات على سرمين\nقتل ثلاثة مدنيين بغارات لطائرات النظام الحربية على مدينة سرمين شرقي إدلب.\n"
     "وفي هجوم آخر، استهدفت غارة روسية قرية جوباس وأصيب فيها شخصان.", "Syrian government forces", "Russia"),
    ("قصف على عين عيسى\nأصيبت امرأة بقصف لمسيّرة تركية على بلدة عين عيسى مساء اليوم.\n"
     "وفي حادثة منفصلة، قتل شاب بانفجار عبوة زرعها مسلحو داعش في قرية الهيشة.", "Turkey", "ISIS (Islamic State)"),
])
def test_the_attacker_of_another_strike_a_report_tells_of_is_not_its_events(text, own, other):
    """"وفي سياق متصل، سقطت قذائف على مدينة مارع، مصدرها القوات الكردية" in a report of Turkish
    shelling on Tal Rifaat: the SDF struck Marea, not Tal Rifaat."""
    lead = candidates(doc("a", text, "Outlet A"))[0]
    blamed = {actor for actor, _ in lead.perpetrators + lead.also_blamed}
    assert own in blamed and other not in blamed, lead.perpetrators


@pytest.mark.parametrize("sentence, struck", [
    ("بالتزامن مع غارات مماثلة، استهدفت الطائرات قرية مريمين بأربعة صواريخ.", "مريمين"),  # the clause has ended
    ("وبالتزامن مع ذلك قصفت المدفعية بلدة آفس.", "آفس"),                      # meanwhile, this report's strike
    ("قتل مدنيان بقصف على بلدة سرمين بالتزامن مع تحليق طيران الاستطلاع.", "سرمين"),  # the place before the cue
])
def test_a_place_outside_a_meanwhile_clause_is_the_attacks(sentence, struck):
    assert not marks(sentence, is_concurrent)[struck]


@pytest.mark.parametrize("sentence, struck", [
    ("قال مراسلنا إن القصف استهدف بلدة سرمين صباح اليوم.", "سرمين"),        # no "في" before the place
    ("أقلعت الطائرات وقصفت قرية مريمين بأربعة صواريخ.", "مريمين"),        # took off, then struck it
    ("قصفت الطائرات مطار منغ العسكري بعد أن أقلعت من قواعدها.", "منغ"),   # the airfield struck
])
def test_a_place_after_a_seat_or_take_off_word_may_still_be_struck(sentence, struck):
    d = doc("a", sentence, "Outlet A")
    assert not is_vantage(d.text, next(p for p in d.places if struck in p.text))


@pytest.mark.parametrize("sentence, struck", [
    ("نُقل الجرحى من قرية مريمين إلى المشافي القريبة.", "مريمين"),     # a place before "إلى"
    ("قصفت الطائرات مشفى مدينة الدانا صباح اليوم.", "الدانا"),          # a hospital struck
    ("توجهت فرق الدفاع المدني إلى بلدة سرمدا بعد الغارة.", "سرمدا"),     # rescuers go to the strike
])
def test_a_place_reached_otherwise_stays_a_place_of_the_attack(sentence, struck):
    d = doc("a", sentence, "Outlet A")
    assert not is_treatment(d.text, next(p for p in d.places if p.text == struck))


def place(name: str, admin1: str, precision: str = "town") -> PlaceMention:
    return PlaceMention(name, (0, 1), name, 35.0, 40.0, "SY", precision, admin1, None, "test:" + name)


def reporting(doc_id: str, *places: PlaceMention) -> Candidate:
    return Candidate(doc_id, None, None, places, (), (), (), ("Explosions/Remote violence", "Air/drone strike"),
                     None)


DEIR = place("دير الزور", "Deir ez-Zor", "governorate")
NAMESAKE, DHIBAN, BUSAYRA = place("ذبيان", "Daraa"), place("ذيبان", "Deir ez-Zor"), place("البصيرة", "Deir ez-Zor")


@pytest.mark.parametrize("members, expected", [
    # a namesake in another governorate leads two reports; most reports are in Deir ez-Zor
    ([reporting("a", NAMESAKE, DEIR), reporting("b", NAMESAKE, DEIR), reporting("c", DHIBAN)], "ذيبان"),
    ([reporting("a", NAMESAKE, BUSAYRA), reporting("b", DHIBAN), reporting("c", NAMESAKE, DEIR)], "ذيبان"),
    # all in one governorate: the votes decide, as before
    ([reporting("a", BUSAYRA), reporting("b", BUSAYRA, DHIBAN), reporting("c", DHIBAN, DEIR)], "البصيرة"),
])
def test_the_location_is_in_the_governorate_most_reports_name(members, expected):
    assert choose_location(members).name_ar == expected


@pytest.mark.parametrize("stale", [
    "قتل مدنيان بقصف مدفعي لقوات النظام على بلدة البارة في ريف إدلب يوم الأربعاء.",       # last week's Wednesday
    "أفاد الدفاع المدني بمقتل مدنيين اثنين بقصف على بلدة البارة جنوبي إدلب الخميس.",         # last week's Thursday
    "قتل مدنيان بقصف لقوات النظام على بلدة البارة بريف إدلب في 22 أيار/مايو.",              # a date after publication
])
def test_a_reports_stale_or_future_date_counts_as_its_publication_day(stale):
    """Published on Tuesday 14 May 2024: a weekday read as last week's, or a misprinted date,
    must not outvote the reports of the day."""
    inc = one_incident(doc("a", "قصف على البارة\n" + stale, "Outlet A"),
                       doc("b", VILLAGE_B, "Outlet B"))
    assert inc.date is not None
    assert inc.date.start.isoformat() >= "2024-05-13" and inc.date.end.isoformat() == "2024-05-14"


def test_incident_ids_are_unique_and_the_same_on_every_run():
    docs = [doc("a", VILLAGE_A, "Outlet A"), doc("b", VILLAGE_B, "Outlet B"),
            doc("c", AREA_ONLY, "Outlet C", "2024-05-20")]
    first = [i.incident_id for i in build_incidents(docs)]
    again = [i.incident_id for i in build_incidents(list(reversed(docs)))]
    assert len(set(first)) == len(first)
    assert sorted(first) == sorted(again)
    assert all(i.startswith("sy-2024-05-") for i in first)


# --- certainty of perpetrators ------------------------------------------------------------

@pytest.mark.parametrize("sentence, actor", [
    ("وتبنت هيئة تحرير الشام الهجوم على مواقع قوات النظام.", "HTS (Hayat Tahrir al-Sham)"),
    ("أعلنت القوات الروسية مسؤوليتها عن الغارات على جسر الشغور.", "Russia"),
    ("وأعلنت وزارة الدفاع التركية أنها استهدفت مواقع في ريف الحسكة.", "Turkey"),
    ("وقال الجيش الإسرائيلي إنه قصف مواقع قرب دمشق.", "Israel"),
    # the noun of carrying out an attack right after the speaker
    ("أعلنت القيادة المركزية الأمريكية تنفيذ ضربة في دير الزور.", "United States"),
    ("وأعلن التحالف الدولي شن غارة على قيادي في التنظيم.", "US-led coalition"),
    ("أعلنت وزارة الدفاع التركية استهداف مواقع في ريف الحسكة.", "Turkey"),
    # its own weapon struck ("تابعة له" after the complementizer)
    ("أعلن الجيش الإسرائيلي، اليوم، أن طائرة مسيّرة تابعة له استهدفت عنصراً قرب بلدة حضر.", "Israel"),
    ("قال الجيش التركي إن مقاتلات تابعة له قصفت مواقع في ريف كوباني.", "Turkey"),
    ("أعلنت وزارة الدفاع الروسية أن طائرات حربية تابعة لها استهدفت مقرات في ريف إدلب.", "Russia"),
    # "تحييد" (neutralising): the Turkish ministry's word for its own strikes
    ("أعلنت وزارة الدفاع التركية تحييد 5 إرهابيين في شمال سوريا.", "Turkey"),
    ("وأعلن الجيش التركي تحييد قيادي في الوحدات الكردية قرب القامشلي.", "Turkey"),
    ("أعلنت وزارة الدفاع الروسية في بيان تحييد مجموعة من المسلحين في إدلب.", "Russia"),
    # its own forces named again after the complementizer
    ("أعلنت وزارة الدفاع الروسية أن الطيران الروسي نفذ غارات على مواقع للمسلحين في إدلب.", "Russia"),
    ("وقالت وزارة الدفاع التركية إن القوات التركية استهدفت مواقع في ريف تل رفعت.", "Turkey"),
    ("أعلن الجيش الأمريكي أن القوات الأمريكية نفذت ضربة دقيقة شرق سوريا.", "United States"),
    # its own weapon, force or fighters, with their owner's pronoun
    ("أعلن الجيش الإسرائيلي أن طائراته الحربية قصفت مواقع عسكرية قرب دمشق.", "Israel"),
    ("أعلن الجيش العربي السوري أن وحداته استهدفت تجمعات للإرهابيين في ريف إدلب.", "Syrian government forces"),
    ("أعلنت قوات سوريا الديمقراطية أن مقاتليها استهدفوا نقطة للجيش الوطني قرب منبج.", "SDF/YPG"),
    ("أعلن الجيش الإسرائيلي أنه دمّر مستودعات أسلحة في ريف حمص.", "Israel"),
    # responsibility claimed past the state media's adjective
    ("وأعلن تنظيم داعش الإرهابي مسؤوليته عن التفجير في السيدة زينب.", "ISIS (Islamic State)"),
    ("تبنت هيئة تحرير الشام الإرهابية الهجوم على الحاجز.", "HTS (Hayat Tahrir al-Sham)"),
    ("أعلنت ميليشيا قسد الإرهابية مسؤوليتها عن الهجوم على النقطة.", "SDF/YPG"),
])
def test_an_actor_that_acknowledges_the_attack_is_claimed(sentence, actor):
    found = {(m.actor, m.certainty) for m in find_actors(sentence) if m.role == "perpetrator"}
    assert (actor, "claimed") in found, found


@pytest.mark.parametrize("sentence, actor", [
    ("ونفت روسيا أن تكون طائراتها قد قصفت السوق.", "Russia"),
    ("في حين نفت قوات سوريا الديمقراطية مسؤوليتها عن القصف.", "SDF/YPG"),
    ("لكن وزارة الدفاع التركية تنفي استهداف المدنيين في المنطقة.", "Turkey"),
])
def test_an_actor_next_to_a_denial_is_denied(sentence, actor):
    found = {(m.actor, m.certainty) for m in find_actors(sentence) if m.role == "perpetrator"}
    assert (actor, "denied") in found, found


@pytest.mark.parametrize("sentence, actor", [
    ("وفي المقابل نفت وزارة الدفاع الروسية ذلك، مؤكدة أن طائراتها لم تقصف المخيم.", "Russia"),
    ("ونفت الوزارة التركية ذلك في بيان.", "Turkey"),
    ("ونفى المتحدث باسم الجيش التركي ذلك جملة وتفصيلاً.", "Turkey"),
])
def test_a_denier_named_with_its_title_is_denied(sentence, actor):
    found = {(m.actor, m.certainty) for m in find_actors(sentence) if m.role == "perpetrator"}
    assert (actor, "denied") in found, found


def test_another_actor_after_the_speakers_complementizer_is_not_its_claim():
    found = {(m.actor, m.certainty) for m in find_actors("وقالت قسد إن تركيا قصفت قرى في ريف الحسكة.")}
    assert ("SDF/YPG", "claimed") not in found
    assert ("Turkey", "stated") in found


@pytest.mark.parametrize("sentence, speaker", [
    ("قالت قسد قصف تركي استهدف قرية في ريف الحسكة.", "SDF/YPG"),
    ("أعلنت وزارة الدفاع الروسية مقتل ثلاثة من جنودها.", "Russia"),
    ("أعلن الجيش الأردني إحباط محاولة تهريب على الحدود.", "Jordan"),
    ("قال الجيش السوري إن طائرة مسيرة تابعة للفصائل استهدفت حاجزاً.", "Syrian government forces"),
    ("قال الجيش السوري إن طائرة مسيرة مجهولة استهدفت حاجزاً قرب المدينة.", "Syrian government forces"),
    # the same actor named again, but going on with something else
    ("أكدت وزارة الخارجية الأمريكية أن واشنطن تواصل معالجة الفظائع في سوريا.", "United States"),
    ("قالت وزارة الدفاع الروسية إن روسيا تواصل دعم الجيش السوري.", "Russia"),
    ("أعلنت أنقرة أن تركيا قامت بواجبها الإنساني في الشمال.", "Turkey"),
    # the verb carries its object and another actor is its subject
    ("وقالت قوات سوريا الديمقراطية إن القذائف أطلقتها قوات النظام.", "SDF/YPG"),
    ("وأكد الجيش الوطني أن الصواريخ أطلقتها قسد من مواقعها في تل رفعت.", "Syrian National Army (Turkish-backed)"),
    ("وقال الجيش التركي إن الهجوم نفذه مسلحو داعش.", "Turkey"),
])
def test_a_speaker_reporting_anothers_attack_or_its_losses_acknowledges_nothing(sentence, speaker):
    assert (speaker, "claimed") not in {(m.actor, m.certainty) for m in find_actors(sentence)}


def test_combined_certainty_prefers_acknowledgement_then_denial():
    assert combine_certainty(["suspected", "stated", "claimed"]) == "claimed"
    assert combine_certainty(["stated", "denied"]) == "denied"
    assert combine_certainty(["suspected", "stated"]) == "stated"
    assert combine_certainty(["suspected"]) == "suspected"


def test_a_denying_actor_is_kept_beside_the_accused():
    mentions = find_actors("قصفت طائرات روسية بلدة البارة، ونفت روسيا ذلك، فيما اتهم ناشطون قوات النظام بالقصف.")
    kept = dict(main_perpetrators(mentions))
    assert kept.get("Russia") == "denied"


# --- grade --------------------------------------------------------------------------------

def sc(doc_id: str, kind: str, n: int, source: str = "مراسل", denial: bool = False) -> SourcedClaim:
    claim = Claim(kind=kind, min=n, max=n, span=(0, 1), sentence_span=(0, 1),
                  source=Source(source, "outlet"), denial=denial)
    return SourcedClaim(doc_id, claim, "")


def attrib(actor: str, sources: tuple[str, ...], certainty: str = "stated") -> ActorAttribution:
    return ActorAttribution(actor, sources, certainty)


def test_one_perpetrator_two_outlets_is_fair():
    g, reasons = grade([attrib("Russia", ("A", "B"))], [sc("a", "killed", 3)], ["A", "B"])
    assert g == "fair" and "2 independent sources" in reasons[0]


def test_a_single_outlet_is_weak():
    assert grade([attrib("Turkey", ("A",))], [sc("a", "killed", 2)], ["A"])[0] == "weak"


def test_competing_belligerents_each_alleged_by_two_sources_are_contested():
    perps = [attrib("Syrian government forces", ("A", "B", "C")), attrib("Russia", ("B", "D"))]
    g, reasons = grade(perps, [sc("a", "killed", 4)], ["A", "B", "C", "D"])
    assert g == "contested" and "Russia" in reasons[0]


def test_a_stray_mention_or_a_branch_of_the_same_party_is_not_a_competing_claim():
    stray = [attrib("Russia", ("A", "B", "C")), attrib("Israel", ("C",))]
    assert grade(stray, [sc("a", "killed", 4)], ["A", "B", "C"])[0] == "fair"
    branches = [attrib("US-led coalition", ("A", "B")), attrib("United States", ("B", "C"))]
    assert grade(branches, [sc("a", "killed", 1)], ["A", "B", "C"])[0] == "fair"
    joint = [attrib("US-led coalition", ("A", "B")), attrib("SDF/YPG", ("A", "C"))]
    assert grade(joint, [sc("a", "killed", 1)], ["A", "B", "C"])[0] == "fair"


def voiced(doc_id: str, n: int, speaker: str, voice: str, group_kind: str = "civilians") -> SourcedClaim:
    """A killed claim stated by a source of the catalog (``voice``: its catalog name)."""
    claim = Claim(kind="killed", min=n, max=n, span=(0, 1), sentence_span=(0, 1),
                  source=Source(speaker, "official", (0, 1), voice), group_kind=group_kind)
    return SourcedClaim(doc_id, claim, "")


@pytest.mark.parametrize("perps, voice, speaker", [
    ([attrib("US-led coalition", ("A", "B"), "claimed")], "US Central Command (CENTCOM)", "القيادة المركزية الأمريكية"),
    ([attrib("Turkey", ("A", "B"))], "Turkish Ministry of National Defence", "وزارة الدفاع التركية"),
    ([attrib("Israel", ("A", "B", "C"), "claimed")], "Israeli army spokesperson", "المتحدث باسم الجيش الإسرائيلي"),
])
def test_the_leading_perpetrator_stating_civilian_casualties_is_confirmed(perps, voice, speaker):
    g, reasons = grade(perps, [sc("a", "killed", 3), voiced("b", 1, speaker, voice)], ["A", "B", "C"])
    assert g == "confirmed" and "civilian casualties" in reasons[0]


@pytest.mark.parametrize("claims", [
    [sc("a", "killed", 3)],                                                      # it only says it struck
    [sc("a", "killed", 3), voiced("b", 4, "القيادة المركزية الأمريكية", "US Central Command (CENTCOM)",
                                  "fighters")],                                   # it counts fighters
    [sc("a", "killed", 3), voiced("b", 1, "وزارة الدفاع الروسية", "Russian Ministry of Defence")],   # another party
])
def test_acknowledging_the_strike_without_the_civilian_harm_is_not_confirmed(claims):
    claimed = [attrib("US-led coalition", ("A", "B"), "claimed")]
    assert grade(claimed, claims, ["A", "B"])[0] == "fair"


def test_a_minor_party_acknowledging_is_not_confirmed():
    minor = [attrib("Russia", ("A", "B", "C")), attrib("ISIS (Islamic State)", ("C",), "claimed")]
    assert grade(minor, [sc("a", "killed", 1)], ["A", "B", "C"])[0] == "fair"


@pytest.mark.parametrize("perps", [
    # a government saying its army hit "terrorists" there, two monitors blaming Russian jets
    [attrib("Syrian government forces", ("A", "B", "C"), "claimed"), attrib("Russia", ("B", "D"))],
    # a group claiming the attack while two outlets blame another party's drone
    [attrib("SDF/YPG", ("A", "B"), "claimed"), attrib("Turkey", ("C", "D"))],
    # the acknowledging party is not even the most alleged one
    [attrib("Israel", ("A", "B", "C")), attrib("Iran-backed militias", ("C", "D"), "claimed")],
])
def test_an_acknowledgement_does_not_settle_a_strike_others_blame_on_another_party(perps):
    g, reasons = grade(perps, [sc("a", "killed", 3)], ["A", "B", "C", "D"])
    assert g == "contested" and "belligerents alleged" in reasons[0]


def test_the_accused_denying_is_contested():
    perps = [attrib("Turkey", ("A", "B")), attrib("SDF/YPG", ("C",), "denied")]
    assert grade(perps, [sc("a", "killed", 2)], ["A", "B", "C"])[0] == "contested"


def two_outlets(text: str, written: str, other: str):
    """The incident of ``text`` and of the same report by a second outlet writing ``written``
    as ``other``."""
    return one_incident(doc("a", text, "Outlet A"), doc("b", text.replace(written, other), "Outlet B"))


AMUDA = ("مسيرة تركية تقتل مدنيين قرب عامودا\nقتل مدنيان بقصف مسيرة تركية على سيارة في مدينة عامودا بريف "
         "الحسكة اليوم.\n")
HARI = "غارة على الهري شرق البوكمال\nقتل مدنيان بغارة نفذتها طائرات أمريكية على بلدة الهري شرقي البوكمال فجر اليوم.\n"


@pytest.mark.parametrize("report, denied", [
    # a denial of another event: told as background ...
    (AMUDA + "وكانت قوات سوريا الديمقراطية قد نفت أمس أي صلة لها بالتفجير الذي وقع في أنقرة.", False),
    (AMUDA + "يذكر أن قسد نفت في بيان سابق مسؤوليتها عن هجوم الأسبوع الماضي.", False),
    (AMUDA + "وكانت الوحدات الكردية قد نفت الشهر الماضي اتهامات تركية بقصف بلدة مارع.", False),
    # ... or at another town
    (AMUDA + "وفي سياق متصل نفت قسد قصف أحياء مدينة منبج بالصواريخ.", False),
    (AMUDA + "ونفت قوات سوريا الديمقراطية في بيان أن تكون قذائفها قد سقطت على سوق مدينة الباب.", False),
    (AMUDA + "من جهتها نفت الوحدات الكردية مسؤوليتها عن القذائف التي سقطت على بلدة مارع مساء.", False),
    # a capital beside the denial names its government, not another place
    (HARI + "ونفت القوات الأمريكية تنفيذ أي ضربة في المنطقة، بعد اتهامات من دمشق.", True),
    (HARI + "ونفت الولايات المتحدة تنفيذ أي غارة في المنطقة، وقالت إن اتهامات دمشق لا أساس لها.", True),
    (HARI + "في المقابل نفى البنتاغون الاتهامات التي وجهتها دمشق لقواته بقصف البلدة.", True),
])
def test_a_denial_counts_only_for_this_event(report, denied):
    inc = two_outlets(report, "مدنيان", "مدنيان اثنان")
    assert inc.perpetrator
    assert any(p.certainty == "denied" for p in inc.perpetrator) == denied, inc.perpetrator
    assert (inc.grade == "contested") == denied, inc.grade_reasons


def test_only_denials_of_harm_are_discounted():
    g, _ = grade([attrib("Israel", ("A",))], [sc("a", "killed", 0, "مصدر عسكري", denial=True)], ["A", "B"])
    assert g == "discounted"
    g, _ = grade([attrib("Israel", ("A",))], [sc("a", "killed", 0, denial=True), sc("b", "killed", 3)], ["A", "B"])
    assert g == "fair"


def test_incidents_built_from_reports_carry_a_grade_and_reasons():
    inc = one_incident(doc("a", VILLAGE_A, "Outlet A"), doc("b", VILLAGE_B, "Outlet B"))
    assert inc.grade == "fair"
    assert inc.grade_reasons and "Outlet A" in inc.grade_reasons[0]


MAIN_AND_MINOR = """قصف على بلدة البارة
قتل ثلاثة مدنيين بغارات روسية على بلدة البارة جنوبي إدلب، وقال ناشطون إن الطائرات الروسية نفذت أربع غارات، وإن طائرات روسية عادت لقصف البلدة مساء، فيما تحدث آخرون عن قصف مدفعي لقوات النظام."""


def test_a_minority_co_perpetrator_is_kept_marked_minor_and_left_out_of_the_grade():
    inc = one_incident(doc("a", MAIN_AND_MINOR, "Outlet A"), doc("b", VILLAGE_B.replace("قوات النظام", "الطائرات الروسية"), "Outlet B"))
    by_actor = {a.actor: a for a in inc.perpetrator}
    assert by_actor["Russia"].minor is False
    assert by_actor["Syrian government forces"].minor is True
    assert inc.grade == "fair"


# --- reports that blame different sides -------------------------------------------------

@pytest.mark.parametrize("first, second", [
    ("مقتل مدنيين بقصف على ريف عين عيسى\nقتل مدنيان بقصف مدفعي تركي على ريف عين عيسى شمال الرقة صباح اليوم.",
     "قسد تقصف عين عيسى\nقصفت قوات سوريا الديمقراطية بلدة عين عيسى شمال الرقة ما أدى لمقتل مدنيين اثنين اليوم."),
    ("قصف على ريف عفرين\nقتل ثلاثة مدنيين بقصف صاروخي لقسد على ريف عفرين شمال حلب اليوم.",
     "قصف تركي على عفرين\nقتل ثلاثة مدنيين بقصف مدفعي للجيش التركي على مدينة عفرين اليوم وفق ناشطين."),
    ("غارة على ريف إدلب\nقتل أربعة مدنيين بغارة روسية على ريف إدلب الجنوبي اليوم.",
     "قصف على البارة\nقتل أربعة مدنيين بقصف لهيئة تحرير الشام على بلدة البارة في ريف إدلب اليوم."),
])
def test_the_days_reports_of_one_area_that_blame_different_sides_are_one_contested_incident(first, second):
    """A town and its countryside on the same day: competing claims of one attack, not two."""
    inc = one_incident(doc("a", first, "Outlet A"), doc("b", second, "Outlet B"))
    assert len({a.actor for a in inc.perpetrator}) >= 2


# --- reports of another day -------------------------------------------------------------

DAY_ONE = """مجزرة في أريحا
قتل خمسة مدنيين بينهم طفلان بغارات روسية على سوق مدينة أريحا جنوبي إدلب مساء اليوم الأحد."""


@pytest.mark.parametrize("next_day", [
    "ارتفاع حصيلة ضحايا أريحا\nارتفعت حصيلة ضحايا الغارات الروسية على سوق أريحا مساء أمس إلى ستة قتلى مدنيين.",
    "أريحا تشيع ضحاياها\nشيع الأهالي في مدينة أريحا خمسة مدنيين قتلوا بغارات روسية مساء أمس.",
    "الدفاع المدني: خمسة قتلى في أريحا\nقال الدفاع المدني إن خمسة أشخاص قتلوا جراء الغارات الروسية على أريحا ليلة أمس.",
])
def test_a_next_day_report_joins_when_place_and_toll_agree(next_day):
    docs = [doc("d1", DAY_ONE, "Outlet A", "2024-05-12"), doc("d2", next_day, "Outlet B", "2024-05-13")]
    assert len(build_incidents(docs)) == 1


@pytest.mark.parametrize("next_day", [
    "غارات جديدة على أريحا\nقتل طفل بغارات روسية على أحياء مدينة أريحا مساء أمس الأحد.",
    "أريحا مجدداً\nقتل ثلاثة وعشرون شخصاً بقصف روسي استهدف مدينة أريحا مساء أمس.",
    "قصف على أريحا\nاستهدفت غارات روسية مدينة أريحا ليلة أمس دون معلومات عن الخسائر.",
])
def test_a_next_day_report_with_another_toll_or_none_stays_apart(next_day):
    docs = [doc("d1", DAY_ONE, "Outlet A", "2024-05-12"), doc("d2", next_day, "Outlet B", "2024-05-13")]
    assert len(build_incidents(docs)) == 2


@pytest.mark.parametrize("round_up", [
    "قصف على البارة\nقتل مدنيان بقصف لقوات النظام على بلدة البارة جنوبي إدلب. وفي موسكو، قال متحدث إن ثلاثة جنود قتلوا في حادث.",
    "غارات على البارة\nقتل مدنيان بغارات روسية على البارة. وفي بيروت أصيب خمسة أشخاص بانفجار.",
    "البارة تحت القصف\nأصيب ثلاثة مدنيين بقصف على بلدة البارة بريف إدلب، فيما قتل أربعة في أنقرة بحادث سير.",
])
def test_a_round_up_sentence_abroad_starts_no_incident(round_up):
    incidents = build_incidents([doc("a", round_up, "Outlet A")])
    assert [i.location.country for i in incidents if i.location] == ["SY"]


@pytest.mark.parametrize("perps", [
    [attrib("Russia", ("A", "B", "C")), attrib("Syrian government forces", ("A", "B"))],
    [attrib("Russia", ("A", "B")), attrib("Syrian government forces", ("C",))],
    [attrib("Syrian government forces", ("A", "B", "C")), attrib("Russia", ("A", "B", "C", "D"))],
])
def test_an_air_force_named_by_more_sources_than_its_ground_ally_stands_alone(perps):
    """"قوات النظام وروسيا" in some reports of a Russian raid is no competing claim."""
    g, reasons = grade(perps, [sc("a", "killed", 3)], ["A", "B", "C", "D"])
    assert g == "fair" and "Russia" in reasons[0]


@pytest.mark.parametrize("perps", [
    [attrib("Syrian government forces", ("A", "B", "C")), attrib("Russia", ("D",))],
    [attrib("Syrian government forces", ("A", "B")), attrib("Russia", ("B",))],
    [attrib("Syrian government forces", ("A", "B", "C", "D")), attrib("Russia", ("A", "C"))],
])
def test_a_ground_ally_named_more_often_than_the_air_force_makes_it_contested(perps):
    g, reasons = grade(perps, [sc("a", "killed", 3)], ["A", "B", "C", "D"])
    assert g == "contested" and "Russia" in reasons[0] and "Syrian government forces" in reasons[0]


def test_allies_named_equally_often_follow_the_two_source_rule():
    both = [attrib("Syrian government forces", ("A", "B")), attrib("Russia", ("C", "D"))]
    assert grade(both, [sc("a", "killed", 3)], ["A", "B", "C", "D"])[0] == "contested"
    stray = [attrib("Syrian government forces", ("A", "B")), attrib("Russia", ("A", "B")), attrib("Iran", ("C",))]
    assert grade(stray, [sc("a", "killed", 3)], ["A", "B", "C"])[0] == "contested"


@pytest.mark.parametrize("perps, outlets", [
    ([attrib("Syrian government forces", ("A",)), attrib("Russia", ("B",))], ["A", "B"]),
    ([attrib("Iran-backed militias", ("A",)), attrib("Syrian government forces", ("B",))], ["A", "B", "C"]),
    ([attrib("Russia", ("A",)), attrib("US-led coalition", ("B",)), attrib("Turkey", ("B",))], ["A", "B"]),
])
def test_when_no_party_is_named_twice_two_sources_blaming_different_parties_are_a_dispute(perps, outlets):
    """Two outlets, one blaming Russia and one the regime, is the dispute Airwars grades
    Contested, though neither party is named by two sources."""
    g, reasons = grade(perps, [sc("a", "killed", 2)], outlets)
    assert g == "contested" and "belligerents alleged" in reasons[0]


@pytest.mark.parametrize("reports", [
    ["قتل مدنيان بغارة جوية روسية على بلدة كفرنبل اليوم.",
     "استشهد مدنيان جراء قصف مدفعي لقوات النظام على بلدة كفرنبل جنوبي إدلب."],
    ["أصيبت ثلاث نساء بقصف للميليشيات الإيرانية على قرية تقاد غربي حلب.",
     "إصابة ثلاث نساء بقصف صاروخي لقوات الأسد على قرية تقاد."],
    ["مقتل طفل بقصف مدفعي تركي على قرية الدردارة في ريف تل تمر.",
     "قُتل طفل وأصيب آخرون بقذائف أطلقتها قسد على قرية الدردارة."],
])
def test_two_reports_blaming_different_parties_make_a_contested_incident(reports):
    docs = [doc(f"r{n}", "قصف اليوم\n" + text, f"Outlet {n}") for n, text in enumerate(reports)]
    inc, = build_incidents(docs)
    assert inc.grade == "contested", inc.grade_reasons


@pytest.mark.parametrize("accusing, statement, outlet, party", [
    (["قُتل مدنيان وأصيب خمسة بقصف صاروخي لقسد على مدينة مارع اليوم.",
      "مقتل مدنيين اثنين بقذائف أطلقتها قسد على الأحياء السكنية في مارع."],
     "إننا ننفي هذه الاتهامات جملةً وتفصيلاً، ونؤكد أن القصف على مارع صدر عن جهة أخرى.",
     "المركز الإعلامي لقوات سوريا الديمقراطية", "SDF/YPG"),
    (["قتل ثلاثة مدنيين بغارة روسية على بلدة كفرنبل اليوم.",
      "استشهد ثلاثة مدنيين جراء غارات الطيران الروسي على كفرنبل جنوبي إدلب."],
     "لا علاقةَ لقواتنا بالغارات التي تتحدث عنها وسائل إعلام المعارضة في كفرنبل.",
     "وزارة الدفاع الروسية", "Russia"),
    (["قتلت امرأة بقصف مدفعي تركي على قرية الدردارة في ريف تل تمر.",
      "مقتل امرأة بقذائف المدفعية التركية على الدردارة."],
     "قواتنا لم تستهدف أي مناطق مدنية في محيط تل تمر، وتقتصر عملياتها على مواقع الإرهابيين.",
     "وزارة الدفاع التركية", "Turkey"),
])
def test_a_partys_own_statement_denying_in_the_first_person_is_its_denial(accusing, statement, outlet, party):
    """"إننا ننفي", "لا علاقة لقواتنا", "قواتنا لم تستهدف" in a party's own statement: the party
    it speaks for denies the attack it is blamed for, and the incident is contested."""
    docs = [doc(f"r{n}", text, f"Outlet {n}") for n, text in enumerate(accusing)] + [doc("own", statement, outlet)]
    inc, = build_incidents(docs)
    denied = [a for a in inc.perpetrator if a.actor == party]
    assert denied and denied[0].certainty == "denied", inc.perpetrator
    assert inc.grade == "contested", inc.grade_reasons


def test_a_first_person_denial_by_an_outlet_that_speaks_for_no_party_denies_nothing():
    reports = [doc("r0", "قُتل مدنيان بقصف صاروخي لقسد على مدينة مارع اليوم.", "Outlet 0"),
               doc("r1", "مقتل مدنيين اثنين بقذائف أطلقتها قسد على مارع.", "Outlet 1"),
               doc("r2", "إننا ننفي ما تداولته بعض الصفحات عن إغلاق السوق، فالقصف على مارع أوقع قتيلين.", "صفحة مارع الآن")]
    inc, = build_incidents(reports)
    assert all(a.certainty != "denied" for a in inc.perpetrator), inc.perpetrator


@pytest.mark.parametrize("perps", [
    [attrib("Syrian government forces", ("A",)), attrib("Russia", ("A",))],
    [attrib("Iran-backed militias", ("A",)), attrib("Syrian government forces", ("A",))],
    [attrib("Turkey", ("A",)), attrib("SDF/YPG", ("A",))],
])
def test_a_single_source_naming_two_parties_stays_weak(perps):
    assert grade(perps, [sc("a", "killed", 2)], ["A"])[0] == "weak"


@pytest.mark.parametrize("reports, expected", [
    (["قتل مدنيان بغارة جوية روسية على بلدة البارة في جبل الزاوية اليوم.",
      "استشهد مدنيان جراء غارة للطائرات الحربية الروسية استهدفت البارة جنوبي إدلب.",
      "قتل مدنيان بقصف لقوات النظام وغارة روسية على بلدة البارة اليوم."], "fair"),
    (["قتل مدنيان بقصف مدفعي لقوات النظام على بلدة البارة في جبل الزاوية اليوم.",
      "استشهد مدنيان جراء قصف قوات الأسد على البارة جنوبي إدلب.",
      "قتل مدنيان بغارة روسية على بلدة البارة اليوم."], "contested"),
    (["قُتل ثلاثة مدنيين بقصف صاروخي لقوات النظام السوري على أطراف البارة.",
      "قتل ثلاثة مدنيين بقصف لجيش النظام على بلدة البارة، بحسب الدفاع المدني.",
      "مقتل ثلاثة مدنيين بقصف لقوات النظام وروسيا على بلدة البارة."], "contested"),
])
def test_reports_weighing_an_air_force_and_its_ally_grade_the_incident(reports, expected):
    docs = [doc(f"r{n}", "قصف على البارة\n" + text, f"Outlet {n}") for n, text in enumerate(reports)]
    inc, = build_incidents(docs)
    assert inc.grade == expected, inc.grade_reasons


@pytest.mark.parametrize("text, place", [
    ("""إصابة شابين بقصف مسيّرة
القامشلي – شبكة الخبر
أصيب شابان ظهر اليوم باستهداف طائرة مسيّرة تركية دراجة نارية على أطراف مدينة عامودا.""", "عامودا"),
    ("""مقتل عناصر بهجوم على حافلة
قُتل 12 عنصراً بهجوم استهدف حافلة تقلّهم قرب مدينة السخنة في البادية.
وكانت الحافلة متجهة إلى مدينة تدمر.""", "السخنة"),
    ("""سرمدا – خاص
قُتل طفلان بقصف صاروخي طال محيط بلدة تفتناز شرقي إدلب.""", "تفتناز"),
])
def test_the_edge_of_a_town_stated_with_the_figures_beats_a_town_named_plainly_elsewhere(text, place):
    inc = one_incident(doc("a", text, "Outlet A"))
    assert inc.location is not None and inc.location.name_ar == place, inc.location
    assert inc.location.precision == 2


@pytest.mark.parametrize("text, place", [
    ("""كوباني – وكالة الخبر
قصف الجيش التركي صباح اليوم قرية زور مغار غربي مدينة كوباني، ما أدى إلى إصابة مواطنَين اثنين.
وتشهد قرى ريف كوباني الغربي قصفاً متكرراً.""", "زور مغار"),
    ("""منبج – مراسل الموقع
قُتل راعيان بانفجار لغم في قرية عون الدادات شمالي مدينة منبج.
وتنتشر الألغام في محيط منبج منذ سنوات.""", "عون الدادات"),
    ("""أريحا – خاص
قُتل ثلاثة مدنيين بقصف مدفعي على قرية سرجة جنوبي مدينة أريحا.
وتتعرض أريحا وريفها لقصف شبه يومي.""", "سرجة"),
])
def test_the_village_stated_with_the_figures_beats_its_bearing_town_named_plainly_elsewhere(text, place):
    inc = one_incident(doc("a", text, "Outlet A"))
    assert inc.location is not None and inc.location.name_ar == place, inc.location


@pytest.mark.parametrize("text, place", [
    ("""عدوان جوي إسرائيلي
نفذ العدو الإسرائيلي عدواناً جوياً من اتجاه منطقة التنف مستهدفاً أبنية في مدينة تدمر، ما أدى إلى استشهاد 3 مدنيين.""", "تدمر"),
    ("""إصابة طفلين بمسيّرة
استهدفت طائرة مسيّرة قادمة من اتجاه مدينة جرابلس قرية عون الدادات شمال منبج، ما أدى إلى إصابة طفلين.""", "عون الدادات"),
    ("""قصف مدفعي لقوات النظام
أطلقت قوات النظام قذائف من اتجاه بلدة تقاد على مدينة الأتارب، ما أدى إلى مقتل مدني.""", "الأتارب"),
])
def test_the_direction_an_attack_came_from_is_not_where_it_struck(text, place):
    inc = one_incident(doc("a", text, "SANA"))
    assert inc.location is not None and inc.location.name_ar == place, inc.location


def test_toward_a_place_is_still_where_it_struck():
    text = """قصف على كفرنبل
أطلقت قوات النظام قذائف باتجاه بلدة كفرنبل، ما أدى إلى مقتل مدني."""
    assert one_incident(doc("a", text, "Outlet A")).location.name_ar == "كفرنبل"


@pytest.mark.parametrize("perps, voice, speaker", [
    # the SNA counts civilian dead it blames on the SDF, which denies it
    ([attrib("Turkey", ("A", "B")), attrib("SDF/YPG", ("A", "C"), "denied")],
     "Syrian National Army", "الجيش الوطني السوري"),
    ([attrib("Israel", ("A", "B", "C")), attrib("Hezbollah", ("C",), "denied")],
     "Israeli army spokesperson", "المتحدث باسم الجيش الإسرائيلي"),
    ([attrib("Russia", ("A", "B")), attrib("Turkey", ("B",), "denied")],
     "Russian Ministry of Defence", "وزارة الدفاع الروسية"),
])
def test_civilian_harm_stated_while_another_alleged_party_denies_it_is_contested(perps, voice, speaker):
    g, reasons = grade(perps, [sc("a", "killed", 3), voiced("b", 2, speaker, voice)], ["A", "B", "C"])
    assert g == "contested" and "denies" in reasons[0], (g, reasons)


# --- relays and unnamed attackers in the grade ------------------------------------------

AGENCY_OWN = """حمص-سانا
استشهد مدنيان وأصيب ثلاثة آخرون جراء سقوط قذائف أطلقها إرهابيو تنظيم هيئة تحرير الشام على قرية الشيخ حديد بريف حماة الغربي صباح اليوم."""


@pytest.mark.parametrize("second, expected", [
    # relays of the agency's own figures: one source
    ("نقلت وكالة سانا أن مدنيين اثنين استشهدا وأصيب ثلاثة بقذائف أطلقها إرهابيو هيئة تحرير الشام على قرية الشيخ حديد بريف حماة الغربي اليوم.", "weak"),
    ("ذكرت سانا أن قذائف إرهابيي هيئة تحرير الشام أدت صباح اليوم إلى استشهاد مواطنَين وإصابة ثلاثة في قرية الشيخ حديد بريف حماة الغربي.", "weak"),
    ("أفادت الوكالة العربية السورية للأنباء (سانا) باستشهاد شخصين وجرح 3 بقصف لهيئة تحرير الشام على قرية الشيخ حديد بريف حماة.", "weak"),
    # figures of the outlet's own, its correspondent's or local sources': a second source
    ("قال مراسلنا إن مدنيين اثنين قتلا وأصيب ثلاثة بقذائف أطلقتها هيئة تحرير الشام على قرية الشيخ حديد بريف حماة الغربي اليوم.", "fair"),
    ("أفادت مصادر محلية بمقتل مدنيين اثنين وإصابة ثلاثة بقصف لهيئة تحرير الشام على قرية الشيخ حديد بريف حماة الغربي اليوم.", "fair"),
    ("قتل مدنيان وجرح ثلاثة بقذائف هيئة تحرير الشام على قرية الشيخ حديد في ريف حماة الغربي صباح اليوم.", "fair"),
])
def test_an_outlet_relaying_an_agencys_figures_is_no_second_source(second, expected):
    inc = one_incident(doc("a", AGENCY_OWN, "سانا"), doc("b", second, "صحيفة الوطن"))
    assert inc.grade == expected, inc.grade_reasons


MONITOR_OWN = """المرصد السوري لحقوق الإنسان
قتل مدنيان اثنان وأصيب أربعة آخرون بقصف مدفعي لقوات النظام على بلدة كفرنبل جنوبي إدلب صباح اليوم."""
RESCUERS_OWN = """الدفاع المدني السوري
استجابت فرقنا لقصف مدفعي لقوات النظام على بلدة كفرنبل جنوبي إدلب صباح اليوم، ما أدى لمقتل مدنيين اثنين وإصابة أربعة."""


@pytest.mark.parametrize("first, first_outlet, relay", [
    (MONITOR_OWN, "المرصد السوري لحقوق الإنسان",
     "قتل مدنيان وأصيب أربعة بقصف مدفعي لقوات النظام على بلدة كفرنبل جنوبي إدلب اليوم، بحسب ما أورده المرصد السوري لحقوق الإنسان."),
    (MONITOR_OWN, "المرصد السوري لحقوق الإنسان",
     "وثّق المرصد السوري مقتل مدنيَّين اثنين وإصابة أربعة آخرين بقصف لقوات النظام على كفرنبل جنوبي إدلب اليوم."),
    (RESCUERS_OWN, "الدفاع المدني السوري",
     "قُتل مدنيان وأصيب أربعة في كفرنبل جنوبي إدلب بقصف لقوات النظام اليوم، وفق ما أفاد به الدفاع المدني السوري."),
])
def test_an_outlet_relaying_a_monitors_or_rescuers_figures_is_no_second_source(first, first_outlet, relay):
    inc = one_incident(doc("a", first, first_outlet), doc("b", relay, "موقع سوريا اليوم"))
    assert inc.grade == "weak", inc.grade_reasons


LOCAL_OWN = "جرابلس | {}\nأصيب مدنيان بجروح اليوم جراء قصف مدفعي لقسد استهدف قرية العمارنة جنوبي مدينة جرابلس شرقي حلب."


@pytest.mark.parametrize("outlet, name, relay", [
    ("Nida al-Shamal", "نداء الشمال",
     'ذكر موقع "نداء الشمال" المعارض أن مدنيين اثنين أصيبا بجروح اليوم جراء قصف مدفعي لقسد طال قرية العمارنة في ريف جرابلس.'),
    ("Sada al-Furat", "صدى الفرات",
     "نقلت شبكة “صدى الفرات” المحلية أن قصفاً مدفعياً لقسد على قرية العمارنة جنوبي جرابلس أدى إلى إصابة مدنيين اثنين اليوم."),
    ("صوت جرابلس", "صوت جرابلس",
     "وأفادت شبكة صوت جرابلس بإصابة مدنيين اثنين بقصف مدفعي لقسد على قرية العمارنة جنوبي جرابلس اليوم."),
])
def test_an_outlet_relaying_another_reports_outlet_by_name_is_no_second_source(outlet, name, relay):
    """A local page the source catalog lacks, named in the relay as its outlet field spells it
    in Latin or Arabic letters: one source, whoever carried it."""
    inc = one_incident(doc("a", LOCAL_OWN.format(name), outlet), doc("b", relay, "Mashriq Daily Net"))
    assert inc.grade == "weak", inc.grade_reasons


@pytest.mark.parametrize("outlet, relay", [
    ("شبكة جرابلس الآن",
     "ونقلت «شبكة جرابلس الآن» عن مراسليها أن مدنيين اثنين أصيبا اليوم بقصف مدفعي لقسد على قرية العمارنة جنوبي جرابلس."),
    ("صوت جرابلس",
     'نقل موقع "صوت جرابلس" عن مراسله إصابة مدنيين اثنين بقصف مدفعي لقسد طال قرية العمارنة في ريف جرابلس اليوم.'),
    ("Nida al-Shamal",
     "ونقلت شبكة نداء الشمال عن مصادرها أن قصفاً لقسد على قرية العمارنة أدى إلى إصابة مدنيين اثنين اليوم."),
])
def test_an_outlet_relaying_another_reports_own_staff_is_no_second_source(outlet, relay):
    """"نقلت شبكة X عن مراسليها": X's correspondents are X's report, one source with X's own."""
    name = outlet if not outlet.isascii() else "نداء الشمال"
    inc = one_incident(doc("a", LOCAL_OWN.format(name), outlet), doc("b", relay, "Enab Baladi"))
    assert inc.grade == "weak", inc.grade_reasons


@pytest.mark.parametrize("outlet, relay", [
    ("قناة صوت جرابلس",
     "قالت قناة «صوت جرابلس» المحلية إن مدنيين اثنين أصيبا بجروح اليوم جراء قصف مدفعي لقسد طال قرية العمارنة."),
    ("شبكة نداء الشمال",
     'وأفادت شبكة "نداء الشمال" بإصابة مدنيين اثنين بقصف مدفعي لقسد على قرية العمارنة جنوبي جرابلس اليوم.'),
    ("موقع جرابلس الآن",
     "ذكر موقع (جرابلس الآن) أن قصفاً مدفعياً لقسد على قرية العمارنة أدى إلى إصابة مدنيتين اليوم."),
])
def test_an_outlet_named_with_its_name_in_quotes_is_recognised_as_relayed(outlet, relay):
    """Quotes or brackets between the outlet's kind and its name ("قناة «آرين»") are no part of
    the name: the relay is still the other report's source."""
    inc = one_incident(doc("a", LOCAL_OWN.format(outlet), outlet), doc("b", relay, "Mashriq Daily Net"))
    assert inc.grade == "weak", inc.grade_reasons


TEAM_OWN = "النيرب | {}\nأصيب مدنيان بجروح مساء اليوم جراء قصف مدفعي لقوات النظام استهدف منازل في بلدة النيرب شرقي إدلب."


@pytest.mark.parametrize("outlet, relay", [
    ("فرق الإنقاذ المدني",
     "نقلت فرق الإنقاذ المدني العاملة في شمال غربي سوريا أن مدنيين اثنين أصيبا بقصف مدفعي لقوات النظام على بلدة النيرب."),
    ("أخبار النيرب (صفحة فيسبوك)",
     'نقلت صفحة "أخبار النيرب" على فيسبوك أن قصفاً مدفعياً لقوات النظام على بلدة النيرب أدى إلى إصابة مدنيين اثنين.'),
    ("إدلب الآن (قناة تلغرام)",
     "وذكرت قناة إدلب الآن على تلغرام أن مدنيين اثنين أصيبا بجروح في قصف لقوات النظام على النيرب شرقي إدلب."),
])
def test_a_relay_naming_a_team_or_a_page_of_the_incident_is_no_second_source(outlet, relay):
    """The speaker read as a person or a team ("نقلت فرق الإنقاذ العاملة في ..."), or the page
    named without its outlet field's bracketed note ("(صفحة فيسبوك)"), is still the other
    report's outlet: one source."""
    inc = one_incident(doc("a", TEAM_OWN.format(outlet), outlet), doc("b", relay, "المدار نت"))
    assert inc.grade == "weak", inc.grade_reasons


def test_an_outlet_relaying_a_page_outside_the_incident_is_a_second_source():
    relay = ('ذكر موقع "صوت الساجور" المعارض أن مدنيين اثنين أصيبا بجروح اليوم جراء قصف مدفعي لقسد طال قرية '
             "العمارنة في ريف جرابلس.")
    inc = one_incident(doc("a", LOCAL_OWN.format("نداء الشمال"), "Nida al-Shamal"), doc("b", relay, "Mashriq Daily Net"))
    assert inc.grade == "fair", inc.grade_reasons


@pytest.mark.parametrize("named", ["HTS (Hayat Tahrir al-Sham)", "ISIS (Islamic State)", "SDF/YPG"])
def test_unnamed_terrorists_beside_a_named_attacker_are_no_competing_claim(named):
    unnamed = "Armed groups (unnamed, 'terrorists' in state media)"
    perps = [attrib(unnamed, ("A", "B", "C")), attrib(named, ("A", "B"))]
    g, reasons = grade(perps, [sc("a", "killed", 2)], ["A", "B", "C"])
    assert g == "fair" and named.split(" (")[0] in reasons[0]


@pytest.mark.parametrize("state_media", [
    "استشهدت امرأة وأصيب طفلان جراء اعتداء المجموعات الإرهابية بالقذائف على بلدة جورين في سهل الغاب اليوم.",
    "اعتدى الإرهابيون بقذائف صاروخية على بلدة جورين بسهل الغاب، ما أدى لاستشهاد امرأة وإصابة طفلين اليوم.",
    "ارتقت سيدة شهيدةً وجرح طفلان بقذائف أطلقتها التنظيمات الإرهابية على بلدة جورين في منطقة الغاب اليوم.",
])
def test_state_media_naming_only_terrorists_does_not_contest_a_named_attacker(state_media):
    named = "قتلت امرأة وأصيب طفلان بقصف لهيئة تحرير الشام على بلدة جورين في سهل الغاب بريف حماة اليوم."
    inc = one_incident(doc("a", state_media, "سانا"), doc("b", state_media, "الإخبارية السورية"),
                       doc("c", named, "المرصد السوري"), doc("d", named.replace("قتلت", "لقيت حتفها"), "شبكة شام"))
    assert inc.grade == "fair", inc.grade_reasons


@pytest.mark.parametrize("apology", [
    "اعتذرت وزارة الدفاع التركية عن مقتل مدنيَّين اثنين بقصف مدفعي على قرية عين دقنة شمالي حلب اليوم.",
    "أعربت وزارة الدفاع التركية عن أسفها لمقتل مدنيين اثنين في القصف المدفعي على عين دقنة بريف حلب اليوم.",
    "وأبدت وزارة الدفاع التركية أسفها لسقوط ضحيتين مدنيتين بقصف على قرية عين دقنة شمالي حلب اليوم.",
])
def test_the_attackers_apology_for_the_dead_it_names_is_confirmed(apology):
    monitor = "قتل مدنيان بقصف مدفعي للقوات التركية على قرية عين دقنة بريف حلب الشمالي اليوم."
    inc = one_incident(doc("a", monitor, "المرصد السوري"), doc("b", monitor.replace("قتل", "لقي"), "نورث برس"),
                       doc("c", apology, "وكالة الأناضول"))
    assert inc.grade == "confirmed", inc.grade_reasons


@pytest.mark.parametrize("relay", [
    "إصابة مواطنة بقصف إسرائيلي على مصياف\nنقلت وكالة سانا عن مصدر عسكري قوله إن العدوان الإسرائيلي على محيط مصياف أدى إلى إصابة مواطنة بجروح اليوم.",
    "عدوان على ريف حماة وإصابة مواطنة\nنقلت وكالة سانا عن مصدر عسكري أن غارة إسرائيلية على محيط مدينة مصياف اليوم أسفرت عن إصابة مواطنة.",
    "إصابة مدنية في مصياف\nذكرت وكالة سانا أن غارة إسرائيلية على محيط مصياف اليوم أدت إلى إصابة مواطنة بجروح.",
])
def test_a_relay_under_a_headline_restating_its_figure_is_no_second_source(relay):
    own = ("صرح مصدر عسكري بأن العدو الإسرائيلي نفذ اليوم عدواناً جوياً على محيط مدينة مصياف بريف حماة، "
           "ما أدى إلى إصابة مواطنة بجروح.")
    inc = one_incident(doc("a", own, "سانا"), doc("b", relay, "صحيفة الوطن"), doc("c", relay, "روسيا اليوم"))
    assert inc.grade == "weak", inc.grade_reasons


def side_claim(doc_id: str, kind: str, n: int, side: str, denial: bool = False) -> SourcedClaim:
    claim = Claim(kind=kind, min=n, max=n, span=(0, 1), sentence_span=(0, 1),
                  source=Source("المرصد", "monitor"), denial=denial, group_kind=side)
    return SourcedClaim(doc_id, claim, "")


@pytest.mark.parametrize("harmed", [
    [side_claim("a", "killed", 3, "fighters")],
    [side_claim("a", "killed", 3, "fighters"), side_claim("b", "killed", 3, "unknown")],
    [side_claim("a", "killed", 2, "fighters"), side_claim("a", "killed", 9, "fighters"),
     side_claim("b", "killed", 11, "unknown")],
])
def test_civilians_spared_and_only_fighters_harmed_is_discounted(harmed):
    """A monitor records no civilian casualty and every toll is of fighters, or an unnamed toll
    the fighters' figures account for: no civilian harm to code."""
    spared = side_claim("c", "killed", 0, "civilians", denial=True)
    g, reasons = grade([attrib("Turkey", ("A", "B"))], harmed + [spared], ["A", "B"])
    assert g == "discounted" and "fighters" in reasons[0], reasons


@pytest.mark.parametrize("harmed", [
    [side_claim("a", "killed", 3, "civilians")],
    [side_claim("a", "killed", 3, "fighters"), side_claim("b", "killed", 5, "unknown")],
    [side_claim("a", "killed", 2, "fighters"), side_claim("b", "injured", 4, "unknown")],
])
def test_a_civilian_or_unaccounted_casualty_beside_the_denial_is_not_discounted(harmed):
    spared = side_claim("c", "killed", 0, "civilians", denial=True)
    g, _ = grade([attrib("Turkey", ("A", "B"))], harmed + [spared], ["A", "B"])
    assert g != "discounted"


@pytest.mark.parametrize("follow_up", [
    "تشييع ضحايا القصف في القرية\nشيع الأهالي الضحايا، ولم يرصد المرصد سقوط ضحايا مدنيين.",
    "وداع الشهداء\nودعت البلدة شهداءها اليوم، فيما لم نوثق إصابات في صفوف المدنيين.",
    "عزاء في القرية\nأقيم العزاء لذوي الضحايا، ولم تقع إصابات بين المدنيين بحسب ناشطين.",
])
def test_a_mourning_report_that_spares_the_civilians_still_mourns(follow_up):
    """A denial of one side's casualties does not deny the dead it mourns."""
    from rasd.incidents.events import mourns
    assert mourns(doc("f", follow_up, "Outlet F"))
    assert not mourns(doc("g", follow_up.replace("\n", "\nقتل ثلاثة أشخاص بالقصف. "), "Outlet G"))


@pytest.mark.parametrize("tag, name", [
    ("#دارة_عزة", "دارة عزة"),
    ("#كفر_نبل", "كفر نبل"),
    ("#تل_رفعت", "تل رفعت"),
])
def test_a_place_named_by_its_hashtag_is_located_by_its_name(tag, name):
    post = f"عاجل | {tag}\nقتل ثلاثة مدنيين بقصف مدفعي على {tag} صباح اليوم، وأصيب آخرون."
    inc = one_incident(doc("a", post, "Page A"))
    assert inc.location is not None and inc.location.name_ar == name, inc.location
    plain = post.replace(tag, name).replace("عاجل | ", "")
    both = one_incident(doc("a", post, "Page A"), doc("b", plain, "Outlet B"))
    assert both.places[0].text == name, both.places


@pytest.mark.parametrize("harmed", [
    [side_claim("a", "killed", 3, "fighters")],
    [side_claim("a", "killed", 2, "fighters"), side_claim("a", "killed", 1, "fighters"),
     side_claim("b", "killed", 3, "unknown")],
    [side_claim("a", "killed", 2, "fighters"), side_claim("a", "injured", 3, "fighters")],
])
def test_no_human_losses_at_all_and_only_fighters_harmed_is_discounted(harmed):
    """A source denying human losses in general ("اقتصرت الخسائر على الماديات") while the tolls
    others give are of fighters: no civilian harm to code, as when the civilians are spared."""
    none_hurt = side_claim("c", "killed", 0, "unknown", denial=True)
    g, reasons = grade([attrib("Israel", ("A", "B"))], harmed + [none_hurt], ["A", "B"])
    assert g == "discounted" and "fighters" in reasons[0], reasons
