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

from geomap.cache import connect
from geomap.errors import NotFound, StoreError
from geomap.features import LAYERS
from geomap.model import Document

SCHEMA = """
CREATE TABLE IF NOT EXISTS documents(
    id TEXT PRIMARY KEY, path TEXT, title TEXT, author TEXT, publisher TEXT, published TEXT,
    text TEXT NOT NULL, ingested REAL NOT NULL
);
CREATE TABLE IF NOT EXISTS features(
    id TEXT NOT NULL, layer TEXT NOT NULL, document_id TEXT NOT NULL
        REFERENCES documents(id) ON DELETE CASCADE,
    feature TEXT NOT NULL,
    PRIMARY KEY (layer, id)
);
CREATE INDEX IF NOT EXISTS features_document ON features(document_id);
"""


class Store(Protocol):
    """What geomap needs from a store of documents and features."""

    def has_document(self, document_id: str) -> bool: ...
    def add(self, document: Document, features: dict[str, list[dict[str, Any]]]) -> bool: ...
    def remove(self, document_id: str) -> bool: ...
    def layer(self, name: str) -> list[dict[str, Any]]: ...
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
        try:
            self._con: sqlite3.Connection = connect(self.path)
            self._con.execute("PRAGMA foreign_keys=ON")
            self._con.executescript(SCHEMA)
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"cannot open store ({exc})", where=str(self.path)) from exc

    def has_document(self, document_id: str) -> bool:
        """True when a document with this content hash is stored."""
        row = self._con.execute("SELECT 1 FROM documents WHERE id=?", (document_id,)).fetchone()
        return row is not None

    def add(self, document: Document, features: dict[str, list[dict[str, Any]]]) -> bool:
        """Store a document and its features in one transaction; False if it was already there."""
        if self.has_document(document.id):
            return False
        con = self._con
        con.execute("BEGIN IMMEDIATE")
        try:
            con.execute(
                "INSERT OR IGNORE INTO documents VALUES (?,?,?,?,?,?,?,?)",
                (
                    document.id,
                    document.path,
                    document.title,
                    document.author,
                    document.publisher,
                    document.published.isoformat() if document.published else None,
                    document.text,
                    time.time(),
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
            con.execute("COMMIT")
        except BaseException:
            con.execute("ROLLBACK")
            raise
        return True

    def remove(self, document_id: str) -> bool:
        """Remove a document and every feature it supported."""
        cur = self._con.execute("DELETE FROM documents WHERE id=?", (document_id,))
        return cur.rowcount > 0

    def layer(self, name: str) -> list[dict[str, Any]]:
        """Every feature of a layer, in a stable order."""
        rows = self._con.execute(
            "SELECT feature FROM features WHERE layer=? ORDER BY rowid", (check_layer(name),)
        )
        return [json.loads(r[0]) for r in rows]

    def counts(self) -> dict[str, int]:
        """Feature count per layer, plus ``documents``."""
        out = {name: 0 for name in LAYERS}
        for layer, n in self._con.execute("SELECT layer, count(*) FROM features GROUP BY layer"):
            out[layer] = n
        out["documents"] = self._con.execute("SELECT count(*) FROM documents").fetchone()[0]
        return out

    def close(self) -> None:
        self._con.close()
