"""Whole layers as GIS files: ``/export/{layer}.{gpkg|geojson|fgb|csv}``, ``/export/all.gpkg``.

A file is written from the store in batches to a temporary folder, sent, then deleted: memory
does not grow with the layer.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from fastapi import APIRouter
from fastapi.responses import FileResponse, Response
from starlette.background import BackgroundTask

from api.deps import StoreDep
from api.schemas import Error
from geomap.errors import InvalidParameter
from geomap.export import FORMATS, check_format, check_layers, write_stream
from geomap.store.base import Query, Store, decode

router = APIRouter(tags=["exports"])
ERRORS: dict[int | str, dict[str, Any]] = {400: {"model": Error}, 404: {"model": Error}}


def _reader(store: Store, query: Query) -> Callable[[], Iterator[dict[str, Any]]]:
    """A function giving, at each call, a fresh stream of what ``query`` matches."""
    return lambda: decode(store.stream(query))


def export_response(store: Store, layers: dict[str, Query], fmt: str, filename: str) -> Response:
    """What each query of ``layers`` matches, as one file of format ``fmt`` sent as an
    attachment named ``filename``."""
    f = check_format(fmt)
    tmp = Path(tempfile.mkdtemp(prefix="geomap-export-"))
    try:
        path = tmp / f"export.{f.ext}"
        write_stream(path, {name: _reader(store, q) for name, q in layers.items()}, f)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return FileResponse(
        path,
        media_type=f.media_type,
        filename=filename,
        background=BackgroundTask(shutil.rmtree, tmp, ignore_errors=True),
    )


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
    return export_response(store, {name: Query(name) for name in layers}, ext, filename)
