"""The FastAPI application: GeoJSON layers, the map and health, over the core library."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import FastAPI, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles

from api.deps import SettingsDep, StoreDep
from api.routes.documents import install_writes
from api.routes.documents import router as documents_router
from api.routes.ogc import LayerQueryDep, install_openapi, layer_response
from api.routes.ogc import router as ogc_router
from api.schemas import Error, FeatureCollection, Health, LayerInfo, Layers
from geomap.errors import GeomapError, InvalidParameter
from geomap.features.features import GEOMETRY_TYPES, LAYERS, feature_collection
from geomap.render.map import AssetResolver, render_html
from geomap.settings import Settings
from geomap.store import query
from geomap.store.sqlite import check_layer

GEOJSON = "application/geo+json"


class GeoJSONResponse(JSONResponse):
    media_type = GEOJSON


_ERRORS: dict[int | str, dict[str, Any]] = {404: {"model": Error}, 400: {"model": Error}}


def create_app(settings: Settings | None = None) -> FastAPI:
    """The app, reading from the store named by ``settings``."""
    settings = settings or Settings()
    app = FastAPI(
        title="geomap",
        version="0.1.0",
        description="Places, incidents and movements extracted from news reports.",
    )
    app.state.settings = settings

    @app.exception_handler(GeomapError)
    async def geomap_error(_request: Request, exc: GeomapError) -> JSONResponse:
        return JSONResponse(exc.to_dict(), status_code=exc.status)

    if settings.static_dir.is_dir():
        app.mount("/static", StaticFiles(directory=settings.static_dir), name="static")

    @app.get("/healthz", response_model=Health)
    def healthz(store: StoreDep) -> dict[str, Any]:
        return {"status": "ok", "documents": store.counts()["documents"]}

    @app.get(
        "/incidents",
        response_model=FeatureCollection,
        response_class=GeoJSONResponse,
        responses=_ERRORS,
    )
    def incidents(store: StoreDep, request: Request, q: LayerQueryDep) -> Response:
        """Every incident as a GeoJSON FeatureCollection of Points; the same query parameters
        as the OGC items (bbox, datetime, limit, offset, property filters) narrow it."""
        return layer_response(request, store, "incidents", q, default_limit=None)

    @app.get("/layers", response_model=Layers)
    def layers(store: StoreDep, request: Request) -> dict[str, Any]:
        """The layers with their geometry type and feature count."""
        counts = store.counts()
        return {
            "layers": [
                LayerInfo(
                    name=name,
                    geometry_type=GEOMETRY_TYPES[name],
                    count=counts[name],
                    href=str(request.url_for("layer", name=name)),
                )
                for name in LAYERS
            ]
        }

    @app.get(
        "/layers/{name}",
        response_model=FeatureCollection,
        response_class=GeoJSONResponse,
        responses=_ERRORS,
    )
    def layer(name: str, store: StoreDep, request: Request, q: LayerQueryDep) -> Response:
        """One layer (places, incidents or movements) as a GeoJSON FeatureCollection; bbox,
        datetime, limit, offset and property filters as for the OGC items."""
        return layer_response(request, store, check_layer(name), q, default_limit=None)

    @app.get("/map", response_class=HTMLResponse, responses={400: {"model": Error}})
    def map_page(
        store: StoreDep,
        settings: SettingsDep,
        event_type: Annotated[
            str | None, Query(description="incidents of this event type (case-insensitive)")
        ] = None,
        actor: Annotated[
            str | None,
            Query(description="incidents and movements whose actor contains this text"),
        ] = None,
        start: Annotated[
            str | None, Query(description="features dated on or after this date (YYYY-MM-DD)")
        ] = None,
        end: Annotated[
            str | None, Query(description="features dated on or before this date (YYYY-MM-DD)")
        ] = None,
        bbox: Annotated[
            str | None,
            Query(description="minx,miny,maxx,maxy in lon/lat", examples=["120,30,130,45"]),
        ] = None,
    ) -> str:
        """The Folium map of the three layers, with every asset served from this app.

        ``event_type`` narrows incidents; ``actor`` incidents and movements; ``start``/``end``
        incidents and movements by their dates and places by their report's date; ``bbox`` all.
        """
        box = query.parse_bbox(bbox)
        first, last = query.parse_date(start, "start"), query.parse_date(end, "end")
        if first and last and first > last:
            raise InvalidParameter(f"start {start!r} is after end {end!r}", where="start")
        wanted = {k: v for k, v in (("event_type", event_type), ("actor", actor)) if v}
        layer_filters = {
            "places": {},
            "incidents": wanted,
            "movements": {k: v for k, v in wanted.items() if k == "actor"},
        }
        data = {
            name: feature_collection(
                query.select(
                    store.layer(name),
                    bbox=box,
                    start=first,
                    end=last,
                    filters=layer_filters[name],
                    properties=("event_type", "actor"),
                ),
                name,
            )
            for name in LAYERS
        }
        shown = {
            "event_type": event_type,
            "actor": actor,
            "start": first.isoformat() if first else None,
            "end": last.isoformat() if last else None,
            "bbox": ",".join(f"{v:g}" for v in box) if box else None,
        }
        return render_html(
            data,
            assets=AssetResolver("/static/node_modules/"),
            title="geomap",
            filters={k: v for k, v in shown.items() if v},
        )

    app.include_router(ogc_router)
    app.include_router(documents_router)
    install_writes(app, settings)
    install_openapi(app)
    return app


app = create_app()
