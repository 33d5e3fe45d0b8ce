"""Patterns of long-form foreign-desk features on people on the move (events_fresh15's blind
errors), in invented sentences unlike the set's."""

from __future__ import annotations

from geomap.pipeline import Pipeline
from geomap.reports.text import parse_document

HEADER = "A long road north   Ann Writer   World Desk   June 10, 2022\n"


def _extract(pipeline: Pipeline, body: str):  # type: ignore[no-untyped-def]
    return pipeline.extract(parse_document((HEADER + body).encode(), "t.txt"))


def _paths(pipeline: Pipeline, body: str) -> list[tuple[str, ...]]:
    return [tuple(p.name for p in m.path) for m in _extract(pipeline, body).movements]


def _incidents(pipeline: Pipeline, body: str) -> list[tuple[str, str]]:
    return [(i.event_type, i.place.name) for i in _extract(pipeline, body).incidents]


def test_a_town_across_the_river_from_another_did_not_set_out_from_it(
    pipeline: Pipeline,
) -> None:
    body = "The families later drove to Nogales, across the border from Tucson, to wait there."
    assert not any(p[0] == "Tucson" for p in _paths(pipeline, body))
    # a plain "from" is still where they left
    assert ("Tucson", "Nogales") in _paths(pipeline, "The families drove from Tucson to Nogales.")


def test_a_journey_that_was_due_and_is_put_off_is_no_plan(pipeline: Pipeline) -> None:
    body = "A bus that was scheduled to leave Nairobi for Mombasa today has been postponed."
    assert _paths(pipeline, body) == []
    kept = "A bus that was scheduled to leave Nairobi for Mombasa today was full of pilgrims."
    assert _paths(pipeline, kept) == [("Nairobi", "Mombasa")]


def test_a_place_fronted_before_a_speakers_aside_is_where_the_event_was(
    pipeline: Pipeline,
) -> None:
    body = "In Gulu, she said, soldiers detained her husband and two neighbours."
    assert _incidents(pipeline, body) == [("arrest", "Gulu")]
    # a speaker who tells it, with no aside, is not set there
    assert _incidents(pipeline, "In Gulu, officials said soldiers detained two men.") == []


def test_a_capital_that_speaks_for_its_government_is_no_place_of_the_event(
    pipeline: Pipeline,
) -> None:
    body = "Nairobi says the families were evacuated for their own safety."
    assert not any(p == "Nairobi" for _, p in _incidents(pipeline, body))


def test_a_region_named_with_its_countrys_possessive_keeps_the_verbs_role(
    pipeline: Pipeline,
) -> None:
    body = "The families had fled Ethiopia's Tigray region for Sudan in 2020."
    assert _paths(pipeline, body) == [("Tigray", "Sudan")]
    assert ("attack", "Borno") in _incidents(
        pipeline, "Rebels attacked Nigeria's Borno state on Monday."
    )


def test_a_facility_by_a_town_that_a_sentence_opens_with_places_its_event(
    pipeline: Pipeline,
) -> None:
    body = "At a roadblock outside Gulu, the witness said, soldiers detained her husband."
    assert _incidents(pipeline, body) == [("arrest", "Gulu")]
