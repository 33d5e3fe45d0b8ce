"""Map build time and page load time for a large synthetic store (medians over several runs).

    .venv/bin/python bench/map.py [--incidents 10000] [--movements 2000] [--places 1000]
                                  [--runs 5] [--loads 3] [--chromium /usr/bin/chromium]

Prints:
- build: seconds for render_html (the page /map sends) and render_standalone (geomap map -o);
- load in headless Chromium, for the page served over loopback HTTP with its npm assets and for
  the standalone file opened from disk: DOMContentLoaded, load, and "interactive" = the moment
  map.js reports every layer drawn (marker clustering finished, data-geomap-ready set);
- the time control: seconds from moving the range to the map being redrawn.
Targets: build <= 3 s, interactive <= 3 s.
"""

from __future__ import annotations

import argparse
import functools
import http.server
import random
import statistics
import sys
import tempfile
import threading
import time
from datetime import date, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from geomap.render.map import (  # noqa: E402
    EVENT_STYLES,
    MOVEMENT_COLORS,
    AssetResolver,
    render_html,
    render_standalone,
)

FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]
CITIES = [  # (lon, lat): where synthetic events gather
    (36.8, -1.3),
    (31.2, 30.0),
    (44.4, 33.3),
    (69.2, 34.5),
    (77.2, 28.6),
    (90.4, 23.8),
    (100.5, 13.7),
    (106.8, -6.2),
    (121.0, 14.6),
    (126.9, 37.6),
    (125.8, 39.0),
    (123.4, 41.8),
    (30.5, 50.4),
    (32.0, 46.6),
    (37.6, 55.8),
    (2.35, 48.9),
    (-0.1, 51.5),
    (13.4, 52.5),
    (-3.7, 40.4),
    (12.5, 41.9),
    (28.9, 41.0),
    (35.2, 31.8),
    (36.3, 33.5),
    (45.3, 2.0),
    (32.5, 15.6),
    (7.5, 9.1),
    (3.4, 6.5),
    (-17.4, 14.7),
    (18.4, -33.9),
    (-43.2, -22.9),
    (-58.4, -34.6),
    (-74.1, 4.7),
    (-77.0, -12.0),
    (-99.1, 19.4),
    (-90.5, 14.6),
    (-86.3, 12.1),
    (-74.0, 40.7),
    (-118.2, 34.1),
    (-79.4, 43.7),
    (151.2, -33.9),
]
START = date(2022, 1, 1)
WORDS = (
    "officials said the group left the city early on Tuesday after reports of shelling near "
    "the border crossing where hundreds of families had gathered waiting for buses"
).split()


def sentence(rng: random.Random, n: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(n)).capitalize() + "."


def source(rng: random.Random, i: int) -> dict[str, Any]:
    day = START + timedelta(days=rng.randrange(730))
    return {
        "document_id": f"doc{i // 20:05d}",
        "title": f"Report {i // 20}: " + sentence(rng, 8),
        "publisher": rng.choice(["The Daily Test", "Wire Service", "Evening Post"]),
        "published": day.isoformat(),
        "url": f"https://news.example/{i // 20}",
        "quote": sentence(rng, 35),
        "quote_start": 0,
        "quote_end": 200,
        "extraction_confidence": rng.randrange(40, 100),
        "n_sources": 1,
        "sources": None,
        "document_ids": f"doc{i // 20:05d}",
    }


def when(rng: random.Random) -> dict[str, Any]:
    if rng.random() < 0.1:
        return dict.fromkeys(
            ("event_date", "date_start", "date_end", "time_precision", "date_text")
        )
    day = START + timedelta(days=rng.randrange(730))
    span = rng.choice([0, 0, 0, 2, 6, 30])
    return {
        "event_date": day.isoformat(),
        "date_start": day.isoformat(),
        "date_end": (day + timedelta(days=span)).isoformat(),
        "time_precision": {0: 1, 2: 2, 6: 3, 30: 4}[span],
        "date_text": "on Tuesday",
    }


def near(rng: random.Random, spread: float = 1.5) -> tuple[float, float, str]:
    lon, lat = rng.choice(CITIES)
    kind = rng.choices(["city", "admin1", "country"], [8, 1.5, 0.5])[0]
    return (
        round(lon + rng.gauss(0, spread), 5),
        round(max(-85.0, min(85.0, lat + rng.gauss(0, spread))), 5),
        kind,
    )


def synthetic_layers(n_inc: int, n_mov: int, n_places: int, seed: int = 0) -> dict[str, Any]:
    """Schema-complete synthetic features (the layer schema of geomap.features.features)."""
    rng = random.Random(seed)
    events, kinds = list(EVENT_STYLES), list(MOVEMENT_COLORS)
    incidents = []
    for i in range(n_inc):
        lon, lat, kind = near(rng)
        incidents.append(
            {
                "type": "Feature",
                "id": f"inc{i:06d}",
                "geometry": {"type": "Point", "coordinates": [lon, lat]},
                "properties": {
                    "id": f"inc{i:06d}",
                    "event_type": rng.choice(events),
                    "sub_event_type": None,
                    **when(rng),
                    "actor1": rng.choice(["Police", "Army units", "Unknown gunmen", None]),
                    "actor2": rng.choice([None, None, "Protesters"]),
                    "location": f"Town {i % 997}",
                    "place_name": f"Town {i % 997}",
                    "gazetteer_id": f"geonames:{i % 997}",
                    "admin1": "Region",
                    "country_code": "XX",
                    "location_type": kind,
                    "geo_precision": {"city": 1, "admin1": 3, "country": 3}[kind],
                    "geocoder": "gazetteer",
                    "geocoded_at": "2024-01-01T00:00:00Z",
                    **source(rng, i),
                },
            }
        )
    movements = []
    for i in range(n_mov):
        a = near(rng, 0.5)
        b = (
            round(a[0] + rng.gauss(0, 4), 5),
            round(max(-85.0, min(85.0, a[1] + rng.gauss(0, 3))), 5),
            "city",
        )
        steps = 6
        coords = [
            [round(a[0] + (b[0] - a[0]) * k / steps, 5), round(a[1] + (b[1] - a[1]) * k / steps, 5)]
            for k in range(steps + 1)
        ]
        movements.append(
            {
                "type": "Feature",
                "id": f"mov{i:06d}",
                "geometry": {"type": "LineString", "coordinates": coords},
                "properties": {
                    "id": f"mov{i:06d}",
                    "movement_type": rng.choice(kinds),
                    "verb": "fled",
                    "actor": rng.choice(["families", "troops", "a convoy"]),
                    **when(rng),
                    "origin": f"Town {i % 991}",
                    "origin_id": f"geonames:{i % 991}",
                    "origin_type": a[2],
                    "origin_precision": 1,
                    "via": None,
                    "destination": f"Town {(i * 7) % 991}",
                    "destination_id": f"geonames:{(i * 7) % 991}",
                    "destination_type": b[2],
                    "destination_precision": 1,
                    "geo_precision": 1,
                    "length_km": round(rng.uniform(20, 3000), 1),
                    **source(rng, i),
                },
            }
        )
    places = []
    for i in range(n_places):
        lon, lat, kind = near(rng)
        places.append(
            {
                "type": "Feature",
                "id": f"pl{i:06d}",
                "geometry": {"type": "Point", "coordinates": [lon, lat]},
                "properties": {
                    "id": f"pl{i:06d}",
                    "name": f"Town {i}",
                    "feature_type": kind,
                    "n_mentions": rng.randrange(1, 40),
                    "location_type": kind,
                    "geo_precision": 1,
                },
            }
        )

    def fc(name: str, feats: list[dict[str, Any]]) -> dict[str, Any]:
        return {"type": "FeatureCollection", "name": name, "features": feats}

    return {
        "places": fc("places", places),
        "incidents": fc("incidents", incidents),
        "movements": fc("movements", movements),
    }


def timed(fn: Any, runs: int) -> tuple[float, Any]:
    times, out = [], None
    for _ in range(runs):
        t0 = time.perf_counter()
        out = fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times), out


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args: Any) -> None:
        pass


def serve(folder: Path) -> tuple[http.server.ThreadingHTTPServer, str]:
    """A static HTTP server for ``folder`` on a free loopback port."""
    handler = functools.partial(_Quiet, directory=str(folder))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return httpd, f"http://127.0.0.1:{httpd.server_address[1]}"


LOAD_TIMES = """() => {
  const nav = performance.getEntriesByType('navigation')[0];
  return {dcl: nav.domContentLoadedEventEnd, load: nav.loadEventEnd,
          ready: geomap.state().first_ready_ms, state: geomap.state()};
}"""


def browser_loads(chromium: str, urls: dict[str, str], loads: int, expect: int) -> None:
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        print("browser: the playwright package is missing (pip install -e '.[dev]')")
        return
    if not Path(chromium).is_file():
        print(f"browser: no chromium at {chromium}")
        return
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=FLAGS)
        try:
            for label, url in urls.items():
                rows: dict[str, list[float]] = {"dcl": [], "load": [], "ready": [], "slide": []}
                for _ in range(loads):
                    context = browser.new_context(viewport={"width": 1280, "height": 800})
                    context.route(
                        "**/*",
                        lambda route: (
                            route.continue_()
                            if route.request.url.startswith(("file:", "http://127.0.0.1"))
                            else route.abort()
                        ),
                    )
                    page = context.new_page()
                    errors: list[str] = []
                    page.on("pageerror", lambda e, errors=errors: errors.append(str(e)))
                    page.goto(url, wait_until="load", timeout=120_000)
                    page.wait_for_selector(
                        "html[data-geomap-ready]", state="attached", timeout=120_000
                    )
                    t = page.evaluate(LOAD_TIMES)
                    assert not errors, errors
                    assert t["state"]["incidents"]["total"] == expect, t["state"]
                    slide = page.evaluate(
                        """() => new Promise(done => {
                          const t0 = performance.now();
                          geomap.setRange('2022-06-01', '2022-08-31');
                          const poll = () => geomap.state().ready
                            ? done(performance.now() - t0) : setTimeout(poll, 5);
                          poll();
                        })"""
                    )
                    rows["dcl"].append(t["dcl"] / 1000)
                    rows["load"].append(t["load"] / 1000)
                    rows["ready"].append(t["ready"] / 1000)
                    rows["slide"].append(slide / 1000)
                    context.close()
                med = {k: statistics.median(v) for k, v in rows.items()}
                print(
                    f"load {label:<22} DOMContentLoaded {med['dcl']:.2f} s, "
                    f"load {med['load']:.2f} s, "
                    f"interactive {med['ready']:.2f} s (target <= 3 s); "
                    f"time control redraw {med['slide']:.2f} s  [median of {loads}]"
                )
        finally:
            browser.close()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--incidents", type=int, default=10_000)
    ap.add_argument("--movements", type=int, default=2_000)
    ap.add_argument("--places", type=int, default=1_000)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--loads", type=int, default=3)
    ap.add_argument("--chromium", default="/usr/bin/chromium")
    args = ap.parse_args()
    static = ROOT / "static"
    layers = synthetic_layers(args.incidents, args.movements, args.places)
    print(
        f"map of {args.incidents} incidents, {args.movements} movements, {args.places} places; "
        f"medians of {args.runs} builds"
    )
    build, page = timed(
        lambda: render_html(layers, assets=AssetResolver("/node_modules/")), args.runs
    )
    print(f"build render_html       {build:.2f} s (target <= 3 s), page {len(page) / 1e6:.1f} MB")
    build_sa, standalone = timed(lambda: render_standalone(layers, static_dir=static), args.runs)
    print(f"build render_standalone {build_sa:.2f} s, file {len(standalone) / 1e6:.1f} MB")

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        (folder / "map.html").write_text(page, encoding="utf-8")
        (folder / "node_modules").symlink_to(static / "node_modules")
        (folder / "standalone.html").write_text(standalone, encoding="utf-8")
        httpd, base = serve(folder)
        try:
            browser_loads(
                args.chromium,
                {
                    "served over loopback": base + "/map.html",
                    "standalone from disk": (folder / "standalone.html").as_uri(),
                },
                args.loads,
                args.incidents,
            )
        finally:
            httpd.shutdown()


if __name__ == "__main__":
    main()
