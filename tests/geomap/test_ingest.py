"""Parallel and distributed ingest (`geomap ingest --jobs N`, `--scheduler tcp://...`), run
through the installed entry point: the store ends exactly as with one process."""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from geomap.features.features import LAYERS
from geomap.ingest import paced_pipeline
from geomap.settings import Settings
from geomap.store.sqlite import SQLiteStore

from ..conftest import ROOT, SEED

REPORTS = [SEED, *sorted((ROOT / "tests" / "data").glob("*/*.txt"))]


@pytest.fixture(scope="module")
def reports(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seed, the event and merge test reports (several report the same events, so merging
    order matters), one copy of the seed twice under two names, and one empty file."""
    folder = tmp_path_factory.mktemp("reports")
    for i, path in enumerate(REPORTS):
        shutil.copy(path, folder / f"{i:03d}-{path.name}")
    shutil.copy(SEED, folder / "999-seed-again.txt")
    (folder / "500-empty.txt").write_bytes(b"")
    return folder


def ingest(
    exe: str, env: dict[str, str], store: Path | str, *args: str
) -> subprocess.CompletedProcess:  # type: ignore[type-arg]
    return subprocess.run(
        [exe, "ingest", "--store", str(store), *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=600,
    )


def contents(path: Path) -> dict[str, Any]:
    """Everything a reader sees in a store: each layer in order, the documents and what
    extracted them."""
    store = SQLiteStore(path)
    try:
        out: dict[str, Any] = {name: store.layer(name) for name in LAYERS}
    finally:
        store.close()
    con = sqlite3.connect(path)
    out["documents"] = con.execute(
        "SELECT id, path, title, published, extractor FROM documents ORDER BY rowid"
    ).fetchall()
    con.close()
    return out


@pytest.fixture(scope="module")
def one_process(
    reports: Path, tmp_path_factory: pytest.TempPathFactory, gazetteer_path: Path, geomap_exe: str
) -> tuple[Path, Path, str]:
    """The reports ingested with --jobs 1: (store, cache, stderr). The cache it warmed is shared
    by the runs compared with it, so every place has the same ``geocoded_at``."""
    tmp = tmp_path_factory.mktemp("one")
    env = _env(tmp, gazetteer_path)
    out = ingest(geomap_exe, env, tmp / "store.sqlite", str(reports), "--jobs", "1")
    assert out.returncode == 2, out.stderr  # the empty file
    return tmp / "store.sqlite", tmp / "cache.sqlite", out.stderr


def _env(tmp: Path, gazetteer: Path) -> dict[str, str]:
    import os

    return dict(os.environ, GEOMAP_CACHE=str(tmp / "cache.sqlite"), GEOMAP_GAZETTEER=str(gazetteer))


def test_jobs_2_stores_exactly_what_one_process_stores(
    one_process: tuple[Path, Path, str],
    reports: Path,
    tmp_path: Path,
    gazetteer_path: Path,
    geomap_exe: str,
) -> None:
    store1, cache, err1 = one_process
    env = _env(cache.parent, gazetteer_path)
    out = ingest(geomap_exe, env, tmp_path / "store.sqlite", str(reports), "--jobs", "2")
    assert out.returncode == 2
    n = len(REPORTS)
    summary = f"ingested {n} new, 1 unchanged, 1 failed"
    assert summary in out.stderr and summary in err1
    errors = [line for line in out.stderr.splitlines() if line.startswith("geomap: error:")]
    assert len(errors) == 1 and "500-empty.txt" in errors[0]
    expected = contents(store1)
    assert sum(len(expected[name]) for name in LAYERS) > 100
    assert any(f["properties"]["n_sources"] > 1 for f in expected["incidents"])  # merged
    assert contents(tmp_path / "store.sqlite") == expected

    again = ingest(geomap_exe, env, tmp_path / "store.sqlite", str(reports), "--jobs", "2")
    assert f"ingested 0 new, {n + 1} unchanged, 1 failed" in again.stderr


def test_jobs_report_a_missing_gazetteer_in_one_line(
    reports: Path, tmp_path: Path, geomap_exe: str
) -> None:
    env = _env(tmp_path, tmp_path / "no-index.sqlite")
    out = ingest(geomap_exe, env, tmp_path / "store.sqlite", str(reports), "--jobs", "2")
    assert out.returncode == 2
    assert "Traceback" not in out.stderr
    assert "gazetteer index not found" in out.stderr and "no-index.sqlite" in out.stderr


def test_online_geocoders_keep_one_process_rate_across_workers(settings: Settings) -> None:
    settings = settings.model_copy(update={"geocoders": ["nominatim"], "user_agent": "t/1"})
    pipeline = paced_pipeline(settings, 3)
    try:
        (provider,) = pipeline.chain.providers
        assert provider.config.min_delay == pytest.approx(3.0)  # nominatim's 1 s, three workers
    finally:
        pipeline.close()


@pytest.fixture(scope="module")
def cluster() -> Iterator[Any]:
    """A real Dask LocalCluster: a scheduler and 2 single-threaded worker processes on
    loopback."""
    from distributed import LocalCluster

    with LocalCluster(
        n_workers=2,
        threads_per_worker=1,
        processes=True,
        host="127.0.0.1",
        scheduler_port=0,
        dashboard_address=None,
    ) as c:
        yield c


def test_scheduler_runs_extraction_on_the_cluster_and_stores_the_same(
    one_process: tuple[Path, Path, str],
    reports: Path,
    cluster: Any,
    tmp_path: Path,
    gazetteer_path: Path,
    geomap_exe: str,
) -> None:
    from distributed import Client

    from geomap.cluster import PLUGIN

    store1, cache, _ = one_process
    env = _env(tmp_path, tmp_path / "not-this-one.sqlite")  # the workers get the flags' paths
    address = cluster.scheduler_address
    assert address.startswith("tcp://127.0.0.1:")
    out = ingest(
        geomap_exe,
        env,
        tmp_path / "store.sqlite",
        str(reports),
        "--scheduler",
        address,
        "--gazetteer",
        str(gazetteer_path),
        "--cache",
        str(cache),
    )
    assert out.returncode == 2, out.stderr
    assert f"ingested {len(REPORTS)} new, 1 unchanged, 1 failed" in out.stderr
    assert contents(tmp_path / "store.sqlite") == contents(store1)

    def state(dask_worker: Any) -> tuple[int, int, int]:
        plugin = dask_worker.plugins[PLUGIN]
        return plugin.opened, plugin.batches, id(plugin.pipeline)

    with Client(address) as client:
        states = client.run(state)
    assert len(states) == 2
    for opened, batches, _ in states.values():
        assert opened == 1  # the pipeline was opened once per worker...
        assert batches >= 1  # ...and both workers extracted


def test_a_scheduler_nobody_runs_is_one_line(
    tmp_path: Path, reports: Path, env, geomap_exe: str
) -> None:  # type: ignore[no-untyped-def]
    from ..conftest import free_port

    address = f"tcp://127.0.0.1:{free_port()}"
    out = subprocess.run(
        [geomap_exe, "ingest", str(reports), "--scheduler", address],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert out.returncode == 2
    assert "Traceback" not in out.stderr
    assert out.stderr.strip().splitlines()[-1].startswith(f"geomap: error: {address}: cannot reach")


def test_scheduler_writes_to_postgis_what_one_process_writes_to_sqlite(
    one_process: tuple[Path, Path, str],
    reports: Path,
    cluster: Any,
    postgis_url: str,
    tmp_path: Path,
    gazetteer_path: Path,
    geomap_exe: str,
) -> None:
    from geomap.store.postgis import PostGISStore

    store1, cache, _ = one_process
    env = _env(tmp_path, gazetteer_path)
    out = ingest(
        geomap_exe, env, postgis_url, str(reports), "--scheduler", cluster.scheduler_address,
        "--gazetteer", str(gazetteer_path), "--cache", str(cache),
    )  # fmt: skip
    assert out.returncode == 2, out.stderr
    assert f"ingested {len(REPORTS)} new, 1 unchanged, 1 failed" in out.stderr
    pg = PostGISStore(postgis_url, readonly=True)
    try:
        got = {name: pg.layer(name) for name in LAYERS}
    finally:
        pg.close()
    expected = contents(store1)
    assert got == {name: expected[name] for name in LAYERS}


def test_ingest_imports_nothing_of_the_map_the_api_or_other_backends(
    reports: Path, tmp_path: Path, gazetteer_path: Path, geomap_exe: str
) -> None:
    """Start-up is paid by every ingest, whatever its workers: the command (and its workers)
    import only what reading, extracting and writing to SQLite need."""
    import sys

    env = _env(tmp_path, gazetteer_path)
    for jobs in ("1", "2"):
        out = subprocess.run(
            [sys.executable, "-X", "importtime", geomap_exe, "ingest", str(reports)]
            + ["--store", str(tmp_path / f"store-{jobs}.sqlite"), "--jobs", jobs],
            capture_output=True,
            text=True,
            env=env,
            timeout=600,
        )
        assert out.returncode == 2, out.stderr  # the empty file
        imported = {
            line.split("|")[-1].strip().split(".")[0]
            for line in out.stderr.splitlines()
            if line.startswith("import time:")
        }
        assert {"geomap", "geopy", "sqlite3", "marisa_trie"} <= imported  # the trace is read
        unwanted = {
            "folium",
            "branca",
            "jinja2",
            "fastapi",
            "starlette",
            "uvicorn",
            "shapely",
            "numpy",
            "pyogrio",
            "pygeofilter",
            "psycopg",
            "distributed",
            "dask",
            "morecantile",
            "mapbox_vector_tile",
        }
        assert imported & unwanted == set(), f"--jobs {jobs}"


def test_documents_are_written_write_batch_at_a_time_in_input_order(
    settings: Settings, reports: Path, tmp_path: Path
) -> None:
    """With worker processes, tasks of ``batch`` documents and transactions of
    ``write_batch``: the same store as one document per transaction. In one process, each
    batch is written as soon as it is extracted."""
    from geomap.ingest import InProcess, LocalProcesses
    from geomap.ingest import ingest as ingest_documents
    from geomap.reports.formats import read_report

    class Recording(SQLiteStore):
        def __init__(self, path: Path) -> None:
            super().__init__(path)
            self.transactions: list[list[str]] = []

        def add_many(self, additions: Any) -> list[bool]:
            self.transactions.append([a.document.path for a in additions])
            out: list[bool] = super().add_many(additions)
            return out

    docs = [(str(p), read_report(str(p))) for p in sorted(reports.iterdir()) if p.stat().st_size]
    assert len(docs) > 10
    workers = LocalProcesses(settings, 2)
    try:
        batched = Recording(tmp_path / "batched.sqlite")
        report = ingest_documents(batched, docs, workers, pytest.fail, batch=2, write_batch=5)
    finally:
        workers.close()
    one = InProcess(settings)
    try:
        singly = Recording(tmp_path / "singly.sqlite")
        ingest_documents(singly, docs, one, pytest.fail, batch=1, write_batch=5)
        in_process = Recording(tmp_path / "in-process.sqlite")
        ingest_documents(in_process, docs, one, pytest.fail, batch=3, write_batch=5)
    finally:
        one.close()
    assert [len(t) for t in in_process.transactions][:-1] == [3] * (
        len(in_process.transactions) - 1
    )
    in_process.close()
    distinct = len({d.id for _, d in docs})
    assert report.added == distinct
    sizes = [len(t) for t in batched.transactions]
    assert all(size in (5, 6) for size in sizes[:-1]) and 0 < sizes[-1] <= 6  # batches of 2
    assert [p for t in batched.transactions for p in t] == [
        p for t in singly.transactions for p in t
    ]
    assert all(len(t) == 1 for t in singly.transactions)
    batched.close()
    singly.close()
    assert contents(tmp_path / "batched.sqlite") == contents(tmp_path / "singly.sqlite")
