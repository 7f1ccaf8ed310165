"""Every export format written from incident and document dicts, for ``rasd run``, ``rasd
export`` and anyone holding the store's dicts: json, acled, ucdp, geojson, markdown.

``write`` streams: it takes the incidents as they come (``Store.selected`` reads them from the
database one at a time) and writes each one's part before reading the next, so an export's
memory does not grow with the store. ``render`` is the same text as one string.
"""
from __future__ import annotations

import io
import json
from collections.abc import Iterable, Mapping, Sized
from typing import Any, TextIO

from rasd.export import acled, fields, ucdp
from rasd.export.csvout import write_csv
from rasd.export.geojson import feature
from rasd.export.markdown import write_markdown

FORMATS = ("json", "acled", "ucdp", "geojson", "markdown")
CSV_FORMATS = frozenset({"acled", "ucdp"})


def render(fmt: str, incidents: Iterable[Mapping[str, Any]],
           documents: Iterable[Mapping[str, Any]] | fields.DocumentsById | None = None, bom: bool = False) -> str:
    """The export as text. ``bom`` adds a byte-order mark, for the CSV formats only (a BOM is
    not allowed in JSON, RFC 8259)."""
    out = io.StringIO(newline="")
    write(fmt, incidents, documents, out, bom)
    return out.getvalue()


def write(fmt: str, incidents: Iterable[Mapping[str, Any]],
          documents: Iterable[Mapping[str, Any]] | fields.DocumentsById | None, handle: TextIO,
          bom: bool = False) -> None:
    """The export written to ``handle`` (a text handle opened with ``newline=""``), incident
    after incident. ``documents``: the incidents' document dicts, or a mapping by doc_id (the
    store's ``DocumentHeaders``). Markdown's title counts the incidents first: incidents that
    have no ``len`` (a generator) are gathered in a list for it; ``Store.selected`` counts them
    in the database."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}; expected one of {', '.join(FORMATS)}")
    if bom and fmt not in CSV_FORMATS:
        raise ValueError(f"a byte-order mark is for the CSV formats ({', '.join(sorted(CSV_FORMATS))}), not {fmt}")
    docs = fields.documents_by_id(documents)
    if fmt == "json":
        _json_list(incidents, handle, depth=0)
        handle.write("\n")
    elif fmt == "acled":
        write_csv((acled.acled_row(i, docs) for i in incidents), acled.COLUMNS, handle, bom=bom)
    elif fmt == "ucdp":
        write_csv((ucdp.ucdp_row(i, docs) for i in incidents), ucdp.COLUMNS, handle, bom=bom)
    elif fmt == "geojson":
        handle.write('{\n "type": "FeatureCollection",\n "features": ')
        _json_list((feature(i, docs) for i in incidents if fields.located(i)), handle, depth=1)
        handle.write("\n}\n")
    else:
        if not isinstance(incidents, Sized):
            incidents = list(incidents)
        write_markdown(incidents, len(incidents), docs, handle)


def _json_list(items: Iterable[Any], handle: TextIO, depth: int) -> None:
    """A JSON list as ``json.dump(list(items), indent=1, ensure_ascii=False)`` writes it at
    nesting ``depth``, one item at a time (JSON strings hold no raw line break, so indenting
    each line of an item's own dump indents it as the whole dump would)."""
    inner = "\n" + " " * (depth + 1)
    opened = False
    for item in items:
        handle.write(("," if opened else "[") + inner + json.dumps(item, ensure_ascii=False, indent=1).replace("\n", inner))
        opened = True
    handle.write("\n" + " " * depth + "]" if opened else "[]")

