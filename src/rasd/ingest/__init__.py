"""Ingest: input files and texts in, cleaned ``Article``s (or ``IngestError``s) out.

The readers load on first use (PEP 562): ``rasd.ingest.limits`` alone, which the command line
needs for its option defaults, must not pull the readers' word lists into ``rasd --help``.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from rasd.ingest.readers import IngestError, article_from_html, article_from_text, read_inputs

__all__ = ["IngestError", "article_from_html", "article_from_text", "read_inputs"]


def __getattr__(name: str) -> Any:
    if name in __all__:
        from rasd.ingest import readers
        return getattr(readers, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
