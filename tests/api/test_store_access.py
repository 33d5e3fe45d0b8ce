"""How the server reads its store: once per process, read-only, never writing; a store nobody
may write, or whose writer holds a lock, is served; another schema version is one clear error
without a local path; unbounded answers stream; /map embeds a bounded subset and says so."""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import sqlite3
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from api.geojson import CHUNK
from api.main import create_app
from geomap.features.features import LAYERS
from geomap.settings import Settings
from geomap.store.sqlite import SQLiteStore

from ..synthetic import invented_document, invented_feature

N = CHUNK * 2 + 37  # incidents: more than two chunks of a stream


def fill(path: Path, n: int = N) -> None:
    store = SQLiteStore(path)
    for d in range(0, n, 50):
        doc = f"doc{d:05d}"
        store.add(
            invented_document(doc),
            {
                "incidents": [
                    invented_feature("incidents", i, doc) for i in range(d, min(n, d + 50))
                ],
                "places": [invented_feature("places", d // 50, doc)],
                "movements": [invented_feature("movements", d // 50, doc)],
            },
        )
    store.close()


@pytest.fixture(scope="module")
def store_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("access") / "store.sqlite"
    fill(path)
    return path


def app_settings(path: Path, **extra: Any) -> Settings:
    return Settings(data_dir=path.parent, store=path, **extra)


def fingerprint(path: Path) -> tuple[str, int, float]:
    return (
        hashlib.sha256(path.read_bytes()).hexdigest(),
        path.stat().st_size,
        path.stat().st_mtime,
    )


URLS = [
    "/healthz",
    "/layers",
    "/collections",
    "/collections/incidents",
    "/collections/incidents/items?limit=10&bbox=-180,-90,0,0",
    "/collections/incidents/items?datetime=2021-02-01/2021-03-01&event_type=attack",
    "/collections/incidents/items?actor=beta&limit=5",
    "/collections/incidents/items/incidents-3",
    "/collections/places/items?f=csv",
    "/incidents",
    "/layers/movements",
    "/map",
    "/export/incidents.geojson",
    "/export/all.gpkg",
]


def test_the_server_never_writes_its_store(store_path: Path) -> None:
    before = fingerprint(store_path)
    with TestClient(create_app(app_settings(store_path))) as client:
        for url in URLS:
            assert client.get(url).status_code == 200, url
        store = client.app.state.stores.get()  # type: ignore[attr-defined]
        with store._pool.connection() as con:  # one of the server's own connections
            with pytest.raises(sqlite3.OperationalError, match="readonly|read-only|query_only"):
                con.execute("UPDATE stats SET count = 0")
    assert fingerprint(store_path) == before


@contextlib.contextmanager
def unwritable(*paths: Path) -> Iterator[None]:
    """Make files and folders unwritable, even for root (the immutable attribute)."""
    if os.geteuid() != 0:
        modes = [(p, p.stat().st_mode) for p in paths]
        for p, mode in modes:
            p.chmod(mode & ~0o222)
        try:
            yield
        finally:
            for p, mode in modes:
                p.chmod(mode)
        return
    done = []
    try:
        for p in paths:
            out = subprocess.run(["chattr", "+i", str(p)], capture_output=True, text=True)
            if out.returncode != 0:
                pytest.skip(f"cannot make a file unwritable for root here: {out.stderr.strip()}")
            done.append(p)
        yield
    finally:
        for p in done:
            subprocess.run(["chattr", "-i", str(p)], check=True)


@pytest.mark.parametrize("folder_writable", [False, True])
def test_a_store_nobody_may_write_is_served(tmp_path: Path, folder_writable: bool) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    path = folder / "store.sqlite"
    fill(path, 60)
    frozen = [path] if folder_writable else [path, folder]
    with unwritable(*frozen):
        assert not os.access(path, os.W_OK)
        with TestClient(create_app(app_settings(path))) as client:
            r = client.get("/collections/incidents/items", params={"limit": 100})
            assert r.status_code == 200, r.text
            assert r.json()["numberMatched"] == 60
            assert client.get("/healthz").json()["documents"] == 2


def test_reads_go_on_while_a_writer_holds_the_lock(store_path: Path, tmp_path: Path) -> None:
    path = tmp_path / "busy.sqlite"
    fill(path, 60)
    writer = sqlite3.connect(path, isolation_level=None)
    writer.execute("BEGIN IMMEDIATE")
    writer.execute("DELETE FROM documents")
    try:
        with TestClient(create_app(app_settings(path))) as client:
            assert client.get("/healthz").json() == {"status": "ok", "documents": 2}
            r = client.get("/collections/incidents/items", params={"limit": 100})
            assert r.status_code == 200 and r.json()["numberMatched"] == 60
        assert writer.in_transaction  # the lock was held all along
    finally:
        writer.execute("ROLLBACK")
        writer.close()


def assert_clear_500(body: dict[str, Any], says: str, path: Path) -> None:
    assert body["code"] == "store_error" and says in body["description"]
    text = json.dumps(body)
    assert str(path.parent) not in text and "/" + path.name not in text  # no local path


def test_a_store_from_a_newer_geomap_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "newer.sqlite"
    fill(path, 10)
    con = sqlite3.connect(path)
    con.execute("PRAGMA user_version=99")
    con.commit()
    con.close()
    before = fingerprint(path)
    with TestClient(create_app(app_settings(path))) as client:
        r = client.get("/healthz")
        assert r.status_code == 500
        assert_clear_500(r.json(), "newer geomap", path)
    with pytest.raises(Exception, match="newer geomap") as info:
        SQLiteStore(path)  # a writer refuses it too, and changes nothing
    assert "upgrade geomap" in str(info.value)
    assert fingerprint(path) == before


def test_a_missing_store_is_an_error_and_is_not_created(tmp_path: Path) -> None:
    path = tmp_path / "nowhere" / "store.sqlite"
    with TestClient(create_app(app_settings(path))) as client:
        r = client.get("/collections/incidents/items")
        assert r.status_code == 500
        assert_clear_500(r.json(), "geomap ingest", path)
    assert not path.parent.exists()


def test_unbounded_answers_stream_valid_geojson(store_path: Path) -> None:
    store = SQLiteStore(store_path, readonly=True)
    everything = store.layer("incidents")
    store.close()
    with TestClient(create_app(app_settings(store_path))) as client:
        for url, offset in (("/incidents", 0), ("/layers/incidents?offset=100", 100)):
            r = client.get(url)
            assert r.status_code == 200 and r.headers["content-type"] == "application/geo+json"
            assert "content-length" not in r.headers  # streamed in chunks
            doc = json.loads(r.content)
            assert doc["type"] == "FeatureCollection" and doc["name"] == "incidents"
            assert doc["features"] == everything[offset:]
            assert doc["numberMatched"] == N and doc["numberReturned"] == N - offset
        empty = client.get("/incidents", params={"bbox": "0,0,0.0001,0.0001"}).json()
        assert empty["features"] == [] and empty["numberMatched"] == 0


def test_next_links_page_by_cursor(store_path: Path) -> None:
    with TestClient(create_app(app_settings(store_path))) as client:
        url: str | None = "/collections/incidents/items?limit=100&event_type=attack"
        seen: list[str] = []
        while url:
            doc = client.get(url).json()
            seen += [f["id"] for f in doc["features"]]
            nxt = [link["href"] for link in doc["links"] if link["rel"] == "next"]
            url = nxt[0] if nxt else None
            if url:
                assert "cursor=" in url and "event_type=attack" in url
        assert len(seen) == len(set(seen)) == doc["numberMatched"] > 100
        bad = client.get("/collections/incidents/items", params={"cursor": "nonsense"})
        assert bad.status_code == 400 and bad.json()["where"] == "cursor"


def test_the_map_draws_a_big_layer_from_tiles_and_says_so(store_path: Path) -> None:
    store = SQLiteStore(store_path, readonly=True)
    incidents = store.layer("incidents")
    store.close()
    with TestClient(create_app(app_settings(store_path, map_limit=25))) as client:
        html = client.get("/map", params={"actor": "police"}).text
        matched = sum(1 for f in incidents if "police" in (f["properties"]["actor1"] or "").lower()
                      or "police" in (f["properties"]["actor2"] or "").lower())  # fmt: skip
        assert matched > 25
        assert f"all {matched:,} incidents from vector tiles" in html
        assert not any(f'"{f["id"]}"' in html for f in incidents)  # none embedded
        assert "/collections/incidents/tiles/WebMercatorQuad/{z}/{x}/{y}" in html
        assert '"actor":"police"' in html.replace(" ", "")  # the page's filter goes to the tiles
        assert "Leaflet.VectorGrid.bundled.min.js" in html
        assert "geomap.tiles = " in html  # map_tiles.js
        # what an open page reloads agrees: the tiled layer stays empty, the notice says why
        live = client.get("/map/layers.json", params={"actor": "police"}).json()
        assert live["incidents"] == []
        assert f"all {matched:,} incidents from vector tiles" in live["notice"]
        # small layers are whole and a filter that leaves few features shows no notice
        narrow = client.get("/map", params={"event_type": "arrest", "start": "2021-02-01",
                                             "end": "2021-02-20"}).text  # fmt: skip
        assert "from vector tiles" not in narrow
        assert "Leaflet.VectorGrid.bundled.min.js" not in narrow
        assert "geomap.tiles = " not in narrow
    assert set(LAYERS) == {"places", "incidents", "movements"}


def test_at_the_thinned_scale_the_map_draws_every_layer_from_tiles(
    store_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from geomap import tiles

    store = SQLiteStore(store_path, readonly=True)
    counts = store.counts()
    store.close()
    assert 0 < counts["movements"] < counts["incidents"]
    with TestClient(create_app(app_settings(store_path, map_limit=counts["movements"]))) as client:
        html = client.get("/map").text  # the movements fit: embedded
        assert "/collections/movements/tiles/" not in html
        assert "/collections/incidents/tiles/" in html
        monkeypatch.setattr(tiles, "SAMPLE_ABOVE", counts["incidents"] - 1)  # as if huge
        html = client.get("/map").text
        for layer in LAYERS:
            assert f"/collections/{layer}/tiles/WebMercatorQuad/{{z}}/{{x}}/{{y}}" in html
        assert "an even sample" in html  # the notice says the incidents are thinned
        live = client.get("/map/layers.json").json()
        assert live["incidents"] == live["movements"] == live["places"] == []
