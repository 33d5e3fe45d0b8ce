"""What keeping the zoomed-out tiles' point aggregate costs a PostGIS writer.

.venv/bin/python bench/tile_writes.py [--documents 300] [--runs 3] [--batch 1]
    [--backend postgis|sqlite|both] [--baseline SOURCE_TREE]

Adds the same ``--documents`` synthetic documents (``bench/api.py``'s generator: a situation
report of 40 incidents in up to eight cities, the places it names, a movement every fifth
document, an earlier incident re-reported every twentieth) one transaction each
(``PostGISStore.add``; ``--batch N``: N a transaction, as ``geomap ingest --write-batch``)
into a fresh database of a PostgreSQL 15 + PostGIS cluster the script starts and removes,
three ways, the runs interleaved: with this geomap's triggers (schema 5: ``tile_cells`` per
event type, then each touched cell's row of ``tile_points``), with schema 4's triggers
(``tile_cells`` only; the tiles then group and sort per request), and with no trigger (no
aggregate). Then removes every fifth document again (one transaction each).
Then the same writes into a fresh SQLite store keeping its point aggregate, and not keeping
it; with ``--baseline SOURCE_TREE`` (e.g. a ``git archive`` of main), that tree's geomap the
same two ways in the same runs, every SQLite run then in a process of its own
(``--backend sqlite --baseline /tmp/main-tree``). Prints the median seconds of each and the
cost per document against no aggregate (the baseline's against its own).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if __name__ == "__main__" and "--one-sqlite" in sys.argv:
    # one SQLite run in a process of its own, with geomap's code from the tree named after it
    source = sys.argv[sys.argv.index("--one-sqlite") + 2]
    sys.meta_path[:] = [
        f for f in sys.meta_path
        if "editable" not in str(getattr(f, "__module__", "")) + type(f).__module__
    ]  # fmt: skip
    sys.path[:0] = [source, str(ROOT)]
else:
    sys.path.insert(0, str(ROOT))

from bench.api import Synth  # noqa: E402
from geomap.store import pg_migrations  # noqa: E402
from geomap.store.postgis import PostGISStore  # noqa: E402
from tests.support.postgres import PostgresCluster  # noqa: E402

_EVENTS = (
    ("INSERT", "SELECT layer, geom, event_type, 1 AS sign FROM new_rows"),
    (
        "UPDATE",
        "SELECT layer, geom, event_type, 1 AS sign FROM new_rows UNION ALL"
        " SELECT layer, geom, event_type, -1 AS sign FROM old_rows",
    ),
    ("DELETE", "SELECT layer, geom, event_type, -1 AS sign FROM old_rows"),
)


def schema4_functions() -> list[str]:
    """Schema 4's trigger functions: ``tile_cells`` kept, ``tile_points`` not."""
    out = []
    for event, source in _EVENTS:
        out.append(
            f"CREATE OR REPLACE FUNCTION {pg_migrations.SCHEMA}.tile_cells_{event.lower()}()"
            " RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
            f"{pg_migrations.cells_upsert(source)}; RETURN NULL; END $$"
        )
    return out


def one_run(
    cluster: PostgresCluster, way: str, docs: list[Any], remove_every: int
) -> tuple[float, float]:
    url = cluster.create_database(f"writes_{way}")
    store = PostGISStore(url)
    con = store._con  # the writer's own connection (autocommit)
    assert con is not None
    if way == "schema4":
        for statement in schema4_functions():
            con.execute(statement)
    elif way == "none":
        con.execute(f"ALTER TABLE {pg_migrations.SCHEMA}.items DISABLE TRIGGER USER")
    added, removed, _, _ = timed_writes(store, docs, remove_every)
    store.close()
    cluster.drop_database(f"writes_{way}")
    return added, removed


BATCH = 1  # documents per transaction (--batch)


def timed_writes(
    store: Any, docs: list[Any], remove_every: int
) -> tuple[float, float, float, float]:
    """Seconds to add every document of ``docs`` to ``store`` (:data:`BATCH` a transaction),
    then to remove every ``remove_every``-th of them (one a transaction); then the CPU seconds
    this process spent on each (all of an embedded store's work, little of a database
    server's)."""
    from geomap.store.base import Addition

    started, cpu = time.perf_counter(), time.process_time()
    for at in range(0, len(docs), BATCH):
        if BATCH == 1:
            doc, features = docs[at]
            store.add(doc, features, "bench")
        else:
            store.add_many([Addition(d, f, "bench") for d, f in docs[at : at + BATCH]])
    added, added_cpu = time.perf_counter() - started, time.process_time() - cpu
    started, cpu = time.perf_counter(), time.process_time()
    for doc, _ in docs[::remove_every]:
        store.remove(doc.id)
    return added, time.perf_counter() - started, added_cpu, time.process_time() - cpu


def one_sqlite_run(
    folder: Path, way: str, docs: list[Any], remove_every: int
) -> tuple[float, float, float, float]:
    """The same writes into a fresh SQLite store, keeping the point aggregate (``kept``) or
    not (``none``: it is put out of step first, so the writer leaves it alone)."""
    from geomap.store.sqlite import SQLiteStore

    path = folder / f"writes_{way}.sqlite"
    store = SQLiteStore(path)
    if way == "none":
        con = store._writer()
        con.execute("UPDATE meta SET value = -5 WHERE name = 'tiles'")
    times = timed_writes(store, docs, remove_every)
    store.close()
    for suffix in ("", "-wal", "-shm"):
        Path(str(path) + suffix).unlink(missing_ok=True)
    return times


def sqlite_run_apart(
    folder: Path, way: str, source: Path, documents: int, remove_every: int
) -> tuple[float, float, float, float]:
    """:func:`one_sqlite_run` in a process of its own, with geomap's code from ``source``."""
    out = subprocess.run(
        [sys.executable, __file__, "--one-sqlite", way, str(source), str(folder),
         "--documents", str(documents), "--batch", str(BATCH)],  # fmt: skip
        capture_output=True, text=True, check=True,
        # the synthetic documents come from this checkout's gazetteer, whichever code writes
        env={"GEOMAP_GAZETTEER": str(ROOT / "data" / "gazetteer.sqlite"), **os.environ,
             "PYTHONPATH": ""},
    )  # fmt: skip
    added, removed, added_cpu, removed_cpu = json.loads(out.stdout.strip().splitlines()[-1])
    return float(added), float(removed), float(added_cpu), float(removed_cpu)


def report(times: dict[str, list[tuple[float, ...]]], n_docs: int, base: str) -> None:
    """Median seconds of each way and its cost per document against ``base``; with CPU
    seconds (an embedded store's runs), the same in CPU time."""
    removed_docs = len(range(0, n_docs, 5))
    columns = (("", 0, 1), (" CPU", 2, 3)) if len(times[base][0]) == 4 else (("", 0, 1),)
    for label, a, r in columns:
        base_add = statistics.median(t[a] for t in times[base])
        base_rm = statistics.median(t[r] for t in times[base])
        for way, runs in times.items():
            add = statistics.median(t[a] for t in runs)
            rm = statistics.median(t[r] for t in runs)
            print(f"  {way:<9}{label:<4} add {add:6.2f} s ({(add - base_add) / n_docs * 1000:+5.1f}"
                  f" ms per document vs {base})  remove {rm:6.2f} s"
                  f" ({(rm - base_rm) / removed_docs * 1000:+5.1f} ms per document)")  # fmt: skip


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--documents", type=int, default=300)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--backend", choices=("postgis", "sqlite", "both"), default="both")
    ap.add_argument(
        "--baseline", type=Path, help="SQLite: also this source tree's geomap (e.g. main's)"
    )
    ap.add_argument(
        "--batch", type=int, default=1, help="documents added per transaction (ingest: 8)"
    )
    ap.add_argument("--one-sqlite", nargs=3, help=argparse.SUPPRESS)  # WAY SOURCE FOLDER
    args = ap.parse_args()
    global BATCH
    BATCH = max(1, args.batch)
    synth = Synth()
    docs = [synth.document(d) for d in range(args.documents)]
    if args.one_sqlite:
        way, _, folder = args.one_sqlite
        print(json.dumps(one_sqlite_run(Path(folder), way, docs, 5)))
        return
    n_incidents = sum(len(f.get("incidents", [])) for _, f in docs)
    print(f"{args.documents} documents ({n_incidents} incidents) added {BATCH} a transaction,"
          f" then every fifth removed (one a transaction); medians of {args.runs} interleaved"
          " runs", flush=True)  # fmt: skip
    if args.backend != "sqlite":
        ways: tuple[str, ...] = ("schema5", "schema4", "none")
        times: dict[str, list[tuple[float, ...]]] = {w: [] for w in ways}
        with PostgresCluster(settings={"jit": "off"}) as cluster:
            for r in range(args.runs):
                for way in ways:
                    times[way].append(one_run(cluster, way, docs, 5))
                    print(f"  run {r + 1} PostGIS {way:<8} add {times[way][-1][0]:6.2f} s"
                          f"  remove {times[way][-1][1]:6.2f} s", flush=True)  # fmt: skip
        print("PostGIS (schema5: tile_cells and tile_points; schema4: tile_cells only):")
        report(times, args.documents, "none")
    if args.backend != "postgis":
        ways = ("kept", "none")
        if args.baseline:
            ways = ("base-kept", "base-none", *ways)
        times = {w: [] for w in ways}
        with tempfile.TemporaryDirectory() as folder:
            for r in range(args.runs):
                for way in ways:
                    if args.baseline:
                        base = way.startswith("base-")
                        source = args.baseline.resolve() if base else ROOT
                        plain = way.removeprefix("base-")
                        t = sqlite_run_apart(Path(folder), plain, source, args.documents, 5)
                    else:
                        t = one_sqlite_run(Path(folder), way, docs, 5)
                    times[way].append(t)
                    print(f"  run {r + 1} SQLite  {way:<9} add {t[0]:6.2f} s (CPU {t[2]:.2f})"
                          f"  remove {t[1]:6.2f} s (CPU {t[3]:.2f})", flush=True)  # fmt: skip
        print("SQLite (kept: the point aggregate; none: out of step, not kept):")
        if args.baseline:
            print(f" baseline {args.baseline}:")
            report({w: times[w] for w in ways if w.startswith("base-")}, args.documents,
                   "base-none")  # fmt: skip
            print(" this tree:")
            report({w: times[w] for w in ways if not w.startswith("base-")}, args.documents,
                   "none")  # fmt: skip
        else:
            report(times, args.documents, "none")


if __name__ == "__main__":
    main()
