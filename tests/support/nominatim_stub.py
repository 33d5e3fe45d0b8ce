"""A Nominatim-compatible HTTP server on loopback, with fault injection, for tests and benchmarks.

It answers ``GET /search?q=...&format=json[&countrycodes=..][&limit=..]`` from a small table of
invented places (or, with ``generate``, invents a place for any query), and can be told to
misbehave: ``timeout`` (sleeps past the client's timeout), ``429`` (with ``Retry-After``),
``500``, ``malformed`` (not JSON), ``badshape`` (JSON of the wrong shape), ``empty`` (``[]``).
Every request is logged with its arrival time (``time.monotonic()``).

    python tests/support/nominatim_stub.py --port 8089 --generate KP --latency 0.05
"""

from __future__ import annotations

import argparse
import hashlib
import json
import threading
import time
import unicodedata
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit

COUNTRIES = {"KP": "North Korea", "CN": "China", "KR": "South Korea", "GH": "Ghana"}
# Rough boxes (lat0, lat1, lon0, lon1) to invent coordinates in.
BOXES = {
    "KP": (38.5, 42.0, 125.0, 129.5),
    "CN": (40.0, 45.0, 122.0, 130.0),
    "KR": (35.0, 37.5, 126.5, 129.0),
    "GH": (5.0, 10.0, -2.5, 0.5),
}


def _key(text: str) -> str:
    folded = unicodedata.normalize("NFKD", text)
    return " ".join("".join(c for c in folded if not unicodedata.combining(c)).lower().split())


def village(
    name: str, lat: float, lon: float, country_code: str, state: str, osm_id: int | None = None
) -> dict[str, Any]:
    """A Nominatim ``/search`` record for an invented village."""
    osm_id = osm_id or int(hashlib.sha1(name.encode()).hexdigest()[:8], 16)
    country = COUNTRIES.get(country_code, country_code)
    return {
        "place_id": osm_id + 1,
        "licence": "invented test data",
        "osm_type": "node",
        "osm_id": osm_id,
        "lat": f"{lat:.7f}",
        "lon": f"{lon:.7f}",
        "class": "place",
        "type": "village",
        "place_rank": 19,
        "importance": 0.2,
        "addresstype": "village",
        "name": name,
        "display_name": f"{name}, {state}, {country}",
        "address": {
            "village": name,
            "state": state,
            "country": country,
            "country_code": country_code.lower(),
        },
        "boundingbox": [
            f"{lat - 0.01:.7f}",
            f"{lat + 0.01:.7f}",
            f"{lon - 0.01:.7f}",
            f"{lon + 0.01:.7f}",
        ],
    }


def invented(name: str, country_code: str) -> dict[str, Any]:
    """A deterministic invented village called ``name`` inside ``country_code``'s box."""
    lat0, lat1, lon0, lon1 = BOXES.get(country_code, (0.0, 1.0, 0.0, 1.0))
    h = hashlib.sha1(_key(name).encode()).digest()
    lat = lat0 + (lat1 - lat0) * h[0] / 255
    lon = lon0 + (lon1 - lon0) * h[1] / 255
    return village(name, lat, lon, country_code, "Invented Province")


def invented_names(n: int, known: Any = None) -> list[str]:
    """``n`` distinct pronounceable village names, skipping any ``known(name_key)`` accepts
    (pass the gazetteer's ``has`` to get names it lacks)."""
    import itertools

    from geomap.names.normalise import name_key

    first = ["Kal", "Mop", "Son", "Tur", "Pyel", "Hwan", "Dok", "Rim", "Sap", "Yol", "Gum", "Nar"]
    middle = ["mo", "ta", "ri", "ku", "sa", "ne", "po", "ha", "gi", "du"]
    last = ["dong", "gol", "ri", "chon", "bong", "tae", "san", "mak"]
    out = []
    for a, b, c in itertools.product(first, middle, last):
        name = a + b + c
        if known is None or not known(name_key(name)):
            out.append(name)
        if len(out) == n:
            return out
    raise ValueError(f"cannot invent {n} names")


@dataclass
class Request:
    at: float  # time.monotonic() on arrival
    query: str
    countrycodes: str | None
    status: int


@dataclass
class StubState:
    places: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    generate: str | None = None  # invent a place in this country for unknown queries
    latency: float = 0.0  # seconds before every answer
    fault: str | None = None
    fault_times: int | None = None  # misbehave for this many requests, then answer; None: always
    retry_after: str = "1"
    sleep: float = 5.0  # how long "timeout" sleeps
    ignore_countrycodes: bool = False  # answer outside the asked countries (a sloppy service)
    faults_sent: int = 0
    requests: list[Request] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)


class _Handler(BaseHTTPRequestHandler):
    server: _Server

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - silence
        return

    def _send(self, status: int, body: bytes, headers: dict[str, str] | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", "application/json; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        self.end_headers()
        try:
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass

    def do_GET(self) -> None:  # noqa: N802 - http.server's naming
        st = self.server.state
        arrived = time.monotonic()
        url = urlsplit(self.path)
        params = parse_qs(url.query)
        query = params.get("q", [""])[0]
        codes = params.get("countrycodes", [None])[0]
        with st.lock:
            faulty = st.fault is not None and (
                st.fault_times is None or st.faults_sent < st.fault_times
            )
            fault = st.fault if faulty else None
            st.faults_sent += faulty
            status = {"429": 429, "500": 500}.get(fault or "", 200)
            st.requests.append(Request(arrived, query, codes, status))
        if url.path != "/search":
            self._send(404, b'{"error": "not found"}')
            return
        if st.latency:
            time.sleep(st.latency)
        if fault == "timeout":
            time.sleep(st.sleep)
            self._send(200, b"[]")
            return
        if fault == "429":
            self._send(429, b'{"error": "rate limited"}', {"Retry-After": st.retry_after})
            return
        if fault == "500":
            self._send(500, b'{"error": "internal error"}')
            return
        if fault == "malformed":
            self._send(200, b"<html>Bad gateway</html>")
            return
        if fault == "badshape":
            self._send(200, b'[{"display_name": "Nowhere"}]')
            return
        if fault == "empty":
            self._send(200, b"[]")
            return
        found = list(st.places.get(_key(query), []))
        if not found and st.generate:
            found = [invented(query, st.generate)]
        if codes and not st.ignore_countrycodes:
            wanted = {c.strip().lower() for c in codes.split(",")}
            found = [p for p in found if p["address"]["country_code"] in wanted]
        limit = int(params.get("limit", ["10"])[0])
        self._send(200, json.dumps(found[:limit]).encode())


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False
    state: StubState


class NominatimStub:
    """The server in a background thread on 127.0.0.1 (a free port unless given)."""

    def __init__(self, port: int = 0, **state: Any) -> None:
        self.state = StubState(**state)
        self._server = _Server(("127.0.0.1", port), _Handler)
        self._server.state = self.state
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def port(self) -> int:
        return int(self._server.server_address[1])

    @property
    def domain(self) -> str:
        return f"127.0.0.1:{self.port}"

    @property
    def url(self) -> str:
        return f"http://{self.domain}"

    @property
    def requests(self) -> list[Request]:
        with self.state.lock:
            return list(self.state.requests)

    def set(self, **changes: Any) -> None:
        """Change the behaviour (fault, latency...) and forget the request log."""
        with self.state.lock:
            for k, v in changes.items():
                setattr(self.state, k, v)
            self.state.requests.clear()
            self.state.faults_sent = 0

    def start(self) -> NominatimStub:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()

    def __enter__(self) -> NominatimStub:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--port", type=int, default=0)
    ap.add_argument("--generate", default="KP", help="invent places in this country")
    ap.add_argument("--latency", type=float, default=0.0)
    args = ap.parse_args()
    stub = NominatimStub(args.port, generate=args.generate, latency=args.latency).start()
    print(stub.url, flush=True)
    try:
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        stub.stop()


if __name__ == "__main__":
    main()
