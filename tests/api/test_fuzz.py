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
from geomap.settings import Settings

from ..conftest import backend_store, http_get, running_server
from ..synthetic import seed_synthetic

SEED_NUMBER = 20261130
EXAMPLES = 25  # per operation and phase; the run takes about a minute on an idle machine
SCHEMATHESIS = Path(sys.executable).parent / "schemathesis"


@pytest.fixture(scope="module", params=["sqlite", "postgis"])
def server(request, tmp_path_factory, gazetteer_path, geomap_exe, seeded_store):  # type: ignore[no-untyped-def]
    tmp = tmp_path_factory.mktemp("fuzz")
    settings = Settings(
        data_dir=tmp, store=backend_store(request, request.param, tmp),
        cache=tmp / "cache.sqlite", gazetteer=gazetteer_path,
    )  # fmt: skip
    store, doc = seeded_store(settings)
    templates = {name: store.layer(name)[0] for name in LAYERS}
    seed_synthetic(store, templates, {"places": 30, "incidents": 120, "movements": 20})
    store.close()
    # a stored report, so GET /documents/{document_id} reaches more than its 404
    (tmp / "schemathesis.toml").write_text(f'[parameters]\n"path.document_id" = "{doc.id}"\n')
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
    out, code = _schemathesis(base, path, tmp)
    assert code == 0, out[-6000:]
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


def _schemathesis(base: str, spec: Path, tmp: Path, *extra: str) -> tuple[str, int]:
    """Run schemathesis (all checks, all modes, the fixed seed) against ``base``; its output
    and exit status."""
    run = subprocess.run(
        [
            str(SCHEMATHESIS),
            "--config-file",
            str(tmp / "schemathesis.toml"),
            "run",
            str(spec),
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
            *extra,
        ],  # fmt: skip
        cwd=tmp,
        capture_output=True,
        text=True,
        timeout=1800,  # a bound on a hung run, not on speed
    )
    return run.stdout + run.stderr, run.returncode


TOKEN = "fuzz-token-0123456789"


def test_schemathesis_finds_no_failure_in_the_writes(  # type: ignore[no-untyped-def]
    tmp_path, gazetteer_path, geomap_exe
) -> None:
    """The write routes (present with a token): POST /documents, POST /corrections, DELETE
    /corrections/{id}, with the token sent; schemathesis also checks that they refuse a
    request without it. Every check but the acceptance of schema-valid bodies (see below)."""
    (tmp_path / "schemathesis.toml").write_text("")
    env = dict(
        os.environ,
        GEOMAP_STORE=str(tmp_path / "store.sqlite"),
        GEOMAP_CACHE=str(tmp_path / "cache.sqlite"),
        GEOMAP_GAZETTEER=str(gazetteer_path),
        GEOMAP_API_TOKEN=TOKEN,
        GEOMAP_API_MAX_BODY="100000",
    )
    with running_server(geomap_exe, env) as base:
        status, _, body = http_get(base + "/openapi.json")
        assert status == 200
        spec = json.loads(body)
        writes = {
            f"{method.upper()} {path}"
            for path, item in spec["paths"].items()
            for method, op in item.items()
            if op.get("security")
        }
        assert writes == {
            "POST /documents",
            "POST /corrections",
            "DELETE /corrections/{correction_id}",
        }
        path = tmp_path / "openapi.json"
        path.write_text(json.dumps(spec), encoding="utf-8")
        out, code = _schemathesis(
            base,
            path,
            tmp_path,
            "--include-method",
            "POST",
            "--include-method",
            "DELETE",
            "--header",
            f"Authorization: Bearer {TOKEN}",
            # a body the schema allows may still not be a report (random bytes are no PDF) or
            # a correction that can be made (a move needs exactly one of to/lonlat): those
            # are 400s, which this check would count as failures
            "--exclude-checks",
            "positive_data_acceptance",
        )
    assert code == 0, out[-6000:]
    assert "Tested: 3" in out, out[-3000:]
