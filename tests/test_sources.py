"""Sources: who each figure is attributed to, and what kind of speaker that is.

Every text below was written for these tests, in the style of Syrian, Iraqi and Yemeni
conflict reporting, and is read as the body of an article with a neutral headline (see
conftest.py). Following shared/spec/CONTRACT.md and the annotation conventions, the source
is the subject of the nearest attribution phrase, as written; continuing speech keeps the
earlier speaker; a quote within a quote belongs to the innermost speaker; with no
attribution (and in the outlet's own "يذكر أن" / "وكانت ... قد" background) it is the outlet.
"""
from __future__ import annotations

from typing import NamedTuple

import pytest

K, I, S = "killed", "injured", "strikes"


class Attributed(NamedTuple):
    text: str
    kind: str                        # the figure: claim kind and min
    count: int
    source: str                      # must occur in claim.source.text
    source_kind: str | None = None   # asserted only where the kind is clear
    not_source: str | None = None    # must NOT occur in it (the outer speaker of a nested quote)


def cases(table: dict[str, tuple]) -> list:
    return [pytest.param(*row, id=case_id) for case_id, row in table.items()]


LEAD_THEN_QUOTE = "قتل 4 مدنيين بقصف على مدينة أريحا. وقال الدفاع المدني إن فرقه انتشلت الجثث من تحت الأنقاض."
OBSERVATORY_THEN_BACKGROUND = ("قال المرصد السوري لحقوق الإنسان إن 4 عناصر من قوات النظام قتلوا بالهجوم. "
                               "يذكر أن 20 مدنياً قتلوا في قصف مماثل على البلدة الشهر الماضي.")
QUOTE_THEN_WAKANAT = ("وقال الدفاع المدني إن 3 مدنيين قتلوا في القصف على البلدة. "
                      "وكانت الطائرات الروسية قد شنت 8 غارات على المنطقة الأسبوع الماضي.")
COUNCIL_CONTINUES = ("قال رئيس المجلس المحلي في البلدة إن القصف بدأ منذ ساعات الصباح الأولى. "
                     "وأضاف أن 6 مدنيين قتلوا وأصيب 10 آخرون بجروح.")
LOCALS_CONTINUE = ("أفادت مصادر محلية بأن الطائرات الحربية حلقت فوق المنطقة منذ الفجر. "
                   "وأضافت أن الطائرات شنت 7 غارات على أطراف البلدة. "
                   "وأشارت إلى مقتل 3 مدنيين في الغارات.")
TWO_SPEAKERS = ("قال المرصد السوري إن 5 عناصر من قوات النظام قتلوا في الهجوم على الحاجز. "
                "من جهتها، قالت وكالة سانا إن 2 من الجنود قتلوا في الهجوم.")
TWO_IN_ONE = "قال المرصد إن 7 مدنيين قتلوا في القصف، بينما ذكرت سانا أن 4 أشخاص فقط قتلوا."


ATTRIBUTED: dict[str, Attributed] = {
    # attribution verbs
    "qala": Attributed("وقال الدفاع المدني السوري إن 4 مدنيين قتلوا جراء القصف على بلدة سرمين.",
                       K, 4, "الدفاع المدني"),
    "afada-observatory": Attributed("أفاد المرصد السوري لحقوق الإنسان بمقتل 11 عنصراً من قوات النظام "
                                    "في هجوم لتنظيم داعش في بادية حمص.", K, 11, "المرصد", "monitor"),
    "dhakarat-sana-full": Attributed("ذكرت الوكالة العربية السورية للأنباء أن 3 مدنيين أصيبوا بقذائف "
                                     "أطلقها مسلحون على حي الحمدانية.", I, 3, "الوكالة العربية السورية",
                                     "state_media"),
    "dhakarat-sana": Attributed("وذكرت سانا أن شخصين قتلا بانفجار عبوة ناسفة في مدينة درعا.",
                                K, 2, "سانا", "state_media"),
    "akkada-medical": Attributed("أكد مصدر طبي في مستشفى إدلب الجامعي وصول 9 جرحى إلى المستشفى.",
                                 I, 9, "مصدر طبي", "medical"),
    "qala-hospital": Attributed("وقال مستشفى الشفاء في مدينة عفرين إنه استقبل 16 مصاباً جراء القصف.",
                                I, 16, "مستشفى الشفاء", "medical"),
    "afadat-medical-sources": Attributed("أفادت مصادر طبية في مدينة الحديدة بوصول 8 جثث إلى مستشفى الثورة.",
                                         K, 8, "مصادر طبية", "medical"),
    "awdahat": Attributed("وأوضحت مديرية صحة حماة أن القصف أسفر عن إصابة 6 أشخاص بجروح متفاوتة.",
                          I, 6, "مديرية صحة حماة"),
    "aalanat-ministry": Attributed("أعلنت وزارة الدفاع الروسية مقتل 3 من جنودها بانفجار لغم في ريف حماة.",
                                   K, 3, "وزارة الدفاع", "official"),
    "aalanat-interior-iraq": Attributed("أعلنت وزارة الداخلية العراقية مقتل 4 من منتسبيها بهجوم في كركوك.",
                                        K, 4, "وزارة الداخلية", "official"),
    "aalanat-security-cell": Attributed("أعلنت خلية الإعلام الأمني مقتل 3 إرهابيين بضربة جوية في وادي حوران.",
                                        K, 3, "خلية الإعلام الأمني", "official"),
    "aalana-coalition": Attributed("أعلن التحالف بقيادة السعودية تنفيذ 15 غارة على مواقع الحوثيين في مأرب.",
                                   S, 15, "التحالف"),
    "rasada": Attributed("رصد المرصد السوري شن الطائرات الروسية 12 غارة جوية على ريف اللاذقية الشمالي.",
                         S, 12, "المرصد", "monitor"),
    "waththaqat": Attributed("وثقت الشبكة السورية لحقوق الإنسان مقتل 7 مدنيين في القصف على مدينة أريحا.",
                             K, 7, "الشبكة السورية", "monitor"),
    "waththaqa-coordinators": Attributed("ووثق فريق منسقو استجابة سوريا إصابة 13 مدنياً في القصف على المخيم.",
                                         I, 13, "منسقو استجابة سوريا"),
    "ahsa": Attributed("وأحصى ناشطون محليون سقوط 14 غارة جوية على البلدة منذ الصباح.",
                       S, 14, "ناشطون"),
    "afada-correspondent": Attributed("أفاد مراسل السورية نت بأن 6 غارات استهدفت أطراف مدينة خان شيخون.",
                                      S, 6, "مراسل"),
    "dhakara-statement": Attributed("وذكر بيان صادر عن قيادة الجيش العراقي أن 5 جنود أصيبوا في الهجوم.",
                                    I, 5, "قيادة الجيش"),
    "qalat-white-helmets": Attributed("قالت منظمة الخوذ البيضاء في بيان إن اثنين من متطوعيها قتلا بالقصف.",
                                      K, 2, "الخوذ البيضاء"),
    "adaf-with-subject": Attributed("وأضاف المرصد أن 3 عناصر من الميليشيات أصيبوا بجروح في القصف.",
                                    I, 3, "المرصد"),
    "sarraha": Attributed("وصرح مدير صحة إدلب بأن 10 أشخاص قتلوا في الغارات على المدينة.",
                          K, 10, "مدير صحة إدلب"),
    "dhakarat-masira": Attributed("ذكرت قناة المسيرة أن طيران التحالف شن 21 غارة على محافظة صعدة.",
                                  S, 21, "المسيرة"),
    "dhakarat-afp": Attributed("ذكرت وكالة فرانس برس أن 10 أشخاص قتلوا في التفجير الذي استهدف السوق.",
                               K, 10, "فرانس برس", "agency"),
    "afadat-anadolu": Attributed("أفادت وكالة الأناضول بإصابة 5 جنود أتراك بهجوم على قاعدة في ريف إدلب.",
                                 I, 5, "الأناضول", "agency"),
    # attribution prepositions, before and after the figure
    "bihasab-after": Attributed("قتل 5 عناصر من الميليشيات الإيرانية بقصف على مواقعهم في البوكمال، "
                                "بحسب المرصد السوري لحقوق الإنسان.", K, 5, "المرصد", "monitor"),
    "bihasab-after-civil-defence": Attributed("مقتل 3 مدنيين بقصف مدفعي على قرية البارة، بحسب الدفاع المدني.",
                                              K, 3, "الدفاع المدني"),
    "bihasab-ma-afada": Attributed("قتل 3 مدنيين بقصف على قرية سفوهن، بحسب ما أفاد به ناشطون محليون.",
                                   K, 3, "ناشطون"),
    "wifq-front": Attributed("وفق مصادر محلية، قتل رجلان بقصف مدفعي على قرية الفطيرة.",
                             K, 2, "مصادر محلية", "anonymous"),
    "wifqan-li-front": Attributed("وفقاً لمسؤول في الدفاع المدني، أصيب 8 أشخاص بجروح جراء القصف على أريحا.",
                                  I, 8, "مسؤول"),
    "wifqan-li-after": Attributed("أصيب 7 مدنيين بقصف على بلدة الأتارب، وفقاً لمصادر محلية.",
                                  I, 7, "مصادر محلية", "anonymous"),
    "hasab-after": Attributed("أصيب 3 جنود أتراك بهجوم صاروخي على قاعدة في ريف حلب، حسب وزارة الدفاع التركية.",
                              I, 3, "وزارة الدفاع", "official"),
    "naqlan-an-after": Attributed("وقتل 4 من عناصر الحشد الشعبي بهجوم لداعش في ديالى، نقلاً عن مصدر أمني عراقي.",
                                  K, 4, "مصدر أمني"),
    # nested attribution: the innermost speaker
    "nested-military-source": Attributed("ونقلت الوكالة عن مصدر عسكري قوله إن 4 جنود قتلوا في الهجوم على الحاجز.",
                                         K, 4, "مصدر عسكري", None, "الوكالة"),
    "nested-field-sources": Attributed("ونقلت قناة الميادين عن مصادر ميدانية أن الطائرات الأمريكية شنت 3 غارات "
                                       "على مواقع للحشد الشعبي قرب القائم.", S, 3, "مصادر ميدانية",
                                       "anonymous", "الميادين"),
    "nested-local-official": Attributed("نقلت وكالة الأناضول عن مسؤول محلي قوله إن 6 مدنيين أصيبوا بالقصف.",
                                        I, 6, "مسؤول محلي", None, "الأناضول"),
    "nested-local-sources": Attributed("ونقل موقع صوت العاصمة عن مصادر محلية أن 3 عناصر من الفرقة الرابعة "
                                       "قتلوا في كمين.", K, 3, "مصادر محلية", "anonymous", "صوت العاصمة"),
    "nested-sana-source": Attributed("ونقلت سانا عن مصدر في قيادة الشرطة أن 2 من عناصرها أصيبا بانفجار عبوة.",
                                     I, 2, "مصدر في قيادة الشرطة", None, "سانا"),
    # anonymous sources
    "anon-informed": Attributed("وقال مصدر مطلع لعنب بلدي إن 5 عناصر من الفرقة الرابعة قتلوا في الهجوم.",
                                K, 5, "مصدر مطلع", "anonymous"),
    "anon-field": Attributed("وأكدت مصادر ميدانية مقتل 8 مقاتلين من الفصائل على محور الفوج 46.",
                             K, 8, "مصادر ميدانية", "anonymous"),
    "anon-residents": Attributed("قالت مصادر أهلية إن 4 أطفال أصيبوا بانفجار لغم من مخلفات الحرب.",
                                 I, 4, "مصادر أهلية", "anonymous"),
    # fronted subject
    "fronted-observatory": Attributed("وكان المرصد قد ذكر أن 9 مدنيين قتلوا في القصف على البلدة.",
                                      K, 9, "المرصد"),
    "fronted-local-sources": Attributed("وكانت مصادر محلية قد أفادت بإصابة 4 أطفال بقصف مدفعي على بلدة كفرنبل.",
                                        I, 4, "مصادر محلية", "anonymous"),
    # named persons
    "person-activist": Attributed("وقال الناشط الإعلامي محمد العبد الله إن 4 مدنيين قتلوا بالقصف.",
                                  K, 4, "محمد العبد الله", "person"),
    "person-resident": Attributed("قال أبو خالد، وهو أحد سكان القرية، إن 3 من جيرانه قتلوا في القصف.",
                                  K, 3, "أبو خالد", "person"),
    # continuing speech keeps the speaker
    "continues-killed": Attributed(COUNCIL_CONTINUES, K, 6, "رئيس المجلس المحلي"),
    "continues-injured": Attributed(COUNCIL_CONTINUES, I, 10, "رئيس المجلس المحلي"),
    "continues-strikes": Attributed(LOCALS_CONTINUE, S, 7, "مصادر محلية", "anonymous"),
    "continues-twice": Attributed(LOCALS_CONTINUE, K, 3, "مصادر محلية", "anonymous"),
    "continues-awdaha": Attributed("وقال الناطق باسم الدفاع المدني إن فرقهم عملت طوال الليل. "
                                   "وأوضح أن 11 شخصاً قتلوا بينهم 4 أطفال.", K, 11, "الناطق باسم الدفاع المدني"),
    "continues-muwaddihan": Attributed("وقال مدير مستشفى باب الهوى إن الطواقم الطبية استنفرت، موضحاً أن "
                                       "المستشفى استقبل 23 جريحاً.", I, 23, "مدير مستشفى", "medical"),
    # a new speaker takes over
    "speaker-first": Attributed(TWO_SPEAKERS, K, 5, "المرصد", "monitor", "سانا"),
    "speaker-second": Attributed(TWO_SPEAKERS, K, 2, "سانا", "state_media", "المرصد"),
    "one-sentence-first": Attributed(TWO_IN_ONE, K, 7, "المرصد", "monitor", "سانا"),
    "one-sentence-second": Attributed(TWO_IN_ONE, K, 4, "سانا", "state_media", "المرصد"),
    "before-background": Attributed(OBSERVATORY_THEN_BACKGROUND, K, 4, "المرصد", "monitor"),
    # an apology or a regret is the speaker's telling of the harm
    "itadharat": Attributed("اعتذرت إدارة العمليات العسكرية عن مقتل ثلاثة مدنيين بضربة مسيرة قرب بلدة قمحانة.",
                            K, 3, "إدارة العمليات العسكرية", "official"),
    "aarabat-asafiha": Attributed("وأعربت وزارة الدفاع التركية عن أسفها لمقتل مدنيين اثنين في القصف على قرية عين دقنة.",
                                  K, 2, "وزارة الدفاع التركية", "official"),
    "abda-asafahu": Attributed("أبدى الجيش الأردني أسفه لسقوط ضحيتين مدنيتين في الغارة على قرية الشعاب.",
                               K, 2, "الجيش الأردني", "official", "أسفه"),
    "tatadhiru-present": Attributed("وتعتذر القيادة المركزية الأمريكية عن إصابة 5 مدنيين بشظايا الصاروخ في ريف إدلب.",
                                    I, 5, "القيادة المركزية الأمريكية", "official"),
    # a catalogued name is whole, a stop word inside it included
    "quoted-part-of-name": Attributed('أعلنت وزارة الدفاع في "الحكومة السورية المؤقتة" تشكيل لجنة تحقيق في قصف '
                                      'أدى إلى مقتل طفلين في قرية الشيخ عيسى.', K, 2, "الحكومة السورية المؤقتة", "official"),
    "quoted-agency-then-quote": Attributed('أفادت وكالة "سانا" "بمقتل 3 مدنيين وإصابة آخرين بانفجار في ريف حلب".',
                                           K, 3, 'وكالة "سانا"', "state_media"),
    "quoted-rescuers-object": Attributed('ونشرت "الخوذ البيضاء" صوراً لفرقها وهي تنتشل جثث 4 أطفال قتلوا في القصف.',
                                         K, 4, "الخوذ البيضاء", "medical"),
    # an outlet's kind before its catalogued name, digits and quotes in the name
    "shabaka-quoted-digits": Attributed('نقلت شبكة "السويداء 24" المحلية أن غارة أدت إلى مقتل رجل وإصابة زوجته.',
                                        K, 1, "السويداء 24", "outlet"),
    "mawqi-digits": Attributed("وذكر موقع درعا 24 أن 3 مدنيين قتلوا بقصف على بلدة الحراك.", K, 3, "درعا 24", "outlet"),
    "shabaka-feminine": Attributed('وأفادت شبكة "دير الزور 24" بإصابة أربعة أطفال بقذائف سقطت على بلدة ذيبان.',
                                   I, 4, "دير الزور 24", "outlet"),
    "ministry-fi-government": Attributed("وقالت وزارة الدفاع في الحكومة المؤقتة إن قصفاً أسفر عن مقتل طفلين في قرية الشيخ عيسى.",
                                         K, 2, "وزارة الدفاع في الحكومة المؤقتة", "official"),
}


@pytest.mark.parametrize("text, kind, count, source, source_kind, not_source", cases(ATTRIBUTED))
def test_attributed(extract, text, kind, count, source, source_kind, not_source):
    ex = extract(text)
    claimed = ex.find(kind, count).source
    assert source in claimed.text, str(ex)
    if source_kind is not None:
        assert claimed.kind == source_kind, str(ex)
    if not_source is not None:
        assert not_source not in claimed.text, str(ex)


# ---------------------------------------------------------------- the outlet's own voice
OUTLET_VOICE: dict[str, tuple[str, str, int]] = {
    "no-attribution-killed": ("قتل 6 مدنيين بقصف مدفعي على بلدة كفرنبل جنوبي إدلب.", K, 6),
    "no-attribution-strikes": ("شنت الطائرات الروسية 5 غارات على محيط مدينة سراقب.", S, 5),
    "no-attribution-iraq": ("أصيب 4 جنود عراقيين بانفجار عبوة ناسفة على طريق بيجي.", I, 4),
    "no-attribution-yemen": ("قتل 3 صيادين بقصف على قارب قبالة سواحل الخوخة.", K, 3),
    "lead-before-quote": (LEAD_THEN_QUOTE, K, 4),
    "yudhkar-anna": (OBSERVATORY_THEN_BACKGROUND, K, 20),
    "wakanat-background": (QUOTE_THEN_WAKANAT, S, 8),
}


@pytest.mark.parametrize("text, kind, count", cases(OUTLET_VOICE))
def test_outlet_voice(extract, text, kind, count):
    ex = extract(text)
    claimed = ex.find(kind, count).source
    assert (claimed.text, claimed.kind, claimed.span) == (ex.outlet, "outlet", None), str(ex)


def test_quote_after_background_sentence_keeps_its_speaker(extract):
    """The sentence before "وكانت ... قد" is still the civil defence's."""
    ex = extract(QUOTE_THEN_WAKANAT)
    assert "الدفاع المدني" in ex.find(K, 3).source.text, str(ex)


def test_source_spans_point_at_the_source(extract):
    """An attributed source is in the text: its span gives back its words (all cases at once)."""
    wrong = []
    for case_id, case in ATTRIBUTED.items():
        ex = extract(case.text)
        claimed = next((c.source for c in ex.claims if (c.kind, c.min) == (case.kind, case.count)), None)
        if claimed is None or claimed.kind == "outlet":
            continue                 # the figure or its attribution is test_attributed's failure
        start, end = claimed.span or (0, 0)
        if ex.doc.text[start:end] != claimed.text:
            wrong.append(f"{case_id}: span {claimed.span} -> {ex.doc.text[start:end]!r}, text {claimed.text!r}")
    assert not wrong, "\n".join(wrong)


@pytest.mark.parametrize("text, count, speaker, relayer", [
    ("نقلت وكالة سانا عن مصدر عسكري قوله إن العدوان أدى إلى إصابة 3 مدنيين.", 3, "مصدر عسكري",
     "SANA (Syrian Arab News Agency)"),
    ("ونقل المرصد السوري عن مصادره أن 4 مدنيين أصيبوا في القصف على البلدة.", 4, "مصادره",
     "Syrian Observatory for Human Rights"),
    ("نقلت وكالة الأناضول عن مصادر أمنية إصابة 5 مدنيين بانفجار في مدينة الباب.", 5, "مصادر أمنية", "Anadolu Agency"),
    # the relayer named first, the figure told by "المصدر" in the next sentence
    ("نقلت وكالة سانا عن مصدر عسكري قوله إن العدو نفذ عدواناً جوياً على المنطقة. "
     "وأوضح المصدر أن العدوان أسفر عن إصابة 6 مدنيين.", 6, "المصدر", "SANA (Syrian Arab News Agency)"),
])
def test_a_catalogued_relayers_unnamed_source_is_the_relayers(extract, text, count, speaker, relayer):
    """"نقلت سانا عن مصدر عسكري": the unnamed source speaks, and it is SANA's: its actor."""
    source = extract(text).find("injured", count).source
    assert (source.text, source.kind, source.actor) == (speaker, "anonymous", relayer), source


@pytest.mark.parametrize("text, count, relayer", [
    ("ونقلت «شبكة أحياء حلب الشرقية» عن مراسليها أن خمسة مدنيين أصيبوا بغارة على حي الشعار.", 5,
     "شبكة أحياء حلب الشرقية"),
    ('ونقل موقع "صوت العاصمة" عن مراسله في المدينة إصابة ثلاثة أطفال بقذيفة على حي جوبر.', 3, "صوت العاصمة"),
    ("نقلت تنسيقية مدينة الباب عن ناشطيها أن 4 مدنيين أصيبوا بقصف مدفعي على المدينة.", 4, "تنسيقية مدينة الباب"),
    ("نقلت صفحة أخبار الرقة عن مصادرها إصابة سيدتين بانفجار لغم قرب حي الدرعية.", 2, "صفحة أخبار الرقة"),
])
def test_a_relayers_own_staff_speak_for_the_relayer(extract, text, count, relayer):
    """"نقلت شبكة X عن مراسليها": the relayer's own correspondents or sources (a pronoun
    pointing back at it) report for it, catalogued or not: the figure is the relayer's report,
    named in the source, not the relaying outlet's own (its correspondent alone had been taken
    for the outlet's staff)."""
    source = extract(text).find("injured", count).source
    assert relayer in source.text and source.actor is None and source.kind != "anonymous", source

