"""`geomap store migrate|stats`, `geomap serve` refusing a store it cannot read, and `geomap
export` streaming from a read-only store, run through the installed entry point."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from geomap.store.migrations import SCHEMA_VERSION
from geomap.store.sqlite import SQLiteStore

from ..synthetic import invented_document, invented_feature
from .test_cli import run


def version_3_store(path: Path) -> None:
    """A store as geomap wrote it before features were merged at write time."""
    con = sqlite3.connect(path)
    con.executescript(
        """
        CREATE TABLE documents(id TEXT PRIMARY KEY, path TEXT, title TEXT, author TEXT,
            publisher TEXT, published TEXT, text TEXT NOT NULL, ingested REAL NOT NULL,
            extractor TEXT NOT NULL DEFAULT '');
        CREATE TABLE features(id TEXT NOT NULL, layer TEXT NOT NULL, document_id TEXT NOT NULL
            REFERENCES documents(id) ON DELETE CASCADE, feature TEXT NOT NULL,
            PRIMARY KEY (layer, id, document_id));
        CREATE INDEX features_document ON features(document_id);
        PRAGMA user_version=3;
        """
    )
    for doc in ("a", "b"):
        con.execute("INSERT INTO documents VALUES (?, ?, NULL, NULL, NULL, NULL, 'x', 0, '')",
                    (doc, f"{doc}.txt"))  # fmt: skip
        for i in range(5):  # both report incidents 0-4
            f = invented_feature("incidents", i, doc, confidence=40 + i)
            con.execute("INSERT INTO features VALUES (?, 'incidents', ?, ?)",
                        (f["id"], doc, json.dumps(f)))  # fmt: skip
    con.commit()
    con.close()


def test_store_migrate_then_stats(geomap_exe: str, env, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    store = tmp_path / "old.sqlite"
    version_3_store(store)
    env = dict(env, GEOMAP_STORE=str(store))
    stats = run(geomap_exe, "store", "stats", env=env)
    assert stats.returncode == 2 and "geomap store migrate" in stats.stderr  # readers refuse
    out = run(geomap_exe, "store", "migrate", env=env)
    assert out.returncode == 0, out.stderr
    assert f"migrated from schema 3 to {SCHEMA_VERSION}" in out.stderr
    again = run(geomap_exe, "store", "migrate", env=env)
    assert f"already at schema {SCHEMA_VERSION}" in again.stderr
    reader = SQLiteStore(store, readonly=True)
    merged = reader.layer("incidents")
    reader.close()
    assert [f["properties"]["n_sources"] for f in merged] == [2] * 5
    stats = run(geomap_exe, "store", "stats", "--check", env=env)
    assert stats.returncode == 0, stats.stderr
    lines = stats.stdout.splitlines()
    assert "documents    2" in lines and f"schema       {SCHEMA_VERSION}" in lines
    assert any(line.split()[:2] == ["incidents", "5"] for line in lines)
    assert "planner statistics present" in stats.stdout  # migrate ran ANALYZE
    assert "indexes agree with the rows (full check: ok)" in stats.stdout


def test_store_and_cache_flags_also_after_the_subcommand(
    geomap_exe: str, env, seed_copy: Path, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    """``geomap store stats --store S`` (as every other command takes ``--store``) names the
    store as ``geomap store --store S stats`` does; ``cache stats --cache C`` likewise."""
    store, cache = tmp_path / "mine.sqlite", tmp_path / "mine-cache.sqlite"
    out = run(geomap_exe, "ingest", str(seed_copy), "--store", str(store), "--cache", str(cache),
              env=env)  # fmt: skip
    assert out.returncode == 0, out.stderr
    assert not Path(env["GEOMAP_STORE"]).exists()  # the environment names another store
    forms = [
        ["store", "stats", "--store", str(store)],
        ["store", "--store", str(store), "stats"],
        ["store", "--store", "elsewhere.sqlite", "stats", "--store", str(store)],  # last wins
    ]
    for argv in forms:
        stats = run(geomap_exe, *argv, env=env)
        assert stats.returncode == 0, (argv, stats.stderr)
        assert f"store        {store}" in stats.stdout.splitlines()
    # a store just ingested has no planner statistics, and needs none: not told to migrate
    assert "planner statistics not gathered (queries do not need them" in stats.stdout
    out = run(geomap_exe, "store", "migrate", "--store", str(store), env=env)
    assert out.returncode == 0 and f"{store}: already at schema {SCHEMA_VERSION}" in out.stderr
    out = run(geomap_exe, "cache", "stats", "--cache", str(cache), env=env)
    assert out.returncode == 0, out.stderr
    assert out.stdout.splitlines()[1].split()[0] == "gazetteer"  # the ingest's entries


def test_a_store_url_of_another_kind_is_one_line(
    geomap_exe: str, env, seed_copy: Path, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    """``mysql://…`` or ``sqlite:///…`` is refused naming the kinds geomap opens (it was taken
    for a file name: "no store here yet", or an ingest into a folder named ``mysql:``), and
    the password is not printed."""
    for argv in (
        ["store", "stats", "--store", "mysql://analyst:s3cret@db.example/geomap"],
        ["ingest", str(seed_copy), "--store", "sqlite:///geomap.sqlite"],
    ):
        out = run(geomap_exe, *argv, env=env, cwd=tmp_path)
        assert out.returncode == 2, out.stderr
        scheme = argv[-1].split("://")[0]
        assert out.stderr.splitlines() == [
            f"geomap: error: GEOMAP_STORE / --store: {scheme}://… is not a store geomap opens:"
            " give a SQLite file or a postgresql://USER:PASS@HOST:PORT/DB URL"
        ]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["seeds"]  # nothing written


def test_a_folder_named_as_the_store_is_one_line(
    geomap_exe: str, env, seed_copy: Path, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    """Every command says the store is a folder (was "unable to open database file", or "no
    store here yet" for a folder that is there)."""
    folder = tmp_path / "stores"
    folder.mkdir()
    for argv in (
        ["ingest", str(seed_copy)],
        ["export", "--layer", "places", "--format", "csv"],
        ["store", "stats"],
        ["serve", "--port", "1"],
        ["remove", str(seed_copy)],
    ):
        out = run(geomap_exe, *argv, "--store", str(folder), env=env)
        assert out.returncode == 2, argv
        assert out.stderr.splitlines() == [
            f"geomap: error: {folder}: a folder, not a store file: name the file"
            " (e.g. geomap.sqlite in it)"
        ], argv
    assert list(folder.iterdir()) == []


def test_store_stats_names_an_index_out_of_step(geomap_exe: str, env, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    store = tmp_path / "store.sqlite"
    writer = SQLiteStore(store)
    writer.add(invented_document("a"), {"incidents": [invented_feature("incidents", 3, "a")]})
    writer.close()
    con = sqlite3.connect(store)
    con.execute("DELETE FROM items_space")
    con.commit()
    con.close()
    out = run(geomap_exe, "store", "stats", env=dict(env, GEOMAP_STORE=str(store)))
    assert out.returncode == 2
    assert "spatial index: 0 entries for 1 geometries" in out.stderr


def test_serve_refuses_a_newer_or_missing_store_in_one_line(
    geomap_exe: str, env, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    store = tmp_path / "newer.sqlite"
    SQLiteStore(store).close()
    con = sqlite3.connect(store)
    con.execute("PRAGMA user_version=99")
    con.commit()
    con.close()
    out = run(geomap_exe, "serve", "--port", "1", env=dict(env, GEOMAP_STORE=str(store)))
    assert out.returncode == 2 and "Traceback" not in out.stderr
    assert "newer geomap" in out.stderr and len(out.stderr.strip().splitlines()) == 1
    missing = tmp_path / "none" / "store.sqlite"
    out = run(geomap_exe, "serve", "--port", "1", env=dict(env, GEOMAP_STORE=str(missing)))
    assert out.returncode == 2 and "run `geomap ingest` first" in out.stderr
    assert not missing.parent.exists()


def test_serve_migrates_an_older_store_at_start(geomap_exe: str, env, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from ..conftest import http_get, running_server

    store = tmp_path / "old.sqlite"
    version_3_store(store)
    with running_server(geomap_exe, dict(env, GEOMAP_STORE=str(store))) as base:
        status, _, body = http_get(base + "/collections/incidents/items")
    assert status == 200 and json.loads(body)["numberMatched"] == 5


def test_export_streams_from_a_read_only_store(geomap_exe: str, env, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    store = tmp_path / "store.sqlite"
    writer = SQLiteStore(store)
    for d in range(3):
        doc = f"d{d}"
        reported = [invented_feature("incidents", i, doc) for i in range(d * 40, d * 40 + 60)]
        writer.add(invented_document(doc), {"incidents": reported})
    expected = writer.layer("incidents")
    writer.close()
    before = store.stat().st_mtime_ns
    env = dict(env, GEOMAP_STORE=str(store))
    out = run(geomap_exe, "export", "--layer", "incidents", "--format", "geojson", env=env)
    assert out.returncode == 0, out.stderr
    fc = json.loads(out.stdout)
    assert fc["name"] == "incidents" and fc["features"] == expected
    target = tmp_path / "incidents.csv"
    out = run(geomap_exe, "export", "--layer", "incidents", "-o", str(target),
              "--datetime", "2021-03-01/..", env=env)  # fmt: skip
    assert out.returncode == 0, out.stderr
    rows = target.read_text().splitlines()[1:]
    dated = [f for f in expected if (f["properties"]["date_end"] or "") >= "2021-03-01"]
    assert len(rows) == len(dated) and f"wrote {len(dated)} incidents" in out.stderr
    assert store.stat().st_mtime_ns == before
