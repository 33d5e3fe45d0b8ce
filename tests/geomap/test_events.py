"""Movements and incidents from sentences of several shapes (not the seed's)."""

from __future__ import annotations

import pytest

from geomap.pipeline import Pipeline
from geomap.read import parse_document

HEADER = "Report   Ann Writer Reuters June 10, 2022\n"


@pytest.fixture(scope="module")
def pipeline(tmp_path_factory, gazetteer_path):  # type: ignore[no-untyped-def]
    from geomap.settings import Settings

    p = Pipeline(
        Settings(gazetteer=gazetteer_path, cache=tmp_path_factory.mktemp("ev") / "cache.sqlite")
    )
    yield p
    p.close()


def paths(pipeline: Pipeline, body: str) -> list[tuple[str, ...]]:
    doc = parse_document((HEADER + body).encode(), "t.txt")
    return [tuple(p.name for p in m.path) for m in pipeline.extract(doc).movements]


@pytest.mark.parametrize(
    "body,expected",
    [
        ("Russia has deployed troops to Belarus.", ("Russia", "Belarus")),
        ("The family fled from Aleppo to Gaziantep in late May.", ("Aleppo", "Gaziantep")),
        (
            "Hundreds of residents were evacuated from Kherson to Odesa on Saturday.",
            ("Kherson", "Odesa"),
        ),
        ("A smuggler based in Tijuana crossed through Mexicali.", ("Tijuana", "Mexicali")),
        (
            "The envoy was flown from Lagos to Accra and later to Dakar.",
            ("Lagos", "Accra", "Dakar"),
        ),
        (
            "Two reporters based in Managua fled through Honduras and reached San Salvador.",
            ("Managua", "Honduras", "San Salvador"),
        ),
        (
            "Forty migrants were deported from Houston to Guatemala City.",
            ("Houston", "Guatemala City"),
        ),
        (
            "The envoy travelled from Nairobi through Addis Ababa to Khartoum.",
            ("Nairobi", "Addis Ababa", "Khartoum"),
        ),
    ],
)
def test_movement_paths(pipeline: Pipeline, body: str, expected: tuple[str, ...]) -> None:
    assert expected in paths(pipeline, body)


@pytest.mark.parametrize(
    "body",
    [
        "Officials ordered agents ‘not to return to Seoul’.",
        "He threatened to flee to Canada.",
        "Kyiv and Lviv are cities in Ukraine.",
    ],
)
def test_no_movement(pipeline: Pipeline, body: str) -> None:
    assert paths(pipeline, body) == []


def test_incident_dates_relative_to_article(pipeline: Pipeline) -> None:
    doc = parse_document(
        (HEADER + "Two journalists were arrested in Minsk last month.").encode(), "t.txt"
    )
    [inc] = pipeline.extract(doc).incidents
    assert (inc.event_type, inc.place.name) == ("arrest", "Minsk")
    assert (inc.when.start.isoformat(), inc.when.precision) == ("2022-05-01", 4)
