"""Ingest reports into a store: one document at a time, with a tally of what happened.

Shared by ``geomap ingest`` and ``POST /documents``; knows nothing of terminals or HTTP.
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass, field
from typing import Literal

from geomap.features.features import extraction_features
from geomap.model import Document, Unresolved
from geomap.pipeline import Pipeline
from geomap.store.base import Store

Outcome = Literal["added", "refreshed", "unchanged"]


@dataclass
class Tally:
    """Counts of one ingest run and the mentions it could not place, by document path."""

    added: int = 0
    refreshed: int = 0
    unchanged: int = 0
    failed: int = 0
    unresolved: list[tuple[Document, Unresolved]] = field(default_factory=list)

    def count(self, outcome: Outcome) -> None:
        setattr(self, outcome, getattr(self, outcome) + 1)


def ingest_document(
    pipeline: Pipeline,
    store: Store,
    document: Document,
    tally: Tally | None = None,
    *,
    extractor: str | None = None,
    warn: Callable[[str], None] | None = None,
    extracting: Callable[[], AbstractContextManager[object]] = nullcontext,
    storing: Callable[[], AbstractContextManager[object]] = nullcontext,
) -> Outcome:
    """Extract ``document`` and store it, unless the store holds it from this same extraction
    (``unchanged``); a document extracted by another geomap, index or geocoder set-up (or
    with other metadata: ``extractor`` then names the run) is re-extracted (``refreshed``).
    Unresolved mentions go to ``tally``; what the extraction noted (a text cut short) to
    ``warn``. The extraction runs inside ``extracting()`` and the write inside ``storing()``
    (a caller's way to name the file a failed write was for)."""
    extractor = extractor or pipeline.extractor
    stored = store.extractor_of(document.id)
    if stored == extractor:
        outcome: Outcome = "unchanged"
    else:
        with extracting():
            extraction = pipeline.extract(document)
        if warn is not None:
            for note in extraction.notes:
                warn(note)
        with storing():
            store.add(
                document,
                extraction_features(extraction),
                extractor,
                replace=stored is not None,
            )
        outcome = "added" if stored is None else "refreshed"
        if tally is not None:
            tally.unresolved.extend((document, u) for u in extraction.unresolved)
    if tally is not None:
        tally.count(outcome)
    return outcome


def unresolved_of(pipeline: Pipeline, document: Document) -> list[Unresolved]:
    """The mentions of ``document`` that look like places but no geocoder could place."""
    return list(pipeline.extract(document).unresolved)
