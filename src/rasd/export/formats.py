"""Every export format rendered to text from incident and document dicts, for ``rasd export``
and for anyone holding the store's dicts: json, acled, ucdp, geojson, markdown."""
from __future__ import annotations

import io
import json
from collections.abc import Iterable, Mapping
from typing import Any

from rasd.export import acled, ucdp
from rasd.export.csvout import write_csv
from rasd.export.geojson import geojson
from rasd.export.jsonout import dump_incidents
from rasd.export.markdown import report_markdown

FORMATS = ("json", "acled", "ucdp", "geojson", "markdown")
CSV_FORMATS = frozenset({"acled", "ucdp"})


def render(fmt: str, incidents: Iterable[Mapping[str, Any]],
           documents: Iterable[Mapping[str, Any]] | None = None, bom: bool = False) -> str:
    """The export as text. ``bom`` adds a byte-order mark, for the CSV formats only (a BOM is
    not allowed in JSON, RFC 8259)."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}; expected one of {', '.join(FORMATS)}")
    if bom and fmt not in CSV_FORMATS:
        raise ValueError(f"a byte-order mark is for the CSV formats ({', '.join(sorted(CSV_FORMATS))}), not {fmt}")
    incidents = list(incidents)
    documents = list(documents or ())
    out = io.StringIO(newline="")
    if fmt == "json":
        dump_incidents(incidents, out)
    elif fmt == "acled":
        write_csv(acled.acled_rows(incidents, documents), acled.COLUMNS, out, bom=bom)
    elif fmt == "ucdp":
        write_csv(ucdp.ucdp_rows(incidents, documents), ucdp.COLUMNS, out, bom=bom)
    elif fmt == "geojson":
        json.dump(geojson(incidents, documents), out, ensure_ascii=False, indent=1)
        out.write("\n")
    else:
        out.write(report_markdown(incidents, documents))
    return out.getvalue()
