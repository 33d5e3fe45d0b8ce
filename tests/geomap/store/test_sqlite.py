"""The embedded SQLite store: idempotent ingest, removal, layer checks."""

from __future__ import annotations

import pytest

from geomap.errors import NotFound
from geomap.pipeline import Pipeline
from geomap.reports.text import parse_document, read_document
from geomap.store.sqlite import SQLiteStore

from ...conftest import SEED


def test_ingest_is_idempotent_and_removable(settings) -> None:  # type: ignore[no-untyped-def]
    pipeline = Pipeline(settings)
    store = SQLiteStore(settings.store_path)
    doc = read_document(SEED)
    assert store.add(doc, pipeline.features(doc)) is True
    before = store.counts()
    assert before["documents"] == 1 and before["movements"] >= 3 and before["places"] >= 9
    assert store.add(doc, pipeline.features(doc)) is False
    assert store.counts() == before

    other = parse_document(b"Soldiers were sent from Kyiv to Lviv on Monday.\n", "other.txt")
    store.add(other, pipeline.features(other))
    assert store.counts()["documents"] == 2
    assert store.remove(doc.id) is True
    after = store.counts()
    assert after["documents"] == 1
    assert {f["properties"]["document_id"] for f in store.layer("places")} == {other.id}
    store.close()
    reopened = SQLiteStore(settings.store_path)  # a real file: the data survives
    assert reopened.counts() == after
    reopened.close()
    pipeline.close()


def test_unknown_layer(settings) -> None:  # type: ignore[no-untyped-def]
    store = SQLiteStore(settings.store_path)
    with pytest.raises(NotFound, match="'roads'"):
        store.layer("roads")
