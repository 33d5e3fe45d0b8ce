"""Documents: the text every offset indexes, with the report's metadata."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter

from api.deps import StoreDep
from api.schemas import DocumentOut, Error

router = APIRouter(tags=["Documents"])


@router.get(
    "/documents/{document_id}",
    name="document",
    response_model=DocumentOut,
    responses={404: {"model": Error}},
)
def document(document_id: str, store: StoreDep) -> dict[str, Any]:
    """One stored report: its metadata and the text it was ingested as (for HTML, PDF and
    DOCX, the extracted text). Every ``start``/``end`` offset in the layers (``mentions``,
    ``quote_start``/``quote_end``) indexes this ``text``."""
    return store.document(document_id)
