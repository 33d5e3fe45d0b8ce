"""Cold vs warm ingest with an online geocoder: what the geocode cache buys on a repeat run.

    .venv/bin/python bench/cache.py [--copies 200] [--runs 3] [--latency 0.05] [--names 3]

The seed corpus (``seeds/``) is copied ``--copies`` times; each copy gets one more line naming
``--names`` invented villages the gazetteer lacks, so every copy is a distinct document that
needs the online geocoder. The geocoder is geopy's Nominatim pointed at a Nominatim-compatible
server on loopback (``tests/support/nominatim_stub.py``) that answers in ``--latency`` seconds.
Each run: a cold ingest (empty store, empty cache), then a warm ingest of the same files into
an empty store with the cache the cold run filled. Prints medians and the warm/cold ratio.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from geomap import cli  # noqa: E402
from geomap.gazetteer.gazetteer import Gazetteer  # noqa: E402
from geomap.settings import Settings  # noqa: E402
from tests.support.nominatim_stub import NominatimStub, invented_names  # noqa: E402


def write_corpus(folder: Path, copies: int, per_copy: int, known) -> int:  # type: ignore[no-untyped-def]
    """The seed reports × ``copies``, each copy naming its own villages; returns words."""
    seeds = sorted((ROOT / "seeds").glob("*.txt"))
    names = invented_names(copies * per_copy * len(seeds), known)
    words = 0
    for i in range(copies):
        for k, seed in enumerate(seeds):
            mine = names[(i * len(seeds) + k) * per_copy : (i * len(seeds) + k + 1) * per_copy]
            places = ", ".join(f"the village of {n}" for n in mine)
            text = seed.read_text(encoding="utf-8") + f"\nCopy {i}: families fled from {places}.\n"
            (folder / f"{i:04d}-{seed.name}").write_text(text, encoding="utf-8")
            words += len(text.split())
    return words


def ingest(folder: Path, store: Path, cache: Path, gazetteer: Path, url: str) -> float:
    args = ["ingest", str(folder), "--store", str(store), "--cache", str(cache)]
    args += ["--gazetteer", str(gazetteer), "--geocoder", "nominatim", "--geocoder-url", url]
    args += ["--user-agent", "geomap-bench", "--geocoder-min-delay", "0"]
    err = io.StringIO()
    t0 = time.perf_counter()
    with contextlib.redirect_stderr(err):
        status = cli.main(args)
    elapsed = time.perf_counter() - t0
    if status != 0:
        raise SystemExit(f"ingest failed:\n{err.getvalue()}")
    return elapsed


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--copies", type=int, default=200)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--latency", type=float, default=0.05, help="stub answer time, seconds")
    ap.add_argument("--names", type=int, default=3, help="invented villages per copy")
    args = ap.parse_args()
    gazetteer_path = Settings().gazetteer_path
    gazetteer = Gazetteer(gazetteer_path)
    cold, warm, asked_cold, asked_warm = [], [], [], []
    with (
        NominatimStub(generate="KP", latency=args.latency) as stub,
        tempfile.TemporaryDirectory() as tmp,
    ):
        folder = Path(tmp) / "corpus"
        folder.mkdir()
        words = write_corpus(folder, args.copies, args.names, gazetteer.has)
        gazetteer.close()
        n_docs = len(list(folder.iterdir()))
        for run in range(args.runs):
            cache = Path(tmp) / f"cache-{run}.sqlite"
            stub.set()
            cold.append(
                ingest(folder, Path(tmp) / f"cold-{run}.sqlite", cache, gazetteer_path, stub.url)
            )
            asked_cold.append(len(stub.requests))
            stub.set()
            warm.append(
                ingest(folder, Path(tmp) / f"warm-{run}.sqlite", cache, gazetteer_path, stub.url)
            )
            asked_warm.append(len(stub.requests))
    c, w = statistics.median(cold), statistics.median(warm)
    print(
        f"corpus: {n_docs} documents ({args.copies} copies of seeds/), {words} words,"
        f" {args.names} invented villages per copy; stub latency {args.latency * 1000:.0f} ms;"
        f" runs: {args.runs}"
    )
    print(f"cold ingest: median {c:.2f} s ({n_docs / c:.0f} docs/s), requests {asked_cold}")
    print(f"warm ingest: median {w:.2f} s ({n_docs / w:.0f} docs/s), requests {asked_warm}")
    print(f"warm/cold speed-up: {c / w:.1f}x (target >= 20x)")


if __name__ == "__main__":
    main()
