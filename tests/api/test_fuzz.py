"""Schemathesis against the real server: every operation of the OpenAPI document, every check,
a fixed seed and a bounded number of examples per operation, and no failure allowed.

The document is the one the server serves, with one change that states a rule of OGC API –
Features rather than weakens a check: ``limit``'s ``maximum`` (what QGIS reads to size its
pages) is the page size a larger limit is served as, not a bound on what clients may send,
so schemathesis is not told to expect a 400 above it (the clamping is asserted in
tests/api/routes/test_ogc.py).

A second such rule: what ``filter`` (a CQL2 expression) and ``sortby`` may name is the
queryables of the collection in the path, which one document for every collection cannot
tie to ``collectionId``; its ``filter`` is any string, since the CQL2 grammar is no regular
expression. The fuzzer is given, for those two, values every collection accepts (built from
the queryables the collections share, read from the server), all in cql2-text (so
``filter-lang`` is cql2-text: cql2-json and a filter in the other language are the route
tests'); the 400s for anything else are asserted in tests/api/routes/test_tiles.py. Both
backends are fuzzed."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from geomap.features.features import LAYERS
from geomap.reports.text import read_document
from geomap.settings import Settings
from geomap.store.backends import open_store

from ..conftest import SEED, backend_store, http_get, running_server
from ..synthetic import seed_synthetic

SEED_NUMBER = 20261130
EXAMPLES = 25  # per operation and phase; the run takes about a minute on an idle machine
SCHEMATHESIS = Path(sys.executable).parent / "schemathesis"


@pytest.fixture(scope="module", params=["sqlite", "postgis"])
def server(request, tmp_path_factory, gazetteer_path, geomap_exe, pipeline_factory):  # type: ignore[no-untyped-def]
    tmp = tmp_path_factory.mktemp("fuzz")
    settings = Settings(
        data_dir=tmp, store=backend_store(request, request.param, tmp),
        cache=tmp / "cache.sqlite", gazetteer=gazetteer_path,
    )  # fmt: skip
    store = open_store(settings)
    doc = read_document(SEED)
    store.add(doc, pipeline_factory(settings).features(doc))
    templates = {name: store.layer(name)[0] for name in LAYERS}
    seed_synthetic(store, templates, {"places": 30, "incidents": 120, "movements": 20})
    store.close()
    env = dict(
        os.environ,
        GEOMAP_STORE=str(settings.store),
        GEOMAP_CACHE=str(settings.cache_path),
        GEOMAP_GAZETTEER=str(gazetteer_path),
    )
    with running_server(geomap_exe, env) as base:
        yield base, tmp


def test_schemathesis_finds_no_failure(server) -> None:  # type: ignore[no-untyped-def]
    base, tmp = server
    status, _, body = http_get(base + "/openapi.json")
    assert status == 200
    spec = json.loads(body)
    limit = spec["components"]["parameters"]["limit"]["schema"]
    assert limit.pop("maximum") == 10_000  # see the module's docstring
    params = spec["components"]["parameters"]
    params["filter"]["schema"] = {"type": "string", "enum": _shared_filters(base)}
    params["sortby"]["schema"] = {"type": "string", "enum": _shared_sortby(base)}
    params["filter-lang"]["schema"] = {"type": "string", "enum": ["cql2-text", "CQL2-Text"]}
    path = tmp / "openapi.json"
    path.write_text(json.dumps(spec), encoding="utf-8")
    operations = sum(len(item) for item in spec["paths"].values())
    assert operations >= 12
    run = subprocess.run(
        [
            str(SCHEMATHESIS),
            "run",
            str(path),
            "--url",
            base,
            "--checks",
            "all",
            "--mode",
            "all",
            "--seed",
            str(SEED_NUMBER),
            "--max-examples",
            str(EXAMPLES),
            "--workers",
            "1",
            "--generation-database",
            "none",
            "--no-color",
            "--request-timeout",
            "120",
        ],  # fmt: skip
        cwd=tmp,
        capture_output=True,
        text=True,
        timeout=1800,  # a bound on a hung run, not on speed
    )
    out = run.stdout + run.stderr
    assert run.returncode == 0, out[-6000:]
    assert f"Tested: {operations}" in out, out[-3000:]
    assert "No issues found" in out or " passed in " in out, out[-3000:]


def _shared_queryables(base: str) -> dict[str, str]:
    """The queryables every collection has, name -> JSON Schema format or type (geometry left
    out)."""
    shared: dict[str, str] | None = None
    for layer in LAYERS:
        status, _, body = http_get(f"{base}/collections/{layer}/queryables")
        assert status == 200
        props = {
            k: v.get("format") or v.get("type", "")
            for k, v in json.loads(body)["properties"].items()
            if "x-ogc-role" not in v
        }
        shared = props if shared is None else {k: v for k, v in shared.items() if k in props}
    assert shared and "n_sources" in shared and "published" in shared
    return shared


def _shared_filters(base: str) -> list[str]:
    """Valid CQL2-text filters on the shared queryables (cql2-json ones are exercised by the
    route tests): comparisons, LIKE, IN, NULL tests, a spatial and a temporal predicate."""
    shared = _shared_queryables(base)
    out = ["S_INTERSECTS(geometry, BBOX(-180,-90,180,90))"]
    for name, kind in sorted(shared.items()):
        if kind == "integer":
            out += [f"{name} > 1", f"{name} BETWEEN 0 AND 5", f"NOT ({name} = 2)"]
        elif kind == "string":
            out += [f"{name} LIKE 'a%'", f"{name} IN ('x', 'y') OR {name} IS NULL"]
    out += [
        f"{name} >= DATE('2000-01-01')" for name, kind in sorted(shared.items()) if kind == "date"
    ]
    return out


def _shared_sortby(base: str) -> list[str]:
    names = sorted(_shared_queryables(base))
    return ["", *names, *[f"-{n}" for n in names], ",".join(names[:3])]
