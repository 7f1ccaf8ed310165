"""Ingest: every input format, encodings, metadata, boilerplate removal and bad inputs.

All articles below are written for these tests.
"""
from __future__ import annotations

import datetime as dt
import json
import pickle
from pathlib import Path

import pytest
from hypothesis import given, strategies as st

from rasd.ingest import IngestError, article_from_text, read_inputs
from rasd.ingest.boilerplate import clean_text
from rasd.model import Article

TITLE = "مقتل خمسة مدنيين بقصف مدفعي على قرية في ريف حلب الغربي"
P1 = ("قتل خمسة مدنيين، بينهم طفلان، وأصيب ثمانية آخرون، مساء أمس الثلاثاء، جراء قصف مدفعي "
      "استهدف الأحياء السكنية في قرية تل الورد بريف حلب الغربي.")
P2 = ("وقال مصدر في الدفاع المدني إن فرق الإنقاذ انتشلت الضحايا من تحت أنقاض منزلين مدمرين، "
      "ونقلت المصابين إلى مستشفى قريب لتلقي العلاج.")
P3 = ("وأضاف المصدر أن القصف تجدد صباح اليوم على أطراف القرية دون أن يسفر عن إصابات جديدة، "
      "وسط حركة نزوح للأهالي نحو المخيمات القريبة من الحدود.")
P4 = ("وتتعرض قرى ريف حلب الغربي منذ أسابيع لقصف متكرر بالمدفعية والصواريخ، رغم اتفاق وقف "
      "إطلاق النار المعلن في المنطقة منذ مطلع العام.")
P5 = ("وطالب ناشطون من المنطقة المنظمات الإنسانية بتأمين مأوى للعائلات النازحة وتقديم المساعدات "
      "العاجلة لها قبل حلول فصل الشتاء.")
BODY = "\n\n".join([TITLE, P1, P2, P3])


def write(path: Path, content: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, str):
        path.write_text(content, encoding="utf-8")
    else:
        path.write_bytes(content)
    return path


def read_one(path: Path) -> Article | IngestError:
    results = list(read_inputs([path]))
    assert len(results) == 1, results
    return results[0]


def read_article(path: Path) -> Article:
    result = read_one(path)
    assert isinstance(result, Article), result
    return result


def read_error(path: Path) -> IngestError:
    result = read_one(path)
    assert isinstance(result, IngestError), result
    return result


# ----------------------------------------------------------------------------- plain text

def test_txt_with_sidecar(tmp_path: Path) -> None:
    path = write(tmp_path / "halab-2021-08-10.txt", BODY + "\n")
    write(tmp_path / "halab-2021-08-10.meta.json", json.dumps({
        "outlet": "شبكة المراسلين", "published": "2021-08-10", "url": "https://example.org/a/1",
        "language": "ar"}, ensure_ascii=False))
    article = read_article(path)
    assert article.doc_id == "halab-2021-08-10"
    assert article.origin == str(path)
    assert article.outlet == "شبكة المراسلين"
    assert article.url == "https://example.org/a/1"
    assert article.published == dt.date(2021, 8, 10)
    assert article.title == TITLE
    assert article.text == BODY          # the headline stays in the body: it is a sentence too
    assert article.warnings == ()


def test_sidecar_title_overrides_and_body_without_headline(tmp_path: Path) -> None:
    path = write(tmp_path / "b.txt", "\n\n".join([P1, P2]))
    write(tmp_path / "b.meta.json", json.dumps({"title": "عنوان من الملف المرافق"}, ensure_ascii=False))
    assert read_article(path).title == "عنوان من الملف المرافق"
    (tmp_path / "b.meta.json").unlink()
    assert read_article(path).title is None     # first line ends a sentence: not a headline


def test_txt_without_sidecar_has_no_metadata(tmp_path: Path) -> None:
    article = read_article(write(tmp_path / "c.txt", BODY))
    assert (article.published, article.outlet, article.url, article.warnings) == (None, None, None, ())


def test_broken_sidecar_is_a_warning(tmp_path: Path) -> None:
    path = write(tmp_path / "d.txt", BODY)
    write(tmp_path / "d.meta.json", '{"published": "2021-08-10",')
    article = read_article(path)
    assert article.published is None
    assert len(article.warnings) == 1 and "d.meta.json" in article.warnings[0]


# ----------------------------------------------------------------------------- encodings

def test_utf8_bom_is_removed(tmp_path: Path) -> None:
    article = read_article(write(tmp_path / "bom.txt", "\ufeff".encode() + BODY.encode("utf-8")))
    assert article.text == BODY
    assert article.title == TITLE


def test_windows_1256_arabic_comes_out_right(tmp_path: Path) -> None:
    raw = BODY.replace("\n", "\r\n").encode("cp1256")
    with pytest.raises(UnicodeDecodeError):
        raw.decode("utf-8")
    article = read_article(write(tmp_path / "legacy.txt", raw))
    assert article.text == BODY
    assert article.title == TITLE


@pytest.mark.parametrize("text", ["مقتل طفل بقصف", "إصابة خمسة مدنيين بجروح"])
def test_short_windows_1256_text(tmp_path: Path, text: str) -> None:
    # an unrestricted detector reads these bytes as Cyrillic or Hebrew code pages
    assert read_article(write(tmp_path / "short.txt", text.encode("cp1256"))).text == text


def test_line_endings_invisible_characters_and_blank_runs(tmp_path: Path) -> None:
    split_word = P1.replace("خمسة", "خم\u200bسة")
    raw = f"\u200f{TITLE}\r\n\r\n\r\n\r\n{split_word}  \r{P2}\u2028{P3}"
    article = read_article(write(tmp_path / "messy.txt", raw))
    assert article.text == f"{TITLE}\n\n{P1}\n{P2}\n{P3}"


# ----------------------------------------------------------------------------- html

PAGE = """<!DOCTYPE html>
<html lang="ar" dir="rtl"><head><meta charset="utf-8">
<title>{title} | شبكة المراسلين</title>
<meta property="article:published_time" content="2021-08-10T21:40:00+03:00">
</head><body>
<header><nav><ul><li><a href="/">الرئيسية</a></li><li><a href="/p">سياسة</a></li>
<li><a href="/e">اقتصاد</a></li></ul></nav></header>
<div id="cookie-notice" class="cookie-banner"><p>يستخدم هذا الموقع ملفات تعريف الارتباط لتحسين تجربتك.</p>
<button>موافق</button></div>
<main><article>{h1}<p>{p1}</p><p>{p2}</p><p>{p3}</p></article>
<aside class="related"><h3>الأكثر قراءة</h3><ul>
<li><a href="/r/1">مقتل 23 عنصراً في هجوم على حاجز عسكري قرب تدمر</a></li>
<li><a href="/r/2">غارات جوية تقتل 17 شخصاً في ريف إدلب الجنوبي</a></li></ul></aside>
<section id="comments" class="comments-area"><h3>Leave a Reply</h3>
<div class="comment"><p>قتل 61 شخصاً في قريتنا العام الماضي ولم يكتب عنهم أحد شيئاً، رحمهم الله جميعاً.</p></div>
</section></main>
<footer><p>© 2021 جميع الحقوق محفوظة لشبكة المراسلين</p><p>اشترك في النشرة البريدية</p></footer>
</body></html>"""


def page(with_h1: bool = True) -> str:
    return PAGE.format(title=TITLE, h1=f"<h1>{TITLE}</h1>" if with_h1 else "", p1=P1, p2=P2, p3=P3)


def test_html_keeps_only_the_body_with_page_metadata(tmp_path: Path) -> None:
    article = read_article(write(tmp_path / "page.html", page()))
    assert article.doc_id == "page"
    assert article.title == TITLE
    assert article.published == dt.date(2021, 8, 10)
    assert article.text.split("\n") == [TITLE, P1, P2, P3]     # paragraphs stay on their own lines
    for junk in ("23", "17", "61", "الارتباط", "الحقوق", "النشرة", "الرئيسية", "اقتصاد"):
        assert junk not in article.text


def test_html_title_joins_the_body_when_the_page_has_no_headline(tmp_path: Path) -> None:
    article = read_article(write(tmp_path / "page.htm", page(with_h1=False)))
    assert article.text.split("\n") == [TITLE, P1, P2, P3]


def test_html_date_is_not_guessed_from_the_body(tmp_path: Path) -> None:
    html = page().replace('<meta property="article:published_time" content="2021-08-10T21:40:00+03:00">', "")
    html = html.replace("مساء أمس الثلاثاء", "مساء يوم 10/08/2021")
    article = read_article(write(tmp_path / "undated.html", html))
    assert "10/08/2021" in article.text
    assert article.published is None


def test_html_sidecar_overrides_page_metadata(tmp_path: Path) -> None:
    path = write(tmp_path / "page.html", page())
    write(tmp_path / "page.meta.json", json.dumps({"published": "2021-08-11", "title": "عنوان آخر للخبر"},
                                                  ensure_ascii=False))
    article = read_article(path)
    assert article.published == dt.date(2021, 8, 11)
    assert article.title == "عنوان آخر للخبر"


# ----------------------------------------------------------------------------- jsonl

def test_jsonl_broken_line_in_the_middle(tmp_path: Path) -> None:
    lines = [
        json.dumps({"id": "first", "text": BODY, "published": "2021-01-13T09:12:00+03:00",
                    "outlet": "وكالة أ", "url": "https://example.org/1"}, ensure_ascii=False),
        '{"id": "broken", "text": "قتل ثلاثة',
        json.dumps({"text": "\n\n".join([P4, P5]), "published": "13 كانون الثاني 2021"}, ensure_ascii=False),
        "",
        json.dumps(["not", "an", "object"]),
        json.dumps({"id": "empty", "outlet": "وكالة ب"}, ensure_ascii=False),
        json.dumps({"id": 7, "html": page(), "published": "2021-08-12"}, ensure_ascii=False),
    ]
    path = write(tmp_path / "feed.jsonl", "\n".join(lines) + "\n")
    results = list(read_inputs([str(path)]))
    assert [type(r).__name__ for r in results] == [
        "Article", "IngestError", "Article", "IngestError", "IngestError", "Article"]
    first, broken, third, not_object, no_text, html = results
    assert isinstance(first, Article) and isinstance(third, Article) and isinstance(html, Article)
    assert isinstance(no_text, IngestError)
    assert (first.doc_id, first.outlet, first.published, first.title) == (
        "first", "وكالة أ", dt.date(2021, 1, 13), TITLE)
    assert broken.origin == f"{path}:2"
    assert str(broken).startswith(f"{path}:2: broken JSON line")
    assert "\n" not in str(broken)
    assert third.doc_id == "feed.jsonl:3" and third.origin == f"{path}:3"
    assert third.published == dt.date(2021, 1, 13)
    assert not_object.origin == f"{path}:5"
    assert no_text.origin == f"{path}:6" and "text" in no_text.reason
    assert html.doc_id == "7" and html.published == dt.date(2021, 8, 12)   # the record's date wins
    assert html.text.split("\n") == [TITLE, P1, P2, P3]


def test_unreadable_published_is_a_warning(tmp_path: Path) -> None:
    path = write(tmp_path / "feed.jsonl", json.dumps({"id": "x", "text": BODY, "published": "sometime last week"}))
    article = read_article(path)
    assert article.published is None
    assert article.text == BODY
    assert len(article.warnings) == 1 and "sometime last week" in article.warnings[0]


# ----------------------------------------------------------------------------- bad inputs

def test_empty_file(tmp_path: Path) -> None:
    path = write(tmp_path / "empty.txt", b"")
    assert str(read_error(path)) == f"{path}: empty file"
    assert read_error(write(tmp_path / "blank.txt", "\ufeff \n\n")).reason == "empty text"


def test_binary_file(tmp_path: Path) -> None:
    path = write(tmp_path / "image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    error = read_error(path)
    assert error.origin == str(path) and "binary" in error.reason


def test_english_only_file(tmp_path: Path) -> None:
    text = ("Five civilians were killed and eight injured on Tuesday evening when artillery shells hit "
            "a village west of Aleppo, a civil defence source said.")
    error = read_error(write(tmp_path / "english.txt", text))
    assert "not Arabic" in error.reason


def test_missing_path_and_unsupported_type(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere.txt"
    assert str(read_error(missing)) == f"{missing}: no such file or directory"
    assert "unsupported" in read_error(write(tmp_path / "notes.md", BODY)).reason


def test_errors_do_not_stop_the_batch(tmp_path: Path) -> None:
    good = write(tmp_path / "good.txt", BODY)
    bad = write(tmp_path / "bad.txt", b"")
    results = list(read_inputs([bad, tmp_path / "missing.txt", good]))
    assert [type(r).__name__ for r in results] == ["IngestError", "IngestError", "Article"]


def test_ingest_error_is_a_raisable_value() -> None:
    error = IngestError(origin="feed.jsonl:4", reason="broken JSON line")
    assert str(error) == "feed.jsonl:4: broken JSON line"
    assert pickle.loads(pickle.dumps(error)) == error
    with pytest.raises(IngestError):
        article_from_text("Only English words here, nothing else at all.", doc_id="en")


# ----------------------------------------------------------------------------- folders

def test_folder_is_read_recursively_in_order(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    write(folder / "b.txt", BODY)
    write(folder / "a.txt", BODY)
    write(folder / "a.meta.json", json.dumps({"published": "2021-08-10"}))
    write(folder / "sub" / "c.jsonl", json.dumps({"id": "c1", "text": BODY}) + "\n"
          + json.dumps({"id": "c2", "text": BODY}) + "\n")
    write(folder / "sub" / "d.html", page())
    write(folder / ".hidden.txt", BODY)
    write(folder / ".cache" / "e.txt", BODY)
    write(folder / "README.md", "notes")
    results = list(read_inputs([folder]))
    articles = [r for r in results if isinstance(r, Article)]
    assert articles == results
    assert [a.doc_id for a in articles] == ["a", "b", "c1", "c2", "d"]
    assert articles[0].published == dt.date(2021, 8, 10)


def test_folder_without_articles_is_an_error(tmp_path: Path) -> None:
    write(tmp_path / "notes.md", "notes")
    assert "no article files" in read_error(tmp_path).reason


# ----------------------------------------------------------------------------- boilerplate

ENGLISH_TAIL = """Read Previous

مقتل 23 عنصراً في هجوم على حاجز عسكري قرب تدمر

Read Next

عبر 3 معابر.. 250 شاحنة مساعدات تدخل الشمال السوري

Leave a Reply

Most Popular"""

ARABIC_TAIL = """مقالات ذات صلة

غارات جوية تقتل 17 شخصاً في ريف إدلب الجنوبي

حصيلة جديدة: 44 قتيلاً في اشتباكات البادية

شارك هذا المقال

فيسبوك

تويتر

© 2021 جميع الحقوق محفوظة"""


@pytest.mark.parametrize("tail", [ENGLISH_TAIL, ARABIC_TAIL])
def test_boilerplate_tail_is_cut_with_its_numbers(tmp_path: Path, tail: str) -> None:
    article = read_article(write(tmp_path / "tail.txt", f"{BODY}\n\n{tail}\n"))
    assert article.text == BODY
    for number in ("23", "250", "17", "44"):
        assert number not in article.text


def test_boilerplate_in_jsonl_text(tmp_path: Path) -> None:
    path = write(tmp_path / "feed.jsonl", json.dumps({"id": "j", "text": f"{BODY}\n\n{ARABIC_TAIL}"},
                                                      ensure_ascii=False))
    assert read_article(path).text == BODY


def test_notices_anywhere_and_menu_at_the_start_are_dropped() -> None:
    raw = "\n\n".join([
        "الرئيسية", "سياسة", "سوريا",
        "يستخدم هذا الموقع ملفات تعريف الارتباط لتحسين تجربتك. بمتابعة التصفح فإنك توافق على ذلك.",
        TITLE, P1, "اقرأ أيضاً: مقتل 9 أشخاص بغارة على سوق شعبي", P2,
        "اشترك في النشرة البريدية ليصلك كل جديد", P3, "–",
    ])
    assert clean_text(raw).text == BODY


def test_related_box_inside_the_article_keeps_the_body_after_it() -> None:
    raw = "\n\n".join([TITLE, P1, P2, "اقرأ أيضاً", "مقتل 9 أشخاص بغارة على سوق شعبي", P3, P4, P5])
    assert clean_text(raw).text == "\n\n".join([TITLE, P1, P2, P3, P4, P5])


def test_related_list_before_the_article_is_dropped() -> None:
    raw = "\n\n".join(["اقرأ التالي", "مقتل 9 أشخاص بغارة على سوق شعبي",
                       "إصابة 14 مدنياً بانفجار عبوة ناسفة في الباب", P1, P2, P3])
    assert clean_text(raw).text == "\n\n".join([P1, P2, P3])


def test_marker_words_inside_sentences_are_kept() -> None:
    raw = "\n\n".join([TITLE, P1, "وجاءت أسماء الضحايا على النحو التالي: أحمد وخالد وسعيد.", P2])
    assert clean_text(raw).text == raw


def test_what_was_removed_is_reported() -> None:
    cleaned = clean_text(f"{BODY}\n\n{ARABIC_TAIL}")
    assert [rule for rule, _ in cleaned.removed] == ["line", "line", "line", "tail"]
    assert cleaned.removed[-1][1].startswith("مقالات ذات صلة")


def test_only_boilerplate_is_an_error(tmp_path: Path) -> None:
    error = read_error(write(tmp_path / "junk.txt", "مقالات ذات صلة\n\nغارات جوية تقتل 17 شخصاً في ريف إدلب"))
    assert "boilerplate" in error.reason


# ----------------------------------------------------------------------------- python api

def test_article_from_text() -> None:
    article = article_from_text(f"{BODY}\n\n{ENGLISH_TAIL}", doc_id="api", published=dt.date(2021, 8, 10),
                                outlet="وكالة", url="https://example.org/x")
    assert (article.doc_id, article.origin, article.published, article.title) == (
        "api", "api", dt.date(2021, 8, 10), TITLE)
    assert article.text == BODY
    assert article_from_text(BODY, published="4 ديسمبر 2024").published == dt.date(2024, 12, 4)
    assert article_from_text(BODY, title="عنوان معطى").title == "عنوان معطى"


# -- the Arabic share of a text's letters -------------------------------------------------------

_ARABIC_BLOCKS = [(0x0600, 0x06FF), (0x0750, 0x077F), (0x08A0, 0x08FF), (0xFB50, 0xFDFF), (0xFE70, 0xFEFC)]


def _share_by_hand(text: str) -> float:
    letters = [c for c in text if c.isalpha()]
    arabic = [c for c in letters if any(lo <= ord(c) <= hi for lo, hi in _ARABIC_BLOCKS)]
    return len(arabic) / len(letters) if letters else 0.0


@pytest.mark.parametrize("text, share", [
    ("قُتِلَ ثلاثة مدنيين", 1.0),                 # vowel marks are no letters
    ("قتل 3 مدنيين in Idlib", 9 / 16),         # digits are no letters
    ("ﻗﺘﻞ abcd ـــ", 6 / 10),                      # presentation forms count, tatweel is a letter
    ("2021 - ١٢٣ ،؛", 0.0),
])
def test_arabic_share_counts_letters_only(text: str, share: float) -> None:
    from rasd.ingest.readers import arabic_share

    assert arabic_share(text) == pytest.approx(share)


@given(st.text(alphabet=st.one_of(st.characters(min_codepoint=0x0590, max_codepoint=0x0900),
                                  st.characters(min_codepoint=0xFB40, max_codepoint=0xFF00),
                                  st.characters(max_codepoint=0x024F)), max_size=80))
def test_arabic_share_is_the_arabic_letters_among_all_letters(text: str) -> None:
    from rasd.ingest.readers import arabic_share

    assert arabic_share(text) == pytest.approx(_share_by_hand(text))


def test_split_drop_line_rules_drop_what_one_alternation_of_them_drops():
    """The anchored rules are tried at a line's start only (``_Rules.drops``): on every line of
    the bundled and written reports, that drops the same lines
    as one search of all the rules would."""
    import re
    from importlib import resources
    from rasd.ingest.boilerplate import _rules, line_key
    from rasd.text.normalize import fold
    raw = json.loads(resources.files("rasd.ingest").joinpath("data/boilerplate.json").read_text("utf-8"))
    patterns = [fold(p).text.strip().lower() for p in raw["drop_lines"]]
    together = re.compile("|".join(f"(?:{p})" for p in patterns))
    root = Path(__file__).resolve().parent.parent
    lines = [line for f in sorted((root / "bench" / "written").glob("*/articles.jsonl"))
             for record in map(json.loads, f.read_text(encoding="utf-8").splitlines())
             for line in record["text"].split("\n")]
    lines += [line for f in sorted((root / "examples" / "articles").iterdir()) if f.is_file()
              for line in f.read_text(encoding="utf-8", errors="replace").split("\n")]
    keys = {line_key(line) for line in lines} - {""}
    assert any(together.search(k) for k in keys)        # the corpus does exercise the rules
    rules = _rules()
    assert [k for k in keys if rules.drops(k) != (together.search(k) is not None)] == []
