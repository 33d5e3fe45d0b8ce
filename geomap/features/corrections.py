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

Every corrected feature carries ``corrected: true`` (``false`` otherwise) and the ids of the
corrections applied (``corrections``). Nothing here touches storage: a backend stores the
:class:`Correction` values and calls :func:`apply_corrections` on what it serves.
"""

from __future__ import annotations

import hashlib
import json
from collections import defaultdict
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
            object.__setattr__(self, "created", datetime.now(UTC).isoformat(timespec="seconds"))
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
        raise InvalidParameter("nothing to set", where="set")
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
    """A line through [lon, lat] points along great circles, as movements are drawn."""
    from geomap.features.features import great_circle
    from geomap.model import Place

    stops = [Place("", "", "city", None, lat, lon) for lon, lat in points]
    coords: list[list[float]] = []
    for a, b in zip(stops, stops[1:], strict=False):
        leg = great_circle(a, b)
        coords.extend(leg if not coords else leg[1:])
    return coords


def _moved_line(feature: dict[str, Any], moves: dict[str, dict[str, Any]]) -> bool:
    """Move a movement's origin and destination; True when one of them moved."""
    p = feature["properties"]
    coords = (feature.get("geometry") or {}).get("coordinates") or []
    origin, destination = (
        moves.get(p.get("origin_id") or ""),
        moves.get(p.get("destination_id") or ""),
    )
    if not coords or not (origin or destination):
        return False
    if feature["geometry"].get("type") != "LineString":
        return False
    start = [origin["lon"], origin["lat"]] if origin else coords[0]
    end = [destination["lon"], destination["lat"]] if destination else coords[-1]
    if p.get("via"):  # the via points are vertices we cannot tell apart: move the ends only
        feature["geometry"] = {"type": "LineString", "coordinates": [start, *coords[1:-1], end]}
    else:
        feature["geometry"] = {"type": "LineString", "coordinates": movement_line([start, end])}
    for end_name, new in (("origin", origin), ("destination", destination)):
        if new and "gazetteer_id" in new:
            p[end_name] = new.get("name")
            p[f"{end_name}_id"] = new["gazetteer_id"]
    return True


def apply_corrections(
    layer: str, features: Iterable[dict[str, Any]], corrections: Iterable[Correction]
) -> list[dict[str, Any]]:
    """``features`` of ``layer`` with ``corrections`` applied (oldest first): hidden ones left
    out, the others changed as corrected and marked ``corrected``. Place moves apply to every
    layer. The input features are not modified."""
    ordered = sorted(corrections, key=lambda c: (c.created, c.id))
    own = [c for c in ordered if c.layer == layer]
    moves: dict[str, dict[str, Any]] = {}
    move_ids: dict[str, str] = {}
    for c in ordered:
        if c.layer == "places" and c.action == "move":
            moves[c.feature_id] = c.new
            move_ids[c.feature_id] = c.id
    by_id: dict[str, list[Correction]] = defaultdict(list)
    anchored: list[Correction] = []
    for c in own:
        by_id[c.feature_id].append(c)
        if c.document_id is not None and c.quote_start is not None:
            anchored.append(c)
    out: list[dict[str, Any]] = []
    for feature in features:
        applied = list(by_id.get(str(feature.get("id")), ()))
        applied += [c for c in anchored if c not in applied and c.matches(feature)]
        p = feature.get("properties") or {}
        place_id = p.get("gazetteer_id") if layer == "incidents" else None
        line_ids: set[str] = (
            {str(p.get("origin_id")), str(p.get("destination_id"))} & set(moves)
            if layer == "movements"
            else set()
        )
        if not applied and place_id not in moves and not line_ids:
            out.append(_marked(feature, False, []))
            continue
        f = {**feature, "properties": dict(p)}
        ids: list[str] = []
        hidden = False
        if layer == "incidents" and place_id in moves:
            _moved_point(f, moves[place_id], place_keys=False)
            ids.append(move_ids[place_id])
        if line_ids and _moved_line(f, moves):
            ids.extend(move_ids[i] for i in sorted(line_ids))
        for c in sorted(applied, key=lambda c: (c.created, c.id)):
            ids.append(c.id)
            if c.action == "hide":
                hidden = True
            elif c.action == "show":
                hidden = False
            elif c.action == "move":
                _moved_point(f, c.new, place_keys=True)
            elif c.action == "set":
                f["properties"].update(c.new)
        if not hidden:
            out.append(_marked(f, True, ids))
    return out


def _marked(feature: dict[str, Any], corrected: bool, ids: list[str]) -> dict[str, Any]:
    props = {**feature["properties"], "corrected": corrected, "corrections": ";".join(ids) or None}
    return {**feature, "properties": props}
