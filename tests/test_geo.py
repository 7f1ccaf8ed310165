"""Geocoding: the gazetteer, the matching rules, and every curated supplement row."""
from __future__ import annotations

import math

import pytest

from rasd.geo.gazetteer import DATA, load
from rasd.geo import geo_precision
from rasd.geo.geocode import find_places, resolve
from rasd.model import PlaceMention


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p = math.pi / 180
    a = (math.sin((lat2 - lat1) * p / 2) ** 2
         + math.cos(lat1 * p) * math.cos(lat2 * p) * math.sin((lon2 - lon1) * p / 2) ** 2)
    return 12742 * math.asin(math.sqrt(a))


def places(text: str) -> list[PlaceMention]:
    found = list(find_places(text))
    for m in found:
        assert text[m.span[0]:m.span[1]] == m.text, m
    return found


def only(text: str) -> PlaceMention:
    found = places(text)
    assert len(found) == 1, found
    return found[0]


def ids(text: str) -> list[str]:
    return [m.gazetteer_id for m in places(text)]


# --- the curated supplement: every row resolves to itself ---------------------------------

def supplement_rows() -> list[dict[str, str]]:
    lines = [ln for ln in (DATA / "supplement.tsv").read_text(encoding="utf-8").splitlines()
             if ln and not ln.startswith("#")]
    header = lines[0].split("\t")
    return [dict(zip(header, ln.split("\t"))) for ln in lines[1:]]


ROWS = supplement_rows()
# Rough boxes around each country the supplement covers: a swapped or mistyped coordinate
# lands outside its country's box.
BOXES = {"SY": (32.2, 37.4, 35.5, 42.5), "IQ": (29.0, 37.5, 38.7, 48.7), "LB": (33.0, 34.7, 35.0, 36.7),
         "PS": (31.2, 32.6, 34.2, 35.6), "IL": (29.4, 33.4, 34.2, 35.9), "JO": (29.1, 33.4, 34.9, 39.4),
         "TR": (35.8, 42.2, 25.6, 44.9), "YE": (12.0, 19.0, 42.5, 54.0), "LY": (19.5, 33.3, 9.3, 25.2),
         "IR": (25.0, 39.8, 44.0, 63.4), "EG": (22.0, 31.7, 24.7, 36.9), "US": (38.8, 39.0, -77.2, -76.9)}


def test_supplement_is_large_and_well_formed() -> None:
    assert len(ROWS) >= 250
    assert len({r["key"] for r in ROWS}) == len(ROWS)
    for r in ROWS:
        assert r["precision"] in ("point", "town", "district", "governorate", "country"), r
        assert r["source"].startswith(("GeoNames ", "Wikipedia: ")), r
        south, north, west, east = BOXES[r["country"]]
        assert south <= float(r["lat"]) <= north and west <= float(r["lon"]) <= east, r


@pytest.mark.parametrize("row", ROWS, ids=[r["key"] for r in ROWS])
def test_each_supplement_row_resolves(row: dict[str, str]) -> None:
    name = row["name_ar"].split("|")[0]
    entry = load().lookup(name)
    if row["kind"] == "governorate":
        text = f"قصف في محافظة {name} أمس"
    elif row["kind"] == "country":
        text = f"وصل الوفد إلى {name} أمس"
    elif entry is not None and entry.stop:
        text = f"قصف على قرية {name} أمس"
    else:
        text = f"قصف في {name} أمس"
    mention = next(m for m in places(text) if m.text.endswith(name))
    assert mention.gazetteer_id == f"supplement:{row['key']}"
    assert (mention.lat, mention.lon) == (float(row["lat"]), float(row["lon"]))
    assert mention.country == row["country"]
    assert mention.precision == row["precision"]
    assert mention.admin1 == (row["admin1"] or None)


# --- GeoNames extract --------------------------------------------------------------------

def test_gazetteer_file_is_small_and_attributed() -> None:
    path = DATA / "gazetteer.tsv"
    assert path.stat().st_size < 3_000_000
    header = path.read_text(encoding="utf-8").splitlines()[0]
    assert "Who's On First" in header and "GeoNames" in header and "OpenSyria" in header
    assert "CC-BY 4.0" in (DATA / "ATTRIBUTION.md").read_text(encoding="utf-8")


def test_gazetteer_loads_once() -> None:
    """Loaded once per process (its speed is bench/geocode.py's business, not a test's)."""
    load.cache_clear()
    gaz = load()
    assert load() is gaz
    assert len(gaz.places) > 2000


@pytest.mark.parametrize("name, english, country", [
    ("واشنطن", "Washington, D.C.", "US"), ("موسكو", "Moscow", "RU"), ("طهران", "Tehran", "IR"),
    ("أنقرة", "Ankara", "TR"), ("بيروت", "Beirut", "LB"), ("بغداد", "Baghdad", "IQ"),
])
def test_world_capitals(name: str, english: str, country: str) -> None:
    m = only(f"توجه المبعوث إلى {name} لإجراء محادثات")
    assert (m.name_en, m.country, m.text) == (english, country, name)


def test_admin1_names_are_filled() -> None:
    m = only("سقطت قذائف على مدينة القامشلي")
    assert (m.admin1, m.country, m.gazetteer_id) == ("Al-Hasakah", "SY", "geonames:173377")


# --- clitics, article, spellings ---------------------------------------------------------

@pytest.mark.parametrize("written, name", [
    ("وبالبوكمال", "البوكمال"), ("بالبوكمال", "البوكمال"), ("والبوكمال", "البوكمال"),
    ("فالبوكمال", "البوكمال"), ("كالبوكمال", "البوكمال"), ("بإدلب", "إدلب"), ("وإدلب", "إدلب"),
    ("لإدلب", "إدلب"), ("فإدلب", "إدلب"), ("وبإدلب", "إدلب"), ("وللرقة", "رقة"), ("للميادين", "ميادين"),
])
def test_proclitics_are_not_part_of_the_name(written: str, name: str) -> None:
    text = f"تحركت الأرتال أمس {written} مساء"
    m = only(text)
    assert m.text == name
    assert m.span == (text.index(written) + len(written) - len(name), text.index(written) + len(written))


def test_preposition_before_multiword_name() -> None:
    text = "وصلت تعزيزات لدير الزور صباحاً"
    m = only(text)
    assert (m.text, m.name_en) == ("دير الزور", "Deir ez-Zor")
    assert m.span == (text.index("دير"), text.index("دير") + len("دير الزور"))


@pytest.mark.parametrize("spelling", ["البوكمال", "أبو كمال", "البو كمال", "ابو كمال"])
def test_abu_kamal_spellings(spelling: str) -> None:
    m = only(f"انفجرت سيارة مفخخة في {spelling} ليلاً")
    assert m.gazetteer_id == "geonames:174448"
    assert m.text == spelling


@pytest.mark.parametrize("spelling, gid", [
    ("ديرالزور", "geonames:170794"), ("دير الزور", "geonames:170794"),
    ("حماة", "geonames:170017"), ("حماه", "geonames:170017"),
    ("إدلب", "geonames:169389"), ("ادلب", "geonames:169389"),
    ("أعزاز", "geonames:172082"), ("اعزاز", "geonames:172082"), ("إعزاز", "geonames:172082"),
    ("كفرنبل", "geonames:168661"), ("كفر نبل", "geonames:168661"),
    ("معرة مصرين", "geonames:167605"), ("معرتمصرين", "geonames:167605"),
    ("كنصفره", "supplement:kansafra"), ("إدْلِب", "geonames:169389"),
])
def test_spelling_variants(spelling: str, gid: str) -> None:
    assert ids(f"دارت اشتباكات عنيفة في {spelling} أمس") == [gid]


def test_article_is_optional_with_a_cue() -> None:
    m = only("تقدمت القوات نحو بوكمال من الجنوب")
    assert (m.text, m.gazetteer_id) == ("بوكمال", "geonames:174448")
    assert ids("قصف بوكمال غير مؤكد") == []            # bare and article-less: no cue, no place
    assert ids("استهدفت غارات مدينة ميادين") == ["geonames:173480"]


def test_longest_name_wins() -> None:
    assert ids("تصاعد القصف على جبل الزاوية") == ["supplement:jabal-al-zawiya"]
    assert ids("هبطت طائرة في مطار دير الزور العسكري") == ["supplement:deir-ez-zor-airport"]
    assert ids("انسحبت المجموعة إلى بادية البوكمال") == ["supplement:badia-albukamal"]
    assert ids("انطلقت القافلة من مخيم الهول") == ["supplement:al-hol-camp"]


def test_whole_words_only() -> None:
    assert ids("وقع انفجار قرب ورشة بنشر في السوق") == []     # بنشر is not بنش
    assert ids("تحدث الأستاذ الحلبي عن المدينة القديمة") == []
    assert ids("عقد اجتماع في فرقة الهندسة") == []            # فرقة is not ف + رقة
    assert ids("دير، الزور") == []


# --- near-words, governorates, kinds of place --------------------------------------------

@pytest.mark.parametrize("phrase, precision", [
    ("شرق سراقب", "district"), ("غربي سراقب", "district"), ("شمال سراقب", "district"),
    ("جنوبي سراقب", "district"), ("قرب سراقب", "district"), ("بالقرب من سراقب", "district"),
    ("أطراف سراقب", "district"), ("محيط سراقب", "district"), ("ريف سراقب", "district"),
    ("على أطراف بلدة سراقب", "district"),
])
def test_near_words_coarsen_a_town(phrase: str, precision: str) -> None:
    m = only(f"سقطت صواريخ {phrase} فجر اليوم")
    assert (m.text, m.near, m.precision, m.gazetteer_id) == ("سراقب", True, precision, "geonames:164816")


def test_countryside_of_a_governorate_seat_is_the_governorate() -> None:
    m = only("قصفت المدفعية قرى ريف إدلب الجنوبي")
    assert (m.text, m.near, m.precision, m.gazetteer_id) == ("إدلب", True, "governorate", "geonames:169389")
    m = only("نفذت طائرات غارات على بادية حماة الشرقية")
    assert (m.text, m.near, m.precision) == ("حماة", True, "governorate")
    m = only("ضربات في ريف دير الزور الشرقي")
    assert (m.text, m.near, m.precision) == ("دير الزور", True, "governorate")


def test_near_a_point_is_a_town() -> None:
    m = only("اندلعت النيران قرب مطار الشعيرات")
    assert (m.gazetteer_id, m.near, m.precision) == ("supplement:shayrat", True, "town")


def test_governorate_word_gives_the_governorate() -> None:
    text = "شهدت محافظة إدلب ومدينة إدلب قصفاً"
    found = places(text)
    assert [(m.text, m.gazetteer_id, m.precision) for m in found] == [
        ("إدلب", "supplement:gov-idlib", "governorate"), ("إدلب", "geonames:169389", "town")]
    assert found[0].span == (text.index("إدلب"), text.index("إدلب") + 4)
    assert ids("قتل جنديان في محافظة الأنبار") == ["supplement:gov-anbar"]
    assert ids("قتل جنديان في الأنبار") == ["supplement:gov-anbar"]   # no town takes the name


def test_place_words_are_not_part_of_the_text() -> None:
    text = "استهدفت الغارة قرية البارة وبلدة كنصفرة ومدينة أريحا"
    assert [m.text for m in places(text)] == ["البارة", "كنصفرة", "أريحا"]


def test_camp_word_prefers_the_camp() -> None:
    m = only("وصلت المساعدات إلى مخيم الركبان")
    assert m.gazetteer_id == "supplement:rukban-camp"
    assert only("أعلنت السلطات إغلاق الركبان").country == "JO"


# --- ambiguity settled by the article's other places --------------------------------------

def test_same_name_resolved_by_the_other_places() -> None:
    south = places("قصفت المدفعية بلدة الحميدية ومحيط القنيطرة")
    coast = places("قصفت المدفعية بلدة الحميدية ومحيط طرطوس")
    assert (south[0].admin1, coast[0].admin1) == ("Quneitra", "Tartus")
    assert km(south[0].lat, south[0].lon, coast[0].lat, coast[0].lon) > 100


def test_without_context_curated_and_syrian_places_come_first() -> None:
    assert only("سقطت قذائف على الحميدية").gazetteer_id == "supplement:hamidiyah-quneitra"
    assert only("دارت معارك في سنجار").country == "IQ"                    # the big one
    assert places("دارت معارك في سنجار وسراقب وبنش")[0].country == "SY"   # the Idlib village


# --- false positives ---------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "قال المتحدث باسم الحكومة إن التحالف سيجتمع يوم الخميس",
    "أعلن فيلق القدس وسرايا القدس في بيان مشترك",
    "انتشلت فرق الخوذ البيضاء جثث الضحايا",
    "أكدت الفصائل المعارضة أن الثورة مستمرة منذ عام 2011",
    "وقع الهجوم في 12 آب الماضي بحسب المصدر",
    "قدم نفسه على أنه من أبناء المدينة وشارك في الحراك",
    "رصد المرصد تحليق طائرات استطلاع فوق المنطقة",
    "قالت مصادر إن فرقة الحمزة انسحبت",
    "سوف تستمر العمليات على يد حماه حسب المسلسل",
])
def test_common_words_are_not_places(text: str) -> None:
    assert places(text) == []


def test_stop_names_need_a_settlement_word() -> None:
    assert ids("تعرضت بلدة الجديدة لقصف مدفعي") == ["supplement:al-judayda-jisr"]
    assert ids("نشرت الصحيفة الجديدة تقريراً") == []
    assert ids("قصف على اليعقوبية والقنية والجديدة") == [
        "supplement:al-yaqubiyah", "supplement:al-quniyah", "supplement:al-judayda-jisr"]


def test_weak_names_need_a_cue() -> None:
    assert ids("فتح الباب أمام المفاوضات") == []
    assert ids("سقطت قذيفة في الباب شرقي حلب") == ["geonames:174018", "geonames:170063"]
    assert ids("والفصائل تدمر دبابة") == []
    assert ids("سيطر التنظيم على مدينة تدمر") == ["geonames:163808"]


# --- resolve -----------------------------------------------------------------------------

def test_resolve_a_bare_name() -> None:
    m = resolve("ريف إدلب")
    assert m is not None
    assert (m.text, m.span, m.near, m.precision) == ("ريف إدلب", (0, 8), True, "governorate")
    m = resolve("الباب")
    assert m is not None and m.gazetteer_id == "geonames:174018"
    m = resolve("محافظة دير الزور")
    assert m is not None and m.gazetteer_id == "supplement:gov-deir-ez-zor"
    assert resolve("الحكومة") is None
    assert resolve("مكان لا وجود له") is None
    assert resolve("  ") is None


def test_spans_map_back_through_diacritics_and_tatweel() -> None:
    text = "قُصِفَت مدينةُ سَراقِب وبلدةُ كنصفـرة"
    assert [m.text for m in places(text)] == ["سَراقِب", "كنصفـرة"]


def test_finds_every_place_of_a_long_repeated_text() -> None:
    text = " ".join(["قصفت الطائرات بلدات كنصفرة والبارة في جبل الزاوية بريف إدلب الجنوبي."] * 30)
    assert len(find_places(text)) == 120


@pytest.mark.parametrize("sentence, country", [
    ("قصف على بلدة الصور بريف دير الزور الشرقي", "SY"),
    ("غارة إسرائيلية على مدينة صور في جنوب لبنان", "LB"),
])
def test_sur_is_settled_by_the_other_places(sentence, country):
    first = find_places(sentence)[0]
    assert first.text in ("الصور", "صور") and first.country == country


def test_a_distant_countrys_village_is_dropped_but_a_border_town_kept():
    assert [(p.text, p.country) for p in find_places("قصف على مدينة أريحا وبلدة مودية في ريف إدلب")] == \
        [("أريحا", "SY"), ("إدلب", "SY")]
    assert ("أقجة قلعة", "TR") in [(p.text, p.country) for p in find_places(
        "قذائف على مدينة أريحا مصدرها بلدة أقجة قلعة التركية")]


def test_words_that_begin_names_are_never_places_alone():
    # "تل" is no place; "تل حلف", which the gazetteer lacks, is the unlisted village after "بلدة"
    found = [(p.text, p.listed) for p in find_places("قصفت القوات التركية بلدة تل حلف ومدينة رأس العين")]
    assert found == [("تل حلف", False), ("رأس العين", True)]


@pytest.mark.parametrize("text, government, place", [
    ("وتتعرض المنطقة لهجمات تستهدف بحسب أنقرة مواقع لمقاتلين أكراد قرب القامشلي.", "Ankara", "Al Qāmishlī"),
    ("ونفت موسكو سقوط ضحايا مدنيين في الغارات على إدلب.", "Moscow", "Idlib"),
    ("واتهمت دمشق فصائل مسلحة بقصف حي الحمدانية في حلب، وقالت واشنطن إنها تتابع.", "Washington", "Aleppo"),
    ("وتقول طهران إن مستشاريها لم يكونوا في دير الزور.", "Tehran", "Deir ez-Zor"),
])
def test_a_capital_after_a_saying_verb_names_its_government(text, government, place):
    """"بحسب أنقرة", "نفت موسكو", "وقالت واشنطن": the capital names the government that speaks,
    not a place of the report (a report had been located in Ankara); the places named as
    places stay."""
    names = [p.name_en for p in places(text)]
    assert government not in names and place in names, names


@pytest.mark.parametrize("text, government, place", [
    ("منبج: ضربة تركية تقتل ثلاثة أشخاص وأنقرة تتحدث عن «إرهابيين»", "Ankara", "Manbij"),
    ("موسكو تنفي استهداف سوق مدينة إدلب بغارات جوية", "Moscow", "Idlib"),
    ("قصف مدفعي على عفرين ودمشق تتهم أنقرة بالتصعيد", "Damascus", "‘Afrīn"),
])
def test_a_capital_before_a_saying_verb_names_its_government(text, government, place):
    """A headline's "موسكو تنفي", "وأنقرة تتحدث عن": the government speaks; the capital is no
    place of the report."""
    names = [p.name_en for p in places(text)]
    assert government not in names and place in names, names


@pytest.mark.parametrize("text, place", [
    ("وفي إدلب قالت مصادر محلية إن الغارات طالت بلدة سرمين.", "Idlib"),
    ("وصلت القذائف إلى مدينة عفرين تحذر منها فرق الدفاع المدني.", "‘Afrīn"),
    ("في حلب أعلنت المديرية إغلاق المدارس.", "Aleppo"),
    ("روسيا تنفي قصف كنصفرة\nنفت وزارة الدفاع الروسية أن تكون طائراتها قصفت البلدة.", "Kansafra"),
])
def test_a_place_introduced_by_a_preposition_or_place_word_before_a_verb_stays_a_place(text, place):
    names = [p.name_en for p in places(text)]
    assert place in names, names


@pytest.mark.parametrize("text, area", [
    ("تعرضت قرية صيدا لقصف مدفعي تركي أمس، طال منازل المدنيين في ريف عين عيسى.", "‘Ayn ‘Īsá"),
    ("سقطت قذائف على قرية صيدا فجر اليوم، وأصيب طفلان، في ريف عين عيسى الشمالي.", "‘Ayn ‘Īsá"),
    ("أصيب ثلاثة مدنيين بقصف تركي على قرية صيدا صباح اليوم الثلاثاء، في ريف الرقة الشمالي.", "Ar Raqqah"),
])
def test_a_village_whose_namesake_lies_abroad_is_read_against_the_area_later_in_its_sentence(text, area):
    """"قرية صيدا ... في ريف عين عيسى": the only listed صيدا nearby-named are Sidon and a West
    Bank village; the area the sentence names later, at home, places the village (coded at that
    area when the gazetteer lacks it), as when the area follows right after the name."""
    village = places(text)[0]
    assert village.country == "SY" and area in village.name_en, village


@pytest.mark.parametrize("text, name, country, near", [
    ("سقطت قذائف صاروخية على دارة عزة وارحاب غربي حلب مساء أمس.", "ارحاب", "SY", "Aleppo"),
    ("تدور اشتباكات عنيفة على محوري كفرنبل والبريج بريف إدلب الجنوبي.", "البريج", "SY", "Idlib"),
    ("قصفت قوات النظام قريتي قليدين والقاهرة في سهل الغاب شمال غربي حماة.", "القاهرة", "SY", "Ḩamāh"),
    ("وتعرضت قرى الفطيرة وبنين وشنان لقصف مدفعي عنيف.", "بنين", "SY", "al-Fatira"),
    ("أصيبت امرأتان بقصف طال بلدتي كنصفرة وبنين.", "بنين", "SY", "Kansafra"),
    # the first place the report names ("معرة" alone is no place: stopnames.txt)
    ("تصدت الفصائل لمحاولة تقدم على محور معرة موخص والبريج بريف إدلب الجنوبي، وقصفت كفرنبل وحيش.",
     "البريج", "SY", "Idlib"),
    # only a village's list or an area at home does it: a capital after a city stays abroad
    ("زار وزير الخارجية دمشق وعمّان وبيروت خلال جولته.", "عمّان", "JO", None),
    ("قتل مدني في إدلب وآخر في عمّان بحادثين منفصلين.", "عمّان", "JO", None),
    ("قصفت إسرائيل مواقع في دمشق وبيروت جنوب لبنان.", "بيروت", "LB", None),
])
def test_a_town_abroad_listed_among_the_reports_villages_is_a_village_at_home(text, name, country, near):
    """A name the gazetteer lists only abroad (Rehab in Jordan, al-Burayj in Gaza, Cairo, Benin
    City), joined by "و" to villages at home, is a village at home the gazetteer lacks: coded at
    the area named next in its clause, else at the village listed before it (precision 2)."""
    found = {p.text: p for p in places(text)}
    assert name in found and found[name].country == country, found
    assert near is None or found[name].name_en == f"near {near}", found


@pytest.mark.parametrize("text", [
    "دارت اشتباكات عنيفة على جبهة معرة موخص جنوب إدلب.",
    "قتل عنصران بقصف على محور معرة الصين في ريف إدلب.",
    "نزح أهالي معرة البيطار ومعرة الأرتيق إلى الشمال.",
])
def test_the_head_of_maarrat_names_alone_is_no_place(text):
    """"معرة" begins many village names of Idlib and Aleppo; where the gazetteer lacks the whole
    name ("معرة موخص") its head is not the place Who's On First also names "معرة"
    (Mugharat al-Khasiki)."""
    assert "معرة" not in [p.text for p in places(text)]


@pytest.mark.parametrize("text, village, area", [
    ("انفجرت عبوة بسيارة على طريق القامشلي – عامودا قرب قرية هيمو صباح اليوم.", "هيمو", "‘Āmūdā"),
    ("قتل مدنيان بقصف على بلدة سراقب قرب قرية الطويل الحلبية.", "الطويل", "Saraqib"),
    ("استهدفت مسيرة دراجة نارية على طريق الحسكة – تل تمر عند قرية أم غرقان.", "أم غرقان", "Tall Tamr"),
])
def test_a_village_the_gazetteer_lacks_is_coded_at_the_place_just_before_it_in_its_clause(text, village, area):
    """With no area named after it, an uncatalogued village is coded at the place named just
    before it in the same clause (the road's town, the town it lies by), precision 2."""
    found = {p.text: p for p in places(text)}
    assert village in found and found[village].name_en == f"near {area}", found


def test_a_village_after_a_comma_is_not_coded_at_the_place_before_it():
    assert [p.text for p in places("قصف على مدينة منبج، وقرية الهوشرية.")] == ["منبج"]


@pytest.mark.parametrize("text, hood, town", [
    ("استهدفت طائرة مسيرة سيارة في حي الهلالية في مدينة القامشلي.", "الهلالية", "Al Qāmishlī"),
    ("سقطت قذيفة على حي الجورة بمدينة دير الزور مساء أمس.", "الجورة", "Deir ez-Zor"),
    ("أصيب طفلان بانفجار في حي المشلب وسط مدينة الرقة.", "المشلب", "Ar Raqqah"),
])
def test_a_neighbourhood_the_gazetteer_lacks_is_a_point_of_its_town(text, hood, town):
    """"حي X في مدينة Y": a point inside Y (ACLED precision 1), not somewhere around it (2)."""
    found = {p.text: p for p in places(text)}
    assert found[hood].name_en == f"in {town}" and geo_precision(found[hood]) == 1, found


@pytest.mark.parametrize("text, hood, town", [
    ("غارات على حي الرميلة شرق مدينة الرقة صباح اليوم أسفرت عن مقتل مدنيين.", "الرميلة", "Ar Raqqah"),
    ("قتل مدنيان بغارة على حي الجورة غربي مدينة دير الزور.", "الجورة", "Deir ez-Zor"),
    ("قتل سبعة مواطنين بغارات على حي المرجة جنوب شرق حلب أمس.", "المرجة", "Aleppo"),   # a village elsewhere
])
def test_a_neighbourhood_named_with_a_side_of_its_town_lies_in_it(text, hood, town):
    """"حي الرميلة شرق مدينة الرقة" is the east of the city, not around it; "حي المرجة جنوب
    شرق حلب" is no namesake village of another governorate."""
    found = {p.text: p for p in places(text)}
    assert found[hood].name_en == f"in {town}" and geo_precision(found[hood]) == 1, found


@pytest.mark.parametrize("text, hood, town", [
    ("ارتفعت حصيلة ضحايا غارة التحالف على حي المشلب أمس إلى 7 شهداء.\nوتتعرض مدينة الرقة لغارات يومية.",
     "المشلب", "Ar Raqqah"),
    ("مدينة الرقة تحت النار\nقتل خمسة مدنيين، بينهم طفلان، في قصف جوي استهدف منازل سكنية في حي البدو صباح اليوم.",
     "البدو", "Ar Raqqah"),
    ("سقطت قذائف صاروخية اليوم على أحياء في مدينة إدلب، وقال ناشطون إن أعنفها أصاب منزلاً في حي الضبيط وأدى لمقتل امرأة.",
     "الضبيط", "Idlib"),
])
def test_a_neighbourhood_with_no_town_beside_it_is_near_the_reports_town(text, hood, town):
    found = {p.text: p for p in places(text)}
    assert found[hood].name_en == f"near {town}" and geo_precision(found[hood]) == 2, found


@pytest.mark.parametrize("text, hood", [
    ("قتل خمسة مدنيين بقصف على حي بستان القصر في مدينة حلب.", "بستان القصر"),
    ("أصيب طفل بقذيفة على حي باب الحديد وسط مدينة حلب.", "باب الحديد"),
    ("قصفت الطائرات حي بستان الباشا في حلب.", "بستان الباشا"),
    ("غارة على حي جسر الحج في مدينة حلب.", "جسر الحج"),
])
def test_a_quarter_named_by_two_common_words_is_a_name(text, hood):
    """"بستان" (garden) and "القصر" (the palace) are frequent words; after "حي" the pair is a
    construct, the quarter's name."""
    found = {p.text: p for p in places(text)}
    assert found[hood].name_en == "in Aleppo", found


@pytest.mark.parametrize("text", [
    "سقطت قذيفة على حي سكني في مدينة إدلب.",
    "سقطت قذيفة على حي شعبي وسط مدينة إدلب.",
    "سقطت قذيفة على حي مجاور للسوق في مدينة إدلب.",
])
def test_an_adjective_after_the_quarter_word_is_no_name(text):
    assert [p.text for p in places(text)] == ["إدلب"]


def test_a_neighbourhood_in_a_report_naming_no_town_is_no_place():
    assert places("ارتفعت حصيلة ضحايا الغارة على حي المشلب إلى 7 شهداء.") == []


def test_a_village_named_with_a_side_of_a_town_stays_near_it():
    found = {p.text: p for p in places("قصف على قرية الحميرات شرق مدينة الرقة.")}
    assert found["الحميرات"].name_en == "near Ar Raqqah" and geo_precision(found["الحميرات"]) == 2


def test_a_village_the_gazetteer_lacks_stays_near_its_area():
    found = {p.text: p for p in places("قصف على قرية الخويرة بريف تل تمر.")}
    assert geo_precision(found["الخويرة"]) == 2


@pytest.mark.parametrize("text, english", [
    ("سقطت قذيفة على قرية سفتك قرب كوباني.", "Siftik al Ula"),            # "سفتك الأولى / الوسطى"
    ("قُصفت بلدة الحصوة بالمدفعية في ريف الحسكة.", "Al Haswah Fawqani"),   # "الحصوة تحتاني / فوقاني"
    ("أصيب طفلان بقصف على قرية موريك في ريف الحسكة.", "Mawrik Tahtani"),  # "موريك تحتاني / فوقاني"
])
def test_a_village_family_is_known_by_its_stem(text, english):
    """Villages listed only with a part word ("X تحتاني", "X الأولى", Kurdish
    "X زير") are named bare in reports: the stem, after a place word, is one of them."""
    assert english in [p.name_en for p in places(text)]
