"""Issue 12's English, item by item (bench/spec_battery.py's findings): every sentence here is
invented."""

from __future__ import annotations

import pytest

from geomap.pipeline import Pipeline
from geomap.reports.text import parse_document

HEADER = "Report   Ann Writer Newswire June 10, 2022\n"


@pytest.fixture(scope="module")
def pipeline(tmp_path_factory, gazetteer_path):  # type: ignore[no-untyped-def]
    from geomap.settings import Settings

    p = Pipeline(
        Settings(gazetteer=gazetteer_path, cache=tmp_path_factory.mktemp("se") / "cache.sqlite")
    )
    yield p
    p.close()


def paths(pipeline: Pipeline, body: str) -> list[tuple[str, ...]]:
    doc = parse_document((HEADER + body).encode(), "t.txt")
    return [tuple(p.name for p in m.path) for m in pipeline.extract(doc).movements]


@pytest.mark.parametrize(
    "body,expected",
    [
        # the -ing forms of "take" and "rush"
        ("Guards began taking the detainees from Lyon to Turin on Monday.", ("Lyon", "Turin")),
        ("Medics spent the night rushing the wounded from Kherson to Odesa.", ("Kherson", "Odesa")),
        # nouns of motion verbs, with a determiner
        ("The drive from Quito to Lima took eleven hours.", ("Quito", "Lima")),
        ("The rebel advance from Goma to Bukavu slowed on Sunday.", ("Goma", "Bukavu")),
        ("The withdrawal from Kherson to Mykolaiv ended on Friday.", ("Kherson", "Mykolayiv")),
        ("Tuesday's retreat from Aleppo to Idlib was chaotic.", ("Aleppo", "Idlib")),
        ("The convoy's entry into Aleppo from Idlib was delayed.", ("Idlib", "Aleppo")),
    ],
)
def test_more_forms_of_the_motion_verbs(
    pipeline: Pipeline, body: str, expected: tuple[str, ...]
) -> None:
    assert expected in paths(pipeline, body)


@pytest.mark.parametrize(
    "body",
    [
        "The charity ran a fundraising drive to Lima schools.",
        "Tickets must be bought in advance to Lima from Quito.",
        "The bishops held a retreat in Assisi last month.",
        "Police took part in a parade in Leeds.",
    ],
)
def test_those_nouns_bare_or_in_idioms_are_no_journey(pipeline: Pipeline, body: str) -> None:
    assert paths(pipeline, body) == []


@pytest.mark.parametrize(
    "body,expected",
    [
        ("The army evacuated residents to Palermo from Naples.", ("Naples", "Palermo")),
        ("The authorities deported migrants to Montreal from Toronto.", ("Toronto", "Montréal")),
        ("Kenya deported migrants from Nairobi to Kampala on Monday.", ("Nairobi", "Kampala")),
    ],
)
def test_a_participle_before_people_with_a_subject_is_the_verb(
    pipeline: Pipeline, body: str, expected: tuple[str, ...]
) -> None:
    assert expected in paths(pipeline, body)


@pytest.mark.parametrize(
    "body",
    [
        "The deported migrants from Texas said they were beaten in Juarez.",
        "Police said displaced families from Goma were sleeping in schools.",
        "Some 200 evacuated residents from Naples are staying in hotels.",
    ],
)
def test_a_participle_before_people_without_a_subject_describes_them(
    pipeline: Pipeline, body: str
) -> None:
    assert paths(pipeline, body) == []
