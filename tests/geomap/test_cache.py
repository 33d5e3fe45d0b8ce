"""The persistent geocode cache: a second run makes no gazetteer lookups."""

from __future__ import annotations

import sqlite3

from geopy.location import Location

from geomap.cache import GeocodeCache
from geomap.pipeline import Pipeline
from geomap.read import read_document

from ..conftest import SEED


def test_second_run_makes_no_lookups(settings) -> None:  # type: ignore[no-untyped-def]
    doc = read_document(SEED)
    first = Pipeline(settings)
    features_1 = first.features(doc)
    assert first.gazetteer.lookups > 0
    assert first.cache.misses == first.gazetteer.lookups
    first.close()

    second = Pipeline(settings)  # a new process would see the same: only the file is shared
    features_2 = second.features(doc)
    assert second.gazetteer.lookups == 0
    assert second.cache.hits > 0 and second.cache.misses == 0
    assert features_1 == features_2
    second.close()


def test_entries_keyed_by_provider_query_and_hint(tmp_path) -> None:  # type: ignore[no-untyped-def]
    cache = GeocodeCache(tmp_path / "c.sqlite")
    calls = []

    def geocode(query: str, exactly_one: bool = True):  # a geopy-style callable
        calls.append(query)
        return [Location("X", (1.0, 2.0), {"q": query})] if query != "nowhere" else None

    cached = cache.wrap("test", geocode)
    assert cached("Dandong")[0].raw == {"q": "Dandong"}
    assert cached("dandong")[0].latitude == 1.0  # the normalised query is the key
    assert cached("Dandong", hint="CN")[0].longitude == 2.0
    assert cached("nowhere") == [] and cached("nowhere") == []  # negative answers are cached
    assert calls == ["Dandong", "Dandong", "nowhere"]
    cache.close()

    con = sqlite3.connect(tmp_path / "c.sqlite")
    assert con.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    rows = con.execute("SELECT provider, query, hint FROM geocode_cache ORDER BY 2, 3").fetchall()
    assert rows == [("test", "dandong", ""), ("test", "dandong", "CN"), ("test", "nowhere", "")]
