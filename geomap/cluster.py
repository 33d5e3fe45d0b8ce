"""Extraction on a Dask distributed cluster (``geomap ingest --scheduler tcp://HOST:8786``).

A worker plugin opens one pipeline (gazetteer index, geocode cache, online geocoders) on each
worker when it joins and keeps it for every task; tasks get documents already read and return
their features to the client, which writes them to its store. A worker with several threads
runs one extraction at a time (the pipeline is not shared between threads): start workers with
``--nthreads 1`` and as many ``--nworkers`` as cores.

Started with ``dask worker --preload geomap.cluster``, a worker opens that pipeline as it starts
(from its own environment, ``GEOMAP_*``), before any ingest connects; an ingest whose settings
the pipeline already has uses it as it is, and one that gives other settings (``--cache``,
``--gazetteer``, online geocoders) has every worker open a new one.
"""

from __future__ import annotations

import pickle
import threading
from typing import TYPE_CHECKING, Any

from distributed import Client, WorkerPlugin, get_worker

from geomap.errors import InvalidParameter
from geomap.ingest import Pending, Results, extract_batch, paced_pipeline
from geomap.model import Document
from geomap.settings import Settings

if TYPE_CHECKING:
    from geomap.pipeline import Pipeline

PLUGIN = "geomap-pipeline"
# documents per task: a task costs the scheduler, the client and the worker a few
# milliseconds whatever its size, and two workers finish within one task of each other;
# when the ingest knows how many documents are left, a task takes a share of them, from
# LARGEST down to BATCH (geomap.ingest.ingest)
BATCH = 16
LARGEST = 64
WINDOW = 8  # tasks in flight per worker: each has its next ones queued while the client writes


class PipelinePlugin(WorkerPlugin):
    """Opens one pipeline per worker at set-up and closes it at teardown.

    ``overrides`` are the settings the client gave explicitly (paths as the workers see them);
    the rest comes from each worker's own environment (``GEOMAP_*``) and defaults. ``workers``
    paces online geocoders so that all workers together keep one process's rate.
    """

    name = PLUGIN

    def __init__(self, overrides: dict[str, Any], workers: int) -> None:
        self.overrides = overrides
        self.workers = workers
        self.pipeline: Pipeline | None = None
        self.lock = threading.Lock()
        self.opened = 0  # pipelines opened on this worker (one, unless set up again)
        self.batches = 0  # batches extracted

    def __getstate__(self) -> dict[str, Any]:
        return {"overrides": self.overrides, "workers": self.workers}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__init__(state["overrides"], state["workers"])  # type: ignore[misc]

    def setup(self, worker: Any) -> None:
        self.pipeline = paced_pipeline(Settings(**self.overrides), self.workers)
        self.opened += 1

    def serves(self, overrides: dict[str, Any], workers: int) -> bool:
        """True when this worker's open pipeline is the one an ingest with ``overrides`` on
        ``workers`` workers would open (the pacing matters only with online geocoders)."""
        if self.pipeline is None or overrides != self.overrides:
            return False
        return workers == self.workers or not self.pipeline.chain.providers

    def teardown(self, worker: Any) -> None:
        if self.pipeline is not None:
            self.pipeline.close()
            self.pipeline = None


def _plugin(worker: Any = None) -> PipelinePlugin:
    plugin = (worker or get_worker()).plugins.get(PLUGIN)
    if not isinstance(plugin, PipelinePlugin) or plugin.pipeline is None:
        raise RuntimeError("this worker has no geomap pipeline (the plugin did not set up)")
    return plugin


def _extract(packed: bytes) -> bytes:
    """The results of the pickled documents ``packed``, pickled: one bytes object each way,
    which the scheduler and Dask's serialisation pass along without looking inside."""
    docs = pickle.loads(packed)
    plugin = _plugin()
    with plugin.lock:
        assert plugin.pipeline is not None
        plugin.batches += 1
        results = extract_batch(plugin.pipeline, docs)
    return pickle.dumps(results, protocol=pickle.HIGHEST_PROTOCOL)


class _Packed:
    """A task's future whose result is unpickled when asked for; the future is released
    then, so the worker can drop the result at once."""

    def __init__(self, future: Any) -> None:
        self.future: Any = future

    def result(self) -> Results:
        packed = self.future.result()
        self.future = None
        results: Results = pickle.loads(packed)
        return results


def _extractor(dask_worker: Any) -> str:
    pipeline = _plugin(dask_worker).pipeline
    assert pipeline is not None
    return pipeline.extractor


def _serving(overrides: dict[str, Any], count: int, dask_worker: Any = None) -> str | None:
    """The extractor of this worker's pipeline if it is the one the ingest needs, else None."""
    plugin = dask_worker.plugins.get(PLUGIN)
    if isinstance(plugin, PipelinePlugin) and plugin.serves(overrides, count):
        assert plugin.pipeline is not None
        return plugin.pipeline.extractor
    return None


async def dask_setup(worker: Any) -> None:
    """``dask worker --preload geomap.cluster``: open this worker's pipeline as it starts
    (settings from its environment), so that no ingest waits for it. A failure to open it
    (no gazetteer index, say) is logged by the worker and left to the ingest to report."""
    await worker.plugin_add(plugin=PipelinePlugin({}, 1), name=PLUGIN)


class DaskCluster:
    """A :class:`geomap.ingest.Runner` on the workers of a Dask scheduler."""

    def __init__(self, address: str, overrides: dict[str, Any]) -> None:
        import dask

        self.batch = BATCH
        self.largest = LARGEST
        # results straight from the workers, not relayed by the scheduler, unless the Dask
        # configuration says otherwise (DASK_DISTRIBUTED__CLIENT__DIRECT_TO_WORKERS=False,
        # for workers this machine cannot reach)
        direct = dask.config.get("distributed.client.direct-to-workers", None)
        try:
            self.client = Client(
                address,
                timeout=10,
                set_as_default=False,
                direct_to_workers=True if direct is None else direct,
            )
        except (OSError, TimeoutError) as exc:
            raise InvalidParameter(f"cannot reach the scheduler ({exc})", where=address) from None
        try:
            workers = self.client.scheduler_info(n_workers=-1)["workers"]
            if not workers:
                raise InvalidParameter("the scheduler has no workers", where=address)
            self.workers = len(workers)
            self.window = WINDOW * self.workers
            extractors = set(self.client.run(_serving, overrides, self.workers).values())
            if None in extractors:  # a worker started without the preload, or other settings
                self.client.register_plugin(PipelinePlugin(overrides, self.workers), name=PLUGIN)
                extractors = set(self.client.run(_extractor).values())
            self.extractors = {e for e in extractors if e is not None}
        except BaseException:
            self.client.close()
            raise

    def submit(self, docs: list[Document]) -> Pending:
        packed = pickle.dumps(docs, protocol=pickle.HIGHEST_PROTOCOL)
        return _Packed(self.client.submit(_extract, packed, pure=False))

    def close(self) -> None:
        self.client.close()
