"""Documents: the text every offset indexes, with the report's metadata."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, FastAPI, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse

from api.deps import StoreDep
from api.schemas import DocumentOut, Error
from geomap.errors import Unauthorized
from geomap.settings import Settings

router = APIRouter(tags=["Documents"])


@router.get(
    "/documents/{document_id}",
    name="document",
    response_model=DocumentOut,
    responses={404: {"model": Error}},
)
async def document(document_id: str, store: StoreDep) -> dict[str, Any]:
    """One stored report: its metadata and the text it was ingested as (for HTML, PDF and
    DOCX, the extracted text). Every ``start``/``end`` offset in the layers (``mentions``,
    ``quote_start``/``quote_end``) indexes this ``text``."""
    return await run_in_threadpool(store.document, document_id)


def install_writes(app: FastAPI, settings: Settings) -> None:
    """Only when a write token is configured, add the write routes (POST /documents, POST and
    DELETE /corrections) with their 401 answer."""
    from api.routes import corrections, ingest

    token = settings.write_token()
    app.state.write_token = token
    if token is None:
        return
    app.include_router(ingest.router)
    app.include_router(corrections.writes)

    @app.exception_handler(Unauthorized)
    async def unauthorized(_request: Request, exc: Unauthorized) -> JSONResponse:
        return JSONResponse(
            exc.to_dict(), status_code=exc.status, headers={"WWW-Authenticate": "Bearer"}
        )
