"""Write layers to GIS files through GDAL (pyogrio): a multi-layer GeoPackage, GeoJSON,
FlatGeobuf and CSV with WKT geometry, all in EPSG:4326 lon/lat.

Columns are typed: the documented schema gives each known property a type (dates as Date,
``geocoded_at`` as DateTime in UTC, counts as Integer64, ``length_km`` as Real); any other
property gets the type its values share (text when they disagree). A column whose values do
not fit its documented type is written as text rather than losing them.
"""

from __future__ import annotations

import json
import shutil
import tempfile
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from geomap.errors import InvalidParameter, NotFound
from geomap.features.features import GEOMETRY_TYPES, LAYERS, feature_collection

CRS = "EPSG:4326"
BATCH = 5000  # features written at a time by write_stream
ALL = "all"  # the layer name that stands for every layer (GeoPackage only)


@dataclass(frozen=True, slots=True)
class Format:
    """An export format: its GDAL driver, media type and whether one file holds many layers."""

    ext: str
    driver: str
    media_type: str
    multi_layer: bool
    binary: bool


FORMATS: dict[str, Format] = {
    "gpkg": Format("gpkg", "GPKG", "application/geopackage+sqlite3", True, True),
    "geojson": Format("geojson", "GeoJSON", "application/geo+json", False, False),
    "fgb": Format("fgb", "FlatGeobuf", "application/flatgeobuf", False, True),
    "csv": Format("csv", "CSV", "text/csv; charset=utf-8", False, False),
}

_S, _I, _F, _D, _DT, _B = "str", "int", "float", "date", "datetime", "bool"
# whether an analyst corrected the feature, and with which corrections (geomap correct)
_CORRECTED = {"corrected": _B, "corrections": _S}
_COMMON_TAIL = {
    "document_id": _S,
    "title": _S,
    "publisher": _S,
    "published": _D,
    "url": _S,
    "quote": _S,
    "quote_start": _I,
    "quote_end": _I,
    "extraction_confidence": _I,
    "n_sources": _I,
    "sources": _S,
    "document_ids": _S,
}
_WHEN = {
    "event_date": _D,
    "date_start": _D,
    "date_end": _D,
    "time_precision": _I,
    "date_text": _S,
}

# The documented properties of each layer (README, issue 4) and their column types.
COLUMNS: dict[str, dict[str, str]] = {
    "places": {
        "id": _S,
        "name": _S,
        "gazetteer_id": _S,
        "feature_type": _S,
        "country_code": _S,
        "admin1": _S,
        "population": _I,
        "location_type": _S,
        "geo_precision": _I,
        "geocoder": _S,
        "geocoded_at": _DT,
        "n_mentions": _I,
        "mentions": _S,
        "n_sources": _I,
        "document_ids": _S,
        "sources": _S,
        "document_id": _S,
        "title": _S,
        "publisher": _S,
        "published": _D,
        "url": _S,
        **_CORRECTED,
    },
    "incidents": {
        "id": _S,
        "event_type": _S,
        "sub_event_type": _S,
        **_WHEN,
        "actor1": _S,
        "actor2": _S,
        "location": _S,
        "place_name": _S,
        "gazetteer_id": _S,
        "admin1": _S,
        "country_code": _S,
        "location_type": _S,
        "geo_precision": _I,
        "geocoder": _S,
        "geocoded_at": _DT,
        "status": _S,
        "place_inferred": _I,
        **_COMMON_TAIL,
        **_CORRECTED,
    },
    "movements": {
        "id": _S,
        "movement_type": _S,
        "verb": _S,
        "actor": _S,
        **_WHEN,
        "origin": _S,
        "origin_id": _S,
        "origin_type": _S,
        "origin_precision": _I,
        "via": _S,
        "destination": _S,
        "destination_id": _S,
        "destination_type": _S,
        "destination_precision": _I,
        "geo_precision": _I,
        "geocoder": _S,
        "length_km": _F,
        "status": _S,
        "origin_inferred": _I,
        "destination_inferred": _I,
        **_COMMON_TAIL,
        **_CORRECTED,
    },
}


# a spreadsheet reads a cell that begins with one of these as a formula (OWASP, CSV injection)
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value: str) -> str:
    """A text cell for CSV: one a spreadsheet would run as a formula gets a leading apostrophe
    (OWASP's CSV injection advice), so ``=HYPERLINK(...)`` from an article stays text."""
    return "'" + value if value.startswith(FORMULA_STARTS) else value


def check_format(fmt: str) -> Format:
    """The Format for an extension; InvalidParameter naming it otherwise."""
    try:
        return FORMATS[fmt]
    except KeyError:
        raise InvalidParameter(
            f"unknown export format {fmt!r}; formats are {', '.join(FORMATS)}", where="format"
        ) from None


def check_layers(layer: str | None, fmt: Format) -> tuple[str, ...]:
    """The layers one file of ``fmt`` holds for ``layer`` (None or ``all``: every layer, which
    only GeoPackage can hold); NotFound / InvalidParameter naming the value otherwise."""
    if layer is None or layer == ALL:
        if not fmt.multi_layer:
            raise InvalidParameter(
                f"format {fmt.ext!r} holds one layer; choose one of {', '.join(LAYERS)}"
                " (only gpkg holds all)",
                where="layer",
            )
        return LAYERS
    if layer not in LAYERS:
        raise NotFound(f"unknown layer {layer!r}; layers are {', '.join(LAYERS)}, or {ALL!r}")
    return (layer,)


def _kind(value: Any) -> str:
    if isinstance(value, bool):
        return _B
    if isinstance(value, int):
        return _I
    if isinstance(value, float):
        return _F
    return _S


def _fits(kind: str, value: Any) -> bool:
    if kind == _I:
        return isinstance(value, int) and not isinstance(value, bool)
    if kind == _F:
        return isinstance(value, int | float) and not isinstance(value, bool)
    if kind == _B:
        return isinstance(value, bool)
    if kind == _D:
        return isinstance(value, str) and _as_date(value) is not None
    if kind == _DT:
        return isinstance(value, str) and _as_datetime(value) is not None
    return True


def _as_date(value: str) -> date | None:
    try:
        return date.fromisoformat(value[:10]) if len(value) >= 10 else None
    except ValueError:
        return None


def _as_datetime(value: str) -> datetime | None:
    try:
        dt = datetime.fromisoformat(value)
    except ValueError:
        return None
    if dt.tzinfo is None:
        dt = dt.replace(tzinfo=UTC)
    return dt.astimezone(UTC).replace(tzinfo=None)


class Columns:
    """Column name → type for a layer, learnt one feature at a time (see :func:`columns`)."""

    def __init__(self, layer: str) -> None:
        self.documented = COLUMNS.get(layer, {})
        self.seen: dict[str, None] = {}
        self.missing_id = False
        self.kinds: dict[str, set[str]] = {}
        self.unfit: set[str] = set()
        self.n = 0

    def add(self, feature: Mapping[str, Any]) -> None:
        """Take one more feature into account."""
        self.n += 1
        props = feature.get("properties") or {}
        names = list(props)
        if "id" not in props:
            self.missing_id = True
            names.append("id")
        for key in props:
            self.seen.setdefault(key, None)
        for name in names:
            value = _value(feature, name)
            if value is None:
                continue
            kind = self.documented.get(name)
            if kind is None:
                self.kinds.setdefault(name, set()).add(_kind(value))
            elif name not in self.unfit and not _fits(kind, value):
                self.unfit.add(name)

    def result(self) -> dict[str, str]:
        """The columns of every feature added so far."""
        seen = ({"id": None} if self.missing_id else {}) | self.seen
        names = list(self.documented) if not self.n else [k for k in self.documented if k in seen]
        names += [k for k in seen if k not in self.documented]
        out: dict[str, str] = {}
        for name in names:
            kind = self.documented.get(name)
            if kind is None:
                kinds = set(self.kinds.get(name, ()))
                kind = kinds.pop() if len(kinds) == 1 else (_F if kinds == {_I, _F} else _S)
            elif name in self.unfit:
                kind = _S
            out[name] = kind
        return out


def columns(layer: str, features: Sequence[Mapping[str, Any]]) -> dict[str, str]:
    """Column name → type for a layer: the documented properties present in ``features`` (all
    of them for an empty layer), then any other property, each typed so every value fits."""
    learnt = Columns(layer)
    for f in features:
        learnt.add(f)
    return learnt.result()


def _value(feature: Mapping[str, Any], name: str) -> Any:
    props = feature.get("properties") or {}
    if name == "id" and "id" not in props:
        return feature.get("id")
    return props.get(name)


def _array(kind: str, values: list[Any], *, dates_as_text: bool) -> tuple[Any, Any, Any]:
    """(values, null mask, GDAL time-zone flags) for one column."""
    import numpy as np  # only files need it: a server loads it on its first download

    # a value that does not fit (a write between the two reads of write_stream) is left out
    values = [v if v is None or _fits(kind, v) else None for v in values]
    mask = np.array([v is None for v in values], dtype=bool)
    tz = None
    if kind in (_D, _DT) and dates_as_text:
        kind = _S
    if kind == _I:
        arr: Any = np.array([0 if v is None else v for v in values], dtype=np.int64)
    elif kind == _F:
        arr = np.array([np.nan if v is None else float(v) for v in values], dtype=np.float64)
    elif kind == _B:
        arr = np.array([bool(v) for v in values], dtype=bool)
    elif kind == _D:
        arr = np.array(
            [np.datetime64("NaT") if v is None else _as_date(v) for v in values],
            dtype="datetime64[D]",
        )
    elif kind == _DT:
        arr = np.array(
            [np.datetime64("NaT") if v is None else _as_datetime(v) for v in values],
            dtype="datetime64[ms]",
        )
        tz = np.full(len(values), 100, dtype=np.int64)  # GDAL's flag for UTC
    else:
        arr = np.array(
            [
                v
                if v is None or isinstance(v, str)
                else json.dumps(v, ensure_ascii=False)
                if isinstance(v, list | dict)
                else str(v)
                for v in values
            ],
            dtype=object,
        )
    return arr, (mask if mask.any() else None), tz


def _geometries(features: Sequence[Mapping[str, Any]]) -> Any:
    import numpy as np
    import shapely
    from shapely.geometry import shape

    geoms = [shape(f["geometry"]) if f.get("geometry") else None for f in features]
    return shapely.to_wkb(np.array(geoms, dtype=object))


def write_layer(
    path: str | Path,
    layer: str,
    features: Sequence[Mapping[str, Any]],
    fmt: Format,
    *,
    cols: Mapping[str, str] | None = None,
    append: bool = False,
) -> None:
    """Write one layer's features to ``path`` (adding a layer to an existing GeoPackage); with
    ``append``, add them to the layer already written, whose columns ``cols`` gave."""
    if fmt.ext == "geojson":
        fc = feature_collection(list(features), layer)  # type: ignore[arg-type]
        Path(path).write_text(json.dumps(fc, ensure_ascii=False), encoding="utf-8")
        return
    from pyogrio.raw import write

    if cols is None:
        cols = columns(layer, features)
    data, masks, tzs = [], [], {}
    for name, kind in cols.items():
        values = [_value(f, name) for f in features]
        if fmt.ext == "csv" and kind == _S:
            values = [csv_cell(v) if isinstance(v, str) else v for v in values]
        arr, mask, tz = _array(kind, values, dates_as_text=fmt.ext == "csv")
        data.append(arr)
        masks.append(mask)
        if tz is not None:
            tzs[name] = tz
    layer_options: dict[str, str] = {}
    dataset_options: dict[str, str] = {}
    if fmt.ext == "csv":
        layer_options["GEOMETRY"] = "AS_WKT"
    if fmt.ext == "gpkg":
        dataset_options["VERSION"] = "1.2"  # readable by the GDAL of older QGIS releases
    write(
        str(path),
        _geometries(features),
        data,
        list(cols),
        field_mask=masks if any(m is not None for m in masks) else None,
        layer=layer,
        driver=fmt.driver,
        geometry_type=GEOMETRY_TYPES.get(layer, "Unknown"),
        crs=CRS,
        gdal_tz_offsets=tzs or None,
        dataset_options=dataset_options or None,
        layer_options=layer_options or None,
        promote_to_multi=False,
        append=append,
    )


def write(
    path: str | Path, layers: Mapping[str, Sequence[Mapping[str, Any]]], fmt: str | Format
) -> Path:
    """Write ``layers`` (name → features) to one file of format ``fmt``, replacing it; only a
    GeoPackage holds more than one layer."""
    f = fmt if isinstance(fmt, Format) else check_format(fmt)
    if len(layers) != 1 and not f.multi_layer:
        raise InvalidParameter(
            f"format {f.ext!r} holds one layer, not {len(layers)}", where="layer"
        )
    out = Path(path)
    if out.exists():
        out.unlink()
    for name, features in layers.items():
        write_layer(out, name, features, f)
    return out


def write_stream(
    path: str | Path,
    layers: Mapping[str, Callable[[], Iterable[Mapping[str, Any]]]],
    fmt: str | Format,
    *,
    batch: int = BATCH,
) -> dict[str, int]:
    """What :func:`write` writes, for layers too big to hold: ``layers[name]()`` gives the
    features of a layer, and is called twice (to type the columns, then to write ``batch``
    features at a time), so memory does not grow with the layer. Returns the features written
    per layer."""
    f = fmt if isinstance(fmt, Format) else check_format(fmt)
    if len(layers) != 1 and not f.multi_layer:
        raise InvalidParameter(
            f"format {f.ext!r} holds one layer, not {len(layers)}", where="layer"
        )
    out = Path(path)
    if out.exists():
        out.unlink()
    written: dict[str, int] = {}
    for name, make in layers.items():
        if f.ext == "geojson":
            written[name] = _write_geojson(out, name, make())
            continue
        learnt = Columns(name)
        for feature in make():
            learnt.add(feature)
        cols = learnt.result()
        chunk: list[Mapping[str, Any]] = []
        n = 0
        for feature in make():
            chunk.append(feature)
            if len(chunk) == batch:
                write_layer(out, name, chunk, f, cols=cols, append=n > 0)
                n += len(chunk)
                chunk = []
        if chunk or n == 0:
            write_layer(out, name, chunk, f, cols=cols, append=n > 0)
            n += len(chunk)
        written[name] = n
    return written


def write_geojson_text(path: str | Path, name: str, features: Iterable[str]) -> int:
    """A FeatureCollection named ``name`` of features given as GeoJSON text, written as they
    come (nothing decoded); returns how many."""
    head = json.dumps({"type": "FeatureCollection", "name": name}, ensure_ascii=False)
    n = 0
    with Path(path).open("w", encoding="utf-8") as out:
        out.write(head[:-1] + ', "features": [')
        for text in features:
            out.write((", " if n else "") + text)
            n += 1
        out.write("]}")
    return n


def _write_geojson(path: Path, name: str, features: Iterable[Mapping[str, Any]]) -> int:
    """The FeatureCollection :func:`write_layer` writes, written one feature at a time."""
    head = json.dumps({"type": "FeatureCollection", "name": name}, ensure_ascii=False)
    n = 0
    with path.open("w", encoding="utf-8") as out:
        out.write(head[:-1] + ', "features": [')
        for feature in features:
            out.write((", " if n else "") + json.dumps(feature, ensure_ascii=False))
            n += 1
        out.write("]}")
    return n


def to_bytes(layers: Mapping[str, Sequence[Mapping[str, Any]]], fmt: str | Format) -> bytes:
    """The bytes of the file :func:`write` would write."""
    f = fmt if isinstance(fmt, Format) else check_format(fmt)
    tmp = Path(tempfile.mkdtemp(prefix="geomap-export-"))
    try:
        return write(tmp / f"export.{f.ext}", layers, f).read_bytes()
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
