"""GeoJSON (RFC 7946, lon/lat) features for the three layers: places, incidents, movements.

Every feature of a layer carries the same property keys (None when unknown), so GIS clients can
infer one field list from any feature.
"""

from __future__ import annotations

import json
import math
from collections import Counter
from collections.abc import Iterable
from typing import Any

from geomap.features.merge import merge_features
from geomap.model import Document, Extraction, Incident, Movement, Place, Toponym, When

LAYERS = ("places", "incidents", "movements")
# one geometry type per layer (QGIS types a layer from its first features); a movement is a
# MultiLineString so that one crossing the antimeridian can be two lines (RFC 7946 §3.1.9)
GEOMETRY_TYPES = {"places": "Point", "incidents": "Point", "movements": "MultiLineString"}

# ACLED geo_precision and a location_type word for each kind of place
_GEO_PRECISION = {
    "street": 2,
    "facility": 2,
    "city": 1,
    "admin2": 2,
    "admin1": 3,
    "region": 3,
    "country": 3,
}
_LOCATION_TYPE = {
    "street": "street or building at its town",  # at the point of the town that holds it
    "facility": "facility at the place it is named after",  # "Bank of Freedonia", at Freedonia
    "city": "city",
    "admin2": "admin2",
    "admin1": "admin1",
    "region": "region",
    "country": "country",
}
MAX_QUOTE = 2000  # characters of a quoted sentence kept in a feature
MAX_MENTIONS = 200  # mentions listed per place feature


def source_label(doc: Document) -> str:
    """How a source is cited in the ``sources`` property: "Publisher: Title (YYYY-MM-DD)"."""
    label = doc.title or doc.path
    if doc.publisher:
        label = f"{doc.publisher}: {label}"
    if doc.published:
        label = f"{label} ({doc.published.isoformat()})"
    return label


def _doc_props(doc: Document) -> dict[str, Any]:
    return {
        "document": doc.path,
        "document_id": doc.id,
        "title": doc.title,
        "publisher": doc.publisher,
        "published": doc.published.isoformat() if doc.published else None,
        "url": doc.url,
    }


def _source_props(doc: Document) -> dict[str, Any]:
    return {"n_sources": 1, "sources": source_label(doc), "document_ids": doc.id}


# what an extracted feature says of analysts' corrections: none yet (a store applying one sets
# ``corrected`` true and lists the corrections' ids; geomap.features.corrections)
UNCORRECTED: dict[str, Any] = {"corrected": False, "corrections": None}


def _place_props(place: Place, near: bool = False) -> dict[str, Any]:
    """Location type and ACLED precision; "near X" makes a city "near city" (precision 2)."""
    kind = place.feature_type
    if near and kind == "city":
        return {
            "location_type": "near city",
            "geo_precision": 2,
            "geocoder": place.provider,
            "geocoded_at": place.geocoded_at,
        }
    return {
        "location_type": _LOCATION_TYPE.get(kind, "exact"),
        "geo_precision": _GEO_PRECISION.get(kind, 1),
        "geocoder": place.provider,
        "geocoded_at": place.geocoded_at,
    }


def _when_props(when: When | None) -> dict[str, Any]:
    return {
        "event_date": when.start.isoformat() if when else None,
        "date_start": when.start.isoformat() if when else None,
        "date_end": when.end.isoformat() if when else None,
        "time_precision": when.precision if when else None,
        "date_text": when.text if when else None,
    }


def _point(place: Place) -> dict[str, Any]:
    return {"type": "Point", "coordinates": [round(place.lon, 6), round(place.lat, 6)]}


def great_circle(a: Place, b: Place, max_step_km: float = 200.0) -> list[list[float]]:
    """Points along the great circle from ``a`` to ``b`` as [lon, lat], at most ``max_step_km``
    apart, so long legs are drawn as geodesics rather than straight lines on the map. Longitudes
    stay continuous: a leg across the antimeridian goes past ±180 rather than jumping back."""
    lat1, lon1, lat2, lon2 = map(math.radians, (a.lat, a.lon, b.lat, b.lon))
    d = 2 * math.asin(
        math.sqrt(
            math.sin((lat2 - lat1) / 2) ** 2
            + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
        )
    )
    if d > math.pi - 1e-9:  # antipodes: every meridian is a shortest path; take the northern
        pole = Place("pole", "North Pole", "region", None, 90.0, a.lon)
        return great_circle(a, pole, max_step_km) + great_circle(pole, b, max_step_km)[1:]
    steps = max(1, math.ceil(d * 6371.0 / max_step_km))
    points: list[list[float]] = []
    for i in range(steps + 1):
        f = i / steps
        if d == 0:
            lat, lon = lat1, lon1
        else:
            x_a = math.sin((1 - f) * d) / math.sin(d)
            x_b = math.sin(f * d) / math.sin(d)
            x = x_a * math.cos(lat1) * math.cos(lon1) + x_b * math.cos(lat2) * math.cos(lon2)
            y = x_a * math.cos(lat1) * math.sin(lon1) + x_b * math.cos(lat2) * math.sin(lon2)
            z = x_a * math.sin(lat1) + x_b * math.sin(lat2)
            lat, lon = math.atan2(z, math.hypot(x, y)), math.atan2(y, x)
        lon_deg = math.degrees(lon)
        if points:  # keep the line continuous across the antimeridian (e.g. 179 -> 181)
            lon_deg += 360.0 * round((points[-1][0] - lon_deg) / 360.0)
        points.append([round(lon_deg, 6), round(math.degrees(lat), 6)])
    return points


def place_features(doc: Document, toponyms: Iterable[Toponym]) -> list[dict[str, Any]]:
    """One Point per distinct resolved place; ``mentions`` is a JSON string listing each mention
    (text, start, end, document_id), so the property stays scalar for GIS clients."""
    grouped: dict[str, tuple[Place, list[dict[str, Any]]]] = {}
    counts: Counter[str] = Counter()
    for t in toponyms:
        if t.place is None:
            continue
        entry = grouped.setdefault(t.place.gazetteer_id, (t.place, []))
        counts[t.place.gazetteer_id] += 1
        if len(entry[1]) < MAX_MENTIONS:
            entry[1].append(
                {
                    "text": t.span.text,
                    "start": t.span.start,
                    "end": t.span.end,
                    "document_id": doc.id,
                }
            )
    features = []
    for gid, (place, mentions) in grouped.items():
        features.append(
            {
                "type": "Feature",
                "id": gid,
                "geometry": _point(place),
                "properties": {
                    "layer": "places",
                    "id": gid,
                    **_doc_props(doc),
                    "name": place.name,
                    "gazetteer_id": gid,
                    "feature_type": place.feature_type,
                    "country_code": place.country_code,
                    "admin1": place.admin1,
                    "population": place.population,
                    **_place_props(place),
                    "n_mentions": counts[gid],
                    "mentions": json.dumps(mentions, ensure_ascii=False),
                    **_source_props(doc),
                    **UNCORRECTED,
                },
            }
        )
    return features


def incident_feature(doc: Document, inc: Incident) -> dict[str, Any]:
    """An incident as a Point feature."""
    p = inc.place
    return {
        "type": "Feature",
        "id": inc.id,
        "geometry": _point(p),
        "properties": {
            "layer": "incidents",
            "id": inc.id,
            **_doc_props(doc),
            "event_type": inc.event_type,
            "sub_event_type": inc.sub_event_type,
            **_when_props(inc.when),
            "actor1": inc.actor1,
            "actor2": inc.actor2,
            "location": inc.location,
            "place_name": p.name,
            "gazetteer_id": p.gazetteer_id,
            "country_code": p.country_code,
            "admin1": p.admin1 if p.feature_type != "country" else None,
            **_place_props(p, inc.near),
            "status": inc.status,
            "place_inferred": int(inc.place_inferred),
            "quote": inc.quote.text[:MAX_QUOTE],
            "quote_start": inc.quote.start,
            "quote_end": inc.quote.end,
            "extraction_confidence": inc.confidence,
            **_source_props(doc),
            **UNCORRECTED,
        },
    }


def split_antimeridian(coords: list[list[float]]) -> list[list[list[float]]]:
    """A line whose longitudes run continuously (past ±180, as :func:`great_circle` gives them)
    as the parts of a MultiLineString with every longitude in [-180, 180]: cut where it crosses
    the antimeridian, at the latitude where it crosses (RFC 7946 §3.1.9)."""

    def sheet(lon: float) -> int:  # which copy of the world: [-180, 180) is 0
        return math.floor((lon + 180.0) / 360.0)

    def add(point: list[float]) -> None:
        if not parts[-1] or parts[-1][-1] != point:
            parts[-1].append(point)

    parts: list[list[list[float]]] = [[]]
    prev: list[float] | None = None
    for lon, lat in coords:
        if prev is not None and sheet(lon) != sheet(prev[0]):
            a, b = sheet(prev[0]), sheet(lon)
            east = b > a
            for k in range(a, b) if east else range(a - 1, b - 1, -1):
                at = 360.0 * k + 180.0
                f = (at - prev[0]) / (lon - prev[0])
                cross = round(prev[1] + f * (lat - prev[1]), 6)
                add([180.0 if east else -180.0, cross])
                parts.append([[-180.0 if east else 180.0, cross]])
        add([round(lon - 360.0 * sheet(lon), 6), lat])
        prev = [lon, lat]
    lines = [part for part in parts if len(part) >= 2]
    return lines or [parts[0] * 2]  # a movement that does not move: a line of two equal points


def movement_feature(doc: Document, mv: Movement) -> dict[str, Any]:
    """A movement as a MultiLineString from origin through vias to destination, along great
    circles: one line, or two where it crosses the antimeridian."""
    from geopy.distance import geodesic  # only ingest draws movements: a server never loads it

    coords: list[list[float]] = []
    for a, b in zip(mv.path, mv.path[1:], strict=False):
        leg = great_circle(a, b)
        coords.extend(leg if not coords else leg[1:])
    length = sum(
        geodesic((a.lat, a.lon), (b.lat, b.lon)).km
        for a, b in zip(mv.path, mv.path[1:], strict=False)
    )
    origin, destination = mv.path[0], mv.path[-1]
    return {
        "type": "Feature",
        "id": mv.id,
        "geometry": {"type": "MultiLineString", "coordinates": split_antimeridian(coords)},
        "properties": {
            "layer": "movements",
            "id": mv.id,
            **_doc_props(doc),
            "movement_type": mv.movement_type,
            "verb": mv.verb,
            "actor": mv.actor,
            **_when_props(mv.when),
            "origin": origin.name,
            "origin_id": origin.gazetteer_id,
            "origin_type": origin.feature_type,
            "origin_precision": _GEO_PRECISION.get(origin.feature_type, 1),
            "via": "; ".join(p.name for p in mv.path[1:-1]) or None,
            "destination": destination.name,
            "destination_id": destination.gazetteer_id,
            "destination_type": destination.feature_type,
            "destination_precision": _GEO_PRECISION.get(destination.feature_type, 1),
            "geo_precision": max(_GEO_PRECISION.get(p.feature_type, 1) for p in mv.path),
            "geocoder": ", ".join(sorted({p.provider for p in mv.path})),
            "length_km": round(length, 1),
            "status": mv.status,
            "origin_inferred": int(mv.origin_inferred),
            "destination_inferred": int(mv.destination_inferred),
            "quote": mv.quote.text[:MAX_QUOTE],
            "quote_start": mv.quote.start,
            "quote_end": mv.quote.end,
            "extraction_confidence": mv.confidence,
            **_source_props(doc),
            **UNCORRECTED,
        },
    }


def extraction_features(ex: Extraction) -> dict[str, list[dict[str, Any]]]:
    """All features of one document, by layer."""
    doc = ex.document
    return {
        "places": place_features(doc, ex.toponyms),
        "incidents": merge_features([incident_feature(doc, i) for i in ex.incidents]),
        "movements": merge_features([movement_feature(doc, m) for m in ex.movements]),
    }


def feature_collection(features: list[dict[str, Any]], name: str | None = None) -> dict[str, Any]:
    """A GeoJSON FeatureCollection; ``name`` lets GDAL name the layer."""
    fc: dict[str, Any] = {"type": "FeatureCollection"}
    if name:
        fc["name"] = name
    fc["features"] = features
    return fc
