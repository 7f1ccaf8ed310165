"""The dashboard: ``rasd serve --db PATH`` (map, timeline, filters, incident list, incident pages
with their sources, and the JSON API), served entirely from this package."""
from __future__ import annotations

from rasd.web.app import create_app
from rasd.web.writes import WriteAccess

__all__ = ["WriteAccess", "create_app"]
