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


class CsvWriter:
    """CSV written row by row to a text handle opened with ``newline=""``: the byte-order mark
    (``bom``) and the header of ``columns`` at once, then each row (holding exactly ``columns``)
    as it is added; records end in CRLF as RFC 4180 says."""

    def __init__(self, columns: Sequence[str], handle: TextIO, bom: bool = False):
        if bom:
            handle.write(BOM)
        self._columns = frozenset(columns)
        self._writer = csv.DictWriter(handle, fieldnames=list(columns), extrasaction="raise")
        self._writer.writeheader()

    def add(self, row: Mapping[str, Any]) -> None:
        missing = self._columns - set(row)
        if missing:
            raise ValueError(f"row lacks columns {sorted(missing)}")
        self._writer.writerow({k: _cell(v) for k, v in row.items()})


def write_csv(rows: Iterable[Mapping[str, Any]], columns: Sequence[str], handle: TextIO,
              bom: bool = False) -> None:
    """Write ``rows`` with a ``CsvWriter``."""
    writer = CsvWriter(columns, handle, bom)
    for row in rows:
        writer.add(row)
