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
(``workbench.js``) apply the same rules to what the page embeds.

:func:`filter_layers` is the reference, over features in memory; :func:`map_layers` asks the
store (every filter runs in SQL) and may bound what a page embeds: a layer with more matching
features shows its newest, the page says so, and places follow the events shown.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

from geomap.errors import InvalidParameter, NotFound
from geomap.features.features import LAYERS, feature_collection
from geomap.store import query
from geomap.store.base import (
    ACTOR_KEYS,
    Contains,
    Equals,
    Predicate,
    Query,
    SortKey,
    Store,
    decode,
    fold,
)

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
        # a start after the end is an interval nothing is in (as everywhere in the API)
        first, last = query.parse_date(start, "start"), query.parse_date(end, "end")
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
    return fold(value) or ""


def event_type_of(props: Mapping[str, Any]) -> str | None:
    """An incident's event type, or the event type a movement's kind belongs to."""
    if props.get("event_type"):
        return str(props["event_type"])
    kind = props.get("movement_type")
    return MOVEMENT_EVENT_TYPES.get(str(kind)) if kind else None


def matches_text(props: Mapping[str, Any], words: str) -> bool:
    """True when every word of ``words`` is in the feature's text (see ``q``)."""
    texts = [_fold(props.get(k)) for k in _TEXT_KEYS if props.get(k)]
    return all(any(w in t for t in texts) for w in _fold(words).split())


def _event_passes(props: Mapping[str, Any], f: MapFilters) -> bool:
    if f.event_type and _fold(event_type_of(props)) != _fold(f.event_type):
        return False
    if f.actor:
        wanted = _fold(f.actor)
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


# the order of a layer's subset when it has more features than a page embeds: newest first
NEWEST_FIRST = (SortKey("time_end", descending=True),)


@dataclass(frozen=True, slots=True)
class MapData:
    """What a map shows: each layer as a FeatureCollection, how many features each filter
    matched, a ``notice`` saying which layers show only their newest (None: all shown), and
    ``tiled``: the layers with too many features to embed that a page draws from vector tiles
    instead (layer -> matched; their collections are empty)."""

    layers: dict[str, dict[str, Any]]
    matched: dict[str, int]
    notice: str | None = None
    tiled: dict[str, int] = field(default_factory=dict)


def _words(f: MapFilters) -> tuple[Predicate, ...]:
    return tuple(Contains(_TEXT_KEYS, w) for w in (f.q or "").split())


def _event_predicates(layer: str, f: MapFilters) -> tuple[Predicate, ...] | None:
    """The store predicates of ``f`` on ``layer`` (incidents or movements); None when no
    feature of the layer can pass (an event type no movement kind belongs to)."""
    where: list[Predicate] = []
    if f.event_type:
        if layer == "incidents":
            where.append(Equals("event_type", f.event_type))
        else:
            kinds = [k for k, t in MOVEMENT_EVENT_TYPES.items() if fold(t) == fold(f.event_type)]
            if not kinds:
                return None
            where.append(Equals("movement_type", kinds[0]))
    if f.actor:
        where.append(Contains(ACTOR_KEYS, f.actor))
    return (*where, *_words(f))


def tiles_notice(tiled: Mapping[str, int]) -> str | None:
    """What the map says of the layers it draws from vector tiles (layer -> matched)."""
    if not tiled:
        return None
    from geomap.tiles import LINE_BUDGET, SAMPLE_ABOVE, THIN_BY_TILE

    sampled = [name for name, n in tiled.items() if n > SAMPLE_ABOVE]
    lines = [
        name
        for name, n in tiled.items()
        if name in THIN_BY_TILE and LINE_BUDGET < n <= SAMPLE_ABOVE
    ]
    thinned = (
        f" Where {' and '.join(sampled)} are dense, a zoomed-out tile shows an even sample of"
        " them (the same for everyone, colours in proportion) or, from a PostGIS store without"
        " dates or filters other than the type, a circle per small area sized by how many"
        " are in it: zoom in to see every one; a click opens one and counts every one under"
        " the pointer."
        if sampled
        else ""
    )
    if lines:
        thinned += (
            f" Where {' and '.join(lines)} are dense, a zoomed-out tile shows an even sample of"
            " them (the same for everyone): zoom in to see every one."
        )
    return (
        "Drawing "
        + "; ".join(f"all {n:,} {name}" for name, n in tiled.items())
        + " from vector tiles (too many to embed): click one to read its report."
        + thinned
    )


def tile_params(layer: str, f: MapFilters) -> dict[str, str]:
    """The property filters of ``f`` a vector tile of ``layer`` takes (``actor`` a substring,
    the others equal), as query parameters; bbox and dates are the caller's."""
    out: dict[str, str] = {}
    if f.event_type and layer == "incidents":
        out["event_type"] = f.event_type
    if f.event_type and layer == "movements":
        kinds = [k for k, t in MOVEMENT_EVENT_TYPES.items() if fold(t) == fold(f.event_type)]
        out["movement_type"] = kinds[0] if kinds else f.event_type
    if f.actor and layer != "places":
        out["actor"] = f.actor
    return out


def _select(store: Store, query: Query, limit: int | None) -> tuple[list[dict[str, Any]], int]:
    """The features ``query`` matches (all, or the ``limit`` newest when there are more) and
    how many it matches."""
    if limit is None:
        features = list(decode(store.stream(query)))
        return features, len(features)
    page = store.select(replace(query, limit=limit))
    if page.matched > limit:
        page = store.select(replace(query, sortby=NEWEST_FIRST, limit=limit))
    return page.decoded(), page.matched


def map_layers(
    store: Store, f: MapFilters, limit: int | None = None, *, tiles: bool = False
) -> MapData:
    """The store's three layers narrowed by ``f`` (the same features :func:`filter_layers`
    keeps), each filter run by the store. With ``limit``, a layer with more matching features
    embeds its ``limit`` newest, and the notice says so; places then follow the events shown.
    With ``tiles`` too, such a layer is left to vector tiles instead (:attr:`MapData.tiled`)
    when its filters are ones a tile takes (no ``q``); once a layer of more than
    :data:`geomap.tiles.SAMPLE_ABOVE` features is, every other layer is too."""
    from geomap import tiles as grid

    out: dict[str, list[dict[str, Any]]] = {}
    matched: dict[str, int] = {}
    tiled: dict[str, int] = {}
    linked: dict[str, None] = {}

    def too_many(asked: Query) -> bool:
        if not tiles or limit is None or f.q:
            return False
        n = store.count(asked)
        # a store at the scale where tiles are thinned: every layer from tiles, so the page
        # embeds nothing (thousands of lines and points embedded take the browser seconds)
        huge = any(m > grid.SAMPLE_ABOVE for m in tiled.values())
        if n > limit or (huge and n > 0):
            out[asked.layer], matched[asked.layer], tiled[asked.layer] = [], n, n
            return True
        return False

    for layer in ("incidents", "movements"):
        where = _event_predicates(layer, f)
        if where is None:
            out[layer], matched[layer] = [], 0
            continue
        asked = Query(layer, f.bbox, f.start, f.end, where)
        if too_many(asked):
            continue
        out[layer], matched[layer] = _select(store, asked, limit)
        for x in out[layer]:
            linked.update(dict.fromkeys(_place_keys(layer, x.get("properties") or {})))
    if not f.narrows_events or tiled:
        # every place in the view (events drawn from tiles link no embedded places)
        if not too_many(Query("places", f.bbox)):
            out["places"], matched["places"] = _select(store, Query("places", f.bbox), limit)
    else:
        places: dict[str, dict[str, Any]] = {}
        if f.q and not f.event_type and not f.actor:
            named, _ = _select(store, Query("places", f.bbox, where=_words(f)), limit)
            places.update((str(p.get("id")), p) for p in named)
        for place_id in linked:
            if place_id in places:
                continue
            try:
                place = store.feature("places", place_id)
            except NotFound:  # hidden by a correction, or never stored
                continue
            if f.bbox is None or query.select([place], bbox=f.bbox):
                places[place_id] = place
        out["places"] = list(places.values())
        matched["places"] = len(out["places"])
    subsets = [
        f"{len(out[name]):,} newest of {matched[name]:,} {name}"
        for name in LAYERS
        if matched[name] > len(out[name]) and name not in tiled
    ]
    notice = None
    if subsets:
        notice = (
            "Showing the "
            + "; ".join(subsets)
            + ". Narrow the dates, the area (bbox) or the filters to see the others, or page"
            " through /collections/{layer}/items."
        )
    return MapData(
        {name: feature_collection(out[name], name) for name in LAYERS}, matched, notice, tiled
    )
