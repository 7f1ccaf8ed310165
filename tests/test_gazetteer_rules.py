"""The Who's On First / OpenSyria gazetteer and the rules that keep it precise.

Each rule is shown on sentences written for these tests (never taken from the dev reports).
"""
from __future__ import annotations

import pickle
from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st

from rasd.geo import geo_precision
from rasd.geo.gazetteer import DATA, INDEX, _from_index, _to_index, build, fingerprint, load
from rasd.geo.geocode import _frequent_words, _SortedWords, _spelt_so, find_places
from rasd.geo.translit import arabic_skeleton, latin_skeleton
from rasd.model import PlaceMention
from rasd.text.normalize import fold_term


def places(text: str) -> list[PlaceMention]:
    found = list(find_places(text))
    for m in found:
        assert text[m.span[0]:m.span[1]] == m.text, m
    return found


def named(text: str, name: str) -> PlaceMention | None:
    """The mention of ``name`` in ``text`` (compared folded), if it was found."""
    return next((m for m in places(text) if fold_term(m.text) == fold_term(name)), None)


# --- the data and its index ------------------------------------------------------------------

def test_index_is_fresh_and_equal_to_a_build() -> None:
    with INDEX.open("rb") as fh:
        stamp = pickle.load(fh)[0]
    assert stamp == fingerprint(), "run scripts/build_gazetteer.py or python -m rasd.geo.gazetteer"
    built = build()
    again = _from_index(_to_index(built, "x"))
    assert tuple(again.places) == built.places and again.names == built.names
    assert again.starts == built.starts and again.skeletons == built.skeletons


def test_frequent_words_read_block_by_block_as_the_whole_list() -> None:
    lines = (DATA / "frequent_words.txt").read_text(encoding="utf-8").splitlines()
    words = frozenset(line for line in lines if line and not line.startswith("#"))
    assert [line for line in lines if not line.startswith("#")] == sorted(words)   # what the blocks need
    read = _frequent_words()
    probes = [*words, *(w[:-1] for w in words), *(w + "ة" for w in words), "", "ب", "#", lines[0]]
    assert [p for p in probes if p in read] == [p for p in probes if p in words]


letters = st.sampled_from("ابتلمن")


@settings(max_examples=100, deadline=None)
@given(st.lists(st.text(letters, min_size=1, max_size=4), unique=True),
       st.lists(st.text(letters, max_size=5), max_size=20))
def test_sorted_words_answer_as_a_set(words: list[str], probes: list[str]) -> None:
    read = _SortedWords("".join(w + "\n" for w in sorted(words)))
    for probe in [*words, *probes]:
        assert (probe in read) == (probe in words), probe


def test_gazetteer_covers_syria_and_its_neighbours() -> None:
    by_country: dict[str, int] = {}
    for p in load().places:
        by_country[p.country] = by_country.get(p.country, 0) + 1
    assert by_country["SY"] > 9000
    assert all(by_country.get(cc, 0) > 100 for cc in ("IQ", "LB", "PS", "YE", "LY"))


def test_syrian_villages_have_governorate_and_district() -> None:
    syrian = [p for p in load().places if p.country == "SY" and p.kind in ("village", "town")]
    with_both = [p for p in syrian if p.admin1 and p.admin2]
    assert len(with_both) / len(syrian) > 0.95


def test_attribution_names_every_source() -> None:
    text = (DATA / "ATTRIBUTION.md").read_text(encoding="utf-8")
    for needed in ("Data from Who's On First", "whosonfirst.org/docs/licenses", "GeoNames", "CC BY 4.0",
                   "OpenSyria", "wordfreq", "variants.tsv"):
        assert needed in text


def test_the_package_does_not_read_the_shared_folder() -> None:
    geo = Path(__file__).resolve().parent.parent / "src" / "rasd" / "geo"
    for source in geo.glob("*.py"):
        code = source.read_text(encoding="utf-8")
        assert "shared/" not in code and '"shared"' not in code, source


# --- disambiguation by the governorate or district the report names ------------------------

@pytest.mark.parametrize(("text", "name", "admin1"), [
    ("قصفت قوات النظام قرية الخيارة بريف إدلب الجنوبي", "الخيارة", "Idlib"),
    ("سقطت قذائف على بلدة الخيارة في ريف دمشق صباح اليوم", "الخيارة", "Rif Dimashq"),
    ("وفي محافظة الحسكة، استهدفت مسيّرة تركية قرية القاسمية", "القاسمية", "Al-Hasakah"),
    ("داهمت دورية قرية القاسمية قرب دوما في ريف دمشق", "القاسمية", "Rif Dimashq"),
    ("تعرضت قرية الصابونية بريف جرابلس لقصف مدفعي", "الصابونية", "Aleppo"),
    ("قتل مدني برصاص مجهولين في قرية الصابونية غربي حمص", "الصابونية", "Homs"),
    # a name written with the article finds the record without it: the Syrian records are
    # article-less ("شيخ سعد", "دردارة", "حويجة"); those with it lie in the West Bank, Tartus, Kirkuk
    ("أغار الطيران على موقع غرب بلدة الشيخ سعد في ريف درعا الغربي", "الشيخ سعد", "Daraa"),
    ("أصيب أربعة بينهم ثلاثة أطفال بغارة قرب الشيخ سعد بريف درعا", "الشيخ سعد", "Daraa"),
    ("قصفت المدفعية التركية قرية الدردارة في ريف تل تمر شمال غربي الحسكة", "الدردارة", "Al-Hasakah"),
    ("في محافظة الحسكة قُتل طفل بانفجار لغم في الحويجة", "الحويجة", "Al-Hasakah"),
])
def test_a_repeated_village_name_is_settled_by_the_named_governorate(text: str, name: str, admin1: str) -> None:
    m = named(text, name)
    assert m is not None and m.admin1 == admin1 and m.country == "SY"


def test_the_record_with_the_article_stays_where_the_report_names_its_area() -> None:
    m = named("قتل راع في بادية الرصافة بريف الرقة الجنوبي", "الرصافة")
    assert m is not None and m.admin1 == "Raqqa", m


def test_the_named_district_wins_over_the_governorate_alone() -> None:
    m = named("تعرضت قرية الصابونية بريف جرابلس لقصف", "الصابونية")
    assert m is not None and m.admin2 == "Jarabulus"


def test_a_town_beats_a_village_of_its_name_without_a_place_word() -> None:
    assert named("زار الوزير القاهرة الأسبوع الماضي", "القاهرة").country == "EG"
    assert named("وصل الوفد إلى القاهرة للتفاوض", "القاهرة").country == "EG"
    village = named("قصفت قوات النظام قرية القاهرة بريف حماة", "القاهرة")
    assert (village.country, village.admin1) == ("SY", "Hama")


# --- small villages: a place word, or their area named -------------------------------------

@pytest.mark.parametrize("text", [
    "قصفت طائرة حربية قرية فليفل في جبل الزاوية",
    "نزحت عائلات من أرمنايا في ريف إدلب الجنوبي",
    "سقطت قذيفة في فليفل بريف إدلب",
])
def test_a_small_village_counts_with_a_place_word_or_its_governorate(text: str) -> None:
    found = [m for m in places(text) if m.admin1 == "Idlib" and m.precision == "town"]
    assert found and found[0].gazetteer_id.startswith("wof:")


@pytest.mark.parametrize("text", [
    "قال إن فليفل تعرضت للقصف",          # no place word, no governorate
    "في فليفل",
    "نزحت عائلات من أرمنايا",
])
def test_a_small_village_alone_is_not_a_place(text: str) -> None:
    assert places(text) == []


@pytest.mark.parametrize(("text", "second"), [
    ("قصفت الطائرات بلدتي كفر حوري ومعرزاف صباح اليوم", "معرزاف"),      # dual, genitive
    ("تعرضت قريتا شيخ حسن الكبيرة ومرعناز لقصف مدفعي", "مرعناز"),      # dual, nominative
    ("طال القصف قرى شيخ حسن الكبيرة ومرعناز", "مرعناز"),               # plural
    ("سقطت قذائف على قريتي كوندك وتل زيوان قرب الحدود", "تل زيوان"),   # a two-word second name
])
def test_the_second_place_after_a_pair_word_is_a_place(text: str, second: str) -> None:
    assert named(text, second) is not None
    without = text.replace("بلدتي ", "").replace("قريتا ", "").replace("قرى ", "").replace("قريتي ", "")
    if second != "تل زيوان":     # "على" already cues that one
        assert named(without, second) is None


@pytest.mark.parametrize("text", [
    "قريتي كانت هادئة طوال الأشهر الماضية ومرعناز",     # too far from the pair word
    "عاد إلى بلدتي، ومرعناز",                            # punctuation between
    "زرنا قريتي الأم. ومرعناز",
])
def test_a_pair_word_reaches_only_its_own_phrase(text: str) -> None:
    assert named(text, "مرعناز") is None


@pytest.mark.parametrize(("text", "name", "area"), [
    ("سقطت قذيفة على قرية الحميرات بريف تل تمر الشمالي", "الحميرات", "Tall Tamr"),
    ("استهدفت مسيّرة بلدة خربة الدويرة شرقي مدينة عامودا", "خربة الدويرة", "‘Āmūdā"),      # a head word
    ("قتل طفلان في مزرعة أبو صفيرة التابعة لناحية عين عيسى", "أبو صفيرة", "‘Ayn ‘Īsá"),
    ("أصيبت امرأة في قرية الحميرات الشرقية قرب عامودا", "الحميرات الشرقية", "‘Āmūdā"),  # a tail word
])
def test_a_village_the_gazetteer_lacks_is_coded_at_the_area_named_beside_it(text: str, name: str, area: str) -> None:
    village = named(text, name)
    beside = next(m for m in places(text) if m.name_en == area)
    assert village is not None and not village.listed
    assert (village.lat, village.lon, village.admin1) == (beside.lat, beside.lon, beside.admin1)
    assert village.precision == "town" and geo_precision(village) == 2


@pytest.mark.parametrize(("text", "name", "area"), [
    ("استهدفت غارة مدجنة في محيط قرية الشيخ بحر شمالي حماة", "الشيخ بحر", "Ḩamāh"),
    ("قتل راع بقذيفة على أطراف قرية تل نور شرقي مدينة عامودا", "تل نور", "‘Āmūdā"),
    ("أصيب طفلان في بلدة عين سلام بريف جسر الشغور", "عين سلام", "Jisr ash Shughūr"),
])
def test_a_frequent_word_after_a_name_head_is_part_of_an_unlisted_name(text: str, name: str, area: str) -> None:
    """"بحر" (sea), "نور" (light) alone are no village's name, but after "الشيخ", "تل", "عين" they are."""
    village = named(text, name)
    assert village is not None and not village.listed and village.name_en == f"near {area}"


@pytest.mark.parametrize(("text", "name", "area"), [
    ('قتل طفل بقصف على قرية "الحريجية" في ريف إدلب الجنوبي', "الحريجية", "Idlib"),
    ("سقطت قذائف على مخيم “مريم” قرب بلدة سرمدا شمالي إدلب", "مريم", "Sarmada"),   # a frequent word
    ("أصيب طفل بقصف طال مخيم (الكرامة) قرب أطمة", "الكرامة", "Atmeh"),
])
def test_a_name_in_quotes_after_a_place_word_is_a_village_the_gazetteer_lacks(text: str, name: str,
                                                                               area: str) -> None:
    """Outlets quote the names of villages and camps ("مخيم “مريم”"): the quotes mark a name,
    coded at its area like one written bare."""
    village = named(text, name)
    assert village is not None and not village.listed and village.name_en == f"near {area}"


@pytest.mark.parametrize(("text", "name", "name_en"), [
    ("قصفت المدفعية قرية «تل مرق» في ريف حلب", "تل مرق", "Tall Maraq"),
    ('سقطت قذيفة على قرية "تل مرق" غربي حلب', "تل مرق", "Tall Maraq"),
    ("استهدفت غارة قرية “الحميدية” بريف حماة", "الحميدية", "Al Hamidiyah"),   # not Quneitra's
])
def test_a_place_word_before_a_quoted_name_is_still_its_cue(text: str, name: str, name_en: str) -> None:
    """"قرية «تل مرق»": the village word reaches the name across the quote, as it does a bare one."""
    village = named(text, name)
    assert village is not None and village.listed and village.name_en == name_en


def test_a_quote_left_open_names_no_village() -> None:
    assert all(m.listed for m in places('قتل طفل بقصف على قرية "الحريجية في ريف إدلب الجنوبي'))


@pytest.mark.parametrize(("text", "name", "head"), [
    ("أصيب مدنيان بقصف على قرية حمام التركمان التابعة لمنطقة تل أبيض", "حمام التركمان", "حمام"),
    ("استهدفت مسيرة بلدة حمام الزهور شمالي مدينة الباب", "حمام الزهور", "حمام"),
    ("وقتل راع في قرية حمام العليل قرب مدينة جسر الشغور", "حمام العليل", "حمام"),
])
def test_a_name_head_the_gazetteer_knows_alone_does_not_cut_a_longer_village_name(text: str, name: str,
                                                                                   head: str) -> None:
    """"قرية حمام التركمان" is not Hammam (a place named "حمام" elsewhere): the whole name, unlisted."""
    assert named(text, name) is not None
    assert all(m.text != head for m in places(text))


@pytest.mark.parametrize("text", [
    "وكانت العائلة عائدة من زيارة أقارب لها في البلدة",
    "وصل الوزير إلى العاصمة في زيارة رسمية تستمر يومين",
    "وذلك في تبني رسمي للضربة التي نفذتها الطائرات",
])
def test_a_frequent_word_after_a_preposition_is_no_place_named_with_the_article(text: str) -> None:
    """"من زيارة أقارب" is a visit, not al-Ziyarah of Hama; "في تبني" an adoption, not al-Tibni."""
    assert places(text) == []


def test_the_place_named_with_the_article_or_its_village_word_is_still_read() -> None:
    assert [m.text for m in places("قصف مدفعي على قرية الزيارة في سهل الغاب")][:1] == ["الزيارة"]
    assert [m.text for m in places("سقطت قذائف على بلدة التبني غرب دير الزور")][:1] == ["التبني"]


@pytest.mark.parametrize(("text", "name", "tail"), [
    ("قتل رجلان بقصف على قرية عين الحمرا في ريف إدلب", "عين الحمرا", "الحمرا"),
    ("أصيبت امرأة بقذيفة سقطت على بلدة تل الحمرا بريف حلب الشرقي", "تل الحمرا", "الحمرا"),
    ("سقطت قذيفة على مزرعة بئر الحمرا شرقي حمص", "بئر الحمرا", "الحمرا"),
])
def test_a_catalogued_name_after_a_name_head_is_the_tail_of_a_longer_village_name(text: str, name: str,
                                                                                   tail: str) -> None:
    """"قرية عين الحمرا في ريف إدلب" is not al-Hamra of Hama: the whole name, unlisted, at its area."""
    whole = named(text, name)
    assert whole is not None and not whole.listed
    assert all(m.text != tail for m in places(text))


@pytest.mark.parametrize("text", [
    "قصفت المدفعية قرية مجاورة لمدينة إدلب",            # a frequent word
    "سقطت قذائف على مخيم للنازحين قرب سرمدا",           # a preposition on the word
    "قصفت الطائرات قرية الحميرات. وفي إدلب قتل مدني",   # no area in its sentence
    "قصفت الطائرات قرية الحميرات",                      # no area at all
])
def test_no_unlisted_village_without_a_name_and_an_area(text: str) -> None:
    assert all(m.listed for m in places(text))


@pytest.mark.parametrize(("text", "village", "admin1"), [
    ("توغلت قوات إسرائيلية في بلدة طرنجة بريف القنيطرة", "طرنجة", "Quneitra"),
    ("سقطت قذيفة على قرية بريقة بريف القنيطرة الجنوبي", "بريقة", "Quneitra"),
    ("أصيب راع في قرية المعلقة بريف القنيطرة", "المعلقة", "Quneitra"),
    ("قصف على قرية طرنجة جنوب القنيطرة", "طرنجة", "Quneitra"),
    ("قصف على قرية المعلقة قرب القنيطرة", "المعلقة", "Quneitra"),
])
def test_the_countryside_of_a_governorate_places_a_village_though_villages_share_its_name(text, village, admin1):
    m = named(text, village)
    assert m is not None and m.admin1 == admin1


@pytest.mark.parametrize(("text", "quarter", "city"), [
    ("سقطت صواريخ على حي الثورة وشارع الثلاثين بمدينة إدلب", "الثورة", "Idlib"),      # a frequent word
    ("قتل مدنيان بقذيفة في حي القصور في مدينة دير الزور", "القصور", "Deir ez-Zor"),   # a village of Raqqa
    ("أصيبت طفلة برصاص قناص في حي الحميدية بحماة", "الحميدية", "Ḩamāh"),            # villages elsewhere
    ("انفجرت عبوة بسيارة في حي الصحافة بمنطقة المحطة في مدينة درعا", "الصحافة", "Dar‘ā"),
    ("🔴 عاجل | قذائف على حي القصور بمدينة #دير_الزور الآن", "القصور", "Deir ez-Zor"),   # a hashtag
])
def test_a_quarter_is_in_the_city_named_after_it(text: str, quarter: str, city: str) -> None:
    m = named(text, quarter)
    beside = next(p for p in places(text) if p.name_en == city)
    assert m is not None and not m.listed and (m.lat, m.lon, m.admin1) == (beside.lat, beside.lon, beside.admin1)


@pytest.mark.parametrize(("text", "quarter", "english"), [
    ("قصفت قوات قسد حي الشيخ مقصود في حلب", "الشيخ مقصود", "Sheikh Maqsoud"),     # a catalogued quarter
    ("انهار مبنى في حي جوبر، وأصيب طفل في عدوان بريف إدلب", "جوبر", "Jobar"),        # another clause
])
def test_a_catalogued_quarter_or_one_without_its_city_keeps_its_entry(text: str, quarter: str, english: str) -> None:
    m = named(text, quarter)
    assert m is not None and m.listed and m.name_en == english


@pytest.mark.parametrize(("text", "town"), [
    ("أصيب أربعة أطفال في قرية المجيبرة شمال شرق ناحية تل تمر", "تل تمر"),
    ("سقطت قذائف على قرية كندك التابعة لناحية الدرباسية", "الدرباسية"),
    ("تعرضت قرى ناحية عين عيسى لقصف مدفعي عنيف", "عين عيسى"),
    ("قصفت المسيرات مواقع في ناحيتي عامودا والدرباسية", "عامودا"),
])
def test_a_subdistrict_named_after_its_town_is_the_area_around_it(text: str, town: str) -> None:
    m = named(text, town)
    assert m is not None and m.near and m.precision == "district" and geo_precision(m) == 2


@pytest.mark.parametrize(("text", "village"), [
    ("استهدفت مسيرة سيارة مدنية عند مفرق حلفايا على طريق محردة", "حلفايا"),
    ("قتل شاب برصاص مجهولين عند مفرق بلدة اليادودة في ريف درعا الغربي", "اليادودة"),
    ("سقطت قذيفة على حاجز عند مفرق سرمين شرقي إدلب", "سرمين"),
])
def test_a_junction_named_after_a_village_is_near_it(text: str, village: str) -> None:
    """"مفرق X", the turn-off to X on a main road: near the village (ACLED precision 2)."""
    m = named(text, village)
    assert m is not None and m.near and geo_precision(m) == 2


# --- common words that are also a village's name --------------------------------------------

@pytest.mark.parametrize("text", [
    "لم تعرف هوية المهاجمين حتى الآن",
    "وصف الشهود المشهد بأنه مروع",
    "تصاعدت موجات الهجرة نحو أوروبا",
    "وقع الحادث عند المفرق المؤدي إلى البلدة",
    "قالت وزارة الدفاع إن قواتها ردت على مصادر النيران",
    "قصفت الطائرات أحياء سكنية في المدينة",
])
def test_common_words_are_not_villages(text: str) -> None:
    assert [m.text for m in places(text) if m.precision == "town"] == []


@pytest.mark.parametrize(("text", "name", "admin1"), [
    ("قصفت قوات النظام قرية الهوية في ريف السويداء", "الهوية", "As-Suwayda"),
    ("سقطت قذيفة على قرية المشهد في ريف إدلب", "المشهد", "Idlib"),
    ("اشتباكات عنيفة في محيط قرية المشهد بريف إدلب الشمالي", "المشهد", "Idlib"),
])
def test_common_words_are_villages_after_a_place_word(text: str, name: str, admin1: str) -> None:
    m = named(text, name)
    assert m is not None and m.admin1 == admin1


# --- variants: directions, the article, Kurdish and local names ----------------------------

@pytest.mark.parametrize(("text", "written", "admin1"), [
    ("قصف على قرية فليفل الشمالية بريف إدلب", "فليفل الشمالية", "Idlib"),
    ("قصف مدفعي على قرية طيسيا الغربية في ريف درعا", "طيسيا الغربية", "Daraa"),
    ("سقطت قذائف على بلدة طيسيا الشرقي بريف درعا", "طيسيا الشرقي", "Daraa"),
])
def test_a_directional_suffix_reads_as_the_village(text: str, written: str, admin1: str) -> None:
    m = next(m for m in places(text) if m.text == written)
    assert m.admin1 == admin1 and m.precision == "town"


def test_a_directional_village_is_known_by_its_stem() -> None:
    stem = named("قصفت المدفعية قرية الضحاك", "الضحاك")
    full = named("قصفت المدفعية بلدة الضحاك التحتاني", "الضحاك التحتاني")
    assert stem is not None and full is not None and stem.gazetteer_id == full.gazetteer_id


@pytest.mark.parametrize(("text", "written", "key"), [
    ("اشتباكات في حي شيخ مقصود بحلب", "شيخ مقصود", "supplement:sheikh-maqsoud"),
    ("قصفت الفصائل حي الشيخ مقصود في حلب", "الشيخ مقصود", "supplement:sheikh-maqsoud"),
    ("توترت الأوضاع في شيخ مقصود شمال حلب", "شيخ مقصود", "supplement:sheikh-maqsoud"),
])
def test_a_multiword_name_without_its_article(text: str, written: str, key: str) -> None:
    m = named(text, written)
    assert m is not None and m.gazetteer_id == key


@pytest.mark.parametrize(("text", "written", "english"), [
    ("قصفت المدفعية التركية محيط سري كانيه", "سري كانيه", "Ra’s al ‘Ayn"),
    ("دخلت القوات التركية إلى كري سبي", "كري سبي", "Tall Abyaḑ"),
    ("وفي تربه سبيه شرق القامشلي انفجرت عبوة", "تربه سبيه", "Al Qaḩţānīyah"),
    ("سقطت قذائف على بلدة زركان بريف الحسكة", "زركان", "Tall Abu Rasayn"),
    ("قصفت المسيرات مدينة دربيسية اليوم", "دربيسية", "Ad Darbāsīyah"),        # not Quneitra's Darbashiyah
    ("سقطت قذائف على ناحية موباتا بريف عفرين", "موباتا", "Al Ma‘baţlī"),
    ("غارات تركية على مركز ناحية جندريسه", "جندريسه", "Jindayris"),
    ("دخلت القوات التركية إلى گري سبي", "گري سبي", "Tall Abyaḑ"),
    ("وقصفت الطائرات بلدة جنديرسه جنوب غرب عفرين", "جنديرسه", "Jindayris"),
    ("نزحت العائلات من قرية بلبله شمال عفرين", "بلبله", "Bulbul"),
])
def test_kurdish_names_from_the_variants_file(text: str, written: str, english: str) -> None:
    m = named(text, written)
    assert m is not None and m.name_en == english and m.country == "SY"


@pytest.mark.parametrize("text", [
    "سقطت قذائف على بلدة زركان بريف الحسكة",
    "قصفت المدفعية التركية محيط ناحية زركان شمال تل تمر",
    "أصيب مدنيان بقصف تركي على قرى زركان وتل تمر",
])
def test_a_variant_row_with_a_district_picks_that_districts_namesake(text: str) -> None:
    # Zirgan is Abu Rasin of Ras al-Ayn district; a "تل ابو راسين" of Qamishli district and an
    # "أبو راسين" south of Hasakah city are other villages.
    m = named(text, "زركان")
    assert m is not None and m.admin2 == "Ras al-Ayn" and m.lat > 36.7


@pytest.mark.parametrize(("text", "local", "official"), [
    ("قصفت مسيرة تركية مدينة كوباني، وهي مدينة عين العرب", "كوباني", "عين العرب"),
    ("سقطت قذيفة في كوبانى بعد يوم من قصف عين العرب", "كوبانى", "عين العرب"),
    ("هاجم التنظيم حاجزاً قرب الشدادي، على طريق الشدادة جنوب الحسكة", "الشدادي", "الشدادة"),
    ("نُقلت عائلات من بلدة الهول، وتقع بلدة الحول شرق الحسكة", "الهول", "الحول"),
])
def test_a_local_name_is_the_same_place_as_the_official_one(text: str, local: str, official: str) -> None:
    a, b = named(text, local), named(text, official)
    assert a is not None and b is not None and a.gazetteer_id == b.gazetteer_id


@pytest.mark.parametrize("text", [
    "اشتباكات بين فصائل الجيش الوطني ومجلس منبج العسكري على خطوط التماس",
    "قال مجلس دير الزور العسكري إن قواته اعتقلت خلية",
    "أعلن المجلس المحلي في بيان أن مجلس الباب المحلي علّق الدوام",
])
def test_a_council_named_after_a_town_is_not_the_town(text: str) -> None:
    assert places(text) == []


@pytest.mark.parametrize(("text", "town"), [
    ("قتل مزارعان قرب قرية خراب عشق في ريف مقاطعة كوباني الجنوبي", "كوباني"),
    ("سقطت قذائف على قرى بريف مقاطعة عفرين", "عفرين"),
    ("تعرضت أطراف مقاطعة الحسكة لقصف تركي", "الحسكة"),
])
def test_a_canton_is_an_area_word_and_keeps_the_countryside_before_it(text: str, town: str) -> None:
    m = named(text, town)
    assert m is not None and m.near and geo_precision(m) >= 2


@pytest.mark.parametrize(("text", "alias"), [
    ("قتل مزارعان جنوبي مدينة عين العرب (كوباني) بمسيرة", "كوباني"),
    ("سقطت قذائف قرب مدينة رأس العين (سري كانيه) اليوم", "سري كانيه"),
    ("أصيب طفل بقصف على محيط بلدة تل أبيض (كري سبي)", "كري سبي"),
])
def test_a_name_in_brackets_is_read_with_the_words_before_the_first(text: str, alias: str) -> None:
    m = named(text, alias)
    assert m is not None and m.near


@pytest.mark.parametrize(("text", "written", "english"), [
    ("قصفت مسيرة تركية قرية زورافا في ريف كوباني", "زورافا", "Zarwik"),
    ("سقطت قذائف على قرية زورافه غرب كوباني", "زورافه", "Zarwik"),
    ("استهدفت المدفعية قرية مينازا بريف عين العرب", "مينازا", "Minas"),
    ("انفجرت عبوة قرب قرية كري زيرا في ريف المالكية", "كري زيرا", "Tall `Adas"),
])
def test_a_kurdish_final_e_is_written_with_ha_or_alif(text: str, written: str, english: str) -> None:
    """WOF's Kurdish names end in ە ("زۆراڤە"); Arabic reports write it ه or ا."""
    m = named(text, written)
    assert m is not None and m.name_en == english


# --- transliteration: places known only by a Latin name -------------------------------------

@pytest.mark.parametrize(("arabic", "latin"), [
    ("تل تنينير", "Tall Tunaynir"),
    ("تل الفرس", "Tall al Faras"),
    ("فهد السيد", "Fahd as Sayyid"),
    ("القامشلي", "Al-Qamishli"),
    ("الشيخ أحمد", "Ash Shaykh Ahmad"),
    ("عين العرب", "‘Ayn al ‘Arab"),
])
def test_skeletons_agree_both_ways(arabic: str, latin: str) -> None:
    assert arabic_skeleton(fold_term(arabic)) == latin_skeleton(latin)


@pytest.mark.parametrize(("arabic", "latin"), [
    ("تل تمر", "Tall Birak"),
    ("الحسكة", "Al Qamishli"),
    ("دير الزور", "Dar'a"),
])
def test_different_names_have_different_skeletons(arabic: str, latin: str) -> None:
    assert arabic_skeleton(fold_term(arabic)) != latin_skeleton(latin)


@pytest.mark.parametrize(("text", "english"), [
    ("قصفت المدفعية قرية تل تنينير جنوب الحسكة", "Tall Tunaynir"),
    ("نزح أهالي قرية تل الفرس بعد القصف", "Tall al Faras"),
    ("وصلت تعزيزات إلى مخيم فهد السيد", "Fahd as Sayyid"),
])
def test_a_latin_only_village_is_found_after_a_place_word(text: str, english: str) -> None:
    assert english in [m.name_en for m in places(text)]


@pytest.mark.parametrize("text", [
    "وصلنا إلى تل تنينير مساء",
    "قال إن تل الفرس هادئة",
    "التقى فهد السيد بالوفد",
])
def test_a_latin_only_village_is_never_free_floating(text: str) -> None:
    assert places(text) == []


# --- the north-east, Idlib and Daraa: villages the GeoNames extract lacked -----------------

@pytest.mark.parametrize(("text", "name", "admin2"), [
    ("دورية روسية في قرية تل أمية بريف المالكية", "تل أمية", "Al-Malikiyah"),
    ("سقط جرحى في قرية متلوتة الكبيرة بريف القامشلي", "متلوتة الكبيرة", "Al-Qamishli"),
    ("قصفت القوات التركية قرية تل تاتين قرب القامشلي", "تل تاتين", "Al-Qamishli"),
    ("استهدفت مسيرة قرية الدشيشة جنوب الحسكة", "الدشيشة", "Al-Hasakah"),
    ("قصف تركي على قرية أشمة في ريف كوباني", "أشمة", "Ayn al-Arab"),
    ("نزوح من قرية أغجلي بريف عين العرب", "أغجلي", "Ayn al-Arab"),
])
def test_north_east_villages(text: str, name: str, admin2: str) -> None:
    m = named(text, name)
    assert m is not None and m.admin2 == admin2 and m.gazetteer_id.startswith("wof:")


@pytest.mark.parametrize(("text", "name", "admin1"), [
    ("قصفت طائرة روسية قرية أبو الخسة بريف إدلب", "أبو الخسة", "Idlib"),
    ("اشتباكات في قرية قليعة العين قرب جسر الشغور", "قليعة العين", "Idlib"),
    ("استهدف القصف بلدة مشون في جبل الزاوية", "مشون", "Idlib"),
    ("قصف مدفعي على بلدة طيسيا بريف درعا", "طيسيا", "Daraa"),
    ("اغتيال شاب في قرية موتبين بريف درعا الشمالي", "موتبين", "Daraa"),
    ("حملة دهم في بلدة رقة الجنيمان شمال درعا", "رقة الجنيمان", "Daraa"),
])
def test_idlib_and_daraa_villages(text: str, name: str, admin1: str) -> None:
    m = named(text, name)
    assert m is not None and m.admin1 == admin1 and m.gazetteer_id.startswith("wof:")


# --- countryside and ACLED precision --------------------------------------------------------

@pytest.mark.parametrize(("text", "name"), [
    ("قصفت المدفعية قرى بريف حلب الشمالي", "حلب"),
    ("سقطت قذائف على ريف منبج الغربي", "منبج"),
    ("تحليق مكثف في ريفي إدلب وحماة", "حماة"),
    ("اشتباكات شرق سراقب", "سراقب"),
])
def test_the_countryside_of_a_place_is_near_it(text: str, name: str) -> None:
    m = named(text, name)
    assert m is not None and m.near and geo_precision(m) == 2


@pytest.mark.parametrize(("text", "name", "precision"), [
    ("قصفت الطائرات قرية فليفل في ريف إدلب", "فليفل", 1),
    ("سقطت قذيفة على مدينة سراقب", "سراقب", 1),
    ("قصفت الطائرات أطراف بريف إدلب الجنوبي", "إدلب", 2),
    ("قرب منبج انفجرت سيارة", "منبج", 2),
    ("أعلنت محافظة درعا حظر التجوال", "درعا", 3),
    ("تعيش سوريا أزمة اقتصادية", "سوريا", 3),
])
def test_geo_precision(text: str, name: str, precision: int) -> None:
    m = named(text, name)
    assert m is not None and geo_precision(m) == precision


# --- the area named right after a village, and links to other articles ----------------------

@pytest.mark.parametrize(("text", "admin1"), [
    ("داهمت دورية قرية القاسمية في محافظة الحسكة.\nوفي ريف دمشق قصف على دوما وحرستا ومسرابا", "Al-Hasakah"),
    ("قصف على دوما وحرستا في ريف دمشق، ثم داهمت دورية قرية القاسمية بريف الحسكة", "Al-Hasakah"),
    ("داهمت دورية قرية القاسمية قرب دوما في ريف دمشق ثم انتقلت إلى محافظة الحسكة", "Rif Dimashq"),
])
def test_the_area_named_right_after_a_village_is_its_own(text: str, admin1: str) -> None:
    assert named(text, "القاسمية").admin1 == admin1


@pytest.mark.parametrize("link", [
    "اقرأ أيضاً: قصف على دوما وحرستا ومسرابا في ريف دمشق",
    "اقرأ أيضا:\nقصف على دوما وحرستا ومسرابا في ريف دمشق",
    "- شاهد أيضاً - غارات على دوما وحرستا ومسرابا بريف دمشق",
])
def test_places_in_a_link_to_another_article_do_not_settle_a_village(link: str) -> None:
    body = "داهمت دورية قرية القاسمية. وأفاد ناشطون من محافظة الحسكة بسماع إطلاق نار"
    assert named(f"{body}\n{link}", "القاسمية").admin1 == "Al-Hasakah"
    assert named(f"{body}\n{link.split(':')[-1].split(' - ')[-1]}", "القاسمية").admin1 == "Rif Dimashq"


@pytest.mark.parametrize("text", [
    "قالت وزارة الدفاع في محافظة طرطوس إن الوضع هادئ",     # و + "زارة", a village of Tartus
    "وزارة الصحة في طرطوس تعلن حصيلة جديدة",
    "أكدت الوزارة ووزارة الداخلية في طرطوس التزامهما",
])
def test_a_clitic_does_not_make_a_word_a_small_village(text: str) -> None:
    assert [m.text for m in places(text) if "زار" in m.text] == []


@pytest.mark.parametrize("text", [
    "قصفت الطائرات أحياء سكنية في ريف الحسكة",
    "تضررت قرى عديدة في ريف إدلب",
    "نزحت العائلات إلى مخيمات اللاجئين في ريف حلب",
])
def test_a_plural_place_word_does_not_make_a_common_word_a_village(text: str) -> None:
    assert [m.text for m in places(text) if m.precision == "town"] == []


@pytest.mark.parametrize("text", [
    "قصفت المدفعية قرى في محافظة الحسكة",
    "سقطت قذائف على مدينة في محافظة الحسكة",
    "استهدفت الغارات بلدات في محافظة الحسكة",
])
def test_a_place_word_is_never_a_place_name(text: str) -> None:
    assert [m.text for m in places(text)] == ["الحسكة"]


@pytest.mark.parametrize("text", [
    "وتجدر الإشارة إلى أن القصف تواصل حتى المساء",
    "في إشارة إلى التصعيد الأخير في المنطقة",
    "قال المتحدث مستنداً إلى ثورة الأهالي على الفساد",
    "وصلت سفن حربية إلى مياه الخليج",
])
def test_frequent_words_given_as_alternate_town_names_are_not_towns(text: str) -> None:
    assert places(text) == []


@pytest.mark.parametrize(("text", "name", "area"), [
    ("غارة استهدفت منزلاً في قرية الشعاب بريف السويداء الشرقي", "الشعاب", "As-Suwayda"),
    ("داهمت دورية منازل في بلدة الزور بريف دير الزور الشرقي", "الزور", "Deir ez-Zor"),
    ("سقطت قذائف على مخيم الأمل للنازحين قرب سرمدا", "الأمل", "Sarmada"),
])
def test_a_frequent_word_with_its_article_after_a_place_word_is_a_name(text: str, name: str, area: str) -> None:
    m = named(text, name)
    assert m is not None and not m.listed and m.name_en == "near " + area


@pytest.mark.parametrize(("text", "english"), [
    ("غارة جديدة على #دير_الزور فجر اليوم", "Deir ez-Zor"),
    ("#رأس_العين | قصف مدفعي على القرى المحيطة", "Ra’s al ‘Ayn"),
    ("قذائف على أطراف #تل_تمر و#عين_عيسى", "Tall Tamr"),
])
def test_a_hashtag_joins_a_names_words_with_underscores(text: str, english: str) -> None:
    assert english in [m.name_en for m in places(text)]


@pytest.mark.parametrize(("text", "misread"), [
    ("استشهدت المواطنة فاطمة العلي وطفلها بقصف مدفعي", "Atmeh"),   # فاطمة, not ف + اطمة
    ("أصيب الطفل كريم (9 أعوام) بشظايا القذيفة", "Rome"),          # كريم, not ك + ريم
    ("وأصيبت فاطمة وكريم بجروح طفيفة", "Rome"),                    # و + كريم, not وك + ريم
    ("درعا (بلاد الشام) – أصيب راع بقصف مدفعي", "Lod"),             # بلاد, not ب + لاد
])
def test_a_common_word_is_not_read_as_a_clitic_and_a_place(text: str, misread: str) -> None:
    found = [m.name_en for m in places(text)]
    assert misread not in found and all(m.country == "SY" for m in places(text))


@pytest.mark.parametrize(("text", "name"), [
    ("قصفت الطائرات مخيمات النازحين في أطمة", "Atmeh"),
    ("نفذ التحالف إنزالاً في بلدة ذيبان بدير الزور", "Deir ez-Zor"),
    ("نزحت العائلات إلى اطمة وقرية فاطمة", "Fatimah"),
])
def test_a_place_after_a_clitic_or_a_place_word_is_still_read(text: str, name: str) -> None:
    assert name in [m.name_en for m in places(text)]


@pytest.mark.parametrize(("text", "person"), [
    ("استشهدت المواطنة ريم الأحمد وطفلاها بالقصف", "Rome"),
    ("أصيب الطفل جاسم الخلف (12 عاماً) بجروح", "Jāsim"),
    ("فيما أصيب ابنه عمر وابن أخيه جاسم الخلف بجروح", "Jāsim"),
    ("استشهدت الطفلة ريم بقصف على بلدة سرمين", "Rome"),
])
def test_a_name_after_a_person_word_is_the_persons(text: str, person: str) -> None:
    assert person not in [m.name_en for m in places(text)]


@pytest.mark.parametrize(("text", "name"), [
    ("استشهاد أم وطفلها\nمنبج – 06-01-2025", "Manbij"),        # a headline's end, then a dateline
    ("يشارك المواطن الصحفي بسوريا في الندوة", "Syria"),          # a preposition: not the person's name
    ("قتل الشاب محمد العلي في مدينة جاسم بريف درعا", "Jāsim"),
])
def test_a_place_near_a_person_word_is_still_a_place(text: str, name: str) -> None:
    assert name in [m.name_en for m in places(text)]


@pytest.mark.parametrize(("text", "north_of", "lat"), [
    ("قتل مدني بقصف على قرية الشيخ عيسى بريف حلب الشمالي", True, 36.20),
    ("قتل مدني بقصف على قرية الشيخ عيسى جنوب غرب حلب", False, 36.20),
    ("قتل مدني بقصف على قرية المحمودية بريف حلب الشمالي", True, 36.20),
    ("قتل مدني بقصف على قرية المحمودية بريف حلب الجنوبي الشرقي", False, 36.20),
    ("أصيب طفلان بقصف على قرية العطشانة بريف الحسكة الجنوبي", False, 36.50),
    ("أصيب طفلان بقصف على قرية العطشانة شمال شرق الحسكة", True, 36.50),
])
def test_a_repeated_village_name_is_settled_by_the_side_of_the_area_named(text: str, north_of: bool, lat: float) -> None:
    village = places(text)[0]
    assert (village.lat > lat) == north_of


@pytest.mark.parametrize(("text", "name", "precision"), [
    ("غارات روسية شمال مدينة #السخنة بريف #حمص الشرقي", "السخنة", None),     # a cue before a hashtag
    ("صواريخ تسقط على مدينة #مارع بريف #حلب الشمالي", "حلب", "governorate"),    # the countryside, not a town
    ("قصف مدفعي على #تل_رفعت صباح اليوم", "تل_رفعت", None),                      # words joined by "_"
])
def test_a_hashtag_reads_as_the_words_it_joins(text: str, name: str, precision: str | None) -> None:
    found = named(text, name)
    assert found is not None, [m.text for m in places(text)]
    assert precision is None or found.precision == precision
    assert all(not m.text.endswith("الشرقي") and not m.text.endswith("الشمالي") for m in places(text))


@pytest.mark.parametrize("text", [
    "قصف على بلدة المزرعة في ريف السويداء الغربي",
    "قُتل شابان بهجوم على قرية المزرعة بريف السويداء",
    "قصفت المدفعية بلدة المزرعة غربي مدينة السويداء",
])
def test_a_place_words_own_name_may_be_a_cue_word(text: str) -> None:
    """"مزرعة" (farm) is a place word; right after "بلدة"/"قرية" with the article it is the name."""
    found = named(text, "المزرعة")
    assert found is not None and found.listed and found.admin1 == "As-Suwayda", places(text)


@pytest.mark.parametrize("text", [
    "استهدفت الغارة مزرعة في ريف حماة الشمالي",
    "دخلت القوات المزرعة بعد انسحاب المسلحين",
    "قصفت المسيرة مزرعة المزرعة للدواجن",
])
def test_a_cue_word_without_a_place_word_before_it_is_no_name(text: str) -> None:
    assert named(text, "المزرعة") is None


@pytest.mark.parametrize("text", [
    "نزح مئات المدنيين إلى مدينة كبيرة في الشمال",          # ك + "بيرة", and no "Kubri" by its consonants
    "شهدت بلدة كبيرة في ريف حماة قصفاً عنيفاً",             # the same after بلدة, an area named
    "وصل الوفد الأممي لزيارة المخيم صباح اليوم",           # ل + "زيارة"
    "جاء الشاب لزيارة والدته قبل أن يُقتل بالقصف",
])
def test_a_frequent_word_is_no_clitic_and_a_small_place(text: str) -> None:
    """A whole word that is a frequent word ("كبيرة" big, "لزيارة" to visit) is not read as a
    clitic and a weak or small place's name."""
    assert all(m.text not in ("كبيرة", "بيرة", "زيارة", "لزيارة") for m in places(text)), places(text)


@pytest.mark.parametrize(("text", "name", "area"), [
    ("استهدفت مسيرة سيارة قرب قرية عون الدادات شمال مدينة منبج", "عون الدادات", "Manbij"),
    ("سقطت قذائف على بلدة عون الدادات التابعة لمنطقة منبج", "عون الدادات", "Manbij"),
    ("قتل مدنيان بقصف على قرية عون الدادات بريف منبج الشمالي", "عون الدادات", "Manbij"),
])
def test_a_frequent_word_and_a_name_with_the_article_make_an_unlisted_village(text: str, name: str, area: str) -> None:
    """"عون" (help) alone is no village's name; "عون الدادات" after "قرية" is one."""
    village = named(text, name)
    assert village is not None and not village.listed and village.name_en == f"near {area}", places(text)


@pytest.mark.parametrize("text, outlet_named, place", [
    ("وأفاد مراسل الميادين بأن الغارات استهدفت ريف عين العرب الجنوبي.", "الميادين", "عين العرب"),
    ("وقالت مراسلة الميادين إن القصف طال محيط تل الحارة.", "الميادين", "تل الحارة"),
    ("ونقل لمراسل الميادين أن القصف استهدف بلدة داعل.", "الميادين", "داعل"),
])
def test_a_name_after_a_correspondent_is_the_outlet_not_a_town(text, outlet_named, place):
    found = [p.text for p in find_places(text)]
    assert outlet_named not in found and place in found, found


def test_the_town_of_the_same_name_is_still_a_place():
    assert "الميادين" in [p.text for p in find_places("قتل شخصان في مدينة الميادين بريف دير الزور.")]


@pytest.mark.parametrize("text, place", [
    ("استهدفت غارة قضاء القائم غربي الأنبار.", "القائم"),
    ("قصفت المدفعية التركية قرية في قضاء العمادية.", "العمادية"),
    ("سقطت قذائف على أطراف قضاء سنجار غربي نينوى.", "سنجار"),
])
def test_qada_names_the_district_around_its_town(text, place):
    found = {p.text: p for p in find_places(text)}
    assert place in found and found[place].near, [(p.text, p.near) for p in find_places(text)]


@pytest.mark.parametrize("text", ["حكم القضاء العسكري على المتهمين.", "ويعمل المجلس على قضاء حاجات المواطنين."])
def test_qada_in_its_other_senses_names_no_place(text):
    assert find_places(text) == ()


@pytest.mark.parametrize("text", [
    "وقال مصدر أمني للميادين إن الغارات استهدفت بلدة عيتا الشعب.",
    "وأكد رئيس البلدية للميادين أن القصف طال الأحياء السكنية في بنت جبيل.",
    "وفي تصريح للميادين، قال المسؤول إن الطائرات استهدفت بلدة الخيام.",
])
def test_an_outlet_spoken_to_is_no_place(text):
    assert not any(p.name_en == "Al Mayādīn" for p in find_places(text)), [p.text for p in find_places(text)]


def test_the_town_reached_after_la_is_still_a_place():
    assert any(p.name_en == "Al Mayādīn" for p in find_places("وصل النازحون للميادين بعد القصف على القرى."))


# --- a village read against the area named right after it -------------------------------
@pytest.mark.parametrize(("text", "written", "area"), [
    ("أصيب ثلاثة مدنيين بقصف على قرية صيدا قرب بلدة عين عيسى.", "صيدا", "Raqqa"),          # not Sidon
    ("قصفت مسيرة قرية الهوشان بريف الرقة الشمالي.", "الهوشان", "Raqqa"),                  # not Idlib's Hashshun
    ("سقطت قذائف على قرية الكرامة بريف إدلب الشمالي.", "الكرامة", "Idlib"),               # not Raqqa's al-Karamah
])
def test_a_village_listed_only_far_from_the_area_named_after_it_is_coded_at_that_area(text, written, area):
    m = named(text, written)
    assert m is not None and m.admin1 == area and not m.listed


@pytest.mark.parametrize(("text", "written", "admin1"), [
    ("قتل رجل في بلدة الحسينية جنوبي دمشق.", "الحسينية", "Rif Dimashq"),                   # not Jordan's
    ("غارة على قرية ذبيان بريف دير الزور الشرقي.", "ذبيان", "Deir ez-Zor"),                # ذيبان misspelt
    ("قصفت المدفعية قرية الدردارة بريف بلدة تل تمر شمال الحسكة.", "الدردارة", "Al-Hasakah"),  # not Tartus's
])
def test_a_village_is_the_listed_namesake_or_look_alike_in_the_area_named_after_it(text, written, admin1):
    m = named(text, written)
    assert m is not None and m.admin1 == admin1 and m.listed


@pytest.mark.parametrize(("text", "written", "name_en"), [
    ("أصيبت امرأتان بقذائف سقطت على قرية العريبة في ريف إدلب الشمالي.", "العريبة", "`Uraybah"),
    ("قُتل ثلاثة أطفال بغارة استهدفت بلدة التلتونة بريف إدلب.", "التلتونة", "Taltunah"),
    ("استهدفت مسيّرة منزلاً في قرية المارساوا قرب عفرين شمال حلب.", "المارساوا", "Marsawa"),
])
def test_a_village_written_with_the_article_its_listing_lacks_is_that_listed_village(text, written, name_en):
    """The catalogue lists "عريبة"; reports write "قرية العريبة": the village of the area named
    after it, not a place the gazetteer lacks."""
    m = named(text, written)
    assert m is not None and m.name_en == name_en and m.listed


@pytest.mark.parametrize(("text", "written", "area"), [
    ("قتل راع في قرية التلتونة بريف دير الزور.", "التلتونة", "Deir ez-Zor"),        # Taltunah is in Idlib
    ("جرح مدنيون في قرية العريبة بريف الحسكة.", "العريبة", "Al-Hasakah"),           # `Uraybah is in Idlib
    # spelt like the two villages "المطلة" of Idlib (Ariha's, Jisr al-Shughur's): which is not known
    ("سقطت قذيفة على قرية المطالة بريف إدلب الغربي.", "المطالة", "Idlib"),
])
def test_a_village_spelt_like_no_single_listed_place_of_its_area_stays_at_that_area(text, written, area):
    m = named(text, written)
    assert m is not None and m.admin1 == area and not m.listed


@pytest.mark.parametrize("post, name", [
    ("#طفس | استشهاد سيدة وإصابة اثنين بقذائف هاون على المزارع الغربية", "طفس"),
    ("#حاس | غارة جوية تستهدف منازل المدنيين صباح اليوم", "حاس"),
    ("عاجل\n#حيش\nقصف مدفعي يطال البلدة وأنباء عن جرحى", "حيش"),
])
def test_a_one_word_hashtag_labels_a_short_town_name(post, name):
    """A local page labels its post with the place ("#طفس |"): a short name, otherwise read
    only after a place word, is a place there."""
    assert named(post, name) is not None, places(post)
    assert named(post.replace("#", ""), name) is None, "without the hashtag the bare word needs a cue"


@pytest.mark.parametrize("post", [
    "#مشهد مؤلم من القصف على الأحياء السكنية",
    "#طفس_الآن قصف مدفعي على الأطراف",
    "#نوى الأهالي تطوعوا لإسعاف الجرحى",
])
def test_a_frequent_word_or_a_phrase_hashtag_is_no_place_label(post):
    """"#مشهد" is a scene, not Mashhad; "#طفس_الآن" is a phrase, not a label; "نوى" is a common word."""
    assert places(post) == [], places(post)


@pytest.mark.parametrize(("text", "written"), [
    ("سقطت قذائف في مركز ناحية عامودا", "عامودا"),
    ("استهدفت غارة بمركز ناحية سلوك منزلاً", "سلوك"),
    ("وقصفت المدفعية ومركز ناحية تل تمر", "تل تمر"),
])
def test_the_centre_of_a_sub_district_is_its_town(text: str, written: str) -> None:
    """"مركز ناحية X" is the town X; "ناحية X" alone is somewhere in its sub-district."""
    m = named(text, written)
    assert m is not None and not m.near and m.precision == "town", m
    plain = named(text.replace("مركز ناحية", "ناحية"), written)
    assert plain is not None and plain.near, plain


@pytest.mark.parametrize(("text", "written", "name_en", "area"), [
    ("سقطت قذائف على أطراف بلدة السمرة صباح اليوم، وأصيب مدنيان. وتقع البلدة في ريف اللاذقية الشمالي.",
     "السمرة", "Sallur", "Latakia"),           # the catalogue's "سامرة" of Latakia, not "سمرة" of Hama
    ("أصيب طفلان بانفجار لغم في قرية الدرية أمس، بحسب ناشطين من محافظة الرقة.", "الدرية", "Dariyah", "Raqqa"),
    ("قُتلت امرأتان حين استهدفت مسيّرة منزلهما في قرية العايدية. وشهد ريف اللاذقية قصفاً متقطعاً.",
     "العايدية", "Al `Idiyah", "Latakia"),
])
def test_a_village_listed_only_elsewhere_is_its_spelling_in_the_area_the_report_names(text, written, name_en, area):
    """A report on one governorate that names a village listed only in another is read as the
    village of its own governorate that is spelt so but for an alef."""
    m = named(text, written)
    assert m is not None and (m.name_en, m.admin1) == (name_en, area), m


@pytest.mark.parametrize("text", [
    "قتل مدني بقصف على قرية العمير. وتعرض ريف حلب لقصف متواصل.",
    "قتل مدني بقصف على قرية العمير بريف حلب.",
])
def test_a_name_a_waw_or_ya_apart_is_another_name(text):
    """"العمير" (listed in Hasakah) is not Aleppo's "عمر" ('Umar Ushaghi)."""
    m = named(text, "العمير")
    assert m is None or m.name_en != "`Umar Ushaghi", m


def test_a_village_listed_in_the_area_the_report_names_keeps_its_own_spelling():
    m = named("وقتل راعٍ في قرية السمرة بريف حماة الغربي.", "السمرة")
    assert m is not None and (m.name_en, m.admin1) == ("Samrah", "Hama"), m


@pytest.mark.parametrize(("a", "b", "same"), [
    ("معرزاف", "معرزف", True), ("الشيخ بحر", "شيخ بحار", True), ("ذيبان", "ذبيان", True),
    ("قورقانيا", "قورقنيا", True), ("العايديه", "عيديه", True),
    ("عمير", "عمر", False), ("قيروان", "قرين", False), ("الاسديه", "الساده", False),
    ("كفر نايه", "كفر ناها", False), ("اقيبه", "قبه", False),
])
def test_two_spellings_of_one_name_differ_by_an_alef_or_a_moved_waw_or_ya(a, b, same):
    assert _spelt_so(a, b) is same and _spelt_so(b, a) is same


@pytest.mark.parametrize("one, other", [
    ("جباتا الخشب", "جباثا الخشب"),      # a curated row, and a record known in Latin only
    ("بزاعة", "بزاغة"),                  # the same shape but for a letter's dots, 2 km apart
    ("الجارودية", "جارودية"),            # two records of one village, each with its own name
])
def test_two_records_of_one_settlement_are_one_place(one, other):
    """Reports spelling a village either way name the same place (grouping keeps them together)."""
    first = [p.gazetteer_id for p in find_places(f"قصف على قرية {one} اليوم")]
    second = [p.gazetteer_id for p in find_places(f"قصف على قرية {other} اليوم")]
    assert first and first == second, (first, second)


@pytest.mark.parametrize("east, west", [("زوطر الشرقية", "زوطر الغربية"), ("الحوائق الجنوبي", "الحوائق الشمالي")])
def test_twin_villages_named_by_their_sides_stay_apart(east, west):
    first = [p.gazetteer_id for p in find_places(f"قصف على قرية {east} اليوم")]
    second = [p.gazetteer_id for p in find_places(f"قصف على قرية {west} اليوم")]
    assert first and second and first != second


@pytest.mark.parametrize("text", [
    "أغارت سفن حربية على قطع بحرية سورية في ميناءي البيضا واللاذقية الليلة الماضية.",
    "استهدفت غارة إسرائيلية ميناء البيضا شمال مدينة بانياس فجر اليوم.",
    "انفجارات في المرفأ ومرفأ البيضا المجاور بريف بانياس.",
])
def test_a_port_word_makes_a_small_syrian_harbour_town_a_place(text: str) -> None:
    """"ميناء X", "مرفأ X", "ميناءي X وY": a port names the coastal village X, not the city of
    the same name abroad (al-Bayda in Libya or Yemen)."""
    found = {p.text: p for p in find_places(text)}
    assert found["البيضا"].country == "SY" and found["البيضا"].admin1 in ("Tartus", "Latakia"), found


@pytest.mark.parametrize("text, name", [
    ("قُتل سبعة من جامعي الكمأة بهجوم في بادية القريتين بريف حمص الشرقي.", "القريتين"),
    ("انفجر لغم بسيارة رعاة في ريف القريتين الشرقي.", "القريتين"),
    ("سقطت قذائف على مزارع في بادية الضمير شرقي دمشق.", "الضمير"),
])
def test_a_syrian_town_spelt_like_a_common_word_is_a_place_after_rif_or_badiya(text, name):
    """"بادية القريتين", "ريف الضمير": the countryside of the town, though bare "القريتين" is also
    "the two villages"; the area around it, ACLED precision 2."""
    found = {p.text: p for p in find_places(text)}
    assert found[name].country == "SY" and found[name].near


@pytest.mark.parametrize("text", ["قصفت الطائرات القريتين المجاورتين للبلدة.", "نزح الأهالي إلى ريف المدينة الشرقي."])
def test_a_common_word_after_rif_or_alone_stays_a_word(text):
    """"القريتين" (the two villages) alone, and "ريف المدينة" (the city's countryside)."""
    assert not [p for p in find_places(text) if p.text in ("القريتين", "المدينة")]


@pytest.mark.parametrize("text, name", [
    ("قُتل المدعو (عبد الحكيم علي الجاسم المحمد) بانفجار عبوة ناسفة في ريف الحسكة.", "علي الجاسم"),
    ("استشهد الشاب محمد علي الجاسم برصاص قناص في ريف الحسكة الجنوبي.", "علي الجاسم"),
    ("أصيبت الطفلة سارة تل الحسن بقذيفة على قرية الجديدة بريف الحسكة.", "تل الحسن"),
])
def test_a_village_name_inside_a_persons_full_name_is_no_place(text, name):
    """"المدعو (عبد الحكيم علي الجاسم المحمد)": a man's name, though al-Hasakah has a village
    'علي الجاسم' and the report names al-Hasakah."""
    assert name not in [p.text for p in find_places(text)]


def test_a_village_after_a_person_and_a_place_word_is_still_a_place():
    assert "علي الجاسم" in [p.text for p in find_places("أصيب الشاب أحمد في قرية علي الجاسم بريف الحسكة.")]


@pytest.mark.parametrize("text, name", [
    ("تم تحييد 3 إرهابيين في عين ديوار شمالي سوريا بعملية دقيقة.", "عين ديوار"),
    ("سقطت قذيفة على تل جمعة وأصابت منزلاً.", "تل جمعة"),
    ("انسحبت القوة من خربة الجوز بعد اشتباكات عنيفة.", "خربة الجوز"),
    ("أصيب راعٍ بقصف في تل زيوان.", "تل زيوان"),
])
def test_a_village_whose_name_opens_with_a_name_head_is_a_place_after_a_preposition(text, name):
    """"في عين ديوار", "على تل جمعة": a small village, without a place word or its area named,
    when its name is two words opened by a word that begins names (عين، تل، كفر)."""
    assert name in [p.text for p in find_places(text)]


def test_a_name_head_in_a_common_phrase_stays_a_word():
    assert find_places("وقف المراسل في عين المكان ونقل ما رآه.") == ()
