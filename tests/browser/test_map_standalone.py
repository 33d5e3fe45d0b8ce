"""`geomap map -o FILE.html` opened from disk in headless Chromium with the network blocked:
it loads with no request leaving the file, draws every feature, layers toggle, the time control
filters, and hostile article text in every field stays text."""

from __future__ import annotations

import json
import subprocess
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from geomap.render.map import render_standalone
from geomap.settings import DEFAULT_STATIC_DIR

from .mapdriver import (
    OPEN_ALL,
    dom_counts,
    expected_shown,
    layer_box,
    open_map,
    screenshot,
    set_clustered,
    set_slider,
)

PAYLOADS = (
    "<script>window.__xss='script'</script>",
    "<img src=x onerror=\"window.__xss='img';alert('img')\">",
    "${window.__xss='template'} `tick` \\ </script><!-- ",
    '"O\'Brien" & <b>sons</b> \u2028 end',
)


@pytest.fixture(scope="module")
def map_file(served: dict[str, Any], geomap_exe: str) -> Path:
    """The store behind the server written by `geomap map -o`."""
    out = served["dir"] / "map.html"
    subprocess.run(
        [geomap_exe, "map", "-o", str(out)], env=served["env"], check=True, capture_output=True
    )
    return out


@pytest.fixture(scope="module")
def layers(served: dict[str, Any], geomap_exe: str) -> dict[str, list[dict[str, Any]]]:
    out = {}
    for name in ("places", "incidents", "movements"):
        text = subprocess.run(
            [geomap_exe, "export", "--layer", name, "--format", "geojson", "-o", "-"],
            env=served["env"],
            check=True,
            capture_output=True,
            text=True,
        ).stdout
        out[name] = json.loads(text)["features"]
    return out


def test_opens_offline_and_draws_everything(
    browser: Any, map_file: Path, layers: dict[str, list[Any]], tmp_path: Path
) -> None:
    page, watch = open_map(browser, map_file.as_uri(), offline=True)
    try:
        n_incidents, n_movements = len(layers["incidents"]), len(layers["movements"])
        counts = dom_counts(page)
        assert counts["markers"] + counts["in_clusters"] == n_incidents
        assert counts["paths"] == counts["arrows"] == n_movements
        assert counts["places"] == len(layers["places"])
        assert counts["outlines"] > 100  # countries from the inlined TopoJSON
        screenshot(page, tmp_path / "standalone.png")

        set_clustered(page, False)
        assert dom_counts(page)["markers"] == n_incidents

        box = layer_box(page, "Movements")
        box.uncheck()
        assert dom_counts(page)["paths"] == 0
        box.check()

        first = date(2019, 1, 1)
        set_slider(page, "geomap-from", first)
        set_slider(page, "geomap-to", date(2019, 12, 31))
        counts = dom_counts(page)
        assert counts["markers"] == expected_shown(layers["incidents"], first, date(2019, 12, 31))
        assert counts["markers"] < n_incidents

        # "play" slides a window of dates forward, redrawing as it goes; a second click pauses
        play = page.locator("button.geomap-play")
        play.click()
        assert play.text_content() == "❚❚ pause"
        before = page.locator(".geomap-time-range").text_content()
        page.wait_for_function(
            "text => document.querySelector('.geomap-time-range').textContent !== text",
            arg=before,
            timeout=120_000,  # a bound on waiting, not on speed
        )
        play.click()
        assert play.text_content() == "▶ play"
        assert watch.requests == [map_file.as_uri()]  # nothing but the file itself
        watch.assert_clean()
    finally:
        page.context.close()


def hostile_layers() -> dict[str, Any]:
    """One feature per layer and payload, with the payload in every text field."""

    def text_props(payload: str, keys: tuple[str, ...]) -> dict[str, str]:
        return {k: payload for k in keys}

    common = ("title", "publisher", "quote", "sources", "date_text", "location")
    incidents, movements, places = [], [], []
    for i, payload in enumerate(PAYLOADS):
        lon, lat = 10.0 + 3 * i, 45.0 + i
        incidents.append(
            {
                "type": "Feature",
                "id": f"x{i}",
                "geometry": {"type": "Point", "coordinates": [lon, lat]},
                "properties": {
                    **text_props(payload, (*common, "event_type", "actor1", "actor2")),
                    "place_name": payload,
                    "event_date": f"2021-01-0{i + 1}",
                    "n_sources": 2,
                    "url": "javascript:window.__xss='url'",
                    "location_type": "admin1" if i % 2 else "city",
                },
            }
        )
        movements.append(
            {
                "type": "Feature",
                "id": f"m{i}",
                "geometry": {"type": "LineString", "coordinates": [[lon, lat], [lon + 2, lat - 1]]},
                "properties": {
                    **text_props(payload, (*common, "movement_type", "actor", "origin")),
                    "destination": payload,
                    "via": payload,
                    "event_date": f"2021-01-0{i + 1}",
                },
            }
        )
        places.append(
            {
                "type": "Feature",
                "id": f"p{i}",
                "geometry": {"type": "Point", "coordinates": [lon, lat + 0.5]},
                "properties": {"name": payload, "n_mentions": i + 1},
            }
        )
    return {
        "places": {"type": "FeatureCollection", "features": places},
        "incidents": {"type": "FeatureCollection", "features": incidents},
        "movements": {"type": "FeatureCollection", "features": movements},
    }


def test_hostile_text_stays_text(browser: Any, tmp_path: Path) -> None:
    path = tmp_path / "hostile.html"
    path.write_text(
        render_standalone(
            hostile_layers(),
            static_dir=DEFAULT_STATIC_DIR,
            title=PAYLOADS[0],
            filters={"actor": PAYLOADS[1]},
        ),
        encoding="utf-8",
    )
    page, watch = open_map(browser, path.as_uri(), offline=True)
    try:
        set_clustered(page, False)
        opened = page.evaluate(OPEN_ALL)
        assert len(opened["popups"]) == 2 * len(PAYLOADS)
        assert len(opened["tooltips"]) == 2 * len(PAYLOADS)  # movements and places
        assert opened["injected"] == []
        for payload in PAYLOADS:
            shown = " ".join(payload.split())  # whitespace is collapsed, nothing else changes
            assert sum(shown in text for text in opened["popups"]) == 2  # incident, movement
            assert any(shown in title for title in opened["titles"])  # marker hover text
            assert any(text.startswith(shown) for text in opened["tooltips"])
        # the javascript: URL never became a link; item links stay on the server's paths
        assert all(h.startswith("/collections/") for h in opened["links"]), opened["links"]
        legend = page.locator(".geomap-legend").text_content()
        assert " ".join(PAYLOADS[2].split()) in legend and PAYLOADS[1] in legend
        assert page.title() == PAYLOADS[0]
        screenshot(page, tmp_path / "hostile.png")
        assert page.evaluate("typeof window.__xss") == "undefined"
        assert page.locator("img[src=x]").count() == 0 and page.locator("b").count() == 0
        watch.assert_clean()  # no dialog, no request, no error
    finally:
        page.context.close()
