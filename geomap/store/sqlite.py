"""The embedded store: documents and their features in one SQLite file.

The :class:`Store` protocol is all the rest of geomap uses, so another backend (PostGIS) can
stand in for :class:`SQLiteStore`.
"""

from __future__ import annotations

import json
import sqlite3
import time
from pathlib import Path
from typing import Any, Protocol

from geomap.errors import NotFound, StoreError
from geomap.features.features import LAYERS
from geomap.features.merge import merge_features
from geomap.db import connect, immediate
from geomap.model import Document

SCHEMA_VERSION = 3
SCHEMA = """
CREATE TABLE IF NOT EXISTS documents(
    id TEXT PRIMARY KEY, path TEXT, title TEXT, author TEXT, publisher TEXT, published TEXT,
    text TEXT NOT NULL, ingested REAL NOT NULL,
    extractor TEXT NOT NULL DEFAULT ''  -- which extraction produced its features
);
CREATE TABLE IF NOT EXISTS features(
    id TEXT NOT NULL, layer TEXT NOT NULL, document_id TEXT NOT NULL
        REFERENCES documents(id) ON DELETE CASCADE,
    feature TEXT NOT NULL,
    PRIMARY KEY (layer, id, document_id)
);
CREATE INDEX IF NOT EXISTS features_document ON features(document_id);
"""
# version 1 keyed features by (layer, id) alone, one document per feature
_MIGRATE_1_TO_2 = (
    """
ALTER TABLE features RENAME TO features_v1;
DROP INDEX IF EXISTS features_document;
"""
    + SCHEMA
    + """
INSERT OR IGNORE INTO features SELECT id, layer, document_id, feature FROM features_v1;
DROP TABLE features_v1;
"""
)


class Store(Protocol):
    """What geomap needs from a store of documents and features."""

    def has_document(self, document_id: str) -> bool: ...
    def extractor_of(self, document_id: str) -> str | None: ...
    def add(
        self,
        document: Document,
        features: dict[str, list[dict[str, Any]]],
        extractor: str = "",
        *,
        replace: bool = False,
    ) -> bool: ...
    def remove(self, document_id: str) -> bool: ...
    def layer(self, name: str) -> list[dict[str, Any]]: ...
    def feature(self, name: str, feature_id: str) -> dict[str, Any]: ...
    def counts(self) -> dict[str, int]: ...
    def close(self) -> None: ...


def check_layer(name: str) -> str:
    """``name`` if it is a layer, else NotFound naming it."""
    if name not in LAYERS:
        raise NotFound(f"unknown layer {name!r}; layers are {', '.join(LAYERS)}")
    return name


class SQLiteStore:
    """A Store in a SQLite file (WAL; safe with several processes)."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self._layers: dict[str, tuple[tuple[int, int], list[dict[str, Any]]]] = {}
        try:
            self._con: sqlite3.Connection = connect(self.path)
            self._con.execute("PRAGMA foreign_keys=ON")
            self._migrate()
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"cannot open store ({exc})", where=str(self.path)) from exc

    def _migrate(self) -> None:
        con = self._con
        with immediate(con):
            version = con.execute("PRAGMA user_version").fetchone()[0]
            old = con.execute(
                "SELECT sql FROM sqlite_master WHERE type='table' AND name='features'"
            ).fetchone()
            if version < SCHEMA_VERSION and old and "document_id)" not in old[0]:
                for statement in _MIGRATE_1_TO_2.split(";"):
                    if statement.strip():
                        con.execute(statement)
            docs = {r[1] for r in con.execute("PRAGMA table_info(documents)")}
            if docs and "extractor" not in docs:  # version 2 did not record the extraction
                con.execute("ALTER TABLE documents ADD COLUMN extractor TEXT NOT NULL DEFAULT ''")
            for statement in SCHEMA.split(";"):
                if statement.strip():
                    con.execute(statement)
            con.execute(f"PRAGMA user_version={SCHEMA_VERSION}")

    def has_document(self, document_id: str) -> bool:
        """True when a document with this content hash is stored."""
        row = self._con.execute("SELECT 1 FROM documents WHERE id=?", (document_id,)).fetchone()
        return row is not None

    def extractor_of(self, document_id: str) -> str | None:
        """The extraction a stored document's features came from ('' when not recorded), or
        None when the document is not stored."""
        row = self._con.execute(
            "SELECT extractor FROM documents WHERE id=?", (document_id,)
        ).fetchone()
        return None if row is None else str(row[0])

    def add(
        self,
        document: Document,
        features: dict[str, list[dict[str, Any]]],
        extractor: str = "",
        *,
        replace: bool = False,
    ) -> bool:
        """Store a document and its features in one transaction; False if it was already there.
        With ``replace``, a stored document's features are replaced by these (re-extraction)."""
        if self.has_document(document.id) and not replace:
            return False
        con = self._con
        with immediate(con):
            updated = 0
            if replace:
                con.execute("DELETE FROM features WHERE document_id=?", (document.id,))
                updated = con.execute(
                    "UPDATE documents SET extractor=?, ingested=? WHERE id=?",
                    (extractor, time.time(), document.id),
                ).rowcount
            if not updated:
                con.execute(
                    "INSERT OR IGNORE INTO documents VALUES (?,?,?,?,?,?,?,?,?)",
                    (
                        document.id,
                        document.path,
                        document.title,
                        document.author,
                        document.publisher,
                        document.published.isoformat() if document.published else None,
                        document.text,
                        time.time(),
                        extractor,
                    ),
                )
            con.executemany(
                "INSERT OR REPLACE INTO features VALUES (?,?,?,?)",
                [
                    (str(f["id"]), layer, document.id, json.dumps(f, ensure_ascii=False))
                    for layer, items in features.items()
                    for f in items
                ],
            )
        return True

    def remove(self, document_id: str) -> bool:
        """Remove a document and every feature it supported."""
        cur = self._con.execute("DELETE FROM documents WHERE id=?", (document_id,))
        return cur.rowcount > 0

    def _version(self) -> tuple[int, int]:
        """Changes by this connection and (data_version) by any other since it opened."""
        data_version = self._con.execute("PRAGMA data_version").fetchone()[0]
        return (data_version, self._con.total_changes)

    def layer(self, name: str) -> list[dict[str, Any]]:
        """Every feature of a layer, merged across the documents that report it, in a stable
        order (first ingested first). Callers must not modify what is returned."""
        check_layer(name)
        version = self._version()
        cached = self._layers.get(name)
        if cached and cached[0] == version:
            return cached[1]
        rows = self._con.execute(
            "SELECT feature FROM features WHERE layer=? ORDER BY rowid", (name,)
        )
        features = merge_features(json.loads(r[0]) for r in rows)
        self._layers[name] = (version, features)
        return features

    def feature(self, name: str, feature_id: str) -> dict[str, Any]:
        """One merged feature of a layer by id; NotFound naming it when there is none."""
        rows = self._con.execute(
            "SELECT feature FROM features WHERE layer=? AND id=? ORDER BY rowid",
            (check_layer(name), feature_id),
        ).fetchall()
        if not rows:
            raise NotFound(f"no feature {feature_id!r} in layer {name!r}")
        return merge_features(json.loads(r[0]) for r in rows)[0]

    def counts(self) -> dict[str, int]:
        """Feature count per layer (after merging), plus ``documents``."""
        out = {name: 0 for name in LAYERS}
        for layer, n in self._con.execute(
            "SELECT layer, count(DISTINCT id) FROM features GROUP BY layer"
        ):
            out[layer] = n
        out["documents"] = self._con.execute("SELECT count(*) FROM documents").fetchone()[0]
        return out

    def close(self) -> None:
        self._con.close()
