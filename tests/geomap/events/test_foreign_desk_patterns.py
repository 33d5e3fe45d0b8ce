"""Patterns of foreign-desk news features (events_fresh14's blind errors), in invented
sentences unlike the set's."""

from __future__ import annotations

import pytest

from geomap.pipeline import Pipeline
from geomap.reports.text import parse_document

HEADER = "A feature   Ann Writer   The Daily Globe   June 10, 2022\n"


def _extract(pipeline: Pipeline, body: str):  # type: ignore[no-untyped-def]
    return pipeline.extract(parse_document((HEADER + body).encode(), "t.txt"))


def _incidents(pipeline: Pipeline, body: str) -> list[tuple[str, str]]:
    return [(i.event_type, i.place.name) for i in _extract(pipeline, body).incidents]


@pytest.mark.parametrize(
    "body",
    [
        "A judge in Porto had blocked the eviction in May, but the order was overturned.",
        "The mayor of Lyon was convicted in 2019; the verdict was later overturned on appeal.",
    ],
)
def test_an_overturned_ruling_is_no_crash(pipeline: Pipeline, body: str) -> None:
    assert [e for e in _incidents(pipeline, body) if e[0] == "crash"] == []


def test_an_overturned_lorry_is_still_a_crash(pipeline: Pipeline) -> None:
    body = "Heavy rain fell all week. A lorry carrying melons overturned near Seville on Monday."
    assert [p[:6] for t, p in _incidents(pipeline, body) if t == "crash"] == ["Sevill"]


@pytest.mark.parametrize("speakers", ["residents", "several witnesses", "relatives"])
def test_a_fronted_town_told_by_its_people_places_the_event(
    pipeline: Pipeline, speakers: str
) -> None:
    body = (
        "Troops swept through the north in June. "
        f"In Mopti, {speakers} said soldiers had arrested fifteen herders at a market."
    )
    assert ("arrest", "Mopti") in _incidents(pipeline, body)


def test_a_fronted_town_told_by_officials_elsewhere_is_not_the_place(pipeline: Pipeline) -> None:
    body = (
        "Fighting spread in the north in June. "
        "In Paris, officials said soldiers had arrested fifteen herders near Mopti."
    )
    places = {p for t, p in _incidents(pipeline, body) if t == "arrest"}
    assert "Paris" not in places


def _paths(pipeline: Pipeline, body: str) -> list[tuple[str, ...]]:
    return [tuple(p.name for p in m.path) for m in _extract(pipeline, body).movements]


@pytest.mark.parametrize(
    "mover",
    [
        "A cyclist who had been hurt near Cusco",
        "A tourist injured near Cusco",
        "A guide who fell ill near Cusco",
    ],
)
def test_where_a_carried_mover_was_near_is_the_origin(pipeline: Pipeline, mover: str) -> None:
    body = f"The season opened in May. {mover} was flown to Lima for treatment."
    assert ("Cusco", "Lima") in _paths(pipeline, body)


def test_a_town_near_which_travellers_flew_is_no_origin(pipeline: Pipeline) -> None:
    body = "The season opened in May. Tourists staying near Cusco flew to Lima on Friday."
    assert ("Cusco", "Lima") not in _paths(pipeline, body)


@pytest.mark.parametrize(
    "second",
    [
        "She will be transferred to a prison in Lviv next month.",
        "Her lawyer said she would be transferred to a prison in Lviv next month.",
    ],
)
def test_a_planned_transfer_leaves_from_where_the_last_sentence_held_her(
    pipeline: Pipeline, second: str
) -> None:
    body = f"The talks ended on Monday. A teacher is being held in Kharkiv. {second}"
    assert ("Kharkiv", "Lviv") in _paths(pipeline, body)


def test_another_group_flown_on_does_not_go_on_from_the_first_groups_town(
    pipeline: Pipeline,
) -> None:
    body = (
        "The talks ended on Monday. After the handover the Danes flew to Copenhagen, "
        "and the Finns were flown on to Helsinki."
    )
    assert ("Copenhagen", "Helsinki") not in _paths(pipeline, body)


def test_the_same_people_flown_on_still_go_on(pipeline: Pipeline) -> None:
    body = (
        "The talks ended on Monday. The Danes were flown from Oslo to Copenhagen and on to Aarhus."
    )
    assert [p for p in _paths(pipeline, body) if p[:2] == ("Oslo", "Copenhagen") and len(p) == 3]


def test_a_crossing_after_a_drive_leaves_from_where_the_drive_ended(pipeline: Pipeline) -> None:
    body = (
        "The season opened in May. "
        "The porters were driven from Lhasa to Shigatse, crossed into Nepal on foot and rested."
    )
    paths = _paths(pipeline, body)
    crossings = [p for p in paths if p[-1] == "Nepal"]
    assert crossings and all(len(p) == 2 and p[0] != "Lhasa" for p in crossings)


def test_a_move_after_a_flight_starts_from_the_refuge(pipeline: Pipeline) -> None:
    body = (
        "The season opened in May. "
        "The poet had fled Minsk for Vilnius in 2020, and had moved on to Berlin two years later."
    )
    paths = _paths(pipeline, body)
    assert ("Vilnius", "Berlin") in paths
    assert ("Minsk", "Vilnius", "Berlin") not in paths


def test_a_flight_that_goes_on_over_the_border_keeps_its_origin(pipeline: Pipeline) -> None:
    body = (
        "The season opened in May. "
        "Villagers of Lashio fled toward Muse, and about 300 crossed into China at Ruili."
    )
    assert not [p for p in _paths(pipeline, body) if p[0] == "Muse"]
