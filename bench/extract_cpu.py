"""CPU time of the whole extraction (geoparse, geocode, events) on every LGL and GeoWebNews
article, for comparing two checkouts in one sitting on a shared machine.

    .venv/bin/python bench/extract_cpu.py [--runs 3] [--corpora ../shared/corpora]

Builds each article as ``bench/events.py`` does, extracts them all once to fill the caches,
then times ``--runs`` passes in process CPU seconds (not wall time: other people's load
counts less) and prints one line: the code measured, events found, the best pass and its
words per CPU-second. The code run is whatever ``geomap`` the interpreter imports; run it
alternately with another checkout's and compare the medians of the best passes.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from events import document_for, make_pipeline  # noqa: E402
from real_events_select import DEFAULT_CORPORA, load_articles  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--runs", type=int, default=3, help="timed passes (the best is printed)")
    ap.add_argument("--corpora", type=Path, default=DEFAULT_CORPORA, help="corpora directory")
    args = ap.parse_args()
    import geomap

    articles = sorted(load_articles(args.corpora).values(), key=lambda a: a.key)
    docs = [document_for(a) for a in articles]
    words = sum(len(d.text.split()) for d in docs)
    with tempfile.TemporaryDirectory() as tmp:
        pipeline = make_pipeline(tmp)
        events = 0
        for d in docs:
            ex = pipeline.extract(d)
            events += len(ex.incidents) + len(ex.movements)
        passes = []
        for _ in range(max(1, args.runs)):
            t0 = time.process_time()
            for d in docs:
                pipeline.extract(d)
            passes.append(time.process_time() - t0)
    best = min(passes)
    print(
        f"extract_cpu ({Path(geomap.__file__).parent}): {len(docs)} articles, {words:,} words, "
        f"{events} events; best of {len(passes)} passes {best:.2f} CPU s = "
        f"{words / best:,.0f} words per CPU-second"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
