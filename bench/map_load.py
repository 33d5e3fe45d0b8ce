"""``/map`` over the 1M PostGIS bench database in Chromium, this code beside older source trees.

    .venv/bin/python bench/map_load.py [--trees DIR,DIR] [--loads 5] [--rounds 2]

Starts the bench cluster (``bench/api.py``'s ``data/bench/postgres``, building the 1M database
the first time), then per round and per source tree (``.`` is this checkout; any other is a
``git archive`` of an older commit, whose ``static/node_modules`` must be a copy, not a link):
a fresh ``geomap serve`` of that tree on the same database, ``--loads`` loads of ``/map`` in
Debian's Chromium (``bench.api.map_load_seconds``: from navigation until the map says every
tile in view is drawn, a fresh browser context each), the trees interleaved. Prints each
round's seconds and, per tree, the median over every load (the first load of a round is a
fresh server's, nothing kept). The cluster is stopped at the end. An older tree reads the
database only if its ``SCHEMA_VERSION`` (``geomap/store/pg_migrations.py``) is set to the
database's: its statements then run against today's indexes.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import bench.api as api  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--trees", default=".", help="source trees, comma-separated ('.': this one)")
    ap.add_argument("--loads", type=int, default=5)
    ap.add_argument("--rounds", type=int, default=1)
    args = ap.parse_args()
    trees = args.trees.split(",")
    print(f"load average before: {os.getloadavg()[0]:.2f}", flush=True)
    cluster = api.pg_cluster()
    seconds: dict[str, list[float]] = {t: [] for t in trees}
    try:
        url = api.build_postgis(cluster, 1_000_000)
        for r in range(args.rounds):
            for tree in trees:
                env = dict(os.environ)
                if tree != ".":
                    env["PYTHONPATH"] = str(Path(tree).resolve())
                port = api.free_port()
                cmd = [str(api.GEOMAP), "serve", "--store", url, "--port", str(port),
                       "--log-level", "warning"]  # fmt: skip
                log = api.BENCH / "logs" / "map-load.log"
                log.parent.mkdir(exist_ok=True)
                proc = subprocess.Popen(
                    cmd, stdout=log.open("wb"), stderr=subprocess.STDOUT, env=env,
                    cwd=tree if tree != "." else ROOT,
                )  # fmt: skip
                base = f"http://127.0.0.1:{port}"
                try:
                    api.wait_ready(base + "/healthz", proc)
                    loads = api.map_load_seconds(base, args.loads)
                finally:
                    api.stop(proc)
                seconds[tree] += loads
                print(f"round {r + 1} {tree}: " + ", ".join(f"{s:.2f}" for s in loads), flush=True)
    finally:
        cluster.stop()
    for tree, s in seconds.items():
        print(f"{tree}: /map median {statistics.median(s):.2f} s over {len(s)} loads,"
              f" slowest {max(s):.2f} s", flush=True)  # fmt: skip
    print(f"load average after: {os.getloadavg()[0]:.2f}", flush=True)


if __name__ == "__main__":
    main()
