"""Ingest throughput with 1 and 2 workers on the same folder, and the scaling ratio.

    .venv/bin/python bench/ingest.py [--copies 500] [--runs 3] [--store URL | --postgis]
        [--no-dask] [--no-local-cluster] [--write-batch 32] [--baseline DIR]
        [--corpus ../shared/corpora/lgl/lgl.xml [--corpus ...]]

The folder holds ``--copies`` copies of the seed report, each made distinct by one line (so
none is skipped as already stored): every document reports the same places and events, so
every write merges into the same features. With ``--corpus``, it holds instead the articles
of a corpus XML file (``<article>`` elements with a ``<text>``, as LGL's, GeoWebNews',
TR-News' and GeoVirus'), one file each, written into a temporary folder and removed
afterwards: real news, distinct documents, features shared only as the news shares them.
``--corpus`` repeated puts the articles of every file given into the one folder, in order.

Every run is the real command, ``geomap ingest FOLDER``, into a fresh store with a fresh
geocode cache, timed from start to exit (start-up included):

- ``--jobs 1`` (extraction in the command's own process) and ``--jobs 2`` (worker processes
  of this machine; the command writes what they send back);
- ``dask N``: ``--scheduler`` with a cluster as users run one, ``dask scheduler`` and ``dask
  worker --nworkers N --nthreads 1 --preload geomap.cluster`` processes on loopback (the
  workers without Dask's profiler, ``DASK_DISTRIBUTED__WORKER__PROFILE__ENABLED=False``, as
  the README starts them), started
  afresh for each timed command (with its fresh geocode cache in ``GEOMAP_CACHE``) and
  waited for until every worker has opened its pipeline, then torn down: the command finds
  the pipelines open and only connects;
- ``dask-local N``: ``--scheduler`` with a Dask ``LocalCluster`` of N single-threaded worker
  processes, started in this process once before the runs and closed after them; the command
  gives ``--cache``/``--gazetteer``, so every worker opens a pipeline (the plugin) at the
  start of each command, as with workers started without the preload.

Every configuration writes ``--write-batch`` documents per store transaction (default 32, the
command's default with workers), so that 1 and 2 workers are compared with the same writes;
``jobs 1 (8/tx)`` is the command's default ``--jobs 1``, a transaction per 8 documents, and its
ratio with ``--jobs 2`` is printed too. ``--baseline DIR`` adds ``baseline jobs 1 (8/tx)``,
``baseline jobs 1`` and ``baseline jobs 2``: the default ``--jobs 1``, and ``--jobs 1`` and
``--jobs 2`` with the same write batch, of the ``geomap`` package in DIR (``git archive main
geomap | tar -x -C DIR``), run through ``PYTHONPATH`` in the same runs; its own scaling (2 / 1
at the same write batch) is printed beside this checkout's.

The ``geomap`` packages timed are byte-compiled first (``compileall``), as pip leaves an
installed package: otherwise, where ``PYTHONDONTWRITEBYTECODE`` is set, every command would
compile them from source again at its start.

Each configuration also ingests the folder's first two files alone (fresh store and cache): what
its start-up costs (the command's imports, the gazetteer's name keys, the workers or the
scheduler's connection). "After start-up" is the rest of the documents over the rest of the
time, ``(N - 2) / (T_all - T_two)``: the rate a long ingest approaches, which the whole-command
figure understates for a folder this small.

Configurations alternate within each run, so a noisy neighbour hits them alike; the figures are
medians over the runs, and the ratio is the median of the per-run ratios: 2 workers against 1
of the same kind, and Dask's 2 workers against ``--jobs 1`` too (the plain command, the peer a
user compares with). "CPU s" is the median CPU time (user + system) of the command and the
worker processes it forked (for ``dask N``, the client's plus what the scheduler, nannies and
workers used during the command; for ``dask-local N``, of the client only): on a busy machine,
where wall times swing, it shows what each configuration costs.
"CPU s by process" splits that CPU: the command itself; the processes it forked (``--jobs
2``) or the Dask workers; the Dask scheduler; the ``dask worker`` process that runs the
nannies. The load average is printed before and after.

``--store`` takes a ``postgresql://`` URL of an empty database to write to PostGIS instead (its
schema is dropped before each run); ``--postgis`` starts a throwaway PostgreSQL + PostGIS server
on loopback for that (tests/support/postgres.py; Debian's postgresql-15-postgis-3) and removes
it afterwards.
"""

from __future__ import annotations

import argparse
import compileall
import contextlib
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
SEED = ROOT / "seeds" / "000_26a7fceaa88ce8cc.txt"
GEOMAP = Path(sys.executable).parent / "geomap"


def make_folder(folder: Path, copies: int) -> int:
    """``copies`` distinct copies of the seed in ``folder``; returns the number of words."""
    text = SEED.read_text(encoding="utf-8")
    words = 0
    for i in range(copies):
        body = f"{text}\nFiled as copy {i}.\n"
        (folder / f"{i:05d}.txt").write_text(body, encoding="utf-8")
        words += len(body.split())
    return words


def corpus_folder(folder: Path, corpus: Path, first: int = 0) -> tuple[int, int]:
    """One text file per article of ``corpus`` in ``folder``, numbered from ``first``;
    (articles, words)."""
    import xml.etree.ElementTree as ET

    n = words = 0
    for article in ET.parse(corpus).getroot().iter("article"):
        text = article.findtext("text") or ""
        if not text.strip():
            continue
        title = (article.findtext("title") or "").strip()
        body = f"{title}\n\n{text}\n" if title else f"{text}\n"
        (folder / f"{first + n:05d}.txt").write_text(body, encoding="utf-8")
        words += len(body.split())
        n += 1
    return n, words


def empty_store(store: str, tmp: Path, name: str) -> str:
    """A fresh store: a new SQLite file, or the PostGIS database emptied."""
    if not store.startswith("postgres"):
        return str(tmp / f"{name}.sqlite")
    import psycopg

    with psycopg.connect(store, autocommit=True) as con:
        con.execute("DROP SCHEMA IF EXISTS geomap CASCADE")
    return store


def timed_ingest(
    folder: Path, store: str, cache: Path, *flags: str, pythonpath: str = ""
) -> tuple[float, float, dict[str, float]]:
    """Seconds one `geomap ingest` took, start to exit; the CPU seconds (user + system) of the
    command and the worker processes it started (not of a Dask cluster's workers); and that
    CPU by process: ``workers`` (the processes it forked, each as last seen: sampled every
    50 ms while they run, which they end idle) and ``command`` (the rest: its own)."""
    import threading

    import psutil

    env = dict(os.environ, GEOMAP_CACHE=str(cache))
    if pythonpath:  # another geomap package: this checkout's gazetteer index
        env.update(PYTHONPATH=pythonpath, GEOMAP_GAZETTEER=str(ROOT / "data" / "gazetteer.sqlite"))
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    proc = subprocess.Popen(
        [str(GEOMAP), "ingest", str(folder), "--store", store, *flags],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    seen: dict[int, float] = {}  # a forked worker's pid -> its CPU seconds when last seen
    done = threading.Event()

    def sample() -> None:
        children: list[psutil.Process] = []
        with contextlib.suppress(psutil.Error):
            top = psutil.Process(proc.pid)
            tick = 0
            while not done.wait(0.05):
                if tick % 10 == 0:  # looking for children reads all of /proc: not every time
                    with contextlib.suppress(psutil.Error):
                        children = top.children(recursive=True)
                tick += 1
                for child in children:
                    with contextlib.suppress(psutil.Error):
                        c = child.cpu_times()
                        seen[child.pid] = c.user + c.system

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    _, stderr = proc.communicate()
    seconds = time.perf_counter() - t0
    done.set()
    sampler.join()
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode != 0 or "0 failed" not in stderr:
        raise SystemExit(f"ingest {' '.join(flags)} failed:\n{stderr[-2000:]}")
    cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    workers = sum(seen.values())
    return seconds, cpu, {"command": cpu - workers, "workers": workers}


class DaskProcesses:
    """``dask scheduler`` and ``dask worker --nworkers N --nthreads 1 --preload geomap.cluster``
    on loopback, as users start them; ready when every worker has its pipeline open."""

    def __init__(self, workers: int, cache: Path, tmp: Path) -> None:
        import socket

        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        dask = str(Path(sys.executable).parent / "dask")
        self.address = f"tcp://127.0.0.1:{port}"
        env = dict(
            os.environ,
            GEOMAP_CACHE=str(cache),
            GEOMAP_GAZETTEER=str(ROOT / "data" / "gazetteer.sqlite"),
        )
        # as the README starts workers: without Dask's statistical profiler, which samples
        # each busy worker's stack every 10 ms (unless the environment says otherwise)
        env.setdefault("DASK_DISTRIBUTED__WORKER__PROFILE__ENABLED", "False")
        host, port = self.address.removeprefix("tcp://").split(":")
        self.procs = [
            subprocess.Popen(
                [dask, "scheduler", "--host", host, "--port", port, "--no-dashboard"],
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                env=env,
            )
        ]
        self.procs.append(
            subprocess.Popen(
                [dask, "worker", self.address, "--nworkers", str(workers), "--nthreads", "1",
                 "--preload", "geomap.cluster", "--no-dashboard", "--local-directory", str(tmp),
                 "--host", host],
                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env,
            )
        )  # fmt: skip
        try:
            self.wait(workers)
        except BaseException:
            self.close()
            raise

    def wait(self, workers: int) -> None:
        from distributed import Client

        def opened(dask_worker: Any) -> bool:
            plugin = dask_worker.plugins.get("geomap-pipeline")
            return plugin is not None and plugin.pipeline is not None

        deadline = time.monotonic() + 120
        with Client(self.address, timeout=60) as client:
            client.wait_for_workers(workers, timeout=60)
            while not all(client.run(opened).values()):
                if time.monotonic() > deadline:
                    raise SystemExit("dask workers did not open their pipelines")
                time.sleep(0.1)

    def cpu(self) -> dict[str, float]:
        """CPU seconds (user + system) used so far by the ``scheduler``, the ``nanny`` process
        (``dask worker``, which runs the nannies) and the ``workers`` it started."""
        import psutil

        used = {"scheduler": 0.0, "nanny": 0.0, "workers": 0.0}
        for role, proc in zip(("scheduler", "nanny"), self.procs, strict=True):
            try:
                top = psutil.Process(proc.pid)
                for p in [top, *top.children(recursive=True)]:
                    t = p.cpu_times()
                    used[role if p is top or role == "scheduler" else "workers"] += (
                        t.user + t.system
                    )
            except psutil.NoSuchProcess:
                continue
        return used

    def close(self) -> None:
        for proc in reversed(self.procs):
            proc.terminate()
        for proc in reversed(self.procs):
            try:
                proc.wait(30)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--copies", type=int, default=500)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--store", default="", help="postgresql:// URL (default: SQLite files)")
    ap.add_argument(
        "--postgis", action="store_true", help="into a throwaway PostGIS server (see above)"
    )
    ap.add_argument("--no-dask", action="store_true", help="only --jobs 1 and --jobs 2")
    ap.add_argument("--no-local-cluster", action="store_true", help="no dask-local configurations")
    ap.add_argument("--write-batch", type=int, default=32, help="documents per transaction")
    ap.add_argument("--baseline", type=Path, help="a folder holding another geomap package")
    ap.add_argument(
        "--corpus",
        type=Path,
        action="append",
        help="a corpus XML file's articles, not the seed (repeat: all of them in one folder)",
    )
    args = ap.parse_args()
    with contextlib.ExitStack() as stack:
        if args.postgis:
            from tests.support.postgres import PostgresCluster

            cluster = stack.enter_context(PostgresCluster())
            args.store = cluster.create_database()
        run(args)


def run(args: argparse.Namespace) -> None:
    """Every configuration ``args.runs`` times; prints the table."""
    with tempfile.TemporaryDirectory() as name:
        tmp = Path(name)
        folder = tmp / "reports"
        folder.mkdir()
        if args.corpus:
            documents = words = 0
            parts = []
            for corpus in args.corpus:
                n, w = corpus_folder(folder, corpus, documents)
                documents, words = documents + n, words + w
                parts.append(f"{corpus.name} {n} ({w:,} words)")
            what = f"{documents} articles: {' + '.join(parts)}"
        else:
            documents, words = args.copies, make_folder(folder, args.copies)
            what = f"{documents} copies of the seed"
        start = tmp / "start"  # the folder's first two files: what start-up costs
        start.mkdir()
        for path in sorted(folder.iterdir())[:2]:
            (start / path.name).write_bytes(path.read_bytes())
        wb = ["--write-batch", str(args.write_batch)]
        configs: dict[str, list[str]] = {
            "jobs 1 (8/tx)": ["--jobs", "1"],
            "jobs 1": ["--jobs", "1", *wb],
            "jobs 2": ["--jobs", "2", *wb],
        }
        if args.baseline:
            configs["baseline jobs 1 (8/tx)"] = ["--jobs", "1"]
            configs["baseline jobs 1"] = ["--jobs", "1", *wb]
            configs["baseline jobs 2"] = ["--jobs", "2", *wb]
        # the packages timed, byte-compiled first: an installed package is (pip compiles it),
        # and with PYTHONDONTWRITEBYTECODE set every command would compile geomap's modules
        # from source again, a start-up no user pays (about 0.1 s a command here)
        for package in [ROOT / "geomap", *([args.baseline / "geomap"] if args.baseline else [])]:
            compileall.compile_dir(package, quiet=1)
        clusters = {}
        if not args.no_dask:
            from distributed import LocalCluster

            for n in (1, 2):
                configs[f"dask {n}"] = ["--scheduler", "(fresh)", *wb]
            for n in () if args.no_local_cluster else (1, 2):
                cluster = LocalCluster(
                    n_workers=n,
                    threads_per_worker=1,
                    host="127.0.0.1",
                    scheduler_port=0,
                    dashboard_address=None,
                    silence_logs=40,
                )
                clusters[n] = cluster
                configs[f"dask-local {n}"] = [
                    "--scheduler",
                    cluster.scheduler_address,
                    "--gazetteer",
                    str(ROOT / "data" / "gazetteer.sqlite"),
                    *wb,
                ]
        seconds: dict[str, list[float]] = {label: [] for label in configs}
        fixed: dict[str, list[float]] = {label: [] for label in configs}
        cpu: dict[str, list[float]] = {label: [] for label in configs}
        by_process: dict[str, dict[str, list[float]]] = {label: {} for label in configs}
        load = os.getloadavg()
        try:
            for run in range(args.runs):
                for label, flags in configs.items():
                    for what_, into, times in (("start", start, fixed), ("all", folder, seconds)):
                        key = f"{what_}-{run}-{label.replace(' ', '-').replace('/', '')}"
                        cache = tmp / f"cache-{key}.sqlite"
                        store = empty_store(args.store, tmp, f"store-{key}")
                        with contextlib.ExitStack() as stack:
                            argv, pythonpath = list(flags), ""
                            dask: DaskProcesses | None = None
                            if label.startswith("dask-local"):
                                argv += ["--cache", str(cache)]
                            elif label.startswith("dask"):
                                dask = DaskProcesses(int(label.split()[1]), cache, tmp)
                                stack.callback(dask.close)
                                argv = [dask.address if f == "(fresh)" else f for f in flags]
                            elif label.startswith("baseline"):
                                pythonpath = str(args.baseline.resolve())
                            cluster_cpu = dask.cpu() if dask else {}
                            took, used, parts = timed_ingest(
                                into, store, cache, *argv, pythonpath=pythonpath
                            )
                            if dask:
                                parts["workers"] = 0.0
                                for role, spent in dask.cpu().items():
                                    parts[role] = parts.get(role, 0.0) + spent - cluster_cpu[role]
                                    used += spent - cluster_cpu[role]
                        times[label].append(took)
                        if times is seconds:
                            cpu[label].append(used)
                            for role, spent in parts.items():
                                by_process[label].setdefault(role, []).append(spent)
                    print(
                        f"run {run + 1} {label}: {seconds[label][-1]:.2f} s"
                        f" (2 files: {fixed[label][-1]:.2f} s)",
                        file=sys.stderr,
                    )
        finally:
            for cluster in clusters.values():
                cluster.close()
        load_after = os.getloadavg()

    print(
        f"folder: {what}, {words} words; store: {'PostGIS' if args.store else 'SQLite'};"
        f" runs: {args.runs}; cores: {os.cpu_count()}; write batch: {args.write_batch};"
        f" load average before: {' '.join(f'{x:.2f}' for x in load)},"
        f" after: {' '.join(f'{x:.2f}' for x in load_after)}"
    )
    print(
        f"{'workers':<24}{'median s':>10}{'docs/s':>10}{'words/s':>12}"
        f"{'2 files s':>11}{'after start-up docs/s':>23}{'CPU s':>8}"
    )
    for label, values in seconds.items():
        m = statistics.median(values)
        past = statistics.median(
            (documents - 2) / (a - b) for a, b in zip(values, fixed[label], strict=True)
        )
        print(
            f"{label:<24}{m:>10.2f}{documents / m:>10.1f}{words / m:>12,.0f}"
            f"{statistics.median(fixed[label]):>11.2f}{past:>23.1f}"
            f"{statistics.median(cpu[label]):>8.2f}"
        )
    print("CPU s by process (medians): the command itself; what it forked or the Dask workers;")
    print("  the Dask scheduler; the `dask worker` process that runs the nannies")
    for label, roles in by_process.items():
        print(
            f"  {label:<24}"
            + "; ".join(f"{role} {statistics.median(v):.2f}" for role, v in roles.items())
        )
    pairs = [("jobs 1", "jobs 2"), ("jobs 1 (8/tx)", "jobs 2"), ("jobs 1 (8/tx)", "jobs 1")]
    if args.baseline:
        pairs += [
            ("baseline jobs 1", "baseline jobs 2"),
            ("baseline jobs 1 (8/tx)", "jobs 1 (8/tx)"),
        ]
        pairs += [("baseline jobs 1", "jobs 1"), ("baseline jobs 2", "jobs 2")]
    if not args.no_dask:
        pairs += [("dask 1", "dask 2"), ("jobs 1", "dask 2")]
        if not args.no_local_cluster:
            pairs += [("dask-local 1", "dask-local 2"), ("dask-local 2", "dask 2")]
    for one, two in pairs:
        ratios = [a / b for a, b in zip(seconds[one], seconds[two], strict=True)]
        after = [
            (a - a0) / (b - b0)
            for a, a0, b, b0 in zip(seconds[one], fixed[one], seconds[two], fixed[two], strict=True)
        ]
        print(
            f"scaling {two} / {one}: {statistics.median(ratios):.2f}x"
            f" (runs: {', '.join(f'{r:.2f}' for r in ratios)});"
            f" after start-up {statistics.median(after):.2f}x"
            f" (runs: {', '.join(f'{r:.2f}' for r in after)})"
        )


if __name__ == "__main__":
    main()
