"""The throwaway PostgreSQL + PostGIS cluster the PostGIS tests run on."""

from __future__ import annotations

import psycopg
import pytest

from .postgres import PostgresCluster


def test_each_database_has_postgis_and_is_its_own(postgres: PostgresCluster) -> None:
    a, b = postgres.create_database(), postgres.create_database()
    with psycopg.connect(a, autocommit=True) as con:
        version = con.execute("SELECT postgis_lib_version()").fetchone()
        assert version is not None and version[0].startswith("3.")
        con.execute("CREATE TABLE t(g geometry(Point, 4326))")
        con.execute("INSERT INTO t VALUES (ST_SetSRID(ST_MakePoint(1, 2), 4326))")
    with psycopg.connect(b) as con:
        assert con.execute("SELECT to_regclass('t')").fetchone() == (None,)
    for url in (a, b):
        postgres.drop_database(url.rsplit("/", 1)[1])
    with pytest.raises(psycopg.OperationalError):
        psycopg.connect(a, connect_timeout=5)


def test_a_cluster_listens_on_loopback_only_and_leaves_nothing_behind(
    postgres: PostgresCluster,
) -> None:
    cluster = PostgresCluster().start()
    folder, url = cluster.dir, cluster.url()
    try:
        with psycopg.connect(url) as con:
            assert con.execute("SHOW listen_addresses").fetchone() == ("127.0.0.1",)
            assert con.execute("SHOW server_version_num").fetchone()[0].startswith("15")  # type: ignore[index]
            user = con.execute("SELECT current_user").fetchone()
            assert user == ("postgres",)
        assert cluster.port != postgres.port
    finally:
        cluster.stop()
    assert not folder.exists()
    with pytest.raises(psycopg.OperationalError):
        psycopg.connect(url, connect_timeout=5)
