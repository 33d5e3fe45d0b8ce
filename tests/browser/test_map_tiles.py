"""/map over a store too big to embed, in headless Chromium: the big layers are drawn from the
server's vector tiles (Leaflet.VectorGrid, served locally), a click opens the feature's popup
with its source quote, the time control and the page's filters reach the tile URLs; on both
backends (SQLite and PostGIS)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from geomap.features.features import LAYERS
from geomap.reports.text import read_document
from geomap.settings import Settings
from geomap.store.backends import open_store

from ..conftest import SEED, backend_store, running_server
from ..synthetic import seed_synthetic
from .mapdriver import open_map, wait_ready

COUNTS = {"incidents": 900, "movements": 120}
MAP_LIMIT = 100

DRAWN_PIXELS = """() => {
  let n = 0;
  const canvases = document.querySelectorAll('canvas.leaflet-tile');
  for (const c of canvases) {
    const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    for (let i = 3; i < d.length; i += 4) if (d[i] > 0) n++;
  }
  return n;
}"""


@pytest.fixture(scope="module", params=["sqlite", "postgis"])
def big(
    request: pytest.FixtureRequest,
    tmp_path_factory: pytest.TempPathFactory,
    gazetteer_path: Path,
    geomap_exe: str,
) -> Iterator[dict[str, Any]]:
    """The seed and synthetic features (more than the map embeds), served with a small map
    limit; yields the base URL and the features."""
    from geomap.pipeline import Pipeline

    tmp = tmp_path_factory.mktemp(f"map-tiles-{request.param}")
    settings = Settings(
        store=backend_store(request, request.param, tmp),
        cache=tmp / "cache.sqlite",
        gazetteer=gazetteer_path,
    )
    store = open_store(settings)
    pipeline = Pipeline(settings)
    doc = read_document(SEED)
    store.add(doc, pipeline.features(doc))
    pipeline.close()
    seed_synthetic(store, {name: store.layer(name)[0] for name in LAYERS}, COUNTS)
    features = {name: store.layer(name) for name in LAYERS}
    store.close()
    env = dict(
        os.environ,
        GEOMAP_STORE=str(settings.store),
        GEOMAP_CACHE=str(settings.cache_path),
        GEOMAP_GAZETTEER=str(gazetteer_path),
        GEOMAP_MAP_LIMIT=str(MAP_LIMIT),
    )
    with running_server(geomap_exe, env, log=tmp / "server.log") as base:
        yield {"base": base, "features": features}


@pytest.fixture
def page(browser: Any, big: dict[str, Any]) -> Iterator[Any]:
    p, watch = open_map(browser, big["base"] + "/map")
    p.watch = watch
    yield p
    p.context.close()


def test_big_layers_come_from_vector_tiles(page: Any, big: dict[str, Any]) -> None:
    state = page.evaluate("geomap.state()")
    n = len(big["features"]["incidents"])
    assert n > MAP_LIMIT
    assert state["tiles"]["incidents"]["matched"] == n
    assert state["tiles"]["movements"]["matched"] == len(big["features"]["movements"])
    assert state["tiles"]["incidents"]["loaded"] >= 1
    assert "places" not in state["tiles"]  # small enough to embed
    requests = page.watch.requests
    assert any("/static/node_modules/leaflet.vectorgrid/" in u for u in requests)
    tiles = [u for u in requests if "/collections/incidents/tiles/WebMercatorQuad/" in u]
    assert tiles
    page.watch.assert_clean()  # no error, nothing from another origin, no 4xx/5xx
    assert page.evaluate(DRAWN_PIXELS) > 500  # the tiles' canvases hold drawn marks
    notice = page.locator(".geomap-notice").text_content()
    assert f"all {n:,} incidents" in notice and "vector tiles" in notice
    counts = page.locator(".geomap-counts").text_content()
    assert f"all {n:,} (tiles) incidents" in counts
    legend = page.locator(".geomap-legend").text_content()
    assert "protest" in legend and "attack" in legend


def test_a_click_opens_the_popup_with_the_source_quote(page: Any, big: dict[str, Any]) -> None:
    target = big["features"]["incidents"][-1]  # a synthetic incident, alone at zoom 9
    lon, lat = target["geometry"]["coordinates"]
    page.evaluate(f"geomap.map().setView([{lat}, {lon}], 9, {{animate: false}})")
    page.wait_for_timeout(300)
    wait_ready(page)
    point = page.evaluate(
        f"(() => {{ const p = geomap.map().latLngToContainerPoint([{lat}, {lon}]);"
        " const r = geomap.map().getContainer().getBoundingClientRect();"
        " return [r.left + p.x, r.top + p.y]; })()"
    )
    page.mouse.click(point[0], point[1])
    popup = page.locator(".leaflet-popup-content .geomap-popup")
    popup.wait_for(timeout=15_000)
    text = popup.text_content()
    props = target["properties"]
    assert props["quote"][:60] in text
    assert props["event_type"] in text
    link = page.locator(".leaflet-popup-content a.geomap-item").get_attribute("href")
    assert link.endswith(f"/incidents/items/{target['id']}")


def test_the_time_control_and_filters_reach_the_tiles(
    browser: Any, page: Any, big: dict[str, Any]
) -> None:
    before = page.evaluate(DRAWN_PIXELS)
    page.evaluate("geomap.setRange('2020-02-01', '2020-02-29')")
    page.wait_for_timeout(300)
    wait_ready(page)
    state = page.evaluate("geomap.state()")
    assert "datetime=2020-02-01%2F2020-02-29" in state["tiles"]["incidents"]["url"]
    assert "datetime=2020-02-01%2F2020-02-29" in state["tiles"]["movements"]["url"]
    after = page.evaluate(DRAWN_PIXELS)
    assert 0 < after < before  # a month of five years
    # the page's own filters go to the tile URLs too
    filtered, watch = open_map(browser, big["base"] + "/map?event_type=protest")
    try:
        url = filtered.evaluate("geomap.state()")["tiles"]["incidents"]["url"]
        assert "event_type=protest" in url
        asked = [u for u in watch.requests if "/collections/incidents/tiles/" in u]
        assert asked and all("event_type=protest" in u for u in asked)
        watch.assert_clean()
    finally:
        filtered.context.close()
