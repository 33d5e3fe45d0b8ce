"""Driving geomap's map page in Playwright: what the page requested and logged, what it drew."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

READY = "html[data-geomap-ready]"
OSM_HOST = "tile.openstreetmap.org"

# Counts of what is drawn, read from the DOM (not from geomap's own bookkeeping):
# incident marker elements, cluster icons and the incidents they stand for, movement paths,
# place circles and country outlines.
DOM_COUNTS = """() => {
  const clusters = [...document.querySelectorAll('.leaflet-marker-pane .marker-cluster')];
  return {
    markers: document.querySelectorAll('.leaflet-marker-pane .geomap-incident').length,
    clusters: clusters.length,
    in_clusters: clusters.reduce((n, c) => n + Number(c.textContent.trim()), 0),
    paths: document.querySelectorAll('path.geomap-movement').length,
    arrows: document.querySelectorAll('path.geomap-movement[marker-end]').length,
    places: document.querySelectorAll('path.geomap-place').length,
    outlines: document.querySelectorAll('.leaflet-geomap-basemap-pane path').length,
  };
}"""

# Opens every popup and tooltip of the drawn data layers in turn (Leaflet's own openPopup and
# openTooltip, as a click or hover does) and returns their text and any element in them that
# article markup could have produced.
OPEN_ALL = """() => {
  const out = {popups: [], tooltips: [], titles: [], links: [], injected: []};
  const layers = [];
  geomap.map().eachLayer(l => { if (l.geomapItem) layers.push(l); });
  for (const l of layers) {
    const own = l.getElement && l.getElement();
    if (own && own.title) out.titles.push(own.title);
    if (l.getPopup && l.getPopup()) {
      l.openPopup();
      const e = l.getPopup().getElement();
      out.popups.push(e.querySelector('.leaflet-popup-content').textContent);
      const content = e.querySelector('.leaflet-popup-content');
      content.querySelectorAll('a').forEach(a => out.links.push(a.getAttribute('href')));
      e.querySelectorAll('img,script,iframe,b,object,embed')
        .forEach(x => out.injected.push(x.outerHTML));
      l.closePopup();
    }
    if (l.getTooltip && l.getTooltip()) {
      l.openTooltip();
      const e = l.getTooltip().getElement();
      out.tooltips.push(e.textContent);
      e.querySelectorAll('*:not(span)').forEach(x => out.injected.push(x.outerHTML));
      l.closeTooltip();
    }
  }
  return out;
}"""


@dataclass
class Watch:
    """Everything a page did that a test may want to object to."""

    origin: str
    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    bad_status: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)

    def foreign(self) -> list[str]:
        """Requests to anywhere but the page's own origin (file: pages: anything not file:)."""
        out = []
        for url in self.requests:
            parts = urlsplit(url)
            if parts.scheme == "data":
                continue
            if self.origin == "file":
                if parts.scheme != "file":
                    out.append(url)
            elif f"{parts.scheme}://{parts.netloc}" != self.origin:
                out.append(url)
        return out

    def assert_clean(self) -> None:
        assert self.page_errors == [], self.page_errors
        assert self.console_errors == [], self.console_errors
        assert self.failed == [], self.failed
        assert self.bad_status == [], self.bad_status
        assert self.foreign() == [], self.foreign()
        assert not [u for u in self.requests if OSM_HOST in u]
        assert self.dialogs == [], self.dialogs


def open_map(browser: Any, url: str, *, offline: bool = False) -> tuple[Any, Watch]:
    """A new page showing the map at ``url``, once map.js says every layer is drawn.

    ``offline`` blocks the network: every request that is not file: is aborted (and counted
    as failed), and the browser context is put offline."""
    parts = urlsplit(url)
    origin = "file" if parts.scheme == "file" else f"{parts.scheme}://{parts.netloc}"
    watch = Watch(origin)
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    if offline:
        context.set_offline(True)
        context.route(
            "**/*",
            lambda route: (
                route.continue_()
                if route.request.url.startswith("file:")
                else route.abort("internetdisconnected")
            ),
        )
    page = context.new_page()
    page.on("console", lambda m: watch.console_errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: watch.page_errors.append(str(e)))
    page.on("requestfailed", lambda r: watch.failed.append(f"{r.url} {r.failure}"))
    page.on("request", lambda r: watch.requests.append(r.url))
    page.on(
        "response",
        lambda r: watch.bad_status.append(f"{r.status} {r.url}") if r.status >= 400 else None,
    )

    def dialog(d: Any) -> None:
        watch.dialogs.append(f"{d.type}: {d.message}")
        d.dismiss()

    page.on("dialog", dialog)
    page.goto(url, wait_until="load")
    wait_ready(page)
    return page, watch


# The country outlines are fetched apart from the data layers (and not counted in the page's
# readiness): a page with a base-map pane is ready for counting once its outlines are drawn.
BASEMAP_DRAWN = """() => !document.querySelector('.leaflet-geomap-basemap-pane')
  || document.querySelectorAll('.leaflet-geomap-basemap-pane path').length > 0"""


def wait_ready(page: Any) -> None:
    page.wait_for_selector(READY, state="attached", timeout=120_000)  # generous: a busy machine
    page.wait_for_function(BASEMAP_DRAWN, timeout=120_000)


def dom_counts(page: Any) -> dict[str, int]:
    return dict(page.evaluate(DOM_COUNTS))


def set_clustered(page: Any, on: bool) -> None:
    """Tick or untick the legend's "group nearby incidents" box, as a viewer would."""
    box = page.locator("input[name=geomap-cluster]")
    if box.is_checked() != on:
        box.click()
    wait_ready(page)


def layer_box(page: Any, name: str) -> Any:
    """The layer control's checkbox of overlay ``name``."""
    return page.locator(".leaflet-control-layers-overlays label", has_text=name).locator("input")


def set_slider(page: Any, name: str, day: date) -> None:
    """Move a time slider (``geomap-from`` / ``geomap-to``) to ``day``, then wait for the map."""
    page.locator(f"input[name={name}]").fill(str((day - date(1970, 1, 1)).days))
    # the control redraws on the next animation frame: two frames later it has (however slow
    # the machine), and the page is marked busy until the redraw settles
    page.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")
    wait_ready(page)


def span(props: dict[str, Any]) -> tuple[date, date] | None:
    """A feature's dates as the map reads them: date_start (or event_date) .. date_end."""
    first = props.get("date_start") or props.get("event_date")
    if not first:
        return None
    last = props.get("date_end") or first
    a, b = date.fromisoformat(first[:10]), date.fromisoformat(last[:10])
    return (min(a, b), max(a, b))


def expected_shown(
    features: list[dict[str, Any]], first: date, last: date, *, undated: bool = True
) -> int:
    """How many of ``features`` the time control should show for ``[first, last]``."""
    n = 0
    for f in features:
        s = span(f["properties"])
        n += undated if s is None else (s[0] <= last and s[1] >= first)
    return n


def screenshot(page: Any, path: Path) -> Path:
    page.screenshot(path=str(path), full_page=False)
    assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and path.stat().st_size > 20_000
    return path
