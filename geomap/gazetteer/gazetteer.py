"""The embedded gazetteer as a geopy ``Geocoder``: read-only lookups in the index that
:mod:`geomap.gazetteer.index` builds, answering offline.
"""

from __future__ import annotations

import functools
import math
import sqlite3
from collections.abc import Container, Sequence
from pathlib import Path
from typing import Any

from geopy.adapters import BaseSyncAdapter
from geopy.exc import GeocoderServiceError
from geopy.geocoders.base import Geocoder
from geopy.location import Location

from geomap.errors import GazetteerMissing
from geomap.gazetteer.index import (
    BIG_CITY_POPULATION,
    INDEX_VERSION,
    Strength,
    build_index,
    index_built,
    index_meta,
    index_version,
    is_current,
    unpack_keys,
)
from geomap.model import Place
from geomap.names.normalise import name_key

__all__ = [
    "Gazetteer",
    "GazetteerGeocoder",
    "build_index",
    "index_built",
    "index_meta",
    "index_version",
    "is_current",
    "place_from_raw",
    "place_to_raw",
    "raw_prior",
]


def _prior(kind: str, population: int) -> float:
    if kind == "country":
        return 10.0
    if kind == "region":
        return 9.0
    if kind == "admin1":
        return 7.0
    if kind == "admin2":
        return math.log10(max(population, 1)) - 0.5
    bonus = (
        1.5 if population >= BIG_CITY_POPULATION else 0.0
    )  # a big city beats a same-named region
    return math.log10(max(population, 1)) + bonus


_STRENGTHS = {s.value: s for s in Strength}  # (asked thousands of times per document)

_COLUMNS = (
    "p.id, p.name, p.feature_type, p.country_code, p.admin1, p.admin2, p.lat, p.lon,"
    " p.population, n.is_primary, p.big"
)


def _raw(r: Sequence[Any]) -> dict[str, Any]:
    """The :func:`place_to_raw` payload of a row whose first nine columns are those of
    :data:`_COLUMNS`."""
    return {
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
    }


def name_keys(path: str | Path) -> tuple[Container[str], dict[str, int]]:
    """Every name key of the index at ``path`` that recognition may find (``key in keys``; a
    trie, iterable; all but the names only small towns bear, see
    :data:`~geomap.gazetteer.index.RECOGNISED_MIN_POPULATION`), and the strength of those above
    zero.

    Recognition asks "is this a place name?" for thousands of n-grams per document and
    answers from memory, without SQLite: the keys are read in one value the index build packed
    (:func:`~geomap.gazetteer.index.pack_keys`), a trie that opens in milliseconds. Read once
    per process and index file (a rebuilt file is read again): a process that opens the index
    again, or a worker process forked from one that read it, does not read them again."""
    path = Path(path)
    stat = path.stat()
    return _name_keys(str(path.resolve()), stat.st_mtime_ns, stat.st_size)


@functools.lru_cache(maxsize=1)
def _name_keys(path: str, mtime_ns: int, size: int) -> tuple[Container[str], dict[str, int]]:
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        packed = dict(con.execute("SELECT name, data FROM packed").fetchall())
    finally:
        con.close()
    return unpack_keys(packed)


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
        self._keys, self._big = name_keys(self.path)
        self.lookups = 0
        self._capitals: dict[str, Place] | None = None

    @property
    def names(self) -> Container[str]:
        """Every name key recognition may find (``key in names`` is :meth:`has` without a
        call); :meth:`rows` also answers the names only small towns bear."""
        return self._keys

    def has(self, key: str) -> bool:
        """True when ``key`` (a :func:`name_key`) names a place that recognition may find: some
        place other than a town outside GeoNames cities1000 is called so."""
        return key in self._keys

    def strength(self, key: str) -> Strength:
        """How strongly ``key`` alone says "a place" (:class:`Strength`)."""
        value = self._big.get(key, 0)
        member = _STRENGTHS.get(value)
        return Strength(value) if member is None else member

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
            found[r[0]] = {**_raw(r), "primary": bool(r[9]), "capital": r[10] == 2}
        out = list(found.values())
        out.sort(key=raw_prior, reverse=True)
        return out

    def capital(self, country_code: str) -> Place | None:
        """The national capital of the country ``country_code`` (an ISO code), if the index
        marks one (GeoNames' PPLC, the ``big`` value 2)."""
        if self._capitals is None:
            self._capitals = {}
            for r in self._con.execute(
                "SELECT p.id, p.name, p.feature_type, p.country_code, p.admin1, p.admin2,"
                " p.lat, p.lon, p.population FROM places p WHERE p.big = 2"
            ):
                prev = self._capitals.get(str(r[3]))
                if prev is None or prev.population < (r[8] or 0):
                    self._capitals[str(r[3])] = place_from_raw(_raw(r))
        return self._capitals.get(country_code.upper())

    def close(self) -> None:
        """Close the index and let go of the in-memory name set (which :func:`name_keys`
        keeps for the next opening of the same file in this process)."""
        self._con.close()
        self._keys = frozenset()
        self._big = {}


def raw_prior(raw: dict[str, Any]) -> float:
    """Context-free preference among same-named places (countries, regions, then big cities)
    for a raw payload; a place's own name beats an alternate name, and a
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


class _NoNetwork(BaseSyncAdapter):
    """The gazetteer geocoder's geopy adapter: it never asks a service, so it opens no HTTP
    session and reads no TLS certificates (geopy's default adapter does both, ~15 ms each
    time a pipeline opens)."""

    def __init__(self, *, proxies: Any, ssl_context: Any) -> None:
        super().__init__(proxies=proxies, ssl_context=ssl_context)

    def get_json(self, url: str, *, timeout: Any, headers: Any) -> Any:
        raise GeocoderServiceError(f"the embedded gazetteer asks no service ({url})")

    def get_text(self, url: str, *, timeout: Any, headers: Any) -> str:
        raise GeocoderServiceError(f"the embedded gazetteer asks no service ({url})")


class GazetteerGeocoder(Geocoder):
    """A geopy geocoder answering from the embedded gazetteer, with no network at all."""

    def __init__(self, index: str | Path | Gazetteer) -> None:
        super().__init__(user_agent="geomap-gazetteer", adapter_factory=_NoNetwork)
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
