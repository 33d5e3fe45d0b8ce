"""The PostGIS store's schema (``geomap`` in the database) and the steps that create and upgrade
it, versioned in ``geomap.meta`` (key ``schema``).

Only writers migrate (``geomap ingest``, ``remove``, ``geomap store migrate`` and the start of
``geomap serve``), one at a time (an advisory lock) and each in one transaction, so a migration
is all or nothing; a reader finding another version refuses to read (:func:`check_version`).

The columns of ``items`` are SQLite's (:mod:`geomap.store.sql`), with the geometry itself in
``geom geometry(Geometry, 4326)`` (GIST index) instead of bounds and R*Trees, and the
properties a vector tile carries in ``tile`` (jsonb), so ``ST_AsMVT`` never reads the feature.
``feature`` is each merged feature's GeoJSON text as pages send it; ``toast_tuple_target``
and ``STORAGE EXTERNAL`` move it out of line only in a row PostgreSQL toasts at all (one
longer than ~2 KB): a text of ~1 KB stays in the row, read with it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from geomap.errors import StoreError

# the point aggregate zoomed-out tiles read (geomap.store.postgis.PostGISStore.tile): per zoom
# 0..AGGREGATE_ZOOM, a grid of AGGREGATE_GRID x AGGREGATE_GRID cells per tile
from geomap.tiles import AGGREGATE_GRID, AGGREGATE_LAYERS, AGGREGATE_ZOOM

SCHEMA = "geomap"
SCHEMA_VERSION = 5
MIGRATE_LOCK = 0x67656F6E  # advisory lock key of migrations
CELL_SIZE = 0.5  # degrees: the grid of items_cell (an exact binary fraction)
CELL_STRIDE = 721  # cells per row of that grid (360 / CELL_SIZE, and one for 180 itself)
# layers with a spatial index of their own (a partial GIST index, ``items_geom_<layer>``): the
# few places and movements beside a million incidents, whose zoomed-out tiles and boxes would
# otherwise walk every incident's entry in the box in the shared ``items_geom``
OWN_SPATIAL_INDEX = ("places", "movements")
_R = 6378137.0  # the Web Mercator sphere's radius, metres


def cells_upsert(source: str) -> str:
    """The statement adding ``source``'s rows (columns ``layer, geom, event_type`` and
    ``sign``, +1 or -1) to ``tile_cells``: per zoom, the cell of each row's point (its
    geometry, or a point on it) gains or loses one and its Web Mercator coordinates."""
    half = 3.141592653589793 * _R  # half the world's width in metres
    side = f"({AGGREGATE_GRID} << z)"
    layers = ", ".join(f"'{name}'" for name in AGGREGATE_LAYERS)
    return f"""
INSERT INTO {SCHEMA}.tile_cells AS t (layer, z, cx, cy, kind, n, sx, sy)
SELECT m.layer, z,
    least(greatest(floor((m.mx / {2 * half!r} + 0.5) * {side}), 0), {side} - 1)::integer,
    least(greatest(floor((0.5 - m.my / {2 * half!r}) * {side}), 0), {side} - 1)::integer,
    m.kind, sum(m.sign), sum(m.sign * m.mx), sum(m.sign * m.my)
FROM (
    SELECT r.layer, r.sign,
        CASE WHEN r.layer = 'incidents' THEN coalesce(r.event_type, '') ELSE '' END AS kind,
        radians(ST_X(r.p)) * {_R!r} AS mx,
        {_R!r} * ln(tan(pi() / 4 + radians(least(greatest(ST_Y(r.p), -85.0511287798066),
                                              85.0511287798066)) / 2)) AS my
    FROM (
        SELECT s.layer, s.event_type, s.sign,
            CASE WHEN GeometryType(s.geom) = 'POINT' THEN s.geom
                 ELSE ST_PointOnSurface(s.geom) END AS p
        FROM ({source}) s
        WHERE s.layer IN ({layers}) AND s.geom IS NOT NULL AND NOT ST_IsEmpty(s.geom)
    ) r
) m, generate_series(0, {AGGREGATE_ZOOM}) AS z
GROUP BY 1, 2, 3, 4, 5
HAVING sum(m.sign) <> 0 OR sum(m.sign * m.mx) <> 0 OR sum(m.sign * m.my) <> 0
ON CONFLICT (layer, z, cx, cy, kind) DO UPDATE
    SET n = t.n + EXCLUDED.n, sx = t.sx + EXCLUDED.sx, sy = t.sy + EXCLUDED.sy"""


def points_trigger_function(event: str, source: str) -> str:
    """The trigger function (schema 5 on) keeping ``tile_cells`` and ``tile_points`` in step
    with ``items`` on ``event``: the cells' counts and sums per event type change as
    :func:`cells_upsert` says, then each touched cell's row of ``tile_points`` is computed
    again from its rows of ``tile_cells`` (the count, the sums of the points, and the most
    frequent type, ties to the first in text order), so a zoomed-out tile reads one row per
    cell and neither sorts nor groups."""
    upsert = cells_upsert(source).strip()
    head, _, conflict = upsert.partition("ON CONFLICT")
    insert, _, select = head.partition("\nSELECT ")
    return f"""
CREATE OR REPLACE FUNCTION {SCHEMA}.tile_cells_{event.lower()}() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    ls text[]; zs smallint[]; xs integer[]; ys integer[];
BEGIN
    WITH d(layer, z, cx, cy, kind, n, sx, sy) AS (SELECT {select.strip()}),
    up AS ({insert.strip()}
        SELECT * FROM d ORDER BY layer, z, cx, cy, kind
        ON CONFLICT {conflict.strip()})
    SELECT array_agg(c.layer), array_agg(c.z), array_agg(c.cx), array_agg(c.cy)
        INTO ls, zs, xs, ys
    FROM (SELECT DISTINCT d.layer, d.z::smallint AS z, d.cx, d.cy FROM d) c;
    IF ls IS NOT NULL THEN
        INSERT INTO {SCHEMA}.tile_points AS p (layer, z, cx, cy, n, sx, sy, kind)
        SELECT k.layer, k.z, k.cx, k.cy, coalesce(c.n, 0), coalesce(c.sx, 0), coalesce(c.sy, 0),
            coalesce(c.kind, '')
        FROM unnest(ls, zs, xs, ys) AS k(layer, z, cx, cy)
        CROSS JOIN LATERAL (
            SELECT sum(c.n) AS n, sum(c.sx) AS sx, sum(c.sy) AS sy,
                (array_agg(c.kind ORDER BY c.n DESC, c.kind))[1] AS kind
            FROM {SCHEMA}.tile_cells c
            WHERE c.layer = k.layer AND c.z = k.z AND c.cx = k.cx AND c.cy = k.cy AND c.n > 0
        ) c
        ORDER BY k.layer, k.z, k.cx, k.cy
        ON CONFLICT (layer, z, cx, cy) DO UPDATE
            SET n = EXCLUDED.n, sx = EXCLUDED.sx, sy = EXCLUDED.sy, kind = EXCLUDED.kind;
    END IF;
    RETURN NULL;
END
$$"""


def _cells_trigger(event: str, source: str, transition: str) -> tuple[str, str, str]:
    """The function and the statement-level trigger (dropped first, if any) keeping
    ``tile_cells`` in step with ``items`` on ``event`` (INSERT, UPDATE, DELETE), in the
    writing transaction."""
    name = f"{SCHEMA}.tile_cells_{event.lower()}"
    function = f"""
CREATE OR REPLACE FUNCTION {name}() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    {cells_upsert(source)};
    RETURN NULL;
END
$$"""
    drop = f"DROP TRIGGER IF EXISTS tile_cells_{event.lower()} ON {SCHEMA}.items"
    trigger = (
        f"CREATE TRIGGER tile_cells_{event.lower()} AFTER {event} ON {SCHEMA}.items"
        f" REFERENCING {transition} FOR EACH STATEMENT EXECUTE FUNCTION {name}()"
    )
    return function, drop, trigger


_ROWS = "SELECT layer, geom, event_type, {sign} AS sign FROM {table}"

# text rules of geomap.store.base.fold and the Equals filter, in SQL (ICU's lower-casing is
# Unicode's, as Python's str.lower is)
FUNCTIONS = (
    f"""
CREATE OR REPLACE FUNCTION {SCHEMA}.fold(value text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT lower(btrim(value, ' \t\n\r\f\v') COLLATE "und-x-icu")
$$""",
    # the grid cell (CELL_SIZE degrees) holding a geometry's whole envelope, -1 when the
    # envelope spans more than one cell (geomap.store.postgis.cells computes the same in Python)
    f"""
CREATE OR REPLACE FUNCTION {SCHEMA}.cell(g geometry) RETURNS integer
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT CASE
        WHEN g IS NULL THEN NULL
        WHEN floor((ST_XMin(g) + 180::float8) / {CELL_SIZE}::float8)
                 = floor((ST_XMax(g) + 180::float8) / {CELL_SIZE}::float8)
             AND floor((ST_YMin(g) + 90::float8) / {CELL_SIZE}::float8)
                 = floor((ST_YMax(g) + 90::float8) / {CELL_SIZE}::float8)
            THEN (floor((ST_YMin(g) + 90::float8) / {CELL_SIZE}::float8) * {CELL_STRIDE}
                  + floor((ST_XMin(g) + 180::float8) / {CELL_SIZE}::float8))::integer
        ELSE -1
    END
$$""",
    f"""
CREATE OR REPLACE FUNCTION {SCHEMA}.fold_text(value jsonb) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT CASE WHEN jsonb_typeof(value) = 'string' THEN {SCHEMA}.fold(value #>> '{{}}') END
$$""",
    f"""
CREATE OR REPLACE FUNCTION {SCHEMA}.prop_equal(value jsonb, wanted text) RETURNS boolean
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT CASE
        WHEN value IS NULL OR jsonb_typeof(value) = 'null'
            THEN {SCHEMA}.fold(wanted) IN ('', 'null')
        WHEN jsonb_typeof(value) = 'boolean'
            THEN {SCHEMA}.fold(value::text) = {SCHEMA}.fold(wanted)
                 OR (CASE WHEN value::text = 'true' THEN '1' ELSE '0' END) = btrim(wanted)
        WHEN jsonb_typeof(value) = 'number'
             AND btrim(wanted) ~ '^[+-]?([0-9]+([.][0-9]*)?|[.][0-9]+)([eE][+-]?[0-9]+)?$'
            THEN (value::text)::float8 = btrim(wanted)::float8
        ELSE {SCHEMA}.fold(value #>> '{{}}') = {SCHEMA}.fold(wanted)
    END
$$""",
)

STEPS: dict[int, tuple[str, ...]] = {
    1: (
        f"""
CREATE TABLE {SCHEMA}.documents(
    id text PRIMARY KEY, path text, title text, author text, publisher text, published text,
    text text NOT NULL, ingested double precision NOT NULL,
    extractor text NOT NULL DEFAULT ''
)""",
        f"""
CREATE TABLE {SCHEMA}.features(
    seq bigserial PRIMARY KEY,          -- ingest order of each document's report
    id text NOT NULL, layer text NOT NULL,
    document_id text NOT NULL REFERENCES {SCHEMA}.documents(id) ON DELETE CASCADE,
    feature text NOT NULL,
    UNIQUE (layer, id, document_id)
)""",
        f"CREATE INDEX features_document ON {SCHEMA}.features(document_id)",
        f"""
CREATE TABLE {SCHEMA}.items(
    seq bigint PRIMARY KEY,             -- seq of the feature's first report: ingest order
    layer text NOT NULL,
    id text NOT NULL,
    geom geometry(Geometry, 4326),
    t0 integer, t1 integer,             -- time span, date.toordinal() days (null: undated)
    event_type text, actor1 text, actor2 text, actor text, country_code text,  -- folded
    tile jsonb NOT NULL,                -- the properties a vector tile carries
    lvl smallint NOT NULL,              -- the lowest zoom whose tiles show it (geomap.tiles.level)
    feature text NOT NULL,              -- the merged GeoJSON Feature
    merge_state text NOT NULL,          -- what merging one more report needs
    UNIQUE (layer, id)
)""",
        f"ALTER TABLE {SCHEMA}.items ALTER COLUMN feature SET STORAGE EXTERNAL",
        f"ALTER TABLE {SCHEMA}.items ALTER COLUMN merge_state SET STORAGE EXTERNAL",
        f"ALTER TABLE {SCHEMA}.items SET (toast_tuple_target = 128)",
        f"CREATE INDEX items_geom ON {SCHEMA}.items USING gist (geom)",
        # the samples zoomed-out tiles show, each with its own small spatial index
        *(
            f"CREATE INDEX items_geom_lvl{k} ON {SCHEMA}.items USING gist (geom) WHERE lvl <= {k}"
            for k in range(6)
        ),
        f"CREATE INDEX items_layer_seq ON {SCHEMA}.items (layer, seq)",
        f"CREATE INDEX items_event_type ON {SCHEMA}.items (layer, event_type, seq)",
        f"CREATE INDEX items_actor1 ON {SCHEMA}.items (layer, actor1, seq)",
        f"CREATE INDEX items_country_code ON {SCHEMA}.items (layer, country_code, seq)",
        f"CREATE INDEX items_t0 ON {SCHEMA}.items (layer, t0)",
        f"CREATE INDEX items_t1 ON {SCHEMA}.items (layer, t1)",
        # the time span as a range: an overlap test one index answers (and estimates well)
        f"CREATE INDEX items_span ON {SCHEMA}.items USING gist (int4range(t0, t1, '[]'))",
        f"""
CREATE TABLE {SCHEMA}.stats(
    name text PRIMARY KEY, count bigint NOT NULL DEFAULT 0,
    minx double precision, miny double precision, maxx double precision,
    maxy double precision, t0 integer, t1 integer,
    properties text NOT NULL DEFAULT '[]'
)""",
        f"""INSERT INTO {SCHEMA}.stats(name)
            VALUES ('documents'), ('places'), ('incidents'), ('movements')""",
    ),
    # the numeric queryables of the tiles as typed columns (CQL2 reads them without jsonb),
    # and a B-tree for n_sources (a filter on it needs not read every row of a type)
    2: (
        f"ALTER TABLE {SCHEMA}.items ADD COLUMN n_sources double precision,"
        " ADD COLUMN geo_precision double precision",
        f"UPDATE {SCHEMA}.items SET "
        + ", ".join(
            f"{name} = CASE WHEN jsonb_typeof(tile -> '{name}') = 'number'"
            f" THEN (tile ->> '{name}')::float8 END"
            for name in ("n_sources", "geo_precision")
        ),
        f"CREATE INDEX items_n_sources ON {SCHEMA}.items (layer, n_sources)",
    ),
    # items ordered by place, then ingest order: a small box's first page reads about as many
    # rows as it returns (geomap.store.postgis.PostGISCompiler.page); an index, no row rewritten
    3: (
        # (each statement of this step may run again over what it made: a database taken back
        # to an older schema by hand is upgraded again)
        f"CREATE INDEX IF NOT EXISTS items_cell ON {SCHEMA}.items"
        f" (layer, {SCHEMA}.cell(geom), seq)",
        # per zoom and grid cell of the zoomed-out tiles: how many features (of each event
        # type) and the sum of their points, kept by the triggers below in every writing
        # transaction; a zoomed-out tile reads a few hundred cells, not 100,000 rows
        f"""
CREATE TABLE IF NOT EXISTS {SCHEMA}.tile_cells(
    layer text NOT NULL, z smallint NOT NULL, cx integer NOT NULL, cy integer NOT NULL,
    kind text NOT NULL,                 -- incidents: the folded event type ('' when none)
    n integer NOT NULL,                 -- 0 once emptied (kept: a write touches its cells only)
    sx double precision NOT NULL, sy double precision NOT NULL,
    PRIMARY KEY (layer, z, cx, cy, kind)
)""",
        f"TRUNCATE {SCHEMA}.tile_cells",
        cells_upsert(_ROWS.format(sign=1, table=f"{SCHEMA}.items")),
        *_cells_trigger("INSERT", _ROWS.format(sign=1, table="new_rows"), "NEW TABLE AS new_rows"),
        *_cells_trigger(
            "UPDATE",
            _ROWS.format(sign=1, table="new_rows")
            + " UNION ALL "
            + _ROWS.format(sign=-1, table="old_rows"),
            "OLD TABLE AS old_rows NEW TABLE AS new_rows",
        ),
        *_cells_trigger("DELETE", _ROWS.format(sign=-1, table="old_rows"), "OLD TABLE AS old_rows"),
        f"ANALYZE {SCHEMA}.tile_cells",
    ),
    # the smaller layers' own spatial indexes (a statement names its layer as a literal, so
    # that the planner, and a prepared statement's generic plan, can use them)
    4: tuple(
        f"CREATE INDEX IF NOT EXISTS items_geom_{name} ON {SCHEMA}.items USING gist (geom)"
        f" WHERE layer = '{name}'"
        for name in OWN_SPATIAL_INDEX
    ),
    # per zoom and grid cell, what a zoomed-out tile draws: every event type's count and
    # points summed, and the most frequent type, kept by the triggers from tile_cells (the
    # functions are replaced; the triggers stay), so the tile neither sorts nor groups
    5: (
        f"""
CREATE TABLE IF NOT EXISTS {SCHEMA}.tile_points(
    layer text NOT NULL, z smallint NOT NULL, cx integer NOT NULL, cy integer NOT NULL,
    n integer NOT NULL,                 -- features in the cell (0 once emptied)
    sx double precision NOT NULL, sy double precision NOT NULL,
    kind text NOT NULL,                 -- incidents: the most frequent folded event type
    PRIMARY KEY (layer, z, cx, cy)
)""",
        f"TRUNCATE {SCHEMA}.tile_points",
        f"""
INSERT INTO {SCHEMA}.tile_points (layer, z, cx, cy, n, sx, sy, kind)
SELECT c.layer, c.z, c.cx, c.cy, sum(c.n), sum(c.sx), sum(c.sy),
    (array_agg(c.kind ORDER BY c.n DESC, c.kind))[1]
FROM (SELECT * FROM {SCHEMA}.tile_cells WHERE n > 0 ORDER BY layer, z, cx, cy, kind) c
GROUP BY c.layer, c.z, c.cx, c.cy""",
        *(
            points_trigger_function(event, source)
            for event, source in (
                ("INSERT", _ROWS.format(sign=1, table="new_rows")),
                (
                    "UPDATE",
                    _ROWS.format(sign=1, table="new_rows")
                    + " UNION ALL "
                    + _ROWS.format(sign=-1, table="old_rows"),
                ),
                ("DELETE", _ROWS.format(sign=-1, table="old_rows")),
            )
        ),
        f"ANALYZE {SCHEMA}.tile_points",
    ),
}
NUMBERS = ("n_sources", "geo_precision")  # tile properties with a typed column of their own


def version(con: Any) -> int:
    """The schema version of the database on ``con`` (0 when geomap has never written it)."""
    # the catalogue read as a table (to_regclass may answer from a cache a concurrent
    # migration has not yet invalidated)
    row = con.execute(
        "SELECT 1 FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n"
        " ON n.oid = c.relnamespace WHERE n.nspname = %s AND c.relname = 'meta'",
        (SCHEMA,),
    ).fetchone()
    if row is None:
        return 0
    row = con.execute(f"SELECT value FROM {SCHEMA}.meta WHERE key = 'schema'").fetchone()
    return int(row[0]) if row else 0


def check_version(found: int) -> None:
    """StoreError unless a database of schema ``found`` can be read by this geomap."""
    if found > SCHEMA_VERSION:
        raise StoreError(
            f"the store was written by a newer geomap (PostGIS schema {found}; this geomap reads"
            f" schema {SCHEMA_VERSION}): upgrade geomap to read it"
        )
    if found < SCHEMA_VERSION:
        what = "has no geomap schema yet" if found == 0 else f"has schema {found}"
        raise StoreError(
            f"the database {what} (this geomap reads schema {SCHEMA_VERSION}): run `geomap"
            " ingest` or `geomap store migrate` first"
        )


def _postgis(con: Any) -> None:
    """Create the PostGIS extension when it is missing (needs the right to); a clear error
    when it cannot be."""
    import psycopg

    if con.execute("SELECT 1 FROM pg_extension WHERE extname = 'postgis'").fetchone():
        return
    try:
        with con.transaction():
            con.execute("CREATE EXTENSION IF NOT EXISTS postgis")
    except psycopg.Error as exc:
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise StoreError(
            "the database has no PostGIS and geomap may not add it (" + first + "): run"
            " `CREATE EXTENSION postgis` in it as its owner or a superuser"
        ) from None


def migrate(con: Any, rebuild: Callable[[Any], None]) -> int:
    """Bring the database on ``con`` (autocommit) to :data:`SCHEMA_VERSION` in one transaction
    under the migration lock; ``rebuild(cursor)`` re-merges every report when a step needs it
    (none does yet). Returns the version found. StoreError for a newer schema. A current
    schema costs one read and needs no right to write."""
    found = version(con)
    check_newer(found)
    if found == SCHEMA_VERSION:
        return found
    _postgis(con)
    with con.transaction():
        con.execute("SELECT pg_advisory_xact_lock(%s)", (MIGRATE_LOCK,))
        found = version(con)
        check_newer(found)
        if found == SCHEMA_VERSION:
            return found
        con.execute(f"CREATE SCHEMA IF NOT EXISTS {SCHEMA}")
        con.execute(
            f"CREATE TABLE IF NOT EXISTS {SCHEMA}.meta(key text PRIMARY KEY, value text NOT NULL)"
        )
        # a change to FUNCTIONS comes with a new schema version, so this runs
        for statement in FUNCTIONS:
            con.execute(statement)
        for step in range(found + 1, SCHEMA_VERSION + 1):
            for statement in STEPS[step]:
                con.execute(statement)  # type: ignore[arg-type]
        con.execute(
            f"INSERT INTO {SCHEMA}.meta VALUES ('schema', %s)"
            " ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value",
            (str(SCHEMA_VERSION),),
        )
    return found


def check_newer(found: int) -> None:
    """StoreError when the schema is newer than this geomap's."""
    if found > SCHEMA_VERSION:
        check_version(found)
