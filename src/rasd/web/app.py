"""The dashboard's web application: HTML pages, the JSON API and the vendored static files.

``create_app(store)`` takes any object with the Store's read methods (``incidents(where)``,
``incident(id)``, ``documents(ids)``) and only reads. ``create_app(store, WriteAccess())`` also
takes analysts' corrections (the Store's ``correct``, ``move_article``, ``merge_incidents``, each
one transaction) through the write API and the incident page's form, under the checks of
``rasd.web.writes``. Everything the pages load is served from here: no request leaves the machine.
"""
from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any, Protocol

from fastapi import Body, Depends, FastAPI, HTTPException, Path as PathParam, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from jinja2 import Undefined
from starlette.middleware.gzip import GZipMiddleware

from rasd.export.geojson import geojson
from rasd.web.pages import (FIGURES, GRADES, Filters, actors, correction_rows, filter_choices, incident_view,
                            parse_filters, timeline)
from rasd.web.writes import (READ_ONLY, FieldCorrection, MergeRequest, MoveRequest, WriteAccess,
                             store_value)

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


class IncidentWriter(IncidentReader, Protocol):
    """The Store's correcting methods, for a dashboard that takes corrections."""

    def correct(self, incident_id: str, field: str, value: Any, who: str, why: str) -> None: ...
    def move_article(self, doc_id: str, incident_id_from: str, who: str, why: str) -> str: ...
    def merge_incidents(self, keep_id: str, other_id: str, who: str, why: str) -> None: ...


ID = PathParam(description="incident id or alias")
WRITE_RESPONSES: dict[int | str, dict[str, Any]] = {
    403: {"description": "read-only dashboard, or a write from another origin or without the page's token"},
    404: {"description": "no incident has this id or alias"},
    422: {"description": "a bad correction: unknown field, figures out of order, no who or why, unknown place, "
                         "an article not in the incident, an unknown incident to merge"},
    503: {"description": "the store is busy (another process is writing to it); try again"},
}


def _templates() -> Jinja2Templates:
    templates = Jinja2Templates(directory=HERE / "templates")
    env = templates.env
    env.autoescape = True  # every value is escaped, whatever the template's name
    env.globals.update(FIGURES=FIGURES, GRADES=GRADES, actors=actors)
    env.filters["orblank"] = lambda v: "—" if v is None or v == "" or isinstance(v, Undefined) else v
    return templates


def create_app(store: IncidentReader, writes: WriteAccess | None = None) -> FastAPI:
    """The dashboard over ``store``, read-only unless ``writes`` says how corrections are taken.
    The OpenAPI description is at /openapi.json; FastAPI's interactive docs pages are off
    because they load their scripts from a CDN.

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
            "incident": incident, **incident_view(incident, documents),
            "corrections": correction_rows(incident), "write_token": writes.token if writes else None})

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

    def writable(request: Request) -> IncidentWriter:
        """The store, if this request may write to it (403 otherwise, before the body is read)."""
        refusal = READ_ONLY if writes is None else writes.refusal(request.headers)
        if refusal:
            raise HTTPException(403, refusal)
        return store  # type: ignore[return-value]

    def written(incident_id: str, change: Callable[[], Any], merged: str | None = None) -> Any:
        """Run one correction (a store transaction); its errors as clear 4xx/503 answers. The
        incidents are looked up here, not left to the store, whose message names its file."""
        if store.incident(incident_id) is None:
            raise HTTPException(404, f"no incident {incident_id!r}")
        if merged is not None and store.incident(merged) is None:
            raise HTTPException(422, f"no incident {merged!r} to merge")
        try:
            return change()
        except (KeyError, ValueError) as err:
            raise HTTPException(422, str(err.args[0] if err.args else err)) from None
        except sqlite3.OperationalError as err:   # locked by a long `rasd add`
            raise HTTPException(503, f"the store is busy, try again ({err})") from None

    @app.post("/api/incidents/{incident_id:path}/corrections", tags=["corrections"], responses=WRITE_RESPONSES,
              summary="Set a field of an incident by hand (location, perpetrator, a figure or the grade)")
    async def api_correct(correction: Annotated[FieldCorrection, Body()],
                          incident_id: str = ID, writer: IncidentWriter = Depends(writable)) -> Response:
        written(incident_id, lambda: writer.correct(incident_id, correction.field, store_value(correction),
                                                    correction.who, correction.why))
        return JSONResponse(store.incident(incident_id))

    @app.post("/api/incidents/{incident_id:path}/move", tags=["corrections"], responses=WRITE_RESPONSES,
              summary="Move an article out of the incident into an incident of its own")
    async def api_move(move: MoveRequest, incident_id: str = ID,
                       writer: IncidentWriter = Depends(writable)) -> Response:
        new_id = written(incident_id, lambda: writer.move_article(move.doc_id, incident_id, move.who, move.why))
        return JSONResponse({"moved_to": new_id, "incident": store.incident(incident_id)})

    @app.post("/api/incidents/{incident_id:path}/merge", tags=["corrections"], responses=WRITE_RESPONSES,
              summary="Merge another incident into this one (its id becomes an alias of this one)")
    async def api_merge(merge: MergeRequest, incident_id: str = ID,
                        writer: IncidentWriter = Depends(writable)) -> Response:
        written(incident_id, lambda: writer.merge_incidents(incident_id, merge.other_id, merge.who, merge.why),
                merged=merge.other_id)
        return JSONResponse(store.incident(incident_id))

    return app
