"""``/healthz``: is the server up and its store readable."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter

from api.deps import StoreDep
from api.schemas import Health

router = APIRouter(tags=["health"])


@router.get("/healthz", response_model=Health)
async def healthz(store: StoreDep) -> dict[str, Any]:
    """``ok`` and the number of stored documents."""
    return {"status": "ok", "documents": store.counts()["documents"]}
