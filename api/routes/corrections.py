"""Corrections over HTTP: listing is open; making or undoing one needs the write token."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse, Response

from api.auth import WriterDep, read_body
from api.deps import SettingsDep, StoreDep
from api.schemas import CorrectionIn, CorrectionOut, Error
from geomap.errors import InvalidParameter, NotFound

router = APIRouter(tags=["Corrections"])
writes = APIRouter(tags=["Corrections"])

MAX_CORRECTION_BODY = 64 * 1024


@router.get("/corrections", response_model=list[CorrectionOut])
async def list_corrections(store: StoreDep) -> list[dict[str, Any]]:
    """Every correction, oldest first: who, when, what, the old and the new values."""
    return [c.to_dict() for c in await run_in_threadpool(store.corrections)]


@writes.post(
    "/corrections",
    status_code=201,
    openapi_extra={
        "requestBody": {
            "required": True,
            "content": {"application/json": {"schema": CorrectionIn.model_json_schema()}},
        }
    },
    response_model=CorrectionOut,
    responses={
        400: {"model": Error},
        401: {"model": Error},
        403: {"model": Error},
        404: {"model": Error},
        413: {"model": Error},
        501: {"model": Error, "description": "the store does not keep corrections (PostGIS)"},
    },
)
async def make_correction(
    request: Request, _writer: WriterDep, settings: SettingsDep
) -> JSONResponse:
    """Correct a feature: ``move`` a place (``to`` a gazetteer id or ``lonlat``), ``set`` an
    incident's ``event_type``/``sub_event_type``/``date``, ``hide`` or ``show`` a feature.
    Needs ``Authorization: Bearer <token>``."""
    body = await read_body(request, min(settings.api_max_body, MAX_CORRECTION_BODY))
    try:
        data = CorrectionIn.model_validate_json(body)
    except ValueError as exc:
        raise InvalidParameter(f"bad correction: {_first_error(exc)}", where="body") from None
    correction = await run_in_threadpool(_correct, request, settings, data)
    return JSONResponse(correction, status_code=201)


@writes.delete(
    "/corrections/{correction_id}",
    status_code=204,
    responses={
        401: {"model": Error},
        403: {"model": Error},
        404: {"model": Error},
        501: {"model": Error, "description": "the store does not keep corrections (PostGIS)"},
    },
)
async def remove_correction(correction_id: str, request: Request, _writer: WriterDep) -> Response:
    """Undo a correction: the features it changed are as extracted again (other corrections
    of them still apply). Needs ``Authorization: Bearer <token>``."""

    def remove() -> int:
        with request.app.state.stores.writing() as store:
            return int(store.remove_corrections([correction_id]))

    if not await run_in_threadpool(remove):
        raise NotFound(f"no correction {correction_id!r}")
    return Response(status_code=204)


def _first_error(exc: Exception) -> str:
    errors = getattr(exc, "errors", None)
    if callable(errors):
        first = errors()[0]
        where = ".".join(str(p) for p in first.get("loc", ()))
        return f"{where}: {first.get('msg')}" if where else str(first.get("msg"))
    return str(exc)


def _correct(request: Request, settings: Any, data: CorrectionIn) -> dict[str, Any]:
    from geomap.correct import correct, move_values

    new: dict[str, Any] = {}
    if data.action == "move":
        new = move_values(settings.gazetteer_path, data.to, data.lonlat)
    elif data.action == "set":
        new = {
            k: v
            for k, v in (
                ("event_type", data.event_type),
                ("sub_event_type", data.sub_event_type),
                ("date", data.date),
            )
            if v is not None
        }
    with request.app.state.stores.writing() as store:
        c = correct(
            store,
            data.layer,
            data.feature_id,
            data.action,
            new=new,
            author=data.author or "api",
            note=data.note,
        )
    return c.to_dict()
