"""Sites an attack hit and the strikes each took (sentences written for these tests)."""
from __future__ import annotations

import datetime as dt

import pytest

import rasd
from rasd.export.jsonout import document_json, incident_json
from rasd.extract.sites import find_sites
from rasd.incidents import build_incidents
from rasd.export.markdown import incident_markdown
from rasd.model import Figure, SiteFigure
from rasd.pipeline import STAGES, Stage, check_stages
from rasd.text.normalize import fold

HEADLINE = "تطورات ميدانية في ريف المحافظة"


def sites(body: str) -> list[tuple[str, int | None]]:
    """(site as written, strikes) for each site of ``body`` read as an article's body."""
    doc = rasd.extract(f"{HEADLINE}\n{body}", published="2024-05-14", outlet="Test Outlet")
    for s in doc.sites:                      # every span points at the words it names
        assert doc.text[s.span[0]:s.span[1]] == s.text
    return [(s.text, s.strikes) for s in doc.sites]


CASES = [
    pytest.param("قصفت الطائرات الحربية موقعاً عسكرياً في بادية حمص بثلاث غارات.",
                 [("موقعاً عسكرياً", 3)], id="object-of-verb-count-after"),
    pytest.param("استهدفت الطائرات مستودعات للذخيرة قرب الميادين بخمس غارات جوية، "
                 "ومقراً لقيادة الفوج بغارتين.",
                 [("مستودعات للذخيرة", 5), ("مقراً لقيادة الفوج", 2)], id="two-sites-two-counts"),
    pytest.param("شنت طائرات مسيرة 3 غارات على معسكر للتدريب شرقي المدينة.",
                 [("معسكر للتدريب", 3)], id="count-before-on"),
    pytest.param("استهدفت الطائرات مطار التيفور بأربع غارات ثم شنت غارتين على محطة للوقود.",
                 [("مطار التيفور", 4), ("محطة للوقود", 2)], id="second-clause-own-count"),
    pytest.param("هاجمت مجموعة مسلحة حاجزاً لقوات الأمن على طريق المطار فجر اليوم.",
                 [("حاجزاً لقوات الأمن", None)], id="site-without-count"),
    pytest.param("قصفت المدفعية منزلاً لعائلة نازحة مساء أمس.",
                 [("منزلاً لعائلة نازحة", None)], id="time-word-ends-phrase"),
    pytest.param("تعرضت نقطة عسكرية تركية لقصف مدفعي في ريف حلب.",
                 [("نقطة عسكرية تركية", None)], id="passive-exposed-to"),
    pytest.param("استهدفت ست غارات مستودعات للأسلحة ومقراً للميليشيات.",
                 [("مستودعات للأسلحة", None), ("مقراً للميليشيات", None)], id="shared-total-not-split"),
    pytest.param("استهدفت الطائرات مقراً لفصيل “جيش العزة” في ريف حماة بغارتين.",
                 [("مقراً لفصيل “جيش العزة”", 2)], id="quoted-name-taken-whole"),
    pytest.param("قصفت المدفعية سوقاً مزدحماً قتل فيه ثلاثة مدنيين.",
                 [("سوقاً مزدحماً", None)], id="casualty-verb-ends-phrase"),
    pytest.param("استهدفت الغارات سوقاً شعبية وسط البلدة.وقال ناشطون إن الطائرات نفذت أربع غارات.",
                 [("سوقاً شعبية", None)], id="count-past-a-full-stop-is-not-its"),
    pytest.param("قصفت الطائرات الحربية بلدة كفرنبل بريف إدلب.", [], id="town-is-not-a-site"),
    pytest.param("استهدفت الغارات مركز مدينة أريحا صباح اليوم.", [], id="town-centre-is-not-a-site"),
    pytest.param("استهدفت غارة سيارة قرب مستشفى البلدة.", [], id="site-after-near-is-where"),
    pytest.param("افتتحت مديرية الصحة مستشفى جديداً في المدينة بحضور المحافظ.", [], id="no-attack"),
    pytest.param("نقلت فرق الإسعاف الجرحى إلى مستشفى المدينة بعد القصف.", [], id="hospital-as-destination"),
]


@pytest.mark.parametrize("body, expected", CASES)
def test_sites_and_their_strikes(body: str, expected: list[tuple[str, int | None]]):
    assert sites(body) == expected


def test_coordinated_site_drops_its_conjunction():
    [first, second] = sites("طالت الغارات مدرسة للأطفال بغارة واحدة، ومسجداً قديماً بغارتين.")
    assert first[0] == "مدرسة للأطفال"
    assert second == ("مسجداً قديماً", 2)


def test_find_sites_uses_the_claims_it_is_given():
    """The count comes from the claims stage's strikes claims, never from re-read numbers."""
    text = "قصفت الطائرات موقعاً للمسلحين بأربع غارات."
    doc = rasd.extract(text, published="2024-05-14")
    sentences = [(0, len(text))]
    assert [(s.text, s.strikes) for s in find_sites(text, fold(text), sentences, doc.claims)] \
        == [("موقعاً للمسلحين", 4)]
    assert [(s.text, s.strikes) for s in find_sites(text, fold(text), sentences, ())] \
        == [("موقعاً للمسلحين", None)]


def test_sites_stage_is_registered_after_claims():
    stage = next(s for s in STAGES if s.name == "sites")
    assert {"sentences", "claims"} <= set(stage.requires)
    names = [s.name for s in STAGES]
    assert names.index("sites") > names.index("claims")
    with pytest.raises(ValueError):
        check_stages([Stage("sentences", lambda s: []), stage])


# --------------------------------------------------------------------------- incidents

REPORT_A = """غارات على مستودعات في الميادين
استهدفت طائرات مجهولة مستودعات الأسلحة في مدينة الميادين بأربع غارات فجر اليوم، ما أدى إلى مقتل خمسة عناصر من الميليشيات."""

REPORT_B = """قصف جوي على الميادين
قالت مصادر محلية إن الطيران المجهول شن ست غارات على مستودعات الأسلحة في الميادين فجر اليوم، وقتل سبعة عناصر من الميليشيات.
كما استهدفت الطائرات حاجزاً للميليشيات عند مدخل المدينة."""


@pytest.fixture(scope="module")
def mayadin():
    docs = [rasd.extract(REPORT_A, published="2024-05-14", outlet="Outlet A", doc_id="a"),
            rasd.extract(REPORT_B, published="2024-05-14", outlet="Outlet B", doc_id="b")]
    incidents = build_incidents(docs)
    [incident] = [i for i in incidents if set(i.doc_ids) == {"a", "b"}]
    return docs, incident


def test_reports_of_one_site_give_its_strikes_range(mayadin):
    _, inc = mayadin
    depot = next(s for s in inc.sites if s.site == "مستودعات الأسلحة")
    assert depot == SiteFigure("مستودعات الأسلحة", Figure(4, 4, 6), ("a", "b"))


def test_a_site_no_report_counts_has_null_strikes(mayadin):
    _, inc = mayadin
    checkpoint = next(s for s in inc.sites if s.site.startswith("حاجزاً"))
    assert checkpoint == SiteFigure("حاجزاً للميليشيات", Figure(None, None, None), ("b",))
    assert [s.site for s in inc.sites][0] == "مستودعات الأسلحة"     # most reported first


def test_sites_in_json_and_report(mayadin):
    docs, inc = mayadin
    out = incident_json(inc)
    assert out["sites"][0] == {"site": "مستودعات الأسلحة", "strikes": {"low": 4, "best": 4, "high": 6},
                               "doc_ids": ["a", "b"]}
    assert out["sites"][1]["strikes"] == {"low": None, "best": None, "high": None}
    doc_b = document_json(docs[1])
    first = doc_b["sites"][0]
    assert (first["text"], first["strikes"]) == ("مستودعات الأسلحة", 6)
    assert docs[1].text[first["span"][0]:first["span"][1]] == "مستودعات الأسلحة"
    md = incident_markdown(incident_json(inc), {d.doc_id: document_json(d) for d in docs})
    assert "Sites hit:" in md and "- مستودعات الأسلحة: 4 / 4 / 6 strikes (a, b)" in md


def test_background_site_is_not_the_incidents():
    text = ("قصف على الميادين\n"
            "قتل ثلاثة عناصر من الميليشيات بغارة استهدفت مقراً لهم في الميادين اليوم.\n"
            "وكانت الطائرات قد قصفت مستودعات الذخيرة في المدينة الشهر الماضي.")
    doc = rasd.extract(text, published="2024-05-14", outlet="Outlet C", doc_id="c")
    assert [s.text for s in doc.sites] == ["مقراً لهم", "مستودعات الذخيرة"]
    [inc] = build_incidents([doc])
    assert [s.site for s in inc.sites] == ["مقراً لهم"]


def test_incidents_without_sites_keep_an_empty_tuple():
    doc = rasd.extract("انفجار في الباب\nقتل ثلاثة أشخاص بانفجار عبوة ناسفة في مدينة الباب اليوم.",
                       published=dt.date(2024, 5, 14), outlet="Outlet D", doc_id="d")
    assert doc.sites == ()
    [inc] = build_incidents([doc])
    assert inc.sites == () and incident_json(inc)["sites"] == []
