"""Ingest: input files and texts in, cleaned ``Article``s (or ``IngestError``s) out."""
from rasd.ingest.readers import IngestError, article_from_html, article_from_text, read_inputs

__all__ = ["IngestError", "article_from_html", "article_from_text", "read_inputs"]
