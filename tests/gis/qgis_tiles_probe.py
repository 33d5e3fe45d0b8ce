"""Load vector tile layers in real QGIS (PyQGIS 3.22, headless), draw them, and print what QGIS
drew, as JSON.

Run by Debian's ``/usr/bin/python3`` with ``QT_QPA_PLATFORM=offscreen``:

    python3 qgis_tiles_probe.py SPEC.json

SPEC is ``{"extent": [minlon, minlat, maxlon, maxlat], "size": [w, h], "layers": [{"key": ...,
"url": "http://.../{z}/{x}/{y}?...", "layer": "incidents", "geometry": "point"|"line"}]}``. Each
layer is added as a Vector Tile layer (``type=xyz``), drawn alone in EPSG:3857 over the extent
with one style (red markers or lines for its source layer), and the output gives for each:
valid, source_type, min/max zoom, the number of red pixels drawn, and the grid cells (8 x 8
over the image) that hold red pixels.
"""

from __future__ import annotations

import json
import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from qgis.core import (  # noqa: E402
    Qgis,
    QgsApplication,
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsDataSourceUri,
    QgsLineSymbol,
    QgsMapRendererSequentialJob,
    QgsMapSettings,
    QgsMarkerSymbol,
    QgsProject,
    QgsRectangle,
    QgsVectorTileBasicRenderer,
    QgsVectorTileBasicRendererStyle,
    QgsVectorTileLayer,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QSize  # noqa: E402
from qgis.PyQt.QtGui import QColor  # noqa: E402


def probe(spec: dict, extent: list, size: list) -> dict:
    source = QgsDataSourceUri()
    source.setParam("type", "xyz")
    source.setParam("url", spec["url"])  # encoded: the URL's own query survives
    source.setParam("zmin", "0")
    source.setParam("zmax", "14")
    uri = bytes(source.encodedUri()).decode()
    layer = QgsVectorTileLayer(uri, spec["key"])
    out: dict = {"key": spec["key"], "valid": layer.isValid()}
    if not layer.isValid():
        out["error"] = layer.error().summary() or "invalid layer"
        return out
    out["source_type"] = layer.sourceType()
    out["zoom"] = [layer.sourceMinZoom(), layer.sourceMaxZoom()]
    if spec.get("geometry") == "line":
        kind = QgsWkbTypes.LineGeometry
        symbol = QgsLineSymbol.createSimple({"color": "255,0,0", "width": "1.2"})
    else:
        kind = QgsWkbTypes.PointGeometry
        symbol = QgsMarkerSymbol.createSimple(
            {"color": "255,0,0", "size": "3", "outline_style": "no"}
        )
    style = QgsVectorTileBasicRendererStyle(spec["layer"], spec["layer"], kind)
    style.setSymbol(symbol)
    renderer = QgsVectorTileBasicRenderer()
    renderer.setStyles([style])
    layer.setRenderer(renderer)
    settings = QgsMapSettings()
    settings.setLayers([layer])
    settings.setOutputSize(QSize(*size))
    mercator = QgsCoordinateReferenceSystem("EPSG:3857")
    settings.setDestinationCrs(mercator)
    to_mercator = QgsCoordinateTransform(
        QgsCoordinateReferenceSystem("EPSG:4326"), mercator, QgsProject.instance()
    )
    settings.setExtent(to_mercator.transformBoundingBox(QgsRectangle(*extent)))
    settings.setBackgroundColor(QColor(255, 255, 255))
    job = QgsMapRendererSequentialJob(settings)
    job.start()
    job.waitForFinished()
    image = job.renderedImage()
    red = 0
    cells = set()
    w, h = image.width(), image.height()
    for x in range(w):
        for y in range(h):
            c = QColor(image.pixel(x, y))
            if c.red() > 180 and c.green() < 100 and c.blue() < 100:
                red += 1
                cells.add((8 * x // w, 8 * y // h))
    out["red_pixels"] = red
    out["cells"] = sorted(cells)
    out["errors"] = [e.message for e in job.errors()]
    return out


def main() -> int:
    with open(sys.argv[1], encoding="utf-8") as f:
        spec = json.load(f)
    app = QgsApplication([], False)
    app.initQgis()
    try:
        results = [probe(layer, spec["extent"], spec["size"]) for layer in spec["layers"]]
        json.dump({"qgis": Qgis.QGIS_VERSION, "layers": results}, sys.stdout)
        sys.stdout.write("\n")
    finally:
        app.exitQgis()
    return 0


if __name__ == "__main__":
    sys.exit(main())
