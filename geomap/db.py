"""SQLite helpers shared by the store and the geocode cache.

Writers open a file with :func:`connect` (WAL, busy timeout, autocommit) and group their writes
in :func:`immediate` transactions. Readers that must never write open it with
:func:`connect_readonly`: a ``mode=ro`` URI plus ``PRAGMA query_only``, so no statement run on
that connection can change the file, create it, or create its folder.
"""

from __future__ import annotations

import os
import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import quote


def connect(path: str | Path) -> sqlite3.Connection:
    """Open (creating) a SQLite file in WAL mode, tolerant of other writers.

    The connection is in autocommit mode; callers group writes with ``BEGIN IMMEDIATE`` so a
    writer takes the lock up front and waits (busy timeout 30 s) instead of failing.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    con = sqlite3.connect(path, timeout=30, isolation_level=None, check_same_thread=False)
    con.execute("PRAGMA busy_timeout=30000")
    # Switching a fresh file to WAL needs a moment of exclusive access; two processes
    # creating the same file at once can see SQLITE_BUSY here without the busy handler.
    for attempt in range(100):
        try:
            con.execute("PRAGMA journal_mode=WAL")
            break
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) and "busy" not in str(exc) or attempt == 99:
                raise
            time.sleep(0.05)
    con.execute("PRAGMA synchronous=NORMAL")
    return con


def readonly_uri(path: str | Path) -> str:
    """The ``file:`` URI that opens ``path`` read-only.

    When neither the file nor its folder can be written (a store shipped read-only), SQLite
    could not create the WAL index it needs to read a WAL file, so the URI also says
    ``immutable=1``: nothing may change the file while it is open, which is true of such a file.
    """
    path = Path(path)
    uri = f"file:{quote(str(path.absolute()))}?mode=ro"
    if not os.access(path, os.W_OK) and not os.access(path.parent, os.W_OK):
        uri += "&immutable=1"
    return uri


def connect_readonly(path: str | Path, *, busy_timeout: float = 5.0) -> sqlite3.Connection:
    """Open an existing SQLite file for reading only; never creates or changes anything.

    ``sqlite3.OperationalError`` when the file does not exist or cannot be read. A writer in
    another process does not block this reader (WAL); ``busy_timeout`` bounds the rare waits
    (a WAL being recovered).
    """
    con = sqlite3.connect(
        readonly_uri(path),
        uri=True,
        timeout=busy_timeout,
        isolation_level=None,
        check_same_thread=False,
    )
    con.execute(f"PRAGMA busy_timeout={int(busy_timeout * 1000)}")
    con.execute("PRAGMA query_only=ON")
    return con


@contextmanager
def immediate(con: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """A ``BEGIN IMMEDIATE`` transaction (the write lock taken up front) committed on success
    and rolled back on any exception, which then propagates."""
    con.execute("BEGIN IMMEDIATE")
    try:
        yield con
        con.execute("COMMIT")
    except BaseException:
        if con.in_transaction:  # SQLite has already rolled back after a full disk
            con.execute("ROLLBACK")
        raise
