"""rasd (رصد): Arabic conflict reports in, sourced and reconciled incidents out."""
from __future__ import annotations

import datetime as dt

# Loading the pipeline first binds the ``rasd.extract`` attribute to the extract stage's
# package; the function below then takes the name, so ``rasd.extract(text)`` is the API.
from rasd import pipeline as _pipeline
from rasd.model import Document

__all__ = ["extract", "Document"]
__version__ = "0.1.0"


def extract(text: str, published: str | dt.date | None = None, outlet: str | None = None,
            doc_id: str = "text", url: str | None = None) -> Document:
    """Read one article's text: ``rasd.extract(text, published="2021-01-13", outlet="...")``."""
    from rasd.ingest import article_from_text

    return _pipeline.analyze(article_from_text(text, doc_id=doc_id, published=published,
                                               outlet=outlet, url=url))
