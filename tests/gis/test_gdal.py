"""GDAL's own client (Debian's ``ogrinfo``) reads the OGC API – Features server and the files
`geomap export` writes."""

from __future__ import annotations

import re
import subprocess

import pytest

from geomap.features.features import LAYERS

from .conftest import GisWorld

GEOMETRY = {"places": "Point", "incidents": "Point", "movements": "Multi Line String"}


def ogr(ogrinfo: str, *args: str) -> str:
    out = subprocess.run([ogrinfo, "-ro", *args], capture_output=True, text=True, timeout=600)
    assert out.returncode == 0, out.stderr
    assert "ERROR" not in out.stderr, out.stderr
    return out.stdout


def summary(text: str) -> dict[str, dict[str, str]]:
    """Layer name → {geometry, count, srs, fields: "name: Type" lines} from ``ogrinfo -so -al``."""
    layers: dict[str, dict[str, str]] = {}
    for block in text.split("Layer name: ")[1:]:
        name = block.splitlines()[0].strip()
        info = {
            "geometry": re.search(r"^Geometry: (.+)$", block, re.M).group(1),  # type: ignore[union-attr]
            "count": re.search(r"^Feature Count: (\d+)$", block, re.M).group(1),  # type: ignore[union-attr]
            "epsg4326": str('ID["EPSG",4326]' in block or "WGS 84" in block),
        }
        info.update({m.group(1): m.group(2) for m in re.finditer(r"^(\w+): (\w+) \(", block, re.M)})
        layers[name] = info
    return layers


def test_ogrinfo_lists_the_collections(ogrinfo: str, gis_world: GisWorld) -> None:
    text = ogr(ogrinfo, "-so", f"OAPIF:{gis_world.base}/")
    listed = re.findall(r"^\d+: (\w+) \(title: [^)]*\) \(([^)]+)\)$", text, re.M)
    assert listed == [(name, GEOMETRY[name]) for name in LAYERS]


def test_ogrinfo_counts_every_collection(ogrinfo: str, gis_world: GisWorld) -> None:
    layers = summary(ogr(ogrinfo, "-so", "-al", f"OAPIF:{gis_world.base}/"))
    assert list(layers) == list(LAYERS)
    for name in LAYERS:
        assert layers[name]["count"] == str(len(gis_world.features[name])), name
        assert layers[name]["geometry"] == GEOMETRY[name]
    assert layers["incidents"]["date_start"] == "Date"


@pytest.mark.parametrize("what", ["gpkg", "fgb"])
def test_ogrinfo_reads_the_exports(ogrinfo: str, gis_world: GisWorld, what: str) -> None:
    if what == "gpkg":
        layers = summary(ogr(ogrinfo, "-so", "-al", str(gis_world.gpkg)))
    else:
        layers = {}
        for path in gis_world.fgb.values():
            layers.update(summary(ogr(ogrinfo, "-so", "-al", str(path))))
    assert list(layers) == list(LAYERS)
    for name in LAYERS:
        info = layers[name]
        assert info["count"] == str(len(gis_world.features[name])), name
        assert info["geometry"] == GEOMETRY[name]
        assert info["epsg4326"] == "True"
        assert info["id"] == "String"
    date_type = "Date" if what == "gpkg" else "DateTime"  # FlatGeobuf has no plain date
    assert layers["incidents"]["date_start"] == date_type
    assert layers["movements"]["length_km"] == "Real"
    assert layers["incidents"]["extraction_confidence"] == "Integer64"


def test_ogrinfo_reads_features_with_a_bbox(ogrinfo: str, gis_world: GisWorld) -> None:
    """GDAL sends the spatial filter to the server as ``bbox``; what comes back is inside."""
    text = ogr(
        ogrinfo, "-al", "-spat", "100", "20", "130", "45", "-fields=NO", f"OAPIF:{gis_world.base}/",
        "incidents",
    )  # fmt: skip
    points = [(float(x), float(y)) for x, y in re.findall(r"POINT \(([-\d.]+) ([-\d.]+)\)", text)]
    assert points and all(100 <= x <= 130 and 20 <= y <= 45 for x, y in points)
    assert any("bbox=100" in r for r in gis_world.requests())
