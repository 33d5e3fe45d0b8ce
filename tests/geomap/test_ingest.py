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


@pytest.mark.parametrize(
    "flags", [("--jobs", "1", "--write-batch", "32"), ("--jobs", "2", "--write-batch", "1")]
)
def test_the_write_batch_changes_nothing_stored(
    flags: tuple[str, ...],
    one_process: tuple[Path, Path, str],
    reports: Path,
    tmp_path: Path,
    gazetteer_path: Path,
    geomap_exe: str,
) -> None:
    """``--write-batch`` (what the bench sets alike for 1 and 2 workers) only groups the
    writes: one process writing 32 per transaction, or workers' results written one at a
    time, store what the default ``--jobs 1`` (8 per transaction) stores."""
    store1, cache, _ = one_process
    env = _env(cache.parent, gazetteer_path)
    out = ingest(geomap_exe, env, tmp_path / "store.sqlite", str(reports), *flags)
    assert out.returncode == 2, out.stderr
    assert f"ingested {len(REPORTS)} new, 1 unchanged, 1 failed" in out.stderr
    assert contents(tmp_path / "store.sqlite") == contents(store1)


@pytest.mark.parametrize("flag,value", [("--write-batch", "0"), ("--jobs", "0"), ("--jobs", "-2")])
def test_a_write_batch_or_jobs_below_one_is_one_line(
    reports: Path, tmp_path: Path, env: dict[str, str], geomap_exe: str, flag: str, value: str
) -> None:
    out = ingest(geomap_exe, env, tmp_path / "store.sqlite", str(reports), flag, value)
    assert out.returncode == 2
    assert out.stderr.strip().splitlines() == [
        f"geomap: error: ingest: {flag} {value}: want 1 or more"
    ]


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


@pytest.fixture(scope="module")
def preloaded(
    one_process: tuple[Path, Path, str],
    gazetteer_path: Path,
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[str]:
    """A cluster as users start one: ``dask scheduler`` and ``dask worker --nworkers 2
    --nthreads 1 --preload geomap.cluster`` processes on loopback, the workers' settings in
    their environment (the index, and the cache the one-process run warmed); its address."""
    import os
    import sys
    import time

    from distributed import Client

    from ..conftest import free_port

    _, cache, _ = one_process
    dask = str(Path(sys.executable).parent / "dask")
    port = str(free_port())
    address = f"tcp://127.0.0.1:{port}"
    env = dict(os.environ, GEOMAP_CACHE=str(cache), GEOMAP_GAZETTEER=str(gazetteer_path))
    logs = tmp_path_factory.mktemp("dask")
    procs = []
    try:
        for argv, log in (
            (["scheduler", "--host", "127.0.0.1", "--port", port, "--no-dashboard"], "s.log"),
            (["worker", address, "--nworkers", "2", "--nthreads", "1", "--host", "127.0.0.1",
              "--preload", "geomap.cluster", "--no-dashboard", "--local-directory", str(logs)],
             "w.log"),
        ):  # fmt: skip
            with open(logs / log, "wb") as out:
                procs.append(subprocess.Popen([dask, *argv], stdout=out, stderr=out, env=env))
        deadline = time.monotonic() + 120
        while True:
            try:
                with Client(address, timeout=5) as client:
                    client.wait_for_workers(2, timeout=60)
                break
            except (OSError, TimeoutError):
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.5)
        yield address
    finally:
        for proc in procs[::-1]:
            proc.terminate()
            try:
                proc.wait(30)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()


def test_preloaded_workers_open_the_pipeline_before_any_task_and_keep_it(
    one_process: tuple[Path, Path, str],
    reports: Path,
    preloaded: str,
    tmp_path: Path,
    gazetteer_path: Path,
    geomap_exe: str,
) -> None:
    """Workers started with ``--preload geomap.cluster`` have their pipeline open as soon as
    they have joined, before any ingest; an ingest that gives no other settings extracts with
    those pipelines (opened once, never again) and stores what one process stores."""
    from distributed import Client

    def _plugin_state(dask_worker: Any) -> tuple[bool, int, int, dict[str, Any]]:
        """The worker's geomap plugin: pipeline open?, pipelines opened, batches, overrides
        (defined here so that Dask ships it by value)."""
        plugin = dask_worker.plugins.get("geomap-pipeline")
        if plugin is None:
            return False, 0, 0, {}
        return plugin.pipeline is not None, plugin.opened, plugin.batches, plugin.overrides

    store1, cache, _ = one_process
    with Client(preloaded) as client:
        before = client.run(_plugin_state)
    assert len(before) == 2
    assert all(state == (True, 1, 0, {}) for state in before.values()), before
    env = _env(tmp_path, tmp_path / "not-this-one.sqlite")  # the workers use their own
    out = ingest(geomap_exe, env, tmp_path / "store.sqlite", str(reports), "--scheduler", preloaded)
    assert out.returncode == 2, out.stderr
    assert f"ingested {len(REPORTS)} new, 1 unchanged, 1 failed" in out.stderr
    assert contents(tmp_path / "store.sqlite") == contents(store1)
    with Client(preloaded) as client:
        after = client.run(_plugin_state)
    assert all(opened and n == 1 and batches >= 1 for opened, n, batches, _ in after.values())

    # other settings from the command: every worker opens the pipeline they ask for
    other = tmp_path / "other-cache.sqlite"
    shutil.copy(cache, other)
    out = ingest(
        geomap_exe, env, tmp_path / "store2.sqlite", str(reports), "--scheduler", preloaded,
        "--gazetteer", str(gazetteer_path), "--cache", str(other),
    )  # fmt: skip
    assert out.returncode == 2, out.stderr
    assert contents(tmp_path / "store2.sqlite") == contents(store1)
    with Client(preloaded) as client:
        last = client.run(_plugin_state)
    assert all(state[0] and str(state[3].get("cache")) == str(other) for state in last.values()), (
        last
    )


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


class Recording(SQLiteStore):
    """A SQLite store that records the documents of each transaction it writes."""

    def __init__(self, path: Path) -> None:
        super().__init__(path)
        self.transactions: list[list[str]] = []

    def add_many(self, additions: Any) -> list[bool]:
        self.transactions.append([a.document.path for a in additions])
        out: list[bool] = super().add_many(additions)
        return out


def ingested_singly(settings: Settings, docs: list[Any], path: Path) -> Recording:
    """The documents ingested one at a time in this process, into a new store at ``path``."""
    from geomap.ingest import InProcess
    from geomap.ingest import ingest as ingest_documents

    one = InProcess(settings)
    try:
        singly = Recording(path)
        ingest_documents(singly, docs, one, pytest.fail, batch=1)
    finally:
        one.close()
    return singly


def assert_stored_as_singly(got: Recording, singly: Recording) -> None:
    """``got`` wrote the same documents in the same order as ``singly``, and holds the same."""
    assert [p for t in got.transactions for p in t] == [p for t in singly.transactions for p in t]
    got.close()
    singly.close()
    assert contents(got.path) == contents(singly.path)


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
    batch is written as soon as it is extracted, unless a ``write_batch`` is given."""
    from geomap.ingest import InProcess, LocalProcesses
    from geomap.ingest import ingest as ingest_documents
    from geomap.reports.formats import read_report

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
        ingest_documents(singly, docs, one, pytest.fail, batch=1)
        in_process = Recording(tmp_path / "in-process.sqlite")
        ingest_documents(in_process, docs, one, pytest.fail, batch=3)
        in_process_5 = Recording(tmp_path / "in-process-5.sqlite")
        ingest_documents(in_process_5, docs, one, pytest.fail, batch=3, write_batch=5)
    finally:
        one.close()
    assert [len(t) for t in in_process.transactions][:-1] == [3] * (
        len(in_process.transactions) - 1
    )
    # an explicit write batch holds for this process too (batches of 3: 6 per transaction)
    assert [len(t) for t in in_process_5.transactions][:-1] == [6] * (
        len(in_process_5.transactions) - 1
    )
    in_process.close()
    in_process_5.close()
    assert contents(tmp_path / "in-process-5.sqlite") == contents(tmp_path / "in-process.sqlite")
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


def test_dask_results_are_written_in_input_order_with_many_tasks_in_flight(
    settings: Settings, reports: Path, cluster: Any, tmp_path: Path
) -> None:
    """On Dask workers, many small tasks in flight (their results fetched from the workers
    directly, in whatever order they finish) are written in the order the documents were
    given, ``write_batch`` at a time: the same store as one document per transaction here."""
    from geomap.cluster import DaskCluster
    from geomap.ingest import ingest as ingest_documents
    from geomap.reports.formats import read_report

    docs = [(str(p), read_report(str(p))) for p in sorted(reports.iterdir()) if p.stat().st_size]
    overrides = {"gazetteer": settings.gazetteer_path, "cache": settings.cache_path}
    runner = DaskCluster(cluster.scheduler_address, overrides)
    try:
        assert runner.workers == 2 and runner.window >= 2 * runner.workers
        assert runner.client.direct_to_workers  # results do not pass through the scheduler
        on_dask = Recording(tmp_path / "dask.sqlite")
        report = ingest_documents(on_dask, docs, runner, pytest.fail, batch=2, write_batch=5)
    finally:
        runner.close()
    singly = ingested_singly(settings, docs, tmp_path / "singly.sqlite")
    assert report.added == len({d.id for _, d in docs}) > runner.window * 2
    sizes = [len(t) for t in on_dask.transactions]
    assert all(size in (5, 6) for size in sizes[:-1]) and 0 < sizes[-1] <= 6
    assert_stored_as_singly(on_dask, singly)


def test_dask_tasks_take_a_share_of_what_is_left_and_the_store_ends_the_same(
    settings: Settings, reports: Path, cluster: Any, tmp_path: Path
) -> None:
    """Told how many documents there are, an ingest on Dask sends tasks of a share of the
    documents left: the runner's largest while many are left, fewer and fewer towards the
    end, never fewer than its batch; the store ends the same as one document at a time."""
    from geomap.cluster import DaskCluster
    from geomap.ingest import Pending
    from geomap.ingest import ingest as ingest_documents
    from geomap.model import Document
    from geomap.reports.formats import read_report

    class Counting(DaskCluster):
        sizes: list[int]

        def submit(self, docs: list[Document]) -> Pending:
            self.sizes.append(len(docs))
            return super().submit(docs)

    docs = [(str(p), read_report(str(p))) for p in sorted(reports.iterdir()) if p.stat().st_size]
    overrides = {"gazetteer": settings.gazetteer_path, "cache": settings.cache_path}
    runner = Counting(cluster.scheduler_address, overrides)
    runner.sizes, runner.batch, runner.largest = [], 2, 6
    try:
        on_dask = Recording(tmp_path / "dask.sqlite")
        report = ingest_documents(on_dask, docs, runner, pytest.fail, total=len(docs))
    finally:
        runner.close()
    singly = ingested_singly(settings, docs, tmp_path / "singly.sqlite")
    sizes = runner.sizes
    assert sum(sizes) == report.added + report.refreshed == len({d.id for _, d in docs}) > 40
    assert sizes[0] == 6 and min(sizes[:-1]) == 2 and 0 < sizes[-1] <= 2
    assert sizes == sorted(sizes, reverse=True)  # from the largest down to the fewest
    assert_stored_as_singly(on_dask, singly)


def test_the_dask_client_does_not_import_the_pipeline(
    reports: Path, cluster: Any, tmp_path: Path, gazetteer_path: Path, geomap_exe: str
) -> None:
    """The command that only sends documents to Dask workers and writes what they return
    imports no extraction pipeline (the workers have theirs open)."""
    import sys

    env = _env(tmp_path, gazetteer_path)
    out = subprocess.run(
        [sys.executable, "-X", "importtime", geomap_exe, "ingest", str(reports)]
        + ["--store", str(tmp_path / "store.sqlite"), "--scheduler", cluster.scheduler_address]
        + ["--gazetteer", str(gazetteer_path), "--cache", str(tmp_path / "cache.sqlite")],
        capture_output=True,
        text=True,
        env=env,
        timeout=600,
    )
    assert out.returncode == 2, out.stderr  # the empty file
    assert f"ingested {len(REPORTS)} new, 1 unchanged, 1 failed" in out.stderr
    imported = {
        line.split("|")[-1].strip()
        for line in out.stderr.splitlines()
        if line.startswith("import time:")
    }
    assert {"distributed", "geomap.cluster"} <= imported  # the trace is read
    pipeline = {"geomap.pipeline", "geomap.geoparse.recognise", "geomap.events.extract"}
    assert not imported & pipeline
