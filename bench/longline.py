"""Peak memory and CPU time of `geomap extract` on one long line.

    .venv/bin/python bench/longline.py [--mb 5] [--runs 3] [--baseline DIR]

Writes invented reports (no corpus text) of ``--mb`` MB: one line alone (all header), and a
headline then one line (body text, read for events), with sentences dense in places and
events. Runs `geomap extract` on each as a subprocess and prints, per file, the median CPU
time (user + system, steadier than wall time on a shared machine) and the median peak
resident memory. With ``--baseline DIR`` (a checkout of another geomap, e.g. made with
``git archive``), runs that code too in the same sitting, side by side.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def report(mb: float, headline: str) -> str:
    sentences = []
    for i in range(int(mb * 1_000_000 / 110) + 1):
        when = f"{1 + i % 28} May {1990 + i // 28 % 30}"
        sentences.append(
            f"Troops were deported from Paris to London on {when} and police arrested"
            " protesters in Kyiv, officials in Berlin said. "
        )
    return headline + "".join(sentences)[: int(mb * 1_000_000)]


def measure(path: Path, source: Path | None) -> tuple[float, float, int]:
    """(CPU seconds, peak MB, exit status) of one `geomap extract`."""
    env = dict(os.environ)
    if source is not None:
        env["PYTHONPATH"] = str(source)
    argv = [sys.executable, "-c", "import sys; from geomap.cli import main; sys.exit(main())"]
    with open(os.devnull, "wb") as devnull:
        proc = subprocess.Popen(  # (run from the file's folder: `-c` puts the cwd first)
            [*argv, "extract", str(path)], env=env, stdout=devnull, stderr=devnull, cwd=path.parent
        )
        _, status, usage = os.wait4(proc.pid, 0)
    return (
        usage.ru_utime + usage.ru_stime,
        usage.ru_maxrss / 1024,
        os.waitstatus_to_exitcode(status),
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--mb", type=float, default=5.0)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--baseline", type=Path, help="another geomap checkout to compare with")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="geomap-longline-") as tmp:
        files = {
            "one line": Path(tmp) / "line.txt",
            "headline + one line": Path(tmp) / "body.txt",
        }
        files["one line"].write_text(report(args.mb, ""))
        files["headline + one line"].write_text(report(args.mb, "Unrest in three capitals\n\n"))
        sources: dict[str, Path | None] = {"this checkout": None}
        if args.baseline:
            sources[f"baseline {args.baseline}"] = args.baseline
        print(f"{args.mb:g} MB, median of {args.runs} runs, `geomap extract` (CPU s, peak MB)")
        for name, path in files.items():
            for label, source in sources.items():
                runs = [measure(path, source) for _ in range(args.runs)]
                cpu = statistics.median(r[0] for r in runs)
                rss = statistics.median(r[1] for r in runs)
                codes = sorted({r[2] for r in runs})
                print(f"{name:<22}{label:<40}{cpu:8.1f} s {rss:8.0f} MB  exit {codes}")


if __name__ == "__main__":
    main()
