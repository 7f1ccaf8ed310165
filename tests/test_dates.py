"""Date expressions in Arabic reports: relative words, weekdays, nights, explicit dates,
publication-date strings and the main incident's date."""
from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from rasd.text.dates import event_date, find_dates, parse_date_text
from rasd.text.normalize import fold

D = dt.date
WED = D(2021, 1, 13)        # a Wednesday
SAT = D(2021, 8, 7)         # a Saturday
THU = D(2023, 6, 15)        # a Thursday
MAR1 = D(2022, 3, 1)        # a Tuesday, the day after the end of February
NEW_YEAR = D(2022, 1, 1)    # a Saturday
LEAP = D(2024, 3, 1)        # a Friday after 29 February


def only(text: str, published: D | None) -> tuple[D, D, str]:
    """The single date expression in ``text`` as (start, end, text as written)."""
    dates = find_dates(text, published)
    assert len(dates) == 1, dates
    e = dates[0]
    assert e.span is not None and text[e.span[0]:e.span[1]] == e.text
    return e.start, e.end, e.text


@pytest.mark.parametrize("text, published, start, end, written", [
    # relative words
    ("قصفت الطائرات البلدة اليوم", WED, WED, WED, "اليوم"),
    ("قتل شاب أمس برصاص مجهولين", WED, D(2021, 1, 12), D(2021, 1, 12), "أمس"),
    ("وقع الانفجار أول أمس", WED, D(2021, 1, 11), D(2021, 1, 11), "أول أمس"),
    ("وقع الانفجار أول من أمس قرب السوق", WED, D(2021, 1, 11), D(2021, 1, 11), "أول من أمس"),
    ("سمعت الانفجارات البارحة", WED, D(2021, 1, 12), D(2021, 1, 12), "البارحة"),
    # "the past day" of a daily bulletin is yesterday, not today ("اليوم" alone)
    ("وجهت القوات الجوية خلال اليوم الماضي ضربات إلى مواقع المسلحين", WED, D(2021, 1, 12), D(2021, 1, 12), "اليوم الماضي"),
    ("سجّل المركز في اليوم الفائت سبع عمليات قصف", WED, D(2021, 1, 12), D(2021, 1, 12), "اليوم الفائت"),
    ("نفذت الطائرات الحربية غارتين على القرية، اليوم المنصرم", WED, D(2021, 1, 12), D(2021, 1, 12), "اليوم المنصرم"),
    ("تعرضت المدينة لغارات الليلة الماضية", WED, D(2021, 1, 12), WED, "الليلة الماضية"),
    ("يعقد المجلس جلسة غداً", WED, D(2021, 1, 14), D(2021, 1, 14), "غداً"),
    ("بدأ القصف منذ ثلاثة أيام", WED, D(2021, 1, 10), D(2021, 1, 10), "منذ ثلاثة أيام"),
    ("أصيب طفل قبل يومين", WED, D(2021, 1, 11), D(2021, 1, 11), "قبل يومين"),
    ("اختفى قبل 5 أيام", WED, D(2021, 1, 8), D(2021, 1, 8), "قبل 5 أيام"),
    # day parts with relative words and weekdays
    ("وقعت الغارة فجر أمس الثلاثاء", WED, D(2021, 1, 12), D(2021, 1, 12), "فجر أمس الثلاثاء"),
    ("استهدف القصف الحي صباح اليوم الأربعاء", WED, WED, WED, "صباح اليوم الأربعاء"),
    ("وبعد منتصف ليل أمس سمعت انفجارات", WED, D(2021, 1, 12), D(2021, 1, 12), "بعد منتصف ليل أمس"),
    ("سقطت قذائف مساء يوم أمس", WED, D(2021, 1, 12), D(2021, 1, 12), "مساء يوم أمس"),
    # weekdays alone: the latest on or before publication
    ("قصفت المدفعية القرية يوم الثلاثاء", WED, D(2021, 1, 12), D(2021, 1, 12), "يوم الثلاثاء"),
    ("جرت الاشتباكات الخميس الماضي", WED, D(2021, 1, 7), D(2021, 1, 7), "الخميس الماضي"),
    ("قتل مدنيان فجر الأربعاء", WED, WED, WED, "فجر الأربعاء"),
    ("قتل مدنيان الأربعاء الماضي", WED, D(2021, 1, 6), D(2021, 1, 6), "الأربعاء الماضي"),
    ("وأعلنت الوزارة، الإثنين، مقتل جنديين", WED, D(2021, 1, 11), D(2021, 1, 11), "الإثنين"),
    ("شن الطيران غارات السبت", SAT, SAT, SAT, "السبت"),
    ("شن الطيران غارات السبت الماضي", SAT, D(2021, 7, 31), D(2021, 7, 31), "السبت الماضي"),
    ("شن الطيران غارات الأحد", SAT, D(2021, 8, 1), D(2021, 8, 1), "الأحد"),
    ("تعقد الجولة يوم الخميس المقبل", SAT, D(2021, 8, 12), D(2021, 8, 12), "يوم الخميس المقبل"),
    # nights across two days
    ("غارات كثيفة ليل الثلاثاء – الأربعاء على المواقع", WED, D(2021, 1, 12), WED, "ليل الثلاثاء – الأربعاء"),
    ("غارات ليلة الثلاثاء-الأربعاء", WED, D(2021, 1, 12), WED, "ليلة الثلاثاء-الأربعاء"),
    ("انفجارات ليل الثلاثاء على الأربعاء", WED, D(2021, 1, 12), WED, "ليل الثلاثاء على الأربعاء"),
    ("بعد منتصف ليلة الثلاثاء – الأربعاء", WED, D(2021, 1, 12), WED, "بعد منتصف ليلة الثلاثاء – الأربعاء"),
    ("قصف متواصل يومي الثلاثاء والأربعاء", WED, D(2021, 1, 12), WED, "يومي الثلاثاء والأربعاء"),
    # "أمس X" where yesterday was not X
    ("قصفت قوات النظام البلدة مساء أمس السبت", SAT, D(2021, 8, 6), SAT, "مساء أمس السبت"),
    ("وقعت الغارة فجر أمس الأربعاء", WED, D(2021, 1, 12), WED, "فجر أمس الأربعاء"),
    ("قصفت الطائرات البلدة مساء أمس السبت", WED, D(2021, 1, 9), D(2021, 1, 9), "مساء أمس السبت"),
    # explicit dates, both month-name sets, combined forms, digits
    ("قتل 3 مدنيين في 13 كانون الثاني 2021", WED, WED, WED, "13 كانون الثاني 2021"),
    ("في 4 ديسمبر 2024 أعلن الجيش", WED, D(2024, 12, 4), D(2024, 12, 4), "4 ديسمبر 2024"),
    ("الأربعاء 13 يناير/كانون الثاني 2021", None, WED, WED, "الأربعاء 13 يناير/كانون الثاني 2021"),
    ("قصف في ١٣ كانون الثاني ٢٠٢١", None, WED, WED, "١٣ كانون الثاني ٢٠٢١"),
    ("نشر في 13/1/2021", None, WED, WED, "13/1/2021"),
    ("تاريخ النشر 2021-01-13", None, WED, WED, "2021-01-13"),
    ("التقطت الصورة في 7 آب/ أغسطس 2020", WED, D(2020, 8, 7), D(2020, 8, 7), "7 آب/ أغسطس 2020"),
    ("أصيب طفلان في 5 يونيو/حزيران", WED, D(2020, 6, 5), D(2020, 6, 5), "5 يونيو/حزيران"),
    ("قتل مدني في 28 من تشرين الأول", D(2022, 10, 29), D(2022, 10, 28), D(2022, 10, 28), "28 من تشرين الأول"),
    ("قتل مدني في 3 من شهر آذار من العام الماضي", WED, D(2020, 3, 3), D(2020, 3, 3),
     "3 من شهر آذار من العام الماضي"),
    ("هاجم مسلحون الحاجز الجمعة 8، وفروا", WED, D(2021, 1, 8), D(2021, 1, 8), "الجمعة 8"),
    ("انفجرت عبوة ناسفة في السابع من شهر كانون الثاني", WED, D(2021, 1, 7), D(2021, 1, 7),
     "السابع من شهر كانون الثاني"),
    ("أغلقت المعابر في الحادي والعشرين من الشهر الماضي", WED, D(2020, 12, 21), D(2020, 12, 21),
     "الحادي والعشرين من الشهر الماضي"),
    ("تجدد القصف اليوم الأحد 13 تشرين الثاني/ نوفمبر", D(2022, 11, 13), D(2022, 11, 13),
     D(2022, 11, 13), "اليوم الأحد 13 تشرين الثاني/ نوفمبر"),
    ("Published Jan 13, 2021 by staff", None, WED, WED, "Jan 13, 2021"),
    # month and year boundaries, leap day
    ("قتل مدني أمس", MAR1, D(2022, 2, 28), D(2022, 2, 28), "أمس"),
    ("قتل مدني أمس الاثنين", MAR1, D(2022, 2, 28), D(2022, 2, 28), "أمس الاثنين"),
    ("غارات ليل الأحد – الاثنين", MAR1, D(2022, 2, 27), D(2022, 2, 28), "ليل الأحد – الاثنين"),
    ("انفجار أمس الجمعة", NEW_YEAR, D(2021, 12, 31), D(2021, 12, 31), "أمس الجمعة"),
    ("قصف في 28 كانون الأول", NEW_YEAR, D(2021, 12, 28), D(2021, 12, 28), "28 كانون الأول"),
    ("غارات ليل الجمعة – السبت", NEW_YEAR, D(2021, 12, 31), NEW_YEAR, "ليل الجمعة – السبت"),
    ("قصف الأحد الماضي", NEW_YEAR, D(2021, 12, 26), D(2021, 12, 26), "الأحد الماضي"),
    ("انفجار أمس", LEAP, D(2024, 2, 29), D(2024, 2, 29), "أمس"),
])
def test_find_dates_resolves(text: str, published: D | None, start: D, end: D, written: str) -> None:
    assert only(text, published) == (start, end, written)


def test_unstated_year_is_the_latest_not_after_publication() -> None:
    assert only("قتل مدني في 20 كانون الثاني", WED)[:2] == (D(2020, 1, 20), D(2020, 1, 20))
    # one day's grace: a feed stamping the day before the text's date
    assert only("قتل مدني في 14 كانون الثاني", WED)[:2] == (D(2021, 1, 14), D(2021, 1, 14))


def test_named_weekday_picks_the_year_of_an_unstated_year() -> None:
    # 13 August is a Friday in 2021, not in 2020: the weekday outweighs "not after publication"
    assert only("انفجرت سيارة مساء اليوم الجمعة 13 آب", D(2021, 8, 12))[:2] == (D(2021, 8, 13),) * 2


def test_relative_dates_need_a_publication_date() -> None:
    assert find_dates("قصف فجر أمس الأربعاء و يوم الخميس الماضي وقبل يومين", None) == ()
    assert find_dates("في 28 كانون الأول", None) == ()


def test_several_expressions_in_text_order() -> None:
    text = "قتل مدني أمس الثلاثاء، بعد غارات ليلة الأحد – الاثنين، وفي 13 كانون الثاني 2021 أيضاً."
    assert [(e.start, e.end) for e in find_dates(text, WED)] == [
        (D(2021, 1, 12), D(2021, 1, 12)), (D(2021, 1, 10), D(2021, 1, 11)), (WED, WED)]


def test_weekdays_that_are_not_consecutive_stay_apart() -> None:
    assert [(e.start, e.text) for e in find_dates("قصف يومي الاثنين والأربعاء", WED)] == [
        (D(2021, 1, 11), "يومي الاثنين"), (WED, "الأربعاء")]


def test_spans_point_into_the_original_text() -> None:
    text = "وَقُتِلَ مدنيٌّ فجرَ أمسِ الثلاثاءِ في قصفٍ."
    (e,) = find_dates(text, WED)
    assert e.span is not None and text[e.span[0]:e.span[1]] == e.text == "فجرَ أمسِ الثلاثاءِ"
    assert (e.start, e.end) == (D(2021, 1, 12), D(2021, 1, 12))


@pytest.mark.parametrize("text", [
    "قائد الفرقة 17 في جيش النظام",
    "عناصر من اللواء 137",
    "نفذت الطائرات أكثر من عشر غارات خلال 24 ساعة",
    "قرابة الساعة 23.30 ليلاً",
    "عند الساعة الثانية ظهراً",
    "طفل يبلغ 12 عاماً",
    "مقتل 17 عنصراً من الميليشيات",
    "منذ عام 2021 تسيطر الفصائل على المنطقة",
    "قتل أحد عشر شخصاً والأحد عشر الآخرون",
    "في اليوم التالي للهجوم",
    "لم يتغير شيء منذ ذلك اليوم",
    "قبل يومين من الهجوم",
    "أطلق 3 صواريخ من عيار 9/11",
])
def test_not_dates(text: str) -> None:
    assert find_dates(text, WED) == ()


@pytest.mark.parametrize("value, expected", [
    ("2021-01-13", WED),
    ("2021-01-13 09:12:00", WED),
    ("2021-01-13T09:12:00+03:00", WED),
    ("2021-01-13T23:50:00Z", WED),
    ("13 كانون الثاني 2021", WED),
    ("4 ديسمبر 2024", D(2024, 12, 4)),
    ("الأربعاء 13 يناير/كانون الثاني 2021", WED),
    ("١٣ كانون الثاني ٢٠٢١", WED),
    ("13/1/2021", WED),
    ("1/13/2021", WED),
    ("2021/01/13", WED),
    ("Jan 13, 2021", WED),
    ("13 January 2021", WED),
    ("Wed, 13 Jan 2021 09:12:00 +0000", WED),
    ("", None),
    ("غير معروف", None),
    ("2021-13-45", None),
    ("منذ ساعتين", None),
])
def test_parse_date_text(value: str, expected: D | None) -> None:
    assert parse_date_text(value) == expected


# --------------------------------------------------------------------------- event_date

def test_event_date_is_the_lead_incident_not_the_background() -> None:
    text = ("مقتل ثلاثة مدنيين بقصف مدفعي على ريف إدلب\n\n"
            "قتل ثلاثة مدنيين، فجر أمس الأربعاء، بقذائف مدفعية طالت قرية في ريف إدلب الجنوبي.\n\n"
            "وكانت قوات النظام قد قصفت البلدة ذاتها يوم الأحد الماضي.")
    e = event_date(text, THU)
    assert e is not None and (e.start, e.end, e.text) == (D(2023, 6, 14), D(2023, 6, 14), "فجر أمس الأربعاء")


def test_event_date_prefers_a_relative_reference_over_a_bare_weekday() -> None:
    text = ("قصفت الطائرات الحربية، الثلاثاء، مواقع في ريف حماة.\n"
            "وقال مراسلنا إن الغارات استهدفت صباح أمس الثلاثاء منازل المدنيين ما أدى إلى مقتل طفل.")
    e = event_date(text, WED)
    assert e is not None and (e.start, e.text) == (D(2021, 1, 12), "صباح أمس الثلاثاء")


def test_event_date_two_day_night() -> None:
    text = "شنت طائرات مجهولة غارات على مخازن أسلحة ليل الثلاثاء – الأربعاء."
    e = event_date(text, WED)
    assert e is not None and (e.start, e.end) == (D(2021, 1, 12), WED)


def test_event_date_night_of_a_weekday_and_day_of_month() -> None:
    text = "أصيب رجل بجروح إثر سقوط صاروخ على خيمته، منتصف ليلة الجمعة 14 من تشرين الأول."
    e = event_date(text, D(2022, 10, 15))
    assert e is not None and (e.start, e.end) == (D(2022, 10, 14), D(2022, 10, 14))


def test_event_date_conflicting_yesterday_gives_both_days() -> None:
    text = ("صورة أرشيفية لآثار قصف سابق، 3 أيار/ مايو 2019\n"
            "قتل طفلان بقذائف مدفعية سقطت على منزلهما مساء أمس السبت.")
    e = event_date(text, SAT)
    assert e is not None and (e.start, e.end) == (D(2021, 8, 6), SAT)


@pytest.mark.parametrize("text", [
    "أصيب مدنيان بقصف على أطراف المدينة.\nوكانت طائرات روسية قد استهدفت القرية يوم الجمعة الماضي.",
    "دمرت غارة جوية مستودعاً للوقود وقتل حارس المستودع.",
    "سقطت قذائف على حي سكني دون إصابات.\nاقرأ أيضاً\nمقتل شاب برصاص مجهولين يوم الأحد",
    "ارتفع عدد ضحايا القصف على البلدة إلى 12 حتى صباح اليوم.",
    "أصيب ثلاثة مدنيين بقصف صاروخي على سوق المدينة.\nوقبل يومين، قتل طفل بانفجار لغم في ريف المدينة.",
    # a new episode opened by a weekday said to be past
    "أصيب ثلاثة مدنيين بقصف صاروخي على سوق المدينة.\nويوم الجمعة الماضي، أصيب مدنيون بقذائف على المنطقة الصناعية.",
    "قتل مدني بقصف مدفعي على أطراف البلدة.\nوفي يوم الأحد الفائت، قتلت امرأة بغارة على البلدة نفسها.",
    "أصيبت طفلة بقذيفة على حي سكني.\nوليلة السبت الماضية، قتل شابان بقصف مماثل على الحي.",
    "أصيب ثلاثة مدنيين بقصف صاروخي على المدينة.\nمن جهة أخرى، قتل عنصر أمني بهجوم مسلح الأحد.",
    "قصف مدفعي على القرية.\nويعقد مجلس الأمن غداً جلسة لبحث الهجمات على المدنيين.",
])
def test_event_date_text_leaves_the_day_open(text: str) -> None:
    e = event_date(text, THU)
    assert e is not None and (e.start, e.end, e.text, e.span) == (D(2023, 6, 14), THU, "", None)


def test_event_date_far_explicit_date_only_when_nothing_else() -> None:
    far = "وثق التقرير مقتل مدنيين اثنين بغارة جوية في 18 نيسان 2023."
    e = event_date(far, THU)
    assert e is not None and (e.start, e.end) == (D(2023, 4, 18), D(2023, 4, 18))
    e = event_date(far + "\nوقتل مدني آخر بقصف مدفعي صباح اليوم الخميس.", THU)
    assert e is not None and e.start == THU


def test_event_date_without_publication_date() -> None:
    assert event_date("قتل مدنيان بقصف فجر أمس الأربعاء.", None) is None
    e = event_date("قتل مدنيان بقصف يوم 13 كانون الثاني 2021.", None)
    assert e is not None and (e.start, e.end) == (WED, WED)


def test_event_date_accepts_a_folded_text() -> None:
    text = "قتل طفل بقصف صباح اليوم."
    assert event_date(text, THU, fold(text)) == event_date(text, THU)


# --------------------------------------------------------------------------- properties

WEEKDAY_NAMES = [("الاثنين", 0), ("الإثنين", 0), ("الثلاثاء", 1), ("الأربعاء", 2), ("الخميس", 3),
                 ("الجمعة", 4), ("السبت", 5), ("الأحد", 6)]
DAY_PARTS = ["", "فجر ", "صباح ", "ظهر ", "عصر ", "مساء ", "ليل ", "ليلة ", "يوم ", "منتصف ليل "]
MONTHS = ["كانون الثاني", "شباط", "آذار", "نيسان", "أيار", "حزيران", "تموز", "آب", "أيلول",
          "تشرين الأول", "تشرين الثاني", "كانون الأول"]
MONTHS_EG = ["يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر",
             "أكتوبر", "نوفمبر", "ديسمبر"]
dates = st.dates(min_value=D(1990, 1, 1), max_value=D(2060, 12, 31))


@given(published=dates, weekday=st.sampled_from(WEEKDAY_NAMES), part=st.sampled_from(DAY_PARTS),
       past=st.booleans())
def test_weekday_is_within_the_week_before_publication(
        published: D, weekday: tuple[str, int], part: str, past: bool) -> None:
    name, number = weekday
    start, end, written = only(f"قصفت الطائرات {part}{name}{' الماضي' if past else ''} القرية", published)
    assert start == end and start.weekday() == number
    assert 1 <= (published - start).days <= 7 if past else 0 <= (published - start).days <= 6
    assert written == f"{part}{name}{' الماضي' if past else ''}"


@given(published=dates, first=st.integers(0, 6), joiner=st.sampled_from([" – ", "-", " على ", " - "]))
def test_night_pair_spans_two_consecutive_days(published: D, first: int, joiner: str) -> None:
    names = {n: name for name, n in reversed(WEEKDAY_NAMES)}
    start, end, _ = only(f"غارات ليل {names[first]}{joiner}{names[(first + 1) % 7]}", published)
    assert start.weekday() == first and end - start == dt.timedelta(days=1)
    assert 0 <= (published - start).days <= 6


@given(published=dates, offset=st.sampled_from([("اليوم", 0), ("أمس", 1), ("البارحة", 1), ("أول أمس", 2)]))
def test_relative_words_count_back_from_publication(published: D, offset: tuple[str, int]) -> None:
    word, back = offset
    assert only(f"قتل مدني {word} بقصف", published) == (
        published - dt.timedelta(days=back), published - dt.timedelta(days=back), word)


@given(day=dates, suffix=st.sampled_from(["", "T09:12:00", " 23:59:59", "T23:12:00Z", "T01:00:00+03:00"]))
def test_iso_dates_round_trip(day: D, suffix: str) -> None:
    assert parse_date_text(day.isoformat() + suffix) == day


@given(day=dates, names=st.sampled_from([MONTHS, MONTHS_EG]), indic=st.booleans())
def test_arabic_written_dates_round_trip(day: D, names: list[str], indic: bool) -> None:
    text = f"{day.day} {names[day.month - 1]} {day.year}"
    if indic:
        text = text.translate(str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩"))
    assert parse_date_text(text) == day
    assert only(f"قتل مدني في {text} بقصف", None) == (day, day, text)


def test_an_outlet_named_today_is_no_date():
    text = ("غارات على ريف إدلب\nاستهدفت الطائرات بلدة سرمين ليل الثلاثاء – الأربعاء.\n"
            'وقالت مصادر محلية لـ"روسيا اليوم" إن القصف أدى إلى مقتل مدني.')
    found = event_date(text, dt.date(2023, 7, 13))
    assert (found.start, found.end) == (dt.date(2023, 7, 11), dt.date(2023, 7, 12))


@pytest.mark.parametrize("text", [
    "قتل مدني بقصف مدفعي صباح اليوم الخميس على البلدة.",
    "أصيب ثلاثة أطفال بانفجار لغم اليوم الخميس في القرية.",
    "شنت الطائرات غارات عدة مساء اليوم الثلاثاء على المدينة.",
])
def test_today_with_a_weekday_days_away_is_the_publication_day(text) -> None:
    e = event_date(text, SAT)
    assert e is not None and (e.start, e.end) == (SAT, SAT)


FRI = D(2023, 10, 6)


@pytest.mark.parametrize("text, day", [
    # the rise is dated ("ارتفع، صباح الجمعة"), the attack is told again in a "وكانت ... قد" sentence
    ("ارتفع، صباح الجمعة، عدد ضحايا استهداف مسيّرة لسيارة في عامودا إلى ثلاثة. وكانت مسيّرة قد استهدفت، "
     "عصر أمس الخميس، سيارة عند الدوار ما أسفر عن مقتل شخصين.", D(2023, 10, 5)),
    # a death from wounds dated first, the attack two days before
    ("توفيت امرأة اليوم الجمعة متأثرة بجراحها التي أصيبت بها في القصف. وكان القصف المدفعي قد طال القرية "
     "مساء الأربعاء.", D(2023, 10, 4)),
    # the toll rises after a death in the evening; the jets had struck at dawn
    ("ارتفعت حصيلة قتلى الغارة إلى 4، بعد وفاة طفل مساء الجمعة. وكانت الطائرات قد قصفت البلدة فجر الخميس "
     "وقتلت ثلاثة.", D(2023, 10, 5)),
    # masculine plural, the update's day before its verb
    ("فارق شابان الحياة فجر اليوم متأثرين بجراحهما. وكانت قذائف قد سقطت على الحي ليل الأربعاء.", D(2023, 10, 4)),
])
def test_a_toll_update_is_dated_by_the_attack_it_recounts(text: str, day: D) -> None:
    e = event_date(text, FRI)
    assert e is not None and (e.start, e.end) == (day, day), e


@pytest.mark.parametrize("text, day", [
    # the statement's weekday and day of month first, the shelling's weekday after
    ("قالت وزارة الدفاع في بيان، الجمعة 6 تشرين الأول، إن قذيفة أطلقتها إحدى وحداتها سقطت على منزل في القرية "
     "مساء الأربعاء، ما أدى إلى مقتل طفل.", D(2023, 10, 4)),
    # "في بيان اليوم" and the raid "أمس", feminine subject
    ("أعلنت القيادة في بيان اليوم أن غارة نفذتها طائراتها على البلدة أمس أسفرت عن مقتل مدنيَّين.", D(2023, 10, 5)),
    # the statement told after the attack, a few words between the statement word and its date
    ("قُتل ثلاثة مدنيين بقصف مدفعي طال القرية ليل الأربعاء. وأقرّ الجيش في تصريح نشره عبر حسابه الرسمي، اليوم الجمعة، "
     "بمسؤوليته عن القصف.", D(2023, 10, 4)),
])
def test_a_statements_own_date_is_not_the_attacks(text: str, day: D) -> None:
    """A date a few words after "بيان" or "تصريح" dates the statement; the attack's date wins."""
    e = event_date(text, FRI)
    assert e is not None and e.start == day, e


def test_a_statement_date_alone_still_dates_the_report() -> None:
    e = event_date("قال المرصد في بيان اليوم الجمعة إن خمسة مدنيين قتلوا بقصف على البلدة.", FRI)
    assert e is not None and (e.start, e.end) == (FRI, FRI), e


@pytest.mark.parametrize("text", [
    "ارتفع عدد ضحايا القصف الذي استهدف البلدة صباح اليوم إلى خمسة قتلى.",
    "ارتفعت حصيلة الغارات التي شنتها الطائرات فجر اليوم على المدينة إلى سبعة قتلى.",
    "توفي طفل متأثراً بجراحه التي أصيب بها جراء القصف الذي استهدف القرية صباح اليوم الجمعة.",
])
def test_a_date_after_the_attack_word_of_an_update_dates_the_attack(text: str) -> None:
    e = event_date(text, FRI)
    assert e is not None and (e.start, e.end) == (FRI, FRI), e


@pytest.mark.parametrize("text", [
    "شيّع الآلاف من أهالي كوباني، اليوم الجمعة، جثماني المواطنين اللذين استشهدا أمس بقصف مسيرة تركية.",
    "وشيعت بلدة سرمين اليوم ضحايا الغارة الروسية التي استهدفت السوق مساء أمس الخميس.",
    "ووري الثرى اليوم جثمان الطفل الذي قضى أمس بقصف مدفعي على قرية كنصفرة.",
])
def test_a_funerals_day_is_not_the_attacks(text: str) -> None:
    """The date right after a funeral verb dates the funeral; the attack's own date wins."""
    published = dt.date(2024, 5, 17)
    found = event_date(text, published)
    assert found is not None and (found.start, found.end) == (dt.date(2024, 5, 16), dt.date(2024, 5, 16)), found


@pytest.mark.parametrize("text, day", [
    ("أعلن الجيش الإسرائيلي، اليوم الثلاثاء، أن طائراته استهدفت أمس مقراً في دمشق.", dt.date(2024, 2, 19)),
    ("وقال الجيش اليوم إن قواته قصفت مساء الأحد مواقع في ريف درعا.", dt.date(2024, 2, 18)),
    ("أعلنت وزارة الدفاع، الثلاثاء، أنها قصفت أمس مواقع للمسلحين قرب الحدود.", dt.date(2024, 2, 19)),
    ("ذكرت الوكالة صباح اليوم أن الغارة التي استهدفت البلدة فجر أمس أوقعت ثلاثة قتلى.", dt.date(2024, 2, 19)),
])
def test_a_date_right_after_a_speaker_dates_the_statement(text: str, day: dt.date) -> None:
    """"أعلن الجيش، اليوم الثلاثاء، أن طائراته استهدفت أمس": the day it spoke, not the strike's."""
    found = event_date(text, dt.date(2024, 2, 20))
    assert found is not None and found.start == day


def test_a_date_after_an_attack_word_in_the_reported_clause_is_the_attacks() -> None:
    found = event_date("قال ناشطون إن غارات استهدفت اليوم البلدة، وكانت البلدة قد قصفت أمس.", dt.date(2024, 2, 20))
    assert found is not None and found.start == dt.date(2024, 2, 20)
