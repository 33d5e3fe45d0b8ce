"""The embedded gazetteer through geopy's interface."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from geopy.geocoders.base import Geocoder
from geopy.location import Location

from geomap.errors import GazetteerMissing
from geomap.gazetteer.gazetteer import Gazetteer, GazetteerGeocoder, is_current
from geomap.gazetteer.index import RECOGNISED_MIN_POPULATION


@pytest.fixture(scope="module")
def geocoder(gazetteer_path):  # type: ignore[no-untyped-def]
    return GazetteerGeocoder(gazetteer_path)


def test_is_a_geopy_geocoder(geocoder: GazetteerGeocoder) -> None:
    assert isinstance(geocoder, Geocoder)
    loc = geocoder.geocode("Dandong")
    assert isinstance(loc, Location)
    assert abs(loc.latitude - 40.12) < 0.3 and abs(loc.longitude - 124.39) < 0.3
    assert loc.raw["feature_type"] == "city" and loc.raw["country_code"] == "CN"
    assert loc.raw["gazetteer_id"].startswith("geonames:")


def test_opens_no_network_session_and_reads_no_certificates(
    gazetteer_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Offline means no TLS set-up either: every pipeline (each ingest worker) opens one."""
    import ssl

    from geopy.exc import GeocoderServiceError

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("the gazetteer geocoder set up TLS")

    monkeypatch.setattr(ssl, "create_default_context", refuse)
    offline = GazetteerGeocoder(gazetteer_path)
    loc = offline.geocode("Dandong")
    assert isinstance(loc, Location) and loc.raw["country_code"] == "CN"
    with pytest.raises(GeocoderServiceError, match="asks no service"):
        offline.adapter.get_json("https://geocoder.invalid/", timeout=1, headers={})


@pytest.mark.parametrize(
    "query,name,feature_type,country",
    [
        ("Liaoning", "Liaoning", "admin1", "CN"),
        ("Sinuiju", "Sinŭiju", "city", "KP"),  # typed without the breve
        ("sinŭiju", "Sinŭiju", "city", "KP"),
        ("DPRK", "North Korea", "country", "KP"),
        ("U.S.", "United States", "country", "US"),
        ("Pyongyang", "Pyongyang", "city", "KP"),  # the big city, not the same-named region
        ("São Paulo", "São Paulo", "city", "BR"),
        ("Sao Paulo", "São Paulo", "city", "BR"),
    ],
)
def test_best_candidate(geocoder, query, name, feature_type, country) -> None:  # type: ignore[no-untyped-def]
    loc = geocoder.geocode(query)
    assert (loc.raw["name"], loc.raw["feature_type"], loc.raw["country_code"]) == (
        name,
        feature_type,
        country,
    )


def test_all_candidates_and_filters(geocoder: GazetteerGeocoder) -> None:
    every = geocoder.geocode("Georgia", exactly_one=False)
    kinds = {(loc.raw["feature_type"], loc.raw["country_code"]) for loc in every}
    assert {("country", "GE"), ("admin1", "US")} <= kinds
    us = geocoder.geocode("Georgia", country_codes=["us"], feature_type="admin1")
    assert us.raw["country_code"] == "US"
    assert geocoder.geocode("Xyzzyplugh") is None


def test_airport_codes_are_not_names(geocoder: GazetteerGeocoder) -> None:
    # GeoNames lists "SHE" for Shenyang; it must not turn the pronoun into a city.
    assert all(
        loc.raw["name"] != "Shenyang" for loc in geocoder.geocode("SHE", exactly_one=False) or []
    )


def test_missing_index_is_a_clear_error(tmp_path) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(GazetteerMissing, match="geomap gazetteer build"):
        GazetteerGeocoder(tmp_path / "none.sqlite")


@pytest.mark.parametrize(
    "query,name,feature_type,country",
    [
        ("Mexico", "Mexico", "country", "MX"),  # the country, not Mexico City's alternate name
        ("Washington", "Washington", "city", "US"),  # the national capital
        ("Africa", "Africa", "region", None),  # continents (GeoNames)
        ("Middle East", "Middle East", "region", None),  # well-known regions (hand-written)
        ("EU", "European Union", "region", None),
        ("Laurel County", "Laurel County", "admin2", "US"),  # second-level regions
        ("W.Va.", "West Virginia", "admin1", "US"),  # AP-style state abbreviations
        ("Winston Salem", "Winston-Salem", "city", "US"),  # hyphen or space: one name
    ],
)
def test_regions_and_capitals(geocoder, query, name, feature_type, country) -> None:  # type: ignore[no-untyped-def]
    loc = geocoder.geocode(query)
    assert (loc.raw["name"], loc.raw["feature_type"], loc.raw["country_code"]) == (
        name,
        feature_type,
        country,
    )


def test_cities_know_their_regions(geocoder: GazetteerGeocoder) -> None:
    loc = geocoder.geocode("London", country_codes=["US"], exactly_one=False)
    kentucky = [x for x in loc if x.raw["admin1"] == "Kentucky"]
    assert kentucky and kentucky[0].raw["admin2"] == "Laurel County"
    county = geocoder.geocode("Laurel County")
    assert abs(county.latitude - kentucky[0].latitude) < 0.5  # placed among its towns


def test_united_states_at_its_geographic_centre(geocoder: GazetteerGeocoder) -> None:
    us = geocoder.geocode("United States")
    assert abs(us.latitude - 39.8) < 0.2 and abs(us.longitude + 98.6) < 0.2


@pytest.mark.parametrize(
    "key,level",
    [("china", 3), ("europe", 3), ("texas", 2), ("lincoln", 1), ("michael", 0), ("street", 0)],
)
def test_how_big_a_name_is(gazetteer_path, key: str, level: int) -> None:  # type: ignore[no-untyped-def]
    g = Gazetteer(gazetteer_path)
    try:
        assert g.strength(key) == level
    finally:
        g.close()


def test_a_stale_index_is_a_clear_error(tmp_path) -> None:  # type: ignore[no-untyped-def]
    old = tmp_path / "old.sqlite"
    con = sqlite3.connect(old)
    con.execute("CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT)")
    con.execute("INSERT INTO meta VALUES ('version', '1')")
    con.commit()
    con.close()
    assert not is_current(old) and is_current(tmp_path / "none.sqlite") is False
    with pytest.raises(GazetteerMissing, match="build --force"):
        Gazetteer(old)


def test_the_in_memory_name_set_is_the_names_table(gazetteer_path) -> None:  # type: ignore[no-untyped-def]
    """``has`` and ``strength`` answer from memory; they must agree with the names themselves
    (every name but those only towns outside GeoNames cities1000 bear: see test_index)."""
    g = Gazetteer(gazetteer_path)
    con = sqlite3.connect(gazetteer_path)
    try:
        keys = {k for (k,) in con.execute("SELECT DISTINCT key FROM names")}
        assert len(keys) > 100_000
        heard = {k for k in keys if g.has(k)}
        assert len(heard) > 100_000
        assert heard == set(g.names)  # type: ignore[call-overload]
        assert all(
            g.has(k)
            for (k,) in con.execute(
                "SELECT n.key FROM names n JOIN places p ON p.rowid = n.place"
                " WHERE p.feature_type != 'city' OR p.population > ?",
                (RECOGNISED_MIN_POPULATION,),
            )
        )
        assert not any(g.has(k + " zz") for k in list(keys)[:1000])
        assert not g.has("") and not g.has("shenyang liaoning")
        big = dict(
            con.execute(
                "SELECT n.key, max(CASE p.feature_type WHEN 'city' THEN 1 WHEN 'admin1' THEN 2"
                " ELSE 3 END) FROM names n JOIN places p ON p.rowid = n.place WHERE p.big >= 1"
                " AND (n.is_primary = 1 OR p.feature_type != 'city') GROUP BY n.key"
            )
        )
        assert len(big) > 1000
        assert {k: g.strength(k) for k in keys if g.strength(k)} == big
    finally:
        con.close()
        g.close()


def test_country_and_region_ids_name_the_source_of_their_points(
    geocoder: GazetteerGeocoder,
) -> None:
    # Their points come from countrystatecity, not from GeoNames' country and region features,
    # so the id is the ISO code, never a GeoNames id whose own point lies elsewhere.
    assert geocoder.geocode("Canada").raw["gazetteer_id"] == "iso3166-1:CA"
    alberta = geocoder.geocode("Alberta", feature_type="admin1")
    assert alberta.raw["gazetteer_id"] == "iso3166-2:CA-AB"
    assert geocoder.geocode("Dandong").raw["gazetteer_id"].startswith("geonames:")
