"""The dashboard's web application: HTML pages, the JSON API and the vendored static files.

``create_app(store)`` takes any object with the Store's read methods (``incidents(where)``,
``incident(id)``, ``documents(ids)``), so the app never writes and tests can pass a reader of
their own. Everything the pages load is served from here: no request leaves the machine.
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Annotated, Any, Protocol

from fastapi import FastAPI, Path as PathParam, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from jinja2 import Undefined
from starlette.middleware.gzip import GZipMiddleware

from rasd.export.geojson import geojson
from rasd.web.pages import (FIGURES, GRADES, Filters, actors, filter_choices, incident_view,
                            parse_filters, timeline)

HERE = Path(__file__).parent

# Only this server's own scripts, styles, images and API; no inline script or style, no frames,
# no plugins. Leaflet positions the map through the CSS object model, which this allows.
CONTENT_SECURITY_POLICY = "; ".join((
    "default-src 'none'", "script-src 'self'", "style-src 'self'", "img-src 'self' data:",
    "connect-src 'self'", "font-src 'self'", "base-uri 'none'", "form-action 'self'",
    "frame-ancestors 'none'",
))
SECURITY_HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
}


class IncidentReader(Protocol):
    """The Store's read methods the dashboard uses (rasd.store.Store has them)."""

    def incidents(self, where: Any = None) -> list[dict]: ...
    def incident(self, incident_id: str) -> dict | None: ...
    def documents(self, doc_ids: Any) -> list[dict]: ...


def _templates() -> Jinja2Templates:
    templates = Jinja2Templates(directory=HERE / "templates")
    env = templates.env
    env.autoescape = True  # every value is escaped, whatever the template's name
    env.globals.update(FIGURES=FIGURES, GRADES=GRADES, actors=actors)
    env.filters["orblank"] = lambda v: "—" if v is None or v == "" or isinstance(v, Undefined) else v
    return templates


def create_app(store: IncidentReader) -> FastAPI:
    """The dashboard over ``store``. The OpenAPI description is at /openapi.json; FastAPI's
    interactive docs pages are off because they load their scripts from a CDN.

    The routes are ``async`` and call the store directly, so every read happens on the event
    loop's thread, the one that opened the store (an SQLite connection stays in its thread)."""
    app = FastAPI(title="rasd dashboard", version="1",
                  description="Incidents read from Arabic conflict reports, with their sources.",
                  docs_url=None, redoc_url=None, openapi_url="/openapi.json")
    app.add_middleware(GZipMiddleware, minimum_size=2048)

    @app.middleware("http")
    async def security_headers(request: Request, call_next):  # noqa: ANN001, ANN202
        response = await call_next(request)
        for name, value in SECURITY_HEADERS.items():
            response.headers.setdefault(name, value)
        return response

    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    templates = _templates()

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    async def index(request: Request) -> Response:
        filters, problems = parse_filters(request.query_params)
        everything = store.incidents(None)
        shown = everything if filters.is_empty() else store.incidents(filters)
        return templates.TemplateResponse(request, "index.html", {
            "filters": filters, "problems": problems, "incidents": shown, "total": len(everything),
            "choices": filter_choices(everything), "timeline": timeline(shown),
            "located": sum(1 for i in shown if (i.get("location") or {}).get("lat") is not None),
        })

    @app.get("/incident/{incident_id:path}", response_class=HTMLResponse, include_in_schema=False)
    async def incident_page(request: Request, incident_id: str) -> Response:
        incident = store.incident(incident_id)
        if incident is None:
            return templates.TemplateResponse(request, "missing.html", {"incident_id": incident_id},
                                              status_code=404)
        if incident.get("incident_id") != incident_id:  # found by an alias: show it at its own id
            return RedirectResponse(request.url_for("incident_page", incident_id=incident["incident_id"]),
                                    status_code=301)
        documents = store.documents(incident.get("doc_ids") or [])
        return templates.TemplateResponse(request, "incident.html", {
            "incident": incident, **incident_view(incident, documents)})

    @app.get("/api/incidents", tags=["incidents"],
             summary="Incidents as a GeoJSON FeatureCollection (the GeoJSON export)",
             responses={200: {"content": {"application/geo+json": {}},
                              "description": "RFC 7946 FeatureCollection, one Point per located incident"}})
    async def api_incidents(
        date_from: Annotated[dt.date | None, Query(description="incident starts on or after")] = None,
        date_to: Annotated[dt.date | None, Query(description="incident ends on or before")] = None,
        admin1: Annotated[str | None, Query(description="governorate (English), any case")] = None,
        perpetrator: Annotated[str | None, Query(description="an alleged perpetrator, e.g. Russia")] = None,
        grade: Annotated[str | None, Query(description=" | ".join(GRADES))] = None,
        min_killed: Annotated[int | None, Query(ge=0, description="killed.best at least")] = None,
    ) -> Response:
        filters = Filters(date_from, date_to, admin1 or None, perpetrator or None, grade or None, min_killed)
        incidents = store.incidents(None if filters.is_empty() else filters)
        return JSONResponse(geojson(incidents), media_type="application/geo+json")

    @app.get("/api/incidents/{incident_id:path}", tags=["incidents"],
             summary="One incident's JSON (the contract's incident shape, with corrections and aliases)",
             responses={404: {"description": "no incident has this id or alias"}})
    async def api_incident(incident_id: Annotated[str, PathParam(description="incident id or alias")]) -> Response:
        incident = store.incident(incident_id)
        if incident is None:
            return JSONResponse({"detail": "incident not found"}, status_code=404)
        return JSONResponse(incident)

    return app
