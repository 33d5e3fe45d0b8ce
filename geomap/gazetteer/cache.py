"""A persistent geocode cache in a SQLite file, wrapping any geopy-style geocode callable.

Keyed by provider, normalised query and context hint; each entry keeps the answer, the
provider's raw payload and when the provider answered. Empty answers are negatives that expire
after a TTL. Safe for several processes at once (WAL journal, busy timeout, ``BEGIN IMMEDIATE``
for every write, short transactions); every write is one transaction, so a kill at any moment
leaves either the whole entry or none of it.
"""

from __future__ import annotations

import json
import sqlite3
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from geopy.location import Location

from geomap.db import connect, immediate
from geomap.errors import InputError, StoreError
from geomap.names.normalise import name_key

SCHEMA_VERSION = 2
DEFAULT_NEGATIVE_TTL = 30 * 86400.0  # seconds an empty answer is trusted

TABLES = (
    """CREATE TABLE IF NOT EXISTS geocode_cache(
    provider TEXT NOT NULL,
    query TEXT NOT NULL,           -- name_key() of the query
    hint TEXT NOT NULL DEFAULT '', -- the context the query was asked in ('' for none)
    answer TEXT NOT NULL,          -- JSON list of {address, lat, lon}; [] for no result
    created REAL NOT NULL,         -- when this entry was written (Unix time)
    payload TEXT NOT NULL DEFAULT '[]',  -- JSON list of the provider's raw records, same order
    answered REAL NOT NULL DEFAULT 0,    -- when the provider answered (Unix time)
    PRIMARY KEY (provider, query, hint)
)""",
    """CREATE TABLE IF NOT EXISTS geocode_stats(
    provider TEXT PRIMARY KEY, hits INTEGER NOT NULL DEFAULT 0, misses INTEGER NOT NULL DEFAULT 0
)""",
)
_COLUMNS = "provider, query, hint, answer, created, payload, answered"
_PUT = f"INSERT OR REPLACE INTO geocode_cache({_COLUMNS}) VALUES (?,?,?,?,?,?,?)"

GeocodeFn = Callable[..., Location | list[Location] | None]


def _write(con: sqlite3.Connection, statements: Iterable[tuple[str, Sequence[Any]]]) -> list[int]:
    """Run write statements in one short ``BEGIN IMMEDIATE`` transaction; rows changed by each."""
    with immediate(con):
        return [con.execute(sql, params).rowcount for sql, params in statements]


def _items(answer: Location | Sequence[Location] | None) -> list[Location]:
    if answer is None:
        return []
    if isinstance(answer, Location):
        return [answer]
    return list(answer)


def encode(answer: Location | Sequence[Location] | None) -> tuple[str, str]:
    """The ``answer`` and ``payload`` column values of a geopy answer."""
    items = _items(answer)
    return (
        json.dumps([{"address": a.address, "lat": a.latitude, "lon": a.longitude} for a in items]),
        json.dumps([a.raw for a in items], ensure_ascii=False),
    )


def decode(answer: str, payload: str) -> list[Location]:
    """Inverse of :func:`encode`."""
    items = json.loads(answer)
    raws = json.loads(payload) if payload else []
    out = []
    for i, d in enumerate(items):
        raw = raws[i] if i < len(raws) else d.get("raw", {})
        out.append(Location(d["address"], (d["lat"], d["lon"]), raw))
    return out


@dataclass(frozen=True, slots=True)
class Entry:
    """One cached answer: the locations, best first (empty for a negative), and when the
    provider gave it."""

    locations: tuple[Location, ...]
    answered: float

    @property
    def negative(self) -> bool:
        return not self.locations


class GeocodeCache:
    """The cache file; counts its hits and misses for this process.

    ``negative_ttl`` (seconds): an empty answer older than this is treated as a miss, so the
    provider is asked again.
    """

    def __init__(self, path: str | Path, *, negative_ttl: float = DEFAULT_NEGATIVE_TTL) -> None:
        self.path = Path(path)
        self.negative_ttl = negative_ttl
        try:
            self._con = connect(self.path)
            self._migrate()
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"cannot open geocode cache ({exc})", where=str(self.path)) from exc
        self.hits = 0
        self.misses = 0
        self._unflushed: dict[str, list[int]] = {}
        self._pending: list[tuple[Any, ...]] = []  # deferred puts, written by flush()

    def _migrate(self) -> None:
        """Create the tables, or bring a cache written by an older geomap up to date."""
        con = self._con
        version = con.execute("PRAGMA user_version").fetchone()[0]
        if version == SCHEMA_VERSION:
            return
        if version > SCHEMA_VERSION:
            raise StoreError(
                f"geocode cache schema {version} is newer than this geomap's ({SCHEMA_VERSION})",
                where=str(self.path),
            )
        with immediate(con):  # one process migrates; the others wait and then see it
            if con.execute("PRAGMA user_version").fetchone()[0] != SCHEMA_VERSION:
                columns = {r[1] for r in con.execute("PRAGMA table_info(geocode_cache)")}
                if columns and "payload" not in columns:
                    self._migrate_v1()
                for statement in TABLES:
                    con.execute(statement)
                con.execute(f"PRAGMA user_version={SCHEMA_VERSION}")

    def _migrate_v1(self) -> None:
        """Version 1 kept each raw payload inside ``answer`` and had no provider timestamp."""
        con = self._con
        con.execute("ALTER TABLE geocode_cache ADD COLUMN payload TEXT NOT NULL DEFAULT '[]'")
        con.execute("ALTER TABLE geocode_cache ADD COLUMN answered REAL NOT NULL DEFAULT 0")
        rows = con.execute("SELECT rowid, answer, created FROM geocode_cache").fetchall()
        for rowid, answer, created in rows:
            answer_json, payload_json = encode(decode(answer, ""))
            con.execute(
                "UPDATE geocode_cache SET answer=?, payload=?, answered=? WHERE rowid=?",
                (answer_json, payload_json, created, rowid),
            )

    def _count(self, provider: str, hit: bool) -> None:
        counts = self._unflushed.setdefault(provider, [0, 0])
        if hit:
            self.hits += 1
            counts[0] += 1
        else:
            self.misses += 1
            counts[1] += 1

    def lookup(
        self, provider: str, query: str, hint: str = "", *, not_before: float = 0.0
    ) -> Entry | None:
        """The cached entry, or None when not cached, a negative older than the TTL, or an
        answer given before ``not_before`` (e.g. by a gazetteer index since rebuilt)."""
        row = self._con.execute(
            "SELECT answer, payload, answered FROM geocode_cache"
            " WHERE provider=? AND query=? AND hint=?",
            (provider, name_key(query), hint),
        ).fetchone()
        if row is None:
            self._count(provider, False)
            return None
        answer, payload, answered = row
        locations = tuple(decode(answer, payload))
        stale = answered < not_before
        if stale or (not locations and answered + self.negative_ttl < time.time()):
            self._count(provider, False)
            return None
        self._count(provider, True)
        return Entry(locations, answered)

    def get(self, provider: str, query: str, hint: str = "") -> list[Location] | None:
        """The cached answer (possibly an empty list), or None when not cached."""
        entry = self.lookup(provider, query, hint)
        return None if entry is None else list(entry.locations)

    def put(
        self,
        provider: str,
        query: str,
        answer: Location | Sequence[Location] | None,
        hint: str = "",
        *,
        answered: float | None = None,
        defer: bool = False,
    ) -> Entry:
        """Store an answer in one transaction, replacing any older one; returns the entry.
        With ``defer``, the write waits for :meth:`flush` (one transaction for many answers
        that are cheap to ask again, such as the gazetteer's)."""
        now = time.time()
        answer_json, payload_json = encode(answer)
        when = now if answered is None else answered
        row = (provider, name_key(query), hint, answer_json, now, payload_json, when)
        if defer:
            self._pending.append(row)
        else:
            _write(self._con, [(_PUT, row)])
        return Entry(tuple(_items(answer)), when)  # what decode() would rebuild from the row

    def wrap(self, provider: str, geocode: GeocodeFn) -> Callable[..., list[Location]]:
        """A geocode callable answering from the cache first, calling ``geocode`` on a miss.

        The wrapped callable always asks ``geocode`` for every candidate
        (``exactly_one=False``) and returns a list, best first. An exception from ``geocode``
        propagates and nothing is cached.
        """

        def cached(query: str, hint: str = "", **kwargs: Any) -> list[Location]:
            found = self.lookup(provider, query, hint)
            if found is not None:
                return list(found.locations)
            answer = geocode(query, exactly_one=False, **kwargs)
            return list(self.put(provider, query, answer, hint).locations)

        return cached

    def count(self) -> int:
        """Number of cached entries."""
        return int(self._con.execute("SELECT count(*) FROM geocode_cache").fetchone()[0])

    def flush(self) -> None:
        """Write the deferred answers, all in one transaction."""
        rows, self._pending = self._pending, []
        if rows:
            with immediate(self._con) as con:
                con.executemany(_PUT, rows)

    def flush_stats(self) -> None:
        """Add this process's hit and miss counts to the file's totals."""
        pending = [(p, h, m) for p, (h, m) in self._unflushed.items() if h or m]
        self._unflushed.clear()
        if not pending:
            return
        _write(
            self._con,
            [
                (
                    "INSERT INTO geocode_stats VALUES (?,?,?) ON CONFLICT(provider) DO UPDATE SET"
                    " hits = hits + excluded.hits, misses = misses + excluded.misses",
                    row,
                )
                for row in pending
            ],
        )

    def stats(self) -> dict[str, dict[str, int]]:
        """Entries, negatives, hits and misses per provider (hits and misses as flushed)."""
        self.flush_stats()
        out: dict[str, dict[str, int]] = {}
        for provider, n, negatives in self._con.execute(
            "SELECT provider, count(*), sum(answer = '[]') FROM geocode_cache GROUP BY provider"
        ):
            out[provider] = {"entries": n, "negatives": negatives, "hits": 0, "misses": 0}
        for provider, hits, misses in self._con.execute("SELECT * FROM geocode_stats"):
            out.setdefault(provider, {"entries": 0, "negatives": 0})
            out[provider].update(hits=hits, misses=misses)
        return out

    def export(self, path: str | Path) -> int:
        """Write every entry to a JSON Lines file (to carry a warmed cache offline)."""
        n = 0
        with open(path, "w", encoding="utf-8") as out:
            for provider, query, hint, answer, created, payload, answered in self._con.execute(
                f"SELECT {_COLUMNS} FROM geocode_cache ORDER BY 1, 2, 3"
            ):
                record = {
                    "provider": provider,
                    "query": query,
                    "hint": hint,
                    "answer": json.loads(answer),
                    "payload": json.loads(payload),
                    "answered": answered,
                    "created": created,
                }
                out.write(json.dumps(record, ensure_ascii=False) + "\n")
                n += 1
        return n

    def import_(self, path: str | Path) -> int:
        """Add the entries of an exported file in one transaction; returns how many.

        Lines written by the first version of ``export`` (raw payload inside ``answer``, no
        ``answered``) are accepted too. A bad line aborts the import and adds nothing.
        """
        rows = []
        with open(path, "rb") as src:
            for lineno, raw in enumerate(src, 1):
                try:
                    line = raw.decode("utf-8")
                except UnicodeDecodeError:
                    raise InputError(
                        f"line {lineno}: not UTF-8 text; expected a file written by"
                        " `geomap cache export` (JSON Lines)",
                        where=str(path),
                    ) from None
                if not line.strip():
                    continue
                try:
                    d = json.loads(line)
                    created = float(d["created"])
                    locations = decode(
                        json.dumps(d["answer"]),
                        json.dumps(d["payload"]) if "payload" in d else "",
                    )
                    answer_json, payload_json = encode(locations)
                    rows.append(
                        (
                            str(d["provider"]),
                            name_key(str(d["query"])),
                            str(d["hint"]),
                            answer_json,
                            created,
                            payload_json,
                            float(d.get("answered", created)),
                        )
                    )
                except (ValueError, KeyError, TypeError, IndexError, AttributeError) as exc:
                    raise InputError(
                        f"line {lineno}: not a cache entry ({exc})", where=str(path)
                    ) from None
        sql = _PUT
        _write(self._con, [(sql, row) for row in rows])
        return len(rows)

    def clear(self, provider: str | None = None) -> int:
        """Delete the entries of one provider, or all; returns how many."""
        if provider is None:
            statements: list[tuple[str, Sequence[Any]]] = [
                ("DELETE FROM geocode_cache", ()),
                ("DELETE FROM geocode_stats", ()),
            ]
        else:
            statements = [
                ("DELETE FROM geocode_cache WHERE provider=?", (provider,)),
                ("DELETE FROM geocode_stats WHERE provider=?", (provider,)),
            ]
        return _write(self._con, statements)[0]

    def close(self) -> None:
        self.flush()
        self.flush_stats()
        self._con.close()
