"""The PostGIS store's schema (``geomap`` in the database) and the steps that create and upgrade
it, versioned in ``geomap.meta`` (key ``schema``).

Only writers migrate (``geomap ingest``, ``remove``, ``geomap store migrate`` and the start of
``geomap serve``), one at a time (an advisory lock) and each in one transaction, so a migration
is all or nothing; a reader finding another version refuses to read (:func:`check_version`).

The columns of ``items`` are SQLite's (:mod:`geomap.store.sql`), with the geometry itself in
``geom geometry(Geometry, 4326)`` (GIST index) instead of bounds and R*Trees, and the
properties a vector tile carries in ``tile`` (jsonb), so ``ST_AsMVT`` never reads the feature.
The feature text is stored out of line (``toast_tuple_target``), so index scans over ``items``
read narrow rows.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from geomap.errors import StoreError

SCHEMA = "geomap"
SCHEMA_VERSION = 2
MIGRATE_LOCK = 0x67656F6E  # advisory lock key of migrations

# text rules of geomap.store.base.fold and the Equals filter, in SQL (ICU's lower-casing is
# Unicode's, as Python's str.lower is)
FUNCTIONS = (
    f"""
CREATE OR REPLACE FUNCTION {SCHEMA}.fold(value text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT lower(btrim(value, ' \t\n\r\f\v') COLLATE "und-x-icu")
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
