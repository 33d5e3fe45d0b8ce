"""Merging features that report the same thing, from one document or several.

Features are the same when they share an ``id``: places by gazetteer id, dated incidents and
movements by what, where and when (see :func:`geomap.events.extract._event_id`). The merged
feature keeps the properties of its most confident report, counts its distinct sources and lists
them all.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

import orjson

MAX_LISTED_MENTIONS = 200
# properties a merged feature takes from the first report that has them when its best lacks them
FILLED = ("actor", "actor1", "actor2", "url")


def _split(value: Any, sep: str) -> list[str]:
    return [v for v in str(value).split(sep) if v] if value else []


def _unique(items: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(items))


def merge_group(features: list[dict[str, Any]]) -> dict[str, Any]:
    """One feature standing for ``features`` (all with the same id), listing every source."""
    if len(features) == 1:
        return features[0]
    best = max(features, key=lambda f: f["properties"].get("extraction_confidence") or 0)
    props = dict(best["properties"])
    doc_ids = _unique(d for f in features for d in _split(f["properties"].get("document_ids"), ";"))
    sources = _unique(s for f in features for s in _split(f["properties"].get("sources"), "; "))
    props["document_ids"] = ";".join(doc_ids)
    props["sources"] = "; ".join(sources)
    props["n_sources"] = len(doc_ids)
    for key in FILLED:
        if key in props and props[key] is None:
            props[key] = next(
                (f["properties"][key] for f in features if f["properties"].get(key)), None
            )
    if "extraction_confidence" in props and len(doc_ids) > 1:
        top = max(f["properties"].get("extraction_confidence") or 0 for f in features)
        props["extraction_confidence"] = min(100, top + 10 * (len(doc_ids) - 1))
    if "n_mentions" in props:
        props["n_mentions"] = sum(f["properties"].get("n_mentions") or 0 for f in features)
        mentions = [
            m for f in features for m in orjson.loads(f["properties"].get("mentions") or "[]")
        ]
        props["mentions"] = json.dumps(mentions[:MAX_LISTED_MENTIONS], ensure_ascii=False)
    return {**best, "properties": props}


def merge_features(features: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """Features merged by id, in the order each id was first seen."""
    groups: dict[Any, list[dict[str, Any]]] = {}
    for f in features:
        groups.setdefault(f["id"], []).append(f)
    return [merge_group(g) for g in groups.values()]


def _confidence(feature: dict[str, Any]) -> Any:
    return feature["properties"].get("extraction_confidence") or 0


def merge_state(features: list[dict[str, Any]]) -> dict[str, Any]:
    """What :func:`merge_append` needs besides the merged feature to merge one more report:
    the highest confidence reported and the first value of each :data:`FILLED` property.
    JSON-serialisable, so a store can keep it beside the merged feature. For features with
    mentions, ``listed`` is how many the merged feature lists (when merging wrote them): a
    full list is not decoded again."""
    first: dict[str, Any] = {}
    for key in FILLED:
        first[key] = next(
            (f["properties"][key] for f in features if f["properties"].get(key)), None
        )
    state: dict[str, Any] = {"top": max(_confidence(f) for f in features), "first": first}
    if "n_mentions" in features[0]["properties"]:
        listed = sum(len(orjson.loads(f["properties"].get("mentions") or "[]")) for f in features)
        if len(features) > 1 or listed < MAX_LISTED_MENTIONS:  # else: a report's own text
            state["listed"] = min(listed, MAX_LISTED_MENTIONS)
    return state


def merge_append(
    merged: dict[str, Any], state: dict[str, Any], new: dict[str, Any]
) -> tuple[dict[str, Any], dict[str, Any]]:
    """``merge_group(reports + [new])`` and its state, from ``merged = merge_group(reports)``
    and ``state = merge_state(reports)`` alone: adding a report costs the same however many
    documents reported the feature before."""
    best_is_new = _confidence(new) > state["top"]
    best = new if best_is_new else merged
    props = dict(best["properties"])
    old, add = merged["properties"], new["properties"]
    doc_ids = _unique(
        [*_split(old.get("document_ids"), ";"), *_split(add.get("document_ids"), ";")]
    )
    sources = _unique([*_split(old.get("sources"), "; "), *_split(add.get("sources"), "; ")])
    props["document_ids"] = ";".join(doc_ids)
    props["sources"] = "; ".join(sources)
    props["n_sources"] = len(doc_ids)
    first = dict(state["first"])
    for key in FILLED:
        if not first.get(key) and add.get(key):
            first[key] = add[key]
        if key in props and props[key] is None:
            props[key] = first.get(key)
    top = max(state["top"], _confidence(new))
    if "extraction_confidence" in props and len(doc_ids) > 1:
        props["extraction_confidence"] = min(100, top + 10 * (len(doc_ids) - 1))
    out_state: dict[str, Any] = {"top": top, "first": first}
    if "n_mentions" in props:
        props["n_mentions"] = (old.get("n_mentions") or 0) + (add.get("n_mentions") or 0)
        listed: int
        if state.get("listed") == MAX_LISTED_MENTIONS:
            # exactly full (as merging leaves it): the new report's mentions are not listed
            props["mentions"] = old.get("mentions")
            listed = MAX_LISTED_MENTIONS
        else:
            mentions = orjson.loads(old.get("mentions") or "[]")[:MAX_LISTED_MENTIONS]
            if len(mentions) < MAX_LISTED_MENTIONS:
                mentions += orjson.loads(add.get("mentions") or "[]")
            del mentions[MAX_LISTED_MENTIONS:]
            props["mentions"] = json.dumps(mentions, ensure_ascii=False)
            listed = len(mentions)
        out_state["listed"] = listed
    return {**best, "properties": props}, out_state
