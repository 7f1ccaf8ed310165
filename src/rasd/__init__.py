"""rasd (رصد): Arabic conflict reports in, sourced and reconciled incidents out."""
from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

# Importing the extract stage's package (its __init__ is empty) binds the ``rasd.extract``
# attribute to it once; the function below then takes the name for good, so ``rasd.extract(text)``
# is the API even after the pipeline, imported by the first article, loads that package's modules.
import rasd.extract  # noqa: F401

if TYPE_CHECKING:
    from rasd.model import Document

__all__ = ["extract", "Document"]
__version__ = "0.1.0"


def __getattr__(name: str) -> Any:
    """``rasd.Document``, loaded on first use (PEP 562): defining the model's dataclasses is a
    sixth of what ``rasd --help`` would otherwise spend importing."""
    if name == "Document":
        from rasd.model import Document
        return Document
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def extract(text: str, published: str | dt.date | None = None, outlet: str | None = None,
            doc_id: str = "text", url: str | None = None) -> Document:
    """Read one article's text: ``rasd.extract(text, published="2021-01-13", outlet="...")``."""
    from rasd.ingest import article_from_text
    from rasd.pipeline import analyze   # the word lists' modules: not for `import rasd` / `rasd --help`

    return analyze(article_from_text(text, doc_id=doc_id, published=published, outlet=outlet, url=url))
