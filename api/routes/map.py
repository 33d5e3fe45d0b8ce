"""``/map``: the Folium map of the three layers, with every asset served from this app.

The filters (``geomap.render.filters``) narrow every layer, in the store. The page embeds at
most ``map_limit`` features of each layer (settings; the newest among those the filters and
the view select) and says so on the map when a layer has more. It polls ``/version`` and
redraws its layers when the store changes (``api.routes.mapdata``). A bad parameter is a
readable HTML page (400). A layer with more matching features than that, and filters a tile
takes (not ``q``), is drawn from the vector tiles (``/collections/{layer}/tiles``) instead,
and the map says so.
"""

from __future__ import annotations

import asyncio
import ctypes
import gc
from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import HTMLResponse, Response

from api.deps import SettingsDep, StoreDep
from api.routes.mapdata import live_spec
from api.security import html_page
from geomap import tiles
from geomap.errors import InvalidParameter
from geomap.render.errorpage import error_page
from geomap.render.filters import MapFilters, map_layers, tile_params, tiles_notice
from geomap.store import query
from geomap.store.base import Store

router = APIRouter(tags=["map"])
EPOCH = date(1970, 1, 1)


def _rendering(request: Request) -> asyncio.Lock:
    """The app's one map-building turn: a page of thousands of features takes a while and much
    memory to build, so one at a time (in a worker thread); the server's memory does not grow
    with the number of clients asking for the map, nor for a client that left while waiting."""
    state = request.app.state
    if not hasattr(state, "map_rendering"):
        state.map_rendering = asyncio.Lock()
    return state.map_rendering  # type: ignore[no-any-return]


def _give_back_memory() -> None:
    """Return freed heap pages to the system after a big page (glibc), so RSS comes back."""
    try:
        ctypes.CDLL("libc.so.6").malloc_trim(0)
    except (OSError, AttributeError):
        pass


@router.get(
    "/map",
    response_class=HTMLResponse,
    responses={400: {"content": {"text/html": {}}, "description": "a bad parameter"}},
)
async def map_page(
    request: Request,
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
) -> Response:
    """The Folium map of the three layers, with every asset served from this app.

    Every filter narrows every layer; places stay when an event shown is located there. A
    layer with more matching features than the page embeds shows its newest, and the map
    says how many of how many. A bad value is a readable HTML page (400).
    """
    try:
        filters = MapFilters.parse(
            event_type=event_type, actor=actor, q=q, start=start, end=end, bbox=bbox
        )
    except InvalidParameter as exc:
        where = f"{exc.where}: " if exc.where and exc.where not in exc.message else ""
        return HTMLResponse(error_page(where + exc.message), status_code=400)
    limit = max(1, settings.map_limit)
    async with _rendering(request):
        if await request.is_disconnected():
            return Response(status_code=499)  # nobody is waiting for this page any more
        try:
            html = await run_in_threadpool(
                _render, store, filters, limit, settings.map_poll_seconds
            )
        finally:
            gc.collect()
            _give_back_memory()
    return html_page(html)  # its inline scripts allowed by hash


def _render(store: Store, filters: MapFilters, limit: int, poll_seconds: float) -> str:
    # folium and the map's templates load with the first page, not in every server process
    from geomap.render.map import AssetResolver, render_html

    version = store.version()  # before the read: a change meanwhile is seen at the next poll
    data = map_layers(store, filters, limit, tiles=True)
    tiled = {
        name: _tiled(store, name, n, filters.bbox, filters.start, filters.end, filters)
        for name, n in data.tiled.items()
    }
    notes = [n for n in (data.notice, tiles_notice(data.tiled)) if n]
    return render_html(
        data.layers,
        assets=AssetResolver("/static/node_modules/"),
        title="geomap",
        filters=filters.shown(),
        live=live_spec(filters, version, poll_seconds),
        notice=" ".join(notes) or None,
        tiles=tiled,
    )


def _tiled(
    store: Store,
    name: str,
    matched: int,
    box: tuple[float, float, float, float] | None,
    first: date | None,
    last: date | None,
    filters: MapFilters,
) -> dict[str, Any]:
    """What map.js needs to draw layer ``name`` from vector tiles with the page's filters."""
    stats = store.layer_stats(name)
    start = first or stats.interval[0]
    end = last or stats.interval[1]
    params = tile_params(name, filters)
    if box:
        params["bbox"] = ",".join(f"{v:g}" for v in box)
    if first or last:
        params["datetime"] = query.format_datetime(first, last)
    return {
        "url": f"/collections/{name}/tiles/{tiles.TMS_ID}/{{z}}/{{x}}/{{y}}",
        "items": f"/collections/{name}/items",
        "params": params,
        "matched": matched,
        "days": [(start - EPOCH).days, (end - EPOCH).days] if start and end else None,
        "bbox": box or stats.bbox,
    }
