"""geomap beside tipg and pygeoapi on the PostGIS bench database (built by ``bench/api.py``),
with the CPU each request costs, under ``bench/http_load.py`` (for a machine without ``wrk``).

    .venv/bin/python bench/pg_side.py bbox|tile RUNS SECONDS CLIENTS SERVER...

SERVER is ``NAME=.`` (this checkout's ``geomap serve``, one worker), ``NAME=DIR`` (geomap's
code from the source tree DIR, e.g. ``git archive main geomap api``), ``tipg`` or ``pygeoapi``
(their own environments under ``data/bench/``, as ``bench/api.py`` starts them). ``bbox`` is
the items page of the 1°x1° box, ``limit=100``; ``tile`` the densest z6 tile built per request
(``Cache-Control: no-cache``; tipg's is always built). The servers run side by side and are
measured in turn within each run; every run prints req/s, p50 and p99 and the CPU per request
(ms) of the server's processes, of every PostgreSQL process of the bench cluster and of the
load generator, from ``/proc`` and ``getrusage`` across the run; then medians over the runs.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import resource
import statistics
import subprocess
import sys
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
_spec = importlib.util.spec_from_file_location("bench_api", HERE / "api.py")
assert _spec is not None and _spec.loader is not None
api: Any = importlib.util.module_from_spec(_spec)
sys.modules["bench_api"] = api
_spec.loader.exec_module(api)
TICK = os.sysconf("SC_CLK_TCK")
N = 1_000_000


def cpu_seconds(pids: list[int]) -> float:
    """User + system CPU of the processes so far."""
    total = 0
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += int(fields[11]) + int(fields[12])
    return total / TICK


def load(url: str, clients: int, seconds: float, fresh: bool) -> dict[str, Any]:
    cmd = [sys.executable, str(HERE / "http_load.py"), url, str(clients), str(seconds)]
    out = subprocess.run([*cmd, *(["no-cache"] if fresh else [])], capture_output=True,
                         text=True, check=True).stdout  # fmt: skip
    result: dict[str, Any] = json.loads(out)
    return result


def main() -> None:
    ap = argparse.ArgumentParser(
        description="geomap beside tipg and pygeoapi on the PostGIS bench database, with the "
        "CPU per request of the server, PostgreSQL and the load generator."
    )
    ap.add_argument("kind", choices=("bbox", "tile"))
    ap.add_argument("runs", type=int)
    ap.add_argument("seconds", type=float)
    ap.add_argument("clients", type=int)
    ap.add_argument("servers", nargs="+", metavar="SERVER", help="NAME=., NAME=DIR, tipg, pygeoapi")
    args = ap.parse_args()
    kind, runs, seconds, clients = args.kind, args.runs, args.seconds, args.clients
    cluster = api.pg_cluster()
    postmaster = int((api.PG_DIR / "db" / "postmaster.pid").read_text().split()[0])
    url = cluster.url(f"bench_{N}_v{api.BUILD_VERSION}")
    z6 = api.densest_tile(url, 6)
    paths = api.pg_queries(N, z6)
    key = next(k for k in paths if ("bbox" in k if kind == "bbox" else k.endswith("built")))
    logs = api.BENCH / "logs"
    logs.mkdir(exist_ok=True)
    servers: list[tuple[str, Any, str, bool]] = []
    try:
        for arg in args.servers:
            if arg in ("tipg", "pygeoapi"):
                start = api.start_tipg if arg == "tipg" else api.start_pygeoapi_pg
                proc, base = start(url, logs / f"side-{arg}.log")
                path, name = paths[key][1 if arg == "tipg" else 2], arg
            else:
                name, source = arg.split("=", 1)
                tree_ = None if source == "." else Path(source)
                proc, base = api.start_geomap_pg(url, logs / f"side-{name}.log", 1, tree_)
                path = paths[key][0]
            fresh = api.FRESH in path
            servers.append((name, proc, base + path.replace(api.FRESH, ""), fresh))
            load(servers[-1][2], clients, 1, fresh)  # warm
        print(f"{key} at {clients} clients, {runs} runs of {seconds:g} s", flush=True)
        results: dict[str, list[dict[str, Any]]] = {name: [] for name, *_ in servers}
        for run in range(runs):
            for name, proc, target, fresh in servers:
                server = api.process_tree(proc.pid)
                pg0, server0 = cpu_seconds(api.process_tree(postmaster)), cpu_seconds(server)
                before = resource.getrusage(resource.RUSAGE_CHILDREN)
                m = load(target, clients, seconds, fresh)
                after = resource.getrusage(resource.RUSAGE_CHILDREN)
                n = max(m["n"], 1)
                m["server"] = (cpu_seconds(server) - server0) / n * 1000
                m["pg"] = (cpu_seconds(api.process_tree(postmaster)) - pg0) / n * 1000
                used = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
                m["client"] = used / n * 1000
                results[name].append(m)
                print(f"run {run + 1} {name:8} {m['rps']:8.1f} req/s p50 {m['p50']:7.1f} p99"
                      f" {m['p99']:7.1f} ms errors {m['errors']} | CPU ms per request: server"
                      f" {m['server']:.3f} PostgreSQL {m['pg']:.3f} client {m['client']:.3f}",
                      flush=True)  # fmt: skip
        for name, rows in results.items():
            med = {k: statistics.median(r[k] for r in rows) for k in rows[0]}
            total = med["server"] + med["pg"] + med["client"]
            print(f"median {name:8} {med['rps']:8.1f} req/s p50 {med['p50']:7.1f} p99"
                  f" {med['p99']:7.1f} ms | CPU ms per request: server {med['server']:.3f}"
                  f" PostgreSQL {med['pg']:.3f} client {med['client']:.3f}, all {total:.3f}",
                  flush=True)  # fmt: skip
    finally:
        for _, proc, *_ in servers:
            api.stop(proc)
        cluster.stop()


if __name__ == "__main__":
    main()
