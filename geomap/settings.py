"""Where geomap keeps its files; set by environment variables ``GEOMAP_*`` or flags."""

from __future__ import annotations

from pathlib import Path

from pydantic_settings import BaseSettings, SettingsConfigDict

_CHECKOUT = Path(__file__).resolve().parents[1]
_IN_CHECKOUT = (_CHECKOUT / "pyproject.toml").exists()
DEFAULT_DATA_DIR = _CHECKOUT / "data" if _IN_CHECKOUT else Path.home() / ".local/share/geomap"
DEFAULT_STATIC_DIR = _CHECKOUT / "static"


class Settings(BaseSettings):
    """Paths of the store, the geocode cache and the gazetteer index."""

    model_config = SettingsConfigDict(env_prefix="GEOMAP_")

    data_dir: Path = DEFAULT_DATA_DIR
    store: Path | None = None
    cache: Path | None = None
    gazetteer: Path | None = None
    static_dir: Path = DEFAULT_STATIC_DIR

    @property
    def store_path(self) -> Path:
        return self.store or self.data_dir / "geomap.sqlite"

    @property
    def cache_path(self) -> Path:
        return self.cache or self.data_dir / "geocode-cache.sqlite"

    @property
    def gazetteer_path(self) -> Path:
        return self.gazetteer or self.data_dir / "gazetteer.sqlite"
