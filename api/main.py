"""The FastAPI application: GeoJSON layers, the map and health, over the core library."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import FastAPI, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles

from api.deps import SettingsDep, StoreDep
from api.routes.documents import install_writes
from api.routes.documents import router as documents_router
from api.routes.mapdata import live_spec
from api.routes.mapdata import router as mapdata_router
from api.routes.ogc import LayerQueryDep, install_openapi, layer_response
from api.routes.ogc import router as ogc_router
from api.schemas import Error, FeatureCollection, Health, LayerInfo, Layers
from geomap.errors import GeomapError, InvalidParameter
from geomap.features.features import GEOMETRY_TYPES, LAYERS
from geomap.render.errorpage import error_page
from geomap.render.filters import MapFilters, map_layers
from geomap.render.map import AssetResolver, render_html
from geomap.settings import Settings
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

    @app.get("/map", response_class=HTMLResponse, responses={400: {"content": {"text/html": {}}}})
    def map_page(
        store: StoreDep,
        settings: SettingsDep,
        event_type: Annotated[
            str | None,
            Query(description="incidents of this event type, and movements of that kind"),
        ] = None,
        actor: Annotated[
            str | None,
            Query(description="incidents and movements whose actor contains this text"),
        ] = None,
        q: Annotated[
            str | None,
            Query(description="features whose quote, headline, actors or places hold every word"),
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
    ) -> HTMLResponse:
        """The Folium map of the three layers, with every asset served from this app.

        Every filter narrows every layer (see ``geomap/render/filters.py``); places stay when
        an event that passed is located there. A bad value is a readable HTML page (400).
        """
        try:
            filters = MapFilters.parse(
                event_type=event_type, actor=actor, q=q, start=start, end=end, bbox=bbox
            )
            data = map_layers(store, filters)
        except InvalidParameter as exc:
            where = f"{exc.where}: " if exc.where and exc.where not in exc.message else ""
            return HTMLResponse(error_page(where + exc.message), status_code=400)
        return HTMLResponse(
            render_html(
                data,
                assets=AssetResolver("/static/node_modules/"),
                title="geomap",
                filters=filters.shown(),
                live=live_spec(filters, store, settings.map_poll_seconds),
            )
        )

    app.include_router(mapdata_router)
    app.include_router(ogc_router)
    app.include_router(documents_router)
    install_writes(app, settings)
    install_openapi(app)
    return app


app = create_app()
