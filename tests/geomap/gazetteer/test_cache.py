"""The persistent geocode cache: a second run makes no gazetteer lookups."""

from __future__ import annotations

import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest
from geopy.location import Location
from hypothesis import given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from geomap.errors import StoreError
from geomap.gazetteer.cache import SCHEMA_VERSION, GeocodeCache
from geomap.names.normalise import name_key
from geomap.pipeline import Pipeline
from geomap.reports.text import read_document

from ...conftest import SEED


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


# --- negatives, migration, export/import, several processes, kills -------------------------

V1_SCHEMA = """
CREATE TABLE geocode_cache(
    provider TEXT NOT NULL, query TEXT NOT NULL, hint TEXT NOT NULL DEFAULT '',
    answer TEXT NOT NULL, created REAL NOT NULL, PRIMARY KEY (provider, query, hint)
);
CREATE TABLE geocode_stats(
    provider TEXT PRIMARY KEY, hits INTEGER NOT NULL DEFAULT 0, misses INTEGER NOT NULL DEFAULT 0
);
"""


def test_negative_answers_expire_after_their_ttl(tmp_path) -> None:  # type: ignore[no-untyped-def]
    cache = GeocodeCache(tmp_path / "c.sqlite", negative_ttl=60)
    old = time.time() - 3600
    cache.put("nominatim", "Nowhere", None, answered=old)  # an hour-old negative: expired
    cache.put("nominatim", "Nowhere2", [])  # a fresh negative: trusted
    cache.put("nominatim", "Somewhere", Location("S", (1.0, 2.0), {"x": 1}), answered=old)
    assert cache.lookup("nominatim", "Nowhere") is None
    fresh = cache.lookup("nominatim", "nowhere2")
    assert fresh is not None and fresh.negative
    positive = cache.lookup("nominatim", "Somewhere")  # positives never expire
    assert positive is not None and positive.answered == old
    assert positive.locations[0].raw == {"x": 1}
    # the expired negative is asked again and replaced by the new answer
    calls = []

    def geocode(query: str, exactly_one: bool = True):  # type: ignore[no-untyped-def]
        calls.append(query)
        return Location("N", (3.0, 4.0), {"q": query})

    assert cache.wrap("nominatim", geocode)("Nowhere")[0].latitude == 3.0
    assert cache.wrap("nominatim", geocode)("Nowhere2") == []
    assert calls == ["Nowhere"]
    assert cache.stats()["nominatim"]["negatives"] == 1
    cache.close()


def test_an_error_is_never_cached(tmp_path) -> None:  # type: ignore[no-untyped-def]
    cache = GeocodeCache(tmp_path / "c.sqlite")

    def failing(query: str, exactly_one: bool = True):  # type: ignore[no-untyped-def]
        raise TimeoutError("service timed out")

    with pytest.raises(TimeoutError):
        cache.wrap("nominatim", failing)("Kolmoktong")
    assert cache.count() == 0
    cache.close()


def test_a_version_1_cache_opens_and_is_migrated(tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "old.sqlite"
    con = sqlite3.connect(path)
    con.executescript(V1_SCHEMA)
    raw = {"gazetteer_id": "geonames:2037886", "name": "Dandong", "provider": "gazetteer"}
    con.execute(
        "INSERT INTO geocode_cache VALUES (?,?,?,?,?)",
        (
            "gazetteer",
            "dandong",
            "",
            json.dumps([{"address": "Dandong, CN", "lat": 40.1, "lon": 124.4, "raw": raw}]),
            1000.0,
        ),
    )
    con.execute("INSERT INTO geocode_cache VALUES ('gazetteer', 'nowhere', '', '[]', 2000.0)")
    con.execute("INSERT INTO geocode_stats VALUES ('gazetteer', 5, 2)")
    con.commit()
    con.close()

    cache = GeocodeCache(path, negative_ttl=1e12)
    entry = cache.lookup("gazetteer", "Dandong")
    assert entry is not None and entry.answered == 1000.0
    assert entry.locations[0].raw == raw and entry.locations[0].address == "Dandong, CN"
    assert cache.get("gazetteer", "nowhere") == []
    assert cache.stats()["gazetteer"] == {"entries": 2, "negatives": 1, "hits": 7, "misses": 2}
    cache.close()
    con = sqlite3.connect(path)
    assert con.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    payload, answer = con.execute(
        "SELECT payload, answer FROM geocode_cache WHERE query='dandong'"
    ).fetchone()
    assert json.loads(payload) == [raw] and "raw" not in json.loads(answer)[0]
    con.close()
    GeocodeCache(path).close()  # opening a migrated file again changes nothing


def test_a_cache_from_a_newer_geomap_is_refused(tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "new.sqlite"
    con = sqlite3.connect(path)
    con.execute(f"PRAGMA user_version={SCHEMA_VERSION + 1}")
    con.close()
    with pytest.raises(StoreError, match=f"schema {SCHEMA_VERSION + 1} is newer"):
        GeocodeCache(path)


def test_a_file_that_is_not_a_cache_is_refused(tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "junk.sqlite"
    path.write_bytes(b"this is not a database" * 100)
    with pytest.raises(StoreError, match="cannot open geocode cache") as err:
        GeocodeCache(path)
    assert str(path) in str(err.value)


_json_scalar = st.one_of(
    st.none(), st.booleans(), st.integers(-(2**40), 2**40), st.text(max_size=12)
)
_raw = st.dictionaries(st.text(min_size=1, max_size=8), _json_scalar, max_size=4)
_location = st.builds(
    lambda address, lat, lon, raw: Location(address, (lat, lon), raw),
    st.text(min_size=1, max_size=20),
    st.floats(-90, 90, allow_nan=False),
    st.floats(-180, 180, allow_nan=False),
    _raw,
)
_entry = st.tuples(
    st.sampled_from(["gazetteer", "nominatim", "photon"]),
    st.text(min_size=1, max_size=20),
    st.sampled_from(["", "cc=kp", "cc=cn,kp"]),
    st.lists(_location, max_size=3),
    st.floats(0, 2e9, allow_nan=False),
)


@hypothesis_settings(max_examples=40, deadline=None)
@given(st.lists(_entry, max_size=12))
def test_export_then_import_round_trips(entries) -> None:  # type: ignore[no-untyped-def]
    with tempfile.TemporaryDirectory() as tmp:
        a = GeocodeCache(Path(tmp) / "a.sqlite", negative_ttl=1e12)
        for provider, query, hint, answer, answered in entries:
            a.put(provider, query, answer, hint, answered=answered)
        assert a.export(Path(tmp) / "a.jsonl") == a.count()
        b = GeocodeCache(Path(tmp) / "b.sqlite", negative_ttl=1e12)
        assert b.import_(Path(tmp) / "a.jsonl") == a.count()
        b.export(Path(tmp) / "b.jsonl")
        assert (Path(tmp) / "a.jsonl").read_text() == (Path(tmp) / "b.jsonl").read_text()
        for provider, query, hint, _answer, _answered in entries:
            ea, eb = a.lookup(provider, query, hint), b.lookup(provider, query, hint)
            assert ea is not None and eb is not None
            assert eb.answered == ea.answered
            assert [(x.address, x.point, x.raw) for x in eb.locations] == [
                (x.address, x.point, x.raw) for x in ea.locations
            ]
        a.close()
        b.close()


def test_an_export_of_the_first_version_imports(tmp_path) -> None:  # type: ignore[no-untyped-def]
    line = {
        "provider": "gazetteer",
        "query": "Dandong",
        "hint": "",
        "answer": [{"address": "Dandong", "lat": 40.1, "lon": 124.4, "raw": {"name": "Dandong"}}],
        "created": 1234.0,
    }
    (tmp_path / "v1.jsonl").write_text(json.dumps(line) + "\n")
    cache = GeocodeCache(tmp_path / "c.sqlite")
    assert cache.import_(tmp_path / "v1.jsonl") == 1
    entry = cache.lookup("gazetteer", "dandong")
    assert entry is not None and entry.answered == 1234.0
    assert entry.locations[0].raw == {"name": "Dandong"}
    cache.close()


WRITER = """
import sys, time
from geopy.location import Location
from geomap.gazetteer.cache import GeocodeCache

cache = GeocodeCache(sys.argv[1])
who, n, size = sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
for i in range(n):
    q = f"{who}-{i}"
    # a payload large enough to span many database pages
    raw = {"q": q, "blob": q * (size // len(q))}
    cache.put("test", q, [Location(q, (i % 90, i % 180), raw)] * 3)
    print(i, flush=True)
cache.close()
"""


def _check_entries(path: Path) -> int:
    """Every row is whole: it decodes and its content matches its key."""
    con = sqlite3.connect(path)
    assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    n = 0
    for query, answer, payload in con.execute(
        "SELECT query, answer, payload FROM geocode_cache WHERE provider='test'"
    ):
        items, raws = json.loads(answer), json.loads(payload)
        assert len(items) == len(raws) == 3, query
        assert all(name_key(r["q"]) == query and r["blob"].startswith(r["q"]) for r in raws)
        n += 1
    con.close()
    return n


def test_two_processes_write_the_same_cache_at_once(tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "c.sqlite"
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", WRITER, str(path), who, "300", "2000"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        for who in ("a", "b")
    ]
    for p in procs:
        _, err = p.communicate(timeout=120)
        assert p.returncode == 0, err
        assert "locked" not in err
    assert _check_entries(path) == 600


def test_sigkill_mid_write_leaves_no_half_entry(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """Kill a writer of large entries at random moments, again and again: the file always
    opens, passes SQLite's integrity check and holds only whole entries."""
    path = tmp_path / "c.sqlite"
    rng = random.Random(7)
    total = 0
    for round_ in range(8):
        proc = subprocess.Popen(
            [sys.executable, "-c", WRITER, str(path), f"r{round_}", "100000", "200000"],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        assert proc.stdout is not None
        proc.stdout.readline()  # it has written at least one entry
        time.sleep(rng.uniform(0.0, 0.3))
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=30)
        assert proc.returncode == -signal.SIGKILL
        n = _check_entries(path)
        assert n > total  # every round added whole entries and lost none of the earlier ones
        total = n
    cache = GeocodeCache(path)  # and the cache itself opens and writes
    cache.put("test", "after", None)
    assert cache.count() == total + 1
    cache.close()


def test_gazetteer_answers_older_than_the_index_are_asked_again(settings) -> None:  # type: ignore[no-untyped-def]
    """A rebuilt gazetteer index makes the answers cached from the old one stale."""
    stale = GeocodeCache(settings.cache_path)
    wrong = Location("Dandong, XX", (0.5, 0.5), {"gazetteer_id": "stale:1", "name": "Dandong"})
    stale.put("gazetteer", "Dandong", wrong, answered=1.0)  # long before any index was built
    stale.close()
    pipeline = Pipeline(settings)
    found = pipeline.geocode("Dandong")
    pipeline.close()
    assert found[0].raw["gazetteer_id"] != "stale:1" and 39 < found[0].latitude < 41
    fresh = GeocodeCache(settings.cache_path).lookup("gazetteer", "dandong")
    assert fresh is not None and fresh.answered > 1.0  # replaced, not served
