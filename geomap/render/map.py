"""Render geomap's GeoJSON layers as a Folium/Leaflet map that works without internet.

Every script, stylesheet and the base map come from npm packages installed into
``static/node_modules`` (``npm ci --prefix static``); geomap's own map code (``map.js``,
``map.css`` beside this module) is written into the page. Two outputs are offered:

* :func:`render_html` links the npm files under a URL prefix, for a server that serves them;
* :func:`render_standalone` inlines them all, giving one HTML file that opens from disk, with
  a Content-Security-Policy ``<meta>`` allowing exactly its inline scripts (by hash).

The layers are embedded as compact JSON and drawn by ``map.js`` (markers clustered with
Leaflet.markercluster, movements as arrowed lines, places sized by mentions, a legend and a
time control), so a map of thousands of features is built in well under a second.

Article text is whitespace-collapsed and length-bounded here, and written into the page as
JSON in which ``<``, ``>`` and ``&`` are ``\\u`` escapes, so no markup from a report exists in
the HTML source; ``map.js`` then puts it into the DOM only as text (``textContent``), never as
markup. OpenStreetMap tiles are offered as a second, non-default base layer for viewers online.
"""

from __future__ import annotations

import base64
import html
import json
import math
import re
from collections import Counter
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

import folium
from branca.element import Element, Figure
from folium.elements import JSCSSMixin
from folium.map import Layer
from folium.plugins import Fullscreen
from folium.template import Template

from geomap.events.extract import EVENT_TYPES
from geomap.render.csp import with_meta_policy
from geomap.render.filters import MOVEMENT_EVENT_TYPES

__all__ = [
    "ASSET_PATHS",
    "EVENT_STYLES",
    "MOVEMENT_COLORS",
    "AssetResolver",
    "build_map",
    "layer_items",
    "render_html",
    "render_standalone",
]

#: Folium asset name -> file path inside ``node_modules`` (see ``static/package.json``).
ASSET_PATHS: Mapping[str, str] = {
    "leaflet": "leaflet/dist/leaflet.js",
    "leaflet_css": "leaflet/dist/leaflet.css",
    "markerclusterjs": "leaflet.markercluster/dist/leaflet.markercluster.js",
    "markerclustercss": "leaflet.markercluster/dist/MarkerCluster.css",
    "markerclusterdefaultcss": "leaflet.markercluster/dist/MarkerCluster.Default.css",
    "Control.Fullscreen.js": "leaflet.fullscreen/Control.FullScreen.js",
    "Control.FullScreen.css": "leaflet.fullscreen/Control.FullScreen.css",
    "topojson": "topojson-client/dist/topojson-client.min.js",
    "leaflet_heat": "leaflet.heat/dist/leaflet-heat.js",
    "basemap": "world-atlas/countries-50m.json",
    "vectorgrid": "leaflet.vectorgrid/dist/Leaflet.VectorGrid.bundled.min.js",
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
_PLACES_PANE = "geomap-places"
_MOVEMENTS_PANE = "geomap-movements"
_INLINE_PREFIX = "geomap-inline/"
_HERE = Path(__file__).resolve().parent
_OWN_JS = ("map.js", "workbench.js")  # the map, then the workbench that plugs into it

# Icon glyphs: SVG path data in a 28x28 box, stroked in white on the type's colour.
_GLYPHS = {
    "forces": "M9 9l5 5-5 5M15 9l5 5-5 5",
    "flight": "M8 14h11M15 10l4 4-4 4M8 9v10",
    "evacuation": "M14 20V8M9.5 12.5L14 8l4.5 4.5M9 20h10",
    "deportation": "M20 14H8M12 10l-4 4 4 4M20 9v10",
    "border": "M14 7v3M14 12.5v3M14 18v3M7 14h13M17 11l3 3-3 3",
    "movement": "M11 9l5 5-5 5",
    "disappearance": "M11 11.5a3 3 0 1 1 4.2 2.7c-.8.4-1.2 1-1.2 1.8V17M14 20.2v.1",
    "arrest": "M10 13.5h8v6.5h-8zM11.5 13.5v-2a2.5 2.5 0 0 1 5 0v2",
    "attack": "M14 7.5l1.6 4.3 4.6.2-3.6 2.9 1.3 4.5L14 16.8l-3.9 2.6 1.3-4.5-3.6-2.9 4.6-.2z",
    "meeting": "M8 20c0-3 2-4.5 4-4.5M20 20c0-3-2-4.5-4-4.5M12 13.5a2 2 0 1 1 0-4a2 2 0 1 1 0 4"
    "M16 13.5a2 2 0 1 1 0-4a2 2 0 1 1 0 4",
    "surveillance": "M7 14s2.8-4.5 7-4.5 7 4.5 7 4.5-2.8 4.5-7 4.5S7 14 7 14z"
    "M14 12.2a1.8 1.8 0 1 0 0 3.6a1.8 1.8 0 1 0 0-3.6",
    "protest": "M10 21V7.5M10 8h8.5l-2 3 2 3H10",
    "other": "M11.5 14h5",
}

#: event_type -> (colour, glyph name); any other type is drawn with ``_OTHER_EVENT``.
EVENT_STYLES: Mapping[str, tuple[str, str]] = {
    "attack": ("#c0392b", "attack"),
    "arrest": ("#1f6f8b", "arrest"),
    "disappearance": ("#5d4037", "disappearance"),
    "flight/defection": ("#d35400", "flight"),
    "evacuation": ("#138d75", "evacuation"),
    "deportation": ("#2c3e91", "deportation"),
    "border crossing": ("#9a7d0a", "border"),
    "movement of forces": ("#7d3c98", "forces"),
    "movement": ("#4d7a1f", "movement"),
    "meeting/summit": ("#2471a3", "meeting"),
    "surveillance": ("#566573", "surveillance"),
    "protest": ("#c2185b", "protest"),
    "crash": ("#e67e22", "other"),
    "collision": ("#ca6f1e", "other"),
    "derailment": ("#a04000", "other"),
    "fire": ("#e74c3c", "other"),
    "explosion": ("#922b21", "other"),
    "flood": ("#2e86c1", "other"),
    "earthquake": ("#6e2c00", "other"),
    "landslide": ("#7e5109", "other"),
}
_OTHER_EVENT = ("#34495e", "other")

#: movement_type -> colour (a movement and the incident it belongs to share a colour).
MOVEMENT_COLORS: Mapping[str, str] = {
    "dispatched": "#7d3c98",
    "fled": "#d35400",
    "evacuated": "#138d75",
    "deported": "#2c3e91",
    "crossed": "#9a7d0a",
    "travelled": "#4d7a1f",
}
_OTHER_MOVEMENT = "#555555"
_PLACE_COLOR = "#1f5fa8"

_VAGUE_LOCATION_TYPES = frozenset({"admin2", "admin1", "region", "country"})

# Properties carried into the page: key -> longest text kept (0 for numbers).
_COMMON_FIELDS: Mapping[str, int] = {
    "event_date": 32,
    "date_start": 32,
    "date_end": 32,
    "time_precision": 0,
    "date_text": 80,
    "title": 200,
    "publisher": 100,
    "published": 32,
    "url": 500,
    "quote": 300,
    "n_sources": 0,
    "sources": 400,
    "extraction_confidence": 0,
    "geo_precision": 0,
}
_INCIDENT_FIELDS: Mapping[str, int] = {
    "event_type": 60,
    "sub_event_type": 60,
    "actor1": 120,
    "actor2": 120,
    "location": 120,
    "place_name": 120,
    "admin1": 80,
    "country_code": 8,
    "location_type": 20,
    "status": 20,
    "place_inferred": 0,
    **_COMMON_FIELDS,
}
_MOVEMENT_FIELDS: Mapping[str, int] = {
    "movement_type": 60,
    "verb": 40,
    "actor": 120,
    "origin": 120,
    "via": 300,
    "destination": 120,
    "origin_type": 20,
    "destination_type": 20,
    "origin_precision": 0,
    "destination_precision": 0,
    "length_km": 0,
    "status": 20,
    "origin_inferred": 0,
    "destination_inferred": 0,
    **_COMMON_FIELDS,
}
_PLACE_FIELDS: Mapping[str, int] = {
    "name": 120,
    "feature_type": 20,
    "location_type": 20,
    "geo_precision": 0,
    "n_mentions": 0,
    "country_code": 8,
    "admin1": 80,
}
_ID_LIMIT = 120
_EPOCH = date(1970, 1, 1)


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


class _Raw(Element):
    """Text put into the page exactly as given.

    branca compiles whatever a MacroElement's macros produce as a new Jinja template, so article
    text passed through folium's templates would be evaluated (``{{ ... }}`` in a quote is
    server-side template injection). Every piece of data goes into the page through this class.
    """

    def __init__(self, text: str) -> None:
        super().__init__()
        self._name = "Raw"
        self.text = text

    def render(self, **kwargs: Any) -> str:
        return self.text


class _Library(JSCSSMixin, folium.MacroElement):
    """geomap's map code and style (``map.js``, ``map.css``) and the plugin assets it needs."""

    _template = Template("")

    default_js = [
        ("markerclusterjs", "leaflet.markercluster/dist/leaflet.markercluster.js"),
        ("leaflet_heat", "leaflet.heat/dist/leaflet-heat.js"),
    ]
    default_css = [
        ("markerclustercss", "leaflet.markercluster/dist/MarkerCluster.css"),
        ("markerclusterdefaultcss", "leaflet.markercluster/dist/MarkerCluster.Default.css"),
    ]

    def __init__(self, spec: Mapping[str, Any]) -> None:
        super().__init__()
        self._name = "GeomapLibrary"
        self.spec = _json_for_script(spec)

    def render(self, **kwargs: Any) -> str:
        super().render(**kwargs)  # the asset links first, so the style below overrides theirs
        root = self.get_root()
        assert isinstance(root, Figure) and isinstance(self._parent, Element)
        js, css = _own_assets()
        root.header.add_child(
            _Raw(f'<link rel="icon" href="data:,">\n<style>\n{css}</style>'),
            name=self.get_name(),
        )
        # the spec (filters from the request among it) is data, never part of a script
        root.html.add_child(
            _Raw(f'<script type="application/json" id="geomap-spec">{self.spec}</script>\n'),
            name=self.get_name(),
        )
        root.script.add_child(
            _Raw(
                f"{js}\ngeomap.setup({self._parent.get_name()}, JSON.parse("
                'document.getElementById("geomap-spec").textContent));\n'
            ),
            name=self.get_name(),
        )
        return ""


class _DataLayer(Layer):
    """One of geomap's layers (``incidents``, ``movements``, ``places``) drawn by map.js."""

    _template = Template("")

    def __init__(self, kind: str, name: str, items: list[dict[str, Any]], **options: Any) -> None:
        super().__init__(name=name, overlay=True, control=True, show=True)
        self._name = "GeomapLayer"
        self.kind = kind
        self.data = _json_for_script({"items": items})
        self.options = _json_for_script(options)

    def render(self, **kwargs: Any) -> str:
        # The data sits in a JSON <script> block: the browser scans it as text and JSON.parse
        # reads it much faster than it would compile the same object as a JavaScript literal.
        root = self.get_root()
        assert isinstance(root, Figure)
        block = f"geomap-data-{self.kind}-{self.get_name()}"
        root.html.add_child(
            _Raw(f'<script type="application/json" id="{block}">{self.data}</script>\n'),
            name=self.get_name(),
        )
        root.script.add_child(
            _Raw(
                f"var {self.get_name()} = geomap.{self.kind}(JSON.parse("
                f'document.getElementById("{block}").textContent), {self.options});\n'
            ),
            name=self.get_name(),
        )
        super().render(**kwargs)  # Layer.render: then add it to the map
        return ""


class _VectorTiles(JSCSSMixin, folium.MacroElement):
    """Leaflet.VectorGrid and ``map_tiles.js``, for the layers drawn from vector tiles (see
    ``tiles`` of :func:`build_map`); a page without such layers has neither."""

    _template = Template("")
    default_js = [("vectorgrid", "leaflet.vectorgrid/dist/Leaflet.VectorGrid.bundled.min.js")]

    def __init__(self) -> None:
        super().__init__()
        self._name = "GeomapVectorTiles"

    def render(self, **kwargs: Any) -> str:
        super().render(**kwargs)
        root = self.get_root()
        assert isinstance(root, Figure)
        js = (_HERE / "map_tiles.js").read_text(encoding="utf-8")
        root.script.add_child(_Raw(f"{js}\n"), name=self.get_name())
        return ""


class _Finish(folium.MacroElement):
    """Adds the legend and time control, fits the view and shows the layers (after the layer
    control)."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
            geomap.finish({{ this._parent.get_name() }});
        {% endmacro %}
        """
    )

    def __init__(self) -> None:
        super().__init__()
        self._name = "GeomapFinish"


_OUTLINE_JS = """
var __NAME__ = L.geoJSON(null, __OPTIONS__);
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
    __LOAD__
})(__NAME__);
"""


class _OutlineLayer(JSCSSMixin, Layer):
    """Country outlines from world-atlas TopoJSON, drawn beneath everything else.

    With ``data`` the TopoJSON is embedded in the page; otherwise it is fetched from ``url``.
    """

    _template = Template("")

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

    def render(self, **kwargs: Any) -> str:
        root = self.get_root()
        assert isinstance(root, Figure)
        if self.data is not None:
            load = f"draw({self.data});"
        else:
            load = (
                f"fetch({_json_for_script(self.url)})"
                ".then(function (r) { return r.json(); }).then(draw)"
                '.catch(function (e) { console.warn("geomap: no base map", e); });'
            )
        js = (
            _OUTLINE_JS.replace("__NAME__", self.get_name())
            .replace("__OPTIONS__", _json_for_script(self.options))
            .replace("__LOAD__", load)
        )
        root.script.add_child(_Raw(js), name=self.get_name())
        super().render(**kwargs)
        return ""


def build_map(
    layers: Mapping[str, Any],
    *,
    assets: AssetResolver,
    title: str = "geomap",
    filters: Mapping[str, str] | None = None,
    item_base: str | None = "/collections/",
    live: Mapping[str, Any] | None = None,
    notice: str | None = None,
    tiles: Mapping[str, Mapping[str, Any]] | None = None,
) -> folium.Map:
    """Build the map of ``layers`` (name -> GeoJSON FeatureCollection) with local assets.

    ``filters`` (parameter -> value) are shown on the map as the filters applied;
    ``item_base`` is the URL prefix of ``{layer}/items/{id}`` links (None: no links);
    ``live`` (``version`` and ``layers`` URLs, ``every`` ms, ``current`` version) makes the
    page poll for changes and redraw its layers; ``notice`` is a line always shown on the map
    (e.g. that it shows a subset);
    ``tiles`` names layers drawn from vector tiles instead of embedded features: layer ->
    ``{"url": ".../{z}/{x}/{y}", "params": {query}, "items": items URL, "matched": count,
    "days": [first, last] (days since 1970, or None), "bbox": [minx, miny, maxx, maxy]}``.
    """
    return _build(
        layers,
        assets=assets,
        title=title,
        basemap_data=None,
        filters=filters,
        item_base=item_base,
        live=live,
        notice=notice,
        tiles=tiles,
    )


def render_html(
    layers: Mapping[str, Any],
    *,
    assets: AssetResolver,
    title: str = "geomap",
    filters: Mapping[str, str] | None = None,
    item_base: str | None = "/collections/",
    live: Mapping[str, Any] | None = None,
    notice: str | None = None,
    tiles: Mapping[str, Mapping[str, Any]] | None = None,
) -> str:
    """Render the map page as HTML whose scripts, styles and base map load from ``assets``
    (``tiles``: layers drawn from vector tiles, see :func:`build_map`)."""
    m = build_map(
        layers,
        assets=assets,
        title=title,
        filters=filters,
        item_base=item_base,
        live=live,
        notice=notice,
        tiles=tiles,
    )
    return m.get_root().render()


def render_standalone(
    layers: Mapping[str, Any],
    *,
    static_dir: Path,
    title: str = "geomap",
    filters: Mapping[str, str] | None = None,
    item_base: str | None = "/collections/",
) -> str:
    """Render one self-contained HTML page: every script, style and the base map inlined.

    ``static_dir`` is the folder holding ``node_modules`` (installed by ``npm ci``). Item links
    keep their server path (``/collections/...``): opened from disk they lead nowhere, harmlessly.
    """
    modules = Path(static_dir) / "node_modules"
    for name in ASSET_PATHS:
        _asset_path(modules, name)  # fail early, naming the missing file
    basemap = _read_asset(modules, "basemap")
    # Re-serialise so that only plain JSON ever lands inside the <script> element.
    basemap_js = _script_safe(json.dumps(json.loads(basemap), separators=(",", ":")))
    m = _build(
        layers,
        assets=AssetResolver(prefix=_INLINE_PREFIX),
        title=title,
        basemap_data=basemap_js,
        filters=filters,
        item_base=item_base,
        live=None,
    )
    # a file carries its Content-Security-Policy as <meta>: its inline scripts by hash
    return with_meta_policy(_inline_assets(m.get_root().render(), modules))


def _build(
    layers: Mapping[str, Any],
    *,
    assets: AssetResolver,
    title: str,
    basemap_data: str | None,
    filters: Mapping[str, str] | None,
    item_base: str | None,
    live: Mapping[str, Any] | None = None,
    notice: str | None = None,
    tiles: Mapping[str, Mapping[str, Any]] | None = None,
) -> folium.Map:
    places = _place_items(layers.get("places"))
    incidents = _incident_items(layers.get("incidents"))
    movements = _movement_items(layers.get("movements"))

    m = folium.Map(
        location=_WORLD_VIEW,
        zoom_start=2,
        tiles=None,
        maxZoom=18,
        zoomSnap=0.5,
        control_scale=True,
    )
    root = m.get_root()
    assert isinstance(root, Figure)
    root.title = html.escape(title)

    folium.map.CustomPane(_BASEMAP_PANE, z_index=250, pointer_events=False).add_to(m)
    folium.map.CustomPane(_PLACES_PANE, z_index=380, pointer_events=True).add_to(m)
    folium.map.CustomPane(_MOVEMENTS_PANE, z_index=390, pointer_events=True).add_to(m)
    spec = _spec(places, incidents, movements, filters, item_base, notice, tiles)
    spec["live"] = dict(live) if live else None
    _Library(spec).add_to(m)
    if tiles:
        _VectorTiles().add_to(m)
    _OutlineLayer(url=assets.url("basemap"), data=basemap_data).add_to(m)
    folium.TileLayer(
        OSM_TILES,
        name="OpenStreetMap (online)",
        attr=_OSM_ATTRIBUTION,
        max_zoom=19,
        overlay=False,
        show=False,
    ).add_to(m)
    _DataLayer("places", "Places", places, pane=_PLACES_PANE).add_to(m)
    _DataLayer("movements", "Movements", movements, pane=_MOVEMENTS_PANE).add_to(m)
    _DataLayer("incidents", "Incidents", incidents).add_to(m)
    folium.LayerControl(collapsed=False).add_to(m)
    Fullscreen(position="topleft", title="Full screen", title_cancel="Exit full screen").add_to(m)
    _Finish().add_to(m)

    _localise(m, assets)
    return m


def _spec(
    places: list[dict[str, Any]],
    incidents: list[dict[str, Any]],
    movements: list[dict[str, Any]],
    filters: Mapping[str, str] | None,
    item_base: str | None,
    notice: str | None = None,
    tiles: Mapping[str, Mapping[str, Any]] | None = None,
) -> dict[str, Any]:
    """Everything map.js needs besides the layers: styles, legend entries, time span, and the
    layers drawn from vector tiles."""
    tiles = tiles or {}
    colors = sorted({*MOVEMENT_COLORS.values(), _OTHER_MOVEMENT})
    return {
        "styles": {
            "events": {k: {"color": c, "glyph": _GLYPHS[g]} for k, (c, g) in EVENT_STYLES.items()},
            "fallback_event": {"color": _OTHER_EVENT[0], "glyph": _GLYPHS[_OTHER_EVENT[1]]},
            "movements": {k: {"color": c} for k, c in MOVEMENT_COLORS.items()},
            "fallback_movement": {"color": _OTHER_MOVEMENT},
            "movement_colors": colors,
            "place_color": _PLACE_COLOR,
        },
        **_summary(places, incidents, movements, tiles),
        "filters": [f"{_clean(k, 40)} = {_clean(v, 120)}" for k, v in (filters or {}).items() if v],
        "item_base": item_base,
        "event_types": list(EVENT_TYPES),
        "movement_event_types": dict(MOVEMENT_EVENT_TYPES),
        "notice": _clean(notice, 400) if notice else None,
        "bounds": _bounds(
            [it["ll"] for it in places + incidents]
            + [[b[1], b[0]] for t in tiles.values() if (b := t.get("bbox"))]
            + [[b[3], b[2]] for t in tiles.values() if (b := t.get("bbox"))],
            [it["ll"] for it in movements],
        ),
        "max_fit_zoom": _MAX_FIT_ZOOM,
        "tiles": {
            layer: {
                "url": str(t["url"]),
                "params": {str(k): str(v) for k, v in (t.get("params") or {}).items() if v},
                "items": str(t["items"]),
                "matched": int(t.get("matched") or 0),
            }
            for layer, t in tiles.items()
        },
    }


def _summary(
    places: list[dict[str, Any]],
    incidents: list[dict[str, Any]],
    movements: list[dict[str, Any]],
    tiles: Mapping[str, Mapping[str, Any]] | None = None,
) -> dict[str, Any]:
    """The legend's entries and the time control's span of these items (and of the layers
    drawn from vector tiles: their days; every type, counts unknown)."""
    tiles = tiles or {}
    spans = [it["t"] for it in incidents + movements if it["t"]]
    spans += [list(t["days"]) for k, t in tiles.items() if k != "places" and t.get("days")]
    undated = sum(1 for it in incidents + movements if not it["t"])
    time = (
        {"min": min(s[0] for s in spans), "max": max(s[1] for s in spans), "undated": undated}
        if spans
        else None
    )
    legend_events: list[tuple[str, int | None]] = list(
        Counter(it["p"].get("event_type") or "incident" for it in incidents).most_common()
    )
    legend_kinds: list[tuple[str, int | None]] = list(
        Counter(it["p"].get("movement_type") or "movement" for it in movements).most_common()
    )
    if "incidents" in tiles:  # counts unknown: every type the map can draw
        legend_events = [(k, None) for k in EVENT_STYLES]
    if "movements" in tiles:
        legend_kinds = [(k, None) for k in MOVEMENT_COLORS]
    return {
        "legend": {
            "events": legend_events,
            "movements": legend_kinds,
            "places": len(places) or int("places" in tiles),
        },
        "time": time,
    }


def layer_items(layers: Mapping[str, Any], notice: str | None = None) -> dict[str, Any]:
    """The layers as the page's script draws them, with their legend, time span and notice
    (what a live page fetches to redraw)."""
    places = _place_items(layers.get("places"))
    incidents = _incident_items(layers.get("incidents"))
    movements = _movement_items(layers.get("movements"))
    return {
        "places": places,
        "incidents": incidents,
        "movements": movements,
        **_summary(places, incidents, movements),
        "notice": _clean(notice, 400) if notice else None,
    }


def _bounds(points: Sequence[list[float]], lines: Sequence[list[Any]]) -> list[list[float]] | None:
    lats: list[float] = []
    lons: list[float] = []
    for lat, lon in points:
        lats.append(lat)
        lons.append(lon)
    for latlngs in lines:
        for part in latlngs if isinstance(latlngs[0][0], list) else [latlngs]:
            for lat, lon in part:
                lats.append(lat)
                lons.append(lon)
    if not lats:
        return None
    return [[min(lats), min(lons)], [max(lats), max(lons)]]


# ---------- the layers as compact items for map.js ----------


def _features(collection: Any) -> Iterator[tuple[Any, Mapping[str, Any], Mapping[str, Any]]]:
    """Yield (id, properties, geometry) of each feature that has a geometry."""
    if not isinstance(collection, Mapping):
        return
    for feature in collection.get("features") or ():
        if not isinstance(feature, Mapping):
            continue
        geometry = feature.get("geometry")
        if isinstance(geometry, Mapping):
            props = feature.get("properties")
            props = props if isinstance(props, Mapping) else {}
            fid = feature.get("id", props.get("id"))
            yield fid, props, geometry


def _props(props: Mapping[str, Any], fields: Mapping[str, int]) -> dict[str, Any]:
    """The listed properties that have a value, text cleaned and bounded, numbers finite
    (absent and null values are left out: the page is smaller and map.js reads them alike)."""
    out: dict[str, Any] = {}
    for key, limit in fields.items():
        value = props.get(key)
        if value is not None:
            value = _number_or_none(value) if limit == 0 else _clean(value, limit)
            if value is not None:
                out[key] = value
    return out


def _item(fid: Any, props: dict[str, Any], ll: Any, vague: bool) -> dict[str, Any]:
    return {
        "id": _clean(fid, _ID_LIMIT),
        "ll": ll,
        "v": 1 if vague else 0,
        "t": _span(props),
        "p": props,
    }


def _incident_items(collection: Any) -> list[dict[str, Any]]:
    items = []
    for fid, raw, geometry in _features(collection):
        if geometry.get("type") != "Point" or not (pos := _latlon(geometry.get("coordinates"))):
            continue
        props = _props(raw, _INCIDENT_FIELDS)
        vague = props.get("location_type") in _VAGUE_LOCATION_TYPES or _imprecise(
            props.get("geo_precision")
        )
        items.append(_linked(_item(fid, props, pos, vague), raw, ("gazetteer_id",)))
    return items


def _linked(item: dict[str, Any], raw: Mapping[str, Any], keys: Sequence[str]) -> dict[str, Any]:
    """The item with the places it is located at (``g``, for filtering places with it) and
    whether an analyst corrected it (``c``)."""
    item["g"] = [v for k in keys if (v := _clean(raw.get(k), _ID_LIMIT))]
    item["c"] = 1 if raw.get("corrected") is True else 0
    return item


def _place_items(collection: Any) -> list[dict[str, Any]]:
    items = []
    for fid, raw, geometry in _features(collection):
        if geometry.get("type") != "Point" or not (pos := _latlon(geometry.get("coordinates"))):
            continue
        props = _props(raw, _PLACE_FIELDS)
        vague = (
            props.get("feature_type") in _VAGUE_LOCATION_TYPES
            or props.get("location_type") in _VAGUE_LOCATION_TYPES
            or _imprecise(props.get("geo_precision"))
        )
        item = _linked(_item(fid, props, pos, vague), raw, ())
        item["t"] = None  # places follow the events located there (see map.js applyPlaces)
        items.append(item)
    return items


def _movement_items(collection: Any) -> list[dict[str, Any]]:
    items = []
    for fid, raw, geometry in _features(collection):
        kind, coords = geometry.get("type"), geometry.get("coordinates")
        parts = [coords] if kind == "LineString" else coords if kind == "MultiLineString" else None
        if not isinstance(parts, list):
            continue
        lines: list[list[list[float]]] = []
        for part in parts:
            points = [p for p in map(_latlon, part if isinstance(part, list) else []) if p]
            if len(points) < 2:
                continue
            if lines and _across_antimeridian(lines[-1][-1], points[0]):
                lines[-1] = _unwrap(lines[-1] + points[1:])  # the same line, drawn whole
            else:
                lines.append(_unwrap(points))
        if not lines:
            continue
        props = _props(raw, _MOVEMENT_FIELDS)
        vague = (
            props.get("origin_type") in _VAGUE_LOCATION_TYPES
            or props.get("destination_type") in _VAGUE_LOCATION_TYPES
            or any(
                _imprecise(props.get(k))
                for k in ("geo_precision", "origin_precision", "destination_precision")
            )
        )
        item = _item(fid, props, lines[0] if len(lines) == 1 else lines, vague)
        items.append(_linked(item, raw, ("origin_id", "destination_id")))
    return items


def _across_antimeridian(end: list[float], start: list[float]) -> bool:
    """True when a part of a line ends at ±180 where the next begins at ∓180 (a line cut at
    the antimeridian, RFC 7946 §3.1.9): ``end`` is [lat, lon] as drawn (maybe unwrapped)."""
    return (
        end[0] == start[0]
        and abs(start[1]) == 180
        and (end[1] - start[1]) % 360 == 0
        and end[1] != start[1]
    )


def _unwrap(points: list[list[float]]) -> list[list[float]]:
    """Shift longitudes so that no step jumps more than 180° (lines across the antimeridian)."""
    out = [points[0]]
    for lat, lon in points[1:]:
        prev = out[-1][1]
        while lon - prev > 180:
            lon -= 360
        while lon - prev < -180:
            lon += 360
        out.append([lat, round(lon, 5)])
    return out


def _imprecise(geo_precision: Any) -> bool:
    return isinstance(geo_precision, int | float) and geo_precision > 1


def _day(value: Any) -> int | None:
    if not isinstance(value, str) or len(value) < 10:
        return None
    try:
        return (date.fromisoformat(value[:10]) - _EPOCH).days
    except ValueError:
        return None


def _span(props: Mapping[str, Any]) -> list[int] | None:
    """[first, last] day (days since 1970-01-01) the feature's dates cover, None if undated."""
    start = _day(props.get("date_start"))
    if start is None:
        start = _day(props.get("event_date"))
    if start is None:
        return None
    end = _day(props.get("date_end"))
    end = start if end is None else end
    return [min(start, end), max(start, end)]


def _latlon(position: Any) -> list[float] | None:
    """GeoJSON [lon, lat, ...] -> [lat, lon], or None if it is not a valid position."""
    if not isinstance(position, Sequence) or isinstance(position, str) or len(position) < 2:
        return None
    lon, lat = position[0], position[1]
    for v in (lon, lat):
        if isinstance(v, bool) or not isinstance(v, int | float) or not math.isfinite(v):
            return None
    if not -90 <= lat <= 90 or not -540 <= lon <= 540:
        return None
    return [round(float(lat), 5), round(float(lon), 5)]


def _number_or_none(value: Any) -> int | float | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return value if math.isfinite(value) else None


def _clean(value: Any, limit: int) -> str | None:
    """Untrusted value -> whitespace-collapsed text of at most ``limit`` characters, or None.

    Not HTML-escaped here: the text is written into the page as script-safe JSON
    (:func:`_json_for_script`) and map.js shows it as text only.
    """
    if value is None:
        return None
    text = " ".join(str(value).split())
    if not text:
        return None
    if len(text) > limit:
        text = text[: limit - 1].rstrip() + "…"
    return text


def _json_for_script(value: Any) -> str:
    """``value`` as a JavaScript literal safe inside an HTML <script>: ``<``, ``>`` and ``&``
    are ``\\u`` escapes, so no tag, comment or entity can start inside it."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    return (
        text.replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("&", "\\u0026")
        .replace("\u2028", "\\u2028")
        .replace("\u2029", "\\u2029")
    )


def _script_safe(js: str) -> str:
    return js.replace("</", "<\\/").replace("<!--", "<\\!--")


@cache
def _own_assets() -> tuple[str, str]:
    """geomap's own map.js and map.css (shipped beside this module)."""
    js = "\n".join((_HERE / name).read_text(encoding="utf-8") for name in _OWN_JS)
    css = (_HERE / "map.css").read_text(encoding="utf-8")
    return _script_safe(js), css.replace("</", "<\\/")


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


def _asset_path(modules: Path, name: str) -> Path:
    path = modules / ASSET_PATHS[name]
    if not path.is_file():
        raise FileNotFoundError(
            f"{path} is missing: install the map assets with "
            "`npm ci --prefix static --no-audit --no-fund`"
        )
    return path


def _read_asset(modules: Path, name: str) -> str:
    return _asset_path(modules, name).read_text(encoding="utf-8")


_SCRIPT_LINK = re.compile(r'<script src="' + re.escape(_INLINE_PREFIX) + r'([^"]+)"></script>')
_CSS_LINK = re.compile(
    r'<link rel="stylesheet" href="' + re.escape(_INLINE_PREFIX) + r'([^"]+)"\s*/?>'
)
_CSS_URL = re.compile(r"url\((['\"]?)([\w./-]+\.(png|svg))\1\)")
_MEDIA_TYPES = {"png": "image/png", "svg": "image/svg+xml"}


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
        css_dir = _asset_path(modules, name).parent

        def data_uri(url: re.Match[str]) -> str:
            data = base64.b64encode((css_dir / url.group(2)).read_bytes()).decode("ascii")
            return f"url(data:{_MEDIA_TYPES[url.group(3)]};base64,{data})"

        css = re.sub(
            r"</(style)", r"<\\/\1", _CSS_URL.sub(data_uri, _read_asset(modules, name)), flags=re.I
        )
        return f"<style>\n{css}\n</style>"

    page = _CSS_LINK.sub(style, _SCRIPT_LINK.sub(script, page))
    if _INLINE_PREFIX in page:
        raise RuntimeError("standalone map still references an asset that was not inlined")
    return page
