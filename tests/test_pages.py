"""Page structure: pages with no article body (lists of headlines) and related-links lists
after an article. Every page below is written for these tests."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from click.testing import CliRunner

import rasd
from rasd.cli import app
from rasd.incidents import build_incidents
from rasd.ingest import article_from_text, read_inputs
from rasd.ingest.boilerplate import clean_text
from rasd.ingest.pages import line_shape, page_shape, trailing_list
from rasd.pipeline import analyze

# ------------------------------------------------------------------ pages with no article

TICKER = """عاجل
مقتل 4 مدنيين بقصف مدفعي على بلدة كفرنبل جنوبي إدلب
ارتفاع أسعار الذهب في الأسواق المحلية مع بداية الأسبوع
وزير الخارجية يصل إلى عمّان في زيارة رسمية تستمر يومين
إصابة 7 أشخاص بحادث سير على طريق حمص طرطوس
المنتخب الوطني يتأهل إلى نهائي بطولة غرب آسيا
انقطاع الكهرباء عن أحياء واسعة في مدينة حلب"""

MOST_READ = """اخترنا لكم هذا الأسبوع من أخبارنا
1
غارات روسية تقتل 6 مدنيين في ريف إدلب الجنوبي
2
الحكومة تعلن زيادة جديدة على رواتب الموظفين
3
مقتل شاب برصاص مجهولين في مدينة درعا البلد
4
أمطار غزيرة تغرق شوارع اللاذقية وتقطع طرقاً رئيسية
5
انطلاق امتحانات الشهادة الثانوية في جميع المحافظات"""

CATEGORY_WITH_DATES = """أخبار سوريا
انفجار عبوة ناسفة يقتل عنصرين من قوات النظام في ريف درعا
2021/08/07
قسد تعتقل عشرة شبان في حملة مداهمات بريف دير الزور الشرقي
2021/08/06
الدفاع المدني يخمد حريقاً في أحراش جبل التركمان
2021/08/05
مجلس محافظة حماة يناقش خطة إصلاح الطرق الريفية
2021/08/04"""

MIXED_LANGUAGES = """Latest News آخر الأخبار
مقتل طفلين بغارة جوية على مخيم للنازحين شمال إدلب
Turkish drones strike SDF positions near Qamishli
الأمم المتحدة تحذر من نقص المساعدات في الشمال السوري
Three killed in shelling on Afrin countryside
تعزيزات عسكرية تركية تدخل الأراضي السورية عبر معبر كفرلوسين
Video: rescue teams pull survivors from the rubble"""

TAGS_PAGE = """سوريا
إدلب
حلب
قصف صاروخي يستهدف أطراف مدينة الأتارب غربي حلب منذ 3 ساعات
نازحون يشتكون من غلاء الإيجارات في مدن الشمال منذ 5 ساعات
طائرة مسيرة تستهدف سيارة عسكرية قرب مدينة الباب منذ 8 ساعات
اجتماع لوجهاء العشائر في منبج لبحث الأوضاع الأمنية منذ 9 ساعات
افتتاح مدرسة جديدة للأيتام في بلدة سرمدا منذ 12 ساعة"""

LIST_PAGES = [TICKER, MOST_READ, CATEGORY_WITH_DATES, MIXED_LANGUAGES, TAGS_PAGE]


# ------------------------------------------------------------------ real articles (kept)

SHORT_ITEM = """مقتل مدنيين اثنين بقصف مدفعي على قرية الفطيرة جنوبي إدلب
قتل مدنيان وأصيب ثلاثة آخرون، صباح اليوم الأحد، جراء قصف مدفعي لقوات النظام استهدف قرية الفطيرة في جبل الزاوية.
وقال الدفاع المدني إن فرقه نقلت المصابين إلى مشفى قريب وتفقدت المنازل المتضررة."""

BODY = """غارات روسية على ريف إدلب الغربي
شنت طائرات حربية روسية، فجر اليوم الثلاثاء، خمس غارات على أطراف بلدة بداما في ريف إدلب الغربي، ما أدى إلى مقتل امرأة وإصابة طفلين.
وأفاد مراسل محلي بأن الغارات استهدفت منازل سكنية قريبة من الطريق العام، وأن فرق الإسعاف نقلت المصابين إلى مشفى مدينة دركوش.
وتشهد المنطقة تصعيداً منذ أسبوعين، وسط مخاوف من موجة نزوح جديدة نحو المخيمات الحدودية."""

RELATED_TAIL = """
الحكومة تعلن موعد صرف المنحة للعاملين في الدولة
مقتل 12 عنصراً من تنظيم الدولة بغارات للتحالف في البادية
توقعات بموجة حر شديدة تضرب المنطقة الأسبوع المقبل
المنتخب يخسر أمام نظيره العراقي بهدفين نظيفين
افتتاح معرض الكتاب في دورته الجديدة بمشاركة واسعة"""

WRAPPED = """قصف صاروخي على مدينة أعزاز
قال مسعف في مشفى المدينة إن قصفاً صاروخياً استهدف سوقاً شعبياً في
مدينة أعزاز شمال حلب ظهر اليوم، ما أدى إلى مقتل ثلاثة مدنيين وإصابة سبعة
آخرين بجروح متفاوتة،
ونقلت فرق الدفاع المدني المصابين إلى المشافي القريبة من
موقع القصف الذي طال محلات تجارية ومنازل
وأضاف المسعف أن بين القتلى طفلاً في العاشرة من عمره."""

QUOTES_AND_CAPTIONS = """مجزرة في ريف حماة
صورة من موقع القصف في قرية قسطون
قتل أربعة أطفال من عائلة واحدة، مساء أمس السبت، بقصف صاروخي لقوات النظام على قرية قسطون بريف حماة الغربي.
"لم يبق من البيت شيء" قال والد الأطفال لمراسلنا وهو يبحث بين الركام عن أغراضهم.
وقال الدفاع المدني في بيان إن فرقه انتشلت الجثث من تحت الأنقاض بعد ساعات من العمل.
الدفاع المدني السوري
قسطون
ريف حماة"""

LONG_REPORT = """تصعيد في جبل الزاوية
شهدت قرى جبل الزاوية جنوبي إدلب، يوم أمس الخميس، قصفاً مدفعياً وصاروخياً مكثفاً من قبل قوات النظام المتمركزة في معسكر جورين.
وقال مراسلنا إن أكثر من ثمانين قذيفة سقطت على قرى البارة وكنصفرة وفليفل، ما أدى إلى مقتل رجل وإصابة خمسة مدنيين آخرين.
وأضاف أن القصف تسبب بأضرار كبيرة في المنازل والأراضي الزراعية، كما أجبر عشرات العائلات على النزوح نحو مناطق أكثر أمناً.
وطالب ناشطون المنظمات الإنسانية بتأمين مأوى للعائلات النازحة قبل حلول فصل الشتاء.
وتتعرض المنطقة لقصف شبه يومي منذ مطلع الشهر الجاري رغم اتفاق وقف إطلاق النار."""

ARTICLES = [SHORT_ITEM, BODY, BODY + "\n" + RELATED_TAIL, WRAPPED, QUOTES_AND_CAPTIONS, LONG_REPORT]


@pytest.mark.parametrize("page", LIST_PAGES)
def test_a_page_of_headlines_is_a_link_list(page: str) -> None:
    assert page_shape(clean_text(page).text).kind == "link_list"


POINTS = [
    "\n".join(["🔴 #الأتارب | مجزرة في السوق الشعبي",
               "✅ 8 شهداء و19 جريحاً حصيلة غارة للطيران الروسي على سوق مدينة الأتارب ظهر اليوم",
               "✅ نقل المصابون إلى مشفى دارة عزة الميداني بسبب خروج النقطة الطبية عن الخدمة",
               "✅ الغارة استهدفت السوق في يوم السبت حيث يتوافد أهالي القرى المجاورة",
               "✅ الطيران لا يزال يحلق في الأجواء ونحذر الأهالي من التجمع", "#حلب #الريف_الغربي"]),
    "\n".join(["مجزرة جديدة في مدينة الباب",
               "▫️ 11 شهيداً مدنياً بينهم 4 أطفال و19 جريحاً بغارات استهدفت منازل في الحي الشمالي",
               "▫️ الغارات تزامنت مع قصف مدفعي على الأطراف الغربية للمدينة",
               "▫️ المشفى الوحيد في المدينة يعمل بالحد الأدنى",
               "▫️ الأهالي يناشدون فتح ممر آمن لإخراج الجرحى"]),
    "\n".join(["#الميادين | مجزرة في شارع البلدية",
               "- غارات جوية على بنائين سكنيين وسط المدينة ظهر اليوم الاثنين",
               "- 12 شهيداً مدنياً بينهم 5 أطفال و20 جريحاً",
               "- أحد البنائين كان يسكنه نازحون من ريف حلب الشرقي",
               "- الأهالي يناشدون المنظمات الإنسانية إرسال أدوية"]),
]


@pytest.mark.parametrize("post", POINTS)
def test_a_post_in_points_is_an_article_not_a_link_list(post: str) -> None:
    """Short unpunctuated lines under a title, most opening with one mark (another than the
    title's): one event told point by point, whose figures count."""
    assert page_shape(clean_text(post).text).kind == "article"
    assert any(c.kind == "killed" for c in rasd.extract(post, published="2016-09-24").claims)


def test_a_ticker_marking_its_title_too_stays_a_link_list() -> None:
    ticker = "\n".join("🔴 " + line for line in TICKER.split("\n"))
    assert page_shape(clean_text(ticker).text).kind == "link_list"


@pytest.mark.parametrize("page", ARTICLES)
def test_real_articles_are_articles(page: str) -> None:
    assert page_shape(clean_text(page).text).kind == "article"


def test_an_article_among_many_links_is_an_article() -> None:
    """A body of running prose stays an article however many headlines surround it."""
    links = "\n".join(RELATED_TAIL.strip().split("\n") * 8)
    shape = page_shape(f"{links}\n{LONG_REPORT}\n{links}")
    assert shape.prose_share < 0.3
    assert shape.kind == "article"


def test_a_page_of_menu_words_only_is_empty() -> None:
    assert page_shape("الرئيسية\nأخبار\nرياضة\nاتصل بنا\n2021/08/07").kind == "empty"


@pytest.mark.parametrize("page", LIST_PAGES)
def test_a_link_list_gives_no_claims_and_a_warning(page: str) -> None:
    article = article_from_text(page, doc_id="list", published="2021-08-07")
    assert article.page_kind == "link_list"
    assert any(w.startswith("no article body: a list of") for w in article.warnings)
    doc = analyze(article)
    assert doc.page_kind == "link_list"
    assert doc.claims == () and doc.sites == ()


def test_a_link_list_is_read_only_by_its_title() -> None:
    """The first line stays weak evidence: its place and event type, never the other items'
    places or figures."""
    title = "غارات روسية على مدينة أريحا جنوبي إدلب"
    doc = analyze(article_from_text(title + "\n" + TICKER.split("\n", 1)[1], doc_id="t", published="2021-08-07"))
    assert doc.page_kind == "link_list" and doc.claims == ()
    assert [p.text for p in doc.places][:1] == ["أريحا"]
    assert all(p.span[0] < len(title) for p in doc.places)
    assert doc.event_type == ("Explosions/Remote violence", "Air/drone strike")


def test_a_ticker_whose_first_item_names_no_violence_has_no_event() -> None:
    doc = analyze(article_from_text(TICKER, doc_id="ticker", published="2021-08-07"))
    assert doc.places == () and doc.event_type is None


def test_a_list_whose_title_tells_of_no_violence_forms_no_incident() -> None:
    page = "ارتفاع أسعار الخضار في أسواق دمشق\n" + TICKER.split("\n", 1)[1]
    doc = analyze(article_from_text(page, doc_id="prices", published="2021-08-07"))
    assert doc.page_kind == "link_list"
    assert doc.event_type is None
    assert build_incidents([doc]) == []


def test_the_headline_count_is_in_the_warning() -> None:
    article = article_from_text(TICKER, doc_id="ticker")
    assert "no article body: a list of 6 headlines" in article.warnings


# ------------------------------------------------------------- related lists after articles

def test_a_related_list_after_an_article_is_cut_without_a_marker() -> None:
    cleaned = clean_text(BODY + "\n" + RELATED_TAIL)
    assert cleaned.text == BODY
    assert [rule for rule, _ in cleaned.removed] == ["trailing_list"]


def test_the_related_list_gives_no_claim() -> None:
    doc = rasd.extract(BODY + "\n" + RELATED_TAIL, published="2021-08-07")
    assert doc.claims
    assert all(c.min != 12 for c in doc.claims)            # "مقتل 12 عنصراً" of the related list


def test_a_related_list_after_a_short_item_is_cut() -> None:
    cleaned = clean_text(SHORT_ITEM + "\n\nاقرأ أيضاً:\n" + RELATED_TAIL)
    assert cleaned.text == SHORT_ITEM


@pytest.mark.parametrize("article", [SHORT_ITEM, BODY, WRAPPED, QUOTES_AND_CAPTIONS, LONG_REPORT])
def test_an_article_without_a_related_list_keeps_every_line(article: str) -> None:
    assert clean_text(article).text == article


def test_three_trailing_headlines_are_not_enough_to_cut() -> None:
    tail = "\n".join(RELATED_TAIL.strip().split("\n")[:3])
    assert clean_text(BODY + "\n" + tail).text == BODY + "\n" + tail


def test_the_article_own_closing_lines_linking_clauses_stop_the_cut() -> None:
    closing = ("\nوأكد الأهالي أن المنطقة لم تشهد أي وجود عسكري\nوقال ناشطون إن القصف الذي طال البلدة متعمد"
               "\nوأشار المصدر إلى أن الطرق التي تربط القرى مقطوعة\nوذكر المراسل أن العائلات التي نزحت بلا مأوى")
    assert clean_text(BODY + closing).text == BODY + closing


@pytest.mark.parametrize("intro, items", [
    ("وتوزعت الغارات على القرى على النحو التالي:",
     ["خمس غارات على أطراف بلدة كنصفرة", "ثلاث غارات على قرية البارة الشرقية", "غارتان على محيط قرية فليفل",
      "أربع غارات على أطراف بلدة بليون"]),
    ("وهذه أسماء الضحايا الذين وثقهم المرصد:",
     ["الطفل محمد أحمد العلي وعمره ثماني سنوات", "السيدة فاطمة خالد الحسن وابنتها الصغيرة",
      "الشاب عمر سعيد الإبراهيم من أهالي البلدة", "المسن عبد الله يوسف الخلف وزوجته"]),
    ("وقال الأهالي في بيانهم:",
     ["نطالب بوقف القصف على منازلنا فوراً", "نريد العودة إلى قرانا بأمان وكرامة",
      "نحمل المجتمع الدولي مسؤولية ما يجري", "لن نترك أرضنا مهما اشتد القصف علينا"]),
])
def test_a_list_the_article_announces_is_kept(intro: str, items: list[str]) -> None:
    text = BODY + "\n" + intro + "\n" + "\n".join(items)
    assert clean_text(text).text == text


@pytest.mark.parametrize("mark", ["▪️", "•", "🔹", "-"])
def test_a_posts_own_points_are_kept(mark: str) -> None:
    """A channel's post in points, its figures in the later ones: the body's own list, not
    other articles' headlines."""
    post = "\n".join([
        "🔴 عاجل | مجزرة في سوق الهال بمدينة معرة النعمان",
        f"{mark} الطيران الحربي الروسي يستهدف سوق الهال وسط المدينة بغارتين متتاليتين ظهر اليوم السبت، في وقت "
        "الذروة حين يكون السوق مكتظاً بالباعة والمتسوقين القادمين من القرى المجاورة",
        f"{mark} حصيلة أولية: 9 شهداء وأكثر من 20 جريحاً معظمهم من الباعة والمتسوقين",
        f"{mark} فرق الإنقاذ تعمل على انتشال العالقين من تحت الأنقاض، والمشافي الميدانية تطلب التبرع بالدم",
        f"{mark} الطيران ما يزال يحلق في سماء المدينة ونطلب من الأهالي الابتعاد عن التجمعات",
        "#ادلب #الطيران_الروسي_يقتل_المدنيين",
    ])
    assert clean_text(post).text == post
    assert {(c.kind, c.min) for c in rasd.extract(post, published="2016-02-13").claims} >= {("killed", 9), ("injured", 21)}


def test_a_related_list_after_a_quoted_tweet_is_still_cut() -> None:
    """A tweet's "— name (@handle) date" signature in the body opens no list of its own: the
    related headlines after the last one still go."""
    signature = "— ناشط إعلامي (@activist) November 6, 2021"
    tweets = (f"\n{signature}\nقبل قليل قصفت طائرات حربية روسية أطراف قرية مشمشان بريف جسر الشغور غرب إدلب "
              f"بثماني غارات جوية متتالية.\n{signature}\n")
    cleaned = clean_text(BODY + tweets + RELATED_TAIL)
    assert [rule for rule, _ in cleaned.removed] == ["trailing_list"]
    assert not any(line in cleaned.text for line in RELATED_TAIL.strip().split("\n"))


LATEST_BOX = "\n".join(RELATED_TAIL.strip().split("\n") + ["قوات النظام تقصف قرى سهل الغاب بالمدفعية الثقيلة"])


def test_a_news_box_above_the_title_is_cut() -> None:
    page = f"{LATEST_BOX}\nأخبار سورية\n{BODY}"
    cleaned = clean_text(page)
    assert cleaned.text == BODY
    assert ("leading_list", f"{LATEST_BOX}\nأخبار سورية") in cleaned.removed


def test_a_dated_ticker_above_the_title_is_cut() -> None:
    ticker = "\n".join(f"2021/08/0{n} 10:1{n} {line}" for n, line in enumerate(LATEST_BOX.split("\n"), start=1))
    page = f"{ticker}\n\nمحليات\n\n{SHORT_ITEM}"
    assert clean_text(page).text == SHORT_ITEM


def test_headlines_right_before_the_prose_may_hold_the_title_and_stay() -> None:
    page = f"{LATEST_BOX}\n{BODY.split(chr(10), 1)[1]}"
    assert clean_text(page).text == page


def test_a_short_run_above_the_title_stays() -> None:
    box = "\n".join(LATEST_BOX.split("\n")[:4])
    page = f"{box}\nأخبار سورية\n{BODY}"
    assert clean_text(page).text == page


# ------------------------------------------------------------------ line features

@pytest.mark.parametrize("line, kind", [
    ("غارات روسية تقتل 6 مدنيين في ريف إدلب الجنوبي", "headline"),
    ("هل تنجح المفاوضات في وقف التصعيد شمال سوريا؟", "headline"),
    ("قتل مدنيان وأصيب ثلاثة آخرون، صباح اليوم الأحد، جراء قصف مدفعي على القرية.", "prose"),
    ("قال مسعف في مشفى المدينة إن قصفاً صاروخياً استهدف سوقاً شعبياً في", "prose"),
    ("غارات على ريف إدلب تقتل مدنيين وتدمر منازل في قرى جبل الزاوية وأطرافها...", "headline"),
    ("أخبار سوريا", "menu"),
])
def test_line_kinds(line: str, kind: str) -> None:
    assert line_shape(line).kind == kind


def test_date_stamps_are_read_in_several_forms() -> None:
    assert line_shape("2021/08/07").date_stamp
    assert line_shape("منذ 3 ساعات").date_stamp
    assert line_shape("7 آب 2021").date_stamp
    assert line_shape("March 9, 2023").date_stamp
    assert line_shape("غارات روسية على ريف إدلب").date_stamp is None


_PROSE = st.sampled_from(BODY.split("\n")[1:] + LONG_REPORT.split("\n")[1:] + SHORT_ITEM.split("\n")[1:])
_HEADLINES = st.sampled_from(RELATED_TAIL.strip().split("\n") + TICKER.split("\n")[1:])


@settings(max_examples=60, deadline=None)
@given(st.lists(st.one_of(_PROSE, _HEADLINES), min_size=1, max_size=12))
def test_the_trailing_cut_never_takes_prose(lines: list[str]) -> None:
    text = ["عنوان الخبر في سطر واحد"] + lines
    cut = trailing_list(text)
    assert all(line_shape(text[i]).kind in ("headline", "menu") or not text[i].strip() for i in cut)
    assert cut == list(range(cut[0], len(text))) if cut else True
    assert all(not any(line_shape(text[j]).kind == "prose" for j in range(i, len(text))) for i in cut)


# ------------------------------------------------------------------ outputs

def test_docs_and_errors_record_the_list_page(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "ticker.txt").write_text(TICKER, encoding="utf-8")
    (tmp_path / "in" / "item.txt").write_text(SHORT_ITEM, encoding="utf-8")
    result = CliRunner().invoke(app, ["run", str(tmp_path / "in"), "--out", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    docs = {d["doc_id"]: d for d in map(json.loads, (tmp_path / "out" / "docs.jsonl").open(encoding="utf-8"))}
    assert docs["ticker"]["page_kind"] == "link_list" and docs["ticker"]["claims"] == []
    assert docs["item"]["page_kind"] == "article" and docs["item"]["claims"]
    assert docs["item"]["sub_event_type"] == "Shelling/artillery/missile attack"
    assert docs["ticker"]["event_type"] is None and docs["ticker"]["sub_event_type"] is None
    errors = [json.loads(line) for line in (tmp_path / "out" / "errors.jsonl").open(encoding="utf-8")]
    assert {"origin": str(tmp_path / "in" / "ticker.txt"), "level": "warning",
            "message": "no article body: a list of 6 headlines"} in errors


def test_a_saved_category_page_is_a_link_list(tmp_path: Path) -> None:
    items = CATEGORY_WITH_DATES.split("\n")[1:]
    cards = "".join(f'<article><h2><a href="/n{n}">{title}</a></h2><time>{day}</time></article>'
                    for n, (title, day) in enumerate(zip(items[::2], items[1::2], strict=True)))
    more = "".join(f'<li><a href="/m{n}">{title}</a></li>' for n, title in enumerate(TICKER.split("\n")[1:4]))
    path = tmp_path / "category.html"
    path.write_text(f"<html><head><title>أخبار سوريا</title></head><body><h1>أخبار سوريا</h1>{cards}"
                    f"<ul>{more}</ul></body></html>", encoding="utf-8")
    [article] = list(read_inputs([path]))
    assert article.page_kind == "link_list"
    assert analyze(article).claims == ()


def test_a_list_in_a_jsonl_line_is_named_by_its_line(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    path.write_text(json.dumps({"id": "a", "text": SHORT_ITEM}, ensure_ascii=False) + "\n"
                    + json.dumps({"id": "b", "text": MOST_READ}, ensure_ascii=False) + "\n", encoding="utf-8")
    articles = list(read_inputs([path]))
    assert [a.page_kind for a in articles] == ["article", "link_list"]
    assert articles[1].origin == f"{path}:2"


@pytest.mark.parametrize("text", ["عاجل\nالشهداء: 3", "حصيلة\nعدد الإصابات ١٤", "بيان\nالغارات: 7 غارات"])
def test_a_short_bulletin_with_a_figure_is_not_an_empty_page(text):
    assert page_shape(text).kind == "article"


@pytest.mark.parametrize("text", ["الرئيسية\nأخبار\nاتصل بنا", "تسجيل الدخول\nالقائمة", "English\nعربي\nبحث"])
def test_short_lines_without_figures_are_an_empty_page(text):
    assert page_shape(text).kind == "empty"
