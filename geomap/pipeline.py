"""The pipeline from a document to its features: recognise -> resolve -> events -> features.

Geocoding goes through geopy's interface along one chain: the persistent cache, the offline
gazetteer geocoder, then (only when configured) online geopy services for the mentions the
gazetteer cannot place confidently and for likely place names it lacks.
"""

from __future__ import annotations

import hashlib
import sqlite3
from bisect import bisect_left
from dataclasses import replace
from pathlib import Path
from typing import Any

from geopy.location import Location

from geomap.events.discourse import capital_cities, dateline_town
from geomap.events.extract import extract_events
from geomap.features.features import extraction_features
from geomap.gazetteer.cache import GeocodeCache
from geomap.gazetteer.gazetteer import (
    Gazetteer,
    GazetteerGeocoder,
    index_built,
    name_keys,
    place_from_raw,
)
from geomap.geocoding.online import GeocoderChain, OnlineProvider, build_providers
from geomap.geoparse.propose import Proposal, propose
from geomap.geoparse.recognise import Recogniser, demonym_countries
from geomap.geoparse.resolve import STRAY, resolve
from geomap.geoparse.segment import blocks
from geomap.model import Document, Extraction, Place, Span, Toponym
from geomap.reports.text import content_text
from geomap.settings import Settings


def extractor_fingerprint(gazetteer_built: float, providers: list[str]) -> str:
    """What produced an extraction: this geomap's code, the gazetteer index it used and the
    online services it asked. A stored document from another extraction is re-extracted."""
    digest = hashlib.sha256()
    for source in sorted(Path(__file__).parent.rglob("*.py")):
        digest.update(
            source.relative_to(Path(__file__).parent).as_posix().encode()
            + b"\0"
            + source.read_bytes()
        )
    digest.update(f"{gazetteer_built}|{','.join(providers)}".encode())
    return digest.hexdigest()[:16]


def preload(settings: Settings) -> None:
    """Read now, for every :class:`Pipeline` this process (or a process forked from it) opens,
    what they all share: the gazetteer index's name keys and the given names. Nothing when
    the index is missing (opening a pipeline says so)."""
    from geomap.names.lexicon.given_names import given_names

    given_names()
    if settings.gazetteer_path.exists():
        try:
            name_keys(settings.gazetteer_path)
        except (OSError, sqlite3.Error):
            pass  # opening a pipeline says what is wrong with the index


# A news report names a few hundred places at most; a document is read up to this many.
MAX_DOCUMENT_MENTIONS = 20_000


def _shifted(toponyms: list[Toponym], by: int, names: dict[str, str]) -> list[Toponym]:
    """``toponyms`` found in a block starting at ``by``, with offsets into the whole text (and
    one string per distinct name)."""
    if not by:
        return toponyms
    return [
        replace(
            t,
            span=Span(
                names.setdefault(t.span.text, t.span.text), t.span.start + by, t.span.end + by
            ),
        )
        for t in toponyms
    ]


class Pipeline:
    """Holds the gazetteer, the geocoder chain and the cache; turns documents into extractions.

    ``providers`` overrides the online services the settings name (tests, benchmarks).
    """

    def __init__(
        self, settings: Settings | None = None, providers: list[OnlineProvider] | None = None
    ) -> None:
        self.settings = settings or Settings()
        online = build_providers(self.settings) if providers is None else providers
        self.gazetteer = Gazetteer(self.settings.gazetteer_path)
        self.geocoder = GazetteerGeocoder(self.gazetteer)
        self.cache = GeocodeCache(
            self.settings.cache_path, negative_ttl=self.settings.cache_negative_ttl
        )
        self.chain = GeocoderChain(
            self.cache,
            self.geocoder,
            online,
            gazetteer_built=index_built(self.settings.gazetteer_path),
        )
        self.recogniser = Recogniser(self.gazetteer.names.__contains__, self.gazetteer.strength)
        self.extractor = extractor_fingerprint(
            self.chain.gazetteer_built, [p.config.name for p in online]
        )

    def geocode(self, query: str, **kwargs: Any) -> list[Location]:
        """Candidate places for ``query``, best first, from the cache or the gazetteer."""
        return self.chain.gazetteer_geocode(query, **kwargs)

    def extract(self, document: Document) -> Extraction:
        """Places, incidents and movements of one document, and the mentions left unplaced.

        A text longer than any news report is read block by block (each block is a document of
        its own to the recogniser and the proposer), so that memory stays bounded; a report is
        one block. A document is read up to its ``MAX_DOCUMENT_MENTIONS``-th place mention;
        ``Extraction.notes`` then says where reading stopped."""
        text = content_text(document)
        parts = blocks(text)
        toponyms: list[Toponym] = []
        demonyms: set[str] = set()
        names: dict[str, str] = {}
        notes: list[str] = []
        for k, (a, b) in enumerate(parts):
            part = text if len(parts) == 1 else text[a:b]
            toponyms.extend(_shifted(self.recogniser.recognise(part), a, names))
            demonyms |= demonym_countries(part)
            if len(toponyms) > MAX_DOCUMENT_MENTIONS:
                del toponyms[MAX_DOCUMENT_MENTIONS:]
                stop = toponyms[-1].span.end
                parts = [*parts[:k], (a, stop)]
                notes.append(
                    f"more than {MAX_DOCUMENT_MENTIONS:,} place mentions: read the first"
                    f" {stop:,} of {len(text):,} characters"
                )
                document = replace(document, text=document.text[:stop])
                break
        del names
        resolved = resolve(toponyms, self.geocode, demonyms, text)
        resolved = [t for t in resolved if t.kind_hint != STRAY]  # no place after all
        del toponyms
        resolved = self.chain.stamp(resolved)
        proposals = self._proposals(text, parts, resolved)
        placed, unresolved = self.chain.refine(resolved, proposals, demonyms)
        self.cache.flush()  # this document's gazetteer answers, in one transaction
        placed = dateline_town(text, document.body_start, placed, self._towns)
        # "the Ethiopian capital" as an event's place is the city; the place mention stays the
        # country (how the geoparsing corpora annotate a demonym)
        incidents, movements = extract_events(
            document, capital_cities(text, placed, self.gazetteer.capital)
        )
        return Extraction(
            document,
            tuple(placed),
            tuple(incidents),
            tuple(movements),
            tuple(unresolved),
            tuple(notes),
        )

    def _towns(self, name: str) -> list[Place]:
        """The gazetteer's towns called ``name`` (for a dateline read as a region)."""
        return [
            place_from_raw(loc.raw)
            for loc in self.geocode(name)
            if isinstance(loc.raw, dict) and loc.raw.get("feature_type") == "city"
        ]

    def _proposals(
        self, text: str, parts: list[tuple[int, int]], resolved: list[Toponym]
    ) -> list[Proposal]:
        """Likely place names the gazetteer lacks, block by block, outside ``resolved``."""
        known = self.gazetteer.names.__contains__
        if len(parts) == 1 and parts[0] == (0, len(text)):
            return propose(text, [t.span for t in resolved], known)
        proposals: list[Proposal] = []
        starts = [t.span.start for t in resolved]  # in text order
        for a, b in parts:
            taken = [
                Span(t.span.text, t.span.start - a, t.span.end - a)
                for t in resolved[bisect_left(starts, a) : bisect_left(starts, b)]
            ]
            proposals.extend(
                replace(p, span=Span(p.span.text, p.span.start + a, p.span.end + a))
                for p in propose(text[a:b], taken, known)
            )
        return proposals

    def resolve_spans(self, document: Document, spans: list[Span]) -> list[Toponym]:
        """Resolve given mention spans (gold annotations, say) of ``document`` as
        :meth:`extract` resolves the mentions it recognises: the same kind hints, the same
        document context (the spans themselves and the text's demonyms), no online services."""
        text = content_text(document)
        toponyms = [self.recogniser.describe(text, s.start, s.end) for s in spans]
        return resolve(toponyms, self.geocode, demonym_countries(text), text)

    def features(self, document: Document) -> dict[str, list[dict[str, Any]]]:
        """The document's GeoJSON features by layer."""
        return extraction_features(self.extract(document))

    def close(self) -> None:
        self.cache.close()
        self.gazetteer.close()
