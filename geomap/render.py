"""Render geomap's GeoJSON layers as a Folium/Leaflet map that works without internet.

Every script, stylesheet and the base map come from npm packages installed into
``static/node_modules`` (``npm ci --prefix static``). Two outputs are offered:

* :func:`render_html` links those files under a URL prefix, for a server that serves ``static/``;
* :func:`render_standalone` inlines them all, giving one HTML file that opens from disk.

OpenStreetMap tiles are offered as a second, non-default base layer for viewers who are online.
All text taken from articles is HTML-escaped and length-bounded before it reaches the page.
"""

from __future__ import annotations

import base64
import html
import json
import math
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import folium
from branca.element import Element, Figure
from folium.elements import JSCSSMixin
from folium.map import Layer
from folium.template import Template

__all__ = ["ASSET_PATHS", "AssetResolver", "build_map", "render_html", "render_standalone"]

#: Folium asset name -> file path inside ``node_modules`` (see ``static/package.json``).
ASSET_PATHS: Mapping[str, str] = {
    "leaflet": "leaflet/dist/leaflet.js",
    "leaflet_css": "leaflet/dist/leaflet.css",
    "topojson": "topojson-client/dist/topojson-client.min.js",
    "basemap": "world-atlas/countries-50m.json",
}

#: Assets folium's Map asks for that this module never needs (folium.Icon, Popup, Bootstrap).
_UNUSED_ASSETS = frozenset(
    {
        "jquery",
        "bootstrap",
        "awesome_markers",
        "bootstrap_css",
        "glyphicons_css",
        "awesome_markers_font_css",
        "awesome_markers_css",
        "awesome_rotate_css",
    }
)

OSM_TILES = "https://tile.openstreetmap.org/{z}/{x}/{y}.png"
_OSM_ATTRIBUTION = '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a>'
_NE_ATTRIBUTION = "Natural Earth"

_WORLD_VIEW = (25.0, 10.0)
_MAX_FIT_ZOOM = 8
_BASEMAP_PANE = "geomap-basemap"
_MOVEMENTS_PANE = "geomap-movements"
_INLINE_PREFIX = "geomap-inline/"

_PLACE_COLOR = "#1f5fa8"
_INCIDENT_COLOR = "#c0392b"
_MOVEMENT_COLOR = "#7b3fa0"
_VAGUE_LOCATION_TYPES = frozenset({"admin1", "country"})

_TEXT_LIMIT = 200
_QUOTE_LIMIT = 500

_PAGE_CSS = """<style>
.folium-map.leaflet-container { background: #cfe0ec; }
.geomap-popup { max-width: 320px; font: 13px/1.35 sans-serif; }
.geomap-popup q { display: block; margin: 4px 0; font-style: italic; }
.geomap-arrow { background: none; border: none; }
</style>"""


@dataclass(frozen=True)
class AssetResolver:
    """Maps folium asset names (``leaflet``, ``leaflet_css``, ...) to local URLs.

    ``prefix`` is the URL at which ``static/node_modules`` is served.
    """

    prefix: str = "/static/node_modules/"

    def url(self, name: str) -> str:
        """Return the local URL of asset ``name``; KeyError names assets with no local copy."""
        try:
            path = ASSET_PATHS[name]
        except KeyError:
            raise KeyError(f"no local copy of map asset {name!r}; add it to ASSET_PATHS") from None
        return self.prefix.rstrip("/") + "/" + path


class _Bind(folium.MacroElement):
    """Bind a tooltip or popup to the parent layer, content passed as a JSON string literal.

    folium's own Tooltip/Popup paste their text into a JS template literal (and Popup needs
    jQuery), so ``${...}``, backticks or backslashes in article text could run or break script.
    """

    _template = Template(
        """
        {% macro script(this, kwargs) %}
            {{ this._parent.get_name() }}.{{ this.method }}({{ this.content }},
                {{ this.options|tojavascript }});
        {% endmacro %}
        """
    )

    def __init__(self, method: str, content_html: str, **options: Any) -> None:
        super().__init__()
        self._name = "Bind"
        self.method = method
        self.content = _js_string(content_html)
        self.options = options


class _OutlineLayer(JSCSSMixin, Layer):
    """Country outlines from world-atlas TopoJSON, drawn beneath everything else.

    With ``data`` the TopoJSON is embedded in the page; otherwise it is fetched from ``url``.
    """

    _template = Template(
        """
        {% macro script(this, kwargs) %}
            var {{ this.get_name() }} = L.geoJSON(null, {{ this.options|tojavascript }});
            (function (layer) {
                // world-atlas rings may cross the antimeridian or circle a pole; Leaflet
                // would draw those as bands across the map, so unwrap their longitudes.
                function unwrap(ring) {
                    var out = [], shift = 0;
                    ring.forEach(function (p, i) {
                        var d = i ? p[0] - ring[i - 1][0] : 0;
                        shift += d > 180 ? -360 : d < -180 ? 360 : 0;
                        out.push([p[0] + shift, p[1]]);
                    });
                    var first = out[0], last = out[out.length - 1];
                    if (Math.abs(last[0] - first[0]) > 180) {
                        var pole = first[1] < 0 ? -90 : 90;
                        out.push([last[0], pole], [first[0], pole]);
                    }
                    return out;
                }
                function draw(topo) {
                    var fc = topojson.feature(topo, topo.objects.countries);
                    fc.features.forEach(function (f) {
                        var g = f.geometry;
                        var polys = !g ? [] : g.type === "Polygon" ? [g.coordinates]
                            : g.type === "MultiPolygon" ? g.coordinates : [];
                        polys.forEach(function (poly) {
                            for (var i = 0; i < poly.length; i++) poly[i] = unwrap(poly[i]);
                        });
                    });
                    layer.addData(fc);
                }
            {%- if this.data is not none %}
                draw({{ this.data }});
            {%- else %}
                fetch({{ this.url|tojson }})
                    .then(function (r) { return r.json(); })
                    .then(draw)
                    .catch(function (e) { console.warn("geomap: no base map", e); });
            {%- endif %}
            })({{ this.get_name() }});
        {% endmacro %}
        """
    )

    default_js = [("topojson", "topojson-client/dist/topojson-client.min.js")]

    def __init__(self, *, url: str, data: str | None = None, name: str = "Countries") -> None:
        super().__init__(name=name, overlay=False, control=True, show=True)
        self._name = "OutlineLayer"
        self.url = url
        self.data = data
        self.options = {
            "pane": _BASEMAP_PANE,
            "interactive": False,
            "attribution": _NE_ATTRIBUTION,
            "style": {
                "color": "#7d8a96",
                "weight": 0.8,
                "fillColor": "#f4f1ea",
                "fillOpacity": 1,
            },
        }


def build_map(
    layers: Mapping[str, dict], *, assets: AssetResolver, title: str = "geomap"
) -> folium.Map:
    """Build the map for ``layers`` (name -> GeoJSON FeatureCollection) with local assets."""
    return _build(layers, assets=assets, title=title, basemap_data=None)


def render_html(layers: Mapping[str, dict], *, assets: AssetResolver, title: str = "geomap") -> str:
    """Render the map page as HTML whose scripts, styles and base map load from ``assets``."""
    return build_map(layers, assets=assets, title=title).get_root().render()


def render_standalone(
    layers: Mapping[str, dict], *, static_dir: Path, title: str = "geomap"
) -> str:
    """Render one self-contained HTML page: every script, style and the base map inlined.

    ``static_dir`` is the folder holding ``node_modules`` (installed by ``npm ci``).
    """
    modules = Path(static_dir) / "node_modules"
    basemap = _read_asset(modules, "basemap")
    # Re-serialise so that only plain JSON ever lands inside the <script> element.
    basemap_js = _script_safe(json.dumps(json.loads(basemap), separators=(",", ":")))
    m = _build(
        layers,
        assets=AssetResolver(prefix=_INLINE_PREFIX),
        title=title,
        basemap_data=basemap_js,
    )
    return _inline_assets(m.get_root().render(), modules)


def _build(
    layers: Mapping[str, dict],
    *,
    assets: AssetResolver,
    title: str,
    basemap_data: str | None,
) -> folium.Map:
    m = folium.Map(location=_WORLD_VIEW, zoom_start=2, tiles=None, maxZoom=18)
    root = m.get_root()
    assert isinstance(root, Figure)
    root.title = html.escape(title)
    root.header.add_child(Element(_PAGE_CSS), name="geomap_css")

    folium.map.CustomPane(_BASEMAP_PANE, z_index=250, pointer_events=False).add_to(m)
    folium.map.CustomPane(_MOVEMENTS_PANE, z_index=390, pointer_events=True).add_to(m)
    _OutlineLayer(url=assets.url("basemap"), data=basemap_data).add_to(m)
    folium.TileLayer(
        OSM_TILES,
        name="OpenStreetMap (online)",
        attr=_OSM_ATTRIBUTION,
        max_zoom=19,
        overlay=False,
        show=False,
    ).add_to(m)

    positions: list[tuple[float, float]] = []
    places = _group(m, "Places")
    for props, pos in _points(layers.get("places")):
        _add_place(places, props, pos)
        positions.append(pos)
    incidents = _group(m, "Incidents")
    for props, pos in _points(layers.get("incidents")):
        _add_incident(incidents, props, pos)
        positions.append(pos)
    movements = _group(m, "Movements")
    for props, lines in _lines(layers.get("movements")):
        _add_movement(movements, props, lines)
        positions.extend(p for line in lines for p in line)

    folium.LayerControl(collapsed=False).add_to(m)
    if positions:
        lats = [p[0] for p in positions]
        lons = [p[1] for p in positions]
        m.fit_bounds(
            [[min(lats), min(lons)], [max(lats), max(lons)]],
            padding=(30, 30),
            max_zoom=_MAX_FIT_ZOOM,
        )
    _localise(m, assets)
    return m


def _group(m: folium.Map, name: str) -> folium.FeatureGroup:
    group = folium.FeatureGroup(name=name)
    group.add_to(m)
    return group


def _add_place(
    group: folium.FeatureGroup, props: Mapping[str, Any], pos: tuple[float, float]
) -> None:
    n = _number(props.get("n_mentions"), default=1.0)
    marker = folium.CircleMarker(
        pos,
        radius=min(4 + 2.5 * math.sqrt(max(n, 1.0)), 22),
        color=_PLACE_COLOR,
        weight=1.5,
        fill=True,
        fill_color=_PLACE_COLOR,
        fill_opacity=0.55,
    ).add_to(group)
    name = _text(props.get("name"))
    if name:
        _Bind("bindTooltip", name).add_to(marker)


def _add_incident(
    group: folium.FeatureGroup, props: Mapping[str, Any], pos: tuple[float, float]
) -> None:
    vague = props.get("location_type") in _VAGUE_LOCATION_TYPES
    marker = folium.CircleMarker(
        pos,
        radius=11 if vague else 6,
        color=_INCIDENT_COLOR,
        weight=2,
        dash_array="4 3" if vague else None,
        fill=True,
        fill_color=_INCIDENT_COLOR,
        fill_opacity=0.08 if vague else 0.8,
    ).add_to(group)
    label = _text(props.get("event_type")) or "incident"
    _Bind("bindTooltip", label).add_to(marker)
    rows = [
        ("Event", "event_type"),
        ("Date", "date"),
        ("Actor", "actor"),
        ("Location", "location"),
    ]
    _Bind("bindPopup", _popup_html(props, rows), maxWidth=340).add_to(marker)


def _add_movement(
    group: folium.FeatureGroup,
    props: Mapping[str, Any],
    lines: list[list[tuple[float, float]]],
) -> None:
    line = folium.PolyLine(
        lines if len(lines) > 1 else lines[0],
        color=_MOVEMENT_COLOR,
        weight=3,
        opacity=0.85,
        pane=_MOVEMENTS_PANE,
    ).add_to(group)
    _Bind("bindTooltip", _movement_label(props), sticky=True).add_to(line)
    rows = [("Movement", "movement_type"), ("Actor", "actor"), ("Date", "date")]
    _Bind("bindPopup", _popup_html(props, rows), maxWidth=340).add_to(line)
    last = lines[-1]
    _arrow_head(last[-2], last[-1]).add_to(group)


def _movement_label(props: Mapping[str, Any]) -> str:
    origin, dest = _text(props.get("origin"), 120), _text(props.get("destination"), 120)
    route = f"{origin or '?'} → {dest or '?'}" if origin or dest else "movement"
    extra = [t for t in (_text(props.get("movement_type"), 60), _text(props.get("date"), 40)) if t]
    return f"{route} ({', '.join(extra)})" if extra else route


def _popup_html(props: Mapping[str, Any], rows: Sequence[tuple[str, str]]) -> str:
    """Popup body: labelled rows, the quote, then the article's title and publisher."""
    parts = [
        f"<b>{label}:</b> {value}<br>" for label, key in rows if (value := _text(props.get(key)))
    ]
    if quote := _text(props.get("quote"), _QUOTE_LIMIT):
        parts.append(f"<q>{quote}</q>")
    source = [t for t in (_text(props.get("title")), _text(props.get("publisher"))) if t]
    if source:
        parts.append(f"<small>{' — '.join(source)}</small>")
    return f'<div class="geomap-popup">{"".join(parts) or "(no details)"}</div>'


def _arrow_head(start: tuple[float, float], end: tuple[float, float]) -> folium.Marker:
    """A triangle with its tip at ``end``, pointing along the last segment.

    The angle is taken in Web Mercator, which keeps it right at every zoom level.
    """

    def mercator_y(lat: float) -> float:
        lat = max(min(lat, 85.0), -85.0)
        return math.log(math.tan(math.pi / 4 + math.radians(lat) / 2))

    dx = math.radians(end[1] - start[1])
    dy = mercator_y(end[0]) - mercator_y(start[0])
    angle = -math.degrees(math.atan2(dy, dx))  # SVG rotates clockwise, screen y points down
    svg = (
        '<svg width="24" height="24" viewBox="0 0 24 24" style="overflow:visible">'
        f'<path d="M12 12 L-4 4 L0 12 L-4 20 Z" fill="{_MOVEMENT_COLOR}" stroke="#fff" '
        f'stroke-width="1" transform="rotate({angle:.1f} 12 12)"/></svg>'
    )
    icon = folium.DivIcon(
        html=svg, icon_size=(24, 24), icon_anchor=(12, 12), class_name="geomap-arrow"
    )
    return folium.Marker(end, icon=icon, interactive=False, keyboard=False)


def _features(collection: Any) -> Iterator[tuple[Mapping[str, Any], Mapping[str, Any]]]:
    """Yield (properties, geometry) of each feature that has a geometry."""
    if not isinstance(collection, Mapping):
        return
    for feature in collection.get("features") or ():
        if not isinstance(feature, Mapping):
            continue
        geometry = feature.get("geometry")
        if isinstance(geometry, Mapping):
            props = feature.get("properties")
            yield (props if isinstance(props, Mapping) else {}), geometry


def _points(collection: Any) -> Iterator[tuple[Mapping[str, Any], tuple[float, float]]]:
    for props, geometry in _features(collection):
        if geometry.get("type") == "Point":
            pos = _latlon(geometry.get("coordinates"))
            if pos is not None:
                yield props, pos


def _lines(
    collection: Any,
) -> Iterator[tuple[Mapping[str, Any], list[list[tuple[float, float]]]]]:
    for props, geometry in _features(collection):
        kind, coords = geometry.get("type"), geometry.get("coordinates")
        raw = [coords] if kind == "LineString" else coords if kind == "MultiLineString" else None
        if not isinstance(raw, list):
            continue
        lines = []
        for line in raw:
            pts = [p for p in map(_latlon, line if isinstance(line, list) else []) if p]
            if len(pts) >= 2:
                lines.append(pts)
        if lines:
            yield props, lines


def _latlon(position: Any) -> tuple[float, float] | None:
    """GeoJSON [lon, lat, ...] -> (lat, lon), or None if it is not a valid position."""
    if not isinstance(position, Sequence) or isinstance(position, str) or len(position) < 2:
        return None
    lon, lat = position[0], position[1]
    for v in (lon, lat):
        if isinstance(v, bool) or not isinstance(v, int | float) or not math.isfinite(v):
            return None
    if not -90 <= lat <= 90 or not -540 <= lon <= 540:
        return None
    return float(lat), float(lon)


def _number(value: Any, *, default: float) -> float:
    try:
        n = float(value)
    except (TypeError, ValueError):
        return default
    return n if math.isfinite(n) else default


def _text(value: Any, limit: int = _TEXT_LIMIT) -> str | None:
    """Untrusted value -> whitespace-collapsed, truncated, HTML-escaped text (None if empty)."""
    if value is None:
        return None
    text = " ".join(str(value).split())
    if not text:
        return None
    if len(text) > limit:
        text = text[: limit - 1].rstrip() + "…"
    return html.escape(text, quote=True)


def _js_string(text: str) -> str:
    """A JavaScript string literal for ``text`` that is safe inside an HTML <script>."""
    return _script_safe(
        json.dumps(text, ensure_ascii=False)
        .replace("\u2028", "\\u2028")
        .replace("\u2029", "\\u2029")
    )


def _script_safe(js: str) -> str:
    return js.replace("</", "<\\/").replace("<!--", "<\\!--")


def _walk(element: Element) -> Iterator[Element]:
    yield element
    for child in element._children.values():
        yield from _walk(child)


def _localise(m: folium.Map, assets: AssetResolver) -> None:
    """Point every element's JS/CSS at local copies (set per instance, never class-wide)."""
    for element in _walk(m):
        if isinstance(element, JSCSSMixin):
            element.default_js = [
                (name, assets.url(name))
                for name, _ in element.default_js
                if name not in _UNUSED_ASSETS
            ]
            element.default_css = [
                (name, assets.url(name))
                for name, _ in element.default_css
                if name not in _UNUSED_ASSETS
            ]


def _read_asset(modules: Path, name: str) -> str:
    path = modules / ASSET_PATHS[name]
    if not path.is_file():
        raise FileNotFoundError(
            f"{path} is missing: install the map assets with "
            "`npm ci --prefix static --no-audit --no-fund`"
        )
    return path.read_text(encoding="utf-8")


_SCRIPT_LINK = re.compile(r'<script src="' + re.escape(_INLINE_PREFIX) + r'([^"]+)"></script>')
_CSS_LINK = re.compile(
    r'<link rel="stylesheet" href="' + re.escape(_INLINE_PREFIX) + r'([^"]+)"\s*/?>'
)
_CSS_URL = re.compile(r"url\((['\"]?)(images/[\w.-]+\.png)\1\)")


def _inline_assets(page: str, modules: Path) -> str:
    """Replace the placeholder <script src>/<link href> tags with the files' contents."""
    by_path = {path: name for name, path in ASSET_PATHS.items()}

    def script(match: re.Match[str]) -> str:
        js = re.sub(
            r"</(script)", r"<\\/\1", _read_asset(modules, by_path[match.group(1)]), flags=re.I
        )
        return f"<script>\n{js}\n</script>"

    def style(match: re.Match[str]) -> str:
        name = by_path[match.group(1)]
        css_dir = (modules / ASSET_PATHS[name]).parent

        def data_uri(url: re.Match[str]) -> str:
            png = base64.b64encode((css_dir / url.group(2)).read_bytes()).decode("ascii")
            return f"url(data:image/png;base64,{png})"

        css = re.sub(
            r"</(style)", r"<\\/\1", _CSS_URL.sub(data_uri, _read_asset(modules, name)), flags=re.I
        )
        return f"<style>\n{css}\n</style>"

    page = _CSS_LINK.sub(style, _SCRIPT_LINK.sub(script, page))
    if _INLINE_PREFIX in page:
        raise RuntimeError("standalone map still references an asset that was not inlined")
    return page
