"""Read article files (.txt with sidecar, .html, .jsonl, folders) into ``Article``s; web
archives (``warc``) and RSS/Atom feeds (``feeds``) go through the same page and text paths.

Every bad input becomes an ``IngestError`` naming the file (and line) it came from, so
one broken file or JSON line never stops a batch: whatever a reader raises on one record
(a library failing on malformed HTML included) is that record's error, not the batch's.
What a record cannot do to the outputs is repaired on the way in and said in a warning:
lone surrogate escapes ("\\ud800") become U+FFFD, a file name that is not UTF-8 is shown
with \\x escapes, a publication date outside ``PUBLISHED_RANGE`` is dropped.
"""
from __future__ import annotations

import datetime as dt
import json
import os
import re
import reprlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from functools import partial
from pathlib import Path
from typing import Any

from rasd.ingest.boilerplate import clean_normalised, line_key, normalise
from rasd.ingest.encoding import DecodeError, decode_bytes, open_lines
from rasd.ingest.limits import ArticleLimits, TimeLimitExceeded, time_limit
from rasd.ingest.pages import page_shape
from rasd.model import Article
from rasd.text.dates import parse_date_text

MIN_ARABIC_SHARE = 0.5        # of all letters; real Arabic reports with English furniture stay above 0.7
HEADLINE_WORDS = (3, 25)
_ARABIC_BLOCKS = ((0x0600, 0x06FF), (0x0750, 0x077F), (0x08A0, 0x08FF), (0xFB50, 0xFDFF), (0xFE70, 0xFEFC))
_ARABIC_LETTER = re.compile("[" + "".join(f"{chr(lo)}-{chr(hi)}" for lo, hi in _ARABIC_BLOCKS) + "]")


def _runs(codes: list[int]) -> str:
    """A character class body for sorted code points, consecutive ones as ranges."""
    out, start = [], 0
    for k in range(1, len(codes) + 1):
        if k == len(codes) or codes[k] != codes[k - 1] + 1:
            out.append(re.escape(chr(codes[start])) + ("-" + re.escape(chr(codes[k - 1])) if k - 1 > start else ""))
            start = k
    return "".join(out)


# Everything but the letters (``str.isalpha``) of the Arabic blocks: deleting it leaves the
# Arabic letters to count with ``len``, in C.
_NOT_ARABIC_LETTERS = re.compile("[^" + _runs([c for lo, hi in _ARABIC_BLOCKS for c in range(lo, hi + 1)
                                               if chr(c).isalpha()]) + "]+")
_WORD = re.compile(r"[^\W_]+")
_NOT_HEADLINE_END = tuple(".:،,؛;")
SIDECAR_SUFFIX = ".meta.json"
PUBLISHED_RANGE = (dt.date(1900, 1, 1), dt.date(2100, 12, 31))   # outside: a typo, and date arithmetic overflows
RAW_CHARS_PER_TEXT_CHAR = 10  # a saved page holds several times its text in markup
LONG_NUMBER_DIGITS = 100      # a longer JSON integer is kept as its digits (Python refuses ints past 4300)
_SURROGATE = re.compile("[\ud800-\udfff]")
_REPR = reprlib.Repr()
_REPR.maxstring = _REPR.maxother = _REPR.maxlong = 80     # a value quoted in a message stays short
short_repr = _REPR.repr


@dataclass(frozen=True)
class IngestError(Exception):
    """An input that gave no article: where it came from and why, ``str()`` "ORIGIN: reason"."""
    origin: str
    reason: str

    def __reduce__(self) -> tuple[type[IngestError], tuple[str, str]]:
        return type(self), (self.origin, self.reason)   # frozen: the default restores by setattr

    def __str__(self) -> str:
        return f"{self.origin}: {self.reason}"


class NoArticle(IngestError):
    """An input that holds no Arabic article (empty, only site furniture, another language): an
    error for a file given to read, a silent skip among the pages of a web archive."""


def article_from_text(text: str, *, doc_id: str = "text", published: str | dt.date | None = None,
                      outlet: str | None = None, url: str | None = None, title: str | None = None,
                      origin: str | None = None, max_chars: int | None = None) -> Article:
    """Clean one article's raw text and attach its metadata.

    Raises ``IngestError`` when nothing Arabic is left to read or the text is longer than
    ``max_chars``. An unreadable ``published`` is only a warning on the article: the text is
    still worth extracting. So is a page with no article body (a list of headlines,
    ``pages.page_shape``): it is kept, marked by its ``page_kind``, and the pipeline reads no
    figures from it.
    """
    origin = origin or doc_id
    if max_chars is not None and len(text) > max_chars:
        raise IngestError(origin, f"too long: {len(text):,} characters (limit {max_chars:,}, see --max-chars)")
    normal = normalise(text)
    if not normal:
        raise NoArticle(origin, "empty text")
    body = clean_normalised(normal).text
    if not body:
        raise NoArticle(origin, "only site boilerplate, no article text")
    share = arabic_share(body)
    if share < MIN_ARABIC_SHARE:
        raise NoArticle(origin, f"not Arabic text ({share:.0%} of its letters are Arabic)")
    date, warnings = _read_published(published)
    shape = page_shape(body)
    if shape.kind == "link_list":
        warnings += (f"no article body: a list of {shape.headlines} headlines",)
    elif shape.kind == "empty":
        warnings += ("no article body: only short lines (menus, buttons, dates)",)
    return Article(doc_id=doc_id, text=body, origin=origin,
                   title=clean_field(title) or headline(body), published=date,
                   outlet=clean_field(outlet), url=clean_field(url), warnings=warnings,
                   page_kind=shape.kind)


def arabic_share(text: str) -> float:
    """Share of Arabic letters among all letters (0.0 for a text without letters)."""
    letters = sum(map(str.isalpha, text))       # counted in C, not a Python step per character
    if not letters:
        return 0.0
    return len(_NOT_ARABIC_LETTERS.sub("", text)) / letters


def headline(text: str) -> str | None:
    """The first line when it reads as a headline: short, Arabic, not ending a sentence."""
    first, _, rest = text.partition("\n")
    words = len(_WORD.findall(first))
    if (rest.strip() and HEADLINE_WORDS[0] <= words <= HEADLINE_WORDS[1]
            and not first.endswith(_NOT_HEADLINE_END) and _ARABIC_LETTER.search(first)):
        return first.strip()
    return None


def read_inputs(paths: Iterable[str | Path], *, exclude: Iterable[Path] = (),
                limits: ArticleLimits | None = None) -> Iterator[Article | IngestError]:
    """Articles from files and folders, in order; an ``IngestError`` for each bad input.

    Folders are read recursively without the ``exclude`` folders (the output folder: a run
    never reads its own outputs back). With ``limits``, a record longer than
    ``limits.max_chars`` or slower to read than ``limits.max_seconds`` is an error.
    """
    skipped = {_resolved(p) for p in exclude}
    for given in paths:
        path = Path(given)
        if path.is_dir():
            files, problems = article_files(path, skipped)
            yield from problems
            if not files and not problems:
                yield IngestError(display_name(path), f"no article files ({KINDS}) in this folder")
            for file in files:
                yield from _read_file(file, limits)
        elif path.is_file():
            yield from _read_file(path, limits)
        elif path.is_symlink():
            yield IngestError(display_name(path), "broken link: its target does not exist")
        else:
            yield IngestError(display_name(path), "no such file or directory")


def article_files(folder: Path, exclude: Iterable[Path] = ()) -> tuple[list[Path], list[IngestError]]:
    """Article files under ``folder``, recursively and sorted, without hidden files, sidecars
    and the ``exclude`` files and folders (resolved paths); with an error for each sub-folder that
    cannot be listed and each broken link, which would otherwise drop out unseen."""
    skipped = set(exclude)
    problems: list[IngestError] = []

    def unlisted(err: OSError) -> None:
        problems.append(IngestError(display_name(Path(err.filename or folder)),
                                    f"folder not read: {err.strerror or err}"))

    found: list[Path] = []
    for root, dirs, files in os.walk(folder, onerror=unlisted):
        here = Path(root)
        dirs[:] = sorted(d for d in dirs if not d.startswith(".")
                         and not (skipped and _resolved(here / d) in skipped))
        for name in files:
            path = here / name
            if name.startswith(".") or _reader_for(path) is None \
                    or (skipped and _resolved(path) in skipped):
                continue
            if path.is_file():
                if path.suffix.lower() != ".xml" or _is_feed(path):   # other XML is no input
                    found.append(path)
            elif path.is_symlink():
                problems.append(IngestError(display_name(path), "broken link: its target does not exist"))
    problems.sort(key=lambda e: e.origin)
    return sorted(found), problems


def display_name(path: Path) -> str:
    """The path as text that can be written anywhere: bytes that are not UTF-8 (a Linux file
    name can hold any) become \\x escapes instead of lone surrogates."""
    return os.fsencode(path).decode("utf-8", "backslashreplace")


def _resolved(path: Path) -> Path:
    try:
        return path.resolve()
    except (OSError, RuntimeError):   # a link loop
        return path.absolute()


def _read_file(path: Path, limits: ArticleLimits | None) -> Iterator[Article | IngestError]:
    origin = display_name(path)
    reader = _reader_for(path)
    if reader is None:
        yield IngestError(origin, f"unsupported file type {path.suffix!r} (want {KINDS})")
        return
    try:
        yield from reader(path, limits)
    except OSError as err:
        yield IngestError(origin, f"unreadable file: {err.strerror or err}")


def guarded(origin: str, limits: ArticleLimits | None, build: Callable[[], Article]) -> Article | IngestError:
    """One record read under the time limit; whatever goes wrong is this record's error."""
    try:
        with time_limit(limits.max_seconds if limits else None):
            return build()
    except IngestError as err:
        return err
    except TimeLimitExceeded as err:
        return IngestError(origin, f"reading {err}")
    except Exception as err:  # a library failing on one odd record must not end the batch
        return IngestError(origin, f"unreadable: {type(err).__name__}: {short_repr(str(err))}")


def too_long(origin: str, raw: str, limits: ArticleLimits | None) -> IngestError | None:
    """A record whose raw form (a page's markup, a JSON line) is far past the text limit is
    refused before any parsing; the text itself is checked against ``max_chars`` once read."""
    if limits is not None and len(raw) > RAW_CHARS_PER_TEXT_CHAR * limits.max_chars:
        return IngestError(origin, f"too long: {len(raw):,} characters of markup or JSON (limit "
                                   f"{RAW_CHARS_PER_TEXT_CHAR} x {limits.max_chars:,}, see --max-chars)")
    return None


def _read_page(build: Callable[..., Article], path: Path,
               limits: ArticleLimits | None) -> Iterator[Article | IngestError]:
    """One article per file (.txt, .html), with the metadata of its sidecar."""
    origin = display_name(path)
    try:
        text = decode_bytes(path.read_bytes())
    except DecodeError as err:
        yield IngestError(origin, str(err))
        return
    if (error := too_long(origin, text, limits)) is not None:
        yield error
        return
    meta, warnings = _sidecar(path)
    if origin != str(path):
        warnings += ("file name is not UTF-8: its bytes are shown as \\x escapes",)
    max_chars = limits.max_chars if limits else None
    item = guarded(origin, limits, lambda: build(text, doc_id=display_name(Path(path.stem)),
                                                    origin=origin, max_chars=max_chars, **meta))
    yield item if isinstance(item, IngestError) else replace(item, warnings=warnings + item.warnings)


def _read_jsonl(path: Path, limits: ArticleLimits | None) -> Iterator[Article | IngestError]:
    name = display_name(path)
    with path.open("rb") as handle:
        try:
            lines = open_lines(handle)    # one line at a time: the file is never held whole
        except DecodeError as err:
            yield IngestError(name, str(err))
            return
        yield from _jsonl_records(name, lines, limits)


def _jsonl_records(name: str, lines: Iterator[str | DecodeError],
                   limits: ArticleLimits | None) -> Iterator[Article | IngestError]:
    for number, line in enumerate(lines, start=1):
        origin = f"{name}:{number}"
        if isinstance(line, DecodeError):
            yield IngestError(origin, str(line))
            continue
        if not line.strip():
            continue
        if (error := too_long(origin, line, limits)) is not None:
            yield error
            continue
        try:
            record = load_json(line)
        except json.JSONDecodeError as err:
            yield IngestError(origin, f"broken JSON line: {err.msg} (column {err.colno})")
            continue
        except (ValueError, RecursionError) as err:
            yield IngestError(origin, f"broken JSON line: {type(err).__name__}: {short_repr(str(err))}")
            continue
        default_id = f"{Path(name).name}:{number}"
        yield guarded(origin, limits, lambda: _from_record(record, origin, default_id,
                                                            limits.max_chars if limits else None))


def load_json(text: str) -> Any:
    """``json.loads`` for data nobody checked: an integer of more than ``LONG_NUMBER_DIGITS``
    digits stays a string of digits (Python refuses to read one past 4,300 digits)."""
    return json.loads(text, parse_int=lambda digits: int(digits) if len(digits) <= LONG_NUMBER_DIGITS else digits)


def _from_record(record: Any, origin: str, default_id: str, max_chars: int | None) -> Article:
    if not isinstance(record, dict):
        raise IngestError(origin, "JSON line is not an object")
    record, repaired = _without_surrogates(record)
    doc_id = record.get("id")
    fields: dict[str, Any] = {key: record.get(key) for key in ("published", "outlet", "url", "title")}
    fields.update(doc_id=str(doc_id) if doc_id not in (None, "") else default_id, origin=origin,
                  max_chars=max_chars)
    if isinstance(record.get("text"), str) and record["text"].strip():
        article = article_from_text(record["text"], **fields)
    elif isinstance(record.get("html"), str) and record["html"].strip():
        article = article_from_html(record["html"], **fields)
    else:
        raise IngestError(origin, "no \"text\" or \"html\" field")
    return replace(article, warnings=repaired + article.warnings) if repaired else article


def _without_surrogates(record: dict[str, Any]) -> tuple[dict[str, Any], tuple[str, ...]]:
    """The record's fields with lone surrogate escapes ("\\ud800", which no UTF-8 file can hold)
    replaced by U+FFFD, one for one so that offsets stay; a warning naming the fields."""
    fields = [key for key in _RECORD_FIELDS if isinstance(record.get(key), str) and _SURROGATE.search(record[key])]
    if not fields:
        return record, ()
    return ({**record, **{key: _SURROGATE.sub("\ufffd", record[key]) for key in fields}},
            (f"lone surrogate escapes replaced with U+FFFD in {', '.join(fields)}",))


def article_from_html(html: str, *, doc_id: str, origin: str, published: str | dt.date | None = None,
                      outlet: str | None = None, url: str | None = None,
                      title: str | None = None, max_chars: int | None = None,
                      fallback_published: dt.date | None = None) -> Article:
    """The main text of a saved web page; title and date from the page unless given, and
    ``fallback_published`` (a capture's date) when the page states none.

    Comments stay out (reader threads carry their own numbers), and so do tables and
    link targets. The date comes from the page's metadata, with htmldate's extensive text
    search off: a date found in the body is more likely the event's than the publication's.
    trafilatura is imported here, by the first page: it costs a plain-text run 0.1 s at start.
    """
    import trafilatura
    from trafilatura.settings import Document as Page

    try:
        page = trafilatura.bare_extraction(
            html, url=url, include_comments=False, include_tables=False, include_links=False,
            include_images=False, with_metadata=True,
            date_extraction_params={"original_date": True, "extensive_search": False,
                                    "max_date": dt.date.today().isoformat()})
    except Exception as err:    # lxml and htmldate assert on some malformed pages of a few bytes
        raise IngestError(origin, f"page not parsed: {type(err).__name__}: {short_repr(str(err))}") from None
    if not isinstance(page, Page) or not page.text or not page.text.strip():
        raise NoArticle(origin, "no article text found in the page")
    title = clean_field(title) or clean_field(page.title)
    return article_from_text(with_title(page.text, title), doc_id=doc_id, origin=origin, title=title,
                             published=published or page.date or fallback_published,
                             outlet=outlet or page.sitename, url=url or page.url, max_chars=max_chars)


def with_title(body: str, title: str | None) -> str:
    """The body headed by its title unless it starts with it already: a .txt article's headline
    is part of its text, so a page's or a feed entry's is too."""
    return f"{title}\n{body}" if title and not _starts_with(body, title) else body


def _starts_with(body: str, title: str) -> bool:
    first = line_key(body.strip().partition("\n")[0])
    wanted = line_key(title)
    return bool(first) and (first in wanted or wanted in first)


def _sidecar(path: Path) -> tuple[dict[str, Any], tuple[str, ...]]:
    """Metadata from ``NAME.meta.json`` beside ``NAME.ext``; a broken one is a warning."""
    sidecar = path.with_name(path.stem + SIDECAR_SUFFIX)
    if not sidecar.is_file():
        return {}, ()
    shown = display_name(Path(sidecar.name))
    try:
        meta = load_json(decode_bytes(sidecar.read_bytes()))
    except (OSError, DecodeError, ValueError, RecursionError) as err:
        return {}, (f"sidecar {shown} ignored: {short_repr(str(err))}",)
    if not isinstance(meta, dict):
        return {}, (f"sidecar {shown} ignored: not a JSON object",)
    meta, repaired = _without_surrogates(meta)
    return ({key: meta.get(key) for key in ("published", "outlet", "url", "title")},
            tuple(f"sidecar {shown}: {warning}" for warning in repaired))


def _read_published(value: object) -> tuple[dt.date | None, tuple[str, ...]]:
    if value is None or value == "":
        return None, ()
    parsed: dt.date | None = None
    if isinstance(value, dt.datetime):
        parsed = value.date()
    elif isinstance(value, dt.date):
        parsed = value
    elif isinstance(value, str):
        parsed = parse_date_text(value)
    if parsed is None:
        return None, (f"unreadable publication date {short_repr(value)}: relative dates stay unresolved",)
    if not PUBLISHED_RANGE[0] <= parsed <= PUBLISHED_RANGE[1]:
        return None, (f"publication date {parsed.isoformat()} outside {PUBLISHED_RANGE[0].year}-"
                      f"{PUBLISHED_RANGE[1].year} ignored: relative dates stay unresolved",)
    return parsed, ()


def clean_field(value: object) -> str | None:
    """A metadata string, stripped; anything else (numbers, lists, blanks) is no value."""
    return (value.strip() or None) if isinstance(value, str) else None


def _read_warc(path: Path, limits: ArticleLimits | None) -> Iterator[Article | IngestError]:
    from rasd.ingest.warc import read_warc     # FastWARC loads with the first archive, not at start-up
    return read_warc(path, limits)


def _read_feed(path: Path, limits: ArticleLimits | None) -> Iterator[Article | IngestError]:
    from rasd.ingest.feeds import read_feed     # feedparser loads with the first feed
    return read_feed(path, limits)


def _is_feed(path: Path) -> bool:
    from rasd.ingest.feeds import is_feed_file
    return is_feed_file(path)


Reader = Callable[[Path, ArticleLimits | None], Iterator[Article | IngestError]]
_RECORD_FIELDS = ("id", "text", "html", "published", "outlet", "url", "title")
_PAGE_READERS: dict[str, Reader] = {     # one article per file, with a sidecar
    ".txt": partial(_read_page, article_from_text),
    ".html": partial(_read_page, article_from_html),
    ".htm": partial(_read_page, article_from_html),
}
_READERS: dict[str, Reader] = {
    **_PAGE_READERS,
    ".jsonl": _read_jsonl,
    ".warc": _read_warc,
    ".warc.gz": _read_warc,
    ".rss": _read_feed,
    ".atom": _read_feed,
    ".xml": _read_feed,        # in a folder, only XML files that are feeds (``_is_feed``)
}
KINDS = ".txt, .html, .htm, .jsonl, .warc, .warc.gz, .rss, .atom, .xml feeds"


def _reader_for(path: Path) -> Reader | None:
    """The reader for a file, by its (double, for ".warc.gz") extension."""
    name = path.name.lower()
    return _READERS.get(".warc.gz" if name.endswith(".warc.gz") else path.suffix.lower())


def input_files(paths: Iterable[str | Path], exclude: Iterable[Path] = ()) -> list[Path]:
    """The files ``read_inputs`` reads for these inputs: article files and their sidecars."""
    skipped = {_resolved(p) for p in exclude}
    files: list[Path] = []
    for given in paths:
        path = Path(given)
        found = article_files(path, skipped)[0] if path.is_dir() else [path] if path.is_file() else []
        for file in found:
            sidecar = file.with_name(file.stem + SIDECAR_SUFFIX)
            files += [file, sidecar] if file.suffix.lower() in _PAGE_READERS and sidecar.is_file() else [file]
    return files
