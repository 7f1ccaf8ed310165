"""The dashboard: ``rasd serve --db PATH`` (map, timeline, filters, incident list, incident pages
with their sources, and the JSON API), served entirely from this package."""
from __future__ import annotations

from rasd.web.app import create_app

__all__ = ["create_app"]
