"""Shared fixtures: the real gazetteer index, and per-test store and cache files."""

from __future__ import annotations

import asyncio
import contextlib
import os
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import settings as hypothesis_settings

from geomap.gazetteer.index import build_index, is_current
from geomap.settings import DEFAULT_DATA_DIR, Settings

from .support.postgres import PostgresCluster, PostgresUnavailable

# No test asserts how fast something runs: hypothesis's per-example deadline (200 ms by
# default) is a bound on time that a busy machine breaks.
hypothesis_settings.register_profile("geomap", deadline=None)
hypothesis_settings.load_profile("geomap")

# Starlette's TestClient sends "Host: testserver", which the app answers only when allowed
# (api/security.py); tests of the Host check itself pass allowed_hosts explicitly.
os.environ.setdefault("GEOMAP_ALLOWED_HOSTS", "testserver")

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "000_26a7fceaa88ce8cc.txt"
BIN = Path(sys.executable).parent


# Playwright's sync API (tests/browser's ``browser`` fixture) marks its event loop as running
# in the main thread for as long as it is open, by design; those tests alone may run beside it.
LOOP_HOLDERS = frozenset({"browser"})


def _loop_left_running(when: str) -> None:
    loop = asyncio._get_running_loop()
    if loop is not None:
        asyncio._set_running_loop(None)  # so that only this test fails
        pytest.fail(f"an event loop is running in the main thread {when}: {loop!r}", pytrace=False)


@pytest.fixture(autouse=True)
def no_event_loop_left_running(request: pytest.FixtureRequest) -> Iterator[None]:
    """Fail a test that leaves an event loop running in the main thread, where every later
    ``asyncio.run`` refuses to start (one call before and one after each test). Before the
    test, a running loop was left by a fixture of a wider scope (module, session) that an
    earlier test used."""
    if LOOP_HOLDERS.isdisjoint(request.fixturenames):
        _loop_left_running("before this test (left by a module or session fixture)")
        yield
        _loop_left_running("after this test (left by the test or one of its fixtures)")
    else:
        yield


@pytest.fixture(scope="session")
def gazetteer_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The index `make` builds; built into a temporary folder when it is missing or stale."""
    built = Path(os.environ.get("GEOMAP_DATA_DIR", DEFAULT_DATA_DIR)) / "gazetteer.sqlite"
    if is_current(built):
        return built
    path = tmp_path_factory.mktemp("gazetteer") / "gazetteer.sqlite"
    build_index(path)
    return path


REQUIRE_POSTGIS = os.environ.get("GEOMAP_REQUIRE_POSTGIS", "") not in ("", "0")


def postgis_missing(reason: str) -> None:
    """Skip a PostGIS test naming what to install; fail instead under GEOMAP_REQUIRE_POSTGIS=1."""
    if REQUIRE_POSTGIS:
        pytest.fail(f"GEOMAP_REQUIRE_POSTGIS=1 but {reason}", pytrace=False)
    pytest.skip(reason)


@pytest.fixture(scope="session")
def postgres() -> Iterator[PostgresCluster]:
    """One throwaway PostgreSQL 15 + PostGIS server for the session (see tests/support)."""
    try:
        import psycopg  # noqa: F401
    except ImportError:
        postgis_missing("psycopg is not installed (pip install 'psycopg[binary]')")
    try:
        cluster = PostgresCluster()
    except PostgresUnavailable as exc:
        postgis_missing(str(exc))
    with cluster:
        yield cluster


@pytest.fixture
def postgis_url(postgres: PostgresCluster) -> Iterator[str]:
    """A fresh database with PostGIS for this test; dropped afterwards."""
    url = postgres.create_database()
    yield url
    postgres.drop_database(url.rsplit("/", 1)[1])


def backend_store(request: pytest.FixtureRequest, kind: str, folder: Path) -> str:
    """A fresh, empty store of ``kind``: a SQLite file in ``folder`` (``sqlite``) or a new
    database on the session's PostgreSQL (``postgis``; skipped or failed without one)."""
    if kind == "sqlite":
        return str(folder / "store.sqlite")
    cluster: PostgresCluster = request.getfixturevalue("postgres")
    return cluster.create_database()


@pytest.fixture
def settings(tmp_path: Path, gazetteer_path: Path) -> Settings:
    """Settings with a fresh store and cache in this test's folder."""
    return Settings(
        data_dir=tmp_path,
        store=tmp_path / "store.sqlite",
        cache=tmp_path / "cache.sqlite",
        gazetteer=gazetteer_path,
    )


@pytest.fixture
def env(settings: Settings) -> dict[str, str]:
    """Environment for running the `geomap` entry point against this test's files."""
    out = dict(os.environ)
    out.update(
        GEOMAP_STORE=str(settings.store_path),
        GEOMAP_CACHE=str(settings.cache_path),
        GEOMAP_GAZETTEER=str(settings.gazetteer_path),
    )
    return out


@pytest.fixture(scope="session")
def geomap_exe() -> str:
    """The installed console script."""
    exe = BIN / "geomap"
    assert exe.exists(), f"console script missing at {exe}; run `make test`"
    return str(exe)


@pytest.fixture(scope="session")
def pipeline_factory(gazetteer_path: Path):  # type: ignore[no-untyped-def]
    from geomap.pipeline import Pipeline

    made = []

    def make(settings: Settings) -> Pipeline:
        p = Pipeline(settings)
        made.append(p)
        return p

    yield make
    for p in made:
        p.close()


@pytest.fixture(scope="session")
def seeded_store(pipeline_factory):  # type: ignore[no-untyped-def]
    """``make(settings)`` opens the settings' store with the seed report added and returns the
    open store and the seed's Document; the caller closes the store."""
    from geomap.reports.text import read_document
    from geomap.store.backends import open_store

    def make(settings: Settings):  # type: ignore[no-untyped-def]
        store = open_store(settings)
        doc = read_document(SEED)
        store.add(doc, pipeline_factory(settings).features(doc))
        return store, doc

    return make


@pytest.fixture
def seed_copy(tmp_path: Path) -> Path:
    target = tmp_path / "seeds"
    target.mkdir()
    shutil.copy(SEED, target / SEED.name)
    return target / SEED.name


def free_port() -> int:
    """A free TCP port on the loopback interface."""
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def http_get(
    url: str, accept: str = "*/*", timeout: float = 60
) -> tuple[int, dict[str, str], bytes]:
    """(status, headers, body) of a GET, HTTP errors included."""
    import urllib.error
    import urllib.request

    req = urllib.request.Request(url, headers={"Accept": accept})
    try:
        with urllib.request.urlopen(req, timeout=timeout) as r:
            return r.status, dict(r.headers), r.read()
    except urllib.error.HTTPError as e:
        return e.code, dict(e.headers), e.read()


@contextlib.contextmanager
def running_server(geomap_exe: str, env: dict[str, str], log: Path | None = None) -> Iterator[str]:
    """`geomap serve` under uvicorn on a free loopback port; yields its base URL. With ``log``,
    the access log (every request line) goes to that file."""
    import subprocess
    import time

    port = free_port()
    level = "info" if log else "warning"
    out = open(log, "wb") if log else subprocess.DEVNULL  # noqa: SIM115
    proc = subprocess.Popen(
        [geomap_exe, "serve", "--host", "127.0.0.1", "--port", str(port), "--log-level", level],
        env=env,
        stdout=out,
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 300  # a bound on waiting on a busy machine, not on speed
    try:
        while True:
            try:
                if http_get(base + "/healthz", timeout=5)[0] == 200:
                    break
            except OSError:
                pass
            if proc.poll() is not None or time.monotonic() > deadline:
                proc.kill()
                text = log.read_text(errors="replace") if log else "(run with log= to see why)"
                raise RuntimeError(f"server did not start: {text}")
            time.sleep(0.2)
        yield base
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
        if log:
            out.close()  # type: ignore[union-attr]
