"""POST /documents: ingest one report sent in the request body (needs the write token)."""

from __future__ import annotations

import threading
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse

from api.auth import WriterDep, read_body
from api.deps import SettingsDep
from api.schemas import Error, IngestOut

router = APIRouter(tags=["Documents"])
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
_LOCK = threading.Lock()  # one extraction at a time: the pipeline is not thread-safe


BINARY = {"type": "string", "format": "binary"}
# what the body may be (the format is told by the content first, then name and Content-Type)
REPORT_BODY = {
    "requestBody": {
        "required": True,
        "description": "The report: plain text (UTF-8), an HTML page, a PDF or a DOCX file.",
        "content": {
            "text/plain": {"schema": {"type": "string"}},
            "text/html": {"schema": {"type": "string"}},
            "application/pdf": {"schema": BINARY},
            DOCX: {"schema": BINARY},
        },
    }
}


@router.post(
    "/documents",
    status_code=201,
    openapi_extra=REPORT_BODY,
    response_model=IngestOut,
    responses={
        200: {"model": IngestOut, "description": "already stored from the same extraction"},
        400: {"model": Error},
        401: {"model": Error},
        403: {"model": Error},
        413: {"model": Error},
    },
)
async def ingest_document(
    request: Request,
    _writer: WriterDep,
    settings: SettingsDep,
    name: Annotated[
        str | None,
        Query(description="the report's file name, a hint to its format (report.pdf)"),
    ] = None,
) -> JSONResponse:
    """Ingest the report in the body: plain text, HTML, PDF or DOCX (told by the content, the
    ``name`` and the ``Content-Type``). 201 when added or re-extracted, 200 when the store
    already held it. Needs ``Authorization: Bearer <token>``."""
    body = await read_body(request, settings.api_max_body)
    media_type = request.headers.get("content-type", "").split(";")[0].strip() or None
    out = await run_in_threadpool(_ingest, request, settings, body, name, media_type)
    return JSONResponse(out.model_dump(), status_code=200 if out.outcome == "unchanged" else 201)


def _ingest(
    request: Request, settings: Any, body: bytes, name: str | None, media_type: str | None
) -> IngestOut:
    from geomap.ingest import ingest_document as ingest_one
    from geomap.pipeline import Pipeline
    from geomap.reports.formats import parse_report

    where = (name or "upload")[:200]
    doc = parse_report(body, where, name=name, media_type=media_type)
    with _LOCK:
        pipeline = getattr(request.app.state, "pipeline", None)
        if pipeline is None:
            pipeline = request.app.state.pipeline = Pipeline(settings)
        notes = list(doc.notes)  # what reading refused (front matter), then what extraction cut
        with request.app.state.stores.writing() as store:
            outcome = ingest_one(pipeline, store, doc, warn=notes.append)
    return IngestOut(
        id=doc.id,
        outcome=outcome,
        format=doc.format,
        title=doc.title,
        href=str(request.url_for("document", document_id=doc.id)),
        notes=notes,
    )
