"""Where geomap keeps its files; set by environment variables ``GEOMAP_*`` or flags."""

from __future__ import annotations

import re
from pathlib import Path, PurePath
from typing import Annotated, Any

from pydantic import SecretStr, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

_CHECKOUT = Path(__file__).resolve().parents[1]
_IN_CHECKOUT = (_CHECKOUT / "pyproject.toml").exists()
DEFAULT_DATA_DIR = _CHECKOUT / "data" if _IN_CHECKOUT else Path.home() / ".local/share/geomap"
DEFAULT_STATIC_DIR = _CHECKOUT / "static"


class Settings(BaseSettings):
    """Paths of the store, the geocode cache and the gazetteer index; the online geocoders.

    Online geocoders are off by default. ``GEOMAP_GEOCODERS=nominatim,photon`` names geopy
    services asked, in order, for mentions the gazetteer cannot place confidently;
    ``GEOMAP_GEOCODER_URL`` points the first of them at a server of your own (then a user agent
    defaults to ``geomap/<version>``; public services need ``GEOMAP_USER_AGENT``).
    ``GEOMAP_GEOCODER_OPTIONS`` (JSON, by service name) sets ``min_delay``, ``timeout``,
    ``retries`` per service and passes any other key to the geopy class (``api_key``...).
    """

    model_config = SettingsConfigDict(env_prefix="GEOMAP_")

    data_dir: Path = DEFAULT_DATA_DIR
    store: str | None = None  # a SQLite file, or a postgresql:// URL (the PostGIS store)
    cache: Path | None = None
    gazetteer: Path | None = None
    static_dir: Path = DEFAULT_STATIC_DIR
    store_readers: int = 4  # threads of a server process reading the store at once
    workers: int = 1  # `geomap serve` processes (each with its own read-only connections)
    map_limit: int = 5000  # most features of a layer /map embeds (the newest by date first)

    # the server's address as its users reach it: links, Host checks, CORS (see api/security.py)
    host: str = "127.0.0.1"  # the address `geomap serve` binds; its Host forms are allowed
    public_url: str | None = None  # e.g. https://maps.example.org/geomap: every link built on it
    allowed_hosts: Annotated[list[str], NoDecode] = []  # Host header values accepted (+ defaults)
    cors_origins: Annotated[list[str], NoDecode] = []  # origins allowed by CORS (none: no CORS)

    geocoders: Annotated[list[str], NoDecode] = []
    geocoder_url: str | None = None
    user_agent: str | None = None
    geocoder_min_delay: float | None = None  # seconds between requests; None: per service
    geocoder_timeout: float = 10.0  # seconds per request
    geocoder_retries: int = 2  # retries after a timeout, 429, 5xx or refused connection
    geocoder_backoff: float = 1.0  # first wait before a retry, doubled each time
    geocoder_max_wait: float = 60.0  # longest wait honoured (Retry-After, backoff)
    geocoder_options: dict[str, dict[str, Any]] = {}
    cache_negative_ttl: float = 30 * 86400.0  # seconds an empty answer stays cached

    # writes over HTTP (POST /documents, corrections) exist only with a token
    api_token: SecretStr | None = None
    api_token_file: Path | None = None  # a file holding the token (its first line)
    api_max_body: int = 25 * 1024 * 1024  # bytes of one request body (a report)

    map_poll_seconds: float = 10.0  # how often an open /map asks whether the store changed

    feeds: Path | None = None  # which feed entries were ingested (default data/feeds.sqlite)
    fetch_timeout: float = 20.0  # seconds for one report fetched over HTTP, whole transfer
    fetch_max_bytes: int = 25 * 1024 * 1024  # the largest report fetched

    @field_validator("geocoders", mode="before")
    @classmethod
    def _split_names(cls, value: Any) -> Any:
        """``"nominatim, photon"`` (the environment's form) -> ``["nominatim", "photon"]``."""
        if isinstance(value, str):
            return [v.strip().lower() for v in value.split(",") if v.strip()]
        return value

    @field_validator("store", mode="before")
    @classmethod
    def _store_text(cls, value: Any) -> Any:
        """A path given as a ``Path`` is kept as its text (a URL must keep its ``//``)."""
        return str(value) if isinstance(value, PurePath) else value

    @field_validator("store")
    @classmethod
    def _store_kind(cls, value: str | None) -> str | None:
        """A URL of another kind than ``postgresql://`` is refused, not taken for a file name."""
        scheme = re.match(r"([A-Za-z][A-Za-z0-9+.-]*)://", value or "")
        if scheme and scheme[1] not in ("postgresql", "postgres"):
            raise ValueError(
                f"{scheme[0]}… is not a store geomap opens: give a SQLite file or a"
                " postgresql://USER:PASS@HOST:PORT/DB URL"
            )
        return value

    @property
    def store_url(self) -> str | None:
        """The PostgreSQL URL of the store, None when it is a SQLite file."""
        store = self.store or ""
        return store if store.startswith(("postgresql://", "postgres://")) else None

    @field_validator("allowed_hosts", "cors_origins", mode="before")
    @classmethod
    def _split_list(cls, value: Any) -> Any:
        """``"a.example, b.example"`` (the environment's form) -> ``["a.example", "b.example"]``."""
        if isinstance(value, str):
            return [v.strip() for v in value.split(",") if v.strip()]
        return value

    @field_validator("cors_origins")
    @classmethod
    def _check_origins(cls, value: list[str]) -> list[str]:
        """Each origin as browsers send it (``https://app.example.org``, ``http://127.0.0.1:
        5173``: scheme and host in lower case, no path) or ``*``; anything else is refused
        naming it, since CORS compares origins exactly and would never match it."""
        return [_origin(v) for v in value]

    @field_validator("public_url")
    @classmethod
    def _check_public_url(cls, value: str | None) -> str | None:
        """An absolute http(s) URL without query or fragment, kept without its trailing slash."""
        if value is None or not value.strip():
            return None
        from urllib.parse import urlsplit

        text = value.strip()
        try:
            parts = urlsplit(text)
            parts.port  # noqa: B018 (raises ValueError for a bad port)
        except ValueError as exc:
            raise ValueError(f"public URL {value!r} is not a URL ({exc})") from None
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise ValueError(
                f"public URL {value!r} must be an absolute http(s) URL such as"
                " https://maps.example.org/geomap"
            )
        if parts.query or parts.fragment or parts.username or parts.password:
            raise ValueError(
                f"public URL {value!r} must not carry a query, a fragment or credentials"
            )
        return text.rstrip("/")

    @property
    def store_path(self) -> Path:
        """The SQLite store file (StoreError when the store is a PostgreSQL URL)."""
        if self.store_url:
            from geomap.errors import StoreError

            raise StoreError("the store is a PostgreSQL database, not a SQLite file")
        return Path(self.store) if self.store else self.data_dir / "geomap.sqlite"

    @property
    def store_label(self) -> str:
        """How messages name the store: its file, or its URL without the password."""
        if self.store_url:
            from geomap.store.postgis import redact

            return redact(self.store_url)
        return str(self.store_path)

    @property
    def cache_path(self) -> Path:
        return self.cache or self.data_dir / "geocode-cache.sqlite"

    @property
    def gazetteer_path(self) -> Path:
        return self.gazetteer or self.data_dir / "gazetteer.sqlite"

    def write_token(self) -> str | None:
        """The bearer token writes need (``GEOMAP_API_TOKEN``, else the first line of
        ``GEOMAP_API_TOKEN_FILE``), or None when writes over HTTP are off."""
        if self.api_token is not None and self.api_token.get_secret_value().strip():
            return self.api_token.get_secret_value().strip()
        if self.api_token_file is not None:
            try:
                lines = self.api_token_file.read_text(encoding="utf-8").splitlines()
            except (OSError, UnicodeDecodeError) as exc:
                from geomap.errors import InputError

                raise InputError(
                    f"cannot read the API token file ({exc.__class__.__name__})",
                    where="GEOMAP_API_TOKEN_FILE",
                ) from None
            token = lines[0].strip() if lines else ""
            if not token:
                from geomap.errors import InputError

                raise InputError("the API token file is empty", where="GEOMAP_API_TOKEN_FILE")
            return token
        return None

    @property
    def feeds_path(self) -> Path:
        return self.feeds or self.data_dir / "feeds.sqlite"


def _origin(value: str) -> str:
    """``value`` as a CORS origin (see ``Settings._check_origins``), or ValueError naming it."""
    from urllib.parse import urlsplit

    text = value.strip()
    if text == "*":
        return text
    example = "give scheme://host[:port], such as https://app.example.org"
    try:
        parts = urlsplit(text)
        parts.port  # noqa: B018 (raises ValueError for a bad port)
    except ValueError as exc:
        raise ValueError(f"CORS origin {value!r} is not an origin ({exc}); {example}") from None
    host = parts.hostname or ""
    if parts.scheme.lower() not in ("http", "https") or not host or " " in host:
        raise ValueError(f"CORS origin {value!r} is not an origin; {example}")
    if parts.path not in ("", "/") or parts.query or parts.fragment or "@" in parts.netloc:
        raise ValueError(
            f"CORS origin {value!r} has a path, query or credentials, which an origin never"
            f" has; {example}"
        )
    scheme, netloc = parts.scheme.lower(), parts.netloc.lower()
    if parts.port == {"http": 80, "https": 443}[scheme]:  # browsers leave the default out
        netloc = netloc.rsplit(":", 1)[0]
    return f"{scheme}://{netloc}"
