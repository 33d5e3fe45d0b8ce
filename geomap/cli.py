"""The ``geomap`` command: a thin edge over the core library."""

from __future__ import annotations

import argparse
import errno
import json
import os
import sqlite3
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from pydantic import ValidationError

from geomap import __version__
from geomap.errors import GeomapError, InputError, InvalidParameter, OutputError
from geomap.features.features import LAYERS, feature_collection
from geomap.model import Document, Unresolved
from geomap.progress import Feedback, printable
from geomap.reports.fetch import Fetcher
from geomap.reports.files import (
    Output,
    Skipped,
    display,
    open_output,
    read_bytes,
    read_bytes_head,
    write_error,
)
from geomap.reports.formats import Walk, expand, read_report
from geomap.reports.text import parse_published, safe_url, with_metadata
from geomap.settings import Settings

if TYPE_CHECKING:
    from geomap.ingest import DocumentTally
    from geomap.pipeline import Pipeline
    from geomap.reports.feeds import FeedEntry
    from geomap.store.base import Query, Store
    from geomap.store.query import BBox


def _settings(args: argparse.Namespace) -> Settings:
    overrides: dict[str, object] = {}
    for key in ("store", "cache", "gazetteer"):
        value = getattr(args, key, None)
        if value:
            overrides[key] = value if key == "store" else Path(value)
    for key in (
        "geocoders",
        "geocoder_url",
        "user_agent",
        "geocoder_min_delay",
        "geocoder_timeout",
        "geocoder_retries",
    ):
        value = getattr(args, key, None)
        if value is not None:
            overrides[key] = value
    for key in ("host", "public_url", "allowed_hosts", "cors_origins"):  # serve's
        value = getattr(args, key, None)
        if value:
            overrides[key] = value
    try:
        return Settings(**overrides)  # type: ignore[arg-type]
    except ValidationError as exc:
        first = exc.errors()[0]
        name = str(first["loc"][0]) if first.get("loc") else "settings"
        message = str(first.get("msg", exc)).removeprefix("Value error, ")
        where = f"GEOMAP_{name.upper()}"
        if name in vars(args):  # a flag of this command sets it too
            where += " / " + _FLAGS.get(name, "--" + name.replace("_", "-"))
        raise InvalidParameter(message, where=where) from None


# settings whose flag is not the setting's name with dashes
_FLAGS = {
    "geocoders": "--geocoder",
    "allowed_hosts": "--allowed-host",
    "cors_origins": "--cors-origin",
}


def _error(message: str) -> None:
    print(printable(f"geomap: error: {message}"), file=sys.stderr)


def _warn(message: str) -> None:
    print(printable(f"geomap: warning: {message}"), file=sys.stderr)


def _print_error(line: str) -> None:
    print(printable(line), file=sys.stderr)


def _fetcher(settings: Settings) -> Fetcher:
    return Fetcher(
        settings.user_agent,
        timeout=settings.fetch_timeout,
        max_bytes=settings.fetch_max_bytes,
    )


def _documents(
    sources: Iterable[str | Skipped],
    fetcher: Fetcher,
    report: Callable[[str], None] = _print_error,
    args: argparse.Namespace | None = None,
) -> Iterator[tuple[str, Document | None]]:
    """Yield (source, Document or None) for files and URLs (:func:`expand` gives them, with
    what folders hold); report each one not read with ``report``, one line each.
    ``--title``, ``--published`` and ``--url`` in ``args`` replace what each report says."""
    for source in sources:
        if isinstance(source, Skipped):
            report(f"geomap: error: {source}")
            continue
        try:
            doc = read_report(source, fetcher)
        except GeomapError as exc:
            report(f"geomap: error: {exc}")
            yield display(source), None
            continue
        for note in doc.notes:
            report(f"geomap: warning: {display(source)}: {note}")
        if args is not None:
            doc = with_metadata(
                doc,
                title=getattr(args, "title", None),
                published=getattr(args, "published", None),
                url=getattr(args, "url", None),
            )
        yield display(source), doc


def _metadata_key(args: argparse.Namespace) -> str:
    """The metadata flags as text ("" without any), so that a document ingested again with
    other metadata is re-extracted."""
    given = [getattr(args, k, None) for k in ("title", "published", "url")]
    return "" if all(v is None for v in given) else repr(given)


def _extractor(pipeline: Pipeline, args: argparse.Namespace) -> str:
    """The extraction a run records: the pipeline's, changed by any metadata flags."""
    from geomap.ingest import salted

    return salted(pipeline.extractor, _metadata_key(args))


@contextmanager
def _writing(where: str | Path) -> Iterator[None]:
    """Turn a failed write to ``where`` (a full disk, a read-only location; from SQLite or the
    system) into one OutputError naming it."""
    try:
        yield
    except GeomapError:
        raise
    except (sqlite3.Error, OSError) as exc:
        raise write_error(exc, display(where)) from None


@contextmanager
def _discarded_on_error(out: Output | None) -> Iterator[None]:
    """Remove ``out``'s temporary file when the work before writing it fails (a bad filter,
    a store that cannot be opened): nothing is left beside the target."""
    try:
        yield
    except BaseException:
        if out is not None:
            out.discard()
        raise


@contextmanager
def _stdout() -> Iterator[None]:
    """Writes to standard output; a full disk or a closed pipe ends the command cleanly."""
    try:
        yield
        sys.stdout.flush()
    except BrokenPipeError:
        _silence_stdout()
        raise
    except OSError as exc:
        _silence_stdout()
        raise write_error(exc, "standard output") from None


def _silence_stdout() -> None:
    """Point standard output at /dev/null so the interpreter's last flush cannot fail again."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    os.close(devnull)


def cmd_extract(args: argparse.Namespace) -> int:
    from geomap.features.features import extraction_features
    from geomap.pipeline import Pipeline

    pipeline = Pipeline(_settings(args))
    features: list[dict] = []
    unresolved: list[dict] = []
    failed = False
    walk = Walk()
    fetcher = _fetcher(pipeline.settings)
    for _path, doc in _documents(expand(args.files, walk), fetcher, args=args):
        if doc is None:
            failed = True
            continue
        try:
            with _writing(pipeline.settings.cache_path):
                extraction = pipeline.extract(doc)
            by_layer = extraction_features(extraction)
        except OutputError:
            raise
        except GeomapError as exc:
            _error(f"{doc.path}: {exc}")
            failed = True
            continue
        for note in extraction.notes:
            _warn(f"{doc.path}: {note}")
        for layer in LAYERS:
            features.extend(by_layer[layer])
        unresolved.extend(
            {
                "document": doc.path,
                "text": u.span.text,
                "start": u.span.start,
                "end": u.span.end,
                "reason": u.reason,
            }
            for u in extraction.unresolved
        )
    if pipeline.chain.online:
        print(pipeline.chain.summary(), file=sys.stderr)
    with _writing(pipeline.settings.cache_path):
        pipeline.close()
    collection = feature_collection(features)
    collection["unresolved"] = unresolved  # a GeoJSON foreign member: likely places not placed
    with _stdout():
        json.dump(collection, sys.stdout, ensure_ascii=False)
        sys.stdout.write("\n")
    return 2 if failed or walk.errors else 0


def _overrides(args: argparse.Namespace) -> dict[str, object]:
    """The settings given on the command line (a Dask worker fills in the rest itself)."""
    out: dict[str, object] = {}
    for key in ("cache", "gazetteer"):
        if getattr(args, key, None):
            out[key] = getattr(args, key)
    for key in (
        "geocoders",
        "geocoder_url",
        "user_agent",
        "geocoder_min_delay",
        "geocoder_timeout",
        "geocoder_retries",
    ):
        if getattr(args, key, None) is not None:
            out[key] = getattr(args, key)
    return out


def cmd_ingest(args: argparse.Namespace) -> int:
    from geomap.ingest import DocumentTally, available_cores
    from geomap.store.backends import open_store

    if not args.paths and not args.feeds:
        raise InvalidParameter("give files, folders or URLs to ingest, or --feed URL")
    settings = _settings(args)
    if args.scheduler and args.jobs is not None:
        raise InvalidParameter("give --jobs or --scheduler, not both", where="ingest")
    if args.write_batch is not None and args.write_batch < 1:
        raise InvalidParameter(f"--write-batch {args.write_batch}: want 1 or more", where="ingest")
    if args.jobs is not None and args.jobs < 1:
        raise InvalidParameter(f"--jobs {args.jobs}: want 1 or more", where="ingest")
    if args.write_batch is not None and (args.feeds or args.show_unresolved):
        raise InvalidParameter(
            "--write-batch is for folders and files: give it without --feed and"
            " --show-unresolved, which write one document at a time",
            where="ingest",
        )
    if args.scheduler and (args.feeds or args.show_unresolved):
        raise InvalidParameter(
            "--feed and --show-unresolved are read in this process: give them without --scheduler",
            where="ingest",
        )
    feedback = Feedback(quiet=args.quiet)
    fetcher = _fetcher(settings)
    tally, walk = DocumentTally(), Walk()
    sources = list(expand(args.paths, walk))
    readable = sum(not isinstance(s, Skipped) for s in sources)
    jobs = args.jobs if args.jobs is not None else available_cores()
    if not args.scheduler:
        jobs = max(1, min(jobs, readable))
    with _writing(settings.store_label):
        store = open_store(settings)
    if args.scheduler or (not args.feeds and not args.show_unresolved):
        return _ingest_on_workers(args, settings, store, sources, readable, jobs, tally, walk)
    from geomap.pipeline import Pipeline  # (not imported by a client of Dask workers)

    with _writing(settings.cache_path):
        pipeline = Pipeline(settings)
    extractor = _extractor(pipeline, args)
    entries = _feed_entries(args.feeds, fetcher, settings, store, tally) if args.feeds else []
    run = _IngestRun(pipeline, store, settings, tally, extractor)
    with feedback.bar("ingesting", total=readable + len(entries)) as bar:
        run.report = bar.print
        for source, doc in _documents(sources, fetcher, report=bar.print, args=args):
            bar.note(source)
            if doc is None:
                tally.failed += 1
            else:
                run.ingest(source, doc)
            bar.advance()
        if entries:
            from geomap.reports.feeds import FeedLog, with_feed_metadata

            log = FeedLog(settings.feeds_path)
            for feed, entry in entries:
                bar.note(entry.link)
                if run.stopped is not None:
                    tally.failed += 1
                    bar.advance()
                    continue
                try:
                    doc = with_feed_metadata(read_report(entry.link, fetcher), entry)
                except GeomapError as exc:
                    bar.print(f"geomap: error: {exc}")
                    tally.failed += 1
                else:
                    if run.ingest(entry.link, doc):
                        log.mark(feed, entry, doc.id)
                bar.advance()
            log.close()
    geocoding = pipeline.chain.summary()
    try:
        with _writing(settings.cache_path):
            pipeline.close()
    except OutputError as exc:
        if (
            run.stopped is None
            or settings.store_url
            or not _same_disk(settings.cache_path, settings.store_path)
        ):
            _error(str(exc))  # (a full disk the store met already was said once)
        run.stopped = run.stopped or exc
    counts = store.counts()
    store.close()
    feedback.say(geocoding)
    skipped = walk.summary()
    feedback.say(
        f"ingested {tally.added} new, {tally.unchanged} unchanged, {tally.failed} failed"
        + (f", {tally.refreshed} re-extracted" if tally.refreshed else "")
        + (f", {skipped}" if skipped else "")
        + f"; store {settings.store_label}"
        f" has {counts['documents']} documents, {counts['places']} places,"
        f" {counts['incidents']} incidents, {counts['movements']} movements"
    )
    if args.show_unresolved:
        _print_unresolved((doc.path, u) for doc, u in tally.unresolved)
    return 2 if tally.failed or walk.errors or run.stopped else 0


def _ingest_on_workers(
    args: argparse.Namespace,
    settings: Settings,
    store: Store,
    sources: list[str | Skipped],
    readable: int,
    jobs: int,
    tally: DocumentTally,
    walk: Walk,
) -> int:
    """Ingest with extraction in ``jobs`` processes or on a Dask scheduler
    (:func:`geomap.ingest.ingest`): documents are read here, extracted there and written here
    in the order given."""
    from geomap.ingest import ingest, open_runner

    feedback = Feedback(quiet=args.quiet)
    fetcher = _fetcher(settings)
    with _writing(settings.cache_path):
        runner = open_runner(
            settings, jobs=jobs, scheduler=args.scheduler, overrides=_overrides(args)
        )
    stopped = False
    store_stopped = False  # a write to the store failed
    with feedback.bar("ingesting", total=readable) as bar:

        def documents() -> Iterator[tuple[str, Document | None]]:
            for source, doc in _documents(sources, fetcher, report=bar.print, args=args):
                bar.note(source)
                bar.advance()
                if doc is None:
                    tally.failed += 1
                    continue
                yield source, doc

        try:
            report = ingest(
                store,
                documents(),
                runner,
                lambda message: bar.print(f"geomap: error: {message}"),
                salt=_metadata_key(args),
                write_batch=args.write_batch,
                total=readable,
                guard=lambda: _writing(settings.store_label),
                warn=lambda message: bar.print(f"geomap: warning: {message}"),
            )
            store_stopped = report.stopped
        finally:
            try:
                with _writing(settings.cache_path):
                    runner.close()
            except OutputError as exc:
                if (
                    not store_stopped
                    or settings.store_url
                    or not _same_disk(settings.cache_path, settings.store_path)
                ):
                    _error(str(exc))  # (a full disk the store met already was said once)
                stopped = True
    counts = store.counts()
    store.close()
    feedback.say(report.tally.summary([str(g) for g in settings.geocoders]))
    failed = tally.failed + report.failed
    skipped = walk.summary()
    feedback.say(
        f"ingested {report.added} new, {report.unchanged} unchanged, {failed} failed"
        + (f", {report.refreshed} re-extracted" if report.refreshed else "")
        + (f", {skipped}" if skipped else "")
        + f"; store {settings.store_label}"
        f" has {counts['documents']} documents, {counts['places']} places,"
        f" {counts['incidents']} incidents, {counts['movements']} movements"
    )
    return 2 if failed or walk.errors or report.stopped or stopped else 0


def _same_disk(a: Path, b: Path) -> bool:
    """True when the folders of ``a`` and ``b`` are on one file system."""
    try:
        return os.stat(a.parent).st_dev == os.stat(b.parent).st_dev
    except OSError:
        return False


class _IngestRun:
    """Ingests documents one at a time; after the disk refused a write, ingests no more."""

    def __init__(
        self,
        pipeline: Pipeline,
        store: Store,
        settings: Settings,
        tally: DocumentTally,
        extractor: str,
    ) -> None:
        self.pipeline = pipeline
        self.store = store
        self.settings = settings
        self.tally = tally
        self.extractor = extractor
        self.report: Callable[[str], None] = _print_error
        self.stopped: OutputError | None = None

    def _guard(self, where: str | Path) -> Callable[[], AbstractContextManager[object]]:
        return lambda: _writing(where)

    def ingest(self, source: str, doc: Document) -> bool:
        """Ingest one document; a failure is one line. True when it is in the store."""
        from geomap.ingest import ingest_document

        if self.stopped is not None:  # the disk refused a write: the rest is not ingested
            self.tally.failed += 1
            return False
        try:
            ingest_document(
                self.pipeline,
                self.store,
                doc,
                self.tally,
                extractor=self.extractor,
                warn=lambda note: self.report(f"geomap: warning: {source}: {note}"),
                extracting=self._guard(self.settings.cache_path),
                storing=self._guard(self.settings.store_label),
            )
        except OutputError as exc:
            self.report(f"geomap: error: {exc}; {source} and the files after it not ingested")
            self.stopped = exc
            self.tally.failed += 1
            return False
        except GeomapError as exc:
            self.report(f"geomap: error: {source}: {exc}")
            self.tally.failed += 1
            return False
        return True


def _feed_entries(
    feeds: Sequence[str], fetcher: Fetcher, settings: Settings, store: Store, tally: DocumentTally
) -> list[tuple[str, FeedEntry]]:
    """(feed, entry) for every entry of ``feeds`` not ingested before; a feed that cannot be
    fetched or parsed is one line on stderr and counts as failed."""
    from geomap.reports.feeds import FEED_ACCEPT, FeedLog, parse_feed

    log = FeedLog(settings.feeds_path)
    out: list[tuple[str, FeedEntry]] = []
    try:
        for feed in feeds:
            try:
                fetched = fetcher.get(feed, accept=FEED_ACCEPT)
                entries = parse_feed(fetched.data, fetched.url)
            except GeomapError as exc:
                _error(str(exc))
                tally.failed += 1
                continue
            new = list(log.new_entries(feed, entries, store.has_document))
            tally.unchanged += len(entries) - len(new)
            out.extend((feed, entry) for entry in new)
    finally:
        log.close()
    return out


def _print_unresolved(items: Iterable[tuple[str, Unresolved]]) -> None:
    """One tab-separated line per mention not placed: document, start, end, text, reason."""
    print("document\tstart\tend\ttext\treason")
    for path, u in items:
        text = " ".join(u.span.text.split())
        # a tab or a control character in a name would break the columns or the terminal
        print(f"{printable(path)}\t{u.span.start}\t{u.span.end}\t{printable(text)}\t{u.reason}")


def cmd_unresolved(args: argparse.Namespace) -> int:
    from geomap.ingest import unresolved_of
    from geomap.pipeline import Pipeline
    from geomap.store.backends import open_store

    settings = _settings(args)
    feedback = Feedback(quiet=args.quiet)
    pipeline = Pipeline(settings)
    found: list[tuple[str, Unresolved]] = []
    failed = 0
    walk = Walk()
    if args.sources:
        docs: list[Document] = []
        for _source, doc in _documents(expand(args.sources, walk), _fetcher(settings)):
            if doc is None:
                failed += 1
            else:
                docs.append(doc)
    else:  # every stored document, from the text it was ingested with
        store = open_store(settings, readonly=True, readers=1)
        try:
            docs = list(store.documents())
        finally:
            store.close()
    with feedback.bar("reading", total=len(docs)) as bar:
        for doc in docs:
            bar.note(doc.path)
            found.extend((doc.path, u) for u in unresolved_of(pipeline, doc))
            bar.advance()
    pipeline.close()
    with _stdout():
        _print_unresolved(found)
    feedback.say(f"{len(found)} mentions not placed in {len(docs)} documents")
    return 2 if failed or walk.errors else 0


def cmd_remove(args: argparse.Namespace) -> int:
    from geomap.reports.fetch import is_url
    from geomap.store.backends import open_store

    settings = _settings(args)
    _check_store_exists(settings)
    store = open_store(settings)
    failed = removed = 0
    for item in args.documents:
        ids = [item]
        if is_url(item):  # the documents ingested from that address
            ids = [d.id for d in store.documents() if item in (d.url, d.path)] or ids
        elif Path(item).exists():
            try:
                ids = [read_report(item).id]
            except GeomapError as exc:
                _error(str(exc))
                failed += 1
                continue
        gone = [doc_id for doc_id in ids if store.remove(doc_id)]
        if gone:
            removed += len(gone)
        else:
            _error(f"{item}: no such document in {settings.store_label}")
            failed += 1
    store.close()
    Feedback(quiet=args.quiet).say(f"removed {removed} documents, {failed} not found")
    return 2 if failed else 0


def _migrate_for_serving(settings: Settings) -> None:
    """Bring the store up to this geomap's schema before serving it (reads never write); a
    store that cannot be written is served as it is when it is current. Without a store, a
    server that takes writes (a token is set) starts with an empty one; one that only reads
    refuses to start."""
    import os

    from geomap.errors import StoreError
    from geomap.store import migrations
    from geomap.store.sqlite import SQLiteStore

    if settings.store_url:
        from geomap.store import pg_migrations
        from geomap.store.postgis import PostGISStore

        pg = PostGISStore(settings.store_url)  # migrates; a current schema is only read
        pg.close()
        if pg.migrated_from != pg_migrations.SCHEMA_VERSION:
            print(
                f"migrated {settings.store_label} from schema {pg.migrated_from} to"
                f" {pg_migrations.SCHEMA_VERSION}",
                file=sys.stderr,
            )
        return
    path = settings.store_path
    if path.is_dir():
        _check_store_exists(settings)  # says it is a folder
    if not path.is_file():
        if settings.write_token() is None:
            raise StoreError("no store here yet: run `geomap ingest` first", where=str(path))
        SQLiteStore(path).close()  # POST /documents fills it
        return
    if not os.access(path, os.W_OK) or not os.access(path.parent, os.W_OK):
        SQLiteStore(path, readonly=True).close()  # current, or a clear error
        return
    store = SQLiteStore(path)
    store.close()
    if store.migrated_from != migrations.SCHEMA_VERSION:
        print(
            f"migrated {path} from schema {store.migrated_from} to {migrations.SCHEMA_VERSION}",
            file=sys.stderr,
        )


def _serving_environment(settings: Settings) -> dict[str, str]:
    """The ``GEOMAP_*`` variables that give every worker process the settings ``serve`` was
    started with (its flags included): workers build their app from the environment."""
    env = {
        "GEOMAP_DATA_DIR": str(settings.data_dir),
        "GEOMAP_STORE": settings.store or str(settings.store_path),
        "GEOMAP_CACHE": str(settings.cache_path),
        "GEOMAP_GAZETTEER": str(settings.gazetteer_path),
        "GEOMAP_HOST": settings.host,
        "GEOMAP_ALLOWED_HOSTS": ",".join(settings.allowed_hosts),
        "GEOMAP_CORS_ORIGINS": ",".join(settings.cors_origins),
        "GEOMAP_GEOCODERS": ",".join(settings.geocoders),
    }
    if settings.public_url:
        env["GEOMAP_PUBLIC_URL"] = settings.public_url
    for key in ("geocoder_url", "user_agent", "geocoder_min_delay", "geocoder_timeout",
                "geocoder_retries"):  # fmt: skip
        value = getattr(settings, key)
        if value is not None:
            env[f"GEOMAP_{key.upper()}"] = str(value)
    return env


def _check_address(host: str, port: int) -> None:
    """InvalidParameter naming ``host:port`` when the server could not listen there (another
    server has the port, an address not of this machine), before any work; uvicorn would
    say so only after starting, without the address when it runs workers."""
    import socket

    where = f"{host}:{port}"
    if not 0 <= port <= 65535:
        raise InvalidParameter(f"port {port} is not 0-65535", where="--port")
    try:
        infos = socket.getaddrinfo(host.strip("[]"), port, type=socket.SOCK_STREAM)
    except OSError as exc:
        raise InvalidParameter(f"cannot listen on {where} ({exc})", where="--host") from None
    family, kind, proto, _, address = infos[0]
    with socket.socket(family, kind, proto) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as uvicorn binds
        try:
            probe.bind(address)
        except OSError as exc:
            if exc.errno == errno.EADDRINUSE:
                raise InvalidParameter(
                    f"{where} is in use (another server?); choose another port with --port",
                    where="--port",
                ) from None
            reason = exc.strerror or str(exc)
            raise InvalidParameter(f"cannot listen on {where} ({reason})", where="--host") from None


def cmd_serve(args: argparse.Namespace) -> int:
    import os

    import api
    from api.security import WILDCARD_HOSTS, HostRule, allowed_hosts

    settings = _settings(args)
    workers = args.workers if args.workers is not None else settings.workers
    if workers < 1:
        raise InvalidParameter(f"workers {workers!r} must be 1 or more", where="--workers")
    HostRule.build(allowed_hosts(settings))  # a bad name stops here, not in every worker
    _check_address(args.host, args.port)
    _migrate_for_serving(settings)  # once, before any worker starts
    if settings.host.strip("[]") in WILDCARD_HOSTS and not settings.public_url:
        hosts = ", ".join(allowed_hosts(settings))
        print(
            f"geomap: serving on every interface; answering Host {hosts}"
            " (add others with --allowed-host)",
            file=sys.stderr,
        )
    if workers == 1:
        import uvicorn

        from api.main import serving_app

        uvicorn.run(serving_app(settings), host=args.host, port=args.port, log_level=args.log_level)
        return 0
    # the supervisor: a fresh interpreter running uvicorn alone (none of geomap's modules,
    # whose memory would otherwise sit in it beside the workers'); its workers spawn from it
    # and build the app from the environment's settings
    env = {**os.environ, **_serving_environment(settings)}
    home = Path(api.__file__).resolve().parents[1]  # where `api` is imported from, not the cwd
    argv = [sys.executable, "-m", "uvicorn", "api.main:serving_app", "--factory",
            "--app-dir", str(home), "--workers", str(workers), "--host", args.host,
            "--port", str(args.port), "--log-level", args.log_level]  # fmt: skip
    sys.stdout.flush()
    sys.stderr.flush()
    os.execve(sys.executable, argv, env)


def cmd_map(args: argparse.Namespace) -> int:
    from geomap.render.filters import MapFilters, map_layers
    from geomap.render.map import render_standalone
    from geomap.store.backends import open_store

    settings = _settings(args)
    filters = MapFilters.parse(
        event_type=args.event_type,
        actor=args.actor,
        q=args.q,
        start=args.start,
        end=args.end,
        bbox=args.bbox.replace(" ", "") if args.bbox else None,  # as export takes it
    )
    _warn_nothing_matches(filters.bbox, filters.start, filters.end)
    with open_output(args.output) as out:  # checked before the work
        store = open_store(settings, readonly=True, readers=1)
        try:
            data = map_layers(store, filters)
        finally:
            store.close()
        html = render_standalone(
            data.layers, static_dir=settings.static_dir, filters=filters.shown()
        )
        out.write_bytes(html.encode("utf-8"))
        out.commit()
    counts = ", ".join(f"{len(data.layers[name]['features'])} {name}" for name in LAYERS)
    Feedback(quiet=args.quiet).say(f"wrote {args.output} ({counts})")
    return 0


def _warn_nothing_matches(bbox: BBox | None, start: date | None, end: date | None) -> None:
    """A warning line for a box or a time span that matches nothing as written (its corners
    or its ends swapped), so that an empty answer is not taken for an empty store."""
    if bbox is not None and bbox[1] > bbox[3]:
        _warn(
            f"bbox: miny {bbox[1]:g} is above maxy {bbox[3]:g}, so nothing matches (the order"
            " is minx,miny,maxx,maxy)"
        )
    if start is not None and end is not None and start > end:
        _warn(f"the time span ends ({end}) before it starts ({start}), so nothing matches")


def _decoded(store: Store, q: Query) -> Iterator[dict]:  # type: ignore[type-arg]
    from geomap.store.base import decode

    return decode(store.stream(q))


def cmd_export(args: argparse.Namespace) -> int:
    import functools
    import shutil
    import tempfile

    from geomap import export
    from geomap.store import query
    from geomap.store.backends import open_store
    from geomap.store.base import Query

    settings = _settings(args)
    name = args.format or (
        Path(args.output).suffix.lstrip(".").lower() if args.output != "-" else "geojson"
    )
    if not name:
        raise InvalidParameter(
            f"cannot tell the format of {args.output!r} without an extension: name it .gpkg,"
            " .geojson, .fgb or .csv, or give --format",
            where="export",
        )
    fmt = export.check_format("geojson" if name == "json" else name)
    layers = export.check_layers(args.layer, fmt)
    if args.output == "-" and fmt.binary:
        raise InvalidParameter(
            f"format {fmt.ext!r} is binary; give a file with -o FILE.{fmt.ext}", where="export"
        )
    out = None if args.output == "-" else open_output(args.output, suffix="." + fmt.ext)
    with _discarded_on_error(out):
        bbox = query.parse_bbox(args.bbox.replace(" ", "") if args.bbox else None)
        start, end = query.parse_datetime(args.datetime) or (None, None)
        _warn_nothing_matches(bbox, start, end)
        store = open_store(settings, readonly=True, readers=2)
    feedback = Feedback(quiet=args.quiet)
    asked = {layer: Query(layer, bbox, start, end) for layer in layers}
    makers = {layer: functools.partial(_decoded, store, q) for layer, q in asked.items()}

    def write(target: Path) -> dict[str, int]:
        if fmt.ext == "geojson":  # the stored text as it is
            (name,) = layers
            return {name: export.write_geojson_text(target, name, store.stream(asked[name]))}
        return export.write_stream(target, makers, fmt)

    try:
        if out is None:
            tmp = Path(tempfile.mkdtemp(prefix="geomap-export-"))
            try:
                text = tmp / f"out.{fmt.ext}"
                write(text)
                with _stdout():
                    with text.open(encoding="utf-8") as source:
                        shutil.copyfileobj(source, sys.stdout)
                    with text.open("rb") as raw:
                        ends = raw.seek(0, 2) > 0 and raw.seek(-1, 2) >= 0 and raw.read() == b"\n"
                    if not ends:
                        sys.stdout.write("\n")
            finally:
                shutil.rmtree(tmp, ignore_errors=True)
            return 0
        with out, feedback.bar(f"exporting {fmt.ext}"):
            try:
                written = write(Path(out.target))
            except Exception as exc:  # GDAL's errors (a full disk) as much as the system's
                if isinstance(exc, GeomapError) and not isinstance(exc, OutputError):
                    raise
                raise out.failed(exc) from None
            path = out.commit()
    finally:
        store.close()
    counts = ", ".join(f"{written[layer]} {layer}" for layer in layers)
    feedback.say(f"wrote {counts} to {path} ({fmt.ext}, {path.stat().st_size} bytes)")
    return 0


def cmd_store(args: argparse.Namespace) -> int:
    from geomap.store import migrations, pg_migrations
    from geomap.store.backends import open_store

    settings = _settings(args)
    path = settings.store_label
    _check_store_exists(settings)
    current = pg_migrations.SCHEMA_VERSION if settings.store_url else migrations.SCHEMA_VERSION
    if args.store_command == "migrate":
        store = open_store(settings)
        try:
            found = store.migrate()  # type: ignore[attr-defined]
            store.optimize()  # type: ignore[attr-defined]
        finally:
            store.close()
        if found == current:
            print(f"{path}: already at schema {found}", file=sys.stderr)
        else:
            print(f"{path}: migrated from schema {found} to {current}", file=sys.stderr)
        return 0
    store = open_store(settings, readonly=True, readers=1)
    try:
        health = store.health(check=args.check)  # type: ignore[attr-defined]
    finally:
        store.close()
    print(f"store        {path}")
    print(f"schema       {health['schema']}")
    print(f"size         {health['bytes'] / 1e6:.1f} MB (+ {health['wal_bytes'] / 1e6:.1f} MB WAL)")
    print(f"documents    {health['documents']}")
    print(f"reports      {health['reports']}  (each document's own features, before merging)")
    print(f"corrections  {health.get('corrections', 0)}")
    print(f"{'layer':<12} {'features':>10} {'dated':>10} {'hidden':>10}")
    for layer, row in health["layers"].items():
        hidden = row.get("hidden", 0)
        print(f"{layer:<12} {row['features']:>10} {row['dated']:>10} {hidden:>10}")
    print(f"spatial index {health['spatial_index']} entries; time index {health['time_index']}")
    if "grid" in health:
        state = "in step" if health["grid_in_step"] else "out of step: the next writer rebuilds it"
        print(f"grid index   {health['grid']} entries, {state}")
    planner = (
        "present"
        if health["analyzed"]
        else "not gathered (queries do not need them; geomap store migrate gathers them)"
    )
    print(f"planner statistics {planner}")
    if health["problems"]:
        for problem in health["problems"]:
            _error(f"{path}: {problem}")
        return 2
    print("indexes agree with the rows" + (" (full check: ok)" if args.check else ""))
    return 0


def cmd_gazetteer_build(args: argparse.Namespace) -> int:
    from geomap.gazetteer.index import BUILD_STEPS, build_index

    settings = _settings(args)
    feedback = Feedback(quiet=args.quiet)
    path = settings.gazetteer_path
    if path.exists() and not args.force:
        feedback.say(f"gazetteer index exists at {path} (use --force to rebuild)")
        return 0
    with feedback.bar("building the gazetteer", total=len(BUILD_STEPS)) as bar:
        steps = 0

        def step(name: str) -> None:
            nonlocal steps
            if steps:
                bar.advance()
            steps += 1
            bar.note(name)

        stats = build_index(path, on_step=step)
        bar.advance()
    feedback.say(
        f"built {path}: {stats['places']} places, {stats['names']} names,"
        f" {stats['bytes'] / 1e6:.1f} MB in {stats['seconds']} s"
    )
    return 0


def cmd_cache(args: argparse.Namespace) -> int:
    from geomap.gazetteer.cache import GeocodeCache

    cache_path = _settings(args).cache_path
    say = Feedback(quiet=args.quiet).say
    out = None
    if args.cache_command == "import":
        _check_cache_export(args.file)
    elif args.cache_command == "export":
        out = open_output(args.file)
    with _discarded_on_error(out), _writing(cache_path):
        cache = GeocodeCache(cache_path)
    try:
        if args.cache_command == "stats":
            stats = cache.stats()
            print(f"{'provider':<16}{'entries':>10}{'hits':>10}{'misses':>10}")
            for provider, row in sorted(stats.items()):
                print(f"{provider:<16}{row['entries']:>10}{row['hits']:>10}{row['misses']:>10}")
            print(
                f"{'total':<16}{sum(r['entries'] for r in stats.values()):>10}"
                f"{sum(r['hits'] for r in stats.values()):>10}"
                f"{sum(r['misses'] for r in stats.values()):>10}"
            )
        elif out is not None:
            with out:
                with _writing(out.where):
                    n = cache.export(out.target)
                out.commit()
            say(f"exported {n} entries to {args.file}")
        elif args.cache_command == "import":
            with _writing(cache_path):
                n = cache.import_(args.file)
            say(f"imported {n} entries from {args.file}")
        else:
            with _writing(cache_path):
                n = cache.clear(args.provider)
            say(f"cleared {n} entries")
    finally:
        with _writing(cache_path):
            cache.close()
    return 0


STORE_HELP = (
    "SQLite store file, or postgresql://USER:PASS@HOST:PORT/DB for PostGIS"
    " (default $GEOMAP_STORE or data/geomap.sqlite)"
)
CACHE_HELP = "geocode cache file (default $GEOMAP_CACHE)"


def _check_cache_export(path: str) -> None:
    """InputError unless ``path`` is a readable regular file that may be what ``geomap cache
    export`` writes (not a SQLite file, not binary)."""
    head = read_bytes_head(path, 4096)
    if head.startswith(b"SQLite format 3\x00"):
        raise InputError(
            "a SQLite file, not a cache export: run `geomap cache export FILE` where this cache"
            " lives and import that FILE (or point GEOMAP_CACHE at this file)",
            where=display(path),
        )
    if b"\x00" in head:
        raise InputError(
            "binary file; expected what `geomap cache export` writes (JSON Lines)",
            where=display(path),
        )


def _author(args: argparse.Namespace) -> str:
    import getpass

    if args.author:
        return str(args.author)
    try:
        return os.environ.get("GEOMAP_AUTHOR") or getpass.getuser()
    except (KeyError, OSError):
        return "unknown"


def _corrections_store(
    settings: Settings, *, readonly: bool = False, create: bool = False
) -> Store:
    """The SQLite store that keeps corrections; Unsupported (one line) for the PostGIS store,
    which does not keep them yet. Without ``create``, a store that does not exist yet is a
    StoreError (nothing to correct), not a new empty file."""
    from geomap.errors import Unsupported
    from geomap.store.postgis import NO_CORRECTIONS
    from geomap.store.sqlite import SQLiteStore

    if settings.store_url:
        raise Unsupported(NO_CORRECTIONS, where=settings.store_label)
    if not create:
        _check_store_exists(settings)
    return SQLiteStore(settings.store_path, readonly=readonly)


def _check_store_exists(settings: Settings) -> None:
    """StoreError when the settings name a SQLite store file that does not exist (a command
    that only changes what is stored would otherwise make an empty one, at a mistyped path)."""
    from geomap.errors import StoreError
    from geomap.store.backends import A_FOLDER

    if settings.store_url:
        return
    if settings.store_path.is_dir():
        raise StoreError(A_FOLDER, where=settings.store_label)
    if not settings.store_path.is_file():
        raise StoreError("no store here yet: run `geomap ingest` first", where=settings.store_label)


def cmd_correct(args: argparse.Namespace) -> int:
    from geomap.correct import correct, move_values

    settings = _settings(args)
    new: dict[str, object] = {}
    if args.action == "move":
        layer = "places"
        new = move_values(settings.gazetteer_path, args.to, args.lonlat)
    elif args.action == "set":
        layer = "incidents"
        for key, value in (
            ("event_type", args.type),
            ("sub_event_type", args.sub_type),
            ("date", args.date),
        ):
            if value is not None:
                new[key] = value
    else:
        layer = args.layer
    store = _corrections_store(settings)
    try:
        c = correct(
            store,
            layer,
            args.feature_id,
            args.action,
            new=new,
            author=_author(args),
            note=args.note,
        )
    finally:
        store.close()
    Feedback(quiet=args.quiet).say(
        f"correction {c.id}: {c.action} {c.layer} {c.feature_id} by {c.author}"
        + (f" ({_changes(c.old, c.new)})" if c.action in ("move", "set") else "")
    )
    return 0


def _changes(old: dict[str, object], new: dict[str, object]) -> str:
    return ", ".join(f"{k}: {old.get(k)!r} -> {v!r}" for k, v in new.items())


def cmd_corrections(args: argparse.Namespace) -> int:
    settings = _settings(args)
    feedback = Feedback(quiet=args.quiet)
    command = args.corrections_command
    if command in ("list", "export"):
        out = None if command == "list" or args.file == "-" else open_output(args.file)
        with _discarded_on_error(out):
            store = _corrections_store(settings, readonly=True)
        try:
            items = store.corrections()
        finally:
            store.close()
        if command == "list" and not args.json:
            lines = "id\tcreated\tauthor\taction\tlayer\tfeature\tchange\tnote\n" + "".join(
                f"{c.id}\t{c.created}\t{c.author}\t{c.action}\t{c.layer}\t{c.feature_id}"
                f"\t{_changes(c.old, c.new) if c.action in ('move', 'set') else ''}"
                f"\t{_one_line(c.note)}\n"
                for c in items
            )
        elif command == "list":
            lines = json.dumps([c.to_dict() for c in items], ensure_ascii=False) + "\n"
        else:
            lines = "".join(json.dumps(c.to_dict(), ensure_ascii=False) + "\n" for c in items)
        if out is None:
            with _stdout():
                sys.stdout.write(lines)
            return 0
        with out:
            out.write_bytes(lines.encode("utf-8"))
            out.commit()
        feedback.say(f"exported {len(items)} corrections to {args.file}")
        return 0
    parsed = _read_corrections(args.file) if command == "import" else []
    with _writing(settings.store_label):
        store = _corrections_store(settings, create=command == "import")
    try:
        with _writing(settings.store_label):
            if command == "import":
                added = store.add_corrections(parsed)
            else:
                removed = store.remove_corrections(args.ids)
    finally:
        store.close()
    if command == "import":
        feedback.say(
            f"imported {added} corrections from {args.file} ({len(parsed) - added} already there)"
        )
        return 0
    feedback.say(f"removed {removed} corrections, {len(set(args.ids)) - removed} not found")
    return 0 if removed == len(set(args.ids)) else 2


def _one_line(text: str | None) -> str:
    return " ".join((text or "").split())


def _read_corrections(path: str) -> list:  # type: ignore[type-arg]
    """The corrections of a file ``geomap corrections export`` wrote (JSON Lines);
    InvalidParameter naming the line of the first bad one."""
    from geomap.features.corrections import Correction

    raw = read_bytes(path)
    if b"\x00" in raw:
        raise InputError(
            "binary file; expected what `geomap corrections export` writes (JSON Lines)",
            where=display(path),
        )
    parsed = []
    for n, line in enumerate(raw.decode("utf-8", "replace").splitlines(), 1):
        if not line.strip():
            continue
        try:
            data = json.loads(line)
        except ValueError:
            raise InvalidParameter(
                f"line {n}: not JSON; expected what `geomap corrections export` writes"
                " (JSON Lines)",
                where=display(path),
            ) from None
        try:
            parsed.append(Correction.from_dict(data))
        except (ValueError, GeomapError) as exc:
            raise InvalidParameter(f"line {n}: {exc}", where=display(path)) from None
    return parsed


def _quiet(p: argparse.ArgumentParser) -> None:
    # SUPPRESS: a subcommand's default does not overwrite `geomap -q COMMAND`
    p.add_argument(
        "-q",
        "--quiet",
        action="store_true",
        default=argparse.SUPPRESS,
        help="no progress bar and no summary lines (errors are still printed)",
    )


def _after_command(p: argparse.ArgumentParser, flag: str, *, help: str) -> None:  # noqa: A002
    """``flag`` of a command group (``geomap store --store S stats``) taken after the
    subcommand too (``geomap store stats --store S``); SUPPRESS: the group's own value stays
    when it is not given here."""
    p.add_argument(flag, default=argparse.SUPPRESS, help=help)


def _common(p: argparse.ArgumentParser, *, store: bool = True) -> None:
    _quiet(p)
    if store:
        p.add_argument(
            "--store",
            help=STORE_HELP,
        )
    p.add_argument("--cache", help=CACHE_HELP)
    p.add_argument("--gazetteer", help="gazetteer index file (default $GEOMAP_GAZETTEER)")


def _published(value: str) -> date:
    published = parse_published(value)
    if published is None:
        raise argparse.ArgumentTypeError(f"not a date: {value!r} (use YYYY-MM-DD)")
    return published


def _url(value: str) -> str:
    url = safe_url(value)
    if url is None:
        raise argparse.ArgumentTypeError(f"not an http(s) address: {value!r}")
    return url


def _metadata_flags(p: argparse.ArgumentParser) -> None:
    g = p.add_argument_group(
        "metadata",
        "For reports whose text does not say (no header line, no front matter); given, they"
        " replace what every file given says.",
    )
    g.add_argument("--published", type=_published, metavar="DATE", help="publication date")
    g.add_argument("--url", type=_url, metavar="URL", help="the report's address")
    g.add_argument("--title", metavar="TEXT", help="the report's title")


def _geocoder_flags(p: argparse.ArgumentParser) -> None:
    g = p.add_argument_group(
        "online geocoders",
        "Off by default: only the offline gazetteer is used. Named geopy services are asked, "
        "in order, about mentions the gazetteer cannot place confidently.",
    )
    g.add_argument(
        "--geocoder",
        dest="geocoders",
        action="append",
        metavar="NAME",
        help="a geopy service (nominatim, photon, arcgis...); repeat for more"
        " (default $GEOMAP_GEOCODERS)",
    )
    g.add_argument(
        "--geocoder-url",
        metavar="URL",
        help="server of the first service, e.g. http://127.0.0.1:8080 ($GEOMAP_GEOCODER_URL)",
    )
    g.add_argument(
        "--user-agent",
        metavar="TEXT",
        help="who you are; required by public services ($GEOMAP_USER_AGENT)",
    )
    g.add_argument(
        "--geocoder-min-delay",
        type=float,
        metavar="SECONDS",
        help="least time between two requests (default 1 for nominatim and photon)",
    )
    g.add_argument(
        "--geocoder-timeout", type=float, metavar="SECONDS", help="per request (default 10)"
    )
    g.add_argument(
        "--geocoder-retries",
        type=int,
        metavar="N",
        help="retries after a timeout, 429, 5xx or refused connection (default 2)",
    )


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="geomap", description="Turn news reports into maps of incidents and movements."
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument(
        "-q", "--quiet", action="store_true", help="no progress bars and no summary lines"
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    p = sub.add_parser(
        "extract",
        help="print one GeoJSON FeatureCollection for FILEs",
        description="Print places, incidents and movements of FILEs as one "
        "GeoJSON FeatureCollection (lon/lat) on stdout; its 'unresolved' member lists likely "
        "place mentions no geocoder could place, each with the reason.",
    )
    p.add_argument("files", nargs="+", metavar="FILE_OR_URL")
    _common(p, store=False)
    _metadata_flags(p)
    _geocoder_flags(p)
    p.set_defaults(func=cmd_extract)

    p = sub.add_parser(
        "ingest",
        help="add reports (files, folders, URLs, feeds) to the store",
        description="Add reports to the store: plain text, HTML, PDF and DOCX files, folders of"
        " them, http(s) URLs, and the entries of RSS/Atom feeds. Re-ingesting a document changes"
        " nothing, unless it was extracted by another geomap version, gazetteer index or"
        " geocoder set-up: then it is re-extracted. A feed's entries are fetched once; reading"
        " the feed again ingests only new entries. Fetching has a timeout"
        " ($GEOMAP_FETCH_TIMEOUT), a size cap ($GEOMAP_FETCH_MAX_BYTES), the user agent"
        " (--user-agent) and honours robots.txt.",
    )
    p.add_argument("paths", nargs="*", metavar="PATH_OR_URL")
    p.add_argument(
        "--feed",
        dest="feeds",
        action="append",
        default=[],
        metavar="URL",
        help="an RSS or Atom feed whose new entries are fetched and ingested; repeat for more",
    )
    p.add_argument(
        "--show-unresolved",
        action="store_true",
        help="list the mentions of the ingested documents no geocoder could place, with why",
    )
    p.add_argument(
        "--jobs",
        "-j",
        type=int,
        metavar="N",
        help="extract in N processes of this machine (default: the cores available)",
    )
    p.add_argument(
        "--write-batch",
        type=int,
        metavar="N",
        help="documents written per store transaction (default: 8 with --jobs 1, where a kill"
        " loses at most one transaction's documents; 32 with worker processes or --scheduler)",
    )
    p.add_argument(
        "--scheduler",
        metavar="tcp://HOST:8786",
        help="extract on the workers of this Dask distributed scheduler; each worker needs"
        " geomap and its gazetteer index (paths given here are as the workers see them)",
    )
    _common(p)
    _metadata_flags(p)
    _geocoder_flags(p)
    p.set_defaults(func=cmd_ingest)

    p = sub.add_parser(
        "unresolved",
        help="list mentions that look like places but were not placed, with the reason",
        description="List, one tab-separated line each (document, start, end, text, reason),"
        " the mentions that look like places but no geocoder could place: of the reports given,"
        " or of every stored document when none is given.",
    )
    p.add_argument("sources", nargs="*", metavar="PATH_OR_URL")
    _common(p)
    _geocoder_flags(p)
    p.set_defaults(func=cmd_unresolved)

    p = sub.add_parser(
        "remove",
        help="remove documents (by file or id) and what only they supported",
        description="Remove documents from the store, given as the ingested files (matched by"
        " content) or as document ids. Features other documents also report stay.",
    )
    p.add_argument("documents", nargs="+", metavar="FILE_OR_ID")
    _common(p)
    p.set_defaults(func=cmd_remove)

    p = sub.add_parser(
        "correct",
        help="correct a place, an incident or a movement (kept across re-ingest)",
        description="Correct what geomap extracted. Corrections are stored apart from the"
        " extractions, keyed so that re-ingesting or re-extracting keeps them, and record who,"
        " when, the old and the new value. Corrected features carry corrected=true.",
    )
    csub = p.add_subparsers(dest="action", required=True, metavar="ACTION")

    def _who(c: argparse.ArgumentParser) -> None:
        c.add_argument("--author", help="who corrects (default $GEOMAP_AUTHOR or your login)")
        c.add_argument("--note", help="why (kept with the correction)")
        _common(c)

    c = csub.add_parser(
        "move",
        help="move a place to another gazetteer entry or to coordinates",
        description="Move a place (by its id, e.g. geonames:2988507) to another gazetteer entry"
        " or to coordinates; incidents and movements located there move with it.",
    )
    c.add_argument("feature_id", metavar="PLACE_ID")
    where = c.add_mutually_exclusive_group(required=True)
    where.add_argument("--to", metavar="GAZETTEER_ID", help="another entry, e.g. geonames:4717560")
    where.add_argument("--lonlat", metavar="LON,LAT", help="coordinates, e.g. 2.35,48.85")
    _who(c)
    c.set_defaults(func=cmd_correct)
    c = csub.add_parser(
        "set",
        help="change an incident's type or dates",
        description="Change an incident's event type (and sub-type) or its dates.",
    )
    c.add_argument("feature_id", metavar="INCIDENT_ID")
    c.add_argument("--type", help="an event type of the vocabulary (see the README)")
    c.add_argument("--sub-type", help="a sub-event type")
    c.add_argument("--date", help="YYYY-MM-DD, or a span YYYY-MM-DD/YYYY-MM-DD")
    _who(c)
    c.set_defaults(func=cmd_correct)
    for action, text in (
        ("hide", "hide a false incident, movement or place"),
        ("show", "show again what was hidden"),
    ):
        c = csub.add_parser(action, help=text, description=text[0].upper() + text[1:] + ".")
        c.add_argument("layer", choices=LAYERS)
        c.add_argument("feature_id", metavar="FEATURE_ID")
        _who(c)
        c.set_defaults(func=cmd_correct)

    p = sub.add_parser(
        "corrections",
        help="list, export, import or remove corrections",
        description="List, export (JSON Lines), import or remove corrections. Importing or"
        " removing one applies it to the stored features (or undoes it) at once.",
    )
    csub = p.add_subparsers(dest="corrections_command", required=True, metavar="COMMAND")
    c = csub.add_parser("list", help="every correction, oldest first (tab-separated)")
    c.add_argument("--json", action="store_true", help="as one JSON array")
    _common(c)
    c.set_defaults(func=cmd_corrections)
    for name, text in (
        ("export", "write every correction to FILE (JSON Lines; - for stdout)"),
        ("import", "add the corrections of an exported FILE (those already there are kept)"),
    ):
        c = csub.add_parser(name, help=text, description=text)
        c.add_argument("file", metavar="FILE")
        _common(c)
        c.set_defaults(func=cmd_corrections)
    c = csub.add_parser(
        "remove",
        help="undo corrections (by id, as list shows them)",
        description="Remove corrections by id: the features they changed are as extracted"
        " again (other corrections of them still apply).",
    )
    c.add_argument("ids", nargs="+", metavar="ID")
    _common(c)
    c.set_defaults(func=cmd_corrections)

    p = sub.add_parser(
        "serve",
        help="serve the API and the map",
        description="Serve the GeoJSON API and the map with uvicorn.",
    )
    p.add_argument("--host", default="127.0.0.1", help="address to bind (default 127.0.0.1)")
    p.add_argument("--port", type=int, default=8000)
    p.add_argument(
        "--log-level",
        default="info",
        type=str.lower,
        choices=("critical", "error", "warning", "info", "debug", "trace"),
        help="uvicorn's log level (default info; warning leaves out the access log)",
    )
    p.add_argument(
        "--workers",
        type=int,
        metavar="N",
        help="server processes, each with its own read-only connections to the store"
        " (default $GEOMAP_WORKERS, else 1)",
    )
    p.add_argument(
        "--public-url",
        metavar="URL",
        help="the address users reach the server at (behind a proxy), e.g."
        " https://maps.example.org/geomap: every link is built on it ($GEOMAP_PUBLIC_URL)",
    )
    p.add_argument(
        "--allowed-host",
        dest="allowed_hosts",
        action="append",
        metavar="NAME",
        help="a Host header value to answer besides the bound address, localhost and the"
        " public URL's host (repeatable; .example.org for a domain and its subdomains; * for"
        " any) ($GEOMAP_ALLOWED_HOSTS, comma-separated)",
    )
    p.add_argument(
        "--cors-origin",
        dest="cors_origins",
        action="append",
        metavar="ORIGIN",
        help="let pages of this origin (https://app.example.org, or *) read the API from a"
        " browser (repeatable; default: no CORS) ($GEOMAP_CORS_ORIGINS, comma-separated)",
    )
    _common(p)
    p.set_defaults(func=cmd_serve)

    p = sub.add_parser(
        "map",
        help="write a self-contained HTML map of the store",
        description="Write the map as one HTML file that opens offline.",
    )
    p.add_argument("-o", "--output", required=True, metavar="FILE.html")
    g = p.add_argument_group("filters (as /map's query parameters; each narrows every layer)")
    g.add_argument("--event-type", help="incidents of this type, and movements of that kind")
    g.add_argument("--actor", help="incidents and movements whose actor contains this text")
    g.add_argument(
        "--q",
        metavar="WORDS",
        help="features whose quote, headline, actors or places hold every word",
    )
    g.add_argument("--start", metavar="YYYY-MM-DD", help="features dated on or after this day")
    g.add_argument("--end", metavar="YYYY-MM-DD", help="features dated on or before this day")
    g.add_argument("--bbox", metavar="MINX,MINY,MAXX,MAXY", help="features in this box (lon/lat)")
    _common(p)
    p.set_defaults(func=cmd_map)

    p = sub.add_parser(
        "export",
        help="write layers of the store to a GIS file",
        description="Write layers of the store (EPSG:4326) as a GeoPackage (every layer in one "
        "file unless --layer is given), GeoJSON, FlatGeobuf or CSV with WKT geometry.",
    )
    p.add_argument(
        "--layer", choices=(*LAYERS, "all"), help="one layer (required unless --format gpkg)"
    )
    p.add_argument(
        "--format",
        choices=("gpkg", "geojson", "fgb", "csv"),
        help="file format (default: from the -o extension, else geojson)",
    )
    p.add_argument("-o", "--output", default="-", metavar="FILE", help="default - (stdout)")
    p.add_argument("--bbox", help="only features intersecting minx,miny,maxx,maxy (lon/lat)")
    p.add_argument("--datetime", help="only features dated within a date or START/END ('..' open)")
    _common(p)
    p.set_defaults(func=cmd_export)

    p = sub.add_parser(
        "store",
        help="migrate the store or show its statistics",
        description="Operate the store: bring it to this geomap's schema, or show its counts,"
        " size and index health.",
    )
    p.add_argument("--store", help=STORE_HELP)
    _quiet(p)
    ssub = p.add_subparsers(dest="store_command", required=True, metavar="COMMAND")
    st = ssub.add_parser(
        "migrate",
        help="bring the store to this geomap's schema (ingest and serve also do)",
        description="Bring the store to this geomap's schema and refresh the query planner's"
        " statistics. Readers (the server, export, map) never migrate.",
    )
    _after_command(st, "--store", help=STORE_HELP)
    st.set_defaults(func=cmd_store)
    st = ssub.add_parser(
        "stats",
        help="counts, size and index health (read-only)",
        description="Counts per layer, file size and whether the indexes agree with the rows;"
        " exit status 2 when they do not. Opens the store read-only.",
    )
    st.add_argument(
        "--check", action="store_true", help="also run SQLite's checks of the file and R*Trees"
    )
    _after_command(st, "--store", help=STORE_HELP)
    st.set_defaults(func=cmd_store)

    p = sub.add_parser(
        "gazetteer",
        help="manage the embedded gazetteer index",
        description="Manage the embedded gazetteer index.",
    )
    gsub = p.add_subparsers(dest="gazetteer_command", required=True, metavar="COMMAND")
    b = gsub.add_parser(
        "build",
        help="build the index from installed packages",
        description="Build the gazetteer index (GeoNames cities, countries, "
        "first-level regions) from installed packages.",
    )
    b.add_argument("--force", action="store_true", help="rebuild even if it exists")
    _quiet(b)
    b.add_argument("--gazetteer", help="index file (default $GEOMAP_GAZETTEER)")
    b.set_defaults(func=cmd_gazetteer_build)

    p = sub.add_parser(
        "cache",
        help="inspect, carry or clear the geocode cache",
        description="Inspect, export, import or clear the geocode cache.",
    )
    p.add_argument("--cache", help=CACHE_HELP)
    _quiet(p)
    csub = p.add_subparsers(dest="cache_command", required=True, metavar="COMMAND")
    c = csub.add_parser("stats", help="entries, hits and misses by provider")
    _after_command(c, "--cache", help=CACHE_HELP)
    c.set_defaults(func=cmd_cache)
    for name, text in (
        ("export", "write every entry to FILE (JSON Lines)"),
        ("import", "add the entries of an exported FILE"),
    ):
        c = csub.add_parser(name, help=text, description=text)
        c.add_argument("file", metavar="FILE")
        _after_command(c, "--cache", help=CACHE_HELP)
        c.set_defaults(func=cmd_cache)
    c = csub.add_parser("clear", help="delete entries", description="Delete cached entries.")
    c.add_argument("--provider", help="only this provider's entries")
    _after_command(c, "--cache", help=CACHE_HELP)
    c.set_defaults(func=cmd_cache)
    return parser


def _typed_flag(argv: Sequence[str], name: str | None) -> str | None:
    """The flag that sets ``name`` ("event_type": ``--event-type``) when ``argv`` has it."""
    if not name or not name.isidentifier():
        return None
    flag = _FLAGS.get(name, "--" + name.replace("_", "-"))
    return flag if any(a == flag or a.startswith(flag + "=") for a in argv) else None


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI; returns the exit status (2 when any input failed)."""
    argv = list(sys.argv[1:] if argv is None else argv)
    args = build_parser().parse_args(argv)
    try:
        return int(args.func(args))
    except GeomapError as exc:
        if isinstance(exc, InvalidParameter) and (flag := _typed_flag(argv, exc.where)):
            exc.where = flag  # the query's own name for a value ("start") was typed as --start
        _error(str(exc))
        return 2
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
