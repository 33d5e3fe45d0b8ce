"""Synthetic features for tests that need many of them: each is a copy of a real feature the
pipeline made from the seed (so it follows the layer schema exactly), with its own id,
position, dates, event type and actor. Added through ``SQLiteStore.add`` like real ones."""

from __future__ import annotations

import copy
import json
from datetime import date, timedelta
from typing import Any

from geomap.model import Document
from geomap.store.sqlite import SQLiteStore

EVENT_TYPES = ("attack", "protest", "arrest", "deportation", "evacuation")
ACTORS = ("Alpha Brigade", "Beta Police", None, "Gamma Militia")
FIRST_DAY = date(2020, 1, 1)


def synthesize(template: dict[str, Any], layer: str, i: int) -> dict[str, Any]:
    """The ``i``-th synthetic feature of ``layer`` built on ``template``. Dates run one a day
    from 2020-01-01 (spans of 0–2 days); event types and actors cycle."""
    f = copy.deepcopy(template)
    fid = f"synthetic-{layer}-{i:05d}"
    f["id"] = fid
    props = f["properties"]
    props["id"] = fid
    lon = round(-179 + (i * 7.31) % 358, 5)
    lat = round(-80 + (i * 3.17) % 160, 5)
    if f["geometry"]["type"] == "MultiLineString":
        f["geometry"] = {
            "type": "MultiLineString",
            "coordinates": [[[lon, lat], [lon + 1, lat + 0.5]]],
        }
    else:
        f["geometry"] = {"type": "Point", "coordinates": [lon, lat]}
    day = FIRST_DAY + timedelta(days=i % 730)
    if "date_start" in props:
        props["date_start"] = props["event_date"] = day.isoformat()
        props["date_end"] = (day + timedelta(days=i % 3)).isoformat()
        props["time_precision"] = 1
    else:
        props["published"] = day.isoformat()
    if "event_type" in props:
        props["event_type"] = EVENT_TYPES[i % len(EVENT_TYPES)]
    for key in ("actor1", "actor"):
        if key in props:
            props[key] = ACTORS[i % len(ACTORS)]
    if "name" in props:
        props["name"] = f"Synthetic place {i}"
    return f


def seed_synthetic(
    store: SQLiteStore, templates: dict[str, dict[str, Any]], counts: dict[str, int]
) -> dict[str, list[dict[str, Any]]]:
    """Add ``counts[layer]`` synthetic features per layer to ``store`` (one document per 500);
    returns what was added."""
    added: dict[str, list[dict[str, Any]]] = {layer: [] for layer in counts}
    for layer, n in counts.items():
        for start in range(0, n, 500):
            batch = [
                synthesize(templates[layer], layer, i) for i in range(start, min(n, start + 500))
            ]
            doc = Document(
                id=f"synthetic-{layer}-{start}",
                path=f"synthetic/{layer}-{start}.txt",
                text=f"Synthetic {layer} {start}..{start + len(batch) - 1}.",
                title=f"Synthetic {layer}",
                publisher="tests",
                published=FIRST_DAY,
            )
            assert store.add(doc, {layer: batch})
            added[layer].extend(batch)
    return added


FIRST_INVENTED = date(2021, 1, 1)
KINDS = ("attack", "Protest", "arrest", None)
ACTORS = ("Alpha Brigade", "beta police", None, "Gamma Militia ")


def invented_feature(layer: str, i: int, doc: str, confidence: int = 50) -> dict[str, Any]:
    """An invented feature of ``layer`` numbered ``i`` as reported by ``doc``."""
    lon, lat = round(-170 + (i * 37.3) % 340, 4), round(-70 + (i * 11.7) % 140, 4)
    day = FIRST_INVENTED + timedelta(days=(i * 13) % 400)
    props: dict[str, Any] = {
        "id": f"{layer}-{i}",
        "document_id": doc,
        "document_ids": doc,
        "sources": f"Source {doc}",
        "n_sources": 1,
        "extraction_confidence": confidence,
        "geo_precision": 1 + i % 3,
    }
    if layer == "places":
        geometry = {"type": "Point", "coordinates": [lon, lat]}
        props.update(name=f"Place {i}", published=None if i % 7 == 0 else day.isoformat())
        props.update(n_mentions=1, mentions=json.dumps([{"text": f"P{i}", "document_id": doc}]))
    elif layer == "incidents":
        geometry = {"type": "Point", "coordinates": [lon, lat]}
        undated = i % 11 == 0
        props.update(
            event_type=KINDS[i % len(KINDS)],
            actor1=ACTORS[i % len(ACTORS)],
            actor2=ACTORS[(i + 1) % len(ACTORS)],
            date_start=None if undated else day.isoformat(),
            date_end=None if undated else (day + timedelta(days=i % 3)).isoformat(),
            event_date=None if undated else day.isoformat(),
            country_code=("KP", "cn", None)[i % 3],
        )
    else:
        geometry = {"type": "LineString", "coordinates": [[lon, lat], [lon + 8, lat + 3]]}
        props.update(
            actor=ACTORS[i % len(ACTORS)],
            date_start=day.isoformat(),
            date_end=day.isoformat(),
            event_date=day.isoformat(),
        )
    return {"type": "Feature", "id": props["id"], "geometry": geometry, "properties": props}


def invented_document(name: str) -> Document:
    return Document(id=name, path=f"{name}.txt", text=f"Invented report {name}.")
