"""Parts of the day in date expressions, and reports of one incident that disagree on them
(articles written for these tests)."""
from __future__ import annotations

import datetime as dt

import pytest

from rasd.export.jsonout import incident_json
from rasd.incidents import build_incidents
from rasd.model import Article, Document
from rasd.pipeline import analyze
from rasd.text.dates import adjacent_times, time_of_day, times_of_day


@pytest.mark.parametrize("text, part", [
    ("فجر اليوم", "dawn"),
    ("قبيل فجر الأحد", "dawn"),
    ("في الساعات الأولى من صباح اليوم", "dawn"),
    ("صباح أمس الخميس", "morning"),
    ("صباحاً", "morning"),
    ("ظهر اليوم", "noon"),
    ("ظهيرة الجمعة", "noon"),
    ("بعد ظهر اليوم", "afternoon"),
    ("عصر الثلاثاء", "afternoon"),
    ("مساء أمس", "evening"),
    ("ومساء السبت", "evening"),
    ("ليل الأربعاء – الخميس", "night"),
    ("الليلة الماضية", "night"),
    ("بعد منتصف الليل", "night"),
    ("في وقت متأخر من مساء أمس", "night"),
    ("اليوم الثلاثاء", None),
    ("الخميس الماضي", None),
    ("", None),
])
def test_time_of_day(text: str, part: str | None):
    assert time_of_day(text) == part


@pytest.mark.parametrize("sentence, part", [
    ("قصفت قوات النظام بعد ظهر اليوم بلدة البارة، ما أدى لمقتل ثلاثة مدنيين.", "afternoon"),
    ("قتل مدنيان بغارة روسية بُعيد ظهر أمس الأحد على أطراف سرمين.", "afternoon"),
    ("وأصيب طفل بقصف مدفعي بعد ظهر الثلاثاء على قرية كنصفرة.", "afternoon"),
])
def test_the_date_of_a_report_keeps_after_noon(sentence: str, part: str):
    """"بعد ظهر" is the afternoon: the date expression had begun at "ظهر" (noon), and a
    morning strike and an afternoon one on a neighbouring village read as the same hours."""
    doc = analyze(Article("a", "قصف جديد\n" + sentence, "test", published=dt.date(2024, 3, 12)))
    assert doc.event_date is not None and time_of_day(doc.event_date.text) == part


def test_a_word_containing_a_part_is_not_one():
    assert time_of_day("مصباح الشارع") is None
    assert time_of_day("العصرية") is None


def test_parts_in_day_order_and_their_neighbours():
    assert times_of_day() == ("dawn", "morning", "noon", "afternoon", "evening", "night")
    assert adjacent_times("night", "dawn") and adjacent_times("dawn", "morning")
    assert adjacent_times("evening", "evening")
    assert not adjacent_times("dawn", "evening") and not adjacent_times("morning", "afternoon")


PUBLISHED = dt.date(2024, 6, 11)
DAWN = "غارات على سراقب\nقتل أربعة مدنيين بغارات جوية على مدينة سراقب في ريف إدلب فجر اليوم."
EVENING = "قصف جوي على سراقب\nقتل خمسة مدنيين بغارات جوية استهدفت مدينة سراقب بريف إدلب مساء اليوم."
MORNING = "سراقب تحت القصف\nأصيب ستة مدنيين بغارات جوية على مدينة سراقب جنوب شرقي إدلب صباح اليوم."


def document(doc_id: str, text: str, outlet: str) -> Document:
    return analyze(Article(doc_id=doc_id, text=text, origin=f"{doc_id}.txt", published=PUBLISHED,
                           outlet=outlet))


def one_incident(*docs: Document):
    incidents = build_incidents(docs)
    assert [sorted(i.doc_ids) for i in incidents] == [sorted(d.doc_id for d in docs)]
    return incidents[0]


def test_dawn_against_evening_is_a_contradiction():
    dawn, evening = document("dawn-report", DAWN, "Outlet A"), document("evening-report", EVENING, "Outlet B")
    assert (dawn.event_date.text, evening.event_date.text) == ("فجر اليوم", "مساء اليوم")
    inc = one_incident(dawn, evening)
    [found] = [c for c in inc.contradictions if c.kind == "time_of_day"]
    assert found.claims == ()
    assert found.note == "dawn-report says dawn (فجر اليوم), evening-report says evening (مساء اليوم)"
    exported = [c for c in incident_json(inc)["contradictions"] if c["kind"] == "time_of_day"]
    assert exported == [{"kind": "time_of_day", "note": found.note, "claims": []}]


def test_dawn_and_morning_are_neighbours():
    inc = one_incident(document("dawn-report", DAWN, "Outlet A"), document("morning-report", MORNING, "Outlet C"))
    assert [c for c in inc.contradictions if c.kind == "time_of_day"] == []


def test_reports_on_each_side_are_named():
    inc = one_incident(document("dawn-report", DAWN, "Outlet A"), document("morning-report", MORNING, "Outlet C"),
                       document("evening-report", EVENING, "Outlet B"))
    [found] = [c for c in inc.contradictions if c.kind == "time_of_day"]
    assert found.note == ("dawn-report says dawn (فجر اليوم), morning-report says morning (صباح اليوم), "
                          "evening-report says evening (مساء اليوم)")


def test_a_report_without_a_part_of_the_day_raises_none():
    undated_hour = "غارات على سراقب\nقتل ثلاثة مدنيين بغارات جوية على مدينة سراقب في ريف إدلب اليوم."
    inc = one_incident(document("dawn-report", DAWN, "Outlet A"), document("day-report", undated_hour, "Outlet D"))
    assert [c for c in inc.contradictions if c.kind == "time_of_day"] == []
