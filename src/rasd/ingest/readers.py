"""Read article files (.txt with sidecar, .html, .jsonl, folders) into ``Article``s.

Every bad input becomes an ``IngestError`` naming the file (and line) it came from, so
one broken file or JSON line never stops a batch.
"""
from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from functools import partial
from pathlib import Path
from typing import Any

import trafilatura
from trafilatura.settings import Document as Page

from rasd.ingest.boilerplate import clean_text, line_key, normalise
from rasd.ingest.encoding import DecodeError, decode_bytes
from rasd.ingest.pages import page_shape
from rasd.model import Article
from rasd.text.dates import parse_date_text

MIN_ARABIC_SHARE = 0.5        # of all letters; real Arabic reports with English furniture stay above 0.7
HEADLINE_WORDS = (3, 25)
_ARABIC_LETTER = re.compile("[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufefc]")
_WORD = re.compile(r"[^\W_]+")
_NOT_HEADLINE_END = tuple(".:،,؛;")
SIDECAR_SUFFIX = ".meta.json"


@dataclass(frozen=True)
class IngestError(Exception):
    """An input that gave no article: where it came from and why, ``str()`` "ORIGIN: reason"."""
    origin: str
    reason: str

    def __reduce__(self) -> tuple[type[IngestError], tuple[str, str]]:
        return type(self), (self.origin, self.reason)   # frozen: the default restores by setattr

    def __str__(self) -> str:
        return f"{self.origin}: {self.reason}"


def article_from_text(text: str, *, doc_id: str = "text", published: str | dt.date | None = None,
                      outlet: str | None = None, url: str | None = None, title: str | None = None,
                      origin: str | None = None) -> Article:
    """Clean one article's raw text and attach its metadata.

    Raises ``IngestError`` when nothing Arabic is left to read. An unreadable ``published``
    is only a warning on the article: the text is still worth extracting. So is a page with
    no article body (a list of headlines, ``pages.page_shape``): it is kept, marked by its
    ``page_kind``, and the pipeline reads no figures from it.
    """
    origin = origin or doc_id
    if not normalise(text):
        raise IngestError(origin, "empty text")
    body = clean_text(text).text
    if not body:
        raise IngestError(origin, "only site boilerplate, no article text")
    share = arabic_share(body)
    if share < MIN_ARABIC_SHARE:
        raise IngestError(origin, f"not Arabic text ({share:.0%} of its letters are Arabic)")
    date, warnings = _read_published(published)
    shape = page_shape(body)
    if shape.kind == "link_list":
        warnings += (f"no article body: a list of {shape.headlines} headlines",)
    elif shape.kind == "empty":
        warnings += ("no article body: only short lines (menus, buttons, dates)",)
    return Article(doc_id=doc_id, text=body, origin=origin,
                   title=_clean_field(title) or headline(body), published=date,
                   outlet=_clean_field(outlet), url=_clean_field(url), warnings=warnings,
                   page_kind=shape.kind)


def arabic_share(text: str) -> float:
    """Share of Arabic letters among all letters (0.0 for a text without letters)."""
    letters = [ch for ch in text if ch.isalpha()]
    if not letters:
        return 0.0
    return sum(1 for ch in letters if _ARABIC_LETTER.match(ch)) / len(letters)


def headline(text: str) -> str | None:
    """The first line when it reads as a headline: short, Arabic, not ending a sentence."""
    first, _, rest = text.partition("\n")
    words = len(_WORD.findall(first))
    if (rest.strip() and HEADLINE_WORDS[0] <= words <= HEADLINE_WORDS[1]
            and not first.endswith(_NOT_HEADLINE_END) and _ARABIC_LETTER.search(first)):
        return first.strip()
    return None


def read_inputs(paths: Iterable[str | Path]) -> Iterator[Article | IngestError]:
    """Articles from files and folders, in order; an ``IngestError`` for each bad input."""
    for given in paths:
        path = Path(given)
        if path.is_dir():
            files = article_files(path)
            if not files:
                yield IngestError(str(given), "no article files (.txt, .html, .htm, .jsonl) in this folder")
            for file in files:
                yield from _read_file(file)
        elif path.is_file():
            yield from _read_file(path)
        else:
            yield IngestError(str(given), "no such file or directory")


def article_files(folder: Path) -> list[Path]:
    """Article files under ``folder``, recursively and sorted, without hidden files or sidecars."""
    return sorted(
        path for path in folder.rglob("*")
        if path.is_file() and path.suffix.lower() in _READERS
        and not any(part.startswith(".") for part in path.relative_to(folder).parts)
    )


def _read_file(path: Path) -> Iterator[Article | IngestError]:
    reader = _READERS.get(path.suffix.lower())
    if reader is None:
        yield IngestError(str(path), f"unsupported file type {path.suffix!r} (want .txt, .html, .htm, .jsonl)")
        return
    try:
        text = decode_bytes(path.read_bytes())
    except (OSError, DecodeError) as err:
        yield IngestError(str(path), str(err))
        return
    yield from reader(path, text)


def _read_page(build: Callable[..., Article], path: Path, text: str) -> Iterator[Article | IngestError]:
    """One article per file (.txt, .html), with the metadata of its sidecar."""
    meta, warnings = _sidecar(path)
    try:
        article = build(text, doc_id=path.stem, origin=str(path), **meta)
    except IngestError as err:
        yield err
        return
    yield replace(article, warnings=warnings + article.warnings)


def _read_jsonl(path: Path, text: str) -> Iterator[Article | IngestError]:
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        origin = f"{path}:{number}"
        try:
            yield _from_record(json.loads(line), origin, default_id=f"{path.name}:{number}")
        except json.JSONDecodeError as err:
            yield IngestError(origin, f"broken JSON line: {err.msg} (column {err.colno})")
        except IngestError as err:
            yield err


def _from_record(record: Any, origin: str, default_id: str) -> Article:
    if not isinstance(record, dict):
        raise IngestError(origin, "JSON line is not an object")
    doc_id = record.get("id")
    fields: dict[str, Any] = {key: record.get(key) for key in ("published", "outlet", "url", "title")}
    fields.update(doc_id=str(doc_id) if doc_id not in (None, "") else default_id, origin=origin)
    if isinstance(record.get("text"), str) and record["text"].strip():
        return article_from_text(record["text"], **fields)
    if isinstance(record.get("html"), str) and record["html"].strip():
        return article_from_html(record["html"], **fields)
    raise IngestError(origin, "no \"text\" or \"html\" field")


def article_from_html(html: str, *, doc_id: str, origin: str, published: str | dt.date | None = None,
                      outlet: str | None = None, url: str | None = None,
                      title: str | None = None) -> Article:
    """The main text of a saved web page; title and date from the page unless given.

    Comments stay out (reader threads carry their own numbers), and so do tables and
    link targets. The date comes from the page's metadata, with htmldate's extensive text
    search off: a date found in the body is more likely the event's than the publication's.
    """
    page = trafilatura.bare_extraction(
        html, url=url, include_comments=False, include_tables=False, include_links=False,
        include_images=False, with_metadata=True,
        date_extraction_params={"original_date": True, "extensive_search": False,
                                "max_date": dt.date.today().isoformat()})
    if not isinstance(page, Page) or not page.text or not page.text.strip():
        raise IngestError(origin, "no article text found in the page")
    body: str = page.text
    title = _clean_field(title) or _clean_field(page.title)
    if title and not _starts_with(body, title):
        body = f"{title}\n{body}"    # a .txt article's headline is part of its text: keep pages alike
    return article_from_text(body, doc_id=doc_id, origin=origin, title=title,
                             published=published or page.date, outlet=outlet or page.sitename,
                             url=url or page.url)


def _starts_with(body: str, title: str) -> bool:
    first = line_key(body.strip().partition("\n")[0])
    wanted = line_key(title)
    return bool(first) and (first in wanted or wanted in first)


def _sidecar(path: Path) -> tuple[dict[str, Any], tuple[str, ...]]:
    """Metadata from ``NAME.meta.json`` beside ``NAME.ext``; a broken one is a warning."""
    sidecar = path.with_name(path.stem + SIDECAR_SUFFIX)
    if not sidecar.is_file():
        return {}, ()
    try:
        meta = json.loads(decode_bytes(sidecar.read_bytes()))
    except (OSError, DecodeError, json.JSONDecodeError) as err:
        return {}, (f"sidecar {sidecar.name} ignored: {err}",)
    if not isinstance(meta, dict):
        return {}, (f"sidecar {sidecar.name} ignored: not a JSON object",)
    return {key: meta.get(key) for key in ("published", "outlet", "url", "title")}, ()


def _read_published(value: object) -> tuple[dt.date | None, tuple[str, ...]]:
    if value is None or value == "":
        return None, ()
    if isinstance(value, dt.datetime):
        return value.date(), ()
    if isinstance(value, dt.date):
        return value, ()
    if isinstance(value, str):
        parsed = parse_date_text(value)
        if parsed is not None:
            return parsed, ()
    return None, (f"unreadable publication date {value!r}: relative dates stay unresolved",)


def _clean_field(value: object) -> str | None:
    """A metadata string, stripped; anything else (numbers, lists, blanks) is no value."""
    return (value.strip() or None) if isinstance(value, str) else None


_READERS: dict[str, Callable[[Path, str], Iterator[Article | IngestError]]] = {
    ".txt": partial(_read_page, article_from_text),
    ".html": partial(_read_page, article_from_html),
    ".htm": partial(_read_page, article_from_html),
    ".jsonl": _read_jsonl,
}
