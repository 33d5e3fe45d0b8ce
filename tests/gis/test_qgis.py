"""Real QGIS (PyQGIS 3.22, headless) adds our layers: each collection through the OGC API –
Features provider (``OAPIF``), the plain GeoJSON URL and the exported GeoPackage through
``ogr``. The store holds over 2,500 incidents, so QGIS pages (1,000 a page, from the OpenAPI
``limit`` default and maximum)."""

from __future__ import annotations

import json
import os
import re
import subprocess
import time
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from geomap.export import COLUMNS
from geomap.features.features import LAYERS
from geomap.store.query import select

from .conftest import GisWorld

PROBE = Path(__file__).with_name("qgis_probe.py")
WKB = {"places": "Point", "incidents": "Point", "movements": "MultiLineString"}

# subset strings QGIS 3.22 turns into a server-side `datetime` (with its dummy open ends)
DATE_FILTERS = {
    "closed": ("\"date_start\" >= '2020-03-01' AND \"date_start\" <= '2020-03-31'",
               date(2020, 3, 1), date(2020, 3, 31)),
    "from": ("\"date_start\" >= '2020-09-01'", date(2020, 9, 1), None),
    "until": ("\"date_end\" <= '2020-01-20'", None, date(2020, 1, 20)),
}  # fmt: skip


def specs(world: GisWorld) -> list[dict[str, Any]]:
    out = []
    for name in LAYERS:
        out.append(
            {
                "key": f"oapif:{name}",
                "uri": f"url='{world.base}/' typename='{name}'",
                "provider": "OAPIF",
            }
        )
        out.append(
            {"key": f"geojson:{name}", "uri": f"{world.base}/layers/{name}", "provider": "ogr"}
        )
        out.append(
            {"key": f"gpkg:{name}", "uri": f"{world.gpkg}|layername={name}", "provider": "ogr"}
        )
    for layer in ("incidents", "movements"):
        for label, (subset, _s, _e) in DATE_FILTERS.items():
            out.append(
                {
                    "key": f"oapif-date-{label}:{layer}",
                    "uri": f"url='{world.base}/' typename='{layer}'",
                    "provider": "OAPIF",
                    "subset": subset,
                }
            )
    return out


@pytest.fixture(scope="module")
def qgis(qgis_python: str, gis_world: GisWorld, tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    """What QGIS saw for every layer spec, by key; plus the requests the server got."""
    spec_file = tmp_path_factory.mktemp("qgis") / "spec.json"
    spec_file.write_text(json.dumps({"layers": specs(gis_world)}))
    before = len(gis_world.requests())
    started = time.perf_counter()
    out = subprocess.run(
        [qgis_python, str(PROBE), str(spec_file)],
        capture_output=True,
        text=True,
        timeout=900,
        env=dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_RUNTIME_DIR=str(spec_file.parent)),
    )
    seconds = time.perf_counter() - started
    assert out.returncode == 0, out.stderr[-3000:]
    result = json.loads(out.stdout.strip().splitlines()[-1])
    layers = {layer["key"]: layer for layer in result["layers"]}
    for key, layer in layers.items():
        assert layer["valid"], f"{key}: {layer.get('error')}"
    print(
        f"\nQGIS {result['qgis']}: {len(layers)} layers in {seconds:.1f} s; "
        + ", ".join(f"{k} {v['n_features']} in {v['seconds']} s" for k, v in layers.items())
    )
    return layers, gis_world.requests()[before:]


def documented(world: GisWorld, layer: str) -> set[str]:
    """The documented properties the features carry (the schema is checked elsewhere)."""
    keys = set(world.features[layer][0]["properties"])
    return {k for k in COLUMNS[layer] if k in keys}


@pytest.mark.parametrize("source", ["oapif", "geojson", "gpkg"])
@pytest.mark.parametrize("layer", LAYERS)
def test_layer_loads_whole_and_typed(qgis, gis_world: GisWorld, source: str, layer: str) -> None:  # type: ignore[no-untyped-def]
    seen = qgis[0][f"{source}:{layer}"]
    store_ids = [str(f["id"]) for f in gis_world.features[layer]]
    assert len(store_ids) > 1000 or layer == "movements"
    assert seen["feature_count"] == seen["feature_count_after_reading"] == len(store_ids)
    assert seen["wkb_type"] == WKB[layer] and seen["bad_geometries"] == 0
    assert seen["crs"] == "EPSG:4326"
    # every feature exactly once
    assert len(seen["ids"]) == seen["n_features"] == len(store_ids)
    assert sorted(seen["ids"]) == sorted(store_ids)
    wanted = documented(gis_world, layer)
    assert len(wanted) >= 10 and wanted <= set(seen["fields"])
    # dates arrive as dates, counts as integers
    if "date_start" in wanted:
        assert seen["fields"]["date_start"] == "Date"
    assert seen["fields"]["published"] == "Date"
    assert seen["fields"]["extraction_confidence" if layer != "places" else "n_mentions"] in (
        "Integer",
        "Integer64",
    )


def test_oapif_pages_with_the_documented_limit(qgis, gis_world: GisWorld) -> None:  # type: ignore[no-untyped-def]
    requests = qgis[1]
    pages = [r for r in requests if "/collections/incidents/items?" in r and "limit=1000" in r]
    offsets = sorted({int(m) for r in pages for m in re.findall(r"offset=(\d+)", r)})
    # 2,507 incidents: the first page and the server's next links at 1000 and 2000
    assert offsets[:2] == [1000, 2000], requests
    assert all(" 200" in r for r in requests if "/collections/" in r), requests


@pytest.mark.parametrize("layer", ["incidents", "movements"])
@pytest.mark.parametrize("label", list(DATE_FILTERS))
def test_oapif_date_filter_runs_on_the_server(
    qgis, gis_world: GisWorld, layer: str, label: str
) -> None:  # type: ignore[no-untyped-def]
    _subset, start, end = DATE_FILTERS[label]
    seen = qgis[0][f"oapif-date-{label}:{layer}"]
    assert seen["subset_accepted"]
    expected = [str(f["id"]) for f in select(gis_world.features[layer], start=start, end=end)]
    assert 0 < len(expected) < len(gis_world.features[layer])
    assert sorted(seen["ids"]) == sorted(expected)
    # QGIS counts a filtered OAPIF layer itself, stopping at 1,000 (QgsOapifProvider::
    # featureCount's MAX_FEATURES); the features it reads are all there (above)
    assert seen["feature_count_after_reading"] == min(len(expected), 1000)
    # QGIS sent the filter as `datetime`, with its dummy bound for an open end
    sent = [r for r in qgis[1] if f"/collections/{layer}/items" in r and "datetime=" in r]
    assert sent
    if start is None:
        assert any("datetime=0000-01-01T00:00:00Z" in r for r in sent)
    if end is None:
        assert any("9999-12-31T00:00:00Z" in r for r in sent)
