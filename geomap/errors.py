"""One error root for geomap.

Every error carries the HTTP status the API answers with, so `api/` needs one handler, and
inherits the built-in it resembles so plain ``except ValueError`` code keeps working.
"""

from __future__ import annotations


class GeomapError(Exception):
    """Root of every error geomap raises on purpose."""

    status: int = 500
    code: str = "internal_error"

    def __init__(self, message: str, *, where: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.where = where

    def __str__(self) -> str:
        return f"{self.where}: {self.message}" if self.where else self.message

    def __reduce__(self) -> tuple[object, ...]:
        """Pickled whole (``where`` included): errors travel back from worker processes."""
        return (type(self), (self.message,), {"where": self.where})

    def to_dict(self) -> dict[str, object]:
        """The JSON body the API sends for this error."""
        body: dict[str, object] = {"code": self.code, "description": self.message}
        if self.where:
            body["where"] = self.where
        return body


class InputError(GeomapError, ValueError):
    """A document that cannot be read: missing, binary, empty or badly encoded."""

    status = 400
    code = "bad_input"


class OutputError(GeomapError, OSError):
    """A file that cannot be written: no such folder, a folder, a full disk, a read-only
    location, no permission."""

    status = 500
    code = "output_error"


class InvalidParameter(GeomapError, ValueError):
    """A query or command parameter with a bad value."""

    status = 400
    code = "invalid_parameter"


class NotFound(GeomapError, LookupError):
    """A layer, collection or feature that does not exist."""

    status = 404
    code = "not_found"


class GazetteerMissing(GeomapError, FileNotFoundError):
    """The gazetteer index has not been built."""

    status = 503
    code = "gazetteer_missing"


class GeocodingError(GeomapError, RuntimeError):
    """A geocoding provider failed."""

    status = 502
    code = "geocoder_error"


class GeocodingTimeout(GeocodingError, TimeoutError):
    """A geocoding provider did not answer in time."""

    status = 504
    code = "geocoder_timeout"


class StoreError(GeomapError, RuntimeError):
    """The store could not be opened, read or written. ``where`` names the file for the
    command line; the API's body leaves it out (no local path goes over HTTP)."""

    status = 500
    code = "store_error"

    def to_dict(self) -> dict[str, object]:
        return {"code": self.code, "description": self.message}


class FetchError(GeomapError, ConnectionError):
    """A report could not be fetched over HTTP: refused by robots.txt, too large, timed out,
    an error status or an unreachable host."""

    status = 502
    code = "fetch_failed"


class Unauthorized(GeomapError, PermissionError):
    """A write without credentials (no bearer token)."""

    status = 401
    code = "unauthorized"


class Forbidden(GeomapError, PermissionError):
    """A write with credentials that are not the configured ones."""

    status = 403
    code = "forbidden"


class PayloadTooLarge(GeomapError, ValueError):
    """A request body over the configured limit."""

    status = 413
    code = "payload_too_large"


class Unsupported(GeomapError, NotImplementedError):
    """Something this store or set-up does not do (yet): corrections on the PostGIS store."""

    status = 501
    code = "not_supported"

    def to_dict(self) -> dict[str, object]:
        return {"code": self.code, "description": self.message}  # no store address over HTTP
