"""Golden test: what the seed article must yield, through the same code as `geomap extract`."""

from __future__ import annotations

import json

import pytest
from geopy.distance import geodesic

from geomap.events.extract import EVENT_TYPES
from geomap.features.features import extraction_features
from geomap.reports.text import read_document

from ..conftest import SEED

CITIES = {  # name -> (lat, lon) of the city centre
    "Shenyang": (41.79, 123.43),
    "Dandong": (40.12, 124.39),
    "Pyongyang": (39.03, 125.75),
    "Hanoi": (21.03, 105.85),
}
COUNTRIES = {"China": "CN", "North Korea": "KP", "South Korea": "KR"}
NOT_PLACES = [
    "Daily NK",
    "Kim",
    "Trump",
    "Ministry of State Security",
    "Reconnaissance General Bureau",
    "The Telegraph",
    "Telegraph",
    "MSS",
]


@pytest.fixture(scope="module")
def seed(tmp_path_factory, gazetteer_path):  # type: ignore[no-untyped-def]
    from geomap.pipeline import Pipeline
    from geomap.settings import Settings

    tmp = tmp_path_factory.mktemp("golden")
    pipeline = Pipeline(Settings(gazetteer=gazetteer_path, cache=tmp / "cache.sqlite"))
    doc = read_document(SEED)
    ex = pipeline.extract(doc)
    yield doc, ex, extraction_features(ex)
    pipeline.close()


def _places(seed):  # type: ignore[no-untyped-def]
    return {f["properties"]["name"]: f for f in seed[2]["places"]}


def _mentions(feature):  # type: ignore[no-untyped-def]
    return json.loads(feature["properties"]["mentions"])


def test_document_metadata(seed) -> None:  # type: ignore[no-untyped-def]
    doc = seed[0]
    assert doc.title == "North Korea sends hit squads after defectors from its secret police"
    assert doc.author == "Julian Ryall"
    assert doc.publisher == "The Telegraph"
    assert doc.published.isoformat() == "2019-04-16"


@pytest.mark.parametrize("name", sorted(CITIES))
def test_cities_within_25_km(seed, name: str) -> None:  # type: ignore[no-untyped-def]
    place = _places(seed)[name]
    lon, lat = place["geometry"]["coordinates"]
    assert place["properties"]["feature_type"] == "city"
    assert geodesic((lat, lon), CITIES[name]).km < 25


def test_liaoning_is_the_province(seed) -> None:  # type: ignore[no-untyped-def]
    place = _places(seed)["Liaoning"]
    lon, lat = place["geometry"]["coordinates"]
    assert place["properties"]["feature_type"] == "admin1"
    assert place["properties"]["country_code"] == "CN"
    assert geodesic((lat, lon), (41.3, 122.6)).km < 150  # the province's centroid
    assert [m["text"] for m in _mentions(place)] == ["Liaoning Province"]
    assert place["properties"]["location_type"] == "admin1"
    assert place["properties"]["geo_precision"] == 3


@pytest.mark.parametrize("name,code", sorted(COUNTRIES.items()))
def test_countries(seed, name: str, code: str) -> None:  # type: ignore[no-untyped-def]
    place = _places(seed)[name]
    assert place["properties"]["feature_type"] == "country"
    assert place["properties"]["country_code"] == code


def test_mention_offsets_index_the_raw_text(seed) -> None:  # type: ignore[no-untyped-def]
    text = SEED.read_bytes().decode("utf-8")
    mentions = [m for f in seed[2]["places"] for m in _mentions(f)]
    assert len(mentions) >= 15
    for m in mentions:
        assert text[m["start"] : m["end"]] == m["text"]
    # the headline line counts: its "North Korea" starts at offset 0
    doc_id = seed[0].id
    assert {"text": "North Korea", "start": 0, "end": 11, "document_id": doc_id} in mentions


@pytest.mark.parametrize("name", NOT_PLACES)
def test_names_that_are_not_places(seed, name: str) -> None:  # type: ignore[no-untyped-def]
    texts = {m["text"] for f in seed[2]["places"] for m in _mentions(f)}
    assert name not in texts
    assert all(name not in t for t in texts if name not in ("Kim",))


def _movement(seed, origin: str, destination: str):  # type: ignore[no-untyped-def]
    found = [
        f
        for f in seed[2]["movements"]
        if f["properties"]["origin"] == origin and f["properties"]["destination"] == destination
    ]
    assert found, f"no movement {origin} -> {destination}"
    return found[0]


def test_movement_pyongyang_to_liaoning(seed) -> None:  # type: ignore[no-untyped-def]
    mv = _movement(seed, "Pyongyang", "Liaoning")
    props = mv["properties"]
    assert props["movement_type"] == "dispatched"
    assert props["actor"] == "The MSS"
    assert "headquarters in Pyongyang" in props["quote"]
    # the team left a city for a province: the destination end is a region centroid
    assert (props["origin_precision"], props["destination_precision"]) == (1, 3)
    assert props["geo_precision"] == 3
    assert props["date_start"] is None and props["time_precision"] is None  # the text gives none


def test_movement_pyongyang_to_dandong_mid_march(seed) -> None:  # type: ignore[no-untyped-def]
    mv = _movement(seed, "Pyongyang", "Dandong")
    props = mv["properties"]
    assert props["movement_type"] == "fled"
    assert (props["date_start"], props["date_end"]) == ("2019-03-11", "2019-03-20")
    assert props["time_precision"] == 4
    assert props["date_text"] == "mid-March"
    assert (props["origin_precision"], props["destination_precision"]) == (1, 1)
    assert props["actor"] == "a senior MSS official"
    assert mv["geometry"]["type"] == "MultiLineString"
    (coords,) = mv["geometry"]["coordinates"]
    assert geodesic(coords[0][::-1], CITIES["Pyongyang"]).km < 25
    assert geodesic(coords[-1][::-1], CITIES["Dandong"]).km < 25
    assert 150 < props["length_km"] < 250


def test_movement_north_korea_to_china(seed) -> None:  # type: ignore[no-untyped-def]
    mv = _movement(seed, "North Korea", "China")
    props = mv["properties"]
    assert props["movement_type"] == "dispatched"
    assert (props["origin_type"], props["destination_type"]) == ("country", "country")
    assert (props["origin_precision"], props["destination_precision"]) == (3, 3)
    # a country-level movement joins the two countries' centroids along a great circle
    (coords,) = mv["geometry"]["coordinates"]
    assert len(coords) > 2
    assert 1000 < props["length_km"] < 3000


def test_exactly_these_movements(seed) -> None:  # type: ignore[no-untyped-def]
    got = sorted(
        (f["properties"]["origin"], f["properties"]["destination"]) for f in seed[2]["movements"]
    )
    assert got == [("North Korea", "China"), ("Pyongyang", "Dandong"), ("Pyongyang", "Liaoning")]


def test_no_wrong_direction(seed) -> None:  # type: ignore[no-untyped-def]
    pairs = {
        (f["properties"]["origin"], f["properties"]["destination"]) for f in seed[2]["movements"]
    }
    assert ("Dandong", "Pyongyang") not in pairs
    assert ("Liaoning", "Pyongyang") not in pairs
    assert ("China", "North Korea") not in pairs


# (event_type, sub_event_type, place, as written, start, end, time precision, geo precision)
EXPECTED_INCIDENTS = [
    ("meeting/summit", "summit", "Hanoi", "Hanoi", "2019-02-21", "2019-02-28", 4, 1),
    ("surveillance", "surveillance", "Shenyang", "Shenyang", "2019-03-01", "2019-03-10", 4, 1),
    ("disappearance", "disappearance", "Shenyang", "Shenyang", "2019-03-01", "2019-03-10", 4, 1),
    ("disappearance", "disappearance", "China", "China", None, None, None, 3),
    ("flight/defection", "flight", "Dandong", "Dandong", "2019-03-11", "2019-03-20", 4, 1),
    ("movement of forces", "dispatch", "China", "China", None, None, None, 3),
    ("movement of forces", "dispatch", "Liaoning", "Liaoning Province", None, None, None, 3),
]


def _as_text(row: tuple) -> tuple:  # type: ignore[type-arg]
    return tuple(str(x) for x in row)


def test_incidents(seed) -> None:  # type: ignore[no-untyped-def]
    got = (
        (
            p["event_type"],
            p["sub_event_type"],
            p["place_name"],
            p["location"],
            p["date_start"],
            p["date_end"],
            p["time_precision"],
            p["geo_precision"],
        )
        for p in (f["properties"] for f in seed[2]["incidents"])
    )
    assert sorted(got, key=_as_text) == sorted(EXPECTED_INCIDENTS, key=_as_text)
    text = SEED.read_text(encoding="utf-8")
    for f in seed[2]["incidents"]:
        assert f["geometry"]["type"] == "Point"
        q = f["properties"]
        assert text[q["quote_start"] : q["quote_end"]] == q["quote"]
        assert q["event_type"] in EVENT_TYPES
        assert 0 < q["extraction_confidence"] <= 100
        assert q["n_sources"] == 1 and q["document_ids"] == seed[0].id
        assert q["sources"] == (
            "The Telegraph: North Korea sends hit squads after defectors from its secret police"
            " (2019-04-16)"
        )
    summit = next(
        f for f in seed[2]["incidents"] if f["properties"]["event_type"] == "meeting/summit"
    )
    assert summit["properties"]["actor1"] == "Kim Jong-un"
    assert "Donald Trump" in summit["properties"]["actor2"]
    shenyang = [
        f["properties"]
        for f in seed[2]["incidents"]
        if f["properties"]["event_type"] == "disappearance"
        and f["properties"]["place_name"] == "Shenyang"
    ]
    assert "disappeared" in shenyang[0]["quote"]  # the date came from the sentence before
    assert shenyang[0]["date_text"] == "early March"


def test_every_property_is_flat_and_scalar(seed) -> None:  # type: ignore[no-untyped-def]
    for features in seed[2].values():
        for f in features:
            for key, value in f["properties"].items():
                assert value is None or isinstance(value, str | int | float | bool), key


def test_every_feature_of_a_layer_has_the_same_keys(seed) -> None:  # type: ignore[no-untyped-def]
    for layer, features in seed[2].items():
        keys = {tuple(sorted(f["properties"])) for f in features}
        assert len(keys) == 1, layer
