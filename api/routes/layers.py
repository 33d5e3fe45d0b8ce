"""The plain GeoJSON endpoints: ``/incidents``, ``/layers`` and ``/layers/{name}``."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import Response

from api.deps import LayerQueryDep, StoreDep
from api.geojson import GeoJSONResponse, layer_response
from api.schemas import Error, FeatureCollection, LayerInfo, Layers
from geomap.features.features import GEOMETRY_TYPES, LAYERS
from geomap.store.base import check_layer

router = APIRouter(tags=["layers"])
ERRORS: dict[int | str, dict[str, Any]] = {404: {"model": Error}, 400: {"model": Error}}


@router.get(
    "/incidents",
    response_model=FeatureCollection,
    response_class=GeoJSONResponse,
    responses=ERRORS,
)
def incidents(store: StoreDep, request: Request, q: LayerQueryDep) -> Response:
    """Every incident as a GeoJSON FeatureCollection of Points; the same query parameters
    as the OGC items (bbox, datetime, limit, offset, property filters) narrow it."""
    return layer_response(request, store, "incidents", q, default_limit=None)


@router.get("/layers", response_model=Layers)
async def layers(store: StoreDep, request: Request) -> dict[str, Any]:
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


@router.get(
    "/layers/{name}",
    response_model=FeatureCollection,
    response_class=GeoJSONResponse,
    responses=ERRORS,
)
def layer(name: str, store: StoreDep, request: Request, q: LayerQueryDep) -> Response:
    """One layer (places, incidents or movements) as a GeoJSON FeatureCollection; bbox,
    datetime, limit, offset and property filters as for the OGC items."""
    return layer_response(request, store, check_layer(name), q, default_limit=None)
