"""/map from the real server (uvicorn on loopback) in headless Chromium: it loads cleanly from
its own origin, draws one mark per feature, layers toggle, the time control filters, and the
XSS report's text stays text."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest

from ..conftest import http_get
from .mapdriver import (
    OPEN_ALL,
    dom_counts,
    expected_shown,
    layer_box,
    open_map,
    screenshot,
    set_clustered,
    set_slider,
    wait_ready,
)

XSS_TITLE = 'Defector <script>window.__xss=1</script> "reaches" <img src=x onerror=alert(1)> Seoul'
XSS_QUOTE = 'Seoul <img src=x onerror="window.__xss=1;alert(1)"> after crossing'


def layer(base: str, name: str) -> list[dict[str, Any]]:
    status, _, body = http_get(f"{base}/layers/{name}")
    assert status == 200
    return list(json.loads(body)["features"])


@pytest.fixture(scope="module")
def layers(served: dict[str, Any]) -> dict[str, list[dict[str, Any]]]:
    out = {name: layer(served["base"], name) for name in ("places", "incidents", "movements")}
    assert len(out["incidents"]) >= 8 and len(out["movements"]) >= 3  # seed + XSS report
    return out


@pytest.fixture
def map_page(browser: Any, served: dict[str, Any]) -> Any:
    page, watch = open_map(browser, served["base"] + "/map")
    page.watch = watch
    yield page
    page.context.close()


def test_loads_clean_from_own_origin(map_page: Any, tmp_path: Path) -> None:
    watch = map_page.watch
    counts = dom_counts(map_page)
    shot = screenshot(map_page, tmp_path / "map.png")
    watch.assert_clean()
    assert any(u.endswith("/map") for u in watch.requests)
    assert any("/static/node_modules/leaflet.markercluster/" in u for u in watch.requests)
    assert any(u.endswith("/world-atlas/countries-50m.json") for u in watch.requests)
    assert counts["outlines"] > 100  # the offline base map is drawn
    for control in (".fullscreen-icon", ".leaflet-control-scale", ".leaflet-control-layers"):
        assert map_page.locator(control).count() == 1, control
    assert map_page.locator(".geomap-legend summary").text_content() == "Legend"
    assert shot.is_file()


def test_marks_match_layer_counts(map_page: Any, layers: dict[str, list[Any]]) -> None:
    n_incidents, n_movements = len(layers["incidents"]), len(layers["movements"])
    state = map_page.evaluate("geomap.state()")
    assert state["incidents"] == {"total": n_incidents, "shown": n_incidents}
    assert state["movements"] == {"total": n_movements, "shown": n_movements}

    clustered = dom_counts(map_page)
    # clustered: every incident is a marker of its own or counted in exactly one cluster icon
    assert clustered["markers"] + clustered["in_clusters"] == n_incidents
    assert clustered["clusters"] >= 1  # the seed's incidents share places
    assert clustered["paths"] == n_movements
    # an arrowhead on every line long enough to carry one, and on no other
    assert clustered["arrows"] == clustered["long_paths"] >= 1
    assert clustered["places"] == len(layers["places"])

    set_clustered(map_page, False)  # clusters expanded: one marker element per incident
    flat = dom_counts(map_page)
    assert flat["markers"] == n_incidents and flat["clusters"] == 0
    assert flat["paths"] == n_movements

    set_clustered(map_page, True)
    assert dom_counts(map_page) == clustered
    map_page.watch.assert_clean()


@pytest.mark.parametrize(
    ("name", "count_key"),
    [("Incidents", "markers"), ("Movements", "paths"), ("Places", "places")],
)
def test_toggling_a_layer_hides_it(map_page: Any, name: str, count_key: str) -> None:
    set_clustered(map_page, False)
    before = dom_counts(map_page)
    assert before[count_key] > 0
    box = layer_box(map_page, name)
    box.uncheck()
    hidden = dom_counts(map_page)
    assert hidden[count_key] == 0
    drawn_with = (count_key, "arrows", "long_paths", "clusters")
    others = {k: v for k, v in before.items() if k not in drawn_with}
    assert {k: hidden[k] for k in others} == others  # the other layers stay
    box.check()
    wait_ready(map_page)
    assert dom_counts(map_page)[count_key] == before[count_key]
    map_page.watch.assert_clean()


def test_time_control_filters_by_date(map_page: Any, layers: dict[str, list[Any]]) -> None:
    incidents, movements = layers["incidents"], layers["movements"]
    set_clustered(map_page, False)
    start = map_page.locator("input[name=geomap-from]")
    first = date.fromordinal(date(1970, 1, 1).toordinal() + int(start.get_attribute("min")))

    last = date(2019, 12, 31)  # the seed is from 2019, the XSS report from March 2020
    set_slider(map_page, "geomap-to", last)
    counts = dom_counts(map_page)
    assert counts["markers"] == expected_shown(incidents, first, last) < len(incidents)
    assert counts["paths"] == expected_shown(movements, first, last) < len(movements)
    assert map_page.locator(".geomap-time-range").text_content() == f"{first} – {last}"
    shown = map_page.locator(".geomap-counts").text_content()
    assert f"showing {counts['markers']} of {len(incidents)} incidents" in shown

    map_page.locator("input[name=geomap-undated]").uncheck()
    wait_ready(map_page)
    counts = dom_counts(map_page)
    assert counts["markers"] == expected_shown(incidents, first, last, undated=False)
    assert counts["paths"] == expected_shown(movements, first, last, undated=False)

    set_slider(map_page, "geomap-from", date(2020, 3, 1))  # "from" past "to" drags "to" along
    set_slider(map_page, "geomap-to", date(2020, 3, 3))
    counts = dom_counts(map_page)
    assert counts["markers"] == expected_shown(
        incidents, date(2020, 3, 1), date(2020, 3, 3), undated=False
    )
    assert counts["markers"] >= 1 and counts["paths"] >= 1  # the defector's flight on 2 March
    map_page.watch.assert_clean()


def test_xss_report_is_shown_as_text(map_page: Any, served: dict[str, Any]) -> None:
    set_clustered(map_page, False)
    opened = map_page.evaluate(OPEN_ALL)
    assert opened["injected"] == []
    assert any(XSS_TITLE in text for text in opened["popups"])  # title, verbatim, as text
    assert any(XSS_QUOTE in text for text in opened["popups"])
    assert any("${window.__xss=3} `tick`" in text for text in opened["popups"])
    assert "Pyongyang → Seoul (fled, 2020-03-02)" in opened["tooltips"]
    assert map_page.evaluate("typeof window.__xss") == "undefined"
    assert map_page.locator("img[src=x]").count() == 0
    map_page.watch.assert_clean()  # no dialog opened either

    # every incident popup links to the incident's own GeoJSON, which the server has
    links = [h for h in opened["links"] if h.startswith("/collections/incidents/items/")]
    assert len(links) == map_page.evaluate("geomap.state().incidents.total")
    status, _, body = http_get(served["base"] + links[0])
    assert status == 200 and json.loads(body)["id"] == links[0].rsplit("/", 1)[1]


def test_filters_from_query_parameters(browser: Any, served: dict[str, Any], layers: Any) -> None:
    arrests = [f for f in layers["incidents"] if f["properties"]["event_type"] == "arrest"]
    assert arrests
    page, watch = open_map(browser, served["base"] + "/map?event_type=Arrest&start=2020-01-01")
    try:
        state = page.evaluate("geomap.state()")
        dated = [f for f in arrests if (f["properties"]["event_date"] or "") >= "2020-01-01"]
        assert state["incidents"]["total"] == len(dated) >= 1
        assert page.locator(".geomap-filters").text_content() == (
            "Filtered: event_type = Arrest · start = 2020-01-01"
        )
        watch.assert_clean()
    finally:
        page.context.close()
    # a bad value is a page for people (tests/browser/test_map_workbench.py has more)
    status, headers, body = http_get(served["base"] + "/map?bbox=" + quote("1,2,3"))
    assert status == 400 and headers["content-type"].startswith("text/html")
    assert "bbox &#x27;1,2,3&#x27;" in body.decode()
    status, _, body = http_get(served["base"] + "/map?start=2020-02-30")
    assert status == 400 and "start" in body.decode()
