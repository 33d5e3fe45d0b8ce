"""A closed-loop HTTP/1.1 load for machines without Debian's ``wrk``: CLIENTS keep-alive
connections over loopback, each sending its next GET as soon as the last answer is complete
(as ``wrk -cN`` does), for SECONDS; prints one JSON line: requests, req/s, p50 and p99 (ms),
and answers other than 200 or 204.

    .venv/bin/python bench/http_load.py URL CLIENTS SECONDS [no-cache]

``no-cache`` sends ``Cache-Control: no-cache`` (a tile built per request). One process on
uvloop; it reads each answer's headers and Content-Length and nothing more, ~0.03-0.04 ms of
CPU per request of 115 KB (``bench/pg_side.py`` prints it), about wrk's.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import time
from typing import Any
from urllib.parse import urlsplit

import uvloop


class Connection(asyncio.Protocol):
    """One client: sends, reads one answer, sends again until the time is up."""

    def __init__(self, request: bytes, stats: dict[str, Any], stop: float) -> None:
        self.request, self.stats, self.stop = request, stats, stop
        self.buf = bytearray()
        self.need: int | None = None
        self.status = 0
        self.sent = 0.0
        self.done: asyncio.Future[None] = asyncio.get_running_loop().create_future()

    def connection_made(self, transport: Any) -> None:
        self.transport = transport
        self.send()

    def send(self) -> None:
        if time.perf_counter() >= self.stop:
            self.transport.close()
            return
        self.sent = time.perf_counter()
        self.transport.write(self.request)

    def data_received(self, data: bytes) -> None:
        self.buf += data
        if self.need is None:
            end = self.buf.find(b"\r\n\r\n")
            if end < 0:
                return
            head = bytes(self.buf[:end]).lower()
            self.status = int(head[9:12])
            at = head.find(b"content-length:")
            size = int(head[at + 15 : head.find(b"\r\n", at)]) if at >= 0 else 0
            self.need = end + 4 + size
        if len(self.buf) < self.need:
            return
        del self.buf[: self.need]
        self.need = None
        self.stats["latencies"].append(time.perf_counter() - self.sent)
        if self.status not in (200, 204):
            self.stats["errors"] += 1
        self.send()

    def connection_lost(self, exc: Exception | None) -> None:
        if not self.done.done():
            self.done.set_result(None)


async def run(url: str, clients: int, seconds: float, no_cache: bool) -> dict[str, float]:
    parts = urlsplit(url)
    path = parts.path + (f"?{parts.query}" if parts.query else "")
    extra = "Cache-Control: no-cache\r\n" if no_cache else ""
    request = f"GET {path} HTTP/1.1\r\nHost: {parts.netloc}\r\n{extra}\r\n".encode()
    loop = asyncio.get_running_loop()
    stats: dict[str, Any] = {"latencies": [], "errors": 0}
    started = time.perf_counter()
    stop = started + seconds
    connections = []
    for _ in range(clients):
        _, conn = await loop.create_connection(
            lambda: Connection(request, stats, stop), parts.hostname, parts.port
        )
        connections.append(conn)
    await asyncio.gather(*(c.done for c in connections))
    took = time.perf_counter() - started
    latencies = sorted(stats["latencies"])
    n = len(latencies)

    def ms(p: float) -> float:
        return latencies[min(n - 1, int(p * n))] * 1000 if n else float("nan")

    return {"n": n, "rps": n / took, "p50": ms(0.5), "p99": ms(0.99), "errors": stats["errors"]}


if __name__ == "__main__":
    ap = argparse.ArgumentParser(description="A closed-loop HTTP/1.1 load; prints one JSON line.")
    ap.add_argument("url")
    ap.add_argument("clients", type=int)
    ap.add_argument("seconds", type=float)
    ap.add_argument("no_cache", nargs="?", choices=("no-cache",), help="build tiles per request")
    args = ap.parse_args()
    fresh = args.no_cache is not None
    print(json.dumps(uvloop.run(run(args.url, args.clients, args.seconds, fresh))))
