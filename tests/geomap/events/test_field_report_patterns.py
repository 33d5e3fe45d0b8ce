"""Patterns of monitors' and aid workers' field reports (events_fresh11's blind errors), in
invented sentences unlike the set's."""

from __future__ import annotations

import pytest

from geomap.events.clauses import tokenize
from geomap.events.extract import _unknown_origin_told
from geomap.pipeline import Pipeline
from geomap.reports.text import parse_document

HEADER = "Field note   Ann Writer   Protection Monitors   June 10, 2022\n"


def _extract(pipeline: Pipeline, body: str):  # type: ignore[no-untyped-def]
    return pipeline.extract(parse_document((HEADER + body).encode(), "t.txt"))


def _paths(pipeline: Pipeline, body: str) -> list[tuple[str, ...]]:
    return [tuple(p.name for p in m.path) for m in _extract(pipeline, body).movements]


def _incidents(pipeline: Pipeline, body: str) -> list[tuple[str, str, str | None]]:
    return [
        (i.event_type, i.place.name, i.when.start.isoformat() if i.when else None)
        for i in _extract(pipeline, body).incidents
    ]


@pytest.mark.parametrize(
    "body,place",
    [
        ("A rocket hit Sumy on Tuesday, wounding three people.", "Sumy"),
        ("A drone struck a residential area of Sumy on Tuesday, killing a woman.", "Sumy"),
    ],
)
def test_the_town_a_weapon_struck_is_where_the_attack_was(
    pipeline: Pipeline, body: str, place: str
) -> None:
    assert [(t, p) for t, p, _ in _incidents(pipeline, body)] == [("attack", place)]


def test_a_stay_after_an_origin_told_is_no_second_origin(pipeline: Pipeline) -> None:
    body = "She was extradited from Madrid to Bogotá in May after ten years in Spain."
    assert _paths(pipeline, body) == [("Madrid", "Bogotá")]
    # with no origin told, the stay is where the journey left
    assert ("Spain", "Bogotá") in _paths(
        pipeline, "She flew to Bogotá in May after ten years in Spain."
    )


def test_residents_who_marched_in_a_town_protested_there(pipeline: Pipeline) -> None:
    body = (
        "On 3 June, some 300 residents marched in Gulu to denounce the killing of two traders "
        "in an ambush near Kitgum on 30 May."
    )
    found = _incidents(pipeline, body)
    assert ("protest", "Gulu", "2022-06-03") in found  # the opening date, not the ambush's
    assert ("attack", "Kitgum", "2022-05-30") in found


def test_what_a_protest_is_against_is_not_where_or_when_it_was(pipeline: Pipeline) -> None:
    body = (
        "On 3 June, police fired tear gas at a march of 200 residents in Kisumu who were "
        "protesting against the killing of a boy in a raid near Kakamega on 30 May."
    )
    found = _incidents(pipeline, body)
    assert [i for i in found if i[0] == "protest"] == [("protest", "Kisumu", "2022-06-03")]
    # a protest "against the government in A" is still in A
    told = "Hundreds protested against the government in Nairobi on Monday."
    assert ("protest", "Nairobi") in [(t, p) for t, p, _ in _incidents(pipeline, told)]


@pytest.mark.parametrize(
    "body",
    [
        "He left Kano on 3 May heading for Abuja.",
        "The woman left Kano on foot with a group of 40 villagers heading for Abuja.",
        "They left Kano by bus with other families, heading for Abuja.",
    ],
)
def test_a_departure_goes_on_in_a_participle_past_the_month_may_and_the_company(
    pipeline: Pipeline, body: str
) -> None:
    assert _paths(pipeline, body) == [("Kano", "Abuja")]


@pytest.mark.parametrize(
    "sentence,told",
    [
        ("From Zorbatek, the families were taken by truck to Juba.", True),
        ("The families were driven from Zorbatek to Juba.", True),
        ("From Monday, the families will be taken by truck to Juba.", False),
        ("The families were taken by truck to Juba.", False),
        ("The families were taken from the camp to Juba.", False),
    ],
)
def test_an_origin_named_but_not_known_is_told(sentence: str, told: bool) -> None:
    tokens = tokenize(sentence)
    index = next(i for i, t in enumerate(tokens) if t.lower in ("taken", "driven"))
    assert _unknown_origin_told(tokens, index) is told


def test_a_flight_from_a_town_and_its_hamlets_for_another(pipeline: Pipeline) -> None:
    body = "Thousands fled Djibo and surrounding hamlets for Ouahigouya last week."
    assert _paths(pipeline, body) == [("Djibo", "Ouahigouya")]
