"""Which store a setting names: a ``postgresql://`` URL opens the PostGIS store, anything else
is the SQLite store file."""

from __future__ import annotations

from geomap.settings import Settings
from geomap.store.base import Store

A_FOLDER = "a folder, not a store file: name the file (e.g. geomap.sqlite in it)"


def open_store(settings: Settings, *, readonly: bool = False, readers: int | None = None) -> Store:
    """The store ``settings`` name, opened to write (migrating it first) or ``readonly``."""
    n = readers if readers is not None else settings.store_readers
    url = settings.store_url
    if url:
        from geomap.store.postgis import PostGISStore

        return PostGISStore(url, readonly=readonly, readers=n)
    from geomap.errors import StoreError
    from geomap.store.sqlite import SQLiteStore

    if settings.store_path.is_dir():
        raise StoreError(A_FOLDER, where=str(settings.store_path))
    return SQLiteStore(settings.store_path, readonly=readonly, readers=n)
