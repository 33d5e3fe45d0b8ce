"""Patterns of US and Canadian local news (events_fresh13's errors); every sentence is
invented."""

from __future__ import annotations

from datetime import date

import pytest

from geomap.events.dates import find_date
from geomap.pipeline import Pipeline
from geomap.reports.text import parse_document

HEADER = "Report\n\nPublished May 20, 2025\n"


def _extract(pipeline: Pipeline, body: str):  # type: ignore[no-untyped-def]
    doc = parse_document((HEADER + "\n" + body).encode(), "t.txt")
    return pipeline.extract(doc)


def _incidents(pipeline: Pipeline, body: str) -> list[tuple[str, str, str]]:
    return sorted(
        (i.event_type, i.place.name, i.status) for i in _extract(pipeline, body).incidents
    )


def _moves(pipeline: Pipeline, body: str) -> list[tuple[tuple[str, ...], str, str]]:
    return [
        (tuple(p.name for p in m.path), m.movement_type, m.status)
        for m in _extract(pipeline, body).movements
    ]


@pytest.mark.parametrize("means", ["used boats", "were using airboats"])
def test_what_crews_used_boats_to_do_they_did(pipeline: Pipeline, means: str) -> None:
    body = (
        f"CHILLICOTHE, Ohio — Fire crews {means} to evacuate 40 residents of a trailer park "
        "on Monday."
    )
    assert ("evacuation", "Chillicothe", "reported") in _incidents(pipeline, body)


def test_a_habit_told_with_used_to_is_no_event(pipeline: Pipeline) -> None:
    body = "CHILLICOTHE, Ohio — Residents used to evacuate the trailer park every spring."
    assert _incidents(pipeline, body) == []


def test_a_river_above_flood_stage_is_no_flood(pipeline: Pipeline) -> None:
    body = (
        "DAVENPORT, Iowa — The river is forecast to crest at 19 feet on Thursday, four feet "
        "above flood stage, the weather service said."
    )
    assert _incidents(pipeline, body) == []


def test_a_flood_is_still_one(pipeline: Pipeline) -> None:
    body = "DAVENPORT, Iowa — The river flooded low-lying streets in Davenport on Monday."
    assert _incidents(pipeline, body) == [("flood", "Davenport", "reported")]


@pytest.mark.parametrize(
    "told",
    [
        "An explosion and fire at a refinery",
        "A blast and a fire at a refinery",
        "A fire and explosion at a refinery",
    ],
)
def test_an_explosion_and_its_fire_are_one_explosion(pipeline: Pipeline, told: str) -> None:
    body = f"PORT ARTHUR, Texas — {told} in Port Arthur injured three workers on Monday."
    assert _incidents(pipeline, body) == [("explosion", "Port Arthur", "reported")]


def test_a_fire_alone_is_a_fire(pipeline: Pipeline) -> None:
    body = "PORT ARTHUR, Texas — A fire at a refinery in Port Arthur injured three workers."
    assert _incidents(pipeline, body) == [("fire", "Port Arthur", "reported")]


def test_a_state_highway_is_not_the_state(pipeline: Pipeline) -> None:
    body = (
        "PORT ARTHUR, Texas — An explosion at a refinery off Texas 87 injured three workers "
        "on Monday. The federal safety board said it is sending two investigators from "
        "Washington."
    )
    result = _extract(pipeline, body)
    assert [(i.event_type, i.place.name) for i in result.incidents] == [
        ("explosion", "Port Arthur")
    ]


def test_a_driver_named_by_age_and_home_is_arrested_at_the_scene(pipeline: Pipeline) -> None:
    body = (
        "TIMMINS, Ont. — A pickup and a van collided on Highway 101 near Timmins on Sunday. "
        "The van's driver, a 28-year-old from Thunder Bay, was arrested at the scene."
    )
    assert ("arrest", "Timmins", "reported") in _incidents(pipeline, body)


def test_an_arrest_in_a_named_town_stays_there(pipeline: Pipeline) -> None:
    body = "TIMMINS, Ont. — Police arrested a 28-year-old in Thunder Bay on Sunday."
    assert _incidents(pipeline, body) == [("arrest", "Thunder Bay", "reported")]


def test_an_announced_day_after_the_report_is_this_year() -> None:
    when = find_date("on June 7", date(2025, 5, 28), future=True)
    assert when is not None and when.start == date(2025, 6, 7)


def test_an_announced_day_before_the_report_date_is_next_year() -> None:
    when = find_date("on January 9", date(2025, 12, 3), future=True)
    assert when is not None and when.start == date(2026, 1, 9)


def test_a_past_day_is_still_this_year() -> None:
    when = find_date("on January 9", date(2025, 12, 3))
    assert when is not None and when.start == date(2025, 1, 9)


def test_a_rally_at_a_park_in_a_named_city_is_in_that_city(pipeline: Pipeline) -> None:
    body = "TIMMINS, Ont. — Teachers will hold a rally at Queen's Park in Toronto on June 14."
    assert ("protest", "Toronto", "planned") in _incidents(pipeline, body)


def test_help_sent_from_afar_goes_to_the_dateline_scene(pipeline: Pipeline) -> None:
    body = (
        "DAVENPORT, Iowa — The Mississippi River flooded about 40 homes in Davenport on "
        "Monday.\n\nThe river at Davenport is forecast to crest on Wednesday.\n\n"
        "Sandbags are available at the Davenport public works yard.\n\n"
        "Bettendorf opened its levee gates on Sunday.\n\n"
        "The governor ordered the Iowa National Guard to help, and about 80 soldiers were "
        "sent from Des Moines on Monday night to fill sandbags."
    )
    assert (("Des Moines", "Davenport"), "dispatched", "reported") in _moves(pipeline, body)


def test_people_who_came_from_afar_to_join_a_protest_came_to_it(pipeline: Pipeline) -> None:
    body = (
        "DAVENPORT, Iowa — About 200 people rallied outside Davenport City Hall on Tuesday. "
        "Organizers said some marchers had driven from Chicago to join them."
    )
    assert (("Chicago", "Davenport"), "travelled", "reported") in _moves(pipeline, body)


@pytest.mark.parametrize(
    "road", ["U.S. Highway 30", "Interstate 80", "the highway", "State Route 61"]
)
def test_a_crash_is_where_the_vehicle_left_the_road(pipeline: Pipeline, road: str) -> None:
    body = (
        "OGALLALA, Neb. — A trucker was hurt Monday. In a separate crash Sunday, a woman "
        f"was killed when her car left {road} east of North Platte and rolled."
    )
    assert ("crash", "North Platte", "reported") in _incidents(pipeline, body)
    assert _moves(pipeline, body) == []


def test_people_who_came_to_a_place_the_sentence_names_are_not_sent_elsewhere(
    pipeline: Pipeline,
) -> None:
    body = (
        "DAVENPORT, Iowa — About 200 people rallied outside Davenport City Hall on Tuesday. "
        "Buses carrying marchers from Chicago arrived in the city at dawn to join them."
    )
    assert all(m[0][-1] == "Davenport" for m in _moves(pipeline, body))


def _report(pipeline: Pipeline, headline: str, body: str):  # type: ignore[no-untyped-def]
    text = f"{headline}\n\nPublished May 20, 2025\n\n{body}"
    return pipeline.extract(parse_document(text.encode(), "t.txt"))


def test_a_headline_man_named_for_his_home_was_not_arrested_there(pipeline: Pipeline) -> None:
    result = _report(
        pipeline,
        "Store locked down after armed man reported; Ottumwa man arrested",
        "BETTENDORF, Iowa — A store was locked down for an hour Monday after a caller "
        "reported a man with a gun, and police arrested a 30-year-old Ottumwa man nearby.",
    )
    arrests = [i.place.name for i in result.incidents if i.event_type == "arrest"]
    assert arrests == ["Bettendorf"]


def test_a_headline_home_stands_when_the_body_tells_no_such_event(pipeline: Pipeline) -> None:
    result = _report(
        pipeline,
        "Bettendorf man arrested",
        "DAVENPORT, Iowa — The weather service said the river would crest on Wednesday.",
    )
    assert [i.event_type for i in result.incidents] == ["arrest"]


@pytest.mark.parametrize("other", ["a semi-trailer", "a semi-truck", "a pickup"])
def test_a_car_that_struck_a_truck_is_a_collision_however_the_truck_is_named(
    pipeline: Pipeline, other: str
) -> None:
    body = (
        "OGALLALA, Neb. — Two people died Monday near Ogallala. Troopers said a car was "
        f"going east in the westbound lanes when it struck {other} head-on."
    )
    assert [i[0] for i in _incidents(pipeline, body)] == ["collision"]


def test_a_driver_taken_to_a_hospital_in_the_crash_town_made_no_journey(
    pipeline: Pipeline,
) -> None:
    body = (
        "OGALLALA, Neb. — A pickup and a tanker collided on Interstate 80 near Ogallala on "
        "Monday.\n\nThe tanker's driver was hauling fuel from Cheyenne to Omaha, troopers "
        "said. He was taken to a hospital in Ogallala and later flown to a hospital in North "
        "Platte."
    )
    assert sorted(_moves(pipeline, body)) == [
        (("Cheyenne", "Omaha"), "travelled", "reported"),
        (("Ogallala", "North Platte"), "travelled", "reported"),
    ]


@pytest.mark.parametrize("future", [False, True])
def test_next_weekday_is_that_day_of_the_week_after_the_report(future: bool) -> None:
    when = find_date("will fly there next Monday", date(2025, 2, 19), future=future)
    assert when is not None and when.start == date(2025, 2, 24)


def test_talks_during_a_trip_are_where_the_trip_goes(pipeline: Pipeline) -> None:
    body = (
        "CHILLICOTHE, Ohio — The mayor will drive to Columbus next Monday to ask for road "
        "money. She said she will meet with Gov. Mike DeWine and the leaders of both chambers "
        "during the trip."
    )
    meetings = [i for i in _incidents(pipeline, body) if i[0] == "meeting/summit"]
    assert meetings == [("meeting/summit", "Columbus", "planned")]
