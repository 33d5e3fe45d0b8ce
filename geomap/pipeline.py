"""The pipeline from a document to its features: recognise -> resolve -> events -> features.

Geocoding goes through geopy's interface: the offline gazetteer geocoder, wrapped by the
persistent cache.
"""

from __future__ import annotations

from typing import Any

from geopy.location import Location

from geomap.cache import GeocodeCache
from geomap.events import extract_events
from geomap.features import extraction_features
from geomap.gazetteer import Gazetteer, GazetteerGeocoder
from geomap.model import Document, Extraction
from geomap.recognise import Recogniser, demonym_countries
from geomap.resolve import resolve
from geomap.settings import Settings


class Pipeline:
    """Holds the gazetteer, the geocoder and the cache; turns documents into extractions."""

    def __init__(self, settings: Settings | None = None) -> None:
        self.settings = settings or Settings()
        self.gazetteer = Gazetteer(self.settings.gazetteer_path)
        self.geocoder = GazetteerGeocoder(self.gazetteer)
        self.cache = GeocodeCache(self.settings.cache_path)
        self._geocode = self.cache.wrap("gazetteer", self.geocoder.geocode)
        self.recogniser = Recogniser(self.gazetteer.has, self.gazetteer.is_big)

    def geocode(self, query: str) -> list[Location]:
        """Candidate places for ``query``, best first, from the cache or the gazetteer."""
        return self._geocode(query)

    def extract(self, document: Document) -> Extraction:
        """Places, incidents and movements of one document."""
        toponyms = self.recogniser.recognise(document.text)
        resolved = resolve(toponyms, self.geocode, demonym_countries(document.text))
        incidents, movements = extract_events(document, resolved)
        return Extraction(document, tuple(resolved), tuple(incidents), tuple(movements))

    def features(self, document: Document) -> dict[str, list[dict[str, Any]]]:
        """The document's GeoJSON features by layer."""
        return extraction_features(self.extract(document))

    def close(self) -> None:
        self.cache.close()
        self.gazetteer.close()
