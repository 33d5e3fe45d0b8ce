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
    # a stored report, so GET /documents/{document_id} reaches more than its 404
    (tmp / "schemathesis.toml").write_text(f'[parameters]\n"path.document_id" = "{doc.id}"\n')
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
    out, code = _schemathesis(base, path, tmp)
    assert code == 0, out[-6000:]
    assert f"Tested: {operations}" in out, out[-3000:]
    assert "No issues found" in out or " passed in " in out, out[-3000:]


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
