"""The FastAPI application: wiring only (routers in :mod:`api.routes`, dependencies in
:mod:`api.deps`)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse
from fastapi.staticfiles import StaticFiles

from api.deps import Stores
from api.routes import exports, health, layers, ogc, tiles
from api.routes import map as map_page
from geomap.errors import GeomapError
from geomap.settings import Settings


def create_app(settings: Settings | None = None) -> FastAPI:
    """The app, reading from the store named by ``settings`` (read-only, opened on the first
    request and shared by all; the app never writes it)."""
    settings = settings or Settings()
    stores = Stores(settings)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        yield
        stores.close()

    app = FastAPI(
        title="geomap",
        version="0.1.0",
        description="Places, incidents and movements extracted from news reports.",
        lifespan=lifespan,
    )
    app.state.settings = settings
    app.state.stores = stores

    @app.exception_handler(GeomapError)
    async def geomap_error(_request: Request, exc: GeomapError) -> JSONResponse:
        return JSONResponse(exc.to_dict(), status_code=exc.status)

    if settings.static_dir.is_dir():
        app.mount("/static", StaticFiles(directory=settings.static_dir), name="static")

    for module in (health, layers, map_page, ogc, tiles, exports):
        app.include_router(module.router)
    ogc.install_openapi(app)
    return app


app = create_app()
