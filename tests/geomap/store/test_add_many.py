"""``Store.add_many``: several documents in one transaction leave the store exactly as adding
them one by one does (merged features, their order, counts, extents, property names), with
re-extractions, repeats and corrections among them, on both backends."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from geomap.features.corrections import Correction
from geomap.features.features import LAYERS
from geomap.reports.text import read_document
from geomap.settings import Settings
from geomap.store.backends import open_store
from geomap.store.base import Addition, Store

from ...conftest import ROOT, SEED, backend_store

REPORTS = [SEED, *sorted((ROOT / "tests" / "data").glob("*/*.txt"))]


@pytest.fixture(scope="module")
def additions(gazetteer_path: Path, tmp_path_factory: pytest.TempPathFactory) -> list[Addition]:
    """Every test report, then: one given again, one re-extracted with fewer features (so
    merged features lose a report, or their last one, and rowids are given again), one
    re-extracted with the features of another report, and the seed under another name with
    one place moved far away (so a merged feature's position and the layer's extent change)."""
    from geomap.pipeline import Pipeline

    tmp = tmp_path_factory.mktemp("extract")
    pipeline = Pipeline(Settings(cache=tmp / "cache.sqlite", gazetteer=gazetteer_path))
    try:
        out = [Addition(*_extracted(pipeline, path), "x") for path in REPORTS]
    finally:
        pipeline.close()
    assert len(out) > 6
    fewer = {name: items[: len(items) // 2] for name, items in out[2].features.items()}
    seed = out[0]
    far = [dict(f, geometry={"type": "Point", "coordinates": [179.5, -89.0]}) for f in
           seed.features["places"][:1]]  # fmt: skip
    moved = {**seed.features, "places": far + seed.features["places"][1:]}
    twin = replace(seed.document, id="another-" + seed.document.id, path="twin.txt")
    return [
        *out,
        out[1],  # a repeat: not added again
        Addition(out[2].document, fewer, "y", replace=True),
        Addition(out[4].document, out[5].features, "y", replace=True),
        Addition(twin, moved, "x"),
        out[3],
    ]


def _extracted(pipeline: Any, path: Path) -> tuple[Any, dict[str, list[dict[str, Any]]]]:
    doc = read_document(path)
    return doc, pipeline.features(doc)


def _add(store: Store, a: Addition) -> bool:
    return store.add(a.document, a.features, a.extractor, replace=a.replace)


def _seen(store: Store) -> dict[str, Any]:
    """Everything a reader sees: the layers in order, counts, each layer's stats."""
    out: dict[str, Any] = {name: store.layer(name) for name in LAYERS}
    out["counts"] = store.counts()
    out["stats"] = [store.layer_stats(name) for name in LAYERS]
    return out


def _tables(path: str) -> dict[str, list[tuple[Any, ...]]]:
    """The SQLite store's tables of merged items, their indexes and reports, row by row."""
    con = sqlite3.connect(path)
    try:
        return {
            table: con.execute(f"SELECT * FROM {table} ORDER BY 1, 2").fetchall()
            for table in ("items", "items_space", "items_time", "hidden", "stats", "features")
        }
    finally:
        con.close()


def _pg_tables(url: str) -> dict[str, list[tuple[Any, ...]]]:
    """The PostGIS store's rows: merged items (geometry as text, every column that a read
    uses), stats and reports, row by row (the documents' ingest times left out)."""
    import psycopg

    with psycopg.connect(url) as con:
        return {
            "items": con.execute(
                "SELECT seq, layer, id, ST_AsText(geom), t0, t1, event_type, actor1, actor2,"
                " actor, country_code, tile::text, lvl, feature, merge_state, n_sources,"
                " geo_precision FROM geomap.items ORDER BY seq"
            ).fetchall(),
            "stats": con.execute("SELECT * FROM geomap.stats ORDER BY name").fetchall(),
            "features": con.execute("SELECT * FROM geomap.features ORDER BY seq").fetchall(),
            "documents": con.execute(
                "SELECT id, path, extractor FROM geomap.documents ORDER BY id"
            ).fetchall(),
        }


@pytest.mark.parametrize("backend", ["sqlite", "postgis"])
@pytest.mark.parametrize("size", [3, 100])
def test_add_many_ends_as_adding_one_by_one(
    request: pytest.FixtureRequest,
    additions: list[Addition],
    gazetteer_path: Path,
    tmp_path: Path,
    backend: str,
    size: int,
) -> None:
    stores = {}
    for how in ("one", "many"):
        folder = tmp_path / how
        folder.mkdir()
        stores[how] = open_store(
            Settings(store=backend_store(request, backend, folder), gazetteer=gazetteer_path)
        )
    one, many = stores["one"], stores["many"]
    try:
        expected = [_add(one, a) for a in additions]
        got: list[bool] = []
        for i in range(0, len(additions), size):
            got.extend(many.add_many(additions[i : i + size]))
        assert got == expected
        assert expected.count(False) == 2  # the repeats
        seen = _seen(one)
        assert any(f["properties"]["n_sources"] > 1 for f in seen["incidents"])  # merged
        assert _seen(many) == seen
        assert many.add_many([]) == []
        if backend == "sqlite":
            assert _tables(str(one.path)) == _tables(str(many.path))  # type: ignore[attr-defined]
        else:
            assert _pg_tables(one.url) == _pg_tables(many.url)  # type: ignore[attr-defined]
    finally:
        one.close()
        many.close()


def test_add_many_applies_the_stored_corrections_as_add_does(
    additions: list[Addition], tmp_path: Path
) -> None:
    from geomap.store.sqlite import SQLiteStore

    stores = [SQLiteStore(tmp_path / "one.sqlite"), SQLiteStore(tmp_path / "many.sqlite")]
    try:
        for store in stores:
            _add(store, additions[0])
        incident = stores[0].layer("incidents")[0]
        place = stores[0].layer("places")[0]
        corrections = [
            Correction("incidents", incident["id"], "hide", author="analyst"),
            Correction("places", place["id"], "move", new={"lon": 10.5, "lat": 20.25}),
        ]
        for store in stores:
            store.add_corrections(corrections)
        rest = additions[1:]
        for a in rest:
            _add(stores[0], a)
        stores[1].add_many(rest)
        assert _seen(stores[1]) == _seen(stores[0])
        assert _tables(str(stores[0].path)) == _tables(str(stores[1].path))
        assert all(f["id"] != incident["id"] for f in stores[1].layer("incidents"))  # hidden
    finally:
        for store in stores:
            store.close()
