"""``/docs`` (Swagger UI) and ``/redoc`` (ReDoc): the API document rendered by files from npm
(``swagger-ui-dist``, ``redoc`` in ``static/package.json``) that this app serves itself, so
both work offline, under the default Content-Security-Policy (no inline script)."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from api.html import asset_url, esc, static_url

router = APIRouter(include_in_schema=False)

SWAGGER = "node_modules/swagger-ui-dist/"
REDOC = "node_modules/redoc/bundles/redoc.standalone.js"


@router.get("/docs", name="swagger_ui_html")
async def swagger_ui(request: Request) -> HTMLResponse:
    """Swagger UI over ``/openapi.json``."""
    spec = str(request.url_for("openapi"))
    return HTMLResponse(
        "<!doctype html><html lang='en'><head><meta charset='utf-8'>"
        "<title>geomap – API (Swagger UI)</title><link rel='icon' href='data:,'>"
        f"<link rel='stylesheet' href='{esc(static_url(request, SWAGGER + 'swagger-ui.css'))}'>"
        "</head><body>"
        f"<div id='swagger-ui' data-openapi='{esc(spec)}'></div>"
        f"<script src='{esc(static_url(request, SWAGGER + 'swagger-ui-bundle.js'))}'></script>"
        f"<script src='{esc(static_url(request, SWAGGER + 'swagger-ui-standalone-preset.js'))}'>"
        "</script>"
        f"<script src='{esc(asset_url(request, 'docs.js'))}'></script>"
        "</body></html>"
    )


@router.get("/redoc", name="redoc_html")
async def redoc(request: Request) -> HTMLResponse:
    """ReDoc over ``/openapi.json``."""
    spec = str(request.url_for("openapi"))
    return HTMLResponse(
        "<!doctype html><html lang='en'><head><meta charset='utf-8'>"
        "<title>geomap – API (ReDoc)</title><link rel='icon' href='data:,'>"
        "<meta name='viewport' content='width=device-width, initial-scale=1'></head><body>"
        f"<redoc spec-url='{esc(spec)}'></redoc>"
        f"<script src='{esc(static_url(request, REDOC))}'></script>"
        "</body></html>"
    )
