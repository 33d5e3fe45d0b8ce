"""The floor of the HTTP stack and the load generator on this machine: what `wrk` measures of
a bare ASGI app under the same uvicorn as `geomap serve` (httptools and uvloop) sending a
fixed body of each ``--sizes`` bytes (one ``http.response.start`` and one body message), at
each ``--clients`` count. Nothing of geomap runs: a p99 here is the part of a p99 measured
by `bench/api.py` that the machine (kernel, uvicorn, `wrk`, other jobs) takes anyway.

    flock /tmp/geomap-bench.lock .venv/bin/python bench/http_floor.py [--sizes 6157,115000]
        [--clients 1,16] [--duration 5] [--runs 3]
"""

from __future__ import annotations

import argparse
import os
import re
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
BODY = b"x" * int(os.environ.get("GEOMAP_FLOOR_BYTES", "6157"))
HEADERS = [
    (b"content-length", str(len(BODY)).encode()),
    (b"content-type", b"application/octet-stream"),
]


async def app(scope: dict[str, Any], receive: Any, send: Any) -> None:
    """The bare app: ``BODY`` (``GEOMAP_FLOOR_BYTES`` bytes) to every HTTP request."""
    if scope["type"] != "http":
        return
    await send({"type": "http.response.start", "status": 200, "headers": HEADERS})
    await send({"type": "http.response.body", "body": BODY})


def _ms(text: str) -> float:
    value, unit = re.match(r"([\d.]+)(us|ms|s)$", text).groups()  # type: ignore[union-attr]
    return float(value) * {"us": 1e-3, "ms": 1.0, "s": 1e3}[unit]


def wrk(url: str, clients: int, seconds: float) -> dict[str, float]:
    """req/s, p50 and p99 (ms) of one wrk run."""
    out = subprocess.run(
        ["wrk", f"-t{min(2, clients)}", f"-c{clients}", f"-d{seconds:g}s", "--latency", url],
        capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    result = {"rps": float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))}  # type: ignore[union-attr]
    for pct in ("50", "99"):
        result[f"p{pct}"] = _ms(re.search(rf"^\s+{pct}%\s+(\S+)", out, re.M).group(1))  # type: ignore[union-attr]
    return result


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--sizes", default="6157,115000", help="body bytes (tile, page)")
    ap.add_argument("--clients", default="1,16")
    ap.add_argument("--duration", type=float, default=5)
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()
    print(f"bench/http_floor.py {' '.join(sys.argv[1:])}; bare ASGI app, uvicorn (httptools,"
          f" uvloop), wrk; load average {os.getloadavg()[0]:.2f}", flush=True)  # fmt: skip
    for size in (int(s) for s in args.sizes.split(",")):
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        env = {**os.environ, "GEOMAP_FLOOR_BYTES": str(size)}
        server = subprocess.Popen(
            [str(ROOT / ".venv" / "bin" / "uvicorn"), "http_floor:app", "--app-dir",
             str(ROOT / "bench"), "--port", str(port), "--log-level", "warning"],
            env=env,
        )  # fmt: skip
        url = f"http://127.0.0.1:{port}/"
        try:
            for _ in range(100):
                try:
                    urllib.request.urlopen(url, timeout=1).read()
                    break
                except OSError:
                    time.sleep(0.1)
            for clients in (int(c) for c in args.clients.split(",")):
                runs = [wrk(url, clients, args.duration) for _ in range(args.runs)]
                p99 = ", ".join(f"{r['p99']:.2f}" for r in runs)
                print(f"  {size:>7} bytes c={clients:<3}"
                      f" {statistics.median(r['rps'] for r in runs):>9.0f} req/s"
                      f"  p50 {statistics.median(r['p50'] for r in runs):6.2f} ms"
                      f"  p99 {statistics.median(r['p99'] for r in runs):6.2f} ms ({p99})",
                      flush=True)  # fmt: skip
        finally:
            server.terminate()
            server.wait()
    print(f"load average {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
