"""``/map``: the Folium map of the three layers, with every asset served from this app.

The page embeds the features of each layer the filters select, when there are at most
``map_limit`` of them (settings); a layer with more is drawn from the vector tiles
(``/collections/{layer}/tiles``) with the same filters, and the map says so.
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
from api.schemas import Error
from api.security import html_page
from geomap import tiles
from geomap.features.features import LAYERS, feature_collection
from geomap.render.map import AssetResolver, render_html
from geomap.store import query
from geomap.store.base import Query as StoreQuery
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


@router.get("/map", response_class=HTMLResponse, responses={400: {"model": Error}})
async def map_page(
    request: Request,
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
) -> Response:
    """The Folium map of the three layers, with every asset served from this app.

    ``event_type`` narrows incidents; ``actor`` incidents and movements; ``start``/``end``
    incidents and movements by their dates and places by their report's date (a start after
    the end leaves nothing); ``bbox`` all.
    A layer with more matching features than the page embeds (``map_limit``) is drawn from
    the vector tiles with the same filters, and the map says so.
    """
    box = query.parse_bbox(bbox)
    first, last = query.parse_date(start, "start"), query.parse_date(end, "end")
    wanted = {k: v for k, v in (("event_type", event_type), ("actor", actor)) if v}
    layer_filters = {
        "places": {},
        "incidents": wanted,
        "movements": {k: v for k, v in wanted.items() if k == "actor"},
    }
    shown = {"event_type": event_type, "actor": actor}
    limit = max(1, settings.map_limit)
    async with _rendering(request):
        if await request.is_disconnected():
            return Response(status_code=499)  # nobody is waiting for this page any more
        try:
            html = await run_in_threadpool(
                _render, store, box, first, last, layer_filters, limit, shown
            )
        finally:
            gc.collect()
            _give_back_memory()
    return html_page(html)  # its inline scripts allowed by hash


def _render(
    store: Store,
    box: tuple[float, float, float, float] | None,
    first: date | None,
    last: date | None,
    layer_filters: dict[str, dict[str, str]],
    limit: int,
    shown: dict[str, str | None],
) -> str:
    data = {}
    tiled: dict[str, dict[str, Any]] = {}
    for name in LAYERS:
        where = query.predicates(layer_filters[name], ("event_type", "actor"))
        ask = StoreQuery(name, box, first, last, where, limit=limit)
        matched = store.count(ask)
        if matched > limit:
            # too many to embed: the page draws this layer from the vector tiles
            tiled[name] = _tiled(store, name, matched, box, first, last, layer_filters[name])
            data[name] = feature_collection([], name)
            continue
        data[name] = feature_collection(store.select(ask).decoded(), name)
    shown = {
        "event_type": shown["event_type"],
        "actor": shown["actor"],
        "start": first.isoformat() if first else None,
        "end": last.isoformat() if last else None,
        "bbox": ",".join(f"{v:g}" for v in box) if box else None,
    }
    notice = None
    if tiled:
        notice = (
            "Drawing "
            + "; ".join(f"all {t['matched']:,} {name}" for name, t in tiled.items())
            + " from vector tiles (too many to embed): click one to read its report."
        )
    return render_html(
        data,
        assets=AssetResolver("/static/node_modules/"),
        title="geomap",
        filters={k: v for k, v in shown.items() if v},
        notice=notice,
        tiles=tiled,
    )


def _tiled(
    store: Store,
    name: str,
    matched: int,
    box: tuple[float, float, float, float] | None,
    first: date | None,
    last: date | None,
    filters: dict[str, str],
) -> dict[str, Any]:
    """What map.js needs to draw layer ``name`` from vector tiles with the page's filters."""
    stats = store.layer_stats(name)
    start = first or stats.interval[0]
    end = last or stats.interval[1]
    params = dict(filters)
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
