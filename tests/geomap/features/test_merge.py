"""Merging: the same event from several reports becomes one feature listing every source;
re-ingesting is idempotent; removing a document removes only what it alone supported."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from geomap.features.merge import merge_append, merge_features, merge_group, merge_state
from geomap.pipeline import Pipeline
from geomap.reports.text import read_document
from geomap.store.migrations import SCHEMA_VERSION
from geomap.store.sqlite import SQLiteStore

MERGE = Path(__file__).resolve().parents[2] / "data" / "merge"
A = MERGE / "a_tijuana_deported.txt"
B = MERGE / "b_tapachula_arrivals.txt"


def _feature(fid: str, doc: str, confidence: int, **extra: object) -> dict[str, object]:
    return {
        "type": "Feature",
        "id": fid,
        "geometry": {"type": "Point", "coordinates": [0.0, 0.0]},
        "properties": {
            "id": fid,
            "document_id": doc,
            "extraction_confidence": confidence,
            "n_sources": 1,
            "sources": f"Source {doc}",
            "document_ids": doc,
            "actor1": None,
            **extra,
        },
    }


def test_merge_keeps_the_most_confident_report_and_lists_all_sources() -> None:
    merged = merge_features(
        [
            _feature("e1", "d1", 40, quote="weak"),
            _feature("e2", "d1", 70, quote="other"),
            _feature("e1", "d2", 70, quote="strong", actor1="Police"),
        ]
    )
    assert [f["id"] for f in merged] == ["e1", "e2"]  # first-seen order
    props = merged[0]["properties"]
    assert props["quote"] == "strong"
    assert props["n_sources"] == 2
    assert props["document_ids"] == "d1;d2"
    assert props["sources"] == "Source d1; Source d2"
    assert props["actor1"] == "Police"
    assert props["extraction_confidence"] == 80  # corroborated by a second source
    assert merged[1]["properties"]["n_sources"] == 1


def test_one_document_reporting_twice_is_one_source() -> None:
    merged = merge_features([_feature("e1", "d1", 60), _feature("e1", "d1", 60)])
    assert len(merged) == 1
    assert merged[0]["properties"]["n_sources"] == 1
    assert merged[0]["properties"]["extraction_confidence"] == 60


@given(
    st.lists(
        st.tuples(
            st.sampled_from("abcde"), st.sampled_from(["d1", "d2", "d3"]), st.integers(0, 100)
        ),
        max_size=30,
    )
)
def test_merge_invariants(rows: list[tuple[str, str, int]]) -> None:
    merged = merge_features([_feature(f, d, c) for f, d, c in rows])
    assert sorted(f["id"] for f in merged) == sorted({f for f, _, _ in rows})
    for f in merged:
        docs = {d for fid, d, _ in rows if fid == f["id"]}
        assert f["properties"]["n_sources"] == len(docs)
        assert set(f["properties"]["document_ids"].split(";")) == docs


@pytest.fixture
def two_reports(settings):  # type: ignore[no-untyped-def]
    pipeline = Pipeline(settings)
    store = SQLiteStore(settings.store_path)
    docs = [read_document(A), read_document(B)]
    for doc in docs:
        assert store.add(doc, pipeline.features(doc))
    yield store, pipeline, docs
    store.close()
    pipeline.close()


def _deportations(store: SQLiteStore) -> list[dict]:  # type: ignore[type-arg]
    return [
        f
        for f in store.layer("movements")
        if (f["properties"]["origin"], f["properties"]["destination"]) == ("Tijuana", "Tapachula")
    ]


def test_two_reports_of_one_deportation_merge(two_reports) -> None:  # type: ignore[no-untyped-def]
    store, _, (a, b) = two_reports
    found = _deportations(store)
    assert len(found) == 1, found
    props = found[0]["properties"]
    assert props["movement_type"] == "deported"
    assert (props["date_start"], props["time_precision"]) == ("2024-05-14", 1)
    assert props["n_sources"] == 2
    assert props["document_ids"].split(";") == [a.id, b.id]
    assert "The Border Chronicle: Mexico deports 120 migrants" in props["sources"]
    assert "The Chiapas Herald: Buses of returned migrants reach Chiapas" in props["sources"]
    incident = [
        f["properties"]
        for f in store.layer("incidents")
        if f["properties"]["event_type"] == "deportation"
    ]
    assert len(incident) == 1 and incident[0]["n_sources"] == 2
    # the merged feature is also what the single-feature lookup returns
    assert store.feature("movements", found[0]["id"]) == found[0]
    # the counts are of merged features
    assert store.counts()["movements"] == len(store.layer("movements"))


def test_reingest_is_idempotent(two_reports) -> None:  # type: ignore[no-untyped-def]
    store, pipeline, docs = two_reports
    before = (store.counts(), json.dumps(store.layer("movements")))
    for doc in docs:
        assert store.add(doc, pipeline.features(doc)) is False
    assert (store.counts(), json.dumps(store.layer("movements"))) == before


def test_removing_a_source_keeps_what_others_support(two_reports) -> None:  # type: ignore[no-untyped-def]
    store, _, (a, b) = two_reports
    tijuana_only_in_a = {
        f["id"] for f in store.layer("places") if f["properties"]["document_ids"] == a.id
    }
    assert store.remove(a.id)
    (left,) = _deportations(store)
    assert left["properties"]["n_sources"] == 1
    assert left["properties"]["document_ids"] == b.id
    assert "Border Chronicle" not in left["properties"]["sources"]
    assert not tijuana_only_in_a & {f["id"] for f in store.layer("places")}
    assert store.remove(b.id)
    assert _deportations(store) == []
    assert store.counts() == {"places": 0, "incidents": 0, "movements": 0, "documents": 0}


def test_version_1_store_is_migrated(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    con = sqlite3.connect(path)
    con.executescript(
        """
        CREATE TABLE documents(id TEXT PRIMARY KEY, path TEXT, title TEXT, author TEXT,
            publisher TEXT, published TEXT, text TEXT NOT NULL, ingested REAL NOT NULL);
        CREATE TABLE features(id TEXT NOT NULL, layer TEXT NOT NULL, document_id TEXT NOT NULL
            REFERENCES documents(id) ON DELETE CASCADE, feature TEXT NOT NULL,
            PRIMARY KEY (layer, id));
        INSERT INTO documents VALUES ('d1', 'a.txt', 'T', NULL, NULL, NULL, 'text', 0);
        """
    )
    con.execute(
        "INSERT INTO features VALUES ('p1', 'places', 'd1', ?)",
        (json.dumps(_feature("p1", "d1", 50)),),
    )
    con.commit()
    con.close()
    store = SQLiteStore(path)
    assert store.counts()["places"] == 1
    assert store.layer("places")[0]["id"] == "p1"
    store.close()
    con = sqlite3.connect(path)
    assert con.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    schema = con.execute("SELECT sql FROM sqlite_master WHERE name='features'").fetchone()[0]
    assert "PRIMARY KEY (layer, id, document_id)" in schema
    columns = {r[1] for r in con.execute("PRAGMA table_info(documents)")}
    assert "extractor" in columns  # version 3: which extraction made a document's features
    con.close()


REPORTS = st.lists(
    st.tuples(
        st.integers(0, 100),  # confidence
        st.sampled_from([None, "", "Police", "Army"]),  # actor1
        st.sampled_from([None, "https://news.example/1"]),  # url
        st.lists(st.integers(0, 9), max_size=150),  # mentions
    ),
    min_size=1,
    max_size=8,
)


@given(REPORTS)
def test_adding_reports_one_by_one_is_merging_them_all(
    reports: list[tuple[int, str | None, str | None, list[int]]],
) -> None:
    features = []
    for n, (confidence, actor, url, mentions) in enumerate(reports):
        f = _feature("e1", f"d{n}", confidence, actor1=actor, url=url)
        f["properties"]["n_mentions"] = len(mentions)
        f["properties"]["mentions"] = json.dumps([{"text": "X", "start": m} for m in mentions])
        features.append(f)
    merged, state = features[0], merge_state(features[:1])
    for new in features[1:]:
        merged, state = merge_append(merged, state, new)
    assert merged == merge_group(features)
    assert state == merge_state(features)


def test_write_time_merge_of_the_merge_reports_is_the_read_time_merge(two_reports) -> None:  # type: ignore[no-untyped-def]
    store, _, _ = two_reports
    con = sqlite3.connect(store.path)
    for layer in ("places", "incidents", "movements"):
        rows = con.execute(
            "SELECT feature FROM features WHERE layer=? ORDER BY rowid", (layer,)
        ).fetchall()
        assert store.layer(layer) == merge_features(json.loads(r[0]) for r in rows)
    con.close()
