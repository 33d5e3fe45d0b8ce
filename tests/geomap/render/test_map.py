"""Tests for geomap.render.map: offline assets, one item per feature, script-safe article text.

What the page does with these items in a real browser is tested in tests/browser/.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import folium
import folium.plugins
import pytest
from hypothesis import given
from hypothesis import strategies as st

from geomap.render import map as render
from geomap.render.map import (
    ASSET_PATHS,
    EVENT_STYLES,
    OSM_TILES,
    AssetResolver,
    render_html,
    render_standalone,
)

STATIC_DIR = Path(__file__).resolve().parents[3] / "static"
MAP_JS = Path(render.__file__).with_name("map.js")
OSM_COPYRIGHT = "https://www.openstreetmap.org/copyright"
SVG_NAMESPACE = "http://www.w3.org/2000/svg"  # an XML namespace name in map.js, never fetched

XSS_SCRIPT = "<script>alert(1)</script>"
XSS_IMG = "<img src=x onerror=alert(1)>"
XSS_TEMPLATE = '${alert(2)} `tick` C:\\users "O\'Brien" </script><!--'


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
        point(*PYONGYANG, name="Pyongyang", n_mentions=5, feature_type="city"),
        point(*DANDONG, name="Dandong", n_mentions=None),
        point(*SHENYANG, name=XSS_IMG, feature_type="admin1"),
    ),
    "incidents": collection(
        point(
            *SHENYANG,
            id="i1",
            event_type="flight/defection",
            event_date="2019-03-05",
            date_start="2019-03-05",
            date_end="2019-03-07",
            time_precision=2,
            actor1="MSS officials",
            location="Shenyang",
            place_name="Shenyang",
            location_type="city",
            geo_precision=1,
            quote="q" * 900,
            title=XSS_SCRIPT,
            publisher="The Telegraph",
            url="javascript:alert(1)",
        ),
        point(122.6, 41.1, id="i2", event_type=XSS_TEMPLATE, location_type="admin1"),
        point(122.0, 40.0, id="i3", event_type="arrest", geo_precision=2, event_date="2019-04-01"),
    ),
    "movements": collection(
        line(
            [PYONGYANG, DANDONG],
            id="m1",
            origin="Pyongyang",
            destination="Dandong",
            origin_type="city",
            destination_type="city",
            movement_type="fled",
            event_date="2019-03-15",
            actor=XSS_TEMPLATE,
            quote="fled with his family",
            title=XSS_IMG,
            length_km=190.4,
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
    return render_html(LAYERS, assets=AssetResolver(), filters={"actor": "<b>x</b>"})


@pytest.fixture(scope="module")
def standalone(static_dir: Path) -> str:
    return render_standalone(LAYERS, static_dir=static_dir, title="test <map>")


def asset_refs(html: str) -> list[str]:
    """URLs of <script src> and <link href> in a page (the empty favicon excepted)."""
    return re.findall(r'<script[^>]*\ssrc="([^"]*)"', html) + [
        u for u in re.findall(r'<link[^>]*\shref="([^"]*)"', html) if u != "data:,"
    ]


def items(html: str, layer: str) -> list[dict[str, Any]]:
    """The items of ``layer`` from its JSON <script> block, which map.js reads."""
    (block,) = re.findall(
        rf'<script type="application/json" id="geomap-data-{layer}-\w+">(.*?)</script>', html, re.S
    )
    return list(json.loads(block)["items"])


def spec(html: str) -> dict[str, Any]:
    """The settings object passed to geomap.setup(map, spec)."""
    assert re.search(r"geomap\.setup\(\w+, ", html)
    (block,) = re.findall(
        r'<script type="application/json" id="geomap-spec">(.*?)</script>', html, re.S
    )
    return dict(json.loads(block))


def test_no_remote_urls_but_osm_tiles(page: str) -> None:
    refs = asset_refs(page)
    assert refs, "expected local <script>/<link> assets"
    assert not [u for u in refs if re.match(r"(https?:)?//", u)]
    remote = set(re.findall(r"https?://[^\s\"'<>\\]+", page))
    assert remote <= {OSM_TILES, OSM_COPYRIGHT, SVG_NAMESPACE}
    assert OSM_TILES in page


def test_assets_under_prefix_and_present_on_disk(static_dir: Path) -> None:
    html = render_html({}, assets=AssetResolver(prefix="/assets/npm"))
    refs = asset_refs(html)
    assert {u.rsplit("/", 1)[-1] for u in refs} == {
        "leaflet.js",
        "leaflet.css",
        "topojson-client.min.js",
        "leaflet.markercluster.js",
        "leaflet-heat.js",
        "MarkerCluster.css",
        "MarkerCluster.Default.css",
        "Control.FullScreen.js",
        "Control.FullScreen.css",
    }
    basemap = "/assets/npm/" + ASSET_PATHS["basemap"]
    assert f'fetch("{basemap}")' in html
    for url in [*refs, basemap]:
        assert url.startswith("/assets/npm/"), url
        assert (static_dir / "node_modules" / url.removeprefix("/assets/npm/")).is_file(), url
    # leaflet.js and the plugins that extend L load in that order
    assert refs.index("/assets/npm/" + ASSET_PATHS["leaflet"]) < refs.index(
        "/assets/npm/" + ASSET_PATHS["markerclusterjs"]
    )


def test_no_jquery_bootstrap_or_awesome_markers(page: str) -> None:
    lowered = page.lower()
    for name in ("jquery", "bootstrap", "awesome-markers", "font-awesome", "$(`"):
        assert name not in lowered


def test_class_level_assets_untouched(page: str) -> None:
    for cls in (folium.Map, folium.TopoJson, folium.plugins.Fullscreen):
        assert all(url.startswith("https://") for _, url in cls.default_js), cls
        assert all(url.startswith("https://") for _, url in cls.default_css), cls


def test_controls_present(page: str) -> None:
    assert "L.control.fullscreen(" in page
    assert "L.control.layers(" in page
    assert "L.control.scale(" in page
    for name in ("Places", "Incidents", "Movements", "Countries", "OpenStreetMap (online)"):
        assert f'"{name}" :' in page
    # OSM is a base layer the viewer may choose, never the default
    assert re.search(r"tile_layer_\w+\.addTo\(", page) is None


def test_one_item_per_feature(page: str) -> None:
    assert [it["id"] for it in items(page, "incidents")] == ["i1", "i2", "i3"]
    assert [it["id"] for it in items(page, "movements")] == ["m1"]
    assert len(items(page, "places")) == 3


def test_lon_lat_swapped_to_lat_lon(page: str) -> None:
    assert items(page, "places")[0]["ll"] == [39.0392, 125.7625]
    assert items(page, "movements")[0]["ll"] == [[39.0392, 125.7625], [40.129, 124.3545]]


def test_fits_bounds_to_data(page: str) -> None:
    assert spec(page)["bounds"] == [[39.0392, 122.0], [41.8057, 125.7625]]


def test_empty_and_missing_layers_give_world_view() -> None:
    for layers in ({}, {"places": collection(), "incidents": None, "movements": {}}):
        html = render_html(layers, assets=AssetResolver())
        assert all(items(html, name) == [] for name in ("places", "incidents", "movements"))
        assert spec(html)["bounds"] is None
        assert '"zoom": 2' in html
        assert spec(html)["time"] is None


def test_bad_features_are_skipped() -> None:
    layers = {
        "places": collection(
            {"type": "Feature", "geometry": None, "properties": {"name": "nowhere"}},
            {"type": "Feature", "geometry": {"type": "Point", "coordinates": ["a", 1]}},
            point(float("nan"), 3.0),
            point(10.0, 95.0),
            point(10.0, 20.0),  # no properties at all
            "not a feature",  # type: ignore[arg-type]
        ),
        "incidents": collection(line([PYONGYANG, DANDONG])),  # a line is no incident
        "movements": collection(line([PYONGYANG]), line([PYONGYANG, DANDONG])),
    }
    html = render_html(layers, assets=AssetResolver())
    assert [it["ll"] for it in items(html, "places")] == [[20.0, 10.0]]
    assert items(html, "incidents") == []
    (movement,) = items(html, "movements")
    assert "origin" not in movement["p"]  # null and missing values are left out


def test_multilinestring_and_antimeridian() -> None:
    layers = {
        "movements": collection(
            {
                "type": "Feature",
                "geometry": {
                    "type": "MultiLineString",
                    "coordinates": [[[179.0, 10.0], [-179.0, 11.0]], [[0.0, 0.0], [1.0, 1.0]]],
                },
                "properties": {},
            }
        )
    }
    (movement,) = items(render_html(layers, assets=AssetResolver()), "movements")
    # the first part keeps going east across 180° instead of jumping back across the world
    assert movement["ll"] == [[[10.0, 179.0], [11.0, 181.0]], [[0.0, 0.0], [1.0, 1.0]]]


def test_a_line_cut_at_the_antimeridian_is_drawn_whole() -> None:
    cut = [[[170.0, 60.0], [180.0, 62.0]], [[-180.0, 62.0], [-170.0, 64.0], [-160.0, 63.0]]]
    layers = {
        "movements": collection(
            {
                "type": "Feature",
                "geometry": {"type": "MultiLineString", "coordinates": cut},
                "properties": {},
            }
        )
    }
    (movement,) = items(render_html(layers, assets=AssetResolver()), "movements")
    # one line, going on east past 180° where the GeoJSON cut it
    assert movement["ll"] == [[60.0, 170.0], [62.0, 180.0], [64.0, 190.0], [63.0, 200.0]]


def test_article_text_never_appears_as_markup(page: str, standalone: str) -> None:
    for html in (page, standalone):
        for raw in (XSS_SCRIPT, XSS_IMG, "<img", "<script>alert", "<b>x</b>", "<!--"):
            assert raw not in html
    # ... yet the exact text reaches the page's data, to be shown as text
    (first, second, _) = items(page, "incidents")
    assert first["p"]["title"] == XSS_SCRIPT
    assert second["p"]["event_type"] == XSS_TEMPLATE
    assert items(page, "movements")[0]["p"]["actor"] == XSS_TEMPLATE
    assert items(page, "places")[2]["p"]["name"] == XSS_IMG
    assert spec(page)["filters"] == ["actor = <b>x</b>"]


TEMPLATE_INJECTION = "{{ 7919*7907 }} {% if true %}x{% endif %} {# c #} {{ cycler.__init__ }}"


@pytest.mark.parametrize(
    ("layer", "key"),
    [("incidents", "quote"), ("incidents", "actor1"), ("movements", "title"), ("places", "name")],
)
def test_article_text_is_not_a_template(layer: str, key: str) -> None:
    """branca re-compiles element output as Jinja: article text must never take that path."""
    geometry = (
        {"type": "LineString", "coordinates": [PYONGYANG, DANDONG]}
        if layer == "movements"
        else {"type": "Point", "coordinates": PYONGYANG}
    )
    feature = {"type": "Feature", "geometry": geometry, "properties": {key: TEMPLATE_INJECTION}}
    html = render_html(
        {layer: collection(feature)},
        assets=AssetResolver(),
        title=TEMPLATE_INJECTION,
        filters={"actor": TEMPLATE_INJECTION},
    )
    assert items(html, layer)[0]["p"][key] == TEMPLATE_INJECTION
    assert spec(html)["filters"] == [f"actor = {TEMPLATE_INJECTION}"]
    assert "62615533" not in html and "<bound method" not in html
    assert "<title>{{ 7919*7907 }} {% if true %}x{% endif %}" in html


def test_map_js_puts_no_data_into_markup() -> None:
    """map.js may set innerHTML only from svgIcon(), whose input is the style table."""
    source = MAP_JS.read_text(encoding="utf-8")
    assignments = re.findall(r"\.innerHTML\s*=\s*([^;]+);", source)
    assert assignments and all(a.startswith("svgIcon(") for a in assignments)
    for call in re.findall(r"svgIcon\(([^;]*)\)", source):
        assert "p." not in call and "entry[0]" not in call.split(",")[0]
    # Leaflet writes string tooltip/popup content as HTML: map.js passes functions returning nodes
    bound = re.findall(r"\.bind(?:Tooltip|Popup)\((\w+)", source)
    assert bound and set(bound) <= {"asText", "incidentPopup", "movementPopup"}
    assert "insertAdjacentHTML" not in source and "document.write" not in source
    assert "eval(" not in source and "new Function" not in source


def test_text_is_bounded(page: str) -> None:
    quote = items(page, "incidents")[0]["p"]["quote"]
    assert quote.endswith("…") and len(quote) <= 300
    long = {"incidents": collection(point(1.0, 1.0, actor1="a " * 5000, sources="s" * 5000))}
    p = items(render_html(long, assets=AssetResolver()), "incidents")[0]["p"]
    assert len(p["actor1"]) <= 120 and len(p["sources"]) <= 400


def test_precision_flags(page: str) -> None:
    flags = {it["id"]: it["v"] for it in items(page, "incidents")}
    assert flags == {"i1": 0, "i2": 1, "i3": 1}  # city; admin1; geo_precision 2
    assert [it["v"] for it in items(page, "places")] == [0, 0, 1]
    assert items(page, "movements")[0]["v"] == 0
    vague = {"movements": collection(line([PYONGYANG, DANDONG], destination_type="country"))}
    assert items(render_html(vague, assets=AssetResolver()), "movements")[0]["v"] == 1


def test_time_spans(page: str) -> None:
    spans = {it["id"]: it["t"] for it in items(page, "incidents")}
    day = 17960  # 2019-03-05 is day 17960 after 1970-01-01
    assert spans == {"i1": [day, day + 2], "i2": None, "i3": [day + 27, day + 27]}
    assert items(page, "movements")[0]["t"] == [day + 10, day + 10]
    assert spec(page)["time"] == {"min": day, "max": day + 27, "undated": 1}


def test_legend_counts_and_styles(page: str) -> None:
    s = spec(page)
    assert dict(s["legend"]["events"]) == {"flight/defection": 1, XSS_TEMPLATE: 1, "arrest": 1}
    assert dict(s["legend"]["movements"]) == {"fled": 1}
    assert s["legend"]["places"] == 3
    assert set(s["styles"]["events"]) == set(EVENT_STYLES)
    colors = [v["color"] for v in s["styles"]["events"].values()]
    assert len(set(colors)) == len(colors), "every event type has its own colour"
    for style in s["styles"]["events"].values():
        assert re.fullmatch(r"#[0-9a-f]{6}", style["color"])
        assert re.fullmatch(r"[MmLlHhVvCcSsAaZz0-9 .,-]+", style["glyph"])
    assert s["item_base"] == "/collections/"


def test_unknown_properties_and_types_are_kept_as_text() -> None:
    layers = {"incidents": collection(point(1.0, 2.0, event_type=7, geo_precision="x"))}
    (it,) = items(render_html(layers, assets=AssetResolver()), "incidents")
    assert it["p"]["event_type"] == "7" and "geo_precision" not in it["p"]


def test_standalone_inlines_everything(standalone: str) -> None:
    assert "/static/" not in standalone
    assert asset_refs(standalone) == []
    assert "<title>test &lt;map&gt;</title>" in standalone
    assert 'fetch("' not in standalone  # the base map is not fetched: it is embedded
    assert '"live":null' in standalone  # and a file never polls a server for new reports
    assert '"countries":{"type":"GeometryCollection"' in standalone  # TopoJSON embedded
    assert "url(images/" not in standalone and "url(data:image/png;base64," in standalone
    assert "url(data:image/svg+xml;base64," in standalone  # the fullscreen button's icon
    assert "markerClusterGroup=" in standalone.replace(" ", "")  # leaflet.markercluster
    assert "leaflet.control.fullscreen" in standalone  # leaflet.fullscreen
    assert len(items(standalone, "incidents")) == 3


def test_standalone_needs_installed_assets(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match="npm ci"):
        render_standalone(LAYERS, static_dir=tmp_path)


def test_unknown_asset_name() -> None:
    with pytest.raises(KeyError, match="heatmap"):
        AssetResolver().url("heatmap")


@given(st.text())
def test_script_json_round_trip(text: str) -> None:
    literal = render._json_for_script({"t": text})
    assert json.loads(literal) == {"t": text}
    for bad in ("<", ">", "&", "\u2028", "\u2029"):
        assert bad not in literal


@given(st.text(), st.integers(min_value=2, max_value=400))
def test_clean_bounds_and_collapses(text: str, limit: int) -> None:
    cleaned = render._clean(text, limit)
    if not text.split():
        assert cleaned is None
    else:
        assert cleaned is not None and len(cleaned) <= limit
        assert cleaned == " ".join(cleaned.split())
        assert render._clean(cleaned, limit) == cleaned
