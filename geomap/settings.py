"""Where geomap keeps its files; set by environment variables ``GEOMAP_*`` or flags."""

from __future__ import annotations

from pathlib import Path, PurePath
from typing import Annotated, Any

from pydantic import field_validator
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
    store_readers: int = 4  # read-only connections the server keeps open to the store
    map_limit: int = 5000  # most features of a layer /map embeds (the newest by date first)

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

    @property
    def store_url(self) -> str | None:
        """The PostgreSQL URL of the store, None when it is a SQLite file."""
        store = self.store or ""
        return store if store.startswith(("postgresql://", "postgres://")) else None

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
