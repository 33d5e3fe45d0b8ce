"""The map as an analyst works in it, in headless Chromium against `geomap serve`: filters on
every layer, search, heat map, "download what I see", popups above the panels, arrowheads only
with their lines, readable errors, live refresh, and all of it under a strict CSP."""

from __future__ import annotations

import csv
import html
import io
import json
import os
import re
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from geomap.render.filters import MapFilters, filter_layers

from ..conftest import SEED, http_get, running_server
from .conftest import REPORTS
from .mapdriver import OUT, dom_counts, open_map, screenshot, set_clustered, wait_ready


def shot(page: Any, name: str) -> Path:
    """A screenshot a person can look at, kept under tests/browser/out/."""
    OUT.mkdir(exist_ok=True)
    return screenshot(page, OUT / f"workbench-{name}.png")


def layers_of(base: str) -> dict[str, list[dict[str, Any]]]:
    out = {}
    for name in ("places", "incidents", "movements"):
        status, _, body = http_get(f"{base}/layers/{name}")
        assert status == 200
        out[name] = json.loads(body)["features"]
    return out


@pytest.fixture
def page(browser: Any, served: dict[str, Any]) -> Iterator[Any]:
    page, watch = open_map(browser, served["base"] + "/map")
    page.watch = watch
    yield page
    page.context.close()


def shown_ids(page: Any, layer: str) -> set[str]:
    return set(
        page.evaluate(
            "(layer) => { const out = []; geomap.map().eachLayer(l => {"
            " if (l.geomapItem && l._map && (layer !== 'incidents' || l.getElement))"
            " out.push(l.geomapItem.id); }); return out; }",
            layer,
        )
    )


def state(page: Any) -> dict[str, Any]:
    return dict(page.evaluate("geomap.state()"))


def set_filter(page: Any, *, type: str = "", actor: str = "", q: str = "") -> None:
    page.select_option("select[name=geomap-type]", type)
    page.fill("input[name=geomap-actor]", actor)
    page.fill("input[name=geomap-q]", q)
    page.wait_for_timeout(300)  # the panel applies its filter after a short pause
    wait_ready(page)


@pytest.mark.parametrize(
    ("panel", "filters"),
    [
        ({"type": "flight/defection"}, MapFilters(event_type="flight/defection")),
        ({"actor": "mss"}, MapFilters(actor="mss")),
        ({"q": "Shenyang"}, MapFilters(q="Shenyang")),
    ],
)
def test_panel_filters_narrow_every_layer(
    page: Any, served: dict[str, Any], panel: dict[str, str], filters: MapFilters
) -> None:
    layers = layers_of(served["base"])
    expected = filter_layers(layers, filters)
    set_filter(page, **panel)
    s = state(page)
    for name in ("incidents", "movements", "places"):
        assert s[name]["shown"] == len(expected[name]), name
    assert 0 < s["incidents"]["shown"] + s["movements"]["shown"]
    assert s["places"]["shown"] < len(layers["places"])  # places follow the events
    counts = dom_counts(page)
    assert counts["paths"] == len(expected["movements"])
    assert counts["places"] == len(expected["places"])
    shot(page, "filter-" + "-".join(re.sub(r"\W", "", v) for v in panel.values()))
    set_filter(page)
    s = state(page)
    assert s["places"]["shown"] == len(layers["places"])
    assert s["incidents"]["shown"] == len(layers["incidents"])
    page.watch.assert_clean()


def test_server_filters_narrow_every_layer_and_geomap_map_takes_them(
    browser: Any, served: dict[str, Any], tmp_path: Path, geomap_exe: str
) -> None:
    layers = layers_of(served["base"])
    expected = filter_layers(layers, MapFilters(event_type="flight/defection"))
    page, watch = open_map(browser, served["base"] + "/map?event_type=flight%2Fdefection")
    try:
        s = state(page)
        assert s["incidents"]["total"] == len(expected["incidents"]) >= 1
        assert s["movements"]["total"] == len(expected["movements"]) >= 1
        assert s["places"]["total"] == len(expected["places"]) < len(layers["places"])
        watch.assert_clean()
    finally:
        page.context.close()
    out = tmp_path / "fled.html"
    done = subprocess.run(
        [geomap_exe, "map", "-o", str(out), "--event-type", "flight/defection"],
        env=served["env"],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr
    assert f"{len(expected['incidents'])} incidents" in done.stderr
    page, watch = open_map(browser, out.as_uri(), offline=True)
    try:
        s = state(page)
        assert s["incidents"]["total"] == len(expected["incidents"])
        assert s["movements"]["total"] == len(expected["movements"])
        assert page.locator(".geomap-filters").text_content() == (
            "Filtered: event_type = flight/defection"
        )
        watch.assert_clean()
    finally:
        page.context.close()
    bad = subprocess.run(
        [geomap_exe, "map", "-o", str(out), "--start", "2020-02-30"],
        env=served["env"],
        capture_output=True,
        text=True,
    )
    assert bad.returncode == 2 and bad.stderr.count("\n") == 1 and "start" in bad.stderr


def test_search_finds_and_opens(page: Any) -> None:
    set_clustered(page, True)
    page.fill("input[name=geomap-search]", "shenyang")
    page.wait_for_timeout(300)
    results = page.locator(".geomap-result").all_text_contents()
    assert results and all("Shenyang" in r for r in results)
    incident = next(i for i, r in enumerate(results) if " — Shenyang" in r and "place" not in r)
    page.locator(".geomap-result").nth(incident).click()
    page.wait_for_selector(".leaflet-popup-content", timeout=10_000)
    assert "Shenyang" in page.locator(".leaflet-popup-content").text_content()
    assert page.evaluate("geomap.map().getZoom()") <= 10  # a city's view, not the street
    shot(page, "search")
    # words of a quote and an actor find the same things the filter does
    found = page.evaluate("geomap.search('police')")
    assert found and {f["layer"] for f in found} <= {"incidents", "movements"}
    page.fill("input[name=geomap-search]", "zzzz-no-such-thing")
    page.wait_for_timeout(300)
    assert page.locator(".geomap-none").text_content() == "nothing found"
    page.watch.assert_clean()


def test_heat_map_stands_in_for_the_markers(page: Any) -> None:
    set_clustered(page, False)
    markers = dom_counts(page)["markers"]
    assert markers > 0
    page.check("input[name=geomap-heat]")
    wait_ready(page)
    assert page.locator("canvas.leaflet-heatmap-layer").count() == 1
    assert dom_counts(page)["markers"] == 0
    # the heat map has colour where the incidents are
    painted = page.evaluate(
        "() => { const c = document.querySelector('canvas.leaflet-heatmap-layer');"
        " const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;"
        " let n = 0; for (let i = 3; i < d.length; i += 4) if (d[i] > 0) n++; return n; }"
    )
    assert painted > 500
    shot(page, "heatmap")
    set_filter(page, type="arrest")
    assert state(page)["heat"] is True
    page.uncheck("input[name=geomap-heat]")
    wait_ready(page)
    assert page.locator("canvas.leaflet-heatmap-layer").count() == 0
    assert dom_counts(page)["markers"] == state(page)["incidents"]["shown"]
    page.watch.assert_clean()


def test_download_what_i_see(page: Any, served: dict[str, Any]) -> None:
    layers = layers_of(served["base"])
    set_filter(page, type="arrest")
    expected = filter_layers(layers, MapFilters(event_type="arrest"))
    page.evaluate("geomap.map().setView([20, 0], 1, {animate: false})")  # the whole world
    wait_ready(page)
    with page.expect_download() as info:
        page.click("button.geomap-download-geojson")
    fc = json.loads(Path(info.value.path()).read_text())
    assert info.value.suggested_filename.endswith(".geojson")
    by_layer: dict[str, set[str]] = {}
    for f in fc["features"]:
        by_layer.setdefault(f["properties"]["layer"], set()).add(f["id"])
        for lon, *_ in _positions(f["geometry"]):
            assert -180 <= lon <= 180
    for name in ("incidents", "movements", "places"):
        assert by_layer.get(name, set()) == {f["id"] for f in expected[name]}, name
    with page.expect_download() as info:
        page.click("button.geomap-download-csv")
    rows = list(csv.DictReader(io.StringIO(Path(info.value.path()).read_text())))
    assert len(rows) == len(fc["features"])
    assert {r["layer"] for r in rows} == set(by_layer)
    assert all(r["wkt"].startswith(("POINT", "LINESTRING", "MULTILINESTRING")) for r in rows)
    # no filter, zoomed in on one incident: "what I see" is what is in view
    set_filter(page)
    one = expected["incidents"][0]
    lon, lat = one["geometry"]["coordinates"]
    page.evaluate(f"geomap.map().setView([{lat}, {lon}], 12, {{animate: false}})")
    wait_ready(page)
    seen = page.evaluate("geomap.seen()")
    assert one["id"] in {f["id"] for f in seen}
    assert len(seen) < sum(len(v) for v in layers.values())
    page.watch.assert_clean()


def _positions(geometry: dict[str, Any]) -> list[list[float]]:
    c = geometry["coordinates"]
    if geometry["type"] == "Point":
        return [c]
    if geometry["type"] == "LineString":
        return list(c)
    return [p for part in c for p in part]


POPUP_OVER = """() => {
  const map = geomap.map();
  const legend = document.querySelector('.geomap-legend');
  legend.querySelector('details').open = true;
  const box = legend.getBoundingClientRect();
  const target = L.point(box.left + box.width / 2, box.top + box.height / 2);
  let line = null;
  map.eachLayer(l => { if (l.geomapItem && l.getLatLngs && !line) line = l; });
  const ll = line.getLatLngs()[line.getLatLngs().length - 1];
  const rect = map.getContainer().getBoundingClientRect();
  const at = map.latLngToContainerPoint(ll).add([rect.left, rect.top]);
  map.panBy(at.subtract(target), {animate: false});
  line.openPopup(ll);
  const popup = document.querySelector('.leaflet-popup-content-wrapper');
  const p = popup.getBoundingClientRect();
  const x = p.left + p.width / 2, y = p.top + p.height / 2;
  return {
    hit: document.elementFromPoint(x, y).closest('.leaflet-popup') !== null,
    legendHidden: getComputedStyle(legend).visibility === 'hidden',
    overlapped: !(p.right < box.left || box.right < p.left
                  || p.bottom < box.top || box.bottom < p.top),
  };
}"""


def test_popups_open_above_the_legend(page: Any) -> None:
    result = page.evaluate(POPUP_OVER)
    shot(page, "popup-over-legend")
    assert result["hit"], result  # the popup is what is on top where it is drawn
    if result["overlapped"]:
        assert result["legendHidden"]
    page.evaluate("geomap.map().closePopup()")
    assert (
        page.evaluate("getComputedStyle(document.querySelector('.geomap-legend')).visibility")
        == "visible"
    )
    # the legend folds away and back
    summary = page.locator(".geomap-legend summary")
    summary.click()
    assert page.locator(".geomap-legend details").get_attribute("open") is None
    summary.click()
    assert page.locator(".geomap-legend details").get_attribute("open") is not None
    page.watch.assert_clean()


ARROWS = """() => {
  const out = [];
  document.querySelectorAll('path.geomap-movement').forEach(p => {
    out.push({arrow: p.hasAttribute('marker-end'), length: p.getTotalLength(),
              d: (p.getAttribute('d') || '').length});
  });
  return out;
}"""

END_DRAWN = """() => {
  const map = geomap.map();
  const out = [];
  map.eachLayer(l => {
    if (!l.geomapItem || !l.getLatLngs || !l._parts.length) return;
    const lls = l.getLatLngs();
    const last = map.latLngToLayerPoint(lls[lls.length - 1]);
    const parts = l._parts[l._parts.length - 1];
    const end = parts[parts.length - 1];
    out.push(Math.hypot(end.x - last.x, end.y - last.y));
  });
  return out;
}"""


def test_no_orphan_arrowheads(page: Any) -> None:
    for zoom in (1, 3, 6, 9):
        page.evaluate(f"geomap.map().setZoom({zoom}, {{animate: false}})")
        wait_ready(page)
        for path in page.evaluate(ARROWS):
            assert path["d"] > 0
            if path["arrow"]:
                assert path["length"] >= 14, (zoom, path)
        # every drawn line reaches its destination, so its head is at the place, not at an edge
        assert all(gap < 1.5 for gap in page.evaluate(END_DRAWN)), zoom
    # zoomed in past a line's end: still no head at the window's edge
    page.evaluate(
        "() => { let line; geomap.map().eachLayer(l => { if (l.geomapItem && l.getLatLngs)"
        " line = l; }); geomap.map().setView(line.getLatLngs()[0], 9, {animate: false}); }"
    )
    wait_ready(page)
    assert all(gap < 1.5 for gap in page.evaluate(END_DRAWN))
    shot(page, "arrows-zoomed")
    box = page.locator(".leaflet-control-layers-overlays label", has_text="Movements").locator(
        "input"
    )
    box.uncheck()
    assert page.locator("path[marker-end]").count() == 0  # no head left without its line
    box.check()
    page.watch.assert_clean()


@pytest.mark.parametrize(
    ("query", "words"),
    [
        ("start=garbage", "start 'garbage'"),
        ("bbox=1,2,3", "bbox '1,2,3'"),
        ("end=2020-13-01", "end '2020-13-01'"),
        ("q=" + "x" * 300, "at most 200"),
        ("start=%3Cscript%3Ealert(1)%3C/script%3E", "start '<script>alert(1)</script>'"),
    ],
)
def test_bad_parameters_render_a_readable_page(
    browser: Any, served: dict[str, Any], query: str, words: str
) -> None:
    status, headers, body = http_get(f"{served['base']}/map?{query}", accept="text/html")
    assert status == 400
    assert headers["content-type"].startswith("text/html")
    text = body.decode()
    assert words in html.unescape(text)  # the message, escaped in the page
    assert "<script" not in text
    page = browser.new_page()
    try:
        page.goto(f"{served['base']}/map?{query}")
        assert page.locator("h1").text_content() == "geomap: cannot draw this map"
        assert page.locator(".geomap-error").is_visible()
        if query.startswith("start=garbage"):
            shot(page, "bad-parameter")
    finally:
        page.close()


def test_page_refreshes_when_a_report_is_ingested(
    browser: Any, tmp_path: Path, gazetteer_path: Path, geomap_exe: str
) -> None:
    env = dict(
        os.environ,
        GEOMAP_STORE=str(tmp_path / "store.sqlite"),
        GEOMAP_CACHE=str(tmp_path / "cache.sqlite"),
        GEOMAP_GAZETTEER=str(gazetteer_path),
        GEOMAP_MAP_POLL_SECONDS="1",
    )
    subprocess.run([geomap_exe, "ingest", str(SEED)], env=env, check=True, capture_output=True)
    with running_server(geomap_exe, env) as base:
        page, watch = open_map(browser, base + "/map")
        try:
            before = state(page)
            set_filter(page, q="")  # the panel is in use
            page.evaluate("geomap.map().setView([40, 125], 5, {animate: false})")
            subprocess.run(
                [geomap_exe, "ingest", str(REPORTS / "xss_report.txt")],
                env=env,
                check=True,
                capture_output=True,
            )
            page.wait_for_function(
                # a function, not an expression: the page's CSP forbids eval
                "n => geomap.state().incidents.total > n",
                arg=before["incidents"]["total"],
                timeout=30_000,
            )
            wait_ready(page)
            after = state(page)
            assert after["movements"]["total"] > before["movements"]["total"]
            # the time control spans the new report's dates: everything new is shown
            assert after["incidents"]["shown"] == after["incidents"]["total"]
            assert after["range"][1] >= "2020-03-02"
            legend = page.locator(".geomap-legend").text_content()
            assert "flight/defection (2)" in legend  # the legend counts the new report too
            assert page.evaluate("geomap.map().getZoom()") == 5  # the view stayed
            assert "updated" in page.locator(".geomap-live").text_content()
            status, _, body = http_get(base + "/version")
            assert (
                page.evaluate("document.documentElement.getAttribute('data-geomap-version')")
                == json.loads(body)["version"]
            )
            shot(page, "live-refresh")
            watch.assert_clean()
        finally:
            page.context.close()


def test_everything_works_under_a_strict_csp(browser: Any, served: dict[str, Any]) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 800}, accept_downloads=True)
    violations: list[str] = []
    errors: list[str] = []

    page = context.new_page()
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    try:
        response = page.goto(served["base"] + "/map")
        assert response is not None
        # the server's own policy: the page's inline scripts by hash, no eval, nothing inline
        policy = response.headers["content-security-policy"]
        scripts = next(d for d in policy.split(";") if d.strip().startswith("script-src"))
        assert "'sha256-" in scripts
        assert "unsafe-inline" not in scripts and "unsafe-eval" not in scripts
        page.evaluate(
            "document.addEventListener('securitypolicyviolation', e =>"
            " (window.__csp = window.__csp || []).push(e.violatedDirective + ' ' + e.blockedURI))"
        )
        wait_ready(page)
        set_filter(page, type="arrest")
        page.check("input[name=geomap-heat]")
        wait_ready(page)
        page.uncheck("input[name=geomap-heat]")
        page.fill("input[name=geomap-search]", "Seoul")
        page.wait_for_timeout(300)
        assert page.locator(".geomap-result").count() >= 1
        with page.expect_download() as info:
            page.click("button.geomap-download-geojson")
        assert json.loads(Path(info.value.path()).read_text())["type"] == "FeatureCollection"
        violations = page.evaluate("window.__csp || []")
        assert state(page)["ready"]
        assert dom_counts(page)["outlines"] > 100
        shot(page, "strict-csp")
    finally:
        context.close()
    assert violations == []
    assert [e for e in errors if "Content Security Policy" in e] == []
    assert errors == []
