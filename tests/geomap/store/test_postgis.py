"""What only the PostGIS store has: a shared database that several ingest processes and servers
use at once, its schema and migrations, and a clear error for what is not a geomap database.
The queries themselves are checked on both backends in test_backends.py and tests/api."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import threading
import time
from collections import Counter
from pathlib import Path
from typing import Any

import psycopg
import pytest

from geomap.errors import StoreError
from geomap.features.features import LAYERS
from geomap.settings import Settings
from geomap.store import pg_migrations
from geomap.store.postgis import PostGISStore, redact

from ...conftest import ROOT, SEED, http_get, running_server
from ...support.postgres import PostgresCluster

REPORTS = [SEED, *sorted((ROOT / "tests" / "data").glob("*/*.txt"))]


def _env(url: str, tmp: Path, gazetteer: Path) -> dict[str, str]:
    return dict(
        os.environ,
        GEOMAP_STORE=url,
        GEOMAP_CACHE=str(tmp / "cache.sqlite"),
        GEOMAP_GAZETTEER=str(gazetteer),
    )


def test_several_ingests_and_servers_on_one_database_lose_nothing(
    postgis_url: str, tmp_path: Path, gazetteer_path: Path, geomap_exe: str
) -> None:
    # three folders that overlap: every report is in two of them, in different orders, so the
    # same documents and the same events arrive from several processes at once
    folders = [tmp_path / f"part{i}" for i in range(3)]
    for i, folder in enumerate(folders):
        folder.mkdir()
        for j, path in enumerate(REPORTS):
            if j % 3 != i:  # in two folders of three
                order = j if i != 1 else len(REPORTS) - j
                shutil.copy(path, folder / f"{order:03d}-{path.name}")
    env = _env(postgis_url, tmp_path, gazetteer_path)
    seen: list[dict[str, Any]] = []
    errors: list[str] = []
    stop = threading.Event()

    def watch(base: str) -> None:
        # a reader polling while the writers write: every page is whole, never a duplicate
        while not stop.is_set():
            for layer in LAYERS:
                status, _, body = http_get(f"{base}/collections/{layer}/items?limit=1000")
                if status != 200:
                    errors.append(f"{layer}: {status} {body[:200]!r}")
                    continue
                page = json.loads(body)
                ids = [f["id"] for f in page["features"]]
                if len(ids) != len(set(ids)):
                    errors.append(f"{layer}: a page with a duplicate id")
                seen.append({"layer": layer, "n": len(ids)})
            time.sleep(0.05)

    with running_server(geomap_exe, env) as a, running_server(geomap_exe, env) as b:
        watchers = [threading.Thread(target=watch, args=(base,)) for base in (a, b)]
        for w in watchers:
            w.start()
        procs = [
            subprocess.Popen(
                [geomap_exe, "ingest", str(folder), "--jobs", "1"],
                env=env,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            )
            for folder in folders
        ]
        outs = [p.communicate(timeout=900) for p in procs]
        stop.set()
        for w in watchers:
            w.join(timeout=60)
    for proc, (_, err) in zip(procs, outs, strict=True):
        assert proc.returncode == 0, err
    assert not errors, errors[:5]
    assert len(seen) > 6  # the servers answered while the ingests ran

    store = PostGISStore(postgis_url, readonly=True)
    try:
        assert store.counts()["documents"] == len(REPORTS)
        with psycopg.connect(postgis_url) as con:
            # one merged feature per id, merging every document that reported it
            dupes = con.execute(
                "SELECT layer, id, count(*) FROM geomap.items"
                " GROUP BY layer, id HAVING count(*) > 1"
            ).fetchall()
            assert dupes == []
            reports = Counter(
                (layer, fid)
                for layer, fid, _ in con.execute(
                    "SELECT DISTINCT layer, id, document_id FROM geomap.features"
                ).fetchall()
            )
        for layer in LAYERS:
            features = store.layer(layer)
            assert len(features) == len({k for k in reports if k[0] == layer})
            for f in features:
                props = f["properties"]
                documents = props["document_ids"].split(";")
                assert len(documents) == len(set(documents)) == props["n_sources"]
                assert props["n_sources"] == reports[(layer, str(f["id"]))]
        merged = [f for f in store.layer("incidents") if f["properties"]["n_sources"] > 1]
        assert merged  # reports of the same events from several documents were merged
        health = store.health()  # type: ignore[attr-defined]
        assert health["problems"] == []
    finally:
        store.close()


def test_two_writers_create_the_schema_at_once(postgis_url: str) -> None:
    results: list[Any] = []

    def open_writer() -> None:
        try:
            store = PostGISStore(postgis_url)
            results.append(store.migrated_from)
            store.close()
        except Exception as exc:  # noqa: BLE001 - reported below
            results.append(exc)

    threads = [threading.Thread(target=open_writer) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not [r for r in results if isinstance(r, Exception)], results
    # one created it; the others found it current
    assert sorted(results) == [0, *[pg_migrations.SCHEMA_VERSION] * 3]


def test_a_reader_never_writes_and_refuses_an_uncreated_schema(postgis_url: str) -> None:
    with pytest.raises(StoreError) as err:
        PostGISStore(postgis_url, readonly=True)
    assert "no geomap schema yet" in str(err.value)
    with psycopg.connect(postgis_url) as con:  # and it created nothing
        assert con.execute("SELECT to_regnamespace('geomap')").fetchone() == (None,)
    PostGISStore(postgis_url).close()
    reader = PostGISStore(postgis_url, readonly=True)
    try:
        with pytest.raises(StoreError):
            reader.add  # noqa: B018 - the attribute exists ...
            reader.remove("nothing")  # ... but a reader cannot write
    finally:
        reader.close()


def test_a_newer_schema_is_a_clear_error(postgis_url: str) -> None:
    PostGISStore(postgis_url).close()
    with psycopg.connect(postgis_url, autocommit=True) as con:
        con.execute("UPDATE geomap.meta SET value = '99' WHERE key = 'schema'")
    for readonly in (False, True):
        with pytest.raises(StoreError) as err:
            PostGISStore(postgis_url, readonly=readonly)
        assert "newer geomap" in str(err.value)


def test_errors_name_the_database_without_its_password(postgres: PostgresCluster) -> None:
    url = f"postgresql://postgres:s3cret@127.0.0.1:{postgres.port}/no_such_database"
    for readonly in (False, True):
        with pytest.raises(StoreError) as err:
            PostGISStore(url, readonly=readonly)
        text = str(err.value)
        assert "s3cret" not in text and "no_such_database" in text
        # the server's own reason, also for a reader (not the pool's retrying timeout)
        assert "does not exist" in text and "pool" not in text
    assert redact(url) == f"postgresql://postgres:***@127.0.0.1:{postgres.port}/no_such_database"


def test_a_database_without_postgis_gets_it_when_allowed(postgres: PostgresCluster) -> None:
    url = postgres.create_database(postgis=False)
    store = PostGISStore(url)  # the test cluster's user may create extensions
    store.close()
    with psycopg.connect(url) as con:
        assert con.execute("SELECT 1 FROM pg_extension WHERE extname = 'postgis'").fetchone()
        version = con.execute("SELECT value FROM geomap.meta WHERE key='schema'").fetchone()
    assert version == (str(pg_migrations.SCHEMA_VERSION),)


def test_geomap_store_commands_on_postgis(
    postgis_url: str, tmp_path: Path, gazetteer_path: Path, geomap_exe: str
) -> None:
    env = _env(postgis_url, tmp_path, gazetteer_path)
    out = subprocess.run(
        [geomap_exe, "store", "migrate"], env=env, capture_output=True, text=True, timeout=120
    )
    assert out.returncode == 0, out.stderr
    assert "migrated" in out.stderr and "from schema 0" in out.stderr
    out = subprocess.run(
        [geomap_exe, "ingest", str(SEED)], env=env, capture_output=True, text=True, timeout=300
    )
    assert out.returncode == 0, out.stderr
    assert "ingested 1 new" in out.stderr
    stats = subprocess.run(
        [geomap_exe, "store", "stats"], env=env, capture_output=True, text=True, timeout=120
    )
    assert stats.returncode == 0, stats.stderr
    assert "documents    1" in stats.stdout and "indexes agree" in stats.stdout
    # the same queries over HTTP as the SQLite store would answer
    with running_server(geomap_exe, env) as base:
        status, headers, body = http_get(base + "/collections/incidents/items?limit=5")
    assert status == 200 and json.loads(body)["numberMatched"] > 0
    assert Settings(store=postgis_url).store_url == postgis_url


def test_a_rebuild_merges_every_report_again_to_the_same_items(
    postgis_url: str, gazetteer_path: Path, tmp_path: Path
) -> None:
    from geomap.pipeline import Pipeline
    from geomap.reports.text import read_document
    from geomap.store.postgis import rebuild_items

    store = PostGISStore(postgis_url)
    pipeline = Pipeline(Settings(cache=tmp_path / "cache.sqlite", gazetteer=gazetteer_path))
    try:
        for path in REPORTS[:12]:
            doc = read_document(path)
            store.add(doc, pipeline.features(doc))
        store.remove(read_document(REPORTS[2]).id)
        before = {name: store.layer(name) for name in LAYERS}
        stats = {name: store.layer_stats(name) for name in LAYERS}
        with psycopg.connect(postgis_url) as con:
            with con.cursor() as cur:
                rebuild_items(cur, batch=7)  # several batches
            con.commit()
        assert {name: store.layer(name) for name in LAYERS} == before
        assert {name: store.layer_stats(name) for name in LAYERS} == stats
        assert store.health()["problems"] == []  # type: ignore[attr-defined]
    finally:
        pipeline.close()
        store.close()


def _incident(fid: str, lon: float, n_sources: Any) -> dict[str, Any]:
    return {
        "type": "Feature",
        "id": fid,
        "geometry": {"type": "Point", "coordinates": [lon, 10.0]},
        "properties": {"id": fid, "event_type": "protest", "n_sources": n_sources},
    }


def test_schema_1_gets_the_typed_columns_and_cql2_reads_them(postgis_url: str) -> None:
    from geomap.model import Document
    from geomap.store import cql2
    from geomap.store.base import Filter, Query

    store = PostGISStore(postgis_url)
    doc = Document(id="doc-typed", path="typed.txt", text="an invented report")
    features = [_incident("a", 1.0, 3), _incident("b", 2.0, 1), _incident("c", 3.0, "many")]
    assert store.add(doc, {"incidents": features}, "test")
    store.close()
    # the database as schema 1 left it: no typed columns, no index on them
    with psycopg.connect(postgis_url, autocommit=True) as con:
        con.execute("DROP INDEX geomap.items_n_sources")
        con.execute("ALTER TABLE geomap.items DROP COLUMN n_sources, DROP COLUMN geo_precision")
        con.execute("UPDATE geomap.meta SET value = '1' WHERE key = 'schema'")
    with pytest.raises(StoreError, match="has schema 1"):
        PostGISStore(postgis_url, readonly=True)
    writer = PostGISStore(postgis_url)
    assert writer.migrated_from == 1
    writer.close()
    reader = PostGISStore(postgis_url, readonly=True)
    try:
        text = "n_sources > 1"
        found = reader.select(Query("incidents", where=(Filter(cql2.parse(text), text),)))
        assert [f["id"] for f in found.decoded()] == ["a"] and found.matched == 1
        text = "n_sources >= 1 AND geo_precision IS NULL"
        found = reader.select(Query("incidents", where=(Filter(cql2.parse(text), text),)))
        assert sorted(f["id"] for f in found.decoded()) == ["a", "b"]  # "many" is no number
    finally:
        reader.close()
    with psycopg.connect(postgis_url) as con:
        rows = con.execute("SELECT id, n_sources FROM geomap.items ORDER BY id").fetchall()
    assert rows == [("a", 3.0), ("b", 1.0), ("c", None)]


def test_a_reader_sends_a_remembered_page_as_one_statement_and_sees_every_write(
    postgis_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A reader builds a page as one text in PostgreSQL: the same features, in order, cut at
    the right bytes (names outside ASCII included). Once it knows a query's count for the
    store's version, the page is one statement outside any transaction; a write moves the
    version, and the next page is counted again in the snapshot it is read from."""
    from geomap.store.base import Query

    from ...synthetic import invented_document, invented_feature

    def feature(i: int, doc: str) -> dict[str, Any]:
        f = invented_feature("incidents", i, doc)
        f["properties"]["actor1"] = f"Brigade Ñandú-{i} « été » 東"  # invented, multi-byte
        f["geometry"]["coordinates"] = [10 + i * 0.01, 20.0]
        return f

    writer = PostGISStore(postgis_url)
    reader = PostGISStore(postgis_url, readonly=True)
    try:
        assert writer.add(
            invented_document("a"), {"incidents": [feature(i, "a") for i in range(30)]}
        )
        boxed = Query("incidents", bbox=(9.0, 19.0, 12.0, 21.0), limit=7)
        first = reader.select(boxed)  # counted, in a transaction
        assert first.matched == 30 and first.returned == 7 and first.joined is not None
        texts = [json.loads(t) for t in first.features]
        assert [f["id"] for f in texts] == [f"incidents-{i}" for i in range(7)]
        assert texts[3]["properties"]["actor1"] == "Brigade Ñandú-3 « été » 東"
        assert first.joined == ",".join(first.features).encode()
        nothing = Query("incidents", bbox=(-5.0, -5.0, -4.0, -4.0), limit=3)
        assert reader.select(nothing).matched == 0

        def no_transaction() -> Any:
            raise AssertionError("a remembered page opened a transaction")

        with monkeypatch.context() as m:
            m.setattr(reader, "_reading", no_transaction)
            again = reader.select(boxed)
            assert again == first and again.joined == first.joined and again.matched == 30
            assert again.next == first.next is not None
            whole = reader.select(Query("incidents", limit=2))  # the layer's size, read with it
            assert whole.matched == 30 and whole.returned == 2
            empty = reader.select(nothing)
            assert empty.matched == empty.returned == 0 and empty.features == []

        assert writer.add(
            invented_document("b"), {"incidents": [feature(i, "b") for i in range(30, 35)]}
        )
        after = reader.select(boxed)
        assert after.matched == 35 and after.features == first.features
        assert reader.select(Query("incidents", limit=2)).matched == 35
    finally:
        reader.close()
        writer.close()


def test_only_a_page_read_by_cell_is_prepared(postgis_url: str) -> None:
    """A page of a small box (its plan fixed by the statement) becomes a prepared statement on
    its connection; a page by dates or a count never does, so PostgreSQL plans it for its own
    values each time instead of falling back to a generic plan that may read the whole layer."""
    from datetime import date

    from geomap.store.base import Query

    from ...synthetic import invented_document, invented_feature

    writer = PostGISStore(postgis_url)
    reader = PostGISStore(postgis_url, readonly=True, readers=1)  # one connection
    try:
        features = [invented_feature("incidents", i, "a") for i in range(40)]
        assert writer.add(invented_document("a"), {"incidents": features})

        def prepared() -> list[str]:
            """The prepared statements reading items (the store's version reads stats only)."""
            with reader._pool.connection() as con:
                rows = con.execute("SELECT statement FROM pg_prepared_statements").fetchall()
            return [r[0] for r in rows if "geomap.items" in r[0]]

        dated = Query("incidents", start=date(2021, 1, 1), end=date(2021, 6, 30), limit=5)
        for _ in range(6):
            reader.select(dated)
            reader.count(dated)
        assert prepared() == []
        boxed = Query("incidents", bbox=(0.0, 0.0, 1.0, 1.0), limit=5)
        for _ in range(6):
            reader.select(boxed)
        assert len(prepared()) == 1 and "cell(" in prepared()[0]
    finally:
        reader.close()
        writer.close()
