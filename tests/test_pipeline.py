"""The per-article pipeline: stage order and swapping a stage."""
from __future__ import annotations

import pytest

from rasd.ingest import article_from_text
from rasd.model import Claim, Source
from rasd.pipeline import STAGES, Stage, analyze, check_stages

TEXT = "قصف على أريحا\nقتل ثلاثة مدنيين بقصف مدفعي على مدينة أريحا اليوم."


def test_stages_need_what_earlier_stages_assign():
    claims_first = [s for s in STAGES if s.name == "claims"] + [s for s in STAGES if s.name != "claims"]
    with pytest.raises(ValueError, match="claims"):
        check_stages(claims_first)


def test_a_stage_can_be_replaced():
    fixed = Claim("killed", 7, 7, (0, 1), (0, 1), Source("model", "other"))
    stages = [s if s.name != "claims" else Stage("claims", lambda state: (fixed,), ("sentences",)) for s in STAGES]
    doc = analyze(article_from_text(TEXT, published="2024-03-05"), stages)
    assert doc.claims == (fixed,)
    assert doc.places and doc.places[0].name_en    # the other stages still ran


def test_claims_carry_the_places_of_their_sentence():
    doc = analyze(article_from_text(TEXT, published="2024-03-05", outlet="X"))
    [claim] = doc.claims
    assert (claim.kind, claim.min) == ("killed", 3)
    assert claim.places == ("أريحا",)


@pytest.mark.parametrize("text, outlet, gone, kept", [
    ("دمشق-دانا\nصرّح مصدر عسكري بأن غارات استهدفت نقاطاً في محيط مدينة الكسوة.",
     "وكالة دمشق للأنباء (دانا)", "دانا", "الكسوة"),
    ("دير الزور – الميادين\nقصفت طائرات مجهولة مواقع في بادية مدينة البوكمال فجر اليوم.",
     "قناة الميادين", "الميادين", "البوكمال"),
    ("بيروت / الميادين\nأفادت مصادر محلية بسقوط قذائف على بلدة القصير في ريف حمص.",
     "الميادين", "الميادين", "القصير"),
])
def test_the_outlets_own_name_after_a_dateline_dash_is_no_place(text, outlet, gone, kept):
    """"دمشق-دانا", "دير الزور – الميادين": the report's outlet signs its dateline; its name is
    no place there (al-Mayadin of Deir ez-Zor, Dana of Idlib), though it is elsewhere."""
    doc = analyze(article_from_text(text, published="2024-03-05", outlet=outlet))
    names = [p.text for p in doc.places]
    assert gone not in names and kept in names, names


def test_a_place_the_outlet_is_named_after_stays_a_place_in_its_body():
    doc = analyze(article_from_text("شنّت طائرات مجهولة غارات على مدينة الميادين فجر اليوم.",
                                    published="2024-03-05", outlet="قناة الميادين"))
    assert [p.text for p in doc.places] == ["الميادين"]
