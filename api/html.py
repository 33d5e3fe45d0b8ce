"""HTML for the OGC resources (conformance class ``html``): the landing page, conformance, the
collections, one collection, a page of items and one item, each a table and, where there is
geometry, a small map.

Pages carry no inline script: the data a page's map draws sits in a JSON data block, and
``/assets/pages.js`` (with Leaflet and the world-atlas outline from ``static/node_modules``)
draws it, so the pages run under the default Content-Security-Policy of
:mod:`api.security`. Every value from the store or the request is escaped.
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import orjson
from fastapi import Request
from starlette.routing import NoMatchFound

from api.security import html_page

# the properties a page of items shows as columns (a feature's own page shows them all)
COLUMNS: dict[str, list[str]] = {
    "places": ["name", "feature_type", "country_code", "admin1", "n_mentions"],
    "incidents": ["event_type", "date_start", "date_end", "location", "actor1", "actor2"],
    "movements": ["movement_type", "actor", "origin", "destination", "date_start", "date_end"],
}
_TEXT_LIMIT = 300  # characters of one cell

_STYLE_FILES = ("node_modules/leaflet/dist/leaflet.css",)
_SCRIPT_FILES = (
    "node_modules/leaflet/dist/leaflet.js",
    "node_modules/topojson-client/dist/topojson-client.min.js",
)
_BASEMAP = "node_modules/world-atlas/countries-110m.json"


def esc(value: Any) -> str:
    """Any value as escaped HTML text (None as an empty string), bounded in length."""
    if value is None:
        return ""
    text = value if isinstance(value, str) else str(value)
    if len(text) > _TEXT_LIMIT:
        text = text[: _TEXT_LIMIT - 1] + "…"
    return html.escape(text, quote=True)


def static_url(request: Request, path: str) -> str:
    """The URL of a file under ``static/`` (``node_modules/...``)."""
    try:
        return str(request.url_for("static", path=path))
    except NoMatchFound:
        return str(request.base_url) + "static/" + path


def asset_url(request: Request, name: str) -> str:
    """The URL of one of geomap's own page files (``api/assets``)."""
    try:
        return str(request.url_for("assets", path=name))
    except NoMatchFound:
        return str(request.base_url) + "assets/" + name


def _script_json(value: Any) -> str:
    """``value`` as JSON that cannot end or open markup inside a ``<script>`` data block."""
    text = orjson.dumps(value).decode()
    for raw, escaped in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026")):
        text = text.replace(raw, escaped)
    return text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")


def link(href: str, text: Any, **attrs: str) -> str:
    extra = "".join(f' {k.rstrip("_")}="{esc(v)}"' for k, v in attrs.items())
    return f'<a href="{esc(href)}"{extra}>{esc(text)}</a>'


def page(
    request: Request,
    title: str,
    body: str,
    *,
    crumbs: Sequence[tuple[str, str]] = (),
    alternates: Iterable[Mapping[str, Any]] = (),
    mapdata: Mapping[str, Any] | None = None,
    status_code: int = 200,
) -> Any:
    """A whole page: breadcrumbs (``(title, url)``), ``body`` (HTML already escaped), links
    to the page's other formats, and a small map of ``mapdata`` (``features``: a GeoJSON
    FeatureCollection, ``boxes``: ``[minx, miny, maxx, maxy]`` lists) when given."""
    head = [
        "<!doctype html>",
        '<html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{esc(title)} – geomap</title>",
        '<link rel="icon" href="data:,">',
    ]
    if mapdata is not None:
        head += [
            f'<link rel="stylesheet" href="{esc(static_url(request, p))}">' for p in _STYLE_FILES
        ]
    head.append(f'<link rel="stylesheet" href="{esc(asset_url(request, "pages.css"))}">')
    for alt in alternates:
        head.append(
            f'<link rel="alternate" type="{esc(alt["type"])}" href="{esc(alt["href"])}"'
            f' title="{esc(alt.get("title", ""))}">'
        )
    head.append("</head><body>")
    trail = [link(str(request.base_url), "geomap")]
    trail += [link(url, name) for name, url in crumbs]
    parts = [
        *head,
        f'<nav class="crumbs">{" / ".join(trail)}</nav>',
        "<main>",
        f"<h1>{esc(title)}</h1>",
    ]
    formats = [link(alt["href"], alt.get("title") or alt["type"]) for alt in alternates]
    if formats:
        parts.append(f'<p class="formats">Also as: {" · ".join(formats)}</p>')
    if mapdata is not None:
        data = {"basemap": static_url(request, _BASEMAP), **mapdata}
        parts.append('<div id="geomap-page-map" class="page-map"></div>')
        parts.append(
            f'<script type="application/json" id="geomap-page-data">{_script_json(data)}</script>'
        )
    parts += [body, "</main>"]
    if mapdata is not None:
        parts += [f'<script src="{esc(static_url(request, p))}"></script>' for p in _SCRIPT_FILES]
        parts.append(f'<script src="{esc(asset_url(request, "pages.js"))}"></script>')
    parts.append("</body></html>")
    return html_page("\n".join(parts), status_code=status_code)


def table(headers: Sequence[str], rows: Iterable[Sequence[str]], *, empty: str = "") -> str:
    """A table of cells already in HTML."""
    out = ["<table><thead><tr>"]
    out += [f"<th>{esc(h)}</th>" for h in headers]
    out.append("</tr></thead><tbody>")
    n = 0
    for row in rows:
        n += 1
        out.append("<tr>" + "".join(f"<td>{cell}</td>" for cell in row) + "</tr>")
    if n == 0 and empty:
        out.append(f'<tr><td colspan="{len(headers)}">{esc(empty)}</td></tr>')
    out.append("</tbody></table>")
    return "".join(out)


def definitions(pairs: Iterable[tuple[str, str]]) -> str:
    """A definition list of (term, HTML) pairs."""
    return "<dl>" + "".join(f"<dt>{esc(k)}</dt><dd>{v}</dd>" for k, v in pairs) + "</dl>"


def links_list(links: Iterable[Mapping[str, Any]], *, skip: Iterable[str] = ("self",)) -> str:
    """The links of an OGC document as a list (title, relation, media type)."""
    skipped = set(skip)
    items = [
        f"<li>{link(x['href'], x.get('title') or x['href'])} <small>({esc(x['rel'])}"
        f"{', ' + esc(x['type']) if x.get('type') else ''})</small></li>"
        for x in links
        if x["rel"] not in skipped
    ]
    return "<ul>" + "".join(items) + "</ul>"


def bbox_text(box: Sequence[float] | None) -> str:
    return "" if not box else ", ".join(f"{v:.4f}" for v in box)


def feature_cells(feature: Mapping[str, Any], layer: str, href: str) -> list[str]:
    """The row of a feature in a page of items: its id (a link to its page) and the layer's
    columns."""
    props = feature.get("properties") or {}
    return [link(href, feature.get("id", ""))] + [esc(props.get(c)) for c in COLUMNS[layer]]
