"""Ingest of web archives (.warc, .warc.gz) and RSS/Atom feeds.

Every article, page and feed below is written for these tests.
"""
from __future__ import annotations

import datetime as dt
import gzip
import json
import logging
import subprocess
import sys
from pathlib import Path

import pytest
from fastwarc import GzipWriter, WarcRecord, WarcRecordType
from hypothesis import HealthCheck, given, settings, strategies as st

from rasd.ingest import IngestError, read_inputs
from rasd.ingest.limits import ArticleLimits
from rasd.model import Article

# ----------------------------------------------------------------------------- articles

IDLIB_TITLE = "مقتل ثلاثة أطفال بقصف صاروخي على بلدة في ريف إدلب الجنوبي"
IDLIB = ("قتل ثلاثة أطفال وأصيبت والدتهم بجروح خطيرة، فجر اليوم الأربعاء، جراء قصف صاروخي استهدف "
         "منزلهم في بلدة كفر نبل بريف إدلب الجنوبي.",
         "وقال عنصر في الدفاع المدني إن الفرق أخرجت جثث الأطفال من تحت الركام بعد ساعتين من البحث، "
         "ونقلت الأم إلى مستشفى في مدينة إدلب.",
         "وتشهد المنطقة تصعيداً في القصف منذ بداية الشهر، ما دفع عشرات العائلات إلى النزوح نحو "
         "المخيمات القريبة من الحدود التركية.")
SAADA_TITLE = "غارة جوية تقتل سبعة مدنيين في سوق شعبي بمحافظة صعدة"
SAADA = ("لقي سبعة مدنيين حتفهم وجرح اثنا عشر آخرون عندما أصابت غارة جوية سوقاً شعبياً مزدحماً في "
         "مديرية رازح بمحافظة صعدة ظهر السبت.",
         "وأفاد مسؤول محلي بأن بين القتلى امرأتين وطفلاً، وأن الغارة دمرت عدداً من المحال التجارية "
         "والسيارات المتوقفة قرب السوق.",
         "ولم يصدر أي تعليق فوري من الجهة المتهمة بتنفيذ الغارة حتى مساء اليوم نفسه.")
BAGHDAD_TITLE = "إصابة أربعة عناصر من الشرطة بانفجار عبوة ناسفة جنوب بغداد"
BAGHDAD = ("أصيب أربعة من عناصر الشرطة الاتحادية، مساء الخميس، بانفجار عبوة ناسفة زرعت على جانب "
           "طريق تسلكه دورياتهم في قضاء المحمودية جنوبي العاصمة بغداد.",
           "وذكر بيان لخلية الإعلام الأمني أن المصابين نقلوا إلى المستشفى لتلقي العلاج، وأن قوة "
           "أمنية طوقت المكان وبدأت بالتحقيق في الحادث.",
           "وتتكرر مثل هذه الهجمات على الطرق الريفية في أطراف العاصمة رغم تراجع أعمال العنف في "
           "السنوات الأخيرة.")
ENGLISH = ("Four policemen were wounded on Thursday evening when a roadside bomb hit their patrol "
           "south of Baghdad, the security media cell said in a statement on its website.")
JUNK_NUMBERS = ("23", "17", "88")     # figures that only stand in the pages' furniture

PAGE = """<!DOCTYPE html>
<html lang="ar" dir="rtl"><head><meta charset="{charset}"><title>{title}</title>{meta}</head><body>
<header><nav><ul><li><a href="/">الرئيسية</a></li><li><a href="/news">أخبار</a></li>
<li><a href="/sport">رياضة</a></li></ul></nav></header>
<main><article><h1>{title}</h1>{paragraphs}</article>
<aside class="related"><h3>الأكثر قراءة</h3><ul>
<li><a href="/r/1">مقتل 23 عنصراً في هجوم على حاجز عسكري قرب تدمر</a></li>
<li><a href="/r/2">غارات جوية تقتل 17 شخصاً في ريف حماة الشمالي</a></li></ul></aside></main>
<footer><p>© 2088 جميع الحقوق محفوظة</p><p>اشترك في النشرة البريدية</p></footer>
</body></html>"""


def page(title: str, paragraphs: tuple[str, ...], meta: str = "", charset: str = "utf-8") -> str:
    return PAGE.format(title=title, meta=meta, charset=charset,
                       paragraphs="".join(f"<p>{p}</p>" for p in paragraphs))


def check_body(article: Article, title: str, paragraphs: tuple[str, ...]) -> None:
    for line in (title, *paragraphs):
        assert line in article.text
    for junk in (*JUNK_NUMBERS, "الرئيسية", "النشرة البريدية", "الأكثر قراءة"):
        assert junk not in article.text


# ----------------------------------------------------------------------------- archives

def http(status: str, headers: dict[str, str], body: bytes) -> bytes:
    lines = [f"HTTP/1.1 {status}", *(f"{k}: {v}" for k, v in headers.items())]
    return ("\r\n".join(lines) + "\r\n\r\n").encode() + body


def record(kind: WarcRecordType, uri: str, block: bytes, date: str = "2022-03-05T23:10:00Z",
           content_type: str | None = "application/http; msgtype=response") -> WarcRecord:
    warc = WarcRecord()
    warc.init_headers(kind, content_length=len(block))
    warc.headers["WARC-Target-URI"] = uri
    warc.headers["WARC-Date"] = date
    if content_type:
        warc.headers["Content-Type"] = content_type
    warc.set_bytes_content(block)
    return warc


def chunked(body: bytes) -> bytes:
    half = len(body) // 2
    return b"".join(f"{len(part):x}\r\n".encode() + part + b"\r\n" for part in (body[:half], body[half:])) + b"0\r\n\r\n"


def crawl() -> list[WarcRecord]:
    """A crawl as a crawler writes it: three Arabic articles in three forms among the records
    that hold none."""
    idlib = page(IDLIB_TITLE, IDLIB, meta='<meta property="article:published_time" content="2021-08-11T04:20:00+03:00">'
                                          '<meta property="og:site_name" content="شبكة الشمال">').encode()
    saada = page(SAADA_TITLE, SAADA, charset="windows-1256").encode("cp1256")
    baghdad = gzip.compress(page(BAGHDAD_TITLE, BAGHDAD).encode())
    html = {"Content-Type": "text/html; charset=utf-8"}
    return [
        record(WarcRecordType.warcinfo, "", b"software: a test\r\n", content_type="application/warc-fields"),
        record(WarcRecordType.request, "https://north.example/news/1",
               b"GET /news/1 HTTP/1.1\r\nHost: north.example\r\n\r\n", content_type="application/http; msgtype=request"),
        record(WarcRecordType.response, "https://north.example/news/1", http("200 OK", html, idlib)),
        record(WarcRecordType.response, "https://north.example/logo.png",
               http("200 OK", {"Content-Type": "image/png"}, b"\x89PNG\r\n\x1a\n" + bytes(range(64)))),
        record(WarcRecordType.response, "https://yemen.example/a?id=7",
               http("200 OK", {"Content-Type": "text/html; charset=windows-1256"}, saada)),
        record(WarcRecordType.response, "https://yemen.example/missing", http("404 Not Found", html, page(
            "الصفحة غير موجودة على هذا الموقع", ("عذراً، لم نعثر على الصفحة التي تبحث عنها في الموقع، جرب البحث مجدداً.",)).encode())),
        record(WarcRecordType.response, "https://english.example/story", http("200 OK", html, page(
            "Roadside bomb wounds four policemen south of Baghdad", (ENGLISH, ENGLISH)).encode())),
        record(WarcRecordType.revisit, "https://north.example/news/1", http("200 OK", html, b""),
               date="2022-03-06T08:00:00Z"),
        record(WarcRecordType.metadata, "https://north.example/news/1", b"outlinks: https://north.example/news/2\r\n",
               content_type="application/warc-fields"),
        record(WarcRecordType.response, "https://iraq-news.example/2022/03/police",
               http("200 OK", {"Content-Type": "application/xhtml+xml", "Content-Encoding": "gzip",
                               "Transfer-Encoding": "chunked"}, chunked(baghdad))),
        record(WarcRecordType.response, "https://north.example/empty", http("200 OK", html, b"<html><body></body></html>")),
    ]


def write_warc(path: Path, records: list[WarcRecord], gzipped: bool | None = None) -> Path:
    with path.open("wb") as out:
        for warc in records:
            if gzipped if gzipped is not None else path.name.endswith(".gz"):
                writer = GzipWriter(out)   # a gzip member per record, as crawlers write them
                warc.write(writer)
                writer.close()
            else:
                warc.write(out)
    return path


def articles_and_errors(items: list[Article | IngestError]) -> tuple[list[Article], list[IngestError]]:
    return ([i for i in items if isinstance(i, Article)], [i for i in items if isinstance(i, IngestError)])


@pytest.mark.parametrize("name", ["crawl.warc.gz", "crawl.warc", "CRAWL.WARC.GZ"])
def test_a_crawl_gives_its_arabic_articles_and_skips_the_rest(tmp_path: Path, name: str,
                                                              caplog: pytest.LogCaptureFixture) -> None:
    path = write_warc(tmp_path / name, crawl())
    with caplog.at_level(logging.DEBUG, logger="rasd.ingest.warc"):
        items = list(read_inputs([path]))
    assert all(isinstance(i, Article) for i in items), items
    idlib, saada, baghdad = items
    check_body(idlib, IDLIB_TITLE, IDLIB)
    check_body(saada, SAADA_TITLE, SAADA)           # windows-1256, as the server said
    check_body(baghdad, BAGHDAD_TITLE, BAGHDAD)     # XHTML, gzip-encoded, chunked
    assert [a.url for a in items] == ["https://north.example/news/1", "https://yemen.example/a?id=7",
                                      "https://iraq-news.example/2022/03/police"]
    assert idlib.published == dt.date(2021, 8, 11)      # the page's own date ...
    assert saada.published == baghdad.published == dt.date(2022, 3, 5)   # ... else the capture's
    assert [a.outlet for a in items] == ["شبكة الشمال", "yemen.example", "iraq-news.example"]
    assert [a.title for a in items] == [IDLIB_TITLE, SAADA_TITLE, BAGHDAD_TITLE]
    assert [a.origin for a in items][0].startswith(f"{path}:record 3 at byte ")
    summary = [r.getMessage() for r in caplog.records if r.name == "rasd.ingest.warc"]
    assert len(summary) == 1
    for skipped in ("1 warcinfo records", "1 request records", "1 revisit records", "1 metadata records",
                    "1 responses that are not HTML", "1 responses with an HTTP status other than 200",
                    "2 no Arabic article"):
        assert skipped in summary[0]


def test_warc_doc_ids_are_the_record_ids_unique_and_stable(tmp_path: Path) -> None:
    path = write_warc(tmp_path / "crawl.warc.gz", crawl())
    first = [a.doc_id for a in read_inputs([path])]
    again = [a.doc_id for a in read_inputs([path])]
    assert first == again and len(set(first)) == 3
    assert all(doc_id.startswith("urn:uuid:") for doc_id in first)
    copy = write_warc(tmp_path / "copy.warc", crawl())     # new records: new ids
    assert not set(first) & {a.doc_id for a in read_inputs([copy])}


def test_a_gzip_cut_in_the_middle_is_one_error_and_the_batch_goes_on(tmp_path: Path) -> None:
    whole = write_warc(tmp_path / "whole.warc.gz", crawl()).read_bytes()
    for cut in (len(whole) // 2, len(whole) - 300, len(whole) - 5):
        path = tmp_path / f"cut-{cut}.warc.gz"
        path.write_bytes(whole[:cut])
        after = write_warc(tmp_path / "after.warc", crawl()[:3])
        items = list(read_inputs([path, after]))
        articles, errors = articles_and_errors(items)
        assert len(errors) == 1, errors
        error = errors[0]
        assert error.origin.startswith(f"{path}:record ") and "cut short" in error.reason
        assert "\n" not in str(error)
        assert items[-1].origin.startswith(str(after))          # the next file is read
        assert articles[0].text.startswith(IDLIB_TITLE)         # what came before the cut is kept


def test_a_cut_inside_a_page_record_is_named_not_read_as_a_shorter_page(tmp_path: Path) -> None:
    records = crawl()[:3]
    whole = write_warc(tmp_path / "whole.warc", records).read_bytes()
    path = tmp_path / "cut.warc"
    path.write_bytes(whole[:whole.index(IDLIB[1].encode())])
    articles, errors = articles_and_errors(list(read_inputs([path])))
    assert articles == []
    assert len(errors) == 1 and errors[0].origin.startswith(f"{path}:record 3 at byte ")
    assert "cut short" in errors[0].reason


def test_garbage_between_records_stops_the_file_with_one_error(tmp_path: Path) -> None:
    path = tmp_path / "broken.warc"
    records = crawl()
    with path.open("wb") as out:
        for warc in records[:3]:
            warc.write(out)
        out.write(b"this is no WARC header\r\n\r\n")
        for warc in records[3:]:
            warc.write(out)
    articles, errors = articles_and_errors(list(read_inputs([path])))
    assert [a.title for a in articles] == [IDLIB_TITLE]
    assert len(errors) == 1
    assert errors[0].origin == f"{path}:record 4" and "the rest of the file is not read" in errors[0].reason


@pytest.mark.parametrize("content, reason", [
    (b"", "empty file"),
    (b"just some notes, not an archive\n", "unreadable WARC at the start"),
    (b"\x1f\x8b\x08\x00garbage", "unreadable WARC at the start"),
])
def test_a_file_that_is_no_warc_is_one_error(tmp_path: Path, content: bytes, reason: str) -> None:
    path = tmp_path / "notes.warc.gz"
    path.write_bytes(content)
    (error,) = read_inputs([path])
    assert isinstance(error, IngestError) and error.origin.startswith(str(path)) and reason in error.reason


def test_warc_pages_respect_the_size_limit(tmp_path: Path) -> None:
    path = write_warc(tmp_path / "crawl.warc.gz", crawl())
    items = list(read_inputs([path], limits=ArticleLimits(max_chars=250)))
    articles, errors = articles_and_errors(items)
    assert articles == [] and len(errors) == 3
    assert all("too long" in e.reason and "--max-chars" in e.reason for e in errors)
    tiny = list(read_inputs([path], limits=ArticleLimits(max_chars=20)))
    assert all(isinstance(i, IngestError) and "bytes of page" in i.reason for i in tiny)   # refused unread:
    assert len(tiny) == 4           # the English page too, as it cannot be told from an article unread


# ----------------------------------------------------------------------------- feeds

RSS = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>
<title>شبكة الشمال</title><link>https://north.example/</link><description>أخبار الشمال</description>
<item><title>{idlib_title}</title><link>https://north.example/news/1</link>
<guid isPermaLink="false">north-1</guid><pubDate>Wed, 11 Aug 2021 01:30:00 +0300</pubDate>
<description>مختصر الخبر: قتل ثلاثة أطفال بقصف صاروخي.</description>
<content:encoded><![CDATA[<figure><img src="x.jpg"/><figcaption>صورة أرشيفية لقصف سابق قتل 88 شخصاً</figcaption></figure>
<p>{idlib[0]}</p><script>var views = 17;</script><p>{idlib[1]}</p><p>{idlib[2]}</p>]]></content:encoded></item>
<item><title>{saada_title}</title><link>https://north.example/news/2</link>
<pubDate>Sat, 05 Mar 2022 14:00:00 GMT</pubDate>
<description>&lt;p&gt;{saada[0]}&lt;/p&gt;&lt;p&gt;{saada[1]} &amp;amp; {saada[2]}&lt;/p&gt;</description></item>
<item><title>خبر بلا نص</title><link>https://north.example/news/3</link></item>
<item><title>English headline</title><link>https://north.example/news/4</link><description>{english}</description></item>
</channel></rss>"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">{title}<link href="https://www.iraq-news.example/"/>
<id>tag:iraq-news.example,2022:feed</id><updated>2022-03-10T22:15:00-04:00</updated>
<entry><id>tag:iraq-news.example,2022:police-4</id><title>{baghdad_title}</title>
<link rel="alternate" href="https://www.iraq-news.example/2022/03/police"/>
<updated>2022-03-10T22:15:00-04:00</updated>
<summary>اختصار: انفجار عبوة جنوب بغداد.</summary>
<content type="html">&lt;div&gt;&lt;p&gt;{baghdad[0]}&lt;/p&gt;&lt;p&gt;{baghdad[1]}&lt;/p&gt;&lt;p&gt;{baghdad[2]}&lt;/p&gt;&lt;/div&gt;</content>
</entry>
<entry><id>tag:iraq-news.example,2022:brief-5</id><title>نبأ عاجل من ديالى</title>
<published>2022-03-11T00:40:00+03:00</published><updated>2022-03-12T09:00:00Z</updated>
<content type="text">قتل مزارعان اثنان بانفجار لغم أرضي في أطراف ناحية جلولاء شمال شرقي محافظة ديالى صباح اليوم.</content>
</entry></feed>"""


def rss() -> str:
    return RSS.format(idlib_title=IDLIB_TITLE, idlib=IDLIB, saada_title=SAADA_TITLE, saada=SAADA, english=ENGLISH)


def atom(title: str = "<title>أخبار العراق</title>") -> str:
    return ATOM.format(title=title, baghdad_title=BAGHDAD_TITLE, baghdad=BAGHDAD)


def test_rss_entries_are_articles_with_their_own_dates(tmp_path: Path) -> None:
    path = tmp_path / "north.rss"
    path.write_text(rss(), encoding="utf-8")
    items = list(read_inputs([path]))
    idlib, saada, empty, english = items
    assert isinstance(idlib, Article) and isinstance(saada, Article)
    assert isinstance(empty, IngestError) and isinstance(english, IngestError)
    assert idlib.text.split("\n") == [IDLIB_TITLE, *IDLIB]       # full content over the summary
    assert "88" not in idlib.text and "views" not in idlib.text  # caption and script left out
    assert saada.text.split("\n") == [SAADA_TITLE, SAADA[0], f"{SAADA[1]} & {SAADA[2]}"]
    assert (idlib.doc_id, saada.doc_id) == ("north-1", "https://north.example/news/2")
    assert (idlib.url, saada.url) == ("https://north.example/news/1", "https://north.example/news/2")
    assert idlib.published == dt.date(2021, 8, 11)   # 01:30 at +03:00: the 11th there, the 10th in UTC
    assert saada.published == dt.date(2022, 3, 5)
    assert idlib.outlet == saada.outlet == "شبكة الشمال"
    assert idlib.title == IDLIB_TITLE
    assert empty.origin == f"{path}:entry 3" and "without text" in empty.reason
    assert english.origin == f"{path}:entry 4" and "not Arabic" in english.reason


def test_atom_entries_with_offsets_and_plain_text(tmp_path: Path) -> None:
    path = tmp_path / "iraq.atom"
    path.write_text(atom(), encoding="utf-8")
    baghdad, brief = read_inputs([path])
    assert isinstance(baghdad, Article) and isinstance(brief, Article)
    assert baghdad.text.split("\n") == [BAGHDAD_TITLE, *BAGHDAD]
    assert baghdad.published == dt.date(2022, 3, 10)    # 22:15 at -04:00: the 11th in UTC
    assert brief.published == dt.date(2022, 3, 11)      # published before updated, at +03:00
    assert brief.text.startswith("نبأ عاجل من ديالى\nقتل مزارعان اثنان")
    assert [baghdad.doc_id, brief.doc_id] == ["tag:iraq-news.example,2022:police-4", "tag:iraq-news.example,2022:brief-5"]
    assert baghdad.url == "https://www.iraq-news.example/2022/03/police"
    assert baghdad.outlet == "أخبار العراق"
    untitled = tmp_path / "untitled.xml"
    untitled.write_text(atom(title=""), encoding="utf-8")
    assert {a.outlet for a in read_inputs([untitled])} == {"iraq-news.example"}   # the link's host


@pytest.mark.parametrize("content", [
    rss().replace("</title><link>https://north.example/news/2", "</titel><link>https://north.example/news/2"),
    rss()[:900],
    "<html><body><p>صفحة عادية وليست خلاصة أخبار</p></body></html>",
    "/etc/passwd",          # feedparser given bytes or text would open this file: it is given a stream
    "https://north.example/feed.rss",
])
def test_a_malformed_feed_is_one_error_naming_the_file(tmp_path: Path, content: str) -> None:
    path = tmp_path / "broken.rss"
    path.write_text(content, encoding="utf-8")
    (error,) = read_inputs([path])
    assert isinstance(error, IngestError) and error.origin == str(path)
    assert "not a readable RSS or Atom feed" in error.reason and "\n" not in str(error)


def test_feed_entries_respect_the_size_limit(tmp_path: Path) -> None:
    path = tmp_path / "north.rss"
    path.write_text(rss(), encoding="utf-8")
    errors = [i for i in read_inputs([path], limits=ArticleLimits(max_chars=100)) if isinstance(i, IngestError)]
    assert [e.origin.rsplit(":", 1)[1] for e in errors if "too long" in e.reason] == ["entry 1", "entry 2", "entry 4"]


def test_a_folder_reads_archives_and_feeds_but_not_other_xml(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    write_warc(folder / "crawl.warc.gz", crawl())
    (folder / "sub" / "north.rss").write_text(rss(), encoding="utf-8")
    (folder / "sub" / "iraq.xml").write_text(atom(), encoding="utf-8")
    (folder / "sitemap.xml").write_text('<?xml version="1.0"?><urlset><url><loc>https://x.example/</loc></url></urlset>')
    (folder / "other.gz").write_bytes(gzip.compress(b"not an archive"))
    items = list(read_inputs([folder]))
    assert {Path(i.origin.split(":")[0]).name for i in items} == {"crawl.warc.gz", "north.rss", "iraq.xml"}
    assert sum(isinstance(i, Article) for i in items) == 3 + 2 + 2


def test_the_new_readers_load_only_when_such_a_file_is_read() -> None:
    code = ("import sys, rasd.cli, rasd.ingest; "
            "print(sorted(m for m in ('fastwarc', 'feedparser') if m in sys.modules))")
    shown = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert shown.stdout.strip() == "[]"


# ----------------------------------------------------------------------------- property tests

RECORD_KINDS = st.sampled_from([WarcRecordType.response, WarcRecordType.request, WarcRecordType.revisit,
                                WarcRecordType.metadata, WarcRecordType.resource])
BLOCKS = st.one_of(
    st.binary(max_size=200),
    st.sampled_from(["200 OK", "404 Not Found", "301 Moved", "garbage"]).flatmap(lambda status: st.builds(
        http, st.just(status),
        st.dictionaries(st.sampled_from(["Content-Type", "Content-Encoding", "Transfer-Encoding"]),
                        st.sampled_from(["text/html", "gzip", "chunked", "br", "application/xhtml+xml",
                                         "text/html; charset=bogus", "deflate"]), max_size=3),
        st.sampled_from([page(IDLIB_TITLE, IDLIB).encode(), b"", b"\x00\xff" * 20, ENGLISH.encode()]))))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(records=st.lists(st.tuples(RECORD_KINDS, BLOCKS), max_size=5), gzipped=st.booleans(),
       cut=st.none() | st.integers(0, 4000), noise=st.binary(max_size=20))
def test_any_record_sequence_gives_articles_or_named_errors(tmp_path_factory, records, gzipped, cut, noise) -> None:
    path = tmp_path_factory.mktemp("warc") / "crawl.warc"
    write_warc(path, [record(kind, "https://x.example/p", block) for kind, block in records], gzipped=gzipped)
    data = path.read_bytes()
    path.write_bytes(data[:cut] + noise if cut is not None else data)
    for item in read_inputs([path]):
        assert isinstance(item, (Article, IngestError)) and item.origin.startswith(str(path))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.binary(max_size=400), name=st.sampled_from(["crawl.warc", "crawl.warc.gz", "feed.rss", "feed.atom"]))
def test_any_bytes_as_an_archive_or_feed_give_articles_or_named_errors(tmp_path_factory, data: bytes, name: str) -> None:
    path = tmp_path_factory.mktemp("bytes") / name
    path.write_bytes(data)
    for item in read_inputs([path]):
        assert isinstance(item, (Article, IngestError)) and item.origin.startswith(str(path))


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(cut=st.integers(0, 6000), junk=st.text(max_size=30))
def test_any_cut_or_junk_in_a_feed_gives_articles_or_named_errors(tmp_path_factory, cut: int, junk: str) -> None:
    path = tmp_path_factory.mktemp("feed") / "north.rss"
    text = rss()
    path.write_text(text[:cut] + junk + text[cut:cut + 200], encoding="utf-8")
    for item in read_inputs([path]):
        assert isinstance(item, (Article, IngestError)) and item.origin.startswith(str(path))


# ----------------------------------------------------------------------------- command line

def test_rasd_run_reads_a_folder_with_an_archive_and_a_feed(tmp_path: Path) -> None:
    folder = tmp_path / "inputs"
    folder.mkdir()
    write_warc(folder / "crawl.warc.gz", crawl())
    (folder / "north.rss").write_text(rss(), encoding="utf-8")
    out = tmp_path / "out"
    done = subprocess.run([sys.executable, "-m", "rasd", "run", str(folder), "--out", str(out)],
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 1, done.stderr          # the feed's two entries without Arabic text
    docs = [json.loads(line) for line in (out / "docs.jsonl").read_text(encoding="utf-8").splitlines()]
    urls = [doc.get("url") for doc in docs]
    assert urls == ["https://north.example/news/1", "https://yemen.example/a?id=7",
                    "https://iraq-news.example/2022/03/police",
                    "https://north.example/news/1", "https://north.example/news/2"]
    errors = (out / "errors.jsonl").read_text(encoding="utf-8").splitlines()
    assert [json.loads(e)["origin"] for e in errors] == [f"{folder / 'north.rss'}:entry 3", f"{folder / 'north.rss'}:entry 4"]
    run = json.loads((out / "run.json").read_text(encoding="utf-8"))
    assert {Path(f["path"]).name for f in run["input_files"]} == {"crawl.warc.gz", "north.rss"}
