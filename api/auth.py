"""Bearer-token authentication for writes, and bounded request bodies.

Writes over HTTP exist only when a token is configured (``GEOMAP_API_TOKEN`` or
``GEOMAP_API_TOKEN_FILE``). A request without ``Authorization: Bearer …`` is 401 (with
``WWW-Authenticate: Bearer``); one with another token is 403. Tokens are compared in constant
time (``hmac.compare_digest``). Bodies are read up to ``GEOMAP_API_MAX_BODY`` bytes: a larger
``Content-Length`` is refused before reading, and a body that grows past it while streaming is
refused at that point (413).
"""

from __future__ import annotations

import hmac
from typing import Annotated

from fastapi import Depends, Request

from geomap.errors import Forbidden, PayloadTooLarge, Unauthorized


def require_token(request: Request) -> None:
    """Let the request through only with the configured bearer token."""
    expected = request.app.state.write_token
    header = request.headers.get("authorization", "")
    scheme, _, given = header.partition(" ")
    if scheme.lower() != "bearer" or not given.strip():
        raise Unauthorized("this write needs 'Authorization: Bearer <token>'")
    if not hmac.compare_digest(given.strip().encode("utf-8"), expected.encode("utf-8")):
        raise Forbidden("the bearer token is not the one this server accepts")


WriterDep = Annotated[None, Depends(require_token)]


async def read_body(request: Request, limit: int) -> bytes:
    """The request body, refused (PayloadTooLarge) when it is or grows over ``limit`` bytes."""
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        raise PayloadTooLarge(f"request body of {int(declared)} bytes; the limit is {limit}")
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise PayloadTooLarge(f"request body over the limit of {limit} bytes")
        chunks.append(chunk)
    return b"".join(chunks)
