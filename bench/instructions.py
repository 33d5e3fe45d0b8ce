"""Instructions per word of geomap's extraction: a speed measure the machine's load cannot move.

    .venv/bin/python bench/instructions.py [--limit 100] [--against DIR] [--corpora DIR]

Counts the machine instructions that ``parse_document -> Pipeline.extract`` (the path
``bench/geoparse.py`` times, events included) spends on the first ``--limit`` articles of LGL
and of GeoWebNews, under valgrind's cachegrind (``--cache-sim=no``): once with no pass, once
with a cold-cache pass, once with a cold then a warm pass, all in fresh processes with
``PYTHONHASHSEED=0``; the differences are the passes' own instructions (start-up, imports,
reading the corpora and opening the index cancel out). Wall-clock figures on this shared
machine swing by 30 % with other people's work; these counts repeat to within a fraction of a
per cent, so a change that saves work shows even on a busy machine.

``--against DIR`` counts another copy of the code the same way and prints the ratio: DIR holds
a ``geomap`` package, e.g. main's, made with
``mkdir -p /tmp/main && git archive main geomap | tar -x -C /tmp/main``. Both copies read this
checkout's gazetteer index (``data/gazetteer.sqlite``), so only the code differs.

Needs valgrind (Debian ``valgrind``); takes a few minutes per copy. Not timed, so run it niced:
``echo 19 > /proc/self/autogroup; nice -n 19 .venv/bin/python bench/instructions.py``.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPORA = ROOT.parent / "shared" / "corpora"
I_REFS = re.compile(r"I\s+refs:\s+([\d,]+)")


def _child(passes: int, src: str, limit: int, corpora: Path) -> None:
    """Read the slices, open a pipeline on a fresh cache, run ``passes`` passes over them."""
    if src:  # import geomap from ``src``, not from this checkout's editable install
        sys.meta_path[:] = [f for f in sys.meta_path if "editable" not in repr(f)]
        sys.path.insert(0, src)
    sys.path.insert(0, str(ROOT / "bench"))
    import geoparse as bench

    from geomap.pipeline import Pipeline
    from geomap.settings import Settings

    articles = [
        *bench.load_lgl(corpora / "lgl" / "lgl.xml").articles[:limit],
        *bench.load_gwn(corpora / "geowebnews" / "GWN.xml").articles[:limit],
    ]
    with tempfile.TemporaryDirectory(prefix="geomap-instr-") as tmp:
        settings = Settings(
            cache=Path(tmp) / "cache.sqlite", gazetteer=ROOT / "data" / "gazetteer.sqlite"
        )
        pipeline = Pipeline(settings)
        for _ in range(passes):
            bench._pass(pipeline, articles)
        pipeline.close()
    print(sum(len(a.text.split()) for a in articles))


def _count(passes: int, src: str, args: argparse.Namespace) -> tuple[int, int]:
    """(instructions, words of the slices) of one child process under cachegrind."""
    cmd = [
        "valgrind",
        "--tool=cachegrind",
        "--cache-sim=no",
        "--cachegrind-out-file=/dev/null",
        sys.executable,
        str(Path(__file__).resolve()),
        "--child",
        str(passes),
        "--src",
        src,
        "--limit",
        str(args.limit),
        "--corpora",
        str(args.corpora),
    ]
    env = {**os.environ, "PYTHONHASHSEED": "0"}
    done = subprocess.run(cmd, capture_output=True, text=True, env=env, check=False)
    found = I_REFS.search(done.stderr)
    if done.returncode != 0 or found is None:
        sys.exit(f"instructions: the child failed: {done.stderr.strip()[-400:]}")
    return int(found.group(1).replace(",", "")), int(done.stdout.split()[-1])


def measure(src: str, args: argparse.Namespace) -> tuple[float, float]:
    """Instructions per word of a cold pass and of a warm pass for one copy of the code."""
    base, words = _count(0, src, args)
    cold, _ = _count(1, src, args)
    both, _ = _count(2, src, args)
    return (cold - base) / words, (both - cold) / words


def main() -> None:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--limit", type=int, default=100, help="first N articles of each corpus")
    ap.add_argument("--corpora", type=Path, default=DEFAULT_CORPORA, help="corpora directory")
    ap.add_argument("--against", type=Path, default=None, help="a directory holding geomap/")
    ap.add_argument("--child", type=int, default=None, help=argparse.SUPPRESS)
    ap.add_argument("--src", default="", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child is not None:
        _child(args.child, args.src, args.limit, args.corpora)
        return
    print(f"first {args.limit} articles of LGL and of GeoWebNews; instructions per word")
    rows = [("this checkout", measure("", args))]
    if args.against is not None:
        rows.insert(0, (str(args.against), measure(str(args.against.resolve()), args)))
    for label, (cold, warm) in rows:
        print(f"  {label}: cold cache {cold:,.0f}, warm cache {warm:,.0f}")
    if len(rows) == 2:
        (_, (c0, w0)), (_, (c1, w1)) = rows
        print(f"  ratio (against / this): cold {c0 / c1:.3f}x, warm {w0 / w1:.3f}x")


if __name__ == "__main__":
    main()
