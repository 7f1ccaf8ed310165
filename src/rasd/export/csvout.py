"""CSV writing shared by the ACLED and UCDP exports: UTF-8 (Arabic kept), a header of the given
columns, one physical line per row, and an optional byte-order mark for spreadsheet programs
(Excel) that read UTF-8 as a legacy code page without it.
"""
from __future__ import annotations

import csv
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, TextIO

from rasd.export.fields import one_line

BOM = "\ufeff"


def _cell(value: Any) -> Any:
    """None as an empty cell; text on one line (a line break inside a field breaks line-based
    tools and some spreadsheet imports); numbers as they are."""
    if value is None:
        return ""
    if isinstance(value, str):
        return one_line(value)
    return value


def write_csv(rows: Iterable[Mapping[str, Any]], columns: Sequence[str], handle: TextIO,
              bom: bool = False) -> None:
    """Write ``rows`` (each holding exactly ``columns``) to a text handle opened with
    ``newline=""``; records end in CRLF as RFC 4180 says."""
    if bom:
        handle.write(BOM)
    writer = csv.DictWriter(handle, fieldnames=list(columns), extrasaction="raise")
    writer.writeheader()
    for row in rows:
        missing = set(columns) - set(row)
        if missing:
            raise ValueError(f"row lacks columns {sorted(missing)}")
        writer.writerow({k: _cell(v) for k, v in row.items()})
