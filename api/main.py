"""The FastAPI application: GeoJSON layers, the map and health, over the core library."""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse, JSONResponse
from fastapi.staticfiles import StaticFiles

from api.deps import SettingsDep, StoreDep
from api.schemas import Error, FeatureCollection, Health, LayerInfo, Layers
from geomap.errors import GeomapError
from geomap.features import GEOMETRY_TYPES, LAYERS, feature_collection
from geomap.render import AssetResolver, render_html
from geomap.settings import Settings
from geomap.store import check_layer

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
    def incidents(store: StoreDep) -> dict[str, Any]:
        """Every incident as a GeoJSON FeatureCollection of Points."""
        return feature_collection(store.layer("incidents"), "incidents")

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
    def layer(name: str, store: StoreDep) -> dict[str, Any]:
        """One layer (places, incidents or movements) as a GeoJSON FeatureCollection."""
        return feature_collection(store.layer(check_layer(name)), name)

    @app.get("/map", response_class=HTMLResponse)
    def map_page(store: StoreDep, settings: SettingsDep) -> str:
        """The Folium map of the three layers, with every asset served from this app."""
        data = {name: feature_collection(store.layer(name), name) for name in LAYERS}
        return render_html(data, assets=AssetResolver("/static/node_modules/"), title="geomap")

    return app


app = create_app()
