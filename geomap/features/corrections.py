"""Corrections an analyst makes to extracted features, kept apart from the extractions.

A correction names its target by what survives re-extraction: a place by its gazetteer id; an
incident or movement by its feature id **and** by the report it was read from (the document and
the quoted sentence's offsets), so that a new geomap version that identifies the event
differently still finds the sentence the analyst corrected. Corrections are applied on top of
the merged features, oldest first (a later correction of the same thing wins):

- ``move`` a place to another gazetteer entry or to coordinates: the place, and every incident
  and movement located there, move with it;
- ``set`` an incident's ``event_type`` (and ``sub_event_type``) or its dates;
- ``hide`` a false incident, movement or place; ``show`` brings it back.

Every feature carries ``corrected`` (extraction makes it ``false``); a corrected one carries
``corrected: true`` and the ids of the corrections applied (``corrections``). Nothing here
touches storage: a backend stores the :class:`Correction` values and, in the transaction that
changes a merged feature or the corrections, stores :func:`correct_feature` of it (see
:class:`geomap.store.base.Store`).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from datetime import UTC, date, datetime
from typing import Any

from geomap.errors import InvalidParameter
from geomap.features.features import LAYERS

ACTIONS = ("move", "set", "hide", "show")
SETTABLE = ("event_type", "sub_event_type", "date")
_DATE_KEYS = ("event_date", "date_start", "date_end", "time_precision")


@dataclass(frozen=True, slots=True)
class Correction:
    """One change an analyst made: what, to which feature, by whom, when, from what to what.

    ``new`` holds the values set: for ``move`` ``lon``, ``lat`` and, when moved to a gazetteer
    entry, ``gazetteer_id``, ``name``, ``feature_type``, ``country_code``, ``admin1``; for
    ``set`` the properties changed. ``old`` holds what the feature said before.
    """

    layer: str
    feature_id: str
    action: str
    new: dict[str, Any] = field(default_factory=dict)
    old: dict[str, Any] = field(default_factory=dict)
    document_id: str | None = None  # the report corrected (incidents, movements)
    quote_start: int | None = None
    quote_end: int | None = None
    author: str = "unknown"
    created: str = ""  # ISO 8601 UTC
    note: str | None = None
    id: str = ""

    def __post_init__(self) -> None:
        if self.layer not in LAYERS:
            raise InvalidParameter(
                f"unknown layer {self.layer!r}; layers are {', '.join(LAYERS)}", where="layer"
            )
        if self.action not in ACTIONS:
            raise InvalidParameter(
                f"unknown action {self.action!r}; actions are {', '.join(ACTIONS)}",
                where="action",
            )
        if self.action == "move" and self.layer != "places":
            raise InvalidParameter(
                "only places are moved (the events there move too)", where="action"
            )
        if self.action == "set" and self.layer != "incidents":
            raise InvalidParameter("only incidents have a type and dates to set", where="action")
        if not self.feature_id:
            raise InvalidParameter("a correction names the feature it corrects", where="feature_id")
        if not self.created:
            object.__setattr__(
                self, "created", datetime.now(UTC).isoformat(timespec="microseconds")
            )
        if not self.id:
            digest = hashlib.sha256(
                json.dumps(
                    [self.layer, self.feature_id, self.action, self.new, self.author, self.created],
                    sort_keys=True,
                    default=str,
                ).encode()
            ).hexdigest()
            object.__setattr__(self, "id", digest[:16])

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict (what export writes, one per line, and the API returns)."""
        return asdict(self)

    @classmethod
    def from_dict(cls, raw: dict[str, Any]) -> Correction:
        """The correction a :meth:`to_dict` came from; InvalidParameter naming a bad field."""
        if not isinstance(raw, dict):
            raise InvalidParameter("a correction is a JSON object")
        known = set(cls.__dataclass_fields__)
        unknown = sorted(set(raw) - known)
        if unknown:
            raise InvalidParameter(f"unknown field {unknown[0]!r} in a correction")
        for key in ("new", "old"):
            if key in raw and not isinstance(raw[key], dict):
                raise InvalidParameter(f"{key!r} must be an object", where=key)
        for key in ("quote_start", "quote_end"):
            if raw.get(key) is not None and not isinstance(raw[key], int):
                raise InvalidParameter(f"{key!r} must be an integer", where=key)
        try:
            return cls(**{k: v for k, v in raw.items() if v is not None or k == "note"})
        except TypeError as exc:
            raise InvalidParameter(f"bad correction ({exc})") from None

    def matches(self, feature: dict[str, Any]) -> bool:
        """True when ``feature`` (of this correction's layer) is what it corrects: the same
        feature id, or (incidents, movements) the same quoted sentence of the same report."""
        if str(feature.get("id")) == self.feature_id:
            return True
        if self.document_id is None or self.quote_start is None:
            return False
        p = feature.get("properties") or {}
        return (
            p.get("document_id") == self.document_id
            and p.get("quote_start") == self.quote_start
            and p.get("quote_end") == self.quote_end
        )


def date_values(text: str) -> dict[str, Any]:
    """Properties for a date correction: ``2024-03-05`` (one day, precision 1) or
    ``2024-03-01/2024-03-07`` (a span, UCDP precision by its length)."""
    parts = text.strip().split("/")
    try:
        if len(parts) not in (1, 2):
            raise ValueError
        start = date.fromisoformat(parts[0].strip())
        end = date.fromisoformat(parts[-1].strip())
    except ValueError:
        raise InvalidParameter(
            f"date {text!r} is not YYYY-MM-DD or YYYY-MM-DD/YYYY-MM-DD", where="date"
        ) from None
    if end < start:
        raise InvalidParameter(f"date {text!r} ends before it starts", where="date")
    days = (end - start).days + 1
    precision = 1 if days == 1 else 2 if days <= 6 else 3 if days <= 7 else 4 if days <= 31 else 5
    return {
        "event_date": start.isoformat(),
        "date_start": start.isoformat(),
        "date_end": end.isoformat(),
        "time_precision": precision,
    }


def set_values(changes: dict[str, Any], event_types: Iterable[str]) -> dict[str, Any]:
    """The properties a ``set`` correction writes, checked: ``event_type`` from the vocabulary,
    ``date`` expanded by :func:`date_values`."""
    out: dict[str, Any] = {}
    types = set(event_types)
    for key, value in changes.items():
        if key not in SETTABLE:
            raise InvalidParameter(
                f"cannot set {key!r}; settable: {', '.join(SETTABLE)}", where=key
            )
        if key == "event_type":
            if value not in types:
                raise InvalidParameter(
                    f"{value!r} is not an event type; one of: {', '.join(sorted(types))}",
                    where="event_type",
                )
            out[key] = value
        elif key == "date":
            out.update(date_values(str(value)))
        else:
            out[key] = None if value in (None, "") else str(value)[:200]
    if not out:
        raise InvalidParameter(
            "nothing to set: give an event type, a sub-type or a date", where="set"
        )
    return out


def old_values(correction_new: dict[str, Any], feature: dict[str, Any]) -> dict[str, Any]:
    """What ``feature`` says of the properties (and coordinates) a correction changes."""
    p = feature.get("properties") or {}
    out = {k: p.get(k) for k in correction_new if k not in ("lon", "lat")}
    geometry = feature.get("geometry") or {}
    if "lon" in correction_new and geometry.get("type") == "Point":
        out["lon"], out["lat"] = geometry["coordinates"][:2]
    return out


def _moved_point(feature: dict[str, Any], new: dict[str, Any], place_keys: bool) -> None:
    feature["geometry"] = {"type": "Point", "coordinates": [new["lon"], new["lat"]]}
    p = feature["properties"]
    if "gazetteer_id" in new:
        names = {"name": new.get("name")} if place_keys else {"place_name": new.get("name")}
        p.update(names)
        p["gazetteer_id"] = new["gazetteer_id"]
        for key in ("country_code", "admin1") + (("feature_type",) if place_keys else ()):
            if key in new:
                p[key] = new[key]
    p["geocoder"] = "correction"


def movement_line(points: list[list[float]]) -> list[list[float]]:
    """A line through [lon, lat] points along great circles, as movements are drawn (its
    longitudes continuous, past ±180 where it crosses the antimeridian)."""
    from geomap.features.features import great_circle
    from geomap.model import Place

    stops = [Place("", "", "city", None, lat, lon) for lon, lat in points]
    coords: list[list[float]] = []
    for a, b in zip(stops, stops[1:], strict=False):
        leg = great_circle(a, b)
        coords.extend(leg if not coords else leg[1:])
    return coords


def _near(lon: float, to: float) -> float:
    """``lon`` shifted by whole turns to within 180° of ``to``."""
    while lon - to > 180:
        lon -= 360
    while lon - to < -180:
        lon += 360
    return lon


def line_vertices(geometry: dict[str, Any]) -> list[list[float]]:
    """A movement's vertices in order with continuous longitudes: a LineString's as they are,
    a MultiLineString's parts (cut at the antimeridian) joined again."""
    coords = geometry.get("coordinates") or []
    parts = [coords] if geometry.get("type") == "LineString" else coords
    out: list[list[float]] = []
    for part in parts:
        for lon, lat, *_ in part:
            if out:
                lon = _near(lon, out[-1][0])
                if [lon, lat] == out[-1]:
                    continue
            out.append([lon, lat])
    return out


def _moved_line(feature: dict[str, Any], moves: dict[str, dict[str, Any]]) -> bool:
    """Move a movement's origin and destination; True when one of them moved."""
    from geomap.features.features import split_antimeridian

    p = feature["properties"]
    geometry = feature.get("geometry") or {}
    origin, destination = (
        moves.get(p.get("origin_id") or ""),
        moves.get(p.get("destination_id") or ""),
    )
    if not (origin or destination) or geometry.get("type") not in (
        "LineString",
        "MultiLineString",
    ):
        return False
    coords = line_vertices(geometry)
    if not coords:
        return False
    start = [origin["lon"], origin["lat"]] if origin else coords[0]
    end = [destination["lon"], destination["lat"]] if destination else coords[-1]
    if p.get("via") and len(coords) > 2:  # the via points are vertices we cannot tell apart
        inner = coords[1:-1]
        start = [_near(start[0], inner[0][0]), start[1]]
        end = [_near(end[0], inner[-1][0]), end[1]]
        line = [start, *inner, end]
    else:
        line = movement_line([start, end])
    feature["geometry"] = {"type": "MultiLineString", "coordinates": split_antimeridian(line)}
    for end_name, new in (("origin", origin), ("destination", destination)):
        if new and "gazetteer_id" in new:
            p[end_name] = new.get("name")
            p[f"{end_name}_id"] = new["gazetteer_id"]
    return True


def place_ids(layer: str, feature: dict[str, Any]) -> list[str]:
    """The ids of the places ``feature`` (of ``layer``) is located at: an incident's place, a
    movement's origin and destination (moving one of them moves the feature)."""
    p = feature.get("properties") or {}
    keys = {"incidents": ("gazetteer_id",), "movements": ("origin_id", "destination_id")}
    return [str(p[k]) for k in keys.get(layer, ()) if p.get(k)]


def correct_feature(
    layer: str, feature: dict[str, Any], corrections: Iterable[Correction]
) -> dict[str, Any] | None:
    """``feature`` (a merged feature of ``layer``) with those of ``corrections`` that concern it
    applied, oldest first (a later correction of the same thing wins): None when it ends up
    hidden; ``feature`` itself when none concerns it; otherwise a changed copy marked
    ``corrected: true`` with the ids of the corrections applied in ``corrections``.

    A correction concerns the feature when it :meth:`~Correction.matches` it (same layer), or
    when it moves a place the feature is located at (:func:`place_ids`). ``corrections`` may
    hold others: they are ignored, so a backend may pass a superset.
    """
    ordered = sorted(corrections, key=lambda c: (c.created, c.id))
    located = set(place_ids(layer, feature))
    moves: dict[str, Correction] = {}
    for c in ordered:
        if c.layer == "places" and c.action == "move" and c.feature_id in located:
            moves[c.feature_id] = c
    own = [c for c in ordered if c.layer == layer and c.matches(feature)]
    if not own and not moves:
        return feature
    f = {**feature, "properties": dict(feature.get("properties") or {})}
    ids: list[str] = []
    p = f["properties"]
    if layer == "incidents" and p.get("gazetteer_id") in moves:
        move = moves[str(p["gazetteer_id"])]
        _moved_point(f, move.new, place_keys=False)
        ids.append(move.id)
    elif layer == "movements":
        line_moves = {k: c.new for k, c in moves.items()}
        ends = sorted(str(p[k]) for k in ("origin_id", "destination_id") if p.get(k) in moves)
        if _moved_line(f, line_moves):
            ids.extend(dict.fromkeys(moves[k].id for k in ends))
    hidden = False
    for c in own:
        ids.append(c.id)
        if c.action == "hide":
            hidden = True
        elif c.action == "show":
            hidden = False
        elif c.action == "move":
            _moved_point(f, c.new, place_keys=True)
        elif c.action == "set":
            p.update(c.new)
    if hidden:
        return None
    p["corrected"] = True
    p["corrections"] = ";".join(ids)
    return f


def apply_corrections(
    layer: str, features: Iterable[dict[str, Any]], corrections: Iterable[Correction]
) -> list[dict[str, Any]]:
    """``features`` of ``layer`` with ``corrections`` applied (:func:`correct_feature`):
    hidden ones left out. The input features are not modified."""
    every = list(corrections)
    out = []
    for feature in features:
        corrected = correct_feature(layer, feature, every)
        if corrected is not None:
            out.append(corrected)
    return out
