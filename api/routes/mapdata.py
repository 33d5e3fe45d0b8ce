"""What the map page asks for after it loads: a cheap version to poll, and its layers again.

The page polls ``GET /version`` (the store's change counter: one indexed read) and, when the
store has changed (a report ingested or removed, a correction made or undone), fetches
``GET /map/layers.json`` with the same filters, bounded like ``/map`` (with its notice), and
redraws its layers in place: the view, the panels and the filters stay.
"""

from __future__ import annotations

from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Query, Request
from fastapi.concurrency import run_in_threadpool

from api.deps import SettingsDep, StoreDep
from api.schemas import Error
from geomap.render.filters import MapFilters, map_layers, tiles_notice
from geomap.store.base import Store

router = APIRouter(tags=["map"])


def live_spec(filters: MapFilters, version: str, every_seconds: float) -> dict[str, Any]:
    """Where a served map polls for changes (every ``every_seconds``) and reloads its layers
    (with the same filters), and the store's ``version`` the page was drawn from."""
    query = urlencode(filters.shown())
    return {
        "version": "/version",
        "layers": "/map/layers.json" + (f"?{query}" if query else ""),
        "every": int(every_seconds * 1000),
        "current": version,
    }


@router.get("/version")
async def version(store: StoreDep) -> dict[str, str]:
    """A token that changes whenever what the store serves changes (cheap to poll)."""
    return {"version": store.version()}


@router.get("/map/layers.json", responses={400: {"model": Error}})
async def map_layer_items(
    request: Request,
    store: StoreDep,
    settings: SettingsDep,
    event_type: Annotated[str | None, Query()] = None,
    actor: Annotated[str | None, Query()] = None,
    q: Annotated[str | None, Query()] = None,
    start: Annotated[str | None, Query()] = None,
    end: Annotated[str | None, Query()] = None,
    bbox: Annotated[str | None, Query()] = None,
) -> dict[str, Any]:
    """The map's layers as the page draws them (with ``/map``'s filters and bound), its
    notice and the version they were read at."""
    filters = MapFilters.parse(
        event_type=event_type, actor=actor, q=q, start=start, end=end, bbox=bbox
    )
    return await run_in_threadpool(_items, store, filters, max(1, settings.map_limit))


def _items(store: Store, filters: MapFilters, limit: int) -> dict[str, Any]:
    from geomap.render.map import layer_items  # folium loads with the first map, not before

    version = store.version()  # before the read: a change meanwhile is seen at the next poll
    # the same layers as the page: one drawn from vector tiles stays empty here
    data = map_layers(store, filters, limit, tiles=True)
    notice = " ".join(n for n in (data.notice, tiles_notice(data.tiled)) if n) or None
    out = layer_items(data.layers, notice)
    out["version"] = version
    return out
