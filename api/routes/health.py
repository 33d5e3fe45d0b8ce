"""``/healthz``: is the server up and its store readable."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter
from fastapi.concurrency import run_in_threadpool

from api.deps import StoreDep
from api.schemas import Health

router = APIRouter(tags=["health"])


@router.get("/healthz", response_model=Health)
async def healthz(store: StoreDep) -> dict[str, Any]:
    """``ok`` and the number of stored documents."""
    if getattr(store, "reads_wait", False):  # a database server: not in the event loop
        counts = await run_in_threadpool(store.counts)
    else:
        counts = store.counts()
    return {"status": "ok", "documents": counts["documents"]}
