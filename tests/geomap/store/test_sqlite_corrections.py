"""Corrections in the SQLite store: kept apart from the extractions and applied when a merged
feature is written, so every read (counts, extents, bbox, pages, one feature) sees them without
merging or correcting anything itself."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from typing import Any

import pytest

from geomap.errors import NotFound
from geomap.features.corrections import Correction
from geomap.pipeline import Pipeline
from geomap.reports.text import parse_document
from geomap.settings import Settings
from geomap.store.base import Query
from geomap.store.sqlite import SQLiteStore

# invented: a journey between two cities and an attack in a third, a day apart
REPORT = (
    b"Soldiers were sent from Kyiv to Lviv on 3 March 2022.\n\n"
    b"A car bomb exploded in Odesa on 4 March 2022, killing two people.\n"
)
FAR_AWAY = (10.0, 50.0)  # nowhere near any of those cities


@pytest.fixture
def world(settings: Settings) -> Iterator[tuple[SQLiteStore, Pipeline, Any]]:
    pipeline = Pipeline(settings)
    store = SQLiteStore(settings.store_path)
    doc = parse_document(REPORT, "report.txt")
    assert store.add(doc, pipeline.features(doc))
    yield store, pipeline, doc
    store.close()  # closing twice is harmless
    pipeline.close()


def _attack(store: SQLiteStore) -> dict[str, Any]:
    return next(f for f in store.layer("incidents") if f["properties"]["event_type"] == "attack")


def _near(point: tuple[float, float], d: float = 0.5) -> tuple[float, float, float, float]:
    return (point[0] - d, point[1] - d, point[0] + d, point[1] + d)


def test_a_hidden_feature_is_gone_from_every_read_and_comes_back(world) -> None:  # type: ignore[no-untyped-def]
    store, _, _ = world
    attack = _attack(store)
    before = store.counts()["incidents"]
    version = store.version()
    box = _near(tuple(attack["geometry"]["coordinates"]))
    assert store.count(Query("incidents", box)) == 1

    hide = Correction("incidents", attack["id"], "hide", author="analyst")
    assert store.add_corrections([hide]) == 1
    assert store.add_corrections([hide]) == 0  # the same correction twice is stored once
    assert store.version() != version
    assert store.counts()["incidents"] == before - 1
    assert store.layer_stats("incidents").count == before - 1
    assert store.count(Query("incidents", box)) == 0
    assert store.select(Query("incidents")).matched == before - 1
    with pytest.raises(NotFound):
        store.feature("incidents", attack["id"])
    health = store.health(check=True)
    assert health["problems"] == []
    assert health["layers"]["incidents"]["hidden"] == 1

    assert store.remove_corrections([hide.id]) == 1
    assert store.counts()["incidents"] == before
    back = store.feature("incidents", attack["id"])
    assert back["properties"]["corrected"] is False
    assert store.health(check=True)["problems"] == []


def test_a_moved_place_moves_its_events_in_the_indexes(world) -> None:  # type: ignore[no-untyped-def]
    store, _, _ = world
    attack = _attack(store)
    place_id = attack["properties"]["gazetteer_id"]
    old = tuple(attack["geometry"]["coordinates"])
    move = Correction(
        "places", place_id, "move", new={"lon": FAR_AWAY[0], "lat": FAR_AWAY[1]}, author="a"
    )
    store.add_corrections([move])

    place = store.feature("places", place_id)
    assert place["geometry"]["coordinates"] == list(FAR_AWAY)
    assert place["properties"]["corrected"] is True
    moved = store.feature("incidents", attack["id"])
    assert moved["geometry"]["coordinates"] == list(FAR_AWAY)
    assert moved["properties"]["corrections"] == move.id
    # found by the spatial index at the new point, not at the old one
    assert [f["id"] for f in store.select(Query("incidents", _near(FAR_AWAY))).decoded()] == [
        attack["id"]
    ]
    assert store.count(Query("incidents", _near(old))) == 0
    assert store.count(Query("places", _near(FAR_AWAY))) == 1
    stats = store.layer_stats("incidents")
    assert stats.bbox is not None and stats.bbox[0] <= FAR_AWAY[0] <= stats.bbox[2]
    # another place's journey is untouched
    movement = store.layer("movements")[0]
    assert movement["properties"]["corrected"] is False
    assert store.health(check=True)["problems"] == []


def test_a_moved_origin_redraws_the_movement(world) -> None:  # type: ignore[no-untyped-def]
    store, _, _ = world
    movement = store.layer("movements")[0]
    origin = movement["properties"]["origin_id"]
    store.add_corrections(
        [Correction("places", origin, "move", new={"lon": FAR_AWAY[0], "lat": FAR_AWAY[1]})]
    )
    redrawn = store.feature("movements", movement["id"])
    first = redrawn["geometry"]["coordinates"][0][0]
    assert [round(v, 6) for v in first[:2]] == list(FAR_AWAY)
    assert redrawn["properties"]["corrected"] is True
    assert store.count(Query("movements", _near(FAR_AWAY))) == 1


def test_corrections_survive_reextraction_and_a_second_report(world, settings) -> None:  # type: ignore[no-untyped-def]
    store, pipeline, doc = world
    attack = _attack(store)
    fix = Correction("incidents", attack["id"], "set", new={"event_type": "shelling"}, author="a")
    hide = Correction("movements", store.layer("movements")[0]["id"], "hide", author="a")
    store.add_corrections([fix, hide])

    # re-extraction (a new geomap version) writes the merged features again
    assert store.add(doc, pipeline.features(doc), "another extractor", replace=True)
    kinds = {f["id"]: f["properties"]["event_type"] for f in store.layer("incidents")}
    assert kinds[attack["id"]] == "shelling"
    assert store.counts()["movements"] == 0

    # a second report of the same events merges in: still corrected
    other = parse_document(REPORT.replace(b"two", b"three"), "other.txt")
    store.add(other, pipeline.features(other))
    merged = store.feature("incidents", attack["id"])
    assert merged["properties"]["event_type"] == "shelling"
    assert merged["properties"]["n_sources"] == 2
    assert store.counts()["movements"] == 0
    assert store.health(check=True)["problems"] == []

    # removing the corrections gives back what was extracted
    store.remove_corrections([fix.id, hide.id])
    assert store.feature("incidents", attack["id"])["properties"]["event_type"] == "attack"
    assert store.counts()["movements"] == 1
    assert [c.id for c in store.corrections()] == []


def test_a_schema_5_store_takes_corrections_after_migrating(world, settings) -> None:  # type: ignore[no-untyped-def]
    store, pipeline, doc = world
    counts = store.counts()
    store.close()
    # the store as schema 5 had it: no url/format, no corrections, hidden or change counter
    con = sqlite3.connect(settings.store_path)
    con.executescript(
        """
        DROP TABLE corrections; DROP TABLE hidden; DROP TABLE meta;
        DROP INDEX features_gazetteer_id; DROP INDEX features_origin_id;
        DROP INDEX features_destination_id;
        ALTER TABLE documents DROP COLUMN url; ALTER TABLE documents DROP COLUMN format;
        PRAGMA user_version=5;
        """
    )
    con.close()
    migrated = SQLiteStore(settings.store_path)
    try:
        assert migrated.migrated_from == 5
        assert migrated.counts() == counts
        assert migrated.document(doc.id)["format"] == "text"
        attack = _attack(migrated)
        migrated.add_corrections([Correction("incidents", attack["id"], "hide")])
        assert migrated.counts()["incidents"] == counts["incidents"] - 1
        assert migrated.health(check=True)["problems"] == []
    finally:
        migrated.close()
