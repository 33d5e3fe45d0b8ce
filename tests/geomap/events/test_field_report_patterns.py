"""Patterns of monitors' and aid workers' field reports (events_fresh11's blind errors), in
invented sentences unlike the set's."""

from __future__ import annotations

import pytest

from geomap.events.clauses import status, tokenize
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


def test_an_evacuation_vehicle_struck_is_an_attack_and_no_evacuation(pipeline: Pipeline) -> None:
    body = "A drone hit a marked evacuation vehicle on a road near Sumy on Tuesday, wounding two."
    assert [(t, p) for t, p, _ in _incidents(pipeline, body)] == [("attack", "Sumy")]


def test_a_bomb_that_went_off_east_of_a_town_is_an_attack_by_it(pipeline: Pipeline) -> None:
    body = "A roadside bomb went off under an army truck about 15 km east of Gao on Monday."
    assert [(t, p) for t, p, _ in _incidents(pipeline, body)] == [("attack", "Gao")]


def test_a_log_entry_s_date_line_dates_the_events_after_it(pipeline: Pipeline) -> None:
    body = (
        "7 June, 14:20. Gunmen fired on a police post on the northern edge of Gao.\n\n"
        "8 June. A bomb went off near Ansongo, wounding a driver.\n"
    )
    found = _incidents(pipeline, body)
    assert ("attack", "Gao", "2022-06-07") in found
    assert ("attack", "Ansongo", "2022-06-08") in found


def test_what_a_sentence_opens_with_is_what_its_authorities_evacuated(pipeline: Pipeline) -> None:
    body = (
        "In Kismayo, heavy rain flooded low-lying streets on Monday, and the authorities "
        "evacuated about 500 families to schools on higher ground."
    )
    found = [(t, p) for t, p, _ in _incidents(pipeline, body)]
    assert ("evacuation", "Kismayo") in found


def test_someone_who_remains_detained_was_not_arrested_again(pipeline: Pipeline) -> None:
    body = "A lawyer from Matagalpa, who was not freed with the others, remains detained."
    assert _incidents(pipeline, body) == []


def test_a_meeting_held_with_another_party_is_a_meeting(pipeline: Pipeline) -> None:
    body = "On Monday, provincial officials held a meeting in Pemba with fishermen's leaders."
    assert [(t, p) for t, p, _ in _incidents(pipeline, body)] == [("meeting/summit", "Pemba")]
    # one body's own session is none
    council = "On Monday, the town council held a meeting in Pemba with residents."
    assert _incidents(pipeline, council) == []


def test_people_armed_men_took_away_disappeared(pipeline: Pipeline) -> None:
    body = "Armed men took away two teachers from a school in Kaduna on Monday."
    assert [(t, p) for t, p, _ in _incidents(pipeline, body)] == [("disappearance", "Kaduna")]
    assert _incidents(pipeline, "Police took away the bodies in Kaduna on Monday.") == []


def test_protesters_arrested_at_the_scene_of_a_march_in_a_town(pipeline: Pipeline) -> None:
    """A march of a town's residents against an attack elsewhere: the march is in the town,
    and so is the arrest of its protesters "at the scene" (not where the attack was); a
    student's home named after "from" does not take the arrest elsewhere."""
    text = (
        "Protesters held in Beni sent to the capital   Ann Writer   Monitors   June 10, 2022\n"
        "On 3 June, soldiers used water cannon to break up a march of about 300 residents in "
        "Beni who were protesting against the killing of nine farmers in an attack on a camp "
        "near Butembo on 30 May.\n\n"
        "Soldiers detained 12 protesters at the scene, among them a student from Goma.\n"
    )
    doc = parse_document(text.encode(), "t.txt")
    found = {(i.event_type, i.place.name) for i in pipeline.extract(doc).incidents}
    assert {("protest", "Beni"), ("attack", "Butembo"), ("arrest", "Beni")} <= found
    assert ("arrest", "Butembo") not in found


@pytest.mark.parametrize(
    "sentence,expected",
    [
        ("Mothers of men who were not freed held a sit-in outside the barracks.", "reported"),
        ("Workers who were paid had not held a sit-in outside the mill.", None),
        ("Workers who had not been paid did not hold a sit-in outside the mill.", None),
    ],
)
def test_a_negation_inside_a_relative_clause_is_not_the_event_s(
    sentence: str, expected: str | None
) -> None:
    tokens = tokenize(sentence)
    index = next(i for i, t in enumerate(tokens) if t.lower == "sit-in")
    assert status(tokens, index, sentence, noun=True, incident=True) == expected


def test_people_flee_where_the_violence_just_told_was_however_it_was_placed(
    pipeline: Pipeline,
) -> None:
    body = (
        "Families displaced from a village near Kitgum spoke to our team in Gulu on 5 June. "
        "They said gunmen burned the village on 2 June and killed four men. "
        "Most residents fled on foot to Lira."
    )
    assert ("Kitgum", "Lira") in _paths(pipeline, body)


def test_people_who_had_left_a_town_and_returned_went_back_to_it(pipeline: Pipeline) -> None:
    body = "About 80 families who had left Luuq during the floods returned from Baidoa last week."
    assert _paths(pipeline, body) == [("Baidoa", "Luuq")]


def test_some_went_on_from_where_the_others_remain(pipeline: Pipeline) -> None:
    body = (
        "Fighting emptied villages around Kitgum in May. Most of the displaced remain in "
        "schools in Gulu; some have gone on to Kampala."
    )
    assert ("Gulu", "Kampala") in _paths(pipeline, body)
    assert not any(p[-1] == "Kampala" and p[0] != "Gulu" for p in _paths(pipeline, body))


def test_gone_home_is_no_journey_told_to_a_place(pipeline: Pipeline) -> None:
    body = "About 900 refugees from Sudan living in Chad have gone home since January."
    assert _paths(pipeline, body) == []


def test_an_announced_evacuation_of_a_community_s_villages_to_begin_later(
    pipeline: Pipeline,
) -> None:
    body = (
        "The governor ordered the evacuation of residents from nine villages of the Kharkiv "
        "district, to begin on 14 June."
    )
    found = [(i.event_type, i.place.name, i.status) for i in _extract(pipeline, body).incidents]
    assert found == [("evacuation", "Kharkiv", "planned")]


def test_shelling_that_hit_both_towns_hit_each_of_them(pipeline: Pipeline) -> None:
    body = (
        "Families had left Beni and Butembo in North Kivu after shelling hit both towns on 2 June."
    )
    found = [(t, p) for t, p, _ in _incidents(pipeline, body) if t == "attack"]
    assert sorted(found) == [("attack", "Beni"), ("attack", "Butembo")]
