"""Grouping reports into incidents and reconciling their figures (articles written for these tests)."""
from __future__ import annotations

import dataclasses
import datetime as dt
import random

import pytest

import rasd
from rasd.incidents import MergeSettings, build_incidents
from rasd.geo.geocode import resolve
from rasd.extract.event_type import event_type
from rasd.incidents import events
from rasd.incidents.events import _dateline, candidates, is_seat
from rasd.incidents.merge import _Grouping, anchors, graded, span
from rasd.incidents.reconcile import contradictions, figure, per_source
from rasd.model import Claim, Figure, Source, SourcedClaim


def doc(doc_id: str, text: str, published: str, outlet: str):
    return rasd.extract(text, published=published, outlet=outlet, doc_id=doc_id)


def groups(docs) -> list[tuple[str, ...]]:
    """The incidents built from ``docs``, each as its sorted doc ids, in sorted order."""
    return sorted(tuple(sorted(i.doc_ids)) for i in build_incidents(docs))


ARIHA_A = """غارات روسية على أريحا جنوبي إدلب
قتل ستة مدنيين بينهم طفلان، فجر اليوم الثلاثاء، بغارات جوية روسية استهدفت سوقاً في مدينة أريحا.
وقال الدفاع المدني إن فرقه انتشلت الجثث وأسعفت 11 جريحاً."""

ARIHA_B = """مجزرة في أريحا
أفاد المرصد السوري لحقوق الإنسان بمقتل ثمانية مدنيين وإصابة 15 آخرين بغارات نفذتها طائرات حربية روسية على مدينة أريحا صباح اليوم."""

ARIHA_C = """إدلب: قصف جوي على سوق أريحا
نقلت وكالة سانا عن مصدر عسكري قوله إن الطائرات استهدفت مقرات للمسلحين في أريحا، نافياً وقوع أي إصابات بين المدنيين."""

BAB = """انفجار في الباب
قتل ثلاثة أشخاص وأصيب سبعة آخرون بانفجار سيارة مفخخة في مدينة الباب شرقي حلب اليوم الثلاثاء."""


@pytest.fixture(scope="module")
def ariha_day():
    docs = [doc("a", ARIHA_A, "2024-03-05", "Outlet A"), doc("b", ARIHA_B, "2024-03-05", "Outlet B"),
            doc("c", ARIHA_C, "2024-03-05", "Outlet C"), doc("bab", BAB, "2024-03-05", "Outlet D")]
    return {tuple(sorted(i.doc_ids)): i for i in build_incidents(docs)}


def test_one_strike_in_three_outlets_is_one_incident(ariha_day):
    assert ("a", "b", "c") in ariha_day


def test_another_attack_elsewhere_the_same_day_stays_apart(ariha_day):
    assert ("bab",) in ariha_day


def test_figures_span_the_sources(ariha_day):
    inc = ariha_day[("a", "b", "c")]
    assert (inc.killed.low, inc.killed.high) == (6, 8)
    assert inc.injured == Figure(11, 11, 15)
    assert inc.civilians_killed.high == 8
    assert inc.strikes == Figure(None, None, None)          # no report counts the strikes


def test_denial_and_disagreement_are_contradictions(ariha_day):
    inc = ariha_day[("a", "b", "c")]
    notes = {c.kind: c.note for c in inc.contradictions}
    assert "killed" in notes
    denial = [c for c in inc.contradictions if any(s.claim.denial for s in c.claims)]
    assert denial and "denies" in denial[0].note


def test_perpetrator_from_the_reports(ariha_day):
    assert ariha_day[("a", "b", "c")].perpetrator[0].actor == "Russia"
    assert ariha_day[("a", "b", "c")].event_type == "Explosions/Remote violence"
    assert ariha_day[("a", "b", "c")].sub_event_type == "Air/drone strike"
    assert ariha_day[("bab",)].sub_event_type == "Remote explosive/landmine/IED"


def test_two_strikes_on_one_town_a_day_apart_are_two_incidents():
    first = doc("d1", "قصف على سراقب\nقتل مدنيان بقصف مدفعي لقوات النظام على مدينة سراقب اليوم الأحد.",
                "2024-03-03", "Outlet A")
    second = doc("d2", "قصف جديد على سراقب\nأصيب أربعة مدنيين بقصف مدفعي لقوات النظام على مدينة سراقب اليوم الاثنين.",
                 "2024-03-04", "Outlet B")
    assert groups([first, second]) == [("d1",), ("d2",)]


def test_next_day_report_of_last_nights_strike_joins_it():
    first = doc("n1", "غارات على البوكمال\nقتل 9 عناصر من الميليشيات الإيرانية بغارات جوية على البوكمال فجر اليوم الأربعاء.",
                "2024-03-06", "Outlet A")
    later = doc("n2", "حصيلة غارات البوكمال\nأفاد المرصد السوري لحقوق الإنسان بارتفاع حصيلة قتلى الغارات على البوكمال فجر أمس الأربعاء إلى 14 قتيلاً.",
                "2024-03-07", "Outlet B")
    incidents = build_incidents([first, later])
    assert [sorted(i.doc_ids) for i in incidents] == [["n1", "n2"]]
    assert incidents[0].killed.high == 14


@pytest.mark.parametrize("first, later", [
    (("مسيرة تستهدف سيارة في ريف السويداء\nقتل مدنيان وأصيب طفل بجروح، مساء اليوم الخميس، إثر استهداف طائرة "
      "مسيرة سيارتهم قرب قرية أم شامة في ريف السويداء الشرقي.", "2025-03-06"),
     ("بيان لوزارة الدفاع\nقالت وزارة الدفاع إن مسيرة تابعة لإحدى وحداتها استهدفت سيارة قرب قرية أم شامة بريف "
      "السويداء مساء أمس الخميس عن طريق الخطأ، ما أدى إلى مقتل مدنيين اثنين وإصابة طفل.", "2025-03-07")),
    (("أصيبت ثلاث نساء بجروح جراء قصف مدفعي تركي استهدف قرية تل دبوس بريف الحسكة الشمالي مساء اليوم الاثنين، "
      "حسب ما أفاد مراسلنا.", "2025-03-03"),
     ("الإدارة الذاتية تدين القصف على تل دبوس\nأدانت الإدارة الذاتية القصف الذي طال مساء الاثنين قرية تل دبوس في "
      "ريف الحسكة وأسفر عن إصابة ثلاث نسوة، ونقلت الجريحات إلى مشفى بلدة تل تمر.", "2025-03-04")),
    (("أصيب ثلاثة أطفال بانفجار قذيفة سقطت قرب مدرسة في بلدة خربة الطيبة بريف إدلب الجنوبي ظهر اليوم الأحد.",
      "2025-03-09"),
     ("جرحى أطفال في خربة الطيبة\nذكرت مصادر محلية أن ثلاثة أطفال جرحوا أمس الأحد بقذيفة سقطت في بلدة خربة "
      "الطيبة جنوبي إدلب، ونقلوا إلى مشفى مدينة معرة النعمان.", "2025-03-10")),
])
def test_reports_stating_figures_at_one_village_the_gazetteer_lacks_are_one_incident(first, later):
    reports = [doc("v1", first[0], first[1], "Outlet A"), doc("v2", later[0], later[1], "Outlet B")]
    assert {p.listed for p in reports[0].places if p.text.endswith(("شامة", "دبوس", "الطيبة"))} == {False}
    assert groups(reports) == [("v1", "v2")]


STRIKE_DAY = ("غارة أمريكية على سيارة قرب سرمدا\nقتل قيادي في تنظيم حراس الدين وأصيب مدنيان بغارة لطائرة مسيرة "
              "تابعة للتحالف الدولي على سيارة قرب مدينة سرمدا شمالي إدلب اليوم الخميس.")


@pytest.mark.parametrize("statement", [
    "بيان القيادة المركزية الأمريكية\nنفذت قواتنا أمس الخميس ضربة جوية في شمال غرب سوريا أسفرت عن مقتل قيادي، "
    "وتشير التقييمات الأولية إلى إصابة مدني واحد.",
    "التحالف يقر بإصابة مدني\nأقرت القيادة المركزية الأمريكية بإصابة مدني في ضربتها التي نفذتها أمس الخميس "
    "في شمال غربي سوريا.",
    "سنتكوم: الضربة أصابت مدنياً\nقالت سنتكوم إن مدنياً أصيب بجروح في الضربة الجوية التي نفذتها قواتها "
    "مساء الخميس في سوريا.",
])
def test_a_statement_naming_no_place_joins_the_strike_of_the_day_it_dates(statement):
    reports = [doc("a", STRIKE_DAY, "2024-08-22", "Outlet A"), doc("b", STRIKE_DAY.replace("قرب", "في محيط"), "2024-08-22", "Outlet B"),
               doc("s", statement, "2024-08-23", "Statement")]
    incidents = build_incidents(reports)
    assert [sorted(i.doc_ids) for i in incidents] == [["a", "b", "s"]]


ROUND_UP = """حصاد اليوم الميداني
قتل طفل بقصف مدفعي لقوات النظام على مدينة أريحا جنوبي إدلب اليوم الخميس.
وفي ريف حلب، أصيب ثلاثة مدنيين بانفجار عبوة ناسفة في مدينة الباب.
كما قتل عنصران من قسد بهجوم مسلح في مدينة البوكمال شرقي دير الزور."""


def test_round_up_article_splits_into_its_events():
    found = candidates(doc("r", ROUND_UP, "2024-03-07", "Outlet R"))
    places = {c.places[0].name_en for c in found}
    assert len(found) == 3, places
    figures = sorted((s.claim.kind, s.claim.min) for c in found for s in c.claims)
    assert figures == [("injured", 3), ("killed", 1), ("killed", 2)]


@pytest.mark.parametrize("paragraph, located", [
    ("وفي درعا، أحرق مجهولون سيارتين في حي السبيل وسط مدينة درعا أمس وقتل شاب.", "in Dar‘ā"),
    ("وفي دير الزور، قتل مدنيان بقذيفة سقطت على حي الرصافة بمدينة دير الزور.", "in Deir ez-Zor"),
    ("وفي ريف الحسكة، أصيبت امرأتان بقصف على قرية الحميرات بريف تل تمر.", "near Tall Tamr"),
])
def test_a_round_ups_event_at_an_uncatalogued_place_is_located_at_its_area(paragraph, located):
    """A neighbourhood inside its town is a point of it ("in"), a village around its area ("near")."""
    text = "حصاد اليوم الميداني\nقتل طفل بقصف مدفعي لقوات النظام على مدينة أريحا جنوبي إدلب اليوم.\n" + paragraph
    other = [c for c in candidates(doc("r", text, "2024-03-07", "Outlet R")) if c.split_off]
    assert other and not other[0].places[0].listed
    assert [p.name_en for p in anchors(other[0])] == [located]


def test_a_round_ups_other_events_keep_their_own_attackers():
    text = ("حصاد اليوم الميداني\nقتل طفل بقصف مدفعي لقوات النظام على مدينة أريحا جنوبي إدلب اليوم.\n"
            "وفي ريف حلب، قتل مدنيان بقصف صاروخي لقوات قسد على مدينة اعزاز.")
    found = candidates(doc("r", text, "2024-03-07", "Outlet R"))
    attackers = {c.places[0].name_en: [a for a, _ in c.perpetrators] for c in found}
    assert attackers["I‘zāz"] == ["SDF/YPG"]
    assert "Syrian government forces" in attackers["Arīḩā"]


def test_a_round_ups_other_events_keep_their_own_dates():
    text = ("حصاد اليوم الميداني\nقتل طفل بقصف مدفعي على مدينة أريحا جنوبي إدلب اليوم الخميس.\n"
            "وفي ريف حلب، قتل مدنيان مساء أمس الأربعاء بقصف صاروخي على مدينة اعزاز.")
    d = doc("r", text, "2024-03-07", "Outlet R")
    dates = {c.places[0].name_en: c.date.start for c in candidates(d)}
    assert dates == {"Arīḩā": dt.date(2024, 3, 7), "I‘zāz": dt.date(2024, 3, 6)}
    izaz = next(c for c in candidates(d) if c.places[0].name_en == "I‘zāz")
    assert text[izaz.date.span[0]:izaz.date.span[1]] == izaz.date.text


def test_background_sentences_give_no_figures():
    text = ("قصف على معرة النعسان\nأصيب مدنيان بقصف لقوات النظام على بلدة معرة النعسان اليوم.\n"
            "وكانت المنطقة قد شهدت الشهر الماضي مقتل 12 مدنياً بقصف مماثل.")
    [candidate] = candidates(doc("bg", text, "2024-03-07", "Outlet"))
    assert [(s.claim.kind, s.claim.min) for s in candidate.claims] == [("injured", 2)]


@pytest.mark.parametrize("background", [
    "وتعد البلدة من أكبر بلدات المنطقة، وشهدت في نيسان 2017 مجزرة راح ضحيتها أكثر من 90 شخصاً.",
    "وشهد السوق في تشرين الثاني 2019 غارة قتلت 11 مدنياً.",
    "وقتلت غارة روسية في آب/أغسطس 2021 سبعة أطفال في السوق ذاته.",
])
def test_a_sentence_dated_to_a_month_of_an_earlier_year_gives_no_figures(background):
    text = ("قصف على معرة النعسان\nأصيب مدنيان بقصف لقوات النظام على بلدة معرة النعسان اليوم الخميس.\n" + background)
    [candidate] = candidates(doc("bg", text, "2024-03-07", "Outlet"))
    assert [(s.claim.kind, s.claim.min) for s in candidate.claims] == [("injured", 2)]


@pytest.mark.parametrize("aside", [
    "والمصاب الأول من مواليد عام 1981، ويعمل مزارعاً في البلدة.",
    "وقال أحد أقاربهما إن العائلة نزحت إلى البلدة عام 2019، وإن القذيفة أصابت منزلها وأدت إلى إصابة الرجلين.",
])
def test_a_bare_year_in_the_events_own_sentence_is_no_background(aside):
    assert not events._names_earlier_year(aside, 2024)
    assert events._names_earlier_year(aside.replace("عام", "في أيار"), 2024)


def test_a_series_of_attacks_is_background():
    text = ("قصف على معرة النعسان\nأصيب مدنيان بقصف لقوات النظام على بلدة معرة النعسان اليوم.\n"
            "وتصاعدت الهجمات على المنطقة منذ أسابيع، وتسببت تلك الهجمات بمقتل أكثر من 80 شخصاً.")
    [candidate] = candidates(doc("bg", text, "2024-03-07", "Outlet"))
    assert [(s.claim.kind, s.claim.min) for s in candidate.claims] == [("injured", 2)]


# -- reconciliation rules, on claims built directly ------------------------------------------

def claim(kind="killed", lo=5, hi=5, source="مصدر", skind="other", **flags) -> Claim:
    return Claim(kind=kind, min=lo, max=hi, span=(0, 1), sentence_span=(0, 1),
                 source=Source(source, skind), **flags)


def pool(*items: tuple[str, Claim]) -> list[SourcedClaim]:
    return [SourcedClaim(doc_id, c, "") for doc_id, c in items]


PUBLISHED = {"d1": dt.date(2024, 3, 1), "d2": dt.date(2024, 3, 2)}


def choose(claims: list[SourcedClaim]):
    return per_source(claims, lambda d: "Outlet " + d, lambda d: (PUBLISHED[d], d))


def test_a_source_keeps_its_latest_report():
    chosen = choose(pool(("d1", claim(lo=5, hi=5, source="المرصد")), ("d2", claim(lo=9, hi=9, source="المرصد"))))
    assert [s.claim.min for s in chosen.values()] == [9]


def test_an_updated_toll_beats_the_same_reports_other_figures():
    chosen = choose(pool(("d1", claim(lo=20, hi=20, source="المرصد")),
                         ("d1", claim(lo=12, hi=12, source="المرصد", toll_stage="updated"))))
    assert [s.claim.min for s in chosen.values()] == [12]


def test_breakdowns_are_not_totals():
    chosen = choose(pool(("d1", claim(lo=7, hi=7)), ("d1", claim(lo=3, hi=3, source="مصدر", breakdown=True))))
    assert [s.claim.min for s in chosen.values()] == [7]


def test_low_best_high_over_sources():
    chosen = choose(pool(("d1", claim(lo=4, hi=4, source="أ")), ("d1", claim(lo=10, hi=None, source="ب")),
                         ("d1", claim(lo=6, hi=6, source="ج"))))
    assert figure(chosen) == Figure(4, 6, 10)
    assert [s.claim.source.text for s in figure(chosen).basis] == ["أ", "ج", "ب"]   # traceable, low to high


@pytest.mark.parametrize("vague, precise, best", [
    ("وأصيب العشرات بجروح متفاوتة.", ("أصيب 74 مدنياً على الأقل", "أصيب أكثر من 70 مدنياً"), 71),
    ("فيما جرح عشرات المدنيين، بينهم نساء.", ("جرح 35 مدنياً", "جرح 41 مدنياً"), 35),
    ("وسقط مئات الجرحى في صفوف الأهالي.", ("أصيب 230 شخصاً", "أصيب 260 شخصاً"), 230),
])
def test_a_vague_quantity_yields_to_the_figures_within_it(vague, precise, best):
    """"العشرات" (20..99) beside 74 and 71 tells their order, not a 20 of its own."""
    texts = [f"غارات على سراقب\nقتل خمسة مدنيين بغارات روسية على مدينة سراقب اليوم الاثنين. {vague}",
             f"سراقب\nقتل خمسة مدنيين و{precise[0].split(' ', 1)[0]} {precise[0].split(' ', 1)[1]} بغارات روسية على سراقب اليوم.",
             f"حصيلة سراقب\nقال الدفاع المدني إن خمسة مدنيين قتلوا و{precise[1]} بغارات روسية على سراقب اليوم."]
    reports = [doc(f"v{n}", t, "2024-03-04", f"Outlet {n}") for n, t in enumerate(texts)]
    [incident] = build_incidents(reports)
    assert incident.civilians_injured.best == best
    assert incident.civilians_injured.low == best


def test_a_vague_quantity_against_a_figure_outside_it_stays_a_figure():
    reports = [doc("v1", "غارات على سراقب\nقتل مدني بغارات روسية على مدينة سراقب اليوم. وأصيب العشرات بجروح متفاوتة.", "2024-03-04", "A"),
               doc("v2", "سراقب\nقتل مدني وأصيب 5 مدنيين بغارات روسية على سراقب اليوم.", "2024-03-04", "B")]
    [incident] = build_incidents(reports)
    assert (incident.civilians_injured.low, incident.civilians_injured.high) == (5, 20)


def test_the_outlets_own_figures_are_one_source_per_outlet():
    chosen = choose(pool(("d1", claim(lo=3, hi=3, skind="outlet", source="Outlet d1")),
                         ("d2", claim(lo=5, hi=5, skind="outlet", source="Outlet d2"))))
    assert sorted(s.claim.min for s in chosen.values()) == [3, 5]


@pytest.mark.parametrize("speaker, kind", [
    ("مصادر طبية", "medical"),          # unnamed medics quoted by the outlet
    ("مصادر محلية", "anonymous"),        # unnamed locals
    ("ناشطون", "anonymous"),             # unnamed activists
])
def test_an_unnamed_speaker_is_the_outlets_own_voice(speaker, kind):
    chosen = choose(pool(("d1", claim(lo=1, hi=1, source=speaker, skind=kind)),
                         ("d1", claim(lo=2, hi=2, skind="outlet", source="Outlet d1")),
                         ("d2", claim(lo=3, hi=3, skind="outlet", source="Outlet d2"))))
    assert sorted(s.claim.min for s in chosen.values()) == [2, 3]


def test_a_catalogued_medical_source_stays_a_source_of_its_own():
    named = Claim(kind="killed", min=1, max=1, span=(0, 1), sentence_span=(0, 1),
                  source=Source("مشفى باب الهوى", "medical", actor="Bab al-Hawa Hospital"))
    chosen = choose(pool(("d1", named), ("d1", claim(lo=2, hi=2, skind="outlet", source="Outlet d1"))))
    assert sorted(s.claim.min for s in chosen.values()) == [1, 2]


def test_a_denial_does_not_pull_low_to_zero_but_is_a_contradiction():
    chosen = choose(pool(("d1", claim(lo=0, hi=0, source="سانا", denial=True)), ("d1", claim(lo=8, hi=8, source="المرصد"))))
    assert figure(chosen) == Figure(8, 8, 8)
    [found] = contradictions("killed", chosen)
    assert "denies" in found.note and {s.claim.source.text for s in found.claims} == {"سانا", "المرصد"}


def test_only_denials_give_zero():
    assert figure(choose(pool(("d1", claim(lo=0, hi=0, denial=True))))) == Figure(0, 0, 0)


def test_no_claim_gives_null_not_zero():
    assert figure({}) == Figure(None, None, None)


def test_close_figures_are_no_contradiction():
    chosen = choose(pool(("d1", claim(lo=10, hi=10, source="أ")), ("d1", claim(lo=12, hi=12, source="ب"))))
    assert contradictions("killed", chosen) == []


@pytest.mark.parametrize("text, sub_event", [
    ("استهدفت طائرة مسيرة سيارة على الطريق", "Air/drone strike"),
    ("انفجر لغم أرضي بسيارة مدنية", "Remote explosive/landmine/IED"),
    ("سقطت قذائف مدفعية على البلدة", "Shelling/artillery/missile attack"),
    ("اندلعت اشتباكات عنيفة بين الفصائل", "Armed clash"),
    ("قتل شاب برصاص مجهولين", "Attack"),
])
def test_event_type_from_words(text, sub_event):
    assert event_type(text)[1] == sub_event


def test_towns_far_apart_stay_apart_though_both_name_the_province_seat():
    a = doc("j", "قصف على جرابلس\nقتل مدنيان بقصف على مدينة جرابلس اليوم.\nوقال مصدر طبي في مشفى حلب إن الجرحى نقلوا للعلاج.",
            "2024-03-05", "Outlet A")
    b = doc("f", "قصف على عفرين\nقتل ثلاثة مدنيين بقصف على مدينة عفرين اليوم.\nوقال مصدر طبي في مشفى حلب إن الجرحى نقلوا للعلاج.",
            "2024-03-05", "Outlet B")
    assert sorted(tuple(i.doc_ids) for i in build_incidents([a, b])) == [("f",), ("j",)]


# ------------------------------------------------------------- locating and lone reports

VAGUE = """قتلى بغارات روسية
قتل ستة مدنيين بغارات جوية روسية على ريف حماة الشمالي اليوم، بحسب ناشطين."""

VISIT = """محافظ حلب يتفقد موقع انفجار الباب
زار المحافظ موقع الانفجار في المدينة واطلع على الأضرار في السوق."""


def test_a_lone_vague_report_joins_the_only_fitting_incident_of_its_day():
    docs = [doc("a", ARIHA_A, "2024-03-05", "Outlet A"), doc("b", ARIHA_B, "2024-03-05", "Outlet B"),
            doc("bab", BAB, "2024-03-05", "Outlet D"), doc("v", VAGUE, "2024-03-05", "Outlet E")]
    assert groups(docs) == [("a", "b", "v"), ("bab",)]


KOBANI_A = "مسيرة تركية على ريف كوباني\nقتل مزارعان بقصف مسيرة تركية على قرية زور مغار غربي مدينة كوباني اليوم."
KOBANI_B = "قصف تركي على زور مغار\nأفاد المرصد بمقتل مزارعين اثنين بضربة مسيرة تركية على قرية زور مغار قرب كوباني اليوم."


@pytest.mark.parametrize("lone, together", [
    ("قصف على أحرص\nأصيب طفل وامرأة بقصف مدفعي تركي على قرية أحرص في الشهباء اليوم.", False),   # ~95 km
    ("قصف على تل رفعت\nقتل مدني بقصف مدفعي تركي على بلدة تل رفعت شمال حلب اليوم.", False),      # ~93 km
    ("قصف على صرين\nقتل مدنيان بقصف مدفعي تركي على بلدة صرين جنوب كوباني اليوم.", True),         # ~35 km
])
def test_a_villages_own_report_joins_the_days_incident_only_nearby(lone, together):
    docs = [doc("a", KOBANI_A, "2024-01-13", "Outlet A"), doc("b", KOBANI_B, "2024-01-13", "Outlet B"),
            doc("lone", lone, "2024-01-13", "Outlet C")]
    found = groups(docs)
    assert (found == [("a", "b", "lone")]) == together, found


@pytest.mark.parametrize("lone", [
    "قصف على صرين\nسقطت قذائف مدفعية تركية على بلدة صرين جنوب كوباني اليوم، واقتصرت الأضرار على الماديات.",
    "غارة على صرين\nاستهدفت مسيرة تركية مستودعاً في بلدة صرين اليوم، ولم تسجل أي إصابات بشرية.",
    "صرين: قصف دون ضحايا\nقال مراسلنا إن قذيفتين سقطتا على أطراف بلدة صرين مساء اليوم دون وقوع إصابات.",
])
def test_a_lone_report_that_nobody_was_hurt_at_its_town_is_another_attack(lone):
    """Its reporters saw a strike at their town hurt no one; the day's incident 35 km away
    killed two: what was seen there is another strike, not that incident's toll."""
    docs = [doc("a", KOBANI_A, "2024-01-13", "Outlet A"), doc("b", KOBANI_B, "2024-01-13", "Outlet B"),
            doc("lone", lone, "2024-01-13", "Outlet C")]
    assert groups(docs) == [("a", "b"), ("lone",)]


def test_a_partys_denial_of_casualties_still_joins_the_days_incident():
    """A belligerent saying nobody was hurt denies the day's toll: its report is of that attack."""
    denial = ("صرين\nنقلت وكالة سانا عن مصدر عسكري قوله إن الطائرات استهدفت مقرات للمسلحين في بلدة صرين "
              "اليوم، نافياً وقوع أي إصابات بين المدنيين.")
    docs = [doc("a", KOBANI_A, "2024-01-13", "Outlet A"), doc("b", KOBANI_B, "2024-01-13", "Outlet B"),
            doc("lone", denial, "2024-01-13", "Outlet C")]
    assert groups(docs) == [("a", "b", "lone")]


BARA = [
    "غارات على البارة\nقتل ثلاثة مدنيين بغارات روسية استهدفت بلدة البارة في جبل الزاوية جنوبي إدلب اليوم الأحد{}.",
    "مقتل ثلاثة مدنيين في البارة\nأفاد الدفاع المدني بمقتل ثلاثة مدنيين جراء غارات جوية روسية على بلدة البارة "
    "بريف إدلب الجنوبي اليوم{}.",
    "البارة: ثلاثة قتلى\nقُتل ثلاثة مدنيين في البارة بقصف جوي روسي اليوم{}.",
]
# reports of a strike 3 km from al-Bara that hurt no one, each telling of al-Bara's raids as
# going on meanwhile, and the same reports without that clause
KANSAFRA = [
    ("سقطت قذائف على أطراف قرية كنصفرة في جبل الزاوية اليوم{}، دون إصابات.", "، بالتزامن مع غارات البارة"),
    ("غارة روسية على كنصفرة اليوم{}، واقتصرت الأضرار على الماديات.", " بالتوازي مع غارات البارة"),
    ("استهدفت الطائرات الروسية قرية كنصفرة جنوبي إدلب{}، ولم تسجل إصابات بشرية.",
     " تزامناً مع القصف الذي طال بلدة البارة"),
]
BARA_MEANWHILE = ["، بالتزامن مع قصف على قرية كنصفرة", " تزامناً مع غارات طالت كنصفرة",
                  "، بالتوازي مع قصف استهدف أطراف كنصفرة"]
PAIRS = [(0, 1), (0, 2), (1, 2)]


@pytest.mark.parametrize("x, y", PAIRS)
def test_reports_telling_of_the_incidents_village_as_struck_meanwhile_are_another_event(x, y):
    """Two reports of a strike at Kansafra say al-Bara's raids went on at the same time: the
    reports of al-Bara are another event, however near (3 km)."""
    told = [text.format(clause) for text, clause in KANSAFRA]
    docs = [doc("a", BARA[x].format(""), "2024-03-10", "Outlet A"), doc("b", BARA[y].format(""), "2024-03-10", "Outlet B"),
            doc("k1", told[x], "2024-03-10", "Outlet C"), doc("k2", told[y], "2024-03-10", "Outlet D")]
    assert groups(docs) == [("a", "b"), ("k1", "k2")]


@pytest.mark.parametrize("x, y", PAIRS)
def test_reports_at_the_village_the_incident_tells_of_as_struck_meanwhile_are_another_event(x, y):
    """The incident's reports name Kansafra as the scene of another strike at the same time:
    the reports of Kansafra are that strike."""
    plain = [text.format("") for text, _ in KANSAFRA]
    docs = [doc("a", BARA[x].format(BARA_MEANWHILE[x]), "2024-03-10", "Outlet A"),
            doc("b", BARA[y].format(BARA_MEANWHILE[y]), "2024-03-10", "Outlet B"),
            doc("k1", plain[x], "2024-03-10", "Outlet C"), doc("k2", plain[y], "2024-03-10", "Outlet D")]
    assert groups(docs) == [("a", "b"), ("k1", "k2")]


@pytest.mark.parametrize("sentence, figure", [
    ("9 شهداء معظمهم من عائلات عراقية نازحة من مدينة القائم، و13 جريحاً.", ("killed", 9)),
    ("وقتل في الغارة خمسة عمال ينحدرون من مدينة الموصل.", ("killed", 5)),
    ("واستشهد طفلان من أبناء مدينة طرابلس اللبنانية.", ("killed", 2)),
    ("وأصيب أربعة نازحين من مدينة القائم العراقية بجروح.", ("injured", 4)),
])
def test_a_toll_naming_only_the_victims_home_abroad_is_the_reports(sentence, figure):
    """A sentence whose only place is the victims' home across the border tells of no event
    abroad: its toll is the strike's at home."""
    lead = "قصف على البوكمال\nاستهدف الطيران الحربي تجمعاً للنازحين عند الأطراف الشمالية لمدينة البوكمال عصر اليوم.\n"
    d = doc("a", lead + sentence, "2017-11-12", "Outlet A")
    assert figure in [(s.claim.kind, s.claim.min) for c in events.candidates(d) for s in c.claims]


def test_a_report_without_figures_is_located_by_its_headline():
    docs = [doc("a", ARIHA_A, "2024-03-05", "Outlet A"), doc("b", ARIHA_B, "2024-03-05", "Outlet B"),
            doc("bab", BAB, "2024-03-05", "Outlet D"), doc("visit", VISIT, "2024-03-05", "Outlet E")]
    assert groups(docs) == [("a", "b"), ("bab", "visit")]


def test_a_foreign_dateline_does_not_locate_the_report():
    d = doc("r", "بيروت (رويترز) - قتل ستة مدنيين بغارات على مدينة أريحا في محافظة إدلب اليوم.",
            "2024-03-05", "Outlet R")
    assert "LB" in {p.country for p in d.places}
    assert [p.name_en for p in anchors(candidates(d)[0])] and \
        all(p.country == "SY" for p in anchors(candidates(d)[0]))
    [incident] = build_incidents([d])
    assert incident.places and {p.country for p in incident.places} == {"SY"}


def test_an_event_date_after_publication_is_a_misprint():
    d = doc("m", "قصف على أريحا\nقتل مدنيان بقصف على مدينة أريحا مساء الثلاثاء 12 آذار 2024.",
            "2024-03-05", "Outlet M")
    c = candidates(d)[0]
    assert c.date is not None and c.date.start == dt.date(2024, 3, 12)
    assert span(c) == (dt.date(2024, 3, 5), dt.date(2024, 3, 5))


SARAQIB = """قصف على سراقب
قتل ثلاثة مدنيين بقصف مدفعي على مدينة سراقب اليوم."""


def test_two_villages_each_with_its_own_figures_are_two_attacks():
    docs = [doc("a", ARIHA_A, "2024-03-05", "Outlet A"), doc("s", SARAQIB, "2024-03-05", "Outlet S")]
    assert sorted(tuple(i.doc_ids) for i in build_incidents(docs)) == [("a",), ("s",)]   # 18 km apart


def test_settings_override_the_thresholds_key_by_key():
    # the same toll at both towns: only the distance between them keeps them apart
    docs = [doc("a", ARIHA_A, "2024-03-05", "Outlet A"),
            doc("s", SARAQIB.replace("ثلاثة", "خمسة"), "2024-03-05", "Outlet S")]
    one_wave = MergeSettings(villages_apart_km=30, neighbours_km=30)   # within the 25 km radius: one incident
    assert len(build_incidents(docs, one_wave)) == 1
    narrow = MergeSettings.from_mapping({"villages_apart_km": "30", "same_place_km": "10"})
    assert narrow == MergeSettings(villages_apart_km=30.0, same_place_km=10.0)
    assert narrow.orphan_km == MergeSettings().orphan_km
    assert sorted(tuple(i.doc_ids) for i in build_incidents(docs, narrow)) == [("a",), ("s",)]


def test_unknown_settings_are_refused():
    with pytest.raises(ValueError, match="same_place_kms"):
        MergeSettings.from_mapping({"same_place_kms": 10})


@pytest.mark.parametrize("name", ["إدلب", "حلب", "حماة", "حمص", "دمشق", "درعا", "السويداء", "القنيطرة",
                                  "اللاذقية", "طرطوس", "الرقة", "دير الزور", "الحسكة"])
def test_every_governorate_seat_stands_for_its_province(name):
    assert is_seat(resolve(name))                  # "Ar Raqqah" in Raqqa, "Dar‘ā" in Daraa ...


@pytest.mark.parametrize("name", ["أريحا", "الباب", "القامشلي", "منبج", "البوكمال", "تل أبيض"])
def test_other_towns_are_not_seats(name):
    assert not is_seat(resolve(name))


@pytest.mark.parametrize("misrin_text, expected", [
    # one names the other's town: one wave of strikes
    ("قصف على معرة مصرين\nقتل 4 مدنيين بغارات روسية على بلدة معرة مصرين وأريحا اليوم.", [("a", "m")]),
    # a third town both name in passing does not bridge two towns 20 km apart, each with its dead
    ("قصف على معرة مصرين\nقتل 4 مدنيين بغارات روسية على بلدة معرة مصرين وسراقب اليوم.", [("a",), ("m",)]),
])
def test_reports_at_two_towns_are_one_wave_only_when_one_names_the_others(misrin_text, expected):
    ariha = doc("a", "غارات على أريحا\nقتل أربعة مدنيين بغارات روسية على مدينة أريحا، وطالت غارات أخرى مدينة سراقب.",
                "2024-03-05", "Outlet A")
    misrin = doc("m", misrin_text, "2024-03-05", "Outlet M")
    assert [p.text for p in anchors(candidates(misrin)[0])][:1] == ["معرة مصرين"]
    assert sorted(tuple(sorted(i.doc_ids)) for i in build_incidents([ariha, misrin])) == expected


AZAZ = """قصف على اعزاز
قتل مدنيان وأصيب خمسة آخرون بقصف صاروخي لقوات قسد على مدينة اعزاز شمالي حلب اليوم الخميس."""

ROUND_UP_AZAZ = """حصاد اليوم الميداني
قتل طفل بقصف مدفعي لقوات النظام على مدينة أريحا جنوبي إدلب اليوم الخميس.
وفي ريف حلب، قتل مدنيان بقصف صاروخي لقوات قسد على مدينة اعزاز."""


def test_a_round_ups_other_event_joins_the_dedicated_report_of_it():
    docs = [doc("r", ROUND_UP_AZAZ, "2024-03-07", "Outlet R"), doc("z", AZAZ, "2024-03-07", "Outlet Z"),
            doc("a", ARIHA_A, "2024-03-07", "Outlet A")]
    incidents = build_incidents(docs)
    assert sorted(tuple(sorted(i.doc_ids)) for i in incidents) == [("a", "r"), ("r", "z")]
    azaz = next(i for i in incidents if "z" in i.doc_ids)
    assert azaz.places[0].name_en == "I‘zāz" and [a.actor for a in azaz.perpetrator] == ["SDF/YPG"]


def test_the_incidents_do_not_depend_on_the_order_of_the_reports():
    docs = [doc("a", ARIHA_A, "2024-03-07", "Outlet A"), doc("b", ARIHA_B, "2024-03-07", "Outlet B"),
            doc("c", ARIHA_C, "2024-03-07", "Outlet C"), doc("bab", BAB, "2024-03-07", "Outlet D"),
            doc("r", ROUND_UP_AZAZ, "2024-03-07", "Outlet R"), doc("z", AZAZ, "2024-03-07", "Outlet Z"),
            doc("v", VAGUE, "2024-03-07", "Outlet V"), doc("s", SARAQIB, "2024-03-08", "Outlet S")]
    expected = groups(docs)
    assert len(expected) >= 4
    rng = random.Random(7)
    for _ in range(5):
        rng.shuffle(docs)
        assert groups(docs) == expected


@pytest.mark.parametrize("first, second", [
    # shelling by one side on a town and the other side's shelling of a village 8 km away
    ("قتلت امرأة وطفل بقصف مدفعي لقوات سوريا الديمقراطية على مدينة مارع شمالي حلب اليوم.",
     "أصيب طفلان بقصف مدفعي للجيش التركي على قرية أحرص شمالي حلب اليوم."),
    ("أصيب ثلاثة مدنيين بقذائف أطلقتها قسد على مدينة مارع اليوم.",
     "قتل مدني بقصف تركي استهدف قرية أحرص في ريف حلب الشمالي اليوم."),
    ("قتل طفل بقصف للجيش التركي على قرية أحرص اليوم.",
     "أصيبت امرأتان بقذائف قسد على الأحياء السكنية في مدينة مارع اليوم."),
])
def test_each_sides_shelling_of_its_own_village_stays_apart(first, second):
    docs = [doc("a", "قصف متبادل\n" + first, "2024-01-13", "Outlet A"),
            doc("a2", "ضحايا القصف\n" + first, "2024-01-13", "Outlet B"),
            doc("b", "قصف على الريف\n" + second, "2024-01-13", "Outlet C")]
    assert groups(docs) == [("a", "a2"), ("b",)]


@pytest.mark.parametrize("text", [
    "غارة روسية على كنصفرة\nقتل أحد عناصر هيئة تحرير الشام بغارة جوية روسية على أطراف بلدة كنصفرة اليوم.",
    "قصف على مواقع قسد\nقتل ثلاثة مقاتلين من قوات سوريا الديمقراطية بقصف تركي على قرية الدردارة اليوم.",
    "هجوم على حاجز\nأصيب عنصران من قوات النظام بجروح بقصف على حاجز في بلدة الحاضر اليوم.",
])
def test_when_every_casualty_is_a_fighter_no_civilian_was_harmed(text):
    inc, = build_incidents([doc("f", text, "2024-03-05", "Outlet F")])
    kind = "civilians_injured" if "أصيب" in text else "civilians_killed"
    assert getattr(inc, kind).best == 0 and getattr(inc, kind).basis


def test_a_strike_with_no_toll_has_no_civilian_figure():
    inc, = build_incidents([doc("n", "غارات على البادية\nشنت الطائرات الروسية غارات على مواقع في البادية السورية اليوم.",
                                "2024-03-05", "Outlet N")])
    assert inc.civilians_killed.best is None and inc.civilians_injured.best is None


@pytest.mark.parametrize("text", [
    "مسيرة تستهدف دراجة نارية في الدانا\nقُتل شخص وأصيب ثلاثة مدنيين بينهم طفل باستهداف مسيرة لدراجة نارية في مدينة الدانا اليوم.",
    "غارة على سيارة قرب سرمدا\nأسفرت الغارة عن مقتل شخص وإصابة مدنيين اثنين كانا يمران قرب مدينة سرمدا اليوم.",
    "استهداف سيارة في أطمة\nقُتل شخصان وأصيب خمسة مدنيين بينهم امرأة بضربة مسيرة على سيارة في بلدة أطمة اليوم.",
])
def test_the_dead_named_apart_from_civilian_wounded_are_not_counted_civilians(text):
    inc, = build_incidents([doc("t", text, "2024-03-05", "Outlet T")])
    assert inc.killed.best >= 1 and inc.civilians_killed.best == 0 and inc.civilians_injured.best >= 2


def test_the_undescribed_dead_alone_still_count_as_civilians():
    inc, = build_incidents([doc("u", "قصف على أريحا\nقتل شخصان بقصف مدفعي على مدينة أريحا اليوم.", "2024-03-05", "Outlet U")])
    assert inc.civilians_killed.best == 2


NAWA_DAY = "غارة إسرائيلية على نوى\nقتل ثلاثة مدنيين وأصيب اثنان بغارة إسرائيلية على مدينة نوى في ريف درعا الغربي اليوم الثلاثاء."


@pytest.mark.parametrize("later", [
    "ضحايا الغارة\nقتل ثلاثة مواطنين أمس بغارة إسرائيلية استهدفت محيط مدينة نوى.",
    "حصيلة الغارة\nارتفعت إلى أربعة حصيلة قتلى الغارة الإسرائيلية على أطراف نوى غربي درعا مساء أمس الثلاثاء.",
    "نوى تشيع ضحاياها\nشيّع أهالي بلدة نوى ثلاثة مدنيين قتلوا أمس بغارة إسرائيلية قرب نوى في ريف درعا.",
])
def test_next_day_report_of_a_towns_surroundings_joins_the_strike_on_the_town(later):
    assert groups([doc("a", NAWA_DAY, "2025-06-17", "Outlet A"), doc("b", later, "2025-06-18", "Outlet B")]) == [("a", "b")]


def test_next_day_report_of_a_provinces_countryside_is_not_the_seat():
    seat = doc("a", "قصف على إدلب\nقتل ثلاثة مدنيين بقصف مدفعي على مدينة إدلب اليوم الثلاثاء.", "2025-06-17", "Outlet A")
    later = doc("b", "قصف ريف إدلب\nقتل ثلاثة مدنيين أمس بقصف مدفعي على ريف إدلب الجنوبي.", "2025-06-18", "Outlet B")
    assert len(build_incidents([seat, later])) == 2


@pytest.mark.parametrize("town, edge", [
    ("قصف على جاسم\nقتل مدني بقصف لقوات النظام على مدينة جاسم شمالي درعا اليوم.",
     "جرحى بقصف في ريف درعا\nأصيب ثلاثة أطفال بقصف لقوات النظام على أطراف بلدة المزيريب غربي درعا اليوم."),
    ("قصف على الصنمين\nقتلت امرأة بقصف لقوات النظام على مدينة الصنمين شمالي درعا اليوم.",
     "قصف في ريف درعا\nأصيب رجل بقصف لقوات النظام في محيط بلدة داعل غربي درعا اليوم."),
    ("قصف على أريحا\nقتل طفلان بقصف مدفعي لقوات النظام على مدينة أريحا جنوبي إدلب اليوم.",
     "جرحى بقصف للنظام\nأصيب عاملان بقصف مدفعي لقوات النظام قرب بلدة الدانا شمالي إدلب اليوم."),
    ("قصف على طفس\nقتل مدني بقصف مدفعي لقوات النظام على بلدة طفس غربي درعا اليوم.",
     "قصف مدفعي على ريف درعا\nأصيب ثلاثة مدنيين بقصف مدفعي لقوات النظام قرب مدينة إنخل شمالي درعا اليوم."),
])
def test_figures_at_the_edge_of_another_village_are_another_attack(town, edge):
    """"على أطراف بلدة X" pins a report to X as firmly as "بلدة X": 25-35 km from the day's
    other strike, it is not folded into it."""
    assert groups([doc("a", town, "2025-06-17", "Outlet A"), doc("c", edge, "2025-06-17", "Outlet C")]) == [("a",), ("c",)]


MAIN_TODAY = "قصف على سرمين\nقتل مدنيان وأصيب ثلاثة آخرون بقصف مدفعي على بلدة سرمين شرقي إدلب اليوم الثلاثاء."


@pytest.mark.parametrize("background", [
    # figures dated days before the event
    "وقبل ثلاثة أيام، قتل خمسة مدنيين وأصيب عشرة بقصف مماثل على مدينة أريحا.",
    "وفي 9 حزيران الفائت قتل سبعة مدنيين بغارة روسية على بلدة كنصفرة.",
    "وقتل أربعة أطفال يوم الجمعة الماضي بقصف على قرية الفطيرة في جبل الزاوية.",
    # a sentence telling of a habit
    "وكثيراً ما تخطئ طائرات التحالف أهدافها، إذ قتل سبعون مدنياً في الباغوز بضربة واحدة.",
    "وغالباً ما يقتل مدنيون في هذه الغارات، وقد قتل 12 مدنياً في غارة مماثلة.",
    "كثيرا ما سقط عشرات القتلى بقصف مماثل على المنطقة.",
    # a strike on a neighbouring village: the village is the event's neighbour
    "وفي سياق متصل، شهدت بلدة قميناس المجاورة قصفاً مماثلاً أدى إلى مقتل خمسة أشخاص.",
    "كما قتل أربعة مدنيين بقصف على قرية النيرب القريبة من البلدة.",
    # ... or the sentence says the strike is another
    "وفي هجوم آخر، قُتلت ثلاث نساء وأصيب سبعة مدنيين بغارة على مدينة سراقب.",
    "وجاء القصف بعد ساعات من ضربة مماثلة على بلدة تفتناز قتل فيها ستة مدنيين.",
    "وفي وقت سابق من اليوم ذاته، قُتل خمسة رجال وأصيب ستة أطفال بقصف على قرية قميناس.",
    # ... in the accusative, or of several strikes, even beside the event's town
    "ونفذ الطيران هجوماً آخرَ على قرية قميناس ومحيط سرمين قتل فيه خمسة رجال.",
    "وشنّت المقاتلات هجوماً منفصلاً على قرية قميناس وأطراف سرمين قُتل فيه خمسة رجال.",
    "ونفّذت الطائرات استهدافاً مماثلاً لقرية قميناس قرب سرمين قتل فيه خمسة رجال.",
    "وقُتلت أربع نساء في بلدة تفتناز بغارات أخرى بعد قصف سرمين.",
    "وقُتل خمسة رجال في قرية قميناس بضربات أخرى بعد قصف سرمين.",
    "وشنّ الطيران هجماتٍ مماثلة على مدينة سراقب ومحيط سرمين قتل فيها أربعة مدنيين.",
    # the strike put in its context: what came before it
    "ويأتي القصف بعد يومين من مقتل ثلاثة مدنيين وإصابة سبعة بمسيّرة في قرية قميناس.",
    "وتأتي هذه الغارات بعد مجزرة راح ضحيتها عشرة مدنيين في سوق المدينة.",
    "ويأتي ذلك غداة مقتل خمسة أشخاص بقصف على بلدة تفتناز.",
    "وجاء القصف بعد أيام من مقتل أربعة مدنيين بغارة على مدينة سراقب.",
    # a round-up's line stating a toll at another village, which it names first
    "- النيرب: مقتل طفل وإصابة امرأتين بجروح جراء القصف الصاروخي.",
    "وقُتلت امرأتان وأصيب طفل في قرية آفس بقصف صاروخي.",
    "أما بلدة تفتناز فقد أصيب فيها أربعة أطفال بجروح متفاوتة.",
    # a sentence that says it tells of an unrelated event, naming no place
    "وفي سياق آخر، أصيب سبعة مدنيين بانقلاب سيارة كانت تقلهم.",
    "على صعيد آخر، قُتل شاب وجُرح اثنان برصاص مسلحين مجهولين.",
    "وفي حادثة منفصلة، توفيت امرأتان وأصيب طفل بانفجار لغم.",
])
def test_earlier_figures_habits_and_strikes_next_door_give_the_event_no_figures(background):
    inc, = build_incidents([doc("a", MAIN_TODAY + "\n" + background, "2025-06-17", "Outlet A")])
    assert (inc.civilians_killed.best, inc.civilians_injured.best) == (2, 3)


@pytest.mark.parametrize("recalled", [
    "وقال الدفاع المدني حينئذٍ إن القصف أدى إلى مقتل أربعة أطفال في البلدة.",
    "وأدى القصف آنذاك إلى مقتل خمسة مدنيين وإصابة ثمانية في سوق البلدة.",
    "وقُتلت حينها ست نساء وأصيب تسعة أطفال بجروح في البلدة.",
    "وأصيب يومها سبعة مدنيين بجروح بليغة في البلدة، وفق ما ذكرته مصادر محلية وقتذاك.",
])
def test_a_sentence_told_at_the_time_of_an_earlier_event_gives_no_figures(recalled):
    """'حينها', 'آنذاك', 'حينئذ', 'وقتذاك': the sentence goes on telling of the time just recalled."""
    assert _highest_figures(MAIN_TODAY + "\nوشهدت البلدة قصفاً مماثلاً في التاسع من حزيران الفائت.\n"
                            + recalled) == (2, 3)


def _highest_figures(text: str) -> tuple[int | None, int | None]:
    """The highest killed and injured of the one incident ``text`` reports (published 17 June 2025)."""
    inc, = build_incidents([doc("a", text, "2025-06-17", "Outlet A")])
    return inc.killed.high, inc.injured.high


@pytest.mark.parametrize("earlier", [
    "وقبل يومين، قتلت طفلتان وأصيب أربعة آخرون بانفجار في البلدة.",
    "وقبل ثلاثة أيام قُتل رجل وجُرح أربعة أطفال بقصف على البلدة نفسها.",
    "ومنذ يومين، قتل اثنان وأصيب أربعة مدنيين بقصف مماثل على البلدة.",
])
def test_figures_of_two_days_ago_are_not_those_of_a_report_that_leaves_its_day_open(earlier):
    """No day in the report (its event: the day before publication or the day itself): a
    sentence dated two days before publication is before either day, another event."""
    assert _highest_figures("قصف على سرمين\nقتل مدنيان وأصيب ثلاثة آخرون بقصف مدفعي على بلدة سرمين شرقي إدلب.\n"
                            + earlier) == (2, 3)


@pytest.mark.parametrize("line", [
    "وأصيب ثلاثة مدنيين في النيرب وسرمين بالقصف ذاته.",
    "وامتد القصف إلى قرية آفس وأطراف سرمين، ما أدى إلى إصابة ثلاثة مدنيين.",
    "وأصيب ثلاثة آخرون في تفتناز، حيث امتد القصف من سرمين.",
])
def test_a_line_that_names_the_events_village_keeps_its_figures(line):
    """One raid on two villages is told by naming both: the line's toll stays the event's."""
    text = "قصف على سرمين\nقتل مدنيان بقصف مدفعي على بلدة سرمين شرقي إدلب اليوم الثلاثاء.\n" + line
    inc, = build_incidents([doc("a", text, "2025-06-17", "Outlet A")])
    assert inc.civilians_injured is not None and inc.civilians_injured.best == 3


ZAWIYA_DAY = [
    ("k", "قصف على كنصفرة\nقتل خمسة مدنيين بينهم طفل بقصف مدفعي لقوات النظام على قرية كنصفرة اليوم."),
    ("b", "قصف على البارة\nقُتل مدني وأصيب ستة بقصف مدفعي لقوات النظام استهدف بلدة البارة اليوم."),
    ("f", "قصف على فليفل\nأصيبت ثلاث نساء بقصف مدفعي لقوات النظام على قرية فليفل اليوم."),
    ("k2", "مقتل خمسة مدنيين في كنصفرة\nقضى خمسة مدنيين بقصف لقوات النظام على كنصفرة بجبل الزاوية اليوم."),
    ("k3", "مجزرة في كنصفرة\nخمسة قتلى مدنيين بينهم طفل جراء القصف على بلدة كنصفرة اليوم."),
    ("b2", "جرحى في البارة\nأصيب ستة مدنيين وقتل آخر بقصف على بلدة البارة اليوم."),
    ("f2", "قصف على فليفل\nثلاث نساء جريحات بقصف مدفعي على قرية فليفل جنوبي إدلب اليوم."),
]
ROUND_UPS = [
    "ملخص القصف اليوم في جبل الزاوية:\n- كنصفرة: مقتل ٥ مدنيين بينهم طفل.\n- البارة: مقتل مدني وإصابة ٦."
    "\n- قرية فليفل: إصابة ٣ نساء.",
    "يوم دام في جبل الزاوية\nقتل خمسة مدنيين في كنصفرة بقصف مدفعي اليوم.\nوقُتل مدني وأصيب ستة آخرون في "
    "البارة بقصف مماثل.\nأما قرية فليفل فقد أصيبت فيها ثلاث نساء.",
    "حصيلة اليوم\n• كنصفرة: خمسة قتلى مدنيين بقصف النظام.\n• البارة: قتيل وستة جرحى.\n"
    "• فليفل: ثلاث جريحات.",
]


@pytest.mark.parametrize("text, place, filed_at", [
    ("حصيلة اليوم\n- كنصفرة: مقتل خمسة مدنيين.", "كنصفرة", False),
    ("حصيلة اليوم\n• البارة: قتيل وستة جرحى.", "البارة", False),
    ("القصف اليوم في ريف إدلب\n▪ فليفل: إصابة ثلاث نساء بقصف مدفعي.", "فليفل", False),
    ("إدلب - قتل خمسة مدنيين بقصف على كنصفرة اليوم.", "إدلب", True),
    ("حلب:\nقتل مدني بقصف على الأتارب اليوم.", "حلب", True),
])
def test_a_list_items_place_is_no_dateline(text, place, filed_at):
    """A bulleted item's label ("- كنصفرة: مقتل ...") is where that item's strike was, not where
    the report was filed, though it opens a short line near the top."""
    d = rasd.extract(text, published="2023-11-14", outlet="Outlet A", doc_id="a")
    p, = [p for p in d.places if p.text == place]
    assert _dateline(d.text, p) is filed_at


@pytest.mark.parametrize("round_up", ROUND_UPS)
def test_a_round_up_of_a_busy_day_does_not_bridge_its_villages(round_up):
    """A round-up stating a toll per village (4-13 km apart, one governorate) joins the first
    village's incident; the others' reports stay apart."""
    docs = [doc(i, t, "2023-11-14", f"Outlet {i}") for i, t in ZAWIYA_DAY] \
        + [doc("r", round_up, "2023-11-14", "Monitor")]
    assert groups(docs) == [("b", "b2"), ("f", "f2"), ("k", "k2", "k3", "r")]


@pytest.mark.parametrize("text, village", [
    ("إصابة امرأة بقصف على محيط قرية سرجة جنوبي أريحا\nأصيبت امرأة وطفل بقصف مدفعي استهدف محيط قرية سرجة "
     "جنوبي مدينة أريحا وريف أريحا الجنوبي اليوم.", "سرجة"),
    ("قصف على محيط تفتناز شرق بنش\nأصيب ثلاثة مدنيين بقصف على محيط بلدة تفتناز شرقي مدينة بنش وأطراف بنش اليوم.",
     "تفتناز"),
    ("جرحى بقصف قرب الفطيرة شمال كفرنبل\nأصيب طفلان بقصف استهدف أطراف قرية الفطيرة شمال كفرنبل وريف كفرنبل اليوم.",
     "الفطيرة"),
])
def test_a_town_named_to_locate_the_village_is_not_where_the_event_was(text, village):
    """"محيط قرية سرجة جنوبي مدينة أريحا": Ariha, however often named, locates Sarjah."""
    lead, = candidates(rasd.extract(text, published="2024-03-05", outlet="Outlet A", doc_id="a"))
    assert lead.places[0].text == village


@pytest.mark.parametrize("first, second", [
    # dead at one village, only wounded at the next one
    ("قصف على كنصفرة\nقتل مدنيان بقصف مدفعي على بلدة كنصفرة في جبل الزاوية اليوم.",
     "قصف على البارة\nأصيب ثلاثة مدنيين بقصف مدفعي على قرية البارة في جبل الزاوية اليوم."),
    # one dead against five: another shell, not another count of the same one
    ("مقتل مدني في البارة\nقُتل رجل بقذيفة مدفعية سقطت على منزله في بلدة البارة اليوم.",
     "مجزرة في كنصفرة\nقتل خمسة مدنيين بينهم أطفال بقصف على بلدة كنصفرة جنوبي إدلب اليوم."),
    # wounded only, two against seven, the villages named the other way round
    ("جرحى في كنصفرة\nأصيبت امرأتان بجروح إثر قصف على كنصفره اليوم.",
     "قصف البارة\nأصيب سبعة مدنيين، بينهم أربعة أطفال، بقصف على قرية البارة اليوم."),
    # the same toll, morning against evening
    ("قصف على كنصفرة\nقتل مدنيان بقصف مدفعي على بلدة كنصفرة في جبل الزاوية صباح اليوم.",
     "قصف على البارة\nقتل مدنيان بقصف مدفعي على قرية البارة في جبل الزاوية مساء اليوم."),
    # dawn against the afternoon, the wounded only, the hour after the place
    ("جرحى في البارة\nأصيب ثلاثة مدنيين فجر اليوم بقصف على البارة.",
     "كنصفرة\nإصابة 3 مدنيين بقصف على بلدة كنصفره عصر اليوم الثلاثاء."),
    # noon against the night before, one dead each, the hour first
    ("مقتل مزارع\nظهر اليوم، قتل مزارع بقذيفة سقطت على أرضه في قرية البارة.",
     "مقتل شاب في كنصفرة\nليل أمس قتل شاب بقصف على بلدة كنصفرة."),
    # killed tolls within one, injured tolls that disagree (three wounded against one, nine
    # against two, twelve against two)
    ("قصف على كنصفرة\nقتل مدنيان وأصيب ثلاثة آخرون بقصف مدفعي على بلدة كنصفرة اليوم.",
     "قصف على البارة\nقتل ثلاثة مدنيين وأصيب مدني واحد بقصف مدفعي على قرية البارة اليوم."),
    ("مقتل طفل في البارة\nقُتل طفل وأصيب تسعة مدنيين بقصف على قرية البارة اليوم.",
     "كنصفرة\nمقتل شخص وإصابة اثنين بقصف على بلدة كنصفرة اليوم."),
    ("غارة على كنصفرة\nقتل أربعة مدنيين وأصيب 12 آخرون بغارة على بلدة كنصفرة اليوم.",
     "غارة على البارة\nأسفرت الغارة على قرية البارة عن أربعة قتلى وجريحين اليوم."),
    # victims of other sides: fighters against civilians, a civilian against a soldier
    ("مقتل عنصرين بعبوة قرب اليادودة\nقتل عنصران من قوات النظام بانفجار عبوة ناسفة قرب بلدة اليادودة بريف درعا اليوم.",
     "مقتل شابين في طفس\nقتل شابان مدنيان برصاص مسلحين مجهولين في مدينة طفس بريف درعا اليوم."),
    ("مقتل سيدة في داعل\nقتلت سيدة بقذيفة سقطت على منزلها في بلدة داعل اليوم.",
     "مقتل جندي في طفس\nقتل جندي من الجيش بهجوم على حاجز في مدينة طفس اليوم."),
    ("استهداف مقاتلين في تل رفعت\nقُتل ثلاثة مقاتلين من قسد بقصف تركي على مدينة تل رفعت اليوم.",
     "ضحايا مدنيون في كفرنايا\nقتل ثلاثة مدنيين بينهم طفل بقصف على بلدة كفرنايا اليوم."),
])
def test_neighbouring_villages_with_other_tolls_hours_or_victims_are_two_attacks(first, second):
    docs = [doc("a", first, "2024-03-05", "Outlet A"), doc("b", second, "2024-03-05", "Outlet B")]
    assert groups(docs) == [("a",), ("b",)]


def _village_pair(hour_a: str, hour_b: str) -> tuple[str, str]:
    return (f"قصف على كنصفرة\nقتل مدنيان بقصف مدفعي على بلدة كنصفرة في جبل الزاوية {hour_a} اليوم.",
            f"قصف على البارة\nقتل مدنيان بقصف مدفعي على قرية البارة في جبل الزاوية {hour_b} اليوم.")


@pytest.mark.parametrize("first, second", [
    # the same toll, or one near it
    ("قصف على كنصفرة\nقتل ثلاثة مدنيين بقصف مدفعي على بلدة كنصفرة في جبل الزاوية اليوم.",
     "قصف على البارة\nقتل 3 مدنيين بقصف مدفعي على قرية البارة في جبل الزاوية اليوم."),
    ("جرحى في كنصفرة\nأصيب أربعة مدنيين بقصف على بلدة كنصفرة اليوم.",
     "قصف البارة\nأصيب خمسة مدنيين بقصف على قرية البارة اليوم."),
    ("مقتل مدنيين في البارة\nقتل مدنيان وأصيب ثالث بقصف على البارة اليوم.",
     "كنصفرة\nمقتل شخصين بقصف على بلدة كنصفرة المجاورة اليوم."),
    # the same or neighbouring hours
    _village_pair("فجر", "صباح"), _village_pair("مساء", "ليل"), _village_pair("صباح", "صباح"),
])
def test_neighbouring_villages_with_the_same_toll_and_hours_are_one_attack(first, second):
    docs = [doc("a", first, "2024-03-05", "Outlet A"), doc("b", second, "2024-03-05", "Outlet B")]
    assert groups(docs) == [("a", "b")]


@pytest.mark.parametrize("text", [
    # the edge of a village "south of Ariha" twice, and the wounded taken to Ariha's hospitals twice
    "إصابة امرأة بقصف على محيط قرية سرجة جنوبي أريحا\nأصيبت امرأة بقصف مدفعي استهدف محيط قرية سرجة جنوبي "
    "مدينة أريحا اليوم، ونقلت إلى مشفى أريحا. كما نقل جريح آخر إلى مشفى أريحا الوطني.",
    # "أطراف" and "قرب", the hospital in the town, then the town's hospital
    "جرحى في سرجة\nأصيب طفلان بقصف على أطراف قرية سرجه قرب أريحا صباح اليوم، ونُقلا إلى مستشفى في مدينة "
    "أريحا لتلقي العلاج. وكان القصف قد طال أطراف قرية سرجة قرب مدينة أريحا، وأسعف جريح ثالث إلى مشفى أريحا.",
    # the victims' town of origin twice beside the two locating mentions
    "قتيلان في سرجة\nقتل رجل من أبناء مدينة أريحا بقصف على محيط قرية سرجة جنوب أريحا اليوم، وقتل معه شاب "
    "من أبناء أريحا، بعد قصف طال محيط قرية سرجة جنوبي أريحا.",
])
def test_a_town_named_to_locate_a_village_and_as_its_hospital_does_not_lead(text):
    [c] = candidates(doc("s", text, "2024-03-05", "Outlet S"))
    assert c.places[0].text in ("سرجة", "سرجه"), [p.text for p in c.places]


@pytest.mark.parametrize("statement", [
    "الجيش الإسرائيلي: استهدفنا مخربين في بلدة كويا\nقال الجيش الإسرائيلي إن قواته استهدفت مخربين أطلقوا النار "
    "نحو قواته قرب بلدة كويا اليوم.",
    "بيان عسكري: قصف مواقع مسلحين في بلدة كويا\nأعلن جيش الدفاع أنه قصف مواقع لمسلحين في محيط بلدة كويا بحوض "
    "اليرموك اليوم.",
    "قصف على بلدة كويا\nتحليق مكثف للطيران الإسرائيلي وقصف على بلدة كويا في ريف درعا الغربي اليوم، دون "
    "معلومات عن ضحايا.",
])
def test_a_report_without_a_toll_comes_after_the_reports_that_state_one(statement):
    """Reports stating a toll found the day's incidents: a statement or a report without
    figures, taken first, would found one that another village's reports then join."""
    kuwaya = "مجزرة في كويا\nقتل خمسة مدنيين بقصف إسرائيلي على بلدة كويا في حوض اليرموك اليوم."
    tasil = "إصابة راعيين\nأصيب راعيان بقذائف إسرائيلية سقطت على بلدة تسيل في ريف درعا الغربي اليوم."
    found = [candidates(doc(i, t, "2025-03-18", "Outlet " + i))[0] for i, t in
             (("a_statement", statement), ("b_tasil", tasil), ("c_kuwaya", kuwaya))]
    grouping = _Grouping(MergeSettings())
    reported = grouping.reported(found)
    ordered = sorted(found, key=lambda c: grouping.order(c, reported))
    assert ordered[-1].doc_id == "a_statement", [c.doc_id for c in ordered]


@pytest.mark.parametrize("lone", [
    # only wounded at its village, where the day's incident has dead
    "قصف على صرين\nأصيب مدنيان بقصف مدفعي تركي على بلدة صرين جنوب كوباني اليوم.",
    # the same, the hour first and the count in words
    "جرحى في صرين\nصباح اليوم، أصيب ثلاثة مدنيين بقذائف تركية سقطت على بلدة صرين.",
    # dead as well, but in the evening, after the morning's strike
    "قتيل في صرين\nقتل مدني بقصف مدفعي تركي على بلدة صرين جنوب كوباني مساء اليوم.",
])
def test_a_lone_report_of_another_attack_at_its_village_is_not_folded_into_the_days_incident(lone):
    morning = "مسيرة تركية على ريف كوباني\nقتل مزارعان صباح اليوم بقصف مسيرة تركية على قرية زور مغار غربي كوباني."
    docs = [doc("a", morning, "2024-01-13", "Outlet A"), doc("b", KOBANI_B, "2024-01-13", "Outlet B"),
            doc("lone", lone, "2024-01-13", "Outlet C")]
    assert groups(docs) == [("a", "b"), ("lone",)]


@pytest.mark.parametrize("more", [
    "وفي سياق متصل، ارتفع عدد القتلى في بلدة سرمين إلى أربعة.",      # the event's own village
    "وأفاد مراسلنا بمقتل أربعة مدنيين في القصف على قرية قميناس وبلدة سرمين.",  # no sign of another strike
    "وقال الدفاع المدني إن القصف على قرية النيرب وسرمين أدى إلى مقتل أربعة مدنيين.",
])
def test_more_figures_of_the_event_still_count(more):
    inc, = build_incidents([doc("a", MAIN_TODAY + "\n" + more, "2025-06-17", "Outlet A")])
    assert inc.civilians_killed.high == 4


@pytest.mark.parametrize("elsewhere", [
    # where the wounded were taken
    "وأصيب ثلاثة آخرون نُقلوا إلى مشفى في مدينة عفرين.",
    "كما أصيبت امرأتان حُوّلتا إلى مستشفى مدينة الباب.",
    "وأسعف خمسة جرحى إلى المشافي في مدينة حماة.",
    # the victims' home
    "وقتل في القصف شاب من أبناء مدينة الباب.",
    "وقتل في القصف رجل ينحدر من مدينة حماة.",
    "وأصيبت في القصف امرأة نازحة من مدينة تدمر.",
])
def test_a_far_town_the_event_was_not_at_starts_no_other_event(elsewhere):
    found = candidates(doc("a", MAIN_TODAY + "\n" + elsewhere, "2025-06-17", "Outlet A"))
    assert [c.split_off for c in found] == [False]
    assert len(found[0].claims) == 3


@pytest.mark.parametrize("text, village", [
    ("#عاجل #منبج\nأصيب ثلاثة مدنيين بقصف مدفعي استهدف قرية الدندنية شمال مدينة منبج صباح اليوم.", "الدندنية"),
    ("#أريحا\nقتل مدني بقصف على قرية سرجة جنوبي مدينة أريحا مساء اليوم.", "سرجة"),
    ("#كفرنبل\nأصيب طفلان بقصف على قرية حاس جنوبي مدينة كفرنبل اليوم.", "حاس"),
    ("#تل_رفعت\nقتل شاب بقصف تركي على قرية الشيخ عيسى قرب مدينة تل رفعت.", "الشيخ عيسى"),
])
def test_a_town_in_a_hashtag_does_not_outrank_the_village_it_locates(text, village):
    d = doc("h", text, "2025-06-17", "Outlet H")
    assert candidates(d)[0].places[0].text == village


@pytest.mark.parametrize("text, village", [
    ("منبج\nاستشهد مواطنان اليوم جراء استهداف مسيّرة تركية دراجة نارية في قرية أم جلود التابعة لمنطقة منبج.",
     "أم جلود"),
    ("القامشلي – وكالة محلية\nأصيب ثلاثة مدنيين بقصف تركي على قرية تل جمعة التابعة لناحية تل تمر، "
     "ونقلوا إلى مشفى القامشلي.", "تل جمعة"),
    ("عين العرب/ كوباني:\nقتلت امرأة بقذيفة سقطت على قرية زور مغار التابعة لمدينة كوباني صباح اليوم.",
     "زور مغار"),
])
def test_the_town_a_village_belongs_to_does_not_outrank_it(text, village):
    """"قرية أم جلود التابعة لمنطقة منبج" under the dateline "منبج": Manbij locates the village
    (a dateline is where the report was filed, not a mention of the event's place)."""
    assert candidates(doc("b", text, "2025-06-17", "Outlet B"))[0].places[0].text == village


KANSAFRA_FIRST = ("قصف على كنصفرة\nقتل ثلاثة مدنيين وأصيب خمسة آخرون بقصف مدفعي على بلدة كنصفرة "
                  "في جبل الزاوية، مساء اليوم الإثنين.")


@pytest.mark.parametrize("later", [
    "توفي شاب متأثراً بإصابته جراء القصف على بلدة كنصفرة يوم الإثنين 16 تشرين الأول، "
    "لترتفع حصيلة الضحايا إلى أربعة قتلى.",
    "ارتفعت حصيلة ضحايا القصف المدفعي على بلدة كنصفرة في 16 من شهر تشرين الأول إلى أربعة قتلى.",
    "وثقت الشبكة مقتل أربعة مدنيين بقصف مدفعي على بلدة كنصفرة بتاريخ 16 تشرين الأول.",
])
def test_a_later_report_dating_the_event_by_its_day_of_the_month_joins_it(later):
    """Three days on, "يوم الإثنين 16 تشرين الأول" is that Monday, not a misread weekday."""
    docs = [doc("a", KANSAFRA_FIRST, "2023-10-16", "Outlet A"),
            doc("b", "ضحية جديدة في كنصفرة\n" + later, "2023-10-19", "Outlet B")]
    assert groups(docs) == [("a", "b")]


@pytest.mark.parametrize("city", ["إدلب", "حماة", "الرقة"])
def test_the_next_days_report_of_a_strike_in_a_governorates_seat_named_as_the_city_joins(city):
    """"بمدينة إدلب" in both: the city, not the province its bare name also stands for."""
    docs = [doc("a", f"غارة على {city}\nقتل أربعة مدنيين وأصيب 12 آخرون بغارة جوية على المنطقة الصناعية "
                     f"بمدينة {city} عصر اليوم.", "2023-10-16", "Outlet A"),
            doc("b", f"قتلى بغارة على {city}\nقتل أربعة عمال وأصيب 12 آخرون، مساء أمس، جراء غارة جوية "
                     f"على المنطقة الصناعية في مدينة {city}.", "2023-10-17", "Outlet B")]
    assert groups(docs) == [("a", "b")]


@pytest.mark.parametrize("later", [
    "كنصفرة تشيّع ضحاياها\nشيّع أهالي بلدة كنصفرة في جبل الزاوية، ظهر اليوم، جثامين ضحايا القصف "
    "المدفعي الذي استهدف البلدة أمس، وسط حالة من الحزن.",
    "أسماء ضحايا كنصفرة\nنشر ناشطون أسماء الشهداء الذين قضوا بالقصف على بلدة كنصفرة مساء أمس، "
    "وهم من عائلة واحدة.",
    "البحث تحت الأنقاض في كنصفرة\nواصلت فرق الدفاع المدني البحث عن ناجين تحت أنقاض المنازل التي "
    "دمرها القصف المدفعي على بلدة كنصفرة مساء أمس.",
])
def test_a_later_report_mourning_the_victims_without_a_toll_joins_the_incident(later):
    docs = [doc("a", KANSAFRA_FIRST, "2023-10-16", "Outlet A"), doc("b", later, "2023-10-17", "Outlet B")]
    assert groups(docs) == [("a", "b")]


@pytest.mark.parametrize("later, published", [
    ("كنصفرة تودّع ضحاياها\nشيّع أهالي بلدة كنصفرة اليوم جثامين ضحايا القصف المدفعي الذي استهدف "
     "البلدة مطلع الأسبوع.", "2023-10-18"),
    ("وداع في كنصفرة\nودّعت بلدة كنصفرة اليوم ضحايا المجزرة وسط حضور شعبي واسع.", "2023-10-17"),
    ("البحث عن ناجين في كنصفرة\nتواصل فرق الإنقاذ اليوم البحث عن ناجين تحت أنقاض المنازل في بلدة كنصفرة.",
     "2023-10-19"),
])
def test_a_mourning_report_dated_to_its_own_day_joins_the_incident_days_before(later, published):
    """A funeral "اليوم", two days on, is the funeral's day: the report still tells of the strike."""
    docs = [doc("a", KANSAFRA_FIRST, "2023-10-16", "Outlet A"), doc("b", later, published, "Outlet B")]
    assert groups(docs) == [("a", "b")]


@pytest.mark.parametrize("later, together", [
    # no date at all, the same dead: a relative's or a survivor's account
    ("شهادة من كنصفرة\nيروي شقيق أحد الضحايا أن ثلاثة مدنيين قتلوا بالقصف على بلدة كنصفرة وهم في "
     "طريقهم إلى أرضهم.", True),
    ("كنصفرة: ذكريات الضحايا\nقالت والدة أحد الشبان إن القصف على بلدة كنصفرة قتل ثلاثة مدنيين من جيرانها.",
     True),
    # a date of its own: another strike with the same toll
    ("قصف على كنصفرة\nقتل ثلاثة مدنيين بقصف مدفعي على بلدة كنصفرة صباح اليوم.", False),
])
def test_an_undated_later_account_counting_the_same_dead_joins_the_incident(later, together):
    docs = [doc("a", KANSAFRA_FIRST, "2023-10-16", "Outlet A"), doc("b", later, "2023-10-18", "Outlet B")]
    assert groups(docs) == ([("a", "b")] if together else [("a",), ("b",)])


@pytest.mark.parametrize("later", [
    "قصف جديد على كنصفرة\nاستهدفت قوات النظام بقذائف المدفعية بلدة كنصفرة مساء أمس، دون ورود "
    "معلومات عن خسائر بشرية.",
    "قصف على كنصفرة\nتعرضت بلدة كنصفرة لقصف صاروخي مساء أمس، واقتصرت الأضرار على الماديات.",
    "كنصفرة\nسقطت قذائف على أطراف بلدة كنصفرة مساء أمس، ولم ترد أنباء عن إصابات.",
])
def test_a_later_report_of_strikes_without_a_toll_or_victims_stays_apart(later):
    docs = [doc("a", KANSAFRA_FIRST, "2023-10-16", "Outlet A"), doc("b", later, "2023-10-17", "Outlet B")]
    assert groups(docs) == [("a",), ("b",)]


def _two_strikes(first: str, second: str, names_both: bool = False):
    both = f"بلدتي {first} و{second}" if names_both else f"بلدة {first}"
    return [doc("a", f"قصف على {first}\nقتل مدنيان بقصف مدفعي على {both} ظهر اليوم.", "2024-03-05", "Outlet A"),
            doc("b", f"قصف على {second}\nقتل مدنيان بقصف مدفعي على بلدة {second} ظهر اليوم.", "2024-03-05", "Outlet B")]


@pytest.mark.parametrize("first, second", [("سرمين", "آفس"), ("الباب", "قباسين"), ("سرمين", "النيرب")])
def test_same_day_tolls_at_catalogued_villages_5_to_15_km_apart_neither_naming_the_other_are_two(first, second):
    """Two dead at each of two villages 6-8 km apart, each report naming only its own: two
    strikes of a busy day, though the tolls agree."""
    assert groups(_two_strikes(first, second)) == [("a",), ("b",)]


@pytest.mark.parametrize("first, second, names_both", [
    ("سرمين", "آفس", True),            # one report names both villages: one raid
    ("الباب", "قباسين", True),
    ("سرمين", "قميناس", False),         # 4 km apart: one strike told from either village
    ("كنصفرة", "البارة", False),
    ("تفتناز", "طعوم", False),
])
def test_villages_a_report_names_together_or_within_5_km_stay_one_incident(first, second, names_both):
    assert groups(_two_strikes(first, second, names_both)) == [("a", "b")]


TAL_JUMAA = ["قصف تركي على تل جمعة\nقُتل مدنيان وأصيب ثالث، صباح اليوم، بقصف مدفعي تركي على قرية تل جمعة غربي بلدة تل تمر.",
             "مقتل مدنيين في تل جمعة\nأفاد المرصد بمقتل مدنيين اثنين بقذائف تركية على قرية تل جمعة صباح اليوم.",
             "تل جمعة تحت القصف\nقتل رجلان بقذائف مدفعية تركية على قرية تل جمعة صباح اليوم."]
UMM_AL_KAIF = "قصف على أم الكيف\nقُتل مدني وأصيب ثلاثة آخرون، مساء اليوم، بقصف مدفعي تركي على قرية أم الكيف شمالي تل تمر."


@pytest.mark.parametrize("report", [
    "ضحية في أم الكيف\nقُتل شاب بقصف تركي استهدف قرية أم الكيف بريف تل تمر القريبة من قرية تل جمعة.",
    "قتيلة في ريف تل تمر\nقتلت امرأة بقذيفة تركية على قرية أم الكيف شمالي تل تمر، بعد قصف طال قرية تل جمعة.",
    "أم الكيف\nأفاد ناشطون بمقتل مدني بقصف على قرية أم الكيف في ريف تل تمر، على بعد كيلومترات من تل جمعة.",
])
def test_a_report_joins_the_incident_at_its_own_village_before_one_it_names_in_passing(report):
    """A report pinned at its village that also names a busier incident's village scores
    that incident as high on places; the incident at its own village wins the tie."""
    grouping = _Grouping(MergeSettings())
    day = [candidates(doc(f"y{k}", t, "2024-05-14", f"Outlet Y{k}"))[0] for k, t in enumerate(TAL_JUMAA)]
    day.append(candidates(doc("x1", UMM_AL_KAIF, "2024-05-14", "Outlet X"))[0])
    clusters = grouping._join(day, [])
    assert sorted(sorted(m.doc_id for m in cl.members) for cl in clusters) == [["x1"], ["y0", "y1", "y2"]]
    c = candidates(doc("x2", report, "2024-05-14", "Outlet Z"))[0]
    mine = graded(grouping.located(c))
    scores = {cl.members[0].doc_id: grouping.score(c, mine, cl) for cl in clusters}
    assert scores["x1"] is not None and (scores["y0"] is None or scores["x1"] > scores["y0"]), scores


@pytest.mark.parametrize("sentence", [
    "وفي شباط الماضي، قتل 53 شخصاً بهجوم للتنظيم قرب بلدة السخنة.",
    "وفي آذار الماضي قتل 23 عسكرياً بهجوم لخلايا التنظيم على حافلة قرب الشولا.",
    "وقتل 9 عناصر في أيار الفائت بهجوم على حافلة قرب الشولا.",
])
def test_a_sentence_about_a_past_month_gives_no_figures(sentence):
    main = "هجوم على حافلة\nقُتل 11 عنصراً من قوات النظام بهجوم على حافلة قرب بلدة الشولا فجر اليوم."
    inc, = build_incidents([doc("a", main + "\n" + sentence, "2023-08-21", "Outlet A")])
    assert (inc.killed.low, inc.killed.high) == (11, 11), inc.killed


@pytest.mark.parametrize("first, later", [
    ("انفجارات في الميادين\nهزت انفجارات عنيفة مدينة الميادين مساء اليوم الأربعاء جراء غارات جوية لطيران مجهول.",
     "حصيلة غارات الميادين\nقتل 9 عناصر من الميليشيات بالضربات الجوية التي استهدفت مستودعاً في الميادين مساء أمس."),
    ("غارات على البوكمال\nاستهدفت طائرات حربية مواقع في مدينة البوكمال فجر اليوم، ولم ترد أنباء عن خسائر.",
     "ضحايا غارات البوكمال\nقُتل سبعة أشخاص بغارات جوية على مدينة البوكمال فجر أمس، بحسب المرصد."),
    ("عاجل | قصف على سرمين\nقصف مدفعي يستهدف الأحياء السكنية في بلدة سرمين الآن.",
     "مقتل مدنيين في سرمين\nأفاد الدفاع المدني بمقتل مدنيين اثنين بالقصف المدفعي على بلدة سرمين يوم أمس."),
])
def test_the_first_word_of_an_event_joins_the_next_days_reports_of_it(first, later):
    """A report published on the day itself, before any toll, and the next day's reports that
    date the event to that day are one incident (the figures test keeps apart only the next
    day's strike on the same town)."""
    docs = [doc("first", first, "2023-11-08", "Outlet A"), doc("later", later, "2023-11-09", "Outlet B")]
    assert groups(docs) == [("first", "later")]


@pytest.mark.parametrize("background, earlier", [
    ("ومنذ بداية العام، قتلت الغارات الروسية 40 مدنياً في المنطقة.", "Russia"),
    ("وفي شباط الماضي، قصفت المدفعية التركية القرية نفسها.", "Turkey"),
    ("وخلال الشهر الماضي شنت طائرات التحالف الدولي عشرات الغارات على البلدة.", "US-led coalition"),
])
def test_the_attackers_of_earlier_events_told_as_background_are_not_this_events(background, earlier):
    main = "قصف على البلدة\nقُتل مدنيان بقصف مدفعي لقوات النظام على بلدة سرمين صباح اليوم."
    inc, = build_incidents([doc("a", main + "\n" + background, "2024-05-14", "Outlet A")])
    actors = [p.actor for p in inc.perpetrator]
    assert "Syrian government forces" in actors and earlier not in actors, actors


def test_an_earlier_accusation_about_the_same_strike_still_alleges():
    text = ("قصف على البلدة\nقُتل مدنيان بقصف مدفعي على بلدة سرمين صباح اليوم، بحسب الدفاع المدني.\n"
            "وكانت فصائل المعارضة قد اتهمت قوات النظام بقصف البلدة.")
    inc, = build_incidents([doc("a", text, "2024-05-14", "Outlet A")])
    assert "Syrian government forces" in [p.actor for p in inc.perpetrator]


STRIKE_NEWS = """غارة على منزل في بلدة تفتناز
قتل مدنيان وأصيب ثلاثة آخرون بغارة جوية استهدفت منزلاً في بلدة تفتناز شرقي إدلب فجر اليوم الأحد."""
REVIEWS = [
    """بيان حول نتائج التحقيق في ضربة تفتناز
أنهت لجنة التحقيق مراجعتها للضربة التي نُفذت فجر 3 آذار 2024 على منزل في بلدة تفتناز، وخلصت إلى أن مدنيين اثنين قُتلا وأصيب ثلاثة آخرون.""",
    """تقرير: ضحايا غارة تفتناز بعد شهر
وثقت الشبكة مقتل مدنيَّين اثنين وإصابة ثلاثة مدنيين في غارة جوية على بلدة تفتناز يوم 3/3/2024.""",
    """مراجعة حادثة تفتناز
قالت المنظمة إن الغارة التي استهدفت منزلاً في بلدة تفتناز في الثالث من آذار ٢٠٢٤ أسفرت عن مقتل مدنيين اثنين.""",
]


@pytest.mark.parametrize("review", REVIEWS)
def test_a_review_weeks_later_dated_to_its_year_joins_the_incident(review):
    docs = [doc("news", STRIKE_NEWS, "2024-03-03", "Outlet A"), doc("review", review, "2024-04-15", "Outlet B")]
    assert groups(docs) == [("news", "review")]


def test_a_stale_weekday_without_a_year_still_gives_way_to_the_publication_day():
    late = doc("late", """قصف على تفتناز
قتل مدنيان بغارة على بلدة تفتناز يوم الأحد.""", "2024-04-20", "Outlet B")   # a Saturday
    assert span(candidates(late)[0]) == (dt.date(2024, 4, 20), dt.date(2024, 4, 20))


@pytest.mark.parametrize("text, earlier", [
    ("قذيفة على تفتناز\nقتلت امرأة وطفلاها بسقوط قذيفة على منزلهم في بلدة تفتناز مساء اليوم.\n"
     "وكانت طائرات حربية روسية قد شنت الأسبوع الماضي غارات على أطراف البلدة.", "Russia"),
    ("انفجار في الشعاب\nأصيب ثلاثة مدنيين بانفجار قذيفة في قرية الشعاب اليوم. وكانت طائرة مسيرة يرجح "
     "أنها أردنية قد استهدفت في أيار الماضي منزلاً في القرية.", "Jordan"),
    ("قصف على تل جمعة\nقتل رجل بقذيفة سقطت على قرية تل جمعة اليوم. وكانت القوات التركية قد قصفت القرية "
     "الشهر الماضي.", "Turkey"),
])
def test_the_attacker_of_an_earlier_week_or_month_is_not_the_events_though_none_else_is_named(text, earlier):
    lead = candidates(doc("a", text, "2024-06-10", "Outlet A"))[0]
    assert earlier not in {actor for actor, _ in lead.perpetrators}


@pytest.mark.parametrize("later, together", [
    ("قتلى وجرحى في كنصفرة\nقتل وأصيب 8 مدنيين، مساء أمس الإثنين، بقصف مدفعي على بلدة كنصفرة.", True),
    ("كنصفرة\nسقط 8 قتلى وجرحى مدنيين بقصف مدفعي على بلدة كنصفرة مساء أمس.", True),
    ("كنصفرة\nقتل وأصيب 25 مدنياً بقصف مدفعي على بلدة كنصفرة مساء أمس.", False),   # another order of harm
])
def test_a_next_day_count_of_the_killed_and_injured_together_joins_when_it_adds_up(later, together):
    """3 dead and 5 wounded the day before: "قتل وأصيب 8" the next day is the same strike."""
    docs = [doc("a", KANSAFRA_FIRST, "2023-10-16", "Outlet A"), doc("b", later, "2023-10-17", "Outlet B")]
    assert groups(docs) == ([("a", "b")] if together else [("a",), ("b",)])


@pytest.mark.parametrize("statement", [
    "قسد: لا علاقة لنا بقصف كنصفرة\nنفى المركز الإعلامي لقوات سوريا الديمقراطية أي علاقة لقواته بالقصف "
    "الذي استهدف بلدة كنصفرة.",
    "الهيئة تنفي قصف كنصفرة\nنفت هيئة تحرير الشام أي علاقة لها بالقصف على بلدة كنصفرة.",
    "روسيا تنفي قصف كنصفرة\nنفت وزارة الدفاع الروسية أن تكون طائراتها قصفت بلدة كنصفرة.",
])
def test_a_partys_later_statement_answering_for_the_attack_joins_it(statement):
    """No toll of its own, a denial (or claim) at the incident's place: the attack it answers for."""
    docs = [doc("a", KANSAFRA_FIRST, "2023-10-16", "Outlet A"), doc("b", statement, "2023-10-17", "Outlet B")]
    assert groups(docs) == [("a", "b")]


@pytest.mark.parametrize("text", [
    "تعرضت قرية كنصفرة في جبل الزاوية لقصف مدفعي صباح اليوم.\nوأدى القصف إلى مقتل ثلاثة مدنيين وإصابة خمسة آخرين.",
    "قصفت قوات النظام بلدة كفرنبل جنوبي إدلب ليلة أمس. وقد قتلت امرأتان وجرح طفل جراء القذائف.",
    "طائرة مسيرة تستهدف سيارة على طريق فرعي في قرية حزانو بريف إدلب الشمالي.\nالحصيلة: قتيل مدني واحد وجريحان.",
])
def test_figures_stated_with_no_place_are_the_one_villages(text):
    """A report naming one Syrian village and only its areas states its figures there, though
    the sentence with the figures names no place: it pins the event to that village."""
    (main, *_) = candidates(doc("x", text, "2024-03-05", "Outlet"))
    assert main.pinned


@pytest.mark.parametrize("text", [
    "قصفت قوات النظام قريتي كنصفرة والبارة صباح اليوم.\nوأدى القصف إلى مقتل ثلاثة مدنيين.",
    "أعلنت واشنطن فرض عقوبات جديدة. وقالت إن 27 شخصاً قتلوا في هجمات سابقة.",
])
def test_figures_with_no_place_pin_no_village_when_two_or_none_abroad_are_named(text):
    (main, *_) = candidates(doc("x", text, "2024-03-05", "Outlet"))
    assert not main.pinned


def test_a_villages_figures_told_apart_from_the_next_villages_strike_the_same_day():
    """Two strikes of one day on villages 3 km apart with different tolls: the report that
    states its figures only after naming its village is not joined to the other strike."""
    kansafra = doc("k", "تعرضت قرية كنصفرة في جبل الزاوية لقصف مدفعي فجر اليوم.\n"
                        "وأدى القصف إلى مقتل ثلاثة مدنيين بينهم طفل وإصابة خمسة آخرين.", "2024-03-05", "A")
    bara = doc("b", "قتل مدني وأصيب أربعة آخرون بغارة جوية روسية على أطراف قرية البارة ظهر اليوم.",
               "2024-03-05", "B")
    bara2 = doc("b2", "أفاد ناشطون بمقتل مدني وإصابة أربعة في قرية البارة جراء غارة روسية اليوم.",
                "2024-03-05", "C")
    assert groups([kansafra, bara, bara2]) == [("b", "b2"), ("k",)]


@pytest.mark.parametrize("dated, published, day", [
    ("قتل ثلاثة مدنيين بقصف مدفعي على بلدة سرمين فجر اليوم الثلاثاء.", "2025-06-17", "2025-06-17"),
    ("قُتل ثلاثة مدنيين، مساء أمس الإثنين، بقصف مدفعي على بلدة سرمين.", "2025-06-17", "2025-06-16"),
    ("لقي ثلاثة مدنيين حتفهم ظهر اليوم جراء قصف صاروخي استهدف مدينة سرمين.", "2025-06-17", "2025-06-17"),
])
def test_an_incident_takes_the_date_a_report_writes_out_over_undated_ones(dated, published, day):
    """Undated reports span the day before their publication through it; a report that writes
    its date out says which day it was, however many undated reports there are."""
    undated = ["قصف على سرمين\nقتل ثلاثة مدنيين بقصف مدفعي على بلدة سرمين شرقي إدلب.",
               "مقتل ثلاثة مدنيين في سرمين\nأسفر قصف لقوات النظام على سرمين عن مقتل ثلاثة مدنيين."]
    docs = [doc(f"u{n}", t, published, f"Outlet {n}") for n, t in enumerate(undated)] \
        + [doc("d", "قصف على سرمين\n" + dated, published, "Outlet D")]
    inc, = build_incidents(docs)
    assert inc.date is not None and (inc.date.start.isoformat(), inc.date.end.isoformat()) == (day, day)


@pytest.mark.parametrize("follow_up", [
    "ارتفاع الحصيلة في جسر الشغور\nارتفع إلى خمسة عدد المدنيين الذين قتلوا جراء الغارات الروسية التي "
    "استهدفت مدينة جسر الشغور يوم الاثنين الفائت.",
    "وفاة جريح في جسر الشغور\nتوفي شاب متأثراً بجراحه التي أصيب بها بالغارة الروسية على مدينة جسر الشغور "
    "يوم الإثنين الماضي، لترتفع الحصيلة إلى خمسة قتلى.",
    "تشييع ضحايا جسر الشغور\nشيّع الأهالي خمسة مدنيين قتلوا بغارات روسية على مدينة جسر الشغور ليلة الاثنين "
    "الماضية.",
])
def test_a_follow_up_naming_a_past_weekday_joins_that_days_strike_not_a_fresh_one(follow_up):
    """Published the day of a fresh strike on the same town, a report that dates its victims to
    "الاثنين الفائت" tells of Monday's strike: a weekday said to be past is no misread one."""
    docs = [doc("m1", "غارات روسية على جسر الشغور\nقتل أربعة مدنيين بغارات روسية على مدينة جسر الشغور "
                      "فجر اليوم الاثنين.", "2023-09-18", "Outlet A"),
            doc("m2", "مجزرة في جسر الشغور\nقُتل أربعة مدنيين وأصيب عشرة بغارات روسية على جسر الشغور اليوم.",
                "2023-09-18", "Outlet B"),
            doc("t1", "قصف مدفعي على جسر الشغور\nأصيب طفلان بقصف مدفعي لقوات النظام على مدينة جسر الشغور "
                      "صباح اليوم الخميس.", "2023-09-21", "Outlet C"),
            doc("t2", "جرحى في جسر الشغور\nأصيب طفلان بجروح بقذائف مدفعية سقطت على جسر الشغور اليوم.",
                "2023-09-21", "Outlet D"),
            doc("f", follow_up, "2023-09-21", "Outlet E")]
    assert groups(docs) == [("f", "m1", "m2"), ("t1", "t2")]



HAMIDIYAH_TARTUS = """طرطوس: قتلى بغارات إسرائيلية على مستودعات جنوب المحافظة
قتل ثلاثة مدنيين وأصيب سبعة آخرون فجر اليوم بانفجارات تلت غارات إسرائيلية على مستودعات قرب بلدة الحميدية جنوب محافظة طرطوس."""


@pytest.mark.parametrize("bare", [
    "الحميديه | ليلة صعبة عاشها أهالي البلدة فجر اليوم بعد غارات الطيران الإسرائيلي على المستودعات، ثلاثة شهداء وثمانية جرحى.",
    "استشهد ثلاثة مدنيين فجر اليوم بقصف إسرائيلي على بلدة الحميدية.",
    "غارات اسرائيلية على الحميدية فجر اليوم توقع 3 قتلى و7 جرحى",
])
def test_a_village_named_bare_is_the_namesake_the_days_reports_place(bare):
    """A local page naming only the village (which the gazetteer alone reads as Quneitra's
    Hamidiyah) reports the strike other reports place at Tartus's Hamidiyah."""
    docs = [doc("bare", bare, "2025-01-15", "Local Page"), doc("tartus", HAMIDIYAH_TARTUS, "2025-01-15", "Agency")]
    incidents = build_incidents(docs)
    assert [sorted(i.doc_ids) for i in incidents] == [["bare", "tartus"]]
    assert incidents[0].location.admin1 == "Tartus"


def test_namesakes_each_placed_by_its_province_stay_apart():
    homs = doc("homs", "قتل مدنيان بقصف مدفعي على بلدة الحميدية بريف حمص الغربي صباح اليوم.", "2025-01-15", "Monitor")
    tartus = doc("tartus", HAMIDIYAH_TARTUS, "2025-01-15", "Agency")
    assert groups([homs, tartus]) == [("homs",), ("tartus",)]


@pytest.mark.parametrize("bare", [
    "قصف مدفعي يستهدف بلدة الحميدية صباح اليوم",
    "الحميدية: سقوط قذائف على أطراف البلدة صباح اليوم وأنباء عن إصابات",
    "شهدت بلدة الحميديه قصفاً بقذائف الهاون صباح اليوم",
])
def test_a_village_named_bare_joins_the_incident_its_namesake_founded(bare):
    """The report naming the village with its province comes first and founds the incident;
    the bare report, read alone as Quneitra's Hamidiyah, joins it as Homs's."""
    homs = doc("homs", "قتل مدنيان وأصيب أربعة بقصف مدفعي على بلدة الحميدية بريف حمص الغربي صباح اليوم.",
               "2025-01-15", "Monitor")
    incidents = build_incidents([homs, doc("bare", bare, "2025-01-15", "Local Page")])
    assert [sorted(i.doc_ids) for i in incidents] == [["bare", "homs"]]
    assert incidents[0].location.admin1 == "Homs"


@pytest.mark.parametrize("text, civilians", [
    ("قتل 6 مدنيين بينهم 4 عناصر من قوات النظام بقصف مدفعي على بلدة كفرنبل اليوم.", 2),
    ("قتل خمسة مدنيين، بينهم عنصر في الشرطة المحلية، بقصف مدفعي على مدينة الباب اليوم.", 4),
    ("لقي سبعة مدنيين حتفهم بينهم ثلاثة مقاتلين من فصيل فيلق الشام بغارة على قرية البارة اليوم.", 4),
    # victims of no stated side beside fighters are not counted as civilians (as before)
    ("قتل 6 أشخاص بينهم 4 عناصر من قوات النظام بقصف مدفعي على بلدة كفرنبل اليوم.", 0),
    ("قتل 11 شخصاً، هم عنصران من قوات النظام و9 من المقاتلين الأجانب، بغارة على مدينة الميادين اليوم.", 0),
    ("قتل 5 مدنيين بينهم طفلان بقصف على بلدة سرمين اليوم.", 5),          # civilian parts are not taken off
])
def test_fighters_among_a_toll_are_not_civilian_deaths(text, civilians):
    """"قتل 6 مدنيين بينهم 4 عناصر": the civilians killed are the toll without its fighters,
    as coders count them ("two Asayish members excluded")."""
    inc, = build_incidents([doc("a", text, "2024-03-05", "Outlet A")])
    assert inc.civilians_killed.best == civilians, inc.civilians_killed


@pytest.mark.parametrize("text, injured", [
    ("قتل ثلاثة عناصر من قوات النظام بغارة على بلدة كفرنبل اليوم، ولم يرصد المرصد سقوط ضحايا مدنيين.", 0),
    ("استهدفت غارة إسرائيلية مستودعاً قرب مدينة مصياف اليوم، دون وقوع خسائر بشرية.", 0),
    ("نفذت الطائرات غارة على أطراف بلدة البارة اليوم، ولم تسجل أي خسائر بشرية بين المدنيين.", 0),
    ("قصفت المدفعية قرية البارة اليوم دون سقوط قتلى.", None),            # deaths alone denied
    ("أصيب مدنيان بقصف على قرية البارة اليوم، دون سقوط ضحايا.", 2),     # the wounded reported
])
def test_no_casualties_said_is_no_wounded_when_nobody_reports_any(text, injured):
    """"لم يرصد سقوط ضحايا مدنيين", "دون وقوع خسائر بشرية": casualties in general denied, and no
    report of any wounded: the civilians wounded are 0, as the deaths are; "دون سقوط قتلى"
    speaks of deaths alone."""
    inc, = build_incidents([doc("a", text, "2024-03-05", "Outlet A")])
    assert inc.civilians_injured.best == injured, inc.civilians_injured


MARKET_A = "مجزرة في سوق معرة النعمان\nقتل عشرة مدنيين بغارات روسية على سوق مدينة معرة النعمان ظهر اليوم."
MARKET_B = "غارات على معرة النعمان\nأفاد الدفاع المدني بمقتل 11 مدنياً وإصابة 20 بقصف جوي روسي على سوق معرة النعمان اليوم."


@pytest.mark.parametrize("lone, together", [
    ("قصف على كفرنبل\nقتل مدنيان بغارة روسية على أرض زراعية في بلدة كفرنبل اليوم.", False),
    ("كفرنبل\nاستشهد رجل وابنه، اليوم، بقصف الطيران الروسي على مزرعتهما في مدينة كفرنبل.", False),
    ("غارة على حاس\nأصيب ثلاثة مدنيين وقتل طفل بقصف روسي على قرية حاس جنوب إدلب اليوم.", False),
    # a toll of the same order at a village nearby: most often the day's strike, told from there
    ("قصف على كفرنبل\nقتل تسعة مدنيين بغارات روسية طالت سوقاً قرب بلدة كفرنبل اليوم.", True),
])
def test_a_lone_report_with_a_toll_of_another_order_at_its_village_stays_apart(lone, together):
    """A lone report stating a toll at a village of its own, of another order than the day's
    incident's (2 dead against 10-11), is another strike, not a second telling of it."""
    docs = [doc("a", MARKET_A, "2016-02-13", "Outlet A"), doc("b", MARKET_B, "2016-02-13", "Outlet B"),
            doc("lone", lone, "2016-02-13", "Outlet C")]
    assert groups(docs) == ([("a", "b", "lone")] if together else [("a", "b"), ("lone",)])


@pytest.mark.parametrize("text, village", [
    ("كوباني – هيلين\nاستشهد شاب اليوم إثر استهداف مسيّرة تركية دراجته قرب قرية زور مغار على ضفة نهر الفرات غربي "
     "كوباني.\nوتقع قرية زور مغار على خط التماس وتتعرض للقصف باستمرار.\n#كوباني", "زور مغار"),
    ("الدرباسية – هيلين\nأصيبت امرأة اليوم بقصف تركي قرب قرية عين ديوار على سفح الجبل المطل شرق الدرباسية.\n"
     "وتقع قرية عين ديوار قرب الحدود.\n#الدرباسية", "عين ديوار"),
    ("تل تمر – هيلين\nقتل مزارع اليوم باستهداف مسيرة تركية قرب قرية تل جمعة على الطريق الدولي غرب تل تمر.\n"
     "وتقع قرية تل جمعة على بعد كيلومترات من خط التماس.\n#تل_تمر", "تل جمعة"),
])
def test_a_town_named_only_as_a_bearing_a_few_words_on_does_not_locate_the_report(text, village):
    """"قرب قرية زور مغار على ضفة نهر الفرات غربي كوباني": the town the village is placed by,
    a few words on, is a bearing (its dateline and hashtag aside), not the scene."""
    inc, = build_incidents([doc("a", text, "2024-02-08", "Outlet A")])
    assert inc.location.name_ar == village, inc.location


# a report of Sarmin's shelling that tells, in a sentence of its own and without figures, of
# another strike at Ariha (14 km away); the same aside naming Sarmin itself stays the report's
SARMIN_ASIDES = [
    "وفي سياق متصل، رصد ناشطون غارة جوية على الأطراف الجنوبية لمدينة أريحا، ولم تعرف حصيلتها.",
    "وفي هجوم آخر، استهدفت طائرات حربية مدجنة قرب مدينة أريحا جنوبي إدلب.",
    "في سياق آخر، شهدت مدينة أريحا تحليقاً مكثفاً لطائرات الاستطلاع.",
]


SARMIN_SHELLED = ("مقتل طفلين بقصف على سرمين\nقُتل طفلان، صباح اليوم الثلاثاء، جراء قصف مدفعي لقوات النظام "
                  "استهدف الأحياء السكنية في مدينة سرمين شرقي إدلب.\n")


def _sarmin_report_with(sentence: str):
    """The main candidate event of a report of Sarmin's shelling that goes on with ``sentence``."""
    return candidates(doc("s", SARMIN_SHELLED + sentence, "2023-01-17", "Outlet S"))[0]


@pytest.mark.parametrize("aside", SARMIN_ASIDES)
def test_a_sentence_telling_of_another_strike_does_not_place_the_report(aside):
    main = _sarmin_report_with(aside)
    assert "أريحا" not in [p.text for p in main.places]
    assert [p.text for p in main.places][0] == "سرمين"
    same_town = _sarmin_report_with(aside.replace("مدينة أريحا", "مدينة سرمين"))
    assert [p.text for p in same_town.places].count("سرمين") > [p.text for p in main.places].count("سرمين")


# a party's statement the day after a strike, under a headline naming no place, claiming or
# denying it at the strike's town (the day's reports name the town and count the dead)
PARTY_STATEMENTS = [
    ("أريحا", "مقتل مدنيين بغارة روسية على أريحا\nقُتل مدنيان، اليوم الثلاثاء، بغارة جوية روسية على مدجنة في "
     "أطراف مدينة أريحا جنوبي إدلب.", "مركز المصالحة الروسي في حميميم",
     "نشرة مركز المصالحة\nأكد المركز أن القوات الجوية الروسية لم تنفذ أمس أي طلعات قتالية قرب مدينة أريحا، "
     "وأن ما نشرته وسائل إعلام المسلحين عن غارة روسية لا أساس له."),
    ("عامودا", "مقتل مدنيين بقصف تركي على عامودا\nقُتل مدنيان، اليوم الثلاثاء، بقصف طائرة مسيّرة تركية على "
     "سيارة في مدينة عامودا بريف الحسكة.", "وزارة الدفاع التركية",
     "بيان\nأعلنت وزارة الدفاع التركية أن قواتها استهدفت أمس مواقع للإرهابيين في محيط مدينة عامودا، "
     "وتحييد عدد منهم."),
    ("الميادين", "مقتل مدنيين بغارة على الميادين\nقُتل مدنيان، اليوم الثلاثاء، بغارة جوية أمريكية على "
     "منزل في مدينة الميادين شرقي دير الزور.", "القيادة المركزية الأمريكية",
     "بيان صحفي\nأعلنت القيادة المركزية الأمريكية أن قواتها نفذت أمس ضربة دقيقة قرب مدينة الميادين استهدفت "
     "قيادياً في ميليشيا موالية لإيران."),
]


@pytest.mark.parametrize("town, report, voice, statement", PARTY_STATEMENTS)
def test_a_partys_own_statement_without_a_headline_place_joins_the_strike_it_answers(town, report, voice, statement):
    """The party's statement names its town only in its body: it is located there (the next
    day's answer to the strike), not left placeless."""
    docs = [doc("a", report, "2023-01-17", "Outlet A"), doc("b", report.replace("اليوم", "صباح اليوم"), "2023-01-17", "Outlet B"),
            doc("s", statement, "2023-01-18", voice)]
    located = anchors(candidates(docs[2])[0])
    assert [p.text for p in located] == [town]
    assert groups(docs) == [("a", "b", "s")]


# the same report with a sentence that states another strike's toll at Ariha
SARMIN_OTHER_STRIKES = [
    "وفي هجوم آخر، قُتل مدنيان بغارة جوية على أطراف مدينة أريحا.",
    "وفي وقت متزامن، أصيب ثلاثة مدنيين بقصف صاروخي على مدينة أريحا.",
    "وفي سياق متصل، قتل رجل وأصيبت زوجته بقصف مماثل على مدينة أريحا.",
]


@pytest.mark.parametrize("other", SARMIN_OTHER_STRIKES)
def test_a_sentence_stating_another_strikes_toll_does_not_place_the_report(other):
    main = _sarmin_report_with(other)
    assert "أريحا" not in [p.text for p in main.places]
    assert {(s.claim.kind, s.claim.min) for s in main.claims} == {("killed", 2)}


def test_a_candidate_re_read_for_a_cluster_leaves_no_anchors_cached_under_its_id(monkeypatch):
    """A report re-read with a cluster's villages joins as a new object; the anchors cached for
    the original must go with it, or a later report given the same id (memory reused) would be
    located by them: a run's incidents then changed from one run to the next."""
    grouping = _Grouping(MergeSettings())
    by_day: dict = {}
    first = candidates(doc("a", ARIHA_A, "2024-03-05", "Outlet A"))[0]
    second = candidates(doc("b", ARIHA_B, "2024-03-05", "Outlet B"))[0]
    grouping.join(first, by_day)
    monkeypatch.setattr(_Grouping, "_homonyms_settled",
                        lambda self, c, placed, cluster: (dataclasses.replace(c), cluster))
    assert grouping.join(second, by_day) is None          # joined the first report's incident
    assert id(second) not in grouping._located
    (cluster,) = [cl for day in by_day.values() for cl in day]
    assert all(id(m) in grouping._located for m in cluster.members)
