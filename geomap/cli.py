"""The ``geomap`` command: a thin edge over the core library."""

from __future__ import annotations

import argparse
import json
import os
import sqlite3
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from pydantic import ValidationError

from geomap.errors import GeomapError, InputError, InvalidParameter, OutputError
from geomap.features.features import LAYERS, feature_collection
from geomap.model import Document
from geomap.reports.files import (
    Skipped,
    display,
    open_output,
    read_bytes_head,
    report_paths,
    write_error,
)
from geomap.reports.text import (
    parse_published,
    read_document,
    safe_url,
    with_metadata,
)
from geomap.settings import Settings

if TYPE_CHECKING:
    from geomap.store.base import Query, Store


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
        raise InvalidParameter(message, where=f"GEOMAP_{name.upper()} / --{name}") from None


def _error(message: str) -> None:
    print(f"geomap: error: {message}", file=sys.stderr)


def _warn(message: str) -> None:
    print(f"geomap: warning: {message}", file=sys.stderr)


@dataclass
class _Tally:
    """What happened to the paths given: files that could not be read, entries of folders
    not read (sub-folders that cannot be listed, FIFOs, devices)."""

    failed: int = 0
    skipped: int = 0
    skipped_folders: int = 0


def _documents(
    paths: Sequence[str], tally: _Tally, args: argparse.Namespace | None = None
) -> Iterator[tuple[str, Document | None]]:
    """Yield (path, Document or None) for each file to read; report each path not read on
    stderr, one line each, and count it in ``tally``. ``--title``, ``--published`` and
    ``--url`` in ``args`` replace what each file says."""
    for path in report_paths(paths):
        if isinstance(path, Skipped):
            _error(str(path))
            tally.skipped += 1
            tally.skipped_folders += path.folder
            continue
        try:
            doc = read_document(path)
        except InputError as exc:
            _error(str(exc))
            tally.failed += 1
            yield display(path), None
            continue
        if args is not None:
            doc = with_metadata(
                doc,
                title=getattr(args, "title", None),
                published=getattr(args, "published", None),
                url=getattr(args, "url", None),
            )
        yield display(path), doc


def _metadata_key(args: argparse.Namespace) -> str:
    """The metadata flags as text ("" without any), so that a document ingested again with
    other metadata is re-extracted."""
    given = [getattr(args, k, None) for k in ("title", "published", "url")]
    return "" if all(v is None for v in given) else repr(given)


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
    tally = _Tally()
    for _path, doc in _documents(args.files, tally, args):
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
    return 2 if failed or tally.skipped else 0


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
    from geomap.ingest import available_cores, ingest, open_runner
    from geomap.store.backends import open_store

    settings = _settings(args)
    jobs = args.jobs if args.jobs is not None else available_cores()
    if args.scheduler and args.jobs is not None:
        raise InvalidParameter("give --jobs or --scheduler, not both", where="ingest")
    if not args.scheduler and jobs > 1:
        files = sum(1 for p in report_paths(args.paths) if not isinstance(p, Skipped))
        jobs = max(1, min(jobs, files))
    with _writing(settings.store_label):
        store = open_store(settings)
    tally = _Tally()
    with _writing(settings.cache_path):
        runner = open_runner(
            settings, jobs=jobs, scheduler=args.scheduler, overrides=_overrides(args)
        )
    stopped = False
    try:
        report = ingest(
            store,
            _documents(args.paths, tally, args),
            runner,
            _error,
            salt=_metadata_key(args),
            guard=lambda: _writing(settings.store_label),
            warn=_warn,
        )
    finally:
        try:
            with _writing(settings.cache_path):
                runner.close()
        except OutputError as exc:
            _error(str(exc))
            stopped = True
    names = [str(g) for g in settings.geocoders]
    print(report.tally.summary(names), file=sys.stderr)
    counts = store.counts()
    failed = tally.failed + report.failed
    skipped = (
        f", {tally.skipped} skipped"
        + (
            f" ({tally.skipped_folders} unreadable folder{'s' * (tally.skipped_folders > 1)})"
            if tally.skipped_folders
            else ""
        )
        if tally.skipped
        else ""
    )
    print(
        f"ingested {report.added} new, {report.unchanged} unchanged, {failed} failed"
        + (f", {report.refreshed} re-extracted" if report.refreshed else "")
        + skipped
        + f"; store {settings.store_label}"
        f" has {counts['documents']} documents, {counts['places']} places,"
        f" {counts['incidents']} incidents, {counts['movements']} movements",
        file=sys.stderr,
    )
    store.close()
    return 2 if failed or tally.skipped or report.stopped or stopped else 0


def cmd_remove(args: argparse.Namespace) -> int:
    from geomap.reports.text import document_id
    from geomap.store.backends import open_store

    settings = _settings(args)
    store = open_store(settings)
    failed = removed = 0
    for item in args.documents:
        path = Path(item)
        doc_id = item
        if path.is_file():
            try:
                doc_id = document_id(path.read_bytes())
            except OSError as exc:
                _error(f"{item}: cannot read ({exc.strerror or exc})")
                failed += 1
                continue
        if store.remove(doc_id):
            removed += 1
        else:
            _error(f"{item}: no such document in {settings.store_label}")
            failed += 1
    store.close()
    print(f"removed {removed} documents, {failed} not found", file=sys.stderr)
    return 2 if failed else 0


def _migrate_for_serving(settings: Settings) -> None:
    """Bring the store up to this geomap's schema before serving it (the server itself never
    writes); a store that cannot be written is served as it is when it is current."""
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
    if not path.is_file():
        raise StoreError("no store here yet: run `geomap ingest` first", where=str(path))
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


def cmd_serve(args: argparse.Namespace) -> int:
    import uvicorn

    from api.main import create_app
    from api.security import WILDCARD_HOSTS, allowed_hosts

    settings = _settings(args)
    _migrate_for_serving(settings)
    app = create_app(settings)
    if settings.host.strip("[]") in WILDCARD_HOSTS and not settings.public_url:
        hosts = ", ".join(allowed_hosts(settings))
        print(
            f"geomap: serving on every interface; answering Host {hosts}"
            " (add others with --allowed-host)",
            file=sys.stderr,
        )
    uvicorn.run(app, host=args.host, port=args.port, log_level=args.log_level)
    return 0


def _store_layers(settings: Settings) -> dict[str, dict]:
    from geomap.store.backends import open_store

    store = open_store(settings, readonly=True, readers=1)
    try:
        return {name: feature_collection(store.layer(name), name) for name in LAYERS}
    finally:
        store.close()


def cmd_map(args: argparse.Namespace) -> int:
    from geomap.render.map import render_standalone

    settings = _settings(args)
    with open_output(args.output) as out:  # checked before the work
        html = render_standalone(_store_layers(settings), static_dir=settings.static_dir)
        out.write_bytes(html.encode("utf-8"))
        out.commit()
    print(f"wrote {args.output}", file=sys.stderr)
    return 0


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
    fmt = export.check_format("geojson" if name == "json" else name)
    layers = export.check_layers(args.layer, fmt)
    if args.output == "-" and fmt.binary:
        raise InvalidParameter(
            f"format {fmt.ext!r} is binary; give a file with -o FILE.{fmt.ext}", where="export"
        )
    out = None if args.output == "-" else open_output(args.output, suffix="." + fmt.ext)
    bbox = query.parse_bbox(args.bbox.replace(" ", "") if args.bbox else None)
    start, end = query.parse_datetime(args.datetime) or (None, None)
    store = open_store(settings, readonly=True, readers=2)
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
        with out:
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
    print(f"wrote {counts} to {path} ({fmt.ext}, {path.stat().st_size} bytes)", file=sys.stderr)
    return 0


def cmd_store(args: argparse.Namespace) -> int:
    from geomap.errors import StoreError
    from geomap.store import migrations, pg_migrations
    from geomap.store.backends import open_store

    settings = _settings(args)
    path = settings.store_label
    if not settings.store_url and not settings.store_path.is_file():
        raise StoreError("no store here yet: run `geomap ingest` first", where=path)
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
    print(f"{'layer':<12} {'features':>10} {'dated':>10}")
    for layer, row in health["layers"].items():
        print(f"{layer:<12} {row['features']:>10} {row['dated']:>10}")
    print(f"spatial index {health['spatial_index']} entries; time index {health['time_index']}")
    planner = "present" if health["analyzed"] else "missing (run geomap store migrate)"
    print(f"planner statistics {planner}")
    if health["problems"]:
        for problem in health["problems"]:
            _error(f"{path}: {problem}")
        return 2
    print("indexes agree with the rows" + (" (full check: ok)" if args.check else ""))
    return 0


def cmd_gazetteer_build(args: argparse.Namespace) -> int:
    from geomap.gazetteer.index import build_index

    settings = _settings(args)
    path = settings.gazetteer_path
    if path.exists() and not args.force:
        print(f"gazetteer index exists at {path} (use --force to rebuild)", file=sys.stderr)
        return 0
    stats = build_index(path)
    print(
        f"built {path}: {stats['places']} places, {stats['names']} names,"
        f" {stats['bytes'] / 1e6:.1f} MB in {stats['seconds']} s",
        file=sys.stderr,
    )
    return 0


def cmd_cache(args: argparse.Namespace) -> int:
    from geomap.gazetteer.cache import GeocodeCache

    cache_path = _settings(args).cache_path
    out = None
    if args.cache_command == "import":
        _check_cache_export(args.file)
    elif args.cache_command == "export":
        out = open_output(args.file)
    with _writing(cache_path):
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
            print(f"exported {n} entries to {args.file}", file=sys.stderr)
        elif args.cache_command == "import":
            with _writing(cache_path):
                n = cache.import_(args.file)
            print(f"imported {n} entries from {args.file}", file=sys.stderr)
        else:
            with _writing(cache_path):
                n = cache.clear(args.provider)
            print(f"cleared {n} entries", file=sys.stderr)
    finally:
        with _writing(cache_path):
            cache.close()
    return 0


STORE_HELP = (
    "SQLite store file, or postgresql://USER:PASS@HOST:PORT/DB for PostGIS"
    " (default $GEOMAP_STORE or data/geomap.sqlite)"
)


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


def _common(p: argparse.ArgumentParser, *, store: bool = True) -> None:
    if store:
        p.add_argument(
            "--store",
            help=STORE_HELP,
        )
    p.add_argument("--cache", help="geocode cache file (default $GEOMAP_CACHE)")
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
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    p = sub.add_parser(
        "extract",
        help="print one GeoJSON FeatureCollection for FILEs",
        description="Print places, incidents and movements of FILEs as one "
        "GeoJSON FeatureCollection (lon/lat) on stdout; its 'unresolved' member lists likely "
        "place mentions no geocoder could place, each with the reason.",
    )
    p.add_argument("files", nargs="+", metavar="FILE")
    _common(p, store=False)
    _metadata_flags(p)
    _geocoder_flags(p)
    p.set_defaults(func=cmd_extract)

    p = sub.add_parser(
        "ingest",
        help="add documents (files or folders) to the store",
        description="Add documents to the store. Re-ingesting a document changes nothing, unless"
        " it was extracted by another geomap version, gazetteer index or geocoder set-up: then it"
        " is re-extracted.",
    )
    p.add_argument("paths", nargs="+", metavar="PATH")
    p.add_argument(
        "--jobs",
        "-j",
        type=int,
        metavar="N",
        help="extract in N processes of this machine (default: the cores available)",
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
        "remove",
        help="remove documents (by file or id) and what only they supported",
        description="Remove documents from the store, given as the ingested files (matched by"
        " content) or as document ids. Features other documents also report stay.",
    )
    p.add_argument("documents", nargs="+", metavar="FILE_OR_ID")
    _common(p)
    p.set_defaults(func=cmd_remove)

    p = sub.add_parser(
        "serve",
        help="serve the API and the map",
        description="Serve the GeoJSON API and the map with uvicorn.",
    )
    p.add_argument("--host", default="127.0.0.1", help="address to bind (default 127.0.0.1)")
    p.add_argument("--port", type=int, default=8000)
    p.add_argument("--log-level", default="info")
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
    p.add_argument(
        "--store",
        help=STORE_HELP,
    )
    ssub = p.add_subparsers(dest="store_command", required=True, metavar="COMMAND")
    ssub.add_parser(
        "migrate",
        help="bring the store to this geomap's schema (ingest and serve also do)",
        description="Bring the store to this geomap's schema and refresh the query planner's"
        " statistics. Readers (the server, export, map) never migrate.",
    ).set_defaults(func=cmd_store)
    st = ssub.add_parser(
        "stats",
        help="counts, size and index health (read-only)",
        description="Counts per layer, file size and whether the indexes agree with the rows;"
        " exit status 2 when they do not. Opens the store read-only.",
    )
    st.add_argument(
        "--check", action="store_true", help="also run SQLite's checks of the file and R*Trees"
    )
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
    b.add_argument("--gazetteer", help="index file (default $GEOMAP_GAZETTEER)")
    b.set_defaults(func=cmd_gazetteer_build)

    p = sub.add_parser(
        "cache",
        help="inspect, carry or clear the geocode cache",
        description="Inspect, export, import or clear the geocode cache.",
    )
    p.add_argument("--cache", help="geocode cache file (default $GEOMAP_CACHE)")
    csub = p.add_subparsers(dest="cache_command", required=True, metavar="COMMAND")
    csub.add_parser("stats", help="entries, hits and misses by provider").set_defaults(
        func=cmd_cache
    )
    for name, text in (
        ("export", "write every entry to FILE (JSON Lines)"),
        ("import", "add the entries of an exported FILE"),
    ):
        c = csub.add_parser(name, help=text, description=text)
        c.add_argument("file", metavar="FILE")
        c.set_defaults(func=cmd_cache)
    c = csub.add_parser("clear", help="delete entries", description="Delete cached entries.")
    c.add_argument("--provider", help="only this provider's entries")
    c.set_defaults(func=cmd_cache)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI; returns the exit status (2 when any input failed)."""
    args = build_parser().parse_args(argv)
    try:
        return int(args.func(args))
    except GeomapError as exc:
        _error(str(exc))
        return 2
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
