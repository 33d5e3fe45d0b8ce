"""Whole layers as GIS files: ``/export/{layer}.{gpkg|geojson|fgb|csv}``, ``/export/all.gpkg``."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter
from fastapi.responses import Response

from api.deps import StoreDep
from api.geojson import file_response
from api.schemas import Error
from geomap.errors import InvalidParameter
from geomap.export import FORMATS, check_format, check_layers

router = APIRouter(tags=["exports"])
ERRORS: dict[int | str, dict[str, Any]] = {400: {"model": Error}, 404: {"model": Error}}


@router.get(
    "/export/{filename}",
    name="export",
    response_class=Response,
    responses={
        200: {"content": {f.media_type: {} for f in FORMATS.values()}},
        **ERRORS,
    },
)
def export(filename: str, store: StoreDep) -> Response:
    """A layer as a file: ``/export/{layer}.{gpkg|geojson|fgb|csv}``; ``/export/all.gpkg`` is
    one GeoPackage with every layer."""
    stem, dot, ext = filename.rpartition(".")
    if not dot:
        raise InvalidParameter(
            f"export {filename!r} needs an extension: one of {', '.join(FORMATS)}",
            where="format",
        )
    fmt = check_format(ext)
    layers = check_layers(stem, fmt)
    return file_response({name: store.layer(name) for name in layers}, ext, filename)
