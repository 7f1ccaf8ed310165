"""Kinds of attribution met in reporting rasd had not seen, each pinned with sentences written here."""
from __future__ import annotations

import pytest

import rasd


def sourced(body: str, title: str = "تطورات ميدانية") -> list[tuple[str, int, str, str | None]]:
    doc = rasd.extract(title + "\n" + body, published="2023-05-02", outlet="Test Outlet")
    return [(c.kind, c.min, c.source.text, c.source.actor) for c in doc.claims]


# -- "SPEAKER: figures" -----------------------------------------------------------------------

@pytest.mark.parametrize("line, speaker, actor", [
    ("الدفاع المدني: مقتل 3 مدنيين بقصف على إدلب.", "الدفاع المدني", "Syrian Civil Defence (White Helmets)"),
    ("المرصد السوري: إصابة 4 أشخاص بانفجار في ريف حلب.", "المرصد السوري", "Syrian Observatory for Human Rights"),
    ("مصدر طبي: استشهاد طفلين بغارة على البلدة.", "مصدر طبي", None),
    ("وزارة الدفاع التركية: مقتل 5 عناصر بهجوم على قاعدة.", "وزارة الدفاع التركية",
     "Turkish Ministry of National Defence"),
])
def test_a_speaker_before_a_colon_says_the_figures(line, speaker, actor):
    [(_, _, text, found_actor)] = sourced(line)
    assert (text, found_actor) == (speaker, actor)


@pytest.mark.parametrize("line", [
    "إدلب: مقتل 3 مدنيين بقصف على البلدة.",
    "عاجل: إصابة 4 أشخاص بانفجار في ريف حلب.",
    "ريف دير الزور الشرقي: مقتل شاب برصاص مجهولين.",
])
def test_a_place_or_a_label_before_a_colon_is_no_speaker(line):
    assert all(text == "Test Outlet" for _, _, text, _ in sourced(line))


# -- speech verbs and their glued prefixes ---------------------------------------------------

@pytest.mark.parametrize("line, speaker", [
    ("وبيّن المرصد أن 4 مدنيين قتلوا في القصف.", "المرصد"),
    ("وبيّنت مديرية الصحة أن 3 أشخاص أصيبوا بجروح.", "مديرية الصحة"),
    ("ولفتت الشبكة السورية إلى مقتل 4 مدنيين.", "الشبكة السورية"),
    ("فيما أشار ناشطون إلى مقتل طفلين.", "ناشطون"),
    ("كما أفادت مصادر محلية بإصابة 6 مدنيين.", "مصادر محلية"),
    ("وبحسب الدفاع المدني، قتل 3 مدنيين في القصف.", "الدفاع المدني"),
    ("ووثّق المرصد مقتل 7 عناصر من قوات النظام.", "المرصد"),
    ("ورصدوا إصابة 3 مدنيين بجروح.", "Test Outlet"),
])
def test_speech_verbs_with_their_prefixes(line, speaker):
    assert [text for _, _, text, _ in sourced(line)] == [speaker]


@pytest.mark.parametrize("line", [
    "بين 3 و5 قتلى سقطوا في القصف على البلدة.",
    "وتوزع القتلى بين 3 مدنيين وعنصرين.",
    "وقعت الاشتباكات بين قسد وفصائل المعارضة وقتل فيها 4 عناصر.",
])
def test_between_is_no_speech_verb(line):
    assert {text for _, _, text, _ in sourced(line)} == {"Test Outlet"}


# -- who speaks after other lines -------------------------------------------------------------

@pytest.mark.parametrize("line, speaker", [
    ("وكان المرصد السوري أشار إلى مقتل طفلين بقصف مماثل.", "المرصد السوري"),
    ("وكانت مديرية الصحة أعلنت مقتل 3 أشخاص.", "مديرية الصحة"),
    ("وكان المتحدث باسم الجيش قال في بيان إن 5 جنود أصيبوا.", "المتحدث باسم الجيش"),
])
def test_a_fronted_speaker_without_qad(line, speaker):
    assert [text for _, _, text, _ in sourced(line)] == [speaker]


@pytest.mark.parametrize("continuation", ["وأضاف أن", "مشيراً إلى أن", "وأوضحت أن"])
def test_continuing_speech_keeps_the_last_named_speaker_across_narration(continuation):
    body = ("وقال الدفاع المدني إن فرقه وصلت إلى المكان.\n"
            "وتشهد المنطقة تصعيداً منذ أسابيع.\n"
            f"{continuation} 3 مدنيين قتلوا في القصف.")
    assert sourced(body) == [("killed", 3, "الدفاع المدني", "Syrian Civil Defence (White Helmets)")]


# -- a statement speaks for its issuer -------------------------------------------------------

@pytest.mark.parametrize("title, body, actor", [
    ("بيان صادر عن وزارة الدفاع الروسية", "قصف مسلحون بلدة كفرنبودة ما أدى إلى مقتل 3 جنود.",
     "Russian Ministry of Defence"),
    ("نشرة مديرية صحة إدلب اليومية", "وصل إلى المشافي 4 جرحى جراء القصف على المدينة.",
     "Idlib Health Directorate"),
    ("خبر عاجل", "قتل 4 مدنيين بقصف على بلدة سرمين.\nالمكتب الإعلامي - الدفاع المدني السوري",
     "Syrian Civil Defence (White Helmets)"),
])
def test_a_statements_figures_are_its_issuers(title, body, actor):
    assert {found for _, _, _, found in sourced(body, title)} == {actor}


@pytest.mark.parametrize("title", [
    'حصيلة الأحد في الشمال السوري: 5 قتلى بينهم طفلان بقصف "قسد" على ريف إعزاز',
    "بيان: مقتل 3 مدنيين بغارات للتحالف الدولي على ريف إدلب",
    "نشرة المساء: قتيلان بقصف لقوات سوريا الديمقراطية على مارع",
])
def test_a_bulletin_about_an_attacker_is_not_the_attackers_statement(title):
    found = sourced("قتل مدنيان بقصف مدفعي على بلدة كلجبرين.", title)
    assert {text for _, _, text, _ in found} == {"Test Outlet"}


def test_a_report_naming_a_source_later_is_still_the_outlets():
    found = sourced("قتل 4 مدنيين بقصف على بلدة سرمين.\nوأفاد الدفاع المدني بإصابة 6 آخرين.")
    assert [text for _, _, text, _ in found] == ["Test Outlet", "الدفاع المدني"]


@pytest.mark.parametrize("line, speaker", [
    ('وقال "محامي عام طرطوس القاضي هيثم حرفوش" لذات الصحيفة، إن 73 جثماناً سلمت لذويها.',
     "محامي عام طرطوس القاضي هيثم حرفوش"),
    ('وأكد "مدير الدفاع المدني في المدينة" لعنب بلدي أن 4 مدنيين قتلوا.', "مدير الدفاع المدني في المدينة"),
    ('وأفاد "مسؤول في مديرية الصحة" أن 6 جرحى وصلوا إلى المشفى.', "مسؤول في مديرية الصحة"),
])
def test_a_quoted_speaker_ends_at_its_closing_quote(line, speaker):
    assert [text for _, _, text, _ in sourced(line)] == [speaker]


@pytest.mark.parametrize("line, speaker", [
    ("ذكر موقع (جرابلس الآن) أن قصفاً مدفعياً على قرية العمارنة أدى إلى إصابة مدنيتين.", "موقع (جرابلس الآن)"),
    ("وقالت وكالة (سانا) إن 3 مدنيين قتلوا بقذائف على حي الحمدانية.", "وكالة (سانا)"),
    ("وأفادت شبكة (أخبار الحسكة) المحلية بمقتل طفل وإصابة أمه بقصف على تل تمر.", "شبكة (أخبار الحسكة) المحلية"),
])
def test_an_outlets_name_in_brackets_after_its_kind_is_part_of_the_speaker(line, speaker):
    assert {text for _, _, text, _ in sourced(line)} == {speaker}


def test_a_quoted_statement_is_no_speaker():
    body = ('وقال الدفاع المدني إن فرقه وصلت إلى المكان.\n'
            'وأضاف "نحن نعمل بشكل متواصل".\nوأوضح أن 3 مدنيين قتلوا.')
    assert [text for _, _, text, _ in sourced(body)] == ["الدفاع المدني"]


@pytest.mark.parametrize("last_line", [
    "التحالف الدولي",
    "— الدفاع المدني السوري (@SyriaCivilDef) September 7, 2021",
    "المرصد السوري لحقوق الإنسان",
])
def test_a_tag_or_a_posts_credit_at_the_end_is_no_signature(last_line):
    found = sourced("قتل 4 مدنيين بقصف على بلدة سرمين.\n" + last_line)
    assert [text for _, _, text, _ in found] == ["Test Outlet"]


@pytest.mark.parametrize("line, speaker", [
    ("نقلاً عن المنصة السورية لرصد الانتهاكات: مقتل رجل وزوجته وابنهما برصاص مسلحين مجهولين.",
     "المنصة السورية لرصد الانتهاكات"),
    ("قال مركز حلب لرصد الانتهاكات إن 3 مدنيين قتلوا بقصف على القرية.", "مركز حلب لرصد الانتهاكات"),
    ("وأفادت رابطة الساحل لتوثيق الجرائم بمقتل مدنيين اثنين في القرية.", "رابطة الساحل لتوثيق الجرائم"),
])
def test_a_verbal_noun_after_li_stays_in_the_speakers_name(line, speaker):
    """"لرصد", "لتوثيق" inside an organisation's name are verbal nouns, not the verb that would
    end the speaker ("المنصة السورية")."""
    assert {text for _, _, text, _ in sourced(line)} == {speaker}


def test_a_verb_beginning_with_lam_still_ends_the_speaker():
    assert {text for _, _, text, _ in sourced("قال الدفاع المدني لقي طفلان حتفهما بقصف على البلدة.")} == {"الدفاع المدني"}
