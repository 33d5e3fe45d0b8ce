"""What the map page asks for after it loads: a cheap version to poll, and its layers again.

The page polls ``GET /version`` (one small SQL query) and, when the store has changed (a
report ingested or removed, a correction made), fetches ``GET /map/layers.json`` with the same
filters and redraws its layers in place: the view, the panels and the filters stay.
"""

from __future__ import annotations

from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Query

from api.deps import StoreDep
from geomap.render.filters import MapFilters, map_layers
from geomap.render.map import layer_items
from geomap.store.sqlite import Store

router = APIRouter(tags=["Map"])


def live_spec(filters: MapFilters, store: Store, every_seconds: float) -> dict[str, Any]:
    """Where a served map polls for changes (every ``every_seconds``) and reloads its layers
    (with the same filters), and the store's version the page was drawn from."""
    query = urlencode(filters.shown())
    return {
        "version": "/version",
        "layers": "/map/layers.json" + (f"?{query}" if query else ""),
        "every": int(every_seconds * 1000),
        "current": store.version(),
    }


@router.get("/version")
def version(store: StoreDep) -> dict[str, str]:
    """A token that changes whenever what the store serves changes (cheap to poll)."""
    return {"version": store.version()}


@router.get("/map/layers.json")
def map_layer_items(
    store: StoreDep,
    event_type: Annotated[str | None, Query()] = None,
    actor: Annotated[str | None, Query()] = None,
    q: Annotated[str | None, Query()] = None,
    start: Annotated[str | None, Query()] = None,
    end: Annotated[str | None, Query()] = None,
    bbox: Annotated[str | None, Query()] = None,
) -> dict[str, Any]:
    """The map's layers as the page draws them (with ``/map``'s filters), and the version."""
    filters = MapFilters.parse(
        event_type=event_type, actor=actor, q=q, start=start, end=end, bbox=bbox
    )
    out = layer_items(map_layers(store, filters))
    out["version"] = store.version()
    return out
