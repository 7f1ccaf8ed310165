"""Read web archives (.warc, .warc.gz): each captured page that holds an Arabic article.

A crawl's archive holds much besides articles: requests, revisits, metadata, images and
scripts, redirects and error pages, pages in other languages. Only ``response`` records of
a page served with HTTP 200 as HTML (text/html, application/xhtml+xml) are read, through
the HTML reader (``article_from_html``: trafilatura, boilerplate, page kinds); a page with
no Arabic article in it is skipped like the other records, silently, and the counts go to
the debug log (``rasd --verbose``). A page's url is its WARC-Target-URI, its date the page's
own or else the capture's (WARC-Date), its doc_id its WARC-Record-ID.

The file is streamed record by record with FastWARC (four times warcio's speed on
bench/warc.py), never held whole; a payload past the size limit is refused unread. A record
cut short (a download that stopped) or a broken one is one ``IngestError`` naming the file,
the record's number and its byte offset; past a broken record nothing can be found, so the
rest of that file is left unread.
"""
from __future__ import annotations

import io
import logging
import zlib
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

from fastwarc import ArchiveIterator, WarcRecord, WarcRecordType
from fastwarc.stream_io import BrotliReader, ChunkedReader, GzipReader

from rasd.ingest.encoding import DecodeError, decode_bytes
from rasd.ingest.limits import ArticleLimits
from rasd.ingest.readers import (RAW_CHARS_PER_TEXT_CHAR, IngestError, NoArticle, article_from_html,
                                 display_name, guarded, short_repr, too_long)
from rasd.model import Article

log = logging.getLogger(__name__)
HTML_TYPES = ("text/html", "application/xhtml+xml")
MAX_BYTES_PER_CHAR = 4          # UTF-8: a payload past 4 x the markup limit is refused unread
_DECODERS = {                   # Content-Encoding -> reader of the decoded bytes
    "gzip": GzipReader, "x-gzip": GzipReader, "br": BrotliReader,
    "deflate": lambda raw: GzipReader(raw, zlib=True),
}


def read_warc(path: Path, limits: ArticleLimits | None) -> Iterator[Article | IngestError]:
    """The Arabic articles of a web archive, in record order, with an error per bad record."""
    name = display_name(path)
    skipped: Counter[str] = Counter()
    number = offset = 0
    cut_said = False            # the last record read was named as cut short
    with path.open("rb") as stream:
        records = iter(ArchiveIterator(stream, parse_http=True, auto_decode="none"))
        while True:
            try:
                record = next(records)
            except StopIteration:
                break
            except Exception as err:    # FastWARC: "Invalid WARC header", "Gzip decompression error"
                where = "at the start" if number == 0 else f"after the record at byte {offset}"
                yield IngestError(f"{name}:record {number + 1}",
                                  f"unreadable WARC {where} ({short_repr(str(err))}): the rest of the file is not read")
                return
            number += 1
            offset = record.stream_pos
            origin = f"{name}:record {number} at byte {offset}"
            try:
                item = _read_record(record, origin, f"{path.name}:{number}", limits, skipped)
            except Exception as err:    # a payload that ends mid-stream or will not decompress
                item = IngestError(origin, f"unreadable record: {type(err).__name__}: {short_repr(str(err))}")
            if item is not None:
                yield item
            cut_said = isinstance(item, IngestError) and item.reason.startswith("record cut short")
        if number == 0:
            empty = stream.seek(0, io.SEEK_END) == 0
            yield IngestError(name, "empty file" if empty else "unreadable WARC at the start: no record found")
        elif not cut_said and not _gzip_ends_whole(stream, offset):
            yield IngestError(f"{name}:record {number + 1}",
                              f"cut short: the file ends inside a gzip member after the record at byte {offset}")
    log.debug("%s: %d records; skipped: %s", name, number,
              ", ".join(f"{count} {why}" for why, count in sorted(skipped.items())) or "none")


def _read_record(record: WarcRecord, origin: str, default_id: str, limits: ArticleLimits | None,
                 skipped: Counter[str]) -> Article | IngestError | None:
    """The record's article, an error, or None for a record that is no article page (counted in
    ``skipped``). Every record is read to its end, to tell a file cut short."""
    if record.headers.get("Content-Length") is None:
        return IngestError(origin, "record cut short: its WARC header has no Content-Length (the file ends here?)")
    why = _not_a_page(record)
    if why is not None:
        skipped[why] += 1
        return _cut_short(origin, record.consume(), record.content_length)
    if limits is not None and record.content_length > MAX_BYTES_PER_CHAR * RAW_CHARS_PER_TEXT_CHAR * limits.max_chars:
        record.consume()
        return IngestError(origin, f"too long: {record.content_length:,} bytes of page (limit "
                                   f"{MAX_BYTES_PER_CHAR * RAW_CHARS_PER_TEXT_CHAR} x {limits.max_chars:,}, see --max-chars)")
    raw = record.reader.read()
    if (error := _cut_short(origin, len(raw), record.content_length)) is not None:
        return error
    try:
        html = _decode(raw, record)
    except DecodeError:
        skipped["not text in a known encoding"] += 1
        return None
    if (error := too_long(origin, html, limits)) is not None:
        return error
    url = record.headers.get("WARC-Target-URI") or None
    record_id = (record.record_id or "").strip("<>") or default_id
    captured = record.record_date.date() if record.headers.get("WARC-Date") else None
    item = guarded(origin, limits, lambda: article_from_html(
        html, doc_id=record_id, origin=origin, url=url, fallback_published=captured,
        max_chars=limits.max_chars if limits else None))
    if isinstance(item, NoArticle):
        skipped["no Arabic article"] += 1
        return None
    return item


def _not_a_page(record: WarcRecord) -> str | None:
    """Why a record holds no HTML page to read (its kind, status or type), or None."""
    if record.record_type != WarcRecordType.response:
        return f"{record.record_type} records"
    if not record.is_http:
        return "responses without HTTP headers"
    if record.http_headers.status_code != 200:
        return "responses with an HTTP status other than 200"
    if not (record.http_content_type or "").lower().startswith(HTML_TYPES):
        return "responses that are not HTML"
    encoding = (record.http_headers.get("Content-Encoding") or "identity").strip().lower()
    if encoding not in _DECODERS and encoding != "identity":
        return "responses in an unknown Content-Encoding"
    return None


def _gzip_ends_whole(stream: io.BufferedReader, offset: int) -> bool:
    """Whether a gzipped file's members from ``offset`` (its last record's) on are whole: FastWARC
    stops without a word at a member cut short. Always true for an uncompressed file."""
    stream.seek(offset)
    if stream.read(2) != b"\x1f\x8b":
        return True
    stream.seek(offset)
    inflater, started = zlib.decompressobj(wbits=31), False
    try:
        while chunk := stream.read(1 << 16):
            while chunk:
                inflater.decompress(chunk, 1 << 16)     # the output is not needed: bounded, dropped
                chunk, started = inflater.unconsumed_tail, True
                if inflater.eof:
                    chunk, inflater, started = inflater.unused_data + chunk, zlib.decompressobj(wbits=31), False
    except zlib.error:
        return False
    return not started


def _cut_short(origin: str, got: int, expected: int) -> IngestError | None:
    if got >= expected:
        return None
    return IngestError(origin, f"record cut short: {got:,} of its {expected:,} bytes (the file ends here?)")


def _decode(raw: bytes, record: WarcRecord) -> str:
    """The page's text: transfer and content encodings undone, then the charset the server
    declared, else the encoding rules of every input (``decode_bytes``)."""
    headers = record.http_headers
    if "chunked" in (headers.get("Transfer-Encoding") or "").lower():
        raw = ChunkedReader(io.BytesIO(raw)).read()
    encoding = (headers.get("Content-Encoding") or "identity").strip().lower()
    if encoding in _DECODERS:
        raw = _DECODERS[encoding](io.BytesIO(raw)).read()
    if record.http_charset:
        try:
            return raw.decode(record.http_charset)
        except (UnicodeDecodeError, LookupError):
            pass                 # a wrong or unknown declaration: read the bytes as a saved page is read
    return decode_bytes(raw)
