"""Throughput of the extract pipeline on the seed article (medians over several runs).

    .venv/bin/python bench/pipeline.py [--copies 200] [--runs 5]

Prints: gazetteer open time, cold-cache and warm-cache words/s and documents/s on one core.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

from geomap.pipeline import Pipeline
from geomap.reports.text import parse_document
from geomap.settings import Settings

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--copies", type=int, default=200)
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args()
    raw = (ROOT / "seeds" / "000_26a7fceaa88ce8cc.txt").read_bytes()
    docs = [parse_document(raw + f"\n{i}".encode(), f"seed-{i}.txt") for i in range(args.copies)]
    words = sum(len(d.text.split()) for d in docs)
    opens, cold, warm = [], [], []
    for _ in range(args.runs):
        with tempfile.TemporaryDirectory() as tmp:
            settings = Settings(cache=Path(tmp) / "cache.sqlite")
            t0 = time.perf_counter()
            pipeline = Pipeline(settings)
            opens.append(time.perf_counter() - t0)
            for bucket in (cold, warm):
                t0 = time.perf_counter()
                for d in docs:
                    pipeline.features(d)
                bucket.append(time.perf_counter() - t0)
            pipeline.close()
    print(f"documents: {len(docs)} copies of the seed, {words} words; runs: {args.runs}")
    print(f"gazetteer open: median {statistics.median(opens) * 1000:.1f} ms")
    for label, bucket in (("cold cache", cold), ("warm cache", warm)):
        m = statistics.median(bucket)
        print(f"{label}: median {m:.3f} s = {words / m:,.0f} words/s, {len(docs) / m:,.0f} docs/s")
    print(f"warm/cold speed ratio: {statistics.median(cold) / statistics.median(warm):.2f}")


if __name__ == "__main__":
    main()
