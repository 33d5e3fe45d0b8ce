"""``/map``: the Folium map of the three layers, with every asset served from this app."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query
from fastapi.responses import HTMLResponse

from api.deps import StoreDep
from api.schemas import Error
from geomap.errors import InvalidParameter
from geomap.features.features import LAYERS, feature_collection
from geomap.render.map import AssetResolver, render_html
from geomap.store import query

router = APIRouter(tags=["map"])


@router.get("/map", response_class=HTMLResponse, responses={400: {"model": Error}})
def map_page(
    store: StoreDep,
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
