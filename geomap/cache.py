"""A persistent geocode cache in a SQLite file, wrapping any geopy-style geocode callable.

Keyed by provider, normalised query and context hint. Safe for several processes at once
(WAL journal, busy timeout); each entry is written in one transaction, so a kill never leaves a
half-written entry.
"""

from __future__ import annotations

import json
import sqlite3
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from geopy.location import Location

from geomap.errors import InputError
from geomap.normalise import name_key

SCHEMA = """
CREATE TABLE IF NOT EXISTS geocode_cache(
    provider TEXT NOT NULL,
    query TEXT NOT NULL,
    hint TEXT NOT NULL DEFAULT '',
    answer TEXT NOT NULL,          -- JSON list of {address, lat, lon, raw}; [] for no result
    created REAL NOT NULL,
    PRIMARY KEY (provider, query, hint)
);
CREATE TABLE IF NOT EXISTS geocode_stats(
    provider TEXT PRIMARY KEY, hits INTEGER NOT NULL DEFAULT 0, misses INTEGER NOT NULL DEFAULT 0
);
"""

GeocodeFn = Callable[..., Location | list[Location] | None]


def connect(path: str | Path) -> sqlite3.Connection:
    """Open (creating) a SQLite file in WAL mode, tolerant of other writers."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    con = sqlite3.connect(path, timeout=30, isolation_level=None, check_same_thread=False)
    con.execute("PRAGMA busy_timeout=30000")
    con.execute("PRAGMA journal_mode=WAL")
    con.execute("PRAGMA synchronous=NORMAL")
    return con


def _encode(answer: Location | list[Location] | None) -> str:
    if answer is None:
        items: list[Location] = []
    elif isinstance(answer, list):
        items = answer
    else:
        items = [answer]
    return json.dumps(
        [{"address": a.address, "lat": a.latitude, "lon": a.longitude, "raw": a.raw} for a in items]
    )


def _decode(payload: str) -> list[Location]:
    return [Location(d["address"], (d["lat"], d["lon"]), d["raw"]) for d in json.loads(payload)]


class GeocodeCache:
    """The cache file; counts its hits and misses for this process."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self._con = connect(self.path)
        self._con.executescript(SCHEMA)
        self.hits = 0
        self.misses = 0
        self._unflushed: dict[str, list[int]] = {}

    def get(self, provider: str, query: str, hint: str = "") -> list[Location] | None:
        """The cached answer (possibly an empty list), or None when not cached."""
        row = self._con.execute(
            "SELECT answer FROM geocode_cache WHERE provider=? AND query=? AND hint=?",
            (provider, name_key(query), hint),
        ).fetchone()
        counts = self._unflushed.setdefault(provider, [0, 0])
        if row is None:
            self.misses += 1
            counts[1] += 1
            return None
        self.hits += 1
        counts[0] += 1
        return _decode(row[0])

    def put(
        self, provider: str, query: str, answer: Location | list[Location] | None, hint: str = ""
    ) -> None:
        """Store an answer atomically, replacing any older one."""
        self._con.execute(
            "INSERT OR REPLACE INTO geocode_cache VALUES (?,?,?,?,?)",
            (provider, name_key(query), hint, _encode(answer), time.time()),
        )

    def wrap(self, provider: str, geocode: GeocodeFn) -> Callable[..., list[Location]]:
        """A geocode callable answering from the cache first, calling ``geocode`` on a miss.

        The wrapped callable always asks ``geocode`` for every candidate
        (``exactly_one=False``) and returns a list, best first.
        """

        def cached(query: str, hint: str = "", **kwargs: Any) -> list[Location]:
            found = self.get(provider, query, hint)
            if found is not None:
                return found
            answer = geocode(query, exactly_one=False, **kwargs)
            self.put(provider, query, answer, hint)
            return _decode(_encode(answer))

        return cached

    def count(self) -> int:
        """Number of cached entries."""
        return int(self._con.execute("SELECT count(*) FROM geocode_cache").fetchone()[0])

    def flush_stats(self) -> None:
        """Add this process's hit and miss counts to the file's totals."""
        for provider, (hits, misses) in self._unflushed.items():
            self._con.execute(
                "INSERT INTO geocode_stats VALUES (?,?,?) ON CONFLICT(provider) DO UPDATE SET"
                " hits = hits + excluded.hits, misses = misses + excluded.misses",
                (provider, hits, misses),
            )
        self._unflushed.clear()

    def stats(self) -> dict[str, dict[str, int]]:
        """Entries, hits and misses per provider (hits and misses as flushed so far)."""
        self.flush_stats()
        out: dict[str, dict[str, int]] = {}
        for provider, n in self._con.execute(
            "SELECT provider, count(*) FROM geocode_cache GROUP BY provider"
        ):
            out[provider] = {"entries": n, "hits": 0, "misses": 0}
        for provider, hits, misses in self._con.execute("SELECT * FROM geocode_stats"):
            out.setdefault(provider, {"entries": 0})
            out[provider].update(hits=hits, misses=misses)
        return out

    def export(self, path: str | Path) -> int:
        """Write every entry to a JSON Lines file (to carry a warmed cache offline)."""
        n = 0
        with open(path, "w", encoding="utf-8") as out:
            for provider, query, hint, answer, created in self._con.execute(
                "SELECT provider, query, hint, answer, created FROM geocode_cache ORDER BY 1, 2, 3"
            ):
                out.write(
                    json.dumps(
                        {
                            "provider": provider,
                            "query": query,
                            "hint": hint,
                            "answer": json.loads(answer),
                            "created": created,
                        }
                    )
                    + "\n"
                )
                n += 1
        return n

    def import_(self, path: str | Path) -> int:
        """Add the entries of an exported file in one transaction; returns how many."""
        rows = []
        with open(path, encoding="utf-8") as src:
            for lineno, line in enumerate(src, 1):
                if not line.strip():
                    continue
                try:
                    d = json.loads(line)
                    rows.append(
                        (
                            str(d["provider"]),
                            name_key(str(d["query"])),
                            str(d["hint"]),
                            json.dumps(d["answer"]),
                            float(d["created"]),
                        )
                    )
                except (ValueError, KeyError, TypeError) as exc:
                    raise InputError(
                        f"line {lineno}: not a cache entry ({exc})", where=str(path)
                    ) from None
        with self._con:
            self._con.execute("BEGIN IMMEDIATE")
            self._con.executemany("INSERT OR REPLACE INTO geocode_cache VALUES (?,?,?,?,?)", rows)
        return len(rows)

    def clear(self, provider: str | None = None) -> int:
        """Delete the entries of one provider, or all; returns how many."""
        if provider is None:
            cur = self._con.execute("DELETE FROM geocode_cache")
            self._con.execute("DELETE FROM geocode_stats")
        else:
            cur = self._con.execute("DELETE FROM geocode_cache WHERE provider=?", (provider,))
            self._con.execute("DELETE FROM geocode_stats WHERE provider=?", (provider,))
        return cur.rowcount

    def close(self) -> None:
        self.flush_stats()
        self._con.close()
