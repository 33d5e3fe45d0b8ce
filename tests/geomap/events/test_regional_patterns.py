"""Patterns of regional English-language papers outside the US and UK (events_fresh12's
errors); every sentence is invented."""

from __future__ import annotations

import pytest

from geomap.pipeline import Pipeline
from geomap.reports.text import parse_document

HEADER = "Report   Ann Writer   Staff Reporter   May 8, 2024\n"


def _extract(pipeline: Pipeline, body: str):  # type: ignore[no-untyped-def]
    """The report of ``body``; one opening with a dateline ("LIMA — ...") keeps it first."""
    lead = "" if " — " in body[:40] or ": " in body[:20] else "Prices rose in April.\n\n"
    doc = parse_document((HEADER + "\n" + lead + body).encode(), "t.txt")
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


@pytest.mark.parametrize("where", ["a level crossing", "a railway crossing", "the rail crossing"])
def test_a_collision_at_a_level_crossing_is_no_border_crossing(
    pipeline: Pipeline, where: str
) -> None:
    body = f"A milk tanker collided with a goods train at {where} near Drummondville on Monday."
    assert _incidents(pipeline, body) == [("collision", "Drummondville", "reported")]


def test_a_border_crossing_is_still_one(pipeline: Pipeline) -> None:
    body = "Dozens of families crossed into Chad from Sudan on Monday."
    assert [m[1] for m in _moves(pipeline, body)] == ["crossed"]


@pytest.mark.parametrize(
    "body",
    [
        "The under-17 side from Multan will make the trip to Quetta on Saturday.",
        "The mayor of Cebu will undertake a journey to Davao next week.",
    ],
)
def test_a_trip_someone_will_make_is_planned(pipeline: Pipeline, body: str) -> None:
    [(_, kind, status)] = _moves(pipeline, body)
    assert (kind, status) == ("travelled", "planned")


def test_a_trip_someone_made_is_reported(pipeline: Pipeline) -> None:
    body = "The under-17 side from Multan made the trip to Quetta on Saturday."
    assert [m[2] for m in _moves(pipeline, body)] == ["reported"]


@pytest.mark.parametrize(
    "body,path",
    [
        (
            "A lorry overturned near Satara on Sunday. Two injured men were referred to a "
            "hospital in Kolhapur.",
            ("Satara", "Kolhāpur"),
        ),
        (
            "A tractor overturned near Satara on Sunday. Its driver was later shifted "
            "to the district hospital in Kolhapur.",
            ("Satara", "Kolhāpur"),
        ),
    ],
)
def test_a_patient_referred_or_shifted_to_a_hospital_is_moved(
    pipeline: Pipeline, body: str, path: tuple[str, ...]
) -> None:
    assert (path, "travelled", "reported") in _moves(pipeline, body)


@pytest.mark.parametrize(
    "body",
    [
        "The committee in Pune referred to the report on Karachi at length.",
        "The company shifted its focus to Lahore after the merger in Karachi.",
    ],
)
def test_referred_or_shifted_without_a_hospital_moves_no_one(pipeline: Pipeline, body: str) -> None:
    assert _moves(pipeline, body) == []


@pytest.mark.parametrize(
    "body",
    [
        "Farmers staged a rasta roko at Madurai on Tuesday over the price of paddy.",
        "Boat owners held a dharna at Kollam on Tuesday over diesel prices.",
        "Students began a rail roko at Madurai on Tuesday.",
    ],
)
def test_south_asian_words_for_a_blockade_or_sit_in_are_protests(
    pipeline: Pipeline, body: str
) -> None:
    assert [i[0] for i in _incidents(pipeline, body)] == ["protest"]


@pytest.mark.parametrize(
    "body",
    [
        "Residents of Alappuzha say the main road floods whenever it rains.",
        "Villagers in Kollam want a rescue boat ready whenever fishermen go missing.",
    ],
)
def test_what_happens_whenever_something_does_is_no_incident(pipeline: Pipeline, body: str) -> None:
    assert _incidents(pipeline, body) == []


@pytest.mark.parametrize(
    "body,town",
    [
        (
            "In Ajmer, traders staged a demonstration outside the civic centre on Monday, "
            "alleging that water had not reached villages in Kishangarh.",
            "Ajmer",
        ),
        (
            "Nurses protested outside the hospital in Kisumu on Monday, demanding the release "
            "of colleagues detained in Nakuru.",
            "Kisumu",
        ),
    ],
)
def test_a_place_in_what_protesters_claim_or_demand_is_not_the_protest_s(
    pipeline: Pipeline, body: str, town: str
) -> None:
    assert [(i[0], i[1]) for i in _incidents(pipeline, body) if i[0] == "protest"] == [
        ("protest", town)
    ]


@pytest.mark.parametrize(
    "body",
    [
        "Three companies of the reserve police were rushed to Bharuch from Surat on Sunday.",
        "Troops were moved to Bharuch from Surat overnight.",
    ],
)
def test_units_rushed_or_moved_in_the_passive_are_dispatched(pipeline: Pipeline, body: str) -> None:
    assert [m[1] for m in _moves(pipeline, body)] == ["dispatched"]


def test_wounded_soldiers_flown_out_are_patients_not_a_unit_sent(pipeline: Pipeline) -> None:
    body = "Two soldiers wounded in the blast were flown from Surat to Mumbai for treatment."
    assert [m[1] for m in _moves(pipeline, body)] == ["travelled"]


def test_a_place_in_the_topic_of_talks_is_not_where_they_were_held(pipeline: Pipeline) -> None:
    body = (
        "LIMA — The two presidents held talks at the palace on Monday, focusing on copper "
        "and a railway through the Andes."
    )
    found = [i[:2] for i in _incidents(pipeline, body)]
    assert ("meeting/summit", "Lima") in found
    assert all(place != "Andes" for _, place in found)


@pytest.mark.parametrize(
    "body",
    [
        "Smuggled cement remained a threat to small builders in Kano, the minister said.",
        "He said smuggled rice is a worry for farmers in Kebbi and Sokoto.",
    ],
)
def test_smuggled_goods_as_a_subject_moved_nowhere(pipeline: Pipeline, body: str) -> None:
    assert _moves(pipeline, body) == []


def test_goods_smuggled_somewhere_still_moved(pipeline: Pipeline) -> None:
    body = "Cement smuggled from Cotonou to Lagos was seized on Monday."
    assert [m[0] for m in _moves(pipeline, body)] == [("Cotonou", "Lagos")]


def test_the_injured_taken_by_rescuers_set_out_from_the_crash(pipeline: Pipeline) -> None:
    body = (
        "MULTAN: A van overturned near Khanewal on Sunday, killing four. Rescuers reached the "
        "spot quickly and shifted the injured to the Nishtar Hospital in Multan."
    )
    assert (("Khanewal", "Multan"), "travelled", "reported") in _moves(pipeline, body)


def test_a_town_near_which_it_happened_beats_the_district_it_is_in(pipeline: Pipeline) -> None:
    body = "A bus overturned near the Bhera interchange in Sargodha district on Friday."
    assert [i[:2] for i in _incidents(pipeline, body)] == [("crash", "Bhera")]


def test_the_city_after_a_route_under_way_is_the_dateline_s(pipeline: Pipeline) -> None:
    body = (
        "MELVILLE, Sask. — A freight train travelling from Toronto to Vancouver left the "
        "track on Monday, 15 kilometres east of the city."
    )
    found = [i[:2] for i in _incidents(pipeline, body) if i[0] == "derailment"]
    assert found == [("derailment", "Melville")]


def test_the_town_a_unit_was_sent_to_is_still_the_town(pipeline: Pipeline) -> None:
    body = (
        "Gunmen attacked a police post in Ndop on Saturday. Soldiers were deployed from "
        "Bamenda to Ndop on Sunday, and six men were arrested in the town."
    )
    assert ("arrest", "Ndop") in [i[:2] for i in _incidents(pipeline, body)]


@pytest.mark.parametrize(
    "body",
    [
        "LIMA — Their leader is expected to make a visit to Quito next year, though no date "
        "has been set.",
        "LIMA — A state visit to Quito is planned, but dates are yet to be fixed.",
    ],
)
def test_a_visit_with_no_date_set_is_not_announced(pipeline: Pipeline, body: str) -> None:
    assert _moves(pipeline, body) == []


def test_a_visit_with_a_date_is_announced(pipeline: Pipeline) -> None:
    body = "LIMA — The foreign minister will fly from Lima to Quito on Friday."
    assert [m[2] for m in _moves(pipeline, body)] == ["planned"]


def test_a_suburb_read_as_a_namesake_abroad_is_in_the_dateline_s_city(
    pipeline: Pipeline,
) -> None:
    body = (
        "JOHANNESBURG — Thousands of workers marched from a square in Newtown to the City "
        "Hall on Monday. Police in Soweto and Pretoria said buses from Rustenburg and "
        "Polokwane were stopped."
    )
    assert ("protest", "Johannesburg") in [i[:2] for i in _incidents(pipeline, body)]


def test_a_big_namesake_abroad_is_not_moved_to_the_dateline(pipeline: Pipeline) -> None:
    """Berlin read as Germany's capital in a Delaware report is a town elsewhere that the
    report does not place, not a neighbourhood of the dateline's town."""
    body = (
        "DOVER, Del. — A teenager was hurt when his car struck a tree in Berlin on Monday, "
        "and police in Smyrna, Camden and Milford are looking for witnesses."
    )
    assert all(place != "Dover" for _, place, _ in _incidents(pipeline, body))


def test_a_city_told_after_a_district_as_a_distance_is_not_the_event_s(
    pipeline: Pipeline,
) -> None:
    body = (
        "The grenade attack took place in the town of Dikwella, in Matara district some "
        "180 km south of the capital Colombo."
    )
    assert all(place != "Colombo" for _, place, _ in _incidents(pipeline, body))


def test_a_street_near_which_it_happened_leaves_the_county(pipeline: Pipeline) -> None:
    body = "A jogger was stabbed on Tuesday near Elmwood Road in Fulton County, police said."
    assert [i[:2] for i in _incidents(pipeline, body)] == [("attack", "Fulton County")]


def test_an_arrest_and_a_rescue_in_one_raid_share_its_place(pipeline: Pipeline) -> None:
    body = (
        "Police have arrested six suspected robbers and rescued two victims in a raid near "
        "Ogbomosho."
    )
    assert ("arrest", "Ogbomoso") in [i[:2] for i in _incidents(pipeline, body)]


def test_an_arrest_with_its_own_place_keeps_it(pipeline: Pipeline) -> None:
    body = "Police arrested six men in Oyo and rescued two victims from a farm near Ogbomosho."
    assert ("arrest", "Oyo") in [i[:2] for i in _incidents(pipeline, body)]


def test_a_journey_that_goes_on_sets_out_from_the_last_stop_a_sentence_back(
    pipeline: Pipeline,
) -> None:
    body = (
        "LIMA — On Tuesday the president flew from Lima to Cusco, where he opened a trade "
        "fair. The fair was organised by two chambers of commerce.\n\n"
        "He will travel on to Arequipa on Wednesday, his office said."
    )
    assert (("Cusco", "Arequipa"), "travelled", "planned") in _moves(pipeline, body)


def test_a_leg_in_a_before_clause_sets_out_from_the_last_destination(pipeline: Pipeline) -> None:
    body = (
        "LIMA — The minister will fly from Lima to Arequipa on Wednesday, before returning to "
        "Cusco."
    )
    assert (("Arequipa", "Cusco"), "travelled", "planned") in _moves(pipeline, body)


def test_a_plan_told_in_a_relative_clause_is_no_leg(pipeline: Pipeline) -> None:
    body = (
        "She had sent her children to Cusco, where she was due to study for a term before "
        "transferring to the college's Arequipa campus."
    )
    assert all(m[0] != ("Cusco", "Arequipa") for m in _moves(pipeline, body))


def test_others_sent_on_do_not_go_on_from_the_last_stop(pipeline: Pipeline) -> None:
    body = (
        "The envoy flew from Hanoi to Bangkok on Monday. She met ministers on Tuesday. It is "
        "a routine step before migrants are sent on to Seoul."
    )
    assert all(m[0] != ("Bangkok", "Seoul") for m in _moves(pipeline, body))


def test_people_from_a_town_returning_home_went_back_there(pipeline: Pipeline) -> None:
    body = (
        "MULTAN: The dead included a family of five from Khanewal who were returning home "
        "after a wedding, relatives said."
    )
    assert _moves(pipeline, body) == []


def test_a_band_of_a_town_returning_home_still_goes_home(pipeline: Pipeline) -> None:
    body = "MULTAN: The Leeds band returned home from Lahore on Monday."
    assert [m[0] for m in _moves(pipeline, body)] == [("Lahore", "Leeds")]
