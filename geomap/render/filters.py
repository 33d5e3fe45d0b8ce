"""The map's filters, the same for ``/map``, ``geomap map`` and the page's own filter panel.

Every filter applies to every layer:

- ``event_type``: incidents of that type; movements whose kind belongs to it (``fled`` is a
  ``flight/defection``, see :data:`MOVEMENT_EVENT_TYPES`);
- ``actor``: part of ``actor``, ``actor1`` or ``actor2``;
- ``q``: every word appears (case-insensitive) in the quote, the headline, the actors or the
  places of the feature;
- ``start``/``end``: incidents and movements whose dates overlap them;
- ``bbox``: features that intersect it.

Places follow the events: when any filter but ``bbox`` is given, a place stays when an
incident or movement that passed is located there (at its origin or destination), or, for
``q`` alone, when its own name holds the words. The page's own filter panel and time slider
(``map.js``) apply the same rules.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from geomap.errors import InvalidParameter
from geomap.features.features import LAYERS, feature_collection
from geomap.store import query
from geomap.store.sqlite import Store

#: movement_type -> the event_type it is an instance of (the vocabulary's table in the README)
MOVEMENT_EVENT_TYPES: Mapping[str, str] = {
    "dispatched": "movement of forces",
    "fled": "flight/defection",
    "evacuated": "evacuation",
    "deported": "deportation",
    "crossed": "border crossing",
    "travelled": "movement",
}
_TEXT_KEYS = (
    "quote",
    "title",
    "actor",
    "actor1",
    "actor2",
    "location",
    "place_name",
    "name",
    "origin",
    "via",
    "destination",
    "event_type",
    "sub_event_type",
    "movement_type",
)
MAX_TEXT = 200  # characters of a filter's text


@dataclass(frozen=True, slots=True)
class MapFilters:
    """What the map shows: see the module's docstring."""

    event_type: str | None = None
    actor: str | None = None
    q: str | None = None
    start: date | None = None
    end: date | None = None
    bbox: query.BBox | None = None

    @classmethod
    def parse(
        cls,
        *,
        event_type: str | None = None,
        actor: str | None = None,
        q: str | None = None,
        start: str | None = None,
        end: str | None = None,
        bbox: str | None = None,
    ) -> MapFilters:
        """Filters from their text form (query parameters, CLI flags); InvalidParameter names
        the first bad one."""
        first, last = query.parse_date(start, "start"), query.parse_date(end, "end")
        if first and last and first > last:
            raise InvalidParameter(f"start {start!r} is after end {end!r}", where="start")
        texts = {"event_type": event_type, "actor": actor, "q": q}
        for name, value in texts.items():
            if value is not None and len(value) > MAX_TEXT:
                raise InvalidParameter(
                    f"{name} is {len(value)} characters long; at most {MAX_TEXT}", where=name
                )
        return cls(
            event_type=_blank(event_type),
            actor=_blank(actor),
            q=_blank(q),
            start=first,
            end=last,
            bbox=query.parse_bbox(bbox),
        )

    @property
    def narrows_events(self) -> bool:
        """True when a filter other than ``bbox`` is given (places then follow the events)."""
        return bool(self.event_type or self.actor or self.q or self.start or self.end)

    def shown(self) -> dict[str, str]:
        """The filters given, as text (for the page's "Filtered:" line)."""
        out = {
            "event_type": self.event_type,
            "actor": self.actor,
            "q": self.q,
            "start": self.start.isoformat() if self.start else None,
            "end": self.end.isoformat() if self.end else None,
            "bbox": ",".join(f"{v:g}" for v in self.bbox) if self.bbox else None,
        }
        return {k: v for k, v in out.items() if v}


def _blank(value: str | None) -> str | None:
    value = " ".join(value.split()) if value else ""
    return value or None


def _fold(value: Any) -> str:
    return str(value).casefold() if value is not None else ""


def event_type_of(props: Mapping[str, Any]) -> str | None:
    """An incident's event type, or the event type a movement's kind belongs to."""
    if props.get("event_type"):
        return str(props["event_type"])
    kind = props.get("movement_type")
    return MOVEMENT_EVENT_TYPES.get(str(kind)) if kind else None


def matches_text(props: Mapping[str, Any], words: str) -> bool:
    """True when every word of ``words`` is in the feature's text (see ``q``)."""
    haystack = " ".join(_fold(props.get(k)) for k in _TEXT_KEYS if props.get(k))
    return all(w in haystack for w in words.casefold().split())


def _event_passes(props: Mapping[str, Any], f: MapFilters) -> bool:
    if f.event_type and _fold(event_type_of(props)) != f.event_type.casefold():
        return False
    if f.actor:
        wanted = f.actor.casefold()
        if not any(wanted in _fold(props.get(k)) for k in ("actor", "actor1", "actor2")):
            return False
    return not (f.q and not matches_text(props, f.q))


def _place_keys(layer: str, props: Mapping[str, Any]) -> Iterable[str]:
    if layer == "incidents":
        return [str(props["gazetteer_id"])] if props.get("gazetteer_id") else []
    return [str(props[k]) for k in ("origin_id", "destination_id") if props.get(k)]


def filter_layers(
    layers: Mapping[str, list[dict[str, Any]]], f: MapFilters
) -> dict[str, list[dict[str, Any]]]:
    """The features of each layer (``places``, ``incidents``, ``movements``) that ``f`` lets
    through, in their order."""
    out: dict[str, list[dict[str, Any]]] = {}
    linked: set[str] = set()
    for layer in ("incidents", "movements"):
        items = query.select(layers.get(layer, []), bbox=f.bbox, start=f.start, end=f.end)
        kept = [x for x in items if _event_passes(x.get("properties") or {}, f)]
        for x in kept:
            linked.update(_place_keys(layer, x.get("properties") or {}))
        out[layer] = kept
    places = query.select(layers.get("places", []), bbox=f.bbox)
    if f.narrows_events:
        places = [
            p
            for p in places
            if str(p.get("id")) in linked
            or (
                f.q
                and not f.event_type
                and not f.actor
                and matches_text(p.get("properties") or {}, f.q)
            )
        ]
    out["places"] = places
    return out


def map_layers(store: Store, f: MapFilters) -> dict[str, dict[str, Any]]:
    """The store's three layers as FeatureCollections, narrowed by ``f``."""
    data = filter_layers({name: store.layer(name) for name in LAYERS}, f)
    return {name: feature_collection(data[name], name) for name in LAYERS}
