"""Exports through GDAL (pyogrio): multi-layer GeoPackage, GeoJSON, FlatGeobuf, CSV with WKT."""

from __future__ import annotations

import csv
import io
import json
import subprocess
from datetime import date, datetime
from pathlib import Path
from typing import Any

import numpy as np
import pyogrio
import pytest
from pyogrio.raw import read

from geomap import export
from geomap.errors import InvalidParameter, NotFound
from geomap.export import COLUMNS, check_format, check_layers, columns, to_bytes, write
from geomap.features.features import GEOMETRY_TYPES, LAYERS

from ..conftest import SEED


def _value(kind: str, i: int) -> Any:
    return {
        "str": f"text {i} ünïcode",
        "int": i,
        "float": i + 0.5,
        "date": f"2019-03-{1 + i % 28:02d}",
        "datetime": f"2024-05-01T10:{i % 60:02d}:00+00:00",
    }[kind]


def synthetic(layer: str, n: int) -> list[dict[str, Any]]:
    """``n`` features carrying every documented property; every third value of each is null."""
    out = []
    for i in range(n):
        props = {
            key: (None if (i + j) % 3 == 0 and key != "id" else _value(kind, i))
            for j, (key, kind) in enumerate(COLUMNS[layer].items())
        }
        props["id"] = f"{layer}-{i}"
        lon, lat = -170 + i * 0.5, -60 + i * 0.25
        geometry = (
            {
                "type": "MultiLineString",
                "coordinates": [[[lon, lat], [lon + 1, lat + 1], [lon + 2, lat]]],
            }
            if GEOMETRY_TYPES[layer] == "MultiLineString"
            else {"type": "Point", "coordinates": [lon, lat]}
        )
        out.append(
            {"type": "Feature", "id": props["id"], "geometry": geometry, "properties": props}
        )
    return out


@pytest.fixture
def layers() -> dict[str, list[dict[str, Any]]]:
    return {"places": synthetic("places", 7), "incidents": synthetic("incidents", 12),
            "movements": synthetic("movements", 5)}  # fmt: skip


def test_geopackage_holds_every_layer_typed_in_epsg4326(
    tmp_path: Path, layers: dict[str, list[dict[str, Any]]]
) -> None:
    path = write(tmp_path / "geomap.gpkg", layers, "gpkg")
    listed = {name: kind for name, kind in pyogrio.list_layers(path)}
    assert listed == {"places": "Point", "incidents": "Point", "movements": "MultiLineString"}
    for name in LAYERS:
        info = pyogrio.read_info(path, layer=name)
        assert info["crs"] == "EPSG:4326"
        assert info["features"] == len(layers[name])
        types = dict(zip(info["fields"], info["ogr_types"], strict=True))
        for key, kind in COLUMNS[name].items():
            assert (
                types[key]
                == {
                    "str": "OFTString",
                    "int": "OFTInteger64",
                    "float": "OFTReal",
                    "date": "OFTDate",
                    "datetime": "OFTDateTime",
                }[kind]
            ), key
    # values come back as written, nulls as nulls
    meta, _fids, geoms, data = read(path, layer="incidents")[:4]
    got = dict(zip(meta["fields"], data, strict=True))
    src = layers["incidents"]
    assert list(got["id"]) == [f["id"] for f in src]
    for key in ("event_date", "published"):
        expected = [f["properties"][key] for f in src]
        back = [None if np.isnat(v) else str(v) for v in got[key]]
        assert back == expected, key
    assert [None if np.isnat(v) else v.astype(datetime) for v in got["geocoded_at"]] == [
        None if v is None else datetime.fromisoformat(v).replace(tzinfo=None)
        for v in (f["properties"]["geocoded_at"] for f in src)
    ]
    import shapely

    assert [list(g.coords)[0] for g in shapely.from_wkb(geoms)] == [
        tuple(f["geometry"]["coordinates"]) for f in src
    ]


def test_empty_layers_keep_their_documented_columns(tmp_path: Path) -> None:
    path = write(tmp_path / "empty.gpkg", {name: [] for name in LAYERS}, "gpkg")
    for name in LAYERS:
        info = pyogrio.read_info(path, layer=name)
        assert info["features"] == 0 and info["geometry_type"] == GEOMETRY_TYPES[name]
        assert list(info["fields"]) == list(COLUMNS[name])


def test_values_that_do_not_fit_their_type_are_kept_as_text(tmp_path: Path) -> None:
    features = synthetic("incidents", 3)
    features[1]["properties"]["quote_start"] = "about 12"
    features[2]["properties"]["extra"] = [1, 2]  # not scalar: written as JSON text
    assert columns("incidents", features)["quote_start"] == "str"
    path = write(tmp_path / "i.gpkg", {"incidents": features}, "gpkg")
    meta, _f, _g, data = read(path, layer="incidents")[:4]
    got = dict(zip(meta["fields"], data, strict=True))
    assert got["quote_start"][1] == "about 12"
    assert json.loads(got["extra"][2]) == [1, 2]


def test_geojson_is_named_and_equals_the_features(layers: dict[str, list[dict[str, Any]]]) -> None:
    fc = json.loads(to_bytes({"movements": layers["movements"]}, "geojson"))
    assert fc["name"] == "movements" and fc["features"] == layers["movements"]


def test_flatgeobuf(tmp_path: Path, layers: dict[str, list[dict[str, Any]]]) -> None:
    path = write(tmp_path / "m.fgb", {"movements": layers["movements"]}, "fgb")
    info = pyogrio.read_info(path)
    assert info["driver"] == "FlatGeobuf" and info["crs"] == "EPSG:4326"
    assert info["geometry_type"] == "MultiLineString" and info["features"] == 5
    assert path.read_bytes()[:3] == b"fgb"


def test_csv_has_wkt_and_iso_dates(layers: dict[str, list[dict[str, Any]]]) -> None:
    text = to_bytes({"incidents": layers["incidents"]}, "csv").decode("utf-8")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert len(rows) == 12 and list(rows[0])[0] == "WKT"
    src = layers["incidents"][1]
    lon, lat = src["geometry"]["coordinates"]
    assert rows[1]["WKT"] == f"POINT ({lon:g} {lat:g})"
    assert rows[1]["event_date"] == src["properties"]["event_date"]  # ISO, not 2019/03/02
    assert date.fromisoformat(rows[1]["event_date"])
    titles = [f["properties"]["title"] or "" for f in layers["incidents"]]  # null: empty
    assert [row["title"] for row in rows] == titles and any("ünïcode" in t for t in titles)


FORMULAS = [
    '=HYPERLINK("http://example.invalid/x","click")',
    "+1+2",
    "-3+cmd|' /C calc'!A0",
    "@SUM(A1:A2)",
    "\t=1+1",
    "\r=1+1",
]


def test_csv_cells_that_a_spreadsheet_would_run_are_neutralised(
    layers: dict[str, list[dict[str, Any]]],
) -> None:
    features = layers["incidents"][: len(FORMULAS) + 1]
    for f, formula in zip(features, FORMULAS, strict=False):
        f["properties"]["title"] = formula
        f["properties"]["actor1"] = formula
    features[-1]["properties"]["title"] = "Plain = fine"
    text = to_bytes({"incidents": features}, "csv").decode("utf-8")
    rows = list(csv.DictReader(io.StringIO(text)))
    for row, formula in zip(rows, FORMULAS, strict=False):
        assert row["title"] == row["actor1"] == "'" + formula  # shown as the text it is
    assert rows[-1]["title"] == "Plain = fine"
    # numbers stay numbers; other formats keep the text as it is
    assert all(row["quote_start"].lstrip("-").isdigit() for row in rows if row["quote_start"])
    fc = json.loads(to_bytes({"incidents": features}, "geojson"))
    assert fc["features"][0]["properties"]["title"] == FORMULAS[0]


@pytest.mark.parametrize("fmt", ["shp", "kml", ""])
def test_unknown_format_names_it(fmt: str) -> None:
    with pytest.raises(InvalidParameter) as info:
        check_format(fmt)
    assert repr(fmt) in info.value.message and info.value.where == "format"


def test_layer_checks() -> None:
    assert check_layers(None, export.FORMATS["gpkg"]) == LAYERS
    assert check_layers("all", export.FORMATS["gpkg"]) == LAYERS
    assert check_layers("movements", export.FORMATS["csv"]) == ("movements",)
    with pytest.raises(NotFound, match="'roads'"):
        check_layers("roads", export.FORMATS["gpkg"])
    with pytest.raises(InvalidParameter, match="'fgb' holds one layer"):
        check_layers(None, export.FORMATS["fgb"])
    with pytest.raises(InvalidParameter, match="'csv' holds one layer"):
        write("/nonexistent/x.csv", {"places": [], "incidents": []}, "csv")


def test_cli_export_formats(geomap_exe: str, env: dict[str, str], tmp_path: Path) -> None:
    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [geomap_exe, *args], env=env, capture_output=True, text=True, timeout=300
        )

    assert run("ingest", str(SEED)).returncode == 0
    gpkg = tmp_path / "all.gpkg"
    out = run("export", "--format", "gpkg", "-o", str(gpkg))
    assert out.returncode == 0, out.stderr
    assert "to " + str(gpkg) in out.stderr
    assert [n for n, _ in pyogrio.list_layers(gpkg)] == list(LAYERS)
    assert pyogrio.read_info(gpkg, layer="movements")["features"] >= 3

    fgb = tmp_path / "incidents.fgb"  # format from the extension
    assert run("export", "--layer", "incidents", "-o", str(fgb)).returncode == 0
    assert pyogrio.read_info(fgb)["driver"] == "FlatGeobuf"

    out = run("export", "--layer", "places", "--format", "csv")
    assert out.returncode == 0 and out.stdout.startswith("WKT,")

    def rows(*args: str) -> list[dict[str, str]]:
        out = run("export", "--layer", "incidents", "--format", "csv", *args)
        assert out.returncode == 0, out.stderr
        return list(csv.DictReader(io.StringIO(out.stdout)))

    everything, since_march = rows(), rows("--datetime", "2019-03-01/..")
    assert 0 < len(since_march) < len(everything)
    assert all((r["date_end"] or "0") >= "2019-03-01" for r in since_march)

    bad = run("export", "--format", "fgb", "-o", str(tmp_path / "x.fgb"))
    assert bad.returncode == 2 and "'fgb' holds one layer" in bad.stderr
    bad = run("export", "--format", "gpkg")
    assert bad.returncode == 2 and "binary" in bad.stderr
    bad = run("export", "--layer", "incidents", "--format", "csv", "--bbox", "1,2,3")
    assert bad.returncode == 2 and "'1,2,3'" in bad.stderr
