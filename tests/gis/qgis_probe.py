"""Load layers in real QGIS (PyQGIS, headless) and print what QGIS sees, as JSON.

Run by Debian's ``/usr/bin/python3`` (the project's virtual environment cannot import qgis)
with ``QT_QPA_PLATFORM=offscreen``:

    python3 qgis_probe.py SPEC.json

SPEC is ``{"layers": [{"key": ..., "uri": ..., "provider": "OAPIF"|"ogr", "subset": ...,
"id_field": "id"}]}``. For each layer the output has: valid, error, feature_count,
geometry_type, wkb_type, crs, fields (name → type), ids (the id_field of every feature, in
iteration order), n_features (features iterated) and seconds (load + full iteration).
"""

from __future__ import annotations

import json
import os
import sys
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from qgis.core import (  # noqa: E402
    Qgis,
    QgsApplication,
    QgsFeatureRequest,
    QgsVectorLayer,
    QgsWkbTypes,
)


def probe(spec: dict) -> dict:
    started = time.perf_counter()
    layer = QgsVectorLayer(spec["uri"], spec["key"], spec["provider"])
    out: dict = {"key": spec["key"], "valid": layer.isValid()}
    if not layer.isValid():
        provider = layer.dataProvider()
        out["error"] = (
            provider.error().summary() if provider else layer.error().summary()
        ) or "invalid layer"
        return out
    if spec.get("subset"):
        out["subset_accepted"] = layer.setSubsetString(spec["subset"])
    out["feature_count"] = layer.featureCount()
    out["geometry_type"] = QgsWkbTypes.geometryDisplayString(layer.geometryType())
    out["wkb_type"] = QgsWkbTypes.displayString(layer.wkbType())
    out["crs"] = layer.crs().authid()
    out["fields"] = {f.name(): f.typeName() for f in layer.fields()}
    id_field = spec.get("id_field", "id")
    ids = []
    n = 0
    bad_geometries = 0
    for feature in layer.getFeatures(QgsFeatureRequest()):
        n += 1
        if id_field in out["fields"]:
            ids.append(str(feature[id_field]))
        geom = feature.geometry()
        if geom.isNull() or QgsWkbTypes.geometryType(geom.wkbType()) != layer.geometryType():
            bad_geometries += 1
    out["ids"] = ids
    # the count again once every feature has been read (QGIS counts a filtered OAPIF layer
    # itself rather than from numberMatched)
    out["feature_count_after_reading"] = layer.featureCount()
    out["n_features"] = n
    out["bad_geometries"] = bad_geometries
    out["seconds"] = round(time.perf_counter() - started, 3)
    return out


def main() -> int:
    with open(sys.argv[1], encoding="utf-8") as f:
        spec = json.load(f)
    app = QgsApplication([], False)
    app.initQgis()
    try:
        results = [probe(layer) for layer in spec["layers"]]
        json.dump({"qgis": Qgis.QGIS_VERSION, "layers": results}, sys.stdout)
        sys.stdout.write("\n")
    finally:
        app.exitQgis()
    return 0


if __name__ == "__main__":
    sys.exit(main())
