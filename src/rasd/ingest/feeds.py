"""Read RSS and Atom feed files (.rss, .atom, and .xml files that are feeds): each entry an article.

An entry's text is its full content (Atom ``content``, RSS ``content:encoded``) or else its
summary (``description``), its markup reduced to text a paragraph per line (a feed carries
fragments, not pages: there is no page furniture for trafilatura to find); its title heads
the text as a page's does. The url is the entry's link, the date its ``published`` (else
``updated``) date on the calendar of the time zone it is written in (a report posted at
01:30 +03:00 is that day's, not the day before in UTC), the outlet the feed's title or else
its link's host, the doc_id the entry's id (guid) or link, else ``FILE:N``.

A feed that is not well-formed XML is one error naming the file; an entry without text is
an error naming its number, as a JSON line without text is. feedparser is given a stream of
the file's bytes: given bytes or text, it would open a file or fetch a URL that they name.
"""
from __future__ import annotations

import datetime as dt
import email.utils
import io
import re
import xml.sax
from collections.abc import Iterator
from dataclasses import replace
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from rasd.ingest.limits import ArticleLimits
from rasd.ingest.readers import (IngestError, article_from_text, clean_field, display_name, guarded, short_repr,
                                 too_long, with_title)
from rasd.model import Article

SNIFF_BYTES = 4096
_FEED_ROOT = re.compile(rb"<(?:rss|feed|rdf:RDF)[\s>]")
_SPACES = re.compile(r"\s+")


def is_feed_file(path: Path) -> bool:
    """Whether an XML file is an RSS or Atom feed, by its root element near the start."""
    try:
        with path.open("rb") as stream:
            head = stream.read(SNIFF_BYTES)
    except OSError:
        return True             # read it, and its error is said there
    return _FEED_ROOT.search(head.replace(b"\x00", b"")) is not None   # UTF-16 too


def read_feed(path: Path, limits: ArticleLimits | None) -> Iterator[Article | IngestError]:
    """The feed's entries as articles, in feed order, an error for each entry without text."""
    import feedparser

    name = display_name(path)
    data = path.read_bytes()
    try:
        feed = feedparser.parse(io.BytesIO(data), sanitize_html=True, resolve_relative_uris=False)
    except Exception as err:    # feedparser failing on one odd file must not end the batch
        yield IngestError(name, f"feed not parsed: {type(err).__name__}: {short_repr(str(err))}")
        return
    problem = feed.get("bozo_exception") if feed.get("bozo") else None
    if isinstance(problem, xml.sax.SAXException) or not feed.get("version"):
        reason = f"not well-formed XML ({short_repr(str(problem))})" if problem else "no <rss> or <feed> element"
        yield IngestError(name, f"not a readable RSS or Atom feed: {reason}")
        return
    warnings = (f"feed read despite: {short_repr(str(problem))}",) if problem else ()
    if not feed.entries:
        yield IngestError(name, "feed without entries")
        return
    outlet = clean_field(feed.feed.get("title")) or _host(feed.feed.get("link"))
    for number, entry in enumerate(feed.entries, start=1):
        origin = f"{name}:entry {number}"
        yield guarded(origin, limits, lambda: _article(entry, origin, f"{path.name}:{number}", outlet,
                                                        warnings, limits))


def _article(entry: Any, origin: str, default_id: str, outlet: str | None, warnings: tuple[str, ...],
             limits: ArticleLimits | None) -> Article:
    body = _body(entry)
    if body is None:
        raise IngestError(origin, "entry without text (no \"content\" or \"summary\")")
    text, markup = body
    if (error := too_long(origin, text, limits)) is not None:
        raise error
    title = clean_field(entry.get("title"))
    link = clean_field(entry.get("link"))
    article = article_from_text(with_title(fragment_text(text) if markup else text, title),
                                doc_id=clean_field(entry.get("id")) or link or default_id, origin=origin,
                                title=title, published=_published(entry), outlet=outlet, url=link,
                                max_chars=limits.max_chars if limits else None)
    return replace(article, warnings=warnings + article.warnings)


def _body(entry: Any) -> tuple[str, bool] | None:
    """The entry's longest full content, else its summary, and whether it is HTML; None when
    it has neither."""
    contents = sorted((part for part in entry.get("content") or () if isinstance(part, dict)),
                      key=lambda part: len(part.get("value") or ""), reverse=True)
    for part in [*contents, entry.get("summary_detail") or {"value": entry.get("summary")}]:
        text = (part.get("value") or "").strip()
        if text:
            return text, "html" in (part.get("type") or "text/html")
    return None


def _published(entry: Any) -> dt.date | str | None:
    """The entry's date in the time zone it is written in; feedparser's own parse (in UTC) when
    the text is in neither the RSS (RFC 822) nor the Atom (RFC 3339) form, and else the text
    itself, for the readers' date rules to read or warn about."""
    for key in ("published", "updated"):
        written = clean_field(entry.get(key))
        if not written:
            continue
        for parse in (email.utils.parsedate_to_datetime, dt.datetime.fromisoformat):
            try:
                return parse(written).date()
            except (TypeError, ValueError, IndexError):
                continue
        parsed = entry.get(f"{key}_parsed")
        return dt.date(parsed.tm_year, parsed.tm_mon, parsed.tm_mday) if parsed else written
    return None


class _FragmentText(HTMLParser):
    """The text of an HTML fragment: a line per paragraph, heading, list item or break; scripts,
    styles and figure captions left out, as the page reader leaves them out."""
    BLOCKS = frozenset({"p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote",
                        "tr", "table", "section", "article", "header", "footer", "pre", "hr", "dd", "dt"})
    HIDDEN = frozenset({"script", "style", "noscript", "figcaption", "template", "iframe"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[str] = [""]
        self._hidden = 0

    def handle_starttag(self, tag: str, attrs: object) -> None:
        if tag in self.HIDDEN:
            self._hidden += 1
        elif tag in self.BLOCKS:
            self.lines.append("")

    def handle_endtag(self, tag: str) -> None:
        if tag in self.HIDDEN:
            self._hidden = max(0, self._hidden - 1)
        elif tag in self.BLOCKS:
            self.lines.append("")

    def handle_data(self, data: str) -> None:
        if not self._hidden:
            self.lines[-1] += _SPACES.sub(" ", data)


def fragment_text(markup: str) -> str:
    """An HTML fragment (a feed entry's content) as plain text, a line per block; plain text
    with no markup comes out as it went in, but for runs of spaces."""
    parser = _FragmentText()
    parser.feed(markup)
    parser.close()
    return "\n".join(line.strip() for line in parser.lines if line.strip())


def _host(url: object) -> str | None:
    host = urlsplit(url).hostname if isinstance(url, str) else None
    return host.removeprefix("www.") if host else None
