"""Benchmark: reading web archives (WARC) -- FastWARC against warcio, then rasd's WARC reader.

Builds a gzipped WARC of N captured pages (bench/corpus.py reports wrapped in an HTML page
with a menu and a related-links box), each a request and a response record, as a crawler
writes them, so 2 N records. Then times, over that file:
  fastwarc  FastWARC's ArchiveIterator: every record's headers, each response's HTTP status,
            content type and payload bytes;
  warcio    the same with warcio's ArchiveIterator;
  rasd      rasd.ingest.read_inputs on the file (trafilatura extraction and cleaning included),
            unless --no-rasd.
Prints records per second for each (best of --repeat runs) and the MiB the file holds.

    .venv/bin/python bench/warc.py [N_PAGES] [--repeat R] [--no-rasd]
"""
from __future__ import annotations

import argparse
import html
import io
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import generate  # noqa: E402

from rasd.ingest import read_inputs  # noqa: E402

PAGE = """<!DOCTYPE html><html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>{title}</title>
<meta property="article:published_time" content="{published}"></head><body>
<nav><ul><li><a href="/">الرئيسية</a></li><li><a href="/s">سياسة</a></li></ul></nav>
<main><article><h1>{title}</h1>{paragraphs}</article>
<aside class="related"><h3>الأكثر قراءة</h3><ul><li><a href="/r">غارة على سوق شعبي في ريف المدينة</a></li></ul>
</aside></main><footer><p>جميع الحقوق محفوظة</p></footer></body></html>"""


def build(n: int, path: Path) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=True)
        for number, article in enumerate(generate(n)):
            title, _, body = article.text.partition("\n")
            paragraphs = "".join(f"<p>{html.escape(p)}</p>" for p in body.split("\n") if p.strip())
            page = PAGE.format(title=html.escape(title), published=article.published, paragraphs=paragraphs)
            uri = f"https://news.example/{number}"
            writer.write_record(writer.create_warc_record(
                uri, "request", payload=io.BytesIO(b"GET / HTTP/1.1\r\nHost: news.example\r\n\r\n")))
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")],
                                       protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(
                uri, "response", payload=io.BytesIO(page.encode()), http_headers=headers))


def with_fastwarc(path: Path) -> int:
    from fastwarc import ArchiveIterator, WarcRecordType

    records = 0
    with path.open("rb") as stream:
        for record in ArchiveIterator(stream):
            records += 1
            if record.record_type == WarcRecordType.response:
                _ = (record.http_headers.status_code, record.http_content_type, record.reader.read())
    return records


def with_warcio(path: Path) -> int:
    from warcio.archiveiterator import ArchiveIterator

    records = 0
    with path.open("rb") as stream:
        for record in ArchiveIterator(stream):
            records += 1
            if record.rec_type == "response":
                _ = (record.http_headers.get_statuscode(), record.http_headers.get_header("Content-Type"),
                     record.content_stream().read())
    return records


def with_rasd(path: Path) -> int:
    return sum(1 for _ in read_inputs([path]))


def best_of(repeat: int, run: Callable[[Path], int], path: Path) -> tuple[int, float]:
    timings = []
    for _ in range(repeat):
        start = time.perf_counter()
        count = run(path)
        timings.append(time.perf_counter() - start)
    return count, min(timings)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("pages", type=int, nargs="?", default=2000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--no-rasd", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "bench.warc.gz"
        build(args.pages, path)
        print(f"{2 * args.pages} records, {path.stat().st_size / 2**20:.1f} MiB gzipped")
        readers = [("fastwarc", with_fastwarc, args.repeat), ("warcio", with_warcio, args.repeat)]
        if not args.no_rasd:
            readers.append(("rasd", with_rasd, 1))
        for name, run, repeat in readers:
            count, seconds = best_of(repeat, run, path)
            unit = "articles" if name == "rasd" else "records"
            print(f"{name:9} {count} {unit} in {seconds:.3f} s: {count / seconds:,.0f} {unit}/s")


if __name__ == "__main__":
    main()
