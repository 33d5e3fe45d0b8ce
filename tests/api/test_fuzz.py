"""Schemathesis against the real server: every operation of the OpenAPI document, every check,
a fixed seed and a bounded number of examples per operation, and no failure allowed.

The document is the one the server serves, with one change that states a rule of OGC API –
Features rather than weakens a check: ``limit``'s ``maximum`` (what QGIS reads to size its
pages) is the page size a larger limit is served as, not a bound on what clients may send,
so schemathesis is not told to expect a 400 above it (the clamping is asserted in
tests/api/routes/test_ogc.py)."""

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
from geomap.store.sqlite import SQLiteStore

from ..conftest import SEED, http_get, running_server
from ..synthetic import seed_synthetic

SEED_NUMBER = 20261130
EXAMPLES = 25  # per operation and phase; the run takes about a minute on an idle machine
SCHEMATHESIS = Path(sys.executable).parent / "schemathesis"


@pytest.fixture(scope="module")
def server(tmp_path_factory, gazetteer_path, geomap_exe, pipeline_factory):  # type: ignore[no-untyped-def]
    tmp = tmp_path_factory.mktemp("fuzz")
    settings = Settings(
        data_dir=tmp, store=tmp / "store.sqlite", cache=tmp / "cache.sqlite",
        gazetteer=gazetteer_path,
    )  # fmt: skip
    store = SQLiteStore(settings.store_path)
    doc = read_document(SEED)
    store.add(doc, pipeline_factory(settings).features(doc))
    templates = {name: store.layer(name)[0] for name in LAYERS}
    seed_synthetic(store, templates, {"places": 30, "incidents": 120, "movements": 20})
    store.close()
    env = dict(
        os.environ,
        GEOMAP_STORE=str(settings.store_path),
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
