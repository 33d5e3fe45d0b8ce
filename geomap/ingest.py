"""Ingest: read documents, extract the new or outdated ones (here, in worker processes, or on a
Dask distributed cluster) and write them through one store, in input order.

Every worker opens the gazetteer index, the geocode cache and the online geocoders once (a
process-pool initializer, or a Dask worker plugin) and keeps them for all its tasks. Workers get
documents already read and return their features, so only the process that writes needs the
files and the store; a worker needs its own gazetteer index and cache. Results are written in
the order the documents were given, a batch of documents per transaction, so the store ends
the same whatever the number of workers. On Linux, worker processes are forked from the
ingesting process once it has read the gazetteer's name keys, which they then share.

With online geocoders, each of N workers waits N times the service's least delay between its
requests, so the service sees the rate one process would send.

:func:`ingest_document` ingests one document in this process (``POST /documents``, and
``geomap ingest`` with feeds or ``--show-unresolved``).
"""

from __future__ import annotations

import contextlib
import copy
import gc
import hashlib
import os
import sqlite3
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any, Literal, Protocol

from geomap.errors import GeomapError, InvalidParameter, OutputError
from geomap.features.features import extraction_features
from geomap.geocoding.online import ChainStats, OnlineProvider, ProviderStats, provider_configs
from geomap.model import Document, Unresolved
from geomap.settings import Settings
from geomap.store.base import Addition

if TYPE_CHECKING:
    from geomap.pipeline import Pipeline
    from geomap.store.base import Store

BATCH = 8  # documents per task: enough to make a task's overhead small beside its work
# documents per write transaction when other processes extract: a commit and the rewrite of
# every merged feature it touches are paid once for all of them, in the one process that writes
WRITE_BATCH = 32


def available_cores() -> int:
    """The cores this process may run on."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


@dataclass
class Tally:
    """What the online services and the geocoder chain did (added up across workers)."""

    providers: dict[str, ProviderStats] = field(default_factory=dict)
    disabled: set[str] = field(default_factory=set)
    chain: ChainStats = field(default_factory=ChainStats)

    @classmethod
    def of(cls, pipeline: Pipeline) -> Tally:
        """A copy of ``pipeline``'s counters as they are now."""
        return cls(
            {p.name: copy.deepcopy(p.stats) for p in pipeline.chain.providers},
            {p.name for p in pipeline.chain.providers if p.disabled},
            copy.deepcopy(pipeline.chain.stats),
        )

    def minus(self, before: Tally) -> Tally:
        """What happened since ``before``."""
        out = Tally(disabled=set(self.disabled))
        for name, now in self.providers.items():
            was = before.providers.get(name, ProviderStats())
            out.providers[name] = ProviderStats(
                now.requests - was.requests, now.answers - was.answers, now.failures - was.failures
            )
        c, b = self.chain, before.chain
        out.chain = ChainStats(
            c.online_placed - b.online_placed,
            c.fallbacks - b.fallbacks,
            c.unresolved - b.unresolved,
        )
        return out

    def add(self, other: Tally) -> None:
        for name, s in other.providers.items():
            mine = self.providers.setdefault(name, ProviderStats())
            mine.requests += s.requests
            mine.answers += s.answers
            mine.failures.update(s.failures)
        self.disabled |= other.disabled
        self.chain.online_placed += other.chain.online_placed
        self.chain.fallbacks += other.chain.fallbacks
        self.chain.unresolved.update(other.chain.unresolved)

    def summary(self, names: Sequence[str]) -> str:
        """The ``geocoding:`` line of one ingest."""
        from geomap.geocoding.online import summary_line

        return summary_line(
            [(n, self.providers.get(n, ProviderStats()), n in self.disabled) for n in names],
            self.chain,
        )


@dataclass
class Extracted:
    """One document's features by layer, or the one-line reason it failed (``fatal``: a write
    to the geocode cache failed, so nothing after it should be tried); ``notes`` are what the
    reader should know about the document (one line each)."""

    features: dict[str, list[dict[str, Any]]] | None
    extractor: str
    error: str | None = None
    notes: tuple[str, ...] = ()
    fatal: bool = False


def paced_pipeline(settings: Settings, workers: int) -> Pipeline:
    """A Pipeline whose online services wait ``workers`` times their least delay."""
    from geomap.pipeline import Pipeline

    providers = [
        OnlineProvider(replace(c, min_delay=c.min_delay * workers))
        for c in provider_configs(settings)
    ]
    return Pipeline(settings, providers)


Results = tuple[list[Extracted], Tally]


def extract_batch(pipeline: Pipeline, docs: Sequence[Document]) -> Results:
    """Features of each document (a failure is reported, not raised), and what geocoding did."""
    from geomap.features.features import extraction_features
    from geomap.reports.files import write_error

    before = Tally.of(pipeline)
    out = []
    for doc in docs:
        try:
            try:
                extraction = pipeline.extract(doc)
            except (sqlite3.Error, OSError) as exc:  # the geocode cache could not be written
                raise write_error(exc, str(pipeline.settings.cache_path)) from None
            out.append(
                Extracted(
                    extraction_features(extraction), pipeline.extractor, notes=extraction.notes
                )
            )
        except OutputError as exc:
            out.append(Extracted(None, pipeline.extractor, str(exc), fatal=True))
        except GeomapError as exc:
            out.append(Extracted(None, pipeline.extractor, str(exc)))
    return out, Tally.of(pipeline).minus(before)


class Pending(Protocol):
    """A batch being extracted (a concurrent.futures or a Dask future)."""

    def result(self) -> Results: ...


class Runner(Protocol):
    """Where extraction runs: :meth:`submit` a batch, get a future of its results."""

    workers: int
    extractors: set[str]  # the fingerprints of the workers' extractions
    batch: int  # documents per task (the fewest, when tasks are sized to what is left)
    largest: int  # documents per task at most, when many documents are left (see ingest)
    window: int  # tasks in flight, submitted and not yet written

    def submit(self, docs: list[Document]) -> Pending: ...
    def close(self) -> None: ...


class InProcess:
    """Extraction in this process (``--jobs 1``): a batch is extracted, then written (a failed
    write stops before anything more is extracted; a kill loses at most one write batch)."""

    workers = 1
    batch = largest = BATCH
    window = 1

    def __init__(self, settings: Settings) -> None:
        self.pipeline = paced_pipeline(settings, 1)
        self.extractors = {self.pipeline.extractor}

    def submit(self, docs: list[Document]) -> Pending:
        future: Future[Results] = Future()
        future.set_result(extract_batch(self.pipeline, docs))
        return future

    def close(self) -> None:
        self.pipeline.close()


_worker_pipeline: Pipeline | GeomapError | None = None  # a pool worker's pipeline, or why not


def _exit_with_parent(parent: int) -> None:
    """Leave as soon as the process that started this worker is gone (killed, say): a worker
    must never outlive its ingest."""
    while os.getppid() == parent:
        time.sleep(0.2)
    os._exit(1)


def _open_worker_pipeline(settings: Settings, workers: int, parent: int) -> None:
    global _worker_pipeline
    threading.Thread(target=_exit_with_parent, args=(parent,), daemon=True).start()
    try:
        _worker_pipeline = paced_pipeline(settings, workers)
    except GeomapError as exc:  # raised by the first task, so the parent can say why
        _worker_pipeline = exc


def _pool_extract(docs: list[Document]) -> Results:
    if isinstance(_worker_pipeline, GeomapError):
        raise _worker_pipeline
    assert _worker_pipeline is not None, "worker pipeline not opened"
    return extract_batch(_worker_pipeline, docs)


def _start_method(settings: Settings) -> str:
    """How worker processes start. On Linux, from a single-threaded process: forked from it,
    once it has read what every pipeline shares (the gazetteer's name keys, the given names),
    so that the workers start at once, without importing geomap or reading the index again,
    and share those pages until they write them. A worker opens its own connections and
    leaves by ``os._exit``, so it never uses or closes one of ours. Elsewhere, or when this
    process runs threads (whose locks a fork would copy, perhaps held): a fresh interpreter
    each."""
    from geomap.pipeline import preload

    if sys.platform != "linux" or threading.active_count() > 1:
        return "spawn"
    preload(settings)
    # what the workers inherit leaves the collector's care: a collection in a worker would
    # otherwise write to every inherited object's header, copying page after shared page
    # (--jobs 2 on the four corpora: 7,000 fewer page faults)
    gc.freeze()
    return "fork"


class LocalProcesses:
    """Extraction in ``workers`` processes of this machine, each with its own pipeline."""

    def __init__(self, settings: Settings, workers: int) -> None:
        import multiprocessing

        from geomap.gazetteer.gazetteer import index_built
        from geomap.pipeline import extractor_fingerprint

        self.workers = workers
        self.batch = self.largest = BATCH
        # tasks in flight: enough that every worker still has one queued while this process
        # writes a write batch (4 tasks) and reads the next documents (2 per worker left the
        # workers idle at times: 2 workers 1.42x one -> 1.55x with 4, bench/RESULTS.md)
        self.window = max(2, 4 * workers)
        self.pool = ProcessPoolExecutor(
            workers,
            mp_context=multiprocessing.get_context(_start_method(settings)),
            initializer=_open_worker_pipeline,
            initargs=(settings, workers, os.getpid()),
        )
        names = [c.name for c in provider_configs(settings)]
        self.extractors = {extractor_fingerprint(index_built(settings.gazetteer_path), names)}

    def submit(self, docs: list[Document]) -> Pending:
        return self.pool.submit(_pool_extract, docs)

    def close(self) -> None:
        self.pool.shutdown(wait=True, cancel_futures=True)


@dataclass
class IngestReport:
    """What one ingest did."""

    added: int = 0
    refreshed: int = 0
    unchanged: int = 0
    failed: int = 0  # extraction or writing failed (documents that could not be read: not here)
    stopped: bool = False  # a write failed: the documents after it were not ingested
    tally: Tally = field(default_factory=Tally)


def salted(extractor: str, salt: str) -> str:
    """The extraction recorded for a document read with extra settings (``salt``: e.g. the
    metadata given on the command line), so that other settings re-extract it."""
    if not salt:
        return extractor
    return hashlib.sha256((extractor + salt).encode()).hexdigest()[:16]


def ingest(
    store: Store,
    documents: Iterable[tuple[str, Document | None]],
    runner: Runner,
    error: Callable[[str], None],
    *,
    salt: str = "",
    batch: int | None = None,
    write_batch: int | None = None,
    total: int | None = None,
    guard: Callable[[], AbstractContextManager[None]] = contextlib.nullcontext,
    warn: Callable[[str], None] | None = None,
) -> IngestReport:
    """Extract every new or outdated document on ``runner`` and write it to ``store``, in
    input order. ``documents`` are (path, Document or None for one that could not be read,
    already reported). A document already stored from one of the runner's extractors (salted
    by ``salt``) is unchanged; one stored from another extraction is re-extracted; one given
    twice is ingested once. Failures are reported through ``error`` (one line each) and
    counted; documents that could not be read (None) are the caller's to count. Documents go to
    the runner ``batch`` at a time (by default the runner's; when ``total``, the number of
    documents, is known and no ``batch`` is given, a task takes a share of what is left, from
    ``runner.largest`` documents down to ``runner.batch``, so that a long ingest sends few
    tasks and the workers still finish together), at most ``runner.window`` batches
    in flight, and are written ``write_batch`` at a time (by default
    :data:`WRITE_BATCH`, or ``batch`` when the runner is this process; fewer at the end and
    before a failure that stops the ingest), in one transaction
    (:meth:`Store.add_many`; when it fails, one by one, so that each failure names its file).
    Writes to the store run inside ``guard()`` (which turns a full disk into an OutputError):
    such an error, or a geocode cache that cannot be written, stops the ingest -- the
    documents after it are counted failed, not ingested. ``warn`` gets each document's notes."""
    report = IngestReport()
    current = {salted(e, salt) for e in runner.extractors}
    seen: set[str] = set()
    pending: deque[tuple[list[tuple[str, Document, bool]], Pending]] = deque()
    guided = batch is None and total is not None and runner.largest > runner.batch
    if batch is None:
        batch = runner.batch
    window = runner.window
    taken = 0  # documents taken from ``documents`` so far

    def size() -> int:
        """Documents for the next task."""
        if not guided:
            return batch
        assert total is not None
        share = -(-(total - taken) // (4 * runner.workers))
        return max(batch, min(runner.largest, share))

    if write_batch is None:
        write_batch = batch if isinstance(runner, InProcess) else WRITE_BATCH

    def write(ready: list[tuple[str, Document, bool, Extracted]]) -> None:
        """Write extracted documents in one transaction; when it fails, one by one, so that
        each failure names its file and the others still go in."""
        if not ready:
            return
        additions = [
            Addition(doc, got.features or {}, salted(got.extractor, salt), replace_)
            for _, doc, replace_, got in ready
        ]
        try:
            with guard():
                store.add_many(additions)
        except GeomapError:
            for (path, _, replace_, _), addition in zip(ready, additions, strict=True):
                if report.stopped:
                    report.failed += 1
                    continue
                try:
                    with guard():
                        store.add(
                            addition.document,
                            addition.features,
                            addition.extractor,
                            replace=replace_,
                        )
                except OutputError as exc:
                    error(f"{exc}; {path} and the files after it not ingested")
                    report.stopped = True
                    report.failed += 1
                except GeomapError as exc:
                    error(f"{path}: {exc}")
                    report.failed += 1
                else:
                    count(replace_)
        else:
            for _, _, replace_, _ in ready:
                count(replace_)

    def count(replaced: bool) -> None:
        if replaced:
            report.refreshed += 1
        else:
            report.added += 1

    unwritten: list[tuple[str, Document, bool, Extracted]] = []  # extracted, not yet written

    def flush() -> None:
        write(unwritten)
        unwritten.clear()

    def write_oldest() -> None:
        items, future = pending.popleft()
        results, tally = future.result()
        report.tally.add(tally)
        ready: list[tuple[str, Document, bool, Extracted]] = []
        for (path, doc, replace_), got in zip(items, results, strict=True):
            if report.stopped:
                report.failed += 1
                continue
            for note in got.notes:
                if warn is not None:
                    warn(f"{path}: {note}")
            if got.features is None:
                if got.fatal:
                    unwritten.extend(ready)  # the documents before it go in
                    ready = []
                    flush()
                    if report.stopped:
                        report.failed += 1
                        continue
                    error(f"{got.error}; {path} and the files after it not ingested")
                    report.stopped = True
                else:
                    error(f"{path}: {got.error}")
                report.failed += 1
                continue
            ready.append((path, doc, replace_, got))
        unwritten.extend(ready)
        if len(unwritten) >= write_batch:
            flush()

    items: list[tuple[str, Document, bool]] = []
    for path, doc in documents:
        taken += 1
        if doc is None:
            continue
        if report.stopped:
            report.failed += 1
            continue
        if doc.id in seen:
            report.unchanged += 1
            continue
        seen.add(doc.id)
        stored = store.extractor_of(doc.id)
        if stored in current:
            report.unchanged += 1
            continue
        items.append((path, doc, stored is not None))
        if len(items) >= size():
            pending.append((items, runner.submit([d for _, d, _ in items])))
            items = []
            while len(pending) >= window:
                write_oldest()
    if items:
        pending.append((items, runner.submit([d for _, d, _ in items])))
    while pending:
        write_oldest()
    flush()
    return report


def open_runner(
    settings: Settings, *, jobs: int, scheduler: str | None, overrides: dict[str, Any]
) -> Runner:
    """The runner ``--jobs`` / ``--scheduler`` ask for."""
    if scheduler:
        from geomap.cluster import DaskCluster

        return DaskCluster(scheduler, overrides)
    if jobs < 1:
        raise InvalidParameter(f"--jobs {jobs}: want 1 or more", where="jobs")
    if jobs == 1:
        return InProcess(settings)
    return LocalProcesses(settings, jobs)


# --- one document at a time (POST /documents, and `geomap ingest` in one process) ---

Outcome = Literal["added", "refreshed", "unchanged"]


@dataclass
class DocumentTally:
    """Counts of one ingest run and the mentions it could not place, by document path."""

    added: int = 0
    refreshed: int = 0
    unchanged: int = 0
    failed: int = 0
    unresolved: list[tuple[Document, Unresolved]] = field(default_factory=list)

    def count(self, outcome: Outcome) -> None:
        setattr(self, outcome, getattr(self, outcome) + 1)


def ingest_document(
    pipeline: Pipeline,
    store: Store,
    document: Document,
    tally: DocumentTally | None = None,
    *,
    extractor: str | None = None,
    warn: Callable[[str], None] | None = None,
    extracting: Callable[[], AbstractContextManager[object]] = nullcontext,
    storing: Callable[[], AbstractContextManager[object]] = nullcontext,
) -> Outcome:
    """Extract ``document`` and store it, unless the store holds it from this same extraction
    (``unchanged``); a document extracted by another geomap, index or geocoder set-up (or
    with other metadata: ``extractor`` then names the run) is re-extracted (``refreshed``).
    Unresolved mentions go to ``tally``; what the extraction noted (a text cut short) to
    ``warn``. The extraction runs inside ``extracting()`` and the write inside ``storing()``
    (a caller's way to name the file a failed write was for)."""
    extractor = extractor or pipeline.extractor
    stored = store.extractor_of(document.id)
    if stored == extractor:
        outcome: Outcome = "unchanged"
    else:
        with extracting():
            extraction = pipeline.extract(document)
        if warn is not None:
            for note in extraction.notes:
                warn(note)
        with storing():
            store.add(
                document,
                extraction_features(extraction),
                extractor,
                replace=stored is not None,
            )
        outcome = "added" if stored is None else "refreshed"
        if tally is not None:
            tally.unresolved.extend((document, u) for u in extraction.unresolved)
    if tally is not None:
        tally.count(outcome)
    return outcome


def unresolved_of(pipeline: Pipeline, document: Document) -> list[Unresolved]:
    """The mentions of ``document`` that look like places but no geocoder could place."""
    return list(pipeline.extract(document).unresolved)
