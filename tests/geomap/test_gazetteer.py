"""The embedded gazetteer through geopy's interface."""

from __future__ import annotations

import pytest
from geopy.geocoders.base import Geocoder
from geopy.location import Location

from geomap.errors import GazetteerMissing
from geomap.gazetteer import GazetteerGeocoder


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
