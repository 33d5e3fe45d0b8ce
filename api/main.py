"""The FastAPI application: wiring only (routers in :mod:`api.routes`, dependencies in
:mod:`api.deps`, the headers/Host/CORS middleware in :mod:`api.security`, the OpenAPI
rewrite in :mod:`api.openapi`)."""

from __future__ import annotations

import gc
import sys
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.routing import APIRoute
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException
from starlette.routing import Match

from api import openapi, security
from api.deps import Stores
from api.fast import FastPaths
from api.routes import corrections, docs, documents, exports, health, layers, mapdata, ogc, tiles
from api.routes import map as map_page
from geomap.errors import GeomapError
from geomap.settings import Settings

ASSETS = Path(__file__).resolve().parent / "assets"
HTTP_CODES = {404: "not_found", 405: "method_not_allowed"}


def create_app(settings: Settings | None = None) -> FastAPI:
    """The app, reading from the store named by ``settings`` (read-only, opened on the first
    request and shared by all; reads never write it). With a write token configured, the
    write routes (POST /documents, POST and DELETE /corrections) write through one writer
    store of their own, one write at a time."""
    settings = settings or Settings()
    stores = Stores(settings)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        yield
        await stores.aclose()
        stores.close()

    app = FastAPI(
        title="geomap",
        version="0.1.0",
        description="Places, incidents and movements extracted from news reports.",
        lifespan=lifespan,
        docs_url=None,  # served from local files by api.routes.docs
        redoc_url=None,
        servers=[{"url": settings.public_url}] if settings.public_url else None,
        root_path_in_servers=not settings.public_url,
    )
    app.state.settings = settings
    app.state.stores = stores

    @app.exception_handler(GeomapError)
    async def geomap_error(_request: Request, exc: GeomapError) -> JSONResponse:
        return JSONResponse(exc.to_dict(), status_code=exc.status)

    @app.exception_handler(RequestValidationError)
    async def invalid_request(_request: Request, exc: RequestValidationError) -> JSONResponse:
        first = exc.errors()[0] if exc.errors() else {}
        where = ".".join(str(p) for p in first.get("loc", ())[1:]) or None
        value = first.get("input")
        text = f"{where} {value!r}: " if where and isinstance(value, str) else ""
        body = {
            "code": "invalid_parameter",
            "description": text + str(first.get("msg", "invalid request")),
        }
        if where:
            body["where"] = where
        return JSONResponse(body, status_code=400)

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException) -> JSONResponse:
        code = HTTP_CODES.get(exc.status_code, f"http_{exc.status_code}")
        detail = exc.detail if isinstance(exc.detail, str) else str(exc.detail)
        headers = dict(exc.headers or {})
        if exc.status_code == 404:
            detail = f"no such path {request.url.path[:200]!r}"
        if exc.status_code in (404, 405) and _a_write_without_token(request):
            detail = WRITES_OFF
        if exc.status_code == 405:  # every method of the path, whichever route has it
            headers["Allow"] = ", ".join(_methods(request))
        return JSONResponse(
            {"code": code, "description": detail}, status_code=exc.status_code, headers=headers
        )

    if settings.static_dir.is_dir():
        app.mount("/static", StaticFiles(directory=settings.static_dir), name="static")
    app.mount("/assets", StaticFiles(directory=ASSETS), name="assets")

    for module in (
        health,
        layers,
        map_page,
        mapdata,
        ogc,
        tiles,
        exports,
        docs,
        documents,
        corrections,
    ):
        app.include_router(module.router)
    documents.install_writes(app, settings)
    openapi.install(app)
    app.add_middleware(FastPaths, stores=stores)  # inside the security middleware
    security.install(app, settings)
    return app


WRITES_OFF = (
    "writes are off on this server: POST /documents and POST or DELETE /corrections exist"
    " only when it is started with a token (GEOMAP_API_TOKEN or GEOMAP_API_TOKEN_FILE)"
)


def _a_write_without_token(request: Request) -> bool:
    """Whether the request is one of the write routes, on a server started without a token."""
    path = request.url.path.rstrip("/")
    is_write = (request.method == "POST" and path in ("/documents", "/corrections")) or (
        request.method == "DELETE" and path.startswith("/corrections/")
    )
    return is_write and getattr(request.app.state, "write_token", None) is None


def _methods(request: Request) -> list[str]:
    """The methods the request's path answers to, across all its routes (GET /corrections
    and, with a token, POST /corrections are two routes)."""
    methods: set[str] = set()
    for route in request.app.router.routes:
        if isinstance(route, APIRoute) and route.matches(request.scope)[0] != Match.NONE:
            methods |= route.methods or set()
    return sorted(methods)


SWITCH_INTERVAL = 0.0005
"""Seconds a thread holding the GIL runs before another may take it, in a server: Python's
5 ms would let the threads building pages keep the event loop (and a ``/healthz`` it is
answering) waiting that long each time."""


def serving_app(settings: Settings | None = None) -> FastAPI:
    """The app as ``geomap serve`` runs it (each of its worker processes calls this): that of
    :func:`create_app`, in a process whose threads hand the GIL over every
    :data:`SWITCH_INTERVAL` and whose garbage collector leaves alone what start-up loaded."""
    sys.setswitchinterval(SWITCH_INTERVAL)
    app = create_app(settings)
    # what is loaded by now lives as long as the process: out of the collector's sight, a
    # full collection no longer walks it (tens of milliseconds every request would wait)
    gc.collect()
    gc.freeze()
    return app


def __getattr__(name: str) -> FastAPI:
    """``api.main:app``: the app of the environment's settings, built when first asked for
    (``geomap serve`` builds its own with :func:`serving_app`)."""
    if name == "app":
        globals()["app"] = built = create_app()
        return built
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
