"""The SQLite store's schema and the steps that bring an older store up to it.

``PRAGMA user_version`` holds the schema version. Only writers migrate (``geomap ingest``,
``remove``, ``geomap store migrate`` and the start of ``geomap serve``); a reader finding
another version refuses to read (:func:`check_version`). Every step runs inside the caller's
``BEGIN IMMEDIATE`` transaction, so a migration is all or nothing.

Versions: 1 keyed features by (layer, id) alone; 2 keyed each document's report of a feature
by (layer, id, document); 3 recorded which extraction made a document's features; 4 keeps
the merged features as indexed rows (``items``, two R*Trees, ``stats``), merged at write time;
5 gives both R*Trees the layer as a dimension of their own, so a query of one layer reads only
that layer's entries and counts what lies inside its box or interval from the tree alone; 6
keeps where each document's text came from (``url``, ``format``), analysts' corrections
(``corrections``, applied to ``items`` at write time; ``hidden`` lists what they hide), the
features' place references indexed (a moved place moves the events there) and a change counter
(``meta``).
"""

from __future__ import annotations

import json
import math
import sqlite3
from collections.abc import Callable
from typing import Any

from geomap.errors import StoreError

SCHEMA_VERSION = 6

# Each layer's place along the R*Trees' layer dimension: layer k spans [k, k + 0.5], so every
# entry and every node of one layer has the same non-zero extent there (the R*Tree's area
# heuristics keep working) and a node mixing layers is three times as big (they stay apart).
LAYER_KEY = {"places": 0, "incidents": 1, "movements": 2}
LAYER_SPAN = 0.5

DOCUMENTS = """
CREATE TABLE IF NOT EXISTS documents(
    id TEXT PRIMARY KEY, path TEXT, title TEXT, author TEXT, publisher TEXT, published TEXT,
    text TEXT NOT NULL, ingested REAL NOT NULL,
    extractor TEXT NOT NULL DEFAULT '',  -- which extraction produced its features
    url TEXT, format TEXT NOT NULL DEFAULT 'text'  -- the text is extracted from this format
)"""

# each document's own report of a feature: what merging reads
FEATURES = """
CREATE TABLE IF NOT EXISTS features(
    id TEXT NOT NULL, layer TEXT NOT NULL, document_id TEXT NOT NULL
        REFERENCES documents(id) ON DELETE CASCADE,
    feature TEXT NOT NULL,
    PRIMARY KEY (layer, id, document_id)
)"""

# the merged features readers get (columns: geomap.store.sql)
ITEMS = (
    """
CREATE TABLE IF NOT EXISTS items(
    seq INTEGER PRIMARY KEY,        -- rowid of the feature's first report: ingest order
    layer TEXT NOT NULL,
    id TEXT NOT NULL,
    point INTEGER NOT NULL,         -- 1 for a Point: its bbox test is exact
    minx REAL, miny REAL, maxx REAL, maxy REAL,   -- the geometry's bounds (null: none)
    t0 INTEGER, t1 INTEGER,         -- time span, date.toordinal() days (null: undated)
    event_type TEXT, actor1 TEXT, actor2 TEXT, actor TEXT, country_code TEXT,  -- folded
    feature TEXT NOT NULL,          -- the merged GeoJSON Feature
    merge_state TEXT NOT NULL       -- what merging one more report needs (features.merge)
)""",
    "CREATE UNIQUE INDEX IF NOT EXISTS items_id ON items(layer, id)",
    "CREATE INDEX IF NOT EXISTS items_layer ON items(layer)",  # (layer, seq): ingest order
    "CREATE INDEX IF NOT EXISTS items_event_type ON items(layer, event_type)",
    "CREATE INDEX IF NOT EXISTS items_actor1 ON items(layer, actor1)",
    "CREATE INDEX IF NOT EXISTS items_country_code ON items(layer, country_code)",
    "CREATE INDEX IF NOT EXISTS items_t1 ON items(layer, t1)",
    *(
        # SQLite's R*Tree: bounds of every item with a geometry; time spans of every dated
        # item (day numbers are exact in its 32-bit floats); l0..l1 the item's layer (LAYER_KEY)
        "CREATE VIRTUAL TABLE IF NOT EXISTS items_space USING rtree("
        "id, minx, maxx, miny, maxy, l0, l1)",
        "CREATE VIRTUAL TABLE IF NOT EXISTS items_time USING rtree(id, t0, t1, l0, l1)",
    ),
    # per layer (and 'documents'): count, extents, every property name seen; kept by writes
    """
CREATE TABLE IF NOT EXISTS stats(
    name TEXT PRIMARY KEY, count INTEGER NOT NULL DEFAULT 0,
    minx REAL, miny REAL, maxx REAL, maxy REAL, t0 INTEGER, t1 INTEGER,
    properties TEXT NOT NULL DEFAULT '[]'
)""",
)

# analysts' corrections, apart from the extractions (geomap.features.corrections); ``items``
# holds the features with them applied, and ``hidden`` the (layer, id) of those they hide
CORRECTIONS = (
    """
CREATE TABLE IF NOT EXISTS corrections(
    id TEXT PRIMARY KEY,
    layer TEXT NOT NULL, feature_id TEXT NOT NULL, action TEXT NOT NULL,
    document_id TEXT, quote_start INTEGER, quote_end INTEGER,  -- the sentence corrected
    created TEXT NOT NULL,
    correction TEXT NOT NULL        -- the Correction as JSON
)""",
    "CREATE INDEX IF NOT EXISTS corrections_feature ON corrections(layer, feature_id)",
    "CREATE INDEX IF NOT EXISTS corrections_quote ON corrections(document_id, quote_start)"
    " WHERE document_id IS NOT NULL",
    "CREATE TABLE IF NOT EXISTS hidden(layer TEXT NOT NULL, id TEXT NOT NULL,"
    " PRIMARY KEY (layer, id)) WITHOUT ROWID",
)

# the reports that are located at a place, found by its id when an analyst moves the place
PLACE_REFERENCES = {
    "incidents": ("gazetteer_id",),
    "movements": ("origin_id", "destination_id"),
}


def place_reference(key: str) -> str:
    """The indexed expression of the place id ``key`` of a report in ``features``."""
    return f"json_extract(feature, '$.properties.{key}')"


PLACE_INDEXES = tuple(
    f"CREATE INDEX IF NOT EXISTS features_{key} ON features({place_reference(key)})"
    f" WHERE layer = '{layer}'"
    for layer, keys in PLACE_REFERENCES.items()
    for key in keys
)

# what changes with every write readers can see: ``version`` (polled by the map page)
META = (
    "CREATE TABLE IF NOT EXISTS meta(name TEXT PRIMARY KEY, value INTEGER NOT NULL)",
    "INSERT OR IGNORE INTO meta VALUES ('version', 0)",
)

# The grid: every entry of ``items_space`` again, under the finest cell of a fixed hierarchy of
# square cells (2**GRID_FINEST degrees, then twice as wide at each of GRID_LEVELS levels, the
# last holding the whole world and any entry out of it) that holds its bounds, ordered by
# (cell, seq). The first items of a small box in ingest order are a merge of the ordered runs
# of the few cells it meets, which reads about as many entries as it returns (the R*Tree hands
# out everything in the box, to be sorted). An optional index beside schema 6: a store without
# it, or one changed since by a writer that does not keep it, is read through the R*Tree
# (``meta`` row ``grid`` holds the change counter it is in step with) and rebuilt from the
# R*Tree by the next writer that opens it (`geomap store migrate`, ingest, serve).
GRID_FINEST = -2
GRID_LEVELS = 12
GRID_MAX_CELLS = 160  # a box meeting more cells than this is read through the R*Tree
GRID = (
    "CREATE TABLE IF NOT EXISTS items_grid(cell INTEGER NOT NULL, seq INTEGER NOT NULL,"
    " minx REAL NOT NULL, maxx REAL NOT NULL, miny REAL NOT NULL, maxy REAL NOT NULL,"
    " PRIMARY KEY (cell, seq)) WITHOUT ROWID",
    "INSERT OR IGNORE INTO meta VALUES ('grid', -1)",
)
# the cell of an R*Tree entry (``items_space``'s columns), in SQL through geomap_grid_cell
GRID_CELL_OF_ENTRY = "geomap_grid_cell(CAST(l0 AS INTEGER), minx, maxx, miny, maxy)"


# true when the grid is in step with the store's last change (see GRID)
GRID_IN_STEP = (
    "(SELECT value FROM meta WHERE name='grid') IS (SELECT value FROM meta WHERE name='version')"
)


def _grid_key(layer_key: int, level: int, ix: int, iy: int) -> int:
    return ((layer_key * 16 + level) * 4096 + ix) * 4096 + iy


def grid_cell(layer_key: int, minx: float, maxx: float, miny: float, maxy: float) -> int:
    """The grid cell (see :data:`GRID`) of an entry of layer ``layer_key`` with these bounds:
    the finest one holding them whole."""
    if all(math.isfinite(v) for v in (minx, maxx, miny, maxy)) and (
        -180 <= minx <= maxx <= 180 and -90 <= miny <= maxy <= 90
    ):
        for level in range(GRID_LEVELS - 1):
            size = 2.0 ** (GRID_FINEST + level)
            ix = math.floor((minx + 180) / size)
            iy = math.floor((miny + 90) / size)
            if ix == math.floor((maxx + 180) / size) and iy == math.floor((maxy + 90) / size):
                return _grid_key(layer_key, level, ix, iy)
    return _grid_key(layer_key, GRID_LEVELS - 1, 0, 0)


# (level, cell size in degrees) of every level but the world's
_GRID_SIZES = tuple((level, 2.0 ** (GRID_FINEST + level)) for level in range(GRID_LEVELS - 1))


def grid_cells(layer_key: int, box: tuple[float, float, float, float]) -> list[int] | None:
    """Every grid cell of layer ``layer_key`` an entry meeting ``box`` (minx, miny, maxx,
    maxy; minx <= maxx) may lie in, coarsest last; None when they are more than
    :data:`GRID_MAX_CELLS`."""
    minx, miny, maxx, maxy = box
    if not all(math.isfinite(v) for v in box) or minx > maxx or miny > maxy:
        return None
    out: list[int] = []
    floor = math.floor
    # shifted into [0, 360] x [0, 180]: a cell's column and row are then within the grid
    x_lo, x_hi = min(max(minx, -180), 180) + 180, min(max(maxx, -180), 180) + 180
    y_lo, y_hi = min(max(miny, -90), 90) + 90, min(max(maxy, -90), 90) + 90
    for level, size in _GRID_SIZES:
        x0, x1 = floor(x_lo / size), floor(x_hi / size)
        y0, y1 = floor(y_lo / size), floor(y_hi / size)
        if len(out) + (x1 - x0 + 1) * (y1 - y0 + 1) > GRID_MAX_CELLS:
            return None
        base = _grid_key(layer_key, level, 0, 0)  # a cell's key is base + ix * 4096 + iy
        ys = range(y0, y1 + 1)
        for ix in range(x0, x1 + 1):
            column = base + ix * 4096
            out += [column + iy for iy in ys]
    out.append(_grid_key(layer_key, GRID_LEVELS - 1, 0, 0))
    return out


def grid_in_step(con: sqlite3.Connection) -> bool:
    """True when the store open on ``con`` has a grid in step with its last change."""
    return bool(con.execute(f"SELECT {GRID_IN_STEP}").fetchone()[0])


def ensure_grid(con: sqlite3.Connection) -> bool:
    """Create the grid if the store has none and rebuild it from ``items_space`` unless it is
    in step, inside the caller's write transaction; True when it was rebuilt."""
    for statement in GRID:
        con.execute(statement)
    if grid_in_step(con):
        return False
    con.create_function("geomap_grid_cell", 5, grid_cell, deterministic=True)
    con.execute("DELETE FROM items_grid")
    con.execute(
        f"INSERT INTO items_grid SELECT {GRID_CELL_OF_ENTRY}, id, minx, maxx, miny, maxy"
        " FROM items_space ORDER BY 1, 2"
    )
    con.execute(
        "UPDATE meta SET value = (SELECT value FROM meta WHERE name='version') WHERE name='grid'"
    )
    return True


# The zoomed-out tiles' point aggregate (geomap.tiles.AGGREGATE_*), as the PostGIS store keeps
# it: per zoom and grid cell of the layers it keeps, each event type's count and summed point
# (``tile_cells``), and per cell every type's together with the most frequent
# (``tile_points``), which a zoomed-out tile reads one row per cell of. Kept by the writer in
# every transaction. An optional aggregate beside schema 6, like the grid: ``meta`` row
# ``tiles`` holds the change counter it is in step with; a store without it, or one changed
# since by a writer that does not keep it, draws its tiles from the features (the sample), and
# the next writer that opens it rebuilds it from ``items``.
TILES = (
    "CREATE TABLE IF NOT EXISTS tile_cells(layer TEXT NOT NULL, z INTEGER NOT NULL,"
    " cx INTEGER NOT NULL, cy INTEGER NOT NULL, kind TEXT NOT NULL, n INTEGER NOT NULL,"
    " sx REAL NOT NULL, sy REAL NOT NULL, PRIMARY KEY (layer, z, cx, cy, kind)) WITHOUT ROWID",
    "CREATE TABLE IF NOT EXISTS tile_points(layer TEXT NOT NULL, z INTEGER NOT NULL,"
    " cx INTEGER NOT NULL, cy INTEGER NOT NULL, n INTEGER NOT NULL, sx REAL NOT NULL,"
    " sy REAL NOT NULL, kind TEXT NOT NULL, PRIMARY KEY (layer, z, cx, cy)) WITHOUT ROWID",
    "INSERT OR IGNORE INTO meta VALUES ('tiles', -1)",
)
# true when the point aggregate is in step with the store's last change (see TILES)
TILES_IN_STEP = (
    "(SELECT value FROM meta WHERE name='tiles') IS (SELECT value FROM meta WHERE name='version')"
)
_CELL_DELTA = (
    "INSERT INTO tile_cells VALUES (?,?,?,?,?,?,?,?) ON CONFLICT (layer, z, cx, cy, kind)"
    " DO UPDATE SET n = n + excluded.n, sx = sx + excluded.sx, sy = sy + excluded.sy"
)
# a cell's row of tile_points computed again from its rows of tile_cells (ties of the most
# frequent type go to the first in text order)
_CELL_POINT = """
INSERT OR REPLACE INTO tile_points (layer, z, cx, cy, n, sx, sy, kind)
SELECT :layer, :z, :cx, :cy, coalesce(sum(n), 0), coalesce(sum(sx), 0.0), coalesce(sum(sy), 0.0),
    coalesce((SELECT kind FROM tile_cells WHERE layer = :layer AND z = :z AND cx = :cx
              AND cy = :cy AND n > 0 ORDER BY n DESC, kind LIMIT 1), '')
FROM tile_cells WHERE layer = :layer AND z = :z AND cx = :cx AND cy = :cy AND n > 0"""

TileDeltas = dict[tuple[str, int, int, int, str], list[float]]


def tile_delta(
    deltas: TileDeltas,
    layer: str,
    event_type: str | None,
    point: int,
    x: float | None,
    y: float | None,
    feature: str | dict[str, Any] | None,
    sign: int,
) -> None:
    """Count an item of ``layer`` in (``sign`` 1) or out of (-1) the point aggregate's
    ``deltas``: at its point (``x``, ``y`` when ``point``, else a point on its geometry, read
    from ``feature``), in its cell at every zoom, under its folded event type."""
    from geomap import tiles

    if layer not in tiles.AGGREGATE_LAYERS or x is None:
        return
    if point:
        geometry: Any = {"type": "Point", "coordinates": [x, y]}
    else:
        decoded = json.loads(feature) if isinstance(feature, str | bytes) else feature
        geometry = (decoded or {}).get("geometry")
    at = tiles.aggregate_point(geometry)
    if at is None:
        return
    kind = (event_type or "") if layer == "incidents" else ""
    mx, my = at
    for z, cx, cy in tiles.aggregate_cells(mx, my):
        entry = deltas.setdefault((layer, z, cx, cy, kind), [0, 0.0, 0.0])
        entry[0] += sign
        entry[1] += sign * mx
        entry[2] += sign * my


def write_tile_deltas(con: sqlite3.Connection, deltas: TileDeltas) -> None:
    """Add ``deltas`` to ``tile_cells`` and compute each touched cell's ``tile_points`` row
    again."""
    rows = [(*key, *v) for key, v in sorted(deltas.items()) if v[0] or v[1] or v[2]]
    if not rows:
        return
    con.executemany(_CELL_DELTA, rows)
    cells = sorted({r[:4] for r in rows})
    con.executemany(
        _CELL_POINT, [{"layer": c[0], "z": c[1], "cx": c[2], "cy": c[3]} for c in cells]
    )


def tiles_in_step(con: sqlite3.Connection) -> bool:
    """True when the store open on ``con`` has a point aggregate in step with its last
    change."""
    return bool(con.execute(f"SELECT {TILES_IN_STEP}").fetchone()[0])


def ensure_tiles(con: sqlite3.Connection) -> bool:
    """Create the point aggregate if the store has none and rebuild it from ``items`` unless
    it is in step, inside the caller's write transaction; True when it was rebuilt."""
    from geomap import tiles

    for statement in TILES:
        con.execute(statement)
    if tiles_in_step(con):
        return False
    con.execute("DELETE FROM tile_cells")
    con.execute("DELETE FROM tile_points")
    deltas: TileDeltas = {}
    layers = ",".join(f"'{name}'" for name in tiles.AGGREGATE_LAYERS)
    for row in con.execute(
        "SELECT layer, event_type, point, minx, miny, CASE WHEN point THEN NULL ELSE feature END"
        f" FROM items WHERE layer IN ({layers}) AND minx IS NOT NULL"
    ):
        layer, event_type, point, x, y, feature = row
        tile_delta(deltas, layer, event_type, point, x, y, feature, 1)
    write_tile_deltas(con, deltas)
    con.execute(
        "UPDATE meta SET value = (SELECT value FROM meta WHERE name='version') WHERE name='tiles'"
    )
    return True


SCHEMA = (
    DOCUMENTS,
    FEATURES,
    "CREATE INDEX IF NOT EXISTS features_document ON features(document_id)",
    *ITEMS,
    *CORRECTIONS,
    *PLACE_INDEXES,
    *META,
    *GRID,
    *TILES,
)

# the B-tree index a filter on a column (or an order) can be driven by
INDEXED_BY = {
    "event_type": "items_event_type",
    "actor1": "items_actor1",
    "country_code": "items_country_code",
    "time_end": "items_t1",
}


def version(con: sqlite3.Connection) -> int:
    """The schema version of an open store (0 for an empty file)."""
    return int(con.execute("PRAGMA user_version").fetchone()[0])


def check_version(found: int) -> None:
    """StoreError unless a store of schema ``found`` can be read by this geomap."""
    if found > SCHEMA_VERSION:
        raise StoreError(
            f"the store was written by a newer geomap (store schema {found}; this geomap reads"
            f" schema {SCHEMA_VERSION}): upgrade geomap to read it"
        )
    if found < SCHEMA_VERSION:
        raise StoreError(
            f"the store has schema {found}, older than this geomap's ({SCHEMA_VERSION}): run"
            " `geomap store migrate` (ingest and serve also migrate it)"
        )


def _tables(con: sqlite3.Connection) -> dict[str, str]:
    return {
        name: sql or ""
        for name, sql in con.execute("SELECT name, sql FROM sqlite_master WHERE type='table'")
    }


def _v1_to_v2(con: sqlite3.Connection) -> None:
    """Version 1 keyed features by (layer, id): one document per feature."""
    features = _tables(con).get("features", "")
    if features and "document_id)" not in features:
        con.execute("ALTER TABLE features RENAME TO features_v1")
        con.execute("DROP INDEX IF EXISTS features_document")
        con.execute(FEATURES)
        con.execute(
            "INSERT OR IGNORE INTO features SELECT id, layer, document_id, feature FROM features_v1"
        )
        con.execute("DROP TABLE features_v1")


def _v2_to_v3(con: sqlite3.Connection) -> None:
    """Version 2 did not record which extraction made a document's features."""
    columns = {r[1] for r in con.execute("PRAGMA table_info(documents)")}
    if columns and "extractor" not in columns:
        con.execute("ALTER TABLE documents ADD COLUMN extractor TEXT NOT NULL DEFAULT ''")


def _v4_to_v5(con: sqlite3.Connection) -> None:
    """Version 4's R*Trees held every layer's entries together: they are rebuilt with the
    layer as a dimension, from the old trees' bounds and the ``(layer, seq)`` index (the
    items themselves are not read)."""
    for name in ("items_space", "items_time"):
        con.execute(f"ALTER TABLE {name} RENAME TO {name}_v4")
    for statement in SCHEMA:
        con.execute(statement)
    for layer, key in LAYER_KEY.items():
        ids = "SELECT seq FROM items INDEXED BY items_layer WHERE layer = :layer"
        span = {"layer": layer, "k0": key, "k1": key + LAYER_SPAN}
        con.execute(
            "INSERT INTO items_space SELECT id, minx, maxx, miny, maxy, :k0, :k1"
            f" FROM items_space_v4 WHERE id IN ({ids})",
            span,
        )
        con.execute(
            f"INSERT INTO items_time SELECT id, t0, t1, :k0, :k1 FROM items_time_v4"
            f" WHERE id IN ({ids})",
            span,
        )
    for name in ("items_space", "items_time"):
        con.execute(f"DROP TABLE {name}_v4")


def _v5_to_v6(con: sqlite3.Connection) -> None:
    """Version 5 kept plain text only: no URL, no format."""
    columns = {r[1] for r in con.execute("PRAGMA table_info(documents)")}
    if columns and "url" not in columns:
        con.execute("ALTER TABLE documents ADD COLUMN url TEXT")
        con.execute("ALTER TABLE documents ADD COLUMN format TEXT NOT NULL DEFAULT 'text'")


def migrate(con: sqlite3.Connection, rebuild: Callable[[sqlite3.Connection], None]) -> int:
    """Bring the store open on ``con`` to :data:`SCHEMA_VERSION` inside the caller's write
    transaction; ``rebuild`` merges every stored report into ``items`` (from versions before
    4 and for the empty store). Returns the version found. StoreError for a store newer than
    this geomap."""
    found = version(con)
    if found > SCHEMA_VERSION:
        check_version(found)
    if found == SCHEMA_VERSION:
        ensure_grid(con)
        ensure_tiles(con)
        return found
    _v1_to_v2(con)
    _v2_to_v3(con)
    if found == 4:
        _v4_to_v5(con)
    _v5_to_v6(con)
    for statement in SCHEMA:
        con.execute(statement)
    if found < 4:
        rebuild(con)
    ensure_grid(con)
    ensure_tiles(con)
    con.execute(f"PRAGMA user_version={SCHEMA_VERSION}")
    return found
