"""Every export format written from incident and document dicts, for ``rasd run``, ``rasd
export`` and anyone holding the store's dicts: json, acled, ucdp, geojson, markdown.

Each format has a writer that takes the incidents one at a time (``add``) and closes its text
(``end``). ``write_many`` feeds several writers from one pass over the incidents, so
``rasd run``'s five exports read each incident from the store once; ``write`` is one format.
Both stream: ``Store.selected`` reads the incidents from the database one at a time and each
one's part is written before the next is read, so an export's memory does not grow with the
store. ``render`` is one format as one string.
"""
from __future__ import annotations

import io
import json
from collections.abc import Callable, Iterable, Mapping, Sized
from typing import Any, Protocol, TextIO

from rasd.export import acled, fields, ucdp
from rasd.export.csvout import CsvWriter
from rasd.export.geojson import feature
from rasd.export.markdown import MarkdownWriter

FORMATS = ("json", "acled", "ucdp", "geojson", "markdown")
CSV_FORMATS = frozenset({"acled", "ucdp"})
Documents = Iterable[Mapping[str, Any]] | fields.DocumentsById | None


class IncidentWriter(Protocol):
    """One format's text: its opening written when the writer is made, then ``add`` per incident
    in order, then ``end``."""

    def add(self, incident: Mapping[str, Any]) -> None: ...

    def end(self) -> None: ...


def render(fmt: str, incidents: Iterable[Mapping[str, Any]], documents: Documents = None, bom: bool = False) -> str:
    """The export as text. ``bom`` adds a byte-order mark, for the CSV formats only (a BOM is
    not allowed in JSON, RFC 8259)."""
    out = io.StringIO(newline="")
    write(fmt, incidents, documents, out, bom)
    return out.getvalue()


def write(fmt: str, incidents: Iterable[Mapping[str, Any]], documents: Documents, handle: TextIO,
          bom: bool = False) -> None:
    """The export written to ``handle`` (a text handle opened with ``newline=""``), incident
    after incident. ``documents``: the incidents' document dicts, or a mapping by doc_id (the
    store's ``DocumentHeaders``)."""
    if bom and fmt in FORMATS and fmt not in CSV_FORMATS:
        raise ValueError(f"a byte-order mark is for the CSV formats ({', '.join(sorted(CSV_FORMATS))}), not {fmt}")
    write_many({fmt: handle}, incidents, documents, bom)


def write_many(handles: Mapping[str, TextIO], incidents: Iterable[Mapping[str, Any]], documents: Documents,
               bom: bool = False) -> int:
    """Each format of ``handles`` (format -> text handle opened with ``newline=""``) written
    from one pass over ``incidents``: every incident goes to each writer before the next is
    read. ``bom``: a byte-order mark before the CSV formats among them. Markdown's title counts
    the incidents first: incidents that have no ``len`` (a generator) are then gathered in a
    list; ``Store.selected`` counts them in the database. How many incidents were written."""
    unknown = [fmt for fmt in handles if fmt not in FORMATS]
    if unknown:
        raise ValueError(f"unknown export format {unknown[0]!r}; expected one of {', '.join(FORMATS)}")
    docs = fields.documents_by_id(documents)
    count = None
    if "markdown" in handles:
        if not isinstance(incidents, Sized):
            incidents = list(incidents)
        count = len(incidents)
    writers = [_writer(fmt, handle, docs, count, bom) for fmt, handle in handles.items()]
    written = 0
    for incident in incidents:
        for writer in writers:
            writer.add(incident)
        written += 1
    for writer in writers:
        writer.end()
    return written


def _writer(fmt: str, handle: TextIO, docs: fields.DocumentsById, count: int | None, bom: bool) -> IncidentWriter:
    if fmt == "json":
        return _JsonWriter(handle)
    if fmt == "acled":
        return _RowWriter(CsvWriter(acled.COLUMNS, handle, bom), lambda i: acled.acled_row(i, docs))
    if fmt == "ucdp":
        return _RowWriter(CsvWriter(ucdp.COLUMNS, handle, bom), lambda i: ucdp.ucdp_row(i, docs))
    if fmt == "geojson":
        return _GeoJsonWriter(handle, docs)
    assert count is not None
    return MarkdownWriter(handle, docs, count)


class _JsonList:
    """A JSON list as ``json.dump(list(items), indent=1, ensure_ascii=False)`` writes it at
    nesting ``depth``, one item at a time (JSON strings hold no raw line break, so indenting
    each line of an item's own dump indents it as the whole dump would)."""

    def __init__(self, handle: TextIO, depth: int):
        self._handle, self._depth = handle, depth
        self._inner = "\n" + " " * (depth + 1)
        self._opened = False

    def add(self, item: Any) -> None:
        self._handle.write(("," if self._opened else "[") + self._inner
                           + json.dumps(item, ensure_ascii=False, indent=1).replace("\n", self._inner))
        self._opened = True

    def end(self) -> None:
        self._handle.write("\n" + " " * self._depth + "]" if self._opened else "[]")


class _JsonWriter:
    def __init__(self, handle: TextIO):
        self._handle, self._list = handle, _JsonList(handle, depth=0)

    def add(self, incident: Mapping[str, Any]) -> None:
        self._list.add(incident)

    def end(self) -> None:
        self._list.end()
        self._handle.write("\n")


class _GeoJsonWriter:
    """A FeatureCollection of the located incidents (a feature needs a point)."""

    def __init__(self, handle: TextIO, docs: fields.DocumentsById):
        self._handle, self._docs = handle, docs
        handle.write('{\n "type": "FeatureCollection",\n "features": ')
        self._list = _JsonList(handle, depth=1)

    def add(self, incident: Mapping[str, Any]) -> None:
        if fields.located(incident):
            self._list.add(feature(incident, self._docs))

    def end(self) -> None:
        self._list.end()
        self._handle.write("\n}\n")


class _RowWriter:
    """A CSV format: one row per incident."""

    def __init__(self, csv: CsvWriter, row: Callable[[Mapping[str, Any]], Mapping[str, Any]]):
        self._csv, self._row = csv, row

    def add(self, incident: Mapping[str, Any]) -> None:
        self._csv.add(self._row(incident))

    def end(self) -> None:
        """A CSV file ends with its last row."""
