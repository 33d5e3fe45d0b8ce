"""Tests for geomap.render: offline assets, one mark per feature, escaping of article text."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

import folium
import pytest

from geomap.render import ASSET_PATHS, OSM_TILES, AssetResolver, render_html, render_standalone

STATIC_DIR = Path(__file__).resolve().parents[2] / "static"
OSM_COPYRIGHT = "https://www.openstreetmap.org/copyright"

XSS_SCRIPT = "<script>alert(1)</script>"
XSS_IMG = "<img src=x onerror=alert(1)>"
XSS_TEMPLATE = "${alert(2)} `tick` C:\\users"


def point(lon: float, lat: float, **props: object) -> dict:
    return {
        "type": "Feature",
        "geometry": {"type": "Point", "coordinates": [lon, lat]},
        "properties": props,
    }


def line(coords: list[list[float]], **props: object) -> dict:
    return {
        "type": "Feature",
        "geometry": {"type": "LineString", "coordinates": coords},
        "properties": props,
    }


def collection(*features: dict) -> dict:
    return {"type": "FeatureCollection", "features": list(features)}


PYONGYANG = [125.7625, 39.0392]
DANDONG = [124.3545, 40.1290]
SHENYANG = [123.4315, 41.8057]

LAYERS = {
    "places": collection(
        point(*PYONGYANG, name="Pyongyang", n_mentions=5),
        point(*DANDONG, name="Dandong", n_mentions=None),
        point(*SHENYANG, name=XSS_IMG),
    ),
    "incidents": collection(
        point(
            *SHENYANG,
            event_type="defection",
            date="2019-03-05",
            actor="MSS officials",
            location="Shenyang",
            location_type="city",
            quote="q" * 900,
            title=XSS_SCRIPT,
            publisher="The Telegraph",
        ),
        point(122.6, 41.1, event_type=XSS_TEMPLATE, location_type="admin1"),
    ),
    "movements": collection(
        line(
            [PYONGYANG, DANDONG],
            origin="Pyongyang",
            destination="Dandong",
            movement_type="flight",
            date="2019-03-15",
            actor="senior MSS official",
            quote="fled with his family",
            title=XSS_IMG,
        ),
    ),
}


@pytest.fixture(scope="module")
def static_dir() -> Path:
    if not (STATIC_DIR / "node_modules" / ASSET_PATHS["leaflet"]).is_file():
        pytest.fail(
            f"map assets missing under {STATIC_DIR}/node_modules: "
            "run `npm ci --prefix static --no-audit --no-fund` first"
        )
    return STATIC_DIR


@pytest.fixture(scope="module")
def page() -> str:
    return render_html(LAYERS, assets=AssetResolver())


@pytest.fixture(scope="module")
def standalone(static_dir: Path) -> str:
    return render_standalone(LAYERS, static_dir=static_dir, title="test map")


def asset_refs(html: str) -> list[str]:
    """URLs of <script src> and <link href> in a page."""
    return re.findall(r'<script[^>]*\ssrc="([^"]*)"', html) + re.findall(
        r'<link[^>]*\shref="([^"]*)"', html
    )


def bound_texts(html: str, method: str) -> list[str]:
    """Contents passed to .bindTooltip(...) / .bindPopup(...), decoded from their JS literals."""
    literals = re.findall(r"\." + method + r'\(("(?:[^"\\]|\\.)*")\s*,', html)
    return [json.loads(s) for s in literals]


def test_no_remote_urls_but_osm_tiles(page: str) -> None:
    refs = asset_refs(page)
    assert refs, "expected local <script>/<link> assets"
    assert not [u for u in refs if re.match(r"(https?:)?//", u)]
    remote = set(re.findall(r"https?://[^\s\"'<>\\]+", page))
    assert remote <= {OSM_TILES, OSM_COPYRIGHT}
    assert OSM_TILES in page


def test_assets_under_prefix_and_present_on_disk(static_dir: Path) -> None:
    html = render_html({}, assets=AssetResolver(prefix="/assets/npm"))
    refs = asset_refs(html)
    assert {u.rsplit("/", 1)[-1] for u in refs} == {
        "leaflet.js",
        "leaflet.css",
        "topojson-client.min.js",
    }
    basemap = "/assets/npm/" + ASSET_PATHS["basemap"]
    assert f'fetch("{basemap}")' in html
    for url in [*refs, basemap]:
        assert url.startswith("/assets/npm/"), url
        assert (static_dir / "node_modules" / url.removeprefix("/assets/npm/")).is_file(), url


def test_no_jquery_bootstrap_or_awesome_markers(page: str) -> None:
    lowered = page.lower()
    for name in ("jquery", "bootstrap", "awesome-markers", "font-awesome", "$(`"):
        assert name not in lowered


def test_class_level_assets_untouched(page: str) -> None:
    assert all(url.startswith("https://") for _, url in folium.Map.default_js)
    assert all(url.startswith("https://") for _, url in folium.TopoJson.default_js)


def test_one_mark_per_feature(page: str) -> None:
    assert page.count("L.circleMarker(") == 5
    assert page.count("L.polyline(") == 1
    assert page.count("L.divIcon(") == 1  # arrow head of the one movement
    for group in ("Places", "Incidents", "Movements"):
        assert f'"{group}" :' in page


def test_lon_lat_swapped_to_lat_lon(page: str) -> None:
    assert "[39.0392, 125.7625]" in page
    assert "[125.7625, 39.0392]" not in page
    assert re.search(r"L\.polyline\(\s*\[\[39\.0392, 125\.7625\], \[40\.129, 124\.3545\]\]", page)


def test_fits_bounds_to_data(page: str) -> None:
    fit = re.search(r"fitBounds\(\s*(\[\[.*?\]\])", page, re.S)
    assert fit and json.loads(fit.group(1)) == [[39.0392, 122.6], [41.8057, 125.7625]]


def test_empty_and_missing_layers_give_world_view() -> None:
    for layers in ({}, {"places": collection(), "incidents": None, "movements": {}}):
        html = render_html(layers, assets=AssetResolver())
        assert "L.circleMarker(" not in html and "L.polyline(" not in html
        assert "fitBounds" not in html
        assert '"zoom": 2' in html


def test_bad_features_are_skipped() -> None:
    layers = {
        "places": collection(
            {"type": "Feature", "geometry": None, "properties": {"name": "nowhere"}},
            {"type": "Feature", "geometry": {"type": "Point", "coordinates": ["a", 1]}},
            point(float("nan"), 3.0),
            point(10.0, 95.0),
            point(10.0, 20.0),  # no properties at all
        ),
        "movements": collection(line([PYONGYANG]), line([PYONGYANG, DANDONG])),
    }
    html = render_html(layers, assets=AssetResolver())
    assert html.count("L.circleMarker(") == 1
    assert html.count("L.polyline(") == 1
    assert bound_texts(html, "bindTooltip") == ["movement"]


def test_article_text_is_escaped(page: str, standalone: str) -> None:
    for html in (page, standalone):
        for raw in (XSS_SCRIPT, XSS_IMG, "<img", "<script>alert"):
            assert raw not in html
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
        assert "&lt;img src=x onerror=alert(1)&gt;" in html
        # every tooltip/popup is a JSON string literal, never a JS template literal
        assert "bindTooltip(`" not in html and "bindPopup(`" not in html and "$(`" not in html
    texts = bound_texts(page, "bindTooltip") + bound_texts(page, "bindPopup")
    assert texts
    for text in texts:
        assert "<script" not in text and "<img" not in text
    assert "${alert(2)} `tick` C:\\users" in bound_texts(page, "bindTooltip")


def test_tooltips_and_popups(page: str) -> None:
    tooltips = bound_texts(page, "bindTooltip")
    assert "Pyongyang" in tooltips
    assert "Pyongyang → Dandong (flight, 2019-03-15)" in tooltips
    popups = bound_texts(page, "bindPopup")
    incident = next(p for p in popups if "defection" in p)
    for part in ("2019-03-05", "MSS officials", "Shenyang", "The Telegraph"):
        assert part in incident
    quote = re.search(r"<q>(q+)…</q>", incident)
    assert quote and len(quote.group(1)) < 500
    movement = next(p for p in popups if "fled with his family" in p)
    assert "senior MSS official" in movement and "2019-03-15" in movement


def test_movement_label_with_missing_values() -> None:
    layers = {"movements": collection(line([PYONGYANG, DANDONG], destination="Dandong"))}
    html = render_html(layers, assets=AssetResolver())
    assert bound_texts(html, "bindTooltip") == ["? → Dandong"]


def test_vague_incidents_are_hollow(page: str) -> None:
    opacities = re.findall(r'"fillOpacity": ([\d.]+), "fillRule"', page)
    assert "0.08" in opacities and "0.8" in opacities


def test_standalone_inlines_everything(standalone: str) -> None:
    assert "/static/" not in standalone
    assert asset_refs(standalone) == []
    assert "<title>test map</title>" in standalone
    assert "fetch(" not in standalone
    assert '"countries":{"type":"GeometryCollection"' in standalone  # TopoJSON embedded
    assert "url(images/" not in standalone and "url(data:image/png;base64," in standalone
    assert standalone.count("L.circleMarker(") == 5


def test_standalone_needs_installed_assets(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match="npm ci"):
        render_standalone(LAYERS, static_dir=tmp_path)


def test_unknown_asset_name() -> None:
    with pytest.raises(KeyError, match="markerclusterjs"):
        AssetResolver().url("markerclusterjs")


PROBE = """<script>
window.alert = function () { document.body.setAttribute("data-xss", "fired"); };
window.addEventListener("load", function () { setTimeout(function () {
  var map = window[document.querySelector(".folium-map").id], marks = 0, lines = 0, outlines = 0;
  map.eachLayer(function (l) {
    if (l instanceof L.CircleMarker) marks++;
    else if (l instanceof L.Polyline && l.options.pane === "geomap-basemap") outlines++;
    else if (l instanceof L.Polyline) lines++;
    if (l.getTooltip && l.getTooltip()) l.openTooltip();
  });
  var out = document.createElement("output"); out.id = "probe";
  out.textContent = JSON.stringify({marks: marks, lines: lines, outlines: outlines,
    tooltips: Array.from(document.querySelectorAll(".leaflet-tooltip")).map(e => e.textContent)});
  document.body.appendChild(out);
}, 500); });
</script>"""


def test_standalone_renders_in_chromium(standalone: str, tmp_path: Path) -> None:
    if shutil.which("chromium") is None:
        if os.environ.get("GEOMAP_REQUIRE_BROWSER"):
            pytest.fail("chromium is required (GEOMAP_REQUIRE_BROWSER is set) but not installed")
        pytest.skip("Debian chromium not installed (apt-get install chromium)")
    page = tmp_path / "map.html"
    page.write_text(standalone.replace("</head>", PROBE + "</head>", 1), encoding="utf-8")
    with tempfile.TemporaryDirectory() as profile:
        dom = subprocess.run(
            [
                "chromium",
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                f"--user-data-dir={profile}",
                "--virtual-time-budget=5000",
                "--dump-dom",
                page.as_uri(),
            ],
            capture_output=True,
            text=True,
            timeout=120,
            check=True,
        ).stdout
    probe = re.search(r'<output id="probe">(.*?)</output>', dom)
    assert probe, "map script did not run"
    result = json.loads(
        probe.group(1).replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
    )
    assert 'data-xss="fired"' not in dom
    assert result["marks"] == 5 and result["lines"] == 1
    assert result["outlines"] > 100  # countries drawn from the inlined TopoJSON
    assert XSS_IMG in result["tooltips"]  # shown as text, not parsed as HTML
    assert XSS_TEMPLATE in result["tooltips"]
