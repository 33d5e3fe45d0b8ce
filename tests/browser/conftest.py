"""Fixtures for the map tests in a real headless Chromium driven by Playwright.

Debian's chromium is used as installed (never a downloaded browser). Without it or without the
playwright package the tests are skipped, unless GEOMAP_REQUIRE_BROWSER=1 (CI), where they fail.
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from ..conftest import SEED, running_server

CHROMIUM = Path(os.environ.get("GEOMAP_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]
REPORTS = Path(__file__).with_name("data")


def browser_missing(reason: str) -> None:
    """Fail when the browser is required (CI), skip otherwise."""
    if os.environ.get("GEOMAP_REQUIRE_BROWSER", "") not in ("", "0"):
        pytest.fail(f"{reason} (GEOMAP_REQUIRE_BROWSER is set)", pytrace=False)
    pytest.skip(reason)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """One headless Chromium per test module. Playwright's sync API keeps its event loop
    marked as running in the main thread while it is open (tests/conftest.py lets only the
    tests using this fixture run beside it): a session-wide one would leave it running for
    every later test, where ``asyncio.run`` then refuses to start."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        browser_missing("the playwright package is not installed (pip install -e '.[dev]')")
    if not CHROMIUM.is_file():
        browser_missing(f"no chromium at {CHROMIUM} (apt-get install chromium)")
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_FLAGS)
        try:
            yield b
        finally:
            b.close()


@pytest.fixture(scope="module")
def served(
    tmp_path_factory: pytest.TempPathFactory, gazetteer_path: Path, geomap_exe: str
) -> Iterator[dict[str, Any]]:
    """A store ingested from the seed and the test reports, served by `geomap serve` on a free
    loopback port; yields the base URL, the environment and the folder."""
    tmp = tmp_path_factory.mktemp("map-server")
    env = dict(
        os.environ,
        GEOMAP_STORE=str(tmp / "store.sqlite"),
        GEOMAP_CACHE=str(tmp / "cache.sqlite"),
        GEOMAP_GAZETTEER=str(gazetteer_path),
    )
    subprocess.run(
        [geomap_exe, "ingest", str(SEED), str(REPORTS)],
        env=env,
        check=True,
        capture_output=True,
    )
    with running_server(geomap_exe, env, log=tmp / "server.log") as base:
        yield {"base": base, "env": env, "dir": tmp}
