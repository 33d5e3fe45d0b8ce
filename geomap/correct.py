"""Make corrections against a store: check them, record the old values, store them.

Shared by ``geomap correct`` and ``POST /corrections``; knows nothing of terminals or HTTP.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from geomap.errors import InvalidParameter, NotFound
from geomap.events.extract import EVENT_TYPES
from geomap.features.corrections import Correction, old_values, set_values
from geomap.store.base import Store, check_layer


def move_values(
    gazetteer: str | Path, to: str | None = None, lonlat: str | None = None
) -> dict[str, Any]:
    """The ``new`` values of a move: to the gazetteer entry ``to`` (its name, kind, country,
    region and point) or to ``lonlat`` (``"LON,LAT"``); exactly one of them."""
    if (to is None) == (lonlat is None):
        raise InvalidParameter("a move goes either to a gazetteer entry or to coordinates")
    if to is not None:
        from geomap.gazetteer.entries import entry

        place = entry(gazetteer, to.strip())
        if place is None:
            raise InvalidParameter(f"no gazetteer entry {to!r}", where="to")
        return {
            "gazetteer_id": place.gazetteer_id,
            "name": place.name,
            "feature_type": place.feature_type,
            "country_code": place.country_code,
            "admin1": place.admin1,
            "lon": round(place.lon, 6),
            "lat": round(place.lat, 6),
        }
    assert lonlat is not None
    try:
        lon, lat = (float(v) for v in lonlat.split(","))
    except ValueError:
        raise InvalidParameter(f"coordinates {lonlat!r} are not LON,LAT", where="lonlat") from None
    if not (-180 <= lon <= 180 and -90 <= lat <= 90):
        raise InvalidParameter(f"coordinates {lonlat!r} are off the globe", where="lonlat")
    return {"lon": round(lon, 6), "lat": round(lat, 6)}


def correct(
    store: Store,
    layer: str,
    feature_id: str,
    action: str,
    *,
    new: dict[str, Any] | None = None,
    author: str,
    note: str | None = None,
) -> Correction:
    """Record a correction of a stored feature and return it. ``new`` is what a ``move``
    (from :func:`move_values`) or a ``set`` (``{"event_type": ..., "date": ...}``) changes.
    NotFound when there is no such feature (a hidden one can only be shown again)."""
    check_layer(layer)
    hidden = {c.feature_id for c in store.corrections() if c.layer == layer}
    try:
        feature = store.feature(layer, feature_id)
    except NotFound:
        if action != "show" or feature_id not in hidden:
            raise
        feature = {"id": feature_id, "properties": {}}
    values = dict(new or {})
    if action == "set":
        values = set_values(values, EVENT_TYPES)
    elif action in ("hide", "show"):
        values = {"hidden": action == "hide"}
    p = feature.get("properties") or {}
    anchored = layer in ("incidents", "movements") and p.get("quote_start") is not None
    old = old_values(values, feature) if action in ("move", "set") else {}
    if action in ("hide", "show"):
        old = {"hidden": action == "show"}
    correction = Correction(
        layer=layer,
        feature_id=feature_id,
        action=action,
        new=values,
        old=old,
        document_id=p.get("document_id") if anchored else None,
        quote_start=p.get("quote_start") if anchored else None,
        quote_end=p.get("quote_end") if anchored else None,
        author=author.strip()[:200] or "unknown",
        note=note.strip()[:2000] if note else None,
    )
    store.add_corrections([correction])
    return correction
