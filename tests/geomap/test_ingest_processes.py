"""`geomap ingest` as real processes (the installed entry point) sharing one store and one
geocode cache: two at once lose nothing; one killed with SIGKILL leaves both files whole and a
re-run finishes the work."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import time
from pathlib import Path

import pytest

from geomap.gazetteer.cache import GeocodeCache
from geomap.ingest import BATCH
from geomap.names.normalise import name_key
from geomap.store.sqlite import SQLiteStore

from ..conftest import SEED
from ..support.nominatim_stub import NominatimStub, invented_names

AGENT = "geomap-tests/1.0 (loopback)"


def write_reports(folder: Path, names: list[str]) -> None:
    """The seed report once per name, each with one more line naming a village."""
    folder.mkdir(parents=True, exist_ok=True)
    seed = SEED.read_text(encoding="utf-8")
    for i, name in enumerate(names):
        extra = f"\nRefugees from the village of {name} reached Dandong on Friday.\n"
        (folder / f"{i:04d}-{name}.txt").write_text(seed + extra, encoding="utf-8")


@pytest.fixture
def stub():  # type: ignore[no-untyped-def]
    with NominatimStub(generate="KP") as server:
        yield server


def ingest_command(
    exe: str, folder: Path, stub: NominatimStub, jobs: int = 1, min_delay: float = 0
) -> list[str]:
    return [
        exe,
        "ingest",
        str(folder),
        "--jobs",
        str(jobs),
        "--geocoder",
        "nominatim",
        "--geocoder-url",
        stub.url,
        "--user-agent",
        AGENT,
        "--geocoder-min-delay",
        str(min_delay),
    ]


def integrity(path: Path) -> str:
    con = sqlite3.connect(path)
    try:
        return str(con.execute("PRAGMA integrity_check").fetchone()[0])
    finally:
        con.close()


def place_names(store_path: Path) -> dict[str, str]:
    store = SQLiteStore(store_path)
    try:
        return {f["properties"]["name"]: f["properties"]["geocoder"] for f in store.layer("places")}
    finally:
        store.close()


def test_two_ingests_at_once_share_the_store_and_cache(
    geomap_exe: str, env: dict[str, str], settings, pipeline_factory, stub, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    known = pipeline_factory(settings).gazetteer.has
    names = invented_names(80, known)
    write_reports(tmp_path / "a", names[:40])
    write_reports(tmp_path / "b", names[40:])
    procs = [
        subprocess.Popen(
            # paced (0.25 s a lookup for each ingest): their 40 lookups each span ~10 s, so
            # the two overlap however unevenly a loaded machine starts them
            ingest_command(geomap_exe, tmp_path / part, stub, 2, min_delay=0.25),
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for part in ("a", "b")
    ]
    for proc in procs:
        _, err = proc.communicate(timeout=600)
        assert proc.returncode == 0, err
        assert "locked" not in err.lower()
        assert "ingested 40 new, 0 unchanged, 0 failed" in err

    # they really ran at the same time: their lookups interleave at the server
    order = [r.query in names[:40] for r in stub.requests if r.query in names]
    first_b, last_a = order.index(False), len(order) - 1 - order[::-1].index(True)
    assert first_b < last_a, "the two ingests did not overlap"

    store_path, cache_path = settings.store_path, settings.cache_path
    assert integrity(store_path) == "ok" and integrity(cache_path) == "ok"
    store = SQLiteStore(store_path)
    assert store.counts()["documents"] == 80
    store.close()
    placed = place_names(store_path)
    assert all(placed.get(name) == "nominatim" for name in names)  # every village of both
    cache = GeocodeCache(cache_path)
    keys = {
        q
        for (q,) in cache._con.execute("SELECT query FROM geocode_cache WHERE provider='nominatim'")
    }
    cache.close()
    assert {name_key(n) for n in names} <= keys  # no cache entry lost


@pytest.mark.parametrize("jobs", [1, 2])
def test_an_ingest_killed_mid_way_leaves_whole_files_and_a_rerun_finishes(
    geomap_exe: str, env: dict[str, str], settings, pipeline_factory, stub, tmp_path: Path, jobs
) -> None:  # type: ignore[no-untyped-def]
    known = pipeline_factory(settings).gazetteer.has
    names = invented_names(150, known)
    write_reports(tmp_path / "reports", names)
    stub.set(latency=0.03)  # slow enough that the kill lands in the middle
    command = ingest_command(geomap_exe, tmp_path / "reports", stub, jobs)
    proc = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    store_path = settings.store_path
    deadline = time.monotonic() + 900  # a bound on waiting on a busy machine, not on speed
    stored = 0
    while time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.05)
        if not store_path.exists():
            continue
        try:
            con = sqlite3.connect(f"file:{store_path}?mode=ro", uri=True, timeout=1)
            stored = con.execute("SELECT count(*) FROM documents").fetchone()[0]
            con.close()
        except sqlite3.OperationalError:
            continue  # the schema is still being created
        if stored >= 30:
            break
    os.kill(proc.pid, signal.SIGKILL)
    proc.communicate(timeout=30)  # returns once every worker holding its pipes is gone too
    assert proc.returncode == -signal.SIGKILL
    assert 30 <= stored < 150

    # both files open cleanly and hold only whole entries
    assert integrity(store_path) == "ok" and integrity(settings.cache_path) == "ok"
    store = SQLiteStore(store_path)
    done = store.counts()["documents"]
    store.close()
    assert stored <= done < 150
    cache = GeocodeCache(settings.cache_path)
    rows = cache._con.execute("SELECT provider, query, hint FROM geocode_cache").fetchall()
    assert rows and all(cache.lookup(*row) is not None for row in rows)  # each decodes whole
    cache.close()

    stub.set(latency=0.0)
    rerun = subprocess.run(command, env=env, capture_output=True, text=True, timeout=600)
    assert rerun.returncode == 0, rerun.stderr
    assert f"ingested {150 - done} new, {done} unchanged, 0 failed" in rerun.stderr
    store = SQLiteStore(store_path)
    assert store.counts()["documents"] == 150
    store.close()
    placed = place_names(store_path)
    assert all(placed.get(name) == "nominatim" for name in names)
    # the villages geocoded before the kill came from the cache: not asked again (workers may
    # have geocoded documents beyond those stored)
    asked_again = {r.query for r in stub.requests}
    assert len(asked_again) <= 150 - done
    if jobs == 1:  # one batch at most was extracted and not yet written
        assert 150 - done - BATCH <= len(asked_again)
